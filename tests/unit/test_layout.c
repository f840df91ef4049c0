/*
 * Tests for layout.c: Markdown (parsed with article_parse_markdown) laid
 * out into lines of styled spans, with sections and Tab targets.
 *
 * The core is a property test: a set of documents, each with the words a
 * reader must see, laid out at every width from 1 to 300 (and in ASCII
 * mode), and check_layout() checks what layout.h promises for every line:
 * width, span coverage, clean text, targets and sections that point at
 * real lines.  The other tests pin down single behaviours with small
 * documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "article.h"
#include "diag.h"
#include "glossary.h"
#include "layout.h"
#include "text.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Fails with a formatted message (cmocka's assert macros cannot say
 * which document, width and line broke). */
#define EXPECT(cond, ...)                                                    \
	do {                                                                 \
		if (!(cond)) {                                               \
			print_error(__VA_ARGS__);                            \
			print_error("\n");                                   \
			fail_msg("expected: %s", #cond);                     \
		}                                                            \
	} while (0)

/* ---- ownership ----
 * A failed assertion leaves the test function at once.  So that ASan
 * reports only real leaks, what a test allocates is registered (own) and
 * freed by the test (release) or, after a failure, by the group teardown
 * (release_all). */

struct owned {
	void *p;
	void (*fn)(void *);
};

static struct owned *owned;
static size_t nowned, cap_owned;

static void *own(void *p, void (*fn)(void *))
{
	if (p == NULL)
		return NULL;
	if (nowned == cap_owned) {
		cap_owned = cap_owned ? cap_owned * 2 : 16;
		owned = realloc(owned, cap_owned * sizeof *owned);
		if (owned == NULL)
			abort();
	}
	owned[nowned++] = (struct owned){p, fn};
	return p;
}

static void release(void *p)
{
	for (size_t i = nowned; i-- > 0;)
		if (owned[i].p == p) {
			owned[i].fn(p);
			owned[i] = owned[--nowned];
			return;
		}
	fail_msg("release of a pointer not owned");
}

static int release_all(void **state)
{
	while (nowned > 0) {
		nowned--;
		owned[nowned].fn(owned[nowned].p);
	}
	free(owned);
	owned = NULL;
	cap_owned = 0;
	return 0;
}

static void free_layout(void *p)
{
	layout_free(p);
}

static void free_node(void *p)
{
	cmark_node_free(p);
}

/* ---- building layouts ---- */

static struct layout *lay_opts(const char *md, size_t len,
			       const struct layout_options *o)
{
	cmark_node *doc = own(article_parse_markdown(md, len), free_node);
	assert_non_null(doc);
	struct layout *l = own(layout_build(doc, o), free_layout);
	release(doc); /* the layout owns copies of everything */
	assert_non_null(l);
	return l;
}

static struct layout *lay(const char *md, int width)
{
	struct layout_options o = {.width = width, .skip_entry = -1};
	return lay_opts(md, strlen(md), &o);
}

static struct layout *lay_gloss(const char *md, int width,
				const struct glossary *g)
{
	struct layout_options o = {.width = width, .glossary = g,
				   .skip_entry = -1};
	return lay_opts(md, strlen(md), &o);
}

/* The glossary the target tests use. */
static const char glossary_md[] =
	"# Glossary\n"
	"\n"
	"## Stem cell\n"
	"\n"
	"A cell that can become other kinds of cell.\n"
	"\n"
	"## Autologous\n"
	"Also: own-cell\n"
	"\n"
	"Cells that come from your own body.\n"
	"\n"
	"## Bone marrow\n"
	"\n"
	"The soft tissue inside bones.\n";

static int setup_glossary(void **state)
{
	struct diag_list d = {0};
	struct glossary *g = glossary_parse("glossary.md", glossary_md,
					    strlen(glossary_md), &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(glossary_count(g), 3);
	diag_list_clear(&d);
	*state = g;
	return 0;
}

static int teardown_glossary(void **state)
{
	glossary_free(*state);
	return 0;
}

static size_t entry_of(const struct glossary *g, const char *term)
{
	long e = glossary_lookup(g, term);
	assert_true(e >= 0);
	return (size_t)e;
}

/* ---- reading layouts ---- */

/* Whether a span is layout decoration rather than document text: list
 * markers, rules, and quote bars (quote text may also carry STYLE_QUOTE,
 * so only a span made of bars and spaces counts). */
static bool is_decoration(const struct line *ln, const struct span *sp)
{
	if (sp->style & (STYLE_MARKER | STYLE_RULE))
		return true;
	if (!(sp->style & STYLE_QUOTE))
		return false;
	const char *s = ln->text + sp->off;
	for (size_t i = 0; i < sp->len;) {
		if (s[i] == ' ' || s[i] == '|') {
			i++;
		} else if (i + 3 <= sp->len && memcmp(s + i, "\xe2\x94\x82", 3) == 0) {
			i += 3; /* │ */
		} else {
			return false;
		}
	}
	return true;
}

/* All document text of the layout without spaces (caller frees):
 * decoration left out, so a word wrapped over lines reads whole. */
static char *squeezed_text(const struct layout *l)
{
	size_t cap = 1;
	for (size_t i = 0; i < l->nlines; i++)
		cap += l->lines[i].len;
	char *s = own(malloc(cap), free), *o = s;
	assert_non_null(s);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		for (uint32_t k = 0; k < ln->nspans; k++) {
			const struct span *sp = &ln->spans[k];
			if (is_decoration(ln, sp))
				continue;
			for (uint32_t b = 0; b < sp->len; b++)
				if (ln->text[sp->off + b] != ' ')
					*o++ = ln->text[sp->off + b];
		}
	}
	*o = '\0';
	return s;
}

/* All line texts joined with '\n' (caller frees), for messages and
 * simple "does it show X" checks. */
static char *all_text(const struct layout *l)
{
	size_t cap = 1;
	for (size_t i = 0; i < l->nlines; i++)
		cap += l->lines[i].len + 1;
	char *s = own(malloc(cap), free), *o = s;
	assert_non_null(s);
	for (size_t i = 0; i < l->nlines; i++) {
		memcpy(o, l->lines[i].text, l->lines[i].len);
		o += l->lines[i].len;
		*o++ = '\n';
	}
	*o = '\0';
	return s;
}

static bool shows(const struct layout *l, const char *needle)
{
	char *t = all_text(l);
	bool r = strstr(t, needle) != NULL;
	release(t);
	return r;
}

/* The text of target t: its spans in order, lines joined by a space
 * (caller frees). */
static char *target_text(const struct layout *l, size_t t)
{
	size_t cap = 1;
	for (size_t i = 0; i < l->nlines; i++)
		cap += l->lines[i].len + 1;
	char *s = own(malloc(cap), free), *o = s;
	assert_non_null(s);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		bool on_line = false;
		for (uint32_t k = 0; k < ln->nspans; k++) {
			const struct span *sp = &ln->spans[k];
			if (sp->target != (int32_t)t)
				continue;
			if (!on_line && o > s)
				*o++ = ' ';
			on_line = true;
			memcpy(o, ln->text + sp->off, sp->len);
			o += sp->len;
		}
	}
	*o = '\0';
	return s;
}

static size_t lines_with_target(const struct layout *l, size_t t)
{
	size_t n = 0;
	for (size_t i = 0; i < l->nlines; i++)
		for (uint32_t k = 0; k < l->lines[i].nspans; k++)
			if (l->lines[i].spans[k].target == (int32_t)t) {
				n++;
				break;
			}
	return n;
}

static size_t count_kind(const struct layout *l, enum target_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < l->ntargets; i++)
		if (l->targets[i].kind == kind)
			n++;
	return n;
}

/* Index of the first line whose text contains needle, or SIZE_MAX. */
static size_t line_with(const struct layout *l, const char *needle)
{
	for (size_t i = 0; i < l->nlines; i++)
		if (strstr(l->lines[i].text, needle) != NULL)
			return i;
	return SIZE_MAX;
}

/* ---- the invariants of layout.h ---- */

