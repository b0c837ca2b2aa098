/*
 * exchange.c: export walks the domain's foreach functions into the XML
 * writer; import feeds the reader's records to the domain's inserts inside
 * one transaction and rebuilds the balances at the end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "medbill/batch.h"
#include "medbill/claim.h"
#include "medbill/encounter.h"
#include "medbill/exchange.h"
#include "medbill/ledger.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"
#include "medbill/xmlx.h"

/* ---- export ---- */

struct exp {
	struct store *st;
	struct xmlx_writer *w;
	struct xmlx_counts *n;
	/* The expected amounts of the whole fee schedule, by code and payer. */
	struct fee_expected *fe;
	size_t nfe, fe_alloc, fe_next;
};

static int exp_receiver(const struct receiver *r, void *arg)
{
	struct exp *x = arg;

	x->n->receivers++;
	return xmlx_write_receiver(x->w, r);
}

static int exp_provider(const struct provider *p, void *arg)
{
	struct exp *x = arg;

	x->n->providers++;
	return xmlx_write_provider(x->w, p);
}

static int exp_payer(const struct payer *p, void *arg)
{
	struct exp *x = arg;

	x->n->payers++;
	return xmlx_write_payer(x->w, p);
}

static int exp_collect_expected(const struct fee_expected *f, void *arg)
{
	struct exp *x = arg;

	ALLOC_GROW(x->fe, x->nfe + 1, x->fe_alloc);
	x->fe[x->nfe++] = *f;
	return MB_OK;
}

/* Fees and expected amounts both come in code order: merge them. */
static int exp_fee(const struct fee *f, void *arg)
{
	struct exp *x = arg;
	size_t first;

	while (x->fe_next < x->nfe && strcmp(x->fe[x->fe_next].code, f->code) < 0)
		x->fe_next++;
	first = x->fe_next;
	while (x->fe_next < x->nfe && !strcmp(x->fe[x->fe_next].code, f->code))
		x->fe_next++;
	x->n->fees++;
	x->n->expected += (long)(x->fe_next - first);
	return xmlx_write_fee(x->w, f, x->fe + first, (int)(x->fe_next - first));
}

static int exp_patient(const struct patient *p, void *arg)
{
	struct exp *x = arg;

	x->n->patients++;
	return xmlx_write_patient(x->w, p);
}

static int exp_coverage(const struct coverage *c, void *arg)
{
	struct exp *x = arg;

	x->n->coverages++;
	return xmlx_write_coverage(x->w, c);
}

static int exp_encounter(const struct encounter *e, void *arg)
{
	struct exp *x = arg;

	x->n->encounters++;
	x->n->charges += e->ncharges;
	return xmlx_write_encounter(x->w, e);
}

static int exp_claim(const struct claim_row *row, void *arg)
{
	struct exp *x = arg;
	struct claim_event *ev = NULL;
	size_t nev = 0;
	int ret;

	if (claim_history(x->st, row->claim.id, &ev, &nev) != MB_OK)
		return MB_ERROR;
	x->n->claims++;
	x->n->events += (long)nev;
	ret = xmlx_write_claim(x->w, &row->claim, row->batch, ev, (int)nev);
	free(ev);
	return ret;
}

static int exp_ledger(const struct ledger_row *r, void *arg)
{
	struct exp *x = arg;

	x->n->ledger++;
	return xmlx_write_ledger(x->w, r);
}

static int exp_edits(struct exp *x)
{
	struct scrub_edit *e = NULL;
	size_t n = 0, i;
	int ret = MB_OK;

	if (scrub_edits(x->st, &e, &n) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < n && ret == MB_OK; i++)
		if (scrub_edit_custom(&e[i])) {
			x->n->edits++;
			ret = xmlx_write_edit(x->w, &e[i]);
		}
	free(e);
	return ret;
}

static int exp_counter(const struct batch_counter *c, void *arg)
{
	struct exp *x = arg;

	x->n->counters++;
	return xmlx_write_counter(x->w, c);
}

static int exp_batch(const struct batch *b, void *arg)
{
	struct exp *x = arg;

	x->n->batches++;
	return xmlx_write_batch(x->w, b);
}

static int exp_batch_set(const struct batch_set *s, void *arg)
{
	struct exp *x = arg;

	x->n->batch_sets++;
	return xmlx_write_batch_set(x->w, s);
}

static int exp_batch_claim(const struct batch_claim *c, void *arg)
{
	struct exp *x = arg;

	x->n->batch_claims++;
	return xmlx_write_batch_claim(x->w, c);
}

