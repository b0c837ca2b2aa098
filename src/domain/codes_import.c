/*
 * codes_import.c: the importers of the official code files and the loader
 * of the shipped tables. Each runs as one transaction: a file is read once
 * without writing (to check it whole and fingerprint it), then written.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medbill/codes.h"
#include "medbill/csv.h"
#include "medbill/hcpcs.h"
#include "medbill/icd10cm.h"
#include "medbill/infile.h"
#include "medbill/store_codes.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"
#include "codes_priv.h"

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void hex64(uint64_t v, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)v);
}

/* Begin a bulk transaction. */
static int begin(struct store *st)
{
	store_bulk_begin(st);
	if (store_begin(st) != MB_OK) {
		store_bulk_end(st);
		return MB_ERROR;
	}
	return MB_OK;
}

/* Commit when ok, else roll back; end bulk mode. */
static int finish(struct store *st, int ok)
{
	int r = MB_ERROR;

	if (ok == MB_OK)
		r = store_commit(st);
	else
		store_rollback(st);
	store_bulk_end(st);
	return r;
}

/* ---- ICD-10-CM ---- */


struct code_line {
	char key[CODE_LEN];
	long line;
};

struct icd_seen {
	struct code_line *v;
	size_t n, alloc;
};

static int icd_check(const struct icd10cm_code *c, void *arg)
{
	struct icd_seen *seen = arg;
	char key[CODE_LEN];

	if (codes_key(c->code, key) != MB_OK || !codes_icd_shaped(key))
		return error("'%s' is not an ICD-10-CM code", c->code);
	if (!*c->description)
		return error("code '%s' has no description", c->code);
	ALLOC_GROW(seen->v, seen->n + 1, seen->alloc);
	SCPY(seen->v[seen->n].key, key);
	seen->v[seen->n++].line = c->line;
	return MB_OK;
}

