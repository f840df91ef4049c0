/*
 * theme: the one table that maps layout styles and screen parts to curses
 * attributes, for each theme and terminal kind (colour, 8-colour console,
 * monochrome / NO_COLOR).  Meaning is never carried by colour alone:
 * terms and links are also underlined, focus is reverse video.  Every
 * pair reads at 4.5:1 or better on the Linux console and on xterm (see
 * theme.c); dim is never used.
 */
#ifndef KIOSK_THEME_H
#define KIOSK_THEME_H

#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "config.h"

enum ui_part {
	UI_TEXT,       /* plain text and background */
	UI_HEADER,     /* the top bar */
	UI_KEYBAR,     /* the bottom key bar */
	UI_SELECTED,   /* the selected row of a list */
	UI_TOPIC,      /* topic headings on the home screen */
	UI_DIM,        /* descriptions, hints */
	UI_PANE,       /* glossary pane text */
	UI_PANE_TITLE, /* glossary pane heading */
	UI_BORDER,     /* pane borders */
	UI_NOTICE,     /* short notices */
	UI_CURRENT,    /* the current section in the section list */
	UI_QR,         /* a QR code: dark glyphs on a light ground */
	UI_MATCH,      /* words a search found, marked in the text */
	UI_PART_COUNT
};

/* Sets up colours for theme t after initscr; colours are used only when
 * the terminal has them and no_color is false. */
void theme_init(enum theme_id t, bool no_color);

/* Attributes for text with layout STYLE_* bits; focused adds the focus
 * highlight. */
attr_t theme_style(uint16_t style, bool focused);

/* Attributes for a screen part. */
attr_t theme_ui(enum ui_part p);

/* a with bold added where bold stays readable: not on a light background
 * or in reverse video, where the Linux console shows a bold black
 * foreground as dark grey.  Screens emphasise through this, never by
 * or-ing A_BOLD themselves. */
attr_t theme_bold(attr_t a);

#endif
