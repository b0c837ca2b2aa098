/* test_validate.c: every format rule with good and bad input. */
#include "testutil.h"
#include "medbill/validate.h"

/* The rule accepts every value in good[] and rejects every value in bad[],
 * with a message that names the field. */
#define GOOD_BAD(fn, good, bad) check_good_bad(#fn, fn, good, ARRAY_SIZE(good), bad, ARRAY_SIZE(bad))

typedef int (*rule_fn)(const char *s, const char *field);

static void check_good_bad(const char *name, rule_fn fn, const char *const *good, size_t ngood,
			   const char *const *bad, size_t nbad)
{
	size_t i;

	for (i = 0; i < ngood; i++)
		if (fn(good[i], "fld") != MB_OK)
			fail_msg("%s rejects '%s': %s", name, good[i], error_last());
	for (i = 0; i < nbad; i++) {
		error_clear();
		if (fn(bad[i], "fld") != MB_ERROR)
			fail_msg("%s accepts '%s'", name, bad[i]);
		if (strncmp(error_last(), "'fld", 4) != 0)
			fail_msg("%s('%s') message does not name the field: %s", name, bad[i], error_last());
	}
}

static void test_npi(void **state)
{
	static const char *const good[] = { "1234567893", "1245319599", "1679576722", "1003000126" };
	static const char *const bad[] = { "1234567890", "123456789", "12345678930", "123456789A",
					   "", "1245319598", "1234-67893" };

	GOOD_BAD(validate_npi, good, bad);
	assert_int_equal(validate_npi("1234567890", "npi"), MB_ERROR);
	assert_string_equal(error_last(), "'npi': '1234567890' fails its check digit");
	assert_int_equal(validate_npi("", "npi"), MB_ERROR);
	assert_string_equal(error_last(), "'npi' is required");
	assert_int_equal(validate_npi(NULL, "npi"), MB_ERROR);
}

static void test_npi_check_digit(void **state)
{
	char npi[11];
	int i;

	assert_int_equal(npi_check_digit("123456789"), '3');
	assert_int_equal(npi_check_digit("124531959"), '9');
	assert_int_equal(npi_check_digit("167957672"), '2');
	assert_int_equal(npi_check_digit("12345678"), '\0');
	assert_int_equal(npi_check_digit("12345678X"), '\0');
	assert_int_equal(npi_check_digit(NULL), '\0');
	/* every generated NPI validates, and every other last digit fails */
	for (i = 0; i < 200; i++) {
		char d;

		snprintf(npi, sizeof(npi), "1%08d", i * 4999);
		npi[9] = npi_check_digit(npi);
		npi[10] = '\0';
		assert_int_equal(validate_npi(npi, "npi"), MB_OK);
		for (d = '0'; d <= '9'; d++) {
			char other[11];

			if (d == npi[9])
				continue;
			memcpy(other, npi, 11);
			other[9] = d;
			assert_int_equal(validate_npi(other, "npi"), MB_ERROR);
		}
	}
}

static void test_ein(void **state)
{
	static const char *const good[] = { "123456789", "010000001" };
	static const char *const bad[] = { "12345678", "1234567890", "12-3456789", "000000000", "",
					   "12345678X" };

	GOOD_BAD(validate_ein, good, bad);
}

static void test_zip(void **state)
{
	static const char *const good[] = { "12345", "123456789", "00501" };
	static const char *const bad[] = { "1234", "123456", "12345-6789", "1234A", "", "1234567890" };
	static const char *const good9[] = { "123456789" };
	static const char *const bad9[] = { "12345", "1234567", "12345678A", "" };

	GOOD_BAD(validate_zip, good, bad);
	GOOD_BAD(validate_zip9, good9, bad9);
	assert_int_equal(validate_zip9("62701", "zip"), MB_ERROR);
	assert_non_null(strstr(error_last(), "ZIP+4"));
}

static void test_state(void **state)
{
	static const char *const good[] = { "IL", "DC", "PR", "GU", "VI", "AK", "WY", "AE" };
	static const char *const bad[] = { "XX", "il", "I", "ILL", "", "ZZ", "UK" };

	GOOD_BAD(validate_state, good, bad);
}

