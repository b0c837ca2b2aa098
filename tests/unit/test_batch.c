/* test_batch.c: building 837P batches, control numbers, what is recorded, and the claim lifecycle. */
#include <sys/stat.h>
#include <dirent.h>

#include "claims_fixture.h"
#include "medbill/x12.h"
#include "medbill/x12check.h"

struct outdir {
	char path[64];
};

static void outdir_make(struct outdir *d)
{
	snprintf(d->path, sizeof(d->path), "/tmp/medbill-out-XXXXXX");
	assert_non_null(mkdtemp(d->path));
}

/* Remove the folder and whatever the builds left in it; returns how many files there were. */
static int outdir_clear(struct outdir *d, bool remove_dir)
{
	DIR *dir = opendir(d->path);
	struct dirent *de;
	char p[512];
	int n = 0;

	assert_non_null(dir);
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
			continue;
		snprintf(p, sizeof(p), "%s/%s", d->path, de->d_name);
		unlink(p);
		n++;
	}
	closedir(dir);
	if (remove_dir)
		rmdir(d->path);
	return n;
}

/* Read an X12 file: the count of segments with this id, and the value of element el of the n-th (1-based) one. */
static int segs(const char *path, const char *id, int nth, int el, char *val, size_t vn)
{
	FILE *fp = fopen(path, "r");
	struct x12_reader r;
	struct x12_segment seg;
	int count = 0;

	assert_non_null(fp);
	if (val)
		val[0] = '\0';
	x12r_init(&r, fp);
	while (x12r_next(&r, &seg) == MB_OK) {
		if (strcmp(seg.id, id))
			continue;
		count++;
		if (val && count == nth)
			snprintf(val, vn, "%s", x12_el(&seg, el));
	}
	x12r_release(&r);
	fclose(fp);
	return count;
}

static void print_problem(void *ctx, const struct x12c_problem *p)
{
	(void)ctx;
	print_message("%s:%ld: %s*%02d: %s\n", p->file, p->segno, p->seg, p->elem, p->msg);
}

/* Every file a build writes passes the X12 checker (what 'medbill x12 check' runs). */
static void check_files(const struct build_result *r)
{
	struct x12c_options o = { print_problem, NULL, NULL, NULL };
	struct x12c_summary sum;
	size_t i;
	FILE *fp;

	for (i = 0; i < r->nfiles; i++) {
		fp = fopen(r->paths[i], "rb");
		assert_non_null(fp);
		assert_ok(x12check_file(fp, r->paths[i], &o, &sum));
		fclose(fp);
		assert_int_equal(sum.errors, 0);
		assert_int_equal(sum.warnings, 0);
		assert_true(sum.claims > 0);
	}
}

/* batch_build(), then the checker on what it wrote. */
static int build_checked(struct store *st, const struct build_opts *o, struct build_result *r)
{
	int rc = batch_build(st, o, r);

	if (rc == MB_OK)
		check_files(r);
	return rc;
}

static void build(struct cfx *f, struct outdir *d, const int64_t *ids, size_t n, struct build_result *r)
{
	struct build_opts o = { 0 };

	o.outdir = d->path;
	o.ids = ids;
	o.nids = n;
	o.newlines = true;
	assert_ok(build_checked(f->st, &o, r));
}

static void test_nothing_ready(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;

	cfx_open(&f);
	outdir_make(&d);
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.nfiles, 0);
	assert_int_equal(r.claims, 0);
	assert_int_equal(outdir_clear(&d, true), 0);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM batches"), 0);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM control_numbers"), 0);
	build_result_release(&r);
	cfx_close(&f);
}

