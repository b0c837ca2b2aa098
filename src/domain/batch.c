/*
 * batch.c: building 837P batches from the ready claims (the glue from the
 * database into the x837 generator) and the crash-safe file protocol
 * described in batch.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "medbill/batch.h"
#include "medbill/claim.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "medbill/store_batch.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"
#include "medbill/x837.h"

#define BATCH_NAME_(n, s) [BATCH_##n] = s,
static const char *const status_names[] = { BATCH_STATUSES(BATCH_NAME_) };
#undef BATCH_NAME_

const char *batch_status_name(enum batch_status s)
{
	return (unsigned)s < ARRAY_SIZE(status_names) ? status_names[s] : "?";
}

int batch_status_parse(const char *s, enum batch_status *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(status_names); i++) {
		if (s && !strcmp(s, status_names[i])) {
			*out = (enum batch_status)i;
			return MB_OK;
		}
	}
	return error("'status': '%s' is not a batch status", s ? s : "");
}

void build_result_release(struct build_result *r)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		free(r->paths[i]);
	free(r->paths);
	free(r->batches);
	memset(r, 0, sizeof(*r));
}

/*
 * Fault injection for the crash tests: MEDBILL_TEST_CRASH names the step
 * after which the process dies as a power cut would (no cleanup at all).
 */
static void crash_point(const char *step)
{
	const char *e = getenv("MEDBILL_TEST_CRASH");

	if (e && !strcmp(e, step))
		_exit(86);
}

/* fsync the folder that holds path, so that a rename or unlink in it is durable. */
static int sync_dir_of(const char *path)
{
	char dir[BATCH_PATH_MAX];
	char *slash;
	int fd, rc;

	SCPY(dir, path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		SCPY(dir, ".");
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return error("cannot open folder '%s': %s", dir, strerror(errno));
	rc = fsync(fd);
	close(fd);
	if (rc != 0 && errno != EINVAL)
		return error("cannot sync folder '%s': %s", dir, strerror(errno));
	return MB_OK;
}

/* Remove a file if it is there; MB_OK when it is gone. */
static int remove_file(const char *path, bool *removed)
{
	*removed = false;
	if (!path[0])
		return MB_OK;
	if (unlink(path) == 0) {
		*removed = true;
		return MB_OK;
	}
	if (errno == ENOENT)
		return MB_OK;
	return error("cannot remove '%s': %s", path, strerror(errno));
}

struct pending_list {
	struct batch *v;
	size_t n, alloc;
};

static int collect_pending(const struct batch *b, void *arg)
{
	struct pending_list *l = arg;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = *b;
	return 0;
}

int batch_cleanup(struct store *st, size_t *cleaned)
{
	struct pending_list l = { 0 };
	bool rm_tmp, rm_final;
	char note[121];
	size_t i;
	int ret = MB_ERROR;

	*cleaned = 0;
	/* The write lock keeps a build in progress (which holds it) from being taken for an orphan. */
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_batch_each(st, BATCH_PENDING, collect_pending, &l) != MB_OK)
		goto cleanup;
	for (i = 0; i < l.n; i++) {
		const struct batch *b = &l.v[i];

		if (remove_file(b->tmp_path, &rm_tmp) != MB_OK ||
		    remove_file(b->path, &rm_final) != MB_OK)
			goto cleanup;
		if ((rm_tmp || rm_final) && sync_dir_of(b->path) != MB_OK)
			goto cleanup;
		snprintf(note, sizeof(note), "interrupted build: %s",
			 rm_final ? "its file, never recorded as sent, was removed" :
			 rm_tmp ? "its unfinished file was removed" : "no file was written");
		if (store_batch_set_status(st, b->id, BATCH_ABANDONED, note) != MB_OK)
			goto cleanup;
		(*cleaned)++;
	}
	ret = MB_OK;
cleanup:
	free(l.v);
	if (ret != MB_OK) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st);
}

int batch_get(struct store *st, int64_t id, struct batch *out)
{
	return store_batch_get(st, id, out);
}

int batch_each(struct store *st, batch_fn fn, void *arg)
{
	return store_batch_each(st, -1, fn, arg);
}

