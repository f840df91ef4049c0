/*
 * layout: see layout.h.
 *
 * One walk over the cmark tree, the cmark way: cmark_iter gives ENTER and
 * EXIT events, and one switch handles each node type.  Containers (block
 * quotes, list items) push a prefix on a stack: each entry has the text
 * for the first line it prefixes (a bullet) and for the lines after it
 * (spaces).  Leaf blocks collect their inline text into a paragraph buffer
 * (text plus style runs), which is then wrapped greedily at Unicode line
 * break opportunities (libunistring) and grapheme boundaries, and emitted
 * as lines: the prefixes, then the runs cut to the line.
 */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "glossary.h"
#include "article.h"
#include "html.h"
#include "node_text.h"
#include "text.h"
#include "xmem.h"

static const char *glyph_bullet(const struct builder *b, size_t depth)
{
	static const char *const uni[] = {"\u2022", "\u25e6", "\u25aa"};
	static const char *const asc[] = {"*", "-", "+"};
	return b->o->ascii || b->o->ascii_bullets ? asc[depth % 3]
						  : uni[depth % 3];
}

static const char *glyph_quote(const struct builder *b)
{
	return b->o->ascii ? "|" : "\u2502";
}

/* Plain text of a heading, for the section list. */
static char *heading_text(cmark_node *n, const struct builder *b)
{
	char *t = node_text(n, 4096, NULL);
	if (b->o->ascii) {
		char *a = text_to_ascii(t, strlen(t), NULL);
		free(t);
		t = a;
	}
	return t;
}

static void code_block(struct builder *b, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	if (lit == NULL)
		lit = "";
	size_t len = strlen(lit);
	if (len > 0 && lit[len - 1] == '\n')
		len--;
	lay_block_start(b, false);
	/* A code line too long for the width goes on with a mark, so it
	 * does not read as two lines. */
	struct prefix indent = {"  ", "", STYLE_CODE, false, STYLE_MARKER};
	snprintf(indent.cont, sizeof indent.cont, "%s",
		 b->o->ascii ? "> " : "\u00bb ");
	xgrow(&b->pre, &b->cap_pre, b->npre + 1, sizeof *b->pre);
	b->pre[b->npre++] = indent;
	/* Expand tabs to 4-column stops, keep line breaks. */
	size_t start = 0;
	bool first = true;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && lit[i] != '\n')
			continue;
		char *line = xmalloc((i - start) * 4 + 1);
		size_t o = 0, col = 0;
		for (size_t k = start; k < i; k++) {
			if (lit[k] == '\t') {
				do
					line[o++] = ' ';
				while (++col % 4 != 0);
			} else {
				line[o++] = lit[k];
				if (((unsigned char)lit[k] & 0xc0) != 0x80)
					col++;
			}
		}
		lay_para_add(b, line, o, STYLE_CODE, -1, false);
		free(line);
		lay_para_ascii(b);
		size_t before = b->l->nlines;
		first = true; /* each code line starts without the mark */
		b->pre[b->npre - 1].used = false;
		lay_wrap_segment(b, 0, b->para.len, NULL, &first, 0);
		/* Positions count from the start of the whole block. */
		for (size_t k = before; k < b->l->nlines; k++)
			b->l->lines[k].block_off += (uint32_t)start;
		lay_para_reset(&b->para);
		start = i + 1;
	}
	b->npre--;
	lay_block_end(b);
}

static void thematic_break(struct builder *b)
{
	lay_block_start(b, false);
	bool show;
	size_t cols = lay_text_columns(b, &show);
	size_t cap = 0, caps = 0;
	struct line *ln = lay_line_new(b);
	lay_line_prefix(b, ln, &cap, &caps, true);
	const char *g = lay_glyph_rule(b);
	size_t gl = strlen(g);
	for (size_t i = 0; i < cols; i++)
		lay_line_add(ln, &cap, &caps, g, gl, STYLE_RULE, -1);
	lay_line_finish(b, ln);
	lay_block_end(b);
}

static void list_enter(struct builder *b, cmark_node *n)
{
	xgrow(&b->lists, &b->cap_lists, b->nlists + 1, sizeof *b->lists);
	struct list *li = &b->lists[b->nlists++];
	li->tight = cmark_node_get_list_tight(n) != 0;
	li->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	li->next_number = cmark_node_get_list_start(n);
	if (li->next_number < 0 || li->next_number > 999999999)
		li->next_number = 1;
	int count = 0;
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	     c = cmark_node_next(c))
		count++;
	long last = (long)li->next_number + count - 1;
	li->number_width = 1;
	while (last >= 10) {
		li->number_width++;
		last /= 10;
	}
	li->emitted = false;
}

