/* test_ledger.c: posting rules, transfers, reversals, balances, account summary, import. */
#include "ledger_fixture.h"
#include "medbill/claim.h"
#include "medbill/ledger.h"
#include "medbill/check.h"

static int count_breach(const struct check_breach *b, void *ud)
{
	print_message("breach: %s: %s\n", check_kind_name(b->kind), b->text);
	++*(int *)ud;
	return 0;
}

static void assert_clean(struct fx *f)
{
	int n = 0;

	assert_int_equal(check_run(f->st, count_breach, &n, NULL), MB_OK);
	assert_int_equal(n, 0);
}

/* A fixture with one posted encounter of patient 1: two lines, 100.00 and 101.00, to coverage 1. */
struct lfx {
	struct fx f;
	int64_t enc, c1, c2, claim;
};

static void lfx_open(struct lfx *l)
{
	struct claim_posting p;

	fx_open(&l->f);
	l->enc = fx_encounter(&l->f, 1, "2026-10-15", 2, 10000);
	assert_int_equal(claim_create(l->f.st, l->enc, &p), MB_OK);
	l->claim = p.claims[0];
	l->c1 = fx_charge(&l->f, l->enc, 1);
	l->c2 = fx_charge(&l->f, l->enc, 2);
	claim_posting_release(&p);
}

static cents_t bal(struct lfx *l, int64_t charge, int64_t party)
{
	cents_t v = -1;

	assert_int_equal(ledger_balance(l->f.st, charge, party, &v), MB_OK);
	return v;
}

static int64_t nrows(struct lfx *l)
{
	return fx_int(&l->f, "SELECT count(*) FROM ledger");
}

static void test_kind_names(void **state)
{
	enum ledger_kind k;
	int i;

	for (i = LEDGER_CHARGE; i <= LEDGER_REVERSAL; i++) {
		assert_int_equal(ledger_kind_parse(ledger_kind_name(i), &k), MB_OK);
		assert_int_equal(k, i);
	}
	assert_string_equal(ledger_kind_name(LEDGER_INS_PAYMENT), "ins_payment");
	assert_int_equal(ledger_kind_parse("payment", &k), MB_ERROR);
	assert_string_equal(error_last(), "'kind': 'payment' is not a ledger row kind");
	assert_true(ledger_group_valid("CO"));
	assert_true(ledger_group_valid("PR"));
	assert_false(ledger_group_valid("XX"));
	assert_false(ledger_group_valid("co"));
	assert_false(ledger_group_valid(NULL));
}

static void test_payments_and_adjustments(void **state)
{
	struct lfx l;
	struct ledger_entry e = { 0 };
	struct ledger_row r;
	int64_t id;

	lfx_open(&l);
	assert_int_equal(bal(&l, l.c1, 1), 10000);
	e.charge = l.c1;
	e.party = 1;
	e.amount = 6000;
	e.posted = 20261120;
	e.reference = "EFT991";
	assert_int_equal(ledger_ins_payment(l.f.st, &e, &id), MB_OK);
	assert_int_equal(ledger_get(l.f.st, id, &r), MB_OK);
	assert_int_equal(r.kind, LEDGER_INS_PAYMENT);
	assert_int_equal(r.amount, -6000);
	assert_int_equal(r.claim, l.claim);	/* found from the claim lines */
	assert_int_equal(r.posted, 20261120);
	assert_string_equal(r.reference, "EFT991");
	assert_string_equal(r.created.by, "tester");
	assert_string_equal(r.created.at, "2026-11-26T12:00:00Z");
	assert_int_equal(bal(&l, l.c1, 1), 4000);

	e.amount = 2500;
	e.reference = NULL;
	assert_int_equal(ledger_adjust(l.f.st, &e, "CO", "45", &id), MB_OK);
	assert_int_equal(ledger_get(l.f.st, id, &r), MB_OK);
	assert_string_equal(r.group, "CO");
	assert_string_equal(r.reason, "45");
	assert_int_equal(r.amount, -2500);
	assert_int_equal(r.posted, 20261120);
	assert_int_equal(bal(&l, l.c1, 1), 1500);

	/* The rest to the patient, who pays it. */
	assert_int_equal(ledger_transfer(l.f.st, &e, 0, NULL), MB_ERROR);	/* 25.00 > 15.00 */
	assert_non_null(strstr(error_last(), "credit reason"));
	e.amount = 1500;
	assert_int_equal(ledger_transfer(l.f.st, &e, 0, &id), MB_OK);
	assert_int_equal(bal(&l, l.c1, 1), 0);
	assert_int_equal(bal(&l, l.c1, 0), 1500);
	e.party = 0;
	e.amount = 1500;
	e.posted = 0;
	assert_int_equal(ledger_pat_payment(l.f.st, &e, &id), MB_OK);
	assert_int_equal(ledger_get(l.f.st, id, &r), MB_OK);
	assert_int_equal(r.posted, 20261126);	/* today */
	assert_int_equal(bal(&l, l.c1, 0), 0);

	e.charge = l.c2;
	e.party = 1;
	e.amount = 500;
	assert_int_equal(ledger_writeoff(l.f.st, &e, "small balance", &id), MB_OK);
	assert_int_equal(ledger_get(l.f.st, id, &r), MB_OK);
	assert_string_equal(r.note, "small balance");
	assert_int_equal(bal(&l, l.c2, 1), 9600);
	assert_clean(&l.f);
	fx_close(&l.f);
}

