/*
 * check_reading: the reading level part of `kiosk --check` (check.h):
 * articles and glossary definitions graded with their language's formula
 * (readability.h), a warning where the text is harder than the target.
 *
 * An article's language is its front matter "lang", else kiosk.conf
 * "language", else English.  A language without a formula is not graded
 * at all.  Messages name the formula, the score, its band (for ease
 * scores) and the target, and quote the hardest sentence.
 */
#ifndef KIOSK_CHECK_READING_H
#define KIOSK_CHECK_READING_H

#include <cmark-gfm.h>

#include "diag.h"
#include "glossary.h"
#include "readability.h"

/* Text shorter than this many words is not given a reading level: a
 * grade of a sentence or two says little. */
#define CHECK_READING_MIN_WORDS 20
/* Glossary definitions are short: graded from this many words. */
#define CHECK_READING_MIN_DEFINITION 12

/* The formula of an article whose front matter says lang (NULL or ""
 * for none) in a kiosk whose language is kiosk_lang (NULL: "en"). */
const struct readability_formula *check_reading_formula(const char *lang,
							 const char *kiosk_lang);

/*
 * Grades the body doc of the article at path with f (NULL: nothing to
 * do); grade_target is the highest Flesch-Kincaid grade accepted (ease
 * formulas have their own target).  body_line is the file line of the
 * body's first line, 0 when lines are unknown (plain text).  One warning
 * for an article of one section, else one for the whole and one per
 * section that is too hard.
 */
void check_reading_article(const char *path, cmark_node *doc, int body_line,
			   const struct readability_formula *f,
			   double grade_target, struct diag_list *diags);

/* Grades each definition of the glossary at path with f (NULL: nothing),
 * a warning at the term's line for each that is too hard. */
void check_reading_glossary(const char *path, const struct glossary *g,
			    const struct readability_formula *f,
			    double grade_target, struct diag_list *diags);

/* For a front matter "lang" that is not a language code: the code it
 * names ("Turkish", "Türkçe" -> "tr"), or NULL. */
const char *check_reading_lang_code(const char *name);

#endif
