/*
 * xmlx.h: the medbill XML exchange format (doc/xml-format.md,
 * schema/medbill.xsd) between plain structs (model.h) and bytes.
 *
 * This layer never touches the database. The writer streams records out in
 * the document's order; the reader validates a file against the XSD while
 * it streams through it and hands each record to a callback.
 */
#ifndef MEDBILL_XMLX_H
#define MEDBILL_XMLX_H

#include <stdio.h>

#include "batch.h"
#include "model.h"
#include "scrub.h"

/* The format version written in <medbill version="..."> and accepted. */
#define XMLX_VERSION "1"

/* The XSD, embedded from schema/medbill.xsd at build time (NUL-terminated). */
extern const char xmlx_xsd[];
extern const unsigned long xmlx_xsd_len;

/* ---- writer ---- */

struct xmlx_writer;

/*
 * Start a document at path (created or truncated, mode 0600: it holds PHI)
 * or on an open stream f (left open; the caller closes it). On success *out
 * is owned by the caller: xmlx_writer_free() it.
 */
int xmlx_writer_open(const char *path, struct xmlx_writer **out);
int xmlx_writer_open_file(FILE *f, struct xmlx_writer **out);

/*
 * One record each, in the document's order: practice, receivers, settings,
 * providers, payers, fees, patients, coverages, encounters, claims, ledger,
 * edits, control numbers, batches, batch sets, batch claims, findings.
 * Within a kind the caller keeps a stable order (ids; fee codes). A record
 * of a kind that comes earlier than one already written is an error.
 * Empty strings, zero ids and zero dates are left out (they mean "none").
 * A string that is not UTF-8 or holds control characters is an error that
 * names the field.
 */
int xmlx_write_practice(struct xmlx_writer *w, const struct practice *p);
int xmlx_write_receiver(struct xmlx_writer *w, const struct receiver *r);
int xmlx_write_settings(struct xmlx_writer *w, const struct settings *s);
int xmlx_write_provider(struct xmlx_writer *w, const struct provider *p);
int xmlx_write_payer(struct xmlx_writer *w, const struct payer *p);
/* A fee with the expected amounts of its code (in payer order); nexp may be 0. */
int xmlx_write_fee(struct xmlx_writer *w, const struct fee *f,
		   const struct fee_expected *exp, int nexp);
int xmlx_write_patient(struct xmlx_writer *w, const struct patient *p);
int xmlx_write_coverage(struct xmlx_writer *w, const struct coverage *c);
/* With its diagnoses and its charges (e->charges, in line order). */
int xmlx_write_encounter(struct xmlx_writer *w, const struct encounter *e);
/*
 * With the batch it was sent in (0: none), its lines (c->lines) and its
 * status history (oldest first).
 */
int xmlx_write_claim(struct xmlx_writer *w, const struct claim *c, int64_t batch,
		     const struct claim_event *ev, int nev);
int xmlx_write_ledger(struct xmlx_writer *w, const struct ledger_row *r);
/* A custom edit (scrub_edit_custom()); its id is not written. */
int xmlx_write_edit(struct xmlx_writer *w, const struct scrub_edit *e);
int xmlx_write_counter(struct xmlx_writer *w, const struct batch_counter *c);
/* A batch; its receiver's name is not written. */
int xmlx_write_batch(struct xmlx_writer *w, const struct batch *b);
int xmlx_write_batch_set(struct xmlx_writer *w, const struct batch_set *s);
int xmlx_write_batch_claim(struct xmlx_writer *w, const struct batch_claim *c);
int xmlx_write_finding(struct xmlx_writer *w, const struct scrub_finding *f);

/*
 * Close every open section, write the sections not yet written as empty
 * ones, end the document and flush it. MB_ERROR on any write failure (disk
 * full) that happened since open.
 */
int xmlx_writer_finish(struct xmlx_writer *w);
/* Free the writer (after finish, or to give up: the file is then partial). */
void xmlx_writer_free(struct xmlx_writer *w);

/* ---- reader ---- */

/*
 * Callbacks for the records of a file, called in document order. Each
 * returns MB_OK to go on; anything else stops the reading, and the reader
 * prefixes the callback's error message with where the record is:
 *   line 42: 'patient' id 7: 'dob': '2031-01-01' is in the future
 * The structs are the reader's: valid during the call only, though a
 * callback may change them. A callback left NULL skips its records.
 */
struct xmlx_handler {
	void *arg;
	int (*practice)(void *arg, struct practice *p);
	int (*receiver)(void *arg, struct receiver *r);
	int (*settings)(void *arg, struct settings *s);
	int (*provider)(void *arg, struct provider *p);
	int (*payer)(void *arg, struct payer *p);
	int (*fee)(void *arg, struct fee *f, struct fee_expected *exp, int nexp);
	int (*patient)(void *arg, struct patient *p);
	int (*coverage)(void *arg, struct coverage *c);
	int (*encounter)(void *arg, struct encounter *e);
	int (*claim)(void *arg, struct claim *c, int64_t batch, struct claim_event *ev, int nev);
	int (*ledger)(void *arg, struct ledger_row *r);
	int (*edit)(void *arg, struct scrub_edit *e);
	int (*counter)(void *arg, struct batch_counter *c);
	int (*batch)(void *arg, struct batch *b);
	int (*batch_set)(void *arg, struct batch_set *s);
	int (*batch_claim)(void *arg, struct batch_claim *c);
	int (*finding)(void *arg, struct scrub_finding *f);
	/*
	 * Called when a section ends ("practice", "receivers", ... "findings"),
	 * before the next one starts or at the end of the document. Its error
	 * message is used as it is: it says where itself.
	 */
	int (*section_end)(void *arg, const char *section);
	/* Set by the reader before each record's callback: the line of its element. */
	long line;
};

/* What xmlx_read() went through. */
struct xmlx_counts {
	long practice, receivers, settings, providers, payers, fees, expected;
	long patients, coverages, encounters, charges, claims, events, ledger;
	long edits, counters, batches, batch_sets, batch_claims, findings;
};

/*
 * Read the file at path, validating it against the embedded XSD as it
 * streams, and call h's callbacks for each record. Stops at the first
 * problem: malformed XML, an XSD violation, a value the structs cannot hold
 * or a callback's error; the message starts with "line N: " and names the
 * element. Records before the problem have been handed out already: a
 * caller that wants all or nothing runs the callbacks in a transaction.
 * counts (may be NULL) is filled with what was read. h NULL: only validate.
 */
int xmlx_read(const char *path, struct xmlx_handler *h, struct xmlx_counts *counts);

#endif
