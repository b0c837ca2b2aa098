/*
 * demo_visit.c: the demo's visits and what becomes of their claims
 * (demo.c).
 *
 * A person comes in a few times in the six months before today, more often
 * when very young or old; each visit follows a profile (why people see a
 * family doctor: the diagnoses and the lines billed). Its plan is then
 * drawn: the claim's statuses, the payer's payment and contractual
 * adjustment per line, the patient's share (copay, coinsurance or
 * deductible) moved to the secondary payer or to the patient, and what the
 * patient pays, each with its date. Older visits are mostly settled, newer
 * ones mostly waiting; the first visits that fit are given fixed scenarios
 * so that every claim status and every aging bucket holds money.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_priv.h"
#include "medbill/claim.h"
#include "medbill/encounter.h"

/* ---- visits ---- */

/* Scenarios the first qualifying visits are given, so that every claim
 * status and every aging bucket (insurance and patient) holds money. */
enum outcome { OUT_READY, OUT_HOLD, OUT_SUBMITTED, OUT_ACCEPTED, OUT_REJECTED, OUT_DENIED,
	       OUT_PARTIAL, OUT_PAID };
enum pays { PAYS_NONE, PAYS_PART, PAYS_FULL, PAYS_TWICE };

static const struct forced {
	enum outcome out;
	int share;		/* -1: the plan's */
	int pays;		/* -1: drawn */
	int age_min, age_max;	/* of the date of service, in days */
} forced_scenarios[] = {
	{ OUT_READY, -1, -1, 0, 2 },
	{ OUT_HOLD, -1, -1, 0, 6 },
	{ OUT_SUBMITTED, -1, -1, 3, 12 },
	{ OUT_ACCEPTED, -1, -1, 32, 57 },
	{ OUT_REJECTED, -1, -1, 62, 87 },
	{ OUT_PARTIAL, SHARE_NONE, -1, 92, 117 },
	{ OUT_DENIED, -1, -1, 122, 175 },
	{ OUT_PAID, SHARE_NONE, -1, 15, 28 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_NONE, 14, 27 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_NONE, 16, 27 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_NONE, 32, 57 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_NONE, 62, 87 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_NONE, 92, 117 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_NONE, 122, 175 },
	{ OUT_PAID, SHARE_DEDUCT, PAYS_FULL, 62, 117 },
};

#define MAX_VISITS 8

struct visit {
	mbdate_t dos;
	const struct forced *forced;
};

/* A forced scenario fits a person with one commercial plan, who can owe a deductible. */
static bool forceable(const struct person *pp)
{
	return pp->ncov == 1 && (pp->plan[0] == PLAN_BLUE || pp->plan[0] == PLAN_COMM_A ||
				 pp->plan[0] == PLAN_COMM_B);
}

/* A weekday on or before d (the office is closed at weekends). */
static mbdate_t weekday(mbdate_t d)
{
	int dow = (int)(((date_to_days(d) % 7) + 7 + 4) % 7);	/* 1970-01-01 was a Thursday */

	return dow == 6 ? date_add_days(d, -1) : dow == 0 ? date_add_days(d, -2) : d;
}

static int cmp_visit(const void *a, const void *b)
{
	const struct visit *x = a, *y = b;

	return (x->dos > y->dos) - (x->dos < y->dos);
}

/* How many times pp comes in, and when, in date order. */
static int draw_visits(struct demo *d, const struct person *pp, struct visit *v)
{
	int base, lam, k, n = 0, i;
	mbdate_t dos;

	base = pp->age < 2 ? 2500 : pp->age < 18 ? 1000 : pp->age < 45 ? 900 : pp->age < 65 ? 1400 : 2000;
	lam = base * d->rate / 1000;
	k = lam / 1000 + (chance(d, lam % 1000) ? 1 : 0);
	if (k > MAX_VISITS - 1)
		k = MAX_VISITS - 1;
	if (d->forced < ARRAY_SIZE(forced_scenarios) && forceable(pp)) {
		const struct forced *f = &forced_scenarios[d->forced];

		dos = weekday(date_add_days(d->today, -rnd(d, f->age_min, f->age_max)));
		if (dos >= pp->p.dob) {
			v[n].dos = dos;
			v[n++].forced = f;
			d->forced++;
		}
	}
	for (i = 0; i < k; i++) {
		dos = weekday(date_add_days(d->today, -rnd(d, 0, 180)));
		if (dos < pp->p.dob || dos < pp->cov[0].effective)
			continue;
		v[n].dos = dos;
		v[n++].forced = NULL;
	}
	qsort(v, (size_t)n, sizeof(*v), cmp_visit);
	return n;
}

