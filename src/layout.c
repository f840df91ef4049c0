/*
 * layout: see layout.h.
 *
 * One walk over the cmark tree, the cmark way: cmark_iter gives ENTER and
 * EXIT events, and one switch handles each node type.  Containers (block
 * quotes, list items) push a prefix on a stack: each entry has the text
 * for the first line it prefixes (a bullet) and for the lines after it
 * (spaces).  Leaf blocks collect their inline text into a paragraph buffer
 * (text plus style runs), which is then wrapped greedily at Unicode line
 * break opportunities (libunistring) and grapheme boundaries, and emitted
 * as lines: the prefixes, then the runs cut to the line.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>

#include "glossary.h"
#include "html.h"
#include "node_text.h"
#include "text.h"
#include "xmem.h"

/* A style run in the paragraph buffer. */
struct run {
	uint32_t start, end; /* byte range in para.text */
	uint16_t style;
	int32_t target;
};

/* The inline text of the leaf block being collected. */
struct para {
	char *text;
	size_t len, cap;
	struct run *runs;
	size_t nruns, cap_runs;
};

/* One level of indentation: a quote bar or a list item's marker. */
struct prefix {
	char first[48]; /* text before the first line (a bullet) */
	char cont[48];  /* text before later lines (as wide, blank) */
	uint16_t style;
	bool used;      /* first has been shown */
	uint16_t cont_style; /* cont's style when not 0 (a mark) */
};

/* An open list. */
struct list {
	bool tight;
	bool ordered;
	int next_number;
	int number_width; /* digits of the largest number */
	bool emitted;     /* something of it is on screen already */
};

struct builder {
	const struct layout_options *o;
	struct layout *l;
	size_t cap_lines, cap_targets, cap_sections;

	struct prefix *pre;
	size_t npre, cap_pre;
	struct list *lists;
	size_t nlists, cap_lists;

	struct para para;
	bool collecting;    /* inside a paragraph or heading */
	int heading;        /* level of the heading being collected, or 0 */
	int bold, italic, alt; /* open emphasis, strong, image depth */
	int32_t *tstack;    /* open link targets */
	size_t *tstart;     /* paragraph length when each was opened */
	size_t cap_tstart;
	size_t html_start;  /* paragraph length when <a href> opened */
	size_t ntstack, cap_tstack;
	int32_t html_link;  /* target of an open <a href>, or -1 */
	bool html_hidden;   /* inside inline <script> or <style> */
	size_t alt_start;   /* para length after "[Image: " */
	bool last_blank;    /* the last line emitted is a separator */

	uint32_t block;     /* leaf blocks so far */
	bool have_section;
	uint32_t *seen;     /* per glossary entry: section+1 it was marked in */
	size_t nseen;
	struct glossary_match *matches;
	size_t cap_matches;
};

/* ---- small helpers ---- */

static const char *glyph_bullet(const struct builder *b, size_t depth)
{
	static const char *const uni[] = {"\u2022", "\u25e6", "\u25aa"};
	static const char *const asc[] = {"*", "-", "+"};
	return b->o->ascii || b->o->ascii_bullets ? asc[depth % 3]
						  : uni[depth % 3];
}

static const char *glyph_quote(const struct builder *b)
{
	return b->o->ascii ? "|" : "\u2502";
}

static const char *glyph_rule(const struct builder *b)
{
	return b->o->ascii ? "-" : "\u2500";
}

/* Longest text para_add cleans in place (it needs room for 3 bytes a
 * byte there). */
#define PARA_IN_PLACE 65536

/* Appends s[0..n) to the paragraph with the current style, cleaned: no
 * control characters, tabs and newlines as spaces unless keep_nl.  The
 * text is cleaned at the end of the paragraph buffer (in place, for at
 * most PARA_IN_PLACE bytes), and only kept (p->len moved on) once it
 * is final. */
