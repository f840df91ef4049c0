/*
 * glossary: see glossary.h.
 *
 * Keys.  Every term, alias and generated plural is a pattern, found by its
 * key: the text cut into units (a valid UTF-8 code point, or one byte that
 * is not valid UTF-8), each code point lower-cased with uc_tolower and
 * re-encoded, each invalid byte kept as it is.  Keys are not stored as
 * strings: they are the paths of a trie.
 *
 * Entries are one array in file order; patterns are another, each naming
 * its entry and its key length.
 *
 * The lookup automaton is that trie of key bytes, state 0 the root.  While
 * the file is parsed it is a builder (struct trie: first-child and
 * next-sibling lists sorted by byte) which also finds duplicates.
 * glossary_parse then turns it into arrays (build_automaton):
 *
 *   edge_start[s] .. edge_start[s + 1]   the edges leaving s, as label[]
 *                                        and target[], sorted by label
 *   root_next[b]                         the root's edges as a table
 *   fail[s]   the state of the longest proper suffix of s's string that is
 *             also a path of the trie
 *   dict[s]   the nearest state on s's failure chain whose string is a
 *             pattern (NONE if none)
 *   out[s]    the pattern whose key is s's string, or NONE
 *
 * Matching uses a second automaton of the same shape (rev), built from
 * the patterns' marked keys written backwards: a marked key has the byte
 * MARK at each word boundary (before its first unit, after its last, and
 * wherever the boundary rule below holds between two units), so a pattern
 * can only match text whose stream of key bytes has marks at the same
 * places: its ends are word boundaries by construction.  Read backwards,
 * the longest pattern that starts at a mark is then one lookup (out[s], or
 * the pattern at dict[s]), never a walk along the chain: see "Matching".
 *
 * That is 16 bytes per state and 5 per edge (each state but the root has
 * one incoming edge) in each automaton: about 45 bytes per key byte not
 * shared with an earlier key, plus 16 bytes per pattern and 1 KiB of root
 * tables.
 *
 * Words.  A term is found only as a whole word: the characters either side
 * of a match must not be word characters (letters, digits, combining
 * marks).  Scripts written without spaces between words (Han, Hiragana,
 * Katakana, Thai, Lao, Khmer, Myanmar) have no such boundaries, so their
 * letters do not count as word characters: a Japanese term is found
 * inside a Japanese sentence.
 */
#include "glossary.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "i18n.h"
#include "xmem.h"

#include "glossary_int.h"

/* True for letters of scripts written without spaces between words. */
static bool unspaced(ucs4_t c)
{
	if (c < 0x0e00)
		return false; /* Latin, Greek, Cyrillic, Arabic, Indic, ... */
	static const char *const names[] = {"Han",  "Hiragana", "Katakana",
					    "Thai", "Lao",      "Khmer",
					    "Myanmar"};
	const uc_script_t *sc = uc_script(c);
	if (sc == NULL)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(sc->name, names[i]) == 0)
			return true;
	return false;
}

/* Reads the unit at s (avail > 0 bytes).  tr: Turkish case, where the
 * small letter of I is dotless ı (and that of İ is i, as everywhere). */
void gl_read_unit(const uint8_t *s, size_t avail, struct unit *u, bool tr)
{
	if (tr && s[0] == 'I') {
		u->len = 1;
		u->nlow = 2;
		u->low[0] = 0xC4; /* ı, U+0131 */
		u->low[1] = 0xB1;
		u->word = true;
		u->unspaced = false;
		return;
	}
	if (s[0] < 0x80) {
		uint8_t c = s[0];
		bool upper = c >= 'A' && c <= 'Z';
		u->len = u->nlow = 1;
		u->low[0] = upper ? (uint8_t)(c + ('a' - 'A')) : c;
		u->word = upper || (c >= 'a' && c <= 'z') ||
			  (c >= '0' && c <= '9');
		u->unspaced = false;
		return;
	}
	ucs4_t c;
	int k = u8_mbtoucr(&c, s, avail);
	if (k < 1) {
		u->len = u->nlow = 1;
		u->low[0] = s[0];
		u->word = u->unspaced = false;
		return;
	}
	u->len = (size_t)k;
	int m = u8_uctomb(u->low, uc_tolower(c), (ptrdiff_t)sizeof u->low);
	if (m < 1) {
		memcpy(u->low, s, u->len);
		m = k;
	}
	u->nlow = (size_t)m;
	u->word = uc_is_alnum(c) ||
		  uc_is_general_category_withtable(c, UC_CATEGORY_MASK_M);
	u->unspaced = u->word && unspaced(c);
}

