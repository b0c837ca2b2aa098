/*
 * x12.c: 'medbill x12 check FILE...': check X12 files (envelope, 837P
 * structure and data edits, ICD-10-CM codes against the database's code
 * sets when there is a database).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "medbill/codes.h"
#include "medbill/x12check.h"

/* Print one problem: FILE:SEGMENT_NO: SEG*NN: problem. */
static void print_problem(void *ctx, const struct x12c_problem *p)
{
	FILE *out = ctx;

	fprintf(out, "%s:%ld: %s*%02d: %s%s\n", p->file, p->segno, *p->seg ? p->seg : "ISA",
		p->elem, p->severity == X12C_WARNING ? "warning: " : "", p->msg);
}

struct codes_ctx {
	struct store *st;
	bool failed;
};

/* The billable() callback over the database's ICD-10-CM code sets. */
static int icd_billable(void *ctx, const char *code, mbdate_t dos, char *why, size_t n)
{
	struct codes_ctx *cc = ctx;
	struct code_check chk;

	if (cc->failed)
		return -1;
	if (codes_icd_billable(cc->st, code, dos, &chk) != MB_OK) {
		cc->failed = true;
		cli_fail();
		return -1;
	}
	if (chk.ok)
		return 1;
	if (chk.status == CODE_STATUS_NO_SET)
		return -1;
	snprintf(why, n, "%s", chk.message);
	return 0;
}

int cmd_x12_check(struct cli *c, int argc, char **argv)
{
	struct x12c_options o = { print_problem, stdout, NULL, NULL };
	struct x12c_across *across;
	struct codes_ctx cc = { 0 };
	struct stat sb;
	bool verbose = false, no_codes = false, bad = false;
	int i, nfiles = 0;

	for (i = 0; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose"))
			verbose = true;
		else if (!strcmp(argv[i], "--no-codes"))
			no_codes = true;
		else if (!strcmp(argv[i], "--"))
			break;
		else
			return cli_usage(c, "unknown option");
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		return cli_usage(c, "name at least one X12 file");

	/* The code sets come from the database when there is one. */
	if (!no_codes && c->dbpath && stat(c->dbpath, &sb) == 0) {
		cc.st = cli_store(c, STORE_READONLY);
		if (!cc.st)
			return EXIT_USER;
		o.billable = icd_billable;
		o.billable_ctx = &cc;
	}

	across = x12c_across_new();
	for (; i < argc; i++) {
		const char *path = argv[i];
		struct x12c_summary sum;
		FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;

		nfiles++;
		if (!f) {
			cli_error("cannot open '%s': %s", path, strerror(errno));
			bad = true;
			continue;
		}
		if (x12check_file_across(f, path, &o, across, &sum) != MB_OK) {
			cli_error("'%s': %s", path, error_last());
			bad = true;
		} else if (sum.errors) {
			bad = true;
		}
		if (f != stdin)
			fclose(f);
		if (verbose)
			printf("%s: %ld segments, %ld interchange%s, %ld transaction set%s, %ld claim%s: "
			       "%ld error%s, %ld warning%s\n", path, sum.segments, sum.interchanges,
			       sum.interchanges == 1 ? "" : "s", sum.sets, sum.sets == 1 ? "" : "s",
			       sum.claims, sum.claims == 1 ? "" : "s", sum.errors,
			       sum.errors == 1 ? "" : "s", sum.warnings, sum.warnings == 1 ? "" : "s");
	}
	x12c_across_free(across);
	if (cc.failed)
		bad = true;
	return bad ? EXIT_USER : EXIT_OK;
}
