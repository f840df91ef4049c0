/* screen_takehome: see screen_takehome.h. */
#include "screen_takehome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "hyperlink.h"
#include "i18n.h"
#include "keys.h"
#include "qr.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

/* The words a person reads on this screen. */
#define S_TITLE N_("Take it home")
#define S_POINT N_("Point your phone's camera at this code.")
#define S_ANY_KEY N_("Press any key to go back.")
/* TRANSLATORS: in the key bar, before ": Back" */
#define S_ANY_KEY_BAR N_("Any key")
#define S_TOO_LONG N_("This address is too long for a code. You can copy it:")
/* TRANSLATORS: the code does not fit; %d columns and %d rows needed */
#define S_SMALL N_("The code needs a screen of %d columns and %d rows. You can copy the address:")
/* TRANSLATORS: no half blocks (no UTF-8): %d rows needed, %d there */
#define S_NO_BLOCKS N_("This terminal cannot draw half blocks, so the code needs %d rows; the screen has %d. You can copy the address:")

/* Narrowest text column beside the code. */
#define SIDE_MIN 20

void take_close(struct take_state *s)
{
	free(s->url);
	s->url = NULL;
	if (s->code.size > 0)
		qr_free(&s->code);
	s->code = (struct qr){0};
}

void take_open(struct take_state *s, const char *url)
{
	char *own = xstrdup(url);
	take_close(s);
	s->url = own;
	if (qr_make(s->url, TAKE_QUIET, &s->code) != 0)
		s->code = (struct qr){0};
}

bool take_is_open(const struct take_state *s)
{
	return s->url != NULL;
}

/* Paints text in the box x, y.. (w columns, rows up to ymax), wrapped at
 * spaces (a word wider than w, such as an address, is cut anywhere).
 * With link, each line is a link to it.  Returns the row after it. */
static int wrap(int y, int x, int w, int ymax, const char *text, attr_t at,
		const char *link)
{
	size_t len = strlen(text);
	size_t i = 0;
	while (i < len && y < ymax && w > 0) {
		size_t n = text_fit(text + i, len - i, (size_t)w, NULL);
		if (n == 0)
			break;
		if (i + n < len && link == NULL) {
			size_t sp = n;
			while (sp > 0 && text[i + sp] != ' ')
				sp--;
			if (sp > 0)
				n = sp;
		}
		char *line = xstrndup(text + i, n);
		int cw = draw_text(y, x, line, w, at, false);
		if (link != NULL)
			hyperlink_add(y, x, cw, link);
		free(line);
		i += n;
		while (i < len && text[i] == ' ')
			i++;
		y++;
	}
	return y;
}

/* The code with its top-left cell at (y0, x0). */
static void paint_code(const struct qr *q, int y0, int x0, bool half)
{
	attr_t light = theme_ui(UI_QR);
	if (half) {
		attrset(light);
		for (int y = 0; y < q->size; y += 2) {
			move(y0 + y / 2, x0);
			for (int x = 0; x < q->size; x++)
				addstr(qr_halfblock(q, x, y));
		}
	} else {
		/* Reverse video turns a light cell dark. */
		for (int y = 0; y < q->size; y++) {
			move(y0 + y, x0);
			for (int x = 0; x < q->size; x++) {
				attrset(qr_dark(q, x, y) ? light ^ A_REVERSE : light);
				addstr("  ");
			}
		}
	}
	attrset(A_NORMAL);
}

/* The explanation, the address and the way back from row y; returns the
 * row after them. */
static int explain(const struct take_state *s, int y, int x, int w, int ymax,
		   const char *lead)
{
	attr_t at = theme_ui(UI_TEXT);
	y = wrap(y, x, w, ymax, lead, at, NULL) + 1;
	y = wrap(y, x, w, ymax, s->url, theme_bold(at), s->url) + 1;
	return wrap(y, x, w, ymax, _(S_ANY_KEY), at, NULL);
}

void take_draw(const struct take_state *s, const struct ui *u)
{
	int rows = u->rows, cols = u->cols;
	attr_t at = theme_ui(UI_TEXT);
	hyperlink_cover(0, 0, rows, cols);
	for (int y = 0; y < rows; y++)
		draw_fill(y, 0, cols, at);
	const struct qr *q = &s->code;
	bool half = draw_blocks();
	int cw = half ? q->size : 2 * q->size;
	int chh = half ? (q->size + 1) / 2 : q->size;
	int side = cols - cw - 3;
	if (q->size > 0 && chh <= rows && side >= SIDE_MIN) {
		/* Beside: the code at the left, centred in the height. */
		int y0 = (rows - chh) / 2;
		paint_code(q, y0, 1, half);
		int x = cw + 3, y = y0 + 1 < rows - 1 ? y0 + 1 : 0;
		y = draw_text(y, x, _(S_TITLE), side, theme_bold(at), true) > 0
			    ? y + 2
			    : y;
		explain(s, y, x, side - 1, rows - 1, _(S_POINT));
		if (u->status != NULL) /* the waiting room's countdown */
			wrap(rows - 1, x, side - 1, rows, u->status,
			     theme_ui(UI_NOTICE), NULL);
		return;
	}
	/* Every key goes back: the bar says so, and no other key. */
	ui_bars(u, _(S_TITLE), NULL, 0);
	if (u->status == NULL) {
		attr_t kb = theme_ui(UI_KEYBAR);
		int y = rows - 1, x = 1;
		x += draw_text(y, x, _(S_ANY_KEY_BAR), cols - 1 - x,
			       theme_bold(kb), false);
		x += draw_text(y, x, ": ", cols - 1 - x, kb, false);
		draw_text(y, x, _("Back"), cols - 1 - x, kb, true);
	}
	if (q->size > 0 && chh + 5 <= rows && cw <= cols - 2) {
		/* Under: a narrow screen. */
		paint_code(q, 1, (cols - cw) / 2, half);
		explain(s, chh + 2, 2, cols - 4, rows - 1, _(S_POINT));
		return;
	}
	char msg[256];
	if (q->size == 0)
		snprintf(msg, sizeof msg, "%s", _(S_TOO_LONG));
	else if (!half && q->size > rows)
		snprintf(msg, sizeof msg, _(S_NO_BLOCKS), q->size, rows);
	else
		snprintf(msg, sizeof msg, _(S_SMALL), cw + 3 + SIDE_MIN,
			 chh);
	explain(s, 2, 2, cols - 4, rows - 1, msg);
}
