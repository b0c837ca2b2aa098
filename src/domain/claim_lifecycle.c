/*
 * claim_lifecycle.c: replacement and void claims, hold and release.
 * Status changes go through claim_set_status(), which records who and when.
 */
#include <stdio.h>
#include <string.h>

#include "medbill/batch.h"
#include "medbill/claim.h"
#include "medbill/store.h"
#include "medbill/util.h"
#include "medbill/validate.h"

/* Has the payer (possibly) received this claim, so that it can be replaced or voided? */
static bool sent_to_payer(enum claim_status s)
{
	switch (s) {
	case CLAIM_SUBMITTED:
	case CLAIM_ACCEPTED:
	case CLAIM_PAID:
	case CLAIM_PARTIAL:
	case CLAIM_DENIED:
	case CLAIM_PATIENT:
	case CLAIM_CLOSED:
		return true;
	default:
		return false;
	}
}

/* A new claim of frequency freq (7 or 8) for claim id; the original becomes void. */
static int follow_up(struct store *st, int64_t id, char freq, const char *icn, int64_t *new_id)
{
	const char *what = freq == '7' ? "replace" : "void";
	struct claim orig, nc;
	char note[121], icnbuf[51];
	int ret;

	claim_init(&orig);
	claim_init(&nc);
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if ((ret = claim_get(st, id, &orig)) != MB_OK)
		goto cleanup;
	ret = MB_ERROR;
	if (!orig.coverage) {
		error("claim %lld is the patient's to pay: there is no payer to %s it with",
		      (long long)id, what);
		goto cleanup;
	}
	if (orig.frequency == '8') {
		error("claim %lld is itself a void: it cannot be %s", (long long)id,
		      freq == '7' ? "replaced" : "voided");
		goto cleanup;
	}
	if (!sent_to_payer(orig.status)) {
		error("claim %lld is %s: only a claim the payer has received can be %s%s",
		      (long long)id, claim_status_name(orig.status), freq == '7' ? "replaced" : "voided",
		      orig.status == CLAIM_READY || orig.status == CLAIM_HOLD ||
		      orig.status == CLAIM_REJECTED ? " (correct it and send it as it is)" : "");
		goto cleanup;
	}
	SCPY(icnbuf, icn && *icn ? icn : orig.payer_claim_no);
	normalize_code(icnbuf);
	if (!icnbuf[0]) {
		error("'payer claim number': claim %lld has none on file, and a %s needs it (REF*F8): "
		      "give it with --payer-claim-no", (long long)id,
		      freq == '7' ? "replacement" : "void");
		goto cleanup;
	}
	if (validate_text(icnbuf, "payer claim number", true) != MB_OK)
		goto cleanup;
	if (strlen(icnbuf) > 50) {
		error("'payer claim number': '%s' is longer than 50 characters", icnbuf);
		goto cleanup;
	}
	nc.encounter = orig.encounter;
	nc.coverage = orig.coverage;
	nc.frequency = freq;
	nc.original = orig.id;
	SCPY(nc.payer_claim_no, icnbuf);
	nc.status = CLAIM_READY;
	nc.nlines = orig.nlines;
	nc.lines = xcalloc((size_t)orig.nlines ? (size_t)orig.nlines : 1, sizeof(*nc.lines));
	memcpy(nc.lines, orig.lines, (size_t)orig.nlines * sizeof(*nc.lines));
	snprintf(note, sizeof(note), "%s of claim %lld (%s)", freq == '7' ? "replacement" : "void",
		 (long long)orig.id, orig.pcn);
	if (claim_add(st, &nc, note) != MB_OK)
		goto cleanup;
	snprintf(note, sizeof(note), "%s by claim %lld (%s)", freq == '7' ? "replaced" : "voided",
		 (long long)nc.id, nc.pcn);
	if (claim_set_status(st, orig.id, CLAIM_VOID, note) != MB_OK)
		goto cleanup;
	if (new_id)
		*new_id = nc.id;
	ret = MB_OK;
cleanup:
	claim_release(&orig);
	claim_release(&nc);
	if (ret != MB_OK) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st);
}

int claim_resubmit(struct store *st, int64_t id, const char *payer_claim_no, int64_t *new_id)
{
	return follow_up(st, id, '7', payer_claim_no, new_id);
}

int claim_void(struct store *st, int64_t id, const char *payer_claim_no, int64_t *new_id)
{
	return follow_up(st, id, '8', payer_claim_no, new_id);
}

/* Move claim id from one of the statuses in from[] to 'to', with note. */
static int move(struct store *st, int64_t id, const enum claim_status *from, size_t nfrom,
		enum claim_status to, const char *note, const char *verb)
{
	struct claim c;
	size_t i;
	int ret;

	claim_init(&c);
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if ((ret = claim_get(st, id, &c)) != MB_OK)
		goto cleanup;
	for (i = 0; i < nfrom && c.status != from[i]; i++)
		;
	if (i == nfrom) {
		ret = error("claim %lld is %s: it cannot be %s", (long long)id,
			    claim_status_name(c.status), verb);
		goto cleanup;
	}
	if (note && validate_text(note, "note", false) != MB_OK) {
		ret = MB_ERROR;
		goto cleanup;
	}
	ret = claim_set_status(st, id, to, note);
cleanup:
	claim_release(&c);
	if (ret != MB_OK) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st);
}

int claim_hold(struct store *st, int64_t id, const char *note)
{
	static const enum claim_status from[] = { CLAIM_READY, CLAIM_REJECTED };

	return move(st, id, from, ARRAY_SIZE(from), CLAIM_HOLD, note && *note ? note : "held", "held");
}

int claim_unhold(struct store *st, int64_t id, const char *note)
{
	static const enum claim_status from[] = { CLAIM_HOLD, CLAIM_REJECTED };

	return move(st, id, from, ARRAY_SIZE(from), CLAIM_READY, note && *note ? note : "released",
		    "released");
}
