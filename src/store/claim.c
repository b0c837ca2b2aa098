/*
 * claim.c (store): claims, their lines and history.
 */
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_ledger.h"

int store_claim_next_id(struct store *st, int64_t *id)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT coalesce(max(id), 0) + 1 FROM claims");
	int rc = store_step(st, s, "claims");

	if (rc < 0)
		return MB_ERROR;
	*id = col_int(s, 0);
	sqlite3_reset(s);
	return MB_OK;
}

int store_claim_pcn_taken(struct store *st, const char *pcn)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT 1 FROM claims WHERE pcn = :pcn");
	int rc;

	bind_text_empty(s, ":pcn", pcn);
	rc = store_step(st, s, "claims");
	sqlite3_reset(s);
	return rc;
}

int store_claim_insert(struct store *st, struct claim *c, int64_t batch)
{
	static const char sql[] =
		"INSERT INTO claims (id, encounter_id, coverage_id, pcn, frequency, original_id,"
		" payer_claim_no, total, created_by, created_at)"
		" VALUES (:id, :enc, :cov, :pcn, :freq, :orig, :icn, :total, :by, :at)";
	static const char state_sql[] =
		"INSERT INTO claim_state (claim_id, status, batch_id) VALUES (:claim, :status, :batch)";
	static const char line_sql[] =
		"INSERT INTO claim_lines (claim_id, line_no, charge_id) VALUES (:claim, :line, :charge)";
	sqlite3_stmt *s;
	int i;

	store_stamp_fill(&c->created);
	s = store_prepare(st, sql);
	bind_int_or_null(s, ":id", c->id);
	bind_int(s, ":enc", c->encounter);
	bind_int_or_null(s, ":cov", c->coverage);
	bind_text_empty(s, ":pcn", c->pcn);
	bind_char(s, ":freq", c->frequency ? c->frequency : '1');
	bind_int_or_null(s, ":orig", c->original);
	bind_text(s, ":icn", c->payer_claim_no);
	bind_int(s, ":total", c->total);
	bind_text(s, ":by", c->created.by);
	bind_text(s, ":at", c->created.at);
	if (store_exec_stmt(st, s, "claim") != MB_OK)
		return MB_ERROR;
	if (!c->id)
		c->id = sqlite3_last_insert_rowid(st->db);
	s = store_prepare(st, state_sql);
	bind_int(s, ":claim", c->id);
	bind_text(s, ":status", store_claim_status_text(c->status));
	bind_int_or_null(s, ":batch", batch);
	if (store_exec_stmt(st, s, "claim state") != MB_OK)
		return MB_ERROR;
	for (i = 0; i < c->nlines; i++) {
		s = store_prepare(st, line_sql);
		bind_int(s, ":claim", c->id);
		bind_int(s, ":line", i + 1);
		bind_int(s, ":charge", c->lines[i]);
		if (store_exec_stmt(st, s, "claim line") != MB_OK)
			return MB_ERROR;
	}
	return MB_OK;
}

static void read_claim(sqlite3_stmt *s, int base, struct claim *c)
{
	c->id = col_int(s, base + 0);
	c->encounter = col_int(s, base + 1);
	c->coverage = col_int(s, base + 2);
	COL_COPY(s, base + 3, c->pcn);
	c->frequency = col_char(s, base + 4);
	c->original = col_int(s, base + 5);
	COL_COPY(s, base + 6, c->payer_claim_no);
	c->status = col_claim_status(s, base + 7);
	if (c->status == CLAIM_STATUS_COUNT)
		c->status = CLAIM_HOLD;
	c->total = col_int(s, base + 8);
	COL_COPY(s, base + 9, c->created.by);
	COL_COPY(s, base + 10, c->created.at);
}

