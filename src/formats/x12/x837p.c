/*
 * x837p.c: the 837P (005010X222A1) generator (see x837.h): checks one claim,
 * then streams its loops through the X12 segment writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medbill/util.h"
#include "medbill/validate.h"
#include "medbill/x837.h"

struct x837 {
	struct x12_writer w;
	struct settings settings;	/* copies: the caller's may go away */
	struct receiver receiver;
	mbdate_t date;
	int hhmm;
	char st02[10];
	char bht03[31];
	bool st_pending;		/* begun, ST not yet written */
	bool st_open;			/* ST written */
	bool ended;
	long hl;			/* last HL01 of the transaction */
	long hl_billing;		/* HL01 of the open 2000A; 0: none */
	struct practice billing;	/* its billing provider */
	long st_claims;
	struct x837_stats stats;
	/* validate_state() remembered per two-letter code: 0 not asked, 1 good, 2 not a state. */
	unsigned char state_seen[26][26];
};

/* What check_claim() works out for the writer. */
struct view {
	const struct charge *lines;
	int nlines;
	bool self;			/* the patient is the subscriber */
	char sbr01;
	char freq;
	char clm06, clm07, clm08, clm09;
	cents_t total;
};

/* ---- small helpers ---- */

static char seq_responsibility(int seq)
{
	return seq == 2 ? 'S' : seq == 3 ? 'T' : 'P';
}

static bool is_self(const struct coverage *cov)
{
	return !cov->relationship[0] || !strcmp(cov->relationship, REL_SELF);
}

/*
 * SBR05, the Medicare secondary payer type, is sent only when the payer
 * files as Medicare and is not the primary (005010X222A1, 2000B and 2320).
 */
static bool needs_sbr05(const struct payer *py, char resp)
{
	return filing_is_medicare(py->filing_code) && resp != 'P';
}

static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

static bool same_address(const struct address *a, const struct address *b)
{
	return !strcasecmp(a->line1, b->line1) && !strcasecmp(a->line2, b->line2) &&
	       !strcasecmp(a->city, b->city) && !strcasecmp(a->state, b->state) &&
	       !strcmp(a->zip, b->zip);
}

static bool same_billing(const struct practice *a, const struct practice *b)
{
	return !strcmp(a->name, b->name) && !strcmp(a->npi, b->npi) &&
	       !strcmp(a->ein, b->ein) && !strcmp(a->taxonomy, b->taxonomy) &&
	       same_address(&a->addr, &b->addr) && a->has_payto == b->has_payto &&
	       (!a->has_payto || same_address(&a->payto, &b->payto));
}

static int required(const char *s, const char *field)
{
	if (!s || str_empty(s))
		return error("'%s' is required", field);
	return MB_OK;
}

/* ---- checks ---- */

/*
 * Run a validate_*() call whose field name is built with snprintf only when
 * the value fails (the names cost more than the checks on the hot path).
 * Needs a char f[64] in scope.
 */
#define NAMED(call_with_f, ...) \
	((void)memcpy(f, "value", 6), (call_with_f) == MB_OK ? MB_OK : \
	 ((void)snprintf(f, sizeof(f), __VA_ARGS__), (call_with_f)))

/* "10", "1.5", "0.125": digits with at most one point, more than zero. */
static bool positive_decimal(const char *s)
{
	bool digit = false, nonzero = false, point = false;

	for (; *s; s++) {
		if (*s == '.' && !point) {
			point = true;
		} else if (*s >= '0' && *s <= '9') {
			digit = true;
			nonzero |= *s != '0';
		} else {
			return false;
		}
	}
	return digit && nonzero;
}

static const char *const pat_codes[] = { "01", "19", "20", "21", "39", "40", "53", "G8", NULL };
static const char *const sbr_codes[] = { "01", "18", "19", "20", "21", "39", "40", "53", "G8", NULL };
static const char *const cas_groups[] = { "CO", "CR", "OA", "PI", "PR", NULL };
static const char *const ndc_units[] = { "F2", "GR", "ME", "ML", "UN", NULL };

/* A text validate_text() accepts: not blank, no control character, none of * ~ ^ :. */
static bool text_ok(const char *s, bool is_required)
{
	const unsigned char *p = (const unsigned char *)s;
	bool blank = true;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '*' || *p == '~' || *p == '^' || *p == ':')
			return false;
		if (*p != ' ' && *p != '\t')
			blank = false;
	}
	return !blank || !is_required;
}

/*
 * validate_address(), which builds each field's name with snprintf, runs
 * only when this quick test of the same rules fails, for its message.
 */
