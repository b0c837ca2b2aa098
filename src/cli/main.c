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
	{ "demo", NULL, cmd_demo, "[--patients N] [--seed S]",
	  "fill an empty database with a synthetic family practice",
	  "Makes a practice with providers, payers, a fee schedule, N patients (default 200)\n"
	  "in households with their coverages, and six months of visits whose claims are in\n"
	  "every status, with payments, adjustments, transfers and balances in every aging\n"
	  "bucket. The same seed (default 1) and the same day (MEDBILL_TODAY) give the same\n"
	  "database. The database must be empty: run 'medbill init' on a new file first." },
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
	{ "import", "icd10cm", cmd_import_icd10cm, "FILE.xml[.gz]",
	  "load an ICD-10-CM Tabular List (CDC XML) for its fiscal year",
	  "Reads the CDC icd10cm_tabular_YYYY.xml (or .xml.gz) as a stream: every diag, its\n"
	  "notes, and the complete codes made with 7th characters. The fiscal year comes from\n"
	  "the file; other years loaded are kept for older dates of service. All or nothing;\n"
	  "importing the same file again changes nothing." },
	{ "import", "hcpcs", cmd_import_hcpcs, "FILE[.gz]",
	  "load the CMS HCPCS Level II file (procedures and modifiers)",
	  "Reads the fixed-width 320-byte HCPCyyyy_CONTR_ANWEB file (plain or gzip). All or\n"
	  "nothing; importing the same file again changes nothing." },
	{ "import", "cpt", cmd_import_cpt, "FILE.csv",
	  "load the CPT codes and descriptions the practice licenses from the AMA",
	  "CSV: code,description (a header row is allowed). medbill ships no CPT descriptions;\n"
	  "without this file CPT codes are accepted by their format. It replaces the CPT\n"
	  "file loaded before." },
	{ "import", "sex-age", cmd_import_sex_age, "FILE.csv",
	  "load the sex and age edits per code (replaces the table)",
	  "CSV with a header: system,code_from,code_to,sex,age_min,age_max,message. system is\n"
	  "icd10cm (default), hcpcs or cpt; a code matches when its first characters fall in\n"
	  "code_from..code_to (no dots); sex M or F; ages in whole years, inclusive." },
	{ "codes", "search", cmd_codes_search,
	  "TEXT [--system icd10cm|hcpcs|cpt|modifier|pos|carc|rarc] [--limit N] [--csv]",
	  "find codes by code prefix (with or without the dot) or by words",
	  "A code or its start (J02, j02.0) lists codes in order; words ('strep throat') are\n"
	  "matched as word prefixes against descriptions and inclusion terms, best first.\n"
	  "--limit (default 20, at most 1000). --csv: system,code,billable,description." },
	{ "codes", "show", cmd_codes_show, "CODE [--system NAME]",
	  "describe a code: description, billable, validity dates and notes", NULL },
	{ "codes", "check", cmd_codes_check, "CODE [--dos DATE] [--system icd10cm|proc|modifier|pos]",
	  "is the code billable and valid on the date of service (default today)?",
	  "Exit 0 when it is, 1 with the reason when not. ICD-10-CM codes are checked against\n"
	  "the fiscal year of the date of service (a warning names the year to load when it\n"
	  "is missing); proc checks HCPCS by the table and CPT by format or the licensed file." },
	{ "codes", "sets", cmd_codes_sets, "", "list the code files loaded", NULL },
	{ "claims", "scrub", cmd_claims_scrub, "[CLAIM_ID...]",
	  "check claims against the edits; exit 1 when any has an error",
	  "Scrubs the named claims, or every ready claim, stores what it finds with each claim\n"
	  "and prints each problem with its edit code, the 837P field and the fix. Warnings do\n"
	  "not stop a claim; errors keep it out of every batch until they are fixed.\n"
	  "The edits are data: see 'medbill edits list' and 'medbill edits add'." },
	{ "claims", "build", cmd_claims_build, "--out DIR [--payer ID] [--one-line] [CLAIM_ID...]",
	  "write 837P files of every clean ready claim (or the named ones)",
	  "Scrubs the ready claims (of one payer with --payer, or only the named ones), and\n"
	  "writes the clean ones into one 837P interchange per receiver in DIR, printing each\n"
	  "file's path. The claims are marked submitted in the same transaction that records\n"
	  "the batch; a build that was interrupted is cleaned up by the next one. Each file\n"
	  "has a segment per line unless --one-line is given." },
	{ "claims", "list", cmd_claims_list, "[--status S] [--batch N] [--csv]",
	  "list claims, by status or batch",
	  "Statuses: ready hold submitted accepted rejected paid partial denied patient closed void.\n"
	  "SCRUB tells whether the last scrub found errors or warnings.\n"
	  "--csv writes RFC 4180 with a header row; the first column is the claim id." },
	{ "claims", "resubmit", cmd_claims_resubmit, "CLAIM_ID [--payer-claim-no ICN]",
	  "make a replacement claim (frequency 7) of a sent claim, ready to send",
	  "The replacement carries the same lines and REF*F8 with the payer's claim number\n"
	  "(the one on file, or --payer-claim-no); the original becomes void. Prints the new\n"
	  "claim's id." },
	{ "claims", "void", cmd_claims_void, "CLAIM_ID [--payer-claim-no ICN]",
	  "make a void claim (frequency 8) of a sent claim, ready to send",
	  "Like resubmit, with frequency 8: the payer cancels its claim. Prints the new claim's id." },
	{ "claims", "hold", cmd_claims_hold, "CLAIM_ID [--note TEXT]",
	  "hold a ready claim back from batching", NULL },
	{ "claims", "release", cmd_claims_release, "CLAIM_ID [--note TEXT]",
	  "put a held (or corrected rejected) claim back in the ready queue", NULL },
	{ "batches", "list", cmd_batches_list, "[--csv]",
	  "list the 837P batches with their control numbers and files",
	  "A batch is one interchange (one file). 'pending' is a build in progress; 'abandoned'\n"
	  "one that was interrupted and cleaned up (its control numbers stay used).\n"
	  "--csv writes RFC 4180 with a header row; the first column is the batch id." },
	{ "edits", "list", cmd_edits_list, "[--csv]",
	  "list the scrubber's edits: code, severity, payer, field and message", NULL },
	{ "edits", "add", cmd_edits_add,
	  "CODE [--payer ID] [--severity error|warning|off] [--kind K --field F [--arg A]] --message M [--fix F] [--where W]",
	  "add a payer's edit, or change a built-in edit for one payer",
	  "With the CODE of a built-in edit: that edit for this payer only, with another\n"
	  "severity ('off' turns it off) or message. Otherwise a new edit of kind 'required',\n"
	  "'match' (GLOB --arg), 'no_match' (GLOB --arg) or 'max_len' (--arg N) on a claim\n"
	  "field: pcn pos prior_auth payer_claim_no member_id group_no relationship\n"
	  "patient_account patient_phone referring_npi rendering_npi rendering_taxonomy\n"
	  "facility_npi diag line.code line.modifier line.ndc line.note. The message may use\n"
	  "{value} {line} {dos} {payer}. Prints the new edit's id." },
	{ "x12", "check", cmd_x12_check, "[-v] [--no-codes] FILE...",
	  "check X12 files: envelope, counts, and the 837P guide (005010X222A1)",
	  "Reads any X12 file, taking the delimiters from its ISA, and checks the envelope\n"
	  "(ISA width, IEA/GE/SE control numbers and counts, duplicates). For an 837P it also\n"
	  "checks the loops and required segments, HL numbering and parents, code values,\n"
	  "CLM02 against the lines, LX numbering, diagnosis pointers, NPI check digits and ZIP\n"
	  "lengths, and, when the database exists and has ICD-10-CM code sets, that each\n"
	  "diagnosis is billable on the date of service (--no-codes skips that).\n"
	  "Each problem prints as FILE:SEGMENT_NO: SEG*NN: problem (NN 00: the whole segment).\n"
	  "Data edits in transactions created before 2012 (BHT04) print as warnings.\n"
	  "Exit 1 when any file has an error; -v adds a summary line per file." },
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
