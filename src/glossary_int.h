/*
 * glossary_int: the inside of a glossary, shared by glossary.c (reading
 * the file and building the automata) and glossary_match.c (finding
 * terms in text).  Not for other modules: glossary.h is the interface.
 */
#ifndef KIOSK_GLOSSARY_INT_H
#define KIOSK_GLOSSARY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unitypes.h>

#include "glossary.h"

#define NONE UINT32_MAX
#define ROOT 0u
/* The word-boundary mark in marked keys and in the text's key stream.
 * Key bytes 0xFE and 0xFF (only ever in invalid UTF-8) are written there
 * as ESC_HI and 0 or 1, so MARK stands for nothing else. */
#define MARK 0xFFu
#define ESC_HI 0xFEu

struct pattern {
	uint32_t entry; /* index into entries */
	uint32_t len;   /* key length in bytes: the depth of its state */
	uint32_t marks; /* MARK bytes in its marked key (2 or more) */
	int line;       /* line it was defined on; 0 for a generated plural */
};

/* The trie while entries are added. */
struct trie {
	unsigned char *label; /* byte on the edge into the state */
	uint32_t *child;      /* first child, or NONE; sorted by label */
	uint32_t *sibling;    /* next child of the same parent, or NONE */
	uint32_t *out;        /* pattern id, or NONE */
	size_t n, cap;
};

struct glossary {
	struct glossary_entry *entries;
	size_t nentries;
	struct pattern *pats;
	size_t npats;
	size_t maxlen;          /* longest key, in bytes */
	size_t nstates;
	uint32_t *out;          /* per state */
	uint32_t *fail;         /* per state */
	uint32_t *dict;         /* per state */
	uint32_t *edge_start;   /* nstates + 1 */
	unsigned char *label;   /* per edge */
	uint32_t *target;       /* per edge */
	uint32_t root_next[256]; /* NONE where the root has no edge */
	struct glossary *rev;   /* owned; the matching automaton (only its
				   automaton fields are used), or NULL */
	bool turkish;           /* Turkish case (I/ı, İ/i) and suffixes */
};

/* Automaton steps taken by matching (glossary_match_steps). */
extern unsigned long long gl_match_steps;

/* One unit of text: a code point, or a byte that is not valid UTF-8. */
struct unit {
	size_t len;     /* bytes in the text */
	uint8_t low[6]; /* its key bytes */
	size_t nlow;
	bool word;      /* a letter, digit or combining mark */
	bool unspaced;  /* of a script written without spaces */
};

/* Reads the unit at s (avail bytes): its length, key bytes (lower-cased,
 * Turkish rules when tr), and whether it is part of a word. */
void gl_read_unit(const uint8_t *s, size_t avail, struct unit *u, bool tr);

/* True when a word boundary lies before unit u, given the unit before. */
bool gl_boundary(bool prev_word, bool prev_unspaced, const struct unit *u);

/* Appends key byte b to buf at *o, escaping bytes 0xFE and 0xFF. */
void gl_put_key_byte(uint8_t *buf, size_t *o, uint8_t b);

/* The edge from s on b, or NONE.  Inline, as gl_step: matching takes
 * a step for most bytes of a page's text. */
static inline uint32_t gl_edge_to(const struct glossary *g, uint32_t s,
				  uint8_t b)
{
	if (s == ROOT)
		return g->root_next[b];
	uint32_t lo = g->edge_start[s], hi = g->edge_start[s + 1];
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (g->label[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->edge_start[s + 1] && g->label[lo] == b ? g->target[lo]
							      : NONE;
}

/* The automaton's next state from s on byte b (failure steps included). */
static inline uint32_t gl_step(const struct glossary *g, uint32_t s,
			       uint8_t b)
{
	for (;;) {
		gl_match_steps++;
		uint32_t t = gl_edge_to(g, s, b);
		if (t != NONE)
			return t;
		if (s == ROOT)
			return ROOT;
		s = g->fail[s];
	}
}

#endif
