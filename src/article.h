/*
 * article: one article file, its metadata and its parsed body.
 *
 * Metadata (title, description, topic, order, front matter) is read when
 * the library loads; the body is parsed into a cmark tree only when the
 * article is opened (article_parse), so start-up does not parse every body.
 *
 * Formats: "*.md" (and any file that starts with a "---" front matter
 * fence) is CommonMark with optional YAML front matter; "*.txt" without
 * front matter is pasted plain text (plaintext.h).  A Markdown file
 * without a title in front matter takes its first heading, else a title
 * made from the file name.
 */
#ifndef KIOSK_ARTICLE_H
#define KIOSK_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#include "diag.h"
#include "frontmatter.h"

/* Largest article file read, in bytes. */
#define ARTICLE_MAX_BYTES (16u * 1024 * 1024)

struct article {
	char *path;        /* owned; full path of the file */
	char *id;          /* owned; path below the articles folder, e.g.
			      "01-basics/what-is.md", for internal links */
	char *title;       /* owned; sanitized, never NULL */
	char *description; /* owned; sanitized, may be "" */
	char *topic;       /* owned; topic name, "" for none */
	int order;         /* sort key inside the topic (front matter) */
	bool plain;        /* plain-text format */
	struct frontmatter fm; /* owned; as read */
	char *text;        /* owned; the whole file as loaded, or NULL when
			      the library's memory budget was used up (the
			      body is then read from the file on opening) */
	size_t len;        /* bytes in text */
	bool stale;        /* a newer version of the file failed to load;
			      this is the last good one */
};

/*
 * Reads the metadata of the file at path (id as above), keeping the
 * file's text in the article when keep_text.  Problems go to diags as
 * path:line messages.  Returns 0, or -1 when the file cannot be used at
 * all (unreadable, empty, binary); the article is then freed.
 */
int article_load(struct article *a, const char *path, const char *id,
		 const char *folder_topic, bool keep_text,
		 struct diag_list *diags);

/*
 * Parses the body into a new document (caller frees with
 * cmark_node_free): from the kept text, else from the file.  Returns NULL
 * with a message in diags when the file cannot be read.
 */
cmark_node *article_parse(const struct article *a, struct diag_list *diags);

/* Deep copy of src into dst. */
void article_copy(struct article *dst, const struct article *src);

/* Parses Markdown text (no front matter) into a new document, with the
 * options the kiosk uses everywhere (UTF-8 validated). */
cmark_node *article_parse_markdown(const char *text, size_t len);

void article_free(struct article *a);

/* Topic name from a folder name: "02-skin_and-hair" -> "Skin and hair". */
char *article_topic_from_folder(const char *folder);

#endif
