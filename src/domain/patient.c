/*
 * patient.c: rules for patients and coverages, and patient search.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/store_entities.h"
#include "medbill/util.h"
#include "medbill/validate.h"

/* ---- patients ---- */

void patient_normalize(struct patient *p)
{
	normalize_code(p->account);
	strtrim(p->last);
	strtrim(p->first);
	strtrim(p->middle);
	p->sex = (char)toupper((unsigned char)p->sex);
	normalize_address(&p->addr);
	normalize_digits(p->phone);
}

/* A date of birth: real and not after today. */
static int validate_dob(mbdate_t d, const char *field)
{
	char iso[DATE_ISO_LEN];

	if (!d)
		return error("'%s' is required", field);
	if (!date_valid(d))
		return error("'%s': %d is not a real date", field, (int)d);
	if (d > date_today()) {
		date_iso(d, iso);
		return error("'%s': %s is in the future", field, iso);
	}
	return MB_OK;
}

static int validate_account(const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-')
			return error("'account': '%s' may hold only letters, digits and '-'", s);
	return MB_OK;
}

int patient_validate(const struct patient *p)
{
	if (validate_account(p->account) != MB_OK ||
	    validate_text(p->last, "last name", true) != MB_OK ||
	    validate_text(p->first, "first name", true) != MB_OK ||
	    validate_text(p->middle, "middle name", false) != MB_OK ||
	    validate_dob(p->dob, "dob") != MB_OK ||
	    validate_sex(p->sex, "sex") != MB_OK ||
	    validate_address(&p->addr, "address", false) != MB_OK)
		return MB_ERROR;
	if (p->phone[0] && validate_phone(p->phone, "phone") != MB_OK)
		return MB_ERROR;
	if (p->guarantor && p->guarantor == p->id)
		return error("'guarantor': a patient is not their own guarantor: leave it empty");
	return MB_OK;
}

/* The account is unused by another patient; the guarantor exists. */
static int patient_check_refs(struct store *st, const struct patient *p, bool restoring)
{
	struct patient other;
	int rc = store_patient_get_by_account(st, p->account, &other);

	if (rc == MB_OK && other.id != p->id)
		return error("'account': '%s' is already used by patient %lld", p->account,
			     (long long)other.id);
	if (rc == MB_ERROR)
		return MB_ERROR;
	if (!p->guarantor || (restoring && p->guarantor > p->id))
		return MB_OK;
	rc = store_patient_get(st, p->guarantor, &other);
	if (rc == MB_NOTFOUND)
		return error("'guarantor': no patient %lld", (long long)p->guarantor);
	return rc;
}

static int patient_insert(struct store *st, struct patient *p)
{
	bool restoring = p->id != 0;

	if (!p->account[0]) {
		if (!p->id)
			p->id = store_patient_next_id(st);
		snprintf(p->account, sizeof(p->account), "P%07lld", (long long)p->id);
	}
	if (patient_check_refs(st, p, restoring) != MB_OK)
		return MB_ERROR;
	return store_patient_insert(st, p);
}

