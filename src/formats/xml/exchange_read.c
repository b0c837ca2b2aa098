/*
 * exchange_read.c: reading the exchange format with libxml2's
 * xmlTextReader. The embedded XSD validates the file as the parser streams
 * through it; each record element is expanded on its own (one record in
 * memory at a time), turned into a struct and handed to its callback.
 *
 * Errors name the line: libxml2's own (malformed XML, XSD violations) keep
 * its text with the line it reports; conversion and callback errors carry
 * the line of the record's element, its name and its id.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "exchange_priv.h"
#include "medbill/money.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"
#include "medbill/xmlx.h"

#if LIBXML_VERSION >= 21200
#define XERR const xmlError
#else
#define XERR xmlError
#endif

struct rd {
	struct xmlx_handler *h;
	struct xmlx_counts *n;
	int failed;			/* an error is recorded in error() */
	/* The record being read, for messages. */
	const char *rec;
	int64_t rec_id;
	long rec_line;
};

/* ---- errors ---- */

/*
 * libxml2's message, shortened: no trailing newline or period, the first
 * letter in lower case, and the value of an XSD facet left out (it may be
 * PHI) while the element and the rule stay.
 */
/* Lower-case the first letter of a capitalised word (not of an acronym). */
static void lower_word(char *s)
{
	if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z')
		s[0] = (char)(s[0] - 'A' + 'a');
}

static void xml_message(struct strbuf *sb, const char *msg)
{
	const char *p = msg, *q;

	while (*p) {
		/* "... The value 'x' is not ..." -> "... the value is not ..." */
		if (!strncmp(p, "The value '", 11) || !strncmp(p, "the value '", 11)) {
			q = strchr(p + 11, '\'');
			if (q) {
				strbuf_adds(sb, "the value");
				p = q + 1;
				continue;
			}
		}
		/* "Element 'x': 'value' is not a valid value of ..." */
		if (!strncmp(p, "': '", 4) && (q = strstr(p + 4, "' is not a valid value"))) {
			strbuf_adds(sb, "': the value");
			p = q + 1;
			continue;
		}
		/* The first line only: libxml2 may add the bytes it choked on. */
		if (*p == '\n')
			break;
		strbuf_addch(sb, *p++);
	}
	while (sb->len && (sb->buf[sb->len - 1] == '.' || sb->buf[sb->len - 1] == ' ' ||
			   sb->buf[sb->len - 1] == '!' || sb->buf[sb->len - 1] == ','))
		sb->buf[--sb->len] = '\0';
	/* "Element 'x': This element ..." -> "element 'x': this element ..." */
	lower_word(sb->buf);
	for (q = sb->buf; (q = strstr(q, "': ")); q += 3)
		lower_word((char *)q + 3);
	for (q = sb->buf; (q = strstr(q, "] ")); q += 2)
		lower_word((char *)q + 2);
}

static void on_xml_error(void *arg, XERR *e)
{
	struct rd *rd = arg;
	struct strbuf sb = STRBUF_INIT;

	if (!e || e->level == XML_ERR_WARNING || rd->failed)
		return;
	if (e->code == XML_ERR_DOCUMENT_END)
		/* libxml2's reader says "extra content" of a file cut short too */
		strbuf_adds(&sb, "the file ends before '</medbill>' or goes on after it");
	else
		xml_message(&sb, e->message ? e->message : "unknown error");
	if (e->domain == XML_FROM_SCHEMASV)
		error("line %d: %s", e->line, strbuf_str(&sb));
	else
		error("line %d: malformed XML: %s", e->line, strbuf_str(&sb));
	strbuf_release(&sb);
	rd->failed = 1;
}

