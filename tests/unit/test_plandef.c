/* test_plandef.c - loading the action plan of data/plan/ (ingest/plandef.h).
 *
 * Every test starts from a fresh database holding the real reference data
 * and the real plan (TVET_DATADIR), and reads it back through the named
 * queries. Edits are made in a private copy of data/plan/: a good edit must
 * be reloaded in place (organisation ids kept), a bad one must be refused
 * with file, line and column, leaving the loaded plan exactly as it was. */
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
#include "ingest/plandef.h"
#include "ingest/refdata.h"
#include "store/store.h"
#include "unit/testlib.h"

/* One bad edit of a copy of data/plan/. */
struct bad_case {
	const char *name;
	const char *file;	 /* edited, relative to data/ */
	const char *line_prefix; /* the line to edit starts with this */
	const char *old, *new_text;
	const char *err_file;	     /* NULL: the edited file */
	const char *err_line_prefix; /* NULL: the edited line */
	size_t column;		     /* ANY_COLUMN: not checked */
	const char *msg;	     /* NULL: not checked; else part of the message */
};

struct fixture {
	char dir[64];
	char db[128];
	char data[128]; /* datadir of the private copy: data[]/plan/ */
	struct store *s;
	struct plandef_result first;
	const struct bad_case *bc;
	/* text a test compares, here so that a failing assert leaks nothing */
	struct strbuf before, after;
};

/* ---- helpers ---- */

static int setup(void **state)
{
	const struct bad_case *bc = *state;
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;

	fx->bc = bc;
	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "plandef") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	if (testlib_copy_data(fx->dir, "plan", fx->data, sizeof(fx->data)) < 0)
		return -1;
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0 ||
	    refdata_load_all(fx->s, TVET_DATADIR, NULL, &e) < 0 ||
	    plandef_load(fx->s, TVET_DATADIR, &fx->first, &e) < 0) {
		print_error("setup: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int setup_empty(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;

	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "plandef") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	int rc;

	store_close(fx->s);
	strbuf_release(&fx->before);
	strbuf_release(&fx->after);
	rc = testlib_rmtree(fx->dir);
	free(fx);
	return rc;
}

/* Append every row of st, as "a\tb\t...\n" with NULL as "(null)". */
static void dump_rows(struct store_stmt *st, struct strbuf *out)
{
	struct err e;
	int rc;

	while ((rc = store_step(st, &e)) == STORE_ROW) {
		for (int c = 0; c < store_col_count(st); c++) {
			const char *t = store_col_text(st, c);
			strbuf_addf(out, "%s%s", c ? "\t" : "", t ? t : "(null)");
		}
		strbuf_addch(out, '\n');
	}
	assert_int_equal(rc, STORE_DONE);
}

/* Everything the plan load writes, as text: targets, actions and their
 * departments, organisations, the definition_load row, the indicators, the
 * counts. */
static void snapshot(struct store *s, struct strbuf *out)
{
	struct err e;
	struct store_stmt *st;

	strbuf_addstr(out, "targets\n");
	dump_rows(store_prepare(s, Q_PLAN_TARGET_LIST, &e), out);
	strbuf_addstr(out, "actions\n");
	dump_rows(store_prepare(s, Q_PLAN_ACTION_LIST, &e), out);
	for (int a = 1; a <= 12; a++) {
		strbuf_addf(out, "action %d\n", a);
		st = store_prepare(s, Q_PLAN_ACTION_DEPTS, &e);
		store_bindf(st, "i", (int64_t)a);
		dump_rows(st, out);
	}
	strbuf_addstr(out, "orgs\n");
	st = store_prepare(s, Q_ORG_LIST, &e);
	store_bindf(st, "n");
	dump_rows(st, out);
	strbuf_addstr(out, "loaded\n");
	st = store_prepare(s, Q_DEFLOAD_GET, &e);
	store_bindf(st, "t", "plan");
	dump_rows(st, out);
	strbuf_addstr(out, "indicators\n");
	st = store_prepare(s, Q_INDICATOR_LIST, &e);
	store_bindf(st, "n");
	dump_rows(st, out);
	strbuf_addstr(out, "summary\n");
	dump_rows(store_prepare(s, Q_SUMMARY, &e), out);
}

