/*
 * reader.c: the streaming X12 reader (see x12.h). Delimiters come from each
 * ISA; CR/LF between segments are skipped, so files with or without
 * newlines read alike.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medbill/util.h"
#include "medbill/x12.h"

#define IN_CHUNK (64 * 1024)
#define ISA_MAX 512		/* a longer "ISA" is not an ISA */

void x12r_init(struct x12_reader *r, FILE *f)
{
	memset(r, 0, sizeof(*r));
	r->f = f;
}

void x12r_release(struct x12_reader *r)
{
	free(r->in);
	free(r->buf);
	free(r->el);
	memset(r, 0, sizeof(*r));
}

const struct x12_delims *x12r_delims(const struct x12_reader *r)
{
	return &r->d;
}

size_t x12r_isa_len(const struct x12_reader *r)
{
	return r->isa_len;
}

/* Make sure unread input is buffered; false at the end of the file. */
static bool fill(struct x12_reader *r, int *err)
{
	if (r->in_pos < r->in_len)
		return true;
	if (r->eof)
		return false;
	if (!r->in) {
		r->in_alloc = IN_CHUNK;
		r->in = xmalloc(r->in_alloc);
	}
	r->in_base += (long)r->in_len;
	r->in_pos = 0;
	r->in_len = fread(r->in, 1, r->in_alloc, r->f);
	if (r->in_len == 0) {
		r->eof = true;
		if (ferror(r->f))
			*err = error("cannot read the X12 file");
		return false;
	}
	return true;
}

static void buf_add(struct x12_reader *r, const char *s, size_t n)
{
	r->buf = xgrow(r->buf, &r->buf_alloc, r->buf_len + n + 1, 1);
	memcpy(r->buf + r->buf_len, s, n);
	r->buf_len += n;
	r->buf[r->buf_len] = '\0';
}

/* Read one ISA (the reader is on its 'I'); sets the delimiters. */
static int read_isa(struct x12_reader *r, int *err)
{
	int seps = 0;
	char sep = 0;
	size_t n = 0;

	while (fill(r, err)) {
		char c = r->in[r->in_pos++];

		buf_add(r, &c, 1);
		n++;
		if (n == 4) {
			sep = c;
			if (isalnum((unsigned char)sep) || sep == ' ')
				return error("broken ISA: '%c' cannot be the element separator", sep);
			seps = 1;
			continue;
		}
		if (n < 4)
			continue;
		if (seps < 16) {
			if (c == sep)
				seps++;
		} else if (seps == 16) {
			r->d.component = c;	/* ISA16 */
			seps++;
		} else {
			r->d.segment = c;
			r->d.element = sep;
			r->buf_len--;	/* the terminator is not data */
			r->buf[r->buf_len] = '\0';
			r->isa_len = n;
			return MB_OK;
		}
		if (n > ISA_MAX)
			break;
	}
	if (*err)
		return MB_ERROR;
	return error("broken ISA: it does not have 16 elements and a segment terminator");
}

/* Read up to the segment terminator; drops CR/LF inside the segment. */
static int read_plain(struct x12_reader *r, bool *unterminated, int *err)
{
	char term = r->d.segment;

	*unterminated = false;
	while (fill(r, err)) {
		char *start = r->in + r->in_pos;
		size_t avail = r->in_len - r->in_pos;
		char *end = memchr(start, term, avail);
		size_t n = end ? (size_t)(end - start) : avail;

		buf_add(r, start, n);
		r->in_pos += n + (end ? 1 : 0);
		if (end)
			goto done;
	}
	if (*err)
		return MB_ERROR;
	*unterminated = true;
done:
	if (term != '\n' && term != '\r' && (memchr(r->buf, '\n', r->buf_len) ||
					     memchr(r->buf, '\r', r->buf_len))) {
		size_t i, o = 0;

		for (i = 0; i < r->buf_len; i++)
			if (r->buf[i] != '\n' && r->buf[i] != '\r')
				r->buf[o++] = r->buf[i];
		r->buf_len = o;
		r->buf[o] = '\0';
	}
	return MB_OK;
}

