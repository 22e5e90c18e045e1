/* test_template.c - the empty forms of data kinds (report/template.h) on a
 * tiny city: two schools, the first offering two majors in 2025.
 *
 * Workbooks are read back with the project's own XLSX reader, so a test
 * sees what an import sees: the headers, the pre-filled rows in order, the
 * instructions sheet naming every column. The one thing the reader skips,
 * the data validations, is checked in the worksheet's XML, unzipped with
 * libzip. A template filled in (a copy written with libxlsxwriter from the
 * template's own header and rows) imports with import_file(), and the
 * unfilled template is refused with one "required" error per empty cell.
 *
 * The test includes template.c to reach the sheet-name and UTF-8 helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "report/template.c"

#include "core/i18n.h"
#include "ingest/import.h"
#include "ingest/plandef.h"
#include "ingest/refdata.h"
#include "ingest/xlsx.h"
#include "unit/testlib.h"

/* libxlsxwriter 1.1.4 copies the formula of a list validation twice and
 * frees one copy (worksheet_data_validation_range, LIST_FORMULA): a few
 * bytes per hidden-sheet dropdown, none of them ours. Under SANITIZE=1,
 * LeakSanitizer reads these hooks: the library has no frame pointers, so
 * the full stack (slow unwind) is needed to match the suppression. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:worksheet_data_validation_range\n";
}

struct fixture {
	char dir[64];
	char db[128];
	char path[128]; /* <dir>/t.xlsx */
	struct store *s;
	struct kind by_major;  /* school_major_stats */
	struct kind by_school; /* school_stats */
	struct kind enterprises;
	int64_t district;
	int64_t school;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;

	*state = fx;
	err_clear(&e);
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "template") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	snprintf(fx->path, sizeof(fx->path), "%s/t.xlsx", fx->dir);
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0 ||
	    refdata_load_all(fx->s, TVET_DATADIR, NULL, &e) < 0 ||
	    plandef_load(fx->s, TVET_DATADIR, NULL, &e) < 0 ||
	    kind_load(TVET_DATADIR, "school_major_stats", &fx->by_major, &e) < 0 ||
	    kind_load(TVET_DATADIR, "school_stats", &fx->by_school, &e) < 0 ||
	    kind_load(TVET_DATADIR, "enterprises", &fx->enterprises, &e) < 0)
		goto fail;
	/* T01 offers two majors in 2025 (inserted out of order); T02 none. */
	if (store_lookup(fx->s, Q_ORG_ID_BY_CODE, &fx->district, &e, "t", "330921") != 1 ||
	    store_begin(fx->s, &e) < 0 ||
	    store_run(fx->s, Q_ORG_INSERT, &e, "tttttittI", "T01", "测试职校", NULL, "school",
		      "中职", fx->district, "330921", "公办", (int64_t)0) < 0)
		goto fail;
	fx->school = store_last_id(fx->s);
	if (store_run(fx->s, Q_SCHOOL_MAJOR_INSERT, &e, "iit", fx->school, (int64_t)2025,
		      "700101") < 0 ||
	    store_run(fx->s, Q_SCHOOL_MAJOR_INSERT, &e, "iit", fx->school, (int64_t)2025,
		      "660103") < 0 ||
	    store_run(fx->s, Q_ORG_INSERT, &e, "tttttittI", "T02", "第二职校", NULL, "school",
		      "中职", fx->district, "330921", "公办", (int64_t)0) < 0 ||
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

/* ---- reading back ---- */

/* Every row of sheet (NULL: the first) of the workbook at path, as
 * "row:[field][field]...\n" lines; *name (may be NULL) receives the sheet's
 * name. Fails the test when the workbook cannot be read. */
static struct strbuf read_sheet(const char *path, const char *sheet, char *name, size_t size)
{
	struct xlsx_reader *r = NULL;
	struct strbuf got = {0};
	struct err e;
	int rc;

	if (xlsx_reader_open(&r, path, sheet, &e) < 0)
		fail_msg("%s: %s", path, e.msg);
	if (name)
		snprintf(name, size, "%s", xlsx_reader_sheet(r));
	while ((rc = xlsx_reader_next(r, &e)) == 1) {
		strbuf_addf(&got, "%zu:", xlsx_reader_line(r));
		for (size_t i = 0; i < xlsx_reader_nfields(r); i++)
			strbuf_addf(&got, "[%s]", xlsx_reader_field(r, i));
		strbuf_addch(&got, '\n');
	}
	xlsx_reader_free(r);
	if (rc < 0)
		fail_msg("%s: %s", path, e.msg);
	strbuf_addstr(&got, "");
	return got;
}

/* The inflated part name of the zip archive at path. */
static struct strbuf zip_part(const char *path, const char *name)
{
	struct strbuf got = {0};
	char chunk[4096];
	zip_int64_t n;
	zip_file_t *f;
	zip_t *za;
	int zerr;

	za = zip_open(path, ZIP_RDONLY, &zerr);
	assert_non_null(za);
	f = zip_fopen(za, name, 0);
	if (!f)
		fail_msg("%s: no part %s", path, name);
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0)
		strbuf_add(&got, chunk, (size_t)n);
	zip_fclose(f);
	zip_discard(za);
	strbuf_addstr(&got, "");
	return got;
}