static void check_layout(const struct layout *l, int width, const char *what)
{
	EXPECT(l->width == width, "%s: layout width %d, asked %d", what,
	       l->width, width);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		EXPECT(ln->text != NULL, "%s w%d line %zu: no text", what, width, i);
		EXPECT(strlen(ln->text) == ln->len,
		       "%s w%d line %zu: len %u but strlen %zu", what, width, i,
		       ln->len, strlen(ln->text));
		EXPECT(text_is_clean(ln->text, ln->len) &&
			       memchr(ln->text, '\n', ln->len) == NULL &&
			       memchr(ln->text, '\t', ln->len) == NULL,
		       "%s w%d line %zu: control characters in \"%s\"", what,
		       width, i, ln->text);
		size_t tw = text_width(ln->text, ln->len);
		EXPECT(tw == ln->width, "%s w%d line %zu: width field %u, text "
		       "width %zu: \"%s\"", what, width, i, ln->width, tw, ln->text);
		EXPECT(tw <= (size_t)width, "%s w%d line %zu: %zu columns: \"%s\"",
		       what, width, i, tw, ln->text);
		/* Spans cover the text exactly, left to right. */
		uint32_t at = 0;
		for (uint32_t k = 0; k < ln->nspans; k++) {
			const struct span *sp = &ln->spans[k];
			EXPECT(sp->off == at, "%s w%d line %zu span %u: starts at %u, "
			       "previous ended at %u: \"%s\"", what, width, i, k,
			       sp->off, at, ln->text);
			EXPECT(sp->len > 0, "%s w%d line %zu span %u: empty", what,
			       width, i, k);
			EXPECT(sp->target >= -1 && sp->target < (int32_t)l->ntargets,
			       "%s w%d line %zu span %u: target %d of %zu", what,
			       width, i, k, sp->target, l->ntargets);
			at += sp->len;
		}
		EXPECT(at == ln->len, "%s w%d line %zu: spans cover %u of %u bytes: "
		       "\"%s\"", what, width, i, at, ln->len, ln->text);
		EXPECT(ln->heading <= 6, "%s: heading %u", what, ln->heading);
		EXPECT(ln->section < l->nsections, "%s w%d line %zu: section %u of "
		       "%zu", what, width, i, ln->section, l->nsections);
		if (i > 0)
			EXPECT(ln->section >= l->lines[i - 1].section,
			       "%s w%d line %zu: section goes back", what, width, i);
	}
	/* Targets: each starts where it says, in reading order, and is used.
	 * One pass finds where each target's first span is. */
	size_t *first = own(malloc((l->ntargets + 1) * sizeof *first), free);
	uint32_t *fcol = own(malloc((l->ntargets + 1) * sizeof *fcol), free);
	assert_non_null(first);
	assert_non_null(fcol);
	for (size_t t = 0; t < l->ntargets; t++)
		first[t] = SIZE_MAX;
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		uint32_t c = 0;
		for (uint32_t k = 0; k < ln->nspans; k++) {
			int32_t t = ln->spans[k].target;
			if (t >= 0 && first[t] == SIZE_MAX) {
				first[t] = i;
				fcol[t] = c;
			}
			c += (uint32_t)text_width(ln->text + ln->spans[k].off,
						  ln->spans[k].len);
		}
	}
	for (size_t t = 0; t < l->ntargets; t++) {
		const struct target *tg = &l->targets[t];
		EXPECT(tg->line < l->nlines, "%s w%d target %zu: line %zu of %zu",
		       what, width, t, tg->line, l->nlines);
		if (tg->kind == TARGET_LINK)
			EXPECT(tg->url != NULL, "%s: link target %zu without url",
			       what, t);
		EXPECT(first[t] != SIZE_MAX, "%s w%d target %zu: no span shows it",
		       what, width, t);
		EXPECT(first[t] == tg->line && fcol[t] == tg->col,
		       "%s w%d target %zu: says line %zu col %u, first span at "
		       "line %zu col %u", what, width, t, tg->line, tg->col,
		       first[t], fcol[t]);
		if (t > 0) {
			const struct target *p = &l->targets[t - 1];
			EXPECT(p->line < tg->line ||
				       (p->line == tg->line && p->col < tg->col),
			       "%s w%d: target %zu (%zu,%u) not after %zu (%zu,%u)",
			       what, width, t, tg->line, tg->col, t - 1, p->line,
			       p->col);
		}
	}
	release(first);
	release(fcol);
	/* Sections: in order, each at a line of its own. */
	if (l->nlines > 0)
		EXPECT(l->nsections > 0, "%s: lines but no section", what);
	for (size_t s = 0; s < l->nsections; s++) {
		const struct layout_section *sec = &l->sections[s];
		EXPECT(sec->title != NULL && text_is_clean(sec->title,
							   strlen(sec->title)),
		       "%s: section %zu title not clean", what, s);
		EXPECT(sec->level >= 0 && sec->level <= 3, "%s: section %zu level "
		       "%d", what, s, sec->level);
		EXPECT(sec->line < l->nlines, "%s w%d: section %zu at line %zu of "
		       "%zu", what, width, s, sec->line, l->nlines);
		EXPECT(l->lines[sec->line].section == s,
		       "%s w%d: section %zu starts at line %zu, which is in "
		       "section %u", what, width, s, sec->line,
		       l->lines[sec->line].section);
		if (s > 0)
			EXPECT(sec->line >= l->sections[s - 1].line,
			       "%s: sections out of order", what);
	}
}

/* Expected words as shown at width (wide characters are '?' below 2
 * columns) and in ASCII mode. */
static char *shown_word(const char *w, size_t n, int width, bool ascii)
{
	if (ascii)
		return own(text_to_ascii(w, n, NULL), free);
	char *s = own(malloc(n + 1), free);
	assert_non_null(s);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t k = 1;
		while (i + k < n && ((unsigned char)w[i + k] & 0xc0) == 0x80)
			k++;
		uint32_t c = 0;
		unsigned char b0 = (unsigned char)w[i];
		c = b0 < 0x80 ? b0 : b0 < 0xe0 ? b0 & 0x1f : b0 < 0xf0 ? b0 & 0x0f
								   : b0 & 0x07;
		for (size_t j = 1; j < k; j++)
			c = (c << 6) | ((unsigned char)w[i + j] & 0x3f);
		if (width < 2 && text_cp_width(c) == 2) {
			s[o++] = '?';
		} else {
			memcpy(s + o, w + i, k);
			o += k;
		}
		i += k;
	}
	s[o] = '\0';
	return s;
}

/* Every word of words (separated by blanks) appears in the layout's text,
 * in order. */
static void check_words(const struct layout *l, const char *words, int width,
			bool ascii, const char *what)
{
	char *have = squeezed_text(l);
	const char *pos = have;
	const char *w = words;
	while (*w != '\0') {
		while (*w == ' ' || *w == '\n')
			w++;
		size_t n = strcspn(w, " \n");
		if (n == 0)
			break;
		char *want = shown_word(w, n, width, ascii);
		const char *found = strstr(pos, want);
		if (found == NULL) {
			char *t = all_text(l);
			print_error("%s at width %d%s: word \"%s\" missing or out of "
				    "order; layout:\n%.2000s\n", what, width,
				    ascii ? " (ascii)" : "", want, t);
			release(t);
		}
		assert_non_null(found);
		pos = found + strlen(want);
		release(want);
		w += n;
	}
	release(have);
}

/* ---- (1) the property test ---- */

struct doc {
	const char *name;
	const char *md;
	const char *words; /* what a reader must see, in order */
};

static const struct doc docs[] = {
	{"plain paragraphs",
	 "The kiosk explains stem cell therapy in plain words.\n"
	 "A second line of the same paragraph.\n\n"
	 "A second paragraph, with *emphasis*, **strong** text and `code`.\n",
	 "The kiosk explains stem cell therapy in plain words. A second line "
	 "of the same paragraph. A second paragraph, with emphasis, strong "
	 "text and code."},
	{"long words and URLs",
	 "Read https://clinic.example/patients/education/stem-cells/"
	 "what-to-expect-before-during-and-after-treatment.html first.\n\n"
	 "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word.\n\n"
	 "See <https://clinic.example/a/very/long/autolinked/address/indeed> "
	 "too.\n",
	 "Read https://clinic.example/patients/education/stem-cells/"
	 "what-to-expect-before-during-and-after-treatment.html first. "
	 "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word. See "
	 "https://clinic.example/a/very/long/autolinked/address/indeed too."},
	{"nested lists six deep",
	 "- one level\n"
	 "  - two level\n"
	 "    - three level\n"
	 "      - four level\n"
	 "        - five level\n"
	 "          - six level deep item with enough words to wrap\n"
	 "- back at one\n\n"
	 "1. first\n2. second\n3. third\n4. fourth\n5. fifth\n6. sixth\n"
	 "7. seventh\n8. eighth\n9. ninth\n10. tenth item wraps at narrow "
	 "widths\n",
	 "one level two level three level four level five level six level "
	 "deep item with enough words to wrap back at one first second third "
	 "fourth fifth sixth seventh eighth ninth tenth item wraps at narrow "
	 "widths"},
	{"block quotes in lists",
	 "- An item with a quote:\n\n"
	 "  > Quoted words inside the list item that go on for a while.\n\n"
	 "- Next item\n\n"
	 "> A quote\n> - with a list\n> - inside it\n>\n"
	 "> > and a quote in a quote that also wraps around\n",
	 "An item with a quote: Quoted words inside the list item that go on "
	 "for a while. Next item A quote with a list inside it and a quote in "
	 "a quote that also wraps around"},
	{"code block with tabs",
	 "```\nint\tmain(void)\n{\n\treturn 0;\t/* ok */\n}\n```\n\n"
	 "    indented\tcode block line that is rather long indeed\n",
	 "int main(void) { return 0; /* ok */ } indented code block line that "
	 "is rather long indeed"},
	{"wide CJK text",
	 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82"
	 "\xad\xe3\x82\xb9\xe3\x83\x88"
	 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82"
	 "\xad\xe3\x82\xb9\xe3\x83\x88\n\n"
	 "Mixed \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e and English.\n",
	 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82"
	 "\xad\xe3\x82\xb9\xe3\x83\x88"
	 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82"
	 "\xad\xe3\x82\xb9\xe3\x83\x88 Mixed \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa"
	 "\x9e and English."},
	{"combining characters",
	 "Cafe\xcc\x81 re\xcc\x81sume\xcc\x81 nai\xcc\x88ve "
	 "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	 "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	 ".\n",
	 "Cafe\xcc\x81 re\xcc\x81sume\xcc\x81 nai\xcc\x88ve "
	 "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	 "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	 "."},
	{"emoji",
	 "Smile \xf0\x9f\x98\x80 thumbs \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd family "
	 "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91"
	 "\xa7 flag \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 done.\n",
	 "Smile \xf0\x9f\x98\x80 thumbs \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd family "
	 "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91"
	 "\xa7 flag \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 done."},
	{"Hangul",
	 "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xed\x85\x8d\xec\x8a\xa4\xed"
	 "\x8a\xb8 \xec\x9e\x85\xeb\x8b\x88\xeb\x8b\xa4.\n",
	 "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xed\x85\x8d\xec\x8a\xa4\xed"
	 "\x8a\xb8 \xec\x9e\x85\xeb\x8b\x88\xeb\x8b\xa4."},
	{"heading and thematic break",
	 "# A heading that is fairly long for a narrow screen\n\n"
	 "Text under it.\n\n---\n\n## Second\n\nMore text.\n\n"
	 "Setext heading\n--------------\n",
	 "A heading that is fairly long for a narrow screen Text under it. "
	 "Second More text. Setext heading"},
	{"raw HTML",
	 "<div>\n<p>Raw HTML block</p>\n<p><a href=\"x.md\">a link</a> and "
	 "more</p>\n</div>\n\n"
	 "After <em>inline</em> html.\n",
	 "Raw HTML block a link and more After inline html."},
	{"images",
	 "![A diagram of a stem cell dividing](cell.png) and "
	 "![](empty.png) text.\n\n"
	 "[![Linked image alt](pic.png)](page.md)\n",
	 "A diagram of a stem cell dividing and text. Linked image alt"},
	{"hard line breaks",
	 "line one  \nline two\\\nthree\n",
	 "line one line two three"},
	{"table",
	 "| Dose | Age |\n|:--|--:|\n| 5 ml | two years |\n"
	 "| 10 ml | [five](x.md) years |\n\nAfter the table.\n",
	 "5 ml two years 10 ml five years After the table."},
	{"table in a list with a wrapping column",
	 "- Who to call:\n\n  | Service | When |\n  |---|---|\n"
	 "  | Pharmacy | For questions about the medicines you take |\n",
	 "Who to call: Pharmacy For questions about the medicines you take"},
};

