/*
 * layout_table: a table laid out for a terminal.
 *
 * Each cell's inline text is collected as a paragraph is (styles, links,
 * glossary terms; header cells bold), then the columns get their widths:
 *
 *   - the natural widths (each column as wide as its widest cell line)
 *     when the table fits;
 *   - else a max-min fair split of the columns left: every column gets
 *     an equal share of what is left, a column that needs less keeps its
 *     natural width and gives the rest back, so the widest columns are
 *     narrowed first and short ones keep their width; text wraps inside
 *     its cell;
 *   - when that leaves a column that must wrap narrower than
 *     TABLE_MIN_COLUMN, the table is shown as records instead: each row
 *     as "Header: value" lines, one row after another with a rule between
 *     them.
 *
 * Nothing is cut: a word longer than its column is broken across lines.
 * Rules are box-drawing characters, or + - | = in ASCII mode.
 *
 * Reading position: each row is one block (layout.h), and its lines are
 * numbered from 0 inside it, so a position kept at one width lands on
 * the same row at another, in either form.
 */
#include "layout_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <unilbrk.h>
#include <unistr.h>

#include "article.h"
#include "text.h"
#include "xmem.h"

/* A column narrower than this (when its text has to wrap) is not
 * readable: the table is shown as records. */
#define TABLE_MIN_COLUMN 12

struct cell {
	struct para p;  /* its text, terms marked, ASCII applied: text and
			   runs in the table's pools (text NULL when
			   empty); cap fields unused */
	size_t toff, roff; /* where text and runs start in the pools */
	size_t natural; /* widest line of it */
	bool lines;     /* it holds a line break ('\n') */
	char *brk;      /* owned; break opportunities, or NULL */
};

struct trow {
	struct cell *cells; /* ncols of them (extra ones empty), in
			       table.cells */
	bool header;
};

struct table {
	struct trow *rows;    /* owned; nrows */
	size_t nrows;
	size_t ncols;
	struct cell *cells;   /* owned; nrows * ncols */
	char *text;           /* owned; every cell's text, NUL after each */
	size_t ntext, cap_text;
	struct run *runs;     /* owned; every cell's runs */
	size_t nruns, cap_runs;
	struct para scratch;  /* owned; a cell's text while it is collected */
	const uint8_t *align; /* per column 'l', 'c', 'r' or 0; may be NULL */
	size_t nalign;
	size_t *width;        /* per column, the width given */
};

/* Collects the inlines of cell node n into c: in t's scratch paragraph
 * (its buffers reused from cell to cell), then into t's pools. */
static void collect_cell(struct builder *b, struct table *t, cmark_node *n,
			 bool header, struct cell *c)
{
	struct para saved = b->para;
	b->para = t->scratch;
	lay_para_reset(&b->para);
	if (header)
		b->bold++;
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *k = cmark_iter_get_node(it);
		if (k != n)
			lay_inline_node(b, k, ev);
	}
	cmark_iter_free(it);
	if (header)
		b->bold--;
	b->html_link = -1;
	b->html_hidden = false;
	b->html_bold = b->html_italic = 0;
	/* No space at either end: it would only pad the column. */
	struct para *p = &b->para;
	while (p->len > 0 && (p->text[p->len - 1] == ' ' ||
			      p->text[p->len - 1] == '\n')) {
		p->len--;
		struct run *r = &p->runs[p->nruns - 1];
		if (--r->end == r->start)
			p->nruns--;
	}
	if (p->text != NULL)
		p->text[p->len] = '\0';
	if (!header)
		lay_mark_terms(b);
	lay_para_ascii(b);
	t->scratch = b->para;
	b->para = saved;
	/* Into the pools (pointers are set once they stop moving). */
	p = &t->scratch;
	memset(&c->p, 0, sizeof c->p);
	c->toff = t->ntext;
	c->roff = t->nruns;
	c->p.len = p->len;
	c->p.nruns = p->nruns;
	if (p->len > 0) {
		xgrow(&t->text, &t->cap_text, t->ntext + p->len + 1, 1);
		memcpy(t->text + t->ntext, p->text, p->len);
		t->text[t->ntext + p->len] = '\0';
		t->ntext += p->len + 1;
	}
	if (p->nruns > 0) {
		xgrow(&t->runs, &t->cap_runs, t->nruns + p->nruns,
		      sizeof *t->runs);
		memcpy(t->runs + t->nruns, p->runs, p->nruns * sizeof *p->runs);
		t->nruns += p->nruns;
	}
	c->natural = 0;
	c->lines = false;
	c->p.text = p->text; /* for measuring; set again below */
	/* An empty cell has nothing to measure (and its text may be NULL:
	 * the scratch paragraph of a table whose first cell is empty). */
	for (size_t s = 0; c->p.len > 0 && s <= c->p.len;) {
		const char *nl = c->p.len > s ? memchr(c->p.text + s, '\n',
						       c->p.len - s)
					      : NULL;
		size_t e = nl != NULL ? (size_t)(nl - c->p.text) : c->p.len;
		c->lines |= nl != NULL;
		size_t w = lay_width(c->p.text + s, e - s);
		if (w > c->natural)
			c->natural = w;
		s = e + 1;
	}
}

