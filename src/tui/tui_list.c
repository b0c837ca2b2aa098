/*
 * tui_list.c: a scrolling list of text rows, on the menu library. The
 * screen formats its rows (tui_fit) and the menu shows, scrolls, selects and
 * marks them.
 */
#include <stdlib.h>
#include <string.h>

#include "tui_priv.h"

void tui_list_init(struct tui_list *l, bool multi)
{
	memset(l, 0, sizeof(*l));
	l->multi = multi;
	l->focus = true;
}

static void free_menu_items(struct tui_list *l)
{
	int i;

	if (l->menu) {
		unpost_menu(l->menu);
		free_menu(l->menu);
		l->menu = NULL;
	}
	for (i = 0; i < l->n; i++) {
		if (l->items)
			free_item(l->items[i]);
		if (l->rows)
			free(l->rows[i]);
	}
	free(l->items);
	free(l->rows);
	l->items = NULL;
	l->rows = NULL;
	l->n = 0;
}

static int mark_width(const struct tui_list *l)
{
	return l->multi ? 1 : 0;
}

static void show_mark(struct tui_list *l, int i)
{
	if (l->multi && l->rows && l->rows[i])
		l->rows[i][0] = l->marks[i] ? '*' : ' ';
}

static void post(struct tui_list *l)
{
	if (!l->menu || !l->sub)
		return;
	unpost_menu(l->menu);
	set_menu_win(l->menu, l->parent);
	set_menu_sub(l->menu, l->sub);
	set_menu_format(l->menu, l->h > 0 ? l->h : 1, 1);
	if (post_menu(l->menu) != E_OK)
		return;
	if (l->keep >= 0 && l->keep < l->n)
		set_current_item(l->menu, l->items[l->keep]);
}

static void build(struct tui_list *l, char **rows, int n, int sel)
{
	struct strbuf sb = STRBUF_INIT;
	int i, w = l->w > 0 ? l->w - mark_width(l) : 0;

	l->rows = xcalloc((size_t)n + 1, sizeof(*l->rows));
	l->items = xcalloc((size_t)n + 1, sizeof(*l->items));
	free(l->marks);
	l->marks = xcalloc((size_t)n + 1, sizeof(*l->marks));
	for (i = 0; i < n; i++) {
		strbuf_reset(&sb);
		if (l->multi)
			strbuf_addch(&sb, ' ');
		tui_fit(&sb, rows[i] && *rows[i] ? rows[i] : " ",
			w > 0 ? w : tui_width(rows[i] && *rows[i] ? rows[i] : " "), false);
		if (!sb.len)
			strbuf_addch(&sb, ' ');
		l->rows[i] = strbuf_detach(&sb);
		l->items[i] = new_item(l->rows[i], "");
		if (!l->items[i])
			die("cannot make a list item");
	}
	l->n = n;
	strbuf_release(&sb);
	if (!n)
		return;
	l->menu = new_menu(l->items);
	if (!l->menu)
		die("cannot make a list");
	menu_opts_off(l->menu, O_SHOWDESC);
	set_menu_mark(l->menu, "");
	l->keep = sel >= 0 && sel < n ? sel : 0;
	post(l);
}

void tui_list_set(struct tui_list *l, char **rows, int n, int sel)
{
	free_menu_items(l);
	build(l, rows, n, sel);
}

void tui_list_place(struct tui_list *l, WINDOW *parent, int y, int x, int h, int w)
{
	char **rows = NULL;
	bool *marks = NULL;
	int i, n = l->n, cur = tui_list_current(l);

	if (l->menu)
		unpost_menu(l->menu);
	if (l->sub)
		delwin(l->sub);
	l->parent = parent;
	l->y = y;
	l->x = x;
	l->h = h;
	l->w = w;
	l->sub = derwin(parent, h > 0 ? h : 1, w > 0 ? w : 1, y, x);
	if (!n)
		return;
	/* Rebuild so that rows are cut to the new width; marks are kept. */
	rows = xcalloc((size_t)n, sizeof(*rows));
	marks = xcalloc((size_t)n, sizeof(*marks));
	for (i = 0; i < n; i++) {
		rows[i] = xstrdup(l->rows[i] + mark_width(l));
		marks[i] = tui_list_marked(l, i);
	}
	free_menu_items(l);
	build(l, rows, n, cur);
	for (i = 0; i < n; i++) {
		l->marks[i] = marks[i];
		show_mark(l, i);
		free(rows[i]);
	}
	free(rows);
	free(marks);
}

