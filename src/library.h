/*
 * library: everything the kiosk serves, loaded from a content folder.
 *
 *   content/
 *     glossary.md               the glossary (glossary.h)
 *     articles/
 *       intro.md                an article with no topic folder
 *       01-stem-cell-basics/    a topic; the number orders topics and is
 *         what-is.md            not shown ("Stem cell basics")
 *
 * Articles are sorted by topic (folder order; a "topic" front matter key
 * names the topic instead), then by "order", then by title.  Topics are
 * contiguous runs of that array.  A library is immutable once loaded; a
 * reload builds a new one.
 *
 * Languages.  A content folder may instead hold one folder per language,
 * named by its ISO 639-1 code, each laid out as above:
 *
 *   content/
 *     en/articles/...  en/glossary.md
 *     tr/articles/...  tr/glossary.md
 *
 * library_languages finds them; each is loaded as a content folder of its
 * own (library_load of "content/tr").  A library's language is its
 * folder's name when that is a language code, else the default language
 * (kiosk.conf "language"): it sets the glossary's case rules
 * (glossary_parse_lang) and the order of lists (collate.h).
 */
#ifndef KIOSK_LIBRARY_H
#define KIOSK_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "diag.h"
#include "glossary.h"

struct topic {
	char *name;   /* owned; "" for articles outside any topic */
	size_t first; /* articles[first .. first+count) */
	size_t count;
};

/* Longest language code kept, with its NUL. */
#define LIBRARY_LANG_MAX 16
/* Most language folders used; more are reported and skipped. */
#define LIBRARY_MAX_LANGS 16

struct library {
	char *dir;                  /* owned; the content folder */
	char lang[LIBRARY_LANG_MAX]; /* its language ("en", "tr") */
	char *glossary_text;        /* owned; the glossary file as loaded */
	size_t glossary_len;
	size_t text_bytes;          /* article text kept in memory */
	struct article *articles;   /* owned array of narticles */
	size_t narticles;
	struct topic *topics;       /* owned array of ntopics */
	size_t ntopics;
	struct glossary *glossary;  /* owned; never NULL (may be empty) */
	bool partial;               /* library_load_first: load it whole */
};

/* Largest number of articles loaded; more are reported and skipped. */
#define LIBRARY_MAX_ARTICLES 100000

/* Article text kept in memory so that a file broken by an edit can keep
 * serving its last good version (a clinic's library of up to about 200
 * articles of 5 KB keeps all of them).  Past this budget, only the head
 * of each file is read at start-up, texts are read from the files when
 * opened, and a broken file keeps its last good title and place in the
 * list but opens to what the file now holds (made safe to show). */
#define LIBRARY_TEXT_BUDGET (1024u * 1024)

/*
 * Loads the content folder dir.  Problems with single files go to diags
 * and the file is skipped; the library is still returned.  Returns NULL
 * (with an error in diags) only when dir itself cannot be read.  Caller
 * frees with library_free.
 *
 * prev, when not NULL, is the library being replaced (a reload): a file
 * that now fails to load or has errors keeps prev's version of it (marked
 * stale), and a glossary that now has errors or cannot be read keeps
 * prev's glossary.  So a bad edit never takes content away.  prev is not
 * changed.
 */
struct library *library_load(const char *dir, const struct library *prev,
			     struct diag_list *diags);
/*
 * What the first screen needs, fast: the topics of the walk, whole and in
 * order, until they fill at least rows rows of the home screen (two rows
 * to start with, then a row per topic, per article and per description:
 * never more than the home screen shows for them), and an empty glossary;
 * lib->partial is set.  Loading every file before the first frame costs
 * 25 ms at 1,000 articles, 170 ms at 10,000: the caller shows this
 * library, then loads the whole folder with library_load_until and uses
 * that one for everything else.  The home screen's first rows are the
 * same in both unless a later file names an earlier topic in its front
 * matter.  Only the head of each file is read (ARTICLE_HEAD).  Problems
 * go to diags, as for library_load (which will report them again).
 * Caller frees with library_free.
 */
struct library *library_load_first(const char *dir, size_t rows,
				   struct diag_list *diags);
/* As library_load with no prev, but stop() is asked before each file;
 * when it returns non-zero (the kiosk was told to quit), loading stops
 * and NULL is returned with no message added.  stop may be NULL. */
struct library *library_load_until(const char *dir, int (*stop)(void),
				   struct diag_list *diags);
/* As library_load with no prev, but every article file is read and
 * checked whole, however large the library (kiosk --check): problems
 * past a file's head are reported too. */
struct library *library_load_whole(const char *dir, struct diag_list *diags);
/* A library with no articles and an empty glossary for dir (caller frees
 * with library_free): what a waiting-room kiosk serves while its content
 * folder is missing, until a reload finds it. */
struct library *library_empty(const char *dir);
void library_free(struct library *lib);

/* The language of a content folder whose name is not a language code
 * (kiosk.conf "language"; "en" until set).  code must be a language code
 * (config.c checks it); a longer one is ignored. */
void library_default_language(const char *code);

/*
 * The language folders of the content folder dir: its sub-folders named
 * by a language code of two small letters ("en", "tr"; real folders, not
 * links) that hold an articles/ folder or a glossary.md.  A content folder
 * with an articles/ folder of its own has none.  Writes up to max codes
 * to codes, in order of code, and returns how many (0: a content folder
 * of one language, or one that cannot be read).  Folders past max are
 * reported to diags, when not NULL.
 */
size_t library_languages(const char *dir, char (*codes)[LIBRARY_LANG_MAX],
			 size_t max, struct diag_list *diags);

/* The article whose id is id, or NULL. */
const struct article *library_find(const struct library *lib, const char *id);

/*
 * Resolves a link written in article from (relative path such as
 * "../02-skin/x.md#how-it-works", or "x.md") to an article index; the part
 * after '#' goes to *fragment (a pointer into url, or NULL).  Returns -1
 * when the link does not name an article of the library.
 */
long library_resolve(const struct library *lib, const struct article *from,
		     const char *url, const char **fragment);

#endif
