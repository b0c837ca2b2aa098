/*
 * aging.c: A/R aging reports from the balances projection.
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/aging.h"
#include "medbill/store.h"
#include "medbill/store_ledger.h"
#include "medbill/util.h"

static const char *const bucket_labels[AGING_BUCKETS] = { "0-30", "31-60", "61-90", "91-120", "120+" };
/* The last age (days) of each bucket but the open-ended last one. */
static const int32_t bucket_end[AGING_BUCKETS - 1] = { 30, 60, 90, 120 };

const char *aging_bucket_label(int bucket)
{
	return bucket >= 0 && bucket < AGING_BUCKETS ? bucket_labels[bucket] : "?";
}

int aging_bucket_of(int32_t days)
{
	int b;

	if (days < 0)
		return -1;
	for (b = 0; b < AGING_BUCKETS - 1; b++)
		if (days <= bucket_end[b])
			return b;
	return AGING_BUCKETS - 1;
}

int aging_by_parse(const char *s, enum aging_by *out)
{
	if (s && !strcmp(s, "payer")) {
		*out = AGING_BY_PAYER;
		return MB_OK;
	}
	if (s && !strcmp(s, "patient")) {
		*out = AGING_BY_PATIENT;
		return MB_OK;
	}
	return error("'by': '%s' is not 'payer' or 'patient'", s ? s : "");
}

int64_t aging_permille(cents_t part, cents_t whole)
{
	uint64_t n, w, v;
	bool neg;

	if (!whole)
		return 0;
	neg = (part < 0) != (whole < 0);
	n = part < 0 ? (uint64_t)0 - (uint64_t)part : (uint64_t)part;
	w = whole < 0 ? (uint64_t)0 - (uint64_t)whole : (uint64_t)whole;
	v = (n * 2000 + w) / (2 * w);
	return neg ? -(int64_t)v : (int64_t)v;
}

static void edges_for(mbdate_t as_of, struct store_aging_edges *e)
{
	int b;

	e->as_of = as_of;
	for (b = 0; b < AGING_BUCKETS - 1; b++)
		e->edge[b] = date_add_days(as_of, -bucket_end[b]);
}

struct collect {
	struct aging_report *r;
	size_t alloc;
};

static int collect_row(const struct aging_row *row, void *ud)
{
	struct collect *c = ud;
	struct aging_report *r = c->r;
	int b;

	ALLOC_GROW(r->rows, r->nrows + 1, c->alloc);
	r->rows[r->nrows] = *row;
	if (r->by == AGING_BY_PAYER && row->id == 0)
		SCPY(r->rows[r->nrows].name, "Patient responsibility");
	for (b = 0; b < AGING_BUCKETS; b++)
		r->totals.bucket[b] += row->bucket[b];
	r->totals.total += row->total;
	r->nrows++;
	return 0;
}

static int check_as_of(mbdate_t *as_of)
{
	if (!*as_of)
		*as_of = date_today();
	else if (!date_valid(*as_of))
		return error("'as-of': %d is not a real date", (int)*as_of);
	return MB_OK;
}

int aging_run(struct store *st, enum aging_by by, mbdate_t as_of, struct aging_report *out)
{
	struct store_aging_edges e;
	struct collect c = { out, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	if (by != AGING_BY_PAYER && by != AGING_BY_PATIENT)
		return error("'by': %d is not 'payer' or 'patient'", (int)by);
	if (check_as_of(&as_of) != MB_OK)
		return MB_ERROR;
	out->by = by;
	out->as_of = as_of;
	SCPY(out->totals.name, "Total");
	edges_for(as_of, &e);
	if (store_read_begin(st) != MB_OK)
		return MB_ERROR;
	if (by == AGING_BY_PAYER)
		rc = store_aging_payers(st, &e, collect_row, &c);
	else
		rc = store_aging_patients(st, &e, collect_row, &c);
	store_read_end(st);
	if (rc != MB_OK) {
		aging_report_release(out);
		return MB_ERROR;
	}
	return MB_OK;
}

void aging_report_release(struct aging_report *r)
{
	free(r->rows);
	memset(r, 0, sizeof(*r));
}

int aging_cell_foreach(struct store *st, enum aging_by by, int64_t id, int bucket,
		       mbdate_t as_of, aging_claim_fn fn, void *ud)
{
	struct store_aging_edges e;
	mbdate_t from, to;

	if (by != AGING_BY_PAYER && by != AGING_BY_PATIENT)
		return error("'by': %d is not 'payer' or 'patient'", (int)by);
	if (bucket < -1 || bucket >= AGING_BUCKETS)
		return error("'bucket': %d is not an aging bucket (0 to %d)", bucket, AGING_BUCKETS - 1);
	if (check_as_of(&as_of) != MB_OK)
		return MB_ERROR;
	edges_for(as_of, &e);
	from = 10101;	/* 0001-01-01: the open start of the oldest bucket */
	to = as_of;
	if (bucket >= 0) {
		if (bucket < AGING_BUCKETS - 1)
			from = e.edge[bucket];
		if (bucket > 0)
			to = date_add_days(e.edge[bucket - 1], -1);
	}
	return store_aging_cell(st, by, id, from, to, fn, ud);
}
