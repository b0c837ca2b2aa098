/*
 * fixtures.h: synthetic practice data for unit tests (no real people).
 * Each fx_*() fills a valid struct; fx_add_*() also stores it and returns
 * its id, failing the test on error.
 */
#ifndef MEDBILL_FIXTURES_H
#define MEDBILL_FIXTURES_H

#include "testutil.h"
#include "medbill/encounter.h"
#include "medbill/patient.h"
#include "medbill/practice.h"

/* Fail with the library's message when x is not MB_OK. */
#define assert_ok(x) do { \
		int rc_ = (x); \
		if (rc_ != MB_OK) \
			fail_msg("%s: %d: %s", #x, rc_, error_last()); \
	} while (0)

static inline void fx_practice(struct practice *p)
{
	memset(p, 0, sizeof(*p));
	SCPY(p->name, "Maple Test Family Practice");
	SCPY(p->npi, "1234567893");
	SCPY(p->ein, "123456789");
	SCPY(p->taxonomy, "207Q00000X");
	SCPY(p->addr.line1, "100 Test Way");
	SCPY(p->addr.city, "Springfield");
	SCPY(p->addr.state, "IL");
	SCPY(p->addr.zip, "627011234");
	SCPY(p->phone, "2175550100");
}

static inline void fx_provider(struct provider *p, enum provider_kind kind)
{
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->active = true;
	SCPY(p->last, kind == PROV_FACILITY ? "Test Surgery Center" : "Testdoc");
	SCPY(p->first, kind == PROV_FACILITY ? "" : "Alex");
	SCPY(p->npi, kind == PROV_REFERRING ? "1245319599" : "1679576722");
	SCPY(p->taxonomy, "207Q00000X");
	if (kind == PROV_FACILITY) {
		SCPY(p->addr.line1, "200 Clinic Rd");
		SCPY(p->addr.city, "Springfield");
		SCPY(p->addr.state, "IL");
		SCPY(p->addr.zip, "627020001");
	}
}

static inline void fx_payer(struct payer *p, const char *payer_id, const char *filing)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "Test Payer %s", payer_id);
	SCPY(p->payer_id, payer_id);
	SCPY(p->filing_code, filing);
	p->timely_days = 365;
}

static inline void fx_patient(struct patient *p, const char *last, const char *first)
{
	memset(p, 0, sizeof(*p));
	SCPY(p->last, last);
	SCPY(p->first, first);
	p->dob = 19800115;
	p->sex = 'F';
	SCPY(p->addr.line1, "1 Sample St");
	SCPY(p->addr.city, "Springfield");
	SCPY(p->addr.state, "IL");
	SCPY(p->addr.zip, "62701");
}

static inline void fx_coverage(struct coverage *c, int64_t patient, int64_t payer, int seq,
			       const char *member)
{
	memset(c, 0, sizeof(*c));
	c->patient = patient;
	c->payer = payer;
	c->seq = seq;
	SCPY(c->member_id, member);
	SCPY(c->relationship, "18");
	c->effective = 20260101;
}

static inline int64_t fx_add_provider(struct store *st, enum provider_kind kind)
{
	struct provider p;

	fx_provider(&p, kind);
	if (provider_add(st, &p) != MB_OK)
		fail_msg("provider_add: %s", error_last());
	return p.id;
}

static inline int64_t fx_add_payer(struct store *st, const char *payer_id, const char *filing)
{
	struct payer p;

	fx_payer(&p, payer_id, filing);
	if (payer_add(st, &p) != MB_OK)
		fail_msg("payer_add: %s", error_last());
	return p.id;
}

static inline int64_t fx_add_patient(struct store *st, const char *last, const char *first)
{
	struct patient p;

	fx_patient(&p, last, first);
	if (patient_add(st, &p) != MB_OK)
		fail_msg("patient_add: %s", error_last());
	return p.id;
}

static inline int64_t fx_add_coverage(struct store *st, int64_t patient, int64_t payer, int seq,
				      const char *member)
{
	struct coverage c;

	fx_coverage(&c, patient, payer, seq, member);
	if (coverage_add(st, &c) != MB_OK)
		fail_msg("coverage_add: %s", error_last());
	return c.id;
}

/* An encounter on 2026-11-02 with two diagnoses and one charge line. */
static inline void fx_encounter(struct encounter *e, int64_t patient, int64_t rendering)
{
	struct charge *c;

	encounter_release(e);
	e->patient = patient;
	e->rendering = rendering;
	e->dos = 20261102;
	SCPY(e->pos, "11");
	e->ndiag = 2;
	SCPY(e->diag[0], "E119");
	SCPY(e->diag[1], "I10");
	c = encounter_add_charge(e);
	SCPY(c->code, "99213");
	c->units = 1;
	c->amount = 12000;
	c->ptrs[0] = 1;
	c->ptrs[1] = 2;
}

#endif