static void para_add(struct builder *b, const char *s, size_t n,
		     uint16_t style, int32_t target, bool keep_nl)
{
	struct para *p = &b->para;
	size_t cl;
	if (n <= PARA_IN_PLACE) {
		xgrow(&p->text, &p->cap, p->len + 3 * n + 2, 1);
		cl = text_sanitize_to(p->text + p->len, s, n);
	} else {
		/* Room for the worst case (3 bytes a byte) would stay with
		 * the paragraph: clean a long text apart. */
		char *t = text_sanitize(s, n, &cl);
		xgrow(&p->text, &p->cap, p->len + cl + 2, 1);
		memcpy(p->text + p->len, t, cl + 1);
		free(t);
	}
	char *clean = p->text + p->len;
	for (char *t = memchr(clean, '\t', cl); t != NULL;
	     t = memchr(t + 1, '\t', cl - (size_t)(t + 1 - clean)))
		*t = ' ';
	for (char *t = keep_nl ? NULL : memchr(clean, '\n', cl); t != NULL;
	     t = memchr(t + 1, '\n', cl - (size_t)(t + 1 - clean)))
		*t = ' ';
	if (b->o->width < 2 && !b->o->ascii) {
		/* A wide character cannot fit in one column: show '?'. */
		size_t w = 0;
		for (size_t i = 0; i < cl;) {
			ucs4_t c;
			int k = u8_mbtouc(&c, (const uint8_t *)clean + i, cl - i);
			if (k <= 0)
				k = 1;
			if (text_cp_width(c) > 1) {
				clean[w++] = '?';
			} else {
				memmove(clean + w, clean + i, (size_t)k);
				w += (size_t)k;
			}
			i += (size_t)k;
		}
		cl = w;
	}
	if (cl > 0 && !(style & STYLE_CODE) && clean[0] == ' ' && p->len > 0 &&
	    p->text[p->len - 1] == ' ' && p->nruns > 0 &&
	    !(p->runs[p->nruns - 1].style & STYLE_CODE)) {
		/* Text around removed markup ("a <!-- x --> b"): one space. */
		memmove(clean, clean + 1, cl - 1);
		cl--;
	}
	if (cl == 0 || p->len + cl > UINT32_MAX - 1) {
		/* Nothing left, or over 4 GiB in one block: drop the rest. */
		p->text[p->len] = '\0';
		return;
	}
	struct run *last = p->nruns > 0 ? &p->runs[p->nruns - 1] : NULL;
	if (last != NULL && last->end == p->len && last->style == style &&
	    last->target == target) {
		last->end = (uint32_t)(p->len + cl);
	} else {
		xgrow(&p->runs, &p->cap_runs, p->nruns + 1, sizeof *p->runs);
		p->runs[p->nruns++] = (struct run){(uint32_t)p->len,
						   (uint32_t)(p->len + cl),
						   style, target};
	}
	p->len += cl;
	p->text[p->len] = '\0';
}

static void para_add_str(struct builder *b, const char *s, uint16_t style,
			 int32_t target)
{
	para_add(b, s, strlen(s), style, target, false);
}

static void para_reset(struct para *p)
{
	p->len = 0;
	p->nruns = 0;
	if (p->text != NULL)
		p->text[0] = '\0';
}

static int32_t new_target(struct builder *b, enum target_kind kind,
			  size_t entry, const char *url)
{
	struct layout *l = b->l;
	xgrow(&l->targets, &b->cap_targets, l->ntargets + 1,
	      sizeof *l->targets);
	struct target *t = &l->targets[l->ntargets];
	t->kind = kind;
	t->entry = entry;
	t->url = url != NULL ? xstrdup(url) : NULL;
	t->line = SIZE_MAX;
	t->col = 0;
	return (int32_t)l->ntargets++;
}

static uint16_t cur_style(const struct builder *b)
{
	uint16_t s = 0;
	if (b->bold > 0)
		s |= STYLE_BOLD;
	if (b->italic > 0)
		s |= STYLE_ITALIC;
	if (b->alt > 0)
		s |= STYLE_ALT;
	if (b->heading > 0)
		s |= STYLE_HEADING | STYLE_BOLD;
	if (b->ntstack > 0 || b->html_link >= 0)
		s |= STYLE_LINK;
	return s;
}

/* After an external link's text: " (address)", when asked for and the
 * text (from byte text_start of the paragraph) is not the address. */
static void link_address(struct builder *b, int32_t target, size_t text_start)
{
	if (!b->o->show_urls || target < 0)
		return;
	const char *url = b->l->targets[target].url;
	if (url == NULL)
		return;
	const char *p = url;
	while (*p && *p != ':' && *p != '/' && *p != '#')
		p++;
	if (*p != ':')
		return; /* no scheme: a link inside the kiosk */
	if (strncmp(url, "mailto:", 7) == 0)
		url += 7;
	size_t tl = text_start <= b->para.len ? b->para.len - text_start : 0;
	if (tl == strlen(url) && memcmp(b->para.text + text_start, url, tl) == 0)
		return;
	para_add_str(b, " (", STYLE_ALT, -1);
	para_add_str(b, url, STYLE_ALT, -1);
	para_add_str(b, ")", STYLE_ALT, -1);
}

static int32_t cur_target(const struct builder *b)
{
	if (b->ntstack > 0)
		return b->tstack[b->ntstack - 1];
	return b->html_link;
}

/* ---- sections ---- */

static void add_section(struct builder *b, const char *title, int level)
{
	struct layout *l = b->l;
	xgrow(&l->sections, &b->cap_sections, l->nsections + 1,
	      sizeof *l->sections);
	struct layout_section *s = &l->sections[l->nsections++];
	s->title = xstrdup(title);
	s->level = level;
	s->line = l->nlines;
	b->have_section = true;
}

/* ---- emitting lines ---- */

static size_t prefix_width(const struct builder *b)
{
	size_t w = 0;
	for (size_t i = 0; i < b->npre; i++)
		w += text_width(b->pre[i].cont, strlen(b->pre[i].cont));
	return w;
}

/* Columns for text after the prefixes.  When the prefixes would leave
 * less than 8 columns they are all dropped (show_prefix false), so words
 * are not chopped into slivers on narrow screens. */
#define MIN_TEXT_COLUMNS 8
static size_t text_columns(const struct builder *b, bool *show_prefix)
{
	size_t w = (size_t)b->o->width, pw = prefix_width(b);
	if (pw > 0 && (pw >= w || w - pw < MIN_TEXT_COLUMNS)) {
		*show_prefix = false;
		return w;
	}
	*show_prefix = true;
	return w - pw;
}

