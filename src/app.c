/*
 * app: see app.h.  The loop: paint the current screen, wait for one key
 * (blocking: no timers, no busy loop), map it to an action with the key
 * table, hand it to the current screen and apply the outcome it returns.
 */
#include "app.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "draw.h"
#include "glossary.h"
#include "hyperlink.h"
#include "i18n.h"
#include "input.h"
#include "keys.h"
#include "log.h"
#include "screen_lobby.h"
#include "search.h"
#include "session.h"
#include "term.h"
#include "ui.h"
#include "watch.h"
#include "xmem.h"

/* The words a person reads from the loop itself. */
#define S_UNAVAILABLE N_("That article is not available right now.")
#define S_REMOVED N_("The article you were reading has been removed.")
#define S_NO_ADDRESS N_("There is no web address to take home here.")

double app_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the screens ---- */

/*
 * What paints each screen, takes its keys, clicks and typed text, and
 * gets it ready before a paint or a key.  Each screen's functions take
 * its own state; the wrappers below give them one shape for this table.
 * The wheel moves a list like Up and Down, except on screens that scroll
 * by their own rules (own_wheel).
 */
struct screen {
	size_t state;  /* offset of the screen's state in struct app */
	void (*prepare)(void *s, const struct ui *u);
	void (*draw)(const void *s, const struct ui *u);
	struct outcome (*key)(void *s, const struct ui *u, enum action act);
	struct outcome (*mouse)(void *s, const struct ui *u, const MEVENT *ev);
	bool (*text)(void *s, wint_t ch, bool keycode); /* NULL: no field */
	int context;   /* CTX_* for the key table */
	bool own_wheel;
};

#define WRAP(pfx, type)                                                      \
	static void pfx##_prepare_(void *s, const struct ui *u)              \
	{                                                                    \
		pfx##_prepare((type *)s, u);                                 \
	}                                                                    \
	static void pfx##_draw_(const void *s, const struct ui *u)           \
	{                                                                    \
		pfx##_draw((const type *)s, u);                              \
	}                                                                    \
	static struct outcome pfx##_key_(void *s, const struct ui *u,        \
					 enum action act)                    \
	{                                                                    \
		return pfx##_key((type *)s, u, act);                         \
	}
#define WRAP_MOUSE(pfx, type)                                                \
	static struct outcome pfx##_mouse_(void *s, const struct ui *u,      \
					   const MEVENT *ev)                 \
	{                                                                    \
		return pfx##_mouse((type *)s, u, ev);                        \
	}
#define WRAP_TEXT(pfx, type)                                                 \
	static bool pfx##_char_(void *s, wint_t ch, bool keycode)            \
	{                                                                    \
		return pfx##_char((type *)s, ch, keycode);                   \
	}

WRAP(home, struct home_state)
WRAP_MOUSE(home, struct home_state)
WRAP(art, struct art_state)
WRAP_MOUSE(art, struct art_state)
WRAP(help, struct help_state)
WRAP(srch, struct srch_state)
WRAP_MOUSE(srch, struct srch_state)
WRAP_TEXT(srch, struct srch_state)
WRAP(words, struct words_state)
WRAP_MOUSE(words, struct words_state)
WRAP_TEXT(words, struct words_state)

static const struct screen screens[SCREEN_COUNT] = {
	[SCREEN_HOME] = {offsetof(struct app, home), home_prepare_, home_draw_,
			 home_key_, home_mouse_, NULL, CTX_HOME, false},
	[SCREEN_ARTICLE] = {offsetof(struct app, art), art_prepare_, art_draw_,
			    art_key_, art_mouse_, NULL, CTX_ARTICLE, true},
	[SCREEN_HELP] = {offsetof(struct app, help), help_prepare_, help_draw_,
			 help_key_, NULL, NULL, CTX_HELP, false},
	[SCREEN_SEARCH] = {offsetof(struct app, srch), srch_prepare_,
			   srch_draw_, srch_key_, srch_mouse_, srch_char_,
			   CTX_SEARCH, false},
	[SCREEN_WORDS] = {offsetof(struct app, words), words_prepare_,
			  words_draw_, words_key_, words_mouse_, words_char_,
			  CTX_GLOSSARY, false},
};

static void *state_of(struct app *a, enum screen_id id)
{
	return (char *)a + screens[id].state;
}

/* ---- state ---- */

