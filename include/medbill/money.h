/*
 * money.h: money is int64 cents, never floating point.
 */
#ifndef MEDBILL_MONEY_H
#define MEDBILL_MONEY_H

#include <stdint.h>

typedef int64_t cents_t;

#define MONEY_BUF 32

/* Parse "123", "123.4", "123.45", "-5.00"; at most two decimals. */
int money_parse(const char *s, cents_t *out, const char *field);
/* "1234.50" (no thousands separators), "-3.00". Returns buf. */
char *money_fmt(cents_t c, char buf[MONEY_BUF]);
/* X12 form: "1234.5", "100", "0.25": no trailing zeros after the point. */
char *money_x12(cents_t c, char buf[MONEY_BUF]);
/* "1,234.50" for screens. */
char *money_fmt_grouped(cents_t c, char buf[MONEY_BUF]);

#endif
