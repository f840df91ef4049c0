/* waitroom: see waitroom.h. */
#include "waitroom.h"

#include "field.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The words a person reads from here. */
#define S_TOO_MANY N_("Too many tries. Wait %d s.")
#define S_NO_PIN N_("No PIN is set in kiosk.conf.")
#define S_WRONG N_("Wrong PIN.")
#define S_ENDED_IDLE N_("Your session has ended because nothing was pressed for a while.")
#define S_ENDED_MAX N_("Your session has reached its time limit.")

void waitroom_init(struct waitroom *w, const struct waitroom_cfg *cfg,
		   double now)
{
	memset(w, 0, sizeof *w);
	w->cfg = *cfg;
	w->last_input = now;
	w->started = now;
}

void waitroom_close_pin(struct waitroom *w)
{
	w->pin_open = false;
	explicit_bzero(w->pin, sizeof w->pin);
	w->pin_len = 0;
	w->pin_cur = 0;
	w->pin_msg[0] = '\0';
}

static unsigned pin_key(struct waitroom *w, enum waitroom_input in, int ch,
			double now)
{
	switch (in) {
	case WAITROOM_ESC:
		w->pin_open = false;
		break;
	case WAITROOM_ERASE:
		field_edit(w->pin, sizeof w->pin, &w->pin_cur, 127, false);
		w->pin_len = strlen(w->pin);
		return WAITROOM_USED;
	case WAITROOM_ENTER: {
		unsigned r = WAITROOM_USED;
		double wait = pin_wait(&w->limiter, now);
		if (wait > 0) {
			snprintf(w->pin_msg, sizeof w->pin_msg,
				 _(S_TOO_MANY), (int)ceil(wait));
		} else if (w->cfg.pin_hash == NULL || w->cfg.pin_hash[0] == '\0') {
			snprintf(w->pin_msg, sizeof w->pin_msg,
				 "%s", _(S_NO_PIN));
		} else {
			bool ok = pin_check(w->pin, w->cfg.pin_hash);
			pin_record(&w->limiter, ok, now);
			if (ok)
				r |= WAITROOM_QUIT;
			else
				snprintf(w->pin_msg, sizeof w->pin_msg,
					 "%s", _(S_WRONG));
		}
		explicit_bzero(w->pin, sizeof w->pin);
		w->pin_len = 0;
		w->pin_cur = 0;
		return r;
	}
	case WAITROOM_CHAR:
		/* PINs are ASCII; control keys edit (Ctrl-U, Ctrl-W, ...) */
		if (ch > ' ' ? ch < 0x7f : ch < ' ')
			field_edit(w->pin, sizeof w->pin, &w->pin_cur,
				   (wint_t)ch, false);
		w->pin_len = strlen(w->pin);
		return WAITROOM_USED;
	case WAITROOM_OTHER: /* a key code: Left, Right, Home, End, Delete */
		if (ch >= 0)
			field_edit(w->pin, sizeof w->pin, &w->pin_cur,
				   (wint_t)ch, true);
		w->pin_len = strlen(w->pin);
		return WAITROOM_USED;
	}
	explicit_bzero(w->pin, sizeof w->pin);
	w->pin_len = 0;
	w->pin_cur = 0;
	return WAITROOM_USED;
}

unsigned waitroom_key(struct waitroom *w, enum waitroom_input in, int ch,
		      double now)
{
	w->last_input = now;
	if (!w->cfg.locked)
		return 0;
	if (w->attract) {
		w->attract = false;
		return WAITROOM_USED;
	}
	if (w->pin_open)
		return pin_key(w, in, ch, now);
	bool chord = in == WAITROOM_CHAR &&
		     (ch == WAITROOM_CHORD_1 || ch == WAITROOM_CHORD_2);
	if (!chord) {
		w->chord_at = 0; /* any other key breaks the chord */
		return 0;
	}
	if (ch == WAITROOM_CHORD_1) {
		w->chord_at = now;
		return WAITROOM_USED;
	}
	if (w->chord_at > 0 && now - w->chord_at < 3) {
		w->chord_at = 0;
		w->pin_open = true;
		w->pin_len = 0;
		w->pin_cur = 0;
		w->pin_msg[0] = '\0';
		return WAITROOM_USED;
	}
	return 0;
}

unsigned waitroom_tick(struct waitroom *w, double now, bool pristine)
{
	unsigned ev = 0;
	const struct waitroom_cfg *c = &w->cfg;
	if (c->remote && c->session_idle > 0 &&
	    now - w->last_input >= c->session_idle) {
		w->ended = S_ENDED_IDLE;
		ev |= WAITROOM_ENDED;
	}
	if (c->remote && c->session_max > 0 && now - w->started >= c->session_max) {
		w->ended = S_ENDED_MAX;
		ev |= WAITROOM_ENDED;
	}
	if (w->pin_open && now - w->last_input >= WAITROOM_PIN_TIMEOUT) {
		waitroom_close_pin(w);
	}
	if (!c->locked)
		return ev;
	if (!pristine && now - w->last_input >= c->idle_timeout) {
		waitroom_close_pin(w);
		ev |= WAITROOM_RESET;
	}
	if (!w->attract && c->attract_timeout > 0 &&
	    now - w->last_input >= c->attract_timeout) {
		waitroom_close_pin(w);
		w->attract = true;
		w->attract_at = now;
		ev |= WAITROOM_RESET;
	}
	return ev;
}

double waitroom_next(const struct waitroom *w, double now, bool pristine)
{
	const struct waitroom_cfg *c = &w->cfg;
	double next = INFINITY;
	if (w->pin_open)
		next = fmin(next, w->last_input + WAITROOM_PIN_TIMEOUT);
	if (c->locked && !pristine) {
		double reset = w->last_input + c->idle_timeout;
		double cd = reset - WAITROOM_COUNTDOWN;
		if (now < cd)
			next = fmin(next, cd);
		else if (reset - now <= 1e-3)
			next = now;
		else /* once a second, in step with the reset */
			next = fmin(next, reset - floor(reset - now - 1e-3));
	}
	if (c->locked && !w->attract && c->attract_timeout > 0)
		next = fmin(next, w->last_input + c->attract_timeout);
	if (c->locked && w->attract) /* a hair after the step changes, so
					 the paint it wakes sees the new one */
		next = fmin(next, w->attract_at + 0.01 +
					  WAITROOM_ATTRACT_SHIFT *
						  (waitroom_attract_step(w, now) + 1.0));
	if (c->remote && c->session_idle > 0)
		next = fmin(next, w->last_input + c->session_idle);
	if (c->remote && c->session_max > 0)
		next = fmin(next, w->started + c->session_max);
	return next;
}

unsigned waitroom_attract_step(const struct waitroom *w, double now)
{
	if (!w->attract || now <= w->attract_at)
		return 0;
	return (unsigned)floor((now - w->attract_at) / WAITROOM_ATTRACT_SHIFT);
}

int waitroom_countdown(const struct waitroom *w, double now, bool pristine)
{
	if (!w->cfg.locked || pristine)
		return 0;
	double left = w->last_input + w->cfg.idle_timeout - now;
	if (left > WAITROOM_COUNTDOWN)
		return 0;
	return left < 1 ? 1 : (int)ceil(left);
}
