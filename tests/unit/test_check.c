/*
 * test_check.c: each invariant, broken on purpose in a scratch database
 * (behind the store's back, dropping the append-only triggers where
 * needed), is caught and reported on a line of its own.
 */
#include "ledger_fixture.h"
#include "medbill/claim.h"
#include "medbill/ledger.h"
#include "medbill/check.h"

struct found {
	int n;
	char text[16][240];
};

static int collect(const struct check_breach *b, void *ud)
{
	struct found *f = ud;

	if (f->n < 16)
		snprintf(f->text[f->n], sizeof(f->text[0]), "%s: %s", check_kind_name(b->kind), b->text);
	f->n++;
	return 0;
}

/* Run the checks; expect exactly want breaches, the first equal to first (when not NULL). */
static void expect(struct fx *fx, int want, const char *first)
{
	struct found f;
	size_t n = 0;
	int i;

	memset(&f, 0, sizeof(f));
	assert_int_equal(check_run(fx->st, collect, &f, &n), MB_OK);
	for (i = 0; i < f.n && i < 16; i++)
		print_message("  %s\n", f.text[i]);
	assert_int_equal(f.n, want);
	assert_int_equal(n, (size_t)want);
	if (first)
		assert_string_equal(f.text[0], first);
}

/*
 * A clean book: patient 1's encounter (lines 1 and 2: 100.00 and 101.00)
 * with a payment, an adjustment, a transfer and a reversal.
 */
static void book(struct fx *f)
{
	struct ledger_entry e = { 0 };
	int64_t pay;

	fx_open(f);
	assert_int_equal(claim_create(f->st, fx_encounter(f, 1, "2026-10-15", 2, 10000), NULL), MB_OK);
	e.charge = 1;
	e.party = 1;
	e.amount = 6000;
	assert_int_equal(ledger_ins_payment(f->st, &e, &pay), MB_OK);	/* row 3 */
	e.amount = 1000;
	assert_int_equal(ledger_adjust(f->st, &e, "CO", "45", NULL), MB_OK);	/* row 4 */
	assert_int_equal(ledger_transfer(f->st, &e, 0, NULL), MB_OK);	/* rows 5, 6 */
	assert_int_equal(ledger_reverse(f->st, pay, "wrong check", NULL), MB_OK);	/* row 7 */
}

static void test_clean(void **state)
{
	struct fx f;

	book(&f);
	expect(&f, 0, NULL);
	fx_close(&f);
}

static void test_projection_sum(void **state)
{
	struct fx f;

	book(&f);
	fx_sql(&f, "UPDATE balances SET amount = amount + 1 WHERE charge_id = 1 AND party = 1");
	fx_sql(&f, "UPDATE balance_days SET amount = amount + 1 WHERE payer_id = 1");
	expect(&f, 1, "projection: charge line 1, coverage 1: balance 80.01 but its ledger rows sum to 80.00");
	fx_close(&f);
}

static void test_projection_missing_and_orphan(void **state)
{
	struct fx f;

	book(&f);
	fx_sql(&f, "DELETE FROM balances WHERE charge_id = 2");
	fx_sql(&f, "UPDATE balance_days SET amount = amount - 10100 WHERE payer_id = 1");
	fx_sql(&f, "INSERT INTO balances (charge_id, party, patient_id, payer_id, dos, amount)"
		   " VALUES (1, 2, 1, 2, '2026-10-15', 0)");
	expect(&f, 2, "projection: charge line 2, coverage 1: no balance row for ledger rows summing to 101.00");
	fx_close(&f);
}

static void test_projection_orphan_only(void **state)
{
	struct fx f;

	book(&f);
	fx_sql(&f, "INSERT INTO balances (charge_id, party, patient_id, payer_id, dos, amount)"
		   " VALUES (2, 2, 1, 2, '2026-10-15', 700);"
		   "UPDATE balance_days SET amount = amount + 700 WHERE payer_id = 1");
	/* The per-day sums took it under the wrong payer, too. */
	expect(&f, 3, "projection: charge line 2, coverage 2: balance 7.00 but it has no ledger rows");
	fx_close(&f);
}

static void test_projection_row_changed_behind_triggers(void **state)
{
	struct fx f;
	struct found got;

	book(&f);
	fx_sql(&f, "DROP TRIGGER ledger_no_update; UPDATE ledger SET amount = -5000 WHERE id = 3");
	memset(&got, 0, sizeof(got));
	assert_int_equal(check_run(f.st, collect, &got, NULL), MB_OK);
	/* The balance no longer matches, and the reversal no longer negates its row. */
	assert_int_equal(got.n, 2);
	assert_string_equal(got.text[0], "projection: charge line 1, coverage 1: balance 80.00 "
			    "but its ledger rows sum to 90.00");
	assert_string_equal(got.text[1], "reversal: ledger row 7 reverses row 3 but does not negate its amount");
	fx_close(&f);
}