static int exp_finding(const struct scrub_finding *f, void *arg)
{
	struct exp *x = arg;

	x->n->findings++;
	return xmlx_write_finding(x->w, f);
}

/* Write everything to the open writer; x->w is set. */
static int export_all(struct exp *x)
{
	struct practice p;
	struct settings s;
	struct claim_filter cf;
	int rc;

	rc = practice_get(x->st, &p);
	if (rc == MB_OK) {
		x->n->practice++;
		if (xmlx_write_practice(x->w, &p) != MB_OK)
			return MB_ERROR;
	} else if (rc != MB_NOTFOUND) {
		return MB_ERROR;
	}
	if (receiver_foreach(x->st, exp_receiver, x) != MB_OK)
		return MB_ERROR;
	rc = settings_get(x->st, &s);
	if (rc == MB_OK) {
		x->n->settings++;
		if (xmlx_write_settings(x->w, &s) != MB_OK)
			return MB_ERROR;
	} else if (rc != MB_NOTFOUND) {
		return MB_ERROR;
	}
	if (provider_foreach(x->st, PROVIDER_ANY, exp_provider, x) != MB_OK ||
	    payer_foreach(x->st, exp_payer, x) != MB_OK ||
	    fee_expected_foreach(x->st, exp_collect_expected, x) != MB_OK ||
	    fee_foreach(x->st, exp_fee, x) != MB_OK ||
	    patient_foreach(x->st, exp_patient, x) != MB_OK ||
	    coverage_foreach(x->st, exp_coverage, x) != MB_OK ||
	    encounter_foreach(x->st, exp_encounter, x) != MB_OK)
		return MB_ERROR;
	claim_filter_init(&cf);
	cf.with_lines = true;
	if (claim_foreach(x->st, &cf, exp_claim, x) != MB_OK ||
	    ledger_foreach(x->st, NULL, exp_ledger, x) != MB_OK)
		return MB_ERROR;
	if (exp_edits(x) != MB_OK ||
	    batch_counter_each(x->st, exp_counter, x) != MB_OK ||
	    batch_each(x->st, exp_batch, x) != MB_OK ||
	    batch_set_each(x->st, exp_batch_set, x) != MB_OK ||
	    batch_claim_each(x->st, exp_batch_claim, x) != MB_OK ||
	    scrub_finding_each(x->st, exp_finding, x) != MB_OK)
		return MB_ERROR;
	return xmlx_writer_finish(x->w);
}

static int export_to(struct store *st, struct xmlx_writer *w, struct xmlx_counts *counts)
{
	struct xmlx_counts scratch;
	struct exp x = { 0 };
	int ret;

	x.st = st;
	x.w = w;
	x.n = counts ? counts : &scratch;
	memset(x.n, 0, sizeof(*x.n));
	if (store_begin_read(st) != MB_OK)
		return MB_ERROR;
	ret = export_all(&x);
	/* Nothing was written to the database: end the read either way. */
	if (store_commit(st) != MB_OK)
		ret = MB_ERROR;
	free(x.fe);
	return ret;
}

int exchange_export_xml_file(struct store *st, FILE *f, struct xmlx_counts *counts)
{
	struct xmlx_writer *w;
	int ret;

	if (xmlx_writer_open_file(f, &w) != MB_OK)
		return MB_ERROR;
	ret = export_to(st, w, counts);
	xmlx_writer_free(w);
	if (ret == MB_OK && fflush(f) != 0)
		return error("cannot write the XML file: %s", strerror(errno));
	return ret;
}

int exchange_export_xml(struct store *st, const char *path, struct xmlx_counts *counts)
{
	struct strbuf tmp = STRBUF_INIT;
	struct xmlx_writer *w = NULL;
	struct stat sb;
	int ret = MB_ERROR;

	/*
	 * Only a regular file (or a new one) is replaced by renaming; a device,
	 * a pipe or a symbolic link is written in place, never replaced.
	 */
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (xmlx_writer_open(path, &w) != MB_OK)
			return MB_ERROR;
		ret = export_to(st, w, counts);
		xmlx_writer_free(w);
		return ret;
	}
	strbuf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	if (xmlx_writer_open(tmp.buf, &w) != MB_OK) {
		ret = error("cannot write '%s': %s", path, strerror(errno));
		goto cleanup;
	}
	ret = export_to(st, w, counts);
	xmlx_writer_free(w);	/* closes the file */
	w = NULL;
	if (ret == MB_OK && rename(tmp.buf, path) != 0)
		ret = error("cannot write '%s': %s", path, strerror(errno));
	if (ret != MB_OK)
		unlink(tmp.buf);
