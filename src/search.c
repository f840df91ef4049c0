/*
 * search: see search.h.
 *
 * Units are numbered 0..nunits in build order: each article's units (its
 * title, then its headings and paragraphs, as units_of gives them), then
 * each glossary entry's (term, aliases, definition).  For each unit the
 * index keeps its owner and its section (u_owner, u_section) and its kind
 * (one bitmap of units per kind); a unit's number inside its owner is its
 * id minus the owner's first id.
 *
 * Words: the distinct folded words of all units, sorted, in one block of
 * text (words, word_off); a prefix is one range of that order (binary
 * search).  Each word has its postings, the units it occurs in: a sorted
 * list of ids when it is rare, a bitmap of all units when it occurs in at
 * least one unit in 32 (the bitmap is then no larger than the list; a
 * word that was that frequent part way through the build stays one).  A
 * query word is the union of the postings of the words it begins, a query
 * the intersection of its words, a query with other spellings the union
 * of those: all as bitmaps of units, then read in rank order through the
 * kind bitmaps.
 *
 * The index holds no text: search_hit_text (search_text.c) parses the
 * hit's article again (search_units_of gives the same units in the same
 * order every time) and finds the match in the unit's text.
 *
 * Sizes (bench/search_bench, 10,000 generated articles of 8 KB): the index
 * keeps about 11 MB; building it takes about 1 s, most of it parsing the
 * articles again, and 18 MB more at its peak; a letter typed takes well
 * under 1 ms.
 */
#include "search.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "article.h"
#include "fold.h"
#include "glossary.h"
#include "library.h"
#include "node_text.h"
#include "text.h"
#include "xmem.h"

#include "search_index.h"

/* ---- building ---- */

/* A word while building: its text in the arena and its units, as a
 * growing list until it is frequent, then as a bitmap (so the build never
 * holds long lists: a list of n ids takes as much as a bitmap of 32 n
 * units). */
struct bword {
	uint32_t off, len;   /* in the build arena */
	uint32_t hash;       /* hash_word of it */
	uint32_t last;       /* the last unit added + 1, 0 for none */
	uint32_t *ids;       /* owned; units, increasing; or NULL */
	uint64_t *bits;      /* owned; bitmap of cap_units units; or NULL */
	uint32_t n, cap;     /* units; elements allocated in ids */
};

/* A list longer than this becomes a bitmap when it is dense. */
#define BUILD_LIST_MIN 1024

struct builder {
	struct search_index *ix;
	size_t cap_units;
	char *arena;         /* the words' text */
	size_t alen, acap;
	struct bword *w;
	size_t nw, capw;
	uint32_t *slot;      /* hash table of word index + 1, 0 empty */
	size_t nslots;
	uint32_t unit;       /* the unit being added */
	uint32_t *dense;     /* owned; indexes of the words kept as bitmaps */
	size_t ndense, capdense;
};

static size_t bitmap_words(size_t nunits)
{
	return nunits / 64 + 1;
}