/* Whether a profile fits the person on the date; need: lines the scenario needs. */
static bool profile_fits(const struct demo_profile *pr, const struct person *pp, int age, int need_lines,
			 bool need_share)
{
	bool medicare = pp->plan[0] == PLAN_MEDICARE;
	int i;

	if (age < pr->age_min || age > pr->age_max || (pr->sex && pr->sex != pp->p.sex))
		return false;
	if (((pr->flags & DEMO_MEDICARE) && !medicare) || ((pr->flags & DEMO_NOT_MEDICARE) && medicare))
		return false;
	if (pr->nlines < need_lines)
		return false;
	if (need_share) {
		for (i = 0; i < pr->nlines; i++)
			if (!demo_fees[demo_fee_index(pr->lines[i].code)].preventive)
				break;
		if (i == pr->nlines)
			return false;
	}
	return true;
}

static const struct demo_profile *pick_profile(struct demo *d, const struct person *pp, mbdate_t dos,
					       int need_lines, bool need_share)
{
	int age = date_age(pp->p.dob, dos), total = 0, x;
	size_t i;

	for (i = 0; i < demo_profiles_n; i++)
		if (profile_fits(&demo_profiles[i], pp, age, need_lines, need_share))
			total += demo_profiles[i].weight;
	if (!total)
		return NULL;
	x = rnd(d, 0, total - 1);
	for (i = 0; i < demo_profiles_n; i++) {
		if (!profile_fits(&demo_profiles[i], pp, age, need_lines, need_share))
			continue;
		if (x < demo_profiles[i].weight)
			return &demo_profiles[i];
		x -= demo_profiles[i].weight;
	}
	BUG("demo profile weights");
}

/* The office visit code, a level up or down now and then. */
static const char *visit_code(struct demo *d, const char *code)
{
	if (!strcmp(code, "99213") && chance(d, 200))
		return "99214";
	if (!strcmp(code, "99214") && chance(d, 150))
		return "99213";
	return code;
}

/* Fill the encounter of a visit; the fee index of each line goes to fee[]. */
static void build_encounter(struct demo *d, const struct person *pp, const struct visit *v,
			    const struct demo_profile *pr, struct encounter *e, int fee[DEMO_MAX_LINES])
{
	int i, j, dx0 = pr->dx[0];

	e->patient = pp->p.id;
	e->dos = v->dos;
	if (chance(d, 800))
		e->rendering = d->rendering[pp->pcp];
	else
		e->rendering = d->rendering[pp->age < 18 ? (chance(d, 500) ? 0 : 2) : rnd(d, 0, 2)];
	SCPY(e->pos, DEMO_POS_OFFICE);
	if (pr->flags & DEMO_FACILITY) {
		SCPY(e->pos, DEMO_POS_NURSING);
		e->facility = d->facility;
	} else if (pr->flags & DEMO_TELEHEALTH) {
		SCPY(e->pos, DEMO_POS_HOME);
	}
	if (pr->flags & DEMO_ACUTE) {
		e->onset = date_add_days(v->dos, -rnd(d, 1, 6));
		if (e->onset < pp->p.dob)
			e->onset = 0;
	}
	if ((dx0 == DX_M5450 || dx0 == DX_M542 || dx0 == DX_M25561) && chance(d, 120)) {
		e->accident = date_add_days(v->dos, -rnd(d, 2, 30));
		if (e->accident < pp->p.dob) {
			e->accident = 0;
		} else if (chance(d, 250)) {
			SCPY(e->accident_code, "AA");
			SCPY(e->accident_state, "OH");
		} else {
			SCPY(e->accident_code, "OA");
		}
	}
	e->ndiag = pr->ndx;
	for (i = 0; i < pr->ndx; i++)
		SCPY(e->diag[i], demo_dx[pr->dx[i]]);
	for (i = 0; i < pr->nlines; i++) {
		const struct demo_line *l = &pr->lines[i];
		struct charge *c = encounter_add_charge(e);

		SCPY(c->code, visit_code(d, l->code));
		fee[i] = demo_fee_index(c->code);
		SCPY(c->mods[0], l->mod);
		c->units = l->units;
		c->amount = demo_fees[fee[i]].fee * l->units;
		for (j = 0; j < MAX_PTRS; j++)
			c->ptrs[j] = l->ptrs[j];
		if (!strcmp(c->code, "93000") && chance(d, 400))
			e->referring = d->referring;
		if (!strcmp(c->code, "20610") && pp->plan[0] != PLAN_MEDICARE && pp->plan[0] >= 0)
			snprintf(e->prior_auth, sizeof(e->prior_auth), "PA%09u", demo_rng_below(&d->rng, 1000000000));
	}
}

