/*
 * Tests for reader.c, the article model, without curses: every seek acts
 * at once on a layout that is always there, a link's place outlives the
 * layout it came from (with nav_open), and the reading position survives
 * a resize.
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

static void opening_lays_out_at_once(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 0), 0);
	assert_non_null(f->rd.lay);
	assert_int_equal(f->rd.top, 0);
	struct reader_geom g;
	reader_geom(&f->rd, &g);
	assert_int_equal(f->rd.lay->width, g.lw);
	assert_true(f->rd.lay->nsections >= 3);
}

static void a_fragment_seek_lands_at_once(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 1), 0);
	reader_seek_fragment(&f->rd, "second-part");
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
	reader_seek_fragment(&f->rd, "Third%20Part");
	assert_string_equal(fx_reader_where(&f->rd), "Third part");
}

/* The link's fragment points into the layout of A, which the open of B
 * frees: nav_open copies it first (the use-after-free found on section
 * links; AddressSanitizer sees it in make asan). */
static void a_link_opens_the_other_article_at_its_section(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 0), 0);
	assert_null(reader_move_focus(&f->rd, 1));
	assert_true(f->rd.focus >= 0);
	struct place at;
	assert_true(reader_activate(&f->rd, f->rd.focus, false, &at));
	assert_int_equal(at.article, 1);
	assert_non_null(at.fragment);
	assert_int_equal(nav_open(&f->rd, &at), 0);
	assert_int_equal(f->rd.article, 1);
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
}

static void a_resize_keeps_the_section(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 0), 0);
	reader_seek_section(&f->rd, "Second part", 0);
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
	reader_set_size(&f->rd, 12, 40);
	assert_int_equal(f->rd.lay->width, 38);
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
	reader_set_size(&f->rd, 60, 200);
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
}

static void found_words_are_marked_and_n_moves_between_them(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 1), 0);
	assert_string_equal(reader_next_match(&f->rd, 1),
			    "Press / to search first.");
	reader_find(&f->rd, "zebra", true);
	assert_int_equal(f->rd.nmarks, 2);
	size_t first = f->rd.marks[0].line;
	assert_int_equal(f->rd.top, first - 2);
	const struct line *ln = &f->rd.lay->lines[first];
	assert_memory_equal(ln->text + f->rd.marks[0].start, "zebra", 5);
	assert_null(reader_next_match(&f->rd, 1));
	assert_int_equal(f->rd.top, f->rd.marks[1].line - 2);
	assert_string_equal(reader_next_match(&f->rd, 1),
			    "No more places below.");
	assert_null(reader_next_match(&f->rd, -1));
	assert_int_equal(f->rd.top, first - 2);
}

/* Opens article 0 at "knees have" and Tabs to the first glossary term
 * after it; its target, or -1. */
static int32_t focus_first_term(struct fx_reader *f)
{
	assert_int_equal(reader_open(&f->rd, 0), 0);
	reader_find(&f->rd, "knees have", true);
	for (int i = 0; i < 5; i++) {
		assert_null(reader_move_focus(&f->rd, 1));
		if (f->rd.lay->targets[f->rd.focus].kind == TARGET_TERM)
			return f->rd.focus;
	}
	return -1;
}

static void enter_on_a_term_opens_the_pane_and_esc_closes_it(void **state)
{
	struct fx_reader *f = *state;
	int32_t term = focus_first_term(f);
	assert_true(term >= 0);
	struct place at;
	assert_false(reader_activate(&f->rd, term, false, &at));
	assert_true(f->rd.pane.open);
	assert_non_null(f->rd.pane.lay);
	assert_string_equal(
		glossary_entry_at(f->lib->glossary, f->rd.pane.entry)->term,
		"Cartilage");
	/* Below 100 columns the pane takes rows from the text. */
	struct reader_geom g;
	reader_geom(&f->rd, &g);
	assert_true(g.pane && !g.pane_right && g.text_h < 22);
	assert_true(reader_close_pane(&f->rd));
	assert_false(f->rd.pane.open);
	assert_false(reader_close_pane(&f->rd));
}

