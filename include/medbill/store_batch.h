/*
 * store_batch.h: the store side of the scrubber and the batches
 * (src/store/scrub.c, src/store/batch.c). Only the domain calls these.
 *
 * Reading claims for the scrubber and the builder is set-based: a selection
 * of claim ids (a temporary table, per receiver) is read by a few ordered
 * queries, one each for the claims, their lines, their diagnoses and the
 * patients' other coverages, merged in claim order by the reader. No query
 * runs per claim. The selection is per connection: the builder makes it on
 * its reading connection and records on the other (doc/claims.md).
 */
#ifndef MEDBILL_STORE_BATCH_H
#define MEDBILL_STORE_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "batch.h"
#include "scrub.h"
#include "store.h"

/* ---- edits and findings (src/store/scrub.c) ---- */

/* Every edit, built-in first, then by payer and code; *out owned by the caller (free()). */
int store_edits_load(struct store *st, struct scrub_edit **out, size_t *n);
/* Insert an edit; e->id and e->created are filled. */
int store_edit_insert(struct store *st, struct scrub_edit *e);

/* Remove the findings of one claim, of every selected claim, or of the n claims ids[]. */
int store_findings_clear(struct store *st, int64_t claim);
int store_findings_clear_selection(struct store *st);
int store_findings_clear_ids(struct store *st, const int64_t *ids, size_t n);
/* Insert one finding (f->created filled when empty). */
int store_finding_insert(struct store *st, struct scrub_finding *f);
/* The findings of one claim, in order; *out owned by the caller (free()). */
int store_findings_get(struct store *st, int64_t claim, struct scrub_finding **out, size_t *n);

/* Claims with findings and their counts, in claim order; *out owned by the caller (free()). */
int store_findings_counts(struct store *st, struct scrub_count **out, size_t *n);

/* ---- the selection and the claim reader (src/store/batch.c) ---- */

/* Empty the selection (creating it on first use). */
int store_claimsel_reset(struct store *st);
/*
 * Select every ready claim with a coverage, of one payer (payers.payer_id;
 * NULL: all). Claims are grouped by receiver (the payer's, else the
 * settings' default; 0 none) when by_receiver, else all in group 0.
 * *n counts the claims selected.
 */
int store_claimsel_ready(struct store *st, const char *payer, bool by_receiver, size_t *n);
/*
 * Select one claim, whatever its status (*status receives it; it is
 * CLAIM_STATUS_COUNT for a status this binary does not know).
 * MB_NOTFOUND when there is none.
 */
int store_claimsel_add(struct store *st, int64_t claim, bool by_receiver, enum claim_status *status);
/* The groups (receivers) of the selected claims with their claim counts. */
struct sel_receiver {
	int64_t receiver;
	size_t claims;
};
/* In receiver order; *out owned by the caller (free()). */
int store_claimsel_receivers(struct store *st, struct sel_receiver **out, size_t *n);
/*
 * The selected claims of one group that are ready and have findings (those
 * a build scrubs again), in claim order; *out owned by the caller (free()).
 */
int store_claimsel_with_findings(struct store *st, int64_t grp, int64_t **out, size_t *n);

/*
 * Read the selected claims of one group in claim id order. only_ready skips
 * claims that are no longer ready. The reader is owned by the caller:
 * store_claim_reader_close(). Only one reader may be open on a store at a
 * time.
 */
struct claim_reader;
int store_claim_reader_open(struct store *st, int64_t grp, bool only_ready,
			    struct claim_reader **out);
/* Fill *cd (claim_data_init()ed once) with the next claim: 1, 0 at the end, MB_ERROR. */
int store_claim_reader_next(struct claim_reader *r, struct claim_data *cd);
void store_claim_reader_close(struct claim_reader *r);

