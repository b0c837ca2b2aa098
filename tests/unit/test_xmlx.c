/* test_xmlx.c: the XML exchange format, struct -> XML -> struct, and its errors. */
#include "testutil.h"
#include "medbill/xmlx.h"

/* ---- a synthetic practice, one of every record with every field set ---- */

static void set_addr(struct address *a, const char *l1, const char *l2, const char *city,
		     const char *st, const char *zip)
{
	SCPY(a->line1, l1);
	SCPY(a->line2, l2);
	SCPY(a->city, city);
	SCPY(a->state, st);
	SCPY(a->zip, zip);
}

static void set_stamp(struct stamp *s, const char *by, const char *at)
{
	SCPY(s->by, by);
	SCPY(s->at, at);
}

struct sample {
	struct practice practice;
	struct receiver receiver;
	struct settings settings;
	struct provider provider[2];
	struct payer payer;
	struct fee fee;
	struct fee_expected exp[2];
	struct patient patient[2];
	struct coverage coverage;
	struct encounter enc;
	struct charge charges[2];
	struct claim claim;
	int64_t lines[2];
	int64_t batch;
	struct claim_event ev[2];
	struct ledger_row row[2];
};

static void sample_fill(struct sample *s)
{
	memset(s, 0, sizeof(*s));
	SCPY(s->practice.name, "Cedar Hollow Family Medicine & Co");
	SCPY(s->practice.npi, "1234567893");
	SCPY(s->practice.ein, "123456789");
	SCPY(s->practice.taxonomy, "207Q00000X");
	set_addr(&s->practice.addr, "100 Main St", "Suite <2>", "Springfield", "IL", "627011234");
	SCPY(s->practice.phone, "2175550100");
	s->practice.has_payto = true;
	set_addr(&s->practice.payto, "PO Box 9", "", "Springfield", "IL", "627050009");
	set_stamp(&s->practice.created, "admin", "2026-01-02T08:00:00Z");
	set_stamp(&s->practice.updated, "clerk", "2026-02-03T09:30:00Z");

	s->receiver.id = 3;
	SCPY(s->receiver.name, "Example Clearinghouse");
	SCPY(s->receiver.receiver_id, "ECH01");
	SCPY(s->receiver.isa_qual, "ZZ");
	SCPY(s->receiver.isa_id, "ECHRECV");
	SCPY(s->receiver.gs_id, "ECHGS");
	set_stamp(&s->receiver.created, "admin", "2026-01-02T08:01:00Z");

	SCPY(s->settings.submitter_name, "Cedar Hollow");
	SCPY(s->settings.submitter_id, "SUB123");
	SCPY(s->settings.contact_name, "Pat Biller");
	SCPY(s->settings.contact_phone, "2175550101");
	SCPY(s->settings.contact_email, "billing@example.org");
	SCPY(s->settings.isa_qual, "ZZ");
	SCPY(s->settings.isa_id, "CEDARHOLLOW");
	SCPY(s->settings.gs_id, "CEDARGS");
	s->settings.usage = 'T';
	s->settings.default_receiver = 3;
	set_stamp(&s->settings.updated, "admin", "2026-01-02T08:02:00Z");

	s->provider[0].id = 1;
	s->provider[0].kind = PROV_RENDERING;
	SCPY(s->provider[0].last, "Okafor");
	SCPY(s->provider[0].first, "Ada");
	SCPY(s->provider[0].npi, "1245319599");
	SCPY(s->provider[0].taxonomy, "207Q00000X");
	s->provider[0].active = true;
	set_stamp(&s->provider[0].created, "admin", "2026-01-02T08:03:00Z");
	s->provider[1].id = 7;
	s->provider[1].kind = PROV_FACILITY;
	SCPY(s->provider[1].last, "Cedar Hollow Clinic");
	SCPY(s->provider[1].npi, "1003000126");
	set_addr(&s->provider[1].addr, "200 Oak Ave", "", "Springfield", "IL", "627029999");
	s->provider[1].active = false;
	set_stamp(&s->provider[1].created, "admin", "2026-01-02T08:04:00Z");

	s->payer.id = 4;
	SCPY(s->payer.name, "Prairie Health Plan");
	SCPY(s->payer.payer_id, "PHP01");
	SCPY(s->payer.filing_code, "CI");
	set_addr(&s->payer.addr, "1 Insurance Way", "", "Chicago", "IL", "60601");
	s->payer.timely_days = 180;
	s->payer.receiver = 3;
	set_stamp(&s->payer.created, "admin", "2026-01-02T08:05:00Z");

	SCPY(s->fee.code, "99213");
	s->fee.fee = 12500;
	SCPY(s->fee.description, "Office visit, established");
	set_stamp(&s->fee.created, "admin", "2026-01-02T08:06:00Z");
	SCPY(s->exp[0].code, "99213");
	s->exp[0].payer = 4;
	s->exp[0].expected = 9011;
	SCPY(s->exp[1].code, "99213");
	s->exp[1].payer = 9;
	s->exp[1].expected = 0;

	s->patient[0].id = 10;
	SCPY(s->patient[0].account, "P0000010");
	SCPY(s->patient[0].last, "Nguyen");
	SCPY(s->patient[0].first, "Lan");
	SCPY(s->patient[0].middle, "\xc3\x89lodie");	/* UTF-8 */
	s->patient[0].dob = 19800229;
	s->patient[0].sex = 'F';
	set_addr(&s->patient[0].addr, "12 Elm St", "Apt 3", "Springfield", "IL", "62704");
	SCPY(s->patient[0].phone, "2175550142");
	s->patient[0].guarantor = 11;
	set_stamp(&s->patient[0].created, "clerk", "2026-03-01T10:00:00Z");
	set_stamp(&s->patient[0].updated, "clerk", "2026-03-02T10:00:00Z");
	s->patient[1].id = 11;
	SCPY(s->patient[1].account, "P0000011");
	SCPY(s->patient[1].last, "Nguyen");
	SCPY(s->patient[1].first, "Minh");
	s->patient[1].dob = 19750101;
	s->patient[1].sex = 'M';
	set_addr(&s->patient[1].addr, "12 Elm St", "", "Springfield", "IL", "62704");
	set_stamp(&s->patient[1].created, "clerk", "2026-03-01T10:05:00Z");
	set_stamp(&s->patient[1].updated, "clerk", "2026-03-01T10:05:00Z");

	s->coverage.id = 20;
	s->coverage.patient = 10;
	s->coverage.payer = 4;
	s->coverage.seq = 1;
	SCPY(s->coverage.member_id, "XJH123456");
	SCPY(s->coverage.group_no, "GRP-77");
	SCPY(s->coverage.relationship, REL_SPOUSE);
	SCPY(s->coverage.sub_last, "Nguyen");
	SCPY(s->coverage.sub_first, "Minh");
	SCPY(s->coverage.sub_middle, "Q");
	s->coverage.sub_dob = 19750101;
	s->coverage.sub_sex = 'M';
	set_addr(&s->coverage.sub_addr, "12 Elm St", "", "Springfield", "IL", "62704");
	s->coverage.effective = 20250101;
	s->coverage.end = 20271231;
	set_stamp(&s->coverage.created, "clerk", "2026-03-01T10:10:00Z");
	set_stamp(&s->coverage.updated, "clerk", "2026-03-01T10:10:00Z");

	s->enc.id = 30;
	s->enc.patient = 10;
	s->enc.dos = 20261101;
	s->enc.rendering = 1;
	s->enc.referring = 0;
	s->enc.facility = 7;
	SCPY(s->enc.pos, "11");
	SCPY(s->enc.prior_auth, "AUTH9");
	s->enc.onset = 20261020;
	s->enc.accident = 20261019;
	SCPY(s->enc.accident_code, "AA");
	SCPY(s->enc.accident_state, "IL");
	s->enc.ndiag = 2;
	SCPY(s->enc.diag[0], "S134XXA");
	SCPY(s->enc.diag[1], "M542");
	set_stamp(&s->enc.created, "clerk", "2026-11-01T11:00:00Z");
	s->charges[0].id = 40;
	s->charges[0].encounter = 30;
	s->charges[0].line = 1;
	SCPY(s->charges[0].code, "99213");
	SCPY(s->charges[0].mods[0], "25");
	SCPY(s->charges[0].mods[1], "GT");
	s->charges[0].units = 1;
	s->charges[0].amount = 12500;
	s->charges[0].ptrs[0] = 1;
	s->charges[0].ptrs[1] = 2;
	SCPY(s->charges[0].note, "level 3 & follow-up");
	set_stamp(&s->charges[0].created, "clerk", "2026-11-01T11:01:00Z");
	s->charges[1].id = 41;
	s->charges[1].encounter = 30;
	s->charges[1].line = 2;
	SCPY(s->charges[1].code, "J3301");
	s->charges[1].units = 2;
	s->charges[1].amount = 4005;
	s->charges[1].ptrs[0] = 2;
	SCPY(s->charges[1].ndc, "00003029305");
	SCPY(s->charges[1].ndc_unit, "ML");
	SCPY(s->charges[1].ndc_qty, "1.5");
	set_stamp(&s->charges[1].created, "clerk", "2026-11-01T11:02:00Z");
	s->enc.ncharges = 2;
	s->enc.charges = s->charges;

	s->claim.id = 50;
	s->claim.encounter = 30;
	s->claim.coverage = 20;
	SCPY(s->claim.pcn, "C50");
	s->claim.frequency = '1';
	SCPY(s->claim.payer_claim_no, "ICN-1");
	s->claim.status = CLAIM_PARTIAL;
	s->claim.total = 16505;
	s->lines[0] = 40;
	s->lines[1] = 41;
	s->claim.nlines = 2;
	s->batch = 8;
	s->claim.lines = s->lines;
	set_stamp(&s->claim.created, "clerk", "2026-11-01T11:05:00Z");
	s->ev[0].id = 60;
	s->ev[0].claim = 50;
	s->ev[0].status = CLAIM_READY;
	set_stamp(&s->ev[0].created, "clerk", "2026-11-01T11:05:00Z");
	s->ev[1].id = 61;
	s->ev[1].claim = 50;
	s->ev[1].status = CLAIM_PARTIAL;
	SCPY(s->ev[1].note, "835 \"check\" 1001");
	set_stamp(&s->ev[1].created, "poster", "2026-11-20T15:00:00Z");

	s->row[0].id = 70;
	s->row[0].kind = LEDGER_CHARGE;
	s->row[0].charge = 40;
	s->row[0].claim = 50;
	s->row[0].coverage = 20;
	s->row[0].amount = 12500;
	s->row[0].posted = 20261101;
	set_stamp(&s->row[0].created, "clerk", "2026-11-01T11:01:00Z");
	s->row[1].id = 71;
	s->row[1].kind = LEDGER_ADJUSTMENT;
	s->row[1].charge = 40;
	s->row[1].claim = 50;
	s->row[1].coverage = 20;
	s->row[1].amount = -3489;
	s->row[1].posted = 20261120;
	SCPY(s->row[1].group, "CO");
	SCPY(s->row[1].reason, "45");
	s->row[1].xfer = 5;
	s->row[1].reverses = 70;
	SCPY(s->row[1].credit_reason, "overpayment");
	SCPY(s->row[1].reference, "CHK1001");
	SCPY(s->row[1].note, "contractual");
	set_stamp(&s->row[1].created, "poster", "2026-11-20T15:00:00Z");
}

