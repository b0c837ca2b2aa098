/*
 * tui_patient.c: one patient: the demographics form, the coverages
 * (primary, secondary, tertiary; F5 adds, Enter edits), the account summary
 * and the visits with their claims' status. Fields are checked by the
 * domain when they are left; F2 saves the patient and every changed
 * coverage in one transaction. Tab and F6 move between the three parts.
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/claim.h"
#include "medbill/encounter.h"
#include "medbill/ledger.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/validate.h"
#include "tui_priv.h"

enum {
	P_ACCOUNT, P_LAST, P_FIRST, P_MIDDLE, P_DOB, P_SEX, P_PHONE,
	P_ADDR1, P_ADDR2, P_CITY, P_STATE, P_ZIP, P_COUNT
};

/* Field names are the ones patient_validate() puts in its messages. */
static const struct tui_fspec pat_fields[P_COUNT] = {
	[P_ACCOUNT] = { "account", "Account", 0, 0, 12, 20, FK_UPPER },
	[P_LAST] = { "last name", "Last", 0, 21, 20, 60, FK_TEXT },
	[P_FIRST] = { "first name", "First", 0, 47, 14, 35, FK_TEXT },
	[P_MIDDLE] = { "middle name", "MI", 0, 68, 5, 25, FK_TEXT },
	[P_DOB] = { "dob", "DOB", 1, 0, 10, 0, FK_DATE },
	[P_SEX] = { "sex", "Sex", 1, 16, 1, 0, FK_UPPER },
	[P_PHONE] = { "phone", "Phone", 1, 23, 14, 0, FK_TEXT },
	[P_ADDR1] = { "address line 1", "Address", 2, 0, 30, 55, FK_TEXT },
	[P_ADDR2] = { "address line 2", NULL, 2, 39, 30, 55, FK_TEXT },
	[P_CITY] = { "address city", "City", 3, 0, 20, 30, FK_TEXT },
	[P_STATE] = { "address state", "State", 3, 26, 2, 0, FK_UPPER },
	[P_ZIP] = { "address ZIP", "ZIP", 3, 36, 10, 0, FK_TEXT },
};

enum pane { PANE_FORM, PANE_COV, PANE_VISITS, PANE_COUNT };

struct visit {
	int64_t encounter, claim;
};

struct pat_state {
	struct patient p;		/* as stored (id 0: new) */
	struct tui_form form;
	struct tui_cov *covs;
	int ncovs;
	struct tui_list cov_list, visit_list;
	struct visit *visits;
	int nvisits;
	size_t visits_alloc;
	struct account_summary acct;
	enum pane pane;
};

/* Put one field's text into a patient. */
static void set_from_text(struct patient *p, int field, const char *text)
{
	mbdate_t d = 0;

	switch (field) {
	case P_ACCOUNT: SCPY(p->account, text); break;
	case P_LAST: SCPY(p->last, text); break;
	case P_FIRST: SCPY(p->first, text); break;
	case P_MIDDLE: SCPY(p->middle, text); break;
	case P_DOB:
		p->dob = text[0] && date_parse(text, &d, "dob") == MB_OK ? d : 0;
		break;
	case P_SEX: p->sex = text[0]; break;
	case P_PHONE: SCPY(p->phone, text); break;
	case P_ADDR1: SCPY(p->addr.line1, text); break;
	case P_ADDR2: SCPY(p->addr.line2, text); break;
	case P_CITY: SCPY(p->addr.city, text); break;
	case P_STATE: SCPY(p->addr.state, text); break;
	case P_ZIP: SCPY(p->addr.zip, text); break;
	default: break;
	}
}

static void read_form(struct pat_state *ps, struct patient *p)
{
	char buf[128];
	int i;

	*p = ps->p;
	for (i = 0; i < P_COUNT; i++) {
		tui_form_get(&ps->form, i, buf, sizeof(buf));
		set_from_text(p, i, buf);
	}
}

static void fill_form(struct pat_state *ps)
{
	const struct patient *p = &ps->p;
	char dob[DATE_ISO_LEN], sex[2] = { p->sex, '\0' };

	date_iso(p->dob, dob);
	tui_form_set(&ps->form, P_ACCOUNT, p->account);
	tui_form_set(&ps->form, P_LAST, p->last);
	tui_form_set(&ps->form, P_FIRST, p->first);
	tui_form_set(&ps->form, P_MIDDLE, p->middle);
	tui_form_set(&ps->form, P_DOB, dob);
	tui_form_set(&ps->form, P_SEX, sex);
	tui_form_set(&ps->form, P_PHONE, p->phone);
	tui_form_set(&ps->form, P_ADDR1, p->addr.line1);
	tui_form_set(&ps->form, P_ADDR2, p->addr.line2);
	tui_form_set(&ps->form, P_CITY, p->addr.city);
	tui_form_set(&ps->form, P_STATE, p->addr.state);
	tui_form_set(&ps->form, P_ZIP, p->addr.zip);
	tui_form_clean(&ps->form);
}

