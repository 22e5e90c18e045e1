/* test_import.c - import_file() on a small city: an XLSX workbook made with
 * libxlsxwriter imports like its CSV twin, per-major values add up into the
 * school's totals, a broken cell names its Excel row, and nothing is
 * written unless the whole file is valid. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ingest/import.h"
#include "ingest/plandef.h"
#include "ingest/refdata.h"
#include "unit/testlib.h"

struct fixture {
	char dir[64];
	char db[128];
	struct store *s;
	struct kind k;
	int64_t school;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;
	int64_t district;

	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "import") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0 ||
	    refdata_load_all(fx->s, TVET_DATADIR, NULL, &e) < 0 ||
	    plandef_load(fx->s, TVET_DATADIR, NULL, &e) < 0 ||
	    kind_load(TVET_DATADIR, "school_major_stats", &fx->k, &e) < 0)
		goto fail;
	/* One school offering two majors in 2025. */
	if (store_lookup(fx->s, Q_ORG_ID_BY_CODE, &district, &e, "t", "330921") != 1 ||
	    store_begin(fx->s, &e) < 0 ||
	    store_run(fx->s, Q_ORG_INSERT, &e, "tttttittI", "T01", "测试职校", NULL, "school",
		      "中职", district, "330921", "公办", (int64_t)0) < 0)
		goto fail;
	fx->school = store_last_id(fx->s);
	if (store_run(fx->s, Q_SCHOOL_MAJOR_INSERT, &e, "iit", fx->school, (int64_t)2025,
		      "660103") < 0 ||
	    store_run(fx->s, Q_SCHOOL_MAJOR_INSERT, &e, "iit", fx->school, (int64_t)2025,
		      "700101") < 0 ||
	    store_commit(fx->s, &e) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "setup: %s\n", e.msg);
	return -1;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	store_close(fx->s);
	testlib_rmtree(fx->dir);
	free(fx);
	return 0;
}

static const char *const header[] = {"学校代码", "年度",     "专业代码",     "在校生数",
				     "招生数",	 "毕业生数", "升学（专科）", "升学（本科）",
				     "本地就业", "外地就业", "未就业"};

/* Write rows (numbers as numbers, codes as text) to a workbook whose data
 * sheet is called sheet, after an empty first sheet when two_sheets. */
