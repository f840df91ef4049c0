/*
 * check: `kiosk --check [DIR]`, a proof-reader for the content folder.
 *
 * It loads the folder as the kiosk does (library_load, which already
 * reports empty, binary and badly encoded files, bad front matter YAML,
 * unknown front matter keys and glossary mistakes) and adds what only a
 * careful reader would notice:
 *
 *   front matter  a missing title (error); "date" or "reviewed" not
 *                 written as YYYY-MM-DD, with an optional time (error)
 *   review        in Markdown articles: no "reviewed" date, one older
 *                 than review_months, or one after today (warnings)
 *   links         to an article that does not exist, or a web, e-mail or
 *                 phone link the kiosk cannot use (errors); to a section
 *                 the article does not have (warning).  Sections match
 *                 as the kiosk matches them: letters and digits, any case
 *                 (check_links.h)
 *   HTML          raw HTML other than <a href> and <br>: a warning; the
 *                 href of an <a> is checked as a link
 *   images        without a description (warning)
 *   glossary      terms no article uses, also not inside a longer term
 *                 (warning, at the term's line)
 *   reading level harder than the target for an article or a section of
 *                 at least 20 words, or a glossary definition of at least
 *                 12, by the formula of the text's language (warning, at
 *                 the section's heading or the term; check_reading.h)
 *
 * front matter also: "key: value" lines whose fences the kiosk cannot
 * find (error: patients would see them); a "lang" that is a language's
 * name rather than its code (warning).
 *
 * and the config file's own errors (config.h).  Every problem is a diag
 * with the file and, where known, the line of the file (not of the body:
 * front matter lines are counted) and column.  Nothing here touches the
 * terminal; check_report prints to a FILE.
 */
#ifndef KIOSK_CHECK_H
#define KIOSK_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "diag.h"

/* Defaults until kiosk.conf has review_months and reading_grade keys. */
#define CHECK_REVIEW_MONTHS 12
#define CHECK_READING_GRADE 8.0

struct check_options {
	int review_months;    /* a "reviewed" date older than this many
				 months is reported; <= 0: never */
	double reading_grade; /* highest Flesch-Kincaid grade accepted */
	const char *language; /* language of articles without "lang" in
				 their front matter, and of the glossary;
				 NULL: kiosk.conf's "language", else "en" */
	time_t today;         /* the day reviews are measured to (local
				 time); 0 means now */
};

struct check_summary {
	size_t articles; /* articles loaded */
	size_t terms;    /* glossary entries */
	size_t errors;   /* errors check_content added */
	size_t warnings; /* warnings check_content added */
};

/* Fills o with the defaults above and today = 0. */
void check_options_defaults(struct check_options *o);

/*
 * Checks the content folder dir and, when config_path is not NULL, the
 * config file at config_path; dir NULL means the config's content folder
 * (or "content" without a config).  o NULL means the defaults.  Appends
 * every problem to diags (which the caller owns) and fills *summary.
 * Returns 0 when no error was added (warnings allowed), -1 otherwise.
 */
int check_content(const char *dir, const char *config_path,
		  const struct check_options *o, struct diag_list *diags,
		  struct check_summary *summary);

/*
 * Prints diags sorted by file, line and column (else in the order found),
 * then the summary line, "4 articles, 31 terms: 0 errors, 2 warnings",
 * to out.  The error and warning counts are those of diags.  Returns the
 * exit status: 1 when there are errors, or warnings and strict; else 0.
 */
int check_report(const struct diag_list *diags, const struct check_summary *s,
		 bool strict, FILE *out);

/* check_content then check_report to out, as `kiosk --check` does;
 * returns the exit status. */
int check_run(const char *dir, const char *config_path,
	      const struct check_options *o, bool strict, FILE *out);

#endif
