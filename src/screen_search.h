/*
 * screen_search: type words, see where they appear, open one.
 *
 *   row 0      header
 *   row 1      Search: <query>_
 *   row 2      how many results
 *   rows 3..   results, two rows each: where (article > section, or
 *              "Glossary") and the line with the words highlighted
 *   last row   key bar
 */
#ifndef KIOSK_SCREEN_SEARCH_H
#define KIOSK_SCREEN_SEARCH_H

#include <stdbool.h>
#include <wchar.h>

#include <curses.h>

#include "app.h"
#include "keys.h"

/* Opens the search screen (keeps the query typed before). */
void search_open(struct app *a);
/* Builds the search index when the search screen or the word list (its
 * "Appears in" places) is shown without one.
 * The loop calls it after painting, so the screen is seen at once and
 * the build (about a second at 10,000 articles) overlaps the typing of
 * the first letter. */
void search_prepare(struct app *a);
/* A typed character or Backspace for the query: true when used. */
bool search_char(struct app *a, wint_t ch, bool keycode);
void search_draw(struct app *a);
void search_key(struct app *a, enum action act);
void search_mouse(struct app *a, const MEVENT *ev);
/* Frees the index and the results (on reload and reset). */
void search_forget(struct app *a, bool keep_query);

#endif
