/* check_reading: see check_reading.h. */
#include "check_reading.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "text.h"
#include "xmem.h"

/* Longest sentence quoted in a message, in bytes. */
#define SHOW_SENTENCE 90
#define SHOW_TERM 60

/* Language names staff write for a code. */
static const struct {
	const char *name, *code;
} S_names[] = {
	{"english", "en"},    {"turkish", "tr"},
	{"t\xC3\xBCrk\xC3\xA7" "e", "tr"}, {"turkce", "tr"},
	{"T\xC3\x9CRK\xC3\x87" "E", "tr"}, {"spanish", "es"},
	{"espa\xC3\xB1ol", "es"}, {"espanol", "es"},
};

const char *check_reading_lang_code(const char *name)
{
	for (size_t i = 0; i < sizeof S_names / sizeof *S_names; i++)
		if (strcasecmp(name, S_names[i].name) == 0)
			return S_names[i].code;
	return NULL;
}

const struct readability_formula *check_reading_formula(const char *lang,
							 const char *kiosk_lang)
{
	if (lang != NULL && lang[0] != '\0') {
		const char *code = check_reading_lang_code(lang);
		return readability_formula(code != NULL ? code : lang);
	}
	return readability_formula(kiosk_lang != NULL ? kiosk_lang : "en");
}

/* "grade 9.3 in section "X" (Flesch-Kincaid, target 8)" or "ease 45.2
 * (Ateşman: hard, 30-49; target 50 or more, for grade 8)": what the
 * score says. */
static char *S_score_words(const struct readability_formula *f, double score,
			   const char *what, double grade_target)
{
	if (f->scale == READABILITY_GRADE)
		return xasprintf("reading level grade %.1f%s (%s, target %g)",
				 score, what, f->name, grade_target);
	return xasprintf("reading ease %.1f%s (%s: %s; target %g or more, "
			 "for grade %g)",
			 score, what, f->name, readability_band(f, score),
			 readability_target(f, grade_target), grade_target);
}

static void S_warn(const char *path, int line, const char *lead,
		   const struct readability_sentence *hardest,
		   struct diag_list *diags)
{
	char *s = text_quote(hardest->text, SHOW_SENTENCE);
	diag_add(diags, DIAG_WARNING, path, line, 0,
		 "%s; hardest sentence: \"%s\" (%zu %s)", lead, s,
		 hardest->words, hardest->words == 1 ? "word" : "words");
	free(s);
}

static bool S_too_hard(const struct readability_formula *f, double score,
		       size_t words, size_t min_words, double grade_target)
{
	return words >= min_words &&
	       readability_too_hard(f, score, readability_target(f, grade_target));
}

/* File line of body line k; 0 when unknown. */
static int S_line(int body_line, int k)
{
	return body_line > 0 && k > 0 ? body_line - 1 + k : 0;
}

void check_reading_article(const char *path, cmark_node *doc, int body_line,
			   const struct readability_formula *f,
			   double grade_target, struct diag_list *diags)
{
	if (f == NULL)
		return;
	struct readability *r = readability_analyze_with(doc, f);
	if (r->nlongest == 0) {
		readability_free(r);
		return;
	}
	if (r->nsections <= 1) {
		/* One section: one message, at its start. */
		int line = r->nsections == 1 ? r->sections[0].line : 0;
		if (S_too_hard(f, r->grade, r->counts.words,
			       CHECK_READING_MIN_WORDS, grade_target)) {
			char *lead = S_score_words(f, r->grade, "", grade_target);
			S_warn(path, S_line(body_line, line), lead,
			       &r->longest[0], diags);
			free(lead);
		}
		readability_free(r);
		return;
	}
	if (S_too_hard(f, r->grade, r->counts.words, CHECK_READING_MIN_WORDS,
		       grade_target)) {
		char *lead = S_score_words(f, r->grade, " for the whole article",
					   grade_target);
		S_warn(path, 0, lead, &r->longest[0], diags);
		free(lead);
	}
	for (size_t i = 0; i < r->nsections; i++) {
		const struct readability_section *sec = &r->sections[i];
		if (!S_too_hard(f, sec->grade, sec->counts.words,
				CHECK_READING_MIN_WORDS, grade_target) ||
		    sec->hardest.text == NULL)
			continue;
		char *title = text_quote(sec->title, 100);
		char *what = xasprintf(" in section \"%s\"", title);
		char *lead = S_score_words(f, sec->grade, what, grade_target);
		S_warn(path, S_line(body_line, sec->line), lead, &sec->hardest,
		       diags);
		free(lead);
		free(what);
		free(title);
	}
	readability_free(r);
}

void check_reading_glossary(const char *path, const struct glossary *g,
			    const struct readability_formula *f,
			    double grade_target, struct diag_list *diags)
{
	if (f == NULL || g == NULL)
		return;
	for (size_t i = 0; i < glossary_count(g); i++) {
		const struct glossary_entry *e = glossary_entry_at(g, i);
		const char *def = e->definition != NULL ? e->definition : "";
		cmark_node *doc = article_parse_markdown(def, strlen(def));
		struct readability *r = readability_analyze_with(doc, f);
		if (r->nlongest > 0 &&
		    S_too_hard(f, r->grade, r->counts.words,
			       CHECK_READING_MIN_DEFINITION, grade_target)) {
			char *term = text_quote(e->term, SHOW_TERM);
			char *what = xasprintf(" for the definition of \"%s\"",
					       term);
			char *lead = S_score_words(f, r->grade, what,
						   grade_target);
			S_warn(path, e->line, lead, &r->longest[0], diags);
			free(lead);
			free(what);
			free(term);
		}
		readability_free(r);
		cmark_node_free(doc);
	}
}
