/*
 * init.c: 'medbill init' and 'medbill info'.
 */
#include <stdio.h>

#include "cli.h"
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

int cmd_info(struct cli *c, int argc, char **argv)
{
	if (argc > 0)
		return cli_usage(c, "'info' takes no arguments");
	if (!cli_store(c, 0))
		return EXIT_USER;
	printf("database: %s\nschema: %d\n", c->dbpath, store_schema_version(c->st));
	return EXIT_OK;
}
