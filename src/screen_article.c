/*
 * screen_article: see screen_article.h.
 *
 * The layout is cached in the reader for one width and rebuilt when the
 * width changes (a resize, the pane or the section list opening); the
 * reading position survives through layout_find.  Focus moves through
 * the targets (terms and links) on screen: the text's, then the pane's.
 */
#include "screen_article.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "draw.h"
#include "fold.h"
#include "glossary.h"
#include "hyperlink.h"
#include "linecache.h"
#include "rowcache.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

#define SIDE_W 28       /* section list width */
#define MIN_TEXT 60     /* text columns wanted beside the section list */
#define MAX_MEASURE 100 /* longest line, for readability */

struct geom {
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

static void geometry(const struct app *a, struct geom *g)
{
	const struct reader *rd = &a->rd;
	memset(g, 0, sizeof *g);
	g->rows = app_rows();
	g->cols = app_cols();
	g->body_y = 1;
	g->body_h = g->rows - 2;
	int avail = g->cols;
	if (rd->pane.open) {
		g->pane = true;
		if (g->cols >= 100) {
			g->pane_right = true;
			g->pane_w = g->cols / 3;
			if (g->pane_w < 32)
				g->pane_w = 32;
			if (g->pane_w > 48)
				g->pane_w = 48;
			g->pane_x = g->cols - g->pane_w;
			g->pane_y = g->body_y;
			g->pane_h = g->body_h;
			avail -= g->pane_w;
		} else {
			g->pane_w = g->cols;
			g->pane_h = g->body_h * 2 / 5;
			if (g->pane_h < 5)
				g->pane_h = 5;
			g->pane_y = g->body_y + g->body_h - g->pane_h;
		}
		/* Border, title row, then text, then the hint row. */
		int inner_x = g->pane_right ? 2 : 1;
		g->pane_lw = g->pane_w - inner_x - 1;
		g->pane_text_y = g->pane_y + (g->pane_right ? 2 : 3);
		g->pane_text_h = g->pane_y + g->pane_h - 1 - g->pane_text_y;
		if (g->pane_text_h < 1)
			g->pane_text_h = 1;
	}
	g->side_room = avail - SIDE_W - 1 >= MIN_TEXT;
	if (rd->sections_on && g->side_room) {
		g->side = true;
		g->side_w = SIDE_W;
		g->text_x = SIDE_W + 1;
	} else if (rd->sections_focus) {
		g->overlay = true;
		g->side_w = avail;
	}
	g->text_w = avail - g->text_x;
	g->text_h = g->body_h - (g->pane && !g->pane_right ? g->pane_h : 0);
	g->lw = g->text_w - 2;
	if (g->lw > MAX_MEASURE)
		g->lw = MAX_MEASURE;
	if (g->lw < 1)
		g->lw = 1;
}

static void pane_show_term(struct app *a, size_t entry);

/* ---- opening and layout ---- */

static void pane_close(struct pane *p)
{
	if (p->doc != NULL)
		cmark_node_free(p->doc);
	layout_free(p->lay);
	free(p->url);
	memset(p, 0, sizeof *p);
}

void reader_close(struct reader *rd)
{
	if (rd->doc != NULL)
		cmark_node_free(rd->doc);
	layout_free(rd->lay);
	linecache_free(rd->cells);
	rowcache_free(rd->side);
	pane_close(&rd->pane);
	free(rd->pend_fragment);
	free(rd->pend_section);
	free(rd->find);
	memset(rd, 0, sizeof *rd);
	rd->article = -1;
	rd->focus = -1;
}

int reader_open(struct app *a, long index)
{
	struct reader *rd = &a->rd;
	bool sections_on = rd->doc != NULL ? rd->sections_on : true;
	reader_close(rd);
	rd->sections_on = sections_on;
	struct diag_list diags = {0};
	cmark_node *doc = article_parse(&a->lib->articles[index], &diags);
	diag_list_clear(&diags);
	if (doc == NULL)
		return -1;
	rd->article = index;
	rd->doc = doc;
	return 0;
}

void reader_position(const struct reader *rd, uint32_t *block,
		     uint32_t *block_off)
{
	if (rd->pending) {
		*block = rd->pend_block;
		*block_off = rd->pend_off;
	} else if (rd->lay != NULL && rd->top < rd->lay->nlines) {
		*block = rd->lay->lines[rd->top].block;
		*block_off = rd->lay->lines[rd->top].block_off;
	} else {
		*block = 0;
		*block_off = 0;
	}
}

void reader_seek(struct reader *rd, uint32_t block, uint32_t block_off)
{
	rd->pending = true;
	rd->pend_block = block;
	rd->pend_off = block_off;
}

void reader_seek_section(struct reader *rd, const char *title, size_t delta)
{
	free(rd->pend_section);
	rd->pend_section = xstrdup(title);
	rd->pend_delta = delta;
}

bool reader_where(const struct reader *rd, const char **title, size_t *delta)
{
	if (rd->lay == NULL || rd->lay->nsections == 0 || rd->pending)
		return false;
	size_t s = layout_section_of(rd->lay, rd->top);
	*title = rd->lay->sections[s].title;
	*delta = rd->top - rd->lay->sections[s].line;
	return true;
}

void reader_show_term(struct app *a, const char *term)
{
	long e = glossary_lookup(a->lib->glossary, term);
	if (e >= 0)
		pane_show_term(a, (size_t)e);
}

void reader_seek_fragment(struct app *a, const char *fragment)
{
	free(a->rd.pend_fragment);
	a->rd.pend_fragment = fragment != NULL && fragment[0] != '\0'
				      ? xstrdup(fragment)
				      : NULL;
}

/* True when the folded needle is in line ln; the byte range of the
 * first occurrence at or after byte from goes to *s, *e. */
static bool line_has(const struct line *ln, const char *needle, size_t from,
		     size_t *s, size_t *e)
{
	size_t fl, nl = strlen(needle);
	uint32_t *map;
	char *f = fold_text(ln->text, ln->len, &fl, &map);
	bool found = false;
	for (size_t i = 0; nl > 0 && i + nl <= fl; i++) {
		if (map[i] < from || memcmp(f + i, needle, nl) != 0)
			continue;
		*s = map[i];
		*e = i + nl < fl ? map[i + nl] : ln->len;
		found = true;
		break;
	}
	free(f);
	free(map);
	return found;
}

/* The first line from `from` going in direction dir (+1/-1) that has the
 * needle, or -1. */
static long find_line(const struct layout *l, const char *needle, size_t from,
		      int dir)
{
	size_t s, e;
	for (long i = (long)from; i >= 0 && (size_t)i < l->nlines; i += dir)
		if (line_has(&l->lines[i], needle, 0, &s, &e))
			return i;
	return -1;
}

static void ensure_layout(struct app *a, const struct geom *g)
{
	struct reader *rd = &a->rd;
	rd->text_h = g->text_h;
	if (rd->doc == NULL)
		return;
	if (rd->lay == NULL || rd->lay->width != g->lw) {
		uint32_t b, off;
		bool had = rd->lay != NULL || rd->pending;
		reader_position(rd, &b, &off);
		struct layout_options o = {.width = g->lw,
					   .ascii = a->ascii,
					   .show_urls = !hyperlink_enabled(),
					   .ascii_bullets = draw_glyphs() != GLYPHS_UNICODE,
					   .glossary = a->lib->glossary,
					   .skip_entry = -1};
		layout_free(rd->lay);
		rd->lay = layout_build(rd->doc, &o);
		if (rd->cells == NULL)
			rd->cells = linecache_new();
		linecache_clear(rd->cells);
		rowcache_clear(rd->side);
		rd->top = had ? layout_find(rd->lay, b, off) : 0;
		rd->pending = false;
		rd->focus = -1;
		rd->focus_in_pane = false;
	}
	if (rd->pend_section != NULL) {
		const struct layout *l = rd->lay;
		for (size_t i = 0; i < l->nsections; i++) {
			if (strcmp(l->sections[i].title, rd->pend_section) != 0)
				continue;
			size_t end = i + 1 < l->nsections ? l->sections[i + 1].line
							  : l->nlines;
			size_t top = l->sections[i].line + rd->pend_delta;
			rd->top = top < end ? top : (end > 0 ? end - 1 : 0);
			break;
		}
		free(rd->pend_section);
		rd->pend_section = NULL;
	}
	if (rd->find_pending && rd->find != NULL) {
		/* Land a little above the first line with the words. */
		long at = find_line(rd->lay, rd->find, rd->top, 1);
		if (at >= 0)
			rd->top = at >= 2 ? (size_t)at - 2 : 0;
		rd->find_pending = false;
	}
	if (rd->pend_fragment != NULL) {
		for (size_t i = 0; i < rd->lay->nsections; i++)
			if (anchor_match(rd->lay->sections[i].title,
					 rd->pend_fragment)) {
				rd->top = rd->lay->sections[i].line;
				break;
			}
		free(rd->pend_fragment);
		rd->pend_fragment = NULL;
	}
	struct pane *p = &rd->pane;
	if (p->open && p->doc != NULL &&
	    (p->lay == NULL || p->lay->width != g->pane_lw)) {
		struct layout_options o = {
			.width = g->pane_lw < 1 ? 1 : g->pane_lw,
			.ascii = a->ascii,
			.ascii_bullets = draw_glyphs() != GLYPHS_UNICODE,
			.glossary = p->is_link ? NULL : a->lib->glossary,
			.skip_entry = p->is_link ? -1 : (long)p->entry,
			.mark_all = true};
		layout_free(p->lay);
		p->lay = layout_build(p->doc, &o);
		p->top = 0;
		if (rd->focus_in_pane)
			rd->focus = -1;
	}
}

/* ---- the pane ---- */

/* A document of plain paragraphs (nothing in them is Markdown). */
static cmark_node *plain_doc(const char *const *paras, size_t n)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	for (size_t i = 0; i < n; i++) {
		if (paras[i] == NULL)
			continue;
		cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);
		cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(t, paras[i]);
		cmark_node_append_child(p, t);
		cmark_node_append_child(doc, p);
	}
	return doc;
}

