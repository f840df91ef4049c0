/*
 * screen_help: see screen_help.h.  Rows come from keys_table().
 */
#include "screen_help.h"

#include "draw.h"
#include "theme.h"

void help_draw(struct app *a)
{
	app_draw_bars(a, "Help: keys", NULL, CTX_HELP);
	int rows = app_rows(), cols = app_cols();
	size_t n;
	const struct key_binding *t = keys_table(&n);
	int body_h = rows - 2;
	size_t total = n + 4;
	if (a->help_top + (size_t)body_h > total)
		a->help_top = total > (size_t)body_h ? total - (size_t)body_h : 0;
	int keyw = 28;
	if (keyw > cols / 2)
		keyw = cols / 2;
	for (int y = 0; y < body_h; y++) {
		size_t i = a->help_top + (size_t)y;
		int sy = 1 + y;
		if (i == 0) {
			draw_text(sy, 2, "What each key does", cols - 4,
				  theme_ui(UI_TOPIC), true);
		} else if (i >= 2 && i - 2 < n) {
			const struct key_binding *k = &t[i - 2];
			draw_text(sy, 2, k->keys, keyw - 1, A_BOLD, true);
			draw_text(sy, 2 + keyw, k->help, cols - keyw - 3,
				  theme_ui(UI_TEXT), true);
		} else if (i == n + 3) {
			draw_text(sy, 2,
				  "You can also click words, sections and "
				  "articles with the mouse.",
				  cols - 4, theme_ui(UI_DIM), true);
		}
	}
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

void help_mouse(struct app *a, const MEVENT *ev)
{
	if (ev->bstate & BUTTON4_PRESSED)
		help_key(a, ACT_UP);
	else if (ev->bstate & BUTTON5_PRESSED)
		help_key(a, ACT_DOWN);
}
