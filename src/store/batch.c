/*
 * store/batch.c: the claim selection and its set-based reader, the
 * persisted control numbers, and the batches with what they carried.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_batch.h"

/*
 * A date column: the ISO form the store writes (YYYY-MM-DD) is read here
 * directly, anything else (NULL, other forms) through col_date().
 */
static mbdate_t rd_date(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	mbdate_t v = 0;
	int k;

	if (!t)
		return col_date(s, i);
	for (k = 0; k < 10; k++) {
		if (k == 4 || k == 7) {
			if (t[k] != '-')
				return col_date(s, i);
		} else if (t[k] >= '0' && t[k] <= '9') {
			v = v * 10 + (t[k] - '0');
		} else {
			return col_date(s, i);
		}
	}
	if (t[10])
		return col_date(s, i);
	return date_valid(v) ? v : 0;
}

/* ---- the selection ---- */

static const char q_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS claim_sel ("
	"grp INTEGER NOT NULL, claim_id INTEGER NOT NULL, "
	"PRIMARY KEY (grp, claim_id)) WITHOUT ROWID";

int store_claimsel_reset(struct store *st)
{
	static const char sql[] = "DELETE FROM temp.claim_sel";

	if (store_exec(st, q_create) != MB_OK)
		return MB_ERROR;
	return store_exec_stmt(st, store_prepare(st, sql), "claim selection");
}

/*
 * The group of a claim in the selection: its receiver (the payer's, else
 * the settings' default; 0 none) when by_receiver, else 0.
 */
static const char q_ready[] =
	"INSERT OR IGNORE INTO temp.claim_sel (grp, claim_id) "
	"SELECT CASE WHEN :by_receiver THEN ifnull(py.receiver_id, "
	"  ifnull((SELECT default_receiver FROM settings WHERE id = 1), 0)) ELSE 0 END, c.id "
	"FROM claim_state cs JOIN claims c ON c.id = cs.claim_id "
	"JOIN coverages cv ON cv.id = c.coverage_id "
	"JOIN payers py ON py.id = cv.payer_id "
	"WHERE cs.status = 'ready' AND (:payer IS NULL OR py.payer_id = :payer)";

int store_claimsel_ready(struct store *st, const char *payer, bool by_receiver, size_t *n)
{
	sqlite3_stmt *s = store_prepare(st, q_ready);

	bind_int(s, ":by_receiver", by_receiver);
	bind_text(s, ":payer", payer);
	if (store_exec_stmt(st, s, "claim selection") != MB_OK)
		return MB_ERROR;
	*n = (size_t)sqlite3_changes(st->db);
	return MB_OK;
}

int store_claimsel_add(struct store *st, int64_t claim, bool by_receiver, enum claim_status *status)
{
	static const char q[] =
		"SELECT cs.status, CASE WHEN :by_receiver THEN ifnull(py.receiver_id, "
		"  ifnull((SELECT default_receiver FROM settings WHERE id = 1), 0)) ELSE 0 END "
		"FROM claims c JOIN claim_state cs ON cs.claim_id = c.id "
		"LEFT JOIN coverages cv ON cv.id = c.coverage_id "
		"LEFT JOIN payers py ON py.id = cv.payer_id WHERE c.id = :claim";
	static const char ins[] =
		"INSERT OR IGNORE INTO temp.claim_sel (grp, claim_id) VALUES (:grp, :claim)";
	sqlite3_stmt *s = store_prepare(st, q);
	int64_t grp;
	int rc;

	bind_int(s, ":by_receiver", by_receiver);
	bind_int(s, ":claim", claim);
	rc = store_step(st, s, "claim");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("no claim %lld", (long long)claim);
	*status = col_claim_status(s, 0);
	grp = col_int(s, 1);
	sqlite3_reset(s);
	s = store_prepare(st, ins);
	bind_int(s, ":grp", grp);
	bind_int(s, ":claim", claim);
	return store_exec_stmt(st, s, "claim selection");
}

int store_claimsel_receivers(struct store *st, struct sel_receiver **out, size_t *n)
{
	static const char sql[] =
		"SELECT grp, count(*) FROM temp.claim_sel GROUP BY grp ORDER BY grp";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct sel_receiver *v = NULL;
	size_t alloc = 0, cnt = 0;
	int rc;

	while ((rc = store_step(st, s, "claim selection")) == 1) {
		ALLOC_GROW(v, cnt + 1, alloc);
		v[cnt].receiver = col_int(s, 0);
		v[cnt].claims = (size_t)col_int(s, 1);
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

int store_claimsel_with_findings(struct store *st, int64_t grp, int64_t **out, size_t *n)
{
	static const char sql[] =
		"SELECT DISTINCT f.claim_id FROM scrub_findings f "
		"JOIN temp.claim_sel s ON s.grp = :grp AND s.claim_id = f.claim_id "
		"JOIN claim_state cs ON cs.claim_id = f.claim_id AND cs.status = 'ready' "
		"ORDER BY f.claim_id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int64_t *v = NULL;
	size_t alloc = 0, cnt = 0;
	int rc;

	bind_int(s, ":grp", grp);
	while ((rc = store_step(st, s, "scrub findings")) == 1) {
		ALLOC_GROW(v, cnt + 1, alloc);
		v[cnt++] = col_int(s, 0);
	}
	if (rc < 0) {
		free(v);
		return MB_ERROR;
	}
	*out = v;
	*n = cnt;
	return MB_OK;
}

/* ---- the reader: four ordered queries merged by claim id ---- */

static const char q_claims[] =
	"SELECT c.id, c.encounter_id, c.coverage_id, c.pcn, c.frequency, c.original_id, "
	" c.payer_claim_no, cs.status, c.total, c.created_by, c.created_at, "			/* 0-10 */
	" e.patient_id, e.dos, e.rendering_id, e.referring_id, e.facility_id, e.pos, "
	" e.prior_auth, e.onset_date, e.accident_date, e.accident_code, e.accident_state, "	/* 11-21 */
	" pt.account, pt.last_name, pt.first_name, pt.middle_name, pt.dob, pt.sex, "
	" pt.addr1, pt.addr2, pt.city, pt.state, pt.zip, pt.phone, pt.guarantor_id, "		/* 22-34 */
	" cv.payer_id, cv.seq, cv.member_id, cv.group_no, cv.relationship, cv.sub_last, "
	" cv.sub_first, cv.sub_middle, cv.sub_dob, cv.sub_sex, cv.sub_addr1, cv.sub_addr2, "
	" cv.sub_city, cv.sub_state, cv.sub_zip, cv.effective, cv.end_date, "			/* 35-51 */
	" py.name, py.payer_id, py.filing_code, py.addr1, py.addr2, py.city, py.state, "
	" py.zip, py.timely_days, py.receiver_id, "						/* 52-61 */
	" ifnull(py.receiver_id, (SELECT default_receiver FROM settings WHERE id = 1)), "	/* 62 */
	" r.last_name, r.first_name, r.npi, r.taxonomy, "					/* 63-66 */
	" rf.last_name, rf.first_name, rf.npi, rf.taxonomy, "					/* 67-70 */
	" f.last_name, f.npi, f.taxonomy, f.addr1, f.addr2, f.city, f.state, f.zip, "		/* 71-78 */
	" cv.insurance_type "										/* 79 */
	"FROM temp.claim_sel s JOIN claims c ON c.id = s.claim_id "
	"JOIN claim_state cs ON cs.claim_id = c.id "
	"JOIN encounters e ON e.id = c.encounter_id "
	"JOIN patients pt ON pt.id = e.patient_id "
	"LEFT JOIN coverages cv ON cv.id = c.coverage_id "
	"LEFT JOIN payers py ON py.id = cv.payer_id "
	"LEFT JOIN providers r ON r.id = e.rendering_id "
	"LEFT JOIN providers rf ON rf.id = e.referring_id "
	"LEFT JOIN providers f ON f.id = e.facility_id "
	"WHERE s.grp = :grp AND (:ready = 0 OR cs.status = 'ready') "
	"ORDER BY s.claim_id";

static const char q_lines[] =
	"SELECT s.claim_id, ch.id, ch.encounter_id, ch.line_no, ch.code, ch.mod1, ch.mod2, "
	" ch.mod3, ch.mod4, ch.units, ch.amount, ch.ptr1, ch.ptr2, ch.ptr3, ch.ptr4, ch.ndc, "
	" ch.ndc_unit, ch.ndc_qty, ch.note, ch.created_by, ch.created_at "
	"FROM temp.claim_sel s JOIN claim_lines cl ON cl.claim_id = s.claim_id "
	"JOIN charges ch ON ch.id = cl.charge_id "
	"WHERE s.grp = :grp ORDER BY s.claim_id, cl.line_no";

static const char q_diags[] =
	"SELECT s.claim_id, d.code FROM temp.claim_sel s JOIN claims c ON c.id = s.claim_id "
	"JOIN diagnoses d ON d.encounter_id = c.encounter_id "
	"WHERE s.grp = :grp ORDER BY s.claim_id, d.seq";

static const char q_other[] =
	"SELECT s.claim_id, o.id, o.payer_id, o.seq, o.member_id, o.group_no, o.relationship, "
	" o.sub_last, o.sub_first, o.sub_middle, o.sub_dob, o.sub_sex, o.sub_addr1, o.sub_addr2, "
	" o.sub_city, o.sub_state, o.sub_zip, o.effective, o.end_date, "				/* 1-18 */
	" op.name, op.payer_id, op.filing_code, op.addr1, op.addr2, op.city, op.state, op.zip, "
	" op.timely_days, o.insurance_type "								/* 19-28 */
	"FROM temp.claim_sel s JOIN claims c ON c.id = s.claim_id "
	"JOIN encounters e ON e.id = c.encounter_id "
	"JOIN coverages o ON o.patient_id = e.patient_id AND o.id IS NOT c.coverage_id "
	" AND o.effective <= e.dos AND (o.end_date IS NULL OR o.end_date >= e.dos) "
	"JOIN payers op ON op.id = o.payer_id "
	"WHERE s.grp = :grp ORDER BY s.claim_id, o.seq";

const char *store_claim_reader_sql(int i)
{
	static const char *const all[] = { q_create, q_ready, q_claims, q_lines, q_diags, q_other };

	return i >= 0 && (size_t)i < ARRAY_SIZE(all) ? all[i] : NULL;
}

struct cursor {
	sqlite3_stmt *s;
	int has;		/* 1: a row is waiting; 0: done */
};

struct claim_reader {
	struct store *st;
	struct cursor claims, lines, diags, other;
};

static int cursor_open(struct store *st, struct cursor *c, const char *sql, int64_t grp, int ready)
{
	c->s = store_prepare(st, sql);
	bind_int(c->s, ":grp", grp);
	if (ready >= 0)
		bind_int(c->s, ":ready", ready);
	c->has = store_step(st, c->s, "claims");
	return c->has < 0 ? MB_ERROR : MB_OK;
}

static int cursor_next(struct store *st, struct cursor *c)
{
	c->has = store_step(st, c->s, "claims");
	return c->has < 0 ? MB_ERROR : MB_OK;
}

/* Skip the rows of claims before id (claims the first query left out). */
static int cursor_seek(struct store *st, struct cursor *c, int64_t id)
{
	while (c->has == 1 && col_int(c->s, 0) < id)
		if (cursor_next(st, c) != MB_OK)
			return MB_ERROR;
	return MB_OK;
}

int store_claim_reader_open(struct store *st, int64_t grp, bool only_ready, struct claim_reader **out)
{
	struct claim_reader *r = xcalloc(1, sizeof(*r));

	r->st = st;
	*out = NULL;
	if (cursor_open(st, &r->claims, q_claims, grp, only_ready) != MB_OK ||
	    cursor_open(st, &r->lines, q_lines, grp, -1) != MB_OK ||
	    cursor_open(st, &r->diags, q_diags, grp, -1) != MB_OK ||
	    cursor_open(st, &r->other, q_other, grp, -1) != MB_OK) {
		store_claim_reader_close(r);
		return MB_ERROR;
	}
	*out = r;
	return MB_OK;
}

void store_claim_reader_close(struct claim_reader *r)
{
	if (!r)
		return;
	if (r->claims.s)
		sqlite3_reset(r->claims.s);
	if (r->lines.s)
		sqlite3_reset(r->lines.s);
	if (r->diags.s)
		sqlite3_reset(r->diags.s);
	if (r->other.s)
		sqlite3_reset(r->other.s);
	free(r);
}

/*
 * The coverage columns both readers select in the same order from column i:
 * payer_id, seq, member_id, group_no, relationship, sub_last, sub_first,
 * sub_middle, sub_dob, sub_sex, the five sub_ address columns, effective,
 * end_date (17).
 */
static void rd_coverage(sqlite3_stmt *s, int i, struct coverage *cv)
{
	cv->payer = col_int(s, i);
	cv->seq = (int)col_int(s, i + 1);
	COL_COPY(s, i + 2, cv->member_id);
	COL_COPY(s, i + 3, cv->group_no);
	COL_COPY(s, i + 4, cv->relationship);
	COL_COPY(s, i + 5, cv->sub_last);
	COL_COPY(s, i + 6, cv->sub_first);
	COL_COPY(s, i + 7, cv->sub_middle);
	cv->sub_dob = rd_date(s, i + 8);
	cv->sub_sex = col_char(s, i + 9);
	col_address(s, i + 10, &cv->sub_addr);
	cv->effective = rd_date(s, i + 15);
	cv->end = rd_date(s, i + 16);
}

/* Its payer's columns from column i: name, payer_id, filing_code, the five address columns, timely_days. */
static void rd_payer(sqlite3_stmt *s, int i, struct payer *py)
{
	COL_COPY(s, i, py->name);
	COL_COPY(s, i + 1, py->payer_id);
	COL_COPY(s, i + 2, py->filing_code);
	col_address(s, i + 3, &py->addr);
	py->timely_days = (int)col_int(s, i + 8);
}

static void read_claim_row(sqlite3_stmt *s, struct claim_data *cd)
{
	struct claim *c = &cd->claim;
	struct encounter *e = &cd->enc;
	struct patient *p = &cd->patient;
	struct coverage *cv = &cd->cov;
	struct payer *py = &cd->payer;

	c->id = col_int(s, 0);
	c->encounter = col_int(s, 1);
	c->coverage = col_int(s, 2);
	COL_COPY(s, 3, c->pcn);
	c->frequency = col_char(s, 4);
	c->original = col_int(s, 5);
	COL_COPY(s, 6, c->payer_claim_no);
	c->status = col_claim_status(s, 7);
	c->total = col_int(s, 8);
	COL_COPY(s, 9, c->created.by);
	COL_COPY(s, 10, c->created.at);

	e->id = c->encounter;
	e->patient = col_int(s, 11);
	e->dos = rd_date(s, 12);
	e->rendering = col_int(s, 13);
	e->referring = col_int(s, 14);
	e->facility = col_int(s, 15);
	COL_COPY(s, 16, e->pos);
	COL_COPY(s, 17, e->prior_auth);
	e->onset = rd_date(s, 18);
	e->accident = rd_date(s, 19);
	COL_COPY(s, 20, e->accident_code);
	COL_COPY(s, 21, e->accident_state);

	p->id = e->patient;
	COL_COPY(s, 22, p->account);
	COL_COPY(s, 23, p->last);
	COL_COPY(s, 24, p->first);
	COL_COPY(s, 25, p->middle);
	p->dob = rd_date(s, 26);
	p->sex = col_char(s, 27);
	col_address(s, 28, &p->addr);
	COL_COPY(s, 33, p->phone);
	p->guarantor = col_int(s, 34);

	cv->id = c->coverage;
	cv->patient = p->id;
	rd_coverage(s, 35, cv);
	COL_COPY(s, 79, cv->insurance_type);
	py->id = cv->payer;
	rd_payer(s, 52, py);
	py->receiver = col_int(s, 61);
	cd->receiver = col_int(s, 62);

	cd->rendering.id = e->rendering;
	cd->rendering.kind = PROV_RENDERING;
	COL_COPY(s, 63, cd->rendering.last);
	COL_COPY(s, 64, cd->rendering.first);
	COL_COPY(s, 65, cd->rendering.npi);
	COL_COPY(s, 66, cd->rendering.taxonomy);
	cd->referring.id = e->referring;
	cd->referring.kind = PROV_REFERRING;
	COL_COPY(s, 67, cd->referring.last);
	COL_COPY(s, 68, cd->referring.first);
	COL_COPY(s, 69, cd->referring.npi);
	COL_COPY(s, 70, cd->referring.taxonomy);
	cd->facility.id = e->facility;
	cd->facility.kind = PROV_FACILITY;
	COL_COPY(s, 71, cd->facility.last);
	COL_COPY(s, 72, cd->facility.npi);
	COL_COPY(s, 73, cd->facility.taxonomy);
	col_address(s, 74, &cd->facility.addr);
}

static void read_line_row(sqlite3_stmt *s, struct charge *ch)
{
	int i;

	memset(ch, 0, sizeof(*ch));
	ch->id = col_int(s, 1);
	ch->encounter = col_int(s, 2);
	ch->line = (int)col_int(s, 3);
	COL_COPY(s, 4, ch->code);
	for (i = 0; i < MAX_MODS; i++)
		COL_COPY(s, 5 + i, ch->mods[i]);
	ch->units = (int)col_int(s, 9);
	ch->amount = col_int(s, 10);
	for (i = 0; i < MAX_PTRS; i++)
		ch->ptrs[i] = (int)col_int(s, 11 + i);
	COL_COPY(s, 15, ch->ndc);
	COL_COPY(s, 16, ch->ndc_unit);
	COL_COPY(s, 17, ch->ndc_qty);
	COL_COPY(s, 18, ch->note);
	COL_COPY(s, 19, ch->created.by);
	COL_COPY(s, 20, ch->created.at);
}

static void read_other_row(sqlite3_stmt *s, struct coverage *o, struct payer *op)
{
	memset(o, 0, sizeof(*o));
	memset(op, 0, sizeof(*op));
	o->id = col_int(s, 1);
	rd_coverage(s, 2, o);
	op->id = o->payer;
	rd_payer(s, 19, op);
	COL_COPY(s, 28, o->insurance_type);
}

int store_claim_reader_next(struct claim_reader *r, struct claim_data *cd)
{
	struct store *st = r->st;
	struct encounter *e = &cd->enc;
	int64_t id;
	struct charge *keep = e->charges;
	size_t keep_alloc = e->charges_alloc;

	if (r->claims.has != 1)
		return 0;
	/* Reuse the charges array from claim to claim: one allocation per reader. */
	memset(cd, 0, sizeof(*cd));
	e->charges = keep;
	e->charges_alloc = keep_alloc;
	read_claim_row(r->claims.s, cd);
	id = cd->claim.id;

	if (cursor_seek(st, &r->lines, id) != MB_OK)
		return MB_ERROR;
	while (r->lines.has == 1 && col_int(r->lines.s, 0) == id) {
		ALLOC_GROW(e->charges, (size_t)e->ncharges + 1, e->charges_alloc);
		read_line_row(r->lines.s, &e->charges[e->ncharges++]);
		if (cursor_next(st, &r->lines) != MB_OK)
			return MB_ERROR;
	}
	if (cursor_seek(st, &r->diags, id) != MB_OK)
		return MB_ERROR;
	while (r->diags.has == 1 && col_int(r->diags.s, 0) == id) {
		if (e->ndiag < MAX_DIAG)
			COL_COPY(r->diags.s, 1, e->diag[e->ndiag]);
		e->ndiag++;
		if (cursor_next(st, &r->diags) != MB_OK)
			return MB_ERROR;
	}
	if (cursor_seek(st, &r->other, id) != MB_OK)
		return MB_ERROR;
	while (r->other.has == 1 && col_int(r->other.s, 0) == id) {
		if (cd->nother < CLAIM_DATA_OTHER) {
			read_other_row(r->other.s, &cd->other[cd->nother], &cd->other_payer[cd->nother]);
			cd->nother++;
		}
		if (cursor_next(st, &r->other) != MB_OK)
			return MB_ERROR;
	}
	if (cursor_next(st, &r->claims) != MB_OK)
		return MB_ERROR;
	return 1;
}

/* ---- control numbers ---- */

int store_control_get(struct store *st, const char *submitter, struct control_numbers *out)
{
	static const char sql[] =
		"SELECT isa13, gs06, st02 FROM control_numbers WHERE submitter = :sub";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	memset(out, 0, sizeof(*out));
	bind_text_empty(s, ":sub", submitter);
	rc = store_step(st, s, "control numbers");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 1) {
		out->isa13 = col_int(s, 0);
		out->gs06 = col_int(s, 1);
		out->st02 = col_int(s, 2);
		sqlite3_reset(s);
	}
	return MB_OK;
}

int store_control_reserve(struct store *st, const char *submitter, int nsets, struct control_numbers *out)
{
	static const char ins[] =
		"INSERT INTO control_numbers (submitter, updated_by, updated_at) "
		"VALUES (:sub, :by, :at) ON CONFLICT (submitter) DO NOTHING";
	static const char upd[] =
		"UPDATE control_numbers SET isa13 = isa13 + 1, gs06 = gs06 + 1, st02 = st02 + :n, "
		"updated_by = :by, updated_at = :at WHERE submitter = :sub "
		"RETURNING isa13, gs06, st02 - :n + 1";
	struct stamp now = { "", "" };
	sqlite3_stmt *s;
	int rc;

	store_stamp_fill(&now);
	s = store_prepare(st, ins);
	bind_text_empty(s, ":sub", submitter);
	bind_text(s, ":by", now.by);
	bind_text(s, ":at", now.at);
	if (store_exec_stmt(st, s, "control numbers") != MB_OK)
		return MB_ERROR;
	s = store_prepare(st, upd);
	bind_text_empty(s, ":sub", submitter);
	bind_int(s, ":n", nsets);
	bind_text(s, ":by", now.by);
	bind_text(s, ":at", now.at);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			error("the control numbers of submitter '%s' are used up (999999999)", submitter);
		else
			store_sqlerr(st, "control numbers");
		sqlite3_reset(s);
		return MB_ERROR;
	}
	out->isa13 = col_int(s, 0);
	out->gs06 = col_int(s, 1);
	out->st02 = col_int(s, 2);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "control numbers");
	return MB_OK;
}

