/*
 * waitroom: the timers and the lock of waiting-room mode and of remote
 * (SSH) sessions, without curses: time goes in (monotonic seconds),
 * events come out.
 *
 * Waiting room (locked): no key quits; staff leave with the chord Ctrl-X,
 * Ctrl-E (within 3 s) and the PIN; after idle_timeout seconds without a
 * key the session is forgotten (a countdown shows for the last
 * WAITROOM_COUNTDOWN seconds), and after attract_timeout the "press any
 * key" screen comes up.  Remote: the session ends after session_idle
 * seconds without a key or session_max seconds in all.
 *
 * "pristine" is the caller's word that there is nothing to forget (a
 * fresh home screen): then no countdown runs.
 *
 * Every string a patient reads here is in waitroom.c (pin_msg, ended).
 */
#ifndef KIOSK_WAITROOM_H
#define KIOSK_WAITROOM_H

#include <stdbool.h>
#include <stddef.h>

#include "pin.h"

/* Staff chord in waiting-room mode: Ctrl-X, then Ctrl-E within 3 s. */
#define WAITROOM_CHORD_1 0x18
#define WAITROOM_CHORD_2 0x05
/* Seconds before an untouched PIN prompt goes away. */
#define WAITROOM_PIN_TIMEOUT 20
/* Seconds between two moves of the attract screen's text (so nothing
 * burns into the screen). */
#define WAITROOM_ATTRACT_SHIFT 8
/* Seconds of countdown shown before an idle reset. */
#define WAITROOM_COUNTDOWN 10

struct waitroom_cfg {
	bool locked;            /* waiting-room mode */
	bool remote;            /* started by sshd */
	double idle_timeout;    /* locked: seconds, then reset */
	double attract_timeout; /* locked: seconds, then attract; 0 never */
	double session_idle;    /* remote: seconds without a key; 0 never */
	double session_max;     /* remote: seconds in all; 0 never */
	const char *pin_hash;   /* borrowed; crypt(3) hash, or "" */
};

struct waitroom {
	struct waitroom_cfg cfg;
	double last_input;     /* monotonic seconds of the last key */
	double started;        /* monotonic seconds at start */
	double chord_at;       /* when the first key of the chord came */
	bool attract;          /* the "press any key" screen is up */
	double attract_at;     /* monotonic seconds when it came up */
	bool pin_open;         /* the staff PIN prompt is up */
	char pin[33];          /* digits typed so far */
	size_t pin_len;
	size_t pin_cur;        /* the cursor in pin (field.h) */
	char pin_msg[80];      /* message under the prompt, or "" */
	struct pin_limiter limiter;
	const char *ended;     /* a literal: why the session is over, or NULL */
};

/* Events of waitroom_tick and waitroom_key (bits). */
enum {
	WAITROOM_USED = 1 << 0,  /* key: taken, the screens never see it */
	WAITROOM_QUIT = 1 << 1,  /* key: the right PIN: leave the kiosk */
	WAITROOM_RESET = 1 << 2, /* tick: forget the session */
	WAITROOM_ENDED = 1 << 3, /* tick: the remote session is over */
};

/* A key as the waiting room sees it. */
enum waitroom_input {
	WAITROOM_CHAR,   /* a character (ch) */
	WAITROOM_ERASE,  /* Backspace */
	WAITROOM_ENTER,
	WAITROOM_ESC,
	WAITROOM_OTHER,  /* any other key (ch: its curses key code) or click */
};

void waitroom_init(struct waitroom *w, const struct waitroom_cfg *cfg,
		   double now);

/* A key at time now: resets the idle timers, then the attract screen,
 * the PIN prompt and the chord take what is theirs. */
unsigned waitroom_key(struct waitroom *w, enum waitroom_input in, int ch,
		      double now);

/* Timed events due at now. */
unsigned waitroom_tick(struct waitroom *w, double now, bool pristine);

/* When the next timed event is due (monotonic seconds), or INFINITY. */
double waitroom_next(const struct waitroom *w, double now, bool pristine);

/* Whole seconds left before the idle reset, when the countdown shows;
 * else 0. */
int waitroom_countdown(const struct waitroom *w, double now, bool pristine);

/* Which place the attract screen's text is at now: 0 when it came up,
 * one more every WAITROOM_ATTRACT_SHIFT seconds (waitroom_next wakes
 * the loop for each). */
unsigned waitroom_attract_step(const struct waitroom *w, double now);

/* Forgets the PIN typed and closes the prompt. */
void waitroom_close_pin(struct waitroom *w);

#endif
