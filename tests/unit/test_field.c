/* Unit tests for field.c: typing and editing in the search box, the word
 * filter and the PIN box. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "field.h"

#define CTRL(c) ((c) & 0x1f)

/* Types s (ASCII) at the cursor. */
static void type(char *buf, size_t cap, size_t *cur, const char *s)
{
	for (; *s; s++)
		assert_int_equal(field_edit(buf, cap, cur, (wint_t)*s, false),
				 FIELD_CHANGED);
}

static void test_letters_go_in_at_the_cursor(void **state)
{
	(void)state;
	char buf[16] = "";
	size_t cur = 0;
	type(buf, sizeof buf, &cur, "cels");
	assert_int_equal(cur, 4);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_LEFT, true),
			 FIELD_MOVED);
	type(buf, sizeof buf, &cur, "l");
	assert_string_equal(buf, "cells");
	assert_int_equal(cur, 4);
}

static void test_non_ascii_letters_are_utf8(void **state)
{
	(void)state;
	char buf[16] = "";
	size_t cur = 0;
	field_edit(buf, sizeof buf, &cur, 0x15e, false); /* Ş */
	field_edit(buf, sizeof buf, &cur, 'i', false);
	assert_string_equal(buf, "\xc5\x9ei");
	/* Left steps over the whole two-byte letter */
	field_edit(buf, sizeof buf, &cur, KEY_LEFT, true);
	field_edit(buf, sizeof buf, &cur, KEY_LEFT, true);
	assert_int_equal(cur, 0);
	field_edit(buf, sizeof buf, &cur, KEY_RIGHT, true);
	assert_int_equal(cur, 2);
	field_edit(buf, sizeof buf, &cur, KEY_DC, true);
	assert_string_equal(buf, "\xc5\x9e");
}

static void test_keys_and_controls_are_not_text(void **state)
{
	(void)state;
	char buf[16] = "";
	size_t cur = 0;
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_UP, true),
			 FIELD_IGNORED);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, '\n', false),
			 FIELD_IGNORED);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, 27, false),
			 FIELD_IGNORED);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, 0x9b, false),
			 FIELD_IGNORED); /* C1 CSI */
	assert_string_equal(buf, "");
}

static void test_full_field_keeps_what_fits(void **state)
{
	(void)state;
	char buf[4] = "";
	size_t cur = 0;
	for (int i = 0; i < 10; i++)
		assert_int_not_equal(field_edit(buf, sizeof buf, &cur, 'x', false),
				     FIELD_IGNORED);
	assert_string_equal(buf, "xxx");
	/* a 2-byte character does not fit in the last byte */
	char b2[3] = "a";
	cur = 1;
	assert_int_equal(field_edit(b2, sizeof b2, &cur, 0xe9, false),
			 FIELD_KEPT);
	assert_string_equal(b2, "a");
}

/* Backspace and Left in an empty box belong to the box: only Esc leaves. */
static void test_empty_box_keeps_backspace_and_left(void **state)
{
	(void)state;
	char buf[16] = "";
	size_t cur = 0;
	assert_int_equal(field_edit(buf, sizeof buf, &cur, 127, false), FIELD_KEPT);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, 8, false), FIELD_KEPT);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_BACKSPACE, true),
			 FIELD_KEPT);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_LEFT, true),
			 FIELD_KEPT);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_DC, true), FIELD_KEPT);
}

static void test_backspace_delete_home_end(void **state)
{
	(void)state;
	char buf[16] = "s\xc5\x9fx";
	size_t cur = 99; /* clamped to the end */
	assert_int_equal(field_edit(buf, sizeof buf, &cur, 127, false),
			 FIELD_CHANGED);
	assert_string_equal(buf, "s\xc5\x9f");
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_BACKSPACE, true),
			 FIELD_CHANGED);
	assert_string_equal(buf, "s");
	strcpy(buf, "abc");
	cur = 3;
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_HOME, true),
			 FIELD_MOVED);
	assert_int_equal(cur, 0);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_DC, true),
			 FIELD_CHANGED);
	assert_string_equal(buf, "bc");
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_END, true),
			 FIELD_MOVED);
	assert_int_equal(cur, 2);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, KEY_RIGHT, true),
			 FIELD_KEPT);
}

static void test_ctrl_u_and_ctrl_w(void **state)
{
	(void)state;
	char buf[32] = "";
	size_t cur = 0;
	type(buf, sizeof buf, &cur, "stem cell  ");
	assert_int_equal(field_edit(buf, sizeof buf, &cur, CTRL('w'), false),
			 FIELD_CHANGED);
	assert_string_equal(buf, "stem ");
	field_edit(buf, sizeof buf, &cur, KEY_LEFT, true);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, CTRL('u'), false),
			 FIELD_CHANGED);
	assert_string_equal(buf, " ");
	assert_int_equal(cur, 0);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, CTRL('u'), false),
			 FIELD_KEPT);
	assert_int_equal(field_edit(buf, sizeof buf, &cur, CTRL('w'), false),
			 FIELD_KEPT);
	type(buf, sizeof buf, &cur, "ab");
	assert_int_equal(field_edit(buf, sizeof buf, &cur, CTRL('k'), false),
			 FIELD_CHANGED);
	assert_string_equal(buf, "ab");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_letters_go_in_at_the_cursor),
		cmocka_unit_test(test_non_ascii_letters_are_utf8),
		cmocka_unit_test(test_keys_and_controls_are_not_text),
		cmocka_unit_test(test_full_field_keeps_what_fits),
		cmocka_unit_test(test_empty_box_keeps_backspace_and_left),
		cmocka_unit_test(test_backspace_delete_home_end),
		cmocka_unit_test(test_ctrl_u_and_ctrl_w),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
