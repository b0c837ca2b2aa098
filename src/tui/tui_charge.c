/*
 * tui_charge.c: charge entry for one patient's visit.
 *
 * Three parts, in the order a clerk fills them (Tab at the end of one goes
 * to the next):
 *   header     date of service (today), rendering provider (F4 picks; the
 *              last one the patient saw), place of service (11), referring
 *              provider (F4), prior authorization
 *   diagnoses  up to 12; typing shows matching codes with their
 *              descriptions (by code prefix or by words); Down picks one;
 *              a code that is not billable is refused with the reason
 *   lines      up to 50 (the grid scrolls): procedure (with the same
 *              lookup), 4 modifiers, units, the amount (the fee schedule's
 *              fee times units until typed over) and 4 pointers (1 by
 *              default); Enter goes to the next line; a running total
 * F2 posts the visit with encounter_post(): the charges, the claim for the
 * primary coverage active on the date (or patient responsibility) and the
 * ledger rows, in one transaction. Nothing is written if any check fails;
 * the cursor goes to the field the message names.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/claim.h"
#include "medbill/codes.h"
#include "medbill/encounter.h"
#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/scrub.h"
#include "medbill/validate.h"
#include "tui_priv.h"

enum zone { Z_HEAD, Z_DIAG, Z_LINES, Z_COUNT };

enum { H_DOS, H_RENDERING, H_POS, H_REFERRING, H_AUTH, H_COUNT };

static const struct tui_fspec head_fields[H_COUNT] = {
	[H_DOS] = { "dos", "DOS", 0, 0, 10, 0, FK_DATE },
	[H_RENDERING] = { "rendering", "Rendering", 0, 16, 22, 60, FK_TEXT },
	[H_POS] = { "pos", "POS", 0, 50, 2, 0, FK_DIGITS },
	[H_REFERRING] = { "referring", "Referring", 1, 0, 22, 60, FK_TEXT },
	[H_AUTH] = { "prior auth", "Prior auth", 1, 34, 20, 50, FK_TEXT },
};

#define DIAG_ROWS (MAX_DIAG / 2)
#define DIAG_W 8
static struct tui_fspec diag_fields[MAX_DIAG];
static char diag_names[MAX_DIAG][24];
static char diag_labels[MAX_DIAG][16];

/* The columns of a line in the grid. */
enum { L_CODE, L_MOD1, L_MOD2, L_MOD3, L_MOD4, L_UNITS, L_AMOUNT, L_PTR1, L_PTR2, L_PTR3, L_PTR4, L_NCOLS };

static const struct {
	const char *name;
	int col, width;
	enum tui_fkind kind;
} line_cols[L_NCOLS] = {
	[L_CODE] = { "code", 3, 5, FK_UPPER },
	[L_MOD1] = { "modifier 1", 9, 2, FK_UPPER },
	[L_MOD2] = { "modifier 2", 12, 2, FK_UPPER },
	[L_MOD3] = { "modifier 3", 15, 2, FK_UPPER },
	[L_MOD4] = { "modifier 4", 18, 2, FK_UPPER },
	[L_UNITS] = { "units", 21, 3, FK_INT },
	[L_AMOUNT] = { "amount", 25, 9, FK_MONEY },	/* static, so it is right-aligned */
	[L_PTR1] = { "pointer 1", 35, 2, FK_DIGITS },
	[L_PTR2] = { "pointer 2", 38, 2, FK_DIGITS },
	[L_PTR3] = { "pointer 3", 41, 2, FK_DIGITS },
	[L_PTR4] = { "pointer 4", 44, 2, FK_DIGITS },
};

struct line {
	char code[6];
	char mods[MAX_MODS][3];
	int units;
	cents_t amount;
	int ptrs[MAX_PTRS];
	bool amount_typed;	/* else the fee schedule's */
	char desc[81];
};

/* The code lookup under the field being typed in. */
struct suggest {
	WINDOW *win;
	PANEL *panel;
	bool shown;
	enum zone zone;
	int sel;		/* -1: none highlighted */
	int n;
	char code[10][CODE_LEN];
	char text[10][100];
	bool billable[10];
	char query[64];
};

struct charge_state {
	struct patient p;
	char primary[200];
	int64_t rendering, referring;
	struct tui_form head, diag, grid;
	struct tui_fspec *grid_spec;
	int vrows;		/* visible line rows */
	int top;		/* first line shown */
	struct line lines[MAX_CLAIM_LINES];
	char diag_desc[MAX_DIAG][100];
	enum zone zone;
	struct suggest sg;
	char last_posted[200];
	struct tui_rows findings;	/* the scrubber's, on what was just posted */
	bool dirty;
};

static void init_diag_specs(void)
{
	int i;

	for (i = 0; i < MAX_DIAG; i++) {
		snprintf(diag_names[i], sizeof(diag_names[i]), "diagnosis %d", i + 1);
		snprintf(diag_labels[i], sizeof(diag_labels[i]), "%2d", i + 1);
		diag_fields[i].name = diag_names[i];
		diag_fields[i].label = diag_labels[i];
		diag_fields[i].row = i % DIAG_ROWS;
		diag_fields[i].col = i < DIAG_ROWS ? 0 : 39;
		diag_fields[i].width = DIAG_W;
		diag_fields[i].max = 60;
		diag_fields[i].kind = FK_TEXT;
	}
}

static mbdate_t current_dos(struct charge_state *cs)
{
	char buf[32];
	mbdate_t d;

	tui_form_get(&cs->head, H_DOS, buf, sizeof(buf));
	if (buf[0] && date_parse(buf, &d, "dos") == MB_OK)
		return d;
	return date_today();
}

