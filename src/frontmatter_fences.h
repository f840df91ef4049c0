/*
 * frontmatter_fences: where the front matter of a file starts and ends,
 * as staff actually save it (private to the frontmatter_* files).
 *
 * The standard form is a line "---" as the file's first line, the YAML,
 * and a line "---" or "..." after it.  Also recognised, each one noted in
 * fm_fences.quirks so the caller can warn about it:
 *
 *   - a UTF-8 byte order mark before the first line (Windows Notepad);
 *   - blank lines before the opening fence;
 *   - fences made of Word's dashes: a line of only dashes, at least one
 *     of them an en dash, em dash or similar ("———", "–––", "—-"), which
 *     is what Word's AutoFormat makes of "---";
 *   - "..." or a typed ellipsis "…" as the closing line.
 *
 * An opening fence after blank lines, or one made of Word's dashes, is
 * taken as front matter only when the next line reads "key:" (a word
 * followed by a colon): otherwise it is a rule in the text.  A "---" on
 * the first line always opens front matter.
 */
#ifndef KIOSK_FRONTMATTER_FENCES_H
#define KIOSK_FRONTMATTER_FENCES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* What fm_fences.quirks may hold. */
enum {
	FM_QUIRK_BOM = 1,        /* a byte order mark first */
	FM_QUIRK_BLANK = 2,      /* blank lines before the opening fence */
	FM_QUIRK_DASH_OPEN = 4,  /* opening fence of Word's dashes */
	FM_QUIRK_DASH_CLOSE = 8, /* closing fence of Word's dashes */
	FM_QUIRK_DOTS = 16,      /* closed by "..." */
	FM_QUIRK_ELLIPSIS = 32,  /* closed by "…" */
};

struct fm_fences {
	int open_line;      /* file line of the opening fence (1-based) */
	size_t yaml_start;  /* byte offset of the YAML's first line */
	size_t yaml_end;    /* byte offset just past the YAML */
	int yaml_line;      /* file line of the YAML's first line */
	int close_line;     /* file line of the closing fence */
	size_t body;        /* byte offset of the body */
	int body_line;      /* file line of the body's first line */
	unsigned quirks;    /* FM_QUIRK_* */
};

/*
 * Finds the fences in text[0..len): returns 0 when there is no front
 * matter, 1 with *f filled when there is, -1 when an opening fence is
 * never closed (f->open_line, f->quirks and f->yaml_start are then set).
 */
int fm_fences_find(const char *text, size_t len, struct fm_fences *f);

/* Adds one warning per quirk in f to diags, at the lines concerned. */
void fm_fences_warn(const char *path, const struct fm_fences *f,
		    struct diag_list *diags);

#endif