static void test_post_rules(void **state)
{
	struct lfx l;
	struct ledger_row r;
	struct ledger_entry e = { 0 };
	int64_t before;

	lfx_open(&l);
	before = nrows(&l);

#define REFUSED(field) do { \
		assert_int_equal(ledger_post(l.f.st, &r), MB_ERROR); \
		assert_non_null(strstr(error_last(), field)); \
		assert_int_equal(r.id, 0); \
	} while (0)
#define ROW(k, amt) do { memset(&r, 0, sizeof(r)); r.kind = (k); r.charge = l.c1; \
		r.coverage = 1; r.amount = (amt); } while (0)

	ROW(LEDGER_INS_PAYMENT, 0);
	REFUSED("'amount': a ledger row moves a non-zero amount");
	ROW(LEDGER_INS_PAYMENT, 100);
	REFUSED("'amount': a ins_payment lowers the balance");
	ROW(LEDGER_CHARGE, -100);
	REFUSED("'amount': a charge is positive");
	ROW(LEDGER_REFUND, -100);
	REFUSED("'amount': a refund is positive");
	ROW(LEDGER_WRITEOFF, 100);
	REFUSED("'amount'");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.coverage = 0;
	REFUSED("'party': an insurance payment is from a coverage");
	ROW(LEDGER_PAT_PAYMENT, -100);
	REFUSED("'party': a patient payment is to the patient's balance");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.posted = 20260230;
	REFUSED("'posted': 20260230 is not a real date");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.charge = 9999;
	REFUSED("'charge': no charge line 9999");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.coverage = 77;
	REFUSED("'party': no coverage 77");
	ROW(LEDGER_ADJUSTMENT, -100);
	SCPY(r.reason, "45");
	REFUSED("'group': an adjustment needs a group code");
	SCPY(r.group, "XY");
	REFUSED("'group': 'XY' is not a group code");
	SCPY(r.group, "CO");
	r.reason[0] = '\0';
	REFUSED("'reason': an adjustment needs a reason code");
	SCPY(r.reason, "4-5");
	REFUSED("'reason': '4-5' is not a reason code");
	ROW(LEDGER_WRITEOFF, -100);
	REFUSED("'reason': a write-off says why");
	ROW(LEDGER_TRANSFER, -100);
	REFUSED("'kind': a transfer is posted with ledger_transfer()");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.xfer = 5;
	REFUSED("'xfer'");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.reverses = 1;
	REFUSED("'reverses': only a reversal points at a row");
	ROW(LEDGER_REVERSAL, -100);
	SCPY(r.note, "oops");
	REFUSED("'reverses': a reversal names the row it reverses");
	ROW(LEDGER_REVERSAL, -10000);
	r.reverses = 1;
	REFUSED("'why': a reversal says why");
	SCPY(r.note, "oops");
	r.amount = -5000;
	REFUSED("'amount': a reversal of row 1 must be its negation");
	r.amount = -10000;
	r.coverage = 2;
	REFUSED("'reverses': row 1 is on another charge line or party");
	/* Another patient's coverage. */
	fx_sql(&l.f, "INSERT INTO coverages (id, patient_id, payer_id, seq, member_id, effective,"
		     " created_by, created_at, updated_by, updated_at) VALUES"
		     " (3, 2, 1, 1, 'M300', '2026-01-01', " FX_STAMP ", " FX_STAMP ")");
	ROW(LEDGER_INS_PAYMENT, -100);
	r.coverage = 3;
	REFUSED("'party': coverage 3 is not a coverage of the charge's patient");
	/* A refund needs a credit to give back. */
	ROW(LEDGER_REFUND, 100);
	REFUSED("'amount': the refund of 1.00 is more than the credit of 0.00");
	/* The convenience posts take a positive amount. */
	e.charge = l.c1;
	e.party = 1;
	e.amount = -5;
	assert_int_equal(ledger_ins_payment(l.f.st, &e, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'amount': -0.05 is not a positive amount");
	e.amount = 5;
	assert_int_equal(ledger_adjust(l.f.st, &e, "ZZZ", "45", NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'group'"));
	assert_int_equal(ledger_writeoff(l.f.st, &e, "", NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'reason'"));
	assert_int_equal(nrows(&l), before);
#undef ROW
#undef REFUSED
	assert_clean(&l.f);
	fx_close(&l.f);
}

static void test_credit_balance(void **state)
{
	struct lfx l;
	struct ledger_entry e = { 0 };
	int64_t id, before;

	lfx_open(&l);
	e.charge = l.c1;
	e.party = 1;
	e.amount = 12000;	/* 20.00 more than the 100.00 owed */
	before = nrows(&l);
	assert_int_equal(ledger_ins_payment(l.f.st, &e, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'credit_reason': it would leave charge line 1 at -20.00 "
			    "for coverage 1: a credit balance needs a credit reason");
	assert_int_equal(nrows(&l), before);
	e.credit_reason = "overpayment";
	assert_int_equal(ledger_ins_payment(l.f.st, &e, NULL), MB_OK);
	assert_int_equal(bal(&l, l.c1, 1), -2000);
	/* Later rows on a balance with a credit reason need none of their own. */
	e.credit_reason = NULL;
	e.amount = 100;
	assert_int_equal(ledger_adjust(l.f.st, &e, "CO", "45", NULL), MB_OK);
	e.amount = 2200;
	assert_int_equal(ledger_refund(l.f.st, &e, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'amount': the refund of 22.00 is more than the credit of 21.00");
	e.amount = 2100;
	e.reference = "CHK 5531";
	assert_int_equal(ledger_refund(l.f.st, &e, &id), MB_OK);
	assert_int_equal(bal(&l, l.c1, 1), 0);
	assert_clean(&l.f);
	fx_close(&l.f);
}

static void test_transfer(void **state)
{
	struct lfx l;
	struct ledger_entry e = { 0 };
	struct ledger_row a, b;
	int64_t x, before;

	lfx_open(&l);
	e.charge = l.c1;
	e.party = 1;
	e.amount = 4000;
	assert_int_equal(ledger_transfer(l.f.st, &e, 2, &x), MB_OK);
	assert_int_equal(ledger_get(l.f.st, x, &a), MB_OK);
	assert_int_equal(ledger_get(l.f.st, x + 1, &b), MB_OK);
	assert_int_equal(a.kind, LEDGER_TRANSFER);
	assert_int_equal(b.kind, LEDGER_TRANSFER);
	assert_int_equal(a.xfer, x);
	assert_int_equal(b.xfer, x);
	assert_int_equal(a.amount, -4000);
	assert_int_equal(b.amount, 4000);
	assert_int_equal(a.coverage, 1);
	assert_int_equal(b.coverage, 2);
	assert_int_equal(b.claim, l.claim);	/* no secondary claim yet: the source's */
	assert_int_equal(bal(&l, l.c1, 1), 6000);
	assert_int_equal(bal(&l, l.c1, 2), 4000);
	assert_int_equal(fx_int(&l.f, "SELECT payer_id FROM balances WHERE party = 2"), 2);
	e.party = 2;
	e.amount = 1000;
	assert_int_equal(ledger_transfer(l.f.st, &e, 0, NULL), MB_OK);
	assert_int_equal(bal(&l, l.c1, 0), 1000);

	before = nrows(&l);
	assert_int_equal(ledger_transfer(l.f.st, &e, 1, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'to': coverage 1 (order 1) does not come after coverage 2 (order 2)");
	e.party = 0;
	assert_int_equal(ledger_transfer(l.f.st, &e, 1, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "not back"));
	e.party = 1;
	assert_int_equal(ledger_transfer(l.f.st, &e, 1, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "already with coverage 1"));
	fx_sql(&l.f, "INSERT INTO coverages (id, patient_id, payer_id, seq, member_id, effective,"
		     " created_by, created_at, updated_by, updated_at) VALUES"
		     " (3, 2, 1, 2, 'M300', '2026-01-01', " FX_STAMP ", " FX_STAMP ")");
	assert_int_equal(ledger_transfer(l.f.st, &e, 3, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "not a coverage of the same patient"));
	e.amount = 7000;	/* more than the 60.00 left with the primary */
	assert_int_equal(ledger_transfer(l.f.st, &e, 2, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'credit_reason'"));
	assert_int_equal(nrows(&l), before);
	assert_clean(&l.f);
	fx_close(&l.f);
}

static void test_reverse(void **state)
{
	struct lfx l;
	struct ledger_entry e = { 0 };
	struct ledger_row r;
	int64_t pay, rev, x, before;

	lfx_open(&l);
	e.charge = l.c1;
	e.party = 1;
	e.amount = 3000;
	e.reference = "EFT1";
	assert_int_equal(ledger_ins_payment(l.f.st, &e, &pay), MB_OK);
	user_set("supervisor");
	assert_int_equal(ledger_reverse(l.f.st, pay, "posted to the wrong line", &rev), MB_OK);
	user_set("tester");
	assert_int_equal(ledger_get(l.f.st, rev, &r), MB_OK);
	assert_int_equal(r.kind, LEDGER_REVERSAL);
	assert_int_equal(r.reverses, pay);
	assert_int_equal(r.amount, 3000);
	assert_int_equal(r.coverage, 1);
	assert_string_equal(r.note, "posted to the wrong line");
	assert_string_equal(r.created.by, "supervisor");
	assert_int_equal(bal(&l, l.c1, 1), 10000);

	before = nrows(&l);
	assert_int_equal(ledger_reverse(l.f.st, pay, "again", NULL), MB_ERROR);
	assert_string_equal(error_last(), "'reverses': row 3 is already reversed by row 4");
	assert_int_equal(ledger_reverse(l.f.st, rev, "undo", NULL), MB_ERROR);
	assert_string_equal(error_last(), "'reverses': row 4 is itself a reversal");
	assert_int_equal(ledger_reverse(l.f.st, pay + 100, "x", NULL), MB_ERROR);
	assert_string_equal(error_last(), "'row': no ledger row 103");
	assert_int_equal(ledger_reverse(l.f.st, pay, "", NULL), MB_ERROR);
	assert_string_equal(error_last(), "'why': a reversal says why");
	assert_int_equal(nrows(&l), before);

	/* Reversing a charge that has been paid would leave a credit: refused. */
	assert_int_equal(ledger_ins_payment(l.f.st, &e, &pay), MB_OK);
	assert_int_equal(ledger_reverse(l.f.st, 1, "wrong patient", NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'credit_reason'"));
	assert_int_equal(ledger_reverse(l.f.st, pay, "wrong patient", NULL), MB_OK);
	assert_int_equal(ledger_reverse(l.f.st, 1, "wrong patient", NULL), MB_OK);
	assert_int_equal(bal(&l, l.c1, 1), 0);

	/* A transfer reverses as a pair. */
	e.charge = l.c2;
	e.amount = 1000;
	assert_int_equal(ledger_transfer(l.f.st, &e, 0, &x), MB_OK);
	memset(&r, 0, sizeof(r));
	r.kind = LEDGER_REVERSAL;
	r.charge = l.c2;
	r.amount = -1000;
	r.reverses = x + 1;
	SCPY(r.note, "half");
	assert_int_equal(ledger_post(l.f.st, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "half of a transfer"));
	assert_int_equal(ledger_reverse(l.f.st, x + 1, "patient has coverage", &rev), MB_OK);
	assert_int_equal(bal(&l, l.c2, 1), 10100);
	assert_int_equal(bal(&l, l.c2, 0), 0);
	assert_int_equal(fx_int(&l.f, "SELECT count(*) FROM ledger WHERE kind = 'reversal' AND xfer_id ="
				" (SELECT xfer_id FROM ledger WHERE id = (SELECT max(id) FROM ledger))"), 2);
	assert_int_equal(ledger_reverse(l.f.st, x, "again", NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "already reversed"));
	assert_clean(&l.f);
	fx_close(&l.f);
}

static void test_balances_and_account(void **state)
{
	struct lfx l;
	struct ledger_entry e = { 0 };
	struct ledger_balance *b;
	struct ledger_totals t;
	struct account_summary a;
	size_t n;
	int64_t pay;

	lfx_open(&l);
	e.charge = l.c1;
	e.party = 1;
	e.amount = 7000;
	e.posted = 20261101;
	assert_int_equal(ledger_ins_payment(l.f.st, &e, NULL), MB_OK);
	e.amount = 1000;
	assert_int_equal(ledger_transfer(l.f.st, &e, 0, NULL), MB_OK);
	e.party = 0;
	e.amount = 400;
	e.posted = 20261110;
	assert_int_equal(ledger_pat_payment(l.f.st, &e, NULL), MB_OK);
	e.charge = l.c2;
	e.amount = 100;
	e.credit_reason = "prepayment";
	assert_int_equal(ledger_pat_payment(l.f.st, &e, &pay), MB_OK);
	e.posted = 20261112;
	assert_int_equal(ledger_pat_payment(l.f.st, &e, &pay), MB_OK);
	assert_int_equal(ledger_reverse(l.f.st, pay, "bounced", NULL), MB_OK);

	assert_int_equal(ledger_charge_balances(l.f.st, l.c1, &b, &n), MB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(b[0].party, 0);
	assert_int_equal(b[0].amount, 600);
	assert_int_equal(b[0].payer, 0);
	assert_int_equal(b[0].claim, l.claim);
	assert_int_equal(b[0].dos, 20261015);
	assert_int_equal(b[1].party, 1);
	assert_int_equal(b[1].amount, 2000);
	assert_int_equal(b[1].payer, 1);
	free(b);

	assert_int_equal(ledger_claim_balance(l.f.st, l.claim, &t), MB_OK);
	assert_int_equal(t.insurance, 2000 + 10100);
	assert_int_equal(t.patient, 600 - 100);
	assert_int_equal(ledger_claim_balance(l.f.st, 99, &t), MB_NOTFOUND);

	assert_int_equal(ledger_account(l.f.st, 1, &a), MB_OK);
	assert_int_equal(a.insurance, 12100);
	assert_int_equal(a.patient, 500);
	assert_int_equal(a.last_pat_payment, 20261110);	/* the 11-12 one bounced */
	assert_int_equal(a.last_pat_amount, 500);
	assert_int_equal(a.last_ins_payment, 20261101);
	assert_int_equal(a.last_ins_amount, 7000);
	assert_int_equal(ledger_account(l.f.st, 2, &a), MB_OK);
	assert_int_equal(a.insurance, 0);
	assert_int_equal(a.last_pat_payment, 0);
	assert_int_equal(ledger_account(l.f.st, 3, &a), MB_NOTFOUND);
	assert_string_equal(error_last(), "'patient': no patient 3");
	assert_clean(&l.f);
	fx_close(&l.f);
}

struct rows {
	int n;
	int64_t last;
	bool ordered;
};

static int count_rows(const struct ledger_row *r, void *ud)
{
	struct rows *c = ud;

	if (r->id <= c->last)
		c->ordered = false;
	c->last = r->id;
	c->n++;
	return 0;
}

static void test_foreach(void **state)
{
	struct lfx l;
	struct ledger_filter flt = { 0 };
	struct rows c;
	struct ledger_entry e = { 0 };

	lfx_open(&l);
	claim_create(l.f.st, fx_encounter(&l.f, 2, "2026-11-01", 1, 500), NULL);
	e.charge = l.c2;
	e.party = 1;
	e.amount = 100;
	assert_int_equal(ledger_ins_payment(l.f.st, &e, NULL), MB_OK);
	c = (struct rows){ 0, 0, true };
	assert_int_equal(ledger_foreach(l.f.st, NULL, count_rows, &c), MB_OK);
	assert_int_equal(c.n, 4);
	assert_true(c.ordered);
	flt.charge = l.c2;
	c = (struct rows){ 0, 0, true };
	assert_int_equal(ledger_foreach(l.f.st, &flt, count_rows, &c), MB_OK);
	assert_int_equal(c.n, 2);
	memset(&flt, 0, sizeof(flt));
	flt.patient = 2;
	c = (struct rows){ 0, 0, true };
	assert_int_equal(ledger_foreach(l.f.st, &flt, count_rows, &c), MB_OK);
	assert_int_equal(c.n, 1);
	memset(&flt, 0, sizeof(flt));
	flt.claim = l.claim;
	flt.patient = 1;
	c = (struct rows){ 0, 0, true };
	assert_int_equal(ledger_foreach(l.f.st, &flt, count_rows, &c), MB_OK);
	assert_int_equal(c.n, 3);
	fx_close(&l.f);
}

/* The projection as text, for comparing before and after a rebuild. */
static void projection(struct fx *f, char *buf, size_t n)
{
	fx_text(f, "SELECT group_concat(x, ';') FROM (SELECT charge_id || ',' || party || ',' || patient_id"
		   " || ',' || coalesce(payer_id, '-') || ',' || coalesce(claim_id, '-') || ',' || dos || ','"
		   " || amount AS x FROM balances ORDER BY charge_id, party)", buf, n);
	strncat(buf, "|", n - strlen(buf) - 1);
	fx_text(f, "SELECT group_concat(x, ';') FROM (SELECT payer_id || ',' || dos || ',' || amount AS x"
		   " FROM balance_days ORDER BY payer_id, dos)", buf + strlen(buf), n - strlen(buf));
}

static void test_raw_insert_and_rebuild(void **state)
{
	struct lfx l;
	struct ledger_entry e = { 0 };
	struct ledger_row r;
	char before[4096], after[4096];

	lfx_open(&l);
	e.charge = l.c1;
	e.party = 1;
	e.amount = 3000;
	assert_int_equal(ledger_ins_payment(l.f.st, &e, NULL), MB_OK);
	e.amount = 2000;
	assert_int_equal(ledger_transfer(l.f.st, &e, 2, NULL), MB_OK);
	assert_int_equal(ledger_transfer(l.f.st, &(struct ledger_entry){ .charge = l.c1, .party = 2,
		.amount = 500 }, 0, NULL), MB_OK);
	/* A day whose only balance is paid off keeps its zero row. */
	assert_int_equal(claim_create(l.f.st, fx_encounter(&l.f, 1, "2026-09-09", 1, 800), NULL), MB_OK);
	assert_int_equal(ledger_ins_payment(l.f.st, &(struct ledger_entry){ .charge = 3, .party = 1,
		.amount = 800 }, NULL), MB_OK);
	assert_int_equal(fx_int(&l.f, "SELECT count(*) FROM balance_days WHERE amount = 0"), 1);
	projection(&l.f, before, sizeof(before));
	assert_int_equal(ledger_rebuild_balances(l.f.st), MB_OK);
	projection(&l.f, after, sizeof(after));
	assert_string_equal(before, after);

	/* An imported row keeps its id and stamps and touches no balance. */
	memset(&r, 0, sizeof(r));
	r.id = 500;
	r.kind = LEDGER_PAT_PAYMENT;
	r.charge = l.c2;
	r.amount = -100;
	r.posted = 20260301;
	SCPY(r.created.by, "migrator");
	SCPY(r.created.at, "2026-03-01T08:00:00Z");
	assert_int_equal(ledger_insert_raw(l.f.st, &r), MB_OK);
	assert_int_equal(ledger_get(l.f.st, 500, &r), MB_OK);
	assert_string_equal(r.created.by, "migrator");
	assert_string_equal(r.created.at, "2026-03-01T08:00:00Z");
	assert_int_equal(bal(&l, l.c2, 0), 0);
	r.posted = 20260231;
	r.id = 501;
	assert_int_equal(ledger_insert_raw(l.f.st, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "'posted'"));
	assert_int_equal(ledger_rebuild_balances(l.f.st), MB_OK);
	assert_int_equal(bal(&l, l.c2, 0), -100);
	assert_int_equal(fx_int(&l.f, "SELECT amount FROM balance_days WHERE payer_id = 0"), 500 - 100);
	fx_close(&l.f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_payments_and_adjustments),
		cmocka_unit_test(test_post_rules),
		cmocka_unit_test(test_credit_balance),
		cmocka_unit_test(test_transfer),
		cmocka_unit_test(test_reverse),
		cmocka_unit_test(test_balances_and_account),
		cmocka_unit_test(test_foreach),
		cmocka_unit_test(test_raw_insert_and_rebuild),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
