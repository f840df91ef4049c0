/*
 * library: see library.h.
 *
 * Loading walks articles/ (or the content folder itself when it has no
 * articles/ folder) in name order: files at the top have no topic folder,
 * each sub-folder is a topic, and deeper folders belong to their top
 * folder's topic.  Topics are ranked by first appearance in that walk.
 *
 * The walk never leaves the content folder and never loops: the folder
 * is opened once, and everything is opened relative to it (openat), so a
 * whole load comes from the folder the path named when it began, even if
 * the path is switched meanwhile (mv -T of a symbolic link).  Folders are
 * entered only when they are real folders (O_NOFOLLOW), never through a
 * link, so no walk can loop.  A link to a file is followed only when it
 * stays inside its own folder (RESOLVE_BENEATH: file_open_beneath); a
 * link leading out of the content folder is an error naming its target,
 * one to another folder of the content a warning.  At most
 * LIBRARY_MAX_FOLDERS folders and LIBRARY_MAX_ARTICLES articles.
 */
#include "library.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp1252.h"
#include "fileio.h"
#include "xmem.h"

#define GLOSSARY_MAX_BYTES (8u * 1024 * 1024)
#define MAX_DEPTH 8
/* Folders walked at most: with no links followed into folders, only a
 * folder tree of that size reaches it. */
#define LIBRARY_MAX_FOLDERS 10000

static char default_lang[LIBRARY_LANG_MAX] = "en";

void library_default_language(const char *code)
{
	if (code != NULL && code[0] != '\0' && strlen(code) < sizeof default_lang)
		memcpy(default_lang, code, strlen(code) + 1);
}

/* A language folder's name: two small letters. */
static bool lang_name(const char *n)
{
	return n[0] >= 'a' && n[0] <= 'z' && n[1] >= 'a' && n[1] <= 'z' &&
	       n[2] == '\0';
}

/* The language of the content folder dir: its own name when that is a
 * language code, else the default. */
static void set_lang(struct library *lib, const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	size_t b = n;
	while (b > 0 && dir[b - 1] != '/')
		b--;
	if (n - b == 2 && dir[b] >= 'a' && dir[b] <= 'z' &&
	    dir[b + 1] >= 'a' && dir[b + 1] <= 'z') {
		memcpy(lib->lang, dir + b, 2);
		lib->lang[2] = '\0';
	} else {
		memcpy(lib->lang, default_lang, sizeof lib->lang);
	}
}

struct loader {
	struct library *lib;
	const struct library *prev;
	size_t cap;
	char **topic_names; /* rank -> name, in order of appearance */
	size_t ntopics, cap_topics;
	size_t *rank;       /* per article: its topic's rank */
	size_t cap_rank;
	struct diag_list *diags;
	bool warned_limit;
	bool whole;         /* read every file whole (library_load_whole) */
	size_t first;       /* library_load_first: home rows wanted, or 0 */
	size_t rows;        /* home rows of the articles loaded so far */
	int (*stop)(void);  /* library_load_until: give up when non-zero */
	bool stopped;       /* the walk stopped early, files are left */
	int root_fd;        /* the content folder, open for the whole load */
	const char *prefix; /* path of the walk's top below root_fd: "articles/"
			       or "" */
	size_t nfolders;    /* folders entered so far */
	bool warned_folders;
};

