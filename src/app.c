/*
 * app: see app.h.  The loop: paint the current view, wait for one key
 * (blocking: no timers, no busy loop), map it to an action with the key
 * table and hand it to the current screen.
 */
#include "app.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "keys.h"
#include "screen_article.h"
#include "screen_help.h"
#include "screen_home.h"
#include "term.h"
#include "theme.h"
#include "xmem.h"

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
}

void app_free(struct app *a)
{
	reader_close(&a->rd);
	library_free(a->lib);
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
	if (a->view == VIEW_ARTICLE)
		a->home_sel = a->home_sel; /* the home list keeps its place */
	reader_seek_fragment(a, fragment);
}

/* The key bar: the context's bindings from the key table. */
static void draw_keybar(const struct app *a, int context)
{
	int y = LINES - 1, cols = COLS;
	attr_t at = theme_ui(UI_KEYBAR);
	draw_fill(y, 0, cols, at);
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

static void draw_too_small(void)
{
	static const char *const msg[] = {"Window too small.",
					  "Please make it bigger."};
	for (int i = 0; i < 2 && i < LINES; i++)
		draw_text(i, 0, msg[i], COLS, A_BOLD, true);
}

static void paint(struct app *a)
{
	erase();
	if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS) {
		draw_too_small();
	} else {
		switch (a->view) {
		case VIEW_HOME:
			home_draw(a);
			break;
		case VIEW_ARTICLE:
			article_draw(a);
			break;
		case VIEW_HELP:
			help_draw(a);
			break;
		}
	}
	attrset(A_NORMAL);
	refresh();
}

static int context_of(enum view_kind v)
{
	return v == VIEW_HOME ? CTX_HOME : v == VIEW_ARTICLE ? CTX_ARTICLE : CTX_HELP;
}

static void handle_action(struct app *a, enum action act)
{
	if (act == ACT_QUIT) {
		a->quit = true;
		return;
	}
	if (act == ACT_HELP && a->view != VIEW_HELP) {
		app_push(a);
		a->view = VIEW_HELP;
		a->help_top = 0;
		return;
	}
	switch (a->view) {
	case VIEW_HOME:
		home_key(a, act);
		break;
	case VIEW_ARTICLE:
		article_key(a, act);
		break;
	case VIEW_HELP:
		help_key(a, act);
		break;
	}
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
	switch (a->view) {
	case VIEW_HOME:
		home_mouse(a, &ev);
		break;
	case VIEW_ARTICLE:
		article_mouse(a, &ev);
		break;
	case VIEW_HELP:
		help_mouse(a, &ev);
		break;
	}
}

int app_run(struct app *a)
{
	int errors = 0;
	while (!a->quit && !term_should_quit()) {
		paint(a);
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR) {
			/* A blocking read fails only on a signal or when the
			 * terminal is gone; never spin on it. */
			if (term_should_quit() || term_lost() || ++errors > 20)
				break;
			continue;
		}
		errors = 0;
		a->notice[0] = '\0';
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			handle_mouse(a);
			continue;
		}
		if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS) {
			if (r != KEY_CODE_YES && (ch == 'q' || ch == 'Q'))
				a->quit = true;
			continue;
		}
		enum action act = keys_action((int)ch, r == KEY_CODE_YES,
					      context_of(a->view));
		handle_action(a, act);
	}
	return 0;
}
