/*
 * screen_takehome: "Take it home", a web address as a QR code over the
 * whole screen (prefix take_).  Any key or click puts it away.  Its state
 * is the address shown.
 */
#ifndef KIOSK_SCREEN_TAKEHOME_H
#define KIOSK_SCREEN_TAKEHOME_H

#include <stdbool.h>

#include "qr.h"
#include "ui.h"

/* The code is made once, when the address is given (with a quiet zone of
 * 4 modules, and of 2 for small screens), so drawing only paints it. */
struct take_state {
	char *url;       /* owned; the address shown, or NULL: not shown */
	struct qr wide;  /* owned; quiet zone 4 (size 0: could not be made) */
	struct qr narrow; /* owned; quiet zone 2 */
};

/* Shows url (copied). */
void take_open(struct take_state *s, const char *url);
void take_close(struct take_state *s);
bool take_is_open(const struct take_state *s);

void take_draw(const struct take_state *s, const struct ui *u);

#endif
