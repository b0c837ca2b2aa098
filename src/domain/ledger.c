/*
 * ledger.c: posting to the append-only ledger, with the rules of each kind
 * of row, and reading balances from the projection.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/ledger.h"
#include "medbill/store.h"
#include "medbill/store_ledger.h"
#include "medbill/util.h"

static const char *const kind_names[] = {
	[LEDGER_CHARGE] = "charge",
	[LEDGER_INS_PAYMENT] = "ins_payment",
	[LEDGER_PAT_PAYMENT] = "pat_payment",
	[LEDGER_ADJUSTMENT] = "adjustment",
	[LEDGER_TRANSFER] = "transfer",
	[LEDGER_REFUND] = "refund",
	[LEDGER_WRITEOFF] = "writeoff",
	[LEDGER_REVERSAL] = "reversal",
};

const char *ledger_kind_name(enum ledger_kind k)
{
	return (int)k >= 0 && (size_t)k < ARRAY_SIZE(kind_names) ? kind_names[k] : "?";
}

int ledger_kind_parse(const char *s, enum ledger_kind *out)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(kind_names); i++) {
		if (!strcmp(s, kind_names[i])) {
			*out = (enum ledger_kind)i;
			return MB_OK;
		}
	}
	return error("'kind': '%s' is not a ledger row kind", s ? s : "");
}

bool ledger_group_valid(const char *group)
{
	static const char *const groups[] = { "CO", "CR", "OA", "PI", "PR" };
	size_t i;

	for (i = 0; group && i < ARRAY_SIZE(groups); i++)
		if (!strcmp(group, groups[i]))
			return true;
	return false;
}

/* "the patient" or "coverage N", for messages. */
static const char *party_text(int64_t party, char buf[40])
{
	if (!party)
		return "the patient";
	snprintf(buf, 40, "coverage %lld", (long long)party);
	return buf;
}

static bool reason_code_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 1 || n > 5)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return false;
	return true;
}

/* How a row reaches post_row(): the public path refuses what only the pair functions may do. */
enum post_via { VIA_PUBLIC, VIA_TRANSFER, VIA_REVERSE };

/* The sign rule of a kind: 1 positive, -1 negative, 0 either (non-zero). */
static int kind_sign(enum ledger_kind k)
{
	switch (k) {
	case LEDGER_CHARGE:
	case LEDGER_REFUND:
		return 1;
	case LEDGER_INS_PAYMENT:
	case LEDGER_PAT_PAYMENT:
	case LEDGER_WRITEOFF:
		return -1;
	case LEDGER_ADJUSTMENT:
	case LEDGER_TRANSFER:
	case LEDGER_REVERSAL:
		return 0;
	}
	return 0;
}

static int check_reversal(struct store *st, const struct ledger_row *row, enum post_via via)
{
	struct ledger_row t;
	int64_t by;

	if (!row->reverses)
		return error("'reverses': a reversal names the row it reverses");
	if (store_ledger_get(st, row->reverses, &t) != MB_OK)
		return MB_ERROR;
	if (t.kind == LEDGER_REVERSAL)
		return error("'reverses': row %lld is itself a reversal", (long long)t.id);
	if (store_ledger_reversed_by(st, t.id, &by) != MB_OK)
		return MB_ERROR;
	if (by)
		return error("'reverses': row %lld is already reversed by row %lld",
			     (long long)t.id, (long long)by);
	if (t.kind == LEDGER_TRANSFER && via != VIA_REVERSE)
		return error("'reverses': row %lld is half of a transfer: reverse it with ledger_reverse()",
			     (long long)t.id);
	if (t.charge != row->charge || t.coverage != row->coverage)
		return error("'reverses': row %lld is on another charge line or party", (long long)t.id);
	if (row->amount != -t.amount)
		return error("'amount': a reversal of row %lld must be its negation", (long long)t.id);
	if (str_empty(row->note))
		return error("'why': a reversal says why");
	return MB_OK;
}

/*
 * Validate a row against the database and append it with its balance.
 * Runs inside the caller's transaction.
 */
