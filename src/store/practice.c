/*
 * practice.c (store): rows of the practice, settings, receivers, providers,
 * payers and the fee schedule.
 */
#include <string.h>

#include "rows.h"
#include "medbill/store_entities.h"

/* ---- practice ---- */

static const char practice_select_sql[] =
	"SELECT name, npi, ein, taxonomy, addr1, addr2, city, state, zip, phone,"
	" payto_addr1, payto_addr2, payto_city, payto_state, payto_zip,"
	" created_by, created_at, updated_by, updated_at FROM practice WHERE id = 1";

int store_practice_get(struct store *st, struct practice *out)
{
	sqlite3_stmt *s = store_prepare(st, practice_select_sql);
	int rc = store_step(st, s, "practice");

	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("the practice is not set up");
	memset(out, 0, sizeof(*out));
	COL_COPY(s, 0, out->name);
	COL_COPY(s, 1, out->npi);
	COL_COPY(s, 2, out->ein);
	COL_COPY(s, 3, out->taxonomy);
	col_address(s, 4, &out->addr);
	COL_COPY(s, 9, out->phone);
	col_address(s, 10, &out->payto);
	out->has_payto = out->payto.line1[0] != '\0';
	col_stamp(s, 15, &out->created);
	col_stamp(s, 17, &out->updated);
	sqlite3_reset(s);
	return MB_OK;
}

static void bind_practice(sqlite3_stmt *s, const struct practice *p)
{
	static const struct address none;

	bind_text(s, ":name", p->name);
	bind_text(s, ":npi", p->npi);
	bind_text(s, ":ein", p->ein);
	bind_text(s, ":taxonomy", p->taxonomy);
	bind_address(s, "", &p->addr);
	bind_text(s, ":phone", p->phone);
	bind_address(s, "payto_", p->has_payto ? &p->payto : &none);
	bind_stamp(s, "updated", &p->updated);
}

int store_practice_insert(struct store *st, struct practice *p)
{
	static const char sql[] =
		"INSERT INTO practice (id, name, npi, ein, taxonomy, addr1, addr2, city, state, zip,"
		" phone, payto_addr1, payto_addr2, payto_city, payto_state, payto_zip,"
		" created_by, created_at, updated_by, updated_at)"
		" VALUES (1, :name, :npi, :ein, :taxonomy, :addr1, :addr2, :city, :state, :zip,"
		" :phone, :payto_addr1, :payto_addr2, :payto_city, :payto_state, :payto_zip,"
		" :created_by, :created_at, :updated_by, :updated_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&p->created);
	store_stamp_fill(&p->updated);
	bind_practice(s, p);
	bind_stamp(s, "created", &p->created);
	return store_exec_stmt(st, s, "practice");
}

int store_practice_update(struct store *st, struct practice *p)
{
	static const char sql[] =
		"UPDATE practice SET name = :name, npi = :npi, ein = :ein, taxonomy = :taxonomy,"
		" addr1 = :addr1, addr2 = :addr2, city = :city, state = :state, zip = :zip,"
		" phone = :phone, payto_addr1 = :payto_addr1, payto_addr2 = :payto_addr2,"
		" payto_city = :payto_city, payto_state = :payto_state, payto_zip = :payto_zip,"
		" updated_by = :updated_by, updated_at = :updated_at WHERE id = 1";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_now(&p->updated);
	bind_practice(s, p);
	return store_exec_stmt(st, s, "practice");
}

int store_practice_counts(struct store *st, struct practice_counts *out)
{
	memset(out, 0, sizeof(*out));
	out->providers = store_count_rows(st, "SELECT count(*) FROM providers");
	out->payers = store_count_rows(st, "SELECT count(*) FROM payers");
	out->patients = store_count_rows(st, "SELECT count(*) FROM patients");
	out->coverages = store_count_rows(st, "SELECT count(*) FROM coverages");
	out->encounters = store_count_rows(st, "SELECT count(*) FROM encounters");
	out->charges = store_count_rows(st, "SELECT count(*) FROM charges");
	if (out->providers < 0 || out->payers < 0 || out->patients < 0 ||
	    out->coverages < 0 || out->encounters < 0 || out->charges < 0)
		return MB_ERROR;
	return MB_OK;
}

