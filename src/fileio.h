/*
 * fileio: reading whole files, or their first bytes, with a size cap.
 */
#ifndef KIOSK_FILEIO_H
#define KIOSK_FILEIO_H

#include <stddef.h>

/* Reads at most max bytes of path into a new NUL-terminated buffer
 * (*out, caller frees) with its length in *len.  Returns 0, or -1 with a
 * message in *cause (caller frees) when the file cannot be opened or read,
 * is a directory, or is larger than max. */
int file_read(const char *path, size_t max, char **out, size_t *len,
	      char **cause);

/* Reads the first cap bytes of path (all of it when shorter) into buf,
 * not NUL-terminated, with the count in *len.  path is relative to the
 * folder open as dir_fd (AT_FDCWD: the working folder), as in openat.
 * Fails as file_read does, also when the file is larger than max (by
 * its size, not read). */
int file_read_head(int dir_fd, const char *path, char *buf, size_t cap,
		   size_t max, size_t *len, char **cause);

#endif
