/*
 * html: raw HTML in Markdown, read with a real HTML parser (gumbo, the
 * HTML5 parsing algorithm as browsers run it: implied and misnested
 * tags, every named character reference) and turned into the cmark
 * nodes the rest of the kiosk already shows.
 *
 * HTML blocks become blocks (html_convert): <p>, <div> and other
 * containers their text as paragraphs; <h1>-<h6> headings (their id is
 * the section's own anchor); <ul>/<ol>/<li> lists; <blockquote>; <pre>
 * code; <hr> a rule; <table> a GitHub table (header row from <th>
 * cells, alignment from align=); <strong>/<b>, <em>/<i>, <code>, <br>,
 * <a href> and <img alt> their Markdown meaning; <iframe>, <video>,
 * <audio> a line "Video: TITLE" (or "Audio: ...", or "Embedded page: ..."
 * for a frame that is not a video: html_media_word) linking to the address;
 * <details> its content with <summary> in bold.  <script>, <style>,
 * <template> and comments go with their content; any other tag goes and
 * its text stays.
 *
 * Inline HTML (one tag per cmark node, inside a paragraph) is read tag
 * by tag (html_tag_read) for the layout to apply.
 */
#ifndef KIOSK_HTML_H
#define KIOSK_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

/* One tag of inline HTML. */
struct html_tag {
	char name[16]; /* lower-cased tag name (cut), "" for a comment or
			  anything that is not a tag */
	bool closing;  /* </name> */
	/* Attributes, character references decoded; owned, or NULL when
	 * absent: */
	char *href, *src, *alt, *title, *id;
};

/* Reads the tag in s[0..len) (cmark's literal of an HTML_INLINE node)
 * into t.  Returns false when it is not a start or end tag (t is then
 * empty but still to be freed). */
bool html_tag_read(const char *s, size_t len, struct html_tag *t);
void html_tag_free(struct html_tag *t);

/* Replaces each run of HTML blocks in doc (adjacent HTML_BLOCK nodes, so
 * a table with blank lines in it stays one table) by the blocks they
 * mean.  doc must come from article_parse_markdown: cmark links only
 * nodes of one allocator, and new nodes are made with article_mem(). */
void html_convert(cmark_node *doc);

/* The blocks s[0..len) means, as the children of a new DOCUMENT node
 * (caller frees with cmark_node_free). */
cmark_node *html_to_blocks(const char *s, size_t len);

/* Calls fn for each element written in s[0..len) (not the ones the
 * parser implies), in document order, with its tag name and its href
 * (NULL when none); for --check. */
typedef void (*html_element_fn)(void *ctx, const char *name,
				const char *href);
void html_elements(const char *s, size_t len, html_element_fn fn, void *ctx);

/* True for tags whose content is never shown (script, style, template). */
bool html_is_hidden_tag(const char *name);

/* The word an embedded element is shown as (before ": TITLE"): "Audio"
 * for <audio>, "Video" for <video>, and for a frame (<iframe>, <embed>,
 * <object>) "Video" only when it shows one: its address src is on a
 * known video site (YouTube, Vimeo, Dailymotion...) or a host named
 * video(s), or is a video file, or its title says video; else
 * "Embedded page" (a map, a form).  tag is the lower-case tag name;
 * src and title may be NULL. */
const char *html_media_word(const char *tag, const char *src,
			    const char *title);

#endif
