/*
 * Tests for article.c: reading one article file's metadata (title,
 * description, topic, order) and parsing its body.
 *
 * Each test loads a fixture under tests/unit/fixtures/article/ (read
 * relative to the project root, where `make unit` runs the tests); the
 * fixture's name says what is special about it.  What is checked is what
 * a patient sees on the home screen (the title), and what staff see in
 * the messages (level, file, line, wording).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <limits.h>
#include <unistd.h>

#include "article.h"
#include "diag.h"
#include "text.h"

#define FIXTURES "tests/unit/fixtures/article/"

/* Everything one article_load gives back. */
struct loaded {
	int rc;
	struct article a;
	struct diag_list diags;
};

static void load(struct loaded *l, const char *name, const char *folder_topic)
{
	memset(l, 0, sizeof *l);
	char path[256];
	snprintf(path, sizeof path, FIXTURES "%s", name);
	l->rc = article_load(&l->a, path, name, folder_topic, ARTICLE_WHOLE, &l->diags);
}

static void done(struct loaded *l)
{
	if (l->rc == 0)
		article_free(&l->a);
	diag_list_clear(&l->diags);
}

static void print_diags(const struct diag_list *d)
{
	fprintf(stderr, "diagnostics (%zu):\n", d->n);
	diag_print(d, stderr);
}

/* Loads name expecting success and no errors (warnings allowed). */
static void load_ok(struct loaded *l, const char *name, const char *folder_topic)
{
	load(l, name, folder_topic);
	if (l->rc != 0 || diag_count(&l->diags, DIAG_ERROR) != 0)
		print_diags(&l->diags);
	assert_int_equal(l->rc, 0);
	assert_int_equal(diag_count(&l->diags, DIAG_ERROR), 0);
	assert_non_null(l->a.title);
	assert_non_null(l->a.description);
	assert_non_null(l->a.topic);
	assert_true(text_is_clean(l->a.title, strlen(l->a.title)));
}

/* Loads name expecting failure with one error about that file whose
 * message contains what. */
static void load_fails(const char *name, const char *what)
{
	struct loaded l;
	load(&l, name, NULL);
	if (l.rc != -1 || l.diags.n != 1)
		print_diags(&l.diags);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.diags.n, 1);
	const struct diag *d = &l.diags.items[0];
	assert_int_equal(d->level, DIAG_ERROR);
	char path[256];
	snprintf(path, sizeof path, FIXTURES "%s", name);
	assert_string_equal(d->path, path);
	char *msg = diag_format(d);
	if (strstr(msg, what) == NULL || strstr(msg, name) == NULL)
		fprintf(stderr, "message: %s\n", msg);
	assert_non_null(strstr(msg, name));
	assert_non_null(strstr(msg, what));
	free(msg);
	done(&l);
}

/* Plain text of the first paragraph of doc (caller frees), or NULL. */
static char *first_paragraph(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *out = NULL;
	size_t len = 0;
	bool in = false;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_PARAGRAPH) {
			if (ev == CMARK_EVENT_EXIT)
				break;
			in = true;
			out = calloc(1, 1);
			continue;
		}
		if (!in || ev != CMARK_EVENT_ENTER)
			continue;
		const char *lit = t == CMARK_NODE_TEXT ? cmark_node_get_literal(n)
			: t == CMARK_NODE_SOFTBREAK ? " " : NULL;
		if (lit == NULL)
			continue;
		out = realloc(out, len + strlen(lit) + 1);
		assert_non_null(out);
		strcpy(out + len, lit);
		len += strlen(lit);
	}
	cmark_iter_free(it);
	return out;
}

static cmark_node_type first_block_type(cmark_node *doc)
{
	cmark_node *n = cmark_node_first_child(doc);
	assert_non_null(n);
	return cmark_node_get_type(n);
}

/* ---- metadata ---- */

static void front_matter_gives_the_metadata(void **state)
{
	struct loaded l;
	load_ok(&l, "front_matter.md", "Folder topic");
	assert_int_equal(l.diags.n, 0);
	assert_string_equal(l.a.title, "What is stem cell therapy?");
	assert_string_equal(l.a.description, "A short introduction for patients.");
	/* the front matter's topic wins over the folder's */
	assert_string_equal(l.a.topic, "Stem cell basics");
	assert_int_equal(l.a.order, 2);
	assert_false(l.a.plain);
	assert_string_equal(l.a.id, "front_matter.md");
	assert_string_equal(l.a.path, FIXTURES "front_matter.md");
	done(&l);
}