static int write_sample(const struct sample *s, const char *path)
{
	struct xmlx_writer *w;
	int ret = MB_ERROR;

	if (xmlx_writer_open(path, &w) != MB_OK)
		return MB_ERROR;
	if (xmlx_write_practice(w, &s->practice) || xmlx_write_receiver(w, &s->receiver) ||
	    xmlx_write_settings(w, &s->settings) || xmlx_write_provider(w, &s->provider[0]) ||
	    xmlx_write_provider(w, &s->provider[1]) || xmlx_write_payer(w, &s->payer) ||
	    xmlx_write_fee(w, &s->fee, s->exp, 2) || xmlx_write_patient(w, &s->patient[0]) ||
	    xmlx_write_patient(w, &s->patient[1]) || xmlx_write_coverage(w, &s->coverage) ||
	    xmlx_write_encounter(w, &s->enc) || xmlx_write_claim(w, &s->claim, s->batch, s->ev, 2) ||
	    xmlx_write_ledger(w, &s->row[0]) || xmlx_write_ledger(w, &s->row[1]) ||
	    xmlx_writer_finish(w))
		goto cleanup;
	ret = MB_OK;
cleanup:
	xmlx_writer_free(w);
	return ret;
}

/* What the reader hands out, copied (with the owned arrays pointed at our own). */
struct got {
	struct sample s;
	int n[12];
	int fail_at;		/* make the n-th callback fail (1-based), 0 never */
	int calls;
};

