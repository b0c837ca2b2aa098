/* test_patient.c: patients, coverages and patient search. */
#include <sqlite3.h>
#include "fixtures.h"
#include "medbill/store_entities.h"

static void test_patient_add_get(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct patient p, got;

	fx_patient(&p, " Sample ", "Pat");
	SCPY(p.account, "acct-9");
	p.sex = 'm';
	assert_ok(patient_add(st, &p));
	assert_true(p.id > 0);
	assert_ok(patient_get(st, p.id, &got));
	assert_string_equal(got.account, "ACCT-9");
	assert_string_equal(got.last, "Sample");
	assert_int_equal(got.sex, 'M');
	assert_int_equal(got.dob, 19800115);
	assert_string_equal(got.created.by, "tester");
	assert_string_equal(got.updated.at, "2026-11-26T12:00:00Z");
	assert_ok(patient_get_by_account(st, "acct-9", &got));
	assert_int_equal(got.id, p.id);
	assert_int_equal(patient_get_by_account(st, "none", &got), MB_NOTFOUND);
	assert_int_equal(patient_get(st, 999, &got), MB_NOTFOUND);

	/* an empty account is assigned from the id */
	fx_patient(&p, "Other", "Sam");
	assert_ok(patient_add(st, &p));
	assert_string_equal(p.account, "P0000002");
	assert_int_equal(p.id, 2);
	/* a given id and stamps are kept */
	fx_patient(&p, "Restored", "Row");
	p.id = 40;
	SCPY(p.created.by, "import");
	SCPY(p.created.at, "2019-05-06T07:08:09Z");
	SCPY(p.updated.by, "import2");
	SCPY(p.updated.at, "2020-05-06T07:08:09Z");
	assert_ok(patient_add(st, &p));
	assert_ok(patient_get(st, 40, &got));
	assert_string_equal(got.account, "P0000040");
	assert_string_equal(got.created.by, "import");
	assert_string_equal(got.updated.at, "2020-05-06T07:08:09Z");
	test_store_close(st, path);
}

