/*
 * frontmatter_events: reading libyaml's events for the schema walker, and
 * turning libyaml's errors into messages for clinic staff (see
 * frontmatter_reader.h).
 *
 * Coordinates: libyaml marks are 0-based and relative to the YAML text.
 * The YAML starts on file line yaml_line, so a mark becomes file line
 * yaml_line + mark.line and column mark.column + 1 (libyaml counts
 * columns in characters), less what a repair added to that line.
 */
#include "frontmatter_reader.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <yaml.h>

#include "diag.h"
#include "xmem.h"

static void S_vdiag(struct fm_reader *r, enum diag_level level, int line,
		    int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
static void S_vdiag(struct fm_reader *r, enum diag_level level, int line,
		    int col, const char *fmt, va_list ap)
{
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	diag_add(r->diags, level, r->path, line, col, "%s", buf);
	if (level == DIAG_ERROR)
		r->nerrors++;
}

void fm_diag(struct fm_reader *r, enum diag_level level,
	     const yaml_mark_t *mark, const char *fmt, ...)
{
	long line = (long)r->yaml_line + (long)mark->line;
	int col = fm_repaired_col(r->rep, (long)mark->line,
				  (long)mark->column + 1);
	va_list ap;
	va_start(ap, fmt);
	S_vdiag(r, level, line > INT_MAX ? 0 : (int)line, col, fmt, ap);
	va_end(ap);
}

/*
 * Copies at most FM_SHOW_MAX bytes of s into out (FM_SHOW_MAX + 4 bytes)
 * for a message: control characters become '?', a cut ends in "...".
 */
void fm_show(char *out, const char *s, size_t n)
{
	size_t i, o = 0;
	bool cut = n > FM_SHOW_MAX;
	if (cut) {
		n = FM_SHOW_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* do not split a UTF-8 sequence */
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		out[o++] = c < 0x20 || c == 0x7F ? '?' : (char)c;
	}
	if (cut) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

/* File line and column of byte off of the YAML text. */
static void S_offset_pos(const struct fm_reader *r, size_t off, int *line,
			 int *col)
{
	size_t i, start = 0;
	long l = r->yaml_line, c = 1;
	if (off > r->yaml_len)
		off = r->yaml_len;
	for (i = 0; i < off; i++)
		if (r->yaml[i] == '\n') {
			l++;
			start = i + 1;
		}
	for (i = start; i < off; i++)
		if (((unsigned char)r->yaml[i] & 0xC0) != 0x80)
			c++;
	*line = l > INT_MAX ? 0 : (int)l;
	*col = c > INT_MAX ? 0 : (int)c;
}

/*
 * Drops this parse's messages at or after the YAML position mark: they
 * come from the part libyaml could not read (an unclosed "[" makes the
 * value look like a list, say) and would only mislead; the syntax error
 * is the message staff need first.
 */
static void S_drop_from(struct fm_reader *r, const yaml_mark_t *mark)
{
	struct diag_list *l = r->diags;
	long line = (long)r->yaml_line + (long)mark->line;
	long col = fm_repaired_col(r->rep, (long)mark->line,
				   (long)mark->column + 1);
	size_t k = r->first_diag;
	for (size_t i = r->first_diag; i < l->n; i++) {
		struct diag *d = &l->items[i];
		if (d->line > line || (d->line == line && d->col >= col)) {
			if (d->level == DIAG_ERROR && r->nerrors > 0)
				r->nerrors--;
			free(d->path);
			free(d->message);
		} else {
			l->items[k++] = *d;
		}
	}
	l->n = k;
}

/* What libyaml says about the usual slips, in words for clinic staff:
 * the first row whose problem (and context, when given) starts libyaml's
 * message. */
static const struct {
	const char *problem, *context, *words;
} yaml_slips[] = {
	{"did not find expected ',' or ']'", NULL,
	 "a \"[\" here is never closed by \"]\" (to start a value with "
	 "\"[\", put the whole value in quotes)"},
	{"did not find expected ',' or '}'", NULL,
	 "a \"{\" here is never closed by \"}\" (to start a value with "
	 "\"{\", put the whole value in quotes)"},
	{"found unexpected end of stream", "while scanning a quoted",
	 "a quote opened here is never closed"},
	{"mapping values are not allowed", NULL,
	 "a \": \" YAML cannot place: a value with a colon needs quotes "
	 "(title: \"Stem cells: the basics\"), and a key must not be "
	 "indented"},
	{"could not find expected ':'", NULL,
	 "this line is not \"key: value\" (a colon and a space after the "
	 "key are missing)"},
	{"found a tab character", NULL,
	 "a tab is used to indent; type spaces instead"},
	{"did not find expected key", NULL,
	 "unexpected text: a line must be \"key: value\", and a value that "
	 "starts with a quote must end with it"},
};

/* The character at mark (line and column in characters) of the YAML,
 * or NULL past the end. */
static const char *S_char_at(const struct fm_reader *r,
			     const yaml_mark_t *mark)
{
	const char *p = r->yaml, *end = r->yaml + r->yaml_len;
	for (size_t l = 0; l < mark->line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return NULL;
		p = nl + 1;
	}
	for (size_t c = 0; c < mark->column && p < end && *p != '\n'; c++) {
		p++;
		while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
			p++;
	}
	return p < end ? p : NULL;
}

/* The name of the character at p, for "a value cannot start with ...". */
static void S_char_name(const struct fm_reader *r, const char *p, char *out,
			size_t size)
{
	size_t n;
	if (p == NULL) {
		snprintf(out, size, "this character");
		return;
	}
	if (*p == '\t') {
		snprintf(out, size, "a tab");
		return;
	}
	n = 1;
	while (p + n < r->yaml + r->yaml_len &&
	       ((unsigned char)p[n] & 0xC0) == 0x80)
		n++;
	if ((unsigned char)*p < 0x20 || *p == 0x7F)
		snprintf(out, size, "this character");
	else
		snprintf(out, size, "\"%.*s\"", (int)n, p);
}

/* Reports the error libyaml stopped with, in words for clinic staff. */
static void S_report_yaml_error(struct fm_reader *r)
{
	const yaml_parser_t *p = &r->parser;
	const char *problem = p->problem != NULL ? p->problem : "unknown";
	const uint8_t *bad;
	int line, col;

	if (p->error == YAML_MEMORY_ERROR)
		xmem_fatal("out of memory");
	if (p->error != YAML_READER_ERROR) {
		/* Something left open (a quote, a bracket) is only noticed
		 * at the end; point at where it was opened instead. */
		bool at_context = p->problem_mark.index >= r->yaml_len &&
				  p->context != NULL;
		const yaml_mark_t *at = at_context ? &p->context_mark
						   : &p->problem_mark;
		S_drop_from(r, at);
		r->error_line = (long)at->line;
		r->error_diag = r->diags->n;
		if (strncmp(problem, "found character that cannot start", 33) ==
		    0) {
			char name[16];
			S_char_name(r, S_char_at(r, at), name, sizeof name);
			fm_diag(r, DIAG_ERROR, at,
			       "front matter: could not read the YAML: a value "
			       "cannot start with %s; put the whole value in "
			       "quotes",
			       name);
			return;
		}
		for (size_t i = 0; i < sizeof yaml_slips / sizeof *yaml_slips;
		     i++) {
			const char *ctx = yaml_slips[i].context;
			if (strncmp(problem, yaml_slips[i].problem,
				    strlen(yaml_slips[i].problem)) == 0 &&
			    (ctx == NULL ||
			     (p->context != NULL &&
			      strncmp(p->context, ctx, strlen(ctx)) == 0))) {
				fm_diag(r, DIAG_ERROR, at,
				       "front matter: could not read the YAML: "
				       "%s",
				       yaml_slips[i].words);
				return;
			}
		}
		if (at_context)
			fm_diag(r, DIAG_ERROR, &p->context_mark,
			       "front matter: could not read the YAML (%s "
			       "%s)",
			       problem, p->context);
		else
			fm_diag(r, DIAG_ERROR, &p->problem_mark,
			       "front matter: could not read the YAML (%s)",
			       problem);
		return;
	}
	/* Reader errors carry a byte offset instead of a mark, and for bad
	 * UTF-8 it may be a byte inside the character: find its start. */
	bad = u8_check((const uint8_t *)r->yaml, r->yaml_len);
	S_offset_pos(r,
		     bad != NULL && strstr(problem, "UTF-8") != NULL
			     ? (size_t)((const char *)bad - r->yaml)
			     : p->problem_offset,
		     &line, &col);
	r->error_line = line - r->yaml_line;
	r->error_diag = r->diags->n;
	if (strstr(problem, "control") != NULL)
		diag_add(r->diags, DIAG_ERROR, r->path, line, col,
			 "front matter: the text has a control character "
			 "(byte 0x%02X) that is not allowed",
			 (unsigned)p->problem_value & 0xFFu);
	else if (strstr(problem, "UTF-8") != NULL ||
		 strstr(problem, "Unicode") != NULL)
		diag_add(r->diags, DIAG_ERROR, r->path, line, col,
			 "front matter: the text is not valid UTF-8 "
			 "(save the file as UTF-8)");
	else
		diag_add(r->diags, DIAG_ERROR, r->path, line, col,
			 "front matter: could not read the YAML (%s)", problem);
	r->nerrors++;
}

/*
 * Reads the next event into *ev (the caller deletes it).  Returns -1 when
 * libyaml stopped (the error is then reported once) or the stream ended;
 * *ev is then empty and need not be deleted.
 */
int fm_next(struct fm_reader *r, yaml_event_t *ev)
{
	memset(ev, 0, sizeof *ev);
	if (r->failed)
		return -1;
	if (!yaml_parser_parse(&r->parser, ev)) {
		r->failed = true;
		S_report_yaml_error(r);
		return -1;
	}
	if (ev->type == YAML_NO_EVENT) {
		r->failed = true; /* past the end; nothing more to read */
		return -1;
	}
	return 0;
}

/*
 * Deletes ev and, when it opens a list or mapping, reads and deletes
 * everything up to the matching end.  Returns -1 when libyaml stopped.
 */
int fm_skip(struct fm_reader *r, yaml_event_t *ev)
{
	size_t depth = ev->type == YAML_SEQUENCE_START_EVENT ||
			       ev->type == YAML_MAPPING_START_EVENT
			       ? 1
			       : 0;
	yaml_event_delete(ev);
	while (depth > 0) {
		yaml_event_t e;
		if (fm_next(r, &e) < 0)
			return -1;
		if (e.type == YAML_SEQUENCE_START_EVENT ||
		    e.type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (e.type == YAML_SEQUENCE_END_EVENT ||
			 e.type == YAML_MAPPING_END_EVENT)
			depth--;
		yaml_event_delete(&e);
	}
	return 0;
}

/* Reads the next event (a value) and skips it. */
int fm_skip_next(struct fm_reader *r)
{
	yaml_event_t ev;
	if (fm_next(r, &ev) < 0)
		return -1;
	return fm_skip(r, &ev);
}

/* A plain scalar that YAML reads as "nothing": empty, ~ or null. */
bool fm_is_null(const yaml_event_t *ev)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	const char *v = (const char *)ev->data.scalar.value;
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
		if (strcmp(v, nulls[i]) == 0)
			return true;
	return false;
}

/* How a value that is not a scalar is named in messages. */
const char *fm_what(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_MAPPING_START_EVENT:
		return "a set of keys";
	case YAML_ALIAS_EVENT:
		return "an alias (*name)";
	default:
		return "something else";
	}
}

/*
 * Copies a scalar's text.  Block scalars (| and >) lose their final line
 * breaks.  Returns NULL, with an error, when the text holds a NUL byte
 * (possible through the "\0" escape).
 */
char *fm_scalar_dup(struct fm_reader *r, const yaml_event_t *ev,
			  const char *key)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	if (memchr(v, '\0', n) != NULL) {
		fm_diag(r, DIAG_ERROR, &ev->start_mark,
		       "\"%s\" has a NUL character in it", key);
		return NULL;
	}
	if (ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
	    ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
		while (n > 0 && (v[n - 1] == '\n' || v[n - 1] == '\r'))
			n--;
	return xstrndup(v, n);
}
