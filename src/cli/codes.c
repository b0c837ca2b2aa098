/*
 * codes.c: 'medbill import icd10cm|hcpcs|cpt|sex-age FILE' and
 * 'medbill codes search|show|check|sets'.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "medbill/codes.h"
#include "medbill/util.h"

/* ---- imports ---- */

static void progress(const char *step, uint64_t done, uint64_t total, void *arg)
{
	const char *what = arg;

	if (!strcmp(step, "indexing"))
		fprintf(stderr, "\r\033[Kmedbill: indexing %s for search...", what);
	else if (total && done <= total)
		fprintf(stderr, "\rmedbill: reading %s: %3d%%", what, (int)(done * 100 / total));
	else
		fprintf(stderr, "\rmedbill: reading %s: %llu MB", what,
			(unsigned long long)(done >> 20));
	fflush(stderr);
}

static void progress_end(bool shown)
{
	if (shown)
		fputs("\r\033[K", stderr);
}

static int import_usage(struct cli *c, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage(c, argc ? "give one file" : "which file?");
	if (argv[0][0] == '-')
		return cli_usage(c, NULL);
	return EXIT_OK;
}

/*
 * The code-file importers share one shape: usage, open, import, report.
 * The report is a message, so it goes to stderr; stdout stays for data.
 */
typedef int (*import_fn)(struct store *st, const char *path, code_progress_fn prog,
			 void *arg, struct code_import_result *r);

static int import_icd10cm(struct store *st, const char *path, code_progress_fn prog,
			  void *arg, struct code_import_result *r)
{
	return codes_import_icd10cm(st, path, prog, arg, r);
}

static int import_hcpcs(struct store *st, const char *path, code_progress_fn prog,
			void *arg, struct code_import_result *r)
{
	return codes_import_hcpcs(st, path, prog, arg, r);
}

static int import_cpt(struct store *st, const char *path, code_progress_fn prog,
		      void *arg, struct code_import_result *r)
{
	return codes_import_cpt(st, path, r);
}

static int import_sex_age(struct store *st, const char *path, code_progress_fn prog,
			  void *arg, struct code_import_result *r)
{
	return codes_import_sex_age(st, path, r);
}

/* The one-line summary of a completed import, on stderr. */
typedef void (*report_fn)(const struct code_import_result *r);

static int run_import(struct cli *c, int argc, char **argv, import_fn fn, const char *label,
		      report_fn report)
{
	struct code_import_result r = { 0 };
	bool tty = isatty(2);
	int rc;

	if ((rc = import_usage(c, argc, argv)) != EXIT_OK)
		return rc;
	if (!cli_store(c, 0))
		return EXIT_USER;
	rc = fn(c->st, argv[0], tty ? progress : NULL, (void *)label, &r);
	progress_end(tty);
	if (rc != MB_OK)
		return cli_fail();
	if (r.unchanged)
		fprintf(stderr, "medbill: %s from '%s' is already loaded: nothing changed\n",
			label, argv[0]);
	else
		report(&r);
	return EXIT_OK;
}

static void report_icd10cm(const struct code_import_result *r)
{
	fprintf(stderr, "medbill: imported ICD-10-CM FY%s: %ld diag elements, %ld codes, %ld billable, %ld notes\n",
		r->version, r->records, r->codes, r->billable, r->notes);
}

static void report_hcpcs(const struct code_import_result *r)
{
	fprintf(stderr, "medbill: imported HCPCS %s: %ld records, %ld procedure codes, %ld modifiers\n",
		r->version, r->records, r->billable, r->modifiers);
}

static void report_cpt(const struct code_import_result *r)
{
	fprintf(stderr, "medbill: imported CPT: %ld codes\n", r->codes);
}

static void report_sex_age(const struct code_import_result *r)
{
	fprintf(stderr, "medbill: imported %ld sex and age edits\n", r->codes);
}

int cmd_import_icd10cm(struct cli *c, int argc, char **argv)
{
	return run_import(c, argc, argv, import_icd10cm, "ICD-10-CM", report_icd10cm);
}

int cmd_import_hcpcs(struct cli *c, int argc, char **argv)
{
	return run_import(c, argc, argv, import_hcpcs, "HCPCS", report_hcpcs);
}

int cmd_import_cpt(struct cli *c, int argc, char **argv)
{
	return run_import(c, argc, argv, import_cpt, "the CPT file", report_cpt);
}