static void test_sex(void **state)
{
	assert_int_equal(validate_sex('M', "sex"), MB_OK);
	assert_int_equal(validate_sex('F', "sex"), MB_OK);
	assert_int_equal(validate_sex('U', "sex"), MB_OK);
	assert_int_equal(validate_sex('X', "sex"), MB_ERROR);
	assert_string_equal(error_last(), "'sex': 'X' is not M, F or U");
	assert_int_equal(validate_sex('m', "sex"), MB_ERROR);
	assert_int_equal(validate_sex('\0', "sex"), MB_ERROR);
	assert_string_equal(error_last(), "'sex' is required");
}

static void test_phone(void **state)
{
	static const char *const good[] = { "2175550100", "0000000000" };
	static const char *const bad[] = { "217555010", "21755501000", "217-555-0100", "" };

	GOOD_BAD(validate_phone, good, bad);
}

static void test_taxonomy(void **state)
{
	static const char *const good[] = { "207Q00000X", "208D00000X", "261QP2300X", "363LF0000X",
					    "1223G0001X" };
	static const char *const bad[] = { "207Q00000", "207Q00000Y", "A07Q00000X", "207q00000X",
					   "207Q00000XX", "" };

	GOOD_BAD(validate_taxonomy, good, bad);
}

static void test_pos(void **state)
{
	static const char *const good[] = { "11", "22", "02", "99" };
	static const char *const bad[] = { "1", "111", "00", "1A", "" };

	GOOD_BAD(validate_pos, good, bad);
}

static void test_relationship(void **state)
{
	static const char *const good[] = { "18", "01", "19", "20", "21", "39", "40", "53", "G8" };
	static const char *const bad[] = { "17", "g8", "1", "", "SELF" };

	GOOD_BAD(validate_relationship, good, bad);
	assert_string_equal(relationship_name("19"), "child");
	assert_null(relationship_name("99"));
}

static void test_filing_code(void **state)
{
	static const char *const good[] = { "11", "12", "13", "14", "15", "16", "17", "AM", "BL",
					    "CH", "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC",
					    "OF", "TV", "VA", "WC", "ZZ" };
	static const char *const bad[] = { "09", "10", "mb", "XX", "", "MBB" };

	GOOD_BAD(validate_filing_code, good, bad);
	assert_string_equal(filing_code_name("MB"), "Medicare Part B");
	assert_null(filing_code_name("09"));
}

static void test_insurance_type(void **state)
{
	static const char *const good[] = { "12", "13", "14", "15", "16", "41", "42", "43", "47" };
	static const char *const bad[] = { "11", "17", "40", "44", "MB", "1", "120", "" };

	GOOD_BAD(validate_insurance_type, good, bad);
	assert_int_equal(validate_insurance_type("99", "insurance type"), MB_ERROR);
	assert_non_null(strstr(error_last(), "'insurance type': '99'"));
	assert_string_equal(insurance_type_name("12"), "working aged");
	assert_null(insurance_type_name("99"));
	assert_true(filing_is_medicare("MB"));
	assert_true(filing_is_medicare("MA"));
	assert_false(filing_is_medicare("MC"));
	assert_false(filing_is_medicare(""));
	assert_false(filing_is_medicare(NULL));
}

static void test_procedure(void **state)
{
	static const char *const good[] = { "99213", "00100", "0001F", "0042T", "0001U", "J1100",
					    "G0008", "A0425" };
	static const char *const bad[] = { "9921", "992130", "0001X", "99213F", "J110", "JJ100",
					   "j1100", "", "9921A" };

	GOOD_BAD(validate_procedure, good, bad);
}

static void test_modifier(void **state)
{
	static const char *const good[] = { "25", "59", "LT", "RT", "GT", "XE", "F1", "Q5" };
	static const char *const bad[] = { "2", "255", "lt", "-5", "" };

	GOOD_BAD(validate_modifier, good, bad);
}

static void test_icd10(void **state)
{
	static const char *const good[] = { "E119", "J020", "S52521A", "I10", "Z23", "C4A0",
					    "T360X1A", "U071", "M1A00X0" };
	static const char *const bad[] = { "E11.9", "11E9", "E", "E1", "E11999999", "EE19",
					   "e119", "", "E11-9" };

	GOOD_BAD(validate_icd10, good, bad);
	assert_int_equal(validate_icd10("E11.9", "dx"), MB_ERROR);
	assert_non_null(strstr(error_last(), "without its dot"));
}

