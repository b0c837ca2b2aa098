/*
 * tui_aging.c: accounts-receivable aging for the supervisor. Rows are the
 * payers (and patient responsibility), or the patients; columns the age
 * buckets, the total and its share. The arrows move over the cells; Enter
 * opens the claims of a cell. A bar chart of the selected row's buckets
 * sits below (block characters, '#' without UTF-8). t toggles payers and
 * patients, d asks for the as-of date, x exports the table as CSV.
 *
 * The report comes from aging_run(), which reads the balances projection,
 * so it opens at once on a large book.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "medbill/aging.h"
#include "tui_priv.h"

#define COL_TOTAL AGING_BUCKETS	/* the column after the buckets */
#define CHART_ROWS (AGING_BUCKETS + 2)

struct aging_state {
	enum aging_by by;
	mbdate_t as_of;
	struct aging_report r;
	bool loaded;
	int row, col;		/* the selected cell; row nrows is the total */
	int top;		/* first row shown */
	int amount_w;		/* width of an amount column */
	bool cents;		/* amounts with cents (else whole dollars) */
	char find[64];		/* the last '/' text */
};

static int load(struct tui_screen *s)
{
	struct aging_state *as = s->priv;
	struct aging_report r;

	memset(&r, 0, sizeof(r));
	if (aging_run(s->tui->st, as->by, as->as_of, &r) != MB_OK)
		return MB_ERROR;
	if (as->loaded)
		aging_report_release(&as->r);
	as->r = r;
	as->loaded = true;
	if (as->row > (int)r.nrows)
		as->row = (int)r.nrows;
	tui_set_title(s, "A/R aging by %s", as->by == AGING_BY_PAYER ? "payer" : "patient");
	return MB_OK;
}

static int aging_open(struct tui_screen *s, const void *arg)
{
	struct aging_state *as = xcalloc(1, sizeof(*as));

	s->priv = as;
	as->by = AGING_BY_PAYER;
	as->as_of = date_today();
	if (load(s) != MB_OK) {
		free(as);
		return MB_ERROR;
	}
	return MB_OK;
}

static const struct aging_row *row_at(const struct aging_state *as, int i)
{
	return i < (int)as->r.nrows ? &as->r.rows[i] : &as->r.totals;
}

static cents_t cell(const struct aging_row *row, int col)
{
	return col < AGING_BUCKETS ? row->bucket[col] : row->total;
}

/* "12,345.67", or "12,346" in whole dollars (rounded half away from zero). */
static void amount_text(const struct aging_state *as, cents_t c, char buf[MONEY_BUF])
{
	char *dot;

	if (as->cents) {
		money_fmt_grouped(c, buf);
		return;
	}
	c = c >= 0 ? (c + 50) / 100 * 100 : -((-c + 50) / 100 * 100);
	money_fmt_grouped(c, buf);
	dot = strchr(buf, '.');
	if (dot)
		*dot = '\0';
}

static void pct_text(int64_t permille, char buf[32])
{
	int64_t a = permille < 0 ? -permille : permille;

	snprintf(buf, 32, "%s%lld.%lld%%", permille < 0 ? "-" : "", (long long)(a / 10),
		 (long long)(a % 10));
}

/* Fit the amounts: with cents when the widest fits the width, else dollars. */
static int name_width(struct tui_screen *s, struct aging_state *as)
{
	int w = getmaxx(s->win) - 2, i, col, widest = 0, name_w;
	char m[MONEY_BUF];

	for (as->cents = true;; as->cents = false) {
		widest = 0;
		for (i = 0; i <= (int)as->r.nrows; i++)
			for (col = 0; col <= COL_TOTAL; col++) {
				amount_text(as, cell(row_at(as, i), col), m);
				if ((int)strlen(m) > widest)
					widest = (int)strlen(m);
			}
		as->amount_w = widest < 6 ? 6 : widest;
		name_w = w - (COL_TOTAL + 1) * (as->amount_w + 1) - 7;
		if (name_w >= 14 || !as->cents)
			break;
	}
	return name_w < 8 ? 8 : name_w;
}

static int table_rows(struct tui_screen *s)
{
	int h = getmaxy(s->win) - 3 - CHART_ROWS - 1;

	return h < 3 ? 3 : h;
}

