/*
 * exchange_fields.c: which struct member each element of the exchange
 * format holds (schema/medbill.xsd), in XSD order.
 */
#include <stddef.h>
#include <string.h>

#include "exchange_priv.h"

#define MSIZE(st, m) sizeof(((st *)0)->m)
#define TEXT(n, st, m) { n, XF_TEXT, offsetof(st, m), MSIZE(st, m), 0, NULL, NULL }
#define CHR(n, st, m) { n, XF_CHAR, offsetof(st, m), 0, 0, NULL, NULL }
#define ID(n, st, m) { n, XF_ID, offsetof(st, m), 0, 0, NULL, NULL }
#define INT(n, st, m) { n, XF_INT, offsetof(st, m), 0, 0, NULL, NULL }
#define I64(n, st, m) { n, XF_I64, offsetof(st, m), 0, 0, NULL, NULL }
#define DATE(n, st, m) { n, XF_DATE, offsetof(st, m), 0, 0, NULL, NULL }
#define MONEY(n, st, m) { n, XF_MONEY, offsetof(st, m), 0, 0, NULL, NULL }
#define BOOL(n, st, m) { n, XF_BOOL, offsetof(st, m), 0, 0, NULL, NULL }
#define ENUM(n, st, m, names) { n, XF_ENUM, offsetof(st, m), MSIZE(st, m), 0, names, NULL }
#define TEXTS(n, st, m) \
	{ n, XF_TEXTS, offsetof(st, m), MSIZE(st, m[0]), (int)(MSIZE(st, m) / MSIZE(st, m[0])), NULL, NULL }
#define INTS(n, st, m) \
	{ n, XF_INTS, offsetof(st, m), 0, (int)(MSIZE(st, m) / MSIZE(st, m[0])), NULL, NULL }
#define GROUP(n, off, sub) { n, XF_GROUP, (off), 0, 0, NULL, sub }
#define END { NULL, XF_TEXT, 0, 0, 0, NULL, NULL }

/* The enums written by name are int-sized. */
_Static_assert(sizeof(enum provider_kind) == sizeof(int), "enum provider_kind is not an int");
_Static_assert(sizeof(enum claim_status) == sizeof(int), "enum claim_status is not an int");
_Static_assert(sizeof(enum ledger_kind) == sizeof(int), "enum ledger_kind is not an int");
_Static_assert(sizeof(enum batch_status) == sizeof(int), "enum batch_status is not an int");
_Static_assert(sizeof(enum scrub_severity) == sizeof(int), "enum scrub_severity is not an int");

const char *const xsection_names[XS_END] = {
	[XS_RECEIVERS] = "receivers",
	[XS_PROVIDERS] = "providers",
	[XS_PAYERS] = "payers",
	[XS_FEES] = "fees",
	[XS_PATIENTS] = "patients",
	[XS_COVERAGES] = "coverages",
	[XS_ENCOUNTERS] = "encounters",
	[XS_CLAIMS] = "claims",
	[XS_LEDGER] = "ledger",
	[XS_EDITS] = "edits",
	[XS_COUNTERS] = "control-numbers",
	[XS_BATCHES] = "batches",
	[XS_BATCH_SETS] = "batch-sets",
	[XS_BATCH_CLAIMS] = "batch-claims",
	[XS_FINDINGS] = "findings",
};

const char *const xnames_provider_kind[] = {
	[PROV_RENDERING] = "rendering",
	[PROV_REFERRING] = "referring",
	[PROV_FACILITY] = "facility",
	NULL,
};

#define CLAIM_NAME_(n, s, d) [CLAIM_##n] = s,
const char *const xnames_claim_status[] = { CLAIM_STATUSES(CLAIM_NAME_) NULL };
#undef CLAIM_NAME_

const char *const xnames_ledger_kind[] = {
	[LEDGER_CHARGE] = "charge",
	[LEDGER_INS_PAYMENT] = "ins_payment",
	[LEDGER_PAT_PAYMENT] = "pat_payment",
	[LEDGER_ADJUSTMENT] = "adjustment",
	[LEDGER_TRANSFER] = "transfer",
	[LEDGER_REFUND] = "refund",
	[LEDGER_WRITEOFF] = "writeoff",
	[LEDGER_REVERSAL] = "reversal",
	NULL,
};

#define BATCH_NAME_(n, s) [BATCH_##n] = s,
const char *const xnames_batch_status[] = { BATCH_STATUSES(BATCH_NAME_) NULL };
#undef BATCH_NAME_

const char *const xnames_severity[] = {
	[SCRUB_ERROR] = "error",
	[SCRUB_WARNING] = "warning",
	[SCRUB_OFF] = "off",
	NULL,
};

