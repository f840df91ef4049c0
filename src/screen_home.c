/*
 * screen_home: see screen_home.h.  Only article rows can be selected.
 * title_row maps an article to its title row, so a paint costs the same
 * whatever the number of articles.
 */
#include "screen_home.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "langs.h"
#include "library.h"
#include "theme.h"
#include "xmem.h"

/* The words a person reads on this screen. */
#define S_EMPTY N_("No articles are available right now. Please ask the staff.")
#define S_EMPTY_2 N_("This screen will update by itself when the information is back.")
#define S_HINT N_("Choose an article with the arrow keys, then press Enter.")
#define S_OTHER_TOPIC N_("Other articles")

enum row_kind { ROW_BLANK, ROW_HINT, ROW_TOPIC, ROW_TITLE, ROW_DESC };

struct row {
	enum row_kind kind;
	size_t index; /* article index for title/desc, topic index for topic */
};

struct home_rows {
	struct row *r;      /* owned array of n */
	size_t n;
	size_t *title_row;  /* owned; row of each article's title */
};

void home_reload(struct home_state *s)
{
	if (s->rows == NULL)
		return;
	free(s->rows->r);
	free(s->rows->title_row);
	free(s->rows);
	s->rows = NULL;
}

void home_free(struct home_state *s)
{
	home_reload(s);
	memset(s, 0, sizeof *s);
}

void home_reset(struct home_state *s)
{
	s->lv.sel = 0;
	s->lv.top = 0;
	s->lang_focus = -1;
}

static struct home_rows *build_rows(const struct library *lib)
{
	size_t cap = 4 + lib->ntopics * 2 + lib->narticles * 2, n = 0;
	struct row *r = xcalloc(cap, sizeof *r);
	size_t *title_row = xcalloc(lib->narticles + 1, sizeof *title_row);
	r[n++] = (struct row){ROW_HINT, 0};
	r[n++] = (struct row){ROW_BLANK, 0};
	for (size_t t = 0; t < lib->ntopics; t++) {
		const struct topic *tp = &lib->topics[t];
		if (tp->name[0] != '\0' || lib->ntopics > 1)
			r[n++] = (struct row){ROW_TOPIC, t};
		for (size_t i = tp->first; i < tp->first + tp->count; i++) {
			title_row[i] = n;
			r[n++] = (struct row){ROW_TITLE, i};
			if (lib->articles[i].description[0] != '\0')
				r[n++] = (struct row){ROW_DESC, i};
		}
		r[n++] = (struct row){ROW_BLANK, 0};
	}
	struct home_rows *h = xcalloc(1, sizeof *h);
	h->r = r;
	h->n = n;
	h->title_row = title_row;
	return h;
}

/* The first row shown: the selected title and its description on screen,
 * with the topic name above the first article of a topic, and the hint
 * at the top. */
static size_t top_row(const struct home_state *s, int body_h)
{
	const struct home_rows *h = s->rows;
	const struct row *r = h->r;
	size_t sel_first = h->title_row[s->lv.sel], sel_last = sel_first;
	if (sel_last + 1 < h->n && r[sel_last + 1].kind == ROW_DESC)
		sel_last++;
	if (sel_first > 0 && r[sel_first - 1].kind == ROW_TOPIC)
		sel_first--;
	if (sel_first == 2 || sel_first == 3)
		sel_first = 0;
	return listview_top_for(&s->lv, sel_first, sel_last, body_h);
}

/* Rows for the list: all between the bars, less one for the "more
 * below" cue when the list does not fit. */
static int list_h(const struct home_state *s, const struct ui *u)
{
	int h = u->rows - 2;
	return s->rows != NULL && s->rows->n > (size_t)h && h > 2 ? h - 1 : h;
}

void home_prepare(struct home_state *s, const struct ui *u)
{
	if (s->rows == NULL)
		s->rows = build_rows(u->lib);
	if (!ui_multilingual(u))
		s->lang_focus = -1;
	if (u->lib->narticles == 0)
		return;
	if (s->lv.sel >= u->lib->narticles)
		s->lv.sel = u->lib->narticles - 1;
	s->lv.top = top_row(s, list_h(s, u));
}

