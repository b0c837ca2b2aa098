/*
 * ledger.h: the append-only ledger and its open-balance projection.
 *
 * Each ledger row moves money on one charge line for one party: a coverage
 * (its id) or the patient (party 0). amount is the signed effect on that
 * party's balance: a charge and a refund raise it; payments, adjustments and
 * write-offs lower it; a transfer is two rows sharing xfer (minus from one
 * party, plus to the next); a reversal is the negation of the row it
 * reverses. Rows are never updated or deleted: corrections are reversals.
 *
 * Every post appends its row(s) and updates the balances projection (one
 * row per charge line and party, plus per-day sums for aging) in the same
 * transaction, recording user_current() and date_now_stamp().
 *
 * A balance may go below zero only when the row that makes it so, or an
 * earlier row of that charge line and party, carries a credit_reason
 * (an overpayment or a prepayment).
 */
#ifndef MEDBILL_LEDGER_H
#define MEDBILL_LEDGER_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "model.h"

struct store;

#define LEDGER_PATIENT 0	/* the party id of the patient */

/* "charge", "ins_payment", ...: the text the database keeps; "?" when out of range. */
const char *ledger_kind_name(enum ledger_kind k);
/* Parse a kind name; MB_ERROR naming 'kind' otherwise. */
int ledger_kind_parse(const char *s, enum ledger_kind *out);
/* True for CO, CR, OA, PI and PR. */
bool ledger_group_valid(const char *group);

/*
 * Validate and append one row, updating the projection, in one transaction.
 * Rules: the charge exists; a coverage party belongs to the charge's
 * patient; amount is non-zero with the kind's sign (charge > 0, refund > 0,
 * payments, adjustments and write-offs < 0; a patient payment is to party
 * 0, an insurance payment to a coverage); the posted date is real (0:
 * today); a group code is one of CO CR OA PI PR, and an adjustment has a
 * group and a reason; a write-off has a reason (its note); a reversal
 * negates a row of the same charge and party that is neither reversed nor a
 * reversal itself, and says why (its note); a refund does not go past the
 * credit it returns; transfers come in pairs only through
 * ledger_transfer(). On success row->id and row->created are filled.
 */
int ledger_post(struct store *st, struct ledger_row *row);

/*
 * The common posts. amount is given positive (the money paid, adjusted,
 * moved or refunded); the functions store it with the kind's sign.
 */
struct ledger_entry {
	int64_t charge;
	int64_t party;		/* coverage id; LEDGER_PATIENT (0) for the patient */
	int64_t claim;		/* 0: the claim that carries the charge for the party, if any */
	cents_t amount;		/* > 0 */
	mbdate_t posted;	/* 0: today */
	const char *reference;	/* check or EFT number; may be NULL */
	const char *note;	/* may be NULL */
	const char *credit_reason;	/* needed when the balance goes below zero */
};

/* An insurance payment from the party's payer (party must be a coverage). */
int ledger_ins_payment(struct store *st, const struct ledger_entry *e, int64_t *id);
/* A payment by the patient (party must be 0). */
int ledger_pat_payment(struct store *st, const struct ledger_entry *e, int64_t *id);
/* An adjustment with its CAS group (CO CR OA PI PR) and CARC reason code. */
int ledger_adjust(struct store *st, const struct ledger_entry *e, const char *group,
		  const char *reason, int64_t *id);
/*
 * Move responsibility for amount from e->party to to_party: primary to a
 * later coverage of the same patient, or any coverage to the patient (0).
 * Two rows sharing one xfer id (*xfer, may be NULL), in one transaction.
 */
int ledger_transfer(struct store *st, const struct ledger_entry *e, int64_t to_party, int64_t *xfer);
/* Money given back out of a credit balance. */
int ledger_refund(struct store *st, const struct ledger_entry *e, int64_t *id);
/* A write-off; reason (required) says why and is kept as the row's note. */
int ledger_writeoff(struct store *st, const struct ledger_entry *e, const char *reason, int64_t *id);

/*
 * Reverse ledger row 'row': append its negation pointing at it, with why
 * (required) as its note and the current user. Reversing one row of a
 * transfer reverses both (two rows sharing a new xfer id). A row already
 * reversed, or itself a reversal, is refused; so is a reversal that would
 * leave a balance below zero without a credit reason. *id (may be NULL) is
 * the new row (the first, for a transfer).
 */
int ledger_reverse(struct store *st, int64_t row, const char *why, int64_t *id);

/* Read one row. MB_NOTFOUND when there is none. */
int ledger_get(struct store *st, int64_t id, struct ledger_row *out);

/* What ledger_foreach() selects; zeros select everything. */
struct ledger_filter {
	int64_t charge;
	int64_t claim;
	int64_t patient;
};

/*
 * Call fn for each row matching f (NULL: all) in id order; the row is valid
 * during the call only. fn returns 0 to go on; any other value stops and is
 * returned. MB_ERROR on a database failure.
 */
typedef int (*ledger_row_fn)(const struct ledger_row *row, void *ud);
int ledger_foreach(struct store *st, const struct ledger_filter *f, ledger_row_fn fn, void *ud);

/* One (charge line, party) balance from the projection. */
struct ledger_balance {
	int64_t charge;
	int64_t party;		/* coverage id; 0 the patient */
	int64_t payer;		/* 0 for the patient */
	int64_t claim;		/* the claim the last row named; 0 none */
	mbdate_t dos;
	cents_t amount;
};

/* The balance of one charge line for one party (0 when it has none). */
int ledger_balance(struct store *st, int64_t charge, int64_t party, cents_t *out);
/*
 * The balances of one charge line, one row per party it ever had, party
 * order. The caller frees *out; *n is its length.
 */
int ledger_charge_balances(struct store *st, int64_t charge, struct ledger_balance **out, size_t *n);

/* The open balance of a claim's lines: owed by insurance parties and by the patient. */
struct ledger_totals {
	cents_t insurance;
	cents_t patient;
};
int ledger_claim_balance(struct store *st, int64_t claim, struct ledger_totals *out);

/* A patient's account: balances and the last payments (0 dates when none). */
struct account_summary {
	cents_t insurance;	/* owed by the patient's coverages */
	cents_t patient;	/* owed by the patient */
	mbdate_t last_pat_payment;
	cents_t last_pat_amount;	/* positive: the sum of that day's unreversed patient payments */
	mbdate_t last_ins_payment;
	cents_t last_ins_amount;	/* positive: likewise for insurance payments */
};
int ledger_account(struct store *st, int64_t patient, struct account_summary *out);

/*
 * Import: append a row exactly as given (id, kind, amount, stamps),
 * touching no balance. Call ledger_rebuild_balances() once after the rows
 * of an import, in the same transaction.
 */
int ledger_insert_raw(struct store *st, const struct ledger_row *row);
/* Recompute the whole projection from the ledger (set-based). */
int ledger_rebuild_balances(struct store *st);

#endif