static void write_xlsx(const char *path, const char *sheet, int two_sheets, const double rows[][8],
		       const char *const *majors, size_t n)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;

	assert_non_null(wb);
	if (two_sheets)
		workbook_add_worksheet(wb, "说明");
	ws = workbook_add_worksheet(wb, sheet);
	for (int c = 0; c < 11; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
	for (size_t r = 0; r < n; r++) {
		worksheet_write_string(ws, (lxw_row_t)(r + 1), 0, "T01", NULL);
		worksheet_write_number(ws, (lxw_row_t)(r + 1), 1, 2025, NULL);
		worksheet_write_string(ws, (lxw_row_t)(r + 1), 2, majors[r], NULL);
		for (int c = 0; c < 8; c++)
			worksheet_write_number(ws, (lxw_row_t)(r + 1), (lxw_col_t)(c + 3),
					       rows[r][c], NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static double value_of(struct fixture *fx, const char *element, const char *dims)
{
	struct store_stmt *st;
	struct err e;
	double v = -1;

	st = store_prepare(fx->s, Q_DATAVALUE_GET, &e);
	assert_non_null(st);
	store_bindf(st, "tiit", element, fx->school, (int64_t)2025, dims);
	if (store_step(st, &e) == STORE_ROW)
		v = store_col_double(st, 0);
	store_reset(st);
	return v;
}

static const char *const majors[] = {"660103", "700101"};
/* enrolment, entrants, graduates, 升学专科, 升学本科, 本地, 外地, 未就业 */
static const double good[][8] = {{120, 40, 38, 20, 2, 10, 4, 2}, {90, 30, 25, 15, 0, 8, 2, 0}};

static void test_xlsx_imports(void **state)
{
	struct fixture *fx = *state;
	struct import_options o = {0};
	struct import_report rep;
	char path[256];
	struct err e;

	snprintf(path, sizeof(path), "%s/good.xlsx", fx->dir);
	write_xlsx(path, "Sheet1", 0, good, majors, 2);
	o.path = path;
	o.who = "test";
	assert_int_equal(import_file(fx->s, &fx->k, &o, &rep, &e), 0);
	assert_int_equal(rep.rows, 2);
	assert_string_equal(rep.encoding, "XLSX");
	assert_true(rep.batch_id > 0);
	import_report_release(&rep);
	assert_true(value_of(fx, "enrolment", "major=660103") == 120);
	assert_true(value_of(fx, "enrolment", "") == 210);
	assert_true(value_of(fx, "graduates", "destination=升学专科") == 35);
	assert_true(value_of(fx, "graduates", "destination=升学专科;major=700101") == 15);
	assert_true(value_of(fx, "graduates", "") == 63);
	/* the same workbook again changes nothing */
	assert_int_equal(import_file(fx->s, &fx->k, &o, &rep, &e), 0);
	assert_int_equal(rep.changed, 0);
	import_report_release(&rep);
}

static void test_xlsx_named_sheet(void **state)
{
	struct fixture *fx = *state;
	struct import_options o = {0};
	struct import_report rep;
	char path[256];
	struct err e;

	snprintf(path, sizeof(path), "%s/two.xlsx", fx->dir);
	write_xlsx(path, "分专业统计", 1, good, majors, 2);
	o.path = path;
	/* the first sheet is the empty instructions sheet: no header */
	assert_int_equal(import_file(fx->s, &fx->k, &o, &rep, &e), ERR_INPUT);
	import_report_release(&rep);
	o.sheet = "分专业统计";
	assert_int_equal(import_file(fx->s, &fx->k, &o, &rep, &e), 0);
	import_report_release(&rep);
	o.sheet = "no such sheet";
	assert_true(import_file(fx->s, &fx->k, &o, &rep, &e) < 0);
	assert_non_null(strstr(e.msg, "分专业统计")); /* the error lists the sheets */
	import_report_release(&rep);
}

static void test_xlsx_bad_row_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct import_options o = {0};
	struct import_report rep;
	double bad[2][8];
	char path[256];
	struct err e;

	memcpy(bad, good, sizeof(bad));
	bad[1][3] = 16; /* destinations now add up to 26, not 25 */
	snprintf(path, sizeof(path), "%s/bad.xlsx", fx->dir);
	write_xlsx(path, "Sheet1", 0, (const double(*)[8])bad, majors, 2);
	o.path = path;
	assert_int_equal(import_file(fx->s, &fx->k, &o, &rep, &e), ERR_INPUT);
	assert_int_equal(rep.errors, 1);
	assert_int_equal(rep.issues[0].row, 3); /* Excel's row: header 1, second data row 3 */
	assert_string_equal(rep.issues[0].rule, "rule");
	assert_int_equal(rep.batch_id, 0);
	import_report_release(&rep);
	assert_true(value_of(fx, "enrolment", "") == -1);
	assert_int_equal(testlib_raw_int(fx->db, "SELECT count(*) FROM import_batch"), 0);
}

static void test_csv_needs_no_sheet(void **state)
{
	struct fixture *fx = *state;
	struct import_options o = {0};
	struct import_report rep;
	char path[256];
	struct err e;
	FILE *f;

	snprintf(path, sizeof(path), "%s/x.csv", fx->dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("学校代码,年度\n", f);
	fclose(f);
	o.path = path;
	o.sheet = "Sheet1";
	assert_int_equal(import_file(fx->s, &fx->k, &o, &rep, &e), ERR_USAGE);
	import_report_release(&rep);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_xlsx_imports),
		T(test_xlsx_named_sheet),
		T(test_xlsx_bad_row_writes_nothing),
		T(test_csv_needs_no_sheet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
