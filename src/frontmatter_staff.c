/*
 * frontmatter_staff: see frontmatter_staff.h.
 *
 * The repair copies the YAML line by line into a buffer that grows as
 * needed (a tab becomes two spaces; everything else repaired gets no
 * longer).  Each line is looked at in three places: its indentation, the
 * blank after its "key:" or "-", and its value's outer quotes; zero-width
 * characters are dropped wherever they are.
 */
#include "frontmatter_staff.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xmem.h"

/* Longest key shown in a message, in bytes. */
#define SHOW_KEY 40

/* State of one repair. */
struct repair {
	const char *path;
	struct diag_list *diags;
	struct fm_repaired *out;
	size_t cap;          /* allocated bytes of out->text */
	int file_line;       /* file line of the line being repaired */
	bool prev_opens;     /* the previous line ends with ':', '|' or '>'
				(opens a value under it) or is indented */
};

static void S_put(struct repair *r, const char *s, size_t n)
{
	struct fm_repaired *o = r->out;
	xgrow(&o->text, &r->cap, o->len + n + 1, 1);
	memcpy(o->text + o->len, s, n);
	o->len += n;
	o->text[o->len] = '\0';
}

/* Length of a no-break space at s (U+00A0, U+2007, U+202F), else 0. */
static size_t S_nbsp_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x87 || u[2] == 0xAF))
		return 3;
	return 0;
}

/* Length of a zero-width character at s, else 0. */
static size_t S_zero_width_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x8B &&
	    u[2] <= 0x8D)
		return 3; /* U+200B..U+200D */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0xA0)
		return 3; /* U+2060 */
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3; /* U+FEFF */
	return 0;
}

/* Length of a curly opening quote at s, else 0. */
static size_t S_curly_open(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x9C || u[2] == 0x9D || u[2] == 0x9E || u[2] == 0x98 ||
	     u[2] == 0x99 || u[2] == 0x9A))
		return 3; /* “ ” „ ‘ ’ ‚ */
	return 0;
}

/* Length of a curly closing quote ending s[0..n), else 0. */
static size_t S_curly_close(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
	    (u[n - 1] == 0x9C || u[n - 1] == 0x9D || u[n - 1] == 0x98 ||
	     u[n - 1] == 0x99))
		return 3; /* “ ” ‘ ’ */
	return 0;
}

