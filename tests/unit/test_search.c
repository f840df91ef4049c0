/* Unit tests for fold.c and search.c: what a patient typing a word finds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fold.h"
#include "library.h"
#include "search.h"
#include "search_index.h"

static char dir[64];
static struct library *lib;
static struct search_index *ix;

static void put(const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0755);
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/kiosk-search-XXXXXX");
	assert_non_null(mkdtemp(dir));
	char sub[128];
	snprintf(sub, sizeof sub, "%s/articles", dir);
	mkdir(sub, 0755);
	put("articles/a.md", "---\ntitle: Cells and you\n---\n"
			     "Intro text about the body.\n\n"
			     "## How cells talk\n\n"
			     "They use paracrine signaling to call for help.\n\n"
			     "## Where to go\n\n"
			     "Dr. Uzunçakmak works at the Şişli hospital.\n");
	put("articles/b.md", "---\ntitle: Skin care\n---\n"
			     "Mesenchymal stem cells (MSCs) come from fat.\n\n"
			     "## Cells in the skin\n\nFibroblasts make collagen.\n");
	put("glossary.md", "## Paracrine signaling\nAlso: paracrine signalling\n\n"
			   "Cells sending messages to cells nearby.\n\n"
			   "## Mesenchymal stem cell\nAlso: MSC\n\n"
			   "A stem cell found in fat and bone marrow.\n");
	struct diag_list d = {0};
	lib = library_load(dir, NULL, &d);
	diag_list_clear(&d);
	assert_non_null(lib);
	ix = search_build(lib);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	search_free(ix);
	library_free(lib);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

/* The text the hit shows with its match in [brackets]. */
static char *shown(const struct search_hit *h)
{
	char *s = malloc(strlen(h->text) + 3);
	sprintf(s, "%.*s[%.*s]%s", (int)h->mstart, h->text, (int)h->mlen,
		h->text + h->mstart, h->text + h->mstart + h->mlen);
	return s;
}

static void expect_hit(const char *query, size_t i, enum search_kind kind,
		       const char *text)
{
	struct search_hit *h;
	size_t n;
	search_run(ix, query, &h, &n, 50);
	if (i >= n)
		fail_msg("\"%s\": only %zu hits, wanted hit %zu", query, n, i);
	assert_null(h[i].text); /* found only when asked for */
	search_hit_text(ix, &h[i]);
	char *s = shown(&h[i]);
	if (h[i].kind != kind || strcmp(s, text) != 0)
		fail_msg("\"%s\" hit %zu: kind %d \"%s\", wanted kind %d \"%s\"",
			 query, i, h[i].kind, s, kind, text);
	free(s);
	search_hits_free(h, n);
}

static size_t count(const char *query)
{
	struct search_hit *h;
	size_t n;
	size_t total = search_run(ix, query, &h, &n, 50);
	search_hits_free(h, n);
	return total;
}

static void test_fold_drops_case_and_accents(void **state)
{
	(void)state;
	size_t n;
	uint32_t *map;
	char *f = fold_text("Şişli ÜBER ıi", strlen("Şişli ÜBER ıi"), &n, &map);
	assert_string_equal(f, "sisli uber ii");
	/* Each folded byte points at its code point in the original. */
	assert_int_equal(map[0], 0);              /* Ş is 2 bytes */
	assert_int_equal(map[1], 2);              /* i */
	assert_int_equal(map[n], strlen("Şişli ÜBER ıi"));
	free(f);
	free(map);
}

struct words {
	char out[256];
	size_t n;
	size_t start[8], end[8];
};

static void on_word(void *ctx, const char *w, size_t wl, size_t start,
		    size_t end)
{
	struct words *ws = ctx;
	size_t l = strlen(ws->out);
	snprintf(ws->out + l, sizeof ws->out - l, "%s%.*s", l ? "|" : "",
		 (int)wl, w);
	if (ws->n < 8) {
		ws->start[ws->n] = start;
		ws->end[ws->n] = end;
	}
	ws->n++;
}

