/*
 * scrub.c: the claim scrubber. The edits (their severity, message and fix)
 * are rows of the edits table; this file holds the checks the built-in
 * edits name and the evaluation of the generic ones.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/codes.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "medbill/store_batch.h"
#include "medbill/validate.h"
#include "medbill/x12.h"
#include "medbill/util.h"

static const char *const severity_names[] = {
	[SCRUB_ERROR] = "error",
	[SCRUB_WARNING] = "warning",
	[SCRUB_OFF] = "off",
};

const char *scrub_severity_name(enum scrub_severity s)
{
	return (unsigned)s < ARRAY_SIZE(severity_names) ? severity_names[s] : "?";
}

int scrub_severity_parse(const char *s, enum scrub_severity *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(severity_names); i++) {
		if (s && !strcmp(s, severity_names[i])) {
			*out = (enum scrub_severity)i;
			return MB_OK;
		}
	}
	return error("'severity': '%s' is not error, warning or off", s ? s : "");
}

void scrub_result_reset(struct scrub_result *r, int64_t claim)
{
	r->claim = claim;
	r->errors = r->warnings = 0;
	r->n = 0;
}

void scrub_result_release(struct scrub_result *r)
{
	free(r->f);
	memset(r, 0, sizeof(*r));
}

void claim_data_init(struct claim_data *cd)
{
	memset(cd, 0, sizeof(*cd));
}

void claim_data_release(struct claim_data *cd)
{
	free(cd->enc.charges);
	memset(cd, 0, sizeof(*cd));
}

/* ---- message templates ---- */

void scrub_render(char *dst, size_t n, const char *tpl, const char *const *names,
		  const char *const *values, size_t nvalues)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = tpl, *close;
	size_t i, len;

	while (*p) {
		if (*p == '{' && (close = strchr(p + 1, '}')) != NULL) {
			len = (size_t)(close - p - 1);
			for (i = 0; i < nvalues; i++)
				if (strlen(names[i]) == len && !strncmp(p + 1, names[i], len))
					break;
			if (i < nvalues) {
				strbuf_adds(&sb, values[i] ? values[i] : "");
				p = close + 1;
				continue;
			}
		}
		strbuf_addch(&sb, *p++);
	}
	strlcpy0(dst, strbuf_str(&sb), n);
	strbuf_release(&sb);
}

/* ---- a small cache of code-set verdicts ---- */

struct verdict {
	char key[CODE_LEN + 3];	/* tag letters + code */
	int32_t when;		/* the date (or fiscal year) it was asked for */
	signed char status;	/* enum code_status; -1: empty slot */
};

struct verdicts {
	struct verdict *v;
	size_t cap, used;
};

static uint32_t verdict_hash(const char *key, int32_t when)
{
	uint32_t h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	h = (h ^ (uint32_t)when) * 16777619u;
	return h;
}

/* A verdict key: one or two tag characters, then the code. */
static void verdict_key(char key[CODE_LEN + 3], char tag, char tag2, const char *code)
{
	size_t n = 0, i;

	key[n++] = tag;
	if (tag2)
		key[n++] = tag2;
	for (i = 0; code[i] && n < CODE_LEN + 2; i++)
		key[n++] = code[i];
	key[n] = '\0';
}

static struct verdict *verdict_slot(struct verdicts *c, const char *key, int32_t when)
{
	size_t i, mask;

	if (!c->cap || (c->used + 1) * 2 > c->cap) {
		struct verdict *old = c->v;
		size_t oldcap = c->cap, j;

		c->cap = oldcap ? oldcap * 2 : 256;
		c->v = xcalloc(c->cap, sizeof(*c->v));
		for (j = 0; j < c->cap; j++)
			c->v[j].status = -1;
		c->used = 0;
		for (j = 0; j < oldcap; j++) {
			if (old[j].status < 0)
				continue;
			*verdict_slot(c, old[j].key, old[j].when) = old[j];
			c->used++;
		}
		free(old);
	}
	mask = c->cap - 1;
	for (i = verdict_hash(key, when) & mask;; i = (i + 1) & mask)
		if (c->v[i].status < 0 || (c->v[i].when == when && !strcmp(c->v[i].key, key)))
			return &c->v[i];
}

/* ---- the scrubber ---- */

struct scrubber {
	struct store *st;
	struct scrub_edit *edits;
	size_t nedits;
	struct practice practice;
	bool have_practice;
	struct x12_delims delims;
	mbdate_t today;
	struct verdicts verdicts;
	int icd_newest;		/* the newest ICD-10-CM fiscal year loaded; 0: none */
	/* The billing provider's failed edits, found once and replayed on every claim. */
	struct bill_finding {
		char code[SCRUB_CODE_LEN];
		char value[64];
		char detail[48];
	} bill[24];
	int nbill;
	bool warned_no_icd;
	int warned_fy[8];	/* fiscal years already warned about */
};

/* The edit that applies for code and payer: the payer's own row, else the general one. */
static const struct scrub_edit *edit_find(const struct scrubber *s, const char *code, int64_t payer)
{
	const struct scrub_edit *general = NULL;
	size_t i;

	for (i = 0; i < s->nedits; i++) {
		const struct scrub_edit *e = &s->edits[i];

		if (strcmp(e->code, code))
			continue;
		if (payer && e->payer == payer)
			return e;
		if (!e->payer)
			general = e;
	}
	return general;
}

/* What one check found: the values its template may name. */
struct ctx {
	struct scrubber *s;
	const struct claim_data *cd;
	struct scrub_result *res;
	bool recording;		/* note the billing provider's failures in s->bill instead */
	char dos[DATE_ISO_LEN];
};

