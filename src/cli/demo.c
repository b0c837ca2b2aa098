/*
 * demo.c (cli): 'medbill demo [--patients N] [--seed S]'.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "medbill/demo.h"
#include "medbill/util.h"

static void show_progress(long done, long total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rmedbill: demo: %ld of %ld patients", done, total);
	if (done == total)
		fputc('\n', stderr);
}

/* A seed: 0 to 2^64-1 in decimal, digits only. */
static int parse_seed(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!s || !str_is_digits(s) || !*s)
		return MB_ERROR;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end)
		return MB_ERROR;
	*out = (uint64_t)v;
	return MB_OK;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_demo(struct cli *c, int argc, char **argv)
{
	struct demo_options o;
	struct demo_counts n;
	char msg[160];
	double t0;
	int i, r;

	demo_options_init(&o);
	for (i = 0; i < argc; i++) {
		const char *v;
		long long p;

		if ((r = cli_opt_value(argc, argv, &i, "--patients", &v)) != 0) {
			if (r < 0 || cli_parse_int(v, 1, DEMO_MAX_PATIENTS, &p) != MB_OK) {
				snprintf(msg, sizeof(msg), "'--patients' needs a whole number from 1 to %ld%s%s%s",
					 DEMO_MAX_PATIENTS, r < 0 ? "" : ", not '", r < 0 ? "" : v,
					 r < 0 ? "" : "'");
				return cli_usage(c, msg);
			}
			o.patients = (long)p;
			continue;
		}
		if ((r = cli_opt_value(argc, argv, &i, "--seed", &v)) != 0) {
			if (r < 0 || parse_seed(v, &o.seed) != MB_OK) {
				snprintf(msg, sizeof(msg), "'--seed' needs a whole number from 0 to "
					 "18446744073709551615%s%s%s", r < 0 ? "" : ", not '",
					 r < 0 ? "" : v, r < 0 ? "" : "'");
				return cli_usage(c, msg);
			}
			continue;
		}
		snprintf(msg, sizeof(msg), "'demo' does not take '%s'", argv[i]);
		return cli_usage(c, msg);
	}
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (isatty(STDERR_FILENO) && o.patients >= 20000)
		o.progress = show_progress;
	t0 = seconds();
	if (demo_generate(c->st, &o, &n) != MB_OK)
		return cli_fail();
	fprintf(stderr, "medbill: demo practice: %ld patients, %ld coverages, %ld encounters, "
		"%ld claims, %ld ledger rows in %.1f s\n", n.patients, n.coverages, n.encounters,
		n.claims, n.ledger_rows, seconds() - t0);
	return EXIT_OK;
}
