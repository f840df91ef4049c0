/*
 * node_text: the plain text of a CommonMark node (a heading's words for
 * the section list, a paragraph for the search index).
 */
#ifndef KIOSK_NODE_TEXT_H
#define KIOSK_NODE_TEXT_H

#include <stddef.h>

#include <cmark.h>

/* The text of node n and everything inside it, on one line: sanitized,
 * line breaks and tabs as spaces, from at most max bytes of literals.
 * Caller frees; its length goes to *len when len is not NULL. */
char *node_text(cmark_node *n, size_t max, size_t *len);

#endif
