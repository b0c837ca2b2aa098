/*
 * tui_form.c: labelled one-line fields on the form library.
 *
 * Each kind of field is a form-library field type: its character check
 * refuses keys that cannot belong (a letter in a date), and its field check
 * runs when the cursor leaves the field: first the kind's own parse (a real
 * date, an amount), then the screen's check, which calls the domain's
 * validation. A failed check leaves its message on the message line and
 * keeps the cursor in the field.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tui_priv.h"

static FIELDTYPE *types[FK_INT + 1];

static bool char_ok(enum tui_fkind kind, int c)
{
	switch (kind) {
	case FK_DIGITS:
	case FK_INT:
		return c >= '0' && c <= '9';
	case FK_DATE:
		return (c >= '0' && c <= '9') || c == '-' || c == '/';
	case FK_MONEY:
		return (c >= '0' && c <= '9') || c == '.' || c == ',';
	default:
		return true;
	}
}

static bool ccheck_digits(int c, const void *arg)
{
	return char_ok(FK_DIGITS, c);
}

static bool ccheck_date(int c, const void *arg)
{
	return char_ok(FK_DATE, c);
}

static bool ccheck_money(int c, const void *arg)
{
	return char_ok(FK_MONEY, c);
}

/* The kind's own check, then the screen's. */
static int check_text(struct tui_form *f, int i, const char *text)
{
	const struct tui_fspec *sp = &f->spec[i];
	mbdate_t d;
	cents_t c;
	char norm[64];
	size_t j, k = 0;

	if (!*text)
		return f->check ? f->check(f->ctx, i, text) : MB_OK;
	switch (sp->kind) {
	case FK_DATE:
		if (date_parse(text, &d, sp->name) != MB_OK)
			return MB_ERROR;
		break;
	case FK_MONEY:
		for (j = 0; text[j] && k + 1 < sizeof(norm); j++)
			if (text[j] != ',')
				norm[k++] = text[j];
		norm[k] = '\0';
		if (money_parse(norm, &c, sp->name) != MB_OK)
			return MB_ERROR;
		break;
	case FK_INT:
	case FK_DIGITS:
		if (!str_is_digits(text))
			return error("'%s': '%s' is not a number", sp->name, text);
		break;
	default:
		break;
	}
	return f->check ? f->check(f->ctx, i, text) : MB_OK;
}

static bool fcheck(FIELD *field, const void *arg)
{
	struct tui_form *f = field_userptr(field);
	char text[256];
	int i;

	if (!f || f->syncing)
		return TRUE;
	i = field_index(field);
	tui_trim_copy(text, sizeof(text), field_buffer(field, 0));
	if (check_text(f, i, text) != MB_OK) {
		tui_fail(f->tui);
		return FALSE;
	}
	return TRUE;
}

static FIELDTYPE *type_for(enum tui_fkind kind)
{
	if (!types[kind]) {
		switch (kind) {
		case FK_DIGITS:
		case FK_INT:
			types[kind] = new_fieldtype(fcheck, ccheck_digits);
			break;
		case FK_DATE:
			types[kind] = new_fieldtype(fcheck, ccheck_date);
			break;
		case FK_MONEY:
			types[kind] = new_fieldtype(fcheck, ccheck_money);
			break;
		default:
			types[kind] = new_fieldtype(fcheck, NULL);
			break;
		}
		if (!types[kind])
			die("cannot make a field type");
	}
	return types[kind];
}

static int field_col(const struct tui_fspec *sp)
{
	return sp->col + (sp->label ? tui_width(sp->label) + 1 : 0);
}

void tui_form_init(struct tui_form *f, struct tui *t, const struct tui_fspec *spec, int n,
		   tui_form_check check, void *ctx)
{
	int i;

	memset(f, 0, sizeof(*f));
	f->tui = t;
	f->spec = spec;
	f->n = n;
	f->check = check;
	f->ctx = ctx;
	f->fields = xcalloc((size_t)n + 1, sizeof(*f->fields));
	for (i = 0; i < n; i++) {
		FIELD *fd = new_field(1, spec[i].width, spec[i].row, field_col(&spec[i]), 0, 0);

		if (!fd)
			die("cannot make field '%s'", spec[i].name);
		if (spec[i].max > spec[i].width) {
			field_opts_off(fd, O_STATIC);
			set_max_field(fd, spec[i].max);
		}
		if (spec[i].kind == FK_MONEY || spec[i].kind == FK_INT)
			set_field_just(fd, JUSTIFY_RIGHT);
		/* Check on every exit, not only after typing: reading a field
		 * (tui_form_get) copies it, which the library counts as checked. */
		field_opts_off(fd, O_PASSOK);
		/* Tab always moves; a full field does not jump on by itself. */
		field_opts_off(fd, O_AUTOSKIP);
		set_field_type(fd, type_for(spec[i].kind));
		set_field_userptr(fd, f);
		set_field_back(fd, tui_attr(t, TA_FIELD));
		f->fields[i] = fd;
	}
	f->form = new_form(f->fields);
	if (!f->form)
		die("cannot make a form");
}

void tui_form_place(struct tui_form *f, WINDOW *parent, int y, int x, int h, int w)
{
	int cur = tui_form_current(f);
	bool again = f->sub != NULL;

	if (f->sub) {
		unpost_form(f->form);
		delwin(f->sub);
	}
	f->parent = parent;
	f->y = y;
	f->x = x;
	f->h = h;
	f->w = w;
	f->sub = derwin(parent, h, w, y, x);
	if (!f->sub)
		return;
	set_form_win(f->form, parent);
	set_form_sub(f->form, f->sub);
	f->syncing = true;
	post_form(f->form);
	set_current_field(f->form, f->fields[cur]);
	/* After a resize, typing goes on at the end of what was typed. */
	if (again)
		form_driver(f->form, REQ_END_FIELD);
	f->syncing = false;
}