static void test_patient_update(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct patient p, got;
	int64_t a = fx_add_patient(st, "Sample", "Pat");
	int64_t b = fx_add_patient(st, "Sample", "Kid");

	assert_ok(patient_get(st, b, &p));
	p.guarantor = a;
	SCPY(p.phone, "2175550111");
	user_set("clerk2");
	assert_ok(patient_update(st, &p));
	assert_ok(patient_get(st, b, &got));
	assert_int_equal(got.guarantor, a);
	assert_string_equal(got.phone, "2175550111");
	assert_string_equal(got.created.by, "tester");
	assert_string_equal(got.updated.by, "clerk2");

	SCPY(p.account, "P0000001");
	assert_int_equal(patient_update(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'account': 'P0000001' is already used by patient 1");
	assert_ok(patient_get(st, b, &p));
	p.guarantor = 77;
	assert_int_equal(patient_update(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'guarantor': no patient 77");
	p.guarantor = b;
	assert_int_equal(patient_update(st, &p), MB_ERROR);
	assert_non_null(strstr(error_last(), "'guarantor'"));
	p.guarantor = 0;
	p.id = 55;
	SCPY(p.account, "NEW55");
	assert_int_equal(patient_update(st, &p), MB_NOTFOUND);
	test_store_close(st, path);
}

static void test_patient_bad(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct patient p;
	struct practice_counts c;

	fx_patient(&p, "", "Pat");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'last name' is required");
	fx_patient(&p, "Sample", "");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'first name' is required");
	fx_patient(&p, "Sample", "Pat");
	p.dob = 20260230;
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'dob': 20260230 is not a real date");
	p.dob = 20261127;
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'dob': 2026-11-27 is in the future");
	p.dob = 0;
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'dob' is required");
	fx_patient(&p, "Sample", "Pat");
	p.sex = 'X';
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'sex': 'X' is not M, F or U");
	fx_patient(&p, "Sample", "Pat");
	SCPY(p.addr.zip, "6270");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'address ZIP': '6270' is not 5 or 9 digits");
	fx_patient(&p, "Sample", "Pat");
	SCPY(p.addr.state, "ZZ");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'address state': 'ZZ' is not a US state code");
	fx_patient(&p, "Sample", "Pat");
	SCPY(p.phone, "555");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'phone': '555' is not 10 digits");
	fx_patient(&p, "Sample", "Pat");
	SCPY(p.account, "A B");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'account': 'A B' may hold only letters, digits and '-'");
	fx_patient(&p, "Sample", "Pat");
	p.guarantor = 3;
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'guarantor': no patient 3");
	assert_ok(practice_counts(st, &c));
	assert_int_equal(c.patients, 0);

	fx_patient(&p, "Sample", "Pat");
	SCPY(p.account, "A1");
	assert_ok(patient_add(st, &p));
	fx_patient(&p, "Sample", "Twin");
	SCPY(p.account, "a1");
	assert_int_equal(patient_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'account': 'A1' is already used by patient 1");
	test_store_close(st, path);
}

/* ---- search ---- */

struct hits {
	int64_t id[32];
	char last[32][61];
	int n;
};

static int collect(const struct patient *p, void *arg)
{
	struct hits *h = arg;

	h->id[h->n] = p->id;
	SCPY(h->last[h->n], p->last);
	h->n++;
	return MB_OK;
}

static struct hits search(struct store *st, const char *text, int limit)
{
	struct hits h;

	memset(&h, 0, sizeof(h));
	if (patient_search(st, text, limit, collect, &h) != MB_OK)
		fail_msg("patient_search('%s'): %s", text, error_last());
	return h;
}

static void add_named(struct store *st, const char *last, const char *first, mbdate_t dob,
		      const char *account)
{
	struct patient p;

	fx_patient(&p, last, first);
	p.dob = dob;
	SCPY(p.account, account);
	assert_ok(patient_add(st, &p));
}

static void test_search(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct hits h;
	int64_t payer;

	add_named(st, "Smithers", "Wayland", 19700101, "A100");	/* 1 */
	add_named(st, "Smith", "Jordan", 19850312, "A101");		/* 2 */
	add_named(st, "smith", "Alex", 19850312, "A102");		/* 3 */
	add_named(st, "Smyth", "Jo", 19900101, "SMITH");		/* 4 */
	add_named(st, "Jones", "Jordan", 20000229, "A104");		/* 5 */
	payer = fx_add_payer(st, "00430", "MB");
	fx_add_coverage(st, 5, payer, 1, "xyz123");

	h = search(st, "smi", 0);
	assert_int_equal(h.n, 3);
	assert_int_equal(h.id[0], 3);	/* smith, Alex */
	assert_int_equal(h.id[1], 2);	/* Smith, Jordan */
	assert_int_equal(h.id[2], 1);	/* Smithers */
	h = search(st, "SMITH", 0);
	assert_int_equal(h.n, 4);
	assert_int_equal(h.id[0], 4);	/* account SMITH first */
	assert_int_equal(h.id[1], 3);
	assert_int_equal(h.id[3], 1);
	h = search(st, "smith, jo", 0);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.id[0], 2);
	h = search(st, "smith,", 0);
	assert_int_equal(h.n, 3);
	h = search(st, "Smith , A", 0);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.id[0], 3);
	h = search(st, "a101", 0);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.id[0], 2);
	h = search(st, "XYZ123", 0);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.id[0], 5);
	h = search(st, "1985-03-12", 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.id[0], 3);
	assert_int_equal(h.id[1], 2);
	h = search(st, "03/12/1985", 0);
	assert_int_equal(h.n, 2);
	h = search(st, "2/29/2000", 0);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.id[0], 5);
	h = search(st, "smith", 2);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.id[0], 4);
	assert_int_equal(h.id[1], 3);
	h = search(st, "smith", 1);
	assert_int_equal(h.n, 1);
	h = search(st, "smi", 2);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.id[1], 2);
	h = search(st, "nobody", 0);
	assert_int_equal(h.n, 0);
	h = search(st, "02/30/2000", 0);	/* not a date: a name prefix, no match */
	assert_int_equal(h.n, 0);

	assert_int_equal(patient_search(st, "  ", 0, collect, &h), MB_ERROR);
	assert_string_equal(error_last(), "'text' is required: a name, account, member ID or date of birth");
	assert_int_equal(patient_search(st, ", jo", 0, collect, &h), MB_ERROR);
	assert_string_equal(error_last(), "'text': give a last name before the comma");
	test_store_close(st, path);
}

