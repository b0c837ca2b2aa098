/*
 * ledger.c (store): ledger rows, the balances projection and its per-day
 * sums.
 */
#include <stdlib.h>
#include <string.h>

#include "store_priv.h"
#include "medbill/store_ledger.h"

int store_charge_info(struct store *st, int64_t charge, struct store_charge_info *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT e.patient_id, e.id, e.dos, ch.amount FROM charges ch"
		" JOIN encounters e ON e.id = ch.encounter_id WHERE ch.id = :id");
	int rc;

	bind_int(s, ":id", charge);
	rc = store_step(st, s, "charge");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("'charge': no charge line %lld", (long long)charge);
	out->patient = col_int(s, 0);
	out->encounter = col_int(s, 1);
	out->dos = col_date(s, 2);
	out->amount = col_int(s, 3);
	sqlite3_reset(s);
	return MB_OK;
}

int store_coverage_info(struct store *st, int64_t coverage, struct store_coverage_info *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT patient_id, payer_id, seq FROM coverages WHERE id = :id");
	int rc;

	bind_int(s, ":id", coverage);
	rc = store_step(st, s, "coverage");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("'party': no coverage %lld", (long long)coverage);
	out->patient = col_int(s, 0);
	out->payer = col_int(s, 1);
	out->seq = (int)col_int(s, 2);
	sqlite3_reset(s);
	return MB_OK;
}

int store_claim_for_charge(struct store *st, int64_t charge, int64_t party, int64_t *claim)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT c.id FROM claim_lines l JOIN claims c ON c.id = l.claim_id"
		" JOIN claim_state cs ON cs.claim_id = c.id"
		" WHERE l.charge_id = :charge AND coalesce(c.coverage_id, 0) = :party"
		" AND cs.status <> 'void' AND c.frequency <> '8' ORDER BY c.id DESC LIMIT 1");
	int rc;

	bind_int(s, ":charge", charge);
	bind_int(s, ":party", party);
	rc = store_step(st, s, "claim lines");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return MB_NOTFOUND;
	*claim = col_int(s, 0);
	sqlite3_reset(s);
	return MB_OK;
}

int store_ledger_next_id(struct store *st, int64_t *id)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT coalesce(max(id), 0) + 1 FROM ledger");

	if (store_step(st, s, "ledger") < 0)
		return MB_ERROR;
	*id = col_int(s, 0);
	sqlite3_reset(s);
	return MB_OK;
}

int store_ledger_insert(struct store *st, struct ledger_row *r)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id, amount, posted,"
		" group_code, reason_code, xfer_id, reverses_id, credit_reason, reference, note,"
		" created_by, created_at) VALUES (:id, :kind, :charge, :claim, :cov, :amount,"
		" :posted, :group, :reason, :xfer, :rev, :credit, :ref, :note, :by, :at)");

	if (!r->created.by[0])
		SCPY(r->created.by, user_current());
	if (!r->created.at[0])
		date_now_stamp(r->created.at);
	bind_int_or_null(s, ":id", r->id);
	bind_text(s, ":kind", ledger_kind_name(r->kind));
	bind_int(s, ":charge", r->charge);
	bind_int_or_null(s, ":claim", r->claim);
	bind_int_or_null(s, ":cov", r->coverage);
	bind_int(s, ":amount", r->amount);
	bind_date(s, ":posted", r->posted);
	bind_text(s, ":group", r->group);
	bind_text(s, ":reason", r->reason);
	bind_int_or_null(s, ":xfer", r->xfer);
	bind_int_or_null(s, ":rev", r->reverses);
	bind_text(s, ":credit", r->credit_reason);
	bind_text(s, ":ref", r->reference);
	bind_text(s, ":note", r->note);
	bind_text(s, ":by", r->created.by);
	bind_text(s, ":at", r->created.at);
	if (store_exec_stmt(st, s, "ledger row") != MB_OK)
		return MB_ERROR;
	if (!r->id)
		r->id = sqlite3_last_insert_rowid(st->db);
	return MB_OK;
}

#define LEDGER_COLS \
	"l.id, l.kind, l.charge_id, l.claim_id, l.coverage_id, l.amount, l.posted, l.group_code," \
	" l.reason_code, l.xfer_id, l.reverses_id, l.credit_reason, l.reference, l.note," \
	" l.created_by, l.created_at"

