/*
 * claim.c: claims, their status history, and making the claims of an
 * encounter.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medbill/claim.h"
#include "medbill/ledger.h"
#include "medbill/store.h"
#include "medbill/store_ledger.h"
#include "medbill/util.h"

#define STATUS_NAME_(n, s, d) s,
#define STATUS_DESC_(n, s, d) d,
static const char *const status_names[] = { CLAIM_STATUSES(STATUS_NAME_) };
static const char *const status_descs[] = { CLAIM_STATUSES(STATUS_DESC_) };
#undef STATUS_NAME_
#undef STATUS_DESC_

const char *claim_status_name(enum claim_status s)
{
	return (int)s >= 0 && s < CLAIM_STATUS_COUNT ? status_names[s] : "?";
}

const char *claim_status_desc(enum claim_status s)
{
	return (int)s >= 0 && s < CLAIM_STATUS_COUNT ? status_descs[s] : "?";
}

int claim_status_parse(const char *s, enum claim_status *out)
{
	int i;

	for (i = 0; s && i < CLAIM_STATUS_COUNT; i++) {
		if (!strcasecmp(s, status_names[i])) {
			*out = (enum claim_status)i;
			return MB_OK;
		}
	}
	return error("'status': '%s' is not a claim status", s ? s : "");
}

void claim_init(struct claim *c)
{
	memset(c, 0, sizeof(*c));
}

void claim_release(struct claim *c)
{
	free(c->lines);
	memset(c, 0, sizeof(*c));
}

int claim_get(struct store *st, int64_t id, struct claim *out)
{
	return store_claim_get(st, id, NULL, out);
}

int claim_get_by_pcn(struct store *st, const char *pcn, struct claim *out)
{
	return store_claim_get(st, 0, pcn ? pcn : "", out);
}

int claim_set_status(struct store *st, int64_t id, enum claim_status status, const char *note)
{
	struct claim c = { 0 };
	struct claim_event ev = { 0 };
	int ret = MB_ERROR;

	if ((int)status < 0 || status >= CLAIM_STATUS_COUNT)
		return error("'status': %d is not a claim status", (int)status);
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if ((ret = store_claim_get(st, id, NULL, &c)) != MB_OK)
		goto cleanup;
	if (c.status == CLAIM_VOID && status != CLAIM_VOID) {
		ret = error("'status': claim %lld is void and stays void", (long long)id);
		goto cleanup;
	}
	if ((ret = store_claim_set_status(st, id, claim_status_name(status))) != MB_OK)
		goto cleanup;
	ev.claim = id;
	ev.status = status;
	SCPY(ev.note, note ? note : "");
	ret = store_claim_event_insert(st, &ev);
cleanup:
	claim_release(&c);
	if (ret != MB_OK) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st);
}

/* Run one store update inside its own transaction. */
static int claim_update(struct store *st, int (*fn)(struct store *, int64_t, const void *),
			int64_t id, const void *arg)
{
	int ret;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	ret = fn(st, id, arg);
	if (ret != MB_OK) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st);
}

static int set_icn(struct store *st, int64_t id, const void *arg)
{
	return store_claim_set_payer_claim_no(st, id, arg);
}

static int set_batch(struct store *st, int64_t id, const void *arg)
{
	return store_claim_set_batch(st, id, *(const int64_t *)arg);
}

int claim_set_payer_claim_no(struct store *st, int64_t id, const char *icn)
{
	if (icn && strlen(icn) > 50)
		return error("'payer_claim_no': '%s' is longer than 50 characters", icn);
	return claim_update(st, set_icn, id, icn ? icn : "");
}

int claim_set_batch(struct store *st, int64_t id, int64_t batch)
{
	if (batch < 0)
		return error("'batch': %lld is not a batch number", (long long)batch);
	return claim_update(st, set_batch, id, &batch);
}

struct history_acc {
	struct claim_event *ev;
	size_t n, alloc;
};

static int history_add(const struct claim_event *ev, void *ud)
{
	struct history_acc *h = ud;

	ALLOC_GROW(h->ev, h->n + 1, h->alloc);
	h->ev[h->n++] = *ev;
	return 0;
}

