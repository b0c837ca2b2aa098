/*
 * codes.c: the code-set tables (schema/0002_codes.sql).
 */
#include <stdlib.h>
#include <string.h>

#include "store_priv.h"
#include "medbill/store_codes.h"

static char *col_dup(sqlite3_stmt *s, int i)
{
	return xstrdup(col_text(s, i));
}

static char *col_dup_or_null(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? NULL : col_dup(s, i);
}

/* ---- loaded files ---- */

int store_code_set_put(struct store *st, struct store_code_set *cs)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT OR REPLACE INTO code_sets(system, version, source, fingerprint, codes,"
		" valid_from, valid_to, imported_by, imported_at)"
		" VALUES (:system, :version, :source, :fp, :codes, :from, :to, :by, :at)");

	if (!cs->imported_by[0])
		SCPY(cs->imported_by, user_current());
	if (!cs->imported_at[0])
		date_now_stamp(cs->imported_at);
	bind_text(s, ":system", cs->system);
	bind_text(s, ":version", cs->version);
	bind_text(s, ":source", cs->source);
	bind_text(s, ":fp", cs->fingerprint);
	bind_int(s, ":codes", cs->codes);
	bind_date(s, ":from", cs->valid_from);
	bind_date(s, ":to", cs->valid_to);
	bind_text(s, ":by", cs->imported_by);
	bind_text(s, ":at", cs->imported_at);
	return store_exec_stmt(st, s, "code set");
}

int store_code_set_by_fingerprint(struct store *st, const char *system, const char *fingerprint,
				  char version[16])
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT version FROM code_sets WHERE system = :system AND fingerprint = :fp");
	int r;

	bind_text(s, ":system", system);
	bind_text(s, ":fp", fingerprint);
	r = store_step(st, s, "code set");
	if (r < 0)
		return MB_ERROR;
	if (r == 0)
		return MB_NOTFOUND;
	strlcpy0(version, col_text(s, 0), 16);
	sqlite3_reset(s);
	return MB_OK;
}

int store_code_sets(struct store *st, store_code_set_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT system, version, source, fingerprint, codes, valid_from, valid_to,"
		" imported_by, imported_at FROM code_sets ORDER BY system, version");
	struct store_code_set cs;
	int r;

	while ((r = store_step(st, s, "code sets")) == 1) {
		memset(&cs, 0, sizeof(cs));
		COL_COPY(s, 0, cs.system);
		COL_COPY(s, 1, cs.version);
		COL_COPY(s, 2, cs.source);
		COL_COPY(s, 3, cs.fingerprint);
		cs.codes = (long)col_int(s, 4);
		cs.valid_from = col_date(s, 5);
		cs.valid_to = col_date(s, 6);
		COL_COPY(s, 7, cs.imported_by);
		COL_COPY(s, 8, cs.imported_at);
		if ((r = fn(&cs, arg)) != 0) {
			sqlite3_reset(s);
			return r;
		}
	}
	return r < 0 ? MB_ERROR : MB_OK;
}

int store_icd_years(struct store *st, int *years, size_t max, size_t *n)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT CAST(version AS INTEGER) AS fy FROM code_sets WHERE system = 'icd10cm'"
		" ORDER BY fy");
	int r;

	*n = 0;
	while ((r = store_step(st, s, "icd10cm years")) == 1)
		if (*n < max)
			years[(*n)++] = (int)col_int(s, 0);
	return r < 0 ? MB_ERROR : MB_OK;
}

/* ---- ICD-10-CM ---- */

int store_icd_clear_year(struct store *st, int fy)
{
	sqlite3_stmt *s = store_prepare(st, "DELETE FROM icd10cm_codes WHERE fy = :fy");

	bind_int(s, ":fy", fy);
	if (store_exec_stmt(st, s, "icd10cm codes") != MB_OK)
		return MB_ERROR;
	s = store_prepare(st, "DELETE FROM icd10cm_notes WHERE fy = :fy");
	bind_int(s, ":fy", fy);
	return store_exec_stmt(st, s, "icd10cm notes");
}