int batch_trace_line(struct store *st, const char *ctl, int64_t *batch, int64_t *claim, int64_t *charge)
{
	long long b, seq;
	int lx, n = 0;

	if (!ctl || sscanf(ctl, "%lld-%lld-%d%n", &b, &seq, &lx, &n) != 3 || ctl[n] || b < 1 || seq < 1 || lx < 1)
		return error_notfound("'line item control number': '%s' is not one of ours (BATCH-SEQ-LX)",
				      ctl ? ctl : "");
	*batch = b;
	return store_batch_trace(st, b, seq, lx, claim, charge);
}

/* ---- building ---- */

/* What stays the same for every receiver of one build. */
struct build {
	struct store *st;		/* the caller's: every write */
	struct store *ro;		/* a second connection: the selection, reading and scrubbing */
	const struct build_opts *o;
	struct build_result *r;
	char outdir[BATCH_PATH_MAX];
	struct settings settings;
	struct practice practice;
	char submitter[20];
	struct scrubber *scrub;
	struct claim_data cd;
	struct scrub_result res;
	mbdate_t date;
	int hhmm;
	struct stamp at;		/* who sends, and when */
};

/* Letters, digits and '-' of s, for a file name; "RECEIVER" when nothing is left. */
static void slug(char *dst, size_t n, const char *s)
{
	size_t o = 0;

	for (; *s && o + 1 < n; s++) {
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			dst[o++] = *s;
		else if (o && dst[o - 1] != '-' && s[1])
			dst[o++] = '-';
	}
	while (o && dst[o - 1] == '-')
		o--;
	dst[o] = '\0';
	if (!o)
		strlcpy0(dst, "RECEIVER", n);
}

static void result_add(struct build_result *r, const char *path, int64_t batch)
{
	r->paths = xrealloc(r->paths, (r->nfiles + 1) * sizeof(*r->paths));
	r->batches = xrealloc(r->batches, (r->nfiles + 1) * sizeof(*r->batches));
	r->paths[r->nfiles] = xstrdup(path);
	r->batches[r->nfiles] = batch;
	r->nfiles++;
}

/* Step 2 of the protocol: reserve the numbers and record the pending batch. Commits. */
static int reserve(struct build *b, const struct receiver *rcv, int nsets, struct batch *out)
{
	struct control_numbers cn;
	char name[96], rs[32];
	int n;

	memset(out, 0, sizeof(*out));
	if (store_begin(b->st) != MB_OK)
		return MB_ERROR;
	if (store_control_reserve(b->st, b->submitter, nsets, &cn) != MB_OK)
		goto fail;
	SCPY(out->kind, "837P");
	out->receiver = rcv->id;
	SCPY(out->receiver_name, rcv->name);
	SCPY(out->submitter, b->submitter);
	out->usage = b->settings.usage == 'P' ? 'P' : 'T';
	out->isa13 = cn.isa13;
	out->gs06 = cn.gs06;
	out->st02_first = cn.st02;
	out->st02_last = cn.st02 + nsets - 1;
	out->status = BATCH_PENDING;
	slug(rs, sizeof(rs), rcv->isa_id[0] ? rcv->isa_id : rcv->name);
	snprintf(name, sizeof(name), "837P-%09lld-%s.x12", (long long)cn.isa13, rs);
	n = snprintf(out->path, sizeof(out->path), "%s/%s", b->outdir, name);
	if (n < 0 || (size_t)n >= sizeof(out->path) ||
	    snprintf(out->tmp_path, sizeof(out->tmp_path), "%s/.%s.tmp", b->outdir, name) >=
		    (int)sizeof(out->tmp_path)) {
		error("'--out': the folder's path is too long");
		goto fail;
	}
	if (access(out->path, F_OK) == 0) {
		error("'%s' is already there: a batch file is never overwritten", out->path);
		goto fail;
	}
	if (store_batch_insert(b->st, out) != MB_OK)
		goto fail;
	return store_commit(b->st);
fail:
	store_rollback(b->st);
	return MB_ERROR;
}

/* Append the decimal digits of v (>= 0) at p; returns the end. */
static char *put_num(char *p, int64_t v)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* The line item control number of line lx of the seq-th claim of a batch: "B-S-L". */
static void line_ctl(char buf[40], int64_t batch, int64_t seq, int lx)
{
	char *p = put_num(buf, batch);

	*p++ = '-';
	p = put_num(p, seq);
	*p++ = '-';
	p = put_num(p, lx);
	*p = '\0';
}