static void add_finding(struct ctx *x, const struct scrub_edit *e, int line, const char *value,
			const char *n, const char *max, const char *detail)
{
	static const char *const names[] = { "value", "line", "n", "max", "dos", "payer", "field", "detail" };
	const char *values[ARRAY_SIZE(names)];
	struct scrub_result *r = x->res;
	struct scrub_finding *f;
	char linebuf[16];

	if (!e || e->severity == SCRUB_OFF)
		return;
	snprintf(linebuf, sizeof(linebuf), "%d", line);
	values[0] = value;
	values[1] = linebuf;
	values[2] = n;
	values[3] = max;
	values[4] = x->dos;
	values[5] = x->cd->payer.name[0] ? x->cd->payer.name : "the payer";
	values[6] = detail;	/* the field itself may name a value: "{field}" of DELIMITER */
	values[7] = detail;
	ALLOC_GROW(r->f, r->n + 1, r->alloc);
	f = &r->f[r->n++];
	memset(f, 0, sizeof(*f));
	f->claim = r->claim;
	f->seq = (int)r->n;
	SCPY(f->code, e->code);
	f->severity = e->severity;
	f->line = line;
	scrub_render(f->field, sizeof(f->field), e->field, names, values, ARRAY_SIZE(names));
	values[6] = f->field;
	scrub_render(f->message, sizeof(f->message), e->message, names, values, ARRAY_SIZE(names));
	scrub_render(f->fix, sizeof(f->fix), e->fix, names, values, ARRAY_SIZE(names));
	if (f->severity == SCRUB_ERROR)
		r->errors++;
	else
		r->warnings++;
}

/* While the billing provider is checked once (scrub_open()), failures are noted to replay. */
static bool record(struct ctx *x, const char *code, const char *value, const char *detail)
{
	struct bill_finding *b;

	if (!x->recording)
		return false;
	if (x->s->nbill < (int)ARRAY_SIZE(x->s->bill)) {
		b = &x->s->bill[x->s->nbill++];
		SCPY(b->code, code);
		SCPY(b->value, value ? value : "");
		SCPY(b->detail, detail ? detail : "");
	}
	return true;
}

/* Report built-in edit 'code' (on line, 0 for the claim). */
static void flag(struct ctx *x, const char *code, int line, const char *value)
{
	if (record(x, code, value, NULL))
		return;
	add_finding(x, edit_find(x->s, code, x->cd->payer.id), line, value, NULL, NULL, NULL);
}

static void flag_n(struct ctx *x, const char *code, int line, const char *value, long n, long max)
{
	char nb[24], mb[24];

	snprintf(nb, sizeof(nb), "%ld", n);
	snprintf(mb, sizeof(mb), "%ld", max);
	add_finding(x, edit_find(x->s, code, x->cd->payer.id), line, value, nb, mb, NULL);
}

/* Refuse text holding an X12 delimiter: the writer would have to change it. */
static void check_text(struct ctx *x, const char *s, const char *what, int line)
{
	const struct x12_delims *d = &x->s->delims;
	char ch[2] = { 0, 0 };
	const char *p;

	if (!s || !*s || !x12_has_delimiter(s, d))
		return;
	for (p = s; *p; p++)
		if (*p == d->element || *p == d->component || *p == d->repetition || *p == d->segment)
			break;
	ch[0] = *p;
	if (record(x, "DELIMITER", ch, what))
		return;
	add_finding(x, edit_find(x->s, "DELIMITER", x->cd->payer.id), line, ch, NULL, NULL, what);
}

static void check_address_text(struct ctx *x, const struct address *a, const char *who)
{
	const struct x12_delims *d = &x->s->delims;
	char what[64];

	if (!x12_has_delimiter(a->line1, d) && !x12_has_delimiter(a->line2, d) &&
	    !x12_has_delimiter(a->city, d))
		return;
	snprintf(what, sizeof(what), "%s address", who);
	check_text(x, a->line1, what, 0);
	check_text(x, a->line2, what, 0);
	check_text(x, a->city, what, 0);
}

/* The first missing part of an address ("street", "city", "state", "ZIP"), or NULL. */
static const char *address_gap(const struct address *a)
{
	if (str_empty(a->line1))
		return "street";
	if (str_empty(a->city))
		return "city";
	if (validate_state(a->state, "state") != MB_OK)
		return "valid state";
	if (str_empty(a->zip))
		return "ZIP code";
	return NULL;
}

static bool zip_ok(const char *zip, bool nine)
{
	size_t n = strlen(zip);

	return str_is_digits(zip) && (n == 9 || (!nine && n == 5));
}

static bool po_box(const char *line)
{
	char up[64];
	const char *p;

	SCPY(up, line);
	strupper(up);
	for (p = up; *p; p++) {
		if (p != up && isalnum((unsigned char)p[-1]))
			continue;
		if (!strncmp(p, "PO BOX", 6) || !strncmp(p, "P.O. BOX", 8) || !strncmp(p, "P O BOX", 7) ||
		    !strncmp(p, "POST OFFICE BOX", 15) || !strncmp(p, "LOCK BOX", 8))
			return true;
	}
	return false;
}

