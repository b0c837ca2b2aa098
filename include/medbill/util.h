/*
 * util.h: allocation, errors and small helpers shared by every layer.
 *
 * Library code reports failure by returning a negative status and leaving a
 * message with error(); only the front ends print it (error_last()).
 * die() is for out of memory and broken invariants only.
 */
#ifndef MEDBILL_UTIL_H
#define MEDBILL_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define MB_VERSION "0.1.0"

/* Status codes returned by library functions. */
enum mb_status {
	MB_OK = 0,
	MB_ERROR = -1,		/* message in error_last() */
	MB_NOTFOUND = -2,	/* message in error_last() */
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define MB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define MB_NORETURN __attribute__((noreturn))
#else
#define MB_PRINTF(f, a)
#define MB_NORETURN
#endif

/* Allocation that never returns NULL: out of memory dies. Caller frees. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *p (of *alloc elements of size sz) to hold at least n elements. */
void *xgrow(void *p, size_t *alloc, size_t n, size_t sz);
#define ALLOC_GROW(p, n, alloc) ((p) = xgrow((p), &(alloc), (n), sizeof(*(p))))

/* Print "medbill: fatal: ..." and exit(3). */
void die(const char *fmt, ...) MB_PRINTF(1, 2) MB_NORETURN;
#define BUG(msg) die("BUG: %s:%d: %s", __FILE__, __LINE__, (msg))

/*
 * Record an error message (lowercase, no final period, subject in single
 * quotes) and return MB_ERROR. The message replaces the previous one.
 */
int error(const char *fmt, ...) MB_PRINTF(1, 2);
/* Same, returning MB_NOTFOUND. */
int error_notfound(const char *fmt, ...) MB_PRINTF(1, 2);
/* Prefix the current message with "prefix: ". Returns MB_ERROR. */
int error_prefix(const char *fmt, ...) MB_PRINTF(1, 2);
/* The last recorded message; never NULL. Owned by util. */
const char *error_last(void);
void error_clear(void);

/*
 * Warnings that do not stop an operation (e.g. a code set that is older than
 * the date of service). They accumulate until warnings_clear(); the front end
 * prints them.
 */
void warning_add(const char *fmt, ...) MB_PRINTF(1, 2);
size_t warnings_count(void);
const char *warning_get(size_t i);
void warnings_clear(void);

/* Copy src into dst of size n, always terminated; truncates. */
void strlcpy0(char *dst, const char *src, size_t n);
#define SCPY(dst, src) strlcpy0((dst), (src), sizeof(dst))
/* Strip leading and trailing blanks in place; returns s. */
char *strtrim(char *s);
/* Upper-case ASCII in place; returns s. */
char *strupper(char *s);
bool str_is_digits(const char *s);
bool str_empty(const char *s);

/* The user name recorded with writes: --user, else the login name. */
const char *user_current(void);
void user_set(const char *name);

/*
 * The folder of shipped data files: $MEDBILL_DATA when set, else data/
 * beside the running binary (a build tree), else share/medbill beside its
 * bin/ (an installed tree, whatever its PREFIX or DESTDIR), else the
 * compiled-in MEDBILL_DATADIR. Owned by util.
 */
const char *data_dir(void);

#endif
