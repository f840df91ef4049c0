/*
 * field: a line of text a person types into (the search box, the filter
 * of the word list): UTF-8 in a fixed buffer, typed characters appended,
 * Backspace removing the last character.
 */
#ifndef KIOSK_FIELD_H
#define KIOSK_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* True when ch is a character for the field (printable, not a key code);
 * it is then appended to buf (cap bytes) when it fits. */
bool field_type(char *buf, size_t cap, wint_t ch, bool keycode);

/* True when ch is Backspace and buf was not empty: its last character is
 * then removed. */
bool field_erase(char *buf, wint_t ch, bool keycode);

#endif
