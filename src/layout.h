/*
 * layout: a pure function from a CommonMark tree and a width to wrapped,
 * styled lines.  No curses here: screens only paint what this produces.
 *
 * Coordinates: lines are numbered from 0 in document order; a span is a
 * byte range of its line's text.  Every line's display width is at most
 * the width asked for (for any width >= 1), and its text is sanitized
 * UTF-8 (no control characters).
 *
 * Targets are the things Tab can focus: glossary terms and links.  A
 * target may have spans on several lines (a wrapped link); each span names
 * its target by index.
 *
 * Sections: every heading of level 1-3 starts one; text before the first
 * heading is the "Introduction" section.
 *
 * Reading position: each line records the leaf block it comes from
 * (numbered in document order, independent of width) and the byte offset
 * of its first character in that block's text, so a position survives a
 * re-layout at another width (layout_find).
 *
 * Glossary terms are marked in running text (not in headings, code or
 * link text), the first time each term appears in a section, so the text
 * stays calm to read and Tab does not stop on every repeat.
 */
#ifndef KIOSK_LAYOUT_H
#define KIOSK_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

struct glossary;

/* Inline styles, combined as bits. */
enum {
	STYLE_BOLD = 1 << 0,
	STYLE_ITALIC = 1 << 1,
	STYLE_CODE = 1 << 2,
	STYLE_LINK = 1 << 3,
	STYLE_TERM = 1 << 4,
	STYLE_HEADING = 1 << 5, /* heading text; the line has its level */
	STYLE_QUOTE = 1 << 6,   /* block quote bar and text */
	STYLE_MARKER = 1 << 7,  /* list bullets and numbers */
	STYLE_RULE = 1 << 8,    /* thematic break */
	STYLE_ALT = 1 << 9,     /* image alt text */
};

struct span {
	uint32_t off, len; /* byte range in the line's text */
	uint16_t style;    /* STYLE_* bits */
	int32_t target;    /* index into layout.targets, or -1 */
};

struct line {
	char *text;         /* owned; NUL-terminated, sanitized UTF-8 */
	uint32_t len;       /* bytes in text */
	uint32_t width;     /* display columns, <= layout width */
	struct span *spans; /* owned; cover text from left to right */
	uint32_t nspans;
	uint8_t heading;    /* 1-6 on a heading's lines, else 0 */
	bool pooled;        /* text and spans are in the layout's pool (a
			       table's lines), not allocated one by one */
	uint32_t section;   /* index of the section the line belongs to */
	uint32_t block;     /* leaf block number, for keeping a position */
	uint32_t block_off; /* byte offset in that block's text */
};

enum target_kind { TARGET_TERM, TARGET_LINK };

struct target {
	enum target_kind kind;
	size_t entry;       /* TARGET_TERM: glossary entry index */
	char *url;          /* TARGET_LINK: owned destination as written */
	size_t line;        /* first line with a span of this target */
	uint32_t col;       /* display column where it starts on that line */
};

struct layout_section {
	char *title;  /* owned; plain text of the heading */
	char *id;     /* owned; the heading's own anchor ({#id} after it,
			 or an HTML id), or NULL */
	int level;    /* 1-3, or 0 for the introduction */
	size_t line;  /* first line of the section (its heading) */
};

struct layout {
	int width;                       /* the width laid out for */
	struct line *lines;              /* owned array of nlines */
	size_t nlines;
	struct target *targets;          /* owned array, in reading order */
	size_t ntargets;
	struct layout_section *sections; /* owned array, in order */
	size_t nsections;
	struct layout_pool *pool;        /* owned; where pooled lines keep
					    their text and spans, or NULL */
};

struct layout_options {
	int width;                       /* columns, >= 1 */
	bool ascii;                      /* transliterate to ASCII */
	bool ascii_bullets;              /* list bullets as * - + (consoles
					    whose fonts lack the others) */
	const struct glossary *glossary; /* NULL: no terms are marked */
	long skip_entry;                 /* entry not marked (a definition's
					    own term), or -1 */
	bool mark_all;                   /* mark every occurrence of a term,
					    not only the first per section */
	bool show_urls;                  /* print an external link's address
					    after its text: " (https://...)" */
};

/* Lays out doc (not modified).  Returns a new layout; caller frees with
 * layout_free. */
struct layout *layout_build(cmark_node *doc, const struct layout_options *o);
void layout_free(struct layout *l);

/* Index of the line that shows (block, block_off) in l: the last line at or
 * before that position; 0 for an empty layout. */
size_t layout_find(const struct layout *l, uint32_t block, uint32_t block_off);

/* Section index of line i (0 when there are no lines). */
size_t layout_section_of(const struct layout *l, size_t line);

#endif