/* Name order with numbers compared as numbers: "2-b" before "10-a". */
static int cmp_natural(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t na = 0, nb = 0;
			while (isdigit((unsigned char)a[na]))
				na++;
			while (isdigit((unsigned char)b[nb]))
				nb++;
			if (na != nb)
				return na < nb ? -1 : 1;
			int c = strncmp(a, b, na);
			if (c != 0)
				return c;
			a += na;
			b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int cmp_str(const void *a, const void *b)
{
	int c = cmp_natural(*(char *const *)a, *(char *const *)b);
	return c != 0 ? c : strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ignored_name(const char *n)
{
	size_t len = strlen(n);
	if (n[0] == '.' || n[0] == '#' || len == 0)
		return true; /* hidden, editor lock and autosave files */
	if (n[len - 1] == '~')
		return true; /* backup files */
	static const char *const junk[] = {".swp", ".swo", ".tmp", ".bak",
					   ".orig", ".part"};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		size_t m = strlen(junk[i]);
		if (len > m && strcasecmp(n + len - m, junk[i]) == 0)
			return true;
	}
	return false;
}

static bool article_name(const char *n)
{
	const char *dot = strrchr(n, '.');
	return dot != NULL && (strcasecmp(dot, ".md") == 0 ||
			       strcasecmp(dot, ".markdown") == 0 ||
			       strcasecmp(dot, ".txt") == 0);
}

static size_t topic_rank(struct loader *ld, const char *name)
{
	/* Articles come folder by folder: most share the last one's topic
	 * (a search of every topic per article is quadratic). */
	if (ld->ntopics > 0 && strcmp(ld->topic_names[ld->ntopics - 1],
				      name) == 0)
		return ld->ntopics - 1;
	for (size_t i = 0; i < ld->ntopics; i++)
		if (strcmp(ld->topic_names[i], name) == 0)
			return i;
	xgrow(&ld->topic_names, &ld->cap_topics, ld->ntopics + 1,
	      sizeof *ld->topic_names);
	ld->topic_names[ld->ntopics] = xstrdup(name);
	return ld->ntopics++;
}

/* A folder entry: its name, then its type (a DT_ value) after the NUL. */
static char *entry_new(const char *name, unsigned char type)
{
	size_t n = strlen(name);
	char *e = xmalloc(n + 2);
	memcpy(e, name, n + 1);
	e[n + 1] = (char)type;
	return e;
}

static unsigned char entry_type(const char *e)
{
	return (unsigned char)e[strlen(e) + 1];
}

/* Sorted entries of the folder open as dfd (entry_new; caller frees each
 * and the array), or -1. */
static int list_dir(int dfd, char ***names, size_t *n)
{
	int fd = dup(dfd);
	if (fd < 0)
		return -1;
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return -1;
	}
	size_t cap = 0;
	*names = NULL;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (ignored_name(e->d_name))
			continue;
		xgrow(names, &cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = entry_new(e->d_name, e->d_type);
	}
	closedir(d);
	if (*n > 0)
		qsort(*names, *n, sizeof **names, cmp_str);
	return 0;
}

/* "a" + sep + "b" in a new string (caller frees); sep may be '\0' for
 * none. */
static char *join(const char *a, char sep, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), o = 0;
	char *s = xmalloc(na + nb + 2);
	memcpy(s, a, na);
	o = na;
	if (sep != '\0')
		s[o++] = sep;
	memcpy(s + o, b, nb + 1);
	return s;
}

/* What a symbolic link in the folder dfd (path for messages, id below
 * the walk's top) is to the walk: S_IFREG for a link to a file that stays
 * inside the link's folder (then loaded as a file); else 0, with a
 * message naming where it leads, unless it leads nowhere. */
static mode_t follow_link(struct loader *ld, int dfd, const char *name,
			  const char *path, const char *id)
{
	char target[512];
	ssize_t tn = readlinkat(dfd, name, target, sizeof target - 1);
	target[tn > 0 ? tn : 0] = '\0';
	struct stat st;
	if (file_stat_beneath(dfd, name, &st) == 0) {
		mode_t m = st.st_mode;
		if (S_ISREG(m))
			return S_IFREG;
		if (S_ISDIR(m))
			diag_add(ld->diags, DIAG_WARNING, path, 0, 0,
				 "a link to the folder %s; links to folders "
				 "are not followed",
				 target);
		else if (S_ISLNK(m))
			diag_add(ld->diags, DIAG_WARNING, path, 0, 0,
				 "a link to %s; this system cannot check "
				 "where links lead, so none is followed",
				 target);
		return 0;
	}
	int err = errno;
	if (err == ENOENT)
		return 0; /* leads nowhere, or the file was removed */
	char *from_root = xasprintf("%s%s", ld->prefix, id);
	bool in = err == EXDEV &&
		  file_stat_beneath(ld->root_fd, from_root, &st) == 0;
	free(from_root);
	if (in) {
		diag_add(ld->diags, DIAG_WARNING, path, 0, 0,
			 "a link to %s, in another folder of the content; only "
			 "links within their own folder are followed (copy the "
			 "file instead)",
			 target);
	} else if (err == EXDEV) {
		diag_add(ld->diags, DIAG_ERROR, path, 0, 0,
			 "a link to %s, outside the content folder; refused",
			 target);
	} else {
		diag_add(ld->diags, DIAG_ERROR, path, 0, 0,
			 "a link to %s that cannot be followed (%s); refused",
			 target, strerror(err));
	}
	return 0;
}

