/*
 * main.c: 'medbill [--db PATH] [--user NAME] COMMAND ...'.
 *
 * The command table below is the single list of commands: dispatch, --help
 * and 'medbill help COMMAND' all come from it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "medbill/tui.h"
#include "medbill/util.h"

static const struct cli_cmd commands[] = {
	{ "init", NULL, cmd_init, "", "create the database and load the shipped reference tables", NULL },
	{ "info", NULL, cmd_info, "", "print a summary of the practice in the database", NULL },
	{ "patients", "search", cmd_patients_search, "TEXT [--limit N] [--csv]",
	  "find patients by name, account, member ID or date of birth",
	  "TEXT is a last-name prefix (smi), last and first prefixes (\"smith, jo\"), an account\n"
	  "number or member ID (exact, any case), or a date of birth (1985-03-12 or 03/12/1985).\n"
	  "Exact account and member-ID matches come first, then names in order.\n"
	  "--limit N shows at most N patients (default 50, 0 for all). --csv writes RFC 4180\n"
	  "with a header row; the first column is the patient id." },
	{ "import", "fees", cmd_import_fees, "FILE.csv", "load the fee schedule from a CSV file",
	  "The first row names the columns: code and fee, and optionally description,\n"
	  "payer_id and expected. A row with payer_id (the payer's own ID, e.g. 00430) also\n"
	  "sets that payer's expected amount for the code. Amounts are dollars (120 or 120.50).\n"
	  "All or nothing: any bad row is reported with its line number and nothing is\n"
	  "imported. Importing the same file again changes nothing." },
	{ "check", NULL, cmd_check, "", "verify the ledger and claim invariants; exit 1 on any breach",
	  "Checks that every balance equals the sum of its ledger rows, that every reversal\n"
	  "negates one row that nothing else reverses, that transfers pair up, that claim totals\n"
	  "equal their lines, and that no balance is negative without a credit reason.\n"
	  "Prints one line per breach on stdout." },
	{ "aging", NULL, cmd_aging, "[--by payer|patient] [--as-of DATE] [--csv]",
	  "accounts-receivable aging in 0-30, 31-60, 61-90, 91-120 and 120+ days",
	  "Open balances by the age of their date of service on the as-of date (default today);\n"
	  "later dates of service are left out. --by payer (default) gives a row per payer and\n"
	  "one for patient responsibility; --by patient a row per patient with a patient balance.\n"
	  "--csv writes RFC 4180 with a header row; the first column is the payer or patient id." },
	{ "import", "xml", cmd_import_xml, "FILE", "import a whole practice from the XML exchange format",
	  "Reads FILE (doc/xml-format.md; schema/medbill.xsd) into an empty database, all or\n"
	  "nothing: the file is validated against the XSD and every record against the rules of\n"
	  "the practice; on any error the message gives the line and the element and the\n"
	  "database is left unchanged. Ids and who/when stamps are kept; the balances are\n"
	  "rebuilt from the ledger rows." },
	{ "export", "xml", cmd_export_xml, "FILE", "export everything in the XML exchange format",
	  "Writes the whole practice to FILE ('-': standard output) in a canonical form:\n"
	  "importing it into an empty database and exporting again gives the same bytes.\n"
	  "The file holds PHI: it is created with mode 0600." },
};

static void usage_all(FILE *f)
{
	size_t i;

	fputs("usage: medbill [--db PATH] [--user NAME] COMMAND [ARGS]\n"
	      "       medbill            open the workstation\n\n"
	      "commands:\n", f);
	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		char name[64];

		snprintf(name, sizeof(name), "%s%s%s %s", commands[i].name,
			 commands[i].sub ? " " : "", commands[i].sub ? commands[i].sub : "",
			 commands[i].args);
		fprintf(f, "  %-34s %s\n", name, commands[i].help);
	}
	fputs("\noptions:\n"
	      "  --db PATH    the database (default $MEDBILL_DB, else\n"
	      "               $XDG_DATA_HOME/medbill/medbill.db)\n"
	      "  --user NAME  who is recorded with every write (default: login name)\n"
	      "  --help       this text;  --version  the version\n"
	      "\n'medbill help COMMAND' tells more. MEDBILL_TODAY=YYYY-MM-DD fixes today's date.\n", f);
}

static const struct cli_cmd *find_cmd(int argc, char **argv, int *used)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		if (strcmp(commands[i].name, argv[0]))
			continue;
		if (!commands[i].sub) {
			*used = 1;
			return &commands[i];
		}
		if (argc > 1 && !strcmp(commands[i].sub, argv[1])) {
			*used = 2;
			return &commands[i];
		}
	}
	return NULL;
}

static int known_group(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return 1;
	return 0;
}

static void group_usage(const char *name)
{
	size_t i;

	fprintf(stderr, "usage:\n");
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			fprintf(stderr, "  medbill %s %s %s\n", name,
				commands[i].sub ? commands[i].sub : "", commands[i].args);
}

static int cmd_help(int argc, char **argv)
{
	const struct cli_cmd *cmd;
	int used = 0;

	if (argc < 1) {
		usage_all(stdout);
		return EXIT_OK;
	}
	cmd = find_cmd(argc, argv, &used);
	if (!cmd) {
		if (known_group(argv[0])) {
			group_usage(argv[0]);
			return EXIT_OK;
		}
		fprintf(stderr, "medbill: no command '%s'\n", argv[0]);
		return EXIT_USAGE;
	}
	printf("usage: medbill %s%s%s %s\n\n%s\n", cmd->name, cmd->sub ? " " : "",
	       cmd->sub ? cmd->sub : "", cmd->args, cmd->help);
	if (cmd->details)
		printf("\n%s\n", cmd->details);
	return EXIT_OK;
}

/* The default database path; the caller frees it. */
static char *default_db(void)
{
	const char *e = getenv("MEDBILL_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	size_t n;
	char *p;

	if (e && *e)
		return xstrdup(e);
	if (xdg && *xdg) {
		n = strlen(xdg) + 32;
		p = xmalloc(n);
		snprintf(p, n, "%s/medbill/medbill.db", xdg);
	} else {
		n = strlen(home ? home : ".") + 48;
		p = xmalloc(n);
		snprintf(p, n, "%s/.local/share/medbill/medbill.db", home ? home : ".");
	}
	return p;
}

/* mkdir -p the directory part of path, mode 0700. */
static void make_parent_dirs(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0700);
		*s = '/';
	}
	free(p);
}

