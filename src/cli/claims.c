/*
 * claims.c (cli): 'claims scrub|build|list|resubmit|void|hold|release',
 * 'batches list' and 'edits list|add'.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "medbill/batch.h"
#include "medbill/claim.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "medbill/util.h"

/* Parse CLAIM_ID arguments into *ids (owned by the caller: free()). */
static int parse_ids(struct cli *c, char **args, int n, int64_t **ids)
{
	long long v;
	int i;

	*ids = xcalloc((size_t)(n ? n : 1), sizeof(**ids));
	for (i = 0; i < n; i++) {
		if (cli_parse_int(args[i], 1, INT64_MAX, &v) != MB_OK) {
			char msg[128];

			snprintf(msg, sizeof(msg), "'%s' is not a claim id", args[i]);
			free(*ids);
			*ids = NULL;
			return cli_usage(c, msg);
		}
		(*ids)[i] = v;
	}
	return EXIT_OK;
}

/* s cut and padded to width characters (UTF-8 aware) into buf. Returns buf. */
static const char *col(char *buf, size_t n, const char *s, int width)
{
	size_t o = 0;
	int w = 0;

	/* Copy whole characters: a lead byte counts, its continuation bytes follow it. */
	for (; *s && w < width && o + 4 < n; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
		buf[o++] = *s;
	}
	while (((unsigned char)*s & 0xC0) == 0x80 && o + 1 < n)
		buf[o++] = *s++;
	while (w++ < width && o + 1 < n)
		buf[o++] = ' ';
	buf[o] = '\0';
	return buf;
}

/* ---- claims scrub ---- */

static void print_finding(const struct scrub_finding *f)
{
	printf("  %-7s %s  %s: %s\n", scrub_severity_name(f->severity), f->code, f->field, f->message);
	printf("          fix: %s\n", f->fix);
}

struct scrub_print {
	size_t warned;
};

static int print_scrub(const struct claim_data *cd, const struct scrub_result *res, void *arg)
{
	struct scrub_print *p = arg;
	size_t i;

	if (!res->n)
		return 0;
	if (!res->errors)
		p->warned++;
	printf("claim %lld (%s): %d error%s, %d warning%s\n", (long long)cd->claim.id, cd->claim.pcn,
	       res->errors, res->errors == 1 ? "" : "s", res->warnings, res->warnings == 1 ? "" : "s");
	for (i = 0; i < res->n; i++)
		print_finding(&res->f[i]);
	return 0;
}

int cmd_claims_scrub(struct cli *c, int argc, char **argv)
{
	struct scrub_print p = { 0 };
	int64_t *ids = NULL;
	size_t n = 0, bad = 0;
	int i, rc;

	for (i = 0; i < argc; i++)
		if (argv[i][0] == '-')
			return cli_usage(c, "'claims scrub' takes claim ids only");
	if ((rc = parse_ids(c, argv, argc, &ids)) != EXIT_OK)
		return rc;
	if (!cli_store(c, 0)) {
		free(ids);
		return EXIT_USER;
	}
	rc = scrub_claims(c->st, ids, (size_t)argc, print_scrub, &p, &n, &bad);
	free(ids);
	fflush(stdout);
	if (rc != MB_OK)
		return cli_fail();
	cli_warnings();
	if (n == 0) {
		fprintf(stderr, "medbill: no ready claim to scrub\n");
		return EXIT_OK;
	}
	fprintf(stderr, "medbill: scrubbed %zu claim%s: %zu with errors, %zu with warnings only\n",
		n, n == 1 ? "" : "s", bad, p.warned);
	return bad ? EXIT_USER : EXIT_OK;
}

/* ---- claims build ---- */

