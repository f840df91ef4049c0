/*
 * screen_lobby: what waiting-room and remote sessions show over the
 * screens (prefix lobby_): the "press any key" attract screen, the staff
 * PIN box, the end of a remote session, and the message for a window too
 * small to use.  Their state is the waitroom model (waitroom.h).
 */
#ifndef KIOSK_SCREEN_LOBBY_H
#define KIOSK_SCREEN_LOBBY_H

#include "ui.h"
#include "waitroom.h"

/* The attract screen with its text at place step (waitroom_attract_step):
 * the text block moves to another part of the screen at each step. */
void lobby_draw_attract(const struct ui *u, unsigned step);
void lobby_draw_pin(const struct waitroom *w, const struct ui *u);
void lobby_draw_ended(const struct waitroom *w, const struct ui *u);
void lobby_draw_too_small(const struct ui *u);

/* The key bar's countdown before an idle reset, in buf. */
void lobby_countdown(char *buf, size_t size, int seconds);

#endif
