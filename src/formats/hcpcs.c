/*
 * hcpcs.c: the CMS HCPCS Level II fixed-width file.
 *
 * Columns (1-based, from HCPCS2019_recordlayout.txt): 1-5 the code (a
 * modifier in 4-5), 6-10 sequence, 11 record id, 12-91 long description,
 * 92-119 short description, 230 coverage, 269-276 added, 277-284 action
 * effective, 285-292 termination, 293 action.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/hcpcs.h"
#include "medbill/infile.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"

struct hparse {
	const char *path;
	hcpcs_fn fn;
	void *arg;
	struct hcpcs_stats stats;
	bool open;		/* an entry is being gathered */
	struct hcpcs_entry e;
	struct strbuf longd, shortd;
};

/* Append Latin-1 bytes as UTF-8, blanks trimmed at both ends. */
static void add_latin1(struct strbuf *sb, const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ') {
		s++;
		n--;
	}
	for (; n; s++, n--) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x80) {
			strbuf_addch(sb, c);
		} else {
			strbuf_addch(sb, 0xC0 | c >> 6);
			strbuf_addch(sb, 0x80 | (c & 0x3F));
		}
	}
}

/* Columns from..to (1-based, inclusive) of a record of len bytes, trimmed, into buf. */
static void field(const char *rec, size_t len, int from, int to, char *buf, size_t n)
{
	size_t a = (size_t)from - 1, b = (size_t)to, k = 0;

	if (b > len)
		b = len;
	while (a < b && rec[a] == ' ')
		a++;
	while (b > a && rec[b - 1] == ' ')
		b--;
	while (a < b && k + 1 < n)
		buf[k++] = rec[a++];
	buf[k] = '\0';
}

static int field_date(const char *rec, size_t len, int from, const char *what, mbdate_t *out)
{
	char buf[16];

	field(rec, len, from, from + 7, buf, sizeof(buf));
	*out = 0;
	if (!buf[0])
		return MB_OK;
	if (strlen(buf) != 8 || !str_is_digits(buf) || date_parse(buf, out, what) != MB_OK)
		return error("'%s' is not a date (YYYYMMDD): '%s'", what, buf);
	return MB_OK;
}

static int flush(struct hparse *p)
{
	int r;

	if (!p->open)
		return MB_OK;
	p->open = false;
	p->e.long_desc = strbuf_str(&p->longd);
	p->e.short_desc = strbuf_str(&p->shortd);
	if (p->e.modifier)
		p->stats.modifiers++;
	else
		p->stats.procedures++;
	if (p->e.action_effective && p->e.action_effective / 10000 > p->stats.year)
		p->stats.year = p->e.action_effective / 10000;
	r = p->fn(&p->e, p->arg);
	return r == MB_OK ? MB_OK : MB_ERROR;
}

