/*
 * util.c: allocation, error messages, warnings and small string helpers.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "medbill/util.h"
#include "medbill/strbuf.h"

void die(const char *fmt, ...)
{
	va_list ap;

	fputs("medbill: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("out of memory");
	return q;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		die("out of memory");
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = strndup(s ? s : "", n);

	if (!p)
		die("out of memory");
	return p;
}

void *xgrow(void *p, size_t *alloc, size_t n, size_t sz)
{
	size_t a = *alloc;

	if (n <= a)
		return p;
	a = a ? a : 8;
	while (a < n)
		a = a * 3 / 2 + 8;
	if (a > SIZE_MAX / sz)
		die("out of memory");
	*alloc = a;
	return xrealloc(p, a * sz);
}

/* Per thread: the claim builder's generator thread reports its own errors. */
static _Thread_local char errbuf[1024];

static int error_v(int status, const char *fmt, va_list ap) MB_PRINTF(2, 0);
static int error_v(int status, const char *fmt, va_list ap)
{
	vsnprintf(errbuf, sizeof(errbuf), fmt, ap);
	return status;
}

int error(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = error_v(MB_ERROR, fmt, ap);
	va_end(ap);
	return r;
}

int error_notfound(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = error_v(MB_NOTFOUND, fmt, ap);
	va_end(ap);
	return r;
}

int error_prefix(const char *fmt, ...)
{
	char old[sizeof(errbuf)];
	char pre[512];
	va_list ap;

	memcpy(old, errbuf, sizeof(old));
	va_start(ap, fmt);
	vsnprintf(pre, sizeof(pre), fmt, ap);
	va_end(ap);
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "%s: %s", pre, old);
		strlcpy0(errbuf, sb.buf, sizeof(errbuf));
		strbuf_release(&sb);
	}
	return MB_ERROR;
}

const char *error_last(void)
{
	return errbuf[0] ? errbuf : "unknown error";
}

void error_clear(void)
{
	errbuf[0] = '\0';
}

static char **warnings;
static size_t nwarnings, warnings_alloc;

void warning_add(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	for (i = 0; i < nwarnings; i++) {
		if (!strcmp(warnings[i], sb.buf)) {
			strbuf_release(&sb);
			return;
		}
	}
	ALLOC_GROW(warnings, nwarnings + 1, warnings_alloc);
	warnings[nwarnings++] = strbuf_detach(&sb);
}

size_t warnings_count(void)
{
	return nwarnings;
}

const char *warning_get(size_t i)
{
	return i < nwarnings ? warnings[i] : NULL;
}

void warnings_clear(void)
{
	size_t i;

	for (i = 0; i < nwarnings; i++)
		free(warnings[i]);
	free(warnings);
	warnings = NULL;
	nwarnings = warnings_alloc = 0;
}

void strlcpy0(char *dst, const char *src, size_t n)
{
	size_t l;

	if (!n)
		return;
	if (!src)
		src = "";
	l = strlen(src);
	if (l >= n)
		l = n - 1;
	memcpy(dst, src, l);
	dst[l] = '\0';
}

char *strtrim(char *s)
{
	char *p = s, *e;

	while (*p && isspace((unsigned char)*p))
		p++;
	if (p != s)
		memmove(s, p, strlen(p) + 1);
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

char *strupper(char *s)
{
	char *p;

	for (p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

bool str_is_digits(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

bool str_empty(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static char user_name[64];

void user_set(const char *name)
{
	SCPY(user_name, name);
}

const char *user_current(void)
{
	const char *s;
	struct passwd *pw;

	if (user_name[0])
		return user_name;
	s = getlogin();
	if (!s || !*s) {
		pw = getpwuid(getuid());
		s = pw ? pw->pw_name : NULL;
	}
	if (!s || !*s)
		s = getenv("USER");
	SCPY(user_name, s && *s ? s : "unknown");
	return user_name;
}

#ifndef MEDBILL_DATADIR
#define MEDBILL_DATADIR "/usr/local/share/medbill"
#endif

const char *data_dir(void)
{
	static char dir[PATH_MAX];
	const char *e = getenv("MEDBILL_DATA");
	char exe[PATH_MAX - 32];
	struct stat sb;
	ssize_t n;
	char *slash;

	if (e && *e)
		return e;
	if (dir[0])
		return dir;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* the binary sits at the top of the tree, or in build-asan/ */
			snprintf(dir, sizeof(dir), "%s/data", exe);
			if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
				return dir;
			snprintf(dir, sizeof(dir), "%s/../data", exe);
			if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
				return dir;
			/* installed: PREFIX/bin/medbill beside PREFIX/share/medbill */
			snprintf(dir, sizeof(dir), "%s/../share/medbill", exe);
			if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
				return dir;
		}
	}
	SCPY(dir, MEDBILL_DATADIR);
	return dir;
}
