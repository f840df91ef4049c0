/*
 * Unit tests for pasted: hand-typed bullets in Markdown become list items
 * before cmark parses the text; code is left alone; lines do not move;
 * Word's private-use bullet never reaches the screen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cmark-gfm.h>

#include "pasted.h"

static cmark_node *parse(const char *text)
{
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	pasted_feed(p, text, strlen(text));
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* The document as cmark's CommonMark renderer writes it. */
static char *markdown(const char *text)
{
	cmark_node *doc = parse(text);
	char *out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	return out;
}

static void test_word_bullets_make_a_list(void **state)
{
	static const char text[] = "Symptoms include:\n"
				   "\xE2\x80\xA2\tFever\n"
				   "\xEF\x82\xB7\tA cough\n"
				   "\xE2\x97\x8F Tiredness\n"
				   "\n"
				   "After the list.\n";
	(void)state;
	cmark_node *doc = parse(text);
	cmark_node *para = cmark_node_first_child(doc);
	cmark_node *list = cmark_node_next(para);
	assert_int_equal(cmark_node_get_type(para), CMARK_NODE_PARAGRAPH);
	assert_int_equal(cmark_node_get_type(list), CMARK_NODE_LIST);
	assert_int_equal(cmark_node_get_list_type(list), CMARK_BULLET_LIST);
	assert_int_equal(cmark_node_get_list_tight(list), 1);
	int items = 0;
	for (cmark_node *i = cmark_node_first_child(list); i != NULL;
	     i = cmark_node_next(i))
		items++;
	assert_int_equal(items, 3);
	/* lines are those of the file: the third item is on line 4, its
	 * text at the same column as in the file (bytes) */
	cmark_node *third = cmark_node_last_child(list);
	assert_int_equal(cmark_node_get_start_line(third), 4);
	cmark_node *tp = cmark_node_first_child(third);
	assert_int_equal(cmark_node_get_start_column(tp), 5);
	assert_int_equal(cmark_node_get_start_line(cmark_node_last_child(doc)),
			 6);
	cmark_node_free(doc);
}

static void test_each_bullet_kind(void **state)
{
	static const char *const bullets[] = {
		"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x97\xA6",
		"\xE2\x80\x93", "\xEF\x82\xB7", "\xE2\x97\x8F",
	};
	(void)state;
	for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++) {
		for (int tab = 0; tab < 2; tab++) {
			char text[64];
			snprintf(text, sizeof text, "Intro:\n%s%sOne\n%s%sTwo\n",
				 bullets[i], tab ? "\t" : " ", bullets[i],
				 tab ? "\t" : " ");
			char *md = markdown(text);
			if (strstr(md, "  - One\n  - Two\n") == NULL &&
			    strstr(md, "\n- One\n- Two\n") == NULL &&
			    strstr(md, "\n  - One\n  - Two\n") == NULL)
				fail_msg("bullet %zu (tab %d): not a list:\n%s", i,
					 tab, md);
			free(md);
		}
	}
}

static void test_what_stays_text(void **state)
{
	(void)state;
	/* a dash or a dot before a number is not a bullet */
	char *md = markdown("\xE2\x80\x93" "5 degrees\n\n\xC2\xB7" "x\n");
	assert_null(strstr(md, "- "));
	free(md);
	/* fenced code keeps its bullets; indented code too */
	md = markdown("```\n\xE2\x80\xA2\tin code\n```\n\n    \xE2\x80\xA2 "
		      "indented\n");
	assert_non_null(strstr(md, "\xE2\x80\xA2\tin code"));
	assert_non_null(strstr(md, "\xE2\x80\xA2 indented"));
	free(md);
	/* a bullet alone on a line */
	md = markdown("\xE2\x80\xA2\n");
	assert_non_null(strstr(md, "\xE2\x80\xA2"));
	free(md);
}

static void test_private_use_bullet_shown_as_bullet(void **state)
{
	(void)state;
	char *md = markdown("Take it \xEF\x82\xB7 with food \xEF\x82\xA7 "
			    "and water.\n");
	assert_null(strstr(md, "\xEF\x82"));
	assert_non_null(strstr(md, "Take it \xE2\x80\xA2 with food "
				   "\xE2\x96\xAA and water."));
	free(md);
}

static void test_plain_markdown_unchanged(void **state)
{
	static const char text[] = "# Title\n\n- a\n- b\n\nText with \xE2\x80\x93 "
				   "a dash and \xC2\xB7 a dot.\n";
	(void)state;
	cmark_node *a = parse(text);
	cmark_node *b = cmark_parse_document(text, strlen(text),
					     CMARK_OPT_DEFAULT);
	char *x = cmark_render_xml(a, CMARK_OPT_SOURCEPOS);
	char *y = cmark_render_xml(b, CMARK_OPT_SOURCEPOS);
	assert_string_equal(x, y);
	free(x);
	free(y);
	cmark_node_free(a);
	cmark_node_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_bullets_make_a_list),
		cmocka_unit_test(test_each_bullet_kind),
		cmocka_unit_test(test_what_stays_text),
		cmocka_unit_test(test_private_use_bullet_shown_as_bullet),
		cmocka_unit_test(test_plain_markdown_unchanged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
