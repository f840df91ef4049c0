/*
 * screen_article: see screen_article.h.  Drawing only reads the model:
 * the geometry, layouts, focus and search marks are all worked out by
 * the model when the key, resize or reload that changes them comes.
 */
#include "screen_article.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "glossary.h"
#include "hyperlink.h"
#include "i18n.h"
#include "library.h"
#include "linecache.h"
#include "rowcache.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

/* The words a person reads on this screen. */
#define S_SECTIONS N_("Sections")
#define S_SECTION_N N_("Section %zu of %zu")
#define S_SECTION_N_PCT N_("Section %zu of %zu, %d%%")
#define S_SECTION_N_END N_("Section %zu of %zu, end")
#define S_PCT N_("%d%%")
#define S_END N_("End")
#define S_AT_END N_("This is the end of the article.")
#define S_LINK N_("Link")
#define S_PANE_CLOSE N_("Close")
#define S_PANE_SCROLL N_("Scroll")
/* TRANSLATORS: at the right of the explanation pane's key row, when more
 * of the explanation is below what it shows. */
#define S_PANE_MORE N_("More below")
#define S_PANE_END N_("End")
#define S_KEY_ESC N_("Esc")
#define S_KEY_PGDN N_("PgDn")
#define S_PRESS_TAB N_("Press Tab to choose a highlighted word, then Enter.")

void art_init(struct art_state *s, const struct library *lib,
	      struct reader_opts opt)
{
	memset(s, 0, sizeof *s);
	reader_init(&s->rd, lib, opt);
	s->cells = linecache_new();
	s->side = rowcache_new();
}

void art_free(struct art_state *s)
{
	reader_close(&s->rd);
	linecache_free(s->cells);
	rowcache_free(s->side);
	memset(s, 0, sizeof *s);
}

void art_reset(struct art_state *s)
{
	reader_close(&s->rd);
	s->rd.sections_on = true;
}

void art_prepare(struct art_state *s, const struct ui *u)
{
	reader_set_size(&s->rd, u->rows, u->cols);
	if (s->gen != s->rd.gen) {
		linecache_clear(s->cells);
		rowcache_clear(s->side);
		s->gen = s->rd.gen;
	}
}

/* ---- drawing ---- */

enum side_row { SIDE_BLANK, SIDE_HEADING, SIDE_SECTION };

/* Everything a row of the section list depends on besides the layout
 * (whose rebuilds clear s->side): the key of its cells in s->side. */
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
		draw_text(y, x + 1, _(S_SECTIONS), w - 2, theme_ui(UI_TOPIC), true);
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
 * before are copied from s->side. */
static void draw_sections(const struct art_state *s,
			  const struct reader_geom *g)
{
	const struct reader *rd = &s->rd;
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
		cur = reader_section(rd);
		size_t sel = rd->sections_focus ? rd->sections_sel : cur;
		first = reader_sections_first(sel, h - 2);
	}
	int rw = k.w + (k.border ? 1 : 0);
	for (int r = 0; r < h; r++) {
		int y = g->body_y + r;
		size_t sec = first + (size_t)(r - 2);
		k.kind = r == 0 ? SIDE_HEADING : SIDE_BLANK;
		k.section = 0;
		k.current = k.selected = false;
		if (r >= 2 && l != NULL && sec < l->nsections) {
			k.kind = SIDE_SECTION;
			k.section = sec;
			k.current = sec == cur;
			k.selected = rd->sections_focus && sec == rd->sections_sel;
		}
		if (rowcache_restore(s->side, &k, sizeof k, y, x, rw))
			continue;
		paint_side_row(l, &k, y, x);
		rowcache_save(s->side, &k, sizeof k, y, x, rw);
	}
}

/* The pane's own key row: its keys, and at the right whether more of
 * the explanation is below. */
