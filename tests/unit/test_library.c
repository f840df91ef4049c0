/*
 * Tests for library.c: loading a content folder (topics, article order,
 * the glossary) and resolving links between articles.
 *
 * Each test builds its content folder in a fresh temporary folder from a
 * table of (path, text) rows, so the tree a test is about is written out
 * in the test itself; the folder is removed afterwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "glossary.h"
#include "library.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct file {
	const char *path; /* below the content folder */
	const char *text;
};

/* A temporary content folder and what loading it gave. */
struct fx {
	char root[64];    /* the temporary folder */
	char content[96]; /* root/content */
	struct library *lib;
	struct diag_list diags;
};

static void make_parents(const char *path)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
}

static void put(const struct fx *f, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", f->content, rel);
	make_parents(path);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void add_files(struct fx *f, const struct file *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(f, files[i].path, files[i].text);
}

static void load(struct fx *f)
{
	f->lib = library_load(f->content, NULL, &f->diags);
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	return remove(path);
}

static void cleanup(struct fx *f)
{
	library_free(f->lib);
	diag_list_clear(&f->diags);
	nftw(f->root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void print_diags(const struct diag_list *d)
{
	fprintf(stderr, "diagnostics (%zu):\n", d->n);
	diag_print(d, stderr);
}

/* The library's articles as "topic/title" lines (caller frees), so an
 * expected order reads as a list. */
static char *outline(const struct library *lib)
{
	size_t cap = 16;
	for (size_t i = 0; i < lib->narticles; i++)
		cap += strlen(lib->articles[i].topic) +
		       strlen(lib->articles[i].title) + 3;
	char *s = malloc(cap);
	assert_non_null(s);
	s[0] = '\0';
	for (size_t i = 0; i < lib->narticles; i++) {
		strcat(s, lib->articles[i].topic);
		strcat(s, "/");
		strcat(s, lib->articles[i].title);
		strcat(s, "\n");
	}
	return s;
}

static void check_outline(const struct library *lib, const char *want)
{
	char *got = outline(lib);
	bool same = strcmp(got, want) == 0;
	if (!same)
		fprintf(stderr, "outline:\n%s\nwanted:\n%s\n", got, want);
	free(got); /* before failing, so ASan reports real leaks only */
	assert_true(same);
}

/* Topics are contiguous runs of the articles, named as their articles. */
static void check_topics(const struct library *lib)
{
	size_t next = 0;
	for (size_t t = 0; t < lib->ntopics; t++) {
		const struct topic *tp = &lib->topics[t];
		assert_int_equal(tp->first, next);
		assert_true(tp->count > 0);
		for (size_t i = tp->first; i < tp->first + tp->count; i++)
			assert_string_equal(lib->articles[i].topic, tp->name);
		for (size_t u = 0; u < t; u++)
			assert_string_not_equal(lib->topics[u].name, tp->name);
		next += tp->count;
	}
	assert_int_equal(next, lib->narticles);
}

static long index_of(const struct library *lib, const char *id)
{
	const struct article *a = library_find(lib, id);
	if (a == NULL)
		fail_msg("no article %s", id);
	return (long)(a - lib->articles);
}

/* ---- the content folder every resolve test and several others use ---- */

static const char glossary_md[] =
	"# Glossary\n\n"
	"## Stem cell\n\nA cell that can become other kinds of cell.\n\n"
	"## Autologous\n\nFrom your own body.\n";

static const struct file clinic[] = {
	{"glossary.md", glossary_md},
	{"articles/welcome.md", "# Welcome\n\nHello.\n"},
	{"articles/01-stem-cell-basics/what-is.md",
	 "---\ntitle: What is stem cell therapy\norder: 2\n---\n\nText.\n"},
	{"articles/01-stem-cell-basics/risks.md",
	 "---\ntitle: Risks\norder: 1\n---\n\nText.\n"},
	{"articles/01-stem-cell-basics/questions.md", "# questions\n\nText.\n"},
	{"articles/01-stem-cell-basics/answers.md", "# Answers\n\nText.\n"},
	{"articles/01-stem-cell-basics/more/deeper.md", "# Deeper\n\nText.\n"},
	{"articles/02-skin_and-hair/sun.md",
	 "# Sun care\n\n## How it works\n\nText.\n"},
	{"articles/02-skin_and-hair/moved.md",
	 "---\ntitle: Moved by front matter\ntopic: Stem cell basics\n---\n"},
	{"articles/02-skin_and-hair/first steps.md", "# First steps\n\nText.\n"},
	{"articles/03-after/plain.txt", "Going home\n\nWhat to expect.\n"},
};

/* A fresh, empty content folder in *state; teardown removes it (also
 * after a failed test). */
static int setup_empty(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->root, sizeof f->root, "/tmp/kiosk-test-library-XXXXXX");
	assert_non_null(mkdtemp(f->root));
	snprintf(f->content, sizeof f->content, "%s/content", f->root);
	assert_int_equal(mkdir(f->content, 0755), 0);
	*state = f;
	return 0;
}

static int setup_clinic(void **state)
{
	setup_empty(state);
	struct fx *f = *state;
	add_files(f, clinic, N(clinic));
	load(f);
	if (f->lib == NULL || diag_count(&f->diags, DIAG_ERROR) > 0)
		print_diags(&f->diags);
	assert_non_null(f->lib);
	return 0;
}

static int teardown(void **state)
{
	cleanup(*state);
	free(*state);
	return 0;
}

/* ---- loading ---- */

static void loads_every_article_without_messages(void **state)
{
	struct fx *f = *state;
	if (f->diags.n != 0)
		print_diags(&f->diags);
	assert_int_equal(f->diags.n, 0);
	assert_int_equal(f->lib->narticles, N(clinic) - 1);
	assert_string_equal(f->lib->dir, f->content);
	check_topics(f->lib);
}

static void topics_follow_folder_order_and_articles_order_then_title(void **state)
{
	struct fx *f = *state;
	/* Topics in folder order with the number dropped; in a topic,
	 * "order" first (absent sorts last), then title ignoring case;
	 * deeper folders belong to their top folder's topic; a "topic"
	 * key moves an article to that topic. */
	check_outline(f->lib,
		      "Stem cell basics/Risks\n"
		      "Stem cell basics/What is stem cell therapy\n"
		      "Stem cell basics/Answers\n"
		      "Stem cell basics/Deeper\n"
		      "Stem cell basics/Moved by front matter\n"
		      "Stem cell basics/questions\n"
		      "Skin and hair/First steps\n"
		      "Skin and hair/Sun care\n"
		      "After/Going home\n"
		      "/Welcome\n");
	assert_int_equal(f->lib->ntopics, 4);
	assert_string_equal(f->lib->topics[0].name, "Stem cell basics");
	assert_int_equal(f->lib->topics[0].count, 6);
	assert_string_equal(f->lib->topics[1].name, "Skin and hair");
	assert_string_equal(f->lib->topics[2].name, "After");
}

/* The first screen's library: whole topics in walk order until their
 * home-screen rows fill the screen, sorted as in the whole library, and
 * no glossary yet. */
static void the_first_screen_loads_whole_topics_until_enough(void **state)
{
	struct fx *f = *state;
	struct diag_list d = {0};
	/* The first topic is 8 rows: the hint and a blank row, its name,
	 * five titles (no descriptions).  "Moved by front matter" comes
	 * from a later folder, so it is not there yet. */
	struct library *first = library_load_first(f->content, 8, &d);
	assert_non_null(first);
	assert_true(first->partial);
	assert_false(f->lib->partial);
	assert_int_equal(glossary_count(first->glossary), 0);
	check_outline(first, "Stem cell basics/Risks\n"
			     "Stem cell basics/What is stem cell therapy\n"
			     "Stem cell basics/Answers\n"
			     "Stem cell basics/Deeper\n"
			     "Stem cell basics/questions\n");
	check_topics(first);
	library_free(first);

	/* One row more: the next topic too, in the same order as the whole
	 * library gives them. */
	first = library_load_first(f->content, 9, &d);
	assert_non_null(first);
	assert_int_equal(first->narticles, 8);
	assert_int_equal(first->ntopics, 2);
	assert_string_equal(first->articles[4].title, "Moved by front matter");
	assert_string_equal(first->articles[6].title, "First steps");
	check_topics(first);
	library_free(first);

	/* More than there are: every article, still waiting for the
	 * glossary. */
	first = library_load_first(f->content, 1000, &d);
	assert_non_null(first);
	assert_int_equal(first->narticles, f->lib->narticles);
	assert_true(first->partial);
	library_free(first);
	assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
	diag_list_clear(&d);

	assert_null(library_load_first("/nonexistent/kiosk", 5, &d));
	assert_int_equal(diag_count(&d, DIAG_ERROR), 1);
	diag_list_clear(&d);
}

/* A description is a second row on the home screen: fewer articles fill
 * the same rows. */
static void descriptions_count_as_rows_of_the_first_screen(void **state)
{
	struct fx *f = *state;
	for (int t = 1; t <= 3; t++)
		for (int i = 1; i <= 4; i++) {
			char rel[64], text[128];
			snprintf(rel, sizeof rel, "articles/%02d-t/a%d.md", t, i);
			snprintf(text, sizeof text,
				 "---\ntitle: T%d A%d\ndescription: About it.\n"
				 "---\n\nText.\n",
				 t, i);
			put(f, rel, text);
		}
	struct diag_list d = {0};
	/* A topic is 2 + 1 + 4 * 2 = 11 rows. */
	struct library *first = library_load_first(f->content, 11, &d);
	assert_non_null(first);
	assert_int_equal(first->narticles, 4);
	library_free(first);
	first = library_load_first(f->content, 12, &d);
	assert_non_null(first);
	assert_int_equal(first->narticles, 8);
	library_free(first);
	diag_list_clear(&d);
}

/* A library loaded to serve keeps of the front matter only the web
 * address (the take-home key uses it); kiosk --check keeps it all. */
static void a_served_library_keeps_only_the_url_of_front_matter(void **state)
{
	struct fx *f = *state;
	put(f, "articles/x.md",
	    "---\ntitle: X\nreviewed: 2026-01-02\nurl: https://c.example/x\n"
	    "tags: [a, b]\n---\n\nText.\n");
	struct diag_list d = {0};
	struct library *lib = library_load(f->content, NULL, &d);
	assert_non_null(lib);
	const struct article *a = library_find(lib, "x.md");
	assert_non_null(a);
	assert_string_equal(a->title, "X");
	assert_string_equal(a->fm.url, "https://c.example/x");
	assert_null(a->fm.title);
	assert_null(a->fm.reviewed);
	assert_int_equal(a->fm.ntags, 0);
	library_free(lib);
	lib = library_load_whole(f->content, &d);
	assert_non_null(lib);
	a = library_find(lib, "x.md");
	assert_string_equal(a->fm.reviewed, "2026-01-02");
	assert_int_equal(a->fm.ntags, 2);
	library_free(lib);
	diag_list_clear(&d);
}

static int stop_calls;
static int stop_after_three(void) { return ++stop_calls > 3; }
static int never_stop(void) { return 0; }

/* A load told to stop (the kiosk is quitting) gives up at once, with no
 * message; one never told loads everything. */
static void a_load_stops_when_told(void **state)
{
	struct fx *f = *state;
	struct diag_list d = {0};
	stop_calls = 0;
	assert_null(library_load_until(f->content, stop_after_three, &d));
	assert_int_equal(d.n, 0);
	assert_true(stop_calls >= 4 && stop_calls <= 6);
	struct library *all = library_load_until(f->content, never_stop, &d);
	assert_non_null(all);
	assert_int_equal(all->narticles, f->lib->narticles);
	assert_int_equal(glossary_count(all->glossary),
			 glossary_count(f->lib->glossary));
	library_free(all);
	diag_list_clear(&d);
}

static void articles_at_the_top_have_no_topic(void **state)
{
	struct fx *f = *state;
	const struct article *a = library_find(f->lib, "welcome.md");
	assert_non_null(a);
	assert_string_equal(a->topic, "");
	assert_string_equal(a->title, "Welcome");
}

static void ids_are_paths_below_the_articles_folder(void **state)
{
	struct fx *f = *state;
	const struct article *a =
		library_find(f->lib, "01-stem-cell-basics/more/deeper.md");
	assert_non_null(a);
	assert_string_equal(a->title, "Deeper");
	assert_null(library_find(f->lib, "deeper.md"));
	assert_null(library_find(f->lib, "articles/welcome.md"));
}

static void the_glossary_is_loaded(void **state)
{
	struct fx *f = *state;
	assert_non_null(f->lib->glossary);
	assert_int_equal(glossary_count(f->lib->glossary), 2);
	assert_true(glossary_lookup(f->lib->glossary, "stem cells") >= 0);
}

static void editor_junk_and_hidden_files_are_ignored(void **state)
{
	static const struct file files[] = {
		{"glossary.md", glossary_md},
		{"articles/01-a/real.md", "# Real\n"},
		{"articles/01-a/real.md~", "# Backup\n"},
		{"articles/01-a/.real.md.swp", "# Vim swap\n"},
		{"articles/01-a/#real.md#", "# Emacs autosave\n"},
		{"articles/01-a/.#real.md", "# Emacs lock\n"},
		{"articles/01-a/.hidden.md", "# Hidden\n"},
		{"articles/01-a/notes.md.bak", "# Bak\n"},
		{"articles/01-a/picture.png", "PNG"},
		{"articles/01-a/README", "# No extension\n"},
		{"articles/.git/config.md", "# In a hidden folder\n"},
	};
	struct fx *f = *state;
	add_files(f, files, N(files));
	load(f);
	assert_non_null(f->lib);
	check_outline(f->lib, "A/Real\n");
	assert_int_equal(f->diags.n, 0);
}

static void a_bad_file_is_skipped_and_the_rest_loads(void **state)
{
	static const struct file files[] = {
		{"glossary.md", glossary_md},
		{"articles/01-a/good.md", "# Good\n"},
		{"articles/01-a/empty.md", ""},
	};
	struct fx *f = *state;
	add_files(f, files, N(files));
	load(f);
	assert_non_null(f->lib);
	check_outline(f->lib, "A/Good\n");
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 1);
	assert_non_null(strstr(f->diags.items[0].path, "empty.md"));
}

static void a_missing_glossary_is_a_warning(void **state)
{
	static const struct file files[] = {
		{"articles/a.md", "# A\n"},
	};
	struct fx *f = *state;
	add_files(f, files, N(files));
	load(f);
	assert_non_null(f->lib);
	assert_int_equal(f->lib->narticles, 1);
	assert_non_null(f->lib->glossary);
	assert_int_equal(glossary_count(f->lib->glossary), 0);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	assert_int_equal(diag_count(&f->diags, DIAG_WARNING), 1);
	assert_non_null(strstr(f->diags.items[0].path, "glossary.md"));
}

static void a_missing_content_folder_is_an_error(void **state)
{
	struct diag_list d = {0};
	struct library *lib = library_load("/nonexistent/kiosk/content", NULL, &d);
	assert_null(lib);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].level, DIAG_ERROR);
	assert_string_equal(d.items[0].path, "/nonexistent/kiosk/content");
	diag_list_clear(&d);
}