static void collect(struct builder *b, cmark_node *table, struct table *t)
{
	size_t nrows = 0;
	for (cmark_node *r = cmark_node_first_child(table); r != NULL;
	     r = cmark_node_next(r)) {
		if (cmark_node_get_type(r) != CMARK_NODE_TABLE_ROW)
			continue;
		nrows++;
		size_t n = 0;
		for (cmark_node *c = cmark_node_first_child(r); c != NULL;
		     c = cmark_node_next(c))
			n++;
		if (n > t->ncols)
			t->ncols = n;
	}
	if (nrows == 0)
		return;
	size_t nc = t->ncols > 0 ? t->ncols : 1;
	if (nrows > SIZE_MAX / nc)
		xmem_fatal("out of memory");
	t->rows = xcalloc(nrows, sizeof *t->rows);
	t->cells = xcalloc(nrows * nc, sizeof *t->cells);
	for (cmark_node *r = cmark_node_first_child(table); r != NULL;
	     r = cmark_node_next(r)) {
		if (cmark_node_get_type(r) != CMARK_NODE_TABLE_ROW)
			continue;
		struct trow *row = &t->rows[t->nrows];
		row->header = cmark_gfm_extensions_get_table_row_is_header(r);
		row->cells = t->cells + t->nrows * nc;
		t->nrows++;
		size_t i = 0;
		for (cmark_node *c = cmark_node_first_child(r);
		     c != NULL && i < t->ncols; c = cmark_node_next(c))
			collect_cell(b, t, c, row->header, &row->cells[i++]);
	}
	/* The pools have their final places now. */
	for (size_t k = 0; k < t->nrows * nc; k++) {
		struct cell *c = &t->cells[k];
		c->p.text = c->p.len > 0 ? t->text + c->toff : NULL;
		c->p.runs = c->p.nruns > 0 ? t->runs + c->roff : NULL;
	}
}

static void table_free(struct table *t)
{
	if (t->cells != NULL)
		for (size_t k = 0; k < t->nrows * (t->ncols > 0 ? t->ncols : 1);
		     k++)
			free(t->cells[k].brk);
	free(t->cells);
	free(t->rows);
	free(t->text);
	free(t->runs);
	free(t->scratch.text);
	free(t->scratch.runs);
	free(t->width);
}

/* Gives the columns their widths for avail columns of text (rules
 * aside).  Returns false when the table should be shown as records. */
static bool column_widths(struct table *t, size_t avail)
{
	size_t n = t->ncols, sum = 0;
	t->width = xcalloc(n, sizeof *t->width);
	size_t *nat = xcalloc(n, sizeof *nat);
	for (size_t c = 0; c < n; c++) {
		nat[c] = 1;
		for (size_t r = 0; r < t->nrows; r++)
			if (t->rows[r].cells[c].natural > nat[c])
				nat[c] = t->rows[r].cells[c].natural;
		sum += nat[c];
	}
	size_t overhead = 3 * n + 1;
	bool ok = true;
	if (sum + overhead <= avail) {
		memcpy(t->width, nat, n * sizeof *nat);
	} else if (avail <= overhead + n) {
		ok = false;
	} else {
		/* Max-min fair: the narrowest needs first, each column an
		 * equal share of what is left at most. */
		size_t *order = xcalloc(n, sizeof *order);
		for (size_t c = 0; c < n; c++)
			order[c] = c;
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && nat[order[j]] < nat[order[j - 1]];
			     j--) {
				size_t x = order[j];
				order[j] = order[j - 1];
				order[j - 1] = x;
			}
		size_t left = avail - overhead;
		for (size_t i = 0; i < n; i++) {
			size_t c = order[i], share = left / (n - i);
			t->width[c] = nat[c] < share ? nat[c] : share;
			if (t->width[c] < 1)
				t->width[c] = 1;
			left -= t->width[c] <= left ? t->width[c] : left;
			if (t->width[c] < nat[c] && t->width[c] < TABLE_MIN_COLUMN)
				ok = false;
		}
		free(order);
	}
	free(nat);
	return ok;
}

