/*
 * strbuf.h: growable NUL-terminated byte buffers, after git's strbuf.
 *
 * A strbuf owns buf; strbuf_release() frees it, strbuf_detach() hands it to
 * the caller (who frees it).
 */
#ifndef MEDBILL_STRBUF_H
#define MEDBILL_STRBUF_H

#include <stddef.h>
#include <stdarg.h>
#include "util.h"

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) MB_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap) MB_PRINTF(2, 0);
/* The contents, "" for an empty buffer: never NULL. */
const char *strbuf_str(const struct strbuf *sb);

#endif