/*
 * Field-exit check: the field's text in an otherwise complete patient, run
 * through the domain's patient_validate(); a message naming this field
 * keeps the cursor there. (The other fields are checked when they are left,
 * and all together on F2.)
 */
static int pat_check(void *ctx, int field, const char *text)
{
	struct patient probe;
	char want[64];

	(void)ctx;
	memset(&probe, 0, sizeof(probe));
	SCPY(probe.account, "X1");
	SCPY(probe.last, "X");
	SCPY(probe.first, "X");
	probe.dob = 19700101;
	probe.sex = 'U';
	SCPY(probe.addr.line1, "X");
	SCPY(probe.addr.city, "X");
	SCPY(probe.addr.state, "NY");
	SCPY(probe.addr.zip, "10001");
	if (field == P_ACCOUNT && !text[0])
		return MB_OK;	/* a new patient's account is assigned */
	set_from_text(&probe, field, text);
	patient_normalize(&probe);
	if (patient_validate(&probe) == MB_OK)
		return MB_OK;
	snprintf(want, sizeof(want), "'%s'", pat_fields[field].name);
	return strstr(error_last(), want) ? MB_ERROR : MB_OK;
}

static void cov_rows(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	struct tui_rows r;
	struct strbuf sb = STRBUF_INIT;
	char eff[DATE_ISO_LEN], end[DATE_ISO_LEN];
	int i;

	tui_rows_init(&r);
	for (i = 0; i < ps->ncovs; i++) {
		const struct coverage *c = &ps->covs[i].c;
		const char *rel = relationship_name(c->relationship);

		strbuf_reset(&sb);
		date_iso(c->effective, eff);
		date_iso(c->end, end);
		strbuf_addf(&sb, " %d ", c->seq);
		tui_fit(&sb, ps->covs[i].payer_name, 20, false);
		strbuf_addch(&sb, ' ');
		tui_fit(&sb, c->member_id, 14, false);
		strbuf_addch(&sb, ' ');
		tui_fit(&sb, c->group_no, 8, false);
		strbuf_addch(&sb, ' ');
		tui_fit(&sb, rel ? rel : c->relationship, 6, false);
		strbuf_addf(&sb, " %-10s %-10s%s", eff, end, ps->covs[i].changed ? " *" : "");
		tui_rows_add(&r, strbuf_str(&sb), i);
	}
	tui_list_set(&ps->cov_list, r.rows, r.n, tui_list_current(&ps->cov_list));
	tui_rows_release(&r);
	strbuf_release(&sb);
}

static int load_covs(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	struct coverage *list = NULL;
	struct payer py;
	int i, n = 0;

	free(ps->covs);
	ps->covs = NULL;
	ps->ncovs = 0;
	if (ps->p.id && coverage_list(s->tui->st, ps->p.id, &list, &n) != MB_OK)
		return MB_ERROR;
	ps->covs = xcalloc((size_t)n + 1, sizeof(*ps->covs));
	for (i = 0; i < n; i++) {
		ps->covs[i].c = list[i];
		if (payer_get(s->tui->st, list[i].payer, &py) == MB_OK)
			SCPY(ps->covs[i].payer_name, py.name);
	}
	ps->ncovs = n;
	free(list);
	cov_rows(s);
	return MB_OK;
}

struct visit_walk {
	struct tui_screen *s;
	struct tui_rows rows;
	struct claim_row *claims;
	int nclaims;
	size_t claims_alloc;
};

static int claim_collect(const struct claim_row *row, void *ud)
{
	struct visit_walk *w = ud;

	ALLOC_GROW(w->claims, (size_t)w->nclaims + 1, w->claims_alloc);
	w->claims[w->nclaims] = *row;
	w->claims[w->nclaims].claim.lines = NULL;
	w->claims[w->nclaims].claim.nlines = 0;
	w->nclaims++;
	return 0;
}

