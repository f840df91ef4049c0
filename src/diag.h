/*
 * diag: messages about bad content or config, for clinic staff.
 *
 * A diag_list is a growable array of diagnostics, each with the file, the
 * 1-based line and column (0 when unknown) and a message.  Loaders append
 * to a list the caller owns; nothing here touches the terminal.  Formatted
 * as compilers do, "path:line:col: error: message", so editors can jump.
 */
#ifndef KIOSK_DIAG_H
#define KIOSK_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_level level;
	char *path;    /* owned; file the message is about */
	int line;      /* 1-based, 0 when the whole file is meant */
	int col;       /* 1-based, 0 when unknown */
	char *message; /* owned; no trailing newline or period needed */
};

struct diag_list {
	struct diag *items; /* owned array of n diags */
	size_t n, cap;
};

/* Appends a diagnostic; path may be NULL (printed as "kiosk"). */
void diag_add(struct diag_list *l, enum diag_level level, const char *path,
	      int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Number of diagnostics of the given level. */
size_t diag_count(const struct diag_list *l, enum diag_level level);
/* "path:line:col: error: message" (line/col left out when 0), with path
 * and message made safe by text_one_line (no control characters, no line
 * breaks); caller frees. */
char *diag_format(const struct diag *d);
/* Writes every diagnostic, one per line, to f. */
void diag_print(const struct diag_list *l, FILE *f);
/* Moves all of src's items to the end of dst; src is left empty. */
void diag_move(struct diag_list *dst, struct diag_list *src);
/* Frees the items; the list is left empty and reusable. */
void diag_list_clear(struct diag_list *l);

#endif