int store_icd_put(struct store *st, int fy, const char *key, const char *description,
		  bool billable, int chapter, const char *section)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO icd10cm_codes(code, fy, description, billable, chapter, section)"
		" VALUES (:code, :fy, :desc, :billable, :chapter, :section)"
		" ON CONFLICT(code, fy) DO NOTHING");

	bind_text(s, ":code", key);
	bind_int(s, ":fy", fy);
	bind_text_empty(s, ":desc", description);
	bind_int(s, ":billable", billable);
	bind_int(s, ":chapter", chapter);
	bind_text_empty(s, ":section", section);
	return store_exec_stmt(st, s, "icd10cm code");
}

int store_icd_note_put(struct store *st, int fy, const char *key, int seq, const char *kind,
		       const char *note)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO icd10cm_notes(code, fy, seq, kind, note)"
		" VALUES (:code, :fy, :seq, :kind, :note) ON CONFLICT(code, fy, seq) DO NOTHING");

	bind_text(s, ":code", key);
	bind_int(s, ":fy", fy);
	bind_int(s, ":seq", seq);
	bind_text(s, ":kind", kind);
	bind_text_empty(s, ":note", note);
	return store_exec_stmt(st, s, "icd10cm note");
}

int store_icd_get(struct store *st, const char *key, int fy, struct store_icd_row *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT code, fy, description, billable, chapter, section FROM icd10cm_codes"
		" WHERE code = :code AND (:fy = 0 OR fy = :fy) ORDER BY fy DESC LIMIT 1");
	int r;

	memset(out, 0, sizeof(*out));
	bind_text(s, ":code", key);
	bind_int(s, ":fy", fy);
	r = store_step(st, s, "icd10cm code");
	if (r < 0)
		return MB_ERROR;
	if (r == 0)
		return MB_NOTFOUND;
	COL_COPY(s, 0, out->key);
	out->fy = (int)col_int(s, 1);
	out->description = col_dup(s, 2);
	out->billable = col_int(s, 3) != 0;
	out->chapter = (int)col_int(s, 4);
	COL_COPY(s, 5, out->section);
	sqlite3_reset(s);
	return MB_OK;
}

void store_icd_row_release(struct store_icd_row *r)
{
	free(r->description);
	r->description = NULL;
}

int store_icd_span(struct store *st, const char *key, int *first, int *last)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT coalesce(min(fy), 0), coalesce(max(fy), 0) FROM icd10cm_codes WHERE code = :code");
	int r;

	bind_text(s, ":code", key);
	r = store_step(st, s, "icd10cm code");
	if (r < 0)
		return MB_ERROR;
	*first = r ? (int)col_int(s, 0) : 0;
	*last = r ? (int)col_int(s, 1) : 0;
	sqlite3_reset(s);
	return MB_OK;
}

int store_icd_billable_below(struct store *st, const char *key, int fy, char first[16], char last[16])
{
	/* the codes below key sort after it and before key || 'ZZ...' */
	sqlite3_stmt *s = store_prepare(st,
		"SELECT coalesce(min(code), ''), coalesce(max(code), '') FROM icd10cm_codes"
		" WHERE fy = :fy AND code > :code AND code < :code || 'ZZZZZ' AND billable = 1");
	int r;

	bind_int(s, ":fy", fy);
	bind_text(s, ":code", key);
	r = store_step(st, s, "icd10cm code");
	if (r < 0)
		return MB_ERROR;
	strlcpy0(first, r ? col_text(s, 0) : "", 16);
	strlcpy0(last, r ? col_text(s, 1) : "", 16);
	sqlite3_reset(s);
	return MB_OK;
}

int store_icd_notes(struct store *st, const char *key, int fy, store_note_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT kind, note FROM icd10cm_notes WHERE code = :code AND fy = :fy ORDER BY seq");
	int r;

	bind_text(s, ":code", key);
	bind_int(s, ":fy", fy);
	while ((r = store_step(st, s, "icd10cm notes")) == 1) {
		if ((r = fn(col_text(s, 0), col_text(s, 1), arg)) != 0) {
			sqlite3_reset(s);
			return r;
		}
	}
	return r < 0 ? MB_ERROR : MB_OK;
}

