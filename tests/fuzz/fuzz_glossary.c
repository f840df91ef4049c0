/*
 * fuzz_glossary: glossary_parse of the first part of the input, then
 * glossary_match of the second part against that glossary, and
 * glossary_lookup of every term and alias.  The split point is the first
 * "\n\x01\n" separator, else the middle.  Checks the documented results:
 * matches in order, inside the text, without overlaps, with a valid entry
 * index, and every term found again by glossary_lookup.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t SEP[] = "\n\x01\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t split = size / 2, skip = 0;
	for (size_t i = 0; i + sizeof SEP - 1 <= size; i++) {
		if (memcmp(data + i, SEP, sizeof SEP - 1) == 0) {
			split = i;
			skip = sizeof SEP - 1;
			break;
		}
	}
	char *gtext = malloc(split + 1);
	size_t tlen = size - split - skip;
	char *text = malloc(tlen + 1);
	if (gtext == NULL || text == NULL)
		abort();
	memcpy(gtext, data, split);
	memcpy(text, data + split + skip, tlen);
	/* Exact-size views: no NUL is promised after len. */
	struct diag_list diags = {0};
	struct glossary *g = glossary_parse("glossary.md", gtext, split, &diags);
	if (g == NULL)
		abort();
	size_t n = glossary_count(g);
	for (size_t i = 0; i < n; i++) {
		const struct glossary_entry *e = glossary_entry_at(g, i);
		if (e == NULL || e->term == NULL || e->definition == NULL)
			abort();
		if (glossary_lookup(g, e->term) < 0)
			abort();
		for (size_t k = 0; k < e->naliases; k++)
			if (glossary_lookup(g, e->aliases[k]) < 0)
				abort();
	}
	struct glossary_match *m = NULL;
	size_t cap = 0;
	size_t nm = glossary_match(g, text, tlen, &m, &cap);
	size_t prev_end = 0;
	for (size_t i = 0; i < nm; i++) {
		if (m[i].start >= m[i].end || m[i].end > tlen ||
		    m[i].start < prev_end || m[i].entry >= n)
			abort();
		prev_end = m[i].end;
	}
	/* The linear matcher (which glossary_match falls back to for nested
	 * terms) gives the same matches. */
	struct glossary_match *lin = NULL;
	size_t lcap = 0;
	size_t nl = glossary_match_linear(g, text, tlen, &lin, &lcap);
	if (nl != nm)
		abort();
	for (size_t i = 0; i < nm; i++)
		if (lin[i].start != m[i].start || lin[i].end != m[i].end ||
		    lin[i].entry != m[i].entry)
			abort();
	free(lin);
	/* Matching the glossary text against itself exercises definitions
	 * that contain other terms. */
	nm = glossary_match(g, gtext, split, &m, &cap);
	for (size_t i = 0; i < nm; i++)
		if (m[i].end > split || m[i].entry >= n)
			abort();
	free(m);
	glossary_free(g);
	diag_list_clear(&diags);
	free(gtext);
	free(text);
	return 0;
}
