/*
 * readability_formulas: the formula of each language (readability.h):
 * its syllable counter, its score and the bands of an ease score.
 *
 * Data: one static table of formulas, looked up by the language's
 * primary subtag ("tr" of "tr-TR"); one table of bands per ease formula,
 * from the easiest down.
 */
#include "readability.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

/* A band of an ease scale: scores of at least min, read up to school
 * grade grade_hi (as the formula's authors place them). */
struct band {
	double min;
	const char *words; /* "easy, 70-89" */
	int grade_hi;
};

/* Ateşman (1997): 4th grade and below, 5-6, 7-8, 9-10, university. */
static const struct band S_atesman[] = {
	{90, "very easy, 90-100", 4},   {70, "easy, 70-89", 6},
	{50, "medium, 50-69", 8},       {30, "hard, 30-49", 10},
	{-1e9, "very hard, below 30", 99},
};

/* INFLESZ (Barrio-Cantalejo 2008): primary school, primary, secondary
 * (ESO, ages 12-16), upper secondary, university. */
static const struct band S_inflesz[] = {
	{80, "very easy, 80-100", 4},     {65, "quite easy, 65-80", 6},
	{55, "normal, 55-65", 10},        {40, "somewhat hard, 40-55", 12},
	{-1e9, "very hard, below 40", 99},
};

/* Code points of w[0..len), lower-cased for the ASCII ones, one at a
 * time: returns the next at *i (advancing it), or 0 at the end. */
static ucs4_t S_next_cp(const char *w, size_t len, size_t *i)
{
	ucs4_t c;
	if (*i >= len)
		return 0;
	int k = u8_mbtouc(&c, (const uint8_t *)w + *i, len - *i);
	*i += k > 0 ? (size_t)k : 1;
	return c < 0x80 ? (ucs4_t)tolower((int)c) : c;
}

/* True when w has a letter or digit (any script). */
static bool S_has_word_char(const char *w, size_t len)
{
	size_t i = 0;
	ucs4_t c;
	while ((c = S_next_cp(w, len, &i)) != 0)
		if (uc_is_alnum(c))
			return true;
	return false;
}

size_t readability_syllables_tr(const char *w, size_t len)
{
	static const ucs4_t vowels[] = {
		'a',    'e',    'i',    'o',    'u',    0x0131 /* ı */,
		0x0130 /* İ */, 0x00F6 /* ö */, 0x00D6 /* Ö */, 0x00FC /* ü */,
		0x00DC /* Ü */, 0x00E2 /* â */, 0x00C2 /* Â */, 0x00EE /* î */,
		0x00CE /* Î */, 0x00FB /* û */, 0x00DB /* Û */,
	};
	size_t i = 0, n = 0;
	ucs4_t c;
	if (!S_has_word_char(w, len))
		return 0;
	while ((c = S_next_cp(w, len, &i)) != 0)
		for (size_t k = 0; k < sizeof vowels / sizeof *vowels; k++)
			if (c == vowels[k]) {
				n++;
				break;
			}
	return n > 0 ? n : 1; /* "TBMM", "2026": one */
}

/* Spanish vowel classes. */
enum es_kind { ES_NONE, ES_WEAK, ES_STRONG };

static enum es_kind S_es_kind(ucs4_t c)
{
	switch (c) {
	case 'a': case 'e': case 'o':
	case 0x00E1: case 0x00E9: case 0x00F3: /* á é ó */
	case 0x00C1: case 0x00C9: case 0x00D3:
	case 0x00ED: case 0x00FA: /* í ú: accented, they stand alone */
	case 0x00CD: case 0x00DA:
		return ES_STRONG;
	case 'i': case 'u': case 0x00FC: case 0x00DC: /* ü */
		return ES_WEAK;
	default:
		return ES_NONE;
	}
}

