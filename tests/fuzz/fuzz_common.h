/*
 * fuzz_common: helpers shared by the libFuzzer targets in tests/fuzz/.
 *
 * Each target is one .c file with LLVMFuzzerTestOneInput, linked against
 * the kiosk's modules (every src/ file except main.c) built with
 * -fsanitize=fuzzer-no-link,address,undefined.  Functions here are static
 * so each target stays a single translation unit plus this header.
 *
 * fuzz_glossary_fixed() is a small glossary in the bundled content's
 * style (aliases, plurals, a non-ASCII term), parsed once and kept for the
 * life of the process.  fuzz_check_layout() enforces the contract of
 * layout.h and aborts on the first violation with a message on stderr, so
 * libFuzzer records the input as a crash.
 */
#ifndef KIOSK_FUZZ_COMMON_H
#define KIOSK_FUZZ_COMMON_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "diag.h"
#include "glossary.h"
#include "layout.h"
#include "text.h"

static const char fuzz_glossary_text[] =
	"# Glossary\n"
	"\n"
	"## Stem cell\n"
	"Also: stem cells, progenitor\n"
	"\n"
	"A cell that can make copies of itself and turn into other kinds of "
	"cells.\n"
	"\n"
	"## Autologous\n"
	"Also: own-cell\n"
	"\n"
	"Cells that come from **your own body**. Compare with allogeneic.\n"
	"\n"
	"## Allogeneic\n"
	"\n"
	"Cells that come from another person.\n"
	"\n"
	"## MSC\n"
	"Also: mesenchymal stem cell\n"
	"\n"
	"A stem cell found in bone marrow and fat.\n"
	"\n"
	"## Fibroblast\n"
	"\n"
	"A skin cell that makes collagen.\n"
	"\n"
	"## Şişli protocol\n"
	"Also: Uzunçakmak method\n"
	"\n"
	"A made-up name with non-ASCII letters, for the matcher.\n"
	"\n"
	"## Therapy\n"
	"\n"
	"Treatment.\n";

static inline struct glossary *fuzz_glossary_fixed(void)
{
	static struct glossary *g;
	if (g == NULL) {
		struct diag_list d = {0};
		g = glossary_parse("glossary.md", fuzz_glossary_text,
				   sizeof fuzz_glossary_text - 1, &d);
		diag_list_clear(&d);
	}
	return g;
}

__attribute__((format(printf, 2, 3), noreturn)) static inline void
fuzz_fail(size_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "layout invariant broken on line %zu: ", line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

/* The contract of layout.h, checked on every line, span, target and
 * section; aborts on a violation. */
static inline void fuzz_check_layout(const struct layout *l, int width, bool ascii)
{
	if (l == NULL)
		fuzz_fail(0, "layout_build returned NULL");
	size_t w = width < 1 ? 1 : (size_t)width;
	for (size_t i = 0; i < l->nlines; i++) {
		const struct line *ln = &l->lines[i];
		if (ln->text == NULL)
			fuzz_fail(i, "text is NULL");
		if (ln->text[ln->len] != '\0')
			fuzz_fail(i, "text not NUL-terminated at len %u",
				  ln->len);
		const uint8_t *t = (const uint8_t *)ln->text;
		for (uint32_t k = 0; k < ln->len; k++) {
			if (t[k] < 0x20 || t[k] == 0x7f)
				fuzz_fail(i, "control byte 0x%02x at %u", t[k],
					  k);
			if (t[k] == 0xc2 && k + 1 < ln->len && t[k + 1] >= 0x80 &&
			    t[k + 1] <= 0x9f)
				fuzz_fail(i, "C1 control U+%04X at %u",
					  t[k + 1], k);
			if (ascii && t[k] >= 0x80)
				fuzz_fail(i, "non-ASCII byte 0x%02x at %u in "
					     "ASCII mode", t[k], k);
		}
		if (u8_check(t, ln->len) != NULL)
			fuzz_fail(i, "invalid UTF-8");
		size_t tw = text_width(ln->text, ln->len);
		if (tw > w)
			fuzz_fail(i, "width %zu > %zu: \"%s\"", tw, w, ln->text);
		if (ln->width != tw)
			fuzz_fail(i, "line.width %u != text_width %zu",
				  ln->width, tw);
		uint32_t end = 0;
		for (uint32_t s = 0; s < ln->nspans; s++) {
			const struct span *sp = &ln->spans[s];
			if (sp->off != end)
				fuzz_fail(i, "span %u starts at %u, expected "
					     "%u", s, sp->off, end);
			if (sp->len == 0)
				fuzz_fail(i, "span %u is empty", s);
			if ((uint64_t)sp->off + sp->len > ln->len)
				fuzz_fail(i, "span %u [%u,+%u) past len %u", s,
					  sp->off, sp->len, ln->len);
			if (sp->target < -1 ||
			    (sp->target >= 0 &&
			     (size_t)sp->target >= l->ntargets))
				fuzz_fail(i, "span %u target %d, ntargets %zu",
					  s, sp->target, l->ntargets);
			end = sp->off + sp->len;
		}
		if (end != ln->len)
			fuzz_fail(i, "spans cover %u of %u bytes", end, ln->len);
	}
	for (size_t i = 0; i < l->ntargets; i++)
		if (l->targets[i].line >= l->nlines)
			fuzz_fail(l->targets[i].line, "target %zu on no line",
				  i);
	for (size_t i = 0; i < l->nsections; i++)
		if (l->nlines > 0 && l->sections[i].line >= l->nlines)
			fuzz_fail(l->sections[i].line,
				  "section %zu starts past the end", i);
	for (size_t i = 0; i < l->nlines; i++)
		if (l->nsections > 0 && l->lines[i].section >= l->nsections)
			fuzz_fail(i, "section %u of %zu", l->lines[i].section,
				  l->nsections);
}

/* A byte from the front of the input, consumed; 0 when none is left. */
static inline uint8_t fuzz_take(const uint8_t **data, size_t *size)
{
	if (*size == 0)
		return 0;
	uint8_t c = **data;
	(*data)++;
	(*size)--;
	return c;
}

#endif
