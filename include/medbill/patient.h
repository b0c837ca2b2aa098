/*
 * patient.h: patients and their insurance coverages.
 *
 * Conventions as in practice.h: MB_OK/MB_ERROR/MB_NOTFOUND with a message;
 * *_add() keeps a given id and stamps (the XML import) or fills them;
 * *_update() stamps 'updated' now; add/update normalize their argument,
 * validate it and write in one (nested) transaction; foreach walks in id
 * order and stops when the callback returns anything but MB_OK.
 */
#ifndef MEDBILL_PATIENT_H
#define MEDBILL_PATIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store.h"

typedef int (*patient_fn)(const struct patient *p, void *arg);
typedef int (*coverage_fn)(const struct coverage *c, void *arg);

/* ---- patients ---- */

/* Trim names, upper-case the account, digits only in phone and ZIP. */
void patient_normalize(struct patient *p);
/* Account, last and first name, a real DOB not in the future, sex, address, phone. */
int patient_validate(const struct patient *p);
/*
 * Add a patient; sets p->id. An empty account number is assigned from the
 * id ("P" and 7 digits). The account must be unused and the guarantor, when
 * set, must exist (a restored patient, given its id, may name a guarantor
 * with a higher id that is restored later).
 */
int patient_add(struct store *st, struct patient *p);
int patient_update(struct store *st, struct patient *p);
int patient_get(struct store *st, int64_t id, struct patient *out);
int patient_get_by_account(struct store *st, const char *account, struct patient *out);
int patient_foreach(struct store *st, patient_fn fn, void *arg);

/*
 * Find patients by what a clerk types, through indexes only:
 *   "2011-04-09" or "04/09/2011"   date of birth
 *   "smi, jo"                     last and first name prefixes
 *   anything else                 account number and member ID (exact,
 *                                 case-insensitive), then last-name prefix
 * Calls fn for at most 'limit' distinct patients (0: no limit): exact
 * account and member-ID matches first, then by last name, first name, id.
 * An empty text is an error.
 */
int patient_search(struct store *st, const char *text, int limit, patient_fn fn, void *arg);

/* ---- coverages ---- */

/* Upper-case member ID and relationship; normalize the subscriber's address. */
void coverage_normalize(struct coverage *c);
/*
 * seq 1..3, member ID, relationship code, a real effective date, an end not
 * before it; when the relationship is not "18" the subscriber's last and
 * first name, DOB, sex and address.
 */
int coverage_validate(const struct coverage *c);
/*
 * Add a coverage; sets c->id. The patient and the payer must exist, and no
 * other coverage of the patient with the same seq may overlap its dates.
 */
int coverage_add(struct store *st, struct coverage *c);
int coverage_update(struct store *st, struct coverage *c);
int coverage_get(struct store *st, int64_t id, struct coverage *out);
/*
 * The patient's coverages by seq, then effective date, in *out (owned by the
 * caller: free()); *n is their number (0 with *out NULL when none).
 */
int coverage_list(struct store *st, int64_t patient, struct coverage **out, int *n);
int coverage_foreach(struct store *st, coverage_fn fn, void *arg);
/* The patient's coverage of order seq active on date d; MB_NOTFOUND if none. */
int coverage_active_on(struct store *st, int64_t patient, int seq, mbdate_t d, struct coverage *out);
/* Whether d falls within c's effective and end dates (inclusive). */
bool coverage_covers(const struct coverage *c, mbdate_t d);
/* MB_OK when d falls within c's dates, else MB_ERROR naming 'field'. */
int coverage_check_date(const struct coverage *c, mbdate_t d, const char *field);

#endif
