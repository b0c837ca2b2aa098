/* test_claim.c: claim statuses, making the claims of an encounter, history, filters, import. */
#include "ledger_fixture.h"
#include "medbill/patient.h"
#include "medbill/claim.h"
#include "medbill/ledger.h"
#include "medbill/check.h"
#include "medbill/encounter.h"

static int count_breach(const struct check_breach *b, void *ud)
{
	print_message("breach: %s: %s\n", check_kind_name(b->kind), b->text);
	++*(int *)ud;
	return 0;
}

static void assert_clean(struct fx *f)
{
	int n = 0;
	size_t nb = 0;

	assert_int_equal(check_run(f->st, count_breach, &n, &nb), MB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(nb, 0);
}

static void test_status_names(void **state)
{
	enum claim_status s;
	int i;

	for (i = 0; i < CLAIM_STATUS_COUNT; i++) {
		assert_int_equal(claim_status_parse(claim_status_name(i), &s), MB_OK);
		assert_int_equal(s, i);
		assert_true(strlen(claim_status_desc(i)) > 0);
	}
	assert_string_equal(claim_status_name(CLAIM_PARTIAL), "partial");
	assert_int_equal(claim_status_parse("Ready", &s), MB_OK);
	assert_int_equal(s, CLAIM_READY);
	assert_int_equal(claim_status_parse("sent", &s), MB_ERROR);
	assert_string_equal(error_last(), "'status': 'sent' is not a claim status");
	assert_string_equal(claim_status_name(CLAIM_STATUS_COUNT), "?");
}

static void test_create_primary(void **state)
{
	struct fx f;
	struct claim_posting p;
	struct claim c;
	struct claim_event *ev;
	size_t nev;
	cents_t bal;
	int64_t enc;

	fx_open(&f);
	enc = fx_encounter(&f, 1, "2026-11-02", 2, 10000);
	assert_int_equal(claim_create(f.st, enc, &p), MB_OK);
	assert_int_equal(p.nclaims, 1);
	assert_int_equal(p.coverage, 1);
	assert_int_equal(p.payer, 1);
	assert_int_equal(p.total, 20100);
	assert_int_equal(claim_get(f.st, p.claims[0], &c), MB_OK);
	assert_int_equal(c.status, CLAIM_READY);
	assert_int_equal(c.coverage, 1);
	assert_int_equal(c.total, 20100);
	assert_int_equal(c.nlines, 2);
	assert_int_equal(c.lines[0], fx_charge(&f, enc, 1));
	assert_int_equal(c.lines[1], fx_charge(&f, enc, 2));
	assert_int_equal(c.frequency, '1');
	assert_string_equal(c.pcn, "A1001-1");
	assert_string_equal(c.created.by, "tester");
	assert_string_equal(c.created.at, "2026-11-26T12:00:00Z");
	assert_int_equal(claim_history(f.st, c.id, &ev, &nev), MB_OK);
	assert_int_equal(nev, 1);
	assert_int_equal(ev[0].status, CLAIM_READY);
	assert_string_equal(ev[0].created.by, "tester");
	assert_non_null(strstr(ev[0].note, "encounter"));
	free(ev);
	/* One charge row per line, to the primary, and the projection. */
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger WHERE kind = 'charge' AND coverage_id = 1"), 2);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger WHERE claim_id IS NULL"), 0);
	assert_int_equal(ledger_balance(f.st, c.lines[1], 1, &bal), MB_OK);
	assert_int_equal(bal, 10100);
	assert_int_equal(fx_int(&f, "SELECT sum(amount) FROM balance_days WHERE payer_id = 1"), 20100);
	claim_release(&c);
	claim_posting_release(&p);
	assert_clean(&f);
	fx_close(&f);
}

static void test_create_patient_responsibility(void **state)
{
	struct fx f;
	struct claim_posting p;
	struct claim c;
	int64_t enc;

	fx_open(&f);
	enc = fx_encounter(&f, 2, "2026-11-02", 1, 7500);
	assert_int_equal(claim_create(f.st, enc, &p), MB_OK);
	assert_int_equal(p.coverage, 0);
	assert_int_equal(p.payer, 0);
	assert_int_equal(claim_get(f.st, p.claims[0], &c), MB_OK);
	assert_int_equal(c.status, CLAIM_PATIENT);
	assert_int_equal(c.coverage, 0);
	assert_string_equal(c.pcn, "A1002-1");
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM balances WHERE party = 0 AND amount = 7500"
				" AND payer_id IS NULL AND patient_id = 2"), 1);
	claim_release(&c);
	claim_posting_release(&p);
	assert_clean(&f);
	fx_close(&f);
}