/* The key of s[0..n), in a new buffer with room for 3 more bytes (for a
 * plural ending); its length in *klen.  tr: Turkish case. */
static uint8_t *make_key(const char *s, size_t n, size_t *klen, bool tr)
{
	/* A unit's key is at most twice its length (Turkish I -> ı, 2 bytes
	 * -> 3 elsewhere). */
	uint8_t *key = xmalloc(2 * n + 4);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		struct unit u;
		gl_read_unit((const uint8_t *)s + i, n - i, &u, tr);
		memcpy(key + k, u.low, u.nlow);
		k += u.nlow;
		i += u.len;
	}
	*klen = k;
	return key;
}

static bool is_ascii_letter(uint8_t c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * Turns key[0..n) into the simple English plural of its last word, in
 * place (the buffer has room for 3 more bytes), and returns the new length;
 * 0 when the key does not end in an ASCII letter.
 */
static size_t make_plural(uint8_t *key, size_t n)
{
	if (n == 0 || !is_ascii_letter(key[n - 1]))
		return 0;
	uint8_t last = key[n - 1], prev = n > 1 ? key[n - 2] : 0;
	if (last == 's' || last == 'x' || last == 'z' ||
	    (last == 'h' && (prev == 'c' || prev == 's'))) {
		memcpy(key + n, "es", 2);
		return n + 2;
	}
	if (last == 'y' && is_ascii_letter(prev) && !strchr("aeiou", prev)) {
		memcpy(key + n - 1, "ies", 3);
		return n + 2;
	}
	key[n] = 's';
	return n + 1;
}

/* A word boundary between the unit before (word, unspaced) and u: not two
 * word characters in a row, unless one is of a script written without
 * spaces.  Before the first unit there is always one. */
bool gl_boundary(bool prev_word, bool prev_unspaced, const struct unit *u)
{
	return !prev_word || !u->word || prev_unspaced || u->unspaced;
}

/* Appends key byte b to buf at *o (one or two bytes: see ESC_HI). */
void gl_put_key_byte(uint8_t *buf, size_t *o, uint8_t b)
{
	if (b >= ESC_HI) {
		buf[(*o)++] = ESC_HI;
		b = (uint8_t)(b - ESC_HI);
	}
	buf[(*o)++] = b;
}

/* The marked key of key[0..n) (a new buffer; length in *m, marks in
 * *marks): MARK at every word boundary of it, including both ends. */
static uint8_t *mark_key(const uint8_t *key, size_t n, size_t *m,
			 size_t *marks)
{
	uint8_t *mk = xmalloc(3 * n + 2);
	size_t o = 0, nm = 0;
	bool pw = false, pu = false;
	for (size_t i = 0; i < n;) {
		struct unit u;
		gl_read_unit(key + i, n - i, &u, false);
		if (gl_boundary(pw, pu, &u)) {
			mk[o++] = MARK;
			nm++;
		}
		for (size_t j = 0; j < u.len; j++)
			gl_put_key_byte(mk, &o, key[i + j]);
		pw = u.word;
		pu = u.unspaced;
		i += u.len;
	}
	mk[o++] = MARK;
	*m = o;
	*marks = nm + 1;
	return mk;
}

/* Word units (letters, digits) at the end of key[0..n): the length of a
 * term's last word, in code points. */
static size_t stem_units(const uint8_t *key, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n;) {
		struct unit u;
		gl_read_unit(key + i, n - i, &u, false);
		run = u.word && !u.unspaced ? run + 1 : 0;
		i += u.len;
	}
	return run;
}

/* --- The trie builder --- */

