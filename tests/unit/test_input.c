/* Unit tests for input.c: where an escape sequence ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "input.h"

static int len(const char *s)
{
	return input_sequence_length((const unsigned char *)s, (int)strlen(s));
}

static void test_csi_runs_to_its_final_byte(void **state)
{
	(void)state;
	assert_int_equal(len("[4~"), 3);
	assert_int_equal(len("[1;5C"), 5);
	assert_int_equal(len("[<0;12;7M"), 9); /* SGR mouse */
	assert_int_equal(len("[200~"), 5);
	assert_int_equal(len("[4"), -1);
	assert_int_equal(len("["), -1);
	assert_int_equal(len("[[A"), 3); /* the Linux console's F1 */
}

static void test_ss3_and_strings(void **state)
{
	(void)state;
	assert_int_equal(len("OF"), 2);
	assert_int_equal(len("O"), -1);
	assert_int_equal(len("]0;title\a"), 9);
	assert_int_equal(len("]8;;x\033\\"), 7);
	assert_int_equal(len("]8;;x"), -1);
}

static void test_alt_key_is_one_byte_and_esc_esc_is_a_key(void **state)
{
	(void)state;
	assert_int_equal(len("b"), 1);
	assert_int_equal(len("\x02"), 1);
	assert_int_equal(len("\033"), 0);
	assert_int_equal(input_sequence_length((const unsigned char *)"", 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csi_runs_to_its_final_byte),
		cmocka_unit_test(test_ss3_and_strings),
		cmocka_unit_test(test_alt_key_is_one_byte_and_esc_esc_is_a_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