static bool state_ok(struct x837 *x, const char *s)
{
	unsigned char *seen;

	if (s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' || s[2])
		return validate_state(s, "state") == MB_OK;
	seen = &x->state_seen[s[0] - 'A'][s[1] - 'A'];
	if (!*seen)
		*seen = validate_state(s, "state") == MB_OK ? 1 : 2;
	return *seen == 1;
}

static int check_address(struct x837 *x, const struct address *a, const char *field, bool zip9)
{
	size_t n = strlen(a->zip);

	if (text_ok(a->line1, true) && text_ok(a->line2, false) && text_ok(a->city, true) &&
	    state_ok(x, a->state) && (n == 9 || (n == 5 && !zip9)) &&
	    strspn(a->zip, "0123456789") == n)
		return MB_OK;
	return validate_address(a, field, zip9);
}

static int check_person(struct x837 *x, const char *last, mbdate_t dob, char sex, const struct address *addr,
			const char *who, bool full)
{
	char f[64];

	if (NAMED(required(last, f), "%s last name", who))
		return MB_ERROR;
	if (!full)
		return MB_OK;
	if (!date_valid(dob))
		return error("'%s date of birth' is required", who);
	if (NAMED(validate_sex(sex, f), "%s sex", who))
		return MB_ERROR;
	return NAMED(check_address(x, addr, f, false), "%s address", who);
}

/* A provider; a service facility may lack an NPI but needs an address with ZIP+4. */
static int check_provider(struct x837 *x, const struct provider *p, const char *who, bool facility)
{
	char f[64];

	if (NAMED(required(p->last, f), "%s name", who))
		return MB_ERROR;
	if ((!facility || p->npi[0]) && NAMED(validate_npi(p->npi, f), "%s npi", who))
		return MB_ERROR;
	if (p->taxonomy[0]) {
		if (NAMED(validate_taxonomy(p->taxonomy, f), "%s taxonomy", who))
			return MB_ERROR;
	}
	if (facility) {
		if (NAMED(check_address(x, &p->addr, f, true), "%s address", who))
			return MB_ERROR;
	}
	return MB_OK;
}

static int check_cas(const struct x837_cas *cas, int n, const char *who)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!in_list(cas[i].group, cas_groups))
			return error("'%s adjustment group': '%s' is not CO, CR, OA, PI or PR",
				     who, cas[i].group);
		if (required(cas[i].reason, "adjustment reason"))
			return MB_ERROR;
		if (cas[i].quantity < 0)
			return error("'%s adjustment quantity' is negative", who);
	}
	return MB_OK;
}

static int check_other(const struct x837_claim *c, const struct view *v)
{
	int i, j;

	if (c->nother < 0 || c->nother > X837_MAX_OTHER)
		return error("'other coverages': %d is more than %d", c->nother, X837_MAX_OTHER);
	for (i = 0; i < c->nother; i++) {
		const struct x837_other *o = &c->other[i];
		const struct x837_adjudication *a = o->adjudication;
		char resp;

		if (!o->coverage || !o->payer)
			return error("'other coverage %d': coverage and payer are required", i + 1);
		resp = o->responsibility ? o->responsibility : seq_responsibility(o->coverage->seq);
		if (!strchr("PST", resp))
			return error("'other coverage %d responsibility': '%c' is not P, S or T", i + 1, resp);
		if (resp == v->sbr01)
			return error("'other coverage %d responsibility': '%c' is the claim's own",
				     i + 1, resp);
		if (required(o->coverage->member_id, "other coverage member id") ||
		    required(o->payer->name, "other payer name") ||
		    required(o->payer->payer_id, "other payer id") ||
		    validate_filing_code(o->payer->filing_code, "other payer filing code"))
			return MB_ERROR;
		if (needs_sbr05(o->payer, resp) &&
		    validate_insurance_type(o->coverage->insurance_type, "other coverage insurance type"))
			return MB_ERROR;
		if (!is_self(o->coverage)) {
			if (!in_list(o->coverage->relationship, sbr_codes))
				return error("'other coverage relationship': '%s' is not a relationship code",
					     o->coverage->relationship);
			if (required(o->coverage->sub_last, "other subscriber last name"))
				return MB_ERROR;
		}
		if (!a)
			continue;
		if (a->ncas < 0 || a->nlines < 0 || (a->ncas && !a->cas) || (a->nlines && !a->lines))
			return error("'other payer adjudication': bad counts");
		if (check_cas(a->cas, a->ncas, "other payer"))
			return MB_ERROR;
		for (j = 0; j < a->nlines; j++) {
			const struct x837_line_adj *l = &a->lines[j];

			if (l->line < 1 || l->line > v->nlines)
				return error("'other payer line adjudication': line %d is not on the claim",
					     l->line);
			if (l->ncas < 0 || l->ncas > (int)ARRAY_SIZE(l->cas))
				return error("'other payer line adjudication': bad count");
			if (check_cas(l->cas, l->ncas, "other payer line"))
				return MB_ERROR;
			if (!date_valid(l->date))
				return error("'other payer line %d adjudication date' is required", l->line);
		}
	}
	return MB_OK;
}