static size_t count_of(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void assert_has(const char *text, const char *what)
{
	if (!strstr(text, what))
		fail_msg("'%s' not found in:\n%s", what, text);
}

/* The header row as the reader gives it: "1:[h1][h2]...\n". */
static void header_line(const struct kind *k, struct strbuf *sb)
{
	strbuf_addstr(sb, "1:");
	for (size_t j = 0; j < k->ncols; j++)
		strbuf_addf(sb, "[%s]", kind_header(&k->cols[j]));
	strbuf_addch(sb, '\n');
}

/* ---- helpers ---- */

static void test_sheet_names(void **state)
{
	static const struct {
		const char *name, *want;
	} cases[] = {
		{"学校分专业年度统计", "学校分专业年度统计"},
		{"Yearly statistics of a school by major", "Yearly statistics of a school"},
		{"Yearly statistics of a school", "Yearly statistics of a school"},
		{"a/b:c[d]*e?f\\g", "a b c d e f g"},
		{" [2025] draft's ", "2025 draft's"},
		{"'quoted'", "quoted"},
		{"???", "fallback"},
		{"", "fallback"},
		{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
		 "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"},
		{"abcdefghijklmnopqrstuvwxyzabcdefghij", "abcdefghijklmnopqrstuvwxyzabcde"},
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		template_sheet_name(out, sizeof(out), cases[i].name, "fallback");
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(template_display_width("Year"), 4);
	assert_int_equal(template_display_width("学校代码"), 8);
	assert_int_equal(template_utf8_prefix("学校代码", 2), 6);
	assert_int_equal(template_utf8_prefix("ab", 5), 2);
}

/* ---- workbooks ---- */

static void test_xlsx_by_major(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got, want = {0}, help;
	char sheet[64];
	struct err e;

	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, "T01", 2025, fx->path, &e), 2);
	got = read_sheet(fx->path, NULL, sheet, sizeof(sheet));
	assert_string_equal(sheet, "Yearly statistics of a school");
	header_line(&fx->by_major, &want);
	strbuf_addstr(&want, "2:[T01][2025][660103]\n3:[T01][2025][700101]\n");
	assert_string_equal(strbuf_str(&got), strbuf_str(&want));
	assert_true(strncmp(got.buf, "1:[School code][Year][Major code][Full-time enrolment]",
			    50) == 0);

	/* The instructions name every column: header, key, type, required. */
	help = read_sheet(fx->path, "Instructions", NULL, 0);
	for (size_t j = 0; j < fx->by_major.ncols; j++) {
		const struct kind_column *col = &fx->by_major.cols[j];
		char row[512];

		snprintf(row, sizeof(row), "[%s][%s][%s][%s][%s]", col->header_en, col->key,
			 template_type_words(col->type), col->required ? "yes" : "no",
			 col->description);
		assert_has(help.buf, row);
	}
	assert_has(help.buf, "[Yearly statistics of a school by major]");
	assert_has(help.buf, "[School: T01]");
	assert_has(help.buf, "[tvet import school_major_stats FILE.xlsx]");
	assert_has(help.buf, "Rows 2 to 3 are pre-filled");
	for (size_t i = 0; i < fx->by_major.nrules; i++)
		assert_has(help.buf, fx->by_major.rules[i].text);
	assert_has(help.buf, "[the destinations must add up to the graduates]");
	assert_has(help.buf, "[Majors T01 offers in 2025]");
	assert_has(help.buf, "[660103][");
	assert_true(strstr(help.buf, "[660103][]") == NULL); /* the major's name follows */
	strbuf_release(&help);

	/* Headers carry comments: the type, required or not, the description. */
	strbuf_release(&got);
	got = zip_part(fx->path, "xl/comments1.xml");
	assert_has(got.buf, "whole number, 0 or more, required");
	assert_has(got.buf, fx->by_major.cols[3].description);
	strbuf_release(&got);
	strbuf_release(&want);
}