void app_init(struct app *a, const struct config *cfg, struct library *lib)
{
	memset(a, 0, sizeof *a);
	a->cfg = cfg;
	a->lib = lib;
	a->langs.root = xstrdup(lib->dir);
	a->langs.n = 1;
	memcpy(a->langs.code[0], lib->lang, sizeof a->langs.code[0]);
	a->screen = SCREEN_HOME;
	struct reader_opts o = {.ascii = draw_ascii(),
				.show_urls = !hyperlink_enabled(),
				.ascii_bullets = draw_glyphs() != GLYPHS_UNICODE,
				.measure = cfg->measure};
	art_init(&a->art, lib, o);
	home_reset(&a->home);
	srch_reset(&a->srch, false);
	words_reset(&a->words);
	struct waitroom_cfg w = {.locked = cfg->mode == MODE_WAITING_ROOM,
				 .remote = session_is_remote(),
				 .idle_timeout = cfg->idle_timeout,
				 .attract_timeout = cfg->attract_timeout,
				 .session_idle = cfg->session_idle,
				 .session_max = cfg->session_max,
				 .pin_hash = cfg->pin_hash};
	waitroom_init(&a->wr, &w, app_now());
}

/* Watches the content folder: after the first frame, as setting up a
 * watch per folder reads every folder again (10 ms at 10,000 articles). */
static void start_watch(struct app *a)
{
	a->watch = watch_open(a->langs.root);
	if (watch_root_missing(a->watch))
		a->root_check_at = app_now() + 2; /* look for it again */
}

void app_drop_index(struct app *a)
{
	search_free(a->index);
	a->index = NULL;
}

void app_reset(struct app *a)
{
	term_resume_output(); /* Scroll Lock cannot keep the last patient's page */
	art_reset(&a->art);
	nav_clear(&a->nav);
	a->screen = SCREEN_HOME;
	home_reset(&a->home);
	help_reset(&a->help);
	a->notice[0] = '\0';
	waitroom_close_pin(&a->wr);
	srch_reset(&a->srch, false);
	words_reset(&a->words);
	app_drop_index(a);
	take_close(&a->take);
	app_set_language(a, a->langs.def);
}

/* Nothing to forget: a fresh home screen. */
static bool pristine(const struct app *a)
{
	return a->screen == SCREEN_HOME && a->nav.n == 0 &&
	       a->home.lv.sel == 0 && a->home.lv.top == 0 &&
	       !reader_is_open(&a->art.rd) && !a->wr.pin_open &&
	       a->lang == a->langs.def && a->home.lang_focus < 0;
}

