/*
 * writer.c: the X12 segment writer (see x12.h): text cleaning, segments,
 * and the ISA/GS/ST envelope with its counts.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/util.h"
#include "medbill/x12.h"

bool x12_basic_char(int c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	switch (c) {
	case ' ': case '!': case '"': case '&': case '\'': case '(': case ')': case '*':
	case '+': case ',': case '-': case '.': case '/': case ':': case ';': case '?':
	case '=':
		return true;
	default:
		return false;
	}
}

static bool is_delim(int c, const struct x12_delims *d)
{
	return c == d->element || c == d->component || c == d->segment ||
	       (d->repetition && c == d->repetition);
}

bool x12_has_delimiter(const char *s, const struct x12_delims *d)
{
	for (; s && *s; s++)
		if (is_delim((unsigned char)*s, d))
			return true;
	return false;
}

/*
 * The base letter of a Latin-1 character U+00C0..U+00FF, upper-case, or
 * '\0' when it has none (multiplication and division signs).
 */
static char latin1_base(unsigned cp)
{
	static const char map[] =
		"AAAAAAACEEEEIIII" "DNOOOOO\0OUUUUYTS"	/* U+00C0..U+00DF */
		"AAAAAAACEEEEIIII" "DNOOOOO\0OUUUUYTY";	/* U+00E0..U+00FF */

	if (cp < 0xC0 || cp > 0xFF)
		return '\0';
	return map[cp - 0xC0];
}

/* The length of the UTF-8 sequence at s and its code point (0 if broken). */
static size_t utf8_next(const unsigned char *s, unsigned *cp)
{
	size_t n, i;
	unsigned v;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2;
		v = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3;
		v = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4;
		v = s[0] & 0x07;
	} else {
		*cp = 0;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return n;
}

int x12_text_check(const char *s, const struct x12_delims *d, const char *field)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		unsigned cp;
		size_t n = utf8_next(p, &cp);
		int c = cp < 0x80 ? toupper((int)cp) : 0;

		if (c && is_delim(c, d))
			return error("'%s': '%c' is an X12 delimiter", field, c);
		if (!c || !x12_basic_char(c)) {
			if (cp >= 0x20 && cp < 0x7f)
				return error("'%s': '%c' is not in the X12 basic character set",
					     field, (int)cp);
			return error("'%s': character U+%04X is not in the X12 basic character set",
				     field, cp);
		}
		p += n;
	}
	return MB_OK;
}

static size_t clean(char *dst, size_t n, const char *s, const struct x12_delims *d,
		    const char *extra)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t o = 0, replaced = 0;
	bool space = true;	/* drops leading spaces */

	if (!n)
		return 0;
	while (*p) {
		unsigned cp;
		size_t len;
		int c;

		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else {
			len = utf8_next(p, &cp);
		}
		if (cp < 0x80) {
			c = cp >= 'a' && cp <= 'z' ? (int)cp - 'a' + 'A' : (int)cp;
		} else {
			c = latin1_base(cp);
			if (!c)
				replaced++;
		}
		p += len;
		if (c && (is_delim(c, d) || (!x12_basic_char(c) && !(extra && strchr(extra, c))))) {
			replaced++;
			c = ' ';
		}
		if (!c)
			c = ' ';
		if (c == ' ') {
			if (space)
				continue;
			space = true;
		} else {
			space = false;
		}
		if (o + 1 < n)
			dst[o++] = (char)c;
	}
	while (o > 0 && dst[o - 1] == ' ')
		o--;
	dst[o] = '\0';
	return replaced;
}

size_t x12_clean(char *dst, size_t n, const char *s, const struct x12_delims *d)
{
	return clean(dst, n, s, d, NULL);
}

/* ---- writer ---- */

static const struct x12_delims default_delims = X12_DELIMS_DEFAULT;

void x12w_init(struct x12_writer *w, FILE *f, const struct x12_delims *d)
{
	int b;

	memset(w, 0, sizeof(*w));
	w->f = f;
	w->d = d ? *d : default_delims;
	strbuf_init(&w->seg);
	w->status = MB_OK;
	/* clean()'s rule for a byte below 0x80, once per writer. */
	for (b = 1; b < 128; b++) {
		int c = b >= 'a' && b <= 'z' ? b - 'a' + 'A' : b;

		w->ascii_rep[b] = is_delim(c, &w->d) || !x12_basic_char(c);
		w->ascii_out[b] = w->ascii_rep[b] ? ' ' : (char)c;
	}
}

void x12w_release(struct x12_writer *w)
{
	strbuf_release(&w->seg);
}

