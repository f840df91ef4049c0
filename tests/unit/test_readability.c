/*
 * Tests for readability.c: syllables, sentences, the Flesch-Kincaid grade,
 * and the per-section grades with their hardest sentence.
 *
 * Expected values were worked out by hand from the rules in
 * readability.h; the comments show the sums, so a reviewer can redo them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "readability.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static size_t syl(const char *w)
{
	return readability_syllables(w, strlen(w));
}

static struct readability_counts count(const char *s)
{
	struct readability_counts c = {0};
	readability_count(s, strlen(s), &c);
	return c;
}

static struct readability *analyze(const char *md)
{
	cmark_node *doc = article_parse_markdown(md, strlen(md));
	struct readability *r = readability_analyze(doc);
	cmark_node_free(doc);
	return r;
}

/* ---- syllables ---- */

static void syllables_of_known_words(void **state)
{
	static const struct {
		const char *word;
		size_t n;
	} words[] = {
		{"the", 1},       {"cat", 1},      {"table", 2},
		{"simple", 2},    {"readable", 3}, {"every", 3}, /* ev-er-y */
		{"beautiful", 3}, {"queue", 1},    {"fire", 1},
		/* -es and -ed endings, y, hyphens, capitals */
		{"makes", 1},     {"used", 1},     {"wanted", 2},
		{"tables", 2},    {"houses", 2},   {"goes", 1},
		{"yes", 1},       {"cycle", 2},    {"studying", 3},
		{"tissue", 2},    {"therapy", 3},  {"long-term", 2},
		{"Inflammation", 4}, {"centre", 2}, {"whole", 1},
	};
	for (size_t i = 0; i < N(words); i++) {
		if (syl(words[i].word) != words[i].n)
			fprintf(stderr, "%s: %zu\n", words[i].word,
				syl(words[i].word));
		assert_int_equal(syl(words[i].word), words[i].n);
	}
}

static void a_word_has_at_least_one_syllable(void **state)
{
	assert_int_equal(syl("rhythm"), 1); /* no vowel group counted */
	assert_int_equal(syl("30"), 1);     /* a number is a word */
	assert_int_equal(syl("FDA"), 1);
	assert_int_equal(syl("(PRP)"), 1);
	assert_int_equal(syl("don't"), 1);
	/* Not words at all: */
	assert_int_equal(syl("-"), 0);
	assert_int_equal(syl("\xE2\x80\x94"), 0); /* an em dash */
	assert_int_equal(syl(""), 0);
}

/* ---- sentences ---- */

static void sentences_end_at_full_stops_and_marks(void **state)
{
	struct readability_counts c = count("It worked! Did it? Yes. It did");
	assert_int_equal(c.sentences, 4); /* the end of the text ends one */
	assert_int_equal(c.words, 7);
}

static void abbreviations_do_not_end_sentences(void **state)
{
	struct readability_counts c = count(
		"Dr. Lee uses cells from fat, e.g. from the belly. "
		"Some cells (i.e. stem cells) can copy themselves. "
		"Ask Mrs. Smith or Prof. Jones, vs. the U.S. rules.");
	assert_int_equal(c.sentences, 3);
}

static void etc_ends_a_sentence_only_before_a_capital(void **state)
{
	assert_int_equal(count("Bone, fat, etc. and more").sentences, 1);
	assert_int_equal(count("Bone, fat, etc. Then more").sentences, 2);
}

static void decimals_do_not_end_sentences(void **state)
{
	struct readability_counts c =
		count("Take 2.5 mg on day 1.5 of the cycle. Rest for 3.");
	assert_int_equal(c.sentences, 2);
	assert_int_equal(c.words, 12); /* "2.5", "1.5" and "3." are words */
}

static void closing_quotes_after_the_stop_are_allowed(void **state)
{
	assert_int_equal(count("He said \"Stop.\" Then he left.").sentences, 2);
	assert_int_equal(count("(See the list.) It is short.").sentences, 2);
	assert_int_equal(count("\xE2\x80\x9CWait.\xE2\x80\x9D Then go.")
				 .sentences,
			 2);
}

