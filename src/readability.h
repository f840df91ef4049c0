/*
 * readability: how hard an article is to read, as a school grade.
 *
 * The measure is the Flesch-Kincaid grade level,
 *
 *   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 *
 * so long sentences and long words both raise it.  Grade 8 is what most
 * adults read with ease.
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
	double grade;    /* readability_grade(&counts) */
	struct readability_sentence hardest; /* longest sentence; text NULL
						when the section has none */
};

struct readability {
	struct readability_counts counts; /* the whole article */
	double grade;
	struct readability_section *sections; /* owned array, in order */
	size_t nsections;
	/* The longest sentences of the article, longest first (ties: the
	 * one with more syllables per word, then the earlier one). */
	struct readability_sentence longest[READABILITY_LONGEST];
	size_t nlongest;
};

/* Syllables in one word w[0..len) (UTF-8; only ASCII letters are
 * looked at): at least 1 when the word has a letter or digit, else 0. */
size_t readability_syllables(const char *w, size_t len);

/* Adds the words, sentences and syllables of plain text s[0..len) to *c;
 * the end of s ends a sentence. */
void readability_count(const char *s, size_t len, struct readability_counts *c);

/* The Flesch-Kincaid grade of c; 0 when there are no words. */
double readability_grade(const struct readability_counts *c);

/* Measures the document doc (not modified): the whole, each section and
 * the longest sentences.  Returns a new result; caller frees with
 * readability_free. */
struct readability *readability_analyze(cmark_node *doc);
void readability_free(struct readability *r);

#endif