int store_icd_search_rebuild(struct store *st, int fy, int64_t id_base)
{
	sqlite3_stmt *s = store_prepare(st, "DELETE FROM code_search WHERE system = 'icd10cm'");

	if (store_exec_stmt(st, s, "code search") != MB_OK)
		return MB_ERROR;
	s = store_prepare(st,
		"INSERT INTO code_search(id, system, code, display, description, terms, billable)"
		" SELECT :base + row_number() OVER (ORDER BY length(c.code), c.code), 'icd10cm', c.code,"
		"  CASE WHEN length(c.code) > 3 THEN substr(c.code, 1, 3) || '.' || substr(c.code, 4)"
		"   ELSE c.code END,"
		"  c.description,"
		"  coalesce((SELECT group_concat(n.note, '; ') FROM icd10cm_notes n"
		"   WHERE n.code = c.code AND n.fy = c.fy AND n.kind = 'inclusionTerm'), ''),"
		"  c.billable"
		" FROM icd10cm_codes c WHERE c.fy = :fy ORDER BY length(c.code), c.code");
	bind_int(s, ":base", id_base);
	bind_int(s, ":fy", fy);
	return store_exec_stmt(st, s, "code search");
}

int store_icd_count(struct store *st, int fy, long *codes, long *billable)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT count(*), coalesce(sum(billable), 0) FROM icd10cm_codes WHERE fy = :fy");
	int r;

	bind_int(s, ":fy", fy);
	r = store_step(st, s, "icd10cm codes");
	if (r < 0)
		return MB_ERROR;
	*codes = r ? (long)col_int(s, 0) : 0;
	*billable = r ? (long)col_int(s, 1) : 0;
	sqlite3_reset(s);
	return MB_OK;
}

/* ---- HCPCS, CPT ---- */

int store_hcpcs_put(struct store *st, const struct store_hcpcs_row *r)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO hcpcs_codes(code, short_desc, long_desc, coverage, action, added,"
		" action_effective, terminated, version)"
		" VALUES (:code, :short, :long, :coverage, :action, :added, :effective, :terminated, :version)"
		" ON CONFLICT(code) DO UPDATE SET short_desc = excluded.short_desc,"
		"  long_desc = excluded.long_desc, coverage = excluded.coverage, action = excluded.action,"
		"  added = excluded.added, action_effective = excluded.action_effective,"
		"  terminated = excluded.terminated, version = excluded.version"
		" WHERE excluded.version >= hcpcs_codes.version");

	bind_text(s, ":code", r->code);
	bind_text_empty(s, ":short", r->short_desc);
	bind_text_empty(s, ":long", r->long_desc);
	bind_text(s, ":coverage", r->coverage);
	bind_text(s, ":action", r->action);
	bind_date(s, ":added", r->added);
	bind_date(s, ":effective", r->action_effective);
	bind_date(s, ":terminated", r->terminated);
	bind_text(s, ":version", r->version);
	return store_exec_stmt(st, s, "hcpcs code");
}

int store_hcpcs_get(struct store *st, const char *code, struct store_hcpcs_row *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT code, short_desc, long_desc, coverage, action, added, action_effective,"
		" terminated, version FROM hcpcs_codes WHERE code = :code");
	int r;

	memset(out, 0, sizeof(*out));
	bind_text(s, ":code", code);
	r = store_step(st, s, "hcpcs code");
	if (r < 0)
		return MB_ERROR;
	if (r == 0)
		return MB_NOTFOUND;
	COL_COPY(s, 0, out->code);
	out->short_desc = col_dup(s, 1);
	out->long_desc = col_dup(s, 2);
	COL_COPY(s, 3, out->coverage);
	COL_COPY(s, 4, out->action);
	out->added = col_date(s, 5);
	out->action_effective = col_date(s, 6);
	out->terminated = col_date(s, 7);
	COL_COPY(s, 8, out->version);
	sqlite3_reset(s);
	return MB_OK;
}

void store_hcpcs_row_release(struct store_hcpcs_row *r)
{
	free(r->short_desc);
	free(r->long_desc);
	r->short_desc = r->long_desc = NULL;
}

