/*
 * claims_bench.c: the 837P claim builder on a large practice.
 *
 * Builds (once, kept in bench/out/claims-base.db) a demo practice of
 * BENCH_PATIENTS patients (default 1,000,000) with the full ICD-10-CM and
 * HCPCS code sets, puts BENCH_CLAIMS claims (default 100,000; the ones with
 * the most lines, about 300,000 lines) in the ready queue, then on a fresh
 * copy for each run:
 *   - the floor: the sqlite3 shell runs the builder's own selection and
 *     reader queries (store_claim_reader_sql(), the very same joins) with
 *     the rows going to /dev/null;
 *   - 'medbill claims build' (scrub, 837P, batch records, claims marked
 *     submitted), as a separate process: claims/s, MB/s, peak RSS;
 *   - 'medbill info' on the same database: what opening it costs;
 *   - 'medbill x12 check' on the file written: MB/s.
 * Each step runs as a child process and is measured with wait4() (wall
 * time, CPU time, peak RSS). The machine may be shared: the best of the
 * runs is kept, and the ratio to the floor is given in wall and CPU time.
 * Targets: ratio <= 1.5, peak RSS <= 64 MB. Prints; asserts nothing.
 *
 * Environment: MEDBILL (the binary), BENCH_PATIENTS, BENCH_CLAIMS,
 * BENCH_RUNS (default 2), BENCH_FRESH=1 (rebuild the base database).
 * Run from the top of the tree (make bench).
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "medbill/store_batch.h"
#include "medbill/util.h"

#define DIR "bench/out"
#define BASE DIR "/claims-base.db"
#define WORK DIR "/claims-work.db"
#define OUT DIR "/claims-out"
#define FLOOR DIR "/claims-floor.sql"
#define LOG DIR "/claims-bench.log"

struct run {
	double wall, cpu;	/* seconds */
	long rss_kb;
	int status;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double tv(struct timeval t)
{
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

/* Run argv with stdin from in (NULL: /dev/null), stdout to /dev/null, stderr to the log. */
static struct run spawn(char *const argv[], const char *in)
{
	struct run r = { 0, 0, 0, -1 };
	struct rusage ru;
	double t0 = now();
	pid_t pid;
	int st, fd;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		fd = open(in ? in : "/dev/null", O_RDONLY);
		if (fd < 0 || dup2(fd, 0) < 0)
			_exit(127);
		fd = open("/dev/null", O_WRONLY);
		if (fd < 0 || dup2(fd, 1) < 0)
			_exit(127);
		fd = open(LOG, O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (fd < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	r.wall = now() - t0;
	r.cpu = tv(ru.ru_utime) + tv(ru.ru_stime);
	r.rss_kb = ru.ru_maxrss;
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	return r;
}

/* spawn() with the arguments given as a NULL-terminated list of strings. */
static struct run run_cmd(const char *in, const char *arg0, ...)
{
	char *argv[16];
	const char *a;
	struct run r;
	va_list ap;
	int n = 0, i;

	va_start(ap, arg0);
	for (a = arg0; a && n < 15; a = va_arg(ap, const char *))
		argv[n++] = xstrdup(a);
	va_end(ap);
	argv[n] = NULL;
	r = spawn(argv, in);
	for (i = 0; i < n; i++)
		free(argv[i]);
	return r;
}

static void must(struct run r, const char *what)
{
	if (r.status != 0)
		die("%s failed (exit %d): see %s", what, r.status, LOG);
}

static void copy_file(const char *from, const char *to)
{
	static char buf[1 << 20];
	int in = open(from, O_RDONLY), out;
	ssize_t n;

	if (in < 0)
		die("%s: %s", from, strerror(errno));
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (out < 0)
		die("%s: %s", to, strerror(errno));
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			die("%s: %s", to, strerror(errno));
	close(in);
	/* On disk before anything is timed: else the build's first fsync of the
	 * database would also write out the whole copy. */
	if (n < 0 || fsync(out) != 0 || close(out) != 0)
		die("copy to %s failed", to);
}

static void sql_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die("sql: %s\n%s", msg ? msg : "?", sql);
}

/* The demo practice, its code sets and the ready claims: once. */
static void make_base(const char *mb, long patients, long claims)
{
	char pat[32], sql[1024];
	sqlite3 *db;
	double t0 = now();

	unlink(BASE);
	snprintf(pat, sizeof(pat), "%ld", patients);
	printf("claims: making %s: demo practice of %ld patients, ICD-10-CM, HCPCS...\n", BASE, patients);
	must(run_cmd(NULL, mb, "--db", BASE, "init", NULL), "init");
	must(run_cmd(NULL, mb, "--db", BASE, "demo", "--patients", pat, NULL), "demo");
	must(run_cmd(NULL, mb, "--db", BASE, "import", "icd10cm", "data/icd10cm_tabular_2023.xml.gz", NULL),
	     "import icd10cm");
	must(run_cmd(NULL, mb, "--db", BASE, "import", "hcpcs", "data/HCPC2019_CONTR_ANWEB.txt.gz", NULL),
	     "import hcpcs");
	if (sqlite3_open(BASE, &db) != SQLITE_OK)
		die("open %s", BASE);
	/* Exactly the claims with the most lines are ready; the demo's own ready ones wait. */
	snprintf(sql, sizeof(sql),
		 "BEGIN;"
		 "UPDATE claim_state SET status = 'hold' WHERE status = 'ready';"
		 "UPDATE claim_state SET status = 'ready' WHERE claim_id IN (SELECT cl.claim_id FROM claim_lines cl"
		 " JOIN claims c ON c.id = cl.claim_id WHERE c.coverage_id IS NOT NULL"
		 " AND c.frequency = '1' GROUP BY cl.claim_id ORDER BY count(*) DESC, cl.claim_id LIMIT %ld);"
		 "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);", claims);
	sql_exec(db, sql);
	sqlite3_close(db);
	printf("claims: base ready in %.0f s\n", now() - t0);
}

/* The floor script: the builder's selection and reader queries, per receiver, to /dev/null. */
static void write_floor(void)
{
	FILE *f = fopen(FLOOR, "w");
	sqlite3 *db;
	sqlite3_stmt *s;
	int i;

	if (!f)
		die("%s: %s", FLOOR, strerror(errno));
	fprintf(f, ".bail on\n%s;\n.parameter init\n.parameter set :by_receiver 1\n"
		".parameter set :payer NULL\n.parameter set :ready 1\n%s;\n.output /dev/null\n",
		store_claim_reader_sql(0), store_claim_reader_sql(1));
	/* The receivers the claims go to: the same selection, read here. */
	if (sqlite3_open_v2(BASE, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("open %s", BASE);
	sql_exec(db, store_claim_reader_sql(0));
	if (sqlite3_prepare_v2(db, store_claim_reader_sql(1), -1, &s, NULL) != SQLITE_OK)
		die("prepare: %s", sqlite3_errmsg(db));
	sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":by_receiver"), 1);
	if (sqlite3_step(s) != SQLITE_DONE)
		die("select: %s", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT grp FROM temp.claim_sel ORDER BY grp", -1, &s, NULL) != SQLITE_OK)
		die("prepare: %s", sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		fprintf(f, ".parameter set :grp %lld\n", (long long)sqlite3_column_int64(s, 0));
		for (i = 2; store_claim_reader_sql(i); i++)
			fprintf(f, "%s;\n", store_claim_reader_sql(i));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	if (fclose(f) != 0)
		die("%s: write failed", FLOOR);
}

static void clear_out(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s && mkdir -p %s", OUT, OUT);
	if (system(cmd) != 0)
		die("cannot clear %s", OUT);
}

static void fresh_work(void)
{
	unlink(WORK "-wal");
	unlink(WORK "-shm");
	copy_file(BASE, WORK);
}

static void best(struct run *b, struct run r)
{
	if (!b->wall || r.wall < b->wall)
		b->wall = r.wall;
	if (!b->cpu || r.cpu < b->cpu)
		b->cpu = r.cpu;
	if (r.rss_kb > b->rss_kb)
		b->rss_kb = r.rss_kb;
}

int main(void)
{
	const char *mb = getenv("MEDBILL") ? getenv("MEDBILL") : "./medbill";
	long patients = getenv("BENCH_PATIENTS") ? atol(getenv("BENCH_PATIENTS")) : 1000000;
	long nclaims = getenv("BENCH_CLAIMS") ? atol(getenv("BENCH_CLAIMS")) : 100000;
	int runs = getenv("BENCH_RUNS") ? atoi(getenv("BENCH_RUNS")) : 2;
	struct run floor_ = { 0 }, build = { 0 }, open_ = { 0 }, check = { 0 }, r;
	long long claims = 0, lines = 0, bytes = 0;
	char path[1024] = "";
	struct stat sb;
	sqlite3 *db;
	sqlite3_stmt *s;
	int i;

	if (access("data/icd10cm_tabular_2023.xml.gz", R_OK) != 0)
		die("run from the top of the tree (make bench)");
	mkdir(DIR, 0700);
	unlink(LOG);
	if (getenv("BENCH_FRESH") || stat(BASE, &sb) != 0)
		make_base(mb, patients, nclaims);
	write_floor();
	for (i = 0; i < runs; i++) {
		fresh_work();
		clear_out();
		r = run_cmd(FLOOR, "sqlite3", WORK, NULL);
		must(r, "the sqlite3 floor");
		best(&floor_, r);
		r = run_cmd(NULL, mb, "--user", "bench", "--db", WORK, "claims", "build", "--out", OUT, NULL);
		must(r, "claims build");
		best(&build, r);
		r = run_cmd(NULL, mb, "--db", WORK, "info", NULL);
		must(r, "info");
		best(&open_, r);
	}
	if (sqlite3_open_v2(WORK, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT sum(claims), sum(lines), sum(bytes), max(path) FROM batches "
			       "WHERE status = 'sent'", -1, &s, NULL) != SQLITE_OK)
		die("read %s", WORK);
	if (sqlite3_step(s) == SQLITE_ROW) {
		claims = sqlite3_column_int64(s, 0);
		lines = sqlite3_column_int64(s, 1);
		bytes = sqlite3_column_int64(s, 2);
		if (sqlite3_column_text(s, 3))
			snprintf(path, sizeof(path), "%s", (const char *)sqlite3_column_text(s, 3));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	for (i = 0; i < runs && path[0]; i++) {
		r = run_cmd(NULL, mb, "x12", "check", "--no-codes", path, NULL);
		best(&check, r);
		check.status = r.status;
	}

	printf("claims: %lld claims, %lld lines, %.1f MB of 837P in one build (best of %d runs)\n",
	       claims, lines, (double)bytes / 1e6, runs);
	printf("claims: build  %6.2f s wall %6.2f s CPU: %.0f claims/s, %.1f MB/s; peak RSS %ld MB (target 64)\n",
	       build.wall, build.cpu, (double)claims / build.wall, (double)bytes / 1e6 / build.wall,
	       build.rss_kb / 1024);
	printf("claims: floor  %6.2f s wall %6.2f s CPU (sqlite3 shell, same selection and joins, to /dev/null)\n",
	       floor_.wall, floor_.cpu);
	printf("claims: ratio to the floor: %.2f wall, %.2f CPU (target 1.5)\n",
	       build.wall / floor_.wall, build.cpu / floor_.cpu);
	printf("claims: opening the database ('medbill info') takes %.2f s wall %.2f s CPU of that;"
	       " without it: %.2f wall, %.2f CPU\n", open_.wall, open_.cpu,
	       (build.wall - open_.wall) / floor_.wall, (build.cpu - open_.cpu) / floor_.cpu);
	if (path[0])
		printf("claims: x12 check of the file: %.2f s wall, %.1f MB/s (exit %d)\n", check.wall,
		       (double)bytes / 1e6 / check.wall, check.status);
	return 0;
}
