/* test_refdata.c - loading the reference catalogues of data/ (ingest/refdata.h).
 *
 * The real data/ (TVET_DATADIR) is loaded into a fresh database and checked
 * through the named queries, as the CLI and the server see it. Broken input
 * is made in a private copy of data/ - one row of one file edited - and
 * loaded into a fresh database: the error must name file, line and column,
 * and nothing at all may be written. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "ingest/csv.h"
#include "ingest/refdata.h"
#include "store/store.h"
#include "unit/testlib.h"

/* One broken file in a copy of data/. */
struct broken_case {
	const char *name;
	const char *file;	 /* relative to data/ */
	const char *line_prefix; /* the line to edit starts with this */
	const char *old, *new_text;
	int code;
	size_t column; /* ANY_COLUMN: not checked */
};

struct fixture {
	char dir[64];
	char db[128];
	char data[128]; /* the private copy of data/, when made */
	struct store *s;
	struct refdata_result first;
	const struct broken_case *bc;
};

/* ---- helpers ---- */

static int make_fixture(void **state, int load, int copy)
{
	const struct broken_case *bc = *state;
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;

	fx->bc = bc;
	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "refdata") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	if (copy && testlib_copy_data(fx->dir, NULL, fx->data, sizeof(fx->data)) < 0)
		return -1;
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0) {
		print_error("open/migrate: %s\n", e.msg);
		return -1;
	}
	if (load && refdata_load_all(fx->s, TVET_DATADIR, &fx->first, &e) < 0) {
		print_error("refdata_load_all: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int setup_loaded(void **state)
{
	return make_fixture(state, 1, 0);
}

static int setup_loaded_copy(void **state)
{
	return make_fixture(state, 1, 1);
}

static int setup_empty_copy(void **state)
{
	return make_fixture(state, 0, 1);
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	int rc;

	store_close(fx->s);
	rc = testlib_rmtree(fx->dir);
	free(fx);
	return rc;
}

static int has_defload(struct store *s, const char *name)
{
	struct err e;
	struct store_stmt *st = store_prepare(s, Q_DEFLOAD_GET, &e);
	int rc;

	assert_non_null(st);
	store_bindf(st, "t", name);
	rc = store_step(st, &e);
	assert_true(rc >= 0);
	store_prepare(s, Q_DEFLOAD_GET, &e); /* reset: no read left open */
	return rc == STORE_ROW;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Distinct values of "col1\tcol2" (col2 NULL: just col1) over the rows of
 * the data/ files in paths whose col1 starts with prefix. */
static size_t distinct_in_files(const char *const *paths, const char *col1, const char *col2,
				const char *prefix)
{
	char **keys = NULL;
	size_t nkeys = 0, cap = 0, distinct = 0;

	for (size_t i = 0; paths[i]; i++) {
		const char *names[2] = {col1, col2 ? col2 : col1};
		char path[512];
		struct csv_reader *r;
		struct err e;
		int idx[2], rc;

		snprintf(path, sizeof(path), "%s/%s", TVET_DATADIR, paths[i]);
		assert_int_equal(csv_reader_open(&r, path, &e), 0);
		assert_int_equal(csv_reader_header(r, names, 2, idx, &e), 0);
		while ((rc = csv_reader_next(r, &e)) == 1) {
			struct strbuf k = {0};
			char *a = refdata_trim(xstrdup(csv_reader_col(r, idx[0])));

			if (strncmp(a, prefix, strlen(prefix)) != 0) {
				free(a);
				continue;
			}
			strbuf_addstr(&k, a);
			if (col2) {
				char *b = refdata_trim(xstrdup(csv_reader_col(r, idx[1])));
				strbuf_addf(&k, "\t%s", b);
				free(b);
			}
			free(a);
			if (nkeys == cap) {
				cap = cap ? cap * 2 : 1024;
				keys = xrealloc(keys, cap * sizeof(*keys));
			}
			keys[nkeys++] = strbuf_detach(&k);
		}
		assert_int_equal(rc, 0);
		csv_reader_free(r);
	}
	qsort(keys, nkeys, sizeof(*keys), cmp_str);
	for (size_t i = 0; i < nkeys; i++)
		if (i == 0 || strcmp(keys[i], keys[i - 1]) != 0)
			distinct++;
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	return distinct;
}

/* ---- the real data/ ---- */

static void test_counts(void **state)
{
	static const char *const crosswalk[] = {"reference/major_occupation_crosswalk.csv", NULL};
	static const char *const occupations[] = {"reference/occupations_2022.csv",
						  "reference/occupations_new_2024.csv", NULL};
	struct fixture *fx = *state;
	size_t want_crosswalk = distinct_in_files(crosswalk, "major_code", "occupation_code", "");

	assert_int_equal(fx->first.loaded, 1);
	assert_true(fx->first.rows > 0);
	assert_int_equal(strlen(fx->first.hash), 64);
	assert_int_equal(testlib_summary(fx->s, S_DIVISIONS), 42);
	assert_int_equal(testlib_summary(fx->s, S_MAJORS), 1490);
	/* 2,172 of 2022 and 19 of 2024, one code (4-04-04-07) in both */
	assert_int_equal(testlib_summary(fx->s, S_OCCUPATIONS), 2190);
	assert_int_equal(testlib_summary(fx->s, S_OCCUPATIONS),
			 distinct_in_files(occupations, "code", NULL, ""));
	assert_int_equal(testlib_summary(fx->s, S_INDUSTRIES), 1971);
	assert_true(want_crosswalk > 0 && want_crosswalk <= 6464);
	assert_int_equal(testlib_summary(fx->s, S_CROSSWALK), want_crosswalk);
	assert_int_equal(testlib_summary(fx->s, S_CLUSTERS), 6);
	assert_int_equal(testlib_summary(fx->s, S_ALLIANCES), 5);
	/* reference data creates no organisations and no plan */
	assert_int_equal(testlib_summary(fx->s, S_ORGS), 0);
	assert_int_equal(testlib_summary(fx->s, S_TARGETS), 0);
	assert_true(has_defload(fx->s, "reference"));
}

static void test_in_2021_catalog(void **state)
{
	struct fixture *fx = *state;
	struct err e;
	struct store_stmt *st = store_prepare(fx->s, Q_CATALOG_MAJORS, &e);
	int rows = 0, in_2021 = 0, rc;

	assert_non_null(st);
	store_bindf(st, "nn");
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		rows++;
		if (store_col_int(st, 5) == 1)
			in_2021++;
	}
	assert_int_equal(rc, STORE_DONE);
	assert_int_equal(rows, 1490);
	assert_int_equal(in_2021, 1349);
}

struct search_case {
	enum store_query q;
	const char *text, *level;
	const char *code, *name, *row_level; /* a row that must (or must not) be there */
	int present;
};

static const struct search_case search_cases[] = {
	{Q_CATALOG_MAJORS, "数控技术应用", NULL, "660103", "数控技术应用", "中职", 1},
	{Q_CATALOG_MAJORS, "数控技术应用", "中职", "660103", "数控技术应用", "中职", 1},
	{Q_CATALOG_MAJORS, "数控技术应用", "高职专科", "660103", "数控技术应用", "中职", 0},
	{Q_CATALOG_MAJORS, "6601", NULL, "660103", "数控技术应用", "中职", 1},
	{Q_CATALOG_MAJORS, "船舶工程技术", NULL, "460501", "船舶工程技术", "高职专科", 1},
	{Q_CATALOG_MAJORS, "船舶", "高职专科", "460501", "船舶工程技术", "高职专科", 1},
	{Q_CATALOG_INDUSTRIES, "3731", NULL, "3731", "金属船舶制造", "小类", 1},
	{Q_CATALOG_INDUSTRIES, "金属船舶", NULL, "3731", "金属船舶制造", "小类", 1},
	{Q_CATALOG_INDUSTRIES, "金属船舶", "大类", "3731", "金属船舶制造", "小类", 0},
	{Q_CATALOG_OCCUPATIONS, "2-02", NULL, "2-02", NULL, "中类", 1},
	{Q_CATALOG_OCCUPATIONS, "2-02", NULL, "2-02-32-02", "生物工程技术人员", "细类", 1},
	{Q_CATALOG_OCCUPATIONS, "2-02", "细类", "2-02", NULL, "中类", 0},
};

static void test_catalog_search(void **state)
{
	struct fixture *fx = *state;

	for (size_t i = 0; i < sizeof(search_cases) / sizeof(search_cases[0]); i++) {
		const struct search_case *c = &search_cases[i];
		struct err e;
		struct store_stmt *st = store_prepare(fx->s, c->q, &e);
		int found = 0, rc;

		assert_non_null(st);
		store_bindf(st, "tt", c->text, c->level);
		while ((rc = store_step(st, &e)) == STORE_ROW) {
			if (strcmp(store_col_text(st, 0), c->code) != 0)
				continue;
			found = 1;
			if (c->name)
				assert_string_equal(store_col_text(st, 1), c->name);
			assert_string_equal(store_col_text(st, 2), c->row_level);
		}
		assert_int_equal(rc, STORE_DONE);
		if (found != c->present)
			print_error("%s '%s' level %s: %s %s\n", store_query_name(c->q), c->text,
				    c->level ? c->level : "any", c->code,
				    found ? "found" : "not found");
		assert_int_equal(found, c->present);
	}
}

/* Every occupation under 2-02, and nothing else; search text is literal. */
static void test_catalog_search_exact(void **state)
{
	static const char *const occupations[] = {"reference/occupations_2022.csv",
						  "reference/occupations_new_2024.csv", NULL};
	static const char *const literal[] = {"%", "_", "6601%", "*"};
	struct fixture *fx = *state;
	struct err e;
	struct store_stmt *st = store_prepare(fx->s, Q_CATALOG_OCCUPATIONS, &e);
	size_t n = 0;
	int rc;

	assert_non_null(st);
	store_bindf(st, "tn", "2-02");
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		assert_memory_equal(store_col_text(st, 0), "2-02", 4);
		n++;
	}
	assert_int_equal(rc, STORE_DONE);
	assert_int_equal(n, distinct_in_files(occupations, "code", NULL, "2-02"));

	for (size_t i = 0; i < sizeof(literal) / sizeof(literal[0]); i++) {
		st = store_prepare(fx->s, Q_CATALOG_MAJORS, &e);
		store_bindf(st, "tn", literal[i]);
		assert_int_equal(store_step(st, &e), STORE_DONE);
	}

	st = store_prepare(fx->s, Q_CATALOG_CLUSTERS, &e);
	store_bindf(st, "n");
	n = 0;
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		assert_true(store_col_int(st, 3) > 0); /* industries */
		assert_true(store_col_int(st, 4) > 0); /* majors */
		n++;
	}
	assert_int_equal(n, 6);
}

