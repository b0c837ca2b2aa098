/*
 * codes_bench.c: import time of the full FY2023 ICD-10-CM and HCPCS 2019
 * files, and type-ahead search latency on them (target: 5 ms), measured as a
 * clerk types: every prefix of common searches and codes, in all systems and
 * in one. Also the scrubber's billable check. Run from the top of the tree
 * (make bench); prints measurements, asserts nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "medbill/codes.h"
#include "medbill/store.h"
#include "medbill/util.h"

#define ROUNDS 5

static const char *const phrases[] = {
	"strep throat", "type 2 diabetes", "essential hypertension", "acute bronchitis",
	"otitis media", "low back pain", "urinary tract infection", "fracture of right radius",
	"chest pain", "migraine", "asthma", "generalized anxiety", "major depressive disorder",
	"obesity", "vitamin d deficiency", "hyperlipidemia", "influenza", "pneumonia",
	"knee pain", "sprain of ankle", "colles fracture initial", "annual exam",
	"wheelchair cushion", "syringe with needle", "glucose monitor", "walker", "oxygen",
	"ambulance", "flu vaccine", "covid", "injection", "office", "separate encounter",
};

static const char *const codes[] = {
	"J02.9", "E11.65", "I10", "S52.521A", "M54.50", "Z00.00", "A4206", "K0001", "99213",
	"G0008", "R10.9", "F41.1", "T36.0X1A", "O09.529", "25", "N130",
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: what the work costs, without the waits of a busy machine. */
static double cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double pct(double *v, size_t n, double p)
{
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);

	return v[i < n ? i : n - 1];
}

struct keep {
	char (*codes)[CODE_LEN];
	size_t n, alloc;
	long hits;
};

static int on_hit(const struct code_hit *h, void *arg)
{
	struct keep *k = arg;

	k->hits++;
	if (h->system == CODE_ICD10CM && k->n < 2000) {
		ALLOC_GROW(k->codes, k->n + 1, k->alloc);
		SCPY(k->codes[k->n], h->code);
		k->n++;
	}
	return 0;
}

/* Every prefix a clerk types, two characters on (one for codes). */
static char **typed(size_t *n)
{
	char **v = NULL;
	size_t alloc = 0, i, len;

	*n = 0;
	for (i = 0; i < ARRAY_SIZE(phrases); i++)
		for (len = 2; len <= strlen(phrases[i]); len++) {
			if (phrases[i][len - 1] == ' ')
				continue;
			ALLOC_GROW(v, *n + 1, alloc);
			v[(*n)++] = xstrndup(phrases[i], len);
		}
	for (i = 0; i < ARRAY_SIZE(codes); i++)
		for (len = 1; len <= strlen(codes[i]); len++) {
			ALLOC_GROW(v, *n + 1, alloc);
			v[(*n)++] = xstrndup(codes[i], len);
		}
	return v;
}