static void without_front_matter_the_first_heading_is_the_title(void **state)
{
	struct loaded l;
	load_ok(&l, "no_front_matter.md", "Skin and hair");
	assert_int_equal(l.diags.n, 0);
	assert_string_equal(l.a.title, "Caring for your skin");
	assert_string_equal(l.a.description, "");
	assert_string_equal(l.a.topic, "Skin and hair"); /* from the folder */
	assert_int_equal(l.a.order, INT_MAX);            /* sorts last */
	assert_false(l.a.plain);
	done(&l);
}

static void without_a_heading_the_file_name_is_the_title(void **state)
{
	struct loaded l;
	load_ok(&l, "skin-care_tips.md", NULL);
	assert_string_equal(l.a.title, "Skin care tips");
	assert_string_equal(l.a.topic, "");
	done(&l);
}

static void a_text_file_takes_its_first_line_as_the_title(void **state)
{
	struct loaded l;
	load_ok(&l, "pasted.txt", NULL);
	assert_true(l.a.plain);
	assert_string_equal(l.a.title, "Eating well before surgery");
	done(&l);
}

static void a_text_file_with_front_matter_is_markdown(void **state)
{
	struct loaded l;
	load_ok(&l, "front_matter.txt", NULL);
	assert_false(l.a.plain);
	assert_string_equal(l.a.title, "Front matter in a text file");
	assert_int_equal(l.a.order, 5);
	/* The body is Markdown: a heading and emphasis, not literal text. */
	struct diag_list d = {0};
	cmark_node *doc = article_parse(&l.a, &d);
	assert_non_null(doc);
	assert_int_equal(first_block_type(doc), CMARK_NODE_HEADING);
	char *p = first_paragraph(doc);
	assert_string_equal(p, "Some emphasis here.");
	free(p);
	cmark_node_free(doc);
	diag_list_clear(&d);
	done(&l);
}

static void a_byte_order_mark_before_the_front_matter_works(void **state)
{
	struct loaded l;
	load_ok(&l, "bom_front_matter.md", NULL);
	assert_int_equal(l.diags.n, 0);
	assert_string_equal(l.a.title, "With a byte order mark");
	struct diag_list d = {0};
	cmark_node *doc = article_parse(&l.a, &d);
	char *p = first_paragraph(doc);
	assert_string_equal(p, "Body text after the BOM.");
	free(p);
	cmark_node_free(doc);
	diag_list_clear(&d);
	done(&l);
}

static void a_byte_order_mark_is_not_part_of_a_text_title(void **state)
{
	struct loaded l;
	load_ok(&l, "bom_plain.txt", NULL);
	if (strcmp(l.a.title, "Plain title after a BOM") != 0)
		fprintf(stderr, "title bytes start %02x %02x %02x\n",
			(unsigned char)l.a.title[0], (unsigned char)l.a.title[1],
			(unsigned char)l.a.title[2]);
	assert_string_equal(l.a.title, "Plain title after a BOM");
	done(&l);
}

static void windows_line_endings_work(void **state)
{
	struct loaded l;
	load_ok(&l, "crlf_front_matter.md", NULL);
	assert_string_equal(l.a.title, "Saved on Windows");
	assert_int_equal(l.a.order, 1);
	done(&l);
}

/* ---- sanitizing ---- */

static void escape_sequences_in_a_heading_title_are_removed(void **state)
{
	struct loaded l;
	load_ok(&l, "escape_heading.md", NULL);
	assert_null(strchr(l.a.title, '\x1b'));
	assert_null(strstr(l.a.title, "\xe2\x80\xae")); /* RLO */
	assert_non_null(strstr(l.a.title, "Red"));
	assert_non_null(strstr(l.a.title, "alert"));
	done(&l);
}

static void escape_sequences_in_front_matter_are_removed(void **state)
{
	struct loaded l;
	load_ok(&l, "escape_front_matter.md", NULL);
	/* YAML "\e" and "\a" are ESC and BEL: neither reaches the screen. */
	assert_true(text_is_clean(l.a.title, strlen(l.a.title)));
	assert_true(text_is_clean(l.a.description, strlen(l.a.description)));
	assert_null(strchr(l.a.title, '\x1b'));
	assert_null(strchr(l.a.title, '\x07'));
	assert_null(strchr(l.a.description, '\x1b'));
	assert_non_null(strstr(l.a.title, "Cleared screen"));
	assert_non_null(strstr(l.a.description, "Bell"));
	done(&l);
}

