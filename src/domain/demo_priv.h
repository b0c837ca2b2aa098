/*
 * demo_priv.h: what demo.c and demo_data.c share: the tables the demo
 * practice is generated from. Never included outside src/domain/demo*.c.
 */
#ifndef MEDBILL_DEMO_PRIV_H
#define MEDBILL_DEMO_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "medbill/demo.h"
#include "medbill/model.h"
#include "medbill/store_demo.h"
#include "medbill/util.h"

/* The diagnoses the visit profiles use: name, ICD-10-CM code without the dot. */
#define DEMO_DIAGNOSES(_) \
	_(B349, "B349") _(D649, "D649") _(E039, "E039") _(E1122, "E1122") \
	_(E1165, "E1165") _(E119, "E119") _(E282, "E282") _(E559, "E559") \
	_(E669, "E669") _(E782, "E782") _(E785, "E785") _(F17210, "F17210") \
	_(F32A, "F32A") _(F411, "F411") _(G43909, "G43909") _(G4700, "G4700") \
	_(H109, "H109") _(H6121, "H6121") _(H6690, "H6690") _(I10, "I10") \
	_(I2510, "I2510") _(I4891, "I4891") _(J0190, "J0190") _(J020, "J020") \
	_(J029, "J029") _(J069, "J069") _(J209, "J209") _(J309, "J309") \
	_(J449, "J449") _(K219, "K219") _(K529, "K529") _(L0291, "L0291") \
	_(L309, "L309") _(L700, "L700") _(M1711, "M1711") _(M1990, "M1990") \
	_(M25561, "M25561") _(M542, "M542") _(M5450, "M5450") _(M62830, "M62830") \
	_(M810, "M810") _(N1830, "N1830") _(N390, "N390") _(N400, "N400") \
	_(N951, "N951") _(R002, "R002") _(R059, "R059") _(R0602, "R0602") \
	_(R079, "R079") _(R109, "R109") _(R350, "R350") _(R42, "R42") \
	_(R509, "R509") _(R519, "R519") _(R5383, "R5383") _(R7303, "R7303") \
	_(U071, "U071") _(Z0000, "Z0000") _(Z0001, "Z0001") _(Z00121, "Z00121") \
	_(Z00129, "Z00129") _(Z01419, "Z01419") _(Z23, "Z23") _(Z30011, "Z30011") \
	_(Z713, "Z713") _(Z794, "Z794")

#define DX_ENUM_(name, code) DX_##name,
enum demo_dx { DEMO_DIAGNOSES(DX_ENUM_) DX_COUNT };
#undef DX_ENUM_

extern const char *const demo_dx[DX_COUNT];

extern const char *const demo_first_f[];
extern const size_t demo_first_f_n;
extern const char *const demo_first_m[];
extern const size_t demo_first_m_n;
extern const char *const demo_last[];
extern const size_t demo_last_n;
extern const char *const demo_streets[];
extern const size_t demo_streets_n;
extern const char *const demo_street_types[];
extern const size_t demo_street_types_n;

struct demo_place {
	const char *city;
	const char *state;
	const char *zip5;
	const char *area;	/* telephone area code */
	int weight;
};
extern const struct demo_place demo_places[];
extern const size_t demo_places_n;

struct demo_fee {
	const char *code;
	cents_t fee;
	const char *description;	/* NULL for CPT codes */
	bool preventive;		/* no cost sharing for the patient */
};
extern const struct demo_fee demo_fees[];
extern const size_t demo_fees_n;

/* The five insurance payers, in the order of enum demo_plan. */
struct demo_payer_def {
	const char *name;
	const char *payer_id;
	const char *filing;
	const char *addr1, *city, *state, *zip;
	int timely_days;
	int allowed_pct;	/* the share of the standard fee the payer allows */
};
extern const struct demo_payer_def demo_payers[];
extern const size_t demo_payers_n;

enum demo_plan { PLAN_MEDICARE, PLAN_MEDICAID, PLAN_BLUE, PLAN_COMM_A, PLAN_COMM_B, PLAN_COUNT };

/* Profile flags. */
enum {
	DEMO_MEDICARE = 1 << 0,		/* only for Medicare patients */
	DEMO_NOT_MEDICARE = 1 << 1,	/* never for Medicare patients */
	DEMO_FACILITY = 1 << 2,		/* at the nursing facility (POS 31) */
	DEMO_TELEHEALTH = 1 << 3,	/* telehealth in the patient's home (POS 10) */
	DEMO_ACUTE = 1 << 4,		/* an acute problem: the onset date is recorded */
};

struct demo_line {
	const char *code;
	int units;
	const char *mod;	/* "" none */
	int ptrs[MAX_PTRS];
};

#define DEMO_MAX_DX 5
#define DEMO_MAX_LINES 4

struct demo_profile {
	const char *name;
	int age_min, age_max;
	char sex;		/* 0: either */
	unsigned flags;
	int weight;
	int dx[DEMO_MAX_DX];
	int ndx;
	struct demo_line lines[DEMO_MAX_LINES];
	int nlines;
};
extern const struct demo_profile demo_profiles[];
extern const size_t demo_profiles_n;

struct demo_denial {
	const char *group, *reason, *note;
};
extern const struct demo_denial demo_denials[];
extern const size_t demo_denials_n;

/* Places of service. */
#define DEMO_POS_OFFICE "11"
#define DEMO_POS_NURSING "31"	/* at the nursing facility */
#define DEMO_POS_HOME "10"	/* telehealth in the patient's home */

