/*
 * test_demo.c: the demo practice: its random numbers, determinism, the
 * API and bulk writers giving the same rows, the ledger invariants, claim
 * statuses, aging buckets, valid NPIs, and refusing a database in use.
 */
#include <sqlite3.h>

#include "testutil.h"
#include "medbill/aging.h"
#include "medbill/check.h"
#include "medbill/claim.h"
#include "medbill/codes.h"
#include "medbill/demo.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/strbuf.h"
#include "medbill/validate.h"

/* Make a demo practice in a fresh database; the caller closes it. */
static struct store *demo_db(char path[64], long patients, uint64_t seed, enum demo_mode mode,
			     struct demo_counts *n)
{
	struct store *st = test_store_open(path);
	struct demo_options o;

	demo_options_init(&o);
	o.patients = patients;
	o.seed = seed;
	o.mode = mode;
	if (demo_generate(st, &o, n) != MB_OK)
		fail_msg("demo_generate: %s", error_last());
	return st;
}

/* The schema's objects and their SQL, by name. */
static void dump_schema(sqlite3 *db, struct strbuf *out)
{
	sqlite3_stmt *s;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_master "
					    "ORDER BY name", -1, &s, NULL), SQLITE_OK);
	strbuf_adds(out, "== schema\n");
	while (sqlite3_step(s) == SQLITE_ROW)
		strbuf_addf(out, "%s|%s|%s|%s\n", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
			    sqlite3_column_text(s, 2), sqlite3_column_text(s, 3) ?
			    (const char *)sqlite3_column_text(s, 3) : "NULL");
	sqlite3_finalize(s);
}

/* Every row of every table of the practice, in key order, as text. */
static void dump_db(const char *path, struct strbuf *out)
{
	sqlite3 *db;
	sqlite3_stmt *tables, *rows;
	int i;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
		"ORDER BY name", -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY 1, 2",
					    (const char *)sqlite3_column_text(tables, 0));

		strbuf_addf(out, "== %s\n", (const char *)sqlite3_column_text(tables, 0));
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
		sqlite3_free(sql);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (i = 0; i < sqlite3_column_count(rows); i++) {
				const unsigned char *t = sqlite3_column_text(rows, i);

				strbuf_addf(out, "%s%s", i ? "|" : "", t ? (const char *)t : "NULL");
			}
			strbuf_addch(out, '\n');
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	/* The schema itself: the bulk load drops indexes and builds them again. */
	dump_schema(db, out);
	sqlite3_close(db);
}