void app_free(struct app *a)
{
	art_free(&a->art);
	srch_free(&a->srch);
	words_free(&a->words);
	help_free(&a->help);
	home_free(&a->home);
	take_close(&a->take);
	app_drop_index(a);
	library_free(a->lib);
	for (size_t i = 0; i < LIBRARY_MAX_LANGS; i++)
		library_free(a->other[i]);
	langs_free(&a->langs);
	watch_close(a->watch);
	nav_free(&a->nav);
	memset(a, 0, sizeof *a);
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

/* What the screens are given; status is the key bar's message (the
 * countdown before an idle reset, else a notice), kept in buf. */
static struct ui ui_of(const struct app *a, char *buf, size_t size)
{
	struct ui u = {.lib = a->lib,
		       .title = a->cfg->title,
		       .locked = a->wr.cfg.locked,
		       .rows = LINES,
		       .cols = COLS,
		       .index = a->index,
		       .langs = &a->langs,
		       .lang = a->lang};
	int left = waitroom_countdown(&a->wr, app_now(), pristine(a));
	if (left > 0) {
		lobby_countdown(buf, size, left);
		u.status = buf;
	} else if (a->notice[0] != '\0') {
		u.status = a->notice;
	}
	return u;
}

/* The search index, for the screens that need it (the words list's
 * "Appears in" places come from it too). */
static bool need_index(struct app *a)
{
	if (a->index != NULL ||
	    (a->screen != SCREEN_SEARCH && a->screen != SCREEN_WORDS))
		return false;
	a->index = search_build(a->lib);
	return true;
}

/* The current screen made ready for a paint or a key. */
static void prepare(struct app *a)
{
	if (a->screen == SCREEN_SEARCH && a->srch.query[0] != '\0')
		need_index(a);
	char buf[96];
	struct ui u = ui_of(a, buf, sizeof buf);
	screens[a->screen].prepare(state_of(a, a->screen), &u);
}

/* ---- navigation: applying outcomes ---- */

static struct view current_view(const struct app *a)
{
	struct view v = {.screen = a->screen, .article = a->art.rd.article,
			 .home_sel = a->home.lv.sel};
	if (a->screen == SCREEN_ARTICLE)
		reader_position(&a->art.rd, &v.block, &v.block_off);
	return v;
}

void app_size_reader(struct app *a)
{
	char buf[96];
	struct ui u = ui_of(a, buf, sizeof buf);
	art_prepare(&a->art, &u);
}

static void enter(struct app *a, enum screen_id s)
{
	a->screen = s;
	if (s == SCREEN_HELP)
		help_reset(&a->help);
	else if (s == SCREEN_SEARCH)
		srch_enter(&a->srch);
	else if (s == SCREEN_WORDS)
		words_enter(&a->words);
}

static void push(struct app *a, enum screen_id s)
{
	nav_push(&a->nav, current_view(a));
	enter(a, s);
}

static void back(struct app *a)
{
	struct view v;
	if (!nav_pop(&a->nav, &v)) {
		if (a->screen != SCREEN_HOME)
			art_reset(&a->art);
		a->screen = SCREEN_HOME;
		return;
	}
	if (v.screen == SCREEN_ARTICLE) {
		const struct reader *rd = &a->art.rd;
		bool loaded = rd->article == v.article && reader_is_open(rd);
		if (!loaded) {
			app_size_reader(a);
			struct place at = {.article = v.article, .has_pos = true,
					   .block = v.block,
					   .block_off = v.block_off};
			if (nav_open(&a->art.rd, &at) != 0) {
				a->screen = SCREEN_HOME;
				snprintf(a->notice, sizeof a->notice, "%s",
					 _(S_UNAVAILABLE));
				return;
			}
		}
	} else {
		art_reset(&a->art);
		if (v.screen == SCREEN_HOME)
			a->home.lv.sel = v.home_sel;
	}
	a->screen = v.screen;
}

static void open_place(struct app *a, const struct place *at)
{
	if (at->article < 0 || (size_t)at->article >= a->lib->narticles)
		return;
	nav_push(&a->nav, current_view(a));
	app_size_reader(a);
	if (nav_open(&a->art.rd, at) != 0) {
		struct view v;
		nav_pop(&a->nav, &v);
		snprintf(a->notice, sizeof a->notice, "%s", _(S_UNAVAILABLE));
		if (a->screen == SCREEN_ARTICLE)
			a->screen = SCREEN_HOME;
		return;
	}
	a->screen = SCREEN_ARTICLE;
}

/* Applies what a screen asked for. */
static void apply(struct app *a, const struct outcome *o)
{
	if (o->notice != NULL)
		snprintf(a->notice, sizeof a->notice, "%s", o->notice);
	switch (o->req) {
	case REQ_NONE:
		break;
	case REQ_OPEN:
		open_place(a, &o->at);
		break;
	case REQ_BACK:
		back(a);
		break;
	case REQ_PUSH:
		push(a, o->screen);
		break;
	case REQ_QUIT:
		a->quit = true;
		break;
	case REQ_LANGUAGE:
		app_set_language(a, o->lang);
		break;
	}
}

/* Keys that work the same on every screen: true when act was one. */
static bool global_action(struct app *a, enum action act, struct outcome *o)
{
	switch (act) {
	case ACT_QUIT:
		*o = outcome_request(REQ_QUIT);
		return true;
	case ACT_SEARCH:
		*o = a->screen == SCREEN_SEARCH ? outcome_repaint()
						: outcome_push(SCREEN_SEARCH);
		return true;
	case ACT_GLOSSARY:
		*o = a->screen == SCREEN_WORDS ? outcome_repaint()
					       : outcome_push(SCREEN_WORDS);
		return true;
	case ACT_TAKE_HOME: {
		const char *url = NULL;
		if (a->screen == SCREEN_ARTICLE)
			url = reader_take_home_url(&a->art.rd);
		else if (a->screen == SCREEN_HOME && a->lib->narticles > 0)
			url = a->lib->articles[a->home.lv.sel].fm.url;
		if (url == NULL || url[0] == '\0') {
			*o = outcome_notice(_(S_NO_ADDRESS));
		} else {
			take_open(&a->take, url);
			*o = outcome_repaint();
		}
		return true;
	}
	case ACT_LANGUAGE:
		if (a->langs.n < 2 || (a->screen != SCREEN_HOME &&
				       a->screen != SCREEN_ARTICLE))
			return false;
		*o = outcome_language((a->lang + 1) % a->langs.n);
		return true;
	case ACT_HELP:
		if (a->screen == SCREEN_HELP)
			return false; /* the help screen's own: back */
		*o = outcome_push(SCREEN_HELP);
		return true;
	default:
		return false;
	}
}

static bool handle_action(struct app *a, enum action act)
{
	struct outcome o;
	/* The ui outlives the outcome: apply may read what it points to. */
	char buf[96];
	struct ui u;
	if (!global_action(a, act, &o)) {
		need_index(a);
		prepare(a);
		u = ui_of(a, buf, sizeof buf);
		o = screens[a->screen].key(state_of(a, a->screen), &u, act);
	}
	apply(a, &o);
	return o.repaint;
}

static void handle_mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.x < 0 || ev.y < 0 || ev.x >= COLS || ev.y >= LINES)
		return;
	if (too_small())
		return;
	const struct screen *sc = &screens[a->screen];
	bool wheel = ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED);
	if (wheel && !sc->own_wheel) {
		handle_action(a, (ev.bstate & BUTTON4_PRESSED) ? ACT_UP : ACT_DOWN);
		return;
	}
	if (sc->mouse == NULL)
		return;
	need_index(a);
	prepare(a);
	char buf[96];
	struct ui u = ui_of(a, buf, sizeof buf);
	struct outcome o = sc->mouse(state_of(a, a->screen), &u, &ev);
	apply(a, &o);
}

