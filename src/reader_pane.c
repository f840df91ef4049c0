/*
 * reader_pane: the explanation pane of the reader (reader.h): a term's
 * definition with its other names, a web link's address, or the title of
 * the article a link opens; it follows the focused word of the text.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "glossary.h"
#include "i18n.h"
#include "library.h"
#include "mdgen.h"
#include "reader_int.h"
#include "xmem.h"

#define S_WEB_LINK N_("This link goes to a web page:")
#define S_ARTICLE_LINK N_("This link opens another article:")
#define S_PRESS_ENTER N_("Press Enter to open it.")
#define S_NO_WEB                                                              \
	N_("The kiosk cannot open web pages. You can write the address down, " \
	   "or ask the staff for a printed copy.")

void reader_pane_free(struct reader_pane *p)
{
	if (p->doc != NULL)
		cmark_node_free(p->doc);
	layout_free(p->lay);
	free(p->url);
	memset(p, 0, sizeof *p);
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

static void pane_term(struct reader *rd, size_t entry)
{
	struct reader_pane *p = &rd->pane;
	reader_pane_free(p);
	const struct glossary_entry *e =
		glossary_entry_at(rd->lib->glossary, entry);
	p->open = true;
	p->entry = entry;
	p->doc = article_parse_markdown(e->definition, strlen(e->definition));
	char *s = glossary_also(e);
	if (s != NULL) {
		/* Made with the document's allocator: cmark refuses to
		 * join nodes of two (the line was silently never shown). */
		mdgen_emphasis(p->doc, s);
		free(s);
	}
	reader_fit(rd);
}

/* Shows a web address in the pane (url is copied first: it may point
 * into the pane's own layout). */
static void pane_link(struct reader *rd, const char *url)
{
	char *own = xstrdup(url != NULL ? url : "");
	struct reader_pane *p = &rd->pane;
	reader_pane_free(p);
	p->open = true;
	p->is_link = true;
	p->url = own;
	const char *paras[3] = {_(S_WEB_LINK), p->url, _(S_NO_WEB)};
	p->doc = plain_doc(paras, 3);
	reader_fit(rd);
}

/* Shows where a link to another article of the library goes. */
static void pane_article(struct reader *rd, long index)
{
	struct reader_pane *p = &rd->pane;
	reader_pane_free(p);
	p->open = true;
	p->is_link = true;
	const char *paras[3] = {_(S_ARTICLE_LINK), rd->lib->articles[index].title,
				_(S_PRESS_ENTER)};
	p->doc = plain_doc(paras, 3);
	reader_fit(rd);
}

void reader_show_term(struct reader *rd, const char *term)
{
	if (term == NULL || rd->doc == NULL)
		return;
	long e = glossary_lookup(rd->lib->glossary, term);
	if (e >= 0)
		pane_term(rd, (size_t)e);
}

bool reader_close_pane(struct reader *rd)
{
	if (!rd->pane.open)
		return false;
	reader_pane_free(&rd->pane);
	if (rd->focus_in_pane)
		rd->focus = -1;
	rd->focus_in_pane = false;
	reader_fit(rd);
	return true;
}

void reader_pane_scroll(struct reader *rd, long lines)
{
	struct reader_geom g;
	reader_geom(rd, &g);
	struct reader_pane *p = &rd->pane;
	long top = (long)p->top + lines;
	long mt = (long)reader_max_top(p->lay, g.pane_text_h);
	if (top > mt)
		top = mt;
	if (top < 0)
		top = 0;
	p->top = (size_t)top;
}

/* The open pane follows the focused word of the text: a term shows its
 * explanation, a web link its address, a link to an article its title. */
void reader_follow(struct reader *rd)
{
	const struct layout *l = rd->lay;
	if (!rd->pane.open || rd->focus < 0 || rd->focus_in_pane ||
	    l == NULL || (size_t)rd->focus >= l->ntargets)
		return;
	const struct target *t = &l->targets[rd->focus];
	struct reader_pane *p = &rd->pane;
	if (t->kind == TARGET_TERM) {
		if (p->is_link || p->entry != t->entry)
			pane_term(rd, t->entry);
		return;
	}
	const char *frag = NULL;
	long idx = library_resolve(rd->lib, &rd->lib->articles[rd->article],
				   t->url, &frag);
	if (idx >= 0)
		pane_article(rd, idx);
	else if (!p->is_link || p->url == NULL || t->url == NULL ||
		 strcmp(p->url, t->url) != 0)
		pane_link(rd, t->url);
}

bool reader_pane_more(const struct reader *rd, bool *above)
{
	struct reader_geom g;
	reader_geom(rd, &g);
	const struct reader_pane *p = &rd->pane;
	*above = p->open && p->top > 0;
	return p->open && p->lay != NULL &&
	       p->top + (size_t)g.pane_text_h < p->lay->nlines;
}

bool reader_pane_scrollable(const struct reader *rd)
{
	bool above;
	return reader_pane_more(rd, &above) || above;
}

bool reader_activate(struct reader *rd, int32_t target, bool in_pane,
		     struct place *at)
{
	const struct layout *l = in_pane ? rd->pane.lay : rd->lay;
	if (l == NULL || target < 0 || (size_t)target >= l->ntargets)
		return false;
	const struct target *t = &l->targets[target];
	if (t->kind == TARGET_TERM) {
		pane_term(rd, t->entry);
		if (in_pane)
			rd->focus = -1;
		return false;
	}
	const char *frag = NULL;
	long idx = library_resolve(rd->lib, &rd->lib->articles[rd->article],
				   t->url, &frag);
	if (idx >= 0) {
		*at = (struct place){.article = idx, .fragment = frag};
		return true;
	}
	pane_link(rd, t->url);
	if (in_pane)
		rd->focus = -1;
	return false;
}

