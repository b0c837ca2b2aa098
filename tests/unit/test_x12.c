/* test_x12.c: the X12 segment writer and the streaming reader. */
#include "testutil.h"
#include "medbill/x12.h"

struct mem {
	char *buf;
	size_t len;
	FILE *f;
};

static void mem_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
}

static void mem_close(struct mem *m)
{
	fclose(m->f);
}

static const struct x12_isa test_isa = {
	.sender_qual = "ZZ", .sender_id = "SUBMITTER1",
	.receiver_qual = "ZZ", .receiver_id = "CLEARINGHOUSE",
	.date = 20261126, .hhmm = 930, .control = 42, .usage = 'T',
};

static void test_isa_fixed_width(void **state)
{
	struct x12_writer w;
	struct mem m;

	mem_open(&m);
	x12w_init(&w, m.f, NULL);
	assert_int_equal(x12w_isa(&w, &test_isa), MB_OK);
	x12w_release(&w);
	mem_close(&m);
	assert_int_equal(m.len, X12_ISA_LEN + 1);	/* and the newline */
	assert_string_equal(m.buf,
		"ISA*00*          *00*          *ZZ*SUBMITTER1     *ZZ*CLEARINGHOUSE  "
		"*261126*0930*^*00501*000000042*0*T*:~\n");
	free(m.buf);
}

static void test_isa_production_and_delims(void **state)
{
	struct x12_delims d = { '|', '>', '^', '\'', false };
	struct x12_isa isa = test_isa;
	struct x12_writer w;
	struct mem m;

	isa.usage = 'P';
	isa.ack = true;
	isa.control = 999999999;
	mem_open(&m);
	x12w_init(&w, m.f, &d);
	assert_int_equal(x12w_isa(&w, &isa), MB_OK);
	x12w_release(&w);
	mem_close(&m);
	assert_int_equal(m.len, X12_ISA_LEN);
	assert_string_equal(m.buf + 81, "|^|00501|999999999|1|P|>'");
	free(m.buf);
}

static void test_isa_refuses_bad_fields(void **state)
{
	struct x12_isa isa = test_isa;
	struct x12_writer w;
	struct mem m;

	mem_open(&m);
	x12w_init(&w, m.f, NULL);
	isa.usage = 'X';
	assert_int_equal(x12w_isa(&w, &isa), MB_ERROR);
	assert_non_null(strstr(error_last(), "'usage'"));
	x12w_release(&w);

	x12w_init(&w, m.f, NULL);
	isa = test_isa;
	isa.control = 1000000000;
	assert_int_equal(x12w_isa(&w, &isa), MB_ERROR);
	assert_non_null(strstr(error_last(), "'interchange control number'"));
	x12w_release(&w);

	x12w_init(&w, m.f, NULL);
	isa = test_isa;
	SCPY(isa.sender_id, "A*B");
	assert_int_equal(x12w_isa(&w, &isa), MB_ERROR);
	assert_non_null(strstr(error_last(), "delimiter"));
	/* The error is sticky. */
	x12w_seg(&w, "GS");
	assert_int_equal(x12w_end(&w), MB_ERROR);
	x12w_release(&w);
	mem_close(&m);
	assert_int_equal(m.len, 0);
	free(m.buf);
}

static void test_envelope_counts(void **state)
{
	struct x12_writer w;
	struct mem m;
	int i;

	mem_open(&m);
	x12w_init(&w, m.f, &(struct x12_delims){ '*', ':', '^', '~', false });
	x12w_isa(&w, &test_isa);
	x12w_gs(&w, "HC", "SENDER", "RECEIVER", 20261126, 930, 7, "005010X222A1");
	for (i = 0; i < 2; i++) {
		x12w_st(&w, "837", i ? "0002" : "0001", "005010X222A1");
		x12w_seg(&w, "BHT");
		x12w_el(&w, "0019");
		x12w_end(&w);
		if (i) {
			x12w_seg(&w, "REF");
			x12w_el(&w, "EI");
			x12w_el(&w, "123");
			x12w_end(&w);
		}
		assert_int_equal(x12w_se(&w), MB_OK);
	}
	x12w_ge(&w);
	assert_int_equal(x12w_iea(&w), MB_OK);
	assert_int_equal(w.segments, 11);
	x12w_release(&w);
	mem_close(&m);
	assert_string_equal(m.buf + X12_ISA_LEN,
		"GS*HC*SENDER*RECEIVER*20261126*0930*7*X*005010X222A1~"
		"ST*837*0001*005010X222A1~BHT*0019~SE*3*0001~"
		"ST*837*0002*005010X222A1~BHT*0019~REF*EI*123~SE*4*0002~"
		"GE*2*7~IEA*1*000000042~");
	free(m.buf);
}

