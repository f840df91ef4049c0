/*
 * screen_glossary: every glossary term from A to Z (prefix words_).
 *
 * The list narrows as the person types (case and accents do not matter,
 * aliases count).  Enter shows the term: its definition and the places it
 * is used ("Appears in: What is stem cell therapy? > How stem cells
 * work"); Enter on a place returns an outcome to open the article there,
 * with the term explained beside it (its strings borrow from the state,
 * valid until the next key).
 *
 * Its state: the filter, the sorted list, the term shown with its
 * definition laid out at the screen's width and its places.  All are
 * made on the key or in words_prepare; drawing only reads them.
 */
#ifndef KIOSK_SCREEN_GLOSSARY_H
#define KIOSK_SCREEN_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "keys.h"
#include "listview.h"
#include "outcome.h"
#include "ui.h"

struct layout;
struct search_hit;

struct words_state {
	char filter[64];          /* what the person typed */
	size_t fcur;              /* the cursor in filter (field.h) */
	size_t *terms;            /* owned; entries shown, A to Z */
	char **plain;             /* owned; per entry shown, its definition
				     as one plain line (what the list shows) */
	size_t nterms;
	struct listview lv;
	bool stale;               /* filter or library changed */
	bool detail;              /* showing one term and where it appears */
	struct search_hit *places; /* owned; where the term appears */
	size_t nplaces;
	size_t place_sel;
	struct layout *def;       /* owned; the definition, at def_cols */
	int def_cols;
	size_t def_entry;
};

void words_free(struct words_state *s);
/* Drops the list, the places and the filter (on reload and reset). */
void words_reset(struct words_state *s);
/* The screen is shown again: the list, made afresh. */
void words_enter(struct words_state *s);
/* A key for the filter box (typing and editing, field.h): true when
 * used; only Esc leaves the list. */
bool words_char(struct words_state *s, wint_t ch, bool keycode);
void words_prepare(struct words_state *s, const struct ui *u);

void words_draw(const struct words_state *s, const struct ui *u);
struct outcome words_key(struct words_state *s, const struct ui *u,
			 enum action act);
struct outcome words_mouse(struct words_state *s, const struct ui *u,
			   const MEVENT *ev);

#endif