/* ---- files that cannot be used ---- */

static void an_empty_file_is_skipped_with_an_error(void **state)
{
	load_fails("empty.md", "empty");
}

static void a_whitespace_only_file_is_skipped_with_an_error(void **state)
{
	load_fails("blank.md", "empty");
}

static void a_binary_file_is_skipped_with_an_error(void **state)
{
	load_fails("binary.md", "not a text file");
}

static void a_missing_file_is_skipped_with_an_error(void **state)
{
	load_fails("no_such_file.md", "no_such_file.md");
}

static void a_folder_is_not_an_article(void **state)
{
	struct loaded l;
	memset(&l, 0, sizeof l);
	l.rc = article_load(&l.a, "tests/unit/fixtures", "fixtures", NULL, ARTICLE_WHOLE,
			    &l.diags);
	assert_int_equal(l.rc, -1);
	assert_int_equal(diag_count(&l.diags, DIAG_ERROR), 1);
	done(&l);
}

static void invalid_utf8_loads_with_a_warning_on_its_line(void **state)
{
	struct loaded l;
	load_ok(&l, "bad_utf8.md", NULL);
	assert_int_equal(l.diags.n, 1);
	const struct diag *d = &l.diags.items[0];
	assert_int_equal(d->level, DIAG_WARNING);
	assert_int_equal(d->line, 3); /* "The caf\xe9 is ..." */
	assert_non_null(strstr(d->path, "bad_utf8.md"));
	assert_non_null(strstr(d->message, "UTF-8"));
	assert_string_equal(l.a.title, "Menu");
	assert_non_null(strstr(d->message, "Windows-1252"));
	/* The body opens, read as Windows-1252: the byte is an "é". */
	struct diag_list dl = {0};
	cmark_node *doc = article_parse(&l.a, &dl);
	char *p = first_paragraph(doc);
	assert_non_null(strstr(p, "caf\xc3\xa9 is"));
	free(p);
	cmark_node_free(doc);
	diag_list_clear(&dl);
	done(&l);
}

/* ---- the body ---- */

static void parse_returns_the_body_without_the_front_matter(void **state)
{
	struct loaded l;
	load_ok(&l, "front_matter.md", NULL);
	struct diag_list d = {0};
	cmark_node *doc = article_parse(&l.a, &d);
	assert_non_null(doc);
	assert_int_equal(d.n, 0);
	/* The first block is the body's paragraph, not the YAML (which
	 * would read as a rule and a setext heading). */
	assert_int_equal(first_block_type(doc), CMARK_NODE_PARAGRAPH);
	char *p = first_paragraph(doc);
	assert_string_equal(p, "This first paragraph belongs to the body.");
	free(p);
	cmark_node_free(doc);
	diag_list_clear(&d);
	done(&l);
}

static void parse_of_a_text_file_leaves_out_the_title(void **state)
{
	struct loaded l;
	load_ok(&l, "pasted.txt", NULL);
	struct diag_list d = {0};
	cmark_node *doc = article_parse(&l.a, &d);
	assert_non_null(doc);
	char *p = first_paragraph(doc);
	assert_non_null(p);
	assert_non_null(strstr(p, "In the weeks before your operation"));
	free(p);
	cmark_node_free(doc);
	diag_list_clear(&d);
	done(&l);
}

static void parse_of_a_file_removed_since_loading_fails_with_a_message(void **state)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.path = (char *)FIXTURES "gone.md";
	a.id = (char *)"gone.md";
	a.title = (char *)"Gone";
	struct diag_list d = {0};
	cmark_node *doc = article_parse(&a, &d);
	assert_null(doc);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].level, DIAG_ERROR);
	assert_non_null(strstr(d.items[0].path, "gone.md"));
	diag_list_clear(&d);
}

static void parse_markdown_validates_utf8(void **state)
{
	cmark_node *doc = article_parse_markdown("caf\xe9\n", 5);
	char *p = first_paragraph(doc);
	assert_string_equal(p, "caf\xef\xbf\xbd");
	free(p);
	cmark_node_free(doc);
}

