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
 * The block starts with a line "---" and ends at the next line that is
 * "---" or "...".  What staff save from other editors is read too, with a
 * warning that says what to change (frontmatter_fences.h: a byte order
 * mark or blank lines first, Word's long dashes as fences, "..." or "…"
 * to close; frontmatter_staff.h: tabs, no-break spaces and zero-width
 * characters where YAML cannot have them, Word's curly quotes around a
 * value).  Unknown keys are kept out of the result and reported as
 * warnings (web CMS exports carry many), with the known key they are
 * closest to ("Title" -> "title"); a value of the wrong type is an error.
 * After a YAML syntax error the rest is read on without that line, so one
 * run gives every error.  Line numbers in messages are lines of the whole
 * file, columns count characters.
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
	char *lang;        /* owned or NULL; language code, as written
			      ("tr", "es-MX") */
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

/* True when text starts with front matter, closed or not (after a byte
 * order mark and blank lines; fences as above). */
bool frontmatter_present(const char *text, size_t len);

/*
 * For a text without front matter (frontmatter_present false): the file
 * line of "key: value" lines at its top that look like front matter whose
 * fences are missing or not recognised ("title: ..." lines under "- - -"
 * or above "----", or several such lines with a known key), which the
 * kiosk would show as text; 0 when there are none.  In plain text (plain:
 * a .txt file) such lines are often the text itself ("Name: ...",
 * "Date: ..." of a form or a letter): only lines next to a fence-like
 * rule, or with a "title" key, count there.
 */
int frontmatter_lookalike(const char *text, size_t len, bool plain);

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
