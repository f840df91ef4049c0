/*
 * keys: the one table of key bindings.  Each row holds an action, the
 * screens it works on, its key codes (characters and curses KEY_* codes),
 * the names of those keys and its help text.  keys_action reads the codes
 * from the table; the help screen and the key bar are printed from the
 * same rows, so they can never disagree with the keys.  Every string a
 * person reads about keys is here (one place to translate; marked with
 * N_, translated where they are drawn).
 */
#ifndef KIOSK_KEYS_H
#define KIOSK_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_OPEN,
	ACT_BACK,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_SECTIONS,
	ACT_NEXT_TARGET,
	ACT_PREV_TARGET,
	ACT_HELP,
	ACT_QUIT,
	ACT_SEARCH,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_TAKE_HOME,
	ACT_GLOSSARY,
	ACT_LANGUAGE,
};

/* Where a binding applies (bits). */
enum {
	CTX_HOME = 1 << 0,
	CTX_ARTICLE = 1 << 1,
	CTX_HELP = 1 << 2,
	CTX_SEARCH = 1 << 3,
	CTX_GLOSSARY = 1 << 4,
	/* The state of a screen, given to the key bar with its context so
	 * each key is named for what it does now (no binding applies in
	 * these): a word to explain, a link, the pane open. */
	CTX_FOCUS_TERM = 1 << 8,
	CTX_FOCUS_LINK = 1 << 9,
	CTX_PANE = 1 << 10,
};

/* A key bar label for a state: used when every bit of when is in the
 * context; label NULL leaves the key out of the bar then. */
struct bar_label {
	int when;
	const char *label;
};

/* One key that gives an action: a character, or a curses KEY_* code when
 * keycode is set.  action, when not ACT_NONE, overrides the row's (a
 * "previous" key described in its "next" row, Shift-Tab with Tab);
 * contexts, when not 0, narrows the row's (Right opens only on home). */
struct key_code {
	int ch;
	bool keycode;
	enum action action;
	int contexts;
};

struct key_binding {
	enum action action;
	int contexts;     /* CTX_* bits */
	const struct key_code *codes; /* ended by a row with ch == 0 */
	const char *keys; /* key names for the help screen */
	const char *help; /* what it does, in plain words */
	const char *bar;  /* short key bar label, or NULL: not in the bar */
	const char *bar_keys; /* key names for the bar */
	const struct bar_label *bar_when; /* labels by state, the first that
					     applies wins, ended by when 0;
					     or NULL */
	int bar_rank;     /* where the bar is narrow, keys of lower rank
			     stay first; 0: always there (Help) */
	int bar_late;     /* contexts where it comes and goes with the
			     state: drawn last, so the other keys of the
			     bar never move (Enter in an article) */
};

/* bar_rank runs from 0 to this. */
#define KEYS_BAR_RANKS 9

/* The key bar label of row b in context (CTX_* and state bits), or NULL
 * when the row is not in the bar there.  Strings are marked with N_:
 * translate them where they are drawn. */
const char *keys_bar_label(const struct key_binding *b, int context);

/* The action for a key in a context.  keycode says ch is a curses KEY_*
 * code rather than a character. */
enum action keys_action(int ch, bool keycode, int context);

/* The action whose help row describes a: a "previous" action is
 * described together with its "next" one (Shift-Tab with Tab). */
enum action keys_help_action(enum action a);

/* Moves the selection *sel of a list of n rows for Up, Down, Page Up
 * (by page rows), Page Down, Home and End; true when act was one of
 * them.  Every screen with a list moves the same way. */
bool keys_list_move(enum action act, size_t *sel, size_t n, size_t page);

/* The table, in help order; *n gets its length. */
const struct key_binding *keys_table(size_t *n);

#endif