/* Walks the folder open as dfd (path for messages, rel its id below the
 * walk's top); dfd stays the caller's. */
static void walk(struct loader *ld, int dfd, const char *dir,
		 const char *rel, const char *topic, int depth)
{
	char **names;
	size_t n;
	if (list_dir(dfd, &names, &n) != 0) {
		diag_add(ld->diags, DIAG_ERROR, dir, 0, 0,
			 "cannot read folder: %s", strerror(errno));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		/* library_load_first stops between two top entries (whole
		 * topics, so that each is sorted as it will stay) once the
		 * home screen is full; library_load_until when told to. */
		if ((depth == 0 && ld->first > 0 &&
		     2 + ld->rows + ld->ntopics >= ld->first) ||
		    ld->stopped || (ld->stop != NULL && ld->stop() != 0)) {
			ld->stopped = true;
			for (; i < n; i++)
				free(names[i]);
			break;
		}
		char *path = join(dir, '/', names[i]);
		char *id = join(rel, rel[0] != '\0' ? '/' : '\0', names[i]);
		/* The type readdir gave saves a stat, except for links and
		 * file systems that do not say. */
		unsigned char type = entry_type(names[i]);
		struct stat st;
		if (type == DT_DIR) {
			st.st_mode = S_IFDIR;
		} else if (type == DT_REG) {
			st.st_mode = S_IFREG;
		} else if (fstatat(dfd, names[i], &st, AT_SYMLINK_NOFOLLOW) != 0) {
			st.st_mode = 0; /* a file removed meanwhile */
		}
		if (S_ISLNK(st.st_mode))
			st.st_mode = follow_link(ld, dfd, names[i], path, id);
		if (st.st_mode == 0) {
			/* skipped */
		} else if (S_ISDIR(st.st_mode)) {
			int sub = -1;
			if (depth >= MAX_DEPTH) {
				diag_add(ld->diags, DIAG_WARNING, path, 0, 0,
					 "folders nested too deep; skipped");
			} else if (ld->nfolders >= LIBRARY_MAX_FOLDERS) {
				if (!ld->warned_folders)
					diag_add(ld->diags, DIAG_ERROR, path, 0, 0,
						 "more than %d folders; the rest "
						 "are skipped",
						 LIBRARY_MAX_FOLDERS);
				ld->warned_folders = true;
			} else if ((sub = openat(dfd, names[i],
						 O_RDONLY | O_DIRECTORY |
							 O_NOFOLLOW | O_CLOEXEC)) < 0) {
				diag_add(ld->diags, DIAG_ERROR, path, 0, 0,
					 "cannot read folder: %s", strerror(errno));
			} else {
				ld->nfolders++;
				char *t = topic != NULL
						  ? xstrdup(topic)
						  : article_topic_from_folder(names[i]);
				walk(ld, sub, path, id, t, depth + 1);
				free(t);
				close(sub);
			}
		} else if (S_ISREG(st.st_mode) && article_name(names[i]) &&
			   !(depth == 0 && rel[0] == '\0' &&
			     strcasecmp(names[i], "glossary.md") == 0)) {
			struct library *lib = ld->lib;
			if (lib->narticles >= LIBRARY_MAX_ARTICLES) {
				if (!ld->warned_limit)
					diag_add(ld->diags, DIAG_ERROR, path, 0, 0,
						 "more than %d articles; the rest are skipped",
						 LIBRARY_MAX_ARTICLES);
				ld->warned_limit = true;
			} else {
				xgrow(&lib->articles, &ld->cap, lib->narticles + 1,
				      sizeof *lib->articles);
				struct article *a = &lib->articles[lib->narticles];
				size_t errs = diag_count(ld->diags, DIAG_ERROR);
				/* The first screen needs titles only: its
				 * texts would be read again by the whole
				 * load. */
				enum article_read how =
					ld->first > 0 ? ARTICLE_HEAD
					: lib->text_bytes < LIBRARY_TEXT_BUDGET
						? ARTICLE_KEEP
					: ld->whole ? ARTICLE_WHOLE
						    : ARTICLE_HEAD;
				int rc = article_load_at(a, dfd, path, id, topic,
							 how, ld->diags);
				bool bad = rc != 0 ||
					   diag_count(ld->diags, DIAG_ERROR) > errs;
				const struct article *old =
					bad && ld->prev != NULL
						? library_find(ld->prev, id)
						: NULL;
				if (old != NULL) {
					/* Keep serving the last good version. */
					if (rc == 0)
						article_free(a);
					article_copy(a, old);
					a->stale = true;
					diag_add(ld->diags, DIAG_WARNING, path, 0, 0,
						 "still showing the last good version "
						 "of this file");
					rc = 0;
				}
				if (rc == 0) {
					/* Only kiosk --check reads the rest
					 * of the front matter again. */
					if (!ld->whole)
						frontmatter_keep_url(&a->fm);
					if (a->text != NULL)
						lib->text_bytes += a->len;
					ld->rows += a->description[0] != '\0'
							    ? 2
							    : 1;
					xgrow(&ld->rank, &ld->cap_rank,
					      lib->narticles + 1, sizeof *ld->rank);
					ld->rank[lib->narticles] =
						topic_rank(ld, a->topic);
					lib->narticles++;
				}
			}
		}
		free(path);
		free(id);
		free(names[i]);
	}
	free(names);
}

