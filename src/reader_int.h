/*
 * reader_int: what reader.c and reader_pane.c share; not for screens.
 */
#ifndef KIOSK_READER_INT_H
#define KIOSK_READER_INT_H

#include "reader.h"

/* Lays the text and the pane out again where their widths changed,
 * keeps the focused word on screen, drops a focus that went off it. */
void reader_fit(struct reader *rd);
/* The largest first line of l shown in h rows. */
size_t reader_max_top(const struct layout *l, int h);
/* Frees what the pane holds and zeroes it. */
void reader_pane_free(struct reader_pane *p);
/* An open pane shows the focused word of the text. */
void reader_follow(struct reader *rd);

/* Columns the section list needs for the titles of l (margins, the
 * pointer, the indent of level-3 titles). */
int reader_side_need(const struct layout *l);
/* The same from a document's headings, before it is laid out. */
int reader_guess_side_need(cmark_node *doc);

#endif
