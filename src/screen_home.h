/*
 * screen_home: the list of articles grouped by topic.
 */
#ifndef KIOSK_SCREEN_HOME_H
#define KIOSK_SCREEN_HOME_H

#include <curses.h>

#include "app.h"
#include "keys.h"

void home_draw(struct app *a);
void home_key(struct app *a, enum action act);
void home_mouse(struct app *a, const MEVENT *ev);
/* Frees the rows built from a->lib (call before a->lib changes); the next
 * paint builds them again. */
void home_forget(struct app *a);

#endif
