/*
 * store_demo.h: what the demo generator (src/domain/demo.c) needs from the
 * store beyond the entity rows: whether the database is empty, and pausing
 * secondary indexes during a bulk load (src/store/demo.c).
 */
#ifndef MEDBILL_STORE_DEMO_H
#define MEDBILL_STORE_DEMO_H

#include <stdbool.h>

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
 * write it twice (log, then checkpoint); bulk false goes back to WAL.
 */
int store_demo_journal(struct store *st, bool bulk);

#endif