static int post_row(struct store *st, struct ledger_row *row, enum post_via via)
{
	struct store_charge_info ch;
	struct store_coverage_info cov;
	char money[MONEY_BUF], pbuf[40];
	cents_t before;
	bool credit;
	int sign, rc;

	if ((int)row->kind < 0 || (size_t)row->kind >= ARRAY_SIZE(kind_names))
		return error("'kind': %d is not a ledger row kind", (int)row->kind);
	if (row->amount == 0)
		return error("'amount': a ledger row moves a non-zero amount");
	sign = kind_sign(row->kind);
	if (sign > 0 && row->amount < 0)
		return error("'amount': a %s is positive, not %s", ledger_kind_name(row->kind),
			     money_fmt(row->amount, money));
	if (sign < 0 && row->amount > 0)
		return error("'amount': a %s lowers the balance: it is stored negative, not %s",
			     ledger_kind_name(row->kind), money_fmt(row->amount, money));
	if (row->posted == 0)
		row->posted = date_today();
	else if (!date_valid(row->posted))
		return error("'posted': %d is not a real date", (int)row->posted);
	if (store_charge_info(st, row->charge, &ch) != MB_OK)
		return MB_ERROR;
	if (row->coverage) {
		if (store_coverage_info(st, row->coverage, &cov) != MB_OK)
			return MB_ERROR;
		if (cov.patient != ch.patient)
			return error("'party': coverage %lld is not a coverage of the charge's patient",
				     (long long)row->coverage);
	}
	if (row->group[0] && !ledger_group_valid(row->group))
		return error("'group': '%s' is not a group code (CO, CR, OA, PI or PR)", row->group);
	if (row->reason[0] && !reason_code_valid(row->reason))
		return error("'reason': '%s' is not a reason code (1 to 5 letters or digits)", row->reason);
	if (row->kind != LEDGER_REVERSAL && row->reverses)
		return error("'reverses': only a reversal points at a row");
	if (row->xfer && via == VIA_PUBLIC)
		return error("'xfer': rows are paired only by ledger_transfer()");
	switch (row->kind) {
	case LEDGER_INS_PAYMENT:
		if (!row->coverage)
			return error("'party': an insurance payment is from a coverage, not the patient");
		break;
	case LEDGER_PAT_PAYMENT:
		if (row->coverage)
			return error("'party': a patient payment is to the patient's balance, not a coverage");
		break;
	case LEDGER_ADJUSTMENT:
		if (!row->group[0])
			return error("'group': an adjustment needs a group code (CO, CR, OA, PI or PR)");
		if (!row->reason[0])
			return error("'reason': an adjustment needs a reason code");
		break;
	case LEDGER_WRITEOFF:
		if (str_empty(row->note))
			return error("'reason': a write-off says why");
		break;
	case LEDGER_TRANSFER:
		if (via != VIA_TRANSFER)
			return error("'kind': a transfer is posted with ledger_transfer()");
		break;
	case LEDGER_REVERSAL:
		if (check_reversal(st, row, via) != MB_OK)
			return MB_ERROR;
		break;
	case LEDGER_CHARGE:
	case LEDGER_REFUND:
		break;
	}
	if (store_balance_get(st, row->charge, row->coverage, &before, &credit) != MB_OK)
		return MB_ERROR;
	if (row->kind == LEDGER_REFUND && before + row->amount > 0) {
		char m2[MONEY_BUF];

		return error("'amount': the refund of %s is more than the credit of %s",
			     money_fmt(row->amount, money), money_fmt(before < 0 ? -before : 0, m2));
	}
	if (before + row->amount < 0 && !credit && str_empty(row->credit_reason))
		return error("'credit_reason': it would leave charge line %lld at %s for %s: "
			     "a credit balance needs a credit reason", (long long)row->charge,
			     money_fmt(before + row->amount, money), party_text(row->coverage, pbuf));
	if (!row->claim) {
		rc = store_claim_for_charge(st, row->charge, row->coverage, &row->claim);
		if (rc == MB_ERROR)
			return MB_ERROR;
	}
	memset(&row->created, 0, sizeof(row->created));
	if (store_ledger_insert(st, row) != MB_OK)
		return MB_ERROR;
	return store_balance_apply(st, row->charge, row->coverage, row->claim, row->amount);
}

