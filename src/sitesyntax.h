/*
 * sitesyntax: the template and attribute syntax of web site generators,
 * taken out of Markdown before it is parsed, so it never reaches a
 * patient.
 *
 *   - Hugo shortcodes: {{< name ... >}} and {{% name ... %}}, single or
 *     paired ({{< /name >}}): the tags go, a paired one's inner text
 *     stays.  {{< youtube ID >}} and {{< vimeo ID >}} become a link
 *     "Video: TITLE" (or "Video: YouTube") to the video's address, {{< figure src=... alt=... >}} an
 *     image.
 *   - Liquid and Jinja: {% ... %} tags and {{ name }} variables.  A link
 *     whose address starts with one ("[Find a pharmacy]({{ base }}find)")
 *     cannot be followed: its text stays, as text.
 *   - Attribute lists (kramdown, Pandoc, Python-Markdown): {: ...},
 *     {.class}, {#id}, {key=value}, in any mix.  A {#id} on a heading
 *     line becomes <a id="id"></a>, which the layout takes as that
 *     section's own anchor.
 *
 * Fenced code blocks and code spans are left as written.  Lines are
 * kept: the text has as many lines after as before, so cmark's line
 * numbers still name the file's lines.
 */
#ifndef KIOSK_SITESYNTAX_H
#define KIOSK_SITESYNTAX_H

#include <stddef.h>

/* What was taken out. */
struct sitesyntax_found {
	size_t count;    /* constructs taken out (a heading's {#id}, which
			    is used, is not counted) */
	int first_line;  /* 1-based line (of the text given) of the first,
			    0 when there was none */
	char first[64];  /* the first as written, cut to fit (a sanitized
			    copy is the caller's job) */
};

/*
 * Returns text[0..len) without the syntax above, as a new NUL-terminated
 * string (caller frees; its length in *out_len), or NULL when there is
 * nothing to take out (the text is then to be used as it is).  found
 * may be NULL.
 */
char *sitesyntax_strip(const char *text, size_t len, size_t *out_len,
		       struct sitesyntax_found *found);

#endif
