/* pin: see pin.h. */
#include "pin.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

char *pin_hash(const char *pin)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	/* NULL entropy: libxcrypt reads the system's random source. */
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return NULL;
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	char *h = crypt_r(pin, salt, cd);
	char *out = h != NULL && h[0] == '$' ? xstrdup(h) : NULL;
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return out;
}

/* Methods slow enough that a PIN of PIN_MIN_LEN digits does not fall
 * in minutes: yescrypt (the default), gost-yescrypt, scrypt, bcrypt and
 * sha512crypt.  md5-crypt ($1$), DES and the other fast ones are not. */
static bool strong_method(const char *hash)
{
	static const char *const ok[] = {"$y$", "$gy$", "$7$", "$2b$", "$2y$",
					 "$6$"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strncmp(hash, ok[i], strlen(ok[i])) == 0)
			return true;
	return false;
}

bool pin_hash_valid(const char *hash)
{
	if (hash == NULL || hash[0] != '$' || strlen(hash) < 20 ||
	    strlen(hash) >= CRYPT_OUTPUT_SIZE)
		return false;
	for (const char *p = hash; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("$./=,-", *p)))
			return false;
	if (!strong_method(hash) || crypt_checksalt(hash) != CRYPT_SALT_OK)
		return false;
	/* A hash that some PIN can match: crypt gives back the same settings
	 * and a result as long as the one stored ("$y$$$$" and hashes cut
	 * short never match anything). */
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_r("probe", hash, cd);
	const char *last = strrchr(hash, '$');
	size_t setting = (size_t)(last - hash);
	bool ok = h != NULL && h[0] == '$' && strlen(h) == strlen(hash) &&
		  strncmp(h, hash, setting + 1) == 0 && last[1] != '\0';
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

bool pin_check(const char *pin, const char *hash)
{
	if (!pin_hash_valid(hash))
		return false;
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_r(pin, hash, cd);
	bool ok = false;
	if (h != NULL && h[0] == '$') {
		size_t n = strlen(hash);
		if (strlen(h) == n) {
			unsigned char diff = 0;
			for (size_t i = 0; i < n; i++)
				diff |= (unsigned char)(h[i] ^ hash[i]);
			ok = diff == 0;
		}
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

double pin_wait(const struct pin_limiter *l, double now)
{
	return l->not_before > now ? l->not_before - now : 0;
}

void pin_record(struct pin_limiter *l, bool ok, double now)
{
	if (ok) {
		l->failures = 0;
		l->not_before = 0;
		return;
	}
	l->failures++;
	if (l->failures < 3)
		return;
	double wait = 2;
	for (unsigned i = 3; i < l->failures && wait < 300; i++)
		wait *= 2;
	if (wait > 300)
		wait = 300;
	l->not_before = now + wait;
}
