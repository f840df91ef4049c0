/*
 * Tests for waitroom.c: the waiting-room lock and timers and the SSH
 * session limits, driven by a clock the test sets (no terminal, no
 * sleeping).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "pin.h"
#include "waitroom.h"

static struct waitroom_cfg room(void)
{
	return (struct waitroom_cfg){.locked = true, .idle_timeout = 90,
				     .attract_timeout = 300, .pin_hash = ""};
}

/* The attract screen's text moves every WAITROOM_ATTRACT_SHIFT seconds,
 * and the loop is woken for each move. */
static void the_attract_screen_moves(void **state)
{
	(void)state;
	struct waitroom_cfg c = room();
	struct waitroom w;
	waitroom_init(&w, &c, 1000);
	waitroom_tick(&w, 1300, true);
	assert_true(w.attract);
	double t = 1300;
	for (unsigned step = 0; step < 4; step++) {
		assert_int_equal(waitroom_attract_step(&w, t), step);
		double next = waitroom_next(&w, t, true);
		assert_true(next > t);
		assert_true(next <= 1300.1 + WAITROOM_ATTRACT_SHIFT * (step + 1.0));
		/* the paint it wakes, even a millisecond early, is at the
		 * next place */
		assert_int_equal(waitroom_attract_step(&w, next - 0.001), step + 1);
		t = next;
		waitroom_tick(&w, t, true);
	}
	assert_int_equal(waitroom_attract_step(&w, t), 4);
	/* a key takes it away: no more moves */
	waitroom_key(&w, WAITROOM_CHAR, 'x', t);
	assert_int_equal(waitroom_attract_step(&w, t + 100), 0);
}

static void the_countdown_shows_in_the_last_ten_seconds(void **state)
{
	struct waitroom_cfg c = room();
	struct waitroom w;
	waitroom_init(&w, &c, 1000);
	waitroom_key(&w, WAITROOM_CHAR, 'j', 1000);
	assert_int_equal(waitroom_countdown(&w, 1079, false), 0);
	assert_int_equal(waitroom_countdown(&w, 1080.5, false), 10);
	assert_int_equal(waitroom_countdown(&w, 1089.5, false), 1);
	/* Nothing to forget: no countdown. */
	assert_int_equal(waitroom_countdown(&w, 1085, true), 0);
	/* The loop wakes when it starts, then once a second. */
	assert_true(fabs(waitroom_next(&w, 1000, false) - 1080) < 1e-6);
	assert_true(fabs(waitroom_next(&w, 1080.2, false) - 1081) < 1e-6);
	assert_int_equal(waitroom_tick(&w, 1089.9, false) & WAITROOM_RESET, 0);
	assert_true(waitroom_tick(&w, 1090, false) & WAITROOM_RESET);
	/* A fresh screen is never reset. */
	assert_int_equal(waitroom_tick(&w, 1095, true) & WAITROOM_RESET, 0);
}

static void a_key_restarts_the_idle_time(void **state)
{
	struct waitroom_cfg c = room();
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	waitroom_key(&w, WAITROOM_CHAR, 'j', 85);
	assert_int_equal(waitroom_countdown(&w, 89, false), 0);
	assert_int_equal(waitroom_tick(&w, 100, false) & WAITROOM_RESET, 0);
}

static void the_attract_screen_comes_and_any_key_takes_it_away(void **state)
{
	struct waitroom_cfg c = room();
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	assert_true(waitroom_tick(&w, 300, true) & WAITROOM_RESET);
	assert_true(w.attract);
	/* The key that wakes it does nothing else. */
	assert_int_equal(waitroom_key(&w, WAITROOM_CHAR, 'q', 301), WAITROOM_USED);
	assert_false(w.attract);
	assert_int_equal(waitroom_key(&w, WAITROOM_CHAR, 'j', 302), 0);
}

