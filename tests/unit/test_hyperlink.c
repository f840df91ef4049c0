/* Unit tests for hyperlink.c: the OSC 8 sequence for a web address. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hyperlink.h"

static char buf[8192];

static void test_web_address_is_wrapped(void **state)
{
	(void)state;
	const char *want = "\033]8;;https://clinic.example/a?b=1&c=2;d\033\\";
	assert_int_equal(hyperlink_open("https://clinic.example/a?b=1&c=2;d",
					buf, sizeof buf),
			 strlen(want));
	assert_string_equal(buf, want);
	assert_int_equal(hyperlink_open("mailto:care@clinic.example", buf,
					sizeof buf),
			 strlen("\033]8;;mailto:care@clinic.example\033\\"));
	assert_int_not_equal(hyperlink_open("HTTP://X.ORG", buf, sizeof buf), 0);
}

static void test_nothing_in_the_address_ends_the_sequence(void **state)
{
	(void)state;
	/* ESC \ (ST), BEL, C1 ST, spaces and non-ASCII are percent-encoded */
	assert_true(hyperlink_open("https://x.org/a\033\\b\007c\xc2\x9c d\xc3\xa9",
				   buf, sizeof buf) > 0);
	assert_string_equal(buf,
			    "\033]8;;https://x.org/a%1B\\b%07c%C2%9C%20d%C3%A9\033\\");
	for (const char *p = buf + 2; p < buf + strlen(buf) - 2; p++)
		assert_true(*p > 0x20 && *p < 0x7f);
}

static void test_other_addresses_are_refused(void **state)
{
	(void)state;
	const char *refused[] = {
		"other-article.md", "#section", "javascript:alert(1)",
		"file:///etc/passwd", "https://", "", "ftp://x.org/f",
		"data:text/html,hi",
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		assert_int_equal(hyperlink_open(refused[i], buf, sizeof buf), 0);
	assert_int_equal(hyperlink_open(NULL, buf, sizeof buf), 0);
}

static void test_length_limits(void **state)
{
	(void)state;
	static char url[HYPERLINK_MAX_URL + 2];
	memset(url, 'a', sizeof url - 1);
	memcpy(url, "https://x.org/", 14);
	url[HYPERLINK_MAX_URL] = '\0'; /* exactly the longest */
	assert_int_equal(hyperlink_open(url, buf, sizeof buf),
			 HYPERLINK_MAX_URL + 7);
	url[HYPERLINK_MAX_URL] = 'a'; /* one more: shown as text only */
	assert_int_equal(hyperlink_open(url, buf, sizeof buf), 0);
	/* a buffer too small is a refusal, never a cut sequence */
	assert_int_equal(hyperlink_open("https://x.org/abc", buf, 20), 0);
	assert_int_equal(hyperlink_open("https://x.org/abc", buf, 25), 24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_web_address_is_wrapped),
		cmocka_unit_test(test_nothing_in_the_address_ends_the_sequence),
		cmocka_unit_test(test_other_addresses_are_refused),
		cmocka_unit_test(test_length_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