/* Starts a new line; returns it. */
static struct line *line_new(struct builder *b)
{
	struct layout *l = b->l;
	if (!b->have_section)
		add_section(b, "Introduction", 0);
	xgrow(&l->lines, &b->cap_lines, l->nlines + 1, sizeof *l->lines);
	struct line *ln = &l->lines[l->nlines++];
	memset(ln, 0, sizeof *ln);
	ln->section = (uint32_t)(l->nsections - 1);
	ln->block = b->block;
	return ln;
}

static void line_add(struct line *ln, size_t *cap, size_t *cap_spans,
		     const char *s, size_t n, uint16_t style, int32_t target)
{
	if (n == 0)
		return;
	xgrow(&ln->text, cap, ln->len + n + 1, 1);
	memcpy(ln->text + ln->len, s, n);
	if (ln->nspans > 0) {
		struct span *last = &ln->spans[ln->nspans - 1];
		if (last->style == style && last->target == target &&
		    last->off + last->len == ln->len) {
			last->len += (uint32_t)n;
			ln->len += (uint32_t)n;
			ln->text[ln->len] = '\0';
			return;
		}
	}
	size_t ns = ln->nspans;
	xgrow(&ln->spans, cap_spans, ns + 1, sizeof *ln->spans);
	ln->spans[ns] = (struct span){ln->len, (uint32_t)n, style, target};
	ln->nspans++;
	ln->len += (uint32_t)n;
	ln->text[ln->len] = '\0';
}

static void line_finish(struct builder *b, struct line *ln)
{
	b->last_blank = false;
	if (ln->text == NULL) {
		ln->text = xstrdup("");
	} else {
		/* Trim trailing spaces (prefixes of blank lines, wraps). */
		while (ln->len > 0 && ln->text[ln->len - 1] == ' ') {
			ln->len--;
			struct span *sp = &ln->spans[ln->nspans - 1];
			if (--sp->len == 0)
				ln->nspans--;
		}
		ln->text[ln->len] = '\0';
	}
	/* Record where targets first appear.  Spans cover the text and are
	 * cut at character boundaries, so their widths add up to the
	 * line's. */
	uint32_t col = 0;
	for (uint32_t i = 0; i < ln->nspans; i++) {
		struct span *sp = &ln->spans[i];
		if (sp->target >= 0) {
			struct target *t = &b->l->targets[sp->target];
			if (t->line == SIZE_MAX) {
				t->line = (size_t)(ln - b->l->lines);
				t->col = col;
			}
		}
		col += (uint32_t)text_width(ln->text + sp->off, sp->len);
	}
	ln->width = col;
}

/* Adds the prefixes to a new line: first-line text for entries not yet
 * shown (when first is true), else the continuation text. */
static void line_prefix(struct builder *b, struct line *ln, size_t *cap,
			size_t *cap_spans, bool first)
{
	bool show;
	text_columns(b, &show);
	for (size_t i = 0; i < b->npre; i++) {
		struct prefix *p = &b->pre[i];
		bool is_first = !p->used && first;
		const char *s = is_first ? p->first : p->cont;
		uint16_t style = !is_first && p->cont_style ? p->cont_style
							     : p->style;
		if (first)
			p->used = true;
		if (show)
			line_add(ln, cap, cap_spans, s, strlen(s), style, -1);
	}
}

static void blank_line(struct builder *b)
{
	size_t cap = 0, caps = 0;
	struct line *ln = line_new(b);
	ln->block_off = UINT32_MAX;
	if (ln->block > 0)
		ln->block--; /* belongs after the block before it */
	line_prefix(b, ln, &cap, &caps, false);
	line_finish(b, ln);
	b->last_blank = true;
}

/* Whether the block about to start needs a blank line before it. */
static bool want_blank(const struct builder *b, bool heading)
{
	const struct layout *l = b->l;
	if (l->nlines == 0 || b->last_blank)
		return false;
	if (heading)
		return true;
	for (size_t i = 0; i < b->nlists; i++)
		if (b->lists[i].tight && b->lists[i].emitted)
			return false;
	return true;
}

static void block_start(struct builder *b, bool heading)
{
	if (want_blank(b, heading))
		blank_line(b);
}

static void block_end(struct builder *b)
{
	for (size_t i = 0; i < b->nlists; i++)
		b->lists[i].emitted = true;
	b->block++;
}

/* Emits para.text[start..end) as one line with the prefixes. */
static void emit_range(struct builder *b, size_t start, size_t end,
		       bool first, uint16_t extra_style)
{
	struct para *p = &b->para;
	size_t cap = 0, caps = 0;
	struct line *ln = line_new(b);
	ln->heading = (uint8_t)b->heading;
	ln->block_off = (uint32_t)start;
	line_prefix(b, ln, &cap, &caps, first);
	/* Runs are sorted and do not overlap: find the first one that ends
	 * after start, so a line costs its own runs, not the paragraph's. */
	size_t lo = 0, hi = p->nruns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->runs[mid].end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t r = lo; r < p->nruns && p->runs[r].start < end; r++) {
		const struct run *ru = &p->runs[r];
		size_t s = ru->start > start ? ru->start : start;
		size_t e = ru->end < end ? ru->end : end;
		if (s < e)
			line_add(ln, &cap, &caps, p->text + s, e - s,
				 ru->style | extra_style, ru->target);
	}
	line_finish(b, ln);
}

