/*
 * Unit tests for config.c: kiosk.conf text in, struct config and
 * diagnostics out.  Each case is data: the INI text, the expected return
 * value and every diagnostic exactly as diag_format prints it, one per
 * line.  Files are read relative to the project root (tests/unit/fixtures/
 * config/), where the Makefile runs the test binaries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <ini.h>

#include "config.h"
#include "diag.h"
#include "xmem.h"

#define FIXTURES "tests/unit/fixtures/config/"
#define T "t/kiosk.conf"

static struct config cfg;
static struct diag_list diags;
static char *got;      /* formatted diagnostics of the last case */
static char *tmp_path; /* a temporary file to remove in teardown */

static int setup(void **state)
{
	(void)state;
	config_defaults(&cfg);
	diags = (struct diag_list){0};
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	config_free(&cfg);
	diag_list_clear(&diags);
	free(got);
	got = NULL;
	if (tmp_path != NULL) {
		unlink(tmp_path);
		free(tmp_path);
		tmp_path = NULL;
	}
	return 0;
}

/* All diagnostics so far, formatted, each followed by a newline. */
static const char *formatted(void)
{
	free(got);
	got = xstrdup("");
	for (size_t i = 0; i < diags.n; i++) {
		char *d = diag_format(&diags.items[i]);
		char *t = xasprintf("%s%s\n", got, d);
		free(d);
		free(got);
		got = t;
	}
	return got;
}

/* Parses text as "t/kiosk.conf" (into cfg as it is) and checks the result
 * and the diagnostics of this parse. */
static void check(const char *text, int rc, const char *want)
{
	diag_list_clear(&diags);
	assert_int_equal(config_parse(&cfg, T, text, &diags), rc);
	assert_string_equal(formatted(), want);
}

