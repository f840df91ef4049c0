/* listview: see listview.h. */
#include "listview.h"

#include <stdio.h>

#include "i18n.h"

/* TRANSLATORS: a list that does not fit: items first to last of n */
#define S_BELOW N_("%zu-%zu of %zu. More below.")
#define S_ABOVE N_("%zu-%zu of %zu. More above.")
#define S_BOTH N_("%zu-%zu of %zu. More above and below.")

bool listview_cue(const struct listview *lv, size_t n, size_t rows_per, int h,
		  char *buf, size_t size)
{
	buf[0] = '\0';
	size_t fit = h > 0 ? (size_t)h / rows_per : 0;
	if (n <= fit || fit == 0)
		return false;
	size_t first = listview_top(lv, rows_per, h) / rows_per;
	size_t last = first + fit < n ? first + fit : n; /* one past */
	if (first == 0)
		snprintf(buf, size, _(S_BELOW), first + 1, last, n);
	else if (last == n)
		snprintf(buf, size, _(S_ABOVE), first + 1, last, n);
	else
		snprintf(buf, size, _(S_BOTH), first + 1, last, n);
	return true;
}

size_t listview_page(size_t rows_per, int h)
{
	size_t items = h > 0 ? (size_t)h / rows_per : 0;
	return items > 1 ? items - 1 : 1;
}

size_t listview_top_for(const struct listview *lv, size_t first, size_t last,
			int h)
{
	size_t top = lv->top;
	if (top > first)
		top = first;
	if (h > 0 && last >= top + (size_t)h)
		top = last - (size_t)h + 1;
	return top;
}

size_t listview_top(const struct listview *lv, size_t rows_per, int h)
{
	size_t first = lv->sel * rows_per;
	return listview_top_for(lv, first, first + rows_per - 1, h);
}

void listview_follow(struct listview *lv, size_t rows_per, int h)
{
	lv->top = listview_top(lv, rows_per, h);
}

bool listview_key(struct listview *lv, enum action act, size_t n,
		  size_t page, size_t rows_per, int h)
{
	if (!keys_list_move(act, &lv->sel, n, page))
		return false;
	listview_follow(lv, rows_per, h);
	return true;
}

long listview_hit(const struct listview *lv, int y, size_t n, size_t rows_per,
		  int h)
{
	if (y < 0 || y >= h)
		return -1;
	size_t k = (listview_top(lv, rows_per, h) + (size_t)y) / rows_per;
	return k < n ? (long)k : -1;
}
