/*
 * codes.c: code lookup, type-ahead search and the validity checks the
 * scrubber uses. The importers are in codes_import.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medbill/codes.h"
#include "medbill/store_codes.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"
#include "codes_priv.h"

static const char *const system_names[CODE_SYSTEM_COUNT] = {
	[CODE_ICD10CM] = "icd10cm",
	[CODE_HCPCS] = "hcpcs",
	[CODE_CPT] = "cpt",
	[CODE_MODIFIER] = "modifier",
	[CODE_POS] = "pos",
	[CODE_CARC] = "carc",
	[CODE_RARC] = "rarc",
	[CODE_GROUP] = "group",
	[CODE_CSC507] = "csc507",
	[CODE_CSC508] = "csc508",
	[CODE_STC1365] = "stc1365",
	[CODE_TAXONOMY] = "taxonomy",
};

const char *code_system_name(enum code_system sys)
{
	if ((int)sys < 0 || sys >= CODE_SYSTEM_COUNT)
		return "any";
	return system_names[sys];
}

int code_system_parse(const char *name, enum code_system *out)
{
	static const struct { const char *alias; enum code_system sys; } aliases[] = {
		{ "icd", CODE_ICD10CM }, { "icd10", CODE_ICD10CM }, { "507", CODE_CSC507 },
		{ "508", CODE_CSC508 }, { "1365", CODE_STC1365 }, { "mod", CODE_MODIFIER },
	};
	size_t i;

	for (i = 0; i < CODE_SYSTEM_COUNT; i++)
		if (name && !strcasecmp(name, system_names[i])) {
			*out = (enum code_system)i;
			return MB_OK;
		}
	for (i = 0; i < ARRAY_SIZE(aliases); i++)
		if (name && !strcasecmp(name, aliases[i].alias)) {
			*out = aliases[i].sys;
			return MB_OK;
		}
	return error("'system': '%s' is not a code system (icd10cm, hcpcs, cpt, modifier, pos, "
		     "carc, rarc, group, csc507, csc508, stc1365, taxonomy)", name ? name : "");
}

int codes_key(const char *code, char key[CODE_LEN])
{
	size_t k = 0;
	const char *c;
	int dots = 0;

	key[0] = '\0';
	if (!code)
		code = "";
	while (*code == ' ' || *code == '\t')
		code++;
	for (c = code; *c && *c != ' ' && *c != '\t'; c++) {
		if (*c == '.') {
			if (++dots > 1 || k != 3)
				return error("'code': '%s' has a dot out of place", code);
			continue;
		}
		if (!isalnum((unsigned char)*c))
			return error("'code': '%s' holds a character no code uses", code);
		if (k + 1 >= CODE_LEN)
			return error("'code': '%s' is too long", code);
		key[k++] = (char)toupper((unsigned char)*c);
	}
	while (*c == ' ' || *c == '\t')
		c++;
	if (*c)
		return error("'code': '%s' holds a blank", code);
	key[k] = '\0';
	if (!k)
		return error("'code' is empty");
	return MB_OK;
}

void codes_icd_display(const char *key, char out[CODE_LEN])
{
	if (strlen(key) > 3)
		snprintf(out, CODE_LEN, "%.3s.%.11s", key, key + 3);
	else
		snprintf(out, CODE_LEN, "%s", key);
}

bool codes_icd_shaped(const char *key)
{
	size_t n = strlen(key), i;

	if (n < 3 || n > 7 || !isupper((unsigned char)key[0]) || !isdigit((unsigned char)key[1]))
		return false;
	for (i = 2; i < n; i++)
		if (!isdigit((unsigned char)key[i]) && !isupper((unsigned char)key[i]))
			return false;
	return true;
}

bool codes_hcpcs_shaped(const char *key)
{
	size_t i;

	if (strlen(key) != 5 || !isupper((unsigned char)key[0]))
		return false;
	for (i = 1; i < 5; i++)
		if (!isdigit((unsigned char)key[i]))
			return false;
	return true;
}

bool codes_cpt_shaped(const char *key)
{
	size_t i;

	if (strlen(key) != 5)
		return false;
	for (i = 0; i < 4; i++)
		if (!isdigit((unsigned char)key[i]))
			return false;
	return isdigit((unsigned char)key[4]) || key[4] == 'F' || key[4] == 'T' || key[4] == 'U';
}

int64_t codes_search_base(enum code_system sys)
{
	return ((int64_t)sys + 1) * STORE_SEARCH_RANGE;
}

/* Add a warning unless the same one is already pending. */
static void warn_once(const char *fmt, ...) MB_PRINTF(1, 2);
static void warn_once(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (i = 0; i < warnings_count(); i++)
		if (!strcmp(warning_get(i), buf))
			return;
	warning_add("%s", buf);
}

