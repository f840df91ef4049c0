/* article: see article.h. */
#include "article.h"

#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include <cmark-gfm-core-extensions.h>

#include "cp1252.h"
#include "fileio.h"
#include "html.h"
#include "node_text.h"
#include "pasted.h"
#include "plaintext.h"
#include "sitesyntax.h"
#include "text.h"
#include "xmem.h"

#define TITLE_MAX 200

/* Sanitized one-line copy of s, trimmed and cut to max bytes at a
 * character boundary. */
static char *one_line(const char *s, size_t max)
{
	/* Most titles need no change: a plain copy. */
	size_t len = strlen(s);
	if (len <= max && (len == 0 || (s[0] != ' ' && s[len - 1] != ' ')) &&
	    strpbrk(s, "\n\t") == NULL && text_is_clean(s, len))
		return xstrndup(s, len);
	size_t n;
	char *c = text_one_line(s, len, &n);
	size_t a = 0;
	while (a < n && c[a] == ' ')
		a++;
	while (n > a && c[n - 1] == ' ')
		n--;
	if (n - a > max) {
		n = a + max;
		while (n > a && ((unsigned char)c[n] & 0xc0) == 0x80)
			n--;
	}
	memmove(c, c + a, n - a);
	c[n - a] = '\0';
	return c;
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s != NULL ? s + 1 : path;
}

/* 1-based line of byte offset off in text. */
static int line_of(const char *text, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/* Rejects files that are not text: NUL bytes, or mostly invalid UTF-8 /
 * control characters.  Warns about the first invalid UTF-8 sequence.
 * One pass; printable ASCII, most of any article, goes 16 bytes at a
 * time. */
static int check_text(const char *path, const char *text, size_t len,
		      struct diag_list *diags)
{
	const uint8_t *p = (const uint8_t *)text;
	size_t bad = 0, first_bad = SIZE_MAX;
	for (size_t i = 0, slow = 0; i < len;) {
		if (i >= slow && len - i >= 16) {
			if (text_plain16(p + i, true)) {
				i += 16;
				continue;
			}
			slow = i + 16; /* byte by byte up to there */
		}
		uint8_t b = p[i];
		if ((uint8_t)(b - 0x20) < 0x5f) {
			i++;
			continue;
		}
		if (b == 0) {
			diag_add(diags, DIAG_ERROR, path, line_of(text, i), 0,
				 "not a text file (binary data at byte %zu); "
				 "skipped",
				 i + 1);
			return -1;
		}
		if (b < 0x80) {
			if (b < 0x20 && b != '\n' && b != '\t' && b != '\r' &&
			    b != '\f')
				bad++;
			i++;
			continue;
		}
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, len - i);
		if (k <= 0) {
			if (first_bad == SIZE_MAX)
				first_bad = i;
			bad++;
			i++;
			continue;
		}
		i += (size_t)k;
	}
	if (bad * 10 > len) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "not a text file (%zu of %zu bytes are not text); skipped",
			 bad, len);
		return -1;
	}
	if (first_bad != SIZE_MAX)
		diag_add(diags, DIAG_WARNING, path, line_of(text, first_bad), 0,
			 "invalid UTF-8 at byte %zu (shown as \xef\xbf\xbd); "
			 "save the file as UTF-8",
			 first_bad + 1);
	return 0;
}

static bool blank(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)text[i]))
			return false;
	return true;
}

static bool starts_with_fence(const char *text, size_t len)
{
	return frontmatter_present(text, len);
}

/* cmark's own allocator aborts when memory runs out; ours restores the
 * terminal and exits with a message (xmem).
 *
 * It is also quicker for cmark's many small blocks: a node, a cell's
 * buffer, a list link.  glibc's calloc skips its per-thread cache and
 * costs about 180 instructions; a page with a 200-row table makes 7,000
 * of them while it is parsed, and frees most of its scratch blocks again
 * (the table extension parses each row twice).  Blocks of up to
 * POOL_MAX bytes come from free lists of 16-byte size classes, carved
 * from 64 KiB slabs; bigger ones from malloc.  Each block has a 16-byte
 * header (its class, 0 for malloc's) so free and realloc know it.  Slabs
 * are kept for the next parse (the kiosk is one thread; cmark nodes are
 * made on it only).  Under AddressSanitizer the pool is left out, so
 * that it still sees every block. */
#if defined(__SANITIZE_ADDRESS__)
#define POOL_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_OFF 1
#endif
#endif

