/*
 * check.h: verify the ledger and claim invariants of a database.
 *
 * Every check is set-based SQL (no query per row), so a run over millions
 * of rows takes seconds. Each breach is reported to a callback as one line
 * of text; nothing is printed here.
 *
 * The invariants:
 *   projection  each (charge line, party) balance equals the sum of its
 *               ledger rows, and carries the charge's patient, date of
 *               service and the party's payer; the per-day aging sums equal
 *               the balances they summarise
 *   reversal    a reversal points at an existing row of the same charge and
 *               party that is not a reversal, negates it, and is the only
 *               reversal of it; only reversals point at rows
 *   transfer    the rows sharing a transfer id are two that sum to zero
 *   claim total a claim's total equals the sum of its lines' charges, and
 *               it has 1..MAX_CLAIM_LINES lines
 *   claim state every claim has its state row (status, batch)
 *   credit      no balance is below zero without a credit reason on one of
 *               its rows
 */
#ifndef MEDBILL_CHECK_H
#define MEDBILL_CHECK_H

#include <stddef.h>
#include <stdint.h>

struct store;

#define CHECK_KINDS(_) \
	_(PROJECTION, "projection") \
	_(REVERSAL, "reversal") \
	_(TRANSFER, "transfer") \
	_(CLAIM_TOTAL, "claim total") \
	_(CLAIM_STATE, "claim state") \
	_(CREDIT, "credit")

#define CHECK_ENUM_(n, s) CHECK_##n,
enum check_kind { CHECK_KINDS(CHECK_ENUM_) CHECK_KIND_COUNT };
#undef CHECK_ENUM_

/* "projection", "reversal", ...; "?" when out of range. */
const char *check_kind_name(enum check_kind k);

/* One breach: its invariant and a line of text naming the rows involved. */
struct check_breach {
	enum check_kind kind;
	char text[200];
};

/* Called once per breach; return 0 to go on, non-zero to stop the run. */
typedef int (*check_fn)(const struct check_breach *b, void *ud);

/*
 * Run every check in one read transaction. *nbreach (may be NULL) gets the
 * number of breaches reported. Returns MB_OK when the checks ran (whether
 * or not they found breaches), MB_ERROR on a database failure.
 */
int check_run(struct store *st, check_fn fn, void *ud, size_t *nbreach);

#endif