static uint32_t hash_word(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static void rehash(struct builder *b)
{
	size_t ns = b->nslots ? b->nslots * 2 : 4096;
	uint32_t *slot = xcalloc(ns, sizeof *slot);
	for (size_t i = 0; i < b->nw; i++) {
		size_t h = b->w[i].hash & (ns - 1);
		while (slot[h] != 0)
			h = (h + 1) & (ns - 1);
		slot[h] = (uint32_t)i + 1;
	}
	free(b->slot);
	b->slot = slot;
	b->nslots = ns;
}

/* fold_word_fn: adds the current unit to the word's postings. */
static void on_word(void *ctx, const char *word, size_t wlen, size_t start,
		    size_t end)
{
	(void)start;
	(void)end;
	struct builder *b = ctx;
	if (wlen == 0)
		return;
	if (2 * (b->nw + 1) > b->nslots)
		rehash(b);
	uint32_t hash = hash_word(word, wlen);
	size_t h = hash & (b->nslots - 1);
	struct bword *w = NULL;
	while (b->slot[h] != 0) {
		struct bword *c = &b->w[b->slot[h] - 1];
		if (c->hash == hash && c->len == wlen &&
		    memcmp(b->arena + c->off, word, wlen) == 0) {
			w = c;
			break;
		}
		h = (h + 1) & (b->nslots - 1);
	}
	if (w == NULL) {
		xgrow(&b->arena, &b->acap, b->alen + wlen, 1);
		memcpy(b->arena + b->alen, word, wlen);
		xgrow(&b->w, &b->capw, b->nw + 1, sizeof *b->w);
		w = &b->w[b->nw];
		*w = (struct bword){(uint32_t)b->alen, (uint32_t)wlen, hash, 0,
				    NULL, NULL, 0, 0};
		b->alen += wlen;
		b->slot[h] = (uint32_t)++b->nw;
	}
	uint32_t u = b->unit;
	if (w->last == u + 1)
		return; /* already in this unit */
	w->last = u + 1;
	if (w->bits != NULL) {
		w->bits[u / 64] |= (uint64_t)1 << (u % 64);
		w->n++;
		return;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 4;
		w->ids = xreallocarray(w->ids, w->cap, sizeof *w->ids);
	}
	w->ids[w->n++] = u;
	if (w->n >= BUILD_LIST_MIN && (size_t)w->n * 32 >= b->ix->nunits) {
		w->bits = xcalloc(bitmap_words(b->cap_units), sizeof *w->bits);
		for (uint32_t k = 0; k < w->n; k++)
			w->bits[w->ids[k] / 64] |= (uint64_t)1 << (w->ids[k] % 64);
		free(w->ids);
		w->ids = NULL;
		w->cap = 0;
		xgrow(&b->dense, &b->capdense, b->ndense + 1, sizeof *b->dense);
		b->dense[b->ndense++] = (uint32_t)(w - b->w);
	}
}

/* Adds one unit of the given kind, owner and section, with its words. */
static void add_unit(struct builder *b, enum search_kind kind, uint32_t owner,
		     uint32_t section, const char *text, size_t len)
{
	struct search_index *ix = b->ix;
	if (ix->nunits == b->cap_units) {
		size_t old = bitmap_words(b->cap_units);
		b->cap_units = b->cap_units ? b->cap_units * 2 : 1024;
		size_t nw = bitmap_words(b->cap_units);
		for (size_t i = 0; i < b->ndense; i++) {
			struct bword *w = &b->w[b->dense[i]];
			w->bits = xreallocarray(w->bits, nw, sizeof *w->bits);
			memset(w->bits + old, 0, (nw - old) * sizeof *w->bits);
		}
		ix->u_owner = xreallocarray(ix->u_owner, b->cap_units,
					    sizeof *ix->u_owner);
		ix->u_section = xreallocarray(ix->u_section, b->cap_units,
					      sizeof *ix->u_section);
		ix->u_kind = xreallocarray(ix->u_kind, b->cap_units,
					   sizeof *ix->u_kind);
	}
	b->unit = (uint32_t)ix->nunits;
	ix->u_owner[ix->nunits] = owner;
	ix->u_section[ix->nunits] = section;
	ix->u_kind[ix->nunits] = (uint8_t)kind;
	ix->nunits++;
	fold_words(text, len, on_word, b);
}

struct art_ctx {
	struct builder *b;
	uint32_t owner;
};

static void on_article_unit(void *vctx, enum search_kind kind, uint32_t number,
			    uint32_t section, const char *text, size_t len)
{
	(void)number;
	struct art_ctx *c = vctx;
	add_unit(c->b, kind, c->owner, section, text, len);
}

/* The query folded, trimmed, inner white space as one space. */
static char *fold_query(const char *q, size_t *len)
{
	size_t fl;
	char *f = fold_text(q, strlen(q), &fl, NULL);
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < fl; i++) {
		char c = f[i];
		if (c == ' ' || c == '\t' || c == '\n') {
			space = o > 0;
			continue;
		}
		if (space)
			f[o++] = ' ';
		space = false;
		f[o++] = c;
	}
	f[o] = '\0';
	*len = o;
	return f;
}

/* qsort has no context argument in standard C: the builder being sorted
 * for is kept here for the length of one search_build. */
static const struct builder *sort_b;

