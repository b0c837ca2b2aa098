/*
 * validate.c: format rules for identifiers, codes and free text.
 */
#include <stdio.h>
#include <string.h>

#include "medbill/validate.h"
#include "medbill/util.h"

struct code_name {
	const char *code;
	const char *name;
};

static const char *const states[] = {
	"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA",
	"ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS",
	"MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
	"RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
	/* territories and freely associated states */
	"AS", "FM", "GU", "MH", "MP", "PR", "PW", "VI",
	/* armed forces (APO/FPO) */
	"AA", "AE", "AP",
};

static const struct code_name filing_codes[] = {
	{ "11", "other non-federal program" },
	{ "12", "preferred provider organization (PPO)" },
	{ "13", "point of service (POS)" },
	{ "14", "exclusive provider organization (EPO)" },
	{ "15", "indemnity insurance" },
	{ "16", "health maintenance organization (HMO) Medicare risk" },
	{ "17", "dental maintenance organization" },
	{ "AM", "automobile medical" },
	{ "BL", "Blue Cross/Blue Shield" },
	{ "CH", "CHAMPUS" },
	{ "CI", "commercial insurance" },
	{ "DS", "disability" },
	{ "FI", "Federal Employees Program" },
	{ "HM", "health maintenance organization" },
	{ "LM", "liability medical" },
	{ "MA", "Medicare Part A" },
	{ "MB", "Medicare Part B" },
	{ "MC", "Medicaid" },
	{ "OF", "other federal program" },
	{ "TV", "Title V" },
	{ "VA", "Veterans Affairs plan" },
	{ "WC", "workers' compensation" },
	{ "ZZ", "mutually defined" },
};

static const struct code_name relationships[] = {
	{ "01", "spouse" },
	{ "18", "self" },
	{ "19", "child" },
	{ "20", "employee" },
	{ "21", "unknown" },
	{ "39", "organ donor" },
	{ "40", "cadaver donor" },
	{ "53", "life partner" },
	{ "G8", "other relationship" },
};

/* SBR05 in 005010X222A1 when Medicare is not the primary payer. */
static const struct code_name insurance_types[] = {
	{ "12", "working aged" },
	{ "13", "end-stage renal" },
	{ "14", "no-fault, auto" },
	{ "15", "workers' comp" },
	{ "16", "PHS, other federal" },
	{ "41", "black lung" },
	{ "42", "veterans affairs" },
	{ "43", "disabled, LGHP" },
	{ "47", "other liability" },
};

static const char *lookup(const struct code_name *t, size_t n, const char *code)
{
	size_t i;

	if (!code)
		return NULL;
	for (i = 0; i < n; i++)
		if (!strcmp(t[i].code, code))
			return t[i].name;
	return NULL;
}

static int required(const char *s, const char *field)
{
	if (!s || !*s)
		return error("'%s' is required", field);
	return MB_OK;
}

/* Exactly n digits. */
static int digits_exactly(const char *s, size_t n, const char *field, const char *what)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (strlen(s) != n || !str_is_digits(s))
		return error("'%s': '%s' is not %s", field, s, what);
	return MB_OK;
}

static bool is_upper_alnum(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Luhn sum of "80840" followed by the digits of s (the check digit excluded). */
static int npi_luhn_sum(const char *s, size_t n, bool double_rightmost)
{
	int sum = 24;		/* the constant contribution of "80840" */
	bool dbl = double_rightmost;
	size_t i;

	for (i = n; i-- > 0;) {
		int d = s[i] - '0';

		if (dbl) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
		dbl = !dbl;
	}
	return sum;
}

char npi_check_digit(const char *first9)
{
	if (!first9 || strlen(first9) != 9 || !str_is_digits(first9))
		return '\0';
	return (char)('0' + (10 - npi_luhn_sum(first9, 9, true) % 10) % 10);
}

int validate_npi(const char *s, const char *field)
{
	if (digits_exactly(s, 10, field, "10 digits") != MB_OK)
		return MB_ERROR;
	if (npi_luhn_sum(s, 10, false) % 10 != 0)
		return error("'%s': '%s' fails its check digit", field, s);
	return MB_OK;
}

int validate_ein(const char *s, const char *field)
{
	if (digits_exactly(s, 9, field, "9 digits") != MB_OK)
		return MB_ERROR;
	if (!strcmp(s, "000000000"))
		return error("'%s': '%s' is not a real EIN", field, s);
	return MB_OK;
}

int validate_zip(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if ((strlen(s) != 5 && strlen(s) != 9) || !str_is_digits(s))
		return error("'%s': '%s' is not 5 or 9 digits", field, s);
	return MB_OK;
}

int validate_zip9(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (strlen(s) == 5 && str_is_digits(s))
		return error("'%s': '%s' needs its 4-digit extension (ZIP+4)", field, s);
	return digits_exactly(s, 9, field, "9 digits (ZIP+4)");
}

int validate_state(const char *s, const char *field)
{
	size_t i;

	if (required(s, field) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < ARRAY_SIZE(states); i++)
		if (!strcmp(states[i], s))
			return MB_OK;
	return error("'%s': '%s' is not a US state code", field, s);
}

int validate_sex(char c, const char *field)
{
	if (!c)
		return error("'%s' is required", field);
	if (c != SEX_M && c != SEX_F && c != SEX_U)
		return error("'%s': '%c' is not M, F or U", field, c);
	return MB_OK;
}

int validate_phone(const char *s, const char *field)
{
	return digits_exactly(s, 10, field, "10 digits");
}

int validate_taxonomy(const char *s, const char *field)
{
	size_t i;

	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (strlen(s) != 10 || s[9] != 'X')
		goto bad;
	for (i = 0; i < 3; i++)
		if (!is_digit(s[i]))
			goto bad;
	for (; i < 9; i++)
		if (!is_upper_alnum(s[i]))
			goto bad;
	return MB_OK;
bad:
	return error("'%s': '%s' is not a taxonomy code (like 207Q00000X)", field, s);
}

int validate_pos(const char *s, const char *field)
{
	if (digits_exactly(s, 2, field, "a 2-digit place of service") != MB_OK)
		return MB_ERROR;
	if (!strcmp(s, "00"))
		return error("'%s': '%s' is not a place of service", field, s);
	return MB_OK;
}

int validate_relationship(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (!lookup(relationships, ARRAY_SIZE(relationships), s))
		return error("'%s': '%s' is not a relationship code (18 self, 01 spouse, "
			     "19 child, 20 employee, G8 other, ...)", field, s);
	return MB_OK;
}

int validate_filing_code(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (!lookup(filing_codes, ARRAY_SIZE(filing_codes), s))
		return error("'%s': '%s' is not a claim filing indicator code (MB, MC, BL, CI, HM, 12, ...)",
			     field, s);
	return MB_OK;
}

int validate_insurance_type(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (!lookup(insurance_types, ARRAY_SIZE(insurance_types), s))
		return error("'%s': '%s' is not an MSP type (12 13 14 15 16 41 42 43 47)", field, s);
	return MB_OK;
}

bool filing_is_medicare(const char *code)
{
	return code && (!strcmp(code, "MA") || !strcmp(code, "MB"));
}

const char *insurance_type_name(const char *code)
{
	return lookup(insurance_types, ARRAY_SIZE(insurance_types), code);
}

const char *filing_code_name(const char *code)
{
	return lookup(filing_codes, ARRAY_SIZE(filing_codes), code);
}

const char *relationship_name(const char *code)
{
	return lookup(relationships, ARRAY_SIZE(relationships), code);
}

int validate_procedure(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (strlen(s) == 5) {
		if (str_is_digits(s))
			return MB_OK;	/* CPT */
		if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
		    (s[4] == 'F' || s[4] == 'T' || s[4] == 'U'))
			return MB_OK;	/* CPT category II, III, PLA */
		if (is_upper(s[0]) && str_is_digits(s + 1))
			return MB_OK;	/* HCPCS Level II */
	}
	return error("'%s': '%s' is not a CPT or HCPCS code (5 digits, 4 digits and F, T or U, "
		     "or a letter and 4 digits)", field, s);
}

