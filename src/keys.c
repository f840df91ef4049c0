/* keys: see keys.h.  One table: for each action, the keys that give it,
 * their names and what it does, in help order. */
#include "keys.h"

#include <curses.h>

#include "i18n.h"

#define ALL (CTX_HOME | CTX_ARTICLE | CTX_HELP | CTX_SEARCH | CTX_GLOSSARY)

/* The codes of a row, ended by {0}. */
#define CODES(...) ((const struct key_code[]){__VA_ARGS__, {0, false, ACT_NONE, 0}})
#define CH(c) {(c), false, ACT_NONE, 0}
#define KC(c) {(c), true, ACT_NONE, 0}
#define CH_AS(c, act) {(c), false, (act), 0}
#define KC_AS(c, act) {(c), true, (act), 0}

static const struct key_binding table[] = {
	{ACT_UP, ALL, CODES(KC(KEY_UP), CH('k')),
	 "Up arrow, k", "Move up (or to the previous article)", NULL, NULL},
	{ACT_DOWN, ALL, CODES(KC(KEY_DOWN), CH('j')),
	 "Down arrow, j", "Move down (or to the next article)", "Move", "Arrows"},
	{ACT_OPEN, CTX_HOME | CTX_ARTICLE | CTX_SEARCH | CTX_GLOSSARY,
	 CODES(CH('\n'), CH('\r'), KC(KEY_ENTER),
	       {KEY_RIGHT, true, ACT_NONE, CTX_HOME}),
	 "Enter (Right on the list)",
	 "Open the chosen article, or explain the chosen word", "Open", "Enter"},
	{ACT_BACK, ALL,
	 CODES(CH(27), CH(127), CH(8), KC(KEY_LEFT), KC(KEY_BACKSPACE)),
	 "Esc, Backspace, Left", "Close the explanation, or go back", "Back", "Esc"},
	{ACT_NEXT_TARGET, CTX_ARTICLE,
	 CODES(CH('\t'), KC_AS(KEY_BTAB, ACT_PREV_TARGET)),
	 "Tab, Shift+Tab", "Choose the next or previous highlighted word", "Word", "Tab"},
	{ACT_HELP, ALL, CODES(CH('?'), KC(KEY_F(1))),
	 "? or F1", "Show this help", "Help", "?"},
	{ACT_SEARCH, CTX_HOME | CTX_ARTICLE | CTX_HELP, CODES(CH('/')),
	 "/", "Search all articles and the glossary", "Search", "/"},
	{ACT_LANGUAGE, CTX_HOME | CTX_ARTICLE, CODES(CH('l'), CH('L')),
	 "l", N_("Read in another language"), N_("Language"), "l"},
	{ACT_NEXT_SECTION, CTX_ARTICLE,
	 CODES(CH(']'), CH_AS('[', ACT_PREV_SECTION)),
	 "] and [", "Go to the next or previous section", NULL, NULL},
	{ACT_SECTIONS, CTX_ARTICLE, CODES(CH('s'), CH('S')),
	 "s", "Show or hide the list of sections", NULL, NULL},
	{ACT_GLOSSARY, CTX_HOME | CTX_ARTICLE | CTX_HELP, CODES(CH('w'), CH('W')),
	 "w", "Words explained, from A to Z", NULL, NULL},
	{ACT_TAKE_HOME, CTX_HOME | CTX_ARTICLE, CODES(CH('u'), CH('U')),
	 "u", "Take it home: a QR code of the web address", NULL, NULL},
	{ACT_NEXT_MATCH, CTX_ARTICLE,
	 CODES(CH('n'), CH_AS('N', ACT_PREV_MATCH)),
	 "n and N", "After a search: the next or previous place", NULL, NULL},
	{ACT_PAGE_DOWN, ALL, CODES(KC(KEY_NPAGE), CH(' ')),
	 "Page Down, Space", "Show the next screenful", NULL, NULL},
	{ACT_PAGE_UP, ALL, CODES(KC(KEY_PPAGE)),
	 "Page Up", "Show the previous screenful", NULL, NULL},
	{ACT_HOME, ALL,
	 CODES(KC(KEY_HOME), KC(KEY_A1), CH('g'), KC_AS(KEY_END, ACT_END),
	       KC_AS(KEY_C1, ACT_END), CH_AS('G', ACT_END)),
	 "Home, End (g, G)", "Go to the start or the end", NULL, NULL},
	{ACT_QUIT, ALL, CODES(CH('q'), CH('Q')), "q", "Quit", NULL, NULL},
};

#define NTABLE (sizeof table / sizeof table[0])

enum action keys_help_action(enum action a)
{
	for (size_t i = 0; i < NTABLE; i++)
		for (const struct key_code *k = table[i].codes; k->ch != 0; k++)
			if (k->action == a)
				return table[i].action;
	return a;
}

enum action keys_action(int ch, bool keycode, int context)
{
	if (ch == 0)
		return ACT_NONE;
	for (size_t i = 0; i < NTABLE; i++) {
		const struct key_binding *b = &table[i];
		for (const struct key_code *k = b->codes; k->ch != 0; k++) {
			if (k->ch != ch || k->keycode != keycode)
				continue;
			int ctx = k->contexts != 0 ? k->contexts : b->contexts;
			if (!(ctx & context))
				continue;
			return k->action != ACT_NONE ? k->action : b->action;
		}
	}
	return ACT_NONE;
}

const struct key_binding *keys_table(size_t *n)
{
	*n = NTABLE;
	return table;
}

bool keys_list_move(enum action act, size_t *sel, size_t n, size_t page)
{
	switch (act) {
	case ACT_UP:
		if (*sel > 0)
			(*sel)--;
		return true;
	case ACT_DOWN:
		if (*sel + 1 < n)
			(*sel)++;
		return true;
	case ACT_PAGE_UP:
		*sel = *sel > page ? *sel - page : 0;
		return true;
	case ACT_PAGE_DOWN:
		if (n > 0)
			*sel = *sel + page < n ? *sel + page : n - 1;
		return true;
	case ACT_HOME:
		*sel = 0;
		return true;
	case ACT_END:
		*sel = n > 0 ? n - 1 : 0;
		return true;
	default:
		return false;
	}
}
