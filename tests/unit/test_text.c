/*
 * Tests for text.c: the clean-up every shown string passes through, the
 * display width the layout wraps by, and the ASCII fallback for terminals
 * without UTF-8.
 *
 * Most tests are a table of (input, expected output) rows checked by one
 * helper, so a reviewer reads the expectation as data.  Non-ASCII input is
 * written as UTF-8 escapes with the character in a comment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

struct row {
	const char *in;
	size_t in_len; /* 0: strlen(in) */
	const char *out;
	size_t out_len; /* 0: strlen(out) */
};

static size_t row_in_len(const struct row *r)
{
	return r->in_len != 0 ? r->in_len : strlen(r->in);
}

static size_t row_out_len(const struct row *r)
{
	return r->out_len != 0 ? r->out_len : strlen(r->out);
}

/* Runs text_sanitize on every row and compares bytes and length. */
static void check_sanitize(const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = 12345;
		char *got = text_sanitize(rows[i].in, row_in_len(&rows[i]), &len);
		size_t want = row_out_len(&rows[i]);
		if (len != want || memcmp(got, rows[i].out, want) != 0)
			print_error("row %zu: sanitize gave %zu bytes \"%s\", "
				    "wanted %zu bytes \"%s\"\n",
				    i, len, got, want, rows[i].out);
		assert_int_equal(len, want);
		assert_memory_equal(got, rows[i].out, want);
		assert_int_equal(got[len], '\0');
		assert_true(text_is_clean(got, len));
		free(got);
	}
}

static void check_ascii(const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = 12345;
		char *got = text_to_ascii(rows[i].in, row_in_len(&rows[i]), &len);
		if (strcmp(got, rows[i].out) != 0)
			print_error("row %zu: ascii of \"%s\" gave \"%s\", wanted \"%s\"\n",
				    i, rows[i].in, got, rows[i].out);
		assert_string_equal(got, rows[i].out);
		assert_int_equal(len, strlen(got));
		for (size_t k = 0; k < len; k++)
			assert_true((unsigned char)got[k] < 0x80);
		free(got);
	}
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- text_sanitize ---- */

static void one_line_turns_breaks_and_tabs_into_spaces(void **state)
{
	(void)state;
	size_t n;
	/* U+2028 (a line separator) is a line break too; ESC goes */
	char *s = text_one_line("a\nb\tc\xe2\x80\xa8" "d\x1b[2Je", 14, &n);
	assert_string_equal(s, "a b c d[2Je");
	assert_int_equal(n, strlen(s));
	free(s);
}