static void check_doc_all_widths(const struct doc *d, bool ascii)
{
	cmark_node *doc = own(article_parse_markdown(d->md, strlen(d->md)), free_node);
	for (int width = 1; width <= 300; width++) {
		struct layout_options o = {.width = width, .ascii = ascii,
					   .skip_entry = -1};
		struct layout *l = own(layout_build(doc, &o), free_layout);
		check_layout(l, width, d->name);
		check_words(l, d->words, width, ascii, d->name);
		if (ascii)
			for (size_t i = 0; i < l->nlines; i++)
				for (uint32_t b = 0; b < l->lines[i].len; b++)
					EXPECT((unsigned char)l->lines[i].text[b] < 0x80,
					       "%s w%d line %zu not ASCII: %s", d->name,
					       width, i, l->lines[i].text);
		release(l);
	}
	release(doc);
}

static void every_width_keeps_lines_in_bounds_and_text_whole(void **state)
{
	for (size_t i = 0; i < N(docs); i++)
		check_doc_all_widths(&docs[i], false);
}

static void every_width_in_ascii_mode(void **state)
{
	for (size_t i = 0; i < N(docs); i++)
		check_doc_all_widths(&docs[i], true);
}

static void all_documents_together_at_every_width(void **state)
{
	/* One article made of all the documents: blocks next to each other
	 * in every combination the set has. */
	size_t mdlen = 0, wlen = 0;
	for (size_t i = 0; i < N(docs); i++) {
		mdlen += strlen(docs[i].md) + 1;
		wlen += strlen(docs[i].words) + 1;
	}
	char *md = own(calloc(1, mdlen + 1), free);
	char *words = own(calloc(1, wlen + 1), free);
	assert_non_null(md);
	assert_non_null(words);
	for (size_t i = 0; i < N(docs); i++) {
		strcat(md, docs[i].md);
		strcat(md, "\n");
		strcat(words, docs[i].words);
		strcat(words, " ");
	}
	struct doc all = {"all documents", md, words};
	check_doc_all_widths(&all, false);
	release(md);
	release(words);
}

/* layout.c: prefixes are shown while they leave at least 8 columns for
 * the text. */
static void prefixes_are_kept_from_width_10(void **state)
{
	static const struct {
		const char *md;
		const char *first, *cont; /* prefix of the first, later lines */
		int from; /* narrowest width that leaves 8 columns of text */
	} rows[] = {
		{"- a list item with words enough to wrap at any narrow width\n",
		 "\xe2\x80\xa2 ", "  ", 10},
		{"> a quote with words enough to wrap at any narrow width\n",
		 "\xe2\x94\x82 ", "\xe2\x94\x82 ", 10},
		{"1. a numbered item with words enough to wrap at narrow widths\n",
		 "1. ", "   ", 11},
		{"- > a quote in a list item, wrapping at narrow widths\n",
		 "\xe2\x80\xa2 \xe2\x94\x82 ", "  \xe2\x94\x82 ", 12},
	};
	for (size_t r = 0; r < N(rows); r++)
		for (int width = rows[r].from; width <= 300; width++) {
			struct layout *l = lay(rows[r].md, width);
			check_layout(l, width, rows[r].md);
			for (size_t i = 0; i < l->nlines; i++) {
				const char *want = i == 0 ? rows[r].first : rows[r].cont;
				EXPECT(strncmp(l->lines[i].text, want, strlen(want)) == 0,
				       "width %d line %zu \"%s\" lacks prefix \"%s\"",
				       width, i, l->lines[i].text, want);
			}
			release(l);
		}
}

static void narrow_widths_drop_indentation_rather_than_chop_words(void **state)
{
	/* Deep indentation on a narrow screen would leave a sliver for the
	 * text; the prefixes go instead, so short words stay whole. */
	static const char md[] =
		"- one\n  - two\n    - three\n      - four\n        - five\n"
		"          - six level deep item with enough words to wrap\n";
	static const char *const words[] = {"six", "level", "deep", "item",
					    "with", "enough", "words", "to",
					    "wrap"};
	for (int width = 10; width <= 40; width++) {
		struct layout *l = lay(md, width);
		check_layout(l, width, "deep list");
		for (size_t w = 0; w < N(words); w++)
			EXPECT(line_with(l, words[w]) != SIZE_MAX,
			       "width %d: \"%s\" is not whole on any line", width,
			       words[w]);
		release(l);
	}
}

static void width_zero_is_taken_as_one(void **state)
{
	struct layout *l = lay("Some text here.", 0);
	assert_int_equal(l->width, 1);
	check_layout(l, 1, "width 0");
	release(l);
}

static void empty_document_has_no_lines(void **state)
{
	struct layout *l = lay("", 40);
	assert_int_equal(l->nlines, 0);
	assert_int_equal(l->ntargets, 0);
	assert_int_equal(layout_find(l, 3, 10), 0);
	assert_int_equal(layout_section_of(l, 5), 0);
	release(l);
}

static void paragraphs_are_separated_by_one_blank_line(void **state)
{
	struct layout *l = lay("First.\n\nSecond.\n\n\n\nThird.", 40);
	assert_int_equal(l->nlines, 5);
	assert_string_equal(l->lines[0].text, "First.");
	assert_string_equal(l->lines[1].text, "");
	assert_string_equal(l->lines[2].text, "Second.");
	assert_string_equal(l->lines[3].text, "");
	assert_string_equal(l->lines[4].text, "Third.");
	release(l);
}

static void wraps_at_spaces_greedily(void **state)
{
	struct layout *l = lay("aaa bbb ccc ddd", 7);
	assert_int_equal(l->nlines, 2);
	assert_string_equal(l->lines[0].text, "aaa bbb");
	assert_string_equal(l->lines[1].text, "ccc ddd");
	release(l);
}

static void code_block_tabs_expand_to_four_columns(void **state)
{
	struct layout *l = lay("```\na\tb\n\tc\n```\n", 40);
	assert_int_equal(l->nlines, 2);
	/* two columns of code indent, then the code */
	assert_string_equal(l->lines[0].text, "  a   b");
	assert_string_equal(l->lines[1].text, "      c");
	assert_true(l->lines[0].spans[0].style & STYLE_CODE);
	release(l);
}

static void quote_with_a_list_has_one_blank_line_before_the_list(void **state)
{
	/* Outside a quote text and a list are separated by one blank line;
	 * inside one the same, with the bar. */
	struct layout *l = lay("> text\n>\n> - item\n> - item2\n", 40);
	check_layout(l, 40, "quote with list");
	size_t item = line_with(l, "item");
	assert_int_not_equal(item, SIZE_MAX);
	if (item != 2) {
		char *t = all_text(l);
		print_error("layout:\n%s", t);
		release(t);
	}
	assert_int_equal(item, 2);
	release(l);
}

