/*
 * screen_article: the article screen (prefix art_): paints the reader
 * model (reader.h) and maps keys and clicks to its moves.  Its state is
 * the model and the painter's memory of it (the lines and section-list
 * rows painted before, reused while the layout stays the same).
 *
 * Enter on a link to another article returns an outcome asking to open
 * it at its section; everything else changes the model and asks for a
 * repaint.
 */
#ifndef KIOSK_SCREEN_ARTICLE_H
#define KIOSK_SCREEN_ARTICLE_H

#include <curses.h>

#include "keys.h"
#include "outcome.h"
#include "reader.h"
#include "ui.h"

struct linecache;
struct rowcache;

struct art_state {
	struct reader rd;          /* the model */
	struct linecache *cells;   /* owned; rd.lay's lines as curses cells */
	struct rowcache *side;     /* owned; section-list rows painted */
	unsigned gen;              /* rd.gen the caches were made for */
};

void art_init(struct art_state *s, const struct library *lib,
	      struct reader_opts opt);
void art_free(struct art_state *s);
/* Closes the article (a fresh session). */
void art_reset(struct art_state *s);
/* Before a paint or a key: the model at the screen's size. */
void art_prepare(struct art_state *s, const struct ui *u);

void art_draw(const struct art_state *s, const struct ui *u);
struct outcome art_key(struct art_state *s, const struct ui *u,
		       enum action act);
struct outcome art_mouse(struct art_state *s, const struct ui *u,
			 const MEVENT *ev);

#endif
