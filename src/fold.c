/* fold: see fold.h. */
#include "fold.h"

#include <string.h>

#include <unicase.h>
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
