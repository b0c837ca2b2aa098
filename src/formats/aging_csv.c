/*
 * aging_csv.c: an A/R aging report as CSV, for 'medbill aging --csv' and the
 * aging screen's export.
 */
#include <stdio.h>

#include "medbill/aging.h"
#include "medbill/csv.h"
#include "medbill/util.h"

/* "12.5" for 125 permille, "-3.0" for -30. */
static void percent(int64_t permille, char buf[32])
{
	int64_t a = permille < 0 ? -permille : permille;

	snprintf(buf, 32, "%s%lld.%lld", permille < 0 ? "-" : "", (long long)(a / 10), (long long)(a % 10));
}

static void row_out(FILE *f, const struct aging_report *r, const struct aging_row *row, bool total)
{
	char id[24] = "", m[MONEY_BUF], p[32];
	int b;

	if (!total && row->id)
		snprintf(id, sizeof(id), "%lld", (long long)row->id);
	csv_write_field(f, id, true);
	if (r->by == AGING_BY_PATIENT)
		csv_write_field(f, row->account, false);
	csv_write_field(f, row->name, false);
	for (b = 0; b < AGING_BUCKETS; b++)
		csv_write_field(f, money_fmt(row->bucket[b], m), false);
	csv_write_field(f, money_fmt(row->total, m), false);
	percent(aging_permille(row->total, r->totals.total), p);
	csv_write_field(f, p, false);
	csv_write_end(f);
}

int aging_write_csv(const struct aging_report *r, FILE *f)
{
	size_t i;
	int b;

	csv_write_field(f, "id", true);
	if (r->by == AGING_BY_PATIENT)
		csv_write_field(f, "account", false);
	csv_write_field(f, r->by == AGING_BY_PAYER ? "payer" : "patient", false);
	for (b = 0; b < AGING_BUCKETS; b++)
		csv_write_field(f, aging_bucket_label(b), false);
	csv_write_field(f, "total", false);
	csv_write_field(f, "percent", false);
	csv_write_end(f);
	for (i = 0; i < r->nrows; i++)
		row_out(f, r, &r->rows[i], false);
	row_out(f, r, &r->totals, true);
	return ferror(f) ? error("cannot write the aging report") : MB_OK;
}
