/*
 * icd10cm.h: the CDC ICD-10-CM Tabular List XML (icd10cm_tabular_YYYY.xml,
 * plain or .gz), read as a stream with libxml2's xmlTextReader: the tree is
 * never built. Never touches the database.
 *
 * Every diag element is handed to the callback once its name, description
 * and notes are known. A diag without child diags is a leaf; a leaf under a
 * sevenChrDef (its own or an ancestor's, the nearest winning) is not
 * billable itself: it is followed by one complete billable code per 7th
 * character, padded with the placeholder X to six characters
 * (S52.521 + A -> S52.521A, T36.0X1 + A -> T36.0X1A, T07 + A -> T07.XXXA).
 */
#ifndef MEDBILL_ICD10CM_H
#define MEDBILL_ICD10CM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A note kept for coders: kind is the element name. */
struct icd10cm_note {
	const char *kind;	/* includes, inclusionTerm, excludes1, excludes2, codeFirst,
				   useAdditionalCode, codeAlso, notes, sevenChrNote,
				   sevenChrDef ("A: initial encounter ...") */
	const char *text;
};

/* One code; every pointer is valid only during the callback. */
struct icd10cm_code {
	int fy;			/* the file's <version> */
	const char *code;	/* with its dot, as the file spells it: "S52.521A" */
	const char *description;
	int chapter;		/* 1..22 */
	const char *section;	/* the section id: "S50-S59" */
	int depth;		/* 1 for a category (3 characters), 2 below it, ... */
	bool billable;		/* a leaf, or a 7th-character expansion */
	bool expanded;		/* made from a leaf and a 7th character */
	size_t nnotes;		/* none for expansions */
	const struct icd10cm_note *notes;
	long line;		/* the line of its diag element */
};

/* MB_OK to go on; MB_ERROR (after error()) stops the parse with that error. */
typedef int (*icd10cm_fn)(const struct icd10cm_code *code, void *arg);
/* Progress in bytes of the decompressed input; total is 0 when unknown. */
typedef void (*icd10cm_progress_fn)(uint64_t done, uint64_t total, void *arg);

struct icd10cm_stats {
	int fy;
	long chapters;
	long sections;
	long diags;		/* diag elements */
	long codes;		/* callbacks: diags plus expansions */
	long billable;
	long expanded;
	long notes;
	uint64_t fingerprint;	/* FNV-1a of the decompressed bytes */
};

/*
 * Parse path. MB_OK at the end, with *stats filled (stats may be NULL).
 * MB_ERROR with a message naming the file and the line for XML that is not
 * well-formed, a damaged gzip stream, a missing <version>, a diag without
 * name, or the callback's error.
 */
int icd10cm_parse(const char *path, icd10cm_fn fn, void *arg,
		  icd10cm_progress_fn progress, void *progress_arg, struct icd10cm_stats *stats);

#endif
