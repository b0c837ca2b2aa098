/*
 * check.c: the ledger and claim invariants. Each store query yields only
 * breaches; this file turns each into a line of text.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "medbill/check.h"
#include "medbill/date.h"
#include "medbill/money.h"
#include "medbill/store.h"
#include "medbill/store_ledger.h"
#include "medbill/util.h"

#define CHECK_NAME_(n, s) s,
static const char *const kind_names[] = { CHECK_KINDS(CHECK_NAME_) };
#undef CHECK_NAME_

const char *check_kind_name(enum check_kind k)
{
	return (int)k >= 0 && k < CHECK_KIND_COUNT ? kind_names[k] : "?";
}

struct check_run {
	check_fn fn;
	void *ud;
	size_t n;
	enum check_kind kind;
	int stop;
	int64_t missing;	/* ledger groups without a balance row */
	int64_t balances, groups;	/* from SCQ_PROJECTION_COUNTS */
};

static const char *party(int64_t p, char buf[40])
{
	if (!p)
		return "patient";
	snprintf(buf, 40, "coverage %lld", (long long)p);
	return buf;
}

static int report(struct check_run *r, const char *fmt, ...) MB_PRINTF(2, 3);

static int report(struct check_run *r, const char *fmt, ...)
{
	struct check_breach b;
	va_list ap;

	b.kind = r->kind;
	va_start(ap, fmt);
	vsnprintf(b.text, sizeof(b.text), fmt, ap);
	va_end(ap);
	r->n++;
	r->stop = r->fn(&b, r->ud);
	return r->stop;
}

#define LL(x) ((long long)(x))

static int on_projection_sum(const int64_t v[], void *ud)
{
	struct check_run *r = ud;
	char p[40], m1[MONEY_BUF], m2[MONEY_BUF];

	if (!v[4]) {
		r->missing++;
		return report(ud, "charge line %lld, %s: no balance row for ledger rows summing to %s",
			      LL(v[0]), party(v[1], p), money_fmt(v[3], m2));
	}
	return report(ud, "charge line %lld, %s: balance %s but its ledger rows sum to %s",
		      LL(v[0]), party(v[1], p), money_fmt(v[2], m1), money_fmt(v[3], m2));
}

static int on_projection_counts(const int64_t v[], void *ud)
{
	struct check_run *r = ud;

	r->balances = v[0];
	r->groups = v[1];
	return 0;
}

/* Every balance row has its ledger group unless there are more rows than matched groups. */
static bool orphans_possible(const struct check_run *r)
{
	return r->balances != r->groups - r->missing;
}

static int on_projection_orphan(const int64_t v[], void *ud)
{
	char p[40], m[MONEY_BUF];

	return report(ud, "charge line %lld, %s: balance %s but it has no ledger rows",
		      LL(v[0]), party(v[1], p), money_fmt(v[2], m));
}

static int on_projection_meta(const int64_t v[], void *ud)
{
	static const char *const what[] = { "?", "patient", "date of service", "payer" };
	char p[40];

	return report(ud, "charge line %lld, %s: the balance's %s is not the charge's",
		      LL(v[0]), party(v[1], p), what[v[2] >= 1 && v[2] <= 3 ? v[2] : 0]);
}

static int on_projection_days(const int64_t v[], void *ud)
{
	char who[40], iso[DATE_ISO_LEN], m1[MONEY_BUF], m2[MONEY_BUF];

	if (v[0])
		snprintf(who, sizeof(who), "payer %lld", LL(v[0]));
	else
		snprintf(who, sizeof(who), "patient responsibility");
	date_iso((mbdate_t)v[1], iso);
	return report(ud, "aging sum of %s on %s is %s but its balances sum to %s",
		      who, iso, money_fmt(v[2], m1), money_fmt(v[3], m2));
}

static int on_reversal_target(const int64_t v[], void *ud)
{
	switch (v[2]) {
	case 1:
		return report(ud, "ledger row %lld reverses row %lld, which does not exist", LL(v[0]), LL(v[1]));
	case 2:
		return report(ud, "ledger row %lld reverses row %lld, which is itself a reversal",
			      LL(v[0]), LL(v[1]));
	case 3:
		return report(ud, "ledger row %lld reverses row %lld of another charge line or party",
			      LL(v[0]), LL(v[1]));
	default:
		return report(ud, "ledger row %lld reverses row %lld but does not negate its amount",
			      LL(v[0]), LL(v[1]));
	}
}

static int on_reversal_twice(const int64_t v[], void *ud)
{
	return report(ud, "ledger row %lld is reversed %lld times", LL(v[0]), LL(v[1]));
}

