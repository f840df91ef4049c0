/* Unit tests for anchor.c: which heading a link fragment names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "anchor.h"

static void test_github_and_kiosk_slugs_match(void **state)
{
	(void)state;
	assert_true(anchor_match("What are the risks?", "what-are-the-risks"));
	assert_true(anchor_match("What are the risks?", "What-Are-The-Risks"));
	assert_true(anchor_match("Cost & time", "cost--time"));
	assert_true(anchor_match("Cost & time", "cost-time"));
	assert_true(anchor_match("under_score words", "under-score-words"));
	assert_false(anchor_match("What are the risks?", "what-are-risks"));
	assert_false(anchor_match("Risks", ""));
	assert_false(anchor_match("?", "-"));
}

static void test_turkish_letters_with_or_without_accents(void **state)
{
	(void)state;
	const char *h = "\xC4\xB0\xC4\x9Fne nas\xC4\xB1l yap\xC4\xB1l\xC4\xB1r?";
	assert_true(anchor_match(h, "igne-nasil-yapilir"));
	assert_true(anchor_match(h, "i\xC4\x9Fne-nas\xC4\xB1l-yap\xC4\xB1l\xC4\xB1r"));
	assert_true(anchor_match(h, "\xC4\xB0\xC4\x9Fne-Nas\xC4\xB1l-Yap\xC4\xB1l\xC4\xB1r"));
	assert_true(anchor_match(h, "i%C4%9Fne-nas%C4%B1l-yap%C4%B1l%C4%B1r"));
	assert_false(anchor_match(h, "ne-nas-l-yap-l-r"));
}

static void test_key_keeps_letters_of_every_script(void **state)
{
	(void)state;
	char *k = anchor_key("\xCE\x9A\xCF\x8D\xCF\x84\xCF\x84\xCE\xB1\xCF\x81\xCE\xB1 1", 14);
	assert_true(strlen(k) > 2);
	assert_string_not_equal(k, "1");
	free(k);
}

static void test_bad_escapes_stay_as_written(void **state)
{
	(void)state;
	char *u = anchor_unescape("a%zzb%2");
	assert_string_equal(u, "a%zzb%2");
	free(u);
	u = anchor_unescape("a%00b");
	assert_string_equal(u, "a%00b");
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_github_and_kiosk_slugs_match),
		cmocka_unit_test(test_turkish_letters_with_or_without_accents),
		cmocka_unit_test(test_key_keeps_letters_of_every_script),
		cmocka_unit_test(test_bad_escapes_stay_as_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