/* Width of the grapheme cluster at s[i..next). */
static size_t cluster_width(const uint8_t *s, size_t i, size_t next)
{
	size_t w = 0;
	while (i < next) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, next - i);
		if (k <= 0)
			k = 1;
		w += (size_t)text_cp_width(c);
		i += (size_t)k;
	}
	return w;
}

/* How many characters from s[i] (i < end) can be taken at once, at most
 * room: bytes of a run of ASCII, each followed by another ASCII byte or
 * by the end, are each a grapheme of one column (the text is sanitized,
 * so there is no CR LF; no character that joins a cluster is ASCII).  The
 * run's last byte is left out when a byte of a longer character follows:
 * it may start a cluster (a letter and a combining mark). */
static size_t ascii_run(const uint8_t *s, size_t i, size_t end, size_t room)
{
	size_t lim = end - i > room ? i + room + 1 : end, j = i;
	while (j < lim && s[j] < 0x80)
		j++;
	size_t take = j == end ? j - i : j > i ? j - i - 1 : 0;
	return take < room ? take : room;
}

/* Wraps para.text[start..end) (no '\n' inside) to the text columns.
 * brk holds line break opportunities for the whole paragraph (NULL: break
 * anywhere, for code).  *first says whether the prefixes' first-line text
 * is still to be shown. */
static void wrap_segment(struct builder *b, size_t start, size_t end,
			 const char *brk, bool *first, uint16_t extra_style)
{
	const uint8_t *s = (const uint8_t *)b->para.text;
	bool show;
	size_t cols = text_columns(b, &show);
	size_t pos = start;
	if (start == end) {
		emit_range(b, start, end, *first, extra_style);
		*first = false;
		return;
	}
	while (pos < end) {
		if (pos > start && brk != NULL)
			while (pos < end && s[pos] == ' ')
				pos++;
		if (pos >= end)
			break;
		size_t i = pos, w = 0, last_break = 0;
		while (i < end) {
			size_t take = ascii_run(s, i, end, cols - w);
			if (take > 0) {
				/* The last break opportunity among them. */
				for (size_t k = i + take; brk != NULL && k-- > i &&
							   k > pos;)
					if (brk[k] == UC_BREAK_POSSIBLE) {
						last_break = k;
						break;
					}
				w += take;
				i += take;
				continue;
			}
			size_t next, cw;
			if (s[i] < 0x80 && (i + 1 == end || s[i + 1] < 0x80)) {
				/* Two ASCII characters in a row: a grapheme
				 * boundary between them (the text is sanitized,
				 * so no CR LF), and one column each. */
				next = i + 1;
				cw = 1;
			} else {
				const uint8_t *nx =
					u8_grapheme_next(s + i, s + end);
				next = nx != NULL ? (size_t)(nx - s) : end;
				cw = cluster_width(s, i, next);
			}
			if (cw > cols) {
				/* Wider than a line (emoji sequences at tiny
				 * widths): step by code point instead. */
				ucs4_t c;
				int k = u8_mbtouc(&c, s + i, end - i);
				next = i + (size_t)(k > 0 ? k : 1);
				cw = cluster_width(s, i, next);
			}
			if (i > pos && brk != NULL &&
			    brk[i] == UC_BREAK_POSSIBLE)
				last_break = i;
			if (w + cw > cols)
				break;
			w += cw;
			i = next;
		}
		size_t cut;
		if (i >= end)
			cut = end;
		else if (brk != NULL && s[i] == ' ')
			cut = i; /* the word before it ends at the margin */
		else if (last_break > pos)
			cut = last_break;
		else if (i > pos)
			cut = i;
		else {
			/* Not even one character fits: take it anyway. */
			ucs4_t c;
			int k = u8_mbtouc(&c, s + i, end - i);
			cut = i + (size_t)(k > 0 ? k : 1);
		}
		emit_range(b, pos, cut, *first, extra_style);
		*first = false;
		pos = cut;
	}
}

/* Marks glossary terms in the paragraph: splits runs so that each match
 * in plain running text becomes its own run with STYLE_TERM. */
