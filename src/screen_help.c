/*
 * screen_help: see screen_help.h.  Rows come from keys_table(); each
 * description is wrapped to the screen, so nothing is cut at 80 columns
 * or less.
 */
#include "screen_help.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

/* A painted row: key names (or NULL) and a piece of description. */
struct hrow {
	const char *keys;
	char *text; /* owned */
	attr_t at;
};

/* Splits s into pieces of at most w columns at spaces; appends rows. */
static void wrap(struct hrow **rows, size_t *n, size_t *cap, const char *keys,
		 const char *s, int w, attr_t at)
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
		(*rows)[(*n)++] = (struct hrow){first ? keys : NULL,
						xstrndup(s + pos, cut), at};
		pos += cut;
		while (pos < len && s[pos] == ' ')
			pos++;
		first = false;
	}
}

static size_t build(struct hrow **rows, int cols, int *keyw, bool locked)
{
	size_t n = 0, cap = 0, nk;
	const struct key_binding *t = keys_table(&nk);
	*rows = NULL;
	int kw = 28;
	if (kw > cols / 3)
		kw = cols / 3;
	*keyw = kw;
	int dw = cols - 4 - kw;
	wrap(rows, &n, &cap, NULL, "What each key does", cols - 4,
	     theme_ui(UI_TOPIC));
	wrap(rows, &n, &cap, NULL, "", cols - 4, theme_ui(UI_TEXT));
	for (size_t i = 0; i < nk; i++)
		if (!(locked && t[i].action == ACT_QUIT))
			wrap(rows, &n, &cap, t[i].keys, t[i].help, dw,
			     theme_ui(UI_TEXT));
	wrap(rows, &n, &cap, NULL, "", cols - 4, theme_ui(UI_TEXT));
	wrap(rows, &n, &cap, NULL,
	     "You can also click words, sections and articles with the mouse.",
	     cols - 4, theme_ui(UI_DIM));
	return n;
}

static void free_rows(struct hrow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].text);
	free(rows);
}

void help_draw(struct app *a)
{
	app_draw_bars(a, "Help: keys", NULL, CTX_HELP);
	int rows = app_rows(), cols = app_cols();
	int keyw;
	struct hrow *r;
	size_t n = build(&r, cols, &keyw, a->locked);
	int body_h = rows - 2;
	if (a->help_top + (size_t)body_h > n)
		a->help_top = n > (size_t)body_h ? n - (size_t)body_h : 0;
	for (int y = 0; y < body_h && a->help_top + (size_t)y < n; y++) {
		const struct hrow *h = &r[a->help_top + (size_t)y];
		int sy = 1 + y;
		if (h->keys != NULL) {
			draw_text(sy, 2, h->keys, keyw - 1, A_BOLD, true);
			draw_text(sy, 2 + keyw, h->text, cols - keyw - 3, h->at, true);
		} else if (a->help_top + (size_t)y < 2 || h->at != theme_ui(UI_TEXT) ||
			   h->text[0] == '\0') {
			draw_text(sy, 2, h->text, cols - 4, h->at, true);
		} else {
			draw_text(sy, 2 + keyw, h->text, cols - keyw - 3, h->at, true);
		}
	}
	free_rows(r, n);
}

void help_key(struct app *a, enum action act)
{
	switch (act) {
	case ACT_UP:
		if (a->help_top > 0)
			a->help_top--;
		break;
	case ACT_DOWN:
	case ACT_PAGE_DOWN:
		a->help_top++;
		break;
	case ACT_PAGE_UP:
	case ACT_HOME:
		a->help_top = 0;
		break;
	case ACT_BACK:
	case ACT_HELP:
		app_back(a);
		break;
	default:
		break;
	}
}
