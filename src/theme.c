/*
 * theme: see theme.h.  Colour pairs are numbered by what they colour.
 *
 * Every pair names its background: the kiosk never leaves the terminal's
 * own default colours under coloured text, because no colour reads well
 * on both a dark and a light default background.  The pairs are chosen
 * for a contrast of at least 4.5:1 (WCAG 2 AA) on the Linux console's
 * palette, where bold is the bright foreground and only the eight dark
 * colours exist as backgrounds, and on xterm's default sixteen colours
 * (tests/e2e/test_contrast.py measures every drawn cell):
 *
 *   foreground on black: light grey 9.0, cyan 7.3, green 6.8, bright
 *   yellow 19; never blue (1.6, bold 4.1), red, magenta or brown;
 *   on blue: light grey 5.7, white 13; black on cyan 7.3, on light grey
 *   9.0, on green 6.8.  Bold black is dark grey on the console (2.6:1 on
 *   cyan), so light backgrounds never carry bold (theme_bold), and dim
 *   is never used.
 */
#include "theme.h"

#include "layout.h"

enum {
	PAIR_TEXT = 1,
	PAIR_HEADER,
	PAIR_KEYBAR,
	PAIR_SELECTED,
	PAIR_TOPIC,
	PAIR_ACCENT,
	PAIR_TERM,
	PAIR_LINK,
	PAIR_HEADING,
	PAIR_NOTICE,
	PAIR_CODE,
	PAIR_QR,
	PAIR_DIM,
	PAIR_COUNT
};

/* Foreground and background of each pair, per colour theme. */
struct pair_def {
	short fg, bg;
};

static const struct pair_def pairs[2][PAIR_COUNT] = {
	[0] = { /* default: light grey on black, blue bars */
		[PAIR_TEXT] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_HEADER] = {COLOR_WHITE, COLOR_BLUE},
		[PAIR_KEYBAR] = {COLOR_WHITE, COLOR_BLUE},
		[PAIR_SELECTED] = {COLOR_BLACK, COLOR_CYAN},
		[PAIR_TOPIC] = {COLOR_YELLOW, COLOR_BLACK},
		[PAIR_ACCENT] = {COLOR_CYAN, COLOR_BLACK},
		[PAIR_TERM] = {COLOR_CYAN, COLOR_BLACK},
		[PAIR_LINK] = {COLOR_GREEN, COLOR_BLACK},
		[PAIR_HEADING] = {COLOR_YELLOW, COLOR_BLACK},
		[PAIR_NOTICE] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_CODE] = {COLOR_GREEN, COLOR_BLACK},
		[PAIR_QR] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_DIM] = {COLOR_WHITE, COLOR_BLACK},
	},
	[1] = { /* high contrast: white on black, bars inverted, yellow */
		[PAIR_TEXT] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_HEADER] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_KEYBAR] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_SELECTED] = {COLOR_BLACK, COLOR_CYAN},
		[PAIR_TOPIC] = {COLOR_YELLOW, COLOR_BLACK},
		[PAIR_ACCENT] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_TERM] = {COLOR_YELLOW, COLOR_BLACK},
		[PAIR_LINK] = {COLOR_CYAN, COLOR_BLACK},
		[PAIR_HEADING] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_NOTICE] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_CODE] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_QR] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_DIM] = {COLOR_WHITE, COLOR_BLACK},
	},
};

/* Pairs whose background is light: bold would darken nothing but turn
 * a black foreground into dark grey on the console. */
static bool light_bg(short p, int row)
{
	short bg = pairs[row][p].bg;
	return bg == COLOR_WHITE || bg == COLOR_CYAN || bg == COLOR_GREEN ||
	       bg == COLOR_YELLOW;
}

static bool use_color;
static enum theme_id theme;
static int theme_row;
/* Underline cannot be shown together with colour (the Linux console's
 * ncv): terms and links are then also bold, so they never differ from
 * plain text by colour alone. */
static bool underline_lost;
/* The terminal has no italics (the Linux console): emphasis is
 * underlined instead, so it still shows. */
static bool no_italics;