static uint32_t trie_new_state(struct trie *t, uint8_t label)
{
	if (t->n >= NONE - 1)
		xmem_fatal("glossary too large");
	if (t->n == t->cap) {
		size_t cap = t->cap;
		xgrow(&t->label, &cap, t->n + 1, sizeof *t->label);
		cap = t->cap;
		xgrow(&t->child, &cap, t->n + 1, sizeof *t->child);
		cap = t->cap;
		xgrow(&t->sibling, &cap, t->n + 1, sizeof *t->sibling);
		cap = t->cap;
		xgrow(&t->out, &cap, t->n + 1, sizeof *t->out);
		t->cap = cap;
	}
	uint32_t s = (uint32_t)t->n++;
	t->label[s] = label;
	t->child[s] = t->sibling[s] = t->out[s] = NONE;
	return s;
}

/* The state of key[0..n), created as needed. */
static uint32_t trie_insert(struct trie *t, const uint8_t *key, size_t n)
{
	uint32_t s = ROOT;
	for (size_t i = 0; i < n; i++) {
		uint32_t prev = NONE, c = t->child[s];
		while (c != NONE && t->label[c] < key[i]) {
			prev = c;
			c = t->sibling[c];
		}
		if (c != NONE && t->label[c] == key[i]) {
			s = c;
			continue;
		}
		uint32_t d = trie_new_state(t, key[i]);
		t->sibling[d] = c;
		if (prev == NONE)
			t->child[s] = d;
		else
			t->sibling[prev] = d;
		s = d;
	}
	return s;
}

static void trie_free(struct trie *t)
{
	free(t->label);
	free(t->child);
	free(t->sibling);
	free(t->out);
	memset(t, 0, sizeof *t);
}

/* --- The automaton --- */

/* Turns the builder t into g's matcher; t is left empty. */
static void build_automaton(struct glossary *g, struct trie *t)
{
	size_t n = t->n;
	g->nstates = n;
	g->out = xreallocarray(t->out, n, sizeof *g->out);
	t->out = NULL;
	g->edge_start = xmalloc((n + 1) * sizeof *g->edge_start);
	g->label = xmalloc(n - 1);
	g->target = xmalloc((n - 1) * sizeof *g->target);

	uint32_t e = 0;
	for (size_t s = 0; s < n; s++) {
		g->edge_start[s] = e;
		for (uint32_t c = t->child[s]; c != NONE; c = t->sibling[c]) {
			g->label[e] = t->label[c];
			g->target[e++] = c;
		}
	}
	g->edge_start[n] = e;
	for (size_t b = 0; b < 256; b++)
		g->root_next[b] = NONE;
	for (uint32_t i = g->edge_start[ROOT]; i < g->edge_start[ROOT + 1]; i++)
		g->root_next[g->label[i]] = g->target[i];
	trie_free(t);

	/* Breadth first, so a state's failure target is done before it. */
	g->fail = xmalloc(n * sizeof *g->fail);
	g->dict = xmalloc(n * sizeof *g->dict);
	uint32_t *queue = xmalloc(n * sizeof *queue);
	size_t head = 0, tail = 0;
	g->fail[ROOT] = ROOT;
	g->dict[ROOT] = NONE;
	queue[tail++] = ROOT;
	while (head < tail) {
		uint32_t s = queue[head++];
		for (uint32_t i = g->edge_start[s]; i < g->edge_start[s + 1];
		     i++) {
			uint32_t c = g->target[i], f = ROOT;
			if (s != ROOT)
				f = gl_step(g, g->fail[s], g->label[i]);
			g->fail[c] = f;
			g->dict[c] = g->out[f] != NONE ? f : g->dict[f];
			queue[tail++] = c;
		}
	}
	free(queue);
}

/* --- Parsing --- */

struct parser {
	const char *path;
	struct diag_list *diags;
	struct glossary *g;
	struct trie trie;
	struct trie rtrie;  /* marked keys, backwards (struct glossary rev) */
	size_t entries_cap, pats_cap;
	bool nul_warned;

	/* The entry being read. */
	bool open;         /* a heading was seen */
	int line;          /* of its heading */
	char *term;        /* owned; NULL when the heading was empty */
	char **aliases;    /* owned */
	size_t naliases, aliases_cap;
	int also_line;     /* of its "Also:" line */
	bool want_also;    /* no non-blank line yet since the heading */
	const char *def;   /* its definition's span in the text, or NULL */
	const char *def_end;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space((*s)[0])) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((*s)[*n - 1]))
		(*n)--;
}

