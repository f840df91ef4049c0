/*
 * Unit tests for frontmatter: the YAML block at the top of an article.
 *
 * Each test parses one text (inline, or the fixture under
 * tests/unit/fixtures/frontmatter/, read relative to the project root)
 * into a struct parsed, then checks what a reader of the kiosk or of the
 * messages would notice: the values, where the body starts, and each
 * message's level, file line, column and wording.
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

#define FIXTURES "tests/unit/fixtures/frontmatter/"

/* Everything one call of frontmatter_parse gives back. */
struct parsed {
	int rc;
	struct frontmatter fm;
	size_t body_offset;
	int body_line;
	struct diag_list diags;
};

static void parse_n(struct parsed *p, const char *text, size_t len)
{
	memset(p, 0, sizeof *p);
	p->body_offset = 12345;
	p->body_line = -7;
	p->rc = frontmatter_parse("a.md", text, len, &p->fm, &p->body_offset,
				  &p->body_line, &p->diags);
}

static void parse(struct parsed *p, const char *text)
{
	parse_n(p, text, strlen(text));
}

static void done(struct parsed *p)
{
	frontmatter_free(&p->fm);
	diag_list_clear(&p->diags);
}

static void print_diags(const struct diag_list *d)
{
	fprintf(stderr, "diagnostics (%zu):\n", d->n);
	diag_print(d, stderr);
}

/*
 * Asserts that a message of the given level, line and column (col 0: any)
 * whose text contains needle was reported.
 */
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
	print_diags(&p->diags);
	fail_msg("no %s at %d:%d containing \"%s\"",
		 level == DIAG_ERROR ? "error" : "warning", line, col, needle);
}

static void expect_counts(const struct parsed *p, size_t errors,
			  size_t warnings)
{
	if (diag_count(&p->diags, DIAG_ERROR) != errors ||
	    diag_count(&p->diags, DIAG_WARNING) != warnings) {
		print_diags(&p->diags);
		fail_msg("expected %zu errors and %zu warnings", errors,
			 warnings);
	}
}

static char *read_fixture(const char *name, size_t *len)
{
	char path[256];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, FIXTURES "%s", name);
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s (run the tests from the project root)",
			 path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static const char all_keys[] =
	"---\n"
	"title: \"Knee replacement: the first six weeks\"\n"
	"description: What to expect at home after the operation.\n"
	"date: 2025-02-03\n"
	"reviewed: 2025-06-30\n"
	"topic: Orthopaedics\n"
	"order: 4\n"
	"url: https://clinic.example/knee\n"
	"tags: [knee, recovery, \"physio\"]\n"
	"sources:\n"
	"  - name: National guideline on joint replacement\n"
	"    url: https://guidelines.example/joints\n"
	"  - url: https://physio.example/leaflet\n"
	"  - https://orthopaedics.example/faq\n"
	"  - Leaflet from the ward, 2024 edition\n"
	"---\n"
	"# The first day\n";

static void test_all_keys(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, all_keys);
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 0);
	assert_string_equal(p.fm.title,
			    "Knee replacement: the first six weeks");
	assert_string_equal(p.fm.description,
			    "What to expect at home after the operation.");
	assert_string_equal(p.fm.date, "2025-02-03");
	assert_string_equal(p.fm.reviewed, "2025-06-30");
	assert_string_equal(p.fm.topic, "Orthopaedics");
	assert_string_equal(p.fm.url, "https://clinic.example/knee");
	assert_true(p.fm.has_order);
	assert_int_equal(p.fm.order, 4);

	assert_int_equal(p.fm.ntags, 3);
	assert_string_equal(p.fm.tags[0], "knee");
	assert_string_equal(p.fm.tags[1], "recovery");
	assert_string_equal(p.fm.tags[2], "physio");

	assert_int_equal(p.fm.nsources, 4);
	assert_string_equal(p.fm.sources[0].name,
			    "National guideline on joint replacement");
	assert_string_equal(p.fm.sources[0].url,
			    "https://guidelines.example/joints");
	assert_null(p.fm.sources[1].name);
	assert_string_equal(p.fm.sources[1].url,
			    "https://physio.example/leaflet");
	/* a bare scalar is a url when it looks like one, else a name */
	assert_null(p.fm.sources[2].name);
	assert_string_equal(p.fm.sources[2].url,
			    "https://orthopaedics.example/faq");
	assert_string_equal(p.fm.sources[3].name,
			    "Leaflet from the ward, 2024 edition");
	assert_null(p.fm.sources[3].url);

	assert_string_equal(all_keys + p.body_offset, "# The first day\n");
	assert_int_equal(p.body_line, 17);
	done(&p);
}