static int read_lines(struct store *st, struct claim *c)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT charge_id FROM claim_lines WHERE claim_id = :id ORDER BY line_no");
	size_t alloc = 0;
	int rc;

	bind_int(s, ":id", c->id);
	while ((rc = store_step(st, s, "claim lines")) == 1) {
		ALLOC_GROW(c->lines, (size_t)c->nlines + 1, alloc);
		c->lines[c->nlines++] = col_int(s, 0);
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_claim_get(struct store *st, int64_t id, const char *pcn, struct claim *out)
{
	static const char by_id[] =
		"SELECT c.id, c.encounter_id, c.coverage_id, c.pcn, c.frequency, c.original_id,"
		" c.payer_claim_no, s.status, c.total, c.created_by, c.created_at"
		" FROM claims c JOIN claim_state s ON s.claim_id = c.id WHERE c.id = :id";
	static const char by_pcn[] =
		"SELECT c.id, c.encounter_id, c.coverage_id, c.pcn, c.frequency, c.original_id,"
		" c.payer_claim_no, s.status, c.total, c.created_by, c.created_at"
		" FROM claims c JOIN claim_state s ON s.claim_id = c.id WHERE c.pcn = :pcn";
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof(*out));
	if (pcn) {
		s = store_prepare(st, by_pcn);
		bind_text_empty(s, ":pcn", pcn);
	} else {
		s = store_prepare(st, by_id);
		bind_int(s, ":id", id);
	}
	rc = store_step(st, s, "claim");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return pcn ? error_notfound("'pcn': no claim '%s'", pcn)
			   : error_notfound("'claim': no claim %lld", (long long)id);
	read_claim(s, 0, out);
	sqlite3_reset(s);
	return read_lines(st, out);
}

static int update_done(struct store *st, int64_t id)
{
	if (sqlite3_changes(st->db) == 0)
		return error_notfound("'claim': no claim %lld", (long long)id);
	return MB_OK;
}

int store_claim_set_status(struct store *st, int64_t id, const char *status)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE claim_state SET status = :status WHERE claim_id = :id");

	bind_text(s, ":status", status);
	bind_int(s, ":id", id);
	if (store_exec_stmt(st, s, "claim status") != MB_OK)
		return MB_ERROR;
	return update_done(st, id);
}

int store_claim_set_payer_claim_no(struct store *st, int64_t id, const char *icn)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE claims SET payer_claim_no = :icn WHERE id = :id");

	bind_text(s, ":icn", icn);
	bind_int(s, ":id", id);
	if (store_exec_stmt(st, s, "claim payer claim number") != MB_OK)
		return MB_ERROR;
	return update_done(st, id);
}

int store_claim_set_batch(struct store *st, int64_t id, int64_t batch)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE claim_state SET batch_id = :batch WHERE claim_id = :id");

	bind_int_or_null(s, ":batch", batch);
	bind_int(s, ":id", id);
	if (store_exec_stmt(st, s, "claim batch") != MB_OK)
		return MB_ERROR;
	return update_done(st, id);
}

int store_claim_event_insert(struct store *st, struct claim_event *ev)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO claim_history (id, claim_id, status, note, created_by, created_at)"
		" VALUES (:id, :claim, :status, :note, :by, :at)");

	store_stamp_fill(&ev->created);
	bind_int_or_null(s, ":id", ev->id);
	bind_int(s, ":claim", ev->claim);
	bind_text(s, ":status", store_claim_status_text(ev->status));
	bind_text(s, ":note", ev->note);
	bind_text(s, ":by", ev->created.by);
	bind_text(s, ":at", ev->created.at);
	if (store_exec_stmt(st, s, "claim history") != MB_OK)
		return MB_ERROR;
	if (!ev->id)
		ev->id = sqlite3_last_insert_rowid(st->db);
	return MB_OK;
}

int store_claim_event_foreach(struct store *st, int64_t claim, claim_event_fn fn, void *ud)
{
	static const char one[] =
		"SELECT id, claim_id, status, note, created_by, created_at FROM claim_history"
		" WHERE claim_id = :claim ORDER BY id";
	static const char all[] =
		"SELECT id, claim_id, status, note, created_by, created_at FROM claim_history ORDER BY id";
	sqlite3_stmt *s = store_prepare(st, claim ? one : all);
	struct claim_event ev;
	int rc, ret = MB_OK;

	if (claim)
		bind_int(s, ":claim", claim);
	while ((rc = store_step(st, s, "claim history")) == 1) {
		memset(&ev, 0, sizeof(ev));
		ev.id = col_int(s, 0);
		ev.claim = col_int(s, 1);
		ev.status = col_claim_status(s, 2);
		if (ev.status == CLAIM_STATUS_COUNT)
			ev.status = CLAIM_HOLD;
		COL_COPY(s, 3, ev.note);
		COL_COPY(s, 4, ev.created.by);
		COL_COPY(s, 5, ev.created.at);
		if ((ret = fn(&ev, ud)) != 0) {
			sqlite3_reset(s);
			return ret;
		}
	}
	return rc < 0 ? MB_ERROR : ret;
}

