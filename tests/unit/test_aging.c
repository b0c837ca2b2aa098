/* test_aging.c: bucket edges, reports by payer and by patient, drill-down, percentages. */
#include "ledger_fixture.h"
#include "medbill/aging.h"
#include "medbill/claim.h"
#include "medbill/ledger.h"
#include "medbill/check.h"

static void test_buckets(void **state)
{
	static const struct { int32_t days; int bucket; } cases[] = {
		{ -1, -1 }, { 0, 0 }, { 30, 0 }, { 31, 1 }, { 60, 1 }, { 61, 2 }, { 90, 2 },
		{ 91, 3 }, { 120, 3 }, { 121, 4 }, { 5000, 4 },
	};
	enum aging_by by;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(aging_bucket_of(cases[i].days), cases[i].bucket);
	assert_string_equal(aging_bucket_label(0), "0-30");
	assert_string_equal(aging_bucket_label(4), "120+");
	assert_string_equal(aging_bucket_label(5), "?");
	assert_int_equal(aging_by_parse("patient", &by), MB_OK);
	assert_int_equal(by, AGING_BY_PATIENT);
	assert_int_equal(aging_by_parse("payer", &by), MB_OK);
	assert_int_equal(by, AGING_BY_PAYER);
	assert_int_equal(aging_by_parse("provider", &by), MB_ERROR);
	assert_string_equal(error_last(), "'by': 'provider' is not 'payer' or 'patient'");
}

static void test_permille(void **state)
{
	assert_int_equal(aging_permille(1, 3), 333);
	assert_int_equal(aging_permille(2, 3), 667);
	assert_int_equal(aging_permille(1, 2000), 1);	/* 0.05% rounds up */
	assert_int_equal(aging_permille(1, 2001), 0);
	assert_int_equal(aging_permille(-1, 3), -333);
	assert_int_equal(aging_permille(-2, 3), -667);
	assert_int_equal(aging_permille(5, 0), 0);
	assert_int_equal(aging_permille(155000, 155000), 1000);
	assert_int_equal(aging_permille(INT64_C(900000000000), INT64_C(1000000000000)), 900);
}

/*
 * Acme (coverage 1) claims of patient 1 aged 0, 30, 31, 120 and 121 days on
 * 2026-11-26 for 100, 200, 300, 400 and 500.00; 100.00 of the 31-day one
 * moved to Blue (coverage 2), 20.00 of the 120-day one to the patient;
 * patient 2's own 50.00 aged 86 days.
 */
static void scene(struct fx *f)
{
	static const char *const dos[] = { "2026-11-26", "2026-10-27", "2026-10-26", "2026-07-29", "2026-07-28" };
	struct ledger_entry e = { 0 };
	int i;

	fx_open(f);
	for (i = 0; i < 5; i++)
		assert_int_equal(claim_create(f->st, fx_encounter(f, 1, dos[i], 1, 10000 * (i + 1)), NULL), MB_OK);
	assert_int_equal(claim_create(f->st, fx_encounter(f, 2, "2026-09-01", 1, 5000), NULL), MB_OK);
	e.charge = 3;
	e.party = 1;
	e.amount = 10000;
	assert_int_equal(ledger_transfer(f->st, &e, 2, NULL), MB_OK);
	e.charge = 4;
	e.amount = 2000;
	assert_int_equal(ledger_transfer(f->st, &e, 0, NULL), MB_OK);
	/* A claim of a date of service after the as-of dates used below but one. */
	assert_int_equal(claim_create(f->st, fx_encounter(f, 1, "2026-11-27", 1, 99900), NULL), MB_OK);
}

static void assert_row(const struct aging_row *r, int64_t id, const char *name,
		       cents_t b0, cents_t b1, cents_t b2, cents_t b3, cents_t b4)
{
	assert_int_equal(r->id, id);
	assert_string_equal(r->name, name);
	assert_int_equal(r->bucket[0], b0);
	assert_int_equal(r->bucket[1], b1);
	assert_int_equal(r->bucket[2], b2);
	assert_int_equal(r->bucket[3], b3);
	assert_int_equal(r->bucket[4], b4);
	assert_int_equal(r->total, b0 + b1 + b2 + b3 + b4);
}

