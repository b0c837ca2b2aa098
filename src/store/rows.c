/*
 * rows.c: columns the entity tables share, and stamps.
 */
#include <stdio.h>
#include <string.h>

#include "rows.h"
#include "medbill/store_entities.h"

static void bind_prefixed(sqlite3_stmt *s, const char *prefix, const char *col, const char *v)
{
	char name[48];

	snprintf(name, sizeof(name), ":%s%s", prefix, col);
	bind_text(s, name, v);
}

void bind_address(sqlite3_stmt *s, const char *prefix, const struct address *a)
{
	bind_prefixed(s, prefix, "addr1", a->line1);
	bind_prefixed(s, prefix, "addr2", a->line2);
	bind_prefixed(s, prefix, "city", a->city);
	bind_prefixed(s, prefix, "state", a->state);
	bind_prefixed(s, prefix, "zip", a->zip);
}

void col_address(sqlite3_stmt *s, int i, struct address *a)
{
	COL_COPY(s, i, a->line1);
	COL_COPY(s, i + 1, a->line2);
	COL_COPY(s, i + 2, a->city);
	COL_COPY(s, i + 3, a->state);
	COL_COPY(s, i + 4, a->zip);
}

void bind_stamp(sqlite3_stmt *s, const char *name, const struct stamp *t)
{
	char n[40];

	snprintf(n, sizeof(n), ":%s_by", name);
	bind_text_empty(s, n, t->by);
	snprintf(n, sizeof(n), ":%s_at", name);
	bind_text_empty(s, n, t->at);
}

#define STATUS_TEXT_(n, s, d) [CLAIM_##n] = s,
static const char *const claim_status_text[] = { CLAIM_STATUSES(STATUS_TEXT_) };
#undef STATUS_TEXT_

const char *store_claim_status_text(enum claim_status st)
{
	return (int)st >= 0 && st < CLAIM_STATUS_COUNT ? claim_status_text[st] : NULL;
}

enum claim_status col_claim_status(sqlite3_stmt *s, int i)
{
	const char *t = col_text(s, i);
	int k;

	for (k = 0; t && k < CLAIM_STATUS_COUNT; k++)
		if (!strcmp(t, claim_status_text[k]))
			return (enum claim_status)k;
	return CLAIM_STATUS_COUNT;
}

void col_stamp(sqlite3_stmt *s, int i, struct stamp *t)
{
	COL_COPY(s, i, t->by);
	COL_COPY(s, i + 1, t->at);
}

void store_stamp_fill(struct stamp *s)
{
	if (!s->by[0])
		SCPY(s->by, user_current());
	if (!s->at[0])
		date_now_stamp(s->at);
}

void store_stamp_now(struct stamp *s)
{
	SCPY(s->by, user_current());
	date_now_stamp(s->at);
}

int64_t store_last_id(struct store *st)
{
	return sqlite3_last_insert_rowid(st->db);
}

int store_changes(struct store *st)
{
	return sqlite3_changes(st->db);
}

int64_t store_count_rows(struct store *st, const char *sql)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	int64_t n = -1;

	if (store_step(st, s, "count") == 1)
		n = col_int(s, 0);
	sqlite3_reset(s);
	return n;
}
