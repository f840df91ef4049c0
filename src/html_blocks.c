/*
 * html_blocks: a gumbo tree turned into cmark nodes (see html.h for what
 * each element becomes).
 *
 * One walk with two modes: blocks (blk: a container such as the
 * document, a list item or a quote, where inline content is gathered
 * into an open paragraph) and inlines (inl: into a paragraph, heading,
 * emphasis, link or table cell).  White space is collapsed as a browser
 * does: a run of it is one space, none at the start or end of a block.
 *
 * GitHub's table nodes carry data only the table extension's parser
 * fills in, so a table is made by parsing a Markdown table of the same
 * shape ("| x | x |" rows) and putting the cells' content in its cells.
 */
#include "html.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <gumbo.h>

#include "article.h"
#include "html_int.h"
#include "xmem.h"


struct conv {
	cmark_mem *mem;
	cmark_node *para;  /* open paragraph of the block being read, or
			      NULL (not yet in the tree) */
	bool cell;         /* reading a table cell: breaks are <br> */
	bool empty;        /* nothing shown yet in the current block */
	bool space;        /* a space is due before the next text */
	bool brk;          /* a line break is due before the next text */
	int depth;         /* elements open, against stack exhaustion */
};

static cmark_node *node(struct conv *c, cmark_node_type t)
{
	return cmark_node_new_with_mem(t, c->mem);
}

/* Appends child to parent, or frees it when parent cannot hold it. */
static bool append(cmark_node *parent, cmark_node *child)
{
	if (cmark_node_append_child(parent, child))
		return true;
	cmark_node_free(child);
	return false;
}

static void block_reset(struct conv *c)
{
	c->empty = true;
	c->space = false;
	c->brk = false;
}

/* What is due before more text in into: a line break, a space. */
static void due(struct conv *c, cmark_node *into)
{
	if (c->empty) {
		c->space = c->brk = false;
		return;
	}
	if (c->brk) {
		cmark_node *b;
		if (c->cell) {
			b = node(c, CMARK_NODE_HTML_INLINE);
			cmark_node_set_literal(b, "<br>");
		} else {
			b = node(c, CMARK_NODE_LINEBREAK);
		}
		append(into, b);
		c->brk = c->space = false;
	}
	if (c->space) {
		cmark_node *t = node(c, CMARK_NODE_TEXT);
		cmark_node_set_literal(t, " ");
		append(into, t);
		c->space = false;
	}
}

/* Text with white space collapsed, into into. */
static void text(struct conv *c, cmark_node *into, const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' ||
		    ch == '\f') {
			c->space = true;
			continue;
		}
		if (o == 0)
			due(c, into);
		else if (c->space)
			out[o++] = ' ';
		c->space = false;
		out[o++] = ch;
	}
	out[o] = '\0';
	if (o > 0) {
		cmark_node *t = node(c, CMARK_NODE_TEXT);
		cmark_node_set_literal(t, out);
		append(into, t);
		c->empty = false;
	}
	free(out);
}

/* All the text of g (for <code> and <pre>), raw. */
static void gather(const GumboNode *g, char **buf, size_t *len, size_t *cap)
{
	if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
	    g->type == GUMBO_NODE_CDATA) {
		size_t k = strlen(g->v.text.text);
		xgrow(buf, cap, *len + k + 1, 1);
		memcpy(*buf + *len, g->v.text.text, k);
		*len += k;
		(*buf)[*len] = '\0';
	} else if (g->type == GUMBO_NODE_ELEMENT) {
		if (html_hidden(g->v.element.tag))
			return;
		if (g->v.element.tag == GUMBO_TAG_BR) {
			xgrow(buf, cap, *len + 2, 1);
			(*buf)[(*len)++] = '\n';
			(*buf)[*len] = '\0';
		}
		const GumboVector *ch = &g->v.element.children;
		for (unsigned i = 0; i < ch->length; i++)
			gather(ch->data[i], buf, len, cap);
	}
}

static char *text_of(const GumboNode *g)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	xgrow(&buf, &cap, 1, 1);
	buf[0] = '\0';
	gather(g, &buf, &len, &cap);
	return buf;
}