static void pane_show_term(struct app *a, size_t entry)
{
	struct pane *p = &a->rd.pane;
	pane_close(p);
	const struct glossary_entry *e =
		glossary_entry_at(a->lib->glossary, entry);
	p->open = true;
	p->entry = entry;
	p->doc = article_parse_markdown(e->definition, strlen(e->definition));
	char *s = glossary_also(e);
	if (s != NULL) {
		cmark_node *para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, article_mem());
		cmark_node *em = cmark_node_new_with_mem(CMARK_NODE_EMPH, article_mem());
		cmark_node *t = cmark_node_new_with_mem(CMARK_NODE_TEXT, article_mem());
		cmark_node_set_literal(t, s);
		cmark_node_append_child(em, t);
		cmark_node_append_child(para, em);
		cmark_node_append_child(p->doc, para);
		free(s);
	}
}

static void pane_show_link(struct app *a, const char *url)
{
	struct pane *p = &a->rd.pane;
	pane_close(p);
	p->open = true;
	p->is_link = true;
	p->url = xstrdup(url != NULL ? url : "");
	const char *frag;
	p->link_article = library_resolve(
		a->lib, &a->lib->articles[a->rd.article], p->url, &frag);
	const char *paras[3] = {"This link goes to a web page:", p->url,
				"The kiosk cannot open web pages. You can "
				"write the address down, or ask the staff "
				"for a printed copy."};
	p->doc = plain_doc(paras, 3);
}

