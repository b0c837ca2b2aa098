/* test_encounter.c: encounters, diagnoses and charge lines. */
#include "fixtures.h"

struct world {
	char path[64];
	struct store *st;
	int64_t patient, rendering, referring, facility, payer, coverage;
};

static int setup(void **state)
{
	struct world *w = xcalloc(1, sizeof(*w));

	w->st = test_store_open(w->path);
	w->patient = fx_add_patient(w->st, "Sample", "Pat");
	w->rendering = fx_add_provider(w->st, PROV_RENDERING);
	w->referring = fx_add_provider(w->st, PROV_REFERRING);
	w->facility = fx_add_provider(w->st, PROV_FACILITY);
	w->payer = fx_add_payer(w->st, "00430", "MB");
	w->coverage = fx_add_coverage(w->st, w->patient, w->payer, 1, "MEM1");
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	test_store_close(w->st, w->path);
	free(w);
	return 0;
}

static void test_add_get(void **state)
{
	struct world *w = *state;
	struct encounter e, got;
	struct charge *c;

	encounter_init(&e);
	encounter_init(&got);
	fx_encounter(&e, w->patient, w->rendering);
	e.referring = w->referring;
	e.facility = w->facility;
	SCPY(e.diag[1], "i10");
	SCPY(e.prior_auth, "AUTH1");
	c = encounter_add_charge(&e);
	assert_int_equal(c->line, 2);
	SCPY(c->code, "j1100");
	SCPY(c->mods[0], "jw");
	c->units = 2;
	c->amount = 3050;
	c->ptrs[0] = 2;
	SCPY(c->ndc, "00009004701");
	SCPY(c->ndc_unit, "ml");
	SCPY(c->ndc_qty, "1.5");
	SCPY(c->note, "given in clinic");
	assert_ok(encounter_add(w->st, &e));
	assert_true(e.id > 0);
	assert_true(e.charges[0].id > 0 && e.charges[1].id > e.charges[0].id);
	assert_int_equal(e.charges[1].encounter, e.id);

	assert_ok(encounter_get(w->st, e.id, &got));
	assert_int_equal(got.patient, w->patient);
	assert_int_equal(got.dos, 20261102);
	assert_int_equal(got.referring, w->referring);
	assert_int_equal(got.facility, w->facility);
	assert_string_equal(got.pos, "11");
	assert_string_equal(got.prior_auth, "AUTH1");
	assert_int_equal(got.ndiag, 2);
	assert_string_equal(got.diag[0], "E119");
	assert_string_equal(got.diag[1], "I10");
	assert_int_equal(got.ncharges, 2);
	assert_string_equal(got.charges[0].code, "99213");
	assert_int_equal(got.charges[0].ptrs[1], 2);
	assert_int_equal(got.charges[0].ptrs[2], 0);
	assert_string_equal(got.charges[1].code, "J1100");
	assert_string_equal(got.charges[1].mods[0], "JW");
	assert_string_equal(got.charges[1].mods[1], "");
	assert_int_equal(got.charges[1].units, 2);
	assert_int_equal(got.charges[1].amount, 3050);
	assert_string_equal(got.charges[1].ndc, "00009004701");
	assert_string_equal(got.charges[1].ndc_unit, "ML");
	assert_string_equal(got.charges[1].note, "given in clinic");
	assert_string_equal(got.charges[1].created.by, "tester");
	assert_string_equal(got.created.at, "2026-11-26T12:00:00Z");

	/* get reuses an initialized struct */
	assert_ok(encounter_get(w->st, e.id, &got));
	assert_int_equal(got.ncharges, 2);
	assert_int_equal(encounter_get(w->st, 999, &got), MB_NOTFOUND);
	{
		struct charge one;

		assert_ok(encounter_charge_get(w->st, e.charges[1].id, &one));
		assert_string_equal(one.code, "J1100");
		assert_int_equal(encounter_charge_get(w->st, 999, &one), MB_NOTFOUND);
	}
	encounter_release(&e);
	encounter_release(&got);
}