/* Sort key carrier for qsort. */
struct keyed {
	size_t rank;
	struct article a;
};

static int cmp_keyed(const void *x, const void *y)
{
	const struct keyed *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->a.order != b->a.order)
		return a->a.order < b->a.order ? -1 : 1;
	int c = strcasecmp(a->a.title, b->a.title);
	if (c != 0)
		return c;
	return strcmp(a->a.id, b->a.id);
}

/* root_fd: the content folder, open (the glossary is read from it, so it
 * comes from the same folder as the articles). */
static void load_glossary(struct library *lib, int root_fd,
			  const struct library *prev, struct diag_list *diags)
{
	char *path = xasprintf("%s/glossary.md", lib->dir);
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	size_t errs = diag_count(diags, DIAG_ERROR);
	if (file_read_at(root_fd, "glossary.md", GLOSSARY_MAX_BYTES, &text,
			 &len, &cause) != 0) {
		diag_add(diags, DIAG_WARNING, path, 0, 0,
			 "no glossary (%s); terms will not be explained", cause);
		free(cause);
		text = xstrdup("");
		len = 0;
	} else {
		text = cp1252_fix(path, text, &len, diags);
		struct glossary *g = glossary_parse_lang(path, text, len,
							 lib->lang, diags);
		bool bad = diag_count(diags, DIAG_ERROR) > errs ||
		      (glossary_count(g) == 0 && prev != NULL &&
		       glossary_count(prev->glossary) > 0);
		if (!bad || prev == NULL) {
			lib->glossary = g;
			lib->glossary_text = text;
			lib->glossary_len = len;
			free(path);
			return;
		}
		glossary_free(g);
	}
	free(text);
	if (prev != NULL && prev->glossary_text != NULL) {
		/* Keep the last good glossary. */
		struct diag_list scratch = {0};
		lib->glossary = glossary_parse_lang(path, prev->glossary_text,
						    prev->glossary_len,
						    lib->lang, &scratch);
		diag_list_clear(&scratch);
		lib->glossary_text = xmalloc(prev->glossary_len + 1);
		memcpy(lib->glossary_text, prev->glossary_text,
		       prev->glossary_len + 1);
		lib->glossary_len = prev->glossary_len;
		diag_add(diags, DIAG_WARNING, path, 0, 0,
			 "still using the last good version of the glossary");
	} else {
		lib->glossary = glossary_parse(path, "", 0, diags);
		lib->glossary_text = xstrdup("");
		lib->glossary_len = 0;
	}
	free(path);
}

/* Frees what the walk kept for sorting (the library is not touched). */
static void loader_clear(struct loader *ld)
{
	free(ld->rank);
	for (size_t i = 0; i < ld->ntopics; i++)
		free(ld->topic_names[i]);
	free(ld->topic_names);
}

/* An empty glossary for lib. */
static void no_glossary(struct library *lib)
{
	struct diag_list d = {0};
	lib->glossary = glossary_parse(lib->dir, "", 0, &d);
	diag_list_clear(&d);
	lib->glossary_text = xstrdup("");
	lib->glossary_len = 0;
}

