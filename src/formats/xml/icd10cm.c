/*
 * icd10cm.c: stream the CDC ICD-10-CM Tabular List with xmlTextReader.
 *
 * The reader walks the document node by node. Open diag elements form a
 * stack; a diag is handed on when its first child diag starts (a header) or
 * when it ends without one (a leaf). Its name, desc, notes and sevenChrDef
 * all come before its child diags, so they are known by then.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "medbill/icd10cm.h"
#include "medbill/infile.h"
#include "medbill/strbuf.h"
#include "medbill/util.h"

#define MAX_LEVELS 12		/* ICD-10-CM nests diags 5 deep at most */
#define MAX_DEPTH 64		/* element nesting of the whole document */
#define MAX_EXT 40		/* 7th characters in one sevenChrDef */
#define MAX_NOTES 256		/* notes on one diag */

static const char *const note_kinds[] = {
	"includes", "inclusionTerm", "excludes1", "excludes2", "codeFirst",
	"useAdditionalCode", "codeAlso", "notes", "sevenChrNote",
};

struct ext {
	char ch;
	size_t text;		/* offset in level.text */
};

struct level {
	char code[16];
	long line;		/* where the diag starts */
	struct strbuf text;	/* the description, notes and 7th-character texts */
	size_t desc;		/* offsets in text; (size_t)-1 when absent */
	size_t note_kind[MAX_NOTES];	/* index into note_kinds, or the sevenChrDef marker */
	size_t note_text[MAX_NOTES];
	size_t nnotes;
	struct ext ext[MAX_EXT];
	size_t next;		/* 0: no sevenChrDef of its own */
	bool emitted;
};

struct parse {
	const char *path;
	icd10cm_fn fn;
	void *arg;
	icd10cm_progress_fn progress;
	void *progress_arg;
	struct icd10cm_stats stats;
	struct infile *in;
	bool io_failed;
	int open_depth;		/* elements open after the last start or end tag */
	uint64_t next_progress;
	char xml_error[512];
	int xml_line;
	int xml_code;
	int error_depth;	/* open_depth when the error was reported */
	/* document state */
	const xmlChar *names[MAX_DEPTH];	/* the open elements by depth */
	int chapter;
	char section[16];
	struct level levels[MAX_LEVELS];
	int nlevels;
	struct icd10cm_note notes[MAX_NOTES + MAX_EXT];
	struct strbuf scratch;
	long fail_line;		/* the line of the diag whose hand-on failed */
};

#define SEVEN_CHR_DEF ARRAY_SIZE(note_kinds)

static int io_read(void *ctx, char *buf, int len)
{
	struct parse *p = ctx;
	long r = infile_read(p->in, buf, (size_t)len);

	if (r < 0) {
		p->io_failed = true;
		return -1;
	}
	p->stats.fingerprint = fnv1a(p->stats.fingerprint, buf, (size_t)r);
	if (p->progress && infile_done(p->in) >= p->next_progress) {
		p->progress(infile_done(p->in), infile_total(p->in), p->progress_arg);
		p->next_progress = infile_done(p->in) + (1u << 20);
	}
	return (int)r;
}

static int io_close(void *ctx)
{
	return 0;
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	struct parse *p = arg;
	size_t n;

	if (!e || e->level < XML_ERR_ERROR || p->xml_error[0])
		return;
	snprintf(p->xml_error, sizeof(p->xml_error), "%s", e->message ? e->message : "XML error");
	n = strlen(p->xml_error);
	while (n && (p->xml_error[n - 1] == '\n' || p->xml_error[n - 1] == ' '))
		p->xml_error[--n] = '\0';
	p->xml_line = e->line;
	p->xml_code = e->code;
	p->error_depth = p->open_depth;
}

static bool is(const xmlChar *name, const char *s)
{
	return name && !strcmp((const char *)name, s);
}

static int note_kind(const xmlChar *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(note_kinds); i++)
		if (is(name, note_kinds[i]))
			return (int)i;
	return -1;
}

/* The text content of the current element, whitespace collapsed. */
static void element_text(xmlTextReaderPtr rd, struct strbuf *out)
{
	xmlChar *s = xmlTextReaderReadString(rd);
	const char *c;
	bool space = false;

	if (!s)
		return;
	for (c = (const char *)s; *c; c++) {
		if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space) {
			strbuf_addch(out, ' ');
			space = false;
		}
		strbuf_addch(out, *c);
	}
	xmlFree(s);
}