static void a_file_as_content_folder_is_an_error(void **state)
{
	static const struct file files[] = {{"file.md", "# A\n"}};
	struct fx *f = *state;
	add_files(f, files, N(files));
	char path[160];
	snprintf(path, sizeof path, "%s/file.md", f->content);
	f->lib = library_load(path, NULL, &f->diags);
	assert_null(f->lib);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 1);
}

static void without_articles_folder_the_content_folder_is_used(void **state)
{
	static const struct file files[] = {
		{"glossary.md", glossary_md},
		{"intro.md", "# Intro\n"},
		{"01-topic/in-topic.md", "# In topic\n"},
	};
	struct fx *f = *state;
	add_files(f, files, N(files));
	load(f);
	assert_non_null(f->lib);
	/* glossary.md is the glossary, not an article */
	check_outline(f->lib, "Topic/In topic\n/Intro\n");
	assert_int_equal(glossary_count(f->lib->glossary), 2);
	assert_null(library_find(f->lib, "glossary.md"));
}

static void an_empty_content_folder_loads_with_a_warning(void **state)
{
	struct fx *f = *state;
	load(f);
	assert_non_null(f->lib);
	assert_int_equal(f->lib->narticles, 0);
	assert_int_equal(f->lib->ntopics, 0);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	assert_true(diag_count(&f->diags, DIAG_WARNING) >= 1);
}