static int maybe_fail(struct got *g)
{
	if (++g->calls == g->fail_at)
		return error("'npi': test says no");
	return MB_OK;
}

static int cb_practice(void *arg, struct practice *p)
{
	struct got *g = arg;

	g->s.practice = *p;
	g->n[0]++;
	return maybe_fail(g);
}

static int cb_receiver(void *arg, struct receiver *r)
{
	struct got *g = arg;

	g->s.receiver = *r;
	g->n[1]++;
	return maybe_fail(g);
}

static int cb_settings(void *arg, struct settings *s)
{
	struct got *g = arg;

	g->s.settings = *s;
	g->n[2]++;
	return maybe_fail(g);
}

static int cb_provider(void *arg, struct provider *p)
{
	struct got *g = arg;

	if (g->n[3] < 2)
		g->s.provider[g->n[3]] = *p;
	g->n[3]++;
	return maybe_fail(g);
}

static int cb_payer(void *arg, struct payer *p)
{
	struct got *g = arg;

	g->s.payer = *p;
	g->n[4]++;
	return maybe_fail(g);
}

static int cb_fee(void *arg, struct fee *f, struct fee_expected *exp, int nexp)
{
	struct got *g = arg;

	g->s.fee = *f;
	assert_int_equal(nexp, 2);
	memcpy(g->s.exp, exp, sizeof(g->s.exp));
	g->n[5]++;
	return maybe_fail(g);
}

