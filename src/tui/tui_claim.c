/*
 * tui_claim.c: one claim: its header, diagnoses, lines, findings and status
 * history with who and when. Read-only; the claims work list acts on it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/claim.h"
#include "medbill/encounter.h"
#include "medbill/ledger.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "tui_priv.h"

struct claim_state {
	int64_t id;
	struct tui_rows text;
	int top;
};

static void line(struct claim_state *cs, const char *fmt, ...) MB_PRINTF(2, 3);
static void line(struct claim_state *cs, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	tui_rows_add(&cs->text, strbuf_str(&sb), 0);
	strbuf_release(&sb);
}

static const char *frequency_name(char f)
{
	return f == '7' ? "7 replacement" : f == '8' ? "8 void" : "1 original";
}

static int load(struct tui_screen *s)
{
	struct claim_state *cs = s->priv;
	struct store *st = s->tui->st;
	struct claim c;
	struct encounter e;
	struct patient p;
	struct coverage cov;
	struct payer py;
	struct claim_event *ev = NULL;
	struct ledger_totals bal;
	struct strbuf sb = STRBUF_INIT;
	char dos[DATE_ISO_LEN], m1[MONEY_BUF], m2[MONEY_BUF], m3[MONEY_BUF];
	size_t nev = 0, k;
	int i, j, rc;

	claim_init(&c);
	encounter_init(&e);
	tui_rows_clear(&cs->text);
	rc = claim_get(st, cs->id, &c);
	if (rc == MB_OK)
		rc = encounter_get(st, c.encounter, &e);
	if (rc == MB_OK)
		rc = patient_get(st, e.patient, &p);
	if (rc == MB_OK)
		rc = ledger_claim_balance(st, c.id, &bal);
	if (rc == MB_OK)
		rc = claim_history(st, c.id, &ev, &nev);
	if (rc != MB_OK)
		goto cleanup;
	tui_set_title(s, "Claim %s", c.pcn);
	date_iso(e.dos, dos);
	line(cs, "Claim %s   status %s   frequency %s", c.pcn, claim_status_name(c.status),
	     frequency_name(c.frequency));
	line(cs, "Patient %s, %s (%s)   DOS %s   POS %s", p.last, p.first, p.account, dos, e.pos);
	if (c.coverage && coverage_get(st, c.coverage, &cov) == MB_OK &&
	    payer_get(st, cov.payer, &py) == MB_OK)
		line(cs, "Payer %s (%s, member %s)", py.name,
		     cov.seq == 1 ? "primary" : cov.seq == 2 ? "secondary" : "tertiary", cov.member_id);
	else
		line(cs, "Payer none: patient responsibility");
	line(cs, "Billed %s   open: insurance %s, patient %s", money_fmt_grouped(c.total, m1),
	     money_fmt_grouped(bal.insurance, m2), money_fmt_grouped(bal.patient, m3));
	if (c.payer_claim_no[0])
		line(cs, "Payer claim number %s", c.payer_claim_no);
	line(cs, "%s", "");
	strbuf_adds(&sb, "Diagnoses");
	for (i = 0; i < e.ndiag; i++)
		strbuf_addf(&sb, "  %d %s", i + 1, e.diag[i]);
	line(cs, "%s", strbuf_str(&sb));
	line(cs, "%s", "");
	line(cs, "Ln Code  Modifiers    Units      Amount  Pointers");
	for (k = 0; k < (size_t)c.nlines; k++) {
		const struct charge *ch = NULL;

		for (i = 0; i < e.ncharges; i++)
			if (e.charges[i].id == c.lines[k])
				ch = &e.charges[i];
		if (!ch)
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%2zu %-5s ", k + 1, ch->code);
		for (j = 0; j < MAX_MODS; j++)
			strbuf_addf(&sb, "%-3s", ch->mods[j]);
		strbuf_addf(&sb, "%5d  ", ch->units);
		tui_money(&sb, ch->amount, 10);
		strbuf_adds(&sb, "  ");
		for (j = 0; j < MAX_PTRS && ch->ptrs[j]; j++)
			strbuf_addf(&sb, "%d ", ch->ptrs[j]);
		line(cs, "%s", strbuf_str(&sb));
	}
	tui_claim_findings(s->tui, c.id, &cs->text);
	line(cs, "%s", "");
	line(cs, "History");
	for (k = 0; k < nev; k++)
		line(cs, "  %s  %-12s %-9s %s", ev[k].created.at, ev[k].created.by,
		     claim_status_name(ev[k].status), ev[k].note);
cleanup:
	strbuf_release(&sb);
	free(ev);
	claim_release(&c);
	encounter_release(&e);
	return rc;
}

static int claim_open(struct tui_screen *s, const void *arg)
{
	struct claim_state *cs = xcalloc(1, sizeof(*cs));

	s->priv = cs;
	cs->id = *(const int64_t *)arg;
	tui_rows_init(&cs->text);
	if (load(s) != MB_OK) {
		tui_rows_release(&cs->text);
		free(cs);
		return MB_ERROR;
	}
	return MB_OK;
}

static void claim_draw(struct tui_screen *s)
{
	struct claim_state *cs = s->priv;
	int rows = getmaxy(s->win), y;

	werase(s->win);
	for (y = 0; y < rows && cs->top + y < cs->text.n; y++) {
		const char *l = cs->text.rows[cs->top + y];
		bool head = !strcmp(l, "History") || !strncmp(l, "Ln Code", 7) ||
			    !strncmp(l, "Findings", 8);

		wattrset(s->win, head ? tui_attr(s->tui, TA_HEADER) : A_NORMAL);
		tui_put(s->win, y, 1, -1, l);
	}
	wattrset(s->win, A_NORMAL);
}

static enum tui_action claim_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct claim_state *cs = s->priv;
	int page = getmaxy(s->win) - 1, last = cs->text.n - getmaxy(s->win);

	switch (act) {
	case ACT_UP: cs->top--; break;
	case ACT_DOWN: cs->top++; break;
	case ACT_PGUP: cs->top -= page; break;
	case ACT_PGDN: cs->top += page; break;
	case ACT_HOME: cs->top = 0; break;
	case ACT_END: cs->top = last; break;
	default:
		act = tui_claim_action(s, cs->id, act);
		if (act == ACT_NONE && load(s) != MB_OK)
			tui_fail(s->tui);
		return act;
	}
	if (cs->top > last)
		cs->top = last;
	if (cs->top < 0)
		cs->top = 0;
	return ACT_NONE;
}

static void claim_resume(struct tui_screen *s)
{
	if (load(s) != MB_OK)
		tui_fail(s->tui);
}

static void claim_close(struct tui_screen *s)
{
	struct claim_state *cs = s->priv;

	tui_rows_release(&cs->text);
	free(cs);
}

static const enum tui_action claim_bar[] = {
	ACT_HELP, ACT_HOLD, ACT_RELEASE, ACT_RESUBMIT, ACT_VOID, ACT_BACK, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_claim_ops = {
	.name = "Claim",
	.keymap = KM_CLAIMS,
	.bar = claim_bar,
	.open = claim_open,
	.draw = claim_draw,
	.key = claim_key,
	.resume = claim_resume,
	.close = claim_close,
};
