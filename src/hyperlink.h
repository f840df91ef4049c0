/*
 * hyperlink: web links sent as OSC 8 hyperlinks, for terminals that make
 * them clickable (an opt-in for SSH sessions: kiosk.conf [ssh]
 * hyperlinks).
 *
 * curses knows nothing of OSC 8, and a terminal attaches a hyperlink to
 * the cells written while one is open.  So the screens paint as usual and
 * name the screen regions that show a link (hyperlink_add); after curses
 * has updated the terminal, hyperlink_send writes those cells again, the
 * same characters with the same attributes, between an OSC 8 opening and
 * closing sequence, then puts the cursor back where curses left it.
 * Attributes go through curses' own vid_puts, so curses' idea of the
 * terminal's attributes stays true.  A region the last frame sent with the
 * same place, address and cells is not sent again: curses writes only the
 * cells that change, so the terminal still has it (scrolled lines carry
 * their links along); after a resize everything is sent.  A terminal without OSC 8 support ignores the sequence (the Linux
 * console does not: the kiosk never enables it there).
 */
#ifndef KIOSK_HYPERLINK_H
#define KIOSK_HYPERLINK_H

#include <stdbool.h>
#include <stddef.h>

/* The longest address sent as a hyperlink (VTE's limit); a longer one is
 * shown as text only. */
#define HYPERLINK_MAX_URL 2083

/* Turns sending on or off (off at start).  Off, the functions below do
 * nothing. */
void hyperlink_enable(bool on);
bool hyperlink_enabled(void);

/* Forgets the regions of the last frame; call before painting one. */
void hyperlink_clear(void);

/* Names w columns at (y, x) as showing the web address url (copied).
 * Ignored unless enabled and url is one hyperlink_open accepts. */
void hyperlink_add(int y, int x, int w, const char *url);

/* The terminal was cleared (a resize): the next hyperlink_send sends
 * every region, not only those that changed. */
void hyperlink_resend(void);

/* Forgets the regions that overlap h rows of w columns at (y, x): the
 * screen painted something over them (an overlay). */
void hyperlink_cover(int y, int x, int h, int w);

/* After refresh(): writes the regions again inside OSC 8 (those the
 * terminal does not have yet), and keeps them as the last frame's. */
void hyperlink_send(void);

/* Releases the region list (at exit). */
void hyperlink_free(void);

/* Writes the OSC 8 opening sequence for url into buf (NUL-terminated):
 * ESC ] 8 ; ; url ESC \.  Only addresses with a web or mail scheme
 * (http, https, mailto) are accepted; bytes outside printable ASCII are
 * percent-encoded, so nothing in url can end the sequence early.  Returns
 * the length, or 0 when url is refused or buf is too small. */
size_t hyperlink_open(const char *url, char *buf, size_t size);

/* The closing sequence: ESC ] 8 ; ; ESC \. */
#define HYPERLINK_CLOSE "\033]8;;\033\\"

#endif
