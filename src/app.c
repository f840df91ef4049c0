/*
 * app: see app.h.  The loop: paint the current view, wait for one key
 * (blocking: no timers, no busy loop), map it to an action with the key
 * table and hand it to the current screen.
 */
#include "app.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "draw.h"
#include "glossary.h"
#include "keys.h"
#include "log.h"
#include "screen_article.h"
#include "screen_help.h"
#include "screen_home.h"
#include "screen_glossary.h"
#include "screen_search.h"
#include "hyperlink.h"
#include "qr.h"
#include "session.h"
#include "term.h"
#include "theme.h"
#include "watch.h"
#include "xmem.h"

double app_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int app_rows(void) { return LINES; }
int app_cols(void) { return COLS; }

void app_init(struct app *a, const struct config *cfg, struct library *lib,
	      bool ascii)
{
	memset(a, 0, sizeof *a);
	a->cfg = cfg;
	a->lib = lib;
	a->ascii = ascii;
	a->view = VIEW_HOME;
	a->rd.article = -1;
	a->rd.focus = -1;
	a->rd.sections_on = true;
	a->locked = cfg->mode == MODE_WAITING_ROOM;
	a->last_input = app_now();
	a->started = a->last_input;
	a->remote = session_is_remote();
}

/* Watches the content folder: after the first frame, as setting up a
 * watch per folder reads every folder again (10 ms at 10,000 articles). */
static void start_watch(struct app *a)
{
	a->watch = watch_open(a->lib->dir);
	if (watch_root_missing(a->watch))
		a->root_check_at = app_now() + 2; /* look for it again */
}

void app_reset(struct app *a)
{
	term_resume_output(); /* Scroll Lock cannot keep the last patient's page */
	reader_close(&a->rd);
	a->rd.sections_on = true;
	a->nhist = 0;
	a->view = VIEW_HOME;
	a->home_sel = 0;
	a->home_top = 0;
	a->help_top = 0;
	a->notice[0] = '\0';
	a->pin_open = false;
	explicit_bzero(a->pin, sizeof a->pin);
	a->pin_len = 0;
	a->pin_msg[0] = '\0';
	search_forget(a, false);
	glossary_forget(a);
	free(a->qr_text);
	a->qr_text = NULL;
}

/* Nothing to forget: a fresh home screen. */
static bool pristine(const struct app *a)
{
	return a->view == VIEW_HOME && a->nhist == 0 && a->home_sel == 0 &&
	       a->home_top == 0 && a->rd.doc == NULL && !a->pin_open;
}

void app_free(struct app *a)
{
	reader_close(&a->rd);
	search_forget(a, false);
	glossary_forget(a);
	free(a->qr_text);
	home_forget(a);
	library_free(a->lib);
	watch_close(a->watch);
	free(a->hist);
	memset(a, 0, sizeof *a);
}

void app_notice(struct app *a, const char *msg)
{
	snprintf(a->notice, sizeof a->notice, "%s", msg);
}

void app_push(struct app *a)
{
	struct view v = {.kind = a->view, .article = a->rd.article,
			 .home_sel = a->home_sel};
	if (a->view == VIEW_ARTICLE)
		reader_position(&a->rd, &v.block, &v.block_off);
	/* A long walk through links keeps the last 64 steps. */
	if (a->nhist == 64) {
		memmove(a->hist, a->hist + 1, (a->nhist - 1) * sizeof *a->hist);
		a->nhist--;
	}
	xgrow(&a->hist, &a->cap_hist, a->nhist + 1, sizeof *a->hist);
	a->hist[a->nhist++] = v;
}

