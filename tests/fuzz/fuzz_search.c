/*
 * fuzz_search: what a patient types into the search box.  fold_text on
 * the raw input (its map must be monotone and end at len), then
 * search_run of the input as a query (cut at a NUL, as typed text is)
 * against an index of a small fixed library (two articles with non-ASCII
 * names, and the fixed glossary), built once per process in a private
 * temporary folder.  Checks every hit: its text found by search_hit_text,
 * the match inside it, owner and kind in range, at most max hits kept.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fold.h"
#include "fuzz_common.h"
#include "library.h"
#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static struct library *lib;
static struct search_index *ix;

static const char *const files[][2] = {
	{"articles/01-visits/before.md",
	 "---\ntitle: Before your visit\n---\n# Before your visit\n\n"
	 "Patients from Şişli and Uzunçakmak: bring your medicines.\n\n"
	 "## Stem cells\n\nAutologous stem cells come from you. "
	 "“Quoted” — MSCs and İstanbul, ΣΊΣΥΦΟΣ, Straße.\n"},
	{"articles/02-skin/care.txt",
	 "Caring for your skin\n\nYour skin may feel tight.\n\n"
	 "What to avoid\nDo not scratch the treated area.\n"},
	{"glossary.md", fuzz_glossary_text},
};

static void cleanup(void)
{
	search_free(ix);
	library_free(lib);
	char p[160];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
		unlink(p);
	}
	static const char *const dirs[] = {"articles/01-visits",
					   "articles/02-skin", "articles", ""};
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, dirs[i]);
		rmdir(p);
	}
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/kfuzz.XXXXXX",
		 tmp != NULL && strlen(tmp) < 40 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	char p[160];
	static const char *const dirs[] = {"articles", "articles/01-visits",
					   "articles/02-skin"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, dirs[i]);
		if (mkdir(p, 0700) != 0)
			abort();
	}
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
		FILE *f = fopen(p, "w");
		if (f == NULL || fputs(files[i][1], f) < 0 || fclose(f) != 0)
			abort();
	}
	struct diag_list d = {0};
	lib = library_load(dir, NULL, &d);
	diag_list_clear(&d);
	if (lib == NULL || lib->narticles != 2)
		abort();
	ix = search_build(lib);
	atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (ix == NULL)
		setup();
	size_t fl;
	uint32_t *map;
	char *f = fold_text((const char *)data, size, &fl, &map);
	if (f == NULL || f[fl] != '\0' || map[fl] != size)
		abort();
	for (size_t i = 0; i < fl; i++)
		if (map[i] > size || (i > 0 && map[i] < map[i - 1]))
			abort();
	free(f);
	free(map);

	char *q = malloc(size + 1);
	if (q == NULL)
		abort();
	memcpy(q, data, size);
	q[size] = '\0';
	size_t max = size > 0 ? (data[0] % 20) + 1 : 5;
	struct search_hit *hits = NULL;
	size_t nhits = 0;
	size_t total = search_run(ix, q, &hits, &nhits, max);
	if (nhits > max || nhits > total)
		abort();
	size_t nentries = glossary_count(lib->glossary);
	for (size_t i = 0; i < nhits; i++) {
		struct search_hit *h = &hits[i];
		if (h->text != NULL || h->query == NULL)
			abort();
		search_hit_text(ix, h);
		if (h->text == NULL || h->needle == NULL ||
		    h->mstart + h->mlen > strlen(h->text))
			abort();
		if (h->kind > SEARCH_DEFINITION)
			abort();
		bool in_glossary = h->kind == SEARCH_TERM ||
				   h->kind == SEARCH_DEFINITION;
		if (h->owner >= (in_glossary ? nentries : lib->narticles))
			abort();
	}
	search_hits_free(hits, nhits);
	free(q);
	return 0;
}