int claim_history(struct store *st, int64_t claim, struct claim_event **out, size_t *n)
{
	struct history_acc h = { NULL, 0, 0 };

	*out = NULL;
	*n = 0;
	if (store_claim_event_foreach(st, claim, history_add, &h) != MB_OK) {
		free(h.ev);
		return MB_ERROR;
	}
	*out = h.ev;
	*n = h.n;
	return MB_OK;
}

int claim_event_foreach(struct store *st, int64_t claim, claim_event_fn fn, void *ud)
{
	return store_claim_event_foreach(st, claim, fn, ud);
}

void claim_filter_init(struct claim_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->any_status = true;
}

int claim_foreach(struct store *st, const struct claim_filter *f, claim_row_fn fn, void *ud)
{
	struct claim_filter all;

	if (!f) {
		claim_filter_init(&all);
		f = &all;
	}
	if (!f->any_status && ((int)f->status < 0 || f->status >= CLAIM_STATUS_COUNT))
		return error("'status': %d is not a claim status", (int)f->status);
	if (f->from && f->to && f->from > f->to)
		return error("'from': the date range ends before it begins");
	return store_claim_foreach(st, f, fn, ud);
}

/*
 * The pcn for claim id of account: "<account>-<id>" with the account kept to
 * letters, digits and '-' in upper case and cut to fit 20 characters; when
 * an imported claim already holds it, "C<id>" and then "C<id>A".."C<id>Z".
 */
static int make_pcn(struct store *st, const char *account, int64_t id, char pcn[21])
{
	char num[24], acct[21], tmp[64];
	size_t room, i, n = 0;
	int rc, k;

	snprintf(num, sizeof(num), "%lld", (long long)id);
	room = strlen(num) < 19 ? 19 - strlen(num) : 0;
	for (i = 0; account[i] && n < room && n < sizeof(acct) - 1; i++)
		if (isalnum((unsigned char)account[i]) || account[i] == '-')
			acct[n++] = (char)toupper((unsigned char)account[i]);
	acct[n] = '\0';
	for (k = n ? -2 : -1; k < 26; k++) {
		if (k == -2)
			snprintf(tmp, sizeof(tmp), "%s-%s", acct, num);
		else if (k == -1)
			snprintf(tmp, sizeof(tmp), "C%s", num);
		else
			snprintf(tmp, sizeof(tmp), "C%.18s%c", num, 'A' + k);
		strlcpy0(pcn, tmp, 21);
		rc = store_claim_pcn_taken(st, pcn);
		if (rc < 0)
			return MB_ERROR;
		if (rc == 0)
			return MB_OK;
	}
	return error("'pcn': no free patient control number for claim %lld", (long long)id);
}

int claim_add(struct store *st, struct claim *c, const char *note)
{
	struct store_enc_charges enc = { 0 };
	struct store_coverage_info cov;
	struct claim orig = { 0 };
	struct claim_event ev = { 0 };
	int i, j, ret = MB_ERROR;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_encounter_charges(st, c->encounter, &enc) != MB_OK)
		goto cleanup;
	if (c->nlines < 1 || c->nlines > MAX_CLAIM_LINES) {
		error("'lines': a claim carries 1 to %d lines, not %d", MAX_CLAIM_LINES, c->nlines);
		goto cleanup;
	}
	if (!c->frequency)
		c->frequency = '1';
	if (!strchr("178", c->frequency)) {
		error("'frequency': '%c' is not a claim frequency (1, 7 or 8)", c->frequency);
		goto cleanup;
	}
	if ((int)c->status < 0 || c->status >= CLAIM_STATUS_COUNT) {
		error("'status': %d is not a claim status", (int)c->status);
		goto cleanup;
	}
	if (c->coverage) {
		if (store_coverage_info(st, c->coverage, &cov) != MB_OK)
			goto cleanup;
		if (cov.patient != enc.patient) {
			error("'coverage': coverage %lld is not a coverage of the encounter's patient",
			      (long long)c->coverage);
			goto cleanup;
		}
	}
	if (c->original) {
		if (store_claim_get(st, c->original, NULL, &orig) != MB_OK)
			goto cleanup;
		if (orig.encounter != c->encounter) {
			error("'original': claim %lld is for another encounter", (long long)c->original);
			goto cleanup;
		}
	}
	c->total = 0;
	for (i = 0; i < c->nlines; i++) {
		for (j = 0; j < i; j++) {
			if (c->lines[j] == c->lines[i]) {
				error("'lines': charge line %lld appears twice", (long long)c->lines[i]);
				goto cleanup;
			}
		}
		for (j = 0; j < enc.ncharges && enc.charge[j] != c->lines[i]; j++)
			;
		if (j == enc.ncharges) {
			error("'lines': charge line %lld is not a charge of encounter %lld",
			      (long long)c->lines[i], (long long)c->encounter);
			goto cleanup;
		}
		c->total += enc.amount[j];
	}
	if (c->id == 0 && store_claim_next_id(st, &c->id) != MB_OK)
		goto cleanup;
	if (!c->pcn[0] && make_pcn(st, enc.account, c->id, c->pcn) != MB_OK)
		goto cleanup;
	memset(&c->created, 0, sizeof(c->created));
	if (store_claim_insert(st, c, 0) != MB_OK)
		goto cleanup;
	ev.claim = c->id;
	ev.status = c->status;
	SCPY(ev.note, note ? note : "");
	ret = store_claim_event_insert(st, &ev);