static void test_ndc(void **state)
{
	static const char *const good[] = { "00002143380", "12345678901" };
	static const char *const bad[] = { "0002-1433-80", "1234567890", "123456789012", "" };

	GOOD_BAD(validate_ndc, good, bad);
}

static void test_text(void **state)
{
	assert_int_equal(validate_text("O'Brien-Smith, Jr.", "name", true), MB_OK);
	assert_int_equal(validate_text("", "name", false), MB_OK);
	assert_int_equal(validate_text("  ", "name", false), MB_OK);
	assert_int_equal(validate_text(NULL, "name", false), MB_OK);
	assert_int_equal(validate_text("", "name", true), MB_ERROR);
	assert_string_equal(error_last(), "'name' is required");
	assert_int_equal(validate_text("A*B", "name", true), MB_ERROR);
	assert_string_equal(error_last(), "'name': '*' is not allowed (it separates X12 data)");
	assert_int_equal(validate_text("A~B", "name", true), MB_ERROR);
	assert_int_equal(validate_text("A^B", "name", true), MB_ERROR);
	assert_int_equal(validate_text("A:B", "name", true), MB_ERROR);
	assert_int_equal(validate_text("A\tB", "name", true), MB_ERROR);
	assert_string_equal(error_last(), "'name' holds a control character");
}

static void test_address(void **state)
{
	struct address a = { "100 Test Way", "", "Springfield", "IL", "627011234" };

	assert_int_equal(validate_address(&a, "address", true), MB_OK);
	SCPY(a.zip, "62701");
	assert_int_equal(validate_address(&a, "address", false), MB_OK);
	assert_int_equal(validate_address(&a, "address", true), MB_ERROR);
	assert_non_null(strstr(error_last(), "'address ZIP'"));
	SCPY(a.state, "QQ");
	assert_int_equal(validate_address(&a, "address", false), MB_ERROR);
	assert_non_null(strstr(error_last(), "'address state'"));
	SCPY(a.state, "IL");
	a.city[0] = '\0';
	assert_int_equal(validate_address(&a, "address", false), MB_ERROR);
	assert_string_equal(error_last(), "'address city' is required");
	SCPY(a.city, "Springfield");
	a.line1[0] = '\0';
	assert_int_equal(validate_address(&a, "pay-to address", false), MB_ERROR);
	assert_string_equal(error_last(), "'pay-to address line 1' is required");
}

static void test_normalize(void **state)
{
	char s[32];
	struct address a = { "  1 Main St ", "", " Town ", "il", "6270-1" };

	SCPY(s, "(217) 555-0100");
	assert_string_equal(normalize_digits(s), "2175550100");
	SCPY(s, "12-3456789");
	assert_string_equal(normalize_digits(s), "123456789");
	SCPY(s, " e11.9 ");
	assert_string_equal(normalize_icd10(s), "E119");
	SCPY(s, "s52.521a");
	assert_string_equal(normalize_icd10(s), "S52521A");
	SCPY(s, " mb ");
	assert_string_equal(normalize_code(s), "MB");
	normalize_address(&a);
	assert_string_equal(a.line1, "1 Main St");
	assert_string_equal(a.city, "Town");
	assert_string_equal(a.state, "IL");
	assert_string_equal(a.zip, "62701");
	assert_false(address_empty(&a));
	memset(&a, 0, sizeof(a));
	assert_true(address_empty(&a));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_npi),
		cmocka_unit_test(test_npi_check_digit),
		cmocka_unit_test(test_ein),
		cmocka_unit_test(test_zip),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_sex),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_taxonomy),
		cmocka_unit_test(test_pos),
		cmocka_unit_test(test_relationship),
		cmocka_unit_test(test_filing_code),
		cmocka_unit_test(test_insurance_type),
		cmocka_unit_test(test_procedure),
		cmocka_unit_test(test_modifier),
		cmocka_unit_test(test_icd10),
		cmocka_unit_test(test_ndc),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_normalize),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
