/*
 * check.c: the X12 checker (see x12check.h): the driver, element syntax
 * against the 005010 dictionary, and the ISA/GS/ST envelope. The 837P
 * rules are in check837p.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_priv.h"

/* ---- reporting ---- */

void chk_report(struct chk *c, enum x12c_severity sev, long segno, const char *seg,
		int elem, const char *fmt, ...)
{
	struct x12c_problem p;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p.file = c->name;
	p.segno = segno;
	p.seg = seg ? seg : "";
	p.elem = elem;
	p.severity = sev;
	p.msg = msg;
	if (sev == X12C_ERROR)
		c->sum->errors++;
	else
		c->sum->warnings++;
	if (c->o && c->o->report)
		c->o->report(c->o->report_ctx, &p);
}

void chk_err(struct chk *c, int elem, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	chk_report(c, X12C_ERROR, c->seg->no, c->seg->id, elem, "%s", msg);
}

void chk_edit(struct chk *c, int elem, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	chk_report(c, c->legacy ? X12C_WARNING : X12C_ERROR, c->seg->no, c->seg->id, elem,
		   "%s", msg);
}

/* ---- values ---- */

bool chk_in(const char *s, const char *codes)
{
	size_t n = strlen(s);
	const char *p = codes;

	if (!n)
		return false;
	while ((p = strstr(p, s)) != NULL) {
		if ((p == codes || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
		p++;
	}
	return false;
}

bool chk_amount(const char *s, cents_t *out)
{
	const char *p = s;
	int64_t v = 0;
	int dec = -1, digits = 0;
	bool neg = false;

	if (*p == '-') {
		neg = true;
		p++;
	}
	for (; *p; p++) {
		if (*p == '.' && dec < 0) {
			dec = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			return false;
		if (dec >= 0 && ++dec > 2)
			return false;
		if (++digits > 16)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (!digits)
		return false;
	if (dec <= 0)
		v *= dec == 1 ? 10 : 100;
	else if (dec == 1)
		v *= 10;
	if (out)
		*out = neg ? -v : v;
	return true;
}

bool chk_date8(const char *s, mbdate_t *out)
{
	mbdate_t d = 0;
	int i;

	if (strlen(s) != 8)
		return false;
	for (i = 0; i < 8; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		d = d * 10 + (s[i] - '0');
	}
	if (!date_valid(d))
		return false;
	if (out)
		*out = d;
	return true;
}

/* ---- string sets ---- */

static size_t str_hash(const char *s)
{
	size_t h = 5381;

	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

void strset_clear(struct strset *s)
{
	size_t i;

	for (i = 0; i < s->alloc; i++)
		free(s->slot[i]);
	free(s->slot);
	free(s->segno);
	memset(s, 0, sizeof(*s));
}

long strset_add(struct strset *s, const char *key, long segno)
{
	size_t i;

	if ((s->n + 1) * 2 > s->alloc) {
		struct strset bigger = { 0 };

		bigger.alloc = s->alloc ? s->alloc * 2 : 64;
		bigger.slot = xcalloc(bigger.alloc, sizeof(*bigger.slot));
		bigger.segno = xcalloc(bigger.alloc, sizeof(*bigger.segno));
		for (i = 0; i < s->alloc; i++) {
			size_t j;

			if (!s->slot[i])
				continue;
			j = str_hash(s->slot[i]) & (bigger.alloc - 1);
			while (bigger.slot[j])
				j = (j + 1) & (bigger.alloc - 1);
			bigger.slot[j] = s->slot[i];
			bigger.segno[j] = s->segno[i];
		}
		bigger.n = s->n;
		free(s->slot);
		free(s->segno);
		*s = bigger;
	}
	i = str_hash(key) & (s->alloc - 1);
	while (s->slot[i]) {
		if (!strcmp(s->slot[i], key))
			return s->segno[i];
		i = (i + 1) & (s->alloc - 1);
	}
	s->slot[i] = xstrdup(key);
	s->segno[i] = segno;
	s->n++;
	return 0;
}

/* ---- control numbers across files ---- */

struct x12c_across {
	struct strset keys;	/* "ISA05:ISA06:ISA13" -> index + 1 into files */
	char **files;
	size_t n, alloc;
};

struct x12c_across *x12c_across_new(void)
{
	return xcalloc(1, sizeof(struct x12c_across));
}

void x12c_across_free(struct x12c_across *a)
{
	size_t i;

	if (!a)
		return;
	strset_clear(&a->keys);
	for (i = 0; i < a->n; i++)
		free(a->files[i]);
	free(a->files);
	free(a);
}

/* Remember key for file; the file that used it first, or NULL. */
static const char *across_add(struct x12c_across *a, const char *key, const char *file)
{
	long first = strset_add(&a->keys, key, (long)a->n + 1);

	if (first)
		return strcmp(a->files[first - 1], file) ? a->files[first - 1] : NULL;
	ALLOC_GROW(a->files, a->n + 1, a->alloc);
	a->files[a->n++] = xstrdup(file);
	return NULL;
}

/* ---- element syntax (005010 dictionary) ---- */

/*
 * One spec per segment: its elements in order, each TYPEmin/max, or C(...)
 * for a composite with its components. Types: AN (string), ID (code),
 * N0 (integer), R (decimal), DT (date), TM (time).
 */
static const struct {
	const char *id;
	const char *spec;
} dictionary[] = {
	{ "AMT", "ID1/3 R1/18 ID1/1" },
	{ "BHT", "ID4/4 ID2/2 AN1/50 DT8/8 TM4/8 ID2/2" },
	{ "CAS", "ID1/2 ID1/5 R1/18 R1/15 ID1/5 R1/18 R1/15 ID1/5 R1/18 R1/15 ID1/5 R1/18 R1/15 "
		 "ID1/5 R1/18 R1/15 ID1/5 R1/18 R1/15" },
	{ "CLM", "AN1/38 R1/18 ID1/2 ID1/2 C(AN1/2 ID1/2 ID1/1) ID1/1 ID1/1 ID1/1 ID1/1 ID1/1 "
		 "C(ID2/3 ID2/3 ID2/3 ID2/2 ID2/3) ID2/3 ID1/1 ID1/3 ID1/1 ID1/1 ID1/2 ID1/1 ID2/2 ID1/2" },
	{ "CTP", "ID2/2 ID3/3 R1/17 R1/15 C(ID2/2 R1/15 R1/10 ID2/2 R1/15 R1/10 ID2/2 R1/15 R1/10 "
		 "ID2/2 R1/15 R1/10 ID2/2 R1/15 R1/10) ID3/3 R1/10 R1/18 ID2/2 AN1/10 N01/2" },
	{ "DMG", "ID2/3 AN1/35 ID1/1 ID1/1 C(ID1/2 ID1/3 ID1/1) ID1/2 ID2/3 ID1/2 R1/15 ID1/3 AN1/30" },
	{ "DTP", "ID3/3 ID2/3 AN1/35" },
	{ "GE", "N01/6 N01/9" },
	{ "GS", "ID2/2 AN2/15 AN2/15 DT8/8 TM4/8 N01/9 ID1/2 AN1/12" },
	{ "HI", "C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1) "
		"C(ID1/3 AN1/30 ID2/3 AN1/35 R1/18 R1/15 AN1/30 AN1/30 ID1/1)" },
	{ "HL", "AN1/12 AN1/12 ID1/2 ID1/1" },
	{ "IEA", "N01/5 N09/9" },
	{ "LIN", "AN1/20 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 "
		 "ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 ID2/2 AN1/48 "
		 "ID2/2 AN1/48 ID2/2 AN1/48" },
	{ "LX", "N01/6" },
	{ "N3", "AN1/55 AN1/55" },
	{ "N4", "AN2/30 ID2/2 ID3/15 ID2/3 ID1/2 AN1/30 ID1/3" },
	{ "NM1", "ID2/3 ID1/1 AN1/60 AN1/35 AN1/25 AN1/10 AN1/10 ID1/2 AN2/80 ID2/2 ID2/3 AN1/60" },
	{ "OI", "ID1/2 ID2/2 ID1/1 ID1/1 ID1/1 ID1/1" },
	{ "PAT", "ID2/2 ID1/1 ID2/2 ID1/1 ID2/3 AN1/35 ID2/2 R1/10 ID1/1" },
	{ "PER", "ID2/2 AN1/60 ID2/2 AN1/256 ID2/2 AN1/256 ID2/2 AN1/256 AN1/20" },
	{ "PRV", "ID1/3 ID2/3 AN1/50 ID2/2 C(AN1/30 ID1/3) ID3/3" },
	{ "REF", "ID2/3 AN1/50 AN1/80 C(ID2/3 AN1/50 ID2/3 AN1/50 ID2/3 AN1/50)" },
	{ "SBR", "ID1/1 ID2/2 AN1/50 AN1/60 ID1/3 ID1/1 ID1/1 ID2/2 ID1/2" },
	{ "SE", "N01/10 AN4/9" },
	{ "ST", "ID3/3 AN4/9 AN1/35" },
	{ "SV1", "C(ID2/2 AN1/48 AN2/2 AN2/2 AN2/2 AN2/2 AN1/80 AN1/48) R1/18 ID2/2 R1/15 AN1/2 ID1/2 "
		 "C(N01/2 N01/2 N01/2 N01/2) R1/18 ID1/1 ID1/2 ID1/1 ID1/1 ID1/2 AN1/2 ID1/1 ID1/1 AN1/50 "
		 "ID3/15 R1/18 ID1/1 ID1/1" },
	{ "SVD", "AN2/80 R1/18 C(ID2/2 AN1/48 AN2/2 AN2/2 AN2/2 AN2/2 AN1/80 AN1/48) AN1/48 R1/15 N01/6" },
};

enum etype { T_AN, T_ID, T_N0, T_R, T_DT, T_TM };

struct espec {
	enum etype type;
	int min, max;
};

/* Parse "AN1/60" at *p; advances *p. */
static bool parse_one(const char **p, struct espec *e)
{
	static const struct {
		const char *name;
		enum etype type;
	} types[] = { { "AN", T_AN }, { "ID", T_ID }, { "N0", T_N0 }, { "DT", T_DT },
		      { "TM", T_TM }, { "R", T_R } };
	size_t i;
	char *end;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		size_t n = strlen(types[i].name);

		if (!strncmp(*p, types[i].name, n)) {
			e->type = types[i].type;
			*p += n;
			e->min = (int)strtol(*p, &end, 10);
			if (*end != '/')
				return false;
			e->max = (int)strtol(end + 1, &end, 10);
			*p = end;
			return true;
		}
	}
	return false;
}

#define DICT_ELEMS 32
#define DICT_COMPS 256

struct pelem {
	struct espec e;
	short ncomp;			/* > 0: a composite, components from comp0 */
	short comp0;
};

struct pseg {
	const char *id;
	int n;
	struct pelem el[DICT_ELEMS];
};

/* The dictionary parsed once per check run. */
struct x12_dict {
	struct pseg seg[ARRAY_SIZE(dictionary)];
	struct espec comps[DICT_COMPS];
	int ncomps;
};

static struct x12_dict *dict_new(void)
{
	struct x12_dict *d = xcalloc(1, sizeof(*d));
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dictionary); i++) {
		struct pseg *ps = &d->seg[i];
		const char *p = dictionary[i].spec;

		ps->id = dictionary[i].id;
		while (*p) {
			struct pelem *pe;

			while (*p == ' ')
				p++;
			if (!*p)
				break;
			if (ps->n >= DICT_ELEMS)
				BUG("X12 dictionary entry too long");
			pe = &ps->el[ps->n++];
			if (*p == 'C' && p[1] == '(') {
				p += 2;
				pe->comp0 = (short)d->ncomps;
				while (*p && *p != ')') {
					while (*p == ' ')
						p++;
					if (d->ncomps >= DICT_COMPS || !parse_one(&p, &d->comps[d->ncomps]))
						BUG("bad X12 dictionary entry");
					d->ncomps++;
					pe->ncomp++;
					while (*p == ' ')
						p++;
				}
				if (*p == ')')
					p++;
			} else if (!parse_one(&p, &pe->e)) {
				BUG("bad X12 dictionary entry");
			}
		}
	}
	return d;
}

void chk_dict_free(struct x12_dict *d)
{
	free(d);
}

static bool time_ok(const char *s)
{
	size_t n = strlen(s), i;
	int hh, mm;

	if (n != 4 && n != 6 && n != 7 && n != 8)
		return false;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	hh = (s[0] - '0') * 10 + (s[1] - '0');
	mm = (s[2] - '0') * 10 + (s[3] - '0');
	if (hh > 23 || mm > 59)
		return false;
	return n < 6 || (s[4] - '0') * 10 + (s[5] - '0') <= 59;
}

/* Check one value against its spec; returns a problem or NULL. */
static const char *value_problem(const char *v, const struct espec *e, char *buf, size_t n)
{
	size_t len = strlen(v), digits = 0, i;
	const char *p = v;

	switch (e->type) {
	case T_N0:
	case T_R:
		if (*p == '-')
			p++;
		for (i = 0; p[i]; i++) {
			if (isdigit((unsigned char)p[i]))
				digits++;
			else if (!(e->type == T_R && p[i] == '.' && !strchr(p + i + 1, '.')))
				return e->type == T_R ? "is not a number" : "is not a whole number";
		}
		if (!digits)
			return e->type == T_R ? "is not a number" : "is not a whole number";
		len = digits;
		break;
	case T_DT:
		if ((len == 8 && !chk_date8(v, NULL)) ||
		    (len == 6 && !chk_date8((snprintf(buf, n, "20%s", v), buf), NULL)))
			return "is not a valid date";
		if (len != 6 && len != 8)
			return "is not a date (CCYYMMDD)";
		break;
	case T_TM:
		if (!time_ok(v))
			return "is not a valid time (HHMM)";
		break;
	case T_AN:
	case T_ID:
		break;
	}
	if ((int)len < e->min || (int)len > e->max) {
		snprintf(buf, n, "has %zu characters, not %d to %d", len, e->min, e->max);
		return buf;
	}
	return NULL;
}

void chk_syntax(struct chk *c, const struct x12_segment *s)
{
	const struct pseg *ps = NULL;
	size_t i;
	int k, max;
	const char *id = s->id;

	/* The segment ID: 2 or 3 upper-case letters or digits. */
	{
		size_t n = strlen(id);
		bool ok = n >= 2 && n <= 3;

		for (i = 0; ok && i < n; i++)
			ok = isupper((unsigned char)id[i]) || isdigit((unsigned char)id[i]);
		if (!ok) {
			chk_err(c, 0, "'%s' is not a segment ID", id);
			return;
		}
	}
	if (s->n > 0 && !*s->el[s->n])
		chk_err(c, s->n, "trailing element separator (an empty last element)");
	/* One pass over the elements, which lie one after the other in the
	 * reader's buffer: control characters and trailing component separators. */
	if (s->n > 0) {
		const unsigned char *v = (const unsigned char *)s->el[1];
		const unsigned char *end = (const unsigned char *)s->el[0] + s->len;
		bool isa = id[0] == 'I' && id[1] == 'S' && id[2] == 'A';
		bool bad = false;

		k = 1;
		for (; v < end; v++) {
			if (*v == '\0') {
				if (v[-1] == (unsigned char)s->component && v[-1] && !isa &&
				    (const char *)v > s->el[k])
					chk_err(c, k, "trailing component separator");
				k++;
				bad = false;
			} else if ((*v < 0x20 || *v == 0x7f) && !bad) {
				chk_err(c, k, "control character 0x%02X in the data", *v);
				bad = true;
			}
		}
		if (end > (const unsigned char *)s->el[s->n] && end[-1] == (unsigned char)s->component &&
		    !isa)
			chk_err(c, s->n, "trailing component separator");
	}
	if (!c->dict)
		c->dict = dict_new();
	for (i = 0; i < ARRAY_SIZE(dictionary); i++) {
		if (c->dict->seg[i].id[0] == id[0] && !strcmp(c->dict->seg[i].id, id)) {
			ps = &c->dict->seg[i];
			break;
		}
	}
	if (!ps)
		return;
	max = ps->n;
	if (s->n > max)
		chk_err(c, max + 1, "%s has at most %d elements", id, max);
	for (k = 1; k <= s->n && k <= max; k++) {
		const struct pelem *pe = &ps->el[k - 1];
		int j;
		char buf[80];
		const char *why;

		if (!*s->el[k])
			continue;
		if (!pe->ncomp) {
			if (s->component && strchr(s->el[k], s->component)) {
				chk_err(c, k, "'%s' holds a component separator in a simple element",
					s->el[k]);
				continue;
			}
			why = value_problem(s->el[k], &pe->e, buf, sizeof(buf));
			if (why)
				chk_err(c, k, "'%s' %s", s->el[k], why);
			continue;
		}
		if (x12_ncomp(s, k) > pe->ncomp) {
			chk_err(c, k, "'%s' has more than %d components", s->el[k], pe->ncomp);
			continue;
		}
		{
			const char *p = s->el[k];

			for (j = 0; j < pe->ncomp && p; j++) {
				const char *sep = strchr(p, s->component);
				size_t n = sep ? (size_t)(sep - p) : strlen(p);
				char v[256];

				if (n >= sizeof(v))
					n = sizeof(v) - 1;
				memcpy(v, p, n);
				v[n] = '\0';
				p = sep ? sep + 1 : NULL;
				if (!*v)
					continue;
				why = value_problem(v, &c->dict->comps[pe->comp0 + j], buf, sizeof(buf));
				if (why) {
					chk_err(c, k, "component %d '%s' %s", j + 1, v, why);
					break;
				}
			}
		}
	}
}

/* ---- envelope ---- */

enum where { OUTSIDE, IN_ISA, IN_GS, IN_ST };

struct env {
	enum where at;
	char isa13[16];
	long isa_no;
	long groups;
	char gs01[4], gs06[16], gs08[16];
	long gs_no;
	long sets;
	char st01[8], st02[16];
	long st_no;
	long st_count;
	bool lost;			/* reported a stray segment: be quiet until the next envelope one */
	struct strset isa_seen, gs_seen, st_seen;
};

static const char *const gs_functions[][2] = {
	{ "837", "HC" }, { "835", "HP" }, { "999", "FA" }, { "997", "FA" }, { "277", "HN" },
	{ "276", "HR" }, { "270", "HS" }, { "271", "HB" }, { "834", "BE" }, { "820", "RA" },
	{ "278", "HI" },
};

static void check_isa(struct chk *c, struct env *v, const struct x12_segment *s, size_t isa_len)
{
	static const int width[17] = { 0, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1 };
	int k;
	char date[9];

	if (isa_len != X12_ISA_LEN)
		chk_err(c, 0, "the ISA is %zu characters long, not %d", isa_len, X12_ISA_LEN);
	if (s->n != 16) {
		chk_err(c, 0, "the ISA has %d elements, not 16", s->n);
		return;
	}
	for (k = 1; k <= 16; k++) {
		if ((int)strlen(s->el[k]) != width[k])
			chk_err(c, k, "'%s' is %zu characters wide, not %d", s->el[k],
				strlen(s->el[k]), width[k]);
	}
	if (!chk_in(s->el[1], "00 03"))
		chk_err(c, 1, "'%s' is not an authorization qualifier (00, 03)", s->el[1]);
	if (!chk_in(s->el[3], "00 01"))
		chk_err(c, 3, "'%s' is not a security qualifier (00, 01)", s->el[3]);
	for (k = 5; k <= 7; k += 2)
		if (!chk_in(s->el[k], "01 14 20 27 28 29 30 33 ZZ"))
			chk_err(c, k, "'%s' is not an interchange ID qualifier", s->el[k]);
	snprintf(date, sizeof(date), "20%s", s->el[9]);
	if (strlen(s->el[9]) != 6 || !chk_date8(date, NULL))
		chk_err(c, 9, "'%s' is not a date (YYMMDD)", s->el[9]);
	if (strlen(s->el[10]) != 4 || !time_ok(s->el[10]))
		chk_err(c, 10, "'%s' is not a time (HHMM)", s->el[10]);
	if (!strcmp(s->el[12], "00501") &&
	    (strlen(s->el[11]) != 1 || isalnum((unsigned char)s->el[11][0]) || s->el[11][0] == ' '))
		chk_err(c, 11, "'%s' is not a repetition separator", s->el[11]);
	if (!chk_in(s->el[12], "00501 00401"))
		chk_err(c, 12, "'%s' is not a supported version (00501)", s->el[12]);
	if (strlen(s->el[13]) != 9 || strspn(s->el[13], "0123456789") != 9)
		chk_err(c, 13, "'%s' is not a 9-digit control number", s->el[13]);
	if (!chk_in(s->el[14], "0 1"))
		chk_err(c, 14, "'%s' is not 0 or 1", s->el[14]);
	if (!chk_in(s->el[15], "T P"))
		chk_err(c, 15, "'%s' is not T (test) or P (production)", s->el[15]);
	if (!s->el[16][0] || isalnum((unsigned char)s->el[16][0]) || s->el[16][0] == ' ')
		chk_err(c, 16, "'%s' is not a component separator", s->el[16]);
	SCPY(v->isa13, s->el[13]);
	v->isa_no = s->no;
	v->groups = 0;
	strset_clear(&v->gs_seen);
	{
		long first = strset_add(&v->isa_seen, s->el[13], s->no);

		if (first)
			chk_err(c, 13, "interchange control number %s was already used at segment %ld",
				s->el[13], first);
	}
	if (c->across) {
		char key[64], sender[16];
		const char *other;

		snprintf(key, sizeof(key), "%s:%s:%s", s->el[5], s->el[6], s->el[13]);
		other = across_add(c->across, key, c->name);
		SCPY(sender, s->el[6]);
		strtrim(sender);
		if (other)
			chk_report(c, X12C_WARNING, s->no, "ISA", 13,
				   "sender %s already used interchange control number %s in %s",
				   sender, s->el[13], other);
	}
}

/* Close the open transaction set; a set cut short (no SE) skips the
 * checks of its unfinished loops, which would only echo the missing SE. */
static void end_set(struct chk *c, struct env *v, long segno, bool clean)
{
	if (c->p837) {
		if (clean)
			c837_finish(c, segno);
		c837_free(c->p837);
		c->p837 = NULL;
	}
	c->legacy = false;
	v->at = IN_GS;
}

static void check_st(struct chk *c, struct env *v, const struct x12_segment *s)
{
	const char *fn = NULL;
	size_t i;

	SCPY(v->st01, x12_el(s, 1));
	SCPY(v->st02, x12_el(s, 2));
	v->st_no = s->no;
	v->st_count = 1;
	v->sets++;
	c->sum->sets++;
	if (!*x12_el(s, 2))
		chk_err(c, 2, "the transaction set control number is missing");
	for (i = 0; i < ARRAY_SIZE(gs_functions); i++)
		if (!strcmp(gs_functions[i][0], v->st01))
			fn = gs_functions[i][1];
	if (fn && strcmp(fn, v->gs01))
		chk_err(c, 1, "transaction set %s does not belong in a functional group %s (GS01 %s)",
			v->st01, v->gs01, fn);
	if (*x12_el(s, 3) && strcmp(x12_el(s, 3), v->gs08))
		chk_err(c, 3, "'%s' is not the group's version %s (GS08)", x12_el(s, 3), v->gs08);
	if (*x12_el(s, 2)) {
		long first = strset_add(&v->st_seen, x12_el(s, 2), s->no);

		if (first)
			chk_err(c, 2, "transaction set control number %s was already used at segment %ld",
				x12_el(s, 2), first);
	}
	if (!strcmp(v->st01, "837") && !strcmp(x12_el(s, 3), "005010X222A1"))
		c->p837 = c837_new();
	else if (!strcmp(v->st01, "837") && !strcmp(v->gs08, "005010X222A1") && !*x12_el(s, 3))
		chk_err(c, 3, "ST03 is required (005010X222A1)");
}

/* One segment through the envelope state machine. */
static void envelope(struct chk *c, struct env *v, const struct x12_segment *s, size_t isa_len)
{
	const char *id = s->id;

	/* The common case: a segment inside a transaction set. */
	if (v->at == IN_ST && !(id[0] == 'I' && id[1] == 'S') && !(id[0] == 'G' && id[1] == 'S') &&
	    !(id[0] == 'S' && (id[1] == 'E' || id[1] == 'T') && !id[2]) &&
	    !(id[0] == 'G' && id[1] == 'E' && !id[2]) && strcmp(id, "IEA")) {
		v->st_count++;
		v->lost = false;
		if (c->p837)
			c837_segment(c, s);
		return;
	}
	if (!strcmp(id, "ISA")) {
		if (v->at == IN_ST) {
			chk_err(c, 0, "ISA before SE closed transaction set %s", v->st02);
			end_set(c, v, s->no, false);
		} else if (v->at == IN_GS) {
			chk_err(c, 0, "ISA before GE closed group %s", v->gs06);
		} else if (v->at == IN_ISA) {
			chk_err(c, 0, "ISA before IEA closed interchange %s", v->isa13);
		}
		c->sum->interchanges++;
		check_isa(c, v, s, isa_len);
		v->lost = false;
		v->at = IN_ISA;
		return;
	}
	if (v->at == OUTSIDE) {
		if (!v->lost)
			chk_err(c, 0, "%s segment outside an interchange (after IEA, before ISA)", id);
		v->lost = true;
		return;
	}
	if (v->at != IN_ST && strcmp(id, "SE") && strcmp(id, "ST") && strcmp(id, "GS") &&
	    strcmp(id, "GE") && strcmp(id, "IEA") && strcmp(id, "TA1")) {
		if (!v->lost)
			chk_err(c, 0, "%s segment outside a transaction set", id);
		v->lost = true;
		return;
	}
	v->lost = false;
	if (!strcmp(id, "IEA")) {
		if (v->at == IN_ST) {
			chk_err(c, 0, "IEA before SE closed transaction set %s", v->st02);
			end_set(c, v, s->no, false);
		}
		if (v->at == IN_GS)
			chk_err(c, 0, "IEA before GE closed group %s", v->gs06);
		if (strcmp(x12_el(s, 1), "") && atol(x12_el(s, 1)) != v->groups)
			chk_err(c, 1, "IEA01 says %s functional groups, the interchange has %ld",
				x12_el(s, 1), v->groups);
		if (strcmp(x12_el(s, 2), v->isa13))
			chk_err(c, 2, "'%s' does not match ISA13 '%s'", x12_el(s, 2), v->isa13);
		v->at = OUTSIDE;
		return;
	}
	if (!strcmp(id, "GS")) {
		if (v->at == IN_ST) {
			chk_err(c, 0, "GS before SE closed transaction set %s", v->st02);
			end_set(c, v, s->no, false);
		}
		if (v->at == IN_GS)
			chk_err(c, 0, "GS before GE closed group %s", v->gs06);
		SCPY(v->gs01, x12_el(s, 1));
		SCPY(v->gs06, x12_el(s, 6));
		SCPY(v->gs08, x12_el(s, 8));
		v->gs_no = s->no;
		v->sets = 0;
		v->groups++;
		c->sum->groups++;
		strset_clear(&v->st_seen);
		if (strcmp(x12_el(s, 7), "X"))
			chk_err(c, 7, "'%s' is not X (the agency code)", x12_el(s, 7));
		if (*v->gs06) {
			long first = strset_add(&v->gs_seen, v->gs06, s->no);

			if (first)
				chk_err(c, 6, "group control number %s was already used at segment %ld",
					v->gs06, first);
		}
		v->at = IN_GS;
		return;
	}
	if (!strcmp(id, "GE")) {
		if (v->at == IN_ISA) {
			chk_err(c, 0, "GE without a GS");
			return;
		}
		if (v->at == IN_ST) {
			chk_err(c, 0, "GE before SE closed transaction set %s", v->st02);
			end_set(c, v, s->no, false);
		}
		if (atol(x12_el(s, 1)) != v->sets || !*x12_el(s, 1))
			chk_err(c, 1, "GE01 says %s transaction sets, the group has %ld",
				x12_el(s, 1), v->sets);
		if (strcmp(x12_el(s, 2), v->gs06))
			chk_err(c, 2, "'%s' does not match GS06 '%s'", x12_el(s, 2), v->gs06);
		v->at = IN_ISA;
		return;
	}
	if (!strcmp(id, "TA1") && v->at == IN_ISA)
		return;
	if (!strcmp(id, "ST")) {
		if (v->at == IN_ISA) {
			chk_err(c, 0, "ST outside a functional group (no GS)");
			return;
		}
		if (v->at == IN_ST) {
			chk_err(c, 0, "ST before SE closed transaction set %s", v->st02);
			end_set(c, v, s->no, false);
		}
		check_st(c, v, s);
		v->at = IN_ST;
		return;
	}
	if (v->at != IN_ST) {
		chk_err(c, 0, "%s segment outside a transaction set", id);
		return;
	}
	v->st_count++;
	if (!strcmp(id, "SE")) {
		if (atol(x12_el(s, 1)) != v->st_count || !*x12_el(s, 1))
			chk_err(c, 1, "SE01 says %s segments, the transaction set has %ld",
				x12_el(s, 1), v->st_count);
		if (strcmp(x12_el(s, 2), v->st02))
			chk_err(c, 2, "'%s' does not match ST02 '%s'", x12_el(s, 2), v->st02);
		end_set(c, v, s->no, true);
		return;
	}
	if (c->p837)
		c837_segment(c, s);
}

int x12check_file(FILE *f, const char *name, const struct x12c_options *o,
		  struct x12c_summary *sum)
{
	return x12check_file_across(f, name, o, NULL, sum);
}

int x12check_file_across(FILE *f, const char *name, const struct x12c_options *o,
			 struct x12c_across *across, struct x12c_summary *sum)
{
	struct x12c_summary local;
	struct x12_reader r;
	struct x12_segment s;
	struct chk c = { 0 };
	struct env v;
	long last = 0;
	char last_id[4] = "";
	int rc, ret = MB_OK;

	if (!sum)
		sum = &local;
	memset(sum, 0, sizeof(*sum));
	memset(&v, 0, sizeof(v));
	c.name = name;
	c.o = o;
	c.across = across;
	c.sum = sum;
	x12r_init(&r, f);
	while ((rc = x12r_next(&r, &s)) == MB_OK) {
		c.seg = &s;
		sum->segments++;
		last = s.no;
		SCPY(last_id, s.id);
		if (s.unterminated)
			chk_err(&c, 0, "the last segment has no segment terminator");
		chk_syntax(&c, &s);
		envelope(&c, &v, &s, x12r_isa_len(&r));
	}
	if (rc == MB_ERROR) {
		if (!strncmp(error_last(), "cannot read", 11)) {
			ret = MB_ERROR;
			goto cleanup;
		}
		chk_report(&c, X12C_ERROR, last + 1, "", 0, "%s", error_last());
	} else if (last == 0) {
		chk_report(&c, X12C_ERROR, 0, "", 0, "the file is empty");
	}
	if (v.at == IN_ST) {
		chk_report(&c, X12C_ERROR, last, last_id, 0, "the file ends inside transaction set %s (no SE)",
			   v.st02);
		end_set(&c, &v, last, false);
	}
	if (v.at == IN_GS)
		chk_report(&c, X12C_ERROR, last, last_id, 0, "the file ends inside group %s (no GE)", v.gs06);
	if (v.at != OUTSIDE && last)
		chk_report(&c, X12C_ERROR, last, last_id, 0,
			   "the file ends inside interchange %s (no IEA)", v.isa13);
cleanup:
	sum->bytes = (unsigned long)(r.in_base + (long)r.in_len);
	if (c.p837)
		c837_free(c.p837);
	strset_clear(&c.clm01);
	chk_dict_free(c.dict);
	strset_clear(&v.isa_seen);
	strset_clear(&v.gs_seen);
	strset_clear(&v.st_seen);
	x12r_release(&r);
	return ret;
}
