/*
 * fuzz_app: the whole program, headless.  Each input starts the real
 * kiosk loop (term_start, app_init, app_run, term_stop, app_free: the
 * calls main.c makes) on a pseudo-terminal whose slave side is the
 * program's stdin and stdout, on a content folder written for the input,
 * and plays the input as what a person, a network and the clock do:
 *
 *   byte 0    flags: bits 0-1 mode (0 normal, 1 waiting room, 2 remote
 *             session, 3 remote waiting room), bit 2 ASCII locale, bit 3
 *             TERM=linux, bits 4-5 theme, bit 6 a staff PIN is set, bit 7
 *             an article of the input's own follows
 *   byte 1    the first window size (bits 0-2, an index into sizes[]);
 *             bit 3: with the ASCII locale, half blocks can be drawn
 *   (bit 7)   bytes 2-3 length N (at most 4096), then N bytes: the text of
 *             articles/99-input/input.md
 *   rest      events, one after the other:
 *     0x80 k  a named key (keys[k % n]: arrows, Page Up/Down, Home/End in
 *             their terminal spellings, Tab, Shift-Tab, Enter, Esc, F1, ...)
 *     0x81 c r  a resize to 1 + c % 220 columns, 1 + r % 80 rows (TIOCSWINSZ
 *             and SIGWINCH, as a terminal does)
 *     0x82 s  the clock moves s seconds (idle reset, countdown, attract
 *             screen, session limits, reload debounce)
 *     0x83 x y  a click (SGR mouse report, press and release)
 *     0x84 b  the mouse wheel (up when b is even)
 *     0x85 a b c  an X10 mouse report with those bytes
 *     0x86 k  the content changes (an article rewritten, removed, added,
 *             the glossary broken or restored): the real inotify watch
 *             sees it and the kiosk reloads
 *     0x87 k  a non-ASCII character typed (UTF-8)
 *     other   the byte itself, typed
 *
 * poll, clock_gettime and napms are wrapped at link time (-Wl,--wrap): the
 * loop's poll plays the next event (the clock moves without waiting), and
 * once the events are over it reports a hangup, which ends the loop as a
 * closed terminal does.  No code of the kiosk changes for this.  What the
 * program writes is read from the master side by a thread and dropped.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <sanitizer/lsan_interface.h>

#include "app.h"
#include "config.h"
#include "draw.h"
#include "library.h"
#include "pin.h"
#include "term.h"
#include "theme.h"
#include "xmem.h"

int __real_poll(struct pollfd *fds, nfds_t n, int timeout);
int __wrap_poll(struct pollfd *fds, nfds_t n, int timeout);
int __real_clock_gettime(clockid_t clk, struct timespec *ts);
int __wrap_clock_gettime(clockid_t clk, struct timespec *ts);
int __wrap_napms(int ms);

/* The input being played. */
static struct {
	bool active;          /* inside app_run */
	const uint8_t *ev;    /* events */
	size_t len, pos;
	double offset;        /* seconds added to CLOCK_MONOTONIC */
	int master;           /* the pty's master side */
	char dir[256];        /* the content folder */
	unsigned steps;       /* events played */
	unsigned tail;        /* polls since the events ended */
} fz;

static char base[128];
static char *pin_line;

int __wrap_clock_gettime(clockid_t clk, struct timespec *ts)
{
	int r = __real_clock_gettime(clk, ts);
	if (r == 0 && clk == CLOCK_MONOTONIC && fz.offset > 0) {
		double s = (double)ts->tv_sec + (double)ts->tv_nsec / 1e9 +
			   fz.offset;
		ts->tv_sec = (time_t)s;
		ts->tv_nsec = (long)((s - (double)ts->tv_sec) * 1e9);
	}
	return r;
}

/* "Session ended" waits 2.5 s before the exit: time that passes. */
int __wrap_napms(int ms)
{
	fz.offset += ms / 1000.0;
	return OK;
}

/* Ctrl-S outside the waiting room stops the terminal's output by design
 * (IXON, as Scroll Lock does) until Ctrl-Q: every write would block and
 * the input would hang.  There it is typed as Ctrl-L instead; what
 * stopped output does to a session is tested end to end (test_outside:
 * the session limits and the waiting room's resume). */
static bool xon_xoff;

