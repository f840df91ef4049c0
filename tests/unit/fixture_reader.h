/*
 * The model tests' content (test_reader, test_nav): a glossary and two
 * articles of three sections each, in a temporary folder (fxdir.h), loaded
 * into a library with a reader of 24x80 on it.  Article A links to a
 * section of B; B has the word "zebra" twice.
 *
 * Header-only: each test program includes it once, after <cmocka.h>,
 * and uses fx_reader_setup and fx_reader_teardown as its cmocka setup
 * and teardown; *state is then a struct fx_reader, which teardown frees
 * with the library, the reader and the folder.
 */
#ifndef KIOSK_TEST_FIXTURE_READER_H
#define KIOSK_TEST_FIXTURE_READER_H

#include <stdlib.h>

#include "diag.h"
#include "fxdir.h"
#include "library.h"
#include "reader.h"

/* A paragraph, and six of them: enough text that sections are screens
 * apart. */
#define PARA "Stem cells are cells that can become other kinds of cells. " \
	     "Doctors study them to learn how the body heals itself.\n\n"
#define PARAS PARA PARA PARA PARA PARA PARA

static const struct fxfile fx_reader_files[] = {
	{"glossary.md", "# Glossary\n\n## Cartilage\n\nThe smooth tissue at the "
			"ends of bones in a joint.\n"},
	{"articles/01-basics/a.md",
	 "---\ntitle: Article A\ndescription: The first one.\norder: 1\n"
	 "url: https://example.org/a\n---\n"
	 "Read [the second part of B](b.md#second-part) first.\n\n" PARAS
	 "## First part\n\n" PARAS "Knees have cartilage.\n\n" PARAS
	 "## Second part\n\n" PARAS "## Third part\n\n" PARAS},
	{"articles/01-basics/b.md",
	 "---\ntitle: Article B\ndescription: The second one.\norder: 2\n---\n"
	 "## First part\n\n" PARAS "## Second part\n\nThe needle word "
	 "zebra is here.\n\n" PARAS "## Third part\n\n" PARAS "zebra again.\n"},
};

struct fx_reader {
	struct fxdir dir;    /* the temporary content folder */
	struct library *lib; /* owned; loaded from dir */
	struct reader rd;    /* on lib, 24 rows by 80 columns */
};

static int fx_reader_setup(void **state)
{
	struct fx_reader *f = calloc(1, sizeof *f);
	fx_make(&f->dir, fx_reader_files,
		sizeof fx_reader_files / sizeof fx_reader_files[0]);
	struct diag_list d = {0};
	f->lib = library_load(f->dir.content, NULL, &d);
	diag_list_clear(&d);
	assert_non_null(f->lib);
	assert_int_equal(f->lib->narticles, 2);
	reader_init(&f->rd, f->lib, (struct reader_opts){0});
	reader_set_size(&f->rd, 24, 80);
	*state = f;
	return 0;
}

static int fx_reader_teardown(void **state)
{
	struct fx_reader *f = *state;
	reader_close(&f->rd);
	library_free(f->lib);
	fx_remove(&f->dir);
	free(f);
	return 0;
}

/* The title of the section the reader is in. */
static const char *fx_reader_where(const struct reader *rd)
{
	const char *t = "";
	size_t delta;
	assert_true(reader_where(rd, &t, &delta));
	return t;
}

#endif
