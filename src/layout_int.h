/*
 * layout_int: what the parts of the layout step share (layout.c walks
 * the tree and lays out blocks, layout_para.c collects and wraps a leaf
 * block's text into lines, layout_table.c lays out tables).  Private to
 * those files: nothing else includes it.
 */
#ifndef KIOSK_LAYOUT_INT_H
#define KIOSK_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

/* A block of the layout's pool (layout.h: struct layout.pool). */
struct layout_pool {
	struct layout_pool *next;
	size_t used, size; /* bytes of data */
	char data[];       /* 8-aligned, as every piece given out */
};

/* n bytes (8-aligned: enough for a line's text and spans) from l's
 * pool; kept until layout_free. */
void *lay_pool_alloc(struct layout *l, size_t n);

struct run {
	uint32_t start, end; /* byte range in para.text */
	uint16_t style;
	int32_t target;
};

/* The inline text of the leaf block being collected. */
struct para {
	char *text;
	size_t len, cap;
	struct run *runs;
	size_t nruns, cap_runs;
};

/* One level of indentation: a quote bar or a list item's marker. */
struct prefix {
	char first[48]; /* text before the first line (a bullet) */
	char cont[48];  /* text before later lines (as wide, blank) */
	uint16_t style;
	bool used;      /* first has been shown */
	uint16_t cont_style; /* cont's style when not 0 (a mark) */
};

/* An open list. */
struct list {
	bool tight;
	bool ordered;
	int next_number;
	int number_width; /* digits of the largest number */
	bool emitted;     /* something of it is on screen already */
};

struct builder {
	const struct layout_options *o;
	struct layout *l;
	size_t cap_lines, cap_targets, cap_sections;

	struct prefix *pre;
	size_t npre, cap_pre;
	struct list *lists;
	size_t nlists, cap_lists;

	struct para para;
	bool collecting;    /* inside a paragraph or heading */
	int heading;        /* level of the heading being collected, or 0 */
	char *heading_id;   /* owned; its own anchor (<a id>), or NULL */
	int bold, italic, alt; /* open emphasis, strong, image depth */
	int strike;         /* open strikethrough */
	int html_bold, html_italic; /* open inline <b>, <i> and the like */
	int32_t *tstack;    /* open link targets */
	size_t *tstart;     /* paragraph length when each was opened */
	size_t cap_tstart;
	size_t html_start;  /* paragraph length when <a href> opened */
	size_t ntstack, cap_tstack;
	int32_t html_link;  /* target of an open <a href>, or -1 */
	bool html_hidden;   /* inside inline <script> or <style> */
	size_t alt_start;   /* para length after "[Image: " */
	bool last_blank;    /* the last line emitted is a separator */

	uint32_t block;     /* leaf blocks so far */
	bool have_section;
	uint32_t *seen;     /* per glossary entry: section+1 it was marked in */
	size_t nseen;
	struct glossary_match *matches;
	size_t cap_matches;
};

/* ---- small helpers ---- */
/* ---- layout_para.c ---- */

const char *lay_glyph_rule(const struct builder *b);

/* Appends s[0..n) to the paragraph with the given style, cleaned (no
 * control characters; tabs, and newlines unless keep_nl, as spaces). */
void lay_para_add(struct builder *b, const char *s, size_t n, uint16_t style,
		  int32_t target, bool keep_nl);
void lay_para_add_str(struct builder *b, const char *s, uint16_t style,
		      int32_t target);
void lay_para_reset(struct para *p);
int32_t lay_new_target(struct builder *b, enum target_kind kind,
		       size_t entry, const char *url);
uint16_t lay_cur_style(const struct builder *b);
int32_t lay_cur_target(const struct builder *b);
/* After an external link's text: " (address)" when asked for. */
void lay_link_address(struct builder *b, int32_t target, size_t text_start);
/* A new section starting at the next line; id is its own anchor (a
 * heading's {#id} or id attribute) or NULL. */
void lay_add_section(struct builder *b, const char *title, int level,
		     const char *id);

/* Columns for text after the prefixes (all of them when the prefixes
 * would leave too few: *show_prefix is then false). */
size_t lay_text_columns(const struct builder *b, bool *show_prefix);
struct line *lay_line_new(struct builder *b);
void lay_line_add(struct line *ln, size_t *cap, size_t *cap_spans,
		  const char *s, size_t n, uint16_t style, int32_t target);

/* After n bytes were copied to ln->text + ln->len: the last span takes
 * them when it has the same style and target and ends there (true);
 * else (false) the caller appends a span {ln->len, n, style, target}.
 * ln->len is advanced in the first case only. */
static inline bool lay_span_extend(struct line *ln, size_t n, uint16_t style,
				   int32_t target)
{
	if (ln->nspans == 0)
		return false;
	struct span *last = &ln->spans[ln->nspans - 1];
	if (last->style != style || last->target != target ||
	    last->off + last->len != ln->len)
		return false;
	last->len += (uint32_t)n;
	ln->len += (uint32_t)n;
	return true;
}
/* Adds the runs of p's text[start..end) to ln, with extra style bits. */
void lay_line_add_para(struct line *ln, size_t *cap, size_t *cap_spans,
		       const struct para *p, size_t start, size_t end,
		       uint16_t extra_style);
void lay_line_finish(struct builder *b, struct line *ln);
/* As lay_line_finish for a line with no targets and no trailing spaces
 * whose width is known. */
void lay_line_finish_width(struct builder *b, struct line *ln, uint32_t width);
void lay_line_prefix(struct builder *b, struct line *ln, size_t *cap,
		     size_t *cap_spans, bool first);
void lay_blank_line(struct builder *b);
bool lay_want_blank(const struct builder *b, bool heading);
void lay_block_start(struct builder *b, bool heading);
void lay_block_end(struct builder *b);

/* Line break opportunities of p's text (a new array, caller frees). */
char *lay_breaks(const struct para *p);
/* Where the line that starts at pos of s[..end) ends when it may be cols
 * wide: a break opportunity in brk (NULL: anywhere), else where the
 * columns run out (never less than one character). */
size_t lay_wrap_cut(const uint8_t *s, size_t pos, size_t end, const char *brk,
		    size_t cols);
/* The same, and the display width of s[pos..cut) in *width. */
size_t lay_wrap_cut_w(const uint8_t *s, size_t pos, size_t end,
		      const char *brk, size_t cols, size_t *width);
/* Display width of s[0..n). */
size_t lay_width(const char *s, size_t n);
void lay_wrap_segment(struct builder *b, size_t start, size_t end,
		      const char *brk, bool *first, uint16_t extra_style);
/* Glossary terms in the collected paragraph become targets. */
void lay_mark_terms(struct builder *b);
/* ASCII mode: the collected paragraph transliterated, runs kept. */
void lay_para_ascii(struct builder *b);
/* Lays out the collected paragraph (terms marked, ASCII mode applied),
 * then empties it. */
void lay_flush_para(struct builder *b, uint16_t extra_style);
/* As lay_flush_para for a paragraph already marked and transliterated. */
void lay_emit_para(struct builder *b, uint16_t extra_style);

/* ---- layout.c ---- */

/* One inline node's event into the collected paragraph. */
void lay_inline_node(struct builder *b, cmark_node *n, cmark_event_type ev);

/* ---- layout_table.c ---- */

/* Lays out a table node (CMARK_NODE_TABLE) and everything inside it. */
void lay_table(struct builder *b, cmark_node *table);

#endif
