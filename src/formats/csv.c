/*
 * csv.c: a streaming RFC 4180 reader. Lines are gathered until the quotes
 * balance (a quoted field may hold newlines), then split into fields.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medbill/csv.h"
#include "medbill/infile.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"

struct csv_state {
	struct strbuf data;	/* the fields, each NUL-terminated */
	size_t *offs;
	size_t noffs, offs_alloc;
	const char **ptrs;
	size_t ptrs_alloc;
};

static size_t count_quotes(const char *s, size_t n)
{
	size_t q = 0, i;

	for (i = 0; i < n; i++)
		q += s[i] == '"';
	return q;
}

static void add_field(struct csv_state *cs, size_t start)
{
	strbuf_addch(&cs->data, '\0');
	ALLOC_GROW(cs->offs, cs->noffs + 1, cs->offs_alloc);
	cs->offs[cs->noffs++] = start;
}

/* Split one record (without its line end) into fields. */
static int split(struct csv_state *cs, const char *s, size_t n)
{
	size_t i = 0, start;

	strbuf_reset(&cs->data);
	cs->noffs = 0;
	for (;;) {
		start = cs->data.len;
		if (i < n && s[i] == '"') {
			for (i++;; i++) {
				if (i >= n)
					return error("a quoted field has no closing quote");
				if (s[i] == '"') {
					if (i + 1 < n && s[i + 1] == '"') {
						strbuf_addch(&cs->data, '"');
						i++;
						continue;
					}
					i++;
					break;
				}
				strbuf_addch(&cs->data, s[i]);
			}
			if (i < n && s[i] != ',')
				return error("text after the closing quote of field %zu", cs->noffs + 1);
		} else {
			size_t j = i;

			while (j < n && s[j] != ',') {
				if (s[j] == '"')
					return error("a quote inside unquoted field %zu", cs->noffs + 1);
				j++;
			}
			strbuf_add(&cs->data, s + i, j - i);
			i = j;
		}
		add_field(cs, start);
		if (i >= n)
			break;
		i++;		/* the comma */
	}
	return MB_OK;
}

int csv_parse_file(const char *path, csv_row_fn fn, void *arg, uint64_t *fingerprint)
{
	struct csv_state cs = { STRBUF_INIT, NULL, 0, 0, NULL, 0 };
	struct strbuf rec = STRBUF_INIT;
	struct infile *f = NULL;
	char *line = NULL;
	size_t alloc = 0, k;
	long n, lineno = 0, start = 0, index = 0;
	uint64_t h = FNV_SEED;
	int ret = MB_ERROR, r;
	struct csv_row row;

	if (infile_open(path, &f) != MB_OK)
		goto cleanup;
	for (;;) {
		n = infile_getline(f, &line, &alloc);
		if (n < 0)
			goto cleanup;
		if (n == 0) {
			if (rec.len) {
				error("'%s' line %ld: a quoted field has no closing quote", path, start);
				goto cleanup;
			}
			break;
		}
		lineno++;
		h = fnv1a(h, line, (size_t)n);
		if (!rec.len) {
			start = lineno;
			if (lineno == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
				strbuf_add(&rec, line + 3, (size_t)n - 3);
			else
				strbuf_add(&rec, line, (size_t)n);
		} else {
			strbuf_add(&rec, line, (size_t)n);
		}
		if (count_quotes(rec.buf, rec.len) % 2)
			continue;	/* a quoted field goes on */
		while (rec.len && (rec.buf[rec.len - 1] == '\n' || rec.buf[rec.len - 1] == '\r'))
			rec.buf[--rec.len] = '\0';
		if (!rec.len)
			continue;	/* a blank line */
		if (split(&cs, rec.buf, rec.len) != MB_OK) {
			error_prefix("'%s' line %ld", path, start);
			goto cleanup;
		}
		ALLOC_GROW(cs.ptrs, cs.noffs + 1, cs.ptrs_alloc);
		for (k = 0; k < cs.noffs; k++)
			cs.ptrs[k] = cs.data.buf + cs.offs[k];
		cs.ptrs[cs.noffs] = NULL;
		row.nfields = cs.noffs;
		row.fields = cs.ptrs;
		row.line = start;
		row.index = index++;
		r = fn(&row, arg);
		strbuf_reset(&rec);
		if (r < 0) {
			error_prefix("'%s' line %ld", path, start);
			goto cleanup;
		}
		if (r > 0)
			break;
	}
	if (fingerprint)
		*fingerprint = h;
	ret = MB_OK;
cleanup:
	infile_close(f);
	free(line);
	strbuf_release(&rec);
	strbuf_release(&cs.data);
	free(cs.offs);
	free(cs.ptrs);
	return ret;
}

int csv_column(const struct csv_row *header, const char *name)
{
	size_t i;

	for (i = 0; i < header->nfields; i++)
		if (!strcasecmp(header->fields[i], name))
			return (int)i;
	return -1;
}

void csv_write_field(FILE *f, const char *s, bool first)
{
	if (!first)
		fputc(',', f);
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void csv_write_end(FILE *f)
{
	fputs("\r\n", f);
}