int patient_add(struct store *st, struct patient *p)
{
	patient_normalize(p);
	if (patient_validate(p) != MB_OK)
		return MB_ERROR;
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (patient_insert(st, p) != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}

int patient_update(struct store *st, struct patient *p)
{
	int rc;

	patient_normalize(p);
	if (!p->id)
		return error("'patient': no id to update");
	if (!p->account[0])
		return error("'account' is required");
	if (patient_validate(p) != MB_OK)
		return MB_ERROR;
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	rc = patient_check_refs(st, p, false);
	if (rc == MB_OK)
		rc = store_patient_update(st, p);
	if (rc != MB_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int patient_get(struct store *st, int64_t id, struct patient *out)
{
	return store_patient_get(st, id, out);
}

int patient_get_by_account(struct store *st, const char *account, struct patient *out)
{
	char acct[sizeof(out->account)];

	SCPY(acct, account);
	return store_patient_get_by_account(st, normalize_code(acct), out);
}

int patient_foreach(struct store *st, patient_fn fn, void *arg)
{
	return store_patient_foreach(st, fn, arg);
}

/* ---- search ---- */

#define SEARCH_EXACT_MAX 16	/* exact matches remembered to skip them later */

struct search {
	patient_fn fn;
	void *arg;
	int left;		/* rows still wanted; -1: no limit */
	int64_t exact[SEARCH_EXACT_MAX];
	int nexact;
	bool collecting;	/* remember ids (exact matches) */
};

static bool search_seen(const struct search *s, int64_t id)
{
	int i;

	for (i = 0; i < s->nexact; i++)
		if (s->exact[i] == id)
			return true;
	return false;
}

static int search_emit(const struct patient *p, void *arg)
{
	struct search *s = arg;
	int rc;

	if (s->left == 0)
		return MB_NOTFOUND;	/* stop: enough rows */
	if (search_seen(s, p->id))
		return MB_OK;
	if (s->collecting && s->nexact < SEARCH_EXACT_MAX)
		s->exact[s->nexact++] = p->id;
	if ((rc = s->fn(p, s->arg)) != MB_OK)
		return rc;
	if (s->left > 0)
		s->left--;
	return MB_OK;
}

/* The walk's result: "enough rows" is not a failure. */
static int search_result(const struct search *s, int rc)
{
	return (rc == MB_NOTFOUND && s->left == 0) ? MB_OK : rc;
}

/* "YYYY-MM-DD", "YYYYMMDD" or "MM/DD/YYYY" (also M/D/YYYY); 0 when not a date. */
static mbdate_t search_date(const char *t)
{
	int m, d, y, n = 0;
	mbdate_t v;

	if (strchr(t, '/')) {
		if (sscanf(t, "%2d/%2d/%4d%n", &m, &d, &y, &n) != 3 || t[n] || y < 1000)
			return 0;
		v = y * 10000 + m * 100 + d;
		return date_valid(v) ? v : 0;
	}
	if ((strlen(t) == 10 && t[4] == '-' && t[7] == '-') || (strlen(t) == 8 && str_is_digits(t)))
		return date_parse(t, &v, "text") == MB_OK ? v : 0;
	return 0;
}

static int search_names(struct store *st, struct search *s, char *text)
{
	char *comma = strchr(text, ',');
	const char *first = "";
	int limit = s->left < 0 ? -1 : s->left + s->nexact;

	if (comma) {
		*comma = '\0';
		first = strtrim(comma + 1);
		strtrim(text);
		if (!*text)
			return error("'text': give a last name before the comma");
	}
	return store_patient_by_name(st, text, first, limit, search_emit, s);
}

static int search_exact(struct store *st, struct search *s, const char *text)
{
	char code[81];
	struct patient p;
	int rc;

	SCPY(code, text);
	normalize_code(code);
	s->collecting = true;
	rc = store_patient_get_by_account(st, code, &p);
	if (rc == MB_OK)
		rc = search_emit(&p, s);
	else if (rc == MB_NOTFOUND)
		rc = MB_OK;
	if (rc == MB_OK)
		rc = store_patient_by_member(st, code, SEARCH_EXACT_MAX, search_emit, s);
	s->collecting = false;
	return rc;
}

int patient_search(struct store *st, const char *text, int limit, patient_fn fn, void *arg)
{
	struct search s = { .fn = fn, .arg = arg, .left = limit > 0 ? limit : -1 };
	char buf[128];
	mbdate_t dob;
	int rc;

	SCPY(buf, text ? text : "");
	strtrim(buf);
	if (!buf[0])
		return error("'text' is required: a name, account, member ID or date of birth");
	dob = search_date(buf);
	if (dob)
		return search_result(&s, store_patient_by_dob(st, dob, s.left, search_emit, &s));
	if (!strchr(buf, ',')) {
		rc = search_exact(st, &s, buf);
		if (rc != MB_OK)
			return search_result(&s, rc);
	}
	return search_result(&s, search_names(st, &s, buf));
}

/* ---- coverages ---- */

void coverage_normalize(struct coverage *c)
{
	normalize_code(c->member_id);
	strtrim(c->group_no);
	normalize_code(c->relationship);
	normalize_code(c->insurance_type);
	if (!c->relationship[0])
		SCPY(c->relationship, REL_SELF);
	strtrim(c->sub_last);
	strtrim(c->sub_first);
	strtrim(c->sub_middle);
	c->sub_sex = (char)toupper((unsigned char)c->sub_sex);
	normalize_address(&c->sub_addr);
}

static int coverage_validate_subscriber(const struct coverage *c)
{
	if (validate_text(c->sub_last, "subscriber last name", true) != MB_OK ||
	    validate_text(c->sub_first, "subscriber first name", true) != MB_OK ||
	    validate_text(c->sub_middle, "subscriber middle name", false) != MB_OK ||
	    validate_dob(c->sub_dob, "subscriber dob") != MB_OK ||
	    validate_sex(c->sub_sex, "subscriber sex") != MB_OK ||
	    validate_address(&c->sub_addr, "subscriber address", false) != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

static int coverage_validate_dates(const struct coverage *c)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (!c->effective)
		return error("'effective' is required");
	if (!date_valid(c->effective))
		return error("'effective': %d is not a real date", (int)c->effective);
	if (!c->end)
		return MB_OK;
	if (!date_valid(c->end))
		return error("'end': %d is not a real date", (int)c->end);
	if (c->end < c->effective) {
		date_iso(c->end, a);
		date_iso(c->effective, b);
		return error("'end': %s is before the effective date %s", a, b);
	}
	return MB_OK;
}

int coverage_validate(const struct coverage *c)
{
	if (!c->patient)
		return error("'patient' is required");
	if (!c->payer)
		return error("'payer' is required");
	if (c->seq < 1 || c->seq > 3)
		return error("'seq': %d is not 1 (primary), 2 (secondary) or 3 (tertiary)", c->seq);
	if (validate_text(c->member_id, "member id", true) != MB_OK ||
	    validate_text(c->group_no, "group number", false) != MB_OK ||
	    validate_relationship(c->relationship, "relationship") != MB_OK ||
	    (c->insurance_type[0] &&
	     validate_insurance_type(c->insurance_type, "insurance type") != MB_OK) ||
	    coverage_validate_dates(c) != MB_OK)
		return MB_ERROR;
	if (strlen(c->member_id) < 2)
		return error("'member id': '%s' is shorter than 2 characters", c->member_id);
	if (strcmp(c->relationship, REL_SELF) && coverage_validate_subscriber(c) != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

static const char *seq_name(int seq)
{
	return seq == 1 ? "primary" : seq == 2 ? "secondary" : "tertiary";
}

/* The patient and payer exist; no same-seq coverage overlaps c's dates. */
static int coverage_check_refs(struct store *st, const struct coverage *c)
{
	struct patient p;
	struct payer y;
	struct coverage other;
	char from[DATE_ISO_LEN];
	int rc;

	if ((rc = store_patient_get(st, c->patient, &p)) != MB_OK)
		return rc == MB_NOTFOUND ? error("'patient': no patient %lld", (long long)c->patient) : rc;
	if ((rc = store_payer_get(st, c->payer, &y)) != MB_OK)
		return rc == MB_NOTFOUND ? error("'payer': no payer %lld", (long long)c->payer) : rc;
	rc = store_coverage_overlap(st, c, &other);
	if (rc == MB_NOTFOUND)
		return MB_OK;
	if (rc != MB_OK)
		return MB_ERROR;
	date_iso(other.effective, from);
	return error("'seq': the patient's %s coverage %lld (from %s) overlaps these dates",
		     seq_name(c->seq), (long long)other.id, from);
}

static int coverage_write(struct store *st, struct coverage *c, bool insert)
{
	int rc;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	rc = coverage_check_refs(st, c);
	if (rc == MB_OK)
		rc = insert ? store_coverage_insert(st, c) : store_coverage_update(st, c);
	if (rc != MB_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int coverage_add(struct store *st, struct coverage *c)
{
	coverage_normalize(c);
	if (coverage_validate(c) != MB_OK)
		return MB_ERROR;
	return coverage_write(st, c, true);
}

/*
 * Claims and balances follow a coverage's payer: once any is billed to it,
 * its payer, patient and order stay as they are. A new plan is a new
 * coverage (end this one).
 */
static int coverage_keeps_owner(struct store *st, const struct coverage *c)
{
	struct coverage old;
	int used;

	if (store_coverage_get(st, c->id, &old) != MB_OK)
		return MB_ERROR;
	if (old.payer == c->payer && old.patient == c->patient && old.seq == c->seq)
		return MB_OK;
	used = store_coverage_in_use(st, c->id);
	if (used < 0)
		return MB_ERROR;
	if (used)
		return error("'payer': coverage %lld has claims: end it and add a new coverage "
			     "instead of changing its payer, patient or order", (long long)c->id);
	return MB_OK;
}

int coverage_update(struct store *st, struct coverage *c)
{
	coverage_normalize(c);
	if (!c->id)
		return error("'coverage': no id to update");
	if (coverage_validate(c) != MB_OK)
		return MB_ERROR;
	if (coverage_keeps_owner(st, c) != MB_OK)
		return MB_ERROR;
	return coverage_write(st, c, false);
}

int coverage_get(struct store *st, int64_t id, struct coverage *out)
{
	return store_coverage_get(st, id, out);
}

struct coverage_vec {
	struct coverage *v;
	int n;
	size_t alloc;
};

static int coverage_collect(const struct coverage *c, void *arg)
{
	struct coverage_vec *cv = arg;

	ALLOC_GROW(cv->v, (size_t)cv->n + 1, cv->alloc);
	cv->v[cv->n++] = *c;
	return MB_OK;
}

int coverage_list(struct store *st, int64_t patient, struct coverage **out, int *n)
{
	struct coverage_vec cv = { 0 };

	*out = NULL;
	*n = 0;
	if (store_coverage_foreach_patient(st, patient, coverage_collect, &cv) != MB_OK) {
		free(cv.v);
		return MB_ERROR;
	}
	*out = cv.v;
	*n = cv.n;
	return MB_OK;
}

int coverage_foreach(struct store *st, coverage_fn fn, void *arg)
{
	return store_coverage_foreach(st, fn, arg);
}

int coverage_active_on(struct store *st, int64_t patient, int seq, mbdate_t d, struct coverage *out)
{
	char iso[DATE_ISO_LEN];
	int rc = store_coverage_active_on(st, patient, seq, d, out);

	if (rc == MB_NOTFOUND) {
		date_iso(d, iso);
		return error_notfound("patient %lld has no %s coverage on %s", (long long)patient,
				      seq >= 1 && seq <= 3 ? seq_name(seq) : "such", iso);
	}
	return rc;
}

bool coverage_covers(const struct coverage *c, mbdate_t d)
{
	return d >= c->effective && (!c->end || d <= c->end);
}

int coverage_check_date(const struct coverage *c, mbdate_t d, const char *field)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN], e[DATE_ISO_LEN];

	if (coverage_covers(c, d))
		return MB_OK;
	date_iso(d, a);
	date_iso(c->effective, b);
	if (!c->end)
		return error("'%s': coverage %lld is not active on %s (it starts %s)", field,
			     (long long)c->id, a, b);
	date_iso(c->end, e);
	return error("'%s': coverage %lld is not active on %s (it runs %s to %s)", field,
		     (long long)c->id, a, b, e);
}