static void test_tags_as_one_word(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\ntags: diabetes\n---\n");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.fm.ntags, 1);
	assert_string_equal(p.fm.tags[0], "diabetes");
	done(&p);

	parse(&p, "---\ntags:\n  - eyes\n  - glaucoma\n---\n");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.fm.ntags, 2);
	assert_string_equal(p.fm.tags[1], "glaucoma");
	done(&p);
}

/* One-line values are read by hand, the rest by libyaml: both must give
 * what YAML means, and the hand-read lines must not hide a message. */
static void test_one_line_values_read_as_yaml_reads_them(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\r\ntitle: \"Zo\xc3\xab: a \xe2\x80\x9cguide\xe2\x80\x9d\"  \r\n"
		  "description: It's plain:yes, a#b [1] {2}\r\n"
		  "order: '12'\r\ntags: [eyes,  glaucoma , a#b]\r\n"
		  "url: https://clinic.example/a?b=c#d\r\n---\r\nBody\r\n");
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 0);
	assert_string_equal(p.fm.title, "Zo\xc3\xab: a \xe2\x80\x9cguide\xe2\x80\x9d");
	assert_string_equal(p.fm.description, "It's plain:yes, a#b [1] {2}");
	assert_int_equal(p.fm.order, 12);
	assert_true(p.fm.has_order);
	assert_int_equal(p.fm.ntags, 3);
	assert_string_equal(p.fm.tags[1], "glaucoma");
	assert_string_equal(p.fm.tags[2], "a#b");
	assert_string_equal(p.fm.url, "https://clinic.example/a?b=c#d");
	done(&p);

	/* A comment, an escape, a null: what YAML makes of them. */
	parse(&p, "---\ntitle: Eyes # the short title\n"
		  "description: \"Line one\\nline two\"\ntopic: ~\n---\n");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Eyes");
	assert_string_equal(p.fm.description, "Line one\nline two");
	assert_null(p.fm.topic);
	done(&p);

	/* Repeated and unknown keys after simple lines still warn. */
	parse(&p, "---\ntitle: A\norder: 2\ntitle: B\nauthor: Ann\n---\n");
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 2);
	expect_diag(&p, DIAG_WARNING, 4, 0, "given twice");
	expect_diag(&p, DIAG_WARNING, 5, 0, "unknown front matter key");
	assert_string_equal(p.fm.title, "B");
	done(&p);

	/* A bad order on a simple line is still an error. */
	parse(&p, "---\ntitle: A\norder: 2nd\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 3, 0, "whole number");
	done(&p);
}

static void test_no_front_matter(void **state)
{
	static const char *const texts[] = {
		"# Heading\n\n---\ntitle: not front matter\n---\n",
		"----\ntitle: four dashes is not a fence\n---\n",
		" ---\ntitle: indented\n---\n",
		"--- title: on the fence line\n---\n",
		"",
		"Plain text pasted from a web page.\n",
	};
	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct parsed p;
		parse(&p, texts[i]);
		assert_int_equal(p.rc, 0);
		assert_int_equal(p.body_offset, 0);
		assert_int_equal(p.body_line, 1);
		assert_null(p.fm.title);
		assert_false(p.fm.has_order);
		expect_counts(&p, 0, 0);
		done(&p);
	}
}

/* Unknown keys from a web CMS export: warned about on their own lines,
 * the rest read normally. */
static void test_cms_export_unknown_keys(void **state)
{
	struct parsed p;
	size_t len;
	char *text = read_fixture("cms_export.md", &len);
	(void)state;
	parse_n(&p, text, len);
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 4);
	expect_diag(&p, DIAG_WARNING, 2, 1,
		    "unknown front matter key \"templateKey\" (ignored)");
	expect_diag(&p, DIAG_WARNING, 3, 1, "\"slug\"");
	expect_diag(&p, DIAG_WARNING, 7, 1,
		    "unknown front matter key \"featuredpost\" (ignored)");
	expect_diag(&p, DIAG_WARNING, 8, 1, "\"featuredimage\"");
	assert_string_equal(p.fm.title, "Keeping Active After Surgery");
	assert_string_equal(p.fm.date, "2023-03-14T09:30:12.507Z");
	assert_non_null(p.fm.description);
	assert_int_equal(p.fm.ntags, 2);
	assert_string_equal(p.fm.tags[0], "recovery");
	assert_string_equal(p.fm.tags[1], "exercise");
	assert_int_equal(p.body_line, 13);
	assert_string_equal(text + p.body_offset,
			    "\nShort walks are the easiest way to begin.\n");
	done(&p);
	free(text);
}