void tui_list_draw(struct tui *t, struct tui_list *l, const char *empty)
{
	int cur = tui_list_current(l);

	if (!l->sub)
		return;
	werase(l->sub);
	if (!l->menu) {
		if (empty) {
			wattrset(l->sub, tui_attr(t, TA_DIM));
			tui_put(l->sub, 0, 1, -1, empty);
			wattrset(l->sub, A_NORMAL);
		}
		return;
	}
	set_menu_fore(l->menu, l->focus ? tui_attr(t, TA_SELECT) : A_BOLD);
	set_menu_back(l->menu, A_NORMAL);
	l->keep = cur;
	post(l);
}

bool tui_list_move(struct tui_list *l, enum tui_action act)
{
	int cur = tui_list_current(l), to = cur;

	if (!l->menu)
		return act == ACT_UP || act == ACT_DOWN || act == ACT_PGUP || act == ACT_PGDN ||
		       act == ACT_HOME || act == ACT_END;
	switch (act) {
	case ACT_UP:
		to = cur - 1;
		break;
	case ACT_DOWN:
		to = cur + 1;
		break;
	case ACT_PGUP:
		to = cur - (l->h > 1 ? l->h - 1 : 1);
		break;
	case ACT_PGDN:
		to = cur + (l->h > 1 ? l->h - 1 : 1);
		break;
	case ACT_HOME:
		to = 0;
		break;
	case ACT_END:
		to = l->n - 1;
		break;
	default:
		return false;
	}
	if (to < 0)
		to = 0;
	if (to >= l->n)
		to = l->n - 1;
	tui_list_select(l, to);
	return true;
}

int tui_list_current(const struct tui_list *l)
{
	ITEM *it;

	if (!l->menu || !l->n)
		return -1;
	it = current_item(l->menu);
	return it ? item_index(it) : -1;
}

void tui_list_select(struct tui_list *l, int i)
{
	if (!l->menu || i < 0 || i >= l->n)
		return;
	set_current_item(l->menu, l->items[i]);
	l->keep = i;
}

bool tui_list_toggle_mark(struct tui_list *l)
{
	int cur = tui_list_current(l);

	if (!l->multi || cur < 0)
		return false;
	l->marks[cur] = !l->marks[cur];
	show_mark(l, cur);
	return true;
}

bool tui_list_marked(const struct tui_list *l, int i)
{
	if (!l->multi || !l->marks || i < 0 || i >= l->n)
		return false;
	return l->marks[i];
}

void tui_list_release(struct tui_list *l)
{
	free_menu_items(l);
	free(l->marks);
	l->marks = NULL;
	if (l->sub)
		delwin(l->sub);
	l->sub = NULL;
}

bool tui_list_find(struct tui_list *l, const char *text)
{
	int i, k, cur = tui_list_current(l);

	if (!text[0] || !l->n)
		return false;
	for (k = 1; k <= l->n; k++) {
		i = (cur + k) % l->n;
		if (tui_contains(l->rows[i], text)) {
			tui_list_select(l, i);
			return true;
		}
	}
	return false;
}

void tui_list_search(struct tui *t, struct tui_list *l, char *buf, size_t n)
{
	if (!tui_prompt(t, "Find in the list:", buf, n) || !buf[0])
		return;
	if (!tui_list_find(l, buf))
		tui_error(t, "'%s' is not in the list", buf);
}