static void test_delimiters_never_written(void **state)
{
	struct x12_writer w;
	struct mem m;

	mem_open(&m);
	x12w_init(&w, m.f, NULL);
	x12w_seg(&w, "NM1");
	x12w_el(&w, "O'Brien*Smith~Jr");
	x12w_el(&w, "a:b^c");
	x12w_el(&w, "  José   Müller  ");
	x12w_el(&w, "#100 @home_x");
	x12w_end(&w);
	assert_int_equal(x12w_replaced(&w), 7);
	x12w_release(&w);
	mem_close(&m);
	assert_string_equal(m.buf, "NM1*O'BRIEN SMITH JR*A B C*JOSE MULLER*100 HOME X~\n");
	free(m.buf);
}

static void test_text_check(void **state)
{
	const struct x12_delims d = X12_DELIMS_DEFAULT;
	char out[32];

	assert_int_equal(x12_text_check("O'Brien-Smith, Jr.", &d, "last name"), MB_OK);
	assert_int_equal(x12_text_check("A*B", &d, "last name"), MB_ERROR);
	assert_string_equal(error_last(), "'last name': '*' is an X12 delimiter");
	assert_int_equal(x12_text_check("10:30", &d, "note"), MB_ERROR);
	assert_string_equal(error_last(), "'note': ':' is an X12 delimiter");
	assert_int_equal(x12_text_check("a~", &d, "note"), MB_ERROR);
	assert_int_equal(x12_text_check("Suite #4", &d, "address"), MB_ERROR);
	assert_string_equal(error_last(), "'address': '#' is not in the X12 basic character set");
	assert_int_equal(x12_text_check("Zoë", &d, "first name"), MB_ERROR);
	assert_string_equal(error_last(),
			    "'first name': character U+00EB is not in the X12 basic character set");
	assert_true(x12_has_delimiter("x^y", &d));
	assert_false(x12_has_delimiter("x-y", &d));
	assert_true(x12_basic_char('='));
	assert_false(x12_basic_char('a'));
	assert_false(x12_basic_char('~'));
	assert_int_equal(x12_clean(out, sizeof(out), " Zoë  Ann*Lee ", &d), 1);
	assert_string_equal(out, "ZOE ANN LEE");
	/* Truncation keeps the result terminated. */
	assert_int_equal(x12_clean(out, 4, "abcdef", &d), 0);
	assert_string_equal(out, "ABC");
}

static void test_no_trailing_empties(void **state)
{
	struct x12_writer w;
	struct mem m;

	mem_open(&m);
	x12w_init(&w, m.f, &(struct x12_delims){ '*', ':', '^', '~', false });
	x12w_seg(&w, "NM1");
	x12w_el(&w, "85");
	x12w_el(&w, "2");
	x12w_el(&w, "ACME CLINIC");
	x12w_el(&w, "");
	x12w_el(&w, NULL);
	x12w_el(&w, "");
	x12w_el(&w, "");
	x12w_el(&w, "XX");
	x12w_el(&w, "1234567893");
	x12w_el(&w, "");
	x12w_el(&w, "");
	x12w_end(&w);
	x12w_seg(&w, "SV1");
	x12w_comp(&w, "HC", "99213", "25", "", "", "", NULL);
	x12w_money(&w, 12550);
	x12w_el(&w, "UN");
	x12w_int(&w, 1);
	x12w_el(&w, "");
	x12w_el(&w, "");
	x12w_comp(&w, "1", "", NULL);
	x12w_comp(&w, "", "", NULL);
	x12w_end(&w);
	x12w_seg(&w, "DTP");
	x12w_el(&w, "472");
	x12w_el(&w, "D8");
	x12w_date(&w, 20261120);
	x12w_date(&w, 0);
	x12w_end(&w);
	x12w_seg(&w, "AMT");
	x12w_el(&w, "   ");
	x12w_comp(&w, NULL);
	x12w_end(&w);
	x12w_seg(&w, "HI");
	x12w_comp(&w, "", "X", NULL);
	x12w_eln(&w, "ABCDEFG HIJ", 8);
	x12w_elf(&w, "%s-%d", "a", 7);
	x12w_money(&w, -500);
	x12w_money(&w, 25);
	x12w_end(&w);
	x12w_release(&w);
	mem_close(&m);
	assert_string_equal(m.buf,
		"NM1*85*2*ACME CLINIC*****XX*1234567893~"
		"SV1*HC:99213:25*125.5*UN*1***1~"
		"DTP*472*D8*20261120~"
		"AMT~"
		"HI*:X*ABCDEFG*A-7*-5*0.25~");
	free(m.buf);
}

