/*
 * frontmatter: see frontmatter.h.
 *
 * Three steps.  The fences are found by hand first
 * (frontmatter_fences.c), so the body's start is known even when the YAML
 * is bad.  The text between them is copied with staff's invisible slips
 * repaired (frontmatter_staff.c), and that copy goes to libyaml's event
 * parser.  When libyaml stops at a syntax error, the error is kept, its
 * line is blanked and the YAML read again (at most FM_MAX_PASSES times),
 * so one run reports every error and the good lines are still read.
 *
 * The events are read by a small schema walker, struct fm_reader.  The top
 * level must be a mapping; each known key is a row of fm_fields and reads
 * its value with one function; anything else is skipped by counting start
 * and end events.  Nothing here recurses, so deep or huge YAML only costs
 * libyaml's own memory.  Aliases are never expanded (the event API does
 * not), and an alias where a value is expected is an error.
 *
 * libyaml's events and errors are read through frontmatter_events.c.
 */
#include "frontmatter.h"

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
#include "frontmatter_fences.h"
#include "frontmatter_reader.h"
#include "frontmatter_staff.h"
#include "xmem.h"

/* Reads of one front matter: the first, and one more per syntax error. */
#define FM_MAX_PASSES 10

/* What a known key holds. */
enum fm_kind {
	FM_TEXT,   /* one scalar, kept as written */
	FM_ORDER,  /* a whole number */
	FM_TAGS,   /* a scalar or a list of scalars */
	FM_SOURCES /* a list of {name, url} mappings or scalars */
};

/* The schema: one row per key.  offset locates the char * member of
 * struct frontmatter for FM_TEXT keys. */
static const struct fm_field {
	const char *name;
	enum fm_kind kind;
	size_t offset;
} fm_fields[] = {
	{"title", FM_TEXT, offsetof(struct frontmatter, title)},
	{"description", FM_TEXT, offsetof(struct frontmatter, description)},
	{"date", FM_TEXT, offsetof(struct frontmatter, date)},
	{"reviewed", FM_TEXT, offsetof(struct frontmatter, reviewed)},
	{"topic", FM_TEXT, offsetof(struct frontmatter, topic)},
	{"url", FM_TEXT, offsetof(struct frontmatter, url)},
	{"lang", FM_TEXT, offsetof(struct frontmatter, lang)},
	{"order", FM_ORDER, 0},
	{"tags", FM_TAGS, 0},
	{"sources", FM_SOURCES, 0},
};
#define FM_NFIELDS (sizeof fm_fields / sizeof fm_fields[0])
_Static_assert(FM_NFIELDS <= FM_MAX_FIELDS, "seen[] holds every key");


/* A text key: title, description, date, ... Consumes ev. */
static int S_read_text(struct fm_reader *r, const struct fm_field *f,
		       yaml_event_t *ev)
{
	char **dst = (char **)(void *)((char *)r->fm + f->offset);
	if (ev->type != YAML_SCALAR_EVENT) {
		fm_diag(r, DIAG_ERROR, &ev->start_mark,
		       "\"%s\" must be text, not %s", f->name, fm_what(ev));
		return fm_skip(r, ev);
	}
	free(*dst);
	*dst = fm_is_null(ev) ? NULL : fm_scalar_dup(r, ev, f->name);
	yaml_event_delete(ev);
	return 0;
}

/* Parses a decimal whole number with an optional sign into *out. */
static bool S_parse_int(const char *s, int *out)
{
	long v = 0;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
		if (v > INT_MAX)
			return false;
	}
	*out = neg ? (int)-v : (int)v;
	return true;
}

/* "order": a whole number (quoted or not).  Consumes ev. */
static int S_read_order(struct fm_reader *r, yaml_event_t *ev)
{
	int v;
	if (ev->type != YAML_SCALAR_EVENT) {
		fm_diag(r, DIAG_ERROR, &ev->start_mark,
		       "\"order\" must be a whole number, not %s", fm_what(ev));
		return fm_skip(r, ev);
	}
	if (fm_is_null(ev)) {
		r->fm->order = 0;
		r->fm->has_order = false;
	} else if (strlen((const char *)ev->data.scalar.value) ==
			   ev->data.scalar.length &&
		   S_parse_int((const char *)ev->data.scalar.value, &v)) {
		r->fm->order = v;
		r->fm->has_order = true;
	} else {
		char shown[FM_SHOW_MAX + 4];
		fm_show(shown, (const char *)ev->data.scalar.value,
		       ev->data.scalar.length);
		fm_diag(r, DIAG_ERROR, &ev->start_mark,
		       "\"order\" must be a whole number (such as 3), "
		       "not \"%s\"",
		       shown);
	}
	yaml_event_delete(ev);
	return 0;
}

