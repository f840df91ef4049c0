/* screen_search: see screen_search.h. */
#include "screen_search.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "field.h"
#include "i18n.h"
#include "glossary.h"
#include "library.h"
#include "search.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

#define MAX_HITS 200

/* The words a person reads on this screen. */
#define S_TITLE N_("Search")
#define S_PROMPT N_("Search: ")
#define S_EMPTY N_("Type a word, for example: cells. Results appear as you type.")
#define S_NONE N_("Nothing found. Try a shorter or another word.")
#define S_SOME N_("%zu results (first %zu shown)")
/* and, with ngettext where drawn: "%zu result", "%zu results" */
#define S_GLOSSARY N_("Glossary: %s")
#define S_IN_TOPIC N_("Article in %s")
#define S_ARTICLE N_("Article")

/* Rows of the list: from row 4 to the key bar, two per result. */
#define BODY_Y 4
static int slots(const struct ui *u)
{
	int n = (u->rows - 1 - BODY_Y) / 2;
	return n < 1 ? 1 : n;
}

static void drop_uses(struct srch_state *s)
{
	search_hits_free(s->uses, s->nuses);
	s->uses = NULL;
	s->nuses = 0;
}

void srch_reset(struct srch_state *s, bool keep_query)
{
	search_hits_free(s->hits, s->nhits);
	s->hits = NULL;
	s->nhits = s->total = 0;
	s->lv = (struct listview){0};
	s->stale = true;
	drop_uses(s);
	if (!keep_query) {
		s->query[0] = '\0';
		s->qcur = 0;
	}
}

void srch_free(struct srch_state *s)
{
	srch_reset(s, false);
}

void srch_enter(struct srch_state *s)
{
	s->stale = true;
}

bool srch_char(struct srch_state *s, wint_t ch, bool keycode)
{
	enum field_result r =
		field_edit(s->query, sizeof s->query, &s->qcur, ch, keycode);
	if (r == FIELD_IGNORED)
		return false;
	if (r != FIELD_CHANGED)
		return true;
	s->stale = true;
	s->lv = (struct listview){0};
	return true;
}

void srch_prepare(struct srch_state *s, const struct ui *u)
{
	if (s->stale && (s->query[0] != '\0' || u->index != NULL) &&
	    u->index != NULL) {
		search_hits_free(s->hits, s->nhits);
		s->total = search_run(u->index, s->query, &s->hits, &s->nhits,
				      MAX_HITS);
		s->stale = false;
		if (s->lv.sel >= s->nhits)
			s->lv.sel = 0;
	} else if (s->stale && s->query[0] == '\0') {
		/* Nothing to find yet: the screen shows at once, and the
		 * index is built after it. */
		s->stale = false;
	}
	listview_follow(&s->lv, 2, slots(u) * 2);
	for (int i = 0; i < slots(u); i++) {
		size_t k = s->lv.top / 2 + (size_t)i;
		if (k >= s->nhits)
			break;
		search_hit_text(u->index, &s->hits[k]);
	}
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
	col += draw_text(y, x + col, mid, w - col, theme_ui(UI_MATCH), false);
	draw_text(y, x + col, text + ms + ml, w - col, at, true);
	free(pre);
	free(mid);
}

