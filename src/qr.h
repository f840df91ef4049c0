/*
 * qr: a QR code of a web address, for patients to scan with a phone and
 * take the information home.  Made with libqrencode; no curses here.
 *
 * The code is a square of size x size modules with a quiet zone (light
 * border) included.  qr_halfblock_rows turns two rows of modules into one
 * line of text with the half-block characters, so a code fits a terminal
 * whose cells are about twice as tall as wide.
 */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include <stdbool.h>

struct qr {
	int size;            /* modules per side, quiet zone included */
	int version;         /* 1..40 */
	char level;          /* error correction: 'L', 'M', 'Q' or 'H' */
	unsigned char *dark; /* owned; size * size, 1 for a dark module */
};

/* Encodes text with a quiet zone of quiet modules, in the smallest code
 * that holds it: the smallest version at any error-correction level, and
 * at that version the strongest level that still holds it (so a short
 * address gets more correction for free, a long one still fits 80x24).
 * Returns 0, or -1 when it cannot be encoded (too long). */
int qr_make(const char *text, int quiet, struct qr *q);
void qr_free(struct qr *q);

/* True when module (x, y) is dark; outside the code is light. */
bool qr_dark(const struct qr *q, int x, int y);

/* The character for a cell showing module rows y and y+1 of column x,
 * drawn dark-on-light: " ", "\u2580" (upper half), "\u2584" (lower half)
 * or "\u2588" (full block). */
const char *qr_halfblock(const struct qr *q, int x, int y);

#endif