/* ---- reader ---- */

struct seglist {
	char text[64][128];
	long no[64];
	long off[64];
	int n;
};

static int read_all(const char *data, size_t len, struct seglist *out)
{
	FILE *f = fmemopen((void *)data, len, "r");
	struct x12_reader r;
	struct x12_segment s;
	int rc;

	assert_non_null(f);
	x12r_init(&r, f);
	out->n = 0;
	while ((rc = x12r_next(&r, &s)) == MB_OK) {
		char *t = out->text[out->n];
		int i;

		t[0] = '\0';
		for (i = 0; i <= s.n; i++) {
			if (i)
				strcat(t, "|");
			strcat(t, x12_el(&s, i));
		}
		out->no[out->n] = s.no;
		out->off[out->n] = s.offset;
		out->n++;
	}
	x12r_release(&r);
	fclose(f);
	return rc;
}

#define ISA_LINE "ISA*00*          *00*          *ZZ*SUBMITTER1     *ZZ*CLEARINGHOUSE  " \
		 "*261126*0930*^*00501*000000042*0*T*:~"

static void test_reader_lines_and_one_line(void **state)
{
	const char *lines = ISA_LINE "\nGS*HC*A*B*20261126*0930*7*X*005010X222A1~\r\n"
			    "ST*837*0001~\nSE*2*0001~\nGE*1*7~\nIEA*1*000000042~\n";
	const char *one = ISA_LINE "GS*HC*A*B*20261126*0930*7*X*005010X222A1~"
			  "ST*837*0001~SE*2*0001~GE*1*7~IEA*1*000000042~";
	struct seglist a, b;
	int i;

	assert_int_equal(read_all(lines, strlen(lines), &a), MB_NOTFOUND);
	assert_int_equal(read_all(one, strlen(one), &b), MB_NOTFOUND);
	assert_int_equal(a.n, 6);
	assert_int_equal(b.n, 6);
	for (i = 0; i < a.n; i++) {
		assert_string_equal(a.text[i], b.text[i]);
		assert_int_equal(a.no[i], i + 1);
	}
	assert_string_equal(a.text[2], "ST|837|0001");
	assert_int_equal(a.off[1], X12_ISA_LEN + 1);
	assert_int_equal(b.off[1], X12_ISA_LEN);
	assert_string_equal(a.text[0] + 100, "0|T|:");
}

static void test_reader_other_delims_and_components(void **state)
{
	const char *data =
		"ISA|00|          |00|          |ZZ|SUBMITTER1     |ZZ|CLEARINGHOUSE  "
		"|261126|0930|}|00501|000000042|0|T|>\n"
		"SV1|HC>99213>25||UN|1\nHI|ABK>J449}ABF>E119\nIEA|1|000000042\n";
	FILE *f = fmemopen((void *)data, strlen(data), "r");
	struct x12_reader r;
	struct x12_segment s;
	char buf[16];

	x12r_init(&r, f);
	assert_int_equal(x12r_next(&r, &s), MB_OK);
	assert_int_equal(x12r_isa_len(&r), X12_ISA_LEN);
	assert_int_equal(x12r_delims(&r)->segment, '\n');
	assert_int_equal(x12r_delims(&r)->repetition, '}');
	assert_int_equal(x12r_next(&r, &s), MB_OK);
	assert_string_equal(s.id, "SV1");
	assert_int_equal(s.n, 4);
	assert_int_equal(x12_ncomp(&s, 1), 3);
	assert_string_equal(x12_comp(&s, 1, 2, buf, sizeof(buf)), "99213");
	assert_string_equal(x12_comp(&s, 1, 3, buf, sizeof(buf)), "25");
	assert_string_equal(x12_comp(&s, 1, 4, buf, sizeof(buf)), "");
	assert_string_equal(x12_el(&s, 2), "");
	assert_string_equal(x12_el(&s, 9), "");
	assert_int_equal(x12_ncomp(&s, 2), 0);
	assert_int_equal(x12r_next(&r, &s), MB_OK);
	assert_int_equal(s.repetition, '}');
	assert_int_equal(x12r_next(&r, &s), MB_OK);
	assert_string_equal(s.id, "IEA");
	assert_false(s.unterminated);
	assert_int_equal(x12r_next(&r, &s), MB_NOTFOUND);
	x12r_release(&r);
	fclose(f);
}

