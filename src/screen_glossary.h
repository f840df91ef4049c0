/*
 * screen_glossary: every glossary term from A to Z.
 *
 * The list narrows as the person types (case and accents do not matter,
 * aliases count).  Enter shows the term: its definition and the places it
 * is used ("Appears in: What is stem cell therapy? > How stem cells
 * work"); Enter on a place opens the article there, with the term
 * explained beside it.
 */
#ifndef KIOSK_SCREEN_GLOSSARY_H
#define KIOSK_SCREEN_GLOSSARY_H

#include <stdbool.h>
#include <wchar.h>

#include <curses.h>

#include "app.h"
#include "keys.h"

void glossary_open(struct app *a);
/* A typed character or Backspace for the filter: true when used. */
bool glossary_char(struct app *a, wint_t ch, bool keycode);
void glossary_draw(struct app *a);
void glossary_key(struct app *a, enum action act);
void glossary_mouse(struct app *a, const MEVENT *ev);
/* Drops the list and the places (on reload and reset). */
void glossary_forget(struct app *a);

#endif
