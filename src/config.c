/*
 * config: kiosk.conf parsed with inih, checked against one table of keys.
 *
 * Data: `keys[]` below is the whole schema.  Each row names a section and
 * a key, the value's type (string, path, enum, integer, boolean), the
 * offset of the struct config field it fills, its default and a one-line
 * help text.  config_defaults, parsing, checking and config_free all walk
 * that table, so a new key is one row (plus its struct field).
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
#include <sys/stat.h>
#include <strings.h>
#include <unistr.h>

#include "fileio.h"
#include "pin.h"
#include "xmem.h"

#define CONFIG_MAX_BYTES (1024 * 1024) /* config_load refuses larger files */
#define MAX_ERRORS	 50 /* then "too many errors" and stop reading */
#define SHOWN_CHARS	 40 /* characters of user text quoted in a message */

enum key_type {
	KEY_STRING, /* char *: UTF-8 text without control characters */
	KEY_PATH,   /* char *: resolved against the config file's folder */
	KEY_ENUM,   /* int: index into values[] */
	KEY_INT,    /* int: from min to max */
	KEY_BOOL,   /* bool: yes/no, true/false, on/off, 1/0 */
};

struct key_def {
	const char *section; /* "kiosk" for [kiosk] */
	const char *name;    /* key as written in the file */
	enum key_type type;
	size_t offset;		   /* of the field in struct config */
	const char *const *values; /* KEY_ENUM: allowed values, NULL-ended */
	long min, max;		   /* KEY_INT: allowed range */
	bool may_be_empty;	   /* KEY_STRING, KEY_PATH: "" is allowed */
	const char *def_str;	   /* default of KEY_STRING and KEY_PATH */
	long def;		   /* default of the other types */
	const char *help;	   /* one line describing the key, for docs */
	bool (*check)(const char *); /* KEY_STRING: extra validity test */
	const char *check_msg;	   /* message when check fails */
};

/* In the order of enum theme_id: the index is the value stored. */
static const char *const theme_names[] = {"default", "high-contrast", "mono",
					  NULL};

static const char *const mode_names[] = {"normal", "waiting-room", NULL};

/* KEY_ENUM fields are stored through an int *. */
_Static_assert(sizeof(enum theme_id) == sizeof(int), "enum fields are ints");
_Static_assert(sizeof(enum kiosk_mode) == sizeof(int), "enum fields are ints");

static bool hash_or_empty(const char *v)
{
	return v[0] == '\0' || pin_hash_valid(v);
}

/* "en", "tr", "es-MX", "pt_BR": two or three small letters, maybe a
 * region. */
