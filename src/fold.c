/* fold: see fold.h. */
#include "fold.h"

#include <stdbool.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "xmem.h"

static ucs4_t fold_cp(ucs4_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c == 0x131)
		return 'i'; /* dotless i */
	ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
	for (int depth = 0; depth < 4; depth++) {
		if (uc_canonical_decomposition(c, dec) <= 0)
			break;
		c = dec[0];
	}
	return uc_tolower(c);
}

char *fold_text(const char *s, size_t len, size_t *out_len, uint32_t **map)
{
	const uint8_t *p = (const uint8_t *)s;
	/* A folded code point is never longer than 4 bytes; each input code
	 * point is at least 1. */
	size_t cap = len * 4 + 1, o = 0;
	uint8_t *out = xmalloc(cap);
	uint32_t *m = map != NULL ? xmalloc((cap + 1) * sizeof *m) : NULL;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, len - i);
		if (k <= 0) {
			c = 0xfffd;
			k = 1;
		}
		c = fold_cp(c);
		int w = u8_uctomb(out + o, c, (int)(cap - o));
		if (w <= 0)
			w = 0;
		for (int j = 0; m != NULL && j < w; j++)
			m[o + (size_t)j] = (uint32_t)i;
		o += (size_t)w;
		i += (size_t)k;
	}
	out[o] = '\0';
	if (m != NULL) {
		m[o] = (uint32_t)len;
		*map = m;
	}
	*out_len = o;
	return (char *)out;
}

void fold_words(const char *s, size_t len, fold_word_fn fn, void *ctx)
{
	const uint8_t *p = (const uint8_t *)s;
	char w[FOLD_WORD_MAX + 4];
	size_t wl = 0, start = 0;
	bool in = false, cut = false; /* cut: the word is full */
	for (size_t i = 0; i < len;) {
		ucs4_t c = p[i];
		int k = 1;
		bool alnum;
		if (c < 0x80) {
			c = c >= 'A' && c <= 'Z' ? c + 32 : c;
			alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		} else {
			k = u8_mbtoucr(&c, p + i, len - i);
			if (k <= 0) {
				c = 0xfffd;
				k = 1;
			}
			c = fold_cp(c);
			alnum = uc_is_alnum(c);
		}
		if (alnum) {
			if (!in) {
				in = true;
				cut = false;
				wl = 0;
				start = i;
			}
			uint8_t b[6];
			int n = 1;
			if (c < 0x80)
				b[0] = (uint8_t)c;
			else
				n = u8_uctomb(b, c, (int)sizeof b);
			if (n > 0 && !cut && wl + (size_t)n <= FOLD_WORD_MAX) {
				memcpy(w + wl, b, (size_t)n);
				wl += (size_t)n;
			} else {
				cut = true;
			}
		} else if (in) {
			fn(ctx, w, wl, start, i);
			in = false;
		}
		i += (size_t)k;
	}
	if (in)
		fn(ctx, w, wl, start, len);
}