static struct library *load(const char *dir, const struct library *prev,
			    bool whole, size_t first, int (*stop)(void),
			    struct diag_list *diags)
{
	/* Opened once: the whole load comes from this folder. */
	int root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root < 0) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0,
			 "content folder not found or not a folder");
		return NULL;
	}
	struct library *lib = xcalloc(1, sizeof *lib);
	lib->dir = xstrdup(dir);
	set_lang(lib, dir);
	struct loader ld = {.lib = lib,
			    .prev = prev,
			    .diags = diags,
			    .whole = whole,
			    .first = first,
			    .stop = stop,
			    .root_fd = root,
			    .prefix = ""};

	int art = openat(root, "articles",
			 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (art >= 0) {
		char *articles = xasprintf("%s/articles", dir);
		ld.prefix = "articles/";
		walk(&ld, art, articles, "", NULL, 0);
		free(articles);
		close(art);
	} else {
		walk(&ld, root, dir, "", NULL, 0);
	}
	if (ld.stopped && first == 0) {
		/* library_load_until was told to stop. */
		close(root);
		loader_clear(&ld);
		library_free(lib);
		return NULL;
	}

	/* Sort by topic rank, order, title; then cut topics. */
	size_t n = lib->narticles;
	struct keyed *k = xcalloc(n, sizeof *k);
	for (size_t i = 0; i < n; i++) {
		k[i].rank = ld.rank[i];
		k[i].a = lib->articles[i];
	}
	qsort(k, n, sizeof *k, cmp_keyed);
	size_t cap_topics = 0;
	for (size_t i = 0; i < n; i++) {
		lib->articles[i] = k[i].a;
		if (i == 0 || k[i].rank != k[i - 1].rank) {
			xgrow(&lib->topics, &cap_topics, lib->ntopics + 1,
			      sizeof *lib->topics);
			lib->topics[lib->ntopics++] = (struct topic){
				xstrdup(lib->articles[i].topic), i, 0};
		}
		lib->topics[lib->ntopics - 1].count++;
	}
	free(k);
	loader_clear(&ld);

	if (first > 0) {
		/* The glossary too waits for the whole load. */
		close(root);
		lib->partial = true;
		no_glossary(lib);
		return lib;
	}
	if (n == 0)
		diag_add(diags, DIAG_WARNING, dir, 0, 0, "no articles found");
	load_glossary(lib, root, prev, diags);
	close(root);
	return lib;
}

struct library *library_load(const char *dir, const struct library *prev,
			     struct diag_list *diags)
{
	return load(dir, prev, false, 0, NULL, diags);
}

struct library *library_load_until(const char *dir, int (*stop)(void),
				   struct diag_list *diags)
{
	return load(dir, NULL, false, 0, stop, diags);
}

struct library *library_load_first(const char *dir, size_t rows,
				   struct diag_list *diags)
{
	return load(dir, NULL, false, rows > 0 ? rows : 1, NULL, diags);
}

struct library *library_load_whole(const char *dir, struct diag_list *diags)
{
	return load(dir, NULL, true, 0, NULL, diags);
}

struct library *library_empty(const char *dir)
{
	struct library *lib = xcalloc(1, sizeof *lib);
	lib->dir = xstrdup(dir);
	set_lang(lib, dir);
	no_glossary(lib);
	return lib;
}

void library_free(struct library *lib)
{
	if (lib == NULL)
		return;
	for (size_t i = 0; i < lib->narticles; i++)
		article_free(&lib->articles[i]);
	for (size_t i = 0; i < lib->ntopics; i++)
		free(lib->topics[i].name);
	free(lib->articles);
	free(lib->topics);
	glossary_free(lib->glossary);
	free(lib->glossary_text);
	free(lib->dir);
	free(lib);
}

const struct article *library_find(const struct library *lib, const char *id)
{
	for (size_t i = 0; i < lib->narticles; i++)
		if (strcmp(lib->articles[i].id, id) == 0)
			return &lib->articles[i];
	return NULL;
}

/* Joins base folder and a relative path, resolving "." and "..".  Returns
 * NULL when it climbs above the articles folder. */
