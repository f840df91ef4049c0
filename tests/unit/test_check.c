/*
 * Tests for check.c: `kiosk --check`.
 *
 * Fixtures under tests/unit/fixtures/check/ (read relative to the project
 * root, where `make unit` runs the tests):
 *
 *   problems.conf   a config with one mistake; content = problems
 *   problems/       one article per check, each named for what it trips
 *                   (articles/01-checks/links.md, ...), and a glossary
 *                   with a term no article uses
 *   clean.conf      content = clean
 *   clean/          articles and a glossary with nothing to report
 *
 * The problems folder is checked once (group setup) with "today" pinned
 * to 2026-11-22; each test then names a file and the exact lines the
 * check must print for it, in the order check_report prints them.  The
 * last test makes sure there is nothing else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "check.h"
#include "diag.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define DIR "tests/unit/fixtures/check/"
#define ART DIR "problems/articles/01-checks/"

/* Noon on 2026-11-22, local time. */
static time_t today(void)
{
	struct tm tm = {.tm_year = 2026 - 1900, .tm_mon = 10, .tm_mday = 22,
			.tm_hour = 12, .tm_isdst = -1};
	return mktime(&tm);
}

static struct check_options options(void)
{
	struct check_options o;
	check_options_defaults(&o);
	o.today = today();
	return o;
}

/* What checking the problems folder gave. */
static struct diag_list problems;
static struct check_summary problems_summary;
static int problems_rc;
static size_t problems_seen; /* diags the tests below have accounted for */

static int setup_problems(void **state)
{
	struct check_options o = options();
	problems_rc = check_content(NULL, DIR "problems.conf", &o, &problems,
				    &problems_summary);
	return 0;
}

static int teardown_problems(void **state)
{
	diag_list_clear(&problems);
	return 0;
}

/* The report (check_report's output) for l, in a new string. */
static char *report(const struct diag_list *l, const struct check_summary *s,
		    bool strict, int *status)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	*status = check_report(l, s, strict, f);
	fclose(f);
	return buf;
}

/* The formatted diags about path, in report order, one per line. */
static char *lines_for(const struct diag_list *l, const char *path)
{
	struct diag_list sub = {0};
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->items[i];
		if (strcmp(d->path, path) == 0)
			diag_add(&sub, d->level, d->path, d->line, d->col, "%s",
				 d->message);
	}
	struct check_summary s = {0};
	int status;
	char *out = report(&sub, &s, false, &status);
	/* Drop the summary line. */
	char *end = out + strlen(out);
	if (end > out)
		end--;
	while (end > out && end[-1] != '\n')
		end--;
	*end = '\0';
	diag_list_clear(&sub);
	return out;
}

/* want[0..n) as lines, each "path:" + want[i] + "\n". */
static char *join(const char *path, const char *const *want, size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(path) + strlen(want[i]) + 1;
	char *s = calloc(1, len);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		strcat(s, path);
		strcat(s, want[i]);
		strcat(s, "\n");
	}
	return s;
}

/* Asserts that the problems folder gave exactly these lines for path
 * (each given without the leading path). */
static void expect(const char *path, const char *const *want, size_t n)
{
	char *got = lines_for(&problems, path);
	char *joined = join(path, want, n);
	if (strcmp(got, joined) != 0)
		fprintf(stderr, "got:\n%s\nwant:\n%s\n", got, joined);
	assert_string_equal(got, joined);
	problems_seen += n;
	free(got);
	free(joined);
}

/* ---- each check ---- */

static void config_mistakes_are_reported_and_its_folder_used(void **state)
{
	static const char *const want[] = {
		":4: error: theme must be one of: default, high-contrast, mono "
		"(got \"purple\")",
	};
	expect(DIR "problems.conf", want, N(want));
	/* content = problems, relative to the config's folder */
	assert_int_equal(problems_summary.articles, 15);
	assert_int_equal(problems_summary.terms, 4);
}