static void test_build_records_everything(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;
	struct batch b;
	char v[128], want[128];
	int64_t c1, c2, batch, claim, charge;
	struct stat sb;

	cfx_open(&f);
	outdir_make(&d);
	c1 = cfx_claim(&f, NULL);
	c2 = cfx_claim(&f, NULL);
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.nfiles, 1);
	assert_int_equal(r.claims, 2);
	assert_int_equal(r.lines, 2);
	assert_int_equal(r.total, 24000);
	snprintf(want, sizeof(want), "%s/837P-000000001-CLEARHOUSE.x12", d.path);
	assert_string_equal(r.paths[0], want);
	assert_int_equal(stat(r.paths[0], &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	/* The envelope carries the persisted numbers. */
	assert_int_equal(segs(r.paths[0], "ISA", 1, 13, v, sizeof(v)), 1);
	assert_string_equal(v, "000000001");
	segs(r.paths[0], "GS", 1, 6, v, sizeof(v));
	assert_string_equal(v, "1");
	segs(r.paths[0], "ST", 1, 2, v, sizeof(v));
	assert_string_equal(v, "0001");
	segs(r.paths[0], "BHT", 1, 3, v, sizeof(v));
	snprintf(want, sizeof(want), "B%lldT1", (long long)r.batches[0]);
	assert_string_equal(v, want);
	assert_int_equal(segs(r.paths[0], "CLM", 2, 1, v, sizeof(v)), 2);
	assert_string_equal(v, cfx_text(&f, "SELECT pcn FROM claims ORDER BY id DESC LIMIT 1", want, sizeof(want)));
	assert_int_equal(segs(r.paths[0], "REF", 0, 0, NULL, 0), 3);	/* EI, 6R, 6R */

	/* The batch, its set and its claims are recorded; the claims are submitted. */
	assert_ok(batch_get(f.st, r.batches[0], &b));
	assert_int_equal(b.status, BATCH_SENT);
	assert_int_equal(b.isa13, 1);
	assert_int_equal(b.claims, 2);
	assert_int_equal(b.total, 24000);
	assert_true(b.bytes > 0);
	assert_int_equal(b.bytes, sb.st_size);
	assert_string_equal(b.receiver_name, "Test Clearinghouse");
	assert_string_equal(b.submitter, "ZZ:SUB123");
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM batch_sets WHERE st02 = 1 AND claims = 2"), 1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_state WHERE status = 'submitted' AND batch_id = 1"), 2);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_history WHERE status = 'submitted' "
				     "AND created_by = 'tester' AND note LIKE 'sent in batch 1 %'"), 2);
	assert_int_equal(cfx_int(&f, "SELECT isa13 + gs06 + st02 FROM control_numbers"), 3);

	/* A line item control number leads back to the claim and its charge. */
	segs(r.paths[0], "REF", 2, 2, v, sizeof(v));
	assert_ok(batch_trace_line(f.st, v, &batch, &claim, &charge));
	assert_int_equal(batch, r.batches[0]);
	assert_int_equal(claim, c1);
	assert_int_equal(charge, cfx_int(&f, "SELECT min(id) FROM charges"));
	assert_string_equal(v, "1-1-1");
	assert_int_equal(batch_trace_line(f.st, "1-9-1", &batch, &claim, &charge), MB_NOTFOUND);
	assert_int_equal(batch_trace_line(f.st, "1-1-2", &batch, &claim, &charge), MB_NOTFOUND);
	assert_ok(batch_trace_line(f.st, "1-2-1", &batch, &claim, &charge));
	assert_int_equal(claim, c2);
	assert_int_equal(batch_trace_line(f.st, "99-1", &batch, &claim, &charge), MB_NOTFOUND);
	assert_int_equal(batch_trace_line(f.st, "x", &batch, &claim, &charge), MB_NOTFOUND);
	build_result_release(&r);

	/* Nothing is left to send; a new claim goes out with the next numbers. */
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.nfiles, 0);
	build_result_release(&r);
	cfx_claim(&f, NULL);
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.nfiles, 1);
	segs(r.paths[0], "ISA", 1, 13, v, sizeof(v));
	assert_string_equal(v, "000000002");
	segs(r.paths[0], "ST", 1, 2, v, sizeof(v));
	assert_string_equal(v, "0002");
	build_result_release(&r);
	assert_int_equal(outdir_clear(&d, true), 2);
	cfx_close(&f);
}

