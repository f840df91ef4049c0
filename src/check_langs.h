/*
 * check_langs: kiosk --check across the language folders of a content
 * folder (langs.h): what one language has and another lacks, and links
 * that lead from one language's folder into another's.
 */
#ifndef KIOSK_CHECK_LANGS_H
#define KIOSK_CHECK_LANGS_H

#include <stddef.h>

#include "diag.h"
#include "langs.h"
#include "library.h"

/*
 * The language folder a link leads into, when it is not the article's
 * own: url (relative, as written in the article whose id is id, in the
 * folder of language lang) is followed up from articles/ and into
 * another language's folder ("../../../tr/articles/x.md").  Returns that
 * language's code (in l), or NULL.
 */
const char *check_langs_link_into(const struct langs *l, const char *lang,
				  const char *id, const char *url);

/*
 * Warnings for what one language has and another lacks: an article
 * (translations share their path below articles/) or a glossary term (a
 * term is found in another language's glossary by its name or one of
 * its aliases: a translated entry lists the original term in "Also:").
 * libs[i] is language i of l, or NULL when it could not be loaded.
 */
void check_langs_compare(const struct langs *l, struct library *const *libs,
			 struct diag_list *diags);

#endif
