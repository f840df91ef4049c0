/* xmem: see xmem.h.  Allocation failure is fatal by design. */
#include "xmem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void xmem_set_fatal_hook(void (*hook)(void)) { fatal_hook = hook; }

void xmem_fatal(const char *msg)
{
	if (fatal_hook != NULL) {
		void (*h)(void) = fatal_hook;
		fatal_hook = NULL;
		h();
	}
	fprintf(stderr, "kiosk: %s\n", msg);
	exit(70);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n == 0 ? 1 : n);
	if (p == NULL)
		xmem_fatal("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);
	if (p == NULL)
		xmem_fatal("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n == 0 ? 1 : n);
	if (q == NULL)
		xmem_fatal("out of memory");
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xmem_fatal("out of memory (size overflow)");
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = xmalloc(len + 1);
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		xmem_fatal("bad format");
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void xgrow(void *items_ptr, size_t *cap, size_t need, size_t size)
{
	void **items = items_ptr;
	if (need <= *cap)
		return;
	size_t ncap = *cap < 8 ? 8 : *cap;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			xmem_fatal("out of memory (size overflow)");
		ncap *= 2;
	}
	*items = xreallocarray(*items, ncap, size);
	*cap = ncap;
}
