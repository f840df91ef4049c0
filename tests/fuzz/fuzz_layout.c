/*
 * fuzz_layout: article_parse_markdown + layout_build, with every invariant
 * of layout.h checked (fuzz_check_layout), plus layout_find and
 * layout_section_of on positions taken from the result.
 *
 * Input: two bytes of width (1..300), one byte of flags (ascii,
 * ascii_bullets, mark_all, glossary on/off, skip_entry), then Markdown.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned w0 = fuzz_take(&data, &size);
	unsigned w1 = fuzz_take(&data, &size);
	uint8_t flags = fuzz_take(&data, &size);
	int width = (int)((w0 | w1 << 8) % 300) + 1;
	struct glossary *g = fuzz_glossary_fixed();
	struct layout_options o = {
		.width = width,
		.ascii = flags & 1,
		.ascii_bullets = (flags & 2) != 0,
		.mark_all = (flags & 4) != 0,
		.glossary = (flags & 8) ? NULL : g,
		.skip_entry = (flags & 16) ? (long)(flags >> 5) : -1,
	};
	char *md = malloc(size == 0 ? 1 : size);
	if (md == NULL)
		abort();
	if (size > 0)
		memcpy(md, data, size);
	cmark_node *doc = article_parse_markdown(md, size);
	if (doc == NULL)
		abort();
	struct layout *l = layout_build(doc, &o);
	fuzz_check_layout(l, width, o.ascii);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		size_t at = layout_find(l, ln->block, ln->block_off);
		if (at >= l->nlines)
			abort();
		(void)layout_section_of(l, i);
	}
	(void)layout_find(l, UINT32_MAX, UINT32_MAX);
	(void)layout_section_of(l, SIZE_MAX);
	layout_free(l);
	cmark_node_free(doc);
	free(md);
	return 0;
}
