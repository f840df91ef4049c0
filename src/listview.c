/* listview: see listview.h. */
#include "listview.h"

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