int x12w_status(const struct x12_writer *w)
{
	return w->status;
}

unsigned long x12w_replaced(const struct x12_writer *w)
{
	return w->replaced;
}

static int fail(struct x12_writer *w, const char *fmt, ...) MB_PRINTF(2, 3);
static int fail(struct x12_writer *w, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	if (w->status != MB_OK)
		return MB_ERROR;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	w->status = MB_ERROR;
	return error("%s", msg);
}

void x12w_seg(struct x12_writer *w, const char *id)
{
	if (w->open)
		BUG("x12w_seg: the previous segment was not ended");
	strbuf_reset(&w->seg);
	strbuf_adds(&w->seg, id);
	w->keep = w->seg.len;
	w->nel = 0;
	w->open = true;
}

/* Append a raw (already clean) element. */
static void add_raw(struct x12_writer *w, const char *s, size_t len)
{
	if (!w->open)
		BUG("x12w: element outside a segment");
	strbuf_grow(&w->seg, len + 1);
	w->seg.buf[w->seg.len++] = w->d.element;
	memcpy(w->seg.buf + w->seg.len, s, len);
	w->seg.len += len;
	w->seg.buf[w->seg.len] = '\0';
	w->nel++;
	if (len)
		w->keep = w->seg.len;
}

/*
 * Append s cleaned as x12_clean() does (the writer's table for ASCII,
 * clean() itself for anything else) at the end of the segment, truncated
 * to max characters; returns the length appended.
 */
static size_t add_clean(struct x12_writer *w, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t start = w->seg.len, n, o = 0, replaced = 0;
	bool space = true;	/* drops leading spaces */
	char *dst;

	if (!s || !*s)
		return 0;
	n = strlen(s);
	strbuf_grow(&w->seg, n + 1);
	dst = w->seg.buf + start;
	for (; *p; p++) {
		char c;

		if (*p >= 0x80) {
			/* Rare: text with UTF-8 goes the long way, all of it. */
			replaced = clean(dst, n + 1, s, &w->d, NULL);
			o = strlen(dst);
			break;
		}
		c = w->ascii_out[*p];
		replaced += w->ascii_rep[*p];
		if (c == ' ') {
			if (space)
				continue;
			space = true;
		} else {
			space = false;
		}
		dst[o++] = c;
	}
	w->replaced += replaced;
	while (o > 0 && dst[o - 1] == ' ')
		o--;
	if (o > max) {
		o = max;
		while (o > 0 && dst[o - 1] == ' ')
			o--;
	}
	w->seg.len = start + o;
	w->seg.buf[w->seg.len] = '\0';
	return o;
}

void x12w_eln(struct x12_writer *w, const char *s, size_t max)
{
	if (!w->open)
		BUG("x12w: element outside a segment");
	if (w->seg.len + 2 > w->seg.alloc)
		strbuf_grow(&w->seg, 1);
	w->seg.buf[w->seg.len++] = w->d.element;
	w->seg.buf[w->seg.len] = '\0';
	w->nel++;
	if (add_clean(w, s, max))
		w->keep = w->seg.len;
}

void x12w_el_ext(struct x12_writer *w, const char *s)
{
	size_t need = (s ? strlen(s) : 0) + 1;
	char *buf = xmalloc(need);

	w->replaced += clean(buf, need, s, &w->d, "@_%#$");
	add_raw(w, buf, strlen(buf));
	free(buf);
}

void x12w_el(struct x12_writer *w, const char *s)
{
	x12w_eln(w, s, (size_t)-1);
}

void x12w_elf(struct x12_writer *w, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	x12w_el(w, sb.buf);
	strbuf_release(&sb);
}

/* Digits of u, right-aligned at the end of buf; returns the first. */
static char *utoa_end(char *end, unsigned long long u)
{
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	return end;
}

void x12w_int(struct x12_writer *w, long v)
{
	char buf[32];
	char *p = utoa_end(buf + sizeof(buf), v < 0 ? 0ULL - (unsigned long long)v :
					       (unsigned long long)v);

	if (v < 0)
		*--p = '-';
	add_raw(w, p, (size_t)(buf + sizeof(buf) - p));
}