/* ---- focus ---- */

struct ring {
	int32_t *ids;
	bool *in_pane;
	size_t n, cap;
};

static void ring_add(struct ring *r, int32_t id, bool pane)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->ids[i] == id && r->in_pane[i] == pane)
			return;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->ids = xreallocarray(r->ids, r->cap, sizeof *r->ids);
		r->in_pane = xreallocarray(r->in_pane, r->cap, sizeof *r->in_pane);
	}
	r->ids[r->n] = id;
	r->in_pane[r->n++] = pane;
}

static void ring_lines(struct ring *r, const struct layout *l, size_t top,
		       int h, bool pane)
{
	for (size_t i = top; l != NULL && i < l->nlines && i < top + (size_t)h; i++)
		for (uint32_t k = 0; k < l->lines[i].nspans; k++)
			if (l->lines[i].spans[k].target >= 0)
				ring_add(r, l->lines[i].spans[k].target, pane);
}

static void ring_build(const struct app *a, const struct geom *g, struct ring *r)
{
	memset(r, 0, sizeof *r);
	ring_lines(r, a->rd.lay, a->rd.top, g->text_h, false);
	if (a->rd.pane.open)
		ring_lines(r, a->rd.pane.lay, a->rd.pane.top, g->pane_text_h, true);
}

