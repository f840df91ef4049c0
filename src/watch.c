/*
 * watch: see watch.h.
 *
 * Two tables map watch descriptors to what they stand for: entries, the
 * folders of the watched tree (each with its path, so that folders
 * created later can be watched by their full path), and guards, a folder
 * that holds a name of the root's path (the root's last name, and each
 * symlink on the way).  One folder can be both: inotify gives the same
 * descriptor for the same folder, so a descriptor is removed only when
 * neither table uses it.  Events that only read (IN_ACCESS, IN_OPEN) are
 * not asked for.
 *
 * Re-arming (arm) is mark and sweep: the new tree is added first under a
 * new generation (a folder that is still part of it keeps its
 * descriptor, so no event of it is lost), then what belongs to an older
 * generation is removed.
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
/* What happens to a guarded name: it appears, or goes. */
#define NAME_MASK (IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)
/* A guard asks for names and for its folder moving, not for writes to
 * the files next to the content (update.log, other releases): added to
 * what the folder's watch already has (IN_MASK_ADD), which is more when
 * the same folder is in the tree too. */
#define GUARD_MASK (NAME_MASK | IN_DELETE_SELF | IN_MOVE_SELF)
#define MAX_DEPTH 8
#define MAX_WATCHES 4096
#define MAX_GUARDS 32

struct entry {
	int wd;
	unsigned gen; /* the arm that last found it in the tree */
	char *path;   /* owned */
};

struct guard {
	int wd;
	char *name; /* owned: the name watched for in the folder wd */
};

struct watch {
	int fd;
	char *root;
	struct entry *e;
	size_t n, cap;
	struct guard *g;
	size_t ng, gcap;
	unsigned gen;
	bool root_missing;
	bool have_id; /* dev, ino: the folder the tree was armed on */
	dev_t dev;
	ino_t ino;
};

static const char *path_of(const struct watch *w, int wd)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->e[i].wd == wd)
			return w->e[i].path;
	return NULL;
}

static bool guarded(const struct guard *g, size_t ng, int wd)
{
	for (size_t i = 0; i < ng; i++)
		if (g[i].wd == wd)
			return true;
	return false;
}

