/*
 * Unit tests for plaintext: pasted articles turned into a cmark tree.
 *
 * The fixtures under tests/unit/fixtures/plaintext/ (read relative to the
 * project root) come in the shapes clinic staff paste: a short title line
 * with bare-line headings, a long first paragraph, one paragraph per line
 * with no blank lines, a file name that reads as words, a title alone, an
 * empty file.  Each NAME.txt has a NAME.outline that says what a reader
 * should see, one line per block:
 *
 *   # the title
 *   ## a heading
 *   p: the first six words of a paragraph ...
 *   ul / ol          a list starts; its items follow as "- text", "3. text"
 *
 * Other tests use short inline texts and walk the tree with cmark_iter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmocka.h>

#include "plaintext.h"

#define FIXTURES "tests/unit/fixtures/plaintext/"
#define OUTLINE_WORDS 6

/* The fixtures, and whether their first line is the title (and so is not
 * in the body). */
static const struct fixture {
	const char *name;
	bool first_line_is_title;
} fixtures[] = {
	{"101_7e3d9a41c0b8f256", true},
	{"204_9c1e7a0b3f5d2e64", false},
	{"305_a3f09e1c77b2d4c8", false},
	{"eating-well_before-surgery", false},
	{"title_only", true},
	{"empty", false},
};
#define NFIXTURES (sizeof fixtures / sizeof fixtures[0])

/* A growing string. */
struct buf {
	char *s;
	size_t n, cap;
};

