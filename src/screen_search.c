/*
 * screen_search: see screen_search.h.
 *
 * The results are made again only when the query changed (hits_stale),
 * from an index built when the search screen is first shown (after its
 * first paint, search_prepare) and dropped on a reload; the text of a
 * result is found only when it is drawn or opened.
 */
#include "screen_search.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "field.h"
#include "fold.h"
#include "glossary.h"
#include "screen_article.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

#define MAX_HITS 200

void search_forget(struct app *a, bool keep_query)
{
	search_free(a->search);
	a->search = NULL;
	search_hits_free(a->hits, a->nhits);
	a->hits = NULL;
	a->nhits = a->total_hits = 0;
	a->search_sel = a->search_top = 0;
	a->hits_stale = true;
	if (!keep_query)
		a->query[0] = '\0';
}

void search_open(struct app *a)
{
	if (a->view == VIEW_SEARCH)
		return;
	app_push(a);
	a->view = VIEW_SEARCH;
	a->hits_stale = true;
}

void search_prepare(struct app *a)
{
	/* The word list's "Appears in" places come from the index too. */
	if ((a->view == VIEW_SEARCH || a->view == VIEW_GLOSSARY) &&
	    a->search == NULL)
		a->search = search_build(a->lib);
}

static void refresh_hits(struct app *a)
{
	if (!a->hits_stale)
		return;
	if (a->query[0] == '\0' && a->search == NULL) {
		/* Nothing to find yet: the screen shows at once, and the
		 * index is built after it (search_prepare). */
		a->hits_stale = false;
		return;
	}
	if (a->search == NULL)
		a->search = search_build(a->lib);
	search_hits_free(a->hits, a->nhits);
	a->total_hits = search_run(a->search, a->query, &a->hits, &a->nhits,
				   MAX_HITS);
	a->hits_stale = false;
	if (a->search_sel >= a->nhits)
		a->search_sel = 0;
}

bool search_char(struct app *a, wint_t ch, bool keycode)
{
	if (!field_type(a->query, sizeof a->query, ch, keycode) &&
	    !field_erase(a->query, ch, keycode))
		return false;
	a->hits_stale = true;
	a->search_sel = a->search_top = 0;
	return true;
}

/* Paints text[0..len) with the match [ms, ms+ml) highlighted, at most w
 * columns, starting a little before the match when it is far in. */
static void draw_snippet(int y, int x, int w, const char *text, size_t ms,
			 size_t ml, attr_t at)
{
	size_t len = strlen(text);
	if (ms > len)
		ms = len;
	if (ms + ml > len)
		ml = len - ms;
	size_t from = 0;
	size_t before = text_width(text, ms);
	if (before > (size_t)w / 3) {
		/* Start at a word about a third of the width before it. */
		size_t want = before - (size_t)w / 3;
		size_t skip = text_fit(text, ms, want, NULL);
		while (skip < ms && text[skip] != ' ')
			skip++;
		from = skip < ms ? skip + 1 : ms;
	}
	int col = 0;
	if (from > 0)
		col += draw_text(y, x, draw_glyph(GLYPH_ELLIPSIS), w, at, false);
	char *pre = xstrndup(text + from, ms - from);
	char *mid = xstrndup(text + ms, ml);
	col += draw_text(y, x + col, pre, w - col, at, false);
	col += draw_text(y, x + col, mid, w - col, at | A_REVERSE | A_BOLD, false);
	draw_text(y, x + col, text + ms + ml, w - col, at, true);
	free(pre);
	free(mid);
}

