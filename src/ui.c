/* ui: see ui.h. */
#include "ui.h"

#include <curses.h>

#include "draw.h"
#include "i18n.h"
#include "keys.h"
#include "langs.h"
#include "theme.h"

/* One key of the bar, translated. */
struct bar_item {
	const char *keys, *label;
	int w;        /* columns, with the two spaces after it */
	int rank;     /* keys_table's bar_rank */
	bool late;    /* drawn last (keys_table's bar_late) */
};

/* The key bar: the context's bindings from the key table, each named for
 * what it does in the state the context bits give.  Where not all fit,
 * the most useful stay (keys.h: bar_rank); Help always does. */
static void keybar(const struct ui *u, int context)
{
	int y = u->rows - 1, cols = u->cols;
	attr_t at = theme_ui(UI_KEYBAR);
	draw_fill(y, 0, cols, at);
	if (u->status != NULL && u->status[0] != '\0') {
		draw_fill(y, 0, cols, theme_ui(UI_NOTICE));
		draw_text(y, 1, u->status, cols - 2, theme_ui(UI_NOTICE), true);
		return;
	}
	size_t n;
	const struct key_binding *t = keys_table(&n);
	struct bar_item items[32];
	size_t ni = 0;
	for (size_t i = 0; i < n && ni < sizeof items / sizeof items[0]; i++) {
		if ((context & CTX_HELP) && t[i].action == ACT_HELP)
			continue;
		/* The language key: in the home screen's bar (the
		 * article's is full), with more than one language. */
		if (t[i].action == ACT_LANGUAGE &&
		    (!ui_multilingual(u) || context != CTX_HOME))
			continue;
		const char *label = keys_bar_label(&t[i], context);
		if (label == NULL)
			continue;
		struct bar_item *it = &items[ni++];
		it->keys = _(t[i].bar_keys);
		it->label = _(label);
		it->w = draw_width(it->keys) + 2 + draw_width(it->label) + 2;
		it->rank = t[i].bar_rank;
		it->late = (t[i].bar_late & context) != 0;
	}
	/* Which fit: rank 0 always, then by rank while there is room;
	 * they are drawn in the table's order. */
	bool show[32] = {false};
	int room = cols - 1 + 2; /* the last item needs no gap */
	for (int r = 0; r <= KEYS_BAR_RANKS; r++)
		for (size_t i = 0; i < ni; i++)
			if (items[i].rank == r && (r == 0 || items[i].w <= room)) {
				show[i] = true;
				room -= items[i].w;
			}
	int x = 1;
	for (size_t k = 0; k < 2 * ni && x < cols - 1; k++) {
		size_t i = k % ni;
		if (!show[i] || items[i].late != (k >= ni))
			continue;
		x += draw_text(y, x, items[i].keys, cols - 1 - x, theme_bold(at),
			       false);
		x += draw_text(y, x, ": ", cols - 1 - x, at, false);
		x += draw_text(y, x, items[i].label, cols - 1 - x, at, true);
		x += 2;
	}
}

void ui_bars_at(const struct ui *u, const char *title, const char *right,
		int right_end, int context)
{
	int cols = u->cols;
	attr_t at = theme_ui(UI_HEADER);
	draw_fill(0, 0, cols, at);
	int rw = right != NULL && right[0] != '\0' ? draw_width(right) : 0;
	int end = right_end > 0 && right_end < cols ? right_end : cols - 1;
	if (rw > 0 && rw + 12 < end)
		draw_text(0, end - rw, right, rw, at, false);
	else
		rw = -1, end = cols - 1;
	draw_text(0, 1, title, end - rw - 3, at, true);
	keybar(u, context);
}

void ui_bars(const struct ui *u, const char *title, const char *right,
	     int context)
{
	ui_bars_at(u, title, right, 0, context);
}

void ui_centre(const struct ui *u, int y, const char *s, unsigned long attr)
{
	int w = draw_width(s);
	int x = w < u->cols ? (u->cols - w) / 2 : 0;
	draw_text(y, x, s, u->cols - x, (attr_t)attr, true);
}

bool ui_multilingual(const struct ui *u)
{
	return u->langs != NULL && u->langs->n > 1;
}
