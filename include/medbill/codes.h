/*
 * codes.h: the code sets, loaded from the official files and the shipped
 * tables, for the scrubber, the 837P checker, the remittance reader and the
 * screens.
 *
 *   icd10cm    ICD-10-CM by fiscal year (CDC Tabular List XML); FY N is valid
 *              for dates of service from N-1-10-01 to N-09-30
 *   hcpcs      HCPCS Level II (CMS annual file), with add and termination dates
 *   cpt        CPT: only from a file the practice licenses from the AMA; without
 *              one, CPT codes are accepted by their format, without description
 *   modifier   HCPCS modifiers (CMS file) and the common CPT modifiers
 *   pos        place of service
 *   carc rarc  claim adjustment reason and remittance advice remark codes
 *   group      claim adjustment group codes (CO CR OA PI PR)
 *   csc507 csc508  claim status category (507) and claim status (508)
 *   stc1365    service type (1365)
 *   taxonomy   NUCC health care provider taxonomy
 *
 * Codes are accepted with or without the ICD-10-CM dot and in any case;
 * "display" forms carry the dot (J02.0), keys do not (J020).
 * Every function here takes an open store; none prints. Errors follow util.h.
 */
#ifndef MEDBILL_CODES_H
#define MEDBILL_CODES_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "date.h"

struct store;

enum code_system {
	CODE_ICD10CM,
	CODE_HCPCS,
	CODE_CPT,
	CODE_MODIFIER,
	CODE_POS,
	CODE_CARC,
	CODE_RARC,
	CODE_GROUP,
	CODE_CSC507,		/* claim status category */
	CODE_CSC508,		/* claim status */
	CODE_STC1365,		/* service type */
	CODE_TAXONOMY,
	CODE_SYSTEM_COUNT,
	CODE_ANY = -1		/* codes_search(): every searchable system */
};

/* "icd10cm", "hcpcs", ...; never NULL for a valid system. Static storage. */
const char *code_system_name(enum code_system sys);
/* Parse a system name; MB_ERROR naming 'system' when unknown. */
int code_system_parse(const char *name, enum code_system *out);

#define CODE_LEN 16		/* the longest code (a taxonomy: 10) + NUL, with room */

/*
 * Normalize a code for lookup: trim, upper-case, drop an ICD-10-CM dot.
 * "j02.0 " -> "J020". Returns MB_ERROR naming 'code' when it is empty, too
 * long or holds characters no code set uses.
 */
int codes_key(const char *code, char key[CODE_LEN]);
/* The display form of an ICD-10-CM key: "J020" -> "J02.0", "E11" -> "E11". */
void codes_icd_display(const char *key, char out[CODE_LEN]);

/* ---- search (type-ahead) ---- */

/*
 * One search result. The strings are valid only during the callback.
 * billable is false for ICD-10-CM headers (E11, J02); other systems' codes
 * are true unless terminated.
 */
struct code_hit {
	enum code_system system;
	const char *code;		/* display form: "J02.0", "99213", "25" */
	const char *description;	/* "" for a CPT code without licensed file */
	bool billable;
	double rank;			/* word matches: smaller is better; code matches 0 */
};
/* Return nonzero to stop the search early (not an error). */
typedef int (*code_hit_fn)(const struct code_hit *hit, void *arg);

/*
 * Search 'text' in one searchable system (icd10cm, hcpcs, cpt, modifier,
 * pos, carc, rarc) or in all (CODE_ANY): a single token that looks like a
 * code is matched as a code prefix, with or without the dot ("J02" -> J02,
 * J02.0, J02.8, J02.9; "j020" -> J02.0), system by system in that order;
 * other text is matched word by word, each word as a prefix, against the
 * descriptions and the inclusion terms with SQLite FTS5, and ranked by
 * where the words fall in the description ("strep throat" -> J02.0 first,
 * "pneumonia" -> J18, J18.9 first). Code matches come first, then word
 * matches, at most 'limit' hits (1..1000). ICD-10-CM answers from the
 * newest fiscal year loaded. MB_OK (also with no hits), MB_ERROR on a bad
 * argument or a database error.
 */
