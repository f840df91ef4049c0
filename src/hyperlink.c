/* hyperlink: see hyperlink.h. */
#include "hyperlink.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include <curses.h>
#include <term.h>

#include "xmem.h"


struct region {
	int y, x, w;
	char *url;      /* owned */
	cchar_t *cells; /* owned; w cells as painted, once read back */
	bool ok;        /* the cells are plain text, so can be re-sent */
};

struct list {
	struct region *items; /* owned array */
	size_t n, cap;
};

static bool enabled;
static struct list now;  /* this frame's regions */
static struct list sent; /* the last frame's, as sent */
static bool resend_all;  /* the terminal was cleared: send everything */

/* The bytes of one hyperlink_send, written at once. */
static char *out;
static size_t out_len, out_cap;

static void list_clear(struct list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].url);
		free(l->items[i].cells);
	}
	l->n = 0;
}

void hyperlink_enable(bool on) { enabled = on; }
bool hyperlink_enabled(void) { return enabled; }

static const char *const schemes[] = {"http://", "https://", "mailto:"};

/* Bytes sent as they are; the others are percent-encoded. */
static bool plain_byte(unsigned char c) { return c > 0x20 && c < 0x7f; }

/* The address's length once encoded, or 0 when it is not sent. */
static size_t encoded_len(const char *url)
{
	if (url == NULL)
		return 0;
	bool known = false;
	for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
		size_t n = strlen(schemes[i]);
		if (strncasecmp(url, schemes[i], n) == 0 && url[n] != '\0')
			known = true;
	}
	if (!known)
		return 0;
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		n += plain_byte(*p) ? 1 : 3;
		if (n > HYPERLINK_MAX_URL)
			return 0;
	}
	return n;
}

size_t hyperlink_open(const char *url, char *buf, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char head[] = "\033]8;;";
	size_t body = encoded_len(url);
	size_t n = sizeof head - 1;
	if (body == 0 || n + body + 3 > size)
		return 0;
	memcpy(buf, head, n);
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (plain_byte(*p)) {
			buf[n++] = (char)*p;
		} else {
			buf[n++] = '%';
			buf[n++] = hex[*p >> 4];
			buf[n++] = hex[*p & 15];
		}
	}
	buf[n++] = '\033';
	buf[n++] = '\\';
	buf[n] = '\0';
	return n;
}

void hyperlink_clear(void) { list_clear(&now); }

void hyperlink_resend(void) { resend_all = true; }

void hyperlink_free(void)
{
	list_clear(&now);
	list_clear(&sent);
	free(now.items);
	free(sent.items);
	now = sent = (struct list){0};
	free(out);
	out = NULL;
	out_len = out_cap = 0;
}

void hyperlink_add(int y, int x, int w, const char *url)
{
	if (!enabled || w <= 0 || encoded_len(url) == 0)
		return;
	if (now.n == now.cap) {
		now.cap = now.cap ? now.cap * 2 : 16;
		now.items = xrealloc(now.items, now.cap * sizeof *now.items);
	}
	now.items[now.n++] = (struct region){.y = y, .x = x, .w = w,
					     .url = xstrdup(url)};
}

void hyperlink_cover(int y, int x, int h, int w)
{
	size_t k = 0;
	for (size_t i = 0; i < now.n; i++) {
		struct region *r = &now.items[i];
		bool over = r->y >= y && r->y < y + h && r->x < x + w &&
			    r->x + r->w > x;
		if (over) {
			free(r->url);
			free(r->cells);
		} else {
			now.items[k++] = *r;
		}
	}
	now.n = k;
}

static void out_bytes(const char *s, size_t n)
{
	if (out_len + n > out_cap) {
		while (out_len + n > out_cap)
			out_cap = out_cap ? out_cap * 2 : 1024;
		out = xrealloc(out, out_cap);
	}
	memcpy(out + out_len, s, n);
	out_len += n;
}

/* tputs' and vid_puts' output function. */
static int out_char(int c)
{
	char b = (char)c;
	out_bytes(&b, 1);
	return c;
}

