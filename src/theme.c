/* theme: see theme.h.  Colour pairs are numbered by ui_part and style. */
#include "theme.h"


#include "layout.h"

enum {
	PAIR_HEADER = 1,
	PAIR_KEYBAR,
	PAIR_SELECTED,
	PAIR_TOPIC,
	PAIR_TERM,
	PAIR_LINK,
	PAIR_HEADING,
	PAIR_PANE,
	PAIR_NOTICE,
	PAIR_CODE,
	PAIR_QR,
};

/* One row per theme: foreground/background per pair, -1 = default. */
struct pair_def {
	short fg, bg;
};

static const struct pair_def pairs[2][12] = {
	[0] = { /* default */
		[PAIR_HEADER] = {COLOR_WHITE, COLOR_BLUE},
		[PAIR_KEYBAR] = {COLOR_BLACK, COLOR_CYAN},
		[PAIR_SELECTED] = {COLOR_BLACK, COLOR_CYAN},
		[PAIR_TOPIC] = {COLOR_BLUE, -1},
		[PAIR_TERM] = {COLOR_CYAN, -1},
		[PAIR_LINK] = {COLOR_GREEN, -1},
		[PAIR_HEADING] = {COLOR_BLUE, -1},
		[PAIR_PANE] = {-1, -1},
		[PAIR_NOTICE] = {COLOR_BLACK, COLOR_YELLOW},
		[PAIR_CODE] = {COLOR_MAGENTA, -1},
		[PAIR_QR] = {COLOR_BLACK, COLOR_WHITE},
	},
	[1] = { /* high contrast: white on black, yellow accents */
		[PAIR_HEADER] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_KEYBAR] = {COLOR_BLACK, COLOR_WHITE},
		[PAIR_SELECTED] = {COLOR_BLACK, COLOR_YELLOW},
		[PAIR_TOPIC] = {COLOR_YELLOW, COLOR_BLACK},
		[PAIR_TERM] = {COLOR_YELLOW, COLOR_BLACK},
		[PAIR_LINK] = {COLOR_CYAN, COLOR_BLACK},
		[PAIR_HEADING] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_PANE] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_NOTICE] = {COLOR_BLACK, COLOR_YELLOW},
		[PAIR_CODE] = {COLOR_WHITE, COLOR_BLACK},
		[PAIR_QR] = {COLOR_BLACK, COLOR_WHITE},
	},
};

static bool use_color;
static enum theme_id theme;
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
	int row = t == THEME_HIGH_CONTRAST ? 1 : 0;
	bool defaults = row == 0 && use_default_colors() == OK;
	for (short p = 1; p < 12; p++) {
		short fg = pairs[row][p].fg, bg = pairs[row][p].bg;
		if (!defaults) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		init_pair(p, fg, bg);
	}
	if (row == 1)
		bkgd(COLOR_PAIR(PAIR_PANE));
}

static attr_t pair(short p) { return use_color ? COLOR_PAIR(p) : 0; }

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
	if (style & STYLE_ALT)
		a |= A_DIM;
	if (style & (STYLE_MARKER | STYLE_QUOTE | STYLE_RULE))
		a |= use_color ? pair(PAIR_TOPIC) : A_BOLD;
	if (style & STYLE_LINK)
		a |= A_UNDERLINE | pair(PAIR_LINK) | (underline_lost ? A_BOLD : 0);
	if (style & STYLE_TERM)
		a |= A_UNDERLINE | pair(PAIR_TERM) |
		     (theme == THEME_HIGH_CONTRAST || !use_color || underline_lost
			      ? A_BOLD
			      : 0);
	if (focused) {
		/* Reverse video on every terminal and theme. */
		a &= ~(attr_t)A_COLOR;
		a |= A_REVERSE | A_BOLD;
	}
	return a;
}

attr_t theme_ui(enum ui_part p)
{
	switch (p) {
	case UI_HEADER:
		return use_color ? pair(PAIR_HEADER) | A_BOLD : A_REVERSE | A_BOLD;
	case UI_KEYBAR:
		return use_color ? pair(PAIR_KEYBAR) : A_REVERSE;
	case UI_SELECTED:
		return use_color ? pair(PAIR_SELECTED) | A_BOLD
				 : A_REVERSE | A_BOLD;
	case UI_TOPIC:
		return pair(PAIR_TOPIC) | A_BOLD | (use_color ? 0 : A_UNDERLINE);
	case UI_DIM:
		return theme == THEME_HIGH_CONTRAST ? A_NORMAL : A_DIM;
	case UI_PANE:
		return pair(PAIR_PANE);
	case UI_PANE_TITLE:
		return pair(PAIR_TERM) | A_BOLD;
	case UI_BORDER:
		return pair(PAIR_TOPIC);
	case UI_NOTICE:
		return use_color ? pair(PAIR_NOTICE) | A_BOLD : A_REVERSE | A_BOLD;
	case UI_CURRENT:
		return A_BOLD | pair(PAIR_TOPIC);
	case UI_QR:
		/* Without colours, reverse video makes the glyphs the
		 * terminal's background and the rest its foreground. */
		return use_color ? pair(PAIR_QR) : A_REVERSE;
	default:
		return A_NORMAL;
	}
}