static void test_given_ids_and_stamps(void **state)
{
	struct world *w = *state;
	struct encounter e, got;

	encounter_init(&e);
	encounter_init(&got);
	fx_encounter(&e, w->patient, w->rendering);
	e.id = 50;
	e.charges[0].id = 700;
	SCPY(e.created.by, "import");
	SCPY(e.created.at, "2025-01-02T03:04:05Z");
	assert_ok(encounter_add(w->st, &e));
	assert_ok(encounter_get(w->st, 50, &got));
	assert_int_equal(got.charges[0].id, 700);
	assert_string_equal(got.created.by, "import");
	assert_string_equal(got.charges[0].created.at, "2025-01-02T03:04:05Z");
	encounter_release(&e);
	encounter_release(&got);
}

/* Change one thing of a good encounter and expect a message naming the field. */
struct bad_case {
	void (*edit)(struct encounter *e);
	const char *msg;
};

static void e_no_diag(struct encounter *e) { e->ndiag = 0; }
static void e_13_diag(struct encounter *e) { e->ndiag = 13; }
static void e_bad_diag(struct encounter *e) { SCPY(e->diag[1], "1E0"); }
static void e_dup_diag(struct encounter *e) { SCPY(e->diag[1], "E11.9"); }
static void e_future(struct encounter *e) { e->dos = 20261127; }
static void e_unreal(struct encounter *e) { e->dos = 20260931; }
static void e_no_dos(struct encounter *e) { e->dos = 0; }
static void e_pos(struct encounter *e) { SCPY(e->pos, "1"); }
static void e_units(struct encounter *e) { e->charges[0].units = 0; }
static void e_amount(struct encounter *e) { e->charges[0].amount = -500; }
static void e_code(struct encounter *e) { SCPY(e->charges[0].code, "9921"); }
static void e_mod(struct encounter *e) { SCPY(e->charges[0].mods[0], "2"); }
static void e_mod_gap(struct encounter *e) { SCPY(e->charges[0].mods[1], "25"); }
static void e_mod_dup(struct encounter *e) { SCPY(e->charges[0].mods[0], "25"); SCPY(e->charges[0].mods[1], "25"); }
static void e_ptr_none(struct encounter *e) { memset(e->charges[0].ptrs, 0, sizeof(e->charges[0].ptrs)); }
static void e_ptr_high(struct encounter *e) { e->charges[0].ptrs[1] = 3; }
static void e_ptr_gap(struct encounter *e) { e->charges[0].ptrs[1] = 0; e->charges[0].ptrs[2] = 2; }
static void e_ptr_dup(struct encounter *e) { e->charges[0].ptrs[1] = 1; }
static void e_no_charges(struct encounter *e) { e->ncharges = 0; }
static void e_ndc(struct encounter *e) { SCPY(e->charges[0].ndc, "123"); }
static void e_ndc_unit(struct encounter *e) { SCPY(e->charges[0].ndc, "00009004701"); SCPY(e->charges[0].ndc_unit, "KG"); SCPY(e->charges[0].ndc_qty, "1"); }
static void e_ndc_qty(struct encounter *e) { SCPY(e->charges[0].ndc, "00009004701"); SCPY(e->charges[0].ndc_unit, "UN"); SCPY(e->charges[0].ndc_qty, "0"); }
static void e_acc_code(struct encounter *e) { SCPY(e->accident_code, "XX"); e->accident = 20261101; }
static void e_acc_date(struct encounter *e) { SCPY(e->accident_code, "EM"); }
static void e_acc_state(struct encounter *e) { SCPY(e->accident_code, "AA"); e->accident = 20261101; }
static void e_acc_nocode(struct encounter *e) { e->accident = 20261101; }
static void e_onset(struct encounter *e) { e->onset = 20261103; }
static void e_note(struct encounter *e) { SCPY(e->charges[0].note, "a~b"); }
static void e_patient(struct encounter *e) { e->patient = 0; }
static void e_rendering(struct encounter *e) { e->rendering = 0; }

