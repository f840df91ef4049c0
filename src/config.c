/*
 * config: kiosk.conf parsed with inih, checked against one table of keys.
 *
 * Data: config_keys[] (config_keys.h) is the whole schema: each row names
 * a section and a key, the value's type, the struct config field it
 * fills and its default.  This file is the reader: it finds each row by
 * the section and key written, checks the value against the row and
 * stores it, and says what is wrong with the line when it cannot.
 *
 * Lines: Debian's inih has no INI_HANDLER_LINENO, so inih reads through
 * read_line(), which hands it one line of the text per call and counts
 * lines; inih calls on_pair() before it asks for the next line, so the
 * handler always knows the current line.  read_line() also:
 *   - drops the line's leading white space, so an indented key is a key
 *     (inih would otherwise take it as a continuation of the previous
 *     value, which a staff member indenting a file never means);
 *   - recognises "[section]" lines with inih's own rule, because inih
 *     tells the handler nothing about a section with no keys in it, nor on
 *     which line a section started;
 *   - reports a line that inih rejects: inih only returns the number of the
 *     first such line, so every line that is neither blank, a comment, a
 *     section nor answered by a handler call is reported when the next
 *     line is read.  The return value is kept as a cross-check;
 *   - refuses a line longer than inih's buffer (ini_max_line, 200 bytes in
 *     Debian's build) rather than let inih split it, and stops after
 *     MAX_ERRORS errors so binary garbage gives a short list.
 *
 * Values: inih has already removed comments and surrounding white space;
 * one pair of surrounding double quotes is removed here.  A value is
 * checked completely into a temporary before it is stored, so a bad value
 * leaves the field as it was (its default, unless an earlier line set it).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "config_keys.h"
#include "fileio.h"
#include "xmem.h"

#define CONFIG_MAX_BYTES (1024 * 1024) /* config_load refuses larger files */
#define MAX_ERRORS	 50 /* then "too many errors" and stop reading */
#define SHOWN_CHARS	 40 /* characters of user text quoted in a message */

enum section_state { SEC_NONE, SEC_KNOWN, SEC_UNKNOWN };

/* Parsing state, shared by read_line() and on_pair(). */
struct parser {
	struct config *c;
	const char *path; /* as given; for messages and resolving */
	struct diag_list *diags;
	const char *text;   /* whole input, len bytes */
	size_t len, pos;    /* pos: start of the next line */
	int line;	    /* 1-based; the line inih holds now */
	bool expect_pair;   /* inih must call on_pair for this line */
	bool handled;	    /* ... and it did */
	int first_rejected; /* first line inih rejected, 0 if none */
	enum section_state sec;
	const char *section; /* table spelling, when sec == SEC_KNOWN */
	int *seen;	     /* owned; per row of config_keys[], the last
				line that set the key, 0 if none */
	int errors;
	bool gave_up; /* MAX_ERRORS reached */
};

static void report(struct parser *p, enum diag_level lv, int line,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void report(struct parser *p, enum diag_level lv, int line,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		xmem_fatal("bad format");
	char *msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	diag_add(p->diags, lv, p->path, line, 0, "%s", msg);
	free(msg);
	if (lv == DIAG_ERROR)
		p->errors++;
}

/* C0 except tab, DEL and C1: never printed on the kiosk screen. */
static bool is_control(ucs4_t uc)
{
	return (uc < 0x20 && uc != '\t') || (uc >= 0x7f && uc <= 0x9f);
}

/* A copy of s fit to quote in a message: control characters and bytes
 * that are not UTF-8 written as \xNN or \uNNNN, cut after SHOWN_CHARS
 * characters.  Caller frees. */
static char *shown(const char *s)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s);
	char *out = xmalloc(SHOWN_CHARS * 6 + 8);
	size_t o = 0;
	for (int chars = 0; u < end; chars++) {
		if (chars == SHOWN_CHARS) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, u, (size_t)(end - u));
		if (n < 0) {
			o += (size_t)sprintf(out + o, "\\x%02X", *u);
			n = 1;
		} else if (is_control(uc) && uc < 0x80) {
			o += (size_t)sprintf(out + o, "\\x%02X", (unsigned)uc);
		} else if (is_control(uc)) {
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)uc);
		} else {
			memcpy(out + o, u, (size_t)n);
			o += (size_t)n;
		}
		u += n;
	}
	out[o] = '\0';
	return out;
}

static int lower(int ch)
{
	return tolower((unsigned char)ch);
}

/* Optimal string alignment distance (edits, swaps of neighbours count
 * one), ignoring ASCII case; a large number for long names. */
