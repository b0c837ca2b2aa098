/*
 * batch_exchange.c: the claim builder's persisted records (control numbers,
 * batches with their transaction sets and claims, custom edits, findings)
 * walked for the XML export and checked and inserted as they are for the
 * import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/batch.h"
#include "medbill/claim.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "medbill/store_batch.h"
#include "medbill/util.h"

#define CONTROL_MAX 999999999

/* ---- walks ---- */

int batch_counter_each(struct store *st, batch_counter_fn fn, void *arg)
{
	return store_counter_each(st, fn, arg);
}

int batch_set_each(struct store *st, batch_set_fn fn, void *arg)
{
	return store_batch_set_each(st, fn, arg);
}

int batch_claim_each(struct store *st, batch_claim_fn fn, void *arg)
{
	return store_batch_claim_each(st, fn, arg);
}

int scrub_finding_each(struct store *st, scrub_finding_fn fn, void *arg)
{
	return store_finding_each(st, fn, arg);
}

bool scrub_edit_custom(const struct scrub_edit *e)
{
	return e->payer || strcmp(e->kind, "builtin");
}

/* ---- checks ---- */

static int control_range(const char *what, int64_t v, int64_t min)
{
	if (v < min || v > CONTROL_MAX)
		return error("'%s': %lld is not from %lld to %d", what, (long long)v, (long long)min,
			     CONTROL_MAX);
	return MB_OK;
}

static int claim_known(struct store *st, int64_t id)
{
	struct claim c;
	int rc;

	claim_init(&c);
	rc = claim_get(st, id, &c);
	claim_release(&c);
	if (rc == MB_NOTFOUND)
		return error("'claim': no claim %lld earlier in the file", (long long)id);
	return rc;
}

/* The batch a set or claim belongs to; its st02 must be in the batch's range. */
static int batch_of(struct store *st, int64_t id, int64_t st02, struct batch *b)
{
	int rc = store_batch_get(st, id, b);

	if (rc == MB_NOTFOUND)
		return error("'batch': no batch %lld earlier in the file", (long long)id);
	if (rc != MB_OK)
		return MB_ERROR;
	if (st02 < b->st02_first || st02 > b->st02_last)
		return error("'st02': %lld is outside the ST02 numbers %lld to %lld of batch %lld",
			     (long long)st02, (long long)b->st02_first, (long long)b->st02_last,
			     (long long)id);
	return MB_OK;
}

/* ---- inserts ---- */

int batch_counter_import(struct store *st, struct batch_counter *c)
{
	int rc;

	if (!c->submitter[0])
		return error("'submitter' is required");
	if (control_range("isa13", c->isa13, 0) != MB_OK || control_range("gs06", c->gs06, 0) != MB_OK ||
	    control_range("st02", c->st02, 0) != MB_OK)
		return MB_ERROR;
	rc = store_counter_insert(st, c);
	if (rc == MB_NOTFOUND)
		return error("'submitter': '%s' is given twice", c->submitter);
	return rc;
}