/* ---- search ---- */

#define SEARCH_CANDIDATES 300	/* word matches ranked per system range */
#define SEARCH_PREFIX_MAX 8	/* the longest prefix index of code_fts */
#define SEARCH_MAX_WORDS 8

struct hitv {
	struct hit {
		int64_t id;
		enum code_system sys;
		char *code;
		char *desc;
		bool billable;
		double score;	/* the word match: smaller is better; 0 for code matches */
	} *v;
	size_t n, alloc;
	int limit;
};

static int collect(const struct store_hit *h, void *arg)
{
	struct hitv *hv = arg;
	struct hit *x;
	enum code_system sys;

	if (code_system_parse(h->system, &sys) != MB_OK)
		return error("the search index holds an unknown system '%s'", h->system);
	ALLOC_GROW(hv->v, hv->n + 1, hv->alloc);
	x = &hv->v[hv->n++];
	x->id = h->id;
	x->sys = sys;
	x->code = xstrdup(h->display);
	x->desc = xstrdup(h->description);
	x->billable = h->billable;
	x->score = 0;
	return 0;
}

static void hitv_release(struct hitv *hv)
{
	size_t i;

	for (i = 0; i < hv->n; i++) {
		free(hv->v[i].code);
		free(hv->v[i].desc);
	}
	free(hv->v);
}

static int by_score(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * How well the words match a description, for ranking (smaller is better):
 * each word costs more the later its first match in the description, a bit
 * more when it only starts a longer word ("pneumonia" in "pneumoniae"), and
 * much more when only the inclusion terms hold it; longer descriptions cost
 * a little. Ties go to the search order (ICD-10-CM: shorter codes first).
 */
static double word_score(const char *desc, char words[][64], int nwords)
{
	double score = 0;
	int w, pos, ndesc = 0;
	const unsigned char *c;

	for (c = (const unsigned char *)desc; *c;) {
		while (*c && !isalnum(*c) && *c < 0x80)
			c++;
		if (!*c)
			break;
		ndesc++;
		while (*c && (isalnum(*c) || *c >= 0x80))
			c++;
	}
	for (w = 0; w < nwords; w++) {
		size_t wl = strlen(words[w]);
		double best = 1.0;	/* in the inclusion terms only */

		pos = 0;
		for (c = (const unsigned char *)desc; *c; pos++) {
			const unsigned char *start;
			size_t n, i;

			while (*c && !isalnum(*c) && *c < 0x80)
				c++;
			if (!*c)
				break;
			start = c;
			while (*c && (isalnum(*c) || *c >= 0x80))
				c++;
			n = (size_t)(c - start);
			if (n < wl)
				continue;
			for (i = 0; i < wl && tolower(start[i]) == (unsigned char)words[w][i]; i++)
				;
			if (i < wl)
				continue;
			best = 0.05 * pos + (n == wl ? 0 : 0.3);
			break;
		}
		score += best;
	}
	return score + 0.02 * ndesc;
}

/* The searchable systems, in the order code matches are listed. */
static const enum code_system search_order[] = {
	CODE_ICD10CM, CODE_HCPCS, CODE_CPT, CODE_MODIFIER, CODE_POS, CODE_CARC, CODE_RARC,
};

static bool searchable(enum code_system sys)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(search_order); i++)
		if (search_order[i] == sys)
			return true;
	return false;
}

/* Does the whole text look like a code or the start of one? */
static bool code_like(const char *text, char key[CODE_LEN], bool *has_digit)
{
	const char *c;

	*has_digit = false;
	for (c = text; *c; c++)
		if (isdigit((unsigned char)*c))
			*has_digit = true;
	if (codes_key(text, key) != MB_OK) {
		error_clear();
		return false;
	}
	return *has_digit || strlen(key) <= 2;
}

