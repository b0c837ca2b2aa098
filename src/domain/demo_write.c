/*
 * demo_write.c: the demo generator's two writers (see demo.c).
 *
 * The API writer calls patient_add(), coverage_add(), encounter_post(),
 * claim_set_status(), claim_add() and the ledger_*() posts, each with every
 * check a clerk's action gets.
 *
 * The bulk writer produces the same rows. People and encounters pass the
 * same validators (patient_validate(), coverage_validate(),
 * encounter_check(), coverage_check_date()); claims, their history and the
 * ledger rows are made exactly as encounter_post() and the ledger posts
 * would make them. Every row gets its id here (the database is empty) and
 * goes to the store's bulk writer (store_demo.h), many rows to a
 * statement; the balances projection is rebuilt once at the end
 * (ledger_rebuild_balances()). The plain indexes of those tables are
 * dropped for the load and built again after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_priv.h"
#include "medbill/claim.h"
#include "medbill/encounter.h"
#include "medbill/ledger.h"
#include "medbill/patient.h"
#include "medbill/store.h"
#include "medbill/store_demo.h"
#include "medbill/validate.h"

/* What "created from encounter N" claim_create() writes in a new claim's history. */
#define CREATED_NOTE "created from encounter %lld"

int demo_write_begin(struct demo *d)
{
	if (!d->bulk)
		return MB_OK;
	d->next_patient = d->next_coverage = d->next_encounter = d->next_charge = 1;
	d->next_claim = d->next_event = d->next_ledger = 1;
	memset(&d->stamp, 0, sizeof(d->stamp));
	SCPY(d->stamp.by, user_current());
	date_now_stamp(d->stamp.at);
	if (store_demo_indexes_drop(d->st) != MB_OK)
		return MB_ERROR;
	d->bw = store_demo_bulk_new(d->st);
	return MB_OK;
}

int demo_write_end(struct demo *d)
{
	if (!d->bulk)
		return MB_OK;
	if (store_demo_bulk_flush(d->bw) != MB_OK || store_demo_indexes_restore(d->st) != MB_OK)
		return MB_ERROR;
	return ledger_rebuild_balances(d->st);
}

void demo_write_release(struct demo *d)
{
	store_demo_bulk_free(d->bw);
	d->bw = NULL;
}

int demo_write_patient(struct demo *d, struct patient *p)
{
	if (!d->bulk)
		return patient_add(d->st, p);
	patient_normalize(p);
	if (patient_validate(p) != MB_OK)
		return MB_ERROR;
	p->id = d->next_patient++;
	p->created = p->updated = d->stamp;
	return store_demo_bulk_patient(d->bw, p);
}

int demo_write_coverage(struct demo *d, struct coverage *c)
{
	if (!d->bulk)
		return coverage_add(d->st, c);
	coverage_normalize(c);
	if (coverage_validate(c) != MB_OK)
		return MB_ERROR;
	c->id = d->next_coverage++;
	c->created = c->updated = d->stamp;
	return store_demo_bulk_coverage(d->bw, c);
}

/* The party id of a plan's party: a coverage, or 0 for the patient. */
static int64_t party_id(const struct coverage *const cov[2], int party)
{
	return party == PARTY_PATIENT || !cov[party] ? LEDGER_PATIENT : cov[party]->id;
}

/* ---- through the APIs ---- */

static int api_act(struct demo *d, const struct encounter *e, const struct coverage *const cov[2],
		   int64_t claim[2], int64_t *last, const struct act *a)
{
	struct ledger_entry le = { 0 };
	int64_t lines[MAX_CLAIM_LINES];
	struct claim c;
	int i, rc;

	if (a->kind >= ACT_PAY && a->kind != ACT_REVERSE) {
		le.charge = e->charges[a->line].id;
		le.party = party_id(cov, a->party);
		le.claim = claim[a->claim];
		le.amount = a->amount;
		le.posted = a->posted;
		le.reference = a->ref[0] ? a->ref : NULL;
		le.note = a->note;
		le.credit_reason = a->credit;
	}
	switch (a->kind) {
	case ACT_STATUS:
		return claim_set_status(d->st, claim[a->claim], a->status, a->note);
	case ACT_ICN:
		return claim_set_payer_claim_no(d->st, claim[a->claim], a->ref);
	case ACT_CLAIM2:
		claim_init(&c);
		c.encounter = e->id;
		c.coverage = cov[1]->id;
		c.status = a->status;
		for (i = 0; i < e->ncharges; i++)
			lines[i] = e->charges[i].id;
		c.nlines = e->ncharges;
		c.lines = lines;
		rc = claim_add(d->st, &c, a->note);
		claim[1] = c.id;
		return rc;
	case ACT_PAY:
		return ledger_ins_payment(d->st, &le, last);
	case ACT_ADJUST:
		return ledger_adjust(d->st, &le, a->group, a->reason, last);
	case ACT_XFER:
		return ledger_transfer(d->st, &le, party_id(cov, a->to), last);
	case ACT_PATPAY:
		return ledger_pat_payment(d->st, &le, last);
	case ACT_WRITEOFF:
		le.note = NULL;
		return ledger_writeoff(d->st, &le, a->note, last);
	case ACT_REFUND:
		return ledger_refund(d->st, &le, last);
	case ACT_REVERSE:
		return ledger_reverse(d->st, *last, a->note, last);
	}
	BUG("demo act kind");
}

