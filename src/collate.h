/*
 * collate: alphabetical order in a language, for lists a patient reads
 * (the words A to Z).  The C library's strcoll needs the language's
 * locale installed, which a minimal Debian lacks, so the few rules the
 * kiosk's languages need are here.
 *
 * Letters compare by their base letter first (case and accents aside),
 * then by accents, then by case, so "Émile" sorts with "emile".  In
 * Turkish, ç, ğ, ı, ö, ş and ü are letters of their own, each after its
 * base letter (c < ç < d, g < ğ < h, ı < i, o < ö < p, s < ş < t,
 * u < ü < v), and the capitals of i and ı are İ and I.
 */
#ifndef KIOSK_COLLATE_H
#define KIOSK_COLLATE_H

/* <0, 0 or >0 as a sorts before, with or after b in language lang ("tr",
 * "en", ...; NULL or unknown: the rules every language shares).  a and b
 * are UTF-8; bad bytes sort after every letter. */
int collate_cmp(const char *lang, const char *a, const char *b);

#endif
