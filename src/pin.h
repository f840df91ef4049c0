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

/* Looks like a hash pin_hash makes (or another crypt(3) method). */
bool pin_hash_valid(const char *hash);

struct pin_limiter {
	unsigned failures;  /* wrong PINs in a row */
	double not_before;  /* monotonic seconds of the next allowed try */
};

/* Seconds until a try is allowed at time now (0 when allowed). */
double pin_wait(const struct pin_limiter *l, double now);
/* Records the result of a try made at time now. */
void pin_record(struct pin_limiter *l, bool ok, double now);

#endif