static int cmp_word(const void *x, const void *y)
{
	const struct bword *a = &sort_b->w[*(const uint32_t *)x];
	const struct bword *b = &sort_b->w[*(const uint32_t *)y];
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(sort_b->arena + a->off, sort_b->arena + b->off, n);
	if (c != 0)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* Sorts the words and turns the lists into final postings. */
static void finish(struct builder *b)
{
	struct search_index *ix = b->ix;
	ix->nw64 = (ix->nunits + 63) / 64;
	for (size_t k = 0; k < NKINDS; k++)
		ix->kind_bits[k] = xcalloc(ix->nw64 + 1, sizeof(uint64_t));
	for (size_t u = 0; u < ix->nunits; u++)
		ix->kind_bits[ix->u_kind[u]][u / 64] |= (uint64_t)1 << (u % 64);
	uint32_t *order = xcalloc(b->nw + 1, sizeof *order);
	for (size_t i = 0; i < b->nw; i++)
		order[i] = (uint32_t)i;
	sort_b = b;
	qsort(order, b->nw, sizeof *order, cmp_word);
	sort_b = NULL;
	ix->nwords = b->nw;
	ix->words = xmalloc(b->alen + 1);
	ix->word_off = xcalloc(b->nw + 1, sizeof *ix->word_off);
	ix->post = xcalloc(b->nw + 1, sizeof *ix->post);
	size_t o = 0;
	for (size_t i = 0; i < b->nw; i++) {
		struct bword *w = &b->w[order[i]];
		memcpy(ix->words + o, b->arena + w->off, w->len);
		ix->word_off[i] = (uint32_t)o;
		o += w->len;
		struct posting *p = &ix->post[i];
		p->n = w->n;
		if (w->bits != NULL) {
			/* Cut to the final number of units (the bits past
			 * nunits are 0). */
			p->bits = xreallocarray(w->bits, ix->nw64 + 1,
						sizeof *p->bits);
			w->bits = NULL;
		} else if ((size_t)w->n * 32 >= ix->nunits) {
			p->bits = xcalloc(ix->nw64 + 1, sizeof *p->bits);
			for (uint32_t k = 0; k < w->n; k++)
				p->bits[w->ids[k] / 64] |= (uint64_t)1 << (w->ids[k] % 64);
			free(w->ids);
		} else {
			p->ids = xreallocarray(w->ids, w->n, sizeof *w->ids);
		}
		w->ids = NULL;
	}
	ix->word_off[b->nw] = (uint32_t)o;
	ix->words[o] = '\0';
	free(order);
}

struct search_index *search_build(const struct library *lib)
{
	struct search_index *ix = xcalloc(1, sizeof *ix);
	ix->lib = lib;
	struct builder b = {.ix = ix};
	ix->art_first = xcalloc(lib->narticles + 1, sizeof *ix->art_first);
	for (size_t i = 0; i < lib->narticles; i++) {
		ix->art_first[i] = (uint32_t)ix->nunits;
		struct diag_list d = {0};
		cmark_node *doc = article_parse(&lib->articles[i], &d);
		diag_list_clear(&d);
		struct art_ctx c = {&b, (uint32_t)i};
		search_units_of(&lib->articles[i], doc, on_article_unit, &c);
		if (doc != NULL)
			cmark_node_free(doc);
	}
	ix->gl_start = ix->nunits;
	size_t ng = glossary_count(lib->glossary);
	ix->gl_first = xcalloc(ng + 1, sizeof *ix->gl_first);
	ix->name_first = xcalloc(ng + 1, sizeof *ix->name_first);
	size_t nnames = 0;
	for (size_t i = 0; i < ng; i++) {
		const struct glossary_entry *e = glossary_entry_at(lib->glossary, i);
		ix->gl_first[i] = (uint32_t)ix->nunits;
		add_unit(&b, SEARCH_TERM, (uint32_t)i, 0, e->term, strlen(e->term));
		for (size_t k = 0; k < e->naliases; k++)
			add_unit(&b, SEARCH_TERM, (uint32_t)i, 0, e->aliases[k],
				 strlen(e->aliases[k]));
		add_unit(&b, SEARCH_DEFINITION, (uint32_t)i, 0, e->definition,
			 strlen(e->definition));
		nnames += 1 + e->naliases;
	}
	/* Each entry's names, folded once for the variants of a query. */
	ix->names = xcalloc(nnames + 1, sizeof *ix->names);
	size_t k = 0;
	for (size_t i = 0; i < ng; i++) {
		const struct glossary_entry *e = glossary_entry_at(lib->glossary, i);
		ix->name_first[i] = k;
		size_t len;
		ix->names[k++] = fold_query(e->term, &len);
		for (size_t j = 0; j < e->naliases; j++)
			ix->names[k++] = fold_query(e->aliases[j], &len);
	}
	ix->name_first[ng] = k;
	finish(&b);
	free(b.arena);
	free(b.w);
	free(b.slot);
	free(b.dense);
	return ix;
}

void search_free(struct search_index *ix)
{
	if (ix == NULL)
		return;
	for (size_t i = 0; i < ix->nwords; i++) {
		free(ix->post[i].ids);
		free(ix->post[i].bits);
	}
	size_t ng = glossary_count(ix->lib->glossary);
	for (size_t i = 0; ix->name_first != NULL && i < ix->name_first[ng]; i++)
		free(ix->names[i]);
	for (size_t k = 0; k < NKINDS; k++)
		free(ix->kind_bits[k]);
	free(ix->names);
	free(ix->name_first);
	free(ix->post);
	free(ix->words);
	free(ix->word_off);
	free(ix->u_owner);
	free(ix->u_section);
	free(ix->u_kind);
	free(ix->art_first);
	free(ix->gl_first);
	free(ix);
}

/* ---- queries ---- */

/* First occurrence of needle in hay (memmem is not standard C). */
static const char *find_bytes(const char *hay, size_t hl, const char *needle,
			      size_t nl)
{
	if (nl == 0 || nl > hl)
		return NULL;
	const char *end = hay + hl - nl + 1;
	for (const char *p = hay; p < end;) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, nl) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Adds needle (taking ownership) unless it is there already. */
static void add_needle(char **needles, size_t *nl, size_t *nn, size_t max,
		       char *needle, size_t len)
{
	for (size_t i = 0; i < *nn; i++)
		if (nl[i] == len && memcmp(needles[i], needle, len) == 0) {
			free(needle);
			return;
		}
	if (*nn >= max || len == 0) {
		free(needle);
		return;
	}
	needles[*nn] = needle;
	nl[(*nn)++] = len;
}

/*
 * Other spellings of the query taken from the glossary: when one name of
 * an entry contains the query, and another name of the same entry is the
 * same text but for one differing stretch inside the query's span
 * ("paracrine signalling" / "paracrine signaling"), the query with that
 * stretch replaced is a needle too: "signalling" also finds "signaling".
 * A query that is a whole name also finds the entry's other names.
 */
static void variants_of(const struct search_index *ix, const char *q,
			size_t ql, char **needles, size_t *nl, size_t *nn,
			size_t max)
{
	size_t ng = glossary_count(ix->lib->glossary);
	for (size_t e = 0; e < ng && *nn < max; e++) {
		char *const *f = ix->names + ix->name_first[e];
		size_t k = ix->name_first[e + 1] - ix->name_first[e];
		if (k < 2)
			continue;
		if (k > 64)
			k = 64;
		size_t fl[64];
		for (size_t i = 0; i < k; i++)
			fl[i] = strlen(f[i]);
		for (size_t i = 0; i < k; i++) {
			const char *at = find_bytes(f[i], fl[i], q, ql);
			if (at == NULL)
				continue;
			size_t qs = (size_t)(at - f[i]), qe = qs + ql;
			for (size_t j = 0; j < k; j++) {
				if (j == i)
					continue;
				if (qs == 0 && qe == fl[i]) {
					/* The query is a whole name. */
					add_needle(needles, nl, nn, max,
						   xstrndup(f[j], fl[j]), fl[j]);
					continue;
				}
				size_t p = 0, sfx = 0;
				while (p < fl[i] && p < fl[j] && f[i][p] == f[j][p])
					p++;
				while (sfx < fl[i] - p && sfx < fl[j] - p &&
				       f[i][fl[i] - 1 - sfx] == f[j][fl[j] - 1 - sfx])
					sfx++;
				size_t di = fl[i] - sfx; /* differing: [p, di) */
				if (p < qs || di > qe || (p == di && fl[i] == fl[j]))
					continue;
				size_t dj = fl[j] - sfx;
				size_t len = (p - qs) + (dj - p) + (qe - di);
				char *v = xmalloc(len + 1);
				memcpy(v, q, p - qs);
				memcpy(v + (p - qs), f[j] + p, dj - p);
				memcpy(v + (p - qs) + (dj - p), q + (di - qs), qe - di);
				v[len] = '\0';
				add_needle(needles, nl, nn, max, v, len);
			}
		}
	}
}

/* The spellings of a folded query: itself first, then its variants.
 * Returns how many (the strings are owned by the caller). */
size_t search_needles_of(const struct search_index *ix, const char *q,
			 size_t ql, char **needles)
{
	size_t nl[MAX_NEEDLES], nn = 0;
	needles[nn] = xstrndup(q, ql);
	nl[nn++] = ql;
	variants_of(ix, q, ql, needles, nl, &nn, MAX_NEEDLES);
	return nn;
}

void search_query_word(void *ctx, const char *word, size_t wlen,
		       size_t start, size_t end)
{
	struct wordlist *l = ctx;
	xgrow(&l->buf, &l->cap, l->len + wlen + 1, 1);
	memcpy(l->buf + l->len, word, wlen);
	l->buf[l->len + wlen] = '\0';
	l->len += wlen + 1;
	if (l->n < 16) {
		l->start[l->n] = start;
		l->end[l->n] = end;
	}
	l->n++;
}

/* The range [*lo, *hi) of words that begin with p (pl bytes). */
static void prefix_range(const struct search_index *ix, const char *p,
			 size_t pl, size_t *lo, size_t *hi)
{
	size_t a = 0, b = ix->nwords;
	while (a < b) { /* first word >= p */
		size_t m = a + (b - a) / 2;
		size_t wl = ix->word_off[m + 1] - ix->word_off[m];
		size_t n = wl < pl ? wl : pl;
		int c = memcmp(ix->words + ix->word_off[m], p, n);
		if (c < 0 || (c == 0 && wl < pl))
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = ix->nwords;
	while (a < b) { /* first word that does not begin with p */
		size_t m = a + (b - a) / 2;
		size_t wl = ix->word_off[m + 1] - ix->word_off[m];
		if (wl >= pl && memcmp(ix->words + ix->word_off[m], p, pl) == 0)
			a = m + 1;
		else
			b = m;
	}
	*hi = a;
}

/* out = the units with a word that begins with p. */
/* The units of one word's posting, added to the bitmap out. */
static void or_posting(const struct search_index *ix,
		       const struct posting *po, uint64_t *out)
{
	if (po->bits != NULL) {
		for (size_t i = 0; i < ix->nw64; i++)
			out[i] |= po->bits[i];
	} else {
		for (uint32_t k = 0; k < po->n; k++)
			out[po->ids[k] / 64] |= (uint64_t)1 << (po->ids[k] % 64);
	}
}

static void units_with_prefix(const struct search_index *ix, const char *p,
			      size_t pl, uint64_t *out)
{
	memset(out, 0, ix->nw64 * sizeof *out);
	size_t lo, hi;
	prefix_range(ix, p, pl, &lo, &hi);
	for (size_t w = lo; w < hi; w++) {
		or_posting(ix, &ix->post[w], out);
	}
}

static bool starts(const char *w, size_t wl, const char *p, size_t pl)
{
	return pl <= wl && memcmp(w, p, pl) == 0;
}

bool search_near(const char *q, size_t ql, const char *w, size_t wl)
{
	size_t i = 0;
	while (i < ql && i < wl && q[i] == w[i])
		i++;
	if (i == ql)
		return false; /* a beginning of w: not a typo */
	const char *qr = q + i + 1, *wr = w + i + 1;
	size_t qn = ql - i - 1;
	if (i < wl && starts(wr, wl - i - 1, qr, qn))
		return true; /* q[i] changed */
	if (starts(w + i, wl - i, qr, qn))
		return true; /* q[i] added */
	if (i < wl && starts(wr, wl - i - 1, q + i, ql - i))
		return true; /* w[i] left out */
	return i + 1 < ql && i + 1 < wl && q[i] == w[i + 1] &&
	       q[i + 1] == w[i] &&
	       starts(w + i + 2, wl - i - 2, q + i + 2, ql - i - 2);
}

bool search_fuzzy_word(const char *q, size_t ql)
{
	size_t letters = 0;
	for (size_t i = 0; i < ql; i++)
		if (((unsigned char)q[i] & 0xc0) != 0x80)
			letters++;
	return letters >= SEARCH_FUZZY_MIN;
}

/* out |= the units with a word one typo away from p (search_near).  The
 * words are scanned whole: cheap checks first. */
static void units_near(const struct search_index *ix, const char *p, size_t pl,
		       uint64_t *out)
{
	for (size_t w = 0; w < ix->nwords; w++) {
		size_t wl = ix->word_off[w + 1] - ix->word_off[w];
		const char *ws = ix->words + ix->word_off[w];
		if (wl + 1 < pl)
			continue;
		/* one edit leaves the first or the second letter in place */
		if (ws[0] != p[0] && ws[0] != p[1] && ws[1] != p[0] &&
		    ws[1] != p[1])
			continue;
		if (!search_near(p, pl, ws, wl))
			continue;
		or_posting(ix, &ix->post[w], out);
	}
}

/* res |= the units that have every word of needle (as word prefixes);
 * with fuzzy, a word of SEARCH_FUZZY_MIN letters or more may also be one
 * typo away. */
static void add_needle_units(const struct search_index *ix, const char *needle,
			     bool fuzzy, uint64_t *res, uint64_t *acc,
			     uint64_t *tmp)
{
	struct wordlist wl = {0};
	fold_words(needle, strlen(needle), search_query_word, &wl);
	const char *w = wl.buf;
	for (size_t i = 0; i < wl.n; i++) {
		size_t len = strlen(w);
		units_with_prefix(ix, w, len, i == 0 ? acc : tmp);
		if (fuzzy && search_fuzzy_word(w, len))
			units_near(ix, w, len, i == 0 ? acc : tmp);
		if (i > 0)
			for (size_t k = 0; k < ix->nw64; k++)
				acc[k] &= tmp[k];
		w += len + 1;
	}
	if (wl.n > 0)
		for (size_t k = 0; k < ix->nw64; k++)
			res[k] |= acc[k];
	free(wl.buf);
}

static int popcount64(uint64_t x)
{
	return __builtin_popcountll(x);
}

size_t search_run(const struct search_index *ix, const char *query,
		  struct search_hit **hits, size_t *nhits, size_t max)
{
	*hits = NULL;
	*nhits = 0;
	size_t ql;
	char *q = fold_query(query, &ql);
	if (ql == 0 || ix->nunits == 0) {
		free(q);
		return 0;
	}
	char *needles[MAX_NEEDLES];
	size_t nn = search_needles_of(ix, q, ql, needles);
	uint64_t *res = xcalloc(4 * ix->nw64 + 1, sizeof *res);
	uint64_t *acc = res + ix->nw64, *tmp = acc + ix->nw64;
	uint64_t *near = tmp + ix->nw64;
	for (size_t k = 0; k < nn; k++)
		add_needle_units(ix, needles[k], false, res, acc, tmp);
	/* One typo: the query itself (not its glossary variants), ranked
	 * after every exact match. */
	if (nn > 0)
		add_needle_units(ix, needles[0], true, near, acc, tmp);
	for (size_t k = 0; k < nn; k++)
		free(needles[k]);
	for (size_t i = 0; i < ix->nw64; i++)
		near[i] &= ~res[i];
	/* In rank order: kind by kind, units in library order.  A glossary
	 * entry is listed and counted once, by its best name. */
	size_t ng = glossary_count(ix->lib->glossary);
	bool *seen = xcalloc(ng + 1, sizeof *seen);
	struct search_hit *out = xcalloc(max + 1, sizeof *out);
	size_t no = 0, total = 0;
	for (size_t pass = 0; pass < 2 * NKINDS; pass++) {
		size_t kind = pass % NKINDS;
		const uint64_t *set = pass < NKINDS ? res : near;
		bool glossary = kind == SEARCH_TERM || kind == SEARCH_DEFINITION;
		size_t from = glossary ? ix->gl_start / 64 : 0;
		for (size_t i = from; i < ix->nw64; i++) {
			uint64_t m = set[i] & ix->kind_bits[kind][i];
			if (m == 0)
				continue;
			if (!glossary && no >= max) {
				total += (size_t)popcount64(m);
				continue;
			}
			while (m != 0) {
				size_t u = i * 64 + (size_t)__builtin_ctzll(m);
				m &= m - 1;
				uint32_t owner = ix->u_owner[u];
				if (glossary) {
					if (seen[owner])
						continue;
					seen[owner] = true;
				}
				total++;
				if (no >= max)
					continue;
				struct search_hit *h = &out[no++];
				h->kind = (enum search_kind)kind;
				h->owner = owner;
				h->unit = u - (glossary ? ix->gl_first[owner]
							: ix->art_first[owner]);
				h->section_unit = ix->u_section[u];
				h->query = xstrndup(q, ql);
			}
		}
	}
	free(seen);
	free(res);
	free(q);
	if (no == 0) {
		free(out);
		out = NULL;
	}
	*hits = out;
	*nhits = no;
	return total;
}

void search_hits_free(struct search_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].query);
		free(hits[i].section);
		free(hits[i].text);
		free(hits[i].needle);
	}
	free(hits);
}
