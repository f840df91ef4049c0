/*
 * A temporary content folder for the model tests (test_reader, test_nav):
 * files written from a table of (path, text) rows, removed afterwards.
 * Header-only: each test program includes it once.
 */
#ifndef KIOSK_TEST_FXDIR_H
#define KIOSK_TEST_FXDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fxfile {
	const char *path; /* below the content folder */
	const char *text;
};

struct fxdir {
	char root[64];    /* the temporary folder */
	char content[96]; /* root/content */
};

static void fx_parents(const char *path)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
}

static void fx_put(const struct fxdir *f, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", f->content, rel);
	fx_parents(path);
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		abort();
	fputs(text, fp);
	fclose(fp);
}

static void fx_make(struct fxdir *f, const struct fxfile *files, size_t n)
{
	snprintf(f->root, sizeof f->root, "/tmp/kiosk-fx-XXXXXX");
	if (mkdtemp(f->root) == NULL)
		abort();
	snprintf(f->content, sizeof f->content, "%s/content", f->root);
	mkdir(f->content, 0755);
	for (size_t i = 0; i < n; i++)
		fx_put(f, files[i].path, files[i].text);
}

static int fx_rm_one(const char *path, const struct stat *st, int flag,
		     struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void fx_remove(struct fxdir *f)
{
	nftw(f->root, fx_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