/* One row, validated and posted in its own transaction. */
static int post_one(struct store *st, struct ledger_row *row, enum post_via via)
{
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (post_row(st, row, via) != MB_OK) {
		row->id = 0;
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}

int ledger_post(struct store *st, struct ledger_row *row)
{
	return post_one(st, row, VIA_PUBLIC);
}

/* A row from an entry, amount signed by the caller. */
static int entry_row(const struct ledger_entry *e, enum ledger_kind kind, struct ledger_row *r)
{
	memset(r, 0, sizeof(*r));
	if (e->amount <= 0) {
		char money[MONEY_BUF];

		return error("'amount': %s is not a positive amount", money_fmt(e->amount, money));
	}
	if (e->reference && strlen(e->reference) >= sizeof(r->reference))
		return error("'reference': '%s' is longer than %zu characters", e->reference,
			     sizeof(r->reference) - 1);
	if (e->note && strlen(e->note) >= sizeof(r->note))
		return error("'note': longer than %zu characters", sizeof(r->note) - 1);
	if (e->credit_reason && strlen(e->credit_reason) >= sizeof(r->credit_reason))
		return error("'credit_reason': longer than %zu characters", sizeof(r->credit_reason) - 1);
	r->kind = kind;
	r->charge = e->charge;
	r->coverage = e->party;
	r->claim = e->claim;
	r->amount = e->amount;
	r->posted = e->posted;
	SCPY(r->reference, e->reference ? e->reference : "");
	SCPY(r->note, e->note ? e->note : "");
	SCPY(r->credit_reason, e->credit_reason ? e->credit_reason : "");
	return MB_OK;
}

static int post_entry(struct store *st, const struct ledger_entry *e, enum ledger_kind kind,
		      int sign, int64_t *id)
{
	struct ledger_row r;

	if (entry_row(e, kind, &r) != MB_OK)
		return MB_ERROR;
	r.amount *= sign;
	if (post_one(st, &r, VIA_PUBLIC) != MB_OK)
		return MB_ERROR;
	if (id)
		*id = r.id;
	return MB_OK;
}

int ledger_ins_payment(struct store *st, const struct ledger_entry *e, int64_t *id)
{
	return post_entry(st, e, LEDGER_INS_PAYMENT, -1, id);
}

int ledger_pat_payment(struct store *st, const struct ledger_entry *e, int64_t *id)
{
	return post_entry(st, e, LEDGER_PAT_PAYMENT, -1, id);
}

int ledger_refund(struct store *st, const struct ledger_entry *e, int64_t *id)
{
	return post_entry(st, e, LEDGER_REFUND, 1, id);
}

int ledger_adjust(struct store *st, const struct ledger_entry *e, const char *group,
		  const char *reason, int64_t *id)
{
	struct ledger_row r;

	if (entry_row(e, LEDGER_ADJUSTMENT, &r) != MB_OK)
		return MB_ERROR;
	if (group && strlen(group) >= sizeof(r.group))
		return error("'group': '%s' is not a group code (CO, CR, OA, PI or PR)", group);
	if (reason && strlen(reason) >= sizeof(r.reason))
		return error("'reason': '%s' is not a reason code (1 to 5 letters or digits)", reason);
	SCPY(r.group, group ? group : "");
	SCPY(r.reason, reason ? reason : "");
	r.amount = -r.amount;
	if (post_one(st, &r, VIA_PUBLIC) != MB_OK)
		return MB_ERROR;
	if (id)
		*id = r.id;
	return MB_OK;
}

int ledger_writeoff(struct store *st, const struct ledger_entry *e, const char *reason, int64_t *id)
{
	struct ledger_entry w = *e;

	if (str_empty(reason))
		return error("'reason': a write-off says why");
	w.note = reason;
	return post_entry(st, &w, LEDGER_WRITEOFF, -1, id);
}

int ledger_transfer(struct store *st, const struct ledger_entry *e, int64_t to_party, int64_t *xfer)
{
	struct store_coverage_info from, to;
	struct ledger_row out, in;
	int64_t first;
	char pbuf[40];

	if (entry_row(e, LEDGER_TRANSFER, &out) != MB_OK)
		return MB_ERROR;
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (!e->party) {
		error("'party': responsibility moves from insurance to the patient, not back");
		goto fail;
	}
	if (to_party == e->party) {
		error("'to': the responsibility is already with %s", party_text(to_party, pbuf));
		goto fail;
	}
	if (store_coverage_info(st, e->party, &from) != MB_OK)
		goto fail;
	if (to_party) {
		if (store_coverage_info(st, to_party, &to) != MB_OK)
			goto fail;
		if (to.patient != from.patient) {
			error("'to': coverage %lld is not a coverage of the same patient", (long long)to_party);
			goto fail;
		}
		if (to.seq <= from.seq) {
			error("'to': coverage %lld (order %d) does not come after coverage %lld (order %d)",
			      (long long)to_party, to.seq, (long long)e->party, from.seq);
			goto fail;
		}
	}
	if (store_ledger_next_id(st, &first) != MB_OK)
		goto fail;
	out.id = first;
	out.xfer = first;
	out.amount = -e->amount;
	if (post_row(st, &out, VIA_TRANSFER) != MB_OK)
		goto fail;
	in = out;
	in.id = first + 1;
	in.coverage = to_party;
	in.amount = e->amount;
	in.claim = 0;
	if (store_claim_for_charge(st, in.charge, to_party, &in.claim) == MB_ERROR)
		goto fail;
	if (!in.claim)
		in.claim = out.claim;
	if (post_row(st, &in, VIA_TRANSFER) != MB_OK)
		goto fail;
	if (store_commit(st) != MB_OK)
		return MB_ERROR;
	if (xfer)
		*xfer = first;
	return MB_OK;
fail:
	store_rollback(st);
	return MB_ERROR;
}

/* The reversal of t, with why as its note. */
static void reversal_of(const struct ledger_row *t, const char *why, struct ledger_row *r)
{
	memset(r, 0, sizeof(*r));
	r->kind = LEDGER_REVERSAL;
	r->charge = t->charge;
	r->claim = t->claim;
	r->coverage = t->coverage;
	r->amount = -t->amount;
	SCPY(r->group, t->group);
	SCPY(r->reason, t->reason);
	r->reverses = t->id;
	SCPY(r->note, why);
}

int ledger_reverse(struct store *st, int64_t row, const char *why, int64_t *id)
{
	struct ledger_row t, legs[2], r[2];
	int n = 0, i, nlegs;
	int64_t first = 0;

	if (str_empty(why))
		return error("'why': a reversal says why");
	if (strlen(why) >= sizeof(t.note))
		return error("'why': longer than %zu characters", sizeof(t.note) - 1);
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_ledger_get(st, row, &t) != MB_OK)
		goto fail;
	if (t.kind == LEDGER_TRANSFER) {
		if (store_ledger_xfer_rows(st, t.xfer, legs, 2, &nlegs) != MB_OK)
			goto fail;
		if (nlegs != 2) {
			error("'row': transfer %lld has %d rows, not 2: run 'medbill check'",
			      (long long)t.xfer, nlegs);
			goto fail;
		}
		/* The leg that raises a balance goes first. */
		if (legs[0].amount > 0) {
			reversal_of(&legs[1], why, &r[0]);
			reversal_of(&legs[0], why, &r[1]);
		} else {
			reversal_of(&legs[0], why, &r[0]);
			reversal_of(&legs[1], why, &r[1]);
		}
		n = 2;
	} else {
		reversal_of(&t, why, &r[0]);
		n = 1;
	}
	if (n == 2 && store_ledger_next_id(st, &first) != MB_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		if (n == 2) {
			r[i].id = first + i;
			r[i].xfer = first;
		}
		if (post_row(st, &r[i], VIA_REVERSE) != MB_OK)
			goto fail;
	}
	if (store_commit(st) != MB_OK)
		return MB_ERROR;
	if (id)
		*id = r[0].id;
	return MB_OK;
fail:
	store_rollback(st);
	return MB_ERROR;
}

