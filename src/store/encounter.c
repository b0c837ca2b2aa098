/*
 * encounter.c (store): rows of encounters, their diagnoses and charge lines.
 */
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_entities.h"

/* ---- writing ---- */

static int insert_encounter_row(struct store *st, struct encounter *e)
{
	static const char sql[] =
		"INSERT INTO encounters (id, patient_id, dos, rendering_id, referring_id, facility_id,"
		" pos, prior_auth, onset_date, accident_date, accident_code, accident_state,"
		" created_by, created_at) VALUES (:id, :patient, :dos, :rendering, :referring,"
		" :facility, :pos, :prior_auth, :onset, :accident, :accident_code, :accident_state,"
		" :created_by, :created_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&e->created);
	bind_int_or_null(s, ":id", e->id);
	bind_int(s, ":patient", e->patient);
	bind_date(s, ":dos", e->dos);
	bind_int(s, ":rendering", e->rendering);
	bind_int_or_null(s, ":referring", e->referring);
	bind_int_or_null(s, ":facility", e->facility);
	bind_text(s, ":pos", e->pos);
	bind_text(s, ":prior_auth", e->prior_auth);
	bind_date(s, ":onset", e->onset);
	bind_date(s, ":accident", e->accident);
	bind_text(s, ":accident_code", e->accident_code);
	bind_text(s, ":accident_state", e->accident_state);
	bind_stamp(s, "created", &e->created);
	if (store_exec_stmt(st, s, "encounter") != MB_OK)
		return MB_ERROR;
	e->id = store_last_id(st);
	return MB_OK;
}

static int insert_diagnoses(struct store *st, const struct encounter *e)
{
	static const char sql[] =
		"INSERT INTO diagnoses (encounter_id, seq, code) VALUES (:encounter, :seq, :code)";
	sqlite3_stmt *s;
	int i;

	for (i = 0; i < e->ndiag; i++) {
		s = store_prepare(st, sql);
		bind_int(s, ":encounter", e->id);
		bind_int(s, ":seq", i + 1);
		bind_text(s, ":code", e->diag[i]);
		if (store_exec_stmt(st, s, "diagnosis") != MB_OK)
			return MB_ERROR;
	}
	return MB_OK;
}

static const char *const mod_binds[MAX_MODS] = { ":mod1", ":mod2", ":mod3", ":mod4" };
static const char *const ptr_binds[MAX_PTRS] = { ":ptr1", ":ptr2", ":ptr3", ":ptr4" };

static int insert_charge(struct store *st, struct charge *c)
{
	static const char sql[] =
		"INSERT INTO charges (id, encounter_id, line_no, code, mod1, mod2, mod3, mod4,"
		" units, amount, ptr1, ptr2, ptr3, ptr4, ndc, ndc_unit, ndc_qty, note,"
		" created_by, created_at) VALUES (:id, :encounter, :line, :code,"
		" :mod1, :mod2, :mod3, :mod4, :units, :amount, :ptr1, :ptr2, :ptr3, :ptr4,"
		" :ndc, :ndc_unit, :ndc_qty, :note, :created_by, :created_at)";
	sqlite3_stmt *s = store_prepare(st, sql);
	int i;

	bind_int_or_null(s, ":id", c->id);
	bind_int(s, ":encounter", c->encounter);
	bind_int(s, ":line", c->line);
	bind_text(s, ":code", c->code);
	for (i = 0; i < MAX_MODS; i++)
		bind_text(s, mod_binds[i], c->mods[i]);
	bind_int(s, ":units", c->units);
	bind_cents(s, ":amount", c->amount);
	for (i = 0; i < MAX_PTRS; i++)
		bind_int_or_null(s, ptr_binds[i], c->ptrs[i]);
	bind_text(s, ":ndc", c->ndc);
	bind_text(s, ":ndc_unit", c->ndc_unit);
	bind_text(s, ":ndc_qty", c->ndc_qty);
	bind_text(s, ":note", c->note);
	bind_stamp(s, "created", &c->created);
	if (store_exec_stmt(st, s, "charge") != MB_OK)
		return MB_ERROR;
	c->id = store_last_id(st);
	return MB_OK;
}

