/* linecache: see linecache.h. */
#include "linecache.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "draw.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

struct slot {
	size_t line;     /* line number held, or SIZE_MAX when empty */
	int maxw;        /* the clip width it was converted for */
	cchar_t *cells;  /* owned; n cells and a zeroed terminator */
	int n, cap;
};

struct linecache {
	struct slot *slots; /* owned array of nslots; NULL after a clear */
	size_t nslots;      /* a power of two */
};

struct linecache *linecache_new(void)
{
	return xcalloc(1, sizeof(struct linecache));
}

void linecache_clear(struct linecache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; c->slots != NULL && i < c->nslots; i++)
		free(c->slots[i].cells);
	free(c->slots);
	c->slots = NULL;
	c->nslots = 0;
}

void linecache_free(struct linecache *c)
{
	linecache_clear(c);
	free(c);
}

/* Makes the slots when there are none or too few for the screen: twice
 * its rows, so the lines of one screen (and of the one before a Page
 * Down) never share a slot, and the memory of earlier screens is used
 * again. */
static void make_slots(struct linecache *c)
{
	size_t want = 16;
	while (want < 2 * (size_t)(LINES > 0 ? LINES : 1) &&
	       want < LINECACHE_SLOTS)
		want *= 2;
	if (c->slots != NULL && c->nslots >= want)
		return;
	linecache_clear(c);
	c->slots = xcalloc(want, sizeof *c->slots);
	c->nslots = want;
	for (size_t i = 0; i < want; i++)
		c->slots[i].line = SIZE_MAX;
}

static bool has_target(const struct line *ln, int32_t focus)
{
	if (focus < 0)
		return false;
	for (uint32_t k = 0; k < ln->nspans; k++)
		if (ln->spans[k].target == focus)
			return true;
	return false;
}

/* The character at s[0..n) as a wchar_t; returns its length in bytes, or
 * 0 when it is not one the cache can take.  Laid-out text is valid UTF-8
 * (text_sanitize) and, where __STDC_ISO_10646__ says so (glibc), wchar_t
 * holds code points; in ASCII mode the locale may not be UTF-8, and the
 * text is plain ASCII. */
static size_t decode(const char *s, size_t n, wchar_t *wc)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80) {
		*wc = u[0];
		return 1;
	}
#ifndef __STDC_ISO_10646__
	return 0; /* wchar_t may not be a code point: draw_line paints it */
#endif
	if (draw_ascii())
		return 0;
	size_t len = u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc0 ? 2 : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t c = u[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (u[i] & 0x3f);
	}
	*wc = (wchar_t)c;
	return len;
}

/* Appends the zero-width character wc to cell c (a combining mark joins
 * the character before it); false when the cell is full. */
static bool join(cchar_t *c, wchar_t wc)
{
	wchar_t w[CCHARW_MAX + 1];
	attr_t at;
	short pair;
	if (getcchar(c, w, &at, &pair, NULL) == ERR)
		return false;
	size_t k = wcslen(w);
	if (k + 1 >= CCHARW_MAX)
		return false;
	w[k] = wc;
	w[k + 1] = L'\0';
	return setcchar(c, w, at, pair, NULL) == OK;
}

/* Cell c becomes the spacing character wc in attributes a (colour pair
 * included), as setcchar makes it; false when curses refuses it.  With
 * ncurses, whose cchar_t is a public struct, the fields are set directly:
 * setcchar measures and copies its string each time, about a third of
 * the cost of converting a line. */
static bool set_cell(cchar_t *c, wchar_t wc, attr_t a)
{
#if defined(NCURSES_VERSION) && !NCURSES_OPAQUE && defined(NCURSES_EXT_COLORS)
	memset(c, 0, sizeof *c);
	c->attr = (a & ~A_COLOR) | COLOR_PAIR(PAIR_NUMBER(a));
	c->chars[0] = wc;
	c->ext_color = PAIR_NUMBER(a);
	return true;
#else
	wchar_t one[2] = {wc, L'\0'};
	return setcchar(c, one, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL) !=
	       ERR;
#endif
}

/* Converts ln into slot s: one cell per spacing character, with the
 * attributes draw_line paints it in.  False when the line cannot be
 * copied cell for cell (text not valid in the locale, a combining mark
 * with nothing before it, or curses measuring a character differently
 * from the layout): such a line is painted by draw_line instead. */
static bool convert(struct slot *s, const struct line *ln, int maxw)
{
	int col = 0;
	s->n = 0;
	/* A cell takes at least one column: maxw cells and the terminator,
	 * allocated once per slot. */
	if (s->cap < maxw + 1) {
		s->cap = maxw + 1;
		s->cells = xreallocarray(s->cells, (size_t)s->cap,
					 sizeof *s->cells);
	}
	for (uint32_t i = 0; i < ln->nspans && col < maxw; i++) {
		const struct span *sp = &ln->spans[i];
		const char *t = ln->text + sp->off;
		size_t w;
		size_t fit = text_fit(t, sp->len, (size_t)(maxw - col), &w);
		if (fit == 0)
			continue;
		attr_t a = theme_style(sp->style, false);
		size_t span_cols = 0;
		for (size_t b = 0; b < fit;) {
			unsigned char u = (unsigned char)t[b];
			if (u >= 0x20 && u < 0x7f) {
				/* Printable ASCII, most of the text: one
				 * column, no need to ask wcwidth. */
				if (s->n >= maxw)
					return false;
				if (!set_cell(&s->cells[s->n], u, a))
					return false;
				s->n++;
				span_cols++;
				b++;
				continue;
			}
			wchar_t wc;
			size_t k = decode(t + b, fit - b, &wc);
			if (k == 0)
				return false;
			b += k;
			int cw = wcwidth(wc);
			if (cw < 0)
				return false;
			if (cw == 0) {
				if (s->n == 0 || !join(&s->cells[s->n - 1], wc))
					return false;
				continue;
			}
			if (s->n >= maxw) /* wider than the layout measured */
				return false;
			if (!set_cell(&s->cells[s->n], wc, a))
				return false;
			s->n++;
			span_cols += (size_t)cw;
		}
		if (span_cols != w)
			return false;
		col += (int)w;
	}
	memset(&s->cells[s->n], 0, sizeof s->cells[s->n]);
	return true;
}

void linecache_draw(struct linecache *c, const struct layout *l, size_t i,
		    int y, int x, int maxw, int32_t focus)
{
	const struct line *ln = &l->lines[i];
	if (c == NULL || maxw <= 0 || has_target(ln, focus)) {
		draw_line(y, x, ln, maxw, focus);
		return;
	}
	make_slots(c);
	struct slot *s = &c->slots[i & (c->nslots - 1)];
	if (s->line != i || s->maxw != maxw) {
		s->line = SIZE_MAX;
		if (!convert(s, ln, maxw)) {
			draw_line(y, x, ln, maxw, focus);
			return;
		}
		s->line = i;
		s->maxw = maxw;
	}
	/* wadd_wchnstr renders cells with the window's attributes: none,
	 * so the cells keep their own. */
	attrset(A_NORMAL);
	if (s->n > 0)
		mvadd_wchnstr(y, x, s->cells, s->n);
}
