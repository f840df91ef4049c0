/*
 * plaintext: see plaintext.h for the rules.
 *
 * Three passes over two small arrays, then one loop that builds the tree.
 *
 *   lines  the text split on '\n', each cleaned: blanks trimmed, runs of
 *          spaces and tabs made one space, control characters dropped
 *          (a \r is a blank).  A blank line is "".
 *   units  what the body is made of, in order: a paragraph (one line, or
 *          the joined lines of hard-wrapped text), a list item (its
 *          marker removed) or, once the roles are known, a heading.
 *          Each unit remembers whether it is a single line and whether
 *          it is title-like.
 *
 * Pass 1 cuts blocks (runs of non-blank lines) into units.  Pass 2 takes
 * the title off the front, or makes one from the file name or the opening
 * words.  Pass 3 applies the heading rule, then the list-after-colon rule.
 * Only text nodes hold text, verbatim, so nothing is read as Markdown.
 *
 * Lengths are counted in characters (UTF-8 code points), not bytes, so
 * "Ünye" is four characters like "Unye".
 */
#include "plaintext.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "pasted.h"
#include "xmem.h"

#define PT_LONG_LINE 100 /* a longer line: one paragraph per line */
#define PT_TITLE_LIKE 70 /* title-like text is shorter than this */
#define PT_WORDS_MAX 60  /* a title from the opening words, before "..." */

/* One line of the text, cleaned. */
struct pt_line {
	char *s;        /* owned; "" when the line is blank */
	size_t len;     /* bytes in s */
	size_t nchars;  /* characters in s */
	bool indented;  /* the raw line started with a space or a tab */
};

enum pt_kind {
	PT_PARA,
	PT_HEADING,
	PT_BULLET, /* an item of a bullet list */
	PT_ORDERED /* an item of an ordered list */
};

/* A block of the body. */
struct pt_unit {
	enum pt_kind kind;
	char *text;             /* owned; NUL-terminated */
	size_t len, cap;        /* bytes used in text, bytes allocated */
	bool one_line;          /* made of a single line */
	bool title_like;        /* see S_title_like */
	int number;             /* PT_ORDERED: the number written */
	cmark_delim_type delim; /* PT_ORDERED: "1." or "1)" */
};

/* Everything one parse holds; freed by S_doc_free. */
struct pt_doc {
	struct pt_line *lines;
	size_t nlines, lines_cap;
	struct pt_unit *units;
	size_t nunits, units_cap;
};

/* Words dropped from the end of a title cut from the opening words. */
static const char *const pt_weak_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "nor",
	"of", "on", "or", "so", "than", "that", "the", "to", "which", "with",
};

/* Words whose '.' does not end the opening sentence. */
static const char *const pt_abbrevs[] = {
	"Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr",
	"vs", "etc", "e.g", "i.e", "No", "approx", "Op", "Assoc",
};

static size_t S_nchars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static bool S_is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Appends the raw line s (n bytes, no '\n') to d->lines, cleaned. */
static void S_add_line(struct pt_doc *d, const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t o = 0;
	bool gap = false;
	struct pt_line *l;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (S_is_blank(c)) {
			gap = true;
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			continue;
		if (gap && o > 0)
			out[o++] = ' ';
		gap = false;
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0x82 &&
		    ((unsigned char)s[i + 2] == 0xB7 ||
		     (unsigned char)s[i + 2] == 0xA7)) {
			/* Word's private-use bullets: "•" and "▪" */
			bool round = (unsigned char)s[i + 2] == 0xB7;
			memcpy(out + o, round ? "\xE2\x80\xA2" : "\xE2\x96\xAA", 3);
			o += 3;
			i += 2;
			continue;
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	xgrow(&d->lines, &d->lines_cap, d->nlines + 1, sizeof *d->lines);
	l = &d->lines[d->nlines++];
	l->s = out;
	l->len = o;
	l->nchars = S_nchars(out, o);
	l->indented = n > 0 && (s[0] == ' ' || s[0] == '\t');
}

static void S_split_lines(struct pt_doc *d, const char *text, size_t len)
{
	size_t pos = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* byte order mark */
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - (text + pos)) : len - pos;
		S_add_line(d, text + pos, n);
		pos += n + 1;
	}
}