/* ---- (2) sections ---- */

static void text_before_the_first_heading_is_the_introduction(void **state)
{
	struct layout *l = lay("Intro text.\n\n# One\n\nText one.\n\n## Two\n\n"
			       "### Three\n\n#### Four\n\nMore text.\n", 60);
	check_layout(l, 60, "sections");
	assert_int_equal(l->nsections, 4);
	assert_string_equal(l->sections[0].title, "Introduction");
	assert_int_equal(l->sections[0].level, 0);
	assert_int_equal(l->sections[0].line, 0);
	static const char *const titles[] = {"One", "Two", "Three"};
	for (int s = 1; s <= 3; s++) {
		const struct layout_section *sec = &l->sections[s];
		assert_string_equal(sec->title, titles[s - 1]);
		assert_int_equal(sec->level, s);
		/* The section starts at its heading's line. */
		assert_string_equal(l->lines[sec->line].text, titles[s - 1]);
		assert_int_equal(l->lines[sec->line].heading, s);
	}
	/* A level 4 heading is part of the section around it. */
	size_t four = line_with(l, "Four");
	assert_int_equal(l->lines[four].heading, 4);
	assert_int_equal(l->lines[four].section, 3);
	assert_int_equal(layout_section_of(l, line_with(l, "More text")), 3);
	assert_int_equal(layout_section_of(l, line_with(l, "Text one")), 1);
	assert_int_equal(layout_section_of(l, 0), 0);
	release(l);
}

static void no_introduction_when_the_article_starts_with_a_heading(void **state)
{
	struct layout *l = lay("# Start\n\nText.\n", 40);
	assert_int_equal(l->nsections, 1);
	assert_string_equal(l->sections[0].title, "Start");
	assert_int_equal(l->sections[0].line, 0);
	release(l);
}

static void a_level_four_heading_first_gives_an_introduction(void **state)
{
	struct layout *l = lay("#### Small\n\nText.\n\n## Big\n", 40);
	assert_int_equal(l->nsections, 2);
	assert_string_equal(l->sections[0].title, "Introduction");
	assert_string_equal(l->sections[1].title, "Big");
	release(l);
}

static void section_title_is_the_plain_heading_text(void **state)
{
	struct layout *l = lay("# Hello *big* `code` [world](x.md)\n", 80);
	assert_int_equal(l->nsections, 1);
	assert_string_equal(l->sections[0].title, "Hello big code world");
	release(l);
}

static void section_line_points_at_a_wrapped_heading_first_line(void **state)
{
	struct layout *l = lay("Intro.\n\n## A heading long enough to wrap "
			       "over several lines\n\nBody.\n", 20);
	check_layout(l, 20, "wrapped heading");
	assert_int_equal(l->nsections, 2);
	size_t h = l->sections[1].line;
	assert_true(strncmp(l->lines[h].text, "A heading", 9) == 0);
	assert_int_equal(l->lines[h].heading, 2);
	assert_int_equal(l->lines[h + 1].heading, 2);
	assert_true(l->lines[h].spans[0].style & STYLE_HEADING);
	release(l);
}

static void section_of_clamps_past_the_end(void **state)
{
	struct layout *l = lay("# A\n\n# B\n", 40);
	assert_int_equal(layout_section_of(l, 1000), 1);
	release(l);
}

/* ---- (3) targets: glossary terms and links ---- */

static void a_term_is_marked_with_its_entry(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("Your own stem cells are used.", 80, g);
	check_layout(l, 80, "term");
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].kind, TARGET_TERM);
	assert_int_equal(l->targets[0].entry, entry_of(g, "Stem cell"));
	char *t = target_text(l, 0);
	assert_string_equal(t, "stem cells");
	release(t);
	assert_int_equal(l->targets[0].line, 0);
	assert_int_equal(l->targets[0].col, strlen("Your own "));
	for (uint32_t k = 0; k < l->lines[0].nspans; k++) {
		const struct span *sp = &l->lines[0].spans[k];
		assert_int_equal(sp->target == 0, (sp->style & STYLE_TERM) != 0);
	}
	release(l);
}

static void aliases_name_their_entry(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("An own-cell graft.", 80, g);
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].entry, entry_of(g, "Autologous"));
	release(l);
}

static void only_the_first_occurrence_in_a_section_is_marked(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("A stem cell. Another stem cell.\n\n"
				     "A third stem cell and bone marrow.", 80, g);
	check_layout(l, 80, "first occurrence");
	assert_int_equal(count_kind(l, TARGET_TERM), 2);
	assert_int_equal(l->targets[0].entry, entry_of(g, "Stem cell"));
	assert_int_equal(l->targets[0].line, 0);
	assert_int_equal(l->targets[0].col, 2);
	assert_int_equal(l->targets[1].entry, entry_of(g, "Bone marrow"));
	release(l);
}

static void mark_all_marks_every_occurrence(void **state)
{
	const struct glossary *g = *state;
	struct layout_options o = {.width = 80, .glossary = g, .skip_entry = -1,
				   .mark_all = true};
	const char *md = "A stem cell. Another stem cell.\n\nA third stem cell.";
	struct layout *l = lay_opts(md, strlen(md), &o);
	check_layout(l, 80, "mark_all");
	assert_int_equal(count_kind(l, TARGET_TERM), 3);
	release(l);
}

static void each_section_marks_its_first_occurrence_again(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("stem cell in the introduction\n\n"
				     "# One\n\nstem cell, stem cell\n\n"
				     "# Two\n\nstem cell\n\n"
				     "#### Four is no section\n\nstem cell\n", 80, g);
	check_layout(l, 80, "per section");
	assert_int_equal(count_kind(l, TARGET_TERM), 3);
	for (size_t t = 0; t < l->ntargets; t++)
		assert_int_equal(l->lines[l->targets[t].line].section, t);
	release(l);
}

static void the_first_paragraph_of_the_introduction_is_marked(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("Stem cell first.\n\nStem cell second.\n",
				     80, g);
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].line, 0);
	release(l);
}

static void terms_are_not_marked_in_headings(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("# Stem cells\n\nNothing to explain.", 80, g);
	assert_int_equal(l->ntargets, 0);
	release(l);
	/* ...and the heading does not use up the section's first mark. */
	l = lay_gloss("# Stem cells\n\nBut stem cells here.", 80, g);
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->lines[l->targets[0].line].heading, 0);
	release(l);
	l = lay_gloss("Intro.\n\n#### Bone marrow\n\nText.", 80, g);
	assert_int_equal(l->ntargets, 0);
	release(l);
}

static void terms_are_not_marked_in_code(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("Use `stem cell` here.\n\n```\nstem cell\n```\n"
				     "\n    bone marrow\n", 80, g);
	assert_int_equal(l->ntargets, 0);
	release(l);
}

static void terms_are_not_marked_in_link_text_or_image_alt(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("[stem cell facts](facts.md) and "
				     "![bone marrow](bm.png)", 80, g);
	check_layout(l, 80, "link text");
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].kind, TARGET_LINK);
	release(l);
}

static void a_term_in_emphasis_keeps_the_emphasis(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("It is **bone marrow** here.", 80, g);
	assert_int_equal(l->ntargets, 1);
	const struct line *ln = &l->lines[0];
	bool found = false;
	for (uint32_t k = 0; k < ln->nspans; k++)
		if (ln->spans[k].target == 0) {
			assert_true(ln->spans[k].style & STYLE_TERM);
			assert_true(ln->spans[k].style & STYLE_BOLD);
			found = true;
		}
	assert_true(found);
	release(l);
}

static void skip_entry_is_not_marked(void **state)
{
	const struct glossary *g = *state;
	struct layout_options o = {.width = 80, .glossary = g,
				   .skip_entry = (long)entry_of(g, "Stem cell")};
	const char *md = "A stem cell is autologous.";
	struct layout *l = lay_opts(md, strlen(md), &o);
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].entry, entry_of(g, "Autologous"));
	release(l);
}

static void no_glossary_no_terms(void **state)
{
	struct layout *l = lay("A stem cell is autologous.", 80);
	assert_int_equal(l->ntargets, 0);
	release(l);
}

static void a_link_is_a_target_with_its_url(void **state)
{
	struct layout *l = lay("See [the clinic](https://clinic.example/a) and "
			       "<https://auto.example/x>.", 80);
	check_layout(l, 80, "links");
	assert_int_equal(l->ntargets, 2);
	assert_int_equal(l->targets[0].kind, TARGET_LINK);
	assert_string_equal(l->targets[0].url, "https://clinic.example/a");
	char *t = target_text(l, 0);
	assert_string_equal(t, "the clinic");
	release(t);
	assert_int_equal(l->targets[0].col, 4);
	assert_string_equal(l->targets[1].url, "https://auto.example/x");
	const struct line *ln = &l->lines[0];
	for (uint32_t k = 0; k < ln->nspans; k++)
		if (ln->spans[k].target >= 0)
			assert_true(ln->spans[k].style & STYLE_LINK);
	release(l);
}

