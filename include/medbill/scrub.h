/*
 * scrub.h: the claim scrubber, the edits a claim must pass before it is
 * batched into an 837P.
 *
 * Edits are data: the edits table (schema/0005_claims.sql) holds each edit's
 * code, severity, the 837P field it concerns, a message template and the
 * fix. The scrubber's code knows the built-in edits by their code; a payer
 * can override one (another severity, or 'off') or add a generic edit on a
 * named claim field (required, match, no_match, max_len) without any change
 * to the code. The field names a generic edit may use are:
 *   claim:  pcn, pos, prior_auth, payer_claim_no, member_id, group_no,
 *           relationship, patient_account, patient_phone, referring_npi,
 *           rendering_npi, rendering_taxonomy, facility_npi, diag (each code)
 *   line:   line.code, line.modifier (each), line.ndc, line.note
 *
 * A finding is one failed edit on one claim, with the rendered message
 * ("billing provider NPI 1234567890 fails its check digit"), the field and
 * the fix. Findings are stored with the claim on every scrub.
 */
#ifndef MEDBILL_SCRUB_H
#define MEDBILL_SCRUB_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "model.h"
#include "store.h"

enum scrub_severity {
	SCRUB_ERROR,
	SCRUB_WARNING,
	SCRUB_OFF,
};

/* "error", "warning", "off". */
const char *scrub_severity_name(enum scrub_severity s);
/* MB_OK, or MB_ERROR naming 'severity'. */
int scrub_severity_parse(const char *s, enum scrub_severity *out);

#define SCRUB_CODE_LEN 25
#define SCRUB_FIELD_LEN 41
#define SCRUB_TEXT_LEN 241

/* One edit: a row of the edits table. */
struct scrub_edit {
	int64_t id;
	char code[SCRUB_CODE_LEN];
	int64_t payer;			/* payers.id; 0: every payer */
	enum scrub_severity severity;
	char kind[10];			/* builtin required match no_match max_len */
	char subject[33];		/* the claim field of a generic edit */
	char arg[81];			/* its GLOB pattern or length */
	char field[SCRUB_FIELD_LEN];	/* where it lands: "2010AA NM109" */
	char message[SCRUB_TEXT_LEN];	/* template */
	char fix[SCRUB_TEXT_LEN];
	struct stamp created;
};

/* One failed edit on one claim. */
struct scrub_finding {
	int64_t claim;
	int seq;			/* 1..n within the claim */
	char code[SCRUB_CODE_LEN];
	enum scrub_severity severity;	/* SCRUB_ERROR or SCRUB_WARNING */
	int line;			/* LX of the line; 0: the claim */
	char field[SCRUB_FIELD_LEN];
	char message[SCRUB_TEXT_LEN];
	char fix[SCRUB_TEXT_LEN];
	struct stamp created;
};

/* The findings of one claim. The array is owned: scrub_result_release(). */
struct scrub_result {
	int64_t claim;
	int errors;
	int warnings;
	size_t n, alloc;
	struct scrub_finding *f;
};
void scrub_result_reset(struct scrub_result *r, int64_t claim);
void scrub_result_release(struct scrub_result *r);

/*
 * Everything one 837P claim carries, as the store reads it for the scrubber
 * and the builder: the claim, its encounter with the claim's lines in LX
 * order (enc.charges; LX is the index + 1) and the encounter's diagnoses,
 * the patient, the coverage billed with its payer and receiver, the other
 * coverages on file on the date of service, and the providers (id 0: none).
 * The charges array is owned: claim_data_release(). claim.lines is unused.
 */
#define CLAIM_DATA_OTHER 2
struct claim_data {
	struct claim claim;
	struct encounter enc;
	struct patient patient;
	struct coverage cov;		/* id 0: none */
	struct payer payer;
	int64_t receiver;		/* receivers.id; 0: none */
	struct provider rendering, referring, facility;
	int nother;
	struct coverage other[CLAIM_DATA_OTHER];
	struct payer other_payer[CLAIM_DATA_OTHER];
};
void claim_data_init(struct claim_data *cd);
void claim_data_release(struct claim_data *cd);

/*
 * A scrubber holds the edits, the practice, and caches of code-set lookups
 * (so scrubbing many claims costs a query per distinct code, not per claim).
 * scrub_open() reads them; the caller owns *out: scrub_close() it.
 */
struct scrubber;
int scrub_open(struct store *st, struct scrubber **out);
void scrub_close(struct scrubber *s);

/*
 * Run every edit on one claim. res is reset to cd's claim and filled with
 * the findings, in the order of the 837P. MB_OK (even with findings), or
 * MB_ERROR when a lookup fails.
 */
int scrub_claim(struct scrubber *s, const struct claim_data *cd, struct scrub_result *res);

/*
 * Store res as the claim's findings (earlier ones are cleared by the
 * caller), in the scrubber's store or, with scrub_store_to(), in st: the
 * builder reads and scrubs on one connection and writes on another.
 */
int scrub_store(struct scrubber *s, const struct scrub_result *res);
int scrub_store_to(struct store *st, const struct scrub_result *res);

/*
 * Scrub claims and store their findings, in one transaction: the named
 * claims (n > 0), else every ready claim that has a coverage. fn, when
 * given, is called once per claim in claim order with its findings; a
 * non-zero return stops. *nclaims counts the claims scrubbed and *errors
 * those with an error. MB_OK, MB_NOTFOUND for an unknown claim id, or
 * MB_ERROR. (A claim never carries more than MAX_CLAIM_LINES lines:
 * claim_create() splits an encounter's charges; LINES_MAX guards the rule.)
 */
typedef int (*scrub_fn)(const struct claim_data *cd, const struct scrub_result *res, void *arg);
int scrub_claims(struct store *st, const int64_t *ids, size_t n, scrub_fn fn, void *arg,
		 size_t *nclaims, size_t *errors);

/* The stored findings of one claim, in order; *out owned by the caller (free()). */
int scrub_findings(struct store *st, int64_t claim, struct scrub_finding **out, size_t *n);

/* A claim's stored findings, counted. */
struct scrub_count {
	int64_t claim;
	int errors, warnings;
};
/* Every claim that has findings, in claim order; *out owned by the caller (free()). */
int scrub_counts(struct store *st, struct scrub_count **out, size_t *n);

/* Every edit, built-in then by payer and code; *out owned by the caller (free()). */
int scrub_edits(struct store *st, struct scrub_edit **out, size_t *n);

/*
 * Add an edit (a payer's generic edit or a payer's override of a built-in
 * one). Validates the kind, the subject, the argument and the severity;
 * e->id is set. MB_OK or MB_ERROR naming the field.
 */
int scrub_edit_add(struct store *st, struct scrub_edit *e);

/* Render template with the named values ({value} {line} ...). */
void scrub_render(char *dst, size_t n, const char *template_, const char *const *names,
		  const char *const *values, size_t nvalues);

/*
 * ---- edits and findings in the exchange format (src/domain/batch_exchange.c) ----
 *
 * scrub_edit_custom(): whether an edit is not one of the built-in rows the
 * schema seeds (a payer's override, or a generic edit). The import adds
 * those with scrub_edit_add().
 */
bool scrub_edit_custom(const struct scrub_edit *e);
/* Every stored finding, by claim and seq; fn's non-zero return stops and is returned. */
typedef int (*scrub_finding_fn)(const struct scrub_finding *f, void *arg);
int scrub_finding_each(struct store *st, scrub_finding_fn fn, void *arg);
/* Insert a finding as it is (stamps kept), checking its claim, seq and severity. */
int scrub_finding_import(struct store *st, struct scrub_finding *f);

#endif