/* ---- batches ---- */

#define BATCH_TEXT_(n, s) [BATCH_##n] = s,
static const char *const batch_status_text[] = { BATCH_STATUSES(BATCH_TEXT_) };
#undef BATCH_TEXT_

static enum batch_status batch_status_read(const char *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(batch_status_text); i++)
		if (!strcmp(t, batch_status_text[i]))
			return (enum batch_status)i;
	return BATCH_ABANDONED;
}

int bind_batch(sqlite3_stmt *s, struct batch *b)
{
	if ((unsigned)b->status >= BATCH_STATUS_COUNT)
		return error("'status': %d is not a batch status", (int)b->status);
	store_stamp_fill(&b->created);
	bind_text(s, ":kind", b->kind[0] ? b->kind : "837P");
	bind_int(s, ":receiver", b->receiver);
	bind_text_empty(s, ":submitter", b->submitter);
	bind_char(s, ":usage", b->usage);
	bind_int(s, ":isa13", b->isa13);
	bind_int(s, ":gs06", b->gs06);
	bind_int(s, ":st02_first", b->st02_first);
	bind_int(s, ":st02_last", b->st02_last);
	bind_text(s, ":status", batch_status_text[b->status]);
	bind_text_empty(s, ":path", b->path);
	bind_text_empty(s, ":tmp_path", b->tmp_path);
	bind_text(s, ":note", b->note);
	bind_text(s, ":by", b->created.by);
	bind_text(s, ":at", b->created.at);
	return MB_OK;
}

