/*
 * store_codes.h: the code-set tables of schema/0002_codes.sql. Called only
 * by the code-sets domain module (src/domain/codes.c); everyone else uses
 * codes.h.
 *
 * Codes are keys: upper case, without the ICD-10-CM dot. Rows read into the
 * *_row structs own their char * fields: release them with the matching
 * *_release(). Rows passed to *_put() are only read.
 */
#ifndef MEDBILL_STORE_CODES_H
#define MEDBILL_STORE_CODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "store.h"

/* ---- loaded files ---- */

struct store_code_set {
	char system[16];
	char version[16];
	char source[128];
	char fingerprint[17];	/* 16 hex digits */
	long codes;
	mbdate_t valid_from, valid_to;
	char imported_by[33];	/* filled from user_current() when empty */
	char imported_at[21];	/* filled from date_now_stamp() when empty */
};

/* Insert or replace the row of (system, version). */
int store_code_set_put(struct store *st, struct store_code_set *cs);
/* The version of system loaded from a file with this fingerprint: MB_OK, or MB_NOTFOUND. */
int store_code_set_by_fingerprint(struct store *st, const char *system, const char *fingerprint,
				  char version[16]);
typedef int (*store_code_set_fn)(const struct store_code_set *cs, void *arg);
/* Every row by system and version; the callback's nonzero return stops (and is returned). */
int store_code_sets(struct store *st, store_code_set_fn fn, void *arg);
/* The ICD-10-CM fiscal years loaded, ascending, at most max of them, in years[]; *n the count. */
int store_icd_years(struct store *st, int *years, size_t max, size_t *n);

/* ---- ICD-10-CM ---- */

/* Remove every code and note of one fiscal year. */
int store_icd_clear_year(struct store *st, int fy);
/* A code already there for fy is left as it is (the caller refuses repeats). */
int store_icd_put(struct store *st, int fy, const char *key, const char *description,
		  bool billable, int chapter, const char *section);
int store_icd_note_put(struct store *st, int fy, const char *key, int seq, const char *kind,
		       const char *note);

struct store_icd_row {
	char key[16];
	int fy;
	char *description;	/* owned */
	bool billable;
	int chapter;
	char section[16];
};
/* The code in year fy (0: the newest year that holds it). MB_NOTFOUND when absent. */
int store_icd_get(struct store *st, const char *key, int fy, struct store_icd_row *out);
void store_icd_row_release(struct store_icd_row *r);
/* The first and last fiscal years holding key (0, 0 when none). */
int store_icd_span(struct store *st, const char *key, int *first, int *last);
/* The first and last billable codes below key in year fy ("" when none). */
int store_icd_billable_below(struct store *st, const char *key, int fy, char first[16], char last[16]);
typedef int (*store_note_fn)(const char *kind, const char *note, void *arg);
/* The notes of key in year fy, in their order. */
int store_icd_notes(struct store *st, const char *key, int fy, store_note_fn fn, void *arg);
/*
 * Replace the icd10cm rows of the search index with the codes of year fy,
 * numbered from id_base in the order categories first (shorter codes first,
 * then by code), with the inclusion terms as extra words.
 */
int store_icd_search_rebuild(struct store *st, int fy, int64_t id_base);
/* Count the codes of a year (all, and billable). */
int store_icd_count(struct store *st, int fy, long *codes, long *billable);

/* ---- HCPCS, CPT ---- */

struct store_hcpcs_row {
	char code[8];
	char *short_desc;	/* owned when read */
	char *long_desc;	/* owned when read */
	char coverage[2];
	char action[2];
	mbdate_t added, action_effective, terminated;
	char version[16];
};
int store_hcpcs_put(struct store *st, const struct store_hcpcs_row *r);
int store_hcpcs_get(struct store *st, const char *code, struct store_hcpcs_row *out);
void store_hcpcs_row_release(struct store_hcpcs_row *r);
long store_hcpcs_count(struct store *st);

int store_cpt_put(struct store *st, const char *code, const char *description);
/* On MB_OK *description is malloc'd (the caller frees it); MB_NOTFOUND. */
int store_cpt_get(struct store *st, const char *code, char **description);
long store_cpt_count(struct store *st);
/* Remove every CPT code and its search row. */
int store_cpt_clear(struct store *st);

/* ---- code lists: modifier pos carc rarc group csc507 csc508 stc1365 ---- */

struct store_ref_row {
	char list[16];
	char code[16];
	char *description;	/* owned when read */
	mbdate_t effective, deactivated, modified;
	char *notes;		/* owned when read; may be NULL */
	char source[64];
};
/* Insert, or update when replace (else keep an existing row as it is). */
int store_ref_put(struct store *st, const struct store_ref_row *r, bool replace);
int store_ref_get(struct store *st, const char *list, const char *code, struct store_ref_row *out);
void store_ref_row_release(struct store_ref_row *r);
long store_ref_count(struct store *st, const char *list);

struct store_taxonomy_row {
	char code[16];
	char *grouping, *classification, *specialization, *display_name, *section, *definition;
};
int store_taxonomy_put(struct store *st, const struct store_taxonomy_row *r);
int store_taxonomy_get(struct store *st, const char *code, struct store_taxonomy_row *out);
void store_taxonomy_row_release(struct store_taxonomy_row *r);

/* ---- sex and age edits ---- */

struct store_sexage_row {
	char system[16];
	char code_from[16], code_to[16];
	char sex;		/* 'M', 'F' or 0 */
	int age_min, age_max;	/* -1: none */
	const char *message;	/* borrowed: valid during a callback, or given to put */
};
int store_sexage_clear(struct store *st);
int store_sexage_put(struct store *st, const struct store_sexage_row *r);
typedef int (*store_sexage_fn)(const struct store_sexage_row *r, void *arg);
/* The edits whose range holds key in system. */
int store_sexage_find(struct store *st, const char *system, const char *key, store_sexage_fn fn,
		      void *arg);

/* ---- search ---- */

/* The id range of each system's rows in the search index (see codes.c). */
#define STORE_SEARCH_RANGE INT64_C(100000000)

/*
 * Insert or update the search row of (system, key); a new row takes the
 * next id from id_base. Nothing is written when the row is already so.
 */
int store_search_put(struct store *st, const char *system, const char *key, const char *display,
		     const char *description, const char *terms, bool billable, int64_t id_base);
int store_search_delete(struct store *st, const char *system, const char *key);

struct store_hit {
	int64_t id;
	const char *system;
	const char *display;
	const char *description;
	bool billable;
};
typedef int (*store_hit_fn)(const struct store_hit *h, void *arg);
/* The codes of one system from lo (inclusive) to hi (exclusive), by code. */
int store_search_prefix(struct store *st, const char *system, const char *lo, const char *hi,
			int limit, store_hit_fn fn, void *arg);
/*
 * An FTS5 query (built by the caller from words: never raw input) over the
 * rows with ids in [id_lo, id_hi): the first 'candidates' matches by id, at
 * most 'limit' of them, by id. The caller ranks them.
 */
int store_search_words(struct store *st, const char *fts_query, int64_t id_lo, int64_t id_hi,
		       int candidates, int limit, store_hit_fn fn, void *arg);

#endif
