/*
 * screen_takehome: "Take it home", a web address as a QR code over the
 * whole screen (prefix take_).  Any key or click puts it away.  Its state
 * is the address shown and its code.
 *
 * Layout: the code at the left, as large as the screen's height allows,
 * and the explanation, the address and the way back in a column beside
 * it; on a screen too narrow for a column beside it, the text goes under
 * the code.  A 127-character address (version 6, 45 modules with the
 * quiet zone) fits 80x24 with half blocks (two modules per cell, one
 * above the other).  Where the terminal has no UTF-8 (GLYPHS_ASCII) each
 * module is a reverse-video cell two columns wide and one row tall, so
 * the same code needs 45 rows; a screen that cannot hold the code says
 * how many rows and columns it needs, and still shows the address.
 */
#ifndef KIOSK_SCREEN_TAKEHOME_H
#define KIOSK_SCREEN_TAKEHOME_H

#include <stdbool.h>

#include "qr.h"
#include "ui.h"

/* Quiet zone (light border) in modules: enough for phone cameras. */
#define TAKE_QUIET 2

/* The code is made once, when the address is given, so drawing only
 * paints it. */
struct take_state {
	char *url;       /* owned; the address shown, or NULL: not shown */
	struct qr code;  /* owned; size 0: the address is too long */
};

/* Shows url (copied). */
void take_open(struct take_state *s, const char *url);
void take_close(struct take_state *s);
bool take_is_open(const struct take_state *s);

void take_draw(const struct take_state *s, const struct ui *u);

#endif