static void test_transaction_sets_split(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_opts o = { 0 };
	struct build_result r;
	char v[64];
	int i;

	cfx_open(&f);
	outdir_make(&d);
	for (i = 0; i < 5; i++)
		cfx_claim(&f, NULL);
	o.outdir = d.path;
	o.set_max = 2;
	assert_ok(build_checked(f.st, &o, &r));
	assert_int_equal(r.nfiles, 1);
	assert_int_equal(segs(r.paths[0], "ST", 3, 2, v, sizeof(v)), 3);
	assert_string_equal(v, "0003");
	assert_int_equal(segs(r.paths[0], "SE", 3, 1, v, sizeof(v)), 3);
	assert_string_equal(v, cfx_text(&f, "SELECT segments FROM batch_sets WHERE st02 = 3", v + 32, 32));
	assert_int_equal(segs(r.paths[0], "GE", 1, 1, v, sizeof(v)), 1);
	assert_string_equal(v, "3");
	assert_int_equal(segs(r.paths[0], "ISA", 0, 0, NULL, 0), 1);
	assert_int_equal(cfx_int(&f, "SELECT count(DISTINCT bht03) FROM batch_sets"), 3);
	assert_int_equal(cfx_int(&f, "SELECT sum(claims) FROM batch_sets"), 5);
	/* Without newlines the file is one line. */
	build_result_release(&r);
	assert_int_equal(outdir_clear(&d, true), 1);
	cfx_close(&f);
}

static void test_two_receivers_and_payer_filter(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_opts o = { 0 };
	struct build_result r;
	int64_t pat2, cov2;

	cfx_open(&f);
	outdir_make(&d);
	pat2 = fx_add_patient(f.st, "Roe", "Rita");
	cov2 = fx_add_coverage(f.st, pat2, f.payer2, 1, "B200");
	(void)cov2;
	cfx_claim(&f, NULL);
	cfx_claim_of(&f, pat2, NULL);
	cfx_claim_of(&f, pat2, NULL);
	o.outdir = d.path;
	o.payer = "BLUE1";
	assert_ok(build_checked(f.st, &o, &r));
	assert_int_equal(r.nfiles, 1);
	assert_int_equal(r.claims, 2);
	assert_non_null(strstr(r.paths[0], "-BLUEGATE.x12"));
	build_result_release(&r);
	o.payer = "NOPE";
	assert_int_equal(batch_build(f.st, &o, &r), MB_NOTFOUND);
	assert_string_equal(error_last(), "'--payer': no payer with payer ID 'NOPE'");
	o.payer = NULL;
	cfx_claim_of(&f, pat2, NULL);
	assert_ok(build_checked(f.st, &o, &r));
	assert_int_equal(r.nfiles, 2);
	assert_non_null(strstr(r.paths[0], "-CLEARHOUSE.x12"));
	assert_non_null(strstr(r.paths[1], "-BLUEGATE.x12"));
	assert_int_equal(cfx_int(&f, "SELECT max(isa13) FROM batches"), 3);
	build_result_release(&r);
	assert_int_equal(outdir_clear(&d, true), 3);
	cfx_close(&f);
}

/* Batch numbers follow those that imported claims carry from another system. */
static void test_batch_numbers_after_imported(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;
	cfx_open(&f);
	outdir_make(&d);
	cfx_claim(&f, NULL);
	cfx_claim(&f, NULL);
	cfx_sql(&f, "UPDATE claim_state SET status = 'paid', batch_id = 41 WHERE claim_id = 1");
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.nfiles, 1);
	assert_int_equal(r.batches[0], 42);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_state WHERE batch_id = 42"), 1);
	assert_int_equal(cfx_int(&f, "SELECT batch_id FROM claim_state WHERE claim_id = 1"), 41);
	build_result_release(&r);
	outdir_clear(&d, true);
	cfx_close(&f);
}

