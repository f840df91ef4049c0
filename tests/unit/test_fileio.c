/*
 * fileio: an article read again after the walk stays inside its folder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fileio.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/kiosk-fileio-XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	char path[160];
	snprintf(path, sizeof path, "%s/outside.md", root);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fputs("private text\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/articles", root);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/articles/a.md", root);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fputs("# Article\n", f);
	fclose(f);
	char link[160];
	/* a link to a file of the same folder, and one that leads out */
	snprintf(link, sizeof link, "%s/articles/same.md", root);
	if (symlink("a.md", link) != 0)
		return -1;
	snprintf(link, sizeof link, "%s/articles/out.md", root);
	snprintf(path, sizeof path, "%s/outside.md", root);
	return symlink(path, link);
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void reads_a_file_and_a_link_inside_its_folder(void **state)
{
	(void)state;
	char path[160], *text, *cause = NULL;
	size_t len;
	snprintf(path, sizeof path, "%s/articles/a.md", root);
	assert_int_equal(file_read_in_folder(path, 1000, &text, &len, &cause), 0);
	assert_string_equal(text, "# Article\n");
	free(text);
	snprintf(path, sizeof path, "%s/articles/same.md", root);
	assert_int_equal(file_read_in_folder(path, 1000, &text, &len, &cause), 0);
	assert_int_equal(len, 10);
	free(text);
}

/* A file replaced by a link to something else after the walk (which
 * refuses such links): read again for an open or a search, it is refused
 * too, never shown. */
static void refuses_a_link_that_leads_out(void **state)
{
	(void)state;
	char path[160], *text = NULL, *cause = NULL;
	size_t len;
	snprintf(path, sizeof path, "%s/articles/out.md", root);
	assert_int_equal(file_read_in_folder(path, 1000, &text, &len, &cause),
			 -1);
	assert_null(text);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "leads out of its folder"));
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_a_file_and_a_link_inside_its_folder),
		cmocka_unit_test(refuses_a_link_that_leads_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
