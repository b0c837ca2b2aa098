/*
 * check837p.c: the 837P (005010X222A1) rules of the X12 checker: a walker
 * over the guide's loops (segment order, required segments and loops,
 * repeats), the HL tree, claims and lines, code values and data edits.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_priv.h"
#include "medbill/validate.h"

/* ---- the guide's loops ---- */

struct loopdef;

/*
 * One entry of a loop, in the guide's order: a segment, or (loop != NULL)
 * a child loop that this segment begins. qel/codes identify the entry by
 * the first component of element qel ("NM1" with NM101 85).
 */
struct ent {
	const char *seg;
	unsigned char qel;
	const char *codes;
	char usage;			/* 'R' required, 'S' situational */
	short max;			/* repeats; 0: unbounded */
	const struct loopdef *loop;
};

struct loopdef {
	const char *id;
	const char *name;
	const struct ent *ents;
	int n;
};

#define S_(seg, q, codes, u, max) { seg, q, codes, u, max, NULL }
#define L_(seg, q, codes, u, max, l) { seg, q, codes, u, max, &l }
#define LOOP(var, id, name, arr) static const struct loopdef var = { id, name, arr, (int)ARRAY_SIZE(arr) }

/* 2400 children */
static const struct ent e2410[] = {
	S_("LIN", 0, NULL, 'R', 1), S_("CTP", 0, NULL, 'R', 1), S_("REF", 1, "VY XZ", 'S', 1),
};
LOOP(l2410, "2410", "drug identification", e2410);
static const struct ent e2420a[] = {
	S_("NM1", 1, "82", 'R', 1), S_("PRV", 1, "PE", 'S', 1), S_("REF", 1, "0B 1G G2 LU", 'S', 20),
};
LOOP(l2420a, "2420A", "rendering provider name", e2420a);
static const struct ent e2420b[] = {
	S_("NM1", 1, "QB", 'R', 1), S_("REF", 1, "0B 1G G2", 'S', 20),
};
LOOP(l2420b, "2420B", "purchased service provider name", e2420b);
static const struct ent e2420c[] = {
	S_("NM1", 1, "77", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
	S_("REF", 1, "G2 LU", 'S', 3),
};
LOOP(l2420c, "2420C", "service facility location name", e2420c);
static const struct ent e2420d[] = {
	S_("NM1", 1, "DQ", 'R', 1), S_("REF", 1, "0B 1G G2 LU", 'S', 20),
};
LOOP(l2420d, "2420D", "supervising provider name", e2420d);
static const struct ent e2420e[] = {
	S_("NM1", 1, "DK", 'R', 1), S_("N3", 0, NULL, 'S', 1), S_("N4", 0, NULL, 'S', 1),
	S_("REF", 1, "0B 1G G2", 'S', 20), S_("PER", 1, "IC", 'S', 1),
};
LOOP(l2420e, "2420E", "ordering provider name", e2420e);
static const struct ent e2420f[] = {
	S_("NM1", 1, "DN P3", 'R', 1), S_("REF", 1, "0B 1G G2", 'S', 20),
};
LOOP(l2420f, "2420F", "referring provider name", e2420f);
static const struct ent e2420g[] = {
	S_("NM1", 1, "PW", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
};
LOOP(l2420g, "2420G", "ambulance pick-up location", e2420g);
static const struct ent e2420h[] = {
	S_("NM1", 1, "45", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
};
LOOP(l2420h, "2420H", "ambulance drop-off location", e2420h);
static const struct ent e2430[] = {
	S_("SVD", 0, NULL, 'R', 1), S_("CAS", 1, "CO CR OA PI PR", 'S', 5),
	S_("DTP", 1, "573", 'R', 1), S_("AMT", 1, "EAF", 'S', 1),
};
LOOP(l2430, "2430", "line adjudication information", e2430);
static const struct ent e2440[] = {
	S_("LQ", 1, "AS UT", 'R', 1), S_("FRM", 0, NULL, 'R', 99),
};
LOOP(l2440, "2440", "form identification code", e2440);

static const struct ent e2400[] = {
	S_("LX", 0, NULL, 'R', 1), S_("SV1", 0, NULL, 'R', 1), S_("SV5", 0, NULL, 'S', 1),
	S_("PWK", 0, NULL, 'S', 11), S_("CR1", 0, NULL, 'S', 1), S_("CR3", 0, NULL, 'S', 1),
	S_("CRC", 1, "07", 'S', 3), S_("CRC", 1, "70", 'S', 1), S_("CRC", 1, "09", 'S', 1),
	S_("DTP", 1, "472", 'R', 1), S_("DTP", 1, "471", 'S', 1), S_("DTP", 1, "607", 'S', 1),
	S_("DTP", 1, "463", 'S', 1), S_("DTP", 1, "461", 'S', 1), S_("DTP", 1, "304", 'S', 1),
	S_("DTP", 1, "738 739", 'S', 2), S_("DTP", 1, "011", 'S', 1), S_("DTP", 1, "455", 'S', 1),
	S_("DTP", 1, "454", 'S', 1), S_("QTY", 1, "PT", 'S', 1), S_("QTY", 1, "FL", 'S', 1),
	S_("MEA", 1, "OG TR", 'S', 5), S_("CN1", 0, NULL, 'S', 1),
	S_("REF", 1, "9B", 'S', 1), S_("REF", 1, "9D", 'S', 1), S_("REF", 1, "G1", 'S', 5),
	S_("REF", 1, "6R", 'S', 1), S_("REF", 1, "EW", 'S', 1), S_("REF", 1, "X4", 'S', 1),
	S_("REF", 1, "F4", 'S', 1), S_("REF", 1, "BT", 'S', 1), S_("REF", 1, "9F", 'S', 5),
	S_("AMT", 1, "T", 'S', 1), S_("AMT", 1, "F4", 'S', 1), S_("K3", 0, NULL, 'S', 10),
	S_("NTE", 1, "ADD DCP", 'S', 1), S_("NTE", 1, "TPO", 'S', 1), S_("PS1", 0, NULL, 'S', 1),
	S_("HCP", 0, NULL, 'S', 1),
	L_("LIN", 0, NULL, 'S', 1, l2410),
	L_("NM1", 1, "82", 'S', 1, l2420a), L_("NM1", 1, "QB", 'S', 1, l2420b),
	L_("NM1", 1, "77", 'S', 1, l2420c), L_("NM1", 1, "DQ", 'S', 1, l2420d),
	L_("NM1", 1, "DK", 'S', 1, l2420e), L_("NM1", 1, "DN P3", 'S', 2, l2420f),
	L_("NM1", 1, "PW", 'S', 1, l2420g), L_("NM1", 1, "45", 'S', 1, l2420h),
	L_("SVD", 0, NULL, 'S', 15, l2430), L_("LQ", 1, "AS UT", 'S', 0, l2440),
};
LOOP(l2400, "2400", "service line number", e2400);

/* 2320 and its 2330 loops */
static const struct ent e2330a[] = {
	S_("NM1", 1, "IL", 'R', 1), S_("N3", 0, NULL, 'S', 1), S_("N4", 0, NULL, 'S', 1),
	S_("REF", 1, "SY", 'S', 1),
};
LOOP(l2330a, "2330A", "other subscriber name", e2330a);
static const struct ent e2330b[] = {
	S_("NM1", 1, "PR", 'R', 1), S_("N3", 0, NULL, 'S', 1), S_("N4", 0, NULL, 'S', 1),
	S_("DTP", 1, "573", 'S', 1), S_("REF", 1, "2U EI FY NF", 'S', 2), S_("REF", 1, "G1", 'S', 1),
	S_("REF", 1, "9F", 'S', 1), S_("REF", 1, "T4", 'S', 1), S_("REF", 1, "F8", 'S', 1),
};
LOOP(l2330b, "2330B", "other payer name", e2330b);
static const struct ent e2330c[] = {
	S_("NM1", 1, "DN P3", 'R', 1), S_("REF", 1, "0B 1G G2", 'R', 3),
};
LOOP(l2330c, "2330C", "other payer referring provider", e2330c);
static const struct ent e2330d[] = {
	S_("NM1", 1, "82", 'R', 1), S_("REF", 1, "0B 1G G2 LU", 'R', 3),
};
LOOP(l2330d, "2330D", "other payer rendering provider", e2330d);
static const struct ent e2330e[] = {
	S_("NM1", 1, "77", 'R', 1), S_("REF", 1, "0B G2 LU", 'R', 3),
};
LOOP(l2330e, "2330E", "other payer service facility location", e2330e);
static const struct ent e2330f[] = {
	S_("NM1", 1, "DQ", 'R', 1), S_("REF", 1, "0B 1G G2 LU", 'R', 3),
};
LOOP(l2330f, "2330F", "other payer supervising provider", e2330f);
static const struct ent e2330g[] = {
	S_("NM1", 1, "85", 'R', 1), S_("REF", 1, "G2 LU", 'R', 2),
};
LOOP(l2330g, "2330G", "other payer billing provider", e2330g);
static const struct ent e2320[] = {
	S_("SBR", 0, NULL, 'R', 1), S_("CAS", 1, "CO CR OA PI PR", 'S', 5),
	S_("AMT", 1, "D", 'S', 1), S_("AMT", 1, "A8", 'S', 1), S_("AMT", 1, "EAF", 'S', 1),
	S_("OI", 0, NULL, 'R', 1), S_("MOA", 0, NULL, 'S', 1),
	L_("NM1", 1, "IL", 'R', 1, l2330a), L_("NM1", 1, "PR", 'R', 1, l2330b),
	L_("NM1", 1, "DN P3", 'S', 2, l2330c), L_("NM1", 1, "82", 'S', 1, l2330d),
	L_("NM1", 1, "77", 'S', 1, l2330e), L_("NM1", 1, "DQ", 'S', 1, l2330f),
	L_("NM1", 1, "85", 'S', 1, l2330g),
};
LOOP(l2320, "2320", "other subscriber information", e2320);

/* 2310 loops */
static const struct ent e2310a[] = {
	S_("NM1", 1, "DN P3", 'R', 1), S_("REF", 1, "0B 1G G2", 'S', 3),
};
LOOP(l2310a, "2310A", "referring provider name", e2310a);
static const struct ent e2310b[] = {
	S_("NM1", 1, "82", 'R', 1), S_("PRV", 1, "PE", 'S', 1), S_("REF", 1, "0B 1G G2 LU", 'S', 4),
};
LOOP(l2310b, "2310B", "rendering provider name", e2310b);
static const struct ent e2310c[] = {
	S_("NM1", 1, "77", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
	S_("REF", 1, "0B G2 LU", 'S', 3), S_("PER", 1, "IC", 'S', 1),
};
LOOP(l2310c, "2310C", "service facility location name", e2310c);
static const struct ent e2310d[] = {
	S_("NM1", 1, "DQ", 'R', 1), S_("REF", 1, "0B 1G G2 LU", 'S', 4),
};
LOOP(l2310d, "2310D", "supervising provider name", e2310d);
static const struct ent e2310e[] = {
	S_("NM1", 1, "PW", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
};
LOOP(l2310e, "2310E", "ambulance pick-up location", e2310e);
static const struct ent e2310f[] = {
	S_("NM1", 1, "45", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
};
LOOP(l2310f, "2310F", "ambulance drop-off location", e2310f);

static const struct ent e2300[] = {
	S_("CLM", 0, NULL, 'R', 1),
	S_("DTP", 1, "431", 'S', 1), S_("DTP", 1, "454", 'S', 1), S_("DTP", 1, "304", 'S', 1),
	S_("DTP", 1, "453", 'S', 1), S_("DTP", 1, "439", 'S', 1), S_("DTP", 1, "484", 'S', 1),
	S_("DTP", 1, "455", 'S', 1), S_("DTP", 1, "471", 'S', 1), S_("DTP", 1, "314 360 361", 'S', 1),
	S_("DTP", 1, "297", 'S', 1), S_("DTP", 1, "296", 'S', 1), S_("DTP", 1, "435", 'S', 1),
	S_("DTP", 1, "096", 'S', 1), S_("DTP", 1, "090 091", 'S', 2), S_("DTP", 1, "444", 'S', 1),
	S_("DTP", 1, "050", 'S', 1),
	S_("PWK", 0, NULL, 'S', 10), S_("CN1", 0, NULL, 'S', 1), S_("AMT", 1, "F5", 'S', 1),
	S_("REF", 1, "4N", 'S', 1), S_("REF", 1, "F5", 'S', 1), S_("REF", 1, "EW", 'S', 1),
	S_("REF", 1, "9F", 'S', 1), S_("REF", 1, "G1", 'S', 1), S_("REF", 1, "F8", 'S', 1),
	S_("REF", 1, "X4", 'S', 1), S_("REF", 1, "9A", 'S', 1), S_("REF", 1, "9C", 'S', 1),
	S_("REF", 1, "LX", 'S', 1), S_("REF", 1, "D9", 'S', 1), S_("REF", 1, "EA", 'S', 1),
	S_("REF", 1, "P4", 'S', 1), S_("REF", 1, "1J", 'S', 1),
	S_("K3", 0, NULL, 'S', 10), S_("NTE", 1, "ADD CER DCP DGN TPO", 'S', 1),
	S_("CR1", 0, NULL, 'S', 1), S_("CR2", 0, NULL, 'S', 1),
	S_("CRC", 1, "07", 'S', 3), S_("CRC", 1, "E1 E2 E3", 'S', 3), S_("CRC", 1, "75", 'S', 1),
	S_("CRC", 1, "ZZ", 'S', 1),
	S_("HI", 1, "ABK BK", 'R', 1), S_("HI", 1, "BP BO", 'S', 1), S_("HI", 1, "BG", 'S', 2),
	S_("HCP", 0, NULL, 'S', 1),
	L_("NM1", 1, "DN P3", 'S', 2, l2310a), L_("NM1", 1, "82", 'S', 1, l2310b),
	L_("NM1", 1, "77", 'S', 1, l2310c), L_("NM1", 1, "DQ", 'S', 1, l2310d),
	L_("NM1", 1, "PW", 'S', 1, l2310e), L_("NM1", 1, "45", 'S', 1, l2310f),
	L_("SBR", 0, NULL, 'S', 10, l2320),
	L_("LX", 0, NULL, 'R', 50, l2400),
};
LOOP(l2300, "2300", "claim information", e2300);

/* The HL levels */
static const struct ent e2010ca[] = {
	S_("NM1", 1, "QC", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
	S_("DMG", 0, NULL, 'R', 1), S_("REF", 1, "Y4", 'S', 1), S_("REF", 1, "1W SY", 'S', 1),
	S_("PER", 1, "IC", 'S', 1),
};
LOOP(l2010ca, "2010CA", "patient name", e2010ca);
static const struct ent e2000c[] = {
	S_("HL", 3, "23", 'R', 1), S_("PAT", 0, NULL, 'R', 1),
	L_("NM1", 1, "QC", 'R', 1, l2010ca),
	L_("CLM", 0, NULL, 'R', 100, l2300),
};
LOOP(l2000c, "2000C", "patient hierarchical level", e2000c);

static const struct ent e2010ba[] = {
	S_("NM1", 1, "IL", 'R', 1), S_("N3", 0, NULL, 'S', 1), S_("N4", 0, NULL, 'S', 1),
	S_("DMG", 0, NULL, 'S', 1), S_("REF", 1, "SY", 'S', 1), S_("REF", 1, "Y4", 'S', 1),
	S_("PER", 1, "IC", 'S', 1),
};
LOOP(l2010ba, "2010BA", "subscriber name", e2010ba);
static const struct ent e2010bb[] = {
	S_("NM1", 1, "PR", 'R', 1), S_("N3", 0, NULL, 'S', 1), S_("N4", 0, NULL, 'S', 1),
	S_("REF", 1, "2U EI FY NF", 'S', 3), S_("REF", 1, "G2 LU", 'S', 2),
};
LOOP(l2010bb, "2010BB", "payer name", e2010bb);
static const struct ent e2000b[] = {
	S_("HL", 3, "22", 'R', 1), S_("SBR", 0, NULL, 'R', 1), S_("PAT", 0, NULL, 'S', 1),
	L_("NM1", 1, "IL", 'R', 1, l2010ba), L_("NM1", 1, "PR", 'R', 1, l2010bb),
	L_("CLM", 0, NULL, 'S', 100, l2300),
	L_("HL", 3, "23", 'S', 0, l2000c),
};
LOOP(l2000b, "2000B", "subscriber hierarchical level", e2000b);

static const struct ent e2010aa[] = {
	S_("NM1", 1, "85", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
	S_("REF", 1, "EI SY", 'R', 1), S_("REF", 1, "0B 1G", 'S', 2), S_("PER", 1, "IC", 'S', 2),
};
LOOP(l2010aa, "2010AA", "billing provider name", e2010aa);
static const struct ent e2010ab[] = {
	S_("NM1", 1, "87", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
};
LOOP(l2010ab, "2010AB", "pay-to address name", e2010ab);
static const struct ent e2010ac[] = {
	S_("NM1", 1, "PE", 'R', 1), S_("N3", 0, NULL, 'R', 1), S_("N4", 0, NULL, 'R', 1),
	S_("REF", 1, "2U FY NF", 'S', 1), S_("REF", 1, "EI", 'R', 1),
};
LOOP(l2010ac, "2010AC", "pay-to plan name", e2010ac);
static const struct ent e2000a[] = {
	S_("HL", 3, "20", 'R', 1), S_("PRV", 1, "BI", 'S', 1), S_("CUR", 1, "85", 'S', 1),
	L_("NM1", 1, "85", 'R', 1, l2010aa), L_("NM1", 1, "87", 'S', 1, l2010ab),
	L_("NM1", 1, "PE", 'S', 1, l2010ac),
	L_("HL", 3, "22", 'R', 0, l2000b),
};
LOOP(l2000a, "2000A", "billing provider hierarchical level", e2000a);

static const struct ent e1000a[] = {
	S_("NM1", 1, "41", 'R', 1), S_("PER", 1, "IC", 'R', 2),
};
LOOP(l1000a, "1000A", "submitter name", e1000a);
static const struct ent e1000b[] = {
	S_("NM1", 1, "40", 'R', 1),
};
LOOP(l1000b, "1000B", "receiver name", e1000b);
static const struct ent eheader[] = {
	S_("BHT", 0, NULL, 'R', 1),
	L_("NM1", 1, "41", 'R', 1, l1000a), L_("NM1", 1, "40", 'R', 1, l1000b),
	L_("HL", 3, "20", 'R', 0, l2000a),
};
LOOP(lheader, "header", "transaction set header", eheader);

/* ---- state ---- */

#define MAX_ENTS 72
#define MAX_DEPTH 10

struct frame {
	const struct loopdef *l;
	int pos;
	long start;			/* segment number of its first segment */
	unsigned short cnt[MAX_ENTS];
	/* HL loops */
	long hl;
	char hl04;
	bool hl_child;
	bool hl_claim;
};

struct c837 {
	struct frame st[MAX_DEPTH];
	int depth;
	long hl_last;
	char sbr01;			/* of the open 2000B */
	/* the open claim */
	bool in_claim;
	long clm_no;
	char clm01[40];
	cents_t clm02;
	bool clm02_ok;
	cents_t sum;
	bool sum_ok;
	char pos[4];
	char freq;
	bool has_f8;
	char cause[2][4];
	bool has_439;
	int ndiag;
	char diag[12][32];
	bool icd9;
	long hi_no;
	int lx;
	mbdate_t dates[MAX_CLAIM_LINES];
	int ndates;
	long date_no;
	char ctl[MAX_CLAIM_LINES][51];
	int nctl;
	char payers[10][81];
	int npayers;
	char sbr2320[10];
	int n2320;
	/* the open line */
	long sv1_no;
	char sv1_proc[80];
};

struct c837 *c837_new(void)
{
	struct c837 *p = xcalloc(1, sizeof(*p));

	p->st[0].l = &lheader;
	p->depth = 1;
	return p;
}

void c837_free(struct c837 *p)
{
	free(p);
}

static const struct loopdef *cur_loop(const struct c837 *p)
{
	return p->st[p->depth - 1].l;
}

static char *comp(const struct x12_segment *s, int i, int k, char *buf, size_t n)
{
	return x12_comp(s, i, k, buf, n);
}

/* A segment with the first components of its elements 1 and 3 (the
 * qualifiers that tell the guide's entries apart), split once. */
struct qseg {
	const struct x12_segment *s;
	uint32_t key;
	char q1[16], q3[16];
};

/* A segment ID as a number, for quick comparisons. */
static inline uint32_t seg_key(const char *id)
{
	uint32_t k = (unsigned char)id[0];

	if (id[0] && id[1]) {
		k = k << 8 | (unsigned char)id[1];
		if (id[2])
			k = k << 8 | (unsigned char)id[2];
	}
	return k;
}

static void qseg_init(struct qseg *q, const struct x12_segment *s)
{
	q->s = s;
	q->key = seg_key(s->id);
	comp(s, 1, 1, q->q1, sizeof(q->q1));
	comp(s, 3, 1, q->q3, sizeof(q->q3));
}

static bool ent_match(const struct ent *e, const struct qseg *q)
{
	if (e->seg[0] != q->s->id[0] || seg_key(e->seg) != q->key)
		return false;
	if (!e->codes)
		return true;
	return chk_in(e->qel == 3 ? q->q3 : q->q1, e->codes);
}

static int find_ent(const struct frame *f, const struct qseg *q)
{
	int i;

	for (i = f->pos; i < f->l->n; i++)
		if (ent_match(&f->l->ents[i], q))
			return i;
	return -1;
}

/* ---- loop events ---- */

static void claim_finish(struct chk *c, long segno);

static struct frame *hl_parent(struct c837 *p, int depth)
{
	int k;

	for (k = depth - 1; k >= 0; k--)
		if (p->st[k].l == &l2000a || p->st[k].l == &l2000b)
			return &p->st[k];
	return NULL;
}

static void hl_open(struct chk *c, struct frame *f, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	struct frame *parent = hl_parent(p, p->depth - 1);
	const char *id = x12_el(s, 1), *up = x12_el(s, 2), *child = x12_el(s, 4);
	char *end;
	long n = strtol(id, &end, 10);

	f->hl = n;
	f->hl04 = child[0];
	f->hl_child = false;
	f->hl_claim = false;
	if (!*id || *end || n != p->hl_last + 1)
		chk_err(c, 1, "HL '%s' out of sequence: HL %ld comes next", id, p->hl_last + 1);
	if (*id && !*end)
		p->hl_last = n;
	if (f->l == &l2000a) {
		if (*up)
			chk_err(c, 2, "a billing provider HL has no parent, not '%s'", up);
		if (strcmp(child, "1"))
			chk_err(c, 4, "'%s': a billing provider HL always has children (1)", child);
	} else {
		if (!*up)
			chk_err(c, 2, "the parent HL is missing");
		else if (parent && strtol(up, NULL, 10) != parent->hl)
			chk_err(c, 2, "parent HL '%s' is not the enclosing %s HL %ld", up,
				parent->l == &l2000a ? "billing provider" : "subscriber", parent->hl);
		if (!chk_in(child, "0 1"))
			chk_err(c, 4, "'%s' is not a hierarchical child code (0 or 1)", child);
		if (f->l == &l2000c && !strcmp(child, "1"))
			chk_err(c, 4, "a patient HL has no children: HL04 must be 0");
	}
	if (parent) {
		if (parent->l == &l2000b && parent->hl04 == '0')
			chk_report(c, X12C_ERROR, parent->start, "HL", 4,
				   "HL %ld has child HL %s but its HL04 is 0", parent->hl, id);
		parent->hl_child = true;
	}
}

static void hl_close(struct chk *c, struct frame *f)
{
	if (f->l == &l2000b && f->hl04 == '1' && !f->hl_child)
		chk_report(c, X12C_ERROR, f->start, "HL", 4,
			   "HL %ld says it has children (HL04 1) but no patient HL follows", f->hl);
	if (f->l == &l2000b && !f->hl_child && !f->hl_claim)
		chk_report(c, X12C_ERROR, f->start, "HL", 0,
			   "subscriber HL %ld has no claim and no patient HL", f->hl);
}

/* Close the top frame: its required entries, then its own checks. */
static void close_frame(struct chk *c)
{
	struct c837 *p = c->p837;
	struct frame *f = &p->st[p->depth - 1];
	int i;

	for (i = 0; i < f->l->n; i++) {
		const struct ent *e = &f->l->ents[i];

		if (e->usage != 'R' || f->cnt[i])
			continue;
		if (e->loop)
			chk_report(c, X12C_ERROR, f->start, f->l->ents[0].seg, 0,
				   "loop %s (%s) lacks its required loop %s (%s)",
				   f->l->id, f->l->name, e->loop->id, e->loop->name);
		else if (e->codes && strchr(e->codes, ' '))
			chk_report(c, X12C_ERROR, f->start, f->l->ents[0].seg, 0,
				   "loop %s (%s) lacks its required %s segment (%s01 %s)",
				   f->l->id, f->l->name, e->seg, e->seg, e->codes);
		else
			chk_report(c, X12C_ERROR, f->start, f->l->ents[0].seg, 0,
				   "loop %s (%s) lacks its required %s%s%s segment",
				   f->l->id, f->l->name, e->seg, e->codes ? "*" : "",
				   e->codes ? e->codes : "");
	}
	if (f->l == &l2000a || f->l == &l2000b || f->l == &l2000c)
		hl_close(c, f);
	if (f->l == &l2300)
		claim_finish(c, f->start);
	p->depth--;
}

static void claim_begin(struct chk *c, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	int k;

	p->in_claim = true;
	p->clm_no = s->no;
	SCPY(p->clm01, x12_el(s, 1));
	p->clm02_ok = chk_amount(x12_el(s, 2), &p->clm02);
	p->sum = 0;
	p->sum_ok = true;
	comp(s, 5, 1, p->pos, sizeof(p->pos));
	{
		char f[4];

		p->freq = comp(s, 5, 3, f, sizeof(f))[0];
	}
	p->has_f8 = false;
	comp(s, 11, 1, p->cause[0], sizeof(p->cause[0]));
	comp(s, 11, 2, p->cause[1], sizeof(p->cause[1]));
	p->has_439 = false;
	p->ndiag = 0;
	p->icd9 = false;
	p->hi_no = 0;
	p->lx = 0;
	p->ndates = 0;
	p->nctl = 0;
	p->npayers = 0;
	p->n2320 = 0;
	for (k = p->depth - 1; k >= 0; k--)
		if (p->st[k].l == &l2000b || p->st[k].l == &l2000c) {
			p->st[k].hl_claim = true;
			break;
		}
	c->sum->claims++;
}

static void claim_finish(struct chk *c, long segno)
{
	struct c837 *p = c->p837;
	char a[MONEY_BUF], b[MONEY_BUF];
	int i, j;

	if (!p->in_claim)
		return;
	p->in_claim = false;
	if (p->clm02_ok && p->sum_ok && p->lx > 0 && p->clm02 != p->sum)
		chk_report(c, X12C_ERROR, p->clm_no, "CLM", 2,
			   "claim total %s is not the sum of its lines, %s", money_fmt(p->clm02, a),
			   money_fmt(p->sum, b));
	if ((p->freq == '7' || p->freq == '8') && !p->has_f8)
		chk_report(c, X12C_ERROR, p->clm_no, "CLM", 5,
			   "frequency %c (replacement or void) needs REF*F8, the payer's claim control number",
			   p->freq);
	for (i = 0; i < 2; i++)
		if ((!strcmp(p->cause[i], "AA") || !strcmp(p->cause[i], "OA")) && !p->has_439)
			chk_report(c, X12C_ERROR, p->clm_no, "CLM", 11,
				   "related cause %s needs DTP*439, the accident date", p->cause[i]);
	/* ICD-9 before 2015-10-01, ICD-10 from then on. */
	for (j = 0; j < p->ndates && p->ndiag; j++) {
		if (p->icd9 && p->dates[j] >= X12C_ICD10_FROM) {
			chk_report(c, X12C_ERROR, p->hi_no, "HI", 1,
				   "ICD-9 codes (BK) on a service date on or after 2015-10-01: use ICD-10-CM (ABK)");
			break;
		}
		if (!p->icd9 && p->dates[j] < X12C_ICD10_FROM) {
			chk_report(c, X12C_ERROR, p->hi_no, "HI", 1,
				   "ICD-10-CM codes (ABK) on a service date before 2015-10-01: use ICD-9 (BK)");
			break;
		}
	}
	/* Billable on each date of service. */
	if (c->o && c->o->billable && !p->icd9) {
		for (i = 0; i < p->ndiag; i++) {
			for (j = 0; j < p->ndates; j++) {
				char why[256] = "";
				char d[DATE_ISO_LEN];
				int r = c->o->billable(c->o->billable_ctx, p->diag[i], p->dates[j], why,
						       sizeof(why));

				if (r != 0)
					continue;
				date_iso(p->dates[j], d);
				chk_report(c, c->legacy ? X12C_WARNING : X12C_ERROR, p->hi_no, "HI",
					   i + 1, "diagnosis %d is not billable on %s: %s", i + 1, d,
					   *why ? why : p->diag[i]);
				break;
			}
		}
	}
	if (*p->clm01) {
		long first = strset_add(&c->clm01, p->clm01, p->clm_no);

		if (first)
			chk_report(c, X12C_ERROR, p->clm_no, "CLM", 1,
				   "claim %s was already in this file at segment %ld", p->clm01, first);
	}
}

/*
 * Place s in the loop tree: the nearest open loop (innermost first) that
 * has an entry for it at or after its position. Returns the frame it went
 * to, or NULL when it fits nowhere (reported).
 */
static struct frame *place(struct chk *c, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	struct frame *f;
	const struct ent *e;
	struct qseg q;
	int k, i = -1;

	qseg_init(&q, s);
	for (k = p->depth - 1; k >= 0; k--) {
		i = find_ent(&p->st[k], &q);
		if (i >= 0)
			break;
	}
	if (k < 0) {
		const struct loopdef *l = cur_loop(p);

		/* A known segment with a qualifier that fits no open loop. */
		for (k = p->depth - 1; k >= 0; k--) {
			const struct frame *g = &p->st[k];

			for (i = 0; i < g->l->n; i++) {
				e = &g->l->ents[i];
				if (strcmp(e->seg, s->id))
					continue;
				if (e->codes && !ent_match(e, &q)) {
					chk_err(c, e->qel, "'%s' is not a valid %s%02d code in loop %s (%s)",
						e->qel == 3 ? q.q3 : q.q1, s->id, e->qel,
						g->l->id, g->l->name);
					return NULL;
				}
				if (i < g->pos) {
					chk_err(c, 0, "%s is out of order in loop %s (%s)", s->id,
						g->l->id, g->l->name);
					return NULL;
				}
			}
		}
		chk_err(c, 0, "%s is not expected here (in loop %s, %s)", s->id, l->id, l->name);
		return NULL;
	}
	while (p->depth - 1 > k)
		close_frame(c);
	f = &p->st[k];
	e = &f->l->ents[i];
	f->pos = i;
	if (f->cnt[i] < 65535)
		f->cnt[i]++;
	if (e->max && f->cnt[i] > e->max) {
		if (e->loop)
			chk_err(c, 0, "loop %s (%s) repeats more than %d times in loop %s",
				e->loop->id, e->loop->name, e->max, f->l->id);
		else
			chk_err(c, 0, "%s appears more than %d time%s in loop %s (%s)", s->id, e->max,
				e->max == 1 ? "" : "s", f->l->id, f->l->name);
	}
	if (!e->loop)
		return f;
	if (p->depth >= MAX_DEPTH)
		BUG("837P loop tree too deep");
	f = &p->st[p->depth++];
	memset(f, 0, sizeof(*f));
	f->l = e->loop;
	f->start = s->no;
	f->cnt[0] = 1;
	if (f->l == &l2000a || f->l == &l2000b || f->l == &l2000c)
		hl_open(c, f, s);
	if (f->l == &l2300)
		claim_begin(c, s);
	return f;
}

/* ---- segment rules ---- */

static const char *const pos_codes =
	"01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 "
	"31 32 33 34 41 42 49 50 51 52 53 54 55 56 57 58 60 61 62 65 66 71 72 81 99";
static const char *const filing_codes =
	"11 12 13 14 15 16 17 AM BL CH CI DS FI HM LM MA MB MC OF TV VA WC ZZ";

static void check_npi(struct chk *c, int elem, const char *npi)
{
	if (strlen(npi) != 10 || strspn(npi, "0123456789") != 10)
		chk_edit(c, elem, "NPI '%s' is not 10 digits", npi);
	else if (validate_npi(npi, "npi") != MB_OK)
		chk_edit(c, elem, "NPI '%s' fails its check digit", npi);
}

static void rule_nm1(struct chk *c, const struct loopdef *l, const struct x12_segment *s)
{
	const char *type = x12_el(s, 2), *qual = x12_el(s, 8), *id = x12_el(s, 9);
	const char *want = NULL;
	bool person_only = l == &l2010ca || l == &l2310a || l == &l2310d || l == &l2420d ||
			   l == &l2420e || l == &l2420f;
	bool org_only = l == &l1000b || l == &l2010bb || l == &l2010ac || l == &l2310c ||
			l == &l2310e || l == &l2310f || l == &l2330b || l == &l2420c || l == &l2420g ||
			l == &l2420h;

	if (!chk_in(type, "1 2"))
		chk_err(c, 2, "'%s' is not an entity type (1 person, 2 organization)", type);
	else if (person_only && strcmp(type, "1"))
		chk_err(c, 2, "loop %s names a person: NM102 must be 1", l->id);
	else if (org_only && strcmp(type, "2"))
		chk_err(c, 2, "loop %s names an organization: NM102 must be 2", l->id);
	if (l == &l1000a || l == &l1000b)
		want = "46";
	else if (l == &l2010aa || l == &l2310a || l == &l2310b || l == &l2310c || l == &l2310d ||
		 l == &l2420a || l == &l2420b || l == &l2420c || l == &l2420d || l == &l2420e ||
		 l == &l2420f)
		want = "XX";
	else if (l == &l2010ba || l == &l2330a)
		want = "II MI";
	else if (l == &l2010bb || l == &l2330b || l == &l2010ac)
		want = "PI XV";
	if (!*x12_el(s, 3) && l != &l2010ab && l != &l2310e && l != &l2310f && l != &l2420g &&
	    l != &l2420h && l != &l2330c && l != &l2330d && l != &l2330e && l != &l2330f &&
	    l != &l2330g)
		chk_err(c, 3, "the name is missing (NM103)");
	if (*qual && !*id)
		chk_err(c, 9, "NM108 '%s' needs an identifier in NM109", qual);
	if (!*qual && *id)
		chk_err(c, 8, "NM109 '%s' needs a qualifier in NM108", id);
	if (*qual && want && !chk_in(qual, want))
		chk_err(c, 8, "'%s' is not a valid identification code qualifier in loop %s (%s)",
			qual, l->id, want);
	if (*qual && !want)
		chk_err(c, 8, "loop %s does not use NM108/NM109", l->id);
	if (!*qual && (l == &l1000a || l == &l1000b || l == &l2010ba || l == &l2010bb ||
		       l == &l2330a || l == &l2330b || l == &l2010ac))
		chk_err(c, 8, "loop %s needs its identifier (NM108/NM109)", l->id);
	if (!strcmp(qual, "XX"))
		check_npi(c, 9, id);
	if (l == &l2330b && c->p837->npayers < 10)
		SCPY(c->p837->payers[c->p837->npayers++], id);
}

static void rule_n4(struct chk *c, const struct loopdef *l, const struct x12_segment *s)
{
	const char *state = x12_el(s, 2), *zip = x12_el(s, 3), *country = x12_el(s, 4);
	size_t n = strlen(zip);

	if (!*x12_el(s, 1))
		chk_err(c, 1, "the city is missing (N401)");
	if (*country && strcmp(country, "US"))
		return;
	if (!*state)
		chk_err(c, 2, "the state is missing (N402)");
	else if (validate_state(state, "state") != MB_OK)
		chk_err(c, 2, "'%s' is not a US state code", state);
	if (!*zip) {
		chk_err(c, 3, "the ZIP code is missing (N403)");
		return;
	}
	if (strspn(zip, "0123456789") != n || (n != 5 && n != 9))
		chk_edit(c, 3, "ZIP code '%s' is not 5 or 9 digits", zip);
	else if (n != 9 && (l == &l2010aa || l == &l2310c))
		chk_edit(c, 3, "the %s ZIP code '%s' must have 9 digits (ZIP+4)",
			 l == &l2010aa ? "billing provider" : "service facility", zip);
}

static void rule_dtp(struct chk *c, const struct loopdef *l, const struct x12_segment *s)
{
	const char *fmt = x12_el(s, 2), *v = x12_el(s, 3);
	mbdate_t from = 0, to = 0;
	struct c837 *p = c->p837;

	if (!strcmp(fmt, "D8")) {
		if (!chk_date8(v, &from))
			chk_err(c, 3, "'%s' is not a date (CCYYMMDD)", v);
	} else if (!strcmp(fmt, "RD8")) {
		char a[16], b[16];
		const char *dash = strchr(v, '-');

		if (!dash || dash - v >= 16 || strlen(dash + 1) >= 16) {
			chk_err(c, 3, "'%s' is not a date range (CCYYMMDD-CCYYMMDD)", v);
		} else {
			memcpy(a, v, (size_t)(dash - v));
			a[dash - v] = '\0';
			SCPY(b, dash + 1);
			if (!chk_date8(a, &from) || !chk_date8(b, &to))
				chk_err(c, 3, "'%s' is not a date range (CCYYMMDD-CCYYMMDD)", v);
			else if (to < from)
				chk_err(c, 3, "date range '%s' ends before it begins", v);
		}
	} else {
		chk_err(c, 2, "'%s' is not a date format qualifier (D8, RD8)", fmt);
	}
	if (!strcmp(x12_el(s, 1), "439") && l == &l2300)
		p->has_439 = true;
	if (!strcmp(x12_el(s, 1), "472") && l == &l2400 && from) {
		int i;

		for (i = 0; i < p->ndates; i++)
			if (p->dates[i] == from)
				break;
		if (i == p->ndates && p->ndates < MAX_CLAIM_LINES)
			p->dates[p->ndates++] = from;
	}
}

static bool icd10_format(const char *v)
{
	size_t n = strlen(v), i;

	if (n < 3 || n > 7 || !isupper((unsigned char)v[0]) || !isdigit((unsigned char)v[1]))
		return false;
	for (i = 2; i < n; i++)
		if (!isupper((unsigned char)v[i]) && !isdigit((unsigned char)v[i]))
			return false;
	return true;
}

static bool icd9_format(const char *v)
{
	size_t n = strlen(v), i = 0;

	if (n < 3 || n > 5)
		return false;
	if (v[0] == 'V' || v[0] == 'E')
		i = 1;
	for (; i < n; i++)
		if (!isdigit((unsigned char)v[i]))
			return false;
	return true;
}

static void rule_hi(struct chk *c, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	char q[8], code[32], first[8];
	int k, j;

	comp(s, 1, 1, first, sizeof(first));
	if (!chk_in(first, "ABK BK"))
		return;		/* the other HI segments (BP, BG) */
	p->hi_no = s->no;
	p->icd9 = !strcmp(first, "BK");
	p->ndiag = 0;
	for (k = 1; k <= s->n; k++) {
		const char *want = k == 1 ? first : p->icd9 ? "BF" : "ABF";

		comp(s, k, 1, q, sizeof(q));
		comp(s, k, 2, code, sizeof(code));
		if (!*q && !*code)
			continue;
		if (strcmp(q, want)) {
			if (k > 1 && chk_in(q, "ABF BF"))
				chk_err(c, k, "'%s' mixes ICD-9 and ICD-10-CM in one claim (HI01 is %s)",
					q, first);
			else
				chk_err(c, k, "'%s' is not a valid qualifier here (%s)", q, want);
		}
		if (!*code) {
			chk_err(c, k, "the diagnosis code is missing");
			continue;
		}
		if (strchr(code, '.'))
			chk_err(c, k, "'%s': diagnosis codes are sent without the dot", code);
		else if (p->icd9 ? !icd9_format(code) : !icd10_format(code))
			chk_err(c, k, "'%s' is not an %s code", code, p->icd9 ? "ICD-9-CM" : "ICD-10-CM");
		for (j = 0; j < p->ndiag; j++)
			if (!strcmp(p->diag[j], code))
				chk_err(c, k, "diagnosis '%s' is listed twice", code);
		if (p->ndiag < 12)
			SCPY(p->diag[p->ndiag++], code);
	}
}

static void rule_clm(struct chk *c, const struct x12_segment *s)
{
	char v[16];
	const char *ind[4][2] = { { "N Y", "provider signature (Y, N)" },
				  { "A B C", "assignment code (A, B, C)" },
				  { "N W Y", "benefits assignment (Y, N, W)" },
				  { "I Y", "release of information (I, Y)" } };
	int k;

	if (!*x12_el(s, 1))
		chk_err(c, 1, "the patient control number is missing");
	else if (strlen(x12_el(s, 1)) > 20)
		chk_err(c, 1, "'%s' is longer than the 20 characters receivers keep", x12_el(s, 1));
	if (!*x12_el(s, 2))
		chk_err(c, 2, "the claim total is missing");
	else if (!c->p837->clm02_ok)
		chk_err(c, 2, "'%s' is not an amount", x12_el(s, 2));
	else if (c->p837->clm02 < 0)
		chk_err(c, 2, "the claim total is negative");
	if (*x12_el(s, 3) || *x12_el(s, 4))
		chk_err(c, *x12_el(s, 3) ? 3 : 4, "CLM03 and CLM04 are not used in an 837P");
	comp(s, 5, 1, v, sizeof(v));
	if (!chk_in(v, pos_codes))
		chk_err(c, 5, "'%s' is not a place of service code (CLM05-1)", v);
	comp(s, 5, 2, v, sizeof(v));
	if (strcmp(v, "B"))
		chk_err(c, 5, "'%s' is not B, the facility code qualifier (CLM05-2)", v);
	comp(s, 5, 3, v, sizeof(v));
	if (!chk_in(v, "1 7 8"))
		chk_err(c, 5, "'%s' is not a claim frequency code (CLM05-3: 1, 7 or 8)", v);
	for (k = 0; k < 4; k++)
		if (!chk_in(x12_el(s, 6 + k), ind[k][0]))
			chk_err(c, 6 + k, "'%s' is not a %s", x12_el(s, 6 + k), ind[k][1]);
	if (*x12_el(s, 10) && strcmp(x12_el(s, 10), "P"))
		chk_err(c, 10, "'%s' is not a patient signature source code (P)", x12_el(s, 10));
	if (*x12_el(s, 11)) {
		for (k = 1; k <= 2; k++) {
			comp(s, 11, k, v, sizeof(v));
			if ((k == 1 || *v) && !chk_in(v, "AA EM OA"))
				chk_err(c, 11, "'%s' is not a related cause code (AA, EM, OA)", v);
		}
		comp(s, 11, 1, v, sizeof(v));
		{
			char v2[8], st[8];

			comp(s, 11, 2, v2, sizeof(v2));
			comp(s, 11, 4, st, sizeof(st));
			if ((!strcmp(v, "AA") || !strcmp(v2, "AA")) && !*st)
				chk_err(c, 11, "an auto accident needs its state (CLM11-4)");
		}
	}
	if (*x12_el(s, 12) && !chk_in(x12_el(s, 12), "02 03 05 09"))
		chk_err(c, 12, "'%s' is not a special program code", x12_el(s, 12));
	if (*x12_el(s, 20) && !chk_in(x12_el(s, 20), "1 2 3 4 5 6 7 8 9 10 11 15"))
		chk_err(c, 20, "'%s' is not a delay reason code", x12_el(s, 20));
}

static void rule_sv1(struct chk *c, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	char v[64];
	cents_t amount;
	int k, j, ptr[4] = { 0 };

	SCPY(p->sv1_proc, x12_el(s, 1));
	p->sv1_no = s->no;
	comp(s, 1, 1, v, sizeof(v));
	if (!chk_in(v, "ER HC IV WK"))
		chk_err(c, 1, "'%s' is not a product/service ID qualifier (HC, ER, IV, WK)", v);
	else if (!strcmp(v, "HC")) {
		comp(s, 1, 2, v, sizeof(v));
		if (validate_procedure(v, "procedure") != MB_OK)
			chk_err(c, 1, "'%s' is not a CPT or HCPCS code", v);
	}
	for (k = 3; k <= 6; k++) {
		comp(s, 1, k, v, sizeof(v));
		if (*v && (strlen(v) != 2 || !isalnum((unsigned char)v[0]) || !isalnum((unsigned char)v[1])))
			chk_err(c, 1, "'%s' is not a procedure modifier", v);
	}
	if (!chk_amount(x12_el(s, 2), &amount)) {
		chk_err(c, 2, "'%s' is not an amount", x12_el(s, 2));
		p->sum_ok = false;
	} else {
		if (amount < 0)
			chk_err(c, 2, "the line charge is negative");
		p->sum += amount;
	}
	if (!chk_in(x12_el(s, 3), "MJ UN"))
		chk_err(c, 3, "'%s' is not a unit code (UN, MJ)", x12_el(s, 3));
	{
		cents_t u;

		if (!chk_amount(x12_el(s, 4), &u) || u <= 0)
			chk_err(c, 4, "'%s' is not a quantity above zero", x12_el(s, 4));
	}
	if (*x12_el(s, 5) && !chk_in(x12_el(s, 5), pos_codes))
		chk_err(c, 5, "'%s' is not a place of service code", x12_el(s, 5));
	if (!*x12_el(s, 7))
		chk_err(c, 7, "the diagnosis pointers are missing (SV107)");
	for (k = 1; k <= 4; k++) {
		char *end;
		long n;

		comp(s, 7, k, v, sizeof(v));
		if (!*v)
			continue;
		n = strtol(v, &end, 10);
		if (*end || n < 1 || n > 12) {
			chk_err(c, 7, "'%s' is not a diagnosis pointer (1 to 12)", v);
			continue;
		}
		if (n > p->ndiag)
			chk_err(c, 7, "pointer %ld points past the %d diagnosis code%s in HI", n, p->ndiag,
				p->ndiag == 1 ? "" : "s");
		for (j = 0; j < k - 1; j++)
			if (ptr[j] == n)
				chk_err(c, 7, "pointer %ld is listed twice", n);
		ptr[k - 1] = (int)n;
	}
	if (*x12_el(s, 9) && strcmp(x12_el(s, 9), "Y"))
		chk_err(c, 9, "'%s' is not Y (emergency indicator)", x12_el(s, 9));
	for (k = 11; k <= 12; k++)
		if (*x12_el(s, k) && strcmp(x12_el(s, k), "Y"))
			chk_err(c, k, "'%s' is not Y", x12_el(s, k));
	if (*x12_el(s, 15) && strcmp(x12_el(s, 15), "0"))
		chk_err(c, 15, "'%s' is not 0 (copay status)", x12_el(s, 15));
}

static void rule_cas(struct chk *c, const struct x12_segment *s)
{
	int k;

	if (!chk_in(x12_el(s, 1), "CO CR OA PI PR"))
		chk_err(c, 1, "'%s' is not a claim adjustment group code", x12_el(s, 1));
	for (k = 2; k <= 17; k += 3) {
		const char *reason = x12_el(s, k), *amount = x12_el(s, k + 1);

		if (*reason && !*amount)
			chk_err(c, k + 1, "adjustment reason %s has no amount", reason);
		if (!*reason && (*amount || *x12_el(s, k + 2)))
			chk_err(c, k, "an adjustment amount without its reason code");
		if (*amount && !chk_amount(amount, NULL))
			chk_err(c, k + 1, "'%s' is not an amount", amount);
	}
}

static void rule_sbr(struct chk *c, const struct loopdef *l, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	const char *resp = x12_el(s, 1);
	int k;

	if (!chk_in(resp, "A B C D E F G H P S T U"))
		chk_err(c, 1, "'%s' is not a payer responsibility code", resp);
	if (*x12_el(s, 9) && !chk_in(x12_el(s, 9), filing_codes))
		chk_err(c, 9, "'%s' is not a claim filing indicator code", x12_el(s, 9));
	if (*x12_el(s, 5) && !chk_in(x12_el(s, 5), "12 13 14 15 16 41 42 43 47"))
		chk_err(c, 5, "'%s' is not an insurance type code", x12_el(s, 5));
	else if (!*x12_el(s, 5) && chk_in(x12_el(s, 9), "MA MB") && resp[0] && resp[0] != 'P')
		chk_err(c, 5, "the insurance type (SBR05) is required when Medicare (%s) is not the primary payer",
			x12_el(s, 9));
	for (k = 6; k <= 8; k++)
		if (*x12_el(s, k))
			chk_err(c, k, "SBR%02d is not used in an 837P", k);
	if (l == &l2000b) {
		p->sbr01 = resp[0];
		if (*x12_el(s, 2) && strcmp(x12_el(s, 2), "18"))
			chk_err(c, 2, "'%s': SBR02 in loop 2000B is 18 (self) or empty", x12_el(s, 2));
		return;
	}
	/* 2320 */
	if (!chk_in(x12_el(s, 2), "01 18 19 20 21 39 40 53 G8"))
		chk_err(c, 2, "'%s' is not an individual relationship code", x12_el(s, 2));
	if (resp[0] && resp[0] == p->sbr01)
		chk_err(c, 1, "other payer responsibility %s is the same as the claim's (SBR01 of 2000B)",
			resp);
	for (k = 0; k < p->n2320; k++)
		if (resp[0] && p->sbr2320[k] == resp[0])
			chk_err(c, 1, "two other payers share responsibility %s", resp);
	if (p->n2320 < 10)
		p->sbr2320[p->n2320++] = resp[0];
}

static void rule_ref(struct chk *c, const struct loopdef *l, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	const char *q = x12_el(s, 1), *v = x12_el(s, 2);
	int i;

	if (!*v) {
		chk_err(c, 2, "REF*%s has no value", q);
		return;
	}
	if (l == &l2300 && !strcmp(q, "F8"))
		p->has_f8 = true;
	if (l == &l2010aa && !strcmp(q, "EI") && (strlen(v) != 9 || strspn(v, "0123456789") != 9))
		chk_edit(c, 2, "EIN '%s' is not 9 digits", v);
	if (l == &l2400 && !strcmp(q, "6R")) {
		for (i = 0; i < p->nctl; i++)
			if (!strcmp(p->ctl[i], v))
				chk_err(c, 2, "line item control number '%s' is used twice in claim %s", v,
					p->clm01);
		if (p->nctl < MAX_CLAIM_LINES)
			SCPY(p->ctl[p->nctl++], v);
	}
}

static void rule_segment(struct chk *c, const struct loopdef *l, const struct x12_segment *s)
{
	struct c837 *p = c->p837;
	uint32_t key = seg_key(s->id);

	if (key == seg_key("BHT")) {
		mbdate_t d = 0;

		if (strcmp(x12_el(s, 1), "0019"))
			chk_err(c, 1, "'%s' is not 0019 (hierarchical structure code)", x12_el(s, 1));
		if (!chk_in(x12_el(s, 2), "00 18"))
			chk_err(c, 2, "'%s' is not a transaction set purpose code (00, 18)", x12_el(s, 2));
		if (!*x12_el(s, 3))
			chk_err(c, 3, "the batch reference (BHT03) is missing");
		if (!chk_date8(x12_el(s, 4), &d))
			chk_err(c, 4, "'%s' is not the creation date (CCYYMMDD)", x12_el(s, 4));
		if (!*x12_el(s, 5))
			chk_err(c, 5, "the creation time (BHT05) is missing");
		if (!chk_in(x12_el(s, 6), "31 CH RP"))
			chk_err(c, 6, "'%s' is not a claim identifier (CH, RP, 31)", x12_el(s, 6));
		c->legacy = d && d < X12C_EDITS_FROM;
	} else if (key == seg_key("NM1")) {
		rule_nm1(c, l, s);
	} else if (key == seg_key("N3")) {
		if (!*x12_el(s, 1))
			chk_err(c, 1, "the address line is missing (N301)");
	} else if (key == seg_key("N4")) {
		rule_n4(c, l, s);
	} else if (key == seg_key("PER")) {
		int k;

		for (k = 3; k <= 7; k += 2) {
			const char *q = x12_el(s, k);

			if ((k == 3 || *q) && !chk_in(q, "ED EM EX FX TE"))
				chk_err(c, k, "'%s' is not a communication number qualifier", q);
			if (*q && !*x12_el(s, k + 1))
				chk_err(c, k + 1, "the %s number is missing", q);
		}
	} else if (key == seg_key("PRV")) {
		const char *t = x12_el(s, 3);

		if (strcmp(x12_el(s, 2), "PXC"))
			chk_err(c, 2, "'%s' is not PXC (taxonomy)", x12_el(s, 2));
		if (validate_taxonomy(t, "taxonomy") != MB_OK)
			chk_edit(c, 3, "'%s' is not a provider taxonomy code", t);
	} else if (key == seg_key("SBR")) {
		rule_sbr(c, l, s);
	} else if (key == seg_key("PAT")) {
		if (l == &l2000c && !chk_in(x12_el(s, 1), "01 19 20 21 39 40 53 G8"))
			chk_err(c, 1, "'%s' is not a patient relationship code", x12_el(s, 1));
		if (l == &l2000b && *x12_el(s, 1))
			chk_err(c, 1, "PAT01 is not used in loop 2000B");
	} else if (key == seg_key("DMG")) {
		if (strcmp(x12_el(s, 1), "D8"))
			chk_err(c, 1, "'%s' is not D8", x12_el(s, 1));
		if (!chk_date8(x12_el(s, 2), NULL))
			chk_err(c, 2, "'%s' is not a birth date (CCYYMMDD)", x12_el(s, 2));
		if (!chk_in(x12_el(s, 3), "F M U"))
			chk_err(c, 3, "'%s' is not a sex code (F, M, U)", x12_el(s, 3));
	} else if (key == seg_key("CLM")) {
		rule_clm(c, s);
	} else if (key == seg_key("DTP")) {
		rule_dtp(c, l, s);
	} else if (key == seg_key("REF")) {
		rule_ref(c, l, s);
	} else if (key == seg_key("HI")) {
		rule_hi(c, s);
	} else if (key == seg_key("LX")) {
		const char *lx = x12_el(s, 1);
		char *end;

		++p->lx;
		if (!*lx || *lx == '0' || strtol(lx, &end, 10) != p->lx || *end)
			chk_err(c, 1, "line number '%s' out of sequence: %d comes next", lx, p->lx);
	} else if (key == seg_key("SV1")) {
		rule_sv1(c, s);
	} else if (key == seg_key("CAS")) {
		rule_cas(c, s);
	} else if (key == seg_key("AMT")) {
		if (!chk_amount(x12_el(s, 2), NULL))
			chk_err(c, 2, "'%s' is not an amount", x12_el(s, 2));
	} else if (key == seg_key("OI")) {
		if (!chk_in(x12_el(s, 3), "N W Y"))
			chk_err(c, 3, "'%s' is not a benefits assignment code (Y, N, W)", x12_el(s, 3));
		if (*x12_el(s, 4) && strcmp(x12_el(s, 4), "P"))
			chk_err(c, 4, "'%s' is not P", x12_el(s, 4));
		if (!chk_in(x12_el(s, 6), "I Y"))
			chk_err(c, 6, "'%s' is not a release of information code (I, Y)", x12_el(s, 6));
	} else if (key == seg_key("LIN")) {
		const char *q = x12_el(s, 2), *v = x12_el(s, 3);

		if (!chk_in(q, "EN EO HI N4 ON UK UP"))
			chk_err(c, 2, "'%s' is not a product ID qualifier", q);
		else if (!strcmp(q, "N4") && (strlen(v) != 11 || strspn(v, "0123456789") != 11))
			chk_err(c, 3, "NDC '%s' is not 11 digits", v);
	} else if (key == seg_key("CTP")) {
		char u[8];
		cents_t qty;

		if (!chk_amount(x12_el(s, 4), &qty) || qty <= 0) {
			/* quantities may have more decimals than money */
			double d = atof(x12_el(s, 4));

			if (!(d > 0))
				chk_err(c, 4, "'%s' is not a quantity above zero", x12_el(s, 4));
		}
		comp(s, 5, 1, u, sizeof(u));
		if (!chk_in(u, "F2 GR ME ML UN"))
			chk_err(c, 5, "'%s' is not a unit of measure (F2, GR, ME, ML, UN)", u);
	} else if (key == seg_key("SVD")) {
		const char *payer = x12_el(s, 1);
		int i;

		for (i = 0; i < p->npayers; i++)
			if (!strcmp(p->payers[i], payer))
				break;
		if (i == p->npayers)
			chk_err(c, 1, "'%s' is not an other payer of this claim (2330B NM109)", payer);
		if (!chk_amount(x12_el(s, 2), NULL))
			chk_err(c, 2, "'%s' is not an amount", x12_el(s, 2));
		if (!*x12_el(s, 5))
			chk_err(c, 5, "the paid units (SVD05) are missing");
	} else if (key == seg_key("HL")) {
		if (!chk_in(x12_el(s, 3), "20 22 23"))
			chk_err(c, 3, "'%s' is not a hierarchical level code (20, 22, 23)", x12_el(s, 3));
	}
}

void c837_segment(struct chk *c, const struct x12_segment *s)
{
	struct frame *f = place(c, s);

	/* A misplaced segment was reported; its values mean little where it is. */
	if (f)
		rule_segment(c, f->l, s);
}

void c837_finish(struct chk *c, long segno)
{
	struct c837 *p = c->p837;

	while (p->depth > 0)
		close_frame(c);
	p->st[0].l = &lheader;
	p->depth = 1;
}