cleanup:
	strbuf_release(&tmp);
	return ret;
}

/* ---- import ---- */

/* foreach callbacks that stop at the first row, returning 1. */
static int any_receiver(const struct receiver *r, void *arg)
{
	return 1;
}

static int any_provider(const struct provider *p, void *arg)
{
	return 1;
}

static int any_payer(const struct payer *p, void *arg)
{
	return 1;
}

static int any_fee(const struct fee *f, void *arg)
{
	return 1;
}

static int any_patient(const struct patient *p, void *arg)
{
	return 1;
}

static int any_claim(const struct claim_row *r, void *arg)
{
	return 1;
}

static int any_ledger(const struct ledger_row *r, void *arg)
{
	return 1;
}

static int any_counter(const struct batch_counter *c, void *arg)
{
	return 1;
}

static int any_batch(const struct batch *b, void *arg)
{
	return 1;
}

/* 1 when the database holds an edit that is not a built-in one. */
static int any_custom_edit(struct store *st)
{
	struct scrub_edit *e = NULL;
	size_t n = 0, i;
	int ret = MB_OK;

	if (scrub_edits(st, &e, &n) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < n; i++)
		if (scrub_edit_custom(&e[i]))
			ret = 1;
	free(e);
	return ret;
}

/* MB_OK when the walk found nothing, 1 when it found a row, MB_ERROR on failure. */
static int holds(int rc, const char *what)
{
	if (rc == MB_OK)
		return MB_OK;
	if (rc == 1)
		return error("the database already holds %s: import into a new database "
			     "('medbill --db NEW.db init')", what);
	return MB_ERROR;
}

