/*
 * exchange_write.c: streaming the exchange format out with libxml2's
 * xmlTextWriter, record by record, so that memory does not grow with the
 * database. The output is canonical: two-space indentation, sections and
 * children in XSD order, attributes in a fixed order, money with two
 * decimals, empty values left out. The same data always gives the same
 * bytes.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>

#include "exchange_priv.h"
#include "medbill/money.h"
#include "medbill/util.h"
#include "medbill/xmlx.h"

struct xmlx_writer {
	xmlTextWriterPtr tw;
	FILE *own;		/* the stream opened by xmlx_writer_open(), or NULL */
	enum xsection cur;	/* the section last written to */
	int list_open;		/* the element of cur is open */
	int failed;
	/* The record being written, for messages. */
	const char *rec;
	int64_t rec_id;
};

#define W(call) do { if ((call) < 0) goto fail; } while (0)

static int write_failed(struct xmlx_writer *w)
{
	w->failed = 1;
	if (w->own && ferror(w->own))
		return error("cannot write the XML file: %s", strerror(errno));
	return error("cannot write the XML file");
}

/* Text must be UTF-8 without control characters other than tab and newline. */
static int check_text(struct xmlx_writer *w, const char *name, const char *s)
{
	const unsigned char *p;

	if (!xmlCheckUTF8((const xmlChar *)s))
		goto bad;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 && *p != '\t' && *p != '\n')
			goto bad;
	return MB_OK;
bad:
	if (w->rec_id)
		return error("'%s' %" PRId64 ": '%s' holds characters that XML cannot carry",
			     w->rec, w->rec_id, name);
	return error("'%s': '%s' holds characters that XML cannot carry", w->rec, name);
}

static int write_text(struct xmlx_writer *w, const char *name, const char *s)
{
	if (check_text(w, name, s) != MB_OK)
		return MB_ERROR;
	if (xmlTextWriterWriteElement(w->tw, BAD_CAST name, BAD_CAST s) < 0)
		return write_failed(w);
	return MB_OK;
}

static int write_int(struct xmlx_writer *w, const char *name, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	return write_text(w, name, buf);
}

static int write_fields(struct xmlx_writer *w, const struct xfield *f, const void *base);

static int write_field(struct xmlx_writer *w, const struct xfield *f, const void *base)
{
	const char *p = (const char *)base + f->off;
	char buf[MONEY_BUF];
	int64_t i64;
	int iv, i;

	if (xfield_empty(f, base))
		return MB_OK;
	switch (f->type) {
	case XF_TEXT:
		return write_text(w, f->name, p);
	case XF_CHAR:
		buf[0] = *p;
		buf[1] = '\0';
		return write_text(w, f->name, buf);
	case XF_ID:
		memcpy(&i64, p, sizeof(i64));
		return write_int(w, f->name, i64);
	case XF_INT:
		memcpy(&iv, p, sizeof(iv));
		return write_int(w, f->name, iv);
	case XF_I64:
		memcpy(&i64, p, sizeof(i64));
		return write_int(w, f->name, i64);
	case XF_DATE: {
		mbdate_t d;
		char iso[DATE_ISO_LEN];

		memcpy(&d, p, sizeof(d));
		date_iso(d, iso);
		return write_text(w, f->name, iso);
	}
	case XF_MONEY:
		memcpy(&i64, p, sizeof(i64));
		return write_text(w, f->name, money_fmt(i64, buf));
	case XF_BOOL: {
		bool b;

		memcpy(&b, p, sizeof(b));
		return write_text(w, f->name, b ? "true" : "false");
	}
	case XF_ENUM: {
		int n;

		memcpy(&iv, p, sizeof(iv));
		for (n = 0; f->names[n]; n++)
			;
		if (iv < 0 || iv >= n)
			return error("'%s' %" PRId64 ": '%s' has no name for value %d",
				     w->rec, w->rec_id, f->name, iv);
		return write_text(w, f->name, f->names[iv]);
	}
	case XF_TEXTS:
		for (i = 0; i < f->count; i++)
			if (p[(size_t)i * f->size] && write_text(w, f->name, p + (size_t)i * f->size) != MB_OK)
				return MB_ERROR;
		return MB_OK;
	case XF_INTS:
		for (i = 0; i < f->count; i++) {
			memcpy(&iv, p + (size_t)i * sizeof(int), sizeof(iv));
			if (iv && write_int(w, f->name, iv) != MB_OK)
				return MB_ERROR;
		}
		return MB_OK;
	case XF_GROUP:
		if (xmlTextWriterStartElement(w->tw, BAD_CAST f->name) < 0)
			return write_failed(w);
		if (write_fields(w, f->sub, p) != MB_OK)
			return MB_ERROR;
		if (xmlTextWriterEndElement(w->tw) < 0)
			return write_failed(w);
		return MB_OK;
	}
	return MB_OK;
}