int cmd_import_sex_age(struct cli *c, int argc, char **argv)
{
	return run_import(c, argc, argv, import_sex_age, "the sex and age edits", report_sex_age);
}

/* ---- codes search ---- */

struct print_ctx {
	bool csv;
	long n;
};

static int print_hit(const struct code_hit *h, void *arg)
{
	struct print_ctx *p = arg;
	const char *mark = "";

	p->n++;
	if (p->csv) {
		csv_field(stdout, code_system_name(h->system), 1);
		csv_field(stdout, h->code, 0);
		csv_field(stdout, h->billable ? "1" : "0", 0);
		csv_field(stdout, h->description, 0);
		csv_end(stdout);
		return 0;
	}
	if (!h->billable)
		mark = h->system == CODE_ICD10CM ? " (header, not billable)" : " (ended)";
	printf("%-9s %-9s %s%s\n", h->code, code_system_name(h->system),
	       *h->description ? h->description : "(no description loaded)", mark);
	return 0;
}

int cmd_codes_search(struct cli *c, int argc, char **argv)
{
	struct print_ctx p = { false, 0 };
	const char *text = NULL, *v;
	int system = CODE_ANY;
	long long limit = 20;
	int i, r;

	for (i = 0; i < argc; i++) {
		if ((r = cli_opt_value(argc, argv, &i, "--system", &v)) != 0) {
			enum code_system sys;

			if (r < 0)
				return cli_usage(c, "'--system' needs a name");
			if (code_system_parse(v, &sys) != MB_OK)
				return cli_fail();
			system = (int)sys;
		} else if ((r = cli_opt_value(argc, argv, &i, "--limit", &v)) != 0) {
			if (r < 0 || cli_parse_int(v, 1, 1000, &limit) != MB_OK)
				return cli_usage(c, "'--limit' needs a number from 1 to 1000");
		} else if (!strcmp(argv[i], "--csv")) {
			p.csv = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "unknown option");
		} else if (!text) {
			text = argv[i];
		} else {
			return cli_usage(c, "give the search text as one argument (quote it)");
		}
	}
	if (!text)
		return cli_usage(c, "what to search for?");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (p.csv) {
		fputs("system,code,billable,description", stdout);
		csv_end(stdout);
	}
	if (codes_search(c->st, text, system, (int)limit, print_hit, &p) != MB_OK)
		return cli_fail();
	if (!p.n)
		return cli_error("no code matches '%s'", text);
	return EXIT_OK;
}

/* ---- codes show ---- */

static void print_date_range(mbdate_t from, mbdate_t to)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	date_iso(from, a);
	date_iso(to, b);
	printf("valid:       %s to %s", from ? a : "(no start date)", to ? b : "(open)");
}

static void print_info(const struct code_info *ci)
{
	size_t i;

	printf("code:        %s\n", ci->code);
	printf("system:      %s\n", code_system_name(ci->system));
	if (ci->described)
		printf("description: %s\n", ci->description);
	else
		printf("description: (none: CPT descriptions come only from a licensed CPT file, "
		       "see 'medbill import cpt')\n");
	if (*ci->short_desc)
		printf("short:       %s\n", ci->short_desc);
	if (ci->system == CODE_ICD10CM) {
		printf("billable:    %s\n", ci->billable ? "yes" :
		       "no (a header: code to a complete code below it)");
		print_date_range(ci->valid_from, ci->valid_to);
		if (ci->fy_first == ci->fy_last)
			printf(" (FY%d)\n", ci->fy_first);
		else
			printf(" (FY%d to FY%d)\n", ci->fy_first, ci->fy_last);
		printf("chapter:     %d\nsection:     %s\n", ci->chapter, ci->section);
	} else if (ci->valid_from || ci->valid_to) {
		print_date_range(ci->valid_from, ci->valid_to);
		putchar('\n');
	}
	if (ci->nnotes)
		printf("notes:\n");
	for (i = 0; i < ci->nnotes; i++) {
		if (!strcmp(ci->notes[i].at, ci->code))
			printf("  %s: %s\n", ci->notes[i].kind, ci->notes[i].text);
		else
			printf("  %s (at %s): %s\n", ci->notes[i].kind, ci->notes[i].at, ci->notes[i].text);
	}
}

