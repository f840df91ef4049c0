/*
 * node_text: the plain text of a CommonMark node (a heading's words for
 * the section list, a paragraph for the search index).
 */
#ifndef KIOSK_NODE_TEXT_H
#define KIOSK_NODE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

/* The literals of node n and everything inside it (text, code, code
 * blocks; a space for each line break and between table cells and rows), not sanitized, from at most max
 * bytes, into *buf: grown as needed (*cap bytes, the caller owns and
 * frees it; start with NULL and 0) and NUL-terminated.  Returns the
 * length.  For callers that read many nodes with one buffer. */
size_t node_literals(cmark_node *n, size_t max, char **buf, size_t *cap);

/* The text of node n and everything inside it, on one line: sanitized,
 * line breaks and tabs as spaces, from at most max bytes of literals.
 * Caller frees; its length goes to *len when len is not NULL. */
char *node_text(cmark_node *n, size_t max, size_t *len);

/* True for the blocks whose text is read as one piece (search units):
 * headings, paragraphs, code blocks and table rows (GitHub tables; a
 * row's cells hold their text directly, with no paragraph). */
bool node_is_text_unit(cmark_node *n);

#endif
