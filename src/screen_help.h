/*
 * screen_help: the keys, printed from the key table.
 */
#ifndef KIOSK_SCREEN_HELP_H
#define KIOSK_SCREEN_HELP_H

#include <curses.h>

#include "app.h"
#include "keys.h"

void help_draw(struct app *a);
void help_key(struct app *a, enum action act);

#endif