static void check_billing(struct ctx *x)
{
	const struct practice *p = &x->s->practice;
	const char *gap;

	if (!x->s->have_practice) {
		flag(x, "BILL_NAME", 0, "");
		flag(x, "BILL_NPI", 0, "");
		return;
	}
	if (str_empty(p->name))
		flag(x, "BILL_NAME", 0, "");
	check_text(x, p->name, "billing provider name", 0);
	if (str_empty(p->npi))
		flag(x, "BILL_NPI", 0, "");
	else if (validate_npi(p->npi, "npi") != MB_OK)
		flag(x, "BILL_NPI_CHECK", 0, p->npi);
	if (validate_ein(p->ein, "ein") != MB_OK)
		flag(x, "BILL_EIN", 0, p->ein);
	if (validate_taxonomy(p->taxonomy, "taxonomy") != MB_OK)
		flag(x, "BILL_TAXONOMY", 0, p->taxonomy);
	if ((gap = address_gap(&p->addr)) != NULL)
		flag(x, "BILL_ADDRESS", 0, gap);
	else if (!zip_ok(p->addr.zip, true))
		flag(x, "BILL_ZIP9", 0, p->addr.zip);
	if (po_box(p->addr.line1) || po_box(p->addr.line2))
		flag(x, "BILL_PO_BOX", 0, po_box(p->addr.line1) ? p->addr.line1 : p->addr.line2);
	check_address_text(x, &p->addr, "billing provider");
	if (p->has_payto) {
		if ((gap = address_gap(&p->payto)) != NULL)
			flag(x, "PAYTO_ADDRESS", 0, gap);
		check_address_text(x, &p->payto, "pay-to");
	}
}

/* The edit codes of a person's checks: the subscriber (2010BA) or the patient (2010CA). */
struct person_codes {
	const char *name, *dob, *sex, *address, *zip, *who;
};
static const struct person_codes sub_codes = {
	"SUB_NAME", "SUB_DOB", "SUB_SEX", "SUB_ADDRESS", "SUB_ZIP", "subscriber",
};
static const struct person_codes pat_codes = {
	"PAT_NAME", "PAT_DOB", "PAT_SEX", "PAT_ADDRESS", "PAT_ZIP", "patient",
};

static void check_person(struct ctx *x, const struct person_codes *pc, const char *last,
			 const char *first, mbdate_t dob, char sex, const struct address *a,
			 bool need_address)
{
	char sexbuf[2] = { sex, 0 };
	const char *gap;
	bool sub = pc == &sub_codes;

	if (str_empty(last))
		flag(x, pc->name, 0, "last name");
	else if (str_empty(first))
		flag(x, pc->name, 0, "first name");
	check_text(x, last, sub ? "subscriber name" : "patient name", 0);
	check_text(x, first, sub ? "subscriber name" : "patient name", 0);
	if (!dob || !date_valid(dob))
		flag(x, pc->dob, 0, "");
	if (sex != 'M' && sex != 'F' && sex != 'U')
		flag(x, pc->sex, 0, sexbuf);
	if (need_address || !address_empty(a)) {
		if ((gap = address_gap(a)) != NULL)
			flag(x, pc->address, 0, gap);
		if (!str_empty(a->zip) && !zip_ok(a->zip, false))
			flag(x, pc->zip, 0, a->zip);
		check_address_text(x, a, pc->who);
	}
}

static bool is_self(const struct coverage *cv)
{
	return !cv->relationship[0] || !strcmp(cv->relationship, REL_SELF);
}

static void check_subscriber(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	const struct coverage *cv = &cd->cov;
	const struct patient *p = &cd->patient;

	if (str_empty(cv->member_id))
		flag(x, "SUB_MEMBER_ID", 0, "");
	check_text(x, cv->member_id, "member ID", 0);
	check_text(x, cv->group_no, "group number", 0);
	if (is_self(cv)) {
		check_person(x, &sub_codes, p->last, p->first, p->dob, p->sex, &p->addr, true);
	} else {
		if (validate_relationship(cv->relationship, "relationship") != MB_OK)
			flag(x, "SUB_RELATION", 0, cv->relationship);
		check_person(x, &sub_codes, cv->sub_last, cv->sub_first, cv->sub_dob, cv->sub_sex,
			     &cv->sub_addr, false);
		check_person(x, &pat_codes, p->last, p->first, p->dob, p->sex, &p->addr, true);
	}
	if (p->dob && cd->enc.dos && p->dob > cd->enc.dos) {
		char dob[DATE_ISO_LEN];

		date_iso(p->dob, dob);
		flag(x, "PAT_DOB_AFTER_DOS", 0, dob);
	}
}

static void check_payer(struct ctx *x)
{
	const struct claim_data *cd = x->cd;

	if (str_empty(cd->payer.name))
		flag(x, "PAYER_NAME", 0, "");
	check_text(x, cd->payer.name, "payer name", 0);
	if (str_empty(cd->payer.payer_id))
		flag(x, "PAYER_ID", 0, "");
	check_text(x, cd->payer.payer_id, "payer ID", 0);
	if (validate_filing_code(cd->payer.filing_code, "filing code") != MB_OK)
		flag(x, "FILING_CODE", 0, cd->payer.filing_code);
	if (!cd->receiver)
		flag(x, "RECEIVER", 0, "");
}

/*
 * SBR05: a coverage whose payer files as Medicare (MA, MB) and is not the
 * primary needs its Medicare secondary payer type, in 2000B for the claim's
 * own coverage and in 2320 for another.
 */
static void check_msp_one(struct ctx *x, const struct coverage *cv, const struct payer *py,
			  const char *field)
{
	const char *order = cv->seq == 2 ? "secondary" : "tertiary";

	if (!filing_is_medicare(py->filing_code) || cv->seq < 2 || cv->insurance_type[0])
		return;
	add_finding(x, edit_find(x->s, "MSP_TYPE", x->cd->payer.id), 0,
		    py->name[0] ? py->name : "the payer", order, NULL, field);
}

static void check_msp(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	int i;

	check_msp_one(x, &cd->cov, &cd->payer, "2000B SBR05");
	for (i = 0; i < cd->nother; i++)
		check_msp_one(x, &cd->other[i], &cd->other_payer[i], "2320 SBR05");
}