int store_encounter_insert(struct store *st, struct encounter *e)
{
	int i;

	if (insert_encounter_row(st, e) != MB_OK || insert_diagnoses(st, e) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < e->ncharges; i++) {
		struct charge *c = &e->charges[i];

		c->encounter = e->id;
		c->line = i + 1;
		if (!c->created.by[0] && !c->created.at[0])
			c->created = e->created;
		store_stamp_fill(&c->created);
		if (insert_charge(st, c) != MB_OK)
			return MB_ERROR;
	}
	return MB_OK;
}

/* ---- reading ---- */

#define ENCOUNTER_COLS "id, patient_id, dos, rendering_id, referring_id, facility_id, pos," \
	" prior_auth, onset_date, accident_date, accident_code, accident_state," \
	" created_by, created_at"
#define CHARGE_COLS "id, encounter_id, line_no, code, mod1, mod2, mod3, mod4, units, amount," \
	" ptr1, ptr2, ptr3, ptr4, ndc, ndc_unit, ndc_qty, note, created_by, created_at"

/* Read an encounter row into e, dropping the diagnoses and charges it held. */
static void col_encounter(sqlite3_stmt *s, struct encounter *e)
{
	struct charge *charges = e->charges;
	size_t alloc = e->charges_alloc;

	memset(e, 0, sizeof(*e));
	e->charges = charges;
	e->charges_alloc = alloc;
	e->id = col_int(s, 0);
	e->patient = col_int(s, 1);
	e->dos = col_date(s, 2);
	e->rendering = col_int(s, 3);
	e->referring = col_int(s, 4);
	e->facility = col_int(s, 5);
	COL_COPY(s, 6, e->pos);
	COL_COPY(s, 7, e->prior_auth);
	e->onset = col_date(s, 8);
	e->accident = col_date(s, 9);
	COL_COPY(s, 10, e->accident_code);
	COL_COPY(s, 11, e->accident_state);
	col_stamp(s, 12, &e->created);
}

static void col_charge(sqlite3_stmt *s, struct charge *c)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->id = col_int(s, 0);
	c->encounter = col_int(s, 1);
	c->line = (int)col_int(s, 2);
	COL_COPY(s, 3, c->code);
	for (i = 0; i < MAX_MODS; i++)
		COL_COPY(s, 4 + i, c->mods[i]);
	c->units = (int)col_int(s, 8);
	c->amount = col_int(s, 9);
	for (i = 0; i < MAX_PTRS; i++)
		c->ptrs[i] = (int)col_int(s, 10 + i);
	COL_COPY(s, 14, c->ndc);
	COL_COPY(s, 15, c->ndc_unit);
	COL_COPY(s, 16, c->ndc_qty);
	COL_COPY(s, 17, c->note);
	col_stamp(s, 18, &c->created);
}

static void add_diag(struct encounter *e, const char *code)
{
	if (e->ndiag < MAX_DIAG)
		SCPY(e->diag[e->ndiag++], code);
}

static void add_charge_row(struct encounter *e, sqlite3_stmt *s)
{
	ALLOC_GROW(e->charges, (size_t)e->ncharges + 1, e->charges_alloc);
	col_charge(s, &e->charges[e->ncharges++]);
}