static void item_enter(struct builder *b, cmark_node *n)
{
	struct list *li = &b->lists[b->nlists - 1];
	struct prefix p;
	memset(&p, 0, sizeof p);
	p.style = STYLE_MARKER;
	if (li->ordered) {
		snprintf(p.first, sizeof p.first, "%*d. ", li->number_width,
			 li->next_number);
		li->next_number++;
	} else {
		size_t depth = 0;
		for (size_t i = 0; i + 1 < b->nlists; i++)
			if (!b->lists[i].ordered)
				depth++;
		snprintf(p.first, sizeof p.first, "%s ", glyph_bullet(b, depth));
	}
	if (article_is_tasklist_item(n)) {
		/* A task list item: its box instead of a bullet. */
		bool done = cmark_gfm_extensions_get_tasklist_item_checked(n);
		size_t k = li->ordered ? strlen(p.first) : 0;
		snprintf(p.first + k, sizeof p.first - k, "%s",
			 done ? "[x] " : "[ ] ");
	}
	size_t w = text_width(p.first, strlen(p.first));
	if (w >= sizeof p.cont)
		w = sizeof p.cont - 1;
	memset(p.cont, ' ', w);
	p.cont[w] = '\0';
	xgrow(&b->pre, &b->cap_pre, b->npre + 1, sizeof *b->pre);
	b->pre[b->npre++] = p;
}

/* One inline HTML tag: links, line breaks, emphasis, images and media
 * keep their meaning; script and style hide what follows until they
 * close; anything else is left out.  A tag left open ends with its
 * paragraph (see the walk). */
static void html_inline(struct builder *b, const struct html_tag *t)
{
	const char *nm = t->name;
	int d = t->closing ? -1 : 1;
	if (strcmp(nm, "a") == 0) {
		if (t->closing) {
			int32_t lt = b->html_link;
			b->html_link = -1;
			lay_link_address(b, lt, b->html_start);
			return;
		}
		b->html_start = b->para.len;
		if (t->href != NULL)
			b->html_link = lay_new_target(b, TARGET_LINK, 0, t->href);
		if (b->heading > 0 && b->heading_id == NULL && t->id != NULL)
			b->heading_id = xstrdup(t->id);
	} else if (strcmp(nm, "br") == 0) {
		lay_para_add(b, "\n", 1, 0, -1, true);
	} else if (strcmp(nm, "b") == 0 || strcmp(nm, "strong") == 0) {
		if (b->html_bold + d >= 0)
			b->html_bold += d;
	} else if (strcmp(nm, "i") == 0 || strcmp(nm, "em") == 0) {
		if (b->html_italic + d >= 0)
			b->html_italic += d;
	} else if (html_is_hidden_tag(nm)) {
		b->html_hidden = !t->closing;
	} else if (strcmp(nm, "img") == 0 && !t->closing) {
		b->alt++;
		if (t->alt != NULL && t->alt[0] != '\0') {
			lay_para_add_str(b, "[Image: ", lay_cur_style(b),
					 lay_cur_target(b));
			lay_para_add_str(b, t->alt, lay_cur_style(b),
					 lay_cur_target(b));
			lay_para_add_str(b, "]", lay_cur_style(b),
					 lay_cur_target(b));
		} else {
			lay_para_add_str(b, "[Image]", lay_cur_style(b),
					 lay_cur_target(b));
		}
		b->alt--;
	} else if ((strcmp(nm, "iframe") == 0 || strcmp(nm, "video") == 0 ||
		    strcmp(nm, "audio") == 0) && !t->closing) {
		char *label = xasprintf("%s%s%s",
					html_media_word(nm, t->src, t->title),
					t->title != NULL ? ": " : "",
					t->title != NULL ? t->title : "");
		int32_t id = t->src != NULL && b->html_link < 0
				     ? lay_new_target(b, TARGET_LINK, 0, t->src)
				     : lay_cur_target(b);
		size_t start = b->para.len;
		lay_para_add_str(b, label, lay_cur_style(b) |
					   (id >= 0 ? STYLE_LINK : 0), id);
		if (b->html_link < 0)
			lay_link_address(b, id, start);
		free(label);
	}
}