static void S_add_tag(struct fm_reader *r, const yaml_event_t *ev)
{
	struct frontmatter *fm = r->fm;
	char *s;
	if (fm_is_null(ev) || (s = fm_scalar_dup(r, ev, "tags")) == NULL)
		return;
	xgrow(&fm->tags, &r->tags_cap, fm->ntags + 1, sizeof *fm->tags);
	fm->tags[fm->ntags++] = s;
}

static void S_clear_tags(struct fm_reader *r)
{
	for (size_t i = 0; i < r->fm->ntags; i++)
		free(r->fm->tags[i]);
	free(r->fm->tags);
	r->fm->tags = NULL;
	r->fm->ntags = 0;
	r->tags_cap = 0;
}

/* "tags": one scalar, or a list of scalars.  Consumes ev. */
static int S_read_tags(struct fm_reader *r, yaml_event_t *ev)
{
	static const char msg[] = "\"tags\" must be a word or a list of words";
	S_clear_tags(r);
	if (ev->type == YAML_SCALAR_EVENT) {
		S_add_tag(r, ev);
		yaml_event_delete(ev);
		return 0;
	}
	if (ev->type != YAML_SEQUENCE_START_EVENT) {
		fm_diag(r, DIAG_ERROR, &ev->start_mark, "%s, not %s", msg,
		       fm_what(ev));
		return fm_skip(r, ev);
	}
	yaml_event_delete(ev);
	for (;;) {
		yaml_event_t item;
		if (fm_next(r, &item) < 0)
			return -1;
		if (item.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&item);
			return 0;
		}
		if (item.type == YAML_SCALAR_EVENT) {
			S_add_tag(r, &item);
			yaml_event_delete(&item);
			continue;
		}
		fm_diag(r, DIAG_ERROR, &item.start_mark,
		       "%s; this entry is %s", msg, fm_what(&item));
		if (fm_skip(r, &item) < 0)
			return -1;
	}
}

/* A scalar naming a web page: "scheme://..." or "www...." without spaces. */
static bool S_looks_like_url(const char *s)
{
	size_t i = 0;
	if (strncmp(s, "www.", 4) == 0)
		return strchr(s, ' ') == NULL;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	       (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	       s[i] == '.')
		i++;
	return strncmp(s + i, "://", 3) == 0 && s[i + 3] != '\0' &&
	       strchr(s, ' ') == NULL;
}

/* Appends a source; takes ownership of name and url. */
static void S_add_source(struct fm_reader *r, char *name, char *url)
{
	struct frontmatter *fm = r->fm;
	xgrow(&fm->sources, &r->sources_cap, fm->nsources + 1,
	      sizeof *fm->sources);
	fm->sources[fm->nsources].name = name;
	fm->sources[fm->nsources].url = url;
	fm->nsources++;
}

static void S_clear_sources(struct fm_reader *r)
{
	for (size_t i = 0; i < r->fm->nsources; i++) {
		free(r->fm->sources[i].name);
		free(r->fm->sources[i].url);
	}
	free(r->fm->sources);
	r->fm->sources = NULL;
	r->fm->nsources = 0;
	r->sources_cap = 0;
}

/*
 * One source given as a mapping; the MAPPING-START event is start.  Keys
 * "name" and "url"; others are warned about.  An entry with neither is an
 * error and is dropped.
 */