/* A receiver's batch that cannot be written leaves the earlier receivers' batches sent. */
static void test_second_receiver_fails(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_opts o = { 0 };
	struct build_result r;
	char path[256];
	int64_t pat2;
	FILE *fp;

	cfx_open(&f);
	outdir_make(&d);
	pat2 = fx_add_patient(f.st, "Roe", "Rita");
	fx_add_coverage(f.st, pat2, f.payer2, 1, "B200");
	cfx_claim(&f, NULL);
	cfx_claim_of(&f, pat2, NULL);
	snprintf(path, sizeof(path), "%s/837P-000000002-BLUEGATE.x12", d.path);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fclose(fp);
	o.outdir = d.path;
	assert_int_equal(batch_build(f.st, &o, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "is already there: a batch file is never overwritten"));
	assert_int_equal(r.nfiles, 1);
	assert_non_null(strstr(r.paths[0], "837P-000000001-CLEARHOUSE.x12"));
	build_result_release(&r);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_state WHERE status = 'submitted'"), 1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM batches"), 1);
	unlink(path);
	assert_ok(build_checked(f.st, &o, &r));
	assert_int_equal(r.nfiles, 1);
	assert_non_null(strstr(r.paths[0], "837P-000000002-BLUEGATE.x12"));
	build_result_release(&r);
	outdir_clear(&d, true);
	cfx_close(&f);
}

static void test_scrub_errors_held_back(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;
	int64_t good, bad;

	cfx_open(&f);
	outdir_make(&d);
	good = cfx_claim(&f, NULL);
	bad = cfx_claim(&f, NULL);
	cfx_sql(&f, "UPDATE charges SET ptr2 = 7 WHERE id = (SELECT max(id) FROM charges)");
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.claims, 1);
	assert_int_equal(r.held, 1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM batch_claims"), 1);
	assert_int_equal(cfx_int(&f, "SELECT claim_id FROM batch_claims"), good);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM scrub_findings WHERE code = 'LINE_POINTER'"), 1);
	assert_int_equal(cfx_int(&f, "SELECT claim_id FROM scrub_findings WHERE code = 'LINE_POINTER'"), bad);
	build_result_release(&r);

	/* All held back: no file, no batch, but the numbers stay used. */
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.nfiles, 0);
	assert_int_equal(r.held, 1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM batches"), 1);
	assert_int_equal(cfx_int(&f, "SELECT isa13 FROM control_numbers"), 2);
	build_result_release(&r);
	assert_int_equal(outdir_clear(&d, true), 1);
	cfx_close(&f);
}

static void test_named_claims(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_opts o = { 0 };
	struct build_result r;
	int64_t ids[2];

	cfx_open(&f);
	outdir_make(&d);
	ids[0] = cfx_claim(&f, NULL);
	ids[1] = cfx_claim(&f, NULL);
	o.outdir = d.path;
	o.ids = ids + 1;
	o.nids = 1;
	assert_ok(build_checked(f.st, &o, &r));
	assert_int_equal(r.claims, 1);
	build_result_release(&r);
	assert_int_equal(batch_build(f.st, &o, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "is submitted, not ready"));
	ids[1] = 999;
	assert_int_equal(batch_build(f.st, &o, &r), MB_NOTFOUND);
	assert_string_equal(error_last(), "no claim 999");
	o.ids = ids;
	assert_ok(build_checked(f.st, &o, &r));
	assert_int_equal(r.claims, 1);
	build_result_release(&r);
	o.outdir = "/nonexistent/folder";
	assert_int_equal(batch_build(f.st, &o, &r), MB_ERROR);
	assert_string_equal(error_last(), "'--out': '/nonexistent/folder' is not a folder");
	outdir_clear(&d, true);
	cfx_close(&f);
}

