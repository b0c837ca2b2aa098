/*
 * check_priv.h: what the X12 checker's files share (check.c: the driver,
 * syntax and envelope; check837p.c: the 837P rules).
 */
#ifndef MEDBILL_CHECK_PRIV_H
#define MEDBILL_CHECK_PRIV_H

#include <stdarg.h>

#include "medbill/money.h"
#include "medbill/util.h"
#include "medbill/x12.h"
#include "medbill/x12check.h"

/* Transactions created before this date get data edits as warnings. */
#define X12C_EDITS_FROM 20120101
/* ICD-10-CM replaced ICD-9-CM for services on and after this date. */
#define X12C_ICD10_FROM 20151001

struct c837;
struct x12_dict;
void chk_dict_free(struct x12_dict *d);

/* A set of strings (control numbers seen), for duplicate checks. */
struct strset {
	char **slot;
	long *segno;
	size_t alloc, n;
};
void strset_clear(struct strset *s);
/* Add key; returns 0 when new, else the segment number it was first seen at. */
long strset_add(struct strset *s, const char *key, long segno);

struct chk {
	const char *name;
	const struct x12c_options *o;
	struct x12c_summary *sum;
	const struct x12_segment *seg;	/* the segment being checked */
	bool legacy;			/* data edits are warnings (BHT04 before 2012) */
	struct c837 *p837;		/* the 837P state of the open set, or NULL */
	struct strset clm01;		/* CLM01 values seen in the file */
	struct x12_dict *dict;		/* the element dictionary, parsed on first use */
	struct x12c_across *across;	/* control numbers across files, or NULL */
};

void chk_report(struct chk *c, enum x12c_severity sev, long segno, const char *seg,
		int elem, const char *fmt, ...) MB_PRINTF(6, 7);
/* An error on element elem of the current segment. */
void chk_err(struct chk *c, int elem, const char *fmt, ...) MB_PRINTF(3, 4);
/* A data edit: an error, or a warning in a legacy transaction. */
void chk_edit(struct chk *c, int elem, const char *fmt, ...) MB_PRINTF(3, 4);

/* Value checks. */
bool chk_amount(const char *s, cents_t *out);	/* R: "12", "-3.5", "0.25" */
bool chk_date8(const char *s, mbdate_t *out);	/* CCYYMMDD */
bool chk_in(const char *s, const char *codes);	/* codes: space-separated */
/* Check each syntax element of seg against the 005010 dictionary. */
void chk_syntax(struct chk *c, const struct x12_segment *s);

/* check837p.c */
struct c837 *c837_new(void);
void c837_free(struct c837 *p);
/* Called for every segment after ST up to (not including) SE. */
void c837_segment(struct chk *c, const struct x12_segment *s);
/* Called at SE (or when the set ends without one). */
void c837_finish(struct chk *c, long segno);

#endif