static void test_create_picks_active_coverage(void **state)
{
	struct fx f;
	struct claim_posting p;
	int64_t enc;

	fx_open(&f);
	/* Before any coverage began: the patient. */
	enc = fx_encounter(&f, 1, "2025-12-31", 1, 5000);
	assert_int_equal(claim_create(f.st, enc, &p), MB_OK);
	assert_int_equal(p.coverage, 0);
	claim_posting_release(&p);
	/* The primary ended: the secondary is the one active. */
	fx_sql(&f, "UPDATE coverages SET end_date = '2026-06-30' WHERE id = 1");
	enc = fx_encounter(&f, 1, "2026-07-01", 1, 5000);
	assert_int_equal(claim_create(f.st, enc, &p), MB_OK);
	assert_int_equal(p.coverage, 2);
	assert_int_equal(p.payer, 2);
	claim_posting_release(&p);
	/* On its last day the primary still is. */
	enc = fx_encounter(&f, 1, "2026-06-30", 1, 5000);
	assert_int_equal(claim_create(f.st, enc, NULL), MB_OK);
	assert_int_equal(fx_int(&f, "SELECT coverage_id FROM claims ORDER BY id DESC LIMIT 1"), 1);
	assert_clean(&f);
	fx_close(&f);
}

static void test_split_over_50(void **state)
{
	struct fx f;
	struct claim_posting p;
	struct claim c;
	int64_t enc;
	int i, lines = 0;
	cents_t sum = 0;

	fx_open(&f);
	enc = fx_encounter(&f, 1, "2026-11-02", 120, 1000);
	assert_int_equal(claim_create(f.st, enc, &p), MB_OK);
	assert_int_equal(p.nclaims, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(claim_get(f.st, p.claims[i], &c), MB_OK);
		assert_int_equal(c.nlines, i < 2 ? 50 : 20);
		assert_int_equal(c.lines[0], fx_charge(&f, enc, i * 50 + 1));
		assert_true(strlen(c.pcn) <= 20);
		lines += c.nlines;
		sum += c.total;
		claim_release(&c);
	}
	assert_int_equal(lines, 120);
	assert_int_equal(sum, p.total);
	assert_int_equal(fx_int(&f, "SELECT count(DISTINCT pcn) FROM claims"), 3);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger"), 120);
	/* Each charge row names the claim that carries its line. */
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger l JOIN claim_lines cl"
				" ON cl.charge_id = l.charge_id AND cl.claim_id = l.claim_id"), 120);
	claim_posting_release(&p);
	assert_clean(&f);
	fx_close(&f);
}

static void test_create_refused(void **state)
{
	struct fx f;
	int64_t enc;

	fx_open(&f);
	enc = fx_encounter(&f, 1, "2026-11-02", 1, 1000);
	assert_int_equal(claim_create(f.st, enc, NULL), MB_OK);
	assert_int_equal(claim_create(f.st, enc, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "already has claims"));
	enc = fx_encounter(&f, 1, "2026-11-02", 0, 1000);
	assert_int_equal(claim_create(f.st, enc, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "has no charge lines"));
	assert_int_equal(claim_create(f.st, 999, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'encounter'"));
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM claims"), 1);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger"), 1);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM claim_history"), 1);
	assert_clean(&f);
	fx_close(&f);
}

