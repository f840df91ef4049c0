/*
 * frontmatter_reader: the state of one read of the YAML and what the
 * schema walker (frontmatter.c) and the event and message helpers
 * (frontmatter_events.c) share.  Private to the frontmatter_* files.
 */
#ifndef KIOSK_FRONTMATTER_READER_H
#define KIOSK_FRONTMATTER_READER_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "diag.h"
#include "frontmatter.h"
#include "frontmatter_staff.h"

/* Longest key or value shown inside a message, in bytes. */
#define FM_SHOW_MAX 40
/* Rows of the schema at most (frontmatter.c checks). */
#define FM_MAX_FIELDS 16

/* State of one parse. */
struct fm_reader {
	yaml_parser_t parser;
	const char *path;        /* for messages only */
	const char *yaml;        /* the text between the fences, repaired */
	size_t yaml_len;
	int yaml_line;           /* file line of the YAML's first line */
	const struct fm_repaired *rep; /* what the repair changed */
	struct frontmatter *fm;  /* being filled */
	size_t tags_cap;         /* allocated length of fm->tags */
	size_t sources_cap;      /* allocated length of fm->sources */
	struct diag_list *diags;
	size_t first_diag;       /* diags->n when this parse started */
	size_t nerrors;          /* errors added by this parse */
	bool failed;             /* libyaml stopped; its error is reported */
	long error_line;         /* YAML line (0-based) of that error, -1 */
	size_t error_diag;       /* its index in diags */
	bool seen[FM_MAX_FIELDS]; /* keys met so far, to warn on repeats */
};

/* Adds a message about the YAML at mark (file line and column). */
void fm_diag(struct fm_reader *r, enum diag_level level,
	     const yaml_mark_t *mark, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Copies at most FM_SHOW_MAX bytes of s[0..n) into out (FM_SHOW_MAX + 4
 * bytes) for a message: control characters become '?', a cut ends in
 * "...". */
void fm_show(char *out, const char *s, size_t n);

/* Reads the next event into *ev (the caller deletes it).  Returns -1 when
 * libyaml stopped (its error is then reported once, in words for staff,
 * and r->error_line set) or the stream ended; *ev is then empty. */
int fm_next(struct fm_reader *r, yaml_event_t *ev);

/* Deletes ev and, when it opens a list or mapping, reads and deletes
 * everything up to the matching end.  -1 when libyaml stopped. */
int fm_skip(struct fm_reader *r, yaml_event_t *ev);
/* Reads the next event (a value) and skips it. */
int fm_skip_next(struct fm_reader *r);

/* A plain scalar that YAML reads as "nothing": empty, ~ or null. */
bool fm_is_null(const yaml_event_t *ev);
/* How a value that is not a scalar is named in messages ("a list"). */
const char *fm_what(const yaml_event_t *ev);
/* A new copy of a scalar's text (block scalars lose their final line
 * breaks), or NULL with an error about key when it holds a NUL byte. */
char *fm_scalar_dup(struct fm_reader *r, const yaml_event_t *ev,
		    const char *key);

#endif
