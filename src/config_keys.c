/*
 * config_keys: see config_keys.h.  The rows of config_keys[] below are
 * the whole schema of kiosk.conf.
 */
#include "config_keys.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "pin.h"
#include "xmem.h"

/* In the order of enum theme_id: the index is the value stored. */
static const char *const theme_names[] = {"default", "high-contrast", "mono",
					  NULL};

static const char *const mode_names[] = {"normal", "waiting-room", NULL};

/* CONFIG_KEY_ENUM fields are stored through an int *. */
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

const struct config_key config_keys[] = {
	{.section = "kiosk",
	 .name = "title",
	 .type = CONFIG_KEY_STRING,
	 .offset = offsetof(struct config, title),
	 .def_str = "Patient information",
	 .help = "title shown on the home screen"},
	{.section = "kiosk",
	 .name = "content",
	 .type = CONFIG_KEY_PATH,
	 .offset = offsetof(struct config, content_dir),
	 .def_str = "content",
	 .help = "folder of articles/ and glossary.md, relative to this file"},
	{.section = "kiosk",
	 .name = "theme",
	 .type = CONFIG_KEY_ENUM,
	 .offset = offsetof(struct config, theme),
	 .values = theme_names,
	 .def = THEME_DEFAULT,
	 .help = "colours: default, high-contrast or mono"},
	{.section = "kiosk",
	 .name = "mode",
	 .type = CONFIG_KEY_ENUM,
	 .offset = offsetof(struct config, mode),
	 .values = mode_names,
	 .def = MODE_NORMAL,
	 .help = "normal, or waiting-room: no way out without the staff PIN"},
	{.section = "kiosk",
	 .name = "idle_timeout",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, idle_timeout),
	 .min = 2,
	 .max = 86400,
	 .def = 90,
	 .help = "waiting-room: seconds without input before going back to "
		 "the start and forgetting what was read"},
	{.section = "kiosk",
	 .name = "attract_timeout",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, attract_timeout),
	 .min = 0,
	 .max = 86400,
	 .def = 300,
	 .help = "waiting-room: seconds without input before the \"press any "
		 "key\" screen; 0 for never"},
	{.section = "kiosk",
	 .name = "pin_hash",
	 .type = CONFIG_KEY_STRING,
	 .offset = offsetof(struct config, pin_hash),
	 .may_be_empty = true,
	 .def_str = "",
	 .help = "waiting-room: hash of the staff PIN, from kiosk --hash-pin",
	 .check = hash_or_empty,
	 .check_msg = "is not a PIN hash that can be checked, or a weak one "
		      "(md5-crypt, DES); make one with: kiosk --hash-pin"},
	{.section = "kiosk",
	 .name = "log",
	 .type = CONFIG_KEY_PATH,
	 .offset = offsetof(struct config, log_path),
	 .may_be_empty = true,
	 .def_str = "",
	 .help = "file for the event log (content reloads and problems); "
		 "empty: standard error when that is not the screen"},
	{.section = "kiosk",
	 .name = "measure",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, measure),
	 .min = 30,
	 .max = 200,
	 .def = 72,
	 .help = "longest line of article text, in characters (about 72 "
		 "reads best)"},
	{.section = "kiosk",
	 .name = "review_months",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, review_months),
	 .min = 0,
	 .max = 120,
	 .def = 12,
	 .help = "kiosk --check warns about articles reviewed longer ago "
		 "than this; 0: never"},
	{.section = "kiosk",
	 .name = "reading_grade",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, reading_grade),
	 .min = 1,
	 .max = 20,
	 .def = 8,
	 .help = "kiosk --check warns about text above this school grade "
		 "(Flesch-Kincaid)"},
	{.section = "kiosk",
	 .name = "language",
	 .type = CONFIG_KEY_STRING,
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
	 .type = CONFIG_KEY_STRING,
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
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, session_idle),
	 .min = 0,
	 .max = 86400,
	 .def = 900,
	 .help = "SSH sessions: seconds without a key before the session "
		 "ends; 0: never"},
	{.section = "ssh",
	 .name = "session_max",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, session_max),
	 .min = 0,
	 .max = 604800,
	 .def = 3600,
	 .help = "SSH sessions: longest session in seconds; 0: no limit"},
	{.section = "ssh",
	 .name = "max_sessions",
	 .type = CONFIG_KEY_INT,
	 .offset = offsetof(struct config, max_sessions),
	 .min = 0,
	 .max = 10000,
	 .def = 20,
	 .help = "SSH sessions at once; the next one is asked to come back "
		 "later; 0: no limit"},
	{.section = "ssh",
	 .name = "hyperlinks",
	 .type = CONFIG_KEY_BOOL,
	 .offset = offsetof(struct config, hyperlinks),
	 .def = 0,
	 .help = "SSH sessions: send web links as OSC 8 hyperlinks (clickable "
		 "in terminals that support them) instead of printing the "
		 "address after the link text"},
	{.section = "ssh",
	 .name = "lock_dir",
	 .type = CONFIG_KEY_PATH,
	 .offset = offsetof(struct config, lock_dir),
	 .may_be_empty = true,
	 .def_str = "",
	 .help = "folder for the session slot files that count sessions; "
		 "empty: $XDG_RUNTIME_DIR/kiosk-sessions, else "
		 "/tmp/kiosk-sessions-UID"},
};

const size_t config_nkeys = sizeof config_keys / sizeof config_keys[0];

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

const char *config_keys_section(const char *name)
{
	for (size_t i = 0; i < config_nkeys; i++)
		if (strcasecmp(config_keys[i].section, name) == 0)
			return config_keys[i].section;
	return NULL;
}

const struct config_key *config_keys_find(const char *section,
					  const char *name)
{
	for (size_t i = 0; i < config_nkeys; i++)
		if (strcmp(config_keys[i].section, section) == 0 &&
		    strcasecmp(config_keys[i].name, name) == 0)
			return &config_keys[i];
	return NULL;
}

char *config_keys_section_list(void)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < config_nkeys; i++) {
		const char *sec = config_keys[i].section;
		size_t j = 0;
		while (strcmp(config_keys[j].section, sec) != 0)
			j++;
		if (j < i)
			continue; /* named by an earlier row */
		char *t = xasprintf("%s%s[%s]", s, *s ? ", " : "", sec);
		free(s);
		s = t;
	}
	return s;
}

void config_defaults(struct config *c)
{
	*c = (struct config){0};
	for (size_t i = 0; i < config_nkeys; i++) {
		const struct config_key *k = &config_keys[i];
		void *field = (char *)c + k->offset;
		switch (k->type) {
		case CONFIG_KEY_STRING:
		case CONFIG_KEY_PATH:
			*(char **)field = xstrdup(k->def_str);
			break;
		case CONFIG_KEY_ENUM:
		case CONFIG_KEY_INT:
			*(int *)field = (int)k->def;
			break;
		case CONFIG_KEY_BOOL:
			*(bool *)field = k->def != 0;
			break;
		}
	}
}

void config_free(struct config *c)
{
	for (size_t i = 0; i < config_nkeys; i++) {
		const struct config_key *k = &config_keys[i];
		if (k->type != CONFIG_KEY_STRING && k->type != CONFIG_KEY_PATH)
			continue;
		char **sp = (char **)((char *)c + k->offset);
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
