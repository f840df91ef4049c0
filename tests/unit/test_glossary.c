/*
 * Tests for glossary.c: parsing the glossary file and finding its terms
 * in article text.
 *
 * Most match tests read as data: match_str() turns the matches into
 * "matched text=Term" items joined by "; ", so an expectation is a line a
 * reviewer can check by eye.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "glossary.h"
#include "xmem.h"

/* The glossary most tests use; entries 0..7 in this order. */
static const char stem_cells_md[] =
	"# Glossary\n"                                          /*  1 */
	"\n"
	"Words the kiosk explains.  Text up here is ignored.\n"
	"\n"
	"## Autologous\n"                                       /*  5 */
	"Also: autologous cells, own-cell\n"
	"\n"
	"Cells that come from **your own body**. Compare with allogeneic.\n"
	"\n"
	"## Mesenchymal stem cell\n"                            /* 10 */
	"Also: MSC, mesenchymal stromal cell\n"
	"\n"
	"A cell from bone marrow or fat that can become bone or cartilage.\n"
	"\n"
	"## Stem cell\n"                                        /* 15 */
	"\n"
	"A cell that can become other kinds of cell.\n"
	"\n"
	"## Paracrine signalling\n"
	"Also: paracrine signaling\n"                           /* 20 */
	"\n"
	"Cells talking to nearby cells by releasing substances.\n"
	"\n"
	"## Therapy\n"
	"\n"                                                    /* 25 */
	"A treatment.\n"
	"\n"
	"## Process\n"
	"\n"
	"A series of steps.\n"                                  /* 30 */
	"\n"
	"## \xc3\x9c" "ber\n"
	"\n"
	"German for \"about\"; here to test letters outside ASCII.\n"
	"\n"                                                    /* 35 */
	"## \xc3\x84rzte\n"
	"\n"
	"German for \"doctors\".\n";

struct fixture {
	struct glossary *g;
	struct diag_list diags;
};

static struct glossary *parse_len(struct diag_list *d, const char *text,
				  size_t len)
{
	return glossary_parse("glossary.md", text, len, d);
}

static struct glossary *parse(struct diag_list *d, const char *text)
{
	return parse_len(d, text, strlen(text));
}

static int setup_stem_cells(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	f->g = parse(&f->diags, stem_cells_md);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	glossary_free(f->g);
	diag_list_clear(&f->diags);
	free(f);
	return 0;
}

/* The matches in text[0..len) as "text=Term; text=Term"; caller frees. */
static char *match_str_len(const struct glossary *g, const char *text,
			   size_t len)
{
	struct glossary_match *m = NULL;
	size_t cap = 0;
	size_t n = glossary_match(g, text, len, &m, &cap);
	char *s = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		assert_true(m[i].start < m[i].end && m[i].end <= len);
		assert_true(i == 0 || m[i - 1].end <= m[i].start);
		const struct glossary_entry *e = glossary_entry_at(g,
								   m[i].entry);
		assert_non_null(e);
		char *t = xasprintf("%s%s%.*s=%s", s, i > 0 ? "; " : "",
				    (int)(m[i].end - m[i].start),
				    text + m[i].start, e->term);
		free(s);
		s = t;
	}
	free(m);
	return s;
}

static void assert_matches_len(const struct glossary *g, const char *text,
			       size_t len, const char *want)
{
	char *got = match_str_len(g, text, len);
	assert_string_equal(got, want);
	free(got);
}

static void assert_matches(const struct glossary *g, const char *text,
			   const char *want)
{
	assert_matches_len(g, text, strlen(text), want);
}

/* Whether some diagnostic has this level, line and message part. */
static int has_diag(const struct diag_list *d, enum diag_level level,
		    int line, const char *part)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].level == level && d->items[i].line == line &&
		    strstr(d->items[i].message, part) != NULL)
			return 1;
	return 0;
}

/* --- Parsing --- */

static void parse_entries_aliases_and_definitions(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(f->diags.n, 0);
	assert_int_equal(glossary_count(f->g), 8);

	const struct glossary_entry *e = glossary_entry_at(f->g, 0);
	assert_string_equal(e->term, "Autologous");
	assert_int_equal(e->line, 5);
	assert_int_equal(e->naliases, 2);
	assert_string_equal(e->aliases[0], "autologous cells");
	assert_string_equal(e->aliases[1], "own-cell");
	assert_string_equal(e->definition, "Cells that come from **your own "
					   "body**. Compare with allogeneic.");

	e = glossary_entry_at(f->g, 2);
	assert_string_equal(e->term, "Stem cell");
	assert_int_equal(e->line, 15);
	assert_int_equal(e->naliases, 0);
	assert_string_equal(e->definition,
			    "A cell that can become other kinds of cell.");

	assert_string_equal(glossary_entry_at(f->g, 7)->term,
			    "\xc3\x84rzte");
	assert_null(glossary_entry_at(f->g, 8));
}

