/*
 * fees.c: the fee schedule (part of practice.h) and its CSV import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/practice.h"
#include "medbill/store_entities.h"
#include "medbill/util.h"
#include "medbill/validate.h"

int fee_validate(const struct fee *f)
{
	if (validate_procedure(f->code, "code") != MB_OK)
		return MB_ERROR;
	if (f->fee <= 0)
		return error("'fee': %s for '%s' is not greater than 0",
			     money_fmt(f->fee, (char[MONEY_BUF]){ 0 }), f->code);
	return validate_text(f->description, "description", false);
}

int fee_set(struct store *st, struct fee *f, int *changed)
{
	int dummy;

	normalize_code(f->code);
	strtrim(f->description);
	if (fee_validate(f) != MB_OK)
		return MB_ERROR;
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_fee_upsert(st, f, changed ? changed : &dummy) != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}

int fee_get(struct store *st, const char *code, struct fee *out)
{
	return store_fee_get(st, code, out);
}

int fee_foreach(struct store *st, fee_fn fn, void *arg)
{
	return store_fee_foreach(st, fn, arg);
}

static int fee_expected_check(struct store *st, const struct fee_expected *f)
{
	struct fee fee;
	struct payer p;
	int rc;

	if (f->expected < 0)
		return error("'expected': %s for '%s' is negative",
			     money_fmt(f->expected, (char[MONEY_BUF]){ 0 }), f->code);
	rc = store_fee_get(st, f->code, &fee);
	if (rc == MB_NOTFOUND)
		return error("'code': '%s' has no fee in the schedule", f->code);
	if (rc != MB_OK)
		return MB_ERROR;
	rc = store_payer_get(st, f->payer, &p);
	if (rc == MB_NOTFOUND)
		return error("'payer': no payer %lld", (long long)f->payer);
	return rc;
}

int fee_expected_set(struct store *st, const struct fee_expected *f, int *changed)
{
	int dummy;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (fee_expected_check(st, f) != MB_OK ||
	    store_fee_expected_upsert(st, f, changed ? changed : &dummy) != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}

int fee_expected_get(struct store *st, const char *code, int64_t payer, struct fee_expected *out)
{
	return store_fee_expected_get(st, code, payer, out);
}

int fee_expected_foreach(struct store *st, fee_expected_fn fn, void *arg)
{
	return store_fee_expected_foreach(st, fn, arg);
}
