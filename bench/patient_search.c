/*
 * patient_search.c: how fast patient_add() fills a database and how fast
 * patient_search() answers on it.
 *
 *     build/bench/patient_search [N]     (default 1000000 patients)
 *
 * A quarter of the patients get a coverage, so that member-ID search has
 * rows to find. Names are synthetic: syllables put together.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/store.h"
#include "medbill/util.h"

static const char *const syl[] = {
	"Al", "Bar", "Cor", "Dal", "Ek", "Fen", "Gar", "Hol", "Ir", "Jas", "Kel", "Lor", "Mar",
	"Nor", "Ob", "Pel", "Quin", "Ros", "Sal", "Tor", "Ul", "Val", "Wes", "Yor", "Zan",
	"Ber", "Cal", "Dor", "Fal", "Gil", "Har", "Lin", "Mor", "Pra", "Ren", "Sten", "Tam",
};
static const char *const tail[] = {
	"son", "ley", "ford", "ton", "man", "er", "wick", "by", "well", "dale", "more", "ridge",
	"field", "stone", "wood", "s", "en", "ett", "ard", "ing",
};

static uint64_t rng = 88172645463325252ull;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void make_last(char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s", syl[rnd(ARRAY_SIZE(syl))],
		 rnd(2) ? "" : "a", tail[rnd(ARRAY_SIZE(tail))]);
	buf[1] = (char)(buf[1] | 0x20);
}

static void make_patient(struct patient *p)
{
	memset(p, 0, sizeof(*p));
	make_last(p->last, sizeof(p->last));
	snprintf(p->first, sizeof(p->first), "%s%s", syl[rnd(ARRAY_SIZE(syl))],
		 tail[rnd(ARRAY_SIZE(tail))]);
	p->dob = (1930 + (int)rnd(95)) * 10000 + (1 + (int)rnd(12)) * 100 + 1 + (int)rnd(28);
	p->sex = rnd(2) ? 'F' : 'M';
	SCPY(p->addr.line1, "1 Bench St");
	SCPY(p->addr.city, "Springfield");
	SCPY(p->addr.state, "IL");
	SCPY(p->addr.zip, "62701");
}

static int64_t fill(struct store *st, long n)
{
	struct payer y = { 0 };
	struct patient p;
	struct coverage c;
	long i;

	SCPY(y.name, "Bench Payer");
	SCPY(y.payer_id, "BENCH1");
	SCPY(y.filing_code, "CI");
	if (store_begin(st) != MB_OK || payer_add(st, &y) != MB_OK)
		die("%s", error_last());
	for (i = 0; i < n; i++) {
		make_patient(&p);
		if (patient_add(st, &p) != MB_OK)
			die("patient %ld: %s", i, error_last());
		if (i % 4)
			continue;
		memset(&c, 0, sizeof(c));
		c.patient = p.id;
		c.payer = y.id;
		c.seq = 1;
		snprintf(c.member_id, sizeof(c.member_id), "M%09ld", i);
		c.effective = 20200101;
		if (coverage_add(st, &c) != MB_OK)
			die("coverage %ld: %s", i, error_last());
	}
	if (store_commit(st) != MB_OK)
		die("%s", error_last());
	return y.id;
}

static int count_hit(const struct patient *p, void *arg)
{
	(*(long *)arg)++;
	return MB_OK;
}

/* Run 'runs' searches of one kind and print the mean and worst time. */
static void measure(struct store *st, const char *kind, long n, int runs)
{
	double t, total = 0, worst = 0;
	char text[64];
	long hits = 0;
	int i;

	for (i = 0; i < runs; i++) {
		if (!strcmp(kind, "last prefix")) {
			make_last(text, sizeof(text));
			text[3] = '\0';
		} else if (!strcmp(kind, "last, first")) {
			make_last(text, sizeof(text));
			strcat(text, ", ");
			strncat(text, syl[rnd(ARRAY_SIZE(syl))], 2);
		} else if (!strcmp(kind, "account")) {
			snprintf(text, sizeof(text), "P%07ld", 1 + (long)rnd((uint32_t)n));
		} else if (!strcmp(kind, "member id")) {
			snprintf(text, sizeof(text), "M%09ld", (long)rnd((uint32_t)n) / 4 * 4);
		} else {
			snprintf(text, sizeof(text), "%02d/%02d/%d", 1 + (int)rnd(12), 1 + (int)rnd(28),
				 1930 + (int)rnd(95));
		}
		t = now_ms();
		if (patient_search(st, text, 50, count_hit, &hits) != MB_OK)
			die("search '%s': %s", text, error_last());
		t = now_ms() - t;
		total += t;
		if (t > worst)
			worst = t;
	}
	printf("search %-12s %5d runs  mean %.3f ms  worst %.3f ms  (%.1f hits each)\n",
	       kind, runs, total / runs, worst, (double)hits / runs);
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = { "last prefix", "last, first", "account", "member id", "dob" };
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	char path[] = "/tmp/medbill-bench-XXXXXX";
	struct store *st;
	double t;
	size_t k;
	int fd;

	setenv("MEDBILL_TODAY", "2026-11-26", 1);
	user_set("bench");
	if ((fd = mkstemp(path)) < 0)
		die("mkstemp");
	close(fd);
	unlink(path);
	if (store_open(path, STORE_CREATE, &st) != MB_OK)
		die("%s", error_last());
	store_bulk_begin(st);
	t = now_ms();
	fill(st, n);
	t = now_ms() - t;
	store_bulk_end(st);
	printf("patient_add: %ld patients (and %ld coverages) in %.1f s, %.0f per second\n",
	       n, (n + 3) / 4, t / 1e3, n / (t / 1e3));
	for (k = 0; k < ARRAY_SIZE(kinds); k++)
		measure(st, kinds[k], n, 2000);
	store_close(st);
	unlink(path);
	strcat(path, "-wal");
	unlink(path);
	return 0;
}