/*
 * The FTS5 query for the words of text (ASCII letters and digits; anything
 * else separates words): "word"* for each, a one-letter word exactly; the
 * words, lower case, in words[].
 */
static int words_query(const char *text, struct strbuf *q, char words[][64])
{
	const unsigned char *c = (const unsigned char *)text;
	int n = 0;
	size_t len, i;

	strbuf_reset(q);
	while (*c && n < SEARCH_MAX_WORDS) {
		const unsigned char *start;

		while (*c && !isalnum(*c))
			c++;
		if (!*c)
			break;
		start = c;
		while (*c && isalnum(*c))
			c++;
		len = (size_t)(c - start);
		if (len > 63)
			len = 63;
		for (i = 0; i < len; i++)
			words[n][i] = (char)tolower(start[i]);
		words[n][len] = '\0';
		if (q->len)
			strbuf_addch(q, ' ');
		/* the index holds prefixes of up to 8 characters: a longer word is
		 * looked up by its first 8 (word_score() then ranks the rest lower) */
		strbuf_addf(q, "\"%.*s\"%s", len > SEARCH_PREFIX_MAX ? SEARCH_PREFIX_MAX : (int)len,
			    words[n], len > 1 ? "*" : "");
		n++;
	}
	return n;
}

int codes_search(struct store *st, const char *text, int system, int limit,
		 code_hit_fn fn, void *arg)
{
	struct hitv codes = { NULL, 0, 0, 0 }, words = { NULL, 0, 0, 0 };
	struct strbuf q = STRBUF_INIT;
	char key[CODE_LEN], hi[CODE_LEN];
	char wv[SEARCH_MAX_WORDS][64];
	bool digit, is_code;
	int ret = MB_ERROR, nwords;
	size_t i, n;

	if (system != CODE_ANY) {
		if (system < 0 || system >= CODE_SYSTEM_COUNT)
			return error("'system': %d is not a code system", system);
		if (!searchable((enum code_system)system))
			return error("'system': %s codes are not searchable: use 'medbill codes show'",
				     code_system_name((enum code_system)system));
	}
	if (limit < 1 || limit > 1000)
		return error("'limit': %d is not between 1 and 1000", limit);
	while (text && (*text == ' ' || *text == '\t'))
		text++;
	if (!text || !*text)
		return error("'text' is empty: type a code or words");
	is_code = code_like(text, key, &digit);
	if (is_code) {
		SCPY(hi, key);
		hi[strlen(hi) - 1]++;
		/* system by system, so that J02 lists J02.0 before HCPCS J0200 */
		for (i = 0; i < ARRAY_SIZE(search_order) && (int)codes.n < limit; i++) {
			if (system != CODE_ANY && system != (int)search_order[i])
				continue;
			if (store_search_prefix(st, code_system_name(search_order[i]), key, hi,
						limit - (int)codes.n, collect, &codes) != MB_OK)
				goto cleanup;
		}
	}
	if ((int)codes.n < limit && !(is_code && digit) &&
	    (nwords = words_query(text, &q, wv)) > 0) {
		int64_t lo = codes_search_base(system == CODE_ANY ? CODE_ICD10CM :
					       (enum code_system)system);

		/* the first candidates by id (ICD-10-CM: shorter codes first) */
		if (store_search_words(st, q.buf, lo, lo + STORE_SEARCH_RANGE, SEARCH_CANDIDATES,
				       SEARCH_CANDIDATES, collect, &words) != MB_OK)
			goto cleanup;
		/* ICD-10-CM apart, so that its many matches leave room for the others */
		if (system == CODE_ANY &&
		    store_search_words(st, q.buf, codes_search_base(CODE_HCPCS),
				       codes_search_base(CODE_SYSTEM_COUNT), SEARCH_CANDIDATES,
				       SEARCH_CANDIDATES, collect, &words) != MB_OK)
			goto cleanup;
		for (i = 0; i < words.n; i++)
			words.v[i].score = word_score(words.v[i].desc, wv, nwords);
		if (words.n > 1)
			qsort(words.v, words.n, sizeof(*words.v), by_score);
	}
	n = 0;
	for (i = 0; i < codes.n && (int)n < limit; i++, n++) {
		struct code_hit h = { codes.v[i].sys, codes.v[i].code, codes.v[i].desc,
				      codes.v[i].billable, 0 };

		if (fn(&h, arg))
			goto done;
	}
	for (i = 0; i < words.n && (int)n < limit; i++) {
		struct code_hit h = { words.v[i].sys, words.v[i].code, words.v[i].desc,
				      words.v[i].billable, words.v[i].score };
		size_t k;
		bool dup = false;

		for (k = 0; k < codes.n; k++)
			dup |= codes.v[k].id == words.v[i].id;
		if (dup)
			continue;
		n++;
		if (fn(&h, arg))
			goto done;
	}
done:
	ret = MB_OK;
cleanup:
	hitv_release(&codes);
	hitv_release(&words);
	strbuf_release(&q);
	return ret;
}