static void test_set_status(void **state)
{
	struct fx f;
	struct claim c;
	struct claim_event *ev;
	size_t n;
	struct claim_posting p;

	fx_open(&f);
	assert_int_equal(claim_create(f.st, fx_encounter(&f, 1, "2026-11-02", 1, 1000), &p), MB_OK);
	user_set("clerk2");
	assert_int_equal(claim_set_status(f.st, p.claims[0], CLAIM_SUBMITTED, "batch 7"), MB_OK);
	user_set("tester");
	assert_int_equal(claim_set_status(f.st, p.claims[0], CLAIM_VOID, NULL), MB_OK);
	assert_int_equal(claim_set_status(f.st, p.claims[0], CLAIM_READY, "again"), MB_ERROR);
	assert_non_null(strstr(error_last(), "void"));
	assert_int_equal(claim_get(f.st, p.claims[0], &c), MB_OK);
	assert_int_equal(c.status, CLAIM_VOID);
	claim_release(&c);
	assert_int_equal(claim_history(f.st, p.claims[0], &ev, &n), MB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(ev[1].status, CLAIM_SUBMITTED);
	assert_string_equal(ev[1].note, "batch 7");
	assert_string_equal(ev[1].created.by, "clerk2");
	assert_string_equal(ev[1].created.at, "2026-11-26T12:00:00Z");
	assert_int_equal(ev[2].status, CLAIM_VOID);
	free(ev);
	assert_int_equal(claim_set_status(f.st, 4242, CLAIM_HOLD, NULL), MB_NOTFOUND);
	assert_string_equal(error_last(), "'claim': no claim 4242");
	assert_int_equal(claim_set_status(f.st, p.claims[0], CLAIM_STATUS_COUNT, NULL), MB_ERROR);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM claim_history"), 3);
	claim_posting_release(&p);
	fx_close(&f);
}

static void test_payer_claim_no_and_batch(void **state)
{
	struct fx f;
	struct claim c;
	struct claim_posting p;
	char buf[64];

	fx_open(&f);
	assert_int_equal(claim_create(f.st, fx_encounter(&f, 1, "2026-11-02", 1, 1000), &p), MB_OK);
	assert_int_equal(claim_set_payer_claim_no(f.st, p.claims[0], "ICN123"), MB_OK);
	assert_int_equal(claim_get_by_pcn(f.st, "A1001-1", &c), MB_OK);
	assert_string_equal(c.payer_claim_no, "ICN123");
	claim_release(&c);
	assert_int_equal(claim_get_by_pcn(f.st, "NOPE", &c), MB_NOTFOUND);
	assert_string_equal(error_last(), "'pcn': no claim 'NOPE'");
	assert_int_equal(claim_set_batch(f.st, p.claims[0], 12), MB_OK);
	assert_int_equal(fx_int(&f, "SELECT batch_id FROM claim_state"), 12);
	assert_int_equal(claim_set_batch(f.st, 99, 12), MB_NOTFOUND);
	assert_int_equal(claim_set_batch(f.st, p.claims[0], -1), MB_ERROR);
	memset(buf, 'X', 51);
	buf[51] = '\0';
	assert_int_equal(claim_set_payer_claim_no(f.st, p.claims[0], buf), MB_ERROR);
	assert_non_null(strstr(error_last(), "'payer_claim_no'"));
	claim_posting_release(&p);
	fx_close(&f);
}

struct seen {
	int n;
	int64_t ids[16];
	int lines[16];
	cents_t balance[16];
	char payer[16][64];
};

static int see(const struct claim_row *r, void *ud)
{
	struct seen *s = ud;

	if (s->n < 16) {
		s->ids[s->n] = r->claim.id;
		s->lines[s->n] = r->claim.nlines;
		s->balance[s->n] = r->balance;
		snprintf(s->payer[s->n], 64, "%s", r->payer_name);
	}
	s->n++;
	return 0;
}

static int stop_at_first(const struct claim_row *r, void *ud)
{
	return 7;
}

static void test_foreach_filters(void **state)
{
	struct fx f;
	struct claim_filter flt;
	struct seen s;
	int64_t e1, e2, e3;

	fx_open(&f);
	e1 = fx_encounter(&f, 1, "2026-09-01", 2, 1000);	/* claim 1: Acme, 2 lines */
	e2 = fx_encounter(&f, 2, "2026-10-01", 1, 2000);	/* claim 2: patient */
	e3 = fx_encounter(&f, 1, "2026-11-01", 3, 3000);	/* claim 3: Acme, 3 lines */
	assert_int_equal(claim_create(f.st, e1, NULL), MB_OK);
	assert_int_equal(claim_create(f.st, e2, NULL), MB_OK);
	assert_int_equal(claim_create(f.st, e3, NULL), MB_OK);
	assert_int_equal(claim_set_batch(f.st, 3, 5), MB_OK);

	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, NULL, see, &s), MB_OK);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.ids[0], 1);
	assert_int_equal(s.ids[2], 3);
	assert_int_equal(s.lines[0], 0);	/* no lines unless asked */
	assert_int_equal(s.balance[0], 2100);
	assert_string_equal(s.payer[0], "Acme Health");
	assert_string_equal(s.payer[1], "");

	claim_filter_init(&flt);
	flt.with_lines = true;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.lines[0], 2);
	assert_int_equal(s.lines[1], 1);
	assert_int_equal(s.lines[2], 3);

	claim_filter_init(&flt);
	flt.any_status = false;
	flt.status = CLAIM_PATIENT;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], 2);

	claim_filter_init(&flt);
	flt.payer = 1;
	flt.from = 20261001;
	flt.with_lines = true;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], 3);
	assert_int_equal(s.lines[0], 3);

	claim_filter_init(&flt);
	flt.patient = 1;
	flt.to = 20261001;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], 1);

	claim_filter_init(&flt);
	flt.batchless = true;
	flt.provider = 1;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.n, 2);

	claim_filter_init(&flt);
	flt.batch = 5;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], 3);

	claim_filter_init(&flt);
	flt.provider = 2;
	memset(&s, 0, sizeof(s));
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_OK);
	assert_int_equal(s.n, 0);

	assert_int_equal(claim_foreach(f.st, NULL, stop_at_first, NULL), 7);
	claim_filter_init(&flt);
	flt.from = 20261101;
	flt.to = 20261001;
	assert_int_equal(claim_foreach(f.st, &flt, see, &s), MB_ERROR);
	assert_non_null(strstr(error_last(), "'from'"));
	fx_close(&f);
}

