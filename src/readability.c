/*
 * readability: see readability.h.
 *
 * Data: an analyzer walks the cmark tree once.  The text of each leaf
 * block (paragraph or heading) is gathered into a buffer, then cut into
 * tokens at white space; tokens are added to the sentence being built
 * (struct analyzer's sent*), and a sentence is closed at a token that ends
 * one or at the end of the block.  A closed sentence adds its counts to
 * the current section and to the whole article, and competes for the
 * section's hardest and the article's longest sentences.
 */
#include "readability.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "xmem.h"

/* Abbreviations whose final '.' does not end a sentence (lower case). */
static const char *const S_abbrevs[] = {
	"e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "prof.",
	"vs.",  "cf.",  "approx.", "fig.", "jr.", "sr.",
};

/* ---- words and syllables ---- */

static bool S_is_vowel(const char *w, size_t i)
{
	char c = (char)tolower((unsigned char)w[i]);
	if (c == 'y')
		return i > 0; /* "yes" starts with a consonant, "cycle" not */
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool S_is_letter(char c)
{
	return isalpha((unsigned char)c) != 0;
}

/* Syllables of one run of ASCII letters w[0..n). */
static size_t S_run_syllables(const char *w, size_t n)
{
	size_t count = 0;
	bool prev = false;
	for (size_t i = 0; i < n; i++) {
		bool v = S_is_vowel(w, i);
		if (v && !prev)
			count++;
		else if (v && i >= 2 && tolower((unsigned char)w[i]) == 'i' &&
			 tolower((unsigned char)w[i - 1]) == 'y' &&
			 !S_is_vowel(w, i - 2))
			count++; /* "stud-y-ing", "fly-ing" */
		prev = v;
	}
	if (n < 3 || count < 2)
		return count;
	char last = (char)tolower((unsigned char)w[n - 1]);
	char before = (char)tolower((unsigned char)w[n - 2]);
	if (last == 'e') {
		/* "table", "centre": the e is heard; "fire", "whole": not. */
		if ((before == 'l' || before == 'r') && !S_is_vowel(w, n - 3))
			return count;
		if (!S_is_vowel(w, n - 2))
			count--;
	} else if ((last == 's' || last == 'd') && before == 'e' && n >= 4) {
		char c3 = (char)tolower((unsigned char)w[n - 3]);
		if (S_is_vowel(w, n - 3))
			return count; /* "goes", "agreed" */
		if ((c3 == 'l' || c3 == 'r') && !S_is_vowel(w, n - 4))
			return count; /* "tables", "centres" */
		if (last == 'd' && (c3 == 't' || c3 == 'd'))
			return count; /* "wanted", "needed" */
		if (last == 's' && strchr("sxzcgh", c3) != NULL)
			return count; /* "houses", "changes", "washes" */
		count--; /* "makes", "used" */
	}
	return count;
}

/* True when w[0..len) holds a letter or digit (any script). */
static bool S_has_word_char(const char *w, size_t len)
{
	const uint8_t *p = (const uint8_t *)w;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			if (isalnum(p[i]))
				return true;
			i++;
			continue;
		}
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, len - i);
		if (uc_is_alnum(c))
			return true;
		i += k > 0 ? (size_t)k : 1;
	}
	return false;
}

size_t readability_syllables(const char *w, size_t len)
{
	if (!S_has_word_char(w, len))
		return 0;
	size_t total = 0;
	for (size_t i = 0; i < len;) {
		if (!S_is_letter(w[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && S_is_letter(w[j]))
			j++;
		total += S_run_syllables(w + i, j - i);
		i = j;
	}
	return total > 0 ? total : 1;
}

/* ---- sentences ---- */

static bool S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Next token of s[0..len) at or after *pos into [*start, *start + *n);
 * false at the end. */
static bool S_token(const char *s, size_t len, size_t *pos, size_t *start,
		    size_t *n)
{
	size_t i = *pos;
	while (i < len && S_is_space(s[i]))
		i++;
	if (i >= len) {
		*pos = len;
		return false;
	}
	size_t j = i;
	while (j < len && !S_is_space(s[j]))
		j++;
	*start = i;
	*n = j - i;
	*pos = j;
	return true;
}

/* Closing and opening quotes and brackets around a word. */
static const char *const S_closers[] = {"\"", "'", ")", "]", "}",
					"\xE2\x80\x99", "\xE2\x80\x9D",
					"\xC2\xBB"}; /* ’ ” » */
static const char *const S_openers[] = {"\"", "'", "(", "[", "{",
					"\xE2\x80\x98", "\xE2\x80\x9C",
					"\xC2\xAB"}; /* ‘ “ « */
#define S_NMARKS (sizeof S_closers / sizeof S_closers[0])

/* Length of w[0..n) without closing quotes and brackets at its end. */
static size_t S_strip_closers(const char *w, size_t n)
{
	for (size_t i = 0; i < S_NMARKS; i++) {
		size_t k = strlen(S_closers[i]);
		if (n >= k && memcmp(w + n - k, S_closers[i], k) == 0) {
			n -= k;
			i = (size_t)-1; /* start over */
		}
	}
	return n;
}

/* Offset in w[0..n) after opening quotes and brackets. */
static size_t S_skip_openers(const char *w, size_t n)
{
	size_t at = 0;
	for (size_t i = 0; i < S_NMARKS; i++) {
		size_t k = strlen(S_openers[i]);
		if (n - at >= k && memcmp(w + at, S_openers[i], k) == 0) {
			at += k;
			i = (size_t)-1; /* start over */
		}
	}
	return at;
}

/* "U.S.", "a.m.": two or more single letters, each followed by '.'. */
static bool S_is_initialism(const char *w, size_t n)
{
	if (n < 4 || n % 2 != 0)
		return false;
	for (size_t i = 0; i < n; i += 2)
		if (!S_is_letter(w[i]) || w[i + 1] != '.')
			return false;
	return true;
}

static bool S_starts_upper(const char *w, size_t n)
{
	size_t i = S_skip_openers(w, n);
	if (i >= n)
		return false;
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)w + i, n - i);
	return k > 0 && uc_is_upper(c);
}

