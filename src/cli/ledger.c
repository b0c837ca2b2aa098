/*
 * ledger.c (cli): 'medbill check' and 'medbill aging'.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "medbill/aging.h"
#include "medbill/check.h"
#include "medbill/util.h"

static int print_breach(const struct check_breach *b, void *ud)
{
	(void)ud;
	printf("%s: %s\n", check_kind_name(b->kind), b->text);
	return 0;
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	size_t n = 0;

	if (argc > 0)
		return cli_usage(c, "'check' takes no arguments");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (check_run(c->st, print_breach, NULL, &n) != MB_OK)
		return cli_fail();
	fflush(stdout);
	if (n)
		return cli_error("check found %zu breach%s of the ledger invariants", n, n == 1 ? "" : "es");
	return EXIT_OK;
}

static void pct(int64_t permille, char buf[32])
{
	int64_t a = permille < 0 ? -permille : permille;

	snprintf(buf, 32, "%s%lld.%lld", permille < 0 ? "-" : "", (long long)(a / 10), (long long)(a % 10));
}

/* The name column: the longest name, 28 to 40 characters. */
#define NAME_MIN 28
#define NAME_MAX 40

/* A row's name as printed; by patient with the account. */
static void row_name(const struct aging_report *r, const struct aging_row *row, char buf[128])
{
	if (r->by == AGING_BY_PATIENT && row->id)
		snprintf(buf, 128, "%s (%s)", row->name, row->account);
	else
		snprintf(buf, 128, "%s", row->name);
}

/* One text line: name, five buckets, total and the share of the grand total. */
static void text_row(int width, const char *name, const cents_t *bucket, cents_t total, cents_t grand)
{
	char m[MONEY_BUF], p[32];
	int b;

	printf("%-*.*s", width, width, name);
	for (b = 0; b < AGING_BUCKETS; b++)
		printf(" %12s", money_fmt_grouped(bucket[b], m));
	printf(" %13s", money_fmt_grouped(total, m));
	pct(aging_permille(total, grand), p);
	printf(" %6s\n", p);
}

static void print_text(const struct aging_report *r)
{
	char iso[DATE_ISO_LEN], name[128], p[32];
	int b, width = NAME_MIN;
	size_t i;

	for (i = 0; i < r->nrows; i++) {
		row_name(r, &r->rows[i], name);
		if ((int)strlen(name) > width)
			width = strlen(name) > NAME_MAX ? NAME_MAX : (int)strlen(name);
	}
	date_iso(r->as_of, iso);
	printf("A/R aging by %s as of %s (days since the date of service)\n\n",
	       r->by == AGING_BY_PAYER ? "payer" : "patient", iso);
	printf("%-*s", width, r->by == AGING_BY_PAYER ? "Payer" : "Patient");
	for (b = 0; b < AGING_BUCKETS; b++)
		printf(" %12s", aging_bucket_label(b));
	printf(" %13s %6s\n", "Total", "%");
	for (i = 0; i < r->nrows; i++) {
		row_name(r, &r->rows[i], name);
		text_row(width, name, r->rows[i].bucket, r->rows[i].total, r->totals.total);
	}
	text_row(width, "Total", r->totals.bucket, r->totals.total, r->totals.total);
	printf("%-*s", width, "%");
	for (b = 0; b < AGING_BUCKETS; b++) {
		pct(aging_permille(r->totals.bucket[b], r->totals.total), p);
		printf(" %12s", p);
	}
	pct(aging_permille(r->totals.total, r->totals.total), p);
	printf(" %13s\n", p);
}

int cmd_aging(struct cli *c, int argc, char **argv)
{
	enum aging_by by = AGING_BY_PAYER;
	struct aging_report r;
	mbdate_t as_of = 0;
	int i, csv = 0, rv;
	const char *v;

	for (i = 0; i < argc; i++) {
		if ((rv = cli_opt_value(argc, argv, &i, "--by", &v)) != 0) {
			if (rv < 0)
				return cli_usage(c, "'--by' needs 'payer' or 'patient'");
			if (aging_by_parse(v, &by) != MB_OK)
				return cli_usage(c, error_last());
		} else if ((rv = cli_opt_value(argc, argv, &i, "--as-of", &v)) != 0) {
			if (rv < 0)
				return cli_usage(c, "'--as-of' needs a date (YYYY-MM-DD)");
			if (date_parse(v, &as_of, "as-of") != MB_OK)
				return cli_usage(c, error_last());
		} else if (!strcmp(argv[i], "--csv")) {
			csv = 1;
		} else {
			char msg[128];

			snprintf(msg, sizeof(msg), "unknown argument '%.80s'", argv[i]);
			return cli_usage(c, msg);
		}
	}
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (aging_run(c->st, by, as_of, &r) != MB_OK)
		return cli_fail();
	if (csv)
		aging_write_csv(&r, stdout);
	else
		print_text(&r);
	aging_report_release(&r);
	return EXIT_OK;
}