#ifdef POOL_OFF
static void *mem_calloc(size_t n, size_t size) { return xcalloc(n, size); }
static void *mem_realloc(void *p, size_t n) { return xrealloc(p, n); }
static void mem_free(void *p) { free(p); }
#else
#define POOL_HDR 16
#define POOL_MAX 512
#define POOL_SLAB 65536

struct pool_free {
	struct pool_free *next;
};

static struct pool_free *pool_list[POOL_MAX / 16 + 1];
static char *pool_at, *pool_end; /* what is left of the current slab */

/* A block of cls * 16 bytes (cls 1..POOL_MAX/16), not cleared. */
static inline void *pool_take(size_t cls)
{
	struct pool_free *f = pool_list[cls];
	if (f != NULL) {
		pool_list[cls] = f->next;
		return f;
	}
	size_t need = POOL_HDR + cls * 16;
	if ((size_t)(pool_end - pool_at) < need) {
		/* The rest of the old slab (under POOL_MAX + POOL_HDR
		 * bytes) is given up. */
		pool_at = xmalloc(POOL_SLAB);
		pool_end = pool_at + POOL_SLAB;
	}
	char *h = pool_at;
	pool_at += need;
	*(size_t *)h = cls;
	return h + POOL_HDR;
}

static inline void *pool_alloc(size_t n)
{
	if (n <= POOL_MAX)
		return pool_take(n == 0 ? 1 : (n + 15) / 16);
	if (n > SIZE_MAX - POOL_HDR)
		xmem_fatal("out of memory");
	char *h = xmalloc(POOL_HDR + n);
	*(size_t *)h = 0;
	return h + POOL_HDR;
}

static void mem_free(void *p)
{
	if (p == NULL)
		return;
	char *h = (char *)p - POOL_HDR;
	size_t cls = *(size_t *)h;
	if (cls == 0) {
		free(h);
		return;
	}
	struct pool_free *f = p;
	f->next = pool_list[cls];
	pool_list[cls] = f;
}

static void *mem_calloc(size_t n, size_t size)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total))
		xmem_fatal("out of memory");
	void *p = pool_alloc(total);
	memset(p, 0, total);
	return p;
}

static void *mem_realloc(void *p, size_t n)
{
	if (p == NULL)
		return pool_alloc(n);
	char *h = (char *)p - POOL_HDR;
	size_t cls = *(size_t *)h;
	if (cls == 0) {
		/* A malloc'd block stays one, whatever its new size. */
		if (n > SIZE_MAX - POOL_HDR)
			xmem_fatal("out of memory");
		h = xrealloc(h, POOL_HDR + n);
		return h + POOL_HDR;
	}
	if (n <= cls * 16)
		return p;
	void *q = pool_alloc(n);
	memcpy(q, p, cls * 16);
	mem_free(p);
	return q;
}
#endif
static cmark_mem allocator = {mem_calloc, mem_realloc, mem_free};

cmark_mem *article_mem(void)
{
	return &allocator;
}

/* The GitHub extensions every parse uses, found once. */
static cmark_syntax_extension *gfm_ext[4];
static const char *gfm_name[4];
static size_t gfm_n;

static void gfm_init(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	cmark_gfm_core_extensions_ensure_registered();
	static const char *const names[] = {"table", "strikethrough",
					    "autolink", "tasklist"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(names[i]);
		if (e != NULL) {
			gfm_name[gfm_n] = names[i];
			gfm_ext[gfm_n++] = e;
		}
	}
}

/* Whether s[i] starts a web address or e-mail address that is not
 * already a link's destination ("](https://" or "<https://"). */
static bool bare_address_at(const char *s, size_t len, size_t i)
{
	size_t a = i;
	while (a > 0 && ((s[a - 1] >= 'a' && s[a - 1] <= 'z') ||
			 (s[a - 1] >= 'A' && s[a - 1] <= 'Z') ||
			 (s[a - 1] >= '0' && s[a - 1] <= '9') ||
			 s[a - 1] == '.' || s[a - 1] == '-' || s[a - 1] == '_' ||
			 s[a - 1] == '+'))
		a--;
	if (a > 0 && (s[a - 1] == '(' || s[a - 1] == '<' || s[a - 1] == '/' ||
		      s[a - 1] == ':' || s[a - 1] == '"' || s[a - 1] == '\''))
		return false;
	return i + 1 < len;
}

/* Whether an extension can change anything in s[0..len): each needs a
 * character or word of its own, and an extension attached to a parse
 * costs time even where it finds nothing (autolink's pass over the text
 * is a tenth of the time to open a long article). */