static int distance(const char *a, const char *b)
{
	enum { LONGEST = 32 };
	size_t la = strlen(a), lb = strlen(b);
	if (la > LONGEST || lb > LONGEST)
		return LONGEST * 2;
	int d[LONGEST + 1][LONGEST + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int cost = lower(a[i - 1]) != lower(b[j - 1]);
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 &&
			    lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/* Whether a misspelling this far from a known name of len characters is
 * worth suggesting: one edit in short names, two from six characters. */
static bool close_enough(int dist, size_t len)
{
	return dist <= (len >= 6 ? 2 : 1);
}

static void unknown_section(struct parser *p, const char *name)
{
	const char *best = NULL;
	int best_d = 0;
	for (size_t i = 0; i < config_nkeys; i++) {
		int d = distance(name, config_keys[i].section);
		if (close_enough(d, strlen(config_keys[i].section)) &&
		    (best == NULL || d < best_d)) {
			best = config_keys[i].section;
			best_d = d;
		}
	}
	char *n = shown(name);
	if (best != NULL) {
		report(p, DIAG_ERROR, p->line,
		       "unknown section [%s] (did you mean [%s]?)", n, best);
	} else {
		char *all = config_keys_section_list();
		report(p, DIAG_ERROR, p->line,
		       "unknown section [%s] (known: %s)", n, all);
		free(all);
	}
	free(n);
}

static void unknown_key(struct parser *p, const char *name)
{
	const char *best = NULL;
	int best_d = 0;
	char *all = xstrdup("");
	for (size_t i = 0; i < config_nkeys; i++) {
		if (strcmp(config_keys[i].section, p->section) != 0)
			continue;
		int d = distance(name, config_keys[i].name);
		if (close_enough(d, strlen(config_keys[i].name)) &&
		    (best == NULL || d < best_d)) {
			best = config_keys[i].name;
			best_d = d;
		}
		char *t = xasprintf("%s%s%s", all, *all ? ", " : "",
				    config_keys[i].name);
		free(all);
		all = t;
	}
	char *n = shown(name);
	if (best != NULL)
		report(p, DIAG_ERROR, p->line,
		       "unknown key \"%s\" in [%s] (did you mean \"%s\"?)", n,
		       p->section, best);
	else
		report(p, DIAG_ERROR, p->line,
		       "unknown key \"%s\" in [%s] (known: %s)", n, p->section,
		       all);
	free(n);
	free(all);
}

/* A "[name]" line as inih reads it: the name ends at the first ']', and a
 * ';' after white space starts a comment first, which inih rejects. */
static void read_section(struct parser *p, const char *line)
{
	const char *s = line + 1;
	bool was_space = false;
	while (*s != '\0' && *s != ']' &&
	       !(INI_ALLOW_INLINE_COMMENTS && was_space &&
		 strchr(INI_INLINE_COMMENT_PREFIXES, *s) != NULL)) {
		was_space = isspace((unsigned char)*s);
		s++;
	}
	if (*s != ']') {
		report(p, DIAG_ERROR, p->line,
		       "cannot read this line: expected [section]");
		if (p->first_rejected == 0)
			p->first_rejected = p->line;
		return;
	}
	const char *b = line + 1, *e = s;
	while (b < e && isspace((unsigned char)*b))
		b++;
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	char *name = xstrndup(b, (size_t)(e - b));
	p->section = config_keys_section(name);
	p->sec = p->section != NULL ? SEC_KNOWN : SEC_UNKNOWN;
	if (p->sec == SEC_UNKNOWN)
		unknown_section(p, name);
	free(name);
}

/* Reports the line inih holds if it needed a handler call and got none. */
static void check_rejected(struct parser *p)
{
	if (p->expect_pair && !p->handled) {
		report(p, DIAG_ERROR, p->line,
		       "cannot read this line: expected key = value");
		if (p->first_rejected == 0)
			p->first_rejected = p->line;
	}
	p->expect_pair = false;
	p->handled = false;
}

/* inih's fgets: the next line into buf (num bytes), without its end of
 * line or leading white space; NULL at the end.  A line that does not fit
 * is reported and handed over empty: inih would split it or drop it. */
static char *read_line(char *buf, int num, void *stream)
{
	struct parser *p = stream;
	check_rejected(p);
	if (p->errors >= MAX_ERRORS && !p->gave_up && p->pos < p->len) {
		report(p, DIAG_ERROR, p->line,
		       "too many errors; not reading further");
		p->gave_up = true;
	}
	if (p->pos >= p->len || p->gave_up || num < 1)
		return NULL;

	const char *s = p->text + p->pos;
	const char *nl = memchr(s, '\n', p->len - p->pos);
	size_t n = nl != NULL ? (size_t)(nl - s) : p->len - p->pos;
	p->pos += n + (nl != NULL);
	p->line++;
	if (p->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;

	buf[0] = '\0';
	/* Two bytes short of num, so that no inih version sees a full buffer
	 * without a newline and starts reading the rest of a long line. */
	if (num < 2 || n > (size_t)num - 2) {
		report(p, DIAG_ERROR, p->line,
		       "line is too long (over %d bytes)",
		       num < 2 ? 0 : num - 2);
		return buf;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (buf[0] == '[')
		read_section(p, buf);
	else if (buf[0] != '\0' &&
		 strchr(INI_START_COMMENT_PREFIXES, buf[0]) == NULL)
		p->expect_pair = true;
	return buf;
}

/* Whether s is empty or only white space. */
static bool blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

static const char *const true_words[] = {"yes", "true", "on", "1", NULL};
static const char *const false_words[] = {"no", "false", "off", "0", NULL};

static int word_index(const char *const *words, const char *s)
{
	for (int i = 0; words[i] != NULL; i++)
		if (strcasecmp(words[i], s) == 0)
			return i;
	return -1;
}

/* A relative value joined to the folder of the config file. */
static char *resolve(const char *config_path, const char *value)
{
	const char *slash =
		config_path != NULL ? strrchr(config_path, '/') : NULL;
	if (value[0] == '/' || value[0] == '\0' || slash == NULL)
		return xstrdup(value);
	size_t dl = slash == config_path ? 1 : (size_t)(slash - config_path);
	size_t vl = strlen(value);
	char *r = xmalloc(dl + 1 + vl + 1);
	memcpy(r, config_path, dl);
	size_t o = dl;
	if (r[o - 1] != '/')
		r[o++] = '/';
	memcpy(r + o, value, vl + 1);
	return r;
}

/* The problem with text value v for key k, or NULL if it may be stored.
 * Strings are UTF-8 shown on screen; paths are bytes, so only the ASCII
 * control characters count there. */
static const char *text_problem(const struct config_key *k, const char *v)
{
	if (!k->may_be_empty && blank(v))
		return "must not be empty";
	const uint8_t *u = (const uint8_t *)v, *end = u + strlen(v);
	if (k->type == CONFIG_KEY_STRING && u8_check(u, (size_t)(end - u)) != NULL)
		return "is not valid UTF-8; save the file as UTF-8";
	while (u < end) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, u, (size_t)(end - u));
		if (n < 0) {
			n = 1;
			uc = *u;
		}
		if (is_control(uc) && (k->type == CONFIG_KEY_STRING || uc < 0x80))
			return "contains control characters";
		u += n;
	}
	return NULL;
}

/* "a, b, c" */
static char *join(const char *const *words)
{
	char *s = xstrdup("");
	for (size_t i = 0; words[i] != NULL; i++) {
		char *t = xasprintf("%s%s%s", s, i ? ", " : "", words[i]);
		free(s);
		s = t;
	}
	return s;
}

/* Checks value v for key k and stores it in field, or reports why not and
 * leaves the field alone.  Returns whether it stored. */
static bool store(struct parser *p, const struct config_key *k, void *field,
		  const char *v)
{
	const char *problem;
	char *sv, *list;
	int i;
	long n;
	char *end;

	switch (k->type) {
	case CONFIG_KEY_STRING:
	case CONFIG_KEY_PATH:
		problem = text_problem(k, v);
		/* An empty value of a key that may be empty needs no test. */
		if (problem == NULL && k->check != NULL &&
		    !(k->may_be_empty && v[0] == '\0') && !k->check(v))
			problem = k->check_msg;
		if (problem != NULL) {
			report(p, DIAG_ERROR, p->line, "%s %s", k->name,
			       problem);
			return false;
		}
		free(*(char **)field);
		*(char **)field =
			k->type == CONFIG_KEY_PATH ? resolve(p->path, v) : xstrdup(v);
		return true;
	case CONFIG_KEY_ENUM:
		i = word_index(k->values, v);
		if (i >= 0) {
			*(int *)field = i;
			return true;
		}
		list = join(k->values);
		sv = shown(v);
		report(p, DIAG_ERROR, p->line,
		       "%s must be one of: %s (got \"%s\")", k->name, list, sv);
		free(list);
		free(sv);
		return false;
	case CONFIG_KEY_INT:
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v != '\0' && *end == '\0' && errno == 0 && n >= k->min &&
		    n <= k->max) {
			*(int *)field = (int)n;
			return true;
		}
		sv = shown(v);
		report(p, DIAG_ERROR, p->line,
		       "%s must be a whole number from %ld to %ld (got \"%s\")",
		       k->name, k->min, k->max, sv);
		free(sv);
		return false;
	case CONFIG_KEY_BOOL:
		if (word_index(true_words, v) >= 0) {
			*(bool *)field = true;
			return true;
		}
		if (word_index(false_words, v) >= 0) {
			*(bool *)field = false;
			return true;
		}
		sv = shown(v);
		report(p, DIAG_ERROR, p->line,
		       "%s must be yes or no (got \"%s\")", k->name, sv);
		free(sv);
		return false;
	}
	return false;
}

/* Removes one pair of surrounding double quotes from raw and stores it.
 * Returns whether it stored. */
static bool apply(struct parser *p, const struct config_key *k, const char *raw)
{
	size_t len = strlen(raw);
	if (raw[0] == '"' && (len < 2 || raw[len - 1] != '"') &&
	    strchr(raw + 1, '"') == NULL) {
		report(p, DIAG_ERROR, p->line,
		       "%s has an opening quote but no closing quote", k->name);
		return false;
	}
	char *v = raw[0] == '"' && len >= 2 && raw[len - 1] == '"'
			  ? xstrndup(raw + 1, len - 2)
			  : xstrdup(raw);
	bool ok = store(p, k, (char *)p->c + k->offset, v);
	free(v);
	return ok;
}

/* The inih handler: one "name = value" line, the current one in p. */
static int on_pair(void *user, const char *section, const char *name,
		   const char *value)
{
	struct parser *p = user;
	(void)section; /* read_line tracks sections, with their lines */
	if (name == NULL || value == NULL || name[0] == '\0')
		return 1; /* no key = value: check_rejected reports it */
	p->handled = true;

	if (p->sec == SEC_UNKNOWN)
		return 1; /* the section was reported */
	if (p->sec == SEC_NONE) {
		const char *home = config_keys[0].section;
		for (size_t i = 0; i < config_nkeys; i++)
			if (strcasecmp(config_keys[i].name, name) == 0) {
				home = config_keys[i].section;
				break;
			}
		report(p, DIAG_ERROR, p->line,
		       "key outside a section; put it under [%s]", home);
		return 1;
	}
	const struct config_key *k = config_keys_find(p->section, name);
	if (k == NULL) {
		unknown_key(p, name);
		return 1;
	}
	/* A bad value is the error to fix; the earlier value then stays, so
	 * "the later value is used" is said only when it is. */
	size_t i = (size_t)(k - config_keys);
	if (apply(p, k, value) && p->seen[i] != 0)
		report(p, DIAG_WARNING, p->line,
		       "\"%s\" in [%s] was already set on line %d; "
		       "the later value is used",
		       k->name, k->section, p->seen[i]);
	p->seen[i] = p->line;
	return 1;
}

static int parse(struct config *c, const char *path, const char *text,
		 size_t len, struct diag_list *diags)
{
	struct parser p = {
		.c = c, .path = path, .diags = diags, .text = text, .len = len};
	p.seen = xcalloc(config_nkeys, sizeof *p.seen);
	int r = ini_parse_stream(read_line, &p, on_pair, &p);
	check_rejected(&p);
	free(p.seen);
	if (r < 0)
		xmem_fatal("out of memory");
	if (r > 0 && r != p.first_rejected)
		report(&p, DIAG_ERROR, r,
		       "cannot read this line: expected key = value");
	return p.errors > 0 ? -1 : 0;
}

int config_parse(struct config *c, const char *path, const char *text,
		 struct diag_list *diags)
{
	return parse(c, path, text, strlen(text), diags);
}

int config_load(struct config *c, const char *path, struct diag_list *diags)
{
	char *text, *cause;
	size_t len;
	if (file_read(path, CONFIG_MAX_BYTES, &text, &len, &cause) != 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", cause);
		free(cause);
		return -1;
	}
	const char *nul = memchr(text, '\0', len);
	if (nul != NULL) {
		int line = 1;
		for (const char *s = text; s < nul; s++)
			line += *s == '\n';
		diag_add(diags, DIAG_ERROR, path, line, 0,
			 "contains a NUL byte; is this a text file?");
		free(text);
		return -1;
	}
	int r = parse(c, path, text, len, diags);
	free(text);
	return r;
}