static void draw_chart(struct tui_screen *s, int y0)
{
	static const wchar_t *const eighths[] = {
		L"", L"\u258f", L"\u258e", L"\u258d", L"\u258c", L"\u258b", L"\u258a", L"\u2589",
	};
	struct aging_state *as = s->priv;
	const struct aging_row *row = row_at(as, as->row);
	int w = getmaxx(s->win), barw = w - 34, b, x;
	cents_t max = 0;
	char m[MONEY_BUF], p[32], title[100];

	for (b = 0; b < AGING_BUCKETS; b++)
		if (row->bucket[b] > max)
			max = row->bucket[b];
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	snprintf(title, sizeof(title), "%s by age", row->name);
	tui_put(s->win, y0, 1, -1, title);
	wattrset(s->win, A_NORMAL);
	for (b = 0; b < AGING_BUCKETS; b++) {
		int y = y0 + 1 + b;
		long long eighth = max > 0 && row->bucket[b] > 0 ?
			(long long)((double)row->bucket[b] / (double)max * barw * 8 + 0.5) : 0;

		mvwprintw(s->win, y, 1, "%7s ", aging_bucket_label(b));
		wattrset(s->win, tui_attr(s->tui, (enum tui_attr)(TA_CHART1 + b)));
		for (x = 0; x < eighth / 8 && x < barw; x++) {
			if (s->tui->utf8)
				waddwstr(s->win, L"\u2588");
			else
				waddch(s->win, '#');
		}
		if (eighth % 8 && x < barw) {
			if (s->tui->utf8)
				waddwstr(s->win, eighths[eighth % 8]);
			else if (eighth % 8 >= 4)
				waddch(s->win, '#');
		}
		wattrset(s->win, A_NORMAL);
		amount_text(as, row->bucket[b], m);
		pct_text(aging_permille(row->bucket[b], row->total), p);
		mvwprintw(s->win, y, w - 25, "%14s %7s", m, p);
	}
}

static void draw_row(struct tui_screen *s, int nw, int ri, int yy)
{
	struct aging_state *as = s->priv;
	const struct aging_row *row = row_at(as, ri);
	bool total = ri == (int)as->r.nrows;
	struct strbuf sb = STRBUF_INIT;
	char m[MONEY_BUF], p[32];
	int col, x = 1 + nw;

	tui_fit(&sb, row->name, nw, false);
	wattrset(s->win, total ? A_BOLD : A_NORMAL);
	tui_put(s->win, yy, 1, -1, strbuf_str(&sb));
	for (col = 0; col <= COL_TOTAL; col++) {
		strbuf_reset(&sb);
		amount_text(as, cell(row, col), m);
		tui_fit(&sb, m, as->amount_w, true);
		wattrset(s->win, ri == as->row && col == as->col ? tui_attr(s->tui, TA_SELECT) :
			 total ? A_BOLD : A_NORMAL);
		mvwaddch(s->win, yy, x, ' ');
		waddstr(s->win, strbuf_str(&sb));
		x += 1 + as->amount_w;
	}
	wattrset(s->win, total ? A_BOLD : A_NORMAL);
	pct_text(aging_permille(row->total, as->r.totals.total), p);
	mvwprintw(s->win, yy, x, " %6s", p);
	wattrset(s->win, A_NORMAL);
	strbuf_release(&sb);
}

static void aging_draw(struct tui_screen *s)
{
	struct aging_state *as = s->priv;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_ISO_LEN];
	int nw = name_width(s, as), rows = table_rows(s), i, col, y, total_rows;

	werase(s->win);
	total_rows = (int)as->r.nrows + 1;
	if (as->row < as->top)
		as->top = as->row;
	if (as->row >= as->top + rows - 1 && as->row < (int)as->r.nrows)
		as->top = as->row - rows + 2;
	if (as->top < 0)
		as->top = 0;
	date_iso(as->as_of, d);
	strbuf_addf(&sb, "As of %s, days since the date of service%s", d,
		    as->cents ? "" : "; whole dollars");
	tui_put(s->win, 0, 1, -1, strbuf_str(&sb));
	strbuf_reset(&sb);
	tui_fit(&sb, as->by == AGING_BY_PAYER ? "Payer" : "Patient", nw, false);
	for (col = 0; col < AGING_BUCKETS; col++) {
		strbuf_addch(&sb, ' ');
		tui_fit(&sb, aging_bucket_label(col), as->amount_w, true);
	}
	strbuf_addch(&sb, ' ');
	tui_fit(&sb, "Total", as->amount_w, true);
	strbuf_adds(&sb, "  Share");
	wattrset(s->win, tui_attr(s->tui, TA_HEADER));
	tui_put(s->win, 2, 1, -1, strbuf_str(&sb));
	wattrset(s->win, A_NORMAL);
	/* The rows that fit, then the total on the last table line. */
	y = (int)as->r.nrows - as->top;
	if (y > rows - 1)
		y = rows - 1;
	for (i = 0; i <= y; i++)
		draw_row(s, nw, i < y ? as->top + i : (int)as->r.nrows, 3 + i);
	if (total_rows - 1 > rows - 1) {
		wattrset(s->win, tui_attr(s->tui, TA_DIM));
		mvwprintw(s->win, 1, 1, "rows %d-%d of %d", as->top + 1,
			  as->top + y < total_rows - 1 ? as->top + y : total_rows - 1, total_rows - 1);
		wattrset(s->win, A_NORMAL);
	}
	draw_chart(s, 3 + rows + 1);
	strbuf_release(&sb);
}

static int export_csv(struct aging_state *as, const char *path)
{
	FILE *f = fopen(path, "w");
	int ret;

	if (!f)
		return error("'file': cannot write '%s': %s", path, strerror(errno));
	ret = aging_write_csv(&as->r, f);
	if (fclose(f) != 0 || ret != MB_OK)
		return error("'file': cannot write '%s': %s", path, strerror(errno));
	return MB_OK;
}