static bool gfm_wanted(size_t i, const char *s, size_t len)
{
	const char *name = gfm_name[i];
	if (strcmp(name, "table") == 0)
		return memchr(s, '|', len) != NULL;
	if (strcmp(name, "strikethrough") == 0)
		return memchr(s, '~', len) != NULL;
	if (strcmp(name, "tasklist") == 0)
		return memchr(s, '[', len) != NULL;
	if (strcmp(name, "autolink") != 0)
		return true;
	/* "www.", "scheme://" and "name@host" not already in a link. */
	for (const char *p = memchr(s, '.', len); p != NULL;
	     p = memchr(p + 1, '.', len - (size_t)(p + 1 - s))) {
		size_t at = (size_t)(p - s);
		if (at >= 3 && (s[at - 3] | 0x20) == 'w' && (s[at - 2] | 0x20) == 'w' &&
		    (s[at - 1] | 0x20) == 'w' && bare_address_at(s, len, at - 3))
			return true;
	}
	for (const char *p = memchr(s, ':', len); p != NULL;
	     p = memchr(p + 1, ':', len - (size_t)(p + 1 - s))) {
		size_t at = (size_t)(p - s);
		if (at + 2 < len && s[at + 1] == '/' && s[at + 2] == '/' && at > 0 &&
		    bare_address_at(s, len, at - 1))
			return true;
	}
	for (const char *p = memchr(s, '@', len); p != NULL;
	     p = memchr(p + 1, '@', len - (size_t)(p + 1 - s))) {
		size_t at = (size_t)(p - s);
		if (at > 0 && bare_address_at(s, len, at - 1))
			return true;
	}
	return false;
}

bool article_is_tasklist_item(cmark_node *n)
{
	const char *t = cmark_node_get_type(n) == CMARK_NODE_ITEM
				? cmark_node_get_type_string(n)
				: NULL;
	return t != NULL && strcmp(t, "tasklist") == 0;
}

/* valid: text is known to be valid UTF-8 (cmark need not check it
 * again: a tenth of the time to parse a page). */
static cmark_node *parse_markdown(const char *text, size_t len, bool html,
				  bool valid)
{
	gfm_init();
	cmark_parser *p = cmark_parser_new_with_mem(
		valid ? CMARK_OPT_DEFAULT : CMARK_OPT_VALIDATE_UTF8, &allocator);
	for (size_t i = 0; i < gfm_n; i++)
		if (gfm_wanted(i, text, len))
			cmark_parser_attach_syntax_extension(p, gfm_ext[i]);
	size_t sl;
	char *stripped = sitesyntax_strip(text, len, &sl, NULL);
	if (stripped != NULL) {
		text = stripped;
		len = sl;
	}
	pasted_feed(p, text, len);
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (html && memchr(text, '<', len) != NULL)
		html_convert(doc);
	free(stripped);
	return doc;
}

cmark_node *article_parse_markdown(const char *text, size_t len)
{
	return parse_markdown(text, len, true, false);
}

/* Plain text of the first heading of doc, or NULL. */
static char *first_heading(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *title = NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			title = node_text(n, 4 * TITLE_MAX, NULL);
			break;
		}
	}
	cmark_iter_free(it);
	return title;
}

