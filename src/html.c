/* html: see html.h.  A forgiving scanner, not a parser. */
#include "html.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "xmem.h"

static bool starts(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t n = strlen(lit);
	return pos + n <= len && strncasecmp(s + pos, lit, n) == 0;
}

/* Finds lit at or after pos; returns the position after it, or len. */
static size_t skip_past(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t n = strlen(lit);
	for (size_t i = pos; i + n <= len; i++)
		if (memcmp(s + i, lit, n) == 0)
			return i + n;
	return len;
}

bool html_next(const char *s, size_t len, size_t *pos, struct html_token *t)
{
	size_t p = *pos;
	if (p >= len)
		return false;
	memset(t, 0, sizeof *t);
	t->start = s + p;
	if (s[p] == '<' && starts(s, len, p, "<!--")) {
		size_t e = skip_past(s, len, p + 4, "-->");
		t->kind = HTML_COMMENT;
		t->len = e - p;
		*pos = e;
		return true;
	}
	if (s[p] == '<' && p + 1 < len &&
	    (s[p + 1] == '!' || s[p + 1] == '?')) {
		size_t e = skip_past(s, len, p + 2, ">");
		t->kind = HTML_COMMENT;
		t->len = e - p;
		*pos = e;
		return true;
	}
	if (s[p] == '<' && p + 1 < len &&
	    (isalpha((unsigned char)s[p + 1]) ||
	     (s[p + 1] == '/' && p + 2 < len &&
	      isalpha((unsigned char)s[p + 2])))) {
		size_t q = p + 1;
		t->kind = HTML_TAG;
		if (s[q] == '/') {
			t->closing = true;
			q++;
		}
		size_t n = 0;
		while (q < len && (isalnum((unsigned char)s[q]) || s[q] == '-')) {
			if (n + 1 < sizeof t->name)
				t->name[n++] = (char)tolower((unsigned char)s[q]);
			q++;
		}
		t->name[n] = '\0';
		/* Up to '>' outside quotes. */
		char quote = 0;
		while (q < len) {
			char c = s[q++];
			if (quote) {
				if (c == quote)
					quote = 0;
			} else if (c == '"' || c == '\'') {
				quote = c;
			} else if (c == '>') {
				break;
			}
		}
		t->len = q - p;
		*pos = q;
		return true;
	}
	/* Text up to the next '<' that starts a tag or comment. */
	size_t q = p + 1;
	while (q < len && s[q] != '<')
		q++;
	t->kind = HTML_TEXT;
	t->len = q - p;
	*pos = q;
	return true;
}

char *html_attr(const struct html_token *t, const char *attr)
{
	if (t->kind != HTML_TAG || t->closing)
		return NULL;
	const char *s = t->start;
	size_t len = t->len, an = strlen(attr);
	size_t i = 1 + strlen(t->name);
	while (i < len) {
		while (i < len && (isspace((unsigned char)s[i]) || s[i] == '/'))
			i++;
		size_t ns = i;
		while (i < len && !isspace((unsigned char)s[i]) && s[i] != '=' &&
		       s[i] != '>' && s[i] != '/')
			i++;
		size_t nl = i - ns;
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		const char *v = NULL;
		size_t vl = 0;
		if (i < len && s[i] == '=') {
			i++;
			while (i < len && isspace((unsigned char)s[i]))
				i++;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				char qc = s[i++];
				v = s + i;
				while (i < len && s[i] != qc)
					i++;
				vl = (size_t)(s + i - v);
				if (i < len)
					i++;
			} else {
				v = s + i;
				while (i < len && !isspace((unsigned char)s[i]) &&
				       s[i] != '>')
					i++;
				vl = (size_t)(s + i - v);
			}
		}
		if (nl == 0) {
			i++;
			continue;
		}
		if (nl == an && strncasecmp(s + ns, attr, an) == 0)
			return v != NULL ? html_decode(v, vl, NULL) : xstrdup("");
	}
	return NULL;
}

static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
	{"amp", '&'},     {"lt", '<'},      {"gt", '>'},     {"quot", '"'},
	{"apos", '\''},   {"nbsp", 0xa0},   {"ndash", 0x2013}, {"mdash", 0x2014},
	{"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018},
	{"rdquo", 0x201d}, {"ldquo", 0x201c}, {"copy", 0xa9},   {"reg", 0xae},
	{"deg", 0xb0},    {"times", 0xd7},
};

char *html_decode(const char *s, size_t len, size_t *out_len)
{
	char *out = xmalloc(len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] != '&') {
			out[o++] = s[i++];
			continue;
		}
		size_t e = i + 1;
		while (e < len && e - i < 12 && s[e] != ';' && s[e] != '&' &&
		       !isspace((unsigned char)s[e]))
			e++;
		uint32_t cp = 0;
		if (e < len && s[e] == ';') {
			const char *name = s + i + 1;
			size_t nl = e - i - 1;
			if (nl > 1 && name[0] == '#') {
				unsigned long v = 0;
				bool ok = true;
				bool hex = name[1] == 'x' || name[1] == 'X';
				for (size_t k = hex ? 2 : 1; k < nl && ok; k++) {
					int c = (unsigned char)name[k];
					int d = isdigit(c)            ? c - '0'
						: hex && isxdigit(c) ? tolower(c) - 'a' + 10
								      : -1;
					if (d < 0)
						ok = false;
					else
						v = v * (hex ? 16 : 10) + (unsigned)d;
					if (v > 0x10ffff)
						ok = false;
				}
				if (ok && v > 0)
					cp = (uint32_t)v;
			} else {
				for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++)
					if (strlen(entities[k].name) == nl &&
					    memcmp(entities[k].name, name, nl) == 0)
						cp = entities[k].cp;
			}
		}
		if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff)) {
			out[o++] = s[i++];
			continue;
		}
		uint8_t buf[6];
		int w = u8_uctomb(buf, cp, sizeof buf);
		/* An entity is at least 4 bytes ("&lt;"), its UTF-8 at most 4. */
		if (w > 0 && (size_t)w <= e + 1 - i) {
			memcpy(out + o, buf, (size_t)w);
			o += (size_t)w;
		}
		i = e + 1;
	}
	out[o] = '\0';
	if (out_len != NULL)
		*out_len = o;
	return out;
}

bool html_is_hidden_tag(const char *name)
{
	return strcmp(name, "script") == 0 || strcmp(name, "style") == 0;
}

bool html_is_break_tag(const char *name)
{
	static const char *const tags[] = {
		"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
		"tr", "blockquote", "ul", "ol", "table", "section", "article",
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (strcmp(name, tags[i]) == 0)
			return true;
	return false;
}
