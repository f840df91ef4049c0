/* keys: see keys.h.  Two tables: which keys give which action, and what
 * each action is called on the help screen and the key bar. */
#include "keys.h"

#include <curses.h>

#define ALL (CTX_HOME | CTX_ARTICLE | CTX_HELP | CTX_SEARCH | CTX_GLOSSARY)

static const struct key_binding table[] = {
	{ACT_UP, ALL, "Up arrow", "Move up (or to the previous article)", NULL, NULL},
	{ACT_DOWN, ALL, "Down arrow", "Move down (or to the next article)", "Move", "Arrows"},
	{ACT_OPEN, CTX_HOME | CTX_ARTICLE | CTX_SEARCH | CTX_GLOSSARY, "Enter", "Open the chosen article, or explain the chosen word", "Open", "Enter"},
	{ACT_BACK, ALL, "Esc, Backspace, Left", "Close the explanation, or go back", "Back", "Esc"},
	{ACT_NEXT_TARGET, CTX_ARTICLE, "Tab, Shift+Tab", "Choose the next or previous highlighted word", "Word", "Tab"},
	{ACT_HELP, ALL, "? or F1", "Show this help", "Help", "?"},
	{ACT_SEARCH, CTX_HOME | CTX_ARTICLE | CTX_HELP, "/", "Search all articles and the glossary", "Search", "/"},
	{ACT_NEXT_SECTION, CTX_ARTICLE, "] and [", "Go to the next or previous section", NULL, NULL},
	{ACT_SECTIONS, CTX_ARTICLE, "s", "Show or hide the list of sections", NULL, NULL},
	{ACT_GLOSSARY, CTX_HOME | CTX_ARTICLE | CTX_HELP, "w", "Words explained, from A to Z", NULL, NULL},
	{ACT_TAKE_HOME, CTX_HOME | CTX_ARTICLE, "u", "Take it home: a QR code of the web address", NULL, NULL},
	{ACT_NEXT_MATCH, CTX_ARTICLE, "n and N", "After a search: the next or previous place", NULL, NULL},
	{ACT_PAGE_DOWN, ALL, "Page Down, Space", "Show the next screenful", NULL, NULL},
	{ACT_PAGE_UP, ALL, "Page Up", "Show the previous screenful", NULL, NULL},
	{ACT_HOME, ALL, "Home, End", "Go to the start or the end", NULL, NULL},
	{ACT_QUIT, ALL, "q", "Quit", NULL, NULL},
};

enum action keys_help_action(enum action a)
{
	switch (a) {
	case ACT_PREV_TARGET:
		return ACT_NEXT_TARGET;
	case ACT_PREV_SECTION:
		return ACT_NEXT_SECTION;
	case ACT_PREV_MATCH:
		return ACT_NEXT_MATCH;
	case ACT_END:
		return ACT_HOME;
	default:
		return a;
	}
}

enum action keys_action(int ch, bool keycode, int context)
{
	enum action a = ACT_NONE;
	if (keycode) {
		switch (ch) {
		case KEY_UP: a = ACT_UP; break;
		case KEY_DOWN: a = ACT_DOWN; break;
		case KEY_PPAGE: a = ACT_PAGE_UP; break;
		case KEY_NPAGE: a = ACT_PAGE_DOWN; break;
		case KEY_HOME: case KEY_A1: a = ACT_HOME; break;
		case KEY_END: case KEY_C1: a = ACT_END; break;
		case KEY_ENTER: a = ACT_OPEN; break;
		case KEY_RIGHT: a = context == CTX_HOME ? ACT_OPEN : ACT_NONE; break;
		case KEY_LEFT: case KEY_BACKSPACE: a = ACT_BACK; break;
		case KEY_BTAB: a = ACT_PREV_TARGET; break;
		case KEY_F(1): a = ACT_HELP; break;
		default: break;
		}
	} else {
		switch (ch) {
		case '\n': case '\r': a = ACT_OPEN; break;
		case 27: case 127: case 8: a = ACT_BACK; break;
		case ' ': a = ACT_PAGE_DOWN; break;
		case '\t': a = ACT_NEXT_TARGET; break;
		case ']': a = ACT_NEXT_SECTION; break;
		case '[': a = ACT_PREV_SECTION; break;
		case 's': case 'S': a = ACT_SECTIONS; break;
		case '?': a = ACT_HELP; break;
		case 'q': case 'Q': a = ACT_QUIT; break;
		case 'k': a = ACT_UP; break;
		case 'j': a = ACT_DOWN; break;
		case 'g': a = ACT_HOME; break;
		case '/': a = ACT_SEARCH; break;
		case 'u': case 'U': a = ACT_TAKE_HOME; break;
		case 'w': case 'W': a = ACT_GLOSSARY; break;
		case 'n': a = ACT_NEXT_MATCH; break;
		case 'N': a = ACT_PREV_MATCH; break;
		case 'G': a = ACT_END; break;
		default: break;
		}
	}
	/* Actions outside the context's set do nothing there; the help
	 * row of a "previous" action is its "next" one's. */
	enum action row = keys_help_action(a);
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == row)
			return (table[i].contexts & context) ? a : ACT_NONE;
	return ACT_NONE;
}

const struct key_binding *keys_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
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