/* ---- kept text and copies ---- */

/* Copies fixture name to a new temporary file; its path goes to out. */
static void copy_fixture(const char *name, char *out, size_t cap)
{
	snprintf(out, cap, "/tmp/kiosk-test-article-XXXXXX");
	int fd = mkstemp(out);
	assert_true(fd >= 0);
	char src[256];
	snprintf(src, sizeof src, FIXTURES "%s", name);
	FILE *in = fopen(src, "rb");
	FILE *o = fdopen(fd, "wb");
	assert_non_null(in);
	assert_non_null(o);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, o);
	fclose(in);
	fclose(o);
}

static void kept_text_still_opens_after_the_file_is_gone(void **state)
{
	char path[64];
	copy_fixture("front_matter.md", path, sizeof path);
	struct article a;
	struct diag_list d = {0};
	int rc = article_load(&a, path, "front_matter.md", NULL, ARTICLE_KEEP, &d);
	unlink(path);
	assert_int_equal(rc, 0);
	assert_non_null(a.text);
	assert_true(a.len > 0);
	cmark_node *doc = article_parse(&a, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(doc);
	char *p = first_paragraph(doc);
	assert_string_equal(p, "This first paragraph belongs to the body.");
	free(p);
	cmark_node_free(doc);
	article_free(&a);
	diag_list_clear(&d);
}

static void without_kept_text_the_file_is_read_when_opened(void **state)
{
	struct loaded l;
	load_ok(&l, "front_matter.md", NULL);
	assert_null(l.a.text);
	struct diag_list d = {0};
	cmark_node *doc = article_parse(&l.a, &d);
	assert_non_null(doc);
	cmark_node_free(doc);
	diag_list_clear(&d);
	done(&l);
}

static void a_copy_lives_on_after_the_original_is_freed(void **state)
{
	struct article a, b;
	struct diag_list d = {0};
	assert_int_equal(article_load(&a, FIXTURES "front_matter.md",
				      "front_matter.md", "Folder", ARTICLE_KEEP, &d), 0);
	article_copy(&b, &a);
	article_free(&a); /* ASan: b shares no memory with a */
	assert_string_equal(b.title, "What is stem cell therapy?");
	assert_string_equal(b.topic, "Stem cell basics");
	assert_string_equal(b.id, "front_matter.md");
	assert_string_equal(b.fm.title, "What is stem cell therapy?");
	assert_int_equal(b.order, 2);
	cmark_node *doc = article_parse(&b, &d);
	char *p = first_paragraph(doc);
	assert_string_equal(p, "This first paragraph belongs to the body.");
	free(p);
	cmark_node_free(doc);
	article_free(&b);
	diag_list_clear(&d);
}

/* ---- topics from folder names ---- */

static void topic_names_come_from_folder_names(void **state)
{
	static const struct {
		const char *folder, *topic;
	} rows[] = {
		{"02-skin_and-hair", "Skin and hair"},
		{"01-stem-cell-basics", "Stem cell basics"},
		{"basics", "Basics"},
		{"10_after_treatment", "After treatment"},
		{"3.Aftercare", "Aftercare"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *t = article_topic_from_folder(rows[i].folder);
		if (strcmp(t, rows[i].topic) != 0)
			fprintf(stderr, "%s -> \"%s\"\n", rows[i].folder, t);
		assert_string_equal(t, rows[i].topic);
		free(t);
	}
}

static void a_folder_that_is_only_a_number_keeps_it(void **state)
{
	char *t = article_topic_from_folder("2024");
	assert_string_equal(t, "2024");
	free(t);
}

/* ---- start-up reads only the head of a file ---- */

/* Writes head, then filler up to at least size bytes, then tail, to a
 * new temporary Markdown file; its path goes to out. */
static void write_long(char *out, size_t cap, const char *head, size_t size,
		       const char *tail)
{
	snprintf(out, cap, "/tmp/kiosk-test-article-XXXXXX.md");
	int fd = mkstemps(out, 3);
	assert_true(fd >= 0);
	FILE *o = fdopen(fd, "wb");
	assert_non_null(o);
	size_t n = fputs(head, o) >= 0 ? strlen(head) : 0;
	while (n < size) {
		static const char line[] = "Plain words fill the page here.\n\n";
		fputs(line, o);
		n += sizeof line - 1;
	}
	fputs(tail, o);
	fclose(o);
}

static void head_load_reads_on_when_the_front_matter_is_longer_than_the_head(void **state)
{
	char path[64], head[8192];
	snprintf(head, sizeof head, "---\ndescription: \"");
	size_t n = strlen(head);
	while (n < ARTICLE_HEAD_BYTES + 500)
		head[n++] = 'a';
	snprintf(head + n, sizeof head - n, "\"\ntitle: Long front matter\n"
		 "order: 7\n---\n\nBody.\n");
	write_long(path, sizeof path, head, 0, "");
	struct article a;
	struct diag_list d = {0};
	int rc = article_load(&a, path, "x.md", NULL, ARTICLE_HEAD, &d);
	unlink(path);
	if (d.n > 0)
		print_diags(&d);
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	assert_string_equal(a.title, "Long front matter");
	assert_int_equal(a.order, 7);
	article_free(&a);
}

static void head_load_finds_a_first_heading_past_the_head(void **state)
{
	char path[64];
	write_long(path, sizeof path, "Some words before any heading.\n\n",
		   ARTICLE_HEAD_BYTES + 100, "# The late heading\n\nText.\n");
	struct article a;
	struct diag_list d = {0};
	int rc = article_load(&a, path, "late.md", NULL, ARTICLE_HEAD, &d);
	unlink(path);
	assert_int_equal(rc, 0);
	assert_string_equal(a.title, "The late heading");
	article_free(&a);
	diag_list_clear(&d);
}

/* Start-up sees only the head; --check (ARTICLE_WHOLE) sees everything,
 * and the article still opens safely. */
static void binary_data_past_the_head_is_found_by_a_whole_load(void **state)
{
	char path[64];
	write_long(path, sizeof path, "---\ntitle: Half binary\n---\n\n",
		   ARTICLE_HEAD_BYTES + 100, "junk \x01\x02 and a NUL: ");
	FILE *o = fopen(path, "ab");
	assert_non_null(o);
	fputc('\0', o);
	fputs(" end\n", o);
	fclose(o);

	struct article a;
	struct diag_list d = {0};
	assert_int_equal(article_load(&a, path, "b.md", NULL, ARTICLE_HEAD, &d),
			 0);
	assert_string_equal(a.title, "Half binary");
	cmark_node *doc = article_parse(&a, &d);
	assert_non_null(doc);
	cmark_node_free(doc);
	article_free(&a);
	assert_int_equal(diag_count(&d, DIAG_ERROR), 0);

	assert_int_equal(article_load(&a, path, "b.md", NULL, ARTICLE_WHOLE, &d),
			 -1);
	unlink(path);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].level, DIAG_ERROR);
	assert_non_null(strstr(d.items[0].message, "binary data at byte"));
	diag_list_clear(&d);
}

