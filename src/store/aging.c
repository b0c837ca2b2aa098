/*
 * aging.c (store): aging sums from the balances projection.
 */
#include <string.h>

#include "store_priv.h"
#include "medbill/store_ledger.h"

#define AGING_SUMS \
	" sum(CASE WHEN dos >= :e0 THEN amount ELSE 0 END) AS b0," \
	" sum(CASE WHEN dos < :e0 AND dos >= :e1 THEN amount ELSE 0 END) AS b1," \
	" sum(CASE WHEN dos < :e1 AND dos >= :e2 THEN amount ELSE 0 END) AS b2," \
	" sum(CASE WHEN dos < :e2 AND dos >= :e3 THEN amount ELSE 0 END) AS b3," \
	" sum(CASE WHEN dos < :e3 THEN amount ELSE 0 END) AS b4"

static void bind_edges(sqlite3_stmt *s, const struct store_aging_edges *e)
{
	bind_date(s, ":asof", e->as_of);
	bind_date(s, ":e0", e->edge[0]);
	bind_date(s, ":e1", e->edge[1]);
	bind_date(s, ":e2", e->edge[2]);
	bind_date(s, ":e3", e->edge[3]);
}

static int emit_rows(struct store *st, sqlite3_stmt *s, int first_bucket, store_aging_fn fn, void *ud)
{
	struct aging_row row;
	int rc, b, ret = MB_OK;

	while ((rc = store_step(st, s, "aging")) == 1) {
		memset(&row, 0, sizeof(row));
		row.id = col_int(s, 0);
		COL_COPY(s, 1, row.name);
		COL_COPY(s, 2, row.account);
		for (b = 0; b < AGING_BUCKETS; b++) {
			row.bucket[b] = col_int(s, first_bucket + b);
			row.total += row.bucket[b];
		}
		if ((ret = fn(&row, ud)) != 0) {
			sqlite3_reset(s);
			return ret;
		}
	}
	return rc < 0 ? MB_ERROR : ret;
}

int store_aging_payers(struct store *st, const struct store_aging_edges *e, store_aging_fn fn, void *ud)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT a.payer_id, CASE WHEN a.payer_id = 0 THEN '' ELSE coalesce(p.name, '') END, '',"
		" a.b0, a.b1, a.b2, a.b3, a.b4"
		" FROM (SELECT payer_id," AGING_SUMS
		"   FROM balance_days WHERE dos <= :asof GROUP BY payer_id) a"
		" LEFT JOIN payers p ON p.id = a.payer_id"
		" WHERE a.b0 <> 0 OR a.b1 <> 0 OR a.b2 <> 0 OR a.b3 <> 0 OR a.b4 <> 0"
		" ORDER BY a.payer_id = 0, p.name, a.payer_id");

	bind_edges(s, e);
	return emit_rows(st, s, 3, fn, ud);
}

int store_aging_patients(struct store *st, const struct store_aging_edges *e, store_aging_fn fn, void *ud)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT a.patient_id, p.last_name || ', ' || p.first_name, p.account,"
		" a.b0, a.b1, a.b2, a.b3, a.b4"
		" FROM (SELECT patient_id," AGING_SUMS
		"   FROM balances WHERE party = 0 AND amount <> 0 AND dos <= :asof"
		"   GROUP BY patient_id) a"
		" JOIN patients p ON p.id = a.patient_id"
		" WHERE a.b0 <> 0 OR a.b1 <> 0 OR a.b2 <> 0 OR a.b3 <> 0 OR a.b4 <> 0"
		" ORDER BY p.last_name, p.first_name, p.id");

	bind_edges(s, e);
	return emit_rows(st, s, 3, fn, ud);
}

int store_aging_cell(struct store *st, enum aging_by by, int64_t id, mbdate_t from, mbdate_t to,
		     aging_claim_fn fn, void *ud)
{
	static const char payer_sql[] =
		"SELECT coalesce(claim_id, 0), min(patient_id), min(dos), sum(amount) FROM balances"
		" WHERE payer_id IS nullif(:id, 0) AND amount <> 0 AND dos BETWEEN :from AND :to"
		" GROUP BY claim_id, CASE WHEN claim_id IS NULL THEN charge_id END"
		" HAVING sum(amount) <> 0 ORDER BY 3, 1";
	static const char patient_sql[] =
		"SELECT coalesce(claim_id, 0), min(patient_id), min(dos), sum(amount) FROM balances"
		" WHERE patient_id = :id AND party = 0 AND amount <> 0 AND dos BETWEEN :from AND :to"
		" GROUP BY claim_id, CASE WHEN claim_id IS NULL THEN charge_id END"
		" HAVING sum(amount) <> 0 ORDER BY 3, 1";
	sqlite3_stmt *s = store_prepare(st, by == AGING_BY_PAYER ? payer_sql : patient_sql);
	struct aging_claim c;
	int rc, ret = MB_OK;

	bind_int(s, ":id", id);
	bind_date(s, ":from", from);
	bind_date(s, ":to", to);
	while ((rc = store_step(st, s, "aging")) == 1) {
		c.claim = col_int(s, 0);
		c.patient = col_int(s, 1);
		c.dos = col_date(s, 2);
		c.amount = col_int(s, 3);
		if ((ret = fn(&c, ud)) != 0) {
			sqlite3_reset(s);
			return ret;
		}
	}
	return rc < 0 ? MB_ERROR : ret;
}
