/*
 * Tests for html.c: raw HTML read by an HTML parser (gumbo) and turned
 * into cmark nodes.  Each block result is written out compactly:
 *
 *   P(...)  paragraph      H2#id(...)  heading, its id   Q(...) quote
 *   UL(...) / OL3(...)  list (start)  LI(...)  item     CODE[...] block
 *   HR  rule   T(R(...) ...)  table, rows (RH: header row), C(...) cells
 *   *...* emphasis  **...** strong  `...` code  [text](url) link
 *   ![alt](src) image  /  line break  {<br>} inline HTML
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <cmark-gfm-core-extensions.h>

#include "article.h"
#include "html.h"

struct buf {
	char s[8192];
	size_t n;
};

static void put(struct buf *b, const char *s)
{
	size_t k = strlen(s);
	assert_true(b->n + k < sizeof b->s);
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

static void show(struct buf *b, cmark_node *n);

static void kids(struct buf *b, cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	     c = cmark_node_next(c))
		show(b, c);
}

static void wrap(struct buf *b, const char *open, cmark_node *n,
		 const char *close)
{
	put(b, open);
	kids(b, n);
	put(b, close);
}

static void show(struct buf *b, cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	char tmp[64];
	if (t == CMARK_NODE_TABLE) {
		wrap(b, "T(", n, ") ");
		return;
	}
	if (t == CMARK_NODE_TABLE_ROW) {
		wrap(b, cmark_gfm_extensions_get_table_row_is_header(n) ? "RH(" : "R(",
		     n, ")");
		return;
	}
	if (t == CMARK_NODE_TABLE_CELL) {
		wrap(b, "C(", n, ")");
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH: wrap(b, "P(", n, ") "); break;
	case CMARK_NODE_BLOCK_QUOTE: wrap(b, "Q(", n, ") "); break;
	case CMARK_NODE_ITEM: wrap(b, "LI(", n, ")"); break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
			snprintf(tmp, sizeof tmp, "OL%d(", cmark_node_get_list_start(n));
		else
			snprintf(tmp, sizeof tmp, "UL(");
		wrap(b, tmp, n, ") ");
		break;
	case CMARK_NODE_HEADING:
		snprintf(tmp, sizeof tmp, "H%d(", cmark_node_get_heading_level(n));
		wrap(b, tmp, n, ") ");
		break;
	case CMARK_NODE_CODE_BLOCK:
		put(b, "CODE[");
		put(b, cmark_node_get_literal(n));
		put(b, "] ");
		break;
	case CMARK_NODE_THEMATIC_BREAK: put(b, "HR "); break;
	case CMARK_NODE_TEXT: put(b, cmark_node_get_literal(n)); break;
	case CMARK_NODE_CODE:
		put(b, "`");
		put(b, cmark_node_get_literal(n));
		put(b, "`");
		break;
	case CMARK_NODE_HTML_INLINE:
		put(b, "{");
		put(b, cmark_node_get_literal(n));
		put(b, "}");
		break;
	case CMARK_NODE_EMPH: wrap(b, "*", n, "*"); break;
	case CMARK_NODE_STRONG: wrap(b, "**", n, "**"); break;
	case CMARK_NODE_LINEBREAK: put(b, "/"); break;
	case CMARK_NODE_LINK:
		wrap(b, "[", n, "](");
		put(b, cmark_node_get_url(n));
		put(b, ")");
		break;
	case CMARK_NODE_IMAGE:
		wrap(b, "![", n, "](");
		put(b, cmark_node_get_url(n));
		put(b, ")");
		break;
	default:
		put(b, "?");
		break;
	}
}

static void expect(const char *html, const char *want)
{
	/* The table nodes need the extensions registered: one parse. */
	cmark_node_free(article_parse_markdown("x", 1));
	cmark_node *doc = html_to_blocks(html, strlen(html));
	assert_non_null(doc);
	struct buf b = {"", 0};
	kids(&b, doc);
	while (b.n > 0 && b.s[b.n - 1] == ' ')
		b.s[--b.n] = '\0';
	cmark_node_free(doc);
	if (strcmp(b.s, want) != 0)
		print_error("html: %s\nwant: %s\nhave: %s\n", html, want, b.s);
	assert_string_equal(b.s, want);
}

static void paragraphs_headings_and_emphasis(void **state)
{
	(void)state;
	expect("<p>One <b>two</b>  <i>three</i>\n four.</p><p>Next<br>line</p>",
	       "P(One **two** *three* four.) P(Next/line)");
	expect("<h2 id=\"dose\">Dose</h2><h6>Small</h6>",
	       "H2(Dose{<a id=\"dose\"></a>}) H6(Small)");
	/* An id that could break out of the tag is not used. */
	expect("<h3 id='a\"b'>T</h3>", "H3(T)");
	expect("Loose text <div>in a div</div> after", "P(Loose text) P(in a div) P(after)");
	expect("<code>x  y</code> and <kbd>Ctrl</kbd>", "P(`x  y` and `Ctrl`)");
}