/*
 * The SQL of the selection and the reader, for the benchmark's floor (the
 * sqlite3 shell runs the very same joins): 0 creates the selection, 1 fills
 * it with the ready claims (:by_receiver, :payer), 2..5 are the reader's
 * queries of claims, lines, diagnoses and other coverages (:grp, and
 * :ready for 2). NULL past the end. Static strings.
 */
const char *store_claim_reader_sql(int i);

/* ---- control numbers and batches (src/store/batch.c) ---- */

/* The last control numbers used by a submitter (zeros when none yet). */
struct control_numbers {
	int64_t isa13, gs06, st02;
};
int store_control_get(struct store *st, const char *submitter, struct control_numbers *out);
/*
 * Reserve the next ISA13 and GS06 and nsets ST02 numbers for a submitter:
 * out receives the first of each. Within the caller's transaction.
 * MB_ERROR when the numbers would pass 999999999.
 */
int store_control_reserve(struct store *st, const char *submitter, int nsets,
			  struct control_numbers *out);

/* Insert a batch (b->id, b->created filled). */
int store_batch_insert(struct store *st, struct batch *b);
/* One batch; MB_NOTFOUND when none. */
int store_batch_get(struct store *st, int64_t id, struct batch *out);
/* Every batch in id order, or only those of one status (status < 0: all). */
int store_batch_each(struct store *st, int status, batch_fn fn, void *arg);
/* Set a batch's status and note. */
int store_batch_set_status(struct store *st, int64_t id, enum batch_status status, const char *note);
/* Delete a pending batch that carried nothing (a reservation left unused). */
int store_batch_delete_unused(struct store *st, int64_t id);

/* Record a transaction set of a batch. */
int store_batch_set_insert(struct store *st, int64_t batch, int64_t st02, const char *bht03,
			   int64_t claims, int64_t segments);
/* Record the seq-th claim (1-based, in file order) carried by a batch. */
int store_batch_claim_insert(struct store *st, int64_t batch, int64_t seq, int64_t st02,
			     const struct claim *c, int lines);
/*
 * Mark the claims a batch carries as its seq-th from..to (in file order)
 * submitted, with the batch and a history row each (note, who, when),
 * set-based. Every one must still be ready: else nothing is marked and the
 * call fails. The builder marks its claims a range at a time while it reads
 * on, so that the claims table is written in id order in small steps.
 */
int store_batch_mark_sent(struct store *st, int64_t batch, int64_t from, int64_t to, const char *note,
			  const struct stamp *at);
/* Close a batch: its counts and status 'sent' (its claims are marked by store_batch_mark_sent()). */
int store_batch_finish(struct store *st, const struct batch *b);

/* The claim and charge of line LX of a batch's seq-th claim; MB_NOTFOUND when none. */
int store_batch_trace(struct store *st, int64_t batch, int64_t seq, int lx, int64_t *claim,
		      int64_t *charge);

/* ---- the exchange format's walks and inserts (src/store/batch_exchange.c) ---- */

int store_counter_each(struct store *st, batch_counter_fn fn, void *arg);
/* Insert a submitter's numbers; MB_NOTFOUND (nothing written) when it has some already. */
int store_counter_insert(struct store *st, struct batch_counter *c);
/* Raise the counters to the highest numbers of the batches (see batch_counters_restore()). */
int store_counters_raise(struct store *st);
/* Insert a batch with its id, counts, stamps and sent_at as they are. */
int store_batch_insert_raw(struct store *st, struct batch *b);
/* The id of the batch of a submitter that used isa13 (0: none). */
int store_batch_by_isa13(struct store *st, const char *submitter, int64_t isa13, int64_t *id);
int store_batch_set_each(struct store *st, batch_set_fn fn, void *arg);
int store_batch_claim_each(struct store *st, batch_claim_fn fn, void *arg);
int store_batch_claim_insert_raw(struct store *st, const struct batch_claim *c);
/* Every stored finding, by claim and seq. */
int store_finding_each(struct store *st, scrub_finding_fn fn, void *arg);

#endif
