/*
 * batch.h: 837P batches (one interchange per receiver, one file each) and
 * the claim lifecycle around them: build, list, resubmit, void, hold and
 * release.
 *
 * The build protocol, so that a crash never leaves a claim marked submitted
 * without its file, nor a file whose claims are not marked:
 *   1. clean up what an earlier, interrupted build left (batch_cleanup());
 *   2. one transaction reserves the control numbers (ISA13, GS06, ST02) and
 *      records a 'pending' batch naming its file; it commits, so the numbers
 *      are never used again, whatever happens next;
 *   3. a second transaction scrubs and streams the claims into a temporary
 *      file beside the final one, fsyncs it, renames it into place, fsyncs
 *      the folder, records what the batch carried, marks its claims
 *      submitted and the batch 'sent', and commits.
 * A crash before 3 commits leaves a 'pending' batch: the next build removes
 * its file (temporary or renamed) and marks it 'abandoned'.
 */
#ifndef MEDBILL_BATCH_H
#define MEDBILL_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "model.h"
#include "store.h"

#define BATCH_SET_MAX 5000	/* claims per ST/SE transaction set */
#define BATCH_PATH_MAX 1024

/* A batch's statuses: the one list every layer takes its names from. */
#define BATCH_STATUSES(_) \
	_(PENDING, "pending") \
	_(SENT, "sent") \
	_(ABANDONED, "abandoned") \
	_(ACCEPTED, "accepted") \
	_(PARTIAL, "partial") \
	_(REJECTED, "rejected")

#define BATCH_ENUM_(n, s) BATCH_##n,
enum batch_status { BATCH_STATUSES(BATCH_ENUM_) BATCH_STATUS_COUNT };
#undef BATCH_ENUM_
const char *batch_status_name(enum batch_status s);
int batch_status_parse(const char *s, enum batch_status *out);

/* One batch: a row of the batches table, with its receiver's name. */
struct batch {
	int64_t id;
	char kind[8];			/* "837P" */
	int64_t receiver;
	char receiver_name[61];
	char submitter[20];		/* ISA05:ISA06 */
	char usage;			/* ISA15: 'T' or 'P' */
	int64_t isa13, gs06;
	int64_t st02_first, st02_last;	/* reserved */
	enum batch_status status;
	char path[BATCH_PATH_MAX];
	char tmp_path[BATCH_PATH_MAX];
	int64_t claims, lines;
	cents_t total;
	int64_t bytes;
	char note[121];
	struct stamp created;
	char sent_at[21];
};

struct build_opts {
	const char *outdir;		/* required: where the files go */
	const char *payer;		/* a payer ID (payers.payer_id): only its claims */
	const int64_t *ids;		/* only these claims (all must be ready) */
	size_t nids;
	int set_max;			/* claims per ST; 0: BATCH_SET_MAX */
	bool newlines;			/* a newline after each segment terminator */
};

/* What a build did. paths[] (the files written, in order) is owned: build_result_release(). */
struct build_result {
	size_t nfiles;
	char **paths;
	int64_t *batches;		/* the batch id of each file */
	size_t claims;			/* claims sent */
	size_t lines;
	cents_t total;
	size_t held;			/* ready claims held back by the scrubber's errors */
	size_t cleaned;			/* orphans of earlier builds cleaned up */
};
void build_result_release(struct build_result *r);

/*
 * Build 837P files for every clean ready claim (or o->ids), one file per
 * receiver. Claims that fail the scrubber keep their findings and stay
 * ready. Nothing ready is not an error: r->nfiles is 0. MB_OK, MB_NOTFOUND
 * for an unknown claim or payer, or MB_ERROR: nothing of the failed
 * receiver's batch is kept but its reserved numbers, and r still lists the
 * batches of the receivers before it, which are sent. r is always to be
 * released. st must be a database file and not inside a transaction: the
 * build opens a second, read-only connection to it for reading the claims
 * while st records them (doc/claims.md).
 */
int batch_build(struct store *st, const struct build_opts *o, struct build_result *r);

/*
 * Clean up after interrupted builds: every 'pending' batch loses its file
 * (temporary or final) and becomes 'abandoned'. *cleaned counts them.
 */
