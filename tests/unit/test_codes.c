/*
 * test_codes.c: the code-sets domain: the shipped tables, the importers
 * (all or nothing, the same file twice), search ranking, lookups, and the
 * checks the scrubber uses.
 */
#include <sys/stat.h>
#include <sqlite3.h>
#include "testutil.h"

#include "medbill/codes.h"
#include "medbill/store_codes.h"

#define MINI "tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
#define HCPCS_SAMPLE "tests/data/hcpcs_2019_sample.txt"

static struct store *open_loaded(char path[64], bool icd, bool hcpcs)
{
	struct store *st = test_store_open(path);
	struct code_import_result r;

	if (codes_load_shipped(st, "data") != MB_OK)
		fail_msg("load shipped: %s", error_last());
	if (icd && codes_import_icd10cm(st, MINI, NULL, NULL, &r) != MB_OK)
		fail_msg("import icd10cm: %s", error_last());
	if (hcpcs && codes_import_hcpcs(st, HCPCS_SAMPLE, NULL, NULL, &r) != MB_OK)
		fail_msg("import hcpcs: %s", error_last());
	warnings_clear();
	return st;
}

/* The temporary files written, removed by remove_temps() after the tests. */
static char temps[32][128];
static int ntemps;

static int remove_temps(void **state)
{
	int i;

	for (i = 0; i < ntemps; i++)
		unlink(temps[i]);
	ntemps = 0;
	return 0;
}

static char *temp_file(const char *name, const char *text)
{
	static char path[128];
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/tmp/medbill-codes-%d-%s", (int)getpid(), name);
	for (i = 0; i < ntemps && strcmp(temps[i], path); i++)
		;
	if (i == ntemps && ntemps < 32)
		SCPY(temps[ntemps++], path);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* The size of the write-ahead log: it grows with every write transaction. */
static long long wal_size(const char *db)
{
	char p[80];
	struct stat sb;

	snprintf(p, sizeof(p), "%s-wal", db);
	return stat(p, &sb) == 0 ? (long long)sb.st_size : 0;
}

/* ---- search ---- */

struct hits {
	int n;
	char codes[64][CODE_LEN];
	enum code_system sys[64];
	bool billable[64];
	char list[2048];	/* "code code code" */
};

static int gather(const struct code_hit *h, void *arg)
{
	struct hits *x = arg;
	size_t len = strlen(x->list);

	if (x->n < 64) {
		SCPY(x->codes[x->n], h->code);
		x->sys[x->n] = h->system;
		x->billable[x->n] = h->billable;
	}
	x->n++;
	snprintf(x->list + len, sizeof(x->list) - len, "%s%s", len ? " " : "", h->code);
	return 0;
}

static void search(struct store *st, const char *text, int sys, int limit, struct hits *x)
{
	memset(x, 0, sizeof(*x));
	if (codes_search(st, text, sys, limit, gather, x) != MB_OK)
		fail_msg("search '%s': %s", text, error_last());
}

static void test_search_ranking(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, true, true);
	struct hits x;

	/* words: "strep throat" finds J02.0 first through its inclusion term */
	search(st, "strep throat", CODE_ANY, 10, &x);
	assert_true(x.n >= 1);
	assert_string_equal(x.codes[0], "J02.0");
	search(st, "Strep   THROAT", CODE_ICD10CM, 10, &x);
	assert_string_equal(x.codes[0], "J02.0");
	/* a code prefix, with or without the dot, lists the codes in order, header first */
	search(st, "J02", CODE_ICD10CM, 10, &x);
	assert_string_equal(x.list, "J02 J02.0 J02.8 J02.9");
	assert_false(x.billable[0]);
	assert_true(x.billable[1]);
	search(st, "j02.", CODE_ANY, 10, &x);
	assert_string_equal(x.list, "J02 J02.0 J02.8 J02.9");
	search(st, "j020", CODE_ANY, 10, &x);
	assert_string_equal(x.list, "J02.0");
	search(st, "J02.9", CODE_ANY, 10, &x);
	assert_string_equal(x.list, "J02.9");
	/* the whole word at the start of a short description ranks first */
	search(st, "pneumonia", CODE_ICD10CM, 3, &x);
	assert_string_equal(x.list, "J18 J18.9 J15.1");
	search(st, "asthma", CODE_ICD10CM, 1, &x);
	assert_string_equal(x.list, "J45");
	search(st, "acute pharyngitis", CODE_ICD10CM, 3, &x);
	assert_string_equal(x.list, "J02 J02.9 J02.8");
	search(st, "covid", CODE_ICD10CM, 2, &x);
	assert_string_equal(x.list, "U07.1 U09");
	/* the limit holds, and every hit has the word */
	search(st, "chronic", CODE_ICD10CM, 5, &x);
	assert_int_equal(x.n, 5);
	/* other systems */
	search(st, "syringe needle", CODE_HCPCS, 5, &x);
	assert_string_equal(x.codes[0], "A4206");
	search(st, "separate encounter", CODE_MODIFIER, 5, &x);
	assert_string_equal(x.codes[0], "XE");
	search(st, "25", CODE_ANY, 3, &x);
	assert_string_equal(x.list, "25 25 25");
	assert_int_equal(x.sys[0], CODE_MODIFIER);
	assert_int_equal(x.sys[1], CODE_POS);
	assert_int_equal(x.sys[2], CODE_CARC);
	search(st, "office", CODE_POS, 5, &x);
	assert_string_equal(x.codes[0], "11");
	search(st, "N130", CODE_RARC, 5, &x);
	assert_string_equal(x.list, "N130");
	/* nothing found is not an error */
	search(st, "zzyzx", CODE_ANY, 5, &x);
	assert_int_equal(x.n, 0);
	search(st, "pharyngitis", CODE_HCPCS, 5, &x);
	assert_int_equal(x.n, 0);
	/* bad arguments */
	assert_int_equal(codes_search(st, "  ", CODE_ANY, 5, gather, &x), MB_ERROR);
	assert_non_null(strstr(error_last(), "'text' is empty"));
	assert_int_equal(codes_search(st, "J02", CODE_ANY, 0, gather, &x), MB_ERROR);
	assert_non_null(strstr(error_last(), "'limit'"));
	assert_int_equal(codes_search(st, "CO", CODE_GROUP, 5, gather, &x), MB_ERROR);
	assert_non_null(strstr(error_last(), "not searchable"));
	test_store_close(st, path);
}

