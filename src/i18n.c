/*
 * i18n: see i18n.h.  State: the current language code and the catalogue
 * folder, both set once at start and on each switch.
 */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KIOSK_LOCALEDIR
#define KIOSK_LOCALEDIR "/usr/local/share/locale"
#endif
#define DOMAIN "kiosk"

/* glibc: bumped to make gettext drop what it looked up before. */
extern int _nl_msg_cat_cntr; // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): glibc's

static char lang[I18N_CODE_MAX + 1] = "en";
static char localedir[PATH_MAX] = KIOSK_LOCALEDIR;

static const struct {
	const char *code, *name;
} autonyms[] = {
	{"ar", "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9"},
	{"de", "Deutsch"},
	{"el", "\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac"},
	{"en", "English"},
	{"es", "Espa\xc3\xb1ol"},
	{"fa", "\xd9\x81\xd8\xa7\xd8\xb1\xd8\xb3\xdb\x8c"},
	{"fr", "Fran\xc3\xa7" "ais"},
	{"it", "Italiano"},
	{"ku", "Kurd\xc3\xae"},
	{"nl", "Nederlands"},
	{"pl", "Polski"},
	{"pt", "Portugu\xc3\xaas"},
	{"ro", "Rom\xc3\xa2n\xc4\x83"},
	{"ru", "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9"},
	{"tr", "T\xc3\xbcrk\xc3\xa7" "e"},
	{"uk", "\xd0\xa3\xd0\xba\xd1\x80\xd0\xb0\xd1\x97\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb0"},
	{"zh", "\xe4\xb8\xad\xe6\x96\x87"},
};

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The catalogues built beside the binary, when it runs from the source
 * tree (./kiosk -> build/locale, build/asan/kiosk -> build/asan/locale). */
static bool find_local_dir(char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash == NULL)
		return false;
	*slash = '\0';
	static const char *const tails[] = {"/build/locale", "/locale"};
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		if (strlen(exe) + strlen(tails[i]) + 1 > size)
			continue;
		strcpy(out, exe);
		strcat(out, tails[i]);
		if (is_dir(out))
			return true;
	}
	return false;
}

void i18n_init(void)
{
	const char *m = setlocale(LC_MESSAGES, "");
	if (m == NULL || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	char local[PATH_MAX];
	if (find_local_dir(local, sizeof local))
		strcpy(localedir, local);
	bindtextdomain(DOMAIN, localedir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	i18n_set_language("en");
}

bool i18n_set_language(const char *code)
{
	size_t n = code != NULL ? strlen(code) : 0;
	if (n == 0 || n > I18N_CODE_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = code[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return false;
	}
	memcpy(lang, code, n + 1);
	setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
	return true;
}

const char *i18n_language(void) { return lang; }

const char *i18n_autonym(const char *code)
{
	for (size_t i = 0; i < sizeof autonyms / sizeof autonyms[0]; i++)
		if (strcmp(autonyms[i].code, code) == 0)
			return autonyms[i].name;
	return code;
}

const char *i18n_localedir(void) { return localedir; }