/* ---- reload ---- */

static void log_started(const struct library *lib)
{
	log_event("kiosk %s started: %zu articles, %zu glossary terms from %s",
		  KIOSK_VERSION, lib->narticles, glossary_count(lib->glossary),
		  lib->dir);
}

/* Moves the session from a->lib to lib (which a takes): the reader stays
 * in the same section when the article still exists, else goes home with
 * a notice. */
static void move_to(struct app *a, struct library *lib)
{
	struct library *old = a->lib;
	app_drop_index(a); /* the index names the old library */
	srch_reset(&a->srch, true);
	words_reset(&a->words);
	home_reload(&a->home);
	int r = nav_reload(&a->nav, &a->art.rd, &a->home.lv.sel, lib, old);
	if (r == NAV_GONE) {
		if (a->screen == SCREEN_ARTICLE) {
			a->screen = SCREEN_HOME;
			nav_clear(&a->nav);
		}
		snprintf(a->notice, sizeof a->notice, "%s", _(S_REMOVED));
	} else if (r == NAV_UNREADABLE && a->screen == SCREEN_ARTICLE) {
		a->screen = SCREEN_HOME;
	}
	a->lib = lib;
	library_free(old);
}

void app_reload(struct app *a)
{
	app_reload_others(a);
	struct diag_list d = {0};
	struct library *lib = library_load(a->lib->dir, a->lib, &d);
	log_diags(&d);
	if (lib == NULL) {
		log_event("content folder %s cannot be read; still serving the "
			  "last good content",
			  a->lib->dir);
		diag_list_clear(&d);
		return;
	}
	log_event("content reloaded: %zu articles, %zu glossary terms "
		  "(%zu errors, %zu warnings)",
		  lib->narticles, glossary_count(lib->glossary),
		  diag_count(&d, DIAG_ERROR), diag_count(&d, DIAG_WARNING));
	diag_list_clear(&d);
	move_to(a, lib);
}

/* After the first frame: the whole library in place of the first screen's
 * (library_load_first), and the line that says the kiosk is serving.
 * Nothing of the session refers to the first screen's library yet (no key
 * was handled), so it is freed first: the two are never in memory at
 * once. */
static void load_whole(struct app *a)
{
	if (!a->lib->partial) {
		log_started(a->lib);
		return;
	}
	char *dir = xstrdup(a->lib->dir);
	home_reload(&a->home);
	library_free(a->lib);
	struct diag_list d = {0};
	/* A hangup meanwhile stops it: at 10,000 articles this load takes
	 * about 0.2 s. */
	a->lib = library_load_until(dir, term_should_quit, &d);
	if (a->lib == NULL) {
		/* Told to quit, or the folder went away since the first
		 * look: an empty library, which the watcher replaces when
		 * the folder is back. */
		a->lib = library_empty(dir);
	}
	a->art.rd.lib = a->lib;
	if (!term_should_quit()) {
		log_started(a->lib);
		log_diags(&d);
	}
	diag_list_clear(&d);
	free(dir);
}

/* ---- the loop ---- */