static void test_second_load_unchanged(void **state)
{
	struct fixture *fx = *state;
	struct refdata_result res;
	struct err e;

	err_clear(&e);
	assert_int_equal(refdata_load_all(fx->s, TVET_DATADIR, &res, &e), 0);
	assert_int_equal(res.loaded, 0);
	assert_int_equal(res.rows, 0);
	assert_string_equal(res.hash, fx->first.hash);
	assert_int_equal(refdata_load_all(fx->s, TVET_DATADIR, NULL, &e), 0);
	assert_int_equal(testlib_summary(fx->s, S_MAJORS), 1490);
}

/* A changed file is loaded again, in a database whose organisations and
 * school majors refer to the catalogues (as after `tvet demo`). */
static void test_reload_after_change(void **state)
{
	struct fixture *fx = *state;
	struct refdata_result res;
	struct store_stmt *st;
	struct err e;
	char path[512];
	int64_t city, school, crosswalk = testlib_summary(fx->s, S_CROSSWALK);
	int ok = 0;

	err_clear(&e);
	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttIttI", "3309", "舟山市", NULL,
				   "city", NULL, (int64_t)0, "3309", NULL, (int64_t)0),
			 0);
	city = store_last_id(fx->s);
	assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttittI", "s1", "某校", NULL,
				   "school", "中职", city, "330902", "公办", (int64_t)0),
			 0);
	school = store_last_id(fx->s);
	assert_int_equal(
		store_run(fx->s, Q_SCHOOL_MAJOR_INSERT, &e, "iit", school, (int64_t)2024, "660103"),
		0);

	snprintf(path, sizeof(path), "%s/reference/majors_catalog.csv", fx->data);
	testlib_edit_line(path, "中职,66,装备制造大类,6601,机械设计制造类,660103,", "数控技术应用",
			  "数控技术应用（新）");

	assert_int_equal(refdata_load_all(fx->s, fx->data, &res, &e), 0);
	assert_int_equal(res.loaded, 1);
	assert_string_not_equal(res.hash, fx->first.hash);
	st = store_prepare(fx->s, Q_CATALOG_MAJORS, &e);
	assert_non_null(st);
	store_bindf(st, "tn", "660103");
	assert_int_equal(store_step(st, &e), STORE_ROW);
	assert_string_equal(store_col_text(st, 1), "数控技术应用（新）");
	assert_int_equal(store_step(st, &e), STORE_DONE);
	assert_int_equal(testlib_summary(fx->s, S_MAJORS), 1490);
	assert_int_equal(testlib_summary(fx->s, S_DIVISIONS), 42);
	assert_int_equal(testlib_summary(fx->s, S_CROSSWALK), crosswalk);
	assert_int_equal(testlib_summary(fx->s, S_ORGS), 2);
	assert_int_equal(testlib_summary(fx->s, S_SCHOOL_MAJORS), 1);
	assert_int_equal(store_check(fx->s, &ok, NULL, &e), 0);
	assert_int_equal(ok, 1);
}