int cmd_claims_build(struct cli *c, int argc, char **argv)
{
	struct build_opts o = { 0 };
	struct build_result r;
	char **idargs = xcalloc((size_t)argc + 1, sizeof(*idargs));
	int64_t *ids = NULL;
	char m[MONEY_BUF];
	const char *v;
	int i, nid = 0, rv, ret;
	size_t k;

	o.newlines = true;
	for (i = 0; i < argc; i++) {
		if ((rv = cli_opt_value(argc, argv, &i, "--out", &v)) != 0) {
			if (rv < 0 || !*v) {
				free(idargs);
				return cli_usage(c, "'--out' needs a folder");
			}
			o.outdir = v;
		} else if ((rv = cli_opt_value(argc, argv, &i, "--payer", &v)) != 0) {
			if (rv < 0 || !*v) {
				free(idargs);
				return cli_usage(c, "'--payer' needs a payer ID");
			}
			o.payer = v;
		} else if (!strcmp(argv[i], "--one-line")) {
			o.newlines = false;
		} else if (argv[i][0] == '-') {
			char msg[96];

			snprintf(msg, sizeof(msg), "unknown option '%s'", argv[i]);
			free(idargs);
			return cli_usage(c, msg);
		} else {
			idargs[nid++] = argv[i];
		}
	}
	if (!o.outdir) {
		free(idargs);
		return cli_usage(c, "'--out DIR' is required");
	}
	ret = parse_ids(c, idargs, nid, &ids);
	free(idargs);
	if (ret != EXIT_OK)
		return ret;
	o.ids = ids;
	o.nids = (size_t)nid;
	if (!cli_store(c, 0)) {
		free(ids);
		return EXIT_USER;
	}
	rv = batch_build(c->st, &o, &r);
	free(ids);
	/* The files written before a failure are sent: name them anyway. */
	for (k = 0; k < r.nfiles; k++)
		printf("%s\n", r.paths[k]);
	fflush(stdout);
	if (rv != MB_OK) {
		build_result_release(&r);
		return cli_fail();
	}
	cli_warnings();
	if (r.cleaned)
		fprintf(stderr, "medbill: cleaned up %zu interrupted build%s (see 'medbill batches list')\n",
			r.cleaned, r.cleaned == 1 ? "" : "s");
	if (r.nfiles)
		fprintf(stderr, "medbill: sent %zu claim%s (%zu line%s, %s) in %zu file%s\n", r.claims,
			r.claims == 1 ? "" : "s", r.lines, r.lines == 1 ? "" : "s",
			money_fmt_grouped(r.total, m), r.nfiles, r.nfiles == 1 ? "" : "s");
	else if (!r.held)
		fprintf(stderr, "medbill: nothing is ready to send\n");
	if (r.held)
		fprintf(stderr, "medbill: %zu claim%s held back by the scrubber: see 'medbill claims scrub'\n",
			r.held, r.held == 1 ? "" : "s");
	build_result_release(&r);
	return EXIT_OK;
}

/* ---- claims list ---- */

struct list_state {
	bool csv;
	const struct scrub_count *counts;
	size_t ncounts, at;
};

static int list_row(const struct claim_row *row, void *ud)
{
	struct list_state *ls = ud;
	const struct claim *cl = &row->claim;
	char id[24], pid[24], batch[24], total[MONEY_BUF], dos[DATE_ISO_LEN], name[100];
	char freq[2] = { cl->frequency, 0 }, errs[16], warns[16];
	int e = 0, w = 0;

	while (ls->at < ls->ncounts && ls->counts[ls->at].claim < cl->id)
		ls->at++;
	if (ls->at < ls->ncounts && ls->counts[ls->at].claim == cl->id) {
		e = ls->counts[ls->at].errors;
		w = ls->counts[ls->at].warnings;
	}
	snprintf(id, sizeof(id), "%lld", (long long)cl->id);
	snprintf(pid, sizeof(pid), "%lld", (long long)row->patient);
	if (row->batch)
		snprintf(batch, sizeof(batch), "%lld", (long long)row->batch);
	else
		batch[0] = '\0';
	snprintf(name, sizeof(name), "%s, %s", row->last, row->first);
	snprintf(errs, sizeof(errs), "%d", e);
	snprintf(warns, sizeof(warns), "%d", w);
	date_iso(row->dos, dos);
	money_fmt(cl->total, total);
	if (ls->csv) {
		csv_field(stdout, id, 1);
		csv_field(stdout, cl->pcn, 0);
		csv_field(stdout, pid, 0);
		csv_field(stdout, name, 0);
		csv_field(stdout, dos, 0);
		csv_field(stdout, row->payer_name, 0);
		csv_field(stdout, claim_status_name(cl->status), 0);
		csv_field(stdout, freq, 0);
		csv_field(stdout, total, 0);
		csv_field(stdout, batch, 0);
		csv_field(stdout, errs, 0);
		csv_field(stdout, warns, 0);
		csv_end(stdout);
	} else {
		char c1[100], c2[100];

		printf("%6s  %-20s  %s  %s  %s  %-9s  %s  %10s  %5s%s\n", id, cl->pcn, dos,
		       col(c1, sizeof(c1), name, 22),
		       col(c2, sizeof(c2), row->payer ? row->payer_name : "(patient)", 20),
		       claim_status_name(cl->status), freq, total, batch[0] ? batch : "-",
		       e ? "  errors" : w ? "  warnings" : "");
	}
	return 0;
}