static void parse_heading_decorations(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## **Bold term**\nA.\n"
				       "## _Under_ ##\nB.\n"
				       "##   Closed   ###   \nC.\n"
				       "## C#\nD.\n"
				       "   ## *_Both_*\nE.\n"
				       "##\tTabbed\nF.\n");
	assert_int_equal(d.n, 0);
	assert_int_equal(glossary_count(g), 6);
	assert_string_equal(glossary_entry_at(g, 0)->term, "Bold term");
	assert_string_equal(glossary_entry_at(g, 1)->term, "Under");
	assert_string_equal(glossary_entry_at(g, 2)->term, "Closed");
	assert_string_equal(glossary_entry_at(g, 3)->term, "C#");
	assert_string_equal(glossary_entry_at(g, 4)->term, "Both");
	assert_string_equal(glossary_entry_at(g, 5)->term, "Tabbed");
	assert_int_equal(glossary_lookup(g, "bold term"), 0);
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_definition_markdown_kept(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Graft\r\n"
				       "\r\n"
				       "First paragraph.\r\n"
				       "\r\n"
				       "### Not an entry\r\n"
				       "- a list\r\n"
				       "Also: not aliases here.\r\n"
				       "\r\n"
				       "\r\n"
				       "#not a heading either\r\n"
				       "\r\n");
	assert_int_equal(d.n, 0);
	assert_int_equal(glossary_count(g), 1);
	const struct glossary_entry *e = glossary_entry_at(g, 0);
	assert_string_equal(e->term, "Graft");
	assert_int_equal(e->naliases, 0);
	assert_string_equal(e->definition, "First paragraph.\n"
					   "\n"
					   "### Not an entry\n"
					   "- a list\n"
					   "Also: not aliases here.\n"
					   "\n"
					   "\n"
					   "#not a heading either");
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_also_after_blank_lines(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Bone marrow\n\n\n"
				       "also:  marrow ,**BM**,, \n"
				       "\n"
				       "Soft tissue.");
	assert_int_equal(d.n, 0);
	const struct glossary_entry *e = glossary_entry_at(g, 0);
	assert_int_equal(e->naliases, 2);
	assert_string_equal(e->aliases[0], "marrow");
	assert_string_equal(e->aliases[1], "BM");
	assert_string_equal(e->definition, "Soft tissue.");
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_empty_definition_is_an_error(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Alpha\n"
				       "\n"
				       "## Beta\n"
				       "Beta is defined.\n"
				       "## Gamma\n"
				       "Also: gamma ray\n"
				       "   \n");
	assert_int_equal(glossary_count(g), 1);
	assert_string_equal(glossary_entry_at(g, 0)->term, "Beta");
	assert_int_equal(diag_count(&d, DIAG_ERROR), 2);
	assert_true(has_diag(&d, DIAG_ERROR, 1, "\"Alpha\" has no definition"));
	assert_true(has_diag(&d, DIAG_ERROR, 5, "\"Gamma\" has no definition"));
	assert_string_equal(d.items[0].path, "glossary.md");
	/* Left-out entries are not found either. */
	assert_int_equal(glossary_lookup(g, "gamma ray"), -1);
	assert_matches(g, "alpha, beta, gamma", "beta=Beta");
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_duplicate_term_names_first_line(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Cell\n"
				       "The smallest unit of life.\n"
				       "\n"
				       "## Stem cell\n"
				       "A cell that can become others.\n"
				       "\n"
				       "## CELL\n"
				       "Another definition.\n");
	assert_int_equal(glossary_count(g), 2);
	assert_int_equal(d.n, 1);
	assert_true(has_diag(&d, DIAG_ERROR, 7,
			     "\"CELL\" is already defined on line 1"));
	char *s = diag_format(&d.items[0]);
	assert_string_equal(s, "glossary.md:7: error: \"CELL\" is already "
			       "defined on line 1");
	free(s);
	assert_string_equal(glossary_entry_at(g, 0)->definition,
			    "The smallest unit of life.");
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_duplicate_alias_left_out(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## MSC\n"
				       "Also: mesenchymal stromal cell\n"
				       "A cell.\n"
				       "## Stromal cell\n"
				       "Also: Mesenchymal Stromal Cell, "
				       "stroma, stromal cell\n"
				       "Support tissue.\n");
	assert_int_equal(glossary_count(g), 2);
	assert_int_equal(diag_count(&d, DIAG_ERROR), 2);
	assert_true(has_diag(&d, DIAG_ERROR, 5,
			     "\"Mesenchymal Stromal Cell\" is already defined "
			     "on line 2"));
	assert_true(has_diag(&d, DIAG_ERROR, 5,
			     "\"stromal cell\" is already defined on line 4"));
	const struct glossary_entry *e = glossary_entry_at(g, 1);
	assert_int_equal(e->naliases, 1);
	assert_string_equal(e->aliases[0], "stroma");
	assert_int_equal(glossary_lookup(g, "mesenchymal stromal cell"), 0);
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_empty_also_is_a_warning(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Dose\nAlso:\nHow much.\n"
				       "## Vial\nAlso: , ,\nA bottle.\n");
	assert_int_equal(glossary_count(g), 2);
	assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
	assert_int_equal(diag_count(&d, DIAG_WARNING), 2);
	assert_true(has_diag(&d, DIAG_WARNING, 2, "no aliases"));
	assert_true(has_diag(&d, DIAG_WARNING, 5, "no aliases"));
	assert_int_equal(glossary_entry_at(g, 0)->naliases, 0);
	assert_string_equal(glossary_entry_at(g, 0)->definition, "How much.");
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_heading_without_term(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "##\nOrphan text.\n## ** **\nMore.\n"
				       "## Real\nText.\n");
	assert_int_equal(glossary_count(g), 1);
	assert_true(has_diag(&d, DIAG_ERROR, 1, "without a term"));
	assert_true(has_diag(&d, DIAG_ERROR, 3, "without a term"));
	glossary_free(g);
	diag_list_clear(&d);
}

