/*
 * csv.h: a streaming RFC 4180 CSV reader for the code files and shipped
 * tables (plain or gzip, UTF-8; a UTF-8 byte order mark is skipped).
 *
 * Fields may be quoted ("a, b" and "say ""hi"""), quoted fields may span
 * lines; rows end with LF or CRLF. Blank lines are skipped. Never touches the
 * database.
 */
#ifndef MEDBILL_CSV_H
#define MEDBILL_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One row: the fields are valid only during the callback. */
struct csv_row {
	size_t nfields;
	const char *const *fields;	/* NUL-terminated, not trimmed */
	long line;			/* the line the row starts on, 1-based */
	long index;			/* 0 for the first row (often a header) */
};

/*
 * Called for each row. Return MB_OK to go on, 1 to stop early (not an
 * error), or MB_ERROR after error(): csv_parse_file() then prefixes the
 * message with the file and line ("'fees.csv' line 4: ...").
 */
typedef int (*csv_row_fn)(const struct csv_row *row, void *arg);

/*
 * Read path row by row. MB_OK at the end, MB_ERROR with a message naming
 * the file and line (an unterminated quote, a damaged gzip stream, or the
 * callback's error). fingerprint, when not NULL, receives the FNV-1a of the
 * bytes read.
 */
int csv_parse_file(const char *path, csv_row_fn fn, void *arg, uint64_t *fingerprint);

/* The 0-based index of the column named name (case-insensitive) in a header
 * row, or -1. */
int csv_column(const struct csv_row *header, const char *name);

/*
 * Writing RFC 4180: csv_write_field() quotes a field when it holds a comma,
 * a quote or a line break, and puts a comma before every field but the
 * first of a row; csv_write_end() ends the row with CRLF.
 */
void csv_write_field(FILE *f, const char *s, bool first);
void csv_write_end(FILE *f);

#endif
