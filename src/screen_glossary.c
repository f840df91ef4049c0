/*
 * screen_glossary: see screen_glossary.h.
 *
 * The list is a sorted array of entry indexes, made again when the filter
 * changes; the places a term appears come from the search index.
 */
#include "screen_glossary.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "collate.h"
#include "draw.h"
#include "field.h"
#include "fold.h"
#include "i18n.h"
#include "glossary.h"
#include "layout.h"
#include "library.h"
#include "search.h"
#include "theme.h"
#include "xmem.h"

/* The words a person reads on this screen. */
#define S_TITLE N_("Words explained")
#define S_PROMPT N_("Find a word: ")
/* and, with ngettext where drawn: "%zu word, A to Z. Enter: explain." */
#define S_NO_MATCH N_("No word matches. Try fewer letters.")
#define S_APPEARS N_("Appears in (Enter opens it there):")
#define S_UNUSED N_("No article uses this word yet.")
#define S_INTRO N_("Introduction")

#define LIST_Y 4

static int list_h(const struct ui *u)
{
	int n = u->rows - 1 - LIST_Y;
	return n < 1 ? 1 : n;
}

static void drop_places(struct words_state *s)
{
	search_hits_free(s->places, s->nplaces);
	s->places = NULL;
	s->nplaces = s->place_sel = 0;
}

static void drop_terms(struct words_state *s)
{
	for (size_t i = 0; i < s->nterms; i++)
		free(s->plain[i]);
	free(s->plain);
	free(s->terms);
	s->plain = NULL;
	s->terms = NULL;
	s->nterms = 0;
}

void words_reset(struct words_state *s)
{
	drop_terms(s);
	s->lv = (struct listview){0};
	s->stale = true;
	drop_places(s);
	layout_free(s->def);
	s->def = NULL;
	s->detail = false;
	s->filter[0] = '\0';
	s->fcur = 0;
}

void words_free(struct words_state *s)
{
	words_reset(s);
}

void words_enter(struct words_state *s)
{
	s->detail = false;
	s->stale = true;
}

/* For sorting: the glossary and its language (collate.h: Turkish ç
 * after c, ı before i). */
static const struct glossary *sort_g;
static const char *sort_lang;

static int cmp_entry(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = collate_cmp(sort_lang, glossary_entry_at(sort_g, a)->term,
			    glossary_entry_at(sort_g, b)->term);
	return c != 0 ? c : (a < b ? -1 : a > b);
}

static bool contains(const char *hay, const char *needle)
{
	return needle[0] == '\0' || strstr(hay, needle) != NULL;
}

static void refresh_terms(struct words_state *s, const struct glossary *g,
			  const char *lang)
{
	size_t n = glossary_count(g), fl;
	char *filter = fold_text(s->filter, strlen(s->filter), &fl, NULL);
	char **keys = xcalloc(n + 1, sizeof *keys);
	drop_terms(s);
	s->terms = xcalloc(n + 1, sizeof *s->terms);
	for (size_t i = 0; i < n; i++) {
		const struct glossary_entry *e = glossary_entry_at(g, i);
		keys[i] = fold_text(e->term, strlen(e->term), &fl, NULL);
		bool ok = contains(keys[i], filter);
		for (size_t k = 0; !ok && k < e->naliases; k++) {
			char *f = fold_text(e->aliases[k], strlen(e->aliases[k]),
					    &fl, NULL);
			ok = contains(f, filter);
			free(f);
		}
		if (ok)
			s->terms[s->nterms++] = i;
	}
	sort_g = g;
	sort_lang = lang;
	qsort(s->terms, s->nterms, sizeof *s->terms, cmp_entry);
	sort_g = NULL;
	/* The first line of each definition, as plain text. */
	s->plain = xcalloc(s->nterms + 1, sizeof *s->plain);
	for (size_t k = 0; k < s->nterms; k++) {
		char *d = xstrdup(glossary_entry_at(g, s->terms[k])->definition);
		for (char *p = d; *p; p++)
			if (*p == '\n' || *p == '*' || *p == '_')
				*p = ' ';
		s->plain[k] = d;
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(filter);
	s->stale = false;
	if (s->lv.sel >= s->nterms)
		s->lv.sel = 0;
}

bool words_char(struct words_state *s, wint_t ch, bool keycode)
{
	if (s->detail)
		return false;
	enum field_result r =
		field_edit(s->filter, sizeof s->filter, &s->fcur, ch, keycode);
	if (r == FIELD_IGNORED)
		return false;
	if (r != FIELD_CHANGED)
		return true;
	s->stale = true;
	s->lv = (struct listview){0};
	return true;
}

/* The places the selected term appears: one per article section. */
static void find_places(struct words_state *s, const struct ui *u)
{
	drop_places(s);
	if (u->index == NULL)
		return;
	const struct glossary_entry *e =
		glossary_entry_at(u->lib->glossary, s->terms[s->lv.sel]);
	struct search_hit *hits;
	size_t n;
	search_run(u->index, e->term, &hits, &n, 500);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool use = hits[i].kind == SEARCH_TEXT ||
			   hits[i].kind == SEARCH_HEADING;
		for (size_t j = 0; use && j < k; j++)
			if (hits[j].owner == hits[i].owner &&
			    hits[j].section_unit == hits[i].section_unit)
				use = false;
		if (!use)
			continue;
		struct search_hit tmp = hits[k];
		hits[k] = hits[i];
		hits[i] = tmp;
		k++;
	}
	/* Free what was not kept, keep the first k. */
	for (size_t i = k; i < n; i++) {
		free(hits[i].query);
		free(hits[i].section);
		free(hits[i].text);
		free(hits[i].needle);
	}
	s->places = hits;
	s->nplaces = k;
}

