/*
 * fuzz_article: the whole path an article file takes, from the file
 * system: article_load (binary/UTF-8 checks, front matter, title),
 * article_parse (Markdown or pasted plain text) and layout_build with the
 * layout.h invariants checked.
 *
 * Input: one byte picks the file name (.md / .txt / .markdown / none) and
 * whether the text is kept in memory; one byte the width (1..256); the
 * rest is the file's content, written to a file in a private temporary
 * folder (made once per process, removed at exit).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void cleanup(void)
{
	static const char *const names[] = {"a.md", "notes.txt", "b.markdown",
					    "README"};
	char p[128];
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"a.md", "notes.txt", "b.markdown",
					    "README"};
	if (dir[0] == '\0') {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/kfuzz.XXXXXX",
			 tmp != NULL && strlen(tmp) < 40 ? tmp : "/tmp");
		if (mkdtemp(dir) == NULL)
			abort();
		atexit(cleanup);
	}
	uint8_t pick = fuzz_take(&data, &size);
	int width = (int)fuzz_take(&data, &size) + 1;
	const char *name = names[pick & 3];
	bool keep = (pick & 4) != 0;
	bool ascii = (pick & 8) != 0;
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();

	struct article a;
	struct diag_list diags = {0};
	if (article_load(&a, path, name, "Topic", keep, &diags) == 0) {
		if (a.title == NULL || a.title[0] == '\0' ||
		    a.description == NULL || a.topic == NULL)
			abort();
		if (!text_is_clean(a.title, strlen(a.title)) ||
		    strchr(a.title, '\n') != NULL)
			abort();
		cmark_node *doc = article_parse(&a, &diags);
		if (doc == NULL)
			abort(); /* the file is still there: must parse */
		struct layout_options o = {.width = width, .ascii = ascii,
					   .glossary = fuzz_glossary_fixed(),
					   .skip_entry = -1};
		struct layout *l = layout_build(doc, &o);
		fuzz_check_layout(l, width, ascii);
		layout_free(l);
		cmark_node_free(doc);
		struct article copy;
		article_copy(&copy, &a);
		article_free(&copy);
		article_free(&a);
	}
	for (size_t i = 0; i < diags.n; i++)
		free(diag_format(&diags.items[i]));
	diag_list_clear(&diags);
	return 0;
}
