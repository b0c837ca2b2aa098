/*
 * x12check.h: the X12 checker behind 'medbill x12 check'.
 *
 * It reads any X12 file (delimiters from each ISA) and checks:
 *   - syntax: segment IDs, trailing separators, element types and lengths
 *     of the segments it knows, an unterminated last segment;
 *   - the envelope: ISA width (106), fields and delimiters; IEA/GE/SE
 *     control numbers against ISA13/GS06/ST02; the counts IEA01, GE01 and
 *     SE01; GS01 against ST01, GS08 against ST03; duplicate ISA13 in the
 *     file, GS06 in an interchange, ST02 in a group;
 *   - for an 837P (005010X222A1): the loop structure of the guide (order,
 *     required segments and loops, repeats), HL numbering, parents and
 *     child codes, code values, CLM02 against the sum of SV102, LX
 *     numbering, SV107 pointers within the HI count, the ICD-9/ICD-10
 *     qualifier against the date of service, duplicate CLM01 in the file
 *     and REF*6R in a claim; and the data edits: NPI check digits, ZIP
 *     lengths (ZIP+4 for the billing provider and the service facility),
 *     and, through the billable() callback when one is given, that each
 *     ICD-10-CM code is billable on the dates of service.
 *
 * Data edits are errors in transactions created (BHT04) on or after the
 * 5010 compliance date, 2012-01-01. In older transactions (the published
 * 5010 examples date from 2004-2006, before NPI and ZIP+4 were enforced)
 * they are reported as warnings, which do not fail the check.
 *
 * Each problem goes to the report() callback; the CLI prints it as
 *     FILE:SEGMENT_NO: SEG*NN: problem
 * where SEGMENT_NO counts segments from 1 (the ISA) across the file, SEG is
 * the ID of that segment and NN the element position (00: the segment as a
 * whole). The checker streams: it keeps a claim's worth of state and the
 * control numbers and CLM01 values it has seen (for the duplicate checks),
 * so memory grows with the number of claims only by their CLM01s.
 */
#ifndef MEDBILL_X12CHECK_H
#define MEDBILL_X12CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"

enum x12c_severity { X12C_ERROR, X12C_WARNING };

struct x12c_problem {
	const char *file;	/* the name given to x12check_file() */
	long segno;		/* 1-based position of the segment in the file */
	const char *seg;	/* its ID ("CLM"); "" when there is none */
	int elem;		/* element position; 0: the segment as a whole */
	enum x12c_severity severity;
	const char *msg;	/* lowercase, no final period */
};

/* Receives each problem; the strings are valid during the call only. */
typedef void (*x12c_report_fn)(void *ctx, const struct x12c_problem *p);

/*
 * Is the ICD-10-CM code (no dot) billable on date dos? Return 1 when it is;
 * 0 when it is not, with the reason in why (size n), e.g. "'J44' is a
 * category, not a billable code"; -1 when it cannot tell (no code set
 * loaded for that date): the checker then says nothing.
 */
typedef int (*x12c_billable_fn)(void *ctx, const char *code, mbdate_t dos, char *why, size_t n);

/*
 * Interchange control numbers remembered across the files of one run: a
 * sender (ISA05/ISA06) that reuses an ISA13 another file already used gets
 * a warning naming that file (within one file it is an error). Made by
 * x12c_across_new(), freed by x12c_across_free().
 */
struct x12c_across;
struct x12c_across *x12c_across_new(void);
void x12c_across_free(struct x12c_across *a);

struct x12c_options {
	x12c_report_fn report;
	void *report_ctx;
	x12c_billable_fn billable;	/* NULL: no code-set check */
	void *billable_ctx;
};

struct x12c_summary {
	long segments;
	long interchanges;
	long groups;
	long sets;
	long claims;
	long errors;
	long warnings;
	unsigned long bytes;
};

/*
 * Check the X12 data in f (not owned), naming it 'name' in problems.
 * Problems are reported, not returned: the function returns MB_OK once the
 * file was read to its end (sum->errors tells whether it passed) and
 * MB_ERROR only when it could not be read at all (error_last()).
 * sum may be NULL.
 */
int x12check_file(FILE *f, const char *name, const struct x12c_options *o,
		  struct x12c_summary *sum);
/* The same, remembering interchange control numbers in across (not NULL). */
int x12check_file_across(FILE *f, const char *name, const struct x12c_options *o,
			 struct x12c_across *across, struct x12c_summary *sum);

#endif
