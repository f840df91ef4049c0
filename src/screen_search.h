/*
 * screen_search: type words, see where they appear, open one (prefix
 * srch_).
 *
 *   row 0      header
 *   row 1      Search: <query>_
 *   row 2      how many results
 *   rows 4..   results, two rows each: where (article > section, or
 *              "Glossary") and the line with the words highlighted
 *   last row   key bar
 *
 * Its state: the query, the results and the list position.  The results
 * are made again when the query changed, on the next srch_prepare (with
 * the index of struct ui); the texts of the results on screen are found
 * there too, so drawing only reads them.  Opening a result returns an
 * outcome whose place borrows from the state (valid until the next key).
 */
#ifndef KIOSK_SCREEN_SEARCH_H
#define KIOSK_SCREEN_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "keys.h"
#include "listview.h"
#include "outcome.h"
#include "ui.h"

struct search_hit;

struct srch_state {
	char query[160];          /* what the person typed, UTF-8 */
	size_t qcur;              /* the cursor in query (field.h) */
	struct search_hit *hits;  /* owned; results of query */
	size_t nhits, total;
	struct listview lv;       /* sel: a hit; top: a row */
	bool stale;               /* query changed since hits were made */
	struct search_hit *uses;  /* owned; a glossary hit's places, kept
				     for the place of the last outcome */
	size_t nuses;
};

void srch_free(struct srch_state *s);
/* Drops the results (the index they came from is going); with
 * keep_query false the query too (a fresh session). */
void srch_reset(struct srch_state *s, bool keep_query);
/* The screen is shown again: results made afresh. */
void srch_enter(struct srch_state *s);
/* A key for the query box (typing and editing, field.h): true when
 * used.  Backspace in an empty box and Left are the box's, so only Esc
 * leaves the screen. */
bool srch_char(struct srch_state *s, wint_t ch, bool keycode);
/* Before a paint or a key: results for the query, texts of those shown. */
void srch_prepare(struct srch_state *s, const struct ui *u);

void srch_draw(const struct srch_state *s, const struct ui *u);
struct outcome srch_key(struct srch_state *s, const struct ui *u,
			enum action act);
struct outcome srch_mouse(struct srch_state *s, const struct ui *u,
			  const MEVENT *ev);

#endif