static void test_dates_kept_as_written(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n"
		  "date: 2022-08-26T11:01:41.234Z\n"
		  "reviewed: 2024-1-5\n"
		  "---\n");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.date, "2022-08-26T11:01:41.234Z");
	assert_string_equal(p.fm.reviewed, "2024-1-5");
	done(&p);
}

static void test_malformed_yaml_points_at_file_line(void **state)
{
	struct parsed p;
	(void)state;
	/* the second ": " on line 3 is at column 15 of the file */
	parse(&p, "---\ntitle: Fine\ndescription: a: b\n---\nBody\n");
	assert_int_equal(p.rc, -1);
	expect_counts(&p, 1, 0);
	expect_diag(&p, DIAG_ERROR, 3, 15,
		    "front matter: could not read the YAML: a \": \" YAML "
		    "cannot place: a value with a colon needs quotes");
	/* the closing fence was found, so the body is known */
	assert_int_equal(p.body_offset, 38);
	assert_int_equal(p.body_line, 5);
	/* what came before the mistake was read */
	assert_string_equal(p.fm.title, "Fine");
	done(&p);

	/* a tab before a top-level key: read as no indent, with a warning
	 * that names the tab */
	parse(&p, "---\ntitle: ok\n\tdate: x\n---\n");
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 1);
	expect_diag(&p, DIAG_WARNING, 3, 1,
		    "a tab at the start of the line: YAML indents with "
		    "spaces only; the kiosk reads it as no indent: delete "
		    "the tab");
	assert_string_equal(p.fm.date, "x");
	done(&p);

	/* a quote never closed: reported where it opens, not at the end */
	parse(&p, "---\ntopic: Eyes\ntitle: \"never closed\norder: 2\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 3, 8, "a quote opened here is never closed");
	done(&p);

	/* a value starting with a character YAML reserves */
	parse(&p, "---\ntitle: @home care\n---\n");
	expect_diag(&p, DIAG_ERROR, 2, 8,
		    "a value cannot start with \"@\"; put the whole "
		    "value in quotes");
	done(&p);

	/* the colon after a key forgotten */
	parse(&p, "---\ntitle: Good\nreviewed 2026-01-01\n---\n");
	expect_diag(&p, DIAG_ERROR, 3, 1, "this line is not \"key: value\"");
	done(&p);

	/* a "[" never closed: only the syntax error, not also "title must
	 * be text, not a list" about the half-read value; a real problem
	 * before it is still reported */
	parse(&p, "---\norder: first\ntitle: [Stem cells\n---\n");
	assert_int_equal(p.rc, -1);
	expect_counts(&p, 2, 0);
	expect_diag(&p, DIAG_ERROR, 2, 0, "order");
	expect_diag(&p, DIAG_ERROR, 3, 8,
		    "could not read the YAML: a \"[\" here is never closed");
	done(&p);
}

static void test_unclosed_fence(void **state)
{
	static const char text[] = "---\ntitle: Forgot to close\n\nBody.\n";
	struct parsed p;
	(void)state;
	parse(&p, text);
	assert_int_equal(p.rc, -1);
	expect_counts(&p, 1, 0);
	expect_diag(&p, DIAG_ERROR, 1, 0, "never closed");
	assert_int_equal(p.body_offset, 0);
	assert_int_equal(p.body_line, 1);
	assert_null(p.fm.title);
	done(&p);

	parse(&p, "---");
	assert_int_equal(p.rc, -1);
	assert_int_equal(p.body_offset, 0);
	done(&p);
}