/* True when token w[0..n) ends a sentence; next (may be NULL) is the
 * token after it in the block. */
static bool S_ends_sentence(const char *w, size_t n, const char *next,
			    size_t next_n)
{
	size_t end = S_strip_closers(w, n);
	if (end == 0)
		return false;
	if (end >= 3 && memcmp(w + end - 3, "\xE2\x80\xA6", 3) == 0)
		return true; /* … */
	char c = w[end - 1];
	if (c == '!' || c == '?')
		return true;
	if (c != '.')
		return false;
	size_t b = S_skip_openers(w, end);
	const char *core = w + b;
	size_t m = end - b;
	for (size_t i = 0; i < sizeof S_abbrevs / sizeof S_abbrevs[0]; i++)
		if (strlen(S_abbrevs[i]) == m &&
		    strncasecmp(core, S_abbrevs[i], m) == 0)
			return false;
	if (S_is_initialism(core, m))
		return false;
	if (m == 4 && strncasecmp(core, "etc.", 4) == 0)
		return next != NULL && S_starts_upper(next, next_n);
	return true;
}

/* ---- the analyzer ---- */

struct analyzer {
	struct readability *r;          /* NULL in readability_count */
	size_t (*syllables)(const char *w, size_t len); /* the language's */
	struct readability_counts *out; /* readability_count's result */
	size_t cap_sections;
	char *sent;          /* current sentence text, NUL-terminated */
	size_t sent_len, sent_cap;
	size_t s_words, s_syll; /* of the current sentence */
	int line;            /* body line of the current block */
	char *block;         /* text of the current leaf block */
	size_t block_len, block_cap;
	bool in_block;       /* gathering a paragraph or heading */
	int image;           /* depth inside images (alt text) */
	bool new_section;    /* the current heading starts a section */
};