/* Move empty modifiers to the end: SV101 must not carry a gap. */
static void compact_mods(struct charge *ch)
{
	int i, o = 0;

	for (i = 0; i < MAX_MODS; i++)
		if (ch->mods[i][0])
			memmove(ch->mods[o++], ch->mods[i], sizeof(ch->mods[i]));
	for (; o < MAX_MODS; o++)
		ch->mods[o][0] = '\0';
}

/* A refusal of the generator, recorded as a finding so the claim stays ready. */
static void refused_finding(struct scrub_result *res, int64_t claim, const char *why)
{
	struct strbuf sb = STRBUF_INIT;
	struct scrub_finding *f;

	ALLOC_GROW(res->f, res->n + 1, res->alloc);
	f = &res->f[res->n++];
	memset(f, 0, sizeof(*f));
	f->claim = claim;
	f->seq = (int)res->n;
	SCPY(f->code, "X12");
	f->severity = SCRUB_ERROR;
	SCPY(f->field, "837P");
	strbuf_addf(&sb, "the 837P generator refused the claim: %s", why);
	SCPY(f->message, sb.buf);
	strbuf_release(&sb);
	SCPY(f->fix, "correct the data the message names");
	res->errors++;
}

struct set_state {
	bool open;
	int index;		/* 0-based within the batch's ST02 range */
	int64_t st02;
	char bht03[31];
	long claims;
	long seg0;		/* segments written before its ST */
};

/* The generator's half of closing a transaction set: its SE. *segments: the set's count. */
static int set_end(struct x837 *x, struct set_state *ss, long *segments)
{
	struct x837_stats xs;

	if (x837_end_transaction(x) != MB_OK)
		return MB_ERROR;
	x837_stats(x, &xs);
	*segments = xs.segments - ss->seg0;
	ss->open = false;
	ss->index++;
	return MB_OK;
}

/*
 * The claim builder runs on two connections and two threads. The caller's
 * thread reads the selected claims and scrubs them (the scrubber's code
 * lookups query the same connection) inside a read transaction: a snapshot
 * taken after the write lock, so it is exactly what the build sends. A
 * writer thread generates the 837P of the clean claims into the batch file
 * and records each claim on the other connection, inside the one write
 * transaction of the batch: its findings, its row in batch_claims and, a
 * range at a time, its status (store_batch_mark_sent()). Claims go to it
 * through a ring of slots, in order; the ring is bounded, so memory does not
 * grow with the batch, and reading overlaps with generating and writing.
 */
#define GEN_SLOTS 256
/* The writer thread, once idle, is woken for this many slots at a time (or the last ones). */
#define GEN_WAKE 128
/* Claims marked submitted at a time: a range of ids, so the claims table is written in order. */
#define MARK_CHUNK 256

enum gen_outcome { GEN_HELD, GEN_SENT, GEN_REFUSED, GEN_FAILED };

struct gen_slot {
	/* filled by the reading thread */
	struct claim_data cd;
	struct scrub_result res;
	bool held;			/* the scrubber found an error: not generated */
	/* filled by the writer thread */
	enum gen_outcome outcome;
	int64_t seq, st02;
	cents_t total;
	bool set_closed;		/* the claim filled its set: record it */
	int64_t set_st02;
	char set_bht03[31];
	long set_claims, set_segments;
	char msg[512];			/* GEN_REFUSED, GEN_FAILED */
};

struct gen_pipe {
	pthread_mutex_t mu;
	pthread_cond_t work, done;	/* a slot to handle; a slot handled */
	struct gen_slot *slot;
	size_t head;			/* slots filled (reading thread) */
	size_t gen;			/* slots generated and recorded (writer thread) */
	bool finished, stop;		/* no more slots; give up */
	bool failed;			/* the writer thread stopped on an error: msg */
	bool gen_waits, store_waits;
	char msg[512];
	/* the writer thread's own, until it is joined */
	const struct build *b;
	struct x837 *x;
	struct set_state ss;
	struct batch *bt;		/* its counts */
	int64_t claims, marked;		/* claims generated; of them marked submitted */
	int set_max;
	char note[64];			/* the history note of the claims sent */
};

