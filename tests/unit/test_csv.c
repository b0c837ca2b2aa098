/*
 * test_csv.c: the RFC 4180 reader: quoting, line ends, a byte order mark,
 * errors with their line, and the shipped tables.
 */
#include "testutil.h"

#include "medbill/csv.h"

struct rows {
	int n;
	char text[2048];	/* fields joined with '|', rows with ';' */
	long lines[16];
};

static int join(const struct csv_row *row, void *arg)
{
	struct rows *r = arg;
	size_t i, len = strlen(r->text);

	for (i = 0; i < row->nfields; i++)
		len += (size_t)snprintf(r->text + len, sizeof(r->text) - len, "%s%s", i ? "|" : "",
					row->fields[i]);
	snprintf(r->text + len, sizeof(r->text) - len, ";");
	assert_int_equal(row->index, r->n);
	if (r->n < 16)
		r->lines[r->n] = row->line;
	r->n++;
	return MB_OK;
}

static char *temp_with(const char *text)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/medbill-csv-%d.csv", (int)getpid());
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void test_quoting_and_line_ends(void **state)
{
	struct rows r = { 0 };
	uint64_t fp1 = 0, fp2 = 0;
	char *path = temp_with("\xEF\xBB\xBF" "code,description\r\n"
			       "1,plain\r\n"
			       "2,\"with, comma\"\n"
			       "\n"
			       "3,\"say \"\"hi\"\"\"\r\n"
			       "4,\"two\nlines\"\n"
			       "5,,empty middle,\n"
			       "6,last without newline");

	assert_int_equal(csv_parse_file(path, join, &r, &fp1), MB_OK);
	assert_string_equal(r.text, "code|description;1|plain;2|with, comma;3|say \"hi\";"
			    "4|two\nlines;5||empty middle|;6|last without newline;");
	assert_int_equal(r.n, 7);
	assert_int_equal(r.lines[0], 1);
	assert_int_equal(r.lines[3], 5);	/* the blank line 4 is skipped */
	assert_int_equal(r.lines[4], 6);
	assert_int_equal(r.lines[5], 8);	/* row 4 spans lines 6 and 7 */
	memset(&r, 0, sizeof(r));
	assert_int_equal(csv_parse_file(path, join, &r, &fp2), MB_OK);
	assert_true(fp1 == fp2 && fp1 != 0);
	unlink(path);
}

static int fail_on_3(const struct csv_row *row, void *arg)
{
	if (!strcmp(row->fields[0], "3"))
		return error("'code': three is not allowed");
	return MB_OK;
}

static int stop_at_2(const struct csv_row *row, void *arg)
{
	(*(int *)arg)++;
	return !strcmp(row->fields[0], "2") ? 1 : MB_OK;
}

static void test_errors_name_the_line(void **state)
{
	struct rows r = { 0 };
	int seen = 0;
	char *path = temp_with("1,a\n2,b\n3,c\n");
	char want[128];

	snprintf(want, sizeof(want), "'%s' line 3: 'code': three is not allowed", path);
	assert_int_equal(csv_parse_file(path, fail_on_3, NULL, NULL), MB_ERROR);
	assert_string_equal(error_last(), want);
	assert_int_equal(csv_parse_file(path, stop_at_2, &seen, NULL), MB_OK);
	assert_int_equal(seen, 2);

	path = temp_with("1,a\n2,\"open quote\n3,c\n");
	assert_int_equal(csv_parse_file(path, join, &r, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 2: a quoted field has no closing quote"));
	path = temp_with("1,a\n2,\"x\"y\n");
	memset(&r, 0, sizeof(r));
	assert_int_equal(csv_parse_file(path, join, &r, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 2: text after the closing quote of field 2"));
	path = temp_with("1,a\"b\"c\n");
	memset(&r, 0, sizeof(r));
	assert_int_equal(csv_parse_file(path, join, &r, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 1: a quote inside unquoted field 2"));
	unlink(path);
	assert_int_equal(csv_parse_file("/tmp/medbill-no-such.csv", join, &r, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "cannot open '/tmp/medbill-no-such.csv'"));
}

static int header_cols(const struct csv_row *row, void *arg)
{
	int *cols = arg;

	cols[0] = csv_column(row, "Code");
	cols[1] = csv_column(row, "display name");
	cols[2] = csv_column(row, "nothing");
	return 1;
}

static int count_rows(const struct csv_row *row, void *arg)
{
	(*(int *)arg)++;
	return MB_OK;
}

static void test_shipped_tables(void **state)
{
	int cols[3], n = 0;

	assert_int_equal(csv_parse_file("data/codes/nucc_taxonomy_240.csv", header_cols, cols, NULL), MB_OK);
	assert_int_equal(cols[0], 0);
	assert_int_equal(cols[1], 6);
	assert_int_equal(cols[2], -1);
	assert_int_equal(csv_parse_file("data/codes/nucc_taxonomy_240.csv", count_rows, &n, NULL), MB_OK);
	assert_int_equal(n, 875);	/* the header and 874 codes */
	n = 0;
	assert_int_equal(csv_parse_file("data/codes/rarc.csv", count_rows, &n, NULL), MB_OK);
	assert_int_equal(n, 825);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting_and_line_ends),
		cmocka_unit_test(test_errors_name_the_line),
		cmocka_unit_test(test_shipped_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