/* Title from a file name: "skin-care_tips.md" -> "Skin care tips". */
static char *title_from_name(const char *path)
{
	const char *b = base_name(path);
	char *t = xstrdup(b);
	char *dot = strrchr(t, '.');
	if (dot != NULL && dot != t)
		*dot = '\0';
	for (char *p = t; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (t[0] != '\0')
		t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

char *article_topic_from_folder(const char *folder)
{
	const char *s = folder;
	const char *p = s;
	while (isdigit((unsigned char)*p))
		p++;
	if (p > s && (*p == '-' || *p == '_' || *p == ' ' || *p == '.'))
		s = p + 1;
	char *t = xstrdup(*s != '\0' ? s : folder);
	for (char *q = t; *q; q++)
		if (*q == '-' || *q == '_')
			*q = ' ';
	if (t[0] != '\0')
		t[0] = (char)toupper((unsigned char)t[0]);
	char *clean = one_line(t, TITLE_MAX);
	free(t);
	return clean;
}

static bool is_markdown(const char *path)
{
	return has_suffix(path, ".md") || has_suffix(path, ".markdown");
}

/*
 * Fills a's metadata from text (the whole file, or when cut its first
 * lines).  Returns 0; -1 when the file cannot be used (a is then freed);
 * 1 when cut and the title lies past the text (a freed: read it whole).
 */
static int S_metadata_utf8(struct article *a, const char *path,
			   const char *id, const char *folder_topic,
			   const char *text, size_t len, bool cut,
			   struct diag_list *diags)
{
	if (blank(text, len)) {
		if (cut)
			return 1;
		diag_add(diags, DIAG_ERROR, path, 0, 0, "the file is empty; skipped");
		return -1;
	}
	bool fenced = starts_with_fence(text, len);
	bool plain = !fenced && !is_markdown(path);
	if (cut && (plain || !frontmatter_complete(text, len)))
		return 1; /* pasted text is read whole for its title */
	if (check_text(path, text, len, diags) != 0)
		return -1;
	a->path = xstrdup(path);
	a->id = xstrdup(id);
	a->plain = plain;
	size_t body = 0;
	int body_line = 1;
	if (fenced) {
		size_t skip = (unsigned char)text[0] == 0xef ? 3 : 0;
		frontmatter_parse(path, text + skip, len - skip, &a->fm, &body,
				  &body_line, diags);
		body += skip;
	}
	char *title = NULL;
	if (a->fm.title != NULL && a->fm.title[0] != '\0') {
		title = xstrdup(a->fm.title);
	} else if (a->plain) {
		/* The title comes from the first lines: 64 KiB are plenty,
		 * and a huge pasted file is not parsed twice. */
		size_t cl;
		char *clean = text_sanitize(text, len < 65536 ? len : 65536, &cl);
		cmark_node *doc = plaintext_parse(clean, cl, base_name(path),
						  &title);
		cmark_node_free(doc);
		free(clean);
	} else {
		cmark_node *doc = article_parse_markdown(text + body,
							 len - body);
		title = first_heading(doc);
		cmark_node_free(doc);
		if (title == NULL || title[0] == '\0') {
			free(title);
			if (cut) {
				article_free(a);
				return 1;
			}
			title = title_from_name(path);
		}
	}
	a->title = one_line(title, TITLE_MAX);
	free(title);
	if (a->title[0] == '\0') {
		free(a->title);
		a->title = xstrdup("Untitled");
	}
	a->description = one_line(a->fm.description != NULL ? a->fm.description
							     : "",
				  2 * TITLE_MAX);
	a->topic = a->fm.topic != NULL ? one_line(a->fm.topic, TITLE_MAX)
				       : xstrdup(folder_topic != NULL ? folder_topic : "");
	a->order = a->fm.has_order ? a->fm.order : INT_MAX;
	return 0;
}

/* S_metadata_utf8 of text read as Windows-1252 when it is not UTF-8. */
static int S_metadata(struct article *a, const char *path, const char *id,
		      const char *folder_topic, const char *text, size_t len,
		      bool cut, struct diag_list *diags)
{
	size_t n;
	char *utf8 = cp1252_decode(path, text, len, &n, diags);
	int rc = S_metadata_utf8(a, path, id, folder_topic,
				 utf8 != NULL ? utf8 : text,
				 utf8 != NULL ? n : len, cut, diags);
	free(utf8);
	return rc;
}

int article_load(struct article *a, const char *path, const char *id,
		 const char *folder_topic, enum article_read how,
		 struct diag_list *diags)
{
	return article_load_at(a, AT_FDCWD, path, id, folder_topic, how,
			       diags);
}

int article_load_at(struct article *a, int dir_fd, const char *path,
		    const char *id, const char *folder_topic,
		    enum article_read how, struct diag_list *diags)
{
	memset(a, 0, sizeof *a);
	char *cause;
	if (how == ARTICLE_HEAD) {
		char head[ARTICLE_HEAD_BYTES + 1];
		size_t len;
		const char *name = dir_fd == AT_FDCWD ? path : base_name(path);
		if (file_read_head(dir_fd, name, head, sizeof head,
				   ARTICLE_MAX_BYTES, &len, &cause) != 0) {
			diag_add(diags, DIAG_ERROR, path, 0, 0, "%s; skipped",
				 cause);
			free(cause);
			return -1;
		}
		bool cut = len > ARTICLE_HEAD_BYTES;
		if (cut) {
			/* Whole lines only, so no character is cut. */
			const char *p = head, *end = head + ARTICLE_HEAD_BYTES, *nl;
			len = 0;
			while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
				p = nl + 1;
				len = (size_t)(p - head);
			}
		}
		/* Messages of a head that turns out too short are dropped:
		 * the whole file gives them again. */
		struct diag_list local = {0};
		int rc = S_metadata(a, path, id, folder_topic, head, len, cut,
				    &local);
		if (rc <= 0) {
			diag_move(diags, &local);
			return rc;
		}
		diag_list_clear(&local);
	}
	char *text;
	size_t len;
	if (file_read_at(dir_fd, dir_fd == AT_FDCWD ? path : base_name(path),
			 ARTICLE_MAX_BYTES, &text, &len, &cause) != 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s; skipped", cause);
		free(cause);
		return -1;
	}
	int rc = S_metadata(a, path, id, folder_topic, text, len, false,
			    diags);
	if (rc == 0 && how == ARTICLE_KEEP) {
		a->text = text;
		a->len = len;
	} else {
		free(text);
	}
	return rc;
}

static cmark_node *parse_article(const struct article *a,
				 struct diag_list *diags, bool html,
				 struct frontmatter *keep)
{
	if (keep != NULL)
		memset(keep, 0, sizeof *keep);
	char *text, *cause;
	size_t len;
	if (a->text != NULL) {
		text = xmalloc(a->len + 1);
		memcpy(text, a->text, a->len);
		text[a->len] = '\0';
		len = a->len;
	} else if (file_read_in_folder(a->path, ARTICLE_MAX_BYTES, &text, &len,
				       &cause) != 0) {
		diag_add(diags, DIAG_ERROR, a->path, 0, 0, "%s", cause);
		free(cause);
		return NULL;
	}
	text = cp1252_fix(a->path, text, &len, NULL);
	/* Without a NUL byte, cp1252_fix's text is valid UTF-8: as read
	 * (its check is as strict as cmark's) or decoded. */
	bool valid = memchr(text, '\0', len) == NULL;
	cmark_node *doc;
	if (starts_with_fence(text, len)) {
		struct frontmatter fm;
		struct diag_list scratch = {0};
		size_t body = 0, skip = (unsigned char)text[0] == 0xef ? 3 : 0;
		int body_line;
		frontmatter_parse(a->path, text + skip, len - skip, &fm, &body,
				  &body_line, &scratch);
		if (keep != NULL)
			*keep = fm;
		else
			frontmatter_free(&fm);
		diag_list_clear(&scratch);
		body += skip;
		doc = parse_markdown(text + body, len - body, html, valid);
	} else if (a->plain) {
		char *title;
		/* Pasted text may hold invalid UTF-8: clean it first. */
		size_t cl;
		char *clean = text_sanitize(text, len, &cl);
		doc = plaintext_parse(clean, cl, base_name(a->path), &title);
		free(title);
		free(clean);
	} else {
		doc = parse_markdown(text, len, html, valid);
	}
	free(text);
	return doc;
}

cmark_node *article_parse(const struct article *a, struct diag_list *diags)
{
	return parse_article(a, diags, true, NULL);
}

cmark_node *article_parse_fm(const struct article *a, struct diag_list *diags,
			     struct frontmatter *fm)
{
	return parse_article(a, diags, true, fm);
}

cmark_node *article_parse_raw_html(const struct article *a,
				   struct diag_list *diags)
{
	return parse_article(a, diags, false, NULL);
}

static char *dup_or_null(const char *s) { return s != NULL ? xstrdup(s) : NULL; }

void article_copy(struct article *dst, const struct article *src)
{
	*dst = *src;
	dst->path = xstrdup(src->path);
	dst->id = xstrdup(src->id);
	dst->title = xstrdup(src->title);
	dst->description = xstrdup(src->description);
	dst->topic = xstrdup(src->topic);
	if (src->text != NULL) {
		dst->text = xmalloc(src->len + 1);
		memcpy(dst->text, src->text, src->len);
		dst->text[src->len] = '\0';
	}
	struct frontmatter *f = &dst->fm;
	const struct frontmatter *g = &src->fm;
	f->title = dup_or_null(g->title);
	f->description = dup_or_null(g->description);
	f->date = dup_or_null(g->date);
	f->reviewed = dup_or_null(g->reviewed);
	f->topic = dup_or_null(g->topic);
	f->url = dup_or_null(g->url);
	f->tags = g->ntags > 0 ? xcalloc(g->ntags, sizeof *f->tags) : NULL;
	for (size_t i = 0; i < g->ntags; i++)
		f->tags[i] = xstrdup(g->tags[i]);
	f->sources = g->nsources > 0 ? xcalloc(g->nsources, sizeof *f->sources)
				     : NULL;
	for (size_t i = 0; i < g->nsources; i++) {
		f->sources[i].name = dup_or_null(g->sources[i].name);
		f->sources[i].url = dup_or_null(g->sources[i].url);
	}
}

void article_free(struct article *a)
{
	free(a->path);
	free(a->id);
	free(a->title);
	free(a->description);
	free(a->topic);
	free(a->text);
	frontmatter_free(&a->fm);
	memset(a, 0, sizeof *a);
}
