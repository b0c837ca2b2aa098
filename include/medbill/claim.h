/*
 * claim.h: claims, their lines and status history, and the posting of an
 * encounter (charges -> claim(s) -> ledger charge rows).
 *
 * A claim carries up to MAX_CLAIM_LINES charge lines of one encounter for one
 * responsible party: a coverage, or none (coverage 0, status 'patient': the
 * patient owes it and it is never sent). Its total is the sum of its lines.
 * Every status change is a claim_history row with who, when and a note,
 * written in the same transaction as the change.
 *
 * Patient control numbers (CLM01, at most 20 characters) are made as
 * "<account>-<claim id>", the account cut from the right when the whole
 * would pass 20 characters. The claim id after the last '-' makes them
 * unique; should an imported claim already hold that text, "C<claim id>"
 * with a letter suffix is tried.
 */
#ifndef MEDBILL_CLAIM_H
#define MEDBILL_CLAIM_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "model.h"

struct store;

/* "ready", "hold", ...: the text of the CLAIM_STATUSES X-macro; "?" when out of range. */
const char *claim_status_name(enum claim_status s);
/* The one-line description of a status. */
const char *claim_status_desc(enum claim_status s);
/* Parse a status name (case-insensitive); MB_ERROR naming 'status' otherwise. */
int claim_status_parse(const char *s, enum claim_status *out);

/* Zero a claim. */
void claim_init(struct claim *c);
/* Free what a claim owns (its lines) and zero it. */
void claim_release(struct claim *c);

/*
 * Read a claim with its lines (in LX order) into *out, which the caller
 * releases with claim_release(). MB_NOTFOUND when there is no such claim.
 */
int claim_get(struct store *st, int64_t id, struct claim *out);
int claim_get_by_pcn(struct store *st, const char *pcn, struct claim *out);

/*
 * Change a claim's status and record it in its history with the current
 * user, now and note (may be NULL), in one transaction. A void claim stays
 * void. MB_NOTFOUND when there is no such claim.
 */
int claim_set_status(struct store *st, int64_t id, enum claim_status status, const char *note);

/* Record the payer's claim number (ICN, for REF*F8), or clear it with "" or NULL. */
int claim_set_payer_claim_no(struct store *st, int64_t id, const char *icn);

/*
 * The batch a claim was sent in (0: none). The batches themselves belong to
 * the claim builder; the claim keeps only the number for filtering.
 */
int claim_set_batch(struct store *st, int64_t id, int64_t batch);

/*
 * The status history of a claim, oldest first, as an array the caller
 * frees with free(). *n is its length (0 with *out NULL when empty).
 */
int claim_history(struct store *st, int64_t claim, struct claim_event **out, size_t *n);

/*
 * Every history event of every claim (claim 0) or of one claim, in id
 * order, for the exporter. fn returns 0 to go on; any other value stops and
 * is returned. Returns MB_ERROR on a database failure.
 */
typedef int (*claim_event_fn)(const struct claim_event *ev, void *ud);
int claim_event_foreach(struct store *st, int64_t claim, claim_event_fn fn, void *ud);

/* What claim_foreach() selects; zero (claim_filter_init) selects all. */
struct claim_filter {
	bool any_status;	/* true: every status; false: only 'status' */
	enum claim_status status;
	int64_t payer;		/* 0: any (patient-responsibility claims have none) */
	int64_t provider;	/* rendering provider, 0: any */
	int64_t patient;	/* 0: any */
	mbdate_t from, to;	/* date of service range, inclusive; 0: open */
	int64_t batch;		/* 0: any */
	bool batchless;		/* only claims not in any batch */
	bool with_lines;	/* fill claim.lines (one query, not one per claim) */
};

/* Every claim, any status. */
void claim_filter_init(struct claim_filter *f);

/* A claim as the work lists show it. */
struct claim_row {
	struct claim claim;	/* lines only with filter.with_lines; owned by the iterator */
	int64_t patient;
	char account[21];
	char last[61];
	char first[36];
	mbdate_t dos;
	int64_t rendering;
	int64_t payer;		/* 0: patient responsibility */
	char payer_name[61];
	int seq;		/* the coverage's order, 0 with no coverage */
	int64_t batch;		/* 0: none */
	cents_t balance;	/* open balance of its lines for its party */
};

/*
 * Call fn for each claim matching f (NULL: all), in claim id order. The row
 * is valid only during the call. fn returns 0 to go on; any other value
 * stops and is returned. MB_ERROR on a database failure.
 */
typedef int (*claim_row_fn)(const struct claim_row *row, void *ud);
int claim_foreach(struct store *st, const struct claim_filter *f, claim_row_fn fn, void *ud);

/*
 * Store a new claim. c->lines (nlines charge ids, 1..MAX_CLAIM_LINES, of
 * c->encounter) are written as its lines in order; c->total is set to their
 * sum. An empty pcn is generated; c->status and a history event with note
 * are recorded; frequency defaults to '1'. Creates no ledger rows (a
 * replacement or void claim re-sends lines already charged). On success
 * c->id, c->pcn, c->total and c->created are filled.
 */
int claim_add(struct store *st, struct claim *c, const char *note);

/*
 * Import: store a claim exactly as given (id, pcn, status, total, stamps),
 * with its lines, and no history or ledger rows (its batch, if any, with
 * claim_set_batch()). Validation is the database's (unique pcn, existing
 * encounter and charges).
 */
int claim_insert(struct store *st, const struct claim *c);
/* Import: store a history event exactly as given (id 0: a new id). */
int claim_event_insert(struct store *st, const struct claim_event *ev);

/* What posting an encounter produced. claim_posting_release() frees it. */
struct claim_posting {
	int64_t coverage;	/* the responsible coverage; 0: the patient */
	int64_t payer;		/* its payer; 0: the patient */
	cents_t total;		/* the sum of the charge lines */
	int nclaims;
	int64_t *claims;	/* owned: the claim ids, in line order */
};
void claim_posting_release(struct claim_posting *p);

/*
 * Make the claims of a stored encounter that has none yet: the coverage
 * with the lowest order active on the date of service is responsible
 * (none: the patient, status 'patient'); the charges are split into claims
 * of at most MAX_CLAIM_LINES lines in line order, each with its pcn, total,
 * status 'ready' (or 'patient') and history; each charge line gets a ledger
 * 'charge' row to the responsible party and its balance. One transaction.
 * out may be NULL; else the caller releases it.
 */
int claim_create(struct store *st, int64_t encounter, struct claim_posting *out);

/*
 * Store an encounter with its charges (encounter_add()) and make its claims
 * (claim_create()) in one transaction: all or nothing. On success e->id and
 * its charges' ids are filled. out may be NULL; else the caller releases it.
 */
int encounter_post(struct store *st, struct encounter *e, struct claim_posting *out);

#endif