static void topic_numbers_order_as_numbers(void **state)
{
	/* Staff number folders 1, 2, ... 10 without zero padding. */
	static const struct file files[] = {
		{"glossary.md", glossary_md},
		{"articles/1-first/a.md", "# A\n"},
		{"articles/2-second/b.md", "# B\n"},
		{"articles/10-tenth/c.md", "# C\n"},
	};
	struct fx *f = *state;
	add_files(f, files, N(files));
	load(f);
	assert_non_null(f->lib);
	check_outline(f->lib, "First/A\nSecond/B\nTenth/C\n");
}

/* ---- reloading ---- */

/* Loads f's content again with the current library as prev; the new
 * library replaces it.  Returns the diagnostics of the reload only. */
static void reload(struct fx *f)
{
	diag_list_clear(&f->diags);
	struct library *next = library_load(f->content, f->lib, &f->diags);
	assert_non_null(next);
	library_free(f->lib);
	f->lib = next;
}

static size_t count_messages(const struct diag_list *d, const char *text)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->items[i].message, text) != NULL)
			n++;
	return n;
}

static void a_reload_picks_up_edits(void **state)
{
	struct fx *f = *state;
	put(f, "articles/01-stem-cell-basics/risks.md",
	    "---\ntitle: Risks and side effects\norder: 1\n---\n\nNew.\n");
	put(f, "articles/01-stem-cell-basics/new.md", "# Brand new\n");
	reload(f);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	const struct article *a =
		library_find(f->lib, "01-stem-cell-basics/risks.md");
	assert_non_null(a);
	assert_string_equal(a->title, "Risks and side effects");
	assert_false(a->stale);
	assert_non_null(library_find(f->lib, "01-stem-cell-basics/new.md"));
	check_topics(f->lib);
}