int store_batch_insert(struct store *st, struct batch *b)
{
	static const char sql[] =
		"INSERT INTO batches (id, kind, receiver_id, submitter, usage, isa13, gs06, st02_first, "
		"st02_last, status, path, tmp_path, note, created_by, created_at) VALUES ("
		/* after the batch numbers claims carry from another system (an import) */
		" max(ifnull((SELECT max(id) FROM batches), 0), "
		"     ifnull((SELECT max(batch_id) FROM claim_state WHERE batch_id IS NOT NULL), 0)) + 1, :kind, "
		":receiver, :submitter, :usage, :isa13, :gs06, :st02_first, :st02_last, :status, "
		":path, :tmp_path, :note, :by, :at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	if (bind_batch(s, b) != MB_OK || store_exec_stmt(st, s, "batch") != MB_OK)
		return MB_ERROR;
	b->id = sqlite3_last_insert_rowid(st->db);
	return MB_OK;
}

#define BATCH_SELECT \
	"SELECT b.id, b.kind, b.receiver_id, r.name, b.submitter, b.usage, b.isa13, b.gs06, " \
	"b.st02_first, b.st02_last, b.status, b.path, b.tmp_path, b.claims, b.lines, b.total, " \
	"b.bytes, b.note, b.created_by, b.created_at, b.sent_at " \
	"FROM batches b LEFT JOIN receivers r ON r.id = b.receiver_id "