void app_back(struct app *a)
{
	if (a->nhist == 0) {
		if (a->view != VIEW_HOME)
			reader_close(&a->rd);
		a->view = VIEW_HOME;
		return;
	}
	struct view v = a->hist[--a->nhist];
	if (v.kind == VIEW_ARTICLE) {
		bool loaded = a->rd.article == v.article && a->rd.doc != NULL;
		if (!loaded) {
			if (reader_open(a, v.article) != 0) {
				a->view = VIEW_HOME;
				app_notice(a, "That article is not available "
					      "right now.");
				return;
			}
			reader_seek(&a->rd, v.block, v.block_off);
		}
	} else {
		reader_close(&a->rd);
		if (v.kind == VIEW_HOME)
			a->home_sel = v.home_sel;
	}
	a->view = v.kind;
}

void app_open_article(struct app *a, long index, const char *fragment)
{
	if (index < 0 || (size_t)index >= a->lib->narticles)
		return;
	app_push(a);
	if (reader_open(a, index) != 0) {
		a->nhist--;
		app_notice(a, "That article is not available right now.");
		if (a->view == VIEW_ARTICLE)
			a->view = VIEW_HOME;
		return;
	}
	a->view = VIEW_ARTICLE;
	reader_seek_fragment(a, fragment);
}

/* The key bar: the context's bindings from the key table. */
static void draw_keybar(const struct app *a, int context)
{
	int y = LINES - 1, cols = COLS;
	attr_t at = theme_ui(UI_KEYBAR);
	draw_fill(y, 0, cols, at);
	char countdown[96] = "";
	if (a->locked && !pristine(a)) {
		double left = a->last_input + a->cfg->idle_timeout - app_now();
		if (left <= APP_COUNTDOWN)
			snprintf(countdown, sizeof countdown,
				 "Returning to the start in %d s - press any "
				 "key to stay",
				 left < 1 ? 1 : (int)ceil(left));
	}
	if (countdown[0] != '\0') {
		draw_fill(y, 0, cols, theme_ui(UI_NOTICE));
		draw_text(y, 1, countdown, cols - 2, theme_ui(UI_NOTICE), true);
		return;
	}
	if (a->notice[0] != '\0') {
		draw_fill(y, 0, cols, theme_ui(UI_NOTICE));
		draw_text(y, 1, a->notice, cols - 2, theme_ui(UI_NOTICE), true);
		return;
	}
	size_t n;
	const struct key_binding *t = keys_table(&n);
	int x = 1;
	for (size_t i = 0; i < n && x < cols - 1; i++) {
		if (t[i].bar == NULL || !(t[i].contexts & context))
			continue;
		if (context == CTX_HELP && t[i].action == ACT_HELP)
			continue;
		int kw = draw_width(t[i].bar_keys);
		int bw = draw_width(t[i].bar);
		if (x + kw + 2 + bw > cols - 1)
			break;
		x += draw_text(y, x, t[i].bar_keys, cols - 1 - x, at | A_BOLD, false);
		x += draw_text(y, x, ": ", cols - 1 - x, at, false);
		x += draw_text(y, x, t[i].bar, cols - 1 - x, at, false);
		x += 2;
	}
}

void app_draw_bars(const struct app *a, const char *title, const char *right,
		   int context)
{
	int cols = COLS;
	attr_t at = theme_ui(UI_HEADER);
	draw_fill(0, 0, cols, at);
	int rw = right != NULL && right[0] != '\0' ? draw_width(right) : 0;
	if (rw > 0 && rw + 12 < cols)
		draw_text(0, cols - rw - 1, right, rw, at, false);
	else
		rw = -1;
	draw_text(0, 1, title, cols - rw - 3, at, true);
	draw_keybar(a, context);
}

/* The message wrapped at spaces to the window's width (a word wider than
 * the window is cut), as many lines as there are rows. */
static void draw_too_small(void)
{
	static const char msg[] = "Window too small. Please make it bigger.";
	const char *p = msg;
	for (int y = 0; y < LINES && *p != '\0'; y++) {
		size_t n = strlen(p);
		if (n > (size_t)COLS) {
			n = (size_t)COLS;
			while (n > 0 && p[n] != ' ')
				n--;
			if (n == 0) /* one long word: cut */
				n = strcspn(p, " ");
		}
		char line[sizeof msg];
		memcpy(line, p, n);
		line[n] = '\0';
		draw_text(y, 0, line, COLS, A_BOLD, true);
		p += n;
		while (*p == ' ')
			p++;
	}
}