static void a_reload_keeps_the_last_good_version_of_a_broken_file(void **state)
{
	struct fx *f = *state;
	/* Staff save a half-written file: empty, then binary junk. */
	put(f, "articles/01-stem-cell-basics/risks.md", "");
	put(f, "articles/02-skin_and-hair/sun.md", "\x01\x02\x03\x04\x05");
	reload(f);
	assert_int_equal(f->lib->narticles, N(clinic) - 1);
	const struct article *a =
		library_find(f->lib, "01-stem-cell-basics/risks.md");
	assert_non_null(a);
	assert_string_equal(a->title, "Risks");
	assert_true(a->stale);
	/* The reader still sees the old body. */
	struct diag_list d = {0};
	cmark_node *doc = article_parse(a, &d);
	assert_non_null(doc);
	assert_int_equal(cmark_node_get_type(cmark_node_first_child(doc)),
			 CMARK_NODE_PARAGRAPH);
	cmark_node_free(doc);
	diag_list_clear(&d);
	/* Staff are told, once per file. */
	assert_int_equal(count_messages(&f->diags, "last good version"), 2);
	assert_true(diag_count(&f->diags, DIAG_ERROR) >= 1);
	check_topics(f->lib);
	/* A second reload still has it, and fixing the file clears it. */
	reload(f);
	a = library_find(f->lib, "01-stem-cell-basics/risks.md");
	assert_non_null(a);
	assert_true(a->stale);
	put(f, "articles/01-stem-cell-basics/risks.md",
	    "---\ntitle: Risks again\norder: 1\n---\n\nText.\n");
	reload(f);
	a = library_find(f->lib, "01-stem-cell-basics/risks.md");
	assert_string_equal(a->title, "Risks again");
	assert_false(a->stale);
}