/* ---- plans: what happens to a visit's claim and money ---- */

static struct act *act_add(struct visit_plan *vp, enum act_kind kind, int claim, mbdate_t posted)
{
	struct act *a;

	if (vp->n >= PLAN_ACTS)
		BUG("demo visit plan too long");
	a = &vp->acts[vp->n++];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->claim = claim;
	a->posted = posted;
	return a;
}

static void act_status(struct visit_plan *vp, int claim, enum claim_status s, const char *note)
{
	struct act *a = act_add(vp, ACT_STATUS, claim, 0);

	a->status = s;
	a->note = note;
	vp->final[claim] = s;
}

static struct act *act_money(struct visit_plan *vp, enum act_kind kind, int claim, int line, int party,
			     cents_t amount, mbdate_t posted)
{
	struct act *a = act_add(vp, kind, claim, posted);

	a->line = line;
	a->party = party;
	a->amount = amount;
	return a;
}

static mbdate_t not_after(mbdate_t d, mbdate_t today)
{
	return d > today ? today : d;
}

static enum outcome pick_outcome(struct demo *d, int age)
{
	static const int w_new[] = { 750, 100, 150, 0, 0, 0, 0, 0 };
	static const int w_week[] = { 250, 40, 300, 350, 60, 0, 0, 0 };
	static const int w_month[] = { 0, 0, 50, 200, 30, 60, 60, 600 };
	static const int w_quarter[] = { 0, 0, 20, 60, 20, 80, 60, 760 };
	static const int w_old[] = { 0, 0, 20, 40, 10, 100, 50, 780 };
	const int *w = age <= 2 ? w_new : age <= 13 ? w_week : age <= 30 ? w_month :
		age <= 90 ? w_quarter : w_old;

	return (enum outcome)pick_weighted(d, w, 8);
}

static void make_icn(struct demo *d, mbdate_t when, char out[24])
{
	int doy = date_diff_days(when, when / 10000 * 10000 + 101) + 1;

	snprintf(out, 24, "%02d%03d%08u", when / 10000 % 100, doy, demo_rng_below(&d->rng, 100000000));
}

static void eft_ref(const struct demo *d, int plan, mbdate_t when, char out[24])
{
	snprintf(out, 24, "EFT%s%06d", demo_payers[plan].payer_id, when % 1000000);
}

static void patient_ref(struct demo *d, char out[24])
{
	switch (rnd(d, 0, 2)) {
	case 0:
		snprintf(out, 24, "CASH");
		break;
	case 1:
		snprintf(out, 24, "CHECK %04d", rnd(d, 1001, 9899));
		break;
	default:
		snprintf(out, 24, "CARD %04d", rnd(d, 1000, 9999));
		break;
	}
}

static const char *const hold_notes[] = {
	"held: waiting for the prior authorization number",
	"held: checking the member ID with the payer",
	"held: the provider is reviewing the diagnosis codes",
};
static const char *const reject_notes[] = {
	"rejected by the clearinghouse: subscriber ID not found",
	"rejected by the clearinghouse: subscriber date of birth does not match",
	"rejected by the payer: invalid rendering provider taxonomy",
};