static const struct xfield f_address[] = {
	TEXT("line1", struct address, line1),
	TEXT("line2", struct address, line2),
	TEXT("city", struct address, city),
	TEXT("state", struct address, state),
	TEXT("zip", struct address, zip),
	END
};

static const struct xfield f_practice[] = {
	TEXT("name", struct practice, name),
	TEXT("npi", struct practice, npi),
	TEXT("ein", struct practice, ein),
	TEXT("taxonomy", struct practice, taxonomy),
	GROUP("address", offsetof(struct practice, addr), f_address),
	TEXT("phone", struct practice, phone),
	GROUP("pay-to", offsetof(struct practice, payto), f_address),
	END
};

static const struct xfield f_receiver[] = {
	TEXT("name", struct receiver, name),
	TEXT("receiver-id", struct receiver, receiver_id),
	TEXT("isa-qualifier", struct receiver, isa_qual),
	TEXT("isa-id", struct receiver, isa_id),
	TEXT("gs-id", struct receiver, gs_id),
	END
};

static const struct xfield f_settings[] = {
	TEXT("submitter-name", struct settings, submitter_name),
	TEXT("submitter-id", struct settings, submitter_id),
	TEXT("contact-name", struct settings, contact_name),
	TEXT("contact-phone", struct settings, contact_phone),
	TEXT("contact-email", struct settings, contact_email),
	TEXT("isa-qualifier", struct settings, isa_qual),
	TEXT("isa-id", struct settings, isa_id),
	TEXT("gs-id", struct settings, gs_id),
	CHR("usage", struct settings, usage),
	ID("default-receiver", struct settings, default_receiver),
	END
};

static const struct xfield f_provider[] = {
	ENUM("kind", struct provider, kind, xnames_provider_kind),
	TEXT("last-name", struct provider, last),
	TEXT("first-name", struct provider, first),
	TEXT("npi", struct provider, npi),
	TEXT("taxonomy", struct provider, taxonomy),
	GROUP("address", offsetof(struct provider, addr), f_address),
	BOOL("active", struct provider, active),
	END
};

static const struct xfield f_payer[] = {
	TEXT("name", struct payer, name),
	TEXT("payer-id", struct payer, payer_id),
	TEXT("filing-code", struct payer, filing_code),
	GROUP("address", offsetof(struct payer, addr), f_address),
	INT("timely-days", struct payer, timely_days),
	ID("receiver", struct payer, receiver),
	END
};

static const struct xfield f_fee[] = {
	TEXT("code", struct fee, code),
	MONEY("amount", struct fee, fee),
	TEXT("description", struct fee, description),
	END
};

static const struct xfield f_patient[] = {
	TEXT("account", struct patient, account),
	TEXT("last-name", struct patient, last),
	TEXT("first-name", struct patient, first),
	TEXT("middle-name", struct patient, middle),
	DATE("birth-date", struct patient, dob),
	CHR("sex", struct patient, sex),
	GROUP("address", offsetof(struct patient, addr), f_address),
	TEXT("phone", struct patient, phone),
	ID("guarantor", struct patient, guarantor),
	END
};

/* Offsets from struct coverage: the group has no struct of its own. */
static const struct xfield f_subscriber[] = {
	TEXT("last-name", struct coverage, sub_last),
	TEXT("first-name", struct coverage, sub_first),
	TEXT("middle-name", struct coverage, sub_middle),
	DATE("birth-date", struct coverage, sub_dob),
	CHR("sex", struct coverage, sub_sex),
	GROUP("address", offsetof(struct coverage, sub_addr), f_address),
	END
};

static const struct xfield f_coverage[] = {
	ID("patient", struct coverage, patient),
	ID("payer", struct coverage, payer),
	INT("sequence", struct coverage, seq),
	TEXT("member-id", struct coverage, member_id),
	TEXT("group-number", struct coverage, group_no),
	TEXT("relationship", struct coverage, relationship),
	GROUP("subscriber", 0, f_subscriber),
	DATE("effective", struct coverage, effective),
	DATE("end", struct coverage, end),
	TEXT("insurance-type", struct coverage, insurance_type),
	END
};

/* Followed by <diagnoses> and <charges>, written by hand. */
static const struct xfield f_encounter[] = {
	ID("patient", struct encounter, patient),
	DATE("service-date", struct encounter, dos),
	ID("rendering", struct encounter, rendering),
	ID("referring", struct encounter, referring),
	ID("facility", struct encounter, facility),
	TEXT("place-of-service", struct encounter, pos),
	TEXT("prior-auth", struct encounter, prior_auth),
	DATE("onset-date", struct encounter, onset),
	DATE("accident-date", struct encounter, accident),
	TEXT("accident-code", struct encounter, accident_code),
	TEXT("accident-state", struct encounter, accident_state),
	END
};