static void test_fold_words_split_on_punctuation(void **state)
{
	(void)state;
	struct words ws = {{0}, 0, {0}, {0}};
	const char *s = "“Şişli’s” MSCs—own-cell 2x";
	fold_words(s, strlen(s), on_word, &ws);
	assert_string_equal(ws.out, "sisli|s|mscs|own|cell|2x");
	/* ranges are in the original text: "Şişli" after the 3-byte quote */
	assert_int_equal(ws.start[0], 3);
	assert_int_equal(ws.end[0], 3 + strlen("Şişli"));
	/* a very long word is cut, its range is the whole word */
	char longw[200];
	memset(longw, 'a', sizeof longw - 1);
	longw[sizeof longw - 1] = '\0';
	struct words wl = {{0}, 0, {0}, {0}};
	fold_words(longw, strlen(longw), on_word, &wl);
	assert_int_equal(wl.n, 1);
	assert_int_equal(strlen(wl.out), FOLD_WORD_MAX);
	assert_int_equal(wl.end[0], strlen(longw));
}

static void test_titles_rank_first(void **state)
{
	(void)state;
	expect_hit("cells", 0, SEARCH_TITLE, "[Cells] and you");
	expect_hit("cells", 1, SEARCH_HEADING, "How [cells] talk");
	expect_hit("cells", 2, SEARCH_HEADING, "[Cells] in the skin");
}

static void test_accents_and_case_do_not_matter(void **state)
{
	(void)state;
	expect_hit("sisli", 0, SEARCH_TEXT,
		   "Dr. Uzunçakmak works at the [Şişli] hospital.");
	expect_hit("UZUNCAKMAK", 0, SEARCH_TEXT,
		   "Dr. [Uzunçakmak] works at the Şişli hospital.");
}

static void test_spelling_variant_from_glossary_alias(void **state)
{
	(void)state;
	/* Articles say "signaling"; the alias spells it "signalling". */
	expect_hit("signalling", 1, SEARCH_TEXT,
		   "They use paracrine [signaling] to call for help.");
}

static void test_variant_phrase_is_highlighted_whole(void **state)
{
	(void)state;
	/* The text has the other spelling of both words: the variant's
	 * phrase is what is shown, not one word of the query. */
	expect_hit("paracrine signalling", 1, SEARCH_TEXT,
		   "They use [paracrine signaling] to call for help.");
}

static void test_acronym_finds_plural(void **state)
{
	(void)state;
	expect_hit("MSC", 1, SEARCH_TEXT,
		   "Mesenchymal stem cells ([MSC]s) come from fat.");
}

static void test_glossary_entry_listed_once(void **state)
{
	(void)state;
	/* term, alias and definition all match "paracrine": one entry */
	struct search_hit *h;
	size_t n;
	size_t total = search_run(ix, "paracrine", &h, &n, 50);
	size_t terms = 0;
	for (size_t i = 0; i < n; i++)
		if (h[i].kind == SEARCH_TERM || h[i].kind == SEARCH_DEFINITION)
			terms++;
	assert_int_equal(terms, 1);
	assert_int_equal(total, n);
	search_hits_free(h, n);
}

static void test_empty_and_missing_queries(void **state)
{
	(void)state;
	assert_int_equal(count(""), 0);
	assert_int_equal(count("   "), 0);
	assert_int_equal(count("zebra"), 0);
	/* more letters, fewer results */
	assert_true(count("c") >= count("ce"));
	assert_true(count("ce") >= count("cells"));
}

static void test_inner_spaces_are_folded(void **state)
{
	(void)state;
	expect_hit("stem   cells", 0, SEARCH_TEXT,
		   "Mesenchymal [stem cells] (MSCs) come from fat.");
}

static void test_words_are_found_by_their_beginning(void **state)
{
	(void)state;
	/* a word typed halfway finds the words it begins */
	expect_hit("fibro", 0, SEARCH_TEXT, "[Fibro]blasts make collagen.");
	expect_hit("uzun", 0, SEARCH_TEXT,
		   "Dr. [Uzun]çakmak works at the Şişli hospital.");
	/* but not a piece from the middle of a word */
	assert_int_equal(count("blasts"), 0);
	assert_int_equal(count("akmak"), 0);
}

static void test_words_need_not_be_next_to_each_other(void **state)
{
	(void)state;
	/* every word of the query is in the text; the first is shown */
	expect_hit("fat cells", 0, SEARCH_TEXT,
		   "Mesenchymal stem cells (MSCs) come from [fat].");
	assert_int_equal(count("fat zebra"), 0);
}

