/*
 * Unit tests for cp1252: a file saved as Windows-1252 ("ANSI") reads as
 * the words staff typed, never as U+FFFD, with one warning at the line of
 * the first such character; UTF-8 and binary files are left alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cp1252.h"
#include "diag.h"

static void test_ansi_file(void **state)
{
	/* "Café – “menu” … €5" as Notepad saves it, on line 2 */
	static const char text[] = "First line\nCaf\xE9 \x96 \x93menu\x94 \x85 "
				   "\x80" "5\n\xFC\xF6\xE7\n";
	struct diag_list d = {0};
	size_t n;
	char *out;
	(void)state;
	out = cp1252_decode("a.md", text, sizeof text - 1, &n, &d);
	assert_non_null(out);
	assert_string_equal(out, "First line\nCaf\xC3\xA9 \xE2\x80\x93 "
				 "\xE2\x80\x9Cmenu\xE2\x80\x9D \xE2\x80\xA6 "
				 "\xE2\x82\xAC" "5\n\xC3\xBC\xC3\xB6\xC3\xA7\n");
	assert_int_equal(n, strlen(out));
	assert_null(strstr(out, "\xEF\xBF\xBD"));
	/* one warning, at the line, naming the word */
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].level, DIAG_WARNING);
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[0].path, "a.md");
	assert_non_null(strstr(d.items[0].message, "Windows-1252"));
	assert_non_null(strstr(d.items[0].message, "\"Caf\xC3\xA9\""));
	free(out);
	diag_list_clear(&d);
}

static void test_utf8_and_binary_left_alone(void **state)
{
	struct diag_list d = {0};
	size_t n = 99;
	static const char utf8[] = "Caf\xC3\xA9 \xE2\x80\x93 ok, and plenty "
				   "of plain ASCII text around it.\n";
	static const char bin[] = "PNG\x00\x89\xFF\xFE";
	(void)state;
	assert_null(cp1252_decode("a.md", utf8, sizeof utf8 - 1, &n, &d));
	assert_null(cp1252_decode("a.md", bin, sizeof bin - 1, &n, &d));
	assert_null(cp1252_decode("a.md", "", 0, &n, &d));
	assert_int_equal(d.n, 0);
}

static void test_mixed_file_keeps_its_utf8(void **state)
{
	/* UTF-8 "é" and "–", then a pasted Windows-1252 "é" on line 3 */
	static const char text[] = "Caf\xC3\xA9\nA \xE2\x80\x93 B\nna\xEFve\n";
	struct diag_list d = {0};
	size_t n;
	char *out;
	(void)state;
	out = cp1252_decode("b.txt", text, sizeof text - 1, &n, &d);
	assert_string_equal(out, "Caf\xC3\xA9\nA \xE2\x80\x93 B\nna\xC3\xAFve\n");
	assert_int_equal(d.items[0].line, 3);
	free(out);
	diag_list_clear(&d);
}

static void test_undefined_bytes_left_out(void **state)
{
	static const char text[] = "a\x81" "b\x8D" "c\x8F" "d\x90" "e\x9D" "f";
	size_t n;
	char *out;
	(void)state;
	out = cp1252_decode("c.md", text, sizeof text - 1, &n, NULL);
	assert_string_equal(out, "abcdef");
	free(out);
}

static void test_fix_takes_ownership(void **state)
{
	struct diag_list d = {0};
	char *t = strdup("Na\xEFve\n");
	size_t len = strlen(t);
	(void)state;
	t = cp1252_fix("d.md", t, &len, &d);
	assert_string_equal(t, "Na\xC3\xAFve\n");
	assert_int_equal(len, 7);
	free(t);
	t = strdup("plain");
	len = 5;
	char *same = cp1252_fix("d.md", t, &len, &d);
	assert_ptr_equal(same, t);
	free(t);
	assert_int_equal(d.n, 1);
	diag_list_clear(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ansi_file),
		cmocka_unit_test(test_utf8_and_binary_left_alone),
		cmocka_unit_test(test_mixed_file_keeps_its_utf8),
		cmocka_unit_test(test_undefined_bytes_left_out),
		cmocka_unit_test(test_fix_takes_ownership),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