static int write_fields(struct xmlx_writer *w, const struct xfield *f, const void *base)
{
	for (; f->name; f++)
		if (write_field(w, f, base) != MB_OK)
			return MB_ERROR;
	return MB_OK;
}

static int write_stamp(struct xmlx_writer *w, const char *by, const char *at, const struct stamp *s)
{
	if (s->by[0]) {
		if (check_text(w, by, s->by) != MB_OK)
			return MB_ERROR;
		if (xmlTextWriterWriteAttribute(w->tw, BAD_CAST by, BAD_CAST s->by) < 0)
			return write_failed(w);
	}
	if (s->at[0]) {
		if (check_text(w, at, s->at) != MB_OK)
			return MB_ERROR;
		if (xmlTextWriterWriteAttribute(w->tw, BAD_CAST at, BAD_CAST s->at) < 0)
			return write_failed(w);
	}
	return MB_OK;
}

/* Open a record's element with its attributes and write its simple children. */
static int record_begin(struct xmlx_writer *w, const struct xrecord *r, const void *base)
{
	const char *p = base;

	w->rec = r->name;
	w->rec_id = 0;
	if (xmlTextWriterStartElement(w->tw, BAD_CAST r->name) < 0)
		return write_failed(w);
	if (r->id_off >= 0) {
		char buf[24];

		memcpy(&w->rec_id, p + r->id_off, sizeof(w->rec_id));
		snprintf(buf, sizeof(buf), "%" PRId64, w->rec_id);
		if (xmlTextWriterWriteAttribute(w->tw, BAD_CAST "id", BAD_CAST buf) < 0)
			return write_failed(w);
	}
	if (r->created_off >= 0 &&
	    write_stamp(w, "created-by", "created-at", (const struct stamp *)(p + r->created_off)) != MB_OK)
		return MB_ERROR;
	if (r->updated_off >= 0 &&
	    write_stamp(w, "updated-by", "updated-at", (const struct stamp *)(p + r->updated_off)) != MB_OK)
		return MB_ERROR;
	return write_fields(w, r->fields, base);
}

static int record_end(struct xmlx_writer *w)
{
	if (xmlTextWriterEndElement(w->tw) < 0)
		return write_failed(w);
	return MB_OK;
}

static int record(struct xmlx_writer *w, const struct xrecord *r, const void *base)
{
	if (record_begin(w, r, base) != MB_OK)
		return MB_ERROR;
	return record_end(w);
}

/*
 * Move on to section s: close the open list, write the lists in between as
 * empty elements and open s's list. Going back is a caller's bug.
 */
static int enter(struct xmlx_writer *w, enum xsection s)
{
	enum xsection k;

	if (w->failed)
		return error("the XML file was not written completely");
	if (s == w->cur && xsection_names[s])
		return MB_OK;
	if (s <= w->cur)
		return error("'%s' comes %s in the XML file", s == XS_PRACTICE ? "practice" :
			     s == XS_SETTINGS ? "settings" : xsection_names[s],
			     s == w->cur ? "only once" : "earlier");
	if (w->list_open) {
		W(xmlTextWriterEndElement(w->tw));
		w->list_open = 0;
	}
	for (k = w->cur + 1; k < s; k++)
		if (xsection_names[k]) {
			W(xmlTextWriterStartElement(w->tw, BAD_CAST xsection_names[k]));
			W(xmlTextWriterEndElement(w->tw));
		}
	w->cur = s;
	if (s < XS_END && xsection_names[s]) {
		W(xmlTextWriterStartElement(w->tw, BAD_CAST xsection_names[s]));
		w->list_open = 1;
	}
	return MB_OK;
fail:
	return write_failed(w);
}

