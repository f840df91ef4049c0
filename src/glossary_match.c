/*
 * glossary_match: finding a glossary's terms in text (glossary.h:
 * glossary_match), with the automata glossary.c builds (glossary_int.h).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"
#include "glossary_int.h"
#include "xmem.h"

unsigned long long gl_match_steps;

/* --- Matching ---
 *
 * glossary_match runs the forward scan (match_chain, below) with a budget
 * of work linear in the text, and when a glossary of nested terms makes
 * it walk long chains of patterns, the linear matcher instead.  Both give
 * the same matches.
 *
 * The linear matcher, in three passes:
 *
 * 1. The text becomes a stream of key bytes (each unit's lower-cased
 *    bytes), with MARK before every unit that starts after a word
 *    boundary and at the end; the marks' text offsets are kept.
 * 2. The stream is read backwards through rev, the automaton of the
 *    marked keys written backwards.  After each MARK, the longest pattern
 *    that starts at that mark (in the text's direction) is the one that
 *    ends there backwards: the state's own pattern, or the one at dict[s].
 *    Its other end is a mark too, so both ends are word boundaries.  No
 *    chain of shorter patterns is walked: with 2,300 nested terms ("zz",
 *    "zz zz", ...) the old walk cost 2,300 steps per word.
 * 3. Leftmost-longest: from the left, the first mark at or after the end
 *    of the last match that starts a pattern gives the next match, its
 *    longest pattern.
 *
 * Every pass is a constant amount of work per byte or mark (the
 * automaton's failure steps are paid for by the edges taken before them),
 * plus the size of the result.
 */

/* The text as a key stream (pass 1). */
struct stream {
	uint8_t *sym;    /* key bytes and MARKs */
	size_t nsym;
	size_t *mark_at; /* text offset of each MARK, in order */
	size_t nmarks;
};

static void stream_build(struct stream *st, const uint8_t *t, size_t len,
			 bool tr)
{
	/* A unit of k bytes gives at most 3k symbols (a mark and up to 1.5k
	 * key bytes, or 2 for a byte written with ESC_HI), plus the last
	 * mark. */
	st->sym = xmalloc(3 * len + 1);
	st->mark_at = xmalloc((len + 1) * sizeof *st->mark_at);
	size_t o = 0, m = 0;
	bool pw = false, pu = false;
	for (size_t i = 0; i < len;) {
		struct unit u;
		if (t[i] < 0x80 && !(tr && t[i] == 'I')) {
			/* ASCII, most text: read_unit's result inline. */
			uint8_t c = t[i];
			bool upper = (unsigned)(c - 'A') < 26;
			u.word = upper || (unsigned)(c - 'a') < 26 ||
				 (unsigned)(c - '0') < 10;
			u.unspaced = false;
			if (gl_boundary(pw, pu, &u)) {
				st->sym[o++] = MARK;
				st->mark_at[m++] = i;
			}
			st->sym[o++] = upper ? (uint8_t)(c + ('a' - 'A')) : c;
			i++;
		} else {
			gl_read_unit(t + i, len - i, &u, tr);
			if (gl_boundary(pw, pu, &u)) {
				st->sym[o++] = MARK;
				st->mark_at[m++] = i;
			}
			for (size_t j = 0; j < u.nlow; j++)
				gl_put_key_byte(st->sym, &o, u.low[j]);
			i += u.len;
		}
		pw = u.word;
		pu = u.unspaced;
	}
	st->sym[o++] = MARK;
	st->mark_at[m++] = len;
	st->nsym = o;
	st->nmarks = m;
}

size_t glossary_match_linear(const struct glossary *g, const char *text,
			     size_t len, struct glossary_match **out,
			     size_t *cap)
{
	if (g == NULL || g->npats == 0 || g->rev == NULL || text == NULL ||
	    len == 0)
		return 0;
	const struct glossary *r = g->rev;
	struct stream st;
	stream_build(&st, (const uint8_t *)text, len, g->turkish);

	/* Pass 2: the longest pattern starting at each mark, or NONE. */
	uint32_t *best = xmalloc(st.nmarks * sizeof *best);
	uint32_t s = ROOT;
	size_t mi = st.nmarks;
	for (size_t i = st.nsym; i-- > 0;) {
		uint8_t b = st.sym[i];
		/* Nothing starts with the root's missing edges: stay. */
		s = s == ROOT ? r->root_next[b] != NONE ? r->root_next[b] : ROOT
			      : gl_step(r, s, b);
		if (b != MARK)
			continue;
		uint32_t p = r->out[s] != NONE ? s : r->dict[s];
		best[--mi] = p != NONE ? r->out[p] : NONE;
	}

	/* Pass 3: leftmost, then longest. */
	size_t n = 0, cur = 0;
	for (size_t k = 0; k < st.nmarks; k++) {
		if (best[k] == NONE || st.mark_at[k] < cur)
			continue;
		const struct pattern *pt = &g->pats[best[k]];
		size_t end = st.mark_at[k + pt->marks - 1];
		xgrow(out, cap, n + 1, sizeof **out);
		(*out)[n++] = (struct glossary_match){
			.start = st.mark_at[k], .end = end, .entry = pt->entry};
		cur = end;
	}
	free(best);
	free(st.sym);
	free(st.mark_at);
	return n;
}

