/*
 * search_text: the units of an article, and the text of a search hit
 * found again from them (see search.h, search_index.h).
 */
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
#include "search_index.h"
#include "text.h"
#include "xmem.h"

/* ---- the units of an article ---- */


void search_units_of(const struct article *a, cmark_node *doc, unit_fn fn,
		     void *ctx)
{
	fn(ctx, SEARCH_TITLE, 0, 0, a->title, strlen(a->title));
	const char *desc = a->description != NULL ? a->description : "";
	fn(ctx, SEARCH_TITLE, 1, 0, desc, strlen(desc));
	if (doc == NULL)
		return;
	char *buf = NULL;
	size_t cap = 0;
	uint32_t number = 2, section = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (!node_is_text_unit(n))
			continue;
		size_t len = node_literals(n, SIZE_MAX, &buf, &cap);
		if (t == CMARK_NODE_HEADING) {
			if (cmark_node_get_heading_level(n) <= 3)
				section = number;
			fn(ctx, SEARCH_HEADING, number++, section, buf, len);
		} else if (len > 0) {
			fn(ctx, SEARCH_TEXT, number++, section, buf, len);
		}
		/* Its inlines are in the unit already. */
		cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	free(buf);
}

/* ---- the text of a hit ---- */

/* Finds the text of unit number `want` of an article again, and the
 * title of its section. */
struct refind {
	uint32_t want;
	char *section;       /* owned; the current section's heading */
	uint32_t section_at; /* its unit number */
	char *text;          /* owned; the unit's text */
	size_t len;
	bool found;
};

static void on_refind(void *vctx, enum search_kind kind, uint32_t number,
		      uint32_t section, const char *text, size_t len)
{
	struct refind *r = vctx;
	if (r->found)
		return;
	if (kind == SEARCH_HEADING && section == number) {
		free(r->section);
		r->section = text_one_line(text, len, NULL);
		r->section_at = number;
	}
	if (number != r->want)
		return;
	r->found = true;
	r->text = text_one_line(text, len, &r->len);
	if (section == 0 || r->section_at != section || kind == SEARCH_TITLE) {
		free(r->section);
		r->section = kind == SEARCH_TITLE ? NULL : xstrdup("Introduction");
	}
}

/* A word of a unit's text: where it is and its folded form. */
struct tword {
	size_t start, end;  /* in the text */
	size_t foff, flen;  /* in the folded words */
};

struct tlist {
	struct tword *w;
	size_t n, cap;
	char *f;
	size_t flen, fcap;
};

static void on_text_word(void *ctx, const char *word, size_t wlen,
			 size_t start, size_t end)
{
	struct tlist *l = ctx;
	xgrow(&l->w, &l->cap, l->n + 1, sizeof *l->w);
	xgrow(&l->f, &l->fcap, l->flen + wlen + 1, 1);
	memcpy(l->f + l->flen, word, wlen);
	l->w[l->n++] = (struct tword){start, end, l->flen, wlen};
	l->flen += wlen;
}

/* Where in text the word w begins with the folded prefix p (pl bytes):
 * the end, in text, of the code points that fold to the prefix. */
static size_t prefix_end(const char *text, const struct tword *w, size_t pl)
{
	size_t fl;
	uint32_t *map;
	char *f = fold_text(text + w->start, w->end - w->start, &fl, &map);
	size_t e = pl < fl ? w->start + map[pl] : w->end;
	free(f);
	free(map);
	return e;
}

static bool begins(const struct tlist *t, size_t i, const char *p, size_t pl)
{
	return t->w[i].flen >= pl && memcmp(t->f + t->w[i].foff, p, pl) == 0;
}

/* Finds needle's words in text: the first place where they follow each
 * other (every word whole but the last, which may be begun); unless
 * phrase, else the first word of the needle found anywhere.  Returns
 * false when none. */
