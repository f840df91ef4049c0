/*
 * check: see check.h.
 *
 * Data: a checker holds the loaded library and what is learnt across
 * articles: which glossary entries some article uses (used[]) and the
 * link checks' section titles of each article (check_links.h).  Each
 * article is checked by itself with a struct check_art (check_art.h): the
 * file's text, kept to find front matter keys, and the file line of the
 * body's first line, which places each message.
 *
 * The body is walked once, the cmark way: one iterator loop and one
 * switch on the node type (S_node).  Running text is gathered into
 * check_art.plain, one line per block, for the glossary matcher.  The
 * parts with a module of their own: front matter (check_frontmatter.h),
 * links (check_links.h), reading level (check_reading.h) and the
 * comparison of language folders (check_langs.h).
 */
#include "check.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "article.h"
#include "check_art.h"
#include "check_frontmatter.h"
#include "check_langs.h"
#include "check_links.h"
#include "check_reading.h"
#include "config.h"
#include "glossary.h"
#include "html.h"
#include "library.h"
#include "sitesyntax.h"
#include "xmem.h"

struct checker {
	struct check_options o;
	struct library *lib;
	struct diag_list *diags;
	int ty, tm, td;              /* today */
	bool *used;                  /* per glossary entry: used somewhere */
	struct check_links links;    /* per language folder: the link
					checks and their section titles */
	const struct langs *langs;   /* borrowed; the language folders */
	const char *lang;            /* the language being checked */
};

/* ---- small helpers ---- */

static const char *S_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
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

static void S_check_front_matter(struct checker *c, const struct check_art *t)
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

/* ---- raw HTML ---- */

/* What --check says about raw HTML: each <a href> is checked like any
 * link; <script>, <style> and <template> are reported once per node (the
 * kiosk shows neither them nor what is inside).  Every other tag keeps
 * its meaning or is left out with its text kept (html.h), which needs no
 * message. */
struct html_check {
	struct checker *c;
	const struct check_art *t;
	cmark_node *n;
	bool warned;
};

static void S_html_element(void *ctx, const char *name, const char *href)
{
	struct html_check *h = ctx;
	if (strcmp(name, "a") == 0 && href != NULL)
		check_links_url(&h->c->links, h->t, h->n, href);
	if (html_is_hidden_tag(name) && !h->warned) {
		h->warned = true;
		check_art_diag(h->c->diags, h->t, h->n, DIAG_WARNING,
			       "raw HTML <%s> is not shown, nor anything "
			       "inside it; remove it",
			       name);
	}
}

static void S_check_html(struct checker *c, const struct check_art *t, cmark_node *n,
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
static void S_check_site_syntax(struct checker *c, const struct check_art *t)
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
	char *first = check_art_quote(f.first);
	char *more = f.count > 1 ? xasprintf(" and %zu more", f.count - 1)
				 : xstrdup("");
	diag_add(c->diags, DIAG_WARNING, t->a->path,
		 check_art_line(t, f.first_line), 0,
		 "template syntax from a web site generator: \"%s\"%s; the "
		 "kiosk leaves it out (a shortcode's inner text stays, a link "
		 "whose address is a template shows as plain text), so check "
		 "that the article still reads well without it",
		 first, more);
	free(first);
	free(more);
}

/* ---- the walk ---- */

static void S_plain_add(struct check_art *t, const char *s, size_t n)
{
	xgrow(&t->plain, &t->plain_cap, t->plain_len + n + 1, 1);
	memcpy(t->plain + t->plain_len, s, n);
	t->plain_len += n;
	t->plain[t->plain_len] = '\0';
}

static void S_node(struct checker *c, struct check_art *t, cmark_node *n,
		   cmark_event_type ev)
{
	bool enter = ev == CMARK_EVENT_ENTER;
	const char *lit;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LINK:
		if (enter)
			check_links_url(&c->links, t, n,
					cmark_node_get_url(n));
		break;
	case CMARK_NODE_IMAGE:
		if (enter) {
			char *alt = S_subtree_text(n);
			if (S_blank(alt)) {
				const char *url = cmark_node_get_url(n);
				char *u = check_art_quote(url != NULL ? url
									 : "");
				check_art_diag(c->diags, t, n, DIAG_WARNING,
					       "picture \"%s\" has no "
					       "description; the kiosk shows "
					       "only the description, so "
					       "write one in the brackets: "
					       "![What the picture shows](%s)",
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

static void S_mark_terms(struct checker *c, const struct check_art *t)
{
	if (t->plain != NULL)
		S_mark_range(c, t->plain, 0, t->plain_len, 0);
}

static void S_check_article(struct checker *c, size_t index)
{
	struct check_art t;
	check_art_open(&t, &c->lib->articles[index]);
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
	check_art_close(&t);
}

static void S_check_glossary(struct checker *c)
{
	const struct glossary *g = c->lib->glossary;
	char *path = xasprintf("%s/glossary.md", c->lib->dir);
	for (size_t i = 0; i < glossary_count(g); i++) {
		if (c->used[i])
			continue;
		const struct glossary_entry *e = glossary_entry_at(g, i);
		char *term = check_art_quote(e->term);
		diag_add(c->diags, DIAG_WARNING, path, e->line, 0,
			 "\"%s\" is not used in any article%s, so patients "
			 "never see it; use it in an article or remove it",
			 term, e->naliases > 0 ? " (nor its other names)" : "");
		free(term);
	}
	free(path);
}

/* ---- topics ---- */

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

/* ---- config ---- */

/* Reads the config for its messages; returns its content folder (caller
 * frees) or NULL. */
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
		check_links_init(&c.links, c.lib, c.langs, c.lang, diags);
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
		check_links_free(&c.links);
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
