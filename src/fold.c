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

/* The code point at p[i] (of len bytes, not ASCII) folded into *c;
 * returns its length in bytes (1 for a byte that is not UTF-8: U+FFFD). */
static size_t fold_at(const uint8_t *p, size_t len, size_t i, ucs4_t *c)
{
	int k = u8_mbtoucr(c, p + i, len - i);
	if (k <= 0) {
		*c = 0xfffd;
		k = 1;
	}
	*c = fold_cp(*c);
	return (size_t)k;
}

void fold_words(const char *s, size_t len, fold_word_fn fn, void *ctx)
{
	const uint8_t *p = (const uint8_t *)s;
	char w[FOLD_WORD_MAX + 4];
	size_t wl = 0, start = 0;
	bool in = false, cut = false; /* in a word; the word is full */
	for (size_t i = 0; i < len;) {
		uint8_t b = p[i];
		ucs4_t c;
		size_t k = 1;
		if (b < 0x80) {
			/* ASCII, most of the text: letters lower-cased. */
			if ((unsigned)((b | 0x20) - 'a') < 26)
				c = b | 0x20;
			else if ((unsigned)(b - '0') < 10)
				c = b;
			else
				c = 0;
		} else {
			k = fold_at(p, len, i, &c);
			if (!uc_is_alnum(c))
				c = 0;
		}
		if (c == 0) {
			if (in)
				fn(ctx, w, wl, start, i);
			in = false;
			i += k;
			continue;
		}
		if (!in) {
			in = true;
			cut = false;
			wl = 0;
			start = i;
		}
		if (c < 0x80 && !cut && wl < FOLD_WORD_MAX) {
			w[wl++] = (char)c;
		} else if (c >= 0x80 && !cut) {
			uint8_t u[6];
			int n = u8_uctomb(u, c, (int)sizeof u);
			if (n > 0 && wl + (size_t)n <= FOLD_WORD_MAX) {
				memcpy(w + wl, u, (size_t)n);
				wl += (size_t)n;
			} else {
				cut = true;
			}
		} else {
			cut = true;
		}
		i += k;
	}
	if (in)
		fn(ctx, w, wl, start, len);
}