static void every_named_reference_is_decoded(void **state)
{
	(void)state;
	/* Before, only six were: &mdash; &deg; &micro; &frac12; stayed as
	 * written. */
	expect("<p>&mdash; &deg; &micro; &frac12; &hellip; &rarr; &check; "
	       "&NotNestedLessLess; &#x41; &#66; &amp;amp; &bogus;</p>",
	       "P(\xE2\x80\x94 \xC2\xB0 \xC2\xB5 \xC2\xBD \xE2\x80\xA6 "
	       "\xE2\x86\x92 \xE2\x9C\x93 \xE2\xAA\xA1\xCC\xB8 A B &amp; &bogus;)");
}

static void images_links_and_media(void **state)
{
	(void)state;
	expect("<img src=\"a.png\" alt=\"A &amp; B\"> <a href=\"x.md\">go</a> "
	       "<a href=\"y.md\"></a> <a name=\"n\">anchor</a>",
	       "P(![A & B](a.png) [go](x.md) [y.md](y.md) anchor)");
	expect("<iframe src=\"https://www.youtube-nocookie.com/embed/1\" "
	       "title=\"Inhaler\"></iframe>",
	       "P([Video: Inhaler](https://www.youtube-nocookie.com/embed/1))");
	expect("<p>See <video src=\"//v.example/a.mp4\">Old browser</video> now</p>",
	       "P(See/[Video](https://v.example/a.mp4) Old browser/now)");
	expect("<audio><source src=\"s.mp3\"></audio><iframe></iframe>",
	       "P([Audio](s.mp3)/Embedded page)");
}

/* Only a frame that shows a video is called one: a map or a form in a
 * frame is an embedded page. */
static void frames_that_are_not_videos(void **state)
{
	(void)state;
	expect("<iframe src=\"https://www.google.com/maps/embed?pb=1\" "
	       "title=\"Map to the clinic\"></iframe>",
	       "P([Embedded page: Map to the clinic]"
	       "(https://www.google.com/maps/embed?pb=1))");
	expect("<iframe src=\"https://docs.example/forms/d/e/1/viewform\" "
	       "title=\"Booking form\"></iframe>",
	       "P([Embedded page: Booking form]"
	       "(https://docs.example/forms/d/e/1/viewform))");
	/* Known video hosts, subdomains too, whatever the title. */
	expect("<iframe src=\"https://player.vimeo.com/video/76979871\" "
	       "title=\"Exercises\"></iframe>",
	       "P([Video: Exercises](https://player.vimeo.com/video/76979871))");
	expect("<iframe src=\"//youtu.be/abc\"></iframe>",
	       "P([Video](https://youtu.be/abc))");
	expect("<embed src=\"https://www.dailymotion.com/embed/video/x1\">",
	       "P([Video](https://www.dailymotion.com/embed/video/x1))");
	/* A look-alike host is not one of them. */
	expect("<iframe src=\"https://notyoutube.com/x\" title=\"Quiz\"></iframe>",
	       "P([Embedded page: Quiz](https://notyoutube.com/x))");
	/* A title that says video, a video file or a video host name. */
	expect("<iframe src=\"https://clinic.example/x\" "
	       "title=\"Inhaler VIDEO\"></iframe>",
	       "P([Video: Inhaler VIDEO](https://clinic.example/x))");
	expect("<iframe src=\"https://clinic.example/media/inhaler.MP4?t=1\">"
	       "</iframe>",
	       "P([Video](https://clinic.example/media/inhaler.MP4?t=1))");
	expect("<iframe src=\"https://video.clinic.example/watch/1\"></iframe>",
	       "P([Video](https://video.clinic.example/watch/1))");
}

static void lists_quotes_code_and_rules(void **state)
{
	(void)state;
	expect("<ul><li>a</li><li><p>b</p><ol start=\"3\"><li>c</li></ol></li></ul>",
	       "UL(LI(P(a) )LI(P(b) OL3(LI(P(c) )) ))");
	expect("<blockquote><p>q</p></blockquote><hr><pre>  x\n y</pre>",
	       "Q(P(q) ) HR CODE[  x\n y\n]");
	expect("<details><summary>More</summary><p>Inside</p></details>",
	       "P(**More**) P(Inside)");
	expect("<dl><dt>Term</dt><dd>Meaning</dd></dl>", "P(**Term**) P(Meaning)");
}

static void scripts_styles_comments_and_unknown_tags(void **state)
{
	(void)state;
	expect("<script>var a = '<p>no</p>';</script><style>p{}</style>"
	       "<!-- note --><template><p>t</p></template>"
	       "<p><span class=\"x\">kept</span> <blink>too</blink></p>",
	       "P(kept too)");
	expect("<!-- only a comment -->", "");
	expect("", "");
}

