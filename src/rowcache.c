/* rowcache: see rowcache.h. */
#include "rowcache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "xmem.h"

struct slot {
	unsigned char key[ROWCACHE_KEY_MAX]; /* what pad row i holds */
	size_t len;                          /* 0: nothing */
	int w;                               /* its width */
	uint64_t used;                       /* clock of its last use */
};

struct rowcache {
	WINDOW *pad;       /* owned; ROWCACHE_SLOTS rows of pad_w, or NULL */
	int pad_w;
	struct slot *slots; /* owned; ROWCACHE_SLOTS, NULL with the pad */
	uint64_t clock;     /* counts restores and saves */
};

struct rowcache *rowcache_new(void)
{
	return xcalloc(1, sizeof(struct rowcache));
}

void rowcache_clear(struct rowcache *c)
{
	if (c == NULL)
		return;
	if (c->pad != NULL)
		delwin(c->pad);
	c->pad = NULL;
	c->pad_w = 0;
	free(c->slots);
	c->slots = NULL;
}

void rowcache_free(struct rowcache *c)
{
	rowcache_clear(c);
	free(c);
}

/* A key may sit in any of WAYS slots from its hash (FNV-1a): rows whose
 * hashes meet do not throw each other out on every paint. */
#define WAYS 4

static size_t first_slot(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return (h ^ (h >> 16)) & (ROWCACHE_SLOTS - WAYS);
}

/* The slot holding key at width w, or -1. */
static long find(const struct rowcache *c, const void *key, size_t len,
		 int w)
{
	size_t f = first_slot(key, len);
	for (size_t i = f; i < f + WAYS; i++) {
		const struct slot *s = &c->slots[i];
		if (s->len == len && s->w == w && memcmp(s->key, key, len) == 0)
			return (long)i;
	}
	return -1;
}

static bool on_screen(int y, int x, int w)
{
	return y >= 0 && y < LINES && x >= 0 && w > 0 && x + w <= COLS;
}

bool rowcache_restore(struct rowcache *c, const void *key, size_t len,
		      int y, int x, int w)
{
	if (c == NULL || c->slots == NULL || len == 0 ||
	    len > ROWCACHE_KEY_MAX || !on_screen(y, x, w))
		return false;
	long i = find(c, key, len, w);
	if (i < 0)
		return false;
	c->slots[i].used = ++c->clock;
	return copywin(c->pad, stdscr, (int)i, 0, y, x, y, x + w - 1, FALSE) ==
	       OK;
}

void rowcache_save(struct rowcache *c, const void *key, size_t len, int y,
		   int x, int w)
{
	if (c == NULL || len == 0 || len > ROWCACHE_KEY_MAX ||
	    !on_screen(y, x, w))
		return;
	if (c->pad == NULL || c->pad_w < w) {
		rowcache_clear(c);
		c->pad = newpad(ROWCACHE_SLOTS, w);
		if (c->pad == NULL)
			return;
		c->pad_w = w;
		c->slots = xcalloc(ROWCACHE_SLOTS, sizeof *c->slots);
	}
	long i = find(c, key, len, w);
	if (i < 0) { /* the least recently used of the key's slots */
		size_t f = first_slot(key, len);
		i = (long)f;
		for (size_t j = f + 1; j < f + WAYS; j++)
			if (c->slots[j].used < c->slots[i].used)
				i = (long)j;
	}
	struct slot *s = &c->slots[i];
	s->len = 0;
	if (copywin(stdscr, c->pad, y, x, (int)i, 0, (int)i, w - 1, FALSE) !=
	    OK)
		return;
	memcpy(s->key, key, len);
	s->len = len;
	s->w = w;
	s->used = ++c->clock;
}