void x12w_money(struct x12_writer *w, cents_t c)
{
	char buf[MONEY_BUF];
	char *end = buf + sizeof(buf), *p = end;
	unsigned long long u = c < 0 ? 0ULL - (unsigned long long)c : (unsigned long long)c;
	unsigned cents = (unsigned)(u % 100);

	/* "150", "35.5", "0.25": no trailing zeros after the point. */
	if (cents % 10) {
		*--p = (char)('0' + cents % 10);
		*--p = (char)('0' + cents / 10);
		*--p = '.';
	} else if (cents) {
		*--p = (char)('0' + cents / 10);
		*--p = '.';
	}
	p = utoa_end(p, u / 100);
	if (c < 0)
		*--p = '-';
	add_raw(w, p, (size_t)(end - p));
}

void x12w_date(struct x12_writer *w, mbdate_t d)
{
	char buf[16];
	char *p;

	if (d <= 0) {
		add_raw(w, "", 0);
		return;
	}
	p = utoa_end(buf + sizeof(buf), (unsigned long long)d);
	add_raw(w, p, (size_t)(buf + sizeof(buf) - p));
}

void x12w_comp(struct x12_writer *w, ...)
{
	size_t start, keep;
	const char *s;
	bool first = true;
	va_list ap;

	if (!w->open)
		BUG("x12w: element outside a segment");
	strbuf_addch(&w->seg, w->d.element);
	start = keep = w->seg.len;
	va_start(ap, w);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (!first)
			strbuf_addch(&w->seg, w->d.component);
		first = false;
		if (add_clean(w, s, (size_t)-1))
			keep = w->seg.len;
	}
	va_end(ap);
	/* Trailing empty components go. */
	w->seg.len = keep;
	w->seg.buf[keep] = '\0';
	w->nel++;
	if (keep > start)
		w->keep = keep;
}

/* Write len bytes of s; records an I/O error. */
static void put(struct x12_writer *w, const char *s, size_t len)
{
	if (w->status != MB_OK)
		return;
	if (fwrite(s, 1, len, w->f) != len) {
		fail(w, "cannot write the X12 file");
		return;
	}
	w->bytes += len;
}

int x12w_end(struct x12_writer *w)
{
	char term[2];

	if (!w->open)
		BUG("x12w_end: no segment");
	w->open = false;
	w->seg.len = w->keep;
	term[0] = w->d.segment;
	term[1] = '\n';
	strbuf_add(&w->seg, term, w->d.newline ? 2 : 1);
	put(w, w->seg.buf, w->seg.len);
	w->segments++;
	if (w->in_st)
		w->st_segments++;
	return w->status;
}

/* ---- envelope ---- */

/* Append s left-justified and padded with spaces to width; fails if longer. */
static int pad(struct x12_writer *w, struct strbuf *sb, const char *s, size_t width,
	       const char *field)
{
	size_t len = strlen(s);

	if (len > width)
		return fail(w, "'%s': '%s' is longer than %zu characters", field, s, width);
	if (x12_has_delimiter(s, &w->d))
		return fail(w, "'%s': '%s' holds an X12 delimiter", field, s);
	strbuf_addch(sb, w->d.element);
	strbuf_adds(sb, s);
	while (len++ < width)
		strbuf_addch(sb, ' ');
	return MB_OK;
}

int x12w_isa(struct x12_writer *w, const struct x12_isa *isa)
{
	struct strbuf sb = STRBUF_INIT;
	char date[DATE_X12_LEN];
	int ret = MB_ERROR;

	if (w->status != MB_OK)
		return MB_ERROR;
	if (w->in_isa)
		BUG("x12w_isa: interchange already open");
	if (isa->usage != 'T' && isa->usage != 'P') {
		fail(w, "'usage': '%c' is not T (test) or P (production)", isa->usage ? isa->usage : '?');
		goto cleanup;
	}
	if (isa->control < 1 || isa->control > 999999999) {
		fail(w, "'interchange control number': %ld is not between 1 and 999999999", isa->control);
		goto cleanup;
	}
	if (!date_valid(isa->date) || isa->hhmm < 0 || isa->hhmm > 2359 || isa->hhmm % 100 > 59) {
		fail(w, "'interchange date': not a valid date and time");
		goto cleanup;
	}
	if (strlen(isa->sender_qual) != 2 || strlen(isa->receiver_qual) != 2) {
		fail(w, "'interchange id qualifier': must be 2 characters");
		goto cleanup;
	}
	if (str_empty(isa->sender_id) || str_empty(isa->receiver_id)) {
		fail(w, "'interchange sender/receiver id' is required");
		goto cleanup;
	}
	strbuf_adds(&sb, "ISA");
	if (pad(w, &sb, *isa->auth_qual ? isa->auth_qual : "00", 2, "ISA01") ||
	    pad(w, &sb, isa->auth, 10, "ISA02") ||
	    pad(w, &sb, *isa->sec_qual ? isa->sec_qual : "00", 2, "ISA03") ||
	    pad(w, &sb, isa->sec, 10, "ISA04") ||
	    pad(w, &sb, isa->sender_qual, 2, "ISA05") ||
	    pad(w, &sb, isa->sender_id, 15, "ISA06") ||
	    pad(w, &sb, isa->receiver_qual, 2, "ISA07") ||
	    pad(w, &sb, isa->receiver_id, 15, "ISA08"))
		goto cleanup;
	date_x12(isa->date, date);
	strbuf_addf(&sb, "%c%s%c%04d%c%c%c00501%c%09ld%c%c%c%c%c%c",
		    w->d.element, date + 2, w->d.element, isa->hhmm,
		    w->d.element, w->d.repetition, w->d.element, w->d.element,
		    isa->control, w->d.element, isa->ack ? '1' : '0',
		    w->d.element, isa->usage, w->d.element, w->d.component);
	if (sb.len != X12_ISA_LEN - 1)
		BUG("ISA is not 106 characters");
	x12w_seg(w, "");
	strbuf_reset(&w->seg);
	strbuf_add(&w->seg, sb.buf, sb.len);
	w->keep = w->seg.len;
	snprintf(w->isa_ctl, sizeof(w->isa_ctl), "%09ld", isa->control);
	w->in_isa = true;
	w->isa_groups = 0;
	ret = x12w_end(w);
cleanup:
	strbuf_release(&sb);
	return ret;
}

