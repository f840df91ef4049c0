/*
 * reader: see reader.h.
 *
 * Every change that can move the geometry (the size, the pane, the
 * section list) ends in fit(), which lays the text and the pane out again
 * when their widths changed, keeping the reading position (layout_find),
 * and then settle(), which drops a focus that went off screen.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "article.h"
#include "fold.h"
#include "frontmatter.h"
#include "glossary.h"
#include "i18n.h"
#include "library.h"
#include "log.h"
#include "mdgen.h"
#include "reader_int.h"
#include "text.h"
#include "xmem.h"

/* The words a person reads from the model (notices). */
#define S_LAST_SECTION N_("This is the last section.")
#define S_FIRST_SECTION N_("This is the first section.")
#define S_SEARCH_FIRST N_("Press / to search first.")
#define S_NONE_BELOW N_("No more places below.")
#define S_NONE_ABOVE N_("No more places above.")
#define S_NO_WORDS N_("There are no highlighted words here.")
static int text_h(const struct reader *rd)
{
	struct reader_geom g;
	reader_geom(rd, &g);
	return g.text_h;
}

size_t reader_max_top(const struct layout *l, int h)
{
	if (l == NULL || h < 0 || l->nlines <= (size_t)h)
		return 0;
	return l->nlines - (size_t)h;
}

/* ---- find ---- */

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

/* Where find is in the layout: worked out once per layout and find, so
 * painting and n / N only read it. */
static void remark(struct reader *rd)
{
	free(rd->marks);
	rd->marks = NULL;
	rd->nmarks = 0;
	if (rd->find == NULL || rd->lay == NULL)
		return;
	size_t cap = 0;
	for (size_t i = 0; i < rd->lay->nlines; i++) {
		size_t from = 0, s, e;
		while (line_has(&rd->lay->lines[i], rd->find, from, &s, &e) &&
		       e > s) {
			xgrow(&rd->marks, &cap, rd->nmarks + 1, sizeof *rd->marks);
			rd->marks[rd->nmarks++] = (struct reader_mark){i, s, e};
			from = e;
		}
	}
}

/* The first line from `from` going in direction dir (+1/-1) that has a
 * mark, or -1. */
static long find_line(const struct reader *rd, long from, int dir)
{
	if (dir > 0) {
		for (size_t i = 0; i < rd->nmarks; i++)
			if ((long)rd->marks[i].line >= from)
				return (long)rd->marks[i].line;
	} else {
		for (size_t i = rd->nmarks; i-- > 0;)
			if ((long)rd->marks[i].line <= from)
				return (long)rd->marks[i].line;
	}
	return -1;
}

/* Scrolls so that line at, which holds found words, is near the top:
 * two lines of context above it, but never lines of the section before
 * (a heading that matches is the top line), so the title bar and the
 * section list name the section that holds the words. */
static size_t land_top(const struct reader *rd, size_t at)
{
	size_t top = at >= 2 ? at - 2 : 0;
	const struct layout *l = rd->lay;
	if (l != NULL && at < l->nlines && l->nsections > 0) {
		size_t start = l->sections[layout_section_of(l, at)].line;
		if (top < start)
			top = start;
	}
	return top;
}