int codes_search(struct store *st, const char *text, int system, int limit,
		 code_hit_fn fn, void *arg);

/* ---- one code ---- */

struct code_note {
	char *at;		/* the code the note belongs to, display form (owned) */
	char *kind;		/* includes, inclusionTerm, excludes1, excludes2, codeFirst,
				   useAdditionalCode, codeAlso, notes, sevenChrNote,
				   sevenChrDef (owned) */
	char *text;		/* owned */
};

struct code_info {
	enum code_system system;
	char code[CODE_LEN];	/* display form */
	char *description;	/* owned, never NULL after codes_get() */
	char *short_desc;	/* HCPCS short description, else "" (owned) */
	bool billable;		/* ICD-10-CM: a leaf (complete) code */
	bool described;		/* false: a CPT code known by its format only */
	/* Validity: ICD-10-CM spans the fiscal years that hold the code;
	 * others the effective (added) and termination dates; 0 = open. */
	mbdate_t valid_from, valid_to;
	int fy_first, fy_last;	/* ICD-10-CM: the first and last fiscal year loaded that hold it */
	int chapter;		/* ICD-10-CM */
	char section[16];	/* ICD-10-CM: "J00-J06" */
	size_t nnotes;		/* notes of the code and its ancestors, nearest first */
	struct code_note *notes;	/* owned */
};

/*
 * Look up one code in one system. For ICD-10-CM the newest fiscal year that
 * holds the code answers, and the notes come from that year, the code's own
 * first, then those of its headers (J02.0, then J02). On MB_OK the caller
 * releases *out with code_info_release(); MB_NOTFOUND (message naming the
 * code) when the system does not have it.
 */
int codes_get(struct store *st, enum code_system sys, const char *code, struct code_info *out);
void code_info_release(struct code_info *ci);

/*
 * The description of a code, for the remittance reader and the screens
 * ("CO" in group, "45" in carc, "N130" in rarc, "A1" in csc507, ...).
 * On MB_OK *desc is malloc'd: the caller frees it. MB_NOTFOUND when unknown.
 */
int codes_describe(struct store *st, enum code_system sys, const char *code, char **desc);

/* ---- validation for the scrubber ---- */

enum code_status {
	CODE_STATUS_OK,		/* valid, billable on the date */
	CODE_STATUS_HEADER,	/* exists but not billable: a category or subcategory */
	CODE_STATUS_UNKNOWN,	/* not in the code set */
	CODE_STATUS_MALFORMED,	/* not shaped like a code of the system */
	CODE_STATUS_INACTIVE,	/* not valid on that date (not yet added, or terminated) */
	CODE_STATUS_NO_SET,	/* no code set of that system is loaded */
	CODE_STATUS_SEX_AGE,	/* refused by a sex or age edit */
};

struct code_check {
	bool ok;		/* status == CODE_STATUS_OK */
	enum code_status status;
	enum code_system system;	/* for codes_proc_valid(): hcpcs or cpt */
	char key[CODE_LEN];	/* normalized, no dot: "E119" */
	char code[CODE_LEN];	/* display form: "E11.9" */
	int fy;			/* ICD-10-CM: the fiscal year checked against */
	char message[256];	/* why not, when !ok: "'J02' (Acute pharyngitis) is a header ..." */
};

/*
 * Is this ICD-10-CM code (with or without its dot) billable and valid on the
 * date of service? The fiscal year holding dos answers. When that year is not
 * loaded, the newest loaded year before it answers (the newest of all for a
 * date later than every year loaded; the oldest for one earlier than all),
 * and a warning is added once with warning_add() naming the year to load.
 * dos 0 asks the newest year. MB_OK when the check ran (the verdict is in
 * *out), MB_ERROR on a database error.
 */
int codes_icd_billable(struct store *st, const char *code, mbdate_t dos, struct code_check *out);

