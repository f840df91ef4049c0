/*
 * main: command line, config, content, then the app loop.
 *
 *   kiosk [--config FILE] [--content DIR]
 *   kiosk --render FILE [--width N] [--ascii] [--content DIR]
 *   kiosk --help | --version
 *
 * Exit status: 0 ok, 2 bad usage, config or content folder, 70 internal
 * error (xmem).  Messages about content go to stderr: at once when stderr
 * is not a terminal (a log), else after the screen is restored.
 */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "article.h"
#include "check.h"
#include "config.h"
#include "diag.h"
#include "draw.h"
#include "fileio.h"
#include "glossary.h"
#include "hyperlink.h"
#include "i18n.h"
#include "langs.h"
#include "layout.h"
#include "library.h"
#include "log.h"
#include "pin.h"
#include "session.h"
#include "term.h"
#include "text.h"
#include "theme.h"
#include "xmem.h"

#define DEFAULT_CONFIG "/etc/kiosk/kiosk.conf"

static void usage(FILE *f)
{
	fputs("Usage: kiosk [--config FILE] [--content DIR]\n"
	      "       kiosk --render FILE [--width N] [--ascii] [--content DIR]\n"
	      "       kiosk --check [DIR] [--strict] [--config FILE]\n"
	      "       kiosk --hash-pin\n"
	      "       kiosk --help | --version\n"
	      "\n"
	      "A full-screen browser for patient-education articles.\n"
	      "\n"
	      "  --config FILE   settings (default ./kiosk.conf, else "
	      DEFAULT_CONFIG ")\n"
	      "  --content DIR   content folder (overrides the config)\n"
	      "  --render FILE   print FILE laid out as the kiosk shows it;\n"
	      "                  glossary terms as {term}, links as <text>\n"
	      "  --width N       columns for --render (default 80)\n"
	      "  --ascii         --render as plain ASCII\n"
	      "  --check [DIR]   check the content (and config); messages as\n"
	      "                  file:line:col: error: ...; exit 1 on errors\n"
	      "  --strict        --check: warnings count as errors\n"
	      "  --hash-pin      read a staff PIN, print the kiosk.conf line\n"
	      "  --help          this text\n"
	      "  --version       the version\n"
	      "\n"
	      "Keys: arrows scroll, Enter opens, Tab picks a highlighted word,\n"
	      "Esc goes back, ? shows all keys.  See kiosk(1).\n",
	      f);
}

/* Prints one laid-out line with {term} and <link> markers: one pair per
 * target, however many styled spans it has. */
static void render_line(const struct line *ln)
{
	for (uint32_t i = 0; i < ln->nspans; i++) {
		const struct span *sp = &ln->spans[i];
		bool term = sp->style & STYLE_TERM;
		bool marked = sp->target >= 0 && (sp->style & (STYLE_TERM | STYLE_LINK));
		bool opens = marked && (i == 0 || ln->spans[i - 1].target != sp->target);
		bool closes = marked && (i + 1 == ln->nspans ||
					 ln->spans[i + 1].target != sp->target);
		printf("%s%.*s%s", opens ? (term ? "{" : "<") : "", (int)sp->len,
		       ln->text + sp->off, closes ? (term ? "}" : ">") : "");
	}
	putchar('\n');
}

static int render(const char *file, const char *content, int width,
		  bool ascii)
{
	struct diag_list diags = {0};
	struct glossary *g = NULL;
	if (content != NULL) {
		char *gp = xasprintf("%s/glossary.md", content);
		char *text, *cause;
		size_t len;
		if (file_read(gp, 8u << 20, &text, &len, &cause) == 0) {
			g = glossary_parse(gp, text, len, &diags);
			free(text);
		} else {
			free(cause);
		}
		free(gp);
	}
	struct article a;
	const char *slash = strrchr(file, '/');
	if (article_load(&a, file, slash != NULL ? slash + 1 : file, "", ARTICLE_KEEP,
			 &diags) != 0) {
		diag_print(&diags, stderr);
		diag_list_clear(&diags);
		glossary_free(g);
		return 1;
	}
	cmark_node *doc = article_parse(&a, &diags);
	int status = 0;
	if (doc != NULL) {
		struct layout_options o = {.width = width, .ascii = ascii,
					   .glossary = g, .skip_entry = -1,
					   .show_urls = true};
		struct layout *l = layout_build(doc, &o);
		for (size_t i = 0; i < l->nlines; i++)
			render_line(&l->lines[i]);
		layout_free(l);
		cmark_node_free(doc);
	} else {
		status = 1;
	}
	diag_print(&diags, stderr);
	diag_list_clear(&diags);
	article_free(&a);
	glossary_free(g);
	return status;
}