static int api_visit(struct demo *d, struct encounter *e, const struct coverage *const cov[2],
		     const struct visit_plan *vp)
{
	struct claim_posting post = { 0 };
	int64_t claim[2] = { 0, 0 }, last = 0;
	int i, ret = MB_ERROR;

	if (encounter_post(d->st, e, &post) != MB_OK)
		return MB_ERROR;
	if (post.nclaims != 1 || post.coverage != party_id(cov, PARTY_PRIMARY)) {
		error("the claim of encounter %lld went to coverage %lld, not %lld", (long long)e->id,
		      (long long)post.coverage, (long long)party_id(cov, PARTY_PRIMARY));
		goto cleanup;
	}
	claim[0] = post.claims[0];
	d->counts->ledger_rows += e->ncharges;
	for (i = 0; i < vp->n; i++) {
		if (api_act(d, e, cov, claim, &last, &vp->acts[i]) != MB_OK)
			goto cleanup;
		if (vp->acts[i].kind >= ACT_PAY)
			d->counts->ledger_rows += vp->acts[i].kind == ACT_XFER ? 2 : 1;
	}
	ret = MB_OK;
cleanup:
	claim_posting_release(&post);
	return ret;
}

/* ---- in bulk ---- */

static int bulk_row(struct demo *d, struct ledger_row *r)
{
	if (!date_valid(r->posted))
		return error("'posted': %d is not a real date", (int)r->posted);
	r->id = d->next_ledger++;
	r->created = d->stamp;
	d->counts->ledger_rows++;
	return store_demo_bulk_ledger(d->bw, r, ledger_kind_name(r->kind));
}

static int bulk_event(struct demo *d, int64_t claim, enum claim_status status, const char *note)
{
	struct claim_event ev = { 0 };

	ev.id = d->next_event++;
	ev.claim = claim;
	ev.status = status;
	SCPY(ev.note, note);
	ev.created = d->stamp;
	return store_demo_bulk_event(d->bw, &ev, claim_status_name(status));
}

static int bulk_claim(struct demo *d, const struct encounter *e, const char *account, int64_t coverage,
		      enum claim_status final, const char *icn, enum claim_status first,
		      const char *note, int64_t *id)
{
	int64_t lines[MAX_CLAIM_LINES];
	struct claim c;
	char created[64];
	int i;

	claim_init(&c);
	c.id = d->next_claim++;
	c.encounter = e->id;
	c.coverage = coverage;
	snprintf(c.pcn, sizeof(c.pcn), "%s-%lld", account, (long long)c.id);
	c.frequency = '1';
	SCPY(c.payer_claim_no, icn);
	c.status = final;
	for (i = 0; i < e->ncharges; i++) {
		lines[i] = e->charges[i].id;
		c.total += e->charges[i].amount;
	}
	c.nlines = e->ncharges;
	c.lines = lines;
	c.created = d->stamp;
	if (store_demo_bulk_claim(d->bw, &c, claim_status_name(final)) != MB_OK)
		return MB_ERROR;
	*id = c.id;
	if (!note) {
		snprintf(created, sizeof(created), CREATED_NOTE, (long long)e->id);
		note = created;
	}
	return bulk_event(d, c.id, first, note);
}

static int bulk_act(struct demo *d, const struct encounter *e, const char *account,
		    const struct coverage *const cov[2], const struct visit_plan *vp, int64_t claim[2],
		    struct ledger_row *last, const struct act *a)
{
	struct ledger_row r = { 0 }, in;