static void head_load_gives_what_a_whole_load_gives(void **state)
{
	static const char *const names[] = {
		"front_matter.md", "no_front_matter.md", "bom_front_matter.md",
		"crlf_front_matter.md", "pasted.txt", "front_matter.txt",
		"bad_utf8.md", "binary.md", "blank.md", "empty.md",
		"escape_front_matter.md", "skin-care_tips.md"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, FIXTURES "%s", names[i]);
		struct article h, w;
		struct diag_list dh = {0}, dw = {0};
		int rh = article_load(&h, path, names[i], "T", ARTICLE_HEAD, &dh);
		int rw = article_load(&w, path, names[i], "T", ARTICLE_WHOLE, &dw);
		assert_int_equal(rh, rw);
		assert_int_equal(dh.n, dw.n);
		if (rh == 0) {
			assert_string_equal(h.title, w.title);
			assert_string_equal(h.description, w.description);
			assert_string_equal(h.topic, w.topic);
			assert_int_equal(h.order, w.order);
			assert_int_equal(h.plain, w.plain);
			article_free(&h);
			article_free(&w);
		}
		diag_list_clear(&dh);
		diag_list_clear(&dw);
	}
}

/* How many nodes of the parse of md have the type string type ("link",
 * "table"); *url gets the last one's address. */
