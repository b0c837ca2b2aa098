/*
 * tui_coverage.c: the coverage dialog of the patient screen: order, payer
 * (picked from the list of payers), member ID, group, relationship (picked),
 * effective and end dates, the Medicare secondary payer type (typed or
 * picked; needed when Medicare is secondary or tertiary), and the subscriber
 * when the patient is not the subscriber. F2 accepts into the patient screen, which saves everything
 * together; Esc cancels.
 */
#include <stdlib.h>
#include <string.h>

#include "medbill/patient.h"
#include "medbill/practice.h"
#include "medbill/validate.h"
#include "tui_priv.h"

enum {
	C_SEQ, C_PAYER, C_MEMBER, C_GROUP, C_REL, C_EFFECTIVE, C_END, C_INSTYPE,
	C_SLAST, C_SFIRST, C_SMIDDLE, C_SDOB, C_SSEX, C_SADDR1, C_SADDR2, C_SCITY, C_SSTATE, C_SZIP,
	C_COUNT
};

/* Field names are the ones the domain's messages use. */
static const struct tui_fspec cov_fields[C_COUNT] = {
	[C_SEQ] = { "seq", "Order", 0, 0, 1, 0, FK_DIGITS },
	[C_PAYER] = { "payer", "Payer", 0, 20, 36, 60, FK_TEXT },
	[C_MEMBER] = { "member id", "Member ID", 1, 0, 20, 80, FK_UPPER },
	[C_GROUP] = { "group number", "Group", 1, 32, 20, 50, FK_TEXT },
	[C_REL] = { "relationship", "Relationship", 2, 0, 20, 0, FK_TEXT },
	[C_EFFECTIVE] = { "effective", "Effective", 3, 0, 10, 0, FK_DATE },
	[C_END] = { "end", "End", 3, 22, 10, 0, FK_DATE },
	[C_INSTYPE] = { "insurance type", "MSP type", 3, 40, 2, 0, FK_DIGITS },
	[C_SLAST] = { "subscriber last name", "Last", 5, 0, 20, 60, FK_TEXT },
	[C_SFIRST] = { "subscriber first name", "First", 5, 26, 15, 35, FK_TEXT },
	[C_SMIDDLE] = { "subscriber middle name", "MI", 5, 48, 5, 25, FK_TEXT },
	[C_SDOB] = { "subscriber dob", "DOB", 6, 0, 10, 0, FK_DATE },
	[C_SSEX] = { "subscriber sex", "Sex", 6, 16, 1, 0, FK_UPPER },
	[C_SADDR1] = { "subscriber address line 1", "Address", 7, 0, 30, 55, FK_TEXT },
	[C_SADDR2] = { "subscriber address line 2", NULL, 7, 39, 30, 55, FK_TEXT },
	[C_SCITY] = { "subscriber address city", "City", 8, 0, 20, 30, FK_TEXT },
	[C_SSTATE] = { "subscriber address state", "State", 8, 26, 2, 0, FK_UPPER },
	[C_SZIP] = { "subscriber address ZIP", "ZIP", 8, 36, 10, 0, FK_DIGITS },
};

static const char *const rel_codes[] = {
	REL_SELF, REL_SPOUSE, REL_CHILD, REL_EMPLOYEE, "53", REL_OTHER, "21",
};

/* Medicare secondary payer types (SBR05); "" first: none. */
static const char *const msp_codes[] = {
	"", "12", "13", "14", "15", "16", "41", "42", "43", "47",
};

struct cov_dialog {
	struct tui *t;
	struct tui_cov *cv;
	struct coverage c;	/* being edited */
	char payer_name[61];
	WINDOW *win;
	PANEL *panel;
	struct tui_form form;
	unsigned gen;
};

static void date_text(mbdate_t d, char *buf)
{
	date_iso(d, buf);
}

