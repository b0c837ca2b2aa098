/*
 * test_icd10cm.c: the ICD-10-CM Tabular List reader: the excerpt, the full
 * FY2023 file, 7th-character expansion, and damaged files.
 */
#include "testutil.h"

#include "medbill/icd10cm.h"
#include "medbill/infile.h"

#define MINI "tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
#define FULL "data/icd10cm_tabular_2023.xml.gz"

/* Every code seen, with its flags, as "CODE b" lines (b: 1 billable, 0 not). */
struct seen {
	char *text;
	size_t len, alloc;
	long leaves;		/* billable and not expanded */
	long notes_j020;	/* notes on J02.0 */
	bool j020_septic;	/* J02.0 has the inclusion term "Septic pharyngitis" */
};

static int collect(const struct icd10cm_code *c, void *arg)
{
	struct seen *s = arg;
	char line[64];
	size_t n, i;

	n = (size_t)snprintf(line, sizeof(line), "|%s %d|", c->code, c->billable);
	ALLOC_GROW(s->text, s->len + n + 1, s->alloc);
	memcpy(s->text + s->len, line, n + 1);
	s->len += n;
	if (c->billable && !c->expanded)
		s->leaves++;
	if (!strcmp(c->code, "J02.0")) {
		s->notes_j020 = (long)c->nnotes;
		for (i = 0; i < c->nnotes; i++)
			if (!strcmp(c->notes[i].kind, "inclusionTerm") &&
			    !strcmp(c->notes[i].text, "Septic pharyngitis"))
				s->j020_septic = true;
	}
	assert_true(c->chapter >= 1 && c->chapter <= 22);
	assert_true(c->section[0] != '\0');
	assert_true(c->description[0] != '\0');
	return MB_OK;
}

static bool has(const struct seen *s, const char *code, int billable)
{
	char needle[32];

	snprintf(needle, sizeof(needle), "|%s %d|", code, billable);
	return s->text && strstr(s->text, needle) != NULL;
}

static void test_mini_excerpt(void **state)
{
	struct icd10cm_stats st;
	struct seen s = { 0 };

	assert_int_equal(icd10cm_parse(MINI, collect, &s, NULL, NULL, &st), MB_OK);
	assert_int_equal(st.fy, 2023);
	assert_int_equal(st.chapters, 2);
	assert_int_equal(st.sections, 12);
	assert_int_equal(st.diags, 457);
	assert_int_equal(st.codes, 457);	/* chapters 10 and 22 have no 7th characters */
	assert_int_equal(st.expanded, 0);
	assert_int_equal(st.billable, 350);
	assert_int_equal(s.leaves, 350);
	assert_true(has(&s, "J02", 0));
	assert_true(has(&s, "J02.0", 1));
	assert_true(has(&s, "J02.9", 1));
	assert_true(has(&s, "U07.1", 1));
	assert_true(has(&s, "J44", 0));
	assert_true(s.j020_septic);
	assert_int_equal(s.notes_j020, 3);	/* two inclusion terms, one excludes2 */
	free(s.text);
}

static void test_full_file_counts(void **state)
{
	struct icd10cm_stats a, b;
	struct seen s = { 0 }, t = { 0 };

	assert_int_equal(icd10cm_parse(FULL, collect, &s, NULL, NULL, &a), MB_OK);
	assert_int_equal(a.fy, 2023);
	assert_int_equal(a.chapters, 22);
	assert_int_equal(a.sections, 296);
	assert_int_equal(a.diags, 45869);
	/* consistent: every callback is a diag or an expansion, every billable code a leaf
	 * without 7th characters or an expansion */
	assert_int_equal(a.codes, a.diags + a.expanded);
	assert_int_equal(a.billable, s.leaves + a.expanded);
	assert_int_equal(a.billable, 73715);
	assert_int_equal(a.expanded, 50952);
	/* stable: a second read gives the same counts and fingerprint */
	assert_int_equal(icd10cm_parse(FULL, collect, &t, NULL, NULL, &b), MB_OK);
	assert_int_equal(b.codes, a.codes);
	assert_int_equal(b.billable, a.billable);
	assert_true(b.fingerprint == a.fingerprint);
	assert_int_equal(s.len, t.len);
	assert_memory_equal(s.text, t.text, s.len);
	/* spot checks */
	assert_true(has(&s, "E11", 0));
	assert_true(has(&s, "E11.9", 1));
	assert_true(has(&s, "S52.521", 0));
	assert_true(has(&s, "S52.521A", 1));
	assert_true(has(&s, "T36.0X1A", 1));
	assert_true(has(&s, "T07.XXXA", 1));
	assert_true(has(&s, "J02.0", 1));
	assert_false(has(&s, "S52.521", 1));
	assert_false(has(&s, "E11", 1));
	free(s.text);
	free(t.text);
}

