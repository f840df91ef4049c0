/*
 * log: one line per event, with a UTC timestamp, for staff and admins.
 *
 *   2026-11-22T10:15:02Z content reloaded: 4 articles, 76 terms
 *   2026-11-22T10:15:02Z content/articles/x.md:3:8: error: ...
 *
 * Lines go to the file named in kiosk.conf (log = ...), else to stderr
 * when stderr is not the terminal the patient sees; otherwise they are
 * kept (the last 200) and printed to stderr when the kiosk exits.  Never
 * onto the patient's screen.  Every line passes through text_one_line (the
 * screen's sanitizer, line breaks as spaces) first, so file names, TERM
 * and other outside text in it cannot forge lines or send escapes.
 */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

#include "diag.h"

/* path: a file to append to, or NULL / "" for the default above.
 * Returns 0, or -1 when the file cannot be opened (the default is used). */
int log_open(const char *path);
/* Closes the file; lines still kept back are dropped. */
void log_close(void);

void log_event(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_diags(const struct diag_list *l);

/* Prints lines kept back (see above) to stderr; call after the terminal
 * is restored. */
void log_flush_kept(void);

#endif
