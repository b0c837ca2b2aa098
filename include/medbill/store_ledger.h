/*
 * store_ledger.h: the SQL side of claims, the ledger, its projection, the
 * checks and aging (src/store/claim.c, ledger.c, check.c, aging.c). Only
 * the domain modules claim, ledger, check and aging call these; they
 * validate nothing beyond what the database itself enforces.
 */
#ifndef MEDBILL_STORE_LEDGER_H
#define MEDBILL_STORE_LEDGER_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "claim.h"
#include "ledger.h"
#include "aging.h"

struct store;

/* ---- claims (src/store/claim.c) ---- */

/*
 * Insert a claim row and its lines. c->id 0: the next id; a given id is
 * kept. Empty stamps are filled with the current user and time (and copied
 * back). batch 0 is none.
 */
int store_claim_insert(struct store *st, struct claim *c, int64_t batch);
/* The next free claim id (max + 1); call inside the writing transaction. */
int store_claim_next_id(struct store *st, int64_t *id);
/* 1 when a claim holds pcn, 0 when none, MB_ERROR on failure. */
int store_claim_pcn_taken(struct store *st, const char *pcn);
/* Read a claim by id (pcn NULL) or by pcn (id 0), with its lines. MB_NOTFOUND. */
int store_claim_get(struct store *st, int64_t id, const char *pcn, struct claim *out);
/* Update one column of a claim. MB_NOTFOUND when there is no such claim. */
int store_claim_set_status(struct store *st, int64_t id, const char *status);
int store_claim_set_payer_claim_no(struct store *st, int64_t id, const char *icn);
int store_claim_set_batch(struct store *st, int64_t id, int64_t batch);
/* Insert a history event (id 0: a new id; empty stamps filled and copied back). */
int store_claim_event_insert(struct store *st, struct claim_event *ev);
int store_claim_event_foreach(struct store *st, int64_t claim, claim_event_fn fn, void *ud);
int store_claim_foreach(struct store *st, const struct claim_filter *f, claim_row_fn fn, void *ud);

/* An encounter as claim_create() needs it; charges in line order (owned). */
struct store_enc_charges {
	int64_t patient;
	char account[21];
	mbdate_t dos;
	int nclaims;		/* claims it already has */
	int ncharges;
	int64_t *charge;	/* ids */
	cents_t *amount;
};
int store_encounter_charges(struct store *st, int64_t encounter, struct store_enc_charges *out);
void store_enc_charges_release(struct store_enc_charges *e);
/*
 * The coverage of patient with the lowest order active on dos: MB_OK with
 * *coverage and *payer, MB_NOTFOUND when none.
 */
int store_coverage_on(struct store *st, int64_t patient, mbdate_t dos, int64_t *coverage, int64_t *payer);

/* ---- the ledger (src/store/ledger.c) ---- */

struct store_charge_info {
	int64_t patient;
	int64_t encounter;
	mbdate_t dos;
	cents_t amount;
};
int store_charge_info(struct store *st, int64_t charge, struct store_charge_info *out);

struct store_coverage_info {
	int64_t patient;
	int64_t payer;
	int seq;
};
int store_coverage_info(struct store *st, int64_t coverage, struct store_coverage_info *out);

/* The newest claim carrying charge for party (coverage; 0 the patient): MB_NOTFOUND none. */
int store_claim_for_charge(struct store *st, int64_t charge, int64_t party, int64_t *claim);

/* Append a row (id 0: the next id). Empty stamps are filled and copied back. */
int store_ledger_insert(struct store *st, struct ledger_row *r);
int store_ledger_next_id(struct store *st, int64_t *id);
int store_ledger_get(struct store *st, int64_t id, struct ledger_row *out);
/* The id of the row reversing id in *by (0: not reversed). */
int store_ledger_reversed_by(struct store *st, int64_t id, int64_t *by);
/* The rows sharing xfer, id order, at most max of them; *n how many there are. */
int store_ledger_xfer_rows(struct store *st, int64_t xfer, struct ledger_row *out, int max, int *n);
int store_ledger_foreach(struct store *st, const struct ledger_filter *f, ledger_row_fn fn, void *ud);

