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
#include "draw.h"
#include "field.h"
#include "fold.h"
#include "glossary.h"
#include "layout.h"
#include "screen_article.h"
#include "search.h"
#include "theme.h"
#include "xmem.h"

void glossary_forget(struct app *a)
{
	free(a->gterms);
	a->gterms = NULL;
	a->ngterms = 0;
	a->gsel = a->gtop = 0;
	a->gterms_stale = true;
	search_hits_free(a->gplaces, a->ngplaces);
	a->gplaces = NULL;
	a->ngplaces = a->gplace_sel = 0;
	a->gdetail = false;
	a->gfilter[0] = '\0';
}

void glossary_open(struct app *a)
{
	if (a->view == VIEW_GLOSSARY)
		return;
	app_push(a);
	a->view = VIEW_GLOSSARY;
	a->gdetail = false;
	a->gterms_stale = true;
}

/* For sorting: the folded terms of the library's glossary. */
static char **sort_keys;

static int cmp_entry(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = strcmp(sort_keys[a], sort_keys[b]);
	return c != 0 ? c : (a < b ? -1 : a > b);
}

static bool contains(const char *hay, const char *needle)
{
	return needle[0] == '\0' || strstr(hay, needle) != NULL;
}

static void refresh_terms(struct app *a)
{
	if (!a->gterms_stale)
		return;
	const struct glossary *g = a->lib->glossary;
	size_t n = glossary_count(g), fl;
	char *filter = fold_text(a->gfilter, strlen(a->gfilter), &fl, NULL);
	char **keys = xcalloc(n + 1, sizeof *keys);
	free(a->gterms);
	a->gterms = xcalloc(n + 1, sizeof *a->gterms);
	a->ngterms = 0;
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
			a->gterms[a->ngterms++] = i;
	}
	sort_keys = keys;
	qsort(a->gterms, a->ngterms, sizeof *a->gterms, cmp_entry);
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(filter);
	a->gterms_stale = false;
	if (a->gsel >= a->ngterms)
		a->gsel = 0;
}

bool glossary_char(struct app *a, wint_t ch, bool keycode)
{
	if (a->gdetail)
		return false;
	if (!field_type(a->gfilter, sizeof a->gfilter, ch, keycode) &&
	    !field_erase(a->gfilter, ch, keycode))
		return false;
	a->gterms_stale = true;
	a->gsel = a->gtop = 0;
	return true;
}

/* The places the selected term appears: one per article section. */
static void find_places(struct app *a)
{
	search_hits_free(a->gplaces, a->ngplaces);
	a->gplaces = NULL;
	a->ngplaces = a->gplace_sel = 0;
	if (a->search == NULL)
		a->search = search_build(a->lib);
	const struct glossary_entry *e =
		glossary_entry_at(a->lib->glossary, a->gterms[a->gsel]);
	struct search_hit *hits;
	size_t n;
	search_run(a->search, e->term, &hits, &n, 500);
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
	a->gplaces = hits;
	a->ngplaces = k;
}

static void draw_list(struct app *a)
{
	int rows = app_rows(), cols = app_cols();
	int x = draw_text(1, 1, "Find a word: ", cols - 2, A_BOLD, false) + 1;
	x += draw_text(1, x, a->gfilter, cols - x - 2, theme_ui(UI_TEXT), false);
	draw_text(1, x, "_", 1, A_BLINK, false);
	char count[64];
	snprintf(count, sizeof count, "%zu word%s, A to Z. Enter: explain.",
		 a->ngterms, a->ngterms == 1 ? "" : "s");
	draw_text(2, 1, a->ngterms > 0 ? count : "No word matches. Try fewer "
						  "letters.",
		  cols - 2, theme_ui(UI_DIM), true);
	int y0 = 4, slots = rows - 1 - y0;
	if (slots < 1)
		slots = 1;
	if (a->gsel < a->gtop)
		a->gtop = a->gsel;
	if (a->gsel >= a->gtop + (size_t)slots)
		a->gtop = a->gsel - (size_t)slots + 1;
	int termw = cols / 3 > 30 ? 30 : cols / 3;
	for (int i = 0; i < slots && a->gtop + (size_t)i < a->ngterms; i++) {
		size_t k = a->gtop + (size_t)i;
		const struct glossary_entry *e =
			glossary_entry_at(a->lib->glossary, a->gterms[k]);
		bool sel = k == a->gsel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		if (sel)
			draw_fill(y0 + i, 1, cols - 2, at);
		draw_text(y0 + i, 2, e->term, termw - 1, at | A_BOLD, true);
		/* The first line of the definition, as plain text. */
		char *d = xstrdup(e->definition);
		for (char *p = d; *p; p++)
			if (*p == '\n' || *p == '*' || *p == '_')
				*p = ' ';
		draw_text(y0 + i, 2 + termw, d, cols - termw - 4,
			  sel ? at : theme_ui(UI_DIM), true);
		free(d);
	}
}