static void draw_pane_bar(const struct reader *rd, const struct reader_geom *g,
			  int x)
{
	int y = g->pane_y + g->pane_h - 1;
	int end = x + g->pane_lw;
	attr_t at = theme_ui(UI_PANE);
	bool above, more = reader_pane_more(rd, &above);
	const char *cue = more ? _(S_PANE_MORE) : above ? _(S_PANE_END) : NULL;
	int cw = cue != NULL ? draw_width(cue) : 0;
	if (cue != NULL && cw < g->pane_lw) {
		draw_text(y, end - cw, cue, cw, theme_bold(at), false);
		end -= cw + 2;
	}
	struct {
		const char *key, *label;
	} items[2] = {{_(S_KEY_ESC), _(S_PANE_CLOSE)}, {NULL, NULL}};
	if (more || above)
		items[1].key = _(S_KEY_PGDN), items[1].label = _(S_PANE_SCROLL);
	for (int i = 0; i < 2 && items[i].key != NULL; i++) {
		int kw = draw_width(items[i].key);
		int lw = draw_width(items[i].label);
		if (x + kw + 2 + lw > end)
			break;
		x += draw_text(y, x, items[i].key, end - x, theme_bold(at), false);
		x += draw_text(y, x, ": ", end - x, at, false);
		x += draw_text(y, x, items[i].label, end - x, at, false);
		x += 2;
	}
}

static void draw_pane(const struct reader *rd, const struct reader_geom *g)
{
	const struct reader_pane *p = &rd->pane;
	attr_t at = theme_ui(UI_PANE);
	for (int y = 0; y < g->pane_h; y++)
		draw_fill(g->pane_y + y, g->pane_x, g->pane_w, at);
	int x = g->pane_x + (g->pane_right ? 2 : 1);
	const char *title =
		p->is_link ? _(S_LINK)
			   : glossary_entry_at(rd->lib->glossary, p->entry)->term;
	if (g->pane_right) {
		draw_vline(g->pane_y, g->pane_x, g->pane_h, theme_ui(UI_BORDER));
		draw_text(g->pane_y, x, title, g->pane_lw,
			  theme_ui(UI_PANE_TITLE), true);
	} else {
		/* The title sits in the border line above the text. */
		draw_hline(g->pane_y, 0, g->pane_w, theme_ui(UI_BORDER));
		int tw = draw_text(g->pane_y, x + 2, title, g->pane_lw - 4,
				   theme_ui(UI_PANE_TITLE), true);
		draw_fill(g->pane_y, x + 1, 1, at);
		draw_fill(g->pane_y, x + 2 + tw, 1, at);
	}
	if (p->lay != NULL) {
		for (int i = 0; i < g->pane_text_h; i++) {
			size_t ln = p->top + (size_t)i;
			if (ln >= p->lay->nlines)
				break;
			const struct line *line = &p->lay->lines[ln];
			draw_line(g->pane_text_y + i, x, line, g->pane_lw,
				  rd->focus_in_pane ? rd->focus : -1);
			if (p->is_link && p->url != NULL && line->block == 1)
				hyperlink_add(g->pane_text_y + i, x,
					      (int)line->width, p->url);
		}
	}
	draw_pane_bar(rd, g, x);
}

/* The searched words on the lines shown, in reverse video, and a pointer
 * in the margin before the line of the place landed on (n / N move it). */
static void draw_marks(const struct reader *rd, const struct reader_geom *g)
{
	if (rd->match >= 0 && (size_t)rd->match >= rd->top &&
	    (size_t)rd->match < rd->top + (size_t)g->text_h)
		draw_text(g->body_y + (int)((size_t)rd->match - rd->top),
			  g->text_x, draw_glyph(GLYPH_POINTER), 1,
			  theme_ui(UI_MATCH), false);
	for (size_t i = 0; i < rd->nmarks; i++) {
		const struct reader_mark *m = &rd->marks[i];
		if (m->line < rd->top || m->line >= rd->top + (size_t)g->text_h)
			continue;
		const struct line *line = &rd->lay->lines[m->line];
		int y = g->body_y + (int)(m->line - rd->top);
		char *w = xstrndup(line->text + m->start, m->end - m->start);
		int col = (int)text_width(line->text, m->start);
		draw_text(y, g->text_x + 1 + col, w, g->lw - col,
			  theme_ui(UI_MATCH), false);
		free(w);
	}
}