/* Fill e's diagnoses and charges from the database. */
static int load_lines(struct store *st, struct encounter *e)
{
	static const char dsql[] =
		"SELECT code FROM diagnoses WHERE encounter_id = :id ORDER BY seq";
	static const char csql[] =
		"SELECT " CHARGE_COLS " FROM charges WHERE encounter_id = :id ORDER BY line_no";
	sqlite3_stmt *s = store_prepare(st, dsql);
	int rc;

	bind_int(s, ":id", e->id);
	while ((rc = store_step(st, s, "diagnoses")) == 1)
		add_diag(e, col_text(s, 0));
	if (rc < 0)
		return MB_ERROR;
	s = store_prepare(st, csql);
	bind_int(s, ":id", e->id);
	while ((rc = store_step(st, s, "charges")) == 1)
		add_charge_row(e, s);
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_encounter_get(struct store *st, int64_t id, struct encounter *out)
{
	static const char sql[] = "SELECT " ENCOUNTER_COLS " FROM encounters WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "encounter");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("no encounter %lld", (long long)id);
	col_encounter(s, out);
	sqlite3_reset(s);
	return load_lines(st, out);
}

int store_charge_get(struct store *st, int64_t id, struct charge *out)
{
	static const char sql[] = "SELECT " CHARGE_COLS " FROM charges WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "charge");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("no charge %lld", (long long)id);
	col_charge(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

static void enc_free(struct encounter *e)
{
	free(e->charges);
	memset(e, 0, sizeof(*e));
}

/*
 * The walk over every encounter merges three cursors ordered by encounter
 * id, so that it reads each table once instead of querying per encounter.
 */
struct cursor {
	sqlite3_stmt *s;
	int row;		/* 1: a row is waiting, 0: done, <0: error */
};

static void cursor_step(struct store *st, struct cursor *c, const char *what)
{
	c->row = store_step(st, c->s, what);
}

static int merge_lines(struct store *st, struct encounter *e, struct cursor *d, struct cursor *c)
{
	while (d->row == 1 && col_int(d->s, 0) <= e->id) {
		if (col_int(d->s, 0) == e->id)
			add_diag(e, col_text(d->s, 1));
		cursor_step(st, d, "diagnoses");
	}
	while (c->row == 1 && col_int(c->s, 1) <= e->id) {
		if (col_int(c->s, 1) == e->id)
			add_charge_row(e, c->s);
		cursor_step(st, c, "charges");
	}
	return d->row < 0 || c->row < 0 ? MB_ERROR : MB_OK;
}

int store_encounter_foreach(struct store *st, encounter_fn fn, void *arg)
{
	static const char esql[] = "SELECT " ENCOUNTER_COLS " FROM encounters ORDER BY id";
	static const char dsql[] =
		"SELECT encounter_id, code FROM diagnoses ORDER BY encounter_id, seq";
	static const char csql[] =
		"SELECT " CHARGE_COLS " FROM charges ORDER BY encounter_id, line_no";
	struct cursor en = { store_prepare(st, esql), 0 };
	struct cursor d = { store_prepare(st, dsql), 0 }, c = { store_prepare(st, csql), 0 };
	struct encounter e;
	int ret = MB_OK;

	memset(&e, 0, sizeof(e));
	cursor_step(st, &d, "diagnoses");
	cursor_step(st, &c, "charges");
	while ((cursor_step(st, &en, "encounters"), en.row == 1)) {
		col_encounter(en.s, &e);
		if ((ret = merge_lines(st, &e, &d, &c)) != MB_OK)
			break;
		if ((ret = fn(&e, arg)) != MB_OK)
			break;
	}
	if (en.row < 0)
		ret = MB_ERROR;
	sqlite3_reset(en.s);
	sqlite3_reset(d.s);
	sqlite3_reset(c.s);
	enc_free(&e);
	return ret;
}

int store_encounter_foreach_patient(struct store *st, int64_t patient, encounter_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT id FROM encounters WHERE patient_id = :patient ORDER BY dos, id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int64_t *ids = NULL;
	size_t n = 0, alloc = 0, i;
	struct encounter e;
	int rc, ret = MB_OK;

	bind_int(s, ":patient", patient);
	while ((rc = store_step(st, s, "encounters")) == 1) {
		ALLOC_GROW(ids, n + 1, alloc);
		ids[n++] = col_int(s, 0);
	}
	if (rc < 0) {
		free(ids);
		return MB_ERROR;
	}
	memset(&e, 0, sizeof(e));
	for (i = 0; i < n && ret == MB_OK; i++) {
		ret = store_encounter_get(st, ids[i], &e);
		if (ret == MB_OK)
			ret = fn(&e, arg);
	}
	enc_free(&e);
	free(ids);
	return ret;
}