static void front_matter_needs_a_title(void **state)
{
	static const char *const want[] = {
		":1: error: the front matter has no title; add a line such as "
		"\"title: Caring for your skin\" below the first \"---\"",
	};
	expect(ART "no-title.md", want, N(want));
}

static void dates_must_be_year_month_day(void **state)
{
	static const char *const want[] = {
		":3:7: error: \"date\" is \"22/11/2026\", which is not a date "
		"the kiosk understands; write it as year-month-day, for "
		"example date: 2026-11-22",
		":4:13: error: \"reviewed\" is \"2026-02-30\", which is not a "
		"date the kiosk understands; write it as year-month-day, for "
		"example reviewed: 2026-11-22",
	};
	expect(ART "bad-dates.md", want, N(want));
}

static void a_review_older_than_12_months_is_reported(void **state)
{
	static const char *const want[] = {
		":4:11: warning: reviewed on 2025-01-03, more than 12 months "
		"ago; please review it and update the date",
	};
	expect(ART "review-old.md", want, N(want));
}

static void a_missing_review_is_reported(void **state)
{
	static const char *const want[] = {
		":1: warning: no \"reviewed\" date; after checking the article, "
		"add \"reviewed: 2026-11-22\" to the front matter",
	};
	expect(ART "review-missing.md", want, N(want));
	static const char *const none[] = {
		": warning: no \"reviewed\" date; after checking the article, "
		"add front matter at the top: a line \"---\", a line "
		"\"reviewed: 2026-11-22\", a line \"---\"",
	};
	expect(ART "review-no-front-matter.md", none, N(none));
}

static void a_review_after_today_is_reported(void **state)
{
	static const char *const want[] = {
		":3:11: warning: reviewed on 2026-11-23, which is after today; "
		"write the day the article was checked",
	};
	expect(ART "review-future.md", want, N(want));
}

static void broken_links_are_reported(void **state)
{
	static const char *const want[] = {
		":8:10: error: link \"gone.md\" does not lead to any article; "
		"check the file name and folder (they are relative to this "
		"article's folder)",
		":8:27: warning: link \"target.md#side-effects\" names a "
		"section that \"Target\" does not have (the article opens at "
		"its top); its sections are: #introduction, #how-it-works, "
		"#risks",
		":10:6: error: link \"ftp://example.org/file\": the kiosk "
		"cannot use \"ftp:\" links; use a web address (https://...), "
		"an e-mail address (mailto:...) or a phone number (tel:...)",
		":10:35: error: link \"https:/example.org\" has no web site "
		"name; write it like https://www.example.org/page",
		":10:60: error: link \"https://example.org/a page\" has a space "
		"in it; write %20 instead of each space",
		":10:95: error: e-mail link \"mailto:nobody\" has no e-mail "
		"address; write it like mailto:clinic@example.org",
		":10:115: error: phone link \"tel:call-us\" is not a phone "
		"number; write it with digits only, like tel:+15551234567",
		":10:133: error: link \"www.example.org\" does not lead to any "
		"article; check the file name and folder (they are relative "
		"to this article's folder); for a web page write "
		"https://www.example.org",
		":14:8: error: a link has no address; write it in the "
		"brackets, for example [Skin care](skin-care.md)",
	};
	expect(ART "links.md", want, N(want));
	/* Line 6 has only good links: to an article, to its sections
	 * (any case, with or without ".md"), inside the article, and to
	 * the web.  The target itself has nothing to report. */
	expect(ART "target.md", NULL, 0);
}

static void raw_html_is_reported(void **state)
{
	static const char *const want[] = {
		/* <div>, <br>, <span> keep their meaning or their text (an
		 * HTML parser reads them): nothing to say.  The <a href> link
		 * is checked like any other; the comment is fine. */
		":10:67: error: link \"nowhere.md\" does not lead to any "
		"article; check the file name and folder (they are relative "
		"to this article's folder)",
		":14:1: warning: raw HTML <script> is not shown, nor anything "
		"inside it; remove it",
	};
	expect(ART "html.md", want, N(want));
}