static bool language_code(const char *v)
{
	size_t n = 0;
	while (v[n] >= 'a' && v[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	if (v[n] == '\0')
		return true;
	if (v[n] != '-' && v[n] != '_')
		return false;
	for (size_t i = n + 1; v[i] != '\0'; i++)
		if (!isalnum((unsigned char)v[i]))
			return false;
	return v[n + 1] != '\0';
}

/* "en, tr, ar": language codes, separated by commas (and spaces). */
static bool language_list(const char *v)
{
	char code[32];
	for (const char *p = v;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = 0;
		while (*p != '\0' && *p != ',' && *p != ' ' && *p != '\t') {
			if (n + 1 >= sizeof code)
				return false;
			code[n++] = *p++;
		}
		code[n] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!language_code(code))
			return false;
		if (*p == '\0')
			return true;
		if (*p++ != ',')
			return false;
	}
}

static const struct key_def keys[] = {
	{.section = "kiosk",
	 .name = "title",
	 .type = KEY_STRING,
	 .offset = offsetof(struct config, title),
	 .def_str = "Patient information",
	 .help = "title shown on the home screen"},
	{.section = "kiosk",
	 .name = "content",
	 .type = KEY_PATH,
	 .offset = offsetof(struct config, content_dir),
	 .def_str = "content",
	 .help = "folder of articles/ and glossary.md, relative to this file"},
	{.section = "kiosk",
	 .name = "theme",
	 .type = KEY_ENUM,
	 .offset = offsetof(struct config, theme),
	 .values = theme_names,
	 .def = THEME_DEFAULT,
	 .help = "colours: default, high-contrast or mono"},
	{.section = "kiosk",
	 .name = "mode",
	 .type = KEY_ENUM,
	 .offset = offsetof(struct config, mode),
	 .values = mode_names,
	 .def = MODE_NORMAL,
	 .help = "normal, or waiting-room: no way out without the staff PIN"},
	{.section = "kiosk",
	 .name = "idle_timeout",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, idle_timeout),
	 .min = 2,
	 .max = 86400,
	 .def = 90,
	 .help = "waiting-room: seconds without input before going back to "
		 "the start and forgetting what was read"},
	{.section = "kiosk",
	 .name = "attract_timeout",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, attract_timeout),
	 .min = 0,
	 .max = 86400,
	 .def = 300,
	 .help = "waiting-room: seconds without input before the \"press any "
		 "key\" screen; 0 for never"},
	{.section = "kiosk",
	 .name = "pin_hash",
	 .type = KEY_STRING,
	 .offset = offsetof(struct config, pin_hash),
	 .may_be_empty = true,
	 .def_str = "",
	 .help = "waiting-room: hash of the staff PIN, from kiosk --hash-pin",
	 .check = hash_or_empty,
	 .check_msg = "is not a PIN hash that can be checked, or a weak one "
		      "(md5-crypt, DES); make one with: kiosk --hash-pin"},
	{.section = "kiosk",
	 .name = "log",
	 .type = KEY_PATH,
	 .offset = offsetof(struct config, log_path),
	 .may_be_empty = true,
	 .def_str = "",
	 .help = "file for the event log (content reloads and problems); "
		 "empty: standard error when that is not the screen"},
	{.section = "kiosk",
	 .name = "measure",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, measure),
	 .min = 30,
	 .max = 200,
	 .def = 72,
	 .help = "longest line of article text, in characters (about 72 "
		 "reads best)"},
	{.section = "kiosk",
	 .name = "review_months",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, review_months),
	 .min = 0,
	 .max = 120,
	 .def = 12,
	 .help = "kiosk --check warns about articles reviewed longer ago "
		 "than this; 0: never"},
	{.section = "kiosk",
	 .name = "reading_grade",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, reading_grade),
	 .min = 1,
	 .max = 20,
	 .def = 8,
	 .help = "kiosk --check warns about text above this school grade "
		 "(Flesch-Kincaid)"},
	{.section = "kiosk",
	 .name = "language",
	 .type = KEY_STRING,
	 .offset = offsetof(struct config, language),
	 .def_str = "en",
	 .help = "language of the content, as a two-letter ISO 639-1 code "
		 "(en, tr, es): kiosk --check grades reading level with its "
		 "formula",
	 .check = language_code,
	 .check_msg = "must be a language code of two small letters, such "
		      "as en, tr or es"},
	{.section = "kiosk",
	 .name = "languages",
	 .type = KEY_STRING,
	 .offset = offsetof(struct config, languages),
	 .def_str = "",
	 .may_be_empty = true,
	 .help = "order of the language folders offered on the home screen "
		 "(en, tr); \"\": the default language first, then the others "
		 "by code",
	 .check = language_list,
	 .check_msg = "must be language codes separated by commas, such as "
		      "en, tr"},
	{.section = "ssh",
	 .name = "session_idle",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, session_idle),
	 .min = 0,
	 .max = 86400,
	 .def = 900,
	 .help = "SSH sessions: seconds without a key before the session "
		 "ends; 0: never"},
	{.section = "ssh",
	 .name = "session_max",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, session_max),
	 .min = 0,
	 .max = 604800,
	 .def = 3600,
	 .help = "SSH sessions: longest session in seconds; 0: no limit"},
	{.section = "ssh",
	 .name = "max_sessions",
	 .type = KEY_INT,
	 .offset = offsetof(struct config, max_sessions),
	 .min = 0,
	 .max = 10000,
	 .def = 20,
	 .help = "SSH sessions at once; the next one is asked to come back "
		 "later; 0: no limit"},
	{.section = "ssh",
	 .name = "hyperlinks",
	 .type = KEY_BOOL,
	 .offset = offsetof(struct config, hyperlinks),
	 .def = 0,
	 .help = "SSH sessions: send web links as OSC 8 hyperlinks (clickable "
		 "in terminals that support them) instead of printing the "
		 "address after the link text"},
	{.section = "ssh",
	 .name = "lock_dir",
	 .type = KEY_PATH,
	 .offset = offsetof(struct config, lock_dir),
	 .may_be_empty = true,
	 .def_str = "",
	 .help = "folder for the session slot files that count sessions; "
		 "empty: $XDG_RUNTIME_DIR/kiosk-sessions, else "
		 "/tmp/kiosk-sessions-UID"},
};