static void mark_terms(struct builder *b)
{
	struct para *p = &b->para;
	if (b->o->glossary == NULL || p->len == 0)
		return;
	size_t nm = glossary_match(b->o->glossary, p->text, p->len,
				   &b->matches, &b->cap_matches);
	if (nm == 0)
		return;
	uint32_t sec = (uint32_t)b->l->nsections; /* current section + 1 */
	struct run *out = NULL;
	size_t nout = 0, capo = 0;
	size_t m = 0;
	for (size_t r = 0; r < p->nruns; r++) {
		struct run ru = p->runs[r];
		bool plain = (ru.style & (STYLE_CODE | STYLE_LINK | STYLE_ALT |
					  STYLE_HEADING)) == 0;
		size_t pos = ru.start;
		while (plain && m < nm && b->matches[m].start < ru.end) {
			const struct glossary_match *gm = &b->matches[m];
			if (gm->start < pos || gm->end > ru.end) {
				m++; /* straddles runs: leave it */
				continue;
			}
			long ent = (long)gm->entry;
			bool mark = ent != b->o->skip_entry &&
				    (b->o->mark_all || gm->entry >= b->nseen ||
				     b->seen[gm->entry] != sec);
			if (mark) {
				if (gm->entry < b->nseen)
					b->seen[gm->entry] = sec;
				xgrow(&out, &capo, nout + 2, sizeof *out);
				if (gm->start > pos)
					out[nout++] = (struct run){
						(uint32_t)pos, (uint32_t)gm->start,
						ru.style, ru.target};
				int32_t t = new_target(b, TARGET_TERM,
						       gm->entry, NULL);
				out[nout++] = (struct run){
					(uint32_t)gm->start, (uint32_t)gm->end,
					(uint16_t)(ru.style | STYLE_TERM), t};
				pos = gm->end;
			}
			m++;
		}
		if (pos < ru.end) {
			xgrow(&out, &capo, nout + 1, sizeof *out);
			out[nout++] = (struct run){(uint32_t)pos, ru.end,
						   ru.style, ru.target};
		}
		while (m < nm && b->matches[m].start < ru.end &&
		       !plain)
			m++;
	}
	free(p->runs);
	p->runs = out;
	p->nruns = nout;
	p->cap_runs = capo;
}

/* In ASCII mode, transliterates the paragraph run by run (after the
 * glossary has been matched on the real text), keeping the runs. */
static void para_ascii(struct builder *b)
{
	struct para *p = &b->para;
	if (!b->o->ascii || p->len == 0)
		return;
	char *text = NULL;
	size_t len = 0, cap = 0;
	for (size_t r = 0; r < p->nruns; r++) {
		struct run *ru = &p->runs[r];
		size_t al;
		char *a = text_to_ascii(p->text + ru->start, ru->end - ru->start,
					&al);
		xgrow(&text, &cap, len + al + 1, 1);
		memcpy(text + len, a, al);
		free(a);
		ru->start = (uint32_t)len;
		len += al;
		ru->end = (uint32_t)len;
	}
	if (text == NULL)
		text = xstrdup("");
	text[len] = '\0';
	free(p->text);
	p->text = text;
	p->len = len;
	p->cap = cap > 0 ? cap : 1;
}

/* Whether each line of the paragraph (the text between '\n's) fits in
 * the text columns as it is. */
static bool para_fits(const struct builder *b)
{
	bool show;
	size_t cols = text_columns(b, &show);
	const char *t = b->para.text;
	size_t len = b->para.len, seg = 0;
	for (;;) {
		const char *nl = memchr(t + seg, '\n', len - seg);
		size_t e = nl != NULL ? (size_t)(nl - t) : len;
		if (text_fit(t + seg, e - seg, cols, NULL) < e - seg)
			return false;
		if (nl == NULL)
			return true;
		seg = e + 1;
	}
}

/* Lays out the collected paragraph, then empties it. */
static void flush_para(struct builder *b, uint16_t extra_style)
{
	struct para *p = &b->para;
	if (p->len == 0 || p->text == NULL) {
		para_reset(p);
		return;
	}
	/* Targets must be numbered in reading order: terms are created
	 * here, links earlier, so sort out the order at the end (see
	 * sort_targets); here only create. */
	if (!b->have_section)
		add_section(b, "Introduction", 0);
	if (b->heading == 0)
		mark_terms(b);
	para_ascii(b);
	/* Line break opportunities only matter where a line is too long:
	 * a paragraph whose lines all fit is laid out without them (NULL,
	 * which would break anywhere, but nothing is broken). */
	char *brk = NULL;
	if (!para_fits(b)) {
		brk = xmalloc(p->len + 1);
		u8_possible_linebreaks((const uint8_t *)p->text, p->len,
				       "UTF-8", brk);
	}
	bool first = true;
	size_t seg = 0;
	for (;;) {
		const char *nl = memchr(p->text + seg, '\n', p->len - seg);
		size_t i = nl != NULL ? (size_t)(nl - p->text) : p->len;
		if (i > seg || i < p->len)
			wrap_segment(b, seg, i, brk, &first, extra_style);
		if (nl == NULL)
			break;
		seg = i + 1;
	}
	free(brk);
	para_reset(p);
}

/* ---- blocks ---- */

/* Plain text of a heading, for the section list. */
static char *heading_text(cmark_node *n, const struct builder *b)
{
	char *t = node_text(n, 4096, NULL);
	if (b->o->ascii) {
		char *a = text_to_ascii(t, strlen(t), NULL);
		free(t);
		t = a;
	}
	return t;
}