/* code -> id of the organisations of kind, as "code=id;..." */
static void org_ids(struct store *s, const char *kind, struct strbuf *out)
{
	struct err e;
	struct store_stmt *st = store_prepare(s, Q_ORG_LIST, &e);
	int rc;

	assert_non_null(st);
	store_bindf(st, "t", kind);
	while ((rc = store_step(st, &e)) == STORE_ROW)
		strbuf_addf(out, "%s=%lld;", store_col_text(st, 1),
			    (long long)store_col_int(st, 0));
	assert_int_equal(rc, STORE_DONE);
}

/* ---- the real plan ---- */

static void test_counts(void **state)
{
	struct fixture *fx = *state;
	struct err e;
	struct store_stmt *st;
	int rows = 0, rc;

	assert_int_equal(fx->first.loaded, 1);
	assert_int_equal(fx->first.targets, 43);
	assert_int_equal(fx->first.criteria, 47);
	assert_int_equal(fx->first.departments, 19);
	assert_string_equal(fx->first.version, "1");
	assert_int_equal(strlen(fx->first.hash), 64);
	assert_int_equal(testlib_summary(fx->s, S_TARGETS), 43);
	assert_int_equal(testlib_summary(fx->s, S_DEPARTMENTS), 19);
	st = store_prepare(fx->s, Q_PLAN_TARGET_LIST, &e);
	while ((rc = store_step(st, &e)) == STORE_ROW)
		rows++;
	assert_int_equal(rc, STORE_DONE);
	assert_int_equal(rows, 47);
	st = store_prepare(fx->s, Q_PLAN_ACTION_LIST, &e);
	rows = 0;
	while ((rc = store_step(st, &e)) == STORE_ROW)
		assert_int_equal(store_col_int(st, 0), ++rows);
	assert_int_equal(rows, 10);
}

/* The ids of docs/MISSION.md's two tables, in its order. */
static const char *const mission_ids[] = {
	"G1",  "G2",  "G3",  "G4",  "G5",  "G6",  "G7",	 "G8",	"G9",	"G10",	"A1a",
	"A1b", "A1c", "A2",  "A5a", "A5b", "A5c", "A6",	 "A7a", "A7b",	"A7c",	"A7d",
	"A7e", "A8a", "A8b", "A9a", "A9b", "A9c", "A9d", "A9e", "A10a", "A10b", "C1",
	"C2",  "C3",  "C4",  "C5",  "C6",  "C7",  "C8",	 "C9",	"C10",	"C11",
};
#define NMISSION (sizeof(mission_ids) / sizeof(mission_ids[0]))

static void test_mission_ids(void **state)
{
	struct fixture *fx = *state;
	struct err e;
	struct store_stmt *st = store_prepare(fx->s, Q_PLAN_TARGET_LIST, &e);
	char seen[64][16];
	size_t nseen = 0;
	int rc;

	assert_int_equal(NMISSION, 43);
	assert_non_null(st);
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		const char *id = store_col_text(st, 0);
		if (nseen && strcmp(seen[nseen - 1], id) == 0)
			continue; /* part 2 of the same target */
		assert_true(nseen < 64);
		snprintf(seen[nseen++], sizeof(seen[0]), "%s", id);
	}
	assert_int_equal(rc, STORE_DONE);
	/* exactly MISSION.md's ids, in its order (the file's order) */
	assert_int_equal(nseen, NMISSION);
	for (size_t i = 0; i < NMISSION; i++)
		assert_string_equal(seen[i], mission_ids[i]);
}

struct target_case {
	const char *id;
	int part;
	const char *section;
	int action;
	const char *kind, *comparator;
	int has_target;
	double target;
	const char *unit;
	int deadline;
	const char *source, *level; /* NULL: SQL NULL */
	const char *plan_part;
};