static int check_line(const struct x837_claim *c, const struct encounter *e, int i,
		      const struct charge *l)
{
	char f[64];
	int k;

	if (NAMED(validate_procedure(l->code, f), "line %d procedure", i + 1))
		return MB_ERROR;
	for (k = 0; k < MAX_MODS; k++) {
		if (!l->mods[k][0])
			continue;
		if (NAMED(validate_modifier(l->mods[k], f), "line %d modifier %d", i + 1, k + 1))
			return MB_ERROR;
	}
	if (l->units <= 0)
		return error("'line %d units': %d is not more than 0", i + 1, l->units);
	if (l->amount < 0)
		return error("'line %d charge' is negative", i + 1);
	if (l->ptrs[0] == 0)
		return error("'line %d diagnosis pointer 1' is required", i + 1);
	for (k = 0; k < MAX_PTRS; k++) {
		if (l->ptrs[k] < 0 || l->ptrs[k] > e->ndiag)
			return error("'line %d diagnosis pointer %d': %d points past the %d diagnoses",
				     i + 1, k + 1, l->ptrs[k], e->ndiag);
		if (k && l->ptrs[k] && !l->ptrs[k - 1])
			return error("'line %d diagnosis pointer %d' follows an empty pointer", i + 1, k + 1);
	}
	if (l->ndc[0]) {
		if (NAMED(validate_ndc(l->ndc, f), "line %d ndc", i + 1))
			return MB_ERROR;
		if (!in_list(l->ndc_unit, ndc_units))
			return error("'line %d ndc unit': '%s' is not F2, GR, ME, ML or UN",
				     i + 1, l->ndc_unit);
		if (!positive_decimal(l->ndc_qty))
			return error("'line %d ndc quantity': '%s' is not a positive number",
				     i + 1, l->ndc_qty);
	}
	if (c->line_ctl && c->line_ctl[i] && c->line_ctl[i][0]) {
		if (strlen(c->line_ctl[i]) > 50)
			return error("'line %d control number' is longer than 50 characters", i + 1);
	} else if (l->id <= 0) {
		return error("'line %d control number' is required (no charge id)", i + 1);
	}
	if (c->line_pos && c->line_pos[i] && c->line_pos[i][0]) {
		if (NAMED(validate_pos(c->line_pos[i], f), "line %d place of service", i + 1))
			return MB_ERROR;
	}
	return MB_OK;
}

