/*
 * patient.c (store): rows of patients and coverages, and the indexed
 * lookups behind patient search.
 */
#include <stdio.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_entities.h"

/* ---- patients ---- */

#define PATIENT_COLS "p.id, p.account, p.last_name, p.first_name, p.middle_name, p.dob, p.sex," \
	" p.addr1, p.addr2, p.city, p.state, p.zip, p.phone, p.guarantor_id," \
	" p.created_by, p.created_at, p.updated_by, p.updated_at"

static const char by_member_sql[] =
	"SELECT " PATIENT_COLS " FROM patients p WHERE p.id IN"
	" (SELECT patient_id FROM coverages WHERE member_id = :member)"
	" ORDER BY p.last_name, p.first_name, p.id LIMIT :limit";
static const char by_dob_sql[] =
	"SELECT " PATIENT_COLS " FROM patients p WHERE p.dob = :dob"
	" ORDER BY p.last_name, p.first_name, p.id LIMIT :limit";
static const char by_last_sql[] =
	"SELECT " PATIENT_COLS " FROM patients p"
	" WHERE p.last_name >= :last_lo AND p.last_name < :last_hi"
	" ORDER BY p.last_name, p.first_name, p.id LIMIT :limit";
static const char by_name_sql[] =
	"SELECT " PATIENT_COLS " FROM patients p"
	" WHERE p.last_name >= :last_lo AND p.last_name < :last_hi"
	" AND p.first_name >= :first_lo AND p.first_name < :first_hi"
	" ORDER BY p.last_name, p.first_name, p.id LIMIT :limit";
static const char by_account_sql[] =
	"SELECT " PATIENT_COLS " FROM patients p WHERE p.account = :account";

const char *const store_patient_search_sql[] = {
	by_member_sql, by_dob_sql, by_last_sql, by_name_sql, by_account_sql, NULL,
};

static void col_patient(sqlite3_stmt *s, struct patient *p)
{
	memset(p, 0, sizeof(*p));
	p->id = col_int(s, 0);
	COL_COPY(s, 1, p->account);
	COL_COPY(s, 2, p->last);
	COL_COPY(s, 3, p->first);
	COL_COPY(s, 4, p->middle);
	p->dob = col_date(s, 5);
	p->sex = col_char(s, 6);
	col_address(s, 7, &p->addr);
	COL_COPY(s, 12, p->phone);
	p->guarantor = col_int(s, 13);
	col_stamp(s, 14, &p->created);
	col_stamp(s, 16, &p->updated);
}

static void bind_patient(sqlite3_stmt *s, const struct patient *p)
{
	bind_int_or_null(s, ":id", p->id);
	bind_text(s, ":account", p->account);
	bind_text(s, ":last_name", p->last);
	bind_text(s, ":first_name", p->first);
	bind_text(s, ":middle_name", p->middle);
	bind_date(s, ":dob", p->dob);
	bind_char(s, ":sex", p->sex);
	bind_address(s, "", &p->addr);
	bind_text(s, ":phone", p->phone);
	bind_int_or_null(s, ":guarantor_id", p->guarantor);
	bind_stamp(s, "updated", &p->updated);
}

int store_patient_insert(struct store *st, struct patient *p)
{
	static const char sql[] =
		"INSERT INTO patients (id, account, last_name, first_name, middle_name, dob, sex,"
		" addr1, addr2, city, state, zip, phone, guarantor_id,"
		" created_by, created_at, updated_by, updated_at)"
		" VALUES (:id, :account, :last_name, :first_name, :middle_name, :dob, :sex,"
		" :addr1, :addr2, :city, :state, :zip, :phone, :guarantor_id,"
		" :created_by, :created_at, :updated_by, :updated_at)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&p->created);
	store_stamp_fill(&p->updated);
	bind_patient(s, p);
	bind_stamp(s, "created", &p->created);
	if (store_exec_stmt(st, s, "patient") != MB_OK)
		return MB_ERROR;
	p->id = store_last_id(st);
	return MB_OK;
}