int cmd_claims_list(struct cli *c, int argc, char **argv)
{
	struct claim_filter f;
	struct list_state ls = { 0 };
	struct scrub_count *counts = NULL;
	long long batch;
	const char *v;
	int i, rv;

	claim_filter_init(&f);
	for (i = 0; i < argc; i++) {
		if ((rv = cli_opt_value(argc, argv, &i, "--status", &v)) != 0) {
			if (rv < 0 || !*v)
				return cli_usage(c, "'--status' needs a status");
			if (claim_status_parse(v, &f.status) != MB_OK)
				return cli_fail();
			f.any_status = false;
		} else if ((rv = cli_opt_value(argc, argv, &i, "--batch", &v)) != 0) {
			if (rv < 0 || cli_parse_int(v, 1, INT64_MAX, &batch) != MB_OK)
				return cli_usage(c, "'--batch' needs a batch number");
			f.batch = batch;
		} else if (!strcmp(argv[i], "--csv")) {
			ls.csv = true;
		} else {
			char msg[96];

			snprintf(msg, sizeof(msg), "unknown argument '%s'", argv[i]);
			return cli_usage(c, msg);
		}
	}
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (scrub_counts(c->st, &counts, &ls.ncounts) != MB_OK)
		return cli_fail();
	ls.counts = counts;
	if (ls.csv) {
		static const char *const head[] = { "claim_id", "pcn", "patient_id", "patient", "dos", "payer",
						    "status", "frequency", "total", "batch_id", "errors", "warnings" };
		size_t k;

		for (k = 0; k < ARRAY_SIZE(head); k++)
			csv_field(stdout, head[k], k == 0);
		csv_end(stdout);
	} else {
		printf("%6s  %-20s  %-10s  %-22s  %-20s  %-9s  %s  %10s  %5s  %s\n", "ID", "PCN", "DOS",
		       "PATIENT", "PAYER", "STATUS", "F", "TOTAL", "BATCH", "SCRUB");
	}
	rv = claim_foreach(c->st, &f, list_row, &ls);
	free(counts);
	if (rv != MB_OK)
		return cli_fail();
	return EXIT_OK;
}

/* ---- claims resubmit | void | hold | release ---- */

static int one_claim(struct cli *c, int argc, char **argv, const char *opt, const char **optval,
		     int64_t *id)
{
	const char *v;
	long long n;
	int i, rv, have = 0;

	*optval = NULL;
	for (i = 0; i < argc; i++) {
		if (opt && (rv = cli_opt_value(argc, argv, &i, opt, &v)) != 0) {
			char msg[64];

			snprintf(msg, sizeof(msg), "'%s' needs a value", opt);
			if (rv < 0)
				return cli_usage(c, msg);
			*optval = v;
		} else if (argv[i][0] != '-' && !have && cli_parse_int(argv[i], 1, INT64_MAX, &n) == MB_OK) {
			*id = n;
			have = 1;
		} else {
			char msg[96];

			snprintf(msg, sizeof(msg), "unexpected argument '%s'", argv[i]);
			return cli_usage(c, msg);
		}
	}
	if (!have)
		return cli_usage(c, "a claim id is required");
	if (!cli_store(c, 0))
		return EXIT_USER;
	return EXIT_OK;
}

static int claims_follow_up(struct cli *c, int argc, char **argv, bool is_void)
{
	const char *icn;
	int64_t id = 0, nid = 0;
	int rc;

	if ((rc = one_claim(c, argc, argv, "--payer-claim-no", &icn, &id)) != EXIT_OK)
		return rc;
	rc = is_void ? claim_void(c->st, id, icn, &nid) : claim_resubmit(c->st, id, icn, &nid);
	if (rc != MB_OK)
		return cli_fail();
	printf("%lld\n", (long long)nid);
	fprintf(stderr, "medbill: claim %lld (frequency %c) %s claim %lld and is ready to send\n",
		(long long)nid, is_void ? '8' : '7', is_void ? "voids" : "replaces", (long long)id);
	return EXIT_OK;
}

int cmd_claims_resubmit(struct cli *c, int argc, char **argv)
{
	return claims_follow_up(c, argc, argv, false);
}

