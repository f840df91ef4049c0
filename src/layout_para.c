/*
 * layout_para: a leaf block's text, collected with its style runs, wrapped
 * greedily at Unicode line break opportunities (libunistring) and
 * grapheme boundaries, and emitted as lines: the prefixes, then the runs
 * cut to the line.  See layout_int.h.
 */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>

#include "glossary.h"
#include "text.h"
#include "xmem.h"

const char *lay_glyph_rule(const struct builder *b)
{
	return b->o->ascii ? "-" : "\u2500";
}

/* Longest text lay_para_add cleans in place (it needs room for 3 bytes a
 * byte there). */
#define PARA_IN_PLACE 65536

/* Appends s[0..n) to the paragraph with the current style, cleaned: no
 * control characters, tabs and newlines as spaces unless keep_nl.  The
 * text is cleaned at the end of the paragraph buffer (in place, for at
 * most PARA_IN_PLACE bytes), and only kept (p->len moved on) once it
 * is final. */
void lay_para_add(struct builder *b, const char *s, size_t n,
		     uint16_t style, int32_t target, bool keep_nl)
{
	struct para *p = &b->para;
	size_t cl;
	if (n <= PARA_IN_PLACE) {
		if (p->len + 3 * n + 2 > p->cap)
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
		if (p->nruns + 1 > p->cap_runs)
			xgrow(&p->runs, &p->cap_runs, p->nruns + 1,
			      sizeof *p->runs);
		p->runs[p->nruns++] = (struct run){(uint32_t)p->len,
						   (uint32_t)(p->len + cl),
						   style, target};
	}
	p->len += cl;
	p->text[p->len] = '\0';
}

void lay_para_add_str(struct builder *b, const char *s, uint16_t style,
			 int32_t target)
{
	lay_para_add(b, s, strlen(s), style, target, false);
}

void lay_para_reset(struct para *p)
{
	p->len = 0;
	p->nruns = 0;
	if (p->text != NULL)
		p->text[0] = '\0';
}

int32_t lay_new_target(struct builder *b, enum target_kind kind,
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

uint16_t lay_cur_style(const struct builder *b)
{
	uint16_t s = 0;
	if (b->bold > 0 || b->html_bold > 0)
		s |= STYLE_BOLD;
	if (b->italic > 0 || b->html_italic > 0)
		s |= STYLE_ITALIC;
	if (b->alt > 0 || b->strike > 0)
		s |= STYLE_ALT;
	if (b->heading > 0)
		s |= STYLE_HEADING | STYLE_BOLD;
	if (b->ntstack > 0 || b->html_link >= 0)
		s |= STYLE_LINK;
	return s;
}

/* After an external link's text: " (address)", when asked for and the
 * text (from byte text_start of the paragraph) is not the address. */
void lay_link_address(struct builder *b, int32_t target, size_t text_start)
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
	lay_para_add_str(b, " (", STYLE_ALT, -1);
	lay_para_add_str(b, url, STYLE_ALT, -1);
	lay_para_add_str(b, ")", STYLE_ALT, -1);
}

int32_t lay_cur_target(const struct builder *b)
{
	if (b->ntstack > 0)
		return b->tstack[b->ntstack - 1];
	return b->html_link;
}

/* ---- sections ---- */