/* Whether s starts with a lower-case letter (in any script). */
static bool S_starts_lower(const char *s, size_t n)
{
	ucs4_t uc;
	if (n == 0)
		return false;
	u8_mbtouc(&uc, (const uint8_t *)s, n);
	return uc_is_lower(uc);
}

/*
 * If the cleaned line s starts with a list marker ("* ", "- ", "• ",
 * "12. ", "3) "), returns the marker's length with its space and sets
 * *kind, *number and *delim; else returns 0.
 */
static size_t S_marker(const char *s, size_t n, enum pt_kind *kind,
		       int *number, cmark_delim_type *delim)
{
	size_t i = 0;
	int v = 0;
	if (n >= 2 && (s[0] == '*' || s[0] == '-') && s[1] == ' ') {
		*kind = PT_BULLET;
		return 2;
	}
	size_t blanks, k = pasted_bullet(s, n, &blanks);
	if (k > 0) { /* "•", "·", "–", Word's U+F0B7, ... (pasted.h) */
		*kind = PT_BULLET;
		return k + blanks;
	}
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || i + 1 >= n || (s[i] != '.' && s[i] != ')') ||
	    s[i + 1] != ' ')
		return 0;
	*kind = PT_ORDERED;
	*number = v;
	*delim = s[i] == '.' ? CMARK_PERIOD_DELIM : CMARK_PAREN_DELIM;
	return i + 2;
}

static bool S_is_marker_line(const struct pt_line *l)
{
	enum pt_kind k;
	int num;
	cmark_delim_type delim;
	return S_marker(l->s, l->len, &k, &num, &delim) > 0;
}

/*
 * Title-like: under PT_TITLE_LIKE characters, has a letter or digit, and
 * does not end in '.', ',', ';' or an ellipsis (closing quotes and
 * brackets after them do not count).  '?', '!' and ':' are allowed.
 */
