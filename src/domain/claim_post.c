/*
 * claim_post.c: posting an encounter: its charges, claims and ledger rows
 * in one transaction. Apart from claim.c so that programs that never post
 * do not pull in the encounter module.
 */
#include <string.h>

#include "medbill/claim.h"
#include "medbill/encounter.h"
#include "medbill/store.h"
#include "medbill/util.h"

int encounter_post(struct store *st, struct encounter *e, struct claim_posting *out)
{
	int64_t given = e->id;
	int i;

	if (out)
		memset(out, 0, sizeof(*out));
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (encounter_add(st, e) != MB_OK || claim_create(st, e->id, out) != MB_OK)
		goto fail;
	if (store_commit(st) != MB_OK) {
		if (out)
			claim_posting_release(out);
		goto forget;
	}
	return MB_OK;
fail:
	store_rollback(st);
forget:
	/* Nothing was stored: the ids encounter_add() gave are void. */
	e->id = given;
	for (i = 0; !given && i < e->ncharges; i++) {
		e->charges[i].id = 0;
		e->charges[i].encounter = 0;
	}
	return MB_ERROR;
}
