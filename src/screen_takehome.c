/* screen_takehome: see screen_takehome.h. */
#include "screen_takehome.h"

#include <stdlib.h>

#include <curses.h>

#include "draw.h"
#include "hyperlink.h"
#include "keys.h"
#include "qr.h"
#include "theme.h"
#include "xmem.h"

/* The words a person reads on this screen. */
#define S_TITLE "Take it home"
#define S_POINT "Point your phone's camera at this code."
#define S_TOO_SMALL "(This screen is too small to show the code.)"
#define S_ANY_KEY "Press any key to go back."

void take_close(struct take_state *s)
{
	free(s->url);
	s->url = NULL;
	if (s->wide.size > 0)
		qr_free(&s->wide);
	if (s->narrow.size > 0)
		qr_free(&s->narrow);
	s->wide = (struct qr){0};
	s->narrow = (struct qr){0};
}

void take_open(struct take_state *s, const char *url)
{
	char *own = xstrdup(url);
	take_close(s);
	s->url = own;
	if (qr_make(s->url, 4, &s->wide) != 0)
		s->wide = (struct qr){0};
	if (qr_make(s->url, 2, &s->narrow) != 0)
		s->narrow = (struct qr){0};
}

bool take_is_open(const struct take_state *s)
{
	return s->url != NULL;
}

/* The QR code of the address over the whole screen, with the address in
 * text under it; a quiet zone of 4 modules, 2 when space is short. */
void take_draw(const struct take_state *s, const struct ui *u)
{
	int rows = u->rows, cols = u->cols;
	attr_t at = theme_ui(UI_TEXT);
	hyperlink_cover(0, 0, rows, cols);
	for (int y = 1; y < rows - 1; y++)
		draw_fill(y, 0, cols, at);
	ui_bars(u, S_TITLE, NULL, CTX_HELP);
	ui_centre(u, 1, S_POINT, A_BOLD);
	int rows_free = rows - 5, cols_free = cols - 2;
	const struct qr *q = &s->wide;
	if (q->size > 0 && ((q->size + 1) / 2 > rows_free || q->size > cols_free))
		q = &s->narrow;
	bool ok = q->size > 0;
	bool fits = ok && !draw_ascii() && (q->size + 1) / 2 <= rows_free &&
		    q->size <= cols_free;
	int y0 = 2;
	if (fits) {
		int x0 = (cols - q->size) / 2;
		attrset(theme_ui(UI_QR));
		for (int y = 0; y < q->size; y += 2) {
			move(y0 + y / 2, x0);
			for (int x = 0; x < q->size; x++)
				addstr(qr_halfblock(q, x, y));
		}
		y0 += (q->size + 1) / 2;
	} else {
		ui_centre(u, 3, S_TOO_SMALL, theme_ui(UI_DIM));
		y0 = 5;
	}
	int w = draw_width(s->url);
	hyperlink_add(y0, w < cols ? (cols - w) / 2 : 0, w < cols ? w : cols,
		      s->url);
	ui_centre(u, y0, s->url, A_BOLD);
	ui_centre(u, y0 + 1, S_ANY_KEY, theme_ui(UI_DIM));
}
