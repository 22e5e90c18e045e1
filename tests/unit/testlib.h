/* testlib.h - helpers the unit tests share (tests/unit/test_*.c).
 *
 * The Makefile compiles each test program alone from its one .c file (with
 * -Itests), so this header holds whole functions, all `static inline`: a test
 * that does not call one pays nothing for it and -Wunused-function stays
 * quiet. Include it as "unit/testlib.h".
 *
 * Two kinds of helper live here. Fixture helpers (testlib_tmpdir,
 * testlib_rmtree, testlib_copy_data, testlib_store_create) are called from
 * cmocka setup and teardown functions and report failure by their return
 * value, as cmocka wants of those. Every other helper is called from inside
 * a test and fails that test (assert_*, fail_msg) when something it relies
 * on does not hold. */
#ifndef TVET_TESTS_UNIT_TESTLIB_H
#define TVET_TESTS_UNIT_TESTLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "store/store.h"

/* ---- temporary directories and the data/ tree ---- */

/* Make a private directory "/tmp/tvet_test_<module>_XXXXXX" and write its
 * path to dir[size]. Returns 0; -1 when it cannot be made, with dir set to
 * "" so that testlib_rmtree(dir) is then harmless. */
static inline int testlib_tmpdir(char *dir, size_t size, const char *module)
{
	snprintf(dir, size, "/tmp/tvet_test_%s_XXXXXX", module);
	if (!mkdtemp(dir)) {
		dir[0] = '\0';
		return -1;
	}
	return 0;
}

/* Remove dir and everything below it ("rm -rf"); nothing when dir is "".
 * Returns 0, or -1 when the removal fails. */
static inline int testlib_rmtree(const char *dir)
{
	char cmd[512];

	if (!dir[0])
		return 0;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Copy the real data/ (TVET_DATADIR) to <dir>/data, a private copy a test
 * may edit, and write that path to data[size]. With sub NULL the whole tree
 * is copied; otherwise only TVET_DATADIR/<sub>, to <dir>/data/<sub>.
 * Returns 0, or -1 when the copy fails. */
static inline int testlib_copy_data(const char *dir, const char *sub, char *data, size_t size)
{
	char cmd[1024];

	snprintf(data, size, "%s/data", dir);
	if (sub)
		snprintf(cmd, sizeof(cmd), "mkdir '%s' && cp -R '%s/%s' '%s/%s'", data,
			 TVET_DATADIR, sub, data, sub);
	else
		snprintf(cmd, sizeof(cmd), "cp -R '%s' '%s'", TVET_DATADIR, data);
	return system(cmd) == 0 ? 0 : -1;
}

/* ---- the store ---- */

/* Open the database at path into *s, creating the file when missing, and
 * migrate it to the latest schema; *to (may be NULL) receives the version
 * migrated to. e is cleared first. Returns 0, or the negative error code
 * of store_open() or store_migrate() with e filled in; the caller
 * store_close()s *s either way (it is NULL when the open failed). */
static inline int testlib_store_create(struct store **s, const char *path, int *to, struct err *e)
{
	int rc;

	err_clear(e);
	rc = store_open(s, path, STORE_CREATE, e);
	if (rc < 0)
		return rc;
	return store_migrate(*s, NULL, to, e);
}

/* The columns of the one row of Q_SUMMARY: counts of what is stored, in
 * the order store/queries.h lists them. */
enum {
	S_DIVISIONS,
	S_ORGS,
	S_SCHOOLS,
	S_DEPARTMENTS,
	S_MAJORS,
	S_OCCUPATIONS,
	S_INDUSTRIES,
	S_CROSSWALK,
	S_CLUSTERS,
	S_ALLIANCES,
	S_TARGETS,
	S_ENTERPRISES,
	S_SCHOOL_MAJORS,
	S_REGISTRY_ITEMS,
	S_DATAVALUES,
	S_POSTINGS,
	S_DEMAND_SURVEYS,
	S_SATISFACTION_SURVEYS,
	S_NCOLS /* 18 */
};

/* Column col (an S_ value) of the one row of Q_SUMMARY on s. Fails the
 * test unless the query gives exactly one row. */
static inline int64_t testlib_summary(struct store *s, int col)
{
	struct err e;
	struct store_stmt *st = store_prepare(s, Q_SUMMARY, &e);
	int64_t v;

	assert_non_null(st);
	assert_int_equal(store_step(st, &e), STORE_ROW);
	v = store_col_int(st, col);
	assert_int_equal(store_step(st, &e), STORE_DONE);
	return v;
}

/* ---- raw SQLite, behind the store's back ---- */

/* Run sql (one or more statements) on the database at path through a
 * connection of its own, with sqlite3 directly (foreign keys off, the
 * default). Fails the test, quoting sql and SQLite's message, when it does
 * not run. */
static inline void testlib_raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* The integer in the first column of the first row sql gives on the
 * database at path, read through a read-only connection of its own. Fails
 * the test when sql does not prepare or gives no row. */
static inline int64_t testlib_raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Insert an organisation of kind with code (name 'x'; a school gets level
 * 中职, which the schema requires of schools) into the database at path
 * through a second connection, as another process (`tvet import`, the
 * server) would; then list the organisations of kind through s. Returns 1
 * when s sees the new one, 0 when it does not - a read transaction left
 * open on s keeps it from seeing other writers. */
static inline int testlib_sees_other_writer(struct store *s, const char *path, const char *kind,
					    const char *code)
{
	char sql[256];
	struct err e;
	struct store_stmt *st;
	int rc, seen = 0;

	snprintf(sql, sizeof(sql),
		 "INSERT INTO org(code, name, kind, school_level) VALUES ('%s', 'x', '%s', %s)",
		 code, kind, strcmp(kind, "school") == 0 ? "'中职'" : "NULL");
	testlib_raw_exec(path, sql);
	st = store_prepare(s, Q_ORG_LIST, &e);
	store_bindf(st, "t", kind);
	while ((rc = store_step(st, &e)) == STORE_ROW)
		seen |= strcmp(store_col_text(st, 1), code) == 0;
	assert_int_equal(rc, STORE_DONE);
	return seen;
}

/* ---- files ---- */

/* The whole file at path, in a strbuf the caller releases; its buf is never
 * NULL (an empty file gives ""). Fails the test when the file cannot be
 * opened. */
static inline struct strbuf testlib_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = {0};
	char chunk[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&sb, chunk, n);
	fclose(f);
	strbuf_addstr(&sb, ""); /* never NULL */
	return sb;
}