static void test_by_payer(void **state)
{
	struct fx f;
	struct aging_report r;

	scene(&f);
	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 20261126, &r), MB_OK);
	assert_int_equal(r.as_of, 20261126);
	assert_int_equal(r.nrows, 3);
	assert_row(&r.rows[0], 1, "Acme Health", 30000, 20000, 0, 38000, 50000);
	assert_row(&r.rows[1], 2, "Blue Plan", 0, 10000, 0, 0, 0);
	assert_row(&r.rows[2], 0, "Patient responsibility", 0, 0, 5000, 2000, 0);
	assert_row(&r.totals, 0, "Total", 30000, 30000, 5000, 40000, 50000);
	aging_report_release(&r);

	/* A month earlier: the two newest claims are not yet, the rest are younger. */
	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 20261026, &r), MB_OK);
	assert_int_equal(r.nrows, 3);
	assert_row(&r.rows[0], 1, "Acme Health", 20000, 0, 38000 + 50000, 0, 0);	/* aged 89 and 90 */
	assert_row(&r.rows[1], 2, "Blue Plan", 10000, 0, 0, 0, 0);
	assert_row(&r.rows[2], 0, "Patient responsibility", 0, 5000, 2000, 0, 0);
	aging_report_release(&r);

	/* Today is the default; a day later takes in the claim of 2026-11-27. */
	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 0, &r), MB_OK);
	assert_int_equal(r.as_of, 20261126);
	assert_int_equal(r.totals.total, 155000);
	aging_report_release(&r);
	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 20261127, &r), MB_OK);
	assert_int_equal(r.rows[0].bucket[0], 10000 + 99900);	/* 2026-10-27 is now 31 days old */
	aging_report_release(&r);

	/* Nothing before the first date of service. */
	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 20250101, &r), MB_OK);
	assert_int_equal(r.nrows, 0);
	assert_int_equal(r.totals.total, 0);
	aging_report_release(&r);

	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 20261131, &r), MB_ERROR);
	assert_string_equal(error_last(), "'as-of': 20261131 is not a real date");
	assert_int_equal(aging_run(f.st, (enum aging_by)7, 0, &r), MB_ERROR);
	fx_close(&f);
}

static void test_payments_age_out(void **state)
{
	struct fx f;
	struct aging_report r;
	struct ledger_entry e = { 0 };

	scene(&f);
	/* Paid in full, and a credit on the newest claim. */
	e.charge = 5;
	e.party = 1;
	e.amount = 50000;
	assert_int_equal(ledger_ins_payment(f.st, &e, NULL), MB_OK);
	e.charge = 1;
	e.amount = 12500;
	e.credit_reason = "overpayment";
	assert_int_equal(ledger_ins_payment(f.st, &e, NULL), MB_OK);
	assert_int_equal(aging_run(f.st, AGING_BY_PAYER, 20261126, &r), MB_OK);
	assert_row(&r.rows[0], 1, "Acme Health", 30000 - 12500, 20000, 0, 38000, 0);
	aging_report_release(&r);
	fx_close(&f);
}

static void test_by_patient(void **state)
{
	struct fx f;
	struct aging_report r;

	scene(&f);
	assert_int_equal(aging_run(f.st, AGING_BY_PATIENT, 20261126, &r), MB_OK);
	assert_int_equal(r.nrows, 2);
	assert_row(&r.rows[0], 1, "DOE, JANE", 0, 0, 0, 2000, 0);
	assert_string_equal(r.rows[0].account, "A1001");
	assert_row(&r.rows[1], 2, "ROE, RICHARD", 0, 0, 5000, 0, 0);
	assert_row(&r.totals, 0, "Total", 0, 0, 5000, 2000, 0);
	aging_report_release(&r);
	fx_close(&f);
}

struct cell {
	int n;
	struct aging_claim c[8];
};

static int take(const struct aging_claim *c, void *ud)
{
	struct cell *cell = ud;

	if (cell->n < 8)
		cell->c[cell->n] = *c;
	cell->n++;
	return 0;
}

static void test_drill_down(void **state)
{
	struct fx f;
	struct cell c;

	scene(&f);
	memset(&c, 0, sizeof(c));
	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PAYER, 1, 0, 20261126, take, &c), MB_OK);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.c[0].claim, 2);	/* oldest first */
	assert_int_equal(c.c[0].dos, 20261027);
	assert_int_equal(c.c[0].amount, 20000);
	assert_int_equal(c.c[1].claim, 1);
	assert_int_equal(c.c[1].patient, 1);

	memset(&c, 0, sizeof(c));
	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PAYER, 1, -1, 20261126, take, &c), MB_OK);
	assert_int_equal(c.n, 5);
	assert_int_equal(c.c[0].claim, 5);

	memset(&c, 0, sizeof(c));
	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PAYER, 1, 4, 20261126, take, &c), MB_OK);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.c[0].amount, 50000);

	/* Patient responsibility: the transferred part carries its insurance claim. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PAYER, 0, 3, 20261126, take, &c), MB_OK);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.c[0].claim, 4);
	assert_int_equal(c.c[0].amount, 2000);

	memset(&c, 0, sizeof(c));
	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PATIENT, 2, 2, 20261126, take, &c), MB_OK);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.c[0].claim, 6);
	assert_int_equal(c.c[0].amount, 5000);

	memset(&c, 0, sizeof(c));
	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PAYER, 2, 0, 20261126, take, &c), MB_OK);
	assert_int_equal(c.n, 0);

	assert_int_equal(aging_cell_foreach(f.st, AGING_BY_PAYER, 1, 5, 0, take, &c), MB_ERROR);
	assert_string_equal(error_last(), "'bucket': 5 is not an aging bucket (0 to 4)");
	fx_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buckets),
		cmocka_unit_test(test_permille),
		cmocka_unit_test(test_by_payer),
		cmocka_unit_test(test_payments_age_out),
		cmocka_unit_test(test_by_patient),
		cmocka_unit_test(test_drill_down),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
