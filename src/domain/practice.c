/*
 * practice.c: rules for the practice, submitter settings, receivers,
 * providers and payers.
 */
#include <string.h>

#include "medbill/practice.h"
#include "medbill/store_entities.h"
#include "medbill/util.h"
#include "medbill/validate.h"

/* Run write(st, arg) in its own (nested) transaction. */
static int in_transaction(struct store *st, int (*write)(struct store *, void *), void *arg)
{
	int rc;

	if (store_begin(st) != MB_OK)
		return MB_ERROR;
	if ((rc = write(st, arg)) != MB_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

/* ---- practice ---- */

static void practice_normalize(struct practice *p)
{
	strtrim(p->name);
	normalize_digits(p->npi);
	normalize_digits(p->ein);
	normalize_code(p->taxonomy);
	normalize_address(&p->addr);
	normalize_digits(p->phone);
	if (p->has_payto)
		normalize_address(&p->payto);
}

int practice_validate(const struct practice *p)
{
	if (validate_text(p->name, "name", true) != MB_OK ||
	    validate_npi(p->npi, "npi") != MB_OK ||
	    validate_ein(p->ein, "ein") != MB_OK ||
	    validate_taxonomy(p->taxonomy, "taxonomy") != MB_OK ||
	    validate_address(&p->addr, "address", true) != MB_OK)
		return MB_ERROR;
	if (p->phone[0] && validate_phone(p->phone, "phone") != MB_OK)
		return MB_ERROR;
	if (p->has_payto && validate_address(&p->payto, "pay-to address", false) != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

int practice_get(struct store *st, struct practice *out)
{
	return store_practice_get(st, out);
}

static int practice_write(struct store *st, void *arg)
{
	struct practice old;
	int rc = store_practice_get(st, &old);

	if (rc == MB_NOTFOUND)
		return store_practice_insert(st, arg);
	if (rc != MB_OK)
		return MB_ERROR;
	return store_practice_update(st, arg);
}

int practice_save(struct store *st, struct practice *p)
{
	practice_normalize(p);
	if (practice_validate(p) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, practice_write, p);
}

int practice_counts(struct store *st, struct practice_counts *out)
{
	return store_practice_counts(st, out);
}

/* ---- settings ---- */

static void settings_normalize(struct settings *s)
{
	strtrim(s->submitter_name);
	strtrim(s->submitter_id);
	strtrim(s->contact_name);
	normalize_digits(s->contact_phone);
	strtrim(s->contact_email);
	normalize_code(s->isa_qual);
	strtrim(s->isa_id);
	strtrim(s->gs_id);
	if (!s->isa_qual[0])
		SCPY(s->isa_qual, "ZZ");
	if (!s->usage)
		s->usage = 'T';
}

/* An ISA/GS identifier (at most 15 characters: the struct holds no more). */
static int validate_x12_id(const char *v, const char *field)
{
	return validate_text(v, field, true);
}

static int validate_isa_qual(const char *v, const char *field)
{
	static const char *const quals[] = { "01", "14", "20", "27", "28", "29", "30", "33", "ZZ" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(quals); i++)
		if (!strcmp(quals[i], v))
			return MB_OK;
	return error("'%s': '%s' is not an ISA qualifier (ZZ, 01, 30, ...)", field, v);
}

int settings_validate(const struct settings *s)
{
	if (validate_text(s->submitter_name, "submitter name", true) != MB_OK ||
	    validate_text(s->submitter_id, "submitter id", true) != MB_OK ||
	    validate_text(s->contact_name, "contact name", true) != MB_OK ||
	    validate_text(s->contact_email, "contact email", false) != MB_OK)
		return MB_ERROR;
	if (s->contact_phone[0] && validate_phone(s->contact_phone, "contact phone") != MB_OK)
		return MB_ERROR;
	if (!s->contact_phone[0] && !s->contact_email[0])
		return error("'contact phone' or 'contact email' is required");
	if (validate_isa_qual(s->isa_qual, "isa qualifier") != MB_OK ||
	    validate_x12_id(s->isa_id, "isa id") != MB_OK ||
	    validate_x12_id(s->gs_id, "gs id") != MB_OK)
		return MB_ERROR;
	if (s->usage != 'T' && s->usage != 'P')
		return error("'usage': '%c' is not T (test) or P (production)", s->usage);
	return MB_OK;
}

int settings_get(struct store *st, struct settings *out)
{
	return store_settings_get(st, out);
}

static int settings_write(struct store *st, void *arg)
{
	struct settings *s = arg, old;
	struct receiver r;
	int rc;

	if (s->default_receiver && store_receiver_get(st, s->default_receiver, &r) != MB_OK)
		return error("'default receiver': no receiver %lld", (long long)s->default_receiver);
	rc = store_settings_get(st, &old);
	if (rc == MB_NOTFOUND)
		return store_settings_insert(st, s);
	if (rc != MB_OK)
		return MB_ERROR;
	return store_settings_update(st, s);
}

int settings_save(struct store *st, struct settings *s)
{
	settings_normalize(s);
	if (settings_validate(s) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, settings_write, s);
}

/* ---- receivers ---- */

int receiver_validate(const struct receiver *r)
{
	if (validate_text(r->name, "name", true) != MB_OK ||
	    validate_text(r->receiver_id, "receiver id", true) != MB_OK ||
	    validate_isa_qual(r->isa_qual, "isa qualifier") != MB_OK ||
	    validate_x12_id(r->isa_id, "isa id") != MB_OK ||
	    validate_x12_id(r->gs_id, "gs id") != MB_OK)
		return MB_ERROR;
	return MB_OK;
}

static int receiver_write(struct store *st, void *arg)
{
	return store_receiver_insert(st, arg);
}

int receiver_add(struct store *st, struct receiver *r)
{
	strtrim(r->name);
	strtrim(r->receiver_id);
	normalize_code(r->isa_qual);
	if (!r->isa_qual[0])
		SCPY(r->isa_qual, "ZZ");
	strtrim(r->isa_id);
	strtrim(r->gs_id);
	if (receiver_validate(r) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, receiver_write, r);
}

int receiver_get(struct store *st, int64_t id, struct receiver *out)
{
	return store_receiver_get(st, id, out);
}

int receiver_foreach(struct store *st, receiver_fn fn, void *arg)
{
	return store_receiver_foreach(st, fn, arg);
}

/* ---- providers ---- */

static const char *const kind_names[] = {
	[PROV_RENDERING] = "rendering",
	[PROV_REFERRING] = "referring",
	[PROV_FACILITY] = "facility",
};

const char *provider_kind_name(enum provider_kind k)
{
	if ((unsigned)k >= ARRAY_SIZE(kind_names))
		return "";
	return kind_names[k];
}

int provider_kind_parse(const char *s, enum provider_kind *out, const char *field)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(kind_names); i++) {
		if (!strcmp(kind_names[i], s)) {
			*out = (enum provider_kind)i;
			return MB_OK;
		}
	}
	return error("'%s': '%s' is not rendering, referring or facility", field, s ? s : "");
}

static void provider_normalize(struct provider *p)
{
	strtrim(p->last);
	strtrim(p->first);
	normalize_digits(p->npi);
	normalize_code(p->taxonomy);
	normalize_address(&p->addr);
}

int provider_validate(const struct provider *p)
{
	if ((unsigned)p->kind >= ARRAY_SIZE(kind_names))
		return error("'kind': %d is not rendering, referring or facility", (int)p->kind);
	if (validate_text(p->last, p->kind == PROV_FACILITY ? "name" : "last name", true) != MB_OK ||
	    validate_text(p->first, "first name", p->kind == PROV_RENDERING) != MB_OK ||
	    validate_npi(p->npi, "npi") != MB_OK)
		return MB_ERROR;
	if ((p->taxonomy[0] || p->kind == PROV_RENDERING) &&
	    validate_taxonomy(p->taxonomy, "taxonomy") != MB_OK)
		return MB_ERROR;
	if (p->kind == PROV_FACILITY)
		return validate_address(&p->addr, "address", true);
	if (!address_empty(&p->addr))
		return validate_address(&p->addr, "address", false);
	return MB_OK;
}

static int provider_insert(struct store *st, void *arg)
{
	return store_provider_insert(st, arg);
}

static int provider_write(struct store *st, void *arg)
{
	return store_provider_update(st, arg);
}

int provider_add(struct store *st, struct provider *p)
{
	provider_normalize(p);
	if (provider_validate(p) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, provider_insert, p);
}

int provider_get(struct store *st, int64_t id, struct provider *out)
{
	return store_provider_get(st, id, out);
}

int provider_update(struct store *st, struct provider *p)
{
	provider_normalize(p);
	if (!p->id)
		return error("'provider': no id to update");
	if (provider_validate(p) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, provider_write, p);
}

int provider_foreach(struct store *st, int kind, provider_fn fn, void *arg)
{
	if (kind != PROVIDER_ANY && (kind < 0 || (size_t)kind >= ARRAY_SIZE(kind_names)))
		return error("'kind': %d is not rendering, referring or facility", kind);
	return store_provider_foreach(st, kind, fn, arg);
}

/* ---- payers ---- */

static void payer_normalize(struct payer *p)
{
	strtrim(p->name);
	normalize_code(p->payer_id);
	normalize_code(p->filing_code);
	normalize_address(&p->addr);
	if (!p->timely_days)
		p->timely_days = 365;
}

int payer_validate(const struct payer *p)
{
	if (validate_text(p->name, "name", true) != MB_OK ||
	    validate_text(p->payer_id, "payer id", true) != MB_OK ||
	    validate_filing_code(p->filing_code, "filing code") != MB_OK)
		return MB_ERROR;
	if (strlen(p->payer_id) < 2)
		return error("'payer id': '%s' is shorter than 2 characters", p->payer_id);
	if (p->timely_days <= 0 || p->timely_days > 3650)
		return error("'timely days': %d is not between 1 and 3650", p->timely_days);
	if (!address_empty(&p->addr))
		return validate_address(&p->addr, "address", false);
	return MB_OK;
}

/* The payer ID is unused by any payer but p itself, and p's receiver exists. */
static int payer_check_refs(struct store *st, const struct payer *p)
{
	struct payer other;
	struct receiver r;
	int rc = store_payer_get_by_payer_id(st, p->payer_id, &other);

	if (rc == MB_OK && other.id != p->id)
		return error("'payer id': '%s' is already used by payer %lld", p->payer_id,
			     (long long)other.id);
	if (rc == MB_ERROR)
		return MB_ERROR;
	if (p->receiver && store_receiver_get(st, p->receiver, &r) != MB_OK)
		return error("'receiver': no receiver %lld", (long long)p->receiver);
	return MB_OK;
}

static int payer_insert(struct store *st, void *arg)
{
	if (payer_check_refs(st, arg) != MB_OK)
		return MB_ERROR;
	return store_payer_insert(st, arg);
}

static int payer_write(struct store *st, void *arg)
{
	if (payer_check_refs(st, arg) != MB_OK)
		return MB_ERROR;
	return store_payer_update(st, arg);
}

int payer_add(struct store *st, struct payer *p)
{
	payer_normalize(p);
	if (payer_validate(p) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, payer_insert, p);
}

int payer_get(struct store *st, int64_t id, struct payer *out)
{
	return store_payer_get(st, id, out);
}

int payer_get_by_payer_id(struct store *st, const char *payer_id, struct payer *out)
{
	char id[sizeof(out->payer_id)];

	SCPY(id, payer_id);
	return store_payer_get_by_payer_id(st, normalize_code(id), out);
}

int payer_update(struct store *st, struct payer *p)
{
	payer_normalize(p);
	if (!p->id)
		return error("'payer': no id to update");
	if (payer_validate(p) != MB_OK)
		return MB_ERROR;
	return in_transaction(st, payer_write, p);
}

int payer_foreach(struct store *st, payer_fn fn, void *arg)
{
	return store_payer_foreach(st, fn, arg);
}