static void parse_empty_glossary(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary_match *m = NULL;
	size_t cap = 0;

	struct glossary *g = parse_len(&d, NULL, 0);
	assert_int_equal(glossary_count(g), 0);
	assert_int_equal(glossary_lookup(g, "anything"), -1);
	assert_int_equal(glossary_match(g, "anything", 8, &m, &cap), 0);
	glossary_free(g);

	g = parse(&d, "# Glossary\n\nNothing here yet.\n");
	assert_int_equal(glossary_count(g), 0);
	assert_int_equal(glossary_match(g, "Nothing here yet", 16, &m, &cap),
			 0);
	glossary_free(g);
	assert_int_equal(d.n, 0);
	assert_null(m);
	glossary_free(NULL);
}

static void parse_nul_and_invalid_utf8_do_not_crash(void **state)
{
	(void)state;
	static const char text[] = "## Ce\0ll\nDef\0inition.\n"
				   "## Caf\xe9\nLatin-1, not UTF-8.\n"
				   "## \xff\xfe\nJunk.\n"
				   "## Cut\nEnds in half a character \xe2\x82";
	struct diag_list d = {0};
	struct glossary *g = parse_len(&d, text, sizeof text - 1);
	assert_int_equal(glossary_count(g), 4);
	assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
	assert_true(has_diag(&d, DIAG_WARNING, 1, "NUL"));
	assert_string_equal(glossary_entry_at(g, 0)->term,
			    "Ce\xef\xbf\xbdll");
	assert_string_equal(glossary_entry_at(g, 0)->definition,
			    "Def\xef\xbf\xbdinition.");
	assert_string_equal(glossary_entry_at(g, 3)->definition,
			    "Ends in half a character \xe2\x82");
	/* Invalid bytes match themselves and are not letters. */
	assert_matches(g, "caf\xe9 CAF\xe9. cafe", "caf\xe9=Caf\xe9; "
						    "CAF\xe9=Caf\xe9");
	assert_matches(g, "\xff\xfe\xff\xfe",
		       "\xff\xfe=\xff\xfe; \xff\xfe=\xff\xfe");
	glossary_free(g);
	diag_list_clear(&d);
}

/* --- Matching --- */

static void match_longest_alias_wins(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g, "Autologous cells were used.",
		       "Autologous cells=Autologous");
	assert_matches(f->g, "An autologous graft.", "autologous=Autologous");
	assert_matches(f->g, "Their own-cell graft.", "own-cell=Autologous");
}

static void match_is_case_insensitive(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g, "AUTOLOGOUS or aUtOlOgOuS",
		       "AUTOLOGOUS=Autologous; aUtOlOgOuS=Autologous");
	assert_matches(f->g, "STEM CELL", "STEM CELL=Stem cell");
}

static void match_plurals(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g, "Many mesenchymal stem cells.",
		       "mesenchymal stem cells=Mesenchymal stem cell");
	assert_matches(f->g, "MSCs and one MSC.",
		       "MSCs=Mesenchymal stem cell; MSC=Mesenchymal stem cell");
	assert_matches(f->g, "Two therapies, three processes.",
		       "therapies=Therapy; processes=Process");
	/* Only the last word takes the plural. */
	assert_matches(f->g, "stems cell", "");
}

static void match_plural_spelling_rules(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Rash\n.\n## Patch\n.\n## Fax\n.\n"
				       "## Day\n.\n## Buzz\n.\n## Bath\n.\n"
				       "## COVID-19\n.\n");
	assert_matches(g, "rashes, patches, faxes, days, buzzes, baths",
		       "rashes=Rash; patches=Patch; faxes=Fax; days=Day; "
		       "buzzes=Buzz; baths=Bath");
	assert_matches(g, "rashs, patchs, faxs, daies, buzzs, bathes", "");
	/* Plurals are made only for words ending in a letter. */
	assert_int_equal(glossary_lookup(g, "covid-19s"), -1);
	glossary_free(g);
	diag_list_clear(&d);
}

