/* log: see log.h. */
#include "log.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "text.h"
#include "xmem.h"

#define KEEP 200

static FILE *out;         /* where lines go now, or NULL: keep them */
static bool own_file;     /* out was opened here */
static char *kept[KEEP];  /* ring of lines kept back */
static size_t nkept, first;

int log_open(const char *path)
{
	int rc = 0;
	if (path != NULL && path[0] != '\0') {
		FILE *f = fopen(path, "ae");
		if (f != NULL) {
			setvbuf(f, NULL, _IOLBF, 0);
			out = f;
			own_file = true;
			return 0;
		}
		rc = -1;
	}
	out = isatty(STDERR_FILENO) ? NULL : stderr;
	return rc;
}

void log_close(void)
{
	if (own_file && out != NULL)
		fclose(out);
	out = NULL;
	own_file = false;
	/* Lines still kept are dropped. */
	for (size_t i = 0; i < nkept; i++)
		free(kept[(first + i) % KEEP]);
	nkept = first = 0;
}

/* Writes one line; outside text in it (file names, TERM, causes) is
 * made safe as on the screen, on one line, so it cannot forge a line or
 * reach a terminal raw. */
static void emit(const char *raw)
{
	char *line = text_one_line(raw, strlen(raw), NULL);
	char stamp[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (out != NULL) {
		fprintf(out, "%s %s\n", stamp, line);
		fflush(out);
		free(line);
		return;
	}
	char *l = xasprintf("%s %s", stamp, line);
	free(line);
	if (nkept == KEEP) {
		free(kept[first]);
		kept[first] = l;
		first = (first + 1) % KEEP;
	} else {
		kept[(first + nkept++) % KEEP] = l;
	}
}

void log_event(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	emit(buf);
}

void log_diags(const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		char *s = diag_format(&l->items[i]);
		emit(s);
		free(s);
	}
}

void log_flush_kept(void)
{
	for (size_t i = 0; i < nkept; i++) {
		char *l = kept[(first + i) % KEEP];
		fprintf(stderr, "%s\n", l);
		free(l);
	}
	nkept = first = 0;
}
