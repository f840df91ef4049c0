/*
 * screen_home: the list of articles grouped by topic (prefix home_).
 *
 * Its state: the selection (an article) and the first row shown, and the
 * rows built from the library once (an instruction, then for each topic
 * its name and its articles: a title row and a description row), kept
 * until the library changes (home_reload).  With several languages, the
 * header bar names them at its right, each by its own name: a click, or
 * Up from the first article then Enter, switches (outcome_language).
 */
#ifndef KIOSK_SCREEN_HOME_H
#define KIOSK_SCREEN_HOME_H

#include <curses.h>

#include "keys.h"
#include "listview.h"
#include "outcome.h"
#include "ui.h"

struct home_rows;

struct home_state {
	struct listview lv;     /* sel: article index; top: a row */
	long lang_focus;        /* language chosen with the arrow keys on
				   the header bar, or -1: the articles have
				   the arrow keys */
	struct home_rows *rows; /* owned; NULL until home_prepare */
};

void home_free(struct home_state *s);
/* A fresh session: the first article selected, the top shown. */
void home_reset(struct home_state *s);
/* The library changed: the rows are built again (sel is the caller's). */
void home_reload(struct home_state *s);
/* Before a paint or a key: the rows for u->lib, the selection in range. */
void home_prepare(struct home_state *s, const struct ui *u);

void home_draw(const struct home_state *s, const struct ui *u);
struct outcome home_key(struct home_state *s, const struct ui *u,
			enum action act);
struct outcome home_mouse(struct home_state *s, const struct ui *u,
			  const MEVENT *ev);

#endif