static void match_alias_spelling(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g, "It works by paracrine signaling.",
		       "paracrine signaling=Paracrine signalling");
	assert_matches(f->g, "Paracrine signalling helps.",
		       "Paracrine signalling=Paracrine signalling");
}

static void match_word_boundaries(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g, "autologousness preautologous autologous2 "
			     "2autologous therapy_x",
		       "therapy=Therapy");
	assert_matches(f->g, "A stem cell. (Stem cell) \"stem cells\"",
		       "stem cell=Stem cell; Stem cell=Stem cell; "
		       "stem cells=Stem cell");
	assert_matches(f->g, "therapy,therapy;therapy",
		       "therapy=Therapy; therapy=Therapy; therapy=Therapy");
	/* A hyphen is not a space. */
	assert_matches(f->g, "stem-cell", "");
	/* A combining mark continues the word. */
	assert_matches(f->g, "therapy\xcc\x81", "");
}

static void match_longest_then_leftmost(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g, "A mesenchymal stem cell is a stem cell.",
		       "mesenchymal stem cell=Mesenchymal stem cell; "
		       "stem cell=Stem cell");
}

static void match_leftmost_beats_longer_later(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## a b\n.\n## b c d\n.\n"
				       "## b c\n.\n## c\n.\n## d e\n.\n");
	assert_int_equal(d.n, 0);
	assert_matches(g, "a b c d e", "a b=a b; c=c; d e=d e");
	assert_matches(g, "x b c d e", "b c d=b c d");
	assert_matches(g, "b c dx", "b c=b c");
	glossary_free(g);
}

static void match_term_inside_unfinished_longer_ones(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## bone marrow stem cell donor\n.\n"
				       "## marrow stem cell donor\n.\n"
				       "## stem cell\n.\n");
	assert_matches(g, "bone marrow stem cell.", "stem cell=stem cell");
	assert_matches(g, "Bone marrow stem cell donors",
		       "Bone marrow stem cell donors=bone marrow stem cell "
		       "donor");
	glossary_free(g);
}

static void match_non_ascii(void **state)
{
	struct fixture *f = *state;
	assert_matches(f->g,
		       "\xc3\x9c" "BER, \xc3\xbc" "ber, \xc3\x9c" "berall",
		       "\xc3\x9c" "BER=\xc3\x9c" "ber; "
		       "\xc3\xbc" "ber=\xc3\x9c" "ber");
	assert_matches(f->g, "Die \xc3\x84RZTE und \xc3\xa4rzte.",
		       "\xc3\x84RZTE=\xc3\x84rzte; \xc3\xa4rzte=\xc3\x84rzte");
	/* Letters outside ASCII are word characters. */
	assert_matches(f->g, "\xc3\xa9therapy therapy\xc3\xa9", "");
}

static void match_scripts_without_spaces(void **state)
{
	(void)state;
	struct diag_list d = {0};
	/* "stem cell" in Japanese and Chinese, "cell" in Thai, and MSC */
	struct glossary *g = parse(&d, "## \xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e\n.\n"
				       "## \xe0\xb9\x80\xe0\xb8\x8b\xe0\xb8\xa5\xe0\xb8\xa5\xe0\xb9\x8c\n.\n"
				       "## MSC\n.\n");
	assert_int_equal(d.n, 0);
	/* "kore wa kansaibou desu": the term between kana, no spaces */
	assert_matches(g, "\xe3\x81\x93\xe3\x82\x8c\xe3\x81\xaf"
			  "\xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e"
			  "\xe3\x81\xa7\xe3\x81\x99",
		       "\xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e="
		       "\xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e");
	/* Latin next to Han: both are words of their own */
	assert_matches(g, "MSC\xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e",
		       "MSC=MSC; \xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e="
		       "\xe5\xb9\xb9\xe7\xb4\xb0\xe8\x83\x9e");
	/* Thai: "the cell is small" written without spaces */
	assert_matches(g, "\xe0\xb9\x80\xe0\xb8\x8b\xe0\xb8\xa5\xe0\xb8\xa5"
			  "\xe0\xb9\x8c\xe0\xb9\x80\xe0\xb8\xa5\xe0\xb9\x87\xe0\xb8\x81",
		       "\xe0\xb9\x80\xe0\xb8\x8b\xe0\xb8\xa5\xe0\xb8\xa5\xe0\xb9\x8c="
		       "\xe0\xb9\x80\xe0\xb8\x8b\xe0\xb8\xa5\xe0\xb8\xa5\xe0\xb9\x8c");
	/* Latin words keep their boundaries */
	assert_matches(g, "MSCs xMSC MSCx", "MSCs=MSC");
	glossary_free(g);
}

