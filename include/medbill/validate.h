/*
 * validate.h: format rules for the identifiers and codes of the practice's
 * data. Pure functions: no database, no allocation.
 *
 * Each validate_*() checks one value and returns MB_OK, or MB_ERROR with a
 * message that names 'field' in single quotes, for example
 *     'npi': '1234567890' fails its check digit
 * An empty value is an error ("'npi' is required"): callers check optional
 * fields for emptiness before validating them.
 *
 * Values are checked as stored: digits only (no dashes), codes upper-case,
 * ICD-10-CM without the dot. The normalize_*() helpers turn what a person
 * types into that form.
 */
#ifndef MEDBILL_VALIDATE_H
#define MEDBILL_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* NPI: 10 digits whose last is the Luhn check digit over "80840" + the first 9. */
int validate_npi(const char *s, const char *field);
/* The check digit ('0'..'9') for 9 leading NPI digits; '\0' if first9 is not 9 digits. */
char npi_check_digit(const char *first9);

int validate_ein(const char *s, const char *field);	/* 9 digits, not all zero */
int validate_zip(const char *s, const char *field);	/* 5 or 9 digits */
int validate_zip9(const char *s, const char *field);	/* exactly 9 digits (ZIP+4) */
int validate_state(const char *s, const char *field);	/* a US state, DC, territory or APO/FPO code */
int validate_sex(char c, const char *field);		/* 'M', 'F' or 'U' */
int validate_phone(const char *s, const char *field);	/* 10 digits */
int validate_taxonomy(const char *s, const char *field);	/* NUCC: 3 digits, 6 alphanumerics, 'X' */
int validate_pos(const char *s, const char *field);	/* place of service: 2 digits, 01..99 */
/* Patient's relationship to the subscriber: 01 18 19 20 21 39 40 53 G8. */
int validate_relationship(const char *s, const char *field);
/* SBR09 claim filing indicator: 11..17 AM BL CH CI DS FI HM LM MA MB MC OF TV VA WC ZZ. */
int validate_filing_code(const char *s, const char *field);
/*
 * SBR05 Medicare secondary payer insurance type, why Medicare is not the
 * primary payer: 12 13 14 15 16 41 42 43 47.
 */
int validate_insurance_type(const char *s, const char *field);
/* Whether a claim filing indicator is Medicare's (MA Part A, MB Part B). */
bool filing_is_medicare(const char *code);
/* CPT (5 digits, or 4 digits + F, T or U) or HCPCS Level II (a letter + 4 digits). */
int validate_procedure(const char *s, const char *field);
int validate_modifier(const char *s, const char *field);	/* 2 letters or digits */
/* ICD-10-CM without the dot: a letter, a digit, a letter or digit, then up to 4 more. */
int validate_icd10(const char *s, const char *field);
int validate_ndc(const char *s, const char *field);	/* 11 digits (5-4-2 without dashes) */

/*
 * Free text that goes into X12 segments (names, addresses, notes): no
 * control characters and none of the separators * ~ ^ :. Empty is an error
 * only when required.
 */
int validate_text(const char *s, const char *field, bool required);
/* An address: line1, city, state and ZIP required; zip9 asks for ZIP+4. */
int validate_address(const struct address *a, const char *field, bool zip9);

/* Descriptions for screens; NULL for an unknown code. Static strings. */
const char *filing_code_name(const char *code);
const char *relationship_name(const char *code);
const char *insurance_type_name(const char *code);

/* Remove blanks, '-', '(', ')', '.' and '/' in place (phone, EIN, ZIP, NDC). Returns s. */
char *normalize_digits(char *s);
/* Trim and upper-case in place (codes, states, member IDs). Returns s. */
char *normalize_code(char *s);
/* Trim, drop a dot and upper-case an ICD-10-CM code in place. Returns s. */
char *normalize_icd10(char *s);
/* Trim every line and upper-case the state and normalize the ZIP of an address. */
void normalize_address(struct address *a);
bool address_empty(const struct address *a);

#endif
