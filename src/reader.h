/*
 * reader: the model of the article being read, without curses.
 *
 * It holds the open article, its layout at the current width, the
 * reading position, the focus ring (terms and links on screen), the
 * words of a search to find, the section list's state and the pane's
 * content (a term's definition or a link's destination).  The screen
 * size goes in with reader_set_size; the geometry (reader_geom) and both
 * layouts follow from it at once, so every seek, scroll and focus move
 * acts immediately on a layout that is always there: nothing is pending
 * until a paint.  screen_article draws it (const) and maps keys to the
 * functions below.
 *
 * Geometry (from rows x cols):
 *   row 0            header: article title, "Section n of m"
 *   rows 1..h-2      section list (left, when shown: as wide as its
 *                    titles need, up to a third of the screen), text
 *                    (at most measure columns), and the pane
 *                    (right when the screen is >= 100 columns wide, else
 *                    over the lower part of the text)
 *   row h-1          key bar
 *
 * The document ends with the end block (mdgen.h): the article's sources
 * and review date, read from its front matter on opening, the next
 * article of its topic and the way back.  The pane lives in
 * reader_pane.c, the geometry in reader_geom.c.
 *
 * Ownership: the reader owns doc, lay, the pane and find.  lib is
 * borrowed and must outlive the reader or be replaced with
 * reader_set_library before it is freed.  Pointers into lay (section
 * titles, link urls, and so a link's fragment) are valid until the next
 * call that opens, closes or lays out again (reader_open, reader_close,
 * reader_set_size, reader_relayout, reader_set_library): a place that
 * must outlive them is copied by whoever keeps it (nav.h).
 */
#ifndef KIOSK_READER_H
#define KIOSK_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "layout.h"
#include "keys.h"
#include "outcome.h"

struct library;

#define READER_SIDE_MIN 16     /* narrowest section list */
#define READER_MIN_TEXT 60     /* text columns wanted beside the list */
#define READER_MEASURE 72      /* longest line, for readability (the
				  kiosk.conf key measure changes it) */
#define READER_PANE_KEEP 3     /* article rows kept above the pane */

struct reader_geom {
	int rows, cols;
	int body_y, body_h;
	bool side;        /* section list beside the text */
	bool side_room;   /* there is room for it beside the text */
	bool overlay;     /* section list over the text (narrow screens) */
	int side_x, side_w;
	int text_x, text_w, text_h;
	int lw;           /* layout width */
	bool pane, pane_right;
	int pane_x, pane_y, pane_w, pane_h;
	int pane_lw;      /* pane layout width */
	int pane_text_y, pane_text_h;
};

/* The explanation pane: a term's definition, a web link's address, or
 * the title of the article a link opens (is_link, url NULL). */
struct reader_pane {
	bool open;
	bool is_link;
	size_t entry;          /* term: glossary entry */
	char *url;             /* web link: owned destination, else NULL */
	cmark_node *doc;       /* owned; the text shown */
	struct layout *lay;    /* owned; doc laid out at pane_lw */
	size_t top;            /* first line shown */
};

/* A place in a line where the words being found are. */
struct reader_mark {
	size_t line;
	size_t start, end;     /* bytes in the line's text */
};

/* How laid-out text is written (the terminal's abilities). */
struct reader_opts {
	bool ascii;            /* transliterate to ASCII */
	bool show_urls;        /* write link addresses after link text */
	bool ascii_bullets;    /* bullets the console font has */
	int measure;           /* longest text line; 0: READER_MEASURE */
};

struct reader {
	const struct library *lib; /* borrowed */
	struct reader_opts opt;
	int rows, cols;       /* screen size */
	long article;         /* index in lib, -1 for none */
	cmark_node *doc;      /* owned; parsed body */
	struct layout *lay;   /* owned; laid out at reader_geom's lw */
	unsigned gen;         /* changes each time lay is rebuilt */
	size_t top;           /* first line shown */
	int32_t focus;        /* focused target, or -1 */
	bool focus_in_pane;   /* focus is on a target in the pane */
	bool sections_on;     /* the reader wants the section list */
	bool sections_focus;  /* the section list has the keys */
	size_t sections_sel;  /* selected row of the section list */
	struct reader_pane pane;
	char *find;           /* owned; folded words from a search, shown
				 highlighted; n / N go to them */
	struct reader_mark *marks; /* owned; where find is in lay */
	size_t nmarks;
	int side_need;        /* columns the section list's titles need,
				 with its margins; 0 before a layout */
	long match;           /* line of the found words landed on, or -1 */
};