static void land(struct reader *rd, size_t at)
{
	rd->top = land_top(rd, at);
	rd->match = (long)at;
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

static void ring_build(const struct reader *rd, const struct reader_geom *g,
		       struct ring *r)
{
	memset(r, 0, sizeof *r);
	ring_lines(r, rd->lay, rd->top, g->text_h, false);
	if (rd->pane.open)
		ring_lines(r, rd->pane.lay, rd->pane.top, g->pane_text_h, true);
}

static void ring_free(struct ring *r)
{
	free(r->ids);
	free(r->in_pane);
}

/* Drops focus from a text target that is no longer on screen. */
static void settle(struct reader *rd)
{
	if (rd->focus < 0 || rd->focus_in_pane || rd->lay == NULL)
		return;
	struct ring r = {0};
	ring_lines(&r, rd->lay, rd->top, text_h(rd), false);
	bool seen = false;
	for (size_t i = 0; i < r.n; i++)
		if (r.ids[i] == rd->focus)
			seen = true;
	ring_free(&r);
	if (!seen)
		rd->focus = -1;
}

/* Scrolls the least that shows the focused word of the text again when
 * the pane has grown over it (the pane follows Tab). */
static void reveal_focus(struct reader *rd)
{
	const struct layout *l = rd->lay;
	if (rd->focus < 0 || rd->focus_in_pane || l == NULL ||
	    (size_t)rd->focus >= l->ntargets)
		return;
	size_t line = l->targets[rd->focus].line;
	size_t h = (size_t)(text_h(rd) > 0 ? text_h(rd) : 1);
	if (line < rd->top)
		rd->top = line;
	else if (line >= rd->top + h)
		rd->top = line + 1 - h;
}

/* ---- layout ---- */

/* Lays the text and the pane out again where their widths changed. */
void reader_fit(struct reader *rd)
{
	if (rd->doc == NULL)
		return;
	struct reader_geom g;
	reader_geom(rd, &g);
	if (rd->lay == NULL || rd->lay->width != g.lw) {
		uint32_t b, off, mb = 0, moff = 0;
		bool had = rd->lay != NULL;
		reader_position(rd, &b, &off);
		/* The place landed on (n / N) stays marked across the new
		 * width: kept by its block, as the position is. */
		bool marked = had && rd->match >= 0 &&
			      (size_t)rd->match < rd->lay->nlines;
		if (marked) {
			mb = rd->lay->lines[rd->match].block;
			moff = rd->lay->lines[rd->match].block_off;
		}
		struct layout_options o = {.width = g.lw,
					   .ascii = rd->opt.ascii,
					   .show_urls = rd->opt.show_urls,
					   .ascii_bullets = rd->opt.ascii_bullets,
					   .glossary = rd->lib->glossary,
					   .skip_entry = -1};
		layout_free(rd->lay);
		rd->lay = layout_build(rd->doc, &o);
		rd->gen++;
		int need = reader_side_need(rd->lay);
		if (need != rd->side_need) {
			/* The list's width moves the text: lay out again. */
			rd->side_need = need;
			struct reader_geom g2;
			reader_geom(rd, &g2);
			if (g2.lw != g.lw) {
				o.width = g2.lw;
				layout_free(rd->lay);
				rd->lay = layout_build(rd->doc, &o);
			}
			g = g2;
		}
		rd->top = had ? layout_find(rd->lay, b, off) : 0;
		rd->focus = -1;
		rd->focus_in_pane = false;
		remark(rd);
		rd->match = marked ? (long)layout_find(rd->lay, mb, moff) : -1;
	}
	struct reader_pane *p = &rd->pane;
	if (p->open && p->doc != NULL &&
	    (p->lay == NULL || p->lay->width != g.pane_lw)) {
		struct layout_options o = {
			.width = g.pane_lw < 1 ? 1 : g.pane_lw,
			.ascii = rd->opt.ascii,
			.ascii_bullets = rd->opt.ascii_bullets,
			.glossary = p->is_link ? NULL : rd->lib->glossary,
			.skip_entry = p->is_link ? -1 : (long)p->entry,
			.mark_all = true};
		layout_free(p->lay);
		p->lay = layout_build(p->doc, &o);
		p->top = 0;
		if (rd->focus_in_pane)
			rd->focus = -1;
	}
	reveal_focus(rd);
	settle(rd);
}

void reader_init(struct reader *rd, const struct library *lib,
		 struct reader_opts opt)
{
	memset(rd, 0, sizeof *rd);
	rd->lib = lib;
	rd->opt = opt;
	rd->article = -1;
	rd->focus = -1;
	rd->match = -1;
	rd->sections_on = true;
}

void reader_close(struct reader *rd)
{
	if (rd->doc != NULL)
		cmark_node_free(rd->doc);
	layout_free(rd->lay);
	reader_pane_free(&rd->pane);
	free(rd->find);
	free(rd->marks);
	const struct library *lib = rd->lib;
	struct reader_opts opt = rd->opt;
	int rows = rd->rows, cols = rd->cols;
	unsigned gen = rd->gen;
	reader_init(rd, lib, opt);
	rd->rows = rows;
	rd->cols = cols;
	rd->gen = gen + 1;
}

void reader_set_size(struct reader *rd, int rows, int cols)
{
	if (rd->rows == rows && rd->cols == cols)
		return;
	rd->rows = rows;
	rd->cols = cols;
	reader_fit(rd);
}

void reader_set_library(struct reader *rd, const struct library *lib,
			long index)
{
	/* A term's entry number names the old glossary. */
	if (rd->pane.open && !rd->pane.is_link)
		reader_close_pane(rd);
	rd->lib = lib;
	rd->article = index;
	if (rd->doc == NULL)
		return;
	/* The glossary may have changed: lay out again, same place. */
	uint32_t b, off;
	reader_position(rd, &b, &off);
	layout_free(rd->lay);
	rd->lay = NULL;
	reader_fit(rd);
	reader_seek(rd, b, off);
}

bool reader_is_open(const struct reader *rd)
{
	return rd->doc != NULL;
}

int reader_open(struct reader *rd, long index)
{
	bool sections_on = rd->doc != NULL ? rd->sections_on : true;
	reader_close(rd);
	rd->sections_on = sections_on;
	struct diag_list diags = {0};
	struct frontmatter fm;
	cmark_node *doc = article_parse_fm(&rd->lib->articles[index], &diags,
					   &fm);
	log_diags(&diags);
	diag_list_clear(&diags);
	if (doc == NULL) {
		frontmatter_free(&fm);
		return -1;
	}
	rd->article = index;
	rd->doc = doc;
	mdgen_end_block(doc, rd->lib, index, &fm);
	rd->side_need = reader_guess_side_need(doc);
	frontmatter_free(&fm);
	reader_fit(rd);
	return 0;
}

/* ---- position ---- */

void reader_position(const struct reader *rd, uint32_t *block,
		     uint32_t *block_off)
{
	if (rd->lay != NULL && rd->top < rd->lay->nlines) {
		*block = rd->lay->lines[rd->top].block;
		*block_off = rd->lay->lines[rd->top].block_off;
	} else {
		*block = 0;
		*block_off = 0;
	}
}

void reader_seek(struct reader *rd, uint32_t block, uint32_t block_off)
{
	if (rd->lay == NULL)
		return;
	rd->top = layout_find(rd->lay, block, block_off);
	settle(rd);
}

void reader_seek_section(struct reader *rd, const char *title, size_t delta)
{
	const struct layout *l = rd->lay;
	if (l == NULL || title == NULL)
		return;
	for (size_t i = 0; i < l->nsections; i++) {
		if (strcmp(l->sections[i].title, title) != 0)
			continue;
		size_t end = i + 1 < l->nsections ? l->sections[i + 1].line
						  : l->nlines;
		size_t top = l->sections[i].line + delta;
		rd->top = top < end ? top : (end > 0 ? end - 1 : 0);
		break;
	}
	settle(rd);
}

void reader_seek_fragment(struct reader *rd, const char *fragment)
{
	if (rd->lay == NULL || fragment == NULL || fragment[0] == '\0')
		return;
	for (size_t i = 0; i < rd->lay->nsections; i++)
		if (anchor_match_id(rd->lay->sections[i].title,
				    rd->lay->sections[i].id, fragment)) {
			rd->top = rd->lay->sections[i].line;
			break;
		}
	settle(rd);
}

void reader_find(struct reader *rd, const char *find, bool scroll)
{
	char *own = find != NULL ? xstrdup(find) : NULL;
	free(rd->find);
	rd->find = own;
	remark(rd);
	if (rd->find != NULL) {
		long at = find_line(rd, (long)rd->top, 1);
		if (at >= 0 && scroll)
			land(rd, (size_t)at);
		else if (at >= 0)
			rd->match = at; /* landed by section: mark the place */
	}
	settle(rd);
}

bool reader_where(const struct reader *rd, const char **title, size_t *delta)
{
	if (rd->lay == NULL || rd->lay->nsections == 0)
		return false;
	size_t s = layout_section_of(rd->lay, rd->top);
	*title = rd->lay->sections[s].title;
	*delta = rd->top - rd->lay->sections[s].line;
	return true;
}

/* The section being read: the one whose heading is the top line; else,
 * once the end of the text is on screen, the one at the bottom line; else
 * the one the top line belongs to. */
size_t reader_section(const struct reader *rd)
{
	if (rd->lay == NULL || rd->lay->nlines == 0)
		return 0;
	size_t s = layout_section_of(rd->lay, rd->top);
	if (s < rd->lay->nsections && rd->lay->sections[s].line == rd->top)
		return s;
	size_t mt = reader_max_top(rd->lay, text_h(rd));
	if (mt > 0 && rd->top >= mt)
		return layout_section_of(rd->lay, rd->lay->nlines - 1);
	return s;
}

size_t reader_sections_first(size_t sel, int rows)
{
	return rows > 0 && sel >= (size_t)rows ? sel - (size_t)rows + 1 : 0;
}

const char *reader_take_home_url(const struct reader *rd)
{
	const struct layout *l = rd->focus_in_pane ? rd->pane.lay : rd->lay;
	if (l != NULL && rd->focus >= 0 && (size_t)rd->focus < l->ntargets) {
		const struct target *t = &l->targets[rd->focus];
		if (t->kind == TARGET_LINK && t->url != NULL &&
		    strchr(t->url, ':') != NULL)
			return t->url;
	}
	if (rd->article >= 0)
		return rd->lib->articles[rd->article].fm.url;
	return NULL;
}

/* ---- moves ---- */

void reader_scroll_to(struct reader *rd, long top)
{
	long mt = (long)reader_max_top(rd->lay, text_h(rd));
	if (top > mt)
		top = (long)rd->top > mt ? (long)rd->top : mt;
	if (top < 0)
		top = 0;
	rd->top = (size_t)top;
	settle(rd);
}

void reader_scroll(struct reader *rd, long lines)
{
	reader_scroll_to(rd, (long)rd->top + lines);
}

void reader_top(struct reader *rd)
{
	rd->top = 0;
	settle(rd);
}

void reader_end(struct reader *rd)
{
	rd->top = reader_max_top(rd->lay, text_h(rd));
	settle(rd);
}

void reader_jump_section(struct reader *rd, size_t s)
{
	if (rd->lay == NULL || s >= rd->lay->nsections)
		return;
	rd->top = rd->lay->sections[s].line;
	rd->focus = -1;
}

const char *reader_next_section(struct reader *rd)
{
	if (rd->lay == NULL)
		return NULL;
	size_t s = reader_section(rd);
	if (s + 1 >= rd->lay->nsections)
		return S_LAST_SECTION;
	reader_jump_section(rd, s + 1);
	return NULL;
}

const char *reader_prev_section(struct reader *rd)
{
	if (rd->lay == NULL)
		return NULL;
	size_t s = reader_section(rd);
	/* Inside a section, go to its start first. */
	if (rd->lay->nsections > 0 && rd->top > rd->lay->sections[s].line)
		reader_jump_section(rd, s);
	else if (s > 0)
		reader_jump_section(rd, s - 1);
	else
		return S_FIRST_SECTION;
	return NULL;
}

bool reader_at_end(const struct reader *rd)
{
	return rd->lay != NULL && rd->top >= reader_max_top(rd->lay, text_h(rd));
}

int reader_percent(const struct reader *rd)
{
	if (rd->lay == NULL || rd->lay->nlines == 0)
		return 100;
	size_t seen = rd->top + (size_t)text_h(rd);
	if (seen >= rd->lay->nlines)
		return 100;
	return (int)(seen * 100 / rd->lay->nlines);
}

void reader_pick_section(struct reader *rd, size_t s)
{
	reader_jump_section(rd, s);
	rd->sections_focus = false;
	reader_fit(rd);
}

void reader_toggle_sections(struct reader *rd)
{
	struct reader_geom g;
	reader_geom(rd, &g);
	if (g.side_room && rd->sections_on) {
		rd->sections_on = false; /* hide it */
	} else {
		rd->sections_on = true;
		rd->sections_focus = true;
		rd->sections_sel = reader_section(rd);
	}
	reader_fit(rd);
}

void reader_sections_key(struct reader *rd, enum action act)
{
	struct reader_geom g;
	reader_geom(rd, &g);
	size_t n = rd->lay != NULL ? rd->lay->nsections : 0;
	size_t page = g.body_h > 4 ? (size_t)g.body_h - 3 : 1;
	if (keys_list_move(act, &rd->sections_sel, n, page))
		return;
	switch (act) {
	case ACT_OPEN:
		reader_jump_section(rd, rd->sections_sel);
		rd->sections_focus = false;
		break;
	case ACT_BACK:
		rd->sections_focus = false;
		break;
	case ACT_SECTIONS:
		rd->sections_focus = false;
		if (g.side_room)
			rd->sections_on = false;
		break;
	default:
		return;
	}
	reader_fit(rd);
}

const char *reader_next_match(struct reader *rd, int dir)
{
	if (rd->find == NULL)
		return S_SEARCH_FIRST;
	/* The match landed on, while the text has not moved away from it. */
	long cur = rd->match >= 0 && land_top(rd, (size_t)rd->match) == rd->top
			   ? rd->match
			   : (long)rd->top + 2;
	long at = dir > 0 ? find_line(rd, cur + 1, 1)
			  : (cur > 0 ? find_line(rd, cur - 1, -1) : -1);
	if (at < 0)
		return dir > 0 ? S_NONE_BELOW : S_NONE_ABOVE;
	land(rd, (size_t)at);
	settle(rd);
	return NULL;
}

static const char *move_focus(struct reader *rd, int dir)
{
	struct reader_geom g;
	reader_geom(rd, &g);
	struct ring r;
	ring_build(rd, &g, &r);
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
		return NULL;
	}
	ring_free(&r);
	/* Off the ends: the next target in the text beyond the screen. */
	const struct layout *l = rd->lay;
	if (l != NULL && l->ntargets > 0) {
		long cand = -1;
		if (dir > 0) {
			for (size_t t = 0; t < l->ntargets && cand < 0; t++)
				if (l->targets[t].line >= rd->top + (size_t)g.text_h)
					cand = (long)t;
		} else {
			for (size_t t = l->ntargets; t-- > 0 && cand < 0;)
				if (l->targets[t].line < rd->top)
					cand = (long)t;
		}
		if (cand >= 0) {
			size_t line = l->targets[cand].line;
			rd->top = dir > 0 ? (line >= (size_t)g.text_h / 2
						     ? line - (size_t)g.text_h / 2
						     : 0)
					  : line;
			if (rd->top > reader_max_top(l, g.text_h))
				rd->top = reader_max_top(l, g.text_h);
			rd->focus = (int32_t)cand;
			rd->focus_in_pane = false;
			return NULL;
		}
	}
	/* Wrap around on screen. */
	ring_build(rd, &g, &r);
	const char *msg = NULL;
	if (r.n > 0) {
		size_t i = dir > 0 ? 0 : r.n - 1;
		rd->focus = r.ids[i];
		rd->focus_in_pane = r.in_pane[i];
	} else {
		msg = S_NO_WORDS;
	}
	ring_free(&r);
	return msg;
}

const char *reader_move_focus(struct reader *rd, int dir)
{
	const char *msg = move_focus(rd, dir);
	reader_follow(rd);
	return msg;
}

int32_t reader_target_at(const struct line *ln, int col)
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