static int S_read_source_map(struct fm_reader *r, const yaml_mark_t *start)
{
	char *name = NULL, *url = NULL;
	for (;;) {
		yaml_event_t key, val;
		char shown[FM_SHOW_MAX + 4];
		char **dst = NULL;
		if (fm_next(r, &key) < 0)
			goto fail;
		if (key.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&key);
			break;
		}
		if (key.type != YAML_SCALAR_EVENT) {
			fm_diag(r, DIAG_ERROR, &key.start_mark,
			       "a source's keys must be \"name\" or \"url\"");
			if (fm_skip(r, &key) < 0 || fm_skip_next(r) < 0)
				goto fail;
			continue;
		}
		if (strcmp((const char *)key.data.scalar.value, "name") == 0)
			dst = &name;
		else if (strcmp((const char *)key.data.scalar.value, "url") ==
			 0)
			dst = &url;
		if (dst == NULL) {
			static const char *const names[] = {"name", "url"};
			const char *near = fm_staff_suggest(
				(const char *)key.data.scalar.value,
				key.data.scalar.length, names, 2);
			fm_show(shown, (const char *)key.data.scalar.value,
			       key.data.scalar.length);
			fm_diag(r, DIAG_WARNING, &key.start_mark,
			       "unknown key \"%s\" in a source (ignored)%s%s%s",
			       shown, near != NULL ? "; did you mean \"" : "",
			       near != NULL ? near : "",
			       near != NULL ? "\"?" : "");
		}
		yaml_event_delete(&key);
		if (fm_next(r, &val) < 0)
			goto fail;
		if (dst == NULL)
			goto skip;
		if (val.type != YAML_SCALAR_EVENT) {
			fm_diag(r, DIAG_ERROR, &val.start_mark,
			       "a source's \"%s\" must be text, not %s",
			       dst == &name ? "name" : "url", fm_what(&val));
			goto skip;
		}
		free(*dst);
		*dst = fm_is_null(&val) ? NULL
				       : fm_scalar_dup(r, &val, "sources");
	skip:
		if (fm_skip(r, &val) < 0)
			goto fail;
	}
	if (name == NULL && url == NULL) {
		fm_diag(r, DIAG_ERROR, start,
		       "a source needs a \"name\" or a \"url\"");
		return 0;
	}
	S_add_source(r, name, url);
	return 0;
fail:
	free(name);
	free(url);
	return -1;
}

/* "sources": a list of {name, url} mappings or scalars.  Consumes ev. */
static int S_read_sources(struct fm_reader *r, yaml_event_t *ev)
{
	static const char msg[] = "\"sources\" must be a list of name/url "
				  "entries";
	S_clear_sources(r);
	if (ev->type == YAML_SCALAR_EVENT && fm_is_null(ev)) {
		yaml_event_delete(ev);
		return 0;
	}
	if (ev->type != YAML_SEQUENCE_START_EVENT) {
		fm_diag(r, DIAG_ERROR, &ev->start_mark, "%s", msg);
		return fm_skip(r, ev);
	}
	yaml_event_delete(ev);
	for (;;) {
		yaml_event_t item;
		if (fm_next(r, &item) < 0)
			return -1;
		if (item.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&item);
			return 0;
		}
		if (item.type == YAML_SCALAR_EVENT) {
			char *s = fm_is_null(&item)
					  ? NULL
					  : fm_scalar_dup(r, &item, "sources");
			if (s != NULL && S_looks_like_url(s))
				S_add_source(r, NULL, s);
			else if (s != NULL)
				S_add_source(r, s, NULL);
			yaml_event_delete(&item);
		} else if (item.type == YAML_MAPPING_START_EVENT) {
			yaml_mark_t start = item.start_mark;
			yaml_event_delete(&item);
			if (S_read_source_map(r, &start) < 0)
				return -1;
		} else {
			fm_diag(r, DIAG_ERROR, &item.start_mark,
			       "%s; this entry is %s", msg, fm_what(&item));
			if (fm_skip(r, &item) < 0)
				return -1;
		}
	}
}

/* Reads the value of a known key (its first event is ev, consumed). */
static int S_read_value(struct fm_reader *r, const struct fm_field *f,
			yaml_event_t *ev)
{
	switch (f->kind) {
	case FM_TEXT:
		return S_read_text(r, f, ev);
	case FM_ORDER:
		return S_read_order(r, ev);
	case FM_TAGS:
		return S_read_tags(r, ev);
	case FM_SOURCES:
		return S_read_sources(r, ev);
	}
	return fm_skip(r, ev);
}

static const struct fm_field *S_find_field(const yaml_event_t *key)
{
	const char *k = (const char *)key->data.scalar.value;
	for (size_t i = 0; i < FM_NFIELDS; i++)
		if (strlen(fm_fields[i].name) == key->data.scalar.length &&
		    strcmp(fm_fields[i].name, k) == 0)
			return &fm_fields[i];
	return NULL;
}

/* The known key an unknown one is closest to, or NULL. */
static const char *S_suggest(const yaml_event_t *key)
{
	const char *names[FM_NFIELDS];
	for (size_t i = 0; i < FM_NFIELDS; i++)
		names[i] = fm_fields[i].name;
	return fm_staff_suggest((const char *)key->data.scalar.value,
				key->data.scalar.length, names, FM_NFIELDS);
}