static bool locate(const char *text, size_t len, const char *needle,
		   bool phrase, size_t *ms, size_t *ml)
{
	struct tlist t = {0};
	fold_words(text, len, on_text_word, &t);
	struct wordlist q = {0};
	fold_words(needle, strlen(needle), search_query_word, &q);
	bool ok = false;
	const char *qw[16];
	size_t qn = q.n < 16 ? q.n : 16, qlen[16];
	const char *p = q.buf;
	for (size_t i = 0; i < qn; i++) {
		qw[i] = p;
		qlen[i] = strlen(p);
		p += qlen[i] + 1;
	}
	for (size_t i = 0; qn > 0 && i + qn <= t.n && !ok; i++) {
		size_t k = 0;
		while (k + 1 < qn && t.w[i + k].flen == qlen[k] &&
		       memcmp(t.f + t.w[i + k].foff, qw[k], qlen[k]) == 0)
			k++;
		if (k + 1 == qn && begins(&t, i + k, qw[k], qlen[k])) {
			*ms = t.w[i].start;
			*ml = prefix_end(text, &t.w[i + k], qlen[k]) - *ms;
			ok = true;
		}
	}
	for (size_t k = 0; k < qn && !ok && !phrase; k++)
		for (size_t i = 0; i < t.n && !ok; i++)
			if (begins(&t, i, qw[k], qlen[k])) {
				*ms = t.w[i].start;
				*ml = prefix_end(text, &t.w[i], qlen[k]) - *ms;
				ok = true;
			}
	/* A word one typo away: the whole word is the match. */
	for (size_t k = 0; k < qn && !ok && !phrase; k++)
		for (size_t i = 0; i < t.n && !ok; i++)
			if (search_fuzzy_word(qw[k], qlen[k]) &&
			    search_near(qw[k], qlen[k], t.f + t.w[i].foff,
					t.w[i].flen)) {
				*ms = t.w[i].start;
				*ml = t.w[i].end - t.w[i].start;
				ok = true;
			}
	free(t.w);
	free(t.f);
	free(q.buf);
	return ok;
}

void search_hit_text(const struct search_index *ix, struct search_hit *h)
{
	if (h->text != NULL)
		return;
	size_t len = 0;
	if (h->kind == SEARCH_TERM || h->kind == SEARCH_DEFINITION) {
		const struct glossary_entry *g =
			glossary_entry_at(ix->lib->glossary, h->owner);
		const char *t = h->kind == SEARCH_DEFINITION ? g->definition
			      : h->unit == 0 ? g->term
					     : g->aliases[h->unit - 1];
		h->text = text_one_line(t, strlen(t), &len);
	} else {
		const struct article *a = &ix->lib->articles[h->owner];
		struct diag_list d = {0};
		cmark_node *doc = h->unit > 0 ? article_parse(a, &d) : NULL;
		diag_list_clear(&d);
		struct refind r = {.want = (uint32_t)h->unit};
		search_units_of(a, doc, on_refind, &r);
		if (doc != NULL)
			cmark_node_free(doc);
		h->section = r.found ? r.section : NULL;
		if (!r.found)
			free(r.section);
		h->text = r.text != NULL ? r.text : xstrdup("");
		len = r.len;
	}
	/* The first spelling of the query that is in the text as a phrase,
	 * else the first word of one found in it. */
	char *needles[MAX_NEEDLES];
	size_t nn = search_needles_of(ix, h->query, strlen(h->query), needles);
	bool found = false;
	for (int pass = 0; pass < 2 && !found; pass++)
		for (size_t k = 0; k < nn && !found; k++)
			found = locate(h->text, len, needles[k], pass == 0,
				       &h->mstart, &h->mlen);
	for (size_t k = 0; k < nn; k++)
		free(needles[k]);
	if (!found)
		h->mstart = h->mlen = 0;
	size_t fl;
	h->needle = found && h->mlen > 0
			    ? fold_text(h->text + h->mstart, h->mlen, &fl, NULL)
			    : xstrdup(h->query);
}