static void test_cleanup_pending(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;
	char path[256], tmp[256];
	size_t cleaned;
	FILE *fp;

	cfx_open(&f);
	outdir_make(&d);
	cfx_claim(&f, NULL);
	/* What a build that died after renaming its file leaves behind. */
	snprintf(path, sizeof(path), "%s/837P-000000007-CLEARHOUSE.x12", d.path);
	snprintf(tmp, sizeof(tmp), "%s/.837P-000000007-CLEARHOUSE.x12.tmp", d.path);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("ISA*", fp);
	fclose(fp);
	{
		char sql[1024];

		snprintf(sql, sizeof(sql),
			 "INSERT INTO control_numbers VALUES ('ZZ:SUB123', 7, 7, 7, 'x', 'x');"
			 "INSERT INTO batches (receiver_id, submitter, usage, isa13, gs06, st02_first, st02_last,"
			 " status, path, tmp_path, created_by, created_at) VALUES (1, 'ZZ:SUB123', 'T', 7, 7, 7, 7,"
			 " 'pending', '%s', '%s', 'x', 'x')", path, tmp);
		cfx_sql(&f, sql);
	}
	assert_ok(batch_cleanup(f.st, &cleaned));
	assert_int_equal(cleaned, 1);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM batches WHERE status = 'abandoned' AND note LIKE "
				     "'interrupted build: its file, never recorded as sent, was removed'"), 1);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_state WHERE status = 'ready'"), 1);
	/* The next build never reuses the abandoned numbers. */
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.cleaned, 0);
	assert_int_equal(cfx_int(&f, "SELECT isa13 FROM batches WHERE status = 'sent'"), 8);
	build_result_release(&r);
	/* The counters only go up. */
	assert_int_not_equal(sqlite3_exec(f.db, "UPDATE control_numbers SET isa13 = 1", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(f.db, "DELETE FROM control_numbers", NULL, NULL, NULL), SQLITE_OK);
	outdir_clear(&d, true);
	cfx_close(&f);
}

static void test_resubmit_void_hold(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;
	struct claim c;
	char v[64];
	int64_t orig, repl, vd, other;

	cfx_open(&f);
	outdir_make(&d);
	orig = cfx_claim(&f, NULL);
	other = cfx_claim(&f, NULL);
	assert_int_equal(claim_resubmit(f.st, orig, NULL, &repl), MB_ERROR);
	assert_string_equal(error_last(), "claim 1 is ready: only a claim the payer has received can be "
					  "replaced (correct it and send it as it is)");
	build(&f, &d, NULL, 0, &r);
	build_result_release(&r);
	assert_int_equal(claim_resubmit(f.st, orig, NULL, &repl), MB_ERROR);
	assert_non_null(strstr(error_last(), "'payer claim number': claim 1 has none on file"));
	assert_ok(claim_set_payer_claim_no(f.st, orig, "ICN0001"));
	assert_ok(claim_resubmit(f.st, orig, NULL, &repl));
	claim_init(&c);
	assert_ok(claim_get(f.st, repl, &c));
	assert_int_equal(c.frequency, '7');
	assert_int_equal(c.original, orig);
	assert_string_equal(c.payer_claim_no, "ICN0001");
	assert_int_equal(c.status, CLAIM_READY);
	assert_int_equal(c.nlines, 1);
	claim_release(&c);
	assert_ok(claim_get(f.st, orig, &c));
	assert_int_equal(c.status, CLAIM_VOID);
	claim_release(&c);
	assert_int_equal(claim_resubmit(f.st, orig, "X", &repl), MB_ERROR);

	assert_ok(claim_void(f.st, other, "ICN0002", &vd));
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_history WHERE status = 'void' AND created_by = 'tester'"), 2);

	/* Hold one; the build takes only the other. */
	assert_ok(claim_hold(f.st, vd, NULL));
	assert_int_equal(claim_hold(f.st, vd, NULL), MB_ERROR);
	assert_string_equal(error_last(), "claim 4 is hold: it cannot be held");
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.claims, 1);
	segs(r.paths[0], "CLM", 1, 5, v, sizeof(v));
	assert_string_equal(v, "11:B:7");
	assert_int_equal(segs(r.paths[0], "REF", 0, 0, NULL, 0), 3);	/* EI, F8, 6R */
	build_result_release(&r);
	assert_ok(claim_unhold(f.st, vd, NULL));
	assert_int_equal(claim_unhold(f.st, vd, NULL), MB_ERROR);
	build(&f, &d, NULL, 0, &r);
	assert_int_equal(r.claims, 1);
	segs(r.paths[0], "CLM", 1, 5, v, sizeof(v));
	assert_string_equal(v, "11:B:8");
	build_result_release(&r);
	assert_int_equal(claim_hold(f.st, 999, NULL), MB_NOTFOUND);
	outdir_clear(&d, true);
	cfx_close(&f);
}

/* ---- golden files: hand-checked 837P, compared byte for byte ---- */

/*
 * Compare a built file with tests/data/golden/NAME. MEDBILL_GOLDEN_UPDATE=1
 * writes the golden instead (then check it by hand against the guide).
 */