/* Trims, then unwraps emphasis: "**Term**", "_Term_", "*_Term_*". */
static void clean_name(const char **s, size_t *n)
{
	trim(s, n);
	while (*n >= 2 && ((*s)[0] == '*' || (*s)[0] == '_') &&
	       (*s)[*n - 1] == (*s)[0]) {
		(*s)++;
		*n -= 2;
		trim(s, n);
	}
}

/* s[0..n) as a new string, "\r\n" as "\n" and each NUL byte as U+FFFD
 * (a C string cannot hold it). */
static char *copy_text(const char *s, size_t n)
{
	size_t nul = 0;
	for (size_t i = 0; i < n; i++)
		nul += s[i] == '\0';
	char *d = xmalloc(n + 2 * nul + 1), *p = d;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (s[i] == '\0') {
			memcpy(p, "\xef\xbf\xbd", 3);
			p += 3;
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	return d;
}

/* Whether line s[0..n) is a "## " heading; its term's span in *term. */
static bool is_heading(const char *s, size_t n, const char **term,
		       size_t *tn)
{
	size_t i = 0;
	while (i < 3 && i < n && s[i] == ' ')
		i++;
	if (n - i < 2 || s[i] != '#' || s[i + 1] != '#')
		return false;
	i += 2;
	if (i < n && s[i] != ' ' && s[i] != '\t')
		return false;
	*term = s + i;
	*tn = n - i;
	trim(term, tn);
	/* A closing run of '#' must follow a space, or be all there is. */
	size_t k = *tn;
	while (k > 0 && (*term)[k - 1] == '#')
		k--;
	if (k == 0 || is_space((*term)[k - 1])) {
		*tn = k;
		trim(term, tn);
	}
	clean_name(term, tn);
	return true;
}

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

/* Whether s[0..n) starts with "Also:" (any case); the rest in *rest. */
static bool is_also(const char *s, size_t n, const char **rest, size_t *rn)
{
	static const char word[] = "also:";
	trim(&s, &n);
	if (n < sizeof word - 1)
		return false;
	for (size_t i = 0; i < sizeof word - 1; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
		if (c != word[i])
			return false;
	}
	*rest = s + sizeof word - 1;
	*rn = n - (sizeof word - 1);
	return true;
}

static void read_aliases(struct parser *p, const char *s, size_t n, int line)
{
	size_t before = p->naliases;
	p->also_line = line;
	for (;;) {
		const char *comma = memchr(s, ',', n);
		size_t len = comma != NULL ? (size_t)(comma - s) : n;
		const char *a = s;
		size_t an = len;
		clean_name(&a, &an);
		if (an > 0) {
			xgrow(&p->aliases, &p->aliases_cap, p->naliases + 1,
			      sizeof *p->aliases);
			p->aliases[p->naliases++] = copy_text(a, an);
		}
		if (comma == NULL)
			break;
		s = comma + 1;
		n -= len + 1;
	}
	if (p->naliases == before)
		diag_add(p->diags, DIAG_WARNING, p->path, line, 0,
			 "\"Also:\" lists no aliases");
}

/*
 * Adds the pattern for key[0..n) naming entry.  An explicit pattern
 * (line > 0) replaces a generated plural; a plural never replaces
 * anything.  Returns 0, or the line of the explicit pattern already there
 * (nothing is then changed).
 */
static int add_pattern(struct parser *p, const uint8_t *key, size_t n,
		       size_t entry, int line)
{
	struct glossary *g = p->g;
	uint32_t s = trie_insert(&p->trie, key, n);
	uint32_t id = p->trie.out[s];
	if (id != NONE) {
		struct pattern *pt = &g->pats[id];
		if (pt->line > 0)
			return line > 0 ? pt->line : 0;
		if (line > 0) {
			pt->entry = (uint32_t)entry;
			pt->line = line;
		}
		return 0;
	}
	if (n > UINT32_MAX || g->npats >= NONE)
		xmem_fatal("glossary too large");
	xgrow(&g->pats, &p->pats_cap, g->npats + 1, sizeof *g->pats);
	size_t m, marks;
	uint8_t *mk = mark_key(key, n, &m, &marks);
	if (g->turkish && stem_units(key, n) >= GLOSSARY_STEM_MIN)
		m--; /* no mark after the last word: a suffix may follow */
	for (size_t i = 0; i < m / 2; i++) {
		uint8_t c = mk[i];
		mk[i] = mk[m - 1 - i];
		mk[m - 1 - i] = c;
	}
	uint32_t r = trie_insert(&p->rtrie, mk, m);
	free(mk);
	p->rtrie.out[r] = (uint32_t)g->npats;
	g->pats[g->npats] = (struct pattern){
		.entry = (uint32_t)entry, .len = (uint32_t)n,
		.marks = (uint32_t)marks, .line = line};
	p->trie.out[s] = (uint32_t)g->npats++;
	if (n > g->maxlen)
		g->maxlen = n;
	return 0;
}

static void add_plural(struct parser *p, const char *name, size_t entry)
{
	if (p->g->turkish)
		return; /* suffixes, not English plurals */
	size_t n;
	uint8_t *key = make_key(name, strlen(name), &n, false);
	n = make_plural(key, n);
	if (n > 0)
		add_pattern(p, key, n, entry, 0);
	free(key);
}

static void drop_entry(struct parser *p)
{
	free(p->term);
	for (size_t i = 0; i < p->naliases; i++)
		free(p->aliases[i]);
	free(p->aliases);
	p->term = NULL;
	p->aliases = NULL;
	p->naliases = p->aliases_cap = 0;
}

/* Checks the entry being read and adds it, or reports why it is left out. */
static void finish_entry(struct parser *p)
{
	struct glossary *g = p->g;
	if (!p->open)
		return;
	p->open = false;
	if (p->term == NULL) {
		diag_add(p->diags, DIAG_ERROR, p->path, p->line, 0,
			 "heading without a term");
		drop_entry(p);
		return;
	}
	if (p->def == NULL) {
		diag_add(p->diags, DIAG_ERROR, p->path, p->line, 0,
			 "\"%s\" has no definition", p->term);
		drop_entry(p);
		return;
	}

	size_t idx = g->nentries, n;
	uint8_t *key = make_key(p->term, strlen(p->term), &n, g->turkish);
	int first = add_pattern(p, key, n, idx, p->line);
	free(key);
	if (first > 0) {
		diag_add(p->diags, DIAG_ERROR, p->path, p->line, 0,
			 "\"%s\" is already defined on line %d", p->term,
			 first);
		drop_entry(p);
		return;
	}
	size_t kept = 0;
	for (size_t i = 0; i < p->naliases; i++) {
		char *a = p->aliases[i];
		key = make_key(a, strlen(a), &n, g->turkish);
		first = add_pattern(p, key, n, idx, p->also_line);
		free(key);
		if (first > 0) {
			diag_add(p->diags, DIAG_ERROR, p->path, p->also_line,
				 0, "alias \"%s\" is already defined on "
				 "line %d", a, first);
			free(a);
		} else {
			p->aliases[kept++] = a;
		}
	}
	add_plural(p, p->term, idx);
	for (size_t i = 0; i < kept; i++)
		add_plural(p, p->aliases[i], idx);

	const char *d = p->def;
	size_t dn = (size_t)(p->def_end - p->def);
	trim(&d, &dn);
	xgrow(&g->entries, &p->entries_cap, g->nentries + 1,
	      sizeof *g->entries);
	struct glossary_entry *e = &g->entries[g->nentries++];
	e->term = p->term;
	e->naliases = kept;
	if (kept > 0) {
		e->aliases = xreallocarray(p->aliases, kept,
					   sizeof *e->aliases);
	} else {
		e->aliases = NULL;
		free(p->aliases);
	}
	e->definition = copy_text(d, dn);
	e->line = p->line;
	p->term = NULL;
	p->aliases = NULL;
	p->naliases = p->aliases_cap = 0;
}

static void read_line(struct parser *p, const char *s, size_t n, int line)
{
	const char *term, *rest;
	size_t tn, rn;
	if (!p->nul_warned && memchr(s, '\0', n) != NULL) {
		diag_add(p->diags, DIAG_WARNING, p->path, line, 0,
			 "NUL byte in the file, read as U+FFFD");
		p->nul_warned = true;
	}
	if (is_heading(s, n, &term, &tn)) {
		finish_entry(p);
		p->open = true;
		p->line = line;
		p->term = tn > 0 ? copy_text(term, tn) : NULL;
		p->want_also = true;
		p->def = p->def_end = NULL;
		return;
	}
	if (!p->open || is_blank(s, n))
		return;
	if (p->want_also) {
		p->want_also = false;
		if (is_also(s, n, &rest, &rn)) {
			read_aliases(p, rest, rn, line);
			return;
		}
	}
	if (p->def == NULL)
		p->def = s;
	p->def_end = s + n;
}

struct glossary *glossary_parse(const char *path, const char *text, size_t len,
				struct diag_list *diags)
{
	return glossary_parse_lang(path, text, len, NULL, diags);
}

struct glossary *glossary_parse_lang(const char *path, const char *text,
				     size_t len, const char *lang,
				     struct diag_list *diags)
{
	struct glossary *g = xcalloc(1, sizeof *g);
	g->turkish = lang != NULL && (strcmp(lang, "tr") == 0 ||
				      strcmp(lang, "az") == 0);
	struct parser p = {.path = path, .diags = diags, .g = g};
	trie_new_state(&p.trie, 0);
	trie_new_state(&p.rtrie, 0);

	int line = 0;
	size_t pos = 0;
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - pos;
		pos += n + (nl != NULL);
		if (line < INT_MAX)
			line++;
		read_line(&p, s, n > 0 && s[n - 1] == '\r' ? n - 1 : n, line);
	}
	finish_entry(&p);

	if (g->npats > 0)
		g->pats = xreallocarray(g->pats, g->npats, sizeof *g->pats);
	build_automaton(g, &p.trie);
	g->rev = xcalloc(1, sizeof *g->rev);
	build_automaton(g->rev, &p.rtrie);
	return g;
}