static char *join_path(const char *base, const char *rel, size_t rel_len)
{
	char *buf = xmalloc(strlen(base) + rel_len + 2);
	size_t o = 0;
	if (rel_len > 0 && rel[0] == '/') {
		rel++;
		rel_len--;
	} else if (base[0] != '\0') {
		o = strlen(base);
		memcpy(buf, base, o);
	}
	size_t i = 0;
	while (i < rel_len) {
		size_t j = i;
		while (j < rel_len && rel[j] != '/')
			j++;
		size_t seg = j - i;
		if (seg == 0 || (seg == 1 && rel[i] == '.')) {
			/* skip */
		} else if (seg == 2 && rel[i] == '.' && rel[i + 1] == '.') {
			if (o == 0) {
				free(buf);
				return NULL;
			}
			while (o > 0 && buf[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else {
			if (o > 0)
				buf[o++] = '/';
			memcpy(buf + o, rel + i, seg);
			o += seg;
		}
		i = j + 1;
	}
	buf[o] = '\0';
	return buf;
}

long library_resolve(const struct library *lib, const struct article *from,
		     const char *url, const char **fragment)
{
	*fragment = NULL;
	if (url == NULL)
		return -1;
	for (const char *p = url; *p && *p != '/' && *p != '#'; p++)
		if (*p == ':')
			return -1; /* has a scheme: external */
	const char *hash = strchr(url, '#');
	size_t plen = hash != NULL ? (size_t)(hash - url) : strlen(url);
	if (hash != NULL)
		*fragment = hash + 1;
	if (plen == 0)
		return from != NULL ? (long)(from - lib->articles) : -1;
	char *base = xstrdup(from != NULL ? from->id : "");
	char *slash = strrchr(base, '/');
	if (slash != NULL)
		*slash = '\0';
	else
		base[0] = '\0';
	/* Links may spell spaces and other bytes as %XX. */
	char *path = xstrndup(url, plen);
	size_t o = 0;
	for (size_t i = 0; path[i] != '\0'; i++) {
		if (path[i] == '%' && isxdigit((unsigned char)path[i + 1]) &&
		    isxdigit((unsigned char)path[i + 2])) {
			char hex[3] = {path[i + 1], path[i + 2], '\0'};
			char c = (char)strtol(hex, NULL, 16);
			if (c == '\0' || c == '/') {
				path[o++] = path[i];
				continue;
			}
			path[o++] = c;
			i += 2;
		} else {
			path[o++] = path[i];
		}
	}
	path[o] = '\0';
	char *id = join_path(base, path, o);
	free(path);
	free(base);
	if (id == NULL)
		return -1;
	long found = -1;
	static const char *const exts[] = {"", ".md", ".txt", ".markdown"};
	for (size_t e = 0; e < 4 && found < 0; e++) {
		char *cand = xasprintf("%s%s", id, exts[e]);
		for (size_t i = 0; i < lib->narticles; i++)
			if (strcmp(lib->articles[i].id, cand) == 0) {
				found = (long)i;
				break;
			}
		free(cand);
	}
	free(id);
	return found;
}

static int cmp_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

size_t library_languages(const char *dir, char (*codes)[LIBRARY_LANG_MAX],
			 size_t max, struct diag_list *diags)
{
	int root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		return 0;
	struct stat st;
	if (fstatat(root, "articles", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode)) {
		close(root);
		return 0;
	}
	char **names;
	size_t nn, n = 0;
	if (list_dir(root, &names, &nn) != 0) {
		close(root);
		return 0;
	}
	for (size_t i = 0; i < nn; i++) {
		const char *name = names[i];
		int sub = -1;
		if (lang_name(name))
			sub = openat(root, name, O_RDONLY | O_DIRECTORY |
						       O_NOFOLLOW | O_CLOEXEC);
		if (sub >= 0) {
			bool art = fstatat(sub, "articles", &st,
					   AT_SYMLINK_NOFOLLOW) == 0 &&
				   S_ISDIR(st.st_mode);
			bool gl = fstatat(sub, "glossary.md", &st, 0) == 0 &&
				  S_ISREG(st.st_mode);
			close(sub);
			if ((art || gl) && n < max) {
				memcpy(codes[n++], name, 3);
			} else if (art || gl) {
				diag_add(diags, DIAG_WARNING, dir, 0, 0,
					 "more than %zu language folders; "
					 "\"%s\" is left out",
					 max, name);
			}
		}
		free(names[i]);
	}
	free(names);
	close(root);
	qsort(codes, n, sizeof *codes, cmp_code);
	return n;
}
