/* test_store.c - the SQLite backend of store.h.
 *
 * Each test works in its own directory under /tmp. Databases that the store
 * must refuse (a newer schema, someone else's tables, random bytes) are made
 * with sqlite3 directly; a refused file must come out byte for byte as it
 * went in. Journal mode and foreign keys are checked through what they do:
 * a -wal file beside the database, a dangling parent_id refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/mem.h"
#include "store/migrations.h"
#include "store/store.h"
#include "unit/testlib.h"

struct fixture {
	char dir[64];
	char db[128];
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));

	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "store") < 0) {
		free(fx);
		return -1;
	}
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	store_close(fx->s);
	if (testlib_rmtree(fx->dir) != 0)
		return -1;
	free(fx);
	return 0;
}

/* Open (creating) and migrate fx->db into fx->s. */
static void open_migrated(struct fixture *fx)
{
	struct err e;
	int to;

	if (testlib_store_create(&fx->s, fx->db, &to, &e) < 0)
		fail_msg("open/migrate %s: %s", fx->db, e.msg);
	assert_int_equal(to, store_schema_latest());
}

static int exists(const char *dir_or_db, const char *suffix)
{
	char path[256];

	snprintf(path, sizeof(path), "%s%s", dir_or_db, suffix);
	return access(path, F_OK) == 0;
}

/* store_open must refuse path with code want and leave the file as it was,
 * without a journal or WAL beside it. */
static void assert_refused_untouched(const char *path, int want)
{
	struct store *s = (struct store *)&s;
	struct err e;
	struct strbuf before, after;
	int rc;

	before = testlib_slurp(path);
	err_clear(&e);
	rc = store_open(&s, path, 0, &e);
	if (want)
		assert_int_equal(rc, want);
	else
		assert_true(rc < 0);
	assert_int_equal(e.code, rc);
	assert_true(e.msg[0] != '\0');
	assert_null(s);
	after = testlib_slurp(path);
	assert_int_equal(after.len, before.len);
	assert_memory_equal(after.buf, before.buf, before.len);
	assert_false(exists(path, "-wal"));
	assert_false(exists(path, "-journal"));
	strbuf_release(&before);
	strbuf_release(&after);
}

/* ---- opening ---- */

static void test_open_missing_without_create(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	fx->s = (struct store *)fx; /* must be reset to NULL */
	assert_int_equal(store_open(&fx->s, fx->db, 0, &e), ERR_IO);
	assert_int_equal(e.code, ERR_IO);
	assert_null(fx->s);
	assert_false(exists(fx->db, ""));
}

static void test_open_empty_path(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	assert_int_equal(store_open(&fx->s, "", STORE_CREATE, &e), ERR_USAGE);
	assert_null(fx->s);
	assert_int_equal(store_open(&fx->s, "sqlite:", STORE_CREATE, &e), ERR_USAGE);
	assert_null(fx->s);
}

static void test_open_create_and_migrate(void **state)
{
	struct fixture *fx = *state;
	char url[160];
	struct err e;
	int version = -1, from = -1, to = -1;
	int latest = store_schema_latest();

	assert_true(latest >= 1);
	snprintf(url, sizeof(url), "sqlite:%s", fx->db);
	assert_int_equal(store_open(&fx->s, url, STORE_CREATE, &e), 0);
	assert_true(exists(fx->db, ""));
	assert_string_equal(store_backend(fx->s), "sqlite");
	assert_string_equal(store_path(fx->s), fx->db);
	assert_int_equal(store_schema_version(fx->s, &version, &e), 0);
	assert_int_equal(version, 0);
	assert_false(store_is_current(fx->s));

	assert_int_equal(store_migrate(fx->s, &from, &to, &e), 0);
	assert_int_equal(from, 0);
	assert_int_equal(to, latest);
	assert_int_equal(store_schema_version(fx->s, &version, &e), 0);
	assert_int_equal(version, latest);
	assert_true(store_is_current(fx->s));

	/* again: nothing to do */
	from = to = -1;
	assert_int_equal(store_migrate(fx->s, &from, &to, &e), 0);
	assert_int_equal(from, latest);
	assert_int_equal(to, latest);
	assert_int_equal(store_migrate(fx->s, NULL, NULL, &e), 0);
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM schema_version"), latest);

	/* reopening without STORE_CREATE finds it current */
	assert_int_equal(store_open(&fx->s, fx->db, 0, &e), 0);
	assert_true(store_is_current(fx->s));
}