static void a_wrapped_link_is_one_target_on_two_lines(void **state)
{
	struct layout *l = lay("Please read [our long guide about what happens "
			       "during treatment](guide.md) today.", 24);
	check_layout(l, 24, "wrapped link");
	assert_int_equal(l->ntargets, 1);
	assert_true(lines_with_target(l, 0) >= 2);
	char *t = target_text(l, 0);
	assert_string_equal(t, "our long guide about what happens during "
			       "treatment");
	release(t);
	assert_int_equal(l->targets[0].line, 0);
	assert_int_equal(l->targets[0].col, strlen("Please read "));
	release(l);
}

static void a_link_with_no_text_is_not_a_target(void **state)
{
	struct layout *l = lay("Empty [](x.md) link.", 80);
	check_layout(l, 80, "empty link");
	assert_int_equal(l->ntargets, 0);
	release(l);
}

static void targets_are_in_reading_order(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("See [a](a.md) about autologous cells and "
				     "[b](b.md).\n\n"
				     "# Next\n\n[c](c.md) then stem cell, "
				     "bone marrow and [d](d.md).\n", 30, g);
	check_layout(l, 30, "reading order"); /* checks (line, col) order */
	static const struct {
		enum target_kind kind;
		const char *text;
	} want[] = {
		{TARGET_LINK, "a"}, {TARGET_TERM, "autologous"},
		{TARGET_LINK, "b"}, {TARGET_LINK, "c"},
		{TARGET_TERM, "stem cell"}, {TARGET_TERM, "bone marrow"},
		{TARGET_LINK, "d"},
	};
	assert_int_equal(l->ntargets, N(want));
	for (size_t i = 0; i < N(want); i++) {
		char *t = target_text(l, i);
		if (strcmp(t, want[i].text) != 0 || l->targets[i].kind != want[i].kind)
			print_error("target %zu: \"%s\" kind %d, wanted \"%s\"\n", i,
				    t, (int)l->targets[i].kind, want[i].text);
		assert_string_equal(t, want[i].text);
		assert_int_equal(l->targets[i].kind, want[i].kind);
		release(t);
	}
	release(l);
}

static void target_column_counts_display_columns(void **state)
{
	const struct glossary *g = *state;
	/* 日本 is 6 bytes but 4 columns. */
	struct layout *l = lay_gloss("\xe6\x97\xa5\xe6\x9c\xac stem cell", 80, g);
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].col, 5);
	release(l);
}

static void an_unclosed_html_link_ends_with_its_paragraph(void **state)
{
	const struct glossary *g = *state;
	struct layout *l = lay_gloss("Para <a href=\"x.md\">unclosed\n\n"
				     "Next paragraph about stem cells.\n", 80, g);
	check_layout(l, 80, "unclosed <a>");
	size_t next = line_with(l, "Next paragraph");
	assert_int_not_equal(next, SIZE_MAX);
	const struct line *ln = &l->lines[next];
	bool linked = false;
	for (uint32_t k = 0; k < ln->nspans; k++) {
		int32_t t = ln->spans[k].target;
		if ((ln->spans[k].style & STYLE_LINK) ||
		    (t >= 0 && l->targets[t].kind == TARGET_LINK))
			linked = true;
	}
	if (linked)
		print_error("the next paragraph is still inside the <a> link\n");
	assert_false(linked);
	/* and the glossary term in it is marked as usual */
	assert_int_equal(count_kind(l, TARGET_TERM), 1);
	release(l);
}

/* ---- (4) keeping the reading position across widths ---- */

static const char position_md[] =
	"# Caring for yourself after treatment\n\n"
	"Most people go home on the same day.  You may feel tired for a few "
	"days, and the place where the cells were taken may be sore.  This is "
	"normal and it usually passes within a week.\n\n"
	"Call the clinic straight away if you notice any of these signs:\n\n"
	"- A fever above 38 degrees or chills that do not stop\n"
	"- Redness, warmth or swelling around the wound that gets worse\n"
	"- Bleeding that does not stop when you press on it for ten minutes\n\n"
	"> Keep this leaflet with you until your next visit, and show it to "
	"any doctor who treats you in the meantime.\n\n"
	"## Washing and bathing\n\n"
	"Keep the dressing dry for two days.  After that you can shower, but "
	"do not soak in a bath or swim until the wound has fully healed, "
	"which takes about two weeks for most people.\n\n"
	"1. Wash your hands before you touch the dressing.\n"
	"2. Pat the area dry with a clean towel; do not rub it.\n"
	"3. Put on a fresh dressing if the old one gets wet.\n";

/* The first word of a line's document text (decoration skipped) into
 * buf; false for a line without words. */
static bool first_word(const struct line *ln, char *buf, size_t cap)
{
	for (uint32_t k = 0; k < ln->nspans; k++) {
		const struct span *sp = &ln->spans[k];
		if (is_decoration(ln, sp))
			continue;
		const char *s = ln->text + sp->off;
		size_t i = 0;
		while (i < sp->len && s[i] == ' ')
			i++;
		if (i == sp->len)
			continue;
		size_t n = 0;
		while (i + n < sp->len && s[i + n] != ' ' && n + 1 < cap)
			n++;
		memcpy(buf, s + i, n);
		buf[n] = '\0';
		return true;
	}
	return false;
}

static void check_positions_survive(const char *md, const char *what)
{
	struct layout *from = lay(md, 80);
	static const int widths[] = {40, 132, 80, 23};
	for (size_t w = 0; w < N(widths); w++) {
		struct layout *to = lay(md, widths[w]);
		for (size_t i = 0; i < from->nlines; i++) {
			const struct line *ln = &from->lines[i];
			char word[128];
			if (!first_word(ln, word, sizeof word))
				continue;
			size_t j = layout_find(to, ln->block, ln->block_off);
			assert_true(j < to->nlines);
			EXPECT(strstr(to->lines[j].text, word) != NULL,
			       "%s: line %zu \"%s\" at width 80 maps to line %zu "
			       "\"%s\" at width %d", what, i, ln->text, j,
			       to->lines[j].text, widths[w]);
		}
		release(to);
	}
	release(from);
}

static void position_survives_a_width_change(void **state)
{
	check_positions_survive(position_md, "article");
}

static void position_survives_a_width_change_in_code(void **state)
{
	check_positions_survive("Some text before the code.\n\n"
				"```\nfirst code line\nsecond code line\n"
				"third code line\n```\n\nAfter the code.\n",
				"code block");
}

static void position_maps_to_the_same_line_at_the_same_width(void **state)
{
	struct layout *l = lay(position_md, 50);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		if (ln->len == 0)
			continue; /* blank lines belong to the text before */
		size_t j = layout_find(l, ln->block, ln->block_off);
		EXPECT(j == i, "line %zu \"%s\" found at %zu \"%s\"", i, ln->text,
		       j, l->lines[j].text);
	}
	release(l);
}

static void position_beyond_the_end_is_the_last_line(void **state)
{
	struct layout *l = lay(position_md, 60);
	assert_int_equal(layout_find(l, UINT32_MAX, UINT32_MAX), l->nlines - 1);
	assert_int_equal(layout_find(l, 0, 0), 0);
	release(l);
}

/* ---- (5) control characters never reach the screen ---- */

static void control_characters_never_reach_a_line(void **state)
{
	static const char md[] =
		"# Head\x1b[31ming \xe2\x80\xae" "reversed\n\n"
		"Text \x1b[2J\x1b]0;title\x07 with \xc2\x9b" "31m C1, bell \x07, "
		"bidi \xe2\x80\xae" "gnp.exe\xe2\x80\xac and \xe2\x81\xa6iso\xe2\x81"
		"\xa9, DEL \x7f, NUL \0 here, CR \r done.\n\n"
		"`code \x1b[1m span` and [link \x1b[5m text](x\x1b.md) and "
		"![alt \x1b[7m text](a.png)\n\n"
		"```\ncode\x1b[31m block\x07\twith tab\n```\n\n"
		"- item \x1b[0m one\n\n"
		"> quote \x1b[0m\x07 two\n\n"
		"<div>html \x1b[31m block &#27;[32m &#x9b;35m &#x202e;rev "
		"&#7;</div>\n\n"
		"Entities &#27;[33m &#x1b; &#155; &#8238; &#0; end\n\n"
		"Line\xe2\x80\xa8separator\xe2\x80\xa9paragraph.\n";
	for (int ascii = 0; ascii < 2; ascii++)
		for (int width = 1; width <= 120; width++) {
			struct layout_options o = {.width = width, .ascii = ascii,
						   .skip_entry = -1};
			struct layout *l = lay_opts(md, sizeof md - 1, &o);
			check_layout(l, width, "control characters");
			for (size_t i = 0; i < l->nlines; i++) {
				const char *t = l->lines[i].text;
				EXPECT(strchr(t, '\x1b') == NULL &&
					       strchr(t, '\x07') == NULL &&
					       strchr(t, '\x7f') == NULL &&
					       strchr(t, '\r') == NULL &&
					       strstr(t, "\xc2\x9b") == NULL &&
					       strstr(t, "\xe2\x80\xae") == NULL,
				       "width %d line %zu: \"%s\"", width, i, t);
			}
			/* The text around them is kept. */
			if (width >= 20 && !ascii) {
				char *s = squeezed_text(l);
				assert_non_null(strstr(s, "Text[2J]0;title"));
				assert_non_null(strstr(s, "here,CRdone."));
				assert_non_null(strstr(s, "gnp.exe"));
				release(s);
			}
			release(l);
		}
}