/* Past LIBRARY_TEXT_BUDGET only the head of a file is read and no text
 * is kept: a broken file keeps its last good title and place in the
 * list, but opens to what the file holds now.  Files within the budget
 * keep their last good body. */
static void past_the_text_budget_a_broken_file_keeps_only_its_title(void **state)
{
	struct fx *f = *state;
	static char body[8192];
	memset(body, 'x', sizeof body - 2);
	body[sizeof body - 2] = '\n';
	body[sizeof body - 1] = '\0';
	size_t n = LIBRARY_TEXT_BUDGET / sizeof body + 2;
	char rel[64], text[sizeof body + 64];
	for (size_t i = 0; i < n; i++) {
		snprintf(rel, sizeof rel, "articles/zz-many/a%04zu.md", i);
		snprintf(text, sizeof text, "# Many %zu\n\n%s", i, body);
		put(f, rel, text);
	}
	reload(f);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	assert_true(f->lib->text_bytes <= LIBRARY_TEXT_BUDGET + sizeof text);
	const struct article *first = library_find(f->lib, "zz-many/a0000.md");
	snprintf(rel, sizeof rel, "zz-many/a%04zu.md", n - 1);
	const struct article *last = library_find(f->lib, rel);
	assert_non_null(first->text);
	assert_null(last->text);

	put(f, "articles/zz-many/a0000.md", "");
	snprintf(rel, sizeof rel, "articles/zz-many/a%04zu.md", n - 1);
	put(f, rel, "");
	reload(f);
	first = library_find(f->lib, "zz-many/a0000.md");
	last = library_find(f->lib, rel + strlen("articles/"));
	assert_non_null(first);
	assert_non_null(last);
	assert_true(first->stale);
	assert_true(last->stale);
	assert_string_equal(first->title, "Many 0");
	char want[32];
	snprintf(want, sizeof want, "Many %zu", n - 1);
	assert_string_equal(last->title, want);
	struct diag_list d = {0};
	cmark_node *doc = article_parse(first, &d);
	assert_non_null(cmark_node_first_child(doc)); /* the old body */
	cmark_node_free(doc);
	doc = article_parse(last, &d);
	assert_non_null(doc);
	assert_null(cmark_node_first_child(doc)); /* the file as it is now */
	cmark_node_free(doc);
	diag_list_clear(&d);
	check_topics(f->lib);
}