static void match_after_words_that_begin_like_a_term(void **state)
{
	/* The matcher passes over the inside of a word without following
	 * the automaton when no match is under way; a term that starts
	 * right after such a word, or inside a longer term, is still found. */
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## stem cell\n.\n## cell\n.\n"
				       "## \xc3\xa9" "cole\n.\n## a b\n.\n");
	assert_int_equal(d.n, 0);
	assert_matches(g, "xstem cell", "cell=cell");
	assert_matches(g, "stemmed stem cells", "stem cells=stem cell");
	assert_matches(g, "stemcell cellstem stem-cell", "cell=cell");
	assert_matches(g, "Stem Cell", "Stem Cell=stem cell");
	assert_matches(g, "cell", "cell=cell");
	assert_matches(g, "\xc3\xa9" "cole x\xc3\xa9" "cole "
			  "\xc3\x89" "COLE\xc3\xa9 \xc3\x89" "COLE",
		       "\xc3\xa9" "cole=\xc3\xa9" "cole; "
		       "\xc3\x89" "COLE=\xc3\xa9" "cole");
	/* Inside a word made of letters outside ASCII. */
	assert_matches(g, "\xc3\xa9\xc3\xa9" "cell \xc3\xa9 cell",
		       "cell=cell");
	assert_matches(g, "ba b aa b, a b", "a b=a b");
	glossary_free(g);
}

static void match_invalid_utf8_and_nul(void **state)
{
	struct fixture *f = *state;
	static const char nul[] = "stem\0cell stem cell";
	assert_matches_len(f->g, nul, sizeof nul - 1, "stem cell=Stem cell");
	assert_matches(f->g, "therapy\xff \xfftherapy",
		       "therapy=Therapy; therapy=Therapy");
	assert_matches(f->g, "ther\xff" "apy thera\xc3py ther\xc0\xaf" "apy",
		       "");
	assert_matches(f->g, "\x80\x80 \xed\xa0\x80 therapy \xe2\x82",
		       "therapy=Therapy");
	/* A text cut in the middle of a character. */
	static const char cut[] = "\xc3\x9c" "ber \xc3";
	assert_matches_len(f->g, cut, sizeof cut - 1,
			   "\xc3\x9c" "ber=\xc3\x9c" "ber");
	assert_matches_len(f->g, cut, 1, "");
}

static void match_reuses_output_array(void **state)
{
	struct fixture *f = *state;
	struct glossary_match *m = NULL;
	size_t cap = 0;
	char text[2000] = "";
	for (int i = 0; i < 100; i++)
		strcat(text, "therapy, ");
	assert_int_equal(glossary_match(f->g, text, strlen(text), &m, &cap),
			 100);
	assert_true(cap >= 100);
	assert_int_equal(m[99].start, 99 * 9);
	assert_int_equal(m[99].end, 99 * 9 + 7);
	assert_int_equal(m[99].entry, 4);
	size_t old = cap;
	assert_int_equal(glossary_match(f->g, "one process", 11, &m, &cap), 1);
	assert_int_equal(cap, old);
	assert_int_equal(m[0].start, 4);
	assert_int_equal(m[0].entry, 5);
	assert_int_equal(glossary_match(f->g, "", 0, &m, &cap), 0);
	free(m);
}

static void explicit_term_beats_generated_plural(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = parse(&d, "## Cell\nOne.\n## Cells\nA band.\n"
				       "## Dress\nAlso: dresses\nClothes.\n");
	assert_int_equal(d.n, 0);
	assert_int_equal(glossary_lookup(g, "cells"), 1);
	assert_int_equal(glossary_lookup(g, "dresses"), 2);
	assert_matches(g, "cell, cells", "cell=Cell; cells=Cells");
	glossary_free(g);
}

static void lookup_terms_aliases_plurals(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(glossary_lookup(f->g, "Autologous"), 0);
	assert_int_equal(glossary_lookup(f->g, "AUTOLOGOUS CELLS"), 0);
	assert_int_equal(glossary_lookup(f->g, "own-cell"), 0);
	assert_int_equal(glossary_lookup(f->g, "MSCs"), 1);
	assert_int_equal(glossary_lookup(f->g, "mesenchymal stromal cells"), 1);
	assert_int_equal(glossary_lookup(f->g, "stem cells"), 2);
	assert_int_equal(glossary_lookup(f->g, "therapies"), 4);
	assert_int_equal(glossary_lookup(f->g, "PROCESSES"), 5);
	assert_int_equal(glossary_lookup(f->g, "\xc3\xbc" "ber"), 6);
	assert_int_equal(glossary_lookup(f->g, "cell"), -1);
	assert_int_equal(glossary_lookup(f->g, "stem"), -1);
	assert_int_equal(glossary_lookup(f->g, "therapys"), -1);
	assert_int_equal(glossary_lookup(f->g, ""), -1);
	assert_int_equal(glossary_lookup(f->g, NULL), -1);
}