/* ---- importers ---- */

static void test_import_icd_mini(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, false, false);
	struct code_import_result r;
	long long before;
	long codes, billable;

	assert_int_equal(codes_icd_newest_fy(st), 0);
	assert_int_equal(codes_import_icd10cm(st, MINI, NULL, NULL, &r), MB_OK);
	assert_false(r.unchanged);
	assert_string_equal(r.version, "2023");
	assert_int_equal(r.records, 457);
	assert_int_equal(r.codes, 457);
	assert_int_equal(r.billable, 350);
	assert_int_equal(r.notes, 987);
	assert_int_equal(codes_icd_newest_fy(st), 2023);
	assert_int_equal(store_icd_count(st, 2023, &codes, &billable), MB_OK);
	assert_int_equal(codes, 457);
	assert_int_equal(billable, 350);
	/* the same file again writes nothing */
	before = wal_size(path);
	assert_int_equal(codes_import_icd10cm(st, MINI, NULL, NULL, &r), MB_OK);
	assert_true(r.unchanged);
	assert_string_equal(r.version, "2023");
	assert_true(wal_size(path) == before);
	test_store_close(st, path);
}

static void test_bad_import_changes_nothing(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, true, true);
	struct code_import_result r;
	long codes, billable;
	struct code_check chk;
	char *f;

	/* a code given twice: refused, and the year it would replace stays whole */
	f = temp_file("dup.xml",
		"<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<version>2023</version>\n"
		"<chapter><name>10</name><desc>x</desc>\n<section id=\"J00-J06\"><desc>x</desc>\n"
		"<diag><name>J02</name><desc>Acute pharyngitis</desc>\n"
		"<diag><name>J02.0</name><desc>Streptococcal pharyngitis</desc></diag>\n"
		"<diag><name>J02.0</name><desc>Streptococcal pharyngitis</desc></diag>\n"
		"</diag></section></chapter>\n</ICD10CM.tabular>\n");
	assert_int_equal(codes_import_icd10cm(st, f, NULL, NULL, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 8: code 'J02.0' appears again (first on line 7)"));
	assert_int_equal(store_icd_count(st, 2023, &codes, &billable), MB_OK);
	assert_int_equal(codes, 457);
	assert_int_equal(billable, 350);
	/* a failure while writing (injected with a trigger from a second connection)
	 * rolls back everything: the year being replaced is whole again */
	{
		sqlite3 *db;
		struct code_info ci;
		struct hits x;
		char *changed;
		FILE *in = fopen(MINI, "rb");
		static char buf[200000];
		size_t n;

		assert_non_null(in);
		n = fread(buf, 1, sizeof(buf) - 1, in);
		fclose(in);
		buf[n] = '\0';
		changed = strstr(buf, "<desc>Streptococcal pharyngitis</desc>");
		assert_non_null(changed);
		memcpy(changed + 6, "STREPTOCOCCAL", 13);
		f = temp_file("changed.xml", buf);
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER test_fail BEFORE INSERT ON icd10cm_codes"
					      " WHEN new.code = 'J45909' BEGIN SELECT RAISE(ABORT, 'injected');"
					      " END", NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(codes_import_icd10cm(st, f, NULL, NULL, &r), MB_ERROR);
		assert_non_null(strstr(error_last(), "injected"));
		assert_int_equal(sqlite3_exec(db, "DROP TRIGGER test_fail", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
		assert_int_equal(store_icd_count(st, 2023, &codes, &billable), MB_OK);
		assert_int_equal(codes, 457);
		assert_int_equal(codes_get(st, CODE_ICD10CM, "J02.0", &ci), MB_OK);
		assert_string_equal(ci.description, "Streptococcal pharyngitis");
		code_info_release(&ci);
		search(st, "strep throat", CODE_ICD10CM, 5, &x);
		assert_string_equal(x.list, "J02.0");
		/* without the failure the changed file replaces FY2023 */
		assert_int_equal(codes_import_icd10cm(st, f, NULL, NULL, &r), MB_OK);
		assert_false(r.unchanged);
		assert_int_equal(codes_get(st, CODE_ICD10CM, "J02.0", &ci), MB_OK);
		assert_string_equal(ci.description, "STREPTOCOCCAL pharyngitis");
		code_info_release(&ci);
		assert_int_equal(store_icd_count(st, 2023, &codes, &billable), MB_OK);
		assert_int_equal(codes, 457);
	}
	/* not well-formed: refused before anything is written */
	f = temp_file("bad.xml", "<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<version>2024</version>\n"
		      "<chapter>\n</ICD10CM.tabular>\n");
	assert_int_equal(codes_import_icd10cm(st, f, NULL, NULL, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 5: the XML is not well-formed"));
	assert_int_equal(codes_icd_newest_fy(st), 2023);
	/* a HCPCS record of the wrong length */
	f = temp_file("bad.txt", "A0001001003Short record\r\n");
	assert_int_equal(codes_import_hcpcs(st, f, NULL, NULL, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 1: a record of 23 bytes, expected 320"));
	assert_int_equal(codes_proc_valid(st, "A4206", 20190601, &chk), MB_OK);
	assert_true(chk.ok);
	/* the search index is intact */
	unlink(f);
	test_store_close(st, path);
}

static const char fy2024_xml[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<ICD10CM.tabular>\n<version>2024</version>\n"
	"<chapter><name>10</name><desc>Respiratory</desc>\n"
	"<section id=\"J00-J06\"><desc>Acute upper respiratory infections</desc>\n"
	"<diag><name>J02</name><desc>Acute pharyngitis</desc>\n"
	" <diag><name>J02.9</name><desc>Acute pharyngitis, unspecified</desc></diag>\n"
	" <diag><name>J02.A</name><desc>Acute pharyngitis, made up for the test</desc></diag>\n"
	"</diag></section></chapter>\n"
	"<chapter><name>19</name><desc>Injury</desc>\n"
	"<section id=\"S50-S59\"><desc>Injuries to the elbow and forearm</desc>\n"
	"<diag><name>S52</name><desc>Fracture of forearm</desc>\n"
	" <excludes1><note>traumatic amputation of forearm (S58.-)</note></excludes1>\n"
	" <sevenChrDef><extension char=\"A\">initial encounter for closed fracture</extension>\n"
	"  <extension char=\"D\">subsequent encounter for closed fracture with routine healing</extension>\n"
	" </sevenChrDef>\n"
	" <diag><name>S52.5</name><desc>Fracture of lower end of radius</desc>\n"
	"  <diag><name>S52.52</name><desc>Torus fracture of lower end of radius</desc>\n"
	"   <diag><name>S52.521</name><desc>Torus fracture of lower end of right radius</desc></diag>\n"
	"  </diag>\n"
	" </diag>\n"
	"</diag></section></chapter>\n"
	"</ICD10CM.tabular>\n";

static void test_fiscal_years(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, true, false);
	struct code_import_result r;
	struct code_check chk;
	struct code_info ci;
	struct hits x;
	char *f = temp_file("fy2024.xml", fy2024_xml);
	size_t i;
	bool excl = false, seventh = false;

	assert_int_equal(codes_import_icd10cm(st, f, NULL, NULL, &r), MB_OK);
	assert_string_equal(r.version, "2024");
	assert_int_equal(r.billable, 2 + 2);	/* J02.9, J02.A, S52.521A, S52.521D */
	assert_int_equal(codes_icd_newest_fy(st), 2024);

	/* each date of service is checked against its own fiscal year */
	assert_int_equal(codes_icd_billable(st, "J02.0", 20230501, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(chk.fy, 2023);
	assert_int_equal(codes_icd_billable(st, "J02.0", 20231001, &chk), MB_OK);
	assert_false(chk.ok);
	assert_int_equal(chk.status, CODE_STATUS_INACTIVE);
	assert_string_equal(chk.message, "'J02.0' is not valid in FY2024 (it is in FY2023)");
	assert_int_equal(codes_icd_billable(st, "J02A", 20240115, &chk), MB_OK);
	assert_true(chk.ok);
	assert_string_equal(chk.code, "J02.A");
	assert_int_equal(codes_icd_billable(st, "J02.A", 20230115, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_INACTIVE);
	assert_int_equal(warnings_count(), 0);
	/* 7th characters */
	assert_int_equal(codes_icd_billable(st, "S52.521A", 20240115, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_icd_billable(st, "s52521d", 20240115, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_icd_billable(st, "S52.521", 20240115, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_HEADER);
	assert_string_equal(chk.message, "'S52.521' is not billable without its 7th character "
			    "(S52.521A to S52.521D)");
	/* search answers from the newest year */
	search(st, "J02", CODE_ICD10CM, 10, &x);
	assert_string_equal(x.list, "J02 J02.9 J02.A");
	search(st, "torus right initial", CODE_ICD10CM, 10, &x);
	assert_string_equal(x.list, "S52.521A");
	/* the notes of a complete code include its headers', without their 7th characters */
	assert_int_equal(codes_get(st, CODE_ICD10CM, "S52.521A", &ci), MB_OK);
	assert_true(ci.billable);
	assert_string_equal(ci.description, "Torus fracture of lower end of right radius, "
			    "initial encounter for closed fracture");
	for (i = 0; i < ci.nnotes; i++) {
		excl |= !strcmp(ci.notes[i].at, "S52") && !strcmp(ci.notes[i].kind, "excludes1");
		seventh |= !strcmp(ci.notes[i].kind, "sevenChrDef");
	}
	assert_true(excl);
	assert_false(seventh);
	assert_int_equal(ci.fy_first, 2024);
	assert_int_equal(ci.valid_from, 20231001);
	assert_int_equal(ci.valid_to, 20240930);
	code_info_release(&ci);
	/* J02.9 is in both years */
	assert_int_equal(codes_get(st, CODE_ICD10CM, "J02.9", &ci), MB_OK);
	assert_int_equal(ci.fy_first, 2023);
	assert_int_equal(ci.fy_last, 2024);
	assert_int_equal(ci.valid_from, 20221001);
	assert_int_equal(ci.valid_to, 20240930);
	code_info_release(&ci);
	/* loading the older year again keeps the newer one in the search */
	assert_int_equal(codes_import_icd10cm(st, MINI, NULL, NULL, &r), MB_OK);
	assert_true(r.unchanged);
	unlink(f);
	test_store_close(st, path);
}

/* ---- checks ---- */

static void test_icd_billable(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct code_check chk;

	/* nothing loaded */
	assert_int_equal(codes_icd_billable(st, "J02.0", 20230301, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_NO_SET);
	assert_non_null(strstr(chk.message, "medbill import icd10cm"));
	test_store_close(st, path);

	st = open_loaded(path, true, false);
	assert_int_equal(codes_icd_billable(st, "J02.0", 20230301, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(chk.status, CODE_STATUS_OK);
	assert_string_equal(chk.key, "J020");
	assert_string_equal(chk.code, "J02.0");
	assert_int_equal(chk.fy, 2023);
	assert_int_equal(codes_icd_billable(st, " j020 ", 20221001, &chk), MB_OK);
	assert_true(chk.ok);
	/* headers */
	assert_int_equal(codes_icd_billable(st, "J02", 20230301, &chk), MB_OK);
	assert_false(chk.ok);
	assert_int_equal(chk.status, CODE_STATUS_HEADER);
	assert_string_equal(chk.message, "'J02' (Acute pharyngitis) is a header, not billable: use a "
			    "complete code from J02.0 to J02.9");
	assert_int_equal(codes_icd_billable(st, "J44", 20230301, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_HEADER);
	/* unknown and malformed */
	assert_int_equal(codes_icd_billable(st, "J99.99", 20230301, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_UNKNOWN);
	assert_string_equal(chk.message, "'J99.99' is not an ICD-10-CM code (FY2023)");
	assert_int_equal(codes_icd_billable(st, "99213", 20230301, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	assert_int_equal(codes_icd_billable(st, "J0.20", 20230301, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	assert_int_equal(codes_icd_billable(st, "", 20230301, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	assert_string_equal(chk.message, "'code' is empty");
	assert_int_equal(warnings_count(), 0);
	/* later than the newest year: checked against it, with a warning naming the year to load */
	assert_int_equal(codes_icd_billable(st, "J02.0", 20261126, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(chk.fy, 2023);
	assert_int_equal(warnings_count(), 1);
	assert_non_null(strstr(warning_get(0), "FY2027"));
	assert_non_null(strstr(warning_get(0), "load the FY2027 tabular file"));
	/* the same warning is not repeated for each code */
	assert_int_equal(codes_icd_billable(st, "J02.9", 20261126, &chk), MB_OK);
	assert_int_equal(warnings_count(), 1);
	warnings_clear();
	/* older than the oldest */
	assert_int_equal(codes_icd_billable(st, "J02.0", 20200101, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(warnings_count(), 1);
	assert_non_null(strstr(warning_get(0), "FY2020, which is not loaded"));
	warnings_clear();
	test_store_close(st, path);
}

static void test_proc_modifier_pos(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, false, false);
	struct code_check chk;
	struct code_import_result r;
	struct code_info ci;

	/* no HCPCS file yet */
	assert_int_equal(codes_proc_valid(st, "A4206", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_NO_SET);
	assert_int_equal(codes_import_hcpcs(st, HCPCS_SAMPLE, NULL, NULL, &r), MB_OK);
	assert_string_equal(r.version, "2019");
	assert_int_equal(r.billable, 6);
	assert_int_equal(r.modifiers, 3);
	assert_int_equal(codes_import_hcpcs(st, HCPCS_SAMPLE, NULL, NULL, &r), MB_OK);
	assert_true(r.unchanged);

	assert_int_equal(codes_proc_valid(st, "a4206", 20190601, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(chk.system, CODE_HCPCS);
	assert_int_equal(codes_proc_valid(st, "G8891", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_INACTIVE);
	assert_string_equal(chk.message, "HCPCS code 'G8891' was ended on 2014-12-31, before the date "
			    "of service 2019-06-01");
	assert_int_equal(codes_proc_valid(st, "G8891", 20141231, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_proc_valid(st, "A4563", 20181231, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_INACTIVE);
	assert_int_equal(codes_proc_valid(st, "A9999", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_UNKNOWN);
	/* CPT: by its format while no licensed file is loaded */
	assert_int_equal(codes_proc_valid(st, "99213", 20190601, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(chk.system, CODE_CPT);
	assert_int_equal(codes_proc_valid(st, "0001F", 20190601, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_proc_valid(st, "0001X", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	assert_int_equal(codes_proc_valid(st, "9921", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	assert_int_equal(codes_get(st, CODE_CPT, "99213", &ci), MB_OK);
	assert_false(ci.described);
	assert_string_equal(ci.description, "");
	code_info_release(&ci);

	/* modifiers: HCPCS ones with their dates, and ours */
	assert_int_equal(codes_modifier_valid(st, "xe", 20190601, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_modifier_valid(st, "XE", 20140601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_INACTIVE);
	assert_int_equal(codes_modifier_valid(st, "25", 20190601, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_modifier_valid(st, "59", 0, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_modifier_valid(st, "ZZ", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_UNKNOWN);
	assert_int_equal(codes_modifier_valid(st, "2", 20190601, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	/* the CMS wording of TC replaces ours, and a later init keeps it */
	assert_int_equal(codes_get(st, CODE_MODIFIER, "TC", &ci), MB_OK);
	assert_non_null(strstr(ci.description, "Technical component; under certain circumstances"));
	code_info_release(&ci);
	assert_int_equal(codes_load_shipped(st, "data"), MB_OK);
	assert_int_equal(codes_get(st, CODE_MODIFIER, "TC", &ci), MB_OK);
	assert_non_null(strstr(ci.description, "Technical component; under certain circumstances"));
	code_info_release(&ci);
	assert_int_equal(codes_get(st, CODE_MODIFIER, "26", &ci), MB_OK);
	assert_string_equal(ci.description, "Professional component only: the clinician's "
			    "interpretation, not the equipment");
	code_info_release(&ci);

	/* place of service */
	assert_int_equal(codes_pos_valid(st, "11", &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_pos_valid(st, "28", &chk), MB_OK);	/* unassigned */
	assert_int_equal(chk.status, CODE_STATUS_UNKNOWN);
	assert_int_equal(codes_pos_valid(st, "00", &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_UNKNOWN);
	assert_int_equal(codes_pos_valid(st, "1", &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	assert_int_equal(codes_pos_valid(st, "1A", &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_MALFORMED);
	test_store_close(st, path);
}

static void test_cpt_file(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, false, false);
	struct code_import_result r;
	struct code_check chk;
	struct code_info ci;
	struct hits x;
	char *f;

	/* synthetic descriptions: medbill ships none of the AMA's */
	f = temp_file("cpt.csv", "code,description\r\n99213,Test visit description\r\n"
		      "0001F,\"Test measure, with a comma\"\r\n");
	assert_int_equal(codes_import_cpt(st, f, &r), MB_OK);
	assert_int_equal(r.codes, 2);
	assert_int_equal(codes_import_cpt(st, f, &r), MB_OK);
	assert_true(r.unchanged);
	assert_int_equal(codes_get(st, CODE_CPT, "99213", &ci), MB_OK);
	assert_true(ci.described);
	assert_string_equal(ci.description, "Test visit description");
	code_info_release(&ci);
	/* with a licensed file loaded, a CPT code must be in it */
	assert_int_equal(codes_proc_valid(st, "99213", 20230101, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_proc_valid(st, "99214", 20230101, &chk), MB_OK);
	assert_int_equal(chk.status, CODE_STATUS_UNKNOWN);
	assert_int_equal(codes_get(st, CODE_CPT, "99214", &ci), MB_NOTFOUND);
	search(st, "test visit", CODE_CPT, 5, &x);
	assert_string_equal(x.list, "99213");
	/* bad files name the line and change nothing */
	f = temp_file("cpt-bad.csv", "99213,Test visit\n9921X,Bad code\n");
	assert_int_equal(codes_import_cpt(st, f, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 2: 'code': '9921X' is not a CPT code"));
	f = temp_file("cpt-dup.csv", "99213,Test visit\n99215,Other\n99213,Again\n");
	assert_int_equal(codes_import_cpt(st, f, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 3: code '99213' appears again (first on line 1)"));
	f = temp_file("cpt-nodesc.csv", "99213,  \n");
	assert_int_equal(codes_import_cpt(st, f, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "'description' of '99213' is empty"));
	assert_int_equal(codes_get(st, CODE_CPT, "0001F", &ci), MB_OK);
	assert_string_equal(ci.description, "Test measure, with a comma");
	code_info_release(&ci);
	/* a new file replaces the old one */
	f = temp_file("cpt2.csv", "99214,Second test visit\n");
	assert_int_equal(codes_import_cpt(st, f, &r), MB_OK);
	assert_int_equal(codes_get(st, CODE_CPT, "99213", &ci), MB_NOTFOUND);
	search(st, "test visit", CODE_CPT, 5, &x);
	assert_string_equal(x.list, "99214");
	unlink(f);
	test_store_close(st, path);
}

static void test_sex_age_edits(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, false, false);
	struct code_import_result r;
	struct code_check chk;
	char *f;

	/* nothing loaded: nothing refused */
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "O09.529", 'M', 40, &chk), MB_OK);
	assert_true(chk.ok);
	f = temp_file("sexage.csv",
		      "system,code_from,code_to,sex,age_min,age_max,message\n"
		      "icd10cm,O00,O9A,F,12,55,pregnancy codes need a female patient aged 12 to 55\n"
		      ",N40,,M,,,prostate codes need a male patient\n"
		      "icd10cm,P00,P96,,0,0,perinatal codes are for newborns\n");
	assert_int_equal(codes_import_sex_age(st, f, &r), MB_OK);
	assert_int_equal(r.codes, 3);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "O09.529", 'M', 40, &chk), MB_OK);
	assert_false(chk.ok);
	assert_int_equal(chk.status, CODE_STATUS_SEX_AGE);
	assert_string_equal(chk.message, "'O09.529': pregnancy codes need a female patient aged 12 to 55");
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "O09529", 'F', 30, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "O9A.1", 'F', 60, &chk), MB_OK);
	assert_false(chk.ok);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "N40.0", 'F', 60, &chk), MB_OK);
	assert_false(chk.ok);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "N41.0", 'F', 60, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "P07.30", 'U', 0, &chk), MB_OK);
	assert_true(chk.ok);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "P07.30", 'U', 3, &chk), MB_OK);
	assert_false(chk.ok);
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "J02.0", 'M', 40, &chk), MB_OK);
	assert_true(chk.ok);
	/* bad files: the line and field are named, the table stays */
	f = temp_file("sexage-bad.csv", "code_from,code_to,sex,age_min,age_max,message\n"
		      "O00,O9A,X,,,bad sex\n");
	assert_int_equal(codes_import_sex_age(st, f, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "line 2: 'sex': 'X' is not M, F or empty"));
	f = temp_file("sexage-bad2.csv", "code_from,code_to,sex,age_min,age_max,message\n"
		      "O00,O9A,F,55,12,ages swapped\n");
	assert_int_equal(codes_import_sex_age(st, f, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "'age_max' 12 is less than 'age_min' 55"));
	f = temp_file("sexage-bad3.csv", "code,sex\nO00,F\n");
	assert_int_equal(codes_import_sex_age(st, f, &r), MB_ERROR);
	assert_non_null(strstr(error_last(), "no 'code_from' column"));
	assert_int_equal(codes_sex_age_check(st, CODE_ICD10CM, "O09.529", 'M', 40, &chk), MB_OK);
	assert_false(chk.ok);
	unlink(f);
	test_store_close(st, path);
}

/* ---- the shipped tables ---- */

static void expect_desc(struct store *st, enum code_system sys, const char *code, const char *start)
{
	char *d = NULL;

	if (codes_describe(st, sys, code, &d) != MB_OK)
		fail_msg("%s %s: %s", code_system_name(sys), code, error_last());
	if (strncmp(d, start, strlen(start)))
		fail_msg("%s %s: '%s' does not start with '%s'", code_system_name(sys), code, d, start);
	free(d);
}

static void test_shipped_tables(void **state)
{
	char path[64];
	struct store *st = open_loaded(path, false, false);
	struct code_info ci;
	char *d = NULL;
	long long before;

	assert_int_equal(store_ref_count(st, "carc"), 407);	/* 296 with dates, 111 newer from CMS */
	assert_int_equal(store_ref_count(st, "rarc"), 824);
	assert_int_equal(store_ref_count(st, "group"), 5);
	assert_int_equal(store_ref_count(st, "csc507"), 47);
	assert_int_equal(store_ref_count(st, "csc508"), 749);
	assert_int_equal(store_ref_count(st, "stc1365"), 184);
	assert_int_equal(store_ref_count(st, "pos"), 52);	/* the assigned codes */
	/* 360 Level II from the 2019 HCPCS file, 47 CPT and later Level II of ours */
	assert_int_equal(store_ref_count(st, "modifier"), 407);
	expect_desc(st, CODE_MODIFIER, "QW", "Clia waived test");
	expect_desc(st, CODE_MODIFIER, "LT", "Left side");
	expect_desc(st, CODE_MODIFIER, "95", "Synchronous telemedicine service by real-time audio and video");
	expect_desc(st, CODE_MODIFIER, "FT", "Unrelated evaluation and management visit");
	expect_desc(st, CODE_GROUP, "co", "Contractual Obligations");
	expect_desc(st, CODE_GROUP, "PR", "Patient Responsibility");
	expect_desc(st, CODE_CARC, "45", "Charge exceeds fee schedule");
	expect_desc(st, CODE_CARC, "253", "Sequestration");
	expect_desc(st, CODE_RARC, "N130", "Consult plan benefit documents");
	expect_desc(st, CODE_CSC507, "A1", "Acknowledgement/Receipt");
	expect_desc(st, CODE_CSC508, "0", "Cannot provide further status electronically.");
	expect_desc(st, CODE_STC1365, "30", "Health Benefit Plan Coverage");
	expect_desc(st, CODE_POS, "11", "OFFICE");
	expect_desc(st, CODE_TAXONOMY, "207Q00000X", "Family Medicine Physician");
	assert_int_equal(codes_describe(st, CODE_CARC, "ZZZ9", &d), MB_NOTFOUND);
	assert_null(d);
	assert_int_equal(codes_describe(st, CODE_TAXONOMY, "207Q0000", &d), MB_NOTFOUND);
	/* deactivated codes keep their end date */
	assert_int_equal(codes_get(st, CODE_CARC, "25", &ci), MB_OK);
	assert_true(ci.valid_to != 0);
	code_info_release(&ci);
	assert_int_equal(codes_get(st, CODE_TAXONOMY, "207Q00000X", &ci), MB_OK);
	assert_true(ci.nnotes >= 2);
	assert_string_equal(ci.notes[0].kind, "grouping");
	code_info_release(&ci);
	/* loading again changes nothing */
	before = wal_size(path);
	assert_int_equal(codes_load_shipped(st, "data"), MB_OK);
	assert_int_equal(store_ref_count(st, "carc"), 407);
	assert_true(wal_size(path) == before);
	/* a missing folder is named */
	assert_int_equal(codes_load_shipped(st, "/tmp/medbill-no-such-dir"), MB_ERROR);
	assert_non_null(strstr(error_last(), "/tmp/medbill-no-such-dir/codes/carc.csv"));
	test_store_close(st, path);
}

static void test_keys_and_names(void **state)
{
	char key[CODE_LEN], disp[CODE_LEN];
	enum code_system sys;

	assert_int_equal(codes_key(" j02.0 ", key), MB_OK);
	assert_string_equal(key, "J020");
	codes_icd_display(key, disp);
	assert_string_equal(disp, "J02.0");
	codes_icd_display("E11", disp);
	assert_string_equal(disp, "E11");
	assert_int_equal(codes_key("J0.20", key), MB_ERROR);
	assert_int_equal(codes_key("J02..0", key), MB_ERROR);
	assert_int_equal(codes_key("J0 2", key), MB_ERROR);
	assert_int_equal(codes_key("J02-0", key), MB_ERROR);
	assert_non_null(strstr(error_last(), "'code'"));
	assert_int_equal(codes_key("ABCDEFGHIJKLMNOPQRS", key), MB_ERROR);
	assert_int_equal(code_system_parse("HCPCS", &sys), MB_OK);
	assert_int_equal(sys, CODE_HCPCS);
	assert_int_equal(code_system_parse("508", &sys), MB_OK);
	assert_int_equal(sys, CODE_CSC508);
	assert_int_equal(code_system_parse("icd9", &sys), MB_ERROR);
	assert_non_null(strstr(error_last(), "'system': 'icd9'"));
	assert_string_equal(code_system_name(CODE_STC1365), "stc1365");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_and_names),
		cmocka_unit_test(test_shipped_tables),
		cmocka_unit_test(test_import_icd_mini),
		cmocka_unit_test(test_bad_import_changes_nothing),
		cmocka_unit_test(test_fiscal_years),
		cmocka_unit_test(test_icd_billable),
		cmocka_unit_test(test_search_ranking),
		cmocka_unit_test(test_proc_modifier_pos),
		cmocka_unit_test(test_cpt_file),
		cmocka_unit_test(test_sex_age_edits),
	};
	return cmocka_run_group_tests(tests, NULL, remove_temps);
}