static void S_append(char **buf, size_t *len, size_t *cap, const char *s,
		     size_t n)
{
	xgrow(buf, cap, *len + n + 1, 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

static void S_block_add(struct analyzer *an, const char *s, size_t n)
{
	S_append(&an->block, &an->block_len, &an->block_cap, s, n);
}

static void S_add(struct readability_counts *to,
		  const struct readability_counts *c)
{
	to->words += c->words;
	to->sentences += c->sentences;
	to->syllables += c->syllables;
}

/* a is harder to read than b: more words, or as many and longer words. */
static bool S_longer(size_t aw, size_t as, size_t bw, size_t bs)
{
	if (aw != bw)
		return aw > bw;
	return as * bw > bs * aw;
}

static void S_offer_longest(struct readability *r,
			    const struct readability_sentence *s)
{
	size_t n = r->nlongest, at = n;
	while (at > 0 && S_longer(s->words, s->syllables,
				  r->longest[at - 1].words,
				  r->longest[at - 1].syllables))
		at--;
	if (at >= READABILITY_LONGEST)
		return;
	if (n == READABILITY_LONGEST) {
		free(r->longest[n - 1].text);
		n--;
	}
	memmove(&r->longest[at + 1], &r->longest[at],
		(n - at) * sizeof r->longest[0]);
	r->longest[at] = *s;
	r->longest[at].text = xstrdup(s->text);
	r->nlongest = n + 1;
}

/* Closes the current sentence (if it has words). */
static void S_end_sentence(struct analyzer *an)
{
	if (an->s_words > 0) {
		struct readability_counts c = {an->s_words, 1, an->s_syll};
		if (an->out != NULL)
			S_add(an->out, &c);
		struct readability *r = an->r;
		if (r != NULL && r->nsections > 0) {
			struct readability_section *sec =
				&r->sections[r->nsections - 1];
			S_add(&r->counts, &c);
			S_add(&sec->counts, &c);
			struct readability_sentence s = {an->sent, an->s_words,
							 an->s_syll, an->line};
			if (sec->hardest.text == NULL ||
			    S_longer(s.words, s.syllables, sec->hardest.words,
				     sec->hardest.syllables)) {
				free(sec->hardest.text);
				sec->hardest = s;
				sec->hardest.text = xstrdup(s.text);
			}
			S_offer_longest(r, &s);
		}
	}
	an->sent_len = 0;
	if (an->sent != NULL)
		an->sent[0] = '\0';
	an->s_words = an->s_syll = 0;
}

/* Cuts text s[0..len) into sentences; its end ends one. */
static void S_scan(struct analyzer *an, const char *s, size_t len)
{
	size_t pos = 0, start, n;
	bool have = S_token(s, len, &pos, &start, &n);
	while (have) {
		size_t nstart = 0, nn = 0;
		bool more = S_token(s, len, &pos, &nstart, &nn);
		const char *w = s + start;
		size_t *sl = &an->sent_len, *sc = &an->sent_cap;
		if (*sl > 0)
			S_append(&an->sent, sl, sc, " ", 1);
		S_append(&an->sent, sl, sc, w, n);
		size_t syl = an->syllables(w, n);
		if (syl > 0) {
			an->s_words++;
			an->s_syll += syl;
		}
		if (S_ends_sentence(w, n, more ? s + nstart : NULL, nn))
			S_end_sentence(an);
		start = nstart;
		n = nn;
		have = more;
	}
	S_end_sentence(an);
}

void readability_count(const char *s, size_t len, struct readability_counts *c)
{
	struct analyzer an = {.out = c, .syllables = readability_syllables};
	S_scan(&an, s, len);
	free(an.sent);
}

double readability_grade(const struct readability_counts *c)
{
	if (c->words == 0)
		return 0.0;
	double sentences = c->sentences > 0 ? (double)c->sentences : 1.0;
	return 0.39 * ((double)c->words / sentences) +
	       11.8 * ((double)c->syllables / (double)c->words) - 15.59;
}

static void S_new_section(struct analyzer *an, const char *title, int level,
			  int line)
{
	struct readability *r = an->r;
	xgrow(&r->sections, &an->cap_sections, r->nsections + 1,
	      sizeof *r->sections);
	struct readability_section *sec = &r->sections[r->nsections++];
	memset(sec, 0, sizeof *sec);
	sec->title = xstrdup(title);
	sec->level = level;
	sec->line = line;
}

/* The block's text with white space runs made single spaces, trimmed. */
static char *S_collapse(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (S_is_space(s[i])) {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
		} else {
			out[o++] = s[i];
		}
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

static void S_node(struct analyzer *an, cmark_node *n, cmark_event_type ev)
{
	bool enter = ev == CMARK_EVENT_ENTER;
	cmark_node_type type = cmark_node_get_type(n);
	const char *lit;
	switch (type) {
	case CMARK_NODE_HEADING:
	case CMARK_NODE_PARAGRAPH:
		if (enter) {
			int line = cmark_node_get_start_line(n);
			int level = type == CMARK_NODE_HEADING
					    ? cmark_node_get_heading_level(n)
					    : 0;
			an->new_section = level >= 1 && level <= 3;
			if (an->new_section)
				S_new_section(an, "", level, line);
			else if (an->r->nsections == 0)
				S_new_section(an, "Introduction", 0, line);
			an->in_block = true;
			an->block_len = 0;
			an->line = line;
			break;
		}
		lit = an->block != NULL ? an->block : "";
		if (an->new_section) {
			struct readability_section *sec =
				&an->r->sections[an->r->nsections - 1];
			free(sec->title);
			sec->title = S_collapse(lit, an->block_len);
			an->new_section = false;
		}
		S_scan(an, lit, an->block_len);
		an->in_block = false;
		break;
	case CMARK_NODE_IMAGE:
		an->image += enter ? 1 : -1;
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (an->in_block && an->image == 0 && lit != NULL)
			S_block_add(an, lit, strlen(lit));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		if (an->in_block)
			S_block_add(an, " ", 1);
		break;
	default:
		break;
	}
}

struct readability *readability_analyze(cmark_node *doc)
{
	return readability_analyze_with(doc, readability_formula("en"));
}

struct readability *readability_analyze_with(
	cmark_node *doc, const struct readability_formula *f)
{
	struct readability *r = xcalloc(1, sizeof *r);
	struct analyzer an = {.r = r, .syllables = f->syllables};
	r->formula = f;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		S_node(&an, cmark_iter_get_node(it), ev);
	cmark_iter_free(it);
	free(an.sent);
	free(an.block);
	r->grade = r->counts.words > 0 ? f->score(&r->counts) : 0.0;
	for (size_t i = 0; i < r->nsections; i++) {
		struct readability_section *sec = &r->sections[i];
		sec->grade = sec->counts.words > 0 ? f->score(&sec->counts)
						   : 0.0;
	}
	return r;
}

void readability_free(struct readability *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nsections; i++) {
		free(r->sections[i].title);
		free(r->sections[i].hardest.text);
	}
	free(r->sections);
	for (size_t i = 0; i < r->nlongest; i++)
		free(r->longest[i].text);
	free(r);
}
