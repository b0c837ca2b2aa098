/*
 * store_entities.h: the rows of the practice's entities (src/store/
 * practice.c, patient.c, encounter.c). Only the domain layer and the store
 * include this; front ends and formats use practice.h, patient.h and
 * encounter.h.
 *
 * These functions do no validation: the domain has done it. They return
 * MB_OK, MB_NOTFOUND (get) or MB_ERROR with a message. Inserts bind a given
 * id (0: the database assigns one) and fill empty stamps with
 * store_stamp_fill(), then write the id and stamps back into the struct.
 * Updates stamp 'updated' now. foreach walks in id order (fees by code) and
 * stops at the first callback result that is not MB_OK, returning it.
 */
#ifndef MEDBILL_STORE_ENTITIES_H
#define MEDBILL_STORE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store.h"
#include "practice.h"
#include "patient.h"
#include "encounter.h"

/* practice.c */
int store_practice_get(struct store *st, struct practice *out);
int store_practice_insert(struct store *st, struct practice *p);
int store_practice_update(struct store *st, struct practice *p);
int store_practice_counts(struct store *st, struct practice_counts *out);

int store_settings_get(struct store *st, struct settings *out);
int store_settings_insert(struct store *st, struct settings *s);
int store_settings_update(struct store *st, struct settings *s);

int store_receiver_insert(struct store *st, struct receiver *r);
int store_receiver_get(struct store *st, int64_t id, struct receiver *out);
int store_receiver_foreach(struct store *st, receiver_fn fn, void *arg);

int store_provider_insert(struct store *st, struct provider *p);
int store_provider_update(struct store *st, const struct provider *p);
int store_provider_get(struct store *st, int64_t id, struct provider *out);
int store_provider_foreach(struct store *st, int kind, provider_fn fn, void *arg);

int store_payer_insert(struct store *st, struct payer *p);
int store_payer_update(struct store *st, const struct payer *p);
int store_payer_get(struct store *st, int64_t id, struct payer *out);
int store_payer_get_by_payer_id(struct store *st, const char *payer_id, struct payer *out);
int store_payer_foreach(struct store *st, payer_fn fn, void *arg);

/* Insert, or update when fee or description differ; *changed 1 if written. */
int store_fee_upsert(struct store *st, struct fee *f, int *changed);
int store_fee_get(struct store *st, const char *code, struct fee *out);
int store_fee_foreach(struct store *st, fee_fn fn, void *arg);
int store_fee_expected_upsert(struct store *st, const struct fee_expected *f, int *changed);
int store_fee_expected_get(struct store *st, const char *code, int64_t payer, struct fee_expected *out);
int store_fee_expected_foreach(struct store *st, fee_expected_fn fn, void *arg);

/* patient.c */
int store_patient_insert(struct store *st, struct patient *p);
int store_patient_update(struct store *st, struct patient *p);
int store_patient_get(struct store *st, int64_t id, struct patient *out);
int store_patient_get_by_account(struct store *st, const char *account, struct patient *out);
int store_patient_foreach(struct store *st, patient_fn fn, void *arg);
/* The id the next insert without a given id would get (max + 1). */
int64_t store_patient_next_id(struct store *st);
/* Search helpers; each calls fn per row, at most limit rows (limit < 0: all). */
int store_patient_by_member(struct store *st, const char *member_id, int limit, patient_fn fn, void *arg);
int store_patient_by_dob(struct store *st, mbdate_t dob, int limit, patient_fn fn, void *arg);
/* Last name starting with 'last' and (when not empty) first name with 'first'. */
int store_patient_by_name(struct store *st, const char *last, const char *first, int limit,
			  patient_fn fn, void *arg);

/* The SQL of the search statements (NULL-terminated), for tests of their query plans. */
extern const char *const store_patient_search_sql[];

int store_coverage_insert(struct store *st, struct coverage *c);
int store_coverage_update(struct store *st, struct coverage *c);
int store_coverage_get(struct store *st, int64_t id, struct coverage *out);
/* 1 when a claim or a ledger row names the coverage, 0 when none, MB_ERROR. */
int store_coverage_in_use(struct store *st, int64_t id);
int store_coverage_foreach(struct store *st, coverage_fn fn, void *arg);
int store_coverage_foreach_patient(struct store *st, int64_t patient, coverage_fn fn, void *arg);
int store_coverage_active_on(struct store *st, int64_t patient, int seq, mbdate_t d, struct coverage *out);
/*
 * A coverage of the patient with order seq, other than 'except', whose dates
 * overlap [effective, end] (end 0: open); MB_NOTFOUND when there is none.
 */
int store_coverage_overlap(struct store *st, const struct coverage *c, struct coverage *out);

/* encounter.c */
int store_encounter_insert(struct store *st, struct encounter *e);
int store_encounter_get(struct store *st, int64_t id, struct encounter *out);
int store_charge_get(struct store *st, int64_t id, struct charge *out);
int store_encounter_foreach(struct store *st, encounter_fn fn, void *arg);
int store_encounter_foreach_patient(struct store *st, int64_t patient, encounter_fn fn, void *arg);

#endif
