/*
 * tui_claims.c: the claims work list. Filters (f): status, payer,
 * rendering provider and a date-of-service range; it opens on the ready
 * claims. Columns: claim number, patient, DOS, payer, billed, balance, age
 * in days and status. Enter opens a claim; Space marks claims and b builds
 * the 837P batch of the marked ones (or of every clean ready claim),
 * showing the files and their control numbers; h holds, r releases, 7 makes
 * a replacement and 8 a void (through the claim lifecycle of batch.h,
 * which records who and when).
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/batch.h"
#include "medbill/claim.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "tui_priv.h"

#define CLAIMS_MAX 2000

struct claims_state {
	struct claim_filter f;
	char payer_name[61], provider_name[100];
	struct tui_list list;
	struct tui_rows rows;
	int count;		/* matching claims, beyond those listed too */
	cents_t billed, balance;
	int wide;		/* extra columns for names */
	char find[64];		/* the last '/' text */
};

struct claims_walk {
	struct tui_screen *s;
	struct strbuf sb;
	mbdate_t today;
};

static int claims_row(const struct claim_row *r, void *ud)
{
	struct claims_walk *w = ud;
	struct claims_state *cs = w->s->priv;
	char dos[DATE_ISO_LEN], name[100];
	int age;

	cs->count++;
	cs->billed += r->claim.total;
	cs->balance += r->balance;
	if (cs->rows.n >= CLAIMS_MAX)
		return 0;
	date_iso(r->dos, dos);
	age = date_diff_days(w->today, r->dos);
	snprintf(name, sizeof(name), "%s, %s", r->last, r->first);
	strbuf_reset(&w->sb);
	tui_fit(&w->sb, r->claim.pcn, 12, false);
	strbuf_addch(&w->sb, ' ');
	tui_fit(&w->sb, name, 10 + cs->wide / 2, false);
	strbuf_addf(&w->sb, " %-10s ", dos);
	tui_fit(&w->sb, r->payer ? r->payer_name : "(patient)", 8 + cs->wide - cs->wide / 2, false);
	strbuf_addch(&w->sb, ' ');
	tui_money(&w->sb, r->claim.total, 9);
	strbuf_addch(&w->sb, ' ');
	tui_money(&w->sb, r->balance, 9);
	strbuf_addf(&w->sb, " %3d ", age > 999 ? 999 : age);
	tui_fit(&w->sb, claim_status_name(r->claim.status), 9, false);
	tui_rows_add(&cs->rows, strbuf_str(&w->sb), r->claim.id);
	return 0;
}

static int load(struct tui_screen *s)
{
	struct claims_state *cs = s->priv;
	struct claims_walk w = { s, STRBUF_INIT, date_today() };
	int sel = tui_list_current(&cs->list), rc;

	tui_rows_clear(&cs->rows);
	cs->count = 0;
	cs->billed = cs->balance = 0;
	rc = claim_foreach(s->tui->st, &cs->f, claims_row, &w);
	strbuf_release(&w.sb);
	if (rc != MB_OK)
		return MB_ERROR;
	tui_list_set(&cs->list, cs->rows.rows, cs->rows.n, sel);
	return MB_OK;
}

static int claims_open(struct tui_screen *s, const void *arg)
{
	struct claims_state *cs = xcalloc(1, sizeof(*cs));

	s->priv = cs;
	claim_filter_init(&cs->f);
	cs->f.any_status = false;
	cs->f.status = CLAIM_READY;
	tui_rows_init(&cs->rows);
	tui_list_init(&cs->list, true);
	if (load(s) != MB_OK) {
		tui_rows_release(&cs->rows);
		free(cs);
		return MB_ERROR;
	}
	return MB_OK;
}

static void claims_layout(struct tui_screen *s)
{
	struct claims_state *cs = s->priv;
	int w = getmaxx(s->win);

	cs->wide = w - 80 > 0 ? (w - 80 > 40 ? 40 : w - 80) : 0;
	werase(s->win);
	tui_list_place(&cs->list, s->win, 3, 1, getmaxy(s->win) - 4, w - 2);
	load(s);
}

