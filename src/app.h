/*
 * app: the program state and the one loop.
 *
 * The loop paints the current screen, waits for a key, a content change
 * or a timer, maps a key to an action with the key table and gives it to
 * the current screen, which returns an outcome (outcome.h); app.c applies
 * the outcome's request through nav.h.  Data flows one way: library ->
 * reader model -> screens -> this loop; no screen includes this header.
 *
 * The state: the library, the screens' states (each screen owns its own
 * and has a reset hook), the history (nav.h), the take-home overlay, the
 * waiting-room and SSH limits (waitroom.h) and the live reload.
 *
 * Languages (langs.h): the session reads one language's library, a->lib;
 * the others are loaded on the first switch to them and kept (a reload
 * loads every one that is loaded again).  A switch changes the library,
 * the glossary, the search index and the interface's messages
 * (i18n_set_language); an app_reset goes back to the default language.
 */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "langs.h"
#include "library.h"
#include "nav.h"
#include "outcome.h"
#include "screen_article.h"
#include "screen_glossary.h"
#include "screen_help.h"
#include "screen_home.h"
#include "screen_search.h"
#include "screen_takehome.h"
#include "waitroom.h"

struct search_index;
struct watch;

struct app {
	const struct config *cfg;
	struct library *lib;   /* owned; the language being read */
	struct langs langs;    /* the languages offered (app_set_langs) */
	size_t lang;           /* index in langs of lib's language */
	struct library *other[LIBRARY_MAX_LANGS]; /* owned; the other
				  languages' libraries once loaded, by
				  index in langs; NULL at lang */
	bool quit;
	enum screen_id screen; /* the screen shown */
	struct nav nav;        /* views to go back to */
	char notice[160];      /* a short message shown once, or "" */

	/* The screens' own states. */
	struct home_state home;
	struct art_state art;
	struct help_state help;
	struct srch_state srch;
	struct words_state words;
	struct take_state take;

	struct search_index *index; /* owned; built on the first search */
	struct waitroom wr;    /* waiting room and remote session limits */

	/* Live reload of the content folder. */
	struct watch *watch;   /* owned; NULL when inotify is unavailable */
	double reload_at;      /* when to reload (debounced), or 0 */
	double root_check_at;  /* when to look for a deleted folder again */
};

/* Takes ownership of lib.  cfg must outlive the app.  Call after
 * draw_set_glyphs and hyperlink_enable: the one ASCII flag is the glyph
 * set (draw_ascii), and text is laid out for both. */
void app_init(struct app *a, const struct config *cfg, struct library *lib);
void app_free(struct app *a);

/* The languages offered (the app takes l's contents; l is left empty).
 * lib (app_init's) must be the default language's. */
void app_set_langs(struct app *a, struct langs *l);

/* Switches the session to language i of a->langs: the reader stays on
 * the same article, at the same section when both have as many sections,
 * else at its top; on the home screen the same article stays selected. */
void app_set_language(struct app *a, size_t i);

/* Runs until the user quits or the terminal goes away; returns the exit
 * status. */
int app_run(struct app *a);

/* Forgets the session: history, open article and pane, positions, the
 * selection; back to a fresh home screen. */
void app_reset(struct app *a);

/* Loads the content folder again and moves the session over to it: the
 * reader stays in the same section when the article still exists, else
 * goes home with a notice.  Files that fail keep their last good version
 * (library_load's prev). */
void app_reload(struct app *a);

/* Between app.c and app_lang.c: the search index is dropped (it names
 * one library); the reader sized for the screen; the languages loaded
 * besides a->lib loaded again (a reload). */
void app_drop_index(struct app *a);
void app_size_reader(struct app *a);
void app_reload_others(struct app *a);

/* Seconds of quiet after the last change before reloading. */
#define APP_RELOAD_DELAY 0.3

/* Monotonic clock in seconds. */
double app_now(void);

#endif
