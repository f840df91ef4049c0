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

char *anchor_key(const char *s, size_t len)
{
	size_t flen = 0;
	char *f = fold_text(s, len, &flen, NULL);
	char *out = xmalloc(flen + 1);
	size_t o = 0;
	bool sep = false;
	const uint8_t *p = (const uint8_t *)f, *end = p + flen;
	while (p < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (n <= 0)
			n = 1;
		if (uc == ' ' || uc == '-' || uc == '_' || uc == '\t' ||
		    uc_is_property_white_space(uc) ||
		    uc_is_property_dash(uc)) {
			sep = true;
		} else if (uc_is_alnum(uc) || uc_is_general_category(uc,
				   UC_CATEGORY_M)) {
			if (sep && o > 0)
				out[o++] = '-';
			sep = false;
			memcpy(out + o, p, (size_t)n);
			o += (size_t)n;
		}
		p += n;
	}
	out[o] = '\0';
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
