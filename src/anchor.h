/*
 * anchor: which section a link fragment names.
 *
 * A fragment ("#what-are-the-risks", "#iğne-nasıl-yapılır",
 * "#i%C4%9Fne") names a heading when both give the same key: percent
 * escapes decoded, case and accents folded (fold.h: Turkish İ and ı
 * become i), punctuation dropped, and every run of spaces, hyphens and
 * underscores one hyphen.  GitHub's slugs, the kiosk's own and the words
 * of the heading as written all match.  One rule, used by the reader and
 * by --check.
 */
#ifndef KIOSK_ANCHOR_H
#define KIOSK_ANCHOR_H

#include <stdbool.h>
#include <stddef.h>

/* The key of s[0..len) (a heading, or a fragment with its escapes
 * decoded): a new NUL-terminated string, caller frees.  Letters and
 * digits of every script are kept (folded), so a heading in Turkish or
 * Greek keeps its own letters. */
char *anchor_key(const char *s, size_t len);

/* True when fragment (as written after '#', percent escapes allowed)
 * names the heading titled title. */
bool anchor_match(const char *title, const char *fragment);

/* The fragment with its %XX escapes decoded: a new string, caller frees.
 * A bad escape is kept as written. */
char *anchor_unescape(const char *fragment);

#endif