static void read_row(sqlite3_stmt *s, struct ledger_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = col_int(s, 0);
	if (ledger_kind_parse(col_text(s, 1), &r->kind) != MB_OK)
		r->kind = LEDGER_ADJUSTMENT;
	r->charge = col_int(s, 2);
	r->claim = col_int(s, 3);
	r->coverage = col_int(s, 4);
	r->amount = col_int(s, 5);
	r->posted = col_date(s, 6);
	COL_COPY(s, 7, r->group);
	COL_COPY(s, 8, r->reason);
	r->xfer = col_int(s, 9);
	r->reverses = col_int(s, 10);
	COL_COPY(s, 11, r->credit_reason);
	COL_COPY(s, 12, r->reference);
	COL_COPY(s, 13, r->note);
	COL_COPY(s, 14, r->created.by);
	COL_COPY(s, 15, r->created.at);
}

int store_ledger_get(struct store *st, int64_t id, struct ledger_row *out)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " LEDGER_COLS " FROM ledger l WHERE l.id = :id");
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "ledger");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("'row': no ledger row %lld", (long long)id);
	read_row(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_ledger_reversed_by(struct store *st, int64_t id, int64_t *by)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT id FROM ledger WHERE reverses_id = :id");
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "ledger");
	if (rc < 0)
		return MB_ERROR;
	*by = rc ? col_int(s, 0) : 0;
	sqlite3_reset(s);
	return MB_OK;
}

int store_ledger_xfer_rows(struct store *st, int64_t xfer, struct ledger_row *out, int max, int *n)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT " LEDGER_COLS " FROM ledger l WHERE l.xfer_id = :xfer ORDER BY l.id");
	int rc;

	*n = 0;
	bind_int(s, ":xfer", xfer);
	while ((rc = store_step(st, s, "ledger")) == 1) {
		if (*n < max)
			read_row(s, &out[*n]);
		++*n;
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

int store_ledger_foreach(struct store *st, const struct ledger_filter *f, ledger_row_fn fn, void *ud)
{
	/* The most selective filter given drives; the others are bound or NULL. */
#define LEDGER_OTHERS \
	" AND (:charge IS NULL OR l.charge_id = :charge)" \
	" AND (:claim IS NULL OR l.claim_id = :claim)" \
	" AND (:patient IS NULL OR l.charge_id IN (SELECT ch.id FROM encounters e" \
	"   JOIN charges ch ON ch.encounter_id = e.id WHERE e.patient_id = :patient))" \
	" ORDER BY l.id"
	static const char all_sql[] = "SELECT " LEDGER_COLS " FROM ledger l ORDER BY l.id";
	static const char charge_sql[] =
		"SELECT " LEDGER_COLS " FROM ledger l WHERE l.charge_id = :charge" LEDGER_OTHERS;
	static const char claim_sql[] =
		"SELECT " LEDGER_COLS " FROM ledger l WHERE l.claim_id = :claim" LEDGER_OTHERS;
	static const char patient_sql[] =
		"SELECT " LEDGER_COLS " FROM ledger l WHERE l.charge_id IN (SELECT ch.id FROM encounters e"
		" JOIN charges ch ON ch.encounter_id = e.id WHERE e.patient_id = :patient)" LEDGER_OTHERS;
#undef LEDGER_OTHERS
	struct ledger_row r;
	sqlite3_stmt *s;
	int rc, ret = MB_OK;

	if (!f || (!f->charge && !f->claim && !f->patient)) {
		s = store_prepare(st, all_sql);
	} else {
		s = store_prepare(st, f->charge ? charge_sql : f->claim ? claim_sql : patient_sql);
		bind_int_or_null(s, ":charge", f->charge);
		bind_int_or_null(s, ":claim", f->claim);
		bind_int_or_null(s, ":patient", f->patient);
	}
	while ((rc = store_step(st, s, "ledger")) == 1) {
		read_row(s, &r);
		if ((ret = fn(&r, ud)) != 0) {
			sqlite3_reset(s);
			return ret;
		}
	}
	return rc < 0 ? MB_ERROR : ret;
}

int store_balance_apply(struct store *st, int64_t charge, int64_t party, int64_t claim, cents_t amount)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO balances (charge_id, party, patient_id, payer_id, claim_id, dos, amount)"
		" SELECT ch.id, :party, e.patient_id, cv.payer_id, :claim, e.dos, :amount"
		" FROM charges ch JOIN encounters e ON e.id = ch.encounter_id"
		" LEFT JOIN coverages cv ON cv.id = nullif(:party, 0)"
		" WHERE ch.id = :charge"
		" ON CONFLICT (charge_id, party) DO UPDATE SET amount = amount + excluded.amount,"
		" claim_id = coalesce(excluded.claim_id, claim_id)");

	bind_int(s, ":charge", charge);
	bind_int(s, ":party", party);
	bind_int_or_null(s, ":claim", claim);
	bind_int(s, ":amount", amount);
	if (store_exec_stmt(st, s, "balance") != MB_OK)
		return MB_ERROR;
	if (sqlite3_changes(st->db) != 1)
		return error_notfound("'charge': no charge line %lld", (long long)charge);

	s = store_prepare(st,
		"INSERT INTO balance_days (payer_id, dos, amount)"
		" SELECT coalesce(payer_id, 0), dos, :amount FROM balances"
		" WHERE charge_id = :charge AND party = :party"
		" ON CONFLICT (payer_id, dos) DO UPDATE SET amount = amount + excluded.amount");
	bind_int(s, ":charge", charge);
	bind_int(s, ":party", party);
	bind_int(s, ":amount", amount);
	return store_exec_stmt(st, s, "balance by day");
}

