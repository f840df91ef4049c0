/* Unit tests for url.c: the host of an address. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "url.h"

static void host_is(const char *authority, const char *want)
{
	size_t n;
	const char *h = url_host(authority, &n);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(h, want, n);
}

static void test_host(void **state)
{
	(void)state;
	host_is("www.youtube.com/embed/x", "www.youtube.com");
	host_is("clinic.example:8080/a", "clinic.example");
	host_is("user:secret@vimeo.com/1", "vimeo.com");
	host_is("user@host?q=a@b", "host");
	host_is("h#frag@x", "h");
	host_is("/path", "");
	host_is("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_host)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