static void paint(struct app *a)
{
	erase();
	hyperlink_clear();
	char buf[96];
	struct ui u = ui_of(a, buf, sizeof buf);
	if (a->wr.ended != NULL) {
		lobby_draw_ended(&a->wr, &u);
	} else if (too_small()) {
		lobby_draw_too_small(&u);
	} else if (a->wr.attract) {
		lobby_draw_attract(&u, waitroom_attract_step(&a->wr, app_now()));
	} else {
		prepare(a);
		u = ui_of(a, buf, sizeof buf);
		screens[a->screen].draw(state_of(a, a->screen), &u);
		if (take_is_open(&a->take))
			take_draw(&a->take, &u);
		if (a->wr.pin_open)
			lobby_draw_pin(&a->wr, &u);
	}
	attrset(A_NORMAL);
	move(LINES - 1, 0); /* where the cursor rests, when it is moved */
	refresh();
	hyperlink_send();
}

/* Milliseconds until the next timed event (waiting room, session limits,
 * a reload), or -1 for none: then the loop blocks until a key comes,
 * using no CPU at all. */
static double next_event(const struct app *a, double now)
{
	double next = waitroom_next(&a->wr, now, pristine(a));
	if (a->reload_at > 0)
		next = fmin(next, a->reload_at);
	if (a->root_check_at > 0)
		next = fmin(next, a->root_check_at);
	return next;
}

/* Milliseconds from now until next (next_event), -1 for never. */
static int timeout_ms(double next, double now)
{
	if (isinf(next))
		return -1;
	double ms = ceil((next - now) * 1000.0);
	return ms < 0 ? 0 : ms > 86400000.0 ? 86400000 : (int)ms;
}

/* Timed events that are due. */
static void tick(struct app *a, double now)
{
	if (a->reload_at > 0 && now >= a->reload_at) {
		a->reload_at = 0;
		app_reload(a);
	}
	if (a->root_check_at > 0 && now >= a->root_check_at) {
		a->root_check_at = 0;
		if (watch_root_missing(a->watch))
			a->root_check_at = now + 2;
		else
			a->reload_at = now;
	}
	if (waitroom_tick(&a->wr, now, pristine(a)) & WAITROOM_RESET) {
		bool attract = a->wr.attract;
		app_reset(a);
		a->wr.attract = attract;
	}
}

/* A key as the waiting room sees it. */
static enum waitroom_input waitroom_input_of(wint_t ch, bool keycode)
{
	if (keycode)
		return ch == KEY_BACKSPACE ? WAITROOM_ERASE
		       : ch == KEY_ENTER   ? WAITROOM_ENTER
					   : WAITROOM_OTHER;
	if (ch == 27)
		return WAITROOM_ESC;
	if (ch == 127 || ch == 8)
		return WAITROOM_ERASE;
	if (ch == '\n' || ch == '\r')
		return WAITROOM_ENTER;
	return WAITROOM_CHAR;
}

/* Handles one key or mouse event.  Returns false only when the key
 * cannot have changed what is shown (an unbound key, with no notice to
 * take away and no waiting-room countdown to reset), so the loop need not
 * paint. */
static bool handle_key(struct app *a, wint_t ch, bool keycode)
{
	double now = app_now();
	bool had_notice = a->notice[0] != '\0';
	bool locked = a->wr.cfg.locked;
	a->wr.last_input = now;
	a->notice[0] = '\0';
	if (keycode && ch == KEY_RESIZE)
		return true;
	if (locked) {
		unsigned r = waitroom_key(&a->wr, waitroom_input_of(ch, keycode),
					  (int)ch, now);
		if (r & WAITROOM_QUIT)
			a->quit = true;
		if (r & WAITROOM_USED)
			return true;
	}
	if (take_is_open(&a->take)) {
		/* Any key (or click) puts the QR code away. */
		if (keycode && ch == KEY_MOUSE) {
			MEVENT ev;
			getmouse(&ev);
		}
		take_close(&a->take);
		return true;
	}
	if (keycode && ch == KEY_MOUSE) {
		handle_mouse(a);
		return true;
	}
	if (too_small()) {
		if (!locked && !keycode && (ch == 'q' || ch == 'Q'))
			a->quit = true;
		return true;
	}
	/* Screens with a text field take characters before the keys. */
	const struct screen *sc = &screens[a->screen];
	if (sc->text != NULL && sc->text(state_of(a, a->screen), ch, keycode))
		return true;
	enum action act = keys_action((int)ch, keycode, sc->context);
	if (act == ACT_QUIT && locked)
		act = ACT_NONE;
	if (act == ACT_NONE && !had_notice && !locked)
		return false;
	return handle_action(a, act) || had_notice || locked ||
	       act != ACT_NONE;
}

