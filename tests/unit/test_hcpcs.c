/*
 * test_hcpcs.c: the CMS HCPCS fixed-width reader on a few real records
 * (tests/data/hcpcs_2019_sample.txt, from the 2019 file), on the whole 2019
 * file, and on damaged files.
 */
#include "testutil.h"

#include "medbill/hcpcs.h"

#define SAMPLE "tests/data/hcpcs_2019_sample.txt"
#define FULL "data/HCPC2019_CONTR_ANWEB.txt.gz"

struct got {
	int n;
	struct hcpcs_entry e[16];
	char longd[16][600];
	char shortd[16][40];
};

static int keep(const struct hcpcs_entry *e, void *arg)
{
	struct got *g = arg;

	if (g->n < 16) {
		g->e[g->n] = *e;
		SCPY(g->longd[g->n], e->long_desc);
		SCPY(g->shortd[g->n], e->short_desc);
	}
	g->n++;
	return MB_OK;
}

static int find(const struct got *g, const char *code)
{
	int i;

	for (i = 0; i < g->n && i < 16; i++)
		if (!strcmp(g->e[i].code, code))
			return i;
	fail_msg("no '%s'", code);
	return -1;
}

static void test_sample_records(void **state)
{
	struct got *g = calloc(1, sizeof(*g));
	struct hcpcs_stats st;
	int i;

	assert_int_equal(hcpcs_parse(SAMPLE, keep, g, NULL, NULL, &st), MB_OK);
	assert_int_equal(st.lines, 30);
	assert_int_equal(st.records, 22);
	assert_int_equal(st.skipped, 8);	/* the CMS disclaimer lines at the top */
	assert_int_equal(st.procedures, 6);
	assert_int_equal(st.modifiers, 3);
	assert_int_equal(st.year, 2019);
	assert_int_equal(g->n, 9);

	i = find(g, "A4206");
	assert_false(g->e[i].modifier);
	assert_string_equal(g->longd[i], "Syringe with needle, sterile, 1 cc or less, each");
	assert_string_equal(g->shortd[i], "1 cc sterile syringe&needle");
	assert_int_equal(g->e[i].added, 19850101);
	assert_int_equal(g->e[i].terminated, 0);
	assert_int_equal(g->e[i].coverage, 'C');

	/* continuations joined, including the 2019 file's short continuation record */
	i = find(g, "G8891");
	assert_string_equal(g->longd[i], "Documentation of medical reason(s) for most recent ldl-c not "
			    "under control (e.g., patients with palliative goals for whom treatment of "
			    "hypertension with standard treatment goals is not clinically appropriate)");
	assert_int_equal(g->e[i].terminated, 20141231);
	i = find(g, "V5336");
	assert_string_equal(g->longd[i], "Repair/modification of augmentative communicative system "
			    "or device (excludes adaptive hearing aid)");
	i = find(g, "A4563");
	assert_int_equal(g->e[i].action, 'A');
	assert_int_equal(g->e[i].added, 20190101);

	/* modifiers: code in columns 4-5 */
	i = find(g, "XE");
	assert_true(g->e[i].modifier);
	assert_string_equal(g->longd[i], "Separate encounter, a service that is distinct because it "
			    "occurred during a separate encounter");
	assert_int_equal(g->e[i].added, 20150101);
	i = find(g, "TC");
	assert_true(g->e[i].modifier);
	assert_non_null(strstr(g->longd[i], "portable x-ray suppliers will then be used to build "
			       "customary and prevailing profiles"));
	free(g);
}

static int count(const struct hcpcs_entry *e, void *arg)
{
	(*(long *)arg)++;
	return MB_OK;
}

static void test_full_file(void **state)
{
	struct hcpcs_stats st;
	long n = 0;

	assert_int_equal(hcpcs_parse(FULL, count, &n, NULL, NULL, &st), MB_OK);
	assert_int_equal(st.procedures, 6440);
	assert_int_equal(st.modifiers, 360);
	assert_int_equal(n, 6800);
	assert_int_equal(st.records, 11622);
	assert_int_equal(st.skipped, 8);
	assert_int_equal(st.year, 2019);
}

/* A record: code, record id, long and short descriptions, dates; 320 bytes. */
static void record(char out[HCPCS_RECORD_LEN + 3], const char *code, char id, const char *longd,
		   const char *shortd, const char *added, const char *term)
{
	memset(out, ' ', HCPCS_RECORD_LEN);
	memcpy(out, code, strlen(code));
	memcpy(out + 5, id == '3' || id == '7' ? "00100" : "00200", 5);
	out[10] = id;
	memcpy(out + 11, longd, strlen(longd));
	memcpy(out + 91, shortd, strlen(shortd));
	memcpy(out + 268, added, strlen(added));
	memcpy(out + 284, term, strlen(term));
	memcpy(out + HCPCS_RECORD_LEN, "\r\n", 3);
}