static void ring_free(struct ring *r)
{
	free(r->ids);
	free(r->in_pane);
}

static size_t max_top(const struct layout *l, int h)
{
	if (l == NULL || l->nlines <= (size_t)h)
		return 0;
	return l->nlines - (size_t)h;
}

/* Moves focus by dir (+1 Tab, -1 Shift-Tab). */
static void move_focus(struct app *a, const struct geom *g, int dir)
{
	struct reader *rd = &a->rd;
	struct ring r;
	ring_build(a, g, &r);
	long pos = -1;
	for (size_t i = 0; i < r.n; i++)
		if (rd->focus >= 0 && r.ids[i] == rd->focus &&
		    r.in_pane[i] == rd->focus_in_pane)
			pos = (long)i;
	long next = pos < 0 ? (dir > 0 ? 0 : (long)r.n - 1) : pos + dir;
	if (next >= 0 && next < (long)r.n) {
		rd->focus = r.ids[next];
		rd->focus_in_pane = r.in_pane[next];
		ring_free(&r);
		return;
	}
	ring_free(&r);
	/* Off the ends: the next target in the text beyond the screen. */
	const struct layout *l = rd->lay;
	if (l != NULL && l->ntargets > 0) {
		long cand = -1;
		if (dir > 0) {
			for (size_t t = 0; t < l->ntargets && cand < 0; t++)
				if (l->targets[t].line >= rd->top + (size_t)g->text_h)
					cand = (long)t;
		} else {
			for (size_t t = l->ntargets; t-- > 0 && cand < 0;)
				if (l->targets[t].line < rd->top)
					cand = (long)t;
		}
		if (cand >= 0) {
			size_t line = l->targets[cand].line;
			rd->top = dir > 0 ? (line >= (size_t)g->text_h / 2
						     ? line - (size_t)g->text_h / 2
						     : 0)
					  : line;
			if (rd->top > max_top(l, g->text_h))
				rd->top = max_top(l, g->text_h);
			rd->focus = (int32_t)cand;
			rd->focus_in_pane = false;
			return;
		}
	}
	/* Wrap around on screen. */
	ring_build(a, g, &r);
	if (r.n > 0) {
		size_t i = dir > 0 ? 0 : r.n - 1;
		rd->focus = r.ids[i];
		rd->focus_in_pane = r.in_pane[i];
	} else {
		app_notice(a, "There are no highlighted words here.");
	}
	ring_free(&r);
}

/* Drops focus from a text target that is no longer on screen. */
static void check_focus(struct reader *rd, const struct geom *g)
{
	if (rd->focus < 0 || rd->focus_in_pane || rd->lay == NULL)
		return;
	struct ring r = {0};
	ring_lines(&r, rd->lay, rd->top, g->text_h, false);
	bool seen = false;
	for (size_t i = 0; i < r.n; i++)
		if (r.ids[i] == rd->focus)
			seen = true;
	ring_free(&r);
	if (!seen)
		rd->focus = -1;
}

/* Enter on the focused target. */
static void activate(struct app *a, int32_t target, bool in_pane)
{
	struct reader *rd = &a->rd;
	const struct layout *l = in_pane ? rd->pane.lay : rd->lay;
	if (l == NULL || target < 0 || (size_t)target >= l->ntargets)
		return;
	const struct target *t = &l->targets[target];
	if (t->kind == TARGET_TERM) {
		pane_show_term(a, t->entry);
		if (in_pane)
			rd->focus = -1;
		return;
	}
	const char *frag = NULL;
	long idx = library_resolve(a->lib, &a->lib->articles[rd->article],
				   t->url, &frag);
	if (idx >= 0) {
		/* frag points into t->url, which the layout owns; opening
		 * frees that layout, so the fragment is copied first. */
		char *own = frag != NULL ? xstrdup(frag) : NULL;
		app_open_article(a, idx, own);
		free(own);
		return;
	}
	pane_show_link(a, t->url);
	if (in_pane)
		rd->focus = -1;
}