void search_draw(struct app *a)
{
	refresh_hits(a);
	app_draw_bars(a, "Search", NULL, CTX_SEARCH);
	int rows = app_rows(), cols = app_cols();
	int x = draw_text(1, 1, "Search: ", cols - 2, A_BOLD, false) + 1;
	x += draw_text(1, x, a->query, cols - x - 2, theme_ui(UI_TEXT), false);
	draw_text(1, x, "_", 1, A_BLINK, false);
	char count[96];
	if (a->query[0] == '\0')
		snprintf(count, sizeof count,
			 "Type a word, for example: cells. Results appear as "
			 "you type.");
	else if (a->total_hits == 0)
		snprintf(count, sizeof count, "Nothing found. Try a shorter "
					      "or another word.");
	else if (a->total_hits > a->nhits)
		snprintf(count, sizeof count, "%zu results (first %zu shown)",
			 a->total_hits, a->nhits);
	else
		snprintf(count, sizeof count, "%zu result%s", a->total_hits,
			 a->total_hits == 1 ? "" : "s");
	draw_text(2, 1, count, cols - 2, theme_ui(UI_DIM), true);
	int body_y = 4, slots = (rows - 1 - body_y) / 2;
	if (slots < 1)
		slots = 1;
	if (a->search_sel < a->search_top)
		a->search_top = a->search_sel;
	if (a->search_sel >= a->search_top + (size_t)slots)
		a->search_top = a->search_sel - (size_t)slots + 1;
	for (int i = 0; i < slots; i++) {
		size_t k = a->search_top + (size_t)i;
		if (k >= a->nhits)
			break;
		struct search_hit *h = &a->hits[k];
		search_hit_text(a->search, h);
		int y = body_y + 2 * i;
		bool sel = k == a->search_sel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		if (sel) {
			draw_fill(y, 1, cols - 2, at);
			draw_fill(y + 1, 1, cols - 2, at);
		}
		char where[512];
		if (h->kind == SEARCH_TERM || h->kind == SEARCH_DEFINITION)
			snprintf(where, sizeof where, "Glossary: %s",
				 glossary_entry_at(a->lib->glossary, h->owner)->term);
		else if (h->section != NULL && h->kind != SEARCH_TITLE)
			snprintf(where, sizeof where, "%s > %s",
				 a->lib->articles[h->owner].title, h->section);
		else if (a->lib->articles[h->owner].topic[0] != '\0')
			snprintf(where, sizeof where, "Article in %s",
				 a->lib->articles[h->owner].topic);
		else
			snprintf(where, sizeof where, "Article");
		draw_text(y, 2, where, cols - 4, at | A_BOLD, true);
		draw_snippet(y + 1, 4, cols - 6, h->text, h->mstart, h->mlen, at);
	}
}

/* Opens the selected hit. */
static void open_hit(struct app *a)
{
	if (a->search_sel >= a->nhits)
		return;
	struct search_hit *h = &a->hits[a->search_sel];
	search_hit_text(a->search, h);
	if (h->kind == SEARCH_TERM || h->kind == SEARCH_DEFINITION) {
		/* The first place an article uses the term, with its
		 * explanation open beside it. */
		char *term = xstrdup(
			glossary_entry_at(a->lib->glossary, h->owner)->term);
		struct search_hit *hits;
		size_t n;
		search_run(a->search, term, &hits, &n, 64);
		struct search_hit *use = NULL;
		for (size_t i = 0; i < n && use == NULL; i++)
			if (hits[i].kind == SEARCH_TEXT ||
			    hits[i].kind == SEARCH_HEADING)
				use = &hits[i];
		if (use != NULL)
			search_hit_text(a->search, use);
		app_open_article(a, use != NULL ? (long)use->owner : 0, NULL);
		if (a->view == VIEW_ARTICLE) {
			if (use != NULL) {
				if (use->section != NULL)
					reader_seek_section(&a->rd, use->section, 0);
				free(a->rd.find);
				a->rd.find = xstrdup(use->needle);
				a->rd.find_pending = true;
			}
			reader_show_term(a, term);
		}
		search_hits_free(hits, n);
		free(term);
		return;
	}
	char *needle = xstrdup(h->needle);
	char *section = h->section != NULL ? xstrdup(h->section) : NULL;
	enum search_kind kind = h->kind;
	app_open_article(a, (long)h->owner, NULL);
	if (a->view == VIEW_ARTICLE && kind != SEARCH_TITLE) {
		if (section != NULL)
			reader_seek_section(&a->rd, section, 0);
		free(a->rd.find);
		a->rd.find = needle;
		a->rd.find_pending = true;
		needle = NULL;
	} else if (a->view == VIEW_ARTICLE) {
		free(a->rd.find);
		a->rd.find = needle;
		needle = NULL;
	}
	free(needle);
	free(section);
}

void search_key(struct app *a, enum action act)
{
	refresh_hits(a);
	size_t n = a->nhits;
	int slots = (app_rows() - 5) / 2;
	size_t page = slots > 1 ? (size_t)slots - 1 : 1;
	if (keys_list_move(act, &a->search_sel, n, page))
		return;
	switch (act) {
	case ACT_OPEN:
		open_hit(a);
		break;
	case ACT_BACK:
		app_back(a);
		break;
	default:
		break;
	}
}

void search_mouse(struct app *a, const MEVENT *ev)
{
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || ev->y < 4)
		return;
	size_t k = a->search_top + (size_t)((ev->y - 4) / 2);
	if (k < a->nhits) {
		a->search_sel = k;
		open_hit(a);
	}
}