static void test_projection_meta_and_days(void **state)
{
	struct fx f;

	book(&f);
	fx_sql(&f, "UPDATE balances SET dos = '2026-10-16' WHERE charge_id = 2");
	expect(&f, 3, "projection: charge line 2, coverage 1: the balance's date of service is not the charge's");
	fx_sql(&f, "UPDATE balances SET dos = '2026-10-15' WHERE charge_id = 2");
	fx_sql(&f, "UPDATE balances SET payer_id = 2 WHERE charge_id = 2");
	/* The wrong payer, and the per-day sums of payers 1 and 2 no longer match. */
	expect(&f, 3, "projection: charge line 2, coverage 1: the balance's payer is not the charge's");
	fx_sql(&f, "UPDATE balances SET payer_id = 1 WHERE charge_id = 2");
	fx_sql(&f, "UPDATE balance_days SET amount = 5 WHERE payer_id = 0");
	expect(&f, 1, "projection: aging sum of patient responsibility on 2026-10-15 is 0.05 "
		      "but its balances sum to 10.00");
	fx_close(&f);
}

static void test_reversals(void **state)
{
	struct fx f;

	book(&f);
	/* A reversal of a reversal (the ledger takes inserts; only the rules refuse it). */
	fx_sql(&f, "INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id, amount, posted,"
		   " reverses_id, note, created_by, created_at) VALUES"
		   " (8, 'reversal', 1, 1, 1, -6000, '2026-11-26', 7, 'x', " FX_STAMP ")");
	fx_sql(&f, "UPDATE balances SET amount = amount - 6000 WHERE charge_id = 1 AND party = 1;"
		   "UPDATE balance_days SET amount = amount - 6000 WHERE payer_id = 1");
	expect(&f, 1, "reversal: ledger row 8 reverses row 7, which is itself a reversal");
	fx_close(&f);
}

static void test_reversal_shapes(void **state)
{
	struct fx f;
	struct found got;

	book(&f);
	fx_sql(&f, "PRAGMA foreign_keys = OFF;"
		   "INSERT INTO ledger (id, kind, charge_id, coverage_id, amount, posted, reverses_id,"
		   " created_by, created_at) VALUES"
		   " (20, 'reversal', 2, 1, 100, '2026-11-26', 99, " FX_STAMP "),"
		   " (21, 'reversal', 2, 1, -100, '2026-11-26', NULL, " FX_STAMP "),"
		   " (22, 'writeoff', 2, 1, -100, '2026-11-26', 5, " FX_STAMP "),"
		   " (23, 'reversal', 2, NULL, -1000, '2026-11-26', 4, " FX_STAMP ");"
		   "UPDATE balances SET amount = amount - 100 WHERE charge_id = 2 AND party = 1;"
		   "UPDATE balance_days SET amount = amount - 100 WHERE payer_id = 1;");
	memset(&got, 0, sizeof(got));
	assert_int_equal(check_run(f.st, collect, &got, NULL), MB_OK);
	assert_int_equal(got.n, 6);
	/* Row 23 moved the patient's balance on line 2 without a balance row. */
	assert_string_equal(got.text[0], "projection: charge line 2, patient: no balance row for "
			    "ledger rows summing to -10.00");
	assert_string_equal(got.text[1], "reversal: ledger row 20 reverses row 99, which does not exist");
	assert_string_equal(got.text[2], "reversal: ledger row 22 reverses row 5 of another charge line or party");
	assert_string_equal(got.text[3], "reversal: ledger row 23 reverses row 4 of another charge line or party");
	assert_string_equal(got.text[4], "reversal: ledger row 21 is a reversal that names no row");
	assert_string_equal(got.text[5], "reversal: ledger row 22 is not a reversal but names a row it reverses");
	fx_close(&f);
}

