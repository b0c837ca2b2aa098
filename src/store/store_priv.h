/*
 * store_priv.h: what the store's own files share. Never included outside
 * src/store/.
 *
 * Statements are prepared once and cached by the address of their SQL text,
 * which must be a string literal (or otherwise live as long as the store).
 * A cached statement is reset and its bindings cleared by store_prepare();
 * the caller must not finalize it.
 */
#ifndef MEDBILL_STORE_PRIV_H
#define MEDBILL_STORE_PRIV_H

#include <sqlite3.h>

#include "medbill/store.h"
#include "medbill/date.h"
#include "medbill/money.h"
#include "medbill/util.h"

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	int depth;		/* transaction nesting */
	bool doomed;		/* a nested rollback happened */
	const char *tx_file;	/* who began the outermost transaction */
	int tx_line;
	struct stmt_slot *slots;
	size_t nslots;		/* capacity, a power of two */
	size_t nused;
};

/* A cached statement for sql, reset with bindings cleared. Dies on a bad SQL. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Named binds; an unknown name is a programmer's bug and dies with the SQL. */
void bind_text(sqlite3_stmt *s, const char *name, const char *v);	/* "" or NULL binds NULL */
void bind_text_empty(sqlite3_stmt *s, const char *name, const char *v);	/* "" stays "" */
void bind_int(sqlite3_stmt *s, const char *name, int64_t v);
void bind_int_or_null(sqlite3_stmt *s, const char *name, int64_t v);	/* 0 binds NULL */
void bind_date(sqlite3_stmt *s, const char *name, mbdate_t d);	/* 0 binds NULL */
void bind_char(sqlite3_stmt *s, const char *name, char c);		/* '\0' binds NULL */
void bind_null(sqlite3_stmt *s, const char *name);

/* Column readers: NULL text reads as "", a NULL date as 0. */
const char *col_text(sqlite3_stmt *s, int i);
int64_t col_int(sqlite3_stmt *s, int i);
mbdate_t col_date(sqlite3_stmt *s, int i);
char col_char(sqlite3_stmt *s, int i);
void col_copy(sqlite3_stmt *s, int i, char *dst, size_t n);
#define COL_COPY(s, i, dst) col_copy((s), (i), (dst), sizeof(dst))

/*
 * Step a write statement to completion and reset it. MB_OK, or MB_ERROR with
 * a message naming 'what' (a constraint failure is reported as such).
 */
int store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *what);
/* Step a row: 1 for a row, 0 when done, MB_ERROR on failure. */
int store_step(struct store *st, sqlite3_stmt *s, const char *what);
/* Record the database's last error with 'what' as subject. */
int store_sqlerr(struct store *st, const char *what);
/* Run plain SQL without parameters (schema, pragmas). */
int store_exec(struct store *st, const char *sql);

/* Schema migrations embedded at build time (build/schema_sql.c). */
struct schema_migration {
	int version;
	const char *name;
	const char *sql;
};
extern const struct schema_migration schema_migrations[];
extern const int schema_migrations_count;

#endif