static bool S_title_like(const char *s, size_t n)
{
	size_t nchars = S_nchars(s, n), end = n, i;
	bool word = false;
	if (nchars == 0 || nchars >= PT_TITLE_LIKE)
		return false;
	for (i = 0; i < n && !word; i++) {
		unsigned char c = (unsigned char)s[i];
		word = c >= 0x80 || (c >= '0' && c <= '9') ||
		       (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}
	if (!word)
		return false;
	for (;;) {
		if (end >= 1 && memchr("\"')]", s[end - 1], 4) != NULL)
			end -= 1;
		else if (end >= 3 && (memcmp(s + end - 3, "\xE2\x80\x9D", 3) ==
					      0 || /* closing double quote */
				      memcmp(s + end - 3, "\xE2\x80\x99", 3) ==
					      0)) /* closing single quote */
			end -= 3;
		else if (end >= 2 && memcmp(s + end - 2, "\xC2\xBB", 2) == 0)
			end -= 2; /* closing guillemet */
		else
			break;
	}
	if (end == 0)
		return false;
	if (end >= 3 && memcmp(s + end - 3, "\xE2\x80\xA6", 3) == 0)
		return false; /* ellipsis */
	return memchr(".,;", s[end - 1], 3) == NULL;
}

static bool S_line_title_like(const struct pt_line *l)
{
	return !S_is_marker_line(l) && S_title_like(l->s, l->len);
}

static struct pt_unit *S_new_unit(struct pt_doc *d, enum pt_kind kind,
				  const char *s, size_t n)
{
	struct pt_unit *u;
	xgrow(&d->units, &d->units_cap, d->nunits + 1, sizeof *d->units);
	u = &d->units[d->nunits++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->cap = n + 1;
	u->text = xmalloc(u->cap);
	memcpy(u->text, s, n);
	u->text[n] = '\0';
	u->len = n;
	u->one_line = true;
	return u;
}

/* Joins the line s (n bytes) to u with a space. */
static void S_append(struct pt_unit *u, const char *s, size_t n)
{
	if (u->len + n + 2 > u->cap) {
		size_t cap = u->cap * 2;
		if (cap < u->len + n + 2)
			cap = u->len + n + 2;
		u->text = xrealloc(u->text, cap);
		u->cap = cap;
	}
	u->text[u->len++] = ' ';
	memcpy(u->text + u->len, s, n);
	u->len += n;
	u->text[u->len] = '\0';
	u->one_line = false;
}

/* Starts a unit for line l: a list item or a paragraph. */
static struct pt_unit *S_unit_for_line(struct pt_doc *d,
				       const struct pt_line *l)
{
	enum pt_kind kind = PT_PARA;
	int number = 0;
	cmark_delim_type delim = CMARK_NO_DELIM;
	size_t m = S_marker(l->s, l->len, &kind, &number, &delim);
	struct pt_unit *u = S_new_unit(d, kind, l->s + m, l->len - m);
	u->number = number;
	u->delim = delim;
	return u;
}

/* Whether s ends a sentence: '.', '!' or '?', maybe inside quotes. */
static bool S_ends_sentence(const char *s, size_t n)
{
	while (n > 0 && memchr("\"')", s[n - 1], 3) != NULL)
		n--;
	if (n >= 3 && (memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 ||
		       memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0))
		n -= 3;
	return n > 0 && memchr(".!?", s[n - 1], 3) != NULL;
}

/*
 * In hard-wrapped text, whether line l (between prev and next, which may
 * be NULL) continues unit u.  An item takes indented or lower-case lines.
 * A paragraph takes a line that starts in lower case, and otherwise any
 * line except after a title-like line or one ending in ':', and except a
 * title-like line standing alone after the end of a sentence.
 */
static bool S_continues(const struct pt_unit *u, const struct pt_line *prev,
			const struct pt_line *l, const struct pt_line *next)
{
	bool lower = S_starts_lower(l->s, l->len);
	if (S_is_marker_line(l))
		return false;
	if (u->kind != PT_PARA)
		return l->indented || lower;
	if (lower)
		return true;
	if (prev->s[prev->len - 1] == ':' || S_line_title_like(prev))
		return false;
	return !(S_ends_sentence(prev->s, prev->len) &&
		 S_line_title_like(l) &&
		 (next == NULL || !S_starts_lower(next->s, next->len)));
}

/*
 * Pass 1: cuts the block of lines [b, e) into units.  A block with a long
 * line, or with no line running on into the next in lower case, is one
 * unit per line; otherwise it is hard-wrapped text and lines are joined.
 */
static void S_cut_block(struct pt_doc *d, size_t b, size_t e)
{
	bool long_line = false, wrapped = false;
	struct pt_unit *open = NULL;
	size_t i;

	for (i = b; i < e; i++) {
		const struct pt_line *l = &d->lines[i];
		if (l->nchars > PT_LONG_LINE)
			long_line = true;
		if (i > b && !S_is_marker_line(l) &&
		    S_starts_lower(l->s, l->len))
			wrapped = true;
	}
	for (i = b; i < e; i++) {
		const struct pt_line *l = &d->lines[i];
		const struct pt_line *next = i + 1 < e ? &d->lines[i + 1]
						       : NULL;
		if (!long_line && wrapped && open != NULL &&
		    S_continues(open, &d->lines[i - 1], l, next)) {
			S_append(open, l->s, l->len);
			continue;
		}
		open = S_unit_for_line(d, l);
	}
}

static void S_cut_units(struct pt_doc *d)
{
	size_t i = 0;
	while (i < d->nlines) {
		size_t b;
		if (d->lines[i].len == 0) {
			i++;
			continue;
		}
		b = i;
		while (i < d->nlines && d->lines[i].len > 0)
			i++;
		S_cut_block(d, b, i);
	}
	for (i = 0; i < d->nunits; i++) {
		struct pt_unit *u = &d->units[i];
		u->title_like = u->kind == PT_PARA &&
				S_title_like(u->text, u->len);
	}
}

/* Drops a trailing ':' (and the blanks before it) from u's text. */
static void S_drop_colon(struct pt_unit *u)
{
	if (u->len > 0 && u->text[u->len - 1] == ':')
		u->len--;
	while (u->len > 0 && u->text[u->len - 1] == ' ')
		u->len--;
	u->text[u->len] = '\0';
}

/* Copies s with its first letter in upper case. */
static char *S_capitalize(const char *s, size_t n)
{
	ucs4_t uc;
	uint8_t buf[6];
	int m, w;
	char *out;
	if (n == 0)
		return xstrdup("");
	m = u8_mbtouc(&uc, (const uint8_t *)s, n);
	w = u8_uctomb(buf, uc_toupper(uc), (ptrdiff_t)sizeof buf);
	if (uc == 0xFFFD || w <= 0)
		return xstrndup(s, n);
	out = xmalloc(n - (size_t)m + (size_t)w + 1);
	memcpy(out, buf, (size_t)w);
	memcpy(out + w, s + m, n - (size_t)m);
	out[n - (size_t)m + (size_t)w] = '\0';
	return out;
}

static bool S_is_name_sep(char c)
{
	return c == '-' || c == '_' || c == '.' || c == ' ' || c == '+';
}

/*
 * A token of the file name that is an id, not a word: eight or more hex
 * digits switching between digits and letters at least three times, as
 * in "0b7b5ae2763ca72e" (but not "decade2024").
 */
static bool S_is_junk(const char *s, size_t n)
{
	size_t switches = 0;
	int last = -1;
	if (n < 8)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int digit = c >= '0' && c <= '9';
		int hex = digit || (c >= 'a' && c <= 'f') ||
			  (c >= 'A' && c <= 'F');
		if (!hex)
			return false;
		if (last >= 0 && digit != last)
			switches++;
		last = digit;
	}
	return switches >= 3;
}

/*
 * The title a file name gives, or NULL when it does not read as words:
 * without its folder, extension and a leading number ("002_", "12-"),
 * it needs two runs of three or more letters and no junk token.
 * "skin-care_tips.txt" -> "Skin care tips".
 */
static char *S_title_from_name(const char *filename)
{
	const char *base, *s;
	size_t n, i, o = 0, runs = 0, run = 0;
	char *words, *title;

	if (filename == NULL)
		return NULL;
	base = strrchr(filename, '/');
	base = base != NULL ? base + 1 : filename;
	n = strlen(base);
	for (i = n; i > 1; i--)
		if (base[i - 1] == '.') {
			n = i - 1;
			break;
		}
	for (i = 0; i < n && base[i] >= '0' && base[i] <= '9'; i++)
		;
	if (i > 0 && (i == n || S_is_name_sep(base[i])))
		while (i < n && S_is_name_sep(base[i]))
			i++;
	else
		i = 0;
	s = base + i;
	n -= i;

	words = xmalloc(n + 1);
	i = 0;
	while (i < n) {
		size_t start = i;
		while (i < n && !S_is_name_sep(s[i]))
			i++;
		if (i > start) {
			if (S_is_junk(s + start, i - start)) {
				free(words);
				return NULL;
			}
			if (o > 0)
				words[o++] = ' ';
			memcpy(words + o, s + start, i - start);
			o += i - start;
		}
		while (i < n && S_is_name_sep(s[i]))
			i++;
	}
	words[o] = '\0';
	for (i = 0; i < o;) {
		ucs4_t uc;
		int m = u8_mbtouc(&uc, (const uint8_t *)words + i, o - i);
		if (uc != 0xFFFD && uc_is_alpha(uc)) {
			if (++run == 3)
				runs++;
		} else {
			run = 0;
		}
		i += (size_t)(m > 0 ? m : 1);
	}
	if (runs < 2) {
		free(words);
		return NULL;
	}
	title = S_capitalize(words, o);
	free(words);
	return title;
}

/* Whether the '.' at s[dot] ends an abbreviation or an initial. */
static bool S_is_abbrev(const char *s, size_t dot)
{
	size_t b = dot;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	if (dot - b == 1)
		return true; /* "T." */
	for (size_t i = 0; i < sizeof pt_abbrevs / sizeof pt_abbrevs[0]; i++)
		if (strlen(pt_abbrevs[i]) == dot - b &&
		    memcmp(pt_abbrevs[i], s + b, dot - b) == 0)
			return true;
	return false;
}

/* Byte length of the first sentence of s. */
static size_t S_sentence_len(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '.' && s[i] != '?' && s[i] != '!')
			continue;
		if (i + 1 < n && s[i + 1] != ' ')
			continue;
		if (s[i] == '.' && S_is_abbrev(s, i))
			continue;
		return i + 1;
	}
	return n;
}