	if (a->kind >= ACT_PAY && a->amount <= 0)
		BUG("demo plan moves no money");
	r.charge = e->charges[a->line].id;
	r.coverage = party_id(cov, a->party);
	r.claim = claim[a->claim];
	r.posted = a->posted;
	SCPY(r.reference, a->ref);
	switch (a->kind) {
	case ACT_STATUS:
		return bulk_event(d, claim[a->claim], a->status, a->note);
	case ACT_ICN:
		return MB_OK;	/* written with the claim */
	case ACT_CLAIM2:
		return bulk_claim(d, e, account, cov[1]->id, vp->final[1], vp->icn[1], a->status, a->note,
				  &claim[1]);
	case ACT_PAY:
		r.kind = LEDGER_INS_PAYMENT;
		r.amount = -a->amount;
		break;
	case ACT_ADJUST:
		if (!ledger_group_valid(a->group))
			BUG("demo adjustment group");
		r.kind = LEDGER_ADJUSTMENT;
		r.amount = -a->amount;
		SCPY(r.group, a->group);
		SCPY(r.reason, a->reason);
		break;
	case ACT_PATPAY:
		r.kind = LEDGER_PAT_PAYMENT;
		r.amount = -a->amount;
		SCPY(r.credit_reason, a->credit ? a->credit : "");
		break;
	case ACT_WRITEOFF:
		r.kind = LEDGER_WRITEOFF;
		r.amount = -a->amount;
		SCPY(r.note, a->note);
		break;
	case ACT_REFUND:
		r.kind = LEDGER_REFUND;
		r.amount = a->amount;
		SCPY(r.note, a->note);
		break;
	case ACT_REVERSE:
		r = *last;
		r.kind = LEDGER_REVERSAL;
		r.amount = -last->amount;
		r.reverses = last->id;
		r.xfer = 0;
		r.posted = d->today;	/* ledger_reverse() posts today */
		r.reference[0] = r.credit_reason[0] = '\0';
		SCPY(r.note, a->note);
		break;
	case ACT_XFER:
		/* Two rows sharing the first one's id; the second names the
		 * receiving party's claim, else the first's. */
		r.kind = LEDGER_TRANSFER;
		r.amount = -a->amount;
		r.xfer = d->next_ledger;
		SCPY(r.note, a->note);
		in = r;
		if (bulk_row(d, &r) != MB_OK)
			return MB_ERROR;
		in.coverage = party_id(cov, a->to);
		in.amount = a->amount;
		if (a->to == PARTY_SECONDARY)
			in.claim = claim[1];
		if (bulk_row(d, &in) != MB_OK)
			return MB_ERROR;
		*last = in;
		return MB_OK;
	}
	if (bulk_row(d, &r) != MB_OK)
		return MB_ERROR;
	*last = r;
	return MB_OK;
}

static int bulk_visit(struct demo *d, struct encounter *e, const char *account,
		      const struct coverage *const cov[2], const struct visit_plan *vp)
{
	struct ledger_row last = { 0 };
	int64_t claim[2] = { 0, 0 };
	int i;

	encounter_normalize(e);
	if (encounter_check(e) != MB_OK)
		return MB_ERROR;
	if (cov[0] && coverage_check_date(cov[0], e->dos, "dos") != MB_OK)
		return MB_ERROR;
	if (cov[1] && coverage_check_date(cov[1], e->dos, "dos") != MB_OK)
		return MB_ERROR;
	e->id = d->next_encounter++;
	e->created = d->stamp;
	for (i = 0; i < e->ncharges; i++) {
		e->charges[i].id = d->next_charge++;
		e->charges[i].encounter = e->id;
		e->charges[i].line = i + 1;
		e->charges[i].created = d->stamp;
	}
	if (store_demo_bulk_encounter(d->bw, e) != MB_OK)
		return MB_ERROR;
	if (bulk_claim(d, e, account, party_id(cov, PARTY_PRIMARY), vp->final[0], vp->icn[0],
		       cov[0] ? CLAIM_READY : CLAIM_PATIENT, NULL, &claim[0]) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < e->ncharges; i++) {
		struct ledger_row r = { 0 };

		r.kind = LEDGER_CHARGE;
		r.charge = e->charges[i].id;
		r.claim = claim[0];
		r.coverage = party_id(cov, PARTY_PRIMARY);
		r.amount = e->charges[i].amount;
		r.posted = d->today;
		if (bulk_row(d, &r) != MB_OK)
			return MB_ERROR;
	}
	for (i = 0; i < vp->n; i++)
		if (bulk_act(d, e, account, cov, vp, claim, &last, &vp->acts[i]) != MB_OK)
			return MB_ERROR;
	return MB_OK;
}

int demo_write_visit(struct demo *d, struct encounter *e, const char *account,
		     const struct coverage *const cov[2], const struct visit_plan *vp)
{
	return d->bulk ? bulk_visit(d, e, account, cov, vp) : api_visit(d, e, cov, vp);
}
