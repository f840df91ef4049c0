/*
 * check_frontmatter: the front matter part of `kiosk --check` (check.h).
 *
 *   - "key: value" lines whose fences the kiosk cannot find, so patients
 *     would see them as text (error, frontmatter_lookalike);
 *   - a front matter without a title (error);
 *   - "date" or "reviewed" not written as YYYY-MM-DD, with an optional
 *     time (error);
 *   - in Markdown articles: no "reviewed" date, one older than
 *     review_months, or one after today (warnings);
 *   - a "lang" that is a language's name, not its code (warning).
 *
 * Messages of the YAML itself come from frontmatter_parse when the
 * library loads.
 */
#ifndef KIOSK_CHECK_FRONTMATTER_H
#define KIOSK_CHECK_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "frontmatter.h"

/* One article, as check.c read it. */
struct check_fm {
	const char *path;              /* for messages */
	const struct frontmatter *fm;  /* as the library read it */
	const char *text;              /* the whole file, NULL if unreadable */
	size_t len;
	bool plain;                    /* a plain-text article */
	bool fenced;                   /* starts with front matter */
	bool has_fm;                   /* ... that is closed */
	bool fm_ok;                    /* ... and read without errors */
	int body_line;                 /* file line of the body's first line */
	int year, month, day;          /* today */
	int review_months;             /* <= 0: reviews never get old */
};

/* Adds the problems of in's front matter to diags. */
void check_frontmatter(const struct check_fm *in, struct diag_list *diags);

#endif
