/*
 * Tests for html.c: the scanner that reduces raw HTML in articles to text
 * and links.
 *
 * Tokenizer tests read as data: tokens() renders a buffer's tokens as
 * "T'text' <name> </name> C'<!--...-->'" so an expectation is one line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "html.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The tokens of s[0..len) as one readable line (caller frees).  Also
 * checks the tokens cover the input exactly, in order. */
static char *tokens_len(const char *s, size_t len)
{
	size_t cap = 64 + len * 4, o = 0, pos = 0, covered = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	struct html_token t;
	int guard = 0;
	while (html_next(s, len, &pos, &t)) {
		assert_true(++guard < 100000); /* always advances */
		assert_ptr_equal(t.start, s + covered);
		assert_true(t.len > 0);
		covered += t.len;
		assert_int_equal(pos, covered);
		const char *sep = o > 0 ? " " : "";
		int n;
		switch (t.kind) {
		case HTML_TEXT:
			n = snprintf(out + o, cap - o, "%sT'%.*s'", sep, (int)t.len,
				     t.start);
			break;
		case HTML_TAG:
			n = snprintf(out + o, cap - o, "%s<%s%s>", sep,
				     t.closing ? "/" : "", t.name);
			break;
		default:
			n = snprintf(out + o, cap - o, "%sC'%.*s'", sep, (int)t.len,
				     t.start);
			break;
		}
		assert_true(n > 0 && (size_t)n < cap - o);
		o += (size_t)n;
	}
	assert_int_equal(covered, len);
	assert_false(html_next(s, len, &pos, &t)); /* stays at the end */
	return out;
}

static void check_tokens(const char *s, const char *want)
{
	char *got = tokens_len(s, strlen(s));
	if (strcmp(got, want) != 0)
		print_error("input: %s\n", s);
	assert_string_equal(got, want);
	free(got);
}

/* The first tag token of s. */
static struct html_token first_tag(const char *s)
{
	struct html_token t;
	size_t pos = 0;
	while (html_next(s, strlen(s), &pos, &t))
		if (t.kind == HTML_TAG)
			return t;
	fail_msg("no tag in %s", s);
	return t;
}

/* Attribute attr of the first tag in s, checked against want (NULL:
 * absent). */
static void check_attr(const char *s, const char *attr, const char *want)
{
	struct html_token t = first_tag(s);
	char *got = html_attr(&t, attr);
	if (want == NULL) {
		if (got != NULL)
			print_error("%s: %s=\"%s\", wanted none\n", s, attr, got);
		assert_null(got);
	} else {
		if (got == NULL)
			print_error("%s: no %s\n", s, attr);
		assert_non_null(got);
		assert_string_equal(got, want);
	}
	free(got);
}

static void check_decode(const char *s, const char *want)
{
	size_t len = 999;
	char *got = html_decode(s, strlen(s), &len);
	if (strcmp(got, want) != 0)
		print_error("decode \"%s\" gave \"%s\", wanted \"%s\"\n", s, got,
			    want);
	assert_string_equal(got, want);
	assert_int_equal(len, strlen(want));
	free(got);
}

/* ---- html_next ---- */

static void splits_text_and_tags(void **state)
{
	check_tokens("Hello <b>world</b>!",
		     "T'Hello ' <b> T'world' </b> T'!'");
	check_tokens("plain text only", "T'plain text only'");
	check_tokens("<p>", "<p>");
	check_tokens("", "");
}

static void lower_cases_tag_names(void **state)
{
	check_tokens("<DIV Class=x>Hi</Div>", "<div> T'Hi' </div>");
	check_tokens("<h2>T</H2>", "<h2> T'T' </h2>");
}

static void reads_self_closing_tags(void **state)
{
	check_tokens("a<br/>b<br />c<img src=x />",
		     "T'a' <br> T'b' <br> T'c' <img>");
}

static void truncates_long_tag_names(void **state)
{
	struct html_token t = first_tag("<averyveryverylongtagname>");
	assert_int_equal(strlen(t.name), sizeof t.name - 1);
	assert_string_equal(t.name, "averyveryverylo");
	assert_int_equal(t.len, strlen("<averyveryverylongtagname>"));
}

static void reads_comments_and_declarations(void **state)
{
	check_tokens("a<!-- note -->b", "T'a' C'<!-- note -->' T'b'");
	check_tokens("<!-- a <b>tag</b> inside -->x",
		     "C'<!-- a <b>tag</b> inside -->' T'x'");
	check_tokens("<!DOCTYPE html><p>", "C'<!DOCTYPE html>' <p>");
	check_tokens("<?xml version=\"1.0\"?>t", "C'<?xml version=\"1.0\"?>' T't'");
}

