/*
 * input: see input.h.  The sequence table and the reader that drops what
 * is left.
 */
#include "input.h"

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *seq;
	int code;
} known[] = {
	/* Home and End: VT220/PuTTY/screen/tmux, xterm (normal and
	 * application mode), rxvt, and the Linux console's. */
	{"\033[1~", KEY_HOME}, {"\033[4~", KEY_END},
	{"\033[H", KEY_HOME},  {"\033[F", KEY_END},
	{"\033OH", KEY_HOME},  {"\033OF", KEY_END},
	{"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
	/* Insert, Delete, Page Up, Page Down (VT220 style, everywhere). */
	{"\033[2~", KEY_IC},   {"\033[3~", KEY_DC},
	{"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
	/* Arrows in normal and application cursor mode. */
	{"\033[A", KEY_UP},    {"\033[B", KEY_DOWN},
	{"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
	{"\033OA", KEY_UP},    {"\033OB", KEY_DOWN},
	{"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
	/* Keypad 5 (xterm, PuTTY) and Shift-Tab. */
	{"\033[E", KEY_B2},    {"\033OE", KEY_B2}, {"\033[G", KEY_B2},
	{"\033[Z", KEY_BTAB},
	/* F1: xterm, VT220, the Linux console, rxvt. */
	{"\033OP", KEY_F(1)},  {"\033[11~", KEY_F(1)},
	{"\033[[A", KEY_F(1)},
};

void input_setup(void)
{
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (key_defined(known[i].seq) <= 0)
			define_key(known[i].seq, known[i].code);
	/* Curses keeps asking the terminal for mouse reports (mousemask)
	 * but no longer reads them: the sequences it knows them by are
	 * unbound, so a report reaches drain_after_escape, which reads it
	 * whole and hands over what input_mouse makes of it. */
	char *seq;
	while ((seq = keybound(KEY_MOUSE, 0)) != NULL) {
		int rc = define_key(seq, 0);
		free(seq);
		if (rc != OK)
			break;
	}
	set_escdelay(INPUT_ESC_DELAY_MS);
}

/* A decimal parameter of an SGR report from s[*i], at most 99999 (more
 * is no screen's size); -1 when there is no digit. */
static int sgr_number(const unsigned char *s, int n, int *i)
{
	int v = -1;
	while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
		int d = s[*i] - '0';
		v = v < 0 ? d : v > 9999 ? 99999 : v * 10 + d;
		(*i)++;
	}
	return v;
}

int input_mouse(const unsigned char *s, int n, MEVENT *ev)
{
	int b, x, y;
	bool press;
	if (n == 5 && s[0] == '[' && s[1] == 'M') {
		/* X10: button, column and row, each + 32 (+ 1 for 1-based). */
		b = s[2] - 32;
		x = s[3] - 32;
		y = s[4] - 32;
		press = (b & 3) != 3; /* 3: a release, whichever button */
	} else if (n >= 3 && s[0] == '[' && s[1] == '<') {
		int i = 2;
		b = sgr_number(s, n, &i);
		if (i >= n || s[i++] != ';')
			return 0;
		x = sgr_number(s, n, &i);
		if (i >= n || s[i++] != ';')
			return 0;
		y = sgr_number(s, n, &i);
		if (i != n - 1 || (s[i] != 'M' && s[i] != 'm'))
			return 0; /* more parameters, or none at all */
		press = s[i] == 'M';
	} else {
		return -1;
	}
	if (b < 0 || x < 1 || y < 1 || !press || (b & 32) || b >= 128)
		return 0; /* released, a drag, extra buttons, nonsense */
	memset(ev, 0, sizeof *ev);
	ev->x = x - 1;
	ev->y = y - 1;
	if (b & 64) { /* the wheel: up, down; sideways is not used */
		if ((b & 3) > 1)
			return 0;
		ev->bstate = (b & 3) == 0 ? BUTTON4_PRESSED : BUTTON5_PRESSED;
	} else {
		static const mmask_t buttons[] = {BUTTON1_PRESSED,
						  BUTTON2_PRESSED,
						  BUTTON3_PRESSED};
		ev->bstate = buttons[b & 3];
	}
	return 1;
}

int input_sequence_length(const unsigned char *s, int n)
{
	if (n <= 0)
		return -1;
	unsigned char c = s[0];
	if (c == '[') { /* CSI: parameters, intermediates, a final byte */
		int i = 1;
		/* An X10 mouse report: ESC [ M and three bytes of any value. */
		if (i < n && s[i] == 'M')
			return n >= 5 ? 5 : -1;
		/* The Linux console's F1-F5: ESC [ [ A .. E */
		if (i < n && s[i] == '[')
			return n >= 3 ? 3 : -1;
		while (i < n && s[i] >= 0x20 && s[i] <= 0x3f)
			i++;
		if (i >= n)
			return -1;
		return s[i] >= 0x40 && s[i] <= 0x7e ? i + 1 : i;
	}
	if (c == 'O') /* SS3: one more byte */
		return n >= 2 ? 2 : -1;
	if (c == ']' || c == 'P' || c == '_' || c == '^') {
		/* OSC, DCS, APC, PM: to BEL or ST (ESC \) */
		for (int i = 1; i < n; i++) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1b)
				return i + 1 < n ? i + 2 : -1;
		}
		return -1;
	}
	if (c == 0x1b) /* Esc Esc: the first is a key of its own */
		return 0;
	if (c < 0x20 || c == 0x7f) /* Esc then a control key: Alt+control */
		return 1;
	return 1; /* Alt+key: ESC and one character */
}

/* Reads the rest of a CSI sequence too long to keep (parameters and
 * intermediates) up to its final byte, so none of it is taken for typed
 * keys; at most 4096 bytes. */
static void drain_csi(void)
{
	for (int i = 0; i < 4096; i++) {
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			return;
		if (r == KEY_CODE_YES || ch < 0x20 || ch > 0x3f) {
			if (r == KEY_CODE_YES || ch < 0x40 || ch > 0x7e)
				unget_wch(ch);
			return;
		}
	}
}

/* Reads what is already waiting after an Esc, up to 64 bytes. */
static int drain_after_escape(void)
{
	unsigned char buf[64];
	int n = 0;
	for (;;) {
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			break;
		if (r == KEY_CODE_YES) {
			/* A key curses recognised inside what we read: the
			 * sequence before it was cut short. */
			if (ch == KEY_RESIZE)
				unget_wch(ch);
			return 1;
		}
		buf[n < 64 ? n : 63] = (unsigned char)(ch < 0x100 ? ch : 'x');
		if (n < 64)
			n++;
		int len = input_sequence_length(buf, n);
		if (len == 0) {
			unget_wch(ch);
			return 0;
		}
		if (len > 0 && len <= n) {
			MEVENT ev;
			if (input_mouse(buf, len, &ev) == 1)
				ungetmouse(&ev);
			return 1;
		}
		if (n >= 64) {
			if (buf[0] == '[')
				drain_csi();
			return 1;
		}
	}
	return n > 0 ? 1 : 0;
}

int input_read(wint_t *ch)
{
	for (int tries = 0; tries < 64; tries++) {
		int r = get_wch(ch);
		if (r == KEY_CODE_YES && *ch == KEY_B2)
			continue;
		if (r == OK && *ch == 0x1b) {
			/* More bytes already here: an escape sequence or
			 * Alt+key, dropped whole.  None: the Esc key. */
			if (drain_after_escape())
				continue;
			return OK;
		}
		return r;
	}
	return ERR;
}