static int line_count(const struct charge_state *cs)
{
	int i, n = 0;

	for (i = 0; i < MAX_CLAIM_LINES; i++)
		if (cs->lines[i].code[0])
			n = i + 1;
	return n;
}

/* ---- the grid of lines: visible rows over the lines array ---- */

static void grid_field_text(const struct line *l, int col, char *buf, size_t n)
{
	char m[MONEY_BUF];

	buf[0] = '\0';
	switch (col) {
	case L_CODE: snprintf(buf, n, "%s", l->code); break;
	case L_MOD1: case L_MOD2: case L_MOD3: case L_MOD4:
		snprintf(buf, n, "%s", l->mods[col - L_MOD1]);
		break;
	case L_UNITS:
		if (l->units)
			snprintf(buf, n, "%d", l->units);
		break;
	case L_AMOUNT:
		if (l->amount)
			snprintf(buf, n, "%s", money_fmt(l->amount, m));
		break;
	default:
		if (l->ptrs[col - L_PTR1])
			snprintf(buf, n, "%d", l->ptrs[col - L_PTR1]);
		break;
	}
}

/* The line a grid field shows. */
static struct line *grid_line(struct charge_state *cs, int field)
{
	return &cs->lines[cs->top + field / L_NCOLS];
}

/* Show a line's values in its row, except in column 'except' (-1: all). */
static void grid_fill_row(struct charge_state *cs, int r, int except)
{
	char buf[32];
	int c;

	for (c = 0; c < L_NCOLS; c++) {
		if (c == except)
			continue;
		grid_field_text(&cs->lines[cs->top + r], c, buf, sizeof(buf));
		tui_form_set(&cs->grid, r * L_NCOLS + c, buf);
	}
}

static void grid_fill(struct charge_state *cs)
{
	char buf[32];
	int r, c;

	for (r = 0; r < cs->vrows; r++)
		for (c = 0; c < L_NCOLS; c++) {
			grid_field_text(&cs->lines[cs->top + r], c, buf, sizeof(buf));
			tui_form_set(&cs->grid, r * L_NCOLS + c, buf);
		}
}

/* Copy one field's text into its line. */
static void set_line_field(struct line *l, int col, const char *text)
{
	char norm[32];
	size_t i, k = 0;

	switch (col) {
	case L_CODE:
		SCPY(l->code, text);
		break;
	case L_MOD1: case L_MOD2: case L_MOD3: case L_MOD4:
		SCPY(l->mods[col - L_MOD1], text);
		break;
	case L_UNITS:
		l->units = atoi(text);
		break;
	case L_AMOUNT:
		for (i = 0; text[i] && k + 1 < sizeof(norm); i++)
			if (text[i] != ',')
				norm[k++] = text[i];
		norm[k] = '\0';
		if (!norm[0] || money_parse(norm, &l->amount, "amount") != MB_OK)
			l->amount = 0;
		break;
	default:
		l->ptrs[col - L_PTR1] = atoi(text);
		break;
	}
}

static void grid_store(struct charge_state *cs)
{
	char buf[32];
	int r, c;

	for (r = 0; r < cs->vrows; r++)
		for (c = 0; c < L_NCOLS; c++) {
			tui_form_get(&cs->grid, r * L_NCOLS + c, buf, sizeof(buf));
			set_line_field(&cs->lines[cs->top + r], c, buf);
		}
}

/* Fill in what follows from a procedure code: fee, units 1, pointer 1, description. */
static void line_defaults(struct tui *t, struct charge_state *cs, struct line *l)
{
	struct fee fee;

	if (!l->code[0])
		return;
	if (!l->units)
		l->units = 1;
	if (!l->ptrs[0])
		l->ptrs[0] = 1;
	l->desc[0] = '\0';
	if (fee_get(t->st, l->code, &fee) == MB_OK) {
		if (!l->amount_typed)
			l->amount = fee.fee * l->units;
		SCPY(l->desc, fee.description);
	} else if (!l->amount_typed) {
		l->amount = 0;
	}
}

/* ---- field checks: the domain's, each when its field is left ---- */

static int head_check(void *ctx, int field, const char *text)
{
	struct charge_state *cs = ctx;
	struct tui *t = cs->head.tui;
	struct code_check chk;
	struct encounter e;
	struct charge *c;
	char want[32];
	int rc;

	if (field == H_POS) {
		if (validate_pos(text, "pos") != MB_OK)
			return MB_ERROR;
		if (codes_pos_valid(t->st, text, &chk) != MB_OK)
			return MB_ERROR;
		if (!chk.ok && chk.status != CODE_STATUS_NO_SET)
			return error("'pos': %s", chk.message);
		return MB_OK;
	}
	if (field != H_DOS)
		return MB_OK;
	/* The date in a probe visit that is otherwise right: the domain's rules for it. */
	encounter_init(&e);
	e.patient = cs->p.id;
	rc = date_parse(text, &e.dos, "dos");
	SCPY(e.pos, "11");
	e.ndiag = 1;
	SCPY(e.diag[0], "R69");
	e.rendering = 1;
	c = encounter_add_charge(&e);
	SCPY(c->code, "99213");
	c->units = 1;
	c->amount = 100;
	c->ptrs[0] = 1;
	if (rc == MB_OK && encounter_check(&e) != MB_OK) {
		snprintf(want, sizeof(want), "'%s'", head_fields[field].name);
		rc = strstr(error_last(), want) ? MB_ERROR : MB_OK;
	}
	encounter_release(&e);
	return rc;
}

