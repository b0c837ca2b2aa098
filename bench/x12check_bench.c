/*
 * x12check_bench.c: throughput of the 837P generator and of the X12 checker.
 *
 *   x12check_bench [--claims N] [--keep PATH]   generate N synthetic claims
 *                                              (default 100000), then check them
 *   x12check_bench FILE...                      check existing X12 files
 *
 * Prints claims/s and MB/s for each step and the peak RSS. The data is
 * synthetic (made-up people); the temporary file is removed unless --keep.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "medbill/util.h"
#include "medbill/x12check.h"
#include "medbill/x837.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void count_problem(void *ctx, const struct x12c_problem *p)
{
	long *n = ctx;

	if (++*n <= 5)
		fprintf(stderr, "%s:%ld: %s*%02d: %s\n", p->file, p->segno, p->seg, p->elem, p->msg);
}

static int check(const char *path)
{
	struct x12c_summary sum;
	long problems = 0;
	struct x12c_options o = { count_problem, &problems, NULL, NULL };
	FILE *f = fopen(path, "rb");
	double t0, dt;

	if (!f) {
		perror(path);
		return 1;
	}
	t0 = now();
	if (x12check_file(f, path, &o, &sum) != MB_OK) {
		fprintf(stderr, "%s: %s\n", path, error_last());
		fclose(f);
		return 1;
	}
	dt = now() - t0;
	fclose(f);
	printf("x12 check: %s: %.1f MB, %ld segments, %ld claims in %.2f s: %.1f MB/s, "
	       "%.0f claims/s; %ld errors, %ld warnings; peak RSS %ld MB\n",
	       path, (double)sum.bytes / 1e6, sum.segments, sum.claims, dt,
	       (double)sum.bytes / 1e6 / dt, (double)sum.claims / dt, sum.errors, sum.warnings,
	       peak_rss_kb() / 1024);
	return sum.errors ? 1 : 0;
}

/* ---- synthetic claims ---- */

static const struct settings settings = {
	.submitter_name = "Bench Billing", .submitter_id = "BENCH01", .contact_name = "Bench",
	.contact_phone = "6175550100", .isa_qual = "ZZ", .isa_id = "BENCHSUB", .gs_id = "BENCHSUB",
	.usage = 'T',
};
static const struct receiver receiver = {
	.name = "Bench Clearinghouse", .receiver_id = "BENCHRCV", .isa_qual = "ZZ",
	.isa_id = "BENCHRCV", .gs_id = "BENCHRCV",
};
static const struct practice practice = {
	.name = "Bench Family Medicine", .npi = "1234567893", .ein = "041234567",
	.taxonomy = "207Q00000X",
	.addr = { "100 Main St", "", "Boston", "MA", "021101234" },
};
static const struct payer payer = { .name = "Bench Health Plan", .payer_id = "BHP01", .filing_code = "CI" };
static const struct provider rendering = {
	.last = "Morgan", .first = "Lee", .npi = "1111111112", .taxonomy = "207Q00000X",
};

static int generate(const char *path, long n)
{
	struct x837_interchange ic = {
		.settings = &settings, .receiver = &receiver, .isa13 = 1, .gs06 = 1,
		.date = 20261126, .hhmm = 1200,
	};
	struct patient pt = {
		.last = "Rivera", .first = "Jordan", .dob = 19800315, .sex = 'F',
		.addr = { "12 Elm St", "", "Quincy", "MA", "02169" },
	};
	struct coverage cov = { .seq = 1, .member_id = "M000000000", .group_no = "G77",
				.relationship = "18" };
	struct charge lines[3] = {
		{ .code = "99213", .units = 1, .amount = 12500, .ptrs = { 1, 2 } },
		{ .code = "87880", .mods = { "QW" }, .units = 1, .amount = 3550, .ptrs = { 1 } },
		{ .code = "36415", .units = 1, .amount = 1500, .ptrs = { 2 } },
	};
	struct encounter enc = { .dos = 20261102, .pos = "11", .ndiag = 2,
				 .diag = { "J069", "R509" }, .ncharges = 3, .charges = lines };
	struct claim cl = { .frequency = '1' };
	struct x837_claim c = {
		.billing = &practice, .payer = &payer, .coverage = &cov, .patient = &pt,
		.claim = &cl, .encounter = &enc, .rendering = &rendering,
	};
	struct x837_stats st;
	struct x837 *x;
	FILE *f = fopen(path, "wb");
	double t0, dt;
	long i, set = 0;
	char st02[24], bht[32];
	int ret = 1;

	if (!f) {
		perror(path);
		return 1;
	}
	t0 = now();
	if (x837_begin(f, &ic, &x) != MB_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		if (i == 0 || x837_transaction_full(x)) {
			if (i)
				x837_end_transaction(x);
			snprintf(st02, sizeof(st02), "%04ld", ++set);
			snprintf(bht, sizeof(bht), "BENCH%ld", set);
			if (x837_begin_transaction(x, st02, bht) != MB_OK)
				goto fail;
		}
		snprintf(cl.pcn, sizeof(cl.pcn), "B%09ld", i + 1);
		snprintf(cov.member_id, sizeof(cov.member_id), "M%09ld", i % 1000003);
		lines[0].id = 3 * i + 1;
		lines[1].id = 3 * i + 2;
		lines[2].id = 3 * i + 3;
		if (x837_claim(x, &c) != MB_OK)
			goto fail;
	}
	if (x837_end(x) != MB_OK)
		goto fail;
	if (fflush(f) != 0)
		goto fail;
	dt = now() - t0;
	x837_stats(x, &st);
	printf("837P generate: %ld claims, %ld lines, %.1f MB in %.2f s: %.0f claims/s, %.1f MB/s; "
	       "peak RSS %ld MB\n", st.claims, st.lines, (double)st.bytes / 1e6, dt,
	       (double)st.claims / dt, (double)st.bytes / 1e6 / dt, peak_rss_kb() / 1024);
	ret = 0;
fail:
	if (ret)
		fprintf(stderr, "generate: %s\n", error_last());
	x837_free(x);
	fclose(f);
	return ret;
}

int main(int argc, char **argv)
{
	long n = 100000;
	const char *keep = NULL;
	char tmp[64];
	int i, ret = 0;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--claims") && i + 1 < argc)
			n = atol(argv[++i]);
		else if (!strcmp(argv[i], "--keep") && i + 1 < argc)
			keep = argv[++i];
		else {
			fprintf(stderr, "usage: x12check_bench [--claims N] [--keep PATH] | FILE...\n");
			return 2;
		}
	}
	if (i < argc) {
		for (; i < argc; i++)
			ret |= check(argv[i]);
		return ret;
	}
	if (n < 1)
		n = 1;
	if (keep) {
		snprintf(tmp, sizeof(tmp), "%s", keep);
	} else {
		int fd;

		snprintf(tmp, sizeof(tmp), "/tmp/medbill-bench-XXXXXX");
		fd = mkstemp(tmp);
		if (fd < 0) {
			perror("mkstemp");
			return 1;
		}
		close(fd);
	}
	ret = generate(tmp, n);
	if (!ret)
		ret = check(tmp);
	if (!keep)
		unlink(tmp);
	return ret;
}
