/*
 * Tests for linecache.c: a line painted from the cache is cell for cell
 * what draw_line paints.  curses runs on a real terminal description
 * (xterm-256color, colours on) writing to /dev/null; each line of a
 * document is painted by draw_line on one row and by linecache_draw on the
 * next, and the two rows are read back with mvin_wchnstr and compared,
 * for every theme (the high-contrast one sets a window background).
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

#include "article.h"
#include "draw.h"
#include "layout.h"
#include "headless.h"
#include "linecache.h"
#include "theme.h"

#define COLS_ 120
#define ROWS_ 40

static const char doc_text[] =
	"# Heading with *emphasis*\n"
	"\n"
	"Plain text, **bold**, *italic*, `code`, a [link](https://example.org) "
	"and an image ![alt text](x.png).  Zo\xc3\xab M\xc3\xbcller, "
	"\xc5\x81ukasz Wr\xc3\xb3" "bel, \xe2\x80\x9c" "curly\xe2\x80\x9d quotes "
	"\xe2\x80\x94 dashes.\n"
	"\n"
	"Combining: e\xcc\x81t\xc3\xa9 cafe\xcc\x81 n\xcc\x83 a\xcc\x8a\xcc\x81.\n"
	"\n"
	"Wide: \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87 "
	"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 text after wide ones.\n"
	"\n"
	"> A quote with a list:\n"
	">\n"
	"> - one\n"
	"> - two **bold** item\n"
	"\n"
	"1. first\n"
	"2. second\n"
	"\n"
	"---\n";

struct fixture {
	struct headless h;
	struct layout *lay;
	cmark_node *doc;
};

static int start(void **state, enum theme_id theme)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || headless_open(&f->h, 40, 120) != 0)
		return -1;
	theme_init(theme, false);
	f->doc = article_parse_markdown(doc_text, strlen(doc_text));
	*state = f;
	return 0;
}

static int start_default(void **state) { return start(state, THEME_DEFAULT); }
static int start_contrast(void **state)
{
	return start(state, THEME_HIGH_CONTRAST);
}

static int stop(void **state)
{
	struct fixture *f = *state;
	layout_free(f->lay);
	cmark_node_free(f->doc);
	headless_close(&f->h);
	free(f);
	return 0;
}

/* Row y of stdscr, all columns. */
static void row_cells(int y, cchar_t *cells)
{
	mvin_wchnstr(y, 0, cells, COLS_);
}

/* Paints every line of a layout at width w both ways, with focus on
 * target focus, and compares the rows cell by cell. */
static void compare_at(struct fixture *f, int w, int32_t focus)
{
	struct layout_options o = {.width = w, .skip_entry = -1,
				   .show_urls = true};
	layout_free(f->lay);
	f->lay = layout_build(f->doc, &o);
	struct linecache *c = linecache_new();
	for (int pass = 0; pass < 2; pass++) { /* converted, then cached */
		for (size_t i = 0; i < f->lay->nlines; i++) {
			erase();
			draw_line(0, 2, &f->lay->lines[i], w, focus);
			/* Something painted just before, in other attributes. */
			attrset(theme_ui(UI_BORDER));
			mvaddstr(0, 0, "|");
			mvaddstr(1, 0, "|");
			linecache_draw(c, f->lay, i, 1, 2, w, focus);
			cchar_t a[COLS_ + 1], b[COLS_ + 1];
			row_cells(0, a);
			row_cells(1, b);
			for (int x = 0; x < COLS_; x++) {
				if (memcmp(&a[x], &b[x], sizeof a[x]) == 0)
					continue;
				fail_msg("width %d, line %zu (\"%s\"), pass %d: "
					 "cell %d differs",
					 w, i, f->lay->lines[i].text, pass, x);
			}
		}
	}
	linecache_free(c);
}

static void cached_lines_paint_like_draw_line(void **state)
{
	struct fixture *f = *state;
	for (int w = 1; w <= 100; w += (w < 12 ? 1 : 11))
		compare_at(f, w, -1);
}

static void focused_target_paints_like_draw_line(void **state)
{
	struct fixture *f = *state;
	compare_at(f, 60, 0);
}

/* After a clear, a slot holding line i of another layout is not used. */
static void clear_forgets_lines(void **state)
{
	struct fixture *f = *state;
	struct layout_options o = {.width = 40, .skip_entry = -1};
	struct layout *one = layout_build(f->doc, &o);
	cmark_node *other = article_parse_markdown("Something else.\n", 16);
	struct layout *two = layout_build(other, &o);
	struct linecache *c = linecache_new();
	erase();
	linecache_draw(c, one, 0, 0, 0, 40, -1);
	linecache_clear(c);
	linecache_draw(c, two, 0, 1, 0, 40, -1);
	draw_line(2, 0, &two->lines[0], 40, -1);
	cchar_t a[COLS_ + 1], b[COLS_ + 1];
	row_cells(1, a);
	row_cells(2, b);
	assert_memory_equal(a, b, sizeof(cchar_t) * COLS_);
	linecache_free(c);
	layout_free(one);
	layout_free(two);
	cmark_node_free(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(cached_lines_paint_like_draw_line,
						start_default, stop),
		cmocka_unit_test_setup_teardown(cached_lines_paint_like_draw_line,
						start_contrast, stop),
		cmocka_unit_test_setup_teardown(
			focused_target_paints_like_draw_line, start_default, stop),
		cmocka_unit_test_setup_teardown(clear_forgets_lines,
						start_default, stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
