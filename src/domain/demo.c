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

void demo_options_init(struct demo_options *o)
{
	memset(o, 0, sizeof(*o));
	o->patients = DEMO_DEFAULT_PATIENTS;
	o->seed = DEMO_DEFAULT_SEED;
	o->mode = DEMO_MODE_AUTO;
}

/* ---- the practice, its providers, payers and fees ---- */

#define PRACTICE_TAXONOMY "207Q00000X"	/* family medicine */

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
	SCPY(p.taxonomy, PRACTICE_TAXONOMY);
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

cents_t demo_expected(size_t fee, int plan)
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
			x.expected = demo_expected(i, plan);
			if (fee_expected_set(d->st, &x, NULL) != MB_OK)
				return error_prefix("demo expected amount '%s'", f.code);
		}
	}
	return MB_OK;
}

int demo_fee_index(const char *code)
{
	size_t i;

	for (i = 0; i < demo_fees_n; i++)
		if (!strcmp(demo_fees[i].code, code))
			return (int)i;
	BUG("demo profile names a code without a fee");
}

/* ---- households, written ---- */

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
		if (demo_write_visits(d, &hh->people[i], e) != MB_OK)
			return error_prefix("demo visit of patient %lld", (long long)hh->people[i].p.id);
	return MB_OK;
}

/* Visits per patient fall as the practice grows, so that a million patients load in a minute. */
static int visit_rate(long patients)
{
	return patients <= 20000 ? 1000 : patients <= 100000 ? 700 : patients <= 500000 ? 500 : 300;
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

		demo_make_household(&d, hh, o->patients - counts->patients);
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
	demo_write_release(&d);
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


int demo_foreach_code(demo_code_fn fn, void *arg)
{
	size_t i;
	int k, rc;

	for (i = 0; i < DX_COUNT; i++)
		if ((rc = fn("icd10cm", demo_dx[i], arg)) != MB_OK)
			return rc;
	for (i = 0; i < demo_fees_n; i++)
		if ((rc = fn("procedure", demo_fees[i].code, arg)) != MB_OK)
			return rc;
	for (i = 0; i < demo_profiles_n; i++)
		for (k = 0; k < demo_profiles[i].nlines; k++)
			if (demo_profiles[i].lines[k].mod[0] &&
			    (rc = fn("modifier", demo_profiles[i].lines[k].mod, arg)) != MB_OK)
				return rc;
	for (i = 0; i < ARRAY_SIZE(demo_providers); i++)
		if ((rc = fn("taxonomy", demo_providers[i].taxonomy, arg)) != MB_OK)
			return rc;
	if ((rc = fn("taxonomy", PRACTICE_TAXONOMY, arg)) != MB_OK ||
	    (rc = fn("pos", DEMO_POS_OFFICE, arg)) != MB_OK ||
	    (rc = fn("pos", DEMO_POS_NURSING, arg)) != MB_OK ||
	    (rc = fn("pos", DEMO_POS_HOME, arg)) != MB_OK ||
	    (rc = fn("carc", "45", arg)) != MB_OK)
		return rc;
	for (i = 0; i < demo_denials_n; i++)
		if ((rc = fn("carc", demo_denials[i].reason, arg)) != MB_OK ||
		    (rc = fn("group", demo_denials[i].group, arg)) != MB_OK)
			return rc;
	return MB_OK;
}