/* The languages, at the right of the header bar: each by its own name,
 * in a cell of its width plus 2 (a pointer before the one being read).
 * Width of them all, or 0 when they do not fit beside a title. */
static int langs_width(const struct ui *u)
{
	if (!ui_multilingual(u))
		return 0;
	int w = 0;
	for (size_t k = 0; k < u->langs->n; k++)
		w += draw_width(i18n_autonym(u->langs->code[k])) + 3;
	return w + 12 < u->cols ? w : 0;
}

/* The column of language i's cell on the header bar, its width in *w. */
static int lang_x(const struct ui *u, size_t i, int *w)
{
	int x = u->cols - 1 - langs_width(u);
	for (size_t k = 0;; k++) {
		*w = draw_width(i18n_autonym(u->langs->code[k])) + 2;
		if (k == i)
			return x;
		x += *w + 1;
	}
}

/* The header bar with the languages; the one chosen with the arrow keys
 * selected. */
static void draw_header(const struct home_state *s, const struct ui *u)
{
	int lw = langs_width(u);
	char pad[256];
	if (lw <= 0 || lw >= (int)sizeof pad) {
		ui_bars(u, u->title, NULL, CTX_HOME);
		return;
	}
	memset(pad, ' ', (size_t)lw);
	pad[lw] = '\0';
	ui_bars(u, u->title, pad, CTX_HOME);
	for (size_t i = 0; i < u->langs->n; i++) {
		int w, x = lang_x(u, i, &w);
		bool cur = i == u->lang;
		attr_t at = (long)i == s->lang_focus ? theme_ui(UI_SELECTED)
						     : theme_ui(UI_HEADER);
		draw_fill(0, x, w, at);
		if (cur)
			draw_text(0, x, draw_glyph(GLYPH_POINTER), 1, at, false);
		draw_text(0, x + 2, i18n_autonym(u->langs->code[i]), w - 2,
			  cur ? theme_bold(at) : at, false);
	}
}

void home_draw(const struct home_state *s, const struct ui *u)
{
	draw_header(s, u);
	int cols = u->cols;
	int body_y = 1, body_h = list_h(s, u);
	const struct library *lib = u->lib;
	if (lib->narticles == 0) {
		draw_text(body_y + 1, 2, _(S_EMPTY), cols - 4, theme_ui(UI_TEXT), true);
		draw_text(body_y + 3, 2, _(S_EMPTY_2), cols - 4, theme_ui(UI_DIM), true);
		return;
	}
	const struct row *r = s->rows->r;
	size_t n = s->rows->n, top = top_row(s, body_h);
	for (int y = 0; y < body_h && top + (size_t)y < n; y++) {
		const struct row *rw = &r[top + (size_t)y];
		int sy = body_y + y;
		bool sel = (rw->kind == ROW_TITLE || rw->kind == ROW_DESC) &&
			   rw->index == s->lv.sel && s->lang_focus < 0;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		switch (rw->kind) {
		case ROW_BLANK:
			break;
		case ROW_HINT:
			draw_text(sy, 2, _(S_HINT), cols - 4, theme_ui(UI_DIM), true);
			break;
		case ROW_TOPIC: {
			const char *name = lib->topics[rw->index].name;
			draw_text(sy, 2, name[0] != '\0' ? name : _(S_OTHER_TOPIC),
				  cols - 4, theme_ui(UI_TOPIC), true);
			break;
		}
		case ROW_TITLE:
			if (sel) {
				draw_fill(sy, 2, cols - 4, at);
				draw_text(sy, 2, draw_glyph(GLYPH_POINTER), 1,
					  at, false);
			}
			draw_text(sy, 4, lib->articles[rw->index].title,
				  cols - 6, theme_bold(at), true);
			break;
		case ROW_DESC:
			if (sel)
				draw_fill(sy, 2, cols - 4, at);
			draw_text(sy, 6, lib->articles[rw->index].description,
				  cols - 8, sel ? at : theme_ui(UI_DIM), true);
			break;
		}
	}
	/* The list does not fit: say how many articles are below. */
	size_t below = 0;
	for (size_t i = top + (size_t)body_h; i < n; i++)
		below += r[i].kind == ROW_TITLE;
	if (below > 0) {
		char cue[96];
		/* TRANSLATORS: under a list that does not fit the screen */
		snprintf(cue, sizeof cue,
			 ngettext("%zu more article below (Down arrow)",
				  "%zu more articles below (Down arrow)",
				  (unsigned long)below),
			 below);
		if (draw_width(cue) > cols - 6) /* a narrow console */
			snprintf(cue, sizeof cue,
				 ngettext("%zu more below", "%zu more below",
					  (unsigned long)below),
				 below);
		draw_text(body_y + body_h, 4, cue, cols - 6,
			  theme_bold(theme_ui(UI_TEXT)), true);
	}
}