static void test_wal_after_write(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	open_migrated(fx);
	assert_int_equal(store_run(fx->s, Q_DEFLOAD_PUT, &e, "tttt", "x", "1", "h", "now"), 0);
	assert_true(exists(fx->db, "-wal"));
	store_close(fx->s);
	fx->s = NULL;
	/* WAL is a property of the file: it stays after closing */
	assert_int_equal(
		testlib_raw_int(fx->db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

static void test_foreign_keys_enforced(void **state)
{
	struct fixture *fx = *state;
	struct err e;
	int rc;

	open_migrated(fx);
	err_clear(&e);
	rc = store_run(fx->s, Q_ORG_INSERT, &e, "tttttIttI", "x1", "孤儿", NULL, "city", NULL,
		       (int64_t)999, NULL, NULL, (int64_t)0);
	assert_int_equal(rc, ERR_CONFLICT);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "Q_ORG_INSERT"));
	/* a dangling division code too */
	rc = store_run(fx->s, Q_ORG_INSERT, &e, "tttttIttI", "x2", "x", NULL, "city", NULL,
		       (int64_t)0, "999999", NULL, (int64_t)0);
	assert_int_equal(rc, ERR_CONFLICT);
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM org"), 0);
}

static void test_newer_schema_refused(void **state)
{
	struct fixture *fx = *state;
	char sql[512];

	snprintf(sql, sizeof(sql),
		 "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
		 " name TEXT NOT NULL, applied_at TEXT NOT NULL);"
		 "INSERT INTO schema_version VALUES (1, '0001_base', '2025-01-01T00:00:00Z');"
		 "INSERT INTO schema_version VALUES (%d, '9999_future', '2030-01-01T00:00:00Z');",
		 store_schema_latest() + 1);
	testlib_raw_exec(fx->db, sql);
	assert_refused_untouched(fx->db, ERR_VERSION);
}

static void test_foreign_database_refused(void **state)
{
	struct fixture *fx = *state;

	testlib_raw_exec(fx->db, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
				 "INSERT INTO customers VALUES (1, 'x');");
	assert_refused_untouched(fx->db, ERR_VERSION);
}

static void test_random_bytes_refused(void **state)
{
	struct fixture *fx = *state;
	unsigned char bytes[8192];
	uint32_t x = 2463534242u;
	FILE *f;

	for (size_t i = 0; i < sizeof(bytes); i++) {
		/* xorshift32: fixed, so a failure can be reproduced */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		bytes[i] = (unsigned char)x;
	}
	f = fopen(fx->db, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, sizeof(bytes), f), sizeof(bytes));
	fclose(f);
	assert_refused_untouched(fx->db, 0);
}

static void test_text_file_refused(void **state)
{
	struct fixture *fx = *state;
	FILE *f = fopen(fx->db, "wb");

	assert_non_null(f);
	fputs("code,name\n3309,舟山市\n", f);
	fclose(f);
	assert_refused_untouched(fx->db, 0);
}

/* ---- named queries ---- */

static void test_every_query_prepares(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	open_migrated(fx);
	for (int q = 0; q < Q__COUNT; q++) {
		const char *name = store_query_name((enum store_query)q);
		struct store_stmt *st;

		assert_non_null(name);
		assert_string_not_equal(name, "Q_?");
		assert_memory_equal(name, "Q_", 2);
		for (int p = 0; p < q; p++)
			assert_string_not_equal(name, store_query_name((enum store_query)p));
		err_clear(&e);
		st = store_prepare(fx->s, (enum store_query)q, &e);
		if (!st)
			fail_msg("%s does not prepare: %s", name, e.msg);
		/* a second prepare gives the cached statement back */
		assert_ptr_equal(store_prepare(fx->s, (enum store_query)q, &e), st);
	}
	assert_string_equal(store_query_name(Q__COUNT), "Q_?");
	assert_string_equal(store_query_name((enum store_query) - 1), "Q_?");
	err_clear(&e);
	assert_null(store_prepare(fx->s, Q__COUNT, &e));
	assert_int_equal(e.code, ERR_INTERNAL);
}

static void test_summary_on_empty_database(void **state)
{
	struct fixture *fx = *state;
	struct store_stmt *st;
	struct err e;

	open_migrated(fx);
	st = store_prepare(fx->s, Q_SUMMARY, &e);
	assert_non_null(st);
	assert_int_equal(store_step(st, &e), STORE_ROW);
	assert_int_equal(store_col_count(st), 18);
	for (int c = 0; c < 18; c++) {
		assert_false(store_col_is_null(st, c));
		assert_int_equal(store_col_int(st, c), 0);
	}
	assert_int_equal(store_step(st, &e), STORE_DONE);
}

