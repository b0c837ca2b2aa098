/*
 * encounter.h: encounters (a visit on a date of service) with their
 * diagnoses and charge lines.
 *
 * A struct encounter owns its charges array: encounter_init() it before use
 * and encounter_release() it after. encounter_get() and the foreach walks
 * fill a struct the caller has initialized (they release what it held).
 *
 * Nothing here writes ledger rows or claims: encounter_post() (claim.h)
 * calls encounter_add() inside its own transaction and then creates them.
 *
 * Conventions as in practice.h: MB_OK/MB_ERROR/MB_NOTFOUND with a message;
 * encounter_add() keeps a given id and stamps or fills them.
 */
#ifndef MEDBILL_ENCOUNTER_H
#define MEDBILL_ENCOUNTER_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store.h"

void encounter_init(struct encounter *e);
/* Free the charges and zero the struct; it can be used again. */
void encounter_release(struct encounter *e);
/*
 * Append a zeroed charge line numbered ncharges + 1 and return it (owned by
 * e; the pointer is valid until the next append or release).
 */
struct charge *encounter_add_charge(struct encounter *e);

/* Trim and upper-case codes, drop the dots of ICD-10-CM codes. */
void encounter_normalize(struct encounter *e);
/*
 * The rules that need no database: 1..12 well-formed and distinct
 * diagnoses, a real DOS not after today, real onset/accident dates, a place
 * of service, 1..50 charge lines with well-formed codes and modifiers,
 * units > 0, amount > 0, 1..4 diagnosis pointers within the diagnoses.
 */
int encounter_check(const struct encounter *e);
/*
 * encounter_check() plus: the patient exists, the rendering, referring and
 * facility providers exist and are of their kinds, and, when coverage is
 * not 0, it belongs to the patient and is active on the DOS.
 */
int encounter_validate(struct store *st, const struct encounter *e, int64_t coverage);
/*
 * Normalize and validate (without a coverage), then write the encounter,
 * its diagnoses and charges in one (nested) transaction. Sets e->id, each
 * charge's id, encounter and line (1..n) and the stamps.
 */
int encounter_add(struct store *st, struct encounter *e);
/* The encounter with its diagnoses and charges, into an initialized *out. */
int encounter_get(struct store *st, int64_t id, struct encounter *out);
/* One charge line by its id. */
int encounter_charge_get(struct store *st, int64_t charge_id, struct charge *out);

/*
 * Walk every encounter (with diagnoses and charges) in id order, or one
 * patient's by date of service then id. The struct passed to fn is
 * borrowed: it is reused for the next encounter.
 */
typedef int (*encounter_fn)(const struct encounter *e, void *arg);
int encounter_foreach(struct store *st, encounter_fn fn, void *arg);
int encounter_foreach_patient(struct store *st, int64_t patient, encounter_fn fn, void *arg);

#endif
