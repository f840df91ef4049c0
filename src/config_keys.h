/*
 * config_keys: the schema of kiosk.conf (config.h), one table of keys.
 *
 * Each row names a section and a key, the value's type (string, path,
 * enum, integer, boolean), the offset of the struct config field it
 * fills, its default and a one-line help text.  config_defaults and
 * config_free (here) and the reader (config.c) all walk that table, so a
 * new key is one row in config_keys.c, plus its struct field.  The tests
 * of values that only some keys have (a PIN hash, language codes) are
 * here with the rows that name them, and so is config_check, which looks
 * at keys together.
 *
 * This header is for config.c, the reader; the rest of the kiosk uses
 * config.h.
 */
#ifndef KIOSK_CONFIG_KEYS_H
#define KIOSK_CONFIG_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

enum config_key_type {
	CONFIG_KEY_STRING, /* char *: UTF-8 text without control characters */
	CONFIG_KEY_PATH,   /* char *: resolved against the config's folder */
	CONFIG_KEY_ENUM,   /* int: index into values[] */
	CONFIG_KEY_INT,    /* int: from min to max */
	CONFIG_KEY_BOOL,   /* bool: yes/no, true/false, on/off, 1/0 */
};

struct config_key {
	const char *section; /* "kiosk" for [kiosk] */
	const char *name;    /* key as written in the file */
	enum config_key_type type;
	size_t offset;		   /* of the field in struct config */
	const char *const *values; /* ENUM: allowed values, NULL-ended */
	long min, max;		   /* INT: allowed range */
	bool may_be_empty;	   /* STRING, PATH: "" is allowed */
	const char *def_str;	   /* default of STRING and PATH */
	long def;		   /* default of the other types */
	const char *help;	   /* one line describing the key, for docs */
	bool (*check)(const char *); /* STRING: extra validity test */
	const char *check_msg;	   /* message when check fails */
};

/* The table: config_nkeys rows, [kiosk] first.  Static data. */
extern const struct config_key config_keys[];
extern const size_t config_nkeys;

/* The table's spelling of section name (any case), or NULL. */
const char *config_keys_section(const char *name);

/* The row of key name (any case) in section (the table's spelling), or
 * NULL. */
const struct config_key *config_keys_find(const char *section,
					  const char *name);

/* "[kiosk], [ssh]": the sections, each named once, in table order.
 * Caller frees. */
char *config_keys_section_list(void);

#endif
