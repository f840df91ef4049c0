/*
 * screen_help: the keys, printed from the key table (prefix help_).
 * Its state: the rows, wrapped once per width, and the first row shown.
 */
#ifndef KIOSK_SCREEN_HELP_H
#define KIOSK_SCREEN_HELP_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "keys.h"
#include "outcome.h"
#include "ui.h"

struct help_row;

struct help_state {
	size_t top;             /* first row shown */
	struct help_row *rows;  /* owned; wrapped at cols */
	size_t n;
	int cols, keyw;         /* what rows were made for */
	bool locked;
};

void help_free(struct help_state *s);
/* Shown again: from the top. */
void help_reset(struct help_state *s);
/* Before a paint or a key: rows for the width. */
void help_prepare(struct help_state *s, const struct ui *u);

void help_draw(const struct help_state *s, const struct ui *u);
struct outcome help_key(struct help_state *s, const struct ui *u,
			enum action act);

#endif