/* The address of a media element: src, data-src, or its first <source>. */
static const char *media_src(const GumboElement *e)
{
	const char *s = html_attr_of(e, "src");
	if (s == NULL)
		s = html_attr_of(e, "data-src");
	for (unsigned i = 0; s == NULL && i < e->children.length; i++) {
		const GumboNode *k = e->children.data[i];
		if (k->type == GUMBO_NODE_ELEMENT &&
		    k->v.element.tag == GUMBO_TAG_SOURCE)
			s = html_attr_of(&k->v.element, "src");
	}
	return s != NULL && s[0] != '\0' ? s : NULL;
}

static bool is_media(GumboTag t)
{
	return t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_VIDEO ||
	       t == GUMBO_TAG_AUDIO || t == GUMBO_TAG_EMBED ||
	       t == GUMBO_TAG_OBJECT;
}

/* "Video: TITLE" (html_media_word) linking to the media's address, into
 * into. */
static void media(struct conv *c, cmark_node *into, const GumboElement *e)
{
	const char *src = media_src(e);
	if (src == NULL && e->tag == GUMBO_TAG_OBJECT)
		src = html_attr_of(e, "data");
	const char *title = html_attr_of(e, "title");
	if (title == NULL || title[0] == '\0')
		title = html_attr_of(e, "aria-label");
	char *label = xasprintf("%s%s%s",
				html_media_word(gumbo_normalized_tagname(e->tag),
						src, title),
				title != NULL && title[0] ? ": " : "",
				title != NULL ? title : "");
	c->brk = true;
	cmark_node *into2 = into;
	if (src != NULL) {
		due(c, into);
		cmark_node *l = node(c, CMARK_NODE_LINK);
		char *url = strncmp(src, "//", 2) == 0 ? xasprintf("https:%s", src)
						       : xstrdup(src);
		cmark_node_set_url(l, url);
		free(url);
		if (!append(into, l))
			l = NULL;
		into2 = l;
		c->empty = false;
	}
	if (into2 != NULL)
		text(c, into2, label);
	free(label);
	/* What the element holds for a browser that cannot play it is
	 * text too. */
	char *inner = NULL;
	size_t len = 0, cap = 0;
	xgrow(&inner, &cap, 1, 1);
	inner[0] = '\0';
	for (unsigned i = 0; i < e->children.length; i++)
		gather(e->children.data[i], &inner, &len, &cap);
	if (strspn(inner, " \t\r\n\f") < len) {
		c->space = true;
		text(c, into, inner);
	}
	free(inner);
	c->brk = true;
}

static void inl(struct conv *c, const GumboNode *g, cmark_node *into);

static void inl_children(struct conv *c, const GumboElement *e,
			 cmark_node *into)
{
	for (unsigned i = 0; i < e->children.length; i++)
		inl(c, e->children.data[i], into);
}

/* An inline container node (emphasis, strong, link): what is due goes
 * before it, its content inside it. */
static void inl_wrap(struct conv *c, const GumboElement *e, cmark_node *into,
		     cmark_node *n)
{
	if (!c->empty && (c->space || c->brk))
		due(c, into);
	if (!append(into, n)) {
		inl_children(c, e, into);
		return;
	}
	inl_children(c, e, n);
}

static bool block_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI:
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
	case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_H1:
	case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
	case GUMBO_TAG_HR: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_NAV: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_FORM:
	case GUMBO_TAG_FIELDSET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY:
	case GUMBO_TAG_HTML:
		return true;
	default:
		return false;
	}
}