static void sanitize_keeps_plain_text(void **state)
{
	static const struct row rows[] = {
		{"", 0, "", 0},
		{"Hello, world.", 0, "Hello, world.", 0},
		{"two\nlines\tand a tab", 0, "two\nlines\tand a tab", 0},
		/* Şişli, 日本語, e + combining acute, emoji */
		{"\xc5\x9e" "i\xc5\x9f" "li", 0, "\xc5\x9e" "i\xc5\x9f" "li", 0},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 0,
		 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 0},
		{"e\xcc\x81", 0, "e\xcc\x81", 0},
		{"\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_removes_escape_sequences_introducer(void **state)
{
	static const struct row rows[] = {
		/* ESC goes; the harmless rest of the sequence stays as text. */
		{"a\x1b[31mred\x1b[0m", 0, "a[31mred[0m", 0},
		{"\x1b]0;title\x07", 0, "]0;title", 0},
		{"\x1b", 0, "", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_removes_c0_del_and_c1_controls(void **state)
{
	static const struct row rows[] = {
		{"bell\x07!", 0, "bell!", 0},
		{"back\x08space", 0, "backspace", 0},
		{"cr\rhere", 0, "crhere", 0},
		{"del\x7f!", 0, "del!", 0},
		{"form\x0c" "feed\x0bvt", 0, "formfeedvt", 0},
		/* U+009B (CSI as one C1 character) and U+0085 (NEL) */
		{"c1\xc2\x9b" "31m", 0, "c131m", 0},
		{"nel\xc2\x85!", 0, "nel!", 0},
		/* U+00A0 is not a control: it stays */
		{"nb\xc2\xa0sp", 0, "nb\xc2\xa0sp", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_removes_bidi_overrides_and_isolates(void **state)
{
	static const struct row rows[] = {
		/* U+202E RIGHT-TO-LEFT OVERRIDE */
		{"abc\xe2\x80\xae" "def", 0, "abcdef", 0},
		/* U+202A..U+202D */
		{"\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac" "c\xe2\x80\xad", 0,
		 "abc", 0},
		/* U+2066..U+2069 */
		{"\xe2\x81\xa6" "x\xe2\x81\xa7" "y\xe2\x81\xa8" "z\xe2\x81\xa9", 0,
		 "xyz", 0},
		/* U+200F RIGHT-TO-LEFT MARK is not an override: it stays */
		{"a\xe2\x80\x8f", 0, "a\xe2\x80\x8f", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_removes_nul_bytes_given_an_explicit_length(void **state)
{
	static const struct row rows[] = {
		{"a\0b\0c", 5, "abc", 0},
		{"\0\0\0", 3, "", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_replaces_invalid_utf8(void **state)
{
	static const struct row rows[] = {
		{"a\xff" "b", 0, "a\xef\xbf\xbd" "b", 0},
		/* a lone continuation byte */
		{"\x80", 0, "\xef\xbf\xbd", 0},
		/* Latin-1 "café" */
		{"caf\xe9", 0, "caf\xef\xbf\xbd", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_output_is_valid_for_any_broken_input(void **state)
{
	/* Truncated, overlong, surrogate and out-of-range sequences: the
	 * exact number of U+FFFD is not specified, only that the result is
	 * clean and the good text around it survives. */
	static const char *const bad[] = {
		"x\xe6\x97" "y",          /* 日 cut short */
		"x\xc0\x80" "y",          /* overlong NUL */
		"x\xed\xa0\x80" "y",      /* UTF-16 surrogate */
		"x\xf4\x90\x80\x80" "y",  /* above U+10FFFF */
		"x\xf0\x9f\x98" "y",      /* emoji cut short */
	};
	for (size_t i = 0; i < N(bad); i++) {
		size_t len;
		char *got = text_sanitize(bad[i], strlen(bad[i]), &len);
		assert_true(text_is_clean(got, len));
		assert_int_equal(got[0], 'x');
		assert_int_equal(got[len - 1], 'y');
		assert_non_null(strstr(got, "\xef\xbf\xbd"));
		free(got);
	}
	/* Input cut in the middle of a character at the very end. */
	size_t len;
	char *got = text_sanitize("ab\xe6", 3, &len);
	assert_string_equal(got, "ab\xef\xbf\xbd");
	free(got);
}

static void sanitize_turns_line_and_paragraph_separators_into_newlines(void **state)
{
	static const struct row rows[] = {
		{"one\xe2\x80\xa8two", 0, "one\ntwo", 0},
		{"one\xe2\x80\xa9two", 0, "one\ntwo", 0},
	};
	check_sanitize(rows, N(rows));
}

static void sanitize_out_len_may_be_null(void **state)
{
	char *got = text_sanitize("a\x1b" "b", 3, NULL);
	assert_string_equal(got, "ab");
	free(got);
}

static void sanitize_does_not_read_past_len(void **state)
{
	/* Only the first 3 bytes are input. */
	size_t len;
	char *got = text_sanitize("abc\x1b[31mdef", 3, &len);
	assert_string_equal(got, "abc");
	assert_int_equal(len, 3);
	free(got);
}

/* ---- text_is_clean ---- */

static void is_clean_accepts_text_that_sanitize_keeps(void **state)
{
	static const char *const clean[] = {
		"",
		"plain ASCII",
		"tab\tand\nnewline",
		"\xe6\x97\xa5\xe6\x9c\xac", /* 日本 */
		"e\xcc\x81",               /* e + combining acute */
		"\xc2\xa0",                /* no-break space */
	};
	for (size_t i = 0; i < N(clean); i++)
		assert_true(text_is_clean(clean[i], strlen(clean[i])));
}

static void is_clean_rejects_what_sanitize_removes(void **state)
{
	static const struct row dirty[] = {
		{"\x1b[31m", 0, NULL, 0},
		{"a\x07", 0, NULL, 0},
		{"a\x7f", 0, NULL, 0},
		{"a\r", 0, NULL, 0},
		{"\xc2\x9b", 0, NULL, 0},       /* C1 CSI */
		{"\xe2\x80\xae", 0, NULL, 0},   /* RLO */
		{"\xe2\x81\xa9", 0, NULL, 0},   /* PDI */
		{"\xe2\x80\xa8", 0, NULL, 0},   /* line separator */
		{"\xff", 0, NULL, 0},           /* invalid */
		{"\xe6\x97", 0, NULL, 0},       /* truncated */
		{"a\0b", 3, NULL, 0},           /* NUL */
	};
	for (size_t i = 0; i < N(dirty); i++) {
		if (text_is_clean(dirty[i].in, row_in_len(&dirty[i])))
			print_error("row %zu unexpectedly clean\n", i);
		assert_false(text_is_clean(dirty[i].in, row_in_len(&dirty[i])));
	}
}

static void is_clean_agrees_with_sanitize_on_a_byte_sweep(void **state)
{
	/* Every 1- and 2-byte string: clean exactly when sanitize leaves it
	 * unchanged. */
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			char s[2] = {(char)a, (char)b};
			for (size_t n = 1; n <= 2; n++) {
				if (n == 1 && b > 0)
					continue; /* 1-byte strings once */
				size_t len;
				char *got = text_sanitize(s, n, &len);
				bool same = len == n && memcmp(got, s, n) == 0;
				if (same != text_is_clean(s, n))
					print_error("bytes %02x %02x (n=%zu)\n", a, b, n);
				assert_int_equal(same, text_is_clean(s, n));
				free(got);
			}
		}
}

static void sanitize_to_writes_what_sanitize_returns(void **state)
{
	/* ASCII takes a shortcut: mix it with controls, UTF-8, broken
	 * UTF-8 and the separators; then every 2-byte string. */
	static const char *const in[] = {
		"plain ASCII text, tab\there, newline\nthere",
		"\x01\x1f\x7f" "a\x7f" "b\x1b[0mc",
		"caf\xc3\xa9 na\xc3\xafve e\xcc\x81 \xe6\x97\xa5 \xf0\x9f\x98\x80",
		"bad \xff\xfe \xc3 \xe6\x97 \xed\xa0\x80 end",
		"sep\xe2\x80\xa8line\xe2\x80\xa9para \xe2\x80\xae" "bidi\xe2\x80\xac",
		"nel\xc2\x85" "csi\xc2\x9b" "ok",
	};
	char buf[3 * 64 + 1];
	for (size_t i = 0; i < N(in); i++) {
		size_t len, n = strlen(in[i]);
		char *want = text_sanitize(in[i], n, &len);
		memset(buf, 'x', sizeof buf);
		assert_int_equal(text_sanitize_to(buf, in[i], n), len);
		assert_memory_equal(buf, want, len + 1);
		free(want);
	}
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			char s2[2] = {(char)a, (char)b};
			size_t len;
			char *want = text_sanitize(s2, 2, &len);
			assert_int_equal(text_sanitize_to(buf, s2, 2), len);
			assert_memory_equal(buf, want, len + 1);
			free(want);
		}
}

/* ---- text_width, text_cp_width ---- */

struct width_row {
	const char *s;
	size_t width;
};

static void width_counts_columns(void **state)
{
	static const struct width_row rows[] = {
		{"", 0},
		{"abc", 3},
		{"Hello, world!", 13},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6},   /* 日本語: wide */
		{"\xed\x95\x9c\xea\xb5\xad", 4},               /* 한국: wide */
		{"e\xcc\x81", 1},                              /* é decomposed */
		{"cafe\xcc\x81", 4},
		{"\xc5\x9e" "i\xc5\x9f" "li", 5},              /* Şişli */
		{"\xe2\x80\x8b", 0},                           /* zero width space */
		{"a\xe6\x97\xa5" "b", 4},
		{"\xf0\x9f\x98\x80", 2},                       /* 😀 */
		{"\xe2\x80\x94", 1},                           /* em dash */
	};
	for (size_t i = 0; i < N(rows); i++) {
		size_t w = text_width(rows[i].s, strlen(rows[i].s));
		if (w != rows[i].width)
			print_error("row %zu \"%s\": width %zu, wanted %zu\n", i,
				    rows[i].s, w, rows[i].width);
		assert_int_equal(w, rows[i].width);
	}
}

static void width_of_code_points(void **state)
{
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(' '), 1);
	assert_int_equal(text_cp_width(0x65e5), 2);  /* 日 */
	assert_int_equal(text_cp_width(0xac00), 2);  /* 가 */
	assert_int_equal(text_cp_width(0xff21), 2);  /* fullwidth A */
	assert_int_equal(text_cp_width(0x0301), 0);  /* combining acute */
	assert_int_equal(text_cp_width(0x200d), 0);  /* zero width joiner */
	assert_int_equal(text_cp_width(0x00e9), 1);  /* é */
}

static void width_counts_invalid_bytes_as_one_column(void **state)
{
	assert_int_equal(text_width("a\xff" "b", 3), 3);
	/* A character cut by the length is bad bytes, one column each. */
	assert_int_equal(text_width("a\xe6\x97\xa5", 3), 3);
	assert_int_equal(text_width("\xc3\xa9\xc3", 3), 2);
}

static void width_is_fit_without_a_limit(void **state)
{
	/* text_width has a loop of its own (ASCII counted byte by byte):
	 * it must agree with text_fit on every 1- and 2-byte string and on
	 * mixed text. */
	static const char *const mixed[] = {
		"ab\xe6\x97\xa5" "cd e\xcc\x81 \xf0\x9f\x91\xa8\xe2\x80\x8d"
		"\xf0\x9f\x91\xa9 x\xff\xfe" "y \xed\xa0\x80 z\xe2\x80\x8b",
		"\t\n\x01\x7f\xc2\x85\xc2\xa0",
	};
	for (size_t i = 0; i < N(mixed); i++) {
		size_t n = strlen(mixed[i]), w;
		assert_int_equal(text_fit(mixed[i], n, (size_t)-1, &w), n);
		assert_int_equal(text_width(mixed[i], n), w);
	}
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			char s2[2] = {(char)a, (char)b};
			size_t w;
			text_fit(s2, 2, (size_t)-1, &w);
			assert_int_equal(text_width(s2, 2), w);
		}
	/* ASCII is counted eight bytes at a time: a wide character, a
	 * combining mark or a bad byte at every place of a longer text. */
	static const char *const odd[] = {"\xe6\x97\xa5", "\xcc\x81", "\xff"};
	static const size_t odd_w[] = {2, 0, 1};
	for (size_t k = 0; k < N(odd); k++)
		for (size_t at = 0; at <= 20; at++) {
			char buf[32];
			size_t ol = strlen(odd[k]);
			memset(buf, 'a', sizeof buf);
			memcpy(buf + at, odd[k], ol);
			for (size_t n = at + ol; n <= 24; n++)
				assert_int_equal(text_width(buf, n),
						 n - ol + odd_w[k]);
		}
}

/* ---- text_fit ---- */

struct fit_row {
	const char *s;
	size_t cols;
	size_t bytes; /* expected prefix length */
	size_t w;     /* expected width of that prefix */
};

static void fit_cuts_at_the_width(void **state)
{
	static const struct fit_row rows[] = {
		{"abcdef", 3, 3, 3},
		{"abcdef", 0, 0, 0},
		{"abc", 10, 3, 3},
		{"", 5, 0, 0},
		/* 日本語: a wide character that does not fit stays out whole */
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 1, 0, 0},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 2, 3, 2},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 3, 3, 2},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, 6, 4},
		/* a日: the wide one does not fit in 2 */
		{"a\xe6\x97\xa5", 2, 1, 1},
		/* e + combining acute + x: the mark stays with its e */
		{"e\xcc\x81x", 1, 3, 1},
		{"e\xcc\x81x", 2, 4, 2},
		/* two combining marks */
		{"e\xcc\x81\xcc\xa7x", 1, 5, 1},
		/* Şişli: two-byte letters are never split */
		{"\xc5\x9e" "i\xc5\x9f" "li", 1, 2, 1},
		{"\xc5\x9e" "i\xc5\x9f" "li", 3, 5, 3},
	};
	for (size_t i = 0; i < N(rows); i++) {
		size_t w = 999;
		size_t got = text_fit(rows[i].s, strlen(rows[i].s), rows[i].cols, &w);
		if (got != rows[i].bytes || w != rows[i].w)
			print_error("row %zu: fit %zu cols gave %zu bytes/%zu cols, "
				    "wanted %zu/%zu\n", i, rows[i].cols, got, w,
				    rows[i].bytes, rows[i].w);
		assert_int_equal(got, rows[i].bytes);
		assert_int_equal(w, rows[i].w);
	}
}

static void fit_w_may_be_null(void **state)
{
	assert_int_equal(text_fit("abc", 3, 2, NULL), 2);
}

/* Whether byte i of s starts a code point that is not a combining mark
 * (a place where a cut leaves every character and its marks whole). */
static bool is_cut_point(const char *s, size_t len, size_t i)
{
	if (i == 0 || i == len)
		return true;
	unsigned char c = (unsigned char)s[i];
	if ((c & 0xc0) == 0x80)
		return false;
	/* U+0300-U+036F (combining diacritics) start with 0xcc or 0xcd. */
	if (c == 0xcc || (c == 0xcd && (unsigned char)s[i + 1] < 0xb0))
		return false;
	return true;
}

static void fit_never_splits_a_character_at_any_width(void **state)
{
	static const char *const texts[] = {
		"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86"
		"\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88", /* 日本語のテキスト */
		"cafe\xcc\x81 re\xcc\x81sume\xcc\x81",  /* café résumé */
		"a\xf0\x9f\x98\x80" "b\xf0\x9f\x91\x8d" "c",
		"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xed\x85\x8d", /* 한국어 텍 */
		"\xc5\x9e" "i\xc5\x9f" "li Uzun\xc3\xa7" "akmak",
	};
	for (size_t t = 0; t < N(texts); t++) {
		const char *s = texts[t];
		size_t len = strlen(s), total = text_width(s, len);
		for (size_t cols = 0; cols <= total + 1; cols++) {
			size_t w;
			size_t n = text_fit(s, len, cols, &w);
			assert_true(n <= len);
			assert_true(w <= cols);
			assert_int_equal(w, text_width(s, n));
			if (!is_cut_point(s, len, n))
				print_error("text %zu cut at byte %zu for %zu cols\n",
					    t, n, cols);
			assert_true(is_cut_point(s, len, n));
			/* Greedy: the next character would not have fit. */
			if (n < len) {
				size_t j = n + 1;
				while (j < len && !is_cut_point(s, len, j))
					j++;
				assert_true(text_width(s, j) > cols);
			}
		}
		size_t w;
		assert_int_equal(text_fit(s, len, total, &w), len);
		assert_int_equal(w, total);
	}
}

/* ---- text_to_ascii ---- */

static void ascii_straightens_quotes_and_dashes(void **state)
{
	static const struct row rows[] = {
		/* “Hello” ‘world’ */
		{"\xe2\x80\x9cHello\xe2\x80\x9d \xe2\x80\x98world\xe2\x80\x99", 0,
		 "\"Hello\" 'world'", 0},
		/* it’s */
		{"it\xe2\x80\x99s", 0, "it's", 0},
		/* en dash, em dash */
		{"1\xe2\x80\x93" "2 a\xe2\x80\x94" "b", 0, "1-2 a--b", 0},
		/* ellipsis */
		{"wait\xe2\x80\xa6", 0, "wait...", 0},
		/* bullet, no-break space */
		{"\xe2\x80\xa2 item\xc2\xa0" "x", 0, "* item x", 0},
		/* minus sign, arrows */
		{"\xe2\x88\x92" "3 \xe2\x86\x92 4", 0, "-3 -> 4", 0},
		{"plain ascii stays", 0, "plain ascii stays", 0},
	};
	check_ascii(rows, N(rows));
}

static void ascii_drops_accents_by_decomposition(void **state)
{
	static const struct row rows[] = {
		/* Şişli Uzunçakmak */
		{"\xc5\x9e" "i\xc5\x9f" "li Uzun\xc3\xa7" "akmak", 0,
		 "Sisli Uzuncakmak", 0},
		/* café résumé (precomposed) */
		{"caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9", 0, "cafe resume", 0},
		/* Ärzte, Über, naïve */
		{"\xc3\x84rzte \xc3\x9c" "ber na\xc3\xafve", 0, "Arzte Uber naive", 0},
		/* ı (dotless i), İstanbul */
		{"\xc4\xb1 \xc4\xb0stanbul", 0, "i Istanbul", 0},
		/* ệ: two marks on one letter */
		{"\xe1\xbb\x87", 0, "e", 0},
	};
	check_ascii(rows, N(rows));
}

static void ascii_spells_out_ligatures(void **state)
{
	static const struct row rows[] = {
		{"Stra\xc3\x9f" "e", 0, "Strasse", 0},      /* ß */
		{"\xc3\xa6" "on \xc3\x86", 0, "aeon AE", 0}, /* æ Æ */
		{"\xc5\x93uvre", 0, "oeuvre", 0},           /* œ */
	};
	check_ascii(rows, N(rows));
}

static void ascii_keeps_the_width_of_wide_characters(void **state)
{
	static const struct row rows[] = {
		/* 日本語: one '?' per column */
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 0, "??????", 0},
		{"a\xed\x95\x9c" "b", 0, "a??b", 0},  /* 한 */
		{"\xf0\x9f\x98\x80", 0, "??", 0},     /* 😀 */
	};
	check_ascii(rows, N(rows));
}

static void ascii_drops_lone_combining_marks(void **state)
{
	static const struct row rows[] = {
		{"e\xcc\x81", 0, "e", 0},
		{"cafe\xcc\x81!", 0, "cafe!", 0},
		{"\xcc\x81", 0, "", 0},
	};
	check_ascii(rows, N(rows));
}

static void ascii_shows_unknown_characters_as_question_marks(void **state)
{
	static const struct row rows[] = {
		{"\xce\xb1\xce\xb2", 0, "??", 0},  /* αβ: no ASCII base */
		{"a\xff" "b", 0, "a?b", 0},        /* invalid byte */
	};
	check_ascii(rows, N(rows));
}

static void ascii_out_len_may_be_null(void **state)
{
	char *got = text_to_ascii("\xe2\x80\xa6", 3, NULL);
	assert_string_equal(got, "...");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sanitize_keeps_plain_text),
		cmocka_unit_test(one_line_turns_breaks_and_tabs_into_spaces),
		cmocka_unit_test(sanitize_removes_escape_sequences_introducer),
		cmocka_unit_test(sanitize_removes_c0_del_and_c1_controls),
		cmocka_unit_test(sanitize_removes_bidi_overrides_and_isolates),
		cmocka_unit_test(sanitize_removes_nul_bytes_given_an_explicit_length),
		cmocka_unit_test(sanitize_replaces_invalid_utf8),
		cmocka_unit_test(sanitize_output_is_valid_for_any_broken_input),
		cmocka_unit_test(sanitize_turns_line_and_paragraph_separators_into_newlines),
		cmocka_unit_test(sanitize_out_len_may_be_null),
		cmocka_unit_test(sanitize_does_not_read_past_len),
		cmocka_unit_test(is_clean_accepts_text_that_sanitize_keeps),
		cmocka_unit_test(is_clean_rejects_what_sanitize_removes),
		cmocka_unit_test(is_clean_agrees_with_sanitize_on_a_byte_sweep),
		cmocka_unit_test(sanitize_to_writes_what_sanitize_returns),
		cmocka_unit_test(width_counts_columns),
		cmocka_unit_test(width_of_code_points),
		cmocka_unit_test(width_counts_invalid_bytes_as_one_column),
		cmocka_unit_test(width_is_fit_without_a_limit),
		cmocka_unit_test(fit_cuts_at_the_width),
		cmocka_unit_test(fit_w_may_be_null),
		cmocka_unit_test(fit_never_splits_a_character_at_any_width),
		cmocka_unit_test(ascii_straightens_quotes_and_dashes),
		cmocka_unit_test(ascii_drops_accents_by_decomposition),
		cmocka_unit_test(ascii_spells_out_ligatures),
		cmocka_unit_test(ascii_keeps_the_width_of_wide_characters),
		cmocka_unit_test(ascii_drops_lone_combining_marks),
		cmocka_unit_test(ascii_shows_unknown_characters_as_question_marks),
		cmocka_unit_test(ascii_out_len_may_be_null),
	};
	/* TEST_FILTER=pattern runs only the matching tests. */
	if (getenv("TEST_FILTER") != NULL)
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
