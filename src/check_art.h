/*
 * check_art: one article as `kiosk --check` reads it (check.h), and the
 * place in its file of what a message is about.
 *
 * The file's text is the article's kept text, or the file read here and
 * decoded as the library decodes it (cp1252.h).  cmark numbers lines of
 * the body only, so a node on body line k is on file line
 * body_line - 1 + k; columns are given in characters, as an editor shows
 * them.  Plain-text articles are built by plaintext.c without positions:
 * their line is 0 ("the whole file").
 */
#ifndef KIOSK_CHECK_ART_H
#define KIOSK_CHECK_ART_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "article.h"
#include "diag.h"

/* One article being checked. */
struct check_art {
	const struct article *a; /* borrowed; from the library */
	const char *text;    /* the whole file (the article's kept text or
				own), NULL if unreadable */
	size_t len;
	char *own;           /* owned; the file when read here */
	bool fenced;         /* starts with "---" (front matter) */
	bool has_fm;         /* has a closed front matter block */
	bool fm_ok;          /* its YAML was read without errors */
	int body_line;       /* file line of the body's first line */
	char *plain;         /* owned; running text, one line per block
				(check.c's walk fills it) */
	size_t plain_len, plain_cap;
};

/* Reads a's file and its front matter fences into t (messages about
 * them are the library's and article_parse's, so none are made here).
 * Free with check_art_close. */
void check_art_open(struct check_art *t, const struct article *a);

/* Frees what t owns. */
void check_art_close(struct check_art *t);

/* File line of body line k of t (0: unknown, or a plain-text article). */
int check_art_line(const struct check_art *t, int k);

/* Appends a message at node n of t (file line and column of n, or of its
 * nearest ancestor that has a position) to diags. */
void check_art_diag(struct diag_list *diags, const struct check_art *t,
		    cmark_node *n, enum diag_level level, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* A copy of s fit for a message: one line, no control characters, at
 * most 100 bytes (cut at a space when one is near, else at a character,
 * with "...").  Caller frees. */
char *check_art_quote(const char *s);

#endif
