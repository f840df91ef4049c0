/*
 * listview: the one list geometry of the home, search, words and help
 * screens: a selection, the first row shown, a page, and a hit test.
 *
 * A list has n items of rows_per rows each (1, or 2 for search results)
 * shown in h rows.  sel is an item, top a row.  The key handler moves sel
 * and stores the top that keeps it on screen (listview_follow); draw and
 * the mouse read the same top through listview_top, which is pure, so a
 * paint after a resize never writes state.  Curses-free.
 */
#ifndef KIOSK_LISTVIEW_H
#define KIOSK_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

struct listview {
	size_t sel; /* selected item */
	size_t top; /* first row shown, as last stored */
};

/* Up, Down, Page Up/Down (by page items), Home, End on n items; true when
 * act was one of them.  Keeps the selection on screen in h rows.  Each
 * screen keeps its own page size (listview_page is the usual one). */
bool listview_key(struct listview *lv, enum action act, size_t n,
		  size_t page, size_t rows_per, int h);

/* The first row to show so that rows [first, last] are on screen in h
 * rows, starting from lv->top. */
size_t listview_top_for(const struct listview *lv, size_t first, size_t last,
			int h);
/* The first row to show so that the selected item is on screen. */
size_t listview_top(const struct listview *lv, size_t rows_per, int h);
/* Stores listview_top. */
void listview_follow(struct listview *lv, size_t rows_per, int h);

/* The item at row y of the list (0 = first row shown), or -1. */
long listview_hit(const struct listview *lv, int y, size_t n, size_t rows_per,
		  int h);

/* When the n items do not all fit in h rows: a sentence for a person
 * saying which are shown and that more are above or below ("1-4 of 9.
 * More below."), in buf; else "" (returns false). */
bool listview_cue(const struct listview *lv, size_t n, size_t rows_per, int h,
		  char *buf, size_t size);

/* Items per page: h rows less one item, at least one. */
size_t listview_page(size_t rows_per, int h);

#endif