static void test_hit_text_gives_section_and_needle(void **state)
{
	(void)state;
	struct search_hit *h;
	size_t n;
	search_run(ix, "collagen", &h, &n, 50);
	assert_int_equal(n, 1);
	search_hit_text(ix, &h[0]);
	assert_string_equal(h[0].section, "Cells in the skin");
	assert_string_equal(h[0].needle, "collagen");
	search_hit_text(ix, &h[0]); /* a second call changes nothing */
	assert_string_equal(h[0].text, "Fibroblasts make collagen.");
	search_hits_free(h, n);
	search_run(ix, "intro", &h, &n, 50);
	assert_int_equal(n, 1);
	search_hit_text(ix, &h[0]);
	assert_string_equal(h[0].section, "Introduction");
	assert_int_equal(h[0].section_unit, 0);
	search_hits_free(h, n);
	/* a heading and a paragraph of its section share its section_unit;
	 * the next section has another */
	struct search_hit *p, *q;
	size_t np, nq;
	search_run(ix, "how cells", &h, &n, 50);
	search_run(ix, "they use", &p, &np, 50);
	search_run(ix, "hospital", &q, &nq, 50);
	assert_int_equal(n, 1);
	assert_int_equal(np, 1);
	assert_int_equal(nq, 1);
	assert_int_equal(h[0].kind, SEARCH_HEADING);
	assert_int_equal(h[0].owner, p[0].owner);
	assert_int_equal(h[0].section_unit, h[0].unit);
	assert_int_equal(p[0].section_unit, h[0].unit);
	assert_int_equal(q[0].owner, p[0].owner);
	assert_true(q[0].section_unit > p[0].section_unit);
	search_hits_free(h, n);
	search_hits_free(p, np);
	search_hits_free(q, nq);
}

static void test_max_limits_kept_hits_not_total(void **state)
{
	(void)state;
	struct search_hit *h;
	size_t n;
	size_t total = search_run(ix, "c", &h, &n, 2);
	assert_int_equal(n, 2);
	assert_true(total > 2);
	search_hits_free(h, n);
}

static bool near(const char *q, const char *w)
{
	return search_near(q, strlen(q), w, strlen(w));
}

/* One edit from a beginning of the word: a letter changed, added, left
 * out, or two neighbours swapped; never an exact beginning, never two
 * edits. */
static void test_one_typo_is_near(void **state)
{
	(void)state;
	assert_true(near("cartilege", "cartilage"));   /* changed */
	assert_true(near("cartillage", "cartilage"));  /* added */
	assert_true(near("cartlage", "cartilage"));    /* left out */
	assert_true(near("catrilage", "cartilage"));   /* swapped */
	assert_true(near("xartilage", "cartilage"));   /* the first letter */
	assert_true(near("cartilagw", "cartilages"));  /* of a beginning */
	assert_true(near("cartileg", "cartilage"));    /* typed halfway */
	assert_true(near("cartilages", "cartilage"));  /* one more at the end */
	assert_false(near("cartil", "cartilage"));     /* exact beginning */
	assert_false(near("cartelege", "cartilage"));  /* two edits */
	assert_false(near("tracilage", "cartilage"));
	assert_true(search_fuzzy_word("tendo", 5));
	assert_false(search_fuzzy_word("tend", 4));
	assert_false(search_fuzzy_word("\xc3\xa7ok", 4)); /* 3 letters */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_typo_is_near),
		cmocka_unit_test(test_fold_drops_case_and_accents),
		cmocka_unit_test(test_fold_words_split_on_punctuation),
		cmocka_unit_test(test_titles_rank_first),
		cmocka_unit_test(test_accents_and_case_do_not_matter),
		cmocka_unit_test(test_spelling_variant_from_glossary_alias),
		cmocka_unit_test(test_variant_phrase_is_highlighted_whole),
		cmocka_unit_test(test_acronym_finds_plural),
		cmocka_unit_test(test_glossary_entry_listed_once),
		cmocka_unit_test(test_empty_and_missing_queries),
		cmocka_unit_test(test_inner_spaces_are_folded),
		cmocka_unit_test(test_words_are_found_by_their_beginning),
		cmocka_unit_test(test_words_need_not_be_next_to_each_other),
		cmocka_unit_test(test_hit_text_gives_section_and_needle),
		cmocka_unit_test(test_max_limits_kept_hits_not_total),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
