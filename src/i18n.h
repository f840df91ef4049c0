/*
 * i18n: the language of the interface (key bar, help, notices, waiting-
 * room and SSH messages), switched per patient while the program runs.
 *
 * Messages are marked in the code with _("...") (translated where used)
 * or N_("...") (marked in a static table, translated with _() when
 * shown), the GNU gettext convention: xgettext collects them into
 * po/kiosk.pot, translators fill in po/LANG.po, make builds LANG.mo.
 *
 * How the switch works on a minimal Debian with only C.UTF-8: gettext
 * ignores LANGUAGE in the "C" locale, so LC_MESSAGES is set to C.UTF-8
 * when the environment gives no real locale; the language is then chosen
 * with LANGUAGE, and gettext is told its catalogues changed (glibc's
 * _nl_msg_cat_cntr, the documented way to make it look again).
 * Translations are always returned in UTF-8 (bind_textdomain_codeset):
 * the screen layer makes them ASCII where the terminal needs it.
 */
#ifndef KIOSK_I18N_H
#define KIOSK_I18N_H

#include <stdbool.h>

#include <libintl.h>

#define _(s) gettext(s) // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): gettext's convention
#define N_(s) (s)

/* Longest language code kept ("en", "tr", "pt-BR"). */
#define I18N_CODE_MAX 16

/* Binds the message catalogue: the .mo files built beside the binary
 * (build/locale/) when it runs from the source tree, else the installed
 * ones (KIOSK_LOCALEDIR).  Call once, after setlocale(LC_CTYPE, ""). */
void i18n_init(void);

/* Switches the interface to language code (ISO 639-1, "en", "tr").  A
 * language without a catalogue shows the English messages.  code must be
 * a plain code: letters, digits, '-' or '_'; returns false (and changes
 * nothing) otherwise. */
bool i18n_set_language(const char *code);

/* The code last set ("en" at start). */
const char *i18n_language(void);

/* A language's own name for itself ("English", "Türkçe", "Español"),
 * or the code itself when it is not known.  Static storage. */
const char *i18n_autonym(const char *code);

/* The folder the catalogues are read from (for --version and tests). */
const char *i18n_localedir(void);

#endif
