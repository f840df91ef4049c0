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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "article.h"
#include "config.h"
#include "diag.h"
#include "draw.h"
#include "fileio.h"
#include "glossary.h"
#include "layout.h"
#include "library.h"
#include "term.h"
#include "theme.h"
#include "xmem.h"

#define DEFAULT_CONFIG "/etc/kiosk/kiosk.conf"

static void usage(FILE *f)
{
	fputs("Usage: kiosk [--config FILE] [--content DIR]\n"
	      "       kiosk --render FILE [--width N] [--ascii] [--content DIR]\n"
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
	      "  --help          this text\n"
	      "  --version       the version\n"
	      "\n"
	      "Keys: arrows scroll, Enter opens, Tab picks a highlighted word,\n"
	      "Esc goes back, ? shows all keys.  See kiosk(1).\n",
	      f);
}

/* Prints one laid-out line with {term} and <link> markers. */
static void render_line(const struct line *ln)
{
	for (uint32_t i = 0; i < ln->nspans; i++) {
		const struct span *sp = &ln->spans[i];
		const char *open = "", *close = "";
		if (sp->style & STYLE_TERM) {
			open = "{";
			close = "}";
		} else if (sp->style & STYLE_LINK) {
			open = "<";
			close = ">";
		}
		printf("%s%.*s%s", open, (int)sp->len, ln->text + sp->off, close);
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
	if (article_load(&a, file, slash != NULL ? slash + 1 : file, "",
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
					   .glossary = g, .skip_entry = -1};
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

static void fatal_hook(void) { term_stop(); }

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"content", required_argument, NULL, 'C'},
		{"render", required_argument, NULL, 'r'},
		{"width", required_argument, NULL, 'w'},
		{"ascii", no_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *config_path = NULL, *content = NULL, *render_file = NULL;
	int width = 80;
	bool ascii = false;
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
	if (optind < argc) {
		fprintf(stderr, "kiosk: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	if (render_file != NULL)
		return render(render_file, content, width, ascii) == 0 ? 0 : 1;

	struct config cfg;
	config_defaults(&cfg);
	struct diag_list diags = {0};
	if (config_path == NULL && access("kiosk.conf", F_OK) == 0)
		config_path = "kiosk.conf";
	else if (config_path == NULL && access(DEFAULT_CONFIG, F_OK) == 0)
		config_path = DEFAULT_CONFIG;
	if (config_path != NULL && config_load(&cfg, config_path, &diags) != 0) {
		diag_print(&diags, stderr);
		diag_list_clear(&diags);
		config_free(&cfg);
		return 2;
	}
	if (content != NULL) {
		free(cfg.content_dir);
		cfg.content_dir = xstrdup(content);
	}
	struct library *lib = library_load(cfg.content_dir, &diags);
	if (lib == NULL) {
		diag_print(&diags, stderr);
		diag_list_clear(&diags);
		config_free(&cfg);
		return 2;
	}
	bool log_now = !isatty(STDERR_FILENO);
	if (log_now) {
		diag_print(&diags, stderr);
		diag_list_clear(&diags);
	}

	term_install_signals();
	xmem_set_fatal_hook(fatal_hook);
	bool ascii_locale;
	if (term_start(&ascii_locale) != 0) {
		library_free(lib);
		config_free(&cfg);
		diag_list_clear(&diags);
		return 2;
	}
	draw_set_ascii(ascii_locale);
	const char *nc = getenv("NO_COLOR");
	theme_init(cfg.theme, nc != NULL && nc[0] != '\0');

	struct app app;
	app_init(&app, &cfg, lib, ascii_locale);
	int status = app_run(&app);
	term_stop();
	app_free(&app);
	if (!log_now)
		diag_print(&diags, stderr);
	diag_list_clear(&diags);
	config_free(&cfg);
	return status;
}