/* The query plan of sql, one detail per line; the caller frees it. */
static char *explain(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
		fail_msg("cannot explain: %s", sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW)
		strbuf_addf(&sb, "%s\n", (const char *)sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	sqlite3_free(q);
	sqlite3_close(db);
	return strbuf_detach(&sb);
}

/* The search statements use indexes only: no scan of a table, and the name
 * searches read the name index in order (no sort). */
static void test_search_plans_use_indexes(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	size_t i;

	for (i = 0; store_patient_search_sql[i]; i++) {
		char *plan = explain(path, store_patient_search_sql[i]);

		if (strstr(plan, "SCAN p") || strstr(plan, "SCAN coverages") ||
		    (i >= 2 && strstr(plan, "TEMP B-TREE")))
			fail_msg("search query %zu does not use an index:\n%s", i, plan);
		free(plan);
	}
	test_store_close(st, path);
}

/* ---- coverages ---- */

static void test_coverage_add_get(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	int64_t pat = fx_add_patient(st, "Sample", "Pat");
	int64_t payer = fx_add_payer(st, "00430", "MB");
	int64_t payer2 = fx_add_payer(st, "BC001", "BL");
	struct coverage c, got, msp, *list;
	int n;

	fx_coverage(&c, pat, payer, 1, " abc123 ");
	c.end = 20261231;
	SCPY(c.group_no, "GRP1");
	assert_ok(coverage_add(st, &c));
	assert_ok(coverage_get(st, c.id, &got));
	assert_string_equal(got.member_id, "ABC123");
	assert_string_equal(got.relationship, "18");
	assert_int_equal(got.effective, 20260101);
	assert_int_equal(got.end, 20261231);
	assert_string_equal(got.created.by, "tester");

	/* a dependent on a parent's plan */
	fx_coverage(&c, pat, payer2, 2, "DEP77");
	SCPY(c.relationship, "19");
	SCPY(c.sub_last, "Sample");
	SCPY(c.sub_first, "Parent");
	c.sub_dob = 19600101;
	c.sub_sex = 'm';
	SCPY(c.sub_addr.line1, "1 Sample St");
	SCPY(c.sub_addr.city, "Springfield");
	SCPY(c.sub_addr.state, "il");
	SCPY(c.sub_addr.zip, "62701");
	assert_ok(coverage_add(st, &c));
	assert_ok(coverage_get(st, c.id, &got));
	assert_int_equal(got.sub_sex, 'M');
	assert_string_equal(got.sub_addr.state, "IL");
	assert_int_equal(got.sub_dob, 19600101);

	assert_string_equal(got.insurance_type, "");

	/* Medicare tertiary: its MSP type is stored, changed and cleared */
	fx_coverage(&msp, pat, payer, 3, "1EG4TE5MK73");
	SCPY(msp.insurance_type, "12");
	assert_ok(coverage_add(st, &msp));
	assert_ok(coverage_get(st, msp.id, &msp));
	assert_string_equal(msp.insurance_type, "12");
	SCPY(msp.insurance_type, "47");
	assert_ok(coverage_update(st, &msp));
	assert_ok(coverage_get(st, msp.id, &msp));
	assert_string_equal(msp.insurance_type, "47");
	msp.insurance_type[0] = '\0';
	assert_ok(coverage_update(st, &msp));
	assert_ok(coverage_get(st, msp.id, &msp));
	assert_string_equal(msp.insurance_type, "");

	assert_ok(coverage_list(st, pat, &list, &n));
	assert_int_equal(n, 3);
	assert_int_equal(list[0].seq, 1);
	assert_int_equal(list[1].seq, 2);
	free(list);
	assert_ok(coverage_list(st, 999, &list, &n));
	assert_int_equal(n, 0);
	assert_null(list);

	got.end = 20270630;
	user_set("clerk2");
	assert_ok(coverage_update(st, &got));
	assert_ok(coverage_get(st, got.id, &c));
	assert_int_equal(c.end, 20270630);
	assert_string_equal(c.updated.by, "clerk2");
	assert_string_equal(c.created.by, "tester");
	test_store_close(st, path);
}

static void test_coverage_bad(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	int64_t pat = fx_add_patient(st, "Sample", "Pat");
	int64_t payer = fx_add_payer(st, "00430", "MB");
	struct coverage c;
	struct practice_counts cnt;

	fx_coverage(&c, pat, payer, 4, "M1X");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'seq': 4 is not 1 (primary), 2 (secondary) or 3 (tertiary)");
	fx_coverage(&c, pat, payer, 1, "");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'member id' is required");
	fx_coverage(&c, pat, payer, 1, "M1X");
	SCPY(c.relationship, "99");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_non_null(strstr(error_last(), "'relationship': '99' is not a relationship code"));
	fx_coverage(&c, pat, payer, 1, "M1X");
	c.effective = 0;
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'effective' is required");
	c.effective = 20261301;
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'effective': 20261301 is not a real date");
	c.effective = 20260601;
	c.end = 20260531;
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'end': 2026-05-31 is before the effective date 2026-06-01");
	fx_coverage(&c, pat, payer, 1, "M1X");
	SCPY(c.relationship, "01");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'subscriber last name' is required");
	SCPY(c.sub_last, "Sample");
	SCPY(c.sub_first, "Spouse");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'subscriber dob' is required");
	c.sub_dob = 19790101;
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'subscriber sex' is required");
	c.sub_sex = 'F';
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'subscriber address line 1' is required");
	fx_coverage(&c, 42, payer, 1, "M1X");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'patient': no patient 42");
	fx_coverage(&c, pat, 42, 1, "M1X");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'payer': no payer 42");
	fx_coverage(&c, pat, payer, 2, "M1X");
	SCPY(c.insurance_type, "99");
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(),
			    "'insurance type': '99' is not an MSP type (12 13 14 15 16 41 42 43 47)");
	assert_ok(practice_counts(st, &cnt));
	assert_int_equal(cnt.coverages, 0);
	test_store_close(st, path);
}

