/* Unit tests for pin.c: the staff PIN hash and the rate limiter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pin.h"

static void test_hash_then_check(void **state)
{
	(void)state;
	char *h = pin_hash("2468");
	assert_non_null(h);
	assert_true(pin_hash_valid(h));
	assert_true(pin_check("2468", h));
	assert_false(pin_check("2469", h));
	assert_false(pin_check("", h));
	assert_false(pin_check("24680", h));
	free(h);
}

static void test_hash_is_salted(void **state)
{
	(void)state;
	char *a = pin_hash("1234"), *b = pin_hash("1234");
	assert_non_null(a);
	assert_non_null(b);
	assert_string_not_equal(a, b);
	/* The PIN itself is nowhere in the hash. */
	assert_null(strstr(a, "1234"));
	assert_true(pin_check("1234", a));
	assert_true(pin_check("1234", b));
	free(a);
	free(b);
}

static void test_bad_hashes_never_match(void **state)
{
	(void)state;
	assert_false(pin_check("1234", ""));
	assert_false(pin_check("1234", NULL));
	assert_false(pin_check("1234", "1234"));
	assert_false(pin_check("1234", "$y$short"));
	assert_false(pin_hash_valid("$y$j9T$abc def$ghijklmnopqrstuvwxyz"));
	assert_false(pin_hash_valid("plain text that is long enough"));
}

static void test_limiter_allows_two_mistakes(void **state)
{
	(void)state;
	struct pin_limiter l = {0};
	pin_record(&l, false, 100.0);
	assert_true(pin_wait(&l, 100.0) == 0);
	pin_record(&l, false, 101.0);
	assert_true(pin_wait(&l, 101.0) == 0);
}

static void test_limiter_backs_off(void **state)
{
	(void)state;
	struct pin_limiter l = {0};
	for (int i = 0; i < 3; i++)
		pin_record(&l, false, 10.0);
	assert_true(pin_wait(&l, 10.0) == 2.0);
	assert_true(pin_wait(&l, 12.0) == 0);
	pin_record(&l, false, 12.0);
	assert_true(pin_wait(&l, 12.0) == 4.0);
	pin_record(&l, false, 16.0);
	assert_true(pin_wait(&l, 16.0) == 8.0);
	for (int i = 0; i < 20; i++)
		pin_record(&l, false, 1000.0);
	assert_true(pin_wait(&l, 1000.0) == 300.0); /* capped at 5 min */
	pin_record(&l, true, 1400.0);
	assert_true(pin_wait(&l, 1400.0) == 0);
	assert_int_equal(l.failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_then_check),
		cmocka_unit_test(test_hash_is_salted),
		cmocka_unit_test(test_bad_hashes_never_match),
		cmocka_unit_test(test_limiter_allows_two_mistakes),
		cmocka_unit_test(test_limiter_backs_off),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
