/* fileio: see fileio.h. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "xmem.h"

/* Linux's O_PATH (a handle for fstat that does not open the file for
 * reading), which <fcntl.h> declares only with _GNU_SOURCE. */
#ifndef O_PATH
#define O_PATH 010000000
#endif

int file_open_beneath(int dir_fd, const char *path, int flags)
{
	static bool no_openat2;
	if (!no_openat2) {
		struct open_how how = {
			.flags = (unsigned long long)(flags | O_CLOEXEC),
			.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
		};
		long fd = syscall(SYS_openat2, dir_fd, path, &how, sizeof how);
		if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
			return (int)fd;
		no_openat2 = true; /* an old kernel, or a seccomp filter */
	}
	/* Without openat2: no link at all is followed in the last part, and
	 * none may climb out with "..". */
	if (path[0] == '/' || strcmp(path, "..") == 0 ||
	    strncmp(path, "../", 3) == 0 || strstr(path, "/../") != NULL) {
		errno = EXDEV;
		return -1;
	}
	return openat(dir_fd, path, flags | O_CLOEXEC | O_NOFOLLOW);
}

int file_stat_beneath(int dir_fd, const char *path, struct stat *st)
{
	int fd = file_open_beneath(dir_fd, path, O_PATH);
	if (fd < 0)
		return -1;
	int rc = fstat(fd, st);
	close(fd);
	return rc;
}

/* Opens path (relative to dir_fd; inside it unless dir_fd is AT_FDCWD)
 * for reading, refusing anything but a regular file (a FIFO would block,
 * a device would never end); its size in *st.  Returns the descriptor,
 * or -1 with *cause set. */
static int open_regular(int dir_fd, const char *path, struct stat *st,
			char **cause)
{
	int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	int fd = dir_fd == AT_FDCWD ? openat(dir_fd, path, flags)
				    : file_open_beneath(dir_fd, path, flags);
	if (fd < 0 && (errno == EXDEV || errno == ELOOP)) {
		*cause = xstrdup("a link that leads out of its folder; not "
				 "followed");
		return -1;
	}
	if (fd < 0) {
		*cause = xasprintf("cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		*cause = xstrdup("not a regular file");
		close(fd);
		return -1;
	}
	return fd;
}

int file_read(const char *path, size_t max, char **out, size_t *len,
	      char **cause)
{
	return file_read_at(AT_FDCWD, path, max, out, len, cause);
}

int file_read_in_folder(const char *path, size_t max, char **out,
			size_t *len, char **cause)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL   ? xstrdup(".")
		    : slash == path ? xstrdup("/")
				    : xstrndup(path, (size_t)(slash - path));
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(dir);
	*out = NULL;
	*len = 0;
	if (dfd < 0) {
		*cause = xasprintf("cannot open its folder: %s",
				   strerror(errno));
		return -1;
	}
	int rc = file_read_at(dfd, slash != NULL ? slash + 1 : path, max, out,
			      len, cause);
	close(dfd);
	return rc;
}

int file_read_at(int dir_fd, const char *path, size_t max, char **out,
		 size_t *len, char **cause)
{
	*out = NULL;
	*len = 0;
	struct stat st;
	int fd = open_regular(dir_fd, path, &st, cause);
	if (fd < 0)
		return -1;
	size_t cap = st.st_size > 0 && (size_t)st.st_size < max
			     ? (size_t)st.st_size + 1
			     : 4096;
	char *buf = xmalloc(cap + 1);
	size_t n = 0;
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				close(fd);
				*cause = xasprintf("file is larger than %zu bytes",
						   max);
				return -1;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*cause = xasprintf("cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		free(buf);
		*cause = xasprintf("file is larger than %zu bytes", max);
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int file_read_head(int dir_fd, const char *path, char *buf, size_t cap,
		   size_t max, size_t *len, char **cause)
{
	*len = 0;
	struct stat st;
	int fd = open_regular(dir_fd, path, &st, cause);
	if (fd < 0)
		return -1;
	if ((unsigned long long)st.st_size > max) {
		*cause = xasprintf("file is larger than %zu bytes", max);
		close(fd);
		return -1;
	}
	size_t n = 0;
	while (n < cap) {
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*cause = xasprintf("cannot read: %s", strerror(errno));
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*len = n;
	return 0;
}