static const struct target_case target_cases[] = {
	{"G7", 1, "goal", 5, "rate", ">=", 1, 55, "%", 2025, "progression_rate_secondary", NULL,
	 "二"},
	{"A1a", 1, "action", 1, "rate", "<=", 1, 2, "%", 2025, "dropout_rate", NULL, "一"},
	{"A5a", 1, "action", 5, "count", ">=", 1, 1, "所", 2022, "new_school", "city", "二"},
	{"G1", 1, "goal", 9, "count", ">=", 1, 6, "类", 2025, "industry_committee", "city", "三"},
	{"A7a", 2, "action", 7, "count", ">=", 1, 1, "所", 2025, "info_model_school", "province",
	 "二"},
	{"A10b", 2, "action", 10, "count", ">=", 1, 2, "个", 2025, "master_studio", "province",
	 "三"},
	{"C1", 1, "commitment", 7, "manual", "assessed", 0, 0, NULL, 2025, NULL, NULL, "二"},
	{"G6", 1, "goal", 8, "manual", "assessed", 0, 0, NULL, 2025, NULL, NULL, "三"},
};

static void assert_text(struct store_stmt *st, int col, const char *want)
{
	if (!want)
		assert_true(store_col_is_null(st, col));
	else
		assert_string_equal(store_col_text(st, col), want);
}

static void test_target_values(void **state)
{
	struct fixture *fx = *state;

	for (size_t i = 0; i < sizeof(target_cases) / sizeof(target_cases[0]); i++) {
		const struct target_case *c = &target_cases[i];
		struct err e;
		struct store_stmt *st = store_prepare(fx->s, Q_PLAN_TARGET_LIST, &e);
		int found = 0, rc;

		while ((rc = store_step(st, &e)) == STORE_ROW) {
			if (strcmp(store_col_text(st, 0), c->id) != 0 ||
			    store_col_int(st, 1) != c->part)
				continue;
			found++;
			assert_text(st, 2, c->section);
			assert_int_equal(store_col_int(st, 3), c->action);
			assert_text(st, 4, c->kind);
			assert_text(st, 5, c->comparator);
			if (c->has_target)
				assert_true(store_col_double(st, 6) == c->target);
			else
				assert_true(store_col_is_null(st, 6));
			assert_text(st, 7, c->unit);
			assert_int_equal(store_col_int(st, 8), c->deadline);
			assert_int_equal(store_col_int(st, 9), 2021);
			assert_text(st, 10, c->source);
			assert_text(st, 11, c->level);
			assert_false(store_col_is_null(st, 12)); /* title */
			assert_false(store_col_is_null(st, 13)); /* title_en */
			assert_text(st, 15, c->plan_part);
		}
		assert_int_equal(rc, STORE_DONE);
		if (found != 1)
			print_error("target %s part %d found %d times\n", c->id, c->part, found);
		assert_int_equal(found, 1);
	}
}

static void test_action_departments(void **state)
{
	static const struct {
		int action;
		const char *codes;
		const char *lead_name;
	} cases[] = {
		{1, "edu;police;procuratorate;health;schools", "市教育局"},
		{5, "staffing;ndrc;finance;edu;hrss;schools", "市委编办"},
		/* "市文广旅体局市卫健委" in the plan text: two units */
		{9, "edu;ndrc;econ;housing;commerce;port;culture;health;tax;schools", "市教育局"},
		{10, "econ;edu;hrss;finance;agri;union;maritime;schools", "市经信局"},
	};
	struct fixture *fx = *state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;
		struct store_stmt *st = store_prepare(fx->s, Q_PLAN_ACTION_DEPTS, &e);
		struct strbuf *codes = &fx->after;
		int rc, n = 0;

		strbuf_reset(codes);
		store_bindf(st, "i", (int64_t)cases[i].action);
		while ((rc = store_step(st, &e)) == STORE_ROW) {
			if (n++ == 0)
				assert_string_equal(store_col_text(st, 1), cases[i].lead_name);
			assert_false(store_col_is_null(st, 2)); /* name_en */
			strbuf_addf(codes, "%s%s", codes->len ? ";" : "", store_col_text(st, 0));
		}
		assert_int_equal(rc, STORE_DONE);
		assert_string_equal(strbuf_str(codes), cases[i].codes);
	}
}

