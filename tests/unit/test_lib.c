/* test_lib.c: dates, money, strbuf. */
#include "testutil.h"
#include "medbill/date.h"
#include "medbill/money.h"
#include "medbill/strbuf.h"

static void test_date_parse(void **state)
{
	mbdate_t d;

	assert_int_equal(date_parse("2024-02-29", &d, "dob"), MB_OK);
	assert_int_equal(d, 20240229);
	assert_int_equal(date_parse("20240229", &d, "dob"), MB_OK);
	assert_int_equal(date_parse("2023-02-29", &d, "dob"), MB_ERROR);
	assert_non_null(strstr(error_last(), "'dob'"));
	assert_int_equal(date_parse("2023-13-01", &d, "dob"), MB_ERROR);
	assert_int_equal(date_parse("2023-1-01", &d, "dob"), MB_ERROR);
	assert_int_equal(date_parse("", &d, "dob"), MB_ERROR);
	assert_int_equal(date_parse("2023-01-0x", &d, "dob"), MB_ERROR);
}

static void test_date_math(void **state)
{
	char b[DATE_ISO_LEN], x[DATE_X12_LEN];

	assert_int_equal(date_to_days(19700101), 0);
	assert_int_equal(date_from_days(date_to_days(20261126)), 20261126);
	assert_int_equal(date_add_days(20241231, 1), 20250101);
	assert_int_equal(date_add_days(20240301, -1), 20240229);
	assert_int_equal(date_diff_days(20261126, 20260827), 91);
	assert_int_equal(date_add_months(20240131, 1), 20240229);
	assert_int_equal(date_age(20000227, 20260226), 25);
	assert_int_equal(date_age(20000227, 20260227), 26);
	date_iso(20261126, b);
	assert_string_equal(b, "2026-11-26");
	date_x12(20261126, x);
	assert_string_equal(x, "20261126");
	setenv("MEDBILL_TODAY", "2025-01-02", 1);
	assert_int_equal(date_today(), 20250102);
}

static void test_money(void **state)
{
	cents_t c;
	char b[MONEY_BUF];

	assert_int_equal(money_parse("12.5", &c, "fee"), MB_OK);
	assert_int_equal(c, 1250);
	assert_int_equal(money_parse("-0.05", &c, "fee"), MB_OK);
	assert_int_equal(c, -5);
	assert_int_equal(money_parse("100", &c, "fee"), MB_OK);
	assert_int_equal(c, 10000);
	assert_int_equal(money_parse("1.234", &c, "fee"), MB_ERROR);
	assert_int_equal(money_parse("1.2.3", &c, "fee"), MB_ERROR);
	assert_int_equal(money_parse("abc", &c, "fee"), MB_ERROR);
	assert_non_null(strstr(error_last(), "'fee'"));
	assert_int_equal(money_parse("99999999999999999999", &c, "fee"), MB_ERROR);
	assert_string_equal(money_fmt(123456, b), "1234.56");
	assert_string_equal(money_fmt(-5, b), "-0.05");
	assert_string_equal(money_x12(10000, b), "100");
	assert_string_equal(money_x12(10050, b), "100.5");
	assert_string_equal(money_x12(25, b), "0.25");
	assert_string_equal(money_fmt_grouped(123456789, b), "1,234,567.89");
	assert_string_equal(money_fmt_grouped(-100, b), "-1.00");
}

static void test_strbuf(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	assert_string_equal(strbuf_str(&sb), "");
	for (i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%d,", i);
	assert_int_equal(sb.len, strlen(sb.buf));
	assert_memory_equal(sb.buf, "0,1,2,", 6);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "x");
	strbuf_addch(&sb, 'y');
	assert_string_equal(sb.buf, "xy");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_math),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_strbuf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
