/*
 * text: UTF-8 clean-up, display width and ASCII fallback.
 *
 * Everything the kiosk shows passes through text_sanitize, so no control
 * character from content ever reaches the terminal raw.  Widths follow
 * libunistring (combining marks 0 columns, East Asian wide 2).
 */
#ifndef KIOSK_TEXT_H
#define KIOSK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Returns a new NUL-terminated string (caller frees; its length in
 * *out_len when out_len is not NULL): s[0..len) with invalid UTF-8 replaced
 * by U+FFFD and removed: C0 controls other than '\n' and '\t', DEL, C1
 * controls (U+0080-U+009F), bidirectional overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069).  NUL bytes are removed.  U+2028 and
 * U+2029 become '\n'.
 */
char *text_sanitize(const char *s, size_t len, size_t *out_len);

/* 16 bytes as one vector (GCC and Clang vector extensions: SSE2 on
 * x86-64, plain code elsewhere). */
typedef uint8_t text_bytes16 __attribute__((vector_size(16)));

/* True when the 16 bytes at p are all printable ASCII (0x20..0x7e), or
 * line breaks when newlines: as nearly all of an article is.  Inline: the
 * loops that skip such text call it for every 16 bytes. */
static inline bool text_plain16(const uint8_t *p, bool newlines)
{
	text_bytes16 x, other;
	__builtin_memcpy(&x, p, 16);
	other = (text_bytes16)((x - (uint8_t)0x20) >= (uint8_t)0x5f);
	if (newlines)
		other &= (text_bytes16)(x != (uint8_t)'\n');
	uint64_t w[2];
	__builtin_memcpy(w, &other, 16);
	return (w[0] | w[1]) == 0;
}

/* True when the 8 bytes at p are all ASCII: the loops that pass over
 * plain text take it 8 bytes at a time. */
static inline bool text_ascii8(const uint8_t *p)
{
	uint64_t v;
	__builtin_memcpy(&v, p, 8);
	return !(v & 0x8080808080808080u);
}

/* text_sanitize into dst, which has room for 3 * len + 1 bytes (the most
 * it can write: U+FFFD for each byte); returns the length written, not
 * counting the NUL it ends with. */
size_t text_sanitize_to(char *dst, const char *s, size_t len);

/* text_sanitize, then line breaks and tabs as spaces: text for one line
 * of the screen or of a message (caller frees). */
char *text_one_line(const char *s, size_t len, size_t *out_len);

/* s as quoted in a message: text_one_line, at most max bytes (cut at a
 * space when one is near, else between characters, with "...").
 * Caller frees. */
char *text_quote(const char *s, size_t max);

/* True when s[0..len) is valid UTF-8 with none of the characters
 * text_sanitize removes (so it can be used as it is). */
bool text_is_clean(const char *s, size_t len);

/* Columns the code point takes: 0 for combining and zero-width ones, 2 for
 * wide ones, 1 otherwise (unprintable ones count as 1: they are never
 * shown, text_sanitize replaced them). */
int text_cp_width(uint32_t c);

/* Columns s[0..len) takes (valid UTF-8 expected; bad bytes count 1). */
size_t text_width(const char *s, size_t len);

/* Byte length of the longest prefix of s[0..len) (cut at code point
 * boundaries, combining marks kept with their base) whose width is at most
 * cols; its width goes to *w when w is not NULL. */
size_t text_fit(const char *s, size_t len, size_t cols, size_t *w);

/*
 * ASCII transliteration for terminals that cannot show UTF-8: curly quotes
 * become straight ones, dashes '-', the ellipsis "...", bullets '*',
 * no-break spaces ' ', accented letters their base letter (by canonical
 * decomposition: "Şişli" -> "Sisli"), ß "ss", æ "ae"; anything else '?'.
 * Returns a new string (caller frees), length in *out_len if not NULL.
 */
char *text_to_ascii(const char *s, size_t len, size_t *out_len);

#endif