static void test_city_and_districts(void **state)
{
	static const char *const districts[][2] = {{"330902", "定海区"},
						   {"330903", "普陀区"},
						   {"330921", "岱山县"},
						   {"330922", "嵊泗县"}};
	struct fixture *fx = *state;
	struct err e;
	struct store_stmt *st;
	int rc, n = 0;

	st = store_prepare(fx->s, Q_ORG_LIST, &e);
	store_bindf(st, "t", "city");
	assert_int_equal(store_step(st, &e), STORE_ROW);
	assert_text(st, 1, "3309");
	assert_text(st, 2, "舟山市");
	assert_text(st, 4, "city");
	assert_text(st, 6, NULL); /* no parent */
	assert_text(st, 7, "3309");
	assert_text(st, 8, "舟山市");
	assert_int_equal(store_step(st, &e), STORE_DONE);

	st = store_prepare(fx->s, Q_ORG_LIST, &e);
	store_bindf(st, "t", "district");
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		assert_true(n < 4);
		assert_text(st, 1, districts[n][0]);
		assert_text(st, 2, districts[n][1]);
		assert_text(st, 6, "3309");
		assert_text(st, 7, districts[n][0]);
		n++;
	}
	assert_int_equal(rc, STORE_DONE);
	assert_int_equal(n, 4);

	st = store_prepare(fx->s, Q_ORG_LIST, &e);
	store_bindf(st, "t", "department");
	n = 0;
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		assert_text(st, 6, "3309");
		n++;
	}
	assert_int_equal(n, 19);
	assert_int_equal(testlib_summary(fx->s, S_ORGS), 1 + 4 + 19);
	assert_int_equal(testlib_summary(fx->s, S_SCHOOLS), 0);
}

static void test_reload_unchanged(void **state)
{
	struct fixture *fx = *state;
	struct plandef_result res;
	struct err e;

	snapshot(fx->s, &fx->before);
	err_clear(&e);
	assert_int_equal(plandef_load(fx->s, TVET_DATADIR, &res, &e), 0);
	assert_int_equal(res.loaded, 0);
	assert_string_equal(res.hash, fx->first.hash);
	/* the copy in the fixture has the same bytes */
	assert_int_equal(plandef_load(fx->s, fx->data, &res, &e), 0);
	assert_int_equal(res.loaded, 0);
	snapshot(fx->s, &fx->after);
	assert_string_equal(strbuf_str(&fx->after), strbuf_str(&fx->before));
}

static void test_reload_edited(void **state)
{
	struct fixture *fx = *state;
	struct plandef_result res;
	struct store_stmt *st;
	char path[256];
	struct err e;
	int rc, seen = 0;

	org_ids(fx->s, NULL, &fx->before);
	snprintf(path, sizeof(path), "%s/plan/targets.csv", fx->data);
	testlib_edit_line(path, "G7,,", ",55,%,", ",60,%,");
	snprintf(path, sizeof(path), "%s/plan/departments.csv", fx->data);
	testlib_edit_line(path, "edu,", "市教育局", "舟山市教育局");

	err_clear(&e);
	assert_int_equal(plandef_load(fx->s, fx->data, &res, &e), 0);
	assert_int_equal(res.loaded, 1);
	assert_int_equal(res.targets, 43);
	assert_int_equal(res.criteria, 47);
	assert_int_equal(res.departments, 19);
	assert_string_not_equal(res.hash, fx->first.hash);

	st = store_prepare(fx->s, Q_PLAN_TARGET_LIST, &e);
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		if (strcmp(store_col_text(st, 0), "G7") != 0)
			continue;
		seen++;
		assert_true(store_col_double(st, 6) == 60);
	}
	assert_int_equal(rc, STORE_DONE);
	assert_int_equal(seen, 1);

	/* the departments (and city, districts) keep their ids; the new name shows */
	org_ids(fx->s, NULL, &fx->after);
	assert_string_equal(strbuf_str(&fx->after), strbuf_str(&fx->before));
	st = store_prepare(fx->s, Q_PLAN_ACTION_DEPTS, &e);
	store_bindf(st, "i", (int64_t)1);
	assert_int_equal(store_step(st, &e), STORE_ROW);
	assert_text(st, 0, "edu");
	assert_text(st, 1, "舟山市教育局");
	assert_int_equal(testlib_summary(fx->s, S_TARGETS), 43);
	assert_int_equal(testlib_summary(fx->s, S_ORGS), 24);

	/* and the edited copy is now the unchanged one */
	assert_int_equal(plandef_load(fx->s, fx->data, &res, &e), 0);
	assert_int_equal(res.loaded, 0);
}

