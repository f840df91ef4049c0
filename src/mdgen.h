/*
 * mdgen: Markdown the kiosk writes itself and adds to a document: the end
 * block of every article (its sources, review date, the next article of
 * its topic and the way back) and the emphasised "Also called" line of
 * the explanation pane.  Text from content or translations goes in with
 * every punctuation mark escaped, so it shows as written.
 *
 * cmark joins nodes made with one allocator only, and a document has the
 * kiosk's (article_parse_markdown: Markdown, HTML) or cmark's own (plain
 * text): the blocks are parsed with the one the document takes.
 */
#ifndef KIOSK_MDGEN_H
#define KIOSK_MDGEN_H

#include <cmark-gfm.h>

struct frontmatter;
struct library;

/* Appends the end block of article index of lib to doc; fm is its front
 * matter (borrowed; sources and reviewed are read). */
void mdgen_end_block(cmark_node *doc, const struct library *lib, long index,
		     const struct frontmatter *fm);

/* Appends a paragraph of text, emphasised, to doc. */
void mdgen_emphasis(cmark_node *doc, const char *text);

#endif