int batch_import(struct store *st, struct batch *b)
{
	struct receiver r;
	struct batch other;
	int64_t used;
	int rc;

	if (b->id < 1)
		return error("'id' is required");
	rc = store_batch_get(st, b->id, &other);
	if (rc == MB_OK)
		return error("'id': batch %lld is given twice", (long long)b->id);
	if (rc != MB_NOTFOUND)
		return MB_ERROR;
	if (!b->kind[0])
		SCPY(b->kind, "837P");
	rc = receiver_get(st, b->receiver, &r);
	if (rc == MB_NOTFOUND)
		return error("'receiver': no receiver %lld earlier in the file", (long long)b->receiver);
	if (rc != MB_OK)
		return MB_ERROR;
	if (!b->submitter[0])
		return error("'submitter' is required");
	if (b->usage != 'T' && b->usage != 'P')
		return error("'usage': '%c' is not T or P", b->usage ? b->usage : '?');
	if (control_range("isa13", b->isa13, 1) != MB_OK || control_range("gs06", b->gs06, 1) != MB_OK ||
	    control_range("st02-first", b->st02_first, 1) != MB_OK ||
	    control_range("st02-last", b->st02_last, b->st02_first) != MB_OK)
		return MB_ERROR;
	if (!b->path[0])
		return error("'path' is required");
	if (!b->tmp_path[0])
		return error("'tmp-path' is required");
	if (b->claims < 0 || b->lines < 0 || b->bytes < 0)
		return error("'%s' is negative", b->claims < 0 ? "claims" : b->lines < 0 ? "lines" : "bytes");
	if (store_batch_by_isa13(st, b->submitter, b->isa13, &used) != MB_OK)
		return MB_ERROR;
	if (used)
		return error("'isa13': batch %lld of submitter '%s' used %lld already", (long long)used,
			     b->submitter, (long long)b->isa13);
	return store_batch_insert_raw(st, b);
}

static int set_taken(const struct batch_set *s, void *arg)
{
	const struct batch_set *want = arg;

	return (s->batch == want->batch && s->st02 == want->st02) || !strcmp(s->bht03, want->bht03);
}

int batch_set_import(struct store *st, struct batch_set *s)
{
	struct batch b;
	int rc;

	if (batch_of(st, s->batch, s->st02, &b) != MB_OK)
		return MB_ERROR;
	if (!s->bht03[0])
		return error("'bht03' is required");
	if (s->claims < 0 || s->segments < 0)
		return error("'%s' is negative", s->claims < 0 ? "claims" : "segments");
	if (store_batch_set_insert(st, s->batch, s->st02, s->bht03, s->claims, s->segments) == MB_OK)
		return MB_OK;
	rc = store_batch_set_each(st, set_taken, s);
	if (rc == 1)
		return error("'st02' %lld of batch %lld or 'bht03' '%s' is given twice", (long long)s->st02,
			     (long long)s->batch, s->bht03);
	return MB_ERROR;
}

int batch_claim_import(struct store *st, struct batch_claim *c)
{
	struct batch b;

	if (c->seq < 1)
		return error("'seq': %lld is not 1 or more", (long long)c->seq);
	if (batch_of(st, c->batch, c->st02, &b) != MB_OK || claim_known(st, c->claim) != MB_OK)
		return MB_ERROR;
	if (!c->pcn[0])
		return error("'pcn' is required");
	if (c->frequency != '1' && c->frequency != '7' && c->frequency != '8')
		return error("'frequency': '%c' is not 1, 7 or 8", c->frequency ? c->frequency : '?');
	if (c->lines < 1 || c->lines > MAX_CLAIM_LINES)
		return error("'lines': %lld is not from 1 to %d", (long long)c->lines, MAX_CLAIM_LINES);
	if (store_batch_claim_insert_raw(st, c) != MB_OK)
		return error("'seq': claim %lld of batch %lld is given twice", (long long)c->seq,
			     (long long)c->batch);
	return MB_OK;
}

int batch_counters_restore(struct store *st)
{
	return store_counters_raise(st);
}

int scrub_finding_import(struct store *st, struct scrub_finding *f)
{
	if (f->seq < 1)
		return error("'seq': %d is not 1 or more", f->seq);
	if (f->severity != SCRUB_ERROR && f->severity != SCRUB_WARNING)
		return error("'severity': a finding is an error or a warning");
	if (!f->code[0])
		return error("'code' is required");
	if (f->line < 0 || f->line > MAX_CLAIM_LINES)
		return error("'line': %d is not from 0 to %d", f->line, MAX_CLAIM_LINES);
	if (claim_known(st, f->claim) != MB_OK)
		return MB_ERROR;
	if (store_finding_insert(st, f) != MB_OK)
		return error("'seq': finding %d of claim %lld is given twice", f->seq, (long long)f->claim);
	return MB_OK;
}