static void anchors_in_every_language_and_ids(void **state)
{
	/* The heading in Turkish is found by its own letters and by its
	 * {#id}; a near miss gets the closest section in the heading's own
	 * letters (or its id); a far miss only the list.  The {#id} is not
	 * reported as template syntax, the {.lead} is, once. */
	static const char *const want[] = {
		":8: warning: template syntax from a web site generator: "
		"\"{.lead}\"; the kiosk leaves it out (a shortcode's inner "
		"text stays, a link whose address is a template shows as "
		"plain text), so check that the article still reads well "
		"without it",
		":12:57: warning: link \"#ne-ins-lin-nas-l-yap-l-r\" names a "
		"section that \"Anchors\" does not have (the article opens at "
		"its top); did you mean #i\xC4\x9Fne-ins\xC3\xBClin-nas\xC4\xB1l-"
		"yap\xC4\xB1l\xC4\xB1r? its sections are: #insulin, #second-part",
		":12:89: warning: link \"#secnd-part\" names a section that "
		"\"Anchors\" does not have (the article opens at its top); did "
		"you mean #second-part? its sections are: #insulin, "
		"#second-part",
		":12:107: warning: link \"#insuline\" names a section that "
		"\"Anchors\" does not have (the article opens at its top); did "
		"you mean #insulin? its sections are: #insulin, #second-part",
		":12:123: warning: link \"#nothing-like-it\" names a section "
		"that \"Anchors\" does not have (the article opens at its "
		"top); its sections are: #insulin, #second-part",
	};
	expect(ART "anchors.md", want, N(want));
}

static void images_need_a_description(void **state)
{
	static const char *const want[] = {
		":6:1: warning: picture \"diagram.png\" has no description; "
		"the kiosk shows only the description, so write one in the "
		"brackets: ![What the picture shows](diagram.png)",
	};
	expect(ART "images.md", want, N(want));
}

static void a_hard_section_is_reported_at_its_heading(void **state)
{
	/* The whole article is grade 7.1 (test_readability.c works it
	 * out), so only the section is reported. */
	static const char *const want[] = {
		":8: warning: reading level grade 13.2 in section \"How it "
		"works\" (Flesch-Kincaid, target 8); hardest sentence: \"Mesenchymal stem "
		"cells release signalling molecules that regulate "
		"inflammation and...\" (18 words)",
	};
	expect(ART "hard.md", want, N(want));
}

static void a_hard_article_is_reported_with_its_sections(void **state)
{
	static const char *const want[] = {
		": warning: reading level grade 30.4 for the whole article "
		"(Flesch-Kincaid, target 8); hardest sentence: \"Regenerative medicine "
		"investigates biological mechanisms that potentially "
		"facilitate...\" (20 words)",
		":6: warning: reading level grade 30.6 in section "
		"\"Introduction\" (Flesch-Kincaid, target 8); hardest sentence: \"Regenerative "
		"medicine investigates biological mechanisms that potentially "
		"facilitate...\" (20 words)",
		":8: warning: reading level grade 32.7 in section "
		"\"Mechanisms\" (Flesch-Kincaid, target 8); hardest sentence: \"Autologous "
		"mesenchymal populations demonstrate immunomodulatory "
		"characteristics,...\" (17 words)",
	};
	expect(ART "dense.md", want, N(want));
}

static void plain_text_is_checked_without_line_numbers(void **state)
{
	/* One section: one message.  No "reviewed" warning: a plain-text
	 * file cannot have front matter. */
	static const char *const want[] = {
		": warning: reading level grade 30.6 (Flesch-Kincaid, target 8); hardest "
		"sentence: \"Regenerative medicine investigates biological "
		"mechanisms that potentially facilitate...\" (20 words)",
	};
	expect(ART "hard.txt", want, N(want));
}

static void unused_glossary_terms_are_reported(void **state)
{
	/* "Pluripotent" is used only inside "Induced pluripotent stem
	 * cells" (target.md), and that counts. */
	static const char *const want[] = {
		":16: warning: \"Fibroblast\" is not used in any article, so "
		"patients never see it; use it in an article or remove it",
	};
	expect(DIR "problems/glossary.md", want, N(want));
}

