/*
 * practice.h: the billing practice, submitter settings, receivers,
 * providers, payers and the fee schedule.
 *
 * Every function returns MB_OK, MB_ERROR or MB_NOTFOUND with a message in
 * error_last(). Structs are plain values (model.h): nothing here allocates
 * memory the caller must free unless a comment says so.
 *
 * Stamps and ids: an *_add() (and the first practice_save() or
 * settings_save()) keeps a given id and given created/updated stamps, so
 * that the XML import restores a database byte for byte; when they are
 * empty it fills them (user_current(), date_now_stamp()) and writes them
 * back into the struct with the new id. An update always stamps 'updated'
 * now and never changes 'created'.
 *
 * The *_add()/update()/save() functions normalize their argument first
 * (trim, upper-case codes, digits only in phone/EIN/ZIP), then validate, then
 * write in one transaction of their own (nested in the caller's, if any).
 *
 * foreach: the callback is called for each row in id order (code order for
 * fees); it returns MB_OK to go on, anything else stops the walk and is
 * returned by foreach. A callback must not start the same walk again.
 */
#ifndef MEDBILL_PRACTICE_H
#define MEDBILL_PRACTICE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store.h"
#include "strbuf.h"

/* ---- practice (one row) ---- */

/* Name, NPI, EIN, taxonomy, address with ZIP+4, phone; pay-to when has_payto. */
int practice_validate(const struct practice *p);
/* MB_NOTFOUND ("the practice is not set up") when there is none yet. */
int practice_get(struct store *st, struct practice *out);
/* Insert the practice, or update it when there is one. */
int practice_save(struct store *st, struct practice *p);

/* Counts for 'medbill info' and the main screen. */
struct practice_counts {
	int64_t providers, payers, patients, coverages, encounters, charges;
};
int practice_counts(struct store *st, struct practice_counts *out);

/* ---- settings (one row) ---- */

int settings_validate(const struct settings *s);
/* MB_NOTFOUND when there are none yet. */
int settings_get(struct store *st, struct settings *out);
int settings_save(struct store *st, struct settings *s);

/* ---- receivers ---- */

typedef int (*receiver_fn)(const struct receiver *r, void *arg);
int receiver_validate(const struct receiver *r);
int receiver_add(struct store *st, struct receiver *r);
int receiver_get(struct store *st, int64_t id, struct receiver *out);
int receiver_foreach(struct store *st, receiver_fn fn, void *arg);

/* ---- providers ---- */

#define PROVIDER_ANY (-1)	/* provider_foreach(): every kind */

/* "rendering", "referring", "facility". */
const char *provider_kind_name(enum provider_kind k);
/* MB_OK, or MB_ERROR naming 'field' for an unknown name. */
int provider_kind_parse(const char *s, enum provider_kind *out, const char *field);

typedef int (*provider_fn)(const struct provider *p, void *arg);
/* NPI and name always; a facility needs its address (ZIP+4), a rendering
 * provider a first name and a taxonomy. */
int provider_validate(const struct provider *p);
/* Keeps p->active as given: set it (a zeroed struct is an inactive provider). */
int provider_add(struct store *st, struct provider *p);
int provider_get(struct store *st, int64_t id, struct provider *out);
int provider_update(struct store *st, struct provider *p);
/* kind is an enum provider_kind or PROVIDER_ANY. */
int provider_foreach(struct store *st, int kind, provider_fn fn, void *arg);

/* ---- payers ---- */

typedef int (*payer_fn)(const struct payer *p, void *arg);
/* Name, payer ID, SBR09 filing code, timely_days > 0; the address when given. */
int payer_validate(const struct payer *p);
int payer_add(struct store *st, struct payer *p);
int payer_get(struct store *st, int64_t id, struct payer *out);
/* By the payer's own ID (2010BB NM109), e.g. "00430", in any case. */
int payer_get_by_payer_id(struct store *st, const char *payer_id, struct payer *out);
int payer_update(struct store *st, struct payer *p);
int payer_foreach(struct store *st, payer_fn fn, void *arg);

/* ---- fee schedule ---- */

typedef int (*fee_fn)(const struct fee *f, void *arg);
typedef int (*fee_expected_fn)(const struct fee_expected *f, void *arg);
int fee_validate(const struct fee *f);
/*
 * Insert or change a code's fee. A change keeps the created stamp; setting
 * the same fee and description again writes nothing. *changed (may be NULL)
 * is set to 1 when a row was added or changed, else 0.
 */
int fee_set(struct store *st, struct fee *f, int *changed);
int fee_get(struct store *st, const char *code, struct fee *out);
int fee_foreach(struct store *st, fee_fn fn, void *arg);	/* by code */
/* The code must have a fee and the payer must exist; expected >= 0. */
int fee_expected_set(struct store *st, const struct fee_expected *f, int *changed);
int fee_expected_get(struct store *st, const char *code, int64_t payer, struct fee_expected *out);
int fee_expected_foreach(struct store *st, fee_expected_fn fn, void *arg);	/* by code, payer */

/*
 * 'medbill import fees FILE.csv': RFC 4180, a header row naming the columns
 * (any order, case-insensitive): code and fee required; description,
 * payer_id and expected optional. payer_id is the payer's own ID
 * (payer_get_by_payer_id()); a row with payer_id sets that payer's expected
 * amount and needs 'expected'. A code on several rows must carry the same fee.
 *
 * All or nothing, in one transaction: on any bad row nothing is written,
 * every bad row is described in 'errors' as "LINE: message" lines and the
 * function returns MB_ERROR. Importing the same file again changes nothing.
 */
struct fee_import {
	int rows;			/* data rows read */
	int fees_changed;		/* fees added or changed */
	int expected_changed;		/* expected amounts added or changed */
	int bad;			/* rows with errors */
	struct strbuf errors;		/* owned: fee_import_release() */
};
void fee_import_init(struct fee_import *r);
void fee_import_release(struct fee_import *r);
int fee_import_csv(struct store *st, const char *path, struct fee_import *r);

#endif
