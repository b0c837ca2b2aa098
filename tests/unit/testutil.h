/*
 * testutil.h: shared setup for the cmocka unit tests.
 * A test database lives in a fresh temporary directory; the caller owns the
 * store and closes it with test_store_close().
 */
#ifndef MEDBILL_TESTUTIL_H
#define MEDBILL_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "medbill/store.h"
#include "medbill/util.h"

static inline struct store *test_store_open(char path[64])
{
	struct store *st = NULL;
	int fd;

	setenv("MEDBILL_TODAY", "2026-11-26", 1);
	user_set("tester");
	snprintf(path, 64, "/tmp/medbill-unit-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	if (store_open(path, STORE_CREATE, &st) != MB_OK)
		fail_msg("store_open: %s", error_last());
	return st;
}

static inline void test_store_close(struct store *st, const char *path)
{
	char side[80];

	store_close(st);
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

#endif
