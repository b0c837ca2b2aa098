/*
 * x837.h: the 837P (005010X222A1) generator, from plain structs
 * (model.h) to a FILE*, one claim at a time.
 *
 *     struct x837 *x;
 *     x837_begin(f, &interchange, &x);              ISA, GS
 *     x837_begin_transaction(x, "0001", "B123");    ST, BHT, 1000A, 1000B
 *     for each claim: x837_claim(x, &claim);        2000A..2400
 *     x837_end_transaction(x);                      SE
 *     x837_end(x);                                  GE, IEA
 *     x837_free(x);
 *
 * Streaming: nothing of a claim is kept once x837_claim() returns (only
 * the current billing provider, to share its 2000A HL with the claims that
 * follow), so a batch of any size runs in constant memory. The structs a
 * claim points to belong to the caller and may be reused for the next one.
 *
 * Transactions: one ST/SE holds at most X837_MAX_CLAIMS claims (the guide's
 * recommended limit). The CALLER splits: when x837_transaction_full() says
 * so, end the transaction and begin another with new ST02/BHT03 values
 * (the control numbers belong to the caller, who persists them). The ST,
 * BHT, 1000A and 1000B segments are written with the first claim, so a
 * transaction that ends with no claim leaves nothing in the file.
 *
 * Validation: x837_claim() checks the data the guide requires (and NPI
 * check digits, ZIP lengths, code formats, pointers) BEFORE writing
 * anything: a refused claim leaves no byte in the file, and the message
 * names the field ("'billing provider npi': '1234567890' fails its check
 * digit"). The scrubber should catch all of it earlier; this is the last
 * guard. Text is cleaned by the X12 writer (upper case, basic character
 * set, delimiters replaced by spaces: see x12.h).
 *
 * What is written, loop by loop (S: only when the condition holds):
 *   ISA/GS    from settings, receiver and the numbers in x837_interchange
 *   ST/BHT    BHT*0019*00*BHT03*CCYYMMDD*HHMM*CH
 *   1000A     NM1*41*2 ... 46 submitter ID; PER*IC with TE (and EM)
 *   1000B     NM1*40*2 ... 46 receiver ID
 *   2000A     HL*n**20*1; PRV*BI*PXC*taxonomy (S: taxonomy set)
 *   2010AA    NM1*85*2 ... XX NPI; N3; N4 (ZIP+4 required); REF*EI
 *   2010AB    S: practice.has_payto: NM1*87*2; N3; N4
 *   2000B     HL*n*a*22*(1 when a 2000C follows, else 0);
 *             SBR*P|S|T*18 (S: patient is the subscriber)*group****** *filing
 *             SBR05 (S: the payer files as Medicare, MA or MB, and is not
 *             primary): the coverage's insurance_type, required then
 *   2010BA    NM1*IL*1 ... MI member ID; N3/N4/DMG (S: patient is the subscriber)
 *   2010BB    NM1*PR*2 ... PI payer ID
 *   2000C     S: patient is not the subscriber: HL*n*b*23*0; PAT*relationship
 *   2010CA    NM1*QC*1; N3; N4; DMG
 *   2300      CLM*pcn*sum of lines***POS:B:frequency*Y*A*Y*Y(*CLM11 S: accident)
 *             DTP*431 onset (S: set and not the date of service)
 *             DTP*439 accident (S: accident code AA, OA or EM and a date)
 *             REF*G1 prior authorization (S); REF*F8 payer claim number
 *             (frequency 7 or 8, required then); HI*ABK:..*ABF:.. (1-12)
 *   2310A     S: referring: NM1*DN*1 ... XX NPI
 *   2310B     S: rendering NPI differs from the billing NPI: NM1*82; PRV*PE*PXC
 *   2310C     S: facility given and its address differs from the billing
 *             address: NM1*77*2 (XX NPI when it has one); N3; N4
 *   2320      S: for each other coverage: SBR (SBR05 as in 2000B); CAS,
 *             AMT*D (S: adjudicated);
 *             OI***Y|N|W***I|Y
 *   2330A/B   NM1*IL (MI member ID; N3/N4 when known); NM1*PR (PI payer ID);
 *             DTP*573 (S: adjudicated, no line-level adjudication)
 *   2400      LX*1..n; SV1*HC:code:mods*amount*UN*units*POS (S: differs)**ptrs;
 *             DTP*472*D8; REF*6R line item control number;
 *             NTE*ADD the line note (S: not empty once cleaned; 80 characters)
 *   2410      S: NDC: LIN**N4*ndc; CTP****quantity*unit
 *   2430      S: a prior payer adjudicated the line: SVD; CAS; DTP*573
 */
#ifndef MEDBILL_X837_H
#define MEDBILL_X837_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"
#include "x12.h"

#define X837_VERSION "005010X222A1"
#define X837_MAX_CLAIMS 5000		/* CLM segments per ST/SE */
#define X837_MAX_OTHER 10		/* loop 2320 repeats */
#define X837_MAX_CAS 6			/* adjustment trios per CAS segment */

struct x837;