static int check_claim(struct x837 *x, const struct x837_claim *c, struct view *v)
{
	const struct practice *b = c->billing;
	const struct coverage *cov = c->coverage;
	const struct patient *pt = c->patient;
	const struct encounter *e = c->encounter;
	const struct claim *cl = c->claim;
	char f[64];
	int i;

	memset(v, 0, sizeof(*v));
	if (!b || !c->payer || !cov || !pt || !cl || !e)
		return error("'claim': billing provider, payer, coverage, patient, claim and encounter are required");

	/* 2010AA/2010AB */
	if (required(b->name, "billing provider name") ||
	    validate_npi(b->npi, "billing provider npi") ||
	    validate_ein(b->ein, "billing provider ein") ||
	    check_address(x, &b->addr, "billing provider address", true))
		return MB_ERROR;
	if (b->taxonomy[0] && validate_taxonomy(b->taxonomy, "billing provider taxonomy"))
		return MB_ERROR;
	if (b->has_payto && check_address(x, &b->payto, "pay-to address", false))
		return MB_ERROR;

	/* 2000B/2010BA/2010BB */
	v->sbr01 = c->responsibility ? c->responsibility : seq_responsibility(cov->seq);
	if (!strchr("PST", v->sbr01))
		return error("'payer responsibility': '%c' is not P, S or T", v->sbr01);
	if (required(cov->member_id, "member id") ||
	    required(c->payer->name, "payer name") ||
	    required(c->payer->payer_id, "payer id") ||
	    validate_filing_code(c->payer->filing_code, "claim filing indicator"))
		return MB_ERROR;
	if (needs_sbr05(c->payer, v->sbr01) &&
	    validate_insurance_type(cov->insurance_type, "insurance type"))
		return MB_ERROR;
	if (strlen(c->payer->payer_id) < 2)
		return error("'payer id': '%s' is shorter than 2 characters", c->payer->payer_id);
	v->self = is_self(cov);
	if (v->self) {
		if (check_person(x, pt->last, pt->dob, pt->sex, &pt->addr, "subscriber", true))
			return MB_ERROR;
	} else {
		if (!in_list(cov->relationship, pat_codes))
			return error("'relationship': '%s' is not a patient relationship code (01 19 20 21 39 40 53 G8)",
				     cov->relationship);
		if (required(cov->sub_last, "subscriber last name") ||
		    check_person(x, pt->last, pt->dob, pt->sex, &pt->addr, "patient", true))
			return MB_ERROR;
	}

	/* 2300 */
	if (required(cl->pcn, "patient control number"))
		return MB_ERROR;
	if (strlen(cl->pcn) > 20)
		return error("'patient control number': '%s' is longer than 20 characters", cl->pcn);
	v->freq = cl->frequency ? cl->frequency : '1';
	if (v->freq != '1' && v->freq != '7' && v->freq != '8')
		return error("'claim frequency': '%c' is not 1, 7 or 8", v->freq);
	if (v->freq != '1' && required(cl->payer_claim_no, "payer claim number"))
		return MB_ERROR;
	if (!date_valid(e->dos))
		return error("'date of service' is required");
	if (validate_pos(e->pos, "place of service"))
		return MB_ERROR;
	if (e->ndiag < 1 || e->ndiag > MAX_DIAG)
		return error("'diagnoses': %d is not 1 to %d", e->ndiag, MAX_DIAG);
	for (i = 0; i < e->ndiag; i++) {
		if (NAMED(validate_icd10(e->diag[i], f), "diagnosis %d", i + 1))
			return MB_ERROR;
	}
	if (e->onset && !date_valid(e->onset))
		return error("'onset date' is not a real date");
	if (e->accident_code[0]) {
		if (strcmp(e->accident_code, "AA") && strcmp(e->accident_code, "EM") &&
		    strcmp(e->accident_code, "OA"))
			return error("'accident code': '%s' is not AA, EM or OA", e->accident_code);
		if (strcmp(e->accident_code, "EM") && !date_valid(e->accident))
			return error("'accident date' is required for accident code %s", e->accident_code);
		if (!strcmp(e->accident_code, "AA") && validate_state(e->accident_state, "accident state"))
			return MB_ERROR;
	}
	if (e->accident && !date_valid(e->accident))
		return error("'accident date' is not a real date");
	v->clm06 = c->signature ? c->signature : 'Y';
	v->clm07 = c->assignment ? c->assignment : 'A';
	v->clm08 = c->benefits ? c->benefits : 'Y';
	v->clm09 = c->release ? c->release : 'Y';
	if (!strchr("YN", v->clm06) || !strchr("ABC", v->clm07) || !strchr("YNW", v->clm08) ||
	    !strchr("IY", v->clm09))
		return error("'claim indicators': '%c%c%c%c' are not Y/N, A/B/C, Y/N/W and I/Y",
			     v->clm06, v->clm07, v->clm08, v->clm09);

	/* 2310 */
	if (c->referring && check_provider(x, c->referring, "referring provider", false))
		return MB_ERROR;
	if (c->rendering && check_provider(x, c->rendering, "rendering provider", false))
		return MB_ERROR;
	if (c->facility && check_provider(x, c->facility, "service facility", true))
		return MB_ERROR;

	/* 2400 */
	v->lines = c->nlines ? c->lines : e->charges;
	v->nlines = c->nlines ? c->nlines : e->ncharges;
	if (v->nlines < 1 || v->nlines > MAX_CLAIM_LINES || !v->lines)
		return error("'lines': %d is not 1 to %d", v->nlines, MAX_CLAIM_LINES);
	for (i = 0; i < v->nlines; i++) {
		if (check_line(c, e, i, &v->lines[i]))
			return MB_ERROR;
		v->total += v->lines[i].amount;
	}
	return check_other(c, v);
}

cents_t x837_claim_total(const struct x837_claim *c)
{
	const struct charge *lines = c->nlines ? c->lines : c->encounter->charges;
	int n = c->nlines ? c->nlines : c->encounter->ncharges;
	cents_t t = 0;
	int i;

	for (i = 0; i < n; i++)
		t += lines[i].amount;
	return t;
}

/* ---- segments ---- */

static void seg_nm1(struct x12_writer *w, const char *entity, char type, const char *last,
		    const char *first, const char *middle, const char *qual, const char *id)
{
	char t[2] = { type, '\0' };

	x12w_seg(w, "NM1");
	x12w_el(w, entity);
	x12w_el(w, t);
	x12w_eln(w, last, 60);
	x12w_eln(w, first, 35);
	x12w_eln(w, middle, 25);
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, id && *id ? qual : "");
	x12w_eln(w, id, 80);
	x12w_end(w);
}

static void seg_address(struct x12_writer *w, const struct address *a)
{
	x12w_seg(w, "N3");
	x12w_eln(w, a->line1, 55);
	x12w_eln(w, a->line2, 55);
	x12w_end(w);
	x12w_seg(w, "N4");
	x12w_eln(w, a->city, 30);
	x12w_el(w, a->state);
	x12w_el(w, a->zip);
	x12w_end(w);
}

static void seg_dmg(struct x12_writer *w, mbdate_t dob, char sex)
{
	char s[2] = { sex, '\0' };

	x12w_seg(w, "DMG");
	x12w_el(w, "D8");
	x12w_date(w, dob);
	x12w_el(w, s);
	x12w_end(w);
}

static void seg_ref(struct x12_writer *w, const char *qual, const char *val)
{
	x12w_seg(w, "REF");
	x12w_el(w, qual);
	x12w_eln(w, val, 50);
	x12w_end(w);
}

