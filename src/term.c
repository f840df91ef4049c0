/* term: see term.h. */
#include "term.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

static SCREEN *screen;
static volatile sig_atomic_t quit_signal;

static void on_signal(int sig) { quit_signal = sig; }

void term_install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns */
	int sigs[] = {SIGHUP, SIGTERM, SIGINT, SIGQUIT};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN); /* writes then fail with EPIPE */
}

int term_should_quit(void) { return quit_signal; }

static bool usable(const char *name)
{
	int err = 0;
	if (name == NULL || name[0] == '\0')
		return false;
	if (setupterm(name, STDOUT_FILENO, &err) != OK)
		return false;
	/* Full-screen needs cursor addressing. */
	bool ok = tigetstr("cup") != NULL && tigetstr("cup") != (char *)-1;
	del_curterm(cur_term);
	return ok;
}

int term_start(bool *ascii)
{
	const char *cs = nl_langinfo(CODESET);
	*ascii = cs == NULL || strcmp(cs, "UTF-8") != 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "kiosk: needs a terminal (stdin and stdout)\n");
		return -1;
	}
	const char *name = getenv("TERM");
	static const char *const fallbacks[] = {"xterm", "vt100", "ansi"};
	const char *use = usable(name) ? name : NULL;
	for (size_t i = 0; use == NULL && i < 3; i++)
		if (usable(fallbacks[i]))
			use = fallbacks[i];
	if (use == NULL) {
		fprintf(stderr, "kiosk: no usable terminal description\n");
		return -1;
	}
	screen = newterm(use, stdout, stdin);
	if (screen == NULL) {
		fprintf(stderr, "kiosk: cannot start the terminal\n");
		return -1;
	}
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	curs_set(0);
	set_escdelay(100);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
			  BUTTON5_PRESSED,
		  NULL);
	mouseinterval(0);
	return 0;
}

void term_stop(void)
{
	if (screen == NULL)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
}

bool term_lost(void)
{
	if (quit_signal)
		return true;
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	int r = poll(&p, 1, 0);
	if (r < 0)
		return errno != EINTR;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	if (r == 1 && (p.revents & POLLIN)) {
		/* Readable but curses got nothing: EOF. */
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 0);
		return n < 0 && errno != EINTR && errno != EAGAIN;
	}
	return false;
}
