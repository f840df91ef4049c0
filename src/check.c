/*
 * check: see check.h.
 *
 * Data: a checker holds the loaded library and what is learnt across
 * articles: which glossary entries some article uses (used[]) and, filled
 * on demand, the section titles of each article (for links to
 * "article.md#section").  Each article is checked by itself with a struct
 * art: the file's text, kept to find front matter keys, and body_line,
 * the file line of the body's first line.  cmark numbers lines of the body
 * only, so a node on body line k is on file line body_line - 1 + k.
 * Plain-text articles are built by plaintext.c without positions: their
 * line is 0 ("the whole file").
 *
 * The body is walked once, the cmark way: one iterator loop and one
 * switch on the node type (S_node).  Running text is gathered into
 * art.plain, one line per block, for the glossary matcher.
 */
#include "check.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "anchor.h"
#include "article.h"
#include "config.h"
#include "cp1252.h"
#include "fileio.h"
#include "frontmatter.h"
#include "glossary.h"
#include "html.h"
#include "layout.h"
#include "library.h"
#include "check_frontmatter.h"
#include "check_langs.h"
#include "check_reading.h"
#include "readability.h"
#include "sitesyntax.h"
#include "text.h"
#include "xmem.h"

/* Longest user text quoted in a message, in bytes: names and addresses,
 * and sentences. */
#define SHOW_MAX 100
#define SHOW_SENTENCE 90
/* Section names listed when a link names a section that is not there. */
#define SHOW_SECTIONS 6

/* Section titles of one article, as the kiosk's layout makes them. */
struct sections {
	bool done;     /* titles were read */
	char **titles; /* owned array of n owned strings */
	char **ids;    /* owned array of n: each heading's own id or NULL */
	size_t n;
};

struct checker {
	struct check_options o;
	struct library *lib;
	struct diag_list *diags;
	int ty, tm, td;              /* today */
	bool *used;                  /* per glossary entry: used somewhere */
	struct sections *sections;   /* per article, see S_sections */
	const struct langs *langs;   /* borrowed; the language folders */
	const char *lang;            /* the language being checked */
};

/* One article being checked. */
struct art {
	const struct article *a;
	const char *text;    /* the whole file (the article's kept text or
				own), NULL if unreadable */
	size_t len;
	char *own;           /* owned; the file when read here */
	bool fenced;         /* starts with "---" (front matter) */
	bool has_fm;         /* has a closed front matter block */
	bool fm_ok;          /* its YAML was read without errors */
	int body_line;       /* file line of the body's first line */
	char *plain;         /* owned; running text, one line per block */
	size_t plain_len, plain_cap;
};

/* ---- small helpers ---- */

/* A copy of s fit for a message: one line, no control characters, at
 * most max bytes (cut at a space when one is near, else at a character,
 * with "...").  Caller frees. */
static char *S_show_max(const char *s, size_t max)
{
	size_t n;
	char *c = text_one_line(s, strlen(s), &n);
	if (n > max) {
		size_t cut = max;
		while (cut > 0 && ((unsigned char)c[cut] & 0xC0) == 0x80)
			cut--;
		/* Prefer to cut at a space when one is near. */
		size_t sp = cut;
		while (sp > cut * 2 / 3 && c[sp] != ' ')
			sp--;
		if (c[sp] == ' ')
			cut = sp;
		char *r = xmalloc(cut + 4);
		memcpy(r, c, cut);
		memcpy(r + cut, "...", 4);
		free(c);
		return r;
	}
	return c;
}

static char *S_show(const char *s)
{
	return S_show_max(s, SHOW_MAX);
}

static const char *S_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* File line of body line k (0: unknown). */
static int S_file_line(const struct art *t, int k)
{
	if (k <= 0 || t->a->plain)
		return 0;
	long l = (long)t->body_line - 1 + k;
	return l > INT_MAX ? 0 : (int)l;
}

/* Body line and column of n, or of its nearest ancestor that has one. */
static void S_node_pos(cmark_node *n, int *line, int *col)
{
	*line = *col = 0;
	for (; n != NULL; n = cmark_node_parent(n)) {
		if (cmark_node_get_start_line(n) > 0) {
			*line = cmark_node_get_start_line(n);
			*col = cmark_node_get_start_column(n);
			return;
		}
	}
}

/* Column in characters of byte column col (1-based, as cmark counts) of
 * file line fl: what an editor shows. */