/* What the primary payer does with one line. */
struct line_result {
	cents_t allowed, pay, contractual, pr;
	const char *pr_note;
};

static cents_t copay_of(int plan)
{
	return plan == PLAN_BLUE ? 2500 : plan == PLAN_COMM_A ? 3000 : 4000;
}

/* The first line the patient shares the cost of (an office visit or procedure); -1 none. */
static int first_shared_line(const struct encounter *e, const int fee[])
{
	int i;

	for (i = 0; i < e->ncharges; i++)
		if (!demo_fees[fee[i]].preventive)
			return i;
	return -1;
}

static void adjudicate(const struct encounter *e, const int fee[], int i, int plan, int share,
		       struct line_result *r)
{
	const struct charge *c = &e->charges[i];

	memset(r, 0, sizeof(*r));
	r->allowed = demo_expected((size_t)fee[i], plan) * c->units;
	if (r->allowed > c->amount)
		r->allowed = c->amount;
	r->contractual = c->amount - r->allowed;
	if (!demo_fees[fee[i]].preventive && plan != PLAN_MEDICAID) {
		switch (share) {
		case SHARE_COPAY:
			if (i == first_shared_line(e, fee)) {
				r->pr = copay_of(plan) < r->allowed ? copay_of(plan) : r->allowed;
				r->pr_note = "PR-3 copay";
			}
			break;
		case SHARE_COINS:
			r->pr = (r->allowed * 20 + 50) / 100;
			r->pr_note = "PR-2 coinsurance";
			break;
		case SHARE_DEDUCT:
			r->pr = r->allowed;
			r->pr_note = "PR-1 deductible";
			break;
		default:
			break;
		}
	}
	r->pay = r->allowed - r->pr;
}

/* The patient's part after a payer is done: payments, a write-off, or nothing yet. */
static void plan_patient(struct demo *d, struct visit_plan *vp, const struct encounter *e,
			 const cents_t due[], mbdate_t from, int pays, bool may_writeoff)
{
	int days = date_diff_days(d->today, from), i, first = -1;
	mbdate_t when;
	cents_t total = 0;
	struct act *a;

	for (i = 0; i < e->ncharges; i++) {
		total += due[i];
		if (due[i] > 0 && first < 0)
			first = i;
	}
	if (first < 0 || days < 10)
		return;
	when = date_add_days(from, rnd(d, 10, days < 60 ? days : 60));
	switch (pays) {
	case PAYS_FULL:
	case PAYS_TWICE:
		for (i = 0; i < e->ncharges; i++) {
			if (due[i] <= 0)
				continue;
			a = act_money(vp, ACT_PATPAY, 0, i, PARTY_PATIENT, due[i], when);
			patient_ref(d, a->ref);
		}
		if (pays == PAYS_TWICE) {
			a = act_money(vp, ACT_PATPAY, 0, first, PARTY_PATIENT, due[first], when);
			patient_ref(d, a->ref);
			a->credit = "overpayment: the bill was paid twice";
			a = act_money(vp, ACT_REFUND, 0, first, PARTY_PATIENT, due[first],
				      not_after(date_add_days(when, rnd(d, 3, 10)), d->today));
			a->note = "refund of the second payment";
		}
		act_status(vp, 0, CLAIM_CLOSED, "paid by the patient");
		break;
	case PAYS_PART:
		a = act_money(vp, ACT_PATPAY, 0, first, PARTY_PATIENT, due[first] > 1 ? due[first] / 2 : 1, when);
		patient_ref(d, a->ref);
		break;
	default:
		if (may_writeoff && total < 1000 && days > 60 && chance(d, 500)) {
			for (i = 0; i < e->ncharges; i++) {
				if (due[i] <= 0)
					continue;
				a = act_money(vp, ACT_WRITEOFF, 0, i, PARTY_PATIENT, due[i],
					      date_add_days(from, 60));
				a->note = "small balance";
			}
			act_status(vp, 0, CLAIM_CLOSED, "small balance written off");
		}
		break;
	}
}