static void golden_cmp(const char *built, const char *name)
{
	const char *top = getenv("TOP");
	char gpath[512], *a = NULL, *b = NULL;
	size_t na = 0, nb = 0, i, line = 1;
	FILE *fp;

	snprintf(gpath, sizeof(gpath), "%s/tests/data/golden/%s", top ? top : ".", name);
	fp = fopen(built, "rb");
	assert_non_null(fp);
	a = xmalloc(1 << 20);
	na = fread(a, 1, 1 << 20, fp);
	fclose(fp);
	if (getenv("MEDBILL_GOLDEN_UPDATE")) {
		fp = fopen(gpath, "wb");
		assert_non_null(fp);
		fwrite(a, 1, na, fp);
		fclose(fp);
		free(a);
		return;
	}
	fp = fopen(gpath, "rb");
	if (!fp)
		fail_msg("no golden file %s", gpath);
	b = xmalloc(1 << 20);
	nb = fread(b, 1, 1 << 20, fp);
	fclose(fp);
	for (i = 0; i < na && i < nb && a[i] == b[i]; i++)
		if (a[i] == '\n')
			line++;
	if (i != na || i != nb)
		fail_msg("%s differs from golden %s at line %zu", built, gpath, line);
	free(a);
	free(b);
}

/* Build every ready claim and compare the files with NAME.x12 (NAME-1.x12, NAME-2.x12 for several). */
static void golden_build(struct cfx *f, const char *name, size_t nfiles)
{
	struct outdir d;
	struct build_result r;
	char g[128];
	size_t i;

	outdir_make(&d);
	build(f, &d, NULL, 0, &r);
	assert_int_equal(r.held, 0);
	assert_int_equal(r.nfiles, nfiles);
	for (i = 0; i < r.nfiles; i++) {
		if (nfiles == 1)
			snprintf(g, sizeof(g), "%s.x12", name);
		else
			snprintf(g, sizeof(g), "%s-%zu.x12", name, i + 1);
		golden_cmp(r.paths[i], g);
	}
	build_result_release(&r);
	outdir_clear(&d, true);
}

/* A respiratory visit: J06.9, an office visit and a rapid strep test. */
static void visit(struct encounter *e)
{
	struct charge *c;

	e->ndiag = 2;
	SCPY(e->diag[0], "J069");
	SCPY(e->diag[1], "J029");
	e->charges[0].amount = 11000;
	e->charges[0].ptrs[1] = 0;
	c = encounter_add_charge(e);
	SCPY(c->code, "87880");
	c->units = 1;
	c->amount = 2550;
	c->ptrs[0] = 2;
	c->ptrs[1] = 1;
}

static void test_golden_self(void **state)
{
	struct cfx f;

	cfx_open(&f);
	cfx_claim(&f, visit);
	golden_build(&f, "837p-self", 1);
	cfx_close(&f);
}

static void test_golden_dependent(void **state)
{
	struct cfx f;
	struct patient p;
	struct coverage c;

	cfx_open(&f);
	fx_patient(&p, "Doe", "Emma");
	p.dob = 20150601;
	assert_ok(patient_add(f.st, &p));
	fx_coverage(&c, p.id, f.payer, 1, "M100-02");
	SCPY(c.group_no, "GRP-4410");
	SCPY(c.relationship, "19");
	SCPY(c.sub_last, "Doe");
	SCPY(c.sub_first, "John");
	SCPY(c.sub_middle, "Q");
	c.sub_dob = 19820304;
	c.sub_sex = 'M';
	SCPY(c.sub_addr.line1, "1 Sample St");
	SCPY(c.sub_addr.city, "Springfield");
	SCPY(c.sub_addr.state, "IL");
	SCPY(c.sub_addr.zip, "627010001");
	assert_ok(coverage_add(f.st, &c));
	cfx_claim_of(&f, p.id, visit);
	golden_build(&f, "837p-dependent", 1);
	cfx_close(&f);
}

