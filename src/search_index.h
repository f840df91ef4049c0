/*
 * search_index: the inside of the search index, shared by search.c (the
 * index and queries) and search_text.c (the text of a hit, and the units
 * of an article both walk).  Not for other modules: they use search.h.
 */
#ifndef KIOSK_SEARCH_INDEX_H
#define KIOSK_SEARCH_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "search.h"

struct article;

#define NKINDS (SEARCH_DEFINITION + 1)
/* Most spellings of one query (the query and its glossary variants). */
#define MAX_NEEDLES 64

struct posting {
	uint32_t *ids;   /* owned; sorted unit ids, or NULL when dense */
	uint64_t *bits;  /* owned; bitmap of units, or NULL when sparse */
	uint32_t n;      /* number of units */
};

struct search_index {
	const struct library *lib;
	size_t nunits;
	size_t nw64;             /* uint64_t words in a bitmap of units */
	uint32_t *u_owner;       /* owned; per unit: article or entry index */
	uint32_t *u_section;     /* owned; per unit: number of its section's
				    heading inside the article, 0 for none */
	uint8_t *u_kind;         /* owned; per unit: enum search_kind */
	uint64_t *kind_bits[NKINDS]; /* owned; units of each kind */
	uint32_t *art_first;     /* owned; first unit of each article */
	uint32_t *gl_first;      /* owned; first unit of each glossary entry */
	size_t gl_start;         /* first unit of the glossary */
	char *words;             /* owned; the sorted words, back to back */
	uint32_t *word_off;      /* owned; nwords + 1 offsets into words */
	struct posting *post;    /* owned; nwords postings, in word order */
	size_t nwords;
	char **names;            /* owned; per entry, its names folded
				    (fold_query), name_first gives the range */
	size_t *name_first;      /* owned; nentries + 1 */
};

/* Called for each unit: kind, its number inside the article, the number
 * of its section's heading (0 for none), and its text as in the Markdown
 * literals (not yet sanitized: the caller does that if it shows it). */
typedef void (*unit_fn)(void *ctx, enum search_kind kind, uint32_t number,
			uint32_t section, const char *text, size_t len);

/* The units of one article, in order: its title (number 0), its
 * description (number 1, also of kind SEARCH_TITLE: it stands for the
 * whole article), then each heading and each non-empty paragraph or code
 * block.  Headings of level 1 to 3 start a section. */
void search_units_of(const struct article *a, cmark_node *doc, unit_fn fn,
		     void *ctx);

/* The spellings of a folded query: itself first, then its variants.
 * Returns how many, at most MAX_NEEDLES (the strings are owned by the
 * caller). */
size_t search_needles_of(const struct search_index *ix, const char *q,
			 size_t ql, char **needles);

/* Query words of at least this many letters also find words one typo
 * away (search_near), ranked below the exact matches. */
#define SEARCH_FUZZY_MIN 5

/* True when the folded query word q (ql bytes) is one edit (a letter
 * changed, added or left out, or two neighbours swapped) from a
 * beginning of the folded word w (wl bytes), and is not a beginning of
 * it already. */
bool search_near(const char *q, size_t ql, const char *w, size_t wl);

/* True when the folded word q (ql bytes) has SEARCH_FUZZY_MIN letters or
 * more. */
bool search_fuzzy_word(const char *q, size_t ql);

/* The words of a string, folded, each NUL-terminated, back to back. */
struct wordlist {
	char *buf;                 /* owned */
	size_t len, cap;
	size_t n;
	size_t start[16], end[16]; /* byte ranges in the source (first 16) */
};

/* fold_words callback that appends a word to the struct wordlist ctx. */
void search_query_word(void *ctx, const char *word, size_t wlen,
		       size_t start, size_t end);

#endif
