/*
 * demo.c: the demo practice (demo.h).
 *
 * The generator works household by household: it makes the people, their
 * coverages and their visits. For each visit it first draws a plan: the
 * claim's status events and the money that moves (payments, adjustments,
 * transfers, patient payments), each with its date. The plan is then
 * carried out by one of two writers (demo_write.c):
 *   - the API writer calls the domain and ledger functions a clerk's action
 *     calls, one per action, so that every rule is checked by the code that
 *     enforces it;
 *   - the bulk writer checks the same rules with the pure validators and
 *     writes the same rows with explicit ids in one pass, rebuilding the
 *     balances projection once at the end: a million patients in a minute.
 * Both give the same rows for a seed (tests/unit/test_demo.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_priv.h"
#include "medbill/claim.h"
#include "medbill/encounter.h"
#include "medbill/ledger.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/store.h"
#include "medbill/store_demo.h"
#include "medbill/validate.h"

/* ---- random numbers ---- */

void demo_rng_seed(struct demo_rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t demo_rng_next(struct demo_rng *r)
{
	uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

uint32_t demo_rng_below(struct demo_rng *r, uint32_t n)
{
	return (uint32_t)(((demo_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* A number in [lo, hi]. */
static int rnd(struct demo *d, int lo, int hi)
{
	return hi <= lo ? lo : lo + (int)demo_rng_below(&d->rng, (uint32_t)(hi - lo + 1));
}

/* True with probability permille / 1000. */
static bool chance(struct demo *d, int permille)
{
	return (int)demo_rng_below(&d->rng, 1000) < permille;
}

/* An index into weights[0..n) drawn by weight. */
static int pick_weighted(struct demo *d, const int *weights, int n)
{
	int total = 0, i, x;

	for (i = 0; i < n; i++)
		total += weights[i];
	x = rnd(d, 0, total - 1);
	for (i = 0; i < n - 1 && x >= weights[i]; i++)
		x -= weights[i];
	return i;
}

#define PICK(d, list) ((list)[demo_rng_below(&(d)->rng, (uint32_t)(list##_n))])

void demo_options_init(struct demo_options *o)
{
	memset(o, 0, sizeof(*o));
	o->patients = DEMO_DEFAULT_PATIENTS;
	o->seed = DEMO_DEFAULT_SEED;
	o->mode = DEMO_MODE_AUTO;
}

/* ---- the practice, its providers, payers and fees ---- */

/* A valid NPI from 9 leading digits. */
static void make_npi(const char *first9, char out[11])
{
	char c = npi_check_digit(first9);

	if (!c)
		BUG("demo NPI base is not 9 digits");
	snprintf(out, 11, "%s%c", first9, c);
}

static void set_address(struct address *a, const char *l1, const char *l2, const char *city,
			const char *state, const char *zip)
{
	memset(a, 0, sizeof(*a));
	SCPY(a->line1, l1);
	SCPY(a->line2, l2);
	SCPY(a->city, city);
	SCPY(a->state, state);
	SCPY(a->zip, zip);
}

static int setup_practice(struct demo *d)
{
	struct practice p = { 0 };
	struct settings s = { 0 };
	struct receiver r = { 0 };

	SCPY(p.name, "Maple Grove Family Medicine");
	make_npi("184293756", p.npi);
	SCPY(p.ein, "316549870");
	SCPY(p.taxonomy, "207Q00000X");
	set_address(&p.addr, "4750 Montgomery Rd", "Suite 200", "Norwood", "OH", "452122003");
	SCPY(p.phone, "5135550100");
	p.has_payto = true;
	set_address(&p.payto, "PO Box 631842", "", "Cincinnati", "OH", "452631842");
	if (practice_save(d->st, &p) != MB_OK)
		return error_prefix("demo practice");

	SCPY(r.name, "Riverbend Claims Exchange");
	SCPY(r.receiver_id, "RBCX01");
	SCPY(r.isa_qual, "ZZ");
	SCPY(r.isa_id, "RIVERBENDCX");
	SCPY(r.gs_id, "RIVERBENDCX");
	if (receiver_add(d->st, &r) != MB_OK)
		return error_prefix("demo receiver");

	SCPY(s.submitter_name, "Maple Grove Family Medicine");
	SCPY(s.submitter_id, "MGFM0001");
	SCPY(s.contact_name, "Billing Office");
	SCPY(s.contact_phone, "5135550101");
	SCPY(s.contact_email, "billing@maplegrove.example");
	SCPY(s.isa_qual, "ZZ");
	SCPY(s.isa_id, "MAPLEGROVEFM");
	SCPY(s.gs_id, "MAPLEGROVEFM");
	s.usage = 'T';
	s.default_receiver = r.id;
	if (settings_save(d->st, &s) != MB_OK)
		return error_prefix("demo settings");
	return MB_OK;
}

static const struct {
	enum provider_kind kind;
	const char *last, *first, *npi9, *taxonomy;
} demo_providers[] = {
	{ PROV_RENDERING, "Okafor", "Grace", "152834907", "207Q00000X" },
	{ PROV_RENDERING, "Lindqvist", "Martin", "163947281", "207R00000X" },
	{ PROV_RENDERING, "Reyes", "Carmen", "171605348", "363LF0000X" },
	{ PROV_REFERRING, "Brennan", "Thomas", "129376450", "207RC0000X" },
	{ PROV_FACILITY, "Sycamore Glen Nursing and Rehabilitation", "", "142068395", "314000000X" },
};

static int setup_providers(struct demo *d)
{
	size_t i;
	int nrend = 0;

	for (i = 0; i < ARRAY_SIZE(demo_providers); i++) {
		struct provider p = { 0 };

		p.kind = demo_providers[i].kind;
		SCPY(p.last, demo_providers[i].last);
		SCPY(p.first, demo_providers[i].first);
		make_npi(demo_providers[i].npi9, p.npi);
		SCPY(p.taxonomy, demo_providers[i].taxonomy);
		p.active = true;
		if (p.kind == PROV_FACILITY)
			set_address(&p.addr, "2200 Sycamore Glen Dr", "", "Cincinnati", "OH", "452384400");
		if (provider_add(d->st, &p) != MB_OK)
			return error_prefix("demo provider '%s'", demo_providers[i].last);
		if (p.kind == PROV_RENDERING)
			d->rendering[nrend++] = p.id;
		else if (p.kind == PROV_REFERRING)
			d->referring = p.id;
		else
			d->facility = p.id;
	}
	return MB_OK;
}

static int setup_payers(struct demo *d)
{
	size_t i;

	for (i = 0; i < demo_payers_n; i++) {
		const struct demo_payer_def *def = &demo_payers[i];
		struct payer p = { 0 };

		SCPY(p.name, def->name);
		SCPY(p.payer_id, def->payer_id);
		SCPY(p.filing_code, def->filing);
		set_address(&p.addr, def->addr1, "", def->city, def->state, def->zip);
		p.timely_days = def->timely_days;
		if (payer_add(d->st, &p) != MB_OK)
			return error_prefix("demo payer '%s'", def->name);
		d->payer[i] = p.id;
	}
	return MB_OK;
}

/* The payer's expected amount per unit: its share of the fee, to the cent. */
static cents_t expected_of(size_t fee, int plan)
{
	return (demo_fees[fee].fee * demo_payers[plan].allowed_pct + 50) / 100;
}

static int setup_fees(struct demo *d)
{
	size_t i;
	int plan;

	for (i = 0; i < demo_fees_n; i++) {
		struct fee f = { 0 };

		SCPY(f.code, demo_fees[i].code);
		f.fee = demo_fees[i].fee;
		SCPY(f.description, demo_fees[i].description ? demo_fees[i].description : "");
		if (fee_set(d->st, &f, NULL) != MB_OK)
			return error_prefix("demo fee '%s'", f.code);
		for (plan = 0; plan < PLAN_COUNT; plan++) {
			struct fee_expected x = { 0 };

			SCPY(x.code, f.code);
			x.payer = d->payer[plan];
			x.expected = expected_of(i, plan);
			if (fee_expected_set(d->st, &x, NULL) != MB_OK)
				return error_prefix("demo expected amount '%s'", f.code);
		}
	}
	return MB_OK;
}

static int fee_index(const char *code)
{
	size_t i;

	for (i = 0; i < demo_fees_n; i++)
		if (!strcmp(demo_fees[i].code, code))
			return (int)i;
	BUG("demo profile names a code without a fee");
}

/* ---- people ---- */

/* A date 'years' years and 'days' days before d. */
static mbdate_t years_before(mbdate_t d, int years, int days)
{
	return date_add_days(date_add_months(d, -12 * years), -days);
}

static mbdate_t first_of_month(mbdate_t d)
{
	return d / 100 * 100 + 1;
}

/* A unique, random-looking 9-digit number: a bijection of the counter. */
static uint32_t member_number(struct demo *d)
{
	uint64_t n = d->member_seq++;

	return (uint32_t)((n * UINT64_C(387420489) + UINT64_C(104729)) % UINT64_C(1000000000));
}

/* A Medicare Beneficiary Identifier: 11 characters in the CMS pattern. */
static void make_mbi(struct demo *d, char out[12])
{
	static const char alpha[] = "ACDEFGHJKMNPQRTUVWXY";	/* no S L O I B Z */
	static const char alnum[] = "0123456789ACDEFGHJKMNPQRTUVWXY";
	uint64_t n = member_number(d);
	int i;

	/* C A AN N A AN N A A N N */
	for (i = 0; i < 11; i++) {
		uint32_t r = demo_rng_below(&d->rng, 30);

		switch (i) {
		case 0:
			out[i] = (char)('1' + n % 9);
			n /= 9;
			break;
		case 3: case 6: case 9: case 10:
			out[i] = (char)('0' + n % 10);
			n /= 10;
			break;
		case 1: case 4: case 7: case 8:
			out[i] = alpha[r % 20];
			break;
		default:
			out[i] = alnum[r];
			break;
		}
	}
	out[11] = '\0';
}

static void make_member_id(struct demo *d, int plan, char *out, size_t n)
{
	static const char *const blue_prefix[] = { "XOH", "ZGP", "YRB", "XKC" };

	switch (plan) {
	case PLAN_MEDICARE: {
		char mbi[12];

		make_mbi(d, mbi);
		strlcpy0(out, mbi, n);
		break;
	}
	case PLAN_MEDICAID:
		snprintf(out, n, "9%09u%02u", member_number(d), demo_rng_below(&d->rng, 100));
		break;
	case PLAN_BLUE:
		snprintf(out, n, "%s%09u", blue_prefix[demo_rng_below(&d->rng, 4)], member_number(d));
		break;
	case PLAN_COMM_A:
		snprintf(out, n, "GL%09u", member_number(d));
		break;
	default:
		snprintf(out, n, "T%09u01", member_number(d));
		break;
	}
}

static void make_group(struct demo *d, int plan, char *out, size_t n)
{
	switch (plan) {
	case PLAN_MEDICARE:
	case PLAN_MEDICAID:
		out[0] = '\0';
		break;
	case PLAN_BLUE:
		snprintf(out, n, "%06u", 100000 + demo_rng_below(&d->rng, 60) * 1117);
		break;
	case PLAN_COMM_A:
		snprintf(out, n, "GLH%04u", 1000 + demo_rng_below(&d->rng, 40) * 37);
		break;
	default:
		snprintf(out, n, "TS-%05u", 20000 + demo_rng_below(&d->rng, 30) * 211);
		break;
	}
}

/* Where a household lives. */
struct home {
	struct address addr;
	char phone[11];
	const char *last;
};

static void make_home(struct demo *d, struct home *h)
{
	static int place_weights[64];
	const struct demo_place *pl;
	size_t i;

	if (!place_weights[0])
		for (i = 0; i < demo_places_n; i++)
			place_weights[i] = demo_places[i].weight;
	pl = &demo_places[pick_weighted(d, place_weights, (int)demo_places_n)];
	memset(h, 0, sizeof(*h));
	snprintf(h->addr.line1, sizeof(h->addr.line1), "%d %s %s", rnd(d, 100, 9899),
		 PICK(d, demo_streets), PICK(d, demo_street_types));
	if (chance(d, 120))
		snprintf(h->addr.line2, sizeof(h->addr.line2), "Apt %d%c", rnd(d, 1, 4),
			 "ABCDEF"[rnd(d, 0, 5)]);
	SCPY(h->addr.city, pl->city);
	SCPY(h->addr.state, pl->state);
	if (chance(d, 850))
		snprintf(h->addr.zip, sizeof(h->addr.zip), "%s%04d", pl->zip5, rnd(d, 1, 9998));
	else
		SCPY(h->addr.zip, pl->zip5);
	snprintf(h->phone, sizeof(h->phone), "%s55501%02d", pl->area, rnd(d, 0, 99));
	h->last = PICK(d, demo_last);
}

/* Add a person of the household to the list (not yet written). */
static struct person *new_person(struct demo *d, struct household *hh, const struct home *h,
				 int age, char sex)
{
	struct person *pp = &hh->people[hh->n++];
	struct patient *p = &pp->p;
	const char *first;

	memset(pp, 0, sizeof(*pp));
	pp->plan[0] = pp->plan[1] = -1;
	if (!sex)
		sex = chance(d, 500) ? 'F' : 'M';
	first = sex == 'F' ? PICK(d, demo_first_f) : PICK(d, demo_first_m);
	SCPY(p->last, h->last);
	SCPY(p->first, first);
	if (chance(d, 350)) {
		const char *mid = sex == 'F' ? PICK(d, demo_first_f) : PICK(d, demo_first_m);

		if (strcmp(mid, first))
			SCPY(p->middle, mid);
	} else if (chance(d, 400)) {
		p->middle[0] = (char)('A' + rnd(d, 0, 25));
		p->middle[1] = '\0';
	}
	p->sex = sex;
	p->dob = years_before(d->today, age, rnd(d, 0, 364));
	if (p->dob > d->today)
		p->dob = d->today;
	p->addr = h->addr;
	SCPY(p->phone, h->phone);
	pp->age = date_age(p->dob, d->today);
	/* Internal medicine sees no children. */
	pp->pcp = age < 18 ? (chance(d, 650) ? 0 : 2) : pick_weighted(d, (const int[]){ 45, 35, 20 }, 3);
	return pp;
}

/* The day a plan starts covering: well before the window, never before birth. */
static mbdate_t plan_start(struct demo *d, const struct person *pp)
{
	mbdate_t e = first_of_month(date_add_days(d->start, -rnd(d, 30, 1800)));

	return e < pp->p.dob ? pp->p.dob : e;
}

/* The coverage of order seq of pp under plan, to the subscriber sub (NULL: self). */
static void give_plan(struct demo *d, struct person *pp, int seq, int plan, const struct person *sub,
		      const char *relationship)
{
	struct coverage *c = &pp->cov[seq - 1];

	memset(c, 0, sizeof(*c));
	c->seq = seq;
	c->payer = d->payer[plan];
	pp->plan[seq - 1] = plan;
	if (sub) {
		c->effective = sub->cov[sub->plan[0] == plan ? 0 : 1].effective;
		if (c->effective < pp->p.dob)
			c->effective = pp->p.dob;
		SCPY(c->member_id, sub->cov[sub->plan[0] == plan ? 0 : 1].member_id);
		SCPY(c->group_no, sub->cov[sub->plan[0] == plan ? 0 : 1].group_no);
		SCPY(c->relationship, relationship);
		SCPY(c->sub_last, sub->p.last);
		SCPY(c->sub_first, sub->p.first);
		SCPY(c->sub_middle, sub->p.middle);
		c->sub_dob = sub->p.dob;
		c->sub_sex = sub->p.sex;
		c->sub_addr = sub->p.addr;
	} else {
		make_member_id(d, plan, c->member_id, sizeof(c->member_id));
		make_group(d, plan, c->group_no, sizeof(c->group_no));
		SCPY(c->relationship, REL_SELF);
		if (plan == PLAN_MEDICARE)
			c->effective = first_of_month(date_add_months(pp->p.dob, 65 * 12));
		else
			c->effective = plan_start(d, pp);
	}
	if (seq > pp->ncov)
		pp->ncov = seq;
}

/* An employer or individual plan for a working-age adult; -1: self-pay. */
static int adult_plan(struct demo *d)
{
	static const int w[] = { 300, 250, 200, 150, 100 };
	static const int plans[] = { PLAN_BLUE, PLAN_COMM_A, PLAN_COMM_B, PLAN_MEDICAID, -1 };

	return plans[pick_weighted(d, w, 5)];
}

/* Medicare from 65 on (at the start of the window), else the plan drawn. */
static bool medicare_age(struct demo *d, const struct person *pp)
{
	return date_age(pp->p.dob, d->start) >= 65;
}

static void senior_cover(struct demo *d, struct person *pp)
{
	give_plan(d, pp, 1, PLAN_MEDICARE, NULL, NULL);
	if (chance(d, 380))
		give_plan(d, pp, 2, PLAN_BLUE, NULL, NULL);	/* a Medigap plan */
	else if (chance(d, 180))
		give_plan(d, pp, 2, PLAN_MEDICAID, NULL, NULL);	/* dual eligible */
}

/* Cost sharing of a commercial plan design. */
static int plan_design(struct demo *d)
{
	static const int w[] = { 550, 300, 150 };
	static const int share[] = { SHARE_COPAY, SHARE_COINS, SHARE_DEDUCT };

	return share[pick_weighted(d, w, 3)];
}

/* Birthday rule: the parent whose birthday comes first in the year is primary. */
static bool birthday_first(const struct person *a, const struct person *b)
{
	return a->p.dob % 10000 <= b->p.dob % 10000;
}

/* Whether pp holds a plan of its own that could carry dependents. */
static bool subscriber(const struct person *pp)
{
	return pp && pp->plan[0] >= 0 && pp->plan[0] != PLAN_MEDICAID &&
		!strcmp(pp->cov[0].relationship, REL_SELF);
}

/* A child's age for a parent: at least 18 years younger; some young adults. */
static int child_age(struct demo *d, const struct person *parent)
{
	int oldest = parent->age - 18;

	if (oldest >= 19 && chance(d, 150))
		return rnd(d, 19, oldest < 25 ? oldest : 25);
	return rnd(d, 0, oldest < 17 ? oldest : 17);
}

/*
 * A child's coverage: Medicaid in a Medicaid family; else the parents'
 * plans, the primary by the birthday rule and the other secondary; with no
 * parent's plan, Medicaid for most minors and self-pay for the rest.
 */
static void cover_child(struct demo *d, struct household *hh, struct person *k,
			const struct person *a, const struct person *b)
{
	const struct person *first = subscriber(a) ? a : NULL, *second = subscriber(b) ? b : NULL;

	if (k->age < 18)
		k->guarantor = &hh->people[0];
	if (a->plan[0] == PLAN_MEDICAID) {
		give_plan(d, k, 1, PLAN_MEDICAID, NULL, NULL);
		return;
	}
	if (!first) {
		first = second;
		second = NULL;
	}
	if (!first) {
		if (k->age < 19 && chance(d, 800))
			give_plan(d, k, 1, PLAN_MEDICAID, NULL, NULL);
		return;
	}
	if (second && !birthday_first(first, second)) {
		const struct person *t = first;

		first = second;
		second = t;
	}
	give_plan(d, k, 1, first->plan[0], first, REL_CHILD);
	if (second && second->plan[0] != first->plan[0])
		give_plan(d, k, 2, second->plan[0], second, REL_CHILD);
}

static void make_household(struct demo *d, struct household *hh, long room)
{
	static const int kinds_w[] = { 140, 80, 220, 120, 300, 100, 40 };
	enum { SENIOR, SENIOR_COUPLE, SINGLE, COUPLE, FAMILY, SINGLE_PARENT, YOUNG_ADULT };
	struct home h;
	struct person *a, *b = NULL;
	int kind, nkids = 0, i, plan;

	hh->n = 0;
	make_home(d, &h);
	kind = pick_weighted(d, kinds_w, (int)ARRAY_SIZE(kinds_w));
	switch (kind) {
	case SENIOR:
	case SENIOR_COUPLE:
		a = new_person(d, hh, &h, rnd(d, 66, 94), 0);
		senior_cover(d, a);
		if (kind == SENIOR_COUPLE && room > 1) {
			b = new_person(d, hh, &h, rnd(d, 62, 92), a->p.sex == 'F' ? 'M' : 'F');
			if (medicare_age(d, b))
				senior_cover(d, b);
			else if ((plan = adult_plan(d)) >= 0)
				give_plan(d, b, 1, plan, NULL, NULL);
		}
		break;
	case SINGLE:
	case YOUNG_ADULT:
		a = new_person(d, hh, &h, kind == SINGLE ? rnd(d, 22, 64) : rnd(d, 18, 25), 0);
		if (medicare_age(d, a))
			senior_cover(d, a);
		else if ((plan = adult_plan(d)) >= 0)
			give_plan(d, a, 1, plan, NULL, NULL);
		break;
	default:
		a = new_person(d, hh, &h, rnd(d, 24, 58), 0);
		plan = adult_plan(d);
		if (plan >= 0)
			give_plan(d, a, 1, plan, NULL, NULL);
		if (kind != SINGLE_PARENT && room > 1) {
			b = new_person(d, hh, &h, rnd(d, 24, 58), a->p.sex == 'F' ? 'M' : 'F');
			if (plan == PLAN_MEDICAID)
				give_plan(d, b, 1, PLAN_MEDICAID, NULL, NULL);
			else if (plan >= 0 && chance(d, 600))
				give_plan(d, b, 1, plan, a, REL_SPOUSE);
			else if ((i = adult_plan(d)) >= 0 && i != PLAN_MEDICAID)
				give_plan(d, b, 1, i, NULL, NULL);
		}
		if (kind != COUPLE)
			nkids = rnd(d, 1, kind == FAMILY ? 4 : 3);
		break;
	}
	for (i = 0; i < nkids && hh->n < room; i++)
		cover_child(d, hh, new_person(d, hh, &h, child_age(d, a), 0), a, b);
	for (i = 0; i < hh->n; i++) {
		struct person *pp = &hh->people[i];

		if (pp->plan[0] >= 0 && pp->plan[0] != PLAN_MEDICARE && pp->plan[0] != PLAN_MEDICAID)
			pp->share = plan_design(d);
		else
			pp->share = pp->plan[0] == PLAN_MEDICARE ? SHARE_COINS : SHARE_NONE;
	}
}

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
			if (!demo_fees[fee_index(pr->lines[i].code)].preventive)
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
	SCPY(e->pos, "11");
	if (pr->flags & DEMO_FACILITY) {
		SCPY(e->pos, "31");
		e->facility = d->facility;
	} else if (pr->flags & DEMO_TELEHEALTH) {
		SCPY(e->pos, "10");
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
		fee[i] = fee_index(c->code);
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
	static const int w_week[] = { 60, 40, 380, 440, 80, 0, 0, 0 };
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
static const struct denial {
	const char *group, *reason, *note;
} denials[] = {
	{ "CO", "50", "denied: CO-50 not deemed a medical necessity" },
	{ "CO", "16", "denied: CO-16 claim lacks information (N290 rendering provider)" },
	{ "CO", "96", "denied: CO-96 non-covered charge" },
	{ "OA", "18", "denied: OA-18 exact duplicate claim" },
	{ "PR", "204", "denied: PR-204 not covered under the patient's current plan" },
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
	r->allowed = expected_of((size_t)fee[i], plan) * c->units;
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
		const struct denial *dn = &denials[rnd(d, 0, (int)ARRAY_SIZE(denials) - 1)];
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

/* ---- households, written ---- */

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

static int write_visits(struct demo *d, struct person *pp, struct encounter *e)
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

static int write_household(struct demo *d, struct household *hh, struct encounter *e)
{
	int i, k;

	for (i = 0; i < hh->n; i++) {
		struct person *pp = &hh->people[i];

		snprintf(pp->p.account, sizeof(pp->p.account), "P%07d", (int)(d->counts->patients + 1));
		pp->p.guarantor = pp->guarantor ? pp->guarantor->p.id : 0;
		if (demo_write_patient(d, &pp->p) != MB_OK)
			return error_prefix("demo patient %ld", d->counts->patients + 1);
		d->counts->patients++;
		for (k = 0; k < pp->ncov; k++) {
			pp->cov[k].patient = pp->p.id;
			if (demo_write_coverage(d, &pp->cov[k]) != MB_OK)
				return error_prefix("demo coverage of patient %ld", d->counts->patients);
			d->counts->coverages++;
		}
	}
	for (i = 0; i < hh->n; i++)
		if (write_visits(d, &hh->people[i], e) != MB_OK)
			return error_prefix("demo visit of patient %lld", (long long)hh->people[i].p.id);
	return MB_OK;
}

/* Visits per patient fall as the practice grows, so that a million patients load in a minute. */
static int visit_rate(long patients)
{
	return patients <= 20000 ? 1000 : patients <= 100000 ? 700 : patients <= 500000 ? 500 : 400;
}

int demo_generate(struct store *st, const struct demo_options *o, struct demo_counts *counts)
{
	struct demo d;
	struct demo_counts local;
	struct household *hh = NULL;
	struct encounter e;
	const char *what;
	bool empty, began = false;
	int ret = MB_ERROR;

	memset(&d, 0, sizeof(d));
	encounter_init(&e);
	if (!counts)
		counts = &local;
	memset(counts, 0, sizeof(*counts));
	if (o->patients < 1 || o->patients > DEMO_MAX_PATIENTS)
		return error("'patients': %ld is not between 1 and %ld", o->patients, DEMO_MAX_PATIENTS);
	d.st = st;
	d.counts = counts;
	demo_rng_seed(&d.rng, o->seed);
	d.today = date_today();
	d.start = date_add_days(d.today, -180);
	d.rate = visit_rate(o->patients);
	d.bulk = o->mode == DEMO_MODE_BULK || (o->mode == DEMO_MODE_AUTO && o->patients > DEMO_API_MAX);
	hh = xcalloc(1, sizeof(*hh));

	/* synchronous cannot change inside a transaction: bulk mode first. */
	if (d.bulk) {
		store_bulk_begin(st);
		store_demo_journal(st, true);
	}
	if (store_begin(st) != MB_OK)
		goto cleanup;
	began = true;
	if (store_demo_empty(st, &empty, &what) != MB_OK)
		goto cleanup;
	if (!empty) {
		error("the database already holds %s: 'demo' fills an empty database only "
		      "(run 'medbill init' on a new file)", what);
		goto cleanup;
	}
	if (setup_practice(&d) != MB_OK || setup_providers(&d) != MB_OK ||
	    setup_payers(&d) != MB_OK || setup_fees(&d) != MB_OK)
		goto cleanup;
	if (demo_write_begin(&d) != MB_OK)
		goto cleanup;
	while (counts->patients < o->patients) {
		long before = counts->patients;

		make_household(&d, hh, o->patients - counts->patients);
		if (write_household(&d, hh, &e) != MB_OK)
			goto cleanup;
		if (o->progress && before / 8192 != counts->patients / 8192)
			o->progress(counts->patients, o->patients, o->progress_arg);
	}
	if (demo_write_end(&d) != MB_OK)
		goto cleanup;
	began = false;
	ret = store_commit(st);
cleanup:
	if (began)
		store_rollback(st);
	if (d.bulk) {
		store_demo_journal(st, false);
		store_bulk_end(st);
	}
	if (ret != MB_OK)
		memset(counts, 0, sizeof(*counts));
	encounter_release(&e);
	free(hh);
	return ret;
}
