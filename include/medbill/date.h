/*
 * date.h: calendar dates and "today".
 *
 * A date is an int32 yyyymmdd (20261126); 0 means "none". The database keeps
 * ISO 8601 text (2026-11-26), X12 keeps CCYYMMDD.
 */
#ifndef MEDBILL_DATE_H
#define MEDBILL_DATE_H

#include <stdint.h>
#include <stdbool.h>

typedef int32_t mbdate_t;

#define DATE_ISO_LEN 11	/* "2026-11-26" + NUL */
#define DATE_X12_LEN 9	/* "20261126" + NUL */

/* Today's date, from MEDBILL_TODAY=YYYY-MM-DD when set, else the local clock. */
mbdate_t date_today(void);
/* The current timestamp "YYYY-MM-DDTHH:MM:SSZ" (UTC) in buf (21 bytes).
 * When MEDBILL_TODAY is set the time is fixed at that day's 12:00:00Z so that
 * output is reproducible. */
void date_now_stamp(char buf[21]);

bool date_valid(mbdate_t d);
/* Parse "YYYY-MM-DD" (or "YYYYMMDD"); MB_OK or MB_ERROR naming 'field'. */
int date_parse(const char *s, mbdate_t *out, const char *field);
void date_iso(mbdate_t d, char buf[DATE_ISO_LEN]);	/* "" for 0 */
void date_x12(mbdate_t d, char buf[DATE_X12_LEN]);	/* "" for 0 */
int32_t date_to_days(mbdate_t d);			/* days since 1970-01-01 */
mbdate_t date_from_days(int32_t days);
mbdate_t date_add_days(mbdate_t d, int32_t n);
int32_t date_diff_days(mbdate_t a, mbdate_t b);	/* a - b */
mbdate_t date_add_months(mbdate_t d, int n);	/* clamps the day */
/* Whole years of age on date 'on' for a birth date. */
int date_age(mbdate_t dob, mbdate_t on);

#endif
