/*
 * sitesyntax: see sitesyntax.h.
 *
 * One pass over the text, line by line.  Fenced code blocks are copied
 * as they are; inside a line, code spans are too.  Everything else is
 * copied byte by byte, except at '{' (a construct is looked for) and at
 * "](" followed by a template (the link is undone: its '[' taken back
 * out of the output, its address skipped).
 */
#include "sitesyntax.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

struct out {
	char *s;
	size_t n, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
	xgrow(&o->s, &o->cap, o->n + n + 1, 1);
	memcpy(o->s + o->n, s, n);
	o->n += n;
	o->s[o->n] = '\0';
}

static void put_str(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* Keeps the line breaks of s[0..n) (a construct that spans lines). */
static void put_newlines(struct out *o, const char *s, size_t n)
{
	for (const char *p = memchr(s, '\n', n); p != NULL;
	     p = memchr(p + 1, '\n', n - (size_t)(p + 1 - s)))
		put(o, "\n", 1);
}

/* The first k-byte needle in s[0..n), or NULL. */
static const char *find(const char *s, size_t n, const char *needle, size_t k)
{
	for (const char *p = n >= k ? memchr(s, needle[0], n - k + 1) : NULL;
	     p != NULL;
	     p = (size_t)(p + 1 - s) + k <= n
			 ? memchr(p + 1, needle[0], n - (size_t)(p + 1 - s) - k + 1)
			 : NULL)
		if (memcmp(p, needle, k) == 0)
			return p;
	return NULL;
}

static bool name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

static void note(struct sitesyntax_found *f, const char *s, size_t n, int line)
{
	if (f->count++ > 0)
		return;
	f->first_line = line;
	size_t k = n < sizeof f->first - 1 ? n : sizeof f->first - 1;
	/* Cut at a character boundary. */
	while (k > 0 && k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	memcpy(f->first, s, k);
	f->first[k] = '\0';
	for (char *p = f->first; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

/* Length of the attribute list at s[0..n) (s[0] is '{'), or 0 when it is
 * not one.  Its first #id goes to id (cap bytes), when id is not NULL. */
static size_t attr_list(const char *s, size_t n, char *id, size_t cap)
{
	size_t i = 1, tokens = 0;
	bool colon = i < n && s[i] == ':';
	if (colon)
		i++;
	if (id != NULL)
		id[0] = '\0';
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n || s[i] == '\n' || s[i] == '\r')
			return 0;
		if (s[i] == '}')
			break;
		if (s[i] == '.' || s[i] == '#') {
			char kind = s[i++];
			size_t st = i;
			while (i < n && name_char(s[i]))
				i++;
			if (i == st || !name_start(s[st]))
				return 0;
			if (kind == '#' && id != NULL && id[0] == '\0' &&
			    i - st < cap) {
				memcpy(id, s + st, i - st);
				id[i - st] = '\0';
			}
		} else if (name_start(s[i])) {
			while (i < n && name_char(s[i]))
				i++;
			if (i < n && s[i] == '=') {
				i++;
				if (i < n && (s[i] == '"' || s[i] == '\'')) {
					char q = s[i++];
					while (i < n && s[i] != q && s[i] != '\n')
						i++;
					if (i >= n || s[i] != q)
						return 0;
					i++;
				} else {
					size_t st = i;
					while (i < n && s[i] != ' ' && s[i] != '\t' &&
					       s[i] != '}' && s[i] != '\n')
						i++;
					if (i == st)
						return 0;
				}
			} else if (!colon) {
				return 0; /* {word}: text, not attributes */
			}
		} else {
			return 0;
		}
		tokens++;
		if (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '}')
			return 0;
	}
	if (tokens == 0 && !colon)
		return 0;
	return i + 1;
}

/* The value of parameter key="..." (or key=word) in p[0..n), or the
 * first positional word when key is NULL, into buf; false if none. */
static bool shortcode_param(const char *p, size_t n, const char *key,
			    char *buf, size_t cap)
{
	size_t i = 0, kl = key != NULL ? strlen(key) : 0;
	while (i < n) {
		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n'))
			i++;
		size_t st = i;
		while (i < n && p[i] != '=' && p[i] != ' ' && p[i] != '\t' &&
		       p[i] != '\n')
			i++;
		bool named = i < n && p[i] == '=';
		size_t nl = i - st;
		const char *v;
		size_t vl;
		if (named) {
			i++;
		} else {
			i = st;
		}
		if (i < n && (p[i] == '"' || p[i] == '\'')) {
			char q = p[i++];
			v = p + i;
			while (i < n && p[i] != q)
				i++;
			vl = (size_t)(p + i - v);
			if (i < n)
				i++;
		} else {
			v = p + i;
			while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\n')
				i++;
			vl = (size_t)(p + i - v);
		}
		bool want = key == NULL ? !named
					: named && nl == kl &&
						  memcmp(p + st, key, kl) == 0;
		if (want && vl > 0 && vl < cap) {
			memcpy(buf, v, vl);
			buf[vl] = '\0';
			return true;
		}
		if (i == st)
			i++;
	}
	return false;
}

/* A shortcode's replacement: a link or an image for the few that carry
 * something a patient can use; nothing for the rest. */
static void shortcode_text(struct out *o, const char *in, size_t n)
{
	while (n > 0 && (*in == ' ' || *in == '\t' || *in == '\n')) {
		in++;
		n--;
	}
	if (n == 0 || *in == '/')
		return; /* a closing tag */
	size_t nl = 0;
	while (nl < n && name_char(in[nl]))
		nl++;
	const char *p = in + nl;
	size_t pn = n - nl;
	char v[256], t[256];
	bool yt = nl == 7 && memcmp(in, "youtube", 7) == 0;
	bool vm = nl == 5 && memcmp(in, "vimeo", 5) == 0;
	if ((yt || vm) && (shortcode_param(p, pn, "id", v, sizeof v) ||
			   shortcode_param(p, pn, NULL, v, sizeof v)) &&
	    strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789-_") == strlen(v)) {
		char buf[700];
		bool titled = shortcode_param(p, pn, "title", t, sizeof t) &&
			      strpbrk(t, "[]\\") == NULL;
		snprintf(buf, sizeof buf, "[Video: %s](%s%s)",
			 titled ? t : yt ? "YouTube" : "Vimeo",
			 yt ? "https://www.youtube.com/watch?v="
			    : "https://vimeo.com/",
			 v);
		put_str(o, buf);
	} else if (nl == 6 && memcmp(in, "figure", 6) == 0 &&
		   shortcode_param(p, pn, "src", v, sizeof v) &&
		   strpbrk(v, " ()<>") == NULL) {
		if (!shortcode_param(p, pn, "alt", t, sizeof t) &&
		    !shortcode_param(p, pn, "caption", t, sizeof t))
			t[0] = '\0';
		if (strpbrk(t, "[]\\") != NULL)
			t[0] = '\0';
		char buf[600];
		snprintf(buf, sizeof buf, "![%s](%s)", t, v);
		put_str(o, buf);
	}
}

/* Longest template construct looked for (one that spans lines). */
#define TEMPLATE_MAX 4096

/* Length of the template construct at s[0..n) (s[0] is '{'; line bytes
 * of s are on its line), or 0.  A shortcode's replacement goes to o. */
static size_t template_at(struct out *o, const char *s, size_t n, size_t line)
{
	if (n < 4 || (s[1] != '{' && s[1] != '%'))
		return 0;
	if (n > TEMPLATE_MAX)
		n = TEMPLATE_MAX;
	if (s[1] == '{' && (s[2] == '<' || s[2] == '%')) {
		const char *end = s[2] == '<' ? ">}}" : "%}}";
		const char *e = find(s + 3, n - 3, end, 3);
		if (e == NULL)
			return 0;
		shortcode_text(o, s + 3, (size_t)(e - s) - 3);
		return (size_t)(e - s) + 3;
	}
	/* A {{ name }} variable stays on its line; a {% tag %} may not. */
	size_t lim = s[1] == '{' ? (line < n ? line : n) : n;
	const char *end = s[1] == '{' ? "}}" : "%}";
	const char *e = lim > 2 ? find(s + 2, lim - 2, end, 2) : NULL;
	return e != NULL ? (size_t)(e - s) + 2 : 0;
}

/* True when line s[0..n) is an ATX heading, or text with a setext
 * underline on the next line (next[0..nn)). */
static bool heading_line(const char *s, size_t n, const char *next, size_t nn)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	size_t h = i;
	while (h < n && s[h] == '#')
		h++;
	if (h > i && h - i <= 6 && (h == n || s[h] == ' ' || s[h] == '\t'))
		return true;
	if (next == NULL || i >= n)
		return false;
	size_t j = 0;
	while (j < nn && j < 3 && next[j] == ' ')
		j++;
	if (j >= nn || (next[j] != '=' && next[j] != '-'))
		return false;
	char u = next[j];
	while (j < nn && next[j] == u)
		j++;
	while (j < nn && (next[j] == ' ' || next[j] == '\t' || next[j] == '\r'))
		j++;
	return j == nn;
}

/* The fence a line opens or closes: its character and length, or 0. */
static size_t fence_of(const char *s, size_t n, char *ch)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || (s[i] != '`' && s[i] != '~'))
		return 0;
	char c = s[i];
	size_t k = i;
	while (k < n && s[k] == c)
		k++;
	if (k - i < 3)
		return 0;
	if (c == '`' && memchr(s + k, '`', n - k) != NULL)
		return 0;
	*ch = c;
	return k - i;
}