static bool S_is_weak_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof pt_weak_words / sizeof pt_weak_words[0];
	     i++) {
		const char *k = pt_weak_words[i];
		size_t j;
		if (strlen(k) != n)
			continue;
		for (j = 0; j < n; j++)
			if ((w[j] | 0x20) != k[j])
				break;
		if (j == n)
			return true;
	}
	return false;
}

/*
 * A title from the opening words of s: the first sentence without its
 * '.', or when that is longer than PT_WORDS_MAX characters, its start cut
 * at a word boundary (trailing commas and words like "of" dropped) and
 * "...".
 */
static char *S_title_from_words(const char *s, size_t len)
{
	size_t n = S_sentence_len(s, len), i = 0, chars = 0, cut = 0;
	char *title;

	if (S_nchars(s, n) <= PT_WORDS_MAX) {
		if (n > 0 && s[n - 1] == '.' && (n < 2 || s[n - 2] != '.'))
			n--;
		return xstrndup(s, n);
	}
	while (i < n && chars <= PT_WORDS_MAX) {
		if (s[i] == ' ')
			cut = i;
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	if (cut == 0) { /* one long word: cut it after PT_WORDS_MAX chars */
		for (cut = 0, chars = 0; chars < PT_WORDS_MAX; chars++) {
			cut++;
			while (((unsigned char)s[cut] & 0xC0) == 0x80)
				cut++;
		}
	}
	for (;;) {
		size_t w;
		while (cut > 0 && memchr(" ,;:-(", s[cut - 1], 6) != NULL)
			cut--;
		w = cut;
		while (w > 0 && s[w - 1] != ' ')
			w--;
		if (w == 0 || !S_is_weak_word(s + w, cut - w))
			break;
		cut = w - 1;
	}
	title = xmalloc(cut + 4);
	memcpy(title, s, cut);
	memcpy(title + cut, "...", 4);
	return title;
}

/*
 * Pass 2: the title.  Returns the index of the first body unit (1 when
 * the first line was the title, else 0).
 */
static size_t S_take_title(struct pt_doc *d, const char *filename,
			   char **title)
{
	struct pt_unit *first = d->nunits > 0 ? &d->units[0] : NULL;
	if (first != NULL && first->kind == PT_PARA && first->one_line &&
	    first->title_like) {
		S_drop_colon(first);
		*title = xstrndup(first->text, first->len);
		return 1;
	}
	*title = S_title_from_name(filename);
	if (*title == NULL && first != NULL)
		*title = S_title_from_words(first->text, first->len);
	if (*title == NULL)
		*title = xstrdup("Untitled");
	return 0;
}

/* Pass 3: headings, then runs of short lines after a ':' made a list. */
static void S_assign_roles(struct pt_doc *d, size_t from)
{
	size_t i, j;
	for (i = from; i + 1 < d->nunits; i++) {
		struct pt_unit *u = &d->units[i], *next = &d->units[i + 1];
		if (u->kind == PT_PARA && u->one_line && u->title_like &&
		    next->kind == PT_PARA && !next->title_like) {
			u->kind = PT_HEADING;
			S_drop_colon(u);
		}
	}
	for (i = from; i < d->nunits; i++) {
		struct pt_unit *u = &d->units[i];
		if (u->kind != PT_PARA || u->len == 0 ||
		    u->text[u->len - 1] != ':')
			continue;
		for (j = i + 1; j < d->nunits; j++) {
			const struct pt_unit *v = &d->units[j];
			if (v->kind != PT_PARA || !v->one_line ||
			    !v->title_like)
				break;
		}
		if (j - i - 1 >= 2) {
			for (size_t k = i + 1; k < j; k++)
				d->units[k].kind = PT_BULLET;
			i = j - 1;
		}
	}
}

/* A new block node of the given type holding one text node. */
static cmark_node *S_text_block(cmark_node_type type, const char *text)
{
	cmark_node *b = cmark_node_new(type);
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(t, text);
	cmark_node_append_child(b, t);
	return b;
}

/* Builds the document from units [from, nunits). */
static cmark_node *S_build(const struct pt_doc *d, size_t from)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *list = NULL;
	enum pt_kind list_kind = PT_PARA;

	for (size_t i = from; i < d->nunits; i++) {
		const struct pt_unit *u = &d->units[i];
		cmark_node *item;
		switch (u->kind) {
		case PT_BULLET:
		case PT_ORDERED:
			if (list == NULL || list_kind != u->kind) {
				list = cmark_node_new(CMARK_NODE_LIST);
				list_kind = u->kind;
				cmark_node_set_list_tight(list, 1);
				if (u->kind == PT_BULLET) {
					cmark_node_set_list_type(
						list, CMARK_BULLET_LIST);
				} else {
					cmark_node_set_list_type(
						list, CMARK_ORDERED_LIST);
					cmark_node_set_list_start(list,
								  u->number);
					cmark_node_set_list_delim(list,
								  u->delim);
				}
				cmark_node_append_child(doc, list);
			}
			item = cmark_node_new(CMARK_NODE_ITEM);
			cmark_node_append_child(
				item, S_text_block(CMARK_NODE_PARAGRAPH,
						   u->text));
			cmark_node_append_child(list, item);
			break;
		case PT_HEADING:
			list = NULL;
			item = S_text_block(CMARK_NODE_HEADING, u->text);
			cmark_node_set_heading_level(item, 2);
			cmark_node_append_child(doc, item);
			break;
		case PT_PARA:
			list = NULL;
			cmark_node_append_child(
				doc, S_text_block(CMARK_NODE_PARAGRAPH,
						  u->text));
			break;
		}
	}
	return doc;
}

static void S_doc_free(struct pt_doc *d)
{
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i].s);
	free(d->lines);
	for (size_t i = 0; i < d->nunits; i++)
		free(d->units[i].text);
	free(d->units);
}

cmark_node *plaintext_parse(const char *text, size_t len, const char *filename,
			    char **title_out)
{
	struct pt_doc d = {0};
	cmark_node *doc;
	size_t from;

	if (text != NULL)
		S_split_lines(&d, text, len);
	S_cut_units(&d);
	from = S_take_title(&d, filename, title_out);
	S_assign_roles(&d, from);
	doc = S_build(&d, from);
	S_doc_free(&d);
	return doc;
}
