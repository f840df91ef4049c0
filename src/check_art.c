/*
 * check_art: see check_art.h.
 */
#include "check_art.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cp1252.h"
#include "fileio.h"
#include "frontmatter.h"
#include "text.h"
#include "xmem.h"

/* Longest user text quoted in a message, in bytes: names and addresses. */
#define SHOW_MAX 100

char *check_art_quote(const char *s) { return text_quote(s, SHOW_MAX); }

int check_art_line(const struct check_art *t, int k)
{
	if (k <= 0 || t->a->plain)
		return 0;
	long l = (long)t->body_line - 1 + k;
	return l > INT_MAX ? 0 : (int)l;
}

/* Body line and column of n, or of its nearest ancestor that has one. */
static void S_node_pos(cmark_node *n, int *line, int *col)
{
	*line = *col = 0;
	for (; n != NULL; n = cmark_node_parent(n)) {
		if (cmark_node_get_start_line(n) > 0) {
			*line = cmark_node_get_start_line(n);
			*col = cmark_node_get_start_column(n);
			return;
		}
	}
}

/* Column in characters of byte column col (1-based, as cmark counts) of
 * file line fl: what an editor shows. */
static int S_char_col(const struct check_art *t, int fl, int col)
{
	if (t->text == NULL || col <= 1)
		return col;
	const char *p = t->text, *end = t->text + t->len;
	for (int l = 1; l < fl; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return col;
		p = nl + 1;
	}
	int chars = 1;
	for (int i = 0; i < col - 1 && p + i < end && p[i] != '\n'; i++)
		if (((unsigned char)p[i] & 0xC0) != 0x80)
			chars++;
	return chars;
}

void check_art_diag(struct diag_list *diags, const struct check_art *t,
		    cmark_node *n, enum diag_level level, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	int line, col;
	S_node_pos(n, &line, &col);
	int fl = check_art_line(t, line);
	diag_add(diags, level, t->a->path, fl,
		 fl > 0 ? S_char_col(t, fl, col) : 0, "%s", buf);
}

void check_art_open(struct check_art *t, const struct article *a)
{
	memset(t, 0, sizeof *t);
	t->a = a;
	t->body_line = 1;
	char *cause = NULL;
	if (a->text != NULL) {
		t->text = a->text;
		t->len = a->len;
	} else if (file_read_in_folder(a->path, ARTICLE_MAX_BYTES, &t->own, &t->len,
				       &cause) == 0) {
		t->text = t->own;
	} else {
		free(cause); /* article_parse reports it */
		return;
	}
	size_t n; /* as article.c reads it; the load said so */
	char *utf8 = cp1252_decode(a->path, t->text, t->len, &n, NULL);
	if (utf8 != NULL) {
		free(t->own);
		t->own = utf8;
		t->text = utf8;
		t->len = n;
	}
	if (!frontmatter_present(t->text, t->len))
		return;
	t->fenced = true;
	struct frontmatter fm;
	struct diag_list scratch = {0};
	size_t body = 0;
	int rc = frontmatter_parse(a->path, t->text, t->len, &fm, &body,
				   &t->body_line, &scratch);
	frontmatter_free(&fm);
	diag_list_clear(&scratch);
	t->has_fm = body > 0;
	t->fm_ok = rc == 0;
}

void check_art_close(struct check_art *t)
{
	free(t->plain);
	free(t->own);
	t->plain = t->own = NULL;
}