/* ---- transactions ---- */

static int64_t deflog_rows(struct store *s, const char *name)
{
	struct err e;
	struct store_stmt *st = store_prepare(s, Q_DEFLOAD_GET, &e);
	int64_t n = 0;
	int rc;

	assert_non_null(st);
	store_bindf(st, "t", name);
	while ((rc = store_step(st, &e)) == STORE_ROW)
		n++;
	assert_int_equal(rc, STORE_DONE);
	return n;
}

static void test_transactions(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	open_migrated(fx);
	store_rollback(fx->s); /* no transaction: harmless */
	store_rollback(NULL);

	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(store_begin(fx->s, &e), ERR_INTERNAL); /* no nesting */
	assert_int_equal(store_run(fx->s, Q_DEFLOAD_PUT, &e, "tttt", "rolled", "1", "h", "t"), 0);
	assert_int_equal(store_changes(fx->s), 1);
	assert_int_equal(deflog_rows(fx->s, "rolled"), 1); /* visible inside */
	store_rollback(fx->s);
	assert_int_equal(deflog_rows(fx->s, "rolled"), 0);
	store_rollback(fx->s); /* twice: harmless */

	assert_int_equal(store_commit(fx->s, &e), ERR_INTERNAL); /* nothing open */

	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(store_run(fx->s, Q_DEFLOAD_PUT, &e, "tttt", "kept", "1", "h", "t"), 0);
	assert_int_equal(store_commit(fx->s, &e), 0);
	store_rollback(fx->s); /* after commit: harmless, changes stay */
	assert_int_equal(deflog_rows(fx->s, "kept"), 1);

	/* A transaction left open is rolled back by store_close. */
	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(store_run(fx->s, Q_DEFLOAD_PUT, &e, "tttt", "open", "1", "h", "t"), 0);
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(
		testlib_raw_int(fx->db, "SELECT count(*) FROM definition_load WHERE name='kept'"),
		1);
	assert_int_equal(
		testlib_raw_int(fx->db, "SELECT count(*) FROM definition_load WHERE name='rolled'"),
		0);
	assert_int_equal(
		testlib_raw_int(fx->db, "SELECT count(*) FROM definition_load WHERE name='open'"),
		0);
}

/* ---- binding ---- */

/* Row of Q_ORG_LIST for code, copied: id, code, name, name_en, kind,
 * school_level, parent_code (NULL stays NULL, as "(null)"). */
static void org_row(struct store *s, const char *code, int64_t *id, char *name_en,
		    char *parent_code, size_t size)
{
	struct err e;
	struct store_stmt *st = store_prepare(s, Q_ORG_LIST, &e);
	int rc, found = 0;

	assert_non_null(st);
	store_bindf(st, "n");
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		if (strcmp(store_col_text(st, 1), code) != 0)
			continue;
		found = 1;
		*id = store_col_int(st, 0);
		snprintf(name_en, size, "%s",
			 store_col_is_null(st, 3) ? "(null)" : store_col_text(st, 3));
		snprintf(parent_code, size, "%s",
			 store_col_is_null(st, 6) ? "(null)" : store_col_text(st, 6));
	}
	assert_int_equal(rc, STORE_DONE);
	assert_true(found);
}

