/*
 * readability: how hard an article is to read, by a formula made for its
 * language (struct readability_formula, readability_formula()):
 *
 *   English  Flesch-Kincaid grade level, a school grade (lower is easier;
 *            grade 8 is what most adults read with ease):
 *            0.39 * (words / sentences) + 11.8 * (syllables / words)
 *            - 15.59
 *   Turkish  Ateşman (1997) reading ease, 0-100 (higher is easier):
 *            198.825 - 40.175 * (syllables / words)
 *            - 2.610 * (words / sentences);
 *            bands 90-100 very easy, 70-89 easy, 50-69 medium,
 *            30-49 hard, 1-29 very hard.  Syllables are vowels.
 *   Spanish  Szigriszt-Pazos perspicuity (1993), 0-100 (higher is
 *            easier): 206.835 - 62.3 * (syllables / words)
 *            - words / sentences; with the INFLESZ bands (Barrio-
 *            Cantalejo 2008), made for health information for patients:
 *            80+ very easy, 65-80 quite easy, 55-65 normal, 40-55
 *            somewhat hard, below 40 very hard.  Chosen over Fernández-
 *            Huerta, whose usual printed form has a known error (Law 2011)
 *            and no scale tested on health texts.
 *
 * Other languages have no formula: no score at all.
 *
 * Words are runs of text between white space that hold at least one letter
 * or digit ("long-term" and "1.5" are one word each).  Syllables are
 * guessed from spelling (readability_syllables): groups of vowels, a
 * silent final e, "-le" endings; a word has at least one.  A sentence ends
 * at a word ending in '.', '!' or '?' (closing quotes and brackets after
 * it allowed), except abbreviations ("e.g.", "i.e.", "Dr.", "U.S.", a
 * single capital "J."; "etc." only before a capital).  A decimal point
 * ("1.5") is inside a word, so it never ends one.  The end of each
 * paragraph, list item and heading also ends a sentence.
 *
 * Sections are those the kiosk shows (layout.h): each heading of level 1-3
 * starts one, and text before the first heading is the "Introduction".
 * Headings count as text of their section.  Code blocks, raw HTML and
 * image descriptions are not counted.
 */
#ifndef KIOSK_READABILITY_H
#define KIOSK_READABILITY_H

#include <stddef.h>

#include <cmark-gfm.h>

/* Sentences kept in struct readability.longest. */
#define READABILITY_LONGEST 3

struct readability_counts;

/* How a score reads. */
enum readability_scale {
	READABILITY_GRADE, /* a school grade: lower is easier */
	READABILITY_EASE,  /* reading ease 0-100: higher is easier */
};

/* One language's formula; static data, never freed. */
struct readability_formula {
	const char *lang;  /* ISO 639-1 code: "en", "tr", "es" */
	const char *name;  /* as named in messages: "Flesch-Kincaid" */
	enum readability_scale scale;
	/* Syllables of one word (UTF-8): at least 1 when it has a letter or
	 * digit, else 0. */
	size_t (*syllables)(const char *w, size_t len);
	/* The score of counts with words > 0. */
	double (*score)(const struct readability_counts *c);
};

/* The formula for a language code ("tr", "TR", "tr-TR", "es_MX"), or
 * NULL when the language has none (or lang is NULL or not a code). */
const struct readability_formula *readability_formula(const char *lang);

/* The band of an ease score ("easy, 70-89"), or NULL for a grade. */
const char *readability_band(const struct readability_formula *f,
			     double score);

/* The score a text must reach to be read at school grade grade (the
 * kiosk's reading_grade): that grade itself for a grade formula; for an
 * ease formula, the lowest score of the easiest band its authors place
 * at that grade or above (Ateşman: grade 8 is "medium, 50-69", so 50; INFLESZ: grade 8
 * is "normal, 55-65", so 55). */
double readability_target(const struct readability_formula *f, double grade);

/* True when score is on the harder side of target (both rounded to one
 * decimal as printed). */
int readability_too_hard(const struct readability_formula *f, double score,
			 double target);

struct readability_counts {
	size_t words;
	size_t sentences;
	size_t syllables;
};

/* One sentence, as written (white space runs made single spaces). */
struct readability_sentence {
	char *text;      /* owned; the sentence's text */
	size_t words;    /* its words */
	size_t syllables;
	int line;        /* start line of its block in the body, 0 unknown */
};

struct readability_section {
	char *title;     /* owned; "Introduction" or the heading's text */
	int level;       /* 0 for the introduction, else 1-3 */
	int line;        /* body line of the heading (of the first block for
			    the introduction); 0 when unknown */
	struct readability_counts counts;
	double grade;    /* the formula's score of counts */
	struct readability_sentence hardest; /* longest sentence; text NULL
						when the section has none */
};

struct readability {
	const struct readability_formula *formula; /* what grade means */
	struct readability_counts counts; /* the whole article */
	double grade;                     /* the formula's score */
	struct readability_section *sections; /* owned array, in order */
	size_t nsections;
	/* The longest sentences of the article, longest first (ties: the
	 * one with more syllables per word, then the earlier one). */
	struct readability_sentence longest[READABILITY_LONGEST];
	size_t nlongest;
};

/* Syllables in one English word w[0..len) (UTF-8; only ASCII letters are
 * looked at): at least 1 when the word has a letter or digit, else 0. */
size_t readability_syllables(const char *w, size_t len);
/* Syllables of a Turkish word: its vowels (a e ı i o u ö ü â î û). */
size_t readability_syllables_tr(const char *w, size_t len);
/* Syllables of a Spanish word: vowel groups, split where two strong
 * vowels (a e o, or an accented í ú) meet. */
size_t readability_syllables_es(const char *w, size_t len);

/* Adds the words, sentences and syllables (English) of plain text
 * s[0..len) to *c; the end of s ends a sentence. */
void readability_count(const char *s, size_t len, struct readability_counts *c);

/* The Flesch-Kincaid grade of c; 0 when there are no words. */
double readability_grade(const struct readability_counts *c);

/* Measures the document doc (not modified) with formula f (its syllables
 * and score): the whole, each section and the longest sentences.
 * Returns a new result; caller frees with readability_free. */
struct readability *readability_analyze_with(
	cmark_node *doc, const struct readability_formula *f);
/* readability_analyze_with the English formula. */
struct readability *readability_analyze(cmark_node *doc);
void readability_free(struct readability *r);

#endif