/* A diagnosis must be a billable ICD-10-CM code on the date of service. */
static int check_diag_code(struct tui *t, struct charge_state *cs, int i, const char *text)
{
	struct code_check chk;
	struct code_info ci;
	char key[CODE_LEN], field[32];

	cs->diag_desc[i][0] = '\0';
	if (!text[0])
		return MB_OK;
	snprintf(field, sizeof(field), "diagnosis %d", i + 1);
	if (codes_key(text, key) != MB_OK || validate_icd10(key, field) != MB_OK)
		return error("'%s': '%s' is not an ICD-10-CM code: type a code, or words and "
			     "pick with Down", field, text);
	if (codes_icd_billable(t->st, key, current_dos(cs), &chk) != MB_OK)
		return MB_ERROR;
	warnings_clear();
	if (!chk.ok && chk.status != CODE_STATUS_NO_SET)
		return error("'%s': %s", field, chk.message);
	if (codes_get(t->st, CODE_ICD10CM, key, &ci) == MB_OK) {
		SCPY(cs->diag_desc[i], ci.description);
		code_info_release(&ci);
	}
	return MB_OK;
}

static int diag_check(void *ctx, int field, const char *text)
{
	struct charge_state *cs = ctx;

	return check_diag_code(cs->head.tui, cs, field, text);
}

static int grid_check(void *ctx, int field, const char *text)
{
	struct charge_state *cs = ctx;
	struct tui *t = cs->head.tui;
	struct line *l = grid_line(cs, field);
	int col = field % L_NCOLS, lineno = cs->top + field / L_NCOLS + 1, n;
	struct code_check chk;
	char name[40], key[CODE_LEN];

	snprintf(name, sizeof(name), "line %d %s", lineno, line_cols[col].name);
	if (!text[0]) {
		set_line_field(l, col, text);
		return MB_OK;
	}
	switch (col) {
	case L_CODE:
		if (codes_key(text, key) != MB_OK || validate_procedure(key, name) != MB_OK)
			return error("'%s': '%s' is not a CPT or HCPCS code", name, text);
		if (codes_proc_valid(t->st, key, current_dos(cs), &chk) != MB_OK)
			return MB_ERROR;
		if (!chk.ok && chk.status != CODE_STATUS_NO_SET)
			return error("'%s': %s", name, chk.message);
		SCPY(l->code, key);
		line_defaults(t, cs, l);
		grid_fill_row(cs, field / L_NCOLS, col);
		return MB_OK;
	case L_MOD1: case L_MOD2: case L_MOD3: case L_MOD4:
		if (validate_modifier(text, name) != MB_OK)
			return MB_ERROR;
		break;
	case L_UNITS:
		n = atoi(text);
		if (n <= 0)
			return error("'%s': %s is not greater than 0", name, text);
		l->units = n;
		line_defaults(t, cs, l);
		grid_fill_row(cs, field / L_NCOLS, col);
		break;
	case L_AMOUNT:
		set_line_field(l, col, text);
		if (l->amount <= 0)
			return error("'%s': %s is not greater than 0", name, text);
		l->amount_typed = true;
		break;
	default:
		n = atoi(text);
		if (n < 1 || n > MAX_DIAG)
			return error("'%s': %s is not a diagnosis number (1 to %d)", name, text, MAX_DIAG);
		break;
	}
	set_line_field(l, col, text);
	return MB_OK;
}

/* ---- the code lookup ---- */

static int sugg_hit(const struct code_hit *h, void *arg)
{
	struct suggest *sg = arg;

	if (sg->n >= (int)ARRAY_SIZE(sg->code))
		return 1;
	SCPY(sg->code[sg->n], h->code);
	snprintf(sg->text[sg->n], sizeof(sg->text[0]), "%-8s %s%s", h->code, h->description,
		 h->billable ? "" : " (not billable)");
	sg->billable[sg->n] = h->billable;
	sg->n++;
	return 0;
}

static void sugg_hide(struct charge_state *cs)
{
	cs->sg.shown = false;
	cs->sg.n = 0;
	cs->sg.sel = -1;
	cs->sg.query[0] = '\0';
	if (cs->sg.panel)
		hide_panel(cs->sg.panel);
}

/* Look up what the current field holds. */
static void sugg_update(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	struct suggest *sg = &cs->sg;
	char text[64];
	int limit = 8;

	if (cs->zone == Z_DIAG)
		tui_form_get(&cs->diag, tui_form_current(&cs->diag), text, sizeof(text));
	else if (cs->zone == Z_LINES && tui_form_current(&cs->grid) % L_NCOLS == L_CODE)
		tui_form_get(&cs->grid, tui_form_current(&cs->grid), text, sizeof(text));
	else
		text[0] = '\0';
	if (!strcmp(text, sg->query) && sg->shown)
		return;
	sg->n = 0;
	sg->sel = -1;
	SCPY(sg->query, text);
	sg->zone = cs->zone;
	if (!text[0]) {
		sugg_hide(cs);
		return;
	}
	if (cs->zone == Z_DIAG) {
		if (codes_search(s->tui->st, text, CODE_ICD10CM, limit, sugg_hit, sg) != MB_OK)
			tui_fail(s->tui);
	} else {
		if (codes_search(s->tui->st, text, CODE_HCPCS, limit, sugg_hit, sg) != MB_OK ||
		    (sg->n < limit && codes_search(s->tui->st, text, CODE_CPT, limit - sg->n,
						   sugg_hit, sg) != MB_OK))
			tui_fail(s->tui);
	}
	sg->shown = sg->n > 0;
}