static void test_golden_secondary_on_file(void **state)
{
	struct cfx f;
	struct coverage c;

	cfx_open(&f);
	fx_coverage(&c, f.patient, f.payer2, 2, "B900");
	SCPY(c.group_no, "G55");
	assert_ok(coverage_add(f.st, &c));
	cfx_claim(&f, visit);
	golden_build(&f, "837p-secondary-on-file", 1);
	cfx_close(&f);
}

static int64_t g_referring;

static void referred(struct encounter *e)
{
	visit(e);
	e->referring = g_referring;
}

static void test_golden_referring(void **state)
{
	struct cfx f;

	cfx_open(&f);
	g_referring = fx_add_provider(f.st, PROV_REFERRING);
	cfx_claim(&f, referred);
	golden_build(&f, "837p-referring", 1);
	cfx_close(&f);
}

static void authorized(struct encounter *e)
{
	visit(e);
	SCPY(e->prior_auth, "PA-20261102-7");
}

static void test_golden_prior_auth(void **state)
{
	struct cfx f;

	cfx_open(&f);
	cfx_claim(&f, authorized);
	golden_build(&f, "837p-prior-auth", 1);
	cfx_close(&f);
}

static void twelve_diagnoses(struct encounter *e)
{
	static const char *const codes[MAX_DIAG] = {
		"J00", "J0100", "J020", "J0300", "J040", "J050", "J060", "J069", "J111", "J129", "J13", "J189",
	};
	struct charge *c;
	int i;

	e->ndiag = MAX_DIAG;
	for (i = 0; i < MAX_DIAG; i++)
		SCPY(e->diag[i], codes[i]);
	e->charges[0].ptrs[1] = 2;
	e->charges[0].ptrs[2] = 3;
	e->charges[0].ptrs[3] = 4;
	c = encounter_add_charge(e);
	SCPY(c->code, "71046");
	c->units = 1;
	c->amount = 9000;
	c->ptrs[0] = 12;
	c->ptrs[1] = 11;
	c->ptrs[2] = 10;
	c->ptrs[3] = 9;
}

static void test_golden_twelve_diagnoses(void **state)
{
	struct cfx f;

	cfx_open(&f);
	cfx_claim(&f, twelve_diagnoses);
	golden_build(&f, "837p-12-diagnoses", 1);
	cfx_close(&f);
}

static void four_modifiers(struct encounter *e)
{
	e->ndiag = 1;
	SCPY(e->diag[0], "J069");
	SCPY(e->charges[0].code, "20610");
	SCPY(e->charges[0].mods[0], "50");
	SCPY(e->charges[0].mods[1], "59");
	SCPY(e->charges[0].mods[2], "XS");
	SCPY(e->charges[0].mods[3], "76");
	e->charges[0].units = 1;
	e->charges[0].amount = 31050;
	e->charges[0].ptrs[1] = 0;
}

static void test_golden_four_modifiers(void **state)
{
	struct cfx f;

	cfx_open(&f);
	cfx_claim(&f, four_modifiers);
	golden_build(&f, "837p-4-modifiers", 1);
	cfx_close(&f);
}

/*
 * An encounter of 51 charge lines. The encounter API refuses more than 50
 * lines, so the other 50 are added beside it, as an import from another
 * system might; claim_create() then splits them into claims of 50 and 1.
 */
static void test_golden_51_lines(void **state)
{
	struct cfx f;
	struct encounter e;
	struct claim_posting post;
	char sql[512];
	int i;

	cfx_open(&f);
	encounter_init(&e);
	fx_encounter(&e, f.patient, f.rendering);
	e.ndiag = 1;
	SCPY(e.diag[0], "J069");
	e.charges[0].ptrs[1] = 0;
	assert_ok(encounter_add(f.st, &e));
	for (i = 1; i < 51; i++) {
		snprintf(sql, sizeof(sql),
			 "INSERT INTO charges (encounter_id, line_no, code, units, amount, ptr1, created_by, "
			 "created_at) VALUES (%lld, %d, '%05d', 1, %d, 1, 'tester', '2026-11-26T12:00:00Z')",
			 (long long)e.id, i + 1, 82000 + i * 7, 1000 + i * 25);
		cfx_sql(&f, sql);
	}
	assert_ok(claim_create(f.st, e.id, &post));
	assert_int_equal(post.nclaims, 2);
	claim_posting_release(&post);
	encounter_release(&e);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_lines WHERE claim_id = 1"), 50);
	assert_int_equal(cfx_int(&f, "SELECT count(*) FROM claim_lines WHERE claim_id = 2"), 1);
	golden_build(&f, "837p-51-lines", 1);
	cfx_close(&f);
}