static void the_chord_opens_the_pin_box_and_the_pin_quits(void **state)
{
	char *hash = pin_hash("4321");
	assert_non_null(hash);
	struct waitroom_cfg c = room();
	c.pin_hash = hash;
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	/* Ctrl-E alone does nothing; too slow a chord neither. */
	assert_int_equal(waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_2, 1), 0);
	waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_1, 2);
	assert_int_equal(waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_2, 6), 0);
	assert_false(w.pin_open);
	waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_1, 10);
	assert_true(waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_2, 11) &
		    WAITROOM_USED);
	assert_true(w.pin_open);
	/* A wrong PIN says so and quits nothing. */
	waitroom_key(&w, WAITROOM_CHAR, '1', 12);
	waitroom_key(&w, WAITROOM_CHAR, '2', 12);
	assert_int_equal(w.pin_len, 2);
	waitroom_key(&w, WAITROOM_ERASE, 0, 12);
	assert_int_equal(w.pin_len, 1);
	unsigned r = waitroom_key(&w, WAITROOM_ENTER, 0, 13);
	assert_int_equal(r & WAITROOM_QUIT, 0);
	assert_string_equal(w.pin_msg, "Wrong PIN.");
	assert_int_equal(w.pin_len, 0);
	for (const char *p = "4321"; *p; p++)
		waitroom_key(&w, WAITROOM_CHAR, *p, 20);
	assert_true(waitroom_key(&w, WAITROOM_ENTER, 0, 21) & WAITROOM_QUIT);
	free(hash);
}

static void an_untouched_pin_box_goes_away(void **state)
{
	struct waitroom_cfg c = room();
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_1, 1);
	waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_2, 1);
	waitroom_key(&w, WAITROOM_CHAR, '7', 1);
	assert_true(fabs(waitroom_next(&w, 2, true) - 21) < 1e-6);
	waitroom_tick(&w, 21, true);
	assert_false(w.pin_open);
	assert_int_equal(w.pin_len, 0);
	assert_int_equal(w.pin[0], '\0');
}

static void no_pin_set_is_said_plainly(void **state)
{
	struct waitroom_cfg c = room();
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_1, 1);
	waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_2, 1);
	waitroom_key(&w, WAITROOM_ENTER, 0, 2);
	assert_string_equal(w.pin_msg, "No PIN is set in kiosk.conf.");
}

static void a_remote_session_ends_when_idle_or_too_long(void **state)
{
	struct waitroom_cfg c = {.remote = true, .session_idle = 60,
				 .session_max = 600};
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	assert_true(fabs(waitroom_next(&w, 0, true) - 60) < 1e-6);
	assert_int_equal(waitroom_tick(&w, 59, true), 0);
	assert_null(w.ended);
	assert_true(waitroom_tick(&w, 60, true) & WAITROOM_ENDED);
	assert_non_null(w.ended);

	waitroom_init(&w, &c, 0);
	for (double t = 50; t < 600; t += 50)
		waitroom_key(&w, WAITROOM_CHAR, 'j', t);
	assert_int_equal(waitroom_tick(&w, 599, true), 0);
	assert_true(waitroom_tick(&w, 600, true) & WAITROOM_ENDED);
	assert_string_equal(w.ended, "Your session has reached its time limit.");
}

static void a_normal_kiosk_takes_no_keys_and_has_no_timers(void **state)
{
	struct waitroom_cfg c = {.idle_timeout = 90, .attract_timeout = 300};
	struct waitroom w;
	waitroom_init(&w, &c, 0);
	assert_int_equal(waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_1, 1), 0);
	assert_int_equal(waitroom_key(&w, WAITROOM_CHAR, WAITROOM_CHORD_2, 1), 0);
	assert_false(w.pin_open);
	assert_true(isinf(waitroom_next(&w, 5, false)));
	assert_int_equal(waitroom_tick(&w, 1000, false), 0);
	assert_int_equal(waitroom_countdown(&w, 85, false), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_attract_screen_moves),
		cmocka_unit_test(the_countdown_shows_in_the_last_ten_seconds),
		cmocka_unit_test(a_key_restarts_the_idle_time),
		cmocka_unit_test(the_attract_screen_comes_and_any_key_takes_it_away),
		cmocka_unit_test(the_chord_opens_the_pin_box_and_the_pin_quits),
		cmocka_unit_test(an_untouched_pin_box_goes_away),
		cmocka_unit_test(no_pin_set_is_said_plainly),
		cmocka_unit_test(a_remote_session_ends_when_idle_or_too_long),
		cmocka_unit_test(a_normal_kiosk_takes_no_keys_and_has_no_timers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