static void sugg_draw(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	struct suggest *sg = &cs->sg;
	int i, h, w = 60, y, x, by, bx;
	WINDOW *fw;

	if (!sg->shown || !sg->n) {
		if (sg->panel)
			hide_panel(sg->panel);
		return;
	}
	h = sg->n + 2;
	fw = cs->zone == Z_DIAG ? cs->diag.parent : cs->grid.parent;
	getbegyx(fw, by, bx);
	y = by + getcury(fw) + 1;
	x = bx + getcurx(fw) - 4;
	if (y + h > LINES - 2)
		y = by + getcury(fw) - h;
	if (x + w > COLS)
		x = COLS - w;
	if (x < 0)
		x = 0;
	if (!sg->win) {
		sg->win = newwin(h, w, y, x);
		sg->panel = new_panel(sg->win);
	} else {
		wresize(sg->win, h, w);
		replace_panel(sg->panel, sg->win);
		move_panel(sg->panel, y, x);
	}
	werase(sg->win);
	box(sg->win, 0, 0);
	wattrset(sg->win, tui_attr(s->tui, TA_DIM));
	tui_put(sg->win, 0, 2, w - 4, "Down picks, Enter takes");
	for (i = 0; i < sg->n; i++) {
		wattrset(sg->win, i == sg->sel ? tui_attr(s->tui, TA_SELECT) :
			 sg->billable[i] ? A_NORMAL : tui_attr(s->tui, TA_DIM));
		mvwhline(sg->win, i + 1, 1, ' ', w - 2);
		tui_put(sg->win, i + 1, 1, w - 2, sg->text[i]);
	}
	wattrset(sg->win, A_NORMAL);
	show_panel(sg->panel);
	top_panel(sg->panel);
}

/* ---- opening ---- */

static int provider_row(const struct provider *p, void *arg)
{
	struct tui_rows *r = arg;
	char line[120];

	if (!p->active)
		return MB_OK;
	snprintf(line, sizeof(line), "%s, %s  (NPI %s)", p->last, p->first, p->npi);
	tui_rows_add(r, line, p->id);
	return MB_OK;
}

static int first_rendering(const struct provider *p, void *arg)
{
	int64_t *id = arg;

	if (!p->active)
		return MB_OK;
	*id = p->id;
	return MB_NOTFOUND;	/* stop at the first */
}

static int last_rendering(const struct encounter *e, void *arg)
{
	int64_t *id = arg;

	*id = e->rendering;
	return MB_OK;
}

static void provider_text(struct tui *t, int64_t id, char *buf, size_t n)
{
	struct provider p;

	buf[0] = '\0';
	if (id && provider_get(t->st, id, &p) == MB_OK)
		snprintf(buf, n, "%s, %s", p.last, p.first);
}

static void show_header(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	char buf[100];

	provider_text(s->tui, cs->rendering, buf, sizeof(buf));
	tui_form_set(&cs->head, H_RENDERING, buf[0] ? buf : "(F4 picks)");
	provider_text(s->tui, cs->referring, buf, sizeof(buf));
	tui_form_set(&cs->head, H_REFERRING, buf[0] ? buf : "(none: F4 picks)");
}

static void primary_text(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	struct coverage c;
	struct payer py;

	SCPY(cs->primary, "self-pay: no coverage on the date of service");
	if (coverage_active_on(s->tui->st, cs->p.id, 1, current_dos(cs), &c) == MB_OK &&
	    payer_get(s->tui->st, c.payer, &py) == MB_OK)
		snprintf(cs->primary, sizeof(cs->primary), "Primary %s, member %s", py.name, c.member_id);
	error_clear();
}

static void make_grid(struct charge_state *cs, struct tui *t, int vrows)
{
	int r, c;

	if (cs->grid.form) {
		grid_store(cs);
		tui_form_release(&cs->grid);
	}
	free(cs->grid_spec);
	cs->vrows = vrows;
	cs->grid_spec = xcalloc((size_t)vrows * L_NCOLS, sizeof(*cs->grid_spec));
	for (r = 0; r < vrows; r++)
		for (c = 0; c < L_NCOLS; c++) {
			struct tui_fspec *sp = &cs->grid_spec[r * L_NCOLS + c];

			sp->name = line_cols[c].name;
			sp->row = r;
			sp->col = line_cols[c].col;
			sp->width = line_cols[c].width;
			sp->max = line_cols[c].width;
			sp->kind = line_cols[c].kind;
		}
	tui_form_init(&cs->grid, t, cs->grid_spec, vrows * L_NCOLS, grid_check, cs);
	if (cs->top + vrows > MAX_CLAIM_LINES)
		cs->top = MAX_CLAIM_LINES - vrows;
	grid_fill(cs);
	for (r = 0; r < vrows * L_NCOLS; r++)
		field_opts_off(cs->grid.fields[r], O_AUTOSKIP);
}

static void set_zone(struct charge_state *cs, enum zone z)
{
	cs->zone = z;
	cs->head.active = z == Z_HEAD;
	cs->diag.active = z == Z_DIAG;
	cs->grid.active = z == Z_LINES;
}

static int charge_open(struct tui_screen *s, const void *arg)
{
	struct charge_state *cs;
	struct tui *t = s->tui;
	char today[DATE_ISO_LEN];
	int i;

	if (!arg)
		return error("'patient': pick a patient first");
	cs = xcalloc(1, sizeof(*cs));
	s->priv = cs;
	if (patient_get(t->st, *(const int64_t *)arg, &cs->p) != MB_OK) {
		free(cs);
		return MB_ERROR;
	}
	if (!diag_fields[0].name)
		init_diag_specs();
	tui_form_init(&cs->head, t, head_fields, H_COUNT, head_check, cs);
	field_opts_off(cs->head.fields[H_RENDERING], O_EDIT);
	field_opts_off(cs->head.fields[H_REFERRING], O_EDIT);
	tui_form_init(&cs->diag, t, diag_fields, MAX_DIAG, diag_check, cs);
	for (i = 0; i < MAX_DIAG; i++)
		field_opts_off(cs->diag.fields[i], O_AUTOSKIP);
	make_grid(cs, t, 6);
	date_iso(date_today(), today);
	tui_form_set(&cs->head, H_DOS, today);
	tui_form_set(&cs->head, H_POS, "11");
	encounter_foreach_patient(t->st, cs->p.id, last_rendering, &cs->rendering);
	if (!cs->rendering)
		provider_foreach(t->st, PROV_RENDERING, first_rendering, &cs->rendering);
	error_clear();
	show_header(s);
	primary_text(s);
	cs->sg.sel = -1;
	tui_rows_init(&cs->findings);
	set_zone(cs, Z_DIAG);
	tui_set_title(s, "Charges: %s, %s", cs->p.last, cs->p.first);
	return MB_OK;
}

