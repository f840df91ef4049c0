/*
 * anchor: which section a link fragment names.
 *
 * A fragment ("#what-are-the-risks", "#iğne-nasıl-yapılır",
 * "#i%C4%9Fne") names a heading when both give the same key: percent
 * escapes decoded, case and accents folded (fold.h: Turkish İ and ı
 * become i), punctuation dropped, and every run of spaces, hyphens and
 * underscores one hyphen.  GitHub's slugs, the kiosk's own and the words
 * of the heading as written all match, and so does the heading's own id
 * ({#id} after it, or an HTML id: anchor_match_id).  One rule, used by
 * the reader and by --check.
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

/* As anchor_match, and also true when the fragment is the heading's own
 * id (a {#id} or an HTML id; NULL for none), as written or by key. */
bool anchor_match_id(const char *title, const char *id, const char *fragment);

/* A link fragment for the heading titled title, in its own letters:
 * lower case, punctuation dropped, spaces as hyphens ("İğne nasıl?" ->
 * "iğne-nasıl"), as GitHub makes them.  New string, caller frees. */
char *anchor_slug(const char *title);

/* How many characters (code points) must change to turn a into b
 * (Levenshtein), for "did you mean" suggestions. */
size_t anchor_distance(const char *a, const char *b);

/* The fragment with its %XX escapes decoded: a new string, caller frees.
 * A bad escape is kept as written. */
char *anchor_unescape(const char *fragment);

#endif
