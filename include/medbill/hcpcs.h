/*
 * hcpcs.h: the CMS HCPCS Level II annual file (HCPCyyyy_CONTR_ANWEB.txt,
 * plain or .gz): fixed-width 320-byte Latin-1 records ending in CRLF, laid
 * out as in HCPCSyyyy_recordlayout.txt. Never touches the database.
 *
 * Record identification (column 11): 3 starts a procedure, 4 continues its
 * long description, 7 starts a modifier, 8 continues it. Continuations are
 * joined to the long description with a space. Text is converted from
 * Latin-1 to UTF-8. Lines before the first record and after the last that
 * are not records (the CMS disclaimers) are skipped; a line inside the
 * records that is not one, a record of the wrong length, or a continuation
 * that does not follow its code is an error naming the line.
 * A continuation record may be shorter than 320 bytes (its unused columns
 * 92-320 are blank; the 2019 file has one such line).
 */
#ifndef MEDBILL_HCPCS_H
#define MEDBILL_HCPCS_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"

#define HCPCS_RECORD_LEN 320

/* One procedure or modifier; the strings are valid only during the callback. */
struct hcpcs_entry {
	bool modifier;		/* a modifier (7/8) rather than a procedure (3/4) */
	char code[6];		/* "A4206", or the modifier "25" */
	const char *long_desc;	/* UTF-8, continuations joined */
	const char *short_desc;	/* UTF-8, up to 28 characters */
	char coverage;		/* C D I M S, or ' ' */
	char action;		/* A B C D F N P R S T, or ' ' */
	mbdate_t added;		/* 0 when blank */
	mbdate_t action_effective;
	mbdate_t terminated;
	long line;		/* the line of its first record */
};

typedef int (*hcpcs_fn)(const struct hcpcs_entry *e, void *arg);
typedef void (*hcpcs_progress_fn)(uint64_t done, uint64_t total, void *arg);

struct hcpcs_stats {
	long lines;
	long records;		/* 320-byte records */
	long procedures;
	long modifiers;
	long skipped;		/* lines that are not records */
	int year;		/* the newest action effective year seen: the file's year */
	uint64_t fingerprint;	/* FNV-1a of the decompressed bytes */
};

/*
 * Parse path. MB_OK with *stats filled (stats may be NULL); MB_ERROR with a
 * message naming the file and line, or the callback's error.
 */
int hcpcs_parse(const char *path, hcpcs_fn fn, void *arg,
		hcpcs_progress_fn progress, void *progress_arg, struct hcpcs_stats *stats);

#endif