static void seg_dtp(struct x12_writer *w, const char *qual, mbdate_t d)
{
	x12w_seg(w, "DTP");
	x12w_el(w, qual);
	x12w_el(w, "D8");
	x12w_date(w, d);
	x12w_end(w);
}

static void seg_hl(struct x12_writer *w, long id, long parent, const char *level, int child)
{
	x12w_seg(w, "HL");
	x12w_int(w, id);
	if (parent)
		x12w_int(w, parent);
	else
		x12w_el(w, "");
	x12w_el(w, level);
	x12w_int(w, child);
	x12w_end(w);
}

/* CAS segments: one per group code, up to six trios each. */
static void seg_cas(struct x12_writer *w, const struct x837_cas *cas, int n)
{
	bool done[X837_MAX_CAS * 5] = { false };
	int i, j;

	for (i = 0; i < n && i < (int)ARRAY_SIZE(done); i++) {
		int trios = 0;

		if (done[i])
			continue;
		x12w_seg(w, "CAS");
		x12w_el(w, cas[i].group);
		for (j = i; j < n && j < (int)ARRAY_SIZE(done) && trios < X837_MAX_CAS; j++) {
			if (done[j] || strcmp(cas[j].group, cas[i].group))
				continue;
			done[j] = true;
			trios++;
			x12w_el(w, cas[j].reason);
			x12w_money(w, cas[j].amount);
			if (cas[j].quantity)
				x12w_int(w, cas[j].quantity);
			else
				x12w_el(w, "");
		}
		x12w_end(w);
	}
}

/* SV101 / SVD03: HC:code:mod1:mod2:mod3:mod4. */
static void el_procedure(struct x12_writer *w, const struct charge *l)
{
	x12w_comp(w, "HC", l->code, l->mods[0], l->mods[1], l->mods[2], l->mods[3], (char *)NULL);
}

static void write_header(struct x837 *x)
{
	struct x12_writer *w = &x->w;
	const struct settings *s = &x->settings;
	const struct receiver *r = &x->receiver;

	x12w_st(w, "837", x->st02, X837_VERSION);
	x12w_seg(w, "BHT");
	x12w_el(w, "0019");
	x12w_el(w, "00");
	x12w_el(w, x->bht03);
	x12w_date(w, x->date);
	x12w_elf(w, "%04d", x->hhmm);
	x12w_el(w, "CH");
	x12w_end(w);
	/* 1000A */
	seg_nm1(w, "41", '2', s->submitter_name, "", "", "46", s->submitter_id);
	x12w_seg(w, "PER");
	x12w_el(w, "IC");
	x12w_eln(w, s->contact_name, 60);
	if (s->contact_phone[0]) {
		x12w_el(w, "TE");
		x12w_el(w, s->contact_phone);
	} else {
		/* '@' is outside the basic character set: e-mail only when
		 * there is no telephone number. */
		x12w_el(w, "EM");
		x12w_el_ext(w, s->contact_email);
	}
	x12w_end(w);
	/* 1000B */
	seg_nm1(w, "40", '2', r->name, "", "", "46", r->receiver_id);
	x->st_open = true;
	x->st_pending = false;
	x->hl = 0;
	x->hl_billing = 0;
	x->st_claims = 0;
	x->stats.transactions++;
}

static void write_billing(struct x837 *x, const struct practice *b)
{
	struct x12_writer *w = &x->w;

	x->hl_billing = ++x->hl;
	seg_hl(w, x->hl_billing, 0, "20", 1);
	if (b->taxonomy[0]) {
		x12w_seg(w, "PRV");
		x12w_el(w, "BI");
		x12w_el(w, "PXC");
		x12w_el(w, b->taxonomy);
		x12w_end(w);
	}
	seg_nm1(w, "85", '2', b->name, "", "", "XX", b->npi);
	seg_address(w, &b->addr);
	seg_ref(w, "EI", b->ein);
	if (b->has_payto) {
		x12w_seg(w, "NM1");
		x12w_el(w, "87");
		x12w_el(w, "2");
		x12w_end(w);
		seg_address(w, &b->payto);
	}
	x->billing = *b;
}