/* ---- settings ---- */

int store_settings_get(struct store *st, struct settings *out)
{
	static const char sql[] =
		"SELECT submitter_name, submitter_id, contact_name, contact_phone, contact_email,"
		" isa_qual, isa_id, gs_id, usage, default_receiver, updated_by, updated_at"
		" FROM settings WHERE id = 1";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc = store_step(st, s, "settings");

	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("the submitter settings are not set up");
	memset(out, 0, sizeof(*out));
	COL_COPY(s, 0, out->submitter_name);
	COL_COPY(s, 1, out->submitter_id);
	COL_COPY(s, 2, out->contact_name);
	COL_COPY(s, 3, out->contact_phone);
	COL_COPY(s, 4, out->contact_email);
	COL_COPY(s, 5, out->isa_qual);
	COL_COPY(s, 6, out->isa_id);
	COL_COPY(s, 7, out->gs_id);
	out->usage = col_char(s, 8);
	out->default_receiver = col_int(s, 9);
	col_stamp(s, 10, &out->updated);
	sqlite3_reset(s);
	return MB_OK;
}

static void bind_settings(sqlite3_stmt *s, const struct settings *v)
{
	bind_text(s, ":submitter_name", v->submitter_name);
	bind_text(s, ":submitter_id", v->submitter_id);
	bind_text(s, ":contact_name", v->contact_name);
	bind_text(s, ":contact_phone", v->contact_phone);
	bind_text(s, ":contact_email", v->contact_email);
	bind_text(s, ":isa_qual", v->isa_qual);
	bind_text(s, ":isa_id", v->isa_id);
	bind_text(s, ":gs_id", v->gs_id);
	bind_char(s, ":usage", v->usage);
	bind_int_or_null(s, ":default_receiver", v->default_receiver);
	bind_stamp(s, "updated", &v->updated);
}

int store_settings_insert(struct store *st, struct settings *v)
{
	static const char sql[] =
		"INSERT INTO settings (id, submitter_name, submitter_id, contact_name, contact_phone,"
		" contact_email, isa_qual, isa_id, gs_id, usage, default_receiver, updated_by, updated_at)"
		" VALUES (1, :submitter_name, :submitter_id, :contact_name, :contact_phone,"
		" :contact_email, :isa_qual, :isa_id, :gs_id, :usage, :default_receiver,"
		" :updated_by, :updated_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&v->updated);
	bind_settings(s, v);
	return store_exec_stmt(st, s, "settings");
}

int store_settings_update(struct store *st, struct settings *v)
{
	static const char sql[] =
		"UPDATE settings SET submitter_name = :submitter_name, submitter_id = :submitter_id,"
		" contact_name = :contact_name, contact_phone = :contact_phone,"
		" contact_email = :contact_email, isa_qual = :isa_qual, isa_id = :isa_id,"
		" gs_id = :gs_id, usage = :usage, default_receiver = :default_receiver,"
		" updated_by = :updated_by, updated_at = :updated_at WHERE id = 1";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_now(&v->updated);
	bind_settings(s, v);
	return store_exec_stmt(st, s, "settings");
}

/* ---- receivers ---- */

static void col_receiver(sqlite3_stmt *s, struct receiver *r)
{
	memset(r, 0, sizeof(*r));
	r->id = col_int(s, 0);
	COL_COPY(s, 1, r->name);
	COL_COPY(s, 2, r->receiver_id);
	COL_COPY(s, 3, r->isa_qual);
	COL_COPY(s, 4, r->isa_id);
	COL_COPY(s, 5, r->gs_id);
	col_stamp(s, 6, &r->created);
}

#define RECEIVER_COLS "id, name, receiver_id, isa_qual, isa_id, gs_id, created_by, created_at"

