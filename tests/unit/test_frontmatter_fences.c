/*
 * Unit tests for frontmatter_fences: front matter as staff save it (a
 * blank line or a byte order mark first, Word's long dashes as fences,
 * "..." or "…" to close) is read, with a warning that says what to change;
 * front matter the kiosk cannot find is named by frontmatter_lookalike,
 * so --check can say it would be shown as text.
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

static void test_blank_lines_before_the_fence(void **state)
{
	static const char text[] =
		"\n  \n---\ntitle: Blank line first\nreviewed: 2026-11-01\n"
		"---\nBody\n";
	struct parsed p;
	(void)state;
	parse(&p, text);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Blank line first");
	assert_string_equal(p.fm.reviewed, "2026-11-01");
	assert_string_equal(text + p.body_offset, "Body\n");
	assert_int_equal(p.body_line, 7);
	expect_counts(&p, 0, 1);
	expect_diag(&p, DIAG_WARNING, 1, 0,
		    "2 blank lines before the front matter's first \"---\"");
	done(&p);

	/* with Windows line ends and a byte order mark too */
	parse(&p, "\xEF\xBB\xBF\r\n---\r\ntitle: BOM and CRLF\r\n---\r\nB");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "BOM and CRLF");
	expect_diag(&p, DIAG_WARNING, 1, 1, "byte order mark");
	expect_diag(&p, DIAG_WARNING, 1, 0, "1 blank line before");
	done(&p);

	/* a rule after a blank line, with text under it, is not front
	 * matter: it stays in the body */
	parse(&p, "\n---\nJust a rule and a sentence.\n---\n");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.body_offset, 0);
	expect_counts(&p, 0, 0);
	done(&p);
}

static void test_word_dash_fences(void **state)
{
	static const char em[] = "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\n"
				 "title: Word fences\n"
				 "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\n"
				 "Body";
	static const char en[] = "\xE2\x80\x93\xE2\x80\x93\xE2\x80\x93 \n"
				 "title: En dashes\n"
				 "order: 2\n"
				 "---\n"
				 "Body";
	static const char mixed[] = "\xE2\x80\x94-\ntitle: Em and hyphen\n"
				    "\xE2\x80\x94-\nBody";
	struct parsed p;
	(void)state;
	parse(&p, em);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Word fences");
	assert_string_equal(em + p.body_offset, "Body");
	expect_counts(&p, 0, 2);
	expect_diag(&p, DIAG_WARNING, 1, 1, "first line is made of long dashes");
	expect_diag(&p, DIAG_WARNING, 3, 1, "last line is made of long dashes");
	done(&p);

	parse(&p, en);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "En dashes");
	assert_int_equal(p.fm.order, 2);
	assert_int_equal(p.body_line, 5);
	expect_counts(&p, 0, 1);
	done(&p);

	parse(&p, mixed);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Em and hyphen");
	done(&p);

	/* an em-dash rule over ordinary text is not front matter */
	parse(&p, "\xE2\x80\x94\xE2\x80\x94\nA line of text.\n");
	assert_int_equal(p.body_offset, 0);
	expect_counts(&p, 0, 0);
	done(&p);
}

static void test_dots_and_ellipsis_close(void **state)
{
	static const char dots[] = "---\ntitle: Dots\n...\nBody";
	static const char ell[] = "---\ntitle: Ellipsis\n\xE2\x80\xA6\nBody";
	struct parsed p;
	(void)state;
	parse(&p, dots);
	assert_string_equal(p.fm.title, "Dots");
	assert_string_equal(dots + p.body_offset, "Body");
	expect_diag(&p, DIAG_WARNING, 3, 1, "ends with \"...\"");
	done(&p);

	parse(&p, ell);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Ellipsis");
	assert_string_equal(ell + p.body_offset, "Body");
	expect_diag(&p, DIAG_WARNING, 3, 1, "ellipsis");
	done(&p);
}

static void test_unclosed_after_blank_line(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "\n---\ntitle: Never closed\n\nBody\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 0,
		    "the \"---\" on line 2 is never closed");
	assert_int_equal(p.body_offset, 0);
	done(&p);
	/* the head of a long file cannot tell yet */
	assert_false(frontmatter_complete("\n---\ntitle: x\n", 14));
	assert_true(frontmatter_complete("\n---\ntitle: x\n---\n", 18));
}

static void test_present(void **state)
{
	(void)state;
	assert_true(frontmatter_present("---\n---\n", 8));
	assert_true(frontmatter_present("\n\n---\ntitle: x\n---\n", 19));
	assert_true(frontmatter_present("\xE2\x80\x94\xE2\x80\x94\ntopic: x\n",
					16));
	assert_false(frontmatter_present("# Heading\n", 10));
	assert_false(frontmatter_present("\n---\nText\n", 10));
	assert_false(frontmatter_present("", 0));
}

static void test_lookalike(void **state)
{
	static const char *const shown[] = {
		/* the opening fence forgotten */
		"title: No fence\nreviewed: 2026-01-01\n---\nBody\n",
		/* hyphens with spaces, or more than three */
		"- - -\ntitle: Spaced\n- - -\nBody\n",
		"----\ntitle: Four\n----\nBody\n",
		/* indented fences */
		"  ---\ntitle: Indented\n  ---\nBody\n",
		/* Capitalised keys without fences */
		"Title: Capital\nDate: 2026-01-01\n\nBody\n",
	};
	static const int lines[] = {1, 2, 2, 2, 1};
	(void)state;
	for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
		if (frontmatter_lookalike(shown[i], strlen(shown[i]), false) !=
		    lines[i])
			fail_msg("lookalike of \"%s\" is %d, not %d", shown[i],
				 frontmatter_lookalike(shown[i],
						       strlen(shown[i]), false),
				 lines[i]);
		/* the same in a .txt file: each has fence-like rules or a
		 * title key */
		assert_int_equal(frontmatter_lookalike(shown[i],
						       strlen(shown[i]), true),
				 lines[i]);
	}
	/* a pasted form or letter in a .txt file is its text; in a .md file
	 * the same lines look like front matter without fences */
	static const char form[] = "Name: Wound care leaflet\n"
				   "Date: March 2026\n\nKeep it dry.\n";
	assert_int_equal(frontmatter_lookalike(form, strlen(form), true), 0);
	assert_int_equal(frontmatter_lookalike(form, strlen(form), false), 1);
	/* ordinary text, one "Note: ..." line, and real front matter */
	assert_int_equal(frontmatter_lookalike("Note: take it with food.\n\n"
					       "More text.\n", 37, false),
			 0);
	assert_int_equal(frontmatter_lookalike("# Title\n\nText\n", 15, false),
			 0);
	assert_int_equal(frontmatter_lookalike("---\ntitle: x\n---\n", 17, false),
			 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blank_lines_before_the_fence),
		cmocka_unit_test(test_word_dash_fences),
		cmocka_unit_test(test_dots_and_ellipsis_close),
		cmocka_unit_test(test_unclosed_after_blank_line),
		cmocka_unit_test(test_present),
		cmocka_unit_test(test_lookalike),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