static void test_wrong_types(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n"
		  "title: [Two, titles]\n"
		  "order: \"abc\"\n"
		  "sources: 5\n"
		  "tags: {a: b}\n"
		  "topic: Skin\n"
		  "---\n");
	assert_int_equal(p.rc, -1);
	expect_counts(&p, 4, 0);
	expect_diag(&p, DIAG_ERROR, 2, 8, "\"title\" must be text");
	expect_diag(&p, DIAG_ERROR, 3, 8, "\"order\" must be a whole number");
	expect_diag(&p, DIAG_ERROR, 4, 10,
		    "\"sources\" must be a list of name/url entries");
	expect_diag(&p, DIAG_ERROR, 5, 7, "\"tags\" must be a word or a list");
	/* bad values are left out; good ones after them still count */
	assert_null(p.fm.title);
	assert_false(p.fm.has_order);
	assert_int_equal(p.fm.nsources, 0);
	assert_int_equal(p.fm.ntags, 0);
	assert_string_equal(p.fm.topic, "Skin");
	done(&p);
}

static void test_order_values(void **state)
{
	static const struct {
		const char *yaml;
		int rc, order;
	} cases[] = {
		{"---\norder: 12\n---\n", 0, 12},
		{"---\norder: \"7\"\n---\n", 0, 7},
		{"---\norder: -2\n---\n", 0, -2},
		{"---\norder: 1.5\n---\n", -1, 0},
		{"---\norder: 99999999999\n---\n", -1, 0},
		{"---\norder: 3 4\n---\n", -1, 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct parsed p;
		parse(&p, cases[i].yaml);
		assert_int_equal(p.rc, cases[i].rc);
		assert_int_equal(p.fm.order, cases[i].order);
		assert_int_equal(p.fm.has_order, cases[i].rc == 0);
		if (cases[i].rc != 0)
			expect_diag(&p, DIAG_ERROR, 2, 8, "whole number");
		done(&p);
	}
}

static void test_sources_entries(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n"
		  "sources:\n"
		  "  - name: Ward leaflet\n"
		  "    pages: 4\n"
		  "  - {}\n"
		  "  - www.health.example/sleep\n"
		  "  - [a, b]\n"
		  "---\n");
	assert_int_equal(p.rc, -1);
	expect_counts(&p, 2, 1);
	expect_diag(&p, DIAG_WARNING, 4, 5,
		    "unknown key \"pages\" in a source (ignored)");
	expect_diag(&p, DIAG_ERROR, 5, 5, "needs a \"name\" or a \"url\"");
	expect_diag(&p, DIAG_ERROR, 7, 5, "\"sources\" must be a list");
	assert_int_equal(p.fm.nsources, 2);
	assert_string_equal(p.fm.sources[0].name, "Ward leaflet");
	assert_null(p.fm.sources[0].url);
	assert_string_equal(p.fm.sources[1].url, "www.health.example/sleep");
	done(&p);
}

static void test_crlf_line_endings(void **state)
{
	static const char text[] = "---\r\n"
				   "title: Sleep and healing\r\n"
				   "tags:\r\n"
				   "  - sleep\r\n"
				   "order: 2\r\n"
				   "---\r\n"
				   "Body\r\n";
	struct parsed p;
	(void)state;
	parse(&p, text);
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 0);
	assert_string_equal(p.fm.title, "Sleep and healing");
	assert_string_equal(p.fm.tags[0], "sleep");
	assert_int_equal(p.fm.order, 2);
	assert_string_equal(text + p.body_offset, "Body\r\n");
	assert_int_equal(p.body_line, 7);
	done(&p);

	/* lines are still file lines with \r\n */
	parse(&p, "---\r\ntitle: ok\r\nnote: a: b\r\n---\r\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 3, 8, "could not read the YAML");
	done(&p);
}

static void test_empty_front_matter(void **state)
{
	static const char *const texts[] = {
		"---\n---\nBody",
		"---\n...\nBody",
		"---\n\n# only a comment\n---\nBody",
		"---\n~\n---\nBody",
	};
	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct parsed p;
		parse(&p, texts[i]);
		assert_int_equal(p.rc, 0);
		/* "..." closes it, with a warning that "---" is usual */
		expect_counts(&p, 0, i == 1 ? 1 : 0);
		assert_string_equal(texts[i] + p.body_offset, "Body");
		assert_null(p.fm.title);
		assert_int_equal(p.fm.ntags, 0);
		done(&p);
	}
}

