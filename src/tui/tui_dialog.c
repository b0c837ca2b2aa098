/*
 * tui_dialog.c: modal dialogs. Each runs its own small key loop on
 * tui_getkey(), so scripted keys reach it as they reach screens, and draws
 * itself as an overlay above the top screen.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui_priv.h"

bool tui_confirm(struct tui *t, const char *fmt, ...)
{
	char q[200];
	va_list ap;
	int key;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	for (;;) {
		tui_msg(t, "%s (y/n)", q);
		key = tui_getkey(t);
		if (key == 'y' || key == 'Y' || key == KCTRL('c')) {
			t->msg_kind = MSG_NONE;
			return true;
		}
		if (key == 'n' || key == 'N' || key == TUI_KEY_ESC || key == TUI_KEY_EOF) {
			t->msg_kind = MSG_NONE;
			return false;
		}
	}
}

struct prompt {
	WINDOW *win;
	PANEL *panel;
	struct tui_form form;
	struct tui_fspec spec;
	unsigned gen;
};

static void prompt_layout(struct tui *t, struct prompt *p)
{
	wresize(p->win, 1, COLS);
	mvwin(p->win, LINES - 2, 0);
	replace_panel(p->panel, p->win);
	werase(p->win);
	tui_form_place(&p->form, p->win, 0, 0, 1, COLS);
	p->gen = t->gen;
}

static void prompt_draw(struct tui *t, void *ctx)
{
	struct prompt *p = ctx;

	if (p->gen != t->gen)
		prompt_layout(t, p);
	tui_form_draw(&p->form);
}

bool tui_prompt(struct tui *t, const char *question, char *buf, size_t n)
{
	struct prompt p;
	enum tui_action act;
	bool ok = false;
	int key, lw = tui_width(question) + 1;

	memset(&p, 0, sizeof(p));
	p.spec.name = "answer";
	p.spec.label = question;
	p.spec.width = COLS - lw - 1 > 8 ? COLS - lw - 1 : 8;
	p.spec.max = (int)n - 1;
	p.spec.kind = FK_TEXT;
	tui_form_init(&p.form, t, &p.spec, 1, NULL, NULL);
	p.form.active = true;
	p.win = newwin(1, COLS, LINES - 2, 0);
	p.panel = new_panel(p.win);
	p.gen = t->gen - 1;
	tui_form_set(&p.form, 0, buf);
	tui_overlay_push(prompt_draw, &p);
	for (;;) {
		key = tui_getkey(t);
		if (key == TUI_KEY_EOF || key == TUI_KEY_ESC)
			break;
		if (key == KF(KEY_RESIZE))
			continue;
		act = tui_key_action(KM_GLOBAL, key);
		if (act == ACT_ENTER) {
			tui_form_get(&p.form, 0, buf, n);
			ok = true;
			break;
		}
		tui_form_key(&p.form, key, act);
	}
	tui_overlay_pop();
	tui_form_release(&p.form);
	del_panel(p.panel);
	delwin(p.win);
	return ok;
}

struct pick {
	const char *title;
	char **rows;
	int n;
	WINDOW *win;
	PANEL *panel;
	struct tui_list list;
	unsigned gen;
	char typed[32];
};

static void pick_layout(struct tui *t, struct pick *p)
{
	int i, w = tui_width(p->title) + 4, h = p->n + 2;

	for (i = 0; i < p->n; i++)
		if (tui_width(p->rows[i]) + 4 > w)
			w = tui_width(p->rows[i]) + 4;
	if (w > COLS - 4)
		w = COLS - 4;
	if (h > LINES - 6)
		h = LINES - 6;
	if (h < 3)
		h = 3;
	wresize(p->win, h, w);
	mvwin(p->win, (LINES - h) / 2, (COLS - w) / 2);
	replace_panel(p->panel, p->win);
	werase(p->win);
	tui_list_place(&p->list, p->win, 1, 2, h - 2, w - 4);
	p->gen = t->gen;
}

static void pick_draw(struct tui *t, void *ctx)
{
	struct pick *p = ctx;

	if (p->gen != t->gen)
		pick_layout(t, p);
	box(p->win, 0, 0);
	wattrset(p->win, tui_attr(t, TA_HEADER));
	tui_put(p->win, 0, 2, getmaxx(p->win) - 4, p->title);
	wattrset(p->win, A_NORMAL);
	tui_list_draw(t, &p->list, "(nothing to pick)");
}

/* Select the first row that starts with what was typed (case ignored). */
static void pick_type(struct pick *p, int key)
{
	size_t len = strlen(p->typed);
	int i;

	if (key >= 128 || len + 1 >= sizeof(p->typed))
		return;
	p->typed[len] = (char)key;
	p->typed[len + 1] = '\0';
	for (i = 0; i < p->n; i++) {
		const char *r = p->rows[i];

		while (*r == ' ')
			r++;
		if (!strncasecmp(r, p->typed, len + 1)) {
			tui_list_select(&p->list, i);
			return;
		}
	}
	p->typed[0] = (char)key;
	p->typed[1] = '\0';
}

int tui_pick(struct tui *t, const char *title, char **rows, int n, int sel)
{
	struct pick p;
	enum tui_action act;
	int key, ret = -1;

	memset(&p, 0, sizeof(p));
	p.title = title;
	p.rows = rows;
	p.n = n;
	p.win = newwin(3, 10, 0, 0);
	p.panel = new_panel(p.win);
	p.gen = t->gen - 1;
	tui_list_init(&p.list, false);
	tui_list_set(&p.list, rows, n, sel);
	tui_overlay_push(pick_draw, &p);
	for (;;) {
		key = tui_getkey(t);
		if (key == TUI_KEY_EOF || key == TUI_KEY_ESC)
			break;
		if (key == KF(KEY_RESIZE))
			continue;
		act = tui_key_action(KM_GLOBAL, key);
		if (act == ACT_ENTER) {
			ret = tui_list_current(&p.list);
			break;
		}
		if (tui_list_move(&p.list, act)) {
			p.typed[0] = '\0';
			continue;
		}
		if (tui_key_printable(key))
			pick_type(&p, key);
	}
	tui_overlay_pop();
	tui_list_release(&p.list);
	del_panel(p.panel);
	delwin(p.win);
	return ret;
}
