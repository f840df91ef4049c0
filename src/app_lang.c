/*
 * app_lang: the session's language (app.h): the languages' libraries,
 * loaded on the first switch to them, and the switch itself.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "log.h"

#define S_NOT_TRANSLATED N_("This article is not available in this " \
			    "language yet.")

/* Loads again the languages loaded besides the one being read. */
void app_reload_others(struct app *a)
{
	for (size_t i = 0; i < a->langs.n; i++) {
		if (a->other[i] == NULL)
			continue;
		struct diag_list d = {0};
		struct library *lib = library_load(a->other[i]->dir,
						   a->other[i], &d);
		log_diags(&d);
		diag_list_clear(&d);
		if (lib != NULL) {
			library_free(a->other[i]);
			a->other[i] = lib;
		}
	}
}

/* Language i's library, loaded when first needed. */
static struct library *lang_library(struct app *a, size_t i)
{
	struct library *lib = a->other[i];
	a->other[i] = NULL;
	if (lib != NULL)
		return lib;
	char *dir = langs_dir(&a->langs, i);
	struct diag_list d = {0};
	lib = library_load(dir, NULL, &d);
	log_diags(&d);
	diag_list_clear(&d);
	if (lib == NULL)
		lib = library_empty(dir);
	free(dir);
	return lib;
}

void app_set_langs(struct app *a, struct langs *l)
{
	langs_free(&a->langs);
	a->langs = *l;
	memset(l, 0, sizeof *l);
	a->lang = a->langs.def;
	i18n_set_language(a->langs.code[a->lang]);
}

void app_set_language(struct app *a, size_t i)
{
	if (i >= a->langs.n || i == a->lang)
		return;
	struct library *lib = lang_library(a, i), *old = a->lib;
	struct reader *rd = &a->art.rd;
	/* Where the reader is: the same article and section, if there. */
	bool reading = a->screen == SCREEN_ARTICLE && reader_is_open(rd);
	long art = reading ? nav_same_article(lib, old, rd->article) : -1;
	size_t sec = reading ? reader_section(rd) : 0;
	size_t nsec = reading && rd->lay != NULL ? rd->lay->nsections : 0;
	art_reset(&a->art);
	app_drop_index(a);
	srch_reset(&a->srch, true);
	words_reset(&a->words);
	home_reload(&a->home);
	help_free(&a->help); /* its rows are in the other language */
	nav_reload(&a->nav, rd, &a->home.lv.sel, lib, old);
	/* Places saved in the other language's text mean nothing here. */
	for (size_t k = 0; k < a->nav.n; k++)
		a->nav.hist[k].block = a->nav.hist[k].block_off = 0;
	a->other[a->lang] = old;
	a->lib = lib;
	a->lang = i;
	i18n_set_language(a->langs.code[i]);
	if (a->screen != SCREEN_ARTICLE)
		return;
	app_size_reader(a);
	struct place at = {.article = art};
	if (art < 0 || nav_open(rd, &at) != 0) {
		a->screen = SCREEN_HOME;
		nav_clear(&a->nav);
		snprintf(a->notice, sizeof a->notice, "%s",
			 _(S_NOT_TRANSLATED));
		return;
	}
	a->home.lv.sel = (size_t)art;
	if (rd->lay != NULL && rd->lay->nsections == nsec && sec > 0)
		reader_jump_section(rd, sec);
}

