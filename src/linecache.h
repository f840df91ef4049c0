/*
 * linecache: laid-out lines (layout.h) converted to curses cells once and
 * kept, so painting a line again (a scroll, a repaint after a key) copies
 * cells instead of decoding UTF-8 and measuring every character.
 *
 * A line becomes one cell per spacing character (combining marks joined
 * to the character before them) in the attributes draw_line gives its
 * span; curses applies the window's background when the cells are
 * painted, as it does for draw_line.  A line that cannot be copied cell
 * for cell (see convert in linecache.c) is painted by draw_line.
 *
 * Slots are direct-mapped by line number, at least twice as many as the
 * screen has rows (at most LINECACHE_SLOTS, more than TERM_MAX_ROWS), so
 * the lines of one screen never push each other out, and memory stays
 * bounded (two screens of lines) however long the text is.
 */
#ifndef KIOSK_LINECACHE_H
#define KIOSK_LINECACHE_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

#define LINECACHE_SLOTS 256

struct linecache;

/* A new, empty cache; caller frees with linecache_free (NULL is fine). */
struct linecache *linecache_new(void);
void linecache_free(struct linecache *c);

/* Forgets every line (and frees their cells).  Call when the layout the
 * lines came from is freed or rebuilt: the cache keys lines by number
 * only. */
void linecache_clear(struct linecache *c);

/* Paints line i of l at (y, x) on stdscr, clipped to maxw columns, exactly
 * as draw_line(y, x, &l->lines[i], maxw, focus) does.  A line with a span
 * of target focus is painted directly (not cached). */
void linecache_draw(struct linecache *c, const struct layout *l, size_t i,
		    int y, int x, int maxw, int32_t focus);

#endif