static int check_pos(struct ctx *x, const char *pos)
{
	struct verdict *v;
	struct code_check cc;
	char key[CODE_LEN + 3];

	verdict_key(key, 'P', 0, pos);
	v = verdict_slot(&x->s->verdicts, key, 0);
	if (v->status < 0) {
		if (codes_pos_valid(x->s->st, pos, &cc) != MB_OK)
			return MB_ERROR;
		/* With no POS table loaded, the format answers. */
		if (cc.status == CODE_STATUS_NO_SET)
			cc.status = validate_pos(pos, "pos") == MB_OK ? CODE_STATUS_OK : CODE_STATUS_MALFORMED;
		SCPY(v->key, key);
		v->when = 0;
		v->status = (signed char)cc.status;
		x->s->verdicts.used++;
	}
	if (v->status != CODE_STATUS_OK)
		flag(x, "POS", 0, pos);
	return MB_OK;
}

static void check_claim(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	const struct claim *c = &cd->claim;
	const struct encounter *e = &cd->enc;
	char freq[2] = { c->frequency, 0 };
	size_t pcnlen = strlen(c->pcn);

	if (pcnlen < 1 || pcnlen > 20)
		flag(x, "PCN", 0, c->pcn);
	check_text(x, c->pcn, "patient control number", 0);
	if (c->frequency != '1' && c->frequency != '7' && c->frequency != '8')
		flag(x, "FREQUENCY", 0, freq);
	else if (c->frequency != '1' && str_empty(c->payer_claim_no))
		flag(x, "PAYER_CLAIM_NO", 0, c->frequency == '7' ? "replacement" : "void");
	check_text(x, c->payer_claim_no, "payer claim number", 0);
	if (strlen(e->prior_auth) > 50)
		flag(x, "PRIOR_AUTH", 0, e->prior_auth);
	check_text(x, e->prior_auth, "prior authorization", 0);
	if (e->accident_code[0] && !e->accident)
		flag(x, "ACCIDENT", 0, "cause is given without its date");
	else if (e->accident && !e->accident_code[0])
		flag(x, "ACCIDENT", 0, "date is given without its cause (AA, EM or OA)");
	else if (!strcmp(e->accident_code, "AA") && validate_state(e->accident_state, "state") != MB_OK)
		flag(x, "ACCIDENT", 0, "is an auto accident without the state it happened in");
	else if (e->accident && e->dos && e->accident > e->dos)
		flag(x, "ACCIDENT", 0, "date is after the date of service");
}

static void check_providers(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	const char *gap;

	if (!cd->rendering.id) {
		flag(x, "RENDERING", 0, "");
	} else {
		if (validate_npi(cd->rendering.npi, "npi") != MB_OK)
			flag(x, "RENDERING_NPI", 0, cd->rendering.npi);
		if (cd->rendering.taxonomy[0] && validate_taxonomy(cd->rendering.taxonomy, "taxonomy") != MB_OK)
			flag(x, "RENDERING_TAXONOMY", 0, cd->rendering.taxonomy);
		check_text(x, cd->rendering.last, "rendering provider name", 0);
		check_text(x, cd->rendering.first, "rendering provider name", 0);
	}
	if (cd->referring.id) {
		if (str_empty(cd->referring.last))
			flag(x, "REFERRING_NAME", 0, "last name");
		else if (str_empty(cd->referring.first))
			flag(x, "REFERRING_NAME", 0, "first name");
		if (validate_npi(cd->referring.npi, "npi") != MB_OK)
			flag(x, "REFERRING_NPI", 0, cd->referring.npi);
		check_text(x, cd->referring.last, "referring provider name", 0);
		check_text(x, cd->referring.first, "referring provider name", 0);
	}
	if (cd->facility.id) {
		if (cd->facility.npi[0] && validate_npi(cd->facility.npi, "npi") != MB_OK)
			flag(x, "FACILITY_NPI", 0, cd->facility.npi);
		if ((gap = address_gap(&cd->facility.addr)) != NULL)
			flag(x, "FACILITY_ADDRESS", 0, gap);
		else if (!zip_ok(cd->facility.addr.zip, true))
			flag(x, "FACILITY_ZIP", 0, cd->facility.addr.zip);
		check_text(x, cd->facility.last, "service facility name", 0);
		check_address_text(x, &cd->facility.addr, "service facility");
	}
}

/* The fiscal year of ICD-10-CM in force on d: October starts the next one. */
static int fiscal_year(mbdate_t d)
{
	return d / 10000 + (d / 100 % 100 >= 10);
}

/* A diagnosis against the sex and age edits of the code set, cached per sex and age. */
static int check_sex_age(struct ctx *x, const char *code, int n)
{
	const struct patient *p = &x->cd->patient;
	char sex = p->sex ? p->sex : 'U';
	struct code_check cc;
	char key[CODE_LEN + 3], nb[16];
	struct verdict *v;
	int age;

	if (!p->dob || !x->cd->enc.dos)
		return MB_OK;
	age = date_age(p->dob, x->cd->enc.dos);
	verdict_key(key, 'S', sex, code);
	v = verdict_slot(&x->s->verdicts, key, age);
	if (v->status < 0) {
		if (codes_sex_age_check(x->s->st, CODE_ICD10CM, code, sex, age, &cc) != MB_OK)
			return MB_ERROR;
		SCPY(v->key, key);
		v->when = age;
		v->status = (signed char)(cc.ok ? CODE_STATUS_OK : CODE_STATUS_SEX_AGE);
		x->s->verdicts.used++;
	}
	if (v->status == CODE_STATUS_OK)
		return MB_OK;
	/* Refusals are rare: ask again for the edit's message. */
	if (codes_sex_age_check(x->s->st, CODE_ICD10CM, code, sex, age, &cc) != MB_OK)
		return MB_ERROR;
	snprintf(nb, sizeof(nb), "%d", n);
	add_finding(x, edit_find(x->s, "DIAG_SEX_AGE", x->cd->payer.id), 0, code, nb, NULL, cc.message);
	return MB_OK;
}