/* Whether s[0..n) may hold anything to take out (the common case, an
 * article without any, costs one scan). */
static bool maybe(const char *s, size_t n)
{
	for (const char *p = memchr(s, '{', n); p != NULL;
	     p = memchr(p + 1, '{', n - (size_t)(p + 1 - s))) {
		char c = p + 1 < s + n ? p[1] : '\0';
		if (c == '{' || c == '%' || c == ':' || c == '.' || c == '#' ||
		    name_start(c))
			return true;
	}
	return false;
}

char *sitesyntax_strip(const char *text, size_t len, size_t *out_len,
		       struct sitesyntax_found *found)
{
	struct sitesyntax_found scratch;
	if (found == NULL)
		found = &scratch;
	memset(found, 0, sizeof *found);
	if (!maybe(text, len))
		return NULL;
	struct out o = {0};
	xgrow(&o.s, &o.cap, len + 1, 1);
	char fence = 0;
	size_t fence_len = 0;
	/* Output offsets of the '[' not yet closed, and of the last one
	 * closed by ']'. */
	size_t opens[32], nopen = 0, last_open = SIZE_MAX;
	int line = 1;
	bool changed = false; /* something not counted was changed */
	size_t i = 0;
	while (i < len) {
		const char *eol = memchr(text + i, '\n', len - i);
		size_t le = eol != NULL ? (size_t)(eol - text) : len;
		char ch = 0;
		size_t fl = fence_of(text + i, le - i, &ch);
		if (fence != 0 || fl > 0) {
			if (fence == 0) {
				fence = ch;
				fence_len = fl;
			} else if (fl >= fence_len && ch == fence) {
				fence = 0;
			}
			put(&o, text + i, le - i + (eol != NULL));
			i = le + (eol != NULL);
			line++;
			continue;
		}
		const char *next = NULL;
		size_t nn = 0;
		if (eol != NULL) {
			next = eol + 1;
			const char *e2 = memchr(next, '\n', len - (le + 1));
			nn = e2 != NULL ? (size_t)(e2 - next) : len - (le + 1);
		}
		bool heading = heading_line(text + i, le - i, next, nn);
		if (le == i)
			nopen = 0; /* a blank line ends any link */
		size_t k = i;
		while (k < le) {
			char c = text[k];
			if (c == '`') {
				size_t r = k;
				while (r < le && text[r] == '`')
					r++;
				size_t run = r - k, m = r;
				const char *close = NULL;
				while (m < le) {
					const char *q = memchr(text + m, '`', le - m);
					if (q == NULL)
						break;
					size_t qe = (size_t)(q - text);
					while (qe < le && text[qe] == '`')
						qe++;
					if (qe - (size_t)(q - text) == run) {
						close = text + qe;
						break;
					}
					m = qe;
				}
				size_t to = close != NULL ? (size_t)(close - text) : r;
				put(&o, text + k, to - k);
				k = to;
				continue;
			}
			if (c == '\\' && k + 1 < le) {
				put(&o, text + k, 2);
				k += 2;
				continue;
			}
			if (c == '[') {
				if (nopen < sizeof opens / sizeof *opens)
					opens[nopen++] = o.n;
				put(&o, "[", 1);
				k++;
				continue;
			}
			if (c == ']') {
				last_open = nopen > 0 ? opens[--nopen] : SIZE_MAX;
				/* "](" and a template: the link goes, its
				 * text stays. */
				size_t a = k + 1;
				if (a < le && text[a] == '(' && last_open != SIZE_MAX) {
					a++;
					while (a < le && text[a] == ' ')
						a++;
					if (a + 1 < le && text[a] == '{' &&
					    (text[a + 1] == '{' || text[a + 1] == '%')) {
						size_t d = 1, z = a;
						while (z < le && d > 0) {
							if (text[z] == '(')
								d++;
							else if (text[z] == ')')
								d--;
							z++;
						}
						if (d == 0) {
							note(found, text + a, z - a, line);
							size_t at = last_open;
							memmove(o.s + at, o.s + at + 1,
								o.n - at - 1);
							o.n--;
							if (at > 0 && o.s[at - 1] == '!') {
								memmove(o.s + at - 1, o.s + at,
									o.n - at);
								o.n--;
							}
							o.s[o.n] = '\0';
							k = z;
							continue;
						}
					}
				}
				put(&o, "]", 1);
				k++;
				continue;
			}
			if (c != '{') {
				/* Copy up to the next byte that matters. */
				size_t z = k + 1;
				while (z < le && text[z] != '{' && text[z] != '`' &&
				       text[z] != '\\' && text[z] != '[' &&
				       text[z] != ']')
					z++;
				put(&o, text + k, z - k);
				k = z;
				continue;
			}
			size_t t = template_at(&o, text + k, len - k, le - k);
			if (t > 0) {
				note(found, text + k, t, line);
				/* "Hello {{ name }} visitor": one space. */
				if (o.n > 0 && o.s[o.n - 1] == ' ' && k + t < le &&
				    text[k + t] == ' ')
					o.s[--o.n] = '\0';
				put_newlines(&o, text + k, t);
				for (size_t q = k; q < k + t; q++)
					if (text[q] == '\n')
						line++;
				k += t;
				if (k > le) {
					/* It ran over lines: go on from its end. */
					const char *e2 = memchr(text + k, '\n', len - k);
					le = e2 != NULL ? (size_t)(e2 - text) : len;
					eol = e2;
				}
				continue;
			}
			char id[128];
			size_t a = attr_list(text + k, le - k, id, sizeof id);
			if (a > 0) {
				/* A heading's id is used, not lost: not
				 * reported. */
				if (!heading || id[0] == '\0')
					note(found, text + k, a, line);
				while (o.n > 0 && (o.s[o.n - 1] == ' ' ||
						   o.s[o.n - 1] == '\t'))
					o.n--;
				o.s[o.n] = '\0';
				changed = true;
				if (heading && id[0] != '\0') {
					put_str(&o, "<a id=\"");
					put_str(&o, id);
					put_str(&o, "\"></a>");
				}
				k += a;
				continue;
			}
			put(&o, "{", 1);
			k++;
		}
		if (eol != NULL)
			put(&o, "\n", 1);
		i = le + (eol != NULL);
		line++;
	}
	if (found->count == 0 && !changed) {
		free(o.s);
		return NULL;
	}
	*out_len = o.n;
	return o.s;
}
