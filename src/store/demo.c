/*
 * demo.c: the store's part of the demo generator: the emptiness check and
 * the index pause of a bulk load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_priv.h"
#include "medbill/store_demo.h"

/* The practice's tables, most telling first. */
static const struct {
	const char *name;
	const char *sql;
} demo_tables[] = {
	{ "the practice", "SELECT EXISTS (SELECT 1 FROM practice)" },
	{ "patients", "SELECT EXISTS (SELECT 1 FROM patients)" },
	{ "payers", "SELECT EXISTS (SELECT 1 FROM payers)" },
	{ "providers", "SELECT EXISTS (SELECT 1 FROM providers)" },
	{ "the fee schedule", "SELECT EXISTS (SELECT 1 FROM fees)" },
	{ "submitter settings", "SELECT EXISTS (SELECT 1 FROM settings)" },
	{ "receivers", "SELECT EXISTS (SELECT 1 FROM receivers)" },
	{ "coverages", "SELECT EXISTS (SELECT 1 FROM coverages)" },
	{ "encounters", "SELECT EXISTS (SELECT 1 FROM encounters)" },
	{ "claims", "SELECT EXISTS (SELECT 1 FROM claims)" },
	{ "ledger rows", "SELECT EXISTS (SELECT 1 FROM ledger)" },
};

int store_demo_empty(struct store *st, bool *empty, const char **what)
{
	size_t i;

	*empty = true;
	*what = NULL;
	for (i = 0; i < ARRAY_SIZE(demo_tables); i++) {
		sqlite3_stmt *s = store_prepare(st, demo_tables[i].sql);
		int rc = store_step(st, s, demo_tables[i].name);

		if (rc < 0)
			return MB_ERROR;
		if (rc > 0 && col_int(s, 0)) {
			sqlite3_reset(s);
			*empty = false;
			*what = demo_tables[i].name;
			return MB_OK;
		}
		sqlite3_reset(s);
	}
	return MB_OK;
}

/*
 * The plain indexes of the tables a bulk load fills. Their SQL is kept in
 * a table of the temp schema, so that nothing outlives the connection.
 */
static const char demo_idx_save[] =
	"CREATE TEMP TABLE IF NOT EXISTS demo_saved_index (name TEXT PRIMARY KEY, sql TEXT NOT NULL);"
	"DELETE FROM demo_saved_index;"
	"INSERT INTO demo_saved_index (name, sql) SELECT name, sql FROM main.sqlite_master "
	"WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' "
	"AND tbl_name IN ('patients', 'coverages', 'encounters', 'diagnoses', 'charges', 'claims', "
	"'claim_lines', 'claim_history', 'ledger', 'balances');";

int store_demo_indexes_drop(struct store *st)
{
	sqlite3_stmt *s;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int rc, ret = MB_ERROR;

	if (store_exec(st, demo_idx_save) != MB_OK)
		return MB_ERROR;
	s = store_prepare(st, "SELECT name FROM temp.demo_saved_index ORDER BY name");
	while ((rc = store_step(st, s, "indexes")) > 0) {
		ALLOC_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(col_text(s, 0));
	}
	if (rc < 0)
		goto cleanup;
	for (i = 0; i < n; i++) {
		/* Index names come from the schema, not from input; quote them anyway. */
		char *sql = sqlite3_mprintf("DROP INDEX main.\"%w\"", names[i]);

		if (!sql)
			die("out of memory");
		rc = store_exec(st, sql);
		sqlite3_free(sql);
		if (rc != MB_OK)
			goto cleanup;
	}
	ret = MB_OK;
cleanup:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

int store_demo_indexes_restore(struct store *st)
{
	sqlite3_stmt *s;
	char **sqls = NULL;
	size_t n = 0, alloc = 0, i;
	int rc, ret = MB_ERROR;

	s = store_prepare(st, "SELECT sql FROM temp.demo_saved_index ORDER BY name");
	while ((rc = store_step(st, s, "indexes")) > 0) {
		ALLOC_GROW(sqls, n + 1, alloc);
		sqls[n++] = xstrdup(col_text(s, 0));
	}
	if (rc < 0)
		goto cleanup;
	for (i = 0; i < n; i++)
		if (store_exec(st, sqls[i]) != MB_OK)
			goto cleanup;
	ret = store_exec(st, "DELETE FROM temp.demo_saved_index");
cleanup:
	for (i = 0; i < n; i++)
		free(sqls[i]);
	free(sqls);
	return ret;
}

int store_demo_journal(struct store *st, bool bulk)
{
	if (st->depth)
		BUG("store_demo_journal inside a transaction");
	return store_exec(st, bulk ? "PRAGMA journal_mode=DELETE" : "PRAGMA journal_mode=WAL");
}
