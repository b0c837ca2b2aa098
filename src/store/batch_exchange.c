/*
 * store/batch_exchange.c: walking and inserting, as they are, the rows the
 * claim builder persists (control numbers, batches, their transaction sets
 * and claims, scrub findings), for the XML exchange format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_batch.h"

/* ---- control numbers ---- */

int store_counter_each(struct store *st, batch_counter_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT submitter, isa13, gs06, st02, updated_by, updated_at FROM control_numbers "
		"ORDER BY submitter";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct batch_counter c;
	int rc;

	while ((rc = store_step(st, s, "control numbers")) == 1) {
		memset(&c, 0, sizeof(c));
		COL_COPY(s, 0, c.submitter);
		c.isa13 = col_int(s, 1);
		c.gs06 = col_int(s, 2);
		c.st02 = col_int(s, 3);
		COL_COPY(s, 4, c.updated.by);
		COL_COPY(s, 5, c.updated.at);
		if ((rc = fn(&c, arg)) != 0) {
			sqlite3_reset(s);
			return rc;
		}
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_counter_insert(struct store *st, struct batch_counter *c)
{
	static const char sql[] =
		"INSERT INTO control_numbers (submitter, isa13, gs06, st02, updated_by, updated_at) "
		"VALUES (:sub, :isa13, :gs06, :st02, :by, :at) ON CONFLICT (submitter) DO NOTHING";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&c->updated);
	bind_text_empty(s, ":sub", c->submitter);
	bind_int(s, ":isa13", c->isa13);
	bind_int(s, ":gs06", c->gs06);
	bind_int(s, ":st02", c->st02);
	bind_text(s, ":by", c->updated.by);
	bind_text(s, ":at", c->updated.at);
	if (store_exec_stmt(st, s, "control numbers") != MB_OK)
		return MB_ERROR;
	if (sqlite3_changes(st->db) != 1)
		return error_notfound("submitter '%s' has control numbers already", c->submitter);
	return MB_OK;
}

int store_counters_raise(struct store *st)
{
	static const char sql[] =
		"INSERT INTO control_numbers (submitter, isa13, gs06, st02, updated_by, updated_at) "
		"SELECT submitter, max(isa13), max(gs06), max(st02_last), :by, :at FROM batches "
		"WHERE true GROUP BY submitter "
		"ON CONFLICT (submitter) DO UPDATE SET "
		"isa13 = max(isa13, excluded.isa13), gs06 = max(gs06, excluded.gs06), "
		"st02 = max(st02, excluded.st02), updated_by = excluded.updated_by, "
		"updated_at = excluded.updated_at "
		"WHERE excluded.isa13 > isa13 OR excluded.gs06 > gs06 OR excluded.st02 > st02";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct stamp now = { "", "" };

	store_stamp_fill(&now);
	bind_text(s, ":by", now.by);
	bind_text(s, ":at", now.at);
	return store_exec_stmt(st, s, "control numbers");
}

/* ---- batches ---- */

int store_batch_insert_raw(struct store *st, struct batch *b)
{
	static const char sql[] =
		"INSERT INTO batches (id, kind, receiver_id, submitter, usage, isa13, gs06, st02_first, "
		"st02_last, status, path, tmp_path, claims, lines, total, bytes, note, created_by, "
		"created_at, sent_at) VALUES (:id, :kind, :receiver, :submitter, :usage, :isa13, :gs06, "
		":st02_first, :st02_last, :status, :path, :tmp_path, :claims, :lines, :total, :bytes, "
		":note, :by, :at, :sent_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	if (bind_batch(s, b) != MB_OK)
		return MB_ERROR;
	bind_int(s, ":id", b->id);
	bind_int(s, ":claims", b->claims);
	bind_int(s, ":lines", b->lines);
	bind_int(s, ":total", b->total);
	bind_int(s, ":bytes", b->bytes);
	bind_text(s, ":sent_at", b->sent_at);
	return store_exec_stmt(st, s, "batch");
}

int store_batch_by_isa13(struct store *st, const char *submitter, int64_t isa13, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM batches WHERE submitter = :sub AND isa13 = :isa13";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	*id = 0;
	bind_text_empty(s, ":sub", submitter);
	bind_int(s, ":isa13", isa13);
	rc = store_step(st, s, "batches");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 1) {
		*id = col_int(s, 0);
		sqlite3_reset(s);
	}
	return MB_OK;
}

int store_batch_set_each(struct store *st, batch_set_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT batch_id, st02, bht03, claims, segments FROM batch_sets ORDER BY batch_id, st02";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct batch_set b;
	int rc;

	while ((rc = store_step(st, s, "batch transaction sets")) == 1) {
		memset(&b, 0, sizeof(b));
		b.batch = col_int(s, 0);
		b.st02 = col_int(s, 1);
		COL_COPY(s, 2, b.bht03);
		b.claims = col_int(s, 3);
		b.segments = col_int(s, 4);
		if ((rc = fn(&b, arg)) != 0) {
			sqlite3_reset(s);
			return rc;
		}
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_batch_claim_each(struct store *st, batch_claim_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT batch_id, seq, st02, claim_id, pcn, frequency, lines, total FROM batch_claims "
		"ORDER BY batch_id, seq";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct batch_claim c;
	int rc;

	while ((rc = store_step(st, s, "batch claims")) == 1) {
		memset(&c, 0, sizeof(c));
		c.batch = col_int(s, 0);
		c.seq = col_int(s, 1);
		c.st02 = col_int(s, 2);
		c.claim = col_int(s, 3);
		COL_COPY(s, 4, c.pcn);
		c.frequency = col_char(s, 5);
		c.lines = col_int(s, 6);
		c.total = col_int(s, 7);
		if ((rc = fn(&c, arg)) != 0) {
			sqlite3_reset(s);
			return rc;
		}
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_batch_claim_insert_raw(struct store *st, const struct batch_claim *c)
{
	static const char sql[] =
		"INSERT INTO batch_claims (batch_id, seq, st02, claim_id, pcn, frequency, lines, total) "
		"VALUES (:batch, :seq, :st02, :claim, :pcn, :freq, :lines, :total)";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":batch", c->batch);
	bind_int(s, ":seq", c->seq);
	bind_int(s, ":st02", c->st02);
	bind_int(s, ":claim", c->claim);
	bind_text_empty(s, ":pcn", c->pcn);
	bind_char(s, ":freq", c->frequency);
	bind_int(s, ":lines", c->lines);
	bind_int(s, ":total", c->total);
	return store_exec_stmt(st, s, "batch claim");
}

/* ---- findings ---- */

int store_finding_each(struct store *st, scrub_finding_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT claim_id, seq, code, severity, line_no, field, message, fix, created_by, "
		"created_at FROM scrub_findings ORDER BY claim_id, seq";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct scrub_finding f;
	int rc;

	while ((rc = store_step(st, s, "scrub findings")) == 1) {
		memset(&f, 0, sizeof(f));
		f.claim = col_int(s, 0);
		f.seq = (int)col_int(s, 1);
		COL_COPY(s, 2, f.code);
		f.severity = !strcmp(col_text(s, 3), "warning") ? SCRUB_WARNING : SCRUB_ERROR;
		f.line = (int)col_int(s, 4);
		COL_COPY(s, 5, f.field);
		COL_COPY(s, 6, f.message);
		COL_COPY(s, 7, f.fix);
		COL_COPY(s, 8, f.created.by);
		COL_COPY(s, 9, f.created.at);
		if ((rc = fn(&f, arg)) != 0) {
			sqlite3_reset(s);
			return rc;
		}
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}