static int by_key_line(const void *a, const void *b)
{
	const struct code_line *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Refuse a file that gives a code twice; the message names both lines. */
static int no_repeats(const char *path, struct code_line *v, size_t n, bool icd)
{
	size_t i;
	char a[CODE_LEN];

	if (n > 1)
		qsort(v, n, sizeof(*v), by_key_line);
	for (i = 1; i < n; i++)
		if (!strcmp(v[i].key, v[i - 1].key)) {
			if (icd)
				codes_icd_display(v[i].key, a);
			else
				SCPY(a, v[i].key);
			return error("'%s' line %ld: code '%s' appears again (first on line %ld)", path,
				     v[i].line, a, v[i - 1].line);
		}
	return MB_OK;
}

struct icd_ctx {
	struct store *st;
	int fy;
	bool cleared;
	struct icd_seen seen;
	code_progress_fn progress;
	void *progress_arg;
};

/* The readers report bytes; the importers' callers also hear of the indexing. */
static void reading(uint64_t done, uint64_t total, void *arg)
{
	const struct icd_ctx *x = arg;

	x->progress("reading", done, total, x->progress_arg);
}

static int icd_write(const struct icd10cm_code *c, void *arg)
{
	struct icd_ctx *x = arg;
	char key[CODE_LEN];
	size_t i;

	if (icd_check(c, &x->seen) != MB_OK)
		return MB_ERROR;
	if (!x->cleared) {
		x->fy = c->fy;
		if (store_icd_clear_year(x->st, c->fy) != MB_OK)
			return MB_ERROR;
		x->cleared = true;
	}
	if (codes_key(c->code, key) != MB_OK)
		return MB_ERROR;
	if (store_icd_put(x->st, c->fy, key, c->description, c->billable, c->chapter, c->section) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < c->nnotes; i++)
		if (store_icd_note_put(x->st, c->fy, key, (int)i + 1, c->notes[i].kind,
				       c->notes[i].text) != MB_OK)
			return MB_ERROR;
	return MB_OK;
}

/*
 * The file is fingerprinted first (the same file again changes nothing),
 * then read once and written in one transaction; a code given twice is
 * caught after the read, before the commit.
 */
int codes_import_icd10cm(struct store *st, const char *path, code_progress_fn progress,
			 void *arg, struct code_import_result *out)
{
	struct icd10cm_stats stats;
	struct store_code_set cs;
	struct icd_ctx x = { st, 0, false, { NULL, 0, 0 }, progress, arg };
	uint64_t h;
	char fp[17];
	int ret = MB_ERROR, newest;

	memset(out, 0, sizeof(*out));
	if (infile_fingerprint(path, &h) != MB_OK)
		return MB_ERROR;
	hex64(h, fp);
	switch (store_code_set_by_fingerprint(st, "icd10cm", fp, out->version)) {
	case MB_OK:
		out->unchanged = true;
		return store_icd_count(st, atoi(out->version), &out->codes, &out->billable);
	case MB_NOTFOUND:
		break;
	default:
		return MB_ERROR;
	}
	if (begin(st) != MB_OK)
		return MB_ERROR;
	if (icd10cm_parse(path, icd_write, &x, progress ? reading : NULL, &x, &stats) != MB_OK ||
	    no_repeats(path, x.seen.v, x.seen.n, true) != MB_OK)
		goto cleanup;
	if (stats.fingerprint != h) {
		error("'%s' changed while it was being read", path);
		goto cleanup;
	}
	snprintf(out->version, sizeof(out->version), "%d", stats.fy);
	out->records = stats.diags;
	out->codes = stats.codes;
	out->billable = stats.billable;
	out->notes = stats.notes;
	memset(&cs, 0, sizeof(cs));
	SCPY(cs.system, "icd10cm");
	SCPY(cs.version, out->version);
	SCPY(cs.source, base_name(path));
	SCPY(cs.fingerprint, fp);
	cs.codes = stats.codes;
	cs.valid_from = codes_fy_start(stats.fy);
	cs.valid_to = codes_fy_end(stats.fy);
	if (store_code_set_put(st, &cs) != MB_OK)
		goto cleanup;
	newest = codes_icd_newest_fy(st);
	if (stats.fy >= newest) {
		if (progress)
			progress("indexing", 0, 0, arg);
		if (store_icd_search_rebuild(st, stats.fy, codes_search_base(CODE_ICD10CM)) != MB_OK)
			goto cleanup;
	}
	ret = MB_OK;
cleanup:
	free(x.seen.v);
	return finish(st, ret);
}

/* ---- HCPCS ---- */

struct hcpcs_ctx {
	struct store *st;
	char version[16];
	bool older;		/* a newer HCPCS file is already loaded */
	code_progress_fn progress;
	void *progress_arg;
};

static void hcpcs_reading(uint64_t done, uint64_t total, void *arg)
{
	const struct hcpcs_ctx *x = arg;

	x->progress("reading", done, total, x->progress_arg);
}

static int hcpcs_check(const struct hcpcs_entry *e, void *arg)
{
	if (!*e->long_desc && !*e->short_desc)
		return error("code '%s' has no description", e->code);
	return MB_OK;
}

static int hcpcs_write(const struct hcpcs_entry *e, void *arg)
{
	struct hcpcs_ctx *x = arg;
	const char *desc = *e->long_desc ? e->long_desc : e->short_desc;

	if (e->modifier) {
		struct store_ref_row r;

		memset(&r, 0, sizeof(r));
		SCPY(r.list, "modifier");
		SCPY(r.code, e->code);
		r.description = (char *)desc;
		r.effective = e->added;
		r.deactivated = e->terminated;
		snprintf(r.source, sizeof(r.source), "CMS HCPCS %s", x->version);
		if (store_ref_put(x->st, &r, !x->older) != MB_OK)
			return MB_ERROR;
		if (!x->older &&
		    store_search_put(x->st, "modifier", e->code, e->code, desc, e->short_desc,
				     !e->terminated, codes_search_base(CODE_MODIFIER)) != MB_OK)
			return MB_ERROR;
		return MB_OK;
	} else {
		struct store_hcpcs_row r;

		memset(&r, 0, sizeof(r));
		SCPY(r.code, e->code);
		r.short_desc = (char *)e->short_desc;
		r.long_desc = (char *)e->long_desc;
		r.coverage[0] = e->coverage == ' ' ? '\0' : e->coverage;
		r.action[0] = e->action == ' ' ? '\0' : e->action;
		r.added = e->added;
		r.action_effective = e->action_effective;
		r.terminated = e->terminated;
		SCPY(r.version, x->version);
		if (store_hcpcs_put(x->st, &r) != MB_OK)
			return MB_ERROR;
		if (x->older) {
			struct store_hcpcs_row now;
			int won;

			if (store_hcpcs_get(x->st, e->code, &now) != MB_OK)
				return MB_ERROR;
			won = !strcmp(now.version, x->version);
			store_hcpcs_row_release(&now);
			if (!won)
				return MB_OK;
		}
		return store_search_put(x->st, "hcpcs", e->code, e->code, desc, e->short_desc,
					!e->terminated, codes_search_base(CODE_HCPCS));
	}
}

struct newest_ctx {
	const char *system;
	char version[16];
};

static int newest_cb(const struct store_code_set *cs, void *arg)
{
	struct newest_ctx *c = arg;

	if (!strcmp(cs->system, c->system) && strcmp(cs->version, c->version) > 0)
		SCPY(c->version, cs->version);
	return 0;
}

int codes_import_hcpcs(struct store *st, const char *path, code_progress_fn progress,
		       void *arg, struct code_import_result *out)
{
	struct hcpcs_stats check, stats;
	struct hcpcs_ctx x;
	struct store_code_set cs;
	struct newest_ctx nc = { "hcpcs", "" };
	char fp[17];
	int ret = MB_ERROR;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	if (hcpcs_parse(path, hcpcs_check, NULL, NULL, NULL, &check) != MB_OK)
		return MB_ERROR;
	if (!check.year)
		return error("'%s' has no action effective dates to tell its year", path);
	hex64(check.fingerprint, fp);
	snprintf(out->version, sizeof(out->version), "%d", check.year);
	out->records = check.records;
	out->codes = check.procedures + check.modifiers;
	out->billable = check.procedures;
	out->modifiers = check.modifiers;
	switch (store_code_set_by_fingerprint(st, "hcpcs", fp, out->version)) {
	case MB_OK:
		out->unchanged = true;
		return MB_OK;
	case MB_NOTFOUND:
		break;
	default:
		return MB_ERROR;
	}
	if (store_code_sets(st, newest_cb, &nc) < 0)
		return MB_ERROR;
	x.st = st;
	SCPY(x.version, out->version);
	x.older = nc.version[0] && strcmp(nc.version, x.version) > 0;
	if (begin(st) != MB_OK)
		return MB_ERROR;
	x.progress = progress;
	x.progress_arg = arg;
	if (hcpcs_parse(path, hcpcs_write, &x, progress ? hcpcs_reading : NULL, &x, &stats) != MB_OK)
		goto cleanup;
	memset(&cs, 0, sizeof(cs));
	SCPY(cs.system, "hcpcs");
	SCPY(cs.version, x.version);
	SCPY(cs.source, base_name(path));
	SCPY(cs.fingerprint, fp);
	cs.codes = stats.procedures + stats.modifiers;
	if (store_code_set_put(st, &cs) != MB_OK)
		goto cleanup;
	ret = MB_OK;
cleanup:
	return finish(st, ret);
}

/* ---- CSV files: CPT and the sex and age edits ---- */

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* A copy of a field with blanks trimmed, in buf. */
static const char *trimmed(const char *s, char *buf, size_t n)
{
	strlcpy0(buf, s, n);
	return strtrim(buf);
}

struct cpt_ctx {
	struct store *st;	/* NULL: check only */
	long rows;
	struct code_line *keys;	/* the codes read in the check, to refuse repeats */
	size_t nkeys, keys_alloc;
};

static int cpt_row(const struct csv_row *row, void *arg)
{
	struct cpt_ctx *x = arg;
	char code[32], key[CODE_LEN];
	const char *desc;
	struct strbuf d = STRBUF_INIT;
	int r = MB_OK;

	trimmed(row->nfields ? row->fields[0] : "", code, sizeof(code));
	if (row->index == 0 && !codes_cpt_shaped(code) &&
	    (!strcasecmp(code, "code") || !strcasecmp(code, "cpt") || !strcasecmp(code, "cpt code")))
		return MB_OK;	/* the header */
	if (row->nfields < 2)
		return error("'description' is missing (a row is: code,description)");
	if (codes_key(code, key) != MB_OK || !codes_cpt_shaped(key))
		return error("'code': '%s' is not a CPT code (5 digits, or 4 digits and F, T or U)", code);
	strbuf_adds(&d, row->fields[1]);
	desc = strtrim(d.buf);
	if (!*desc) {
		strbuf_release(&d);
		return error("'description' of '%s' is empty", key);
	}
	x->rows++;
	if (!x->st) {
		ALLOC_GROW(x->keys, x->nkeys + 1, x->keys_alloc);
		SCPY(x->keys[x->nkeys].key, key);
		x->keys[x->nkeys++].line = row->line;
	} else {
		r = store_cpt_put(x->st, key, desc);
		if (r == MB_OK)
			r = store_search_put(x->st, "cpt", key, key, desc, "", true,
					     codes_search_base(CODE_CPT));
	}
	strbuf_release(&d);
	return r;
}

int codes_import_cpt(struct store *st, const char *path, struct code_import_result *out)
{
	struct cpt_ctx x = { NULL, 0, NULL, 0, 0 };
	struct store_code_set cs;
	uint64_t h;
	char fp[17];
	int ret = MB_ERROR;

	memset(out, 0, sizeof(*out));
	if (csv_parse_file(path, cpt_row, &x, &h) != MB_OK)
		goto cleanup;
	if (!x.rows) {
		error("'%s' holds no CPT codes", path);
		goto cleanup;
	}
	if (no_repeats(path, x.keys, x.nkeys, false) != MB_OK)
		goto cleanup;
	hex64(h, fp);
	SCPY(out->version, "licensed");
	out->records = out->codes = out->billable = x.rows;
	switch (store_code_set_by_fingerprint(st, "cpt", fp, out->version)) {
	case MB_OK:
		out->unchanged = true;
		ret = MB_OK;
		goto cleanup;
	case MB_NOTFOUND:
		break;
	default:
		goto cleanup;
	}
	if (begin(st) != MB_OK)
		goto cleanup;
	/* the licensed file is the whole set: it replaces the one before */
	x.st = st;
	x.rows = 0;
	ret = store_cpt_clear(st);
	if (ret == MB_OK)
		ret = csv_parse_file(path, cpt_row, &x, NULL);
	if (ret == MB_OK) {
		memset(&cs, 0, sizeof(cs));
		SCPY(cs.system, "cpt");
		SCPY(cs.version, "licensed");
		SCPY(cs.source, base_name(path));
		SCPY(cs.fingerprint, fp);
		cs.codes = x.rows;
		ret = store_code_set_put(st, &cs);
	}
	ret = finish(st, ret);
cleanup:
	free(x.keys);
	return ret;
}

struct sexage_ctx {
	struct store *st;	/* NULL: check only */
	int col[7];		/* system code_from code_to sex age_min age_max message */
	long rows;
};

static const char *const sexage_cols[] = {
	"system", "code_from", "code_to", "sex", "age_min", "age_max", "message",
};

static int age_field(const char *s, const char *name, int *out)
{
	char buf[16];
	char *end;
	long v;

	trimmed(s, buf, sizeof(buf));
	*out = -1;
	if (!buf[0])
		return MB_OK;
	v = strtol(buf, &end, 10);
	if (*end || v < 0 || v > 150)
		return error("'%s': '%s' is not an age in years (0 to 150)", name, buf);
	*out = (int)v;
	return MB_OK;
}

static int sexage_row(const struct csv_row *row, void *arg)
{
	struct sexage_ctx *x = arg;
	struct store_sexage_row r;
	char sys[32], sex[8], msg[256];
	const char *f[7];
	enum code_system es;
	size_t i;

	if (row->index == 0) {
		for (i = 0; i < ARRAY_SIZE(sexage_cols); i++) {
			x->col[i] = csv_column(row, sexage_cols[i]);
			if (x->col[i] < 0 && i != 0)
				return error("the header has no '%s' column (code_from,code_to,sex,"
					     "age_min,age_max,message; system optional)", sexage_cols[i]);
		}
		return MB_OK;
	}
	for (i = 0; i < ARRAY_SIZE(sexage_cols); i++)
		f[i] = x->col[i] >= 0 && (size_t)x->col[i] < row->nfields ? row->fields[x->col[i]] : "";
	memset(&r, 0, sizeof(r));
	trimmed(f[0], sys, sizeof(sys));
	if (!sys[0])
		SCPY(sys, "icd10cm");
	if (code_system_parse(sys, &es) != MB_OK)
		return MB_ERROR;
	if (es != CODE_ICD10CM && es != CODE_HCPCS && es != CODE_CPT)
		return error("'system': sex and age edits apply to icd10cm, hcpcs or cpt, not '%s'", sys);
	SCPY(r.system, code_system_name(es));
	if (codes_key(f[1], r.code_from) != MB_OK)
		return error_prefix("'code_from'");
	if (blank(f[2]))
		SCPY(r.code_to, r.code_from);
	else if (codes_key(f[2], r.code_to) != MB_OK)
		return error_prefix("'code_to'");
	if (strcmp(r.code_from, r.code_to) > 0)
		return error("'code_to': '%s' comes before 'code_from' '%s'", r.code_to, r.code_from);
	trimmed(f[3], sex, sizeof(sex));
	if (sex[0] && (sex[1] || (toupper((unsigned char)sex[0]) != 'M' &&
				  toupper((unsigned char)sex[0]) != 'F')))
		return error("'sex': '%s' is not M, F or empty", sex);
	r.sex = (char)toupper((unsigned char)sex[0]);
	if (age_field(f[4], "age_min", &r.age_min) != MB_OK ||
	    age_field(f[5], "age_max", &r.age_max) != MB_OK)
		return MB_ERROR;
	if (r.age_min >= 0 && r.age_max >= 0 && r.age_min > r.age_max)
		return error("'age_max' %d is less than 'age_min' %d", r.age_max, r.age_min);
	if (!r.sex && r.age_min < 0 && r.age_max < 0)
		return error("the edit for '%s' sets neither sex nor age", r.code_from);
	trimmed(f[6], msg, sizeof(msg));
	if (!msg[0])
		return error("'message' is empty");
	r.message = msg;
	x->rows++;
	return x->st ? store_sexage_put(x->st, &r) : MB_OK;
}

int codes_import_sex_age(struct store *st, const char *path, struct code_import_result *out)
{
	struct sexage_ctx x;
	struct store_code_set cs;
	uint64_t h;
	char fp[17];
	int ret;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	if (csv_parse_file(path, sexage_row, &x, &h) != MB_OK)
		return MB_ERROR;
	hex64(h, fp);
	SCPY(out->version, "1");
	out->records = out->codes = x.rows;
	switch (store_code_set_by_fingerprint(st, "sex-age", fp, out->version)) {
	case MB_OK:
		out->unchanged = true;
		return MB_OK;
	case MB_NOTFOUND:
		break;
	default:
		return MB_ERROR;
	}
	if (begin(st) != MB_OK)
		return MB_ERROR;
	memset(&x, 0, sizeof(x));
	x.st = st;
	ret = store_sexage_clear(st);
	if (ret == MB_OK)
		ret = csv_parse_file(path, sexage_row, &x, NULL);
	if (ret == MB_OK) {
		memset(&cs, 0, sizeof(cs));
		SCPY(cs.system, "sex-age");
		SCPY(cs.version, "1");
		SCPY(cs.source, base_name(path));
		SCPY(cs.fingerprint, fp);
		cs.codes = x.rows;
		ret = store_code_set_put(st, &cs);
	}
	return finish(st, ret);
}

/* ---- the shipped tables ---- */

/*
 * The CPT (Level I) modifiers, described in our own words, and the Level II
 * modifiers CMS added after the shipped 2019 HCPCS file (FQ, FR, FS, FT).
 * A HCPCS file imported later keeps its own wording of the Level II ones.
 */
static const struct {
	const char *code;
	const char *desc;
	mbdate_t effective;
} cpt_modifiers[] = {
	{ "22", "Increased procedural services: substantially more work than the procedure usually takes", 0 },
	{ "23", "Unusual anesthesia: general anesthesia for a procedure that usually needs local or none", 0 },
	{ "24", "Unrelated evaluation and management service by the same clinician during a "
		"postoperative period", 0 },
	{ "25", "Separate, significant evaluation and management service by the same clinician "
		"on the day of another procedure", 0 },
	{ "26", "Professional component only: the clinician's interpretation, not the equipment", 0 },
	{ "27", "One of several outpatient hospital evaluation and management encounters on the same date", 0 },
	{ "32", "Mandated service: required by a payer, a governmental, legislative or regulatory body", 0 },
	{ "33", "Preventive service: a recommended preventive service, or one that became diagnostic "
		"during it", 0 },
	{ "47", "Anesthesia given by the surgeon", 0 },
	{ "50", "Procedure done on both sides of the body in the same session", 0 },
	{ "51", "One of several procedures done in the same session", 0 },
	{ "52", "Reduced services: partly reduced or left out at the clinician's choice", 0 },
	{ "53", "Discontinued procedure: stopped because of a threat to the patient's well-being", 0 },
	{ "54", "Surgical care only: another clinician gives the pre- and postoperative care", 0 },
	{ "55", "Postoperative management only", 0 },
	{ "56", "Preoperative management only", 0 },
	{ "57", "Decision for surgery made at this evaluation and management visit", 0 },
	{ "58", "Staged or related procedure by the same clinician during the postoperative period", 0 },
	{ "59", "Procedure distinct from the others done the same day", 0 },
	{ "62", "Two surgeons, each doing a distinct part of one procedure", 0 },
	{ "63", "Procedure on an infant weighing less than 4 kg", 0 },
	{ "66", "Surgical team: several surgeons of different specialties working together", 0 },
	{ "73", "Outpatient hospital or surgery center procedure stopped before anesthesia", 0 },
	{ "74", "Outpatient hospital or surgery center procedure stopped after anesthesia", 0 },
	{ "76", "The same procedure repeated by the same clinician", 0 },
	{ "77", "The same procedure repeated by a different clinician", 0 },
	{ "78", "Unplanned return to the operating room by the same clinician for a related procedure "
		"during the postoperative period", 0 },
	{ "79", "Unrelated procedure by the same clinician during the postoperative period", 0 },
	{ "80", "Assistant surgeon", 0 },
	{ "81", "Minimum assistant surgeon", 0 },
	{ "82", "Assistant surgeon when no qualified resident surgeon is available", 0 },
	{ "90", "Laboratory test done by an outside (reference) laboratory", 0 },
	{ "91", "Laboratory test repeated the same day to obtain a new result", 0 },
	{ "92", "Laboratory test done on a single-use, portable kit or instrument", 0 },
	{ "93", "Synchronous telemedicine service by audio only", 20220101 },
	{ "95", "Synchronous telemedicine service by real-time audio and video", 20170101 },
	{ "96", "Habilitative service: helps the patient gain a skill not yet learned", 20170101 },
	{ "97", "Rehabilitative service: helps the patient regain a skill lost or impaired", 20170101 },
	{ "99", "Multiple modifiers: more than the line can carry apply", 0 },
	{ "1P", "Performance measure not met for a medical reason", 0 },
	{ "2P", "Performance measure not met for a patient's reason", 0 },
	{ "3P", "Performance measure not met for a reason of the system", 0 },
	{ "8P", "Performance measure action not performed, reason not otherwise given", 0 },
	{ "TC", "Technical component only: equipment, supplies and staff, without interpretation", 0 },
	{ "XE", "Distinct because it took place at a separate encounter", 20150101 },
	{ "XS", "Distinct because it was done on a separate organ or structure", 20150101 },
	{ "XP", "Distinct because a different practitioner performed it", 20150101 },
	{ "XU", "Distinct because it does not overlap the usual parts of the main service", 20150101 },
	{ "FQ", "Service given by audio-only communication technology", 20230101 },
	{ "FR", "The supervising clinician was present through two-way audio and video", 20230101 },
	{ "FS", "Split (or shared) evaluation and management visit", 20220101 },
	{ "FT", "Unrelated evaluation and management visit on the day of a procedure or during its "
		"postoperative period", 20220101 },
};

/* MM/DD/YYYY (the shipped tables' form) or YYYY-MM-DD; "" is 0. */
static int csv_date(const char *s, const char *what, mbdate_t *out)
{
	char buf[16];
	int m, d, y, n = 0;

	trimmed(s, buf, sizeof(buf));
	*out = 0;
	if (!buf[0])
		return MB_OK;
	if (sscanf(buf, "%2d/%2d/%4d%n", &m, &d, &y, &n) == 3 && !buf[n]) {
		*out = y * 10000 + m * 100 + d;
		if (!date_valid(*out))
			return error("'%s': '%s' is not a real date", what, buf);
		return MB_OK;
	}
	return date_parse(buf, out, what);
}

struct ref_ctx {
	struct store *st;
	const char *list;
	const char *source;
	bool replace;
	int64_t base;		/* search ids; 0: not searchable */
	int col[6];		/* code description effective deactivated modified notes */
	long rows;
};

static const char *const ref_cols[] = {
	"code", "description", "effective_date", "deactivation_date", "last_modified_date", "notes",
};

static int ref_row(const struct csv_row *row, void *arg)
{
	struct ref_ctx *x = arg;
	struct store_ref_row r;
	char code[32];
	const char *f[6];
	struct strbuf desc = STRBUF_INIT, notes = STRBUF_INIT;
	size_t i;
	int ret = MB_ERROR;

	if (row->index == 0) {
		for (i = 0; i < ARRAY_SIZE(ref_cols); i++) {
			x->col[i] = csv_column(row, ref_cols[i]);
			if (x->col[i] < 0 && i < 2)
				return error("the header has no '%s' column", ref_cols[i]);
		}
		return MB_OK;
	}
	for (i = 0; i < ARRAY_SIZE(ref_cols); i++)
		f[i] = x->col[i] >= 0 && (size_t)x->col[i] < row->nfields ? row->fields[x->col[i]] : "";
	memset(&r, 0, sizeof(r));
	trimmed(f[0], code, sizeof(code));
	strbuf_adds(&desc, f[1]);
	strbuf_adds(&notes, f[5]);
	r.description = strtrim(desc.buf ? desc.buf : (char *)"");
	r.notes = notes.buf ? strtrim(notes.buf) : NULL;
	/* place of service keeps only assigned two-digit codes */
	if (!strcmp(x->list, "pos") &&
	    (strlen(code) != 2 || !str_is_digits(code) || !strcasecmp(r.description, "UNASSIGNED"))) {
		ret = MB_OK;
		goto cleanup;
	}
	if (codes_key(code, r.code) != MB_OK)
		goto cleanup;
	if (!*r.description) {
		error("'description' of '%s' is empty", code);
		goto cleanup;
	}
	if (csv_date(f[2], "effective_date", &r.effective) != MB_OK ||
	    csv_date(f[3], "deactivation_date", &r.deactivated) != MB_OK ||
	    csv_date(f[4], "last_modified_date", &r.modified) != MB_OK)
		goto cleanup;
	SCPY(r.list, x->list);
	SCPY(r.source, x->source);
	if (store_ref_put(x->st, &r, x->replace) != MB_OK)
		goto cleanup;
	if (x->base) {
		struct store_ref_row now;

		/* index what the table holds (an earlier file may have won) */
		if (store_ref_get(x->st, x->list, r.code, &now) != MB_OK)
			goto cleanup;
		ret = store_search_put(x->st, x->list, now.code, now.code, now.description, "",
				       !now.deactivated, x->base);
		store_ref_row_release(&now);
		if (ret != MB_OK)
			goto cleanup;
	}
	x->rows++;
	ret = MB_OK;
cleanup:
	strbuf_release(&desc);
	strbuf_release(&notes);
	return ret;
}

struct tax_ctx {
	struct store *st;
	int col[7];
	long rows;
};

static const char *const tax_cols[] = {
	"Code", "Grouping", "Classification", "Specialization", "Display Name", "Section", "Definition",
};

static int tax_row(const struct csv_row *row, void *arg)
{
	struct tax_ctx *x = arg;
	struct store_taxonomy_row r;
	char *v[7];
	size_t i;
	int ret = MB_ERROR;

	if (row->index == 0) {
		for (i = 0; i < ARRAY_SIZE(tax_cols); i++)
			if ((x->col[i] = csv_column(row, tax_cols[i])) < 0)
				return error("the header has no '%s' column", tax_cols[i]);
		return MB_OK;
	}
	for (i = 0; i < ARRAY_SIZE(tax_cols); i++)
		v[i] = strtrim(xstrdup((size_t)x->col[i] < row->nfields ? row->fields[x->col[i]] : ""));
	memset(&r, 0, sizeof(r));
	if (strlen(v[0]) != 10) {
		error("'Code': '%s' is not a 10-character taxonomy code", v[0]);
		goto cleanup;
	}
	if (codes_key(v[0], r.code) != MB_OK)
		goto cleanup;
	r.grouping = v[1];
	r.classification = v[2];
	r.specialization = v[3];
	r.display_name = v[4];
	r.section = v[5];
	r.definition = v[6];
	ret = store_taxonomy_put(x->st, &r);
	x->rows++;
cleanup:
	for (i = 0; i < ARRAY_SIZE(tax_cols); i++)
		free(v[i]);
	return ret;
}

static int load_list(struct store *st, const char *dir, const char *file, const char *list,
		     const char *source, bool replace, enum code_system searchable)
{
	struct ref_ctx x;
	struct strbuf path = STRBUF_INIT;
	int r;

	memset(&x, 0, sizeof(x));
	x.st = st;
	x.list = list;
	x.source = source;
	x.replace = replace;
	x.base = (int)searchable >= 0 ? codes_search_base(searchable) : 0;
	strbuf_addf(&path, "%s/codes/%s", dir, file);
	r = csv_parse_file(path.buf, ref_row, &x, NULL);
	strbuf_release(&path);
	return r;
}

int codes_load_shipped(struct store *st, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	struct tax_ctx tx;
	size_t i;
	int ret = MB_ERROR;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	/* CARC: the X12 list with its dates first, then the newer codes of the CMS list */
	if (load_list(st, dir, "carc.csv", "carc", "X12 CARC (hippo_eyeDoc)", true, CODE_CARC) != MB_OK ||
	    load_list(st, dir, "ansi-rsn-cd.csv", "carc", "CMS BFD", false, CODE_CARC) != MB_OK ||
	    load_list(st, dir, "rarc.csv", "rarc", "X12 RARC (hippo_eyeDoc)", true, CODE_RARC) != MB_OK ||
	    load_list(st, dir, "ansi-grp-cd.csv", "group", "CMS BFD", true, CODE_ANY) != MB_OK ||
	    load_list(st, dir, "clm-pos-cd.csv", "pos", "CMS BFD", true, CODE_POS) != MB_OK ||
	    load_list(st, dir, "claim_status_category_507.csv", "csc507", "X12 507 (hippo_eyeDoc)",
		      true, CODE_ANY) != MB_OK ||
	    load_list(st, dir, "claim_status_508.csv", "csc508", "X12 508 (hippo_eyeDoc)",
		      true, CODE_ANY) != MB_OK ||
	    load_list(st, dir, "service_type_1365.csv", "stc1365", "X12 1365 (hippo_eyeDoc)",
		      true, CODE_ANY) != MB_OK ||
	    load_list(st, dir, "hcpcs_modifiers_2019.csv", "modifier", "CMS HCPCS 2019", false,
		      CODE_MODIFIER) != MB_OK)
		goto cleanup;
	memset(&tx, 0, sizeof(tx));
	tx.st = st;
	strbuf_addf(&path, "%s/codes/nucc_taxonomy_240.csv", dir);
	if (csv_parse_file(path.buf, tax_row, &tx, NULL) != MB_OK)
		goto cleanup;
	/* the CPT modifiers; a HCPCS file's wording of TC, the X and the F modifiers is kept */
	for (i = 0; i < ARRAY_SIZE(cpt_modifiers); i++) {
		struct store_ref_row r;
		struct store_ref_row now;
		int rc;

		memset(&r, 0, sizeof(r));
		SCPY(r.list, "modifier");
		SCPY(r.code, cpt_modifiers[i].code);
		r.description = (char *)cpt_modifiers[i].desc;
		r.effective = cpt_modifiers[i].effective;
		SCPY(r.source, "medbill");
		if (store_ref_put(st, &r, false) != MB_OK ||
		    store_ref_get(st, "modifier", r.code, &now) != MB_OK)
			goto cleanup;
		rc = store_search_put(st, "modifier", now.code, now.code, now.description, "",
				      !now.deactivated, codes_search_base(CODE_MODIFIER));
		store_ref_row_release(&now);
		if (rc != MB_OK)
			goto cleanup;
	}
	ret = MB_OK;
cleanup:
	strbuf_release(&path);
	if (ret != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}
