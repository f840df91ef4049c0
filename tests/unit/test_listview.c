/*
 * Tests for listview.c: the list geometry of the home, search, words and
 * help screens: the selection stays on screen, a click finds its item,
 * and what draw reads after a resize is the same as what a key stores.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "listview.h"

static void down_past_the_bottom_scrolls_by_one_item(void **state)
{
	struct listview lv = {0};
	for (int i = 0; i < 5; i++)
		assert_true(listview_key(&lv, ACT_DOWN, 20, 4, 1, 5));
	assert_int_equal(lv.sel, 5);
	assert_int_equal(lv.top, 1);
	assert_true(listview_key(&lv, ACT_END, 20, 4, 1, 5));
	assert_int_equal(lv.sel, 19);
	assert_int_equal(lv.top, 15);
	assert_true(listview_key(&lv, ACT_HOME, 20, 4, 1, 5));
	assert_int_equal(lv.top, 0);
	assert_false(listview_key(&lv, ACT_OPEN, 20, 4, 1, 5));
}

static void two_row_items_keep_both_rows_on_screen(void **state)
{
	struct listview lv = {0};
	listview_key(&lv, ACT_PAGE_DOWN, 10, 2, 2, 6);
	listview_key(&lv, ACT_PAGE_DOWN, 10, 2, 2, 6);
	assert_int_equal(lv.sel, 4);
	assert_int_equal(lv.top, 4); /* rows 8, 9 are the last two shown */
	assert_int_equal(listview_hit(&lv, 5, 10, 2, 6), 4);
	assert_int_equal(listview_hit(&lv, 0, 10, 2, 6), 2);
	assert_int_equal(listview_hit(&lv, 6, 10, 2, 6), -1);
	assert_int_equal(listview_hit(&lv, 3, 3, 2, 6), -1);
}

static void a_smaller_screen_moves_the_top_without_a_key(void **state)
{
	struct listview lv = {.sel = 9, .top = 5};
	assert_int_equal(listview_top(&lv, 1, 5), 5);
	assert_int_equal(listview_top(&lv, 1, 3), 7);
	assert_int_equal(lv.top, 5); /* pure: nothing stored */
	listview_follow(&lv, 1, 3);
	assert_int_equal(lv.top, 7);
	assert_int_equal(listview_page(1, 5), 4);
	assert_int_equal(listview_page(2, 3), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(down_past_the_bottom_scrolls_by_one_item),
		cmocka_unit_test(two_row_items_keep_both_rows_on_screen),
		cmocka_unit_test(a_smaller_screen_moves_the_top_without_a_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