static const struct xfield f_drug[] = {
	TEXT("ndc", struct charge, ndc),
	TEXT("unit", struct charge, ndc_unit),
	TEXT("quantity", struct charge, ndc_qty),
	END
};

static const struct xfield f_charge[] = {
	INT("line", struct charge, line),
	TEXT("code", struct charge, code),
	TEXTS("modifier", struct charge, mods),
	INT("units", struct charge, units),
	MONEY("amount", struct charge, amount),
	INTS("pointer", struct charge, ptrs),
	GROUP("drug", 0, f_drug),
	TEXT("note", struct charge, note),
	END
};

/* Followed by <lines> and <history>, written by hand. */
static const struct xfield f_claim[] = {
	ID("encounter", struct xclaim, claim.encounter),
	ID("coverage", struct xclaim, claim.coverage),
	TEXT("pcn", struct xclaim, claim.pcn),
	CHR("frequency", struct xclaim, claim.frequency),
	ID("original", struct xclaim, claim.original),
	TEXT("payer-claim-number", struct xclaim, claim.payer_claim_no),
	ID("batch", struct xclaim, batch),
	ENUM("status", struct xclaim, claim.status, xnames_claim_status),
	MONEY("total", struct xclaim, claim.total),
	END
};

static const struct xfield f_event[] = {
	ENUM("status", struct claim_event, status, xnames_claim_status),
	TEXT("note", struct claim_event, note),
	END
};

static const struct xfield f_ledger[] = {
	ENUM("kind", struct ledger_row, kind, xnames_ledger_kind),
	ID("charge", struct ledger_row, charge),
	ID("claim", struct ledger_row, claim),
	ID("coverage", struct ledger_row, coverage),
	MONEY("amount", struct ledger_row, amount),
	DATE("posted", struct ledger_row, posted),
	TEXT("group", struct ledger_row, group),
	TEXT("reason", struct ledger_row, reason),
	ID("transfer", struct ledger_row, xfer),
	ID("reverses", struct ledger_row, reverses),
	TEXT("credit-reason", struct ledger_row, credit_reason),
	TEXT("reference", struct ledger_row, reference),
	TEXT("note", struct ledger_row, note),
	END
};

static const struct xfield f_edit[] = {
	TEXT("code", struct scrub_edit, code),
	ID("payer", struct scrub_edit, payer),
	ENUM("severity", struct scrub_edit, severity, xnames_severity),
	TEXT("kind", struct scrub_edit, kind),
	TEXT("subject", struct scrub_edit, subject),
	TEXT("arg", struct scrub_edit, arg),
	TEXT("field", struct scrub_edit, field),
	TEXT("message", struct scrub_edit, message),
	TEXT("fix", struct scrub_edit, fix),
	END
};

static const struct xfield f_counter[] = {
	TEXT("submitter", struct batch_counter, submitter),
	I64("isa13", struct batch_counter, isa13),
	I64("gs06", struct batch_counter, gs06),
	I64("st02", struct batch_counter, st02),
	END
};

static const struct xfield f_batch[] = {
	TEXT("kind", struct batch, kind),
	ID("receiver", struct batch, receiver),
	TEXT("submitter", struct batch, submitter),
	CHR("usage", struct batch, usage),
	I64("isa13", struct batch, isa13),
	I64("gs06", struct batch, gs06),
	I64("st02-first", struct batch, st02_first),
	I64("st02-last", struct batch, st02_last),
	ENUM("status", struct batch, status, xnames_batch_status),
	TEXT("path", struct batch, path),
	TEXT("tmp-path", struct batch, tmp_path),
	I64("claims", struct batch, claims),
	I64("lines", struct batch, lines),
	MONEY("total", struct batch, total),
	I64("bytes", struct batch, bytes),
	TEXT("note", struct batch, note),
	TEXT("sent-at", struct batch, sent_at),
	END
};

static const struct xfield f_batch_set[] = {
	ID("batch", struct batch_set, batch),
	I64("st02", struct batch_set, st02),
	TEXT("bht03", struct batch_set, bht03),
	I64("claims", struct batch_set, claims),
	I64("segments", struct batch_set, segments),
	END
};

