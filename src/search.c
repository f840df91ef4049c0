/*
 * search: see search.h.
 *
 * A unit is one searchable piece of text: its folded form is kept in the
 * index; its original text is found again only for the hits that are
 * shown, by walking the article once more (units_of gives the same units
 * in the same order every time), which keeps the index at one folded copy
 * of the text.
 */
#include "search.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "article.h"
#include "fold.h"
#include "glossary.h"
#include "library.h"
#include "node_text.h"
#include "text.h"
#include "xmem.h"

struct unit {
	uint8_t kind;     /* enum search_kind */
	uint32_t owner;   /* article or glossary entry */
	uint32_t number;  /* unit number inside its owner */
	char *folded;     /* owned */
	size_t flen;
};

struct search_index {
	const struct library *lib;
	struct unit *u;
	size_t n, cap;
};

/* Called for each unit of an article: kind, section title, plain text. */
typedef void (*unit_fn)(void *ctx, enum search_kind kind, const char *section,
			const char *text, size_t len);

/* The units of one article, in order: its title, then for each heading
 * and each paragraph or code block one unit. */
static void units_of(const struct article *a, cmark_node *doc, unit_fn fn,
		     void *ctx)
{
	fn(ctx, SEARCH_TITLE, NULL, a->title, strlen(a->title));
	if (doc == NULL)
		return;
	char *section = xstrdup("Introduction");
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (t != CMARK_NODE_HEADING && t != CMARK_NODE_PARAGRAPH &&
		    t != CMARK_NODE_CODE_BLOCK)
			continue;
		size_t len;
		char *text = node_text(n, SIZE_MAX, &len);
		if (t == CMARK_NODE_HEADING) {
			if (cmark_node_get_heading_level(n) <= 3) {
				free(section);
				section = xstrdup(text);
			}
			fn(ctx, SEARCH_HEADING, section, text, len);
		} else if (len > 0) {
			fn(ctx, SEARCH_TEXT, section, text, len);
		}
		free(text);
	}
	cmark_iter_free(it);
	free(section);
}

struct add_ctx {
	struct search_index *ix;
	uint32_t owner;
	uint32_t number;
};

static void add_unit(struct search_index *ix, enum search_kind kind,
		     uint32_t owner, uint32_t number, const char *text,
		     size_t len)
{
	xgrow(&ix->u, &ix->cap, ix->n + 1, sizeof *ix->u);
	struct unit *u = &ix->u[ix->n++];
	u->kind = (uint8_t)kind;
	u->owner = owner;
	u->number = number;
	u->folded = fold_text(text, len, &u->flen, NULL);
}

static void on_unit(void *vctx, enum search_kind kind, const char *section,
		    const char *text, size_t len)
{
	(void)section;
	struct add_ctx *c = vctx;
	add_unit(c->ix, kind, c->owner, c->number++, text, len);
}

struct search_index *search_build(const struct library *lib)
{
	struct search_index *ix = xcalloc(1, sizeof *ix);
	ix->lib = lib;
	for (size_t i = 0; i < lib->narticles; i++) {
		struct diag_list d = {0};
		cmark_node *doc = article_parse(&lib->articles[i], &d);
		diag_list_clear(&d);
		struct add_ctx c = {ix, (uint32_t)i, 0};
		units_of(&lib->articles[i], doc, on_unit, &c);
		if (doc != NULL)
			cmark_node_free(doc);
	}
	size_t ng = glossary_count(lib->glossary);
	for (size_t i = 0; i < ng; i++) {
		const struct glossary_entry *e = glossary_entry_at(lib->glossary, i);
		add_unit(ix, SEARCH_TERM, (uint32_t)i, 0, e->term, strlen(e->term));
		for (size_t k = 0; k < e->naliases; k++)
			add_unit(ix, SEARCH_TERM, (uint32_t)i, (uint32_t)(k + 1),
				 e->aliases[k], strlen(e->aliases[k]));
		add_unit(ix, SEARCH_DEFINITION, (uint32_t)i, 0, e->definition,
			 strlen(e->definition));
	}
	return ix;
}

void search_free(struct search_index *ix)
{
	if (ix == NULL)
		return;
	for (size_t i = 0; i < ix->n; i++)
		free(ix->u[i].folded);
	free(ix->u);
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
	const struct glossary *g = ix->lib->glossary;
	size_t ng = glossary_count(g);
	for (size_t e = 0; e < ng && *nn < max; e++) {
		const struct glossary_entry *en = glossary_entry_at(g, e);
		size_t k = en->naliases + 1;
		char *f[64];
		size_t fl[64];
		if (k > 64)
			k = 64;
		for (size_t i = 0; i < k; i++) {
			const char *name = i == 0 ? en->term : en->aliases[i - 1];
			f[i] = fold_query(name, &fl[i]);
		}
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
		for (size_t i = 0; i < k; i++)
			free(f[i]);
	}
}

struct found {
	size_t unit;
	size_t pos;    /* in the folded text */
	size_t needle; /* which needle */
};

/* qsort has no context argument in standard C: the index being sorted
 * for is kept here for the length of one search_run. */
static const struct search_index *sort_ix;

static int cmp_found(const void *x, const void *y)
{
	const struct search_index *ix = sort_ix;
	const struct found *a = x, *b = y;
	const struct unit *ua = &ix->u[a->unit], *ub = &ix->u[b->unit];
	if (ua->kind != ub->kind)
		return ua->kind < ub->kind ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}