static void write_subscriber(struct x837 *x, const struct x837_claim *c, const struct view *v)
{
	struct x12_writer *w = &x->w;
	const struct coverage *cov = c->coverage;
	const struct patient *pt = c->patient;
	char sbr01[2] = { v->sbr01, '\0' };
	long hl_sub = ++x->hl;

	seg_hl(w, hl_sub, x->hl_billing, "22", v->self ? 0 : 1);
	x12w_seg(w, "SBR");
	x12w_el(w, sbr01);
	x12w_el(w, v->self ? REL_SELF : "");
	x12w_eln(w, cov->group_no, 50);
	x12w_el(w, "");
	x12w_el(w, needs_sbr05(c->payer, v->sbr01) ? cov->insurance_type : "");
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, c->payer->filing_code);
	x12w_end(w);
	/* 2010BA */
	if (v->self) {
		seg_nm1(w, "IL", '1', pt->last, pt->first, pt->middle, "MI", cov->member_id);
		seg_address(w, &pt->addr);
		seg_dmg(w, pt->dob, pt->sex);
	} else {
		seg_nm1(w, "IL", '1', cov->sub_last, cov->sub_first, cov->sub_middle, "MI",
			cov->member_id);
	}
	/* 2010BB */
	seg_nm1(w, "PR", '2', c->payer->name, "", "", "PI", c->payer->payer_id);
	if (v->self)
		return;
	/* 2000C/2010CA */
	seg_hl(w, ++x->hl, hl_sub, "23", 0);
	x12w_seg(w, "PAT");
	x12w_el(w, cov->relationship);
	x12w_end(w);
	seg_nm1(w, "QC", '1', pt->last, pt->first, pt->middle, "", "");
	seg_address(w, &pt->addr);
	seg_dmg(w, pt->dob, pt->sex);
}

static void write_provider(struct x12_writer *w, const char *entity, const struct provider *p)
{
	char type = p->first[0] ? '1' : '2';

	seg_nm1(w, entity, type, p->last, p->first, "", "XX", p->npi);
}

static void write_other(struct x837 *x, const struct x837_claim *c, const struct view *v,
			const struct x837_other *o)
{
	struct x12_writer *w = &x->w;
	const struct coverage *cov = o->coverage;
	const struct x837_adjudication *a = o->adjudication;
	char resp[2] = { o->responsibility ? o->responsibility : seq_responsibility(cov->seq), '\0' };
	char oi03[2] = { v->clm08, '\0' };
	char oi06[2] = { v->clm09, '\0' };
	bool self = is_self(cov);
	const struct address *addr = self ? &c->patient->addr : &cov->sub_addr;

	/* 2320 */
	x12w_seg(w, "SBR");
	x12w_el(w, resp);
	x12w_el(w, self ? REL_SELF : cov->relationship);
	x12w_eln(w, cov->group_no, 50);
	x12w_el(w, "");
	x12w_el(w, needs_sbr05(o->payer, resp[0]) ? cov->insurance_type : "");
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, o->payer->filing_code);
	x12w_end(w);
	if (a) {
		seg_cas(w, a->cas, a->ncas);
		x12w_seg(w, "AMT");
		x12w_el(w, "D");
		x12w_money(w, a->paid);
		x12w_end(w);
	}
	x12w_seg(w, "OI");
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, oi03);
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_el(w, oi06);
	x12w_end(w);
	/* 2330A */
	if (self)
		seg_nm1(w, "IL", '1', c->patient->last, c->patient->first, c->patient->middle,
			"MI", cov->member_id);
	else
		seg_nm1(w, "IL", '1', cov->sub_last, cov->sub_first, cov->sub_middle, "MI",
			cov->member_id);
	if (addr->line1[0] && addr->city[0])
		seg_address(w, addr);
	/* 2330B */
	seg_nm1(w, "PR", '2', o->payer->name, "", "", "PI", o->payer->payer_id);
	if (a && a->nlines == 0 && date_valid(a->date))
		seg_dtp(w, "573", a->date);
}

static void write_line(struct x837 *x, const struct x837_claim *c, const struct view *v, int i)
{
	struct x12_writer *w = &x->w;
	const struct charge *l = &v->lines[i];
	const char *pos = c->line_pos && c->line_pos[i] ? c->line_pos[i] : "";
	char p[MAX_PTRS][4];
	char ctl[32];
	int k, j;

	x12w_seg(w, "LX");
	x12w_int(w, i + 1);
	x12w_end(w);
	for (k = 0; k < MAX_PTRS; k++) {
		int n = l->ptrs[k];	/* 1..12, checked */

		p[k][0] = '\0';
		if (n >= 10) {
			p[k][0] = (char)('0' + n / 10);
			p[k][1] = (char)('0' + n % 10);
			p[k][2] = '\0';
		} else if (n > 0) {
			p[k][0] = (char)('0' + n);
			p[k][1] = '\0';
		}
	}
	x12w_seg(w, "SV1");
	el_procedure(w, l);
	x12w_money(w, l->amount);
	x12w_el(w, "UN");
	x12w_int(w, l->units);
	x12w_el(w, strcmp(pos, c->encounter->pos) ? pos : "");
	x12w_el(w, "");
	x12w_comp(w, p[0], p[1], p[2], p[3], (char *)NULL);
	x12w_end(w);
	seg_dtp(w, "472", c->encounter->dos);
	if (c->line_ctl && c->line_ctl[i] && c->line_ctl[i][0]) {
		seg_ref(w, "6R", c->line_ctl[i]);
	} else {
		char *q = ctl + sizeof(ctl) - 1;
		unsigned long long id = (unsigned long long)l->id;	/* > 0, checked */

		*q = '\0';
		do {
			*--q = (char)('0' + id % 10);
			id /= 10;
		} while (id);
		seg_ref(w, "6R", q);
	}
	/* NTE*ADD: the line's note, cleaned; none when nothing is left of it. */
	if (l->note[0]) {
		char note[sizeof(l->note)];

		x->w.replaced += x12_clean(note, sizeof(note), l->note, &w->d);
		if (note[0]) {
			x12w_seg(w, "NTE");
			x12w_el(w, "ADD");
			x12w_eln(w, note, 80);
			x12w_end(w);
		}
	}
	/* 2410 */
	if (l->ndc[0]) {
		x12w_seg(w, "LIN");
		x12w_el(w, "");
		x12w_el(w, "N4");
		x12w_el(w, l->ndc);
		x12w_end(w);
		x12w_seg(w, "CTP");
		x12w_el(w, "");
		x12w_el(w, "");
		x12w_el(w, "");
		x12w_el(w, l->ndc_qty);
		x12w_comp(w, l->ndc_unit, (char *)NULL);
		x12w_end(w);
	}
	/* 2430: each prior payer's adjudication of this line */
	for (k = 0; k < c->nother; k++) {
		const struct x837_adjudication *a = c->other[k].adjudication;

		if (!a)
			continue;
		for (j = 0; j < a->nlines; j++) {
			const struct x837_line_adj *la = &a->lines[j];

			if (la->line != i + 1)
				continue;
			x12w_seg(w, "SVD");
			x12w_eln(w, c->other[k].payer->payer_id, 80);
			x12w_money(w, la->paid);
			el_procedure(w, l);
			x12w_el(w, "");
			x12w_int(w, la->units);
			x12w_end(w);
			seg_cas(w, la->cas, la->ncas);
			seg_dtp(w, "573", la->date);
		}
	}
}