int x12w_gs(struct x12_writer *w, const char *func, const char *sender,
	    const char *receiver, mbdate_t date, int hhmm, long control,
	    const char *version)
{
	if (w->status != MB_OK)
		return MB_ERROR;
	if (!w->in_isa || w->in_gs)
		BUG("x12w_gs: outside an interchange or group already open");
	if (control < 1 || control > 999999999)
		return fail(w, "'group control number': %ld is not between 1 and 999999999", control);
	if (strlen(sender) < 2 || strlen(sender) > 15 || strlen(receiver) < 2 || strlen(receiver) > 15)
		return fail(w, "'application sender/receiver code': must be 2 to 15 characters");
	x12w_seg(w, "GS");
	x12w_el(w, func);
	x12w_el(w, sender);
	x12w_el(w, receiver);
	x12w_date(w, date);
	x12w_elf(w, "%04d", hhmm);
	x12w_int(w, control);
	x12w_el(w, "X");
	x12w_el(w, version);
	snprintf(w->gs_ctl, sizeof(w->gs_ctl), "%ld", control);
	w->in_gs = true;
	w->gs_sets = 0;
	return x12w_end(w);
}

int x12w_st(struct x12_writer *w, const char *set, const char *control, const char *impl)
{
	size_t n = strlen(control);

	if (w->status != MB_OK)
		return MB_ERROR;
	if (!w->in_gs || w->in_st)
		BUG("x12w_st: outside a group or set already open");
	if (n < 4 || n > 9)
		return fail(w, "'transaction set control number': '%s' is not 4 to 9 characters", control);
	x12w_seg(w, "ST");
	x12w_el(w, set);
	x12w_el(w, control);
	x12w_el(w, impl);
	SCPY(w->st_ctl, control);
	w->in_st = true;
	w->st_segments = 0;
	return x12w_end(w);
}

int x12w_se(struct x12_writer *w)
{
	if (!w->in_st)
		BUG("x12w_se: no open transaction set");
	x12w_seg(w, "SE");
	x12w_int(w, w->st_segments + 1);
	x12w_el(w, w->st_ctl);
	x12w_end(w);
	w->in_st = false;
	w->gs_sets++;
	return w->status;
}

int x12w_ge(struct x12_writer *w)
{
	if (!w->in_gs || w->in_st)
		BUG("x12w_ge: no open group, or a set still open");
	x12w_seg(w, "GE");
	x12w_int(w, w->gs_sets);
	x12w_el(w, w->gs_ctl);
	x12w_end(w);
	w->in_gs = false;
	w->isa_groups++;
	return w->status;
}

int x12w_iea(struct x12_writer *w)
{
	if (!w->in_isa || w->in_gs)
		BUG("x12w_iea: no open interchange, or a group still open");
	x12w_seg(w, "IEA");
	x12w_int(w, w->isa_groups);
	x12w_el(w, w->isa_ctl);
	x12w_end(w);
	w->in_isa = false;
	if (w->status == MB_OK && fflush(w->f) != 0)
		fail(w, "cannot write the X12 file");
	return w->status;
}