static void test_fence_variants(void **state)
{
	struct parsed p;
	static const char bom[] = "\xEF\xBB\xBF---\ntitle: With a BOM\n---\nB";
	(void)state;
	parse(&p, "---  \t\ntitle: Trailing blanks\n...   \nBody");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Trailing blanks");
	assert_int_equal(p.body_line, 4);
	done(&p);

	parse(&p, bom);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "With a BOM");
	assert_string_equal(bom + p.body_offset, "B");
	done(&p);

	/* closing fence on the last line, no newline after it */
	parse(&p, "---\ntitle: End\n---");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.body_offset, 18);
	assert_int_equal(p.body_line, 4);
	done(&p);
}

static void test_null_values_are_absent(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\ntitle:\norder: ~\ntags:\nsources: null\n---\n");
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 0);
	assert_null(p.fm.title);
	assert_false(p.fm.has_order);
	assert_int_equal(p.fm.ntags, 0);
	assert_int_equal(p.fm.nsources, 0);
	done(&p);
}

static void test_top_level_not_a_mapping(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\n- one\n- two\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 1, "expected \"key: value\" lines");
	done(&p);

	parse(&p, "---\nJust a sentence here\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 1, "found plain text");
	done(&p);

	/* a second YAML document hidden in the block */
	parse(&p, "---\ntitle: One\n--- two\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 3, 1, "only one block of YAML");
	assert_string_equal(p.fm.title, "One");
	done(&p);
}

static void test_repeated_key_warns(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\ntitle: First\ntags: [a]\n"
		  "title: Second\ntags: b\n---\n");
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 2);
	expect_diag(&p, DIAG_WARNING, 4, 1, "\"title\" is given twice");
	assert_string_equal(p.fm.title, "Second");
	assert_int_equal(p.fm.ntags, 1);
	assert_string_equal(p.fm.tags[0], "b");
	done(&p);
}

static void test_invalid_utf8_and_nul(void **state)
{
	static const char nul[] = "---\ntitle: a\0b\n---\nBody";
	struct parsed p;
	(void)state;
	parse(&p, "---\ntopic: Eyes\ntitle: caf\xE9 menu\n---\nBody");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 3, 11, "not valid UTF-8");
	assert_int_equal(p.body_line, 5);
	done(&p);

	parse_n(&p, nul, sizeof nul - 1);
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 9, "control character (byte 0x00)");
	assert_string_equal(nul + p.body_offset, "Body");
	done(&p);

	/* a NUL written as an escape */
	parse(&p, "---\ntitle: \"a\\0b\"\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 8, "NUL");
	assert_null(p.fm.title);
	done(&p);
}

static void test_aliases_are_not_expanded(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, "---\nbase: &b Shared text\ntitle: *b\n"
		  "tags: [*b, ok]\n---\n");
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_WARNING, 2, 1, "\"base\"");
	expect_diag(&p, DIAG_ERROR, 3, 8, "an alias");
	expect_diag(&p, DIAG_ERROR, 4, 8, "an alias");
	assert_null(p.fm.title);
	assert_int_equal(p.fm.ntags, 1);
	done(&p);

	/* a "billion laughs" block under an unknown key costs nothing */
	parse(&p, "---\n"
		  "x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
		  "y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		  "z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		  "w: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		  "title: Still read\n"
		  "---\n");
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 4);
	assert_string_equal(p.fm.title, "Still read");
	done(&p);
}

/* A new string: head, then each of the n parts, then tail. */
static char *build(const char *head, const char *const *parts,
		   const size_t *counts, size_t n, const char *tail)
{
	size_t len = strlen(head) + strlen(tail) + 1, o;
	char *s;
	for (size_t i = 0; i < n; i++)
		len += strlen(parts[i]) * counts[i];
	s = malloc(len);
	assert_non_null(s);
	strcpy(s, head);
	o = strlen(head);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < counts[i]; k++) {
			strcpy(s + o, parts[i]);
			o += strlen(parts[i]);
		}
	strcpy(s + o, tail);
	return s;
}