static void code_block(struct builder *b, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	if (lit == NULL)
		lit = "";
	size_t len = strlen(lit);
	if (len > 0 && lit[len - 1] == '\n')
		len--;
	block_start(b, false);
	/* A code line too long for the width goes on with a mark, so it
	 * does not read as two lines. */
	struct prefix indent = {"  ", "", STYLE_CODE, false, STYLE_MARKER};
	snprintf(indent.cont, sizeof indent.cont, "%s",
		 b->o->ascii ? "> " : "\u00bb ");
	xgrow(&b->pre, &b->cap_pre, b->npre + 1, sizeof *b->pre);
	b->pre[b->npre++] = indent;
	/* Expand tabs to 4-column stops, keep line breaks. */
	size_t start = 0;
	bool first = true;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && lit[i] != '\n')
			continue;
		char *line = xmalloc((i - start) * 4 + 1);
		size_t o = 0, col = 0;
		for (size_t k = start; k < i; k++) {
			if (lit[k] == '\t') {
				do
					line[o++] = ' ';
				while (++col % 4 != 0);
			} else {
				line[o++] = lit[k];
				if (((unsigned char)lit[k] & 0xc0) != 0x80)
					col++;
			}
		}
		para_add(b, line, o, STYLE_CODE, -1, false);
		free(line);
		para_ascii(b);
		size_t before = b->l->nlines;
		first = true; /* each code line starts without the mark */
		b->pre[b->npre - 1].used = false;
		wrap_segment(b, 0, b->para.len, NULL, &first, 0);
		/* Positions count from the start of the whole block. */
		for (size_t k = before; k < b->l->nlines; k++)
			b->l->lines[k].block_off += (uint32_t)start;
		para_reset(&b->para);
		start = i + 1;
	}
	b->npre--;
	block_end(b);
}

static void html_text(struct builder *b, const char *s, size_t n,
		      bool *pending_space)
{
	size_t dl;
	char *d = html_decode(s, n, &dl);
	/* Collapse white space as a browser would, into a new buffer (a
	 * space may be added where none was). */
	char *out = xmalloc(2 * dl + 2);
	size_t o = 0;
	for (size_t i = 0; i < dl; i++) {
		bool ws = d[i] == ' ' || d[i] == '\n' || d[i] == '\t' ||
			  d[i] == '\r';
		if (ws) {
			*pending_space = true;
			continue;
		}
		bool at_line_start = o == 0 && (b->para.len == 0 ||
					       b->para.text[b->para.len - 1] == '\n');
		if (*pending_space && !at_line_start)
			out[o++] = ' ';
		*pending_space = false;
		out[o++] = d[i];
	}
	para_add(b, out, o, cur_style(b), cur_target(b), false);
	free(out);
	free(d);
}

/* Raw HTML reduced to its text; <a href> stays a link. */
static void html_block(struct builder *b, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	if (lit == NULL)
		return;
	size_t len = strlen(lit), pos = 0;
	struct html_token t;
	bool pending_space = false;
	const char *hidden = NULL;
	char hidden_name[16] = "";
	para_reset(&b->para);
	while (html_next(lit, len, &pos, &t)) {
		if (hidden != NULL) {
			if (t.kind == HTML_TAG && t.closing &&
			    strcmp(t.name, hidden_name) == 0)
				hidden = NULL;
			continue;
		}
		if (t.kind == HTML_TEXT) {
			html_text(b, t.start, t.len, &pending_space);
		} else if (t.kind == HTML_TAG) {
			if (html_is_hidden_tag(t.name) && !t.closing) {
				hidden = t.start;
				memcpy(hidden_name, t.name, sizeof hidden_name);
			} else if (strcmp(t.name, "a") == 0) {
				if (!t.closing && pending_space && b->para.len > 0 &&
				    b->para.text[b->para.len - 1] != '\n') {
					/* The space before a link is not link. */
					para_add_str(b, " ", cur_style(b),
						     cur_target(b));
					pending_space = false;
				}
				char *href = t.closing ? NULL : html_attr(&t, "href");
				if (!t.closing)
					b->html_start = b->para.len;
				if (t.closing) {
					int32_t lt = b->html_link;
					b->html_link = -1;
					link_address(b, lt, b->html_start);
				} else if (href != NULL)
					b->html_link = new_target(b, TARGET_LINK, 0, href);
				free(href);
			} else if (html_is_break_tag(t.name) && b->para.len > 0 &&
				   b->para.text[b->para.len - 1] != '\n') {
				para_add(b, "\n", 1, 0, -1, true);
				pending_space = false;
			}
		}
	}
	b->html_link = -1;
	while (b->para.len > 0 && (b->para.text[b->para.len - 1] == '\n' ||
				   b->para.text[b->para.len - 1] == ' ')) {
		b->para.len--;
		struct run *r = &b->para.runs[b->para.nruns - 1];
		if (--r->end == r->start)
			b->para.nruns--;
	}
	if (b->para.len == 0)
		return;
	block_start(b, false);
	flush_para(b, 0);
	block_end(b);
}

static void thematic_break(struct builder *b)
{
	block_start(b, false);
	bool show;
	size_t cols = text_columns(b, &show);
	size_t cap = 0, caps = 0;
	struct line *ln = line_new(b);
	line_prefix(b, ln, &cap, &caps, true);
	const char *g = glyph_rule(b);
	size_t gl = strlen(g);
	for (size_t i = 0; i < cols; i++)
		line_add(ln, &cap, &caps, g, gl, STYLE_RULE, -1);
	line_finish(b, ln);
	block_end(b);
}