/* Record an error at node's line within the current record. */
static int rd_error(struct rd *rd, xmlNodePtr node, const char *fmt, ...) MB_PRINTF(3, 4);
static int rd_error(struct rd *rd, xmlNodePtr node, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (rd->rec_id)
		error("line %ld: '%s' id %" PRId64 ": %s", node ? xmlGetLineNo(node) : rd->rec_line,
		      rd->rec, rd->rec_id, strbuf_str(&sb));
	else
		error("line %ld: '%s': %s", node ? xmlGetLineNo(node) : rd->rec_line, rd->rec,
		      strbuf_str(&sb));
	strbuf_release(&sb);
	rd->failed = 1;
	return MB_ERROR;
}

/* Prefix the callback's message with where its record is. */
static int rd_callback_failed(struct rd *rd)
{
	rd->failed = 1;
	if (rd->rec_id)
		return error_prefix("line %ld: '%s' id %" PRId64, rd->rec_line, rd->rec, rd->rec_id);
	return error_prefix("line %ld: '%s'", rd->rec_line, rd->rec);
}

/* ---- values ---- */

static const char *name_of(xmlNodePtr n)
{
	return (const char *)n->name;
}

/* The trimmed text of n in a buffer the caller frees with xmlFree(). */
static char *node_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);

	if (!t)
		die("out of memory");
	strtrim((char *)t);
	return (char *)t;
}

static int parse_i64(struct rd *rd, xmlNodePtr n, const char *what, const char *s, int64_t min,
		     int64_t max, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*s || *end || errno || v < min || v > max)
		return rd_error(rd, n, "'%s' is not a number from %" PRId64 " to %" PRId64, what, min, max);
	*out = v;
	return MB_OK;
}

static int copy_text(struct rd *rd, xmlNodePtr n, const char *what, const char *s, char *dst,
		     size_t size)
{
	if (strlen(s) >= size)
		return rd_error(rd, n, "'%s' is longer than %zu bytes", what, size - 1);
	memcpy(dst, s, strlen(s) + 1);
	return MB_OK;
}

static int read_fields(struct rd *rd, const struct xfield *fields, xmlNodePtr parent, void *base,
		       int (*extra)(struct rd *, xmlNodePtr, void *));

