/* Unit tests for input.c: where an escape sequence ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "input.h"

static int len(const char *s)
{
	return input_sequence_length((const unsigned char *)s, (int)strlen(s));
}

static void test_csi_runs_to_its_final_byte(void **state)
{
	(void)state;
	assert_int_equal(len("[4~"), 3);
	assert_int_equal(len("[1;5C"), 5);
	assert_int_equal(len("[<0;12;7M"), 9); /* SGR mouse */
	assert_int_equal(len("[200~"), 5);
	assert_int_equal(len("[4"), -1);
	assert_int_equal(len("["), -1);
	assert_int_equal(len("[[A"), 3); /* the Linux console's F1 */
}

static void test_ss3_and_strings(void **state)
{
	(void)state;
	assert_int_equal(len("OF"), 2);
	assert_int_equal(len("O"), -1);
	assert_int_equal(len("]0;title\a"), 9);
	assert_int_equal(len("]8;;x\033\\"), 7);
	assert_int_equal(len("]8;;x"), -1);
}

static void test_alt_key_is_one_byte_and_esc_esc_is_a_key(void **state)
{
	(void)state;
	assert_int_equal(len("b"), 1);
	assert_int_equal(len("\x02"), 1);
	assert_int_equal(len("\033"), 0);
	assert_int_equal(input_sequence_length((const unsigned char *)"", 0), -1);
}

static int mouse(const char *s, MEVENT *ev)
{
	return input_mouse((const unsigned char *)s, (int)strlen(s), ev);
}

/* Mouse reports are read by the kiosk, not by curses: a press and the
 * wheel become events at 0-based cells; releases, drags and malformed
 * reports are dropped; anything else is no report. */
static void test_mouse_reports(void **state)
{
	(void)state;
	MEVENT ev;
	assert_int_equal(mouse("[<0;10;5M", &ev), 1);
	assert_int_equal(ev.x, 9);
	assert_int_equal(ev.y, 4);
	assert_true(ev.bstate & BUTTON1_PRESSED);
	assert_int_equal(mouse("[<64;1;1M", &ev), 1);
	assert_true(ev.bstate & BUTTON4_PRESSED);
	assert_int_equal(mouse("[<65;1;1M", &ev), 1);
	assert_true(ev.bstate & BUTTON5_PRESSED);
	assert_int_equal(mouse("[<4;3;3M", &ev), 1); /* with Shift */
	assert_true(ev.bstate & BUTTON1_PRESSED);
	/* X10: ESC [ M, then button, column, row + 32 */
	assert_int_equal(mouse("[M !\"", &ev), 1);
	assert_int_equal(ev.x, 0);
	assert_int_equal(ev.y, 1);
	assert_true(ev.bstate & BUTTON1_PRESSED);
	assert_int_equal(mouse("[M#!!", &ev), 0); /* X10 release */
	/* dropped */
	assert_int_equal(mouse("[<0;10;5m", &ev), 0);   /* release */
	assert_int_equal(mouse("[<32;10;5M", &ev), 0);  /* drag */
	assert_int_equal(mouse("[<66;1;1M", &ev), 0);   /* sideways wheel */
	assert_int_equal(mouse("[<0;0;0M", &ev), 0);    /* no such cell */
	assert_int_equal(mouse("[<0;1M", &ev), 0);
	assert_int_equal(mouse("[<;;M", &ev), 0);
	assert_int_equal(mouse("[<0;1;1;1;1;1;1;1;1;1;1;1M", &ev), 0);
	assert_int_equal(mouse("[<0;99999999999999999999;1M", &ev), 1);
	assert_int_equal(ev.x, 99998); /* clamped, then off every screen */
	/* not mouse reports */
	assert_int_equal(mouse("[A", &ev), -1);
	assert_int_equal(mouse("[32;9999;9999M", &ev), -1);
	assert_int_equal(mouse("OP", &ev), -1);
	/* an X10 report is five bytes whatever they are */
	assert_int_equal(len("[M"), -1);
	assert_int_equal(len("[M\x1b[A"), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csi_runs_to_its_final_byte),
		cmocka_unit_test(test_ss3_and_strings),
		cmocka_unit_test(test_alt_key_is_one_byte_and_esc_esc_is_a_key),
		cmocka_unit_test(test_mouse_reports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
