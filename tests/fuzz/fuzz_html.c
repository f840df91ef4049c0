/*
 * fuzz_html: the input (exact-size copy) read as an HTML block
 * (html_to_blocks, then laid out at two widths), as one inline tag
 * (html_tag_read) and element by element (html_elements).  Checks that
 * nothing crashes or leaks and that the blocks are a well-formed tree.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "html.h"
#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count(void *ctx, const char *name, const char *href)
{
	(void)href;
	if (name == NULL)
		abort();
	(*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size == 0 ? 1 : size);
	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	/* The table extension's nodes need it registered. */
	cmark_node_free(article_parse_markdown("", 0));
	cmark_node *doc = html_to_blocks(s, size);
	if (doc == NULL || cmark_node_get_type(doc) != CMARK_NODE_DOCUMENT)
		abort();
	for (int w = 20; w <= 80; w += 60) {
		struct layout_options o = {.width = w, .skip_entry = -1};
		struct layout *l = layout_build(doc, &o);
		for (size_t i = 0; i < l->nlines; i++)
			if (l->lines[i].width > (uint32_t)w)
				abort();
		layout_free(l);
	}
	cmark_node_free(doc);
	struct html_tag t;
	(void)html_tag_read(s, size, &t);
	html_tag_free(&t);
	size_t n = 0;
	html_elements(s, size, count, &n);
	free(s);
	return 0;
}