static void test_add_validation(void **state)
{
	struct fx f;
	struct claim c;
	int64_t e1, e2, lines[60];
	int i;

	fx_open(&f);
	e1 = fx_encounter(&f, 1, "2026-11-02", 2, 1000);
	e2 = fx_encounter(&f, 2, "2026-11-02", 1, 1000);
	claim_init(&c);
	c.encounter = e1;
	c.coverage = 1;
	c.status = CLAIM_READY;
	c.lines = lines;

	c.nlines = 0;
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'lines': a claim carries 1 to 50 lines, not 0");
	for (i = 0; i < 51; i++)
		lines[i] = fx_charge(&f, e1, 1);
	c.nlines = 51;
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'lines'"));
	c.nlines = 2;
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "appears twice"));
	lines[1] = fx_charge(&f, e2, 1);
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "is not a charge of encounter"));
	lines[1] = fx_charge(&f, e1, 2);
	c.encounter = e2;
	c.nlines = 1;
	lines[0] = fx_charge(&f, e2, 1);
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_string_equal(error_last(), "'coverage': coverage 1 is not a coverage of the encounter's patient");
	c.encounter = e1;
	lines[0] = fx_charge(&f, e1, 1);
	c.nlines = 2;
	c.frequency = '3';
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "'frequency'"));
	c.frequency = '1';
	c.original = 77;
	assert_int_equal(claim_add(f.st, &c, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "no claim 77"));
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM claims"), 0);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM claim_history"), 0);

	/* A replacement of a stored claim: no ledger rows, its own pcn. */
	c.original = 0;
	assert_int_equal(claim_add(f.st, &c, "original"), MB_OK);
	assert_int_equal(c.total, 2100);
	c.original = c.id;
	c.id = 0;
	c.pcn[0] = '\0';
	c.frequency = '7';
	assert_int_equal(claim_add(f.st, &c, "replacement"), MB_OK);
	assert_string_equal(c.pcn, "A1001-2");
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger"), 0);
	assert_int_equal(fx_int(&f, "SELECT original_id FROM claims WHERE id = 2"), 1);
	fx_close(&f);
}

static void test_pcn_scheme(void **state)
{
	struct fx f;
	struct claim_posting p;
	char buf[64];

	fx_open(&f);
	/* A long account with characters X12 must not see is cut and cleaned. */
	fx_sql(&f, "UPDATE patients SET account = 'ab*cd~efghijklmnopqrstuvwxyz' WHERE id = 2");
	assert_int_equal(claim_create(f.st, fx_encounter(&f, 2, "2026-11-02", 1, 1000), &p), MB_OK);
	assert_string_equal(fx_text(&f, "SELECT pcn FROM claims WHERE id = 1", buf, sizeof(buf)),
			    "ABCDEFGHIJKLMNOPQR-1");
	claim_posting_release(&p);
	/* An imported claim holding the next generated pcn: the fallback. */
	fx_sql(&f, "INSERT INTO claims (id, encounter_id, pcn, total, created_by, created_at)"
		   " VALUES (1000, 1, 'A1001-1001', 0, " FX_STAMP ");"
		   "INSERT INTO claim_state (claim_id, status) VALUES (1000, 'closed')");
	assert_int_equal(claim_create(f.st, fx_encounter(&f, 1, "2026-11-02", 1, 1000), &p), MB_OK);
	assert_string_equal(fx_text(&f, "SELECT pcn FROM claims WHERE id = 1001", buf, sizeof(buf)),
			    "C1001");
	claim_posting_release(&p);
	fx_close(&f);
}