static void charge_layout(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	int h = getmaxy(s->win), w = getmaxx(s->win), rows;

	werase(s->win);
	rows = h - 16;
	if (rows < 3)
		rows = 3;
	if (rows > MAX_CLAIM_LINES)
		rows = MAX_CLAIM_LINES;
	if (rows != cs->vrows) {
		int cur = tui_form_current(&cs->grid);

		make_grid(cs, s->tui, rows);
		tui_form_focus(&cs->grid, cur < rows * L_NCOLS ? cur : 0);
		cs->grid.active = cs->zone == Z_LINES;
	}
	tui_form_place(&cs->head, s->win, 1, 1, 2, w - 2);
	tui_form_place(&cs->diag, s->win, 4, 1, DIAG_ROWS, w - 2);
	tui_form_place(&cs->grid, s->win, 11, 1, cs->vrows, 48);
	if (cs->zone == Z_LINES)
		form_driver(cs->grid.form, REQ_END_FIELD);
}

static void charge_draw(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char dob[DATE_ISO_LEN];
	cents_t total = 0;
	int i, n = line_count(cs), w = getmaxx(s->win);

	date_iso(cs->p.dob, dob);
	wmove(s->win, 0, 0);
	wclrtoeol(s->win);
	strbuf_addf(&sb, "%s, %s (%s)  DOB %s  %s", cs->p.last, cs->p.first, cs->p.account, dob,
		    cs->primary);
	tui_put(s->win, 0, 1, -1, strbuf_str(&sb));
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	wmove(s->win, 3, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 3, 1, -1, "Diagnoses: a code, or words to look up");
	wmove(s->win, 10, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 10, 1, -1, "Ln Code  Modifiers   Unit    Amount Pointers    Description");
	wattrset(s->win, A_NORMAL);
	for (i = 0; i < MAX_DIAG; i++) {
		int y = 4 + i % DIAG_ROWS, x = 1 + (i < DIAG_ROWS ? 0 : 39) + 3 + DIAG_W + 1;

		mvwhline(s->win, y, x, ' ', 27);
		wattrset(s->win, tui_attr(s->tui, TA_DIM));
		tui_put(s->win, y, x, 26, cs->diag_desc[i]);
		wattrset(s->win, A_NORMAL);
	}
	for (i = 0; i < cs->vrows; i++) {
		const struct line *l = &cs->lines[cs->top + i];
		char num[16];

		snprintf(num, sizeof(num), "%2d", (cs->top + i + 1) % 100);
		mvwaddstr(s->win, 11 + i, 1, num);
		wmove(s->win, 11 + i, 49);
		wclrtoeol(s->win);
		wattrset(s->win, tui_attr(s->tui, TA_DIM));
		tui_put(s->win, 11 + i, 50, w - 51, l->desc);
		wattrset(s->win, A_NORMAL);
	}
	for (i = 0; i < MAX_CLAIM_LINES; i++)
		if (cs->lines[i].code[0])
			total += cs->lines[i].amount;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d line%s  total ", n, n == 1 ? "" : "s");
	tui_money(&sb, total, 10);
	wmove(s->win, 11 + cs->vrows, 0);
	wclrtoeol(s->win);
	tui_put(s->win, 11 + cs->vrows, 20, -1, strbuf_str(&sb));
	wmove(s->win, 12 + cs->vrows, 0);
	wclrtoeol(s->win);
	if (cs->last_posted[0]) {
		wattrset(s->win, tui_attr(s->tui, TA_MSG_INFO));
		tui_put(s->win, 12 + cs->vrows, 1, -1, cs->last_posted);
		wattrset(s->win, A_NORMAL);
	}
	for (i = 0; 13 + cs->vrows + i < getmaxy(s->win); i++) {
		wmove(s->win, 13 + cs->vrows + i, 0);
		wclrtoeol(s->win);
		if (i < cs->findings.n)
			tui_put(s->win, 13 + cs->vrows + i, 1, -1, cs->findings.rows[i]);
	}
	strbuf_release(&sb);
	tui_form_draw(&cs->head);
	tui_form_draw(&cs->diag);
	tui_form_draw(&cs->grid);
	sugg_draw(s);
}

/* ---- moving ---- */

static struct tui_form *zone_form(struct charge_state *cs)
{
	return cs->zone == Z_HEAD ? &cs->head : cs->zone == Z_DIAG ? &cs->diag : &cs->grid;
}