static long count_of(struct store *st, sqlite3_stmt *s, const char *what)
{
	long n = 0;
	int r = store_step(st, s, what);

	if (r == 1) {
		n = (long)col_int(s, 0);
		sqlite3_reset(s);
	}
	return r < 0 ? MB_ERROR : n;
}

long store_hcpcs_count(struct store *st)
{
	return count_of(st, store_prepare(st, "SELECT count(*) FROM hcpcs_codes"), "hcpcs codes");
}

int store_cpt_put(struct store *st, const char *code, const char *description)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO cpt_codes(code, description) VALUES (:code, :desc)"
		" ON CONFLICT(code) DO UPDATE SET description = excluded.description"
		" WHERE description IS NOT excluded.description");

	bind_text(s, ":code", code);
	bind_text_empty(s, ":desc", description);
	return store_exec_stmt(st, s, "cpt code");
}

int store_cpt_get(struct store *st, const char *code, char **description)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT description FROM cpt_codes WHERE code = :code");
	int r;

	*description = NULL;
	bind_text(s, ":code", code);
	r = store_step(st, s, "cpt code");
	if (r < 0)
		return MB_ERROR;
	if (r == 0)
		return MB_NOTFOUND;
	*description = col_dup(s, 0);
	sqlite3_reset(s);
	return MB_OK;
}

long store_cpt_count(struct store *st)
{
	return count_of(st, store_prepare(st, "SELECT count(*) FROM cpt_codes"), "cpt codes");
}

int store_cpt_clear(struct store *st)
{
	if (store_exec_stmt(st, store_prepare(st, "DELETE FROM cpt_codes"), "cpt codes") != MB_OK)
		return MB_ERROR;
	return store_exec_stmt(st, store_prepare(st, "DELETE FROM code_search WHERE system = 'cpt'"),
			       "code search");
}

/* ---- code lists ---- */

int store_ref_put(struct store *st, const struct store_ref_row *r, bool replace)
{
	sqlite3_stmt *s;

	if (replace)
		s = store_prepare(st,
			"INSERT INTO ref_codes(list, code, description, effective, deactivated, modified,"
			" notes, source) VALUES (:list, :code, :desc, :eff, :deact, :mod, :notes, :source)"
			" ON CONFLICT(list, code) DO UPDATE SET description = excluded.description,"
			"  effective = excluded.effective, deactivated = excluded.deactivated,"
			"  modified = excluded.modified, notes = excluded.notes, source = excluded.source"
			" WHERE description IS NOT excluded.description"
			"  OR effective IS NOT excluded.effective OR deactivated IS NOT excluded.deactivated"
			"  OR modified IS NOT excluded.modified OR notes IS NOT excluded.notes"
			"  OR source IS NOT excluded.source");
	else
		s = store_prepare(st,
			"INSERT INTO ref_codes(list, code, description, effective, deactivated, modified,"
			" notes, source) VALUES (:list, :code, :desc, :eff, :deact, :mod, :notes, :source)"
			" ON CONFLICT(list, code) DO NOTHING");
	bind_text(s, ":list", r->list);
	bind_text(s, ":code", r->code);
	bind_text_empty(s, ":desc", r->description);
	bind_date(s, ":eff", r->effective);
	bind_date(s, ":deact", r->deactivated);
	bind_date(s, ":mod", r->modified);
	bind_text(s, ":notes", r->notes);
	bind_text(s, ":source", r->source);
	return store_exec_stmt(st, s, "code list");
}

int store_ref_get(struct store *st, const char *list, const char *code, struct store_ref_row *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT list, code, description, effective, deactivated, modified, notes, source"
		" FROM ref_codes WHERE list = :list AND code = :code");
	int r;

	memset(out, 0, sizeof(*out));
	bind_text(s, ":list", list);
	bind_text(s, ":code", code);
	r = store_step(st, s, "code list");
	if (r < 0)
		return MB_ERROR;
	if (r == 0)
		return MB_NOTFOUND;
	COL_COPY(s, 0, out->list);
	COL_COPY(s, 1, out->code);
	out->description = col_dup(s, 2);
	out->effective = col_date(s, 3);
	out->deactivated = col_date(s, 4);
	out->modified = col_date(s, 5);
	out->notes = col_dup_or_null(s, 6);
	COL_COPY(s, 7, out->source);
	sqlite3_reset(s);
	return MB_OK;
}