/* Line break opportunities of a cell's text.  Most cells are short, and
 * a table has hundreds: for text of the Latin scripts, the opportunities
 * of Unicode's line breaking (UAX #14) that such text has are found
 * directly (after spaces, except before closing punctuation or after
 * opening brackets; after a hyphen between ASCII letters), at a tenth of
 * libunistring's cost.  They are libunistring's, or a subset of them.
 * Other text goes to libunistring, and so does text where the rules
 * differ between Unicode versions (a quotation mark with a space on its
 * inner side) or where a dash or an ellipsis touches a word (a break
 * that the quick path would miss). */
static bool letter(uint8_t c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Closing punctuation and the like: no break before it (UAX #14 LB13). */
static bool closing(uint8_t c)
{
	switch (c) {
	case ')': case ']': case '}': case '!': case ',': case '.':
	case ':': case ';': case '?': case '/':
		return true;
	default:
		return false;
	}
}

/* What the quick path makes of a character outside ASCII. */
enum quick {
	Q_UNKNOWN,   /* libunistring decides for the whole cell */
	Q_PLAIN,     /* breaks only after spaces before it: Latin letters
			(class AL), no-break spaces and hyphens (GL), degree
			and micro signs */
	Q_OPEN,      /* ‘ “ « ‹: not followed by a space */
	Q_CLOSE,     /* ’ ” » ›: not after a space */
	Q_DASH,      /* — (B2): with a space or the cell's edge each side */
	Q_TRAIL,     /* – … : followed by a space, the edge or Q_CLOSE */
	Q_INVERTED,  /* ¡ ¿ (OP): no break after them and their spaces */
};

static enum quick quick_kind(ucs4_t c)
{
	if (c >= 0xC0 && c <= 0x24F)
		return c == 0xD7 || c == 0xF7 ? Q_UNKNOWN : Q_PLAIN;
	switch (c) {
	case 0xA0: case 0x2011: case 0x202F: case 0xB0: case 0xB5:
		return Q_PLAIN;
	case 0x2018: case 0x201C: case 0xAB: case 0x2039:
		return Q_OPEN;
	case 0x2019: case 0x201D: case 0xBB: case 0x203A:
		return Q_CLOSE;
	case 0x2014:
		return Q_DASH;
	case 0x2013: case 0x2026:
		return Q_TRAIL;
	case 0xA1: case 0xBF:
		return Q_INVERTED;
	default:
		return Q_UNKNOWN;
	}
}

/* The character starting at byte i (in *c; 0 at the end) and its quick
 * kind; ASCII is Q_PLAIN. */
static enum quick kind_at(const uint8_t *s, size_t len, size_t i, ucs4_t *c)
{
	if (i >= len) {
		*c = 0;
		return Q_PLAIN;
	}
	if (s[i] < 0x80) {
		*c = s[i];
		return Q_PLAIN;
	}
	u8_mbtouc(c, s + i, len - i);
	return quick_kind(*c);
}

/* The same for the character that ends at byte i. */
static enum quick kind_before(const uint8_t *s, size_t len, size_t i,
			      ucs4_t *c)
{
	if (i == 0) {
		*c = 0;
		return Q_PLAIN;
	}
	size_t k = i - 1;
	while (k > 0 && (s[k] & 0xC0) == 0x80)
		k--;
	return kind_at(s, len, k, c);
}

static bool space_or_edge(const uint8_t *s, size_t len, size_t i)
{
	return i >= len || s[i] == ' ' || s[i] == '\n';
}

static bool quote(ucs4_t c, enum quick k)
{
	return k == Q_OPEN || k == Q_CLOSE || c == '"' || c == '\'';
}

/* Whether every character outside ASCII is one the quick path knows, in
 * a place where it knows its breaks. */
static bool quick_text(const uint8_t *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		/* ASCII, most text: eight bytes at a time. */
		if (len - i >= 8 && text_ascii8(s + i)) {
			i += 8;
			continue;
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t c;
		int n = u8_mbtouc(&c, s + i, len - i);
		size_t e = i + (size_t)(n > 0 ? n : 1);
		bool sp_before = i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n');
		bool sp_after = e < len && (s[e] == ' ' || s[e] == '\n');
		ucs4_t nc;
		switch (quick_kind(c)) {
		case Q_UNKNOWN:
			return false;
		case Q_OPEN:
			if (sp_after)
				return false;
			break;
		case Q_CLOSE:
			if (sp_before)
				return false;
			break;
		case Q_DASH:
			if (!space_or_edge(s, len, e) ||
			    (i > 0 && !sp_before))
				return false;
			break;
		case Q_TRAIL:
			if (!space_or_edge(s, len, e) &&
			    kind_at(s, len, e, &nc) != Q_CLOSE)
				return false;
			break;
		default:
			break;
		}
		i = e;
	}
	return true;
}

static char *cell_breaks(const struct para *p)
{
	const uint8_t *s = (const uint8_t *)p->text;
	size_t len = p->len;
	if (!quick_text(s, len))
		return lay_breaks(p);
	char *brk = xmalloc(len + 1);
	memset(brk, UC_BREAK_PROHIBITED, len + 1);
	/* After each run of spaces (found with memchr: most bytes are
	 * letters), unless before closing punctuation (LB13) or after an
	 * opening bracket (LB14), or between two em dashes (LB17). */
	for (const uint8_t *q = memchr(s, ' ', len); q != NULL;) {
		size_t a = (size_t)(q - s), i = a;
		while (i < len && s[i] == ' ')
			i++;
		ucs4_t bc, nc;
		enum quick bk = Q_PLAIN, nk = Q_PLAIN;
		if (a > 0 && s[a - 1] < 0x80)
			bc = s[a - 1];
		else
			bk = kind_before(s, len, a, &bc);
		if (i < len && s[i] < 0x80)
			nc = s[i];
		else
			nk = kind_at(s, len, i, &nc);
		bool opener = nc == '(' || nc == '[' || nc == '{' ||
			      nk == Q_INVERTED;
		if (i < len && quote(bc, bk) && opener) {
			/* A quote, spaces and an opening bracket: LB15 of
			 * Unicode before 15.1 keeps them together, later
			 * versions do not. */
			free(brk);
			return lay_breaks(p);
		}
		/* Spaces at the start of the text or of a line: no break
		 * after them (nothing to break from). */
		bool lead = a == 0 || s[a - 1] == '\n';
		if (i < len && !lead && !(nc < 0x80 && closing((uint8_t)nc)) &&
		    bc != '(' && bc != '[' && bc != '{' && bk != Q_INVERTED &&
		    !(bk == Q_DASH && nk == Q_DASH))
			brk[i] = UC_BREAK_POSSIBLE;
		q = i < len ? memchr(s + i, ' ', len - i) : NULL;
	}
	/* After a hyphen between letters. */
	for (const uint8_t *q = len > 0 ? memchr(s, '-', len) : NULL; q != NULL;) {
		size_t h = (size_t)(q - s);
		if (h >= 1 && h + 1 < len && letter(s[h - 1]) && letter(s[h + 1]))
			brk[h + 1] = UC_BREAK_POSSIBLE;
		q = h + 1 < len ? memchr(s + h + 1, '-', len - h - 1) : NULL;
	}
	/* At line breaks. */
	for (const uint8_t *q = len > 0 ? memchr(s, '\n', len) : NULL; q != NULL;) {
		size_t i = (size_t)(q - s);
		if (i >= 1)
			brk[i] = UC_BREAK_MANDATORY;
		q = i + 1 < len ? memchr(s + i + 1, '\n', len - i - 1) : NULL;
	}
	return brk;
}

/* The line pieces of cell c at width w: triples of start and end byte
 * offsets (the end before trailing spaces) and display width, in *out
 * (grown; *cap entries).  Returns the number of pieces. */
static size_t cell_pieces(struct cell *c, size_t w, size_t **out, size_t *cap)
{
	size_t n = 0;
	if (c->p.len == 0)
		return 0;
	const uint8_t *s = (const uint8_t *)c->p.text;
	if (c->natural <= w && !c->lines) {
		/* One line that fits, as the loop below would find it. */
		size_t e = c->p.len, cw = c->natural;
		while (e > 0 && s[e - 1] == ' ') {
			e--;
			cw--;
		}
		xgrow(out, cap, 3, sizeof **out);
		(*out)[0] = 0;
		(*out)[1] = e;
		(*out)[2] = cw;
		return 1;
	}
	if (c->natural > w && c->brk == NULL)
		c->brk = cell_breaks(&c->p);
	for (size_t seg = 0; seg <= c->p.len;) {
		const char *nl = seg < c->p.len
					 ? memchr(c->p.text + seg, '\n',
						  c->p.len - seg)
					 : NULL;
		size_t end = nl != NULL ? (size_t)(nl - c->p.text) : c->p.len;
		size_t pos = seg;
		do {
			if (pos > seg)
				while (pos < end && s[pos] == ' ')
					pos++;
			if (pos >= end && pos > seg)
				break;
			size_t cw = 0;
			size_t cut = pos < end ? lay_wrap_cut_w(s, pos, end,
							       c->brk, w, &cw)
					       : end;
			size_t e = cut;
			while (e > pos && s[e - 1] == ' ') {
				e--;
				cw--; /* a space is one column */
			}
			xgrow(out, cap, 3 * n + 3, sizeof **out);
			(*out)[3 * n] = pos;
			(*out)[3 * n + 1] = e;
			(*out)[3 * n + 2] = cw;
			n++;
			pos = cut;
		} while (pos < end);
		if (nl == NULL)
			break;
		seg = end + 1;
	}
	return n;
}

/* Box-drawing pieces: left, fill, middle, right, for the top, the rule
 * under the header, the rules between rows and the bottom. */
enum rule_kind { RULE_TOP, RULE_HEAD, RULE_ROW, RULE_BOTTOM };

/* The rule of kind k for t's columns (a new string, caller frees). */
static char *rule_text(const struct builder *b, const struct table *t,
		       enum rule_kind k)
{
	static const char *const uni[4][4] = {
		{"\u250c", "\u2500", "\u252c", "\u2510"},
		{"\u255e", "\u2550", "\u256a", "\u2561"},
		{"\u251c", "\u2500", "\u253c", "\u2524"},
		{"\u2514", "\u2500", "\u2534", "\u2518"},
	};
	static const char *const asc[4][4] = {
		{"+", "-", "+", "+"},
		{"+", "=", "+", "+"},
		{"+", "-", "+", "+"},
		{"+", "-", "+", "+"},
	};
	const char *const *g = b->o->ascii ? asc[k] : uni[k];
	size_t fl = strlen(g[1]), cols = 1;
	for (size_t c = 0; c < t->ncols; c++)
		cols += t->width[c] + 3;
	char *out = xmalloc(cols * 3 + 1), *o = out;
	o += sprintf(o, "%s", g[0]);
	for (size_t c = 0; c < t->ncols; c++) {
		for (size_t i = 0; i < t->width[c] + 2; i++) {
			memcpy(o, g[1], fl);
			o += fl;
		}
		o += sprintf(o, "%s", c + 1 < t->ncols ? g[2] : g[3]);
	}
	*o = '\0';
	return out;
}

/* A table line is built in a scratch line (its buffers reused from
 * line to line: a table has hundreds of lines, each of many small
 * pieces), then copied to a line of the layout at its exact size.  Its
 * width is known: the rule's width after the prefixes, which are the
 * same on every line of a grid but the first. */
struct scratch {
	struct line ln;
	size_t cap, caps;
};

static void scratch_start(struct builder *b, struct scratch *sc, bool first)
{
	sc->ln.len = 0;
	sc->ln.nspans = 0;
	if (sc->ln.text != NULL)
		sc->ln.text[0] = '\0';
	lay_line_prefix(b, &sc->ln, &sc->cap, &sc->caps, first);
}

/* The scratch line as the layout's next line, width columns wide, its
 * text and spans in the layout's pool. */
static void scratch_emit(struct builder *b, const struct scratch *sc,
			 uint32_t block, uint32_t off, uint32_t width)
{
	size_t sb = sc->ln.nspans * sizeof *sc->ln.spans;
	char *m = lay_pool_alloc(b->l, sb + sc->ln.len + 1);
	struct line *ln = lay_line_new(b);
	ln->pooled = true;
	ln->block = block;
	ln->block_off = off;
	ln->nspans = sc->ln.nspans;
	if (sb > 0) {
		ln->spans = (struct span *)(void *)m;
		memcpy(ln->spans, sc->ln.spans, sb);
	}
	ln->len = sc->ln.len;
	ln->text = m + sb;
	if (ln->len > 0)
		memcpy(ln->text, sc->ln.text, ln->len);
	ln->text[ln->len] = '\0';
	lay_line_finish_width(b, ln, width);
}

/* lay_line_add for a scratch line with room made already (sadd_room). */
static inline __attribute__((always_inline)) void
sadd(struct line *ln, const char *s, size_t n, uint16_t style, int32_t target)
{
	if (n == 0)
		return;
	memcpy(ln->text + ln->len, s, n);
	if (lay_span_extend(ln, n, style, target))
		return;
	ln->spans[ln->nspans++] = (struct span){ln->len, (uint32_t)n, style,
						 target};
	ln->len += (uint32_t)n;
}

/* n spaces (style 0, no target), as sadd. */
static inline __attribute__((always_inline)) void
sadd_spaces(struct line *ln, size_t n)
{
	if (n == 0)
		return;
	char *d = ln->text + ln->len;
	for (size_t i = 0; i < n; i++)
		d[i] = ' ';
	if (ln->nspans > 0) {
		struct span *last = &ln->spans[ln->nspans - 1];
		if (last->style == 0 && last->target == -1 &&
		    last->off + last->len == ln->len) {
			last->len += (uint32_t)n;
			ln->len += (uint32_t)n;
			return;
		}
	}
	ln->spans[ln->nspans++] = (struct span){ln->len, (uint32_t)n, 0, -1};
	ln->len += (uint32_t)n;
}

/* Room in the scratch line for text more bytes and spans more spans
 * (and the NUL). */
static void sadd_room(struct scratch *sc, size_t text, size_t spans)
{
	if (sc->ln.len + text + 1 > sc->cap)
		xgrow(&sc->ln.text, &sc->cap, sc->ln.len + text + 1, 1);
	if (sc->ln.nspans + spans > sc->caps)
		xgrow(&sc->ln.spans, &sc->caps, sc->ln.nspans + spans,
		      sizeof *sc->ln.spans);
}

/* A rule line; cols is the rule's width (known: measuring a line of
 * box characters again for each row would cost more than the row). */
static void rule_line(struct builder *b, struct scratch *sc, const char *rule,
		      size_t rl, size_t cols, bool first, uint32_t block,
		      uint32_t off)
{
	scratch_start(b, sc, first);
	uint32_t pw = (uint32_t)lay_width(sc->ln.text != NULL ? sc->ln.text : "",
					  sc->ln.len);
	lay_line_add(&sc->ln, &sc->cap, &sc->caps, rule, rl, STYLE_RULE, -1);
	scratch_emit(b, sc, block, off, pw + (uint32_t)cols);
}

/* Records where the targets in p's text[s..e) first appear, for a piece
 * of a cell that starts at display column col of the layout's next
 * line (what lay_line_finish does for other lines). */
static void piece_targets(struct builder *b, const struct para *p, size_t s,
			  size_t e, uint32_t col)
{
	for (size_t r = 0; r < p->nruns && p->runs[r].start < e; r++) {
		const struct run *ru = &p->runs[r];
		if (ru->target < 0 || ru->end <= s)
			continue;
		struct target *t = &b->l->targets[ru->target];
		if (t->line != SIZE_MAX)
			continue;
		size_t from = ru->start > s ? ru->start : s;
		t->line = b->l->nlines;
		t->col = col + (uint32_t)lay_width(p->text + s, from - s);
	}
}

/* The rows as a grid. */
static void grid(struct builder *b, struct table *t)
{
	size_t n = t->ncols;
	size_t **pieces = xcalloc(n, sizeof *pieces);
	size_t *caps_p = xcalloc(n, sizeof *caps_p);
	size_t *np = xcalloc(n, sizeof *np);
	const char *bar = b->o->ascii ? "|" : "\u2502";
	size_t barl = strlen(bar);
	/* Rules between rows only when some row takes several lines. */
	bool multi = false;
	for (size_t r = 0; r < t->nrows && !multi; r++)
		for (size_t c = 0; c < n; c++)
			if (t->rows[r].cells[c].natural > t->width[c] ||
			    memchr(t->rows[r].cells[c].p.text ? t->rows[r].cells[c].p.text : "",
				   '\n', t->rows[r].cells[c].p.len) != NULL)
				multi = true;
	char *rules[4];
	size_t rlen[4];
	for (int k = 0; k < 4; k++) {
		rules[k] = rule_text(b, t, (enum rule_kind)k);
		rlen[k] = strlen(rules[k]);
	}
	size_t rc = 1;
	for (size_t c = 0; c < n; c++)
		rc += t->width[c] + 3;
	struct scratch sc;
	memset(&sc, 0, sizeof sc);
	rule_line(b, &sc, rules[RULE_TOP], rlen[RULE_TOP], rc, true, b->block, 0);
	/* The prefixes of the lines after the first, and their width. */
	scratch_start(b, &sc, false);
	uint32_t pw = (uint32_t)lay_width(sc.ln.text != NULL ? sc.ln.text : "",
					  sc.ln.len);
	for (size_t r = 0; r < t->nrows; r++) {
		struct trow *row = &t->rows[r];
		size_t height = 1;
		for (size_t c = 0; c < n; c++) {
			np[c] = cell_pieces(&row->cells[c], t->width[c],
					    &pieces[c], &caps_p[c]);
			if (np[c] > height)
				height = np[c];
		}
		/* Bytes and runs of the row's cells: enough room for any
		 * of its lines. */
		size_t rbytes = 0, rruns = 0;
		for (size_t c = 0; c < n; c++) {
			rbytes += row->cells[c].p.len;
			rruns += row->cells[c].p.nruns;
		}
		for (size_t k = 0; k < height; k++) {
			struct line *ln = &sc.ln;
			scratch_start(b, &sc, false);
			sadd_room(&sc, rbytes + rc + barl * (n + 1),
				  rruns + 3 * n + 2);
			sadd(ln, bar, barl, STYLE_RULE, -1);
			uint32_t col = pw + 1;
			for (size_t c = 0; c < n; c++) {
				size_t s = 0, e = 0, w = 0;
				if (k < np[c]) {
					s = pieces[c][3 * k];
					e = pieces[c][3 * k + 1];
					w = pieces[c][3 * k + 2];
				}
				size_t pad = t->width[c] > w ? t->width[c] - w : 0;
				uint8_t al = c < t->nalign && t->align != NULL
						     ? t->align[c] : 0;
				size_t before = al == 'r' ? pad
						: al == 'c' ? pad / 2 : 0;
				sadd_spaces(ln, 1 + before);
				if (e > s) {
					const struct para *p = &row->cells[c].p;
					piece_targets(b, p, s, e,
						      col + 1 + (uint32_t)before);
					/* Its runs, cut to the piece. */
					for (size_t q = 0; q < p->nruns &&
							   p->runs[q].start < e;
					     q++) {
						const struct run *ru = &p->runs[q];
						size_t a = ru->start > s ? ru->start : s;
						size_t z = ru->end < e ? ru->end : e;
						if (a < z)
							sadd(ln, p->text + a, z - a,
							     ru->style, ru->target);
					}
				}
				sadd_spaces(ln, pad - before + 1);
				sadd(ln, bar, barl, STYLE_RULE, -1);
				col += (uint32_t)t->width[c] + 3;
			}
			scratch_emit(b, &sc, b->block, (uint32_t)k,
				     pw + (uint32_t)rc);
		}
		b->block++;
		if (r + 1 < t->nrows && row->header && !t->rows[r + 1].header)
			rule_line(b, &sc, rules[RULE_HEAD], rlen[RULE_HEAD], rc,
				  false, b->block - 1, UINT32_MAX);
		else if (r + 1 < t->nrows && multi)
			rule_line(b, &sc, rules[RULE_ROW], rlen[RULE_ROW], rc,
				  false, b->block - 1, UINT32_MAX);
	}
	rule_line(b, &sc, rules[RULE_BOTTOM], rlen[RULE_BOTTOM], rc, false,
		  b->block - 1, UINT32_MAX);
	free(sc.ln.text);
	free(sc.ln.spans);
	for (int k = 0; k < 4; k++)
		free(rules[k]);
	for (size_t c = 0; c < n; c++)
		free(pieces[c]);
	free(pieces);
	free(caps_p);
	free(np);
}

/* Appends p's text and runs to the collected paragraph, with extra style
 * bits. */
static void para_append(struct builder *b, const struct para *p,
			uint16_t extra)
{
	struct para *d = &b->para;
	if (p->len == 0)
		return;
	xgrow(&d->text, &d->cap, d->len + p->len + 1, 1);
	memcpy(d->text + d->len, p->text, p->len);
	for (size_t r = 0; r < p->nruns; r++) {
		xgrow(&d->runs, &d->cap_runs, d->nruns + 1, sizeof *d->runs);
		d->runs[d->nruns++] = (struct run){
			(uint32_t)(p->runs[r].start + d->len),
			(uint32_t)(p->runs[r].end + d->len),
			(uint16_t)(p->runs[r].style | extra), p->runs[r].target};
	}
	d->len += p->len;
	d->text[d->len] = '\0';
}

/* Each row as "Header: value" lines, a rule between rows. */
static void records(struct builder *b, struct table *t)
{
	const struct trow *head = t->nrows > 0 && t->rows[0].header
					  ? &t->rows[0] : NULL;
	size_t first = head != NULL && t->nrows > 1 ? 1 : 0;
	bool shown = false;
	if (first == 1)
		b->block++; /* the header row's block: not shown by itself */
	for (size_t r = first; r < t->nrows; r++) {
		struct trow *row = &t->rows[r];
		if (shown) {
			size_t cap = 0, caps = 0;
			bool show;
			size_t cols = lay_text_columns(b, &show);
			struct line *ln = lay_line_new(b);
			ln->block = b->block - 1;
			ln->block_off = UINT32_MAX;
			lay_line_prefix(b, ln, &cap, &caps, false);
			const char *g = lay_glyph_rule(b);
			for (size_t i = 0; i < cols; i++)
				lay_line_add(ln, &cap, &caps, g, strlen(g),
					     STYLE_RULE, -1);
			lay_line_finish(b, ln);
		}
		size_t from = b->l->nlines;
		for (size_t c = 0; c < t->ncols; c++) {
			const struct para *h = head != NULL && row != head
						       ? &head->cells[c].p : NULL;
			const struct para *v = &row->cells[c].p;
			if (v->len == 0)
				continue; /* no "Phone:" with nothing after it */
			lay_para_reset(&b->para);
			if (h != NULL && h->len > 0) {
				para_append(b, h, STYLE_BOLD);
				lay_para_add_str(b, ": ", STYLE_BOLD, -1);
			}
			para_append(b, v, 0);
			lay_emit_para(b, 0);
		}
		if (b->l->nlines == from) {
			/* An empty row: one empty line keeps it. */
			size_t cap = 0, caps = 0;
			struct line *ln = lay_line_new(b);
			lay_line_prefix(b, ln, &cap, &caps, false);
			lay_line_finish(b, ln);
		}
		for (size_t k = from; k < b->l->nlines; k++)
			b->l->lines[k].block_off = (uint32_t)(k - from);
		shown = true;
		b->block++;
	}
}

void lay_table(struct builder *b, cmark_node *table)
{
	struct table t;
	memset(&t, 0, sizeof t);
	/* Terms are marked once per section: the section must exist. */
	if (!b->have_section)
		lay_add_section(b, "Introduction", 0, NULL);
	collect(b, table, &t);
	if (t.nrows == 0 || t.ncols == 0) {
		table_free(&t);
		return;
	}
	t.align = cmark_gfm_extensions_get_table_alignments(table);
	t.nalign = cmark_gfm_extensions_get_table_columns(table);
	lay_block_start(b, false);
	bool show;
	size_t avail = lay_text_columns(b, &show);
	if (column_widths(&t, avail))
		grid(b, &t);
	else
		records(b, &t);
	lay_block_end(b);
	table_free(&t);
}