/* The coverage as the fields say; the payer and relationship come from picks. */
static void read_form(struct cov_dialog *d, struct coverage *c)
{
	char buf[128];
	mbdate_t dt;

	*c = d->c;
	tui_form_get(&d->form, C_SEQ, buf, sizeof(buf));
	c->seq = atoi(buf);
	tui_form_get(&d->form, C_MEMBER, c->member_id, sizeof(c->member_id));
	tui_form_get(&d->form, C_GROUP, c->group_no, sizeof(c->group_no));
	tui_form_get(&d->form, C_EFFECTIVE, buf, sizeof(buf));
	c->effective = buf[0] && date_parse(buf, &dt, "effective") == MB_OK ? dt : 0;
	tui_form_get(&d->form, C_END, buf, sizeof(buf));
	c->end = buf[0] && date_parse(buf, &dt, "end") == MB_OK ? dt : 0;
	tui_form_get(&d->form, C_INSTYPE, c->insurance_type, sizeof(c->insurance_type));
	tui_form_get(&d->form, C_SLAST, c->sub_last, sizeof(c->sub_last));
	tui_form_get(&d->form, C_SFIRST, c->sub_first, sizeof(c->sub_first));
	tui_form_get(&d->form, C_SMIDDLE, c->sub_middle, sizeof(c->sub_middle));
	tui_form_get(&d->form, C_SDOB, buf, sizeof(buf));
	c->sub_dob = buf[0] && date_parse(buf, &dt, "subscriber dob") == MB_OK ? dt : 0;
	tui_form_get(&d->form, C_SSEX, buf, sizeof(buf));
	c->sub_sex = buf[0];
	tui_form_get(&d->form, C_SADDR1, c->sub_addr.line1, sizeof(c->sub_addr.line1));
	tui_form_get(&d->form, C_SADDR2, c->sub_addr.line2, sizeof(c->sub_addr.line2));
	tui_form_get(&d->form, C_SCITY, c->sub_addr.city, sizeof(c->sub_addr.city));
	tui_form_get(&d->form, C_SSTATE, c->sub_addr.state, sizeof(c->sub_addr.state));
	tui_form_get(&d->form, C_SZIP, c->sub_addr.zip, sizeof(c->sub_addr.zip));
	if (!strcmp(c->relationship, REL_SELF)) {
		memset(c->sub_last, 0, sizeof(c->sub_last));
		memset(c->sub_first, 0, sizeof(c->sub_first));
		memset(c->sub_middle, 0, sizeof(c->sub_middle));
		c->sub_dob = 0;
		c->sub_sex = 0;
		memset(&c->sub_addr, 0, sizeof(c->sub_addr));
	}
}

static void fill_form(struct cov_dialog *d)
{
	const struct coverage *c = &d->c;
	char buf[DATE_ISO_LEN], seq[4], sex[2] = { c->sub_sex, '\0' };
	const char *rel = relationship_name(c->relationship);
	bool self = !strcmp(c->relationship, REL_SELF);
	int i;

	snprintf(seq, sizeof(seq), "%d", c->seq);
	tui_form_set(&d->form, C_SEQ, seq);
	tui_form_set(&d->form, C_PAYER, d->payer_name[0] ? d->payer_name : "(F4 picks)");
	tui_form_set(&d->form, C_MEMBER, c->member_id);
	tui_form_set(&d->form, C_GROUP, c->group_no);
	tui_form_set(&d->form, C_REL, rel ? rel : c->relationship);
	date_text(c->effective, buf);
	tui_form_set(&d->form, C_EFFECTIVE, buf);
	date_text(c->end, buf);
	tui_form_set(&d->form, C_END, buf);
	tui_form_set(&d->form, C_INSTYPE, c->insurance_type);
	tui_form_set(&d->form, C_SLAST, c->sub_last);
	tui_form_set(&d->form, C_SFIRST, c->sub_first);
	tui_form_set(&d->form, C_SMIDDLE, c->sub_middle);
	date_text(c->sub_dob, buf);
	tui_form_set(&d->form, C_SDOB, buf);
	tui_form_set(&d->form, C_SSEX, sex);
	tui_form_set(&d->form, C_SADDR1, c->sub_addr.line1);
	tui_form_set(&d->form, C_SADDR2, c->sub_addr.line2);
	tui_form_set(&d->form, C_SCITY, c->sub_addr.city);
	tui_form_set(&d->form, C_SSTATE, c->sub_addr.state);
	tui_form_set(&d->form, C_SZIP, c->sub_addr.zip);
	for (i = C_SLAST; i < C_COUNT; i++)
		tui_form_enable(&d->form, i, !self);
}

/*
 * Field-exit check: the domain's coverage_validate() on the coverage as
 * typed so far; only a message about the field being left stops the cursor
 * (the other fields are checked when they are left, and all on F2).
 */
