/*
 * infile.c: plain or gzip input through libxml2's I/O callbacks.
 *
 * libxml2 opens a file with the first of its registered input handlers that
 * accepts it; with zlib support that handler decompresses gzip and passes
 * plain files through. We call the handler's read callback directly, so a
 * damaged stream shows as a read error here instead of a short file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xmlIO.h>

#include "medbill/infile.h"
#include "medbill/util.h"

#define INFILE_BUF 65536

struct infile {
	char *path;
	xmlParserInputBufferPtr in;
	bool gzip;
	bool eof;
	uint64_t done;
	uint64_t total;
	long lines;		/* lines returned by infile_getline() */
	char *buf;		/* read-ahead for infile_getline() */
	size_t pos, len;
};

uint64_t fnv1a(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* Is the file gzip, and what size does its trailer record? */
static void sniff(struct infile *f, off_t size)
{
	unsigned char b[4];
	FILE *fp = fopen(f->path, "rb");

	f->total = (uint64_t)size;
	if (!fp)
		return;
	if (fread(b, 1, 2, fp) == 2 && b[0] == 0x1f && b[1] == 0x8b) {
		f->gzip = true;
		f->total = 0;
		if (size >= 18 && fseeko(fp, size - 4, SEEK_SET) == 0 && fread(b, 1, 4, fp) == 4)
			f->total = (uint64_t)b[0] | (uint64_t)b[1] << 8 |
				   (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24;
	}
	fclose(fp);
}

int infile_open(const char *path, struct infile **out)
{
	struct infile *f;
	struct stat sb;

	*out = NULL;
	if (stat(path, &sb) != 0)
		return error("cannot open '%s': %s", path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return error("cannot open '%s': it is a directory", path);
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	sniff(f, sb.st_size);
	f->in = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE);
	if (!f->in || !f->in->readcallback) {
		int e = errno;

		infile_close(f);
		return error("cannot open '%s': %s", path, e ? strerror(e) : "unreadable");
	}
	*out = f;
	return MB_OK;
}

long infile_read(struct infile *f, void *buf, size_t n)
{
	int want = n > INT32_MAX ? INT32_MAX : (int)n;
	int r;
	size_t have;

	if (f->len > f->pos) {
		have = f->len - f->pos;
		if (have > n)
			have = n;
		memcpy(buf, f->buf + f->pos, have);
		f->pos += have;
		return (long)have;
	}
	if (f->eof || n == 0)
		return 0;
	r = f->in->readcallback(f->in->context, buf, want);
	if (r < 0) {
		if (f->gzip)
			return error("'%s': the gzip data is truncated or damaged", f->path);
		return error("cannot read '%s'", f->path);
	}
	if (r == 0) {
		f->eof = true;
		return 0;
	}
	f->done += (uint64_t)r;
	return r;
}

long infile_getline(struct infile *f, char **line, size_t *alloc)
{
	size_t n = 0;
	long r;
	char *nl;

	if (!f->buf)
		f->buf = xmalloc(INFILE_BUF);
	for (;;) {
		if (f->pos == f->len) {
			f->pos = f->len = 0;
			r = infile_read(f, f->buf, INFILE_BUF);
			if (r < 0 && f->gzip)
				return error("'%s' line %ld: the gzip data is truncated or damaged",
					     f->path, f->lines + 1);
			if (r < 0)
				return MB_ERROR;
			if (r == 0)
				break;
			f->len = (size_t)r;
		}
		nl = memchr(f->buf + f->pos, '\n', f->len - f->pos);
		r = (long)((nl ? (size_t)(nl - f->buf) + 1 : f->len) - f->pos);
		ALLOC_GROW(*line, n + (size_t)r + 1, *alloc);
		memcpy(*line + n, f->buf + f->pos, (size_t)r);
		n += (size_t)r;
		f->pos += (size_t)r;
		if (nl)
			break;
	}
	if (*line)
		(*line)[n] = '\0';
	if (n)
		f->lines++;
	return (long)n;
}

uint64_t infile_done(const struct infile *f)
{
	return f->done - (f->len - f->pos);
}

uint64_t infile_total(const struct infile *f)
{
	return f->total;
}

bool infile_is_gzip(const struct infile *f)
{
	return f->gzip;
}

const char *infile_path(const struct infile *f)
{
	return f->path;
}

int infile_fingerprint(const char *path, uint64_t *out)
{
	struct infile *f;
	char *buf;
	long n, lines = 0;
	uint64_t h = FNV_SEED;

	if (infile_open(path, &f) != MB_OK)
		return MB_ERROR;
	buf = xmalloc(INFILE_BUF);
	while ((n = infile_read(f, buf, INFILE_BUF)) > 0) {
		h = fnv1a(h, buf, (size_t)n);
		for (char *c = buf; (c = memchr(c, '\n', (size_t)(buf + n - c))); c++)
			lines++;
	}
	free(buf);
	if (n < 0 && f->gzip)
		error("'%s' line %ld: the gzip data is truncated or damaged", path, lines + 1);
	infile_close(f);
	if (n < 0)
		return MB_ERROR;
	*out = h;
	return MB_OK;
}

void infile_close(struct infile *f)
{
	if (!f)
		return;
	if (f->in)
		xmlFreeParserInputBuffer(f->in);
	free(f->buf);
	free(f->path);
	free(f);
}