static void a_stop_inside_a_word_does_not_end_a_sentence(void **state)
{
	/* Only a stop before white space or the end counts. */
	assert_int_equal(count("See clinic.example.org for times").sentences,
			 1);
}

/* ---- the grade ---- */

static void grade_of_a_known_text(void **state)
{
	/*
	 * Stem(1) cell(1) therapy(3) uses(2) living(2) cells(1) to(1)
	 * repair(2) tissue(2): 9 words, 15 syllables.
	 * Doctors(2) are(1) still(1) testing(2) it(1) in(1) small(1)
	 * studies(2): 8 words, 11 syllables.
	 * 17 words, 2 sentences, 26 syllables:
	 * 0.39 * 17/2 + 11.8 * 26/17 - 15.59 = 3.315 + 18.047 - 15.59 = 5.772
	 */
	struct readability_counts c = count(
		"Stem cell therapy uses living cells to repair tissue. "
		"Doctors are still testing it in small studies.");
	assert_int_equal(c.words, 17);
	assert_int_equal(c.sentences, 2);
	assert_int_equal(c.syllables, 26);
	assert_float_equal(readability_grade(&c), 5.772, 0.1);
}

static void grade_of_nothing_is_zero(void **state)
{
	struct readability_counts c = {0};
	assert_float_equal(readability_grade(&c), 0.0, 1e-9);
}

/* ---- sections ---- */

static const char *const HARD =
	"This page is short. It is easy to read.\n"
	"\n"
	"## How it works\n"
	"\n"
	"Mesenchymal stem cells release signalling molecules that regulate\n"
	"inflammation and encourage regeneration of damaged tissue\n"
	"throughout the body.\n"
	"\n"
	"## Questions\n"
	"\n"
	"Ask your nurse.\n";

static void sections_have_their_own_grades(void **state)
{
	struct readability *r = analyze(HARD);
	assert_int_equal(r->nsections, 3);

	/* This(1) page(1) is(1) short(1). It(1) is(1) easy(2) to(1)
	 * read(1).  9 words, 2 sentences, 10 syllables:
	 * 0.39 * 4.5 + 11.8 * 10/9 - 15.59 = -0.743 */
	const struct readability_section *s = &r->sections[0];
	assert_string_equal(s->title, "Introduction");
	assert_int_equal(s->level, 0);
	assert_int_equal(s->line, 1);
	assert_int_equal(s->counts.words, 9);
	assert_int_equal(s->counts.sentences, 2);
	assert_int_equal(s->counts.syllables, 10);
	assert_float_equal(s->grade, -0.743, 0.1);

	/* The heading is a sentence: How(1) it(1) works(1).  Then
	 * Mesenchymal(4) stem(1) cells(1) release(2) signalling(3)
	 * molecules(3) that(1) regulate(3) inflammation(4) and(1)
	 * encourage(3) regeneration(5) of(1) damaged(2) tissue(2)
	 * throughout(2) the(1) body(2): 18 words, 41 syllables.
	 * 21 words, 2 sentences, 44 syllables:
	 * 0.39 * 10.5 + 11.8 * 44/21 - 15.59 = 4.095 + 24.724 - 15.59
	 * = 13.229 */
	s = &r->sections[1];
	assert_string_equal(s->title, "How it works");
	assert_int_equal(s->level, 2);
	assert_int_equal(s->line, 3);
	assert_int_equal(s->counts.words, 21);
	assert_int_equal(s->counts.sentences, 2);
	assert_int_equal(s->counts.syllables, 44);
	assert_float_equal(s->grade, 13.229, 0.1);
	assert_string_equal(s->hardest.text,
			    "Mesenchymal stem cells release signalling "
			    "molecules that regulate inflammation and "
			    "encourage regeneration of damaged tissue "
			    "throughout the body.");
	assert_int_equal(s->hardest.words, 18);
	assert_int_equal(s->hardest.line, 5);

	/* Questions(2). Ask(1) your(1) nurse(1). */
	s = &r->sections[2];
	assert_string_equal(s->title, "Questions");
	assert_int_equal(s->counts.words, 4);
	assert_int_equal(s->counts.sentences, 2);
	assert_int_equal(s->counts.syllables, 5);
	assert_string_equal(s->hardest.text, "Ask your nurse.");

	/* The whole: 34 words, 6 sentences, 59 syllables:
	 * 0.39 * 34/6 + 11.8 * 59/34 - 15.59 = 7.096 */
	assert_int_equal(r->counts.words, 34);
	assert_int_equal(r->counts.sentences, 6);
	assert_int_equal(r->counts.syllables, 59);
	assert_float_equal(r->grade, 7.096, 0.1);
	readability_free(r);
}

