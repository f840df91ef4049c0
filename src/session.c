/* session: see session.h. */
#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmem.h"

char *session_default_dir(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	if (run != NULL && run[0] == '/')
		return xasprintf("%s/kiosk-sessions", run);
	return xasprintf("/tmp/kiosk-sessions-%ld", (long)getuid());
}

int session_claim(const char *dir, int max, char **cause)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		*cause = xasprintf("cannot make %s: %s", dir, strerror(errno));
		return SESSION_ERROR;
	}
	/* A folder someone else made (in /tmp, say) could be used to hold
	 * every slot or to stop the counting: only our own will do. */
	struct stat st;
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != getuid() || (st.st_mode & 022) != 0) {
		*cause = xasprintf("%s is not a folder of this account that only "
				   "it can write",
				   dir);
		return SESSION_ERROR;
	}
	for (int i = 0; i < max; i++) {
		char *path = xasprintf("%s/slot-%d", dir, i);
		int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			      0600);
		if (fd < 0) {
			*cause = xasprintf("cannot open %s: %s", path,
					   strerror(errno));
			free(path);
			return SESSION_ERROR;
		}
		free(path);
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return i; /* fd stays open: the lock lives with us */
		int err = errno;
		close(fd);
		if (err != EWOULDBLOCK) {
			*cause = xasprintf("cannot lock a session slot: %s",
					   strerror(err));
			return SESSION_ERROR;
		}
	}
	return SESSION_FULL;
}

int session_is_remote(void)
{
	const char *c = getenv("SSH_CONNECTION");
	return c != NULL && c[0] != '\0';
}