static int cb_patient(void *arg, struct patient *p)
{
	struct got *g = arg;

	if (g->n[6] < 2)
		g->s.patient[g->n[6]] = *p;
	g->n[6]++;
	return maybe_fail(g);
}

static int cb_coverage(void *arg, struct coverage *c)
{
	struct got *g = arg;

	g->s.coverage = *c;
	g->n[7]++;
	return maybe_fail(g);
}

static int cb_encounter(void *arg, struct encounter *e)
{
	struct got *g = arg;

	assert_int_equal(e->ncharges, 2);
	g->s.enc = *e;
	memcpy(g->s.charges, e->charges, sizeof(g->s.charges));
	g->s.enc.charges = g->s.charges;
	g->s.enc.charges_alloc = 0;
	g->n[8]++;
	return maybe_fail(g);
}

static int cb_claim(void *arg, struct claim *c, int64_t batch, struct claim_event *ev, int nev)
{
	struct got *g = arg;

	g->s.batch = batch;
	assert_int_equal(c->nlines, 2);
	assert_int_equal(nev, 2);
	g->s.claim = *c;
	memcpy(g->s.lines, c->lines, sizeof(g->s.lines));
	g->s.claim.lines = g->s.lines;
	memcpy(g->s.ev, ev, sizeof(g->s.ev));
	g->n[9]++;
	return maybe_fail(g);
}

static int cb_ledger(void *arg, struct ledger_row *r)
{
	struct got *g = arg;

	if (g->n[10] < 2)
		g->s.row[g->n[10]] = *r;
	g->n[10]++;
	return maybe_fail(g);
}

static void handler_init(struct xmlx_handler *h, struct got *g)
{
	memset(h, 0, sizeof(*h));
	memset(g, 0, sizeof(*g));
	h->arg = g;
	h->practice = cb_practice;
	h->receiver = cb_receiver;
	h->settings = cb_settings;
	h->provider = cb_provider;
	h->payer = cb_payer;
	h->fee = cb_fee;
	h->patient = cb_patient;
	h->coverage = cb_coverage;
	h->encounter = cb_encounter;
	h->claim = cb_claim;
	h->ledger = cb_ledger;
}