static void lone_angle_brackets_are_text(void **state)
{
	/* Not tags: the text around them is kept in full. */
	check_tokens("1 < 2", "T'1 ' T'< 2'");
	check_tokens("a <3 b", "T'a ' T'<3 b'");
	check_tokens("x </ y", "T'x ' T'</ y'");
	check_tokens("<", "T'<'");
}

static void a_greater_than_inside_quotes_does_not_end_a_tag(void **state)
{
	check_tokens("<a title=\"1 > 0\" href='x>y'>link</a>",
		     "<a> T'link' </a>");
}

static void closing_tags_are_marked(void **state)
{
	struct html_token t = first_tag("</A>");
	assert_true(t.closing);
	assert_string_equal(t.name, "a");
	t = first_tag("<a>");
	assert_false(t.closing);
}

static void truncated_input_does_not_crash(void **state)
{
	/* Each ends in the middle of something; the tokens must still cover
	 * the input and stop (checked in tokens_len; ASan checks reads). */
	static const char *const cut[] = {
		"<a href=\"x",
		"<a href='",
		"<a href=",
		"<a href",
		"<a ",
		"<a",
		"</",
		"</a",
		"<!--",
		"<!-- never closed",
		"<!",
		"<?",
		"<!DOCTYPE",
		"text <b",
		"&",
		"&#",
		"&#x",
		"&amp",
	};
	for (size_t i = 0; i < N(cut); i++) {
		/* Copy to an exact-size buffer so ASan sees any overread. */
		size_t len = strlen(cut[i]);
		char *s = malloc(len);
		assert_non_null(s);
		memcpy(s, cut[i], len);
		free(tokens_len(s, len));
		size_t pos = 0;
		struct html_token t;
		while (html_next(s, len, &pos, &t))
			if (t.kind == HTML_TAG)
				free(html_attr(&t, "href"));
		free(html_decode(s, len, NULL));
		free(s);
	}
}

static void truncated_attribute_value_is_what_was_written(void **state)
{
	check_attr("<a href=\"x", "href", "x");
}

/* ---- html_attr ---- */

static void attribute_with_double_single_and_no_quotes(void **state)
{
	check_attr("<a href=\"x.md\">", "href", "x.md");
	check_attr("<a href='y.md'>", "href", "y.md");
	check_attr("<a href=z.md>", "href", "z.md");
	check_attr("<a href = \"spaced.md\" >", "href", "spaced.md");
	check_attr("<a\nhref=\"newline.md\">", "href", "newline.md");
}

static void attribute_names_are_case_insensitive(void **state)
{
	check_attr("<A HREF=\"up.md\">", "href", "up.md");
}

static void attribute_values_decode_entities(void **state)
{
	check_attr("<a href=\"a?b=1&amp;c=2\">", "href", "a?b=1&c=2");
	check_attr("<a title='&quot;Hi&quot; &#65;'>", "title", "\"Hi\" A");
}

static void attribute_picks_the_right_name(void **state)
{
	/* Names that contain or prefix "href", and values that look like
	 * attributes, are not it. */
	check_attr("<a data-href=\"bad\" href=\"good\">", "href", "good");
	check_attr("<a hreflang=\"en\" href=\"good\">", "href", "good");
	check_attr("<a title=\"href=evil\" href=\"good\">", "href", "good");
	check_attr("<a title='x' href=good>", "href", "good");
	check_attr("<img src=\"a.png\" alt=\"A cell\">", "alt", "A cell");
}

static void missing_and_empty_attributes(void **state)
{
	check_attr("<a name=\"top\">", "href", NULL);
	check_attr("<a>", "href", NULL);
	check_attr("<input disabled>", "disabled", "");
	check_attr("<a href=\"\">", "href", "");
	/* a closing tag has no attributes */
	check_attr("</a href=\"x\">", "href", NULL);
}

/* ---- html_decode ---- */

static void decodes_named_references(void **state)
{
	check_decode("&amp; &lt; &gt; &quot; &apos;", "& < > \" '");
	check_decode("a&nbsp;b", "a\xc2\xa0" "b");
	check_decode("&ndash;&mdash;&hellip;", "\xe2\x80\x93\xe2\x80\x94\xe2\x80\xa6");
	check_decode("Fish &amp; chips", "Fish & chips");
}

