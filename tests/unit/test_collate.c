/* Unit tests for collate.c: alphabetical order for the words A to Z. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "collate.h"

static const char *lang_for_sort;

static int cmp(const void *x, const void *y)
{
	return collate_cmp(lang_for_sort, *(const char *const *)x,
			   *(const char *const *)y);
}

static void sorted_is(const char *lang, const char **in, const char **want,
		      size_t n)
{
	lang_for_sort = lang;
	qsort(in, n, sizeof *in, cmp);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(in[i], want[i]);
}

static void test_turkish_letters_follow_their_base(void **state)
{
	(void)state;
	/* cam, çam, dağ; göz, ğ..., hücre; ılık, incir; ot, ördek, para;
	 * su, şeker, tuz; un, üzüm, vücut */
	const char *in[] = {"\xc3\xbczüm", "vücut", "un", "tuz", "\xc5\x9f" "eker",
			    "su", "para", "\xc3\xb6rdek", "ot", "incir",
			    "\xc4\xb1l\xc4\xb1k", "hücre", "göz", "da\xc4\x9f",
			    "\xc3\xa7" "am", "cam"};
	const char *want[] = {"cam", "\xc3\xa7" "am", "da\xc4\x9f", "göz", "hücre",
			      "\xc4\xb1l\xc4\xb1k", "incir", "ot", "\xc3\xb6rdek",
			      "para", "su", "\xc5\x9f" "eker", "tuz", "un",
			      "\xc3\xbczüm", "vücut"};
	sorted_is("tr", in, want, sizeof in / sizeof in[0]);
}

static void test_turkish_capitals(void **state)
{
	(void)state;
	/* Işık (dotless) before İğne (dotted) before iyi? No: İ and i are
	 * the same letter, I and ı the other. */
	assert_true(collate_cmp("tr", "I\xc5\x9f\xc4\xb1k", "\xc4\xb0\xc4\x9fne") < 0);
	assert_true(collate_cmp("tr", "\xc4\xb1" "a", "Ia") < 0 ||
		    collate_cmp("tr", "\xc4\xb1" "a", "Ia") > 0);
	assert_true(collate_cmp("tr", "\xc4\xb0z", "iz") != 0);
	assert_true(collate_cmp("tr", "\xc4\xb0z", "ja") < 0);
	assert_true(collate_cmp("tr", "Iz", "ia") < 0);
}

static void test_other_languages_ignore_accents_first(void **state)
{
	(void)state;
	const char *in[] = {"Zebra", "\xc3\xa9mile", "Eagle", "apple", "Cell",
			    "\xc3\xa7" "a"};
	const char *want[] = {"apple", "\xc3\xa7" "a", "Cell", "Eagle",
			      "\xc3\xa9mile", "Zebra"};
	sorted_is("en", in, want, sizeof in / sizeof in[0]);
	assert_true(collate_cmp("en", "cell", "Cell") < 0);
	assert_int_equal(collate_cmp("en", "cell", "cell"), 0);
	assert_true(collate_cmp("en", "cell", "cells") < 0);
	assert_true(collate_cmp(NULL, "\xff", "a") > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_turkish_letters_follow_their_base),
		cmocka_unit_test(test_turkish_capitals),
		cmocka_unit_test(test_other_languages_ignore_accents_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