static int pick_pays(struct demo *d)
{
	static const int w[] = { 350, 150, 490, 10 };

	return pick_weighted(d, w, 4);
}

/* A self-pay visit: the claim is the patient's from the start. */
static void plan_selfpay(struct demo *d, const struct encounter *e, struct visit_plan *vp)
{
	cents_t due[MAX_CLAIM_LINES] = { 0 };
	struct act *a;
	int i;

	vp->final[0] = CLAIM_PATIENT;
	if (chance(d, 450)) {
		for (i = 0; i < e->ncharges; i++) {
			a = act_money(vp, ACT_PATPAY, 0, i, PARTY_PATIENT, e->charges[i].amount, e->dos);
			patient_ref(d, a->ref);
		}
		act_status(vp, 0, CLAIM_CLOSED, "paid at the visit");
		return;
	}
	for (i = 0; i < e->ncharges; i++)
		due[i] = e->charges[i].amount;
	plan_patient(d, vp, e, due, e->dos, pick_pays(d), true);
}

/* The secondary payer's part: a claim, the transfers, and its payment when due. */
static void plan_secondary(struct demo *d, const struct person *pp, const struct encounter *e,
			   const struct line_result r[], mbdate_t t_adj, struct visit_plan *vp)
{
	int plan2 = pp->plan[1], i;
	mbdate_t t2 = date_add_days(t_adj, rnd(d, 10, 30));
	struct act *a;

	a = act_add(vp, ACT_CLAIM2, 1, t_adj);
	a->status = CLAIM_SUBMITTED;
	a->note = "crossover from the primary payer";
	vp->has_claim2 = true;
	vp->final[1] = CLAIM_SUBMITTED;
	for (i = 0; i < e->ncharges; i++) {
		if (r[i].pr <= 0)
			continue;
		a = act_money(vp, ACT_XFER, 0, i, PARTY_PRIMARY, r[i].pr, t_adj);
		a->to = PARTY_SECONDARY;
		a->note = r[i].pr_note;
	}
	act_status(vp, 0, CLAIM_PAID, "paid by the primary payer; the rest went to the secondary");
	if (t2 > d->today) {
		if (date_add_days(t_adj, 2) <= d->today && chance(d, 500))
			act_status(vp, 1, CLAIM_ACCEPTED, "accepted by the secondary payer");
		return;
	}
	a = act_add(vp, ACT_ICN, 1, t2);
	make_icn(d, t2, a->ref);
	SCPY(vp->icn[1], a->ref);
	for (i = 0; i < e->ncharges; i++) {
		cents_t pay = r[i].pr;

		if (pay <= 0)
			continue;
		if (plan2 == PLAN_MEDICAID)
			pay = (r[i].pr * 7 + 5) / 10;
		a = act_money(vp, ACT_PAY, 1, i, PARTY_SECONDARY, pay, t2);
		eft_ref(d, plan2, t2, a->ref);
		if (pay < r[i].pr) {
			a = act_money(vp, ACT_ADJUST, 1, i, PARTY_SECONDARY, r[i].pr - pay, t2);
			a->group = "CO";
			a->reason = "45";
		}
	}
	act_status(vp, 1, CLAIM_PAID, "paid by the secondary payer");
}

