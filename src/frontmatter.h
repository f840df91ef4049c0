/*
 * frontmatter: the YAML block at the top of a Markdown article, read with
 * libyaml.
 *
 *   ---
 *   title: What is stem cell therapy?
 *   description: One line for the home screen.
 *   date: 2026-11-01
 *   reviewed: 2026-11-01
 *   topic: Stem cell therapy
 *   order: 1
 *   url: https://clinic.example/stem-cells
 *   tags: [stem-cell, basics]
 *   sources:
 *     - name: Source document title
 *       url: https://example.org/page
 *   ---
 *
 * The block must start on the file's first line with "---" and end at the
 * next line that is "---" or "...".  Unknown keys are kept out of the
 * result and reported as warnings (web CMS exports carry many); a value of
 * the wrong type is an error.  Line numbers in messages are lines of the
 * whole file.
 */
#ifndef KIOSK_FRONTMATTER_H
#define KIOSK_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Front matter longer or more deeply nested than this is an error, not
 * parsed: libyaml's time grows with the square of the nesting. */
#define FRONTMATTER_MAX_BYTES (256 * 1024)
#define FRONTMATTER_MAX_DEPTH 32

struct source_ref {
	char *name; /* owned; may be NULL when only a url was given */
	char *url;  /* owned; may be NULL */
};

struct frontmatter {
	char *title;       /* owned or NULL */
	char *description; /* owned or NULL */
	char *date;        /* owned or NULL; as written */
	char *reviewed;    /* owned or NULL; as written */
	char *topic;       /* owned or NULL */
	char *url;         /* owned or NULL; the clinic's web copy */
	char **tags;       /* owned array of ntags owned strings */
	size_t ntags;
	struct source_ref *sources; /* owned array of nsources */
	size_t nsources;
	int order;      /* from "order", 0 when absent */
	bool has_order; /* "order" was given */
};

/*
 * Parses the front matter at the start of text (len bytes; text need not
 * be NUL-terminated).  path is used only in messages.
 *
 * *body_offset is set to the byte offset where the Markdown body starts
 * (0 when there is no front matter) and *body_line to the body's first
 * line number (1 when there is none), also when the YAML is bad, as long
 * as the closing fence was found.  An opening fence without a closing one
 * is an error and the whole text is then the body.
 *
 * fm is filled with what could be read (zeroed first).  Returns 0 when no
 * error was added (warnings allowed), -1 otherwise.  Free fm with
 * frontmatter_free in both cases.
 */
int frontmatter_parse(const char *path, const char *text, size_t len,
		      struct frontmatter *fm, size_t *body_offset,
		      int *body_line, struct diag_list *diags);

/*
 * True when frontmatter_parse can tell from text alone where the front
 * matter ends: text has no front matter, or its closing fence is in
 * text.  False for an opening fence whose closing one is not (yet) seen,
 * e.g. in the first few KiB of a file.
 */
bool frontmatter_complete(const char *text, size_t len);

/* Frees every member but url and zeroes them: what a serving kiosk keeps
 * once the article has taken its title, description, topic and order. */
void frontmatter_keep_url(struct frontmatter *fm);
/* Frees every member and zeroes fm. */
void frontmatter_free(struct frontmatter *fm);

#endif