const char *reader_take_home_url(const struct app *a)
{
	const struct reader *rd = &a->rd;
	const struct layout *l = rd->focus_in_pane ? rd->pane.lay : rd->lay;
	if (l != NULL && rd->focus >= 0 && (size_t)rd->focus < l->ntargets) {
		const struct target *t = &l->targets[rd->focus];
		if (t->kind == TARGET_LINK && t->url != NULL &&
		    strchr(t->url, ':') != NULL)
			return t->url;
	}
	if (rd->article >= 0)
		return a->lib->articles[rd->article].fm.url;
	return NULL;
}

/* ---- drawing ---- */

/* The section being read: the one whose heading is the top line; else,
 * once the end of the text is on screen, the one at the bottom line; else
 * the one the top line belongs to. */
static size_t current_section_in(const struct reader *rd, int text_h)
{
	if (rd->lay == NULL || rd->lay->nlines == 0)
		return 0;
	size_t s = layout_section_of(rd->lay, rd->top);
	if (s < rd->lay->nsections && rd->lay->sections[s].line == rd->top)
		return s;
	size_t mt = max_top(rd->lay, text_h);
	if (mt > 0 && rd->top >= mt)
		return layout_section_of(rd->lay, rd->lay->nlines - 1);
	return s;
}

static size_t current_section(const struct reader *rd)
{
	return current_section_in(rd, rd->text_h);
}

/* The first section shown when sel must be visible in rows rows. */
static size_t sections_first(size_t sel, int rows)
{
	return rows > 0 && sel >= (size_t)rows ? sel - (size_t)rows + 1 : 0;
}

enum side_row { SIDE_BLANK, SIDE_HEADING, SIDE_SECTION };

/* Everything a row of the section list depends on besides the layout
 * (whose rebuilds clear rd->side): the key of its cells in rd->side. */
struct side_key {
	enum side_row kind;
	size_t section;          /* SIDE_SECTION: its index */
	bool current, selected;  /* SIDE_SECTION: the pointer, the highlight */
	int w;                   /* the list's width */
	bool border;             /* the border column after it */
	enum glyph_set glyphs;
	attr_t text, topic, selected_at, current_at, border_at;
	chtype bkgd;
};

/* Paints one row of the section list at y, as described by k. */
static void paint_side_row(const struct layout *l, const struct side_key *k,
			   int y, int x)
{
	int w = k->w;
	attr_t at = k->selected  ? theme_ui(UI_SELECTED)
		    : k->current ? theme_ui(UI_CURRENT)
				 : theme_ui(UI_TEXT);
	draw_fill(y, x, w, at);
	if (k->kind == SIDE_HEADING) {
		draw_text(y, x + 1, "Sections", w - 2, theme_ui(UI_TOPIC), true);
	} else if (k->kind == SIDE_SECTION) {
		const char *mark = k->current ? draw_glyph(GLYPH_POINTER) : " ";
		draw_text(y, x + 1, mark, 1, at, false);
		int indent = l->sections[k->section].level >= 3 ? 2 : 0;
		draw_text(y, x + 3 + indent, l->sections[k->section].title,
			  w - 4 - indent, at, true);
	}
	if (k->border)
		draw_vline(y, x + w, 1, theme_ui(UI_BORDER));
}

/* The section list: "Sections", a blank row, then the sections from the
 * one that keeps the selected (or current) one on screen.  Rows painted
 * before (a scroll within a section, the list moved by a row) are copied
 * from rd->side. */