static int gen_one(struct gen_pipe *p, struct gen_slot *sl)
{
	struct claim_data *cd = &sl->cd;
	struct set_state *ss = &p->ss;
	struct x837_claim xc;
	struct x837_other other[CLAIM_DATA_OTHER];
	struct x837_stats xs;
	char ctl[MAX_CLAIM_LINES][40];
	const char *ctlp[MAX_CLAIM_LINES];
	char st02[16];
	int i;

	sl->set_closed = false;
	if (sl->held) {
		sl->outcome = GEN_HELD;
		return MB_OK;
	}
	if (!ss->open) {
		if (ss->index >= p->bt->st02_last - p->bt->st02_first + 1) {
			error("BUG: batch %lld needs more transaction sets than it reserved", (long long)p->bt->id);
			goto fail;
		}
		ss->st02 = p->bt->st02_first + ss->index;
		snprintf(st02, sizeof(st02), "%04lld", (long long)ss->st02);
		snprintf(ss->bht03, sizeof(ss->bht03), "B%lldT%d", (long long)p->bt->id, ss->index + 1);
		x837_stats(p->x, &xs);
		ss->seg0 = xs.segments;
		if (x837_begin_transaction(p->x, st02, ss->bht03) != MB_OK)
			goto fail;
		ss->open = true;
		ss->claims = 0;
	}
	sl->seq = p->claims + 1;
	sl->st02 = ss->st02;
	for (i = 0; i < cd->enc.ncharges && i < MAX_CLAIM_LINES; i++) {
		compact_mods(&cd->enc.charges[i]);
		line_ctl(ctl[i], p->bt->id, sl->seq, i + 1);
		ctlp[i] = ctl[i];
	}
	memset(&xc, 0, sizeof(xc));
	xc.billing = &p->b->practice;
	xc.payer = &cd->payer;
	xc.coverage = &cd->cov;
	xc.patient = &cd->patient;
	xc.claim = &cd->claim;
	xc.encounter = &cd->enc;
	xc.referring = cd->referring.id ? &cd->referring : NULL;
	xc.rendering = cd->rendering.id ? &cd->rendering : NULL;
	xc.facility = cd->facility.id ? &cd->facility : NULL;
	for (i = 0; i < cd->nother; i++) {
		memset(&other[i], 0, sizeof(other[i]));
		other[i].coverage = &cd->other[i];
		other[i].payer = &cd->other_payer[i];
	}
	xc.nother = cd->nother;
	xc.other = cd->nother ? other : NULL;
	xc.nlines = cd->enc.ncharges;
	xc.lines = cd->enc.charges;
	xc.line_ctl = ctlp;
	if (x837_claim(p->x, &xc) != MB_OK) {
		/* The generator wrote nothing: the claim stays out of the batch. */
		sl->outcome = GEN_REFUSED;
		SCPY(sl->msg, error_last());
		return MB_OK;
	}
	sl->outcome = GEN_SENT;
	sl->total = x837_claim_total(&xc);
	p->claims++;
	ss->claims++;
	if (ss->claims >= p->set_max || x837_transaction_full(p->x)) {
		sl->set_st02 = ss->st02;
		SCPY(sl->set_bht03, ss->bht03);
		sl->set_claims = ss->claims;
		if (set_end(p->x, ss, &sl->set_segments) != MB_OK)
			goto fail;
		sl->set_closed = true;
	}
	return MB_OK;
fail:
	sl->outcome = GEN_FAILED;
	SCPY(sl->msg, error_last());
	return MB_ERROR;
}


/*
 * Clear, in one statement, the earlier findings of the group's claims that
 * are about to be scrubbed again (its ready ones, as the reading
 * connection's snapshot has them).
 */
static int clear_findings(struct build *b, int64_t grp)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int rc = store_claimsel_with_findings(b->ro, grp, &ids, &n);

	if (rc == MB_OK)
		rc = store_findings_clear_ids(b->st, ids, n);
	free(ids);
	return rc;
}

/* Mark the claims generated since the last range submitted (writer thread, or after it). */
static int mark_sent(struct gen_pipe *p)
{
	if (store_batch_mark_sent(p->b->st, p->bt->id, p->marked + 1, p->claims, p->note, &p->b->at) != MB_OK)
		return MB_ERROR;
	p->marked = p->claims;
	return MB_OK;
}

