/*
 * cli.c: helpers shared by the command-line commands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "medbill/csv.h"
#include "medbill/util.h"

struct store *cli_store(struct cli *c, unsigned flags)
{
	if (c->st)
		return c->st;
	if (store_open(c->dbpath, flags, &c->st) != MB_OK) {
		cli_fail();
		return NULL;
	}
	return c->st;
}

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("medbill: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USER;
}

void cli_warnings(void)
{
	size_t i;

	for (i = 0; i < warnings_count(); i++)
		fprintf(stderr, "medbill: warning: %s\n", warning_get(i));
	warnings_clear();
}

int cli_fail(void)
{
	cli_warnings();
	return cli_error("%s", error_last());
}

int cli_usage(struct cli *c, const char *msg)
{
	if (msg)
		fprintf(stderr, "medbill: %s\n", msg);
	if (c->cmd)
		fprintf(stderr, "usage: medbill %s%s%s %s\n", c->cmd->name,
			c->cmd->sub ? " " : "", c->cmd->sub ? c->cmd->sub : "",
			c->cmd->args ? c->cmd->args : "");
	return EXIT_USAGE;
}

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n))
		return 0;
	if (a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	if (a[n])
		return 0;
	if (*i + 1 >= argc) {
		*val = NULL;
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

int cli_parse_int(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return MB_ERROR;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return MB_ERROR;
	*out = v;
	return MB_OK;
}

void csv_field(FILE *f, const char *s, int first)
{
	csv_write_field(f, s, first != 0);
}

void csv_end(FILE *f)
{
	csv_write_end(f);
}