static int visit_collect(const struct encounter *e, void *arg)
{
	struct visit_walk *w = arg;
	struct pat_state *ps = w->s->priv;
	struct strbuf sb = STRBUF_INIT;
	char dos[DATE_ISO_LEN], name[100] = "";
	struct provider pr;
	cents_t billed = 0;
	int i, nclaims = 0, first = -1;

	for (i = 0; i < e->ncharges; i++)
		billed += e->charges[i].amount;
	for (i = 0; i < w->nclaims; i++)
		if (w->claims[i].claim.encounter == e->id) {
			if (first < 0)
				first = i;
			nclaims++;
		}
	if (provider_get(w->s->tui->st, e->rendering, &pr) == MB_OK)
		snprintf(name, sizeof(name), "%s, %s", pr.last, pr.first);
	date_iso(e->dos, dos);
	strbuf_addf(&sb, " %-10s ", dos);
	tui_fit(&sb, name, 16, false);
	strbuf_addf(&sb, " %2d ", e->ncharges);
	tui_money(&sb, billed, 10);
	strbuf_addch(&sb, ' ');
	tui_money(&sb, first >= 0 ? w->claims[first].balance : 0, 10);
	strbuf_addch(&sb, ' ');
	if (first >= 0) {
		tui_fit(&sb, w->claims[first].claim.pcn, 14, false);
		strbuf_addf(&sb, " %s%s", claim_status_name(w->claims[first].claim.status),
			    nclaims > 1 ? " +" : "");
	} else {
		strbuf_adds(&sb, "no claim");
	}
	ALLOC_GROW(ps->visits, (size_t)ps->nvisits + 1, ps->visits_alloc);
	ps->visits[ps->nvisits].encounter = e->id;
	ps->visits[ps->nvisits].claim = first >= 0 ? w->claims[first].claim.id : 0;
	ps->nvisits++;
	tui_rows_add(&w->rows, strbuf_str(&sb), e->id);
	strbuf_release(&sb);
	return MB_OK;
}

/* The visits, newest first, with the account summary. */
static int load_visits(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	struct visit_walk w;
	struct claim_filter f;
	int rc = MB_OK, i;

	memset(&w, 0, sizeof(w));
	w.s = s;
	tui_rows_init(&w.rows);
	ps->nvisits = 0;
	memset(&ps->acct, 0, sizeof(ps->acct));
	if (ps->p.id) {
		claim_filter_init(&f);
		f.patient = ps->p.id;
		rc = claim_foreach(s->tui->st, &f, claim_collect, &w);
		if (rc == MB_OK)
			rc = encounter_foreach_patient(s->tui->st, ps->p.id, visit_collect, &w);
		if (rc == MB_OK)
			rc = ledger_account(s->tui->st, ps->p.id, &ps->acct);
	}
	/* Newest first. */
	for (i = 0; i < w.rows.n / 2; i++) {
		int j = w.rows.n - 1 - i;
		char *tr = w.rows.rows[i];
		struct visit tv = ps->visits[i];

		w.rows.rows[i] = w.rows.rows[j];
		w.rows.rows[j] = tr;
		ps->visits[i] = ps->visits[j];
		ps->visits[j] = tv;
	}
	tui_list_set(&ps->visit_list, w.rows.rows, w.rows.n, 0);
	tui_rows_release(&w.rows);
	free(w.claims);
	return rc;
}

static void set_pane(struct pat_state *ps, enum pane p)
{
	ps->pane = p;
	ps->form.active = p == PANE_FORM;
	ps->cov_list.focus = p == PANE_COV;
	ps->visit_list.focus = p == PANE_VISITS;
}

static int pat_open(struct tui_screen *s, const void *arg)
{
	struct pat_state *ps = xcalloc(1, sizeof(*ps));

	s->priv = ps;
	if (arg && patient_get(s->tui->st, *(const int64_t *)arg, &ps->p) != MB_OK) {
		free(ps);
		return MB_ERROR;
	}
	tui_form_init(&ps->form, s->tui, pat_fields, P_COUNT, pat_check, ps);
	tui_list_init(&ps->cov_list, false);
	tui_list_init(&ps->visit_list, false);
	fill_form(ps);
	if (load_covs(s) != MB_OK || load_visits(s) != MB_OK) {
		tui_fail(s->tui);
	}
	set_pane(ps, PANE_FORM);
	tui_form_focus(&ps->form, ps->p.id ? P_LAST : P_LAST);
	if (ps->p.id)
		tui_set_title(s, "Patient %s", ps->p.account);
	else
		tui_set_title(s, "New patient");
	return MB_OK;
}

static void pat_layout(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	int h = getmaxy(s->win), w = getmaxx(s->win);

	werase(s->win);
	tui_form_place(&ps->form, s->win, 0, 1, 4, w - 2);
	tui_list_place(&ps->cov_list, s->win, 6, 1, 3, w - 2);
	tui_list_place(&ps->visit_list, s->win, 13, 1, h - 13 > 1 ? h - 13 : 1, w - 2);
}

