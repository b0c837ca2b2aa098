/* test_exchange.c: the whole practice in and out of the XML exchange format. */
#include "testutil.h"
#include "medbill/exchange.h"
#include "medbill/patient.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_export),
		cmocka_unit_test(test_failure_leaves_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
