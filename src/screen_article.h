/*
 * screen_article: an article's text, its section list and the glossary
 * pane.
 *
 * Geometry (recomputed on every paint from the screen size):
 *   row 0            header: article title, "Section n of m"
 *   rows 1..h-2      section list (left, when shown), text, and the pane
 *                    (right when the screen is >= 100 columns wide, else
 *                    over the lower part of the text)
 *   row h-1          key bar
 */
#ifndef KIOSK_SCREEN_ARTICLE_H
#define KIOSK_SCREEN_ARTICLE_H

#include <curses.h>

#include "app.h"
#include "keys.h"

/* Loads article index into a->rd (parsing its body); returns 0, or -1
 * when the file cannot be read any more (a->rd is then empty). */
int reader_open(struct app *a, long index);
/* Frees the reader's document, layouts and pane. */
void reader_close(struct reader *rd);
/* Reading position of the first line shown. */
void reader_position(const struct reader *rd, uint32_t *block,
		     uint32_t *block_off);
/* Scrolls to a saved position (after the next layout). */
void reader_seek(struct reader *rd, uint32_t block, uint32_t block_off);
/* Scrolls to the section whose title matches fragment (a heading slug or
 * title), if any. */
void reader_seek_fragment(struct app *a, const char *fragment);

/* Returns to a section by title (after a reload): delta lines into it. */
void reader_seek_section(struct reader *rd, const char *title, size_t delta);
/* The section shown at the top, and how many lines into it; false when
 * there is no layout yet. */
bool reader_where(const struct reader *rd, const char **title, size_t *delta);
/* Opens the pane on the glossary term named term, if it exists. */
void reader_show_term(struct app *a, const char *term);

/* The address to take home: the focused link's when it leaves the kiosk,
 * else the article's "url"; NULL when there is none.  Valid until the
 * next change to the reader. */
const char *reader_take_home_url(const struct app *a);

void article_draw(struct app *a);
void article_key(struct app *a, enum action act);
void article_mouse(struct app *a, const MEVENT *ev);

#endif