void lay_add_section(struct builder *b, const char *title, int level,
		     const char *id)
{
	struct layout *l = b->l;
	xgrow(&l->sections, &b->cap_sections, l->nsections + 1,
	      sizeof *l->sections);
	struct layout_section *s = &l->sections[l->nsections++];
	s->title = xstrdup(title);
	s->id = id != NULL && id[0] != '\0' ? xstrdup(id) : NULL;
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
size_t lay_text_columns(const struct builder *b, bool *show_prefix)
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
struct line *lay_line_new(struct builder *b)
{
	struct layout *l = b->l;
	if (!b->have_section)
		lay_add_section(b, "Introduction", 0, NULL);
	if (l->nlines + 1 > b->cap_lines)
		xgrow(&l->lines, &b->cap_lines, l->nlines + 1, sizeof *l->lines);
	struct line *ln = &l->lines[l->nlines++];
	memset(ln, 0, sizeof *ln);
	ln->section = (uint32_t)(l->nsections - 1);
	ln->block = b->block;
	return ln;
}

void lay_line_add(struct line *ln, size_t *cap, size_t *cap_spans,
		     const char *s, size_t n, uint16_t style, int32_t target)
{
	if (n == 0)
		return;
	/* (Checked here: this runs for every piece of every line.) */
	if (ln->len + n + 1 > *cap)
		xgrow(&ln->text, cap, ln->len + n + 1, 1);
	memcpy(ln->text + ln->len, s, n);
	if (lay_span_extend(ln, n, style, target)) {
		ln->text[ln->len] = '\0';
		return;
	}
	size_t ns = ln->nspans;
	if (ns + 1 > *cap_spans)
		xgrow(&ln->spans, cap_spans, ns + 1, sizeof *ln->spans);
	ln->spans[ns] = (struct span){ln->len, (uint32_t)n, style, target};
	ln->nspans++;
	ln->len += (uint32_t)n;
	ln->text[ln->len] = '\0';
}

/* Display width of a span: a run of box-drawing characters (U+2500 to
 * U+257F, one column each: a table's rules, many to a line) is counted
 * without decoding it. */
static size_t span_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	if (n % 3 == 0 && n > 0 && p[0] == 0xe2) {
		size_t i = 0;
		while (i < n && p[i] == 0xe2 && (p[i + 1] == 0x94 || p[i + 1] == 0x95) &&
		       (p[i + 2] & 0xc0) == 0x80)
			i += 3;
		if (i == n)
			return n / 3;
	}
	return text_width(s, n);
}

void lay_line_finish_width(struct builder *b, struct line *ln, uint32_t width)
{
	b->last_blank = false;
	if (ln->text == NULL)
		ln->text = xstrdup("");
	ln->width = width;
}

void lay_line_finish(struct builder *b, struct line *ln)
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
		col += (uint32_t)span_width(ln->text + sp->off, sp->len);
	}
	ln->width = col;
}

/* Adds the prefixes to a new line: first-line text for entries not yet
 * shown (when first is true), else the continuation text. */
void lay_line_prefix(struct builder *b, struct line *ln, size_t *cap,
			size_t *cap_spans, bool first)
{
	bool show;
	lay_text_columns(b, &show);
	for (size_t i = 0; i < b->npre; i++) {
		struct prefix *p = &b->pre[i];
		bool is_first = !p->used && first;
		const char *s = is_first ? p->first : p->cont;
		uint16_t style = !is_first && p->cont_style ? p->cont_style
							     : p->style;
		if (first)
			p->used = true;
		if (show)
			lay_line_add(ln, cap, cap_spans, s, strlen(s), style, -1);
	}
}

void lay_blank_line(struct builder *b)
{
	size_t cap = 0, caps = 0;
	struct line *ln = lay_line_new(b);
	ln->block_off = UINT32_MAX;
	if (ln->block > 0)
		ln->block--; /* belongs after the block before it */
	lay_line_prefix(b, ln, &cap, &caps, false);
	lay_line_finish(b, ln);
	b->last_blank = true;
}

/* Whether the block about to start needs a blank line before it. */
bool lay_want_blank(const struct builder *b, bool heading)
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

void lay_block_start(struct builder *b, bool heading)
{
	if (lay_want_blank(b, heading))
		lay_blank_line(b);
}

void lay_block_end(struct builder *b)
{
	for (size_t i = 0; i < b->nlists; i++)
		b->lists[i].emitted = true;
	b->block++;
}

void lay_line_add_para(struct line *ln, size_t *cap, size_t *cap_spans,
		       const struct para *p, size_t start, size_t end,
		       uint16_t extra_style)
{
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
			lay_line_add(ln, cap, cap_spans, p->text + s, e - s,
				     ru->style | extra_style, ru->target);
	}
}

/* Emits para.text[start..end) as one line with the prefixes. */
static void emit_range(struct builder *b, size_t start, size_t end,
		       bool first, uint16_t extra_style)
{
	size_t cap = 0, caps = 0;
	struct line *ln = lay_line_new(b);
	ln->heading = (uint8_t)b->heading;
	ln->block_off = (uint32_t)start;
	lay_line_prefix(b, ln, &cap, &caps, first);
	lay_line_add_para(ln, &cap, &caps, &b->para, start, end, extra_style);
	lay_line_finish(b, ln);
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
	/* Eight bytes at a time while they are all ASCII. */
	while (lim - j >= 8 && text_ascii8(s + j))
		j += 8;
	while (j < lim && s[j] < 0x80)
		j++;
	size_t take = j == end ? j - i : j > i ? j - i - 1 : 0;
	return take < room ? take : room;
}

size_t lay_width(const char *s, size_t n)
{
	return text_width(s, n);
}

