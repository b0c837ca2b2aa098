/*
 * ledger_fixture.h: synthetic rows for the claim, ledger, check and aging
 * tests, written with sqlite3 beside the store's own connection (WAL lets
 * both see each other's commits). Not a test program itself.
 *
 * The practice: rendering provider 1; payers 1 "Acme Health" and 2 "Blue
 * Plan"; patients 1 (DOE, JANE, account A1001) with coverages 1 (Acme,
 * primary) and 2 (Blue, secondary) from 2026-01-01, and 2 (ROE, RICHARD,
 * account A1002) with none.
 */
#ifndef MEDBILL_LEDGER_FIXTURE_H
#define MEDBILL_LEDGER_FIXTURE_H

#include <sqlite3.h>
#include "testutil.h"

struct fx {
	char path[64];
	struct store *st;
	sqlite3 *db;
};

static inline void fx_sql(struct fx *f, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(f->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("fixture sql: %s\n%s", msg ? msg : "?", sql);
}

/* One integer from a query (0 when no row). */
static inline int64_t fx_int(struct fx *f, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v = 0;

	if (sqlite3_prepare_v2(f->db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("fixture query: %s\n%s", sqlite3_errmsg(f->db), sql);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* One text value from a query, into buf. */
static inline const char *fx_text(struct fx *f, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *s;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(f->db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("fixture query: %s\n%s", sqlite3_errmsg(f->db), sql);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return buf;
}

#define FX_STAMP "'fixture', '2026-01-01T00:00:00Z'"

static inline void fx_open(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	f->st = test_store_open(f->path);
	if (sqlite3_open(f->path, &f->db) != SQLITE_OK)
		fail_msg("sqlite3_open %s", f->path);
	sqlite3_busy_timeout(f->db, 5000);
	fx_sql(f,
		"INSERT INTO providers (id, kind, last_name, first_name, npi, created_by, created_at)"
		" VALUES (1, 'rendering', 'WELBY', 'MARCUS', '1234567893', " FX_STAMP ");"
		"INSERT INTO payers (id, name, payer_id, filing_code, created_by, created_at) VALUES"
		" (1, 'Acme Health', 'ACME1', 'CI', " FX_STAMP "),"
		" (2, 'Blue Plan', 'BLUE1', 'BL', " FX_STAMP ");"
		"INSERT INTO patients (id, account, last_name, first_name, dob, sex, addr1, city, state,"
		" zip, created_by, created_at, updated_by, updated_at) VALUES"
		" (1, 'A1001', 'DOE', 'JANE', '1980-02-03', 'F', '1 MAIN ST', 'TOWN', 'NY', '10001',"
		"  " FX_STAMP ", " FX_STAMP "),"
		" (2, 'A1002', 'ROE', 'RICHARD', '1975-06-07', 'M', '2 MAIN ST', 'TOWN', 'NY', '10001',"
		"  " FX_STAMP ", " FX_STAMP ");"
		"INSERT INTO coverages (id, patient_id, payer_id, seq, member_id, effective,"
		" created_by, created_at, updated_by, updated_at) VALUES"
		" (1, 1, 1, 1, 'M100', '2026-01-01', " FX_STAMP ", " FX_STAMP "),"
		" (2, 1, 2, 2, 'M200', '2026-01-01', " FX_STAMP ", " FX_STAMP ");");
}

static inline void fx_close(struct fx *f)
{
	sqlite3_close(f->db);
	test_store_close(f->st, f->path);
}

/*
 * An encounter of patient on dos (ISO) with n charge lines of amount
 * cents, the first line amount + 0, the next amount + 100 and so on.
 * Returns its id; its charges are numbered from the next free charge id.
 */
static inline int64_t fx_encounter(struct fx *f, int64_t patient, const char *dos, int n, int64_t amount)
{
	char sql[512];
	int64_t enc;
	int i;

	snprintf(sql, sizeof(sql),
		 "INSERT INTO encounters (patient_id, dos, rendering_id, pos, created_by, created_at)"
		 " VALUES (%lld, '%s', 1, '11', " FX_STAMP ");"
		 "INSERT INTO diagnoses (encounter_id, seq, code) VALUES (last_insert_rowid(), 1, 'J069');",
		 (long long)patient, dos);
	fx_sql(f, sql);
	enc = fx_int(f, "SELECT max(id) FROM encounters");
	for (i = 0; i < n; i++) {
		snprintf(sql, sizeof(sql),
			 "INSERT INTO charges (encounter_id, line_no, code, units, amount, ptr1,"
			 " created_by, created_at) VALUES (%lld, %d, '99213', 1, %lld, 1, " FX_STAMP ")",
			 (long long)enc, i + 1, (long long)(amount + 100 * i));
		fx_sql(f, sql);
	}
	return enc;
}

/* The first charge id of an encounter. */
static inline int64_t fx_charge(struct fx *f, int64_t enc, int line)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "SELECT id FROM charges WHERE encounter_id = %lld AND line_no = %d",
		 (long long)enc, line);
	return fx_int(f, sql);
}

#endif