/*
 * The filters are all bound: a NULL bind switches a condition off. With a
 * status the claim_state_status index gives the rows in id order.
 */
#define CLAIM_ROW_SELECT \
	"SELECT c.id, c.encounter_id, c.coverage_id, c.pcn, c.frequency, c.original_id," \
	" c.payer_claim_no, cs.status, c.total, c.created_by, c.created_at," \
	" e.patient_id, p.account, p.last_name, p.first_name, e.dos, e.rendering_id," \
	" cv.payer_id, coalesce(py.name, ''), coalesce(cv.seq, 0), cs.batch_id," \
	" (SELECT coalesce(sum(b.amount), 0) FROM claim_lines l JOIN balances b" \
	"   ON b.charge_id = l.charge_id AND b.party = coalesce(c.coverage_id, 0)" \
	"   WHERE l.claim_id = c.id)" \
	" FROM claim_state cs JOIN claims c ON c.id = cs.claim_id" \
	" JOIN encounters e ON e.id = c.encounter_id" \
	" JOIN patients p ON p.id = e.patient_id" \
	" LEFT JOIN coverages cv ON cv.id = c.coverage_id" \
	" LEFT JOIN payers py ON py.id = cv.payer_id"
#define CLAIM_ROW_WHERE \
	" AND (:payer IS NULL OR cv.payer_id = :payer)" \
	" AND (:provider IS NULL OR e.rendering_id = :provider)" \
	" AND (:patient IS NULL OR e.patient_id = :patient)" \
	" AND (:from IS NULL OR e.dos >= :from)" \
	" AND (:to IS NULL OR e.dos <= :to)" \
	" AND (:batch IS NULL OR cs.batch_id = :batch)" \
	" AND (:batchless = 0 OR cs.batch_id IS NULL)" \
	" ORDER BY cs.claim_id"

/* A cursor over every claim's lines in claim order, merged with the claims. */
struct line_cursor {
	sqlite3_stmt *s;
	int state;		/* 1 a row is current, 0 done, MB_ERROR failed */
};

static int lines_for(struct store *st, struct line_cursor *lc, struct claim *c, size_t *alloc)
{
	c->nlines = 0;
	while (lc->state == 1 && col_int(lc->s, 0) < c->id)
		lc->state = store_step(st, lc->s, "claim lines");
	while (lc->state == 1 && col_int(lc->s, 0) == c->id) {
		ALLOC_GROW(c->lines, (size_t)c->nlines + 1, *alloc);
		c->lines[c->nlines++] = col_int(lc->s, 1);
		lc->state = store_step(st, lc->s, "claim lines");
	}
	return lc->state < 0 ? MB_ERROR : MB_OK;
}

