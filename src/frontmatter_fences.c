/*
 * frontmatter_fences: see frontmatter_fences.h.
 *
 * Everything here looks at one line at a time: struct fm_line is a line
 * of the text without its '\n' (a '\r' before it is part of the line and
 * counted as a blank).  Nothing allocates.
 */
#include "frontmatter_fences.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "frontmatter.h"

/* Keys that mark a line "key: value" as front matter when a file has no
 * fences the kiosk can find: the kiosk's own and the commonest of web
 * sites' (Jekyll, Hugo). */
static const char *const S_known_keys[] = {
	"title",  "description", "date",   "reviewed", "topic",
	"order",  "url",         "tags",   "sources",  "lang",
	"layout", "author",      "weight", "summary",  "categories",
};

/* Length of the line at s (n bytes left), without its '\n'. */
static size_t S_line_len(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	return nl != NULL ? (size_t)(nl - s) : n;
}

/* Length of a blank at s[0..n): space, tab, \r or a no-break space. */
static size_t S_blank_len(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r'))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

static bool S_is_blank_line(const char *s, size_t n)
{
	size_t k;
	for (size_t i = 0; i < n; i += k)
		if ((k = S_blank_len(s + i, n - i)) == 0)
			return false;
	return true;
}

/* Length of a dash at s: '-', or a Unicode dash (U+2010..U+2015, minus
 * sign U+2212, box-drawing U+2500 that some fonts map dashes to);
 * *wide is set for the non-ASCII ones. */
static size_t S_dash_len(const char *s, size_t n, bool *wide)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 1 && u[0] == '-')
		return 1;
	if (n >= 3 && u[0] == 0xE2 &&
	    ((u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95) ||
	     (u[1] == 0x88 && u[2] == 0x92) || (u[1] == 0x94 && u[2] == 0x80))) {
		*wide = true;
		return 3;
	}
	return 0;
}

/* A line "---" (three hyphens, then only blanks). */
static bool S_is_hyphens(const char *s, size_t n)
{
	if (n < 3 || memcmp(s, "---", 3) != 0)
		return false;
	return S_is_blank_line(s + 3, n - 3);
}

/* A line of only dashes and blanks with at least one Unicode dash: what
 * Word makes of "---". */
static bool S_is_word_dashes(const char *s, size_t n)
{
	bool wide = false, any = false;
	size_t k;
	for (size_t i = 0; i < n; i += k) {
		if ((k = S_dash_len(s + i, n - i, &wide)) > 0)
			any = true;
		else if ((k = S_blank_len(s + i, n - i)) == 0)
			return false;
	}
	return any && wide;
}

/* A line of only dashes and blanks, with a dash: "---", "  ---",
 * "- - -", "———". */
static bool S_is_dash_rule(const char *s, size_t n)
{
	bool wide = false, any = false;
	size_t k;
	for (size_t i = 0; i < n; i += k) {
		if ((k = S_dash_len(s + i, n - i, &wide)) > 0)
			any = true;
		else if ((k = S_blank_len(s + i, n - i)) == 0)
			return false;
	}
	return any;
}

/* A closing line "..." or "…" (then only blanks); sets the quirk. */
static bool S_is_dots(const char *s, size_t n, unsigned *quirk)
{
	if (n >= 3 && memcmp(s, "...", 3) == 0 &&
	    S_is_blank_line(s + 3, n - 3)) {
		*quirk = FM_QUIRK_DOTS;
		return true;
	}
	if (n >= 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0 &&
	    S_is_blank_line(s + 3, n - 3)) {
		*quirk = FM_QUIRK_ELLIPSIS;
		return true;
	}
	return false;
}

/* Length of the key of a line "key: value" (or "key:" at its end), 0 when
 * the line is not one: a letter, then letters, digits, '_' or '-', maybe
 * blanks, a colon, then a blank or the end. */
static size_t S_key_len(const char *s, size_t n)
{
	size_t i = 0, key;
	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
			(s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
			 (s[i] >= 'A' && s[i] <= 'Z') ||
			 (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
			 s[i] == '-'))
		i++;
	key = i;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || s[i] != ':')
		return 0;
	i++;
	return i == n || S_blank_len(s + i, n - i) > 0 ? key : 0;
}

static bool S_is_known_key(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof S_known_keys / sizeof *S_known_keys; i++)
		if (strlen(S_known_keys[i]) == n &&
		    strncasecmp(S_known_keys[i], s, n) == 0)
			return true;
	return false;
}

