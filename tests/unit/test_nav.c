/*
 * Tests for nav.c, without curses: the history for Back, and moving the
 * history and the open article over to a reloaded library.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "fixture_reader.h"
#include "glossary.h"
#include "library.h"
#include "nav.h"
#include "reader.h"

static void history_keeps_the_last_steps(void **state)
{
	struct nav n = {0};
	for (long i = 0; i < NAV_MAX + 5; i++)
		nav_push(&n, (struct view){.screen = SCREEN_ARTICLE, .article = i});
	assert_int_equal(n.n, NAV_MAX);
	struct view v;
	assert_true(nav_pop(&n, &v));
	assert_int_equal(v.article, NAV_MAX + 4);
	nav_clear(&n);
	assert_false(nav_pop(&n, &v));
	nav_free(&n);
}

static void a_reload_keeps_the_place_or_says_the_article_is_gone(void **state)
{
	struct fx_reader *f = *state;
	struct nav n = {0};
	nav_push(&n, (struct view){.screen = SCREEN_ARTICLE, .article = 0});
	assert_int_equal(reader_open(&f->rd, 1), 0);
	reader_seek_section(&f->rd, "Second part", 1);
	/* B gains a paragraph before: same section, same line in it. */
	fx_put(&f->dir, "articles/01-basics/b.md",
	       "---\ntitle: Article B\norder: 2\n---\nNew start.\n\n"
	       "## First part\n\n" PARAS "## Second part\n\nThe needle word "
	       "zebra is here.\n\n" PARAS "## Third part\n\n" PARAS);
	struct diag_list d = {0};
	struct library *lib = library_load(f->dir.content, f->lib, &d);
	size_t home_sel = 1;
	assert_int_equal(nav_reload(&n, &f->rd, &home_sel, lib, f->lib), NAV_KEPT);
	library_free(f->lib);
	f->lib = lib;
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
	const char *t;
	size_t delta;
	reader_where(&f->rd, &t, &delta);
	assert_int_equal(delta, 1);
	assert_int_equal(n.n, 1);

	/* B removed: the reader is closed, A stays in the history. */
	char path[256];
	snprintf(path, sizeof path, "%s/articles/01-basics/b.md", f->dir.content);
	assert_int_equal(unlink(path), 0);
	lib = library_load(f->dir.content, f->lib, &d);
	assert_int_equal(nav_reload(&n, &f->rd, &home_sel, lib, f->lib), NAV_GONE);
	library_free(f->lib);
	f->lib = lib;
	assert_false(reader_is_open(&f->rd));
	assert_int_equal(home_sel, 0);
	assert_int_equal(n.n, 1);
	diag_list_clear(&d);
	nav_free(&n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(history_keeps_the_last_steps),
		cmocka_unit_test_setup_teardown(a_reload_keeps_the_place_or_says_the_article_is_gone, fx_reader_setup, fx_reader_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