static const struct xfield *find_field(const struct xfield *f, const char *name)
{
	for (; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

static int read_field(struct rd *rd, const struct xfield *f, xmlNodePtr n, void *base)
{
	char *p = (char *)base + f->off;
	char *s = NULL;
	int64_t v = 0;
	int ret = MB_ERROR, i, iv;

	if (f->type == XF_GROUP)
		return read_fields(rd, f->sub, n, p, NULL);
	s = node_text(n);
	switch (f->type) {
	case XF_TEXT:
		ret = copy_text(rd, n, f->name, s, p, f->size);
		break;
	case XF_CHAR:
		if (strlen(s) != 1) {
			ret = rd_error(rd, n, "'%s' is not one character", f->name);
			break;
		}
		*p = s[0];
		ret = MB_OK;
		break;
	case XF_ID:
		if ((ret = parse_i64(rd, n, f->name, s, 1, INT64_MAX, &v)) == MB_OK)
			memcpy(p, &v, sizeof(v));
		break;
	case XF_INT:
		if ((ret = parse_i64(rd, n, f->name, s, 0, INT32_MAX, &v)) == MB_OK) {
			iv = (int)v;
			memcpy(p, &iv, sizeof(iv));
		}
		break;
	case XF_I64:
		if ((ret = parse_i64(rd, n, f->name, s, 0, INT64_MAX, &v)) == MB_OK)
			memcpy(p, &v, sizeof(v));
		break;
	case XF_DATE: {
		mbdate_t d;

		if (date_parse(s, &d, f->name) != MB_OK) {
			ret = rd_error(rd, n, "%s", error_last());
			break;
		}
		memcpy(p, &d, sizeof(d));
		ret = MB_OK;
		break;
	}
	case XF_MONEY: {
		cents_t c;

		if (money_parse(s, &c, f->name) != MB_OK) {
			ret = rd_error(rd, n, "%s", error_last());
			break;
		}
		memcpy(p, &c, sizeof(c));
		ret = MB_OK;
		break;
	}
	case XF_BOOL: {
		bool b;

		if (!strcmp(s, "true") || !strcmp(s, "1")) {
			b = true;
		} else if (!strcmp(s, "false") || !strcmp(s, "0")) {
			b = false;
		} else {
			ret = rd_error(rd, n, "'%s' is not true or false", f->name);
			break;
		}
		memcpy(p, &b, sizeof(b));
		ret = MB_OK;
		break;
	}
	case XF_ENUM:
		for (i = 0; f->names[i] && strcmp(f->names[i], s); i++)
			;
		if (!f->names[i]) {
			ret = rd_error(rd, n, "'%s': '%s' is not a known value", f->name, s);
			break;
		}
		memcpy(p, &i, sizeof(i));
		ret = MB_OK;
		break;
	case XF_TEXTS:
		for (i = 0; i < f->count && p[(size_t)i * f->size]; i++)
			;
		if (i == f->count) {
			ret = rd_error(rd, n, "more than %d '%s'", f->count, f->name);
			break;
		}
		ret = copy_text(rd, n, f->name, s, p + (size_t)i * f->size, f->size);
		break;
	case XF_INTS:
		for (i = 0; i < f->count; i++) {
			memcpy(&iv, p + (size_t)i * sizeof(int), sizeof(iv));
			if (!iv)
				break;
		}
		if (i == f->count) {
			ret = rd_error(rd, n, "more than %d '%s'", f->count, f->name);
			break;
		}
		if ((ret = parse_i64(rd, n, f->name, s, 1, INT32_MAX, &v)) == MB_OK) {
			iv = (int)v;
			memcpy(p + (size_t)i * sizeof(int), &iv, sizeof(iv));
		}
		break;
	case XF_GROUP:
		break;
	}
	xmlFree(s);
	return ret;
}

/*
 * Read the element children of parent into base: each is a field of the
 * table or, failing that, is handed to extra (the hand-written children).
 */
static int read_fields(struct rd *rd, const struct xfield *fields, xmlNodePtr parent, void *base,
		       int (*extra)(struct rd *, xmlNodePtr, void *))
{
	const struct xfield *f;
	xmlNodePtr c;

	for (c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((f = find_field(fields, name_of(c)))) {
			if (read_field(rd, f, c, base) != MB_OK)
				return MB_ERROR;
		} else if (extra) {
			if (extra(rd, c, base) != MB_OK)
				return MB_ERROR;
		} else {
			return rd_error(rd, c, "unexpected element '%s' in '%s'", name_of(c), name_of(parent));
		}
	}
	return MB_OK;
}

static int read_stamp(struct rd *rd, xmlNodePtr n, const char *by, const char *at, struct stamp *s)
{
	xmlChar *b = xmlGetProp(n, BAD_CAST by), *a = xmlGetProp(n, BAD_CAST at);
	int ret = MB_ERROR;

	if (!b != !a) {
		rd_error(rd, n, "'%s' and '%s' go together", by, at);
		goto cleanup;
	}
	if (b && (copy_text(rd, n, by, strtrim((char *)b), s->by, sizeof(s->by)) != MB_OK ||
		  copy_text(rd, n, at, strtrim((char *)a), s->at, sizeof(s->at)) != MB_OK))
		goto cleanup;
	ret = MB_OK;
cleanup:
	xmlFree(b);
	xmlFree(a);
	return ret;
}

/* A record's attributes (id, stamps) and its children into base. */
static int read_record(struct rd *rd, const struct xrecord *r, xmlNodePtr n, void *base,
		       int (*extra)(struct rd *, xmlNodePtr, void *))
{
	char *p = base;

	if (r->id_off >= 0) {
		xmlChar *id = xmlGetProp(n, BAD_CAST "id");
		int64_t v = 0;
		int ret;

		if (!id)
			return rd_error(rd, n, "'%s' has no 'id'", r->name);
		ret = parse_i64(rd, n, "id", strtrim((char *)id), 1, INT64_MAX, &v);
		xmlFree(id);
		if (ret != MB_OK)
			return MB_ERROR;
		memcpy(p + r->id_off, &v, sizeof(v));
	}
	if (r->created_off >= 0 &&
	    read_stamp(rd, n, "created-by", "created-at", (struct stamp *)(p + r->created_off)) != MB_OK)
		return MB_ERROR;
	if (r->updated_off >= 0 &&
	    read_stamp(rd, n, "updated-by", "updated-at", (struct stamp *)(p + r->updated_off)) != MB_OK)
		return MB_ERROR;
	return read_fields(rd, r->fields, n, base, extra);
}

/* Start a top-level record: its name, id and line for messages. */
static void rd_begin(struct rd *rd, const struct xrecord *r, xmlNodePtr n)
{
	xmlChar *id;

	rd->rec = r->name;
	rd->rec_id = 0;
	rd->rec_line = xmlGetLineNo(n);
	rd->h->line = rd->rec_line;
	if (r->id_off >= 0 && (id = xmlGetProp(n, BAD_CAST "id"))) {
		rd->rec_id = strtoll((const char *)id, NULL, 10);
		xmlFree(id);
	}
}

/* ---- the hand-written children ---- */

struct fee_rec {
	struct fee fee;
	struct fee_expected *exp;
	int nexp;
	size_t alloc;
};

static int fee_extra(struct rd *rd, xmlNodePtr n, void *base)
{
	struct fee_rec *fr = base;
	struct fee_expected *e;
	xmlChar *payer;
	char *s;
	int ret;

	if (strcmp(name_of(n), "expected"))
		return rd_error(rd, n, "unexpected element '%s' in 'fee'", name_of(n));
	ALLOC_GROW(fr->exp, (size_t)fr->nexp + 1, fr->alloc);
	e = &fr->exp[fr->nexp];
	memset(e, 0, sizeof(*e));
	payer = xmlGetProp(n, BAD_CAST "payer");
	if (!payer)
		return rd_error(rd, n, "'expected' has no 'payer'");
	ret = parse_i64(rd, n, "payer", strtrim((char *)payer), 1, INT64_MAX, &e->payer);
	xmlFree(payer);
	if (ret != MB_OK)
		return MB_ERROR;
	s = node_text(n);
	ret = money_parse(s, &e->expected, "expected");
	xmlFree(s);
	if (ret != MB_OK)
		return rd_error(rd, n, "%s", error_last());
	fr->nexp++;
	return MB_OK;
}

static int encounter_extra(struct rd *rd, xmlNodePtr n, void *base)
{
	struct encounter *e = base;
	xmlNodePtr c;
	char *s;
	int ret;

	if (!strcmp(name_of(n), "diagnoses")) {
		for (c = n->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (strcmp(name_of(c), "diagnosis"))
				return rd_error(rd, c, "unexpected element '%s' in 'diagnoses'", name_of(c));
			if (e->ndiag == MAX_DIAG)
				return rd_error(rd, c, "more than %d 'diagnosis'", MAX_DIAG);
			s = node_text(c);
			ret = copy_text(rd, c, "diagnosis", s, e->diag[e->ndiag], sizeof(e->diag[0]));
			xmlFree(s);
			if (ret != MB_OK)
				return MB_ERROR;
			e->ndiag++;
		}
		return MB_OK;
	}
	if (!strcmp(name_of(n), "charges")) {
		for (c = n->children; c; c = c->next) {
			struct charge *ch;

			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (strcmp(name_of(c), "charge"))
				return rd_error(rd, c, "unexpected element '%s' in 'charges'", name_of(c));
			ALLOC_GROW(e->charges, (size_t)e->ncharges + 1, e->charges_alloc);
			ch = &e->charges[e->ncharges];
			memset(ch, 0, sizeof(*ch));
			if (read_record(rd, &xrec_charge, c, ch, NULL) != MB_OK)
				return MB_ERROR;
			ch->encounter = e->id;
			e->ncharges++;
		}
		return MB_OK;
	}
	return rd_error(rd, n, "unexpected element '%s' in 'encounter'", name_of(n));
}

struct claim_rec {
	struct xclaim x;		/* first: the table's offsets are from it */
	size_t lines_alloc;
	struct claim_event *ev;
	int nev;
	size_t ev_alloc;
};

static int claim_extra(struct rd *rd, xmlNodePtr n, void *base)
{
	struct claim_rec *cr = base;
	struct claim *c = &cr->x.claim;
	xmlNodePtr k;
	char *s;
	int ret;

	if (!strcmp(name_of(n), "lines")) {
		for (k = n->children; k; k = k->next) {
			if (k->type != XML_ELEMENT_NODE)
				continue;
			if (strcmp(name_of(k), "charge"))
				return rd_error(rd, k, "unexpected element '%s' in 'lines'", name_of(k));
			if (c->nlines == MAX_CLAIM_LINES)
				return rd_error(rd, k, "more than %d lines", MAX_CLAIM_LINES);
			ALLOC_GROW(c->lines, (size_t)c->nlines + 1, cr->lines_alloc);
			s = node_text(k);
			ret = parse_i64(rd, k, "charge", s, 1, INT64_MAX, &c->lines[c->nlines]);
			xmlFree(s);
			if (ret != MB_OK)
				return MB_ERROR;
			c->nlines++;
		}
		return MB_OK;
	}
	if (!strcmp(name_of(n), "history")) {
		for (k = n->children; k; k = k->next) {
			struct claim_event *ev;

			if (k->type != XML_ELEMENT_NODE)
				continue;
			if (strcmp(name_of(k), "event"))
				return rd_error(rd, k, "unexpected element '%s' in 'history'", name_of(k));
			ALLOC_GROW(cr->ev, (size_t)cr->nev + 1, cr->ev_alloc);
			ev = &cr->ev[cr->nev];
			memset(ev, 0, sizeof(*ev));
			if (read_record(rd, &xrec_event, k, ev, NULL) != MB_OK)
				return MB_ERROR;
			ev->claim = c->id;
			cr->nev++;
		}
		return MB_OK;
	}
	return rd_error(rd, n, "unexpected element '%s' in 'claim'", name_of(n));
}

/* ---- records ---- */

#define CALL(cb, ...) ((cb) ? (cb)(__VA_ARGS__) : MB_OK)

static int do_record(struct rd *rd, xmlNodePtr n)
{
	const char *name = name_of(n);
	struct xmlx_handler *h = rd->h;
	struct xmlx_counts *k = rd->n;
	int ret = MB_ERROR;

	if (!strcmp(name, "practice")) {
		struct practice p = { 0 };

		rd_begin(rd, &xrec_practice, n);
		if (read_record(rd, &xrec_practice, n, &p, NULL) != MB_OK)
			return MB_ERROR;
		p.has_payto = !xfield_empty(find_field(xrec_practice.fields, "pay-to"), &p);
		ret = CALL(h->practice, h->arg, &p);
		k->practice++;
	} else if (!strcmp(name, "receiver")) {
		struct receiver r = { 0 };

		rd_begin(rd, &xrec_receiver, n);
		if (read_record(rd, &xrec_receiver, n, &r, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->receiver, h->arg, &r);
		k->receivers++;
	} else if (!strcmp(name, "settings")) {
		struct settings s = { 0 };

		rd_begin(rd, &xrec_settings, n);
		if (read_record(rd, &xrec_settings, n, &s, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->settings, h->arg, &s);
		k->settings++;
	} else if (!strcmp(name, "provider")) {
		struct provider p = { 0 };

		rd_begin(rd, &xrec_provider, n);
		if (read_record(rd, &xrec_provider, n, &p, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->provider, h->arg, &p);
		k->providers++;
	} else if (!strcmp(name, "payer")) {
		struct payer p = { 0 };

		rd_begin(rd, &xrec_payer, n);
		if (read_record(rd, &xrec_payer, n, &p, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->payer, h->arg, &p);
		k->payers++;
	} else if (!strcmp(name, "fee")) {
		struct fee_rec fr = { 0 };
		int i;

		rd_begin(rd, &xrec_fee, n);
		if (read_record(rd, &xrec_fee, n, &fr, fee_extra) == MB_OK) {
			for (i = 0; i < fr.nexp; i++)
				SCPY(fr.exp[i].code, fr.fee.code);
			ret = CALL(h->fee, h->arg, &fr.fee, fr.exp, fr.nexp);
			k->fees++;
			k->expected += fr.nexp;
		} else {
			rd->failed = 1;
		}
		free(fr.exp);
	} else if (!strcmp(name, "patient")) {
		struct patient p = { 0 };

		rd_begin(rd, &xrec_patient, n);
		if (read_record(rd, &xrec_patient, n, &p, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->patient, h->arg, &p);
		k->patients++;
	} else if (!strcmp(name, "coverage")) {
		struct coverage c = { 0 };

		rd_begin(rd, &xrec_coverage, n);
		if (read_record(rd, &xrec_coverage, n, &c, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->coverage, h->arg, &c);
		k->coverages++;
	} else if (!strcmp(name, "encounter")) {
		struct encounter e = { 0 };

		rd_begin(rd, &xrec_encounter, n);
		if (read_record(rd, &xrec_encounter, n, &e, encounter_extra) == MB_OK) {
			rd->rec = "encounter";
			rd->rec_id = e.id;
			ret = CALL(h->encounter, h->arg, &e);
			k->encounters++;
			k->charges += e.ncharges;
		} else {
			rd->failed = 1;
		}
		free(e.charges);
	} else if (!strcmp(name, "claim")) {
		struct claim_rec cr = { 0 };

		rd_begin(rd, &xrec_claim, n);
		if (read_record(rd, &xrec_claim, n, &cr, claim_extra) == MB_OK) {
			rd->rec = "claim";
			rd->rec_id = cr.x.claim.id;
			ret = CALL(h->claim, h->arg, &cr.x.claim, cr.x.batch, cr.ev, cr.nev);
			k->claims++;
			k->events += cr.nev;
		} else {
			rd->failed = 1;
		}
		free(cr.x.claim.lines);
		free(cr.ev);
	} else if (!strcmp(name, "entry")) {
		struct ledger_row r = { 0 };

		rd_begin(rd, &xrec_ledger, n);
		if (read_record(rd, &xrec_ledger, n, &r, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->ledger, h->arg, &r);
		k->ledger++;
	} else if (!strcmp(name, "edit")) {
		struct scrub_edit e = { 0 };

		rd_begin(rd, &xrec_edit, n);
		if (read_record(rd, &xrec_edit, n, &e, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->edit, h->arg, &e);
		k->edits++;
	} else if (!strcmp(name, "counter")) {
		struct batch_counter c = { 0 };

		rd_begin(rd, &xrec_counter, n);
		if (read_record(rd, &xrec_counter, n, &c, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->counter, h->arg, &c);
		k->counters++;
	} else if (!strcmp(name, "batch")) {
		struct batch b = { 0 };

		rd_begin(rd, &xrec_batch, n);
		if (read_record(rd, &xrec_batch, n, &b, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->batch, h->arg, &b);
		k->batches++;
	} else if (!strcmp(name, "set")) {
		struct batch_set bs = { 0 };

		rd_begin(rd, &xrec_batch_set, n);
		if (read_record(rd, &xrec_batch_set, n, &bs, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->batch_set, h->arg, &bs);
		k->batch_sets++;
	} else if (!strcmp(name, "batch-claim")) {
		struct batch_claim bc = { 0 };

		rd_begin(rd, &xrec_batch_claim, n);
		if (read_record(rd, &xrec_batch_claim, n, &bc, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->batch_claim, h->arg, &bc);
		k->batch_claims++;
	} else if (!strcmp(name, "finding")) {
		struct scrub_finding f = { 0 };

		rd_begin(rd, &xrec_finding, n);
		if (read_record(rd, &xrec_finding, n, &f, NULL) != MB_OK)
			return MB_ERROR;
		ret = CALL(h->finding, h->arg, &f);
		k->findings++;
	} else {
		rd->rec = name;
		rd->rec_id = 0;
		rd->rec_line = xmlGetLineNo(n);
		return rd_error(rd, n, "unexpected element");
	}
	if (rd->failed)
		return MB_ERROR;
	if (ret != MB_OK)
		return rd_callback_failed(rd);
	return MB_OK;
}

/* ---- the document ---- */

static xmlSchemaPtr load_schema(void)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xmlx_xsd, (int)xmlx_xsd_len);
	xmlSchemaPtr schema;

	if (!pc)
		die("out of memory");
	schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (!schema)
		BUG("the embedded XSD does not parse");
	return schema;
}

static int section_end(struct rd *rd, const char *section)
{
	if (rd->h->section_end && rd->h->section_end(rd->h->arg, section) != MB_OK) {
		rd->failed = 1;
		return MB_ERROR;
	}
	return MB_OK;
}

int xmlx_read(const char *path, struct xmlx_handler *h, struct xmlx_counts *counts)
{
	struct xmlx_handler none = { 0 };
	char section[24] = "";
	struct xmlx_counts scratch;
	struct rd rd = { 0 };
	xmlTextReaderPtr r = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	int fd, ret = MB_ERROR, rc, type, depth;

	rd.h = h ? h : &none;
	rd.n = counts ? counts : &scratch;
	memset(rd.n, 0, sizeof(*rd.n));
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return error("cannot open '%s': %s", path, strerror(errno));
	r = xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (!r) {
		error("cannot read '%s'", path);
		goto cleanup;
	}
	schema = load_schema();
	vc = xmlSchemaNewValidCtxt(schema);
	if (!vc)
		die("out of memory");
	/*
	 * Errors reach on_xml_error() through the validation context and,
	 * for the parser, through the global handler: the reader's own
	 * handler does not survive the XSD's SAX plug.
	 */
	xmlSchemaSetValidStructuredErrors(vc, on_xml_error, &rd);
	if (xmlTextReaderSchemaValidateCtxt(r, vc, 0) != 0)
		BUG("cannot start XSD validation");
	xmlSetStructuredErrorFunc(&rd, on_xml_error);

	rc = xmlTextReaderRead(r);
	while (rc == 1 && !rd.failed) {
		type = xmlTextReaderNodeType(r);
		depth = xmlTextReaderDepth(r);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			error("line %d: a DOCTYPE is not allowed in a medbill file",
			      xmlTextReaderGetParserLineNumber(r));
			rd.failed = 1;
			break;
		}
		if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
			const char *name = (const char *)xmlTextReaderConstLocalName(r);

			if (section[0] && strcmp(section, name) && section_end(&rd, section) != MB_OK)
				break;
			strlcpy0(section, name, sizeof(section));
		}
		if (type == XML_READER_TYPE_ELEMENT &&
		    (depth == 2 || (depth == 1 && (!strcmp(section, "practice") || !strcmp(section, "settings"))))) {
			xmlNodePtr n = xmlTextReaderExpand(r);

			if (!n || rd.failed) {
				rd.failed = 1;
				break;
			}
			if (do_record(&rd, n) != MB_OK)
				break;
			rc = xmlTextReaderNext(r);
			continue;
		}
		rc = xmlTextReaderRead(r);
	}
	if (rd.failed)
		goto cleanup;
	if (rc < 0 || xmlTextReaderIsValid(r) != 1) {
		error("line %d: '%s' is not a valid medbill file", xmlTextReaderGetParserLineNumber(r), path);
		goto cleanup;
	}
	if (section[0] && section_end(&rd, section) != MB_OK)
		goto cleanup;
	ret = MB_OK;
cleanup:
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (r)
		xmlFreeTextReader(r);
	if (vc)
		xmlSchemaFreeValidCtxt(vc);
	if (schema)
		xmlSchemaFree(schema);
	close(fd);
	return ret;
}