static void test_reader_errors(void **state)
{
	struct seglist l;
	const char *noterm = ISA_LINE "GS*HC*A*B~IEA*1*000000042";
	const char *wrapped = ISA_LINE "GS*HC*A*B*2026\n1126~IEA*1*000000042~";
	const char *two = ISA_LINE "IEA*1*000000042~"
			  "ISA|00|          |00|          |ZZ|X              |ZZ|Y              "
			  "|261126|0930|^|00501|000000043|0|T|:!SE|1!";

	assert_int_equal(read_all("GS*HC~", 6, &l), MB_ERROR);
	assert_string_equal(error_last(),
			    "not an X12 interchange: it does not begin with an ISA segment");
	assert_int_equal(read_all("ISA*00*0~", 9, &l), MB_ERROR);
	assert_non_null(strstr(error_last(), "broken ISA"));
	assert_int_equal(read_all("ISAA00", 6, &l), MB_ERROR);
	assert_non_null(strstr(error_last(), "element separator"));

	{
		FILE *f = fmemopen((void *)noterm, strlen(noterm), "r");
		struct x12_reader r;
		struct x12_segment s;

		x12r_init(&r, f);
		assert_int_equal(x12r_next(&r, &s), MB_OK);
		assert_int_equal(x12r_next(&r, &s), MB_OK);
		assert_false(s.unterminated);
		assert_int_equal(x12r_next(&r, &s), MB_OK);
		assert_string_equal(s.id, "IEA");
		assert_true(s.unterminated);
		assert_int_equal(x12r_next(&r, &s), MB_NOTFOUND);
		x12r_release(&r);
		fclose(f);
	}
	assert_int_equal(read_all(wrapped, strlen(wrapped), &l), MB_NOTFOUND);
	assert_string_equal(l.text[1], "GS|HC|A|B|20261126");
	/* A second interchange brings its own delimiters. */
	assert_int_equal(read_all(two, strlen(two), &l), MB_NOTFOUND);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.text[3], "SE|1");
}

/* Round trip through the writer and the reader, across read-buffer refills. */
static void test_round_trip_large(void **state)
{
	struct x12_writer w;
	struct x12_reader r;
	struct x12_segment s;
	struct mem m;
	FILE *f;
	long i, n = 0;
	char want[64];

	mem_open(&m);
	x12w_init(&w, m.f, NULL);
	x12w_isa(&w, &test_isa);
	x12w_gs(&w, "HC", "SENDER", "RECEIVER", 20261126, 930, 7, "005010X222A1");
	x12w_st(&w, "837", "0001", "005010X222A1");
	for (i = 1; i <= 20000; i++) {
		x12w_seg(&w, "LX");
		x12w_int(&w, i);
		x12w_end(&w);
	}
	x12w_se(&w);
	x12w_ge(&w);
	x12w_iea(&w);
	x12w_release(&w);
	mem_close(&m);
	assert_true(m.len > 2 * 64 * 1024);

	f = fmemopen(m.buf, m.len, "r");
	x12r_init(&r, f);
	while (x12r_next(&r, &s) == MB_OK) {
		n++;
		if (n >= 4 && n < 20004) {
			snprintf(want, sizeof(want), "%ld", n - 3);
			assert_string_equal(s.id, "LX");
			assert_string_equal(x12_el(&s, 1), want);
		}
		if (!strcmp(s.id, "SE"))
			assert_string_equal(x12_el(&s, 1), "20002");
	}
	assert_int_equal(n, 20006);
	x12r_release(&r);
	fclose(f);
	free(m.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_isa_fixed_width),
		cmocka_unit_test(test_isa_production_and_delims),
		cmocka_unit_test(test_isa_refuses_bad_fields),
		cmocka_unit_test(test_envelope_counts),
		cmocka_unit_test(test_delimiters_never_written),
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_no_trailing_empties),
		cmocka_unit_test(test_reader_lines_and_one_line),
		cmocka_unit_test(test_reader_other_delims_and_components),
		cmocka_unit_test(test_reader_errors),
		cmocka_unit_test(test_round_trip_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
