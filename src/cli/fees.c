/*
 * fees.c (cli): 'medbill import fees FILE.csv'.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "medbill/practice.h"
#include "medbill/util.h"

/* Print each "line N: message" of the import's errors as "medbill: FILE line N: message". */
static void print_bad_rows(const char *path, const struct fee_import *r)
{
	const char *p = strbuf_str(&r->errors), *nl;
	int shown = 0;

	for (; (nl = strchr(p, '\n')) != NULL; p = nl + 1, shown++)
		fprintf(stderr, "medbill: '%s' %.*s\n", path, (int)(nl - p), p);
	if (r->bad > shown)
		fprintf(stderr, "medbill: '%s': %d more bad rows not shown\n", path, r->bad - shown);
}

int cmd_import_fees(struct cli *c, int argc, char **argv)
{
	struct fee_import r;
	int ret = EXIT_OK;

	if (argc != 1 || argv[0][0] == '-')
		return cli_usage(c, "'import fees' needs one CSV file");
	if (!cli_store(c, 0))
		return EXIT_USER;
	fee_import_init(&r);
	if (fee_import_csv(c->st, argv[0], &r) != MB_OK) {
		print_bad_rows(argv[0], &r);
		ret = cli_fail();
		goto cleanup;
	}
	fprintf(stderr, "medbill: '%s': %d rows; %d fees and %d expected amounts added or changed\n",
		argv[0], r.rows, r.fees_changed, r.expected_changed);
cleanup:
	fee_import_release(&r);
	return ret;
}