void lay_inline_node(struct builder *b, cmark_node *n, cmark_event_type ev)
{
	cmark_node_type t = cmark_node_get_type(n);
	bool enter = ev == CMARK_EVENT_ENTER;
	const char *lit;
	if (t == CMARK_NODE_STRIKETHROUGH && t != CMARK_NODE_NONE) {
		/* Struck-out text stays (nothing is hidden), dimmed. */
		b->strike += enter ? 1 : -1;
		return;
	}
	switch (t) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		if (lit != NULL && !b->html_hidden)
			lay_para_add_str(b, lit, lay_cur_style(b), lay_cur_target(b));
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (lit != NULL)
			lay_para_add_str(b, lit, lay_cur_style(b) | STYLE_CODE,
				     lay_cur_target(b));
		break;
	case CMARK_NODE_SOFTBREAK:
		lay_para_add_str(b, " ", lay_cur_style(b), lay_cur_target(b));
		break;
	case CMARK_NODE_LINEBREAK:
		lay_para_add(b, "\n", 1, 0, -1, true);
		break;
	case CMARK_NODE_EMPH:
		b->italic += enter ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		b->bold += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			int32_t id = lay_new_target(b, TARGET_LINK, 0,
						cmark_node_get_url(n));
			xgrow(&b->tstack, &b->cap_tstack, b->ntstack + 1,
			      sizeof *b->tstack);
			xgrow(&b->tstart, &b->cap_tstart, b->ntstack + 1,
			      sizeof *b->tstart);
			b->tstart[b->ntstack] = b->para.len;
			b->tstack[b->ntstack++] = id;
		} else if (b->ntstack > 0) {
			b->ntstack--;
			lay_link_address(b, b->tstack[b->ntstack],
				     b->tstart[b->ntstack]);
		}
		break;
	case CMARK_NODE_IMAGE:
		if (enter) {
			b->alt++;
			lay_para_add_str(b, "[Image: ", lay_cur_style(b), lay_cur_target(b));
			b->alt_start = b->para.len;
		} else {
			if (b->para.len == b->alt_start && b->alt_start >= 2) {
				/* No alt text: "[Image]". */
				b->para.len -= 2;
				struct run *r = &b->para.runs[b->para.nruns - 1];
				r->end -= 2;
				if (r->end <= r->start)
					b->para.nruns--;
			}
			lay_para_add_str(b, "]", lay_cur_style(b), lay_cur_target(b));
			b->alt--;
		}
		break;
	case CMARK_NODE_HTML_INLINE: {
		/* One tag (or a comment) of raw HTML in running text. */
		lit = cmark_node_get_literal(n);
		struct html_tag tag;
		if (lit != NULL && html_tag_read(lit, strlen(lit), &tag))
			html_inline(b, &tag);
		html_tag_free(&tag);
		break;
	}
	default:
		break;
	}
}

/* Sorts targets into reading order (line, then column) and renumbers the
 * spans: links are created when met, terms when their paragraph is laid
 * out, so creation order is not reading order. */
static int cmp_target_order(const void *a, const void *b2)
{
	const struct target *const *x = a, *const *y = b2;
	if ((*x)->line != (*y)->line)
		return (*x)->line < (*y)->line ? -1 : 1;
	if ((*x)->col != (*y)->col)
		return (*x)->col < (*y)->col ? -1 : 1;
	return *x < *y ? -1 : (*x > *y);
}

static void sort_targets(struct layout *l)
{
	size_t n = l->ntargets;
	if (n == 0)
		return;
	struct target **order = xcalloc(n, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = &l->targets[i];
	qsort(order, n, sizeof *order, cmp_target_order);
	int32_t *newid = xcalloc(n, sizeof *newid);
	struct target *sorted = xcalloc(n, sizeof *sorted);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		size_t old = (size_t)(order[i] - l->targets);
		if (order[i]->line == SIZE_MAX) {
			/* Never shown (empty link text): drop it. */
			free(order[i]->url);
			newid[old] = -1;
			continue;
		}
		newid[old] = (int32_t)kept;
		sorted[kept++] = *order[i];
	}
	for (size_t i = 0; i < l->nlines; i++)
		for (uint32_t k = 0; k < l->lines[i].nspans; k++) {
			struct span *sp = &l->lines[i].spans[k];
			if (sp->target >= 0)
				sp->target = newid[sp->target];
		}
	free(l->targets);
	l->targets = sorted;
	l->ntargets = kept;
	free(order);
	free(newid);
}