/* Warn once per fiscal year that is newer than the newest ICD-10-CM year loaded. */
static void note_newer_fy(struct scrubber *s, int fy)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(s->warned_fy) && s->warned_fy[i]; i++)
		if (s->warned_fy[i] == fy)
			return;
	if (i < ARRAY_SIZE(s->warned_fy))
		s->warned_fy[i] = fy;
	warning_add("dates of service in FY%d were checked against ICD-10-CM FY%d, the newest "
		    "loaded: load the FY%d tabular file with 'medbill import icd10cm'", fy, s->icd_newest, fy);
}

static int check_diagnoses(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	const struct encounter *e = &cd->enc;
	struct code_check cc;
	char key[CODE_LEN + 3];
	struct verdict *v;
	mbdate_t when;
	int i, j, fy;

	if (e->ndiag == 0)
		flag(x, "DIAG_NONE", 0, "");
	if (e->ndiag > MAX_DIAG)
		flag_n(x, "DIAG_MAX", 0, "", e->ndiag, MAX_DIAG);
	for (i = 0; i < e->ndiag && i < MAX_DIAG; i++) {
		const char *code = e->diag[i];

		if (validate_icd10(code, "diagnosis") != MB_OK) {
			flag_n(x, "DIAG_FORMAT", 0, code, i + 1, 0);
			continue;
		}
		for (j = 0; j < i; j++)
			if (!strcmp(e->diag[j], code))
				break;
		if (j < i) {
			flag_n(x, "DIAG_DUPLICATE", 0, code, i + 1, j + 1);
			continue;
		}
		if (i == 0 && strchr("VWXY", code[0]))
			flag(x, "DIAG_EXTERNAL_FIRST", 0, code);
		if (!x->s->icd_newest) {
			/* No code set: the form was checked above; say so once, not per claim. */
			if (!x->s->warned_no_icd)
				warning_add("no ICD-10-CM code set is loaded: diagnoses were checked by their "
					    "form only; load one with 'medbill import icd10cm FILE'");
			x->s->warned_no_icd = true;
			continue;
		}
		fy = fiscal_year(e->dos);
		when = e->dos;
		if (fy > x->s->icd_newest) {
			/* The newest year loaded answers, with one warning per missing year. */
			note_newer_fy(x->s, fy);
			fy = x->s->icd_newest;
			when = fy * 10000 + 930;
		}
		verdict_key(key, 'I', 0, code);
		v = verdict_slot(&x->s->verdicts, key, fy);
		if (v->status < 0) {
			if (codes_icd_billable(x->s->st, code, when, &cc) != MB_OK)
				return MB_ERROR;
			SCPY(v->key, key);
			v->when = fy;
			v->status = (signed char)cc.status;
			x->s->verdicts.used++;
		}
		switch ((enum code_status)v->status) {
		case CODE_STATUS_OK:
			if (check_sex_age(x, code, i + 1) != MB_OK)
				return MB_ERROR;
			break;
		case CODE_STATUS_SEX_AGE:
			break;
		case CODE_STATUS_HEADER:
			flag_n(x, "DIAG_NOT_BILLABLE", 0, code, i + 1, 0);
			break;
		case CODE_STATUS_MALFORMED:
			flag_n(x, "DIAG_FORMAT", 0, code, i + 1, 0);
			break;
		case CODE_STATUS_NO_SET:
		case CODE_STATUS_UNKNOWN:
		case CODE_STATUS_INACTIVE:
			flag_n(x, "DIAG_UNKNOWN", 0, code, i + 1, 0);
			break;
		}
	}
	return MB_OK;
}

/* A cached verdict of codes_proc_valid() or codes_modifier_valid(). */
static int proc_verdict(struct ctx *x, char sys, const char *code, mbdate_t dos, int *status)
{
	struct code_check cc;
	char key[CODE_LEN + 3];
	struct verdict *v;
	int rc;

	verdict_key(key, sys, 0, code);
	v = verdict_slot(&x->s->verdicts, key, dos);
	if (v->status < 0) {
		rc = sys == 'C' ? codes_proc_valid(x->s->st, code, dos, &cc)
				: codes_modifier_valid(x->s->st, code, dos, &cc);
		if (rc != MB_OK)
			return MB_ERROR;
		if (cc.status == CODE_STATUS_NO_SET)
			cc.status = (sys == 'C' ? validate_procedure(code, "code")
					        : validate_modifier(code, "modifier")) == MB_OK
					    ? CODE_STATUS_OK : CODE_STATUS_MALFORMED;
		SCPY(v->key, key);
		v->when = dos;
		v->status = (signed char)cc.status;
		x->s->verdicts.used++;
	}
	*status = v->status;
	return MB_OK;
}

static bool same_service(const struct charge *a, const struct charge *b)
{
	int i;

	if (strcmp(a->code, b->code))
		return false;
	for (i = 0; i < MAX_MODS; i++)
		if (strcmp(a->mods[i], b->mods[i]))
			return false;
	return true;
}

