/*
 * demo.c: the store's part of the demo generator: the emptiness check and
 * the index pause of a bulk load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_priv.h"
#include "medbill/store_demo.h"
#include "medbill/strbuf.h"

/* The practice's tables, most telling first. */
static const struct {
	const char *name;
	const char *sql;
} demo_tables[] = {
	{ "the practice", "SELECT EXISTS (SELECT 1 FROM practice)" },
	{ "patients", "SELECT EXISTS (SELECT 1 FROM patients)" },
	{ "payers", "SELECT EXISTS (SELECT 1 FROM payers)" },
	{ "providers", "SELECT EXISTS (SELECT 1 FROM providers)" },
	{ "the fee schedule", "SELECT EXISTS (SELECT 1 FROM fees)" },
	{ "submitter settings", "SELECT EXISTS (SELECT 1 FROM settings)" },
	{ "receivers", "SELECT EXISTS (SELECT 1 FROM receivers)" },
	{ "coverages", "SELECT EXISTS (SELECT 1 FROM coverages)" },
	{ "encounters", "SELECT EXISTS (SELECT 1 FROM encounters)" },
	{ "claims", "SELECT EXISTS (SELECT 1 FROM claims)" },
	{ "ledger rows", "SELECT EXISTS (SELECT 1 FROM ledger)" },
};

int store_demo_empty(struct store *st, bool *empty, const char **what)
{
	size_t i;

	*empty = true;
	*what = NULL;
	for (i = 0; i < ARRAY_SIZE(demo_tables); i++) {
		sqlite3_stmt *s = store_prepare(st, demo_tables[i].sql);
		int rc = store_step(st, s, demo_tables[i].name);

		if (rc < 0)
			return MB_ERROR;
		if (rc > 0 && col_int(s, 0)) {
			sqlite3_reset(s);
			*empty = false;
			*what = demo_tables[i].name;
			return MB_OK;
		}
		sqlite3_reset(s);
	}
	return MB_OK;
}

/*
 * The plain indexes of the tables a bulk load fills. Their SQL is kept in
 * a table of the temp schema, so that nothing outlives the connection.
 */
static const char demo_idx_save[] =
	"CREATE TEMP TABLE IF NOT EXISTS demo_saved_index (name TEXT PRIMARY KEY, sql TEXT NOT NULL);"
	"DELETE FROM demo_saved_index;"
	"INSERT INTO demo_saved_index (name, sql) SELECT name, sql FROM main.sqlite_master "
	"WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' "
	"AND tbl_name IN ('patients', 'coverages', 'encounters', 'diagnoses', 'charges', 'claims', 'claim_state', "
	"'claim_lines', 'claim_history', 'ledger', 'balances');";

