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

#define LABELS(...) ((const struct bar_label[]){__VA_ARGS__, {0, NULL}})

static const struct key_binding table[] = {
	{ACT_UP, ALL, CODES(KC(KEY_UP), CH('k')),
	 N_("Up arrow, k"), N_("Move up (or to the previous article)"), NULL, NULL, NULL, 9, 0},
	{ACT_DOWN, ALL, CODES(KC(KEY_DOWN), CH('j')),
	 N_("Down arrow, j"), N_("Move down (or to the next article)"),
	 N_("Move"), N_("Arrows"), NULL, 3, 0},
	{ACT_OPEN, CTX_HOME | CTX_ARTICLE | CTX_SEARCH | CTX_GLOSSARY,
	 CODES(CH('\n'), CH('\r'), KC(KEY_ENTER),
	       {KEY_RIGHT, true, ACT_NONE, CTX_HOME}),
	 N_("Enter (Right on the list)"),
	 N_("Open the chosen article, or explain the chosen word"), N_("Open"),
	 N_("Enter"),
	 LABELS({CTX_ARTICLE | CTX_FOCUS_TERM, N_("Explain")},
		{CTX_ARTICLE | CTX_FOCUS_LINK, N_("Open")},
		{CTX_ARTICLE, NULL}), 2, CTX_ARTICLE},
	{ACT_BACK, ALL,
	 CODES(CH(27), CH(127), CH(8), KC(KEY_LEFT), KC(KEY_BACKSPACE)),
	 N_("Esc, Backspace, Left"), N_("Close the explanation, or go back"),
	 N_("Back"), N_("Esc"),
	 LABELS({CTX_HOME, NULL}, {CTX_ARTICLE | CTX_PANE, N_("Close")}), 1, 0},
	{ACT_NEXT_TARGET, CTX_ARTICLE,
	 CODES(CH('\t'), KC_AS(KEY_BTAB, ACT_PREV_TARGET)),
	 N_("Tab, Shift+Tab"), N_("Choose the next or previous highlighted word"),
	 N_("Next word"), N_("Tab"), NULL, 4, 0},
	{ACT_HELP, ALL, CODES(CH('?'), KC(KEY_F(1))),
	 N_("? or F1"), N_("Show this help"), N_("Help"), N_("?"), NULL, 0, 0},
	{ACT_SEARCH, CTX_HOME | CTX_ARTICLE | CTX_HELP, CODES(CH('/')),
	 N_("/"), N_("Search all articles and the glossary"), N_("Search"), N_("/"), NULL, 5, 0},
	{ACT_LANGUAGE, CTX_HOME | CTX_ARTICLE, CODES(CH('l'), CH('L')),
	 N_("l"), N_("Read in another language"), N_("Language"), N_("l"), NULL, 8, 0},
	{ACT_NEXT_SECTION, CTX_ARTICLE,
	 CODES(CH(']'), CH_AS('[', ACT_PREV_SECTION)),
	 N_("] and ["), N_("Go to the next or previous section"), NULL, NULL, NULL, 9, 0},
	{ACT_SECTIONS, CTX_ARTICLE, CODES(CH('s'), CH('S')),
	 N_("s"), N_("Show or hide the list of sections"), NULL, NULL, NULL, 9, 0},
	{ACT_GLOSSARY, CTX_HOME | CTX_ARTICLE | CTX_HELP, CODES(CH('w'), CH('W')),
	 N_("w"), N_("Words explained, from A to Z"), NULL, NULL, NULL, 9, 0},
	{ACT_TAKE_HOME, CTX_HOME | CTX_ARTICLE, CODES(CH('u'), CH('U')),
	 N_("u"), N_("Take it home: a QR code of the web address"), NULL, NULL, NULL, 9, 0},
	{ACT_NEXT_MATCH, CTX_ARTICLE,
	 CODES(CH('n'), CH_AS('N', ACT_PREV_MATCH)),
	 N_("n and N"), N_("After a search: the next or previous place"), NULL, NULL, NULL, 9, 0},
	{ACT_PAGE_DOWN, ALL, CODES(KC(KEY_NPAGE), CH(' ')),
	 N_("Page Down, Space"), N_("Show the next screenful"), NULL, NULL, NULL, 9, 0},
	{ACT_PAGE_UP, ALL, CODES(KC(KEY_PPAGE)),
	 N_("Page Up"), N_("Show the previous screenful"), NULL, NULL, NULL, 9, 0},
	{ACT_HOME, ALL,
	 CODES(KC(KEY_HOME), KC(KEY_A1), CH('g'), KC_AS(KEY_END, ACT_END),
	       KC_AS(KEY_C1, ACT_END), CH_AS('G', ACT_END)),
	 N_("Home, End (g, G)"), N_("Go to the start or the end"), NULL, NULL, NULL, 9, 0},
	{ACT_QUIT, ALL, CODES(CH('q'), CH('Q')), N_("q"), N_("Quit"), NULL, NULL, NULL, 9, 0},
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

const char *keys_bar_label(const struct key_binding *b, int context)
{
	if (b->bar == NULL || !(b->contexts & context))
		return NULL;
	for (const struct bar_label *l = b->bar_when; l != NULL && l->when != 0;
	     l++)
		if ((l->when & context) == l->when)
			return l->label;
	return b->bar;
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
