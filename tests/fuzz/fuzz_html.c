/*
 * fuzz_html: html_next over the whole input (exact-size copy), with
 * html_attr for href/alt/src on every tag and html_decode on every text
 * run and on the whole input.  Checks that tokens tile the input, that
 * html_next always advances, and that html_decode never grows the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size == 0 ? 1 : size);
	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	size_t pos = 0, prev = 0;
	struct html_token t;
	while (html_next(s, size, &pos, &t)) {
		if (pos <= prev || pos > size || t.start != s + prev ||
		    t.len != pos - prev)
			abort();
		prev = pos;
		if (memchr(t.name, '\0', sizeof t.name) == NULL)
			abort();
		if (t.kind == HTML_TAG) {
			static const char *const attrs[] = {"href", "alt", "src",
							    "title"};
			for (size_t i = 0; i < 4; i++)
				free(html_attr(&t, attrs[i]));
			(void)html_is_hidden_tag(t.name);
			(void)html_is_break_tag(t.name);
		} else if (t.kind == HTML_TEXT) {
			size_t ol;
			char *d = html_decode(t.start, t.len, &ol);
			if (ol > t.len || strlen(d) > ol)
				abort();
			free(d);
		}
	}
	if (pos != size)
		abort();
	size_t ol;
	char *d = html_decode(s, size, &ol);
	if (ol > size)
		abort();
	free(d);
	free(s);
	return 0;
}
