/* mdgen: see mdgen.h. */
#include "mdgen.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "frontmatter.h"
#include "i18n.h"
#include "library.h"
#include "xmem.h"

/* The words a person reads at the end of an article. */
#define S_SOURCES N_("Sources")
/* TRANSLATORS: at the end of an article; %s is the date as the staff
 * wrote it (2026-12-04). */
#define S_REVIEWED N_("Last reviewed: %s")
/* TRANSLATORS: at the end of an article, before a link to the next
 * article; %s is the topic ("Skin and hair"). */
#define S_NEXT_IN N_("Next in %s:")
#define S_NEXT N_("Next:")
#define S_LAST_IN N_("This is the last article in %s.")
#define S_GO_BACK N_("Press Esc to go back.")

struct buf {
	char *s;  /* owned */
	size_t n, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	xgrow(&b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* Markdown as it is. */
static void buf_put(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Text shown as written: every ASCII punctuation mark escaped (any may
 * be, in CommonMark), line breaks made spaces. */
static void buf_text(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		char c = *s == '\n' || *s == '\r' ? ' ' : *s;
		if (strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL)
			buf_add(b, "\\", 1);
		buf_add(b, &c, 1);
	}
}

/* A printf format (translated) whose one %s is text shown as written. */
static void buf_fmt_text(struct buf *b, const char *fmt, const char *arg)
{
	const char *at = strstr(fmt, "%s");
	if (at == NULL) {
		buf_text(b, fmt);
		return;
	}
	char *head = xstrndup(fmt, (size_t)(at - fmt));
	buf_text(b, head);
	free(head);
	buf_text(b, arg);
	buf_text(b, at + 2);
}

/* A link to the article at index, relative to the one open (ids are
 * paths below the articles folder; library_resolve reads it back). */
static bool buf_article_link(struct buf *b, const struct library *lib,
			     long from_index, long index)
{
	const char *from = lib->articles[from_index].id;
	const char *to = lib->articles[index].id;
	if (strpbrk(to, "<>\n\r\\") != NULL)
		return false;
	buf_put(b, "[");
	buf_text(b, lib->articles[index].title);
	buf_put(b, "](<");
	for (const char *p = strchr(from, '/'); p != NULL; p = strchr(p + 1, '/'))
		buf_put(b, "../");
	buf_put(b, to);
	buf_put(b, ">)");
	return true;
}

/* The end of every article: its sources and review date (from the front
 * matter, read again on opening), the next article of its topic as a
 * link, and the way back. */
static char *end_block(const struct library *lib, long index,
		       const struct frontmatter *fm, size_t *len)
{
	struct buf b = {0};
	buf_put(&b, "* * *\n\n");
	if (fm->nsources > 0) {
		buf_put(&b, "**");
		buf_text(&b, _(S_SOURCES));
		buf_put(&b, "**\n\n");
		for (size_t i = 0; i < fm->nsources; i++) {
			const struct source_ref *r = &fm->sources[i];
			bool url = r->url != NULL && strpbrk(r->url, "<>\n\r\\ ") == NULL;
			buf_put(&b, "- ");
			if (url && r->name != NULL) {
				buf_put(&b, "[");
				buf_text(&b, r->name);
				buf_put(&b, "](<");
				buf_put(&b, r->url);
				buf_put(&b, ">)");
			} else if (url) {
				buf_put(&b, "<");
				buf_put(&b, r->url);
				buf_put(&b, ">");
			} else {
				buf_text(&b, r->name != NULL ? r->name
							     : r->url != NULL ? r->url : "");
			}
			buf_put(&b, "\n");
		}
		buf_put(&b, "\n");
	}
	if (fm->reviewed != NULL && fm->reviewed[0] != '\0') {
		buf_fmt_text(&b, _(S_REVIEWED), fm->reviewed);
		buf_put(&b, "\n\n");
	}
	const struct article *a = &lib->articles[index];
	long next = index + 1;
	bool same = (size_t)next < lib->narticles &&
		    strcmp(lib->articles[next].topic, a->topic) == 0;
	if (same) {
		if (a->topic[0] != '\0')
			buf_fmt_text(&b, _(S_NEXT_IN), a->topic);
		else
			buf_text(&b, _(S_NEXT));
		buf_put(&b, " ");
		if (!buf_article_link(&b, lib, index, next))
			buf_text(&b, lib->articles[next].title);
		buf_put(&b, "\\\n");
	} else if (a->topic[0] != '\0') {
		buf_fmt_text(&b, _(S_LAST_IN), a->topic);
		buf_put(&b, "\\\n");
	}
	buf_text(&b, _(S_GO_BACK));
	buf_put(&b, "\n");
	*len = b.n;
	return b.s;
}

/* Moves the blocks of from to the end of to; false when cmark refuses
 * (the two have different allocators; nothing is then moved). */
static bool move_blocks(cmark_node *to, cmark_node *from)
{
	cmark_node *n;
	while ((n = cmark_node_first_child(from)) != NULL) {
		cmark_node_unlink(n);
		if (!cmark_node_append_child(to, n)) {
			cmark_node_prepend_child(from, n);
			return false;
		}
	}
	return true;
}

/* Parses md (len bytes) and appends its blocks to doc, with the
 * allocator doc takes (see mdgen.h). */
static void append_md(cmark_node *doc, const char *md, size_t len)
{
	cmark_node *end = article_parse_markdown(md, len);
	if (end != NULL && !move_blocks(doc, end)) {
		cmark_node_free(end);
		end = cmark_parse_document(md, len, CMARK_OPT_VALIDATE_UTF8);
		if (end != NULL)
			move_blocks(doc, end);
	}
	if (end != NULL)
		cmark_node_free(end);
}

void mdgen_end_block(cmark_node *doc, const struct library *lib, long index,
		     const struct frontmatter *fm)
{
	size_t len;
	char *md = end_block(lib, index, fm, &len);
	append_md(doc, md, len);
	free(md);
}

void mdgen_emphasis(cmark_node *doc, const char *text)
{
	struct buf b = {0};
	buf_put(&b, "*");
	buf_text(&b, text);
	buf_put(&b, "*");
	append_md(doc, b.s, b.n);
	free(b.s);
}
