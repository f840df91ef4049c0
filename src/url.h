/*
 * url: the parts of a web address the kiosk looks at.
 */
#ifndef KIOSK_URL_H
#define KIOSK_URL_H

#include <stddef.h>

/* The host of an address whose authority starts at s (just after its
 * "//"): after any "user@", up to the port, path, query or fragment.
 * Returns where it starts (inside s) with its length in *len, 0 when
 * there is none. */
const char *url_host(const char *s, size_t *len);

#endif