static int S_char_col(const struct art *t, int fl, int col)
{
	if (t->text == NULL || col <= 1)
		return col;
	const char *p = t->text, *end = t->text + t->len;
	for (int l = 1; l < fl; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return col;
		p = nl + 1;
	}
	int chars = 1;
	for (int i = 0; i < col - 1 && p + i < end && p[i] != '\n'; i++)
		if (((unsigned char)p[i] & 0xC0) != 0x80)
			chars++;
	return chars;
}

static void S_diag_at(struct checker *c, const struct art *t, cmark_node *n,
		      enum diag_level level, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void S_diag_at(struct checker *c, const struct art *t, cmark_node *n,
		      enum diag_level level, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	int line, col;
	S_node_pos(n, &line, &col);
	int fl = S_file_line(t, line);
	diag_add(c->diags, level, t->a->path, fl,
		 fl > 0 ? S_char_col(t, fl, col) : 0, "%s", buf);
}

/* Plain text of the subtree at n (TEXT and CODE literals). */
static char *S_subtree_text(cmark_node *n)
{
	char *out = NULL;
	size_t len = 0, cap = 0;
	xgrow(&out, &cap, 1, 1);
	out[0] = '\0';
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *m = cmark_iter_get_node(it);
		cmark_node_type ty = cmark_node_get_type(m);
		if (ev != CMARK_EVENT_ENTER ||
		    (ty != CMARK_NODE_TEXT && ty != CMARK_NODE_CODE))
			continue;
		const char *lit = cmark_node_get_literal(m);
		size_t k = lit != NULL ? strlen(lit) : 0;
		xgrow(&out, &cap, len + k + 1, 1);
		memcpy(out + len, lit != NULL ? lit : "", k);
		len += k;
		out[len] = '\0';
	}
	cmark_iter_free(it);
	return out;
}

static bool S_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* ---- front matter ---- */

static void S_check_front_matter(struct checker *c, const struct art *t)
{
	struct check_fm in = {
		.path = t->a->path,
		.fm = &t->a->fm,
		.text = t->text,
		.len = t->len,
		.plain = t->a->plain,
		.fenced = t->fenced,
		.has_fm = t->has_fm,
		.fm_ok = t->fm_ok,
		.body_line = t->body_line,
		.year = c->ty,
		.month = c->tm,
		.day = c->td,
		.review_months = c->o.review_months,
	};
	check_frontmatter(&in, c->diags);
}

/* ---- links ---- */

/* "How are the cells made?" -> "how-are-the-cells-made".  Caller frees. */
/* The section titles of article i, as the kiosk's layout names them. */
static const struct sections *S_sections(struct checker *c, size_t i)
{
	struct sections *s = &c->sections[i];
	if (s->done)
		return s;
	s->done = true;
	struct diag_list scratch = {0};
	cmark_node *doc = article_parse(&c->lib->articles[i], &scratch);
	diag_list_clear(&scratch);
	if (doc == NULL)
		return s;
	struct layout_options lo = {.width = 80, .skip_entry = -1};
	struct layout *l = layout_build(doc, &lo);
	s->titles = xcalloc(l->nsections + 1, sizeof *s->titles);
	s->ids = xcalloc(l->nsections + 1, sizeof *s->ids);
	for (size_t k = 0; k < l->nsections; k++) {
		s->ids[s->n] = l->sections[k].id != NULL
				       ? xstrdup(l->sections[k].id)
				       : NULL;
		s->titles[s->n++] = xstrdup(l->sections[k].title);
	}
	layout_free(l);
	cmark_node_free(doc);
	return s;
}

/* The host part of "//host..." at s is not empty. */
static bool S_has_host(const char *s)
{
	if (s[0] != '/' || s[1] != '/')
		return false;
	s += 2;
	size_t n = strcspn(s, "/?#");
	const char *at = memchr(s, '@', n);
	if (at != NULL) {
		n -= (size_t)(at + 1 - s);
		s = at + 1;
	}
	size_t host = 0;
	while (host < n && s[host] != ':')
		host++;
	return host > 0 && s[0] != '.';
}

