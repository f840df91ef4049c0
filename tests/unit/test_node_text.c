/*
 * Tests for node_text.c: the plain text of a node, as the section list
 * and the search index read it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "node_text.h"

/* The text of each node of md that node_is_text_unit takes, joined with
 * " | " (caller frees). */
static char *units(const char *md)
{
	cmark_node *doc = article_parse_markdown(md, strlen(md));
	assert_non_null(doc);
	char *out = calloc(1, 4096);
	assert_non_null(out);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || !node_is_text_unit(n))
			continue;
		char *t = node_text(n, 4096, NULL);
		if (out[0] != '\0')
			strcat(out, " | ");
		strncat(out, t, 4096 - strlen(out) - 4);
		free(t);
		cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return out;
}

static void table_rows_are_units_with_their_cells_apart(void **state)
{
	(void)state;
	/* Without this, search never saw a table's text (its cells hold
	 * inlines directly, with no paragraph), and cells ran together. */
	char *u = units("# Calls\n\n| Service | Phone |\n|---|---|\n"
			"| **Night** nurse | 0800 111 |\n| Clinic | `0800 222` |\n");
	assert_string_equal(u, "Calls | Service Phone | Night nurse 0800 111 | "
			       "Clinic 0800 222");
	free(u);
}

static void paragraphs_headings_and_code_are_units(void **state)
{
	(void)state;
	char *u = units("Intro *text*\nsame paragraph.\n\n## Two\n\n"
			"    code here\n\n- item\n");
	assert_string_equal(u, "Intro text same paragraph. | Two | code here  | item");
	free(u);
}

static void a_whole_table_reads_row_after_row(void **state)
{
	(void)state;
	const char *md = "| a | b |\n|---|---|\n| c | d |\n";
	cmark_node *doc = article_parse_markdown(md, strlen(md));
	char *t = node_text(cmark_node_first_child(doc), 100, NULL);
	assert_string_equal(t, "a b c d");
	free(t);
	cmark_node_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_rows_are_units_with_their_cells_apart),
		cmocka_unit_test(paragraphs_headings_and_code_are_units),
		cmocka_unit_test(a_whole_table_reads_row_after_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
