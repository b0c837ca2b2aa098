/* test_scrub.c: the scrubber's edits, their messages, storage and payer edits. */
#include "claims_fixture.h"

/* The findings of one claim after scrubbing it alone. */
struct found {
	struct scrub_finding *f;
	size_t n;
	size_t errors;
};

static void scrub_one(struct cfx *f, int64_t claim, struct found *out)
{
	size_t n = 0, bad = 0, i;

	assert_ok(scrub_claims(f->st, &claim, 1, NULL, NULL, &n, &bad));
	assert_int_equal(n, 1);
	assert_ok(scrub_findings(f->st, claim, &out->f, &out->n));
	out->errors = 0;
	for (i = 0; i < out->n; i++)
		if (out->f[i].severity == SCRUB_ERROR)
			out->errors++;
	assert_int_equal(out->errors ? 1 : 0, bad);
}

/* The finding with this code, or NULL. */
static const struct scrub_finding *has(const struct found *fd, const char *code)
{
	size_t i;

	for (i = 0; i < fd->n; i++)
		if (!strcmp(fd->f[i].code, code))
			return &fd->f[i];
	return NULL;
}

/* A copy of the finding with this code; the test fails when there is none. */
static struct scrub_finding get(const struct found *fd, const char *code)
{
	const struct scrub_finding *f = has(fd, code);
	struct scrub_finding none;

	if (f)
		return *f;
	memset(&none, 0, sizeof(none));
	fail_msg("no finding %s", code);
	return none;
}

static void expect(const struct found *fd, const char *code, const char *message)
{
	const struct scrub_finding *f = has(fd, code);

	if (!f) {
		size_t i;

		for (i = 0; i < fd->n; i++)
			print_message("  have %s: %s\n", fd->f[i].code, fd->f[i].message);
		fail_msg("no finding %s", code);
	}
	assert_string_equal(f->message, message);
}

static void test_clean_claim(void **state)
{
	struct cfx f;
	struct found fd;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	scrub_one(&f, claim, &fd);
	assert_int_equal(fd.errors, 0);
	free(fd.f);
	cfx_close(&f);
}

static void test_billing_provider(void **state)
{
	struct cfx f;
	struct found fd;
	struct scrub_finding x;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	cfx_sql(&f, "UPDATE practice SET npi = '1234567890', zip = '62701', ein = '12-34', "
		    "taxonomy = '', addr1 = 'PO BOX 12'");
	scrub_one(&f, claim, &fd);
	expect(&fd, "BILL_NPI_CHECK", "billing provider NPI 1234567890 fails its check digit");
	x = get(&fd, "BILL_NPI_CHECK");
	assert_string_equal(x.field, "2010AA NM109");
	assert_string_equal(x.fix, "correct the practice's NPI: 10 digits whose last is the Luhn check digit");
	assert_int_equal(x.line, 0);
	expect(&fd, "BILL_ZIP9", "billing provider ZIP '62701' is not 9 digits");
	expect(&fd, "BILL_EIN", "billing provider EIN '12-34' is not 9 digits");
	expect(&fd, "BILL_TAXONOMY", "billing provider taxonomy '' is not a taxonomy code");
	expect(&fd, "BILL_PO_BOX", "billing provider address 'PO BOX 12' is a post office box");
	assert_string_equal(x.created.by, "tester");
	free(fd.f);
	cfx_close(&f);
}

static void test_lines(void **state)
{
	struct cfx f;
	struct found fd;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	cfx_sql(&f, "UPDATE charges SET ptr2 = 3, ptr3 = 3, mod1 = NULL, mod2 = '2*'");
	scrub_one(&f, claim, &fd);
	expect(&fd, "LINE_POINTER", "line 1: diagnosis pointer 3 points past the 2 diagnoses");
	expect(&fd, "LINE_POINTER_DUP", "line 1: diagnosis pointer 3 is given twice");
	expect(&fd, "LINE_MODIFIER", "line 1: modifier '2*' is not a valid modifier");
	assert_int_equal(get(&fd, "LINE_POINTER").line, 1);
	assert_string_equal(get(&fd, "LINE_POINTER").field, "2400 SV107");
	free(fd.f);
	cfx_close(&f);
}

static void two_same_lines(struct encounter *e)
{
	struct charge *c = encounter_add_charge(e);

	*c = e->charges[0];
	c->id = 0;
	c->line = 2;
}

static void test_duplicate_line_and_total(void **state)
{
	struct cfx f;
	struct found fd;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, two_same_lines);
	cfx_sql(&f, "UPDATE claims SET total = 100");
	scrub_one(&f, claim, &fd);
	expect(&fd, "LINE_DUPLICATE", "line 2 repeats line 1 (same code, modifiers and date)");
	expect(&fd, "TOTAL", "claim total 1.00 is not the sum of its lines 240.00");
	free(fd.f);
	cfx_close(&f);
}

static void dependent(struct cfx *f)
{
	cfx_sql(f, "UPDATE coverages SET relationship = '19', sub_last = 'DOE', sub_first = 'JOHN'");
}