/* Is this line a record (id 3, 4, 7 or 8 in column 11, a sequence number before it)? */
static bool is_record(const char *s, size_t len)
{
	size_t i;

	if (len < 11 || !strchr("3478", s[10]))
		return false;
	for (i = 5; i < 10; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	for (i = 0; i < 5; i++)
		if (s[i] != ' ' && !isalnum((unsigned char)s[i]))
			return false;
	return true;
}

static int start_entry(struct hparse *p, const char *s, size_t len, long line)
{
	char code[8];
	char cov[4], act[4];
	size_t i;

	p->e.modifier = s[10] == '7';
	if (p->e.modifier) {
		if (s[0] != ' ' || s[1] != ' ' || s[2] != ' ')
			return error("a modifier record has a code in columns 1-3");
		field(s, len, 4, 5, code, sizeof(code));
		if (strlen(code) != 2)
			return error("modifier '%s' is not 2 characters", code);
	} else {
		field(s, len, 1, 5, code, sizeof(code));
		if (strlen(code) != 5)
			return error("procedure code '%s' is not 5 characters", code);
	}
	for (i = 0; code[i]; i++)
		if (!isalnum((unsigned char)code[i]))
			return error("code '%s' holds a character other than a letter or digit", code);
	SCPY(p->e.code, code);
	field(s, len, 230, 230, cov, sizeof(cov));
	field(s, len, 293, 293, act, sizeof(act));
	p->e.coverage = cov[0] ? cov[0] : ' ';
	p->e.action = act[0] ? act[0] : ' ';
	if (field_date(s, len, 269, "added", &p->e.added) != MB_OK ||
	    field_date(s, len, 277, "action effective", &p->e.action_effective) != MB_OK ||
	    field_date(s, len, 285, "termination", &p->e.terminated) != MB_OK)
		return error_prefix("code '%s'", code);
	p->e.line = line;
	strbuf_reset(&p->longd);
	strbuf_reset(&p->shortd);
	add_latin1(&p->longd, s + 11, 80);
	add_latin1(&p->shortd, s + 91, 28);
	p->open = true;
	return MB_OK;
}

static int continue_entry(struct hparse *p, const char *s, size_t len)
{
	char code[8];
	bool mod = s[10] == '8';
	size_t n = len < 91 ? len - 11 : 80;

	if (mod)
		field(s, len, 4, 5, code, sizeof(code));
	else
		field(s, len, 1, 5, code, sizeof(code));
	if (!p->open || p->e.modifier != mod || strcmp(code, p->e.code))
		return error("a continuation record for '%s' that does not follow its %s", code,
			     mod ? "modifier" : "procedure");
	if (p->longd.len)
		strbuf_addch(&p->longd, ' ');
	add_latin1(&p->longd, s + 11, n);
	return MB_OK;
}

int hcpcs_parse(const char *path, hcpcs_fn fn, void *arg,
		hcpcs_progress_fn progress, void *progress_arg, struct hcpcs_stats *stats)
{
	struct hparse p;
	struct infile *in = NULL;
	char *line = NULL;
	size_t alloc = 0, len;
	long n, lineno = 0, trailing = 0;
	uint64_t next_progress = 0;
	int ret = MB_ERROR;

	memset(&p, 0, sizeof(p));
	p.path = path;
	p.fn = fn;
	p.arg = arg;
	p.stats.fingerprint = FNV_SEED;
	strbuf_init(&p.longd);
	strbuf_init(&p.shortd);
	if (infile_open(path, &in) != MB_OK)
		goto cleanup;
	while ((n = infile_getline(in, &line, &alloc)) > 0) {
		lineno++;
		p.stats.fingerprint = fnv1a(p.stats.fingerprint, line, (size_t)n);
		len = (size_t)n;
		if (len && line[len - 1] == '\n')
			len--;
		if (len && line[len - 1] == '\r')
			len--;
		line[len] = '\0';
		if (progress && infile_done(in) >= next_progress) {
			progress(infile_done(in), infile_total(in), progress_arg);
			next_progress = infile_done(in) + (1u << 18);
		}
		if (!is_record(line, len)) {
			p.stats.skipped++;
			if (p.stats.records && !trailing)
				trailing = lineno;
			continue;
		}
		if (trailing) {
			error("'%s' line %ld: not a HCPCS record, but records follow it", path, trailing);
			goto cleanup;
		}
		p.stats.records++;
		if (len > HCPCS_RECORD_LEN ||
		    (len < HCPCS_RECORD_LEN && (line[10] == '3' || line[10] == '7'))) {
			error("'%s' line %ld: a record of %zu bytes, expected %d", path, lineno, len,
			      HCPCS_RECORD_LEN);
			goto cleanup;
		}
		if (line[10] == '3' || line[10] == '7') {
			if (flush(&p) != MB_OK) {
				error_prefix("'%s' line %ld", path, p.e.line);
				goto cleanup;
			}
			if (start_entry(&p, line, len, lineno) != MB_OK) {
				error_prefix("'%s' line %ld", path, lineno);
				goto cleanup;
			}
		} else if (continue_entry(&p, line, len) != MB_OK) {
			error_prefix("'%s' line %ld", path, lineno);
			goto cleanup;
		}
	}
	if (n < 0)
		goto cleanup;
	if (flush(&p) != MB_OK) {
		error_prefix("'%s' line %ld", path, p.e.line);
		goto cleanup;
	}
	if (!p.stats.records) {
		error("'%s' holds no HCPCS records", path);
		goto cleanup;
	}
	p.stats.lines = lineno;
	if (progress)
		progress(infile_done(in), infile_done(in), progress_arg);
	if (stats)
		*stats = p.stats;
	ret = MB_OK;
cleanup:
	infile_close(in);
	free(line);
	strbuf_release(&p.longd);
	strbuf_release(&p.shortd);
	return ret;
}