int batch_cleanup(struct store *st, size_t *cleaned);

/* One batch by id: MB_OK or MB_NOTFOUND. */
int batch_get(struct store *st, int64_t id, struct batch *out);

/* Every batch, oldest first; fn's non-zero return stops (and is returned). */
typedef int (*batch_fn)(const struct batch *b, void *arg);
int batch_each(struct store *st, batch_fn fn, void *arg);

/*
 * Trace a line item control number (REF*6R '<batch>-<seq>-<LX>': the batch,
 * the claim's place in its file, the line) back to the batch, the claim and
 * the charge line it was sent for. MB_OK or MB_NOTFOUND.
 */
int batch_trace_line(struct store *st, const char *ctl, int64_t *batch, int64_t *claim, int64_t *charge);

/*
 * The claim lifecycle (claim_lifecycle.c). Each is one transaction and
 * records who and when in the claim's history.
 *
 * claim_resubmit: a replacement (frequency 7) of a sent claim, carrying the
 *   same lines and REF*F8 with the payer's claim number (payer_claim_no, or
 *   the one on file); the original becomes void; the new claim is ready.
 * claim_void: a void (frequency 8) of a sent claim, likewise.
 * claim_hold: a ready (or rejected) claim is held back from batching.
 * claim_unhold: a held (or rejected, once corrected) claim goes back to
 *   ready ('claims release').
 * *new_id (may be NULL) receives the new claim's id.
 */
int claim_resubmit(struct store *st, int64_t id, const char *payer_claim_no, int64_t *new_id);
int claim_void(struct store *st, int64_t id, const char *payer_claim_no, int64_t *new_id);
int claim_hold(struct store *st, int64_t id, const char *note);
int claim_unhold(struct store *st, int64_t id, const char *note);

/*
 * ---- the batches in the exchange format (batch_exchange.c) ----
 *
 * What the claim builder persisted, walked for 'export xml' and inserted
 * as it was by 'import xml' (ids, numbers and stamps kept).
 */

/* The last control numbers a submitter (ISA05:ISA06) used. */
struct batch_counter {
	char submitter[20];
	int64_t isa13, gs06, st02;
	struct stamp updated;
};

/* One transaction set (ST/SE) of a batch. */
struct batch_set {
	int64_t batch;
	int64_t st02;
	char bht03[31];
	int64_t claims;
	int64_t segments;		/* SE01 */
};

/* The seq-th claim (1-based, in file order) a batch carried, as it was sent. */
struct batch_claim {
	int64_t batch;
	int64_t seq;
	int64_t st02;
	int64_t claim;
	char pcn[21];			/* CLM01 */
	char frequency;			/* CLM05-3 */
	int64_t lines;
	cents_t total;			/* CLM02 */
};

/* Walks in key order (submitter; batch, st02; batch, seq); fn's non-zero return stops and is returned. */
typedef int (*batch_counter_fn)(const struct batch_counter *c, void *arg);
typedef int (*batch_set_fn)(const struct batch_set *s, void *arg);
typedef int (*batch_claim_fn)(const struct batch_claim *c, void *arg);
int batch_counter_each(struct store *st, batch_counter_fn fn, void *arg);
int batch_set_each(struct store *st, batch_set_fn fn, void *arg);
int batch_claim_each(struct store *st, batch_claim_fn fn, void *arg);

/*
 * Insert a record as it is (for an import; within the caller's
 * transaction). Each validates its values and references and names the
 * field: MB_OK or MB_ERROR. batch_counter_import() refuses a submitter that
 * has numbers already; batch_import() keeps b->id and b->created.
 */
int batch_counter_import(struct store *st, struct batch_counter *c);
int batch_import(struct store *st, struct batch *b);
int batch_set_import(struct store *st, struct batch_set *s);
int batch_claim_import(struct store *st, struct batch_claim *c);

/*
 * Raise every submitter's control numbers to at least the highest its
 * batches used (creating the counter where there is none), so that the
 * next build never reuses a number. Numbers never go down.
 */
int batch_counters_restore(struct store *st);

#endif
