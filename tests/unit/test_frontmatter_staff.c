/*
 * Unit tests for frontmatter_staff: the invisible slips of front matter
 * typed in Word or pasted from a web page are read as meant, each with a
 * warning at its own line that names the character and a fix that works;
 * unknown keys get a "did you mean"; every syntax error of a file comes
 * in one run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "frontmatter.h"
#include "frontmatter_staff.h"

/* Everything one call of frontmatter_parse gives back. */
struct parsed {
	int rc;
	struct frontmatter fm;
	size_t body_offset;
	int body_line;
	struct diag_list diags;
};

static void parse(struct parsed *p, const char *text)
{
	memset(p, 0, sizeof *p);
	p->rc = frontmatter_parse("a.md", text, strlen(text), &p->fm,
				  &p->body_offset, &p->body_line, &p->diags);
}

static void done(struct parsed *p)
{
	frontmatter_free(&p->fm);
	diag_list_clear(&p->diags);
}

/* Asserts a message of this level at line:col (col 0: any) containing
 * needle. */
static void expect_diag(const struct parsed *p, enum diag_level level,
			int line, int col, const char *needle)
{
	for (size_t i = 0; i < p->diags.n; i++) {
		const struct diag *d = &p->diags.items[i];
		if (d->level == level && d->line == line &&
		    (col == 0 || d->col == col) &&
		    strstr(d->message, needle) != NULL)
			return;
	}
	diag_print(&p->diags, stderr);
	fail_msg("no %s at %d:%d containing \"%s\"",
		 level == DIAG_ERROR ? "error" : "warning", line, col, needle);
}

static void expect_counts(const struct parsed *p, size_t errors,
			  size_t warnings)
{
	if (diag_count(&p->diags, DIAG_ERROR) != errors ||
	    diag_count(&p->diags, DIAG_WARNING) != warnings) {
		diag_print(&p->diags, stderr);
		fail_msg("expected %zu errors and %zu warnings", errors,
			 warnings);
	}
}

static void test_tab_before_list_items(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n"
		  "title: Tabs\n"
		  "sources:\n"
		  "\t- name: Leaflet one\n"
		  "\t  url: https://example.org/one\n"
		  "\t- https://example.org/two\n"
		  "---\n");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.fm.nsources, 2);
	assert_string_equal(p.fm.sources[0].name, "Leaflet one");
	assert_string_equal(p.fm.sources[0].url, "https://example.org/one");
	assert_string_equal(p.fm.sources[1].url, "https://example.org/two");
	expect_counts(&p, 0, 3);
	for (int line = 4; line <= 6; line++)
		expect_diag(&p, DIAG_WARNING, line, 1,
			    "a tab at the start of the line: YAML indents "
			    "with spaces only; the kiosk reads it as two "
			    "spaces");
	done(&p);
}

static void test_no_break_space_after_colon(void **state)
{
	struct parsed p;
	(void)state;
	/* Word puts a no-break space after "reviewed:" */
	parse(&p, "---\n"
		  "title: Eyes\n"
		  "reviewed:\xC2\xA0" "2026-11-01\n"
		  "topic: Eyes\n"
		  "---\n");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.reviewed, "2026-11-01");
	assert_string_equal(p.fm.topic, "Eyes");
	expect_counts(&p, 0, 1);
	/* on its own line, not the next one, at the character after ':' */
	expect_diag(&p, DIAG_WARNING, 3, 10,
		    "a no-break space after \"reviewed:\"");
	done(&p);
}