void store_ref_row_release(struct store_ref_row *r)
{
	free(r->description);
	free(r->notes);
	r->description = r->notes = NULL;
}

long store_ref_count(struct store *st, const char *list)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT count(*) FROM ref_codes WHERE list = :list");

	bind_text(s, ":list", list);
	return count_of(st, s, "code list");
}

int store_taxonomy_put(struct store *st, const struct store_taxonomy_row *r)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO taxonomy_codes(code, grouping, classification, specialization,"
		" display_name, section, definition)"
		" VALUES (:code, :grouping, :class, :spec, :display, :section, :def)"
		" ON CONFLICT(code) DO UPDATE SET grouping = excluded.grouping,"
		"  classification = excluded.classification, specialization = excluded.specialization,"
		"  display_name = excluded.display_name, section = excluded.section,"
		"  definition = excluded.definition"
		" WHERE grouping IS NOT excluded.grouping OR classification IS NOT excluded.classification"
		"  OR specialization IS NOT excluded.specialization"
		"  OR display_name IS NOT excluded.display_name OR section IS NOT excluded.section"
		"  OR definition IS NOT excluded.definition");

	bind_text(s, ":code", r->code);
	bind_text_empty(s, ":grouping", r->grouping);
	bind_text_empty(s, ":class", r->classification);
	bind_text(s, ":spec", r->specialization);
	bind_text(s, ":display", r->display_name);
	bind_text(s, ":section", r->section);
	bind_text(s, ":def", r->definition);
	return store_exec_stmt(st, s, "taxonomy code");
}

int store_taxonomy_get(struct store *st, const char *code, struct store_taxonomy_row *out)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT code, grouping, classification, specialization, display_name, section,"
		" definition FROM taxonomy_codes WHERE code = :code");
	int r;

	memset(out, 0, sizeof(*out));
	bind_text(s, ":code", code);
	r = store_step(st, s, "taxonomy code");
	if (r < 0)
		return MB_ERROR;
	if (r == 0)
		return MB_NOTFOUND;
	COL_COPY(s, 0, out->code);
	out->grouping = col_dup(s, 1);
	out->classification = col_dup(s, 2);
	out->specialization = col_dup(s, 3);
	out->display_name = col_dup(s, 4);
	out->section = col_dup(s, 5);
	out->definition = col_dup(s, 6);
	sqlite3_reset(s);
	return MB_OK;
}

void store_taxonomy_row_release(struct store_taxonomy_row *r)
{
	free(r->grouping);
	free(r->classification);
	free(r->specialization);
	free(r->display_name);
	free(r->section);
	free(r->definition);
	memset(r, 0, sizeof(*r));
}

/* ---- sex and age edits ---- */

int store_sexage_clear(struct store *st)
{
	return store_exec_stmt(st, store_prepare(st, "DELETE FROM code_sex_age_edits"), "sex and age edits");
}

int store_sexage_put(struct store *st, const struct store_sexage_row *r)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO code_sex_age_edits(system, code_from, code_to, sex, age_min, age_max, message)"
		" VALUES (:system, :from, :to, :sex, :min, :max, :message)");

	bind_text(s, ":system", r->system);
	bind_text(s, ":from", r->code_from);
	bind_text(s, ":to", r->code_to);
	bind_char(s, ":sex", r->sex);
	if (r->age_min >= 0)
		bind_int(s, ":min", r->age_min);
	else
		bind_null(s, ":min");
	if (r->age_max >= 0)
		bind_int(s, ":max", r->age_max);
	else
		bind_null(s, ":max");
	bind_text_empty(s, ":message", r->message);
	return store_exec_stmt(st, s, "sex and age edit");
}

