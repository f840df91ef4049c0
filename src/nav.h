/*
 * nav: where the reader has been and how to get somewhere: the history
 * for Back, opening an article at a place (used alike by links, search
 * results and the words list, all through an outcome's place), and
 * moving all of it over to a reloaded library.  Curses-free.
 *
 * Ownership: a struct view holds no pointers, so the history survives any
 * layout or reload (nav_reload maps its articles by id).  A place's
 * strings are borrowed: nav_open copies them before it opens, as the
 * open frees the layout a link's fragment points into.
 */
#ifndef KIOSK_NAV_H
#define KIOSK_NAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "outcome.h"

struct library;
struct reader;

/* A history entry: enough to come back to a view as it was. */
struct view {
	enum screen_id screen;
	long article;       /* SCREEN_ARTICLE: index in the library */
	uint32_t block;     /* reading position (layout.h) */
	uint32_t block_off;
	size_t home_sel;    /* SCREEN_HOME: selected article */
};

/* Longest history kept: a long walk through links keeps its last steps. */
#define NAV_MAX 64

struct nav {
	struct view *hist;  /* owned array of n */
	size_t n, cap;
};

void nav_push(struct nav *n, struct view v);
/* Takes the last view; false when the history is empty. */
bool nav_pop(struct nav *n, struct view *v);
void nav_clear(struct nav *n);
void nav_free(struct nav *n);

/* Opens at->article in rd and goes to the place (reader.h, outcome.h
 * struct place for the order); 0, or -1 when the article cannot be read
 * (rd is then closed). */
int nav_open(struct reader *rd, const struct place *at);

/* Index in lib of the article with the id of old->articles[i], or -1. */
long nav_same_article(const struct library *lib, const struct library *old,
		      long i);

/*
 * Moves the history and the reader from old to lib (a reload; rd->lib is
 * old on entry, lib on return).  History entries follow their articles by
 * id (those whose article is gone are dropped); the reader stays in the
 * same section when its article still exists, with the same term in the
 * pane.  *home_sel follows its article too.  Returns NAV_KEPT, or
 * NAV_GONE when the open article was removed, NAV_UNREADABLE when it can
 * no longer be read (rd is then closed).
 */
enum { NAV_KEPT, NAV_GONE, NAV_UNREADABLE };
int nav_reload(struct nav *n, struct reader *rd, size_t *home_sel,
		const struct library *lib, const struct library *old);

#endif