int exchange_check_empty(struct store *st)
{
	struct practice p;
	struct settings s;
	int rc;

	rc = practice_get(st, &p);
	if (rc != MB_NOTFOUND)
		return holds(rc == MB_OK ? 1 : rc, "a practice");
	rc = settings_get(st, &s);
	if (rc != MB_NOTFOUND)
		return holds(rc == MB_OK ? 1 : rc, "submitter settings");
	if (holds(receiver_foreach(st, any_receiver, NULL), "receivers") != MB_OK ||
	    holds(provider_foreach(st, PROVIDER_ANY, any_provider, NULL), "providers") != MB_OK ||
	    holds(payer_foreach(st, any_payer, NULL), "payers") != MB_OK ||
	    holds(fee_foreach(st, any_fee, NULL), "a fee schedule") != MB_OK ||
	    holds(patient_foreach(st, any_patient, NULL), "patients") != MB_OK ||
	    holds(claim_foreach(st, NULL, any_claim, NULL), "claims") != MB_OK ||
	    holds(ledger_foreach(st, NULL, any_ledger, NULL), "ledger rows") != MB_OK ||
	    holds(any_custom_edit(st), "payer or custom edits") != MB_OK ||
	    holds(batch_counter_each(st, any_counter, NULL), "control numbers") != MB_OK ||
	    holds(batch_each(st, any_batch, NULL), "batches") != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

/*
 * The import's state. A patient whose guarantor is not in yet (a later
 * patient of the file) waits in 'later', checked already, until the patients
 * section ends.
 */
struct imp {
	struct store *st;
	struct xmlx_handler *h;
	struct later {
		struct patient p;
		long line;
		int done;
	} *later;
	size_t nlater, later_alloc;
};

static int imp_practice(void *arg, struct practice *p)
{
	struct imp *im = arg;

	return practice_save(im->st, p);
}

static int imp_receiver(void *arg, struct receiver *r)
{
	return receiver_add(((struct imp *)arg)->st, r);
}

static int imp_settings(void *arg, struct settings *s)
{
	return settings_save(((struct imp *)arg)->st, s);
}

static int imp_provider(void *arg, struct provider *p)
{
	return provider_add(((struct imp *)arg)->st, p);
}

static int imp_payer(void *arg, struct payer *p)
{
	return payer_add(((struct imp *)arg)->st, p);
}

static int imp_fee(void *arg, struct fee *f, struct fee_expected *exp, int nexp)
{
	int i;

	struct store *st = ((struct imp *)arg)->st;

	if (fee_set(st, f, NULL) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < nexp; i++)
		if (fee_expected_set(st, &exp[i], NULL) != MB_OK)
			return error_prefix("'expected' for payer %lld", (long long)exp[i].payer);
	return MB_OK;
}

static int imp_patient(void *arg, struct patient *p)
{
	struct imp *im = arg;
	struct patient g;
	int rc;

	if (p->guarantor && p->guarantor != p->id) {
		rc = patient_get(im->st, p->guarantor, &g);
		if (rc == MB_ERROR)
			return MB_ERROR;
		if (rc == MB_NOTFOUND) {
			/* Check it now, where the reader knows its line; add it later. */
			patient_normalize(p);
			if (patient_validate(p) != MB_OK)
				return MB_ERROR;
			ALLOC_GROW(im->later, im->nlater + 1, im->later_alloc);
			im->later[im->nlater].p = *p;
			im->later[im->nlater].line = im->h->line;
			im->later[im->nlater].done = 0;
			im->nlater++;
			return MB_OK;
		}
	}
	return patient_add(im->st, p);
}

/* Add the waiting patients whose guarantors are in, until none is left. */
static int imp_later_patients(struct imp *im)
{
	struct patient g;
	struct later *l;
	size_t i, left = im->nlater;
	int progress = 1, rc;

	while (left && progress) {
		progress = 0;
		for (i = 0; i < im->nlater; i++) {
			l = &im->later[i];
			if (l->done)
				continue;
			rc = patient_get(im->st, l->p.guarantor, &g);
			if (rc == MB_NOTFOUND)
				continue;
			if (rc != MB_OK || patient_add(im->st, &l->p) != MB_OK)
				return error_prefix("line %ld: 'patient' id %lld", l->line, (long long)l->p.id);
			l->done = 1;
			left--;
			progress = 1;
		}
	}
	for (i = 0; i < im->nlater; i++) {
		size_t j;

		l = &im->later[i];
		if (l->done)
			continue;
		for (j = 0; j < im->nlater; j++)
			if (im->later[j].p.id == l->p.guarantor)
				return error("line %ld: 'patient' id %lld: 'guarantor': patient %lld waits for "
					     "a guarantor too: the guarantors go round in a circle",
					     l->line, (long long)l->p.id, (long long)l->p.guarantor);
		return error("line %ld: 'patient' id %lld: 'guarantor': no patient %lld in the file",
			     l->line, (long long)l->p.id, (long long)l->p.guarantor);
	}
	im->nlater = 0;
	return MB_OK;
}

static int imp_section_end(void *arg, const char *section)
{
	struct imp *im = arg;

	if (!strcmp(section, "patients"))
		return imp_later_patients(im);
	return MB_OK;
}

static int imp_coverage(void *arg, struct coverage *c)
{
	return coverage_add(((struct imp *)arg)->st, c);
}

static int imp_encounter(void *arg, struct encounter *e)
{
	return encounter_add(((struct imp *)arg)->st, e);
}

/*
 * Claims and ledger rows are stored as given, their references checked only
 * by the database's foreign keys. When an insert fails, name the reference
 * that is missing (the message so far is kept when none is).
 */
static int missing_charge(struct store *st, int64_t id)
{
	struct charge ch;

	if (id && encounter_charge_get(st, id, &ch) == MB_NOTFOUND)
		return error("'charge': no charge line %lld earlier in the file", (long long)id);
	return MB_OK;
}

static int missing_claim(struct store *st, const char *what, int64_t id)
{
	struct claim c;
	int rc;

	if (!id)
		return MB_OK;
	claim_init(&c);
	rc = claim_get(st, id, &c);
	claim_release(&c);
	if (rc == MB_NOTFOUND)
		return error("'%s': no claim %lld earlier in the file", what, (long long)id);
	return MB_OK;
}

static int missing_coverage(struct store *st, int64_t id)
{
	struct coverage c;

	if (id && coverage_get(st, id, &c) == MB_NOTFOUND)
		return error("'coverage': no coverage %lld earlier in the file", (long long)id);
	return MB_OK;
}

static int claim_failed(struct store *st, const struct claim *c)
{
	char msg[512];
	struct encounter e;
	int i, rc;

	snprintf(msg, sizeof(msg), "%s", error_last());
	encounter_init(&e);
	rc = encounter_get(st, c->encounter, &e);
	encounter_release(&e);
	if (rc == MB_NOTFOUND)
		return error("'encounter': no encounter %lld earlier in the file", (long long)c->encounter);
	if (missing_coverage(st, c->coverage) != MB_OK || missing_claim(st, "original", c->original) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < c->nlines; i++)
		if (missing_charge(st, c->lines[i]) != MB_OK)
			return MB_ERROR;
	return error("%s", msg);
}

static int ledger_failed(struct store *st, const struct ledger_row *r)
{
	char msg[512];
	struct ledger_row other;

	snprintf(msg, sizeof(msg), "%s", error_last());
	if (missing_charge(st, r->charge) != MB_OK || missing_claim(st, "claim", r->claim) != MB_OK ||
	    missing_coverage(st, r->coverage) != MB_OK)
		return MB_ERROR;
	if (r->reverses && ledger_get(st, r->reverses, &other) == MB_NOTFOUND)
		return error("'reverses': no ledger row %lld earlier in the file", (long long)r->reverses);
	return error("%s", msg);
}

static int imp_claim(void *arg, struct claim *c, int64_t batch, struct claim_event *ev, int nev)
{
	struct store *st = ((struct imp *)arg)->st;
	int i;

	if (claim_insert(st, c) != MB_OK)
		return claim_failed(st, c);
	if (batch && claim_set_batch(st, c->id, batch) != MB_OK)
		return MB_ERROR;
	for (i = 0; i < nev; i++)
		if (claim_event_insert(st, &ev[i]) != MB_OK)
			return error_prefix("'event' id %lld", (long long)ev[i].id);
	return MB_OK;
}

static int imp_ledger(void *arg, struct ledger_row *r)
{
	struct store *st = ((struct imp *)arg)->st;

	if (ledger_insert_raw(st, r) != MB_OK)
		return ledger_failed(st, r);
	return MB_OK;
}

static int imp_edit(void *arg, struct scrub_edit *e)
{
	return scrub_edit_add(((struct imp *)arg)->st, e);
}

static int imp_counter(void *arg, struct batch_counter *c)
{
	return batch_counter_import(((struct imp *)arg)->st, c);
}

static int imp_batch(void *arg, struct batch *b)
{
	return batch_import(((struct imp *)arg)->st, b);
}

static int imp_batch_set(void *arg, struct batch_set *s)
{
	return batch_set_import(((struct imp *)arg)->st, s);
}

static int imp_batch_claim(void *arg, struct batch_claim *c)
{
	return batch_claim_import(((struct imp *)arg)->st, c);
}

static int imp_finding(void *arg, struct scrub_finding *f)
{
	return scrub_finding_import(((struct imp *)arg)->st, f);
}

int exchange_import_xml(struct store *st, const char *path, struct xmlx_counts *counts)
{
	struct imp im = { 0 };
	struct xmlx_handler h = {
		.arg = &im,
		.practice = imp_practice,
		.receiver = imp_receiver,
		.settings = imp_settings,
		.provider = imp_provider,
		.payer = imp_payer,
		.fee = imp_fee,
		.patient = imp_patient,
		.coverage = imp_coverage,
		.encounter = imp_encounter,
		.claim = imp_claim,
		.ledger = imp_ledger,
		.edit = imp_edit,
		.counter = imp_counter,
		.batch = imp_batch,
		.batch_set = imp_batch_set,
		.batch_claim = imp_batch_claim,
		.finding = imp_finding,
		.section_end = imp_section_end,
	};
	int ret = MB_ERROR;

	im.st = st;
	im.h = &h;
	if (access(path, R_OK) != 0)
		return error("cannot open '%s': %s", path, strerror(errno));
	store_bulk_begin(st);
	if (store_begin(st) != MB_OK) {
		store_bulk_end(st);
		return MB_ERROR;
	}
	if (exchange_check_empty(st) != MB_OK ||
	    xmlx_read(path, &h, counts) != MB_OK)
		goto cleanup;
	if (batch_counters_restore(st) != MB_OK) {
		error_prefix("restoring the control numbers");
		goto cleanup;
	}
	if (ledger_rebuild_balances(st) != MB_OK) {
		error_prefix("rebuilding the balances");
		goto cleanup;
	}
	ret = MB_OK;
cleanup:
	if (ret == MB_OK) {
		ret = store_commit(st);
	} else {
		char msg[1024];

		/* The rollback must not lose the message. */
		snprintf(msg, sizeof(msg), "%s", error_last());
		store_rollback(st);
		error("%s", msg);
	}
	store_bulk_end(st);
	free(im.later);
	return ret;
}