static int cov_check(void *ctx, int field, const char *text)
{
	struct cov_dialog *d = ctx;
	struct coverage c;
	char want[80];

	read_form(d, &c);
	if (!c.patient)
		c.patient = -1;	/* a new patient: the id comes with the save */
	coverage_normalize(&c);
	if (coverage_validate(&c) == MB_OK)
		return MB_OK;
	snprintf(want, sizeof(want), "'%s'", cov_fields[field].name);
	return strstr(error_last(), want) ? MB_ERROR : MB_OK;
}

static void cov_layout(struct cov_dialog *d)
{
	int h = 13, w = 76;

	wresize(d->win, h, w);
	mvwin(d->win, (LINES - h) / 2, (COLS - w) / 2);
	replace_panel(d->panel, d->win);
	werase(d->win);
	tui_form_place(&d->form, d->win, 2, 2, 9, w - 4);
	d->gen = d->t->gen;
}

static void cov_draw(struct tui *t, void *ctx)
{
	struct cov_dialog *d = ctx;
	static const char *const order[] = { "", "primary", "secondary", "tertiary" };
	char title[80], seq[8], msp[4];
	const char *msp_name;
	int n;

	if (d->gen != t->gen)
		cov_layout(d);
	box(d->win, 0, 0);
	snprintf(title, sizeof(title), " %s coverage ", d->cv->c.id ? "Edit" : "New");
	wattrset(d->win, tui_attr(t, TA_HEADER));
	mvwaddstr(d->win, 0, 2, title);
	wattrset(d->win, tui_attr(t, TA_DIM));
	tui_form_get(&d->form, C_SEQ, seq, sizeof(seq));
	n = atoi(seq);
	mvwprintw(d->win, 2, 10, "%-9s", n >= 1 && n <= 3 ? order[n] : "");
	tui_form_get(&d->form, C_INSTYPE, msp, sizeof(msp));
	msp_name = insurance_type_name(msp);
	mvwprintw(d->win, 5, 54, "%-20.20s", msp_name ? msp_name : "");
	tui_put(d->win, 6, 2, 72, "Subscriber, when the patient is not the subscriber");
	tui_put(d->win, 11, 2, 72, "F2 accept  F4 pick payer, relationship or MSP type  Esc cancel");
	wattrset(d->win, A_NORMAL);
	tui_form_draw(&d->form);
}

static int payer_row(const struct payer *p, void *arg)
{
	struct tui_rows *r = arg;
	char line[200];

	snprintf(line, sizeof(line), "%-36.36s %-10.10s %s", p->name, p->payer_id, p->filing_code);
	tui_rows_add(r, line, p->id);
	return MB_OK;
}

static void pick_payer(struct cov_dialog *d)
{
	struct tui_rows r;
	int i, sel = 0;

	tui_rows_init(&r);
	if (payer_foreach(d->t->st, payer_row, &r) != MB_OK) {
		tui_fail(d->t);
		tui_rows_release(&r);
		return;
	}
	for (i = 0; i < r.n; i++)
		if (r.ids[i] == d->c.payer)
			sel = i;
	i = tui_pick(d->t, "Payer", r.rows, r.n, sel);
	if (i >= 0) {
		struct payer p;

		if (payer_get(d->t->st, r.ids[i], &p) == MB_OK) {
			d->c.payer = p.id;
			SCPY(d->payer_name, p.name);
			tui_form_set(&d->form, C_PAYER, p.name);
			d->form.changed = true;
		}
	}
	tui_rows_release(&r);
}

static void pick_relationship(struct cov_dialog *d)
{
	char *rows[ARRAY_SIZE(rel_codes)];
	char line[ARRAY_SIZE(rel_codes)][48];
	size_t i;
	int sel = 0, got, f;

	for (i = 0; i < ARRAY_SIZE(rel_codes); i++) {
		snprintf(line[i], sizeof(line[i]), "%-3s %s", rel_codes[i], relationship_name(rel_codes[i]));
		rows[i] = line[i];
		if (!strcmp(rel_codes[i], d->c.relationship))
			sel = (int)i;
	}
	got = tui_pick(d->t, "Patient's relationship to the subscriber", rows,
		       (int)ARRAY_SIZE(rel_codes), sel);
	if (got < 0)
		return;
	SCPY(d->c.relationship, rel_codes[got]);
	tui_form_set(&d->form, C_REL, relationship_name(rel_codes[got]));
	for (f = C_SLAST; f < C_COUNT; f++)
		tui_form_enable(&d->form, f, strcmp(d->c.relationship, REL_SELF) != 0);
	d->form.changed = true;
}

