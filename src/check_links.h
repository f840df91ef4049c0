/*
 * check_links: the link part of `kiosk --check` (check.h).  Each link
 * destination, written in Markdown or as the href of a raw HTML <a>:
 *
 *   - no address at all (error);
 *   - a web, e-mail or phone link the kiosk cannot use: another scheme,
 *     a space, no web site name, no e-mail address, not a phone number
 *     (errors);
 *   - a link into another language's folder (error: check_langs.h);
 *   - a link to an article that does not exist (error);
 *   - a link to a section the article does not have (warning, with the
 *     closest section as a "did you mean" and the first few sections).
 *     Sections match as the kiosk matches them (anchor.h): letters and
 *     digits, any case, or a heading's own id.
 */
#ifndef KIOSK_CHECK_LINKS_H
#define KIOSK_CHECK_LINKS_H

#include <cmark-gfm.h>

#include "check_art.h"
#include "diag.h"
#include "langs.h"
#include "library.h"

struct check_links_sections;

/* The link checks of one content (or language) folder. */
struct check_links {
	const struct library *lib;   /* borrowed; links resolve in it */
	const struct langs *langs;   /* borrowed; the language folders */
	const char *lang;            /* borrowed; the language checked */
	struct diag_list *diags;     /* borrowed; messages go here */
	struct check_links_sections *sections; /* owned; per article, its
						   section titles, read when a
						   link first names one */
};

/* Sets k up for the articles of lib; free with check_links_free. */
void check_links_init(struct check_links *k, const struct library *lib,
		      const struct langs *langs, const char *lang,
		      struct diag_list *diags);

/* Frees what k owns (not the borrowed library, folders or diags). */
void check_links_free(struct check_links *k);

/* Checks one link destination url (NULL: none) written at node n of the
 * article t; messages at n. */
void check_links_url(struct check_links *k, const struct check_art *t,
		     cmark_node *n, const char *url);

#endif