/* The envelope of one interchange (one file). */
struct x837_interchange {
	const struct settings *settings;	/* 1000A, ISA05/06, GS02, ISA15 */
	const struct receiver *receiver;	/* 1000B, ISA07/08, GS03 */
	long isa13;			/* interchange control number, 1..999999999 */
	long gs06;			/* group control number, 1..999999999 */
	mbdate_t date;			/* ISA09, GS04, BHT04 */
	int hhmm;			/* ISA10, GS05, BHT05 */
	char usage;			/* ISA15 'T' or 'P'; 0: settings->usage */
	bool ack;			/* ISA14: ask for a TA1 */
	const struct x12_delims *delims;	/* NULL: * : ^ ~ and a newline */
};

/* One claim adjustment (CAS trio). */
struct x837_cas {
	char group[3];			/* CO CR OA PI PR */
	char reason[6];			/* CARC */
	cents_t amount;
	int quantity;			/* 0: none */
};

/* A prior payer's adjudication of one line (loop 2430), from its 835. */
struct x837_line_adj {
	int line;			/* the LX (1-based) it adjudicates */
	cents_t paid;			/* SVD02 */
	int units;			/* SVD05, paid units */
	int ncas;
	struct x837_cas cas[X837_MAX_CAS * 5];	/* grouped into CAS segments by group code */
	mbdate_t date;			/* DTP*573 */
};

/*
 * A prior payer's adjudication of the claim (loop 2320 AMT/CAS and 2430),
 * for a secondary or tertiary claim. The remittance work fills it from the
 * primary's 835; a claim that no other payer has adjudicated passes NULL.
 */
struct x837_adjudication {
	cents_t paid;			/* AMT*D */
	int ncas;			/* claim-level adjustments */
	const struct x837_cas *cas;
	mbdate_t date;			/* 2330B DTP*573 when there are no lines */
	int nlines;			/* line-level adjudication (2430) */
	const struct x837_line_adj *lines;
};

/* Another coverage on file (loops 2320, 2330A, 2330B). */
struct x837_other {
	const struct coverage *coverage;	/* member ID, group, relationship, subscriber */
	const struct payer *payer;
	char responsibility;		/* its SBR01 'P' 'S' 'T'; 0: from coverage->seq */
	const struct x837_adjudication *adjudication;	/* NULL: not adjudicated */
};

/* Everything one claim needs. Pointers are the caller's (read only). */
struct x837_claim {
	const struct practice *billing;	/* 2000A/2010AA, 2010AB when has_payto */
	const struct payer *payer;		/* 2010BB, SBR09 */
	const struct coverage *coverage;	/* SBR, 2010BA */
	char responsibility;		/* SBR01 'P' 'S' 'T'; 0: from coverage->seq */
	const struct patient *patient;	/* 2010BA (self) or 2010CA */
	const struct claim *claim;	/* CLM01, CLM05-3, REF*F8 */
	const struct encounter *encounter;	/* DOS, POS, diagnoses, dates, prior auth */
	const struct provider *referring;	/* 2310A; NULL: none */
	const struct provider *rendering;	/* 2310B; NULL or the billing NPI: none */
	const struct provider *facility;	/* 2310C; NULL: the billing address */
	int nother;			/* 0..X837_MAX_OTHER */
	const struct x837_other *other;
	int nlines;			/* 1..MAX_CLAIM_LINES; 0: the encounter's charges */
	const struct charge *lines;	/* in LX order */
	/* REF*6R per line (at most 50 characters); NULL: the charge ids. */
	const char *const *line_ctl;
	/* SV105 per line; NULL or "": the claim's place of service. */
	const char *const *line_pos;
	/* CLM06..CLM09; 0 takes the default shown. */
	char signature;			/* provider signature on file: 'Y' (or 'N') */
	char assignment;		/* 'A' (or 'B', 'C') */
	char benefits;			/* 'Y' (or 'N', 'W') */
	char release;			/* 'Y' (or 'I') */
};

/*
 * Write the ISA and GS of a new interchange to f (not owned) and return the
 * generator in *out (the caller frees it with x837_free()).
 */
int x837_begin(FILE *f, const struct x837_interchange *ic, struct x837 **out);
/*
 * Open a transaction set: ST02 (4 to 9 characters) and BHT03 (1 to 30).
 * The header segments are written with its first claim.
 */
int x837_begin_transaction(struct x837 *x, const char *st02, const char *bht03);
/* Write one claim (see the top of this file). MB_ERROR writes nothing. */
int x837_claim(struct x837 *x, const struct x837_claim *c);
/* true when the open transaction holds X837_MAX_CLAIMS claims. */
bool x837_transaction_full(const struct x837 *x);
/* Close the transaction set (SE). */
int x837_end_transaction(struct x837 *x);
/*
 * Close the interchange (an open transaction first, then GE and IEA) and
 * flush. MB_ERROR when it holds no claim (the file is then not worth
 * sending) or on a write error.
 */
int x837_end(struct x837 *x);
void x837_free(struct x837 *x);

struct x837_stats {
	long claims;			/* in the interchange */
	long lines;
	long transactions;
	cents_t charges;		/* the sum of CLM02 */
	long segments;			/* written so far, ISA..IEA */
	unsigned long bytes;
	unsigned long replaced;		/* characters the writer replaced */
};
void x837_stats(const struct x837 *x, struct x837_stats *st);

/* CLM02 of a claim: the sum of its line charges. */
cents_t x837_claim_total(const struct x837_claim *c);

#endif
