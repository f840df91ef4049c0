/* url: see url.h. */
#include "url.h"

#include <string.h>

const char *url_host(const char *s, size_t *len)
{
	size_t n = strcspn(s, "/?#");
	const char *at = memchr(s, '@', n);
	if (at != NULL) {
		n -= (size_t)(at + 1 - s);
		s = at + 1;
	}
	*len = strcspn(s, ":/?#");
	if (*len > n)
		*len = n;
	return s;
}
