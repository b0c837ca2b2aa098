/*
 * rows.h: binding and reading the columns the entity tables share
 * (addresses, stamps). Only src/store/ includes this.
 */
#ifndef MEDBILL_STORE_ROWS_H
#define MEDBILL_STORE_ROWS_H

#include <stddef.h>

#include "store_priv.h"
#include "medbill/model.h"

/* Bind :PREFIXaddr1, :PREFIXaddr2, :PREFIXcity, :PREFIXstate, :PREFIXzip. */
void bind_address(sqlite3_stmt *s, const char *prefix, const struct address *a);
/* Read the five address columns starting at column i. */
void col_address(sqlite3_stmt *s, int i, struct address *a);
/* Bind :NAME_by and :NAME_at. */
void bind_stamp(sqlite3_stmt *s, const char *name, const struct stamp *t);
/* Read by and at from columns i and i + 1. */
void col_stamp(sqlite3_stmt *s, int i, struct stamp *t);
/* A claim status as the store writes it (NULL out of range), and read back (CLAIM_STATUS_COUNT: unknown). */
const char *store_claim_status_text(enum claim_status st);
enum claim_status col_claim_status(sqlite3_stmt *s, int i);
/* Fill an empty 'by' with user_current() and an empty 'at' with now. */
void store_stamp_fill(struct stamp *s);
/* Set the stamp to the current user and time. */
void store_stamp_now(struct stamp *s);
/*
 * Bind the columns a new batch and an imported one share (:kind ..
 * :tmp_path, :note, :by, :at), filling its empty stamp; MB_ERROR for a
 * status out of range (src/store/batch.c).
 */
struct batch;
int bind_batch(sqlite3_stmt *s, struct batch *b);
/* Bind a cents amount (0 binds 0, not NULL). */
#define bind_cents(s, name, v) bind_int((s), (name), (v))

/* The rowid of the last insert. */
int64_t store_last_id(struct store *st);
/* Rows changed by the last write statement. */
int store_changes(struct store *st);
/* Run a one-row count query without binds; -1 on error. */
int64_t store_count_rows(struct store *st, const char *sql);

#endif