/* ---- one code ---- */

struct notes_ctx {
	struct code_info *ci;
	const char *at;
	bool skip_seventh;	/* leave out an ancestor's 7th-character notes */
};

static void add_note(struct code_info *ci, const char *at, const char *kind, const char *text)
{
	ci->notes = xrealloc(ci->notes, (ci->nnotes + 1) * sizeof(*ci->notes));
	ci->notes[ci->nnotes].at = xstrdup(at);
	ci->notes[ci->nnotes].kind = xstrdup(kind);
	ci->notes[ci->nnotes].text = xstrdup(text);
	ci->nnotes++;
}

static int note_cb(const char *kind, const char *note, void *arg)
{
	struct notes_ctx *nc = arg;

	if (nc->skip_seventh && (!strcmp(kind, "sevenChrDef") || !strcmp(kind, "sevenChrNote")))
		return 0;
	add_note(nc->ci, nc->at, kind, note);
	return 0;
}

mbdate_t codes_fy_start(int fy)
{
	return (fy - 1) * 10000 + 1001;
}

mbdate_t codes_fy_end(int fy)
{
	return fy * 10000 + 930;
}

static int get_icd(struct store *st, const char *key, struct code_info *out)
{
	struct store_icd_row row;
	struct notes_ctx nc = { out, NULL, false };
	char at[CODE_LEN], anc[CODE_LEN];
	size_t len;
	int r;

	r = store_icd_get(st, key, 0, &row);
	if (r == MB_NOTFOUND)
		return error_notfound("'%s' is not an ICD-10-CM code in the fiscal years loaded", key);
	if (r != MB_OK)
		return MB_ERROR;
	codes_icd_display(key, out->code);
	out->description = row.description;
	row.description = NULL;
	out->billable = row.billable;
	out->described = true;
	out->chapter = row.chapter;
	SCPY(out->section, row.section);
	if (store_icd_span(st, key, &out->fy_first, &out->fy_last) != MB_OK)
		return MB_ERROR;
	out->valid_from = codes_fy_start(out->fy_first);
	out->valid_to = codes_fy_end(out->fy_last);
	/* its own notes, then its headers' (S52.521A: S52.521, S52.52, S52.5, S52) */
	SCPY(anc, key);
	for (len = strlen(anc); len >= 3; len--) {
		struct store_icd_row up;

		anc[len] = '\0';
		if (len < strlen(key)) {
			r = store_icd_get(st, anc, row.fy, &up);
			if (r == MB_NOTFOUND)
				continue;
			if (r != MB_OK)
				return MB_ERROR;
			store_icd_row_release(&up);
		}
		codes_icd_display(anc, at);
		nc.at = at;
		nc.skip_seventh = len < strlen(key) && out->billable;
		if (store_icd_notes(st, anc, row.fy, note_cb, &nc) != MB_OK)
			return MB_ERROR;
	}
	return MB_OK;
}