static void add_tree(struct watch *w, const char *path, int depth)
{
	if (depth > MAX_DEPTH || w->n >= MAX_WATCHES)
		return;
	int wd = inotify_add_watch(w->fd, path, MASK | IN_ONLYDIR);
	if (wd < 0)
		return;
	size_t i = 0;
	while (i < w->n && w->e[i].wd != wd)
		i++;
	if (i == w->n) {
		xgrow(&w->e, &w->cap, w->n + 1, sizeof *w->e);
		w->e[w->n++] = (struct entry){wd, w->gen, xstrdup(path)};
	} else if (strcmp(w->e[i].path, path) != 0) {
		/* The same folder under a new name (moved within the tree). */
		struct entry e = {wd, w->gen, xstrdup(path)};
		free(w->e[i].path);
		w->e[i] = e;
	} else {
		w->e[i].gen = w->gen;
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

/* Watches the folder that holds the last name of prefix, for that name. */
static void add_guard(struct watch *w, struct guard **g, size_t *ng,
		      size_t *cap, const char *prefix)
{
	const char *slash = strrchr(prefix, '/');
	const char *name = slash != NULL ? slash + 1 : prefix;
	if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return;
	char *dir = slash == NULL     ? xstrdup(".")
		    : slash == prefix ? xstrdup("/")
				      : xstrndup(prefix, (size_t)(slash - prefix));
	int wd = inotify_add_watch(w->fd, dir,
				   GUARD_MASK | IN_MASK_ADD | IN_ONLYDIR);
	free(dir);
	if (wd < 0)
		return;
	xgrow(g, cap, *ng + 1, sizeof **g);
	(*g)[(*ng)++] = (struct guard){wd, xstrdup(name)};
}

/* Guards for the root's path: its last name, and each shorter prefix
 * that is a symlink (current/content with current switched). */
static void make_guards(struct watch *w, struct guard **g, size_t *ng,
			size_t *cap)
{
	char *p = xstrdup(w->root);
	size_t end = strlen(p);
	while (end > 1 && p[end - 1] == '/')
		end--;
	p[end] = '\0';
	for (int k = 0; end > 0 && k < MAX_GUARDS; k++) {
		p[end] = '\0';
		struct stat st;
		if (k == 0 || (lstat(p, &st) == 0 && S_ISLNK(st.st_mode)))
			add_guard(w, g, ng, cap, p);
		char *slash = strrchr(p, '/');
		if (slash == NULL)
			break;
		end = (size_t)(slash - p);
		while (end > 0 && p[end - 1] == '/')
			end--;
	}
	free(p);
}

/* Watches whatever folder the root's path leads to now, from its top,
 * and the names on the way; drops the watches of what it led to before. */
static void arm(struct watch *w)
{
	w->gen++;
	struct guard *g = NULL;
	size_t ng = 0, gcap = 0;
	make_guards(w, &g, &ng, &gcap);
	struct stat st;
	w->have_id = stat(w->root, &st) == 0 && S_ISDIR(st.st_mode);
	if (w->have_id) {
		w->dev = st.st_dev;
		w->ino = st.st_ino;
		add_tree(w, w->root, 0);
	}
	w->root_missing = true;
	size_t kept = 0;
	for (size_t i = 0; i < w->n; i++) {
		struct entry e = w->e[i];
		if (e.gen == w->gen) {
			if (strcmp(e.path, w->root) == 0)
				w->root_missing = false;
			w->e[kept++] = e;
			continue;
		}
		if (!guarded(g, ng, e.wd))
			inotify_rm_watch(w->fd, e.wd);
		free(e.path);
	}
	w->n = kept;
	for (size_t i = 0; i < w->ng; i++) {
		if (!guarded(g, ng, w->g[i].wd) && path_of(w, w->g[i].wd) == NULL &&
		    !guarded(w->g, i, w->g[i].wd))
			inotify_rm_watch(w->fd, w->g[i].wd);
		free(w->g[i].name);
	}
	free(w->g);
	w->g = g;
	w->ng = ng;
	w->gcap = gcap;
}

/* Re-arms when the path leads to another folder than the one watched, or
 * to none, or a guard was lost (the folder above was deleted). */
static void recheck(struct watch *w)
{
	struct stat st;
	bool there = stat(w->root, &st) == 0 && S_ISDIR(st.st_mode);
	if (there && !w->root_missing && w->have_id && st.st_dev == w->dev &&
	    st.st_ino == w->ino && w->ng > 0)
		return;
	if (!there && w->root_missing && w->n == 0)
		return; /* still nothing there */
	arm(w);
}

struct watch *watch_open(const char *dir)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct watch *w = xcalloc(1, sizeof *w);
	w->fd = fd;
	w->root = xstrdup(dir);
	arm(w);
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
	for (size_t i = 0; i < w->ng; i++)
		free(w->g[i].name);
	free(w->g);
	free(w->root);
	free(w);
}

int watch_fd(const struct watch *w) { return w != NULL ? w->fd : -1; }

/* The kernel dropped the watch wd (its folder was deleted).  Returns
 * true when that was the root's. */
static bool forget(struct watch *w, int wd)
{
	bool root = false;
	size_t kept = 0;
	for (size_t i = 0; i < w->n; i++) {
		struct entry e = w->e[i];
		if (e.wd != wd) {
			w->e[kept++] = e;
			continue;
		}
		if (strcmp(e.path, w->root) == 0)
			root = true;
		free(e.path);
	}
	w->n = kept;
	kept = 0;
	for (size_t i = 0; i < w->ng; i++) {
		struct guard g = w->g[i];
		if (g.wd != wd)
			w->g[kept++] = g;
		else
			free(g.name);
	}
	w->ng = kept;
	return root;
}

/* An event on a guard: true when it may have changed where the root's
 * path leads. */
static bool guard_event(const struct watch *w, const struct inotify_event *ev)
{
	for (size_t i = 0; i < w->ng; i++) {
		if (w->g[i].wd != ev->wd)
			continue;
		if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
			return true; /* the folder above moved */
		if ((ev->mask & NAME_MASK) && ev->len > 0 &&
		    strcmp(ev->name, w->g[i].name) == 0)
			return true;
	}
	return false;
}

bool watch_read(struct watch *w)
{
	if (w == NULL)
		return false;
	bool changed = false, look = false;
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
				changed = look = true;
				continue;
			}
			if (ev->mask & IN_IGNORED) {
				bool was_guard = guarded(w->g, w->ng, ev->wd);
				bool in_tree = path_of(w, ev->wd) != NULL;
				if (forget(w, ev->wd) || was_guard)
					look = true;
				changed |= in_tree;
				continue;
			}
			if (guard_event(w, ev))
				changed = look = true;
			const char *dir = path_of(w, ev->wd);
			if (dir == NULL)
				continue; /* only a guard, or a dropped watch */
			if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
				if (strcmp(dir, w->root) == 0)
					look = true;
				changed = true;
				continue;
			}
			if ((ev->mask & IN_ISDIR) &&
			    (ev->mask & (IN_CREATE | IN_MOVED_TO)) && ev->len > 0) {
				char *sub = xasprintf("%s/%s", dir, ev->name);
				add_tree(w, sub, 1);
				free(sub);
			}
			changed = true;
		}
	}
	if (look)
		recheck(w);
	return changed;
}

bool watch_root_missing(struct watch *w)
{
	if (w == NULL)
		return false;
	if (w->root_missing) {
		struct stat st;
		if (stat(w->root, &st) == 0 && S_ISDIR(st.st_mode))
			arm(w);
	}
	return w->root_missing;
}