static void S_check_external(struct checker *c, const struct art *t,
			     cmark_node *n, const char *url, size_t colon)
{
	char *scheme = xstrndup(url, colon);
	for (char *p = scheme; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	char *u = S_show(url);
	const char *rest = url + colon + 1;
	bool web = strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0;
	bool known = web || strcmp(scheme, "mailto") == 0 ||
		     strcmp(scheme, "tel") == 0;
	if (!known) {
		char *sch = S_show(scheme);
		S_diag_at(c, t, n, DIAG_ERROR,
			  "link \"%s\": the kiosk cannot use \"%s:\" links; "
			  "use a web address (https://...), an e-mail address "
			  "(mailto:...) or a phone number (tel:...)",
			  u, sch);
		free(sch);
	}
	else if (strpbrk(url, " \t\r\n\f\v") != NULL)
		S_diag_at(c, t, n, DIAG_ERROR,
			  "link \"%s\" has a space in it; write %%20 "
			  "instead of each space",
			  u);
	else if (web && !S_has_host(rest))
		S_diag_at(c, t, n, DIAG_ERROR,
			  "link \"%s\" has no web site name; write it like "
			  "https://www.example.org/page",
			  u);
	else if (strcmp(scheme, "mailto") == 0 &&
		 (strchr(rest, '@') == NULL || rest[0] == '@'))
		S_diag_at(c, t, n, DIAG_ERROR,
			  "e-mail link \"%s\" has no e-mail address; write it "
			  "like mailto:clinic@example.org",
			  u);
	else if (strcmp(scheme, "tel") == 0 &&
		 (strspn(rest, "+0123456789-.()") != strlen(rest) ||
		  strpbrk(rest, "0123456789") == NULL))
		S_diag_at(c, t, n, DIAG_ERROR,
			  "phone link \"%s\" is not a phone number; write it "
			  "with digits only, like tel:+15551234567",
			  u);
	free(u);
	free(scheme);
}

static void S_check_section(struct checker *c, const struct art *t,
			    cmark_node *n, const char *url, size_t target,
			    const char *frag)
{
	const struct sections *s = S_sections(c, target);
	for (size_t i = 0; i < s->n; i++)
		if (anchor_match_id(s->titles[i], s->ids[i], frag))
			return;
	/* The closest section by key (case and accents aside), named in
	 * its heading's own letters, or by its own id. */
	char *fu = anchor_unescape(frag);
	char *fk = anchor_key(fu, strlen(fu));
	size_t best = SIZE_MAX, best_d = SIZE_MAX;
	bool by_id = false;
	for (size_t i = 0; i < s->n; i++) {
		char *k = anchor_key(s->titles[i], strlen(s->titles[i]));
		size_t d = anchor_distance(fk, k);
		free(k);
		if (d < best_d) {
			best_d = d;
			best = i;
			by_id = false;
		}
		if (s->ids[i] != NULL &&
		    (d = anchor_distance(fu, s->ids[i])) < best_d) {
			best_d = d;
			best = i;
			by_id = true;
		}
	}
	/* Only a near miss is worth a "did you mean": a third of the
	 * letters at most. */
	size_t flen = strlen(fk);
	free(fk);
	free(fu);
	char *hint = xstrdup("");
	if (best != SIZE_MAX && best_d <= (flen / 3 > 2 ? flen / 3 : 2) &&
	    s->titles[best][0] != '\0') {
		char *slug = by_id ? xstrdup(s->ids[best])
				   : anchor_slug(s->titles[best]);
		free(hint);
		hint = xasprintf("did you mean #%s? ", slug);
		free(slug);
	}
	char *list = xstrdup("");
	for (size_t i = 0; i < s->n && i < SHOW_SECTIONS; i++) {
		char *slug = s->ids[i] != NULL ? xstrdup(s->ids[i])
					       : anchor_slug(s->titles[i]);
		char *next = xasprintf("%s%s#%s", list, i > 0 ? ", " : "",
				       slug);
		free(slug);
		free(list);
		list = next;
	}
	char *u = S_show(url), *title = S_show(c->lib->articles[target].title);
	S_diag_at(c, t, n, DIAG_WARNING,
		  "link \"%s\" names a section that \"%s\" does not have "
		  "(the article opens at its top); %sits sections are: %s%s",
		  u, title, hint, s->n > 0 ? list : "(none)",
		  s->n > SHOW_SECTIONS ? ", ..." : "");
	free(u);
	free(title);
	free(list);
	free(hint);
}

/* Checks one link destination written at node n. */
static void S_check_link(struct checker *c, const struct art *t,
			 cmark_node *n, const char *url)
{
	if (url == NULL || S_blank(url)) {
		S_diag_at(c, t, n, DIAG_ERROR,
			  "a link has no address; write it in the brackets, "
			  "for example [Skin care](skin-care.md)");
		return;
	}
	for (size_t i = 0; url[i] && url[i] != '/' && url[i] != '#'; i++)
		if (url[i] == ':') {
			S_check_external(c, t, n, url, i);
			return;
		}
	const char *frag;
	long idx = library_resolve(c->lib, t->a, url, &frag);
	const char *other = idx < 0 ? check_langs_link_into(c->langs, c->lang,
							     t->a->id, url)
				    : NULL;
	if (other != NULL) {
		char *u = S_show(url);
		S_diag_at(c, t, n, DIAG_ERROR,
			  "link \"%s\" leads into the %s/ folder, another "
			  "language; link to this language's article (in "
			  "%s/), so a reader stays in one language",
			  u, other, c->lang);
		free(u);
		return;
	}
	if (idx < 0) {
		char *u = S_show(url);
		bool www = strncasecmp(url, "www.", 4) == 0;
		S_diag_at(c, t, n, DIAG_ERROR,
			  "link \"%s\" does not lead to any article; check the "
			  "file name and folder (they are relative to this "
			  "article's folder)%s%s",
			  u, www ? "; for a web page write https://" : "",
			  www ? u : "");
		free(u);
		return;
	}
	if (frag != NULL && frag[0] != '\0')
		S_check_section(c, t, n, url, (size_t)idx, frag);
}

/* ---- raw HTML ---- */

/* What --check says about raw HTML: each <a href> is checked like any
 * link; <script>, <style> and <template> are reported once per node (the
 * kiosk shows neither them nor what is inside).  Every other tag keeps
 * its meaning or is left out with its text kept (html.h), which needs no
 * message. */
struct html_check {
	struct checker *c;
	const struct art *t;
	cmark_node *n;
	bool warned;
};

static void S_html_element(void *ctx, const char *name, const char *href)
{
	struct html_check *h = ctx;
	if (strcmp(name, "a") == 0 && href != NULL)
		S_check_link(h->c, h->t, h->n, href);
	if (html_is_hidden_tag(name) && !h->warned) {
		h->warned = true;
		S_diag_at(h->c, h->t, h->n, DIAG_WARNING,
			  "raw HTML <%s> is not shown, nor anything inside "
			  "it; remove it",
			  name);
	}
}

static void S_check_html(struct checker *c, const struct art *t, cmark_node *n,
			 bool block)
{
	const char *lit = cmark_node_get_literal(n);
	if (lit == NULL)
		return;
	struct html_check h = {c, t, n, false};
	if (block) {
		html_elements(lit, strlen(lit), S_html_element, &h);
		return;
	}
	struct html_tag tag;
	if (html_tag_read(lit, strlen(lit), &tag) && !tag.closing)
		S_html_element(&h, tag.name, tag.href);
	html_tag_free(&tag);
}

/* ---- web site generators' syntax ---- */

/* Warns once per file about template and attribute syntax (which the
 * kiosk takes out: sitesyntax.h), at the line of the first. */
static void S_check_site_syntax(struct checker *c, const struct art *t)
{
	if (t->text == NULL || t->a->plain)
		return;
	/* The body starts at file line body_line. */
	size_t off = 0;
	for (int l = 1; l < t->body_line && off < t->len; l++) {
		const char *nl = memchr(t->text + off, '\n', t->len - off);
		off = nl != NULL ? (size_t)(nl - t->text) + 1 : t->len;
	}
	struct sitesyntax_found f;
	size_t n;
	char *s = sitesyntax_strip(t->text + off, t->len - off, &n, &f);
	free(s);
	if (f.count == 0)
		return;
	char *first = S_show(f.first);
	char *more = f.count > 1 ? xasprintf(" and %zu more", f.count - 1)
				 : xstrdup("");
	diag_add(c->diags, DIAG_WARNING, t->a->path,
		 S_file_line(t, f.first_line), 0,
		 "template syntax from a web site generator: \"%s\"%s; the "
		 "kiosk leaves it out (a shortcode's inner text stays, a link "
		 "whose address is a template shows as plain text), so check "
		 "that the article still reads well without it",
		 first, more);
	free(first);
	free(more);
}

/* ---- the walk ---- */

static void S_plain_add(struct art *t, const char *s, size_t n)
{
	xgrow(&t->plain, &t->plain_cap, t->plain_len + n + 1, 1);
	memcpy(t->plain + t->plain_len, s, n);
	t->plain_len += n;
	t->plain[t->plain_len] = '\0';
}

static void S_node(struct checker *c, struct art *t, cmark_node *n,
		   cmark_event_type ev)
{
	bool enter = ev == CMARK_EVENT_ENTER;
	const char *lit;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LINK:
		if (enter)
			S_check_link(c, t, n, cmark_node_get_url(n));
		break;
	case CMARK_NODE_IMAGE:
		if (enter) {
			char *alt = S_subtree_text(n);
			if (S_blank(alt)) {
				const char *url = cmark_node_get_url(n);
				char *u = S_show(url != NULL ? url : "");
				S_diag_at(c, t, n, DIAG_WARNING,
					  "picture \"%s\" has no description; "
					  "the kiosk shows only the "
					  "description, so write one in the "
					  "brackets: ![What the picture "
					  "shows](%s)",
					  u, u);
				free(u);
			}
			free(alt);
		}
		break;
	case CMARK_NODE_HTML_BLOCK:
		S_check_html(c, t, n, true);
		break;
	case CMARK_NODE_HTML_INLINE:
		S_check_html(c, t, n, false);
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (lit != NULL)
			S_plain_add(t, lit, strlen(lit));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		S_plain_add(t, " ", 1);
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		if (!enter)
			S_plain_add(t, "\n", 1);
		break;
	default:
		break;
	}
}