/*
 * Is this procedure code valid on dos? A HCPCS Level II code (letter and 4
 * digits) must be in the HCPCS table, added on or before dos and not
 * terminated before it. A CPT code (5 digits, or 4 digits and F, T or U)
 * is checked against the licensed CPT file when one is loaded, else
 * accepted by its format. MB_OK when the check ran, MB_ERROR on a database
 * error.
 */
int codes_proc_valid(struct store *st, const char *code, mbdate_t dos, struct code_check *out);

/* A modifier (2 characters) in the modifiers table, effective on dos (0: any date). */
int codes_modifier_valid(struct store *st, const char *mod, mbdate_t dos, struct code_check *out);

/* A place of service code (2 digits) in the POS table. */
int codes_pos_valid(struct store *st, const char *pos, struct code_check *out);

/*
 * Sex and age edits per code, from the loadable table (medbill import
 * sex-age FILE.csv; empty until one is loaded). Checks a code against the
 * patient's sex ('M', 'F' or 'U') and age in whole years on the date of
 * service (date_age()). MB_OK when the check ran: out->ok is false with
 * status CODE_STATUS_SEX_AGE and the edit's message when an edit refuses
 * the pair; MB_ERROR on a database error.
 */
int codes_sex_age_check(struct store *st, enum code_system sys, const char *code, char sex,
			int age, struct code_check *out);

/* ---- loaded sets and importers ---- */

/* One loaded code set: icd10cm (version "2023"), hcpcs ("2019"), cpt, sex-age. */
struct code_set {
	char system[16];
	char version[16];
	char source[128];	/* the file's base name */
	long codes;
	mbdate_t valid_from, valid_to;	/* ICD-10-CM fiscal year span; else 0 */
	char imported_at[21];
	char imported_by[33];
};
typedef int (*code_set_fn)(const struct code_set *set, void *arg);
/* Every loaded set, by system then version. MB_OK or MB_ERROR. */
int codes_sets(struct store *st, code_set_fn fn, void *arg);
/* The newest ICD-10-CM fiscal year loaded, 0 when none. */
int codes_icd_newest_fy(struct store *st);

/*
 * Progress of an import: step is "reading" (done: bytes read of the
 * decompressed input; total: its size when known, else 0) or "indexing"
 * (building the search index; done and total 0).
 */
typedef void (*code_progress_fn)(const char *step, uint64_t done, uint64_t total, void *arg);

struct code_import_result {
	char version[16];	/* "2023" */
	long records;		/* ICD-10-CM: diag elements; HCPCS: 320-byte records; CSV: rows */
	long codes;		/* codes stored (ICD-10-CM: with the 7th-character expansions) */
	long billable;		/* ICD-10-CM billable codes; HCPCS procedure codes */
	long modifiers;		/* HCPCS modifiers */
	long notes;		/* ICD-10-CM notes */
	bool unchanged;		/* the same file was already loaded: nothing was written */
};

/*
 * Importers: each runs as one transaction, all or nothing; a malformed file
 * leaves the database unchanged and the message names the line or record.
 * Importing the same file again writes nothing (out->unchanged).
 * ICD-10-CM: FILE.xml or FILE.xml.gz; loading another fiscal year keeps the
 * others. HCPCS: the CMS fixed-width file, plain or gzip. CPT: CSV with code
 * and short description (a header row is allowed). progress may be NULL.
 */
int codes_import_icd10cm(struct store *st, const char *path, code_progress_fn progress,
			 void *arg, struct code_import_result *out);
int codes_import_hcpcs(struct store *st, const char *path, code_progress_fn progress,
		       void *arg, struct code_import_result *out);
int codes_import_cpt(struct store *st, const char *path, struct code_import_result *out);
/* The sex and age edit table: CSV code_from,code_to,sex,age_min,age_max,message (replaces the table). */
int codes_import_sex_age(struct store *st, const char *path, struct code_import_result *out);

/*
 * Load the shipped tables from dir (data_dir()): CARC, RARC, group, POS,
 * 507, 508, 1365, taxonomy, and the common CPT modifiers. Idempotent; one
 * transaction. Used by 'medbill init'.
 */
int codes_load_shipped(struct store *st, const char *dir);

#endif
