/*
 * tui_menu.c: the main menu, the root of the screen stack. Each entry has a
 * shortcut key from the action table; Enter opens the selected one.
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/practice.h"
#include "tui_priv.h"

static const struct {
	enum tui_action act;
	const char *name;
	const struct tui_screen_ops *ops;	/* NULL: the frame handles the action */
	const void *arg;
} entries[] = {
	{ ACT_GO_PATIENTS, "Patients", &tui_search_ops, NULL },
	{ ACT_GO_CHARGE, "Charge entry", &tui_search_ops, "pick" },
	{ ACT_GO_CLAIMS, "Claims", &tui_claims_ops, NULL },
	{ ACT_GO_AGING, "A/R aging", &tui_aging_ops, NULL },
	{ ACT_GO_HELP, "Help", NULL, NULL },
	{ ACT_MENU_QUIT, "Quit", NULL, NULL },
};

struct menu_state {
	struct tui_list list;
};

static int menu_open(struct tui_screen *s, const void *arg)
{
	struct menu_state *m = xcalloc(1, sizeof(*m));
	struct practice p;

	tui_list_init(&m->list, false);
	s->priv = m;
	/* The title line names the practice, once it is set up. */
	if (practice_get(s->tui->st, &p) == MB_OK)
		SCPY(s->tui->practice, p.name);
	error_clear();
	return MB_OK;
}

static void menu_layout(struct tui_screen *s)
{
	struct menu_state *m = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char *rows[ARRAY_SIZE(entries)];
	char key[16];
	size_t i;
	int w = getmaxx(s->win) - 8;

	if (w > 72)
		w = 72;
	for (i = 0; i < ARRAY_SIZE(entries); i++) {
		strbuf_reset(&sb);
		tui_key_name(tui_action_key(entries[i].act), key, sizeof(key));
		strbuf_addf(&sb, " %-3s ", key);
		tui_fit(&sb, entries[i].name, 14, false);
		strbuf_addf(&sb, "  %s", tui_action_help(entries[i].act));
		rows[i] = strbuf_detach(&sb);
	}
	tui_list_place(&m->list, s->win, 3, 4, (int)ARRAY_SIZE(entries), w);
	tui_list_set(&m->list, rows, (int)ARRAY_SIZE(entries), tui_list_current(&m->list));
	for (i = 0; i < ARRAY_SIZE(entries); i++)
		free(rows[i]);
}

static void menu_draw(struct tui_screen *s)
{
	struct menu_state *m = s->priv;

	werase(s->win);
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	mvwaddstr(s->win, 1, 4, "Main menu");
	wattrset(s->win, A_NORMAL);
	tui_list_draw(s->tui, &m->list, NULL);
	wattrset(s->win, tui_attr(s->tui, TA_DIM));
	tui_put(s->win, 4 + (int)ARRAY_SIZE(entries), 4, -1,
		"Press the letter of an entry, or move with the arrows and press Enter.");
	wattrset(s->win, A_NORMAL);
}

/* Open what a menu action names. */
static enum tui_action go(struct tui_screen *s, enum tui_action act)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(entries); i++)
		if (entries[i].act == act && entries[i].ops) {
			tui_push(s->tui, entries[i].ops, entries[i].arg);
			return ACT_NONE;
		}
	return act;
}

static enum tui_action menu_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct menu_state *m = s->priv;
	int cur;

	if (tui_list_move(&m->list, act))
		return ACT_NONE;
	if (act == ACT_ENTER) {
		cur = tui_list_current(&m->list);
		if (cur < 0)
			return ACT_NONE;
		return go(s, entries[cur].act);
	}
	return go(s, act);
}

static void menu_close(struct tui_screen *s)
{
	struct menu_state *m = s->priv;

	tui_list_release(&m->list);
	free(m);
}

static const enum tui_action menu_bar[] = {
	ACT_HELP, ACT_FIND, ACT_MENU_QUIT, ACT_NONE
};

const struct tui_screen_ops tui_menu_ops = {
	.name = "Main menu",
	.keymap = KM_MENU,
	.bar = menu_bar,
	.open = menu_open,
	.layout = menu_layout,
	.draw = menu_draw,
	.key = menu_key,
	.close = menu_close,
};
