/*
 * html: see html.h.
 *
 * gumbo parses the HTML as a fragment of <body> (as a browser would read
 * it inside a page) into a tree.  This file holds what reads that tree
 * directly: the parser's set-up, inline tags one at a time, the element
 * list for --check, and html_convert, which puts the blocks made by
 * html_blocks.c in place of cmark's HTML blocks.
 */
#include "html.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "html_int.h"
#include "url.h"
#include "xmem.h"

/* ---- gumbo ---- */

static void *g_alloc(void *ud, size_t n)
{
	(void)ud;
	return xmalloc(n > 0 ? n : 1);
}

static void g_free(void *ud, void *p)
{
	(void)ud;
	free(p);
}

GumboOutput *html_parse(const char *s, size_t len, GumboOptions *o)
{
	*o = kGumboDefaultOptions;
	o->allocator = g_alloc;
	o->deallocator = g_free;
	o->max_errors = 0; /* errors are not kept */
	o->fragment_context = GUMBO_TAG_BODY;
	return gumbo_parse_with_options(o, s, len);
}

/* The lower-case name of element e into buf. */
static void tag_name(const GumboElement *e, char *buf, size_t cap)
{
	if (e->tag != GUMBO_TAG_UNKNOWN) {
		snprintf(buf, cap, "%s", gumbo_normalized_tagname(e->tag));
		return;
	}
	GumboStringPiece p = e->original_tag;
	gumbo_tag_from_original_text(&p);
	size_t n = p.length < cap - 1 ? p.length : cap - 1;
	for (size_t i = 0; i < n; i++) {
		char c = p.data[i];
		buf[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	buf[n] = '\0';
}

const char *html_attr_of(const GumboElement *e, const char *name)
{
	GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
	return a != NULL ? a->value : NULL;
}

bool html_is_hidden_tag(const char *name)
{
	return strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
	       strcmp(name, "template") == 0;
}

/* ASCII case-insensitive: whether s[0..n) equals the lower-case w. */
static bool ascii_eq(const char *s, size_t n, const char *w)
{
	if (strlen(w) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
		if (c != w[i])
			return false;
	}
	return true;
}

/* Whether lower-case w occurs in s, ASCII case aside. */
static bool ascii_has(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s != '\0'; s++)
		if (strnlen(s, n) == n && ascii_eq(s, n, w))
			return true;
	return false;
}

/* Sites whose frames show videos (their subdomains too). */
static const char *const video_sites[] = {
	"youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com",
	"dailymotion.com", "dai.ly", "wistia.com", "wistia.net",
	"vidyard.com", "brightcove.net", "ted.com",
};

static bool video_address(const char *src)
{
	if (src == NULL)
		return false;
	/* The host: after "//" (with or without a scheme before it). */
	const char *h = strstr(src, "//");
	const char *colon = strchr(src, ':');
	if (h != NULL && (h == src || (colon != NULL && colon + 1 == h))) {
		size_t n;
		h = url_host(h + 2, &n);
		for (size_t i = 0; i < sizeof video_sites / sizeof *video_sites;
		     i++) {
			size_t d = strlen(video_sites[i]);
			if (n == d ? ascii_eq(h, n, video_sites[i])
				   : n > d && h[n - d - 1] == '.' &&
					     ascii_eq(h + n - d, d, video_sites[i]))
				return true;
		}
		/* A host named for videos: video.nhs.example,
		 * videos.clinic.example. */
		for (size_t a = 0; a < n;) {
			size_t e = a;
			while (e < n && h[e] != '.')
				e++;
			if (ascii_eq(h + a, e - a, "video") ||
			    ascii_eq(h + a, e - a, "videos"))
				return true;
			a = e + 1;
		}
	}
	/* A video file. */
	size_t end = strcspn(src, "?#");
	static const char *const ext[] = {".mp4", ".m4v", ".webm", ".ogv",
					  ".mov", ".m3u8"};
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t d = strlen(ext[i]);
		if (end >= d && ascii_eq(src + end - d, d, ext[i]))
			return true;
	}
	return false;
}

const char *html_media_word(const char *tag, const char *src,
			    const char *title)
{
	if (strcmp(tag, "audio") == 0)
		return "Audio";
	if (strcmp(tag, "video") == 0 || video_address(src))
		return "Video";
	/* "video", and "vídeo" / "vidéo" (Spanish, French). */
	if (title != NULL &&
	    (ascii_has(title, "video") || strstr(title, "v\xC3\xAD" "deo") != NULL ||
	     strstr(title, "vid\xC3\xA9o") != NULL))
		return "Video";
	return "Embedded page";
}

bool html_hidden(GumboTag t)
{
	return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
	       t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_HEAD ||
	       t == GUMBO_TAG_TITLE || t == GUMBO_TAG_NOSCRIPT ||
	       t == GUMBO_TAG_META || t == GUMBO_TAG_LINK;
}