static void decodes_numeric_references(void **state)
{
	check_decode("&#65;&#x42;&#X43;", "ABC");
	check_decode("&#233;", "\xc3\xa9");               /* é */
	check_decode("&#x65E5;", "\xe6\x97\xa5");         /* 日 */
	check_decode("&#x1F600;", "\xf0\x9f\x98\x80");    /* 😀 */
	check_decode("&#xe9;", "\xc3\xa9");               /* lower-case hex */
}

static void leaves_bad_references_alone(void **state)
{
	static const char *const bad[] = {
		"&bogus;",       /* unknown name */
		"&AMP;",         /* names are case-sensitive */
		"&amp",          /* no semicolon */
		"& amp;",
		"&;",
		"&#;",
		"&#x;",
		"&#0;",          /* NUL */
		"&#xD800;",      /* surrogate */
		"&#x110000;",    /* above Unicode */
		"&#99999999999999999999;",
		"&#12a;",
		"&#xZZ;",
		"&averyveryverylongname;",
		"AT&T",
		"&",
	};
	for (size_t i = 0; i < N(bad); i++)
		check_decode(bad[i], bad[i]);
}

static void decodes_around_bad_references(void **state)
{
	check_decode("&bogus; &amp; &", "&bogus; & &");
	check_decode("&&amp;", "&&");
	check_decode("&amp&lt;", "&amp<");
}

static void decode_stops_at_len(void **state)
{
	size_t len;
	char *got = html_decode("&amp;&lt;", 3, &len);
	assert_string_equal(got, "&am");
	assert_int_equal(len, 3);
	free(got);
}

/* ---- tag classes ---- */

static void break_tags_end_lines_or_paragraphs(void **state)
{
	static const char *const yes[] = {"br", "p", "div", "li", "h1", "h2",
					  "h3", "h4", "h5", "h6", "tr",
					  "blockquote", "ul", "ol", "table"};
	static const char *const no[] = {"a", "b", "i", "em", "strong",
					 "span", "img", "code", ""};
	for (size_t i = 0; i < N(yes); i++) {
		if (!html_is_break_tag(yes[i]))
			print_error("%s should break\n", yes[i]);
		assert_true(html_is_break_tag(yes[i]));
	}
	for (size_t i = 0; i < N(no); i++) {
		if (html_is_break_tag(no[i]))
			print_error("%s should not break\n", no[i]);
		assert_false(html_is_break_tag(no[i]));
	}
}

static void hidden_tags_are_script_and_style(void **state)
{
	assert_true(html_is_hidden_tag("script"));
	assert_true(html_is_hidden_tag("style"));
	assert_false(html_is_hidden_tag("p"));
	assert_false(html_is_hidden_tag("a"));
	assert_false(html_is_hidden_tag("scripts"));
	assert_false(html_is_hidden_tag(""));
}

static void tag_names_from_the_scanner_match_the_classes(void **state)
{
	/* The scanner lower-cases, so upper-case HTML still classifies. */
	struct html_token t = first_tag("<SCRIPT>");
	assert_true(html_is_hidden_tag(t.name));
	t = first_tag("<BR>");
	assert_true(html_is_break_tag(t.name));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_text_and_tags),
		cmocka_unit_test(lower_cases_tag_names),
		cmocka_unit_test(reads_self_closing_tags),
		cmocka_unit_test(truncates_long_tag_names),
		cmocka_unit_test(reads_comments_and_declarations),
		cmocka_unit_test(lone_angle_brackets_are_text),
		cmocka_unit_test(a_greater_than_inside_quotes_does_not_end_a_tag),
		cmocka_unit_test(closing_tags_are_marked),
		cmocka_unit_test(truncated_input_does_not_crash),
		cmocka_unit_test(truncated_attribute_value_is_what_was_written),
		cmocka_unit_test(attribute_with_double_single_and_no_quotes),
		cmocka_unit_test(attribute_names_are_case_insensitive),
		cmocka_unit_test(attribute_values_decode_entities),
		cmocka_unit_test(attribute_picks_the_right_name),
		cmocka_unit_test(missing_and_empty_attributes),
		cmocka_unit_test(decodes_named_references),
		cmocka_unit_test(decodes_numeric_references),
		cmocka_unit_test(leaves_bad_references_alone),
		cmocka_unit_test(decodes_around_bad_references),
		cmocka_unit_test(decode_stops_at_len),
		cmocka_unit_test(break_tags_end_lines_or_paragraphs),
		cmocka_unit_test(hidden_tags_are_script_and_style),
		cmocka_unit_test(tag_names_from_the_scanner_match_the_classes),
	};
	/* TEST_FILTER=pattern runs only the matching tests. */
	if (getenv("TEST_FILTER") != NULL)
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
