/* Unit tests for field.c: typing into the search box or the word filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "field.h"

static void test_letters_are_appended(void **state)
{
	(void)state;
	char buf[16] = "";
	assert_true(field_type(buf, sizeof buf, 'c', false));
	assert_true(field_type(buf, sizeof buf, 'e', false));
	assert_string_equal(buf, "ce");
}

static void test_non_ascii_letters_are_utf8(void **state)
{
	(void)state;
	char buf[16] = "";
	field_type(buf, sizeof buf, 0x15e, false); /* Ş */
	field_type(buf, sizeof buf, 'i', false);
	assert_string_equal(buf, "\xc5\x9ei");
}

static void test_keys_and_controls_are_not_text(void **state)
{
	(void)state;
	char buf[16] = "";
	assert_false(field_type(buf, sizeof buf, KEY_UP, true));
	assert_false(field_type(buf, sizeof buf, '\n', false));
	assert_false(field_type(buf, sizeof buf, 27, false));
	assert_false(field_type(buf, sizeof buf, 0x7f, false));
	assert_false(field_type(buf, sizeof buf, 0x9b, false)); /* C1 CSI */
	assert_string_equal(buf, "");
}

static void test_full_field_keeps_what_fits(void **state)
{
	(void)state;
	char buf[4] = "";
	for (int i = 0; i < 10; i++)
		assert_true(field_type(buf, sizeof buf, 'x', false));
	assert_string_equal(buf, "xxx");
	/* a 2-byte character does not fit in the last byte */
	char b2[3] = "a";
	assert_true(field_type(b2, sizeof b2, 0xe9, false));
	assert_string_equal(b2, "a");
}

static void test_backspace_removes_a_whole_character(void **state)
{
	(void)state;
	char buf[16] = "s\xc5\x9f";
	assert_true(field_erase(buf, 127, false));
	assert_string_equal(buf, "s");
	assert_true(field_erase(buf, KEY_BACKSPACE, true));
	assert_string_equal(buf, "");
	/* empty: Backspace is left for "go back" */
	assert_false(field_erase(buf, 8, false));
	/* other keys are not Backspace */
	strcpy(buf, "ab");
	assert_false(field_erase(buf, 'x', false));
	assert_string_equal(buf, "ab");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_letters_are_appended),
		cmocka_unit_test(test_non_ascii_letters_are_utf8),
		cmocka_unit_test(test_keys_and_controls_are_not_text),
		cmocka_unit_test(test_full_field_keeps_what_fits),
		cmocka_unit_test(test_backspace_removes_a_whole_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
