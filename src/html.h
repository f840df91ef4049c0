/*
 * html: just enough HTML to show raw HTML in Markdown as text.
 *
 * The kiosk never renders HTML; it reduces it to its text, keeping <a
 * href> links, line breaks and paragraph breaks.  html_next splits a
 * buffer into text runs and tags without allocating; nothing is unbounded.
 */
#ifndef KIOSK_HTML_H
#define KIOSK_HTML_H

#include <stdbool.h>
#include <stddef.h>

enum html_kind {
	HTML_TEXT,    /* text (entities not yet decoded) */
	HTML_TAG,     /* <name ...> or </name> or <name/> */
	HTML_COMMENT, /* <!-- ... -->, <!...>, <?...?> */
};

struct html_token {
	enum html_kind kind;
	const char *start; /* the token's bytes in the input */
	size_t len;
	/* For HTML_TAG: */
	char name[16];  /* lower-cased tag name, truncated; "" if not a tag */
	bool closing;   /* </name> */
};

/* Reads the token at *pos in s[0..len) and advances *pos.  Returns false at
 * the end of the input. */
bool html_next(const char *s, size_t len, size_t *pos, struct html_token *t);

/* Value of attribute attr in a tag token as a new string (caller frees),
 * entities decoded, or NULL when absent. */
char *html_attr(const struct html_token *t, const char *attr);

/* Decodes character references (&amp; &lt; &gt; &quot; &apos; &nbsp; &#N;
 * &#xH;) in s[0..len) into a new string (caller frees); unknown ones stay
 * as written. */
char *html_decode(const char *s, size_t len, size_t *out_len);

/* True for tags whose content is never text (script, style). */
bool html_is_hidden_tag(const char *name);
/* True for tags that end a line (br) or a paragraph (p, div, li, h1-h6,
 * tr, blockquote, ul, ol, table). */
bool html_is_break_tag(const char *name);

#endif
