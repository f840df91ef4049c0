/* langs: see langs.h. */
#include "langs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

long langs_index(const struct langs *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->code[i], code) == 0)
			return (long)i;
	return -1;
}

/* Moves found[k] to the end of l's list (once). */
static void take(struct langs *l, char (*found)[LIBRARY_LANG_MAX],
		 bool *used, size_t k)
{
	if (used[k])
		return;
	used[k] = true;
	memcpy(l->code[l->n++], found[k], LIBRARY_LANG_MAX);
}

void langs_find(struct langs *l, const char *root, const char *def,
		const char *order, struct diag_list *diags)
{
	memset(l, 0, sizeof *l);
	l->root = xstrdup(root);
	if (def == NULL || def[0] == '\0')
		def = "en";
	char found[LIBRARY_MAX_LANGS][LIBRARY_LANG_MAX];
	size_t nf = library_languages(root, found, LIBRARY_MAX_LANGS, diags);
	if (nf == 0) {
		l->n = 1;
		snprintf(l->code[0], sizeof l->code[0], "%s", def);
		return;
	}
	l->folders = true;
	bool used[LIBRARY_MAX_LANGS] = {false};
	/* The order kiosk.conf gives, else the default first. */
	const char *p = order != NULL ? order : "";
	while (*p != '\0') {
		p += strspn(p, " \t,");
		size_t len = strcspn(p, " \t,");
		if (len == 0)
			break;
		bool hit = false;
		for (size_t k = 0; k < nf; k++) {
			if (strlen(found[k]) == len &&
			    strncmp(found[k], p, len) == 0) {
				take(l, found, used, k);
				hit = true;
			}
		}
		if (!hit)
			diag_add(diags, DIAG_WARNING, root, 0, 0,
				 "\"languages\" names %.*s, but there is no "
				 "folder %.*s/ with articles in the content "
				 "folder", (int)len, p, (int)len, p);
		p += len;
	}
	if (l->n == 0)
		for (size_t k = 0; k < nf; k++)
			if (strcmp(found[k], def) == 0)
				take(l, found, used, k);
	for (size_t k = 0; k < nf; k++)
		take(l, found, used, k);
	long d = langs_index(l, def);
	if (d < 0)
		diag_add(diags, DIAG_WARNING, root, 0, 0,
			 "the default language \"%s\" has no folder %s/ in "
			 "the content folder; sessions start in \"%s\"",
			 def, def, l->code[0]);
	l->def = d >= 0 ? (size_t)d : 0;
}

void langs_free(struct langs *l)
{
	free(l->root);
	memset(l, 0, sizeof *l);
}

char *langs_dir(const struct langs *l, size_t i)
{
	if (!l->folders || i >= l->n)
		return xstrdup(l->root);
	return xasprintf("%s/%s", l->root, l->code[i]);
}
