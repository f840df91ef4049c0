/*
 * pin: the staff PIN that ends waiting-room mode.
 *
 * kiosk.conf keeps only a salted hash made by libxcrypt (yescrypt, the
 * Debian default for passwords), so reading the file does not reveal
 * the PIN.  Wrong attempts are rate-limited: after the third wrong PIN in
 * a row each further attempt must wait twice as long as the last (2 s,
 * 4 s, ... up to 5 minutes).
 */
#ifndef KIOSK_PIN_H
#define KIOSK_PIN_H

#include <stdbool.h>

/* Makes a new salted hash of pin (caller frees), or NULL when the system
 * has no source of randomness or no hashing method. */
char *pin_hash(const char *pin);

/* True when pin matches hash (a crypt(3) string).  False for an empty or
 * malformed hash. */
bool pin_check(const char *pin, const char *hash);

/* A hash that can be checked and is not weak: a method slow enough for
 * short PINs (yescrypt as pin_hash makes, gost-yescrypt, scrypt, bcrypt,
 * sha512crypt; not md5-crypt, DES or other fast ones), settings libxcrypt
 * accepts, and a result of the right length, so some PIN matches it
 * ("$$$$" or a hash cut short would lock staff out without a word). */
bool pin_hash_valid(const char *hash);

/* Shortest PIN kiosk --hash-pin accepts: with the hash readable only by
 * root and the kiosk, and yescrypt's cost, 10^6 PINs take days offline. */
#define PIN_MIN_LEN 6
#define PIN_MAX_LEN 32

struct pin_limiter {
	unsigned failures;  /* wrong PINs in a row */
	double not_before;  /* monotonic seconds of the next allowed try */
};

/* Seconds until a try is allowed at time now (0 when allowed). */
double pin_wait(const struct pin_limiter *l, double now);
/* Records the result of a try made at time now. */
void pin_record(struct pin_limiter *l, bool ok, double now);

#endif