static void draw_sections(struct app *a, const struct geom *g)
{
	struct reader *rd = &a->rd;
	const struct layout *l = rd->lay;
	int x = g->side_x;
	int h = g->overlay ? g->text_h : g->body_h;
	struct side_key k;
	memset(&k, 0, sizeof k); /* padding too: keys compare bytewise */
	k.w = g->side_w;
	k.border = !g->overlay;
	k.glyphs = draw_glyphs();
	k.text = theme_ui(UI_TEXT);
	k.topic = theme_ui(UI_TOPIC);
	k.selected_at = theme_ui(UI_SELECTED);
	k.current_at = theme_ui(UI_CURRENT);
	k.border_at = theme_ui(UI_BORDER);
	k.bkgd = getbkgd(stdscr);
	size_t cur = 0, first = 0;
	if (l != NULL) {
		cur = current_section(rd);
		size_t sel = rd->sections_focus ? rd->sections_sel : cur;
		first = sections_first(sel, h - 2);
	}
	if (rd->side == NULL)
		rd->side = rowcache_new();
	int rw = k.w + (k.border ? 1 : 0);
	for (int r = 0; r < h; r++) {
		int y = g->body_y + r;
		size_t s = first + (size_t)(r - 2);
		k.kind = r == 0 ? SIDE_HEADING : SIDE_BLANK;
		k.section = 0;
		k.current = k.selected = false;
		if (r >= 2 && l != NULL && s < l->nsections) {
			k.kind = SIDE_SECTION;
			k.section = s;
			k.current = s == cur;
			k.selected = rd->sections_focus && s == rd->sections_sel;
		}
		if (rowcache_restore(rd->side, &k, sizeof k, y, x, rw))
			continue;
		paint_side_row(l, &k, y, x);
		rowcache_save(rd->side, &k, sizeof k, y, x, rw);
	}
}

static void draw_pane(struct app *a, const struct geom *g)
{
	struct reader *rd = &a->rd;
	struct pane *p = &rd->pane;
	attr_t at = theme_ui(UI_PANE);
	for (int y = 0; y < g->pane_h; y++)
		draw_fill(g->pane_y + y, g->pane_x, g->pane_w, at);
	int x = g->pane_x + (g->pane_right ? 2 : 1);
	if (g->pane_right) {
		draw_vline(g->pane_y, g->pane_x, g->pane_h, theme_ui(UI_BORDER));
	} else {
		draw_hline(g->pane_y, 0, g->pane_w, theme_ui(UI_BORDER));
	}
	int ty = g->pane_y + (g->pane_right ? 0 : 1);
	const char *title = p->is_link
				    ? "Link"
				    : glossary_entry_at(a->lib->glossary, p->entry)->term;
	draw_text(ty, x, title, g->pane_lw, theme_ui(UI_PANE_TITLE), true);
	if (p->lay != NULL) {
		for (int i = 0; i < g->pane_text_h; i++) {
			size_t ln = p->top + (size_t)i;
			if (ln >= p->lay->nlines)
				break;
			const struct line *line = &p->lay->lines[ln];
			draw_line(g->pane_text_y + i, x, line, g->pane_lw,
				  rd->focus_in_pane ? rd->focus : -1);
			if (p->is_link && line->block == 1) /* the address */
				hyperlink_add(g->pane_text_y + i, x,
					      (int)line->width, p->url);
		}
	}
	const char *hint = p->lay != NULL && p->lay->ntargets > 0
				   ? "Esc: close  Tab: more words"
				   : "Esc: close";
	draw_text(g->pane_y + g->pane_h - 1, x, hint, g->pane_lw,
		  theme_ui(UI_DIM), true);
}

void article_draw(struct app *a)
{
	struct reader *rd = &a->rd;
	struct geom g;
	geometry(a, &g);
	ensure_layout(a, &g);
	const struct article *art = &a->lib->articles[rd->article];
	char right[48] = "";
	if (rd->lay != NULL && rd->lay->nsections > 1)
		snprintf(right, sizeof right, "Section %zu of %zu",
			 current_section(rd) + 1, rd->lay->nsections);
	app_draw_bars(a, art->title, right, CTX_ARTICLE);
	if (rd->lay == NULL)
		return;
	check_focus(rd, &g);
	if (g.side || g.overlay)
		draw_sections(a, &g);
	if (!g.overlay) {
		for (int i = 0; i < g.text_h; i++) {
			size_t ln = rd->top + (size_t)i;
			if (ln >= rd->lay->nlines)
				break;
			const struct line *line = &rd->lay->lines[ln];
			linecache_draw(rd->cells, rd->lay, ln, g.body_y + i,
				       g.text_x + 1, g.lw,
				       rd->focus_in_pane ? -1 : rd->focus);
			draw_line_links(g.body_y + i, g.text_x + 1, line, g.lw,
					rd->lay);
			size_t from = 0, s, e;
			while (rd->find != NULL &&
			       line_has(line, rd->find, from, &s, &e) && e > s) {
				/* The searched words, in reverse video. */
				char *w = xstrndup(line->text + s, e - s);
				int col = (int)text_width(line->text, s);
				draw_text(g.body_y + i, g.text_x + 1 + col, w,
					  g.lw - col, A_REVERSE | A_BOLD, false);
				free(w);
				from = e;
			}
		}
	}
	if (g.pane)
		draw_pane(a, &g);
}

