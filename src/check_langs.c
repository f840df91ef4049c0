/* check_langs: see check_langs.h. */
#include "check_langs.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"
#include "xmem.h"

const char *check_langs_link_into(const struct langs *l, const char *lang,
				  const char *id, const char *url)
{
	if (l == NULL || !l->folders)
		return NULL;
	/* Folders from the content folder down to the article's:
	 * lang/articles/<id's folders>. */
	size_t depth = 2;
	for (const char *p = id; *p; p++)
		depth += *p == '/';
	const char *u = url;
	while (u[0] == '.' && u[1] == '/')
		u += 2;
	size_t up = 0;
	while (strncmp(u, "../", 3) == 0) {
		up++;
		u += 3;
		while (u[0] == '.' && u[1] == '/')
			u += 2;
	}
	if (up < depth)
		return NULL; /* stays below this language's folder */
	if (up > depth)
		return NULL; /* out of the content folder: not found anyway */
	size_t n = strcspn(u, "/#");
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->code[i]) == n && strncmp(u, l->code[i], n) == 0 &&
		    strcmp(l->code[i], lang) != 0)
			return l->code[i];
	return NULL;
}

/* Whether name is in glossary g.  From a language with English case
 * rules, I is looked up as i (a Turkish glossary would read it as ı). */
static bool lookup(const struct glossary *g, const char *name, bool tr)
{
	if (glossary_lookup(g, name) >= 0)
		return true; /* "IND" in both */
	if (tr || strchr(name, 'I') == NULL)
		return false;
	char *low = xstrdup(name);
	for (char *p = low; *p; p++)
		if (*p == 'I')
			*p = 'i';
	bool found = glossary_lookup(g, low) >= 0;
	free(low);
	return found;
}

/* Whether glossary g has entry e (of a glossary in language lang) under
 * its name or one of its aliases. */
static bool has_term(const struct glossary *g, const struct glossary_entry *e,
		     const char *lang)
{
	bool tr = strcmp(lang, "tr") == 0 || strcmp(lang, "az") == 0;
	if (lookup(g, e->term, tr))
		return true;
	for (size_t k = 0; k < e->naliases; k++)
		if (lookup(g, e->aliases[k], tr))
			return true;
	return false;
}

void check_langs_compare(const struct langs *l, struct library *const *libs,
			 struct diag_list *diags)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct library *a = libs[i];
		if (a == NULL)
			continue;
		for (size_t j = 0; j < l->n; j++) {
			const struct library *b = libs[j];
			if (j == i || b == NULL)
				continue;
			for (size_t k = 0; k < a->narticles; k++) {
				const struct article *art = &a->articles[k];
				if (library_find(b, art->id) != NULL)
					continue;
				char *path = xasprintf("%s/articles/%s",
						       a->dir, art->id);
				diag_add(diags, DIAG_WARNING, path, 0, 0,
					 "this article has no translation in "
					 "%s/ (%s/articles/%s is missing)",
					 l->code[j], l->code[j], art->id);
				free(path);
			}
			size_t nt = glossary_count(a->glossary);
			if (glossary_count(b->glossary) == 0)
				continue; /* no glossary: reported already */
			char *path = xasprintf("%s/glossary.md", a->dir);
			for (size_t k = 0; k < nt; k++) {
				const struct glossary_entry *e =
					glossary_entry_at(a->glossary, k);
				if (has_term(b->glossary, e, a->lang))
					continue;
				diag_add(diags, DIAG_WARNING, path, e->line, 0,
					 "\"%s\" is not in %s/glossary.md; "
					 "translate it there, with this term "
					 "in its \"Also:\" line",
					 e->term, l->code[j]);
			}
			free(path);
		}
	}
}
