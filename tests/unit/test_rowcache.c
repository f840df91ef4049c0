/*
 * Tests for rowcache.c: a row copied back is cell for cell the row that
 * was painted; a row is only given back for the same key and width; a
 * cleared cache gives nothing back (the section list after a layout
 * rebuild, a reload or a resize must not come from stale cells).  curses
 * runs on xterm-256color writing to /dev/null.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "headless.h"
#include "rowcache.h"
#include "theme.h"

#define COLS_ 80
#define ROWS_ 30

struct fixture {
	struct headless h;
};

static int start(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || headless_open(&f->h, ROWS_, COLS_) != 0)
		return -1;
	theme_init(THEME_DEFAULT, false);
	*state = f;
	return 0;
}

static int stop(void **state)
{
	struct fixture *f = *state;
	headless_close(&f->h);
	free(f);
	return 0;
}

struct key {
	int id;
	int variant;
};

/* Paints row content n at (y, x), w columns: wide and combining
 * characters and two attributes, so a copy that lost any would show. */
static void paint(int n, int y, int x, int w)
{
	attrset(theme_ui(UI_CURRENT));
	mvhline(y, x, ' ', w);
	char s[64];
	snprintf(s, sizeof s, "%d: Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac e\xcc\x81", n);
	mvaddnstr(y, x + 1, s, w - 2);
	attrset(theme_ui(UI_BORDER));
	mvaddstr(y, x + w - 1, "\xe2\x94\x82");
	attrset(A_NORMAL);
}

/* Row y of stdscr, all columns (zeroed first: curses may leave the last
 * cell of the buffer for its terminator). */
static void row_cells(int y, cchar_t *cells)
{
	memset(cells, 0, (COLS_ + 1) * sizeof *cells);
	mvin_wchnstr(y, 0, cells, COLS_);
}

static void same_rows(int ya, int yb)
{
	cchar_t a[COLS_ + 1], b[COLS_ + 1];
	row_cells(ya, a);
	row_cells(yb, b);
	for (int x = 0; x < COLS_; x++)
		if (memcmp(&a[x], &b[x], sizeof a[x]) != 0)
			fail_msg("rows %d and %d differ at column %d", ya, yb, x);
}

static void copied_row_is_the_painted_row(void **state)
{
	(void)state;
	struct rowcache *c = rowcache_new();
	struct key k = {1, 0};
	erase();
	assert_false(rowcache_restore(c, &k, sizeof k, 5, 0, 30));
	paint(1, 5, 0, 30);
	rowcache_save(c, &k, sizeof k, 5, 0, 30);
	/* Painted at row 3, copied back at row 9: same cells. */
	paint(1, 3, 0, 30);
	assert_true(rowcache_restore(c, &k, sizeof k, 9, 0, 30));
	same_rows(3, 9);
	rowcache_free(c);
}

static void only_the_same_key_and_width(void **state)
{
	(void)state;
	struct rowcache *c = rowcache_new();
	erase();
	for (int i = 0; i < 20; i++) {
		struct key k = {i, 0};
		paint(i, i, 0, 30);
		rowcache_save(c, &k, sizeof k, i, 0, 30);
	}
	struct key other = {3, 1};
	assert_false(rowcache_restore(c, &other, sizeof other, 25, 0, 30));
	struct key k3 = {3, 0};
	assert_false(rowcache_restore(c, &k3, sizeof k3, 25, 0, 31));
	/* All twenty rows are still there, each at its own key. */
	for (int i = 0; i < 20; i++) {
		struct key k = {i, 0};
		move(25, 0);
		clrtoeol();
		assert_true(rowcache_restore(c, &k, sizeof k, 25, 0, 30));
		same_rows(i, 25);
	}
	rowcache_free(c);
}

static void cleared_cache_gives_nothing(void **state)
{
	(void)state;
	struct rowcache *c = rowcache_new();
	struct key k = {7, 0};
	erase();
	paint(7, 0, 0, 30);
	rowcache_save(c, &k, sizeof k, 0, 0, 30);
	rowcache_clear(c);
	assert_false(rowcache_restore(c, &k, sizeof k, 1, 0, 30));
	/* Usable again after a clear. */
	rowcache_save(c, &k, sizeof k, 0, 0, 30);
	assert_true(rowcache_restore(c, &k, sizeof k, 1, 0, 30));
	same_rows(0, 1);
	rowcache_free(c);
}

static void off_screen_rows_are_not_kept(void **state)
{
	(void)state;
	struct rowcache *c = rowcache_new();
	struct key k = {9, 0};
	rowcache_save(c, &k, sizeof k, ROWS_, 0, 30);
	assert_false(rowcache_restore(c, &k, sizeof k, 0, 0, 30));
	rowcache_save(c, &k, sizeof k, 0, COLS_ - 10, 30);
	assert_false(rowcache_restore(c, &k, sizeof k, 0, 0, 30));
	/* Kept, but not copied where it does not fit. */
	rowcache_save(c, &k, sizeof k, 0, 0, 30);
	assert_false(rowcache_restore(c, &k, sizeof k, 0, COLS_ - 10, 30));
	rowcache_free(c);
	rowcache_free(NULL);
}

/* More rows than slots: the cache keeps working (rows come back right
 * or not at all). */
static void many_rows(void **state)
{
	(void)state;
	struct rowcache *c = rowcache_new();
	erase();
	for (int i = 0; i < 3 * ROWCACHE_SLOTS; i++) {
		struct key k = {i, 0};
		paint(i, i % 20, 0, 40);
		rowcache_save(c, &k, sizeof k, i % 20, 0, 40);
	}
	int back = 0;
	for (int i = 0; i < 3 * ROWCACHE_SLOTS; i++) {
		struct key k = {i, 0};
		move(25, 0);
		clrtoeol();
		if (!rowcache_restore(c, &k, sizeof k, 25, 0, 40))
			continue;
		back++;
		paint(i, 26, 0, 40);
		same_rows(25, 26);
	}
	assert_true(back > 0 && back <= ROWCACHE_SLOTS);
	rowcache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copied_row_is_the_painted_row),
		cmocka_unit_test(only_the_same_key_and_width),
		cmocka_unit_test(cleared_cache_gives_nothing),
		cmocka_unit_test(off_screen_rows_are_not_kept),
		cmocka_unit_test(many_rows),
	};
	return cmocka_run_group_tests(tests, start, stop);
}