/*
 * Marks the glossary entries found in text[from, to) as used.  The matcher
 * takes the longest term ("Induced pluripotent stem cell"), so each match
 * is searched again from its second word on, to find the terms inside it
 * ("Pluripotent", "Stem cell"): those words are in the article too.
 */
static void S_mark_range(struct checker *c, const char *text, size_t from,
			 size_t to, int depth)
{
	struct glossary_match *m = NULL;
	size_t cap = 0;
	size_t k = glossary_match(c->lib->glossary, text + from, to - from, &m,
				  &cap);
	for (size_t i = 0; i < k; i++) {
		c->used[m[i].entry] = true;
		size_t s = from + m[i].start, e = from + m[i].end;
		while (s < e && (isalnum((unsigned char)text[s]) ||
				 (unsigned char)text[s] >= 0x80))
			s++;
		if (s < e && depth < 8)
			S_mark_range(c, text, s, e, depth + 1);
	}
	free(m);
}

static void S_mark_terms(struct checker *c, const struct art *t)
{
	if (t->plain != NULL)
		S_mark_range(c, t->plain, 0, t->plain_len, 0);
}

/* Reads the file and its front matter fences into t. */
static void S_art_open(struct art *t, const struct article *a)
{
	memset(t, 0, sizeof *t);
	t->a = a;
	t->body_line = 1;
	char *cause = NULL;
	if (a->text != NULL) {
		t->text = a->text;
		t->len = a->len;
	} else if (file_read(a->path, ARTICLE_MAX_BYTES, &t->own, &t->len,
			     &cause) == 0) {
		t->text = t->own;
	} else {
		free(cause); /* article_parse reports it */
		return;
	}
	size_t n; /* as article.c reads it; the load said so */
	char *utf8 = cp1252_decode(a->path, t->text, t->len, &n, NULL);
	if (utf8 != NULL) {
		free(t->own);
		t->own = utf8;
		t->text = utf8;
		t->len = n;
	}
	if (!frontmatter_present(t->text, t->len))
		return;
	t->fenced = true;
	struct frontmatter fm;
	struct diag_list scratch = {0};
	size_t body = 0;
	int rc = frontmatter_parse(a->path, t->text, t->len, &fm, &body,
				   &t->body_line, &scratch);
	frontmatter_free(&fm);
	diag_list_clear(&scratch);
	t->has_fm = body > 0;
	t->fm_ok = rc == 0;
}

