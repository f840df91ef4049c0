/*
 * cp1252: text that is not UTF-8 read as Windows-1252, the "ANSI" that
 * Notepad and Word save on Windows in Western Europe and the Americas.
 *
 * A file that holds no valid UTF-8 sequence of two bytes or more is read
 * wholly as Windows-1252.  A file that mixes them (Windows-1252 text
 * pasted into a UTF-8 file) keeps its UTF-8 and reads each other byte as
 * Windows-1252.  The five bytes Windows-1252 leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) are left out.  Line breaks stay where they were, so
 * line numbers of messages do not change.  A text with a NUL byte is
 * binary and left alone.
 */
#ifndef KIOSK_CP1252_H
#define KIOSK_CP1252_H

#include <stddef.h>

#include "diag.h"

/*
 * When text[0..len) is UTF-8 (or binary), returns NULL: use it as it is.
 * Otherwise returns a new NUL-terminated UTF-8 copy (caller frees), its
 * length in *out_len, and adds to diags (when not NULL) one warning with
 * path and the line of the first byte that is not UTF-8.
 */
char *cp1252_decode(const char *path, const char *text, size_t len,
		    size_t *out_len, struct diag_list *diags);

/*
 * As cp1252_decode for a text the caller owns (allocated with malloc):
 * returns text itself when it is UTF-8, else frees it and returns the
 * decoded copy, with *len updated.
 */
char *cp1252_fix(const char *path, char *text, size_t *len,
		 struct diag_list *diags);

#endif
