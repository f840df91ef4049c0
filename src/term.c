/* term: see term.h. */
#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

static SCREEN *screen;
static volatile sig_atomic_t quit_signal;

/* For fatal signals: the terminal modes from before curses, and the bytes
 * that leave the alternate screen, reset attributes and show the cursor,
 * prepared in advance because a signal handler may only write(2). */
static struct termios saved_tio;
static bool have_tio;
static char reset_seq[128];
static size_t reset_len;

static volatile sig_atomic_t resized;

/* ncurses' own descriptor of the terminal (open_input), or NULL. */
static FILE *in_fp;

static void close_input(void)
{
	if (in_fp != NULL)
		fclose(in_fp);
	in_fp = NULL;
}

/* The watchdog (term_watchdog): monotonic seconds when the loop last came
 * round, and what it watches. */
static atomic_long loop_beat;
static pthread_t main_thread, dog;
static bool dog_running;
static long dog_start;
static int dog_max, dog_idle;
static bool dog_resume;

static long mono_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

/* The self-pipe (term_wake_fd): each handled signal writes a byte, so a
 * signal that comes after the loop looked at its flags and before it waits
 * still ends the wait.  Both ends are non-blocking. */
static int wake_pipe[2] = {-1, -1};

static void wake(void)
{
	if (wake_pipe[1] >= 0) {
		int saved = errno;
		(void)!write(wake_pipe[1], "", 1); /* full: a wake is pending */
		errno = saved;
	}
}

static void on_signal(int sig)
{
	quit_signal = sig;
	wake();
}

/* Our own SIGWINCH handler, so ncurses does not install its own and
 * resize to whatever the client says. */
static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
	wake();
}

int term_wake_fd(void) { return wake_pipe[0]; }

void term_wake_drain(void)
{
	char buf[64];
	if (wake_pipe[0] >= 0)
		while (read(wake_pipe[0], buf, sizeof buf) > 0)
			;
}

/* The terminal's size, clamped; false when it cannot be read. */
static bool window_size(int *rows, int *cols)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return false;
	*rows = ws.ws_row > TERM_MAX_ROWS ? TERM_MAX_ROWS : ws.ws_row;
	*cols = ws.ws_col > TERM_MAX_COLS ? TERM_MAX_COLS : ws.ws_col;
	return true;
}

int term_rows(void)
{
	int rows, cols;
	return window_size(&rows, &cols) ? rows : TERM_MAX_ROWS;
}

bool term_take_resize(void)
{
	atomic_store_explicit(&loop_beat, mono_seconds(), memory_order_relaxed);
	if (!resized || screen == NULL)
		return false;
	resized = 0;
	int rows, cols;
	if (!window_size(&rows, &cols))
		return false;
	resize_term(rows, cols);
	clearok(curscr, TRUE);
	return true;
}