/* Regression (fixed): plandef_load() leaves lookups stepped to a row and never reset
 * (Q_ORG_ID_BY_CODE, Q_DIVISION_GET, Q_REGISTRY_TYPE_EXISTS; Q_DEFLOAD_GET
 * on the "unchanged" return), so the connection keeps a read transaction
 * open after the commit and never sees other processes' writes (fixed in
 * store_commit() and with store_reset() on the early return). */
static void test_no_read_left_open(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	assert_true(testlib_sees_other_writer(fx->s, fx->db, "school", "s1"));
	assert_int_equal(plandef_load(fx->s, TVET_DATADIR, NULL, &e), 0);
	assert_true(testlib_sees_other_writer(fx->s, fx->db, "school", "s2"));
}

/* Without the reference data there is no city to hang the plan on. */
static void test_needs_reference_data(void **state)
{
	struct fixture *fx = *state;
	struct plandef_result res;
	struct err e;

	err_clear(&e);
	assert_int_equal(plandef_load(fx->s, TVET_DATADIR, &res, &e), ERR_INPUT);
	assert_int_equal(res.loaded, 0);
	for (int c = 0; c < S_NCOLS; c++)
		assert_int_equal(testlib_summary(fx->s, c), 0);
}

/* ---- bad input: refused, the loaded plan unchanged ---- */