static const struct bad_case bad_cases[] = {
	{ e_no_diag, "'diagnoses': at least one diagnosis is required" },
	{ e_13_diag, "'diagnoses': 13 is more than 12" },
	{ e_bad_diag, "'diagnosis 2': '1E0' is not an ICD-10-CM code (like E119 or S52521A)" },
	{ e_dup_diag, "'diagnosis 2': 'E119' is also diagnosis 1" },
	{ e_future, "'dos': 2026-11-27 is in the future" },
	{ e_unreal, "'dos': 20260931 is not a real date" },
	{ e_no_dos, "'dos' is required" },
	{ e_pos, "'pos': '1' is not a 2-digit place of service" },
	{ e_units, "'line 1 units': 0 is not greater than 0" },
	{ e_amount, "'line 1 amount': -5.00 is not greater than 0" },
	{ e_code, "'line 1 code': '9921' is not a CPT or HCPCS code (5 digits, 4 digits and F, T or U, or a letter and 4 digits)" },
	{ e_mod, "'line 1 modifier 1': '2' is not a modifier (2 letters or digits)" },
	{ e_mod_gap, "'line 1 modifier 1' is empty but modifier 2 is not" },
	{ e_mod_dup, "'line 1 modifier 2': '25' is also modifier 1" },
	{ e_ptr_none, "'line 1 pointer 1' is required: point at a diagnosis" },
	{ e_ptr_high, "'line 1 pointer 2': 3 is not one of the 2 diagnoses" },
	{ e_ptr_gap, "'line 1 pointer 2' is empty but pointer 3 is not" },
	{ e_ptr_dup, "'line 1 pointer 2': 1 is also pointer 1" },
	{ e_no_charges, "'charges': at least one charge line is required" },
	{ e_ndc, "'line 1 ndc': '123' is not an 11-digit NDC" },
	{ e_ndc_unit, "'line 1 ndc unit': 'KG' is not F2, GR, ME, ML or UN" },
	{ e_ndc_qty, "'line 1 ndc quantity': '0' is not greater than 0" },
	{ e_acc_code, "'accident code': 'XX' is not AA (auto), EM (employment) or OA (other)" },
	{ e_acc_date, "'accident date' is required with accident code 'EM'" },
	{ e_acc_state, "'accident state' is required" },
	{ e_acc_nocode, "'accident code' is required with an accident date or state" },
	{ e_onset, "'onset': 20261103 is not a real date on or before the date of service" },
	{ e_note, "'line 1 note': '~' is not allowed (it separates X12 data)" },
	{ e_patient, "'patient' is required" },
	{ e_rendering, "'rendering' provider is required" },
};

static void test_bad_input(void **state)
{
	struct world *w = *state;
	struct encounter e;
	struct practice_counts c;
	size_t i;

	encounter_init(&e);
	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		fx_encounter(&e, w->patient, w->rendering);
		bad_cases[i].edit(&e);
		error_clear();
		if (encounter_add(w->st, &e) != MB_ERROR)
			fail_msg("case %zu (%s) accepted", i, bad_cases[i].msg);
		assert_string_equal(error_last(), bad_cases[i].msg);
	}
	assert_ok(practice_counts(w->st, &c));
	assert_int_equal(c.encounters, 0);
	assert_int_equal(c.charges, 0);
	encounter_release(&e);
}