static void test_coverage_dates(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	int64_t pat = fx_add_patient(st, "Sample", "Pat");
	int64_t payer = fx_add_payer(st, "00430", "MB");
	struct coverage c, got;

	fx_coverage(&c, pat, payer, 1, "OLD1");
	c.effective = 20250101;
	c.end = 20251231;
	assert_ok(coverage_add(st, &c));
	fx_coverage(&c, pat, payer, 1, "NEW1");
	c.effective = 20251201;
	assert_int_equal(coverage_add(st, &c), MB_ERROR);
	assert_string_equal(error_last(),
			    "'seq': the patient's primary coverage 1 (from 2025-01-01) overlaps these dates");
	c.effective = 20260101;
	assert_ok(coverage_add(st, &c));
	/* a secondary may overlap a primary */
	fx_coverage(&c, pat, payer, 2, "SEC1");
	assert_ok(coverage_add(st, &c));

	assert_ok(coverage_active_on(st, pat, 1, 20250615, &got));
	assert_string_equal(got.member_id, "OLD1");
	assert_true(coverage_covers(&got, 20251231));
	assert_false(coverage_covers(&got, 20260101));
	assert_ok(coverage_active_on(st, pat, 1, 20261126, &got));
	assert_string_equal(got.member_id, "NEW1");
	assert_int_equal(coverage_active_on(st, pat, 1, 20241231, &got), MB_NOTFOUND);
	assert_string_equal(error_last(), "patient 1 has no primary coverage on 2024-12-31");
	assert_int_equal(coverage_active_on(st, pat, 3, 20261126, &got), MB_NOTFOUND);

	assert_ok(coverage_get(st, 1, &got));
	assert_ok(coverage_check_date(&got, 20250101, "coverage"));
	assert_int_equal(coverage_check_date(&got, 20260102, "coverage"), MB_ERROR);
	assert_string_equal(error_last(),
			    "'coverage': coverage 1 is not active on 2026-01-02 (it runs 2025-01-01 to 2025-12-31)");
	assert_ok(coverage_get(st, 2, &got));
	assert_int_equal(coverage_check_date(&got, 20251231, "coverage"), MB_ERROR);
	assert_string_equal(error_last(),
			    "'coverage': coverage 2 is not active on 2025-12-31 (it starts 2026-01-01)");
	/* moving the old coverage's end into the new one's dates is refused */
	assert_ok(coverage_get(st, 1, &got));
	got.end = 0;
	assert_int_equal(coverage_update(st, &got), MB_ERROR);
	assert_non_null(strstr(error_last(), "overlaps"));
	test_store_close(st, path);
}

static int count_cov(const struct coverage *c, void *arg)
{
	(*(int *)arg)++;
	return c->id == 2 ? MB_NOTFOUND : MB_OK;
}

static void test_foreach_order_and_stop(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	int64_t p1 = fx_add_patient(st, "Zed", "One");
	int64_t p2 = fx_add_patient(st, "Abe", "Two");
	int64_t payer = fx_add_payer(st, "00430", "MB");
	struct hits h = { .n = 0 };
	int n = 0;

	fx_add_coverage(st, p1, payer, 1, "C1");
	fx_add_coverage(st, p2, payer, 1, "C2");
	fx_add_coverage(st, p2, payer, 2, "C3");
	assert_ok(patient_foreach(st, collect, &h));
	assert_int_equal(h.n, 2);
	assert_int_equal(h.id[0], p1);
	assert_int_equal(h.id[1], p2);
	/* a callback's result other than MB_OK stops the walk and is returned */
	assert_int_equal(coverage_foreach(st, count_cov, &n), MB_NOTFOUND);
	assert_int_equal(n, 2);
	test_store_close(st, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patient_add_get),
		cmocka_unit_test(test_patient_update),
		cmocka_unit_test(test_patient_bad),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_plans_use_indexes),
		cmocka_unit_test(test_coverage_add_get),
		cmocka_unit_test(test_coverage_bad),
		cmocka_unit_test(test_coverage_dates),
		cmocka_unit_test(test_foreach_order_and_stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
