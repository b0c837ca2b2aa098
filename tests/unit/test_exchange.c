/* test_exchange.c: the whole practice in and out of the XML exchange format. */
#include "testutil.h"
#include "medbill/exchange.h"
#include "medbill/batch.h"
#include "medbill/patient.h"
#include "medbill/scrub.h"

#define FIXTURE "tests/data/xml-practice.xml"

static char *slurp(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)*len + 1);
	assert_int_equal(fread(buf, 1, (size_t)*len, f), (size_t)*len);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void test_import_export(void **state)
{
	char path[64], out[80];
	struct store *st = test_store_open(path);
	struct xmlx_counts n;
	struct patient p;
	char *want, *got;
	long wl, gl;

	assert_int_equal(exchange_check_empty(st), MB_OK);
	if (exchange_import_xml(st, FIXTURE, &n) != MB_OK)
		fail_msg("import: %s", error_last());
	assert_int_equal(n.patients, 4);
	assert_int_equal(n.charges, 6);
	assert_int_equal(n.events, 7);
	assert_int_equal(n.ledger, 17);
	/* Ids and stamps are the file's. */
	assert_int_equal(patient_get(st, 2, &p), MB_OK);
	assert_int_equal(p.guarantor, 3);
	assert_string_equal(p.updated.at, "2026-04-10T16:30:00Z");

	snprintf(out, sizeof(out), "%s.xml", path);
	assert_int_equal(exchange_export_xml(st, out, &n), MB_OK);
	assert_int_equal(n.expected, 6);
	want = slurp(FIXTURE, &wl);
	got = slurp(out, &gl);
	assert_int_equal(gl, wl);
	assert_memory_equal(got, want, (size_t)wl);
	free(want);
	free(got);
	unlink(out);

	/* Now it holds data: a second import is refused before reading. */
	assert_int_equal(exchange_import_xml(st, FIXTURE, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "already holds a practice"));
	test_store_close(st, path);
}

