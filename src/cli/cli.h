/*
 * cli.h: the command-line front end. Each command lives in src/cli/<area>.c
 * and is listed once in the command table in main.c, which also generates
 * 'medbill --help' and 'medbill help COMMAND'.
 *
 * A command returns its exit code: 0 success, 1 a user error (one line on
 * stderr, printed with cli_error()), 2 a usage error. Stdout carries data.
 */
#ifndef MEDBILL_CLI_H
#define MEDBILL_CLI_H

#include <stdio.h>
#include "medbill/util.h"
#include "medbill/store.h"
#include "medbill/money.h"
#include "medbill/date.h"

enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_USAGE = 2 };

struct cli {
	const char *dbpath;	/* resolved database path */
	struct store *st;	/* opened by cli_store(), closed by main */
	const struct cli_cmd *cmd;
};

typedef int (*cli_fn)(struct cli *c, int argc, char **argv);

struct cli_cmd {
	const char *name;	/* "import" */
	const char *sub;	/* "xml", or NULL */
	cli_fn fn;
	const char *args;	/* "FILE" */
	const char *help;	/* one line */
	const char *details;	/* more lines for 'help COMMAND', or NULL */
};

/* Open (creating with STORE_CREATE) the database; prints and returns NULL on error. */
struct store *cli_store(struct cli *c, unsigned flags);

/* Print "medbill: MSG" on stderr; returns EXIT_USER. */
int cli_error(const char *fmt, ...) MB_PRINTF(1, 2);
/* Print the last library error (and pending warnings); returns EXIT_USER. */
int cli_fail(void);
/* Print pending warnings as "medbill: warning: ..." on stderr. */
void cli_warnings(void);
/* Print the usage line of the current command; returns EXIT_USAGE. */
int cli_usage(struct cli *c, const char *msg);

/* Option parsing: "--name VALUE" or "--name=VALUE" at argv[*i]. */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val);
int cli_parse_int(const char *s, long long min, long long max, long long *out);

/* RFC 4180 CSV: quote a field when needed; end rows with CRLF. */
void csv_field(FILE *f, const char *s, int first);
void csv_end(FILE *f);

/* Commands. */
int cmd_init(struct cli *c, int argc, char **argv);
int cmd_info(struct cli *c, int argc, char **argv);
int cmd_import_icd10cm(struct cli *c, int argc, char **argv);
int cmd_import_hcpcs(struct cli *c, int argc, char **argv);
int cmd_import_cpt(struct cli *c, int argc, char **argv);
int cmd_import_sex_age(struct cli *c, int argc, char **argv);
int cmd_codes_search(struct cli *c, int argc, char **argv);
int cmd_codes_show(struct cli *c, int argc, char **argv);
int cmd_codes_check(struct cli *c, int argc, char **argv);
int cmd_codes_sets(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);
int cmd_aging(struct cli *c, int argc, char **argv);
int cmd_patients_search(struct cli *c, int argc, char **argv);
int cmd_import_fees(struct cli *c, int argc, char **argv);
int cmd_import_xml(struct cli *c, int argc, char **argv);
int cmd_export_xml(struct cli *c, int argc, char **argv);
int cmd_x12_check(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);

int cmd_claims_scrub(struct cli *c, int argc, char **argv);
int cmd_claims_build(struct cli *c, int argc, char **argv);
int cmd_claims_list(struct cli *c, int argc, char **argv);
int cmd_claims_resubmit(struct cli *c, int argc, char **argv);
int cmd_claims_void(struct cli *c, int argc, char **argv);
int cmd_claims_hold(struct cli *c, int argc, char **argv);
int cmd_claims_release(struct cli *c, int argc, char **argv);
int cmd_batches_list(struct cli *c, int argc, char **argv);
int cmd_edits_list(struct cli *c, int argc, char **argv);
int cmd_edits_add(struct cli *c, int argc, char **argv);

#endif
