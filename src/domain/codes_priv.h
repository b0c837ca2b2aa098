/*
 * codes_priv.h: what the code-sets domain files (codes.c, codes_import.c)
 * share. Never included elsewhere.
 */
#ifndef MEDBILL_CODES_PRIV_H
#define MEDBILL_CODES_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "medbill/codes.h"

/* Shapes of keys (upper case, no dot). */
bool codes_icd_shaped(const char *key);		/* A00 .. Z99.XXXX: letter, digit, 1-5 more */
bool codes_hcpcs_shaped(const char *key);	/* a letter and 4 digits */
bool codes_cpt_shaped(const char *key);		/* 5 digits, or 4 digits and F, T or U */

/* The first id of a system's rows in the search index. */
int64_t codes_search_base(enum code_system sys);

/* The first and last dates of service of ICD-10-CM fiscal year fy. */
mbdate_t codes_fy_start(int fy);
mbdate_t codes_fy_end(int fy);

#endif