int main(void)
{
	char path[64];
	struct store *st = NULL;
	struct code_import_result r;
	struct keep k = { NULL, 0, 0, 0 };
	double t, c, *lat = NULL, *clat = NULL, first_max = 0;
	size_t nq, i, round, n = 0;
	char **q = typed(&nq);
	int fd, ret = 1;

	setenv("MEDBILL_TODAY", "2026-11-26", 1);
	snprintf(path, sizeof(path), "/tmp/medbill-bench-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	unlink(path);
	if (store_open(path, STORE_CREATE, &st) != MB_OK || codes_load_shipped(st, "data") != MB_OK)
		goto fail;

	t = now();
	c = cpu();
	if (codes_import_icd10cm(st, "data/icd10cm_tabular_2023.xml.gz", NULL, NULL, &r) != MB_OK)
		goto fail;
	printf("import icd10cm FY%s: %.2f s (cpu %.2f s; %ld diag elements, %ld codes, %ld billable; "
	       "target 5 s)\n", r.version, now() - t, cpu() - c, r.records, r.codes, r.billable);
	t = now();
	c = cpu();
	if (codes_import_hcpcs(st, "data/HCPC2019_CONTR_ANWEB.txt.gz", NULL, NULL, &r) != MB_OK)
		goto fail;
	printf("import hcpcs %s: %.2f s (cpu %.2f s; %ld procedures, %ld modifiers)\n", r.version,
	       now() - t, cpu() - c, r.billable, r.modifiers);
	t = now();
	c = cpu();
	if (codes_import_icd10cm(st, "data/icd10cm_tabular_2023.xml.gz", NULL, NULL, &r) != MB_OK)
		goto fail;
	printf("import icd10cm again (unchanged): %.2f s (cpu %.2f s)\n", now() - t, cpu() - c);

	/* search: all systems and ICD-10-CM alone, ROUNDS times; the first round is cold */
	lat = xmalloc(sizeof(*lat) * nq * 2 * ROUNDS);
	clat = xmalloc(sizeof(*clat) * nq * 2 * ROUNDS);
	for (round = 0; round < ROUNDS; round++) {
		for (i = 0; i < nq * 2; i++) {
			int sys = i < nq ? CODE_ANY : CODE_ICD10CM;
			double d;

			t = now();
			c = cpu();
			if (codes_search(st, q[i % nq], sys, 20, on_hit, &k) != MB_OK)
				goto fail;
			d = (now() - t) * 1e3;
			clat[n] = (cpu() - c) * 1e3;
			if (round == 0) {
				if (d > first_max)
					first_max = d;
				continue;
			}
			lat[n++] = d;
			if (getenv("BENCH_SLOW") && clat[n - 1] > 2)
				fprintf(stderr, "slow: cpu %.2f ms: '%s' (%s)\n", clat[n - 1], q[i % nq],
					sys == CODE_ANY ? "any" : "icd10cm");
		}
	}
	qsort(lat, n, sizeof(*lat), cmp_double);
	qsort(clat, n, sizeof(*clat), cmp_double);
	printf("search: %zu queries (every prefix typed of %zu searches and %zu codes, all systems "
	       "and icd10cm) x %d warm rounds, limit 20:\n", nq * 2, ARRAY_SIZE(phrases),
	       ARRAY_SIZE(codes), ROUNDS - 1);
	printf("  wall: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms  (cold first round max "
	       "%.3f ms); target 5 ms: %s\n", pct(lat, n, 0.5), pct(lat, n, 0.9), pct(lat, n, 0.99),
	       lat[n - 1], first_max, pct(lat, n, 0.99) <= 5.0 ? "met" : "missed");
	printf("  cpu:  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms (wall minus the waits of a "
	       "busy machine)\n", pct(clat, n, 0.5), pct(clat, n, 0.9), pct(clat, n, 0.99), clat[n - 1]);

	/* the scrubber's check on the ICD-10-CM codes the searches found */
	free(lat);
	lat = xmalloc(sizeof(*lat) * (k.n + 1) * ROUNDS);
	n = 0;
	for (round = 0; round < ROUNDS; round++)
		for (i = 0; i < k.n; i++) {
			struct code_check chk;

			t = now();
			if (codes_icd_billable(st, k.codes[i], 20230615, &chk) != MB_OK)
				goto fail;
			if (round)
				lat[n++] = (now() - t) * 1e3;
		}
	if (n) {
		qsort(lat, n, sizeof(*lat), cmp_double);
		printf("billable check: %zu codes x %d rounds: p50 %.3f ms  p99 %.3f ms  max %.3f ms\n",
		       k.n, ROUNDS - 1, pct(lat, n, 0.5), pct(lat, n, 0.99), lat[n - 1]);
	}
	ret = 0;
	goto done;
fail:
	fprintf(stderr, "codes_bench: %s\n", error_last());
done:
	store_close(st);
	unlink(path);
	{
		char side[80];

		snprintf(side, sizeof(side), "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof(side), "%s-shm", path);
		unlink(side);
	}
	for (i = 0; i < nq; i++)
		free(q[i]);
	free(q);
	free(lat);
	free(clat);
	free(k.codes);
	return ret;
}
