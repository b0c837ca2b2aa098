/*
 * tui_cell.c: the claims behind one cell of the A/R aging table (a payer or
 * a patient, one age bucket or the whole row), from aging_cell_foreach().
 * Enter opens a claim.
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/aging.h"
#include "medbill/claim.h"
#include "medbill/patient.h"
#include "tui_priv.h"

#define CELL_MAX 2000

struct cell_state {
	struct tui_cell_arg arg;
	struct tui_list list;
	struct tui_rows rows;
	cents_t total;
	int count;
	char find[64];
};

struct cell_walk {
	struct tui_screen *s;
	struct strbuf sb;
};

static int cell_row(const struct aging_claim *ac, void *ud)
{
	struct cell_walk *w = ud;
	struct cell_state *cs = w->s->priv;
	struct tui *t = w->s->tui;
	struct claim c;
	struct patient p;
	char dos[DATE_ISO_LEN], name[100] = "", pcn[24] = "(no claim)";

	cs->count++;
	cs->total += ac->amount;
	if (cs->rows.n >= CELL_MAX)
		return 0;
	claim_init(&c);
	if (ac->claim && claim_get(t->st, ac->claim, &c) == MB_OK)
		SCPY(pcn, c.pcn);
	if (patient_get(t->st, ac->patient, &p) == MB_OK)
		snprintf(name, sizeof(name), "%s, %s", p.last, p.first);
	date_iso(ac->dos, dos);
	strbuf_reset(&w->sb);
	strbuf_addch(&w->sb, ' ');
	tui_fit(&w->sb, pcn, 16, false);
	strbuf_addch(&w->sb, ' ');
	tui_fit(&w->sb, name, 24, false);
	strbuf_addf(&w->sb, " %-10s ", dos);
	tui_money(&w->sb, ac->amount, 11);
	strbuf_addf(&w->sb, "  %s", ac->claim ? claim_status_name(c.status) : "");
	tui_rows_add(&cs->rows, strbuf_str(&w->sb), ac->claim);
	claim_release(&c);
	return 0;
}

static int load(struct tui_screen *s)
{
	struct cell_state *cs = s->priv;
	struct cell_walk w = { s, STRBUF_INIT };
	int rc;

	tui_rows_clear(&cs->rows);
	cs->total = 0;
	cs->count = 0;
	rc = aging_cell_foreach(s->tui->st, cs->arg.by, cs->arg.id, cs->arg.bucket, cs->arg.as_of,
				cell_row, &w);
	strbuf_release(&w.sb);
	if (rc != MB_OK)
		return MB_ERROR;
	tui_list_set(&cs->list, cs->rows.rows, cs->rows.n, tui_list_current(&cs->list));
	return MB_OK;
}

static int cell_open(struct tui_screen *s, const void *arg)
{
	struct cell_state *cs = xcalloc(1, sizeof(*cs));

	s->priv = cs;
	cs->arg = *(const struct tui_cell_arg *)arg;
	tui_rows_init(&cs->rows);
	tui_list_init(&cs->list, false);
	if (load(s) != MB_OK) {
		tui_rows_release(&cs->rows);
		free(cs);
		return MB_ERROR;
	}
	tui_set_title(s, "A/R aging: %s, %s", cs->arg.name,
		      cs->arg.bucket < 0 ? "all ages" : aging_bucket_label(cs->arg.bucket));
	return MB_OK;
}

static void cell_layout(struct tui_screen *s)
{
	struct cell_state *cs = s->priv;

	werase(s->win);
	tui_list_place(&cs->list, s->win, 3, 1, getmaxy(s->win) - 4, getmaxx(s->win) - 2);
}

static void cell_draw(struct tui_screen *s)
{
	struct cell_state *cs = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_ISO_LEN], m[MONEY_BUF];

	date_iso(cs->arg.as_of, d);
	wmove(s->win, 0, 0);
	wclrtoeol(s->win);
	strbuf_addf(&sb, "%s, %s days, as of %s: %d balance%s, %s", cs->arg.name,
		    cs->arg.bucket < 0 ? "all" : aging_bucket_label(cs->arg.bucket), d, cs->count,
		    cs->count == 1 ? "" : "s", money_fmt_grouped(cs->total, m));
	tui_put(s->win, 0, 1, -1, strbuf_str(&sb));
	wmove(s->win, 1, 0);
	wclrtoeol(s->win);
	if (cs->count > cs->rows.n)
		mvwprintw(s->win, 1, 1, "the first %d are listed", cs->rows.n);
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	wmove(s->win, 2, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 2, 1, -1, " Claim            Patient                  DOS            Balance  Status");
	wattrset(s->win, A_NORMAL);
	tui_list_draw(s->tui, &cs->list, "no open balance in this cell");
	strbuf_release(&sb);
}

static enum tui_action cell_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct cell_state *cs = s->priv;
	int cur;

	if (tui_list_move(&cs->list, act))
		return ACT_NONE;
	if (act == ACT_SEARCH) {
		tui_list_search(s->tui, &cs->list, cs->find, sizeof(cs->find));
		return ACT_NONE;
	}
	if (act == ACT_ENTER) {
		cur = tui_list_current(&cs->list);
		if (cur >= 0 && cs->rows.ids[cur])
			tui_push(s->tui, &tui_claim_ops, &cs->rows.ids[cur]);
		else if (cur >= 0)
			tui_error(s->tui, "this balance is not on a claim");
		return ACT_NONE;
	}
	return act;
}

static void cell_resume(struct tui_screen *s)
{
	if (load(s) != MB_OK)
		tui_fail(s->tui);
}

static void cell_close(struct tui_screen *s)
{
	struct cell_state *cs = s->priv;

	tui_list_release(&cs->list);
	tui_rows_release(&cs->rows);
	free(cs);
}

static const enum tui_action cell_bar[] = {
	ACT_HELP, ACT_ENTER, ACT_BACK, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_cell_ops = {
	.name = "Aging cell",
	.keymap = KM_GLOBAL,
	.bar = cell_bar,
	.open = cell_open,
	.layout = cell_layout,
	.draw = cell_draw,
	.key = cell_key,
	.resume = cell_resume,
	.close = cell_close,
};
