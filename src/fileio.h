/*
 * fileio: reading whole files, or their first bytes, with a size cap.
 */
#ifndef KIOSK_FILEIO_H
#define KIOSK_FILEIO_H

#include <stddef.h>
#include <sys/stat.h>

/* Reads at most max bytes of path into a new NUL-terminated buffer
 * (*out, caller frees) with its length in *len.  Returns 0, or -1 with a
 * message in *cause (caller frees) when the file cannot be opened or read,
 * is a directory, or is larger than max. */
int file_read(const char *path, size_t max, char **out, size_t *len,
	      char **cause);

/* As file_read, with path relative to the folder open as dir_fd.  Unless
 * dir_fd is AT_FDCWD, the file must be inside that folder
 * (file_open_beneath): a path or link leading out of it fails. */
int file_read_at(int dir_fd, const char *path, size_t max, char **out,
		 size_t *len, char **cause);

/* As file_read, for a file of the content folder read again after the
 * walk (an article too large to keep in memory): the file is opened
 * inside its own folder (file_open_beneath), so a file replaced by a
 * link that leads out of the folder is refused, as the walk refuses it. */
int file_read_in_folder(const char *path, size_t max, char **out,
			size_t *len, char **cause);

/* Reads the first cap bytes of path (all of it when shorter) into buf,
 * not NUL-terminated, with the count in *len.  path is relative to the
 * folder open as dir_fd (AT_FDCWD: the working folder), as in openat,
 * and must stay inside it as for file_read_at.  Fails as file_read does,
 * also when the file is larger than max (by its size, not read). */
int file_read_head(int dir_fd, const char *path, char *buf, size_t cap,
		   size_t max, size_t *len, char **cause);

/* openat(dir_fd, path, flags | O_CLOEXEC) that cannot leave the folder
 * dir_fd: the kernel's RESOLVE_BENEATH (openat2), so neither ".." nor a
 * symbolic link (absolute or relative) on the way may lead out of it,
 * and /proc's magic links are refused.  On a kernel without openat2, no
 * link is followed in the last part (O_NOFOLLOW) and ".." is refused.
 * Returns the descriptor, or -1 with errno (EXDEV: the path leads out;
 * ELOOP: a link where none is followed). */
int file_open_beneath(int dir_fd, const char *path, int flags);

/* fstat of what path (relative to dir_fd) leads to, resolved as
 * file_open_beneath does (without opening the file itself for reading);
 * 0, or -1 with errno as there. */
int file_stat_beneath(int dir_fd, const char *path, struct stat *st);

#endif
