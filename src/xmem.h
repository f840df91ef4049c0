/*
 * xmem: allocation that never returns NULL.
 *
 * Running out of memory is the one failure the kiosk does not try to
 * survive: every function here calls the fatal hook (which restores the
 * terminal) and exits with status 70 when the allocator fails.  Everything
 * returned is owned by the caller and released with free().
 */
#ifndef KIOSK_XMEM_H
#define KIOSK_XMEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* realloc for an array of n elements of size bytes, checking the product. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called once before exiting on allocation failure; NULL for none. */
void xmem_set_fatal_hook(void (*hook)(void));
/* Restores via the hook, prints "kiosk: msg" to stderr and exits(70). */
void xmem_fatal(const char *msg) __attribute__((noreturn));

/* Grows *items (of *cap elements of size bytes) so that it holds at least
 * need elements.  Doubling; *cap is updated. */
void xgrow(void *items_ptr, size_t *cap, size_t need, size_t size);

#endif