static int get_hcpcs(struct store *st, const char *key, struct code_info *out)
{
	struct store_hcpcs_row row;
	int r = store_hcpcs_get(st, key, &row);

	if (r == MB_NOTFOUND)
		return error_notfound("'%s' is not a HCPCS code in the file loaded", key);
	if (r != MB_OK)
		return MB_ERROR;
	SCPY(out->code, key);
	out->description = row.long_desc;
	out->short_desc = row.short_desc;
	out->billable = true;
	out->described = true;
	out->valid_from = row.added;
	out->valid_to = row.terminated;
	return MB_OK;
}

static int get_cpt(struct store *st, const char *key, struct code_info *out)
{
	char *desc = NULL;
	int r;

	if (!codes_cpt_shaped(key))
		return error_notfound("'%s' is not a CPT code (5 digits, or 4 digits and F, T or U)", key);
	r = store_cpt_get(st, key, &desc);
	if (r == MB_ERROR)
		return MB_ERROR;
	if (r == MB_NOTFOUND) {
		long n = store_cpt_count(st);

		if (n < 0)
			return MB_ERROR;
		if (n > 0)
			return error_notfound("'%s' is not in the CPT file loaded", key);
	}
	SCPY(out->code, key);
	out->description = desc ? desc : xstrdup("");
	out->described = desc != NULL;
	out->billable = true;
	return MB_OK;
}

static int get_ref(struct store *st, enum code_system sys, const char *key, struct code_info *out)
{
	struct store_ref_row row;
	int r = store_ref_get(st, code_system_name(sys), key, &row);

	if (r == MB_NOTFOUND)
		return error_notfound("'%s' is not a %s code", key, code_system_name(sys));
	if (r != MB_OK)
		return MB_ERROR;
	SCPY(out->code, key);
	out->description = row.description;
	row.description = NULL;
	out->described = true;
	out->billable = true;
	out->valid_from = row.effective;
	out->valid_to = row.deactivated;
	if (row.notes && *row.notes)
		add_note(out, key, "notes", row.notes);
	if (row.source[0])
		add_note(out, key, "source", row.source);
	store_ref_row_release(&row);
	return MB_OK;
}

static int get_taxonomy(struct store *st, const char *key, struct code_info *out)
{
	struct store_taxonomy_row row;
	int r = store_taxonomy_get(st, key, &row);

	if (r == MB_NOTFOUND)
		return error_notfound("'%s' is not a provider taxonomy code", key);
	if (r != MB_OK)
		return MB_ERROR;
	SCPY(out->code, key);
	out->description = xstrdup(row.display_name && *row.display_name ? row.display_name :
				   row.classification);
	out->described = true;
	out->billable = true;
	add_note(out, key, "grouping", row.grouping);
	add_note(out, key, "classification", row.classification);
	if (row.specialization && *row.specialization)
		add_note(out, key, "specialization", row.specialization);
	if (row.definition && *row.definition)
		add_note(out, key, "definition", row.definition);
	store_taxonomy_row_release(&row);
	return MB_OK;
}

int codes_get(struct store *st, enum code_system sys, const char *code, struct code_info *out)
{
	char key[CODE_LEN];
	int r;

	memset(out, 0, sizeof(*out));
	out->system = sys;
	if (codes_key(code, key) != MB_OK)
		return MB_ERROR;
	switch (sys) {
	case CODE_ICD10CM:
		r = get_icd(st, key, out);
		break;
	case CODE_HCPCS:
		r = get_hcpcs(st, key, out);
		break;
	case CODE_CPT:
		r = get_cpt(st, key, out);
		break;
	case CODE_TAXONOMY:
		r = get_taxonomy(st, key, out);
		break;
	case CODE_MODIFIER:
	case CODE_POS:
	case CODE_CARC:
	case CODE_RARC:
	case CODE_GROUP:
	case CODE_CSC507:
	case CODE_CSC508:
	case CODE_STC1365:
		r = get_ref(st, sys, key, out);
		break;
	default:
		r = error("'system': %d is not a code system", (int)sys);
		break;
	}
	if (r != MB_OK) {
		code_info_release(out);
		out->system = sys;
		return r;
	}
	if (!out->short_desc)
		out->short_desc = xstrdup("");
	return MB_OK;
}

void code_info_release(struct code_info *ci)
{
	size_t i;

	for (i = 0; i < ci->nnotes; i++) {
		free(ci->notes[i].at);
		free(ci->notes[i].kind);
		free(ci->notes[i].text);
	}
	free(ci->notes);
	free(ci->description);
	free(ci->short_desc);
	memset(ci, 0, sizeof(*ci));
}