int cmd_claims_void(struct cli *c, int argc, char **argv)
{
	return claims_follow_up(c, argc, argv, true);
}

int cmd_claims_hold(struct cli *c, int argc, char **argv)
{
	const char *note;
	int64_t id;
	int rc;

	if ((rc = one_claim(c, argc, argv, "--note", &note, &id)) != EXIT_OK)
		return rc;
	if (claim_hold(c->st, id, note) != MB_OK)
		return cli_fail();
	fprintf(stderr, "medbill: claim %lld is on hold\n", (long long)id);
	return EXIT_OK;
}

int cmd_claims_release(struct cli *c, int argc, char **argv)
{
	const char *note;
	int64_t id;
	int rc;

	if ((rc = one_claim(c, argc, argv, "--note", &note, &id)) != EXIT_OK)
		return rc;
	if (claim_unhold(c->st, id, note) != MB_OK)
		return cli_fail();
	fprintf(stderr, "medbill: claim %lld is ready\n", (long long)id);
	return EXIT_OK;
}

/* ---- batches list ---- */

static int batch_row(const struct batch *b, void *arg)
{
	bool csv = *(bool *)arg;
	char id[24], isa[16], gs[16], st1[16], st2[16], claims[24], lines[24], total[MONEY_BUF], bytes[24];
	char usage[2] = { b->usage, 0 };

	snprintf(id, sizeof(id), "%lld", (long long)b->id);
	snprintf(isa, sizeof(isa), "%09lld", (long long)b->isa13);
	snprintf(gs, sizeof(gs), "%lld", (long long)b->gs06);
	snprintf(st1, sizeof(st1), "%04lld", (long long)b->st02_first);
	snprintf(st2, sizeof(st2), "%04lld", (long long)b->st02_last);
	snprintf(claims, sizeof(claims), "%lld", (long long)b->claims);
	snprintf(lines, sizeof(lines), "%lld", (long long)b->lines);
	snprintf(bytes, sizeof(bytes), "%lld", (long long)b->bytes);
	money_fmt(b->total, total);
	if (csv) {
		const char *f[] = { id, b->created.at, b->sent_at, b->receiver_name, b->submitter, usage, isa,
				    gs, st1, st2, batch_status_name(b->status), claims, lines, total, bytes,
				    b->path, b->note };
		size_t k;

		for (k = 0; k < ARRAY_SIZE(f); k++)
			csv_field(stdout, f[k], k == 0);
		csv_end(stdout);
	} else {
		const char *last = b->status == BATCH_PENDING || b->status == BATCH_ABANDONED ? b->note : b->path;

		char c1[100];

		printf("%5s  %-20s  %s  %s  %s  %-9s  %6s  %12s%s%s\n", id, b->created.at,
		       col(c1, sizeof(c1), b->receiver_name, 20), isa, usage, batch_status_name(b->status), claims, total,
		       *last ? "  " : "", last);
	}
	return 0;
}

int cmd_batches_list(struct cli *c, int argc, char **argv)
{
	bool csv = false;
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--csv"))
			csv = true;
		else
			return cli_usage(c, "'batches list' takes only --csv");
	}
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (csv) {
		static const char *const head[] = { "batch_id", "created_at", "sent_at", "receiver", "submitter",
						    "usage", "isa13", "gs06", "st02_first", "st02_last", "status",
						    "claims", "lines", "total", "bytes", "path", "note" };
		size_t k;

		for (k = 0; k < ARRAY_SIZE(head); k++)
			csv_field(stdout, head[k], k == 0);
		csv_end(stdout);
	} else {
		printf("%5s  %-20s  %-20s  %-9s  %s  %-9s  %6s  %12s  %s\n", "ID", "CREATED", "RECEIVER",
		       "ISA13", "U", "STATUS", "CLAIMS", "TOTAL", "FILE");
	}
	if (batch_each(c->st, batch_row, &csv) != MB_OK)
		return cli_fail();
	return EXIT_OK;
}

/* ---- edits list | add ---- */

