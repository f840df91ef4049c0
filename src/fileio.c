/* fileio: see fileio.h. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmem.h"

/* Opens path (relative to dir_fd) for reading, refusing anything but a
 * regular file (a FIFO would block, a device would never end); its size
 * in *st.  Returns the descriptor, or -1 with *cause set. */
static int open_regular(int dir_fd, const char *path, struct stat *st,
			char **cause)
{
	int fd = openat(dir_fd, path,
			O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
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
	*out = NULL;
	*len = 0;
	struct stat st;
	int fd = open_regular(AT_FDCWD, path, &st, cause);
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
