/*
 * store.h: the database. Only src/store/ includes sqlite3.h.
 *
 * A struct store is one open database: it runs the migrations embedded from
 * schema/NNNN_*.sql, caches prepared statements and owns transactions.
 * Entity reads and writes live in the store's per-entity files and are
 * declared in the headers of their domain modules' store counterparts
 * (store_*.h).
 */
#ifndef MEDBILL_STORE_H
#define MEDBILL_STORE_H

#include <stdint.h>
#include <stdbool.h>

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,	/* create the file (mode 0600) if missing */
	STORE_READONLY = 1 << 1,
};

/*
 * Open (and with STORE_CREATE create) the database at path, set WAL,
 * foreign_keys, busy_timeout and synchronous=NORMAL, and migrate it to the
 * newest schema. A database newer than this binary is refused.
 * On success *out is owned by the caller: store_close() it.
 */
int store_open(const char *path, unsigned flags, struct store **out);
void store_close(struct store *st);

/* The schema version of the open database and the newest this binary knows. */
int store_schema_version(struct store *st);
int store_schema_latest(void);
const char *store_path(const struct store *st);

/*
 * Transactions nest: the outermost store_begin() runs BEGIN IMMEDIATE and
 * the matching store_commit() commits. store_rollback() at any depth dooms
 * the transaction: the outermost commit then rolls back and fails.
 * Callers name themselves through the macro, for diagnostics.
 */
int store_begin_at(struct store *st, const char *file, int line);
#define store_begin(st) store_begin_at((st), __FILE__, __LINE__)
/*
 * A read transaction: a consistent snapshot that takes no write lock (BEGIN
 * DEFERRED), so that a long export does not block the clerks. Inside a write
 * transaction it simply nests. End it with store_commit().
 */
int store_begin_read_at(struct store *st, const char *file, int line);
#define store_begin_read(st) store_begin_read_at((st), __FILE__, __LINE__)
int store_commit(struct store *st);
void store_rollback(struct store *st);
bool store_in_transaction(const struct store *st);

/*
 * Bulk mode for generators and importers of millions of rows: a larger page
 * cache and synchronous=OFF until store_bulk_end(). Still inside
 * transactions; durability is restored at the end.
 */
void store_bulk_begin(struct store *st);
void store_bulk_end(struct store *st);

#endif