int store_demo_indexes_drop(struct store *st)
{
	sqlite3_stmt *s;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int rc, ret = MB_ERROR;

	if (store_exec(st, demo_idx_save) != MB_OK)
		return MB_ERROR;
	s = store_prepare(st, "SELECT name FROM temp.demo_saved_index ORDER BY name");
	while ((rc = store_step(st, s, "indexes")) > 0) {
		ALLOC_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(col_text(s, 0));
	}
	if (rc < 0)
		goto cleanup;
	for (i = 0; i < n; i++) {
		/* Index names come from the schema, not from input; quote them anyway. */
		char *sql = sqlite3_mprintf("DROP INDEX main.\"%w\"", names[i]);

		if (!sql)
			die("out of memory");
		rc = store_exec(st, sql);
		sqlite3_free(sql);
		if (rc != MB_OK)
			goto cleanup;
	}
	ret = MB_OK;
cleanup:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

int store_demo_indexes_restore(struct store *st)
{
	sqlite3_stmt *s;
	char **sqls = NULL;
	size_t n = 0, alloc = 0, i;
	int rc, ret = MB_ERROR;

	s = store_prepare(st, "SELECT sql FROM temp.demo_saved_index ORDER BY name");
	while ((rc = store_step(st, s, "indexes")) > 0) {
		ALLOC_GROW(sqls, n + 1, alloc);
		sqls[n++] = xstrdup(col_text(s, 0));
	}
	if (rc < 0)
		goto cleanup;
	for (i = 0; i < n; i++)
		if (store_exec(st, sqls[i]) != MB_OK)
			goto cleanup;
	ret = store_exec(st, "DELETE FROM temp.demo_saved_index");
cleanup:
	for (i = 0; i < n; i++)
		free(sqls[i]);
	free(sqls);
	return ret;
}

int store_demo_journal(struct store *st, bool bulk)
{
	if (st->depth)
		BUG("store_demo_journal inside a transaction");
	/* Two sorter threads build the indexes again after the load. */
	store_exec(st, bulk ? "PRAGMA threads=2" : "PRAGMA threads=0");
	return store_exec(st, bulk ? "PRAGMA journal_mode=DELETE" : "PRAGMA journal_mode=WAL");
}

/*
 * The bulk writer: rows of the demo's high-volume tables are kept in memory
 * and written many to a statement ("INSERT ... VALUES (...), (...), ...").
 * A statement carries a power of two of rows, up to BULK_ROWS, so that any
 * number of pending rows goes out in a few statements. The statement texts
 * are built once per process from the column lists below (never from
 * input) and live as long as the process, as the statement cache needs.
 * Values are bound by position: with hundreds of parameters, looking names
 * up would cost more than the insert.
 *
 * Every table is written in the order of its foreign keys, all pending
 * rows of all tables at once, whenever one table's buffer is full: a row is
 * never written before the rows it refers to.
 */
#define BULK_LEVELS 7			/* statements of 1, 2, 4, ... 64 rows */
#define BULK_ROWS (1 << (BULK_LEVELS - 1))

enum bulk_id {
	BT_PATIENTS, BT_COVERAGES, BT_ENCOUNTERS, BT_DIAGNOSES, BT_CHARGES, BT_CLAIMS,
	BT_CLAIM_STATE, BT_CLAIM_LINES, BT_HISTORY, BT_LEDGER, BT_COUNT
};

static const struct bulk_def {
	const char *name;
	const char *head;
	int ncols;
} bulk_defs[BT_COUNT] = {
	[BT_PATIENTS] = { "patient", "INSERT INTO patients (id, account, last_name, first_name,"
		" middle_name, dob, sex, addr1, addr2, city, state, zip, phone, guarantor_id,"
		" created_by, created_at, updated_by, updated_at) VALUES ", 18 },
	[BT_COVERAGES] = { "coverage", "INSERT INTO coverages (id, patient_id, payer_id, seq,"
		" member_id, group_no, relationship, sub_last, sub_first, sub_middle, sub_dob, sub_sex,"
		" sub_addr1, sub_addr2, sub_city, sub_state, sub_zip, effective, end_date,"
		" created_by, created_at, updated_by, updated_at) VALUES ", 23 },
	[BT_ENCOUNTERS] = { "encounter", "INSERT INTO encounters (id, patient_id, dos, rendering_id,"
		" referring_id, facility_id, pos, prior_auth, onset_date, accident_date, accident_code,"
		" accident_state, created_by, created_at) VALUES ", 14 },
	[BT_DIAGNOSES] = { "diagnosis", "INSERT INTO diagnoses (encounter_id, seq, code) VALUES ", 3 },
	[BT_CHARGES] = { "charge", "INSERT INTO charges (id, encounter_id, line_no, code, mod1, mod2,"
		" mod3, mod4, units, amount, ptr1, ptr2, ptr3, ptr4, ndc, ndc_unit, ndc_qty, note,"
		" created_by, created_at) VALUES ", 20 },
	[BT_CLAIMS] = { "claim", "INSERT INTO claims (id, encounter_id, coverage_id, pcn, frequency,"
		" original_id, payer_claim_no, total, created_by, created_at) VALUES ", 10 },
	[BT_CLAIM_STATE] = { "claim state", "INSERT INTO claim_state (claim_id, status, batch_id) VALUES ", 3 },
	[BT_CLAIM_LINES] = { "claim line", "INSERT INTO claim_lines (claim_id, line_no, charge_id) VALUES ", 3 },
	[BT_HISTORY] = { "claim history", "INSERT INTO claim_history (id, claim_id, status, note,"
		" created_by, created_at) VALUES ", 6 },
	[BT_LEDGER] = { "ledger row", "INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id,"
		" amount, posted, group_code, reason_code, xfer_id, reverses_id, credit_reason, reference,"
		" note, created_by, created_at) VALUES ", 16 },
};

/*
 * The statement texts, [table][level] for 2^level rows: made on first use
 * and kept for the life of the process (the statement cache holds their
 * addresses).
 */
static char *bulk_sql[BT_COUNT][BULK_LEVELS];

static const char *bulk_sql_for(enum bulk_id t, int level)
{
	struct strbuf sb = STRBUF_INIT;
	int r, c;

	if (bulk_sql[t][level])
		return bulk_sql[t][level];
	strbuf_adds(&sb, bulk_defs[t].head);
	for (r = 0; r < 1 << level; r++) {
		strbuf_adds(&sb, r ? ", (" : "(");
		for (c = 0; c < bulk_defs[t].ncols; c++)
			strbuf_adds(&sb, c ? ", ?" : "?");
		strbuf_addch(&sb, ')');
	}
	bulk_sql[t][level] = strbuf_detach(&sb);
	return bulk_sql[t][level];
}

enum { BV_NULL, BV_INT, BV_TEXT };

struct bval {
	int type;
	int64_t i;		/* BV_INT; BV_TEXT: the offset in the table's text */
	int len;		/* BV_TEXT */
};

struct bulk_table {
	int nrows;
	struct bval vals[BULK_ROWS * 24];
	struct strbuf text;
	struct bval *row;	/* the row being filled */
	int col;
};

struct store_demo_bulk {
	struct store *st;
	struct bulk_table t[BT_COUNT];
};

struct store_demo_bulk *store_demo_bulk_new(struct store *st)
{
	struct store_demo_bulk *b = xcalloc(1, sizeof(*b));
	int i;

	b->st = st;
	for (i = 0; i < BT_COUNT; i++)
		strbuf_init(&b->t[i].text);
	return b;
}

void store_demo_bulk_free(struct store_demo_bulk *b)
{
	int i;

	if (!b)
		return;
	for (i = 0; i < BT_COUNT; i++)
		strbuf_release(&b->t[i].text);
	free(b);
}

/* Bind and run one statement of 2^level rows of t starting at row first. */
static int bulk_exec(struct store_demo_bulk *b, enum bulk_id t, int first, int level)
{
	struct bulk_table *bt = &b->t[t];
	int ncols = bulk_defs[t].ncols, k, n = (1 << level) * ncols;
	sqlite3_stmt *s = store_prepare(b->st, bulk_sql_for(t, level));
	const struct bval *v = bt->vals + first * ncols;

	for (k = 0; k < n; k++) {
		switch (v[k].type) {
		case BV_INT:
			sqlite3_bind_int64(s, k + 1, v[k].i);
			break;
		case BV_TEXT:
			sqlite3_bind_text(s, k + 1, bt->text.buf + v[k].i, v[k].len, SQLITE_STATIC);
			break;
		default:
			sqlite3_bind_null(s, k + 1);
			break;
		}
	}
	k = store_exec_stmt(b->st, s, bulk_defs[t].name);
	sqlite3_clear_bindings(s);
	return k;
}

int store_demo_bulk_flush(struct store_demo_bulk *b)
{
	int t, level, first;

	for (t = 0; t < BT_COUNT; t++) {
		struct bulk_table *bt = &b->t[t];

		first = 0;
		for (level = BULK_LEVELS - 1; level >= 0; level--) {
			while (bt->nrows - first >= 1 << level) {
				if (bulk_exec(b, (enum bulk_id)t, first, level) != MB_OK)
					return MB_ERROR;
				first += 1 << level;
			}
		}
		bt->nrows = 0;
		strbuf_reset(&bt->text);
	}
	return MB_OK;
}

/* Start a row of t, flushing first when its buffer is full. */
static int row_begin(struct store_demo_bulk *b, enum bulk_id t)
{
	struct bulk_table *bt = &b->t[t];

	if (bt->nrows == BULK_ROWS && store_demo_bulk_flush(b) != MB_OK)
		return MB_ERROR;
	bt->row = bt->vals + bt->nrows * bulk_defs[t].ncols;
	bt->col = 0;
	return MB_OK;
}

static void row_end(struct store_demo_bulk *b, enum bulk_id t)
{
	if (b->t[t].col != bulk_defs[t].ncols)
		BUG("bulk row has the wrong number of values");
	b->t[t].nrows++;
}

static void v_null(struct bulk_table *bt)
{
	bt->row[bt->col++].type = BV_NULL;
}

static void v_int(struct bulk_table *bt, int64_t i)
{
	struct bval *v = &bt->row[bt->col++];

	v->type = BV_INT;
	v->i = i;
}

/* As bind_int_or_null(): 0 is NULL. */
static void v_int0(struct bulk_table *bt, int64_t i)
{
	if (i)
		v_int(bt, i);
	else
		v_null(bt);
}

/* As bind_text_empty(): "" stays "". */
static void v_text_empty(struct bulk_table *bt, const char *s)
{
	struct bval *v = &bt->row[bt->col++];

	v->type = BV_TEXT;
	v->i = (int64_t)bt->text.len;
	v->len = (int)strlen(s ? s : "");
	strbuf_add(&bt->text, s ? s : "", (size_t)v->len);
}

/* As bind_text(): "" and NULL are NULL. */
static void v_text(struct bulk_table *bt, const char *s)
{
	if (!s || !*s)
		v_null(bt);
	else
		v_text_empty(bt, s);
}

/* As bind_date(): ISO text, 0 is NULL. */
static void v_date(struct bulk_table *bt, mbdate_t d)
{
	char iso[DATE_ISO_LEN];

	if (!d) {
		v_null(bt);
		return;
	}
	date_iso(d, iso);
	v_text_empty(bt, iso);
}

/* As bind_char(): '\0' is NULL. */
static void v_char(struct bulk_table *bt, char c)
{
	char s[2] = { c, '\0' };

	v_text(bt, s);
}

static void v_address(struct bulk_table *bt, const struct address *a)
{
	v_text(bt, a->line1);
	v_text(bt, a->line2);
	v_text(bt, a->city);
	v_text(bt, a->state);
	v_text(bt, a->zip);
}

static void v_stamp(struct bulk_table *bt, const struct stamp *s)
{
	v_text_empty(bt, s->by);
	v_text_empty(bt, s->at);
}

int store_demo_bulk_patient(struct store_demo_bulk *b, const struct patient *p)
{
	struct bulk_table *bt = &b->t[BT_PATIENTS];

	if (row_begin(b, BT_PATIENTS) != MB_OK)
		return MB_ERROR;
	v_int0(bt, p->id);
	v_text(bt, p->account);
	v_text(bt, p->last);
	v_text(bt, p->first);
	v_text(bt, p->middle);
	v_date(bt, p->dob);
	v_char(bt, p->sex);
	v_address(bt, &p->addr);
	v_text(bt, p->phone);
	v_int0(bt, p->guarantor);
	v_stamp(bt, &p->created);
	v_stamp(bt, &p->updated);
	row_end(b, BT_PATIENTS);
	return MB_OK;
}

int store_demo_bulk_coverage(struct store_demo_bulk *b, const struct coverage *c)
{
	struct bulk_table *bt = &b->t[BT_COVERAGES];

	if (row_begin(b, BT_COVERAGES) != MB_OK)
		return MB_ERROR;
	v_int0(bt, c->id);
	v_int(bt, c->patient);
	v_int(bt, c->payer);
	v_int(bt, c->seq);
	v_text(bt, c->member_id);
	v_text(bt, c->group_no);
	v_text(bt, c->relationship);
	v_text(bt, c->sub_last);
	v_text(bt, c->sub_first);
	v_text(bt, c->sub_middle);
	v_date(bt, c->sub_dob);
	v_char(bt, c->sub_sex);
	v_address(bt, &c->sub_addr);
	v_date(bt, c->effective);
	v_date(bt, c->end);
	v_stamp(bt, &c->created);
	v_stamp(bt, &c->updated);
	row_end(b, BT_COVERAGES);
	return MB_OK;
}

int store_demo_bulk_encounter(struct store_demo_bulk *b, const struct encounter *e)
{
	struct bulk_table *bt = &b->t[BT_ENCOUNTERS];
	int i, k;

	if (row_begin(b, BT_ENCOUNTERS) != MB_OK)
		return MB_ERROR;
	v_int0(bt, e->id);
	v_int(bt, e->patient);
	v_date(bt, e->dos);
	v_int(bt, e->rendering);
	v_int0(bt, e->referring);
	v_int0(bt, e->facility);
	v_text(bt, e->pos);
	v_text(bt, e->prior_auth);
	v_date(bt, e->onset);
	v_date(bt, e->accident);
	v_text(bt, e->accident_code);
	v_text(bt, e->accident_state);
	v_stamp(bt, &e->created);
	row_end(b, BT_ENCOUNTERS);

	bt = &b->t[BT_DIAGNOSES];
	for (i = 0; i < e->ndiag; i++) {
		if (row_begin(b, BT_DIAGNOSES) != MB_OK)
			return MB_ERROR;
		v_int(bt, e->id);
		v_int(bt, i + 1);
		v_text(bt, e->diag[i]);
		row_end(b, BT_DIAGNOSES);
	}

	bt = &b->t[BT_CHARGES];
	for (i = 0; i < e->ncharges; i++) {
		const struct charge *c = &e->charges[i];

		if (row_begin(b, BT_CHARGES) != MB_OK)
			return MB_ERROR;
		v_int0(bt, c->id);
		v_int(bt, c->encounter);
		v_int(bt, c->line);
		v_text(bt, c->code);
		for (k = 0; k < MAX_MODS; k++)
			v_text(bt, c->mods[k]);
		v_int(bt, c->units);
		v_int(bt, c->amount);
		for (k = 0; k < MAX_PTRS; k++)
			v_int0(bt, c->ptrs[k]);
		v_text(bt, c->ndc);
		v_text(bt, c->ndc_unit);
		v_text(bt, c->ndc_qty);
		v_text(bt, c->note);
		v_stamp(bt, &c->created);
		row_end(b, BT_CHARGES);
	}
	return MB_OK;
}

int store_demo_bulk_claim(struct store_demo_bulk *b, const struct claim *c, const char *status)
{
	struct bulk_table *bt = &b->t[BT_CLAIMS];
	int i;

	if (row_begin(b, BT_CLAIMS) != MB_OK)
		return MB_ERROR;
	v_int0(bt, c->id);
	v_int(bt, c->encounter);
	v_int0(bt, c->coverage);
	v_text_empty(bt, c->pcn);
	v_char(bt, c->frequency ? c->frequency : '1');
	v_int0(bt, c->original);
	v_text(bt, c->payer_claim_no);
	v_int(bt, c->total);
	v_stamp(bt, &c->created);
	row_end(b, BT_CLAIMS);

	bt = &b->t[BT_CLAIM_STATE];
	if (row_begin(b, BT_CLAIM_STATE) != MB_OK)
		return MB_ERROR;
	v_int(bt, c->id);
	v_text(bt, status);
	v_null(bt);		/* batch: none */
	row_end(b, BT_CLAIM_STATE);

	bt = &b->t[BT_CLAIM_LINES];
	for (i = 0; i < c->nlines; i++) {
		if (row_begin(b, BT_CLAIM_LINES) != MB_OK)
			return MB_ERROR;
		v_int(bt, c->id);
		v_int(bt, i + 1);
		v_int(bt, c->lines[i]);
		row_end(b, BT_CLAIM_LINES);
	}
	return MB_OK;
}

int store_demo_bulk_event(struct store_demo_bulk *b, const struct claim_event *ev, const char *status)
{
	struct bulk_table *bt = &b->t[BT_HISTORY];

	if (row_begin(b, BT_HISTORY) != MB_OK)
		return MB_ERROR;
	v_int0(bt, ev->id);
	v_int(bt, ev->claim);
	v_text(bt, status);
	v_text(bt, ev->note);
	v_stamp(bt, &ev->created);
	row_end(b, BT_HISTORY);
	return MB_OK;
}

int store_demo_bulk_ledger(struct store_demo_bulk *b, const struct ledger_row *r, const char *kind)
{
	struct bulk_table *bt = &b->t[BT_LEDGER];

	if (row_begin(b, BT_LEDGER) != MB_OK)
		return MB_ERROR;
	v_int0(bt, r->id);
	v_text(bt, kind);
	v_int(bt, r->charge);
	v_int0(bt, r->claim);
	v_int0(bt, r->coverage);
	v_int(bt, r->amount);
	v_date(bt, r->posted);
	v_text(bt, r->group);
	v_text(bt, r->reason);
	v_int0(bt, r->xfer);
	v_int0(bt, r->reverses);
	v_text(bt, r->credit_reason);
	v_text(bt, r->reference);
	v_text(bt, r->note);
	v_stamp(bt, &r->created);
	row_end(b, BT_LEDGER);
	return MB_OK;
}
