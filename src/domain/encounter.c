/*
 * encounter.c: rules for encounters, their diagnoses and charge lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/encounter.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/store_entities.h"
#include "medbill/util.h"
#include "medbill/validate.h"

void encounter_init(struct encounter *e)
{
	memset(e, 0, sizeof(*e));
}

void encounter_release(struct encounter *e)
{
	free(e->charges);
	memset(e, 0, sizeof(*e));
}

struct charge *encounter_add_charge(struct encounter *e)
{
	struct charge *c;

	ALLOC_GROW(e->charges, (size_t)e->ncharges + 1, e->charges_alloc);
	c = &e->charges[e->ncharges++];
	memset(c, 0, sizeof(*c));
	c->encounter = e->id;
	c->line = e->ncharges;
	return c;
}

static void charge_normalize(struct charge *c)
{
	int i;

	normalize_code(c->code);
	for (i = 0; i < MAX_MODS; i++)
		normalize_code(c->mods[i]);
	normalize_digits(c->ndc);
	normalize_code(c->ndc_unit);
	strtrim(c->ndc_qty);
	strtrim(c->note);
}

void encounter_normalize(struct encounter *e)
{
	int i;

	normalize_code(e->pos);
	strtrim(e->prior_auth);
	normalize_code(e->accident_code);
	normalize_code(e->accident_state);
	for (i = 0; i < e->ndiag && i < MAX_DIAG; i++)
		normalize_icd10(e->diag[i]);
	for (i = 0; i < e->ncharges; i++)
		charge_normalize(&e->charges[i]);
}

/* ---- rules without the database ---- */

static int check_dates(const struct encounter *e)
{
	char iso[DATE_ISO_LEN];

	if (!e->dos)
		return error("'dos' is required");
	if (!date_valid(e->dos))
		return error("'dos': %d is not a real date", (int)e->dos);
	if (e->dos > date_today()) {
		date_iso(e->dos, iso);
		return error("'dos': %s is in the future", iso);
	}
	if (e->onset && (!date_valid(e->onset) || e->onset > e->dos))
		return error("'onset': %d is not a real date on or before the date of service",
			     (int)e->onset);
	if (e->accident && (!date_valid(e->accident) || e->accident > e->dos))
		return error("'accident date': %d is not a real date on or before the date of service",
			     (int)e->accident);
	return MB_OK;
}