static void go_zone(struct charge_state *cs, enum zone z, bool at_start)
{
	struct tui_form *f;

	if (tui_form_validate(zone_form(cs)) != MB_OK)
		return;
	sugg_hide(cs);
	set_zone(cs, z);
	f = zone_form(cs);
	if (z == Z_LINES) {
		int n = line_count(cs);

		if (at_start) {
			/* The first empty line, scrolled into view. */
			if (n >= MAX_CLAIM_LINES)
				n = MAX_CLAIM_LINES - 1;
			if (n < cs->top || n >= cs->top + cs->vrows) {
				grid_store(cs);
				cs->top = n - cs->vrows + 1 > 0 ? n - cs->vrows + 1 : 0;
				grid_fill(cs);
			}
			tui_form_focus(f, (n - cs->top) * L_NCOLS + L_CODE);
		} else {
			tui_form_focus(f, (cs->vrows - 1) * L_NCOLS);
		}
		return;
	}
	if (z == Z_DIAG && at_start) {
		int i;
		char buf[64];

		for (i = 0; i < MAX_DIAG - 1; i++) {
			tui_form_get(&cs->diag, i, buf, sizeof(buf));
			if (!buf[0])
				break;
		}
		tui_form_focus(f, i);
		return;
	}
	tui_form_focus(f, at_start ? 0 : f->n - 1);
}

/* Move the grid's cursor to another line (scrolling), same column. */
static void grid_goto(struct charge_state *cs, int line, int col)
{
	if (line < 0 || line >= MAX_CLAIM_LINES)
		return;
	if (tui_form_validate(&cs->grid) != MB_OK)
		return;
	sugg_hide(cs);
	if (line < cs->top || line >= cs->top + cs->vrows) {
		grid_store(cs);
		cs->top = line < cs->top ? line : line - cs->vrows + 1;
		grid_fill(cs);
	}
	tui_form_focus(&cs->grid, (line - cs->top) * L_NCOLS + col);
}

/* Take the highlighted lookup into the field. */
static void sugg_take(struct charge_state *cs)
{
	struct tui_form *f = zone_form(cs);

	if (cs->sg.sel < 0 || cs->sg.sel >= cs->sg.n)
		return;
	tui_form_set(f, tui_form_current(f), cs->sg.code[cs->sg.sel]);
	f->changed = true;
	form_driver(f->form, REQ_END_FIELD);
}

/* Enter or Tab in the diagnoses: empty goes on to the lines. */
static void diag_next(struct tui_screen *s, enum tui_action act)
{
	struct charge_state *cs = s->priv;
	int cur = tui_form_current(&cs->diag);
	char buf[64];

	sugg_take(cs);
	tui_form_get(&cs->diag, cur, buf, sizeof(buf));
	if (tui_form_validate(&cs->diag) != MB_OK)
		return;
	sugg_hide(cs);
	if (buf[0]) {
		char key[CODE_LEN], shown[CODE_LEN];

		/* Show the code as coders write it: J45.909. */
		if (codes_key(buf, key) == MB_OK) {
			codes_icd_display(key, shown);
			tui_form_set(&cs->diag, cur, shown);
		}
	}
	if ((!buf[0] && act == ACT_ENTER) || cur == MAX_DIAG - 1) {
		go_zone(cs, Z_LINES, true);
		return;
	}
	tui_form_key(&cs->diag, 0, ACT_NEXT);
}

static void lines_next(struct tui_screen *s, enum tui_action act)
{
	struct charge_state *cs = s->priv;
	int cur = tui_form_current(&cs->grid), col = cur % L_NCOLS, line = cs->top + cur / L_NCOLS;

	if (col == L_CODE)
		sugg_take(cs);
	if (tui_form_validate(&cs->grid) != MB_OK)
		return;
	sugg_hide(cs);
	if (act == ACT_ENTER || col == L_NCOLS - 1) {
		if (!cs->lines[line].code[0] && act == ACT_ENTER) {
			tui_msg(s->tui, "F2 posts the visit");
			return;
		}
		grid_goto(cs, line + 1, L_CODE);
		return;
	}
	tui_form_key(&cs->grid, 0, ACT_NEXT);
}

/* ---- posting ---- */

/* Focus the field a message names ("'diagnosis 3'", "'line 2 units'", "'dos'"). */
static void focus_named(struct charge_state *cs, const char *msg)
{
	const char *q = strstr(msg, "'line ");
	int f, line, c;

	if (q && sscanf(q, "'line %d", &line) == 1 && line >= 1 && line <= MAX_CLAIM_LINES) {
		const char *what = strchr(q + 6, ' ');

		for (c = L_NCOLS - 1; c > 0; c--)
			if (what && !strncmp(what + 1, line_cols[c].name, strlen(line_cols[c].name)))
				break;
		if (what && !strncmp(what + 1, "modifier", 8) && c < L_MOD1)
			c = L_MOD1;
		set_zone(cs, Z_LINES);
		grid_store(cs);
		if (line - 1 < cs->top || line - 1 >= cs->top + cs->vrows) {
			cs->top = line - 1 < MAX_CLAIM_LINES - cs->vrows ? line - 1 : MAX_CLAIM_LINES - cs->vrows;
			grid_fill(cs);
		}
		tui_form_focus(&cs->grid, (line - 1 - cs->top) * L_NCOLS + c);
		return;
	}
	if ((f = tui_form_field_named(&cs->diag, msg)) >= 0 || strstr(msg, "'diagnoses'")) {
		set_zone(cs, Z_DIAG);
		tui_form_focus(&cs->diag, f >= 0 ? f : 0);
		return;
	}
	if ((f = tui_form_field_named(&cs->head, msg)) >= 0) {
		set_zone(cs, Z_HEAD);
		tui_form_focus(&cs->head, f);
		return;
	}
	if (strstr(msg, "'charges'")) {
		set_zone(cs, Z_LINES);
		tui_form_focus(&cs->grid, 0);
	}
}

static void clear_visit(struct charge_state *cs)
{
	int i;

	for (i = 0; i < MAX_DIAG; i++) {
		tui_form_set(&cs->diag, i, "");
		cs->diag_desc[i][0] = '\0';
	}
	memset(cs->lines, 0, sizeof(cs->lines));
	cs->top = 0;
	grid_fill(cs);
	tui_form_clean(&cs->head);
	tui_form_clean(&cs->diag);
	tui_form_clean(&cs->grid);
	set_zone(cs, Z_DIAG);
	tui_form_focus(&cs->diag, 0);
}

