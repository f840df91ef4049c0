/*
 * session: counting remote (SSH) sessions, so a small server is never
 * swamped.
 *
 * The folder holds slot files slot-0 .. slot-(max-1).  A session holds an
 * exclusive flock(2) on one of them for as long as it runs; the kernel
 * drops the lock when the process ends, however it ends, so a crashed or
 * killed session never leaks a slot.  The files stay empty: sessions
 * write nothing else.
 */
#ifndef KIOSK_SESSION_H
#define KIOSK_SESSION_H

/* Results of session_claim besides a slot number. */
#define SESSION_FULL (-1)  /* every slot is taken */
#define SESSION_ERROR (-2) /* the folder cannot be used; *cause says why */

/* Takes a free slot of max in dir (made if missing, mode 0700; it must
 * belong to this account and be writable by it alone).  Returns
 * the slot number (the lock is kept until the process exits),
 * SESSION_FULL, or SESSION_ERROR with a message in *cause (caller
 * frees). */
int session_claim(const char *dir, int max, char **cause);

/* The folder used when the config names none: $XDG_RUNTIME_DIR/kiosk-
 * sessions, else /tmp/kiosk-sessions-UID (caller frees). */
char *session_default_dir(void);

/* True when the program runs in a session started by sshd. */
int session_is_remote(void);

#endif