static void ask_as_of(struct tui_screen *s)
{
	struct aging_state *as = s->priv;
	char buf[32];
	mbdate_t d, old = as->as_of;

	date_iso(as->as_of, buf);
	if (!tui_prompt(s->tui, "As of (YYYY-MM-DD):", buf, sizeof(buf)))
		return;
	if (date_parse(buf, &d, "as of") != MB_OK) {
		tui_fail(s->tui);
		return;
	}
	as->as_of = d;
	if (load(s) != MB_OK) {
		as->as_of = old;
		tui_fail(s->tui);
	}
}

static void ask_export(struct tui_screen *s)
{
	struct aging_state *as = s->priv;
	char path[512], d[DATE_ISO_LEN];

	date_iso(as->as_of, d);
	snprintf(path, sizeof(path), "aging-%s-%s.csv", as->by == AGING_BY_PAYER ? "payer" : "patient", d);
	if (!tui_prompt(s->tui, "Export to file:", path, sizeof(path)))
		return;
	if (!path[0]) {
		tui_error(s->tui, "'file' is required");
		return;
	}
	if (export_csv(as, path) != MB_OK) {
		tui_fail(s->tui);
		return;
	}
	tui_msg(s->tui, "exported %zu rows and the total to %s", as->r.nrows, path);
}

/* '/': the next row whose name or account holds the text. */
static void find_row(struct tui_screen *s)
{
	struct aging_state *as = s->priv;
	int n = (int)as->r.nrows, k, i;

	if (!tui_prompt(s->tui, "Find in the list:", as->find, sizeof(as->find)) || !as->find[0])
		return;
	for (k = 1; k <= n; k++) {
		i = (as->row + k) % (n ? n : 1);
		if (n && (tui_contains(as->r.rows[i].name, as->find) ||
			  tui_contains(as->r.rows[i].account, as->find))) {
			as->row = i;
			return;
		}
	}
	tui_error(s->tui, "'%s' is not in the list", as->find);
}

static enum tui_action aging_key(struct tui_screen *s, int key, enum tui_action act)
{
	struct aging_state *as = s->priv;
	int last = (int)as->r.nrows, page = table_rows(s) - 2;
	struct tui_cell_arg arg;

	switch (act) {
	case ACT_UP: as->row--; break;
	case ACT_DOWN: as->row++; break;
	case ACT_LEFT: as->col--; break;
	case ACT_RIGHT: as->col++; break;
	case ACT_PGUP: as->row -= page > 1 ? page : 1; break;
	case ACT_PGDN: as->row += page > 1 ? page : 1; break;
	case ACT_HOME: as->row = 0; break;
	case ACT_END: as->row = last; break;
	case ACT_TOGGLE:
		as->by = as->by == AGING_BY_PAYER ? AGING_BY_PATIENT : AGING_BY_PAYER;
		as->row = 0;
		as->top = 0;
		if (load(s) != MB_OK)
			tui_fail(s->tui);
		return ACT_NONE;
	case ACT_ASOF:
		ask_as_of(s);
		return ACT_NONE;
	case ACT_EXPORT:
		ask_export(s);
		return ACT_NONE;
	case ACT_SEARCH:
		find_row(s);
		return ACT_NONE;
	case ACT_ENTER:
		memset(&arg, 0, sizeof(arg));
		arg.by = as->by;
		arg.as_of = as->as_of;
		arg.bucket = as->col < AGING_BUCKETS ? as->col : -1;
		if (as->row >= last) {
			tui_error(s->tui, "pick a %s row to see its claims",
				  as->by == AGING_BY_PAYER ? "payer" : "patient");
			return ACT_NONE;
		}
		arg.id = as->r.rows[as->row].id;
		SCPY(arg.name, as->r.rows[as->row].name);
		tui_push(s->tui, &tui_cell_ops, &arg);
		return ACT_NONE;
	default:
		return act;
	}
	if (as->row < 0)
		as->row = 0;
	if (as->row > last)
		as->row = last;
	if (as->col < 0)
		as->col = 0;
	if (as->col > COL_TOTAL)
		as->col = COL_TOTAL;
	return ACT_NONE;
}

static void aging_resume(struct tui_screen *s)
{
	if (load(s) != MB_OK)
		tui_fail(s->tui);
}

static void aging_close(struct tui_screen *s)
{
	struct aging_state *as = s->priv;

	if (as->loaded)
		aging_report_release(&as->r);
	free(as);
}

static const enum tui_action aging_bar[] = {
	ACT_HELP, ACT_ENTER, ACT_TOGGLE, ACT_ASOF, ACT_EXPORT, ACT_BACK, ACT_MENU, ACT_NONE
};

const struct tui_screen_ops tui_aging_ops = {
	.name = "A/R aging",
	.keymap = KM_AGING,
	.bar = aging_bar,
	.open = aging_open,
	.draw = aging_draw,
	.key = aging_key,
	.resume = aging_resume,
	.close = aging_close,
};