/* The top-level mapping, after its MAPPING-START. */
static int S_read_top(struct fm_reader *r)
{
	for (;;) {
		yaml_event_t key, val;
		const struct fm_field *f;
		char shown[FM_SHOW_MAX + 4];
		int rc;

		if (fm_next(r, &key) < 0)
			return -1;
		if (key.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&key);
			return 0;
		}
		if (key.type != YAML_SCALAR_EVENT) {
			fm_diag(r, DIAG_ERROR, &key.start_mark,
			       "front matter: each key must be a plain word "
			       "such as \"title\", not %s",
			       fm_what(&key));
			if (fm_skip(r, &key) < 0 || fm_skip_next(r) < 0)
				return -1;
			continue;
		}
		f = S_find_field(&key);
		fm_show(shown, (const char *)key.data.scalar.value,
		       key.data.scalar.length);
		if (f == NULL) {
			const char *near = S_suggest(&key);
			fm_diag(r, DIAG_WARNING, &key.start_mark,
			       "unknown front matter key \"%s\" (ignored)%s%s%s",
			       shown,
			       near != NULL ? "; did you mean \"" : "",
			       near != NULL ? near : "",
			       near != NULL ? "\"? (keys are written in "
					      "small letters)"
					    : "");
		} else if (r->seen[f - fm_fields]) {
			fm_diag(r, DIAG_WARNING, &key.start_mark,
			       "\"%s\" is given twice; the last one is used",
			       f->name);
		}
		yaml_event_delete(&key);
		if (f == NULL) {
			if (fm_skip_next(r) < 0)
				return -1;
			continue;
		}
		r->seen[f - fm_fields] = true;
		if (fm_next(r, &val) < 0)
			return -1;
		rc = S_read_value(r, f, &val);
		if (rc < 0)
			return -1;
	}
}

/* The whole YAML stream: nothing, or one document holding a mapping. */
static void S_read_stream(struct fm_reader *r)
{
	yaml_event_t ev;
	bool done = false;
	int ndocs = 0;

	if (fm_next(r, &ev) < 0) /* STREAM-START */
		return;
	yaml_event_delete(&ev);
	while (!done) {
		if (fm_next(r, &ev) < 0)
			return;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			yaml_event_delete(&ev);
			break;
		case YAML_DOCUMENT_START_EVENT:
			/* a second one needs a line like "--- text" */
			if (++ndocs > 1) {
				fm_diag(r, DIAG_ERROR, &ev.start_mark,
				       "front matter: only one block of YAML "
				       "is allowed");
				done = true;
			}
			yaml_event_delete(&ev);
			break;
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			break;
		case YAML_MAPPING_START_EVENT:
			yaml_event_delete(&ev);
			if (S_read_top(r) < 0)
				return;
			break;
		case YAML_SCALAR_EVENT:
			if (fm_is_null(&ev)) { /* e.g. only "~" */
				yaml_event_delete(&ev);
				break;
			}
			/* fall through */
		default:
			fm_diag(r, DIAG_ERROR, &ev.start_mark,
			       "front matter: expected \"key: value\" lines, "
			       "found %s",
			       ev.type == YAML_SCALAR_EVENT ? "plain text"
							    : fm_what(&ev));
			if (fm_skip(r, &ev) < 0)
				return;
			break;
		}
	}
}

/* Blanks YAML line index line of text[0..len) (spaces, so every other
 * line keeps its place); false when it was blank already. */
static bool S_blank_line(char *text, size_t len, long line)
{
	char *p = text, *end = text + len;
	bool changed = false;
	for (long l = 0; l < line && p < end; l++) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return false;
		p = nl + 1;
	}
	for (; p < end && *p != '\n'; p++)
		if (*p != ' ') {
			*p = ' ';
			changed = true;
		}
	return changed;
}

/* One read of the repaired YAML rep into fm, its messages into *pd. */
static void S_read_once(struct fm_reader *r, const char *path,
			const struct fm_repaired *rep, int yaml_line,
			struct frontmatter *fm, struct diag_list *pd)
{
	memset(r, 0, sizeof *r);
	r->path = path;
	r->yaml = rep->text;
	r->yaml_len = rep->len;
	r->yaml_line = yaml_line;
	r->rep = rep;
	r->fm = fm;
	r->diags = pd;
	r->error_line = -1;
	if (!yaml_parser_initialize(&r->parser))
		xmem_fatal("out of memory");
	yaml_parser_set_encoding(&r->parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&r->parser,
				     (const unsigned char *)r->yaml,
				     r->yaml_len);
	S_read_stream(r);
	yaml_parser_delete(&r->parser);
}

