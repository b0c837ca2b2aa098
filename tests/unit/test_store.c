/* test_store.c: migrations, transactions, file mode, newer schema refused. */
#include <sys/stat.h>
#include <sqlite3.h>
#include "testutil.h"

static void test_open_creates_0600(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_schema_version(st), store_schema_latest());
	test_store_close(st, path);
}

static void test_newer_schema_refused(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);
	sqlite3 *db;

	store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version=9999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(path, 0, &st), MB_ERROR);
	assert_non_null(strstr(error_last(), "newer"));
	assert_null(st);
	unlink(path);
}

static void test_missing_not_created(void **state)
{
	struct store *st;

	assert_int_equal(store_open("/tmp/medbill-unit-does-not-exist.db", 0, &st), MB_ERROR);
	assert_non_null(strstr(error_last(), "does not exist"));
}

static void test_nested_rollback_dooms(void **state)
{
	char path[64];
	struct store *st = test_store_open(path);

	assert_int_equal(store_begin(st), MB_OK);
	assert_int_equal(store_begin(st), MB_OK);
	store_rollback(st);
	assert_true(store_in_transaction(st));
	assert_int_equal(store_commit(st), MB_ERROR);
	assert_false(store_in_transaction(st));
	test_store_close(st, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_creates_0600),
		cmocka_unit_test(test_newer_schema_refused),
		cmocka_unit_test(test_missing_not_created),
		cmocka_unit_test(test_nested_rollback_dooms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