static void topic_folders_with_one_name_are_reported(void **state)
{
	static const char *const want[] = {
		": warning: folders \"01-checks\" and \"07-Checks\" both make "
		"the topic \"Checks\": the kiosk shows their articles "
		"together under one heading (rename a folder to keep them "
		"apart)",
	};
	expect(DIR "problems/articles/07-Checks", want, N(want));
}

static void nothing_else_is_reported(void **state)
{
	if (problems.n != problems_seen)
		diag_print(&problems, stderr);
	assert_int_equal(problems.n, problems_seen);
	assert_int_equal(problems_rc, -1);
	assert_int_equal(problems_summary.errors, 13);
	assert_int_equal(problems_summary.warnings, 19);
	int status;
	char *out = report(&problems, &problems_summary, false, &status);
	const char *last = strstr(out, "15 articles, 4 terms:");
	assert_non_null(last);
	assert_string_equal(last, "15 articles, 4 terms: 13 errors, "
				  "19 warnings\n");
	assert_int_equal(status, 1);
	free(out);
}

/* ---- options ---- */

static void options_change_the_limits(void **state)
{
	struct check_options o = options();
	o.review_months = 24;
	o.reading_grade = 14;
	struct diag_list d = {0};
	struct check_summary s;
	check_content(DIR "problems", NULL, &o, &d, &s);
	char *old = lines_for(&d, ART "review-old.md");
	char *hard = lines_for(&d, ART "hard.md");
	assert_string_equal(old, "");
	assert_string_equal(hard, "");
	free(old);
	free(hard);
	/* No config given: no config messages. */
	char *conf = lines_for(&d, DIR "problems.conf");
	assert_string_equal(conf, "");
	free(conf);
	diag_list_clear(&d);
}

/* ---- a clean folder ---- */

static void a_clean_folder_has_nothing_to_report(void **state)
{
	/* It has a review exactly 12 months old, a date with a time, links
	 * with "../", to a section, to the web, e-mail and phone (one in
	 * an HTML <a href>), <br>, an HTML comment, an image with a
	 * description, a glossary term used only by an alias, a
	 * plain-text article, and a short article of hard words (too
	 * short to be given a reading level). */
	struct check_options o = options();
	struct diag_list d = {0};
	struct check_summary s;
	int rc = check_content(NULL, DIR "clean.conf", &o, &d, &s);
	if (d.n > 0)
		diag_print(&d, stderr);
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(s.articles, 4);
	assert_int_equal(s.terms, 2);
	int status;
	char *out = report(&d, &s, true, &status);
	assert_string_equal(out, "4 articles, 2 terms: 0 errors, 0 warnings\n");
	assert_int_equal(status, 0);
	free(out);
	diag_list_clear(&d);
}

static void a_missing_folder_is_an_error(void **state)
{
	struct check_options o = options();
	struct diag_list d = {0};
	struct check_summary s;
	int rc = check_content(DIR "no-such-folder", NULL, &o, &d, &s);
	assert_int_equal(rc, -1);
	int status;
	char *out = report(&d, &s, false, &status);
	assert_string_equal(out, DIR "no-such-folder: error: content folder "
				 "not found or not a folder\n"
				 "0 articles, 0 terms: 1 error, 0 warnings\n");
	assert_int_equal(status, 1);
	free(out);
	diag_list_clear(&d);
}

/* ---- the report ---- */

