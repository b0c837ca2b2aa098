/* test_practice.c: practice, settings, receivers, providers, payers, fees. */
#include "fixtures.h"

static int count_rows(const void *row, void *arg)
{
	(void)row;
	(*(int *)arg)++;
	return MB_OK;
}

static void test_practice_save_get(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct practice p, got;

	assert_int_equal(practice_get(st, &got), MB_NOTFOUND);
	fx_practice(&p);
	SCPY(p.taxonomy, "207q00000x");
	assert_ok(practice_save(st, &p));
	assert_ok(practice_get(st, &got));
	assert_string_equal(got.name, "Maple Test Family Practice");
	assert_string_equal(got.npi, "1234567893");
	assert_string_equal(got.ein, "123456789");
	assert_string_equal(got.phone, "2175550100");
	assert_string_equal(got.addr.zip, "627011234");
	assert_false(got.has_payto);
	assert_string_equal(got.created.by, "tester");
	assert_string_equal(got.created.at, "2026-11-26T12:00:00Z");

	/* an update keeps 'created' and stamps 'updated' now */
	got.has_payto = true;
	SCPY(got.payto.line1, "PO Box 5");
	SCPY(got.payto.city, "Springfield");
	SCPY(got.payto.state, "IL");
	SCPY(got.payto.zip, "62705");
	SCPY(got.created.at, "1999-01-01T00:00:00Z");
	SCPY(got.updated.at, "1999-01-01T00:00:00Z");
	user_set("clerk2");
	assert_ok(practice_save(st, &got));
	assert_ok(practice_get(st, &p));
	assert_true(p.has_payto);
	assert_string_equal(p.payto.line1, "PO Box 5");
	assert_string_equal(p.created.by, "tester");
	assert_string_equal(p.created.at, "2026-11-26T12:00:00Z");
	assert_string_equal(p.updated.by, "clerk2");
	test_store_close(st, path);
}

static void test_practice_given_stamps(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct practice p, got;

	fx_practice(&p);
	SCPY(p.created.by, "olduser");
	SCPY(p.created.at, "2020-02-03T04:05:06Z");
	SCPY(p.updated.by, "other");
	SCPY(p.updated.at, "2021-02-03T04:05:06Z");
	assert_ok(practice_save(st, &p));
	assert_ok(practice_get(st, &got));
	assert_string_equal(got.created.by, "olduser");
	assert_string_equal(got.created.at, "2020-02-03T04:05:06Z");
	assert_string_equal(got.updated.by, "other");
	assert_string_equal(got.updated.at, "2021-02-03T04:05:06Z");
	test_store_close(st, path);
}

