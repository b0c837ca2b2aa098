/*
 * test_x837.c: the 837P generator. A hand-checked interchange
 * (tests/data/x837/golden.837) is rebuilt from structs and compared byte
 * for byte; every refusal leaves the file untouched.
 */
#include "testutil.h"
#include "medbill/x837.h"

#define GOLDEN "tests/data/x837/golden.837"

/* ---- the practice's synthetic data ---- */

static const struct settings settings = {
	.submitter_name = "Harbor Billing Service", .submitter_id = "HBS123456",
	.contact_name = "Dana Clerk", .contact_phone = "6175550100",
	.contact_email = "edi@harborbilling.example",
	.isa_qual = "ZZ", .isa_id = "HARBORBILL", .gs_id = "HARBORBILL", .usage = 'T',
};

static const struct receiver receiver = {
	.name = "Clearwave Exchange", .receiver_id = "CLRWAVE01",
	.isa_qual = "ZZ", .isa_id = "CLEARWAVE", .gs_id = "CLEARWAVE",
};

static const struct practice practice = {
	.name = "Harbor Family Medicine PC", .npi = "1234567893", .ein = "041234567",
	.taxonomy = "207Q00000X",
	.addr = { "100 Harbor St", "Suite 2", "Boston", "MA", "021101234" },
	.phone = "6175550100",
	.has_payto = true,
	.payto = { "PO Box 4410", "", "Boston", "MA", "02110" },
};

static const struct payer bshp = {
	.id = 1, .name = "Bay State Health Plan", .payer_id = "BSHP1", .filing_code = "CI",
};
static const struct payer granite = {
	.id = 2, .name = "Granite Mutual", .payer_id = "GRNT9", .filing_code = "CI",
};

static const struct provider morgan = {
	.id = 1, .kind = PROV_RENDERING, .last = "Morgan", .first = "Lee",
	.npi = "1111111112", .taxonomy = "207Q00000X",
};
static const struct provider same_as_billing = {
	.id = 2, .kind = PROV_RENDERING, .last = "Harbor", .first = "Pat", .npi = "1234567893",
};
static const struct provider patel = {
	.id = 3, .kind = PROV_REFERRING, .last = "Patel", .first = "Avery", .npi = "2222222228",
};
static const struct provider imaging = {
	.id = 4, .kind = PROV_FACILITY, .last = "Harbor Imaging Center", .npi = "3333333334",
	.addr = { "250 Summer St", "", "Boston", "MA", "021102345" },
};

static const struct patient jordan = {
	.id = 1, .account = "A1001", .last = "Rivera", .first = "Jordan", .middle = "A",
	.dob = 19800315, .sex = 'F',
	.addr = { "12 Elm St", "Apt 3", "Quincy", "MA", "02169" },
};
static const struct patient sam = {
	.id = 2, .account = "A1002", .last = "O'Rivera*Jr", .first = "Sam",
	.dob = 20150704, .sex = 'M',
	.addr = { "12 Elm St", "Apt 3", "Quincy", "MA", "021690001" },
};

static const struct coverage jordan_bshp = {
	.id = 1, .patient = 1, .payer = 1, .seq = 1, .member_id = "BSH0012345",
	.group_no = "GRP77", .relationship = "18", .effective = 20260101,
};
static const struct coverage sam_bshp = {
	.id = 2, .patient = 2, .payer = 1, .seq = 1, .member_id = "BSH0012345",
	.group_no = "GRP77", .relationship = "19",
	.sub_last = "Rivera", .sub_first = "Jordan", .sub_middle = "A",
	.sub_dob = 19800315, .sub_sex = 'F',
	.sub_addr = { "12 Elm St", "Apt 3", "Quincy", "MA", "02169" },
	.effective = 20260101,
};
static const struct coverage sam_granite = {
	.id = 3, .patient = 2, .payer = 2, .seq = 2, .member_id = "GM556677",
	.relationship = "19", .sub_last = "Rivera", .sub_first = "Casey",
	.sub_dob = 19790202, .sub_sex = 'M',
	.sub_addr = { "40 Oak Rd", "", "Milton", "MA", "02186" },
	.effective = 20260101,
};

