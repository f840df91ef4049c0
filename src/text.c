/* text: see text.h. */
#include "text.h"

#include <string.h>

#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "xmem.h"

/* Characters that text_sanitize drops. */
static bool is_removed(ucs4_t c)
{
	if (c < 0x20)
		return c != '\n' && c != '\t';
	if (c == 0x7f || (c >= 0x80 && c <= 0x9f))
		return true;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return true;
	return false;
}

/* Decodes one code point at s (n > 0 bytes left); *bad is set when the
 * bytes there are not valid UTF-8 (then one byte is consumed). */
static size_t decode(const uint8_t *s, size_t n, ucs4_t *c, bool *bad)
{
	int k = u8_mbtoucr(c, s, n);
	if (k <= 0) {
		*c = 0xfffd;
		*bad = true;
		return 1;
	}
	*bad = false;
	return (size_t)k;
}

size_t text_sanitize_to(char *dst, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	uint8_t *out = (uint8_t *)dst;
	size_t cap = len * 3 + 1, o = 0;
	for (size_t i = 0; i < len;) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			/* Printable ASCII, most text: copied a run at once,
			 * found 16 bytes at a time. */
			size_t j = i + 1;
			while (len - j >= 16 && text_plain16(p + j, false))
				j += 16;
			while (j < len && p[j] >= 0x20 && p[j] < 0x7f)
				j++;
			memcpy(out + o, p + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		if (p[i] < 0x80) {
			/* An ASCII control: only '\n' and '\t' are kept. */
			if (!is_removed(p[i]))
				out[o++] = p[i];
			i++;
			continue;
		}
		ucs4_t c;
		bool bad;
		size_t k = decode(p + i, len - i, &c, &bad);
		i += k;
		if (c == 0x2028 || c == 0x2029)
			c = '\n';
		if (is_removed(c))
			continue;
		int w = u8_uctomb(out + o, c, (int)(cap - o));
		if (w > 0)
			o += (size_t)w;
	}
	out[o] = '\0';
	return o;
}

char *text_sanitize(const char *s, size_t len, size_t *out_len)
{
	/* U+FFFD is 3 bytes and replaces 1 byte: worst case 3x. */
	char *out = xmalloc(len * 3 + 1);
	size_t o = text_sanitize_to(out, s, len);
	if (out_len != NULL)
		*out_len = o;
	return out;
}

char *text_one_line(const char *s, size_t len, size_t *out_len)
{
	size_t n;
	char *c = text_sanitize(s, len, &n);
	for (size_t i = 0; i < n; i++)
		if (c[i] == '\n' || c[i] == '\t')
			c[i] = ' ';
	if (out_len != NULL)
		*out_len = n;
	return c;
}

char *text_quote(const char *s, size_t max)
{
	size_t n;
	char *c = text_one_line(s, strlen(s), &n);
	if (n <= max)
		return c;
	size_t cut = max;
	while (cut > 0 && ((unsigned char)c[cut] & 0xC0) == 0x80)
		cut--;
	size_t sp = cut;
	while (sp > cut * 2 / 3 && c[sp] != ' ')
		sp--;
	if (c[sp] == ' ')
		cut = sp;
	c = xrealloc(c, cut + 4);
	memcpy(c + cut, "...", 4);
	return c;
}

bool text_is_clean(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	for (size_t i = 0; i < len;) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		ucs4_t c;
		bool bad;
		i += decode(p + i, len - i, &c, &bad);
		if (bad || is_removed(c) || c == 0x2028 || c == 0x2029)
			return false;
	}
	return true;
}

int text_cp_width(uint32_t c)
{
	if (c < 0x7f)
		return 1;
	int w = uc_width(c, "UTF-8");
	if (w < 0)
		return 1;
	return w;
}