void theme_init(enum theme_id t, bool no_color)
{
	theme = t;
	use_color = !no_color && t != THEME_MONO && has_colors();
	int ncv = tigetnum("ncv");
	underline_lost = use_color && ((ncv > 0 && (ncv & 2)) ||
				       tigetstr("smul") == NULL ||
				       tigetstr("smul") == (char *)-1);
	const char *sitm = tigetstr("sitm");
	no_italics = sitm == NULL || sitm == (char *)-1;
	if (!use_color)
		return;
	start_color();
	theme_row = t == THEME_HIGH_CONTRAST ? 1 : 0;
	for (int p = 1; p < PAIR_COUNT; p++)
		init_pair((short)p, pairs[theme_row][p].fg, pairs[theme_row][p].bg);
	bkgd(COLOR_PAIR(PAIR_TEXT));
}

static attr_t pair(short p) { return use_color ? COLOR_PAIR(p) : 0; }

attr_t theme_bold(attr_t a)
{
	if (a & A_REVERSE)
		return a;
	if (use_color) {
		short p = (short)PAIR_NUMBER(a);
		if (p > 0 && p < PAIR_COUNT && light_bg(p, theme_row))
			return a;
	}
	return a | A_BOLD;
}

attr_t theme_style(uint16_t style, bool focused)
{
	attr_t a = A_NORMAL;
	if (style & STYLE_BOLD)
		a |= A_BOLD;
	if (style & STYLE_ITALIC)
		a |= use_color && !no_italics ? A_ITALIC
		     : underline_lost         ? A_BOLD
					      : A_UNDERLINE;
	if (style & STYLE_HEADING)
		a |= A_BOLD | pair(PAIR_HEADING);
	if (style & STYLE_CODE)
		a |= pair(PAIR_CODE);
	if (style & (STYLE_MARKER | STYLE_QUOTE | STYLE_RULE))
		a |= use_color ? pair(PAIR_ACCENT) : A_BOLD;
	if (style & STYLE_LINK)
		a |= A_UNDERLINE | pair(PAIR_LINK) | (underline_lost ? A_BOLD : 0);
	if (style & STYLE_TERM)
		a |= A_UNDERLINE | pair(PAIR_TERM) |
		     (theme == THEME_HIGH_CONTRAST || !use_color || underline_lost
			      ? A_BOLD
			      : 0);
	if (focused) {
		/* Reverse video of plain text on every terminal and theme:
		 * black on light grey, never bold (dark grey there). */
		a &= ~(attr_t)(A_COLOR | A_BOLD);
		a |= A_REVERSE | pair(PAIR_TEXT);
	}
	return a;
}

attr_t theme_ui(enum ui_part p)
{
	switch (p) {
	case UI_TEXT:
		return pair(PAIR_TEXT);
	case UI_HEADER:
		return use_color ? theme_bold(pair(PAIR_HEADER)) : A_REVERSE;
	case UI_KEYBAR:
		return use_color ? pair(PAIR_KEYBAR) : A_REVERSE;
	case UI_SELECTED:
		return use_color ? pair(PAIR_SELECTED) : A_REVERSE;
	case UI_TOPIC:
		return pair(PAIR_TOPIC) | A_BOLD | (use_color ? 0 : A_UNDERLINE);
	case UI_DIM:
		/* Secondary text (descriptions, hints) is as readable as the
		 * rest: its own pair of the same colours, italic where there
		 * are no colours (the console ignores italic). */
		return use_color ? pair(PAIR_DIM) : A_ITALIC;
	case UI_PANE:
		return pair(PAIR_TEXT);
	case UI_PANE_TITLE:
		return pair(PAIR_TERM) | A_BOLD;
	case UI_BORDER:
		return use_color ? pair(PAIR_ACCENT) : A_NORMAL;
	case UI_NOTICE:
		return use_color ? pair(PAIR_NOTICE) : A_REVERSE;
	case UI_CURRENT:
		return A_BOLD | pair(PAIR_HEADING);
	case UI_QR:
		/* Without colours, reverse video makes the glyphs the
		 * terminal's background and the rest its foreground. */
		return use_color ? pair(PAIR_QR) : A_REVERSE;
	case UI_MATCH:
		/* Reverse video, as focus is, in the links' colour: black on
		 * green (or cyan), never bold. */
		return A_REVERSE | pair(PAIR_LINK);
	default:
		return pair(PAIR_TEXT);
	}
}