/* --- Against a naive matcher --- */

/* Patterns over a, b, é and separators; no 's', so no plural shows up. */
static const char *const small_terms[] = {
	"a", "b a", "a b a", "ab", "b-a", "\xc3\xa9 a", "a\xc3\xa9", "b b b b",
	"b",
};
#define NSMALL (sizeof small_terms / sizeof small_terms[0])

static int small_is_word(unsigned char c)
{
	return c == 'a' || c == 'b' || c >= 0x80;
}

/* Leftmost-longest on word boundaries, by trying every pattern at every
 * position; text is lower case but for 'A' and 'É' (same lengths). */
static size_t naive_match(const char *text, size_t len,
			  struct glossary_match *out)
{
	char low[128];
	for (size_t i = 0; i < len; i++)
		low[i] = text[i] == 'A' ? 'a'
			 : (unsigned char)text[i] == 0x89 ? (char)0xa9
							  : text[i];
	size_t n = 0, cur = 0;
	for (size_t pos = 0; pos < len; pos++) {
		if (pos < cur || ((unsigned char)low[pos] & 0xc0) == 0x80 ||
		    (pos > 0 && small_is_word((unsigned char)low[pos - 1])))
			continue;
		size_t best = 0, entry = 0;
		for (size_t t = 0; t < NSMALL; t++) {
			size_t tl = strlen(small_terms[t]);
			if (tl > best && pos + tl <= len &&
			    memcmp(low + pos, small_terms[t], tl) == 0 &&
			    (pos + tl == len ||
			     !small_is_word((unsigned char)low[pos + tl]))) {
				best = tl;
				entry = t;
			}
		}
		if (best > 0) {
			out[n++] = (struct glossary_match){pos, pos + best,
							   entry};
			cur = pos + best;
		}
	}
	return n;
}

/* glossary_match (the forward scan, on this glossary) gives what the
 * linear matcher gave. */
static void check_same_as_linear(const struct glossary *g, const char *text,
				 size_t len, const struct glossary_match *lin,
				 size_t nlin)
{
	struct glossary_match *m = NULL;
	size_t cap = 0;
	size_t n = glossary_match(g, text, len, &m, &cap);
	bool same = n == nlin;
	for (size_t i = 0; same && i < n; i++)
		same = m[i].start == lin[i].start && m[i].end == lin[i].end &&
		       m[i].entry == lin[i].entry;
	free(m);
	if (!same)
		fail_msg("\"%.*s\": the two matchers differ", (int)len, text);
}

static void match_agrees_with_naive_matcher(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "b", "A", " ", " ", "-", "\xc3\xa9", "\xc3\x89", ".",
	};
	struct diag_list d = {0};
	char *md = xstrdup("");
	for (size_t t = 0; t < NSMALL; t++) {
		char *s = xasprintf("%s## %s\nDef.\n", md, small_terms[t]);
		free(md);
		md = s;
	}
	struct glossary *g = parse(&d, md);
	free(md);
	assert_int_equal(d.n, 0);
	assert_int_equal(glossary_count(g), NSMALL);

	struct glossary_match *got = NULL, want[64];
	size_t cap = 0;
	uint32_t seed = 12345;
	for (int round = 0; round < 20000; round++) {
		char text[128];
		size_t len = 0;
		seed = seed * 1103515245u + 12345u;
		size_t npieces = (seed >> 16) % 40;
		for (size_t i = 0; i < npieces; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % 9];
			memcpy(text + len, p, strlen(p));
			len += strlen(p);
		}
		size_t n = glossary_match_linear(g, text, len, &got, &cap);
		size_t wn = naive_match(text, len, want);
		check_same_as_linear(g, text, len, got, n);
		if (n != wn)
			fail_msg("round %d: \"%.*s\": %zu matches, want %zu",
				 round, (int)len, text, n, wn);
		for (size_t i = 0; i < n; i++)
			if (got[i].start != want[i].start ||
			    got[i].end != want[i].end ||
			    got[i].entry != want[i].entry)
				fail_msg("round %d: \"%.*s\": match %zu is "
					 "[%zu,%zu) %zu, want [%zu,%zu) %zu",
					 round, (int)len, text, i, got[i].start,
					 got[i].end, got[i].entry,
					 want[i].start, want[i].end,
					 want[i].entry);
	}
	free(got);
	glossary_free(g);
}

/* --- Size --- */

#define BIG_TERMS 50000

/* Term i: "xw" and four letters; odd i get a second word "yv" and the same
 * four letters. */