/* Append the element's text to the level's text; its offset. */
static size_t level_text(struct parse *p, struct level *lv, xmlTextReaderPtr rd)
{
	size_t at;

	strbuf_reset(&p->scratch);
	element_text(rd, &p->scratch);
	at = lv->text.len;
	strbuf_add(&lv->text, p->scratch.buf ? p->scratch.buf : "", p->scratch.len);
	strbuf_addch(&lv->text, '\0');
	return at;
}

/* The sevenChrDef that applies at level i: its own, else the nearest ancestor's. */
static const struct level *seven_def(const struct parse *p, int i)
{
	for (; i >= 0; i--)
		if (p->levels[i].next)
			return &p->levels[i];
	return NULL;
}

static int emit(struct parse *p, const struct level *lv, const char *code, const char *desc,
		bool billable, bool expanded, size_t nnotes)
{
	struct icd10cm_code c;

	c.fy = p->stats.fy;
	c.code = code;
	c.description = desc;
	c.chapter = p->chapter;
	c.section = p->section;
	c.depth = (int)(lv - p->levels) + 1;
	c.billable = billable;
	c.expanded = expanded;
	c.nnotes = nnotes;
	c.notes = p->notes;
	c.line = lv->line;
	p->stats.codes++;
	p->stats.billable += billable;
	p->stats.expanded += expanded;
	p->stats.notes += (long)nnotes;
	if (p->fn(&c, p->arg) != MB_OK) {
		p->fail_line = lv->line;
		return MB_ERROR;
	}
	return MB_OK;
}

/* Hand on the diag at the top of the stack; leaf says it has no child diag. */
static int emit_level(struct parse *p, bool leaf)
{
	struct level *lv = &p->levels[p->nlevels - 1];
	const struct level *def = leaf ? seven_def(p, p->nlevels - 1) : NULL;
	const char *desc = lv->desc == (size_t)-1 ? "" : lv->text.buf + lv->desc;
	size_t i, n = 0;

	lv->emitted = true;
	if (!lv->code[0])
		return error("a diag without a name");
	if (lv->desc == (size_t)-1)
		return error("diag '%s' has no desc", lv->code);
	for (i = 0; i < lv->nnotes; i++) {
		p->notes[n].kind = lv->note_kind[i] == SEVEN_CHR_DEF ? "sevenChrDef" : note_kinds[lv->note_kind[i]];
		p->notes[n].text = lv->text.buf + lv->note_text[i];
		n++;
	}
	for (i = 0; i < lv->next; i++) {
		p->notes[n].kind = "sevenChrDef";
		p->notes[n].text = lv->text.buf + lv->ext[i].text;
		n++;
	}
	if (emit(p, lv, lv->code, desc, leaf && !def, false, n) != MB_OK)
		return MB_ERROR;
	if (!def)
		return MB_OK;
	for (i = 0; i < def->next; i++) {
		char full[16], key[8];
		const char *c, *ext = def->text.buf + def->ext[i].text;
		size_t k = 0;

		/* the extension's text starts "X: " (see the sevenChrDef reading) */
		for (c = lv->code; *c && k < 6; c++)
			if (*c != '.')
				key[k++] = *c;
		while (k < 6)
			key[k++] = 'X';
		key[k++] = def->ext[i].ch;
		key[k] = '\0';
		memcpy(full, key, 3);
		full[3] = '.';
		memcpy(full + 4, key + 3, 5);	/* 4 characters and the NUL */
		strbuf_reset(&p->scratch);
		strbuf_addf(&p->scratch, "%s, %s", desc, ext + 3);
		if (emit(p, lv, full, p->scratch.buf, true, true, 0) != MB_OK)
			return MB_ERROR;
	}
	return MB_OK;
}

/* The line of the reader's current node (not the parser's, which reads ahead). */
static long node_line(xmlTextReaderPtr rd)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(rd);
	long line = n ? xmlGetLineNo(n) : -1;

	return line > 0 ? line : xmlTextReaderGetParserLineNumber(rd);
}

static int start_diag(struct parse *p, long line)
{
	struct level *lv;

	if (p->nlevels && !p->levels[p->nlevels - 1].emitted &&
	    emit_level(p, false) != MB_OK)
		return MB_ERROR;
	if (p->nlevels == MAX_LEVELS)
		return error("diags nested deeper than %d", MAX_LEVELS);
	lv = &p->levels[p->nlevels++];
	lv->code[0] = '\0';
	lv->line = line;
	strbuf_reset(&lv->text);
	lv->desc = (size_t)-1;
	lv->nnotes = 0;
	lv->next = 0;
	lv->emitted = false;
	return MB_OK;
}