static int check_lines(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	const struct encounter *e = &cd->enc;
	cents_t sum = 0;
	char buf[MONEY_BUF], buf2[MONEY_BUF], num[24];
	int i, j, k, status;

	if (e->ncharges == 0)
		flag(x, "LINES_NONE", 0, "");
	else if (e->ncharges > MAX_CLAIM_LINES)
		flag_n(x, "LINES_MAX", 0, "", e->ncharges, MAX_CLAIM_LINES);
	for (i = 0; i < e->ncharges; i++) {
		const struct charge *ch = &e->charges[i];
		int lx = i + 1;
		bool any_ptr = false;

		sum += ch->amount;
		if (proc_verdict(x, 'C', ch->code, e->dos, &status) != MB_OK)
			return MB_ERROR;
		if (status != CODE_STATUS_OK)
			flag(x, "LINE_CODE", lx, ch->code);
		for (j = 0; j < MAX_MODS; j++) {
			if (!ch->mods[j][0])
				continue;
			if (proc_verdict(x, 'M', ch->mods[j], e->dos, &status) != MB_OK)
				return MB_ERROR;
			if (status != CODE_STATUS_OK)
				flag(x, "LINE_MODIFIER", lx, ch->mods[j]);
			for (k = 0; k < j; k++)
				if (!strcmp(ch->mods[k], ch->mods[j]))
					break;
			if (k < j)
				flag(x, "LINE_MODIFIER_DUP", lx, ch->mods[j]);
		}
		for (j = 0; j < MAX_PTRS; j++) {
			if (!ch->ptrs[j])
				continue;
			any_ptr = true;
			for (k = 0; k < j; k++)
				if (ch->ptrs[k] == ch->ptrs[j])
					break;
			if (ch->ptrs[j] >= 1 && ch->ptrs[j] <= e->ndiag && k == j)
				continue;
			snprintf(num, sizeof(num), "%d", ch->ptrs[j]);
			if (ch->ptrs[j] < 1 || ch->ptrs[j] > e->ndiag)
				flag_n(x, "LINE_POINTER", lx, num, e->ndiag, MAX_DIAG);
			if (k < j)
				flag(x, "LINE_POINTER_DUP", lx, num);
		}
		if (!any_ptr)
			flag(x, "LINE_POINTER_NONE", lx, "");
		if (ch->units <= 0) {
			snprintf(num, sizeof(num), "%d", ch->units);
			flag(x, "LINE_UNITS", lx, num);
		}
		if (ch->amount <= 0)
			flag(x, "LINE_CHARGE", lx, money_fmt(ch->amount, buf));
		if (ch->ndc[0] && (validate_ndc(ch->ndc, "ndc") != MB_OK || !ch->ndc_unit[0] ||
				   !ch->ndc_qty[0]))
			flag(x, "LINE_NDC", lx, ch->ndc);
		check_text(x, ch->note, "line note", lx);
		for (j = 0; j < i; j++) {
			if (same_service(&e->charges[j], ch)) {
				flag_n(x, "LINE_DUPLICATE", lx, ch->code, j + 1, 0);
				break;
			}
		}
	}
	if (e->ncharges && sum != cd->claim.total)
		add_finding(x, edit_find(x->s, "TOTAL", cd->payer.id), 0,
			    money_fmt(cd->claim.total, buf), NULL, money_fmt(sum, buf2), NULL);
	return MB_OK;
}

static void check_dates(struct ctx *x)
{
	const struct claim_data *cd = x->cd;
	mbdate_t dos = cd->enc.dos, today = x->s->today, deadline;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN], span[40];
	long left;

	if (!dos)
		return;
	if (dos > today)
		flag(x, "DOS_FUTURE", 0, "");
	if (cd->cov.id && (dos < cd->cov.effective || (cd->cov.end && dos > cd->cov.end))) {
		date_iso(cd->cov.effective, a);
		date_iso(cd->cov.end, b);
		if (cd->cov.end)
			snprintf(span, sizeof(span), "%s to %s", a, b);
		else
			snprintf(span, sizeof(span), "from %s", a);
		flag(x, "DOS_COVERAGE", 0, span);
	}
	if (cd->cov.id && cd->payer.timely_days > 0 && dos <= today) {
		deadline = date_add_days(dos, cd->payer.timely_days);
		date_iso(deadline, a);
		left = date_diff_days(deadline, today);
		if (left < 0)
			flag_n(x, "TIMELY_FILING", 0, a, 0, cd->payer.timely_days);
		else if (left <= 30)
			flag_n(x, "TIMELY_FILING_NEAR", 0, a, left, cd->payer.timely_days);
	}
}

/* ---- generic edits on named fields ---- */

/* The value of a claim-level field, or NULL for a field this function does not know. */
static const char *claim_field(const struct claim_data *cd, const char *name)
{
	if (!strcmp(name, "pcn"))
		return cd->claim.pcn;
	if (!strcmp(name, "pos"))
		return cd->enc.pos;
	if (!strcmp(name, "prior_auth"))
		return cd->enc.prior_auth;
	if (!strcmp(name, "payer_claim_no"))
		return cd->claim.payer_claim_no;
	if (!strcmp(name, "member_id"))
		return cd->cov.member_id;
	if (!strcmp(name, "group_no"))
		return cd->cov.group_no;
	if (!strcmp(name, "relationship"))
		return cd->cov.relationship;
	if (!strcmp(name, "patient_account"))
		return cd->patient.account;
	if (!strcmp(name, "patient_phone"))
		return cd->patient.phone;
	if (!strcmp(name, "referring_npi"))
		return cd->referring.id ? cd->referring.npi : "";
	if (!strcmp(name, "rendering_npi"))
		return cd->rendering.npi;
	if (!strcmp(name, "rendering_taxonomy"))
		return cd->rendering.taxonomy;
	if (!strcmp(name, "facility_npi"))
		return cd->facility.id ? cd->facility.npi : "";
	return NULL;
}

