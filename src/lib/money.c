/*
 * money.c: parsing and formatting int64 cents.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "medbill/money.h"
#include "medbill/util.h"

int money_parse(const char *s, cents_t *out, const char *field)
{
	const char *p = s;
	int neg = 0, decimals = -1;
	cents_t v = 0;

	if (!s || !*s)
		return error("'%s' is required", field);
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!*p)
		goto bad;
	for (; *p; p++) {
		if (*p == '.') {
			if (decimals >= 0)
				goto bad;
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			goto bad;
		if (decimals >= 0 && ++decimals > 2)
			return error("'%s': '%s' has more than two decimals", field, s);
		if (v > (INT64_MAX - 9) / 10)
			return error("'%s': '%s' is too large", field, s);
		v = v * 10 + (*p - '0');
	}
	if (decimals < 0)
		decimals = 0;
	for (; decimals < 2; decimals++) {
		if (v > INT64_MAX / 10)
			return error("'%s': '%s' is too large", field, s);
		v *= 10;
	}
	*out = neg ? -v : v;
	return MB_OK;
bad:
	return error("'%s': '%s' is not an amount", field, s);
}

char *money_fmt(cents_t c, char buf[MONEY_BUF])
{
	uint64_t u = c < 0 ? (uint64_t)0 - (uint64_t)c : (uint64_t)c;

	snprintf(buf, MONEY_BUF, "%s%llu.%02llu", c < 0 ? "-" : "",
		 (unsigned long long)(u / 100), (unsigned long long)(u % 100));
	return buf;
}

char *money_x12(cents_t c, char buf[MONEY_BUF])
{
	uint64_t u = c < 0 ? (uint64_t)0 - (uint64_t)c : (uint64_t)c;
	unsigned cents = (unsigned)(u % 100);

	if (!cents)
		snprintf(buf, MONEY_BUF, "%s%llu", c < 0 ? "-" : "", (unsigned long long)(u / 100));
	else if (cents % 10 == 0)
		snprintf(buf, MONEY_BUF, "%s%llu.%u", c < 0 ? "-" : "", (unsigned long long)(u / 100), cents / 10);
	else
		snprintf(buf, MONEY_BUF, "%s%llu.%02u", c < 0 ? "-" : "", (unsigned long long)(u / 100), cents);
	return buf;
}

char *money_fmt_grouped(cents_t c, char buf[MONEY_BUF])
{
	char plain[MONEY_BUF];
	const char *digits;
	size_t nint, i, o = 0;

	money_fmt(c, plain);
	digits = plain + (c < 0);
	nint = strcspn(digits, ".");
	if (c < 0)
		buf[o++] = '-';
	for (i = 0; i < nint; i++) {
		if (i && (nint - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	snprintf(buf + o, MONEY_BUF - o, "%s", digits + nint);
	return buf;
}