/* The 1-based number of the first line of text that starts with prefix
 * and, when contains is not NULL, holds contains within the line; 0 when
 * there is none. *at (at may be NULL) receives where contains starts in
 * that line, or the start of the line when contains is NULL. */
static inline size_t testlib_line_in(const char *text, const char *prefix, const char *contains,
				     const char **at)
{
	size_t lineno = 1;

	for (const char *p = text; *p; lineno++) {
		const char *end = strchr(p, '\n');

		if (!end)
			end = p + strlen(p);
		if (strncmp(p, prefix, strlen(prefix)) == 0) {
			const char *hit = contains ? strstr(p, contains) : p;

			if (hit && hit <= end && (!contains || hit + strlen(contains) <= end)) {
				if (at)
					*at = hit;
				return lineno;
			}
		}
		if (!*end)
			break;
		p = end + 1;
	}
	return 0;
}

/* The 1-based number of the first line of the file at path that starts
 * with prefix (and, when contains is not NULL, holds contains). Fails the
 * test when there is none. */
static inline size_t testlib_find_line(const char *path, const char *prefix, const char *contains)
{
	struct strbuf sb = testlib_slurp(path);
	size_t line = testlib_line_in(sb.buf, prefix, contains, NULL);

	strbuf_release(&sb);
	if (!line) {
		if (contains)
			fail_msg("%s: no line starting with '%s' contains '%s'", path, prefix,
				 contains);
		else
			fail_msg("%s: no line starts with '%s'", path, prefix);
	}
	return line;
}

/* In the file at path, in the first line that starts with prefix and
 * contains old, replace the first occurrence of old with new_text, and
 * write the file back. Returns the 1-based number of the edited line; fails
 * the test when there is no such line. */
static inline size_t testlib_edit_line(const char *path, const char *prefix, const char *old,
				       const char *new_text)
{
	struct strbuf in = testlib_slurp(path), out = {0};
	const char *at = NULL;
	size_t line = testlib_line_in(in.buf, prefix, old, &at);
	FILE *f;

	if (!line) {
		strbuf_release(&in);
		fail_msg("%s: no line starting with '%s' contains '%s'", path, prefix, old);
		return 0;
	}
	strbuf_add(&out, in.buf, (size_t)(at - in.buf));
	strbuf_addstr(&out, new_text);
	strbuf_addstr(&out, at + strlen(old));
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(out.buf, 1, out.len, f), out.len);
	fclose(f);
	strbuf_release(&in);
	strbuf_release(&out);
	return line;
}

/* ---- loader errors ---- */

/* In a case table: the error's column is not checked. */
#define ANY_COLUMN ((size_t)-1)

/* Check how a loader refused broken input: rc and e->code are code,
 * e->file ends with file (a path relative to the data directory), e->row is
 * line and, unless column is ANY_COLUMN, e->column is column. When rc or
 * the row is wrong, the whole error is printed first, after the case's
 * name, so the failure says what the loader did report. */
static inline void testlib_assert_err_at(int rc, const struct err *e, const char *name, int code,
					 const char *file, size_t line, size_t column)
{
	size_t n = strlen(file);

	if (rc != code || e->row != line)
		print_error("%s: %s [%s:%zu:%zu] %s\n", name, err_code_name(rc), e->file, e->row,
			    e->column, e->msg);
	assert_int_equal(rc, code);
	assert_int_equal(e->code, code);
	assert_true(strlen(e->file) >= n);
	assert_string_equal(e->file + strlen(e->file) - n, file);
	assert_int_equal(e->row, line);
	if (column != ANY_COLUMN)
		assert_int_equal(e->column, column);
}

/* ---- case tables as cmocka tests ---- */

/* The cmocka test that runs fn on one case of a table, named
 * "<test_name>: <case_name>", with setup and teardown and the case as the
 * setup's initial *state. The name is written to name[size], which must
 * live as long as the test group runs. */
static inline struct CMUnitTest testlib_case_test(char *name, size_t size, const char *test_name,
						  const char *case_name, CMUnitTestFunction fn,
						  CMFixtureFunction setup,
						  CMFixtureFunction teardown, const void *c)
{
	snprintf(name, size, "%s: %s", test_name, case_name);
	return (struct CMUnitTest){name, fn, setup, teardown, (void *)(uintptr_t)c};
}

#endif
