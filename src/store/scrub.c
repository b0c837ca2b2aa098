/*
 * store/scrub.c: the edits table and the stored scrub findings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_batch.h"
#include "medbill/strbuf.h"

static const char *sev_text(enum scrub_severity v)
{
	return v == SCRUB_WARNING ? "warning" : v == SCRUB_OFF ? "off" : "error";
}

static enum scrub_severity sev_read(const char *t)
{
	return !strcmp(t, "warning") ? SCRUB_WARNING : !strcmp(t, "off") ? SCRUB_OFF : SCRUB_ERROR;
}

static void read_edit(sqlite3_stmt *s, struct scrub_edit *e)
{
	memset(e, 0, sizeof(*e));
	e->id = col_int(s, 0);
	COL_COPY(s, 1, e->code);
	e->payer = col_int(s, 2);
	e->severity = sev_read(col_text(s, 3));
	COL_COPY(s, 4, e->kind);
	COL_COPY(s, 5, e->subject);
	COL_COPY(s, 6, e->arg);
	COL_COPY(s, 7, e->field);
	COL_COPY(s, 8, e->message);
	COL_COPY(s, 9, e->fix);
	COL_COPY(s, 10, e->created.by);
	COL_COPY(s, 11, e->created.at);
}

int store_edits_load(struct store *st, struct scrub_edit **out, size_t *n)
{
	static const char sql[] =
		"SELECT id, code, payer_id, severity, kind, subject, arg, field, message, fix, "
		"created_by, created_at FROM edits "
		"ORDER BY payer_id IS NOT NULL, payer_id, kind <> 'builtin', code";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct scrub_edit *v = NULL;
	size_t alloc = 0, cnt = 0;
	int rc;

	while ((rc = store_step(st, s, "edits")) == 1) {
		ALLOC_GROW(v, cnt + 1, alloc);
		read_edit(s, &v[cnt++]);
	}
	if (rc < 0) {
		free(v);
		return MB_ERROR;
	}
	*out = v;
	*n = cnt;
	return MB_OK;
}

int store_edit_insert(struct store *st, struct scrub_edit *e)
{
	static const char sql[] =
		"INSERT INTO edits (code, payer_id, severity, kind, subject, arg, field, message, fix, "
		"created_by, created_at) VALUES (:code, :payer, :severity, :kind, :subject, :arg, "
		":field, :message, :fix, :by, :at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&e->created);
	bind_text(s, ":code", e->code);
	bind_int_or_null(s, ":payer", e->payer);
	bind_text(s, ":severity", sev_text(e->severity));
	bind_text(s, ":kind", e->kind[0] ? e->kind : "builtin");
	bind_text(s, ":subject", e->subject);
	bind_text(s, ":arg", e->arg);
	bind_text_empty(s, ":field", e->field);
	bind_text_empty(s, ":message", e->message);
	bind_text_empty(s, ":fix", e->fix);
	bind_text(s, ":by", e->created.by);
	bind_text(s, ":at", e->created.at);
	if (store_exec_stmt(st, s, "edit") != MB_OK)
		return MB_ERROR;
	e->id = sqlite3_last_insert_rowid(st->db);
	return MB_OK;
}

int store_findings_clear(struct store *st, int64_t claim)
{
	static const char sql[] = "DELETE FROM scrub_findings WHERE claim_id = :claim";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":claim", claim);
	return store_exec_stmt(st, s, "scrub findings");
}

int store_findings_clear_selection(struct store *st)
{
	static const char sql[] =
		"DELETE FROM scrub_findings WHERE claim_id IN (SELECT claim_id FROM temp.claim_sel)";

	return store_exec_stmt(st, store_prepare(st, sql), "scrub findings");
}

int store_findings_clear_ids(struct store *st, const int64_t *ids, size_t n)
{
	static const char sql[] =
		"DELETE FROM scrub_findings WHERE claim_id IN (SELECT value FROM json_each(:ids))";
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (!n)
		return MB_OK;
	strbuf_addch(&sb, '[');
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, i ? ",%lld" : "%lld", (long long)ids[i]);
	strbuf_addch(&sb, ']');
	s = store_prepare(st, sql);
	bind_text(s, ":ids", sb.buf);
	rc = store_exec_stmt(st, s, "scrub findings");
	strbuf_release(&sb);
	return rc;
}

int store_finding_insert(struct store *st, struct scrub_finding *f)
{
	static const char sql[] =
		"INSERT INTO scrub_findings (claim_id, seq, code, severity, line_no, field, message, "
		"fix, created_by, created_at) VALUES (:claim, :seq, :code, :severity, :line, :field, "
		":message, :fix, :by, :at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&f->created);
	bind_int(s, ":claim", f->claim);
	bind_int(s, ":seq", f->seq);
	bind_text(s, ":code", f->code);
	bind_text(s, ":severity", sev_text(f->severity));
	bind_int_or_null(s, ":line", f->line);
	bind_text_empty(s, ":field", f->field);
	bind_text_empty(s, ":message", f->message);
	bind_text_empty(s, ":fix", f->fix);
	bind_text(s, ":by", f->created.by);
	bind_text(s, ":at", f->created.at);
	return store_exec_stmt(st, s, "scrub finding");
}

int store_findings_get(struct store *st, int64_t claim, struct scrub_finding **out, size_t *n)
{
	static const char sql[] =
		"SELECT claim_id, seq, code, severity, line_no, field, message, fix, created_by, "
		"created_at FROM scrub_findings WHERE claim_id = :claim ORDER BY seq";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct scrub_finding *v = NULL, *f;
	size_t alloc = 0, cnt = 0;
	int rc;

	bind_int(s, ":claim", claim);
	while ((rc = store_step(st, s, "scrub findings")) == 1) {
		ALLOC_GROW(v, cnt + 1, alloc);
		f = &v[cnt++];
		memset(f, 0, sizeof(*f));
		f->claim = col_int(s, 0);
		f->seq = (int)col_int(s, 1);
		COL_COPY(s, 2, f->code);
		f->severity = sev_read(col_text(s, 3));
		f->line = (int)col_int(s, 4);
		COL_COPY(s, 5, f->field);
		COL_COPY(s, 6, f->message);
		COL_COPY(s, 7, f->fix);
		COL_COPY(s, 8, f->created.by);
		COL_COPY(s, 9, f->created.at);
	}
	if (rc < 0) {
		free(v);
		return MB_ERROR;
	}
	*out = v;
	*n = cnt;
	return MB_OK;
}

int store_findings_counts(struct store *st, struct scrub_count **out, size_t *n)
{
	static const char sql[] =
		"SELECT claim_id, sum(severity = 'error'), sum(severity = 'warning') "
		"FROM scrub_findings GROUP BY claim_id ORDER BY claim_id";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct scrub_count *v = NULL;
	size_t alloc = 0, cnt = 0;
	int rc;

	while ((rc = store_step(st, s, "scrub findings")) == 1) {
		ALLOC_GROW(v, cnt + 1, alloc);
		v[cnt].claim = col_int(s, 0);
		v[cnt].errors = (int)col_int(s, 1);
		v[cnt].warnings = (int)col_int(s, 2);
		cnt++;
	}
	if (rc < 0) {
		free(v);
		return MB_ERROR;
	}
	*out = v;
	*n = cnt;
	return MB_OK;
}
