/* Unit tests for watch.c: which changes of a content folder and of the
 * path leading to it are reported, and that the watches follow a folder
 * that is switched as a whole (symlink, rename, delete and make again).
 * inotify queues an event when the change is made, so each check reads
 * right after it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "watch.h"
#include "xmem.h"

static char base[] = "/tmp/kiosk-test-watch-XXXXXX";

static char *at(const char *rel) { return xasprintf("%s/%s", base, rel); }

static void mkdir_at(const char *rel)
{
	char *p = at(rel);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
}

static void write_at(const char *rel, const char *text)
{
	char *p = at(rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void rename_at(const char *from, const char *to)
{
	char *a = at(from), *b = at(to);
	assert_int_equal(rename(a, b), 0);
	free(a);
	free(b);
}

/* ln -s target tmp && mv -T tmp name, in base. */
static void switch_link(const char *name, const char *target)
{
	char *tmp = at(".tmp-link");
	assert_int_equal(symlink(target, tmp), 0);
	free(tmp);
	rename_at(".tmp-link", name);
}

static void remove_at(const char *rel)
{
	char *cmd = xasprintf("rm -rf '%s/%s'", base, rel);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void release(const char *rel)
{
	mkdir_at(rel);
	char *a = xasprintf("%s/articles", rel);
	mkdir_at(a);
	char *f = xasprintf("%s/articles/a.md", rel);
	write_at(f, "# A\n");
	free(a);
	free(f);
}

static int setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(base));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", base);
	int r = system(cmd);
	free(cmd);
	memcpy(base + strlen(base) - 6, "XXXXXX", 6);
	return r == 0 ? 0 : -1;
}

static void test_edits_below_the_folder(void **state)
{
	(void)state;
	release("c");
	char *root = at("c");
	struct watch *w = watch_open(root);
	assert_non_null(w);
	assert_false(watch_read(w));
	write_at("c/articles/a.md", "# A changed\n");
	assert_true(watch_read(w));
	mkdir_at("c/articles/02-new");
	assert_true(watch_read(w));
	write_at("c/articles/02-new/b.md", "# B\n");
	assert_true(watch_read(w)); /* the new folder is watched */
	/* A folder renamed within the tree keeps being watched under its
	 * new name: a folder made inside it later is found by that name. */
	rename_at("c/articles/02-new", "c/articles/03-renamed");
	assert_true(watch_read(w));
	mkdir_at("c/articles/03-renamed/deeper");
	assert_true(watch_read(w));
	write_at("c/articles/03-renamed/deeper/d.md", "# D\n");
	assert_true(watch_read(w));
	/* Next to the folder is not in it. */
	write_at("other.txt", "x");
	mkdir_at("c2");
	assert_false(watch_read(w));
	/* Writes there (a log next to the content) do not even wake the
	 * kiosk. */
	write_at("other.txt", "more");
	struct pollfd p = {.fd = watch_fd(w), .events = POLLIN};
	assert_int_equal(poll(&p, 1, 0), 0);
	watch_close(w);
	free(root);
}

static void test_symlink_switched_atomically(void **state)
{
	(void)state;
	mkdir_at("releases");
	release("releases/r1");
	release("releases/r2");
	switch_link("current", "releases/r1");
	char *root = at("current");
	struct watch *w = watch_open(root);
	assert_non_null(w);
	assert_false(watch_root_missing(w));

	/* Unpacking another release and making the new link: no change. */
	release("releases/r3");
	char *tmp = at(".tmp-link");
	assert_int_equal(symlink("releases/r2", tmp), 0);
	assert_false(watch_read(w));
	rename_at(".tmp-link", "current"); /* the switch */
	assert_true(watch_read(w));
	assert_false(watch_root_missing(w));

	/* The watches moved to r2: its edits count, r1's do not. */
	write_at("releases/r2/articles/a.md", "# A in r2\n");
	assert_true(watch_read(w));
	write_at("releases/r1/articles/a.md", "# A in r1\n");
	mkdir_at("releases/r1/articles/x");
	assert_false(watch_read(w));

	/* Rollback, then the newer release is pruned. */
	switch_link("current", "releases/r1");
	assert_true(watch_read(w));
	remove_at("releases/r2");
	assert_false(watch_read(w));
	assert_false(watch_root_missing(w));
	write_at("releases/r1/articles/a.md", "# A in r1 again\n");
	assert_true(watch_read(w));

	/* The link removed: missing; made again: followed again. */
	assert_int_equal(unlink(root), 0);
	assert_true(watch_read(w));
	assert_true(watch_root_missing(w));
	switch_link("current", "releases/r3");
	assert_true(watch_read(w));
	assert_false(watch_root_missing(w));
	write_at("releases/r3/articles/a.md", "# A in r3\n");
	assert_true(watch_read(w));
	watch_close(w);
	free(root);
	free(tmp);
}

static void test_symlink_higher_up_the_path(void **state)
{
	(void)state;
	/* kiosk --content srv/current/content, with current switched. */
	mkdir_at("r1");
	release("r1/content");
	mkdir_at("r2");
	release("r2/content");
	switch_link("current", "r1");
	char *root = at("current/content");
	struct watch *w = watch_open(root);
	assert_non_null(w);
	switch_link("current", "r2");
	assert_true(watch_read(w));
	write_at("r2/content/articles/a.md", "# A in r2\n");
	assert_true(watch_read(w));
	write_at("r1/content/articles/a.md", "# A in r1\n");
	assert_false(watch_read(w));
	watch_close(w);
	free(root);
}

static void test_folder_replaced_by_rename(void **state)
{
	(void)state;
	release("current");
	release("next");
	char *root = at("current");
	struct watch *w = watch_open(root);
	assert_non_null(w);
	rename_at("current", "old");
	assert_true(watch_read(w));
	assert_true(watch_root_missing(w));
	rename_at("next", "current");
	assert_true(watch_read(w));
	assert_false(watch_root_missing(w)); /* followed at once */
	write_at("current/articles/a.md", "# new\n");
	assert_true(watch_read(w));
	write_at("old/articles/a.md", "# old\n");
	assert_false(watch_read(w));
	/* Both renames before the kiosk reads: the same. */
	release("next");
	rename_at("current", "older");
	rename_at("next", "current");
	assert_true(watch_read(w));
	assert_false(watch_root_missing(w));
	write_at("older/articles/a.md", "# older\n");
	assert_false(watch_read(w));
	write_at("current/articles/a.md", "# newest\n");
	assert_true(watch_read(w));
	watch_close(w);
	free(root);
}

static void test_folder_deleted_and_made_again(void **state)
{
	(void)state;
	release("c");
	char *root = at("c");
	struct watch *w = watch_open(root);
	assert_non_null(w);
	remove_at("c");
	assert_true(watch_read(w));
	assert_true(watch_root_missing(w));
	release("c");
	assert_true(watch_read(w));
	assert_false(watch_root_missing(w));
	write_at("c/articles/a.md", "# back\n");
	assert_true(watch_read(w));
	watch_close(w);
	free(root);
}

static void test_missing_at_start(void **state)
{
	(void)state;
	char *root = at("later");
	struct watch *w = watch_open(root);
	assert_non_null(w);
	assert_true(watch_root_missing(w));
	release("later");
	assert_true(watch_read(w));
	assert_false(watch_root_missing(w));
	write_at("later/articles/a.md", "# here\n");
	assert_true(watch_read(w));
	watch_close(w);
	free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_edits_below_the_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_switched_atomically, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_higher_up_the_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_replaced_by_rename, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_deleted_and_made_again, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_at_start, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