static void inl(struct conv *c, const GumboNode *g, cmark_node *into)
{
	if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
	    g->type == GUMBO_NODE_CDATA) {
		text(c, into, g->v.text.text);
		return;
	}
	if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE)
		return;
	const GumboElement *e = &g->v.element;
	if (html_hidden(e->tag) || g->type == GUMBO_NODE_TEMPLATE)
		return;
	if (c->depth >= HTML_MAX_DEPTH) {
		char *t = text_of(g);
		text(c, into, t);
		free(t);
		return;
	}
	c->depth++;
	switch (e->tag) {
	case GUMBO_TAG_STRONG:
	case GUMBO_TAG_B:
		inl_wrap(c, e, into, node(c, CMARK_NODE_STRONG));
		break;
	case GUMBO_TAG_EM:
	case GUMBO_TAG_I:
	case GUMBO_TAG_CITE:
	case GUMBO_TAG_DFN:
		inl_wrap(c, e, into, node(c, CMARK_NODE_EMPH));
		break;
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT: {
		char *t = text_of(g);
		for (char *p = t; *p; p++)
			if (*p == '\n' || *p == '\t' || *p == '\r')
				*p = ' ';
		if (t[0] != '\0') {
			due(c, into);
			cmark_node *n = node(c, CMARK_NODE_CODE);
			cmark_node_set_literal(n, t);
			append(into, n);
			c->empty = false;
		}
		free(t);
		break;
	}
	case GUMBO_TAG_A: {
		const char *href = html_attr_of(e, "href");
		if (href == NULL || href[0] == '\0') {
			inl_children(c, e, into);
			break;
		}
		cmark_node *l = node(c, CMARK_NODE_LINK);
		cmark_node_set_url(l, href);
		const char *title = html_attr_of(e, "title");
		if (title != NULL)
			cmark_node_set_title(l, title);
		bool was_empty = c->empty;
		inl_wrap(c, e, into, l);
		if (cmark_node_first_child(l) == NULL &&
		    cmark_node_parent(l) != NULL) {
			/* No text: the address is the text. */
			c->empty = was_empty;
			text(c, l, href);
		}
		break;
	}
	case GUMBO_TAG_IMG: {
		const char *alt = html_attr_of(e, "alt");
		const char *src = html_attr_of(e, "src");
		if (!c->empty && (c->space || c->brk))
			due(c, into);
		cmark_node *im = node(c, CMARK_NODE_IMAGE);
		cmark_node_set_url(im, src != NULL ? src : "");
		if (append(into, im)) {
			bool was = c->empty;
			c->empty = true;
			if (alt != NULL)
				text(c, im, alt);
			c->empty = false;
			(void)was;
		}
		break;
	}
	case GUMBO_TAG_BR:
		c->brk = true;
		c->space = false;
		break;
	default:
		if (is_media(e->tag)) {
			media(c, into, e);
		} else if (block_tag(e->tag)) {
			c->brk = true;
			inl_children(c, e, into);
			c->brk = true;
		} else if (e->tag == GUMBO_TAG_TD || e->tag == GUMBO_TAG_TH) {
			c->space = true;
			inl_children(c, e, into);
			c->space = true;
		} else {
			inl_children(c, e, into);
		}
		break;
	}
	c->depth--;
}

/* ---- blocks ---- */

static void blk(struct conv *c, const GumboNode *g, cmark_node *container);

/* Puts the open paragraph in container when it shows anything. */
static void flush(struct conv *c, cmark_node *container)
{
	if (c->para == NULL)
		return;
	cmark_node *p = c->para;
	c->para = NULL;
	if (cmark_node_first_child(p) == NULL)
		cmark_node_free(p);
	else
		append(container, p);
	block_reset(c);
}

static void blk_children(struct conv *c, const GumboElement *e,
			 cmark_node *container)
{
	for (unsigned i = 0; i < e->children.length; i++)
		blk(c, e->children.data[i], container);
	flush(c, container);
}

/* Inline content for the open paragraph (opened when needed). */
static void to_para(struct conv *c, const GumboNode *g)
{
	if (c->para == NULL) {
		c->para = node(c, CMARK_NODE_PARAGRAPH);
		block_reset(c);
	}
	inl(c, g, c->para);
}

static bool safe_id(const char *id)
{
	if (id == NULL || id[0] == '\0' || strlen(id) > 100)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		      *p == '.' || *p == ':'))
			return false;
	return true;
}