int store_claim_foreach(struct store *st, const struct claim_filter *f, claim_row_fn fn, void *ud)
{
	static const char any_sql[] = CLAIM_ROW_SELECT " WHERE 1" CLAIM_ROW_WHERE;
	static const char status_sql[] = CLAIM_ROW_SELECT " WHERE cs.status = :status" CLAIM_ROW_WHERE;
	static const char lines_sql[] =
		"SELECT claim_id, charge_id FROM claim_lines WHERE claim_id >= :first"
		" ORDER BY claim_id, line_no";
	struct line_cursor lc = { NULL, 0 };
	struct claim_row row;
	int64_t *lines = NULL;
	size_t alloc = 0;
	sqlite3_stmt *s;
	int rc, ret = MB_OK;

	s = store_prepare(st, f->any_status ? any_sql : status_sql);
	if (!f->any_status)
		bind_text(s, ":status", store_claim_status_text(f->status));
	bind_int_or_null(s, ":payer", f->payer);
	bind_int_or_null(s, ":provider", f->provider);
	bind_int_or_null(s, ":patient", f->patient);
	bind_date(s, ":from", f->from);
	bind_date(s, ":to", f->to);
	bind_int_or_null(s, ":batch", f->batch);
	bind_int(s, ":batchless", f->batchless);
	while ((rc = store_step(st, s, "claims")) == 1) {
		memset(&row, 0, sizeof(row));
		read_claim(s, 0, &row.claim);
		row.patient = col_int(s, 11);
		COL_COPY(s, 12, row.account);
		COL_COPY(s, 13, row.last);
		COL_COPY(s, 14, row.first);
		row.dos = col_date(s, 15);
		row.rendering = col_int(s, 16);
		row.payer = col_int(s, 17);
		COL_COPY(s, 18, row.payer_name);
		row.seq = (int)col_int(s, 19);
		row.batch = col_int(s, 20);
		row.balance = col_int(s, 21);
		if (f->with_lines) {
			if (!lc.s) {
				/* A second statement stepping beside the first. */
				lc.s = store_prepare(st, lines_sql);
				bind_int(lc.s, ":first", row.claim.id);
				lc.state = store_step(st, lc.s, "claim lines");
			}
			row.claim.lines = lines;
			if (lines_for(st, &lc, &row.claim, &alloc) != MB_OK) {
				ret = MB_ERROR;
				break;
			}
			lines = row.claim.lines;
		}
		if ((ret = fn(&row, ud)) != 0)
			break;
	}
	if (rc < 0)
		ret = MB_ERROR;
	sqlite3_reset(s);
	if (lc.s)
		sqlite3_reset(lc.s);
	free(lines);
	return ret;
}

void store_enc_charges_release(struct store_enc_charges *e)
{
	free(e->charge);
	free(e->amount);
	memset(e, 0, sizeof(*e));
}

int store_encounter_charges(struct store *st, int64_t encounter, struct store_enc_charges *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT e.patient_id, p.account, e.dos,"
		" (SELECT count(*) FROM claims c WHERE c.encounter_id = e.id)"
		" FROM encounters e JOIN patients p ON p.id = e.patient_id WHERE e.id = :id");
	size_t a1 = 0, a2 = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	bind_int(s, ":id", encounter);
	rc = store_step(st, s, "encounter");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("'encounter': no encounter %lld", (long long)encounter);
	out->patient = col_int(s, 0);
	COL_COPY(s, 1, out->account);
	out->dos = col_date(s, 2);
	out->nclaims = (int)col_int(s, 3);
	sqlite3_reset(s);

	s = store_prepare(st, "SELECT id, amount FROM charges WHERE encounter_id = :id ORDER BY line_no");
	bind_int(s, ":id", encounter);
	while ((rc = store_step(st, s, "charges")) == 1) {
		ALLOC_GROW(out->charge, (size_t)out->ncharges + 1, a1);
		ALLOC_GROW(out->amount, (size_t)out->ncharges + 1, a2);
		out->charge[out->ncharges] = col_int(s, 0);
		out->amount[out->ncharges] = col_int(s, 1);
		out->ncharges++;
	}
	if (rc < 0) {
		store_enc_charges_release(out);
		return MB_ERROR;
	}
	return MB_OK;
}

int store_coverage_on(struct store *st, int64_t patient, mbdate_t dos, int64_t *coverage, int64_t *payer)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT id, payer_id FROM coverages WHERE patient_id = :patient"
		" AND effective <= :dos AND (end_date IS NULL OR end_date >= :dos)"
		" ORDER BY seq, id LIMIT 1");
	int rc;

	bind_int(s, ":patient", patient);
	bind_date(s, ":dos", dos);
	rc = store_step(st, s, "coverages");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return MB_NOTFOUND;
	*coverage = col_int(s, 0);
	*payer = col_int(s, 1);
	sqlite3_reset(s);
	return MB_OK;
}
