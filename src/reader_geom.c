/*
 * reader_geom: where the reader's parts go on the screen (reader.h), and
 * how wide the section list must be for its titles.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "node_text.h"
#include "reader_int.h"
#include "text.h"

void reader_geom(const struct reader *rd, struct reader_geom *g)
{
	memset(g, 0, sizeof *g);
	g->rows = rd->rows;
	g->cols = rd->cols;
	g->body_y = 1;
	g->body_h = g->rows - 2;
	int avail = g->cols;
	if (rd->pane.open) {
		const struct reader_pane *p = &rd->pane;
		g->pane = true;
		if (g->cols >= 100) {
			g->pane_right = true;
			g->pane_w = g->cols / 3;
			if (g->pane_w < 32)
				g->pane_w = 32;
			if (g->pane_w > 48)
				g->pane_w = 48;
			g->pane_x = g->cols - g->pane_w;
			avail -= g->pane_w;
		} else {
			g->pane_w = g->cols;
		}
		int inner_x = g->pane_right ? 2 : 1;
		g->pane_lw = g->pane_w - inner_x - 1;
		/* Right: title row, a blank, the text, the pane's key row.
		 * Below the text: a border row with the title in it, the
		 * text, the key row; as tall as the text needs, leaving
		 * READER_PANE_KEEP rows of the article above it. */
		int chrome = g->pane_right ? 3 : 2;
		g->pane_h = g->body_h;
		if (!g->pane_right) {
			int most = g->body_h - READER_PANE_KEEP;
			if (most < chrome + 1)
				most = chrome + 1;
			int want = most;
			if (p->lay != NULL && p->lay->width == g->pane_lw)
				want = (int)p->lay->nlines + chrome;
			g->pane_h = want < most ? want : most;
			if (g->pane_h < chrome + 1)
				g->pane_h = chrome + 1;
			if (g->pane_h > g->body_h)
				g->pane_h = g->body_h;
		}
		g->pane_y = g->body_y + g->body_h - g->pane_h;
		g->pane_text_y = g->pane_y + (g->pane_right ? 2 : 1);
		g->pane_text_h = g->pane_y + g->pane_h - 1 - g->pane_text_y;
		if (g->pane_text_h < 1)
			g->pane_text_h = 1;
	}
	/* The list as wide as its titles need, up to a third of the
	 * screen; beside the text when that leaves READER_MIN_TEXT. */
	/* Before the first layout, the widest: the text is then mostly
	 * laid out once (its measure, not the list, limits it). */
	int side_w = rd->side_need > 0 ? rd->side_need : g->cols / 3;
	if (side_w > g->cols / 3)
		side_w = g->cols / 3;
	if (side_w < READER_SIDE_MIN)
		side_w = READER_SIDE_MIN;
	g->side_room = avail - side_w - 1 >= READER_MIN_TEXT;
	if (rd->sections_on && g->side_room) {
		g->side = true;
		g->side_w = side_w;
		g->text_x = side_w + 1;
	} else if (rd->sections_focus) {
		g->overlay = true;
		g->side_w = avail;
	}
	g->text_w = avail - g->text_x;
	g->text_h = g->body_h - (g->pane && !g->pane_right ? g->pane_h : 0);
	g->lw = g->text_w - 2;
	int measure = rd->opt.measure > 0 ? rd->opt.measure : READER_MEASURE;
	if (g->lw > measure)
		g->lw = measure;
	if (g->lw < 1)
		g->lw = 1;
}

/* Columns the section list needs for its longest title: a margin, the
 * pointer and a space, the indent of a level-3 title, and a margin. */
int reader_side_need(const struct layout *l)
{
	int need = 0;
	for (size_t i = 0; i < l->nsections; i++) {
		int w = (int)text_width(l->sections[i].title,
					strlen(l->sections[i].title)) +
			(l->sections[i].level >= 3 ? 2 : 0) + 4;
		if (w > need)
			need = w;
	}
	return need;
}

/* side_need from the document's headings, before its first layout, so
 * the text is laid out once (the layout's own titles then confirm it;
 * "Introduction" is the layout's name for the text before the first). */
int reader_guess_side_need(cmark_node *doc)
{
	int need = (int)strlen("Introduction") + 4;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		int level = cmark_node_get_heading_level(n);
		if (level > 3)
			continue;
		size_t len;
		char *t = node_text(n, 1024, &len);
		int w = (int)text_width(t, len) + (level >= 3 ? 2 : 0) + 4;
		free(t);
		if (w > need)
			need = w;
	}
	cmark_iter_free(it);
	return need;
}