static int collect_events(const struct claim_event *ev, void *ud)
{
	++*(int *)ud;
	return 0;
}

static void test_import_preserves(void **state)
{
	struct fx f;
	struct claim c, got;
	struct claim_event ev = { 0 };
	int64_t enc, lines[1];
	int n = 0;

	fx_open(&f);
	enc = fx_encounter(&f, 1, "2026-03-04", 1, 4500);
	claim_init(&c);
	c.id = 40;
	c.encounter = enc;
	c.coverage = 1;
	SCPY(c.pcn, "OLD-SYS-77");
	c.frequency = '1';
	c.status = CLAIM_PAID;
	c.total = 4500;
	c.nlines = 1;
	lines[0] = fx_charge(&f, enc, 1);
	c.lines = lines;
	SCPY(c.created.by, "migrator");
	SCPY(c.created.at, "2026-03-05T09:10:11Z");
	assert_int_equal(claim_insert(f.st, &c), MB_OK);
	ev.id = 9;
	ev.claim = 40;
	ev.status = CLAIM_PAID;
	SCPY(ev.note, "paid in the old system");
	SCPY(ev.created.by, "migrator");
	SCPY(ev.created.at, "2026-04-01T00:00:00Z");
	assert_int_equal(claim_event_insert(f.st, &ev), MB_OK);
	assert_int_equal(claim_get(f.st, 40, &got), MB_OK);
	assert_string_equal(got.pcn, "OLD-SYS-77");
	assert_int_equal(got.status, CLAIM_PAID);
	assert_string_equal(got.created.by, "migrator");
	assert_string_equal(got.created.at, "2026-03-05T09:10:11Z");
	assert_int_equal(got.nlines, 1);
	claim_release(&got);
	assert_int_equal(claim_event_foreach(f.st, 0, collect_events, &n), MB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(fx_int(&f, "SELECT id FROM claim_history WHERE created_by = 'migrator'"), 9);
	/* A second claim with the same pcn is refused by the database. */
	c.id = 41;
	assert_int_equal(claim_insert(f.st, &c), MB_ERROR);
	assert_non_null(strstr(error_last(), "'claim'"));
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM claims"), 1);
	fx_close(&f);
}

/* A routine visit of patient 1 through the domain's encounter rules. */
static void visit(struct encounter *e, const char *dos_iso, int nlines)
{
	struct charge *c;
	int i;

	encounter_init(e);
	e->patient = 1;
	assert_int_equal(date_parse(dos_iso, &e->dos, "dos"), MB_OK);
	e->rendering = 1;
	SCPY(e->pos, "11");
	e->ndiag = 2;
	SCPY(e->diag[0], "J06.9");
	SCPY(e->diag[1], "R05.1");
	for (i = 0; i < nlines; i++) {
		c = encounter_add_charge(e);
		SCPY(c->code, i ? "87880" : "99213");
		c->units = 1;
		c->amount = 9500 + i;
		c->ptrs[0] = 1;
	}
}

static void test_encounter_post(void **state)
{
	struct fx f;
	struct encounter e;
	struct claim_posting p;
	struct claim c;

	fx_open(&f);
	visit(&e, "2026-11-20", 2);
	assert_int_equal(encounter_post(f.st, &e, &p), MB_OK);
	assert_true(e.id > 0);
	assert_true(e.charges[1].id > 0);
	assert_int_equal(p.nclaims, 1);
	assert_int_equal(p.coverage, 1);
	assert_int_equal(p.total, 19001);
	assert_int_equal(claim_get(f.st, p.claims[0], &c), MB_OK);
	assert_int_equal(c.encounter, e.id);
	assert_int_equal(c.lines[1], e.charges[1].id);
	assert_int_equal(c.status, CLAIM_READY);
	claim_release(&c);
	claim_posting_release(&p);
	encounter_release(&e);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger"), 2);
	assert_clean(&f);
	fx_close(&f);
}

/* A visit of 51 lines posts as two claims of 50 and 1 lines, in order. */
static void test_encounter_post_splits(void **state)
{
	struct fx f;
	struct encounter e;
	struct claim_posting p;
	struct claim c1, c2;

	fx_open(&f);
	visit(&e, "2026-11-20", 51);
	assert_int_equal(encounter_post(f.st, &e, &p), MB_OK);
	assert_int_equal(p.nclaims, 2);
	assert_int_equal(claim_get(f.st, p.claims[0], &c1), MB_OK);
	assert_int_equal(claim_get(f.st, p.claims[1], &c2), MB_OK);
	assert_int_equal(c1.nlines, 50);
	assert_int_equal(c2.nlines, 1);
	assert_int_equal(c1.lines[0], e.charges[0].id);
	assert_int_equal(c2.lines[0], e.charges[50].id);
	assert_int_equal(c1.total + c2.total, p.total);
	assert_string_not_equal(c1.pcn, c2.pcn);
	claim_release(&c1);
	claim_release(&c2);
	claim_posting_release(&p);
	encounter_release(&e);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger"), 51);
	assert_clean(&f);
	fx_close(&f);
}

/* Once billed, a coverage keeps its payer: the balances follow the payer. */
static void test_billed_coverage_keeps_payer(void **state)
{
	struct fx f;
	struct encounter e;
	struct claim_posting p;
	struct coverage cov;

	fx_open(&f);
	visit(&e, "2026-11-20", 1);
	assert_int_equal(encounter_post(f.st, &e, &p), MB_OK);
	assert_int_equal(coverage_get(f.st, p.coverage, &cov), MB_OK);
	SCPY(cov.group_no, "G-NEW");
	assert_int_equal(coverage_update(f.st, &cov), MB_OK);
	cov.payer = cov.payer == 1 ? 2 : 1;
	assert_int_equal(coverage_update(f.st, &cov), MB_ERROR);
	assert_non_null(strstr(error_last(), "'payer'"));
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM coverages WHERE group_no = 'G-NEW'"), 1);
	claim_posting_release(&p);
	encounter_release(&e);
	assert_clean(&f);
	fx_close(&f);
}

static void test_encounter_post_all_or_nothing(void **state)
{
	struct fx f;
	struct encounter e;
	struct claim_posting p;

	fx_open(&f);
	/* The encounter's own rules refuse it. */
	visit(&e, "2026-12-01", 1);
	assert_int_equal(encounter_post(f.st, &e, &p), MB_ERROR);
	assert_non_null(strstr(error_last(), "'dos'"));
	assert_int_equal(e.id, 0);
	assert_int_equal(p.nclaims, 0);
	encounter_release(&e);
	/* The claim cannot be written: the encounter goes too. */
	fx_sql(&f, "CREATE TRIGGER no_claims BEFORE INSERT ON claims"
		   " BEGIN SELECT RAISE(ABORT, 'claims are closed'); END");
	visit(&e, "2026-11-20", 1);
	assert_int_equal(encounter_post(f.st, &e, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "claims are closed"));
	assert_int_equal(e.id, 0);
	assert_int_equal(e.charges[0].id, 0);
	encounter_release(&e);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM encounters"), 0);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM charges"), 0);
	assert_int_equal(fx_int(&f, "SELECT count(*) FROM ledger"), 0);
	fx_sql(&f, "DROP TRIGGER no_claims");
	visit(&e, "2026-11-20", 1);
	assert_int_equal(encounter_post(f.st, &e, NULL), MB_OK);
	encounter_release(&e);
	assert_clean(&f);
	fx_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names),
		cmocka_unit_test(test_create_primary),
		cmocka_unit_test(test_create_patient_responsibility),
		cmocka_unit_test(test_create_picks_active_coverage),
		cmocka_unit_test(test_split_over_50),
		cmocka_unit_test(test_create_refused),
		cmocka_unit_test(test_set_status),
		cmocka_unit_test(test_payer_claim_no_and_batch),
		cmocka_unit_test(test_foreach_filters),
		cmocka_unit_test(test_add_validation),
		cmocka_unit_test(test_pcn_scheme),
		cmocka_unit_test(test_import_preserves),
		cmocka_unit_test(test_encounter_post),
		cmocka_unit_test(test_encounter_post_splits),
		cmocka_unit_test(test_billed_coverage_keeps_payer),
		cmocka_unit_test(test_encounter_post_all_or_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