static void the_report_is_sorted_by_file_and_line(void **state)
{
	struct diag_list d = {0};
	diag_add(&d, DIAG_WARNING, "b.md", 3, 0, "third in b");
	diag_add(&d, DIAG_ERROR, "a.md", 10, 2, "second in a");
	diag_add(&d, DIAG_WARNING, "b.md", 0, 0, "whole of b");
	diag_add(&d, DIAG_WARNING, "a.md", 10, 1, "first in a");
	diag_add(&d, DIAG_WARNING, "b.md", 3, 0, "fourth in b, added last");
	struct check_summary s = {.articles = 1, .terms = 1};
	int status;
	char *out = report(&d, &s, false, &status);
	assert_string_equal(out, "a.md:10:1: warning: first in a\n"
				 "a.md:10:2: error: second in a\n"
				 "b.md: warning: whole of b\n"
				 "b.md:3: warning: third in b\n"
				 "b.md:3: warning: fourth in b, added last\n"
				 "1 article, 1 term: 1 error, 4 warnings\n");
	assert_int_equal(status, 1);
	free(out);
	diag_list_clear(&d);
}

static void strict_makes_warnings_fail(void **state)
{
	struct diag_list d = {0};
	struct check_summary s = {.articles = 4, .terms = 31};
	int status;
	char *out = report(&d, &s, true, &status);
	assert_string_equal(out, "4 articles, 31 terms: 0 errors, 0 warnings\n");
	assert_int_equal(status, 0);
	free(out);

	diag_add(&d, DIAG_WARNING, "a.md", 1, 0, "a warning");
	diag_add(&d, DIAG_WARNING, "a.md", 2, 0, "another");
	out = report(&d, &s, false, &status);
	assert_string_equal(out, "a.md:1: warning: a warning\n"
				 "a.md:2: warning: another\n"
				 "4 articles, 31 terms: 0 errors, 2 warnings\n");
	assert_int_equal(status, 0); /* warnings only */
	free(out);
	out = report(&d, &s, true, &status);
	assert_int_equal(status, 1); /* --strict */
	free(out);

	diag_add(&d, DIAG_ERROR, "a.md", 3, 0, "an error");
	out = report(&d, &s, false, &status);
	assert_int_equal(status, 1);
	free(out);
	diag_list_clear(&d);
}

static void check_run_prints_the_report_and_returns_the_status(void **state)
{
	struct check_options o = options();
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	int status = check_run(NULL, DIR "clean.conf", &o, true, f);
	fclose(f);
	assert_int_equal(status, 0);
	assert_string_equal(buf, "4 articles, 2 terms: 0 errors, 0 warnings\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest problem_tests[] = {
		cmocka_unit_test(config_mistakes_are_reported_and_its_folder_used),
		cmocka_unit_test(front_matter_needs_a_title),
		cmocka_unit_test(dates_must_be_year_month_day),
		cmocka_unit_test(a_review_older_than_12_months_is_reported),
		cmocka_unit_test(a_missing_review_is_reported),
		cmocka_unit_test(a_review_after_today_is_reported),
		cmocka_unit_test(broken_links_are_reported),
		cmocka_unit_test(raw_html_is_reported),
		cmocka_unit_test(images_need_a_description),
		cmocka_unit_test(anchors_in_every_language_and_ids),
		cmocka_unit_test(a_hard_section_is_reported_at_its_heading),
		cmocka_unit_test(a_hard_article_is_reported_with_its_sections),
		cmocka_unit_test(plain_text_is_checked_without_line_numbers),
		cmocka_unit_test(unused_glossary_terms_are_reported),
		cmocka_unit_test(topic_folders_with_one_name_are_reported),
		cmocka_unit_test(nothing_else_is_reported),
	};
	const struct CMUnitTest other_tests[] = {
		cmocka_unit_test(options_change_the_limits),
		cmocka_unit_test(a_clean_folder_has_nothing_to_report),
		cmocka_unit_test(a_missing_folder_is_an_error),
		cmocka_unit_test(the_report_is_sorted_by_file_and_line),
		cmocka_unit_test(strict_makes_warnings_fail),
		cmocka_unit_test(check_run_prints_the_report_and_returns_the_status),
	};
	int failed = cmocka_run_group_tests_name("problems", problem_tests,
						 setup_problems,
						 teardown_problems);
	failed += cmocka_run_group_tests_name("other", other_tests, NULL, NULL);
	return failed;
}