static void read_batch(sqlite3_stmt *s, struct batch *b)
{
	memset(b, 0, sizeof(*b));
	b->id = col_int(s, 0);
	COL_COPY(s, 1, b->kind);
	b->receiver = col_int(s, 2);
	COL_COPY(s, 3, b->receiver_name);
	COL_COPY(s, 4, b->submitter);
	b->usage = col_char(s, 5);
	b->isa13 = col_int(s, 6);
	b->gs06 = col_int(s, 7);
	b->st02_first = col_int(s, 8);
	b->st02_last = col_int(s, 9);
	b->status = batch_status_read(col_text(s, 10));
	COL_COPY(s, 11, b->path);
	COL_COPY(s, 12, b->tmp_path);
	b->claims = col_int(s, 13);
	b->lines = col_int(s, 14);
	b->total = col_int(s, 15);
	b->bytes = col_int(s, 16);
	COL_COPY(s, 17, b->note);
	COL_COPY(s, 18, b->created.by);
	COL_COPY(s, 19, b->created.at);
	COL_COPY(s, 20, b->sent_at);
}

int store_batch_get(struct store *st, int64_t id, struct batch *out)
{
	static const char sql[] = BATCH_SELECT "WHERE b.id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "batch");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("no batch %lld", (long long)id);
	read_batch(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_batch_each(struct store *st, int status, batch_fn fn, void *arg)
{
	static const char sql[] =
		BATCH_SELECT "WHERE :status IS NULL OR b.status = :status ORDER BY b.id";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct batch b;
	int rc;

	bind_text(s, ":status", status < 0 ? NULL : batch_status_text[status]);
	while ((rc = store_step(st, s, "batches")) == 1) {
		read_batch(s, &b);
		if ((rc = fn(&b, arg)) != 0) {
			sqlite3_reset(s);
			return rc;
		}
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_batch_set_status(struct store *st, int64_t id, enum batch_status status, const char *note)
{
	static const char sql[] =
		"UPDATE batches SET status = :status, note = ifnull(:note, note) WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_text(s, ":status", batch_status_text[status]);
	bind_text(s, ":note", note);
	bind_int(s, ":id", id);
	return store_exec_stmt(st, s, "batch");
}

int store_batch_delete_unused(struct store *st, int64_t id)
{
	static const char sets[] = "DELETE FROM batch_sets WHERE batch_id = :id";
	static const char sql[] =
		"DELETE FROM batches WHERE id = :id AND status = 'pending' "
		"AND NOT EXISTS (SELECT 1 FROM batch_claims WHERE batch_id = :id)";
	sqlite3_stmt *s = store_prepare(st, sets);

	bind_int(s, ":id", id);
	if (store_exec_stmt(st, s, "batch") != MB_OK)
		return MB_ERROR;
	s = store_prepare(st, sql);
	bind_int(s, ":id", id);
	return store_exec_stmt(st, s, "batch");
}

int store_batch_set_insert(struct store *st, int64_t batch, int64_t st02, const char *bht03,
			   int64_t claims, int64_t segments)
{
	static const char sql[] =
		"INSERT INTO batch_sets (batch_id, st02, bht03, claims, segments) "
		"VALUES (:batch, :st02, :bht03, :claims, :segments)";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":batch", batch);
	bind_int(s, ":st02", st02);
	bind_text_empty(s, ":bht03", bht03);
	bind_int(s, ":claims", claims);
	bind_int(s, ":segments", segments);
	return store_exec_stmt(st, s, "batch transaction set");
}

int store_batch_claim_insert(struct store *st, int64_t batch, int64_t seq, int64_t st02,
			     const struct claim *c, int lines)
{
	static const char sql[] =
		"INSERT INTO batch_claims (batch_id, seq, st02, claim_id, pcn, frequency, lines, total) "
		"VALUES (:batch, :seq, :st02, :claim, :pcn, :freq, :lines, :total)";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":batch", batch);
	bind_int(s, ":seq", seq);
	bind_int(s, ":st02", st02);
	bind_int(s, ":claim", c->id);
	bind_text_empty(s, ":pcn", c->pcn);
	bind_char(s, ":freq", c->frequency ? c->frequency : '1');
	bind_int(s, ":lines", lines);
	bind_int(s, ":total", c->total);
	return store_exec_stmt(st, s, "batch claim");
}

int store_batch_mark_sent(struct store *st, int64_t batch, int64_t from, int64_t to, const char *note,
			  const struct stamp *at)
{
	static const char upd_claims[] =
		"UPDATE claim_state SET status = 'submitted', batch_id = :id WHERE status = 'ready' AND claim_id IN "
		"(SELECT claim_id FROM batch_claims WHERE batch_id = :id AND seq BETWEEN :from AND :to)";
	static const char ins_history[] =
		"INSERT INTO claim_history (claim_id, status, note, created_by, created_at) "
		"SELECT claim_id, 'submitted', :note, :by, :at FROM batch_claims "
		"WHERE batch_id = :id AND seq BETWEEN :from AND :to ORDER BY seq";
	sqlite3_stmt *s;

	if (to < from)
		return MB_OK;
	s = store_prepare(st, upd_claims);
	bind_int(s, ":id", batch);
	bind_int(s, ":from", from);
	bind_int(s, ":to", to);
	if (store_exec_stmt(st, s, "claims") != MB_OK)
		return MB_ERROR;
	if (sqlite3_changes64(st->db) != to - from + 1)
		return error("batch %lld: a claim of its %lld to %lld is no longer ready", (long long)batch,
			     (long long)from, (long long)to);
	s = store_prepare(st, ins_history);
	bind_text(s, ":note", note);
	bind_text(s, ":by", at->by);
	bind_text(s, ":at", at->at);
	bind_int(s, ":id", batch);
	bind_int(s, ":from", from);
	bind_int(s, ":to", to);
	return store_exec_stmt(st, s, "claim history");
}

int store_batch_finish(struct store *st, const struct batch *b)
{
	static const char upd_batch[] =
		"UPDATE batches SET status = 'sent', claims = :claims, lines = :lines, total = :total, "
		"bytes = :bytes, sent_at = :at WHERE id = :id AND status = 'pending'";
	struct stamp now = { "", "" };
	sqlite3_stmt *s;

	store_stamp_fill(&now);
	s = store_prepare(st, upd_batch);
	bind_int(s, ":claims", b->claims);
	bind_int(s, ":lines", b->lines);
	bind_int(s, ":total", b->total);
	bind_int(s, ":bytes", b->bytes);
	bind_text(s, ":at", now.at);
	bind_int(s, ":id", b->id);
	if (store_exec_stmt(st, s, "batch") != MB_OK)
		return MB_ERROR;
	if (sqlite3_changes(st->db) != 1)
		return error("batch %lld is no longer pending", (long long)b->id);
	return MB_OK;
}

int store_batch_trace(struct store *st, int64_t batch, int64_t seq, int lx, int64_t *claim,
		      int64_t *charge)
{
	static const char sql[] =
		"SELECT bc.claim_id, cl.charge_id FROM batch_claims bc "
		"JOIN claim_lines cl ON cl.claim_id = bc.claim_id "
		"WHERE bc.batch_id = :batch AND bc.seq = :seq ORDER BY cl.line_no LIMIT 1 OFFSET :off";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":batch", batch);
	bind_int(s, ":seq", seq);
	bind_int(s, ":off", lx - 1);
	rc = store_step(st, s, "batch claims");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0 || lx < 1)
		return error_notfound("no line %d of claim %lld of batch %lld", lx, (long long)seq,
				      (long long)batch);
	*claim = col_int(s, 0);
	*charge = col_int(s, 1);
	sqlite3_reset(s);
	return MB_OK;
}
