/*
 * date.c: yyyymmdd dates, day arithmetic and MEDBILL_TODAY.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "medbill/date.h"
#include "medbill/util.h"

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool date_valid(mbdate_t d)
{
	int y = d / 10000, m = d / 100 % 100, dd = d % 100;

	if (y < 1800 || y > 2999 || m < 1 || m > 12 || dd < 1)
		return false;
	return dd <= days_in_month(y, m);
}

int date_parse(const char *s, mbdate_t *out, const char *field)
{
	int y, m, d, n = 0;
	size_t len;
	mbdate_t v;

	if (!s || !*s)
		return error("'%s' is required", field);
	len = strlen(s);
	if (len == 10 && s[4] == '-' && s[7] == '-' &&
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10) {
		;
	} else if (len == 8 && str_is_digits(s)) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		m = (s[4] - '0') * 10 + (s[5] - '0');
		d = (s[6] - '0') * 10 + (s[7] - '0');
	} else {
		return error("'%s': '%s' is not a date (YYYY-MM-DD)", field, s);
	}
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '-')
			return error("'%s': '%s' is not a date (YYYY-MM-DD)", field, s);
	v = y * 10000 + m * 100 + d;
	if (!date_valid(v))
		return error("'%s': '%s' is not a real date", field, s);
	*out = v;
	return MB_OK;
}

mbdate_t date_today(void)
{
	const char *e = getenv("MEDBILL_TODAY");
	mbdate_t d;
	time_t t;
	struct tm tm;

	if (e && *e) {
		if (date_parse(e, &d, "MEDBILL_TODAY") == MB_OK)
			return d;
		die("MEDBILL_TODAY '%s' is not a date (YYYY-MM-DD)", e);
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

void date_now_stamp(char buf[21])
{
	const char *e = getenv("MEDBILL_TODAY");
	char iso[DATE_ISO_LEN];
	time_t t;
	struct tm tm;

	if (e && *e) {
		date_iso(date_today(), iso);
		memcpy(buf, iso, 10);
		memcpy(buf + 10, "T12:00:00Z", 11);
		return;
	}
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void date_iso(mbdate_t d, char buf[DATE_ISO_LEN])
{
	if (!d) {
		buf[0] = '\0';
		return;
	}
	unsigned y = (unsigned)(d / 10000) % 10000u, m = (unsigned)(d / 100) % 100u, dd = (unsigned)d % 100u;

	snprintf(buf, DATE_ISO_LEN, "%04u-%02u-%02u", y, m, dd);
}

void date_x12(mbdate_t d, char buf[DATE_X12_LEN])
{
	if (!d) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, DATE_X12_LEN, "%08u", (unsigned)d % 100000000u);
}

/* Days from civil, after Howard Hinnant's public-domain algorithm. */
int32_t date_to_days(mbdate_t d)
{
	int y = d / 10000, m = d / 100 % 100, dd = d % 100;
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

mbdate_t date_from_days(int32_t z)
{
	int era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return y * 10000 + m * 100 + d;
}

mbdate_t date_add_days(mbdate_t d, int32_t n)
{
	return date_from_days(date_to_days(d) + n);
}

int32_t date_diff_days(mbdate_t a, mbdate_t b)
{
	return date_to_days(a) - date_to_days(b);
}

mbdate_t date_add_months(mbdate_t d, int n)
{
	int y = d / 10000, m = d / 100 % 100, dd = d % 100;
	int idx = y * 12 + (m - 1) + n;
	int dim;

	y = idx / 12;
	m = idx % 12 + 1;
	dim = days_in_month(y, m);
	if (dd > dim)
		dd = dim;
	return y * 10000 + m * 100 + dd;
}

int date_age(mbdate_t dob, mbdate_t on)
{
	int age = on / 10000 - dob / 10000;

	if (on % 10000 < dob % 10000)
		age--;
	return age;
}