/* Offset after a byte order mark at the start of text. */
static size_t S_skip_bom(const char *text, size_t len)
{
	return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Skips blank lines from *pos (counting them into *line); returns how
 * many were skipped. */
static int S_skip_blank_lines(const char *text, size_t len, size_t *pos,
			      int *line)
{
	int n = 0;
	while (*pos < len) {
		size_t k = S_line_len(text + *pos, len - *pos);
		if (!S_is_blank_line(text + *pos, k) || *pos + k >= len)
			break;
		*pos += k + 1;
		++*line;
		n++;
	}
	return n;
}

int fm_fences_find(const char *text, size_t len, struct fm_fences *f)
{
	size_t pos, n;
	int line = 1;
	memset(f, 0, sizeof *f);
	if (text == NULL)
		return 0;
	pos = S_skip_bom(text, len);
	if (pos > 0)
		f->quirks |= FM_QUIRK_BOM;
	if (S_skip_blank_lines(text, len, &pos, &line) > 0)
		f->quirks |= FM_QUIRK_BLANK;
	n = S_line_len(text + pos, len - pos);
	if (S_is_word_dashes(text + pos, n))
		f->quirks |= FM_QUIRK_DASH_OPEN;
	else if (!S_is_hyphens(text + pos, n))
		return 0;
	f->open_line = line;
	f->yaml_start = pos + n < len ? pos + n + 1 : len;
	/* Only "---" on the first line is front matter whatever follows;
	 * otherwise the next line must read "key: ...". */
	if (f->quirks & (FM_QUIRK_BLANK | FM_QUIRK_DASH_OPEN)) {
		size_t k = S_line_len(text + f->yaml_start,
				      len - f->yaml_start);
		if (S_key_len(text + f->yaml_start, k) == 0)
			return 0;
	}
	pos = f->yaml_start;
	for (;;) {
		unsigned q = 0;
		line++;
		if (pos >= len)
			return -1;
		n = S_line_len(text + pos, len - pos);
		if (S_is_hyphens(text + pos, n))
			break;
		if (S_is_word_dashes(text + pos, n)) {
			f->quirks |= FM_QUIRK_DASH_CLOSE;
			break;
		}
		if (S_is_dots(text + pos, n, &q)) {
			f->quirks |= q;
			break;
		}
		pos += n + 1;
	}
	f->yaml_end = pos;
	f->yaml_line = f->open_line + 1;
	f->close_line = line;
	f->body = pos + n < len ? pos + n + 1 : len;
	f->body_line = line + 1;
	return 1;
}

void fm_fences_warn(const char *path, const struct fm_fences *f,
		    struct diag_list *diags)
{
	unsigned q = f->quirks;
	if (q & FM_QUIRK_BOM)
		diag_add(diags, DIAG_WARNING, path, 1, 1,
			 "the file starts with an invisible byte order mark "
			 "(Windows Notepad adds one); the kiosk skips it, but "
			 "other tools may show the front matter as text: save "
			 "the file as \"UTF-8\", not \"UTF-8 with BOM\"");
	if (q & FM_QUIRK_BLANK)
		diag_add(diags, DIAG_WARNING, path, 1, 0,
			 "%d blank %s before the front matter's first "
			 "\"---\"; the kiosk reads the front matter, but other "
			 "tools show it as text: delete the blank %s so that "
			 "\"---\" is the first line",
			 f->open_line - 1, f->open_line == 2 ? "line" : "lines",
			 f->open_line == 2 ? "line" : "lines");
	for (int end = 0; end < 2; end++)
		if (q & (end ? FM_QUIRK_DASH_CLOSE : FM_QUIRK_DASH_OPEN))
			diag_add(diags, DIAG_WARNING, path,
				 end ? f->close_line : f->open_line, 1,
				 "the front matter's %s line is made of long "
				 "dashes (Word turns \"---\" into them); the kiosk "
				 "reads it as \"---\", but other tools do not: type "
				 "three hyphens \"---\" in a plain text editor",
				 end ? "last" : "first");
	if (q & FM_QUIRK_DOTS)
		diag_add(diags, DIAG_WARNING, path, f->close_line, 1,
			 "the front matter ends with \"...\"; the kiosk accepts "
			 "it, but most tools only know \"---\": write \"---\"");
	if (q & FM_QUIRK_ELLIPSIS)
		diag_add(diags, DIAG_WARNING, path, f->close_line, 1,
			 "the front matter ends with an ellipsis \"\xE2\x80\xA6\" "
			 "(Word turns \"...\" into one); the kiosk accepts it, "
			 "but write \"---\"");
}

bool frontmatter_present(const char *text, size_t len)
{
	struct fm_fences f;
	return fm_fences_find(text, len, &f) != 0;
}

bool frontmatter_complete(const char *text, size_t len)
{
	struct fm_fences f;
	return fm_fences_find(text, len, &f) >= 0;
}

int frontmatter_lookalike(const char *text, size_t len, bool plain)
{
	struct fm_fences f;
	size_t pos, n;
	int line = 1, first = 0, keys = 0;
	bool known = false, title = false, fence_before, fence_after = false;
	if (text == NULL || fm_fences_find(text, len, &f) != 0)
		return 0;
	pos = S_skip_bom(text, len);
	S_skip_blank_lines(text, len, &pos, &line);
	n = S_line_len(text + pos, len - pos);
	fence_before = S_is_dash_rule(text + pos, n);
	if (fence_before) {
		pos = pos + n < len ? pos + n + 1 : len;
		line++;
	}
	while (pos < len) {
		n = S_line_len(text + pos, len - pos);
		size_t k = S_key_len(text + pos, n);
		if (k == 0) {
			fence_after = keys > 0 && S_is_dash_rule(text + pos, n);
			break;
		}
		if (first == 0)
			first = line;
		keys++;
		known = known || S_is_known_key(text + pos, k);
		title = title || (k == 5 && strncasecmp(text + pos, "title", 5) == 0);
		pos += n + 1;
		line++;
	}
	if (keys == 0 || !known)
		return 0;
	if (plain) /* "Name: ..." and "Date: ..." of a pasted form or letter */
		return fence_before || fence_after || title ? first : 0;
	return fence_before || fence_after || keys >= 2 ? first : 0;
}
