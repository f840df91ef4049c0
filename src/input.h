/*
 * input: keys as whole keys.  A terminal sends most keys as escape
 * sequences, and which ones depends on the terminal, not on what TERM
 * says: End is ESC [ 4 ~ on PuTTY, rxvt, screen and tmux, ESC [ F or
 * ESC O F on xterm, ESC [ 8 ~ on rxvt.  Curses knows only the sequences
 * of the terminfo entry and hands anything else over as a lone Esc
 * followed by the rest as typed keys, and Esc means Back.
 *
 * So input teaches curses the Home, End, Page Up/Down, Insert, Delete,
 * arrow, Shift-Tab and F1 sequences of xterm, VT220, rxvt, PuTTY,
 * screen/tmux and the Linux console whatever TERM is, and reads any other
 * escape sequence (CSI, SS3, OSC, DCS) to its end and drops it, as it
 * drops Alt+key (ESC then a key).  A lone Esc is still Esc: curses
 * returns it after ESCDELAY milliseconds with nothing after it.
 *
 * The delay: a terminal writes a key's whole sequence at once, and SSH
 * carries one write in one packet, so the bytes of a key arrive together
 * however slow the link; INPUT_ESC_DELAY_MS only has to cover a local
 * terminal's scheduling, and is short enough that Esc feels immediate.
 */
#ifndef KIOSK_INPUT_H
#define KIOSK_INPUT_H

#include <stdbool.h>
#include <wchar.h>

#include <curses.h>

/* Milliseconds curses waits after an Esc for the rest of a sequence. */
#define INPUT_ESC_DELAY_MS 100

/* Teaches curses the sequences above and sets the Esc delay.  Call once
 * after curses started, with keypad on. */
void input_setup(void);

/* Reads one key without waiting, as get_wch does: OK with a character,
 * KEY_CODE_YES with a curses key code (KEY_HOME, KEY_MOUSE, KEY_RESIZE,
 * ...), ERR when no key is waiting.  Escape sequences curses does not
 * know and Alt+key are read whole and dropped (the call then goes on to
 * the next key, or returns ERR).  Keypad 5 (KEY_B2) is dropped too. */
int input_read(wint_t *ch);

/* A mouse report, as the bytes that followed its Esc (s[0..n)): SGR
 * (1006) "[<b;x;yM" or X10 "[M" and three bytes.  Returns 1 with *ev
 * set for a press of a button or a turn of the wheel on the screen; 0 for
 * a report that is dropped (a release, a drag, more or fewer than three
 * parameters, a place off the screen's top-left); -1 when s is no mouse
 * report.  Curses does not read these itself (input_setup): ncurses 6.4
 * writes past a stack array on an SGR report of many parameters, which
 * any remote client can send. */
int input_mouse(const unsigned char *s, int n, MEVENT *ev);

/* Exposed for the tests: given the bytes that followed an Esc, how many
 * belong to the escape sequence it starts (0: none, the Esc was a key of
 * its own; the length when the sequence is complete; -1 when more bytes
 * are needed to tell).  s need not be NUL-terminated. */
int input_sequence_length(const unsigned char *s, int n);

#endif