static void tmp_path(char path[64], const char *tag)
{
	int fd;

	snprintf(path, 64, "/tmp/medbill-xmlx-%s-XXXXXX", tag);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void spew(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* ---- tests ---- */

static void test_round_trip(void **state)
{
	struct sample s;
	struct xmlx_handler h;
	struct got g;
	struct xmlx_counts k;
	char a[64], b[64];
	char *ta, *tb;

	sample_fill(&s);
	tmp_path(a, "a");
	tmp_path(b, "b");
	assert_int_equal(write_sample(&s, a), MB_OK);
	handler_init(&h, &g);
	if (xmlx_read(a, &h, &k) != MB_OK)
		fail_msg("read: %s", error_last());
	assert_int_equal(k.practice, 1);
	assert_int_equal(k.providers, 2);
	assert_int_equal(k.expected, 2);
	assert_int_equal(k.charges, 2);
	assert_int_equal(k.events, 2);
	assert_int_equal(k.ledger, 2);

	/* Every field comes back as it was. */
	assert_memory_equal(&g.s.practice, &s.practice, sizeof(s.practice));
	assert_memory_equal(&g.s.receiver, &s.receiver, sizeof(s.receiver));
	assert_memory_equal(&g.s.settings, &s.settings, sizeof(s.settings));
	assert_memory_equal(g.s.provider, s.provider, sizeof(s.provider));
	assert_memory_equal(&g.s.payer, &s.payer, sizeof(s.payer));
	assert_memory_equal(&g.s.fee, &s.fee, sizeof(s.fee));
	assert_memory_equal(g.s.exp, s.exp, sizeof(s.exp));
	assert_memory_equal(g.s.patient, s.patient, sizeof(s.patient));
	assert_memory_equal(&g.s.coverage, &s.coverage, sizeof(s.coverage));
	assert_memory_equal(g.s.charges, s.charges, sizeof(s.charges));
	assert_int_equal(g.s.enc.ndiag, 2);
	assert_memory_equal(g.s.enc.diag, s.enc.diag, sizeof(s.enc.diag));
	assert_int_equal(g.s.enc.dos, s.enc.dos);
	assert_int_equal(g.s.enc.facility, 7);
	assert_int_equal(g.s.enc.referring, 0);
	assert_string_equal(g.s.enc.accident_code, "AA");
	assert_string_equal(g.s.enc.created.at, s.enc.created.at);
	assert_int_equal(g.s.claim.total, 16505);
	assert_int_equal(g.s.batch, 8);
	assert_int_equal(g.s.claim.status, CLAIM_PARTIAL);
	assert_int_equal(g.s.claim.frequency, '1');
	assert_string_equal(g.s.claim.payer_claim_no, "ICN-1");
	assert_memory_equal(g.s.lines, s.lines, sizeof(s.lines));
	assert_memory_equal(g.s.ev, s.ev, sizeof(s.ev));
	assert_memory_equal(g.s.row, s.row, sizeof(s.row));

	/* Writing what was read gives the same bytes. */
	assert_int_equal(write_sample(&g.s, b), MB_OK);
	ta = slurp(a);
	tb = slurp(b);
	assert_string_equal(ta, tb);
	/* Canonical details: money, escaping, empty sections, omitted values. */
	assert_non_null(strstr(ta, "<amount>125.00</amount>"));
	assert_non_null(strstr(ta, "<amount>-34.89</amount>"));
	assert_non_null(strstr(ta, "<expected payer=\"9\">0.00</expected>"));
	assert_non_null(strstr(ta, "Suite &lt;2&gt;"));
	assert_non_null(strstr(ta, "<active>false</active>"));
	assert_null(strstr(ta, "<referring>"));
	assert_non_null(strstr(ta, "<patient id=\"10\" created-by=\"clerk\" created-at=\"2026-03-01T10:00:00Z\" "
				   "updated-by=\"clerk\" updated-at=\"2026-03-02T10:00:00Z\">"));
	free(ta);
	free(tb);
	unlink(a);
	unlink(b);
}

static void test_empty_document(void **state)
{
	struct xmlx_writer *w;
	struct xmlx_handler h;
	struct got g;
	char a[64];
	char *t;

	tmp_path(a, "e");
	assert_int_equal(xmlx_writer_open(a, &w), MB_OK);
	assert_int_equal(xmlx_writer_finish(w), MB_OK);
	xmlx_writer_free(w);
	t = slurp(a);
	assert_string_equal(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			    "<medbill version=\"1\">\n"
			    "  <receivers/>\n  <providers/>\n  <payers/>\n  <fees/>\n  <patients/>\n"
			    "  <coverages/>\n  <encounters/>\n  <claims/>\n  <ledger/>\n"
			    "  <edits/>\n  <control-numbers/>\n  <batches/>\n  <batch-sets/>\n"
			    "  <batch-claims/>\n  <findings/>\n"
			    "</medbill>\n");
	free(t);
	handler_init(&h, &g);
	assert_int_equal(xmlx_read(a, &h, NULL), MB_OK);
	assert_int_equal(g.calls, 0);
	unlink(a);
}

/* The claim builder's records, as the reader hands them back. */
struct built {
	struct scrub_edit edit;
	struct batch_counter counter;
	struct batch batch;
	struct batch_set set;
	struct batch_claim bclaim;
	struct scrub_finding finding;
	int calls;
};

static int cb_edit(void *arg, struct scrub_edit *e)
{
	((struct built *)arg)->edit = *e;
	((struct built *)arg)->calls++;
	return MB_OK;
}

static int cb_counter(void *arg, struct batch_counter *c)
{
	((struct built *)arg)->counter = *c;
	((struct built *)arg)->calls++;
	return MB_OK;
}

static int cb_batch(void *arg, struct batch *b)
{
	((struct built *)arg)->batch = *b;
	((struct built *)arg)->calls++;
	return MB_OK;
}

static int cb_batch_set(void *arg, struct batch_set *s)
{
	((struct built *)arg)->set = *s;
	((struct built *)arg)->calls++;
	return MB_OK;
}

static int cb_batch_claim(void *arg, struct batch_claim *c)
{
	((struct built *)arg)->bclaim = *c;
	((struct built *)arg)->calls++;
	return MB_OK;
}

static int cb_finding(void *arg, struct scrub_finding *f)
{
	((struct built *)arg)->finding = *f;
	((struct built *)arg)->calls++;
	return MB_OK;
}

static void test_builder_records(void **state)
{
	struct scrub_edit e = { 0 };
	struct batch_counter c = { "ZZ:MAPLEGROVEFM", 41, 40, 0, { "clerk", "2026-10-01T10:00:00Z" } };
	struct batch b = { 0 };
	struct batch_set bs = { 7, 12, "B7T1", 2, 51 };
	struct batch_claim bc = { 7, 2, 12, 30, "P0000001-30", '7', 3, 31050 };
	struct scrub_finding f = { 0 };
	struct xmlx_handler h = { 0 };
	struct xmlx_counts n;
	struct xmlx_writer *w;
	struct built got = { 0 };
	char a[64];
	char *t;

	SCPY(e.code, "ACME_AUTH");
	e.payer = 3;
	e.severity = SCRUB_OFF;
	SCPY(e.kind, "required");
	SCPY(e.subject, "prior_auth");
	SCPY(e.field, "2300 REF*G1");
	SCPY(e.message, "{payer} wants a prior authorization");
	SCPY(e.fix, "call Acme");
	b.id = 7;
	SCPY(b.kind, "837P");
	b.receiver = 1;
	SCPY(b.receiver_name, "not written");
	SCPY(b.submitter, "ZZ:MAPLEGROVEFM");
	b.usage = 'P';
	b.isa13 = 41;
	b.gs06 = 40;
	b.st02_first = 12;
	b.st02_last = 13;
	b.status = BATCH_PARTIAL;
	SCPY(b.path, "/srv/837/a & b.x12");
	SCPY(b.tmp_path, "/srv/837/.a.tmp");
	b.claims = 2;
	b.lines = 4;
	b.total = 31050;
	b.bytes = 0;
	SCPY(b.created.by, "clerk");
	SCPY(b.created.at, "2026-10-01T10:00:00Z");
	f.claim = 30;
	f.seq = 1;
	SCPY(f.code, "LINE_CODE");
	f.severity = SCRUB_WARNING;
	f.line = 0;
	SCPY(f.message, "line 2: procedure code 'X' is not valid");

	tmp_path(a, "b");
	assert_int_equal(xmlx_writer_open(a, &w), MB_OK);
	assert_int_equal(xmlx_write_edit(w, &e), MB_OK);
	assert_int_equal(xmlx_write_counter(w, &c), MB_OK);
	assert_int_equal(xmlx_write_batch(w, &b), MB_OK);
	assert_int_equal(xmlx_write_batch_set(w, &bs), MB_OK);
	assert_int_equal(xmlx_write_batch_claim(w, &bc), MB_OK);
	assert_int_equal(xmlx_write_finding(w, &f), MB_OK);
	/* A kind earlier in the document is refused. */
	assert_int_equal(xmlx_write_edit(w, &e), MB_ERROR);
	assert_int_equal(xmlx_writer_finish(w), MB_OK);
	xmlx_writer_free(w);
	t = slurp(a);
	assert_non_null(strstr(t, "  <ledger/>\n  <edits>\n    <edit>\n      <code>ACME_AUTH</code>\n"
			       "      <payer>3</payer>\n      <severity>off</severity>\n"));
	assert_non_null(strstr(t, "  <control-numbers>\n"
			       "    <counter updated-by=\"clerk\" updated-at=\"2026-10-01T10:00:00Z\">\n"
			       "      <submitter>ZZ:MAPLEGROVEFM</submitter>\n"
			       "      <isa13>41</isa13>\n      <gs06>40</gs06>\n      <st02>0</st02>\n"
			       "    </counter>\n  </control-numbers>\n"));
	assert_non_null(strstr(t, "<path>/srv/837/a &amp; b.x12</path>"));
	assert_non_null(strstr(t, "<bytes>0</bytes>"));
	assert_null(strstr(t, "not written"));
	assert_null(strstr(t, "<sent-at>"));
	free(t);

	h.arg = &got;
	h.edit = cb_edit;
	h.counter = cb_counter;
	h.batch = cb_batch;
	h.batch_set = cb_batch_set;
	h.batch_claim = cb_batch_claim;
	h.finding = cb_finding;
	if (xmlx_read(a, &h, &n) != MB_OK)
		fail_msg("read: %s", error_last());
	assert_int_equal(got.calls, 6);
	assert_int_equal(n.edits + n.counters + n.batches + n.batch_sets + n.batch_claims + n.findings, 6);
	assert_string_equal(got.edit.code, "ACME_AUTH");
	assert_int_equal(got.edit.payer, 3);
	assert_int_equal(got.edit.severity, SCRUB_OFF);
	assert_string_equal(got.edit.kind, "required");
	assert_string_equal(got.edit.subject, "prior_auth");
	assert_string_equal(got.edit.arg, "");
	assert_string_equal(got.edit.fix, "call Acme");
	assert_string_equal(got.counter.submitter, "ZZ:MAPLEGROVEFM");
	assert_int_equal(got.counter.isa13, 41);
	assert_int_equal(got.counter.gs06, 40);
	assert_int_equal(got.counter.st02, 0);
	assert_string_equal(got.counter.updated.at, "2026-10-01T10:00:00Z");
	assert_int_equal(got.batch.id, 7);
	assert_int_equal(got.batch.receiver, 1);
	assert_string_equal(got.batch.receiver_name, "");
	assert_int_equal(got.batch.usage, 'P');
	assert_int_equal(got.batch.st02_first, 12);
	assert_int_equal(got.batch.st02_last, 13);
	assert_int_equal(got.batch.status, BATCH_PARTIAL);
	assert_string_equal(got.batch.path, "/srv/837/a & b.x12");
	assert_int_equal(got.batch.total, 31050);
	assert_int_equal(got.batch.lines, 4);
	assert_string_equal(got.batch.created.by, "clerk");
	assert_string_equal(got.batch.sent_at, "");
	assert_int_equal(got.set.batch, 7);
	assert_int_equal(got.set.st02, 12);
	assert_string_equal(got.set.bht03, "B7T1");
	assert_int_equal(got.set.segments, 51);
	assert_int_equal(got.bclaim.seq, 2);
	assert_int_equal(got.bclaim.claim, 30);
	assert_string_equal(got.bclaim.pcn, "P0000001-30");
	assert_int_equal(got.bclaim.frequency, '7');
	assert_int_equal(got.bclaim.total, 31050);
	assert_int_equal(got.finding.claim, 30);
	assert_int_equal(got.finding.severity, SCRUB_WARNING);
	assert_int_equal(got.finding.line, 0);
	assert_string_equal(got.finding.message, "line 2: procedure code 'X' is not valid");
	assert_string_equal(got.finding.field, "");
	unlink(a);
}

static void test_writer_order(void **state)
{
	struct sample s;
	struct xmlx_writer *w;
	char a[64];

	sample_fill(&s);
	tmp_path(a, "o");
	assert_int_equal(xmlx_writer_open(a, &w), MB_OK);
	assert_int_equal(xmlx_write_patient(w, &s.patient[0]), MB_OK);
	assert_int_equal(xmlx_write_payer(w, &s.payer), MB_ERROR);
	assert_non_null(strstr(error_last(), "'payers' comes earlier"));
	xmlx_writer_free(w);
	assert_int_equal(xmlx_writer_open(a, &w), MB_OK);
	assert_int_equal(xmlx_write_practice(w, &s.practice), MB_OK);
	assert_int_equal(xmlx_write_practice(w, &s.practice), MB_ERROR);
	assert_non_null(strstr(error_last(), "'practice' comes only once"));
	xmlx_writer_free(w);
	unlink(a);
}

static void test_writer_bad_text(void **state)
{
	struct sample s;
	struct xmlx_writer *w;
	char a[64];

	sample_fill(&s);
	SCPY(s.patient[0].last, "Ng\x01uyen");
	tmp_path(a, "t");
	assert_int_equal(xmlx_writer_open(a, &w), MB_OK);
	assert_int_equal(xmlx_write_patient(w, &s.patient[0]), MB_ERROR);
	assert_string_equal(error_last(), "'patient' 10: 'last-name' holds characters that XML cannot carry");
	SCPY(s.patient[0].last, "Ng\xffuyen");
	assert_int_equal(xmlx_write_patient(w, &s.patient[0]), MB_ERROR);
	xmlx_writer_free(w);
	assert_int_equal(xmlx_writer_open("/nonexistent-dir/x.xml", &w), MB_ERROR);
	assert_non_null(strstr(error_last(), "cannot create '/nonexistent-dir/x.xml'"));
	assert_null(w);
	unlink(a);
}

/* Read text as a file; returns the status and leaves the message in error_last(). */
static int read_text(const char *text, struct got *g, int fail_at)
{
	struct xmlx_handler h;
	char a[64];
	int ret;

	tmp_path(a, "r");
	spew(a, text);
	handler_init(&h, g);
	g->fail_at = fail_at;
	ret = xmlx_read(a, &h, NULL);
	unlink(a);
	return ret;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<medbill version=\"1\">\n"

static void test_malformed(void **state)
{
	struct got g;

	assert_int_equal(read_text(HEAD "  <payers>\n    <payer id=\"4\">\n      <name>X</nme>\n", &g, 0),
			 MB_ERROR);
	assert_non_null(strstr(error_last(), "line 5: malformed XML"));
	assert_non_null(strstr(error_last(), "name"));
	assert_int_equal(g.calls, 0);

	assert_int_equal(read_text("", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 1"));

	assert_int_equal(read_text("<?xml version=\"1.0\"?>\n<!DOCTYPE medbill [\n<!ENTITY x \"y\">\n]>\n"
				   "<medbill version=\"1\"/>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "DOCTYPE is not allowed"));

	assert_int_equal(xmlx_read("/nonexistent-dir/x.xml", NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "cannot open '/nonexistent-dir/x.xml'"));
}

static void test_xsd_violations(void **state)
{
	struct got g;

	/* A required child missing: the element is named, with its line. */
	assert_int_equal(read_text(HEAD "  <payers>\n    <payer id=\"4\">\n      <name>X</name>\n"
				   "      <filing-code>CI</filing-code>\n      <timely-days>1</timely-days>\n"
				   "    </payer>\n  </payers>\n</medbill>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 6: element 'filing-code'"));
	assert_non_null(strstr(error_last(), "payer-id"));
	assert_int_equal(g.calls, 0);

	/* A value that breaks its pattern: the value itself is not echoed. */
	assert_int_equal(read_text(HEAD "  <patients>\n    <patient id=\"1\">\n      <account>A1</account>\n"
				   "      <last-name>Doe</last-name>\n      <first-name>Jo</first-name>\n"
				   "      <birth-date>1980-02-30</birth-date>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 8: element 'birth-date'"));
	assert_null(strstr(error_last(), "1980-02-30"));

	/* An unknown element. */
	assert_int_equal(read_text(HEAD "  <practise/>\n</medbill>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 3: element 'practise'"));

	/* Sections out of order. */
	assert_int_equal(read_text(HEAD "  <patients/>\n  <payers/>\n</medbill>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 4: element 'payers'"));

	/* A wrong version. */
	assert_int_equal(read_text("<medbill version=\"2\"/>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "'version'"));

	/* A bad value after a good record: the line of the bad one. */
	assert_int_equal(read_text(HEAD "  <payers>\n    <payer id=\"4\">\n      <name>P</name>\n"
				   "      <payer-id>PHP01</payer-id>\n      <filing-code>CI</filing-code>\n"
				   "      <timely-days>180</timely-days>\n    </payer>\n  </payers>\n"
				   "  <fees>\n    <fee>\n      <code>99213</code>\n"
				   "      <amount>12.345</amount>\n", &g, 0), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 14: element 'amount'"));
}

static void test_reader_checks(void **state)
{
	struct got g;
	char buf[2048];

	/* Stamps go in pairs. */
	snprintf(buf, sizeof(buf), HEAD "  <payers>\n    <payer id=\"4\" created-by=\"x\">\n"
		 "      <name>P</name>\n      <payer-id>PHP01</payer-id>\n      <filing-code>CI</filing-code>\n"
		 "      <timely-days>180</timely-days>\n    </payer>\n  </payers>\n</medbill>\n");
	assert_int_equal(read_text(buf, &g, 0), MB_ERROR);
	assert_string_equal(error_last(), "line 4: 'payer' id 4: 'created-by' and 'created-at' go together");

	/* Too long in bytes for its field though short enough in characters. */
	snprintf(buf, sizeof(buf), HEAD "  <payers>\n    <payer id=\"4\">\n"
		 "      <name>%s</name>\n      <payer-id>PHP01</payer-id>\n      <filing-code>CI</filing-code>\n"
		 "      <timely-days>180</timely-days>\n    </payer>\n  </payers>\n</medbill>\n",
		 "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89"
		 "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89"
		 "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89"
		 "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89");
	assert_int_equal(read_text(buf, &g, 0), MB_ERROR);
	assert_string_equal(error_last(), "line 5: 'payer' id 4: 'name' is longer than 60 bytes");

	/* Whitespace around values is dropped. */
	snprintf(buf, sizeof(buf), HEAD "  <payers>\n    <payer id=\"4\">\n"
		 "      <name>  Prairie  </name>\n      <payer-id>PHP01</payer-id>\n"
		 "      <filing-code>CI</filing-code>\n      <timely-days>180</timely-days>\n"
		 "    </payer>\n  </payers>\n</medbill>\n");
	assert_int_equal(read_text(buf, &g, 0), MB_OK);
	assert_string_equal(g.s.payer.name, "Prairie");
	assert_int_equal(g.s.payer.timely_days, 180);
}

static void test_callback_error(void **state)
{
	struct sample s;
	struct xmlx_handler h;
	struct got g;
	char a[64];

	sample_fill(&s);
	tmp_path(a, "c");
	assert_int_equal(write_sample(&s, a), MB_OK);
	if (getenv("XMLX_KEEP")) {
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "cp %s /tmp/sample.xml", a);
		assert_int_equal(system(cmd), 0);
	}
	/* The 4th record is the first provider, on line 45. */
	handler_init(&h, &g);
	g.fail_at = 4;
	assert_int_equal(xmlx_read(a, &h, NULL), MB_ERROR);
	assert_string_equal(error_last(), "line 45: 'provider' id 1: 'npi': test says no");
	assert_int_equal(g.calls, 4);
	/* A fee has no id: its line and name. */
	handler_init(&h, &g);
	g.fail_at = 7;
	assert_int_equal(xmlx_read(a, &h, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), ": 'fee': 'npi': test says no"));
	/* No callbacks: only validation. */
	memset(&h, 0, sizeof(h));
	assert_int_equal(xmlx_read(a, &h, NULL), MB_OK);
	unlink(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_builder_records),
		cmocka_unit_test(test_writer_order),
		cmocka_unit_test(test_writer_bad_text),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_xsd_violations),
		cmocka_unit_test(test_reader_checks),
		cmocka_unit_test(test_callback_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