static void write_claim(struct x837 *x, const struct x837_claim *c, const struct view *v)
{
	struct x12_writer *w = &x->w;
	const struct encounter *e = c->encounter;
	const struct claim *cl = c->claim;
	char freq[2] = { v->freq, '\0' };
	char ind[4][2] = { { v->clm06, 0 }, { v->clm07, 0 }, { v->clm08, 0 }, { v->clm09, 0 } };
	int i;

	x12w_seg(w, "CLM");
	x12w_el(w, cl->pcn);
	x12w_money(w, v->total);
	x12w_el(w, "");
	x12w_el(w, "");
	x12w_comp(w, e->pos, "B", freq, (char *)NULL);
	for (i = 0; i < 4; i++)
		x12w_el(w, ind[i]);
	if (e->accident_code[0]) {
		x12w_el(w, "");
		x12w_comp(w, e->accident_code, "", "",
			  strcmp(e->accident_code, "AA") ? "" : e->accident_state, (char *)NULL);
	}
	x12w_end(w);
	if (e->onset && e->onset != e->dos)
		seg_dtp(w, "431", e->onset);
	if (e->accident_code[0] && e->accident)
		seg_dtp(w, "439", e->accident);
	if (e->prior_auth[0])
		seg_ref(w, "G1", e->prior_auth);
	if (v->freq != '1')
		seg_ref(w, "F8", cl->payer_claim_no);
	x12w_seg(w, "HI");
	for (i = 0; i < e->ndiag; i++)
		x12w_comp(w, i ? "ABF" : "ABK", e->diag[i], (char *)NULL);
	x12w_end(w);
	/* 2310A, 2310B, 2310C */
	if (c->referring)
		write_provider(w, "DN", c->referring);
	if (c->rendering && strcmp(c->rendering->npi, c->billing->npi)) {
		write_provider(w, "82", c->rendering);
		if (c->rendering->taxonomy[0]) {
			x12w_seg(w, "PRV");
			x12w_el(w, "PE");
			x12w_el(w, "PXC");
			x12w_el(w, c->rendering->taxonomy);
			x12w_end(w);
		}
	}
	if (c->facility && !same_address(&c->facility->addr, &c->billing->addr)) {
		seg_nm1(w, "77", '2', c->facility->last, "", "", "XX", c->facility->npi);
		seg_address(w, &c->facility->addr);
	}
	/* 2320/2330 */
	for (i = 0; i < c->nother; i++)
		write_other(x, c, v, &c->other[i]);
	/* 2400 */
	for (i = 0; i < v->nlines; i++)
		write_line(x, c, v, i);
}

/* ---- API ---- */

