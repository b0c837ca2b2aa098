/*
 * tui_search.c: patient search. The list follows each key typed: a
 * last-name prefix, "last, first", an account number, a date of birth or a
 * member ID (patient_search() decides which). Enter opens the patient; F5
 * adds one. Opened with a non-NULL arg ("pick"), Enter hands the patient to
 * charge entry instead.
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/patient.h"
#include "tui_priv.h"

#define SEARCH_LIMIT 50

enum { F_TEXT };

static const struct tui_fspec search_fields[] = {
	{ "find", "Find", 0, 1, 40, 60, FK_TEXT },
};

struct search_state {
	struct tui_form form;
	struct tui_list list;
	int64_t *ids;
	int n;
	size_t alloc;
	char **rows;
	size_t rows_alloc;
	char last[64];		/* the text the list was made for */
	bool pick;		/* for charge entry */
	bool more;		/* the limit was reached */
};

static int collect(const struct patient *p, void *arg)
{
	struct search_state *ss = arg;
	struct strbuf sb = STRBUF_INIT;
	char name[128], dob[DATE_ISO_LEN];

	snprintf(name, sizeof(name), "%s, %s%s%s", p->last, p->first, p->middle[0] ? " " : "",
		 p->middle);
	date_iso(p->dob, dob);
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, p->account, 12, false);
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, name, 32, false);
	strbuf_addf(&sb, " %-10s  %c  ", dob, p->sex ? p->sex : ' ');
	tui_fit(&sb, p->addr.city, 16, false);
	ALLOC_GROW(ss->ids, (size_t)ss->n + 1, ss->alloc);
	ALLOC_GROW(ss->rows, (size_t)ss->n + 1, ss->rows_alloc);
	ss->ids[ss->n] = p->id;
	ss->rows[ss->n] = strbuf_detach(&sb);
	ss->n++;
	return MB_OK;
}

static void clear_rows(struct search_state *ss)
{
	int i;

	for (i = 0; i < ss->n; i++)
		free(ss->rows[i]);
	ss->n = 0;
}

/* Run the search for what the field holds, when it changed. */
static void run_search(struct tui_screen *s, bool force)
{
	struct search_state *ss = s->priv;
	char text[64];

	tui_form_get(&ss->form, F_TEXT, text, sizeof(text));
	if (!force && !strcmp(text, ss->last))
		return;
	SCPY(ss->last, text);
	clear_rows(ss);
	ss->more = false;
	if (text[0]) {
		if (patient_search(s->tui->st, text, SEARCH_LIMIT + 1, collect, ss) != MB_OK) {
			tui_fail(s->tui);
			clear_rows(ss);
		}
		if (ss->n > SEARCH_LIMIT) {
			free(ss->rows[--ss->n]);
			ss->more = true;
		}
	}
	tui_list_set(&ss->list, ss->rows, ss->n, 0);
}

static int search_open(struct tui_screen *s, const void *arg)
{
	struct search_state *ss = xcalloc(1, sizeof(*ss));

	s->priv = ss;
	ss->pick = arg != NULL;
	if (ss->pick)
		tui_set_title(s, "Charges: pick a patient");
	tui_form_init(&ss->form, s->tui, search_fields, 1, NULL, NULL);
	ss->form.active = true;
	tui_list_init(&ss->list, false);
	return MB_OK;
}

static void search_layout(struct tui_screen *s)
{
	struct search_state *ss = s->priv;
	int h = getmaxy(s->win), w = getmaxx(s->win);

	werase(s->win);
	tui_form_place(&ss->form, s->win, 1, 1, 1, w - 2);
	tui_list_place(&ss->list, s->win, 5, 1, h - 6, w - 2);
}

static void search_draw(struct tui_screen *s)
{
	struct search_state *ss = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char empty[120];

	wmove(s->win, 2, 0);
	wclrtoeol(s->win);
	wattrset(s->win, tui_attr(s->tui, TA_DIM));
	tui_put(s->win, 2, 1, -1, "last name, \"last, first\", account, date of birth or member ID");
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, "Account", 12, false);
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, "Name", 32, false);
	strbuf_addf(&sb, " %-10s  %s  %s", "DOB", "S", "City");
	wmove(s->win, 4, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 4, 1, -1, strbuf_str(&sb));
	wattrset(s->win, A_NORMAL);
	wmove(s->win, getmaxy(s->win) - 1, 0);
	wclrtoeol(s->win);
	if (ss->n)
		mvwprintw(s->win, getmaxy(s->win) - 1, 1, ss->more ? "first %d patients shown: type more" :
			  "%d patient%s", ss->n, ss->n == 1 ? "" : "s");
	strbuf_release(&sb);
	if (ss->last[0])
		snprintf(empty, sizeof(empty), "no patient matches '%s'", ss->last);
	else
		snprintf(empty, sizeof(empty), "type to find a patient; F5 adds a new one");
	tui_list_draw(s->tui, &ss->list, empty);
	tui_form_draw(&ss->form);
}

static int64_t selected(struct search_state *ss)
{
	int i = tui_list_current(&ss->list);

	return i >= 0 && i < ss->n ? ss->ids[i] : 0;
}

static enum tui_action search_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct search_state *ss = s->priv;
	int64_t id;

	if (tui_list_move(&ss->list, act))
		return ACT_NONE;
	switch (act) {
	case ACT_ENTER:
		id = selected(ss);
		if (!id) {
			tui_error(s->tui, "no patient to open: type part of a name first");
			return ACT_NONE;
		}
		if (ss->pick) {
			struct tui *t = s->tui;

			tui_pop(t, true);	/* frees s */
			tui_push(t, &tui_charge_ops, &id);
		} else {
			tui_push(s->tui, &tui_patient_ops, &id);
		}
		return ACT_NONE;
	case ACT_NEW:
		tui_push(s->tui, &tui_patient_ops, NULL);
		return ACT_NONE;
	case ACT_CHARGE:
		id = selected(ss);
		if (id)
			tui_push(s->tui, &tui_charge_ops, &id);
		return ACT_NONE;
	case ACT_FIND:
		return ACT_NONE;
	case ACT_NEXT:
	case ACT_PREV:
		return ACT_NONE;
	default:
		break;
	}
	if (tui_form_key(&ss->form, key, act)) {
		run_search(s, false);
		return ACT_NONE;
	}
	return act;
}

static void search_resume(struct tui_screen *s)
{
	run_search(s, true);
}

static void search_close(struct tui_screen *s)
{
	struct search_state *ss = s->priv;

	clear_rows(ss);
	free(ss->rows);
	free(ss->ids);
	tui_list_release(&ss->list);
	tui_form_release(&ss->form);
	free(ss);
}

static const enum tui_action search_bar[] = {
	ACT_HELP, ACT_NEW, ACT_CHARGE, ACT_ENTER, ACT_BACK, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_search_ops = {
	.name = "Patient search",
	.keymap = KM_GLOBAL,
	.bar = search_bar,
	.open = search_open,
	.layout = search_layout,
	.draw = search_draw,
	.key = search_key,
	.resume = search_resume,
	.close = search_close,
};