static void a_reload_drops_a_deleted_article(void **state)
{
	struct fx *f = *state;
	char path[256];
	snprintf(path, sizeof path, "%s/articles/welcome.md", f->content);
	assert_int_equal(unlink(path), 0);
	reload(f);
	assert_null(library_find(f->lib, "welcome.md"));
	assert_int_equal(f->lib->narticles, N(clinic) - 2);
	check_topics(f->lib);
}

static void a_reload_keeps_the_last_good_glossary(void **state)
{
	struct fx *f = *state;
	char path[256];
	snprintf(path, sizeof path, "%s/glossary.md", f->content);
	assert_int_equal(unlink(path), 0);
	reload(f);
	assert_int_equal(glossary_count(f->lib->glossary), 2);
	assert_int_equal(count_messages(&f->diags, "last good version of the "
					"glossary"), 1);
	/* Kept across further reloads too. */
	reload(f);
	assert_int_equal(glossary_count(f->lib->glossary), 2);
}

static void a_reload_takes_a_good_new_glossary(void **state)
{
	struct fx *f = *state;
	put(f, "glossary.md", "## Only one\n\nA single entry.\n");
	reload(f);
	assert_int_equal(glossary_count(f->lib->glossary), 1);
	assert_int_equal(diag_count(&f->diags, DIAG_WARNING), 0);
}

/* ---- resolving links ---- */

struct resolve_row {
	const char *from; /* id of the article the link is in */
	const char *url;
	const char *to;   /* id it resolves to, or NULL: -1 */
	const char *fragment;
};

static void check_resolve(const struct library *lib,
			  const struct resolve_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct article *from = library_find(lib, rows[i].from);
		assert_non_null(from);
		const char *frag = (const char *)1;
		long got = library_resolve(lib, from, rows[i].url, &frag);
		long want = rows[i].to != NULL ? index_of(lib, rows[i].to) : -1;
		if (got != want)
			fprintf(stderr, "%s: \"%s\" gave %ld (%s), wanted %s\n",
				rows[i].from, rows[i].url, got,
				got >= 0 ? lib->articles[got].id : "-",
				rows[i].to != NULL ? rows[i].to : "-1");
		assert_int_equal(got, want);
		if (want < 0)
			continue;
		if (rows[i].fragment == NULL) {
			assert_null(frag);
		} else {
			assert_non_null(frag);
			assert_string_equal(frag, rows[i].fragment);
		}
	}
}

static void resolves_links_in_the_same_folder(void **state)
{
	struct fx *f = *state;
	static const struct resolve_row rows[] = {
		{"01-stem-cell-basics/what-is.md", "risks.md",
		 "01-stem-cell-basics/risks.md", NULL},
		{"01-stem-cell-basics/what-is.md", "./risks.md",
		 "01-stem-cell-basics/risks.md", NULL},
		{"01-stem-cell-basics/what-is.md", "risks",
		 "01-stem-cell-basics/risks.md", NULL},
		{"01-stem-cell-basics/what-is.md", "more/deeper.md",
		 "01-stem-cell-basics/more/deeper.md", NULL},
		{"03-after/plain.txt", "plain", "03-after/plain.txt", NULL},
	};
	check_resolve(f->lib, rows, N(rows));
}

static void resolves_links_to_other_folders_with_fragments(void **state)
{
	struct fx *f = *state;
	static const struct resolve_row rows[] = {
		{"01-stem-cell-basics/what-is.md",
		 "../02-skin_and-hair/sun.md#how-it-works",
		 "02-skin_and-hair/sun.md", "how-it-works"},
		{"01-stem-cell-basics/what-is.md", "../02-skin_and-hair/sun",
		 "02-skin_and-hair/sun.md", NULL},
		{"01-stem-cell-basics/what-is.md", "../welcome.md",
		 "welcome.md", NULL},
		{"welcome.md", "01-stem-cell-basics/risks.md#top",
		 "01-stem-cell-basics/risks.md", "top"},
		{"01-stem-cell-basics/more/deeper.md", "../../welcome.md",
		 "welcome.md", NULL},
		{"01-stem-cell-basics/what-is.md", "/02-skin_and-hair/sun.md",
		 "02-skin_and-hair/sun.md", NULL},
	};
	check_resolve(f->lib, rows, N(rows));
}

static void a_fragment_alone_is_the_same_article(void **state)
{
	struct fx *f = *state;
	static const struct resolve_row rows[] = {
		{"02-skin_and-hair/sun.md", "#how-it-works",
		 "02-skin_and-hair/sun.md", "how-it-works"},
	};
	check_resolve(f->lib, rows, N(rows));
}