/* Regression (fixed): a load leaves statements stepped to a row and never reset
 * (Q_OCCUPATION_EXISTS in occupation_new_row(); Q_DEFLOAD_GET on the
 * "unchanged" return of refdata_load_all()), so the connection keeps a read
 * transaction open past the commit: it never sees what other processes
 * write and holds WAL checkpoints back (fixed in store_commit() and with
 * store_reset() on the early return). */
static void test_no_read_left_open(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	assert_true(testlib_sees_other_writer(fx->s, fx->db, "city", "x1"));
	assert_int_equal(refdata_load_all(fx->s, TVET_DATADIR, NULL, &e), 0);
	assert_true(testlib_sees_other_writer(fx->s, fx->db, "city", "x2"));
}

/* ---- refdata_trim and refdata_hash_files ---- */

static void test_trim(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"", ""},
		{"   ", ""},
		{"a", "a"},
		{"  a b  ", "a b"},
		{"\tx\t", "x"},
		{"x\r", "x"},
		{"x \r", "x"},
		{"金属船舶制造 ", "金属船舶制造"},
		{" \t3731", "3731"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%s", cases[i].in);
		assert_ptr_equal(refdata_trim(buf), buf);
		assert_string_equal(buf, cases[i].want);
	}
}

static void test_hash_files(void **state)
{
	static const char *const one[] = {"plan/plan.conf", NULL};
	static const char *const two[] = {"plan/plan.conf", "plan/actions.csv", NULL};
	static const char *const missing[] = {"plan/no_such_file.csv", NULL};
	struct fixture *fx = *state;
	char a[65], b[65], c[65], d[65];
	struct err e;

	assert_int_equal(refdata_hash_files(TVET_DATADIR, one, a, &e), 0);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	assert_int_equal(refdata_hash_files(fx->data, one, b, &e), 0);
	assert_string_equal(a, b); /* same bytes, same hash */
	assert_int_equal(refdata_hash_files(TVET_DATADIR, two, c, &e), 0);
	assert_string_not_equal(a, c);
	{
		char path[256];
		snprintf(path, sizeof(path), "%s/plan/plan.conf", fx->data);
		testlib_edit_line(path, "version=", "1", "2");
	}
	assert_int_equal(refdata_hash_files(fx->data, one, d, &e), 0);
	assert_string_not_equal(a, d);
	assert_int_equal(refdata_hash_files(TVET_DATADIR, missing, d, &e), ERR_IO);
}