static void S_warn(struct repair *r, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void S_warn(struct repair *r, int col, const char *fmt, ...)
{
	char buf[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_add(r->diags, DIAG_WARNING, r->path, r->file_line, col, "%s", buf);
}

/* Characters in s[0..n). */
static int S_chars(const char *s, size_t n)
{
	int c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* The key of a line s[0..n) that reads "key:" (no blanks inside), or 0. */
static size_t S_key(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] != ':' && s[i] != ' ' && s[i] != '\t' &&
	       s[i] != '"' && s[i] != '\'' && (unsigned char)s[i] != 0xC2 &&
	       s[i] != '#')
		i++;
	return i > 0 && i < n && s[i] == ':' ? i : 0;
}

/*
 * Repairs one line s[0..n) (no '\n'; zero-width characters already
 * gone).  line_index is its index among the YAML lines.
 */
static void S_line(struct repair *r, const char *s, size_t n,
		   size_t line_index)
{
	size_t i = 0, k;
	int shift = 0;
	bool tab = false, nbsp = false;
	size_t out_start = r->out->len;

	/* Indentation. */
	size_t ind_end = 0;
	while (ind_end < n) {
		if (s[ind_end] == ' ' || s[ind_end] == '\t')
			ind_end++;
		else if ((k = S_nbsp_len(s + ind_end, n - ind_end)) > 0)
			ind_end += k;
		else
			break;
	}
	bool blank = ind_end == n || (ind_end < n && s[ind_end] == '#');
	bool has_tab = memchr(s, '\t', ind_end) != NULL;
	bool drop = has_tab && !r->prev_opens && !blank;
	for (i = 0; i < ind_end;) {
		if (s[i] == '\t') {
			tab = true;
			if (!drop) {
				S_put(r, "  ", 2);
				shift++;
			} else {
				shift--;
			}
			i++;
		} else if ((k = S_nbsp_len(s + i, ind_end - i)) > 0) {
			nbsp = true;
			if (!drop)
				S_put(r, " ", 1);
			else
				shift--;
			i += k;
		} else {
			if (!drop)
				S_put(r, " ", 1);
			else
				shift--;
			i++;
		}
	}
	if (tab && !blank)
		S_warn(r, 1,
		       "a tab at the start of the line: YAML indents with "
		       "spaces only; the kiosk reads it as %s: %s",
		       drop ? "no indent" : "two spaces",
		       drop ? "delete the tab, so the key starts the line"
			    : "type two spaces instead of the tab");
	if (nbsp && !blank)
		S_warn(r, 1,
		       "a no-break space in the indent of the line (Word "
		       "types them): the kiosk reads it as a space; retype it "
		       "as a normal space");

	/* A list's "- " and a key's ": ", either with a no-break space. */
	size_t vstart = i;
	for (int round = 0; round < 2 && vstart < n; round++) {
		size_t key = 0, mark_end;
		if (s[vstart] == '-' && vstart + 1 < n &&
		    (s[vstart + 1] == ' ' ||
		     S_nbsp_len(s + vstart + 1, n - vstart - 1) > 0)) {
			mark_end = vstart + 1;
		} else if ((key = S_key(s + vstart, n - vstart)) > 0) {
			mark_end = vstart + key + 1;
		} else {
			break;
		}
		S_put(r, s + vstart, mark_end - vstart);
		vstart = mark_end;
		if ((k = S_nbsp_len(s + vstart, n - vstart)) > 0) {
			char what[SHOW_KEY + 8];
			if (key > 0)
				snprintf(what, sizeof what, "\"%.*s:\"",
					 (int)(key < SHOW_KEY ? key : SHOW_KEY),
					 s + mark_end - key - 1);
			else
				snprintf(what, sizeof what, "the list's \"-\"");
			S_warn(r, S_chars(s, vstart) + 1,
			       "a no-break space after %s (Word types one "
			       "after a colon): YAML needs a normal space "
			       "there; the kiosk reads it as one: retype it "
			       "as a normal space",
			       what);
			S_put(r, " ", 1);
			vstart += k;
		}
		while (vstart < n && s[vstart] == ' ')
			S_put(r, s + vstart++, 1);
		if (key == 0)
			continue; /* "- key: value" */
		break;
	}

	/* The value's curly quotes. */
	size_t vend = n;
	while (vend > vstart && (s[vend - 1] == ' ' || s[vend - 1] == '\r' ||
				 s[vend - 1] == '\t'))
		vend--;
	size_t qo = S_curly_open(s + vstart, vend - vstart);
	size_t qc = qo > 0 ? S_curly_close(s + vstart, vend - vstart) : 0;
	if (qo > 0 && qc > 0 && vend - vstart >= qo + qc &&
	    memchr(s + vstart + qo, '"', vend - vstart - qo - qc) == NULL &&
	    memchr(s + vstart + qo, '\\', vend - vstart - qo - qc) == NULL) {
		S_warn(r, S_chars(s, vstart) + 1,
		       "curly quotes around the value (Word's smart quotes): "
		       "YAML only knows straight quotes; the kiosk reads "
		       "these as quotes: retype them as \" (or turn off "
		       "smart quotes in Word's AutoFormat)");
		S_put(r, "\"", 1);
		S_put(r, s + vstart + qo, vend - vstart - qo - qc);
		S_put(r, "\"", 1);
		S_put(r, s + vend, n - vend);
	} else {
		S_put(r, s + vstart, n - vstart);
	}

	if (shift != 0) {
		struct fm_repaired *o = r->out;
		if (o->shift == NULL)
			o->shift = xcalloc(o->nlines + 1, sizeof *o->shift);
		o->shift[line_index] = shift;
	}
	if (!blank) {
		size_t e = r->out->len;
		while (e > out_start && (r->out->text[e - 1] == ' ' ||
					 r->out->text[e - 1] == '\r'))
			e--;
		char last = e > out_start ? r->out->text[e - 1] : '\0';
		r->prev_opens = last == ':' || last == '|' || last == '>' ||
				ind_end > 0;
	}
}

void fm_staff_repair(const char *path, const char *yaml, size_t len,
		     int first_line, struct fm_repaired *out,
		     struct diag_list *diags)
{
	struct repair r = {.path = path, .diags = diags, .out = out};
	char *clean = NULL;
	size_t pos = 0, idx = 0;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < len; i++)
		if (yaml[i] == '\n')
			out->nlines++;
	out->nlines++;
	xgrow(&out->text, &r.cap, len + 1, 1);
	out->text[0] = '\0';
	while (pos <= len) {
		const char *s = yaml + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - pos;
		size_t m = 0, k;
		int zw_col = 0;
		r.file_line = first_line + (int)idx;
		/* Zero-width characters first, anywhere in the line. */
		clean = xrealloc(clean, n + 1);
		for (size_t i = 0; i < n;) {
			if ((k = S_zero_width_len(s + i, n - i)) > 0) {
				if (zw_col == 0)
					zw_col = S_chars(s, i) + 1;
				i += k;
			} else {
				clean[m++] = s[i++];
			}
		}
		if (zw_col > 0)
			S_warn(&r, zw_col,
			       "an invisible zero-width character (copied "
			       "from a web page or Word): the kiosk leaves it "
			       "out; delete it (move the cursor over it: it "
			       "takes one key press more than it shows)");
		S_line(&r, clean, m, idx);
		if (nl == NULL)
			break;
		S_put(&r, "\n", 1);
		pos += n + 1;
		idx++;
	}
	free(clean);
}

