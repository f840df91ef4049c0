/*
 * watch: notices changes anywhere below a folder, with inotify.
 *
 * Every sub-folder gets its own watch (inotify is not recursive); new
 * folders are added as they appear, and a content folder that is deleted
 * and made again is found again (watch_poll re-adds the root when it is
 * back).  The caller waits on watch_fd with poll() and calls watch_read
 * when it is readable; what changed is not reported, only that something
 * did: the kiosk reloads the whole folder, debounced.
 */
#ifndef KIOSK_WATCH_H
#define KIOSK_WATCH_H

#include <stdbool.h>

struct watch;

/* Starts watching dir.  Returns NULL when inotify is not available (the
 * kiosk then serves what it loaded at start). */
struct watch *watch_open(const char *dir);
void watch_close(struct watch *w);

/* File descriptor to poll for reading, or -1. */
int watch_fd(const struct watch *w);

/* Reads the pending events; true when something below the folder
 * changed.  Never blocks. */
bool watch_read(struct watch *w);

/* True while the root folder itself is missing; call now and then (on
 * each reload attempt) to pick it up again once it is back. */
bool watch_root_missing(struct watch *w);

#endif