/* ---- (6) ASCII mode ---- */

static void ascii_mode_is_pure_ascii(void **state)
{
	static const char md[] =
		"# \xc5\x9e" "i\xc5\x9f" "li clinic\n\n"
		"\xe2\x80\x9cQuoted\xe2\x80\x9d text \xe2\x80\x94 with a dash"
		"\xe2\x80\xa6 and caf\xc3\xa9 in \xc5\x9e" "i\xc5\x9f" "li.\n\n"
		"- item\n  - nested\n    - deeper\n\n"
		"> quote\n\n---\n\n"
		"\xe6\x97\xa5\xe6\x9c\xac\n";
	struct layout_options o = {.width = 80, .ascii = true, .skip_entry = -1};
	struct layout *l = lay_opts(md, strlen(md), &o);
	check_layout(l, 80, "ascii");
	for (size_t i = 0; i < l->nlines; i++)
		for (uint32_t b = 0; b < l->lines[i].len; b++)
			EXPECT((unsigned char)l->lines[i].text[b] < 0x80,
			       "line %zu not ASCII: %s", i, l->lines[i].text);
	assert_string_equal(l->sections[0].title, "Sisli clinic");
	assert_true(shows(l, "\"Quoted\" text -- with a dash... and cafe in "
			     "Sisli."));
	assert_int_not_equal(line_with(l, "* item"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "  - nested"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "    + deeper"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "| quote"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "????"), SIZE_MAX);
	/* The rule is a full-width line of '-'. */
	size_t rule = SIZE_MAX;
	for (size_t i = 0; i < l->nlines; i++)
		if (l->lines[i].nspans > 0 &&
		    (l->lines[i].spans[0].style & STYLE_RULE))
			rule = i;
	assert_int_not_equal(rule, SIZE_MAX);
	assert_int_equal(l->lines[rule].width, 80);
	assert_int_equal(strspn(l->lines[rule].text, "-"), 80);
	release(l);
}

static void unicode_mode_uses_bullets_bars_and_rules(void **state)
{
	struct layout *l = lay("- item\n\n> quote\n\n---\n", 20);
	assert_int_not_equal(line_with(l, "\xe2\x80\xa2 item"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "\xe2\x94\x82 quote"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "\xe2\x94\x80\xe2\x94\x80"), SIZE_MAX);
	release(l);
}

static void ascii_bullets_change_only_the_bullets(void **state)
{
	/* For consoles whose fonts lack the bullets: the rest stays UTF-8. */
	static const char md[] = "- caf\xc3\xa9\n  - nested\n    - deeper\n\n"
				 "> quote\n";
	struct layout_options o = {.width = 40, .ascii_bullets = true,
				   .skip_entry = -1};
	struct layout *l = lay_opts(md, strlen(md), &o);
	check_layout(l, 40, "ascii bullets");
	assert_int_not_equal(line_with(l, "* caf\xc3\xa9"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "  - nested"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "    + deeper"), SIZE_MAX);
	assert_int_not_equal(line_with(l, "\xe2\x94\x82 quote"), SIZE_MAX);
	release(l);
}

/* ---- (7) raw HTML ---- */

static void raw_html_shows_its_text_and_links_but_not_scripts(void **state)
{
	struct layout *l = lay("<p>Hello <a href=\"x.md\">there</a></p>"
			       "<script>evil()</script>\n", 80);
	check_layout(l, 80, "raw html");
	if (!shows(l, "Hello there")) {
		char *t = all_text(l);
		print_error("layout:\n%s", t);
		release(t);
	}
	assert_true(shows(l, "Hello there"));
	assert_false(shows(l, "evil"));
	assert_int_equal(l->ntargets, 1);
	assert_int_equal(l->targets[0].kind, TARGET_LINK);
	assert_string_equal(l->targets[0].url, "x.md");
	char *t = target_text(l, 0);
	assert_string_equal(t, "there");
	release(t);
	release(l);
}

static void raw_html_keeps_text_after_inline_tags(void **state)
{
	/* Words after a space and a tag must not turn into blanks. */
	struct layout *l = lay("<div>Hello <b>there</b> and <i>you</i></div>\n", 80);
	if (!shows(l, "Hello there and you")) {
		char *t = all_text(l);
		print_error("layout:\n%s", t);
		release(t);
	}
	assert_true(shows(l, "Hello there and you"));
	release(l);
}

static void raw_html_breaks_paragraphs_and_decodes_entities(void **state)
{
	struct layout *l = lay("<div><p>One &amp; two</p><p>Three<br>four</p>"
			       "<style>p { color: red }</style>"
			       "<!-- hidden comment --></div>\n", 80);
	check_layout(l, 80, "html breaks");
	assert_int_not_equal(line_with(l, "One & two"), SIZE_MAX);
	size_t three = line_with(l, "Three");
	assert_int_not_equal(three, SIZE_MAX);
	assert_true(three > line_with(l, "One & two"));
	assert_true(line_with(l, "four") > three);
	assert_false(shows(l, "color"));
	assert_false(shows(l, "hidden comment"));
	assert_false(shows(l, "<"));
	release(l);
}

static void inline_script_content_is_hidden(void **state)
{
	struct layout *l = lay("Text <script>evil()</script> more.\n", 80);
	check_layout(l, 80, "inline script");
	if (shows(l, "evil")) {
		char *t = all_text(l);
		print_error("layout:\n%s", t);
		release(t);
	}
	assert_false(shows(l, "evil"));
	assert_true(shows(l, "Text"));
	assert_true(shows(l, "more."));
	release(l);
}

static void inline_html_link_is_a_target(void **state)
{
	struct layout *l = lay("Go <a href=\"y.md\">over here</a> now.\n", 80);
	check_layout(l, 80, "inline html link");
	assert_int_equal(l->ntargets, 1);
	assert_string_equal(l->targets[0].url, "y.md");
	char *t = target_text(l, 0);
	assert_string_equal(t, "over here");
	release(t);
	release(l);
}


/* ---- (7b) tables ---- */

static const char table_md[] =
	"| Service | Phone | When to call |\n"
	"|---|---|---|\n"
	"| Stem cell clinic | 01234 567 891 | For questions about your "
	"treatment, [any day](https://clinic.example/) |\n"
	"| Night nurse | 0800 111 | After 6pm when the clinic is closed |\n";

static void table_as_grid_or_records_keeps_row_and_targets(void **state)
{
	const struct glossary *g = *state;
	struct layout *wide = lay_gloss(table_md, 100, g);
	struct layout *narrow = lay_gloss(table_md, 30, g);
	check_layout(wide, 100, "table wide");
	check_layout(narrow, 30, "table narrow");
	/* Wide: a grid, one row a line, cells side by side. */
	size_t row = line_with(wide, "Night nurse");
	assert_true(row != SIZE_MAX);
	assert_non_null(strstr(wide->lines[row].text, "0800 111"));
	assert_non_null(strstr(wide->lines[row].text, "After 6pm"));
	/* Narrow: records, each value next to its header. */
	assert_true(line_with(narrow, "Service: Night nurse") != SIZE_MAX);
	assert_true(line_with(narrow, "Phone: 0800 111") != SIZE_MAX);
	/* The term and the link in a cell are Tab targets in both forms. */
	for (int k = 0; k < 2; k++) {
		const struct layout *l = k == 0 ? wide : narrow;
		assert_int_equal(count_kind(l, TARGET_TERM), 1);
		assert_int_equal(count_kind(l, TARGET_LINK), 1);
		for (size_t t = 0; t < l->ntargets; t++) {
			char *tx = target_text(l, t);
			if (l->targets[t].kind == TARGET_TERM)
				assert_string_equal(tx, "Stem cell");
			else
				assert_string_equal(tx, "any day");
			release(tx);
		}
	}
	/* A position on a row survives a re-layout at the other width. */
	const struct line *ln = &wide->lines[row];
	size_t there = layout_find(narrow, ln->block, ln->block_off);
	assert_non_null(strstr(narrow->lines[there].text, "Night nurse"));
	size_t back = layout_find(wide, narrow->lines[there].block,
				  narrow->lines[there].block_off);
	assert_int_equal(back, row);
	release(narrow);
	release(wide);
}

static void table_columns_share_width_fairly(void **state)
{
	/* 60 columns: the long column is narrowed, the short ones keep
	 * their natural width, nothing is cut. */
	struct layout *l = lay(table_md, 60);
	check_layout(l, 60, "table 60");
	size_t i = line_with(l, "01234 567 891");
	assert_true(i != SIZE_MAX);
	assert_non_null(strstr(l->lines[i].text, "Stem cell clinic"));
	assert_true(line_with(l, "closed") != SIZE_MAX);
	assert_true(shows(l, "treatment"));
	release(l);
}

