/* screen_lobby: see screen_lobby.h. */
#include "screen_lobby.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "field.h"
#include "i18n.h"
#include "hyperlink.h"
#include "theme.h"

/* The words a person reads on these screens. */
#define S_TOO_SMALL N_("Screen too small: %dx%d. The kiosk needs %dx%d. Staff: choose a smaller console font (setfont) or a higher resolution.")
#define S_WELCOME N_("Welcome. Press any key to start.")
#define S_PLAIN N_("Read about your health in plain words.")
#define S_STAFF_EXIT N_("Staff exit")
#define S_TYPE_PIN N_("Type the PIN, then press Enter.")
#define S_PIN N_("PIN: ")
#define S_PIN_BACK N_("Esc: back to the kiosk")
#define S_ENDED N_("Session ended")
#define S_THANKS N_("Thank you for reading. You can connect again at any time.")

void lobby_countdown(char *buf, size_t size, int seconds)
{
	/* TRANSLATORS: the idle countdown in the waiting room; %d is the
	 * number of seconds left. */
	snprintf(buf, size,
		 ngettext("In %d second this goes back to the start. "
			  "Press any key to keep reading.",
			  "In %d seconds this goes back to the start. "
			  "Press any key to keep reading.",
			  (unsigned long)seconds),
		 seconds);
}

/* The message for staff wrapped at spaces to the window's width (a word
 * wider than the window is cut), as many lines as there are rows.
 * Nobody can resize a console: it says what to change. */
void lobby_draw_too_small(const struct ui *u)
{
	char msg[320];
	/* TRANSLATORS: the screen's size in columns x rows, then the
	 * smallest the kiosk can use; shown to staff on a console */
	snprintf(msg, sizeof msg, _(S_TOO_SMALL), u->cols, u->rows,
		 UI_MIN_COLS, UI_MIN_ROWS);
	const char *p = msg;
	for (int y = 0; y < u->rows && *p != '\0'; y++) {
		size_t n = strlen(p);
		if (n > (size_t)u->cols) {
			n = (size_t)u->cols;
			while (n > 0 && p[n] != ' ')
				n--;
			if (n == 0) /* one long word: cut */
				n = strcspn(p, " ");
		}
		char line[sizeof msg];
		memcpy(line, p, n);
		line[n] = '\0';
		draw_text(y, 0, line, u->cols, A_BOLD, true);
		p += n;
		while (*p == ' ')
			p++;
	}
}

void lobby_draw_attract(const struct ui *u, unsigned step)
{
	/* Places as fractions of the free space, in an order that moves the
	 * block a fair way each time; the centre first. */
	static const int fx[] = {50, 15, 85, 60, 20, 80, 35, 50};
	static const int fy[] = {50, 20, 30, 80, 70, 55, 15, 85};
	const char *text[3] = {u->title, _(S_WELCOME), _(S_PLAIN)};
	int maxw = 0;
	for (int i = 0; i < 3; i++) {
		int w = draw_width(text[i]);
		maxw = w > maxw ? w : maxw;
	}
	int bw = maxw + 4 < u->cols ? maxw + 4 : u->cols;
	int h = u->rows >= 9 ? 7 : u->rows >= 5 ? 5 : u->rows;
	int gap = h == 7 ? 2 : 1, first = h >= 5 ? 1 : 0;
	int k = (int)(step % (sizeof fx / sizeof fx[0]));
	int x = (u->cols - bw) * fx[k] / 100;
	int y = (u->rows - h) * fy[k] / 100;
	attr_t at = theme_ui(UI_HEADER);
	for (int i = 0; i < h; i++)
		draw_fill(y + i, x, bw, at);
	for (int i = 0; i < 3 && first + i * gap < h; i++) {
		int w = draw_width(text[i]);
		int tx = w < bw - 2 ? x + (bw - w) / 2 : x + 1;
		draw_text(y + first + i * gap, tx, text[i], bw - 2, at, true);
	}
}

void lobby_draw_pin(const struct waitroom *w, const struct ui *u)
{
	int bw = 44 < u->cols - 2 ? 44 : u->cols - 2, h = 8;
	int x = (u->cols - bw) / 2, y = (u->rows - h) / 2;
	attr_t at = theme_ui(UI_HEADER);
	hyperlink_cover(y, x, h, bw);
	for (int i = 0; i < h; i++)
		draw_fill(y + i, x, bw, at);
	draw_text(y + 1, x + 2, _(S_STAFF_EXIT), bw - 4, at, true);
	draw_text(y + 3, x + 2, _(S_TYPE_PIN), bw - 4, at, true);
	int px = x + 2 + draw_text(y + 4, x + 2, _(S_PIN), bw - 4, at, true);
	char stars[sizeof w->pin];
	size_t n = w->pin_len < sizeof stars ? w->pin_len : sizeof stars - 1;
	memset(stars, '*', n);
	stars[n] = '\0';
	field_draw(y + 4, px, x + bw - 2 - px, stars, w->pin_cur, at);
	draw_text(y + 6, x + 2, w->pin_msg[0] != '\0' ? w->pin_msg : _(S_PIN_BACK),
		  bw - 4, at, true);
}

void lobby_draw_ended(const struct waitroom *w, const struct ui *u)
{
	int mid = u->rows / 2;
	ui_centre(u, mid - 2, _(S_ENDED), theme_ui(UI_TOPIC));
	ui_centre(u, mid, w->ended, theme_ui(UI_TEXT));
	ui_centre(u, mid + 2, _(S_THANKS), theme_ui(UI_TEXT));
}
