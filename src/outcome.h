/*
 * outcome: what a screen asks of the loop after a key or a click.
 *
 * Screens never call into app.c.  A key handler changes its own screen's
 * state and returns an outcome: whether to repaint, a notice for the key
 * bar, and at most one request: open an article at a place, go back,
 * push a screen on the history, or quit.  app.c applies the request
 * (through nav.h), in the spirit of htop's HandlerResult.
 *
 * Ownership: the strings of an outcome (notice, and the place's fragment,
 * section, find and term) are borrowed from the screen that made it and
 * stay valid until the loop has applied it; nav_open copies what it keeps
 * before it changes the reader (a fragment may point into the layout that
 * the open frees).  Notices are string literals.
 */
#ifndef KIOSK_OUTCOME_H
#define KIOSK_OUTCOME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The screens, in the order of app.c's screen table. */
enum screen_id { SCREEN_HOME, SCREEN_ARTICLE, SCREEN_HELP, SCREEN_SEARCH,
		 SCREEN_WORDS, SCREEN_COUNT };

/* A place in an article to open at.  Any of the optional parts may be
 * NULL / false; they are applied in this order after the open: the saved
 * position, the section (by title, delta lines into it), the fragment (a
 * heading anchor, anchor.h), the first line holding find (folded words,
 * which are also highlighted), and the glossary term shown in the pane. */
struct place {
	long article;          /* index in the library */
	bool has_pos;          /* block, block_off are a saved position */
	uint32_t block, block_off;
	const char *section;   /* borrowed; section title, or NULL */
	size_t delta;          /* lines into section */
	const char *fragment;  /* borrowed; link fragment, or NULL */
	const char *find;      /* borrowed; folded words, or NULL */
	bool find_scroll;      /* scroll to the first line with find */
	const char *term;      /* borrowed; glossary term for the pane */
};

enum request {
	REQ_NONE,
	REQ_OPEN,    /* open place (the current view is pushed first) */
	REQ_BACK,    /* back to the last view in the history, or home */
	REQ_PUSH,    /* push the current view and show screen */
	REQ_QUIT,
	REQ_LANGUAGE, /* switch to language lang (app.h app_set_language) */
};

struct outcome {
	bool repaint;          /* something shown changed */
	const char *notice;    /* a literal for the key bar, or NULL */
	enum request req;
	enum screen_id screen; /* REQ_PUSH */
	struct place at;       /* REQ_OPEN */
	size_t lang;           /* REQ_LANGUAGE: index of the language */
};

/* Outcomes most handlers return. */
static inline struct outcome outcome_none(void)
{
	return (struct outcome){.repaint = false};
}

static inline struct outcome outcome_repaint(void)
{
	return (struct outcome){.repaint = true};
}

static inline struct outcome outcome_notice(const char *msg)
{
	return (struct outcome){.repaint = true, .notice = msg};
}

static inline struct outcome outcome_request(enum request r)
{
	return (struct outcome){.repaint = true, .req = r};
}

static inline struct outcome outcome_push(enum screen_id s)
{
	return (struct outcome){.repaint = true, .req = REQ_PUSH, .screen = s};
}

static inline struct outcome outcome_language(size_t lang)
{
	return (struct outcome){.repaint = true, .req = REQ_LANGUAGE,
				.lang = lang};
}

static inline struct outcome outcome_open(struct place at)
{
	return (struct outcome){.repaint = true, .req = REQ_OPEN, .at = at};
}

#endif
