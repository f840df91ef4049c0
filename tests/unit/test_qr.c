/* Unit tests for qr.c: the smallest code that holds an address. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "qr.h"

/* 127 characters, as long as the FDA's consumer page on regenerative
 * medicine: version 6 at level L (41 modules), 45 with the quiet zone,
 * which is 23 rows of half blocks: it fits 80x24. */
static void test_long_address_is_version_6(void **state)
{
	(void)state;
	char url[128];
	memset(url, 'a', 127);
	memcpy(url, "https://", 8);
	url[127] = '\0';
	struct qr q;
	assert_int_equal(qr_make(url, 2, &q), 0);
	assert_int_equal(q.version, 6);
	assert_int_equal(q.level, 'L');
	assert_int_equal(q.size, 41 + 4);
	qr_free(&q);
}

/* A short address gets the strongest correction its smallest version
 * holds. */
static void test_short_address_gets_more_correction(void **state)
{
	(void)state;
	struct qr q;
	assert_int_equal(qr_make("https://a.example/", 2, &q), 0);
	assert_int_equal(q.version, 2);
	assert_int_equal(q.level, 'Q');
	/* the quiet zone is light, the finder pattern's corner dark */
	assert_false(qr_dark(&q, 1, 1));
	assert_true(qr_dark(&q, 2, 2));
	qr_free(&q);
}

static void test_too_long_is_refused(void **state)
{
	(void)state;
	static char url[4000];
	memset(url, 'x', sizeof url - 1);
	struct qr q;
	assert_int_equal(qr_make(url, 2, &q), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_address_is_version_6),
		cmocka_unit_test(test_short_address_gets_more_correction),
		cmocka_unit_test(test_too_long_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