/*
 * The loop.  Keys curses already holds are taken without waiting; then
 * poll() waits for the terminal, the content watcher and the next timed
 * event at once.  With nothing timed it blocks with no timeout, so an
 * idle kiosk uses no CPU.  A terminal that reports a hangup, or input
 * that yields no key again and again (EOF), ends the loop.
 */
int app_run(struct app *a)
{
	int empty = 0;
	bool dirty = true; /* something changed since the last paint */
	bool watching = false;
	/* When the timed event the last poll waited for is due: a signal
	 * (the watchdog's SIGALRM, a resize) may cut that wait short, and
	 * the event must still be painted when its time comes. */
	double due_at = 0;
	nodelay(stdscr, TRUE);
	input_setup();
	/* The cursor is hidden: no need to move it back after each update
	 * (a few bytes on every key).  Hyperlinks need curses to put it at
	 * a known place after each update, where they put it back. */
	leaveok(stdscr, !hyperlink_enabled());
	while (!a->quit && !term_should_quit()) {
		if (term_take_resize()) {
			dirty = true;
			hyperlink_resend(); /* curses clears the terminal */
		}
		double now = app_now();
		if (due_at > 0 && now >= due_at) {
			dirty = true; /* countdown, reset, attract screen */
			due_at = 0;
		}
		tick(a, now);
		if (a->quit)
			break;
		if (dirty || a->wr.ended != NULL) {
			paint(a);
			dirty = false;
		}
		if (!watching) {
			/* The first frame is out: now the whole library. */
			load_whole(a);
			start_watch(a);
			watching = true;
			dirty = true;
			continue;
		}
		if (a->wr.ended != NULL) {
			log_event("session ended: %s", a->wr.ended);
			napms(2500);
			break;
		}
		/* The search index is built after the search screen is
		 * seen, so the build (about a second at 10,000 articles)
		 * overlaps the typing of the first letter. */
		if (need_index(a) && a->screen == SCREEN_SEARCH &&
		    a->srch.query[0] != '\0')
			dirty = true;
		wint_t ch;
		int r = input_read(&ch);
		if (r != ERR) {
			empty = 0;
			dirty |= handle_key(a, ch, r == KEY_CODE_YES);
			/* Keys already waiting (a paste, a held key, a burst)
			 * are handled before the next paint. */
			for (int more = 0; more < 256 && !a->quit; more++) {
				r = input_read(&ch);
				if (r == ERR)
					break;
				dirty |= handle_key(a, ch, r == KEY_CODE_YES);
			}
			continue;
		}
		double before = app_now();
		double next = next_event(a, before);
		int ms = timeout_ms(next, before);
		/* A millisecond early: tick may find the event due a hair
		 * before the clock reaches it (floating point), and an extra
		 * paint of an unchanged screen sends nothing. */
		due_at = ms >= 0 ? next - 0.001 : 0;
		/* A descriptor below 0 (no watcher, no self-pipe) is left
		 * out by poll. */
		struct pollfd p[3] = {{.fd = STDIN_FILENO, .events = POLLIN},
				      {.fd = watch_fd(a->watch), .events = POLLIN},
				      {.fd = term_wake_fd(), .events = POLLIN}};
		int n = poll(p, 3, ms);
		if (n < 0) {
			if (errno == EINTR)
				continue; /* a resize or a signal */
			break;
		}
		if (p[2].revents & POLLIN) {
			/* A signal, perhaps from before the wait began: the
			 * top of the loop looks at the resize and quit flags. */
			term_wake_drain();
			continue;
		}
		if (n == 0)
			dirty = true; /* a timed event: countdown, reset, reload */
		if (p[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;
		if (p[0].revents & POLLIN) {
			/* Readable, yet curses found no key: bytes that are
			 * not a key yet (half a UTF-8 sequence), or the end of
			 * input, which term_lost tells apart. */
			if (++empty > 20 && term_lost())
				break;
		}
		if (n > 0 && p[1].fd >= 0 && (p[1].revents & POLLIN) &&
		    watch_read(a->watch)) {
			double t = app_now();
			a->reload_at = t + APP_RELOAD_DELAY;
			a->root_check_at = watch_root_missing(a->watch) ? t + 2 : 0;
		}
	}
	return 0;
}