cleanup:
	store_enc_charges_release(&enc);
	claim_release(&orig);
	if (ret != MB_OK) {
		store_rollback(st);
		return MB_ERROR;
	}
	return store_commit(st);
}

int claim_insert(struct store *st, const struct claim *c)
{
	struct claim copy = *c;
	int ret;

	if (copy.nlines > MAX_CLAIM_LINES)
		return error("'lines': claim '%s' has %d lines, more than %d", c->pcn, c->nlines,
			     MAX_CLAIM_LINES);
	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	ret = store_claim_insert(st, &copy, 0);
	if (ret != MB_OK) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st);
}

int claim_event_insert(struct store *st, const struct claim_event *ev)
{
	struct claim_event copy = *ev;

	return store_claim_event_insert(st, &copy);
}

void claim_posting_release(struct claim_posting *p)
{
	free(p->claims);
	memset(p, 0, sizeof(*p));
}

int claim_create(struct store *st, int64_t encounter, struct claim_posting *out)
{
	struct store_enc_charges enc = { 0 };
	struct claim_posting post = { 0 };
	struct claim c;
	char note[64];
	int first, n, i, rc, ret = MB_ERROR;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if (store_encounter_charges(st, encounter, &enc) != MB_OK)
		goto cleanup;
	if (enc.nclaims) {
		error("'encounter': encounter %lld already has claims", (long long)encounter);
		goto cleanup;
	}
	if (!enc.ncharges) {
		error("'encounter': encounter %lld has no charge lines", (long long)encounter);
		goto cleanup;
	}
	rc = store_coverage_on(st, enc.patient, enc.dos, &post.coverage, &post.payer);
	if (rc == MB_ERROR)
		goto cleanup;
	snprintf(note, sizeof(note), "created from encounter %lld", (long long)encounter);
	post.claims = xcalloc((size_t)(enc.ncharges + MAX_CLAIM_LINES - 1) / MAX_CLAIM_LINES,
			      sizeof(*post.claims));
	for (first = 0; first < enc.ncharges; first += n) {
		n = enc.ncharges - first;
		if (n > MAX_CLAIM_LINES)
			n = MAX_CLAIM_LINES;
		claim_init(&c);
		c.encounter = encounter;
		c.coverage = post.coverage;
		c.frequency = '1';
		c.status = post.coverage ? CLAIM_READY : CLAIM_PATIENT;
		c.nlines = n;
		c.lines = enc.charge + first;
		if (claim_add(st, &c, note) != MB_OK)
			goto cleanup;
		post.claims[post.nclaims++] = c.id;
		for (i = first; i < first + n; i++) {
			struct ledger_row r = { 0 };

			r.kind = LEDGER_CHARGE;
			r.charge = enc.charge[i];
			r.claim = c.id;
			r.coverage = post.coverage;
			r.amount = enc.amount[i];
			if (ledger_post(st, &r) != MB_OK)
				goto cleanup;
			post.total += enc.amount[i];
		}
	}
	ret = MB_OK;
cleanup:
	store_enc_charges_release(&enc);
	if (ret != MB_OK) {
		claim_posting_release(&post);
		store_rollback(st);
		return MB_ERROR;
	}
	if (store_commit(st) != MB_OK) {
		claim_posting_release(&post);
		return MB_ERROR;
	}
	if (out)
		*out = post;
	else
		claim_posting_release(&post);
	return MB_OK;
}