int cmd_codes_show(struct cli *c, int argc, char **argv)
{
	const char *code = NULL, *v;
	int system = CODE_ANY, i, r, found = 0;
	struct code_info ci;

	for (i = 0; i < argc; i++) {
		if ((r = cli_opt_value(argc, argv, &i, "--system", &v)) != 0) {
			enum code_system sys;

			if (r < 0)
				return cli_usage(c, "'--system' needs a name");
			if (code_system_parse(v, &sys) != MB_OK)
				return cli_fail();
			system = (int)sys;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "unknown option");
		} else if (!code) {
			code = argv[i];
		} else {
			return cli_usage(c, "give one code");
		}
	}
	if (!code)
		return cli_usage(c, "which code?");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (system != CODE_ANY) {
		if (codes_get(c->st, (enum code_system)system, code, &ci) != MB_OK)
			return cli_fail();
		print_info(&ci);
		code_info_release(&ci);
		return EXIT_OK;
	}
	/* every system that has it */
	for (i = 0; i < CODE_SYSTEM_COUNT; i++) {
		r = codes_get(c->st, (enum code_system)i, code, &ci);
		if (r == MB_ERROR && i == 0)
			return cli_fail();	/* not a code at all */
		if (r == MB_ERROR)
			return cli_fail();
		if (r != MB_OK)
			continue;
		if (i == CODE_CPT && !ci.described && found) {
			code_info_release(&ci);
			continue;	/* known by its format only, and something else has it */
		}
		if (found++)
			putchar('\n');
		print_info(&ci);
		code_info_release(&ci);
	}
	error_clear();
	if (!found)
		return cli_error("'%s' is not a code in any code set loaded", code);
	return EXIT_OK;
}

/* ---- codes check ---- */

int cmd_codes_check(struct cli *c, int argc, char **argv)
{
	const char *code = NULL, *v, *sysname = "icd10cm";
	mbdate_t dos = date_today();
	struct code_check chk;
	char iso[DATE_ISO_LEN];
	int i, r;

	for (i = 0; i < argc; i++) {
		if ((r = cli_opt_value(argc, argv, &i, "--system", &v)) != 0) {
			if (r < 0)
				return cli_usage(c, "'--system' needs a name");
			sysname = v;
		} else if ((r = cli_opt_value(argc, argv, &i, "--dos", &v)) != 0) {
			if (r < 0)
				return cli_usage(c, "'--dos' needs a date");
			if (date_parse(v, &dos, "dos") != MB_OK)
				return cli_fail();
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "unknown option");
		} else if (!code) {
			code = argv[i];
		} else {
			return cli_usage(c, "give one code");
		}
	}
	if (!code)
		return cli_usage(c, "which code?");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (!strcmp(sysname, "icd10cm") || !strcmp(sysname, "icd"))
		r = codes_icd_billable(c->st, code, dos, &chk);
	else if (!strcmp(sysname, "proc") || !strcmp(sysname, "hcpcs") || !strcmp(sysname, "cpt"))
		r = codes_proc_valid(c->st, code, dos, &chk);
	else if (!strcmp(sysname, "modifier"))
		r = codes_modifier_valid(c->st, code, dos, &chk);
	else if (!strcmp(sysname, "pos"))
		r = codes_pos_valid(c->st, code, &chk);
	else
		return cli_usage(c, "'--system' is icd10cm, proc, modifier or pos");
	if (r != MB_OK)
		return cli_fail();
	cli_warnings();
	if (!chk.ok)
		return cli_error("%s", chk.message);
	date_iso(dos, iso);
	if (chk.system == CODE_ICD10CM)
		printf("%s: billable on %s (FY%d)\n", chk.code, iso, chk.fy);
	else
		printf("%s: valid %s code on %s\n", chk.code, code_system_name(chk.system), iso);
	return EXIT_OK;
}

/* ---- codes sets ---- */

static int print_set(const struct code_set *s, void *arg)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	printf("%-8s %-9s %7ld codes  %s  (%s by %s)", s->system, s->version, s->codes, s->source,
	       s->imported_at, s->imported_by);
	if (s->valid_from) {
		date_iso(s->valid_from, a);
		date_iso(s->valid_to, b);
		printf("  dates of service %s to %s", a, b);
	}
	putchar('\n');
	(*(int *)arg)++;
	return 0;
}

int cmd_codes_sets(struct cli *c, int argc, char **argv)
{
	int n = 0;

	if (argc)
		return cli_usage(c, "'codes sets' takes no arguments");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (codes_sets(c->st, print_set, &n) != MB_OK)
		return cli_fail();
	if (!n)
		printf("no code files loaded: see 'medbill import icd10cm' and 'medbill import hcpcs'\n");
	return EXIT_OK;
}