size_t lay_wrap_cut(const uint8_t *s, size_t pos, size_t end, const char *brk,
		    size_t cols)
{
	size_t w;
	return lay_wrap_cut_w(s, pos, end, brk, cols, &w);
}

size_t lay_wrap_cut_w(const uint8_t *s, size_t pos, size_t end,
		      const char *brk, size_t cols, size_t *width)
{
	if (cols < 1)
		cols = 1;
	size_t i = pos, w = 0, last_break = 0, wb = 0;
	while (i < end) {
		size_t take = ascii_run(s, i, end, cols - w);
		if (take > 0) {
			/* The last break opportunity among them. */
			for (size_t k = i + take; brk != NULL && k-- > i &&
						   k > pos;)
				if (brk[k] == UC_BREAK_POSSIBLE) {
					last_break = k;
					wb = w + (k - i);
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
			const uint8_t *nx = u8_grapheme_next(s + i, s + end);
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
		if (i > pos && brk != NULL && brk[i] == UC_BREAK_POSSIBLE) {
			last_break = i;
			wb = w;
		}
		if (w + cw > cols)
			break;
		w += cw;
		i = next;
	}
	*width = w;
	if (i >= end)
		return end;
	if (brk != NULL && s[i] == ' ')
		return i; /* the word before it ends at the margin */
	if (last_break > pos) {
		*width = wb;
		return last_break;
	}
	if (i > pos)
		return i;
	/* Not even one character fits: take it anyway. */
	ucs4_t c;
	int k = u8_mbtouc(&c, s + i, end - i);
	size_t next = i + (size_t)(k > 0 ? k : 1);
	*width = cluster_width(s, i, next);
	return next;
}

/* Wraps para.text[start..end) (no '\n' inside) to the text columns.
 * brk holds line break opportunities for the whole paragraph (NULL: break
 * anywhere, for code).  *first says whether the prefixes' first-line text
 * is still to be shown. */
void lay_wrap_segment(struct builder *b, size_t start, size_t end,
		      const char *brk, bool *first, uint16_t extra_style)
{
	const uint8_t *s = (const uint8_t *)b->para.text;
	bool show;
	size_t cols = lay_text_columns(b, &show);
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
		size_t cut = lay_wrap_cut(s, pos, end, brk, cols);
		emit_range(b, pos, cut, *first, extra_style);
		*first = false;
		pos = cut;
	}
}

/* Marks glossary terms in the paragraph: splits runs so that each match
 * in plain running text becomes its own run with STYLE_TERM. */
void lay_mark_terms(struct builder *b)
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
				int32_t t = lay_new_target(b, TARGET_TERM,
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
void lay_para_ascii(struct builder *b)
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
	size_t cols = lay_text_columns(b, &show);
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

char *lay_breaks(const struct para *p)
{
	char *brk = xmalloc(p->len + 1);
	u8_possible_linebreaks((const uint8_t *)p->text, p->len, "UTF-8", brk);
	return brk;
}

void lay_emit_para(struct builder *b, uint16_t extra_style)
{
	struct para *p = &b->para;
	if (p->len == 0 || p->text == NULL) {
		lay_para_reset(p);
		return;
	}
	if (!b->have_section)
		lay_add_section(b, "Introduction", 0, NULL);
	/* Line break opportunities only matter where a line is too long:
	 * a paragraph whose lines all fit is laid out without them (NULL,
	 * which would break anywhere, but nothing is broken). */
	char *brk = para_fits(b) ? NULL : lay_breaks(p);
	bool first = true;
	size_t seg = 0;
	for (;;) {
		const char *nl = memchr(p->text + seg, '\n', p->len - seg);
		size_t i = nl != NULL ? (size_t)(nl - p->text) : p->len;
		if (i > seg || i < p->len)
			lay_wrap_segment(b, seg, i, brk, &first, extra_style);
		if (nl == NULL)
			break;
		seg = i + 1;
	}
	free(brk);
	lay_para_reset(p);
}

void lay_flush_para(struct builder *b, uint16_t extra_style)
{
	struct para *p = &b->para;
	if (p->len == 0 || p->text == NULL) {
		lay_para_reset(p);
		return;
	}
	/* Targets must be numbered in reading order: terms are created
	 * here, links earlier, so sort out the order at the end (see
	 * sort_targets); here only create. */
	if (!b->have_section)
		lay_add_section(b, "Introduction", 0, NULL);
	if (b->heading == 0)
		lay_mark_terms(b);
	lay_para_ascii(b);
	lay_emit_para(b, extra_style);
}