int main(int argc, char **argv)
{
	struct cli c = { 0 };
	const struct cli_cmd *cmd;
	char *db = NULL;
	int i, used = 0, ret;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *v;
		int r;

		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage_all(stdout);
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--version")) {
			printf("medbill %s\n", MB_VERSION);
			return EXIT_OK;
		}
		if ((r = cli_opt_value(argc, argv, &i, "--db", &v)) != 0) {
			if (r < 0 || !*v) {
				fprintf(stderr, "medbill: '--db' needs a path\n");
				return EXIT_USAGE;
			}
			free(db);
			db = xstrdup(v);
			continue;
		}
		if ((r = cli_opt_value(argc, argv, &i, "--user", &v)) != 0) {
			if (r < 0 || !*v) {
				fprintf(stderr, "medbill: '--user' needs a name\n");
				return EXIT_USAGE;
			}
			user_set(v);
			continue;
		}
		fprintf(stderr, "medbill: unknown option '%s'\n", argv[i]);
		usage_all(stderr);
		return EXIT_USAGE;
	}
	if (!db)
		db = default_db();
	c.dbpath = db;
	argc -= i;
	argv += i;

	if (argc == 0 && tui_available()) {
		/* The workstation: on a terminal, or scripted (MEDBILL_TUI_SCRIPT). */
		ret = cli_store(&c, 0) ? tui_run(c.st) : EXIT_USER;
		goto finish;
	}
	if (argc == 0) {
		cmd = find_cmd(1, (char *[]){ (char *)"info", NULL }, &used);
		c.cmd = cmd;
		ret = cmd->fn(&c, 0, argv);
		goto finish;
	}
	if (!strcmp(argv[0], "help")) {
		ret = cmd_help(argc - 1, argv + 1);
		goto finish;
	}
	cmd = find_cmd(argc, argv, &used);
	if (!cmd) {
		if (known_group(argv[0])) {
			if (argc > 1)
				fprintf(stderr, "medbill: no command '%s %s'\n", argv[0], argv[1]);
			group_usage(argv[0]);
		} else {
			fprintf(stderr, "medbill: no command '%s' (see 'medbill --help')\n", argv[0]);
		}
		ret = EXIT_USAGE;
		goto finish;
	}
	c.cmd = cmd;
	if (argc > used && (!strcmp(argv[used], "--help") || !strcmp(argv[used], "-h"))) {
		ret = cmd_help(used, argv);
		goto finish;
	}
	if (!strcmp(cmd->name, "init"))
		make_parent_dirs(db);
	ret = cmd->fn(&c, argc - used, argv + used);
finish:
	cli_warnings();
	store_close(c.st);
	free(db);
	return ret;
}
