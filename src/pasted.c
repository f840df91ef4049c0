/*
 * pasted: see pasted.h.
 *
 * One pass over the lines.  Unchanged text is handed to cmark in as few
 * calls as possible: a run of lines is fed when a line must change, then
 * the changed bytes, and the rest at the end.
 */
#include "pasted.h"

#include <stdbool.h>
#include <string.h>

/* A bullet's bytes, whether it must be followed by a blank, and the
 * Markdown marker it becomes: bullets of different looks get different
 * markers, so two lists of them one after the other stay two lists. */
static const struct {
	const char *bytes;
	size_t len;
	bool needs_blank;
	char marker;
} S_bullets[] = {
	{"\xE2\x80\xA2", 3, false, '-'}, /* • */
	{"\xE2\x97\x8F", 3, false, '-'}, /* ● */
	{"\xEF\x82\xB7", 3, false, '-'}, /* U+F0B7, Symbol font bullet */
	{"\xE2\x96\xAA", 3, false, '*'}, /* ▪ */
	{"\xE2\x97\xA6", 3, false, '*'}, /* ◦ */
	{"\xEF\x82\xA7", 3, false, '*'}, /* U+F0A7, Wingdings square */
	{"\xC2\xB7", 2, true, '+'},      /* · */
	{"\xE2\x80\x93", 3, true, '+'},  /* – */
};

/* Length of a blank at s: space, tab or no-break space. */
static size_t S_blank(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

static size_t S_bullet(const char *s, size_t n, size_t *blanks, char *marker)
{
	*blanks = 0;
	if (n < 2 || ((unsigned char)s[0] != 0xE2 && (unsigned char)s[0] != 0xEF &&
		      (unsigned char)s[0] != 0xC2))
		return 0;
	for (size_t i = 0; i < sizeof S_bullets / sizeof *S_bullets; i++) {
		size_t k = S_bullets[i].len, b, m = 0;
		if (n < k || memcmp(s, S_bullets[i].bytes, k) != 0)
			continue;
		while ((b = S_blank(s + k + m, n - k - m)) > 0)
			m += b;
		if (k + m == n || (m == 0 && S_bullets[i].needs_blank))
			return 0; /* a bullet alone, or "–5" */
		*blanks = m;
		*marker = S_bullets[i].marker;
		return k;
	}
	return 0;
}

size_t pasted_bullet(const char *s, size_t n, size_t *blanks)
{
	char marker;
	return S_bullet(s, n, blanks, &marker);
}

/* A fence line of ``` or ~~~ (at most three spaces before): its
 * character and length, else 0. */
static size_t S_fence(const char *s, size_t n, char *c)
{
	size_t i = 0, k = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || (s[i] != '`' && s[i] != '~'))
		return 0;
	*c = s[i];
	while (i + k < n && s[i + k] == *c)
		k++;
	return k >= 3 ? k : 0;
}

void pasted_feed(cmark_parser *p, const char *text, size_t len)
{
	size_t pos = 0, fed = 0;
	char fence_c = 0;
	size_t fence_n = 0;
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - pos;
		size_t next = nl != NULL ? pos + n + 1 : len;
		char c;
		size_t k = S_fence(s, n, &c);
		if (fence_n > 0) {
			if (k >= fence_n && c == fence_c)
				fence_n = 0;
			pos = next;
			continue;
		}
		if (k > 0) {
			fence_c = c;
			fence_n = k;
			pos = next;
			continue;
		}
		size_t ind = 0, blanks;
		while (ind < n && ind < 3 && s[ind] == ' ')
			ind++;
		char marker;
		size_t b = S_bullet(s + ind, n - ind, &blanks, &marker);
		if (b > 0) {
			static const char spaces[] = "     ";
			size_t w = b + blanks;
			cmark_parser_feed(p, text + fed, pos + ind - fed);
			cmark_parser_feed(p, &marker, 1);
			cmark_parser_feed(p, spaces, w <= 5 ? w - 1 : 1);
			fed = pos + ind + w;
		}
		/* Word's private-use bullets anywhere else on the line. */
		for (size_t i = fed > pos ? fed - pos : 0; i + 3 <= n; i++) {
			const char *ef = memchr(s + i, 0xEF, n - i);
			if (ef == NULL)
				break;
			i = (size_t)(ef - s);
			if (i + 3 > n || (unsigned char)s[i + 1] != 0x82 ||
			    ((unsigned char)s[i + 2] != 0xB7 &&
			     (unsigned char)s[i + 2] != 0xA7))
				continue;
			cmark_parser_feed(p, text + fed, pos + i - fed);
			cmark_parser_feed(p,
					  (unsigned char)s[i + 2] == 0xB7
						  ? "\xE2\x80\xA2"
						  : "\xE2\x96\xAA",
					  3);
			fed = pos + i + 3;
			i += 2;
		}
		pos = next;
	}
	if (fed < len)
		cmark_parser_feed(p, text + fed, len - fed);
}
