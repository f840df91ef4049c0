/*
 * term: the terminal's life cycle.  Starts curses on the controlling
 * terminal (falling back to a basic terminal type when TERM is unknown
 * or missing), and restores it exactly once however the program ends:
 * normal exit, a fatal error (xmem's hook) or a signal.
 */
#ifndef KIOSK_TERM_H
#define KIOSK_TERM_H

#include <stdbool.h>

/* What term_start found out about the terminal. */
struct term_caps {
	bool ascii;   /* the locale's character set is not UTF-8, or the
			 terminal type cannot show it (vt100, vt220, ansi,
			 ...): text is transliterated to ASCII */
	bool console; /* the Linux console (TERM=linux), whose fonts lack
			 most symbols */
	bool blocks;  /* half blocks can be drawn (the take-home code) */
};

/* Starts full-screen mode.  locked (waiting-room mode) puts the terminal
 * in raw mode, so Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-S and Ctrl-Q arrive as
 * plain keys instead of signals or flow control.
 *
 * A locale that names no character set (LANG=C or unset: what a session
 * gets when the SSH client sends no locale, as PuTTY does) on a terminal
 * type of the Unicode era (xterm, the Linux console, screen, tmux, ...)
 * is taken as a UTF-8 terminal whose locale was not passed on: LC_CTYPE
 * becomes C.UTF-8, so typed letters are read whole and the take-home
 * code can use half blocks, while every other text stays ASCII
 * (caps->ascii).  Returns 0, or -1 with a message printed when no
 * terminal can be used. */
int term_start(bool locked, struct term_caps *caps);

/* The largest screen the kiosk uses: a bigger terminal (the remote client
 * chooses the size) is drawn in its top-left corner, so a stranger cannot
 * make a session use gigabytes of memory. */
#define TERM_MAX_COLS 400
#define TERM_MAX_ROWS 150

/* The terminal's rows (clamped as above), TERM_MAX_ROWS when it cannot be
 * read; works before term_start. */
int term_rows(void);

/* Applies a pending window size change (SIGWINCH), clamped to the sizes
 * above; true when the size changed and the screen must be painted.  The
 * loop calls it once per round: that is how the watchdog (term_watchdog)
 * knows the loop is not stuck in a write. */
bool term_take_resize(void);

/*
 * What the loop cannot do itself while a write to the terminal blocks (a
 * remote client that stopped reading, or output stopped by Scroll Lock),
 * done by a watchdog thread that wakes once a second:
 *  - max_s, idle_s > 0 (a remote session's session_max and session_idle):
 *    TERM_LIMIT_GRACE seconds after the session should have ended (max_s
 *    after this call, or idle_s after the loop last came round, which
 *    term_take_resize notes), output is sent to /dev/null so the blocked
 *    write returns, and term_should_quit() becomes SIGALRM.  The loop ends
 *    in time when it is not blocked, so then nothing happens;
 *  - resume (waiting-room mode): output stopped by Scroll Lock or
 *    tcflow(TCOOFF) is resumed (term_resume_output), so nobody can keep
 *    the last patient's article on screen.
 * Call after term_start.  Returns 0, or -1 when no thread can be started.
 */
int term_watchdog(int max_s, int idle_s, bool resume);

/* Seconds past a session limit before the watchdog ends a blocked
 * session: more than the "Session ended" message stays up (2.5 s). */
#define TERM_LIMIT_GRACE 4

/* Resumes output stopped by Scroll Lock (Hold) or tcflow(TCOOFF). */
void term_resume_output(void);

/* Restores the terminal; safe to call more than once and from the fatal
 * hook. */
void term_stop(void);

/* Installs handlers for SIGHUP, SIGTERM, SIGINT and SIGQUIT that ask the
 * main loop to end (term_should_quit); SIGPIPE, SIGTSTP, SIGTTIN and
 * SIGTTOU are ignored (call before term_start, so ncurses installs no
 * SIGTSTP handler).  When locked, SIGINT and SIGQUIT are ignored too.  Fatal signals
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) restore the terminal before
 * the program dies. */
void term_install_signals(bool locked);

/* A descriptor that becomes readable when one of the signals above (or a
 * resize, or the watchdog's SIGALRM) came: the loop waits on it beside the
 * terminal, so a signal that arrives between its look at
 * term_take_resize/term_should_quit and its wait is not kept until the
 * next key.  -1 before term_install_signals.  term_wake_drain empties it
 * before the loop looks again. */
int term_wake_fd(void);
void term_wake_drain(void);

/* Nonzero once a signal asked the program to end (the signal number). */
int term_should_quit(void);

/* Called when a read of a key failed: true when the terminal is gone
 * (hangup, EOF, error), so the program should end now. */
bool term_lost(void);

#endif