/*
 * Add amount to the (charge, party) balance, creating it with the charge's
 * patient and date of service and the party's payer; a non-zero claim
 * becomes the balance's claim. Keeps the per-day sums in step.
 */
int store_balance_apply(struct store *st, int64_t charge, int64_t party, int64_t claim, cents_t amount);
/* The (charge, party) balance (0 when none) and whether a row of it has a credit reason. */
int store_balance_get(struct store *st, int64_t charge, int64_t party, cents_t *amount, bool *credit);
int store_charge_balances(struct store *st, int64_t charge, struct ledger_balance **out, size_t *n);
int store_claim_balance(struct store *st, int64_t claim, struct ledger_totals *out);
int store_account(struct store *st, int64_t patient, struct account_summary *out);
/* Recompute balances and the per-day sums from the ledger. */
int store_ledger_rebuild_balances(struct store *st);

/* ---- checks (src/store/check.c) ---- */

/* The set-based queries behind check_run(); each yields rows of integers. */
enum store_check_query {
	SCQ_PROJECTION_SUM,	/* charge, party, balance, ledger sum, has balance row */
	SCQ_PROJECTION_COUNTS,	/* balance rows, (charge, party) groups of the ledger */
	SCQ_PROJECTION_ORPHAN,	/* charge, party, balance: balance rows without ledger rows */
	SCQ_PROJECTION_META,	/* charge, party, which (1 patient, 2 dos, 3 payer) */
	SCQ_PROJECTION_DAYS,	/* payer, dos (yyyymmdd), per-day sum, balances sum */
	SCQ_REVERSAL_TARGET,	/* row, target, problem (1 missing, 2 a reversal, 3 other charge/party, 4 amount) */
	SCQ_REVERSAL_TWICE,	/* target, number of reversals */
	SCQ_ROW_KIND,		/* row, problem (1 reversal without target, 2 non-reversal
				   with one, 3 transfer without xfer id) */
	SCQ_TRANSFER,		/* xfer, rows, sum, 1 when on more than one charge line */
	SCQ_CLAIM_TOTAL,	/* claim, total, lines sum, lines */
	SCQ_CLAIM_STATE,	/* claim: claims without their state row */
	SCQ_CREDIT,		/* charge, party, balance */
	SCQ_COUNT
};
#define STORE_CHECK_COLS 5
typedef int (*store_check_fn)(const int64_t v[STORE_CHECK_COLS], void *ud);
int store_check_query(struct store *st, enum store_check_query q, store_check_fn fn, void *ud);
/* A read transaction around the checks, so that they see one state. */
int store_read_begin(struct store *st);
void store_read_end(struct store *st);

/* ---- aging (src/store/aging.c) ---- */

/*
 * Bucket edges: bucket 0 holds dates of service in [edge[0], as_of],
 * bucket b in [edge[b], edge[b-1]) and bucket 4 everything before edge[3].
 */
struct store_aging_edges {
	mbdate_t as_of;
	mbdate_t edge[AGING_BUCKETS - 1];
};
typedef int (*store_aging_fn)(const struct aging_row *row, void *ud);
/* By payer from the per-day sums; payer 0 (patient) last, others by name. */
int store_aging_payers(struct store *st, const struct store_aging_edges *e, store_aging_fn fn, void *ud);
/* By patient, patient-responsibility balances; by name. */
int store_aging_patients(struct store *st, const struct store_aging_edges *e, store_aging_fn fn, void *ud);
/* The claims of one cell: dos in [from, to]. */
int store_aging_cell(struct store *st, enum aging_by by, int64_t id, mbdate_t from, mbdate_t to,
		     aging_claim_fn fn, void *ud);

#endif