/* The title bar's right text: the section, and how far through the
 * text the screen is ("Section 2 of 6, 35%", "Section 6 of 6, end"). */
static void where_text(const struct reader *rd, char *buf, size_t size)
{
	if (rd->lay == NULL)
		return;
	bool end = reader_at_end(rd);
	bool all = end && rd->top == 0; /* everything is on screen */
	size_t k = reader_section(rd) + 1, n = rd->lay->nsections;
	int pct = reader_percent(rd);
	if (n > 1 && all)
		snprintf(buf, size, _(S_SECTION_N), k, n);
	else if (n > 1 && end)
		/* TRANSLATORS: title bar: section k of n, at the end. */
		snprintf(buf, size, _(S_SECTION_N_END), k, n);
	else if (n > 1)
		/* TRANSLATORS: title bar: section k of n, and how much of
		 * the article is above the bottom of the screen. */
		snprintf(buf, size, _(S_SECTION_N_PCT), k, n, pct);
	else if (end && !all)
		snprintf(buf, size, "%s", _(S_END));
	else if (!end)
		snprintf(buf, size, _(S_PCT), pct);
}

/* The key bar's context: what Enter and Esc do now. */
static int bar_context(const struct reader *rd)
{
	int ctx = CTX_ARTICLE;
	if (rd->pane.open)
		ctx |= CTX_PANE;
	const struct layout *l = rd->focus_in_pane ? rd->pane.lay : rd->lay;
	if (rd->sections_focus)
		ctx |= CTX_FOCUS_LINK; /* Enter goes to the chosen section */
	else if (l != NULL && rd->focus >= 0 && (size_t)rd->focus < l->ntargets)
		ctx |= l->targets[rd->focus].kind == TARGET_TERM ? CTX_FOCUS_TERM
								 : CTX_FOCUS_LINK;
	return ctx;
}

void art_draw(const struct art_state *s, const struct ui *u)
{
	const struct reader *rd = &s->rd;
	struct reader_geom g;
	reader_geom(rd, &g);
	const struct article *art = &rd->lib->articles[rd->article];
	char right[96] = "";
	where_text(rd, right, sizeof right);
	/* The right text ends where the text column does. */
	ui_bars_at(u, art->title, right, g.overlay ? 0 : g.text_x + 1 + g.lw,
		   bar_context(rd));
	if (rd->lay == NULL)
		return;
	if (g.side || g.overlay)
		draw_sections(s, &g);
	if (!g.overlay) {
		for (int i = 0; i < g.text_h; i++) {
			size_t ln = rd->top + (size_t)i;
			if (ln >= rd->lay->nlines)
				break;
			linecache_draw(s->cells, rd->lay, ln, g.body_y + i,
				       g.text_x + 1, g.lw,
				       rd->focus_in_pane ? -1 : rd->focus);
			draw_line_links(g.body_y + i, g.text_x + 1,
					&rd->lay->lines[ln], g.lw, rd->lay);
		}
		draw_marks(rd, &g);
	}
	if (g.pane)
		draw_pane(rd, &g);
}

/* ---- keys ---- */

/* Enter or a click on a target: an article link becomes a request. */
static struct outcome activate(struct reader *rd, int32_t target, bool in_pane)
{
	struct place at;
	if (reader_activate(rd, target, in_pane, &at))
		return outcome_open(at);
	return outcome_repaint();
}