/* ---- broken input ---- */

static const struct broken_case broken_cases[] = {
	{"majors: level 'X'", "reference/majors_catalog.csv",
	 "中职,61,农林牧渔大类,6101,农业类,610102,", "中职", "X", ERR_INPUT, 1},
	{"majors: code of five digits", "reference/majors_catalog.csv",
	 "中职,61,农林牧渔大类,6101,农业类,610102,", "610102", "61010", ERR_INPUT, 6},
	{"majors: code with a letter other than K", "reference/majors_catalog.csv",
	 "中职,61,农林牧渔大类,6101,农业类,610102,", "610102", "610102X", ERR_INPUT, 6},
	{"majors: empty name", "reference/majors_catalog.csv",
	 "中职,61,农林牧渔大类,6101,农业类,610102,", "作物生产技术", "", ERR_INPUT, 7},
	{"majors: header without major_name", "reference/majors_catalog.csv", "level,category_code",
	 "major_name", "majorname", ERR_INPUT, 0},
	{"majors: unclosed quote", "reference/majors_catalog.csv",
	 "中职,61,农林牧渔大类,6101,农业类,610102,", "作物生产技术", "\"作物生产技术", ERR_INPUT,
	 7},
	{"divisions (CRLF): level 'town'", "divisions/zhoushan_divisions.csv", "city,3309", "city",
	 "town", ERR_INPUT, 1},
	{"occupations: level '中'", "reference/occupations_2022.csv", "1-01,中类", "中类", "中",
	 ERR_INPUT, 2},
	{"occupations 2024: no parent", "reference/occupations_new_2024.csv", "2-02-32-02",
	 "2-02-32-02", "9-99-99-99", ERR_INPUT, 1},
	{"industries: level '大'", "reference/industries_gbt4754_2017.csv", "01,大类", "大类", "大",
	 ERR_INPUT, 2},
	{"elements: code 'Enrolment'", "definitions/elements.csv", "enrolment,", "enrolment",
	 "Enrolment", ERR_INPUT, 1},
	/* Regression (fixed): refdata.c ref_load_file() leaves a rejected insert (here a
	 * foreign key: the major is not in majors_catalog.csv) as ERR_CONFLICT
	 * with e->file "" and e->row 0, only prefixing "path:line" to the
	 * message; refdata.h promises every rejected row with file and line. */
	{"cluster_majors: major not in the catalogue", "clusters/cluster_majors.csv",
	 "port_mfg,660101", "660101", "999999", ERR_INPUT, ANY_COLUMN},
};