static int finding_row(const struct claim_data *cd, const struct scrub_result *res, void *arg)
{
	struct charge_state *cs = arg;
	char line[SCRUB_TEXT_LEN * 2 + 64];
	size_t i;

	for (i = 0; i < res->n; i++) {
		const struct scrub_finding *f = &res->f[i];

		if (f->line)
			snprintf(line, sizeof(line), "%s %s line %d: %s", scrub_severity_name(f->severity),
				 cd->claim.pcn, f->line, f->message);
		else
			snprintf(line, sizeof(line), "%s %s: %s", scrub_severity_name(f->severity),
				 cd->claim.pcn, f->message);
		tui_rows_add(&cs->findings, line, cd->claim.id);
		if (f->fix[0]) {
			snprintf(line, sizeof(line), "  fix: %s", f->fix);
			tui_rows_add(&cs->findings, line, cd->claim.id);
		}
	}
	return 0;
}

/* Scrub what was just posted; the findings show below the lines. */
static void scrub_posted(struct tui *t, struct charge_state *cs, const struct claim_posting *out)
{
	size_t nclaims = 0, errors = 0;

	tui_rows_clear(&cs->findings);
	if (!out->coverage || !out->nclaims)
		return;
	if (scrub_claims(t->st, out->claims, (size_t)out->nclaims, finding_row, cs, &nclaims,
			 &errors) != MB_OK) {
		tui_fail(t);
		return;
	}
	if (!cs->findings.n)
		tui_rows_add(&cs->findings, "the scrubber finds nothing to fix: ready to send", 0);
}

static void post(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;
	struct tui *t = s->tui;
	struct encounter e;
	struct claim_posting out;
	struct claim c;
	char buf[100], m[MONEY_BUF], payer[80] = "the patient";
	int i, j;

	if (tui_form_validate(zone_form(cs)) != MB_OK)
		return;
	sugg_hide(cs);
	grid_store(cs);
	encounter_init(&e);
	memset(&out, 0, sizeof(out));
	e.patient = cs->p.id;
	e.dos = current_dos(cs);
	e.rendering = cs->rendering;
	e.referring = cs->referring;
	tui_form_get(&cs->head, H_POS, e.pos, sizeof(e.pos));
	tui_form_get(&cs->head, H_AUTH, e.prior_auth, sizeof(e.prior_auth));
	for (i = 0; i < MAX_DIAG; i++) {
		tui_form_get(&cs->diag, i, buf, sizeof(buf));
		if (buf[0])
			SCPY(e.diag[e.ndiag++], buf);
	}
	for (i = 0; i < MAX_CLAIM_LINES; i++) {
		const struct line *l = &cs->lines[i];
		struct charge *ch;

		if (!l->code[0])
			continue;
		ch = encounter_add_charge(&e);
		SCPY(ch->code, l->code);
		for (j = 0; j < MAX_MODS; j++)
			SCPY(ch->mods[j], l->mods[j]);
		ch->units = l->units;
		ch->amount = l->amount;
		for (j = 0; j < MAX_PTRS; j++)
			ch->ptrs[j] = l->ptrs[j];
	}
	if (encounter_post(t->st, &e, &out) != MB_OK) {
		tui_fail(t);
		focus_named(cs, error_last());
		encounter_release(&e);
		return;
	}
	if (out.payer) {
		struct payer py;

		if (payer_get(t->st, out.payer, &py) == MB_OK)
			SCPY(payer, py.name);
	}
	claim_init(&c);
	if (out.nclaims && claim_get(t->st, out.claims[0], &c) == MB_OK)
		snprintf(cs->last_posted, sizeof(cs->last_posted), "posted: claim %s%s to %s, %s",
			 c.pcn, out.nclaims > 1 ? " and more" : "", payer, money_fmt_grouped(out.total, m));
	claim_release(&c);
	scrub_posted(t, cs, &out);
	if (!t->msg_kind || t->msg_kind == MSG_INFO)
		tui_msg(t, "%s", cs->last_posted);
	claim_posting_release(&out);
	encounter_release(&e);
	clear_visit(cs);
}

/* ---- keys ---- */

static void pick_provider(struct tui_screen *s, int field)
{
	struct charge_state *cs = s->priv;
	struct tui_rows r;
	int i, sel = 0, got;
	int64_t cur = field == H_RENDERING ? cs->rendering : cs->referring;

	tui_rows_init(&r);
	if (field == H_REFERRING)
		tui_rows_add(&r, "(none)", 0);
	if (provider_foreach(s->tui->st, field == H_RENDERING ? PROV_RENDERING : PROV_REFERRING,
			     provider_row, &r) != MB_OK) {
		tui_fail(s->tui);
		tui_rows_release(&r);
		return;
	}
	for (i = 0; i < r.n; i++)
		if (r.ids[i] == cur)
			sel = i;
	got = tui_pick(s->tui, field == H_RENDERING ? "Rendering provider" : "Referring provider",
		       r.rows, r.n, sel);
	if (got >= 0) {
		if (field == H_RENDERING)
			cs->rendering = r.ids[got];
		else
			cs->referring = r.ids[got];
		show_header(s);
		cs->dirty = true;
	}
	tui_rows_release(&r);
}

static bool charge_dirty(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;

	return line_count(cs) > 0 || cs->diag.changed || cs->grid.changed;
}

