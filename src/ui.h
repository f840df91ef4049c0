/*
 * ui: what every screen is given to draw and to handle a key, and the two
 * bars every screen has.  Screens never read the loop's state: app.c
 * fills a struct ui before each paint and each key.
 *
 *   row 0       header bar: a title, and a short text at the right
 *   row rows-1  key bar: the screen's keys from the key table, or the
 *               status (a notice, or the waiting-room countdown)
 */
#ifndef KIOSK_UI_H
#define KIOSK_UI_H

#include <stdbool.h>
#include <stddef.h>

struct library;
struct search_index;
struct langs;

struct ui {
	const struct library *lib; /* borrowed; the content shown */
	const char *title;         /* borrowed; the kiosk's title */
	bool locked;               /* waiting room: no key quits */
	int rows, cols;            /* the screen */
	const char *status;        /* borrowed; key bar message, or NULL */
	const struct search_index *index; /* borrowed; the search index of
					     lib, or NULL before it is built
					     (the search and words screens
					     get one before their keys) */
	const struct langs *langs; /* borrowed; the languages offered, or
				      NULL for one */
	size_t lang;               /* index in langs of the one shown */
};

/* Smallest usable screen. */
#define UI_MIN_COLS 20
#define UI_MIN_ROWS 6

/* Paints the header bar (title, right) and the key bar for a context
 * (CTX_* of keys.h). */
void ui_bars(const struct ui *u, const char *title, const char *right,
	     int context);

/* As ui_bars, with the right text ending before column right_end (the
 * right edge of an article's text column; 0: the screen's edge less
 * one). */
void ui_bars_at(const struct ui *u, const char *title, const char *right,
		int right_end, int context);

/* More than one language to choose from (the language key and row). */
bool ui_multilingual(const struct ui *u);

/* Paints s centred on row y. */
void ui_centre(const struct ui *u, int y, const char *s, unsigned long attr);

#endif