/* Rows of the detail view: the definition from row 3, at most def_max
 * lines, the "Also called" line, then the places from *places_y. */
static int def_lines(const struct words_state *s, const struct ui *u)
{
	int max_def = (u->rows - 6) / 2;
	if (s->def == NULL)
		return 0;
	return (int)s->def->nlines < max_def ? (int)s->def->nlines : max_def;
}

static int places_y(const struct words_state *s, const struct ui *u,
		    const struct glossary_entry *e)
{
	int y = 3 + def_lines(s, u);
	char *also = glossary_also(e);
	if (also != NULL) {
		y += 2;
		free(also);
	}
	return y + 2;
}

static size_t places_first(const struct words_state *s, int slots)
{
	return slots > 0 && s->place_sel >= (size_t)slots
		       ? s->place_sel - (size_t)slots + 1
		       : 0;
}

void words_prepare(struct words_state *s, const struct ui *u)
{
	if (s->stale)
		refresh_terms(s, u->lib->glossary, u->lib->lang);
	listview_follow(&s->lv, 1, list_h(u));
	if (!s->detail || s->lv.sel >= s->nterms)
		return;
	size_t entry = s->terms[s->lv.sel];
	if (s->def == NULL || s->def_cols != u->cols || s->def_entry != entry) {
		const struct glossary_entry *e =
			glossary_entry_at(u->lib->glossary, entry);
		cmark_node *doc = article_parse_markdown(e->definition,
							 strlen(e->definition));
		struct layout_options o = {.width = u->cols - 4 > 1 ? u->cols - 4 : 1,
					   .ascii = draw_ascii(),
					   .glossary = u->lib->glossary,
					   .skip_entry = (long)entry,
					   .mark_all = true};
		layout_free(s->def);
		s->def = layout_build(doc, &o);
		cmark_node_free(doc);
		s->def_cols = u->cols;
		s->def_entry = entry;
	}
	int y = places_y(s, u, glossary_entry_at(u->lib->glossary, entry));
	int slots = u->rows - 1 - y;
	size_t first = places_first(s, slots);
	for (int i = 0; i < slots && first + (size_t)i < s->nplaces; i++)
		search_hit_text(u->index, &s->places[first + (size_t)i]);
}

static void draw_list(const struct words_state *s, const struct ui *u)
{
	const struct glossary *g = u->lib->glossary;
	int cols = u->cols;
	int x = draw_text(1, 1, _(S_PROMPT), cols - 2, A_BOLD, false) + 1;
	field_draw(1, x, cols - x - 1, s->filter, s->fcur, theme_ui(UI_TEXT));
	char count[64];
	snprintf(count, sizeof count,
		 ngettext("%zu word, A to Z. Enter: explain.",
			  "%zu words, A to Z. Enter: explain.",
			  (unsigned long)s->nterms),
		 s->nterms);
	draw_text(2, 1, s->nterms > 0 ? count : _(S_NO_MATCH), cols - 2,
		  theme_ui(UI_DIM), true);
	int slots = list_h(u);
	char cue[128];
	if (listview_cue(&s->lv, s->nterms, 1, slots, cue, sizeof cue))
		draw_text(3, 1, cue, cols - 2, theme_ui(UI_TEXT), true);
	size_t top = listview_top(&s->lv, 1, slots);
	int termw = cols / 3 > 30 ? 30 : cols / 3;
	for (int i = 0; i < slots && top + (size_t)i < s->nterms; i++) {
		size_t k = top + (size_t)i;
		const struct glossary_entry *e = glossary_entry_at(g, s->terms[k]);
		bool sel = k == s->lv.sel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		if (sel)
			draw_fill(LIST_Y + i, 1, cols - 2, at);
		draw_text(LIST_Y + i, 2, e->term, termw - 1, theme_bold(at), true);
		draw_text(LIST_Y + i, 2 + termw, s->plain[k], cols - termw - 4,
			  sel ? at : theme_ui(UI_DIM), true);
	}
}