void config_check(const struct config *c, const char *path,
		  struct diag_list *diags)
{
	if (c->mode == MODE_WAITING_ROOM && c->pin_hash[0] == '\0')
		diag_add(diags, DIAG_WARNING, path, 0, 0,
			 "waiting-room mode without pin_hash: staff cannot "
			 "leave the kiosk from its keyboard (set one with "
			 "kiosk --hash-pin)");
	/* A PIN hash anyone can read falls to an offline search. */
	struct stat st;
	if (c->pin_hash[0] != '\0' && path != NULL && stat(path, &st) == 0 &&
	    (st.st_mode & S_IROTH))
		diag_add(diags, DIAG_WARNING, path, 0, 0,
			 "pin_hash is in a file everyone can read; let only "
			 "root and the kiosk read it: chown root:kiosk and "
			 "chmod 640 (docs/deploy-console.md)");
}

#define NKEYS (sizeof keys / sizeof keys[0])

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
	int seen[NKEYS];     /* last line that set each key, 0 if none */
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

/* The table's spelling of a section, or NULL. */
static const char *find_section(const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcasecmp(keys[i].section, name) == 0)
			return keys[i].section;
	return NULL;
}

static const struct key_def *find_key(const char *section, const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].section, section) == 0 &&
		    strcasecmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* "[kiosk]" or "[kiosk], [other]": the sections, each named once. */
static char *section_list(void)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < NKEYS; i++) {
		size_t j = 0;
		while (strcmp(keys[j].section, keys[i].section) != 0)
			j++;
		if (j < i)
			continue; /* named by an earlier row */
		char *t = xasprintf("%s%s[%s]", s, *s ? ", " : "",
				    keys[i].section);
		free(s);
		s = t;
	}
	return s;
}

