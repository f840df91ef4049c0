/* Unit tests for pin.c: the staff PIN hash and the rate limiter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <crypt.h>
#include <stdio.h>

#include "pin.h"

static void test_hash_then_check(void **state)
{
	(void)state;
	char *h = pin_hash("246813");
	assert_non_null(h);
	assert_true(pin_hash_valid(h));
	assert_true(pin_check("246813", h));
	assert_false(pin_check("246814", h));
	assert_false(pin_check("", h));
	assert_false(pin_check("2468130", h));
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

/* Hashes that were taken without a word: a fast method, and values no
 * PIN can ever match. */
static void test_weak_or_impossible_hashes_are_refused(void **state)
{
	(void)state;
	struct crypt_data cd = {0};
	/* md5-crypt of a 6-digit PIN: crypt can check it, but it is weak. */
	const char *md5 = crypt_r("246813", "$1$abcdefgh$", &cd);
	assert_non_null(md5);
	assert_true(md5[0] == '$');
	assert_false(pin_hash_valid(md5));
	char *h = pin_hash("246813");
	assert_true(pin_hash_valid(h));
	/* Cut short, or one character longer: nothing matches it. */
	char *cut = strdup(h);
	cut[strlen(cut) - 3] = '\0';
	assert_false(pin_hash_valid(cut));
	char *longer = malloc(strlen(h) + 2);
	sprintf(longer, "%sA", h);
	assert_false(pin_hash_valid(longer));
	/* Settings with nothing in them. */
	assert_false(pin_hash_valid("$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$"));
	assert_false(pin_hash_valid("$y$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$"));
	assert_false(pin_hash_valid("$y$j9T$$$$$$$$$$$$$$$$$$$$$$$$$$"));
	/* DES and the other fast ones. */
	assert_false(pin_hash_valid("$5$rounds=1000$abcdefgh$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"));
	free(cut);
	free(longer);
	free(h);
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
		cmocka_unit_test(test_weak_or_impossible_hashes_are_refused),
		cmocka_unit_test(test_limiter_allows_two_mistakes),
		cmocka_unit_test(test_limiter_backs_off),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