int codes_describe(struct store *st, enum code_system sys, const char *code, char **desc)
{
	struct code_info ci;
	int r = codes_get(st, sys, code, &ci);

	*desc = NULL;
	if (r != MB_OK)
		return r;
	*desc = ci.description;
	ci.description = NULL;
	code_info_release(&ci);
	return MB_OK;
}

/* ---- validation ---- */

static void verdict(struct code_check *out, enum code_status status, const char *fmt, ...)
	MB_PRINTF(3, 4);
static void verdict(struct code_check *out, enum code_status status, const char *fmt, ...)
{
	va_list ap;

	out->status = status;
	out->ok = status == CODE_STATUS_OK;
	out->message[0] = '\0';
	if (!fmt)
		return;
	va_start(ap, fmt);
	vsnprintf(out->message, sizeof(out->message), fmt, ap);
	va_end(ap);
}

static int check_start(struct code_check *out, enum code_system sys, const char *code)
{
	memset(out, 0, sizeof(*out));
	out->system = sys;
	if (codes_key(code, out->key) != MB_OK) {
		verdict(out, CODE_STATUS_MALFORMED, "%s", error_last());
		error_clear();
		return MB_ERROR;
	}
	SCPY(out->code, out->key);
	return MB_OK;
}

/* The fiscal year of a date of service: October starts the next year. */
static int fy_of(mbdate_t dos)
{
	int y = dos / 10000, m = dos / 100 % 100;

	return m >= 10 ? y + 1 : y;
}

/* The loaded fiscal year that answers for dos, with a warning when it is not dos's own. */
static int answering_fy(struct store *st, mbdate_t dos, int *fy)
{
	int years[64];
	size_t n, i;
	int want;
	char iso[DATE_ISO_LEN];

	if (store_icd_years(st, years, ARRAY_SIZE(years), &n) != MB_OK)
		return MB_ERROR;
	*fy = 0;
	if (!n)
		return MB_OK;
	if (!dos) {
		*fy = years[n - 1];
		return MB_OK;
	}
	want = fy_of(dos);
	date_iso(dos, iso);
	for (i = 0; i < n; i++)
		if (years[i] == want) {
			*fy = want;
			return MB_OK;
		}
	if (want > years[n - 1]) {
		*fy = years[n - 1];
		warn_once("date of service %s falls in ICD-10-CM FY%d, newer than the newest code set "
			  "loaded (FY%d): codes were checked against FY%d; load the FY%d tabular file "
			  "with 'medbill import icd10cm'", iso, want, *fy, *fy, want);
		return MB_OK;
	}
	/* older than dos's year: the newest loaded year before it, else the oldest */
	*fy = years[0];
	for (i = 0; i < n; i++)
		if (years[i] < want)
			*fy = years[i];
	warn_once("date of service %s falls in ICD-10-CM FY%d, which is not loaded: codes were "
		  "checked against FY%d; load the FY%d tabular file with 'medbill import icd10cm'",
		  iso, want, *fy, want);
	return MB_OK;
}

