/*
 * screen_takehome: "Take it home", a web address as a QR code over the
 * whole screen (prefix take_).  Any key or click puts it away.  Its state
 * is the address shown.
 */
#ifndef KIOSK_SCREEN_TAKEHOME_H
#define KIOSK_SCREEN_TAKEHOME_H

#include <stdbool.h>

#include "ui.h"

struct take_state {
	char *url; /* owned; the address shown, or NULL: not shown */
};

/* Shows url (copied). */
void take_open(struct take_state *s, const char *url);
void take_close(struct take_state *s);
bool take_is_open(const struct take_state *s);

void take_draw(const struct take_state *s, const struct ui *u);

#endif