/* Frees the automaton arrays of a (build_automaton). */
static void free_automaton(struct glossary *a)
{
	free(a->out);
	free(a->fail);
	free(a->dict);
	free(a->edge_start);
	free(a->label);
	free(a->target);
}

void glossary_free(struct glossary *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->nentries; i++) {
		struct glossary_entry *e = &g->entries[i];
		free(e->term);
		for (size_t j = 0; j < e->naliases; j++)
			free(e->aliases[j]);
		free(e->aliases);
		free(e->definition);
	}
	free(g->entries);
	free(g->pats);
	if (g->rev != NULL)
		free_automaton(g->rev);
	free(g->rev);
	free_automaton(g);
	free(g);
}

size_t glossary_count(const struct glossary *g)
{
	return g->nentries;
}

const struct glossary_entry *glossary_entry_at(const struct glossary *g,
					       size_t i)
{
	return i < g->nentries ? &g->entries[i] : NULL;
}

long glossary_lookup(const struct glossary *g, const char *name)
{
	if (name == NULL)
		return -1;
	size_t n;
	uint8_t *key = make_key(name, strlen(name), &n, g->turkish);
	uint32_t s = ROOT;
	for (size_t i = 0; i < n && s != NONE; i++)
		s = gl_edge_to(g, s, key[i]);
	free(key);
	if (n == 0 || s == NONE || g->out[s] == NONE)
		return -1;
	return (long)g->pats[g->out[s]].entry;
}

char *glossary_also(const struct glossary_entry *e)
{
	if (e->naliases == 0)
		return NULL;
	/* TRANSLATORS: before a glossary term's other names, "Also called:
	 * gristle, cartilage". */
	const char *head = _("Also called: ");
	size_t len = strlen(head) + 1;
	for (size_t i = 0; i < e->naliases; i++)
		len += strlen(e->aliases[i]) + 2;
	char *s = xmalloc(len);
	strcpy(s, head);
	for (size_t i = 0; i < e->naliases; i++) {
		if (i > 0)
			strcat(s, ", ");
		strcat(s, e->aliases[i]);
	}
	return s;
}
