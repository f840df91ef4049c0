/*
 * search: finding words anywhere in the library, as they are typed.
 *
 * The index is built from a library on the first search (not at start):
 * every article's title, headings and paragraphs, and every glossary
 * term, alias and definition, are units; each unit's text is split into
 * folded words (fold.h: case and accents do not matter), and the index
 * keeps the sorted list of distinct words with, for each, the units it
 * occurs in (an inverted index; no text).  A query is folded and split
 * the same way; a unit matches when each query word begins one of its
 * words ("MSC" finds "MSCs", "cel" finds "cells", a word typed halfway
 * narrows as it grows; "cyte" does not find "chondrocyte").  A query
 * that names a glossary term or alias, or part of one, also finds the
 * term's other spellings ("signalling" finds "signaling").  Hits are
 * ranked: titles, then headings, then glossary terms, then body text,
 * then definitions; inside a rank, in library order.
 *
 * A hit comes without its text: search_hit_text finds the text (the
 * article is parsed again), for the hits that are shown.
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
	size_t section_unit; /* unit number of the heading that starts its
				section, 0 before the first: hits of one
				owner with the same section_unit are in the
				same section */
	char *query;         /* owned; the folded query that found it */
	/* Set by search_hit_text (NULL before): */
	char *section;       /* owned; section title, or NULL */
	char *text;          /* owned; the unit's text, one line */
	size_t mstart, mlen; /* the match in text (bytes) */
	char *needle;        /* owned; the folded text that matched, what a
				reader looks for in the article */
};

struct search_index;

/* Builds the index of lib (lib must outlive it).  Caller frees with
 * search_free. */
struct search_index *search_build(const struct library *lib);
void search_free(struct search_index *ix);

/* Runs query; fills *hits (caller frees with search_hits_free) with at
 * most max hits, best first, without their text.  Returns the number of
 * hits found in all (each glossary entry once), which may be more than
 * were kept. */
size_t search_run(const struct search_index *ix, const char *query,
		  struct search_hit **hits, size_t *nhits, size_t max);

/* Fills in h's section, text, match and needle (once; nothing when they
 * are there).  ix must be the index that found h.  An article that can
 * no longer be read gives an empty text. */
void search_hit_text(const struct search_index *ix, struct search_hit *h);

void search_hits_free(struct search_hit *hits, size_t n);

#endif
