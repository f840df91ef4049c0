/* draw: see draw.h. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "hyperlink.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

static bool ascii_mode;
static enum glyph_set glyphs;

void draw_set_glyphs(enum glyph_set g)
{
	glyphs = g;
	ascii_mode = g == GLYPHS_ASCII;
}

static bool blocks_ok;

void draw_set_blocks(bool can) { blocks_ok = can; }
bool draw_blocks(void) { return blocks_ok; }

enum glyph_set draw_glyphs(void) { return glyphs; }
bool draw_ascii(void) { return ascii_mode; }

/* One row per glyph: Unicode, console, ASCII. */
static const char *const glyph_table[][3] = {
	[GLYPH_ELLIPSIS] = {"\u2026", "\u2026", ">"},
	[GLYPH_VLINE] = {"\u2502", "\u2502", "|"},
	[GLYPH_HLINE] = {"\u2500", "\u2500", "-"},
	[GLYPH_POINTER] = {"\u25b6", ">", ">"},
};

const char *draw_glyph(enum glyph g) { return glyph_table[g][glyphs]; }

/* A clean, displayable copy of s (caller frees). */
static char *displayable(const char *s, size_t len, size_t *out)
{
	size_t n;
	char *c = text_one_line(s, len, &n);
	if (ascii_mode) {
		char *a = text_to_ascii(c, n, &n);
		free(c);
		c = a;
	}
	*out = n;
	return c;
}

/* Paints s[0..n) (clean text: no control characters) at (y, x).
 * The text goes to curses as wide characters: waddnstr would take it a
 * byte at a time through its multibyte decoder, several times the work
 * for the same cells. */
static void put(int y, int x, const char *s, size_t n, attr_t a)
{
	if (n == 0)
		return;
	attrset(a);
	wchar_t buf[256];
	wchar_t *w = n < sizeof buf / sizeof buf[0]
			     ? buf
			     : xreallocarray(NULL, n + 1, sizeof *w);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *src = s;
	size_t k = mbsnrtowcs(w, &src, n, n, &st);
	if (k == (size_t)-1 || (src != NULL && src != s + n))
		mvaddnstr(y, x, s, (int)n); /* not valid in the locale */
	else
		mvaddnwstr(y, x, w, (int)k);
	if (w != buf)
		free(w);
}

int draw_text(int y, int x, const char *s, int maxw, attr_t a, bool ellipsis)
{
	if (maxw <= 0 || s == NULL)
		return 0;
	size_t n;
	char *c = displayable(s, strlen(s), &n);
	size_t w;
	size_t fit = text_fit(c, n, (size_t)maxw, &w);
	if (fit < n && ellipsis && maxw >= 2) {
		const char *e = draw_glyph(GLYPH_ELLIPSIS);
		fit = text_fit(c, n, (size_t)maxw - 1, &w);
		put(y, x, c, fit, a);
		put(y, x + (int)w, e, strlen(e), a);
		w++;
	} else {
		put(y, x, c, fit, a);
	}
	free(c);
	return (int)w;
}

void draw_fill(int y, int x, int maxw, attr_t a)
{
	if (maxw <= 0)
		return;
	attrset(a);
	mvhline(y, x, ' ', maxw);
}

void draw_line(int y, int x, const struct line *ln, int maxw, int32_t focus)
{
	int col = 0;
	for (uint32_t i = 0; i < ln->nspans && col < maxw; i++) {
		const struct span *sp = &ln->spans[i];
		const char *s = ln->text + sp->off;
		size_t w;
		size_t fit = text_fit(s, sp->len, (size_t)(maxw - col), &w);
		bool focused = focus >= 0 && sp->target == focus;
		put(y, x + col, s, fit, theme_style(sp->style, focused));
		col += (int)w;
	}
}

void draw_line_links(int y, int x, const struct line *ln, int maxw,
		     const struct layout *l)
{
	if (!hyperlink_enabled())
		return;
	int col = 0;
	for (uint32_t i = 0; i < ln->nspans && col < maxw; i++) {
		const struct span *sp = &ln->spans[i];
		size_t w;
		text_fit(ln->text + sp->off, sp->len, (size_t)(maxw - col), &w);
		if (sp->target >= 0 && (size_t)sp->target < l->ntargets &&
		    l->targets[sp->target].kind == TARGET_LINK)
			hyperlink_add(y, x + col, (int)w,
				      l->targets[sp->target].url);
		col += (int)w;
	}
}

int draw_width(const char *s)
{
	size_t n;
	char *c = displayable(s, strlen(s), &n);
	int w = (int)text_width(c, n);
	free(c);
	return w;
}

/* Box-drawing characters are written as text, not through the
 * alternate character set, which some terminals and multiplexers get
 * wrong; ASCII mode uses '|' and '-'. */
void draw_vline(int y, int x, int h, attr_t a)
{
	const char *g = draw_glyph(GLYPH_VLINE);
	for (int i = 0; i < h; i++)
		put(y + i, x, g, strlen(g), a);
}

void draw_hline(int y, int x, int w, attr_t a)
{
	const char *g = draw_glyph(GLYPH_HLINE);
	attrset(a);
	move(y, x);
	for (int i = 0; i < w; i++)
		addstr(g);
}