static void heading(struct conv *c, const GumboElement *e, int level,
		    cmark_node *container)
{
	flush(c, container);
	cmark_node *h = node(c, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	block_reset(c);
	for (unsigned i = 0; i < e->children.length; i++)
		inl(c, e->children.data[i], h);
	const char *id = html_attr_of(e, "id");
	if (safe_id(id)) {
		/* The section's own anchor, as a {#id} gives it. */
		char *a = xasprintf("<a id=\"%s\"></a>", id);
		cmark_node *n = node(c, CMARK_NODE_HTML_INLINE);
		cmark_node_set_literal(n, a);
		append(h, n);
		free(a);
	}
	append(container, h);
	block_reset(c);
}

/* A paragraph holding one inline wrapper (summary, dt: in bold). */
static void bold_para(struct conv *c, const GumboElement *e,
		      cmark_node *container)
{
	flush(c, container);
	cmark_node *p = node(c, CMARK_NODE_PARAGRAPH);
	cmark_node *s = node(c, CMARK_NODE_STRONG);
	block_reset(c);
	append(p, s);
	inl_children(c, e, s);
	if (cmark_node_first_child(s) != NULL)
		append(container, p);
	else
		cmark_node_free(p);
	block_reset(c);
}

static void list(struct conv *c, const GumboElement *e, cmark_node *container)
{
	flush(c, container);
	cmark_node *l = node(c, CMARK_NODE_LIST);
	bool ordered = e->tag == GUMBO_TAG_OL;
	cmark_node_set_list_type(l, ordered ? CMARK_ORDERED_LIST
					    : CMARK_BULLET_LIST);
	cmark_node_set_list_tight(l, 1);
	if (ordered) {
		cmark_node_set_list_delim(l, CMARK_PERIOD_DELIM);
		const char *st = html_attr_of(e, "start");
		long n = st != NULL ? strtol(st, NULL, 10) : 1;
		cmark_node_set_list_start(l, n >= 0 && n < 1000000000 ? (int)n
								      : 1);
	}
	for (unsigned i = 0; i < e->children.length; i++) {
		const GumboNode *k = e->children.data[i];
		if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT)
			continue;
		if (k->type == GUMBO_NODE_TEXT && strspn(k->v.text.text, " \t\r\n\f") ==
							  strlen(k->v.text.text))
			continue;
		cmark_node *it = node(c, CMARK_NODE_ITEM);
		if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_LI)
			blk_children(c, &k->v.element, it);
		else {
			blk(c, k, it);
			flush(c, it);
		}
		if (cmark_node_first_child(it) != NULL)
			append(l, it);
		else
			cmark_node_free(it);
	}
	if (cmark_node_first_child(l) != NULL)
		append(container, l);
	else
		cmark_node_free(l);
	block_reset(c);
}

static void code_block(struct conv *c, const GumboNode *g, cmark_node *container)
{
	flush(c, container);
	char *t = text_of(g);
	size_t n = strlen(t);
	if (n > 0 && t[n - 1] != '\n') {
		char *u = xasprintf("%s\n", t);
		free(t);
		t = u;
	}
	cmark_node *cb = node(c, CMARK_NODE_CODE_BLOCK);
	cmark_node_set_literal(cb, t);
	cmark_node_set_fenced(cb, 1, 3, 0, '`');
	append(container, cb);
	free(t);
	block_reset(c);
}

/* ---- tables ---- */

struct hrow {
	const GumboElement **cells;
	size_t n;
	bool head; /* all <th>, or in <thead> */
};

static void rows_of(const GumboElement *e, bool in_head, struct hrow **rows,
		    size_t *n, size_t *cap, int depth)
{
	for (unsigned i = 0; i < e->children.length && depth < 8; i++) {
		const GumboNode *k = e->children.data[i];
		if (k->type != GUMBO_NODE_ELEMENT)
			continue;
		const GumboElement *ke = &k->v.element;
		if (ke->tag == GUMBO_TAG_THEAD || ke->tag == GUMBO_TAG_TBODY ||
		    ke->tag == GUMBO_TAG_TFOOT) {
			rows_of(ke, ke->tag == GUMBO_TAG_THEAD, rows, n, cap,
				depth + 1);
		} else if (ke->tag == GUMBO_TAG_TR) {
			xgrow(rows, cap, *n + 1, sizeof(struct hrow));
			struct hrow *r = &(*rows)[(*n)++];
			r->cells = xcalloc(ke->children.length + 1,
					   sizeof(const GumboElement *));
			r->n = 0;
			bool all_th = true;
			for (unsigned j = 0; j < ke->children.length; j++) {
				const GumboNode *cn = ke->children.data[j];
				if (cn->type != GUMBO_NODE_ELEMENT ||
				    (cn->v.element.tag != GUMBO_TAG_TD &&
				     cn->v.element.tag != GUMBO_TAG_TH))
					continue;
				if (cn->v.element.tag != GUMBO_TAG_TH)
					all_th = false;
				r->cells[r->n++] = &cn->v.element;
			}
			r->head = in_head || (all_th && r->n > 0);
		}
	}
}

