/*
 * watch: notices changes anywhere below a folder, with inotify, and
 * follows the folder's path when the folder behind it is switched.
 *
 * Every sub-folder gets its own watch (inotify is not recursive); new
 * folders are added as they appear.  The path itself is guarded too: the
 * folder that holds its last name is watched for that name (and so is the
 * folder of each symlink on the way), so a content folder that is
 * replaced as a whole is followed at once:
 *   - a symlink switched atomically (ln -s releases/r2 tmp && mv -T tmp
 *     current; a rollback is the same),
 *   - a folder renamed into place (mv current old && mv new current, or a
 *     renameat2 exchange),
 *   - a folder deleted and made again.
 * Then the watches on the old folder are dropped and the new one is
 * watched from its top (re-armed), within the same watch_read.
 *
 * The caller waits on watch_fd with poll() and calls watch_read when it
 * is readable; what changed is not reported, only that something did:
 * the kiosk reloads the whole folder, debounced.  Changes next to the
 * guarded name (other releases being unpacked, old ones pruned) are not
 * changes of the content.
 */
#ifndef KIOSK_WATCH_H
#define KIOSK_WATCH_H

#include <stdbool.h>

struct watch;

/* Starts watching dir (kept as given: a symlink is followed again on
 * every switch).  Returns NULL when inotify is not available (the kiosk
 * then serves what it loaded at start).  The caller owns the result and
 * frees it with watch_close. */
struct watch *watch_open(const char *dir);
void watch_close(struct watch *w);

/* File descriptor to poll for reading, or -1. */
int watch_fd(const struct watch *w);

/* Reads the pending events; true when something below the folder
 * changed, or the path now leads to another folder (or none).  Never
 * blocks. */
bool watch_read(struct watch *w);

/* True while the root folder itself is missing; call now and then (on
 * each reload attempt) to pick it up again once it is back.  A folder
 * that comes back where it was is normally noticed by watch_read
 * already; this covers the folder above it being missing too. */
bool watch_root_missing(struct watch *w);

#endif