/* Claim A: the patient is the subscriber; rendering provider, prior
 * authorization, onset, a drug line with its NDC. */
static struct charge lines_a[] = {
	{ .id = 501, .line = 1, .code = "99213", .units = 1, .amount = 12500, .ptrs = { 1, 2 } },
	{ .id = 502, .line = 2, .code = "87880", .mods = { "QW" }, .units = 1, .amount = 3550,
	  .ptrs = { 1 } },
	{ .id = 503, .line = 3, .code = "J1100", .units = 2, .amount = 2500, .ptrs = { 1 },
	  .ndc = "00009003402", .ndc_unit = "ML", .ndc_qty = "1.5" },
};
static struct encounter enc_a = {
	.id = 1, .patient = 1, .dos = 20261102, .pos = "11", .prior_auth = "PA55512",
	.onset = 20261030, .ndiag = 2, .diag = { "J069", "R509" },
	.ncharges = 3, .charges = lines_a,
};
static const struct claim claim_a = { .id = 1, .pcn = "PCN1001", .frequency = '1' };

/* Claim B: a dependent with a second coverage on file, a referring
 * provider, a service facility, 12 diagnoses and 4 modifiers. */
static struct charge lines_b[] = {
	{ .id = 601, .line = 1, .code = "73030", .mods = { "26", "RT", "59", "XS" }, .units = 1,
	  .amount = 9000, .ptrs = { 1, 2, 3, 4 } },
	{ .id = 602, .line = 2, .code = "99203", .units = 1, .amount = 18000, .ptrs = { 12, 11 } },
};
static struct encounter enc_b = {
	.id = 2, .patient = 2, .dos = 20261103, .pos = "22", .ndiag = 12,
	.diag = { "S42201A", "W010XXA", "Y92219", "M25511", "R52", "Z23", "J449", "E119",
		  "I10", "E785", "K219", "F419" },
	.ncharges = 2, .charges = lines_b,
};
static const struct claim claim_b = { .id = 2, .pcn = "PCN1002", .frequency = '1' };
static const struct x837_other other_b[] = {
	{ .coverage = &sam_granite, .payer = &granite },
};
static const char *const pos_b[] = { "", "11" };
static const char *const ctl_b[] = { "PCN1002-1", "PCN1002-2" };

/* Claim C replaces claim A; claim D voids it; claim E is an auto accident. */
static const struct claim claim_c = {
	.id = 3, .pcn = "PCN1001R", .frequency = '7', .payer_claim_no = "ICN2026110500123",
};
static const struct claim claim_d = {
	.id = 4, .pcn = "PCN1001V", .frequency = '8', .payer_claim_no = "ICN2026110500123",
};
static struct charge lines_e[] = {
	{ .id = 801, .line = 1, .code = "99284", .mods = { "25" }, .units = 1, .amount = 45000,
	  .ptrs = { 1 } },
};
static struct encounter enc_e = {
	.id = 5, .patient = 1, .dos = 20261110, .pos = "23", .ndiag = 1, .diag = { "S134XXA" },
	.accident = 20261109, .accident_code = "AA", .accident_state = "NH",
	.onset = 20261110, .ncharges = 1, .charges = lines_e,
};
static const struct claim claim_e = { .id = 5, .pcn = "PCN1005", .frequency = '1' };

