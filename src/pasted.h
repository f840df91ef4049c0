/*
 * pasted: Markdown that holds text pasted from Word or typed by hand,
 * made into the Markdown it was meant to be before cmark parses it.
 *
 * A line that starts (after at most three spaces) with a hand-typed
 * bullet becomes a list item: "•", "▪", "◦", "●" or Word's private-use
 * bullets U+F0B7 and U+F0A7 (Symbol and Wingdings fonts), directly before
 * the text or followed by blanks; "·" and "–" only when a space, a tab or
 * a no-break space follows.  The bullet and the blanks after it become
 * "-" ("*" for the square and round ones, "+" for "·" and "–", so lists
 * of different bullets stay apart) and spaces of the same length when that is at most five bytes (so
 * columns of messages do not move), else "- ".  Elsewhere U+F0B7 becomes
 * "•" and U+F0A7 "▪", so a private-use glyph never reaches the screen.
 * Lines inside fenced code blocks are left as they are.  Line breaks are
 * never added or removed, so line numbers stay those of the file.
 */
#ifndef KIOSK_PASTED_H
#define KIOSK_PASTED_H

#include <stddef.h>

#include <cmark-gfm.h>

/* Feeds text[0..len) to p (cmark_parser_feed), changed as above.  Text
 * without hand-typed bullets is fed in one call, unchanged. */
void pasted_feed(cmark_parser *p, const char *text, size_t len);

/* Length of a hand-typed bullet at s[0..n) and the blanks after it, 0
 * when s does not start with one; *blanks gets the blanks' length (a
 * no-break space counts as its two bytes).  Shared with plaintext.c. */
size_t pasted_bullet(const char *s, size_t n, size_t *blanks);

#endif