static void buf_add(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void buf_add(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(n >= 0);
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = (b->n + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

static char *read_file(const char *name, const char *ext, size_t *len)
{
	char path[256];
	FILE *f;
	char *s;
	long n;

	snprintf(path, sizeof path, FIXTURES "%s%s", name, ext);
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s (run the tests from the project root)",
			 path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return s;
}

/* The literal of the text node inside a heading, paragraph or item. */
static const char *text_of(cmark_node *n)
{
	while (n != NULL && cmark_node_get_type(n) != CMARK_NODE_TEXT)
		n = cmark_node_first_child(n);
	assert_non_null(n);
	return cmark_node_get_literal(n);
}

/* The first OUTLINE_WORDS words of s, then " ..." when there are more. */
static void add_first_words(struct buf *b, const char *s)
{
	size_t words = 0, i = 0;
	while (s[i] != '\0' && words < OUTLINE_WORDS) {
		size_t j = i;
		while (s[j] != '\0' && s[j] != ' ')
			j++;
		buf_add(b, "%s%.*s", words > 0 ? " " : "", (int)(j - i), s + i);
		words++;
		i = s[j] == ' ' ? j + 1 : j;
	}
	if (s[i] != '\0')
		buf_add(b, " ...");
}

/* The outline of a parsed document, in the format of the .outline files. */
static char *outline(cmark_node *doc, const char *title)
{
	struct buf b = {0};
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int number = 0;

	buf_add(&b, "# %s\n", title);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node *parent = cmark_node_parent(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			assert_int_equal(cmark_node_get_heading_level(n), 2);
			buf_add(&b, "## %s\n", text_of(n));
			break;
		case CMARK_NODE_LIST:
			if (cmark_node_get_list_type(n) == CMARK_BULLET_LIST) {
				buf_add(&b, "ul\n");
			} else {
				buf_add(&b, "ol\n");
				number = cmark_node_get_list_start(n);
			}
			break;
		case CMARK_NODE_ITEM:
			if (cmark_node_get_list_type(parent) ==
			    CMARK_BULLET_LIST)
				buf_add(&b, "- %s\n", text_of(n));
			else
				buf_add(&b, "%d%c %s\n", number++,
					cmark_node_get_list_delim(parent) ==
							CMARK_PAREN_DELIM
						? ')'
						: '.',
					text_of(n));
			break;
		case CMARK_NODE_PARAGRAPH:
			if (cmark_node_get_type(parent) == CMARK_NODE_ITEM)
				break;
			buf_add(&b, "p: ");
			add_first_words(&b, text_of(n));
			buf_add(&b, "\n");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return b.s;
}

/* Every text literal of the tree, one per line, in order. */
static char *all_text(cmark_node *doc)
{
	struct buf b = {0};
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	buf_add(&b, "%s", "");
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT)
			buf_add(&b, "%s\n", cmark_node_get_literal(n));
	}
	cmark_iter_free(it);
	return b.s;
}

static cmark_node *parse(const char *text, const char *filename,
			 char **title)
{
	cmark_node *doc = plaintext_parse(text, strlen(text), filename, title);
	assert_non_null(doc);
	assert_non_null(*title);
	assert_int_equal(cmark_node_get_type(doc), CMARK_NODE_DOCUMENT);
	return doc;
}

/* Parses an inline text and compares its outline with want. */
static void expect_outline(const char *text, const char *filename,
			   const char *want)
{
	char *title, *got;
	cmark_node *doc = parse(text, filename, &title);
	got = outline(doc, title);
	if (strcmp(got, want) != 0)
		fail_msg("outline differs\n--- want\n%s--- got\n%s", want,
			 got);
	free(got);
	free(title);
	cmark_node_free(doc);
}

static void check_fixture(const char *name)
{
	char file[128];
	size_t len;
	char *text = read_file(name, ".txt", &len);
	char *want = read_file(name, ".outline", NULL);
	char *title, *got;
	cmark_node *doc;

	snprintf(file, sizeof file, "%s.txt", name);
	doc = plaintext_parse(text, len, file, &title);
	got = outline(doc, title);
	if (strcmp(got, want) != 0)
		fail_msg("%s: outline differs\n--- want\n%s--- got\n%s", name,
			 want, got);
	free(got);
	free(want);
	free(title);
	free(text);
	cmark_node_free(doc);
}

/* Short title line; question and "...:" headings; a run of short lines
 * after "...as:" becomes a list; a "Self- care" heading. */
static void test_short_title_shape(void **state)
{
	(void)state;
	check_fixture("101_7e3d9a41c0b8f256");
}

/* Long first paragraph, a file name that is an id: the title comes from
 * the opening words and the first paragraph stays.  Heading-like lines
 * that end in '.' stay paragraphs. */
static void test_long_first_paragraph_shape(void **state)
{
	(void)state;
	check_fixture("204_9c1e7a0b3f5d2e64");
}

/* One paragraph per line, no blank lines at all. */
static void test_paragraph_per_line_shape(void **state)
{
	(void)state;
	check_fixture("305_a3f09e1c77b2d4c8");
}

/* A file name that reads as words gives the title; list markers. */
static void test_title_from_file_name(void **state)
{
	(void)state;
	check_fixture("eating-well_before-surgery");
}

static void test_title_only(void **state)
{
	char *title;
	cmark_node *doc;
	(void)state;
	check_fixture("title_only");
	doc = parse("Preparing for Your First Visit", "x.txt", &title);
	assert_string_equal(title, "Preparing for Your First Visit");
	assert_null(cmark_node_first_child(doc));
	free(title);
	cmark_node_free(doc);
}

static void test_empty_and_blank(void **state)
{
	static const struct {
		const char *text, *filename, *title;
	} cases[] = {
		{"", NULL, "Untitled"},
		{"", "003_0b7b5ae2763ca72e.txt", "Untitled"},
		{" \n\t\r\n\n  \r\n", "skin-care_tips.txt", "Skin care tips"},
		{"\xEF\xBB\xBF\n", "notes.txt", "Untitled"},
	};
	(void)state;
	check_fixture("empty");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *title;
		cmark_node *doc = parse(cases[i].text, cases[i].filename,
					&title);
		assert_string_equal(title, cases[i].title);
		assert_null(cmark_node_first_child(doc));
		free(title);
		cmark_node_free(doc);
	}
	/* a NULL text with no length is an empty file too */
	{
		char *title;
		cmark_node *doc = plaintext_parse(NULL, 0, NULL, &title);
		assert_string_equal(title, "Untitled");
		assert_null(cmark_node_first_child(doc));
		free(title);
		cmark_node_free(doc);
	}
}

/*
 * The words of text as a reader counts them: list markers and a trailing
 * ':' on a word are not words, nor is the first line when it is the
 * title.  Words are appended to b, one per line.
 */
static void input_words(struct buf *b, const char *text, bool skip_title)
{
	const char *line = text;
	bool title_skipped = !skip_title;
	while (*line != '\0') {
		const char *end = strchr(line, '\n');
		size_t n = end != NULL ? (size_t)(end - line) : strlen(line);
		char *copy = strndup(line, n);
		char *save = NULL, *w;
		bool first = true;
		assert_non_null(copy);
		for (w = strtok_r(copy, " \t\r", &save); w != NULL;
		     w = strtok_r(NULL, " \t\r", &save), first = false) {
			size_t wl = strlen(w);
			if (!title_skipped)
				continue;
			if (first && (strcmp(w, "-") == 0 ||
				      strcmp(w, "*") == 0 ||
				      strcmp(w, "\xE2\x80\xA2") == 0 ||
				      (wl >= 2 && wl <= 4 &&
				       (w[wl - 1] == '.' || w[wl - 1] == ')') &&
				       strspn(w, "0123456789") == wl - 1)))
				continue;
			if (wl > 1 && w[wl - 1] == ':')
				wl--;
			buf_add(b, "%.*s\n", (int)wl, w);
		}
		if (n > strspn(copy, " \t\r"))
			title_skipped = true;
		free(copy);
		line += n + (end != NULL);
	}
}

/* The same for the tree's text. */
static void tree_words(struct buf *b, cmark_node *doc)
{
	char *text = all_text(doc);
	input_words(b, text, false);
	free(text);
}

/* Every word of the body, in order, is in the tree: nothing is lost,
 * nothing is added, nothing is reordered. */
static void test_no_text_lost(void **state)
{
	(void)state;
	for (size_t i = 0; i < NFIXTURES; i++) {
		struct buf want = {0}, got = {0};
		char file[128], *title;
		size_t len;
		char *text = read_file(fixtures[i].name, ".txt", &len);
		cmark_node *doc;

		snprintf(file, sizeof file, "%s.txt", fixtures[i].name);
		doc = plaintext_parse(text, len, file, &title);
		buf_add(&want, "%s", "");
		buf_add(&got, "%s", "");
		input_words(&want, text, fixtures[i].first_line_is_title);
		tree_words(&got, doc);
		if (strcmp(want.s, got.s) != 0)
			fail_msg("%s: words differ\n--- text\n%s--- tree\n%s",
				 fixtures[i].name, want.s, got.s);
		free(want.s);
		free(got.s);
		free(title);
		free(text);
		cmark_node_free(doc);
	}
}

/* \r\n line endings give exactly the tree \n does. */
static void test_crlf_same_as_lf(void **state)
{
	(void)state;
	for (size_t i = 0; i < NFIXTURES; i++) {
		char file[128], *t1, *t2, *o1, *o2, *a1, *a2;
		size_t len, n = 0;
		char *text = read_file(fixtures[i].name, ".txt", &len);
		char *crlf = malloc(len * 2 + 1);
		cmark_node *d1, *d2;

		assert_non_null(crlf);
		for (size_t k = 0; k < len; k++) {
			if (text[k] == '\n')
				crlf[n++] = '\r';
			crlf[n++] = text[k];
		}
		snprintf(file, sizeof file, "%s.txt", fixtures[i].name);
		d1 = plaintext_parse(text, len, file, &t1);
		d2 = plaintext_parse(crlf, n, file, &t2);
		o1 = outline(d1, t1);
		o2 = outline(d2, t2);
		a1 = all_text(d1);
		a2 = all_text(d2);
		assert_string_equal(o1, o2);
		assert_string_equal(a1, a2);
		assert_null(strchr(a2, '\r'));
		assert_null(strchr(t2, '\r'));
		free(o1);
		free(o2);
		free(a1);
		free(a2);
		free(t1);
		free(t2);
		cmark_node_free(d1);
		cmark_node_free(d2);
		free(crlf);
		free(text);
	}
}

/* Curly quotes and non-ASCII names come through byte for byte. */
static void test_bytes_preserved(void **state)
{
	size_t len;
	char *text = read_file("101_7e3d9a41c0b8f256", ".txt", &len);
	char *title, *all;
	cmark_node *doc = plaintext_parse(text, len, "x.txt", &title);
	(void)state;

	all = all_text(doc);
	assert_non_null(strstr(all, "\xE2\x80\x9C" "clean hands, clean cover"
				    "\xE2\x80\x9D rule."));
	assert_non_null(strstr(all, "in \xC3\x9Csk\xC3\xBC" "dar, "
				    "G\xC3\xB6k\xC3\xA7" "e "
				    "Y\xC4\xB1ld\xC4\xB1r\xC4\xB1m,"));
	assert_non_null(strstr(all, "a doctor\xE2\x80\x99s attention"));
	free(all);
	free(title);
	cmark_node_free(doc);
	free(text);

	/* in the title too */
	doc = parse("Kad\xC4\xB1k\xC3\xB6y\xE2\x80\x99s \xE2\x80\x9C"
		    "open clinic\xE2\x80\x9D day\n\nEveryone is welcome.",
		    NULL, &title);
	assert_string_equal(title, "Kad\xC4\xB1k\xC3\xB6y\xE2\x80\x99s "
				   "\xE2\x80\x9C"
				   "open clinic\xE2\x80\x9D day");
	free(title);
	cmark_node_free(doc);
}

static void test_marker_lists(void **state)
{
	static const char text[] = "What to Pack\n"
				   "\n"
				   "- your health card\n"
				   "* a list of your medicines\n"
				   "\xE2\x80\xA2 something to read\n"
				   "\n"
				   "On the morning itself:\n"
				   "4) Shower as usual.\n"
				   "5) Leave jewellery at home.\n";
	char *title;
	cmark_node *doc, *list, *item, *para;
	(void)state;

	expect_outline(text, NULL,
		       "# What to Pack\n"
		       "ul\n"
		       "- your health card\n"
		       "- a list of your medicines\n"
		       "- something to read\n"
		       "p: On the morning itself:\n"
		       "ol\n"
		       "4) Shower as usual.\n"
		       "5) Leave jewellery at home.\n");

	/* the shape cmark uses: LIST > ITEM > PARAGRAPH > TEXT */
	doc = parse(text, NULL, &title);
	list = cmark_node_first_child(doc);
	assert_int_equal(cmark_node_get_type(list), CMARK_NODE_LIST);
	assert_int_equal(cmark_node_get_list_tight(list), 1);
	item = cmark_node_first_child(list);
	assert_int_equal(cmark_node_get_type(item), CMARK_NODE_ITEM);
	para = cmark_node_first_child(item);
	assert_int_equal(cmark_node_get_type(para), CMARK_NODE_PARAGRAPH);
	assert_int_equal(cmark_node_get_type(cmark_node_first_child(para)),
			 CMARK_NODE_TEXT);
	list = cmark_node_last_child(doc);
	assert_int_equal(cmark_node_get_list_type(list), CMARK_ORDERED_LIST);
	assert_int_equal(cmark_node_get_list_start(list), 4);
	assert_int_equal(cmark_node_get_list_delim(list), CMARK_PAREN_DELIM);
	free(title);
	cmark_node_free(doc);

	/* a number without its ". " or ") " is not a list */
	expect_outline("Doses\n\n3 mm is the size of the cut.\n"
		       "2024. was the year the leaflet changed.\n",
		       NULL,
		       "# Doses\n"
		       "p: 3 mm is the size of ...\n"
		       "p: 2024. was the year the leaflet ...\n");
}

static void test_hand_typed_bullets(void **state)
{
	/* as pasted from Word: each bullet, then a tab */
	static const char text[] = "Looking after a cold\n"
				   "\n"
				   "You can ease it at home:\n"
				   "\xE2\x80\xA2\tRest and sleep\n"
				   "\xEF\x82\xB7\tDrink plenty of water\n"
				   "\xC2\xB7\tTake paracetamol\n"
				   "\xE2\x80\x93\tGargle salt water\n"
				   "\xE2\x96\xAA Keep warm\n"
				   "\xE2\x97\xA6\tWash your hands\n"
				   "\n"
				   "Ask a nurse \xEF\x82\xB7 if it lasts.\n"
				   "\xE2\x80\x93" "5 degrees is not a list.\n";
	char *title, *all;
	cmark_node *doc;
	(void)state;
	expect_outline(text, NULL,
		       "# Looking after a cold\n"
		       "p: You can ease it at home:\n"
		       "ul\n"
		       "- Rest and sleep\n"
		       "- Drink plenty of water\n"
		       "- Take paracetamol\n"
		       "- Gargle salt water\n"
		       "- Keep warm\n"
		       "- Wash your hands\n"
		       "p: Ask a nurse \xE2\x80\xA2 if it ...\n"
		       "p: \xE2\x80\x93" "5 degrees is not a list.\n");
	/* Word's private-use bullet never reaches the screen */
	doc = parse(text, NULL, &title);
	all = all_text(doc);
	assert_null(strstr(all, "\xEF\x82\xB7"));
	free(all);
	free(title);
	cmark_node_free(doc);
}

static void test_list_after_colon(void **state)
{
	(void)state;
	expect_outline("Clinic Day\n\nBring these on the day:\n\n"
		       "Your health card\n\nA list of your medicines\n",
		       NULL,
		       "# Clinic Day\n"
		       "p: Bring these on the day:\n"
		       "ul\n"
		       "- Your health card\n"
		       "- A list of your medicines\n");
	/* one short line is not a list */
	expect_outline("Clinic Day\n\nBring this on the day:\n\n"
		       "Your health card\n",
		       NULL,
		       "# Clinic Day\n"
		       "p: Bring this on the day:\n"
		       "p: Your health card\n");
	/* without the ':' short lines stay paragraphs */
	expect_outline("Clinic Day\n\nThe day is short.\n\n"
		       "Your health card\n\nA list of your medicines\n",
		       NULL,
		       "# Clinic Day\n"
		       "p: The day is short.\n"
		       "p: Your health card\n"
		       "p: A list of your medicines\n");
}

static void test_heading_needs_a_paragraph(void **state)
{
	(void)state;
	expect_outline("Clinic Day\n\n"
		       "Opening hours\n\n"
		       "Where to park\n\n"
		       "Parking is free behind the main building.\n\n"
		       "Questions?\n\n"
		       "- call the desk\n\n"
		       "Last line\n",
		       NULL,
		       "# Clinic Day\n"
		       "p: Opening hours\n"
		       "## Where to park\n"
		       "p: Parking is free behind the main ...\n"
		       "p: Questions?\n"
		       "ul\n"
		       "- call the desk\n"
		       "p: Last line\n");
}

/* Hard-wrapped text with a heading line and no blank line around it. */
static const char wrapped[] =
	"Looking After Your Eyes\n"
	"Screen work can leave your eyes dry and tired, because we blink\n"
	"less when we stare at a monitor. Every twenty minutes, look at\n"
	"something far away for twenty seconds.\n"
	"Dry eye\n"
	"Drops from the pharmacy can help, but ask the nurse which kind\n"
	"suits you.\n"
	"\n"
	"Most people notice a change within a week or\n"
	"two of trying.\n";

static void test_hard_wrapped_text(void **state)
{
	(void)state;
	expect_outline(wrapped, NULL,
		       "# Looking After Your Eyes\n"
		       "p: Screen work can leave your eyes ...\n"
		       "## Dry eye\n"
		       "p: Drops from the pharmacy can help, ...\n"
		       "p: Most people notice a change within ...\n");
	/* a wrapped first line is not a title */
	expect_outline("Most people notice a change within a week or\n"
		       "two of trying.\n",
		       "bad.txt",
		       "# Most people notice a change within a week or two "
		       "of trying\n"
		       "p: Most people notice a change within ...\n");
}

/* Short paragraphs pasted one per line, none running on: not joined. */
static void test_short_lines_not_joined(void **state)
{
	(void)state;
	expect_outline("Fasting Before a Blood Test\n"
		       "Can I eat before the test?\n"
		       "No. Please have nothing but water for eight hours.\n"
		       "Can I drink coffee?\n"
		       "Not until the blood has been taken.\n",
		       NULL,
		       "# Fasting Before a Blood Test\n"
		       "## Can I eat before the test?\n"
		       "p: No. Please have nothing but water ...\n"
		       "## Can I drink coffee?\n"
		       "p: Not until the blood has been ...\n");
}

static void test_whitespace_tidied(void **state)
{
	char *title;
	cmark_node *doc;
	(void)state;
	doc = parse("  \tSpaces   Everywhere \t\n\n"
		    "   Leading   and\ttrailing \t blanks go,"
		    "  even  inside.  \n",
		    NULL, &title);
	assert_string_equal(title, "Spaces Everywhere");
	assert_string_equal(text_of(cmark_node_first_child(doc)),
			    "Leading and trailing blanks go, even inside.");
	free(title);
	cmark_node_free(doc);
}

/* Nothing in the text is Markdown: the tree has only blocks and text. */
static void test_markdown_is_plain_text(void **state)
{
	static const char line[] =
		"# Not a heading, **not bold**, [not a link](http://x.example)"
		" and <b>not HTML</b>.";
	char text[256], *title;
	cmark_node *doc;
	cmark_iter *it;
	cmark_event_type ev;
	(void)state;

	snprintf(text, sizeof text, "Symbols\n\n%s\n", line);
	doc = parse(text, NULL, &title);
	assert_string_equal(text_of(cmark_node_first_child(doc)), line);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node_type t =
			cmark_node_get_type(cmark_iter_get_node(it));
		assert_true(t == CMARK_NODE_DOCUMENT ||
			    t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_TEXT);
	}
	cmark_iter_free(it);
	free(title);
	cmark_node_free(doc);
}

