/* field: see field.h. */
#include "field.h"

#include <string.h>

#include <curses.h>
#include <unistr.h>

bool field_type(char *buf, size_t cap, wint_t ch, bool keycode)
{
	if (keycode || ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0))
		return false;
	uint8_t enc[8];
	int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
	size_t len = strlen(buf);
	if (n > 0 && len + (size_t)n + 1 <= cap) {
		memcpy(buf + len, enc, (size_t)n);
		buf[len + (size_t)n] = '\0';
	}
	return true;
}

bool field_erase(char *buf, wint_t ch, bool keycode)
{
	bool bs = (keycode && ch == KEY_BACKSPACE) ||
		  (!keycode && (ch == 127 || ch == 8));
	size_t len = strlen(buf);
	if (!bs || len == 0)
		return false;
	do
		len--;
	while (len > 0 && ((unsigned char)buf[len] & 0xc0) == 0x80);
	buf[len] = '\0';
	return true;
}