/* Claim F: the secondary claim of B, with the primary's adjudication. */
static const struct x837_cas cas_f[] = {
	{ "PR", "1", 5000, 0 },
	{ "CO", "45", 7000, 0 },
	{ "PR", "2", 1000, 0 },
};
static const struct x837_line_adj line_adj_f[] = {
	{ .line = 1, .paid = 6000, .units = 1, .ncas = 1, .cas = { { "CO", "45", 3000, 0 } },
	  .date = 20261120 },
	{ .line = 2, .paid = 8000, .units = 1, .ncas = 2,
	  .cas = { { "PR", "1", 5000, 0 }, { "CO", "45", 5000, 0 } }, .date = 20261120 },
};
static const struct x837_adjudication adj_f = {
	.paid = 14000, .nlines = 2, .lines = line_adj_f, .date = 20261120,
};
static const struct x837_adjudication adj_f_claim = {
	.paid = 14000, .ncas = 3, .cas = cas_f, .date = 20261120,
};
static const struct x837_other other_f[] = {
	{ .coverage = &sam_bshp, .payer = &bshp, .adjudication = &adj_f },
};
static const struct x837_other other_g[] = {
	{ .coverage = &sam_bshp, .payer = &bshp, .adjudication = &adj_f_claim },
};
static const struct claim claim_f = { .id = 6, .pcn = "PCN1002S", .frequency = '1' };
static const struct claim claim_g = { .id = 7, .pcn = "PCN1002T", .frequency = '1' };

static const struct x837_interchange interchange = {
	.settings = &settings, .receiver = &receiver, .isa13 = 1201, .gs06 = 1201,
	.date = 20261126, .hhmm = 1415,
};

static struct x837_claim claim_of_a(void)
{
	return (struct x837_claim){
		.billing = &practice, .payer = &bshp, .coverage = &jordan_bshp,
		.patient = &jordan, .claim = &claim_a, .encounter = &enc_a,
		.rendering = &morgan,
	};
}

