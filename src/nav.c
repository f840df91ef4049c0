/* nav: see nav.h. */
#include "nav.h"

#include <stdlib.h>
#include <string.h>

#include "glossary.h"
#include "library.h"
#include "reader.h"
#include "xmem.h"

void nav_push(struct nav *n, struct view v)
{
	if (n->n == NAV_MAX) {
		memmove(n->hist, n->hist + 1, (n->n - 1) * sizeof *n->hist);
		n->n--;
	}
	xgrow(&n->hist, &n->cap, n->n + 1, sizeof *n->hist);
	n->hist[n->n++] = v;
}

bool nav_pop(struct nav *n, struct view *v)
{
	if (n->n == 0)
		return false;
	*v = n->hist[--n->n];
	return true;
}

void nav_clear(struct nav *n)
{
	n->n = 0;
}

void nav_free(struct nav *n)
{
	free(n->hist);
	memset(n, 0, sizeof *n);
}

static char *dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

int nav_open(struct reader *rd, const struct place *at)
{
	if (rd->lib == NULL || at->article < 0 ||
	    (size_t)at->article >= rd->lib->narticles)
		return -1;
	/* The place's strings may live in the layout the open frees. */
	char *section = dup_or_null(at->section);
	char *fragment = dup_or_null(at->fragment);
	char *find = dup_or_null(at->find);
	char *term = dup_or_null(at->term);
	int r = reader_open(rd, at->article);
	if (r == 0) {
		/* The pane first: at 100 columns and more it narrows the
		 * text, and the seeks below land in the final layout. */
		reader_show_term(rd, term);
		if (at->has_pos)
			reader_seek(rd, at->block, at->block_off);
		if (section != NULL)
			reader_seek_section(rd, section, at->delta);
		if (find != NULL)
			reader_find(rd, find, at->find_scroll);
		reader_seek_fragment(rd, fragment);
	}
	free(section);
	free(fragment);
	free(find);
	free(term);
	return r;
}

long nav_same_article(const struct library *lib, const struct library *old,
		      long i)
{
	if (i < 0 || (size_t)i >= old->narticles)
		return -1;
	const struct article *a = library_find(lib, old->articles[i].id);
	return a != NULL ? (long)(a - lib->articles) : -1;
}

int nav_reload(struct nav *n, struct reader *rd, size_t *home_sel,
		const struct library *lib, const struct library *old)
{
	long sel = nav_same_article(lib, old, (long)*home_sel);
	*home_sel = sel >= 0 ? (size_t)sel : 0;
	size_t k = 0;
	for (size_t i = 0; i < n->n; i++) {
		struct view v = n->hist[i];
		if (v.screen == SCREEN_ARTICLE) {
			v.article = nav_same_article(lib, old, v.article);
			if (v.article < 0)
				continue;
		}
		if (v.screen == SCREEN_HOME) {
			long hs = nav_same_article(lib, old, (long)v.home_sel);
			v.home_sel = hs >= 0 ? (size_t)hs : 0;
		}
		n->hist[k++] = v;
	}
	n->n = k;

	if (!reader_is_open(rd)) {
		reader_set_library(rd, lib, -1);
		return NAV_KEPT;
	}
	long cur = nav_same_article(lib, old, rd->article);
	if (cur < 0) {
		reader_close(rd);
		rd->lib = lib;
		return NAV_GONE;
	}
	/* What to come back to, copied: it lives in the old layout and
	 * glossary. */
	char *term = rd->pane.open && !rd->pane.is_link
			     ? xstrdup(glossary_entry_at(old->glossary,
							 rd->pane.entry)->term)
			     : NULL;
	const struct article *na = &lib->articles[cur];
	const struct article *oa = &old->articles[rd->article];
	bool same = na->text != NULL && oa->text != NULL &&
		    na->len == oa->len &&
		    memcmp(na->text, oa->text, na->len) == 0 &&
		    strcmp(na->title, oa->title) == 0;
	bool ok = true;
	if (same) {
		reader_set_library(rd, lib, cur);
		reader_show_term(rd, term);
	} else {
		const char *t;
		size_t delta = 0;
		char *title = reader_where(rd, &t, &delta) ? xstrdup(t) : NULL;
		struct place at = {.article = cur, .has_pos = true,
				   .section = title, .delta = delta,
				   .term = term};
		reader_position(rd, &at.block, &at.block_off);
		rd->lib = lib;
		ok = nav_open(rd, &at) == 0;
		free(title);
	}
	free(term);
	return ok ? NAV_KEPT : NAV_UNREADABLE;
}
