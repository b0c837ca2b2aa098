/*
 * store.c: opening the database, migrations, the statement cache and
 * transactions.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_priv.h"

int store_sqlerr(struct store *st, const char *what)
{
	return error("database error in '%s': %s", what, sqlite3_errmsg(st->db));
}

int store_exec(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("database error: %s", msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return MB_ERROR;
	}
	return MB_OK;
}

static size_t slot_hash(const char *sql, size_t n)
{
	uintptr_t h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9E3779B1u;
	return (size_t)(h ^ (h >> 15)) & (n - 1);
}

static void slots_grow(struct store *st)
{
	struct stmt_slot *old = st->slots;
	size_t oldn = st->nslots, i, j;

	st->nslots = oldn ? oldn * 2 : 64;
	st->slots = xcalloc(st->nslots, sizeof(*st->slots));
	for (i = 0; i < oldn; i++) {
		if (!old[i].sql)
			continue;
		j = slot_hash(old[i].sql, st->nslots);
		while (st->slots[j].sql)
			j = (j + 1) & (st->nslots - 1);
		st->slots[j] = old[i];
	}
	free(old);
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
	size_t j;
	sqlite3_stmt *s;

	if (!st->nslots || (st->nused + 1) * 2 > st->nslots)
		slots_grow(st);
	j = slot_hash(sql, st->nslots);
	while (st->slots[j].sql) {
		if (st->slots[j].sql == sql) {
			s = st->slots[j].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
		j = (j + 1) & (st->nslots - 1);
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		die("BUG: cannot prepare: %s\n%s", sqlite3_errmsg(st->db), sql);
	st->slots[j].sql = sql;
	st->slots[j].stmt = s;
	st->nused++;
	return s;
}

static int bind_index(sqlite3_stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (!i)
		die("BUG: no parameter '%s' in:\n%s", name, sqlite3_sql(s));
	return i;
}

void bind_text(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = bind_index(s, name);

	if (!v || !*v)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void bind_text_empty(sqlite3_stmt *s, const char *name, const char *v)
{
	sqlite3_bind_text(s, bind_index(s, name), v ? v : "", -1, SQLITE_TRANSIENT);
}

void bind_int(sqlite3_stmt *s, const char *name, int64_t v)
{
	sqlite3_bind_int64(s, bind_index(s, name), v);
}

void bind_int_or_null(sqlite3_stmt *s, const char *name, int64_t v)
{
	if (v)
		sqlite3_bind_int64(s, bind_index(s, name), v);
	else
		sqlite3_bind_null(s, bind_index(s, name));
}

void bind_date(sqlite3_stmt *s, const char *name, mbdate_t d)
{
	char iso[DATE_ISO_LEN];

	if (!d) {
		sqlite3_bind_null(s, bind_index(s, name));
		return;
	}
	date_iso(d, iso);
	sqlite3_bind_text(s, bind_index(s, name), iso, -1, SQLITE_TRANSIENT);
}

void bind_char(sqlite3_stmt *s, const char *name, char c)
{
	char b[2] = { c, '\0' };

	if (!c)
		sqlite3_bind_null(s, bind_index(s, name));
	else
		sqlite3_bind_text(s, bind_index(s, name), b, 1, SQLITE_TRANSIENT);
}

void bind_null(sqlite3_stmt *s, const char *name)
{
	sqlite3_bind_null(s, bind_index(s, name));
}

const char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? (const char *)t : "";
}

int64_t col_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int64(s, i);
}

mbdate_t col_date(sqlite3_stmt *s, int i)
{
	const char *t = col_text(s, i);
	mbdate_t d = 0;

	if (*t && date_parse(t, &d, "date") != MB_OK)
		return 0;
	return d;
}

char col_char(sqlite3_stmt *s, int i)
{
	return col_text(s, i)[0];
}

void col_copy(sqlite3_stmt *s, int i, char *dst, size_t n)
{
	strlcpy0(dst, col_text(s, i), n);
}

int store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(s);
		return MB_OK;
	}
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		error("'%s' breaks a rule of the database: %s", what, sqlite3_errmsg(st->db));
	else
		store_sqlerr(st, what);
	sqlite3_reset(s);
	return MB_ERROR;
}

int store_step(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 0;
	}
	store_sqlerr(st, what);
	sqlite3_reset(s);
	return MB_ERROR;
}

int store_schema_latest(void)
{
	return schema_migrations_count ? schema_migrations[schema_migrations_count - 1].version : 0;
}

int store_schema_version(struct store *st)
{
	sqlite3_stmt *s = store_prepare(st, "PRAGMA user_version");
	int v = 0;

	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return v;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

static int migrate(struct store *st)
{
	int have = store_schema_version(st), latest = store_schema_latest();
	char pragma[64];
	int i;

	if (have > latest)
		return error("database '%s' has schema version %d, newer than this medbill "
			     "knows (%d): use a newer medbill", st->path, have, latest);
	for (i = 0; i < schema_migrations_count; i++) {
		const struct schema_migration *m = &schema_migrations[i];

		if (m->version <= have)
			continue;
		if (store_exec(st, "BEGIN IMMEDIATE") != MB_OK)
			return error_prefix("migration '%s'", m->name);
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", m->version);
		if (store_exec(st, m->sql) != MB_OK || store_exec(st, pragma) != MB_OK) {
			error_prefix("migration '%s'", m->name);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return MB_ERROR;
		}
		if (store_exec(st, "COMMIT") != MB_OK)
			return error_prefix("migration '%s'", m->name);
	}
	return MB_OK;
}

int store_open(const char *path, unsigned flags, struct store **out)
{
	struct store *st;
	struct stat sb;
	int fd, oflags;

	*out = NULL;
	if (!path || !*path)
		return error("no database path: use --db or set MEDBILL_DB");
	if (stat(path, &sb) != 0) {
		if (!(flags & STORE_CREATE))
			return error("database '%s' does not exist: run 'medbill init' first", path);
		fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd < 0)
			return error("cannot create database '%s': %s", path, strerror(errno));
		close(fd);
	}
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	/* A connection is used by one thread at a time (the builder hands its
	 * writing connection to its writer thread and takes it back after the
	 * join), so SQLite needs no mutex on every call. */
	oflags |= SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
		error("cannot open database '%s': %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 10000);
	/* Reading the schema page is enough to refuse a file that is not a
	 * database; a full integrity check would read every page. */
	if (store_exec(st, "SELECT count(*) FROM sqlite_schema") != MB_OK) {
		error("'%s' is not a medbill database", path);
		goto fail;
	}
	if (store_exec(st, "PRAGMA foreign_keys=ON") != MB_OK)
		goto fail;
	if (!(flags & STORE_READONLY) &&
	    (store_exec(st, "PRAGMA journal_mode=WAL") != MB_OK ||
	     store_exec(st, "PRAGMA synchronous=NORMAL") != MB_OK))
		goto fail;
	if (flags & STORE_READONLY) {
		if (store_schema_version(st) != store_schema_latest()) {
			error("database '%s' has schema version %d, this medbill needs %d",
			      path, store_schema_version(st), store_schema_latest());
			goto fail;
		}
	} else if (migrate(st) != MB_OK) {
		goto fail;
	}
	*out = st;
	return MB_OK;
fail:
	store_close(st);
	return MB_ERROR;
}