/* The screens: what paints each view, takes its keys and its clicks.
 * The wheel moves a list like Up and Down, except on screens that scroll
 * by their own rules (own_wheel). */
struct screen {
	void (*draw)(struct app *a);
	void (*key)(struct app *a, enum action act);
	void (*mouse)(struct app *a, const MEVENT *ev); /* NULL: no clicks */
	int context;   /* CTX_* for the key table */
	bool own_wheel;
};

static const struct screen screens[] = {
	[VIEW_HOME] = {home_draw, home_key, home_mouse, CTX_HOME, false},
	[VIEW_ARTICLE] = {article_draw, article_key, article_mouse, CTX_ARTICLE,
			  true},
	[VIEW_HELP] = {help_draw, help_key, NULL, CTX_HELP, false},
	[VIEW_SEARCH] = {search_draw, search_key, search_mouse, CTX_SEARCH,
			 false},
	[VIEW_GLOSSARY] = {glossary_draw, glossary_key, glossary_mouse,
			   CTX_GLOSSARY, false},
};

/* Centred text on row y. */
static void centre(int y, const char *s, attr_t at)
{
	int w = draw_width(s);
	int x = w < COLS ? (COLS - w) / 2 : 0;
	draw_text(y, x, s, COLS - x, at, true);
}

static void draw_attract(const struct app *a)
{
	int mid = LINES / 2;
	for (int y = mid - 3; y <= mid + 3; y++)
		draw_fill(y, 0, COLS, theme_ui(UI_HEADER));
	centre(mid - 2, a->cfg->title, theme_ui(UI_HEADER));
	centre(mid, "Welcome. Press any key to start.", theme_ui(UI_HEADER));
	centre(mid + 2, "Read about your health in plain words.",
	       theme_ui(UI_HEADER));
}

static void draw_pin(const struct app *a)
{
	int w = 44 < COLS - 2 ? 44 : COLS - 2, h = 8;
	int x = (COLS - w) / 2, y = (LINES - h) / 2;
	hyperlink_cover(y, x, h, w);
	for (int i = 0; i < h; i++)
		draw_fill(y + i, x, w, theme_ui(UI_HEADER));
	draw_text(y + 1, x + 2, "Staff exit", w - 4, theme_ui(UI_HEADER), true);
	draw_text(y + 3, x + 2, "Type the PIN, then press Enter.", w - 4,
		  theme_ui(UI_HEADER), true);
	char stars[40] = "PIN: ";
	for (size_t i = 0; i < a->pin_len && i + 6 < sizeof stars; i++)
		strcat(stars, "*");
	draw_text(y + 4, x + 2, stars, w - 4, theme_ui(UI_HEADER), true);
	draw_text(y + 6, x + 2,
		  a->pin_msg[0] != '\0' ? a->pin_msg : "Esc: back to the kiosk",
		  w - 4, theme_ui(UI_HEADER), true);
}

/* The QR code of a->qr_text over the whole screen, with the address in
 * text under it; a quiet zone of 4 modules, 2 when space is short. */