static void test_golden_replacement_void(void **state)
{
	struct cfx f;
	struct outdir d;
	struct build_result r;
	int64_t c1, c2;

	cfx_open(&f);
	outdir_make(&d);
	c1 = cfx_claim(&f, visit);
	c2 = cfx_claim(&f, authorized);
	build(&f, &d, NULL, 0, &r);
	build_result_release(&r);
	outdir_clear(&d, true);
	assert_ok(claim_set_payer_claim_no(f.st, c1, "2026310000101"));
	assert_ok(claim_set_payer_claim_no(f.st, c2, "2026310000102"));
	assert_ok(claim_resubmit(f.st, c1, NULL, NULL));
	assert_ok(claim_void(f.st, c2, NULL, NULL));
	golden_build(&f, "837p-replacement-void", 1);
	cfx_close(&f);
}

static void test_golden_two_payers(void **state)
{
	struct cfx f;
	int64_t pat2;

	cfx_open(&f);
	pat2 = fx_add_patient(f.st, "Roe", "Rita");
	fx_add_coverage(f.st, pat2, f.payer2, 1, "XB2000");
	cfx_claim(&f, visit);
	cfx_claim_of(&f, pat2, authorized);
	golden_build(&f, "837p-two-payers", 2);
	cfx_close(&f);
}

static int64_t g_facility;

static void everything(struct encounter *e)
{
	struct charge *c;

	visit(e);
	e->facility = g_facility;
	SCPY(e->pos, "22");
	e->onset = 20261028;
	e->accident = 20261027;
	SCPY(e->accident_code, "AA");
	SCPY(e->accident_state, "IL");
	c = encounter_add_charge(e);
	SCPY(c->code, "J1100");
	c->units = 1;
	c->amount = 1875;
	c->ptrs[0] = 1;
	SCPY(c->ndc, "00009047313");
	SCPY(c->ndc_unit, "ML");
	SCPY(c->ndc_qty, "1");
}

static void test_golden_facility_accident_ndc_payto(void **state)
{
	struct cfx f;
	struct practice p;

	cfx_open(&f);
	assert_ok(practice_get(f.st, &p));
	p.has_payto = true;
	SCPY(p.payto.line1, "PO Box 4410");
	SCPY(p.payto.city, "Springfield");
	SCPY(p.payto.state, "IL");
	SCPY(p.payto.zip, "627054410");
	assert_ok(practice_save(f.st, &p));
	g_facility = fx_add_provider(f.st, PROV_FACILITY);
	cfx_claim(&f, everything);
	golden_build(&f, "837p-facility-accident-ndc-payto", 1);
	cfx_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_ready),
		cmocka_unit_test(test_build_records_everything),
		cmocka_unit_test(test_transaction_sets_split),
		cmocka_unit_test(test_two_receivers_and_payer_filter),
		cmocka_unit_test(test_batch_numbers_after_imported),
		cmocka_unit_test(test_second_receiver_fails),
		cmocka_unit_test(test_scrub_errors_held_back),
		cmocka_unit_test(test_named_claims),
		cmocka_unit_test(test_cleanup_pending),
		cmocka_unit_test(test_resubmit_void_hold),
		cmocka_unit_test(test_golden_self),
		cmocka_unit_test(test_golden_dependent),
		cmocka_unit_test(test_golden_secondary_on_file),
		cmocka_unit_test(test_golden_referring),
		cmocka_unit_test(test_golden_prior_auth),
		cmocka_unit_test(test_golden_twelve_diagnoses),
		cmocka_unit_test(test_golden_four_modifiers),
		cmocka_unit_test(test_golden_51_lines),
		cmocka_unit_test(test_golden_replacement_void),
		cmocka_unit_test(test_golden_two_payers),
		cmocka_unit_test(test_golden_facility_accident_ndc_payto),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