static void list_enter(struct builder *b, cmark_node *n)
{
	xgrow(&b->lists, &b->cap_lists, b->nlists + 1, sizeof *b->lists);
	struct list *li = &b->lists[b->nlists++];
	li->tight = cmark_node_get_list_tight(n) != 0;
	li->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	li->next_number = cmark_node_get_list_start(n);
	if (li->next_number < 0 || li->next_number > 999999999)
		li->next_number = 1;
	int count = 0;
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	     c = cmark_node_next(c))
		count++;
	long last = (long)li->next_number + count - 1;
	li->number_width = 1;
	while (last >= 10) {
		li->number_width++;
		last /= 10;
	}
	li->emitted = false;
}

static void item_enter(struct builder *b)
{
	struct list *li = &b->lists[b->nlists - 1];
	struct prefix p;
	memset(&p, 0, sizeof p);
	p.style = STYLE_MARKER;
	if (li->ordered) {
		snprintf(p.first, sizeof p.first, "%*d. ", li->number_width,
			 li->next_number);
		li->next_number++;
	} else {
		size_t depth = 0;
		for (size_t i = 0; i + 1 < b->nlists; i++)
			if (!b->lists[i].ordered)
				depth++;
		snprintf(p.first, sizeof p.first, "%s ", glyph_bullet(b, depth));
	}
	size_t w = text_width(p.first, strlen(p.first));
	if (w >= sizeof p.cont)
		w = sizeof p.cont - 1;
	memset(p.cont, ' ', w);
	p.cont[w] = '\0';
	xgrow(&b->pre, &b->cap_pre, b->npre + 1, sizeof *b->pre);
	b->pre[b->npre++] = p;
}

static void inline_node(struct builder *b, cmark_node *n, cmark_event_type ev)
{
	cmark_node_type t = cmark_node_get_type(n);
	bool enter = ev == CMARK_EVENT_ENTER;
	const char *lit;
	switch (t) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		if (lit != NULL && !b->html_hidden)
			para_add_str(b, lit, cur_style(b), cur_target(b));
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (lit != NULL)
			para_add_str(b, lit, cur_style(b) | STYLE_CODE,
				     cur_target(b));
		break;
	case CMARK_NODE_SOFTBREAK:
		para_add_str(b, " ", cur_style(b), cur_target(b));
		break;
	case CMARK_NODE_LINEBREAK:
		para_add(b, "\n", 1, 0, -1, true);
		break;
	case CMARK_NODE_EMPH:
		b->italic += enter ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		b->bold += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			int32_t id = new_target(b, TARGET_LINK, 0,
						cmark_node_get_url(n));
			xgrow(&b->tstack, &b->cap_tstack, b->ntstack + 1,
			      sizeof *b->tstack);
			xgrow(&b->tstart, &b->cap_tstart, b->ntstack + 1,
			      sizeof *b->tstart);
			b->tstart[b->ntstack] = b->para.len;
			b->tstack[b->ntstack++] = id;
		} else if (b->ntstack > 0) {
			b->ntstack--;
			link_address(b, b->tstack[b->ntstack],
				     b->tstart[b->ntstack]);
		}
		break;
	case CMARK_NODE_IMAGE:
		if (enter) {
			b->alt++;
			para_add_str(b, "[Image: ", cur_style(b), cur_target(b));
			b->alt_start = b->para.len;
		} else {
			if (b->para.len == b->alt_start && b->alt_start >= 2) {
				/* No alt text: "[Image]". */
				b->para.len -= 2;
				struct run *r = &b->para.runs[b->para.nruns - 1];
				r->end -= 2;
				if (r->end <= r->start)
					b->para.nruns--;
			}
			para_add_str(b, "]", cur_style(b), cur_target(b));
			b->alt--;
		}
		break;
	case CMARK_NODE_HTML_INLINE: {
		lit = cmark_node_get_literal(n);
		if (lit == NULL)
			break;
		size_t len = strlen(lit), pos = 0;
		struct html_token tok;
		while (html_next(lit, len, &pos, &tok)) {
			if (tok.kind != HTML_TAG)
				continue;
			if (strcmp(tok.name, "a") == 0) {
				if (tok.closing) {
					int32_t lt = b->html_link;
					b->html_link = -1;
					link_address(b, lt, b->html_start);
				} else {
					char *href = html_attr(&tok, "href");
					b->html_start = b->para.len;
					if (href != NULL)
						b->html_link = new_target(
							b, TARGET_LINK, 0, href);
					free(href);
				}
			} else if (strcmp(tok.name, "br") == 0) {
				para_add(b, "\n", 1, 0, -1, true);
			} else if (html_is_hidden_tag(tok.name)) {
				b->html_hidden = !tok.closing;
			}
		}
		break;
	}
	default:
		break;
	}
}

/* Sorts targets into reading order (line, then column) and renumbers the
 * spans: links are created when met, terms when their paragraph is laid
 * out, so creation order is not reading order. */
static int cmp_target_order(const void *a, const void *b2)
{
	const struct target *const *x = a, *const *y = b2;
	if ((*x)->line != (*y)->line)
		return (*x)->line < (*y)->line ? -1 : 1;
	if ((*x)->col != (*y)->col)
		return (*x)->col < (*y)->col ? -1 : 1;
	return *x < *y ? -1 : (*x > *y);
}

