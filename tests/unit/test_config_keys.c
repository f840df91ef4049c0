/*
 * Tests for config_keys.c, the table of kiosk.conf's keys: each row's
 * default is a value the reader takes for that key and is what
 * config_defaults stores, no key is listed twice, and the lookups the
 * reader uses find sections and keys in any case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "config.h"
#include "config_keys.h"
#include "diag.h"
#include "xmem.h"

/* The default of row k as it would be written in kiosk.conf. */
static char *default_text(const struct config_key *k)
{
	switch (k->type) {
	case CONFIG_KEY_STRING:
	case CONFIG_KEY_PATH:
		return xasprintf("\"%s\"", k->def_str);
	case CONFIG_KEY_ENUM:
		return xstrdup(k->values[k->def]);
	case CONFIG_KEY_INT:
		return xasprintf("%ld", k->def);
	case CONFIG_KEY_BOOL:
		return xstrdup(k->def ? "yes" : "no");
	}
	return xstrdup("");
}

/* A kiosk.conf that sets each key to its default is read without a
 * message and leaves struct config as config_defaults made it. */
static void every_default_is_a_value_the_key_takes(void **state)
{
	char *text = xstrdup("");
	for (size_t i = 0; i < config_nkeys; i++) {
		const struct config_key *k = &config_keys[i];
		if (k->type == CONFIG_KEY_ENUM) {
			size_t n = 0;
			while (k->values[n] != NULL)
				n++;
			assert_in_range(k->def, 0, (long)n - 1);
		}
		char *v = default_text(k);
		char *t = xasprintf("%s[%s]\n%s = %s\n", text, k->section,
				    k->name, v);
		free(v);
		free(text);
		text = t;
	}
	struct config want, got;
	config_defaults(&want);
	config_defaults(&got);
	struct diag_list d = {0};
	/* Paths resolve against the config's folder: none here. */
	assert_int_equal(config_parse(&got, "kiosk.conf", text, &d), 0);
	assert_int_equal(d.n, 0);
	for (size_t i = 0; i < config_nkeys; i++) {
		const struct config_key *k = &config_keys[i];
		const char *a = (const char *)&want + k->offset;
		const char *b = (const char *)&got + k->offset;
		switch (k->type) {
		case CONFIG_KEY_STRING:
		case CONFIG_KEY_PATH:
			assert_string_equal(*(char *const *)a,
					    *(char *const *)b);
			break;
		case CONFIG_KEY_ENUM:
		case CONFIG_KEY_INT:
			assert_int_equal(*(const int *)a, *(const int *)b);
			break;
		case CONFIG_KEY_BOOL:
			assert_int_equal(*(const bool *)a, *(const bool *)b);
			break;
		}
	}
	config_free(&want);
	config_free(&got);
	diag_list_clear(&d);
	free(text);
}

/* Two rows for one key: the reader would only ever find the first. */
static void no_key_is_listed_twice(void **state)
{
	for (size_t i = 0; i < config_nkeys; i++)
		for (size_t j = i + 1; j < config_nkeys; j++)
			if (strcasecmp(config_keys[i].section,
				       config_keys[j].section) == 0 &&
			    strcasecmp(config_keys[i].name,
				       config_keys[j].name) == 0)
				fail_msg("[%s] %s is listed twice",
					 config_keys[i].section,
					 config_keys[i].name);
}

static void sections_and_keys_are_found_in_any_case(void **state)
{
	assert_string_equal(config_keys_section("SSH"), "ssh");
	assert_string_equal(config_keys_section("Kiosk"), "kiosk");
	assert_null(config_keys_section("kiosks"));
	const struct config_key *k = config_keys_find("ssh", "Max_Sessions");
	assert_non_null(k);
	assert_string_equal(k->name, "max_sessions");
	assert_int_equal(k->type, CONFIG_KEY_INT);
	/* A key is found only in its own section. */
	assert_null(config_keys_find("kiosk", "max_sessions"));
	assert_null(config_keys_find("ssh", "title"));
	char *list = config_keys_section_list();
	assert_string_equal(list, "[kiosk], [ssh]");
	free(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_default_is_a_value_the_key_takes),
		cmocka_unit_test(no_key_is_listed_twice),
		cmocka_unit_test(sections_and_keys_are_found_in_any_case),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