static int on_row_kind(const int64_t v[], void *ud)
{
	struct check_run *r = ud;

	switch (v[1]) {
	case 1:
		return report(r, "ledger row %lld is a reversal that names no row", LL(v[0]));
	case 2:
		return report(r, "ledger row %lld is not a reversal but names a row it reverses", LL(v[0]));
	default:
		r->kind = CHECK_TRANSFER;
		return report(r, "ledger row %lld is a transfer without a transfer id", LL(v[0]));
	}
}

static int on_transfer(const int64_t v[], void *ud)
{
	char m[MONEY_BUF];

	return report(ud, "transfer %lld has %lld rows summing to %s%s "
		      "(2 rows on one charge line summing to 0.00 expected)",
		      LL(v[0]), LL(v[1]), money_fmt(v[2], m), v[3] ? " on more than one charge line" : "");
}

static int on_claim_total(const int64_t v[], void *ud)
{
	char m1[MONEY_BUF], m2[MONEY_BUF];

	if (v[1] != v[2] && report(ud, "claim %lld: total %s but its %lld lines sum to %s",
				   LL(v[0]), money_fmt(v[1], m1), LL(v[3]), money_fmt(v[2], m2)))
		return 1;
	if (v[3] < 1 || v[3] > MAX_CLAIM_LINES)
		return report(ud, "claim %lld has %lld lines (1 to %d expected)", LL(v[0]), LL(v[3]),
			      MAX_CLAIM_LINES);
	return 0;
}

static int on_claim_state(const int64_t v[], void *ud)
{
	return report(ud, "claim %lld has no status (no claim_state row)", LL(v[0]));
}

static int on_credit(const int64_t v[], void *ud)
{
	char p[40], m[MONEY_BUF];

	return report(ud, "charge line %lld, %s: balance %s without a credit reason",
		      LL(v[0]), party(v[1], p), money_fmt(v[2], m));
}

static const struct {
	enum store_check_query q;
	enum check_kind kind;
	store_check_fn fn;
	bool (*wanted)(const struct check_run *r);	/* NULL: always run */
} checks[] = {
	{ SCQ_PROJECTION_SUM, CHECK_PROJECTION, on_projection_sum, NULL },
	{ SCQ_PROJECTION_COUNTS, CHECK_PROJECTION, on_projection_counts, NULL },
	{ SCQ_PROJECTION_ORPHAN, CHECK_PROJECTION, on_projection_orphan, orphans_possible },
	{ SCQ_PROJECTION_META, CHECK_PROJECTION, on_projection_meta, NULL },
	{ SCQ_PROJECTION_DAYS, CHECK_PROJECTION, on_projection_days, NULL },
	{ SCQ_REVERSAL_TARGET, CHECK_REVERSAL, on_reversal_target, NULL },
	{ SCQ_REVERSAL_TWICE, CHECK_REVERSAL, on_reversal_twice, NULL },
	{ SCQ_ROW_KIND, CHECK_REVERSAL, on_row_kind, NULL },
	{ SCQ_TRANSFER, CHECK_TRANSFER, on_transfer, NULL },
	{ SCQ_CLAIM_TOTAL, CHECK_CLAIM_TOTAL, on_claim_total, NULL },
	{ SCQ_CLAIM_STATE, CHECK_CLAIM_STATE, on_claim_state, NULL },
	{ SCQ_CREDIT, CHECK_CREDIT, on_credit, NULL },
};

struct dispatch_ctx {
	struct check_run *run;
	size_t i;
};

/* Each row of a check's query: its kind (a callback may report under another), then its text. */
static int dispatch(const int64_t v[STORE_CHECK_COLS], void *ud)
{
	struct dispatch_ctx *d = ud;

	d->run->kind = checks[d->i].kind;
	return checks[d->i].fn(v, d->run);
}

int check_run(struct store *st, check_fn fn, void *ud, size_t *nbreach)
{
	struct check_run run = { fn, ud, 0, CHECK_PROJECTION, 0, 0, 0, 0 };
	struct dispatch_ctx d = { &run, 0 };
	int ret = MB_OK;

	if (store_read_begin(st) != MB_OK)
		return MB_ERROR;
	for (d.i = 0; d.i < ARRAY_SIZE(checks) && !run.stop; d.i++) {
		if (checks[d.i].wanted && !checks[d.i].wanted(&run))
			continue;
		if (store_check_query(st, checks[d.i].q, dispatch, &d) == MB_ERROR && !run.stop) {
			ret = MB_ERROR;
			break;
		}
	}
	store_read_end(st);
	if (nbreach)
		*nbreach = run.n;
	return ret;
}
