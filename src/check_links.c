/*
 * check_links: see check_links.h.
 *
 * Data: the section titles of each article, as the kiosk's layout makes
 * them (layout_build at 80 columns), with each heading's own id; read for
 * an article the first time a link names one of its sections, kept until
 * check_links_free.
 */
#include "check_links.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "anchor.h"
#include "article.h"
#include "check_langs.h"
#include "layout.h"
#include "url.h"
#include "xmem.h"

/* Section names listed when a link names a section that is not there. */
#define SHOW_SECTIONS 6

/* Section titles of one article, as the kiosk's layout makes them. */
struct check_links_sections {
	bool done;     /* titles were read */
	char **titles; /* owned array of n owned strings */
	char **ids;    /* owned array of n: each heading's own id or NULL */
	size_t n;
};

void check_links_init(struct check_links *k, const struct library *lib,
		      const struct langs *langs, const char *lang,
		      struct diag_list *diags)
{
	*k = (struct check_links){
		.lib = lib,
		.langs = langs,
		.lang = lang,
		.diags = diags,
		.sections = xcalloc(lib->narticles + 1, sizeof *k->sections),
	};
}

void check_links_free(struct check_links *k)
{
	if (k->sections == NULL)
		return;
	for (size_t i = 0; i < k->lib->narticles; i++) {
		for (size_t j = 0; j < k->sections[i].n; j++) {
			free(k->sections[i].titles[j]);
			free(k->sections[i].ids[j]);
		}
		free(k->sections[i].titles);
		free(k->sections[i].ids);
	}
	free(k->sections);
	k->sections = NULL;
}

static bool S_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* The section titles of article i, as the kiosk's layout names them. */
static const struct check_links_sections *S_sections(struct check_links *c,
						     size_t i)
{
	struct check_links_sections *s = &c->sections[i];
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
	size_t n;
	const char *h = url_host(s + 2, &n);
	return n > 0 && h[0] != '.';
}

static void S_check_external(struct check_links *c,
			     const struct check_art *t, cmark_node *n,
			     const char *url, size_t colon)
{
	char *scheme = xstrndup(url, colon);
	for (char *p = scheme; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	char *u = check_art_quote(url);
	const char *rest = url + colon + 1;
	bool web = strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0;
	bool known = web || strcmp(scheme, "mailto") == 0 ||
		     strcmp(scheme, "tel") == 0;
	if (!known) {
		char *sch = check_art_quote(scheme);
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "link \"%s\": the kiosk cannot use \"%s:\" "
			       "links; use a web address (https://...), an "
			       "e-mail address (mailto:...) or a phone number "
			       "(tel:...)",
			       u, sch);
		free(sch);
	}
	else if (strpbrk(url, " \t\r\n\f\v") != NULL)
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "link \"%s\" has a space in it; write %%20 "
			       "instead of each space",
			       u);
	else if (web && !S_has_host(rest))
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "link \"%s\" has no web site name; write it "
			       "like https://www.example.org/page",
			       u);
	else if (strcmp(scheme, "mailto") == 0 &&
		 (strchr(rest, '@') == NULL || rest[0] == '@'))
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "e-mail link \"%s\" has no e-mail address; "
			       "write it like mailto:clinic@example.org",
			       u);
	else if (strcmp(scheme, "tel") == 0 &&
		 (strspn(rest, "+0123456789-.()") != strlen(rest) ||
		  strpbrk(rest, "0123456789") == NULL))
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "phone link \"%s\" is not a phone number; "
			       "write it with digits only, like "
			       "tel:+15551234567",
			       u);
	free(u);
	free(scheme);
}

static void S_check_section(struct check_links *c,
			    const struct check_art *t, cmark_node *n,
			    const char *url, size_t target, const char *frag)
{
	const struct check_links_sections *s = S_sections(c, target);
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
	char *u = check_art_quote(url);
	char *title = check_art_quote(c->lib->articles[target].title);
	check_art_diag(c->diags, t, n, DIAG_WARNING,
		       "link \"%s\" names a section that \"%s\" does not "
		       "have (the article opens at its top); %sits "
		       "sections are: %s%s",
		       u, title, hint, s->n > 0 ? list : "(none)",
		       s->n > SHOW_SECTIONS ? ", ..." : "");
	free(u);
	free(title);
	free(list);
	free(hint);
}

void check_links_url(struct check_links *c, const struct check_art *t,
		     cmark_node *n, const char *url)
{
	if (url == NULL || S_blank(url)) {
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "a link has no address; write it in the "
			       "brackets, for example [Skin "
			       "care](skin-care.md)");
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
		char *u = check_art_quote(url);
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "link \"%s\" leads into the %s/ folder, another "
			       "language; link to this language's article (in "
			       "%s/), so a reader stays in one language",
			       u, other, c->lang);
		free(u);
		return;
	}
	if (idx < 0) {
		char *u = check_art_quote(url);
		bool www = strncasecmp(url, "www.", 4) == 0;
		check_art_diag(c->diags, t, n, DIAG_ERROR,
			       "link \"%s\" does not lead to any article; "
			       "check the file name and folder (they are "
			       "relative to this article's folder)%s%s",
			       u, www ? "; for a web page write https://" : "",
			       www ? u : "");
		free(u);
		return;
	}
	if (frag != NULL && frag[0] != '\0')
		S_check_section(c, t, n, url, (size_t)idx, frag);
}