static void draw_qr(const struct app *a)
{
	attr_t at = theme_ui(UI_TEXT);
	hyperlink_cover(0, 0, LINES, COLS);
	for (int y = 1; y < LINES - 1; y++)
		draw_fill(y, 0, COLS, at);
	app_draw_bars(a, "Take it home", NULL, CTX_HELP);
	centre(1, "Point your phone's camera at this code.", A_BOLD);
	struct qr q;
	int quiet = 4;
	int rows_free = LINES - 5, cols_free = COLS - 2;
	bool ok = qr_make(a->qr_text, quiet, &q) == 0;
	if (ok && ((q.size + 1) / 2 > rows_free || q.size > cols_free)) {
		qr_free(&q);
		quiet = 2;
		ok = qr_make(a->qr_text, quiet, &q) == 0;
	}
	bool fits = ok && !draw_ascii() && (q.size + 1) / 2 <= rows_free &&
		    q.size <= cols_free;
	int y0 = 2;
	if (fits) {
		int x0 = (COLS - q.size) / 2;
		attrset(theme_ui(UI_QR));
		for (int y = 0; y < q.size; y += 2) {
			move(y0 + y / 2, x0);
			for (int x = 0; x < q.size; x++)
				addstr(qr_halfblock(&q, x, y));
		}
		y0 += (q.size + 1) / 2;
	} else {
		centre(3, "(This screen is too small to show the code.)",
		       theme_ui(UI_DIM));
		y0 = 5;
	}
	if (ok)
		qr_free(&q);
	int w = draw_width(a->qr_text);
	hyperlink_add(y0, w < COLS ? (COLS - w) / 2 : 0, w < COLS ? w : COLS,
		      a->qr_text);
	centre(y0, a->qr_text, A_BOLD);
	centre(y0 + 1, "Press any key to go back.", theme_ui(UI_DIM));
}

static void draw_ended(const struct app *a)
{
	int mid = LINES / 2;
	centre(mid - 2, "Session ended", theme_ui(UI_TOPIC));
	centre(mid, a->ended, theme_ui(UI_TEXT));
	centre(mid + 2, "Thank you for reading. You can connect again at any "
			"time.",
	       theme_ui(UI_TEXT));
}

static void paint(struct app *a)
{
	erase();
	hyperlink_clear();
	if (a->ended != NULL) {
		draw_ended(a);
	} else if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS) {
		draw_too_small();
	} else if (a->attract) {
		draw_attract(a);
	} else {
		screens[a->view].draw(a);
		if (a->qr_text != NULL)
			draw_qr(a);
		if (a->pin_open)
			draw_pin(a);
	}
	attrset(A_NORMAL);
	move(LINES - 1, 0); /* where the cursor rests, when it is moved */
	refresh();
	hyperlink_send();
}

static int context_of(enum view_kind v) { return screens[v].context; }

static void handle_action(struct app *a, enum action act)
{
	if (act == ACT_QUIT) {
		a->quit = true;
		return;
	}
	if (act == ACT_SEARCH) {
		search_open(a);
		return;
	}
	if (act == ACT_GLOSSARY) {
		glossary_open(a);
		return;
	}
	if (act == ACT_TAKE_HOME) {
		const char *url = NULL;
		if (a->view == VIEW_ARTICLE)
			url = reader_take_home_url(a);
		else if (a->view == VIEW_HOME && a->lib->narticles > 0)
			url = a->lib->articles[a->home_sel].fm.url;
		if (url == NULL || url[0] == '\0') {
			app_notice(a, "There is no web address to take home "
				      "here.");
			return;
		}
		free(a->qr_text);
		a->qr_text = xstrdup(url);
		return;
	}
	if (act == ACT_HELP && a->view != VIEW_HELP) {
		app_push(a);
		a->view = VIEW_HELP;
		a->help_top = 0;
		return;
	}
	screens[a->view].key(a, act);
}

static void handle_mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.x < 0 || ev.y < 0 || ev.x >= COLS || ev.y >= LINES)
		return;
	if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS)
		return;
	const struct screen *sc = &screens[a->view];
	bool wheel = ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED);
	if (wheel && !sc->own_wheel)
		handle_action(a, (ev.bstate & BUTTON4_PRESSED) ? ACT_UP : ACT_DOWN);
	else if (sc->mouse != NULL)
		sc->mouse(a, &ev);
}