static void on_fatal(int sig)
{
	if (screen != NULL) {
		if (reset_len > 0)
			(void)!write(STDOUT_FILENO, reset_seq, reset_len);
		if (have_tio)
			tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void term_install_signals(bool locked)
{
	if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
		for (int i = 0; i < 2; i++) {
			fcntl(wake_pipe[i], F_SETFL,
			      fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
			fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
		}
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns */
	int sigs[] = {SIGHUP, SIGTERM, SIGINT, SIGQUIT};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN); /* writes then fail with EPIPE */
	struct sigaction wa;
	memset(&wa, 0, sizeof wa);
	wa.sa_handler = on_winch;
	sigemptyset(&wa.sa_mask);
	sigaction(SIGWINCH, &wa, NULL);
	/* Job control is ignored in every mode, before curses starts: then
	 * ncurses installs no SIGTSTP handler of its own, whose doupdate
	 * inside the signal would race the loop's resize_term or refresh
	 * (heap corruption with Ctrl-Z during fast resizes).  A kiosk has no
	 * shell to come back to, so Ctrl-Z does nothing; SIGTTIN and SIGTTOU
	 * cannot stop it either. */
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	if (locked) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	struct sigaction fa;
	memset(&fa, 0, sizeof fa);
	fa.sa_handler = on_fatal;
	sigemptyset(&fa.sa_mask);
	fa.sa_flags = SA_RESETHAND;
	int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &fa, NULL);
}

static void add_cap(const char *cap)
{
	const char *s = tigetstr(cap);
	if (s == NULL || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

int term_should_quit(void) { return quit_signal; }

void term_resume_output(void)
{
	if (isatty(STDOUT_FILENO))
		tcflow(STDOUT_FILENO, TCOON);
}

/* Output from now on goes to /dev/null (and so does stderr when it is the
 * same terminal); a write blocked on the terminal is restarted by the
 * SIGALRM sent to the main thread and then finds /dev/null. */
static void detach_output(void)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (null < 0)
		return;
	struct stat out, err;
	bool err_same = fstat(STDOUT_FILENO, &out) == 0 &&
			fstat(STDERR_FILENO, &err) == 0 &&
			S_ISCHR(err.st_mode) && err.st_rdev == out.st_rdev;
	tcflush(STDOUT_FILENO, TCOFLUSH);
	dup2(null, STDOUT_FILENO);
	if (err_same)
		dup2(null, STDERR_FILENO);
	close(null);
	pthread_kill(main_thread, SIGALRM);
}

static void *watchdog(void *arg)
{
	(void)arg;
	for (;;) {
		struct timespec one = {1, 0};
		while (nanosleep(&one, &one) != 0 && errno == EINTR)
			;
		if (dog_resume)
			term_resume_output();
		long now = mono_seconds();
		long beat = atomic_load_explicit(&loop_beat, memory_order_relaxed);
		if ((dog_max > 0 && now >= dog_start + dog_max + TERM_LIMIT_GRACE) ||
		    (dog_idle > 0 && now >= beat + dog_idle + TERM_LIMIT_GRACE)) {
			detach_output();
			/* Once a second after that, so a read that blocks
			 * again (inside ncurses) is interrupted again, until
			 * the loop has ended the program. */
			for (;;) {
				struct timespec sec = {1, 0};
				nanosleep(&sec, NULL);
				pthread_kill(main_thread, SIGALRM);
			}
		}
	}
	return NULL;
}

int term_watchdog(int max_s, int idle_s, bool resume)
{
	if (dog_running || (max_s <= 0 && idle_s <= 0 && !resume))
		return 0;
	dog_start = mono_seconds();
	atomic_store(&loop_beat, dog_start);
	dog_max = max_s;
	dog_idle = idle_s;
	dog_resume = resume;
	main_thread = pthread_self();
	/* The watchdog's SIGALRM to the main thread asks the loop to end.
	 * No SA_RESTART: a blocked write returns and ncurses writes the rest
	 * to /dev/null, and a blocked read returns too (ncurses reads the 3
	 * bytes after ESC [ M, a mouse report, with blocking reads: half a
	 * report held a session for good).  Taken only here, where it is
	 * used. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGALRM, &sa, NULL);
	/* The watchdog takes no signals: they are the main thread's. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&dog, NULL, watchdog, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		return -1;
	pthread_detach(dog);
	dog_running = true;
	return 0;
}

/* A screen for the terminal type name, made current, when its description
 * can address the cursor (full-screen needs it); else NULL.  The
 * description is read once, by newterm. */
static SCREEN *open_screen(const char *name)
{
	if (name == NULL || name[0] == '\0')
		return NULL;
	SCREEN *s = newterm(name, stdout, in_fp != NULL ? in_fp : stdin);
	if (s == NULL)
		return NULL;
	const char *cup = tigetstr("cup");
	if (cup != NULL && cup != (char *)-1)
		return s;
	delscreen(s);
	return NULL;
}

/* The terminal opened once more for ncurses to read, with O_NONBLOCK, so
 * no read of ncurses ever waits: it reads the rest of a mouse report with
 * plain read() calls, and on a blocking descriptor half a report (a
 * client's, or Esc [ < typed fast) held the loop in read() until more
 * bytes came: no idle reset, no countdown, no session limit.  Standard
 * input itself stays blocking: it is the same open file as the output,
 * whose writes must wait.  NULL when the terminal cannot be opened again
 * (ncurses then reads standard input). */
static FILE *open_input(void)
{
	const char *name = ttyname(STDIN_FILENO);
	int fd = name != NULL ? open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY |
						   O_CLOEXEC)
			      : -1;
	struct stat a, b;
	if (fd >= 0 && (fstat(fd, &a) != 0 || fstat(STDIN_FILENO, &b) != 0 ||
			a.st_rdev != b.st_rdev)) {
		close(fd);
		fd = -1;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
	if (f == NULL && fd >= 0)
		close(fd);
	return f;
}

/* Terminal types that predate UTF-8: their users see bytes, not text. */
static bool pre_unicode(const char *name)
{
	static const char *const prefixes[] = {"vt1", "vt2", "vt3", "vt5",
					       "ansi", "dumb", "vt52"};
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

/* True when the locale names no character set (C, POSIX) and the
 * terminal type is of the Unicode era; LC_CTYPE is then C.UTF-8. */
static bool assume_utf8(const char *codeset)
{
	const char *t = getenv("TERM");
	if (codeset == NULL || strcmp(codeset, "ANSI_X3.4-1968") != 0 ||
	    t == NULL || t[0] == '\0' || pre_unicode(t))
		return false;
	return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}

int term_start(bool locked, struct term_caps *caps)
{
	const char *cs = nl_langinfo(CODESET);
	bool utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	caps->ascii = !utf8;
	caps->console = false;
	caps->blocks = false;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "kiosk: needs a terminal (stdin and stdout)\n");
		return -1;
	}
	/* Before newterm: ncurses reads the locale's character set there. */
	if (!utf8)
		utf8 = assume_utf8(cs);
	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	in_fp = open_input();
	/* A huge window starts clamped: ncurses takes LINES and COLUMNS
	 * from the environment over the terminal's own size. */
	struct winsize ws;
	bool huge = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
		    (ws.ws_row > TERM_MAX_ROWS || ws.ws_col > TERM_MAX_COLS);
	int rows = 0, cols = 0;
	if (huge && window_size(&rows, &cols)) {
		char r[16], c[16];
		snprintf(r, sizeof r, "%d", rows);
		snprintf(c, sizeof c, "%d", cols);
		setenv("LINES", r, 1);
		setenv("COLUMNS", c, 1);
	}
	/* An unknown or unusable TERM (a remote client chooses it) falls
	 * back to common types. */
	static const char *const fallbacks[] = {"xterm", "vt100", "ansi"};
	const char *use = getenv("TERM");
	screen = open_screen(use);
	for (size_t i = 0; screen == NULL && i < 3; i++)
		screen = open_screen(use = fallbacks[i]);
	if (huge) {
		unsetenv("LINES");
		unsetenv("COLUMNS");
	}
	if (screen == NULL || use == NULL) { /* (open_screen(NULL) fails) */
		fprintf(stderr, "kiosk: no usable terminal description\n");
		close_input();
		return -1;
	}
	bool old_type = pre_unicode(use);
	if (old_type)
		caps->ascii = true;
	caps->blocks = utf8 && !old_type;
	caps->console = strncmp(use, "linux", 5) == 0;
	set_term(screen);
	reset_len = 0;
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmcup");
	if (locked)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	curs_set(0);
	set_escdelay(100);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
			  BUTTON5_PRESSED,
		  NULL);
	mouseinterval(0);
	return 0;
}

void term_stop(void)
{
	if (screen == NULL)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
	close_input();
}

bool term_lost(void)
{
	if (quit_signal)
		return true;
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	int r = poll(&p, 1, 0);
	if (r < 0)
		return errno != EINTR;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	if (r == 1 && (p.revents & POLLIN)) {
		/* Readable with nothing to read: the end of input. */
		int avail = 0;
		return ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail == 0;
	}
	return false;
}
