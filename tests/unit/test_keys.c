/*
 * Tests for keys.c: which key does what on which screen, and that the one
 * table the help screen and the key bar are printed from is complete and
 * fits an 80-column terminal.
 *
 * Key tests are rows of (key, is a curses KEY_* code, context, action).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "keys.h"
#include "text.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct key_row {
	int ch;
	bool keycode;
	enum action want;
	const char *name; /* for messages */
};

static void check_keys(const struct key_row *rows, size_t n, int context)
{
	for (size_t i = 0; i < n; i++) {
		enum action got = keys_action(rows[i].ch, rows[i].keycode, context);
		if (got != rows[i].want)
			print_error("%s in context %d: action %d, wanted %d\n",
				    rows[i].name, context, (int)got,
				    (int)rows[i].want);
		assert_int_equal(got, rows[i].want);
	}
}

/* ---- the article screen ---- */

static void article_tab_moves_between_highlighted_words(void **state)
{
	static const struct key_row rows[] = {
		{'\t', false, ACT_NEXT_TARGET, "Tab"},
		{KEY_BTAB, true, ACT_PREV_TARGET, "Shift+Tab"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

static void article_brackets_move_between_sections(void **state)
{
	static const struct key_row rows[] = {
		{']', false, ACT_NEXT_SECTION, "]"},
		{'[', false, ACT_PREV_SECTION, "["},
		{'s', false, ACT_SECTIONS, "s"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

static void article_enter_opens_in_every_spelling(void **state)
{
	static const struct key_row rows[] = {
		{'\n', false, ACT_OPEN, "LF"},
		{'\r', false, ACT_OPEN, "CR"},
		{KEY_ENTER, true, ACT_OPEN, "KEY_ENTER"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

static void article_escape_and_backspace_go_back(void **state)
{
	static const struct key_row rows[] = {
		{27, false, ACT_BACK, "Esc"},
		{127, false, ACT_BACK, "DEL (Backspace on most terminals)"},
		{8, false, ACT_BACK, "^H (Backspace on some terminals)"},
		{KEY_BACKSPACE, true, ACT_BACK, "KEY_BACKSPACE"},
		{KEY_LEFT, true, ACT_BACK, "Left arrow"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

static void article_help_and_quit(void **state)
{
	static const struct key_row rows[] = {
		{'?', false, ACT_HELP, "?"},
		{KEY_F(1), true, ACT_HELP, "F1"},
		{'q', false, ACT_QUIT, "q"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

static void article_scrolling_keys(void **state)
{
	static const struct key_row rows[] = {
		{KEY_UP, true, ACT_UP, "Up"},
		{KEY_DOWN, true, ACT_DOWN, "Down"},
		{KEY_PPAGE, true, ACT_PAGE_UP, "PgUp"},
		{KEY_NPAGE, true, ACT_PAGE_DOWN, "PgDn"},
		{' ', false, ACT_PAGE_DOWN, "Space"},
		{KEY_HOME, true, ACT_HOME, "Home"},
		{KEY_END, true, ACT_END, "End"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

static void keycode_flag_separates_characters_from_curses_codes(void **state)
{
	/* The same number means different things as a character and as a
	 * KEY_* code; neither is taken for the other. */
	static const struct key_row rows[] = {
		{'\t', true, ACT_NONE, "9 as a key code"},
		{KEY_F(1), false, ACT_NONE, "KEY_F(1) as a character"},
		{KEY_ENTER, false, ACT_NONE, "KEY_ENTER as a character"},
		{KEY_RESIZE, true, ACT_NONE, "KEY_RESIZE"},
		{'x', false, ACT_NONE, "x"},
		{0, false, ACT_NONE, "NUL"},
	};
	check_keys(rows, N(rows), CTX_ARTICLE);
}

/* ---- the home screen ---- */

static void home_ignores_article_only_keys(void **state)
{
	static const struct key_row rows[] = {
		{'\t', false, ACT_NONE, "Tab"},
		{KEY_BTAB, true, ACT_NONE, "Shift+Tab"},
		{']', false, ACT_NONE, "]"},
		{'[', false, ACT_NONE, "["},
		{'s', false, ACT_NONE, "s"},
	};
	check_keys(rows, N(rows), CTX_HOME);
}

static void home_keys_that_work(void **state)
{
	static const struct key_row rows[] = {
		{'\n', false, ACT_OPEN, "Enter"},
		{KEY_ENTER, true, ACT_OPEN, "KEY_ENTER"},
		{KEY_RIGHT, true, ACT_OPEN, "Right arrow"},
		{KEY_DOWN, true, ACT_DOWN, "Down"},
		{27, false, ACT_BACK, "Esc"},
		{'?', false, ACT_HELP, "?"},
		{'q', false, ACT_QUIT, "q"},
	};
	check_keys(rows, N(rows), CTX_HOME);
}

static void help_screen_keys(void **state)
{
	static const struct key_row rows[] = {
		{27, false, ACT_BACK, "Esc"},
		{KEY_DOWN, true, ACT_DOWN, "Down"},
		{'q', false, ACT_QUIT, "q"},
		{'\t', false, ACT_NONE, "Tab"},
		{']', false, ACT_NONE, "]"},
	};
	check_keys(rows, N(rows), CTX_HELP);
}

/* ---- the table ---- */

static void every_binding_has_keys_and_help_text(void **state)
{
	size_t n;
	const struct key_binding *t = keys_table(&n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(t[i].keys);
		assert_non_null(t[i].help);
		if (t[i].keys[0] == '\0' || t[i].help[0] == '\0')
			print_error("row %zu (action %d) has empty text\n", i,
				    (int)t[i].action);
		assert_true(t[i].keys[0] != '\0');
		assert_true(t[i].help[0] != '\0');
		assert_true(t[i].contexts != 0);
		assert_true(t[i].action != ACT_NONE);
		/* A bar label comes with its keys. */
		assert_true((t[i].bar == NULL) == (t[i].bar_keys == NULL));
		if (t[i].bar != NULL) {
			assert_true(t[i].bar[0] != '\0');
			assert_true(t[i].bar_keys[0] != '\0');
		}
	}
}

static void no_action_is_listed_twice(void **state)
{
	size_t n;
	const struct key_binding *t = keys_table(&n);
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			assert_int_not_equal(t[i].action, t[k].action);
}

/* Whether some key gives action a in context ctx. */
static bool some_key_gives(enum action a, int ctx)
{
	for (int ch = 0; ch <= KEY_MAX; ch++)
		for (int kc = 0; kc < 2; kc++)
			if (keys_action(ch, kc != 0, ctx) == a)
				return true;
	return false;
}

static void the_help_never_lists_a_key_that_does_nothing(void **state)
{
	static const int ctxs[] = {CTX_HOME, CTX_ARTICLE, CTX_HELP};
	size_t n;
	const struct key_binding *t = keys_table(&n);
	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < N(ctxs); c++) {
			if (!(t[i].contexts & ctxs[c]))
				continue;
			if (!some_key_gives(t[i].action, ctxs[c]))
				print_error("\"%s\" is listed for context %d but no "
					    "key does it\n", t[i].help, ctxs[c]);
			assert_true(some_key_gives(t[i].action, ctxs[c]));
		}
}

static void every_action_a_key_gives_is_in_the_help(void **state)
{
	/* Each action reachable on a screen has a help row for that screen
	 * (a "previous" action is described with its "next" one). */
	static const int ctxs[] = {CTX_HOME, CTX_ARTICLE, CTX_HELP, CTX_SEARCH};
	size_t n;
	const struct key_binding *t = keys_table(&n);
	for (size_t c = 0; c < N(ctxs); c++)
		for (int ch = 0; ch <= KEY_MAX; ch++)
			for (int kc = 0; kc < 2; kc++) {
				enum action a = keys_action(ch, kc != 0, ctxs[c]);
				if (a == ACT_NONE)
					continue;
				enum action row = keys_help_action(a);
				bool found = false;
				for (size_t i = 0; i < n; i++)
					if (t[i].action == row &&
					    (t[i].contexts & ctxs[c]))
						found = true;
				if (!found)
					print_error("key %d (keycode %d) gives action %d "
						    "in context %d with no help row\n",
						    ch, kc, (int)a, ctxs[c]);
				assert_true(found);
			}
}

/* Columns the key bar needs in a context: "keys: label" for each entry,
 * two spaces after each (the help screen leaves out its own Help). */
static size_t keybar_width(int ctx)
{
	size_t n, w = 0;
	const struct key_binding *t = keys_table(&n);
	for (size_t i = 0; i < n; i++) {
		if (t[i].bar == NULL || !(t[i].contexts & ctx))
			continue;
		if (ctx == CTX_HELP && t[i].action == ACT_HELP)
			continue;
		if (ctx != CTX_HOME && t[i].action == ACT_LANGUAGE)
			continue; /* ui.c: in the home screen's bar only */
		w += text_width(t[i].bar_keys, strlen(t[i].bar_keys)) + 2 +
		     text_width(t[i].bar, strlen(t[i].bar)) + 2;
	}
	return w;
}

static void key_bar_fits_80_columns_on_the_home_screen(void **state)
{
	size_t w = keybar_width(CTX_HOME);
	if (w > 80)
		print_error("home key bar needs %zu columns\n", w);
	assert_true(w <= 80);
}

static void key_bar_fits_80_columns_on_the_article_screen(void **state)
{
	/* Otherwise the last labels (Help) are cut off on a standard
	 * terminal, and a patient does not learn about '?'. */
	size_t w = keybar_width(CTX_ARTICLE);
	if (w > 80)
		print_error("article key bar needs %zu columns\n", w);
	assert_true(w <= 80);
}

static void key_bar_fits_80_columns_on_the_help_screen(void **state)
{
	size_t w = keybar_width(CTX_HELP);
	if (w > 80)
		print_error("help key bar needs %zu columns\n", w);
	assert_true(w <= 80);
}

static void key_bar_offers_help_and_back(void **state)
{
	/* A patient who is lost must see how to get help or go back. */
	size_t n;
	const struct key_binding *t = keys_table(&n);
	bool help = false, back = false;
	for (size_t i = 0; i < n; i++) {
		if (t[i].bar == NULL)
			continue;
		if (t[i].action == ACT_HELP && (t[i].contexts & CTX_ARTICLE))
			help = true;
		if (t[i].action == ACT_BACK && (t[i].contexts & CTX_ARTICLE))
			back = true;
	}
	assert_true(help);
	assert_true(back);
}

/* Every letter or sign that gives an action is named in its help row
 * (j, k, g and G were bound once and missing from the help). */
static void the_help_names_every_character_key(void **state)
{
	size_t n;
	const struct key_binding *t = keys_table(&n);
	for (size_t i = 0; i < n; i++)
		for (const struct key_code *k = t[i].codes; k->ch != 0; k++) {
			if (k->keycode || k->ch <= ' ' || k->ch >= 0x7f)
				continue;
			bool named = false;
			for (const char *p = t[i].keys; *p && !named; p++)
				named = *p == k->ch ||
					(k->ch >= 'A' && k->ch <= 'Z' &&
					 *p == k->ch - 'A' + 'a' &&
					 strchr(t[i].keys, k->ch) == NULL &&
					 k->ch != 'G' && k->ch != 'N');
			if (!named)
				print_error("'%c' is not named in \"%s\"\n", k->ch,
					    t[i].keys);
			assert_true(named);
		}
}

static void vi_keys_are_listed_in_the_help(void **state)
{
	size_t n;
	const struct key_binding *t = keys_table(&n);
	bool j = false, k = false, g = false, G = false;
	for (size_t i = 0; i < n; i++) {
		if (t[i].action == ACT_DOWN)
			j = strchr(t[i].keys, 'j') != NULL;
		if (t[i].action == ACT_UP)
			k = strchr(t[i].keys, 'k') != NULL;
		if (t[i].action == ACT_HOME) {
			g = strchr(t[i].keys, 'g') != NULL;
			G = strchr(t[i].keys, 'G') != NULL;
		}
	}
	assert_true(j && k && g && G);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(article_tab_moves_between_highlighted_words),
		cmocka_unit_test(article_brackets_move_between_sections),
		cmocka_unit_test(article_enter_opens_in_every_spelling),
		cmocka_unit_test(article_escape_and_backspace_go_back),
		cmocka_unit_test(article_help_and_quit),
		cmocka_unit_test(article_scrolling_keys),
		cmocka_unit_test(keycode_flag_separates_characters_from_curses_codes),
		cmocka_unit_test(home_ignores_article_only_keys),
		cmocka_unit_test(home_keys_that_work),
		cmocka_unit_test(help_screen_keys),
		cmocka_unit_test(every_binding_has_keys_and_help_text),
		cmocka_unit_test(the_help_names_every_character_key),
		cmocka_unit_test(vi_keys_are_listed_in_the_help),
		cmocka_unit_test(no_action_is_listed_twice),
		cmocka_unit_test(the_help_never_lists_a_key_that_does_nothing),
		cmocka_unit_test(every_action_a_key_gives_is_in_the_help),
		cmocka_unit_test(key_bar_fits_80_columns_on_the_home_screen),
		cmocka_unit_test(key_bar_fits_80_columns_on_the_article_screen),
		cmocka_unit_test(key_bar_fits_80_columns_on_the_help_screen),
		cmocka_unit_test(key_bar_offers_help_and_back),
	};
	/* TEST_FILTER=pattern runs only the matching tests. */
	if (getenv("TEST_FILTER") != NULL)
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