static void draw_detail(struct app *a)
{
	int rows = app_rows(), cols = app_cols();
	const struct glossary_entry *e =
		glossary_entry_at(a->lib->glossary, a->gterms[a->gsel]);
	draw_text(1, 1, e->term, cols - 2, theme_ui(UI_PANE_TITLE), true);
	cmark_node *doc = article_parse_markdown(e->definition,
						 strlen(e->definition));
	struct layout_options o = {.width = cols - 4 > 1 ? cols - 4 : 1,
				   .ascii = draw_ascii(),
				   .glossary = a->lib->glossary,
				   .skip_entry = (long)a->gterms[a->gsel],
				   .mark_all = true};
	struct layout *l = layout_build(doc, &o);
	cmark_node_free(doc);
	int y = 3, max_def = (rows - 6) / 2;
	for (size_t i = 0; i < l->nlines && (int)i < max_def; i++)
		draw_line(y++, 2, &l->lines[i], cols - 4, -1);
	layout_free(l);
	char *also = glossary_also(e);
	if (also != NULL) {
		draw_text(++y, 2, also, cols - 4, theme_ui(UI_DIM), true);
		free(also);
		y++;
	}
	y++;
	draw_text(y++, 2, a->ngplaces > 0 ? "Appears in (Enter opens it there):"
					  : "No article uses this word yet.",
		  cols - 4, theme_ui(UI_TOPIC), true);
	int slots = rows - 1 - y;
	size_t first = 0;
	if (slots > 0 && a->gplace_sel >= (size_t)slots)
		first = a->gplace_sel - (size_t)slots + 1;
	for (int i = 0; i < slots && first + (size_t)i < a->ngplaces; i++) {
		size_t k = first + (size_t)i;
		struct search_hit *h = &a->gplaces[k];
		search_hit_text(a->search, h);
		bool sel = k == a->gplace_sel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		char where[512];
		snprintf(where, sizeof where, "%s > %s",
			 a->lib->articles[h->owner].title,
			 h->section != NULL ? h->section : "Introduction");
		if (sel)
			draw_fill(y + i, 2, cols - 4, at);
		draw_text(y + i, 4, where, cols - 6, at, true);
	}
}

void glossary_draw(struct app *a)
{
	refresh_terms(a);
	app_draw_bars(a, "Words explained", NULL, CTX_GLOSSARY);
	if (a->gdetail && a->gsel < a->ngterms)
		draw_detail(a);
	else
		draw_list(a);
}

/* Opens the article at the chosen place, the term explained beside it. */
static void open_place(struct app *a)
{
	if (a->gplace_sel >= a->ngplaces || a->gsel >= a->ngterms)
		return;
	struct search_hit *h = &a->gplaces[a->gplace_sel];
	search_hit_text(a->search, h);
	char *term = xstrdup(
		glossary_entry_at(a->lib->glossary, a->gterms[a->gsel])->term);
	char *needle = xstrdup(h->needle);
	char *section = h->section != NULL ? xstrdup(h->section) : NULL;
	app_open_article(a, (long)h->owner, NULL);
	if (a->view == VIEW_ARTICLE) {
		if (section != NULL)
			reader_seek_section(&a->rd, section, 0);
		free(a->rd.find);
		a->rd.find = needle;
		needle = NULL;
		a->rd.find_pending = true;
		reader_show_term(a, term);
	}
	free(needle);
	free(section);
	free(term);
}

void glossary_key(struct app *a, enum action act)
{
	refresh_terms(a);
	size_t *sel = a->gdetail ? &a->gplace_sel : &a->gsel;
	size_t n = a->gdetail ? a->ngplaces : a->ngterms;
	size_t page = app_rows() > 8 ? (size_t)app_rows() - 7 : 1;
	if (keys_list_move(act, sel, n, page))
		return;
	switch (act) {
	case ACT_OPEN:
		if (a->gdetail) {
			open_place(a);
		} else if (a->gsel < a->ngterms) {
			a->gdetail = true;
			find_places(a);
		}
		break;
	case ACT_BACK:
		if (a->gdetail)
			a->gdetail = false;
		else
			app_back(a);
		break;
	default:
		break;
	}
}

void glossary_mouse(struct app *a, const MEVENT *ev)
{
	if ((ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) &&
		 !a->gdetail && ev->y >= 4) {
		size_t k = a->gtop + (size_t)(ev->y - 4);
		if (k < a->ngterms) {
			a->gsel = k;
			glossary_key(a, ACT_OPEN);
		}
	}
}
