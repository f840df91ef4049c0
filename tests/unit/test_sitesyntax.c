/*
 * Tests for sitesyntax.c: template and attribute syntax of web site
 * generators taken out of Markdown, lines kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitesyntax.h"

/* The text as stripped ("=" when nothing was taken out); caller frees. */
static char *strip(const char *in, struct sitesyntax_found *f)
{
	size_t n = 0;
	char *s = sitesyntax_strip(in, strlen(in), &n, f);
	if (s == NULL)
		return strdup("=");
	assert_int_equal(strlen(s), n);
	return s;
}

static void expect(const char *in, const char *want)
{
	char *s = strip(in, NULL);
	assert_string_equal(s, want);
	free(s);
}

static void shortcodes_go_and_paired_ones_keep_their_text(void **state)
{
	(void)state;
	expect("A {{< alert type=\"success\" >}}kept text{{< /alert >}} end.\n",
	       "A kept text end.\n");
	expect("{{% note %}}\nInside.\n{{% /note %}}\n", "\nInside.\n\n");
	expect("{{< youtube dQw4w9WgXcQ >}}\n",
	       "[Video: YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n");
	expect("{{< youtube id=\"abc_12\" title=\"Washing hands\" >}}\n",
	       "[Video: Washing hands](https://www.youtube.com/watch?v=abc_12)\n");
	expect("{{< figure src=\"/img/hand.png\" alt=\"A clean hand\" >}}\n",
	       "![A clean hand](/img/hand.png)\n");
	/* An id that could break out of the link is not used. */
	expect("{{< youtube \"a) [x\" >}}\n", "\n");
}

static void liquid_and_jinja_go(void **state)
{
	(void)state;
	expect("{% if x %}Shown{% endif %} and {{ name }}.\n", "Shown and .\n");
	/* A {% %} tag may span lines; the lines stay. */
	expect("{% include\n  \"x.html\" %}After\n", "\nAfter\n");
	/* A variable does not: "{{" alone is text. */
	expect("Two braces {{ and\nmore }} text.\n", "=");
}

static void a_link_to_a_template_address_keeps_its_text(void **state)
{
	(void)state;
	expect("[Find a pharmacy]({{ findersBaseUrl }}finders/find-help) now.\n",
	       "Find a pharmacy now.\n");
	expect("See ![a map]({% asset map.png %}) and [b](b.md).\n",
	       "See a map and [b](b.md).\n");
	expect("[nested [brackets]]({{ x }}/y(z)) end\n",
	       "nested [brackets] end\n");
}

static void attribute_lists_go(void **state)
{
	(void)state;
	expect("- one\n- two\n{.list--check}\n", "- one\n- two\n\n");
	expect("Para {: .class #x key=\"v w\"} end.\n", "Para end.\n");
	expect("1. [A](#a){data-analytics=anchor} {.step-list__item .is-last}\n",
	       "1. [A](#a)\n");
	expect("* TOC\n{:toc}\n", "* TOC\n\n");
	/* Braces that are text stay. */
	expect("Sets {a, b} and {x} and {} and {.5 mg} stay.\n", "=");
}

static void a_heading_id_becomes_its_anchor(void **state)
{
	(void)state;
	expect("## Getting ready {#ready}\n", "## Getting ready<a id=\"ready\"></a>\n");
	expect("Setext {#set .x}\n------\n", "Setext<a id=\"set\"></a>\n------\n");
	/* Not on a heading: just taken out. */
	expect("Text {#x}\n", "Text\n");
}

static void code_is_left_as_written(void **state)
{
	(void)state;
	expect("`{{ x }}` and ``a {.b} ` c``\n", "=");
	expect("```\n{{< youtube x >}}\n```\n{.after}\n", "```\n{{< youtube x >}}\n```\n\n");
	expect("~~~~\n{% x %}\n~~~\n{% y %}\n~~~~\nEnd {{ z }}\n",
	       "~~~~\n{% x %}\n~~~\n{% y %}\n~~~~\nEnd \n");
}

static void the_first_is_reported_with_its_line(void **state)
{
	(void)state;
	struct sitesyntax_found f;
	char *s = strip("Plain.\n\nText {{< alert >}} and {.x}\n", &f);
	assert_int_equal(f.count, 2);
	assert_int_equal(f.first_line, 3);
	assert_string_equal(f.first, "{{< alert >}}");
	free(s);
	s = strip("Nothing {here}.\n", &f);
	assert_int_equal(f.count, 0);
	assert_int_equal(f.first_line, 0);
	free(s);
}

static void unclosed_and_huge_input_end(void **state)
{
	(void)state;
	/* Many openers without closers: linear, not quadratic. */
	size_t n = 1 << 20;
	char *in = malloc(n + 1);
	assert_non_null(in);
	for (size_t i = 0; i < n; i += 4)
		memcpy(in + i, "{{< ", 4);
	in[n] = '\0';
	size_t ol;
	char *s = sitesyntax_strip(in, n, &ol, NULL);
	assert_null(s);
	free(in);
	expect("{{< x", "=");
	expect("{", "=");
	expect("{:", "=");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shortcodes_go_and_paired_ones_keep_their_text),
		cmocka_unit_test(liquid_and_jinja_go),
		cmocka_unit_test(a_link_to_a_template_address_keeps_its_text),
		cmocka_unit_test(attribute_lists_go),
		cmocka_unit_test(a_heading_id_becomes_its_anchor),
		cmocka_unit_test(code_is_left_as_written),
		cmocka_unit_test(the_first_is_reported_with_its_line),
		cmocka_unit_test(unclosed_and_huge_input_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