size_t text_width(const char *s, size_t len)
{
	/* text_fit with no limit, in one loop of its own. */
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, w = 0;
	while (i < len) {
		if (len - i >= 8) {
			/* Eight bytes at once while they are all ASCII. */
			uint64_t v;
			memcpy(&v, p + i, 8);
			if ((v & 0x8080808080808080u) == 0) {
				w += 8;
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			w++;
			i++;
			continue;
		}
		ucs4_t c;
		bool bad;
		i += decode(p + i, len - i, &c, &bad);
		w += bad ? 1 : (size_t)text_cp_width(c);
	}
	return w;
}

size_t text_fit(const char *s, size_t len, size_t cols, size_t *w)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, used = 0;
	while (i < len) {
		ucs4_t c;
		bool bad;
		size_t k;
		int cw;
		if (p[i] < 0x80) {
			c = p[i];
			k = 1;
			cw = 1;
		} else {
			k = decode(p + i, len - i, &c, &bad);
			cw = bad ? 1 : text_cp_width(c);
		}
		if (used + (size_t)cw > cols)
			break;
		used += (size_t)cw;
		i += k;
	}
	if (w != NULL)
		*w = used;
	return i;
}

/* Fixed replacements for characters that do not decompose to ASCII. */
static const struct {
	uint32_t cp;
	const char *ascii;
} translit[] = {
	{0x00a0, " "},   {0x00a9, "(c)"}, {0x00ab, "<<"},  {0x00ad, ""},
	{0x00ae, "(R)"}, {0x00b0, " deg"}, {0x00b1, "+/-"}, {0x00b7, "."},
	{0x00bb, ">>"},  {0x00bc, "1/4"}, {0x00bd, "1/2"}, {0x00be, "3/4"},
	{0x00c6, "AE"},  {0x00d7, "x"},   {0x00d8, "O"},   {0x00df, "ss"},
	{0x00e6, "ae"},  {0x00f7, "/"},   {0x00f8, "o"},   {0x0110, "D"},
	{0x0111, "d"},   {0x0131, "i"},   {0x0141, "L"},   {0x0142, "l"},
	{0x0152, "OE"},  {0x0153, "oe"},  {0x2010, "-"},   {0x2011, "-"},
	{0x2012, "-"},   {0x2013, "-"},   {0x2014, "--"},  {0x2015, "--"},
	{0x2018, "'"},   {0x2019, "'"},   {0x201a, ","},   {0x201b, "'"},
	{0x201c, "\""},  {0x201d, "\""},  {0x201e, "\""},  {0x2022, "*"},
	{0x2026, "..."}, {0x2032, "'"},   {0x2033, "\""},  {0x2039, "<"},
	{0x203a, ">"},   {0x2122, "(TM)"}, {0x2190, "<-"}, {0x2192, "->"},
	{0x2212, "-"},   {0x2264, "<="},  {0x2265, ">="},  {0x2500, "-"},
	{0x2502, "|"},   {0x25aa, "*"},   {0x25e6, "o"},   {0xfffd, "?"},
};

static const char *translit_lookup(uint32_t c)
{
	size_t lo = 0, hi = sizeof translit / sizeof translit[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (translit[mid].cp == c)
			return translit[mid].ascii;
		if (translit[mid].cp < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

char *text_to_ascii(const char *s, size_t len, size_t *out_len)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t cap = len + 16, o = 0;
	char *out = xmalloc(cap);
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		bool bad;
		size_t k = decode(p + i, len - i, &c, &bad);
		i += k;
		char tmp[8];
		const char *rep = NULL;
		if (c < 0x80) {
			tmp[0] = (char)c;
			tmp[1] = '\0';
			rep = tmp;
		} else if ((rep = translit_lookup(c)) == NULL) {
			/* Canonical decomposition; keep the ASCII base. */
			ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
			ucs4_t base = c;
			for (int depth = 0; depth < 4 && base >= 0x80; depth++) {
				if (uc_canonical_decomposition(base, dec) <= 0)
					break;
				base = dec[0];
			}
			if (base < 0x80) {
				tmp[0] = (char)base;
				tmp[1] = '\0';
				rep = tmp;
			} else if (text_cp_width(c) == 0) {
				rep = ""; /* combining mark on its own */
			} else {
				rep = text_cp_width(c) == 2 ? "??" : "?";
			}
		}
		size_t rl = strlen(rep);
		xgrow(&out, &cap, o + rl + 1, 1);
		memcpy(out + o, rep, rl);
		o += rl;
	}
	out[o] = '\0';
	if (out_len != NULL)
		*out_len = o;
	return out;
}
