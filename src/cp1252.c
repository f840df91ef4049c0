/*
 * cp1252: see cp1252.h.
 *
 * Two passes.  The first finds the first byte that is not part of valid
 * UTF-8 (going eight bytes at a time through ASCII, most of any article)
 * and whether any valid multi-byte sequence is there; the second writes
 * the copy, at most three bytes for each byte read.
 */
#include "cp1252.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "xmem.h"

/* Windows-1252 bytes 0x80..0x9F; 0 where the code page has no character.
 * 0xA0..0xFF are U+00A0..U+00FF. */
static const uint16_t S_c1[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Longest word quoted in the warning, in bytes of the file. */
#define SHOW_WORD 30

/* Offset of the first byte of text that is not valid UTF-8, or len; sets
 * *multi when a valid multi-byte sequence comes before it (or anywhere,
 * when there is none), *nul when there is a NUL byte. */
static size_t S_scan(const uint8_t *p, size_t len, bool *multi, bool *nul)
{
	size_t i = 0, first = len;
	*multi = *nul = false;
	while (i < len) {
		if (len - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			/* no high bit and no zero byte: plain ASCII */
			if ((w & 0x8080808080808080ull) == 0 &&
			    ((w - 0x0101010101010101ull) & ~w &
			     0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if (p[i] == 0) {
			*nul = true;
			return first;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, len - i);
		if (k > 1) {
			*multi = true;
			i += (size_t)k;
			continue;
		}
		if (first == len)
			first = i;
		i++;
	}
	return first;
}

/* Writes the UTF-8 of the Windows-1252 byte b at out; returns its length
 * (0 for the undefined bytes). */
static size_t S_put(uint8_t b, uint8_t *out)
{
	ucs4_t c = b < 0x80 ? b : b < 0xA0 ? S_c1[b - 0x80] : b;
	if (c == 0)
		return 0;
	int n = u8_uctomb(out, c, 4);
	return n > 0 ? (size_t)n : 0;
}

/* Decodes p[0..len): keeping valid UTF-8 when keep_utf8. */
static char *S_decode(const uint8_t *p, size_t len, bool keep_utf8,
		      size_t *out_len)
{
	uint8_t *out = xmalloc(len * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			out[o++] = p[i++];
			continue;
		}
		if (keep_utf8) {
			ucs4_t c;
			int k = u8_mbtoucr(&c, p + i, len - i);
			if (k > 1) {
				memcpy(out + o, p + i, (size_t)k);
				o += (size_t)k;
				i += (size_t)k;
				continue;
			}
		}
		o += S_put(p[i++], out + o);
	}
	out[o] = '\0';
	*out_len = o;
	return (char *)out;
}

char *cp1252_decode(const char *path, const char *text, size_t len,
		    size_t *out_len, struct diag_list *diags)
{
	const uint8_t *p = (const uint8_t *)text;
	bool multi, nul;
	size_t first = S_scan(p, len, &multi, &nul);
	if (first == len || nul)
		return NULL;
	char *out = S_decode(p, len, multi, out_len);
	if (diags != NULL) {
		int line = 1;
		for (size_t i = 0; i < first; i++)
			if (text[i] == '\n')
				line++;
		/* The word the first such character is in, decoded. */
		size_t a = first, b = first;
		while (a > 0 && first - a < SHOW_WORD && p[a - 1] > ' ' &&
		       p[a - 1] != 0x7F)
			a--;
		while (b < len && b - first < SHOW_WORD && p[b] > ' ' &&
		       p[b] != 0x7F)
			b++;
		size_t wn;
		char *word = S_decode(p + a, b - a, multi, &wn);
		diag_add(diags, DIAG_WARNING, path, line, 0,
			 "the file is not saved as UTF-8; the kiosk reads it "
			 "as Windows-1252 (\"ANSI\"), first on this line in "
			 "\"%s\": check that it reads right, and save the file "
			 "as UTF-8 (Notepad: Save as, Encoding: UTF-8)",
			 word);
		free(word);
	}
	return out;
}

char *cp1252_fix(const char *path, char *text, size_t *len,
		 struct diag_list *diags)
{
	size_t n;
	char *out = cp1252_decode(path, text, *len, &n, diags);
	if (out == NULL)
		return text;
	free(text);
	*len = n;
	return out;
}