struct layout *layout_build(cmark_node *doc, const struct layout_options *o)
{
	struct layout_options opts = *o;
	if (opts.width < 1)
		opts.width = 1;
	struct builder b;
	memset(&b, 0, sizeof b);
	b.o = &opts;
	b.l = xcalloc(1, sizeof *b.l);
	b.l->width = opts.width;
	b.html_link = -1;
	if (opts.glossary != NULL) {
		b.nseen = glossary_count(opts.glossary);
		b.seen = xcalloc(b.nseen + 1, sizeof *b.seen);
	}

	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		bool enter = ev == CMARK_EVENT_ENTER;
		if (b.collecting && t != CMARK_NODE_PARAGRAPH &&
		    t != CMARK_NODE_HEADING) {
			lay_inline_node(&b, n, ev);
			continue;
		}
		if (t == CMARK_NODE_TABLE && t != CMARK_NODE_NONE) {
			if (enter) {
				lay_table(&b, n);
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			}
			continue;
		}
		switch (t) {
		case CMARK_NODE_PARAGRAPH:
			if (enter) {
				b.collecting = true;
				lay_para_reset(&b.para);
			} else {
				b.collecting = false;
				b.html_link = -1; /* an <a> left open ends here */
				b.html_hidden = false;
				b.html_bold = b.html_italic = 0;
				if (b.para.len > 0) {
					lay_block_start(&b, false);
					lay_flush_para(&b, 0);
					lay_block_end(&b);
				}
			}
			break;
		case CMARK_NODE_HEADING:
			if (enter) {
				int level = cmark_node_get_heading_level(n);
				b.heading = level < 1 ? 1 : level > 6 ? 6 : level;
				b.collecting = true;
				lay_para_reset(&b.para);
			} else {
				b.collecting = false;
				b.html_link = -1;
				b.html_hidden = false;
				b.html_bold = b.html_italic = 0;
				lay_block_start(&b, true);
				if (b.heading <= 3) {
					char *title = heading_text(n, &b);
					lay_add_section(&b, title, b.heading,
							b.heading_id);
					free(title);
				}
				free(b.heading_id);
				b.heading_id = NULL;
				if (b.para.len == 0)
					lay_para_add_str(&b, " ", STYLE_HEADING, -1);
				lay_flush_para(&b, 0);
				lay_block_end(&b);
				b.heading = 0;
			}
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (enter) {
				/* The separator goes before the bar starts. */
				if (lay_want_blank(&b, false))
					lay_blank_line(&b);
				struct prefix p = {"", "", STYLE_QUOTE, false, 0};
				snprintf(p.first, sizeof p.first, "%s ",
					 glyph_quote(&b));
				memcpy(p.cont, p.first, sizeof p.cont);
				xgrow(&b.pre, &b.cap_pre, b.npre + 1,
				      sizeof *b.pre);
				b.pre[b.npre++] = p;
			} else if (b.npre > 0) {
				b.npre--;
			}
			break;
		case CMARK_NODE_LIST:
			if (enter) {
				/* A blank line between text and a list. */
				if (lay_want_blank(&b, false))
					lay_blank_line(&b);
				list_enter(&b, n);
			} else if (b.nlists > 0) {
				b.nlists--;
			}
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				item_enter(&b, n);
			else if (b.npre > 0)
				b.npre--;
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(&b, n);
			break;
		case CMARK_NODE_HTML_BLOCK:
			/* Converted to blocks at parse (html_convert). */
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			thematic_break(&b);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	sort_targets(b.l);

	free(b.para.text);
	free(b.para.runs);
	free(b.pre);
	free(b.lists);
	free(b.tstack);
	free(b.tstart);
	free(b.seen);
	free(b.matches);
	free(b.heading_id);
	return b.l;
}

#define POOL_BLOCK 65536

void *lay_pool_alloc(struct layout *l, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	struct layout_pool *p = l->pool;
	if (p == NULL || p->size - p->used < n) {
		size_t size = n > POOL_BLOCK ? n : POOL_BLOCK;
		if (size > SIZE_MAX - sizeof *p)
			xmem_fatal("out of memory");
		p = xmalloc(sizeof *p + size);
		p->size = size;
		p->used = 0;
		p->next = l->pool;
		l->pool = p;
	}
	void *r = p->data + p->used;
	p->used += n;
	return r;
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->nlines; i++) {
		if (l->lines[i].pooled)
			continue;
		free(l->lines[i].text);
		free(l->lines[i].spans);
	}
	while (l->pool != NULL) {
		struct layout_pool *next = l->pool->next;
		free(l->pool);
		l->pool = next;
	}
	for (size_t i = 0; i < l->ntargets; i++)
		free(l->targets[i].url);
	for (size_t i = 0; i < l->nsections; i++) {
		free(l->sections[i].title);
		free(l->sections[i].id);
	}
	free(l->lines);
	free(l->targets);
	free(l->sections);
	free(l);
}

size_t layout_find(const struct layout *l, uint32_t block, uint32_t block_off)
{
	size_t lo = 0, hi = l->nlines;
	/* First line after the position, minus one. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct line *ln = &l->lines[mid];
		bool after = ln->block > block ||
			     (ln->block == block && ln->block_off > block_off);
		if (after)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo > 0 ? lo - 1 : 0;
}

size_t layout_section_of(const struct layout *l, size_t line)
{
	if (l->nlines == 0)
		return 0;
	if (line >= l->nlines)
		line = l->nlines - 1;
	return l->lines[line].section;
}
