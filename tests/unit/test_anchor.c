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

static void test_heading_id_matches_too(void **state)
{
	(void)state;
	assert_true(anchor_match_id("Getting ready", "ready", "ready"));
	assert_true(anchor_match_id("Getting ready", "ready", "getting-ready"));
	assert_true(anchor_match_id("Getting ready", "Step_1", "step-1"));
	assert_false(anchor_match_id("Getting ready", "ready", "read"));
	assert_true(anchor_match_id("Getting ready", NULL, "getting-ready"));
	assert_false(anchor_match_id("Getting ready", NULL, NULL));
}

static void test_slug_keeps_the_heading_letters(void **state)
{
	(void)state;
	/* Before, --check suggested "#ne-ins-lin-nas-l-yap-l-r" for this
	 * heading: every letter outside ASCII was dropped. */
	char *s = anchor_slug("\xC4\xB0\xC4\x9Fne ins\xC3\xBClin nas\xC4\xB1l "
			      "yap\xC4\xB1l\xC4\xB1r?");
	assert_string_equal(s, "i\xC4\x9Fne-ins\xC3\xBClin-nas\xC4\xB1l-"
			       "yap\xC4\xB1l\xC4\xB1r");
	assert_true(anchor_match("\xC4\xB0\xC4\x9Fne ins\xC3\xBClin nas\xC4\xB1l "
				 "yap\xC4\xB1l\xC4\xB1r?", s));
	free(s);
	s = anchor_slug("What are the risks?  Cost & time");
	assert_string_equal(s, "what-are-the-risks-cost-time");
	free(s);
}

static void test_distance_counts_characters(void **state)
{
	(void)state;
	assert_int_equal(anchor_distance("kitten", "sitting"), 3);
	assert_int_equal(anchor_distance("", "abc"), 3);
	assert_int_equal(anchor_distance("same", "same"), 0);
	/* One letter outside ASCII is one change, not two bytes. */
	assert_int_equal(anchor_distance("nas\xC4\xB1l", "nasil"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heading_id_matches_too),
		cmocka_unit_test(test_slug_keeps_the_heading_letters),
		cmocka_unit_test(test_distance_counts_characters),
		cmocka_unit_test(test_github_and_kiosk_slugs_match),
		cmocka_unit_test(test_turkish_letters_with_or_without_accents),
		cmocka_unit_test(test_key_keeps_letters_of_every_script),
		cmocka_unit_test(test_bad_escapes_stay_as_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
