/*
 * tui_help.c: the help screen, generated from the action table: the keys of
 * the screen that asked first, then every keymap.
 */
#include <stdlib.h>
#include <string.h>

#include "tui_priv.h"

struct help_state {
	char **lines;
	int n;
	size_t alloc;
	int top;
};

static void add_line(struct help_state *h, const char *s)
{
	ALLOC_GROW(h->lines, h->n + 1, h->alloc);
	h->lines[h->n++] = xstrdup(s);
}

static void add_action(struct help_state *h, enum tui_action a)
{
	struct strbuf sb = STRBUF_INIT;
	char k1[16], k2[16] = "";
	int key2 = 0;

#define TUI_KEY2_(id, km, k1_, k2_, label, help) if (a == ACT_##id) key2 = (k2_);
	TUI_ACTIONS(TUI_KEY2_)
#undef TUI_KEY2_
	tui_key_name(tui_action_key(a), k1, sizeof(k1));
	if (key2 && key2 != '\r' && key2 != 127)
		tui_key_name(key2, k2, sizeof(k2));
	strbuf_addf(&sb, "  %-6s %-6s ", k1, k2);
	tui_fit(&sb, tui_action_label(a), 10, false);
	strbuf_addf(&sb, " %s", tui_action_help(a));
	add_line(h, strbuf_str(&sb));
	strbuf_release(&sb);
}

static int help_open(struct tui_screen *s, const void *arg)
{
	const struct tui_screen_ops *from = arg;
	struct help_state *h = xcalloc(1, sizeof(*h));
	const enum tui_action *a;
	char line[120];
	int km, i;

	s->priv = h;
	if (from && from->bar) {
		snprintf(line, sizeof(line), "Keys of the %s screen", from->name);
		add_line(h, line);
		for (a = from->bar; *a != ACT_NONE; a++)
			add_action(h, *a);
		if (from->keymap != KM_GLOBAL)
			for (i = 1; i < ACT_COUNT; i++)
				if (tui_action_keymap((enum tui_action)i) == from->keymap) {
					for (a = from->bar; *a != ACT_NONE && *a != (enum tui_action)i; a++)
						;
					if (*a == ACT_NONE)
						add_action(h, (enum tui_action)i);
				}
		add_line(h, "");
	}
	for (km = 0; km < KM_COUNT; km++) {
		add_line(h, tui_keymap_name((enum tui_keymap)km));
		for (i = 1; i < ACT_COUNT; i++)
			if (tui_action_keymap((enum tui_action)i) == (enum tui_keymap)km)
				add_action(h, (enum tui_action)i);
		add_line(h, "");
	}
	add_line(h, "In a field, letters and digits are typed; a field is checked when you");
	add_line(h, "leave it, and the message line names what is wrong.");
	return MB_OK;
}

static void help_draw(struct tui_screen *s)
{
	struct help_state *h = s->priv;
	int rows = getmaxy(s->win), y;

	werase(s->win);
	for (y = 0; y < rows && h->top + y < h->n; y++) {
		const char *l = h->lines[h->top + y];

		wattrset(s->win, l[0] && l[0] != ' ' ? tui_attr(s->tui, TA_HEADER) : A_NORMAL);
		tui_put(s->win, y, 1, -1, l);
	}
	wattrset(s->win, A_NORMAL);
}

static enum tui_action help_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct help_state *h = s->priv;
	int page = getmaxy(s->win) - 1, last = h->n - getmaxy(s->win);

	if (last < 0)
		last = 0;
	switch (act) {
	case ACT_UP:
		h->top--;
		break;
	case ACT_DOWN:
		h->top++;
		break;
	case ACT_PGUP:
		h->top -= page;
		break;
	case ACT_PGDN:
		h->top += page;
		break;
	case ACT_HOME:
		h->top = 0;
		break;
	case ACT_END:
		h->top = last;
		break;
	case ACT_HELP:
	case ACT_ENTER:
		return ACT_BACK;
	default:
		if (key == 'q')
			return ACT_BACK;
		return act;
	}
	if (h->top > last)
		h->top = last;
	if (h->top < 0)
		h->top = 0;
	return ACT_NONE;
}

static void help_close(struct tui_screen *s)
{
	struct help_state *h = s->priv;
	int i;

	for (i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h);
}

static const enum tui_action help_bar[] = {
	ACT_BACK, ACT_PGUP, ACT_PGDN, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_help_ops = {
	.name = "Help",
	.keymap = KM_GLOBAL,
	.bar = help_bar,
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
	.close = help_close,
};
