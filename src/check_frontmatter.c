/*
 * check_frontmatter: the front matter part of `kiosk --check`
 * (check_frontmatter.h): dates, the review date, the title, "lang", and
 * front matter the kiosk cannot find.
 */
#include "check_frontmatter.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check_reading.h"
#include "readability.h"
#include "text.h"
#include "xmem.h"

/* Longest user text quoted in a message, in bytes. */
#define SHOW_MAX 100

static const char *S_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static bool S_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* ---- dates ---- */

static int S_days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads n digits at *s into *v and advances *s. */
static bool S_digits(const char **s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return false;
		*v = *v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return true;
}

/* "HH:MM[:SS[.fff]][Z|+HH[:MM]|-HH[:MM]]" at s, to the end. */
static bool S_time(const char *s)
{
	int h, m, sec, zh, zm;
	if (!S_digits(&s, 2, &h) || *s++ != ':' || !S_digits(&s, 2, &m) ||
	    h > 23 || m > 59)
		return false;
	if (*s == ':') {
		s++;
		if (!S_digits(&s, 2, &sec) || sec > 60)
			return false;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return false;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	if (*s == 'Z' || *s == 'z')
		return s[1] == '\0';
	if (*s == '+' || *s == '-') {
		s++;
		if (!S_digits(&s, 2, &zh) || zh > 23)
			return false;
		if (*s == ':')
			s++;
		if (*s != '\0' && (!S_digits(&s, 2, &zm) || zm > 59))
			return false;
	}
	return *s == '\0';
}

/* An ISO 8601 date "YYYY-MM-DD", optionally with a time after 'T' or a
 * space (2022-08-26T11:01:41.234Z); its day goes to y, m, d. */
static bool S_parse_date(const char *s, int *y, int *m, int *d)
{
	if (!S_digits(&s, 4, y) || *s++ != '-' || !S_digits(&s, 2, m) ||
	    *s++ != '-' || !S_digits(&s, 2, d))
		return false;
	if (*m < 1 || *m > 12 || *d < 1 || *d > S_days_in(*y, *m) || *y < 1)
		return false;
	if (*s == '\0')
		return true;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return false;
	return S_time(s + 1);
}

static int S_cmp_date(int y1, int m1, int d1, int y2, int m2, int d2)
{
	if (y1 != y2)
		return y1 < y2 ? -1 : 1;
	if (m1 != m2)
		return m1 < m2 ? -1 : 1;
	return d1 < d2 ? -1 : d1 > d2;
}

/* File line of "key:" at the start of a front matter line, and the column
 * of its value; 0 when not found. */
static int S_key_line(const struct check_fm *t, const char *key, int *col)
{
	*col = 0;
	if (!t->has_fm || t->text == NULL)
		return 0;
	size_t klen = strlen(key), pos = 0;
	int line = 1;
	while (pos < t->len && line < t->body_line) {
		const char *s = t->text + pos;
		const char *nl = memchr(s, '\n', t->len - pos);
		size_t n = nl != NULL ? (size_t)(nl - s) : t->len - pos;
		if (line > 1 && n > klen && memcmp(s, key, klen) == 0) {
			size_t i = klen;
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (i < n && s[i] == ':') {
				i++;
				while (i < n && (s[i] == ' ' || s[i] == '\t'))
					i++;
				*col = (int)i + 1;
				return line;
			}
		}
		pos += n + 1;
		line++;
	}
	return 0;
}

/* ---- front matter ---- */

static void S_check_date(struct diag_list *diags, const struct check_fm *t,
			 const char *key, const char *value)
{
	int y, m, d, col;
	if (value == NULL || S_blank(value) || S_parse_date(value, &y, &m, &d))
		return; /* a blank "reviewed" is reported as missing */
	int line = S_key_line(t, key, &col);
	char *v = text_quote(value, SHOW_MAX);
	diag_add(diags, DIAG_ERROR, t->path, line, line > 0 ? col : 0,
		 "\"%s\" is \"%s\", which is not a date the kiosk understands; "
		 "write it as year-month-day, for example %s: %04d-%02d-%02d",
		 key, v, key, t->year, t->month, t->day);
	free(v);
}

static void S_check_review(struct diag_list *diags, const struct check_fm *t)
{
	const char *r = t->fm->reviewed;
	int y, m, d, col;
	if (r == NULL || S_blank(r)) {
		if (t->plain) /* plain text cannot have one */
			return;
		if (t->fenced && (!t->has_fm || !t->fm_ok))
			return; /* the front matter's errors come first */
		if (t->has_fm)
			diag_add(diags, DIAG_WARNING, t->path, 1, 0,
				 "no \"reviewed\" date; after checking the "
				 "article, add \"reviewed: %04d-%02d-%02d\" to "
				 "the front matter",
				 t->year, t->month, t->day);
		else
			diag_add(diags, DIAG_WARNING, t->path, 0, 0,
				 "no \"reviewed\" date; after checking the "
				 "article, add front matter at the top: a "
				 "line \"---\", a line \"reviewed: "
				 "%04d-%02d-%02d\", a line \"---\"",
				 t->year, t->month, t->day);
		return;
	}
	if (!S_parse_date(r, &y, &m, &d))
		return; /* reported by S_check_date */
	int line = S_key_line(t, "reviewed", &col);
	if (line == 0)
		col = 0;
	if (S_cmp_date(y, m, d, t->year, t->month, t->day) > 0) {
		diag_add(diags, DIAG_WARNING, t->path, line, col,
			 "reviewed on %04d-%02d-%02d, which is after today; "
			 "write the day the article was checked",
			 y, m, d);
		return;
	}
	int n = t->review_months;
	if (n <= 0)
		return;
	long months = (long)y * 12 + (m - 1) + n;
	int ly = (int)(months / 12), lm = (int)(months % 12) + 1;
	int ld = d > S_days_in(ly, lm) ? S_days_in(ly, lm) : d;
	if (S_cmp_date(t->year, t->month, t->day, ly, lm, ld) > 0)
		diag_add(diags, DIAG_WARNING, t->path, line, col,
			 "reviewed on %04d-%02d-%02d, more than %d %s ago; "
			 "please review it and update the date",
			 y, m, d, n, S_plural((size_t)n, "month", "months"));
}

void check_frontmatter(const struct check_fm *t, struct diag_list *diags)
{
	const struct frontmatter *fm = t->fm;
	int line;
	if (!t->fenced && t->text != NULL &&
	    (line = frontmatter_lookalike(t->text, t->len, t->plain)) > 0)
		diag_add(diags, DIAG_ERROR, t->path, line, 1,
			 "this looks like front matter, but the kiosk cannot "
			 "find its fences, so patients see it as text: put a "
			 "line of three hyphens \"---\" (nothing else on it) "
			 "before the first \"key: value\" line and another "
			 "after the last one");
	if (t->has_fm && t->fm_ok && (fm->title == NULL || S_blank(fm->title)))
		diag_add(diags, DIAG_ERROR, t->path, 1, 0,
			 "the front matter has no title; add a line such as "
			 "\"title: Caring for your skin\" below the first "
			 "\"---\"");
	if (fm->lang != NULL && fm->lang[0] != '\0' &&
	    readability_formula(fm->lang) == NULL) {
		const char *code = check_reading_lang_code(fm->lang);
		int col, kl = S_key_line(t, "lang", &col);
		char *v = text_quote(fm->lang, SHOW_MAX);
		if (code != NULL)
			diag_add(diags, DIAG_WARNING, t->path, kl,
				 kl > 0 ? col : 0,
				 "\"lang\" is \"%s\", a language's name; write "
				 "its two-letter code: lang: %s",
				 v, code);
		free(v);
	}
	S_check_date(diags, t, "date", fm->date);
	S_check_date(diags, t, "reviewed", fm->reviewed);
	S_check_review(diags, t);
}