/* Writes len bytes to a new temporary file; its path is tmp_path. */
static void write_tmp(const char *data, size_t len)
{
	tmp_path = xstrdup("/tmp/test_config_XXXXXX");
	int fd = mkstemp(tmp_path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Defaults and empty input */

static void test_defaults(void **state)
{
	(void)state;
	assert_string_equal(cfg.title, "Patient information");
	assert_string_equal(cfg.content_dir, "content");
	assert_int_equal(cfg.theme, THEME_DEFAULT);
}

static void test_missing_keys_keep_defaults(void **state)
{
	(void)state;
	check("[kiosk]\n", 0, "");
	assert_string_equal(cfg.title, "Patient information");
	assert_string_equal(cfg.content_dir, "content");
	assert_int_equal(cfg.theme, THEME_DEFAULT);
}

static void test_empty_file(void **state)
{
	(void)state;
	check("", 0, "");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_comments_and_blank_lines(void **state)
{
	(void)state;
	check("; a comment\n# another\n\n   \n\t; indented\n[kiosk]\n"
	      "# title = not this\n",
	      0, "");
	assert_string_equal(cfg.title, "Patient information");
}

/* Good values */

static void test_language(void **state)
{
	(void)state;
	assert_string_equal(cfg.language, "en");
	check("[kiosk]\nlanguage = tr\n", 0, "");
	assert_string_equal(cfg.language, "tr");
	check("[kiosk]\nlanguage = es-MX\n", 0, "");
	assert_string_equal(cfg.language, "es-MX");
	/* a name is not a code: the last good value stays */
	check("[kiosk]\nlanguage = Turkish\n", -1,
	      "t/kiosk.conf:2: error: language must be a language code of "
	      "two small letters, such as en, tr or es\n");
	assert_string_equal(cfg.language, "es-MX");
}

/* "languages" may be left empty, as its help says: the default language
 * first, then the others by code.  Set, then emptied again. */
static void test_languages_may_be_empty(void **state)
{
	(void)state;
	check("[kiosk]\nlanguages = tr, en\n", 0, "");
	assert_string_equal(cfg.languages, "tr, en");
	check("[kiosk]\nlanguages =\n", 0, "");
	assert_string_equal(cfg.languages, "");
	check("[kiosk]\nlanguages = tr\n", 0, "");
	check("[kiosk]\nlanguages = \"\"\n", 0, "");
	assert_string_equal(cfg.languages, "");
	check("[kiosk]\nlanguages = en,\n", -1,
	      "t/kiosk.conf:2: error: languages must be language codes "
	      "separated by commas, such as en, tr\n");
}

static void test_title(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = Welcome to the clinic\n", 0, "");
	assert_string_equal(cfg.title, "Welcome to the clinic");
}

static void test_title_utf8_and_tab(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = Information für Patienten\tÉté\n", 0, "");
	assert_string_equal(cfg.title, "Information für Patienten\tÉté");
}

static void test_theme_each_value(void **state)
{
	(void)state;
	check("[kiosk]\ntheme = mono\n", 0, "");
	assert_int_equal(cfg.theme, THEME_MONO);
	check("[kiosk]\ntheme = high-contrast\n", 0, "");
	assert_int_equal(cfg.theme, THEME_HIGH_CONTRAST);
	check("[kiosk]\ntheme = default\n", 0, "");
	assert_int_equal(cfg.theme, THEME_DEFAULT);
}

static void test_content_relative(void **state)
{
	(void)state;
	check("[kiosk]\ncontent = articles\n", 0, "");
	assert_string_equal(cfg.content_dir, "t/articles");
}

static void test_content_relative_up(void **state)
{
	(void)state;
	check("[kiosk]\ncontent = ../shared/content\n", 0, "");
	assert_string_equal(cfg.content_dir, "t/../shared/content");
}

static void test_content_absolute(void **state)
{
	(void)state;
	check("[kiosk]\ncontent = /srv/kiosk/content\n", 0, "");
	assert_string_equal(cfg.content_dir, "/srv/kiosk/content");
}

static void test_content_config_in_cwd(void **state)
{
	(void)state;
	assert_int_equal(config_parse(&cfg, "kiosk.conf",
				      "[kiosk]\ncontent = articles\n", &diags),
			 0);
	assert_string_equal(cfg.content_dir, "articles");
}

static void test_content_config_absolute(void **state)
{
	(void)state;
	assert_int_equal(config_parse(&cfg, "/etc/kiosk/kiosk.conf",
				      "[kiosk]\ncontent = articles\n", &diags),
			 0);
	assert_string_equal(cfg.content_dir, "/etc/kiosk/articles");
	assert_int_equal(config_parse(&cfg, "/kiosk.conf",
				      "[kiosk]\ncontent = articles\n", &diags),
			 0);
	assert_string_equal(cfg.content_dir, "/articles");
}

static void test_all_keys(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = A\ncontent = c\ntheme = mono\n", 0, "");
	assert_string_equal(cfg.title, "A");
	assert_string_equal(cfg.content_dir, "t/c");
	assert_int_equal(cfg.theme, THEME_MONO);
}

/* Syntax: quotes, trimming, comments, line ends */

static void test_quoted_values(void **state)
{
	(void)state;
	check("[kiosk]\n"
	      "title = \"Patient information\"\n"
	      "content = \"my content\"\n"
	      "theme = \"mono\"\n",
	      0, "");
	assert_string_equal(cfg.title, "Patient information");
	assert_string_equal(cfg.content_dir, "t/my content");
	assert_int_equal(cfg.theme, THEME_MONO);
}

static void test_quotes_keep_inner_text(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = \"Say \"hello\"\"\n", 0, "");
	assert_string_equal(cfg.title, "Say \"hello\"");
	check("[kiosk]\ntitle = \"Best\" clinic\n", 0, "");
	assert_string_equal(cfg.title, "\"Best\" clinic");
}

static void test_values_trimmed(void **state)
{
	(void)state;
	check("[kiosk]\n   title   =    Spaced out   \t\ntheme=mono\n", 0, "");
	assert_string_equal(cfg.title, "Spaced out");
	assert_int_equal(cfg.theme, THEME_MONO);
}

static void test_inline_comments(void **state)
{
	(void)state;
	check("[kiosk] ; the only section\n"
	      "title = Clinic ; shown on the home screen\n"
	      "theme = mono\t; for the old monitor\n",
	      0, "");
	assert_string_equal(cfg.title, "Clinic");
	assert_int_equal(cfg.theme, THEME_MONO);
	/* inih: ';' starts a comment only after white space, '#' only at
	 * the start of a line */
	check("[kiosk]\ntitle = Drs;Smith # and partners\n", 0, "");
	assert_string_equal(cfg.title, "Drs;Smith # and partners");
}

static void test_indented_key_is_not_a_continuation(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = A\n    theme = mono\n\tcontent = c\n", 0, "");
	assert_string_equal(cfg.title, "A");
	assert_int_equal(cfg.theme, THEME_MONO);
	assert_string_equal(cfg.content_dir, "t/c");
}

static void test_crlf_and_bom(void **state)
{
	(void)state;
	check("\xEF\xBB\xBF[kiosk]\r\ntitle = Windows\r\ntheme = mono\r\n", 0,
	      "");
	assert_string_equal(cfg.title, "Windows");
	assert_int_equal(cfg.theme, THEME_MONO);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = Last", 0, "");
	assert_string_equal(cfg.title, "Last");
}

static void test_names_ignore_case(void **state)
{
	(void)state;
	check("[ Kiosk ]\nTITLE = A\nTheme = Mono\n", 0, "");
	assert_string_equal(cfg.title, "A");
	assert_int_equal(cfg.theme, THEME_MONO);
}

static void test_colon_separator(void **state)
{
	(void)state;
	check("[kiosk]\ntitle: Clinic: welcome\n", 0, "");
	assert_string_equal(cfg.title, "Clinic: welcome");
}

/* Errors, each with its exact text and line */

static void test_unknown_section_suggestion(void **state)
{
	(void)state;
	check("; site config\n\n[kisok]\ntitle = Not applied\n", -1,
	      T ":3: error: unknown section [kisok] (did you mean [kiosk]?)\n");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_unknown_section_no_suggestion(void **state)
{
	(void)state;
	check("[kiosk]\n[display]\n", -1,
	      T ":2: error: unknown section [display] (known: [kiosk], [ssh])\n");
}

static void test_unknown_key_suggestion(void **state)
{
	(void)state;
	check("[kiosk]\n\n\ntitel = Clinic\n", -1,
	      T ":4: error: unknown key \"titel\" in [kiosk] "
		"(did you mean \"title\"?)\n");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_unknown_key_no_suggestion(void **state)
{
	(void)state;
	check("[kiosk]\ncolour = red\n", -1,
	      T ":2: error: unknown key \"colour\" in [kiosk] "
		"(known: title, content, theme, mode, idle_timeout, attract_timeout, pin_hash, log, measure, review_months, reading_grade, language, languages)\n");
}

static void test_unknown_key_shown_safely(void **state)
{
	(void)state;
	check("[kiosk]\nti\x1btle = x\n\xff\xfe = y\n", -1,
	      T ":2: error: unknown key \"ti\\x1Btle\" in [kiosk] "
		"(did you mean \"title\"?)\n"
	      T ":3: error: unknown key \"\\xFF\\xFE\" in [kiosk] "
		"(known: title, content, theme, mode, idle_timeout, attract_timeout, pin_hash, log, measure, review_months, reading_grade, language, languages)\n");
}

static void test_bad_enum(void **state)
{
	(void)state;
	check("[kiosk]\ntheme = blue\n", -1,
	      T ":2: error: theme must be one of: default, high-contrast, mono "
		"(got \"blue\")\n");
	assert_int_equal(cfg.theme, THEME_DEFAULT);
}

static void test_waiting_room_keys(void **state)
{
	(void)state;
	check("[kiosk]\nmode = waiting-room\nidle_timeout = 2\n"
	      "attract_timeout = 0\n"
	      "pin_hash = $y$j9T$bsbZCT1VNS3upnNVbBSmh1$fYgH5tP.E5i4G5VpRur4Ivw8Sp47jO04iqIN2OELCoB\n",
	      0, "");
	assert_int_equal(cfg.mode, MODE_WAITING_ROOM);
	assert_int_equal(cfg.idle_timeout, 2);
	assert_int_equal(cfg.attract_timeout, 0);
	assert_true(cfg.pin_hash[0] == '$');
}

static void test_waiting_room_defaults(void **state)
{
	(void)state;
	check("[kiosk]\n", 0, "");
	assert_int_equal(cfg.mode, MODE_NORMAL);
	assert_int_equal(cfg.idle_timeout, 90);
	assert_int_equal(cfg.attract_timeout, 300);
	assert_string_equal(cfg.pin_hash, "");
}

static void test_waiting_room_bad_values(void **state)
{
	(void)state;
	check("[kiosk]\nmode = locked\nidle_timeout = 1\nidle_timeout = soon\n"
	      "pin_hash = 1234\n",
	      -1,
	      T ":2: error: mode must be one of: normal, waiting-room (got \"locked\")\n"
	      T ":3: error: idle_timeout must be a whole number from 2 to 86400 (got \"1\")\n"
	      T ":4: error: idle_timeout must be a whole number from 2 to 86400 (got \"soon\")\n"
	      T ":5: error: pin_hash is not a PIN hash that can be checked, or a weak one (md5-crypt, DES); make one with: kiosk --hash-pin\n");
	assert_int_equal(cfg.mode, MODE_NORMAL);
	assert_int_equal(cfg.idle_timeout, 90);
	assert_string_equal(cfg.pin_hash, "");
}

static void test_empty_title(void **state)
{
	(void)state;
	check("[kiosk]\ntitle =\ntitle = \"\"\ntitle = \"   \"\n", -1,
	      T ":2: error: title must not be empty\n"
	      T ":3: error: title must not be empty\n"
	      T ":4: error: title must not be empty\n");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_empty_content(void **state)
{
	(void)state;
	check("[kiosk]\ncontent =\n", -1,
	      T ":2: error: content must not be empty\n");
	assert_string_equal(cfg.content_dir, "content");
}

static void test_cannot_read_line(void **state)
{
	(void)state;
	check("[kiosk]\ntitle Clinic\n", -1,
	      T ":2: error: cannot read this line: expected key = value\n");
	check("[kiosk\n", -1,
	      T ":1: error: cannot read this line: expected [section]\n");
}

static void test_cannot_read_every_line(void **state)
{
	(void)state;
	/* inih's return value names only the first; each is reported */
	check("[kiosk]\nfirst\ntitle = A\nsecond\n= no name\n[kiosk ; x]\nlast",
	      -1,
	      T ":2: error: cannot read this line: expected key = value\n"
	      T ":4: error: cannot read this line: expected key = value\n"
	      T ":5: error: cannot read this line: expected key = value\n"
	      T ":6: error: cannot read this line: expected [section]\n"
	      T ":7: error: cannot read this line: expected key = value\n");
	assert_string_equal(cfg.title, "A");
}

static void test_key_outside_section(void **state)
{
	(void)state;
	check("title = Too early\n[kiosk]\n", -1,
	      T ":1: error: key outside a section; put it under [kiosk]\n");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_unbalanced_quote(void **state)
{
	(void)state;
	/* " ;" starts an inline comment, even inside quotes */
	check("[kiosk]\ntitle = \"Clinic ; Ward 3\"\n", -1,
	      T ":2: error: title has an opening quote but no closing quote\n");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_title_control_characters(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"title = \x1b[31mRed\x1b[0m\n", /* ESC sequence */
		"title = Bell\x07\n",            /* C0 */
		"title = Del\x7f\n",             /* DEL */
		"title = Next\xc2\x85line\n",    /* C1 U+0085 */
		"title = CSI\xc2\x9b" "31m\n",   /* C1 U+009B */
		"title = Mid\rline\n",           /* lone CR */
		"title = \"Quoted\x1b\"\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = xasprintf("[kiosk]\n%s", bad[i]);
		check(text, -1,
		      T ":2: error: title contains control characters\n");
		free(text);
		assert_string_equal(cfg.title, "Patient information");
	}
}

static void test_title_invalid_utf8(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = Caf\xe9\n", -1,
	      T ":2: error: title is not valid UTF-8; "
		"save the file as UTF-8\n");
	check("[kiosk]\ntitle = \xed\xa0\x80\n", -1, /* a surrogate */
	      T ":2: error: title is not valid UTF-8; "
		"save the file as UTF-8\n");
	assert_string_equal(cfg.title, "Patient information");
}

static void test_content_control_characters(void **state)
{
	(void)state;
	check("[kiosk]\ncontent = a\x01z\n", -1,
	      T ":2: error: content contains control characters\n");
	assert_string_equal(cfg.content_dir, "content");
}

static void test_several_errors_own_lines(void **state)
{
	(void)state;
	check("title = early\n"        /* 1 */
	      "[kiosk]\n"              /* 2 */
	      "titel = Clinic\n"       /* 3 */
	      "theme = blue\n"         /* 4 */
	      "content =\n"            /* 5 */
	      "this line has no equals sign\n" /* 6 */
	      "[kisok]\n"              /* 7 */
	      "title = ignored\n"      /* 8 */
	      "[kiosk]\n"              /* 9 */
	      "title = \"\"\n"         /* 10 */
	      "title = Good\n",        /* 11 */
	      -1,
	      T ":1: error: key outside a section; put it under [kiosk]\n"
	      T ":3: error: unknown key \"titel\" in [kiosk] "
		"(did you mean \"title\"?)\n"
	      T ":4: error: theme must be one of: default, high-contrast, mono "
		"(got \"blue\")\n"
	      T ":5: error: content must not be empty\n"
	      T ":6: error: cannot read this line: expected key = value\n"
	      T ":7: error: unknown section [kisok] (did you mean [kiosk]?)\n"
	      T ":10: error: title must not be empty\n"
	      T ":11: warning: \"title\" in [kiosk] was already set on "
		"line 10; the later value is used\n");
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 7);
	assert_string_equal(cfg.title, "Good");
	assert_int_equal(cfg.theme, THEME_DEFAULT);
	assert_string_equal(cfg.content_dir, "content");
}

static void test_bad_value_keeps_default(void **state)
{
	(void)state;
	check("[kiosk]\ntheme = blue\ntitle = Fine\ncontent = \n", -1,
	      T ":2: error: theme must be one of: default, high-contrast, mono "
		"(got \"blue\")\n"
	      T ":4: error: content must not be empty\n");
	assert_int_equal(cfg.theme, THEME_DEFAULT);
	assert_string_equal(cfg.title, "Fine");
	assert_string_equal(cfg.content_dir, "content");
}

static void test_hyperlinks_opt_in(void **state)
{
	(void)state;
	assert_false(cfg.hyperlinks); /* addresses printed unless asked */
	check("[ssh]\nhyperlinks = yes\n", 0, "");
	assert_true(cfg.hyperlinks);
	check("[ssh]\nhyperlinks = Off\n", 0, "");
	assert_false(cfg.hyperlinks);
	check("[ssh]\nhyperlinks = on\nhyperlinks = sometimes\n", -1,
	      T ":3: error: hyperlinks must be yes or no (got \"sometimes\")\n");
	assert_true(cfg.hyperlinks);
}

static void test_bad_value_not_half_applied(void **state)
{
	(void)state;
	/* a bad later value is the error; the earlier one stays */
	check("[kiosk]\ntheme = mono\ntheme = mon\n", -1,
	      T ":3: error: theme must be one of: default, high-contrast, mono "
		"(got \"mon\")\n");
	assert_int_equal(cfg.theme, THEME_MONO);
	check("[kiosk]\ntitle = Good\ntitle = Bad\x1b[2J\n", -1,
	      T ":3: error: title contains control characters\n");
	assert_string_equal(cfg.title, "Good");
}

static void test_duplicate_key_warning(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = First\ntheme = mono\n\ntitle = Second\n", 0,
	      T ":5: warning: \"title\" in [kiosk] was already set on line 2; "
		"the later value is used\n");
	assert_string_equal(cfg.title, "Second");
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
}

/* Hostile input */

static void test_long_line(void **state)
{
	(void)state;
	/* the longest line inih can take whole, and one byte more */
	const size_t limit = INI_MAX_LINE - 2;
	char *ok = xmalloc(limit + 1);
	memcpy(ok, "title=", 6);
	memset(ok + 6, 'x', limit - 6);
	ok[limit] = '\0';
	char *text = xasprintf("[kiosk]\n%s\n", ok);
	check(text, 0, "");
	assert_int_equal(strlen(cfg.title), limit - 6);
	free(text);

	char *want = xasprintf(
		T ":2: error: line is too long (over %zu bytes)\n", limit);
	text = xasprintf("[kiosk]\n%sx\ntheme = mono\n", ok);
	check(text, -1, want);
	assert_int_equal(cfg.theme, THEME_MONO); /* line 3 still counted */
	free(text);
	free(want);
	free(ok);
}

static void test_huge_line(void **state)
{
	(void)state;
	size_t n = 1024 * 1024;
	char *text = xmalloc(n + 64);
	strcpy(text, "[kiosk]\ntitle = ");
	size_t o = strlen(text);
	memset(text + o, 'A', n);
	strcpy(text + o + n, "\ntheme = mono\nbad\n");
	char *want = xasprintf(T ":2: error: line is too long (over %d bytes)\n"
			       T ":4: error: cannot read this line: expected "
				 "key = value\n",
			       INI_MAX_LINE - 2);
	check(text, -1, want);
	assert_string_equal(cfg.title, "Patient information");
	assert_int_equal(cfg.theme, THEME_MONO);
	free(want);
	free(text);
}

static void test_binary_garbage(void **state)
{
	(void)state;
	size_t n = 256 * 1024;
	char *text = xmalloc(n + 1);
	uint32_t x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		text[i] = (char)((x >> 16) % 255 + 1); /* no NUL */
	}
	text[n] = '\0';
	assert_int_equal(config_parse(&cfg, T, text, &diags), -1);
	/* gives up after 50 errors; nothing half applied */
	assert_in_range(diags.n, 1, 51 + 51);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 51);
	char *last = diag_format(&diags.items[diags.n - 1]);
	assert_non_null(strstr(last, ": error: too many errors; not reading "
				     "further"));
	free(last);
	free(text);
}

static void test_too_many_errors(void **state)
{
	(void)state;
	char *text = xstrdup("[kiosk]\n");
	for (int i = 0; i < 80; i++) {
		char *t = xasprintf("%sjunk %d\n", text, i);
		free(text);
		text = t;
	}
	assert_int_equal(config_parse(&cfg, T, text, &diags), -1);
	assert_int_equal(diags.n, 51);
	char *first = diag_format(&diags.items[0]);
	char *last = diag_format(&diags.items[50]);
	assert_string_equal(first, T ":2: error: cannot read this line: "
				   "expected key = value");
	assert_string_equal(last, T ":51: error: too many errors; not reading "
				  "further");
	free(first);
	free(last);
	free(text);
}

/* Files */

static void test_load_fixture(void **state)
{
	(void)state;
	assert_int_equal(config_load(&cfg, FIXTURES "kiosk.conf", &diags), 0);
	assert_string_equal(formatted(), "");
	assert_string_equal(cfg.title, "Stem cell clinic");
	assert_string_equal(cfg.content_dir, FIXTURES "articles");
	assert_int_equal(cfg.theme, THEME_HIGH_CONTRAST);
}

static void test_load_errors_use_given_path(void **state)
{
	(void)state;
	assert_int_equal(config_load(&cfg, FIXTURES "errors.conf", &diags), -1);
	assert_string_equal(
		formatted(),
		FIXTURES "errors.conf:2: error: unknown key \"titel\" in "
			 "[kiosk] (did you mean \"title\"?)\n"
		FIXTURES "errors.conf:3: error: theme must be one of: default, "
			 "high-contrast, mono (got \"blue\")\n"
		FIXTURES "errors.conf:5: error: unknown section [kisok] "
			 "(did you mean [kiosk]?)\n");
	assert_string_equal(cfg.content_dir, "content");
}

static void test_load_missing_file(void **state)
{
	(void)state;
	assert_int_equal(config_load(&cfg, FIXTURES "missing.conf", &diags),
			 -1);
	assert_string_equal(formatted(),
			    FIXTURES "missing.conf: error: cannot open: "
				     "No such file or directory\n");
	assert_int_equal(diags.items[0].line, 0);
	assert_string_equal(cfg.title, "Patient information");
}

static void test_load_directory(void **state)
{
	(void)state;
	assert_int_equal(
		config_load(&cfg, "tests/unit/fixtures/config", &diags), -1);
	assert_string_equal(formatted(), "tests/unit/fixtures/config: error: "
					 "not a regular file\n");
}

static void test_load_too_large(void **state)
{
	(void)state;
	size_t n = 1024 * 1024 + 1;
	char *data = xmalloc(n);
	memset(data, '#', n);
	for (size_t i = 79; i < n; i += 80)
		data[i] = '\n';
	write_tmp(data, n);
	assert_int_equal(config_load(&cfg, tmp_path, &diags), -1);
	char *want = xasprintf("%s: error: file is larger than 1048576 bytes\n",
			       tmp_path);
	assert_string_equal(formatted(), want);
	free(want);
	free(data);
}

static void test_load_exactly_one_mib(void **state)
{
	(void)state;
	size_t n = 1024 * 1024;
	char *data = xmalloc(n);
	memset(data, ';', n);
	for (size_t i = 79; i < n; i += 80)
		data[i] = '\n';
	write_tmp(data, n);
	assert_int_equal(config_load(&cfg, tmp_path, &diags), 0);
	assert_string_equal(formatted(), "");
	free(data);
}

static void test_load_nul_byte(void **state)
{
	(void)state;
	static const char data[] = "[kiosk]\ntitle = a\0b\n";
	write_tmp(data, sizeof data - 1);
	assert_int_equal(config_load(&cfg, tmp_path, &diags), -1);
	char *want = xasprintf("%s:2: error: contains a NUL byte; is this a "
			       "text file?\n",
			       tmp_path);
	assert_string_equal(formatted(), want);
	assert_string_equal(cfg.title, "Patient information");
	free(want);
}

/* Small API */

static void test_theme_names(void **state)
{
	(void)state;
	assert_string_equal(config_theme_name(THEME_DEFAULT), "default");
	assert_string_equal(config_theme_name(THEME_HIGH_CONTRAST),
			    "high-contrast");
	assert_string_equal(config_theme_name(THEME_MONO), "mono");
}

static void test_free_and_reuse(void **state)
{
	(void)state;
	check("[kiosk]\ntitle = A\ncontent = /c\n", 0, "");
	config_free(&cfg);
	assert_null(cfg.title);
	assert_null(cfg.content_dir);
	config_free(&cfg); /* twice is harmless */
	config_defaults(&cfg);
	check("[kiosk]\ntitle = B\n", 0, "");
	assert_string_equal(cfg.title, "B");
	assert_string_equal(cfg.content_dir, "content");
}

#define CASE(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(test_defaults),
		CASE(test_missing_keys_keep_defaults),
		CASE(test_empty_file),
		CASE(test_comments_and_blank_lines),
		CASE(test_title),
		CASE(test_language),
		CASE(test_languages_may_be_empty),
		CASE(test_title_utf8_and_tab),
		CASE(test_theme_each_value),
		CASE(test_content_relative),
		CASE(test_content_relative_up),
		CASE(test_content_absolute),
		CASE(test_content_config_in_cwd),
		CASE(test_content_config_absolute),
		CASE(test_all_keys),
		CASE(test_quoted_values),
		CASE(test_quotes_keep_inner_text),
		CASE(test_values_trimmed),
		CASE(test_inline_comments),
		CASE(test_indented_key_is_not_a_continuation),
		CASE(test_crlf_and_bom),
		CASE(test_no_final_newline),
		CASE(test_names_ignore_case),
		CASE(test_colon_separator),
		CASE(test_unknown_section_suggestion),
		CASE(test_unknown_section_no_suggestion),
		CASE(test_unknown_key_suggestion),
		CASE(test_unknown_key_no_suggestion),
		CASE(test_unknown_key_shown_safely),
		CASE(test_bad_enum),
		CASE(test_waiting_room_keys),
		CASE(test_waiting_room_defaults),
		CASE(test_waiting_room_bad_values),
		CASE(test_empty_title),
		CASE(test_empty_content),
		CASE(test_cannot_read_line),
		CASE(test_cannot_read_every_line),
		CASE(test_key_outside_section),
		CASE(test_unbalanced_quote),
		CASE(test_title_control_characters),
		CASE(test_title_invalid_utf8),
		CASE(test_content_control_characters),
		CASE(test_several_errors_own_lines),
		CASE(test_bad_value_keeps_default),
		CASE(test_bad_value_not_half_applied),
		CASE(test_hyperlinks_opt_in),
		CASE(test_duplicate_key_warning),
		CASE(test_long_line),
		CASE(test_huge_line),
		CASE(test_binary_garbage),
		CASE(test_too_many_errors),
		CASE(test_load_fixture),
		CASE(test_load_errors_use_given_path),
		CASE(test_load_missing_file),
		CASE(test_load_directory),
		CASE(test_load_too_large),
		CASE(test_load_exactly_one_mib),
		CASE(test_load_nul_byte),
		CASE(test_theme_names),
		CASE(test_free_and_reuse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
