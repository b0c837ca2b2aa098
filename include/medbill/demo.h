/*
 * demo.h: the demo practice: 'medbill demo [--patients N] [--seed S]'.
 *
 * demo_generate() fills an empty database with a synthetic family practice:
 * the practice, submitter settings and a clearinghouse, three rendering
 * providers, a referring provider and a nursing facility, five payers
 * (Medicare Part B, Medicaid, a Blue Cross plan and two commercial plans),
 * a fee schedule with each payer's expected amounts, households of patients
 * with their coverages (dependents on a parent's plan, secondary coverage,
 * Medicare for the 65+, self-pay), and six months of encounters with claims
 * in every status and money in every aging bucket: payments, contractual
 * adjustments, denials, transfers to the secondary payer and to the
 * patient, patient payments, write-offs, a few refunds and reversals.
 *
 * Every person is a random combination of word lists: no real patient is
 * described. The output depends only on the seed, the number of patients
 * and today's date (date_today(), which honours MEDBILL_TODAY): the program
 * draws from its own generator (splitmix64), never from rand().
 */
#ifndef MEDBILL_DEMO_H
#define MEDBILL_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

struct store;

#define DEMO_DEFAULT_PATIENTS 200
#define DEMO_MAX_PATIENTS 5000000L
#define DEMO_DEFAULT_SEED 1

/* How the rows are written. */
enum demo_mode {
	DEMO_MODE_AUTO,		/* DEMO_MODE_API up to DEMO_API_MAX patients, else bulk */
	DEMO_MODE_API,		/* through the domain and ledger APIs, one call per action */
	DEMO_MODE_BULK,		/* validated by the same rules, written by the store in bulk */
};
#define DEMO_API_MAX 5000

struct demo_options {
	long patients;		/* 1..DEMO_MAX_PATIENTS */
	uint64_t seed;
	enum demo_mode mode;
	/* Called now and then with the patients made so far; may be NULL. */
	void (*progress)(long done, long total, void *arg);
	void *progress_arg;
};

/* patients DEMO_DEFAULT_PATIENTS, seed DEMO_DEFAULT_SEED, mode auto. */
void demo_options_init(struct demo_options *o);

/* What demo_generate() made. */
struct demo_counts {
	long patients;
	long coverages;
	long encounters;
	long charges;
	long claims;
	long ledger_rows;
	long status[CLAIM_STATUS_COUNT];	/* claims by final status */
	cents_t billed;				/* sum of the charges */
	cents_t collected;			/* insurance and patient payments */
};

/*
 * Fill the empty database st with the demo practice, in one transaction:
 * all or nothing. A database that already holds practice data (a practice,
 * providers, payers, fees, patients or any claim or ledger row) is refused
 * with MB_ERROR and a message that says so; the code-set reference tables
 * loaded by 'medbill init' do not count. counts may be NULL.
 */
int demo_generate(struct store *st, const struct demo_options *o, struct demo_counts *counts);

/*
 * Every code the demo can bill or name, for tests and documentation: kind
 * is "icd10cm" (without the dot), "procedure" (CPT or HCPCS), "modifier",
 * "taxonomy", "pos", "carc" or "group". A code may come more than once. fn returns MB_OK to go on;
 * anything else stops the walk and is returned.
 */
typedef int (*demo_code_fn)(const char *kind, const char *code, void *arg);
int demo_foreach_code(demo_code_fn fn, void *arg);

/*
 * The demo's random numbers: splitmix64, the same sequence on every
 * platform for a seed.
 */
struct demo_rng {
	uint64_t state;
};
void demo_rng_seed(struct demo_rng *r, uint64_t seed);
uint64_t demo_rng_next(struct demo_rng *r);
/* Uniform in [0, n); 0 when n is 0. */
uint32_t demo_rng_below(struct demo_rng *r, uint32_t n);

#endif
