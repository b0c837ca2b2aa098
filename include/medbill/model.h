/*
 * model.h: the plain structs of the practice's data, shared by the store,
 * the domain, the formats (XML, X12) and the front ends.
 *
 * Strings are fixed arrays sized to the X12 maximum plus NUL, so a struct
 * owns no memory unless a comment says so. An id of 0 means "not stored
 * yet"; a date of 0 means "none". Money is cents.
 *
 * 'stamp' fields (created_by/created_at) are filled by the store from
 * user_current() and date_now_stamp() when empty, and kept as given when set
 * (the XML import restores them).
 */
#ifndef MEDBILL_MODEL_H
#define MEDBILL_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "date.h"
#include "money.h"

#define MAX_DIAG 12		/* HI: 12 diagnoses */
#define MAX_MODS 4		/* SV101-3..6 */
#define MAX_PTRS 4		/* SV107 */
#define MAX_CLAIM_LINES 50	/* 2400 repeat in the 837P */
#define MAX_ENCOUNTER_LINES 999	/* a visit over 50 lines posts as several claims */

struct stamp {
	char by[33];
	char at[21];		/* YYYY-MM-DDTHH:MM:SSZ */
};

struct address {
	char line1[56];
	char line2[56];
	char city[31];
	char state[3];
	char zip[10];		/* 5 or 9 digits, no dash */
};

/* The billing provider (2010AA); pay-to (2010AB) when has_payto. */
struct practice {
	char name[61];
	char npi[11];
	char ein[10];		/* 9 digits, no dash */
	char taxonomy[11];
	struct address addr;
	char phone[11];		/* 10 digits */
	bool has_payto;
	struct address payto;
	struct stamp created, updated;
};

/* A clearinghouse or payer that receives interchanges. */
struct receiver {
	int64_t id;
	char name[61];
	char receiver_id[81];	/* 1000B NM109 */
	char isa_qual[3];	/* ISA07 */
	char isa_id[16];	/* ISA08 */
	char gs_id[16];		/* GS03 */
	struct stamp created;
};

/* Submitter and interchange settings (1000A, ISA05/06, GS02, ISA15). */
struct settings {
	char submitter_name[61];
	char submitter_id[81];
	char contact_name[61];
	char contact_phone[11];
	char contact_email[81];
	char isa_qual[3];
	char isa_id[16];
	char gs_id[16];
	char usage;		/* 'T' test or 'P' production */
	int64_t default_receiver;
	struct stamp updated;
};

enum provider_kind {
	PROV_RENDERING,
	PROV_REFERRING,
	PROV_FACILITY,
};

struct provider {
	int64_t id;
	enum provider_kind kind;
	char last[61];		/* or the organisation's name (facility) */
	char first[36];
	char npi[11];
	char taxonomy[11];
	struct address addr;	/* required for a facility */
	bool active;
	struct stamp created;
};

struct payer {
	int64_t id;
	char name[61];
	char payer_id[81];	/* 2010BB NM109 */
	char filing_code[3];	/* SBR09: MB MC BL CI HM 11 12 ... */
	struct address addr;
	int timely_days;
	int64_t receiver;	/* 0: the settings' default receiver */
	struct stamp created;
};

enum sex { SEX_M = 'M', SEX_F = 'F', SEX_U = 'U' };

struct patient {
	int64_t id;
	char account[21];
	char last[61];
	char first[36];
	char middle[26];
	mbdate_t dob;
	char sex;		/* 'M', 'F' or 'U' */
	struct address addr;
	char phone[11];
	int64_t guarantor;	/* 0: self */
	struct stamp created, updated;
};

/* Relationship of the patient to the subscriber (PAT01 / SBR02 codes). */
#define REL_SELF "18"
#define REL_SPOUSE "01"
#define REL_CHILD "19"
#define REL_EMPLOYEE "20"
#define REL_OTHER "G8"

struct coverage {
	int64_t id;
	int64_t patient;
	int64_t payer;
	int seq;		/* 1 primary, 2 secondary, 3 tertiary */
	char member_id[81];
	char group_no[51];
	char relationship[3];	/* "18" when the patient is the subscriber */
	/* The subscriber, when relationship is not "18". */
	char sub_last[61];
	char sub_first[36];
	char sub_middle[26];
	mbdate_t sub_dob;
	char sub_sex;
	struct address sub_addr;
	mbdate_t effective;
	mbdate_t end;		/* 0: open-ended */
	char insurance_type[3];	/* SBR05 Medicare secondary payer type (12 13 ...); "": none */
	struct stamp created, updated;
};