int store_patient_update(struct store *st, struct patient *p)
{
	static const char sql[] =
		"UPDATE patients SET account = :account, last_name = :last_name,"
		" first_name = :first_name, middle_name = :middle_name, dob = :dob, sex = :sex,"
		" addr1 = :addr1, addr2 = :addr2, city = :city, state = :state, zip = :zip,"
		" phone = :phone, guarantor_id = :guarantor_id,"
		" updated_by = :updated_by, updated_at = :updated_at WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_now(&p->updated);
	bind_patient(s, p);
	if (store_exec_stmt(st, s, "patient") != MB_OK)
		return MB_ERROR;
	if (!store_changes(st))
		return error_notfound("no patient %lld", (long long)p->id);
	return MB_OK;
}

static int patient_row(struct store *st, sqlite3_stmt *s, struct patient *out)
{
	int rc = store_step(st, s, "patient");

	if (rc <= 0)
		return rc < 0 ? MB_ERROR : MB_NOTFOUND;
	col_patient(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_patient_get(struct store *st, int64_t id, struct patient *out)
{
	static const char sql[] = "SELECT " PATIENT_COLS " FROM patients p WHERE p.id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = patient_row(st, s, out);
	if (rc == MB_NOTFOUND)
		return error_notfound("no patient %lld", (long long)id);
	return rc;
}

int store_patient_get_by_account(struct store *st, const char *account, struct patient *out)
{
	sqlite3_stmt *s = store_prepare(st, by_account_sql);
	int rc;

	bind_text_empty(s, ":account", account);
	rc = patient_row(st, s, out);
	if (rc == MB_NOTFOUND)
		return error_notfound("'account': no patient '%s'", account);
	return rc;
}

/* Call fn for each row of a prepared patient query. */
static int patient_walk(struct store *st, sqlite3_stmt *s, patient_fn fn, void *arg)
{
	struct patient p;
	int rc, ret = MB_OK;

	while ((rc = store_step(st, s, "patients")) == 1) {
		col_patient(s, &p);
		if ((ret = fn(&p, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}

int store_patient_foreach(struct store *st, patient_fn fn, void *arg)
{
	static const char sql[] = "SELECT " PATIENT_COLS " FROM patients p ORDER BY p.id";

	return patient_walk(st, store_prepare(st, sql), fn, arg);
}

int64_t store_patient_next_id(struct store *st)
{
	return store_count_rows(st, "SELECT coalesce(max(id), 0) + 1 FROM patients");
}

int store_patient_by_member(struct store *st, const char *member_id, int limit, patient_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st, by_member_sql);

	bind_text_empty(s, ":member", member_id);
	bind_int(s, ":limit", limit);
	return patient_walk(st, s, fn, arg);
}

int store_patient_by_dob(struct store *st, mbdate_t dob, int limit, patient_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st, by_dob_sql);

	bind_date(s, ":dob", dob);
	bind_int(s, ":limit", limit);
	return patient_walk(st, s, fn, arg);
}

/* Bind :NAME_lo and :NAME_hi to the range of text starting with prefix. */
static void bind_prefix(sqlite3_stmt *s, const char *name, const char *prefix)
{
	char lo[80], hi[88];

	snprintf(lo, sizeof(lo), ":%s_lo", name);
	bind_text_empty(s, lo, prefix);
	/* 0xFF never occurs in UTF-8: every text with the prefix sorts below this */
	snprintf(hi, sizeof(hi), "%s\xff", prefix);
	snprintf(lo, sizeof(lo), ":%s_hi", name);
	bind_text_empty(s, lo, hi);
}

int store_patient_by_name(struct store *st, const char *last, const char *first, int limit,
			  patient_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st, first && *first ? by_name_sql : by_last_sql);

	bind_prefix(s, "last", last);
	if (first && *first)
		bind_prefix(s, "first", first);
	bind_int(s, ":limit", limit);
	return patient_walk(st, s, fn, arg);
}

/* ---- coverages ---- */

#define COVERAGE_COLS "id, patient_id, payer_id, seq, member_id, group_no, relationship," \
	" sub_last, sub_first, sub_middle, sub_dob, sub_sex," \
	" sub_addr1, sub_addr2, sub_city, sub_state, sub_zip, effective, end_date," \
	" created_by, created_at, updated_by, updated_at, insurance_type"

static void col_coverage(sqlite3_stmt *s, struct coverage *c)
{
	memset(c, 0, sizeof(*c));
	c->id = col_int(s, 0);
	c->patient = col_int(s, 1);
	c->payer = col_int(s, 2);
	c->seq = (int)col_int(s, 3);
	COL_COPY(s, 4, c->member_id);
	COL_COPY(s, 5, c->group_no);
	COL_COPY(s, 6, c->relationship);
	COL_COPY(s, 7, c->sub_last);
	COL_COPY(s, 8, c->sub_first);
	COL_COPY(s, 9, c->sub_middle);
	c->sub_dob = col_date(s, 10);
	c->sub_sex = col_char(s, 11);
	col_address(s, 12, &c->sub_addr);
	c->effective = col_date(s, 17);
	c->end = col_date(s, 18);
	col_stamp(s, 19, &c->created);
	col_stamp(s, 21, &c->updated);
	COL_COPY(s, 23, c->insurance_type);
}

static void bind_coverage(sqlite3_stmt *s, const struct coverage *c)
{
	bind_int_or_null(s, ":id", c->id);
	bind_int(s, ":patient_id", c->patient);
	bind_int(s, ":payer_id", c->payer);
	bind_int(s, ":seq", c->seq);
	bind_text(s, ":member_id", c->member_id);
	bind_text(s, ":group_no", c->group_no);
	bind_text(s, ":relationship", c->relationship);
	bind_text(s, ":sub_last", c->sub_last);
	bind_text(s, ":sub_first", c->sub_first);
	bind_text(s, ":sub_middle", c->sub_middle);
	bind_date(s, ":sub_dob", c->sub_dob);
	bind_char(s, ":sub_sex", c->sub_sex);
	bind_address(s, "sub_", &c->sub_addr);
	bind_date(s, ":effective", c->effective);
	bind_date(s, ":end_date", c->end);
	bind_text(s, ":insurance_type", c->insurance_type);
	bind_stamp(s, "updated", &c->updated);
}

int store_coverage_insert(struct store *st, struct coverage *c)
{
	static const char sql[] =
		"INSERT INTO coverages (" COVERAGE_COLS ") VALUES (:id, :patient_id, :payer_id, :seq,"
		" :member_id, :group_no, :relationship, :sub_last, :sub_first, :sub_middle,"
		" :sub_dob, :sub_sex, :sub_addr1, :sub_addr2, :sub_city, :sub_state, :sub_zip,"
		" :effective, :end_date, :created_by, :created_at, :updated_by, :updated_at,"
		" :insurance_type)";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_fill(&c->created);
	store_stamp_fill(&c->updated);
	bind_coverage(s, c);
	bind_stamp(s, "created", &c->created);
	if (store_exec_stmt(st, s, "coverage") != MB_OK)
		return MB_ERROR;
	c->id = store_last_id(st);
	return MB_OK;
}

int store_coverage_update(struct store *st, struct coverage *c)
{
	static const char sql[] =
		"UPDATE coverages SET patient_id = :patient_id, payer_id = :payer_id, seq = :seq,"
		" member_id = :member_id, group_no = :group_no, relationship = :relationship,"
		" sub_last = :sub_last, sub_first = :sub_first, sub_middle = :sub_middle,"
		" sub_dob = :sub_dob, sub_sex = :sub_sex, sub_addr1 = :sub_addr1,"
		" sub_addr2 = :sub_addr2, sub_city = :sub_city, sub_state = :sub_state,"
		" sub_zip = :sub_zip, effective = :effective, end_date = :end_date,"
		" insurance_type = :insurance_type, updated_by = :updated_by, updated_at = :updated_at WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);

	store_stamp_now(&c->updated);
	bind_coverage(s, c);
	if (store_exec_stmt(st, s, "coverage") != MB_OK)
		return MB_ERROR;
	if (!store_changes(st))
		return error_notfound("no coverage %lld", (long long)c->id);
	return MB_OK;
}

static int coverage_row(struct store *st, sqlite3_stmt *s, struct coverage *out)
{
	int rc = store_step(st, s, "coverage");

	if (rc <= 0)
		return rc < 0 ? MB_ERROR : MB_NOTFOUND;
	col_coverage(s, out);
	sqlite3_reset(s);
	return MB_OK;
}

int store_coverage_get(struct store *st, int64_t id, struct coverage *out)
{
	static const char sql[] = "SELECT " COVERAGE_COLS " FROM coverages WHERE id = :id";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = coverage_row(st, s, out);
	if (rc == MB_NOTFOUND)
		return error_notfound("no coverage %lld", (long long)id);
	return rc;
}

int store_coverage_in_use(struct store *st, int64_t id)
{
	static const char sql[] =
		"SELECT EXISTS (SELECT 1 FROM claims WHERE coverage_id = :id)"
		" OR EXISTS (SELECT 1 FROM balances WHERE party = :id)";
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;

	bind_int(s, ":id", id);
	rc = store_step(st, s, "coverages");
	if (rc == 1)
		rc = col_int(s, 0) != 0;
	sqlite3_reset(s);
	return rc;
}

static int coverage_walk(struct store *st, sqlite3_stmt *s, coverage_fn fn, void *arg)
{
	struct coverage c;
	int rc, ret = MB_OK;

	while ((rc = store_step(st, s, "coverages")) == 1) {
		col_coverage(s, &c);
		if ((ret = fn(&c, arg)) != MB_OK)
			break;
	}
	sqlite3_reset(s);
	return rc < 0 ? MB_ERROR : ret;
}

int store_coverage_foreach(struct store *st, coverage_fn fn, void *arg)
{
	static const char sql[] = "SELECT " COVERAGE_COLS " FROM coverages ORDER BY id";

	return coverage_walk(st, store_prepare(st, sql), fn, arg);
}

int store_coverage_foreach_patient(struct store *st, int64_t patient, coverage_fn fn, void *arg)
{
	static const char sql[] =
		"SELECT " COVERAGE_COLS " FROM coverages WHERE patient_id = :patient"
		" ORDER BY seq, effective, id";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":patient", patient);
	return coverage_walk(st, s, fn, arg);
}

int store_coverage_active_on(struct store *st, int64_t patient, int seq, mbdate_t d, struct coverage *out)
{
	static const char sql[] =
		"SELECT " COVERAGE_COLS " FROM coverages WHERE patient_id = :patient AND seq = :seq"
		" AND effective <= :d AND (end_date IS NULL OR end_date >= :d)"
		" ORDER BY effective DESC, id DESC LIMIT 1";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":patient", patient);
	bind_int(s, ":seq", seq);
	bind_date(s, ":d", d);
	return coverage_row(st, s, out);
}

int store_coverage_overlap(struct store *st, const struct coverage *c, struct coverage *out)
{
	static const char sql[] =
		"SELECT " COVERAGE_COLS " FROM coverages WHERE patient_id = :patient AND seq = :seq"
		" AND id <> :id AND (:end_date IS NULL OR effective <= :end_date)"
		" AND (end_date IS NULL OR end_date >= :effective)"
		" ORDER BY id LIMIT 1";
	sqlite3_stmt *s = store_prepare(st, sql);

	bind_int(s, ":patient", c->patient);
	bind_int(s, ":seq", c->seq);
	bind_int(s, ":id", c->id);
	bind_date(s, ":end_date", c->end);
	bind_date(s, ":effective", c->effective);
	return coverage_row(st, s, out);
}