static void pick_msp(struct cov_dialog *d)
{
	char *rows[ARRAY_SIZE(msp_codes)];
	char line[ARRAY_SIZE(msp_codes)][48], cur[4];
	size_t i;
	int sel = 0, got;

	tui_form_get(&d->form, C_INSTYPE, cur, sizeof(cur));
	for (i = 0; i < ARRAY_SIZE(msp_codes); i++) {
		if (msp_codes[i][0])
			snprintf(line[i], sizeof(line[i]), "%-3s %s", msp_codes[i],
				 insurance_type_name(msp_codes[i]));
		else
			snprintf(line[i], sizeof(line[i]), "    none (Medicare primary or no Medicare)");
		rows[i] = line[i];
		if (!strcmp(msp_codes[i], cur))
			sel = (int)i;
	}
	got = tui_pick(d->t, "Why Medicare is not the primary payer", rows,
		       (int)ARRAY_SIZE(msp_codes), sel);
	if (got < 0)
		return;
	tui_form_set(&d->form, C_INSTYPE, msp_codes[got]);
	d->form.changed = true;
}

/* Validate the whole coverage; on an error focus the field it names. */
static bool accept(struct cov_dialog *d)
{
	struct coverage c;

	if (tui_form_validate(&d->form) != MB_OK)
		return false;
	read_form(d, &c);
	if (!c.patient)
		c.patient = -1;
	coverage_normalize(&c);
	if (coverage_validate(&c) != MB_OK) {
		int f = tui_form_field_named(&d->form, error_last());

		tui_fail(d->t);
		if (f >= 0)
			tui_form_focus(&d->form, f);
		return false;
	}
	c.patient = d->c.patient;
	d->cv->c = c;
	SCPY(d->cv->payer_name, d->payer_name);
	d->cv->changed = true;
	return true;
}

bool tui_coverage_edit(struct tui *t, struct tui_cov *cv)
{
	struct cov_dialog d;
	enum tui_action act;
	bool ok = false;
	int key, cur;

	memset(&d, 0, sizeof(d));
	d.t = t;
	d.cv = cv;
	d.c = cv->c;
	if (!d.c.relationship[0])
		SCPY(d.c.relationship, REL_SELF);
	SCPY(d.payer_name, cv->payer_name);
	tui_form_init(&d.form, t, cov_fields, C_COUNT, cov_check, &d);
	field_opts_off(d.form.fields[C_PAYER], O_EDIT);
	field_opts_off(d.form.fields[C_REL], O_EDIT);
	d.form.active = true;
	d.win = newwin(13, 76, 0, 0);
	d.panel = new_panel(d.win);
	d.gen = t->gen - 1;
	fill_form(&d);
	tui_form_focus(&d.form, d.c.id ? C_MEMBER : C_PAYER);
	tui_overlay_push(cov_draw, &d);
	for (;;) {
		key = tui_getkey(t);
		if (key == TUI_KEY_EOF)
			break;
		if (key == KF(KEY_RESIZE))
			continue;
		t->msg_kind = MSG_NONE;
		act = tui_key_action(KM_GLOBAL, key);
		cur = tui_form_current(&d.form);
		if (act == ACT_BACK) {
			if (!d.form.changed || tui_confirm(t, "Drop the changes to this coverage?"))
				break;
			continue;
		}
		if (act == ACT_SAVE) {
			if (accept(&d)) {
				ok = true;
				break;
			}
			continue;
		}
		if (act == ACT_QUIT)
			break;
		if (cur == C_INSTYPE && act == ACT_PICK) {
			pick_msp(&d);
			continue;
		}
		if ((cur == C_PAYER || cur == C_REL) &&
		    (act == ACT_PICK || act == ACT_ENTER || key == ' ')) {
			if (cur == C_PAYER)
				pick_payer(&d);
			else
				pick_relationship(&d);
			continue;
		}
		if (act == ACT_ENTER)
			act = ACT_NEXT;
		if ((cur == C_PAYER || cur == C_REL) && tui_key_printable(key)) {
			tui_msg(t, "F4 or Enter picks the %s from a list", cov_fields[cur].name);
			continue;
		}
		tui_form_key(&d.form, key, act);
	}
	tui_overlay_pop();
	tui_form_release(&d.form);
	del_panel(d.panel);
	delwin(d.win);
	return ok;
}
