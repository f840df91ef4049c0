/*
 * field: a line of text a person types into (the search box, the filter
 * of the word list, the staff PIN): UTF-8 in a fixed buffer with a cursor
 * (a byte offset at a character boundary).  Typed characters go in at the
 * cursor; Backspace, Delete, Left, Right, Home, End, Ctrl-U (erase before
 * the cursor), Ctrl-W (erase the word before it), Ctrl-A and Ctrl-E
 * (start, end) and Ctrl-K (erase after it) edit.  Every one of these keys
 * belongs to the field even when it changes nothing (Backspace in an
 * empty box), so a box is left only with Esc.
 *
 * The caller owns the buffer (cap bytes, NUL-terminated) and the cursor.
 * The header is curses-free (the waiting room's PIN model uses it); key
 * codes are curses' (KEY_LEFT, ...), and field_draw paints with curses.
 */
#ifndef KIOSK_FIELD_H
#define KIOSK_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum field_result {
	FIELD_IGNORED, /* not a key of the field */
	FIELD_KEPT,    /* the field's key; text and cursor as they were */
	FIELD_MOVED,   /* the cursor moved; the text is the same */
	FIELD_CHANGED, /* the text changed */
};

/* True when ch is a character that can be typed into a field (printable,
 * not a key code). */
bool field_is_text(wint_t ch, bool keycode);

/* Applies one key to buf (cap bytes) with its cursor *cur (clamped to
 * the text first).  A character that does not fit is dropped
 * (FIELD_KEPT). */
enum field_result field_edit(char *buf, size_t cap, size_t *cur, wint_t ch,
			     bool keycode);

/* Draws buf at (y, x) in at most w columns (w >= 2) with the character
 * under the cursor (a space at the end) in reverse video, showing the part
 * around the cursor when the text is wider.  Returns the columns used. */
int field_draw(int y, int x, int w, const char *buf, size_t cur,
	       unsigned long at /* a curses attr_t */);

#endif