static void S_check_article(struct checker *c, size_t index)
{
	struct art t;
	S_art_open(&t, &c->lib->articles[index]);
	S_check_front_matter(c, &t);
	S_check_site_syntax(c, &t);
	cmark_node *doc = article_parse_raw_html(t.a, c->diags);
	if (doc != NULL) {
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
			S_node(c, &t, cmark_iter_get_node(it), ev);
		cmark_iter_free(it);
		S_mark_terms(c, &t);
		check_reading_article(
			t.a->path, doc, t.a->plain ? 0 : t.body_line,
			check_reading_formula(t.a->fm.lang, c->o.language),
			c->o.reading_grade, c->diags);
		cmark_node_free(doc);
	}
	free(t.plain);
	free(t.own);
}

static void S_check_glossary(struct checker *c)
{
	const struct glossary *g = c->lib->glossary;
	char *path = xasprintf("%s/glossary.md", c->lib->dir);
	for (size_t i = 0; i < glossary_count(g); i++) {
		if (c->used[i])
			continue;
		const struct glossary_entry *e = glossary_entry_at(g, i);
		char *term = S_show(e->term);
		diag_add(c->diags, DIAG_WARNING, path, e->line, 0,
			 "\"%s\" is not used in any article%s, so patients "
			 "never see it; use it in an article or remove it",
			 term, e->naliases > 0 ? " (nor its other names)" : "");
		free(term);
	}
	free(path);
}

