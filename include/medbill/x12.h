/*
 * x12.h: the X12 segment writer and reader, for every transaction set
 * (837P now; 835, 999, 277CA, 270/271 later).
 *
 * Writer
 *   A struct x12_writer streams segments to a FILE*: the caller builds one
 *   segment at a time (x12w_seg(), element calls, x12w_end()) and the writer
 *   counts them, so SE01, GE01 and IEA01 are never counted by hand.
 *   - Text is written upper-case and restricted to the X12 basic character
 *     set (A-Z 0-9 space ! " & ' ( ) + , - . / ; ? = and, when they are not
 *     delimiters, * and :). Latin-1 letters lose their accents (É -> E).
 *   - A delimiter in the data is never written through: it is REPLACED by a
 *     space, like any other character outside the basic set; runs of spaces
 *     collapse and leading/trailing spaces go. x12w_replaced() counts the
 *     replacements. Front ends that must refuse instead (the scrubber) call
 *     x12_text_check() before building the claim.
 *   - Trailing empty elements and trailing empty components are dropped.
 *   Errors (an I/O error, an ISA field that does not fit) are sticky: the
 *   first one is kept in error() and every later call returns MB_ERROR.
 *
 * Reader
 *   A struct x12_reader streams segments from a FILE*. The delimiters are
 *   taken from each ISA (element separator: the 4th character; component:
 *   ISA16; repetition: ISA11; segment terminator: the character after ISA16).
 *   CR/LF after a terminator are skipped, so files with one segment per line
 *   and files on a single line read the same.
 *
 * Ownership: both structs live where the caller puts them (stack or heap);
 * x12w_release()/x12r_release() free what they hold inside. The FILE* stays
 * the caller's. A struct x12_segment returned by x12r_next() points into
 * the reader and is valid until the next x12r_next() or x12r_release().
 */
#ifndef MEDBILL_X12_H
#define MEDBILL_X12_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "money.h"
#include "strbuf.h"

struct x12_delims {
	char element;		/* '*' */
	char component;		/* ':' (ISA16) */
	char repetition;	/* '^' (ISA11) */
	char segment;		/* '~' */
	bool newline;		/* write '\n' after each segment terminator */
};

/* '*', ':', '^', '~' and a newline after each segment. */
#define X12_DELIMS_DEFAULT { '*', ':', '^', '~', true }

#define X12_ISA_LEN 106		/* the ISA segment with its terminator */

/* ---- text rules (shared by the writer, the scrubber and the checker) ---- */

/* true for a character of the X12 basic character set (upper-case letters,
 * digits, space and ! " & ' ( ) * + , - . / : ; ? =). */
bool x12_basic_char(int c);
/* true when s holds one of the delimiters of d. */
bool x12_has_delimiter(const char *s, const struct x12_delims *d);
/*
 * MB_OK when s can be written unchanged after upper-casing: only basic
 * characters and no delimiter. Otherwise MB_ERROR naming 'field' and the
 * first offending character, e.g. "'last name': '*' is an X12 delimiter".
 */
int x12_text_check(const char *s, const struct x12_delims *d, const char *field);
/*
 * Write into dst (size n, always terminated) the form the writer would send
 * for s: upper-case, accents removed, other characters and delimiters
 * replaced by a space, spaces collapsed and trimmed. Returns the number of
 * characters that were replaced (0: s went through unchanged but for case).
 */
size_t x12_clean(char *dst, size_t n, const char *s, const struct x12_delims *d);

/* ---- writer ---- */

struct x12_writer {
	FILE *f;
	struct x12_delims d;
	struct strbuf seg;	/* the segment being built */
	size_t keep;		/* length of seg up to its last non-empty element */
	int nel;		/* elements added to the open segment */
	bool open;		/* a segment is being built */
	int status;		/* MB_OK, or MB_ERROR after the first error */
	long st_segments;	/* segments since ST, ST included (SE01) */
	long gs_sets;		/* transaction sets in the open group (GE01) */
	long isa_groups;	/* groups in the open interchange (IEA01) */
	long segments;		/* every segment written */
	unsigned long bytes;	/* every byte written */
	unsigned long replaced;	/* characters replaced by x12_clean() */
	char isa_ctl[10], gs_ctl[10], st_ctl[10];
	bool in_isa, in_gs, in_st;
	/* What each ASCII byte becomes in cleaned text (x12w_init() fills it
	 * from d): the character written, and whether it was replaced. */
	char ascii_out[128];
	bool ascii_rep[128];
};

/* Start writing to f (not owned) with delimiters d (NULL: the defaults). */
void x12w_init(struct x12_writer *w, FILE *f, const struct x12_delims *d);
void x12w_release(struct x12_writer *w);
/* MB_OK, or MB_ERROR after any error so far (message in error_last()). */
int x12w_status(const struct x12_writer *w);
unsigned long x12w_replaced(const struct x12_writer *w);

/* Begin a segment with its ID ("NM1"). */
void x12w_seg(struct x12_writer *w, const char *id);
/* Add an element of text (cleaned as x12_clean() does). NULL or "" is an
 * empty element, dropped when it is trailing. */
