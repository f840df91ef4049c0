/*
 * frontmatter_staff: the slips of people who type front matter in Word or
 * paste it from a web page, repaired before libyaml reads the YAML, each
 * with a warning that names the invisible character and the fix (private
 * to the frontmatter_* files).
 *
 *   - a tab in a line's indentation (YAML allows only spaces): read as
 *     two spaces under a key that opens a list or map ("sources:"), and
 *     as no indentation where a top-level key was meant;
 *   - a no-break space (U+00A0, U+202F, U+2007, as Word types after a
 *     colon) in the indentation, after "key:" or after a list's "-":
 *     read as a space;
 *   - zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF)
 *     anywhere: left out;
 *   - a value wrapped in curly quotes (“…”, ‘…’, „…“, Word's smart
 *     quotes) with no straight double quote or backslash inside: read as
 *     a value in straight double quotes, so a colon inside it is fine.
 *
 * Also the "did you mean" of unknown keys.
 */
#ifndef KIOSK_FRONTMATTER_STAFF_H
#define KIOSK_FRONTMATTER_STAFF_H

#include <stddef.h>

#include "diag.h"

struct fm_repaired {
	char *text;   /* owned; the repaired YAML, NUL-terminated */
	size_t len;   /* bytes in text */
	int *shift;   /* owned, one per YAML line (nlines), or NULL when no
			 line changed width: characters the repair added at
			 the line's start (negative: removed), to turn a
			 libyaml column back into the file's */
	size_t nlines;
};

/*
 * Repairs yaml[0..len), whose first line is file line first_line, into
 * *out (caller frees with fm_repaired_free), adding one warning per
 * repair to diags (path in messages).
 */
void fm_staff_repair(const char *path, const char *yaml, size_t len,
		     int first_line, struct fm_repaired *out,
		     struct diag_list *diags);
void fm_repaired_free(struct fm_repaired *r);

/* The file column of column col (1-based, characters) on YAML line
 * index line (0-based) of r. */
int fm_repaired_col(const struct fm_repaired *r, long line, long col);

/*
 * Of the count names (lower case), the one key[0..n) was probably meant
 * to be: equal but for case, or one letter added, left out, changed or
 * two swapped (case aside).  NULL when none is that close.
 */
const char *fm_staff_suggest(const char *key, size_t n,
			     const char *const *names, size_t count);

#endif