/* Draw what happens to an insured visit's claim. */
static void plan_insured(struct demo *d, const struct person *pp, const struct visit *v,
			 const struct encounter *e, const int fee[], struct visit_plan *vp)
{
	struct line_result r[DEMO_MAX_LINES];
	cents_t due[MAX_CLAIM_LINES] = { 0 }, prepaid = 0, total_pr = 0;
	int age = date_diff_days(d->today, e->dos), plan = pp->plan[0], share = pp->share;
	int pays, nadj, i, shared = first_shared_line(e, fee);
	enum outcome out;
	mbdate_t t_adj;
	struct act *a;
	bool reversed = false;

	vp->final[0] = CLAIM_READY;
	if (share == SHARE_COPAY && chance(d, 150))
		share = SHARE_DEDUCT;
	else if (share == SHARE_COINS && plan != PLAN_MEDICARE && chance(d, 200))
		share = SHARE_DEDUCT;
	out = pick_outcome(d, age);
	pays = pick_pays(d);
	if (v->forced) {
		out = v->forced->out;
		if (v->forced->share >= 0)
			share = v->forced->share;
		if (v->forced->pays >= 0)
			pays = v->forced->pays;
	}
	if (age < 14 && out >= OUT_DENIED)
		out = OUT_ACCEPTED;
	if (out == OUT_PARTIAL && (e->ncharges < 2 || pp->ncov > 1))
		out = OUT_PAID;

	/* The copay, collected at the front desk. */
	if (share == SHARE_COPAY && pp->ncov == 1 && shared >= 0 && chance(d, 350)) {
		adjudicate(e, fee, shared, plan, share, &r[0]);
		prepaid = r[0].pr;
		if (prepaid > 0) {
			a = act_money(vp, ACT_PATPAY, 0, shared, PARTY_PATIENT, prepaid, e->dos);
			SCPY(a->ref, "COPAY");
			a->credit = "copay collected at the visit";
		}
	}
	if (out == OUT_READY)
		return;
	if (out == OUT_HOLD) {
		act_status(vp, 0, CLAIM_HOLD, hold_notes[rnd(d, 0, (int)ARRAY_SIZE(hold_notes) - 1)]);
		return;
	}
	act_status(vp, 0, CLAIM_SUBMITTED, "sent to the clearinghouse");
	if (out == OUT_SUBMITTED)
		return;
	if (out == OUT_REJECTED) {
		act_status(vp, 0, CLAIM_REJECTED, reject_notes[rnd(d, 0, (int)ARRAY_SIZE(reject_notes) - 1)]);
		return;
	}
	if (out == OUT_ACCEPTED || chance(d, 600))
		act_status(vp, 0, CLAIM_ACCEPTED, "accepted by the clearinghouse");
	if (out == OUT_ACCEPTED)
		return;

	t_adj = date_add_days(e->dos, rnd(d, 14, age < 45 ? age : 45));
	a = act_add(vp, ACT_ICN, 0, t_adj);
	make_icn(d, t_adj, a->ref);
	SCPY(vp->icn[0], a->ref);
	if (out == OUT_DENIED) {
		const struct demo_denial *dn = &demo_denials[rnd(d, 0, (int)demo_denials_n - 1)];
		mbdate_t later = not_after(date_add_days(t_adj, rnd(d, 30, 60)), d->today);

		act_status(vp, 0, CLAIM_DENIED, dn->note);
		if (!strcmp(dn->group, "PR") && age > 60 && chance(d, 500)) {
			for (i = 0; i < e->ncharges; i++) {
				a = act_money(vp, ACT_XFER, 0, i, PARTY_PRIMARY, e->charges[i].amount, later);
				a->to = PARTY_PATIENT;
				a->note = "PR-204 not covered: billed to the patient";
			}
			act_status(vp, 0, CLAIM_PATIENT, "the patient owes the denied services");
		} else if (strcmp(dn->group, "PR") && age > 100 && chance(d, 300)) {
			for (i = 0; i < e->ncharges; i++) {
				a = act_money(vp, ACT_ADJUST, 0, i, PARTY_PRIMARY, e->charges[i].amount, later);
				a->group = dn->group;
				a->reason = dn->reason;
			}
			act_status(vp, 0, CLAIM_CLOSED, "denial upheld on appeal: adjusted off");
		}
		return;
	}

	nadj = out == OUT_PARTIAL ? e->ncharges - 1 : e->ncharges;
	for (i = 0; i < nadj; i++) {
		adjudicate(e, fee, i, plan, share, &r[i]);
		if (!reversed && out == OUT_PAID && r[i].allowed > r[i].pay && chance(d, 15)) {
			/* The allowed amount keyed as the payment, reversed and posted again. */
			a = act_money(vp, ACT_PAY, 0, i, PARTY_PRIMARY, r[i].allowed, t_adj);
			eft_ref(d, plan, t_adj, a->ref);
			a = act_money(vp, ACT_REVERSE, 0, i, PARTY_PRIMARY, r[i].allowed, t_adj);
			a->note = "keyed the allowed amount instead of the payment";
			reversed = true;
		}
		if (r[i].pay > 0) {
			a = act_money(vp, ACT_PAY, 0, i, PARTY_PRIMARY, r[i].pay, t_adj);
			eft_ref(d, plan, t_adj, a->ref);
		}
		if (r[i].contractual > 0) {
			a = act_money(vp, ACT_ADJUST, 0, i, PARTY_PRIMARY, r[i].contractual, t_adj);
			a->group = "CO";
			a->reason = "45";
		}
		total_pr += r[i].pr;
	}
	for (; i < e->ncharges; i++)
		memset(&r[i], 0, sizeof(r[i]));
	if (out == OUT_PAID && pp->ncov > 1 && total_pr > 0) {
		plan_secondary(d, pp, e, r, t_adj, vp);
		return;
	}
	for (i = 0; i < e->ncharges; i++) {
		if (r[i].pr <= 0)
			continue;
		a = act_money(vp, ACT_XFER, 0, i, PARTY_PRIMARY, r[i].pr, t_adj);
		a->to = PARTY_PATIENT;
		a->note = r[i].pr_note;
		due[i] = r[i].pr - (i == shared ? prepaid : 0);
	}
	if (out == OUT_PARTIAL) {
		act_status(vp, 0, CLAIM_PARTIAL, "partly paid: the last line is under review");
		return;
	}
	if (!total_pr) {
		act_status(vp, 0, CLAIM_PAID, "paid in full by the payer");
		return;
	}
	for (i = 0; i < e->ncharges && due[i] <= 0; i++)
		;
	if (i == e->ncharges) {
		act_status(vp, 0, CLAIM_CLOSED, "paid in full: the copay was collected at the visit");
		return;
	}
	act_status(vp, 0, CLAIM_PATIENT, "the rest moved to the patient");
	plan_patient(d, vp, e, due, t_adj, pays, !v->forced);
}