int x12r_next(struct x12_reader *r, struct x12_segment *seg)
{
	int err = MB_OK;
	bool unterminated = false;
	size_t nel, i;
	char *p;

	memset(seg, 0, sizeof(*seg));
	/* Skip line ends (and blanks) between segments. */
	for (;;) {
		char c;

		if (!fill(r, &err))
			return err ? MB_ERROR : MB_NOTFOUND;
		c = r->in[r->in_pos];
		if ((c == '\r' || c == '\n' || c == ' ' || c == '\t') && c != r->d.segment) {
			r->in_pos++;
			continue;
		}
		/* A UTF-8 byte order mark before the first ISA. */
		if (!r->have_isa && (unsigned char)c == 0xEF && r->in_len - r->in_pos >= 3 &&
		    !memcmp(r->in + r->in_pos, "\xEF\xBB\xBF", 3)) {
			r->in_pos += 3;
			continue;
		}
		break;
	}
	seg->offset = r->in_base + (long)r->in_pos;
	r->buf_len = 0;

	/* Is this an ISA? Look at three characters (they may straddle a refill). */
	{
		char head[3];
		size_t got = 0;

		while (got < 3 && r->in_pos + got < r->in_len) {
			head[got] = r->in[r->in_pos + got];
			got++;
		}
		if (got < 3 && r->in_pos + got >= r->in_len) {
			/* Move the tail to the front and read more. */
			size_t tail = r->in_len - r->in_pos;

			memmove(r->in, r->in + r->in_pos, tail);
			r->in_base += (long)r->in_pos;
			r->in_pos = 0;
			r->in_len = tail + fread(r->in + tail, 1, r->in_alloc - tail, r->f);
			if (ferror(r->f))
				return error("cannot read the X12 file");
			got = 0;
			while (got < 3 && got < r->in_len) {
				head[got] = r->in[got];
				got++;
			}
		}
		if (got == 3 && !memcmp(head, "ISA", 3)) {
			if (read_isa(r, &err) != MB_OK)
				return MB_ERROR;
			r->have_isa = true;
			/* ISA11 is the repetition separator from 00501 on; an
			 * alphanumeric value there is the old standards ID. */
			r->d.repetition = '\0';
		} else if (!r->have_isa) {
			return error("not an X12 interchange: it does not begin with an ISA segment");
		} else if (read_plain(r, &unterminated, &err) != MB_OK) {
			return MB_ERROR;
		}
	}

	/* Split the elements. */
	nel = 1;
	for (i = 0; i < r->buf_len; i++)
		if (r->buf[i] == r->d.element)
			nel++;
	r->el = xgrow(r->el, &r->el_alloc, nel + 1, sizeof(*r->el));
	p = r->buf;
	r->el[0] = p;
	nel = 1;
	for (i = 0; i < r->buf_len; i++) {
		if (r->buf[i] == r->d.element) {
			r->buf[i] = '\0';
			r->el[nel++] = r->buf + i + 1;
		}
	}
	r->el[nel] = NULL;
	if (!strcmp(r->el[0], "ISA") && nel > 11) {
		const char *rep = r->el[11];

		if (strlen(rep) == 1 && !isalnum((unsigned char)rep[0]) && rep[0] != ' ')
			r->d.repetition = rep[0];
	}
	seg->id = r->el[0];
	seg->el = r->el;
	seg->n = (int)nel - 1;
	seg->no = ++r->segno;
	seg->len = r->buf_len;
	seg->component = r->d.component;
	seg->repetition = r->d.repetition;
	seg->unterminated = unterminated;
	return MB_OK;
}

const char *x12_el(const struct x12_segment *seg, int i)
{
	if (i < 0 || i > seg->n)
		return "";
	return seg->el[i];
}

int x12_ncomp(const struct x12_segment *seg, int i)
{
	const char *s = x12_el(seg, i);
	int n = 1;

	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s == seg->component)
			n++;
	return n;
}

char *x12_comp(const struct x12_segment *seg, int i, int k, char *buf, size_t n)
{
	const char *s = x12_el(seg, i);
	const char *end;
	size_t len;

	buf[0] = '\0';
	if (k < 1)
		return buf;
	while (--k > 0) {
		s = strchr(s, seg->component);
		if (!s)
			return buf;
		s++;
	}
	end = strchr(s, seg->component);
	len = end ? (size_t)(end - s) : strlen(s);
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}
