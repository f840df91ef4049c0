/* node_text: see node_text.h. */
#include "node_text.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "text.h"
#include "xmem.h"

size_t node_literals(cmark_node *n, size_t max, char **buf, size_t *cap)
{
	size_t len = 0;
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while (len < max && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		const char *lit = NULL;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
		    t == CMARK_NODE_CODE_BLOCK)
			lit = cmark_node_get_literal(c);
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
			 /* between table cells and rows: */
			 ((t == CMARK_NODE_TABLE_CELL || t == CMARK_NODE_TABLE_ROW) &&
			  t != CMARK_NODE_NONE && c != n &&
			  cmark_node_previous(c) != NULL))
			lit = " ";
		if (lit == NULL)
			continue;
		size_t k = strlen(lit);
		if (k > max - len)
			k = max - len;
		xgrow(buf, cap, len + k + 1, 1);
		memcpy(*buf + len, lit, k);
		len += k;
	}
	cmark_iter_free(it);
	xgrow(buf, cap, len + 1, 1);
	(*buf)[len] = '\0';
	return len;
}

char *node_text(cmark_node *n, size_t max, size_t *out_len)
{
	char *s = NULL;
	size_t cap = 0;
	size_t len = node_literals(n, max, &s, &cap);
	char *clean = text_one_line(s, len, out_len);
	free(s);
	return clean;
}


bool node_is_text_unit(cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	return t == CMARK_NODE_HEADING || t == CMARK_NODE_PARAGRAPH ||
	       t == CMARK_NODE_CODE_BLOCK ||
	       (t == CMARK_NODE_TABLE_ROW && t != CMARK_NODE_NONE);
}
