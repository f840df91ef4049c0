/*
 * article: one article file, its metadata and its parsed body.
 *
 * Metadata (title, description, topic, order, front matter) is read when
 * the library loads; the body is parsed into a cmark tree only when the
 * article is opened (article_parse), so start-up does not parse every body.
 * At start-up only the head of a file is read when it holds the metadata
 * (ARTICLE_HEAD_BYTES; front matter is a few hundred bytes), so a large
 * library starts without reading every article whole.
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

#include <cmark-gfm.h>

#include "diag.h"
#include "frontmatter.h"

/* Largest article file read, in bytes. */
#define ARTICLE_MAX_BYTES (16u * 1024 * 1024)

/* Bytes read from the top of a file for its metadata (ARTICLE_HEAD); a
 * file whose front matter, or first heading when it needs one for its
 * title, ends past this is read whole. */
#define ARTICLE_HEAD_BYTES 1024

/* How much of a file article_load reads, and what it keeps. */
enum article_read {
	ARTICLE_HEAD,  /* the head only, when it holds the metadata; the
			  binary and UTF-8 checks see only what was read.
			  Nothing kept (the kiosk's start-up and reloads) */
	ARTICLE_WHOLE, /* the whole file, checked whole (--check, --render);
			  nothing kept */
	ARTICLE_KEEP,  /* as ARTICLE_WHOLE, and the text is kept */
};

struct article {
	char *path;        /* owned; full path of the file */
	char *id;          /* owned; path below the articles folder, e.g.
			      "01-basics/what-is.md", for internal links */
	char *title;       /* owned; sanitized, never NULL */
	char *description; /* owned; sanitized, may be "" */
	char *topic;       /* owned; topic name, "" for none */
	int order;         /* sort key inside the topic (front matter) */
	bool plain;        /* plain-text format */
	struct frontmatter fm; /* owned; as read, but a library loaded to
				  serve keeps only url (library.c) */
	char *text;        /* owned; the whole file as loaded (ARTICLE_KEEP),
			      or NULL: the body is then read from the file
			      on opening */
	size_t len;        /* bytes in text */
	bool stale;        /* a newer version of the file failed to load;
			      this is the last good one */
};

/*
 * Reads the metadata of the file at path (id as above), reading as much
 * of the file as how says.  Problems go to diags as path:line messages.
 * Returns 0, or -1 when the file cannot be used at all (unreadable,
 * empty, binary); the article is then freed.
 */
int article_load(struct article *a, const char *path, const char *id,
		 const char *folder_topic, enum article_read how,
		 struct diag_list *diags);
/* As article_load, with dir_fd an open descriptor of path's folder: the
 * head is opened relative to it, which spares the kernel a walk of the
 * whole path for each file of a large library. */
int article_load_at(struct article *a, int dir_fd, const char *path,
		    const char *id, const char *folder_topic,
		    enum article_read how, struct diag_list *diags);

/*
 * Parses the body into a new document (caller frees with
 * cmark_node_free): from the kept text, else from the file.  Returns NULL
 * with a message in diags when the file cannot be read.
 */
cmark_node *article_parse(const struct article *a, struct diag_list *diags);

/* As article_parse, with raw HTML left as cmark's HTML nodes (for
 * --check, which reports on the HTML as written); article_parse turns
 * it into ordinary nodes (html.h). */
cmark_node *article_parse_raw_html(const struct article *a,
				   struct diag_list *diags);

/* Deep copy of src into dst. */
void article_copy(struct article *dst, const struct article *src);

/* Parses Markdown text (no front matter) into a new document, with the
 * options the kiosk uses everywhere (UTF-8 validated) and GitHub's
 * extensions: tables, strikethrough, autolinks (www. and bare
 * addresses) and task lists.  Web site generators' template and
 * attribute syntax is taken out first (sitesyntax.h); raw HTML is
 * turned into ordinary nodes after (html.h). */
cmark_node *article_parse_markdown(const char *text, size_t len);
/* The allocator of every document article_parse_markdown makes (cmark
 * links only nodes of one allocator: make nodes for those documents
 * with it).  Running out of memory ends the program with a message. */
cmark_mem *article_mem(void);

/* Node types of GitHub's extensions.  libcmark-gfm-extensions exports
 * them but its installed headers do not declare them; they are set once
 * the first document has been parsed (0, no node's type, before). */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
	CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

/* True for a list item written "- [ ] ..." or "- [x] ..." (its state:
 * cmark_gfm_extensions_get_tasklist_item_checked). */
bool article_is_tasklist_item(cmark_node *n);

void article_free(struct article *a);

/* Topic name from a folder name: "02-skin_and-hair" -> "Skin and hair". */
char *article_topic_from_folder(const char *folder);

#endif