static const char *const list_fields[] = { "diag", "line.code", "line.modifier", "line.ndc", "line.note" };
static const char *const claim_fields[] = {
	"pcn", "pos", "prior_auth", "payer_claim_no", "member_id", "group_no", "relationship",
	"patient_account", "patient_phone", "referring_npi", "rendering_npi",
	"rendering_taxonomy", "facility_npi",
};

static bool field_known(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(list_fields); i++)
		if (!strcmp(name, list_fields[i]))
			return true;
	for (i = 0; i < ARRAY_SIZE(claim_fields); i++)
		if (!strcmp(name, claim_fields[i]))
			return true;
	return false;
}

/* true when value fails generic edit e. */
static bool generic_fails(const struct scrub_edit *e, const char *value)
{
	if (!strcmp(e->kind, "required"))
		return str_empty(value);
	if (str_empty(value))
		return false;
	if (!strcmp(e->kind, "match"))
		return fnmatch(e->arg, value, 0) != 0;
	if (!strcmp(e->kind, "no_match"))
		return fnmatch(e->arg, value, 0) == 0;
	if (!strcmp(e->kind, "max_len"))
		return strlen(value) > (size_t)atol(e->arg);
	return false;
}

static void check_generic(struct ctx *x, const struct scrub_edit *e)
{
	const struct claim_data *cd = x->cd;
	const struct encounter *enc = &cd->enc;
	char num[16];
	const char *v;
	int i, j;

	if (!strcmp(e->subject, "diag")) {
		for (i = 0; i < enc->ndiag && i < MAX_DIAG; i++) {
			snprintf(num, sizeof(num), "%d", i + 1);
			if (generic_fails(e, enc->diag[i]))
				add_finding(x, e, 0, enc->diag[i], num, e->arg, NULL);
		}
		if (!enc->ndiag && generic_fails(e, ""))
			add_finding(x, e, 0, "", "0", e->arg, NULL);
		return;
	}
	if (!strncmp(e->subject, "line.", 5)) {
		for (i = 0; i < enc->ncharges; i++) {
			const struct charge *ch = &enc->charges[i];

			if (!strcmp(e->subject, "line.modifier")) {
				bool any = false;

				for (j = 0; j < MAX_MODS; j++) {
					if (!ch->mods[j][0])
						continue;
					any = true;
					if (generic_fails(e, ch->mods[j]))
						add_finding(x, e, i + 1, ch->mods[j], NULL, e->arg, NULL);
				}
				if (!any && generic_fails(e, ""))
					add_finding(x, e, i + 1, "", NULL, e->arg, NULL);
				continue;
			}
			v = !strcmp(e->subject, "line.code") ? ch->code :
			    !strcmp(e->subject, "line.ndc") ? ch->ndc : ch->note;
			if (generic_fails(e, v))
				add_finding(x, e, i + 1, v, NULL, e->arg, NULL);
		}
		return;
	}
	v = claim_field(cd, e->subject);
	if (v && generic_fails(e, v))
		add_finding(x, e, 0, v, NULL, e->arg, NULL);
}

int scrub_open(struct store *st, struct scrubber **out)
{
	struct scrubber *s = xcalloc(1, sizeof(*s));
	const struct x12_delims d = X12_DELIMS_DEFAULT;
	int rc;

	*out = NULL;
	s->st = st;
	s->delims = d;
	s->today = date_today();
	if (store_edits_load(st, &s->edits, &s->nedits) != MB_OK)
		goto fail;
	rc = practice_get(st, &s->practice);
	if (rc == MB_ERROR)
		goto fail;
	s->have_practice = rc == MB_OK;
	s->icd_newest = codes_icd_newest_fy(st);
	{
		static const struct claim_data none;
		struct ctx x = { s, &none, NULL, true, "" };

		check_billing(&x);
	}
	*out = s;
	return MB_OK;
fail:
	scrub_close(s);
	return MB_ERROR;
}

void scrub_close(struct scrubber *s)
{
	if (!s)
		return;
	free(s->edits);
	free(s->verdicts.v);
	free(s);
}

int scrub_claim(struct scrubber *s, const struct claim_data *cd, struct scrub_result *res)
{
	struct ctx x = { s, cd, res, false, "" };
	size_t i;

	scrub_result_reset(res, cd->claim.id);
	date_iso(cd->enc.dos, x.dos);
	for (i = 0; i < (size_t)s->nbill; i++)
		add_finding(&x, edit_find(s, s->bill[i].code, cd->payer.id), 0, s->bill[i].value, NULL, NULL,
			    s->bill[i].detail[0] ? s->bill[i].detail : NULL);
	if (!cd->cov.id) {
		flag(&x, "COVERAGE", 0, "");
	} else {
		check_subscriber(&x);
		check_payer(&x);
		check_msp(&x);
	}
	check_claim(&x);
	if (check_pos(&x, cd->enc.pos) != MB_OK)
		return MB_ERROR;
	check_providers(&x);
	if (check_diagnoses(&x) != MB_OK)
		return MB_ERROR;
	if (check_lines(&x) != MB_OK)
		return MB_ERROR;
	check_dates(&x);
	for (i = 0; i < s->nedits; i++) {
		const struct scrub_edit *e = &s->edits[i];

		if (!strcmp(e->kind, "builtin") || e->severity == SCRUB_OFF)
			continue;
		if (e->payer && e->payer != cd->payer.id)
			continue;
		check_generic(&x, e);
	}
	return MB_OK;
}

int scrub_store_to(struct store *st, const struct scrub_result *res)
{
	size_t i;

	for (i = 0; i < res->n; i++)
		if (store_finding_insert(st, &res->f[i]) != MB_OK)
			return MB_ERROR;
	return MB_OK;
}

int scrub_store(struct scrubber *s, const struct scrub_result *res)
{
	return scrub_store_to(s->st, res);
}