static void count_plan(struct demo *d, const struct encounter *e, const struct visit_plan *vp)
{
	int i;

	d->counts->encounters++;
	d->counts->charges += e->ncharges;
	d->counts->claims += vp->has_claim2 ? 2 : 1;
	d->counts->status[vp->final[0]]++;
	if (vp->has_claim2)
		d->counts->status[vp->final[1]]++;
	for (i = 0; i < e->ncharges; i++)
		d->counts->billed += e->charges[i].amount;
	for (i = 0; i < vp->n; i++) {
		const struct act *a = &vp->acts[i];

		if (a->kind == ACT_PAY || a->kind == ACT_PATPAY)
			d->counts->collected += a->amount;
		else if (a->kind == ACT_REFUND || a->kind == ACT_REVERSE)
			d->counts->collected -= a->amount;
	}
}

int demo_write_visits(struct demo *d, struct person *pp, struct encounter *e)
{
	struct visit v[MAX_VISITS];
	struct visit_plan vp;
	int fee[DEMO_MAX_LINES];
	const struct coverage *cov[2] = { pp->ncov > 0 ? &pp->cov[0] : NULL, pp->ncov > 1 ? &pp->cov[1] : NULL };
	int n, i;

	n = draw_visits(d, pp, v);
	for (i = 0; i < n; i++) {
		const struct demo_profile *pr;

		pr = pick_profile(d, pp, v[i].dos, v[i].forced && v[i].forced->out == OUT_PARTIAL ? 2 : 1,
				  v[i].forced && v[i].forced->share == SHARE_DEDUCT);
		if (!pr && v[i].forced) {
			v[i].forced = NULL;
			pr = pick_profile(d, pp, v[i].dos, 1, false);
		}
		if (!pr)
			continue;
		encounter_release(e);
		build_encounter(d, pp, &v[i], pr, e, fee);
		memset(&vp, 0, sizeof(vp));
		if (pp->ncov)
			plan_insured(d, pp, &v[i], e, fee, &vp);
		else
			plan_selfpay(d, e, &vp);
		if (demo_write_visit(d, e, pp->p.account, cov, &vp) != MB_OK)
			return MB_ERROR;
		count_plan(d, e, &vp);
	}
	return MB_OK;
}