int store_sexage_find(struct store *st, const char *system, const char *key, store_sexage_fn fn,
		      void *arg)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT system, code_from, code_to, sex, coalesce(age_min, -1), coalesce(age_max, -1),"
		" message FROM code_sex_age_edits WHERE system = :system"
		" AND substr(:code, 1, length(code_from)) >= code_from"
		" AND substr(:code, 1, length(code_to)) <= code_to ORDER BY code_from, code_to");
	struct store_sexage_row row;
	int r;

	bind_text(s, ":system", system);
	bind_text(s, ":code", key);
	while ((r = store_step(st, s, "sex and age edits")) == 1) {
		memset(&row, 0, sizeof(row));
		COL_COPY(s, 0, row.system);
		COL_COPY(s, 1, row.code_from);
		COL_COPY(s, 2, row.code_to);
		row.sex = col_char(s, 3);
		row.age_min = (int)col_int(s, 4);
		row.age_max = (int)col_int(s, 5);
		row.message = col_text(s, 6);
		if ((r = fn(&row, arg)) != 0) {
			sqlite3_reset(s);
			return r;
		}
	}
	return r < 0 ? MB_ERROR : MB_OK;
}

/* ---- search ---- */

int store_search_put(struct store *st, const char *system, const char *key, const char *display,
		     const char *description, const char *terms, bool billable, int64_t id_base)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO code_search(id, system, code, display, description, terms, billable)"
		" VALUES (coalesce((SELECT id FROM code_search WHERE id > :base AND id < :base + :range"
		"   ORDER BY id DESC LIMIT 1), :base) + 1,"
		"  :system, :code, :display, :desc, :terms, :billable)"
		" ON CONFLICT(system, code) DO UPDATE SET display = excluded.display,"
		"  description = excluded.description, terms = excluded.terms, billable = excluded.billable"
		" WHERE display IS NOT excluded.display OR description IS NOT excluded.description"
		"  OR terms IS NOT excluded.terms OR billable IS NOT excluded.billable");

	bind_int(s, ":base", id_base);
	bind_int(s, ":range", STORE_SEARCH_RANGE);
	bind_text(s, ":system", system);
	bind_text(s, ":code", key);
	bind_text(s, ":display", display);
	bind_text_empty(s, ":desc", description);
	bind_text_empty(s, ":terms", terms);
	bind_int(s, ":billable", billable);
	return store_exec_stmt(st, s, "code search");
}

int store_search_delete(struct store *st, const char *system, const char *key)
{
	sqlite3_stmt *s = store_prepare(st,
		"DELETE FROM code_search WHERE system = :system AND code = :code");

	bind_text(s, ":system", system);
	bind_text(s, ":code", key);
	return store_exec_stmt(st, s, "code search");
}

static int hits(struct store *st, sqlite3_stmt *s, store_hit_fn fn, void *arg)
{
	struct store_hit h;
	int r;

	while ((r = store_step(st, s, "code search")) == 1) {
		h.id = col_int(s, 0);
		h.system = col_text(s, 1);
		h.display = col_text(s, 2);
		h.description = col_text(s, 3);
		h.billable = col_int(s, 4) != 0;
		if ((r = fn(&h, arg)) != 0) {
			sqlite3_reset(s);
			return r;
		}
	}
	return r < 0 ? MB_ERROR : MB_OK;
}

int store_search_prefix(struct store *st, const char *system, const char *lo, const char *hi,
			int limit, store_hit_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT id, system, display, description, billable FROM code_search"
		" WHERE system = :system AND code >= :lo AND code < :hi ORDER BY code LIMIT :limit");

	bind_text(s, ":system", system);
	bind_text_empty(s, ":lo", lo);
	bind_text_empty(s, ":hi", hi);
	bind_int(s, ":limit", limit);
	return hits(st, s, fn, arg);
}

int store_search_words(struct store *st, const char *fts_query, int64_t id_lo, int64_t id_hi,
		       int candidates, int limit, store_hit_fn fn, void *arg)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT c.id, c.system, c.display, c.description, c.billable"
		" FROM (SELECT rowid AS id FROM code_fts WHERE code_fts MATCH :q"
		"   AND rowid >= :lo AND rowid < :hi ORDER BY rowid LIMIT :candidates) f"
		" JOIN code_search c ON c.id = f.id ORDER BY c.id LIMIT :limit");

	bind_text(s, ":q", fts_query);
	bind_int(s, ":lo", id_lo);
	bind_int(s, ":hi", id_hi);
	bind_int(s, ":candidates", candidates);
	bind_int(s, ":limit", limit);
	return hits(st, s, fn, arg);
}