static void claims_draw(struct tui_screen *s)
{
	struct claims_state *cs = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN], m1[MONEY_BUF], m2[MONEY_BUF];

	date_iso(cs->f.from, from);
	date_iso(cs->f.to, to);
	strbuf_addf(&sb, "Status %s  Payer %s  Provider %s  DOS %s..%s",
		    cs->f.any_status ? "any" : claim_status_name(cs->f.status),
		    cs->f.payer ? cs->payer_name : "any", cs->f.provider ? cs->provider_name : "any",
		    from[0] ? from : "", to[0] ? to : "");
	wmove(s->win, 0, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 0, 1, -1, strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d claim%s, billed %s, open %s%s", cs->count, cs->count == 1 ? "" : "s",
		    money_fmt_grouped(cs->billed, m1), money_fmt_grouped(cs->balance, m2),
		    cs->count > cs->rows.n ? "; the first ones are listed: filter to see others" : "");
	wmove(s->win, 1, 0);
	wclrtoeol(s->win);
	wattrset(s->win, tui_attr(s->tui, TA_DIM));
	tui_put(s->win, 1, 1, -1, strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, "Claim", 12, false);
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, "Patient", 10 + cs->wide / 2, false);
	strbuf_addf(&sb, " %-10s ", "DOS");
	tui_fit(&sb, "Payer", 8 + cs->wide - cs->wide / 2, false);
	strbuf_adds(&sb, "    Billed   Balance Age Status");
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	wmove(s->win, 2, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 2, 1, -1, strbuf_str(&sb));
	wattrset(s->win, A_NORMAL);
	tui_list_draw(s->tui, &cs->list, "no claim matches: f changes the filter");
	strbuf_release(&sb);
}

static int payer_row(const struct payer *p, void *arg)
{
	tui_rows_add(arg, p->name, p->id);
	return MB_OK;
}

static int provider_row(const struct provider *p, void *arg)
{
	char name[100];

	snprintf(name, sizeof(name), "%s, %s", p->last, p->first);
	tui_rows_add(arg, name, p->id);
	return MB_OK;
}

/* One filter: a pick list, or a date at the prompt. */
static void choose_filter(struct tui_screen *s)
{
	static const char *const what[] = {
		"Status", "Payer", "Rendering provider", "DOS from", "DOS to", "Clear the filters",
	};
	struct claims_state *cs = s->priv;
	struct tui *t = s->tui;
	struct tui_rows r;
	char buf[32];
	mbdate_t d;
	int i, got;

	tui_rows_init(&r);
	for (i = 0; i < (int)ARRAY_SIZE(what); i++)
		tui_rows_add(&r, what[i], i);
	got = tui_pick(t, "Filter the claims by", r.rows, r.n, 0);
	tui_rows_clear(&r);
	switch (got) {
	case 0:
		tui_rows_add(&r, "any", -1);
		for (i = 0; i < CLAIM_STATUS_COUNT; i++) {
			snprintf(buf, sizeof(buf), "%-10s", claim_status_name((enum claim_status)i));
			tui_rows_add(&r, buf, i);
		}
		got = tui_pick(t, "Status", r.rows, r.n, cs->f.any_status ? 0 : (int)cs->f.status + 1);
		if (got >= 0) {
			cs->f.any_status = r.ids[got] < 0;
			if (r.ids[got] >= 0)
				cs->f.status = (enum claim_status)r.ids[got];
		}
		break;
	case 1:
		tui_rows_add(&r, "any", 0);
		if (payer_foreach(t->st, payer_row, &r) != MB_OK)
			tui_fail(t);
		got = tui_pick(t, "Payer", r.rows, r.n, 0);
		if (got >= 0) {
			cs->f.payer = r.ids[got];
			SCPY(cs->payer_name, r.rows[got]);
		}
		break;
	case 2:
		tui_rows_add(&r, "any", 0);
		if (provider_foreach(t->st, PROV_RENDERING, provider_row, &r) != MB_OK)
			tui_fail(t);
		got = tui_pick(t, "Rendering provider", r.rows, r.n, 0);
		if (got >= 0) {
			cs->f.provider = r.ids[got];
			SCPY(cs->provider_name, r.rows[got]);
		}
		break;
	case 3:
	case 4:
		date_iso(got == 3 ? cs->f.from : cs->f.to, buf);
		if (!tui_prompt(t, got == 3 ? "DOS from (YYYY-MM-DD, empty: open):" :
				"DOS to (YYYY-MM-DD, empty: open):", buf, sizeof(buf)))
			break;
		d = 0;
		if (buf[0] && date_parse(buf, &d, got == 3 ? "dos from" : "dos to") != MB_OK) {
			tui_fail(t);
			break;
		}
		if (got == 3)
			cs->f.from = d;
		else
			cs->f.to = d;
		break;
	case 5:
		claim_filter_init(&cs->f);
		break;
	default:
		break;
	}
	tui_rows_release(&r);
	if (load(s) != MB_OK)
		tui_fail(t);
}