/* Each bad practice is refused with a message naming the field, and nothing is written. */
static void test_practice_bad(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct practice p, got;
	static const struct {
		const char *field, *value, *msg;
	} cases[] = {
		{ "npi", "1234567890", "'npi': '1234567890' fails its check digit" },
		{ "npi", "12345", "'npi': '12345' is not 10 digits" },
		{ "ein", "12345678", "'ein': '12345678' is not 9 digits" },
		{ "zip", "62701", "'address ZIP': '62701' needs its 4-digit extension (ZIP+4)" },
		{ "state", "XX", "'address state': 'XX' is not a US state code" },
		{ "taxonomy", "207Q0000", "'taxonomy': '207Q0000' is not a taxonomy code (like 207Q00000X)" },
		{ "phone", "555010", "'phone': '555010' is not 10 digits" },
		{ "name", "", "'name' is required" },
		{ "name", "Bad*Name", "'name': '*' is not allowed (it separates X12 data)" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		fx_practice(&p);
		if (!strcmp(cases[i].field, "npi"))
			SCPY(p.npi, cases[i].value);
		else if (!strcmp(cases[i].field, "ein"))
			SCPY(p.ein, cases[i].value);
		else if (!strcmp(cases[i].field, "zip"))
			SCPY(p.addr.zip, cases[i].value);
		else if (!strcmp(cases[i].field, "state"))
			SCPY(p.addr.state, cases[i].value);
		else if (!strcmp(cases[i].field, "taxonomy"))
			SCPY(p.taxonomy, cases[i].value);
		else if (!strcmp(cases[i].field, "phone"))
			SCPY(p.phone, cases[i].value);
		else
			SCPY(p.name, cases[i].value);
		assert_int_equal(practice_save(st, &p), MB_ERROR);
		assert_string_equal(error_last(), cases[i].msg);
	}
	fx_practice(&p);
	p.has_payto = true;
	assert_int_equal(practice_save(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'pay-to address line 1' is required");
	assert_int_equal(practice_get(st, &got), MB_NOTFOUND);
	/* the pay-to ZIP may have 5 digits */
	SCPY(p.payto.line1, "PO Box 1");
	SCPY(p.payto.city, "Springfield");
	SCPY(p.payto.state, "IL");
	SCPY(p.payto.zip, "62705");
	assert_ok(practice_save(st, &p));
	test_store_close(st, path);
}

static void fx_settings(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	SCPY(s->submitter_name, "Maple Test Family Practice");
	SCPY(s->submitter_id, "SUB123");
	SCPY(s->contact_name, "Billing Office");
	SCPY(s->contact_phone, "2175550100");
	SCPY(s->isa_id, "SUB123");
	SCPY(s->gs_id, "SUB123");
}

static void test_settings_and_receivers(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct settings s, got;
	struct receiver r = { 0 }, rg;
	int n = 0;

	assert_int_equal(settings_get(st, &got), MB_NOTFOUND);
	fx_settings(&s);
	s.default_receiver = 7;
	assert_int_equal(settings_save(st, &s), MB_ERROR);
	assert_string_equal(error_last(), "'default receiver': no receiver 7");

	SCPY(r.name, "Test Clearinghouse");
	SCPY(r.receiver_id, "CLEARHOUSE");
	SCPY(r.isa_id, "CLEARHOUSE");
	SCPY(r.gs_id, "CLEARHOUSE");
	r.id = 7;
	assert_ok(receiver_add(st, &r));
	assert_int_equal(r.id, 7);
	assert_ok(receiver_get(st, 7, &rg));
	assert_string_equal(rg.isa_qual, "ZZ");
	assert_string_equal(rg.created.by, "tester");
	assert_int_equal(receiver_get(st, 8, &rg), MB_NOTFOUND);

	assert_ok(settings_save(st, &s));
	assert_ok(settings_get(st, &got));
	assert_int_equal(got.usage, 'T');
	assert_string_equal(got.isa_qual, "ZZ");
	assert_int_equal(got.default_receiver, 7);
	got.usage = 'X';
	assert_int_equal(settings_save(st, &got), MB_ERROR);
	assert_string_equal(error_last(), "'usage': 'X' is not T (test) or P (production)");
	got.usage = 'P';
	SCPY(got.isa_id, "SUB~123");
	assert_int_equal(settings_save(st, &got), MB_ERROR);
	assert_non_null(strstr(error_last(), "'isa id'"));
	SCPY(got.isa_id, "SUB123");
	assert_ok(settings_save(st, &got));
	assert_ok(settings_get(st, &s));
	assert_int_equal(s.usage, 'P');

	r.id = 0;
	SCPY(r.isa_qual, "QQ");
	assert_int_equal(receiver_add(st, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "'isa qualifier'"));
	assert_ok(receiver_foreach(st, (receiver_fn)count_rows, &n));
	assert_int_equal(n, 1);
	test_store_close(st, path);
}

struct ids {
	int64_t v[16];
	int n;
};

static int collect_provider(const struct provider *p, void *arg)
{
	struct ids *ids = arg;

	ids->v[ids->n++] = p->id;
	return MB_OK;
}

static void test_providers(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct provider p, got;
	struct ids ids = { { 0 }, 0 };
	enum provider_kind k;
	int64_t r1, f1, ref;

	r1 = fx_add_provider(st, PROV_RENDERING);
	f1 = fx_add_provider(st, PROV_FACILITY);
	ref = fx_add_provider(st, PROV_REFERRING);
	assert_ok(provider_get(st, f1, &got));
	assert_int_equal(got.kind, PROV_FACILITY);
	assert_string_equal(got.addr.zip, "627020001");
	assert_true(got.active);

	assert_ok(provider_foreach(st, PROV_RENDERING, collect_provider, &ids));
	assert_int_equal(ids.n, 1);
	assert_int_equal(ids.v[0], r1);
	ids.n = 0;
	assert_ok(provider_foreach(st, PROVIDER_ANY, collect_provider, &ids));
	assert_int_equal(ids.n, 3);
	assert_true(ids.v[0] < ids.v[1] && ids.v[1] < ids.v[2]);

	assert_ok(provider_get(st, ref, &got));
	SCPY(got.first, "Jordan");
	got.active = false;
	assert_ok(provider_update(st, &got));
	assert_ok(provider_get(st, ref, &p));
	assert_string_equal(p.first, "Jordan");
	assert_false(p.active);
	got.id = 999;
	assert_int_equal(provider_update(st, &got), MB_NOTFOUND);

	fx_provider(&p, PROV_FACILITY);
	SCPY(p.addr.zip, "62702");
	assert_int_equal(provider_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'address ZIP': '62702' needs its 4-digit extension (ZIP+4)");
	fx_provider(&p, PROV_RENDERING);
	SCPY(p.npi, "1679576723");
	assert_int_equal(provider_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'npi': '1679576723' fails its check digit");
	fx_provider(&p, PROV_RENDERING);
	p.taxonomy[0] = '\0';
	assert_int_equal(provider_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'taxonomy' is required");
	fx_provider(&p, PROV_REFERRING);
	p.taxonomy[0] = '\0';
	assert_ok(provider_add(st, &p));

	assert_ok(provider_kind_parse("facility", &k, "kind"));
	assert_int_equal(k, PROV_FACILITY);
	assert_int_equal(provider_kind_parse("nurse", &k, "kind"), MB_ERROR);
	assert_string_equal(error_last(), "'kind': 'nurse' is not rendering, referring or facility");
	assert_string_equal(provider_kind_name(PROV_REFERRING), "referring");
	test_store_close(st, path);
}

static void test_payers(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct payer p, got;
	int64_t mb, bc;
	int n = 0;

	mb = fx_add_payer(st, "00430", "MB");
	bc = fx_add_payer(st, "bcbs1", "bl");
	assert_ok(payer_get(st, bc, &got));
	assert_string_equal(got.payer_id, "BCBS1");
	assert_string_equal(got.filing_code, "BL");
	assert_int_equal(got.timely_days, 365);
	assert_ok(payer_get_by_payer_id(st, "00430", &got));
	assert_int_equal(got.id, mb);
	assert_int_equal(payer_get_by_payer_id(st, "NOPE", &got), MB_NOTFOUND);

	fx_payer(&p, "00430", "MC");
	assert_int_equal(payer_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'payer id': '00430' is already used by payer 1");
	fx_payer(&p, "X1", "09");
	assert_int_equal(payer_add(st, &p), MB_ERROR);
	assert_non_null(strstr(error_last(), "'filing code': '09' is not a claim filing indicator code"));
	fx_payer(&p, "X1", "CI");
	p.timely_days = -5;
	assert_int_equal(payer_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'timely days': -5 is not between 1 and 3650");
	fx_payer(&p, "X1", "CI");
	p.receiver = 4;
	assert_int_equal(payer_add(st, &p), MB_ERROR);
	assert_string_equal(error_last(), "'receiver': no receiver 4");

	assert_ok(payer_get(st, mb, &got));
	got.timely_days = 90;
	assert_ok(payer_update(st, &got));
	assert_ok(payer_get(st, mb, &p));
	assert_int_equal(p.timely_days, 90);
	SCPY(got.payer_id, "BCBS1");
	assert_int_equal(payer_update(st, &got), MB_ERROR);
	assert_non_null(strstr(error_last(), "already used by payer 2"));
	assert_ok(payer_foreach(st, (payer_fn)count_rows, &n));
	assert_int_equal(n, 2);
	test_store_close(st, path);
}

struct fee_seen {
	char codes[8][6];
	int n;
};

static int collect_fee(const struct fee *f, void *arg)
{
	struct fee_seen *s = arg;

	SCPY(s->codes[s->n++], f->code);
	return MB_OK;
}

static void test_fees(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct fee f = { 0 }, got;
	struct fee_expected e = { 0 }, eg;
	struct fee_seen seen = { .n = 0 };
	int changed = -1, n = 0;
	int64_t mb;

	SCPY(f.code, "99214");
	f.fee = 17500;
	assert_ok(fee_set(st, &f, &changed));
	assert_int_equal(changed, 1);
	memset(&f, 0, sizeof(f));
	SCPY(f.code, "99213");
	f.fee = 12000;
	SCPY(f.description, "office visit, established");
	assert_ok(fee_set(st, &f, &changed));
	assert_int_equal(changed, 1);
	memset(&f.created, 0, sizeof(f.created));
	assert_ok(fee_set(st, &f, &changed));
	assert_int_equal(changed, 0);
	f.fee = 12500;
	assert_ok(fee_set(st, &f, &changed));
	assert_int_equal(changed, 1);
	assert_ok(fee_get(st, "99213", &got));
	assert_int_equal(got.fee, 12500);
	assert_string_equal(got.description, "office visit, established");
	assert_int_equal(fee_get(st, "99215", &got), MB_NOTFOUND);
	assert_ok(fee_foreach(st, collect_fee, &seen));
	assert_int_equal(seen.n, 2);
	assert_string_equal(seen.codes[0], "99213");
	assert_string_equal(seen.codes[1], "99214");

	f.fee = 0;
	assert_int_equal(fee_set(st, &f, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'fee': 0.00 for '99213' is not greater than 0");
	SCPY(f.code, "9921");
	f.fee = 100;
	assert_int_equal(fee_set(st, &f, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'code': '9921' is not a CPT or HCPCS code"));

	mb = fx_add_payer(st, "00430", "MB");
	SCPY(e.code, "99213");
	e.payer = mb;
	e.expected = 9000;
	assert_ok(fee_expected_set(st, &e, &changed));
	assert_int_equal(changed, 1);
	assert_ok(fee_expected_set(st, &e, &changed));
	assert_int_equal(changed, 0);
	assert_ok(fee_expected_get(st, "99213", mb, &eg));
	assert_int_equal(eg.expected, 9000);
	assert_int_equal(fee_expected_get(st, "99214", mb, &eg), MB_NOTFOUND);
	SCPY(e.code, "J1100");
	assert_int_equal(fee_expected_set(st, &e, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'code': 'J1100' has no fee in the schedule");
	SCPY(e.code, "99213");
	e.payer = 55;
	assert_int_equal(fee_expected_set(st, &e, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'payer': no payer 55");
	e.payer = mb;
	e.expected = -1;
	assert_int_equal(fee_expected_set(st, &e, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'expected': -0.01 for '99213' is negative");
	assert_ok(fee_expected_foreach(st, (fee_expected_fn)count_rows, &n));
	assert_int_equal(n, 1);
	test_store_close(st, path);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_fee_import(void **state)
{
	char path[64], csv[80];
	struct store *st = test_store_open(path);
	struct fee_import r;
	struct fee f;
	struct fee_expected e;
	int64_t mb = fx_add_payer(st, "00430", "MB");

	snprintf(csv, sizeof(csv), "%s.csv", path);
	write_file(csv, "Code,Fee,Payer_ID,Expected,Description\r\n"
		   "99213,120.00,,,visit\r\n"
		   "99213,120,00430,85.5,\r\n"
		   "\r\n"
		   " g0008 , 25 ,,,\r\n");
	fee_import_init(&r);
	assert_ok(fee_import_csv(st, csv, &r));
	assert_int_equal(r.rows, 3);
	assert_int_equal(r.fees_changed, 2);
	assert_int_equal(r.expected_changed, 1);
	assert_int_equal(r.bad, 0);
	fee_import_release(&r);
	assert_ok(fee_get(st, "G0008", &f));
	assert_int_equal(f.fee, 2500);
	assert_ok(fee_get(st, "99213", &f));
	assert_string_equal(f.description, "visit");
	assert_ok(fee_expected_get(st, "99213", mb, &e));
	assert_int_equal(e.expected, 8550);

	/* again: nothing changes */
	fee_import_init(&r);
	assert_ok(fee_import_csv(st, csv, &r));
	assert_int_equal(r.fees_changed, 0);
	assert_int_equal(r.expected_changed, 0);
	fee_import_release(&r);

	/* one good row and two bad: nothing is written, both bad lines are named */
	write_file(csv, "code,fee\n99214,99\n99215,x\n99216,\n");
	fee_import_init(&r);
	assert_int_equal(fee_import_csv(st, csv, &r), MB_ERROR);
	assert_int_equal(r.bad, 2);
	assert_int_equal(r.fees_changed, 0);
	assert_string_equal(strbuf_str(&r.errors), "line 3: 'fee': 'x' is not an amount\n"
			    "line 4: 'fee' is required\n");
	assert_non_null(strstr(error_last(), "2 bad rows: nothing imported"));
	fee_import_release(&r);
	assert_int_equal(fee_get(st, "99214", &f), MB_NOTFOUND);

	/* values longer than their fields are refused, never cut */
	write_file(csv, "code,fee,description\n992130,1,x\n99213,1,"
		   "12345678901234567890123456789012345678901234567890123456789012345678901234567890X\n");
	fee_import_init(&r);
	assert_int_equal(fee_import_csv(st, csv, &r), MB_ERROR);
	assert_string_equal(strbuf_str(&r.errors),
			    "line 2: 'code': '992130' is not a CPT or HCPCS code (5 digits, 4 digits "
			    "and F, T or U, or a letter and 4 digits)\n"
			    "line 3: 'description' is longer than 80 characters\n");
	fee_import_release(&r);
	unlink(csv);
	test_store_close(st, path);
}

/* Past 50 bad rows the messages stop but the count goes on. */
static void test_fee_import_many_bad(void **state)
{
	char path[64], csv[80];
	struct store *st = test_store_open(path);
	struct fee_import r;
	FILE *f;
	int i, lines = 0;
	const char *p;

	snprintf(csv, sizeof(csv), "%s.csv", path);
	f = fopen(csv, "w");
	assert_non_null(f);
	fputs("code,fee\n", f);
	for (i = 0; i < 70; i++)
		fprintf(f, "9921%d,1\n", i);
	fclose(f);
	fee_import_init(&r);
	assert_int_equal(fee_import_csv(st, csv, &r), MB_ERROR);
	assert_int_equal(r.bad, 60);	/* 99210..99219 are good */
	for (p = strbuf_str(&r.errors); *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 50);
	fee_import_release(&r);
	unlink(csv);
	test_store_close(st, path);
}

static void test_counts(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct practice_counts c;

	fx_add_provider(st, PROV_RENDERING);
	fx_add_payer(st, "00430", "MB");
	fx_add_payer(st, "00431", "MC");
	fx_add_patient(st, "Sample", "Pat");
	assert_ok(practice_counts(st, &c));
	assert_int_equal(c.providers, 1);
	assert_int_equal(c.payers, 2);
	assert_int_equal(c.patients, 1);
	assert_int_equal(c.encounters, 0);
	test_store_close(st, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_practice_save_get),
		cmocka_unit_test(test_practice_given_stamps),
		cmocka_unit_test(test_practice_bad),
		cmocka_unit_test(test_settings_and_receivers),
		cmocka_unit_test(test_providers),
		cmocka_unit_test(test_payers),
		cmocka_unit_test(test_fees),
		cmocka_unit_test(test_fee_import),
		cmocka_unit_test(test_fee_import_many_bad),
		cmocka_unit_test(test_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