int codes_icd_billable(struct store *st, const char *code, mbdate_t dos, struct code_check *out)
{
	struct store_icd_row row;
	char first[16], last[16], a[CODE_LEN], b[CODE_LEN];
	int fy, r, span_first, span_last;

	if (check_start(out, CODE_ICD10CM, code) != MB_OK)
		return MB_OK;
	codes_icd_display(out->key, out->code);
	if (!codes_icd_shaped(out->key)) {
		verdict(out, CODE_STATUS_MALFORMED, "'%s' is not shaped like an ICD-10-CM code "
			"(a letter, a digit, then 1 to 5 letters or digits)", code);
		return MB_OK;
	}
	if (answering_fy(st, dos, &fy) != MB_OK)
		return MB_ERROR;
	out->fy = fy;
	if (!fy) {
		verdict(out, CODE_STATUS_NO_SET, "no ICD-10-CM code set is loaded: run 'medbill import "
			"icd10cm FILE.xml.gz'");
		return MB_OK;
	}
	r = store_icd_get(st, out->key, fy, &row);
	if (r == MB_ERROR)
		return MB_ERROR;
	if (r == MB_NOTFOUND) {
		if (store_icd_span(st, out->key, &span_first, &span_last) != MB_OK)
			return MB_ERROR;
		if (span_last)
			verdict(out, CODE_STATUS_INACTIVE, "'%s' is not valid in FY%d (it is in FY%d%s%.0d)",
				out->code, fy, span_first, span_first != span_last ? "-FY" : "",
				span_first != span_last ? span_last : 0);
		else
			verdict(out, CODE_STATUS_UNKNOWN, "'%s' is not an ICD-10-CM code (FY%d)", out->code, fy);
		return MB_OK;
	}
	if (!row.billable) {
		if (store_icd_billable_below(st, out->key, fy, first, last) != MB_OK) {
			store_icd_row_release(&row);
			return MB_ERROR;
		}
		codes_icd_display(first, a);
		codes_icd_display(last, b);
		if (!first[0])
			verdict(out, CODE_STATUS_HEADER, "'%s' is a header, not billable", out->code);
		else if (strlen(first) == 7 && strlen(last) == 7 && !strncmp(first, last, 6))
			verdict(out, CODE_STATUS_HEADER, "'%s' is not billable without its 7th character "
				"(%s to %s)", out->code, a, b);
		else
			verdict(out, CODE_STATUS_HEADER, "'%s' (%s) is a header, not billable: use a "
				"complete code from %s to %s", out->code, row.description, a, b);
		store_icd_row_release(&row);
		return MB_OK;
	}
	store_icd_row_release(&row);
	verdict(out, CODE_STATUS_OK, NULL);
	return MB_OK;
}

/* A date range check shared by HCPCS and the code lists. */
static bool dated_ok(struct code_check *out, const char *what, mbdate_t dos, mbdate_t from,
		     mbdate_t to)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (!dos)
		return true;
	date_iso(dos, a);
	if (from && dos < from) {
		date_iso(from, b);
		verdict(out, CODE_STATUS_INACTIVE, "%s '%s' takes effect on %s, after the date of "
			"service %s", what, out->code, b, a);
		return false;
	}
	if (to && dos > to) {
		date_iso(to, b);
		verdict(out, CODE_STATUS_INACTIVE, "%s '%s' was ended on %s, before the date of "
			"service %s", what, out->code, b, a);
		return false;
	}
	return true;
}

int codes_proc_valid(struct store *st, const char *code, mbdate_t dos, struct code_check *out)
{
	if (check_start(out, CODE_HCPCS, code) != MB_OK)
		return MB_OK;
	if (codes_hcpcs_shaped(out->key)) {
		struct store_hcpcs_row row;
		long n;
		int r = store_hcpcs_get(st, out->key, &row);

		if (r == MB_ERROR)
			return MB_ERROR;
		if (r == MB_NOTFOUND) {
			if ((n = store_hcpcs_count(st)) < 0)
				return MB_ERROR;
			if (!n)
				verdict(out, CODE_STATUS_NO_SET, "no HCPCS code set is loaded to check '%s': "
					"run 'medbill import hcpcs FILE'", out->code);
			else
				verdict(out, CODE_STATUS_UNKNOWN, "'%s' is not a HCPCS Level II code",
					out->code);
			return MB_OK;
		}
		if (dated_ok(out, "HCPCS code", dos, row.added, row.terminated))
			verdict(out, CODE_STATUS_OK, NULL);
		store_hcpcs_row_release(&row);
		return MB_OK;
	}
	out->system = CODE_CPT;
	if (codes_cpt_shaped(out->key)) {
		char *desc = NULL;
		long n;
		int r = store_cpt_get(st, out->key, &desc);

		free(desc);
		if (r == MB_ERROR)
			return MB_ERROR;
		if (r == MB_NOTFOUND) {
			if ((n = store_cpt_count(st)) < 0)
				return MB_ERROR;
			if (n > 0) {
				verdict(out, CODE_STATUS_UNKNOWN, "'%s' is not in the CPT file loaded",
					out->code);
				return MB_OK;
			}
		}
		verdict(out, CODE_STATUS_OK, NULL);
		return MB_OK;
	}
	verdict(out, CODE_STATUS_MALFORMED, "'%s' is not a procedure code: CPT is 5 digits (or 4 "
		"digits and F, T or U), HCPCS a letter and 4 digits", code);
	return MB_OK;
}