/* Record one generated slot in the batch's transaction (writer thread). */
static int gen_record(struct gen_pipe *p, struct gen_slot *sl)
{
	struct claim_data *cd = &sl->cd;
	struct batch *bt = p->bt;

	switch (sl->outcome) {
	case GEN_FAILED:
		return error("%s", sl->msg);
	case GEN_HELD:
		return scrub_store_to(p->b->st, &sl->res);
	case GEN_REFUSED:
		refused_finding(&sl->res, cd->claim.id, sl->msg);
		return scrub_store_to(p->b->st, &sl->res);
	case GEN_SENT:
		break;
	}
	if (store_batch_claim_insert(p->b->st, bt->id, sl->seq, sl->st02, &cd->claim, cd->enc.ncharges) != MB_OK)
		return MB_ERROR;
	if (sl->res.n && scrub_store_to(p->b->st, &sl->res) != MB_OK)
		return MB_ERROR;
	bt->claims++;
	bt->lines += cd->enc.ncharges;
	bt->total += sl->total;
	if (sl->set_closed &&
	    store_batch_set_insert(p->b->st, bt->id, sl->set_st02, sl->set_bht03, sl->set_claims,
				   sl->set_segments) != MB_OK)
		return MB_ERROR;
	if (p->claims - p->marked >= MARK_CHUNK)
		return mark_sent(p);
	return MB_OK;
}