static void put(const char *s, size_t n)
{
	char buf[64];
	if (xon_xoff && memchr(s, 0x13, n) != NULL) {
		while (n > 0) {
			size_t k = n < sizeof buf ? n : sizeof buf;
			for (size_t i = 0; i < k; i++)
				buf[i] = s[i] == 0x13 ? 0x0c : s[i];
			xon_xoff = false;
			put(buf, k);
			xon_xoff = true;
			s += k;
			n -= k;
		}
		return;
	}
	while (n > 0) {
		ssize_t w = write(fz.master, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the input queue is full: the rest is lost */
		s += w;
		n -= (size_t)w;
	}
}

static void puts_(const char *s) { put(s, strlen(s)); }

static const char *const keys[] = {
	"\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D",     /* arrows */
	"\x1bOA", "\x1bOB", "\x1bOC", "\x1bOD",     /* arrows, application */
	"\x1b[5~", "\x1b[6~",                       /* Page Up, Page Down */
	"\x1b[H", "\x1b[F", "\x1bOH", "\x1bOF",     /* Home, End */
	"\x1b[1~", "\x1b[4~", "\x1b[7~", "\x1b[8~", /* Home, End: rxvt, linux */
	"\t", "\x1b[Z", "\r", "\n", "\x1b",         /* Tab, Shift-Tab, Enter, Esc */
	"\x1bOP", "\x1b[[A", "\x1b[11~",            /* F1 */
	"\x7f", "\x08", "\x1b[3~", "\x1b[2~",       /* Backspace, Delete, Insert */
	" ", "/", "w", "u", "s", "]", "[", "n", "N", "q", "?",
	"\x18\x05",                                 /* the staff chord */
	"246813\r", "000000\r",                     /* PINs */
	"\x1b[1;5A", "\x1b[1;2B",                   /* with Ctrl, Shift */
};

static const char *const chars[] = {"ş", "İ", "ı", "é", "ü", "ß", "中",
				    "\xcc\x81", "\xe2\x80\xae", "\xef\xbf\xbd"};

/* Files of the content folder, in the shapes real clinics write. */
static const char toc_md[] =
	"---\ntitle: What are stem cells?\ndescription: A first look\n"
	"order: 1\nurl: https://clinic.example/stem\n---\n\n"
	"# What are stem cells?\n\n"
	"On this page:\n\n"
	"- [What they are](#what-they-are)\n"
	"- [The risks](#what-are-the-risks)\n"
	"- [İğne nasıl yapılır?](#igne-nasil-yapilir)\n"
	"- [Healing](../02-care/deep.md#how-healing-works)\n"
	"- [Missing](#no-such-heading) and [gone](nowhere.md#x)\n\n"
	"## What they are\n\nA stem cell can copy itself. Autologous cells "
	"come from you. See the [clinic](https://clinic.example).\n\n"
	"## What are the risks?\n\nSome treatments are not tested. Ask about "
	"the MSC source and the fibroblast count.\n\n"
	"## İğne nasıl yapılır?\n\nThe stem cell shot is given in the arm.\n";

static const char table_md[] =
	"# Doses and tables\n\n"
	"| Treatment | Visits | Notes |\n|---|:-:|--:|\n"
	"| Stem cell | 3 | see [risks](toc.md#what-are-the-risks) |\n"
	"| Fibroblast | 12 | **long** *course* `code` |\n"
	"| Şişli protocol | 1 | <b>bold</b> |\n\n"
	"<details><summary>More</summary>\n\nHidden <br> text\n</details>\n\n"
	"<script>alert(1)</script>\n\n<div align=center>centred</div>\n\n"
	"![a picture of a cell](cell.png)\n\n"
	"Footnote[^1].\n\n[^1]: The note.\n";

static const char deep_md[] =
	"# Care after treatment\n\n"
	"- one\n  - two\n    - three\n      - four\n        - five\n"
	"          - six\n            - seven\n              - eight\n"
	"                - nine with a stem cell term\n\n"
	"1. first\n2. second\n   > a quote\n   > > in a quote\n\n"
	"## How healing works\n\n```\ncode block\n```\n\n"
	"> **Note:** Autologous MSC treatments.\n";

static const char plain_txt[] =
	"Looking after your wound\n\nKeep it dry for two days. Call us if "
	"it gets red.\n\nWhen to call\n\nFever over 38 C. Bleeding that does "
	"not stop.\n";

static const char glossary_md[] =
	"# Glossary\n\n## Stem cell\nAlso: stem cells\n\n"
	"A cell that can turn into other cells. Compare with "
	"[MSC](#msc).\n\n"
	"## Autologous\n\nFrom your own body; a stem cell of your own.\n\n"
	"## MSC\nAlso: mesenchymal stem cell\n\nA stem cell from fat or "
	"bone marrow, see [the page](articles/01-basics/toc.md).\n\n"
	"## Fibroblast\n\nA skin cell that makes collagen.\n\n"
	"## Şişli protocol\n\nAn example term with non-ASCII letters.\n";

static void write_file(const char *rel, const char *text, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", fz.dir, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	/* make the folders */
	for (char *p = path + strlen(fz.dir) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
	mkdir(path, 0700);
	*slash = '/';
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	(void)!write(fd, text, len);
	close(fd);
}

static void write_str(const char *rel, const char *text)
{
	write_file(rel, text, strlen(text));
}

static void long_page(void)
{
	size_t cap = 40000, n = 0;
	char *s = xmalloc(cap);
	n += (size_t)snprintf(s + n, cap - n, "# A long page\n\n");
	for (int i = 0; n + 400 < cap; i++)
		n += (size_t)snprintf(
			s + n, cap - n,
			"%s## Part %d\n\nParagraph %d about the stem cell and "
			"fibroblast work, with enough words to wrap on a narrow "
			"screen and a [link](toc.md#what-they-are).\n\n",
			i % 7 == 0 ? "" : "", i, i);
	write_file("articles/03-long/long.md", s, n);
	free(s);
}

static void build_content(const uint8_t *article, size_t alen)
{
	snprintf(fz.dir, sizeof fz.dir, "%s/c", base);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fz.dir);
	if (system(cmd) != 0)
		abort();
	mkdir(fz.dir, 0700);
	write_str("glossary.md", glossary_md);
	write_str("articles/01-basics/toc.md", toc_md);
	write_str("articles/01-basics/table.md", table_md);
	write_str("articles/02-care/deep.md", deep_md);
	write_str("articles/02-care/plain.txt", plain_txt);
	long_page();
	if (article != NULL)
		write_file("articles/99-input/input.md", (const char *)article,
			   alen);
}

/* 0x86: the content changes under the running kiosk. */
static void change_content(uint8_t k)
{
	char path[512];
	switch (k % 8) {
	case 0:
		write_str("articles/01-basics/toc.md", table_md);
		break;
	case 1:
		snprintf(path, sizeof path, "%s/articles/01-basics/toc.md",
			 fz.dir);
		unlink(path);
		break;
	case 2:
		write_str("articles/04-new/new.md", "# New page\n\nFresh.\n");
		break;
	case 3:
		write_str("glossary.md", "## \n\n## Stem cell\n\n## Stem cell\n");
		break;
	case 4:
		write_str("glossary.md", glossary_md);
		break;
	case 5:
		write_str("articles/02-care/deep.md", "---\ntitle: [broken\n---\n");
		break;
	case 6:
		write_str("articles/01-basics/toc.md", toc_md);
		break;
	default:
		write_str("articles/02-care/bin.md", "\x00\xff\xfe binary");
		break;
	}
}

static void resize_to(int cols, int rows)
{
	struct winsize ws = {.ws_row = (unsigned short)rows,
			     .ws_col = (unsigned short)cols};
	ioctl(fz.master, TIOCSWINSZ, &ws);
	raise(SIGWINCH);
}

enum step { STEP_INPUT, STEP_TIME };

/* Plays the next event; whether it was input (or a resize or a change)
 * or only time passing. */
static enum step step(void)
{
	const uint8_t *e = fz.ev;
	size_t left = fz.len - fz.pos;
	uint8_t op = e[fz.pos++];
	uint8_t a = left > 1 ? e[fz.pos] : 0, b = left > 2 ? e[fz.pos + 1] : 0;
	char buf[64];
	fz.steps++;
	switch (op) {
	case 0x80:
		fz.pos += left > 1;
		puts_(keys[a % (sizeof keys / sizeof keys[0])]);
		return STEP_INPUT;
	case 0x81:
		fz.pos += (left > 1) + (left > 2);
		resize_to(1 + a % 220, 1 + b % 80);
		return STEP_INPUT;
	case 0x82:
		fz.pos += left > 1;
		fz.offset += a;
		return STEP_TIME;
	case 0x83:
		fz.pos += (left > 1) + (left > 2);
		snprintf(buf, sizeof buf, "\x1b[<0;%d;%dM\x1b[<0;%d;%dm", a % 230 + 1,
			 b % 90 + 1, a % 230 + 1, b % 90 + 1);
		puts_(buf);
		return STEP_INPUT;
	case 0x84:
		fz.pos += left > 1;
		puts_(a % 2 == 0 ? "\x1b[<64;5;5M" : "\x1b[<65;5;5M");
		return STEP_INPUT;
	case 0x85: {
		size_t n = left - 1 < 3 ? left - 1 : 3;
		puts_("\x1b[M");
		put((const char *)e + fz.pos, n);
		fz.pos += n;
		return STEP_INPUT;
	}
	case 0x86:
		fz.pos += left > 1;
		change_content(a);
		return STEP_INPUT;
	case 0x87:
		fz.pos += left > 1;
		puts_(chars[a % (sizeof chars / sizeof chars[0])]);
		return STEP_INPUT;
	default: {
		/* A run of plain bytes is typed at once, as a paste. */
		size_t n = 1;
		while (fz.pos < fz.len && n < 32 && (e[fz.pos] < 0x80 ||
						     e[fz.pos] > 0x87)) {
			fz.pos++;
			n++;
		}
		put((const char *)e + fz.pos - n, n);
		return STEP_INPUT;
	}
	}
}

int __wrap_poll(struct pollfd *fds, nfds_t n, int timeout)
{
	/* term_lost and other checks that do not wait pass through. */
	if (!fz.active || timeout == 0)
		return __real_poll(fds, n, timeout);
	if (fz.pos >= fz.len) {
		/* The events are over.  Keys still in the terminal's input
		 * queue are read first (a loaded machine moves them through
		 * the pty late); then the terminal hangs up. */
		int queued = 0;
		if (fz.tail++ < 64 &&
		    (ioctl(STDIN_FILENO, FIONREAD, &queued) != 0 || queued > 0)) {
			int r = __real_poll(fds, n, 15);
			if (r != 0)
				return r;
		}
		for (nfds_t i = 0; i < n; i++)
			fds[i].revents = fds[i].fd == STDIN_FILENO ? POLLHUP : 0;
		return 1;
	}
	if (step() == STEP_TIME) {
		for (nfds_t i = 0; i < n; i++)
			fds[i].revents = 0;
		return 0; /* a timed event may be due */
	}
	/* Let what was written reach the slave side. */
	int r = __real_poll(fds, n, 30);
	if (r == 0)
		fz.offset += 0.03;
	return r;
}

/* Reads and drops the program's output until the slave side closes. */
static void *drain(void *arg)
{
	int fd = *(int *)arg;
	char buf[65536];
	for (;;) {
		ssize_t r = read(fd, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return NULL;
	}
}

/* Closes slave and every other descriptor of the same terminal (ncurses
 * opens it once more for TERM=linux, to look for a GPM mouse, and
 * delscreen leaves that open), so the reader sees the hangup. */
static void close_slave(int slave)
{
	struct stat ss;
	if (fstat(slave, &ss) != 0)
		abort();
	for (int fd = 3; fd < 1024; fd++) {
		struct stat st;
		if (fd != slave && fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) &&
		    st.st_rdev == ss.st_rdev)
			close(fd);
	}
	close(slave);
}

static const struct { int cols, rows; } sizes[] = {
	{80, 24}, {40, 10}, {1, 1}, {120, 40}, {200, 60}, {39, 9}, {100, 30},
	{20, 5}};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(base, sizeof base, "/tmp/fuzz-app-%ld", (long)getpid());
	mkdir(base, 0700);
	setenv("LANG", "C.UTF-8", 1);
	setlocale(LC_CTYPE, "C.UTF-8");
	unsetenv("LINES");
	unsetenv("COLUMNS");
	unsetenv("NO_COLOR");
	/* term's handlers for SIGWINCH, SIGTERM, ...; the sanitizers keep
	 * theirs for the fatal signals, so their reports are not lost. */
	int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	struct sigaction saved[5];
	for (int i = 0; i < 5; i++)
		sigaction(fatal[i], NULL, &saved[i]);
	term_install_signals(false);
	for (int i = 0; i < 5; i++)
		sigaction(fatal[i], &saved[i], NULL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	char *h = pin_hash("246813");
	pin_line = h != NULL ? h : xstrdup("");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	/* Nothing of one input may end the next one before it starts. */
	if (term_should_quit() != 0) {
		fprintf(stderr, "fuzz_app: quit signal %d left over\n",
			term_should_quit());
		abort();
	}
	uint8_t flags = data[0];
	size_t pos = 2;
	const uint8_t *article = NULL;
	size_t alen = 0;
	if ((flags & 0x80) && size >= 4) {
		alen = ((size_t)data[2] << 8 | data[3]) % 4097;
		pos = 4;
		if (alen > size - pos)
			alen = size - pos;
		article = data + pos;
		pos += alen;
	}
	build_content(article, alen);

	int mode = flags & 3;
	xon_xoff = (mode & 1) == 0; /* normal and remote: cbreak, IXON on */
	if (mode >= 2)
		setenv("SSH_CONNECTION", "192.0.2.7 50022 192.0.2.1 22", 1);
	else
		unsetenv("SSH_CONNECTION");
	setenv("TERM", (flags & 8) ? "linux" : "xterm-256color", 1);

	struct config cfg;
	config_defaults(&cfg);
	free(cfg.content_dir);
	cfg.content_dir = xstrdup(fz.dir);
	cfg.mode = (mode & 1) ? MODE_WAITING_ROOM : MODE_NORMAL;
	cfg.idle_timeout = 20;
	cfg.attract_timeout = 60;
	cfg.session_idle = mode >= 2 ? 30 : 0;
	cfg.session_max = mode >= 2 ? 120 : 0;
	cfg.theme = (enum theme_id)((flags >> 4) & 3) % 3;
	if (flags & 0x40) {
		free(cfg.pin_hash);
		cfg.pin_hash = xstrdup(pin_line);
	}

	int master, slave;
	struct winsize ws = {.ws_row = (unsigned short)sizes[data[1] % 8].rows,
			     .ws_col = (unsigned short)sizes[data[1] % 8].cols};
	if (openpty(&master, &slave, NULL, NULL, &ws) != 0)
		abort();
	int in = dup(STDIN_FILENO), out = dup(STDOUT_FILENO);
	dup2(slave, STDIN_FILENO);
	dup2(slave, STDOUT_FILENO);
	/* The reader takes no signals: libFuzzer's SIGALRM (its timeout)
	 * then stops the loop's thread, whose stack is the one reported. */
	pthread_t reader;
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_create(&reader, NULL, drain, &master);
	pthread_sigmask(SIG_SETMASK, &old, NULL);

	fz.offset = 0;
	fz.master = master;
	fz.ev = data + pos;
	fz.len = size - pos;
	fz.pos = 0;
	fz.steps = 0;
	fz.tail = 0;

	struct diag_list diags = {0};
	struct library *lib = library_load_first(cfg.content_dir, 24, &diags);
	diag_list_clear(&diags);
	if (lib == NULL)
		lib = library_empty(cfg.content_dir);
	struct term_caps caps;
	/* ncurses' mousemask on TERM=linux loads libgpm, which keeps a small
	 * allocation each time (tests/e2e/lsan.supp names it; matching the
	 * name needs the slow unwinder on every malloc): what term_start
	 * allocates, all of it ncurses', is not watched for leaks. */
	__lsan_disable();
	int started = term_start(cfg.mode == MODE_WAITING_ROOM, &caps);
	__lsan_enable();
	if (started == 0) {
		if (flags & 4) {
			/* LANG=C: on a vt220 (no blocks) or a Unicode-era
			 * terminal whose locale was not passed on */
			caps.ascii = true;
			caps.blocks = (data[1] & 8) != 0;
		}
		draw_set_glyphs(caps.ascii ? GLYPHS_ASCII
			       : caps.console ? GLYPHS_CONSOLE : GLYPHS_UNICODE);
		draw_set_blocks(caps.blocks);
		theme_init(cfg.theme, false);
		/* Whole sequences are written at once: a lone Esc need not
		 * wait 100 ms for the rest. */
		set_escdelay(5);
		struct app app;
		app_init(&app, &cfg, lib);
		fz.active = true;
		app_run(&app);
		fz.active = false;
		term_stop();
		app_free(&app);
	} else {
		library_free(lib);
	}
	fz.offset = 0;

	/* Hang up: the reader sees the end once no slave side is open. */
	dup2(in, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	close(in);
	close(out);
	close_slave(slave);
	pthread_join(reader, NULL);
	close(master);
	config_free(&cfg);
	return 0;
}