/* The forward scan (match_chain).
 *
 * The text is read one unit at a time and its key bytes are fed to the
 * automaton, so "key offsets" count key bytes and differ from text offsets
 * wherever lower-casing changes a code point's length.  A ring of the last
 * maxlen key offsets maps them back to the text and says whether a word
 * ends just before them.  The patterns ending after a unit are reported
 * when the next unit turns out not to be a word character (or at the end
 * of the text); each becomes a candidate when its start is a unit start
 * after a non-word character.  Each step costs O(1) amortized plus
 * O(log maxlen) per candidate: the text is never rescanned.
 *
 * Shortcut: in the root state (no pattern under way) a unit inside a word,
 * or an ASCII unit whose key byte starts no pattern, is passed over: the
 * automaton is not stepped and its ring slot is not written.  No candidate
 * can start there, and the automaton's state is then the longest suffix
 * read since the last root state that is a path of the trie, so every
 * candidate it reports later starts after the unit passed over (their
 * slots were written).  The candidates, and so the matches, are those of
 * the full automaton.
 */

/* ASCII letters and digits: word characters. */
static const bool S_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/* What is known about a key offset near the current position. */
struct slot {
	size_t at;       /* text offset of the unit starting here */
	bool start;      /* a unit starts here (else the rest are stale) */
	bool after_word; /* the unit before it is a word character */
};

struct scan {
	const struct glossary *g;
	struct slot *ring;   /* slot of key offset k at k & mask */
	size_t mask;
	struct glossary_match **out;
	size_t *cap;
	size_t n;            /* matches in *out */
	size_t *kstart;      /* key offset where each match starts */
	size_t kstart_cap;
	size_t final;        /* matches before this one cannot change */
	size_t work;         /* patterns looked at by report */
};

/*
 * Offers a candidate [start, end) that starts at key offset ks.
 *
 * (*out)[0..n) is the leftmost-longest selection among the candidates
 * offered so far.  A candidate ends at or after every one of them, so it
 * either overlaps the match before its start, and loses, or wins over
 * every match that starts at or after it (they lie inside it).
 */
static void offer(struct scan *sc, size_t ks, size_t start, size_t end,
		  size_t entry)
{
	struct glossary_match *m = *sc->out;
	size_t lo = sc->final, hi = sc->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && m[lo - 1].end > start)
		return;
	sc->n = lo;
	xgrow(sc->out, sc->cap, sc->n + 1, sizeof **sc->out);
	xgrow(&sc->kstart, &sc->kstart_cap, sc->n + 1, sizeof *sc->kstart);
	(*sc->out)[sc->n] = (struct glossary_match){
		.start = start, .end = end, .entry = entry};
	sc->kstart[sc->n++] = ks;
}

/* Offers the patterns that end in state s, at key offset k and text offset
 * end, when they start on a word boundary. */
static void report(struct scan *sc, uint32_t s, size_t k, size_t end)
{
	const struct glossary *g = sc->g;
	uint32_t p = g->out[s] != NONE ? s : g->dict[s];
	for (; p != NONE; p = g->dict[p]) {
		sc->work++;
		const struct pattern *pt = &g->pats[g->out[p]];
		size_t ks = k - pt->len;
		const struct slot *sl = &sc->ring[ks & sc->mask];
		if (sl->start && !sl->after_word)
			offer(sc, ks, sl->at, end, pt->entry);
	}
}

/* The forward scan: fast on real text, but report walks every pattern
 * ending at a place.  Returns the number of matches, or SIZE_MAX once
 * report has looked at more than budget patterns (nested terms). */
