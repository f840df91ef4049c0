/*
 * fold: text folded for searching, so that "sisli" finds "Şişli" and
 * "MSC" finds "msc".
 *
 * Each code point is folded on its own (libunistring): canonical
 * decomposition keeps the base letter and drops the accents, then it is
 * lower-cased; dotless ı becomes i.  Because folding works code point by
 * code point, every byte of the folded text maps back to the code point it
 * came from, which is what highlighting a match needs.
 */
#ifndef KIOSK_FOLD_H
#define KIOSK_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Folds s[0..len) into a new NUL-terminated string (caller frees), its
 * length in *out_len.  When map is not NULL, *map gets a new array (caller
 * frees) of out_len + 1 offsets: map[i] is the byte offset in s of the
 * code point that folded byte i came from; map[out_len] is len. */
char *fold_text(const char *s, size_t len, size_t *out_len, uint32_t **map);

/* Longest word fold_words gives, in bytes (longer ones are cut). */
#define FOLD_WORD_MAX 64

/* Called for each word: the folded word (wlen bytes, not NUL-terminated,
 * valid during the call) and the byte range [start, end) of s it came
 * from (the whole word, also when the folded form was cut). */
typedef void (*fold_word_fn)(void *ctx, const char *word, size_t wlen,
			     size_t start, size_t end);

/* Calls fn for each word of s[0..len), in order. */
void fold_words(const char *s, size_t len, fold_word_fn fn, void *ctx);

#endif