static void a_heading_id_is_its_sections_anchor(void **state)
{
	struct layout *l = lay("Intro.\n\n## Getting ready {#ready}\n\nText "
			       "{.lead}.\n\n## Plain\n\n<h2 id=\"x\">No</h2>\n", 40);
	check_layout(l, 40, "heading ids");
	assert_int_equal(l->nsections, 4);
	assert_string_equal(l->sections[1].title, "Getting ready");
	assert_string_equal(l->sections[1].id, "ready");
	assert_null(l->sections[2].id);
	/* An HTML heading starts a section too, its id the anchor. */
	assert_string_equal(l->sections[3].title, "No");
	assert_string_equal(l->sections[3].id, "x");
	assert_true(line_with(l, "{") == SIZE_MAX);
	assert_true(line_with(l, "Text.") != SIZE_MAX);
	release(l);
}

static void table_with_ragged_rows_and_empty_cells(void **state)
{
	/* Rows with fewer cells than the header, rows with more (GFM drops
	 * them), empty cells, and a table with only its header. */
	static const char md[] =
		"| a | b | c |\n|---|---|---|\n| 1 |\n| | | 3 | 4 |\n\n"
		"| only | header |\n|---|---|\n";
	for (int w = 1; w <= 60; w++) {
		struct layout *l = lay(md, w);
		check_layout(l, w, "ragged table");
		char *sq = squeezed_text(l);
		const char *o = strstr(sq, "only");
		assert_non_null(o);
		assert_non_null(strstr(o, "header"));
		assert_non_null(strstr(sq, "3"));
		release(sq);
		release(l);
	}
}

/* ---- (8) extremes ---- */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* md made of n copies of unit followed by tail (caller frees). */
static char *repeat(const char *unit, size_t n, const char *tail)
{
	size_t ul = strlen(unit), tl = strlen(tail);
	char *s = own(malloc(ul * n + tl + 1), free);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * ul, unit, ul);
	memcpy(s + ul * n, tail, tl + 1);
	return s;
}

static void check_deep(const char *unit, const char *what)
{
	char *md = repeat(unit, 10000, "deep text at the bottom\n");
	cmark_node *doc = own(article_parse_markdown(md, strlen(md)), free_node);
	static const int widths[] = {1, 9, 12, 40, 80};
	for (size_t w = 0; w < N(widths); w++) {
		struct layout_options o = {.width = widths[w], .skip_entry = -1};
		struct layout *l = own(layout_build(doc, &o), free_layout);
		check_layout(l, widths[w], what);
		check_words(l, "deep text at the bottom", widths[w], false, what);
		release(l);
	}
	release(doc);
	release(md);
}

static void ten_thousand_nested_quotes(void **state)
{
	check_deep("> ", "10000 quotes");
}

static void ten_thousand_nested_bullet_lists(void **state)
{
	check_deep("- ", "10000 bullet lists");
}

static void ten_thousand_nested_numbered_lists(void **state)
{
	check_deep("1. ", "10000 numbered lists");
}

static void ten_thousand_nested_quotes_and_lists(void **state)
{
	check_deep("> - ", "10000 quotes and lists");
}

static void ten_thousand_nested_emphasis_and_links(void **state)
{
	char *open = repeat("*[", 10000, "deep text");
	char *md = repeat("](x.md)*", 10000, "\n");
	char *all = own(malloc(strlen(open) + strlen(md) + 1), free);
	assert_non_null(all);
	strcpy(all, open);
	strcat(all, md);
	struct layout *l = lay(all, 40);
	check_layout(l, 40, "nested inlines");
	check_words(l, "deep text", 40, false, "nested inlines");
	release(l);
	release(all);
	release(open);
	release(md);
}

static void a_one_megabyte_paragraph_lays_out(void **state)
{
	const struct glossary *g = *state;
	char *md = repeat("Stem cell therapy uses bone marrow cells. ", 25000, "\n");
	assert_true(strlen(md) > 1000000);
	cmark_node *doc = own(article_parse_markdown(md, strlen(md)), free_node);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	static const int widths[] = {80, 7};
	for (size_t w = 0; w < N(widths); w++) {
		struct layout_options o = {.width = widths[w], .glossary = g,
					   .skip_entry = -1};
		struct layout *l = own(layout_build(doc, &o), free_layout);
		assert_true(l->nlines > 0);
		check_layout(l, widths[w], "1 MB paragraph");
		/* one section: each term marked once */
		assert_int_equal(count_kind(l, TARGET_TERM), 2);
		release(l);
	}
	double s = seconds_since(&t0);
	/* Well under a second normally; quadratic work takes minutes.
	 * Generous for sanitizer builds. */
	/* Speed is measured by `make bench`; here the figure is only shown. */
	print_message("took %.2f s\n", s);
	release(doc);
	release(md);
}

static void a_one_megabyte_paragraph_full_of_emphasis_lays_out(void **state)
{
	/* 180,000 style runs in one paragraph: laying out each line must
	 * not look at every run of the paragraph. */
	char *md = repeat("*word* text ", 90000, "\n");
	cmark_node *doc = own(article_parse_markdown(md, strlen(md)), free_node);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	static const int widths[] = {80, 20};
	for (size_t w = 0; w < N(widths); w++) {
		struct layout_options o = {.width = widths[w], .skip_entry = -1};
		struct layout *l = own(layout_build(doc, &o), free_layout);
		assert_true(l->nlines > 0);
		assert_true(l->lines[0].nspans >= 2);
		assert_true(l->lines[0].spans[0].style & STYLE_ITALIC);
		release(l);
	}
	double s = seconds_since(&t0);
	/* About 0.2 s when linear, minutes when quadratic: shown, not
	 * asserted (speed is measured by `make bench`). */
	print_message("took %.2f s\n", s);
	release(doc);
	release(md);
}

static void a_one_megabyte_word_lays_out(void **state)
{
	char *md = repeat("x", 1 << 20, "\n");
	struct layout *l = lay(md, 80);
	check_layout(l, 80, "1 MB word");
	assert_int_equal(l->nlines, ((1 << 20) + 79) / 80);
	release(l);
	release(md);
}

/* ---- (9) exact lines where a fast path could differ ----
 * layout takes shortcuts for plain ASCII; these pin down the lines next to
 * the characters it must not take them for (combining marks, wide
 * characters, emoji sequences, controls) and terms at the ends of a
 * paragraph. */

/* The lines of l as --render prints them: glossary terms in {}, links in
 * <>, lines joined with '\n' (caller frees). */
static char *marked_text(const struct layout *l)
{
	size_t cap = 1;
	for (size_t i = 0; i < l->nlines; i++)
		cap += l->lines[i].len + 2 * l->lines[i].nspans + 1;
	char *s = own(malloc(cap), free), *o = s;
	assert_non_null(s);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		for (uint32_t k = 0; k < ln->nspans; k++) {
			const struct span *sp = &ln->spans[k];
			bool term = sp->style & STYLE_TERM;
			bool marked = sp->target >= 0 &&
				      (sp->style & (STYLE_TERM | STYLE_LINK));
			if (marked && (k == 0 || ln->spans[k - 1].target != sp->target))
				*o++ = term ? '{' : '<';
			memcpy(o, ln->text + sp->off, sp->len);
			o += sp->len;
			if (marked && (k + 1 == ln->nspans ||
				       ln->spans[k + 1].target != sp->target))
				*o++ = term ? '}' : '>';
		}
		if (i + 1 < l->nlines)
			*o++ = '\n';
	}
	*o = '\0';
	return s;
}

static void expect_lines(const char *md, int width, const struct glossary *g,
			 const char *want)
{
	struct layout *l = lay_gloss(md, width, g);
	check_layout(l, width, md);
	char *got = marked_text(l);
	EXPECT(strcmp(got, want) == 0, "\"%s\" at width %d:\n%s\nexpected:\n%s",
	       md, width, got, want);
	release(got);
	release(l);
}

static void ascii_next_to_combining_marks_wraps_by_grapheme(void **state)
{
	/* e + U+0301 is one column: "abcde\u0301" fits in 5. */
	const char *md = "abcde\xcc\x81 fgh ab\xcc\x81\xcc\x82" "cd efgh\n";
	expect_lines(md, 5, NULL,
		     "abcde\xcc\x81\nfgh\nab\xcc\x81\xcc\x82" "cd\nefgh");
	expect_lines(md, 4, NULL,
		     "abcd\ne\xcc\x81\nfgh\nab\xcc\x81\xcc\x82" "cd\nefgh");
	expect_lines(md, 3, NULL,
		     "abc\nde\xcc\x81\nfgh\nab\xcc\x81\xcc\x82" "c\nd\nefg\nh");
}

static void ascii_runs_end_at_the_margin_or_a_combining_mark(void **state)
{
	/* j + U+0301 at the margin, before it and after it. */
	const char *md = "abcdefghij\xcc\x81klm no\n";
	expect_lines(md, 9, NULL, "abcdefghi\nj\xcc\x81klm no");
	expect_lines(md, 10, NULL, "abcdefghij\xcc\x81\nklm no");
	expect_lines(md, 11, NULL, "abcdefghij\xcc\x81k\nlm no");
	/* Words that end exactly at the margin, or one column before. */
	expect_lines("abc def ghi\n", 3, NULL, "abc\ndef\nghi");
	expect_lines("abc def ghi\n", 4, NULL, "abc\ndef\nghi");
	expect_lines("abc def ghi\n", 7, NULL, "abc def\nghi");
	expect_lines("abc def ghi\n", 8, NULL, "abc def\nghi");
	expect_lines("abc def ghi\n", 11, NULL, "abc def ghi");
}