static int end_diag(struct parse *p)
{
	int ret = MB_OK;

	if (!p->levels[p->nlevels - 1].emitted)
		ret = emit_level(p, true);
	p->nlevels--;
	return ret;
}

/* An element starts at depth d; its parent is names[d - 1]. */
static int on_start(struct parse *p, xmlTextReaderPtr rd, const xmlChar *name, int d)
{
	const xmlChar *parent = d > 0 ? p->names[d - 1] : NULL;
	const xmlChar *grand = d > 1 ? p->names[d - 2] : NULL;
	struct level *lv = p->nlevels ? &p->levels[p->nlevels - 1] : NULL;
	int kind;

	if (is(name, "diag")) {
		p->stats.diags++;
		if (!p->stats.fy)
			return error("the file has no <version> before its first diag");
		if (!p->chapter || !p->section[0])
			return error("a diag outside a chapter section");
		return start_diag(p, node_line(rd));
	}
	if (is(name, "version") && d == 1) {
		char *end;
		long v;

		strbuf_reset(&p->scratch);
		element_text(rd, &p->scratch);
		v = strtol(p->scratch.buf ? p->scratch.buf : "", &end, 10);
		if (!p->scratch.len || *end || v < 2000 || v > 2999)
			return error("'version' is not a fiscal year: '%s'", strbuf_str(&p->scratch));
		p->stats.fy = (int)v;
		return MB_OK;
	}
	if (is(name, "chapter")) {
		p->stats.chapters++;
		p->chapter = 0;
		p->section[0] = '\0';
		return MB_OK;
	}
	if (is(name, "name") && is(parent, "chapter")) {
		strbuf_reset(&p->scratch);
		element_text(rd, &p->scratch);
		p->chapter = atoi(strbuf_str(&p->scratch));
		if (p->chapter <= 0)
			return error("chapter name '%s' is not a number", strbuf_str(&p->scratch));
		return MB_OK;
	}
	if (is(name, "section") && is(parent, "chapter")) {
		xmlChar *id = xmlTextReaderGetAttribute(rd, BAD_CAST "id");

		p->stats.sections++;
		snprintf(p->section, sizeof(p->section), "%s", id ? (const char *)id : "");
		xmlFree(id);
		if (!p->section[0])
			return error("a section without an id");
		return MB_OK;
	}
	if (!lv || (!is(grand, "diag") && !is(parent, "diag")))
		return MB_OK;
	if (is(parent, "diag") && is(name, "name")) {
		strbuf_reset(&p->scratch);
		element_text(rd, &p->scratch);
		if (!p->scratch.len || p->scratch.len > 8)
			return error("diag name '%s' is not a code", strbuf_str(&p->scratch));
		memcpy(lv->code, p->scratch.buf, p->scratch.len + 1);
		return MB_OK;
	}
	if (is(parent, "diag") && is(name, "desc")) {
		lv->desc = level_text(p, lv, rd);
		return MB_OK;
	}
	if (is(grand, "diag") && is(name, "note") && (kind = note_kind(parent)) >= 0) {
		if (lv->nnotes == MAX_NOTES)
			return error("diag '%s' has more than %d notes", lv->code, MAX_NOTES);
		lv->note_kind[lv->nnotes] = (size_t)kind;
		lv->note_text[lv->nnotes++] = level_text(p, lv, rd);
		return MB_OK;
	}
	if (is(grand, "diag") && is(parent, "sevenChrDef") && is(name, "extension")) {
		xmlChar *ch = xmlTextReaderGetAttribute(rd, BAD_CAST "char");
		char head[8];
		int ok = ch && ch[0] && !ch[1];

		if (!ok || lv->next == MAX_EXT) {
			error("diag '%s': a 7th character that is not one character ('%s')",
			      lv->code, ch ? (const char *)ch : "");
			xmlFree(ch);
			return MB_ERROR;
		}
		lv->ext[lv->next].ch = (char)ch[0];
		xmlFree(ch);
		/* keep "A: text" so that the note reads on its own */
		snprintf(head, sizeof(head), "%c: ", lv->ext[lv->next].ch);
		lv->ext[lv->next].text = lv->text.len;
		strbuf_adds(&lv->text, head);
		strbuf_reset(&p->scratch);
		element_text(rd, &p->scratch);
		strbuf_add(&lv->text, strbuf_str(&p->scratch), p->scratch.len);
		strbuf_addch(&lv->text, '\0');
		lv->next++;
		return MB_OK;
	}
	if (is(grand, "diag") && is(parent, "sevenChrDef") && is(name, "note")) {
		/* a note on the 7th character before it: keep it as a note */
		if (lv->nnotes == MAX_NOTES)
			return error("diag '%s' has more than %d notes", lv->code, MAX_NOTES);
		lv->note_kind[lv->nnotes] = SEVEN_CHR_DEF;
		lv->note_text[lv->nnotes++] = level_text(p, lv, rd);
	}
	return MB_OK;
}