struct charge {
	int64_t id;
	int64_t encounter;
	int line;		/* 1..n within the encounter */
	char code[6];		/* CPT or HCPCS */
	char mods[MAX_MODS][3];
	int units;
	cents_t amount;		/* the line's total charge */
	int ptrs[MAX_PTRS];	/* 1-based into the encounter's diagnoses; 0 unused */
	char ndc[12];		/* 11 digits, no dashes */
	char ndc_unit[3];	/* F2 GR ME ML UN */
	char ndc_qty[16];
	char note[81];
	struct stamp created;
};

struct encounter {
	int64_t id;
	int64_t patient;
	mbdate_t dos;
	int64_t rendering;
	int64_t referring;	/* 0: none */
	int64_t facility;	/* 0: the billing address */
	char pos[3];		/* place of service, 2 digits */
	char prior_auth[51];
	mbdate_t onset;
	mbdate_t accident;
	char accident_code[3];	/* AA auto, EM employment, OA other; "" none */
	char accident_state[3];
	int ndiag;
	char diag[MAX_DIAG][8];	/* ICD-10-CM without the dot */
	int ncharges;		/* the charges array is owned: encounter_release() */
	size_t charges_alloc;
	struct charge *charges;
	struct stamp created;
};

/* Claim statuses; the text form is what the database and the CLI use. */
#define CLAIM_STATUSES(_) \
	_(READY, "ready", "scrubbed or waiting to be batched") \
	_(HOLD, "hold", "held back from batching") \
	_(SUBMITTED, "submitted", "sent in a batch") \
	_(ACCEPTED, "accepted", "accepted by the clearinghouse") \
	_(REJECTED, "rejected", "rejected by the clearinghouse") \
	_(PAID, "paid", "paid in full by the payer") \
	_(PARTIAL, "partial", "partly paid") \
	_(DENIED, "denied", "denied by the payer") \
	_(PATIENT, "patient", "balance with the patient") \
	_(CLOSED, "closed", "nothing left to collect") \
	_(VOID, "void", "voided or replaced")

#define CLAIM_ENUM_(n, s, d) CLAIM_##n,
enum claim_status { CLAIM_STATUSES(CLAIM_ENUM_) CLAIM_STATUS_COUNT };
#undef CLAIM_ENUM_

struct claim {
	int64_t id;
	int64_t encounter;
	int64_t coverage;	/* 0: patient responsibility, never sent */
	char pcn[21];		/* CLM01 */
	char frequency;		/* '1' original, '7' replacement, '8' void */
	int64_t original;	/* the claim replaced or voided */
	char payer_claim_no[51];
	enum claim_status status;
	cents_t total;
	int nlines;		/* the charge ids it carries, in LX order (owned) */
	int64_t *lines;
	struct stamp created;
};

struct claim_event {
	int64_t id;
	int64_t claim;
	enum claim_status status;
	char note[121];
	struct stamp created;
};

struct fee {
	char code[6];
	cents_t fee;
	char description[81];
	struct stamp created;
};

struct fee_expected {
	char code[6];
	int64_t payer;
	cents_t expected;
};

enum ledger_kind {
	LEDGER_CHARGE,
	LEDGER_INS_PAYMENT,
	LEDGER_PAT_PAYMENT,
	LEDGER_ADJUSTMENT,
	LEDGER_TRANSFER,
	LEDGER_REFUND,
	LEDGER_WRITEOFF,
	LEDGER_REVERSAL,
};

/*
 * One append-only ledger row: amount is the signed effect on the balance of
 * one party (coverage, or 0 for the patient) for one charge line.
 */
struct ledger_row {
	int64_t id;
	enum ledger_kind kind;
	int64_t charge;
	int64_t claim;		/* 0: none */
	int64_t coverage;	/* 0: the patient */
	cents_t amount;
	mbdate_t posted;
	char group[3];		/* CAS group: CO CR OA PI PR */
	char reason[6];		/* CARC */
	int64_t xfer;		/* pairs the two rows of a transfer */
	int64_t reverses;	/* the row this one reverses */
	char credit_reason[41];
	char reference[51];
	char note[121];
	struct stamp created;
};

#endif
