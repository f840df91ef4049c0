/*
 * Tests for langs.c and the language folders of library.c: which folders
 * are languages, their order (kiosk.conf "language" and "languages"), and
 * each language's library in its own case rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fxdir.h"
#include "glossary.h"
#include "langs.h"
#include "library.h"

static const struct fxfile two[] = {
	{"en/articles/a.md", "# Light\n\nLight and LIGHT.\n"},
	{"en/glossary.md", "## Light\nWhat we see by.\n"},
	{"tr/articles/a.md", "# Işık\n\nışık ve IŞIK.\n"},
	{"tr/glossary.md", "## Işık\nGörmemizi sağlayan şey.\n"},
	{"de/glossary.md", "## Licht\nDas Licht.\n"},
	/* not languages: a long name, capitals, a folder with nothing */
	{"eng/articles/a.md", "# A\n"},
	{"EN/articles/a.md", "# A\n"},
	{"fr/notes.txt", "nothing\n"},
};

static char *codes_of(const struct langs *l)
{
	static char buf[128];
	buf[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		strcat(buf, i > 0 ? " " : "");
		strcat(buf, l->code[i]);
	}
	return buf;
}

static void finds_language_folders_in_order(void **state)
{
	(void)state;
	struct fxdir f;
	fx_make(&f, two, sizeof two / sizeof two[0]);
	char codes[LIBRARY_MAX_LANGS][LIBRARY_LANG_MAX];
	assert_int_equal(library_languages(f.content, codes, LIBRARY_MAX_LANGS,
					   NULL), 3);
	struct diag_list d = {0};
	struct langs l;
	/* The default first, the others by code. */
	langs_find(&l, f.content, "tr", "", &d);
	assert_true(l.folders);
	assert_string_equal(codes_of(&l), "tr de en");
	assert_int_equal(l.def, 0);
	char *dir = langs_dir(&l, 2);
	assert_true(strstr(dir, "/content/en") != NULL);
	free(dir);
	langs_free(&l);
	/* "languages" sets the order; the default stays the default. */
	langs_find(&l, f.content, "en", "tr, en", &d);
	assert_string_equal(codes_of(&l), "tr en de");
	assert_int_equal(l.def, 1);
	assert_int_equal(d.n, 0);
	langs_free(&l);
	/* A language named with no folder, a default with none: warnings. */
	langs_find(&l, f.content, "es", "es, en", &d);
	assert_string_equal(codes_of(&l), "en de tr");
	assert_int_equal(l.def, 0);
	assert_int_equal(diag_count(&d, DIAG_WARNING), 2);
	langs_free(&l);
	diag_list_clear(&d);
	fx_remove(&f);
}

static void folder_of_one_language(void **state)
{
	(void)state;
	static const struct fxfile one[] = {
		{"articles/a.md", "# A\n"},
		{"tr/articles/a.md", "# A\n"}, /* inside a normal folder */
	};
	struct fxdir f;
	fx_make(&f, one, 2);
	struct langs l;
	langs_find(&l, f.content, "tr", NULL, NULL);
	assert_false(l.folders);
	assert_string_equal(codes_of(&l), "tr");
	char *dir = langs_dir(&l, 0);
	assert_string_equal(dir, f.content);
	free(dir);
	langs_free(&l);
	fx_remove(&f);
}

/* Each language folder is a library in its own language: the Turkish
 * glossary finds "Işık" in "IŞIK", the English one does not. */
static void each_language_in_its_case_rules(void **state)
{
	(void)state;
	struct fxdir f;
	fx_make(&f, two, sizeof two / sizeof two[0]);
	char tr[128], en[128];
	snprintf(tr, sizeof tr, "%s/tr", f.content);
	snprintf(en, sizeof en, "%s/en", f.content);
	struct diag_list d = {0};
	struct library *lt = library_load(tr, NULL, &d);
	struct library *le = library_load(en, NULL, &d);
	assert_non_null(lt);
	assert_non_null(le);
	assert_string_equal(lt->lang, "tr");
	assert_string_equal(le->lang, "en");
	struct glossary_match *m = NULL;
	size_t cap = 0;
	assert_int_equal(glossary_match(lt->glossary, "IŞIK", strlen("IŞIK"), &m, &cap), 1);
	assert_int_equal(glossary_lookup(le->glossary, "Light"), 0);
	struct library *lx = library_load(f.content, NULL, &d);
	/* A folder not named by a code: the default language. */
	library_default_language("tr");
	struct library *ly = library_load(f.content, NULL, &d);
	assert_string_equal(lx->lang, "en");
	assert_string_equal(ly->lang, "tr");
	library_default_language("en");
	free(m);
	library_free(lt);
	library_free(le);
	library_free(lx);
	library_free(ly);
	diag_list_clear(&d);
	fx_remove(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_language_folders_in_order),
		cmocka_unit_test(folder_of_one_language),
		cmocka_unit_test(each_language_in_its_case_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