static void test_subscriber_and_dates(void **state)
{
	struct cfx f;
	struct found fd;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	dependent(&f);
	cfx_sql(&f, "UPDATE coverages SET member_id = 'M1*00', effective = '2026-11-10';"
		    "UPDATE encounters SET dos = '2026-12-01'");
	scrub_one(&f, claim, &fd);
	expect(&fd, "SUB_DOB", "subscriber date of birth is missing");
	expect(&fd, "SUB_SEX", "subscriber sex '' is not M, F or U");
	expect(&fd, "DELIMITER", "member ID contains '*', a character X12 uses as a delimiter");
	assert_string_equal(get(&fd, "DELIMITER").field, "member ID");
	expect(&fd, "DOS_FUTURE", "date of service 2026-12-01 is in the future");
	assert_null(has(&fd, "DOS_COVERAGE"));
	free(fd.f);

	cfx_sql(&f, "UPDATE coverages SET sub_dob = '1970-01-01', sub_sex = 'M', member_id = 'M100';"
		    "UPDATE encounters SET dos = '2026-11-02'");
	scrub_one(&f, claim, &fd);
	expect(&fd, "DOS_COVERAGE", "date of service 2026-11-02 is outside the coverage dates from 2026-11-10");
	assert_null(has(&fd, "SUB_DOB"));
	assert_null(has(&fd, "DELIMITER"));
	free(fd.f);
	cfx_close(&f);
}

static void test_timely_filing_warns(void **state)
{
	struct cfx f;
	struct found fd;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	cfx_sql(&f, "UPDATE payers SET timely_days = 30 WHERE payer_id = 'ACME1'");
	scrub_one(&f, claim, &fd);
	expect(&fd, "TIMELY_FILING_NEAR",
	       "Test Payer ACME1's 30-day filing limit for 2026-11-02 closes on 2026-12-02, in 6 days");
	assert_int_equal(get(&fd, "TIMELY_FILING_NEAR").severity, SCRUB_WARNING);
	assert_int_equal(fd.errors, 0);
	free(fd.f);
	cfx_sql(&f, "UPDATE payers SET timely_days = 10 WHERE payer_id = 'ACME1'");
	scrub_one(&f, claim, &fd);
	expect(&fd, "TIMELY_FILING",
	       "date of service 2026-11-02 is past the 10-day filing limit of Test Payer ACME1 "
	       "(it closed on 2026-11-12)");
	assert_int_equal(fd.errors, 0);
	free(fd.f);
	cfx_close(&f);
}