/* Checks that the YAML is not too deep or too long for libyaml. */
static int S_check_size(const char *path, const char *text,
			const struct fm_fences *f, struct diag_list *out)
{
	/* libyaml takes quadratic time on deep nesting: bound what it gets,
	 * so one bad file cannot stall a kiosk. */
	int depth = 0, dline = f->yaml_line;
	for (size_t i = f->yaml_start; i < f->yaml_end; i++) {
		char c = text[i];
		if (c == '\n')
			dline++;
		else if (c == '[' || c == '{')
			depth++;
		else if ((c == ']' || c == '}') && depth > 0)
			depth--;
		if (depth > FRONTMATTER_MAX_DEPTH) {
			diag_add(out, DIAG_ERROR, path, dline, 0,
				 "front matter: lists or maps nested more than "
				 "%d deep",
				 FRONTMATTER_MAX_DEPTH);
			return -1;
		}
	}
	if (f->yaml_end - f->yaml_start > FRONTMATTER_MAX_BYTES) {
		diag_add(out, DIAG_ERROR, path, f->yaml_line, 0,
			 "front matter: longer than %d KiB; keep it to a few "
			 "lines of settings",
			 FRONTMATTER_MAX_BYTES / 1024);
		return -1;
	}
	return 0;
}

int frontmatter_parse(const char *path, const char *text, size_t len,
		      struct frontmatter *fm, size_t *body_offset,
		      int *body_line, struct diag_list *diags)
{
	struct fm_reader r;
	struct diag_list local = {0}, syntax = {0};
	struct diag_list *out = diags != NULL ? diags : &local;
	struct fm_fences f;
	struct fm_repaired rep;
	size_t nerrors = 0;

	memset(fm, 0, sizeof *fm);
	*body_offset = 0;
	*body_line = 1;
	if (text == NULL)
		return 0;
	int found = fm_fences_find(text, len, &f);
	if (found == 0)
		return 0;
	if (found < 0) {
		diag_add(out, DIAG_ERROR, path, f.open_line, 0,
			 "front matter: the \"---\" on line %d is never "
			 "closed (add a line \"---\" after the front "
			 "matter); until then patients see it as text",
			 f.open_line);
		diag_list_clear(&local);
		return -1;
	}
	*body_offset = f.body;
	*body_line = f.body_line;
	fm_fences_warn(path, &f, out);
	if (S_check_size(path, text, &f, out) != 0) {
		diag_list_clear(&local);
		return -1;
	}

	fm_staff_repair(path, text + f.yaml_start, f.yaml_end - f.yaml_start,
			f.yaml_line, &rep, out);
	for (int pass = 1;; pass++) {
		struct diag_list pd = {0};
		frontmatter_free(fm);
		S_read_once(&r, path, &rep, f.yaml_line, fm, &pd);
		if (r.error_line >= 0 && pass < FM_MAX_PASSES &&
		    r.error_diag < pd.n &&
		    S_blank_line(rep.text, rep.len, r.error_line)) {
			/* Keep the syntax error, read again without its
			 * line for the others. */
			struct diag *d = &pd.items[r.error_diag];
			diag_add(&syntax, d->level, d->path, d->line, d->col,
				 "%s", d->message);
			nerrors++;
			diag_list_clear(&pd);
			continue;
		}
		nerrors += r.nerrors;
		diag_move(out, &syntax);
		diag_move(out, &pd);
		break;
	}
	fm_repaired_free(&rep);
	diag_list_clear(&local);
	return nerrors > 0 ? -1 : 0;
}

void frontmatter_keep_url(struct frontmatter *fm)
{
	if (fm == NULL)
		return;
	char *url = fm->url;
	fm->url = NULL;
	frontmatter_free(fm);
	fm->url = url;
}

void frontmatter_free(struct frontmatter *fm)
{
	if (fm == NULL)
		return;
	free(fm->title);
	free(fm->description);
	free(fm->date);
	free(fm->reviewed);
	free(fm->topic);
	free(fm->url);
	free(fm->lang);
	for (size_t i = 0; i < fm->ntags; i++)
		free(fm->tags[i]);
	free(fm->tags);
	for (size_t i = 0; i < fm->nsources; i++) {
		free(fm->sources[i].name);
		free(fm->sources[i].url);
	}
	free(fm->sources);
	memset(fm, 0, sizeof *fm);
}