static struct outcome open_sel(const struct home_state *s)
{
	return outcome_open((struct place){.article = (long)s->lv.sel});
}

static struct outcome list_key(struct home_state *s, const struct ui *u,
			       enum action act);

/* Keys on the languages (header bar): Up and Down go along them (Down
 * past the last to the articles), Enter reads in the language chosen. */
static struct outcome lang_key(struct home_state *s, const struct ui *u,
			       enum action act)
{
	switch (act) {
	case ACT_UP:
		if (s->lang_focus > 0)
			s->lang_focus--;
		return outcome_repaint();
	case ACT_DOWN:
		if ((size_t)s->lang_focus + 1 < u->langs->n)
			s->lang_focus++;
		else if (u->lib->narticles > 0)
			s->lang_focus = -1;
		return outcome_repaint();
	case ACT_OPEN: {
		size_t i = (size_t)s->lang_focus;
		s->lang_focus = -1;
		return outcome_language(i);
	}
	case ACT_BACK:
		s->lang_focus = -1;
		return outcome_repaint();
	default:
		s->lang_focus = -1;
		return list_key(s, u, act);
	}
}

struct outcome home_key(struct home_state *s, const struct ui *u,
			enum action act)
{
	if (s->lang_focus >= 0)
		return lang_key(s, u, act);
	return list_key(s, u, act);
}

/* Keys on the article list. */
static struct outcome list_key(struct home_state *s, const struct ui *u,
			       enum action act)
{
	size_t n = u->lib->narticles;
	if (ui_multilingual(u) && act == ACT_UP && (n == 0 || s->lv.sel == 0)) {
		s->lang_focus = (long)u->langs->n - 1;
		return outcome_repaint();
	}
	if (n == 0)
		return outcome_repaint();
	size_t page = (size_t)(u->rows > 6 ? (u->rows - 2) / 2 - 1 : 1);
	if (keys_list_move(act, &s->lv.sel, n, page)) {
		if (s->lv.sel == 0)
			s->lv.top = 0; /* the instruction line comes back */
		s->lv.top = top_row(s, list_h(s, u));
		return outcome_repaint();
	}
	switch (act) {
	case ACT_OPEN:
		return open_sel(s);
	case ACT_BACK:
		return outcome_request(REQ_BACK);
	default:
		return outcome_repaint();
	}
}

struct outcome home_mouse(struct home_state *s, const struct ui *u,
			  const MEVENT *ev)
{
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return outcome_repaint();
	if (ev->y == 0 && langs_width(u) > 0) {
		for (size_t k = 0; k < u->langs->n; k++) {
			int w, x = lang_x(u, k, &w);
			if (ev->x >= x && ev->x < x + w) {
				s->lang_focus = -1;
				return outcome_language(k);
			}
		}
		return outcome_repaint();
	}
	if (u->lib->narticles == 0)
		return outcome_repaint();
	const struct row *r = s->rows->r;
	size_t i = top_row(s, list_h(s, u)) + (size_t)(ev->y - 1);
	if (ev->y >= 1 && ev->y <= list_h(s, u) && i < s->rows->n &&
	    (r[i].kind == ROW_TITLE || r[i].kind == ROW_DESC)) {
		s->lv.sel = r[i].index;
		s->lv.top = top_row(s, list_h(s, u));
		return open_sel(s);
	}
	return outcome_repaint();
}