static char align_of(const GumboElement *e)
{
	const char *a = html_attr_of(e, "align");
	const char *st = html_attr_of(e, "style");
	const char *ta = st != NULL ? strstr(st, "text-align") : NULL;
	if (ta != NULL) {
		ta += 10;
		while (*ta == ' ' || *ta == ':')
			ta++;
		a = ta;
	}
	if (a == NULL)
		return 0;
	if (strncasecmp(a, "center", 6) == 0)
		return 'c';
	if (strncasecmp(a, "right", 5) == 0)
		return 'r';
	if (strncasecmp(a, "left", 4) == 0)
		return 'l';
	return 0;
}

/* Largest table shape made (more columns than this are left out of the
 * grid: their text is added to the row's last cell). */
#define HTML_TABLE_COLS 64

static void table(struct conv *c, const GumboElement *e, cmark_node *container)
{
	flush(c, container);
	/* The caption first, as its own paragraph. */
	for (unsigned i = 0; i < e->children.length; i++) {
		const GumboNode *k = e->children.data[i];
		if (k->type == GUMBO_NODE_ELEMENT &&
		    k->v.element.tag == GUMBO_TAG_CAPTION) {
			blk_children(c, &k->v.element, container);
		}
	}
	struct hrow *rows = NULL;
	size_t nrows = 0, cap = 0, ncols = 0;
	rows_of(e, false, &rows, &nrows, &cap, 0);
	for (size_t r = 0; r < nrows; r++)
		if (rows[r].n > ncols)
			ncols = rows[r].n;
	if (ncols > HTML_TABLE_COLS)
		ncols = HTML_TABLE_COLS;
	if (nrows == 0 || ncols == 0) {
		for (size_t r = 0; r < nrows; r++)
			free(rows[r].cells);
		free(rows);
		return;
	}
	/* The Markdown table of the same shape. */
	char *md = NULL;
	size_t len = 0, mcap = 0;
	for (size_t r = 0; r <= nrows; r++) {
		xgrow(&md, &mcap, len + 6 * ncols + 3, 1);
		md[len++] = '|';
		for (size_t k = 0; k < ncols; k++) {
			const char *cell = " x |";
			if (r == 1) {
				char al = rows[0].n > k ? align_of(rows[0].cells[k]) : 0;
				cell = al == 'c' ? ":-:|" : al == 'r' ? "--:|"
							  : al == 'l' ? ":--|"
								      : "---|";
			}
			memcpy(md + len, cell, 4);
			len += 4;
		}
		md[len++] = '\n';
	}
	cmark_node *doc = article_parse_markdown(md, len);
	free(md);
	cmark_node *t = cmark_node_first_child(doc);
	if (t != NULL && cmark_node_get_type(t) == CMARK_NODE_TABLE &&
	    CMARK_NODE_TABLE != CMARK_NODE_NONE) {
		cmark_node *rn = cmark_node_first_child(t);
		for (size_t r = 0; r < nrows && rn != NULL; r++) {
			if (r == 0 && !rows[0].head)
				cmark_gfm_extensions_set_table_row_is_header(rn, 0);
			cmark_node *cn = cmark_node_first_child(rn);
			for (size_t k = 0; k < ncols && cn != NULL; k++) {
				cmark_node *x;
				while ((x = cmark_node_first_child(cn)) != NULL)
					cmark_node_free(x);
				bool was = c->cell;
				c->cell = true;
				block_reset(c);
				size_t last = k + 1 == ncols ? rows[r].n : k + 1;
				for (size_t j = k; j < last && j < rows[r].n; j++) {
					if (j > k)
						c->space = true;
					inl_children(c, rows[r].cells[j], cn);
				}
				c->cell = was;
				cn = cmark_node_next(cn);
			}
			rn = cmark_node_next(rn);
		}
		cmark_node_unlink(t);
		append(container, t);
	}
	cmark_node_free(doc);
	for (size_t r = 0; r < nrows; r++)
		free(rows[r].cells);
	free(rows);
	block_reset(c);
}

