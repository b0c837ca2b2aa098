/*
 * demo_people.c: the demo's households: names, homes, ages, and the
 * coverages of each person (demo.c).
 *
 * A household is one of a few kinds (a senior or a senior couple, a single
 * adult, a couple, a family, a single parent, a young adult). Adults hold
 * an employer, individual or Medicaid plan or none (self-pay); from 65 on
 * Medicare, with a Medigap or Medicaid plan behind it for some. A spouse is
 * a dependent on the other's plan or holds one of their own; children are
 * dependents on a parent's plan (relationship 19), on both parents' plans
 * by the birthday rule when each has one, or on Medicaid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_priv.h"
#include "medbill/validate.h"

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

/* A town by its weight: more people live near the practice. */
static const struct demo_place *pick_place(struct demo *d)
{
	int total = 0, x;
	size_t i;

	for (i = 0; i < demo_places_n; i++)
		total += demo_places[i].weight;
	x = rnd(d, 0, total - 1);
	for (i = 0; i < demo_places_n - 1 && x >= demo_places[i].weight; i++)
		x -= demo_places[i].weight;
	return &demo_places[i];
}

static void make_home(struct demo *d, struct home *h)
{
	const struct demo_place *pl = pick_place(d);

	memset(h, 0, sizeof(*h));
	snprintf(h->addr.line1, sizeof(h->addr.line1), "%d %s %s", rnd(d, 100, 9899),
		 PICK(d, demo_streets), PICK(d, demo_street_types));
	if (chance(d, 120))
		snprintf(h->addr.line2, sizeof(h->addr.line2), "Apt %d%c", rnd(d, 1, 4),
			 "ABCDEF"[rnd(d, 0, 5)]);
	SCPY(h->addr.city, pl->city);
	SCPY(h->addr.state, pl->state);
	if (chance(d, 850))
		snprintf(h->addr.zip, sizeof(h->addr.zip), "%.5s%04u", pl->zip5,
			 (unsigned)rnd(d, 1, 9998) % 10000u);
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

void demo_make_household(struct demo *d, struct household *hh, long room)
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
			int age = a->age + rnd(d, -6, 6);

			b = new_person(d, hh, &h, age < 60 ? 60 : age > 96 ? 96 : age,
				       a->p.sex == 'F' ? 'M' : 'F');
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
			int age = a->age + rnd(d, -6, 6);

			b = new_person(d, hh, &h, age < 21 ? 21 : age > 64 ? 64 : age,
				       a->p.sex == 'F' ? 'M' : 'F');
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
		cover_child(d, hh, new_person(d, hh, &h, child_age(d, b && b->age < a->age ? b : a), 0),
			    a, b);
	for (i = 0; i < hh->n; i++) {
		struct person *pp = &hh->people[i];

		if (pp->plan[0] >= 0 && pp->plan[0] != PLAN_MEDICARE && pp->plan[0] != PLAN_MEDICAID)
			pp->share = plan_design(d);
		else
			pp->share = pp->plan[0] == PLAN_MEDICARE ? SHARE_COINS : SHARE_NONE;
	}
}

