/*
 * fuzz_config: config_parse on the input as INI text (NUL-terminated
 * copy, as config_load hands it over after rejecting NUL bytes; an input
 * with a NUL is cut there), then config_check and config_free.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	struct config c;
	struct diag_list diags = {0};
	config_defaults(&c);
	config_parse(&c, "/etc/kiosk/kiosk.conf", text, &diags);
	config_check(&c, "/etc/kiosk/kiosk.conf", &diags);
	if (c.title == NULL || c.content_dir == NULL || c.pin_hash == NULL ||
	    c.log_path == NULL)
		abort();
	if (config_theme_name(c.theme) == NULL)
		abort();
	for (size_t i = 0; i < diags.n; i++) {
		char *s = diag_format(&diags.items[i]);
		free(s);
	}
	config_free(&c);
	diag_list_clear(&diags);
	free(text);
	return 0;
}