/* ---- keys ---- */

static void scroll_to(struct reader *rd, const struct geom *g, long top)
{
	long mt = (long)max_top(rd->lay, g->text_h);
	if (top > mt)
		top = (long)rd->top > mt ? (long)rd->top : mt;
	if (top < 0)
		top = 0;
	rd->top = (size_t)top;
}

static void jump_section(struct reader *rd, size_t s)
{
	if (rd->lay == NULL || s >= rd->lay->nsections)
		return;
	rd->top = rd->lay->sections[s].line;
	rd->focus = -1;
}

static void pane_scroll(struct pane *p, const struct geom *g, long delta)
{
	long top = (long)p->top + delta;
	long mt = (long)max_top(p->lay, g->pane_text_h);
	if (top > mt)
		top = mt;
	if (top < 0)
		top = 0;
	p->top = (size_t)top;
}

static void sections_key(struct app *a, enum action act, const struct geom *g)
{
	struct reader *rd = &a->rd;
	size_t n = rd->lay != NULL ? rd->lay->nsections : 0;
	size_t page = g->body_h > 4 ? (size_t)g->body_h - 3 : 1;
	if (keys_list_move(act, &rd->sections_sel, n, page))
		return;
	switch (act) {
	case ACT_OPEN:
		jump_section(rd, rd->sections_sel);
		rd->sections_focus = false;
		break;
	case ACT_BACK:
		rd->sections_focus = false;
		break;
	case ACT_SECTIONS:
		rd->sections_focus = false;
		if (g->side_room)
			rd->sections_on = false;
		break;
	case ACT_HELP:
	case ACT_QUIT:
		break;
	default:
		break;
	}
}

void article_key(struct app *a, enum action act)
{
	struct reader *rd = &a->rd;
	struct geom g;
	geometry(a, &g);
	ensure_layout(a, &g);
	if (rd->lay == NULL)
		return;
	if (rd->sections_focus) {
		sections_key(a, act, &g);
		return;
	}
	bool pane_keys = rd->focus_in_pane && rd->pane.open;
	long page = g.text_h > 2 ? g.text_h - 1 : 1;
	switch (act) {
	case ACT_UP:
		if (pane_keys)
			pane_scroll(&rd->pane, &g, -1);
		else
			scroll_to(rd, &g, (long)rd->top - 1);
		break;
	case ACT_DOWN:
		if (pane_keys)
			pane_scroll(&rd->pane, &g, 1);
		else
			scroll_to(rd, &g, (long)rd->top + 1);
		break;
	case ACT_PAGE_UP:
		scroll_to(rd, &g, (long)rd->top - page);
		break;
	case ACT_PAGE_DOWN:
		scroll_to(rd, &g, (long)rd->top + page);
		break;
	case ACT_HOME:
		rd->top = 0;
		break;
	case ACT_END:
		rd->top = max_top(rd->lay, g.text_h);
		break;
	case ACT_NEXT_SECTION: {
		size_t s = current_section(rd);
		if (s + 1 < rd->lay->nsections)
			jump_section(rd, s + 1);
		else
			app_notice(a, "This is the last section.");
		break;
	}
	case ACT_PREV_SECTION: {
		size_t s = current_section(rd);
		/* Inside a section, go to its start first. */
		if (rd->lay->nsections > 0 &&
		    rd->top > rd->lay->sections[s].line)
			jump_section(rd, s);
		else if (s > 0)
			jump_section(rd, s - 1);
		break;
	}
	case ACT_SECTIONS:
		if (g.side_room && rd->sections_on) {
			rd->sections_on = false; /* hide it */
		} else {
			rd->sections_on = true;
			rd->sections_focus = true;
			rd->sections_sel = current_section(rd);
		}
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH: {
		if (rd->find == NULL) {
			app_notice(a, "Press / to search first.");
			break;
		}
		int dir = act == ACT_NEXT_MATCH ? 1 : -1;
		size_t cur = rd->top + 2;
		long at = dir > 0 ? find_line(rd->lay, rd->find, cur + 1, 1)
				  : (cur > 0 ? find_line(rd->lay, rd->find, cur - 1, -1)
					     : -1);
		if (at < 0)
			app_notice(a, dir > 0 ? "No more places below."
					      : "No more places above.");
		else
			rd->top = at >= 2 ? (size_t)at - 2 : 0;
		break;
	}
	case ACT_NEXT_TARGET:
		move_focus(a, &g, 1);
		break;
	case ACT_PREV_TARGET:
		move_focus(a, &g, -1);
		break;
	case ACT_OPEN:
		if (rd->focus >= 0)
			activate(a, rd->focus, rd->focus_in_pane);
		else
			app_notice(a, "Press Tab to choose a highlighted word, "
				      "then Enter.");
		break;
	case ACT_BACK:
		if (rd->pane.open) {
			pane_close(&rd->pane);
			if (rd->focus_in_pane)
				rd->focus = -1;
			rd->focus_in_pane = false;
		} else {
			app_back(a);
		}
		break;
	default:
		break;
	}
}