static int big_term(char *buf, size_t i)
{
	char code[5];
	size_t v = i;
	for (int k = 3; k >= 0; k--) {
		code[k] = (char)('a' + v % 26);
		v /= 26;
	}
	code[4] = '\0';
	if (i % 2 == 0)
		return sprintf(buf, "xw%s", code);
	return sprintf(buf, "xw%s yv%s", code, code);
}

static void match_50000_terms_in_1mb(void **state)
{
	(void)state;
	size_t mdcap = BIG_TERMS * 40, mdlen = 0;
	char *md = xmalloc(mdcap);
	char term[32];
	for (size_t i = 0; i < BIG_TERMS; i++) {
		big_term(term, i);
		mdlen += (size_t)sprintf(md + mdlen, "## %s\nAbout %zu.\n\n",
					 term, i);
	}
	struct diag_list d = {0};
	struct glossary *g = parse_len(&d, md, mdlen);
	free(md);
	assert_int_equal(d.n, 0);
	assert_int_equal(glossary_count(g), BIG_TERMS);

	/* About 1 MB of terms (some capitalised, some plural) and filler. */
	size_t tcap = (1u << 20) + 64, tlen = 0, nwant = 0;
	char *text = xmalloc(tcap);
	size_t *want = xmalloc(tcap / 4 * sizeof *want);
	for (size_t j = 0; tlen < (1u << 20); j++) {
		size_t i = j * 7919 % BIG_TERMS;
		int n = big_term(text + tlen, i);
		if (j % 3 == 0)
			text[tlen] = 'X';
		tlen += (size_t)n;
		if (j % 5 == 0 && text[tlen - 1] < 'h')
			text[tlen++] = 's';
		want[nwant++] = i;
		const char *filler = j % 4 == 0 ? ", and the xwab " : " ";
		memcpy(text + tlen, filler, strlen(filler));
		tlen += strlen(filler);
	}

	struct glossary_match *m = NULL;
	size_t cap = 0;
	size_t n = glossary_match(g, text, tlen, &m, &cap);
	assert_int_equal(n, nwant);
	for (size_t k = 0; k < n; k++)
		if (m[k].entry != want[k])
			fail_msg("match %zu is entry %zu, want %zu", k,
				 m[k].entry, want[k]);
	assert_int_equal(glossary_lookup(g, "XWACDC"),
			 26 * 26 * 2 + 26 * 3 + 2);
	assert_int_equal(glossary_lookup(g, "xwaaab yvaaabs"), 1);
	free(m);
	free(want);
	free(text);
	glossary_free(g);
}


/* --- Nested terms (issue 13) --- */

/* 2,300 terms "zz", "zz zz", "zz zz zz", ...: the old matcher walked the
 * whole chain of them at every word boundary (13.9 s to lay out 8 MB).
 * The work must stay linear in the text: a few automaton steps per byte,
 * however many terms end at each place. */
#define NESTED 2300

static void match_nested_terms_in_linear_work(void **state)
{
	(void)state;
	size_t mdcap = (size_t)NESTED * (NESTED * 3 + 24), mdlen = 0;
	char *md = xmalloc(mdcap);
	for (size_t i = 1; i <= NESTED; i++) {
		mdlen += (size_t)sprintf(md + mdlen, "## zz");
		for (size_t j = 1; j < i; j++)
			mdlen += (size_t)sprintf(md + mdlen, " zz");
		mdlen += (size_t)sprintf(md + mdlen, "\nTerm %zu.\n\n", i);
	}
	struct diag_list d = {0};
	struct glossary *g = parse_len(&d, md, mdlen);
	free(md);
	assert_int_equal(glossary_count(g), NESTED);

	/* 100,000 words: leftmost-longest takes the longest term again and
	 * again, then what is left. */
	size_t words = 100000, len = words * 3 - 1;
	char *text = xmalloc(len + 1);
	for (size_t w = 0; w < words; w++)
		memcpy(text + w * 3, w + 1 < words ? "zz " : "zz", w + 1 < words ? 3 : 2);
	struct glossary_match *m = NULL;
	size_t cap = 0;
	unsigned long long before = glossary_match_steps();
	size_t n = glossary_match(g, text, len, &m, &cap);
	unsigned long long steps = glossary_match_steps() - before;
	size_t full = words / NESTED, rest = words % NESTED;
	assert_int_equal(n, full + (rest > 0));
	assert_int_equal(m[0].start, 0);
	assert_int_equal(m[0].end, NESTED * 3 - 1);
	assert_int_equal(m[0].entry, NESTED - 1);
	if (rest > 0)
		assert_int_equal(m[n - 1].entry, rest - 1);
	if (steps > 8ull * len)
		fail_msg("%llu automaton steps for %zu bytes: not linear", steps,
			 len);
	/* The same text with one term costs about as much. */
	struct glossary *one = parse(&d, "## zz\nOne.\n");
	before = glossary_match_steps();
	assert_int_equal(glossary_match(one, text, len, &m, &cap), words);
	unsigned long long base = glossary_match_steps() - before;
	if (steps > 4 * base + 1000)
		fail_msg("%llu steps with %d nested terms, %llu with one", steps,
			 NESTED, base);
	free(m);
	free(text);
	glossary_free(one);
	glossary_free(g);
	diag_list_clear(&d);
}

