/*
 * patients.c (cli): 'medbill patients search TEXT [--limit N] [--csv]'.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "medbill/patient.h"
#include "medbill/util.h"

#define SEARCH_DEFAULT_LIMIT 50

struct search_out {
	bool csv;
	long n;		/* rows printed, after the header */
};

static void print_header(bool csv);

static void csv_patient(const struct patient *p)
{
	char id[24], dob[DATE_ISO_LEN], sex[2] = { p->sex, '\0' };

	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	date_iso(p->dob, dob);
	csv_field(stdout, id, 1);
	csv_field(stdout, p->account, 0);
	csv_field(stdout, p->last, 0);
	csv_field(stdout, p->first, 0);
	csv_field(stdout, p->middle, 0);
	csv_field(stdout, dob, 0);
	csv_field(stdout, sex, 0);
	csv_field(stdout, p->phone, 0);
	csv_end(stdout);
}

static void text_patient(const struct patient *p)
{
	char dob[DATE_ISO_LEN], name[128];

	date_iso(p->dob, dob);
	snprintf(name, sizeof(name), "%s, %s%s%s", p->last, p->first, p->middle[0] ? " " : "",
		 p->middle);
	printf("%8lld  %-12s %-32s %s  %c\n", (long long)p->id, p->account, name, dob, p->sex);
}

static int print_patient(const struct patient *p, void *arg)
{
	struct search_out *o = arg;

	if (!o->n)
		print_header(o->csv);
	if (o->csv)
		csv_patient(p);
	else
		text_patient(p);
	o->n++;
	return MB_OK;
}

static void print_header(bool csv)
{
	static const char *const cols[] = {
		"id", "account", "last_name", "first_name", "middle_name", "dob", "sex", "phone",
	};
	size_t i;

	if (!csv) {
		printf("%8s  %-12s %-32s %-10s  %s\n", "id", "account", "name", "dob", "sex");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(cols); i++)
		csv_field(stdout, cols[i], i == 0);
	csv_end(stdout);
}

int cmd_patients_search(struct cli *c, int argc, char **argv)
{
	struct search_out o = { false, 0 };
	const char *text = NULL, *v;
	long long limit = SEARCH_DEFAULT_LIMIT;
	int i, r;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--csv")) {
			o.csv = true;
		} else if ((r = cli_opt_value(argc, argv, &i, "--limit", &v)) != 0) {
			if (r < 0 || cli_parse_int(v, 0, 1000000, &limit) != MB_OK)
				return cli_usage(c, "'--limit' needs a number from 0 (all) to 1000000");
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "unknown option");
		} else if (text) {
			return cli_usage(c, "give one search text (quote \"last, first\")");
		} else {
			text = argv[i];
		}
	}
	if (!text)
		return cli_usage(c, "'patients search' needs a text");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (patient_search(c->st, text, (int)limit, print_patient, &o) != MB_OK)
		return cli_fail();
	if (!o.n && o.csv)
		print_header(true);
	else if (!o.n)
		fprintf(stderr, "medbill: no patient matches '%s'\n", text);
	return EXIT_OK;
}
