/*
 * rowcache: rows of stdscr, each painted once and kept with the key of
 * what was painted there, so a paint that would draw the same row again
 * (the section list while the text scrolls, or shifted by one row after
 * the next section) copies its cells back instead of measuring and
 * converting every string again.
 *
 * The cells are kept in an off-screen pad, one pad row per slot; slots
 * are direct-mapped by a hash of the key (a collision only costs a
 * repaint).  A key is the caller's: a struct of plain values (zeroed
 * first, so padding compares equal) holding everything the row's cells
 * depend on (what is shown, its width, attributes), but not its screen
 * position: a row kept at one place is copied to another.  Whatever a key
 * cannot hold (the identity of a layout that was rebuilt) is the
 * caller's to forget with rowcache_clear.
 */
#ifndef KIOSK_ROWCACHE_H
#define KIOSK_ROWCACHE_H

#include <stdbool.h>
#include <stddef.h>

#define ROWCACHE_KEY_MAX 96
#define ROWCACHE_SLOTS 256

struct rowcache;

/* A new, empty cache; caller frees with rowcache_free (NULL is fine). */
struct rowcache *rowcache_new(void);
void rowcache_free(struct rowcache *c);

/* Forgets every row: rowcache_restore returns false until rows are
 * saved again. */
void rowcache_clear(struct rowcache *c);

/* When c holds a row of w columns saved under key[0..len), copies it onto
 * stdscr at (y, x) and returns true; else changes nothing and returns
 * false (the caller paints the row, then saves it). */
bool rowcache_restore(struct rowcache *c, const void *key, size_t len,
		      int y, int x, int w);

/* Keeps the w columns of stdscr at (y, x), just painted, under
 * key[0..len) (at most ROWCACHE_KEY_MAX bytes), in place of the row that
 * had its slot.  A row off the screen is not kept. */
void rowcache_save(struct rowcache *c, const void *key, size_t len, int y,
		   int x, int w);

#endif