static void test_curly_quotes_around_a_value(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n"
		  "title: \xE2\x80\x9CStem cells: the basics\xE2\x80\x9D\n"
		  "description: \xE2\x80\x98" "Don\xE2\x80\x99t panic: read "
		  "this\xE2\x80\x99\n"
		  "---\n");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Stem cells: the basics");
	assert_string_equal(p.fm.description,
			    "Don\xE2\x80\x99t panic: read this");
	expect_counts(&p, 0, 2);
	expect_diag(&p, DIAG_WARNING, 2, 8, "curly quotes around the value");
	expect_diag(&p, DIAG_WARNING, 3, 14, "curly quotes around the value");
	done(&p);

	/* quotes inside a value are kept */
	parse(&p, "---\ntitle: The \xE2\x80\x9C" "cold\xE2\x80\x9D season\n---\n");
	assert_string_equal(p.fm.title,
			    "The \xE2\x80\x9C" "cold\xE2\x80\x9D season");
	expect_counts(&p, 0, 0);
	done(&p);
}

static void test_zero_width_space(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\ntitle: Skin\nto\xE2\x80\x8Bpic: Skin care\n---\n");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.topic, "Skin care");
	expect_diag(&p, DIAG_WARNING, 3, 3, "invisible zero-width character");
	done(&p);
}

static void test_did_you_mean(void **state)
{
	static const char *const names[] = {"title", "reviewed", "sources"};
	struct parsed p;
	(void)state;
	parse(&p, "---\nTitle: Capital\nreveiwed: 2026-01-01\nsource:\n"
		  "  - x\nauthor: Someone\n---\n");
	expect_diag(&p, DIAG_WARNING, 2, 1,
		    "unknown front matter key \"Title\" (ignored); did you "
		    "mean \"title\"?");
	expect_diag(&p, DIAG_WARNING, 3, 1, "did you mean \"reviewed\"?");
	expect_diag(&p, DIAG_WARNING, 4, 1, "did you mean \"sources\"?");
	/* a key of a web site, not a slip: no guess */
	for (size_t i = 0; i < p.diags.n; i++)
		if (p.diags.items[i].line == 6)
			assert_null(strstr(p.diags.items[i].message, "mean"));
	done(&p);

	parse(&p, "---\nsources:\n  - nmae: Leaflet\n---\n");
	expect_diag(&p, DIAG_WARNING, 3, 5, "did you mean \"name\"?");
	done(&p);

	assert_string_equal(fm_staff_suggest("TITLE", 5, names, 3), "title");
	assert_string_equal(fm_staff_suggest("titel", 5, names, 3), "title");
	assert_string_equal(fm_staff_suggest("titles", 6, names, 3), "title");
	assert_string_equal(fm_staff_suggest("tile", 4, names, 3), "title");
	assert_string_equal(fm_staff_suggest("revieved", 8, names, 3),
			    "reviewed");
	assert_null(fm_staff_suggest("layout", 6, names, 3));
	assert_null(fm_staff_suggest("tit", 3, names, 3));
}

static void test_every_error_in_one_run(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n"
		  "title: Two: colons\n"
		  "description: fine\n"
		  "topic: @clinic\n"
		  "order: x\n"
		  "url: https://clinic.example/a\n"
		  "---\n");
	assert_int_equal(p.rc, -1);
	expect_counts(&p, 3, 0);
	expect_diag(&p, DIAG_ERROR, 2, 11, "a value with a colon needs quotes");
	expect_diag(&p, DIAG_ERROR, 4, 8, "a value cannot start with \"@\"");
	expect_diag(&p, DIAG_ERROR, 5, 8, "\"order\" must be a whole number");
	/* the good lines are read */
	assert_string_equal(p.fm.description, "fine");
	assert_string_equal(p.fm.url, "https://clinic.example/a");
	done(&p);
}

static void test_lang(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\ntitle: Kalp\nlang: tr\n---\n");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.lang, "tr");
	expect_counts(&p, 0, 0);
	done(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tab_before_list_items),
		cmocka_unit_test(test_no_break_space_after_colon),
		cmocka_unit_test(test_curly_quotes_around_a_value),
		cmocka_unit_test(test_zero_width_space),
		cmocka_unit_test(test_did_you_mean),
		cmocka_unit_test(test_every_error_in_one_run),
		cmocka_unit_test(test_lang),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