static void test_xlsx_by_school(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got, want = {0};
	struct err e;

	/* A year and no school: one row per school. */
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_school, NULL, 2025, fx->path, &e), 2);
	got = read_sheet(fx->path, NULL, NULL, 0);
	header_line(&fx->by_school, &want);
	strbuf_addstr(&want, "2:[T01][2025]\n3:[T02][2025]\n");
	assert_string_equal(strbuf_str(&got), strbuf_str(&want));
	strbuf_release(&got);

	/* A school and no year: its one row, the year left to fill in. */
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_school, "T02", 0, fx->path, &e), 1);
	got = read_sheet(fx->path, NULL, NULL, 0);
	strbuf_reset(&want);
	header_line(&fx->by_school, &want);
	strbuf_addstr(&want, "2:[T02]\n");
	assert_string_equal(strbuf_str(&got), strbuf_str(&want));
	strbuf_release(&got);

	/* Neither: the header alone; and without a store too. */
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_school, NULL, 0, fx->path, &e), 0);
	assert_int_equal(template_write_xlsx(NULL, &fx->by_school, NULL, 0, fx->path, &e), 0);
	got = read_sheet(fx->path, NULL, NULL, 0);
	strbuf_reset(&want);
	header_line(&fx->by_school, &want);
	assert_string_equal(strbuf_str(&got), strbuf_str(&want));
	strbuf_release(&got);

	/* A per-major kind needs both to know its rows. */
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, "T01", 0, fx->path, &e), 0);
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, NULL, 2025, fx->path, &e), 0);
	strbuf_release(&want);
}

static void test_xlsx_unknown_school(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, "NOPE", 2025, fx->path, &e),
			 ERR_NOTFOUND);
	assert_has(e.msg, "'NOPE'");
	assert_int_equal(access(fx->path, F_OK), -1); /* no file left behind */
	assert_int_equal(template_write_xlsx(NULL, &fx->by_major, "T01", 2025, fx->path, &e),
			 ERR_INTERNAL);
}

static void test_xlsx_validations(void **state)
{
	struct fixture *fx = *state;
	struct strbuf xml;
	struct err e;

	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, "T01", 2025, fx->path, &e), 2);
	xml = zip_part(fx->path, "xl/worksheets/sheet1.xml");
	assert_int_equal(count_of(xml.buf, "<dataValidation "), fx->by_major.ncols);
	assert_has(xml.buf, "<dataValidation type=\"list\"");
	assert_has(xml.buf, "sqref=\"A2:A1001\"><formula1>\"T01\"</formula1>");
	assert_has(xml.buf, "sqref=\"C2:C1001\"><formula1>\"660103,700101\"</formula1>");
	/* the year: --year only */
	assert_has(xml.buf,
		   "sqref=\"B2:B1001\"><formula1>2025</formula1><formula2>2025</formula2>");
	assert_int_equal(count_of(xml.buf, "type=\"whole\" operator=\"greaterThanOrEqual\""), 9);
	assert_has(xml.buf, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
			    "state=\"frozen\"/>");
	strbuf_release(&xml);

	/* Per school, every year: both schools, 2000-2100, amounts as decimals. */
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_school, NULL, 0, fx->path, &e), 0);
	xml = zip_part(fx->path, "xl/worksheets/sheet1.xml");
	assert_has(xml.buf, "<formula1>\"T01,T02\"</formula1>");
	assert_has(xml.buf, "<formula1>2000</formula1><formula2>2100</formula2>");
	assert_int_equal(count_of(xml.buf, "type=\"decimal\" operator=\"greaterThanOrEqual\""), 2);
	strbuf_release(&xml);

	/* Majors not known: a six-character code. */
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, NULL, 2025, fx->path, &e), 0);
	xml = zip_part(fx->path, "xl/worksheets/sheet1.xml");
	assert_has(xml.buf, "<dataValidation type=\"textLength\" operator=\"equal\"");
	strbuf_release(&xml);
}

/* More schools than fit into a 255-character list: the codes go to a hidden
 * sheet, referenced by a workbook name. */
