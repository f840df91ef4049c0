/*
 * screen_help: see screen_help.h.  Rows come from keys_table(); each
 * description is wrapped to the screen, so nothing is cut at 80 columns
 * or less.
 */
#include "screen_help.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

/* The words a person reads on this screen (the keys' are in keys.c). */
#define S_TITLE N_("Help: keys")
#define S_HEADING N_("What each key does")
#define S_MOUSE N_("You can also click words, sections and articles with the mouse.")

/* A painted row: key names (or NULL) and a piece of description. */
struct help_row {
	const char *keys;
	char *text; /* owned */
	attr_t at;
};

/* Splits s into pieces of at most w columns at spaces; appends rows. */
static void wrap(struct help_row **rows, size_t *n, size_t *cap,
		 const char *keys, const char *s, int w, attr_t at)
{
	if (w < 1)
		w = 1;
	size_t len = strlen(s), pos = 0;
	bool first = true;
	while (pos < len || first) {
		size_t fw;
		size_t fit = text_fit(s + pos, len - pos, (size_t)w, &fw);
		size_t cut = fit;
		if (pos + fit < len) {
			size_t sp = fit;
			while (sp > 0 && s[pos + sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		}
		if (cut == 0 && pos < len)
			cut = 1;
		xgrow(rows, cap, *n + 1, sizeof **rows);
		(*rows)[(*n)++] = (struct help_row){first ? keys : NULL,
						    xstrndup(s + pos, cut), at};
		pos += cut;
		while (pos < len && s[pos] == ' ')
			pos++;
		first = false;
	}
}

static void free_rows(struct help_state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->rows[i].text);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

static void build(struct help_state *s, int cols, bool locked, bool multi)
{
	free_rows(s);
	size_t n = 0, cap = 0, nk;
	const struct key_binding *t = keys_table(&nk);
	struct help_row *rows = NULL;
	int kw = 28;
	if (kw > cols / 3)
		kw = cols / 3;
	int dw = cols - 4 - kw;
	wrap(&rows, &n, &cap, NULL, _(S_HEADING), cols - 4, theme_ui(UI_TOPIC));
	wrap(&rows, &n, &cap, NULL, "", cols - 4, theme_ui(UI_TEXT));
	for (size_t i = 0; i < nk; i++)
		if (!(locked && t[i].action == ACT_QUIT) &&
		    !(!multi && t[i].action == ACT_LANGUAGE))
			wrap(&rows, &n, &cap, _(t[i].keys), _(t[i].help), dw,
			     theme_ui(UI_TEXT));
	wrap(&rows, &n, &cap, NULL, "", cols - 4, theme_ui(UI_TEXT));
	wrap(&rows, &n, &cap, NULL, _(S_MOUSE), cols - 4, theme_ui(UI_DIM));
	s->rows = rows;
	s->n = n;
	s->cols = cols;
	s->keyw = kw;
	s->locked = locked;
}

void help_free(struct help_state *s)
{
	free_rows(s);
	memset(s, 0, sizeof *s);
}

void help_reset(struct help_state *s)
{
	s->top = 0;
}

static void clamp(struct help_state *s, int body_h)
{
	if (s->top + (size_t)body_h > s->n)
		s->top = s->n > (size_t)body_h ? s->n - (size_t)body_h : 0;
}

void help_prepare(struct help_state *s, const struct ui *u)
{
	if (s->rows == NULL || s->cols != u->cols || s->locked != u->locked)
		build(s, u->cols, u->locked, ui_multilingual(u));
	clamp(s, u->rows - 2);
}

void help_draw(const struct help_state *s, const struct ui *u)
{
	ui_bars(u, _(S_TITLE), NULL, CTX_HELP);
	int cols = u->cols, keyw = s->keyw;
	int body_h = u->rows - 2;
	for (int y = 0; y < body_h && s->top + (size_t)y < s->n; y++) {
		const struct help_row *h = &s->rows[s->top + (size_t)y];
		int sy = 1 + y;
		if (h->keys != NULL) {
			draw_text(sy, 2, h->keys, keyw - 1, A_BOLD, true);
			draw_text(sy, 2 + keyw, h->text, cols - keyw - 3, h->at, true);
		} else if (s->top + (size_t)y < 2 || h->at != theme_ui(UI_TEXT) ||
			   h->text[0] == '\0') {
			draw_text(sy, 2, h->text, cols - 4, h->at, true);
		} else {
			draw_text(sy, 2 + keyw, h->text, cols - keyw - 3, h->at, true);
		}
	}
}

struct outcome help_key(struct help_state *s, const struct ui *u,
			enum action act)
{
	switch (act) {
	case ACT_UP:
		if (s->top > 0)
			s->top--;
		break;
	case ACT_DOWN:
	case ACT_PAGE_DOWN:
		s->top++;
		break;
	case ACT_PAGE_UP:
	case ACT_HOME:
		s->top = 0;
		break;
	case ACT_BACK:
	case ACT_HELP:
		return outcome_request(REQ_BACK);
	default:
		break;
	}
	clamp(s, u->rows - 2);
	return outcome_repaint();
}