static int writer_start(struct xmlx_writer *w)
{
	W(xmlTextWriterSetIndent(w->tw, 1));
	W(xmlTextWriterSetIndentString(w->tw, BAD_CAST "  "));
	W(xmlTextWriterStartDocument(w->tw, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(w->tw, BAD_CAST "medbill"));
	W(xmlTextWriterWriteAttribute(w->tw, BAD_CAST "version", BAD_CAST XMLX_VERSION));
	return MB_OK;
fail:
	return write_failed(w);
}

static int writer_new(FILE *f, FILE *own, struct xmlx_writer **out)
{
	struct xmlx_writer *w = xcalloc(1, sizeof(*w));
	xmlOutputBufferPtr ob;

	*out = NULL;
	w->own = own;
	ob = xmlOutputBufferCreateFile(f, NULL);
	if (!ob || !(w->tw = xmlNewTextWriter(ob))) {
		if (ob && !w->tw)
			xmlOutputBufferClose(ob);
		xmlx_writer_free(w);
		return error("cannot start the XML writer");
	}
	if (writer_start(w) != MB_OK) {
		xmlx_writer_free(w);
		return MB_ERROR;
	}
	*out = w;
	return MB_OK;
}

int xmlx_writer_open(const char *path, struct xmlx_writer **out)
{
	FILE *f;
	int fd;

	*out = NULL;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		goto fail;
	f = fdopen(fd, "w");
	if (!f) {
		int e = errno;

		close(fd);
		errno = e;
		goto fail;
	}
	if (writer_new(f, f, out) != MB_OK) {
		if (!*out)
			fclose(f);
		return MB_ERROR;
	}
	return MB_OK;
fail:
	{
		/* errno stays the open's, for callers that name the file otherwise */
		int e = errno;

		error("cannot create '%s': %s", path, strerror(e));
		errno = e;
	}
	return MB_ERROR;
}

int xmlx_writer_open_file(FILE *f, struct xmlx_writer **out)
{
	return writer_new(f, NULL, out);
}

int xmlx_writer_finish(struct xmlx_writer *w)
{
	if (enter(w, XS_END) != MB_OK)
		return MB_ERROR;
	W(xmlTextWriterEndElement(w->tw));
	W(xmlTextWriterEndDocument(w->tw));
	W(xmlTextWriterFlush(w->tw));
	if (w->own ? fflush(w->own) != 0 || ferror(w->own) : 0)
		goto fail;
	return MB_OK;
fail:
	return write_failed(w);
}

void xmlx_writer_free(struct xmlx_writer *w)
{
	if (!w)
		return;
	/* Frees the output buffer, which leaves the stream open. */
	if (w->tw)
		xmlFreeTextWriter(w->tw);
	if (w->own)
		fclose(w->own);
	free(w);
}

/* ---- records ---- */

int xmlx_write_practice(struct xmlx_writer *w, const struct practice *p)
{
	struct practice copy;

	if (enter(w, XS_PRACTICE) != MB_OK)
		return MB_ERROR;
	if (!p->has_payto) {
		copy = *p;
		memset(&copy.payto, 0, sizeof(copy.payto));
		p = &copy;
	}
	return record(w, &xrec_practice, p);
}

int xmlx_write_receiver(struct xmlx_writer *w, const struct receiver *r)
{
	if (enter(w, XS_RECEIVERS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_receiver, r);
}

int xmlx_write_settings(struct xmlx_writer *w, const struct settings *s)
{
	if (enter(w, XS_SETTINGS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_settings, s);
}

int xmlx_write_provider(struct xmlx_writer *w, const struct provider *p)
{
	if (enter(w, XS_PROVIDERS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_provider, p);
}

int xmlx_write_payer(struct xmlx_writer *w, const struct payer *p)
{
	if (enter(w, XS_PAYERS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_payer, p);
}

int xmlx_write_fee(struct xmlx_writer *w, const struct fee *f, const struct fee_expected *exp, int nexp)
{
	char buf[MONEY_BUF], id[24];
	int i;

	if (enter(w, XS_FEES) != MB_OK || record_begin(w, &xrec_fee, f) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < nexp; i++) {
		snprintf(id, sizeof(id), "%" PRId64, exp[i].payer);
		W(xmlTextWriterStartElement(w->tw, BAD_CAST "expected"));
		W(xmlTextWriterWriteAttribute(w->tw, BAD_CAST "payer", BAD_CAST id));
		W(xmlTextWriterWriteString(w->tw, BAD_CAST money_fmt(exp[i].expected, buf)));
		W(xmlTextWriterEndElement(w->tw));
	}
	return record_end(w);
fail:
	return write_failed(w);
}

int xmlx_write_patient(struct xmlx_writer *w, const struct patient *p)
{
	if (enter(w, XS_PATIENTS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_patient, p);
}

int xmlx_write_coverage(struct xmlx_writer *w, const struct coverage *c)
{
	if (enter(w, XS_COVERAGES) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_coverage, c);
}

int xmlx_write_encounter(struct xmlx_writer *w, const struct encounter *e)
{
	int i;

	if (enter(w, XS_ENCOUNTERS) != MB_OK || record_begin(w, &xrec_encounter, e) != MB_OK)
		return MB_ERROR;
	if (e->ndiag < 0 || e->ndiag > MAX_DIAG)
		return error("'encounter' %" PRId64 ": %d diagnoses", e->id, e->ndiag);
	W(xmlTextWriterStartElement(w->tw, BAD_CAST "diagnoses"));
	for (i = 0; i < e->ndiag; i++)
		if (write_text(w, "diagnosis", e->diag[i]) != MB_OK)
			return MB_ERROR;
	W(xmlTextWriterEndElement(w->tw));
	W(xmlTextWriterStartElement(w->tw, BAD_CAST "charges"));
	for (i = 0; i < e->ncharges; i++)
		if (record(w, &xrec_charge, &e->charges[i]) != MB_OK)
			return MB_ERROR;
	W(xmlTextWriterEndElement(w->tw));
	w->rec = "encounter";
	w->rec_id = e->id;
	return record_end(w);
fail:
	return write_failed(w);
}

int xmlx_write_claim(struct xmlx_writer *w, const struct claim *c, int64_t batch,
		     const struct claim_event *ev, int nev)
{
	struct xclaim x = { *c, batch };
	int i;

	if (enter(w, XS_CLAIMS) != MB_OK || record_begin(w, &xrec_claim, &x) != MB_OK)
		return MB_ERROR;
	W(xmlTextWriterStartElement(w->tw, BAD_CAST "lines"));
	for (i = 0; i < c->nlines; i++)
		if (write_int(w, "charge", c->lines[i]) != MB_OK)
			return MB_ERROR;
	W(xmlTextWriterEndElement(w->tw));
	W(xmlTextWriterStartElement(w->tw, BAD_CAST "history"));
	for (i = 0; i < nev; i++)
		if (record(w, &xrec_event, &ev[i]) != MB_OK)
			return MB_ERROR;
	W(xmlTextWriterEndElement(w->tw));
	return record_end(w);
fail:
	return write_failed(w);
}

int xmlx_write_ledger(struct xmlx_writer *w, const struct ledger_row *r)
{
	if (enter(w, XS_LEDGER) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_ledger, r);
}

int xmlx_write_edit(struct xmlx_writer *w, const struct scrub_edit *e)
{
	if (enter(w, XS_EDITS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_edit, e);
}

int xmlx_write_counter(struct xmlx_writer *w, const struct batch_counter *c)
{
	if (enter(w, XS_COUNTERS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_counter, c);
}

int xmlx_write_batch(struct xmlx_writer *w, const struct batch *b)
{
	if (enter(w, XS_BATCHES) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_batch, b);
}

int xmlx_write_batch_set(struct xmlx_writer *w, const struct batch_set *s)
{
	if (enter(w, XS_BATCH_SETS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_batch_set, s);
}

int xmlx_write_batch_claim(struct xmlx_writer *w, const struct batch_claim *c)
{
	if (enter(w, XS_BATCH_CLAIMS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_batch_claim, c);
}

int xmlx_write_finding(struct xmlx_writer *w, const struct scrub_finding *f)
{
	if (enter(w, XS_FINDINGS) != MB_OK)
		return MB_ERROR;
	return record(w, &xrec_finding, f);
}
