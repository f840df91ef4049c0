/*
 * collate: see collate.h.  Each code point gets a primary weight (its
 * base letter, with Turkish's own letters placed between the Latin ones)
 * and a secondary one (the accent); strings compare by primaries, then
 * secondaries, then code points (case).
 */
#include "collate.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

struct weight {
	uint32_t primary, secondary;
};

/* Turkish letters that are not an accent on another letter: their base
 * and a step after it. */
static bool turkish_letter(ucs4_t c, ucs4_t *base)
{
	switch (c) {
	case 0x00E7: case 0x00C7: *base = 'c'; return true; /* ç Ç */
	case 0x011F: case 0x011E: *base = 'g'; return true; /* ğ Ğ */
	case 0x00F6: case 0x00D6: *base = 'o'; return true; /* ö Ö */
	case 0x015F: case 0x015E: *base = 's'; return true; /* ş Ş */
	case 0x00FC: case 0x00DC: *base = 'u'; return true; /* ü Ü */
	default: return false;
	}
}

static struct weight weigh(ucs4_t c, bool turkish)
{
	struct weight w = {0, 0};
	ucs4_t base;
	if (turkish) {
		/* Dotless ı (and its capital I) come before dotted i
		 * (and İ): ı gets i's place, i one step later. */
		if (c == 0x0131 || c == 'I')
			return (struct weight){'i' * 4u, 0};
		if (c == 'i' || c == 0x0130)
			return (struct weight){'i' * 4u + 1, 0};
		if (turkish_letter(c, &base))
			return (struct weight){base * 4u + 2, 0};
	}
	/* The base letter: first code point of the canonical decomposition,
	 * lower-cased; the rest of the decomposition is the accent. */
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int tag;
	int n = uc_decomposition(c, &tag, d);
	if (n <= 0) {
		d[0] = c;
		n = 1;
	}
	base = uc_tolower(d[0]);
	w.primary = base < 0x110000u / 4 ? base * 4u : base;
	w.secondary = n > 1 ? d[1] : 0;
	if (turkish && base == 'i') /* î and other accented i: dotted */
		w.primary = 'i' * 4u + 1;
	return w;
}

struct cursor {
	const uint8_t *p, *end;
};

static bool next(struct cursor *cu, ucs4_t *c)
{
	if (cu->p >= cu->end)
		return false;
	int n = u8_mbtouc(c, cu->p, (size_t)(cu->end - cu->p));
	if (n <= 0)
		n = 1;
	cu->p += n;
	return true;
}

int collate_cmp(const char *lang, const char *a, const char *b)
{
	bool turkish = lang != NULL && (strcmp(lang, "tr") == 0 ||
					strcmp(lang, "az") == 0);
	int second = 0, third = 0;
	struct cursor x = {(const uint8_t *)a, (const uint8_t *)a + strlen(a)};
	struct cursor y = {(const uint8_t *)b, (const uint8_t *)b + strlen(b)};
	for (;;) {
		ucs4_t ca, cb;
		bool ha = next(&x, &ca), hb = next(&y, &cb);
		if (!ha || !hb) {
			if (ha != hb)
				return ha ? 1 : -1;
			return second != 0 ? second : third;
		}
		struct weight wa = weigh(ca, turkish), wb = weigh(cb, turkish);
		if (wa.primary != wb.primary)
			return wa.primary < wb.primary ? -1 : 1;
		if (second == 0 && wa.secondary != wb.secondary)
			second = wa.secondary < wb.secondary ? -1 : 1;
		if (third == 0 && ca != cb)
			third = ca < cb ? 1 : -1; /* lower case first */
	}
}