static void *gen_thread(void *arg)
{
	struct gen_pipe *p = arg;
	struct gen_slot *sl;
	bool failed = false;

	pthread_mutex_lock(&p->mu);
	while (!failed) {
		while (p->gen == p->head && !p->finished && !p->stop) {
			p->gen_waits = true;
			pthread_cond_wait(&p->work, &p->mu);
			p->gen_waits = false;
		}
		if (p->stop || p->gen == p->head)
			break;
		sl = &p->slot[p->gen % GEN_SLOTS];
		pthread_mutex_unlock(&p->mu);
		failed = gen_one(p, sl) != MB_OK || gen_record(p, sl) != MB_OK;
		pthread_mutex_lock(&p->mu);
		if (failed) {
			p->failed = true;
			SCPY(p->msg, error_last());
		} else {
			p->gen++;
		}
		if (p->store_waits)
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Wait until the ring has a free slot (reading thread); MB_ERROR when the writer failed. */
static int gen_wait(struct gen_pipe *p)
{
	bool failed;

	pthread_mutex_lock(&p->mu);
	while (p->head - p->gen >= GEN_SLOTS && !p->failed) {
		p->store_waits = true;
		pthread_cond_wait(&p->done, &p->mu);
		p->store_waits = false;
	}
	failed = p->failed;
	pthread_mutex_unlock(&p->mu);
	return failed ? error("%s", p->msg) : MB_OK;
}

/* Hand the slot just filled to the writer thread. */
static void gen_push(struct gen_pipe *p)
{
	pthread_mutex_lock(&p->mu);
	p->head++;
	if (p->gen_waits && p->head - p->gen >= GEN_WAKE)
		pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

/* Tell the writer thread that no slot follows (stop: give up) and wait for it; MB_ERROR when it failed. */
static int gen_join(struct gen_pipe *p, pthread_t th, bool stop)
{
	pthread_mutex_lock(&p->mu);
	p->finished = true;
	p->stop = stop;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
	pthread_join(th, NULL);
	return p->failed ? error("%s", p->msg) : MB_OK;
}

static struct gen_pipe *gen_new(struct build *b, struct x837 *x, struct batch *bt)
{
	struct gen_pipe *p = xcalloc(1, sizeof(*p));
	int i;

	p->slot = xcalloc(GEN_SLOTS, sizeof(*p->slot));
	for (i = 0; i < GEN_SLOTS; i++)
		claim_data_init(&p->slot[i].cd);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->b = b;
	p->x = x;
	p->bt = bt;
	p->set_max = b->o->set_max > 0 ? b->o->set_max : BATCH_SET_MAX;
	snprintf(p->note, sizeof(p->note), "sent in batch %lld (ISA13 %09lld)", (long long)bt->id,
		 (long long)bt->isa13);
	return p;
}

static void gen_free(struct gen_pipe *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; i < GEN_SLOTS; i++) {
		claim_data_release(&p->slot[i].cd);
		scrub_result_release(&p->slot[i].res);
	}
	free(p->slot);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	free(p);
}

static int set_close(struct build *b, struct x837 *x, const struct batch *bt, struct set_state *ss)
{
	long segments;

	if (!ss->open)
		return MB_OK;
	if (set_end(x, ss, &segments) != MB_OK)
		return MB_ERROR;
	return store_batch_set_insert(b->st, bt->id, ss->st02, ss->bht03, ss->claims, segments);
}

/*
 * Step 3 for one receiver: scrub and stream its selected claims into the
 * batch's temporary file, publish it and record everything in one
 * transaction. *sent is false when no claim was clean (no file).
 */
static int write_batch(struct build *b, const struct receiver *rcv, struct batch *bt, bool *sent)
{
	struct x12_delims delims = X12_DELIMS_DEFAULT;
	struct x837_interchange ic = { 0 };
	struct x837_stats xs;
	struct claim_reader *rd = NULL;
	struct x837 *x = NULL;
	struct gen_pipe *p = NULL;
	struct gen_slot *sl;
	pthread_t th;
	FILE *f = NULL;
	bool published = false, removed, running = false, reading = false;
	int fd = -1, rc, ret = MB_ERROR;

	*sent = false;
	delims.newline = b->o->newlines;
	/* The write lock first, then the snapshot: nothing can change between them. */
	if (store_begin(b->st) != MB_OK)
		return MB_ERROR;
	if (store_begin_read(b->ro) != MB_OK)
		goto cleanup;
	reading = true;
	if (clear_findings(b, rcv->id) != MB_OK)
		goto cleanup;
	fd = open(bt->tmp_path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		error("cannot create '%s': %s", bt->tmp_path, strerror(errno));
		goto cleanup;
	}
	f = fdopen(fd, "w");
	if (!f) {
		error("cannot write '%s': %s", bt->tmp_path, strerror(errno));
		goto cleanup;
	}
	fd = -1;
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	ic.settings = &b->settings;
	ic.receiver = rcv;
	ic.isa13 = (long)bt->isa13;
	ic.gs06 = (long)bt->gs06;
	ic.date = b->date;
	ic.hhmm = b->hhmm;
	ic.usage = bt->usage;
	ic.delims = &delims;
	if (x837_begin(f, &ic, &x) != MB_OK)
		goto cleanup;
	if (store_claim_reader_open(b->ro, rcv->id, true, &rd) != MB_OK)
		goto cleanup;
	p = gen_new(b, x, bt);
	if (pthread_create(&th, NULL, gen_thread, p) != 0) {
		error("cannot start the 837P writer thread");
		goto cleanup;
	}
	running = true;
	for (;;) {
		if (gen_wait(p) != MB_OK)
			goto cleanup;
		sl = &p->slot[p->head % GEN_SLOTS];
		rc = store_claim_reader_next(rd, &sl->cd);
		if (rc != 1)
			break;
		if (scrub_claim(b->scrub, &sl->cd, &sl->res) != MB_OK)
			goto cleanup;
		sl->held = sl->res.errors != 0;
		gen_push(p);
	}
	if (rc < 0)
		goto cleanup;
	running = false;
	if (gen_join(p, th, false) != MB_OK)
		goto cleanup;
	/* The writer thread is done: this thread has the writing connection again. */
	b->r->held += (size_t)(p->head - (size_t)p->claims);
	store_claim_reader_close(rd);
	rd = NULL;
	reading = false;
	if (store_commit(b->ro) != MB_OK)
		goto cleanup;
	if (bt->claims == 0) {
		/* Nothing clean: no file; the reservation stays used but the row goes. */
		if (store_batch_delete_unused(b->st, bt->id) != MB_OK)
			goto cleanup;
		ret = MB_OK;
		goto cleanup;
	}
	if (mark_sent(p) != MB_OK || set_close(b, x, bt, &p->ss) != MB_OK || x837_end(x) != MB_OK)
		goto cleanup;
	x837_stats(x, &xs);
	bt->bytes = (int64_t)xs.bytes;
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		error("cannot write '%s': %s", bt->tmp_path, strerror(errno));
		goto cleanup;
	}
	rc = fclose(f);
	f = NULL;
	if (rc != 0) {
		error("cannot write '%s': %s", bt->tmp_path, strerror(errno));
		goto cleanup;
	}
	crash_point("before-rename");
	if (rename(bt->tmp_path, bt->path) != 0) {
		error("cannot rename '%s' to '%s': %s", bt->tmp_path, bt->path, strerror(errno));
		goto cleanup;
	}
	published = true;
	if (sync_dir_of(bt->path) != MB_OK)
		goto cleanup;
	crash_point("after-rename");
	if (store_batch_finish(b->st, bt) != MB_OK)
		goto cleanup;
	crash_point("before-commit");
	ret = MB_OK;
	*sent = true;
cleanup:
	if (running)
		gen_join(p, th, true);
	gen_free(p);
	store_claim_reader_close(rd);
	if (reading)
		store_rollback(b->ro);
	x837_free(x);
	if (f)
		fclose(f);
	if (fd >= 0)
		close(fd);
	if (ret == MB_OK) {
		if (store_commit(b->st) != MB_OK) {
			ret = MB_ERROR;
			*sent = false;
		}
	} else {
		store_rollback(b->st);
	}
	if (!*sent) {
		/* Nothing of an unsent batch stays on disk. */
		char msg[512];

		SCPY(msg, error_last());
		remove_file(bt->tmp_path, &removed);
		if (published)
			remove_file(bt->path, &removed);
		if (ret != MB_OK) {
			char note[121];
			struct batch keep;

			snprintf(note, sizeof(note), "build failed: %.100s", msg);
			if (store_batch_get(b->st, bt->id, &keep) == MB_OK && keep.status == BATCH_PENDING &&
			    store_begin(b->st) == MB_OK) {
				if (store_batch_set_status(b->st, bt->id, BATCH_ABANDONED, note) == MB_OK)
					store_commit(b->st);
				else
					store_rollback(b->st);
			}
			error("%s", msg);
		}
	}
	return ret;
}

/* The claims no receiver takes: scrubbed (RECEIVER and whatever else) and held. */
static int scrub_group(struct build *b, int64_t grp)
{
	struct claim_reader *rd = NULL;
	bool reading = false;
	int rc, ret = MB_ERROR;

	if (store_begin(b->st) != MB_OK)
		return MB_ERROR;
	if (store_begin_read(b->ro) != MB_OK)
		goto cleanup;
	reading = true;
	if (clear_findings(b, grp) != MB_OK)
		goto cleanup;
	if (store_claim_reader_open(b->ro, grp, true, &rd) != MB_OK)
		goto cleanup;
	while ((rc = store_claim_reader_next(rd, &b->cd)) == 1) {
		if (scrub_claim(b->scrub, &b->cd, &b->res) != MB_OK ||
		    scrub_store_to(b->st, &b->res) != MB_OK)
			goto cleanup;
		if (b->res.errors)
			b->r->held++;
	}
	if (rc == 0)
		ret = MB_OK;
cleanup:
	store_claim_reader_close(rd);
	if (reading) {
		if (ret == MB_OK)
			ret = store_commit(b->ro);
		else
			store_rollback(b->ro);
	}
	if (ret != MB_OK) {
		store_rollback(b->st);
		return ret;
	}
	return store_commit(b->st);
}

/* Select the claims to build: the named ones (all must be ready) or every ready one. */
static int select_claims(struct build *b, size_t *count)
{
	enum claim_status status;
	size_t i;
	int rc;

	*count = 0;
	if (store_claimsel_reset(b->ro) != MB_OK)
		return MB_ERROR;
	if (!b->o->nids)
		return store_claimsel_ready(b->ro, b->o->payer, true, count);
	for (i = 0; i < b->o->nids; i++) {
		rc = store_claimsel_add(b->ro, b->o->ids[i], true, &status);
		if (rc != MB_OK)
			return rc;
		if (status != CLAIM_READY)
			return error("claim %lld is %s, not ready: only ready claims are sent "
				     "(see 'medbill claims release' and 'claims resubmit')",
				     (long long)b->o->ids[i],
				     status < CLAIM_STATUS_COUNT ? claim_status_name(status) : "of an unknown status");
		(*count)++;
	}
	return MB_OK;
}

int batch_build(struct store *st, const struct build_opts *o, struct build_result *r)
{
	struct build b;
	struct sel_receiver *groups = NULL;
	struct receiver rcv;
	struct batch bt;
	struct payer payer;
	char stamp[21], real[PATH_MAX];
	struct stat sb;
	size_t ngroups = 0, count, i;
	bool sent;
	int rc, ret = MB_ERROR;

	memset(r, 0, sizeof(*r));
	memset(&b, 0, sizeof(b));
	b.st = st;
	b.o = o;
	b.r = r;
	claim_data_init(&b.cd);
	if (store_in_transaction(st))
		BUG("batch_build inside a transaction: its reading connection would not see it");
	if (!o->outdir || !*o->outdir)
		return error("'--out' is required: the folder the batch files go to");
	if (stat(o->outdir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return error("'--out': '%s' is not a folder", o->outdir);
	if (access(o->outdir, W_OK) != 0)
		return error("'--out': cannot write in '%s'", o->outdir);
	if (!realpath(o->outdir, real))
		return error("'--out': '%s': %s", o->outdir, strerror(errno));
	if (strlen(real) + 64 > sizeof(b.outdir))
		return error("'--out': the folder's path is too long");
	SCPY(b.outdir, real);
	if (o->payer && *o->payer) {
		rc = payer_get_by_payer_id(st, o->payer, &payer);
		if (rc != MB_OK)
			return rc == MB_NOTFOUND ? error_notfound("'--payer': no payer with payer ID '%s'", o->payer)
						 : rc;
	}
	rc = settings_get(st, &b.settings);
	if (rc != MB_OK)
		return rc == MB_NOTFOUND ? error("the submitter settings are not set up: they are needed for "
						 "the interchange envelope") : rc;
	rc = practice_get(st, &b.practice);
	if (rc != MB_OK)
		return rc == MB_NOTFOUND ? error("the practice (billing provider) is not set up") : rc;
	snprintf(b.submitter, sizeof(b.submitter), "%s:%s", b.settings.isa_qual, b.settings.isa_id);
	b.date = date_today();
	date_now_stamp(stamp);
	b.hhmm = atoi(stamp + 11) * 100 + atoi(stamp + 14);
	SCPY(b.at.by, user_current());
	SCPY(b.at.at, stamp);

	if (batch_cleanup(st, &r->cleaned) != MB_OK)
		return MB_ERROR;
	if (store_open(store_path(st), STORE_READONLY, &b.ro) != MB_OK)
		return MB_ERROR;
	rc = select_claims(&b, &count);
	if (rc != MB_OK) {
		ret = rc;
		goto cleanup;
	}
	if (count == 0) {
		ret = MB_OK;
		goto cleanup;
	}
	if (store_claimsel_receivers(b.ro, &groups, &ngroups) != MB_OK)
		goto cleanup;
	if (scrub_open(b.ro, &b.scrub) != MB_OK)
		goto cleanup;
	for (i = 0; i < ngroups; i++) {
		if (groups[i].receiver == 0) {
			if (scrub_group(&b, 0) != MB_OK)
				goto cleanup;
			continue;
		}
		rc = receiver_get(st, groups[i].receiver, &rcv);
		if (rc != MB_OK)
			goto cleanup;
		if (reserve(&b, &rcv, (int)((groups[i].claims + (size_t)(o->set_max > 0 ? o->set_max : BATCH_SET_MAX) - 1) /
					   (size_t)(o->set_max > 0 ? o->set_max : BATCH_SET_MAX)), &bt) != MB_OK)
			goto cleanup;
		crash_point("after-reserve");
		if (write_batch(&b, &rcv, &bt, &sent) != MB_OK)
			goto cleanup;
		if (sent) {
			result_add(r, bt.path, bt.id);
			r->claims += (size_t)bt.claims;
			r->lines += (size_t)bt.lines;
			r->total += bt.total;
		}
	}
	ret = MB_OK;
cleanup:
	free(groups);
	scrub_close(b.scrub);
	scrub_result_release(&b.res);
	claim_data_release(&b.cd);
	store_close(b.ro);
	return ret;
}