static int check_accident(const struct encounter *e)
{
	const char *c = e->accident_code;

	if (!c[0]) {
		if (e->accident || e->accident_state[0])
			return error("'accident code' is required with an accident date or state");
		return MB_OK;
	}
	if (strcmp(c, "AA") && strcmp(c, "EM") && strcmp(c, "OA"))
		return error("'accident code': '%s' is not AA (auto), EM (employment) or OA (other)", c);
	if (!e->accident)
		return error("'accident date' is required with accident code '%s'", c);
	if (!strcmp(c, "AA") && validate_state(e->accident_state, "accident state") != MB_OK)
		return MB_ERROR;
	if (e->accident_state[0] && validate_state(e->accident_state, "accident state") != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

static int check_diagnoses(const struct encounter *e)
{
	char field[32];
	int i, j;

	if (e->ndiag < 1)
		return error("'diagnoses': at least one diagnosis is required");
	if (e->ndiag > MAX_DIAG)
		return error("'diagnoses': %d is more than %d", e->ndiag, MAX_DIAG);
	for (i = 0; i < e->ndiag; i++) {
		snprintf(field, sizeof(field), "diagnosis %d", i + 1);
		if (validate_icd10(e->diag[i], field) != MB_OK)
			return MB_ERROR;
		for (j = 0; j < i; j++)
			if (!strcmp(e->diag[i], e->diag[j]))
				return error("'%s': '%s' is also diagnosis %d", field, e->diag[i], j + 1);
	}
	return MB_OK;
}

static int check_modifiers(const struct charge *c, int line)
{
	char field[48];
	int i, j;

	for (i = 0; i < MAX_MODS; i++) {
		snprintf(field, sizeof(field), "line %d modifier %d", line, i + 1);
		if (!c->mods[i][0]) {
			for (j = i + 1; j < MAX_MODS; j++)
				if (c->mods[j][0])
					return error("'%s' is empty but modifier %d is not", field, j + 1);
			return MB_OK;
		}
		if (validate_modifier(c->mods[i], field) != MB_OK)
			return MB_ERROR;
		for (j = 0; j < i; j++)
			if (!strcmp(c->mods[i], c->mods[j]))
				return error("'%s': '%s' is also modifier %d", field, c->mods[i], j + 1);
	}
	return MB_OK;
}

static int check_pointers(const struct charge *c, int line, int ndiag)
{
	char field[48];
	int i, j;

	for (i = 0; i < MAX_PTRS; i++) {
		snprintf(field, sizeof(field), "line %d pointer %d", line, i + 1);
		if (!c->ptrs[i]) {
			if (i == 0)
				return error("'%s' is required: point at a diagnosis", field);
			for (j = i + 1; j < MAX_PTRS; j++)
				if (c->ptrs[j])
					return error("'%s' is empty but pointer %d is not", field, j + 1);
			return MB_OK;
		}
		if (c->ptrs[i] < 1 || c->ptrs[i] > ndiag)
			return error("'%s': %d is not one of the %d diagnoses", field, c->ptrs[i], ndiag);
		for (j = 0; j < i; j++)
			if (c->ptrs[i] == c->ptrs[j])
				return error("'%s': %d is also pointer %d", field, c->ptrs[i], j + 1);
	}
	return MB_OK;
}

static int check_ndc(const struct charge *c, int line)
{
	static const char *const units[] = { "F2", "GR", "ME", "ML", "UN" };
	char field[32];
	cents_t qty;
	size_t i;

	if (!c->ndc[0]) {
		if (c->ndc_unit[0] || c->ndc_qty[0])
			return error("'line %d ndc' is required with a drug unit or quantity", line);
		return MB_OK;
	}
	snprintf(field, sizeof(field), "line %d ndc", line);
	if (validate_ndc(c->ndc, field) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < ARRAY_SIZE(units) && strcmp(units[i], c->ndc_unit); i++)
		;
	if (i == ARRAY_SIZE(units))
		return error("'line %d ndc unit': '%s' is not F2, GR, ME, ML or UN", line, c->ndc_unit);
	snprintf(field, sizeof(field), "line %d ndc quantity", line);
	if (money_parse(c->ndc_qty, &qty, field) != MB_OK)
		return MB_ERROR;
	if (qty <= 0)
		return error("'%s': '%s' is not greater than 0", field, c->ndc_qty);
	return MB_OK;
}

static int check_charge(const struct charge *c, int line, int ndiag)
{
	char field[32];

	snprintf(field, sizeof(field), "line %d code", line);
	if (validate_procedure(c->code, field) != MB_OK || check_modifiers(c, line) != MB_OK)
		return MB_ERROR;
	if (c->units <= 0)
		return error("'line %d units': %d is not greater than 0", line, c->units);
	if (c->amount <= 0)
		return error("'line %d amount': %s is not greater than 0", line,
			     money_fmt(c->amount, (char[MONEY_BUF]){ 0 }));
	if (check_pointers(c, line, ndiag) != MB_OK || check_ndc(c, line) != MB_OK)
		return MB_ERROR;
	snprintf(field, sizeof(field), "line %d note", line);
	return validate_text(c->note, field, false);
}

int encounter_check(const struct encounter *e)
{
	int i;

	if (!e->patient)
		return error("'patient' is required");
	if (!e->rendering)
		return error("'rendering' provider is required");
	if (check_dates(e) != MB_OK || validate_pos(e->pos, "pos") != MB_OK ||
	    validate_text(e->prior_auth, "prior auth", false) != MB_OK ||
	    check_accident(e) != MB_OK || check_diagnoses(e) != MB_OK)
		return MB_ERROR;
	if (e->ncharges < 1)
		return error("'charges': at least one charge line is required");
	if (e->ncharges > MAX_ENCOUNTER_LINES)
		return error("'charges': %d lines are more than %d", e->ncharges, MAX_ENCOUNTER_LINES);
	for (i = 0; i < e->ncharges; i++)
		if (check_charge(&e->charges[i], i + 1, e->ndiag) != MB_OK)
			return MB_ERROR;
	return MB_OK;
}

/* ---- rules with the database ---- */

static int check_provider(struct store *st, int64_t id, const char *field, enum provider_kind want,
			  bool or_rendering)
{
	struct provider p;
	int rc = store_provider_get(st, id, &p);

	if (rc == MB_NOTFOUND)
		return error("'%s': no provider %lld", field, (long long)id);
	if (rc != MB_OK)
		return MB_ERROR;
	if (p.kind != want && !(or_rendering && p.kind == PROV_RENDERING))
		return error("'%s': provider %lld is a %s provider, not %s", field, (long long)id,
			     provider_kind_name(p.kind), provider_kind_name(want));
	return MB_OK;
}

static int check_patient(struct store *st, const struct encounter *e)
{
	struct patient p;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	int rc = store_patient_get(st, e->patient, &p);

	if (rc == MB_NOTFOUND)
		return error("'patient': no patient %lld", (long long)e->patient);
	if (rc != MB_OK)
		return MB_ERROR;
	if (e->dos < p.dob) {
		date_iso(e->dos, a);
		date_iso(p.dob, b);
		return error("'dos': %s is before the patient's birth on %s", a, b);
	}
	return MB_OK;
}

static int check_coverage(struct store *st, const struct encounter *e, int64_t coverage)
{
	struct coverage c;
	int rc = store_coverage_get(st, coverage, &c);

	if (rc == MB_NOTFOUND)
		return error("'coverage': no coverage %lld", (long long)coverage);
	if (rc != MB_OK)
		return MB_ERROR;
	if (c.patient != e->patient)
		return error("'coverage': coverage %lld belongs to patient %lld, not %lld",
			     (long long)coverage, (long long)c.patient, (long long)e->patient);
	return coverage_check_date(&c, e->dos, "coverage");
}

int encounter_validate(struct store *st, const struct encounter *e, int64_t coverage)
{
	if (encounter_check(e) != MB_OK || check_patient(st, e) != MB_OK ||
	    check_provider(st, e->rendering, "rendering", PROV_RENDERING, false) != MB_OK)
		return MB_ERROR;
	if (e->referring && check_provider(st, e->referring, "referring", PROV_REFERRING, true) != MB_OK)
		return MB_ERROR;
	if (e->facility && check_provider(st, e->facility, "facility", PROV_FACILITY, false) != MB_OK)
		return MB_ERROR;
	if (coverage && check_coverage(st, e, coverage) != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

int encounter_add(struct store *st, struct encounter *e)
{
	encounter_normalize(e);
	if (encounter_validate(st, e, 0) != MB_OK)
		return MB_ERROR;
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_encounter_insert(st, e) != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}

int encounter_get(struct store *st, int64_t id, struct encounter *out)
{
	encounter_release(out);
	return store_encounter_get(st, id, out);
}

int encounter_charge_get(struct store *st, int64_t charge_id, struct charge *out)
{
	return store_charge_get(st, charge_id, out);
}

int encounter_foreach(struct store *st, encounter_fn fn, void *arg)
{
	return store_encounter_foreach(st, fn, arg);
}

int encounter_foreach_patient(struct store *st, int64_t patient, encounter_fn fn, void *arg)
{
	return store_encounter_foreach_patient(st, patient, fn, arg);
}
