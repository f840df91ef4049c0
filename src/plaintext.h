/*
 * plaintext: articles pasted as plain text, turned into a CommonMark tree
 * (built with cmark's node API, so nothing in the text is ever taken as
 * Markdown syntax).
 *
 * Rules, in order:
 *  - Lines are split on \n (a \r before it is dropped).  Consecutive
 *    non-blank lines form one block; blank lines separate blocks.  When a
 *    block has a line longer than 100 characters the text was pasted one
 *    paragraph per line, and each line of the block is its own paragraph.
 *    When instead a line runs on into the next (the next starts in lower
 *    case) the block is hard-wrapped text and its lines are joined with
 *    spaces, except that a title-like line or one ending in ':' ends its
 *    paragraph when the next line does not start in lower case, and a
 *    title-like line standing alone after a sentence's end starts one.
 *    A block of short lines that never run on is one paragraph per line
 *    too.  List lines (below) are never joined to a paragraph.
 *  - The first non-blank line is the title when it looks like a title:
 *    under 70 characters, not ending in '.', ',' or ';'.  It is then not
 *    part of the body.  Otherwise the title is taken from the file name
 *    when that reads as words ("skin-care_tips.txt" -> "Skin care tips"),
 *    else from the opening words (the first sentence, cut at a word
 *    boundary to at most 60 characters, with "..." when cut), and the first
 *    line stays in the body.
 *  - A title-like line (as above; a trailing ':' is allowed and dropped)
 *    that is followed by a paragraph that is not title-like becomes a level
 *    2 heading.
 *  - Lines starting with "* ", "- " or a hand-typed bullet ("•", "·", "▪",
 *    "◦", "●", "–" or Word's U+F0B7, with a space or tab after it:
 *    pasted.h) are list items (consecutive ones form one bullet list);
 *    "1. " / "1) " form an ordered list.  Word's private-use bullets
 *    elsewhere in a line show as "•" and "▪".
 *  - A run of two or more short title-like lines right after a paragraph
 *    ending in ':' becomes a bullet list.
 */
#ifndef KIOSK_PLAINTEXT_H
#define KIOSK_PLAINTEXT_H

#include <stddef.h>

#include <cmark-gfm.h>

/*
 * Parses text (len bytes, UTF-8 already validated by the caller) into a new
 * CMARK_NODE_DOCUMENT, which the caller frees with cmark_node_free.
 * filename is the file's base name (used for the title when needed).
 * *title_out receives the title (never NULL, caller frees).
 */
cmark_node *plaintext_parse(const char *text, size_t len, const char *filename,
			    char **title_out);

#endif