static int count_type(const char *md, const char *type, const char **url)
{
	cmark_node *doc = article_parse_markdown(md, strlen(md));
	assert_non_null(doc);
	int n = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	static char last[256];
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    strcmp(cmark_node_get_type_string(x), type) == 0) {
			n++;
			if (cmark_node_get_url(x) != NULL)
				snprintf(last, sizeof last, "%s", cmark_node_get_url(x));
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (url != NULL)
		*url = last;
	return n;
}

static void github_extensions_are_on_where_the_text_uses_them(void **state)
{
	(void)state;
	const char *url;
	/* Bare addresses become links (the autolink extension is attached
	 * only when there is one, which saves its pass elsewhere). */
	assert_int_equal(count_type("Visit www.example.org today.\n", "link", &url), 1);
	assert_string_equal(url, "http://www.example.org");
	assert_int_equal(count_type("Mail clinic@example.org now.\n", "link", &url), 1);
	assert_string_equal(url, "mailto:clinic@example.org");
	assert_int_equal(count_type("See https://example.org/a.\n", "link", &url), 1);
	assert_int_equal(count_type("[a](https://example.org) and <https://x.org>\n",
				    "link", NULL), 2);
	assert_int_equal(count_type("A | B\n--|--\n1 | 2\n", "table", NULL), 1);
	assert_int_equal(count_type("~~gone~~\n", "strikethrough", NULL), 1);
	assert_int_equal(count_type("- [x] done\n- [ ] not\n", "tasklist", NULL), 2);
	/* HTML blocks are read into ordinary nodes. */
	assert_int_equal(count_type("<table><tr><td>x</td></tr></table>\n", "table", NULL), 1);
	assert_int_equal(count_type("<div>text</div>\n", "html_block", NULL), 0);
	/* Template syntax is gone before cmark sees it. */
	assert_int_equal(count_type("[Find]({{ base }}find) it\n", "link", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(github_extensions_are_on_where_the_text_uses_them),
		cmocka_unit_test(front_matter_gives_the_metadata),
		cmocka_unit_test(without_front_matter_the_first_heading_is_the_title),
		cmocka_unit_test(without_a_heading_the_file_name_is_the_title),
		cmocka_unit_test(a_text_file_takes_its_first_line_as_the_title),
		cmocka_unit_test(a_text_file_with_front_matter_is_markdown),
		cmocka_unit_test(a_byte_order_mark_before_the_front_matter_works),
		cmocka_unit_test(a_byte_order_mark_is_not_part_of_a_text_title),
		cmocka_unit_test(windows_line_endings_work),
		cmocka_unit_test(escape_sequences_in_a_heading_title_are_removed),
		cmocka_unit_test(escape_sequences_in_front_matter_are_removed),
		cmocka_unit_test(an_empty_file_is_skipped_with_an_error),
		cmocka_unit_test(a_whitespace_only_file_is_skipped_with_an_error),
		cmocka_unit_test(a_binary_file_is_skipped_with_an_error),
		cmocka_unit_test(a_missing_file_is_skipped_with_an_error),
		cmocka_unit_test(a_folder_is_not_an_article),
		cmocka_unit_test(invalid_utf8_loads_with_a_warning_on_its_line),
		cmocka_unit_test(parse_returns_the_body_without_the_front_matter),
		cmocka_unit_test(parse_of_a_text_file_leaves_out_the_title),
		cmocka_unit_test(parse_of_a_file_removed_since_loading_fails_with_a_message),
		cmocka_unit_test(parse_markdown_validates_utf8),
		cmocka_unit_test(kept_text_still_opens_after_the_file_is_gone),
		cmocka_unit_test(without_kept_text_the_file_is_read_when_opened),
		cmocka_unit_test(a_copy_lives_on_after_the_original_is_freed),
		cmocka_unit_test(head_load_reads_on_when_the_front_matter_is_longer_than_the_head),
		cmocka_unit_test(head_load_finds_a_first_heading_past_the_head),
		cmocka_unit_test(binary_data_past_the_head_is_found_by_a_whole_load),
		cmocka_unit_test(head_load_gives_what_a_whole_load_gives),
		cmocka_unit_test(topic_names_come_from_folder_names),
		cmocka_unit_test(a_folder_that_is_only_a_number_keeps_it),
	};
	/* TEST_FILTER=pattern runs only the matching tests. */
	if (getenv("TEST_FILTER") != NULL)
		cmocka_set_test_filter(getenv("TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