/* ---- scrubbing claims from the database ---- */

int scrub_claims(struct store *st, const int64_t *ids, size_t n, scrub_fn fn, void *arg,
		 size_t *nclaims, size_t *errors)
{
	struct scrubber *s = NULL;
	struct claim_reader *rd = NULL;
	struct claim_data cd;
	struct scrub_result res = { 0 };
	enum claim_status status;
	size_t i, cnt = 0, bad = 0;
	int rc, ret = MB_ERROR;

	claim_data_init(&cd);
	*nclaims = *errors = 0;
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_claimsel_reset(st) != MB_OK)
		goto cleanup;
	if (n) {
		for (i = 0; i < n; i++) {
			rc = store_claimsel_add(st, ids[i], false, &status);
			if (rc != MB_OK) {
				ret = rc;
				goto cleanup;
			}
		}
	} else if (store_claimsel_ready(st, NULL, false, &cnt) != MB_OK) {
		goto cleanup;
	}
	if (store_findings_clear_selection(st) != MB_OK)
		goto cleanup;
	if (scrub_open(st, &s) != MB_OK)
		goto cleanup;
	if (store_claim_reader_open(st, 0, false, &rd) != MB_OK)
		goto cleanup;
	cnt = 0;
	while ((rc = store_claim_reader_next(rd, &cd)) == 1) {
		if (scrub_claim(s, &cd, &res) != MB_OK || scrub_store(s, &res) != MB_OK)
			goto cleanup;
		cnt++;
		if (res.errors)
			bad++;
		if (fn && fn(&cd, &res, arg) != 0)
			break;
	}
	if (rc < 0)
		goto cleanup;
	store_claim_reader_close(rd);
	rd = NULL;
	*nclaims = cnt;
	*errors = bad;
	ret = MB_OK;
cleanup:
	store_claim_reader_close(rd);
	scrub_close(s);
	scrub_result_release(&res);
	claim_data_release(&cd);
	if (ret == MB_OK)
		return store_commit(st);
	store_rollback(st);
	return ret;
}

int scrub_findings(struct store *st, int64_t claim, struct scrub_finding **out, size_t *n)
{
	return store_findings_get(st, claim, out, n);
}

int scrub_counts(struct store *st, struct scrub_count **out, size_t *n)
{
	return store_findings_counts(st, out, n);
}

int scrub_edits(struct store *st, struct scrub_edit **out, size_t *n)
{
	return store_edits_load(st, out, n);
}

int scrub_edit_add(struct store *st, struct scrub_edit *e)
{
	struct payer p;
	const struct scrub_edit *builtin = NULL;
	struct scrub_edit *all = NULL;
	size_t n = 0, i;
	int ret = MB_ERROR, rc;

	strupper(strtrim(e->code));
	if (!e->code[0])
		return error("'code' is required");
	for (i = 0; e->code[i]; i++)
		if (!isalnum((unsigned char)e->code[i]) && e->code[i] != '_' && e->code[i] != '-')
			return error("'code': '%s' may hold only letters, digits, '_' and '-'", e->code);
	if (!e->kind[0])
		SCPY(e->kind, "builtin");
	if (store_edits_load(st, &all, &n) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < n; i++)
		if (!strcmp(all[i].code, e->code) && !all[i].payer && !strcmp(all[i].kind, "builtin"))
			builtin = &all[i];
	if (!strcmp(e->kind, "builtin")) {
		/* An override of a built-in edit for one payer. */
		if (!builtin) {
			error("'code': there is no built-in edit '%s' to override", e->code);
			goto cleanup;
		}
		if (!e->payer) {
			error("'payer': an override of built-in edit '%s' is for one payer", e->code);
			goto cleanup;
		}
		if (!e->field[0])
			SCPY(e->field, builtin->field);
		if (!e->message[0])
			SCPY(e->message, builtin->message);
		if (!e->fix[0])
			SCPY(e->fix, builtin->fix);
		e->subject[0] = e->arg[0] = '\0';
	} else {
		if (builtin) {
			error("'code': '%s' is a built-in edit: give the new edit its own code", e->code);
			goto cleanup;
		}
		if (strcmp(e->kind, "required") && strcmp(e->kind, "match") &&
		    strcmp(e->kind, "no_match") && strcmp(e->kind, "max_len")) {
			error("'kind': '%s' is not builtin, required, match, no_match or max_len", e->kind);
			goto cleanup;
		}
		if (!field_known(e->subject)) {
			error("'field': '%s' is not a claim field an edit can check", e->subject);
			goto cleanup;
		}
		if (strcmp(e->kind, "required") && !e->arg[0]) {
			error("'arg': a '%s' edit needs %s", e->kind,
			      strcmp(e->kind, "max_len") ? "a pattern" : "a length");
			goto cleanup;
		}
		if (!strcmp(e->kind, "max_len") && (!str_is_digits(e->arg) || atol(e->arg) < 1)) {
			error("'arg': '%s' is not a length", e->arg);
			goto cleanup;
		}
		if (!e->message[0]) {
			error("'message' is required");
			goto cleanup;
		}
		if (!e->field[0])
			SCPY(e->field, e->subject);
		if (!e->fix[0])
			SCPY(e->fix, "correct the claim's data");
	}
	if (e->payer) {
		rc = payer_get(st, e->payer, &p);
		if (rc != MB_OK) {
			ret = rc;
			goto cleanup;
		}
	}
	ret = store_begin(st);
	if (ret != MB_OK)
		goto cleanup;
	if (store_edit_insert(st, e) != MB_OK) {
		store_rollback(st);
		ret = MB_ERROR;
		goto cleanup;
	}
	ret = store_commit(st);
cleanup:
	free(all);
	return ret;
}