static const struct bad_case bad_cases[] = {
	{"unknown comparator", "plan/targets.csv", "G7,,", ",>=,55,", ",=>,55,", NULL, NULL, 6,
	 NULL},
	{"target id 'X9'", "plan/targets.csv", "G7,,", "G7,", "X9,", NULL, NULL, 1, NULL},
	{"target id 'G'", "plan/targets.csv", "G7,,", "G7,", "G,", NULL, NULL, 1, NULL},
	{"non-numeric target '55%'", "plan/targets.csv", "G7,,", ",55,%,", ",55%,%,", NULL, NULL, 7,
	 NULL},
	{"kind 'ratio'", "plan/targets.csv", "G7,,", ",rate,", ",ratio,", NULL, NULL, 5, NULL},
	{"deadline before the plan", "plan/targets.csv", "G7,,", ",2025,2021,", ",2019,2018,", NULL,
	 NULL, 9, NULL},
	{"manual target with '>='", "plan/targets.csv", "C1,,", ",assessed,", ",>=,", NULL, NULL, 6,
	 NULL},
	{"level 'county'", "plan/targets.csv", "G1,,", ",industry_committee,city,",
	 ",industry_committee,county,", NULL, NULL, 12, NULL},
	/* Regression (fixed): plandef.c plan_load_targets() reports an action missing from
	 * actions.csv (a foreign-key conflict) at the id column (1), with a
	 * message that may also mean a duplicate; the wrong field is the
	 * action (column 4). */
	{"action not in actions.csv", "plan/targets.csv", "G7,,", ",goal,5,", ",goal,11,", NULL,
	 NULL, 4, NULL},
	{"responsible unit not in departments.csv", "plan/actions.csv", "1,一,", "police", "nosuch",
	 NULL, NULL, 5, NULL},
	/* Regression (fixed): plandef.c plan_load_actions() looks a unit up among all
	 * organisations, so the city (or a district, or a school) passes as a
	 * responsible unit. */
	{"responsible unit that is the city", "plan/actions.csv", "1,一,", "police", "3309", NULL,
	 NULL, 5, NULL},
	/* Regression (fixed): same cause - a department taken out of departments.csv is still
	 * an organisation from the previous load, so actions.csv may go on
	 * naming it. */
	{"responsible unit removed from departments.csv", "plan/departments.csv", "tax,",
	 "tax,市税务局,Municipal Taxation Bureau", "", "plan/actions.csv", "9,三,", 5, NULL},
	{"count target of an unknown registry type", "plan/targets.csv", "G1,,",
	 "industry_committee", "no_such_type", NULL, NULL, 11, NULL},
	{"duplicate (id, part)", "plan/targets.csv", "A7a,2,", "A7a,2,", "A7a,1,", NULL, NULL, 1,
	 NULL},
	{"duplicate id without part", "plan/targets.csv", "G8,,", "G8,", "G7,", NULL, NULL, 1,
	 NULL},
	/* Regression (fixed): plandef.c plan_ensure_city() reports a city_code that is not a
	 * city with err_set(), so e->file is "" and e->row 0; it should name
	 * plan/plan.conf and the city_code line. */
	{"plan.conf city_code of a county", "plan/plan.conf", "city_code=", "3309", "330902", NULL,
	 NULL, ANY_COLUMN, NULL},
	/* Regression (fixed): plandef.c plan_load_targets() takes the target with strtod()
	 * alone, which accepts "nan" and "inf" (NaN is then stored as NULL). */
	{"target 'nan'", "plan/targets.csv", "G7,,", ",55,%,", ",nan,%,", NULL, NULL, 7, NULL},
	/* indicators.csv and the formulas: a formula's error names the file,
	 * the line and the column of the cell, and in the message the part of
	 * the indicator and the position inside the formula */
	{.name = "indicator numerator that does not parse",
	 .file = "plan/indicators.csv",
	 .line_prefix = "progression_rate_secondary,",
	 .old = "升学专科|升学本科]",
	 .new_text = "升学专科 升学本科]",
	 .column = 5,
	 .msg = "numerator: column 28: expected ',' or ']'"},
	{.name = "indicator denominator that does not parse",
	 .file = "plan/indicators.csv",
	 .line_prefix = "training_ratio,",
	 .old = ",enrolment,1,",
	 .new_text = ",enrolment *,1,",
	 .column = 6,
	 .msg = "denominator: column 12: expected"},
	{.name = "indicator of an unknown data element",
	 .file = "plan/indicators.csv",
	 .line_prefix = "dropout_rate,",
	 .old = ",dropouts,enrolment,",
	 .new_text = ",dropout,enrolment,",
	 .column = 5,
	 .msg = "numerator: 'dropout' is not a data element"},
	{.name = "indicator of an unknown dimension",
	 .file = "plan/indicators.csv",
	 .line_prefix = "progression_rate_higher,",
	 .old = "[destination=",
	 .new_text = "[dest=",
	 .column = 5,
	 .msg = "numerator: 'graduates' has no dimension 'dest'"},
	{.name = "indicator denominator of a dimension its element lacks",
	 .file = "plan/indicators.csv",
	 .line_prefix = "dropout_rate,",
	 .old = ",enrolment,",
	 .new_text = ",enrolment[destination=升学本科],",
	 .column = 6,
	 .msg = "denominator: 'enrolment' has no dimension 'destination'"},
	{.name = "indicator scope of a dimension",
	 .file = "plan/indicators.csv",
	 .line_prefix = "progression_rate_secondary,",
	 .old = ",level=中职|技工|技师学院,",
	 .new_text = ",destination=升学本科,",
	 .column = 4,
	 .msg = "scope: 'destination' is not level, school or district"},
	{.name = "indicator count() of an unknown registry type",
	 .file = "plan/indicators.csv",
	 .line_prefix = "shuanggao_share,",
	 .old = "registry=shuanggao_unit",
	 .new_text = "registry=shuanggao",
	 .column = 5,
	 .msg = "numerator: registry type 'shuanggao' does not exist"},
	{.name = "indicator listed twice",
	 .file = "plan/indicators.csv",
	 .line_prefix = "progression_rate_higher,",
	 .old = "progression_rate_higher,",
	 .new_text = "progression_rate_secondary,",
	 .column = 1,
	 .msg = "indicator progression_rate_secondary is listed twice"},
	{.name = "rate target whose source is not an indicator",
	 .file = "plan/targets.csv",
	 .line_prefix = "G7,,",
	 .old = ",progression_rate_secondary,",
	 .new_text = ",progression_rate_secondry,",
	 .column = 11,
	 .msg = "indicator 'progression_rate_secondry' is not in plan/indicators.csv"},
	/* renaming an indicator strands the target that names it */
	{.name = "indicator renamed under its target",
	 .file = "plan/indicators.csv",
	 .line_prefix = "dropout_rate,",
	 .old = "dropout_rate,",
	 .new_text = "dropouts_rate,",
	 .err_file = "plan/targets.csv",
	 .err_line_prefix = "A1a,",
	 .column = 11,
	 .msg = "indicator 'dropout_rate' is not in plan/indicators.csv"},
	{.name = "formula on a rate target",
	 .file = "plan/targets.csv",
	 .line_prefix = "G7,,",
	 .old = "pilot for G8,",
	 .new_text = "pilot for G8,graduates",
	 .column = 16,
	 .msg = "only a count target can have its own formula"},
	{.name = "count target formula that does not parse",
	 .file = "plan/targets.csv",
	 .line_prefix = "G1,,",
	 .old = "distinct=cluster)",
	 .new_text = "distinct=cluster",
	 .column = 16,
	 .msg = "formula: column 70: expected ',' or ')'"},
	{.name = "count target formula of an unknown registry type",
	 .file = "plan/targets.csv",
	 .line_prefix = "G1,,",
	 .old = "type=industry_committee",
	 .new_text = "type=industry_comittee",
	 .column = 16,
	 .msg = "formula: registry type 'industry_comittee' does not exist"},
	{.name = "count target formula with a bad min_per",
	 .file = "plan/targets.csv",
	 .line_prefix = "A6,,",
	 .old = "min_per=cluster",
	 .new_text = "min_per=major",
	 .column = 16,
	 .msg = "formula: count(registry): min_per can only be 'cluster'"},
};
#define NBAD (sizeof(bad_cases) / sizeof(bad_cases[0]))