static struct x837_claim claim_of_b(void)
{
	return (struct x837_claim){
		.billing = &practice, .payer = &bshp, .coverage = &sam_bshp,
		.patient = &sam, .claim = &claim_b, .encounter = &enc_b,
		.referring = &patel, .rendering = &same_as_billing, .facility = &imaging,
		.nother = 1, .other = other_b, .line_pos = pos_b, .line_ctl = ctl_b,
	};
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Write the golden interchange into a memory buffer. */
static char *build_golden(size_t *len)
{
	struct x837 *x;
	struct x837_claim c;
	struct x837_stats st;
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	assert_int_equal(x837_begin(f, &interchange, &x), MB_OK);
	assert_int_equal(x837_begin_transaction(x, "0001", "B20261126-1"), MB_OK);
	c = claim_of_a();
	assert_int_equal(x837_claim(x, &c), MB_OK);
	c = claim_of_b();
	assert_int_equal(x837_claim(x, &c), MB_OK);
	assert_int_equal(x837_end_transaction(x), MB_OK);

	assert_int_equal(x837_begin_transaction(x, "0002", "B20261126-2"), MB_OK);
	c = claim_of_a();
	c.claim = &claim_c;
	c.nlines = 1;
	c.lines = lines_a;
	assert_int_equal(x837_claim(x, &c), MB_OK);
	c.claim = &claim_d;
	assert_int_equal(x837_claim(x, &c), MB_OK);
	c = claim_of_a();
	c.claim = &claim_e;
	c.encounter = &enc_e;
	c.rendering = NULL;
	c.facility = &imaging;
	assert_int_equal(x837_claim(x, &c), MB_OK);
	c = claim_of_b();
	c.claim = &claim_f;
	c.payer = &granite;
	c.coverage = &sam_granite;
	c.other = other_f;
	c.line_ctl = NULL;
	c.referring = NULL;
	assert_int_equal(x837_claim(x, &c), MB_OK);
	c.claim = &claim_g;
	c.other = other_g;
	c.facility = NULL;
	assert_int_equal(x837_claim(x, &c), MB_OK);
	assert_int_equal(x837_end(x), MB_OK);
	x837_stats(x, &st);
	assert_int_equal(st.claims, 7);
	assert_int_equal(st.transactions, 2);
	assert_int_equal(st.lines, 1 + 3 + 2 + 1 + 1 + 2 + 2);
	assert_int_equal(st.replaced, 3);	/* the "*" in the dependent's name, 3 claims */
	x837_free(x);
	fclose(f);
	return buf;
}

static void test_golden_byte_for_byte(void **state)
{
	size_t glen, len;
	char *want = slurp(GOLDEN, &glen);
	char *got = build_golden(&len);

	if (len != glen || memcmp(want, got, len)) {
		FILE *f = fopen("build/x837-golden.actual", "wb");

		if (f) {
			fwrite(got, 1, len, f);
			fclose(f);
		}
		fail_msg("generated 837P differs from %s (see build/x837-golden.actual)", GOLDEN);
	}
	free(want);
	free(got);
}

/* ---- refusals: message naming the field, and nothing written ---- */

struct refusal {
	const char *want;
	void (*mutate)(struct x837_claim *c, struct practice *p, struct encounter *e,
		       struct charge *l, struct claim *cl, struct coverage *cov);
};

static void bad_npi(struct x837_claim *c, struct practice *p, struct encounter *e,
		    struct charge *l, struct claim *cl, struct coverage *cov)
{
	SCPY(p->npi, "1234567890");
}
static void bad_zip5(struct x837_claim *c, struct practice *p, struct encounter *e,
		     struct charge *l, struct claim *cl, struct coverage *cov)
{
	SCPY(p->addr.zip, "02110");
}
static void bad_pointer(struct x837_claim *c, struct practice *p, struct encounter *e,
			struct charge *l, struct claim *cl, struct coverage *cov)
{
	l[1].ptrs[1] = 3;
}
static void no_icn(struct x837_claim *c, struct practice *p, struct encounter *e,
		   struct charge *l, struct claim *cl, struct coverage *cov)
{
	cl->frequency = '7';
}
static void bad_units(struct x837_claim *c, struct practice *p, struct encounter *e,
		      struct charge *l, struct claim *cl, struct coverage *cov)
{
	l[2].units = 0;
}
static void too_many_lines(struct x837_claim *c, struct practice *p, struct encounter *e,
			   struct charge *l, struct claim *cl, struct coverage *cov)
{
	c->nlines = 51;
	c->lines = l;
}
static void no_diag(struct x837_claim *c, struct practice *p, struct encounter *e,
		    struct charge *l, struct claim *cl, struct coverage *cov)
{
	e->ndiag = 0;
}
static void dotted_diag(struct x837_claim *c, struct practice *p, struct encounter *e,
			struct charge *l, struct claim *cl, struct coverage *cov)
{
	SCPY(e->diag[1], "R50.9");
}
static void bad_relationship(struct x837_claim *c, struct practice *p, struct encounter *e,
			     struct charge *l, struct claim *cl, struct coverage *cov)
{
	SCPY(cov->relationship, "77");
}
static void no_pcn(struct x837_claim *c, struct practice *p, struct encounter *e,
		   struct charge *l, struct claim *cl, struct coverage *cov)
{
	cl->pcn[0] = '\0';
}
static void no_state(struct x837_claim *c, struct practice *p, struct encounter *e,
		     struct charge *l, struct claim *cl, struct coverage *cov)
{
	SCPY(e->accident_code, "AA");
	e->accident = 20261101;
}
static void bad_ndc_unit(struct x837_claim *c, struct practice *p, struct encounter *e,
			 struct charge *l, struct claim *cl, struct coverage *cov)
{
	SCPY(l[2].ndc_unit, "XX");
}
static void no_member(struct x837_claim *c, struct practice *p, struct encounter *e,
		      struct charge *l, struct claim *cl, struct coverage *cov)
{
	cov->member_id[0] = '\0';
}
static void same_responsibility(struct x837_claim *c, struct practice *p, struct encounter *e,
				struct charge *l, struct claim *cl, struct coverage *cov)
{
	static const struct x837_other o[] = { { .coverage = &sam_bshp, .payer = &granite } };

