/* qr: see qr.h. */
#include "qr.h"

#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "xmem.h"

int qr_make(const char *text, int quiet, struct qr *q)
{
	memset(q, 0, sizeof *q);
	/* Strongest first; a weaker level replaces it only when its code is
	 * smaller. */
	static const QRecLevel levels[] = {QR_ECLEVEL_H, QR_ECLEVEL_Q,
					   QR_ECLEVEL_M, QR_ECLEVEL_L};
	static const char names[] = "HQML";
	QRcode *c = NULL;
	for (int i = 0; i < 4; i++) {
		QRcode *t = QRcode_encodeString(text, 0, levels[i], QR_MODE_8, 1);
		if (t == NULL)
			continue;
		if (c == NULL || t->width < c->width) {
			if (c != NULL)
				QRcode_free(c);
			c = t;
			q->level = names[i];
		} else {
			QRcode_free(t);
		}
	}
	if (c == NULL)
		return -1;
	q->version = c->version;
	int size = c->width + 2 * quiet;
	q->size = size;
	q->dark = xcalloc((size_t)size * (size_t)size, 1);
	for (int y = 0; y < c->width; y++)
		for (int x = 0; x < c->width; x++)
			q->dark[(size_t)(y + quiet) * (size_t)size +
				(size_t)(x + quiet)] =
				c->data[y * c->width + x] & 1;
	QRcode_free(c);
	return 0;
}

void qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}

bool qr_dark(const struct qr *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return false;
	return q->dark[(size_t)y * (size_t)q->size + (size_t)x] != 0;
}

const char *qr_halfblock(const struct qr *q, int x, int y)
{
	bool top = qr_dark(q, x, y), bottom = qr_dark(q, x, y + 1);
	if (top && bottom)
		return "\u2588";
	if (top)
		return "\u2580";
	if (bottom)
		return "\u2584";
	return " ";
}