/* One number from a query on the database at path. */
static long count_of(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Fail showing the first line where two dumps differ. */
static void assert_same_dump(const struct strbuf *a, const struct strbuf *b)
{
	const char *x = strbuf_str(a), *y = strbuf_str(b), *line = x;
	size_t i;

	for (i = 0; x[i] && x[i] == y[i]; i++)
		if (x[i] == '\n')
			line = x + i + 1;
	if (x[i] || y[i]) {
		const char *ly = y + (line - x);

		fail_msg("dumps differ:\n  %.*s\n  %.*s", (int)strcspn(line, "\n"), line,
			 (int)strcspn(ly, "\n"), ly);
	}
}

static void test_rng_splitmix64(void **state)
{
	struct demo_rng r;
	uint32_t i, v;

	(void)state;
	demo_rng_seed(&r, 0);
	/* The published first outputs of splitmix64 from state 0. */
	assert_true(demo_rng_next(&r) == UINT64_C(0xE220A8397B1DCDAF));
	assert_true(demo_rng_next(&r) == UINT64_C(0x6E789E6AA1B965F4));
	demo_rng_seed(&r, 42);
	for (i = 0; i < 10000; i++) {
		v = demo_rng_below(&r, 7);
		assert_true(v < 7);
	}
	assert_int_equal(demo_rng_below(&r, 0), 0);
}

static void test_api_and_bulk_agree(void **state)
{
	char p1[64], p2[64];
	struct demo_counts n1, n2;
	struct store *a, *b;
	struct strbuf d1 = STRBUF_INIT, d2 = STRBUF_INIT;

	(void)state;
	/* Seed 11 at 300 patients moves money in every kind of ledger row. */
	a = demo_db(p1, 300, 11, DEMO_MODE_API, &n1);
	b = demo_db(p2, 300, 11, DEMO_MODE_BULK, &n2);
	assert_int_equal(n1.patients, 300);
	assert_int_equal(n1.encounters, n2.encounters);
	assert_int_equal(n1.claims, n2.claims);
	assert_int_equal(n1.ledger_rows, n2.ledger_rows);
	assert_true(n1.billed == n2.billed && n1.collected == n2.collected);
	store_close(a);
	store_close(b);
	dump_db(p1, &d1);
	dump_db(p2, &d2);
	assert_same_dump(&d1, &d2);
	assert_int_equal(count_of(p1, "SELECT count(DISTINCT kind) FROM ledger"), 8);
	assert_int_equal(count_of(p1, "SELECT count(*) FROM claims c JOIN coverages v ON v.id = c.coverage_id "
				      "WHERE v.seq = 2") > 0, 1);
	assert_int_equal(count_of(p1, "SELECT count(*) FROM coverages WHERE relationship = '19'") > 0, 1);
	strbuf_release(&d1);
	strbuf_release(&d2);
	test_store_close(NULL, p1);
	test_store_close(NULL, p2);
}

static void test_same_seed_same_rows(void **state)
{
	char p1[64], p2[64], p3[64];
	struct store *a, *b, *c;
	struct strbuf d1 = STRBUF_INIT, d2 = STRBUF_INIT, d3 = STRBUF_INIT;

	(void)state;
	a = demo_db(p1, 120, 99, DEMO_MODE_AUTO, NULL);
	b = demo_db(p2, 120, 99, DEMO_MODE_AUTO, NULL);
	c = demo_db(p3, 120, 100, DEMO_MODE_AUTO, NULL);
	store_close(a);
	store_close(b);
	store_close(c);
	dump_db(p1, &d1);
	dump_db(p2, &d2);
	dump_db(p3, &d3);
	assert_same_dump(&d1, &d2);
	assert_string_not_equal(strbuf_str(&d1), strbuf_str(&d3));
	strbuf_release(&d1);
	strbuf_release(&d2);
	strbuf_release(&d3);
	test_store_close(NULL, p1);
	test_store_close(NULL, p2);
	test_store_close(NULL, p3);
}

static int count_breach(const struct check_breach *b, void *ud)
{
	print_message("breach: %s: %s\n", check_kind_name(b->kind), b->text);
	++*(size_t *)ud;
	return 0;
}

/* The checks pass and every status and bucket shows up, for several seeds. */
static void test_invariants_statuses_buckets(void **state)
{
	static const enum claim_status want[] = {
		CLAIM_READY, CLAIM_HOLD, CLAIM_SUBMITTED, CLAIM_ACCEPTED, CLAIM_REJECTED,
		CLAIM_PAID, CLAIM_PARTIAL, CLAIM_DENIED, CLAIM_PATIENT, CLAIM_CLOSED,
	};
	uint64_t seed;
	size_t i;

	(void)state;
	for (seed = 1; seed <= 6; seed++) {
		char path[64];
		struct demo_counts n;
		struct store *st = demo_db(path, DEMO_DEFAULT_PATIENTS, seed,
					   seed % 2 ? DEMO_MODE_API : DEMO_MODE_BULK, &n);
		struct aging_report r;
		size_t breaches = 0, nb = 0;
		cents_t ins[AGING_BUCKETS] = { 0 }, pat[AGING_BUCKETS] = { 0 };
		int b;

		assert_int_equal(check_run(st, count_breach, &breaches, &nb), MB_OK);
		assert_int_equal(breaches, 0);
		for (i = 0; i < ARRAY_SIZE(want); i++)
			if (!n.status[want[i]])
				fail_msg("seed %llu: no claim is '%s'", (unsigned long long)seed,
					 claim_status_name(want[i]));
		assert_int_equal(aging_run(st, AGING_BY_PAYER, 0, &r), MB_OK);
		for (i = 0; i < r.nrows; i++)
			for (b = 0; b < AGING_BUCKETS; b++)
				(r.rows[i].id ? ins : pat)[b] += r.rows[i].bucket[b];
		for (b = 0; b < AGING_BUCKETS; b++) {
			if (ins[b] <= 0 || pat[b] <= 0)
				fail_msg("seed %llu: bucket %s: insurance %lld, patient %lld",
					 (unsigned long long)seed, aging_bucket_label(b),
					 (long long)ins[b], (long long)pat[b]);
		}
		assert_true(r.totals.total > 0);
		aging_report_release(&r);
		test_store_close(st, path);
	}
}

static int provider_npi_ok(const struct provider *p, void *ud)
{
	assert_int_equal(validate_npi(p->npi, "npi"), MB_OK);
	++*(int *)ud;
	return MB_OK;
}

static int payer_seen(const struct payer *p, void *ud)
{
	char *codes = ud;

	strcat(codes, p->filing_code);
	strcat(codes, " ");
	return MB_OK;
}

struct people {
	int n, dependents, minors_with_guarantor;
};

static int coverage_seen(const struct coverage *c, void *ud)
{
	struct people *pp = ud;

	assert_int_equal(coverage_validate(c), MB_OK);
	if (strcmp(c->relationship, REL_SELF)) {
		pp->dependents++;
		assert_true(c->sub_last[0] && c->sub_dob && c->sub_sex);
	}
	return MB_OK;
}

static int patient_seen(const struct patient *p, void *ud)
{
	struct people *pp = ud;

	assert_int_equal(patient_validate(p), MB_OK);
	pp->n++;
	if (p->guarantor)
		pp->minors_with_guarantor++;
	return MB_OK;
}

static void test_practice_people_valid(void **state)
{
	char path[64], codes[64] = "";
	struct store *st = demo_db(path, 250, 3, DEMO_MODE_AUTO, NULL);
	struct practice pr;
	struct settings s;
	struct people pp = { 0 };
	int nprov = 0;

	(void)state;
	assert_int_equal(practice_get(st, &pr), MB_OK);
	assert_int_equal(practice_validate(&pr), MB_OK);
	assert_int_equal(validate_npi(pr.npi, "npi"), MB_OK);
	assert_int_equal(validate_zip9(pr.addr.zip, "zip"), MB_OK);
	assert_int_equal(settings_get(st, &s), MB_OK);
	assert_true(s.default_receiver != 0);
	assert_int_equal(provider_foreach(st, PROVIDER_ANY, provider_npi_ok, &nprov), MB_OK);
	assert_int_equal(nprov, 5);
	assert_int_equal(payer_foreach(st, payer_seen, codes), MB_OK);
	assert_string_equal(codes, "MB MC BL CI CI ");
	assert_int_equal(patient_foreach(st, patient_seen, &pp), MB_OK);
	assert_int_equal(pp.n, 250);
	assert_true(pp.minors_with_guarantor > 0);
	assert_int_equal(coverage_foreach(st, coverage_seen, &pp), MB_OK);
	assert_true(pp.dependents > 0);
	test_store_close(st, path);
}

struct code_walk {
	struct store *st;
	int n[8];
};

/* Each code the demo uses is in the official code sets, billable on a FY2023 date. */
static int code_in_sets(const char *kind, const char *code, void *ud)
{
	static const char *const kinds[] = { "icd10cm", "procedure", "modifier", "pos", "taxonomy",
					     "carc", "group" };
	static const enum code_system described[] = { CODE_ICD10CM, CODE_HCPCS, CODE_MODIFIER,
						      CODE_POS, CODE_TAXONOMY, CODE_CARC, CODE_GROUP };
	struct code_walk *w = ud;
	struct code_check chk = { 0 };
	mbdate_t dos = 20230615;
	char *desc = NULL;
	size_t k;

	for (k = 0; k < ARRAY_SIZE(kinds) && strcmp(kinds[k], kind); k++)
		;
	assert_true(k < ARRAY_SIZE(kinds));
	w->n[k]++;
	switch (k) {
	case 0:
		assert_int_equal(codes_icd_billable(w->st, code, dos, &chk), MB_OK);
		break;
	case 1:
		assert_int_equal(codes_proc_valid(w->st, code, dos, &chk), MB_OK);
		break;
	case 2:
		assert_int_equal(codes_modifier_valid(w->st, code, dos, &chk), MB_OK);
		break;
	case 3:
		assert_int_equal(codes_pos_valid(w->st, code, &chk), MB_OK);
		break;
	default:
		if (codes_describe(w->st, described[k], code, &desc) != MB_OK)
			fail_msg("%s '%s': %s", kind, code, error_last());
		free(desc);
		return MB_OK;
	}
	if (!chk.ok)
		fail_msg("%s '%s': %s", kind, code, chk.message);
	return MB_OK;
}

static void test_codes_are_real(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct code_import_result r;
	struct code_walk w = { st, { 0 } };
	size_t k;

	(void)state;
	assert_int_equal(codes_load_shipped(st, "data"), MB_OK);
	if (codes_import_icd10cm(st, "data/icd10cm_tabular_2023.xml.gz", NULL, NULL, &r) != MB_OK ||
	    codes_import_hcpcs(st, "data/HCPC2019_CONTR_ANWEB.txt.gz", NULL, NULL, &r) != MB_OK)
		fail_msg("code sets: %s", error_last());
	assert_int_equal(demo_foreach_code(code_in_sets, &w), MB_OK);
	for (k = 0; k < ARRAY_SIZE(w.n); k++)
		if (k < 7)
			assert_true(w.n[k] > 0);
	assert_true(w.n[0] >= 60);
	warnings_clear();
	test_store_close(st, path);
}

static void test_refuses_used_database(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct payer p = { 0 };
	struct demo_options o;
	struct demo_counts n;

	(void)state;
	SCPY(p.name, "ACME HEALTH");
	SCPY(p.payer_id, "ACME1");
	SCPY(p.filing_code, "CI");
	p.timely_days = 90;
	assert_int_equal(payer_add(st, &p), MB_OK);
	demo_options_init(&o);
	o.patients = 5;
	assert_int_equal(demo_generate(st, &o, &n), MB_ERROR);
	assert_non_null(strstr(error_last(), "already holds payers"));
	assert_int_equal(n.patients, 0);
	/* Nothing was written. */
	assert_int_equal(practice_get(st, &(struct practice){ 0 }), MB_NOTFOUND);
	test_store_close(st, path);

	st = demo_db(path, 5, 1, DEMO_MODE_AUTO, NULL);
	assert_int_equal(demo_generate(st, &o, &n), MB_ERROR);
	assert_non_null(strstr(error_last(), "already holds the practice"));
	test_store_close(st, path);
}

static void test_bad_options(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct demo_options o;

	(void)state;
	demo_options_init(&o);
	o.patients = 0;
	assert_int_equal(demo_generate(st, &o, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'patients'"));
	o.patients = DEMO_MAX_PATIENTS + 1;
	assert_int_equal(demo_generate(st, &o, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'patients'"));
	assert_int_equal(practice_get(st, &(struct practice){ 0 }), MB_NOTFOUND);
	test_store_close(st, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rng_splitmix64),
		cmocka_unit_test(test_api_and_bulk_agree),
		cmocka_unit_test(test_same_seed_same_rows),
		cmocka_unit_test(test_invariants_statuses_buckets),
		cmocka_unit_test(test_practice_people_valid),
		cmocka_unit_test(test_codes_are_real),
		cmocka_unit_test(test_refuses_used_database),
		cmocka_unit_test(test_bad_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
