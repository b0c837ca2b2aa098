/* test_x12check.c: the checker's API: summary, callbacks, severities, across files. */
#include "testutil.h"
#include "medbill/x12check.h"

#define GOLDEN "tests/data/x837/golden.837"

struct seen {
	int n;
	char line[8][256];
	enum x12c_severity sev[8];
	int calls;
	mbdate_t dates[16];
	int ndates;
};

static void record(void *ctx, const struct x12c_problem *p)
{
	struct seen *s = ctx;

	if (s->n < 8) {
		snprintf(s->line[s->n], sizeof(s->line[0]), "%s:%ld: %s*%02d: %s", p->file, p->segno,
			 p->seg, p->elem, p->msg);
		s->sev[s->n] = p->severity;
	}
	s->n++;
}

/* R509 is "not billable"; every other code is unknown (-1). */
static int fake_billable(void *ctx, const char *code, mbdate_t dos, char *why, size_t n)
{
	struct seen *s = ctx;
	int i;

	s->calls++;
	for (i = 0; i < s->ndates; i++)
		if (s->dates[i] == dos)
			break;
	if (i == s->ndates && s->ndates < 16)
		s->dates[s->ndates++] = dos;
	if (strcmp(code, "R509"))
		return -1;
	snprintf(why, n, "test says no");
	return 0;
}

static char *slurp(size_t *len)
{
	FILE *f = fopen(GOLDEN, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static int check_mem(const char *data, size_t len, const char *name,
		     const struct x12c_options *o, struct x12c_across *across,
		     struct x12c_summary *sum)
{
	FILE *f = fmemopen((void *)data, len, "r");
	int rc;

	assert_non_null(f);
	rc = across ? x12check_file_across(f, name, o, across, sum) : x12check_file(f, name, o, sum);
	fclose(f);
	return rc;
}

static void test_summary(void **state)
{
	size_t len;
	char *g = slurp(&len);
	struct seen s = { 0 };
	struct x12c_options o = { record, &s, NULL, NULL };
	struct x12c_summary sum;

	assert_int_equal(check_mem(g, len, "g.837", &o, NULL, &sum), MB_OK);
	assert_int_equal(s.n, 0);
	assert_int_equal(sum.errors, 0);
	assert_int_equal(sum.warnings, 0);
	assert_int_equal(sum.segments, 211);
	assert_int_equal(sum.interchanges, 1);
	assert_int_equal(sum.groups, 1);
	assert_int_equal(sum.sets, 2);
	assert_int_equal(sum.claims, 7);
	assert_int_equal(sum.bytes, len);
	/* No callback at all is fine, and sum may be NULL. */
	assert_int_equal(check_mem(g, len, "g.837", NULL, NULL, NULL), MB_OK);
	free(g);
}

static void test_billable_callback(void **state)
{
	size_t len;
	char *g = slurp(&len);
	struct seen s = { 0 };
	struct x12c_options o = { record, &s, fake_billable, &s };
	struct x12c_summary sum;

	assert_int_equal(check_mem(g, len, "g.837", &o, NULL, &sum), MB_OK);
	/* R509 is on claims A, C and D (C and D only carry one line, same date). */
	assert_int_equal(sum.errors, 3);
	assert_int_equal(s.sev[0], X12C_ERROR);
	assert_string_equal(s.line[0],
			    "g.837:27: HI*02: diagnosis 2 is not billable on 2026-11-02: test says no");
	/* Each code was asked about each date of service of its claim. */
	assert_true(s.calls >= 2 + 12 + 12 + 1);
	assert_int_equal(s.ndates, 3);
	free(g);
}

static void test_old_transactions_warn(void **state)
{
	size_t len;
	char *g = slurp(&len);
	char *bht = strstr(g, "*B20261126-1*20261126*");
	struct seen s = { 0 };
	struct x12c_options o = { record, &s, fake_billable, &s };
	struct x12c_summary sum;

	assert_non_null(bht);
	memcpy(bht + strlen("*B20261126-1*"), "2006", 4);
	assert_int_equal(check_mem(g, len, "g.837", &o, NULL, &sum), MB_OK);
	/* The first transaction is "from 2006": its data edit is a warning; the
	 * second transaction (2026) still errs. */
	assert_int_equal(sum.warnings, 1);
	assert_int_equal(sum.errors, 2);
	assert_int_equal(s.sev[0], X12C_WARNING);
	free(g);
}

static void test_across_files(void **state)
{
	size_t len;
	char *g = slurp(&len);
	struct seen s = { 0 };
	struct x12c_options o = { record, &s, NULL, NULL };
	struct x12c_across *a = x12c_across_new();
	struct x12c_summary sum;

	assert_int_equal(check_mem(g, len, "first.837", &o, a, &sum), MB_OK);
	assert_int_equal(s.n, 0);
	assert_int_equal(check_mem(g, len, "second.837", &o, a, &sum), MB_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(sum.warnings, 1);
	assert_int_equal(sum.errors, 0);
	assert_string_equal(s.line[0], "second.837:1: ISA*13: sender HARBORBILL already used "
			    "interchange control number 000001201 in first.837");
	x12c_across_free(a);
	free(g);
}

static void test_not_x12(void **state)
{
	struct seen s = { 0 };
	struct x12c_options o = { record, &s, NULL, NULL };
	struct x12c_summary sum;
	const char *junk = "hello world\n";

	assert_int_equal(check_mem(junk, strlen(junk), "junk", &o, NULL, &sum), MB_OK);
	assert_int_equal(sum.errors, 1);
	assert_string_equal(s.line[0],
			    "junk:1: *00: not an X12 interchange: it does not begin with an ISA segment");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_billable_callback),
		cmocka_unit_test(test_old_transactions_warn),
		cmocka_unit_test(test_across_files),
		cmocka_unit_test(test_not_x12),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