static void test_findings_replaced(void **state)
{
	struct cfx f;
	struct found fd;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	cfx_sql(&f, "UPDATE charges SET ptr2 = 5");
	scrub_one(&f, claim, &fd);
	assert_int_equal(fd.errors, 1);
	free(fd.f);
	scrub_one(&f, claim, &fd);
	assert_int_equal(fd.errors, 1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM scrub_findings WHERE severity = 'error'"), 1);
	free(fd.f);
	cfx_sql(&f, "UPDATE charges SET ptr2 = 2");
	scrub_one(&f, claim, &fd);
	assert_int_equal(fd.errors, 0);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM scrub_findings WHERE severity = 'error'"), 0);
	free(fd.f);
	cfx_close(&f);
}

static void test_payer_edits(void **state)
{
	struct cfx f;
	struct found fd;
	struct scrub_edit e;
	int64_t claim;

	cfx_open(&f);
	claim = cfx_claim(&f, NULL);
	/* A new edit for one payer: a prior authorization is required. */
	memset(&e, 0, sizeof(e));
	SCPY(e.code, "acme_auth");
	e.payer = f.payer;
	SCPY(e.kind, "required");
	SCPY(e.subject, "prior_auth");
	SCPY(e.field, "2300 REF*G1");
	SCPY(e.message, "{payer} requires a prior authorization");
	assert_ok(scrub_edit_add(f.st, &e));
	assert_true(e.id > 0);
	/* and a pattern on the member ID */
	memset(&e, 0, sizeof(e));
	SCPY(e.code, "ACME_MEMBER");
	e.payer = f.payer;
	SCPY(e.kind, "match");
	SCPY(e.subject, "member_id");
	SCPY(e.arg, "A[0-9]*");
	SCPY(e.message, "member ID {value} does not look like A followed by digits");
	assert_ok(scrub_edit_add(f.st, &e));
	/* and a built-in edit turned into an error for this payer */
	memset(&e, 0, sizeof(e));
	SCPY(e.code, "TIMELY_FILING_NEAR");
	e.payer = f.payer;
	e.severity = SCRUB_ERROR;
	assert_ok(scrub_edit_add(f.st, &e));
	cfx_sql(&f, "UPDATE payers SET timely_days = 30 WHERE payer_id = 'ACME1'");

	scrub_one(&f, claim, &fd);
	expect(&fd, "ACME_AUTH", "Test Payer ACME1 requires a prior authorization");
	assert_string_equal(get(&fd, "ACME_AUTH").fix, "correct the claim's data");
	expect(&fd, "ACME_MEMBER", "member ID M100 does not look like A followed by digits");
	assert_int_equal(get(&fd, "TIMELY_FILING_NEAR").severity, SCRUB_ERROR);
	free(fd.f);

	/* The other payer's claims do not see them. */
	cfx_sql(&f, "UPDATE coverages SET payer_id = (SELECT id FROM payers WHERE payer_id = 'BLUE1')");
	scrub_one(&f, claim, &fd);
	assert_null(has(&fd, "ACME_AUTH"));
	assert_null(has(&fd, "ACME_MEMBER"));
	assert_int_equal(fd.errors, 0);
	free(fd.f);
	cfx_close(&f);
}

static void test_edit_add_refusals(void **state)
{
	struct cfx f;
	struct scrub_edit e;

	cfx_open(&f);
	memset(&e, 0, sizeof(e));
	SCPY(e.code, "BILL_NPI_CHECK");
	e.severity = SCRUB_OFF;
	assert_int_equal(scrub_edit_add(f.st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'payer': an override of built-in edit 'BILL_NPI_CHECK' is for one payer");
	memset(&e, 0, sizeof(e));
	SCPY(e.code, "NO_SUCH");
	SCPY(e.kind, "required");
	SCPY(e.subject, "shoe_size");
	SCPY(e.message, "x");
	assert_int_equal(scrub_edit_add(f.st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'field': 'shoe_size' is not a claim field an edit can check");
	SCPY(e.subject, "member_id");
	SCPY(e.kind, "max_len");
	assert_int_equal(scrub_edit_add(f.st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'arg': a 'max_len' edit needs a length");
	SCPY(e.kind, "sometimes");
	assert_int_equal(scrub_edit_add(f.st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'kind': 'sometimes' is not builtin, required, match, no_match or max_len");
	SCPY(e.kind, "required");
	SCPY(e.code, "POS");
	assert_int_equal(scrub_edit_add(f.st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'code': 'POS' is a built-in edit: give the new edit its own code");
	SCPY(e.code, "BAD CODE");
	assert_int_equal(scrub_edit_add(f.st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'code': 'BAD CODE' may hold only letters, digits, '_' and '-'");
	SCPY(e.code, "OK_CODE");
	e.payer = 999;
	assert_int_equal(scrub_edit_add(f.st, &e), MB_NOTFOUND);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM edits WHERE payer_id IS NOT NULL OR kind <> 'builtin'"), 0);
	cfx_close(&f);
}

static void header_codes(struct encounter *e)
{
	e->ndiag = 3;
	SCPY(e->diag[0], "J02");
	SCPY(e->diag[1], "E119");
	SCPY(e->diag[2], "J020");
	e->charges[0].ptrs[2] = 3;
}

/* With the ICD-10-CM excerpt (chapters 10 and 22) loaded, codes are checked against it. */
static void test_icd10cm(void **state)
{
	struct cfx f;
	struct found fd;
	struct code_import_result res;
	char path[512];
	int64_t claim;

	cfx_open(&f);
	snprintf(path, sizeof(path), "%s/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml",
		 getenv("TOP") ? getenv("TOP") : ".");
	assert_ok(codes_import_icd10cm(f.st, path, NULL, NULL, &res));
	claim = cfx_claim(&f, header_codes);
	warnings_clear();
	scrub_one(&f, claim, &fd);
	expect(&fd, "DIAG_NOT_BILLABLE", "diagnosis 1 J02 is a category, not a billable code");
	assert_string_equal(get(&fd, "DIAG_NOT_BILLABLE").fix, "pick a more specific code under J02");
	expect(&fd, "DIAG_UNKNOWN", "diagnosis 2 E119 is not in ICD-10-CM for the date of service 2026-11-02");
	assert_int_equal(fd.errors, 2);
	/* FY2027 is not loaded: one warning for the year, whatever the number of codes. */
	assert_int_equal(warnings_count(), 1);
	assert_non_null(strstr(warning_get(0), "FY2027 were checked against ICD-10-CM FY2023"));
	warnings_clear();
	free(fd.f);
	cfx_close(&f);
}

static void test_unknown_claim(void **state)
{
	struct cfx f;
	int64_t id = 4242;
	size_t n, bad;

	cfx_open(&f);
	assert_int_equal(scrub_claims(f.st, &id, 1, NULL, NULL, &n, &bad), MB_NOTFOUND);
	assert_string_equal(error_last(), "no claim 4242");
	cfx_close(&f);
}

static void test_render(void **state)
{
	static const char *const names[] = { "value", "n" };
	static const char *const values[] = { "X", "3" };
	char out[64];

	scrub_render(out, sizeof(out), "a {value} b {n} {unknown} {", names, values, 2);
	assert_string_equal(out, "a X b 3 {unknown} {");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_claim),
		cmocka_unit_test(test_billing_provider),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_duplicate_line_and_total),
		cmocka_unit_test(test_subscriber_and_dates),
		cmocka_unit_test(test_timely_filing_warns),
		cmocka_unit_test(test_findings_replaced),
		cmocka_unit_test(test_payer_edits),
		cmocka_unit_test(test_edit_add_refusals),
		cmocka_unit_test(test_icd10cm),
		cmocka_unit_test(test_unknown_claim),
		cmocka_unit_test(test_render),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
