/*
 * config: kiosk.conf, an INI file parsed with inih.
 *
 *   [kiosk]
 *   title   = Patient information     ; shown on the home screen
 *   content = content                 ; relative to the config file's folder
 *   theme   = default                 ; default | high-contrast | mono
 *   mode    = normal                  ; normal | waiting-room
 *   idle_timeout = 90                 ; seconds, then back to the start
 *   attract_timeout = 300             ; seconds, then "press any key"
 *   pin_hash = $y$...                 ; from kiosk --hash-pin
 *   log     = /var/log/kiosk.log      ; event log, "" for stderr
 *   language = en                     ; content language (ISO 639-1),
 *                                     ; the default one with language folders
 *   languages = en, tr                ; order of the language folders
 *
 *   [ssh]                             ; only for sessions run by sshd
 *   session_idle = 900                ; seconds without a key, then end
 *   session_max  = 3600               ; seconds, then end
 *   max_sessions = 20                 ; more are turned away politely
 *   lock_dir     = /var/lib/kiosk-ssh  ; "": $XDG_RUNTIME_DIR/...
 *   hyperlinks   = no                 ; yes: OSC 8 links, no addresses
 *
 * Keys are described by one static table in config_keys.c, so adding a
 * key is one row (and its field below); config.c reads the file.
 * Unknown sections or keys and bad values are errors reported as
 * "kiosk.conf:LINE: message"; a key with a bad value keeps its default,
 * so a config is never half applied to one key.
 */
#ifndef KIOSK_CONFIG_H
#define KIOSK_CONFIG_H

#include <stdbool.h>

#include "diag.h"

enum theme_id { THEME_DEFAULT, THEME_HIGH_CONTRAST, THEME_MONO };
enum kiosk_mode { MODE_NORMAL, MODE_WAITING_ROOM };

struct config {
	char *title;         /* owned; kiosk title for the home screen */
	char *content_dir;   /* owned; resolved against the config's folder */
	enum theme_id theme; /* colour scheme */
	enum kiosk_mode mode; /* waiting-room: no way out without the PIN */
	int idle_timeout;    /* seconds without input before the session is
				forgotten (waiting-room mode) */
	int attract_timeout; /* seconds without input before the "press any
				key" screen (waiting-room mode); 0: never */
	char *pin_hash;      /* owned; crypt(3) hash of the staff PIN, or "" */
	char *log_path;      /* owned; event log file, or "" */
	int measure;         /* longest line of article text (characters) */
	int review_months;   /* --check: "reviewed" older than this warns */
	int reading_grade;   /* --check: highest reading grade accepted */
	char *language;      /* owned; ISO 639-1 code of the content's
				language ("en"), for --check's reading
				level of articles without "lang"; with
				language folders, the one a session starts
				in */
	char *languages;     /* owned; "en, tr": order of the language
				folders on the home screen, or "" */

	/* [ssh]: sessions run by sshd (SSH_CONNECTION is set). */
	int session_idle;    /* seconds without a key before the session
				ends; 0: never */
	int session_max;     /* seconds a session may last; 0: no limit */
	int max_sessions;    /* sessions at once; 0: no limit */
	bool hyperlinks;     /* external links as OSC 8 hyperlinks (not on
				the Linux console) instead of the address
				printed after the link text */
	char *lock_dir;      /* owned; folder of the session slot files */
};

/* Fills c with the defaults (title "Patient information", content
 * "content", theme default).  Call before config_parse or config_load. */
void config_defaults(struct config *c);

/* Parses INI text.  path is used in messages and to resolve a relative
 * content directory (against dirname(path)).  Appends one DIAG_ERROR per
 * problem, each with its line.  Returns 0 when there were no errors, -1
 * otherwise (c then holds defaults for the bad keys, good keys applied). */
int config_parse(struct config *c, const char *path, const char *text,
		 struct diag_list *diags);

/* Reads path and parses it; a missing or unreadable file is one error
 * without a line.  Returns 0 or -1 as config_parse. */
int config_load(struct config *c, const char *path, struct diag_list *diags);

/* Warnings about keys that are valid alone but not together (waiting-room
 * mode without a PIN), appended to diags with path. */
void config_check(const struct config *c, const char *path,
		  struct diag_list *diags);

/* Frees the strings; c may be reused after config_defaults. */
void config_free(struct config *c);

/* "default", "high-contrast" or "mono". */
const char *config_theme_name(enum theme_id t);

#endif