static void heading(struct tui_screen *s, int y, const char *text)
{
	wmove(s->win, y, 0);
	wclrtoeol(s->win);
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	tui_put(s->win, y, 1, -1, text);
	wattrset(s->win, A_NORMAL);
}

static void pat_draw(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_ISO_LEN], amt[MONEY_BUF];
	const struct account_summary *a = &ps->acct;

	heading(s, 5, " # Payer                Member ID      Group    Rel    Effective  End");
	tui_list_draw(s->tui, &ps->cov_list, ps->p.id || ps->ncovs ? "no coverage: F5 adds one"
			       : "no coverage yet: F5 adds one");
	wmove(s->win, 10, 0);
	wclrtoeol(s->win);
	strbuf_adds(&sb, " Balance  insurance ");
	strbuf_adds(&sb, money_fmt_grouped(a->insurance, amt));
	strbuf_adds(&sb, "  patient ");
	strbuf_adds(&sb, money_fmt_grouped(a->patient, amt));
	strbuf_adds(&sb, "  last payment ");
	if (!a->last_pat_payment && !a->last_ins_payment) {
		strbuf_adds(&sb, "none");
	} else if (a->last_pat_payment >= a->last_ins_payment) {
		date_iso(a->last_pat_payment, d);
		strbuf_addf(&sb, "%s %s (patient)", d, money_fmt_grouped(a->last_pat_amount, amt));
	} else {
		date_iso(a->last_ins_payment, d);
		strbuf_addf(&sb, "%s %s (insurance)", d, money_fmt_grouped(a->last_ins_amount, amt));
	}
	tui_put(s->win, 10, 1, -1, strbuf_str(&sb));
	heading(s, 12, " DOS        Rendering        Ln     Billed    Balance Claim          Status");
	tui_list_draw(s->tui, &ps->visit_list, ps->p.id ? "no visits yet: F7 enters charges" : "");
	tui_form_draw(&ps->form);
	strbuf_release(&sb);
}

static bool pat_dirty(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	int i;

	if (ps->form.changed)
		return true;
	for (i = 0; i < ps->ncovs; i++)
		if (ps->covs[i].changed)
			return true;
	return false;
}

/* F2: the patient and the changed coverages, in one transaction. */
static void save(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;
	struct store *st = s->tui->st;
	struct patient p;
	int i, rc, f;
	bool isnew = !ps->p.id;

	if (tui_form_validate(&ps->form) != MB_OK)
		return;
	read_form(ps, &p);
	if (store_begin(st) != MB_OK) {
		tui_fail(s->tui);
		return;
	}
	rc = isnew ? patient_add(st, &p) : patient_update(st, &p);
	if (rc != MB_OK) {
		store_rollback(st);
		tui_fail(s->tui);
		f = tui_form_field_named(&ps->form, error_last());
		set_pane(ps, PANE_FORM);
		if (f >= 0)
			tui_form_focus(&ps->form, f);
		return;
	}
	for (i = 0; i < ps->ncovs; i++) {
		struct coverage c = ps->covs[i].c;

		if (!ps->covs[i].changed)
			continue;
		c.patient = p.id;
		rc = c.id ? coverage_update(st, &c) : coverage_add(st, &c);
		if (rc != MB_OK) {
			store_rollback(st);
			error_prefix("coverage %d (%s)", ps->covs[i].c.seq, ps->covs[i].payer_name);
			tui_fail(s->tui);
			set_pane(ps, PANE_COV);
			tui_list_select(&ps->cov_list, i);
			return;
		}
	}
	if (store_commit(st) != MB_OK) {
		tui_fail(s->tui);
		return;
	}
	ps->p = p;
	fill_form(ps);
	if (load_covs(s) != MB_OK || load_visits(s) != MB_OK) {
		tui_fail(s->tui);
		return;
	}
	tui_set_title(s, "Patient %s", p.account);
	tui_msg(s->tui, "patient %s %s saved%s", p.account, p.last, isnew ? " (new)" : "");
}