static void draw_detail(const struct words_state *s, const struct ui *u)
{
	const struct library *lib = u->lib;
	int cols = u->cols;
	const struct glossary_entry *e =
		glossary_entry_at(lib->glossary, s->terms[s->lv.sel]);
	draw_text(1, 1, e->term, cols - 2, theme_ui(UI_PANE_TITLE), true);
	int y = 3, n = def_lines(s, u);
	for (int i = 0; i < n; i++)
		draw_line(y++, 2, &s->def->lines[i], cols - 4, -1);
	char *also = glossary_also(e);
	if (also != NULL) {
		draw_text(++y, 2, also, cols - 4, theme_ui(UI_DIM), true);
		free(also);
		y++;
	}
	y++;
	draw_text(y++, 2, s->nplaces > 0 ? _(S_APPEARS) : _(S_UNUSED), cols - 4,
		  theme_ui(UI_TOPIC), true);
	int slots = u->rows - 1 - y;
	size_t first = places_first(s, slots);
	for (int i = 0; i < slots && first + (size_t)i < s->nplaces; i++) {
		size_t k = first + (size_t)i;
		const struct search_hit *h = &s->places[k];
		bool sel = k == s->place_sel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		char where[512];
		snprintf(where, sizeof where, "%s > %s",
			 lib->articles[h->owner].title,
			 h->section != NULL ? h->section : _(S_INTRO));
		if (sel)
			draw_fill(y + i, 2, cols - 4, at);
		draw_text(y + i, 4, where, cols - 6, at, true);
	}
}

void words_draw(const struct words_state *s, const struct ui *u)
{
	ui_bars(u, _(S_TITLE), NULL, CTX_GLOSSARY);
	if (s->detail && s->lv.sel < s->nterms)
		draw_detail(s, u);
	else
		draw_list(s, u);
}

/* Opens the article at the chosen place, the term explained beside it. */
static struct outcome open_place(struct words_state *s, const struct ui *u)
{
	if (s->place_sel >= s->nplaces || s->lv.sel >= s->nterms)
		return outcome_repaint();
	struct search_hit *h = &s->places[s->place_sel];
	search_hit_text(u->index, h);
	struct place at = {
		.article = (long)h->owner,
		.section = h->section,
		.find = h->needle,
		.find_scroll = true,
		.term = glossary_entry_at(u->lib->glossary, s->terms[s->lv.sel])->term};
	return outcome_open(at);
}

static struct outcome show_term(struct words_state *s, const struct ui *u)
{
	if (s->lv.sel < s->nterms) {
		s->detail = true;
		find_places(s, u);
	}
	return outcome_repaint();
}

struct outcome words_key(struct words_state *s, const struct ui *u,
			 enum action act)
{
	size_t page = u->rows > 8 ? (size_t)u->rows - 7 : 1;
	if (s->detail) {
		if (keys_list_move(act, &s->place_sel, s->nplaces, page))
			return outcome_repaint();
	} else if (listview_key(&s->lv, act, s->nterms, page, 1, list_h(u))) {
		return outcome_repaint();
	}
	switch (act) {
	case ACT_OPEN:
		return s->detail ? open_place(s, u) : show_term(s, u);
	case ACT_BACK:
		if (!s->detail)
			return outcome_request(REQ_BACK);
		s->detail = false;
		return outcome_repaint();
	default:
		return outcome_repaint();
	}
}

struct outcome words_mouse(struct words_state *s, const struct ui *u,
			   const MEVENT *ev)
{
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || s->detail ||
	    ev->y < LIST_Y)
		return outcome_repaint();
	long k = listview_hit(&s->lv, ev->y - LIST_Y, s->nterms, 1, list_h(u));
	if (k < 0)
		return outcome_repaint();
	s->lv.sel = (size_t)k;
	return show_term(s, u);
}