static void test_failure_leaves_nothing(void **state)
{
	char path[64], bad[80];
	struct store *st = test_store_open(path);
	long len;
	char *text = slurp(FIXTURE, &len), *p;
	FILE *f;

	/* Break the last ledger row: everything before it must go too. */
	p = strstr(text, "<kind>refund</kind>");
	assert_non_null(p);
	p = strstr(p, "<charge>6</charge>");
	memcpy(p, "<charge>8</charge>", 18);
	snprintf(bad, sizeof(bad), "%s.bad.xml", path);
	f = fopen(bad, "wb");
	assert_non_null(f);
	fwrite(text, 1, (size_t)len, f);
	fclose(f);
	free(text);

	assert_int_equal(exchange_import_xml(st, bad, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'entry' id 17: 'charge': no charge line 8 earlier in the file"));
	assert_int_equal(strncmp(error_last(), "line ", 5), 0);
	assert_false(store_in_transaction(st));
	assert_int_equal(exchange_check_empty(st), MB_OK);
	unlink(bad);
	test_store_close(st, path);
}

/* The counters, by submitter. */
struct counters {
	struct batch_counter c[4];
	int n;
};

static int collect_counter(const struct batch_counter *c, void *arg)
{
	struct counters *k = arg;

	assert_true(k->n < 4);
	k->c[k->n++] = *c;
	return 0;
}

static void a_batch(struct batch *b, int64_t id, const char *sub, int64_t isa13, int64_t st02_last)
{
	memset(b, 0, sizeof(*b));
	b->id = id;
	b->receiver = 1;
	SCPY(b->submitter, sub);
	b->usage = 'P';
	b->isa13 = isa13;
	b->gs06 = isa13;
	b->st02_first = 1;
	b->st02_last = st02_last;
	b->status = BATCH_SENT;
	SCPY(b->path, "/srv/out/a.x12");
	SCPY(b->tmp_path, "/srv/out/.a.x12.tmp");
	b->claims = 1;
	b->lines = 1;
	b->total = 12500;
	SCPY(b->created.by, "clerk");
	SCPY(b->created.at, "2026-10-01T10:00:00Z");
	SCPY(b->sent_at, "2026-10-01T10:00:01Z");
}

/* The claim builder's records: checks, inserts, counters that never go back. */
static void test_batches(void **state)
{
	char path[64], out[80];
	struct store *st = test_store_open(path);
	struct batch_counter c = { "ZZ:AHEAD", 10, 10, 10, { "clerk", "2026-10-01T10:00:00Z" } };
	struct batch_claim bc = { 1, 1, 2, 999, "PCN-1", '1', 1, 12500 };
	struct batch_set bs = { 1, 2, "B1T1", 1, 31 };
	struct scrub_finding f = { 0 };
	struct xmlx_counts n;
	struct counters k = { 0 };
	struct batch b;

	if (exchange_import_xml(st, FIXTURE, NULL) != MB_OK)
		fail_msg("import: %s", error_last());
	assert_int_equal(store_begin(st), MB_OK);

	/* A counter ahead of its batches stays where it is. */
	assert_int_equal(batch_counter_import(st, &c), MB_OK);
	assert_int_equal(batch_counter_import(st, &c), MB_ERROR);
	assert_string_equal(error_last(), "'submitter': 'ZZ:AHEAD' is given twice");
	a_batch(&b, 1, "ZZ:AHEAD", 3, 4);
	assert_int_equal(batch_import(st, &b), MB_OK);
	/* A submitter with batches and no counter gets one at its highest. */
	a_batch(&b, 2, "ZZ:BEHIND", 7, 9);
	assert_int_equal(batch_import(st, &b), MB_OK);
	a_batch(&b, 3, "ZZ:BEHIND", 7, 9);
	assert_int_equal(batch_import(st, &b), MB_ERROR);
	assert_string_equal(error_last(), "'isa13': batch 2 of submitter 'ZZ:BEHIND' used 7 already");
	a_batch(&b, 3, "ZZ:BEHIND", 8, 9);
	b.receiver = 42;
	assert_int_equal(batch_import(st, &b), MB_ERROR);
	assert_string_equal(error_last(), "'receiver': no receiver 42 earlier in the file");
	a_batch(&b, 2, "ZZ:BEHIND", 8, 9);
	assert_int_equal(batch_import(st, &b), MB_ERROR);
	assert_string_equal(error_last(), "'id': batch 2 is given twice");
	a_batch(&b, 3, "ZZ:BEHIND", 1000000000, 9);
	assert_int_equal(batch_import(st, &b), MB_ERROR);
	assert_string_equal(error_last(), "'isa13': 1000000000 is not from 1 to 999999999");

	assert_int_equal(batch_set_import(st, &bs), MB_OK);
	assert_int_equal(batch_set_import(st, &bs), MB_ERROR);
	assert_string_equal(error_last(), "'st02' 2 of batch 1 or 'bht03' 'B1T1' is given twice");
	bs.st02 = 5;
	assert_int_equal(batch_set_import(st, &bs), MB_ERROR);
	assert_string_equal(error_last(), "'st02': 5 is outside the ST02 numbers 1 to 4 of batch 1");

	assert_int_equal(batch_claim_import(st, &bc), MB_ERROR);
	assert_string_equal(error_last(), "'claim': no claim 999 earlier in the file");
	bc.claim = 1;
	bc.frequency = '3';
	assert_int_equal(batch_claim_import(st, &bc), MB_ERROR);
	assert_string_equal(error_last(), "'frequency': '3' is not 1, 7 or 8");
	bc.frequency = '1';
	assert_int_equal(batch_claim_import(st, &bc), MB_OK);
	assert_int_equal(batch_claim_import(st, &bc), MB_ERROR);
	assert_string_equal(error_last(), "'seq': claim 1 of batch 1 is given twice");

	f.claim = 1;
	f.seq = 1;
	SCPY(f.code, "POS");
	f.severity = SCRUB_OFF;
	assert_int_equal(scrub_finding_import(st, &f), MB_ERROR);
	assert_string_equal(error_last(), "'severity': a finding is an error or a warning");
	f.severity = SCRUB_WARNING;
	assert_int_equal(scrub_finding_import(st, &f), MB_OK);

	assert_int_equal(batch_counters_restore(st), MB_OK);
	assert_int_equal(batch_counter_each(st, collect_counter, &k), MB_OK);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.c[0].submitter, "ZZ:AHEAD");
	assert_int_equal(k.c[0].isa13, 10);
	assert_int_equal(k.c[0].st02, 10);
	assert_string_equal(k.c[0].updated.by, "clerk");
	assert_string_equal(k.c[1].submitter, "ZZ:BEHIND");
	assert_int_equal(k.c[1].isa13, 7);
	assert_int_equal(k.c[1].gs06, 7);
	assert_int_equal(k.c[1].st02, 9);
	assert_int_equal(store_commit(st), MB_OK);

	/* They are exported, and the database is no longer empty. */
	snprintf(out, sizeof(out), "%s.xml", path);
	assert_int_equal(exchange_export_xml(st, out, &n), MB_OK);
	assert_int_equal(n.counters, 2);
	assert_int_equal(n.batches, 2);
	assert_int_equal(n.batch_sets, 1);
	assert_int_equal(n.batch_claims, 1);
	assert_int_equal(n.findings, 1);
	test_store_close(st, path);

	/* And they come back into an empty database as they were. */
	st = test_store_open(path);
	if (exchange_import_xml(st, out, &n) != MB_OK)
		fail_msg("import: %s", error_last());
	assert_int_equal(n.batches, 2);
	memset(&k, 0, sizeof(k));
	assert_int_equal(batch_counter_each(st, collect_counter, &k), MB_OK);
	assert_int_equal(k.n, 2);
	assert_int_equal(k.c[0].isa13, 10);
	assert_int_equal(k.c[1].st02, 9);
	assert_int_equal(batch_get(st, 2, &b), MB_OK);
	assert_string_equal(b.sent_at, "2026-10-01T10:00:01Z");
	assert_int_equal(b.total, 12500);
	assert_int_equal(exchange_import_xml(st, out, NULL), MB_ERROR);
	unlink(out);
	test_store_close(st, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_export),
		cmocka_unit_test(test_failure_leaves_nothing),
		cmocka_unit_test(test_batches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