static void test_database_rules(void **state)
{
	struct world *w = *state;
	struct encounter e;
	struct patient p;
	struct coverage cov;
	int64_t other;

	encounter_init(&e);
	fx_encounter(&e, 99, w->rendering);
	assert_int_equal(encounter_add(w->st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'patient': no patient 99");
	fx_encounter(&e, w->patient, 99);
	assert_int_equal(encounter_add(w->st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'rendering': no provider 99");
	fx_encounter(&e, w->patient, w->referring);
	assert_int_equal(encounter_add(w->st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'rendering': provider 2 is a referring provider, not rendering");
	fx_encounter(&e, w->patient, w->rendering);
	e.facility = w->rendering;
	assert_int_equal(encounter_add(w->st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'facility': provider 1 is a rendering provider, not facility");
	fx_encounter(&e, w->patient, w->rendering);
	e.referring = w->facility;
	assert_int_equal(encounter_add(w->st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'referring': provider 3 is a facility provider, not referring");
	e.referring = w->rendering;	/* a rendering provider may refer */
	assert_ok(encounter_validate(w->st, &e, 0));

	fx_encounter(&e, w->patient, w->rendering);
	e.dos = 19791231;
	assert_int_equal(encounter_add(w->st, &e), MB_ERROR);
	assert_string_equal(error_last(), "'dos': 1979-12-31 is before the patient's birth on 1980-01-15");

	/* the coverage, when given, is the patient's and active on the DOS */
	fx_encounter(&e, w->patient, w->rendering);
	assert_ok(encounter_validate(w->st, &e, w->coverage));
	e.dos = 20251231;
	assert_int_equal(encounter_validate(w->st, &e, w->coverage), MB_ERROR);
	assert_string_equal(error_last(),
			    "'coverage': coverage 1 is not active on 2025-12-31 (it starts 2026-01-01)");
	assert_int_equal(encounter_validate(w->st, &e, 42), MB_ERROR);
	assert_string_equal(error_last(), "'coverage': no coverage 42");
	fx_patient(&p, "Sample", "Other");
	assert_ok(patient_add(w->st, &p));
	other = fx_add_coverage(w->st, p.id, w->payer, 1, "MEM2");
	fx_encounter(&e, w->patient, w->rendering);
	assert_int_equal(encounter_validate(w->st, &e, other), MB_ERROR);
	assert_string_equal(error_last(), "'coverage': coverage 2 belongs to patient 2, not 1");
	assert_ok(coverage_get(w->st, w->coverage, &cov));
	encounter_release(&e);
}

struct walk {
	int64_t ids[8];
	int ncharges[8];
	char first_diag[8][8];
	int n;
};

static int walk_one(const struct encounter *e, void *arg)
{
	struct walk *w = arg;

	w->ids[w->n] = e->id;
	w->ncharges[w->n] = e->ncharges;
	SCPY(w->first_diag[w->n], e->diag[0]);
	w->n++;
	return MB_OK;
}

static void test_foreach(void **state)
{
	struct world *w = *state;
	struct encounter e;
	struct walk walk = { .n = 0 };
	int64_t p2 = fx_add_patient(w->st, "Sample", "Two");
	int i;

	encounter_init(&e);
	for (i = 0; i < 4; i++) {
		fx_encounter(&e, i == 2 ? p2 : w->patient, w->rendering);
		e.dos = 20261110 - i;
		SCPY(e.diag[0], i == 1 ? "J020" : "E119");
		if (i == 3)
			encounter_add_charge(&e)[0] = (struct charge){ .code = "99000", .units = 1,
								     .amount = 500, .ptrs = { 1 } };
		assert_ok(encounter_add(w->st, &e));
	}
	assert_ok(encounter_foreach(w->st, walk_one, &walk));
	assert_int_equal(walk.n, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(walk.ids[i], i + 1);
	assert_int_equal(walk.ncharges[3], 2);
	assert_int_equal(walk.ncharges[0], 1);
	assert_string_equal(walk.first_diag[1], "J020");

	/* one patient's, by date of service */
	walk.n = 0;
	assert_ok(encounter_foreach_patient(w->st, w->patient, walk_one, &walk));
	assert_int_equal(walk.n, 3);
	assert_int_equal(walk.ids[0], 4);
	assert_int_equal(walk.ids[1], 2);
	assert_int_equal(walk.ids[2], 1);
	assert_int_equal(walk.ncharges[0], 2);
	encounter_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_given_ids_and_stamps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_database_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreach, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