static void tables(void **state)
{
	(void)state;
	expect("<table><caption>Calls</caption><thead><tr><th>A</th><th>B</th></tr></thead>"
	       "<tbody><tr><td>1</td><td><b>2</b><br>3</td></tr>"
	       "<tr><td>only</td></tr></tbody></table>",
	       "P(Calls) T(RH(C(A)C(B))R(C(1)C(**2**{<br>}3))R(C(only)C()))");
	/* No <th>: no header row.  Cells past the widest row of 64 are
	 * kept in the last cell; block content in a cell is kept. */
	expect("<table><tr><td><p>x</p><p>y</p></td><td>z</td></tr></table>",
	       "T(R(C(x{<br>}y)C(z)))");
	expect("<table></table><table><tr></tr></table>", "");
	/* Misnested markup is read as a browser would. */
	expect("<table><tr><td>a<td>b</table>", "T(R(C(a)C(b)))");
}

static bool read(const char *s, struct html_tag *t)
{
	return html_tag_read(s, strlen(s), t);
}

static void tags_one_at_a_time(void **state)
{
	(void)state;
	struct html_tag t;
	assert_true(read("<A HREF=\"x&amp;y.md\" title='T'>", &t));
	assert_string_equal(t.name, "a");
	assert_false(t.closing);
	assert_non_null(t.href);
	assert_string_equal(t.href, "x&y.md");
	assert_string_equal(t.title, "T");
	assert_null(t.src);
	html_tag_free(&t);
	assert_true(read("</Strong>", &t));
	assert_string_equal(t.name, "strong");
	assert_true(t.closing);
	html_tag_free(&t);
	assert_true(read("<img alt=pic src=p.png/>", &t));
	assert_string_equal(t.alt, "pic");
	assert_string_equal(t.src, "p.png/");
	html_tag_free(&t);
	assert_true(read("<td class=x>", &t));
	assert_string_equal(t.name, "td");
	html_tag_free(&t);
	assert_false(read("<!-- c -->", &t));
	html_tag_free(&t);
	assert_false(read("<", &t));
	html_tag_free(&t);
}

struct seen {
	char names[512];
};

static void collect(void *ctx, const char *name, const char *href)
{
	struct seen *s = ctx;
	strcat(s->names, name);
	if (href != NULL) {
		strcat(s->names, "=");
		strcat(s->names, href);
	}
	strcat(s->names, " ");
}

static void elements_as_written(void **state)
{
	(void)state;
	struct seen s = {""};
	const char *h = "<div><a href=\"a.md\">x</a><script><b>no</b></script>"
			"<table><tr><td>c</td></tr></table><x-custom></x-custom></div>";
	html_elements(h, strlen(h), collect, &s);
	/* tbody is implied by the parser: not reported. */
	assert_string_equal(s.names, "div a=a.md script table tr td x-custom ");
	assert_true(html_is_hidden_tag("script"));
	assert_true(html_is_hidden_tag("style"));
	assert_false(html_is_hidden_tag("div"));
}

static void deep_nesting_does_not_exhaust_the_stack(void **state)
{
	(void)state;
	/* Under html_too_big's limit: the parser and the walk (which reads
	 * what is deeper than HTML_MAX_DEPTH as text) take it all. */
	size_t n = 1900;
	char *h = malloc(n * 10 + 16);
	assert_non_null(h);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		memcpy(h + o, i % 2 ? "<div>" : "<b>", i % 2 ? 5 : 3);
		o += i % 2 ? 5 : 3;
	}
	memcpy(h + o, "deep", 5);
	cmark_node *doc = html_to_blocks(h, o + 4);
	assert_non_null(doc);
	struct buf b = {"", 0};
	kids(&b, doc);
	assert_non_null(strstr(b.s, "deep"));
	cmark_node_free(doc);
	free(h);
}

static void html_too_deep_for_the_parser_is_shown_as_text(void **state)
{
	(void)state;
	/* 200,000 nested <div>: the parser would take minutes (its time
	 * grows with the square of the nesting); the text is shown
	 * instead, at once, tags taken out. */
	size_t n = 200000;
	char *h = malloc(n * 5 + 32);
	assert_non_null(h);
	for (size_t i = 0; i < n; i++)
		memcpy(h + 5 * i, "<div>", 5);
	strcpy(h + 5 * n, "deep  &amp; down</div>");
	time_t t0 = time(NULL);
	cmark_node *doc = html_to_blocks(h, strlen(h));
	assert_true(time(NULL) - t0 < 5);
	struct buf b = {"", 0};
	kids(&b, doc);
	assert_string_equal(b.s, "P(deep &amp; down) ");
	cmark_node_free(doc);
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraphs_headings_and_emphasis),
		cmocka_unit_test(every_named_reference_is_decoded),
		cmocka_unit_test(images_links_and_media),
		cmocka_unit_test(frames_that_are_not_videos),
		cmocka_unit_test(lists_quotes_code_and_rules),
		cmocka_unit_test(scripts_styles_comments_and_unknown_tags),
		cmocka_unit_test(tables),
		cmocka_unit_test(tags_one_at_a_time),
		cmocka_unit_test(elements_as_written),
		cmocka_unit_test(deep_nesting_does_not_exhaust_the_stack),
		cmocka_unit_test(html_too_deep_for_the_parser_is_shown_as_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