static int on_end(struct parse *p, const xmlChar *name)
{
	if (is(name, "diag"))
		return end_diag(p);
	if (is(name, "chapter"))
		p->chapter = 0;
	if (is(name, "section"))
		p->section[0] = '\0';
	return MB_OK;
}

/* The message for a read error, damaged gzip data or XML that is not well-formed. */
static void reader_error(struct parse *p, xmlTextReaderPtr rd, const char *path)
{
	if (p->io_failed)
		error("'%s' line %d: the gzip data is truncated or damaged", path,
		      xmlTextReaderGetParserLineNumber(rd));
	else if (p->xml_code == XML_ERR_DOCUMENT_END && p->error_depth > 0)
		error("'%s' line %d: the XML is not well-formed: the file ends before its "
		      "elements are closed (is it truncated?)", path, p->xml_line);
	else if (p->xml_error[0])
		error("'%s' line %d: the XML is not well-formed: %s", path, p->xml_line, p->xml_error);
	else
		error("'%s' line %d: the XML is not well-formed", path,
		      xmlTextReaderGetParserLineNumber(rd));
}

int icd10cm_parse(const char *path, icd10cm_fn fn, void *arg,
		  icd10cm_progress_fn progress, void *progress_arg, struct icd10cm_stats *stats)
{
	struct parse *p = xcalloc(1, sizeof(*p));
	xmlTextReaderPtr rd = NULL;
	int ret = MB_ERROR, r, i;

	p->path = path;
	p->fn = fn;
	p->arg = arg;
	p->progress = progress;
	p->progress_arg = progress_arg;
	p->stats.fingerprint = FNV_SEED;
	for (i = 0; i < MAX_LEVELS; i++)
		strbuf_init(&p->levels[i].text);
	strbuf_init(&p->scratch);
	if (infile_open(path, &p->in) != MB_OK)
		goto cleanup;
	rd = xmlReaderForIO(io_read, io_close, p, path, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
	if (!rd) {
		error("'%s': cannot start the XML reader", path);
		goto cleanup;
	}
	xmlTextReaderSetStructuredErrorHandler(rd, on_xml_error, p);
	while ((r = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		int d = xmlTextReaderDepth(rd);
		const xmlChar *name;

		if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
			continue;
		if (d < 0 || d >= MAX_DEPTH) {
			error("'%s' line %ld: elements nested deeper than %d", path, node_line(rd),
			      MAX_DEPTH);
			goto cleanup;
		}
		name = xmlTextReaderConstLocalName(rd);
		p->open_depth = d;
		if (type == XML_READER_TYPE_ELEMENT) {
			p->names[d] = name;
			p->open_depth = xmlTextReaderIsEmptyElement(rd) == 1 ? d : d + 1;
			if (on_start(p, rd, name, d) != MB_OK ||
			    (xmlTextReaderIsEmptyElement(rd) == 1 && on_end(p, name) != MB_OK))
				goto failed;
		} else if (on_end(p, name) != MB_OK) {
			goto failed;
		}
	}
	if (r < 0 || p->io_failed || p->xml_error[0]) {
		reader_error(p, rd, path);
		goto cleanup;
	}
	if (!p->stats.fy) {
		error("'%s' is not an ICD-10-CM tabular file: no <version>", path);
		goto cleanup;
	}
	if (!p->stats.diags) {
		error("'%s' holds no diag elements", path);
		goto cleanup;
	}
	if (progress)
		progress(infile_done(p->in), infile_done(p->in), progress_arg);
	if (stats)
		*stats = p->stats;
	ret = MB_OK;
	goto cleanup;
failed:
	/* what the reader made of a damaged file can fail our checks: the damage comes first */
	if (p->io_failed || p->xml_error[0])
		reader_error(p, rd, path);
	else
		error_prefix("'%s' line %ld", path, p->fail_line ? p->fail_line : node_line(rd));
cleanup:
	if (rd)
		xmlFreeTextReader(rd);
	infile_close(p->in);
	for (i = 0; i < MAX_LEVELS; i++)
		strbuf_release(&p->levels[i].text);
	strbuf_release(&p->scratch);
	free(p);
	return ret;
}