static void write_lines(const char *path, const char *const *lines, size_t n)
{
	FILE *f = fopen(path, "wb");
	size_t i;

	assert_non_null(f);
	for (i = 0; i < n; i++)
		fputs(lines[i], f);
	fclose(f);
}

static void test_latin1_to_utf8(void **state)
{
	char path[] = "/tmp/medbill-hcpcs-XXXXXX";
	char r1[HCPCS_RECORD_LEN + 3];
	const char *lines[1] = { r1 };
	struct got *g = calloc(1, sizeof(*g));
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	record(r1, "Z9999", '3', "Caf\xe9 test device, \xbd unit", "Caf\xe9 device", "20190101", "");
	write_lines(path, lines, 1);
	assert_int_equal(hcpcs_parse(path, keep, g, NULL, NULL, NULL), MB_OK);
	assert_int_equal(g->n, 1);
	assert_string_equal(g->longd[0], "Caf\xc3\xa9 test device, \xc2\xbd unit");
	assert_string_equal(g->shortd[0], "Caf\xc3\xa9 device");
	unlink(path);
	free(g);
}

static void expect_error(const char *const *lines, size_t n, const char *want)
{
	char path[] = "/tmp/medbill-hcpcs-XXXXXX";
	long count_ = 0;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	write_lines(path, lines, n);
	assert_int_equal(hcpcs_parse(path, count, &count_, NULL, NULL, NULL), MB_ERROR);
	if (!strstr(error_last(), want))
		fail_msg("got '%s', wanted '%s'", error_last(), want);
	unlink(path);
}

static void test_bad_records(void **state)
{
	char a[HCPCS_RECORD_LEN + 3], b[HCPCS_RECORD_LEN + 3], c[HCPCS_RECORD_LEN + 3];
	char shortrec[HCPCS_RECORD_LEN + 3], longrec[HCPCS_RECORD_LEN + 8];
	const char *lines[4];

	record(a, "A0001", '3', "First code", "First", "20190101", "");
	record(b, "A0002", '3', "Second code", "Second", "20190101", "");
	record(c, "A0009", '4', "continues a code that is not there", "", "", "");

	/* a first record of the wrong length, named by its line */
	memcpy(shortrec, b, 300);
	memcpy(shortrec + 300, "\r\n", 3);
	lines[0] = a;
	lines[1] = shortrec;
	expect_error(lines, 2, "line 2: a record of 300 bytes, expected 320");
	/* too long */
	memcpy(longrec, b, HCPCS_RECORD_LEN);
	memcpy(longrec + HCPCS_RECORD_LEN, "XXXX\r\n", 7);
	lines[1] = longrec;
	expect_error(lines, 2, "line 2: a record of 324 bytes, expected 320");
	/* a continuation of another code */
	lines[1] = c;
	expect_error(lines, 2, "line 2: a continuation record for 'A0009' that does not follow");
	/* a line that is not a record between records */
	lines[1] = "this is not a record\r\n";
	lines[2] = b;
	expect_error(lines, 3, "line 2: not a HCPCS record, but records follow it");
	/* a bad date */
	memcpy(b + 268, "20191399", 8);
	lines[1] = b;
	expect_error(lines, 2, "line 2: code 'A0002': 'added' is not a date");
	/* no records at all */
	lines[0] = "just some text\r\n";
	expect_error(lines, 1, "holds no HCPCS records");
}

static void test_truncated_gzip(void **state)
{
	char path[64];
	FILE *in = fopen(FULL, "rb"), *out;
	char *buf = malloc(200000);
	size_t n;
	long c = 0;

	assert_non_null(in);
	n = fread(buf, 1, 200000, in);
	fclose(in);
	assert_int_equal(n, 200000);
	snprintf(path, sizeof(path), "/tmp/medbill-hcpcs-%d.txt.gz", (int)getpid());
	out = fopen(path, "wb");
	assert_non_null(out);
	fwrite(buf, 1, n, out);
	fclose(out);
	assert_int_equal(hcpcs_parse(path, count, &c, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "gzip data is truncated or damaged"));
	assert_non_null(strstr(error_last(), "line "));
	unlink(path);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_records),
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_latin1_to_utf8),
		cmocka_unit_test(test_bad_records),
		cmocka_unit_test(test_truncated_gzip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