static void test_title_from_opening_words(void **state)
{
	static const struct {
		const char *text, *title;
	} cases[] = {
		/* the first sentence when it is short enough, without '.' */
		{"Rest well after surgery. Then walk a little more each day, "
		 "and call us if the wound becomes red or painful.",
		 "Rest well after surgery"},
		/* initials and "Dr." do not end the sentence; a word like
		 * "of" just before the cut goes */
		{"Dr. A. Demir says that a daily walk is good for the heart of "
		 "anyone who is getting better after an illness.",
		 "Dr. A. Demir says that a daily walk is good for the "
		 "heart..."},
		/* so does a comma */
		{"Physiotherapy after a shoulder operation, which can be "
		 "slow, brings most movement back within months.",
		 "Physiotherapy after a shoulder operation, which can be "
		 "slow..."},
		/* one word longer than the limit is cut inside */
		{"Aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffff"
		 "gggggggggg is a made-up word.",
		 "Aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffff"
		 "..."},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *title;
		cmark_node *doc = parse(cases[i].text, "0b7b5ae2763ca72e.txt",
					&title);
		assert_string_equal(title, cases[i].title);
		assert_true(strlen(title) <= 63);
		/* the first line stays in the body */
		assert_string_equal(text_of(cmark_node_first_child(doc)),
				    cases[i].text);
		free(title);
		cmark_node_free(doc);
	}
}