void srch_draw(const struct srch_state *s, const struct ui *u)
{
	const struct library *lib = u->lib;
	ui_bars(u, _(S_TITLE), NULL, CTX_SEARCH);
	int cols = u->cols;
	int x = draw_text(1, 1, _(S_PROMPT), cols - 2, A_BOLD, false) + 1;
	field_draw(1, x, cols - x - 1, s->query, s->qcur, theme_ui(UI_TEXT));
	char count[96];
	if (s->query[0] == '\0')
		snprintf(count, sizeof count, "%s", _(S_EMPTY));
	else if (s->total == 0)
		snprintf(count, sizeof count, "%s", _(S_NONE));
	else if (s->total > s->nhits)
		/* TRANSLATORS: results found, then how many are listed */
		snprintf(count, sizeof count, _(S_SOME), s->total, s->nhits);
	else
		snprintf(count, sizeof count,
			 ngettext("%zu result", "%zu results",
				  (unsigned long)s->total),
			 s->total);
	draw_text(2, 1, count, cols - 2, theme_ui(UI_DIM), true);
	char cue[128];
	if (listview_cue(&s->lv, s->nhits, 2, slots(u) * 2, cue, sizeof cue))
		draw_text(3, 1, cue, cols - 2, theme_ui(UI_TEXT), true);
	size_t top = listview_top(&s->lv, 2, slots(u) * 2) / 2;
	for (int i = 0; i < slots(u); i++) {
		size_t k = top + (size_t)i;
		if (k >= s->nhits)
			break;
		const struct search_hit *h = &s->hits[k];
		int y = BODY_Y + 2 * i;
		bool sel = k == s->lv.sel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		if (sel) {
			draw_fill(y, 1, cols - 2, at);
			if (y + 1 < u->rows - 1)
				draw_fill(y + 1, 1, cols - 2, at);
		}
		char where[512];
		if (h->kind == SEARCH_TERM || h->kind == SEARCH_DEFINITION)
			snprintf(where, sizeof where, _(S_GLOSSARY),
				 glossary_entry_at(lib->glossary, h->owner)->term);
		else if (h->section != NULL && h->kind != SEARCH_TITLE)
			snprintf(where, sizeof where, "%s > %s",
				 lib->articles[h->owner].title, h->section);
		else if (lib->articles[h->owner].topic[0] != '\0')
			snprintf(where, sizeof where, _(S_IN_TOPIC),
				 lib->articles[h->owner].topic);
		else
			snprintf(where, sizeof where, "%s", _(S_ARTICLE));
		draw_text(y, 2, where, cols - 4, theme_bold(at), true);
		if (h->text != NULL && y + 1 < u->rows - 1)
			draw_snippet(y + 1, 4, cols - 6, h->text, h->mstart,
				     h->mlen, at);
	}
}

/* The place of the selected hit.  A glossary hit opens the first place
 * an article uses the term, with its explanation open beside it. */
static struct outcome open_hit(struct srch_state *s, const struct ui *u)
{
	if (s->lv.sel >= s->nhits)
		return outcome_repaint();
	struct search_hit *h = &s->hits[s->lv.sel];
	search_hit_text(u->index, h);
	if (h->kind == SEARCH_TERM || h->kind == SEARCH_DEFINITION) {
		const char *term =
			glossary_entry_at(u->lib->glossary, h->owner)->term;
		drop_uses(s);
		search_run(u->index, term, &s->uses, &s->nuses, 64);
		struct search_hit *use = NULL;
		for (size_t i = 0; i < s->nuses && use == NULL; i++)
			if (s->uses[i].kind == SEARCH_TEXT ||
			    s->uses[i].kind == SEARCH_HEADING)
				use = &s->uses[i];
		struct place at = {.article = 0, .term = term};
		if (use != NULL) {
			search_hit_text(u->index, use);
			at.article = (long)use->owner;
			at.section = use->section;
			at.find = use->needle;
			at.find_scroll = true;
		}
		return outcome_open(at);
	}
	bool title = h->kind == SEARCH_TITLE;
	struct place at = {.article = (long)h->owner,
			   .section = title ? NULL : h->section,
			   .find = h->needle,
			   .find_scroll = !title};
	return outcome_open(at);
}

struct outcome srch_key(struct srch_state *s, const struct ui *u,
			enum action act)
{
	int n = slots(u);
	size_t page = n > 1 ? (size_t)n - 1 : 1;
	if (listview_key(&s->lv, act, s->nhits, page, 2, n * 2))
		return outcome_repaint();
	switch (act) {
	case ACT_OPEN:
		return open_hit(s, u);
	case ACT_BACK:
		return outcome_request(REQ_BACK);
	default:
		return outcome_repaint();
	}
}

struct outcome srch_mouse(struct srch_state *s, const struct ui *u,
			  const MEVENT *ev)
{
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || ev->y < BODY_Y)
		return outcome_repaint();
	long k = listview_hit(&s->lv, ev->y - BODY_Y, s->nhits, 2, slots(u) * 2);
	if (k < 0)
		return outcome_repaint();
	s->lv.sel = (size_t)k;
	return open_hit(s, u);
}
