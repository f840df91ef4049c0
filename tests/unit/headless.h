/*
 * headless: a curses screen that writes to /dev/null, for the unit tests
 * of code that paints into stdscr (linecache, rowcache).  The screen is
 * lines x cols of xterm-256color in the C.UTF-8 locale, made current.
 */
#ifndef KIOSK_TEST_HEADLESS_H
#define KIOSK_TEST_HEADLESS_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <curses.h>

struct headless {
	SCREEN *scr; /* owned */
	FILE *out, *in;
};

/* Opens h; 0, or -1 (with what was opened closed again). */
static inline int headless_open(struct headless *h, int lines, int cols)
{
	char l[16], c[16];
	h->scr = NULL;
	h->out = h->in = NULL;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return -1;
	h->out = fopen("/dev/null", "w");
	h->in = fopen("/dev/null", "r");
	if (h->out != NULL && h->in != NULL) {
		snprintf(l, sizeof l, "%d", lines);
		snprintf(c, sizeof c, "%d", cols);
		setenv("LINES", l, 1);
		setenv("COLUMNS", c, 1);
		h->scr = newterm("xterm-256color", h->out, h->in);
	}
	if (h->scr == NULL) {
		if (h->out != NULL)
			fclose(h->out);
		if (h->in != NULL)
			fclose(h->in);
		return -1;
	}
	set_term(h->scr);
	return 0;
}

static inline void headless_close(struct headless *h)
{
	endwin();
	delscreen(h->scr);
	fclose(h->out);
	fclose(h->in);
}

#endif
