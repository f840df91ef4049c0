/*
 * Tests for readability_formulas.c: each language's syllables, score and
 * bands.  Expected values were worked out by hand; the comments show the
 * sums, so a reviewer can redo them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cmark-gfm.h>

#include "article.h"
#include "readability.h"

static size_t tr(const char *w) { return readability_syllables_tr(w, strlen(w)); }
static size_t es(const char *w) { return readability_syllables_es(w, strlen(w)); }

static struct readability *analyze(const char *md, const char *lang)
{
	cmark_node *doc = article_parse_markdown(md, strlen(md));
	const struct readability_formula *f = readability_formula(lang);
	assert_non_null(f);
	struct readability *r = readability_analyze_with(doc, f);
	cmark_node_free(doc);
	return r;
}

static void turkish_syllables_are_vowels(void **state)
{
	(void)state;
	assert_int_equal(tr("a\xC4\x9Fr\xC4\xB1"), 2);          /* ağrı */
	assert_int_equal(tr("kesici"), 3);
	assert_int_equal(tr("\xC4\xB0stanbul"), 3);           /* İstanbul */
	assert_int_equal(tr("I\xC5\x9F\xC4\xB1k"), 2);        /* Işık */
	assert_int_equal(tr("g\xC3\xB6z"), 1);                /* göz */
	assert_int_equal(tr("\xC3\xBC\xC3\xA7\xC3\xBCnc\xC3\xBC"), 3); /* üçüncü */
	assert_int_equal(tr("uygulanmaktad\xC4\xB1r."), 6);   /* uygulanmaktadır */
	assert_int_equal(tr("TBMM"), 1);  /* no vowel: still a word */
	assert_int_equal(tr("2026"), 1);
	assert_int_equal(tr("\xE2\x80\x93"), 0); /* a dash is no word */
}

static void spanish_syllables(void **state)
{
	(void)state;
	assert_int_equal(es("agua"), 2);     /* a-gua */
	assert_int_equal(es("ciudad"), 2);   /* ciu-dad */
	assert_int_equal(es("d\xC3\xAD" "a"), 2);   /* dí-a */
	assert_int_equal(es("leer"), 2);     /* le-er */
	assert_int_equal(es("pa\xC3\xADs"), 2);     /* pa-ís */
	assert_int_equal(es("poes\xC3\xAD" "a"), 4); /* po-e-sí-a */
	assert_int_equal(es("hoy"), 1);
	assert_int_equal(es("y"), 1);
	assert_int_equal(es("ayunas"), 3);   /* a-yu-nas */
	assert_int_equal(es("Paraguay"), 3); /* pa-ra-guay */
	assert_int_equal(es("cuidado"), 3);  /* cui-da-do */
	assert_int_equal(es("ping\xC3\xBC" "ino"), 3); /* pin-güi-no */
}

static void formulas_by_language_code(void **state)
{
	(void)state;
	assert_string_equal(readability_formula("en")->name, "Flesch-Kincaid");
	assert_string_equal(readability_formula("tr")->name,
			    "Ate\xC5\x9Fman");
	assert_string_equal(readability_formula("TR")->name,
			    "Ate\xC5\x9Fman");
	assert_string_equal(readability_formula("tr-TR")->name,
			    "Ate\xC5\x9Fman");
	assert_string_equal(readability_formula("es_MX")->name,
			    "Szigriszt-Pazos");
	assert_null(readability_formula("de"));
	assert_null(readability_formula("turkish"));
	assert_null(readability_formula(""));
	assert_null(readability_formula(NULL));
	assert_int_equal(readability_formula("en")->scale, READABILITY_GRADE);
	assert_int_equal(readability_formula("tr")->scale, READABILITY_EASE);
}

static void atesman_of_known_texts(void **state)
{
	(void)state;
	/* Ağrı(2) kesici(3) ilacı(3) tok(1) karnına(3) için(2).
	 * Bol(1) su(1) için(2).  9 words, 2 sentences, 18 syllables:
	 * 198.825 - 40.175 * 18/9 - 2.610 * 9/2 = 106.73 */
	struct readability *r = analyze(
		"A\xC4\x9Fr\xC4\xB1 kesici ilac\xC4\xB1 tok karn\xC4\xB1na "
		"i\xC3\xA7in. Bol su i\xC3\xA7in.\n",
		"tr");
	assert_int_equal(r->counts.words, 9);
	assert_int_equal(r->counts.sentences, 2);
	assert_int_equal(r->counts.syllables, 18);
	assert_float_equal(r->grade, 106.73, 0.005);
	assert_string_equal(readability_band(r->formula, r->grade),
			    "very easy, 90-100");
	assert_false(readability_too_hard(r->formula, r->grade, 70));
	readability_free(r);

	/* One sentence of 16 words and 55 syllables:
	 * 198.825 - 40.175 * 55/16 - 2.610 * 16 = 18.96 */
	r = analyze("Otolog k\xC3\xB6k h\xC3\xBC" "cre tedavisinde "
		    "hastan\xC4\xB1n kendi dokusundan al\xC4\xB1nan "
		    "h\xC3\xBC" "creler laboratuvarda \xC3\xA7o\xC4\x9F"
		    "alt\xC4\xB1ld\xC4\xB1ktan sonra tedavi edilecek "
		    "b\xC3\xB6lgeye uygulanmaktad\xC4\xB1r.\n",
		    "tr");
	assert_int_equal(r->counts.words, 16);
	assert_int_equal(r->counts.syllables, 55);
	assert_float_equal(r->grade, 18.96, 0.005);
	assert_string_equal(readability_band(r->formula, r->grade),
			    "very hard, below 30");
	assert_true(readability_too_hard(r->formula, r->grade, 70));
	readability_free(r);
}

