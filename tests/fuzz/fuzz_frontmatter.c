/*
 * fuzz_frontmatter: frontmatter_parse on arbitrary bytes (not
 * NUL-terminated: the input is copied to an exact-size heap buffer so
 * AddressSanitizer sees any read past len).  Checks the documented
 * results: body_offset <= len, body_line >= 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size == 0 ? 1 : size);
	if (text == NULL)
		return 0;
	if (size > 0)
		memcpy(text, data, size);
	struct frontmatter fm;
	struct diag_list diags = {0};
	size_t body = 12345;
	int body_line = -7;
	frontmatter_parse("a.md", text, size, &fm, &body, &body_line, &diags);
	if (body > size || body_line < 1)
		abort();
	for (size_t i = 0; i < fm.ntags; i++)
		if (fm.tags[i] == NULL)
			abort();
	for (size_t i = 0; i < diags.n; i++) {
		char *s = diag_format(&diags.items[i]);
		free(s);
	}
	frontmatter_free(&fm);
	diag_list_clear(&diags);
	free(text);
	return 0;
}