int store_balance_get(struct store *st, int64_t charge, int64_t party, cents_t *amount, bool *credit)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT coalesce((SELECT amount FROM balances WHERE charge_id = :charge AND party = :party), 0),"
		" EXISTS (SELECT 1 FROM ledger WHERE charge_id = :charge"
		"   AND coverage_id IS nullif(:party, 0) AND credit_reason IS NOT NULL)");

	bind_int(s, ":charge", charge);
	bind_int(s, ":party", party);
	if (store_step(st, s, "balance") < 0)
		return MB_ERROR;
	*amount = col_int(s, 0);
	if (credit)
		*credit = col_int(s, 1) != 0;
	sqlite3_reset(s);
	return MB_OK;
}

int store_charge_balances(struct store *st, int64_t charge, struct ledger_balance **out, size_t *n)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT charge_id, party, payer_id, claim_id, dos, amount FROM balances"
		" WHERE charge_id = :charge ORDER BY party");
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	bind_int(s, ":charge", charge);
	while ((rc = store_step(st, s, "balances")) == 1) {
		struct ledger_balance *b;

		ALLOC_GROW(*out, *n + 1, alloc);
		b = &(*out)[(*n)++];
		b->charge = col_int(s, 0);
		b->party = col_int(s, 1);
		b->payer = col_int(s, 2);
		b->claim = col_int(s, 3);
		b->dos = col_date(s, 4);
		b->amount = col_int(s, 5);
	}
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return MB_ERROR;
	}
	return MB_OK;
}

int store_claim_balance(struct store *st, int64_t claim, struct ledger_totals *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT EXISTS (SELECT 1 FROM claims WHERE id = :claim),"
		" coalesce(sum(CASE WHEN b.party <> 0 THEN b.amount END), 0),"
		" coalesce(sum(CASE WHEN b.party = 0 THEN b.amount END), 0)"
		" FROM claim_lines l JOIN balances b ON b.charge_id = l.charge_id"
		" WHERE l.claim_id = :claim");

	bind_int(s, ":claim", claim);
	if (store_step(st, s, "claim balance") < 0)
		return MB_ERROR;
	if (!col_int(s, 0)) {
		sqlite3_reset(s);
		return error_notfound("'claim': no claim %lld", (long long)claim);
	}
	out->insurance = col_int(s, 1);
	out->patient = col_int(s, 2);
	sqlite3_reset(s);
	return MB_OK;
}

static int last_payment(struct store *st, int64_t patient, const char *kind, mbdate_t *date, cents_t *amount)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT l.posted, -sum(l.amount) FROM encounters e"
		" JOIN charges ch ON ch.encounter_id = e.id"
		" JOIN ledger l ON l.charge_id = ch.id"
		" WHERE e.patient_id = :patient AND l.kind = :kind"
		" AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.reverses_id = l.id)"
		" GROUP BY l.posted ORDER BY l.posted DESC LIMIT 1");
	int rc;

	bind_int(s, ":patient", patient);
	bind_text(s, ":kind", kind);
	rc = store_step(st, s, "payments");
	if (rc < 0)
		return MB_ERROR;
	*date = rc ? col_date(s, 0) : 0;
	*amount = rc ? col_int(s, 1) : 0;
	sqlite3_reset(s);
	return MB_OK;
}

int store_account(struct store *st, int64_t patient, struct account_summary *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT EXISTS (SELECT 1 FROM patients WHERE id = :patient),"
		" coalesce(sum(CASE WHEN party <> 0 THEN amount END), 0),"
		" coalesce(sum(CASE WHEN party = 0 THEN amount END), 0)"
		" FROM balances WHERE patient_id = :patient");

	memset(out, 0, sizeof(*out));
	bind_int(s, ":patient", patient);
	if (store_step(st, s, "account") < 0)
		return MB_ERROR;
	if (!col_int(s, 0)) {
		sqlite3_reset(s);
		return error_notfound("'patient': no patient %lld", (long long)patient);
	}
	out->insurance = col_int(s, 1);
	out->patient = col_int(s, 2);
	sqlite3_reset(s);
	if (last_payment(st, patient, "pat_payment", &out->last_pat_payment, &out->last_pat_amount) != MB_OK ||
	    last_payment(st, patient, "ins_payment", &out->last_ins_payment, &out->last_ins_amount) != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

/* The secondary indexes of a table: names and definitions, as the schema holds them. */
struct index_defs {
	size_t n, alloc;
	char **name;
	char **sql;
	size_t alloc2;
};

static void index_defs_release(struct index_defs *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->name[i]);
		free(d->sql[i]);
	}
	free(d->name);
	free(d->sql);
	memset(d, 0, sizeof(*d));
}

