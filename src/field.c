/* field: see field.h. */
#include "field.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <unistr.h>

#include "draw.h"
#include "text.h"
#include "xmem.h"

#define CTRL(c) ((c) & 0x1f)

bool field_is_text(wint_t ch, bool keycode)
{
	return !keycode && ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0);
}

static size_t prev_char(const char *buf, size_t at)
{
	while (at > 0 && ((unsigned char)buf[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t next_char(const char *buf, size_t at)
{
	if (buf[at] == '\0')
		return at;
	at++;
	while (((unsigned char)buf[at] & 0xc0) == 0x80)
		at++;
	return at;
}

/* Removes buf[from, to). */
static void cut(char *buf, size_t from, size_t to)
{
	memmove(buf + from, buf + to, strlen(buf + to) + 1);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

enum field_result field_edit(char *buf, size_t cap, size_t *cur, wint_t ch,
			     bool keycode)
{
	size_t len = strlen(buf);
	size_t c = *cur;
	if (c > len)
		c = len;
	while (c > 0 && ((unsigned char)buf[c] & 0xc0) == 0x80)
		c--; /* not inside a character */
	*cur = c;
	if (field_is_text(ch, keycode)) {
		uint8_t enc[8];
		int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
		if (n <= 0 || len + (size_t)n + 1 > cap)
			return FIELD_KEPT;
		memmove(buf + c + n, buf + c, len - c + 1);
		memcpy(buf + c, enc, (size_t)n);
		*cur = c + (size_t)n;
		return FIELD_CHANGED;
	}
	size_t to = c;
	bool moves = false;
	if ((keycode && ch == KEY_BACKSPACE) ||
	    (!keycode && (ch == 127 || ch == 8))) {
		if (c == 0)
			return FIELD_KEPT;
		to = prev_char(buf, c);
		cut(buf, to, c);
		*cur = to;
		return FIELD_CHANGED;
	}
	if ((keycode && ch == KEY_DC) || (!keycode && ch == CTRL('d'))) {
		if (c == len)
			return FIELD_KEPT;
		cut(buf, c, next_char(buf, c));
		return FIELD_CHANGED;
	}
	if (!keycode && ch == CTRL('u')) {
		if (c == 0)
			return FIELD_KEPT;
		cut(buf, 0, c);
		*cur = 0;
		return FIELD_CHANGED;
	}
	if (!keycode && ch == CTRL('k')) {
		if (c == len)
			return FIELD_KEPT;
		buf[c] = '\0';
		return FIELD_CHANGED;
	}
	if (!keycode && ch == CTRL('w')) {
		size_t from = c;
		while (from > 0 && is_space(buf[from - 1]))
			from--;
		while (from > 0 && !is_space(buf[from - 1]))
			from--;
		if (from == c)
			return FIELD_KEPT;
		cut(buf, from, c);
		*cur = from;
		return FIELD_CHANGED;
	}
	if (keycode && ch == KEY_LEFT) {
		to = prev_char(buf, c);
		moves = true;
	} else if (keycode && ch == KEY_RIGHT) {
		to = next_char(buf, c);
		moves = true;
	} else if ((keycode && (ch == KEY_HOME || ch == KEY_A1)) ||
		   (!keycode && ch == CTRL('a'))) {
		to = 0;
		moves = true;
	} else if ((keycode && (ch == KEY_END || ch == KEY_C1)) ||
		   (!keycode && ch == CTRL('e'))) {
		to = len;
		moves = true;
	}
	if (!moves)
		return FIELD_IGNORED;
	*cur = to;
	return to == c ? FIELD_KEPT : FIELD_MOVED;
}

int field_draw(int y, int x, int w, const char *buf, size_t cur,
	       unsigned long attr)
{
	attr_t at = (attr_t)attr;
	if (w < 2)
		return 0;
	size_t len = strlen(buf);
	if (cur > len)
		cur = len;
	/* Start far enough in that the cursor cell is inside w columns. */
	size_t from = 0;
	while (from < cur && text_width(buf + from, cur - from) > (size_t)w - 1)
		from = next_char(buf, from);
	size_t after = next_char(buf, cur);
	char *pre = xstrndup(buf + from, cur - from);
	char *under = cur < len ? xstrndup(buf + cur, after - cur) : xstrdup(" ");
	int col = draw_text(y, x, pre, w, at, false);
	if (col < w)
		col += draw_text(y, x + col, under, w - col, at | A_REVERSE, false);
	if (cur < len && col < w)
		col += draw_text(y, x + col, buf + after, w - col, at, true);
	free(pre);
	free(under);
	return col;
}