/* One target for every language: the kiosk's grade, on the ease scale
 * where the formula's authors place that grade. */
static void targets_follow_the_grade(void **state)
{
	(void)state;
	assert_float_equal(readability_target(readability_formula("en"), 8), 8,
			   0);
	assert_float_equal(readability_target(readability_formula("tr"), 8), 50,
			   0);
	assert_float_equal(readability_target(readability_formula("tr"), 6), 70,
			   0);
	assert_float_equal(readability_target(readability_formula("tr"), 4), 90,
			   0);
	assert_float_equal(readability_target(readability_formula("es"), 8), 55,
			   0);
	assert_float_equal(readability_target(readability_formula("es"), 6), 65,
			   0);
	/* a medium Turkish text passes at grade 8, not at grade 6 */
	const struct readability_formula *tr = readability_formula("tr");
	assert_false(readability_too_hard(tr, 61.5, readability_target(tr, 8)));
	assert_true(readability_too_hard(tr, 61.5, readability_target(tr, 6)));
}

static void atesman_bands(void **state)
{
	const struct readability_formula *f = readability_formula("tr");
	(void)state;
	assert_string_equal(readability_band(f, 100), "very easy, 90-100");
	assert_string_equal(readability_band(f, 89.9), "easy, 70-89");
	assert_string_equal(readability_band(f, 70), "easy, 70-89");
	assert_string_equal(readability_band(f, 69.9), "medium, 50-69");
	assert_string_equal(readability_band(f, 30), "hard, 30-49");
	assert_string_equal(readability_band(f, 29.9), "very hard, below 30");
	assert_null(readability_band(readability_formula("en"), 8));
	/* as printed: 69.96 is "70.0", in the target */
	assert_false(readability_too_hard(f, 69.96, 70));
	assert_true(readability_too_hard(f, 69.94, 70));
}

static void szigriszt_of_a_known_text(void **state)
{
	(void)state;
	/* Tome(2) la(1) pastilla(3) con(1) agua(2).  No(1) la(1) tome(2)
	 * en(1) ayunas(3).  10 words, 2 sentences, 17 syllables:
	 * 206.835 - 62.3 * 17/10 - 10/2 = 95.925 */
	struct readability *r = analyze("Tome la pastilla con agua. No la "
					"tome en ayunas.\n",
					"es");
	assert_int_equal(r->counts.syllables, 17);
	assert_float_equal(r->grade, 95.925, 0.0005);
	assert_string_equal(readability_band(r->formula, r->grade),
			    "very easy, 80-100");
	readability_free(r);
	const struct readability_formula *f = readability_formula("es");
	assert_string_equal(readability_band(f, 55), "normal, 55-65");
	assert_string_equal(readability_band(f, 54.9), "somewhat hard, 40-55");
	assert_true(readability_too_hard(f, 54.9, 55));
}

static void english_is_unchanged(void **state)
{
	(void)state;
	const char *md = "The cat sat on the mat. It was a sunny day.\n";
	cmark_node *doc = article_parse_markdown(md, strlen(md));
	struct readability *a = readability_analyze(doc);
	struct readability *b =
		readability_analyze_with(doc, readability_formula("en"));
	assert_float_equal(a->grade, b->grade, 1e-9);
	assert_float_equal(a->grade, readability_grade(&a->counts), 1e-9);
	assert_ptr_equal(a->formula, readability_formula("en"));
	readability_free(a);
	readability_free(b);
	cmark_node_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(turkish_syllables_are_vowels),
		cmocka_unit_test(spanish_syllables),
		cmocka_unit_test(formulas_by_language_code),
		cmocka_unit_test(atesman_of_known_texts),
		cmocka_unit_test(atesman_bands),
		cmocka_unit_test(targets_follow_the_grade),
		cmocka_unit_test(szigriszt_of_a_known_text),
		cmocka_unit_test(english_is_unchanged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