static void the_longest_sentences_come_first(void **state)
{
	struct readability *r = analyze(
		"One two three four five.\n\n"
		"One two.\n\n"
		"## Next\n\n"
		"One two three four five six seven. One two three.\n\n"
		"- a list item without a stop\n"
		"- another one\n");
	assert_int_equal(r->nlongest, 3);
	assert_string_equal(r->longest[0].text,
			    "One two three four five six seven.");
	assert_int_equal(r->longest[0].words, 7);
	/* Each list item ends a sentence (else this one would have 8
	 * words, with "another one"). */
	assert_string_equal(r->longest[1].text, "a list item without a stop");
	assert_int_equal(r->longest[1].words, 6);
	assert_string_equal(r->longest[2].text, "One two three four five.");
	readability_free(r);
}

static void only_headings_of_level_1_to_3_start_sections(void **state)
{
	struct readability *r = analyze("# Title\n\nText here.\n\n"
					"#### Small heading\n\nMore text.\n\n"
					"### Third\n\nEnd.\n");
	assert_int_equal(r->nsections, 2);
	assert_string_equal(r->sections[0].title, "Title");
	assert_int_equal(r->sections[0].level, 1);
	/* Title. Text here. Small heading. More text. */
	assert_int_equal(r->sections[0].counts.sentences, 4);
	assert_string_equal(r->sections[1].title, "Third");
	readability_free(r);
}

static void code_html_and_image_text_are_not_counted(void **state)
{
	struct readability *r = analyze(
		"Look ![a very long description of a picture](x.png) here.\n\n"
		"```\nint main(void) { return 0; }\n```\n\n"
		"<div>Some raw HTML text.</div>\n\n"
		"Use `kiosk` now.\n");
	assert_int_equal(r->nsections, 1);
	/* Look here. Some raw HTML text. Use kiosk now.  (Raw HTML is
	 * read by an HTML parser and shown as text, so it is counted.) */
	assert_int_equal(r->counts.words, 9);
	assert_int_equal(r->counts.sentences, 3);
	readability_free(r);
}

static void an_empty_document_has_no_sections(void **state)
{
	struct readability *r = analyze("");
	assert_int_equal(r->nsections, 0);
	assert_int_equal(r->nlongest, 0);
	assert_float_equal(r->grade, 0.0, 1e-9);
	readability_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syllables_of_known_words),
		cmocka_unit_test(a_word_has_at_least_one_syllable),
		cmocka_unit_test(sentences_end_at_full_stops_and_marks),
		cmocka_unit_test(abbreviations_do_not_end_sentences),
		cmocka_unit_test(etc_ends_a_sentence_only_before_a_capital),
		cmocka_unit_test(decimals_do_not_end_sentences),
		cmocka_unit_test(closing_quotes_after_the_stop_are_allowed),
		cmocka_unit_test(a_stop_inside_a_word_does_not_end_a_sentence),
		cmocka_unit_test(grade_of_a_known_text),
		cmocka_unit_test(grade_of_nothing_is_zero),
		cmocka_unit_test(sections_have_their_own_grades),
		cmocka_unit_test(the_longest_sentences_come_first),
		cmocka_unit_test(only_headings_of_level_1_to_3_start_sections),
		cmocka_unit_test(code_html_and_image_text_are_not_counted),
		cmocka_unit_test(an_empty_document_has_no_sections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
