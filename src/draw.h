/*
 * draw: painting primitives shared by the screens.  Everything painted
 * is clipped to the columns given; strings are sanitized (and
 * transliterated in ASCII mode) so no control character reaches the
 * terminal.
 */
#ifndef KIOSK_DRAW_H
#define KIOSK_DRAW_H

#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "layout.h"

/* What the terminal can show. */
enum glyph_set {
	GLYPHS_UNICODE, /* any UTF-8 */
	GLYPHS_CONSOLE, /* the Linux console: UTF-8 text and box lines, but
			   its fonts lack arrows and most symbols */
	GLYPHS_ASCII,   /* a non-UTF-8 locale or a terminal such as a vt220:
			   everything transliterated to ASCII */
};

enum glyph { GLYPH_ELLIPSIS, GLYPH_VLINE, GLYPH_HLINE, GLYPH_POINTER };

void draw_set_glyphs(enum glyph_set g);
enum glyph_set draw_glyphs(void);
/* True in GLYPHS_ASCII. */
bool draw_ascii(void);
/* Whether half blocks (U+2580, U+2584, U+2588) can be drawn: set from
 * term_caps.blocks; true also in GLYPHS_ASCII when the terminal is taken
 * to decode UTF-8 (term.h). */
void draw_set_blocks(bool can);
bool draw_blocks(void);
/* The glyph for the current set. */
const char *draw_glyph(enum glyph g);

/* Paints s at (y, x), at most maxw columns, with attributes a; returns
 * the columns used.  "..." (or an ellipsis) ends a cut string when
 * ellipsis is true. */
int draw_text(int y, int x, const char *s, int maxw, attr_t a, bool ellipsis);

/* Fills maxw columns at (y, x) with spaces in attributes a. */
void draw_fill(int y, int x, int maxw, attr_t a);

/* Paints a laid-out line at (y, x), clipped to maxw; spans of target
 * focus get the focus highlight. */
void draw_line(int y, int x, const struct line *ln, int maxw, int32_t focus);

/* Names the web links of a line painted by draw_line at (y, x) as
 * hyperlink regions (hyperlink.h); l is the line's layout. */
void draw_line_links(int y, int x, const struct line *ln, int maxw,
		     const struct layout *l);

/* Display columns of s as draw_text would paint it. */
int draw_width(const char *s);

/* Vertical and horizontal lines of h / w cells. */
void draw_vline(int y, int x, int h, attr_t a);
void draw_hline(int y, int x, int w, attr_t a);

#endif