static int balances_indexes(struct store *st, struct index_defs *d)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'balances'"
		" AND sql IS NOT NULL ORDER BY name");
	int rc;

	while ((rc = store_step(st, s, "balances indexes")) == 1) {
		ALLOC_GROW(d->name, d->n + 1, d->alloc);
		ALLOC_GROW(d->sql, d->n + 1, d->alloc2);
		d->name[d->n] = xstrdup(col_text(s, 0));
		d->sql[d->n] = xstrdup(col_text(s, 1));
		d->n++;
	}
	return rc < 0 ? MB_ERROR : MB_OK;
}

/* Reset every cached statement, so that no open cursor blocks a schema change. */
static void reset_all(struct store *st)
{
	size_t i;

	for (i = 0; i < st->nslots; i++)
		if (st->slots[i].stmt)
			sqlite3_reset(st->slots[i].stmt);
}

int store_ledger_rebuild_balances(struct store *st)
{
	/*
	 * A balance's claim is the one its newest row naming a claim named,
	 * as store_balance_apply() keeps it row by row. The ledger is read
	 * once in (charge, party) order; the per-day sums come from the
	 * (payer, dos) index, and days whose balances are all zero get their
	 * zero row as store_balance_apply() leaves it.
	 */
	static const char fill_sql[] =
		"INSERT INTO balances (charge_id, party, patient_id, payer_id, claim_id, dos, amount)"
		" SELECT g.charge_id, g.party, e.patient_id, cv.payer_id, lc.claim_id, e.dos, g.amount"
		" FROM (SELECT charge_id, coalesce(coverage_id, 0) AS party, sum(amount) AS amount,"
		"   max(CASE WHEN claim_id IS NOT NULL THEN id END) AS last_claim_row"
		"   FROM ledger GROUP BY charge_id, coverage_id) g"
		" LEFT JOIN ledger lc ON lc.id = g.last_claim_row"
		" JOIN charges ch ON ch.id = g.charge_id"
		" JOIN encounters e ON e.id = ch.encounter_id"
		" LEFT JOIN coverages cv ON cv.id = nullif(g.party, 0)";
	static const char days_sql[] =
		"INSERT INTO balance_days (payer_id, dos, amount)"
		" SELECT coalesce(payer_id, 0), dos, sum(amount) FROM balances WHERE amount <> 0"
		" GROUP BY payer_id, dos";
	static const char zero_days_sql[] =
		"INSERT OR IGNORE INTO balance_days (payer_id, dos, amount)"
		" SELECT coalesce(payer_id, 0), dos, 0 FROM balances WHERE amount = 0";
	struct index_defs d = { 0 };
	size_t i;
	int ret = MB_ERROR;

	/*
	 * The secondary indexes are dropped and made again from their own
	 * definitions in the schema: building an index by one sort is far
	 * faster than keeping it up row by row. The caller's transaction
	 * makes it all or nothing.
	 */
	if (balances_indexes(st, &d) != MB_OK)
		goto cleanup;
	reset_all(st);
	for (i = 0; i < d.n; i++) {
		char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", d.name[i]);

		if (!drop)
			die("out of memory");
		ret = store_exec(st, drop);
		sqlite3_free(drop);
		if (ret != MB_OK)
			goto cleanup;
	}
	ret = MB_ERROR;
	if (store_exec_stmt(st, store_prepare(st, "DELETE FROM balances"), "balances") != MB_OK ||
	    store_exec_stmt(st, store_prepare(st, "DELETE FROM balance_days"), "balances") != MB_OK ||
	    store_exec_stmt(st, store_prepare(st, fill_sql), "balances") != MB_OK)
		goto cleanup;
	reset_all(st);
	for (i = 0; i < d.n; i++)
		if (store_exec(st, d.sql[i]) != MB_OK)
			goto cleanup;
	if (store_exec_stmt(st, store_prepare(st, days_sql), "balances") != MB_OK ||
	    store_exec_stmt(st, store_prepare(st, zero_days_sql), "balances") != MB_OK)
		goto cleanup;
	ret = MB_OK;
cleanup:
	index_defs_release(&d);
	return ret;
}