/* ---- config ---- */

/* Reads the config for its messages; returns its content folder (caller
 * frees) or NULL. */
/* Topic folders whose names make the same topic name ("01-skin" and
 * "07-Skin") are one topic on the home screen: say so, since it is rarely
 * meant. */
static void S_check_topics(struct checker *c)
{
	struct seen {
		char *folder, *name;
	} *seen = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < c->lib->narticles; i++) {
		const char *id = c->lib->articles[i].id;
		const char *slash = strchr(id, '/');
		if (slash == NULL)
			continue;
		char *folder = xstrndup(id, (size_t)(slash - id));
		bool known = false;
		for (size_t k = 0; k < n && !known; k++)
			known = strcmp(seen[k].folder, folder) == 0;
		if (known) {
			free(folder);
			continue;
		}
		char *name = article_topic_from_folder(folder);
		for (size_t k = 0; k < n; k++)
			if (strcmp(seen[k].name, name) == 0) {
				char *path = xasprintf("%s/articles/%s",
						       c->lib->dir, folder);
				diag_add(c->diags, DIAG_WARNING, path, 0, 0,
					 "folders \"%s\" and \"%s\" both make "
					 "the topic \"%s\": the kiosk shows "
					 "their articles together under one "
					 "heading (rename a folder to keep "
					 "them apart)",
					 seen[k].folder, folder, name);
				free(path);
				break;
			}
		xgrow(&seen, &cap, n + 1, sizeof *seen);
		seen[n++] = (struct seen){folder, name};
	}
	for (size_t k = 0; k < n; k++) {
		free(seen[k].folder);
		free(seen[k].name);
	}
	free(seen);
}

static char *S_check_config(const char *path, struct diag_list *diags,
			    char **language)
{
	struct config cfg;
	config_defaults(&cfg);
	config_load(&cfg, path, diags);
	config_check(&cfg, path, diags);
	char *dir = xstrdup(cfg.content_dir);
	*language = xstrdup(cfg.language);
	config_free(&cfg);
	return dir;
}

/* ---- entry points ---- */

static struct library *S_check_library(struct checker *pc, const char *dir,
				       struct check_summary *summary);

void check_options_defaults(struct check_options *o)
{
	o->review_months = CHECK_REVIEW_MONTHS;
	o->reading_grade = CHECK_READING_GRADE;
	o->language = NULL;
	o->today = 0;
}

int check_content(const char *dir, const char *config_path,
		  const struct check_options *o, struct diag_list *diags,
		  struct check_summary *summary)
{
	struct checker c = {.diags = diags};
	if (o != NULL)
		c.o = *o;
	else
		check_options_defaults(&c.o);
	memset(summary, 0, sizeof *summary);
	size_t nerr = diag_count(diags, DIAG_ERROR);
	size_t nwarn = diag_count(diags, DIAG_WARNING);

	time_t now = c.o.today != 0 ? c.o.today : time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	c.ty = tm.tm_year + 1900;
	c.tm = tm.tm_mon + 1;
	c.td = tm.tm_mday;

	char *conf_dir = NULL, *conf_lang = NULL;
	if (config_path != NULL)
		conf_dir = S_check_config(config_path, diags, &conf_lang);
	if (c.o.language == NULL)
		c.o.language = conf_lang; /* else "en" */
	if (dir == NULL)
		dir = conf_dir != NULL ? conf_dir : "content";