size_t readability_syllables_es(const char *w, size_t len)
{
	size_t i = 0, n = 0;
	enum es_kind prev = ES_NONE;
	ucs4_t c;
	if (!S_has_word_char(w, len))
		return 0;
	while ((c = S_next_cp(w, len, &i)) != 0) {
		enum es_kind k = S_es_kind(c);
		if (c == 'y') {
			/* a vowel at the end ("hoy", "muy") or alone ("y") */
			size_t j = i;
			ucs4_t next = S_next_cp(w, len, &j);
			k = next == 0 || !uc_is_alpha(next) ? ES_WEAK : ES_NONE;
		}
		if (k != ES_NONE &&
		    (prev == ES_NONE || (k == ES_STRONG && prev == ES_STRONG)))
			n++; /* a new group, or a hiatus "le-er", "dí-a" */
		prev = k;
	}
	return n > 0 ? n : 1;
}

static double S_fk(const struct readability_counts *c)
{
	return readability_grade(c);
}

static double S_wps(const struct readability_counts *c)
{
	return (double)c->words /
	       (c->sentences > 0 ? (double)c->sentences : 1.0);
}

static double S_atesman_score(const struct readability_counts *c)
{
	return 198.825 - 40.175 * ((double)c->syllables / (double)c->words) -
	       2.610 * S_wps(c);
}

static double S_szigriszt_score(const struct readability_counts *c)
{
	return 206.835 - 62.3 * ((double)c->syllables / (double)c->words) -
	       S_wps(c);
}

static const struct readability_formula S_formulas[] = {
	{"en", "Flesch-Kincaid", READABILITY_GRADE,
	 readability_syllables, S_fk},
	{"tr", "Ate\xC5\x9Fman", READABILITY_EASE,
	 readability_syllables_tr, S_atesman_score},
	{"es", "Szigriszt-Pazos", READABILITY_EASE,
	 readability_syllables_es, S_szigriszt_score},
};

const struct readability_formula *readability_formula(const char *lang)
{
	size_t n = 0;
	if (lang == NULL)
		return NULL;
	while (isalpha((unsigned char)lang[n]))
		n++;
	if (n < 2 || n > 3 || (lang[n] != '\0' && lang[n] != '-' &&
			       lang[n] != '_'))
		return NULL;
	for (size_t i = 0; i < sizeof S_formulas / sizeof *S_formulas; i++)
		if (strlen(S_formulas[i].lang) == n &&
		    strncasecmp(S_formulas[i].lang, lang, n) == 0)
			return &S_formulas[i];
	return NULL;
}

/* The bands of an ease formula, easiest first, in *n. */
static const struct band *S_bands(const struct readability_formula *f,
				  size_t *n)
{
	if (f->score == S_atesman_score) {
		*n = sizeof S_atesman / sizeof *S_atesman;
		return S_atesman;
	}
	*n = sizeof S_inflesz / sizeof *S_inflesz;
	return S_inflesz;
}

const char *readability_band(const struct readability_formula *f,
			     double score)
{
	size_t n;
	if (f->scale != READABILITY_EASE)
		return NULL;
	const struct band *b = S_bands(f, &n);
	for (size_t i = 0; i < n; i++)
		if (score >= b[i].min)
			return b[i].words;
	return b[n - 1].words;
}

double readability_target(const struct readability_formula *f, double grade)
{
	size_t n;
	if (f->scale == READABILITY_GRADE)
		return grade;
	const struct band *b = S_bands(f, &n);
	for (size_t i = 0; i < n; i++)
		if (grade <= b[i].grade_hi)
			return b[i].min;
	return b[n - 1].min;
}

/* x with one decimal, as printed. */
static double S_round1(double x)
{
	long tenths = (long)(x * 10.0 + (x >= 0 ? 0.5 : -0.5));
	return (double)tenths / 10.0;
}

int readability_too_hard(const struct readability_formula *f, double score,
			 double target)
{
	double s = S_round1(score);
	return f->scale == READABILITY_GRADE ? s > target : s < target;
}