static void test_deep_and_huge_yaml(void **state)
{
	enum { DEPTH = 100000, NTAGS = 20000 };
	static const char *const brackets[] = {"[", "]"};
	static const char *const mapping[] = {"{a: "};
	static const char *const tag[] = {"  - tag\n"};
	const size_t closed[] = {DEPTH, DEPTH}, open[] = {DEPTH, 0},
		     deep[] = {DEPTH}, ntags[] = {NTAGS};
	struct parsed p;
	char *s;
	(void)state;

	/* deeply nested and closed, under an unknown key: refused at once
	 * (libyaml would take minutes), with the line where it happens */
	s = build("---\ndeep: ", brackets, closed, 2, "\ntitle: Deep\n---\n");
	parse(&p, s);
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 0, "nested more than 32 deep");
	done(&p);
	free(s);

	/* deeply nested and never closed */
	s = build("---\ndeep: ", brackets, open, 2, "\n---\n");
	parse(&p, s);
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 0, "nested more than 32 deep");
	done(&p);
	free(s);

	/* deeply nested where a known key expects text */
	s = build("---\ntitle: ", mapping, deep, 1, "\n---\n");
	parse(&p, s);
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 0, "nested more than 32 deep");
	done(&p);
	free(s);

	/* nesting within the limit is parsed as usual */
	const size_t shallow[] = {30, 30};
	s = build("---\ndeep: ", brackets, shallow, 2, "\ntitle: Deep\n---\n");
	parse(&p, s);
	assert_int_equal(p.rc, 0);
	expect_counts(&p, 0, 1);
	assert_string_equal(p.fm.title, "Deep");
	done(&p);
	free(s);

	/* too long */
	const size_t huge[] = {FRONTMATTER_MAX_BYTES / 8 + 1};
	s = build("---\ntags:\n", tag, huge, 1, "---\n");
	parse(&p, s);
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 2, 0, "longer than 256 KiB");
	done(&p);
	free(s);

	/* many tags */
	s = build("---\ntags:\n", tag, ntags, 1, "order: 1\n---\n");
	parse(&p, s);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.fm.ntags, NTAGS);
	assert_string_equal(p.fm.tags[NTAGS - 1], "tag");
	assert_int_equal(p.fm.order, 1);
	done(&p);
	free(s);
}

/* text need not end in a NUL: the parser must stay inside len bytes */
static void test_text_without_nul(void **state)
{
	static const char src[] = "---\ntitle: Exact\n---\nBody";
	struct parsed p;
	char *buf = malloc(sizeof src - 1);
	(void)state;
	assert_non_null(buf);
	memcpy(buf, src, sizeof src - 1);
	parse_n(&p, buf, sizeof src - 1);
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.fm.title, "Exact");
	assert_int_equal(p.body_offset, 21);
	done(&p);

	/* cut inside the block: the closing fence is beyond len */
	parse_n(&p, buf, 17);
	assert_int_equal(p.rc, -1);
	expect_diag(&p, DIAG_ERROR, 1, 0, "never closed");
	done(&p);
	free(buf);
}

static void test_free_zeroes(void **state)
{
	struct parsed p;
	(void)state;
	parse(&p, all_keys);
	frontmatter_free(&p.fm);
	assert_null(p.fm.title);
	assert_null(p.fm.tags);
	assert_int_equal(p.fm.ntags, 0);
	assert_int_equal(p.fm.nsources, 0);
	frontmatter_free(&p.fm); /* twice is harmless */
	diag_list_clear(&p.diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_keys),
		cmocka_unit_test(test_tags_as_one_word),
		cmocka_unit_test(test_one_line_values_read_as_yaml_reads_them),
		cmocka_unit_test(test_no_front_matter),
		cmocka_unit_test(test_cms_export_unknown_keys),
		cmocka_unit_test(test_dates_kept_as_written),
		cmocka_unit_test(test_malformed_yaml_points_at_file_line),
		cmocka_unit_test(test_unclosed_fence),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_order_values),
		cmocka_unit_test(test_sources_entries),
		cmocka_unit_test(test_crlf_line_endings),
		cmocka_unit_test(test_empty_front_matter),
		cmocka_unit_test(test_fence_variants),
		cmocka_unit_test(test_null_values_are_absent),
		cmocka_unit_test(test_top_level_not_a_mapping),
		cmocka_unit_test(test_repeated_key_warns),
		cmocka_unit_test(test_invalid_utf8_and_nul),
		cmocka_unit_test(test_aliases_are_not_expanded),
		cmocka_unit_test(test_deep_and_huge_yaml),
		cmocka_unit_test(test_text_without_nul),
		cmocka_unit_test(test_free_zeroes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
