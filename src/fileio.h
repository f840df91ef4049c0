/*
 * fileio: reading whole files with a size cap.
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

#endif