static void test_broken_input(void **state)
{
	struct fixture *fx = *state;
	const struct broken_case *bc = fx->bc;
	char path[512];
	size_t line;
	struct refdata_result res;
	struct err e;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", fx->data, bc->file);
	line = testlib_edit_line(path, bc->line_prefix, bc->old, bc->new_text);
	err_clear(&e);
	memset(&res, 0x55, sizeof(res));
	rc = refdata_load_all(fx->s, fx->data, &res, &e);
	testlib_assert_err_at(rc, &e, bc->name, bc->code, bc->file, line, bc->column);
	assert_int_equal(res.loaded, 0);

	/* nothing written */
	for (int c = 0; c < S_NCOLS; c++)
		assert_int_equal(testlib_summary(fx->s, c), 0);
	assert_false(has_defload(fx->s, "reference"));

	/* and the store is still usable: the good data loads */
	assert_int_equal(refdata_load_all(fx->s, TVET_DATADIR, &res, &e), 0);
	assert_int_equal(res.loaded, 1);
	assert_int_equal(testlib_summary(fx->s, S_MAJORS), 1490);
}

#define NBROKEN (sizeof(broken_cases) / sizeof(broken_cases[0]))

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test_setup_teardown(test_counts, setup_loaded, teardown),
		cmocka_unit_test_setup_teardown(test_in_2021_catalog, setup_loaded, teardown),
		cmocka_unit_test_setup_teardown(test_catalog_search, setup_loaded, teardown),
		cmocka_unit_test_setup_teardown(test_catalog_search_exact, setup_loaded, teardown),
		cmocka_unit_test_setup_teardown(test_second_load_unchanged, setup_loaded, teardown),
		cmocka_unit_test_setup_teardown(test_reload_after_change, setup_loaded_copy,
						teardown),
		cmocka_unit_test_setup_teardown(test_no_read_left_open, setup_loaded, teardown),
		cmocka_unit_test(test_trim),
		cmocka_unit_test_setup_teardown(test_hash_files, setup_empty_copy, teardown),
	};
	struct CMUnitTest tests[sizeof(fixed) / sizeof(fixed[0]) + NBROKEN];
	char names[NBROKEN][128];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < NBROKEN; i++)
		tests[n++] = testlib_case_test(names[i], sizeof(names[i]), "test_broken_input",
					       broken_cases[i].name, test_broken_input,
					       setup_empty_copy, teardown, &broken_cases[i]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