int x837_begin(FILE *f, const struct x837_interchange *ic, struct x837 **out)
{
	struct x837 *x;
	struct x12_isa isa = { 0 };
	const struct settings *s = ic->settings;
	const struct receiver *r = ic->receiver;
	int ret = MB_ERROR;

	*out = NULL;
	if (!s || !r)
		return error("'interchange': settings and receiver are required");
	if (required(s->submitter_name, "submitter name") ||
	    required(s->submitter_id, "submitter id") ||
	    required(s->contact_name, "submitter contact name") ||
	    required(s->gs_id, "submitter application code") ||
	    required(r->name, "receiver name") ||
	    required(r->receiver_id, "receiver id") ||
	    required(r->gs_id, "receiver application code"))
		return MB_ERROR;
	if (!s->contact_phone[0] && !s->contact_email[0])
		return error("'submitter contact phone' is required (or an e-mail address)");
	if (s->contact_phone[0] && validate_phone(s->contact_phone, "submitter contact phone"))
		return MB_ERROR;
	if (strlen(s->submitter_id) < 2 || strlen(r->receiver_id) < 2)
		return error("'submitter id' and 'receiver id' must be at least 2 characters");

	x = xcalloc(1, sizeof(*x));
	x12w_init(&x->w, f, ic->delims);
	x->settings = *s;
	x->receiver = *r;
	x->date = ic->date;
	x->hhmm = ic->hhmm;
	SCPY(isa.sender_qual, s->isa_qual[0] ? s->isa_qual : "ZZ");
	SCPY(isa.sender_id, s->isa_id);
	SCPY(isa.receiver_qual, r->isa_qual[0] ? r->isa_qual : "ZZ");
	SCPY(isa.receiver_id, r->isa_id);
	isa.date = ic->date;
	isa.hhmm = ic->hhmm;
	isa.control = ic->isa13;
	isa.ack = ic->ack;
	isa.usage = ic->usage ? ic->usage : s->usage;
	if (x12w_isa(&x->w, &isa) != MB_OK ||
	    x12w_gs(&x->w, "HC", s->gs_id, r->gs_id, ic->date, ic->hhmm, ic->gs06,
		    X837_VERSION) != MB_OK)
		goto cleanup;
	*out = x;
	x = NULL;
	ret = MB_OK;
cleanup:
	if (x) {
		x12w_release(&x->w);
		free(x);
	}
	return ret;
}

int x837_begin_transaction(struct x837 *x, const char *st02, const char *bht03)
{
	size_t n = st02 ? strlen(st02) : 0;

	if (x->ended)
		return error("'interchange' is already closed");
	if (x->st_pending || x->st_open)
		return error("'transaction' is already open: end it first");
	if (n < 4 || n > 9)
		return error("'transaction set control number': '%s' is not 4 to 9 characters",
			     st02 ? st02 : "");
	if (!bht03 || !*bht03 || strlen(bht03) > 30)
		return error("'batch reference': '%s' is not 1 to 30 characters", bht03 ? bht03 : "");
	if (x12_has_delimiter(st02, &x->w.d) || x12_has_delimiter(bht03, &x->w.d))
		return error("'transaction': a control number holds an X12 delimiter");
	SCPY(x->st02, st02);
	SCPY(x->bht03, bht03);
	x->st_pending = true;
	x->st_claims = 0;
	return MB_OK;
}

bool x837_transaction_full(const struct x837 *x)
{
	return x->st_claims >= X837_MAX_CLAIMS;
}

int x837_claim(struct x837 *x, const struct x837_claim *c)
{
	struct view v;
	const char *pcn = c->claim ? c->claim->pcn : "";

	if (x12w_status(&x->w) != MB_OK)
		return MB_ERROR;
	if (!x->st_pending && !x->st_open)
		return error("'transaction': none is open");
	if (x837_transaction_full(x))
		return error("'transaction': it already holds %d claims; begin another", X837_MAX_CLAIMS);
	if (check_claim(x, c, &v) != MB_OK)
		return error_prefix("claim '%s'", pcn);
	if (!x->st_open)
		write_header(x);
	if (!x->hl_billing || !same_billing(&x->billing, c->billing))
		write_billing(x, c->billing);
	write_subscriber(x, c, &v);
	write_claim(x, c, &v);
	x->st_claims++;
	x->stats.claims++;
	x->stats.lines += v.nlines;
	x->stats.charges += v.total;
	return x12w_status(&x->w);
}

int x837_end_transaction(struct x837 *x)
{
	if (!x->st_pending && !x->st_open)
		return error("'transaction': none is open");
	x->st_pending = false;
	if (!x->st_open)
		return x12w_status(&x->w);
	x->st_open = false;
	return x12w_se(&x->w);
}

int x837_end(struct x837 *x)
{
	if (x->ended)
		return error("'interchange' is already closed");
	if (x->st_pending || x->st_open)
		x837_end_transaction(x);
	x->ended = true;
	x12w_ge(&x->w);
	if (x12w_iea(&x->w) != MB_OK)
		return MB_ERROR;
	if (!x->stats.claims)
		return error("'interchange' holds no claims");
	return MB_OK;
}

void x837_free(struct x837 *x)
{
	if (!x)
		return;
	x12w_release(&x->w);
	free(x);
}

void x837_stats(const struct x837 *x, struct x837_stats *st)
{
	*st = x->stats;
	st->segments = x->w.segments;
	st->bytes = x->w.bytes;
	st->replaced = x->w.replaced;
}