static void the_section_list_takes_the_keys_on_a_narrow_screen(void **state)
{
	struct fx_reader *f = *state;
	/* Short titles: the list is beside the text at 80 columns. */
	reader_set_size(&f->rd, 24, 70);
	assert_int_equal(reader_open(&f->rd, 1), 0);
	reader_toggle_sections(&f->rd);
	assert_true(f->rd.sections_focus);
	reader_sections_key(&f->rd, ACT_DOWN);
	reader_sections_key(&f->rd, ACT_DOWN);
	reader_sections_key(&f->rd, ACT_OPEN);
	assert_false(f->rd.sections_focus);
	assert_string_equal(fx_reader_where(&f->rd), "Third part");
	assert_string_equal(reader_next_section(&f->rd),
			    "This is the last section.");
	reader_prev_section(&f->rd);
	assert_string_equal(fx_reader_where(&f->rd), "Second part");
}

static void take_home_gives_the_articles_address(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 0), 0);
	assert_string_equal(reader_take_home_url(&f->rd), "https://example.org/a");
}

/* The explanation pane is as tall as its text (a border row with the
 * title, the text, its key row), the focused word stays on screen above
 * it, and Tab takes the pane along: on the link to B it names B. */
static void the_pane_fits_its_text_and_follows_tab(void **state)
{
	struct fx_reader *f = *state;
	int32_t term = focus_first_term(f);
	struct place at;
	assert_false(reader_activate(&f->rd, term, false, &at));
	struct reader_geom g;
	reader_geom(&f->rd, &g);
	assert_int_equal(g.pane_h, (int)f->rd.pane.lay->nlines + 2);
	assert_int_equal(g.pane_text_h, (int)f->rd.pane.lay->nlines);
	assert_int_equal(f->rd.focus, term);
	bool above;
	assert_false(reader_pane_more(&f->rd, &above));
	assert_false(reader_pane_scrollable(&f->rd));
	/* Back to the link at the top: the pane shows where it goes. */
	for (int i = 0; i < 40 && !f->rd.pane.is_link; i++)
		reader_move_focus(&f->rd, -1);
	assert_true(f->rd.pane.is_link);
	assert_int_equal(f->rd.lay->targets[f->rd.focus].kind, TARGET_LINK);
	bool named = false;
	for (size_t i = 0; i < f->rd.pane.lay->nlines; i++)
		if (strstr(f->rd.pane.lay->lines[i].text, "Article B") != NULL)
			named = true;
	assert_true(named);
}

/* Found words in a heading: the heading is the top line, so the section
 * being read is the one that holds them. */
static void found_words_in_a_heading_land_on_their_section(void **state)
{
	struct fx_reader *f = *state;
	assert_int_equal(reader_open(&f->rd, 1), 0);
	reader_seek_section(&f->rd, "Second part", 0);
	reader_find(&f->rd, "second part", true);
	assert_int_equal(f->rd.top, f->rd.lay->sections[1].line);
	assert_int_equal(reader_section(&f->rd), 1);
	assert_int_equal(f->rd.match, (long)f->rd.lay->sections[1].line);
}

/* The section list is as wide as its longest title needs (margins,
 * pointer), up to a third of the screen; the text keeps to the measure. */
static void the_section_list_fits_its_titles_and_text_keeps_the_measure(void **state)
{
	struct fx_reader *f = *state;
	reader_set_size(&f->rd, 60, 200);
	assert_int_equal(reader_open(&f->rd, 0), 0);
	struct reader_geom g;
	reader_geom(&f->rd, &g);
	assert_true(g.side);
	assert_int_equal(g.side_w, 16); /* "Introduction" + 4 is under 16 */
	assert_int_equal(g.lw, READER_MEASURE);
	assert_int_equal(f->rd.lay->width, READER_MEASURE);
	f->rd.opt.measure = 50;
	reader_set_size(&f->rd, 60, 199);
	assert_int_equal(f->rd.lay->width, 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(opening_lays_out_at_once, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(a_fragment_seek_lands_at_once, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(a_link_opens_the_other_article_at_its_section, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(a_resize_keeps_the_section, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(found_words_are_marked_and_n_moves_between_them, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(enter_on_a_term_opens_the_pane_and_esc_closes_it, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(the_section_list_takes_the_keys_on_a_narrow_screen, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(take_home_gives_the_articles_address, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(the_pane_fits_its_text_and_follows_tab, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(found_words_in_a_heading_land_on_their_section, fx_reader_setup, fx_reader_teardown),
		cmocka_unit_test_setup_teardown(the_section_list_fits_its_titles_and_text_keeps_the_measure, fx_reader_setup, fx_reader_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
