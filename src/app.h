/*
 * app: the program state and the main loop.
 *
 * The state is the loaded library, the current view and a history of
 * views for Back.  Each screen (screen_home, screen_article, screen_help)
 * paints from this state and turns actions into state changes; only the
 * loop in app.c reads keys.
 */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "config.h"
#include "layout.h"
#include "library.h"
#include "pin.h"
#include "search.h"

struct linecache;
struct rowcache;

enum view_kind { VIEW_HOME, VIEW_ARTICLE, VIEW_HELP, VIEW_SEARCH,
		 VIEW_GLOSSARY };

/* A history entry: enough to come back to a view as it was. */
struct view {
	enum view_kind kind;
	long article;       /* VIEW_ARTICLE: index in the library */
	uint32_t block;     /* reading position (layout.h) */
	uint32_t block_off;
	size_t home_sel;    /* VIEW_HOME: selected article */
};

/* The glossary pane: a term's definition or a link's destination. */
struct pane {
	bool open;
	bool is_link;
	size_t entry;          /* term: glossary entry */
	char *url;             /* link: owned destination */
	long link_article;     /* link: article it names, or -1 */
	cmark_node *doc;       /* owned; the text shown */
	struct layout *lay;    /* owned; doc laid out at lay->width */
	size_t top;            /* first line shown */
};

/* The article being read. */
struct reader {
	long article;         /* index in the library, -1 for none */
	cmark_node *doc;      /* owned; parsed body */
	struct layout *lay;   /* owned; laid out at lay->width */
	struct linecache *cells; /* owned; lay's lines as curses cells */
	struct rowcache *side;  /* owned; rows of the section list painted
				   from lay (cleared when lay is rebuilt) */
	size_t top;           /* first line shown */
	int text_h;           /* text rows at the last paint */
	int32_t focus;        /* focused target, or -1 */
	bool focus_in_pane;   /* focus is on a target in the pane */
	bool sections_on;     /* the reader wants the section list */
	bool sections_focus;  /* the section list has the keys */
	size_t sections_sel;  /* selected row of the section list */
	struct pane pane;
	bool pending;         /* seek to pend_* after the next layout */
	uint32_t pend_block, pend_off;
	char *pend_fragment;  /* owned; section to show after layout */
	char *pend_section;   /* owned; after a reload: section title to
				 return to, with the line offset in it */
	size_t pend_delta;
	char *find;           /* owned; folded words from a search, shown
				 highlighted; n / N go to them */
	bool find_pending;    /* scroll to the first of them after layout */
};

struct app {
	const struct config *cfg;
	struct library *lib;   /* owned */
	bool ascii;            /* locale cannot show UTF-8 */
	bool quit;
	enum view_kind view;
	struct view *hist;     /* owned; views to go back to */
	size_t nhist, cap_hist;
	size_t home_sel;       /* selected article on the home screen */
	size_t home_top;       /* first row shown */
	struct home_rows *home_rows; /* owned by screen_home; the home
				       screen's rows for lib, NULL until
				       the first paint (home_forget) */
	size_t help_top;
	struct reader rd;
	char notice[160];      /* a short message shown once, or "" */

	char *qr_text;         /* owned; web address shown as a QR code */

	/* Glossary index (screen_glossary). */
	char gfilter[64];       /* what the person typed to narrow the list */
	size_t *gterms;         /* owned; entries shown, A to Z */
	size_t ngterms;
	size_t gsel, gtop;
	bool gterms_stale;
	bool gdetail;           /* showing one term and where it appears */
	struct search_hit *gplaces; /* owned; where the term appears */
	size_t ngplaces, gplace_sel;

	/* Search (screen_search). */
	char query[160];        /* what the person typed, UTF-8 */
	struct search_index *search; /* owned; built on the first search */
	struct search_hit *hits; /* owned; results of query */
	size_t nhits, total_hits;
	size_t search_sel, search_top;
	bool hits_stale;        /* query changed since hits were made */

	/* Waiting-room mode (config mode = waiting-room). */
	bool locked;           /* no key quits; staff leave with chord + PIN */
	double last_input;     /* monotonic seconds of the last key */
	bool attract;          /* the "press any key" screen is up */
	double chord_at;       /* when the first key of the staff chord came */
	bool pin_open;         /* the staff PIN prompt is up */
	char pin[33];          /* digits typed so far */
	size_t pin_len;
	char pin_msg[80];      /* message under the prompt */
	struct pin_limiter limiter;

	/* Remote (SSH) sessions: [ssh] session_idle and session_max. */
	bool remote;           /* started by sshd */
	double started;        /* monotonic seconds at start */
	const char *ended;     /* why the session is over, or NULL */

	/* Live reload of the content folder. */
	struct watch *watch;   /* owned; NULL when inotify is unavailable */
	double reload_at;      /* when to reload (debounced), or 0 */
	double root_check_at;  /* when to look for a deleted folder again */
};

/* Takes ownership of lib.  cfg must outlive the app. */
void app_init(struct app *a, const struct config *cfg, struct library *lib,
	      bool ascii);
void app_free(struct app *a);

/* Runs until the user quits or the terminal goes away; returns the exit
 * status. */
int app_run(struct app *a);

/* Forgets the session: history, open article and pane, positions, the
 * selection; back to a fresh home screen. */
void app_reset(struct app *a);

/* Loads the content folder again and moves the session over to it: the
 * reader stays in the same section when the article still exists, else
 * goes home with a notice.  Files that fail keep their last good version
 * (library_load's prev). */
void app_reload(struct app *a);

/* Seconds of quiet after the last change before reloading. */
#define APP_RELOAD_DELAY 0.3

/* Monotonic clock in seconds. */
double app_now(void);

/* Staff chord in waiting-room mode: Ctrl-X, then Ctrl-E within 3 s. */
#define APP_CHORD_1 0x18
#define APP_CHORD_2 0x05
/* Seconds before an untouched PIN prompt goes away. */
#define APP_PIN_TIMEOUT 20
/* Seconds of countdown shown before an idle reset. */
#define APP_COUNTDOWN 10

/* Navigation shared by the screens. */
void app_push(struct app *a);  /* remembers the current view */
void app_back(struct app *a);  /* returns to the last one, or home */
void app_open_article(struct app *a, long index, const char *fragment);
void app_notice(struct app *a, const char *msg);

/* Rows and columns of the screen. */
int app_rows(void);
int app_cols(void);

/* Smallest usable screen. */
#define APP_MIN_COLS 40
#define APP_MIN_ROWS 10

/* Paints the header bar and the key bar for a context (CTX_*). */
void app_draw_bars(const struct app *a, const char *title, const char *right,
		   int context);

#endif