static void external_and_escaping_links_do_not_resolve(void **state)
{
	struct fx *f = *state;
	static const struct resolve_row rows[] = {
		{"01-stem-cell-basics/what-is.md", "https://clinic.example/x.md", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "http://clinic.example/", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "mailto:info@clinic.example", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "file:///etc/passwd", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "../../etc/passwd", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "../../../etc/passwd", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "../../articles/welcome.md", NULL, NULL},
		{"welcome.md", "../welcome.md", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "no-such-article.md", NULL, NULL},
		{"01-stem-cell-basics/what-is.md", "", "01-stem-cell-basics/what-is.md", NULL},
	};
	check_resolve(f->lib, rows, N(rows));
	const char *frag;
	assert_int_equal(library_resolve(f->lib, NULL, NULL, &frag), -1);
}

static void a_percent_encoded_link_resolves(void **state)
{
	/* CommonMark link destinations cannot hold a plain space; editors
	 * write "first%20steps.md" for the file "first steps.md". */
	struct fx *f = *state;
	static const struct resolve_row rows[] = {
		{"02-skin_and-hair/sun.md", "first%20steps.md",
		 "02-skin_and-hair/first steps.md", NULL},
	};
	check_resolve(f->lib, rows, N(rows));
}


/* Issue 13: the walk never leaves the content folder and never loops. */

static bool diag_has(const struct diag_list *d, enum diag_level level,
		     const char *path_end, const char *words)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *x = &d->items[i];
		size_t pl = strlen(x->path), el = strlen(path_end);
		if (x->level == level && pl >= el &&
		    strcmp(x->path + pl - el, path_end) == 0 &&
		    strstr(x->message, words) != NULL)
			return true;
	}
	return false;
}

static void links_out_of_the_folder_are_refused_and_named(void **state)
{
	struct fx *f = *state;
	static const struct file files[] = {
		{"articles/01-care/good.md", "# Good\n\nText.\n"},
		{"articles/02-other/far.md", "# Far\n\nText.\n"},
		{"glossary.md", "## Stem cell\n\nA cell.\n"},
	};
	add_files(f, files, N(files));
	char p[512];
	snprintf(p, sizeof p, "%s/articles/01-care/passwd.txt", f->content);
	assert_int_equal(symlink("/etc/passwd", p), 0);
	snprintf(p, sizeof p, "%s/articles/01-care/up.md", f->content);
	assert_int_equal(symlink("../../../../../../etc/hostname", p), 0);
	snprintf(p, sizeof p, "%s/articles/01-care/same.md", f->content);
	assert_int_equal(symlink("good.md", p), 0);
	snprintf(p, sizeof p, "%s/articles/01-care/other.md", f->content);
	assert_int_equal(symlink("../02-other/far.md", p), 0);
	load(f);
	assert_non_null(f->lib);
	/* followed: a link within its folder; nothing else */
	check_outline(f->lib, "Care/Good\nCare/Good\nOther/Far\n");
	assert_true(diag_has(&f->diags, DIAG_ERROR, "01-care/passwd.txt",
			     "a link to /etc/passwd, outside the content folder"));
	assert_true(diag_has(&f->diags, DIAG_ERROR, "01-care/up.md",
			     "outside the content folder"));
	assert_true(diag_has(&f->diags, DIAG_WARNING, "01-care/other.md",
			     "in another folder of the content"));
}

static void folder_links_never_loop(void **state)
{
	/* Six links to "." made 100,000 articles, 47 s and 290 MB. */
	struct fx *f = *state;
	static const struct file files[] = {
		{"articles/01-care/a.md", "# A\n\nText.\n"},
		{"articles/01-care/b.md", "# B\n\nText.\n"},
	};
	add_files(f, files, N(files));
	char p[512];
	for (int i = 0; i < 6; i++) {
		snprintf(p, sizeof p, "%s/articles/01-care/l%d", f->content, i);
		assert_int_equal(symlink(".", p), 0);
	}
	snprintf(p, sizeof p, "%s/articles/up", f->content);
	assert_int_equal(symlink("..", p), 0);
	snprintf(p, sizeof p, "%s/articles/etc", f->content);
	assert_int_equal(symlink("/etc", p), 0);
	load(f);
	assert_non_null(f->lib);
	check_outline(f->lib, "Care/A\nCare/B\n");
	assert_true(diag_has(&f->diags, DIAG_WARNING, "01-care/l0",
			     "links to folders are not followed"));
}