int validate_modifier(const char *s, const char *field)
{
	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (strlen(s) != 2 || !is_upper_alnum(s[0]) || !is_upper_alnum(s[1]))
		return error("'%s': '%s' is not a modifier (2 letters or digits)", field, s);
	return MB_OK;
}

int validate_icd10(const char *s, const char *field)
{
	size_t n, i;

	if (required(s, field) != MB_OK)
		return MB_ERROR;
	if (strchr(s, '.'))
		return error("'%s': '%s' must be given without its dot", field, s);
	n = strlen(s);
	if (n < 3 || n > 7 || !is_upper(s[0]) || !is_digit(s[1]))
		goto bad;
	for (i = 2; i < n; i++)
		if (!is_upper_alnum(s[i]))
			goto bad;
	return MB_OK;
bad:
	return error("'%s': '%s' is not an ICD-10-CM code (like E119 or S52521A)", field, s);
}

int validate_ndc(const char *s, const char *field)
{
	return digits_exactly(s, 11, field, "an 11-digit NDC");
}

int validate_text(const char *s, const char *field, bool is_required)
{
	const unsigned char *p;

	if (!s || str_empty(s))
		return is_required ? error("'%s' is required", field) : MB_OK;
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return error("'%s' holds a control character", field);
		if (strchr("*~^:", *p))
			return error("'%s': '%c' is not allowed (it separates X12 data)", field, *p);
	}
	return MB_OK;
}

int validate_address(const struct address *a, const char *field, bool zip9)
{
	char f[64];

	snprintf(f, sizeof(f), "%s line 1", field);
	if (validate_text(a->line1, f, true) != MB_OK)
		return MB_ERROR;
	snprintf(f, sizeof(f), "%s line 2", field);
	if (validate_text(a->line2, f, false) != MB_OK)
		return MB_ERROR;
	snprintf(f, sizeof(f), "%s city", field);
	if (validate_text(a->city, f, true) != MB_OK)
		return MB_ERROR;
	snprintf(f, sizeof(f), "%s state", field);
	if (validate_state(a->state, f) != MB_OK)
		return MB_ERROR;
	snprintf(f, sizeof(f), "%s ZIP", field);
	return zip9 ? validate_zip9(a->zip, f) : validate_zip(a->zip, f);
}

char *normalize_digits(char *s)
{
	char *r = s, *w = s;

	for (; *r; r++)
		if (!strchr(" \t-().", *r) && *r != '/')
			*w++ = *r;
	*w = '\0';
	return s;
}

char *normalize_code(char *s)
{
	return strupper(strtrim(s));
}

char *normalize_icd10(char *s)
{
	char *dot;

	normalize_code(s);
	dot = strchr(s, '.');
	if (dot && !strchr(dot + 1, '.'))
		memmove(dot, dot + 1, strlen(dot + 1) + 1);
	return s;
}

void normalize_address(struct address *a)
{
	strtrim(a->line1);
	strtrim(a->line2);
	strtrim(a->city);
	normalize_code(a->state);
	normalize_digits(a->zip);
}

bool address_empty(const struct address *a)
{
	return str_empty(a->line1) && str_empty(a->line2) && str_empty(a->city) &&
	       str_empty(a->state) && str_empty(a->zip);
}
