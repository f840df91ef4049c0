/* diag: see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmem.h"

void diag_add(struct diag_list *l, enum diag_level level, const char *path,
	      int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, n < 0 ? 1 : (size_t)n + 1, fmt, ap);
	va_end(ap);

	xgrow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
	struct diag *d = &l->items[l->n++];
	d->level = level;
	d->path = xstrdup(path != NULL ? path : "kiosk");
	d->line = line < 0 ? 0 : line;
	d->col = col < 0 ? 0 : col;
	d->message = msg;
}

size_t diag_count(const struct diag_list *l, enum diag_level level)
{
	size_t c = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].level == level)
			c++;
	return c;
}

char *diag_format(const struct diag *d)
{
	const char *lv = d->level == DIAG_ERROR ? "error" : "warning";
	/* File names and messages quote outside text: made safe as the
	 * screen makes it, on one line, so a name cannot forge a line of
	 * the log or send escape sequences to the staff's terminal. */
	char *path = text_one_line(d->path, strlen(d->path), NULL);
	char *msg = text_one_line(d->message, strlen(d->message), NULL);
	char *s;
	if (d->line > 0 && d->col > 0)
		s = xasprintf("%s:%d:%d: %s: %s", path, d->line, d->col, lv,
			      msg);
	else if (d->line > 0)
		s = xasprintf("%s:%d: %s: %s", path, d->line, lv, msg);
	else
		s = xasprintf("%s: %s: %s", path, lv, msg);
	free(path);
	free(msg);
	return s;
}

void diag_print(const struct diag_list *l, FILE *f)
{
	for (size_t i = 0; i < l->n; i++) {
		char *s = diag_format(&l->items[i]);
		fprintf(f, "%s\n", s);
		free(s);
	}
}

void diag_move(struct diag_list *dst, struct diag_list *src)
{
	xgrow(&dst->items, &dst->cap, dst->n + src->n, sizeof *dst->items);
	if (src->n > 0)
		memcpy(dst->items + dst->n, src->items,
		       src->n * sizeof *src->items);
	dst->n += src->n;
	free(src->items);
	src->items = NULL;
	src->n = src->cap = 0;
}

void diag_list_clear(struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].path);
		free(l->items[i].message);
	}
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}