static void test_file_names(void **state)
{
	static const char body[] =
		"This opening sentence is long enough to be no title at all.";
	static const char from_words[] =
		"This opening sentence is long enough to be no title at all";
	static const struct {
		const char *name, *title;
	} cases[] = {
		{"skin-care_tips.txt", "Skin care tips"},
		{"12-what-to-expect.md", "What to expect"},
		{"content/articles/knee_pain.txt", "Knee pain"},
		{"\xC3\xBCsk\xC3\xBC" "dar-clinic_hours.txt",
		 "\xC3\x9Csk\xC3\xBC" "dar clinic hours"},
		{"decade2024-review.txt", "Decade2024 review"},
		/* not words: an id, a single word, short runs */
		{"003_0b7b5ae2763ca72e.txt", NULL},
		{"skin-care_dc60d8df4c922792.txt", NULL},
		{"diabetes.txt", NULL},
		{"ab-cd-ef.txt", NULL},
		{"2024.txt", NULL},
		{".hidden", NULL},
		{NULL, NULL},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *title;
		cmark_node *doc = parse(body, cases[i].name, &title);
		assert_string_equal(title, cases[i].title != NULL
						   ? cases[i].title
						   : from_words);
		free(title);
		cmark_node_free(doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_title_shape),
		cmocka_unit_test(test_long_first_paragraph_shape),
		cmocka_unit_test(test_paragraph_per_line_shape),
		cmocka_unit_test(test_title_from_file_name),
		cmocka_unit_test(test_title_only),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_no_text_lost),
		cmocka_unit_test(test_crlf_same_as_lf),
		cmocka_unit_test(test_bytes_preserved),
		cmocka_unit_test(test_marker_lists),
		cmocka_unit_test(test_hand_typed_bullets),
		cmocka_unit_test(test_list_after_colon),
		cmocka_unit_test(test_heading_needs_a_paragraph),
		cmocka_unit_test(test_hard_wrapped_text),
		cmocka_unit_test(test_short_lines_not_joined),
		cmocka_unit_test(test_whitespace_tidied),
		cmocka_unit_test(test_markdown_is_plain_text),
		cmocka_unit_test(test_title_from_opening_words),
		cmocka_unit_test(test_file_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