/* Index in lib of the article with the same id as old->articles[i]. */
static long same_article(const struct library *lib, const struct library *old,
			 long i)
{
	if (i < 0 || (size_t)i >= old->narticles)
		return -1;
	const struct article *a = library_find(lib, old->articles[i].id);
	return a != NULL ? (long)(a - lib->articles) : -1;
}

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
	search_forget(a, true); /* the index names the old library */
	glossary_forget(a);
	home_forget(a);

	/* The home selection and the history follow their articles. */
	long sel = same_article(lib, old, (long)a->home_sel);
	a->home_sel = sel >= 0 ? (size_t)sel : 0;
	size_t k = 0;
	for (size_t i = 0; i < a->nhist; i++) {
		struct view v = a->hist[i];
		if (v.kind == VIEW_ARTICLE) {
			v.article = same_article(lib, old, v.article);
			if (v.article < 0)
				continue;
		}
		if (v.kind == VIEW_HOME) {
			long hs = same_article(lib, old, (long)v.home_sel);
			v.home_sel = hs >= 0 ? (size_t)hs : 0;
		}
		a->hist[k++] = v;
	}
	a->nhist = k;

	/* The reader: same article and section, or home with a notice. */
	struct reader *rd = &a->rd;
	long cur = rd->doc != NULL ? same_article(lib, old, rd->article) : -1;
	if (rd->doc != NULL && cur < 0) {
		reader_close(rd);
		a->lib = lib;
		library_free(old);
		if (a->view == VIEW_ARTICLE) {
			a->view = VIEW_HOME;
			a->nhist = 0;
		}
		app_notice(a, "The article you were reading has been removed.");
		return;
	}
	if (rd->doc != NULL) {
		const struct article *na = &lib->articles[cur];
		const struct article *oa = &old->articles[rd->article];
		bool same = na->text != NULL && oa->text != NULL &&
			    na->len == oa->len &&
			    memcmp(na->text, oa->text, na->len) == 0 &&
			    strcmp(na->title, oa->title) == 0;
		if (same) {
			rd->article = cur;
		} else {
			char *title = NULL, *term = NULL;
			size_t delta = 0;
			const char *t;
			if (reader_where(rd, &t, &delta))
				title = xstrdup(t);
			if (rd->pane.open && !rd->pane.is_link)
				term = xstrdup(glossary_entry_at(old->glossary,
								 rd->pane.entry)
						       ->term);
			uint32_t b, off;
			reader_position(rd, &b, &off);
			a->lib = lib;
			if (reader_open(a, cur) == 0) {
				reader_seek(rd, b, off);
				if (title != NULL)
					reader_seek_section(rd, title, delta);
				if (term != NULL)
					reader_show_term(a, term);
			} else if (a->view == VIEW_ARTICLE) {
				a->view = VIEW_HOME;
			}
			free(title);
			free(term);
		}
	}
	if (rd->doc != NULL && rd->pane.open && !rd->pane.is_link &&
	    a->lib == old) {
		/* Same article text, but the glossary may have changed. */
		char *term = xstrdup(
			glossary_entry_at(old->glossary, rd->pane.entry)->term);
		uint32_t b, off;
		reader_position(rd, &b, &off);
		a->lib = lib;
		layout_free(rd->lay);
		rd->lay = NULL;
		reader_seek(rd, b, off);
		reader_show_term(a, term);
		free(term);
	} else if (rd->doc != NULL && a->lib == old) {
		/* Terms may have changed: lay out again, same place. */
		uint32_t b, off;
		reader_position(rd, &b, &off);
		a->lib = lib;
		layout_free(rd->lay);
		rd->lay = NULL;
		reader_seek(rd, b, off);
	}
	a->lib = lib;
	library_free(old);
}

void app_reload(struct app *a)
{
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
	home_forget(a);
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
	if (!term_should_quit()) {
		log_started(a->lib);
		log_diags(&d);
	}
	diag_list_clear(&d);
	free(dir);
}

/* Milliseconds until the next timed event (idle reset, a countdown
 * step, the attract screen, the PIN prompt timing out), or -1 for none:
 * then the loop blocks until a key comes, using no CPU at all. */
