/*
 * search_bench: the search index timed in process, without a terminal.
 *
 *   build/search_bench CONTENT [QUERY...]
 *
 * Loads the library in CONTENT, builds the search index (timed, with the
 * growth of the peak RSS and the memory the index keeps), then types
 * each QUERY one letter at a time as the search screen does: search_run
 * with its 200 kept hits after every letter, and search_hit_text for the
 * 10 results an 80x24 screen shows; it prints the time of each letter.
 * Default queries: a glossary word of the generated libraries and a word
 * found nowhere.
 * Built by `make bench`; bench/run.py measures the same through the pty.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "library.h"
#include "search.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* VmHWM of this process in KiB, or -1. */
static long hwm_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (f == NULL)
		return -1;
	char line[256];
	long v = -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			v = strtol(line + 6, NULL, 10);
	fclose(f);
	return v;
}

static void type_query(const struct search_index *ix, const char *q)
{
	size_t n = strlen(q);
	char *typed = malloc(n + 1);
	if (typed == NULL)
		exit(1);
	double worst = 0, sum = 0;
	printf("query \"%s\"\n", q);
	for (size_t i = 1; i <= n; i++) {
		memcpy(typed, q, i);
		typed[i] = '\0';
		struct search_hit *hits;
		size_t nh;
		double t = now_ms();
		size_t total = search_run(ix, typed, &hits, &nh, 200);
		/* The texts of the results on an 80x24 screen. */
		for (size_t k = 0; k < nh && k < 10; k++)
			search_hit_text(ix, &hits[k]);
		t = now_ms() - t;
		search_hits_free(hits, nh);
		printf("  %-20s %8.3f ms  %7zu hits\n", typed, t, total);
		sum += t;
		if (t > worst)
			worst = t;
	}
	printf("  mean %.3f ms, worst %.3f ms\n", sum / (double)n, worst);
	free(typed);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: search_bench CONTENT [QUERY...]\n");
		return 2;
	}
	struct diag_list d = {0};
	double t = now_ms();
	struct library *lib = library_load(argv[1], NULL, &d);
	diag_list_clear(&d);
	if (lib == NULL) {
		fprintf(stderr, "search_bench: cannot load %s\n", argv[1]);
		return 1;
	}
	long h0 = hwm_kib();
	printf("library: %zu articles, loaded in %.1f ms, VmHWM %ld KiB\n",
	       lib->narticles, now_ms() - t, h0);
	size_t m0 = mallinfo2().uordblks;
	t = now_ms();
	struct search_index *ix = search_build(lib);
	t = now_ms() - t;
	long h1 = hwm_kib();
	size_t m1 = mallinfo2().uordblks;
	printf("index built in %.1f ms, VmHWM %ld KiB (+%ld KiB)\n", t, h1,
	       h1 - h0);
	printf("index holds %zu KiB (malloc in use)\n",
	       m1 > m0 ? (m1 - m0) / 1024 : 0);
	static const char *const defaults[] = {"chondroblast", "xylophone"};
	if (argc > 2)
		for (int i = 2; i < argc; i++)
			type_query(ix, argv[i]);
	else
		for (size_t i = 0; i < 2; i++)
			type_query(ix, defaults[i]);
	printf("VmHWM after searching %ld KiB\n", hwm_kib());
	search_free(ix);
	library_free(lib);
	return 0;
}