static void a_paragraph_that_fits_is_not_broken(void **state)
{
	/* Break opportunities are looked up only for paragraphs with a line
	 * too long: the same lines either way. */
	expect_lines("a-b/c\n", 5, NULL, "a-b/c");
	expect_lines("a-b/c\n", 4, NULL, "a-b/\nc");
	expect_lines("a-b/c\n", 3, NULL, "a-\nb/c");
	expect_lines("a-b/c\n", 2, NULL, "a-\nb/\nc");
	/* A hard break: the first line fits, the second does not. */
	expect_lines("short  \nand a longer second line\n", 6, NULL,
		     "short\nand a\nlonger\nsecond\nline");
	expect_lines("short  \nand a longer second line\n", 5, NULL,
		     "short\nand a\nlonge\nr\nsecon\nd\nline");
}

static void ascii_next_to_wide_characters(void **state)
{
	/* 日 and 本 take two columns each and may break on either side. */
	const char *md = "ab\xe6\x97\xa5\xe6\x9c\xac cd\xe8\xaa\x9e" "ef ghij\n";
	expect_lines(md, 4, NULL,
		     "ab\xe6\x97\xa5\n\xe6\x9c\xac\ncd\xe8\xaa\x9e\nef\nghij");
	expect_lines(md, 5, NULL,
		     "ab\xe6\x97\xa5\n\xe6\x9c\xac cd\n\xe8\xaa\x9e" "ef\nghij");
	expect_lines(md, 6, NULL,
		     "ab\xe6\x97\xa5\xe6\x9c\xac\ncd\xe8\xaa\x9e" "ef\nghij");
}

static void ascii_next_to_emoji_sequences(void **state)
{
	/* A ZWJ family is one grapheme of 6 columns (split by code point
	 * where it does not fit); a flag is one of 2. */
	const char *md = "a\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80"
			 "\x8d\xf0\x9f\x91\xa7 b\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"
			 "c d\n";
	expect_lines(md, 6, NULL,
		     "a\n\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80"
		     "\x8d\xf0\x9f\x91\xa7\nb\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"
		     "c d");
	expect_lines(md, 4, NULL,
		     "a\n\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80"
		     "\x8d\n\xf0\x9f\x91\xa7 b\n\xf0\x9f\x87\xaf\xf0\x9f\x87"
		     "\xb5" "c\nd");
}

static void tabs_and_control_characters_in_ascii_text(void **state)
{
	/* A tab is a space; C0, DEL and C1 controls are dropped. */
	expect_lines("x\ty\x01z\x7f w\xc2\x85v\n", 5, NULL, "x yz\nwv");
	expect_lines("x\ty\x01z\x7f w\xc2\x85v\n", 3, NULL, "x\nyz\nwv");
}

static void terms_at_the_ends_of_a_paragraph(void **state)
{
	const struct glossary *g = *state;
	expect_lines("Stem cell\n", 40, g, "{Stem cell}");
	expect_lines("Stem cells grow; see bone marrow\n", 40, g,
		     "{Stem cells} grow; see {bone marrow}");
	expect_lines("stem cell\xcc\x81 and xstem cell, own-cells.\n", 40, g,
		     "stem cell\xcc\x81 and xstem cell, {own-cells}.");
	expect_lines("Bone marrow\xc3\xa9 bone MARROW\n", 40, g,
		     "Bone marrow\xc3\xa9 {bone MARROW}");
	/* A term cut by the margin stays one target over two lines. */
	expect_lines("aaaa stem cell\n", 9, g, "aaaa {stem}\n{cell}");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_width_keeps_lines_in_bounds_and_text_whole),
		cmocka_unit_test(every_width_in_ascii_mode),
		cmocka_unit_test(all_documents_together_at_every_width),
		cmocka_unit_test(prefixes_are_kept_from_width_10),
		cmocka_unit_test(narrow_widths_drop_indentation_rather_than_chop_words),
		cmocka_unit_test(width_zero_is_taken_as_one),
		cmocka_unit_test(empty_document_has_no_lines),
		cmocka_unit_test(paragraphs_are_separated_by_one_blank_line),
		cmocka_unit_test(wraps_at_spaces_greedily),
		cmocka_unit_test(code_block_tabs_expand_to_four_columns),
		cmocka_unit_test(quote_with_a_list_has_one_blank_line_before_the_list),
		cmocka_unit_test(text_before_the_first_heading_is_the_introduction),
		cmocka_unit_test(no_introduction_when_the_article_starts_with_a_heading),
		cmocka_unit_test(a_level_four_heading_first_gives_an_introduction),
		cmocka_unit_test(section_title_is_the_plain_heading_text),
		cmocka_unit_test(section_line_points_at_a_wrapped_heading_first_line),
		cmocka_unit_test(section_of_clamps_past_the_end),
		cmocka_unit_test_setup_teardown(a_term_is_marked_with_its_entry,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(aliases_name_their_entry,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(only_the_first_occurrence_in_a_section_is_marked,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(mark_all_marks_every_occurrence,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(each_section_marks_its_first_occurrence_again,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(the_first_paragraph_of_the_introduction_is_marked,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(terms_are_not_marked_in_headings,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(terms_are_not_marked_in_code,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(terms_are_not_marked_in_link_text_or_image_alt,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(a_term_in_emphasis_keeps_the_emphasis,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(skip_entry_is_not_marked,
						setup_glossary, teardown_glossary),
		cmocka_unit_test(no_glossary_no_terms),
		cmocka_unit_test(a_link_is_a_target_with_its_url),
		cmocka_unit_test(a_wrapped_link_is_one_target_on_two_lines),
		cmocka_unit_test(a_link_with_no_text_is_not_a_target),
		cmocka_unit_test_setup_teardown(targets_are_in_reading_order,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(target_column_counts_display_columns,
						setup_glossary, teardown_glossary),
		cmocka_unit_test_setup_teardown(an_unclosed_html_link_ends_with_its_paragraph,
						setup_glossary, teardown_glossary),
		cmocka_unit_test(position_survives_a_width_change),
		cmocka_unit_test(position_survives_a_width_change_in_code),
		cmocka_unit_test(position_maps_to_the_same_line_at_the_same_width),
		cmocka_unit_test(position_beyond_the_end_is_the_last_line),
		cmocka_unit_test(control_characters_never_reach_a_line),
		cmocka_unit_test(ascii_mode_is_pure_ascii),
		cmocka_unit_test(unicode_mode_uses_bullets_bars_and_rules),
		cmocka_unit_test(ascii_bullets_change_only_the_bullets),
		cmocka_unit_test(raw_html_shows_its_text_and_links_but_not_scripts),
		cmocka_unit_test(raw_html_keeps_text_after_inline_tags),
		cmocka_unit_test(raw_html_breaks_paragraphs_and_decodes_entities),
		cmocka_unit_test(inline_script_content_is_hidden),
		cmocka_unit_test(inline_html_link_is_a_target),
		cmocka_unit_test_setup_teardown(
			table_as_grid_or_records_keeps_row_and_targets,
			setup_glossary, teardown_glossary),
		cmocka_unit_test(table_columns_share_width_fairly),
		cmocka_unit_test(table_with_ragged_rows_and_empty_cells),
		cmocka_unit_test(a_heading_id_is_its_sections_anchor),
		cmocka_unit_test(ten_thousand_nested_quotes),
		cmocka_unit_test(ten_thousand_nested_bullet_lists),
		cmocka_unit_test(ten_thousand_nested_numbered_lists),
		cmocka_unit_test(ten_thousand_nested_quotes_and_lists),
		cmocka_unit_test(ten_thousand_nested_emphasis_and_links),
		cmocka_unit_test_setup_teardown(a_one_megabyte_paragraph_lays_out,
						setup_glossary, teardown_glossary),
		cmocka_unit_test(a_one_megabyte_paragraph_full_of_emphasis_lays_out),
		cmocka_unit_test(a_one_megabyte_word_lays_out),
		cmocka_unit_test(ascii_next_to_combining_marks_wraps_by_grapheme),
		cmocka_unit_test(ascii_runs_end_at_the_margin_or_a_combining_mark),
		cmocka_unit_test(ascii_next_to_wide_characters),
		cmocka_unit_test(a_paragraph_that_fits_is_not_broken),
		cmocka_unit_test(ascii_next_to_emoji_sequences),
		cmocka_unit_test(tabs_and_control_characters_in_ascii_text),
		cmocka_unit_test_setup_teardown(terms_at_the_ends_of_a_paragraph,
						setup_glossary, teardown_glossary),
	};
	/* TEST_FILTER=pattern runs only the matching tests. */
	if (getenv("TEST_FILTER") != NULL)
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, release_all);
}
