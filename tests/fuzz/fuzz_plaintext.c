/*
 * fuzz_plaintext: plaintext_parse on sanitized input (its contract: UTF-8
 * already validated by the caller, as article.c does with text_sanitize),
 * then the tree rendered back to CommonMark to walk every node, and a
 * layout of it checked against layout.h.  The first input byte picks the
 * file name (which matters for the title) and the layout width.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "fuzz_common.h"
#include "plaintext.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"skin-care_tips.txt", "a.txt", "123.txt", "---.txt",
		"Şişli-clinic.txt", ".txt", "x", "",
	};
	uint8_t c = fuzz_take(&data, &size);
	const char *name = names[c & 7];
	int width = 1 + (c >> 3) * 4;
	size_t cl;
	char *clean = text_sanitize((const char *)data, size, &cl);
	char *title = NULL;
	cmark_node *doc = plaintext_parse(clean, cl, name, &title);
	if (doc == NULL || title == NULL)
		abort();
	if (u8_check((const uint8_t *)title, strlen(title)) != NULL)
		abort();
	char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	free(md);
	struct layout_options o = {.width = width, .skip_entry = -1,
				   .glossary = fuzz_glossary_fixed()};
	struct layout *l = layout_build(doc, &o);
	fuzz_check_layout(l, width, false);
	layout_free(l);
	cmark_node_free(doc);
	free(title);
	free(clean);
	return 0;
}