/* Hold, release, resubmit or void the claim under the cursor. */
static void lifecycle(struct tui_screen *s, int64_t id, enum tui_action act)
{
	struct tui *t = s->tui;
	struct claim c;
	int64_t new_id = 0;
	int rc;

	claim_init(&c);
	if (claim_get(t->st, id, &c) != MB_OK) {
		tui_fail(t);
		return;
	}
	switch (act) {
	case ACT_HOLD:
		rc = claim_hold(t->st, id, NULL);
		break;
	case ACT_RELEASE:
		rc = claim_unhold(t->st, id, NULL);
		break;
	case ACT_RESUBMIT:
		if (!tui_confirm(t, "Send a replacement (7) of claim %s?", c.pcn)) {
			claim_release(&c);
			return;
		}
		rc = claim_resubmit(t->st, id, NULL, &new_id);
		break;
	default:
		if (!tui_confirm(t, "Void claim %s (8)?", c.pcn)) {
			claim_release(&c);
			return;
		}
		rc = claim_void(t->st, id, NULL, &new_id);
		break;
	}
	if (rc != MB_OK) {
		tui_fail(t);
	} else {
		struct claim n;

		claim_init(&n);
		if (new_id && claim_get(t->st, new_id, &n) == MB_OK)
			tui_msg(t, "claim %s: %s made, %s, ready to send", c.pcn,
				act == ACT_RESUBMIT ? "replacement" : "void", n.pcn);
		else
			tui_msg(t, "claim %s %s", c.pcn, act == ACT_HOLD ? "held" : "released");
		claim_release(&n);
	}
	claim_release(&c);
}

/* b: build 837P batches from the marked claims, or every clean ready claim. */
static void build(struct tui_screen *s)
{
	struct claims_state *cs = s->priv;
	struct tui *t = s->tui;
	struct build_opts o;
	struct build_result r;
	struct tui_rows info;
	int64_t *ids = xcalloc((size_t)cs->rows.n + 1, sizeof(*ids));
	char dir[BATCH_PATH_MAX], line[BATCH_PATH_MAX + 80], m[MONEY_BUF], *slash;
	size_t i, n = 0;

	for (i = 0; i < (size_t)cs->rows.n; i++)
		if (tui_list_marked(&cs->list, (int)i))
			ids[n++] = cs->rows.ids[i];
	SCPY(dir, store_path(t->st));
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		SCPY(dir, ".");
	if (!tui_prompt(t, n ? "Write the batch of the marked claims to folder:" :
			"Write a batch of every clean ready claim to folder:", dir, sizeof(dir))) {
		free(ids);
		return;
	}
	memset(&o, 0, sizeof(o));
	memset(&r, 0, sizeof(r));
	o.outdir = dir;
	o.ids = n ? ids : NULL;
	o.nids = n;
	o.newlines = true;
	if (batch_build(t->st, &o, &r) != MB_OK) {
		tui_fail(t);
		free(ids);
		return;
	}
	tui_rows_init(&info);
	for (i = 0; i < r.nfiles; i++) {
		struct batch b;

		tui_rows_add(&info, r.paths[i], 0);
		if (batch_get(t->st, r.batches[i], &b) == MB_OK) {
			snprintf(line, sizeof(line), "  batch %lld to %s", (long long)b.id, b.receiver_name);
			tui_rows_add(&info, line, 0);
			snprintf(line, sizeof(line), "  ISA13 %09lld  GS06 %lld  ST02 %04lld-%04lld",
				 (long long)b.isa13, (long long)b.gs06, (long long)b.st02_first,
				 (long long)b.st02_last);
			tui_rows_add(&info, line, 0);
			snprintf(line, sizeof(line), "  %lld claim%s, %lld line%s, %s", (long long)b.claims,
				 b.claims == 1 ? "" : "s", (long long)b.lines, b.lines == 1 ? "" : "s",
				 money_fmt_grouped(b.total, m));
			tui_rows_add(&info, line, 0);
		}
	}
	if (r.held) {
		snprintf(line, sizeof(line), "%zu ready claim%s held back by the scrubber: see their findings",
			 r.held, r.held == 1 ? "" : "s");
		tui_rows_add(&info, line, 0);
	}
	if (r.nfiles)
		tui_pick(t, "Batch built", info.rows, info.n, 0);
	tui_msg(t, r.nfiles ? "%zu claim%s sent in %zu file%s" : "nothing to send: no clean ready claim",
		r.claims, r.claims == 1 ? "" : "s", r.nfiles, r.nfiles == 1 ? "" : "s");
	tui_rows_release(&info);
	build_result_release(&r);
	free(ids);
	if (load(s) != MB_OK)
		tui_fail(t);
}