static enum tui_action charge_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct charge_state *cs = s->priv;
	struct suggest *sg = &cs->sg;
	struct tui_form *f = zone_form(cs);
	int cur = tui_form_current(f);

	if (act == ACT_SAVE) {
		post(s);
		return ACT_NONE;
	}
	if (act == ACT_PANE) {
		go_zone(cs, (enum zone)((cs->zone + 1) % Z_COUNT), true);
		return ACT_NONE;
	}
	if (sg->shown && (act == ACT_DOWN || act == ACT_UP)) {
		sg->sel += act == ACT_DOWN ? 1 : -1;
		if (sg->sel >= sg->n)
			sg->sel = sg->n - 1;
		if (sg->sel < -1)
			sg->sel = -1;
		return ACT_NONE;
	}
	if (sg->shown && act == ACT_BACK) {
		sugg_hide(cs);
		return ACT_NONE;
	}
	switch (cs->zone) {
	case Z_HEAD:
		if ((cur == H_RENDERING || cur == H_REFERRING) &&
		    (act == ACT_PICK || act == ACT_ENTER || key == ' ')) {
			pick_provider(s, cur);
			return ACT_NONE;
		}
		if ((cur == H_RENDERING || cur == H_REFERRING) && tui_key_printable(key)) {
			tui_msg(s->tui, "F4 or Enter picks the provider from a list");
			return ACT_NONE;
		}
		if ((act == ACT_NEXT || act == ACT_ENTER) && cur == H_COUNT - 1) {
			go_zone(cs, Z_DIAG, true);
			return ACT_NONE;
		}
		if (act == ACT_ENTER)
			act = ACT_NEXT;
		if (act == ACT_PREV && cur == 0)
			return ACT_NONE;
		if (tui_form_key(f, key, act)) {
			if (cur == H_DOS)
				primary_text(s);
			return ACT_NONE;
		}
		break;
	case Z_DIAG:
		if (act == ACT_ENTER || act == ACT_NEXT) {
			diag_next(s, act);
			return ACT_NONE;
		}
		if (act == ACT_PREV && cur == 0) {
			go_zone(cs, Z_HEAD, false);
			return ACT_NONE;
		}
		if (act == ACT_DOWN && cur % DIAG_ROWS == DIAG_ROWS - 1) {
			go_zone(cs, Z_LINES, true);
			return ACT_NONE;
		}
		if (act == ACT_UP && cur % DIAG_ROWS == 0) {
			go_zone(cs, Z_HEAD, false);
			return ACT_NONE;
		}
		if (tui_form_key(f, key, act)) {
			if (tui_key_printable(key) || act == ACT_BKSP || act == ACT_DELCHAR)
				sugg_update(s);
			return ACT_NONE;
		}
		break;
	case Z_LINES:
		if (act == ACT_ENTER || act == ACT_NEXT) {
			lines_next(s, act);
			return ACT_NONE;
		}
		if (act == ACT_PREV && cur == 0 && cs->top == 0) {
			go_zone(cs, Z_DIAG, false);
			return ACT_NONE;
		}
		if (act == ACT_PREV && cur == 0) {
			grid_goto(cs, cs->top - 1, L_NCOLS - 1);
			return ACT_NONE;
		}
		if (act == ACT_UP || act == ACT_DOWN) {
			int line = cs->top + cur / L_NCOLS + (act == ACT_DOWN ? 1 : -1);

			if (line < 0)
				go_zone(cs, Z_DIAG, false);
			else
				grid_goto(cs, line, cur % L_NCOLS);
			return ACT_NONE;
		}
		if (act == ACT_PGDN || act == ACT_PGUP) {
			int line = cs->top + cur / L_NCOLS + (act == ACT_PGDN ? cs->vrows : -cs->vrows);

			grid_goto(cs, line < 0 ? 0 : line >= MAX_CLAIM_LINES ? MAX_CLAIM_LINES - 1 : line,
				  cur % L_NCOLS);
			return ACT_NONE;
		}
		if (act == ACT_DELETE) {
			int line = cs->top + cur / L_NCOLS;

			sugg_hide(cs);
			grid_store(cs);
			memmove(&cs->lines[line], &cs->lines[line + 1],
				sizeof(cs->lines[0]) * (size_t)(MAX_CLAIM_LINES - line - 1));
			memset(&cs->lines[MAX_CLAIM_LINES - 1], 0, sizeof(cs->lines[0]));
			grid_fill(cs);
			tui_msg(s->tui, "line %d removed", line + 1);
			return ACT_NONE;
		}
		if (tui_form_key(f, key, act)) {
			if (cur % L_NCOLS == L_AMOUNT && (tui_key_printable(key) || act == ACT_BKSP))
				grid_line(cs, cur)->amount_typed = true;
			if (cur % L_NCOLS == L_CODE &&
			    (tui_key_printable(key) || act == ACT_BKSP || act == ACT_DELCHAR))
				sugg_update(s);
			return ACT_NONE;
		}
		break;
	default:
		break;
	}
	sugg_hide(cs);
	return act;
}

static void charge_close(struct tui_screen *s)
{
	struct charge_state *cs = s->priv;

	if (cs->sg.panel)
		del_panel(cs->sg.panel);
	if (cs->sg.win)
		delwin(cs->sg.win);
	tui_form_release(&cs->head);
	tui_form_release(&cs->diag);
	tui_form_release(&cs->grid);
	free(cs->grid_spec);
	tui_rows_release(&cs->findings);
	free(cs);
}

static const enum tui_action charge_bar[] = {
	ACT_HELP, ACT_SAVE, ACT_PICK, ACT_PANE, ACT_DELETE, ACT_BACK, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_charge_ops = {
	.name = "Charge entry",
	.keymap = KM_GLOBAL,
	.bar = charge_bar,
	.open = charge_open,
	.layout = charge_layout,
	.draw = charge_draw,
	.key = charge_key,
	.dirty = charge_dirty,
	.close = charge_close,
};