/* Reads one line into buf (without the newline); echo off on a tty. */
static int read_secret(const char *prompt, char *buf, size_t size)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *r = fgets(buf, (int)size, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (r == NULL)
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* kiosk --hash-pin: prints "pin_hash = ..." for kiosk.conf. */
static int hash_pin(void)
{
	char a[64], b[64];
	if (read_secret("New staff PIN (6 to 32 characters): ", a, sizeof a) != 0) {
		fprintf(stderr, "kiosk: no PIN given\n");
		return 2;
	}
	size_t n = strlen(a);
	bool ok = n >= PIN_MIN_LEN && n <= PIN_MAX_LEN;
	for (size_t i = 0; i < n; i++)
		if (a[i] <= ' ' || a[i] >= 0x7f)
			ok = false;
	if (!ok) {
		fprintf(stderr, "kiosk: the PIN must be %d to %d letters, "
				"digits or signs, without spaces\n",
			PIN_MIN_LEN, PIN_MAX_LEN);
		explicit_bzero(a, sizeof a);
		return 2;
	}
	if (isatty(STDIN_FILENO)) {
		if (read_secret("Type it again: ", b, sizeof b) != 0 ||
		    strcmp(a, b) != 0) {
			fprintf(stderr, "kiosk: the two PINs differ\n");
			explicit_bzero(a, sizeof a);
			explicit_bzero(b, sizeof b);
			return 2;
		}
		explicit_bzero(b, sizeof b);
	}
	char *h = pin_hash(a);
	explicit_bzero(a, sizeof a);
	if (h == NULL) {
		fprintf(stderr, "kiosk: cannot make a PIN hash on this system\n");
		return 2;
	}
	printf("pin_hash = %s\n", h);
	free(h);
	return 0;
}

/* kiosk --check: the config's limits, then check_run. */
static int run_check(const char *dir, const char *config_path, bool strict)
{
	if (config_path == NULL && access("kiosk.conf", F_OK) == 0)
		config_path = "kiosk.conf";
	else if (config_path == NULL && access(DEFAULT_CONFIG, F_OK) == 0)
		config_path = DEFAULT_CONFIG;
	struct check_options o;
	check_options_defaults(&o);
	if (config_path != NULL) {
		struct config cfg;
		struct diag_list scratch = {0};
		config_defaults(&cfg);
		config_load(&cfg, config_path, &scratch);
		o.review_months = cfg.review_months;
		o.reading_grade = cfg.reading_grade;
		config_free(&cfg);
		diag_list_clear(&scratch);
	}
	return check_run(dir, config_path, &o, strict, stdout);
}

static void fatal_hook(void) { term_stop(); }

/* True when the kiosk runs as a login shell: "-kiosk" from login or sshd,
 * "kiosk -c COMMAND" for a command or ForceCommand, or any start as the
 * login shell of the account running it ("su guest -- ARGS" passes ARGS
 * with a plain argv[0]). */
static bool login_shell(int argc, char **argv)
{
	if ((argc >= 2 && strcmp(argv[1], "-c") == 0) ||
	    (argv[0] != NULL && argv[0][0] == '-'))
		return true;
	const struct passwd *pw = getpwuid(getuid());
	struct stat shell, self;
	return pw != NULL && pw->pw_shell != NULL && pw->pw_shell[0] == '/' &&
	       stat(pw->pw_shell, &shell) == 0 &&
	       stat("/proc/self/exe", &self) == 0 &&
	       shell.st_dev == self.st_dev && shell.st_ino == self.st_ino;
}

/* A file or folder that only root can change. */
static bool roots_alone(const char *path, bool dir)
{
	struct stat st;
	return lstat(path, &st) == 0 && st.st_uid == 0 &&
	       (st.st_mode & 022) == 0 &&
	       (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* The settings of a login shell, which the person logging in cannot
 * choose: kiosk.conf in the account's home when root put it there (the
 * home and the file root's alone, as deploy/ssh/create-account.sh makes
 * them), else DEFAULT_CONFIG (caller frees). */
static char *installed_config(void)
{
	const struct passwd *pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/') {
		char *c = xasprintf("%s/kiosk.conf", pw->pw_dir);
		if (roots_alone(pw->pw_dir, true) && roots_alone(c, false))
			return c;
		free(c);
	}
	return xstrdup(DEFAULT_CONFIG);
}

int main(int argc, char **argv)
{
	/* The character set only: it is all the kiosk takes from the
	 * locale (UTF-8 or not), and loading every category costs a dozen
	 * file look-ups per start.  Numbers and dates in the log stay in
	 * one form whatever the locale. */
	setlocale(LC_CTYPE, "");
	i18n_init();
	/* A closed pipe on stderr must not kill the kiosk at its first log
	 * line: writes fail with EPIPE instead. */
	signal(SIGPIPE, SIG_IGN);
	/* As a login shell (sshd runs "kiosk -c COMMAND" for a command or
	 * ForceCommand, "-kiosk" for a login; su passes any arguments):
	 * whatever was asked, only the kiosk runs, with its installed
	 * settings, never anything from the arguments or the working
	 * folder. */
	/* static: reachable until exit, so it is freed by no return path */
	static char *login_config;
	if (login_shell(argc, argv)) {
		argc = 1;
		login_config = installed_config();
		if (chdir("/") != 0)
			return 2;
	}
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"content", required_argument, NULL, 'C'},
		{"render", required_argument, NULL, 'r'},
		{"width", required_argument, NULL, 'w'},
		{"ascii", no_argument, NULL, 'a'},
		{"hash-pin", no_argument, NULL, 'p'},
		{"check", no_argument, NULL, 'k'},
		{"strict", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *config_path = NULL, *content = NULL, *render_file = NULL;
	int width = 80;
	bool ascii = false, check = false, strict = false;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config_path = optarg;
			break;
		case 'C':
			content = optarg;
			break;
		case 'r':
			render_file = optarg;
			break;
		case 'w': {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*end != '\0' || w < 1 || w > 10000) {
				fprintf(stderr, "kiosk: --width takes a number "
						"from 1 to 10000\n");
				return 2;
			}
			width = (int)w;
			break;
		}
		case 'a':
			ascii = true;
			break;
		case 'p':
			return hash_pin();
		case 'k':
			check = true;
			break;
		case 's':
			strict = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("kiosk %s\n", KIOSK_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	const char *check_dir = NULL;
	if (check && optind < argc)
		check_dir = argv[optind++];
	if (optind < argc) {
		char *arg = text_one_line(argv[optind], strlen(argv[optind]), NULL);
		fprintf(stderr, "kiosk: unexpected argument '%s'\n", arg);
		free(arg);
		usage(stderr);
		return 2;
	}
	if (check)
		return run_check(check_dir != NULL ? check_dir : content,
				 config_path, strict);
	struct config cfg;
	config_defaults(&cfg);
	struct diag_list diags = {0};
	if (login_config != NULL)
		config_path = login_config; /* a missing one is an error */
	else if (config_path == NULL && access("kiosk.conf", F_OK) == 0)
		config_path = "kiosk.conf";
	else if (config_path == NULL && access(DEFAULT_CONFIG, F_OK) == 0)
		config_path = DEFAULT_CONFIG;
	if (config_path != NULL && config_load(&cfg, config_path, &diags) != 0) {
		diag_print(&diags, stderr);
		diag_list_clear(&diags);
		config_free(&cfg);
		return 2;
	}
	if (render_file != NULL) {
		int st = render(render_file,
				content != NULL ? content : cfg.content_dir,
				width, ascii);
		diag_list_clear(&diags);
		config_free(&cfg);
		return st == 0 ? 0 : 1;
	}
	config_check(&cfg, config_path, &diags);
	if (content != NULL) {
		free(cfg.content_dir);
		cfg.content_dir = xstrdup(content);
	}
	library_default_language(cfg.language);
	i18n_set_language(cfg.language);
	bool remote = session_is_remote();
	if (remote && cfg.max_sessions > 0) {
		char *cause = NULL;
		char *dir = cfg.lock_dir[0] != '\0' ? xstrdup(cfg.lock_dir)
						    : session_default_dir();
		int slot = session_claim(dir, cfg.max_sessions, &cause);
		free(dir);
		if (slot == SESSION_FULL) {
			printf("\r\n%s\r\n\r\n",
			       _("The kiosk is busy, please try again in a "
				 "few minutes."));
			fflush(stdout);
			sleep(3);
			config_free(&cfg);
			diag_list_clear(&diags);
			return 0;
		}
		if (slot == SESSION_ERROR) {
			/* Fail closed: without counting, a server could be
			 * swamped. */
			log_open(cfg.log_path);
			log_event("session refused: sessions cannot be counted: %s",
				  cause);
			log_close();
			free(cause);
			printf("\r\n%s\r\n\r\n",
			       _("The kiosk is not available right now, "
				 "please try again later."));
			fflush(stdout);
			sleep(3);
			config_free(&cfg);
			diag_list_clear(&diags);
			return 0;
		}
	}
	/* The first screen's articles only: the kiosk loads the rest once
	 * that screen is out (app_run).  What this finds wrong, the whole
	 * load finds again and logs. */
	struct diag_list first = {0};
	/* With language folders, the default language's (langs.h). */
	struct langs langs;
	langs_find(&langs, cfg.content_dir, cfg.language, cfg.languages,
		   &diags);
	i18n_set_language(langs.code[langs.def]);
	char *lang_dir = langs_dir(&langs, langs.def);
	struct library *lib =
		library_load_first(lang_dir, (size_t)term_rows(), &first);
	if (lib != NULL)
		diag_list_clear(&first);
	else
		diag_move(&diags, &first);
	if (lib == NULL && cfg.mode == MODE_WAITING_ROOM) {
		/* Unattended: a calm screen that waits for the folder (the
		 * watcher looks for it every 2 s) rather than an exit. */
		lib = library_empty(lang_dir);
	} else if (lib == NULL) {
		diag_print(&diags, stderr);
		diag_list_clear(&diags);
		config_free(&cfg);
		langs_free(&langs);
		free(lang_dir);
		return 2;
	}
	free(lang_dir);
	if (log_open(cfg.log_path) != 0) {
		char *p = text_one_line(cfg.log_path, strlen(cfg.log_path), NULL);
		fprintf(stderr, "kiosk: cannot open the log file %s; using "
				"standard error\n", p);
		free(p);
	}
	log_diags(&diags);
	diag_list_clear(&diags);

	bool locked = cfg.mode == MODE_WAITING_ROOM;
	term_install_signals(locked);
	xmem_set_fatal_hook(fatal_hook);
	struct term_caps caps;
	if (term_start(locked, &caps) != 0) {
		library_free(lib);
		langs_free(&langs);
		config_free(&cfg);
		log_flush_kept();
		log_close();
		return 2;
	}
	/* Limits that hold while a write blocks, and a waiting room whose
	 * output nobody can stop (term_watchdog). */
	if ((remote && (cfg.session_max > 0 || cfg.session_idle > 0)) || locked) {
		if (term_watchdog(remote ? cfg.session_max : 0,
				  remote ? cfg.session_idle : 0, locked) != 0)
			log_event("cannot start the session watchdog");
	}
	draw_set_glyphs(caps.ascii ? GLYPHS_ASCII
				   : caps.console ? GLYPHS_CONSOLE : GLYPHS_UNICODE);
	draw_set_blocks(caps.blocks);
	const char *nc = getenv("NO_COLOR");
	theme_init(cfg.theme, nc != NULL && nc[0] != '\0');

	/* OSC 8 only where asked for and where a terminal may know it: the
	 * Linux console and the ASCII terminals print such sequences. */
	if (cfg.hyperlinks && remote) {
		bool can = !locked && !caps.ascii && !caps.console;
		hyperlink_enable(can);
		if (!can)
			log_event("hyperlinks = yes ignored on this terminal "
				  "(TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
	}

	struct app app;
	app_init(&app, &cfg, lib);
	app_set_langs(&app, &langs);
	int status = app_run(&app);
	term_stop();
	if (term_should_quit() == SIGALRM)
		log_event("session ended: the client stopped reading past the "
			  "session's time limit");
	else if (term_should_quit())
		log_event("stopped by signal %d", term_should_quit());
	app_free(&app);
	hyperlink_free();
	/* Kept log lines are for staff at a console, never for a remote
	 * patient (set log = to keep them). */
	if (!remote)
		log_flush_kept();
	log_close();
	config_free(&cfg);
	return status;
}
