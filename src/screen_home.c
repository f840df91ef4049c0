/*
 * screen_home: see screen_home.h.
 *
 * The screen is a list of rows built from the library once (kept in
 * a->home_rows until the library changes): an instruction, then for each
 * topic its name and its articles (a title row and a description row).
 * Only article rows can be selected.  title_row maps an article to its
 * title row, so a paint costs the same whatever the number of articles.
 */
#include "screen_home.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "theme.h"
#include "xmem.h"

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

void home_forget(struct app *a)
{
	if (a->home_rows == NULL)
		return;
	free(a->home_rows->r);
	free(a->home_rows->title_row);
	free(a->home_rows);
	a->home_rows = NULL;
}

/* The rows for a->lib, built on first use. */
static const struct home_rows *rows_of(struct app *a)
{
	if (a->home_rows != NULL)
		return a->home_rows;
	const struct library *lib = a->lib;
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
	a->home_rows = h;
	return h;
}

void home_draw(struct app *a)
{
	app_draw_bars(a, a->cfg->title, NULL, CTX_HOME);
	int rows = app_rows(), cols = app_cols();
	int body_y = 1, body_h = rows - 2;
	const struct library *lib = a->lib;
	if (lib->narticles == 0) {
		draw_text(body_y + 1, 2,
			  "No articles are available right now. Please ask "
			  "the staff.",
			  cols - 4, theme_ui(UI_TEXT), true);
		draw_text(body_y + 3, 2,
			  "This screen will update by itself when the "
			  "information is back.",
			  cols - 4, theme_ui(UI_DIM), true);
		return;
	}
	if (a->home_sel >= lib->narticles)
		a->home_sel = lib->narticles - 1;
	const struct home_rows *h = rows_of(a);
	const struct row *r = h->r;
	size_t n = h->n;
	/* Keep the selected title and its description on screen. */
	size_t sel_first = h->title_row[a->home_sel], sel_last = sel_first;
	if (sel_last + 1 < n && r[sel_last + 1].kind == ROW_DESC)
		sel_last++;
	/* Show the topic name above the first article of a topic. */
	if (sel_first > 0 && r[sel_first - 1].kind == ROW_TOPIC)
		sel_first--;
	if (sel_first == 2 || sel_first == 3)
		sel_first = 0; /* the hint too, at the top */
	if (a->home_top > sel_first)
		a->home_top = sel_first;
	if (sel_last >= a->home_top + (size_t)body_h)
		a->home_top = sel_last - (size_t)body_h + 1;
	for (int y = 0; y < body_h && a->home_top + (size_t)y < n; y++) {
		const struct row *rw = &r[a->home_top + (size_t)y];
		int sy = body_y + y;
		bool sel = (rw->kind == ROW_TITLE || rw->kind == ROW_DESC) &&
			   rw->index == a->home_sel;
		attr_t at = sel ? theme_ui(UI_SELECTED) : theme_ui(UI_TEXT);
		switch (rw->kind) {
		case ROW_BLANK:
			break;
		case ROW_HINT:
			draw_text(sy, 2,
				  "Choose an article with the arrow keys, then "
				  "press Enter.",
				  cols - 4, theme_ui(UI_DIM), true);
			break;
		case ROW_TOPIC: {
			const char *name = lib->topics[rw->index].name;
			draw_text(sy, 2, name[0] != '\0' ? name : "Other articles",
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
				  cols - 6, at | A_BOLD, true);
			break;
		case ROW_DESC:
			if (sel)
				draw_fill(sy, 2, cols - 4, at);
			draw_text(sy, 6, lib->articles[rw->index].description,
				  cols - 8, sel ? at : theme_ui(UI_DIM), true);
			break;
		}
	}
}

void home_key(struct app *a, enum action act)
{
	size_t n = a->lib->narticles;
	if (n == 0)
		return;
	size_t page = (size_t)(app_rows() > 6 ? (app_rows() - 2) / 2 - 1 : 1);
	if (keys_list_move(act, &a->home_sel, n, page)) {
		if (a->home_sel == 0)
			a->home_top = 0; /* the instruction line comes back */
		return;
	}
	switch (act) {
	case ACT_OPEN:
		app_open_article(a, (long)a->home_sel, NULL);
		break;
	case ACT_BACK:
		app_back(a);
		break;
	default:
		break;
	}
}

void home_mouse(struct app *a, const MEVENT *ev)
{
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	const struct home_rows *h = rows_of(a);
	const struct row *r = h->r;
	size_t i = a->home_top + (size_t)(ev->y - 1);
	if (ev->y >= 1 && i < h->n &&
	    (r[i].kind == ROW_TITLE || r[i].kind == ROW_DESC)) {
		a->home_sel = r[i].index;
		app_open_article(a, (long)r[i].index, NULL);
	}
}