static void unknown_section(struct parser *p, const char *name)
{
	const char *best = NULL;
	int best_d = 0;
	for (size_t i = 0; i < NKEYS; i++) {
		int d = distance(name, keys[i].section);
		if (close_enough(d, strlen(keys[i].section)) &&
		    (best == NULL || d < best_d)) {
			best = keys[i].section;
			best_d = d;
		}
	}
	char *n = shown(name);
	if (best != NULL) {
		report(p, DIAG_ERROR, p->line,
		       "unknown section [%s] (did you mean [%s]?)", n, best);
	} else {
		char *all = section_list();
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
	for (size_t i = 0; i < NKEYS; i++) {
		if (strcmp(keys[i].section, p->section) != 0)
			continue;
		int d = distance(name, keys[i].name);
		if (close_enough(d, strlen(keys[i].name)) &&
		    (best == NULL || d < best_d)) {
			best = keys[i].name;
			best_d = d;
		}
		char *t = xasprintf("%s%s%s", all, *all ? ", " : "",
				    keys[i].name);
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
	p->section = find_section(name);
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
static const char *text_problem(const struct key_def *k, const char *v)
{
	if (!k->may_be_empty && blank(v))
		return "must not be empty";
	const uint8_t *u = (const uint8_t *)v, *end = u + strlen(v);
	if (k->type == KEY_STRING && u8_check(u, (size_t)(end - u)) != NULL)
		return "is not valid UTF-8; save the file as UTF-8";
	while (u < end) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, u, (size_t)(end - u));
		if (n < 0) {
			n = 1;
			uc = *u;
		}
		if (is_control(uc) && (k->type == KEY_STRING || uc < 0x80))
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
static bool store(struct parser *p, const struct key_def *k, void *field,
		  const char *v)
{
	const char *problem;
	char *sv, *list;
	int i;
	long n;
	char *end;

	switch (k->type) {
	case KEY_STRING:
	case KEY_PATH:
		problem = text_problem(k, v);
		if (problem == NULL && k->check != NULL && !k->check(v))
			problem = k->check_msg;
		if (problem != NULL) {
			report(p, DIAG_ERROR, p->line, "%s %s", k->name,
			       problem);
			return false;
		}
		free(*(char **)field);
		*(char **)field =
			k->type == KEY_PATH ? resolve(p->path, v) : xstrdup(v);
		return true;
	case KEY_ENUM:
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
	case KEY_INT:
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
	case KEY_BOOL:
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
static bool apply(struct parser *p, const struct key_def *k, const char *raw)
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
		const char *home = keys[0].section;
		for (size_t i = 0; i < NKEYS; i++)
			if (strcasecmp(keys[i].name, name) == 0) {
				home = keys[i].section;
				break;
			}
		report(p, DIAG_ERROR, p->line,
		       "key outside a section; put it under [%s]", home);
		return 1;
	}
	const struct key_def *k = find_key(p->section, name);
	if (k == NULL) {
		unknown_key(p, name);
		return 1;
	}
	/* A bad value is the error to fix; the earlier value then stays, so
	 * "the later value is used" is said only when it is. */
	size_t i = (size_t)(k - keys);
	if (apply(p, k, value) && p->seen[i] != 0)
		report(p, DIAG_WARNING, p->line,
		       "\"%s\" in [%s] was already set on line %d; "
		       "the later value is used",
		       k->name, k->section, p->seen[i]);
	p->seen[i] = p->line;
	return 1;
}

void config_defaults(struct config *c)
{
	*c = (struct config){0};
	for (size_t i = 0; i < NKEYS; i++) {
		void *field = (char *)c + keys[i].offset;
		switch (keys[i].type) {
		case KEY_STRING:
		case KEY_PATH:
			*(char **)field = xstrdup(keys[i].def_str);
			break;
		case KEY_ENUM:
		case KEY_INT:
			*(int *)field = (int)keys[i].def;
			break;
		case KEY_BOOL:
			*(bool *)field = keys[i].def != 0;
			break;
		}
	}
}

static int parse(struct config *c, const char *path, const char *text,
		 size_t len, struct diag_list *diags)
{
	struct parser p = {
		.c = c, .path = path, .diags = diags, .text = text, .len = len};
	int r = ini_parse_stream(read_line, &p, on_pair, &p);
	check_rejected(&p);
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

void config_free(struct config *c)
{
	for (size_t i = 0; i < NKEYS; i++) {
		if (keys[i].type != KEY_STRING && keys[i].type != KEY_PATH)
			continue;
		char **sp = (char **)((char *)c + keys[i].offset);
		free(*sp);
		*sp = NULL;
	}
}

const char *config_theme_name(enum theme_id t)
{
	if ((unsigned)t >= sizeof theme_names / sizeof theme_names[0] - 1)
		return "default";
	return theme_names[t];
}