int cmd_edits_list(struct cli *c, int argc, char **argv)
{
	struct scrub_edit *e = NULL;
	bool csv = false;
	size_t n = 0, i;
	char payer[24];

	for (i = 0; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "--csv"))
			csv = true;
		else
			return cli_usage(c, "'edits list' takes only --csv");
	}
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (scrub_edits(c->st, &e, &n) != MB_OK)
		return cli_fail();
	if (csv) {
		static const char *const head[] = { "edit_id", "code", "payer_id", "severity", "kind", "field",
						    "arg", "where", "message", "fix" };
		size_t k;

		for (k = 0; k < ARRAY_SIZE(head); k++)
			csv_field(stdout, head[k], k == 0);
		csv_end(stdout);
	}
	for (i = 0; i < n; i++) {
		char id[24];

		snprintf(id, sizeof(id), "%lld", (long long)e[i].id);
		if (e[i].payer)
			snprintf(payer, sizeof(payer), "%lld", (long long)e[i].payer);
		else
			payer[0] = '\0';
		if (csv) {
			const char *f[] = { id, e[i].code, payer, scrub_severity_name(e[i].severity), e[i].kind,
					    e[i].subject, e[i].arg, e[i].field, e[i].message, e[i].fix };
			size_t k;

			for (k = 0; k < ARRAY_SIZE(f); k++)
				csv_field(stdout, f[k], k == 0);
			csv_end(stdout);
		} else {
			printf("%-20s %-7s %-6s %-14s %s\n", e[i].code, scrub_severity_name(e[i].severity),
			       payer[0] ? payer : "all", e[i].field, e[i].message);
		}
	}
	free(e);
	return EXIT_OK;
}

int cmd_edits_add(struct cli *c, int argc, char **argv)
{
	static const struct { const char *opt; size_t off, size; } opts[] = {
		{ "--kind", offsetof(struct scrub_edit, kind), sizeof(((struct scrub_edit *)0)->kind) },
		{ "--field", offsetof(struct scrub_edit, subject), sizeof(((struct scrub_edit *)0)->subject) },
		{ "--arg", offsetof(struct scrub_edit, arg), sizeof(((struct scrub_edit *)0)->arg) },
		{ "--where", offsetof(struct scrub_edit, field), sizeof(((struct scrub_edit *)0)->field) },
		{ "--message", offsetof(struct scrub_edit, message), sizeof(((struct scrub_edit *)0)->message) },
		{ "--fix", offsetof(struct scrub_edit, fix), sizeof(((struct scrub_edit *)0)->fix) },
	};
	struct scrub_edit e;
	struct payer p;
	const char *v, *payer = NULL, *sev = "error";
	size_t k;
	int i, rv, have_code = 0;

	memset(&e, 0, sizeof(e));
	for (i = 0; i < argc; i++) {
		for (k = 0; k < ARRAY_SIZE(opts); k++) {
			if ((rv = cli_opt_value(argc, argv, &i, opts[k].opt, &v)) != 0) {
				char msg[64];

				snprintf(msg, sizeof(msg), "'%s' needs a value", opts[k].opt);
				if (rv < 0)
					return cli_usage(c, msg);
				if (strlen(v) >= opts[k].size)
					return cli_error("'%s': longer than %zu characters", opts[k].opt + 2,
							 opts[k].size - 1);
				strlcpy0((char *)&e + opts[k].off, v, opts[k].size);
				break;
			}
		}
		if (k < ARRAY_SIZE(opts))
			continue;
		if ((rv = cli_opt_value(argc, argv, &i, "--payer", &v)) != 0) {
			if (rv < 0)
				return cli_usage(c, "'--payer' needs a payer ID");
			payer = v;
		} else if ((rv = cli_opt_value(argc, argv, &i, "--severity", &v)) != 0) {
			if (rv < 0)
				return cli_usage(c, "'--severity' needs error, warning or off");
			sev = v;
		} else if (argv[i][0] != '-' && !have_code) {
			if (strlen(argv[i]) >= sizeof(e.code))
				return cli_error("'code': longer than %zu characters", sizeof(e.code) - 1);
			SCPY(e.code, argv[i]);
			have_code = 1;
		} else {
			char msg[96];

			snprintf(msg, sizeof(msg), "unexpected argument '%s'", argv[i]);
			return cli_usage(c, msg);
		}
	}
	if (!have_code)
		return cli_usage(c, "the edit's code is required");
	if (scrub_severity_parse(sev, &e.severity) != MB_OK)
		return cli_fail();
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (payer) {
		if (payer_get_by_payer_id(c->st, payer, &p) != MB_OK)
			return cli_error("'--payer': no payer with payer ID '%s'", payer);
		e.payer = p.id;
	}
	if (scrub_edit_add(c->st, &e) != MB_OK)
		return cli_fail();
	printf("%lld\n", (long long)e.id);
	return EXIT_OK;
}