	/* Each language folder on its own, graded in its language, then
	 * compared. */
	struct langs langs;
	langs_find(&langs, dir, c.o.language, NULL, NULL);
	library_default_language(c.o.language != NULL ? c.o.language : "en");
	struct library *libs[LIBRARY_MAX_LANGS] = {NULL};
	c.langs = &langs;
	for (size_t i = 0; i < langs.n; i++) {
		char *ldir = langs_dir(&langs, i);
		c.lang = langs.code[i];
		struct check_options base = c.o;
		if (langs.folders)
			c.o.language = langs.code[i];
		libs[i] = S_check_library(&c, ldir, summary);
		c.o = base;
		free(ldir);
	}
	if (langs.n > 1)
		check_langs_compare(&langs, libs, diags);
	for (size_t i = 0; i < langs.n; i++)
		library_free(libs[i]);
	langs_free(&langs);
	free(conf_dir);
	free(conf_lang);
	summary->errors = diag_count(diags, DIAG_ERROR) - nerr;
	summary->warnings = diag_count(diags, DIAG_WARNING) - nwarn;
	return summary->errors > 0 ? -1 : 0;
}

/* Checks the content folder (or language folder) dir; returns its
 * library for the comparison across languages (caller frees), or NULL. */
static struct library *S_check_library(struct checker *pc, const char *dir,
				       struct check_summary *summary)
{
	struct checker c = *pc;
	struct diag_list *diags = c.diags;
	c.lib = library_load_whole(dir, diags);
	if (c.lib != NULL) {
		size_t nterms = glossary_count(c.lib->glossary);
		c.used = xcalloc(nterms + 1, sizeof *c.used);
		c.sections = xcalloc(c.lib->narticles + 1, sizeof *c.sections);
		for (size_t i = 0; i < c.lib->narticles; i++)
			S_check_article(&c, i);
		S_check_glossary(&c);
		char *gpath = xasprintf("%s/glossary.md", c.lib->dir);
		check_reading_glossary(gpath, c.lib->glossary,
				       check_reading_formula(NULL,
							     c.o.language),
				       c.o.reading_grade, diags);
		free(gpath);
		S_check_topics(&c);
		summary->articles += c.lib->narticles;
		summary->terms += nterms;
		for (size_t i = 0; i < c.lib->narticles; i++) {
			for (size_t k = 0; k < c.sections[i].n; k++) {
				free(c.sections[i].titles[k]);
				free(c.sections[i].ids[k]);
			}
			free(c.sections[i].titles);
			free(c.sections[i].ids);
		}
		free(c.sections);
		free(c.used);
	}
	return c.lib;
}

/* Sort key: a diag and its place in the list, for a stable order. */
struct order {
	const struct diag *d;
	size_t i;
};

static int S_cmp_order(const void *x, const void *y)
{
	const struct order *a = x, *b = y;
	int k = strcmp(a->d->path, b->d->path);
	if (k != 0)
		return k;
	if (a->d->line != b->d->line)
		return a->d->line < b->d->line ? -1 : 1;
	if (a->d->col != b->d->col)
		return a->d->col < b->d->col ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

int check_report(const struct diag_list *diags, const struct check_summary *s,
		 bool strict, FILE *out)
{
	struct order *ord = xcalloc(diags->n + 1, sizeof *ord);
	for (size_t i = 0; i < diags->n; i++)
		ord[i] = (struct order){&diags->items[i], i};
	if (diags->n > 1)
		qsort(ord, diags->n, sizeof *ord, S_cmp_order);
	for (size_t i = 0; i < diags->n; i++) {
		char *line = diag_format(ord[i].d);
		fprintf(out, "%s\n", line);
		free(line);
	}
	free(ord);
	size_t e = diag_count(diags, DIAG_ERROR);
	size_t w = diag_count(diags, DIAG_WARNING);
	fprintf(out, "%zu %s, %zu %s: %zu %s, %zu %s\n", s->articles,
		S_plural(s->articles, "article", "articles"), s->terms,
		S_plural(s->terms, "term", "terms"), e,
		S_plural(e, "error", "errors"), w,
		S_plural(w, "warning", "warnings"));
	return e > 0 || (strict && w > 0) ? 1 : 0;
}

int check_run(const char *dir, const char *config_path,
	      const struct check_options *o, bool strict, FILE *out)
{
	struct diag_list diags = {0};
	struct check_summary s;
	check_content(dir, config_path, o, &diags, &s);
	int status = check_report(&diags, &s, strict, out);
	diag_list_clear(&diags);
	return status;
}