int ledger_get(struct store *st, int64_t id, struct ledger_row *out)
{
	return store_ledger_get(st, id, out);
}

int ledger_foreach(struct store *st, const struct ledger_filter *f, ledger_row_fn fn, void *ud)
{
	return store_ledger_foreach(st, f, fn, ud);
}

int ledger_balance(struct store *st, int64_t charge, int64_t party, cents_t *out)
{
	return store_balance_get(st, charge, party, out, NULL);
}

int ledger_charge_balances(struct store *st, int64_t charge, struct ledger_balance **out, size_t *n)
{
	return store_charge_balances(st, charge, out, n);
}

int ledger_claim_balance(struct store *st, int64_t claim, struct ledger_totals *out)
{
	return store_claim_balance(st, claim, out);
}

int ledger_account(struct store *st, int64_t patient, struct account_summary *out)
{
	return store_account(st, patient, out);
}

int ledger_insert_raw(struct store *st, const struct ledger_row *row)
{
	struct ledger_row copy = *row;

	if ((int)row->kind < 0 || (size_t)row->kind >= ARRAY_SIZE(kind_names))
		return error("'kind': %d is not a ledger row kind", (int)row->kind);
	if (!date_valid(row->posted))
		return error("'posted': %d is not a real date", (int)row->posted);
	return store_ledger_insert(st, &copy);
}

int ledger_rebuild_balances(struct store *st)
{
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_ledger_rebuild_balances(st) != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}