static int next_timeout(const struct app *a, double now)
{
	double next = INFINITY;
	if (a->pin_open)
		next = fmin(next, a->last_input + APP_PIN_TIMEOUT);
	if (a->locked && !pristine(a)) {
		double reset = a->last_input + a->cfg->idle_timeout;
		double cd = reset - APP_COUNTDOWN;
		if (now < cd)
			next = fmin(next, cd);
		else if (reset - now <= 1e-3)
			next = now;
		else /* once a second, in step with the reset */
			next = fmin(next, reset - floor(reset - now - 1e-3));
	}
	if (a->locked && !a->attract && a->cfg->attract_timeout > 0)
		next = fmin(next, a->last_input + a->cfg->attract_timeout);
	if (a->remote && a->cfg->session_idle > 0)
		next = fmin(next, a->last_input + a->cfg->session_idle);
	if (a->remote && a->cfg->session_max > 0)
		next = fmin(next, a->started + a->cfg->session_max);
	if (a->reload_at > 0)
		next = fmin(next, a->reload_at);
	if (a->root_check_at > 0)
		next = fmin(next, a->root_check_at);
	if (isinf(next))
		return -1;
	double ms = ceil((next - now) * 1000.0);
	return ms < 0 ? 0 : ms > 86400000.0 ? 86400000 : (int)ms;
}

/* Timed events that are due. */
static void tick(struct app *a, double now)
{
	if (a->remote && a->cfg->session_idle > 0 &&
	    now - a->last_input >= a->cfg->session_idle)
		a->ended = "Your session has ended because nothing was "
			   "pressed for a while.";
	if (a->remote && a->cfg->session_max > 0 &&
	    now - a->started >= a->cfg->session_max)
		a->ended = "Your session has reached its time limit.";
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
	if (a->pin_open && now - a->last_input >= APP_PIN_TIMEOUT) {
		a->pin_open = false;
		explicit_bzero(a->pin, sizeof a->pin);
		a->pin_len = 0;
	}
	if (!a->locked)
		return;
	if (!pristine(a) && now - a->last_input >= a->cfg->idle_timeout)
		app_reset(a);
	if (!a->attract && a->cfg->attract_timeout > 0 &&
	    now - a->last_input >= a->cfg->attract_timeout) {
		app_reset(a);
		a->attract = true;
	}
}

static void pin_key(struct app *a, wint_t ch, bool keycode, double now)
{
	if (!keycode && ch == 27) {
		a->pin_open = false;
	} else if ((keycode && ch == KEY_BACKSPACE) ||
		   (!keycode && (ch == 127 || ch == 8))) {
		if (a->pin_len > 0)
			a->pin[--a->pin_len] = '\0';
		return;
	} else if ((keycode && ch == KEY_ENTER) ||
		   (!keycode && (ch == '\n' || ch == '\r'))) {
		double wait = pin_wait(&a->limiter, now);
		if (wait > 0) {
			snprintf(a->pin_msg, sizeof a->pin_msg,
				 "Too many tries. Wait %d s.", (int)ceil(wait));
		} else if (a->cfg->pin_hash[0] == '\0') {
			snprintf(a->pin_msg, sizeof a->pin_msg,
				 "No PIN is set in kiosk.conf.");
		} else {
			bool ok = pin_check(a->pin, a->cfg->pin_hash);
			pin_record(&a->limiter, ok, now);
			if (ok)
				a->quit = true;
			else
				snprintf(a->pin_msg, sizeof a->pin_msg,
					 "Wrong PIN.");
		}
	} else if (!keycode && ch > ' ' && ch < 0x7f &&
		   a->pin_len + 1 < sizeof a->pin) {
		a->pin[a->pin_len++] = (char)ch;
		a->pin[a->pin_len] = '\0';
		return;
	} else {
		return;
	}
	explicit_bzero(a->pin, sizeof a->pin);
	a->pin_len = 0;
}

/* Waiting-room keys that never reach the screens.  Returns true when ch
 * was used up. */