static void test_bad_input(void **state)
{
	struct fixture *fx = *state;
	const struct bad_case *bc = fx->bc;
	const char *err_file = bc->err_file ? bc->err_file : bc->file;
	struct plandef_result res;
	char path[256];
	size_t line;
	struct err e;
	int rc;

	snapshot(fx->s, &fx->before);
	snprintf(path, sizeof(path), "%s/%s", fx->data, bc->file);
	line = testlib_edit_line(path, bc->line_prefix, bc->old, bc->new_text);
	if (bc->err_line_prefix) {
		snprintf(path, sizeof(path), "%s/%s", fx->data, err_file);
		line = testlib_find_line(path, bc->err_line_prefix, NULL);
	}
	err_clear(&e);
	rc = plandef_load(fx->s, fx->data, &res, &e);
	testlib_assert_err_at(rc, &e, bc->name, ERR_INPUT, err_file, line, bc->column);
	if (bc->msg && !strstr(e.msg, bc->msg))
		fail_msg("%s: message '%s' lacks '%s'", bc->name, e.msg, bc->msg);
	assert_int_equal(res.loaded, 0);

	snapshot(fx->s, &fx->after);
	assert_string_equal(strbuf_str(&fx->after), strbuf_str(&fx->before));
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test_setup_teardown(test_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mission_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_target_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_action_departments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_city_and_districts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reload_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reload_edited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_read_left_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_needs_reference_data, setup_empty, teardown),
	};
	struct CMUnitTest tests[sizeof(fixed) / sizeof(fixed[0]) + NBAD];
	char names[NBAD][128];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < NBAD; i++)
		tests[n++] = testlib_case_test(names[i], sizeof(names[i]), "test_bad_input",
					       bad_cases[i].name, test_bad_input, setup, teardown,
					       &bad_cases[i]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
