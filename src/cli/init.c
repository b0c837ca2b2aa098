/*
 * init.c: 'medbill init' and 'medbill info'.
 */
#include <stdio.h>

#include "cli.h"
#include "medbill/practice.h"
#include "medbill/codes.h"
#include "medbill/util.h"

int cmd_init(struct cli *c, int argc, char **argv)
{
	if (argc > 0)
		return cli_usage(c, "'init' takes no arguments");
	if (!cli_store(c, STORE_CREATE))
		return EXIT_USER;
	if (codes_load_shipped(c->st, data_dir()) != MB_OK)
		return cli_fail();
	fprintf(stderr, "medbill: database '%s' is ready (schema %d)\n", c->dbpath,
		store_schema_version(c->st));
	return EXIT_OK;
}

/* The practice's name and NPI, and how much data the database holds. */
static int print_practice(struct store *st)
{
	struct practice p;
	struct practice_counts n;
	int rc = practice_get(st, &p);

	if (rc == MB_OK)
		printf("practice: %s\nnpi: %s\n", p.name, p.npi);
	else if (rc == MB_NOTFOUND)
		printf("practice: (not set up: 'medbill demo' or 'medbill import xml FILE')\n");
	else
		return MB_ERROR;
	if (practice_counts(st, &n) != MB_OK)
		return MB_ERROR;
	printf("providers: %lld\npayers: %lld\npatients: %lld\ncoverages: %lld\n"
	       "encounters: %lld\ncharge lines: %lld\n",
	       (long long)n.providers, (long long)n.payers, (long long)n.patients,
	       (long long)n.coverages, (long long)n.encounters, (long long)n.charges);
	return MB_OK;
}

int cmd_info(struct cli *c, int argc, char **argv)
{
	if (argc > 0)
		return cli_usage(c, "'info' takes no arguments");
	if (!cli_store(c, 0))
		return EXIT_USER;
	printf("database: %s\nschema: %d\n", c->dbpath, store_schema_version(c->st));
	if (print_practice(c->st) != MB_OK)
		return cli_fail();
	return EXIT_OK;
}
