/*
 * claims_fixture.h: a small synthetic practice for the scrubber and batch
 * tests, stored through the domain API (so it passes the domain's
 * validation), and a raw sqlite3 handle to corrupt it the way an old
 * import might. No real people.
 *
 * The shipped code tables are loaded (as 'medbill init' does); no ICD-10-CM.
 * The practice: billing NPI 1234567893 with ZIP+4; submitter SUB123;
 * receiver 1 "Test Clearinghouse" (the default); payer ACME1 (CI, 365
 * days) and payer BLUE1 (BL) whose receiver is receiver 2 "Blue Gateway";
 * patient DOE JANE with primary coverage M100 at ACME1 from 2026-01-01.
 * cfx_claim() posts an encounter on 2026-11-02 (E11.9, I10; 99213 for
 * 120.00 pointing at both) and returns its claim.
 */
#ifndef MEDBILL_CLAIMS_FIXTURE_H
#define MEDBILL_CLAIMS_FIXTURE_H

#include <sqlite3.h>

#include "fixtures.h"
#include "medbill/claim.h"
#include "medbill/codes.h"
#include "medbill/scrub.h"
#include "medbill/batch.h"

struct cfx {
	char path[64];
	struct store *st;
	sqlite3 *db;
	int64_t rendering, payer, payer2, patient, coverage, receiver, receiver2;
};

static inline void cfx_sql(struct cfx *f, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(f->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("fixture sql: %s\n%s", msg ? msg : "?", sql);
}

static inline int64_t cfx_int(struct cfx *f, const char *sql)
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

static inline const char *cfx_text(struct cfx *f, const char *sql, char *buf, size_t n)
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

static inline int64_t cfx_receiver(struct cfx *f, const char *name, const char *id)
{
	struct receiver r;

	memset(&r, 0, sizeof(r));
	SCPY(r.name, name);
	SCPY(r.receiver_id, id);
	SCPY(r.isa_id, id);
	SCPY(r.gs_id, id);
	assert_ok(receiver_add(f->st, &r));
	return r.id;
}

static inline void cfx_open(struct cfx *f)
{
	struct practice p;
	struct settings s;
	struct payer py;

	memset(f, 0, sizeof(*f));
	f->st = test_store_open(f->path);
	if (sqlite3_open(f->path, &f->db) != SQLITE_OK)
		fail_msg("sqlite3_open %s", f->path);
	sqlite3_busy_timeout(f->db, 5000);
	{
		/* The shipped tables, as 'medbill init' loads them (POS, modifiers, taxonomy, ...). */
		char dir[512];

		snprintf(dir, sizeof(dir), "%s/data", getenv("TOP") ? getenv("TOP") : ".");
		assert_ok(codes_load_shipped(f->st, dir));
	}
	fx_practice(&p);
	assert_ok(practice_save(f->st, &p));
	f->receiver = cfx_receiver(f, "Test Clearinghouse", "CLEARHOUSE");
	f->receiver2 = cfx_receiver(f, "Blue Gateway", "BLUEGATE");
	memset(&s, 0, sizeof(s));
	SCPY(s.submitter_name, "Maple Test Family Practice");
	SCPY(s.submitter_id, "SUB123");
	SCPY(s.contact_name, "Billing Office");
	SCPY(s.contact_phone, "2175550100");
	SCPY(s.isa_id, "SUB123");
	SCPY(s.gs_id, "SUB123");
	s.default_receiver = f->receiver;
	assert_ok(settings_save(f->st, &s));
	f->rendering = fx_add_provider(f->st, PROV_RENDERING);
	f->payer = fx_add_payer(f->st, "ACME1", "CI");
	fx_payer(&py, "BLUE1", "BL");
	py.receiver = f->receiver2;
	assert_ok(payer_add(f->st, &py));
	f->payer2 = py.id;
	f->patient = fx_add_patient(f->st, "Doe", "Jane");
	f->coverage = fx_add_coverage(f->st, f->patient, f->payer, 1, "M100");
}

static inline void cfx_close(struct cfx *f)
{
	sqlite3_close(f->db);
	test_store_close(f->st, f->path);
}

/* Post an encounter (the standard one, changed by tweak when given) and return its first claim. */
static inline int64_t cfx_claim_of(struct cfx *f, int64_t patient, void (*tweak)(struct encounter *))
{
	struct encounter e;
	struct claim_posting post;
	int64_t id;

	encounter_init(&e);
	fx_encounter(&e, patient, f->rendering);
	if (tweak)
		tweak(&e);
	assert_ok(encounter_post(f->st, &e, &post));
	assert_true(post.nclaims >= 1);
	id = post.claims[0];
	claim_posting_release(&post);
	encounter_release(&e);
	return id;
}

static inline int64_t cfx_claim(struct cfx *f, void (*tweak)(struct encounter *))
{
	return cfx_claim_of(f, f->patient, tweak);
}

#endif