static void out_cup(int y, int x)
{
	const char *cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1)
		return;
	const char *s = tiparm(cup, y, x);
	if (s != NULL)
		tputs(s, 1, out_char);
}

/* Reads r's cells back from the screen (clipped to it); r->ok when they
 * are plain text that can be written again. */
static void read_cells(struct region *r)
{
	if (r->y < 0 || r->y >= LINES || r->x < 0 || r->x >= COLS)
		return;
	if (r->w > COLS - r->x)
		r->w = COLS - r->x;
	/* The bottom-right cell: writing it scrolls some terminals. */
	if (r->y == LINES - 1 && r->x + r->w == COLS)
		r->w--;
	if (r->w <= 0)
		return;
	r->cells = xmalloc((size_t)r->w * sizeof *r->cells);
	for (int i = 0; i < r->w; i++) {
		wchar_t wc[CCHARW_MAX + 1];
		attr_t at;
		short pair;
		if (mvwin_wch(stdscr, r->y, r->x + i, &r->cells[i]) == ERR ||
		    getcchar(&r->cells[i], wc, &at, &pair, NULL) == ERR ||
		    (at & A_ALTCHARSET))
			return;
	}
	r->ok = true;
}

/* True when the last frame sent r as it is now: the terminal still has
 * those cells with their link (curses writes only cells that change). */
static bool still_there(const struct region *r)
{
	for (size_t i = 0; i < sent.n; i++) {
		const struct region *o = &sent.items[i];
		if (o->ok && o->y == r->y && o->x == r->x && o->w == r->w &&
		    strcmp(o->url, r->url) == 0 &&
		    memcmp(o->cells, r->cells,
			   (size_t)r->w * sizeof *r->cells) == 0)
			return true;
	}
	return false;
}

/* Appends r's cells inside OSC 8 (open is the opening sequence). */
static void send_region(const struct region *r, const char *open)
{
	out_cup(r->y, r->x);
	out_bytes(open, strlen(open));
	for (int i = 0; i < r->w; i++) {
		wchar_t wc[CCHARW_MAX + 1];
		attr_t at;
		short pair;
		getcchar(&r->cells[i], wc, &at, &pair, NULL);
		vid_puts(at & ~A_COLOR, pair, NULL, out_char);
		mbstate_t st;
		memset(&st, 0, sizeof st);
		int cw = 0;
		for (size_t k = 0; k < CCHARW_MAX && wc[k] != L'\0'; k++) {
			char mb[MB_LEN_MAX];
			size_t m = wcrtomb(mb, wc[k], &st);
			if (m != (size_t)-1)
				out_bytes(mb, m);
			if (k == 0)
				cw = wcwidth(wc[k]);
		}
		if (cw == 2)
			i++; /* the next cell is this character's right half */
	}
	out_bytes(HYPERLINK_CLOSE, strlen(HYPERLINK_CLOSE));
}

void hyperlink_send(void)
{
	if (!enabled)
		return;
	int cy, cx;
	getyx(stdscr, cy, cx);
	out_len = 0;
	char open[sizeof "\033]8;;\033\\" + 3 * HYPERLINK_MAX_URL];
	for (size_t i = 0; i < now.n; i++) {
		struct region *r = &now.items[i];
		read_cells(r);
		if (r->ok && (resend_all || !still_there(r)) &&
		    hyperlink_open(r->url, open, sizeof open) > 0)
			send_region(r, open);
	}
	wmove(stdscr, cy, cx);
	resend_all = false;
	/* This frame becomes the last one. */
	list_clear(&sent);
	struct list t = sent;
	sent = now;
	now = t;
	if (out_len == 0)
		return;
	/* Back to the attributes and the cursor position curses knows. */
	vid_puts(A_NORMAL, 0, NULL, out_char);
	out_cup(cy, cx);
	fflush(stdout);
	fwrite(out, 1, out_len, stdout);
	fflush(stdout);
}
