/*
 * term: the terminal's life cycle.  Starts curses on the controlling
 * terminal (falling back to a basic terminal type when TERM is unknown
 * or missing), and restores it exactly once however the program ends:
 * normal exit, a fatal error (xmem's hook) or a signal.
 */
#ifndef KIOSK_TERM_H
#define KIOSK_TERM_H

#include <stdbool.h>

/* Starts full-screen mode.  locked (waiting-room mode) puts the terminal
 * in raw mode, so Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-S and Ctrl-Q arrive as
 * plain keys instead of signals or flow control.  *ascii is set when the
 * locale's character set is not UTF-8 or the terminal type is one that
 * cannot show it (vt100, vt220, ansi, ...); *console when it is the Linux
 * console (TERM=linux), whose fonts lack most symbols.  Returns 0, or -1
 * with a message printed when no terminal can be used. */
int term_start(bool locked, bool *ascii, bool *console);

/* The largest screen the kiosk uses: a bigger terminal (the remote client
 * chooses the size) is drawn in its top-left corner, so a stranger cannot
 * make a session use gigabytes of memory. */
#define TERM_MAX_COLS 400
#define TERM_MAX_ROWS 150

/* The terminal's rows (clamped as above), TERM_MAX_ROWS when it cannot be
 * read; works before term_start. */
int term_rows(void);

/* Applies a pending window size change (SIGWINCH), clamped to the sizes
 * above; true when the size changed and the screen must be painted. */
bool term_take_resize(void);

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

/* Nonzero once a signal asked the program to end (the signal number). */
int term_should_quit(void);

/* Called when a read of a key failed: true when the terminal is gone
 * (hangup, EOF, error), so the program should end now. */
bool term_lost(void);

#endif