static void a_glossary_link_out_is_not_read(void **state)
{
	struct fx *f = *state;
	static const struct file files[] = {
		{"articles/a.md", "# A\n\nText.\n"},
	};
	add_files(f, files, N(files));
	char p[512];
	snprintf(p, sizeof p, "%s/glossary.md", f->content);
	assert_int_equal(symlink("/etc/passwd", p), 0);
	load(f);
	assert_non_null(f->lib);
	assert_int_equal(glossary_count(f->lib->glossary), 0);
	assert_true(diag_has(&f->diags, DIAG_WARNING, "glossary.md",
			     "leads out of its folder"));
}

/* The load comes from the folder the path named when it began, even when
 * the path (a link) is switched to another folder in the middle. */
static struct fx *switching;
static int switch_once(void)
{
	static bool done;
	if (!done && switching != NULL) {
		done = true;
		char link[160], tmp[160], other[160];
		snprintf(link, sizeof link, "%s/live", switching->root);
		snprintf(tmp, sizeof tmp, "%s/live.new", switching->root);
		snprintf(other, sizeof other, "%s/v2", switching->root);
		if (symlink(other, tmp) != 0 || rename(tmp, link) != 0)
			abort();
	}
	return 0;
}

static void a_switched_content_link_does_not_mix_two_folders(void **state)
{
	struct fx *f = *state;
	static const struct file files[] = {
		{"articles/01-a/one.md", "# One old\n\nText.\n"},
		{"articles/01-a/two.md", "# Two old\n\nText.\n"},
		{"articles/02-b/three.md", "# Three old\n\nText.\n"},
		{"glossary.md", "## Old term\n\nOld.\n"},
	};
	add_files(f, files, N(files));
	char v2[160], link[160];
	snprintf(v2, sizeof v2, "%s/v2", f->root);
	snprintf(link, sizeof link, "%s/live", f->root);
	char cmd[1400];
	snprintf(cmd, sizeof cmd,
		 "mkdir -p %s/articles/01-a %s/articles/02-b && "
		 "printf '# One new\\n' > %s/articles/01-a/one.md && "
		 "printf '# Two new\\n' > %s/articles/01-a/two.md && "
		 "printf '# Three new\\n' > %s/articles/02-b/three.md && "
		 "printf '## New term\\n\\nNew.\\n' > %s/glossary.md",
		 v2, v2, v2, v2, v2, v2);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(symlink(f->content, link), 0);
	switching = f;
	f->lib = library_load_until(link, switch_once, &f->diags);
	switching = NULL;
	assert_non_null(f->lib);
	check_outline(f->lib, "A/One old\nA/Two old\nB/Three old\n");
	assert_true(glossary_lookup(f->lib->glossary, "Old term") >= 0);
	assert_true(glossary_lookup(f->lib->glossary, "New term") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(loads_every_article_without_messages,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(topics_follow_folder_order_and_articles_order_then_title,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(the_first_screen_loads_whole_topics_until_enough,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(descriptions_count_as_rows_of_the_first_screen,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_served_library_keeps_only_the_url_of_front_matter,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_load_stops_when_told,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(articles_at_the_top_have_no_topic,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(ids_are_paths_below_the_articles_folder,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(the_glossary_is_loaded,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(editor_junk_and_hidden_files_are_ignored,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_bad_file_is_skipped_and_the_rest_loads,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_missing_glossary_is_a_warning,
						setup_empty, teardown),
		cmocka_unit_test(a_missing_content_folder_is_an_error),
		cmocka_unit_test_setup_teardown(a_file_as_content_folder_is_an_error,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(without_articles_folder_the_content_folder_is_used,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(an_empty_content_folder_loads_with_a_warning,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(topic_numbers_order_as_numbers,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_reload_picks_up_edits,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(a_reload_keeps_the_last_good_version_of_a_broken_file,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(past_the_text_budget_a_broken_file_keeps_only_its_title,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(a_reload_drops_a_deleted_article,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(a_reload_keeps_the_last_good_glossary,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(a_reload_takes_a_good_new_glossary,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(resolves_links_in_the_same_folder,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(resolves_links_to_other_folders_with_fragments,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(a_fragment_alone_is_the_same_article,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(external_and_escaping_links_do_not_resolve,
						setup_clinic, teardown),
		cmocka_unit_test_setup_teardown(links_out_of_the_folder_are_refused_and_named,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(folder_links_never_loop,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_glossary_link_out_is_not_read,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_switched_content_link_does_not_mix_two_folders,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(a_percent_encoded_link_resolves,
						setup_clinic, teardown),
	};
	/* TEST_FILTER=pattern runs only the matching tests. */
	if (getenv("TEST_FILTER") != NULL)
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
