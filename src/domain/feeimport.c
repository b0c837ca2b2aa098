/*
 * feeimport.c: 'medbill import fees FILE.csv', all or nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medbill/csv.h"
#include "medbill/practice.h"
#include "medbill/store_entities.h"
#include "medbill/util.h"
#include "medbill/validate.h"

#define MAX_REPORTED 50		/* bad rows described in full */

void fee_import_init(struct fee_import *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->errors);
}

void fee_import_release(struct fee_import *r)
{
	strbuf_release(&r->errors);
	memset(r, 0, sizeof(*r));
}

enum fee_col { COL_CODE, COL_FEE, COL_DESC, COL_PAYER, COL_EXPECTED, NCOLS };

static const char *const col_names[NCOLS] = {
	"code", "fee", "description", "payer_id", "expected",
};
/* The longest value of each column, within struct fee and struct payer. */
static const size_t col_max[NCOLS] = { 20, 30, 80, 80, 30 };

/* What the file said about a code (or a code and payer) on which line. */
struct seen {
	char key[100];
	cents_t amount;
	int line;
	int desc_line;		/* where the description was given, 0 if not yet */
	char desc[81];
};

struct seen_set {
	struct seen *v;
	size_t n, cap;		/* cap a power of two */
};

static size_t key_hash(const char *s)
{
	size_t h = 5381;

	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

static struct seen *seen_slot(struct seen *v, size_t cap, const char *key)
{
	size_t j = key_hash(key) & (cap - 1);

	while (v[j].key[0] && strcmp(v[j].key, key))
		j = (j + 1) & (cap - 1);
	return &v[j];
}

static void seen_grow(struct seen_set *s)
{
	size_t cap = s->cap ? s->cap * 2 : 256, i;
	struct seen *v = xcalloc(cap, sizeof(*v));

	for (i = 0; i < s->cap; i++)
		if (s->v[i].key[0])
			*seen_slot(v, cap, s->v[i].key) = s->v[i];
	free(s->v);
	s->v = v;
	s->cap = cap;
}

/* The entry for key: found (line != 0) or new (line == 0, key filled). */
static struct seen *seen_get(struct seen_set *s, const char *key)
{
	struct seen *e;

	if ((s->n + 1) * 2 > s->cap)
		seen_grow(s);
	e = seen_slot(s->v, s->cap, key);
	if (!e->key[0]) {
		SCPY(e->key, key);
		s->n++;
	}
	return e;
}

struct importer {
	struct store *st;
	const char *path;
	struct fee_import *res;
	const struct csv_row *row;
	int col[NCOLS];		/* field index of each column, -1 absent */
	size_t ncols;
	char val[NCOLS][128];	/* the current row's fields, trimmed */
	struct seen_set seen;
};

static void bad_row(struct importer *im)
{
	im->res->bad++;
	if (im->res->bad <= MAX_REPORTED)
		strbuf_addf(&im->res->errors, "line %ld: %s\n", im->row->line, error_last());
}

static int read_header(struct importer *im, const struct csv_row *h)
{
	int k;
	size_t i;

	for (k = 0; k < NCOLS; k++)
		im->col[k] = csv_column(h, col_names[k]);
	for (i = 0; i < h->nfields; i++) {
		char name[64];

		SCPY(name, h->fields[i]);
		strtrim(name);
		for (k = 0; k < NCOLS && strcasecmp(name, col_names[k]); k++)
			;
		if (k == NCOLS)
			return error("'%s' is not a column (code, fee, description, payer_id, expected)",
				     name);
		if (im->col[k] != (int)i)
			return error("column '%s' appears twice", name);
	}
	im->ncols = h->nfields;
	if (im->col[COL_CODE] < 0 || im->col[COL_FEE] < 0)
		return error("the header row must name the columns 'code' and 'fee'");
	if ((im->col[COL_PAYER] < 0) != (im->col[COL_EXPECTED] < 0))
		return error("columns 'payer_id' and 'expected' go together");
	return MB_OK;
}

/* The trimmed field of column k, NULL when the file has no such column. */
static const char *field(struct importer *im, enum fee_col k)
{
	return im->col[k] < 0 ? NULL : im->val[k];
}

/* The same key must carry the same amount on every row. */
static int check_seen(struct importer *im, const char *key, const char *what, cents_t amount)
{
	struct seen *e = seen_get(&im->seen, key);
	char a[MONEY_BUF], b[MONEY_BUF];

	if (!e->line) {
		e->line = (int)im->row->line;
		e->amount = amount;
		return MB_OK;
	}
	if (e->amount == amount)
		return MB_OK;
	return error("'%s': %s here but %s on line %d", what, money_fmt(amount, a),
		     money_fmt(e->amount, b), e->line);
}

/* A description given on several rows of a code must be the same. */
static int check_description(struct importer *im, const char *code, const char *desc)
{
	struct seen *e = seen_get(&im->seen, code);

	if (!*desc)
		return MB_OK;
	if (!e->desc_line) {
		e->desc_line = (int)im->row->line;
		SCPY(e->desc, desc);
		return MB_OK;
	}
	if (!strcmp(e->desc, desc))
		return MB_OK;
	return error("'description': '%s' here but '%s' on line %d", desc, e->desc, e->desc_line);
}

/*
 * Set the row's fee. An empty or absent description keeps the one the code
 * has, so that the rows of a code's expected amounts need not repeat it.
 */
static int import_fee(struct importer *im, struct fee *f)
{
	const char *desc = field(im, COL_DESC);
	struct fee old;
	int changed = 0;

	/* validate the field itself: the struct's array would cut a long code */
	if (validate_procedure(normalize_code(im->val[COL_CODE]), "code") != MB_OK ||
	    money_parse(field(im, COL_FEE), &f->fee, "fee") != MB_OK)
		return MB_ERROR;
	SCPY(f->code, im->val[COL_CODE]);
	if (desc && *desc)
		SCPY(f->description, desc);
	else if (store_fee_get(im->st, f->code, &old) == MB_OK)
		SCPY(f->description, old.description);
	if (fee_validate(f) != MB_OK || check_seen(im, f->code, "fee", f->fee) != MB_OK ||
	    check_description(im, f->code, desc ? desc : "") != MB_OK)
		return MB_ERROR;
	if (fee_set(im->st, f, &changed) != MB_OK)
		return MB_ERROR;
	im->res->fees_changed += changed;
	return MB_OK;
}

static int import_expected(struct importer *im, const struct fee *f)
{
	const char *pid = field(im, COL_PAYER), *amount = field(im, COL_EXPECTED);
	struct fee_expected e = { 0 };
	struct payer p;
	char key[100];
	int changed = 0;

	if (!pid || (!*pid && !*amount))
		return MB_OK;
	if (!*pid)
		return error("'payer_id' is required with 'expected'");
	if (payer_get_by_payer_id(im->st, pid, &p) != MB_OK)
		return MB_ERROR;
	if (money_parse(amount, &e.expected, "expected") != MB_OK)
		return MB_ERROR;
	SCPY(e.code, f->code);
	e.payer = p.id;
	snprintf(key, sizeof(key), "%s\t%s", f->code, p.payer_id);
	if (check_seen(im, key, "expected", e.expected) != MB_OK ||
	    fee_expected_set(im->st, &e, &changed) != MB_OK)
		return MB_ERROR;
	im->res->expected_changed += changed;
	return MB_OK;
}

static int import_row(struct importer *im)
{
	struct fee f = { 0 };
	int k;

	if (im->row->nfields != im->ncols)
		return error("the row has %zu fields but the header has %zu", im->row->nfields,
			     im->ncols);
	for (k = 0; k < NCOLS; k++) {
		if (im->col[k] < 0)
			continue;
		SCPY(im->val[k], im->row->fields[im->col[k]]);
		if (strlen(strtrim(im->val[k])) > col_max[k] ||
		    strlen(im->row->fields[im->col[k]]) >= sizeof(im->val[k]))
			return error("'%s' is longer than %zu characters", col_names[k], col_max[k]);
	}
	if (import_fee(im, &f) != MB_OK)
		return MB_ERROR;
	return import_expected(im, &f);
}

/* csv_parse_file() callback: the header, then each row. */
static int import_csv_row(const struct csv_row *row, void *arg)
{
	struct importer *im = arg;

	im->row = row;
	if (row->index == 0)
		return read_header(im, row);
	im->res->rows++;
	if (import_row(im) != MB_OK)
		bad_row(im);
	return MB_OK;
}

static int import_file(struct importer *im)
{
	if (csv_parse_file(im->path, import_csv_row, im, NULL) != MB_OK)
		return MB_ERROR;
	if (!im->ncols)
		return error("'%s' is empty: it needs a header row "
			     "(code,fee[,description,payer_id,expected])", im->path);
	if (im->res->bad)
		return error("'%s': %d bad row%s: nothing imported", im->path, im->res->bad,
			     im->res->bad == 1 ? "" : "s");
	return MB_OK;
}

/* Add ": nothing imported" to the message, unless it says so already. */
static void nothing_imported(void)
{
	char msg[1024];

	if (strstr(error_last(), "nothing imported"))
		return;
	SCPY(msg, error_last());
	error("%s: nothing imported", msg);
}

int fee_import_csv(struct store *st, const char *path, struct fee_import *res)
{
	struct importer im = { .st = st, .path = path, .res = res };
	int ret = MB_ERROR;

	if (store_begin(st) != MB_OK)
		goto cleanup;
	if (import_file(&im) != MB_OK) {
		nothing_imported();
		store_rollback(st);
		res->fees_changed = res->expected_changed = 0;
		goto cleanup;
	}
	ret = store_commit(st);
cleanup:
	free(im.seen.v);
	return ret;
}