void tui_form_draw(struct tui_form *f)
{
	int i, cur = tui_form_current(f);
	chtype want;

	if (!f->sub)
		return;
	for (i = 0; i < f->n; i++) {
		const struct tui_fspec *sp = &f->spec[i];
		bool on = field_opts(f->fields[i]) & O_ACTIVE;

		if (sp->label) {
			wattrset(f->parent, on ? A_NORMAL : tui_attr(f->tui, TA_DIM));
			mvwaddstr(f->parent, f->y + sp->row, f->x + sp->col, sp->label);
			wattrset(f->parent, A_NORMAL);
		}
		want = !on ? tui_attr(f->tui, TA_DIM) :
		       f->active && i == cur ? tui_attr(f->tui, TA_FIELD_CUR) : tui_attr(f->tui, TA_FIELD);
		/* Setting it redraws the field: only when it changes. */
		if (field_back(f->fields[i]) != want)
			set_field_back(f->fields[i], want);
	}
	tui_form_cursor(f);
}

void tui_form_cursor(struct tui_form *f)
{
	if (!f->sub || !f->active)
		return;
	pos_form_cursor(f->form);
	tui_cursor(f->tui, f->parent, getcury(f->parent), getcurx(f->parent));
}

static int drive(struct tui_form *f, int req)
{
	return form_driver(f->form, req);
}

bool tui_form_key(struct tui_form *f, int key, enum tui_action act)
{
	int r;

	if (!f->sub)
		return false;
	if (tui_key_printable(key)) {
		enum tui_fkind kind = f->spec[tui_form_current(f)].kind;

		if (kind == FK_UPPER && key < 128)
			key = toupper(key);
		if (!char_ok(kind, key)) {
			tui_error(f->tui, "'%s' takes %s", f->spec[tui_form_current(f)].name,
				  kind == FK_DATE ? "a date: YYYY-MM-DD" :
				  kind == FK_MONEY ? "an amount: 123.45" : "digits only");
			return true;
		}
		if (form_driver_w(f->form, OK, (wchar_t)key) == E_OK)
			f->changed = true;
		return true;
	}
	switch (act) {
	case ACT_BKSP:
		if (drive(f, REQ_DEL_PREV) == E_OK)
			f->changed = true;
		return true;
	case ACT_DELCHAR:
		if (drive(f, REQ_DEL_CHAR) == E_OK)
			f->changed = true;
		return true;
	case ACT_LEFT:
		drive(f, REQ_PREV_CHAR);
		return true;
	case ACT_RIGHT:
		drive(f, REQ_NEXT_CHAR);
		return true;
	case ACT_HOME:
		drive(f, REQ_BEG_FIELD);
		return true;
	case ACT_END:
		drive(f, REQ_END_FIELD);
		return true;
	case ACT_NEXT:
		drive(f, REQ_NEXT_FIELD);
		return true;
	case ACT_PREV:
		drive(f, REQ_PREV_FIELD);
		return true;
	case ACT_UP:
		r = drive(f, REQ_UP_FIELD);
		return r == E_OK || r == E_INVALID_FIELD;
	case ACT_DOWN:
		r = drive(f, REQ_DOWN_FIELD);
		return r == E_OK || r == E_INVALID_FIELD;
	default:
		return false;
	}
}

int tui_form_validate(struct tui_form *f)
{
	if (!f->sub)
		return MB_OK;
	return form_driver(f->form, REQ_VALIDATION) == E_OK ? MB_OK : MB_ERROR;
}

/* Copy what was typed in the current field into its buffer, without checks. */
static void sync(struct tui_form *f)
{
	if (!f->sub)
		return;
	f->syncing = true;
	form_driver(f->form, REQ_VALIDATION);
	f->syncing = false;
}

int tui_form_current(const struct tui_form *f)
{
	FIELD *c = current_field(f->form);

	return c ? field_index(c) : 0;
}

void tui_form_focus(struct tui_form *f, int i)
{
	if (i < 0 || i >= f->n)
		return;
	f->syncing = true;
	set_current_field(f->form, f->fields[i]);
	f->syncing = false;
}

void tui_form_get(struct tui_form *f, int i, char *buf, size_t n)
{
	if (i == tui_form_current(f))
		sync(f);
	tui_trim_copy(buf, n, field_buffer(f->fields[i], 0));
}

void tui_form_set(struct tui_form *f, int i, const char *text)
{
	set_field_buffer(f->fields[i], 0, text ? text : "");
}

void tui_form_enable(struct tui_form *f, int i, bool on)
{
	if (on)
		field_opts_on(f->fields[i], O_ACTIVE);
	else
		field_opts_off(f->fields[i], O_ACTIVE);
}

void tui_form_clean(struct tui_form *f)
{
	f->changed = false;
}

void tui_form_release(struct tui_form *f)
{
	int i;

	if (f->form) {
		unpost_form(f->form);
		free_form(f->form);
	}
	for (i = 0; i < f->n; i++)
		free_field(f->fields[i]);
	free(f->fields);
	if (f->sub)
		delwin(f->sub);
	memset(f, 0, sizeof(*f));
}

int tui_form_field_named(const struct tui_form *f, const char *msg)
{
	char want[96];
	size_t best_len = 0;
	int i, best = -1;

	for (i = 0; i < f->n; i++) {
		snprintf(want, sizeof(want), "'%s'", f->spec[i].name);
		if (strstr(msg, want) && strlen(want) > best_len) {
			best = i;
			best_len = strlen(want);
		}
	}
	return best;
}