static int check_ref(struct store *st, enum code_system sys, const char *what, mbdate_t dos,
		     struct code_check *out)
{
	struct store_ref_row row;
	int r = store_ref_get(st, code_system_name(sys), out->key, &row);

	if (r == MB_ERROR)
		return MB_ERROR;
	if (r == MB_NOTFOUND) {
		verdict(out, CODE_STATUS_UNKNOWN, "'%s' is not a %s", out->code, what);
		return MB_OK;
	}
	if (dated_ok(out, what, dos, row.effective, row.deactivated))
		verdict(out, CODE_STATUS_OK, NULL);
	store_ref_row_release(&row);
	return MB_OK;
}

int codes_modifier_valid(struct store *st, const char *mod, mbdate_t dos, struct code_check *out)
{
	if (check_start(out, CODE_MODIFIER, mod) != MB_OK)
		return MB_OK;
	if (strlen(out->key) != 2) {
		verdict(out, CODE_STATUS_MALFORMED, "modifier '%s' is not 2 characters", mod);
		return MB_OK;
	}
	return check_ref(st, CODE_MODIFIER, "modifier", dos, out);
}

int codes_pos_valid(struct store *st, const char *pos, struct code_check *out)
{
	if (check_start(out, CODE_POS, pos) != MB_OK)
		return MB_OK;
	if (strlen(out->key) != 2 || !str_is_digits(out->key)) {
		verdict(out, CODE_STATUS_MALFORMED, "place of service '%s' is not 2 digits", pos);
		return MB_OK;
	}
	return check_ref(st, CODE_POS, "place of service", 0, out);
}

struct sexage_ctx {
	struct code_check *out;
	char sex;
	int age;
};

static int sexage_cb(const struct store_sexage_row *r, void *arg)
{
	struct sexage_ctx *c = arg;

	if ((r->sex && c->sex != r->sex) || (r->age_min >= 0 && c->age < r->age_min) ||
	    (r->age_max >= 0 && c->age > r->age_max)) {
		verdict(c->out, CODE_STATUS_SEX_AGE, "'%s': %s", c->out->code, r->message);
		return 1;
	}
	return 0;
}

int codes_sex_age_check(struct store *st, enum code_system sys, const char *code, char sex,
			int age, struct code_check *out)
{
	struct sexage_ctx c = { out, sex, age };
	int r;

	if (check_start(out, sys, code) != MB_OK)
		return MB_OK;
	if (sys == CODE_ICD10CM)
		codes_icd_display(out->key, out->code);
	verdict(out, CODE_STATUS_OK, NULL);
	r = store_sexage_find(st, code_system_name(sys), out->key, sexage_cb, &c);
	return r < 0 ? MB_ERROR : MB_OK;
}

/* ---- loaded sets ---- */

struct sets_ctx {
	code_set_fn fn;
	void *arg;
};

static int sets_cb(const struct store_code_set *s, void *arg)
{
	struct sets_ctx *c = arg;
	struct code_set cs;

	memset(&cs, 0, sizeof(cs));
	SCPY(cs.system, s->system);
	SCPY(cs.version, s->version);
	SCPY(cs.source, s->source);
	cs.codes = s->codes;
	cs.valid_from = s->valid_from;
	cs.valid_to = s->valid_to;
	SCPY(cs.imported_at, s->imported_at);
	SCPY(cs.imported_by, s->imported_by);
	return c->fn(&cs, c->arg);
}

int codes_sets(struct store *st, code_set_fn fn, void *arg)
{
	struct sets_ctx c = { fn, arg };
	int r = store_code_sets(st, sets_cb, &c);

	return r < 0 ? MB_ERROR : MB_OK;
}

int codes_icd_newest_fy(struct store *st)
{
	int years[64];
	size_t n;

	if (store_icd_years(st, years, ARRAY_SIZE(years), &n) != MB_OK || !n)
		return 0;
	return years[n - 1];
}