static void sort_targets(struct layout *l)
{
	size_t n = l->ntargets;
	if (n == 0)
		return;
	struct target **order = xcalloc(n, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = &l->targets[i];
	qsort(order, n, sizeof *order, cmp_target_order);
	int32_t *newid = xcalloc(n, sizeof *newid);
	struct target *sorted = xcalloc(n, sizeof *sorted);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		size_t old = (size_t)(order[i] - l->targets);
		if (order[i]->line == SIZE_MAX) {
			/* Never shown (empty link text): drop it. */
			free(order[i]->url);
			newid[old] = -1;
			continue;
		}
		newid[old] = (int32_t)kept;
		sorted[kept++] = *order[i];
	}
	for (size_t i = 0; i < l->nlines; i++)
		for (uint32_t k = 0; k < l->lines[i].nspans; k++) {
			struct span *sp = &l->lines[i].spans[k];
			if (sp->target >= 0)
				sp->target = newid[sp->target];
		}
	free(l->targets);
	l->targets = sorted;
	l->ntargets = kept;
	free(order);
	free(newid);
}

struct layout *layout_build(cmark_node *doc, const struct layout_options *o)
{
	struct layout_options opts = *o;
	if (opts.width < 1)
		opts.width = 1;
	struct builder b;
	memset(&b, 0, sizeof b);
	b.o = &opts;
	b.l = xcalloc(1, sizeof *b.l);
	b.l->width = opts.width;
	b.html_link = -1;
	if (opts.glossary != NULL) {
		b.nseen = glossary_count(opts.glossary);
		b.seen = xcalloc(b.nseen + 1, sizeof *b.seen);
	}

	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		bool enter = ev == CMARK_EVENT_ENTER;
		if (b.collecting && t != CMARK_NODE_PARAGRAPH &&
		    t != CMARK_NODE_HEADING) {
			inline_node(&b, n, ev);
			continue;
		}
		switch (t) {
		case CMARK_NODE_PARAGRAPH:
			if (enter) {
				b.collecting = true;
				para_reset(&b.para);
			} else {
				b.collecting = false;
				b.html_link = -1; /* an <a> left open ends here */
				b.html_hidden = false;
				if (b.para.len > 0) {
					block_start(&b, false);
					flush_para(&b, 0);
					block_end(&b);
				}
			}
			break;
		case CMARK_NODE_HEADING:
			if (enter) {
				int level = cmark_node_get_heading_level(n);
				b.heading = level < 1 ? 1 : level > 6 ? 6 : level;
				b.collecting = true;
				para_reset(&b.para);
			} else {
				b.collecting = false;
				b.html_link = -1;
				b.html_hidden = false;
				block_start(&b, true);
				if (b.heading <= 3) {
					char *title = heading_text(n, &b);
					add_section(&b, title, b.heading);
					free(title);
				}
				if (b.para.len == 0)
					para_add_str(&b, " ", STYLE_HEADING, -1);
				flush_para(&b, 0);
				block_end(&b);
				b.heading = 0;
			}
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (enter) {
				/* The separator goes before the bar starts. */
				if (want_blank(&b, false))
					blank_line(&b);
				struct prefix p = {"", "", STYLE_QUOTE, false, 0};
				snprintf(p.first, sizeof p.first, "%s ",
					 glyph_quote(&b));
				memcpy(p.cont, p.first, sizeof p.cont);
				xgrow(&b.pre, &b.cap_pre, b.npre + 1,
				      sizeof *b.pre);
				b.pre[b.npre++] = p;
			} else if (b.npre > 0) {
				b.npre--;
			}
			break;
		case CMARK_NODE_LIST:
			if (enter) {
				/* A blank line between text and a list. */
				if (want_blank(&b, false))
					blank_line(&b);
				list_enter(&b, n);
			} else if (b.nlists > 0) {
				b.nlists--;
			}
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				item_enter(&b);
			else if (b.npre > 0)
				b.npre--;
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(&b, n);
			break;
		case CMARK_NODE_HTML_BLOCK:
			html_block(&b, n);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			thematic_break(&b);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	sort_targets(b.l);

	free(b.para.text);
	free(b.para.runs);
	free(b.pre);
	free(b.lists);
	free(b.tstack);
	free(b.tstart);
	free(b.seen);
	free(b.matches);
	return b.l;
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->nlines; i++) {
		free(l->lines[i].text);
		free(l->lines[i].spans);
	}
	for (size_t i = 0; i < l->ntargets; i++)
		free(l->targets[i].url);
	for (size_t i = 0; i < l->nsections; i++)
		free(l->sections[i].title);
	free(l->lines);
	free(l->targets);
	free(l->sections);
	free(l);
}

size_t layout_find(const struct layout *l, uint32_t block, uint32_t block_off)
{
	size_t lo = 0, hi = l->nlines;
	/* First line after the position, minus one. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct line *ln = &l->lines[mid];
		bool after = ln->block > block ||
			     (ln->block == block && ln->block_off > block_off);
		if (after)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo > 0 ? lo - 1 : 0;
}

size_t layout_section_of(const struct layout *l, size_t line)
{
	if (l->nlines == 0)
		return 0;
	if (line >= l->nlines)
		line = l->nlines - 1;
	return l->lines[line].section;
}