/* The target at screen column col of line ln (relative to its start). */
static int32_t target_at(const struct line *ln, int col)
{
	int c = 0;
	for (uint32_t i = 0; i < ln->nspans; i++) {
		const struct span *sp = &ln->spans[i];
		int w = (int)text_width(ln->text + sp->off, sp->len);
		if (col >= c && col < c + w)
			return sp->target;
		c += w;
	}
	return -1;
}

void article_mouse(struct app *a, const MEVENT *ev)
{
	struct reader *rd = &a->rd;
	struct geom g;
	geometry(a, &g);
	ensure_layout(a, &g);
	if (rd->lay == NULL)
		return;
	bool in_pane = g.pane && ev->x >= g.pane_x && ev->x < g.pane_x + g.pane_w &&
		       ev->y >= g.pane_y && ev->y < g.pane_y + g.pane_h;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		long d = (ev->bstate & BUTTON4_PRESSED) ? -3 : 3;
		if (in_pane)
			pane_scroll(&rd->pane, &g, d);
		else
			scroll_to(rd, &g, (long)rd->top + d);
		return;
	}
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	if (in_pane) {
		int row = ev->y - g.pane_text_y;
		size_t ln = rd->pane.top + (size_t)row;
		int x = g.pane_x + (g.pane_right ? 2 : 1);
		if (row >= 0 && row < g.pane_text_h && rd->pane.lay != NULL &&
		    ln < rd->pane.lay->nlines) {
			int32_t t = target_at(&rd->pane.lay->lines[ln], ev->x - x);
			if (t >= 0)
				activate(a, t, true);
		}
		return;
	}
	if ((g.side || g.overlay) && ev->x < g.side_x + g.side_w &&
	    ev->y >= g.body_y + 2) {
		size_t cur = rd->sections_focus ? rd->sections_sel
						: current_section(rd);
		int rows = (g.overlay ? g.text_h : g.body_h) - 2;
		size_t first = sections_first(cur, rows);
		size_t s = first + (size_t)(ev->y - g.body_y - 2);
		if (s < rd->lay->nsections) {
			jump_section(rd, s);
			rd->sections_focus = false;
		}
		return;
	}
	int row = ev->y - g.body_y;
	if (row < 0 || row >= g.text_h || g.overlay)
		return;
	size_t ln = rd->top + (size_t)row;
	if (ln >= rd->lay->nlines)
		return;
	int32_t t = target_at(&rd->lay->lines[ln], ev->x - g.text_x - 1);
	if (t >= 0) {
		rd->focus = t;
		rd->focus_in_pane = false;
		activate(a, t, false);
	}
}
