/*
 * aging.h: accounts-receivable aging from the balances projection.
 *
 * Open balances are put in buckets by the date of service's age on the
 * as-of date: 0-30, 31-60, 61-90, 91-120 and over 120 days. Balances with a
 * date of service after the as-of date are left out. Credits (negative
 * balances) count as they are, so a row shows the net amount.
 *
 * By payer: one row per payer with an open balance (name order), then one
 * row for patient responsibility (id 0). By patient: one row per patient
 * with a patient-responsibility balance (name order). The by-payer report
 * reads the per-day sums of the projection and the by-patient report an
 * index of it: neither scans the ledger.
 */
#ifndef MEDBILL_AGING_H
#define MEDBILL_AGING_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "model.h"

struct store;

enum aging_by { AGING_BY_PAYER, AGING_BY_PATIENT };

#define AGING_BUCKETS 5

/* Bucket labels "0-30", "31-60", "61-90", "91-120", "120+"; "?" out of range. */
const char *aging_bucket_label(int bucket);
/* The bucket for an age in days (>= 0); -1 for a negative age. */
int aging_bucket_of(int32_t days);
/* Parse "payer" or "patient"; MB_ERROR naming 'by' otherwise. */
int aging_by_parse(const char *s, enum aging_by *out);

struct aging_row {
	int64_t id;		/* payer or patient id; 0: patient responsibility (by payer) */
	char name[64];		/* payer name; "Patient responsibility"; "LAST, FIRST" */
	char account[21];	/* by patient: the account number */
	cents_t bucket[AGING_BUCKETS];
	cents_t total;
};

struct aging_report {
	enum aging_by by;
	mbdate_t as_of;
	size_t nrows;
	struct aging_row *rows;	/* owned */
	struct aging_row totals;	/* id 0, name "Total" */
};

/*
 * Build the report for as_of (0: today) into *out, which the caller
 * releases with aging_report_release().
 */
int aging_run(struct store *st, enum aging_by by, mbdate_t as_of, struct aging_report *out);
void aging_report_release(struct aging_report *r);

/*
 * part as a percentage of whole in tenths of a percent, rounded half away
 * from zero (123 is 12.3%); 0 when whole is 0.
 */
int64_t aging_permille(cents_t part, cents_t whole);

/*
 * Write a report as RFC 4180 CSV with a header row (src/formats/aging_csv.c):
 * id[,account],payer|patient,0-30,...,120+,total,percent and a last totals
 * row with an empty id. The CLI's --csv and the screen's export both use it.
 * Returns MB_ERROR when the stream fails.
 */
int aging_write_csv(const struct aging_report *r, FILE *f);

/* One claim's open balance inside an aging cell. */
struct aging_claim {
	int64_t claim;		/* 0: balances not on any claim */
	int64_t patient;
	mbdate_t dos;
	cents_t amount;
};
typedef int (*aging_claim_fn)(const struct aging_claim *c, void *ud);

/*
 * Drill down: the claims making up the cell of row id (a payer, 0 for
 * patient responsibility by payer; a patient by patient) and bucket (0..4,
 * or -1 for the whole row) as of as_of (0: today), in date-of-service then
 * claim order. fn returns 0 to go on; any other value stops and is returned.
 */
int aging_cell_foreach(struct store *st, enum aging_by by, int64_t id, int bucket,
		       mbdate_t as_of, aging_claim_fn fn, void *ud);

#endif