static bool locked_key(struct app *a, wint_t ch, bool keycode, double now)
{
	if (a->attract) {
		a->attract = false;
		return true;
	}
	if (a->pin_open) {
		pin_key(a, ch, keycode, now);
		return true;
	}
	if (keycode || (ch != APP_CHORD_1 && ch != APP_CHORD_2)) {
		a->chord_at = 0; /* any other key breaks the chord */
		return false;
	}
	if (ch == APP_CHORD_1) {
		a->chord_at = now;
		return true;
	}
	if (ch == APP_CHORD_2 && a->chord_at > 0 && now - a->chord_at < 3) {
		a->chord_at = 0;
		a->pin_open = true;
		a->pin_len = 0;
		a->pin_msg[0] = '\0';
		return true;
	}
	return false;
}

/* Handles one key or mouse event.  Returns false only when the key
 * cannot have changed what is shown (an unbound key, with no notice to
 * take away and no waiting-room countdown to reset), so the loop need not
 * paint. */
static bool handle_key(struct app *a, wint_t ch, bool keycode)
{
	double now = app_now();
	bool had_notice = a->notice[0] != '\0';
	a->last_input = now;
	a->notice[0] = '\0';
	if (keycode && ch == KEY_RESIZE)
		return true;
	if (a->locked && locked_key(a, ch, keycode, now))
		return true;
	if (a->qr_text != NULL) {
		/* Any key (or click) puts the QR code away. */
		if (keycode && ch == KEY_MOUSE) {
			MEVENT ev;
			getmouse(&ev);
		}
		free(a->qr_text);
		a->qr_text = NULL;
		return true;
	}
	if (keycode && ch == KEY_MOUSE) {
		handle_mouse(a);
		return true;
	}
	if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS) {
		if (!a->locked && !keycode && (ch == 'q' || ch == 'Q'))
			a->quit = true;
		return true;
	}
	/* Screens with a text field take characters before the keys. */
	if (a->view == VIEW_SEARCH && search_char(a, ch, keycode))
		return true;
	if (a->view == VIEW_GLOSSARY && glossary_char(a, ch, keycode))
		return true;
	enum action act = keys_action((int)ch, keycode, context_of(a->view));
	if (act == ACT_QUIT && a->locked)
		act = ACT_NONE;
	if (act == ACT_NONE && !had_notice && !a->locked)
		return false;
	handle_action(a, act);
	return true;
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
	nodelay(stdscr, TRUE);
	/* The cursor is hidden: no need to move it back after each update
	 * (a few bytes on every key).  Hyperlinks need curses to put it at
	 * a known place after each update, where they put it back. */
	leaveok(stdscr, !hyperlink_enabled());
	while (!a->quit && !term_should_quit()) {
		if (term_take_resize()) {
			dirty = true;
			hyperlink_resend(); /* curses clears the terminal */
		}
		tick(a, app_now());
		if (a->quit)
			break;
		if (dirty || a->ended != NULL) {
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
		if (a->ended == NULL)
			search_prepare(a);
		if (a->ended != NULL) {
			log_event("session ended: %s", a->ended);
			napms(2500);
			break;
		}
		wint_t ch;
		int r = get_wch(&ch);
		if (r != ERR) {
			empty = 0;
			dirty |= handle_key(a, ch, r == KEY_CODE_YES);
			/* Keys already waiting (a paste, a held key, a burst)
			 * are handled before the next paint. */
			for (int more = 0; more < 256 && !a->quit; more++) {
				r = get_wch(&ch);
				if (r == ERR)
					break;
				dirty |= handle_key(a, ch, r == KEY_CODE_YES);
			}
			continue;
		}
		int ms = next_timeout(a, app_now());
		struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
				      {.fd = watch_fd(a->watch), .events = POLLIN}};
		int n = poll(p, p[1].fd >= 0 ? 2 : 1, ms);
		if (n < 0) {
			if (errno == EINTR)
				continue; /* a resize or a signal */
			break;
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
			double now = app_now();
			a->reload_at = now + APP_RELOAD_DELAY;
			if (watch_root_missing(a->watch))
				a->root_check_at = now + 2;
		}
	}
	return 0;
}