/* Finds the original text of unit number `number` of article a again. */
struct refind {
	uint32_t want, number;
	char *section, *text;
	size_t len;
};

static void on_refind(void *vctx, enum search_kind kind, const char *section,
		      const char *text, size_t len)
{
	(void)kind;
	struct refind *r = vctx;
	if (r->number++ != r->want || r->text != NULL)
		return;
	r->section = section != NULL ? xstrdup(section) : NULL;
	r->text = xstrndup(text, len);
	r->len = len;
}

/* Maps a folded match back to the original text. */
static void locate(const char *text, size_t len, const char *needle,
		   size_t nlen, size_t *start, size_t *mlen)
{
	size_t fl;
	uint32_t *map;
	char *f = fold_text(text, len, &fl, &map);
	const char *hit = nlen > 0 ? find_bytes(f, fl, needle, nlen) : NULL;
	if (hit == NULL) {
		*start = 0;
		*mlen = 0;
	} else {
		size_t s = (size_t)(hit - f), e = s + nlen;
		*start = map[s];
		/* The end: the start of the code point after the match. */
		*mlen = (e < fl ? map[e] : len) - map[s];
	}
	free(f);
	free(map);
}

size_t search_run(const struct search_index *ix, const char *query,
		  struct search_hit **hits, size_t *nhits, size_t max)
{
	*hits = NULL;
	*nhits = 0;
	size_t ql;
	char *q = fold_query(query, &ql);
	if (ql == 0) {
		free(q);
		return 0;
	}
	/* Needles: the query, and its spellings in other names of glossary
	 * entries (variants_of). */
	char *needles[64];
	size_t nl[64], nn = 0;
	needles[nn] = q;
	nl[nn++] = ql;
	variants_of(ix, q, ql, needles, nl, &nn, 64);
	struct found *found = NULL;
	size_t nf = 0, capf = 0;
	for (size_t u = 0; u < ix->n; u++) {
		const struct unit *un = &ix->u[u];
		for (size_t k = 0; k < nn; k++) {
			const char *h = find_bytes(un->folded, un->flen, needles[k], nl[k]);
			if (h != NULL) {
				xgrow(&found, &capf, nf + 1, sizeof *found);
				found[nf++] = (struct found){u, (size_t)(h - un->folded), k};
				break;
			}
		}
	}
	sort_ix = ix;
	if (nf > 0)
		qsort(found, nf, sizeof *found, cmp_found);
	/* A glossary entry is listed once, by its best name. */
	size_t keep = nf < max ? nf : max;
	struct search_hit *out = xcalloc(keep + 1, sizeof *out);
	size_t no = 0;
	for (size_t i = 0; i < nf && no < keep; i++) {
		const struct unit *un = &ix->u[found[i].unit];
		bool dup = false;
		for (size_t j = 0; j < no && !dup; j++)
			dup = (un->kind == SEARCH_TERM ||
			       un->kind == SEARCH_DEFINITION) &&
			      (out[j].kind == SEARCH_TERM ||
			       out[j].kind == SEARCH_DEFINITION) &&
			      out[j].owner == un->owner;
		if (dup)
			continue;
		struct search_hit *h = &out[no++];
		h->kind = (enum search_kind)un->kind;
		h->owner = un->owner;
		h->unit = un->number;
		h->needle = xstrdup(needles[found[i].needle]);
		if (un->kind == SEARCH_TERM || un->kind == SEARCH_DEFINITION) {
			const struct glossary_entry *g =
				glossary_entry_at(ix->lib->glossary, un->owner);
			const char *t = un->kind == SEARCH_DEFINITION ? g->definition
				      : un->number == 0 ? g->term
							: g->aliases[un->number - 1];
			size_t cl;
			h->text = text_sanitize(t, strlen(t), &cl);
			for (size_t c = 0; c < cl; c++)
				if (h->text[c] == '\n' || h->text[c] == '\t')
					h->text[c] = ' ';
			locate(h->text, cl, h->needle, strlen(h->needle),
			       &h->mstart, &h->mlen);
			continue;
		}
		const struct article *a = &ix->lib->articles[un->owner];
		struct diag_list d = {0};
		cmark_node *doc = un->number > 0 ? article_parse(a, &d) : NULL;
		diag_list_clear(&d);
		struct refind r = {un->number, 0, NULL, NULL, 0};
		units_of(a, doc, on_refind, &r);
		if (doc != NULL)
			cmark_node_free(doc);
		h->section = r.section;
		h->text = r.text != NULL ? r.text : xstrdup("");
		locate(h->text, r.len, h->needle, strlen(h->needle), &h->mstart,
		       &h->mlen);
	}
	/* The total counts each glossary entry once, as the list does. */
	size_t total = 0, ng = glossary_count(ix->lib->glossary);
	bool *seen = xcalloc(ng + 1, sizeof *seen);
	for (size_t i = 0; i < nf; i++) {
		const struct unit *un = &ix->u[found[i].unit];
		if (un->kind == SEARCH_TERM || un->kind == SEARCH_DEFINITION) {
			if (un->owner < ng && seen[un->owner])
				continue;
			if (un->owner < ng)
				seen[un->owner] = true;
		}
		total++;
	}
	free(seen);
	free(found);
	for (size_t k = 0; k < nn; k++)
		free(needles[k]);
	*hits = out;
	*nhits = no;
	return total;
}

void search_hits_free(struct search_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].section);
		free(hits[i].text);
		free(hits[i].needle);
	}
	free(hits);
}