int store_receiver_insert(struct store *st, struct receiver *r)
{
	static const char sql[] =
		"INSERT INTO receivers (" RECEIVER_COLS ") VALUES (:id, :name, :receiver_id,"
		" :isa_qual, :isa_id, :gs_id, :created_by, :created_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&r->created);
	bind_int_or_null(s, ":id", r->id);
	bind_text(s, ":name", r->name);
	bind_text(s, ":receiver_id", r->receiver_id);
	bind_text(s, ":isa_qual", r->isa_qual);
	bind_text(s, ":isa_id", r->isa_id);
	bind_text(s, ":gs_id", r->gs_id);
	bind_stamp(s, "created", &r->created);
	if (store_exec_stmt(st, s, "receiver") != MB_OK)
		return MB_ERROR;
	r->id = store_last_id(st);
	return MB_OK;
}

int store_receiver_get(struct store *st, int64_t id, struct receiver *out)
{
	static const char sql[] = "SELECT " RECEIVER_COLS " FROM receivers WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "receiver");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("no receiver %lld", (long long)id);
	col_receiver(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_receiver_foreach(struct store *st, receiver_fn fn, void *arg)
{
	static const char sql[] = "SELECT " RECEIVER_COLS " FROM receivers ORDER BY id";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct receiver r;
	int rc, ret = MB_OK;

	while ((rc = store_step(st, s, "receivers")) == 1) {
		col_receiver(s, &r);
		if ((ret = fn(&r, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}

/* ---- providers ---- */

static const char *const kind_names[] = {
	[PROV_RENDERING] = "rendering",
	[PROV_REFERRING] = "referring",
	[PROV_FACILITY] = "facility",
};

static enum provider_kind kind_from_text(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kind_names); i++)
		if (!strcmp(kind_names[i], s))
			return (enum provider_kind)i;
	die("BUG: provider kind '%s' in the database", s);
}

#define PROVIDER_COLS "id, kind, last_name, first_name, npi, taxonomy," \
	" addr1, addr2, city, state, zip, active, created_by, created_at"

static void col_provider(sqlite3_stmt *s, struct provider *p)
{
	memset(p, 0, sizeof(*p));
	p->id = col_int(s, 0);
	p->kind = kind_from_text(col_text(s, 1));
	COL_COPY(s, 2, p->last);
	COL_COPY(s, 3, p->first);
	COL_COPY(s, 4, p->npi);
	COL_COPY(s, 5, p->taxonomy);
	col_address(s, 6, &p->addr);
	p->active = col_int(s, 11) != 0;
	col_stamp(s, 12, &p->created);
}

static void bind_provider(sqlite3_stmt *s, const struct provider *p)
{
	bind_int_or_null(s, ":id", p->id);
	bind_text(s, ":kind", kind_names[p->kind]);
	bind_text(s, ":last_name", p->last);
	bind_text(s, ":first_name", p->first);
	bind_text(s, ":npi", p->npi);
	bind_text(s, ":taxonomy", p->taxonomy);
	bind_address(s, "", &p->addr);
	bind_int(s, ":active", p->active);
}

int store_provider_insert(struct store *st, struct provider *p)
{
	static const char sql[] =
		"INSERT INTO providers (" PROVIDER_COLS ") VALUES (:id, :kind, :last_name, :first_name,"
		" :npi, :taxonomy, :addr1, :addr2, :city, :state, :zip, :active,"
		" :created_by, :created_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&p->created);
	bind_provider(s, p);
	bind_stamp(s, "created", &p->created);
	if (store_exec_stmt(st, s, "provider") != MB_OK)
		return MB_ERROR;
	p->id = store_last_id(st);
	return MB_OK;
}

int store_provider_update(struct store *st, const struct provider *p)
{
	static const char sql[] =
		"UPDATE providers SET kind = :kind, last_name = :last_name, first_name = :first_name,"
		" npi = :npi, taxonomy = :taxonomy, addr1 = :addr1, addr2 = :addr2, city = :city,"
		" state = :state, zip = :zip, active = :active WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_provider(s, p);
	if (store_exec_stmt(st, s, "provider") != MB_OK)
		return MB_ERROR;
	if (!store_changes(st))
		return error_notfound("no provider %lld", (long long)p->id);
	return MB_OK;
}

int store_provider_get(struct store *st, int64_t id, struct provider *out)
{
	static const char sql[] = "SELECT " PROVIDER_COLS " FROM providers WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "provider");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("no provider %lld", (long long)id);
	col_provider(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_provider_foreach(struct store *st, int kind, provider_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT " PROVIDER_COLS " FROM providers WHERE :kind IS NULL OR kind = :kind ORDER BY id";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct provider p;
	int rc, ret = MB_OK;

	bind_text(s, ":kind", kind == PROVIDER_ANY ? NULL : kind_names[kind]);
	while ((rc = store_step(st, s, "providers")) == 1) {
		col_provider(s, &p);
		if ((ret = fn(&p, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}

/* ---- payers ---- */

#define PAYER_COLS "id, name, payer_id, filing_code, addr1, addr2, city, state, zip," \
	" timely_days, receiver_id, created_by, created_at"

static void col_payer(sqlite3_stmt *s, struct payer *p)
{
	memset(p, 0, sizeof(*p));
	p->id = col_int(s, 0);
	COL_COPY(s, 1, p->name);
	COL_COPY(s, 2, p->payer_id);
	COL_COPY(s, 3, p->filing_code);
	col_address(s, 4, &p->addr);
	p->timely_days = (int)col_int(s, 9);
	p->receiver = col_int(s, 10);
	col_stamp(s, 11, &p->created);
}

static void bind_payer(sqlite3_stmt *s, const struct payer *p)
{
	bind_int_or_null(s, ":id", p->id);
	bind_text(s, ":name", p->name);
	bind_text(s, ":payer_id", p->payer_id);
	bind_text(s, ":filing_code", p->filing_code);
	bind_address(s, "", &p->addr);
	bind_int(s, ":timely_days", p->timely_days);
	bind_int_or_null(s, ":receiver_id", p->receiver);
}

int store_payer_insert(struct store *st, struct payer *p)
{
	static const char sql[] =
		"INSERT INTO payers (" PAYER_COLS ") VALUES (:id, :name, :payer_id, :filing_code,"
		" :addr1, :addr2, :city, :state, :zip, :timely_days, :receiver_id,"
		" :created_by, :created_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&p->created);
	bind_payer(s, p);
	bind_stamp(s, "created", &p->created);
	if (store_exec_stmt(st, s, "payer") != MB_OK)
		return MB_ERROR;
	p->id = store_last_id(st);
	return MB_OK;
}

int store_payer_update(struct store *st, const struct payer *p)
{
	static const char sql[] =
		"UPDATE payers SET name = :name, payer_id = :payer_id, filing_code = :filing_code,"
		" addr1 = :addr1, addr2 = :addr2, city = :city, state = :state, zip = :zip,"
		" timely_days = :timely_days, receiver_id = :receiver_id WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_payer(s, p);
	if (store_exec_stmt(st, s, "payer") != MB_OK)
		return MB_ERROR;
	if (!store_changes(st))
		return error_notfound("no payer %lld", (long long)p->id);
	return MB_OK;
}

static int payer_row(struct store *st, sqlite3_stmt *s, struct payer *out)
{
	int rc = store_step(st, s, "payer");

	if (rc <= 0)
		return rc < 0 ? MB_ERROR : MB_NOTFOUND;
	col_payer(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_payer_get(struct store *st, int64_t id, struct payer *out)
{
	static const char sql[] = "SELECT " PAYER_COLS " FROM payers WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = payer_row(st, s, out);
	if (rc == MB_NOTFOUND)
		return error_notfound("no payer %lld", (long long)id);
	return rc;
}

int store_payer_get_by_payer_id(struct store *st, const char *payer_id, struct payer *out)
{
	static const char sql[] = "SELECT " PAYER_COLS " FROM payers WHERE payer_id = :payer_id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_text_empty(s, ":payer_id", payer_id);
	rc = payer_row(st, s, out);
	if (rc == MB_NOTFOUND)
		return error_notfound("'payer_id': no payer '%s'", payer_id);
	return rc;
}

int store_payer_foreach(struct store *st, payer_fn fn, void *arg)
{
	static const char sql[] = "SELECT " PAYER_COLS " FROM payers ORDER BY id";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct payer p;
	int rc, ret = MB_OK;

	while ((rc = store_step(st, s, "payers")) == 1) {
		col_payer(s, &p);
		if ((ret = fn(&p, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}

/* ---- fees ---- */

static void col_fee(sqlite3_stmt *s, struct fee *f)
{
	memset(f, 0, sizeof(*f));
	COL_COPY(s, 0, f->code);
	f->fee = col_int(s, 1);
	COL_COPY(s, 2, f->description);
	col_stamp(s, 3, &f->created);
}

int store_fee_upsert(struct store *st, struct fee *f, int *changed)
{
	static const char sql[] =
		"INSERT INTO fees (code, fee, description, created_by, created_at)"
		" VALUES (:code, :fee, :description, :created_by, :created_at)"
		" ON CONFLICT (code) DO UPDATE SET fee = excluded.fee, description = excluded.description"
		" WHERE fee <> excluded.fee OR description IS NOT excluded.description";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&f->created);
	bind_text(s, ":code", f->code);
	bind_cents(s, ":fee", f->fee);
	bind_text(s, ":description", f->description);
	bind_stamp(s, "created", &f->created);
	if (store_exec_stmt(st, s, "fee") != MB_OK)
		return MB_ERROR;
	*changed = store_changes(st) > 0;
	return MB_OK;
}

int store_fee_get(struct store *st, const char *code, struct fee *out)
{
	static const char sql[] =
		"SELECT code, fee, description, created_by, created_at FROM fees WHERE code = :code";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_text_empty(s, ":code", code);
	rc = store_step(st, s, "fee");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("'code': no fee for '%s'", code);
	col_fee(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_fee_foreach(struct store *st, fee_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT code, fee, description, created_by, created_at FROM fees ORDER BY code";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct fee f;
	int rc, ret = MB_OK;

	while ((rc = store_step(st, s, "fees")) == 1) {
		col_fee(s, &f);
		if ((ret = fn(&f, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}

int store_fee_expected_upsert(struct store *st, const struct fee_expected *f, int *changed)
{
	static const char sql[] =
		"INSERT INTO fee_expected (code, payer_id, expected) VALUES (:code, :payer, :expected)"
		" ON CONFLICT (code, payer_id) DO UPDATE SET expected = excluded.expected"
		" WHERE expected <> excluded.expected";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_text(s, ":code", f->code);
	bind_int(s, ":payer", f->payer);
	bind_cents(s, ":expected", f->expected);
	if (store_exec_stmt(st, s, "expected fee") != MB_OK)
		return MB_ERROR;
	*changed = store_changes(st) > 0;
	return MB_OK;
}

static void col_fee_expected(sqlite3_stmt *s, struct fee_expected *f)
{
	memset(f, 0, sizeof(*f));
	COL_COPY(s, 0, f->code);
	f->payer = col_int(s, 1);
	f->expected = col_int(s, 2);
}

int store_fee_expected_get(struct store *st, const char *code, int64_t payer, struct fee_expected *out)
{
	static const char sql[] =
		"SELECT code, payer_id, expected FROM fee_expected WHERE code = :code AND payer_id = :payer";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_text_empty(s, ":code", code);
	bind_int(s, ":payer", payer);
	rc = store_step(st, s, "expected fee");
	if (rc < 0)
		return MB_ERROR;
	if (rc == 0)
		return error_notfound("'code': no expected amount for '%s' from payer %lld",
				      code, (long long)payer);
	col_fee_expected(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_fee_expected_foreach(struct store *st, fee_expected_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT code, payer_id, expected FROM fee_expected ORDER BY code, payer_id";
	sqlite3_stmt *s = store_prepare(st, sql);
	struct fee_expected f;
	int rc, ret = MB_OK;

	while ((rc = store_step(st, s, "expected fees")) == 1) {
		col_fee_expected(s, &f);
		if ((ret = fn(&f, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}