static void test_xlsx_long_list(void **state)
{
	struct fixture *fx = *state;
	struct strbuf xml, lists;
	char code[32];
	struct err e;

	assert_int_equal(store_begin(fx->s, &e), 0);
	for (int i = 0; i < 30; i++) {
		snprintf(code, sizeof(code), "330921S9%02d", i);
		assert_int_equal(store_run(fx->s, Q_ORG_INSERT, &e, "tttttittI", code, code, NULL,
					   "school", "中职", fx->district, "330921", "公办",
					   (int64_t)0),
				 0);
	}
	assert_int_equal(store_commit(fx->s, &e), 0);
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_school, NULL, 2025, fx->path, &e), 32);
	xml = zip_part(fx->path, "xl/workbook.xml");
	assert_has(xml.buf, "<sheet name=\"Lists\" sheetId=\"3\" state=\"hidden\"");
	assert_has(xml.buf, "<definedName name=\"tvet_schools\">'Lists'!$A$1:$A$32</definedName>");
	strbuf_release(&xml);
	xml = zip_part(fx->path, "xl/worksheets/sheet1.xml");
	assert_has(xml.buf, "<dataValidation type=\"list\"");
	assert_has(xml.buf, "sqref=\"A2:A1001\"><formula1>tvet_schools</formula1>");
	strbuf_release(&xml);
	lists = read_sheet(fx->path, "Lists", NULL, 0);
	assert_true(strncmp(lists.buf, "1:[330921S900]\n2:[330921S901]\n", 30) == 0);
	assert_has(lists.buf, "\n31:[T01]\n32:[T02]\n");
	strbuf_release(&lists);
}

/* A kind not kept by school: no rows, no school list; the codes it has are
 * described and checked for what can be checked in a cell. */
static void test_xlsx_enterprises(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got, want = {0};
	char sheet[64];
	struct err e;

	assert_int_equal(template_write_xlsx(NULL, &fx->enterprises, NULL, 0, fx->path, &e), 0);
	got = read_sheet(fx->path, NULL, sheet, sizeof(sheet));
	assert_string_equal(sheet, "Enterprises");
	header_line(&fx->enterprises, &want);
	assert_string_equal(strbuf_str(&got), strbuf_str(&want));
	strbuf_release(&got);
	got = zip_part(fx->path, "xl/worksheets/sheet1.xml");
	assert_has(got.buf, "<dataValidation type=\"textLength\" operator=\"equal\"");
	assert_has(got.buf, "sqref=\"A2:A1001\"><formula1>18</formula1>");
	strbuf_release(&got);
	got = read_sheet(fx->path, "Instructions", NULL, 0);
	assert_has(got.buf, "[Unified social credit code][uscc][unified social credit code, 18 "
			    "characters][yes]");
	assert_has(got.buf, "one row per enterprise");
	strbuf_release(&got);
	strbuf_release(&want);
}

static void test_xlsx_chinese(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got;
	char sheet[64];
	struct err e;

	if (!setlocale(LC_ALL, "zh_CN.UTF-8"))
		skip();
	setenv("LC_ALL", "zh_CN.UTF-8", 1);
	i18n_init(TVET_LOCALEDIR);
	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, "T01", 2025, fx->path, &e), 2);
	setenv("LC_ALL", "C", 1);
	i18n_init(TVET_LOCALEDIR);
	got = read_sheet(fx->path, NULL, sheet, sizeof(sheet));
	assert_string_equal(sheet, "学校分专业年度统计");
	assert_true(strncmp(got.buf, "1:[学校代码][年度][专业代码][在校生数]", 30) == 0);
	strbuf_release(&got);
}

/* ---- the template imports ---- */

/* Copy the first sheet of the template at from to a new workbook at to,
 * filling each pre-filled row's empty cells with values[row][...] (numbers)
 * and keeping the keys as the template has them. */
static void fill_copy(const char *from, const char *to, const double values[][8], size_t n)
{
	struct xlsx_reader *r = NULL;
	lxw_workbook *wb = workbook_new(to);
	lxw_worksheet *ws;
	struct err e;
	size_t row = 0;

	assert_non_null(wb);
	assert_int_equal(xlsx_reader_open(&r, from, NULL, &e), 0);
	ws = workbook_add_worksheet(wb, xlsx_reader_sheet(r));
	while (xlsx_reader_next(r, &e) == 1) {
		size_t v = 0;

		for (size_t i = 0; i < 11; i++) {
			const char *cell = xlsx_reader_field(r, i);

			if (*cell || !row)
				worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)i, cell,
						       NULL);
			else if (row <= n && v < 8)
				worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)i,
						       values[row - 1][v++], NULL);
		}
		row++;
	}
	xlsx_reader_free(r);
	assert_int_equal(row, n + 1);
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

