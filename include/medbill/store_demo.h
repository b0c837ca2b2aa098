/*
 * store_demo.h: what the demo generator (src/domain/demo*.c) needs from
 * the store (src/store/demo.c): whether the database is empty, and the bulk
 * load: journal mode, pausing plain indexes, and a batched row writer.
 */
#ifndef MEDBILL_STORE_DEMO_H
#define MEDBILL_STORE_DEMO_H

#include <stdbool.h>

#include "model.h"

struct store;

/*
 * Whether the practice's tables are all empty. When not, *what names the
 * first that holds rows ("patients", "payers", ...; a static string).
 */
int store_demo_empty(struct store *st, bool *empty, const char **what);

/*
 * Inside a transaction: drop the plain (non-unique) indexes of the tables
 * the bulk generator fills, remembering their SQL, so that rows go in
 * without index upkeep; store_demo_indexes_restore() builds them again in
 * one sorted pass each. Unique indexes and constraints stay in force.
 */
int store_demo_indexes_drop(struct store *st);
int store_demo_indexes_restore(struct store *st);

/*
 * Outside a transaction: a bulk load into a nearly empty file writes each
 * page once with a rollback journal (journal_mode=DELETE), where WAL would
 * write it twice (log, then checkpoint), and builds indexes with two sorter
 * threads; bulk false goes back to WAL and one thread.
 */
int store_demo_journal(struct store *st, bool bulk);

/*
 * The bulk writer of the demo's high-volume tables (patients, coverages,
 * encounters with their diagnoses and charges, claims with their lines,
 * claim history, ledger rows). Rows carry their ids; they are validated by
 * the caller and written as the entity stores would write them, many to a
 * statement, in foreign-key order. Call inside a transaction; flush before
 * reading or committing. store_demo_bulk_free() frees the writer (not the
 * rows it has written).
 */
struct store_demo_bulk;
struct store_demo_bulk *store_demo_bulk_new(struct store *st);
void store_demo_bulk_free(struct store_demo_bulk *b);
int store_demo_bulk_flush(struct store_demo_bulk *b);
int store_demo_bulk_patient(struct store_demo_bulk *b, const struct patient *p);
int store_demo_bulk_coverage(struct store_demo_bulk *b, const struct coverage *c);
/* The encounter row, its diagnoses and its charges (with their ids, encounter and line). */
int store_demo_bulk_encounter(struct store_demo_bulk *b, const struct encounter *e);
/* The claim row with status (its text) and its lines. */
int store_demo_bulk_claim(struct store_demo_bulk *b, const struct claim *c, const char *status);
int store_demo_bulk_event(struct store_demo_bulk *b, const struct claim_event *ev, const char *status);
int store_demo_bulk_ledger(struct store_demo_bulk *b, const struct ledger_row *r, const char *kind);

#endif
