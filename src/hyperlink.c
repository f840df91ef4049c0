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

#define MAX_REGION_COLS 400 /* the widest screen the kiosk uses */

struct region {
	int y, x, w;
	char *url; /* owned */
};

static bool enabled;
static struct region *regions; /* owned array */
static size_t nregions, cap_regions;

/* The bytes of one hyperlink_send, written at once. */
static char *out;
static size_t out_len, out_cap;

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

void hyperlink_clear(void)
{
	for (size_t i = 0; i < nregions; i++)
		free(regions[i].url);
	nregions = 0;
}

void hyperlink_free(void)
{
	hyperlink_clear();
	free(regions);
	regions = NULL;
	cap_regions = 0;
	free(out);
	out = NULL;
	out_len = out_cap = 0;
}

void hyperlink_add(int y, int x, int w, const char *url)
{
	if (!enabled || w <= 0 || encoded_len(url) == 0)
		return;
	if (nregions == cap_regions) {
		cap_regions = cap_regions ? cap_regions * 2 : 16;
		regions = xrealloc(regions, cap_regions * sizeof *regions);
	}
	regions[nregions++] = (struct region){y, x, w, xstrdup(url)};
}

void hyperlink_cover(int y, int x, int h, int w)
{
	size_t k = 0;
	for (size_t i = 0; i < nregions; i++) {
		const struct region *r = &regions[i];
		bool over = r->y >= y && r->y < y + h && r->x < x + w &&
			    r->x + r->w > x;
		if (over)
			free(r->url);
		else
			regions[k++] = *r;
	}
	nregions = k;
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

/* One region's cells again, as curses painted them; false (nothing
 * written) when a cell cannot be read back or is not plain text. */
static bool send_region(const struct region *r, const char *open)
{
	cchar_t cells[MAX_REGION_COLS];
	int w = r->w;
	if (r->y < 0 || r->y >= LINES || r->x < 0 || r->x >= COLS)
		return false;
	if (w > COLS - r->x)
		w = COLS - r->x;
	/* The bottom-right cell: writing it scrolls some terminals. */
	if (r->y == LINES - 1 && r->x + w == COLS)
		w--;
	if (w <= 0 || w > MAX_REGION_COLS)
		return false;
	for (int i = 0; i < w; i++) {
		if (mvwin_wch(stdscr, r->y, r->x + i, &cells[i]) == ERR)
			return false;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t at;
		short pair;
		if (getcchar(&cells[i], wc, &at, &pair, NULL) == ERR ||
		    (at & A_ALTCHARSET))
			return false;
	}
	out_cup(r->y, r->x);
	out_bytes(open, strlen(open));
	for (int i = 0; i < w; i++) {
		wchar_t wc[CCHARW_MAX + 1];
		attr_t at;
		short pair;
		getcchar(&cells[i], wc, &at, &pair, NULL);
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
	return true;
}

void hyperlink_send(void)
{
	if (!enabled || nregions == 0)
		return;
	int cy, cx;
	getyx(stdscr, cy, cx);
	out_len = 0;
	char open[sizeof "\033]8;;\033\\" + 3 * HYPERLINK_MAX_URL];
	bool any = false;
	for (size_t i = 0; i < nregions; i++)
		if (hyperlink_open(regions[i].url, open, sizeof open) > 0)
			any |= send_region(&regions[i], open);
	if (!any)
		return;
	/* Back to the attributes and the cursor position curses knows. */
	vid_puts(A_NORMAL, 0, NULL, out_char);
	out_cup(cy, cx);
	wmove(stdscr, cy, cx);
	fflush(stdout);
	fwrite(out, 1, out_len, stdout);
	fflush(stdout);
}