	c->nother = 1;
	c->other = o;
}

static void test_refusals_write_nothing(void **state)
{
	static const struct refusal cases[] = {
		{ "claim 'PCN1001': 'billing provider npi': '1234567890' fails its check digit", bad_npi },
		{ "claim 'PCN1001': 'billing provider address ZIP': '02110' needs its 4-digit extension (ZIP+4)",
		  bad_zip5 },
		{ "claim 'PCN1001': 'line 2 diagnosis pointer 2': 3 points past the 2 diagnoses",
		  bad_pointer },
		{ "claim 'PCN1001': 'payer claim number' is required", no_icn },
		{ "claim 'PCN1001': 'line 3 units': 0 is not more than 0", bad_units },
		{ "claim 'PCN1001': 'lines': 51 is not 1 to 50", too_many_lines },
		{ "claim 'PCN1001': 'diagnoses': 0 is not 1 to 12", no_diag },
		{ "claim 'PCN1001': 'diagnosis 2': 'R50.9' must be given without its dot", dotted_diag },
		{ "claim 'PCN1001': 'relationship': '77' is not a patient relationship code "
		  "(01 19 20 21 39 40 53 G8)", bad_relationship },
		{ "claim '': 'patient control number' is required", no_pcn },
		{ "claim 'PCN1001': 'accident state' is required", no_state },
		{ "claim 'PCN1001': 'line 3 ndc unit': 'XX' is not F2, GR, ME, ML or UN", bad_ndc_unit },
		{ "claim 'PCN1001': 'member id' is required", no_member },
		{ "claim 'PCN1001': 'other coverage 1 responsibility': 'P' is the claim's own",
		  same_responsibility },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct practice p = practice;
		struct encounter e = enc_a;
		struct charge l[51];
		struct claim cl = claim_a;
		struct coverage cov = jordan_bshp;
		struct x837_claim c = claim_of_a();
		struct x837 *x;
		char *buf = NULL;
		size_t len = 0, before;
		FILE *f = open_memstream(&buf, &len);
		int k;

		for (k = 0; k < 51; k++)
			l[k] = lines_a[k % 3];
		e.charges = l;
		c.billing = &p;
		c.encounter = &e;
		c.claim = &cl;
		c.coverage = &cov;
		cases[i].mutate(&c, &p, &e, l, &cl, &cov);
		assert_int_equal(x837_begin(f, &interchange, &x), MB_OK);
		assert_int_equal(x837_begin_transaction(x, "0001", "B1"), MB_OK);
		fflush(f);
		before = len;
		if (x837_claim(x, &c) != MB_ERROR)
			fail_msg("case %zu was accepted", i);
		assert_string_equal(error_last(), cases[i].want);
		fflush(f);
		assert_int_equal(len, before);
		x837_free(x);
		fclose(f);
		free(buf);
	}
}

static void test_transaction_rules(void **state)
{
	struct x837_claim c = claim_of_a();
	struct x837 *x;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i;

	assert_int_equal(x837_begin(f, &interchange, &x), MB_OK);
	assert_int_equal(x837_claim(x, &c), MB_ERROR);
	assert_string_equal(error_last(), "'transaction': none is open");
	assert_int_equal(x837_begin_transaction(x, "01", "B1"), MB_ERROR);
	assert_string_equal(error_last(), "'transaction set control number': '01' is not 4 to 9 characters");
	/* A transaction that ends empty leaves nothing behind. */
	assert_int_equal(x837_begin_transaction(x, "0001", "B1"), MB_OK);
	assert_int_equal(x837_end_transaction(x), MB_OK);
	fflush(f);
	assert_null(strstr(buf, "ST*"));
	assert_int_equal(x837_begin_transaction(x, "0002", "B2"), MB_OK);
	assert_int_equal(x837_begin_transaction(x, "0003", "B3"), MB_ERROR);
	for (i = 0; i < X837_MAX_CLAIMS; i++)
		assert_int_equal(x837_claim(x, &c), MB_OK);
	assert_true(x837_transaction_full(x));
	assert_int_equal(x837_claim(x, &c), MB_ERROR);
	assert_string_equal(error_last(), "'transaction': it already holds 5000 claims; begin another");
	assert_int_equal(x837_end_transaction(x), MB_OK);
	assert_int_equal(x837_begin_transaction(x, "0003", "B3"), MB_OK);
	assert_false(x837_transaction_full(x));
	assert_int_equal(x837_claim(x, &c), MB_OK);
	assert_int_equal(x837_end(x), MB_OK);
	x837_free(x);
	fclose(f);
	assert_non_null(strstr(buf, "SE*135015*0002~"));
	assert_non_null(strstr(buf, "GE*2*1201~\nIEA*1*000001201~\n"));
	free(buf);
}

static void test_empty_interchange_refused(void **state)
{
	struct x837 *x;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct x837_interchange ic = interchange;
	struct settings s = settings;

	assert_int_equal(x837_begin(f, &ic, &x), MB_OK);
	assert_int_equal(x837_end(x), MB_ERROR);
	assert_string_equal(error_last(), "'interchange' holds no claims");
	x837_free(x);
	s.contact_phone[0] = '\0';
	s.contact_email[0] = '\0';
	ic.settings = &s;
	assert_int_equal(x837_begin(f, &ic, &x), MB_ERROR);
	assert_null(x);
	ic = interchange;
	ic.usage = 'Q';
	assert_int_equal(x837_begin(f, &ic, &x), MB_ERROR);
	assert_string_equal(error_last(), "'usage': 'Q' is not T (test) or P (production)");
	fclose(f);
	free(buf);
}

/* A line's note goes out as NTE*ADD after its REF*6R (before 2410), cleaned. */
static void test_line_note(void **state)
{
	struct charge l[3];
	struct encounter e = enc_a;
	struct x837_claim c = claim_of_a();
	struct x837_stats st;
	struct x837 *x;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *p;

	memcpy(l, lines_a, sizeof(l));
	SCPY(l[0].note, "  follow-up: recheck *in* 2 wks  ");
	SCPY(l[1].note, " ~*:^ ");		/* nothing left once cleaned: no NTE */
	SCPY(l[2].note, "Dose given \xc3\xa0 r\xc3\xa9" "ception, then 0123456789 0123456789 "
	     "0123456789 0123456789 0123456789");
	e.charges = l;
	c.encounter = &e;
	assert_int_equal(x837_begin(f, &interchange, &x), MB_OK);
	assert_int_equal(x837_begin_transaction(x, "0001", "B1"), MB_OK);
	assert_int_equal(x837_claim(x, &c), MB_OK);
	x837_stats(x, &st);
	assert_int_equal(x837_end(x), MB_OK);
	x837_free(x);
	fclose(f);
	p = strstr(buf, "REF*6R*501~\nNTE*ADD*FOLLOW-UP RECHECK IN 2 WKS~\nLX*2~");
	assert_non_null(p);
	assert_non_null(strstr(buf, "REF*6R*502~\nLX*3~"));
	assert_non_null(strstr(buf, "REF*6R*503~\nNTE*ADD*DOSE GIVEN A RECEPTION, THEN 0123456789 "
			       "0123456789 0123456789 0123456789 01234~\nLIN**N4*"));
	/* one NTE per note that has text: 2 of them */
	assert_non_null(strstr(p + 1, "NTE*ADD*DOSE"));
	assert_null(strstr(strstr(p + 1, "NTE*ADD*DOSE") + 1, "NTE*"));
	/* the ':' and the two '*' of line 1, the four delimiters of line 2 */
	assert_int_equal(st.replaced, 3 + 4);
	free(buf);
}

static void test_claim_total(void **state)
{
	struct x837_claim c = claim_of_a();

	assert_int_equal(x837_claim_total(&c), 12500 + 3550 + 2500);
	c.nlines = 1;
	c.lines = lines_a + 1;
	assert_int_equal(x837_claim_total(&c), 3550);
}

/* ---- SBR05, the Medicare secondary payer type ---- */

static const struct payer medicare = {
	.id = 9, .name = "Medicare Part B", .payer_id = "MCRB1", .filing_code = "MB",
};

/* Write one claim into a fresh interchange; *out (caller frees) holds the text. */
static int run_claim(const struct x837_claim *c, char **out)
{
	struct x837 *x;
	size_t len = 0;
	FILE *f = open_memstream(out, &len);
	int rc;

	assert_non_null(f);
	assert_int_equal(x837_begin(f, &interchange, &x), MB_OK);
	assert_int_equal(x837_begin_transaction(x, "0001", "B1"), MB_OK);
	rc = x837_claim(x, c);
	if (rc == MB_OK) {
		assert_int_equal(x837_end(x), MB_OK);
	}
	x837_free(x);
	fclose(f);
	return rc;
}

static void test_msp_sbr05(void **state)
{
	struct coverage mcr = jordan_bshp, primary = jordan_bshp;
	struct x837_other other = { .coverage = &primary, .payer = &bshp };
	struct x837_claim c = claim_of_a();
	char *buf = NULL;

	(void)state;
	mcr.id = 9;
	mcr.payer = medicare.id;
	mcr.seq = 2;
	SCPY(mcr.member_id, "1EG4TE5MK73");
	mcr.group_no[0] = '\0';
	SCPY(mcr.insurance_type, "12");

	/* Medicare secondary in 2000B: SBR05 sent; the primary in 2320 has none. */
	c.payer = &medicare;
	c.coverage = &mcr;
	c.nother = 1;
	c.other = &other;
	assert_int_equal(run_claim(&c, &buf), MB_OK);
	assert_non_null(strstr(buf, "\nSBR*S*18***12****MB~\n"));
	assert_non_null(strstr(buf, "\nSBR*P*18*GRP77******CI~\n"));
	free(buf);
	buf = NULL;

	/* Without the code the generator refuses, naming the field. */
	mcr.insurance_type[0] = '\0';
	assert_int_equal(run_claim(&c, &buf), MB_ERROR);
	assert_non_null(strstr(error_last(), "'insurance type'"));
	free(buf);
	buf = NULL;

	/* Medicare primary: SBR05 is not sent, even when the coverage has one. */
	mcr.seq = 1;
	SCPY(mcr.insurance_type, "12");
	c.nother = 0;
	c.other = NULL;
	assert_int_equal(run_claim(&c, &buf), MB_OK);
	assert_non_null(strstr(buf, "\nSBR*P*18*******MB~\n"));
	free(buf);
	buf = NULL;

	/* Medicare secondary as the other payer: SBR05 in 2320, none in 2000B. */
	mcr.seq = 2;
	SCPY(mcr.insurance_type, "43");
	other.coverage = &mcr;
	other.payer = &medicare;
	c = claim_of_a();
	c.nother = 1;
	c.other = &other;
	assert_int_equal(run_claim(&c, &buf), MB_OK);
	assert_non_null(strstr(buf, "\nSBR*P*18*GRP77******CI~\n"));
	assert_non_null(strstr(buf, "\nSBR*S*18***43****MB~\n"));
	free(buf);
	buf = NULL;

	/* A commercial secondary never carries SBR05. */
	primary.seq = 2;
	SCPY(primary.insurance_type, "12");
	other.coverage = &primary;
	other.payer = &bshp;
	c = claim_of_a();
	c.nother = 1;
	c.other = &other;
	assert_int_equal(run_claim(&c, &buf), MB_OK);
	assert_non_null(strstr(buf, "\nSBR*S*18*GRP77******CI~\n"));
	free(buf);
	buf = NULL;

	/* A Medicare other payer without its code: refused, naming the field. */
	mcr.insurance_type[0] = '\0';
	other.coverage = &mcr;
	other.payer = &medicare;
	assert_int_equal(run_claim(&c, &buf), MB_ERROR);
	assert_non_null(strstr(error_last(), "'other coverage insurance type'"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_byte_for_byte),
		cmocka_unit_test(test_refusals_write_nothing),
		cmocka_unit_test(test_transaction_rules),
		cmocka_unit_test(test_empty_interchange_refused),
		cmocka_unit_test(test_claim_total),
		cmocka_unit_test(test_line_note),
		cmocka_unit_test(test_msp_sbr05),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