void reader_init(struct reader *rd, const struct library *lib,
		 struct reader_opts opt);
/* Frees the document, layouts, pane and find; keeps lib, opts and size. */
void reader_close(struct reader *rd);

/* The screen size; lays out again when the text or pane width changes,
 * keeping the reading position. */
void reader_set_size(struct reader *rd, int rows, int cols);
/* Points the reader at lib (a reload); with the article still open as
 * index, laid out again at the same place (its glossary terms may have
 * changed).  A term's pane is closed: its entry named the old glossary
 * (nav_reload shows the term again by name). */
void reader_set_library(struct reader *rd, const struct library *lib,
			long index);

/* Opens article index of lib (parsing its body) and lays it out at the
 * top; returns 0, or -1 when the file cannot be read any more (the
 * reader is then closed).  Diagnostics of the parse are logged. */
int reader_open(struct reader *rd, long index);
bool reader_is_open(const struct reader *rd);

void reader_geom(const struct reader *rd, struct reader_geom *g);

/* Reading position of the first line shown. */
void reader_position(const struct reader *rd, uint32_t *block,
		     uint32_t *block_off);
/* Scrolls to a saved position. */
void reader_seek(struct reader *rd, uint32_t block, uint32_t block_off);
/* Scrolls to the section titled title, delta lines into it. */
void reader_seek_section(struct reader *rd, const char *title, size_t delta);
/* Scrolls to the section whose title matches fragment (anchor.h). */
void reader_seek_fragment(struct reader *rd, const char *fragment);
/* Highlights the folded words find (NULL: none); with scroll, scrolls to
 * a little above the first line at or below the top that has them. */
void reader_find(struct reader *rd, const char *find, bool scroll);
/* Opens the pane on the glossary term named term, if it exists. */
void reader_show_term(struct reader *rd, const char *term);

/* The section shown at the top, and how many lines into it; false when
 * nothing is open. */
bool reader_where(const struct reader *rd, const char **title, size_t *delta);
/* The section being read (for "Section n of m" and the list). */
size_t reader_section(const struct reader *rd);
/* The first section row shown when sel must be visible in rows rows. */
size_t reader_sections_first(size_t sel, int rows);

/* The address to take home: the focused link's when it leaves the kiosk,
 * else the article's "url"; NULL when there is none.  Valid until the
 * next change to the reader. */
const char *reader_take_home_url(const struct reader *rd);

/* ---- moves (each acts at once; a notice marked with N_, to be
 * translated where it is shown, or NULL) ---- */

void reader_scroll(struct reader *rd, long lines);
void reader_scroll_to(struct reader *rd, long top);
void reader_pane_scroll(struct reader *rd, long lines);
void reader_top(struct reader *rd);
void reader_end(struct reader *rd);
const char *reader_next_section(struct reader *rd);
const char *reader_prev_section(struct reader *rd);
/* The end of the text is on screen. */
bool reader_at_end(const struct reader *rd);
/* How far through the text the bottom row is, 0-100 (100: at the end). */
int reader_percent(const struct reader *rd);
void reader_jump_section(struct reader *rd, size_t s);
/* A section chosen in the list: goes there, the list gives the keys
 * back. */
void reader_pick_section(struct reader *rd, size_t s);
/* s: show or hide the list, or give it the keys on a narrow screen. */
void reader_toggle_sections(struct reader *rd);
/* The section list's keys: moves, Enter (jump), Esc and s (leave). */
void reader_sections_key(struct reader *rd, enum action act);
const char *reader_next_match(struct reader *rd, int dir);
/* Tab (dir 1) and Shift-Tab (-1); an open pane follows the focused word
 * of the text (its explanation, a link's address, an article's title). */
const char *reader_move_focus(struct reader *rd, int dir);
/* The pane has more text below what it shows (*above: it is scrolled
 * down from its start); scrollable: either. */
bool reader_pane_more(const struct reader *rd, bool *above);
bool reader_pane_scrollable(const struct reader *rd);
/* Esc with the pane open: closes it; false when it was closed. */
bool reader_close_pane(struct reader *rd);

/* Enter or a click on target (of the pane's layout when in_pane): a term
 * opens the pane, a link to a web page shows its address in the pane,
 * and a link to an article fills *at (its fragment points into the
 * layout: copy it before the reader changes) and returns true. */
bool reader_activate(struct reader *rd, int32_t target, bool in_pane,
		     struct place *at);

/* The target at column col of line ln, or -1. */
int32_t reader_target_at(const struct line *ln, int col);

#endif
