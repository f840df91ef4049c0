/*
 * glossary: the medical terms the kiosk explains, and finding them in text.
 *
 * Source format (content/glossary.md), easy for staff to edit:
 *
 *   # Glossary                       (optional; text before the first ## is ignored)
 *
 *   ## Autologous
 *   Also: autologous cells, own-cell
 *
 *   Cells that come from **your own body**. Compare with allogeneic.
 *
 * Each "## Term" heading starts an entry; an optional first line
 * "Also: a, b, c" lists aliases; the rest up to the next "## " heading is
 * the definition in Markdown (it may use other terms).
 *
 * Matching: terms and aliases are found in text case-insensitively (simple
 * Unicode lower-casing per code point, so byte offsets map back to the
 * text), on word boundaries (the characters before and after a match are
 * not letters or digits), with simple English plurals of the last word
 * added automatically (cell -> cells, process -> processes, therapy ->
 * therapies, MSC -> MSCs; Turkish: see glossary_parse_lang).  Overlapping matches resolve leftmost first, then
 * longest.  The matcher is an Aho-Corasick automaton over the lower-cased
 * UTF-8 bytes with word boundaries marked, built once in glossary_parse:
 * matching is linear in the text length whatever the glossary (nested
 * terms such as "zz", "zz zz", ... included).
 */
#ifndef KIOSK_GLOSSARY_H
#define KIOSK_GLOSSARY_H

#include <stddef.h>

#include "diag.h"

struct glossary_entry {
	char *term;        /* owned; as written in the heading */
	char **aliases;    /* owned array of naliases owned strings */
	size_t naliases;
	char *definition;  /* owned; Markdown source of the definition */
	int line;          /* line of the "## Term" heading in the file */
};

struct glossary; /* opaque: entries plus the automaton */

struct glossary_match {
	size_t start, end; /* byte range [start, end) in the searched text */
	size_t entry;      /* index of the entry (glossary_entry_at) */
};

/*
 * Parses glossary text (len bytes) from path (used in messages).  Never
 * returns NULL: empty text gives an empty glossary.  Problems (an entry
 * with no definition, a term or alias defined twice) are appended to
 * diags with their line; the offending entry or alias is then left out.
 * The caller frees the result with glossary_free.
 */
struct glossary *glossary_parse(const char *path, const char *text, size_t len,
				struct diag_list *diags);
/*
 * As glossary_parse, for a glossary in language lang (ISO 639-1; NULL:
 * "en").  In Turkish ("tr", and Azerbaijani "az", which shares its
 * alphabet) the small letter of I is ı and the capital of i is İ ("Işık"
 * is found in "ışık" and "IŞIK"; "ilik" in "İLİK"), no English plurals are
 * added, and a term whose last word has GLOSSARY_STEM_MIN letters or more
 * is also found when that word goes on with a suffix ("kök hücre" in "kök
 * hücreler", "kemik iliği" in "kemik iliğinde"): the match then covers
 * the whole word.  Other languages keep English rules.
 */
struct glossary *glossary_parse_lang(const char *path, const char *text,
				     size_t len, const char *lang,
				     struct diag_list *diags);

/* Shortest last word that takes a suffix in Turkish: shorter stems would
 * be found inside other words ("kan", blood, in "kanser", cancer). */
#define GLOSSARY_STEM_MIN 4
void glossary_free(struct glossary *g);

/* Number of entries, and entry i (valid while g lives), in file order. */
size_t glossary_count(const struct glossary *g);
const struct glossary_entry *glossary_entry_at(const struct glossary *g,
					       size_t i);

/* "Also called: a, b" for an entry with aliases (caller frees), or NULL
 * when it has none. */
char *glossary_also(const struct glossary_entry *e);

/* Index of the entry whose term or alias equals name case-insensitively
 * (plurals included), or -1. */
long glossary_lookup(const struct glossary *g, const char *name);

/*
 * Finds the matches in text[0..len), in order of position, without
 * overlaps.  Results are written to *out, an array of *cap elements that is
 * grown with realloc as needed (the caller owns and frees it; it may start
 * as NULL/0).  Returns the number of matches.
 */
size_t glossary_match(const struct glossary *g, const char *text, size_t len,
		      struct glossary_match **out, size_t *cap);

/* glossary_match's result, always by the matcher that is linear in the
 * text (glossary_match itself switches to it only when the glossary nests
 * terms so that its faster scan would do more work): for tests. */
size_t glossary_match_linear(const struct glossary *g, const char *text,
			     size_t len, struct glossary_match **out,
			     size_t *cap);

/* Automaton steps glossary_match has taken in this process (edges and
 * failure links followed): for tests and benchmarks that check the work
 * is linear in the text. */
unsigned long long glossary_match_steps(void);

#endif
