/*
 * exchange.h: the whole practice in and out of the XML exchange format
 * (doc/xml-format.md): the domain's side of 'medbill import xml' and
 * 'medbill export xml'. The bytes are the formats layer's (xmlx.h).
 */
#ifndef MEDBILL_EXCHANGE_H
#define MEDBILL_EXCHANGE_H

#include <stdio.h>

#include "store.h"
#include "xmlx.h"

/*
 * Write everything in the database: the practice, settings, receivers,
 * providers, payers, fee schedule with expected amounts, patients,
 * coverages, encounters with diagnoses and charges, claims with their lines
 * and history, the ledger, the payer and custom edits, the control numbers,
 * the batches with their sets and claims, and the scrub findings, each kind
 * in id order (fees by code; the others by their keys). The
 * balances are not written: they follow from the ledger.
 *
 * exchange_export_xml() writes to path through a temporary file beside it
 * that is renamed over path only when complete, so a failed export leaves
 * no partial file; a path that exists and is not a regular file (a device,
 * a pipe, a symbolic link) is written in place instead. exchange_export_xml_file() writes to an open stream
 * (left open). One read transaction: a consistent snapshot. counts (may be
 * NULL) is filled with what was written.
 */
int exchange_export_xml(struct store *st, const char *path, struct xmlx_counts *counts);
int exchange_export_xml_file(struct store *st, FILE *f, struct xmlx_counts *counts);

/*
 * Whether the database holds no practice data yet (no practice, settings,
 * receivers, providers, payers, fees, patients, claims, ledger rows, payer
 * or custom edits, control numbers or batches).
 * MB_OK when empty; MB_ERROR with a message naming what it holds.
 */
int exchange_check_empty(struct store *st);

/*
 * Import a file into an empty database (exchange_check_empty()), all or
 * nothing: the file is validated against the XSD while every record goes
 * through the domain's checks and inserts (ids and stamps kept) in one
 * transaction; at the end the control numbers are raised to at least the
 * highest the batches used (batch_counters_restore()) and the balance
 * projection is rebuilt from the ledger rows. On any error the transaction is rolled back, the database is as
 * it was and the message names the line and the element. counts (may be
 * NULL) is filled with what was read.
 */
int exchange_import_xml(struct store *st, const char *path, struct xmlx_counts *counts);

#endif
