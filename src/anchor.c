/*
 * anchor: the key a heading and a link fragment are compared by (see
 * anchor.h).  The text is folded first (fold_text), then read code point
 * by code point: letters and digits are kept, separators become one
 * hyphen, anything else is dropped.
 */
#include "anchor.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "fold.h"
#include "xmem.h"

static int S_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *anchor_unescape(const char *fragment)
{
	size_t n = strlen(fragment);
	char *out = xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		if (fragment[i] == '%' && i + 2 < n &&
		    (hi = S_hex(fragment[i + 1])) >= 0 &&
		    (lo = S_hex(fragment[i + 2])) >= 0) {
			char c = (char)(hi * 16 + lo);
			if (c != '\0') {
				out[o++] = c;
				i += 2;
				continue;
			}
		}
		out[o++] = fragment[i];
	}
	out[o] = '\0';
	return out;
}

/* The key loop both anchor_key and anchor_slug use: letters, digits and
 * marks kept (lower-cased letter by letter when lower, so Turkish I-dot
 * becomes a plain i, not i and a combining dot), each run of separators
 * one hyphen, anything else dropped.  Caller frees. */
static char *S_keyed(const uint8_t *p, size_t len, bool lower)
{
	char *out = xmalloc(4 * len + 1);
	size_t o = 0;
	bool sep = false;
	const uint8_t *end = p + len;
	while (p < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (n <= 0)
			n = 1;
		if (uc == ' ' || uc == '-' || uc == '_' || uc == '\t' ||
		    uc_is_property_white_space(uc) || uc_is_property_dash(uc)) {
			sep = true;
		} else if (uc_is_alnum(uc) ||
			   uc_is_general_category(uc, UC_CATEGORY_M)) {
			if (sep && o > 0)
				out[o++] = '-';
			sep = false;
			if (lower) {
				int k = u8_uctomb((uint8_t *)out + o,
						  uc_tolower(uc), 4);
				o += k > 0 ? (size_t)k : 0;
			} else {
				memcpy(out + o, p, (size_t)n);
				o += (size_t)n;
			}
		}
		p += n;
	}
	out[o] = '\0';
	return out;
}

char *anchor_key(const char *s, size_t len)
{
	size_t flen = 0;
	char *f = fold_text(s, len, &flen, NULL);
	char *out = S_keyed((const uint8_t *)f, flen, false);
	free(f);
	return out;
}

bool anchor_match(const char *title, const char *fragment)
{
	if (title == NULL || fragment == NULL)
		return false;
	char *frag = anchor_unescape(fragment);
	char *a = anchor_key(title, strlen(title));
	char *b = anchor_key(frag, strlen(frag));
	bool same = a[0] != '\0' && strcmp(a, b) == 0;
	free(a);
	free(b);
	free(frag);
	return same;
}

bool anchor_match_id(const char *title, const char *id, const char *fragment)
{
	if (fragment == NULL)
		return false;
	if (id != NULL && id[0] != '\0') {
		char *frag = anchor_unescape(fragment);
		bool same = strcmp(frag, id) == 0;
		free(frag);
		if (same || anchor_match(id, fragment))
			return true;
	}
	return anchor_match(title, fragment);
}

char *anchor_slug(const char *title)
{
	return S_keyed((const uint8_t *)title, strlen(title), true);
}

size_t anchor_distance(const char *a, const char *b)
{
	/* Levenshtein distance over code points, two rows. */
	size_t na = u8_strlen((const uint8_t *)a), nb = u8_strlen((const uint8_t *)b);
	ucs4_t *x = xcalloc(na + 1, sizeof *x), *y = xcalloc(nb + 1, sizeof *y);
	size_t la = 0, lb = 0;
	for (const uint8_t *p = (const uint8_t *)a; *p && la < na;) {
		int n = u8_strmbtouc(&x[la++], p);
		p += n > 0 ? n : 1;
	}
	for (const uint8_t *p = (const uint8_t *)b; *p && lb < nb;) {
		int n = u8_strmbtouc(&y[lb++], p);
		p += n > 0 ? n : 1;
	}
	size_t *prev = xcalloc(lb + 1, sizeof *prev);
	size_t *cur = xcalloc(lb + 1, sizeof *cur);
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t d = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[lb];
	free(prev);
	free(cur);
	free(x);
	free(y);
	return d;
}