static void blk(struct conv *c, const GumboNode *g, cmark_node *container)
{
	if (g->type == GUMBO_NODE_COMMENT)
		return;
	if (g->type == GUMBO_NODE_WHITESPACE) {
		if (c->para != NULL)
			c->space = true;
		return;
	}
	if (g->type != GUMBO_NODE_ELEMENT) {
		to_para(c, g);
		return;
	}
	const GumboElement *e = &g->v.element;
	if (html_hidden(e->tag))
		return;
	if (c->depth >= HTML_MAX_DEPTH) {
		to_para(c, g);
		return;
	}
	c->depth++;
	switch (e->tag) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		heading(c, e, 1 + (int)(e->tag - GUMBO_TAG_H1), container);
		break;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
		list(c, e, container);
		break;
	case GUMBO_TAG_BLOCKQUOTE: {
		flush(c, container);
		cmark_node *q = node(c, CMARK_NODE_BLOCK_QUOTE);
		blk_children(c, e, q);
		if (cmark_node_first_child(q) != NULL)
			append(container, q);
		else
			cmark_node_free(q);
		break;
	}
	case GUMBO_TAG_PRE:
		code_block(c, g, container);
		break;
	case GUMBO_TAG_HR:
		flush(c, container);
		append(container, node(c, CMARK_NODE_THEMATIC_BREAK));
		break;
	case GUMBO_TAG_TABLE:
		table(c, e, container);
		break;
	case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_DT:
		bold_para(c, e, container);
		break;
	case GUMBO_TAG_CAPTION:
		break; /* read with its table */
	default:
		if (!is_media(e->tag) &&
		    (block_tag(e->tag) || e->tag == GUMBO_TAG_DD ||
		     e->tag == GUMBO_TAG_LI)) {
			flush(c, container);
			blk_children(c, e, container);
		} else {
			/* Inline content, and media: a line of their own in
			 * the text (inl). */
			to_para(c, g);
		}
		break;
	}
	c->depth--;
}

/* HTML too large or too deep for the parser (which takes time growing
 * with the square of the nesting, as browsers do): its text, tags taken
 * out, as one paragraph.  Character references stay as written. */
static void plain(struct conv *c, const char *s, size_t len, cmark_node *doc)
{
	char *out = xmalloc(len + 1);
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '<') {
			const char *e = memchr(s + i, '>', len - i);
			if (e == NULL)
				break;
			i = (size_t)(e - s);
			space = true;
			continue;
		}
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			space = true;
			continue;
		}
		if (space && o > 0)
			out[o++] = ' ';
		space = false;
		out[o++] = s[i];
	}
	out[o] = '\0';
	if (o > 0) {
		cmark_node *p = node(c, CMARK_NODE_PARAGRAPH);
		cmark_node *t = node(c, CMARK_NODE_TEXT);
		cmark_node_set_literal(t, out);
		append(p, t);
		append(doc, p);
	}
	free(out);
}

cmark_node *html_to_blocks(const char *s, size_t len)
{
	cmark_mem *mem = article_mem();
	cmark_node *doc = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, mem);
	if (html_too_big(s, len)) {
		struct conv c = {.mem = mem};
		plain(&c, s, len, doc);
		return doc;
	}
	GumboOptions o;
	GumboOutput *out = html_parse(s, len, &o);
	struct conv c = {.mem = mem};
	block_reset(&c);
	if (out != NULL && out->root != NULL &&
	    out->root->type == GUMBO_NODE_ELEMENT)
		blk_children(&c, &out->root->v.element, doc);
	flush(&c, doc);
	if (out != NULL)
		gumbo_destroy_output(&o, out);
	return doc;
}