struct outcome art_key(struct art_state *s, const struct ui *u,
		       enum action act)
{
	struct reader *rd = &s->rd;
	if (rd->lay == NULL)
		return outcome_none();
	if (rd->sections_focus) {
		reader_sections_key(rd, act);
		return outcome_repaint();
	}
	struct reader_geom g;
	reader_geom(rd, &g);
	bool pane_keys = rd->focus_in_pane && rd->pane.open;
	long page = g.text_h > 2 ? g.text_h - 1 : 1;
	const char *msg = NULL;
	switch (act) {
	case ACT_UP:
	case ACT_DOWN: {
		long d = act == ACT_UP ? -1 : 1;
		if (pane_keys) {
			reader_pane_scroll(rd, d);
		} else {
			if (d > 0 && reader_at_end(rd))
				msg = S_AT_END;
			reader_scroll(rd, d);
		}
		break;
	}
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN: {
		long d = act == ACT_PAGE_UP ? -1 : 1;
		/* An explanation longer than its pane has these keys. */
		if (reader_pane_scrollable(rd)) {
			long pp = g.pane_text_h > 2 ? g.pane_text_h - 1 : 1;
			reader_pane_scroll(rd, d * pp);
		} else {
			if (d > 0 && reader_at_end(rd))
				msg = S_AT_END;
			reader_scroll(rd, d * page);
		}
		break;
	}
	case ACT_HOME:
		reader_top(rd);
		break;
	case ACT_END:
		reader_end(rd);
		break;
	case ACT_NEXT_SECTION:
		msg = reader_next_section(rd);
		break;
	case ACT_PREV_SECTION:
		msg = reader_prev_section(rd);
		break;
	case ACT_SECTIONS:
		reader_toggle_sections(rd);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		msg = reader_next_match(rd, act == ACT_NEXT_MATCH ? 1 : -1);
		break;
	case ACT_NEXT_TARGET:
	case ACT_PREV_TARGET:
		msg = reader_move_focus(rd, act == ACT_NEXT_TARGET ? 1 : -1);
		break;
	case ACT_OPEN:
		if (rd->focus >= 0)
			return activate(rd, rd->focus, rd->focus_in_pane);
		msg = S_PRESS_TAB;
		break;
	case ACT_BACK:
		if (!reader_close_pane(rd))
			return outcome_request(REQ_BACK);
		break;
	default:
		break;
	}
	return msg != NULL ? outcome_notice(_(msg)) : outcome_repaint();
}

struct outcome art_mouse(struct art_state *s, const struct ui *u,
			 const MEVENT *ev)
{
	struct reader *rd = &s->rd;
	if (rd->lay == NULL)
		return outcome_none();
	struct reader_geom g;
	reader_geom(rd, &g);
	bool in_pane = g.pane && ev->x >= g.pane_x && ev->x < g.pane_x + g.pane_w &&
		       ev->y >= g.pane_y && ev->y < g.pane_y + g.pane_h;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		long d = (ev->bstate & BUTTON4_PRESSED) ? -3 : 3;
		if (in_pane)
			reader_pane_scroll(rd, d);
		else
			reader_scroll(rd, d);
		return outcome_repaint();
	}
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return outcome_repaint();
	if (in_pane) {
		int row = ev->y - g.pane_text_y;
		size_t ln = rd->pane.top + (size_t)row;
		int x = g.pane_x + (g.pane_right ? 2 : 1);
		if (row >= 0 && row < g.pane_text_h && rd->pane.lay != NULL &&
		    ln < rd->pane.lay->nlines) {
			int32_t t = reader_target_at(&rd->pane.lay->lines[ln],
						     ev->x - x);
			if (t >= 0)
				return activate(rd, t, true);
		}
		return outcome_repaint();
	}
	if ((g.side || g.overlay) && ev->x < g.side_x + g.side_w &&
	    ev->y >= g.body_y + 2) {
		size_t cur = rd->sections_focus ? rd->sections_sel
						: reader_section(rd);
		int rows = (g.overlay ? g.text_h : g.body_h) - 2;
		size_t first = reader_sections_first(cur, rows);
		size_t sec = first + (size_t)(ev->y - g.body_y - 2);
		if (sec < rd->lay->nsections)
			reader_pick_section(rd, sec);
		return outcome_repaint();
	}
	int row = ev->y - g.body_y;
	if (row < 0 || row >= g.text_h || g.overlay)
		return outcome_repaint();
	size_t ln = rd->top + (size_t)row;
	if (ln >= rd->lay->nlines)
		return outcome_repaint();
	int32_t t = reader_target_at(&rd->lay->lines[ln], ev->x - g.text_x - 1);
	if (t >= 0) {
		rd->focus = t;
		rd->focus_in_pane = false;
		return activate(rd, t, false);
	}
	return outcome_repaint();
}