void html_convert(cmark_node *doc)
{
	/* The runs of HTML blocks first: the tree is not changed while
	 * it is walked. */
	cmark_node **first = NULL;
	size_t n = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(x) != CMARK_NODE_HTML_BLOCK)
			continue;
		cmark_node *prev = cmark_node_previous(x);
		if (prev != NULL && cmark_node_get_type(prev) == CMARK_NODE_HTML_BLOCK)
			continue; /* part of the run before */
		xgrow(&first, &cap, n + 1, sizeof(cmark_node *));
		first[n++] = x;
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++) {
		char *html = NULL;
		size_t len = 0, hcap = 0;
		xgrow(&html, &hcap, 1, 1);
		html[0] = '\0';
		cmark_node *x = first[i];
		while (x != NULL && cmark_node_get_type(x) == CMARK_NODE_HTML_BLOCK) {
			const char *lit = cmark_node_get_literal(x);
			size_t k = lit != NULL ? strlen(lit) : 0;
			xgrow(&html, &hcap, len + k + 2, 1);
			memcpy(html + len, lit != NULL ? lit : "", k);
			len += k;
			html[len++] = '\n';
			html[len] = '\0';
			x = cmark_node_next(x);
		}
		cmark_node *blocks = html_to_blocks(html, len);
		free(html);
		cmark_node *b;
		while ((b = cmark_node_first_child(blocks)) != NULL) {
			cmark_node_unlink(b);
			if (!cmark_node_insert_before(first[i], b))
				cmark_node_free(b);
		}
		cmark_node_free(blocks);
		for (cmark_node *y = first[i]; y != x;) {
			cmark_node *next = cmark_node_next(y);
			cmark_node_free(y); /* unlinks it */
			y = next;
		}
	}
	free(first);
}

/* ---- tags one at a time ---- */

static const GumboElement *first_element(const GumboNode *g)
{
	if (g->type != GUMBO_NODE_ELEMENT)
		return NULL;
	if (!(g->parse_flags & (GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_IMPLIED)))
		return &g->v.element;
	const GumboVector *ch = &g->v.element.children;
	for (unsigned i = 0; i < ch->length; i++) {
		const GumboElement *e = first_element(ch->data[i]);
		if (e != NULL)
			return e;
	}
	return NULL;
}

static char *dup_attr(const GumboElement *e, const char *name)
{
	const char *v = html_attr_of(e, name);
	return v != NULL ? xstrdup(v) : NULL;
}

bool html_tag_read(const char *s, size_t len, struct html_tag *t)
{
	memset(t, 0, sizeof *t);
	if (len < 3 || s[0] != '<')
		return false;
	size_t i = 1;
	if (s[i] == '/') {
		t->closing = true;
		i++;
	}
	size_t k = 0;
	while (i < len && ((s[i] >= 'a' && s[i] <= 'z') ||
			   (s[i] >= 'A' && s[i] <= 'Z') ||
			   (k > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-')))) {
		if (k < sizeof t->name - 1)
			t->name[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z'
						      ? s[i] - 'A' + 'a'
						      : s[i]);
		i++;
	}
	t->name[k] = '\0';
	if (k == 0)
		return false;
	if (t->closing)
		return true;
	GumboOptions o;
	GumboOutput *out = html_parse(s, len, &o);
	const GumboElement *e = out != NULL && out->root != NULL
					? first_element(out->root)
					: NULL;
	if (e != NULL) {
		t->href = dup_attr(e, "href");
		t->src = dup_attr(e, "src");
		t->alt = dup_attr(e, "alt");
		t->title = dup_attr(e, "title");
		t->id = dup_attr(e, "id");
	}
	if (out != NULL)
		gumbo_destroy_output(&o, out);
	return true;
}

void html_tag_free(struct html_tag *t)
{
	free(t->href);
	free(t->src);
	free(t->alt);
	free(t->title);
	free(t->id);
	memset(t, 0, sizeof *t);
}

static void walk_elements(const GumboNode *g, html_element_fn fn, void *ctx,
			  int depth)
{
	if (g->type != GUMBO_NODE_ELEMENT || depth > HTML_MAX_DEPTH)
		return;
	const GumboElement *e = &g->v.element;
	if (!(g->parse_flags & (GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_IMPLIED))) {
		char name[32];
		tag_name(e, name, sizeof name);
		fn(ctx, name, html_attr_of(e, "href"));
	}
	if (html_hidden(e->tag))
		return;
	for (unsigned i = 0; i < e->children.length; i++)
		walk_elements(e->children.data[i], fn, ctx, depth + 1);
}

bool html_too_big(const char *s, size_t len)
{
	size_t tags = 0;
	long depth = 0, deepest = 0;
	for (const char *p = memchr(s, '<', len); p != NULL;
	     p = memchr(p + 1, '<', len - (size_t)(p + 1 - s))) {
		size_t rest = len - (size_t)(p - s);
		if (rest < 2)
			break;
		bool end = p[1] == '/';
		char c = p[end ? 2 : 1] | 0x20;
		if (rest < 3 || c < 'a' || c > 'z')
			continue;
		if (++tags > HTML_MAX_TAGS)
			return true;
		/* Void elements (br, img, hr, ...) and "/>" do not nest, but
		 * counting them only overestimates the depth. */
		depth += end ? -1 : 1;
		if (depth > deepest && (deepest = depth) > HTML_MAX_NESTING)
			return true;
	}
	return false;
}

void html_elements(const char *s, size_t len, html_element_fn fn, void *ctx)
{
	if (html_too_big(s, len))
		return;
	GumboOptions o;
	GumboOutput *out = html_parse(s, len, &o);
	if (out == NULL)
		return;
	if (out->root != NULL && out->root->type == GUMBO_NODE_ELEMENT) {
		const GumboVector *ch = &out->root->v.element.children;
		for (unsigned i = 0; i < ch->length; i++)
			walk_elements(ch->data[i], fn, ctx, 0);
	}
	gumbo_destroy_output(&o, out);
}