void x12w_el(struct x12_writer *w, const char *s);
/* Same, truncated to at most max characters after cleaning (the element's
 * maximum length in the guide). */
void x12w_eln(struct x12_writer *w, const char *s, size_t max);
void x12w_elf(struct x12_writer *w, const char *fmt, ...) MB_PRINTF(2, 3);
/* An element that may use the extended character set (e-mail addresses):
 * upper-cased, with @ _ % # $ kept; delimiters are still replaced. */
void x12w_el_ext(struct x12_writer *w, const char *s);
void x12w_int(struct x12_writer *w, long v);
/* An amount in X12 form: "150", "35.5", "0.25". */
void x12w_money(struct x12_writer *w, cents_t c);
/* A date as CCYYMMDD; 0 is an empty element. */
void x12w_date(struct x12_writer *w, mbdate_t d);
/* A composite element from its components, NULL-terminated:
 * x12w_comp(w, "HC", "99213", "25", NULL). Trailing empty components
 * (NULL is the end, "" is empty) are dropped. */
void x12w_comp(struct x12_writer *w, ...);
/* End the segment: drop trailing empty elements, write it with its
 * terminator and count it. Returns x12w_status(). */
int x12w_end(struct x12_writer *w);

/* The interchange header fields; the writer pads them to their widths. */
struct x12_isa {
	char auth_qual[3];	/* ISA01, "" -> "00" */
	char auth[11];		/* ISA02 */
	char sec_qual[3];	/* ISA03, "" -> "00" */
	char sec[11];		/* ISA04 */
	char sender_qual[3];	/* ISA05 */
	char sender_id[16];	/* ISA06 */
	char receiver_qual[3];	/* ISA07 */
	char receiver_id[16];	/* ISA08 */
	mbdate_t date;		/* ISA09 (YYMMDD) */
	int hhmm;		/* ISA10 */
	long control;		/* ISA13: 1..999999999 */
	bool ack;		/* ISA14: ask for a TA1 */
	char usage;		/* ISA15: 'T' test or 'P' production */
};

/* ISA (106 characters, version 00501, ISA11 the repetition separator,
 * ISA16 the component separator). MB_ERROR when a field does not fit. */
int x12w_isa(struct x12_writer *w, const struct x12_isa *isa);
/* GS: functional ID ("HC"), sender and receiver codes (GS02/GS03), date,
 * time HHMM, group control number (1..999999999) and version (GS08). */
int x12w_gs(struct x12_writer *w, const char *func, const char *sender,
	    const char *receiver, mbdate_t date, int hhmm, long control,
	    const char *version);
/* ST: set ID ("837"), control number (4-9 characters) and ST03. */
int x12w_st(struct x12_writer *w, const char *set, const char *control,
	    const char *impl);
/* SE, GE, IEA with the counts the writer kept. */
int x12w_se(struct x12_writer *w);
int x12w_ge(struct x12_writer *w);
int x12w_iea(struct x12_writer *w);

/* ---- reader ---- */

struct x12_segment {
	const char *id;		/* "NM1" (== el[0]) */
	int n;			/* elements after the ID: el[1..n] */
	char **el;		/* el[0..n], NUL-terminated strings */
	long no;		/* 1-based position in the file, the ISA is 1 */
	long offset;		/* byte offset of its first character */
	size_t len;		/* characters before its terminator */
	char component;		/* the component separator in force */
	char repetition;	/* the repetition separator in force ('\0': none) */
	bool unterminated;	/* the file ended before its terminator */
};

struct x12_reader {
	FILE *f;
	struct x12_delims d;
	bool have_isa;
	size_t isa_len;		/* length of the last ISA, terminator included */
	char *in;		/* read buffer */
	size_t in_pos, in_len, in_alloc;
	long in_base;		/* file offset of in[0] */
	bool eof;
	char *buf;		/* the current segment */
	size_t buf_len, buf_alloc;
	char **el;
	size_t el_alloc;
	long segno;
};

void x12r_init(struct x12_reader *r, FILE *f);
void x12r_release(struct x12_reader *r);
/*
 * Read the next segment into *seg. MB_OK; MB_NOTFOUND at the end of the
 * file; MB_ERROR when the data is not X12 (no ISA first, a broken ISA, a
 * read error), with the message in error_last().
 */
int x12r_next(struct x12_reader *r, struct x12_segment *seg);
/* The delimiters of the interchange being read (valid after its ISA). */
const struct x12_delims *x12r_delims(const struct x12_reader *r);
/* The length of the last ISA read, its terminator included (106 when right). */
size_t x12r_isa_len(const struct x12_reader *r);

/* Element i of seg (1-based); "" when the segment has fewer elements. */
const char *x12_el(const struct x12_segment *seg, int i);
/*
 * Component k (1-based) of element i, copied into buf (size n, always
 * terminated); "" when absent. Returns buf.
 */
char *x12_comp(const struct x12_segment *seg, int i, int k, char *buf, size_t n);
/* The number of components of element i (0 for an empty element). */
int x12_ncomp(const struct x12_segment *seg, int i);

#endif