static void test_template_imports(void **state)
{
	struct fixture *fx = *state;
	/* 660103, 700101: enrolment, entrants, graduates, 升学专科, 升学本科, 本地,
	 * 外地, 未就业 */
	static const double good[][8] = {{120, 40, 38, 20, 2, 10, 4, 2},
					 {90, 30, 25, 15, 0, 8, 2, 0}};
	struct import_options o = {0};
	struct import_report rep;
	char filled[160];
	struct err e;

	assert_int_equal(template_write_xlsx(fx->s, &fx->by_major, "T01", 2025, fx->path, &e), 2);
	/* As it is: every empty value of the two rows is reported, nothing else. */
	o.path = fx->path;
	o.who = "test";
	assert_int_equal(import_file(fx->s, &fx->by_major, &o, &rep, &e), ERR_INPUT);
	assert_int_equal(rep.errors, 16);
	for (size_t i = 0; i < rep.nissues; i++) {
		assert_string_equal(rep.issues[i].rule, "required");
		assert_int_equal(rep.issues[i].row, 2 + i / 8);
	}
	import_report_release(&rep);

	snprintf(filled, sizeof(filled), "%s/filled.xlsx", fx->dir);
	fill_copy(fx->path, filled, good, 2);
	o.path = filled;
	assert_int_equal(import_file(fx->s, &fx->by_major, &o, &rep, &e), 0);
	assert_int_equal(rep.rows, 2);
	assert_int_equal(rep.errors, 0);
	import_report_release(&rep);
	assert_true(value_of(fx, "enrolment", "major=660103") == 120);
	assert_true(value_of(fx, "enrolment", "") == 210);
	assert_true(value_of(fx, "graduates", "destination=升学专科") == 35);
}

/* ---- CSV ---- */

static void test_csv(void **state)
{
	struct fixture *fx = *state;
	char path[160];
	struct strbuf got;
	struct err e;
	FILE *f;

	snprintf(path, sizeof(path), "%s/t.csv", fx->dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(template_write_csv(NULL, &fx->by_major, NULL, 0, f, &e), 0);
	assert_int_equal(template_write_csv(fx->s, &fx->by_major, "T01", 2025, f, &e), 2);
	assert_int_equal(template_write_csv(fx->s, &fx->by_school, NULL, 2025, f, &e), 2);
	assert_int_equal(template_write_csv(fx->s, &fx->by_school, "NOPE", 2025, f, &e),
			 ERR_NOTFOUND);
	fclose(f);
	got = testlib_slurp(path);
	assert_string_equal(got.buf,
			    "School code,Year,Major code,Full-time enrolment,New entrants,"
			    "Graduates,Progressed to higher vocational,Progressed to bachelor "
			    "level,Employed in the city,Employed elsewhere,Not employed,"
			    "Final-year students\r\n"
			    "School code,Year,Major code,Full-time enrolment,New entrants,"
			    "Graduates,Progressed to higher vocational,Progressed to bachelor "
			    "level,Employed in the city,Employed elsewhere,Not employed,"
			    "Final-year students\r\n"
			    "T01,2025,660103,,,,,,,,,\r\n"
			    "T01,2025,700101,,,,,,,,,\r\n"
			    "School code,Year,School places,Students who left,Employed in their "
			    "field,Hired by partner enterprises,Sum of monthly starting pay "
			    "(CNY),Employed graduates with known pay,Social training "
			    "person-times,Social training hours,Social training revenue (10k "
			    "CNY),Full-time teachers\r\n"
			    "T01,2025,,,,,,,,,,\r\n"
			    "T02,2025,,,,,,,,,,\r\n");
	strbuf_release(&got);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_names),
		T(test_xlsx_by_major),
		T(test_xlsx_by_school),
		T(test_xlsx_unknown_school),
		T(test_xlsx_validations),
		T(test_xlsx_long_list),
		T(test_xlsx_enterprises),
		T(test_xlsx_chinese),
		T(test_template_imports),
		T(test_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
