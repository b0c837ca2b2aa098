/*
 * check.c (store): the set-based queries behind 'medbill check'. Each scans
 * an index or a table once (with a sort at most) and yields only breaches.
 */
#include <string.h>

#include "store_priv.h"
#include "medbill/store_ledger.h"

static const char *const check_sql[SCQ_COUNT] = {
	/* Each ledger group against its balance row: one ordered index scan. */
	[SCQ_PROJECTION_SUM] =
		"WITH l AS (SELECT charge_id, coalesce(coverage_id, 0) AS party, sum(amount) AS s"
		"   FROM ledger GROUP BY charge_id, coverage_id)"
		" SELECT l.charge_id, l.party, coalesce(b.amount, 0), l.s, b.charge_id IS NOT NULL"
		" FROM l LEFT JOIN balances b ON b.charge_id = l.charge_id AND b.party = l.party"
		" WHERE b.amount IS NOT l.s"
		" ORDER BY 1, 2",
	/* Balance rows and ledger groups, counted: orphans are sought only when they differ. */
	[SCQ_PROJECTION_COUNTS] =
		"SELECT (SELECT count(*) FROM balances),"
		" (SELECT count(*) FROM (SELECT 1 FROM ledger GROUP BY charge_id, coverage_id))",
	[SCQ_PROJECTION_ORPHAN] =
		"SELECT b.charge_id, b.party, b.amount FROM balances b"
		" WHERE NOT EXISTS (SELECT 1 FROM ledger x WHERE x.charge_id = b.charge_id"
		"   AND x.coverage_id IS nullif(b.party, 0))"
		" ORDER BY 1, 2",
	[SCQ_PROJECTION_META] =
		"SELECT b.charge_id, b.party,"
		" CASE WHEN b.patient_id IS NOT e.patient_id THEN 1 WHEN b.dos IS NOT e.dos THEN 2 ELSE 3 END"
		" FROM balances b JOIN charges ch ON ch.id = b.charge_id"
		" JOIN encounters e ON e.id = ch.encounter_id"
		" LEFT JOIN coverages cv ON cv.id = nullif(b.party, 0)"
		" WHERE b.patient_id IS NOT e.patient_id OR b.dos IS NOT e.dos"
		"   OR b.payer_id IS NOT cv.payer_id OR (b.party <> 0 AND cv.id IS NULL)"
		" ORDER BY 1, 2",
	/* Zero balances add nothing: the covering partial index gives (payer, dos) order. */
	[SCQ_PROJECTION_DAYS] =
		"WITH b AS (SELECT coalesce(payer_id, 0) AS payer, dos, sum(amount) AS s"
		"   FROM balances WHERE amount <> 0 GROUP BY payer_id, dos)"
		" SELECT coalesce(b.payer, d.payer_id), CAST(replace(coalesce(b.dos, d.dos), '-', '') AS INTEGER),"
		" coalesce(d.amount, 0), coalesce(b.s, 0)"
		" FROM b FULL JOIN balance_days d ON d.payer_id = b.payer AND d.dos = b.dos"
		" WHERE coalesce(d.amount, 0) <> coalesce(b.s, 0)"
		" ORDER BY 1, 2",
	[SCQ_REVERSAL_TARGET] =
		"SELECT r.id, r.reverses_id,"
		" CASE WHEN t.id IS NULL THEN 1 WHEN t.kind = 'reversal' THEN 2"
		"   WHEN t.charge_id <> r.charge_id OR t.coverage_id IS NOT r.coverage_id THEN 3 ELSE 4 END"
		" FROM ledger r INDEXED BY ledger_reversal LEFT JOIN ledger t ON t.id = r.reverses_id"
		" WHERE r.reverses_id IS NOT NULL AND (t.id IS NULL OR t.kind = 'reversal'"
		"   OR t.charge_id <> r.charge_id OR t.coverage_id IS NOT r.coverage_id"
		"   OR t.amount <> -r.amount)"
		" ORDER BY 1",
	[SCQ_REVERSAL_TWICE] =
		"SELECT reverses_id, count(*) FROM ledger WHERE reverses_id IS NOT NULL"
		" GROUP BY reverses_id HAVING count(*) > 1 ORDER BY 1",
	[SCQ_ROW_KIND] =
		"SELECT id, CASE WHEN kind = 'reversal' AND reverses_id IS NULL THEN 1"
		"   WHEN kind <> 'reversal' AND reverses_id IS NOT NULL THEN 2 ELSE 3 END"
		" FROM ledger WHERE (kind = 'reversal') <> (reverses_id IS NOT NULL)"
		"   OR (kind = 'transfer' AND xfer_id IS NULL)"
		" ORDER BY 1",
	[SCQ_TRANSFER] =
		"SELECT xfer_id, count(*), sum(amount), min(charge_id) <> max(charge_id) FROM ledger"
		" WHERE xfer_id IS NOT NULL GROUP BY xfer_id"
		" HAVING count(*) <> 2 OR sum(amount) <> 0 OR min(charge_id) <> max(charge_id)"
		" ORDER BY 1",
	[SCQ_CLAIM_TOTAL] =
		"SELECT c.id, c.total, coalesce(sum(ch.amount), 0), count(l.charge_id)"
		" FROM claims c LEFT JOIN claim_lines l ON l.claim_id = c.id"
		" LEFT JOIN charges ch ON ch.id = l.charge_id"
		" GROUP BY c.id"
		" HAVING c.total <> coalesce(sum(ch.amount), 0) OR count(l.charge_id) NOT BETWEEN 1 AND :max"
		" ORDER BY 1",
	[SCQ_CLAIM_STATE] =
		"SELECT c.id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_state s WHERE s.claim_id = c.id)"
		" ORDER BY 1",
	[SCQ_CREDIT] =
		"SELECT b.charge_id, b.party, b.amount FROM balances b WHERE b.amount < 0"
		" AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.charge_id = b.charge_id"
		"   AND l.coverage_id IS nullif(b.party, 0) AND l.credit_reason IS NOT NULL)"
		" ORDER BY 1, 2",
};

int store_check_query(struct store *st, enum store_check_query q, store_check_fn fn, void *ud)
{
	int64_t v[STORE_CHECK_COLS];
	sqlite3_stmt *s;
	int rc, i, n, ret = MB_OK;

	if ((int)q < 0 || q >= SCQ_COUNT)
		BUG("unknown check query");
	s = store_prepare(st, check_sql[q]);
	if (q == SCQ_CLAIM_TOTAL)
		bind_int(s, ":max", MAX_CLAIM_LINES);
	n = sqlite3_column_count(s);
	if (n > STORE_CHECK_COLS)
		BUG("check query has too many columns");
	while ((rc = store_step(st, s, "check")) == 1) {
		memset(v, 0, sizeof(v));
		for (i = 0; i < n; i++)
			v[i] = col_int(s, i);
		if ((ret = fn(v, ud)) != 0) {
			sqlite3_reset(s);
			return ret;
		}
	}
	return rc < 0 ? MB_ERROR : ret;
}

int store_read_begin(struct store *st)
{
	if (st->depth++ > 0)
		return MB_OK;
	st->doomed = false;
	st->tx_file = __FILE__;
	st->tx_line = __LINE__;
	if (store_exec(st, "BEGIN DEFERRED") != MB_OK) {
		st->depth = 0;
		return MB_ERROR;
	}
	return MB_OK;
}

void store_read_end(struct store *st)
{
	if (st->depth <= 0)
		BUG("store_read_end without store_read_begin");
	if (--st->depth == 0)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}
