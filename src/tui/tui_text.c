/*
 * tui_text.c: text measured in terminal columns, for rows that line up
 * whatever the characters (UTF-8 names, block characters).
 */
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <wchar.h>

#include "tui_priv.h"

/* Decode one character at s; its byte length (at least 1) and width in *w. */
static size_t next_char(const char *s, int *w)
{
	mbstate_t ps;
	wchar_t wc;
	size_t len;
	int cw;

	memset(&ps, 0, sizeof(ps));
	len = mbrtowc(&wc, s, MB_CUR_MAX, &ps);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*w = 1;
		return 1;
	}
	cw = wcwidth(wc);
	*w = cw < 0 ? 1 : cw;
	return len;
}

int tui_width(const char *s)
{
	int total = 0, w;

	while (*s) {
		s += next_char(s, &w);
		total += w;
	}
	return total;
}

void tui_fit(struct strbuf *sb, const char *s, int w, bool right)
{
	int used = 0, cw, pad;
	const char *p = s;
	size_t len;

	if (!s)
		s = p = "";
	while (*p) {
		len = next_char(p, &cw);
		if (used + cw > w)
			break;
		used += cw;
		p += len;
	}
	pad = w - used;
	if (right)
		while (pad-- > 0)
			strbuf_addch(sb, ' ');
	strbuf_add(sb, s, (size_t)(p - s));
	if (!right)
		while (pad-- > 0)
			strbuf_addch(sb, ' ');
}

void tui_put(WINDOW *win, int y, int x, int w, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	int maxx = getmaxx(win);

	if (w < 0 || x + w > maxx)
		w = maxx - x;
	if (w <= 0)
		return;
	if (tui_width(s) < w)
		w = tui_width(s);
	tui_fit(&sb, s, w, false);
	mvwaddstr(win, y, x, strbuf_str(&sb));
	strbuf_release(&sb);
}

void tui_money(struct strbuf *sb, cents_t c, int w)
{
	char buf[MONEY_BUF];

	tui_fit(sb, money_fmt_grouped(c, buf), w, true);
}

void tui_trim_copy(char *buf, size_t n, const char *s)
{
	const char *e;
	size_t len;

	if (!n)
		return;
	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
		e--;
	len = (size_t)(e - s);
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

void tui_rows_init(struct tui_rows *r)
{
	memset(r, 0, sizeof(*r));
}

void tui_rows_add(struct tui_rows *r, const char *row, int64_t id)
{
	ALLOC_GROW(r->rows, (size_t)r->n + 1, r->alloc);
	ALLOC_GROW(r->ids, (size_t)r->n + 1, r->ids_alloc);
	r->rows[r->n] = xstrdup(row);
	r->ids[r->n] = id;
	r->n++;
}

void tui_rows_clear(struct tui_rows *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->rows[i]);
	r->n = 0;
}

void tui_rows_release(struct tui_rows *r)
{
	tui_rows_clear(r);
	free(r->rows);
	free(r->ids);
	memset(r, 0, sizeof(*r));
}

bool tui_contains(const char *hay, const char *needle)
{
	size_t len = strlen(needle);

	if (!len)
		return true;
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, len))
			return true;
	return false;
}
