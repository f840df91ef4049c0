/*
 * watch: see watch.h.
 *
 * The watch descriptors are kept in a small array that maps each one to
 * its folder path, so that folders created later can be watched by their
 * full path.  Events that only read (IN_ACCESS, IN_OPEN) are not asked
 * for.
 */
#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmem.h"

#define MASK                                                                   \
	(IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO |            \
	 IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)
#define MAX_DEPTH 8
#define MAX_WATCHES 4096

struct entry {
	int wd;
	char *path; /* owned */
};

struct watch {
	int fd;
	char *root;
	struct entry *e;
	size_t n, cap;
	bool root_missing;
};

static void add_tree(struct watch *w, const char *path, int depth)
{
	if (depth > MAX_DEPTH || w->n >= MAX_WATCHES)
		return;
	int wd = inotify_add_watch(w->fd, path, MASK | IN_ONLYDIR);
	if (wd < 0)
		return;
	bool known = false;
	for (size_t i = 0; i < w->n; i++)
		if (w->e[i].wd == wd) {
			free(w->e[i].path);
			w->e[i].path = xstrdup(path);
			known = true;
		}
	if (!known) {
		xgrow(&w->e, &w->cap, w->n + 1, sizeof *w->e);
		w->e[w->n++] = (struct entry){wd, xstrdup(path)};
	}
	DIR *d = opendir(path);
	if (d == NULL)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		/* Files are most entries: readdir's type spares them a
		 * stat (links are not followed, as with lstat). */
		if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN)
			continue;
		char *sub = xasprintf("%s/%s", path, de->d_name);
		struct stat st;
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			add_tree(w, sub, depth + 1);
		free(sub);
	}
	closedir(d);
}

struct watch *watch_open(const char *dir)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct watch *w = xcalloc(1, sizeof *w);
	w->fd = fd;
	w->root = xstrdup(dir);
	add_tree(w, dir, 0);
	w->root_missing = w->n == 0;
	return w;
}

void watch_close(struct watch *w)
{
	if (w == NULL)
		return;
	close(w->fd);
	for (size_t i = 0; i < w->n; i++)
		free(w->e[i].path);
	free(w->e);
	free(w->root);
	free(w);
}

int watch_fd(const struct watch *w) { return w != NULL ? w->fd : -1; }

static void forget(struct watch *w, int wd)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->e[i].wd == wd) {
			if (strcmp(w->e[i].path, w->root) == 0)
				w->root_missing = true;
			free(w->e[i].path);
			w->e[i] = w->e[--w->n];
			return;
		}
}

/* The root folder was moved or deleted: the watches follow the old
 * folder, so drop them all; watch_root_missing adds the path's new folder
 * when there is one. */
static void forget_all(struct watch *w)
{
	for (size_t i = 0; i < w->n; i++) {
		inotify_rm_watch(w->fd, w->e[i].wd);
		free(w->e[i].path);
	}
	w->n = 0;
	w->root_missing = true;
}

static const char *path_of(const struct watch *w, int wd)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->e[i].wd == wd)
			return w->e[i].path;
	return NULL;
}

bool watch_read(struct watch *w)
{
	if (w == NULL)
		return false;
	bool changed = false;
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;
			p += sizeof *ev + ev->len;
			if (ev->mask & IN_Q_OVERFLOW) {
				changed = true;
				continue;
			}
			if (ev->mask & IN_IGNORED) {
				forget(w, ev->wd);
				changed = true;
				continue;
			}
			if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
				const char *path = path_of(w, ev->wd);
				if (path != NULL && strcmp(path, w->root) == 0)
					forget_all(w); /* watch the path again */
				changed = true;
				continue;
			}
			const char *dir = path_of(w, ev->wd);
			if ((ev->mask & IN_ISDIR) &&
			    (ev->mask & (IN_CREATE | IN_MOVED_TO)) && dir != NULL &&
			    ev->len > 0) {
				char *sub = xasprintf("%s/%s", dir, ev->name);
				add_tree(w, sub, 1);
				free(sub);
			}
			changed = true;
		}
	}
	return changed;
}

bool watch_root_missing(struct watch *w)
{
	if (w == NULL)
		return false;
	if (w->root_missing) {
		struct stat st;
		if (stat(w->root, &st) == 0 && S_ISDIR(st.st_mode)) {
			add_tree(w, w->root, 0);
			for (size_t i = 0; i < w->n; i++)
				if (strcmp(w->e[i].path, w->root) == 0)
					w->root_missing = false;
		}
		return w->root_missing;
	}
	return false;
}