void store_close(struct store *st)
{
	size_t i;

	if (!st)
		return;
	if (st->depth && st->db)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < st->nslots; i++)
		if (st->slots[i].stmt)
			sqlite3_finalize(st->slots[i].stmt);
	free(st->slots);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

static int begin(struct store *st, const char *sql, const char *file, int line)
{
	if (st->depth++ > 0)
		return MB_OK;
	st->doomed = false;
	st->tx_file = file;
	st->tx_line = line;
	if (store_exec(st, sql) != MB_OK) {
		st->depth = 0;
		return MB_ERROR;
	}
	return MB_OK;
}

int store_begin_at(struct store *st, const char *file, int line)
{
	return begin(st, "BEGIN IMMEDIATE", file, line);
}

int store_begin_read_at(struct store *st, const char *file, int line)
{
	return begin(st, "BEGIN DEFERRED", file, line);
}

int store_commit(struct store *st)
{
	if (st->depth <= 0)
		BUG("store_commit without store_begin");
	if (--st->depth > 0)
		return st->doomed ? MB_ERROR : MB_OK;
	if (st->doomed) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return MB_ERROR;
	}
	if (store_exec(st, "COMMIT") != MB_OK) {
		char msg[512];

		snprintf(msg, sizeof(msg), "%s", error_last());
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return error("commit of transaction begun at %s:%d failed: %s",
			     st->tx_file, st->tx_line, msg);
	}
	return MB_OK;
}

void store_rollback(struct store *st)
{
	if (st->depth <= 0)
		BUG("store_rollback without store_begin");
	if (--st->depth > 0) {
		st->doomed = true;
		return;
	}
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->doomed = false;
}

bool store_in_transaction(const struct store *st)
{
	return st->depth > 0;
}

void store_bulk_begin(struct store *st)
{
	store_exec(st, "PRAGMA synchronous=OFF");
	store_exec(st, "PRAGMA cache_size=-262144");
	store_exec(st, "PRAGMA temp_store=MEMORY");
}

void store_bulk_end(struct store *st)
{
	store_exec(st, "PRAGMA synchronous=NORMAL");
	store_exec(st, "PRAGMA cache_size=-2000");
}