static void test_transfers(void **state)
{
	struct fx f;

	book(&f);
	fx_sql(&f, "INSERT INTO ledger (id, kind, charge_id, coverage_id, amount, posted, xfer_id,"
		   " created_by, created_at) VALUES"
		   " (30, 'transfer', 2, 1, -500, '2026-11-26', 30, " FX_STAMP "),"
		   " (31, 'transfer', 2, NULL, 400, '2026-11-26', 30, " FX_STAMP "),"
		   " (32, 'transfer', 2, NULL, 100, '2026-11-26', NULL, " FX_STAMP ");"
		   "UPDATE balances SET amount = amount - 500 WHERE charge_id = 2 AND party = 1;"
		   "UPDATE balance_days SET amount = amount - 500 WHERE payer_id = 1;"
		   "INSERT INTO balances (charge_id, party, patient_id, dos, amount)"
		   " VALUES (2, 0, 1, '2026-10-15', 500);"
		   "UPDATE balance_days SET amount = amount + 500 WHERE payer_id = 0;");
	expect(&f, 2, "transfer: ledger row 32 is a transfer without a transfer id");
	fx_close(&f);
}

static void test_transfer_pair_sum(void **state)
{
	struct fx f;
	struct found got;

	book(&f);
	fx_sql(&f, "DROP TRIGGER ledger_no_update; UPDATE ledger SET amount = 900 WHERE id = 6;"
		   "UPDATE balances SET amount = 900 WHERE charge_id = 1 AND party = 0;"
		   "UPDATE balance_days SET amount = 900 WHERE payer_id = 0;");
	memset(&got, 0, sizeof(got));
	assert_int_equal(check_run(f.st, collect, &got, NULL), MB_OK);
	assert_int_equal(got.n, 1);
	assert_string_equal(got.text[0], "transfer: transfer 5 has 2 rows summing to -1.00 "
			    "(2 rows on one charge line summing to 0.00 expected)");
	fx_close(&f);
}

static void test_claim_totals(void **state)
{
	struct fx f;

	book(&f);
	fx_sql(&f, "UPDATE claims SET total = total + 1");
	expect(&f, 1, "claim total: claim 1: total 201.01 but its 2 lines sum to 201.00");
	fx_sql(&f, "UPDATE claims SET total = 0; DELETE FROM claim_lines");
	expect(&f, 1, "claim total: claim 1 has 0 lines (1 to 50 expected)");
	fx_close(&f);
}

static void test_credit_without_reason(void **state)
{
	struct fx f;

	book(&f);
	/* A write-off past the balance, posted behind the rules, with its projection kept right. */
	fx_sql(&f, "INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id, amount, posted, note,"
		   " created_by, created_at) VALUES (40, 'writeoff', 2, 1, 1, -10200, '2026-11-26', 'x', "
		   FX_STAMP ");"
		   "UPDATE balances SET amount = amount - 10200 WHERE charge_id = 2 AND party = 1;"
		   "UPDATE balance_days SET amount = amount - 10200 WHERE payer_id = 1;");
	expect(&f, 1, "credit: charge line 2, coverage 1: balance -1.00 without a credit reason");
	/* With a credit reason on one of its rows it is allowed. */
	fx_sql(&f, "INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id, amount, posted,"
		   " credit_reason, group_code, reason_code, created_by, created_at) VALUES"
		   " (41, 'adjustment', 2, 1, 1, -1, '2026-11-26', 'overpaid', 'CO', '45', " FX_STAMP ");"
		   "UPDATE balances SET amount = amount - 1 WHERE charge_id = 2 AND party = 1;"
		   "UPDATE balance_days SET amount = amount - 1 WHERE payer_id = 1;");
	expect(&f, 0, NULL);
	fx_close(&f);
}

static int stop_now(const struct check_breach *b, void *ud)
{
	++*(int *)ud;
	return 1;
}

static void test_stops_when_asked(void **state)
{
	struct fx f;
	int calls = 0;
	size_t n = 0;

	book(&f);
	fx_sql(&f, "UPDATE claims SET total = 1; UPDATE balances SET amount = 3");
	assert_int_equal(check_run(f.st, stop_now, &calls, &n), MB_OK);
	assert_int_equal(calls, 1);
	assert_int_equal(n, 1);
	assert_string_equal(check_kind_name(CHECK_CREDIT), "credit");
	assert_string_equal(check_kind_name(CHECK_KIND_COUNT), "?");
	fx_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_projection_sum),
		cmocka_unit_test(test_projection_missing_and_orphan),
		cmocka_unit_test(test_projection_orphan_only),
		cmocka_unit_test(test_projection_row_changed_behind_triggers),
		cmocka_unit_test(test_projection_meta_and_days),
		cmocka_unit_test(test_reversals),
		cmocka_unit_test(test_reversal_shapes),
		cmocka_unit_test(test_transfers),
		cmocka_unit_test(test_transfer_pair_sum),
		cmocka_unit_test(test_claim_totals),
		cmocka_unit_test(test_credit_without_reason),
		cmocka_unit_test(test_stops_when_asked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