void fm_repaired_free(struct fm_repaired *r)
{
	free(r->text);
	free(r->shift);
	memset(r, 0, sizeof *r);
}

int fm_repaired_col(const struct fm_repaired *r, long line, long col)
{
	if (r->shift != NULL && line >= 0 && (size_t)line < r->nlines)
		col -= r->shift[line];
	if (col < 1)
		col = 1;
	return col > 1000000 ? 0 : (int)col;
}

/* True when a and b (n and m bytes) differ by one edit, case aside. */
static bool S_one_edit(const char *a, size_t n, const char *b, size_t m)
{
	size_t i = 0;
	if (n > m + 1 || m > n + 1)
		return false;
	while (i < n && i < m && tolower((unsigned char)a[i]) == b[i])
		i++;
	if (i == n && i == m)
		return true;
	if (n == m) {
		/* changed, or two swapped */
		if (strncasecmp(a + i + 1, b + i + 1, n - i - 1) == 0)
			return true;
		return i + 1 < n && tolower((unsigned char)a[i]) == b[i + 1] &&
		       tolower((unsigned char)a[i + 1]) == b[i] &&
		       strncasecmp(a + i + 2, b + i + 2, n - i - 2) == 0;
	}
	if (n > m) /* one added */
		return strncasecmp(a + i + 1, b + i, m - i) == 0;
	return strncasecmp(a + i, b + i + 1, n - i) == 0; /* one left out */
}

const char *fm_staff_suggest(const char *key, size_t n,
			     const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(names[i]) == n && strncasecmp(key, names[i], n) == 0)
			return names[i];
	if (n < 3)
		return NULL; /* two letters are one edit from too much */
	for (size_t i = 0; i < count; i++)
		if (S_one_edit(key, n, names[i], strlen(names[i])))
			return names[i];
	return NULL;
}