/* ---- the generator's state (demo.c) and its writers (demo_write.c) ---- */

/* How much of the allowed amount the patient pays on a visit. */
enum demo_share { SHARE_NONE, SHARE_COPAY, SHARE_COINS, SHARE_DEDUCT };

/* One person of a household, with up to two coverages. */
struct person {
	struct patient p;
	struct coverage cov[2];
	int plan[2];		/* enum demo_plan of each coverage; -1 none */
	int ncov;
	int age;		/* today */
	int pcp;		/* index of the usual rendering provider */
	int share;		/* enum demo_share of the primary plan */
	const struct person *guarantor;	/* a minor's parent; NULL: self */
};

#define HOUSEHOLD_MAX 6
struct household {
	int n;
	struct person people[HOUSEHOLD_MAX];
};

/* The parties of a visit's money. */
enum demo_party { PARTY_PRIMARY, PARTY_SECONDARY, PARTY_PATIENT };

/* One step of a visit's plan. */
enum act_kind {
	ACT_STATUS,		/* the claim's status changes (note) */
	ACT_ICN,		/* the payer's claim number is recorded (ref) */
	ACT_CLAIM2,		/* the secondary claim is made with status (note) */
	ACT_PAY,		/* insurance payment (ref) */
	ACT_ADJUST,		/* adjustment with group and reason */
	ACT_XFER,		/* transfer from party to 'to' (note) */
	ACT_PATPAY,		/* patient payment (ref, credit) */
	ACT_WRITEOFF,		/* write-off (note: why) */
	ACT_REFUND,		/* refund of a credit (note) */
	ACT_REVERSE,		/* reversal of the previous ledger row (note: why) */
};

struct act {
	enum act_kind kind;
	int claim;		/* 0 the primary claim, 1 the secondary */
	int line;		/* index of the charge line */
	int party, to;		/* enum demo_party */
	enum claim_status status;
	cents_t amount;		/* > 0 */
	mbdate_t posted;
	const char *group, *reason;
	const char *note;
	const char *credit;	/* credit reason; NULL none */
	char ref[24];
};

#define PLAN_ACTS 48

/* The claims and money of one visit, drawn before anything is written. */
struct visit_plan {
	int n;
	struct act acts[PLAN_ACTS];
	bool has_claim2;
	enum claim_status final[2];	/* each claim's status at the end */
	char icn[2][24];		/* and its payer claim number */
};

struct demo {
	struct store *st;
	struct demo_rng rng;
	bool bulk;
	mbdate_t today;
	mbdate_t start;			/* the first day of the six months */
	int64_t payer[PLAN_COUNT];
	int64_t rendering[3], referring, facility;
	uint64_t member_seq;
	int rate;			/* visits per patient, per mille of the full rate */
	size_t forced;			/* forced scenarios used so far */
	struct demo_counts *counts;
	/* the bulk writer, its next ids and its stamp */
	struct store_demo_bulk *bw;
	int64_t next_patient, next_coverage, next_encounter, next_charge;
	int64_t next_claim, next_event, next_ledger;
	struct stamp stamp;
};

/* Random draws (demo.c owns the generator). */
/* A number in [lo, hi]. */
static inline int rnd(struct demo *d, int lo, int hi)
{
	return hi <= lo ? lo : lo + (int)demo_rng_below(&d->rng, (uint32_t)(hi - lo + 1));
}

/* True with probability permille / 1000. */
static inline bool chance(struct demo *d, int permille)
{
	return (int)demo_rng_below(&d->rng, 1000) < permille;
}

/* An index into weights[0..n) drawn by weight. */
static inline int pick_weighted(struct demo *d, const int *weights, int n)
{
	int total = 0, i, x;

	for (i = 0; i < n; i++)
		total += weights[i];
	x = rnd(d, 0, total - 1);
	for (i = 0; i < n - 1 && x >= weights[i]; i++)
		x -= weights[i];
	return i;
}

#define PICK(d, list) ((list)[demo_rng_below(&(d)->rng, (uint32_t)(list##_n))])


/* demo.c: the fee schedule. */
/* The payer's expected amount per unit of fee line 'fee': its share of the fee, to the cent. */
cents_t demo_expected(size_t fee, int plan);
/* The index in demo_fees of a code the profiles bill. */
int demo_fee_index(const char *code);

/* demo_people.c: a household of at most room people, not yet written. */
void demo_make_household(struct demo *d, struct household *hh, long room);

/* demo_visit.c: draw, plan and write the visits of a written person. */
int demo_write_visits(struct demo *d, struct person *pp, struct encounter *e);

/* demo_write.c: write through the APIs or in bulk, as d->bulk says. */
int demo_write_begin(struct demo *d);
int demo_write_patient(struct demo *d, struct patient *p);
int demo_write_coverage(struct demo *d, struct coverage *c);
/*
 * Write the encounter (its ids are filled) of the patient with account,
 * its claim to cov[0] (NULL: self-pay), then carry out the plan; cov[1] is
 * the secondary coverage or NULL.
 */
int demo_write_visit(struct demo *d, struct encounter *e, const char *account,
		     const struct coverage *const cov[2], const struct visit_plan *vp);
/* Finish a bulk load (indexes, balances projection); nothing for the API writer. */
int demo_write_end(struct demo *d);
/* Free what the writer holds, after demo_write_end() or a failure. */
void demo_write_release(struct demo *d);

#endif
