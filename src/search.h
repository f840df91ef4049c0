/*
 * search: finding a word anywhere in the library.
 *
 * The index is built from a library on the first search (not at start):
 * every article's title, headings and paragraphs, and every glossary
 * term and definition, as units of folded text (fold.h).  A query is
 * folded the same way and found by substring, so case and accents do not
 * matter; a query that names a glossary term or alias also finds the
 * term's other names ("signalling" finds "signaling").  Hits are ranked:
 * titles, then headings, then glossary terms, then body text, then
 * definitions; inside a rank, in library order.
 */
#ifndef KIOSK_SEARCH_H
#define KIOSK_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct library;

enum search_kind {
	SEARCH_TITLE,
	SEARCH_HEADING,
	SEARCH_TERM,
	SEARCH_TEXT,
	SEARCH_DEFINITION,
};

struct search_hit {
	enum search_kind kind;
	size_t owner;        /* article index, or glossary entry index */
	size_t unit;         /* unit number inside its article (for context) */
	char *section;       /* owned; section title, or NULL */
	char *text;          /* owned; the unit's text, one line */
	size_t mstart, mlen; /* the match in text (bytes) */
	char *needle;        /* owned; the folded string that matched */
};

struct search_index;

/* Builds the index of lib (lib must outlive it).  Caller frees with
 * search_free. */
struct search_index *search_build(const struct library *lib);
void search_free(struct search_index *ix);

/* Runs query; fills *hits (caller frees with search_hits_free) with at
 * most max hits, best first.  Returns the number of hits found in all,
 * which may be more than were kept. */
size_t search_run(const struct search_index *ix, const char *query,
		  struct search_hit **hits, size_t *nhits, size_t max);
void search_hits_free(struct search_hit *hits, size_t n);

#endif
