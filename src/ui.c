/* ui: see ui.h. */
#include "ui.h"

#include <curses.h>

#include "draw.h"
#include "keys.h"
#include "langs.h"
#include "theme.h"

/* The key bar: the context's bindings from the key table. */
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
	int x = 1;
	for (size_t i = 0; i < n && x < cols - 1; i++) {
		if (t[i].bar == NULL || !(t[i].contexts & context))
			continue;
		if (context == CTX_HELP && t[i].action == ACT_HELP)
			continue;
		/* The language key: in the home screen's bar (the
		 * article's is full), with more than one language. */
		if (t[i].action == ACT_LANGUAGE &&
		    (!ui_multilingual(u) || context != CTX_HOME))
			continue;
		int kw = draw_width(t[i].bar_keys);
		int bw = draw_width(t[i].bar);
		if (x + kw + 2 + bw > cols - 1)
			break;
		x += draw_text(y, x, t[i].bar_keys, cols - 1 - x, theme_bold(at), false);
		x += draw_text(y, x, ": ", cols - 1 - x, at, false);
		x += draw_text(y, x, t[i].bar, cols - 1 - x, at, false);
		x += 2;
	}
}

void ui_bars(const struct ui *u, const char *title, const char *right,
	     int context)
{
	int cols = u->cols;
	attr_t at = theme_ui(UI_HEADER);
	draw_fill(0, 0, cols, at);
	int rw = right != NULL && right[0] != '\0' ? draw_width(right) : 0;
	if (rw > 0 && rw + 12 < cols)
		draw_text(0, cols - rw - 1, right, rw, at, false);
	else
		rw = -1;
	draw_text(0, 1, title, cols - rw - 3, at, true);
	keybar(u, context);
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