static void test_bindf_types(void **state)
{
	struct fixture *fx = *state;
	struct store_stmt *st;
	struct err e;
	int64_t city_id, school_id, id;
	char name_en[64], parent[64];
	int rc;

	open_migrated(fx);
	/* 't' text, 'n' NULL, 't' with NULL, 'I' with 0: all NULL but the texts */
	st = store_prepare(fx->s, Q_ORG_INSERT, &e);
	assert_non_null(st);
	store_bindf(st, "ttntnIntI", "c1", "某市", "city", (int64_t)0, (const char *)NULL,
		    (int64_t)0);
	assert_int_equal(store_exec(st, &e), 0);
	city_id = store_last_id(fx->s);
	assert_true(city_id > 0);
	/* 'I' non-zero binds the value */
	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttItti", "s1", "某校", "A School",
				   "school", "中职", city_id, (const char *)NULL, "公办",
				   (int64_t)1998),
			 0);
	school_id = store_last_id(fx->s);
	assert_true(school_id > city_id);

	org_row(fx->s, "c1", &id, name_en, parent, sizeof(parent));
	assert_int_equal(id, city_id);
	assert_string_equal(name_en, "(null)");
	assert_string_equal(parent, "(null)");
	org_row(fx->s, "s1", &id, name_en, parent, sizeof(parent));
	assert_int_equal(id, school_id);
	assert_string_equal(name_en, "A School");
	assert_string_equal(parent, "c1");

	/* 'i' and 'd', and the single-parameter binders */
	assert_int_equal(store_run(fx->s, Q_PLAN_ACTION_INSERT, &e, "ittt", (int64_t)3, "一",
				   "行动", "Action"),
			 0);
	st = store_prepare(fx->s, Q_PLAN_TARGET_INSERT, &e);
	assert_non_null(st);
	store_bindf(st, "titittdtiinntttI", "G7", (int64_t)1, "goal", (int64_t)3, "rate",
		    ">=", 55.5, (const char *)NULL, (int64_t)2025, (int64_t)2021, "目标", "Target",
		    (const char *)NULL, (int64_t)1);
	store_bind_int(st, 16, 7); /* rebinding one parameter replaces it */
	assert_int_equal(store_exec(st, &e), 0);
	st = store_prepare(fx->s, Q_PLAN_TARGET_LIST, &e);
	assert_non_null(st);
	assert_int_equal(store_step(st, &e), STORE_ROW);
	assert_string_equal(store_col_text(st, 0), "G7");
	assert_int_equal(store_col_int(st, 1), 1);
	assert_int_equal(store_col_int(st, 3), 3);
	assert_true(store_col_double(st, 6) == 55.5);
	assert_true(store_col_is_null(st, 7)); /* 't' NULL */
	assert_int_equal(store_col_int(st, 8), 2025);
	assert_true(store_col_is_null(st, 10)); /* 'n' */
	assert_true(store_col_is_null(st, 11)); /* 'n' */
	assert_null(store_col_text(st, 11));
	assert_true(store_col_is_null(st, 14));
	assert_string_equal(store_col_text(st, 15), "一");
	assert_string_equal(store_col_name(st, 0), "id");
	assert_int_equal(store_step(st, &e), STORE_DONE);

	/* store_bind_text/double/null one by one */
	st = store_prepare(fx->s, Q_DEFLOAD_PUT, &e);
	assert_non_null(st);
	store_bind_text(st, 1, "n1");
	store_bind_text(st, 2, "v");
	store_bind_text(st, 3, "h");
	store_bind_null(st, 4); /* loaded_at is NOT NULL */
	assert_int_equal(store_exec(st, &e), ERR_CONFLICT);
	st = store_prepare(fx->s, Q_DEFLOAD_PUT, &e);
	assert_non_null(st); /* bindings were cleared: all NULL now */
	assert_int_equal(store_exec(st, &e), ERR_CONFLICT);
	st = store_prepare(fx->s, Q_DEFLOAD_PUT, &e);
	store_bind_text(st, 1, "n1");
	store_bind_text(st, 2, "v");
	store_bind_double(st, 3, 1.5);
	store_bind_text(st, 4, "t");
	assert_int_equal(store_exec(st, &e), 0);
	st = store_prepare(fx->s, Q_DEFLOAD_GET, &e);
	store_bindf(st, "t", "n1");
	rc = store_step(st, &e);
	assert_int_equal(rc, STORE_ROW);
	assert_string_equal(store_col_text(st, 1), "1.5");
}

static void test_list(void **state)
{
	struct fixture *fx = *state;
	char **items = NULL;
	size_t n = 0;
	struct err e;

	open_migrated(fx);
	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttItti", "s2", "乙校", "B",
				   "school", "中职", (int64_t)0, (const char *)NULL, "公办",
				   (int64_t)2000),
			 0);
	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttItti", "s1", "甲校", "A",
				   "school", "高职", (int64_t)0, (const char *)NULL, "公办",
				   (int64_t)2000),
			 0);
	/* the first column of every row, appended */
	items = xmalloc(sizeof(*items));
	items[n++] = xstrdup("kept");
	assert_int_equal(store_list(fx->s, Q_SCHOOL_LIST, &items, &n, &e, "n"), 0);
	assert_int_equal(n, 3);
	assert_string_equal(items[0], "kept");
	/* the ids, by code: s1 (inserted second) then s2 */
	assert_true(strtol(items[1], NULL, 10) > strtol(items[2], NULL, 10));
	/* bound: one school; none */
	assert_int_equal(store_list(fx->s, Q_SCHOOL_LIST, &items, &n, &e, "t", "s2"), 0);
	assert_int_equal(n, 4);
	assert_string_equal(items[3], items[2]);
	assert_int_equal(store_list(fx->s, Q_SCHOOL_LIST, &items, &n, &e, "t", "s9"), 0);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* ---- check and clear ---- */