enum tui_action tui_claim_action(struct tui_screen *s, int64_t id, enum tui_action act)
{
	switch (act) {
	case ACT_HOLD:
	case ACT_RELEASE:
	case ACT_RESUBMIT:
	case ACT_VOID:
		lifecycle(s, id, act);
		return ACT_NONE;
	default:
		return act;
	}
}

static enum tui_action claims_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct claims_state *cs = s->priv;
	int cur = tui_list_current(&cs->list);

	if (tui_list_move(&cs->list, act))
		return ACT_NONE;
	switch (act) {
	case ACT_FILTER:
		choose_filter(s);
		return ACT_NONE;
	case ACT_ENTER:
		if (cur >= 0)
			tui_push(s->tui, &tui_claim_ops, &cs->rows.ids[cur]);
		return ACT_NONE;
	case ACT_BUILD:
		build(s);
		return ACT_NONE;
	case ACT_SEARCH:
		tui_list_search(s->tui, &cs->list, cs->find, sizeof(cs->find));
		return ACT_NONE;
	case ACT_MARK:
		if (tui_list_toggle_mark(&cs->list))
			tui_list_move(&cs->list, ACT_DOWN);
		return ACT_NONE;
	case ACT_HOLD:
	case ACT_RELEASE:
	case ACT_RESUBMIT:
	case ACT_VOID:
		if (cur < 0)
			return ACT_NONE;
		tui_claim_action(s, cs->rows.ids[cur], act);
		if (load(s) != MB_OK)
			tui_fail(s->tui);
		return ACT_NONE;
	default:
		return act;
	}
}

static void claims_resume(struct tui_screen *s)
{
	if (load(s) != MB_OK)
		tui_fail(s->tui);
}

static void claims_close(struct tui_screen *s)
{
	struct claims_state *cs = s->priv;

	tui_list_release(&cs->list);
	tui_rows_release(&cs->rows);
	free(cs);
}

static const enum tui_action claims_bar[] = {
	ACT_HELP, ACT_FILTER, ACT_MARK, ACT_BUILD, ACT_HOLD, ACT_RELEASE, ACT_RESUBMIT, ACT_VOID,
	ACT_BACK, ACT_NONE
};

const struct tui_screen_ops tui_claims_ops = {
	.name = "Claims",
	.keymap = KM_CLAIMS,
	.bar = claims_bar,
	.open = claims_open,
	.layout = claims_layout,
	.draw = claims_draw,
	.key = claims_key,
	.resume = claims_resume,
	.close = claims_close,
};

void tui_claim_findings(struct tui *t, int64_t claim, struct tui_rows *out)
{
	struct scrub_finding *f = NULL;
	char line[SCRUB_TEXT_LEN * 2 + 80];
	size_t n = 0, i;

	if (scrub_findings(t->st, claim, &f, &n) != MB_OK) {
		tui_fail(t);
		return;
	}
	tui_rows_add(out, "", 0);
	tui_rows_add(out, n ? "Findings of the scrubber" : "Findings of the scrubber: none", 0);
	for (i = 0; i < n; i++) {
		char where[16] = "claim";

		if (f[i].line)
			snprintf(where, sizeof(where), "line %d", f[i].line);
		snprintf(line, sizeof(line), "  %-7s %-7s %s: %s", scrub_severity_name(f[i].severity),
			 where, f[i].field, f[i].message);
		tui_rows_add(out, line, 0);
		if (f[i].fix[0]) {
			snprintf(line, sizeof(line), "                  fix: %s", f[i].fix);
			tui_rows_add(out, line, 0);
		}
	}
	free(f);
}