static void edit_coverage(struct tui_screen *s, int i)
{
	struct pat_state *ps = s->priv;
	struct tui_cov cv;
	bool used[4] = { false };
	int j;

	if (i >= 0) {
		cv = ps->covs[i];
	} else {
		if (ps->ncovs >= 9) {
			tui_error(s->tui, "'seq': this patient has enough coverages; edit one instead");
			return;
		}
		memset(&cv, 0, sizeof(cv));
		for (j = 0; j < ps->ncovs; j++)
			if (ps->covs[j].c.seq >= 1 && ps->covs[j].c.seq <= 3 && !ps->covs[j].c.end)
				used[ps->covs[j].c.seq] = true;
		cv.c.seq = !used[1] ? 1 : !used[2] ? 2 : 3;
		cv.c.patient = ps->p.id;
		cv.c.effective = date_today();
		SCPY(cv.c.relationship, REL_SELF);
	}
	if (!tui_coverage_edit(s->tui, &cv))
		return;
	if (i < 0) {
		ps->covs = xrealloc(ps->covs, sizeof(*ps->covs) * (size_t)(ps->ncovs + 1));
		i = ps->ncovs++;
	}
	ps->covs[i] = cv;
	cov_rows(s);
	tui_list_select(&ps->cov_list, i);
	tui_msg(s->tui, "coverage %d changed: F2 saves the patient", cv.c.seq);
}

static void next_pane(struct pat_state *ps, int dir)
{
	if (ps->pane == PANE_FORM && tui_form_validate(&ps->form) != MB_OK)
		return;
	set_pane(ps, (enum pane)((ps->pane + PANE_COUNT + dir) % PANE_COUNT));
}

static enum tui_action pat_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct pat_state *ps = s->priv;
	int cur;

	switch (act) {
	case ACT_SAVE:
		save(s);
		return ACT_NONE;
	case ACT_PANE:
		next_pane(ps, 1);
		return ACT_NONE;
	case ACT_NEW:
		edit_coverage(s, -1);
		return ACT_NONE;
	case ACT_CHARGE:
		if (!ps->p.id || pat_dirty(s)) {
			tui_error(s->tui, "save the patient first (F2), then enter charges");
			return ACT_NONE;
		}
		tui_push(s->tui, &tui_charge_ops, &ps->p.id);
		return ACT_NONE;
	default:
		break;
	}
	switch (ps->pane) {
	case PANE_FORM:
		cur = tui_form_current(&ps->form);
		if ((act == ACT_NEXT || act == ACT_ENTER) && cur == P_COUNT - 1) {
			next_pane(ps, 1);
			return ACT_NONE;
		}
		if (act == ACT_PREV && cur == 0) {
			next_pane(ps, -1);
			return ACT_NONE;
		}
		if (act == ACT_ENTER)
			act = ACT_NEXT;
		if (tui_form_key(&ps->form, key, act))
			return ACT_NONE;
		return act;
	case PANE_COV:
		if (tui_list_move(&ps->cov_list, act))
			return ACT_NONE;
		if (act == ACT_ENTER) {
			cur = tui_list_current(&ps->cov_list);
			if (cur >= 0)
				edit_coverage(s, cur);
			else
				edit_coverage(s, -1);
			return ACT_NONE;
		}
		break;
	case PANE_VISITS:
		if (tui_list_move(&ps->visit_list, act))
			return ACT_NONE;
		if (act == ACT_ENTER) {
			cur = tui_list_current(&ps->visit_list);
			if (cur >= 0 && ps->visits[cur].claim)
				tui_push(s->tui, &tui_claim_ops, &ps->visits[cur].claim);
			return ACT_NONE;
		}
		break;
	default:
		break;
	}
	if (act == ACT_NEXT || act == ACT_PREV) {
		next_pane(ps, act == ACT_NEXT ? 1 : -1);
		if (ps->pane == PANE_FORM)
			tui_form_focus(&ps->form, act == ACT_NEXT ? 0 : P_COUNT - 1);
		return ACT_NONE;
	}
	return act;
}

static void pat_resume(struct tui_screen *s)
{
	if (load_visits(s) != MB_OK)
		tui_fail(s->tui);
}

static void pat_close(struct tui_screen *s)
{
	struct pat_state *ps = s->priv;

	tui_form_release(&ps->form);
	tui_list_release(&ps->cov_list);
	tui_list_release(&ps->visit_list);
	free(ps->covs);
	free(ps->visits);
	free(ps);
}

static const enum tui_action pat_bar[] = {
	ACT_HELP, ACT_SAVE, ACT_NEW, ACT_PANE, ACT_CHARGE, ACT_BACK, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_patient_ops = {
	.name = "Patient",
	.keymap = KM_GLOBAL,
	.bar = pat_bar,
	.open = pat_open,
	.layout = pat_layout,
	.draw = pat_draw,
	.key = pat_key,
	.dirty = pat_dirty,
	.resume = pat_resume,
	.close = pat_close,
};