/* Turkish content: I/ı and İ/i are pairs, and a suffix may follow a
 * term's last word; English keeps I/i and takes no suffixes. */
static const char turkish_md[] =
	"## Işık\n"
	"Görmemizi sağlayan şey.\n"
	"\n"
	"## Kök hücre\n"
	"Başka hücrelere dönüşebilen hücre.\n"
	"\n"
	"## Kemik iliği\n"
	"Kemiklerin içindeki yumuşak doku.\n"
	"\n"
	"## İlaç\n"
	"Tedavi için kullanılan madde.\n"
	"\n"
	"## Kan\n"
	"Damarlarda dolaşan sıvı.\n";

static void turkish_case_and_suffixes(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct glossary *g = glossary_parse_lang("tr.md", turkish_md,
						 strlen(turkish_md), "tr", &d);
	assert_int_equal(d.n, 0);
	assert_matches(g, "ışık ve IŞIK ve Işık",
		       "ışık=Işık; IŞIK=Işık; Işık=Işık");
	/* I is not the capital of i in Turkish. */
	assert_matches(g, "işik", "");
	assert_matches(g, "ilaç İLAÇ", "ilaç=İlaç; İLAÇ=İlaç");
	assert_matches(g, "Kök hücreler ve KÖK HÜCRELERİ",
		       "Kök hücreler=Kök hücre; KÖK HÜCRELERİ=Kök hücre");
	assert_matches(g, "kemik iliğinde", "kemik iliğinde=Kemik iliği");
	/* A short last word takes no suffix: "kan" is not in "kanser". */
	assert_matches(g, "kan ve kanser", "kan=Kan");
	/* A suffix continues a word; it does not start one. */
	assert_matches(g, "çokkök hücre", "");
	assert_int_equal(glossary_lookup(g, "IŞIK"), 0);
	glossary_free(g);

	g = glossary_parse_lang("en.md", turkish_md, strlen(turkish_md), "en",
				&d);
	assert_matches(g, "ışık IŞIK işık kök hücreler", "işık=Işık");
	glossary_free(g);
	diag_list_clear(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			parse_entries_aliases_and_definitions, setup_stem_cells,
			teardown),
		cmocka_unit_test(parse_heading_decorations),
		cmocka_unit_test(match_scripts_without_spaces),
		cmocka_unit_test(match_after_words_that_begin_like_a_term),
		cmocka_unit_test(parse_definition_markdown_kept),
		cmocka_unit_test(parse_also_after_blank_lines),
		cmocka_unit_test(parse_empty_definition_is_an_error),
		cmocka_unit_test(parse_duplicate_term_names_first_line),
		cmocka_unit_test(parse_duplicate_alias_left_out),
		cmocka_unit_test(parse_empty_also_is_a_warning),
		cmocka_unit_test(parse_heading_without_term),
		cmocka_unit_test(parse_empty_glossary),
		cmocka_unit_test(parse_nul_and_invalid_utf8_do_not_crash),
		cmocka_unit_test_setup_teardown(match_longest_alias_wins,
						setup_stem_cells, teardown),
		cmocka_unit_test_setup_teardown(match_is_case_insensitive,
						setup_stem_cells, teardown),
		cmocka_unit_test_setup_teardown(match_plurals, setup_stem_cells,
						teardown),
		cmocka_unit_test(match_plural_spelling_rules),
		cmocka_unit_test_setup_teardown(match_alias_spelling,
						setup_stem_cells, teardown),
		cmocka_unit_test_setup_teardown(match_word_boundaries,
						setup_stem_cells, teardown),
		cmocka_unit_test_setup_teardown(match_longest_then_leftmost,
						setup_stem_cells, teardown),
		cmocka_unit_test(match_leftmost_beats_longer_later),
		cmocka_unit_test(match_nested_terms_in_linear_work),
		cmocka_unit_test(match_term_inside_unfinished_longer_ones),
		cmocka_unit_test_setup_teardown(match_non_ascii,
						setup_stem_cells, teardown),
		cmocka_unit_test_setup_teardown(match_invalid_utf8_and_nul,
						setup_stem_cells, teardown),
		cmocka_unit_test_setup_teardown(match_reuses_output_array,
						setup_stem_cells, teardown),
		cmocka_unit_test(explicit_term_beats_generated_plural),
		cmocka_unit_test_setup_teardown(lookup_terms_aliases_plurals,
						setup_stem_cells, teardown),
		cmocka_unit_test(match_agrees_with_naive_matcher),
		cmocka_unit_test(match_50000_terms_in_1mb),
		cmocka_unit_test(turkish_case_and_suffixes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
