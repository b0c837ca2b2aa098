/*
 * exchange_priv.h: the element tables shared by the exchange writer and
 * reader (src/formats/xml/). Never included outside this folder.
 *
 * A record's simple children are described once, in XSD order, by a table
 * of struct xfield: the writer walks it to write a record and the reader
 * looks its children up in it, so the two cannot drift apart. Repeated
 * children that need their own loop (diagnoses, charges, claim lines and
 * history, expected amounts) are written and read by hand after the table.
 */
#ifndef MEDBILL_EXCHANGE_PRIV_H
#define MEDBILL_EXCHANGE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "medbill/batch.h"
#include "medbill/model.h"
#include "medbill/scrub.h"

enum xftype {
	XF_TEXT,	/* char[size]; left out when empty */
	XF_CHAR,	/* char; left out when '\0' */
	XF_ID,		/* int64_t reference; left out when 0 */
	XF_INT,		/* int, always written */
	XF_I64,		/* int64_t, always written (0 or more) */
	XF_DATE,	/* mbdate_t; left out when 0 */
	XF_MONEY,	/* cents_t, always written as "125.00" */
	XF_BOOL,	/* bool, "true" or "false" */
	XF_ENUM,	/* an int-sized enum, written by name from 'names' */
	XF_TEXTS,	/* char[count][size]: one element per non-empty entry */
	XF_INTS,	/* int[count]: one element per non-zero entry */
	XF_GROUP,	/* an element holding the fields of 'sub'; left out when all are empty */
};

struct xfield {
	const char *name;
	enum xftype type;
	size_t off;		/* from the record's struct (XF_GROUP: base of sub's offsets) */
	size_t size;		/* XF_TEXT(S): bytes of one string, NUL included */
	int count;		/* XF_TEXTS, XF_INTS: entries */
	const char *const *names;	/* XF_ENUM: value -> name, NULL-terminated */
	const struct xfield *sub;	/* XF_GROUP: NULL-name-terminated */
};

/* A claim with what the format carries beside struct claim. */
struct xclaim {
	struct claim claim;
	int64_t batch;		/* the batch it was sent in, 0: none */
};

/* A record element: its name, its attributes and its simple children. */
struct xrecord {
	const char *name;
	long id_off;		/* int64_t id attribute, or -1 */
	long created_off;	/* struct stamp: created-by/created-at, or -1 */
	long updated_off;	/* struct stamp: updated-by/updated-at, or -1 */
	const struct xfield *fields;
};

extern const struct xrecord xrec_practice, xrec_receiver, xrec_settings, xrec_provider,
	xrec_payer, xrec_fee, xrec_patient, xrec_coverage, xrec_encounter, xrec_charge,
	xrec_claim, xrec_event, xrec_ledger, xrec_edit, xrec_counter, xrec_batch, xrec_batch_set,
	xrec_batch_claim, xrec_finding;

/* The list sections in document order; practice and settings stand alone. */
enum xsection {
	XS_NONE,
	XS_PRACTICE,
	XS_RECEIVERS,
	XS_SETTINGS,
	XS_PROVIDERS,
	XS_PAYERS,
	XS_FEES,
	XS_PATIENTS,
	XS_COVERAGES,
	XS_ENCOUNTERS,
	XS_CLAIMS,
	XS_LEDGER,
	XS_EDITS,
	XS_COUNTERS,
	XS_BATCHES,
	XS_BATCH_SETS,
	XS_BATCH_CLAIMS,
	XS_FINDINGS,
	XS_END,
};
/* The element of a section ("patients"), NULL for practice and settings. */
extern const char *const xsection_names[XS_END];

/* Value names of the enums written by name. */
extern const char *const xnames_provider_kind[];
extern const char *const xnames_claim_status[];
extern const char *const xnames_ledger_kind[];
extern const char *const xnames_batch_status[];
extern const char *const xnames_severity[];

/* Whether a field (or a whole group) holds nothing worth writing. */
int xfield_empty(const struct xfield *f, const void *base);

#endif
