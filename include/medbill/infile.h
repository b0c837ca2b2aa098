/*
 * infile.h: reading an input file that may be gzip-compressed, through
 * libxml2's own I/O layer (which decompresses .gz transparently), so that
 * the formats need no zlib of their own.
 *
 * A truncated or corrupt gzip stream is an error, not a short file.
 */
#ifndef MEDBILL_INFILE_H
#define MEDBILL_INFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct infile;

/*
 * Open path for reading. On MB_OK *out is owned by the caller: infile_close()
 * it. MB_ERROR naming the file when it cannot be opened.
 */
int infile_open(const char *path, struct infile **out);
/*
 * Read up to n bytes into buf: the count read, 0 at the end, MB_ERROR
 * (message naming the file) on a read error or damaged gzip data.
 */
long infile_read(struct infile *f, void *buf, size_t n);
/*
 * Read one line (through '\n', which is kept, CR too) into *line, growing it;
 * the length, 0 at the end, MB_ERROR on error (damaged gzip data: the message
 * names the line). *line is owned by the caller (free it once after the last
 * call); *alloc is its capacity.
 */
long infile_getline(struct infile *f, char **line, size_t *alloc);
/* Bytes delivered so far (decompressed), and the expected total: the file
 * size, or for gzip the size its trailer records (0 if unknown). */
uint64_t infile_done(const struct infile *f);
uint64_t infile_total(const struct infile *f);
bool infile_is_gzip(const struct infile *f);
/* The path given to infile_open() (owned by f). */
const char *infile_path(const struct infile *f);
void infile_close(struct infile *f);

/* 64-bit FNV-1a, to fingerprint a file's contents: start with FNV_SEED. */
#define FNV_SEED UINT64_C(0xcbf29ce484222325)
uint64_t fnv1a(uint64_t h, const void *data, size_t n);
/* The FNV-1a of a whole file's (decompressed) bytes. MB_OK or MB_ERROR. */
int infile_fingerprint(const char *path, uint64_t *out);

#endif
