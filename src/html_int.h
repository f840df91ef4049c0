/*
 * html_int: what html.c and html_blocks.c share (private to them).
 */
#ifndef KIOSK_HTML_INT_H
#define KIOSK_HTML_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <gumbo.h>

/* Deepest element nesting read (deeper content is read as text, and
 * walks stop there), so no input exhausts the stack. */
#define HTML_MAX_DEPTH 200

/* Largest HTML given to the parser: tags, and tags open at once (start
 * tags less end tags, counted without parsing).  The parser's time grows
 * with the square of the nesting: 20,000 nested <div> take seconds. */
#define HTML_MAX_TAGS 50000
#define HTML_MAX_NESTING 2000

/* True when s[0..len) is over those limits (it is then shown as its
 * text, tags taken out, and --check does not look inside it). */
bool html_too_big(const char *s, size_t len);

/* s[0..len) parsed as a fragment of <body>, with the kiosk's allocator
 * and no error list; free with gumbo_destroy_output(o, result). */
GumboOutput *html_parse(const char *s, size_t len, GumboOptions *o);

/* The value of attribute name of e, or NULL. */
const char *html_attr_of(const GumboElement *e, const char *name);

/* Elements whose content is never shown (script, style, template, and
 * what belongs in a page's head). */
bool html_hidden(GumboTag t);

#endif