static const char seventh_xml[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<ICD10CM.tabular>\n"
	"<version>2024</version>\n"
	"<chapter><name>19</name><desc>Injury</desc>\n"
	"<section id=\"S50-S59\"><desc>Injuries to the elbow and forearm</desc>\n"
	"<diag><name>S52</name><desc>Fracture of forearm</desc>\n"
	" <excludes1><note>traumatic amputation of forearm (S58.-)</note></excludes1>\n"
	" <sevenChrDef><extension char=\"A\">initial encounter for closed fracture</extension>\n"
	"  <extension char=\"B\">initial encounter for open fracture type I or II</extension>\n"
	"  <note>initial encounter for open fracture NOS</note>\n"
	"  <extension char=\"S\">sequela</extension></sevenChrDef>\n"
	" <diag><name>S52.5</name><desc>Fracture of lower end of radius</desc>\n"
	"  <diag><name>S52.52</name><desc>Torus fracture of lower end of radius</desc>\n"
	"   <sevenChrDef><extension char=\"A\">initial encounter for closed fracture</extension>\n"
	"    <extension char=\"D\">subsequent encounter for fracture with routine healing</extension>\n"
	"   </sevenChrDef>\n"
	"   <diag><name>S52.521</name><desc>Torus fracture of lower end of right radius</desc></diag>\n"
	"  </diag>\n"
	"  <diag><name>S52.59</name><desc>Other fractures of lower end of radius</desc></diag>\n"
	" </diag>\n"
	"</diag>\n"
	"</section>\n"
	"<section id=\"T07\"><desc>Unspecified multiple injuries</desc>\n"
	"<diag><name>T07</name><desc>Unspecified multiple injuries</desc>\n"
	" <sevenChrDef><extension char=\"A\">initial encounter</extension></sevenChrDef></diag>\n"
	"</section>\n"
	"<section id=\"T36-T50\"><desc>Poisoning</desc>\n"
	"<diag><name>T36</name><desc>Poisoning by systemic antibiotics</desc>\n"
	" <sevenChrDef><extension char=\"A\">initial encounter</extension></sevenChrDef>\n"
	" <diag><name>T36.0</name><desc>Poisoning by penicillins</desc>\n"
	"  <diag placeholder=\"true\"><name>T36.0X</name><desc>Poisoning by penicillins</desc>\n"
	"   <diag><name>T36.0X1</name><desc>Poisoning by penicillins, accidental (unintentional)</desc></diag>\n"
	"  </diag>\n"
	" </diag>\n"
	"</diag>\n"
	"</section>\n"
	"</chapter>\n"
	"</ICD10CM.tabular>\n";

static void write_file(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
}

struct descs {
	char s52521d[128];
	char t07[128];
	int s52_notes_seventh;
};

static int grab(const struct icd10cm_code *c, void *arg)
{
	struct descs *d = arg;
	size_t i;

	if (!strcmp(c->code, "S52.521D"))
		SCPY(d->s52521d, c->description);
	if (!strcmp(c->code, "T07.XXXA"))
		SCPY(d->t07, c->description);
	if (!strcmp(c->code, "S52"))
		for (i = 0; i < c->nnotes; i++)
			d->s52_notes_seventh += !strcmp(c->notes[i].kind, "sevenChrDef");
	return MB_OK;
}

static void test_seventh_character(void **state)
{
	char path[] = "/tmp/medbill-icd-XXXXXX";
	int fd = mkstemp(path);
	struct icd10cm_stats st;
	struct seen s = { 0 };
	struct descs d = { "", "", 0 };

	assert_true(fd >= 0);
	close(fd);
	write_file(path, seventh_xml, sizeof(seventh_xml) - 1);
	assert_int_equal(icd10cm_parse(path, collect, &s, NULL, NULL, &st), MB_OK);
	assert_int_equal(st.fy, 2024);
	assert_int_equal(st.diags, 10);
	/* S52.521 takes the 7th characters of S52.52 (the nearest), S52.59 those of S52 */
	assert_true(has(&s, "S52.521", 0));
	assert_true(has(&s, "S52.521A", 1));
	assert_true(has(&s, "S52.521D", 1));
	assert_false(has(&s, "S52.521B", 1));
	assert_true(has(&s, "S52.59", 0));
	assert_true(has(&s, "S52.59XA", 1));
	assert_true(has(&s, "S52.59XB", 1));
	assert_true(has(&s, "S52.59XS", 1));
	assert_false(has(&s, "S52.59XD", 1));
	assert_true(has(&s, "T07", 0));
	assert_true(has(&s, "T07.XXXA", 1));
	assert_true(has(&s, "T36.0X", 0));
	assert_true(has(&s, "T36.0X1", 0));
	assert_true(has(&s, "T36.0X1A", 1));
	assert_false(has(&s, "S52.52A", 1));	/* headers are not expanded */
	assert_int_equal(st.expanded, 2 + 3 + 1 + 1);
	assert_int_equal(st.billable, st.expanded);
	assert_int_equal(icd10cm_parse(path, grab, &d, NULL, NULL, NULL), MB_OK);
	assert_string_equal(d.s52521d, "Torus fracture of lower end of right radius, "
			    "subsequent encounter for fracture with routine healing");
	assert_string_equal(d.t07, "Unspecified multiple injuries, initial encounter");
	assert_int_equal(d.s52_notes_seventh, 4);	/* A, B, S and the note on B */
	free(s.text);
	unlink(path);
}

static int no_op(const struct icd10cm_code *c, void *arg)
{
	(*(long *)arg)++;
	return MB_OK;
}

static int refuse_j02(const struct icd10cm_code *c, void *arg)
{
	if (!strcmp(c->code, "J02"))
		return error("refused '%s'", c->code);
	return MB_OK;
}

/* Copy the first n bytes of src into a temporary file (path filled in). */
static void copy_head(const char *src, size_t n, char path[32], const char *suffix)
{
	FILE *in = fopen(src, "rb"), *out;
	char *buf = malloc(n);
	size_t got;

	assert_non_null(in);
	got = fread(buf, 1, n, in);
	fclose(in);
	snprintf(path, 32, "/tmp/medbill-%d%s", (int)getpid(), suffix);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(buf, 1, got, out), got);
	fclose(out);
	free(buf);
}