static size_t match_chain(const struct glossary *g, const char *text,
			  size_t len, struct glossary_match **out, size_t *cap,
			  size_t budget)
{
	/* The ring holds the last maxlen key offsets: enough to reach back
	 * to the start of the longest pattern. */
	size_t ringsize = 16;
	while (ringsize <= g->maxlen)
		ringsize *= 2;
	struct scan sc = {.g = g, .out = out, .cap = cap,
			  .mask = ringsize - 1};
	/* On the stack for most glossaries: a page matches each of its
	 * paragraphs and table cells apart. */
	struct slot ring_here[128];
	sc.ring = ringsize <= 128 ? ring_here
				  : xmalloc(ringsize * sizeof *sc.ring);

	const uint8_t *t = (const uint8_t *)text;
	uint32_t s = ROOT;
	size_t k = 0;           /* key offset of the next unit */
	bool prev_word = false, prev_unspaced = false; /* the unit before */
	for (size_t i = 0; i < len;) {
		if (s == ROOT) {
			/* Most of a text is passed over (see the shortcut
			 * above): a tight loop for its ASCII, up to a unit
			 * that starts a pattern after a word boundary. */
			size_t i0 = i;
			while (i < len && t[i] < 0x80) {
				uint8_t c = t[i];
				if (!S_word[c]) {
					if (g->root_next[c] != NONE)
						break;
					prev_word = prev_unspaced = false;
					i++;
					continue;
				}
				/* A letter's key byte is its lower case;
				 * 0x20 is set in digits already. */
				if ((!prev_word || prev_unspaced) &&
				    g->root_next[c | 0x20] != NONE)
					break;
				/* No pattern starts in the rest of the
				 * word. */
				i++;
				while (i < len && t[i] < 0x80 && S_word[t[i]])
					i++;
				prev_word = true;
				prev_unspaced = false;
			}
			k += i - i0;
			if (i >= len)
				break;
		}
		if (t[i] < 0x80) {
			/* ASCII, most text: read_unit's result inline. */
			uint8_t c = t[i];
			bool upper = (unsigned)(c - 'A') < 26;
			bool word = upper || (unsigned)(c - 'a') < 26 ||
				    (unsigned)(c - '0') < 10;
			bool at_edge = !prev_word || !word || prev_unspaced;
			uint8_t low = upper ? (uint8_t)(c + ('a' - 'A')) : c;
			if (s != ROOT || (at_edge && g->root_next[low] != NONE)) {
				if (at_edge && s != ROOT)
					report(&sc, s, k, i);
				sc.ring[k & sc.mask] = (struct slot){
					.at = i, .start = true,
					.after_word = !at_edge};
				s = gl_step(g, s, low);
				/* Inside a word, a state of this character
				 * alone (its longest suffix starts here)
				 * leads only to patterns that start inside
				 * the word: none is a candidate, and the
				 * root state passes over the rest of it (the
				 * shortcut above). */
				if (!at_edge && s == g->root_next[low])
					s = ROOT;
			}
			k++;
			i++;
			prev_word = word;
			prev_unspaced = false;
		} else {
			struct unit u;
			gl_read_unit(t + i, len - i, &u, false);
			/* A word boundary: not two word characters in a
			 * row, unless one is of a script written without
			 * spaces. */
			bool at_edge = !prev_word || !u.word ||
					prev_unspaced || u.unspaced;
			/* Matches ending here need a boundary next. */
			if (at_edge && s != ROOT)
				report(&sc, s, k, i);
			if (s != ROOT || at_edge) {
				sc.ring[k & sc.mask] = (struct slot){
					.at = i, .start = true,
					.after_word = !at_edge};
				for (size_t j = 0; j < u.nlow; j++) {
					if (j > 0)
						sc.ring[(k + j) & sc.mask]
							.start = false;
					s = gl_step(g, s, u.low[j]);
				}
			}
			k += u.nlow;
			i += u.len;
			prev_word = u.word;
			prev_unspaced = u.unspaced;
		}
		/* Later candidates start at k - maxlen or after. */
		while (sc.final < sc.n && sc.kstart[sc.final] + g->maxlen < k)
			sc.final++;
		if (sc.work > budget)
			break;
	}
	if (s != ROOT && sc.work <= budget)
		report(&sc, s, k, len);
	if (sc.ring != ring_here)
		free(sc.ring);
	free(sc.kstart);
	gl_match_steps += sc.work;
	return sc.work > budget ? SIZE_MAX : sc.n;
}

size_t glossary_match(const struct glossary *g, const char *text, size_t len,
		      struct glossary_match **out, size_t *cap)
{
	if (g == NULL || g->npats == 0 || text == NULL || len == 0)
		return 0;
	/* Turkish: suffixes and I/ı are the linear matcher's alone. */
	if (g->turkish)
		return glossary_match_linear(g, text, len, out, cap);
	/* Real text: a pattern or two end at a place, and the forward scan
	 * is about 3 times faster.  Past 2 patterns a byte, the glossary
	 * nests terms: the linear matcher does it all again. */
	size_t n = match_chain(g, text, len, out, cap, 2 * len + 64);
	return n != SIZE_MAX ? n : glossary_match_linear(g, text, len, out, cap);
}

unsigned long long glossary_match_steps(void)
{
	return gl_match_steps;
}