static void test_check(void **state)
{
	struct fixture *fx = *state;
	struct strbuf report = {0};
	struct err e;
	int ok = -1;

	open_migrated(fx);
	assert_int_equal(store_check(fx->s, &ok, &report, &e), 0);
	assert_int_equal(ok, 1);
	assert_int_equal(report.len, 0);
	assert_int_equal(store_check(fx->s, &ok, NULL, &e), 0);
	assert_int_equal(ok, 1);
	store_close(fx->s);
	fx->s = NULL;

	/* a dangling reference written behind the store's back */
	testlib_raw_exec(
		fx->db,
		"INSERT INTO org(code, name, kind, parent_id) VALUES ('x', 'x', 'city', 999)");
	assert_int_equal(store_open(&fx->s, fx->db, 0, &e), 0);
	assert_int_equal(store_check(fx->s, &ok, &report, &e), 0);
	assert_int_equal(ok, 0);
	assert_non_null(strstr(strbuf_str(&report), "org"));
	strbuf_release(&report);
}

static void test_clear_data(void **state)
{
	struct fixture *fx = *state;
	struct err e;
	int64_t city;

	open_migrated(fx);
	err_clear(&e);
	assert_int_equal(store_clear_data(fx->s, &e), ERR_INTERNAL);
	assert_int_equal(e.code, ERR_INTERNAL);

	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttIttI", "c1", "某市", NULL, "city",
				   NULL, (int64_t)0, NULL, NULL, (int64_t)0),
			 0);
	city = store_last_id(fx->s);
	assert_int_equal(store_run(fx->s, Q_ORG_UPSERT_DEPARTMENT, &e, "ttti", "edu", "市教育局",
				   "Education", city),
			 0);
	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttittI", "s1", "某校", NULL,
				   "school", "中职", city, NULL, "公办", (int64_t)0),
			 0);
	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(store_clear_data(fx->s, &e), 0);
	assert_int_equal(store_commit(fx->s, &e), 0);
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM org WHERE kind='school'"),
			 0);
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM org"), 2);
}

/* A database left at schema 1 by an older program is upgraded step by
 * step to the latest, keeping its rows, and gains the later indexes. */
static void test_upgrade_from_schema_1(void **state)
{
	struct fixture *fx = *state;
	struct strbuf sql = {0};
	struct err e;
	int from = -1, to = -1;

	strbuf_addstr(&sql, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
			    " name TEXT NOT NULL, applied_at TEXT NOT NULL);");
	strbuf_addstr(&sql, store_migrations_sqlite[0].sql);
	strbuf_addstr(&sql,
		      "INSERT INTO schema_version VALUES (1, '0001_base', '2026-01-01T00:00:00Z');"
		      "INSERT INTO division VALUES ('3309', '舟山市', 'city', NULL);");
	testlib_raw_exec(fx->db, strbuf_str(&sql));
	strbuf_release(&sql);
	err_clear(&e);
	assert_int_equal(store_open(&fx->s, fx->db, 0, &e), 0);
	assert_false(store_is_current(fx->s));
	assert_int_equal(store_migrate(fx->s, &from, &to, &e), 0);
	assert_int_equal(from, 1);
	assert_int_equal(to, store_schema_latest());
	assert_true(store_is_current(fx->s));
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM division"), 1);
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM sqlite_master"
						 " WHERE type='index' AND name='posting_dup_of'"),
			 1);
	assert_int_equal(testlib_raw_int(fx->db, "SELECT max(version) FROM schema_version"),
			 store_schema_latest());
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_open_missing_without_create),
		T(test_open_empty_path),
		T(test_open_create_and_migrate),
		T(test_wal_after_write),
		T(test_foreign_keys_enforced),
		T(test_newer_schema_refused),
		T(test_foreign_database_refused),
		T(test_random_bytes_refused),
		T(test_text_file_refused),
		T(test_every_query_prepares),
		T(test_summary_on_empty_database),
		T(test_transactions),
		T(test_bindf_types),
		T(test_list),
		T(test_check),
		T(test_clear_data),
		T(test_upgrade_from_schema_1),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