static const struct xfield f_batch_claim[] = {
	ID("batch", struct batch_claim, batch),
	I64("seq", struct batch_claim, seq),
	I64("st02", struct batch_claim, st02),
	ID("claim", struct batch_claim, claim),
	TEXT("pcn", struct batch_claim, pcn),
	CHR("frequency", struct batch_claim, frequency),
	I64("lines", struct batch_claim, lines),
	MONEY("total", struct batch_claim, total),
	END
};

static const struct xfield f_finding[] = {
	ID("claim", struct scrub_finding, claim),
	INT("seq", struct scrub_finding, seq),
	TEXT("code", struct scrub_finding, code),
	ENUM("severity", struct scrub_finding, severity, xnames_severity),
	INT("line", struct scrub_finding, line),
	TEXT("field", struct scrub_finding, field),
	TEXT("message", struct scrub_finding, message),
	TEXT("fix", struct scrub_finding, fix),
	END
};

#define OFF(st, m) ((long)offsetof(st, m))

const struct xrecord xrec_practice = {
	"practice", -1, OFF(struct practice, created), OFF(struct practice, updated), f_practice
};
const struct xrecord xrec_receiver = {
	"receiver", OFF(struct receiver, id), OFF(struct receiver, created), -1, f_receiver
};
const struct xrecord xrec_settings = {
	"settings", -1, -1, OFF(struct settings, updated), f_settings
};
const struct xrecord xrec_provider = {
	"provider", OFF(struct provider, id), OFF(struct provider, created), -1, f_provider
};
const struct xrecord xrec_payer = {
	"payer", OFF(struct payer, id), OFF(struct payer, created), -1, f_payer
};
const struct xrecord xrec_fee = {
	"fee", -1, OFF(struct fee, created), -1, f_fee
};
const struct xrecord xrec_patient = {
	"patient", OFF(struct patient, id), OFF(struct patient, created), OFF(struct patient, updated), f_patient
};
const struct xrecord xrec_coverage = {
	"coverage", OFF(struct coverage, id), OFF(struct coverage, created), OFF(struct coverage, updated),
	f_coverage
};
const struct xrecord xrec_encounter = {
	"encounter", OFF(struct encounter, id), OFF(struct encounter, created), -1, f_encounter
};
const struct xrecord xrec_charge = {
	"charge", OFF(struct charge, id), OFF(struct charge, created), -1, f_charge
};
const struct xrecord xrec_claim = {
	"claim", OFF(struct xclaim, claim.id), OFF(struct xclaim, claim.created), -1, f_claim
};
const struct xrecord xrec_event = {
	"event", OFF(struct claim_event, id), OFF(struct claim_event, created), -1, f_event
};
const struct xrecord xrec_ledger = {
	"entry", OFF(struct ledger_row, id), OFF(struct ledger_row, created), -1, f_ledger
};

const struct xrecord xrec_edit = {
	"edit", -1, OFF(struct scrub_edit, created), -1, f_edit
};
const struct xrecord xrec_counter = {
	"counter", -1, -1, OFF(struct batch_counter, updated), f_counter
};
const struct xrecord xrec_batch = {
	"batch", OFF(struct batch, id), OFF(struct batch, created), -1, f_batch
};
const struct xrecord xrec_batch_set = {
	"set", -1, -1, -1, f_batch_set
};
const struct xrecord xrec_batch_claim = {
	"batch-claim", -1, -1, -1, f_batch_claim
};
const struct xrecord xrec_finding = {
	"finding", -1, OFF(struct scrub_finding, created), -1, f_finding
};

int xfield_empty(const struct xfield *f, const void *base)
{
	const char *p = (const char *)base + f->off;
	const struct xfield *s;
	int i;

	switch (f->type) {
	case XF_TEXT:
		return !p[0];
	case XF_CHAR:
		return !*p;
	case XF_ID: {
		int64_t v;

		memcpy(&v, p, sizeof(v));
		return !v;
	}
	case XF_DATE: {
		mbdate_t v;

		memcpy(&v, p, sizeof(v));
		return !v;
	}
	case XF_TEXTS:
		for (i = 0; i < f->count; i++)
			if (p[(size_t)i * f->size])
				return 0;
		return 1;
	case XF_INTS:
		for (i = 0; i < f->count; i++) {
			int v;

			memcpy(&v, p + (size_t)i * sizeof(int), sizeof(v));
			if (v)
				return 0;
		}
		return 1;
	case XF_GROUP:
		for (s = f->sub; s->name; s++)
			if (!xfield_empty(s, p))
				return 0;
		return 1;
	case XF_INT:
	case XF_I64:
	case XF_MONEY:
	case XF_BOOL:
	case XF_ENUM:
		return 0;
	}
	return 0;
}
