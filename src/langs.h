/*
 * langs: the languages a kiosk offers, from its content folder and
 * kiosk.conf (curses-free).
 *
 * A content folder with language folders (content/en/, content/tr/:
 * library_languages) offers each of them; one without offers its own
 * content in kiosk.conf's "language".  The default language (kiosk.conf
 * "language") is where every session starts and where the waiting room's
 * idle reset and a new SSH session return to; when it has no folder, the
 * first language is.  Order on the home screen: kiosk.conf "languages"
 * ("en, tr") when set (codes it does not name follow, by code), else the
 * default first and the others by code.
 */
#ifndef KIOSK_LANGS_H
#define KIOSK_LANGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "library.h"

struct langs {
	char *root;     /* owned; the content folder */
	bool folders;   /* one folder per language */
	size_t n;       /* languages offered, 1 or more */
	char code[LIBRARY_MAX_LANGS][LIBRARY_LANG_MAX]; /* in order shown */
	size_t def;     /* index of the default language */
};

/* Finds the languages of the content folder root.  def: kiosk.conf
 * "language" ("en" when NULL); order: kiosk.conf "languages" ("" or
 * NULL: none).  Problems (a language in order without a folder, a default
 * without one) are warnings in diags (may be NULL).  Free with
 * langs_free. */
void langs_find(struct langs *l, const char *root, const char *def,
		const char *order, struct diag_list *diags);
void langs_free(struct langs *l);

/* The content folder of language i: root/code with language folders,
 * else root.  Caller frees. */
char *langs_dir(const struct langs *l, size_t i);

/* Index of the language whose code is code, or -1. */
long langs_index(const struct langs *l, const char *code);

#endif