static void test_bad_files(void **state)
{
	char path[32];
	long n = 0;
	static const char not_well_formed[] =
		"<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<version>2023</version>\n"
		"<chapter><name>10</name><desc>x</desc>\n<section id=\"J00-J06\"><desc>x</desc>\n"
		"<diag><name>J02</name><desc>Acute pharyngitis</dsc>\n</diag></section></chapter>\n"
		"</ICD10CM.tabular>\n";
	static const char no_version[] =
		"<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<chapter><name>10</name><desc>x</desc>\n"
		"<section id=\"J00-J06\"><desc>x</desc>\n<diag><name>J02</name><desc>x</desc></diag>\n"
		"</section></chapter>\n</ICD10CM.tabular>\n";

	/* a truncated gzip stream */
	copy_head(FULL, 300000, path, ".xml.gz");
	assert_int_equal(icd10cm_parse(path, no_op, &n, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "gzip data is truncated or damaged"));
	assert_non_null(strstr(error_last(), " line "));
	unlink(path);
	/* a plain file cut short */
	copy_head(MINI, 100000, path, ".xml");
	assert_int_equal(icd10cm_parse(path, no_op, &n, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "not well-formed"));
	assert_non_null(strstr(error_last(), "line 2564"));
	unlink(path);
	/* a mismatched tag */
	snprintf(path, sizeof(path), "/tmp/medbill-%d.xml", (int)getpid());
	write_file(path, not_well_formed, sizeof(not_well_formed) - 1);
	assert_int_equal(icd10cm_parse(path, no_op, &n, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 6: the XML is not well-formed"));
	write_file(path, no_version, sizeof(no_version) - 1);
	assert_int_equal(icd10cm_parse(path, no_op, &n, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "no <version>"));
	unlink(path);
	/* missing file */
	assert_int_equal(icd10cm_parse("/tmp/medbill-none.xml", no_op, &n, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "cannot open '/tmp/medbill-none.xml'"));
	/* the callback's error stops the parse and names the line */
	assert_int_equal(icd10cm_parse(MINI, refuse_j02, NULL, NULL, NULL, NULL), MB_ERROR);
	assert_non_null(strstr(error_last(), "refused 'J02'"));
	assert_non_null(strstr(error_last(), MINI "' line "));
}

static void progress(uint64_t done, uint64_t total, void *arg)
{
	uint64_t *last = arg;

	assert_true(done >= *last);
	*last = done;
	assert_true(total == 9485965);
}

static void test_progress_and_gzip_size(void **state)
{
	uint64_t last = 0;
	long n = 0;
	struct infile *f;

	assert_int_equal(icd10cm_parse(FULL, no_op, &n, progress, &last, NULL), MB_OK);
	assert_true(last == 9485965);	/* the file's uncompressed size (see NOTICE) */
	assert_int_equal(infile_open(FULL, &f), MB_OK);
	assert_true(infile_is_gzip(f));
	assert_true(infile_total(f) == 9485965);
	infile_close(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mini_excerpt),
		cmocka_unit_test(test_full_file_counts),
		cmocka_unit_test(test_seventh_character),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_progress_and_gzip_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
