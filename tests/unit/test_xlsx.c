/* test_xlsx.c - the streaming XLSX reader (ingest/xlsx.h).
 *
 * Workbooks are made by the test itself in a private directory under /tmp:
 * with libxlsxwriter (the way a real writer lays a file out: shared or, in
 * constant_memory mode, inline strings, number formats, several sheets, a
 * chart sheet) and, for what libxlsxwriter never writes (rich inline text,
 * t="str"/"e"/"d" cells, cells without references, the 1904 date system,
 * East Asian built-in formats, malformed or hostile parts), as tiny zips
 * from literal XML with libzip. Every read is written out as
 * "row:[field][field]...\n" lines, so row numbers and values are checked
 * together; errors are checked by code, file, row, column and message.
 *
 * The test includes xlsx.c, with the byte caps lowered, so that the zip-bomb
 * and cap tests stay fast and the static helpers (number and date text,
 * format codes, cell references, escapes) can be tested directly. Excel's
 * own limits (rows, columns, characters per cell) are tested at their real
 * values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#define XLSX_SHEET_BYTES_MAX (8u << 20)
#define XLSX_SST_BYTES_MAX (1u << 20)
#define XLSX_SST_COUNT_MAX 40000u
#define XLSX_ROW_BYTES_MAX (1u << 20)
#include "ingest/xlsx.c"

#include "core/err.h"
#include "core/mem.h"
#include "unit/testlib.h"

/* ---- fixture: a private directory and the reader under test ---- */

struct fixture {
	char dir[64];
	char path[128]; /* <dir>/t.xlsx, the workbook a test writes */
	struct xlsx_reader *r;
	struct strbuf got;
	size_t rows;
	const void *c; /* the case of a table-driven test */
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));

	fx->c = *state;
	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "xlsx") < 0)
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/t.xlsx", fx->dir);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	int rc = testlib_rmtree(fx->dir);

	xlsx_reader_free(fx->r);
	strbuf_release(&fx->got);
	free(fx);
	return rc;
}

/* Open fx->path (sheet, or the first) and read every row into fx->got as
 * "row:[f1][f2]...\n". Returns 0 at the end of the sheet, or the error of
 * xlsx_reader_open() or of the xlsx_reader_next() that failed. */
static int read_all(struct fixture *fx, const char *sheet, struct err *e)
{
	int rc;

	err_clear(e);
	xlsx_reader_free(fx->r);
	fx->r = NULL;
	strbuf_reset(&fx->got);
	fx->rows = 0;
	rc = xlsx_reader_open(&fx->r, fx->path, sheet, e);
	if (rc < 0) {
		assert_null(fx->r);
		return rc;
	}
	while ((rc = xlsx_reader_next(fx->r, e)) == 1) {
		fx->rows++;
		strbuf_addf(&fx->got, "%zu:", xlsx_reader_line(fx->r));
		for (size_t i = 0; i < xlsx_reader_nfields(fx->r); i++)
			strbuf_addf(&fx->got, "[%s]", xlsx_reader_field(fx->r, i));
		strbuf_addch(&fx->got, '\n');
	}
	return rc;
}

static void assert_read(struct fixture *fx, const char *sheet, const char *want)
{
	struct err e;
	int rc = read_all(fx, sheet, &e);

	if (rc != 0 || strcmp(strbuf_str(&fx->got), want) != 0)
		print_error("rc %d (%s), got\n%s\nwant\n%s\n", rc, e.msg, strbuf_str(&fx->got),
			    want);
	assert_int_equal(rc, 0);
	assert_string_equal(strbuf_str(&fx->got), want);
	/* the end stays the end */
	assert_int_equal(xlsx_reader_next(fx->r, &e), 0);
	assert_int_equal(xlsx_reader_nfields(fx->r), 0);
}

/* rc and e are the error code, the file is the workbook, and the message
 * has fragment (and fragment2, unless NULL). */
static void assert_error(struct fixture *fx, int rc, const struct err *e, int code,
			 const char *fragment, const char *fragment2)
{
	if (rc != code || !strstr(e->msg, fragment) || (fragment2 && !strstr(e->msg, fragment2)))
		print_error("rc %d, want %d; message: %s\nwant: %s%s%s\n", rc, code, e->msg,
			    fragment, fragment2 ? " ... " : "", fragment2 ? fragment2 : "");
	assert_int_equal(rc, code);
	assert_int_equal(e->code, code);
	assert_string_equal(e->file, fx->path);
	assert_non_null(strstr(e->msg, fragment));
	if (fragment2)
		assert_non_null(strstr(e->msg, fragment2));
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static struct strbuf read_file(const char *path)
{
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return sb;
}

/* ---- zips from literal XML ---- */

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define WORKBOOK(pr, sheets)                                                                       \
	XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">" pr "<sheets>" sheets    \
		 "</sheets></workbook>"
#define SHEET_REF(name, id) "<sheet name=\"" name "\" sheetId=\"1\" r:id=\"" id "\"/>"
#define RELS(items) XML_DECL "<Relationships xmlns=\"" NS_PKG "\">" items "</Relationships>"
#define REL(id, type, target)                                                                      \
	"<Relationship Id=\"" id "\" Type=\"" NS_REL "/" type "\" Target=\"" target "\"/>"
#define SHEET(rows)                                                                                \
	XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>" rows "</sheetData></worksheet>"
#define SST(items) XML_DECL "<sst xmlns=\"" NS_MAIN "\">" items "</sst>"
/* A cellStyleXfs entry that shows a date comes first: it must not count. */
#define STYLES(numfmts, xfs)                                                                       \
	XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts>" numfmts "</numFmts>"                \
		 "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>" xfs     \
		 "</cellXfs></styleSheet>"
#define INLINE(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

static const char default_workbook[] = WORKBOOK("", SHEET_REF("Sheet1", "rId1"));
static const char default_rels[] = RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml") REL(
	"rId2", "sharedStrings", "sharedStrings.xml") REL("rId3", "styles", "styles.xml"));
/* As a part of struct book: leave the part out. */
static const char omit[] = "(omit)";

/* The parts of a workbook; NULL workbook and rels are the defaults above,
 * NULL sheet, sst and styles leave those parts out. */
struct book {
	const char *workbook, *rels, *sheet, *sst, *styles;
};

struct part {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
};

/* Write a zip of the n parts (those with a name and data) to path. */
static void write_zip(const char *path, const struct part *parts, size_t n)
{
	int zcode = 0;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zcode);

	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		const struct part *p = &parts[i];
		zip_source_t *src;
		zip_int64_t idx;

		if (!p->name || !p->data || p->data == omit)
			continue;
		src = zip_source_buffer(za, p->data, p->len ? p->len : strlen(p->data), 0);
		assert_non_null(src);
		idx = zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1),
				 0);
	}
	assert_int_equal(zip_close(za), 0);
}

static void write_book(const char *path, const struct book *b)
{
	const struct part parts[] = {
		{"[Content_Types].xml", XML_DECL "<Types/>", 0},
		{"xl/workbook.xml", b->workbook ? b->workbook : default_workbook, 0},
		{"xl/_rels/workbook.xml.rels", b->rels ? b->rels : default_rels, 0},
		{"xl/worksheets/sheet1.xml", b->sheet, 0},
		{"xl/sharedStrings.xml", b->sst, 0},
		{"xl/styles.xml", b->styles, 0},
	};

	write_zip(path, parts, sizeof(parts) / sizeof(parts[0]));
}

/* ---- workbooks from libxlsxwriter ---- */

struct writer_case {
	const char *name;
	int constant_memory; /* libxlsxwriter then writes inline strings */
};

static const struct writer_case writer_cases[] = {
	{"shared strings", 0},
	{"inline strings (constant_memory)", 1},
};

static lxw_workbook *writer_open(struct fixture *fx, int constant_memory)
{
	lxw_workbook_options o = {.constant_memory = (uint8_t)constant_memory, .tmpdir = fx->dir};
	lxw_workbook *wb = workbook_new_opt(fx->path, &o);

	assert_non_null(wb);
	return wb;
}

static lxw_format *writer_format(lxw_workbook *wb, const char *num_format)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_num_format(f, num_format);
	return f;
}

/* What the importer sees of every kind of value libxlsxwriter writes. */
static void test_writer_values(void **state)
{
	struct fixture *fx = *state;
	const struct writer_case *c = fx->c;
	lxw_workbook *wb = writer_open(fx, c->constant_memory);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "数据");
	lxw_format *ymd = writer_format(wb, "yyyy-mm-dd");
	lxw_format *ymd_hms = writer_format(wb, "yyyy-mm-dd hh:mm:ss");
	lxw_format *hm = writer_format(wb, "hh:mm");
	lxw_format *chinese = writer_format(wb, "yyyy\"年\"m\"月\"d\"日\"");
	lxw_format *builtin14 = workbook_add_format(wb);
	lxw_format *bold = workbook_add_format(wb);
	lxw_datetime day = {2024, 9, 1, 0, 0, 0}, moment = {2024, 9, 1, 8, 30, 15};
	lxw_datetime noon = {0, 0, 0, 12, 0, 0};
	lxw_datetime mar1900 = {1900, 3, 1, 0, 0, 0}, jan1900 = {1900, 1, 1, 0, 0, 0};
	char text1[] = "粗", text2[] = "体"; /* lxw_rich_string_tuple wants char * */
	lxw_rich_string_tuple run1 = {.format = bold, .string = text1};
	lxw_rich_string_tuple run2 = {.format = NULL, .string = text2};
	lxw_rich_string_tuple *runs[] = {&run1, &run2, NULL};
	const char *header[] = {"学校代码", "学校名称", "毕业生人数", "就业率", "在校"};

	format_set_num_format_index(builtin14, 14);
	format_set_bold(bold);
	for (lxw_col_t i = 0; i < 5; i++)
		worksheet_write_string(ws, 0, i, header[i], NULL);
	worksheet_write_string(ws, 1, 0, "3101001", NULL);
	worksheet_write_string(ws, 1, 1, "上海市第一职业学校", NULL);
	worksheet_write_number(ws, 1, 2, 120, NULL);
	worksheet_write_number(ws, 1, 3, 55.5, NULL);
	worksheet_write_boolean(ws, 1, 4, 1, NULL);
	/* row 3 (index 2) is left out */
	worksheet_write_string(ws, 3, 1, "中间", NULL);
	worksheet_write_number(ws, 3, 4, 0.1, NULL);
	worksheet_write_number(ws, 4, 0, -3, NULL);
	worksheet_write_number(ws, 4, 1, 1e20, NULL);
	worksheet_write_number(ws, 4, 2, 1.0 / 3, NULL);
	worksheet_write_number(ws, 4, 3, 2.5e-7, NULL);
	worksheet_write_number(ws, 4, 4, -0.0, NULL);
	worksheet_write_number(ws, 4, 5, 12345678901.0, NULL);
	worksheet_write_boolean(ws, 4, 6, 0, NULL);
	worksheet_write_datetime(ws, 5, 0, &day, ymd);
	worksheet_write_datetime(ws, 5, 1, &moment, ymd_hms);
	worksheet_write_datetime(ws, 5, 2, &noon, hm);
	worksheet_write_datetime(ws, 5, 3, &day, chinese);
	worksheet_write_datetime(ws, 5, 4, &day, builtin14);
	worksheet_write_number(ws, 5, 5, 45536, writer_format(wb, "0.00"));
	worksheet_write_number(ws, 5, 6, 3.5, writer_format(wb, "0.0\" d\""));
	worksheet_write_number(ws, 5, 7, 45536, writer_format(wb, "[Red]0"));
	worksheet_write_datetime(ws, 5, 8, &mar1900, ymd);
	worksheet_write_datetime(ws, 5, 9, &jan1900, ymd);
	/* a formatted cell with no value: the row reads as empty */
	worksheet_write_blank(ws, 6, 0, ymd);
	worksheet_write_formula_str(ws, 7, 0, "=A1", NULL, "学校代码");
	worksheet_write_formula_num(ws, 7, 1, "=1+1", NULL, 2);
	worksheet_write_rich_string(ws, 7, 2, runs, NULL);
	worksheet_write_string(ws, 8, 0, "  两端空格  ", NULL);
	worksheet_write_string(ws, 8, 1, "一行\n二行", NULL);
	worksheet_write_string(ws, 8, 2, "a\r\nb", NULL);
	worksheet_write_string(ws, 8, 3, "tab\t", NULL);
	worksheet_write_string(ws, 1048575, 2, "最后一行", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

	assert_read(fx, NULL,
		    "1:[学校代码][学校名称][毕业生人数][就业率][在校]\n"
		    "2:[3101001][上海市第一职业学校][120][55.5][1]\n"
		    "4:[][中间][][][0.1]\n"
		    "5:[-3][1e+20][0.3333333333333333][2.5e-07][0][12345678901][0]\n"
		    "6:[2024-09-01][2024-09-01 08:30:15][12:00:00][2024-09-01][2024-09-01]"
		    "[45536][3.5][45536][1900-03-01][1900-01-01]\n"
		    "8:[学校代码][2][粗体]\n"
		    "9:[  两端空格  ][一行\n二行][a\r\nb][tab\t]\n"
		    "1048576:[][][最后一行]\n");
	assert_string_equal(xlsx_reader_sheet(fx->r), "数据");
	assert_string_equal(xlsx_reader_name(fx->r), fx->path);
}

/* The last cell Excel has: XFD1048576. */
static void test_writer_last_cell(void **state)
{
	struct fixture *fx = *state;
	lxw_workbook *wb = writer_open(fx, 0);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	struct err e;

	worksheet_write_string(ws, 1048575, 16383, "end", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(xlsx_reader_open(&fx->r, fx->path, NULL, &e), 0);
	assert_int_equal(xlsx_reader_next(fx->r, &e), 1);
	assert_int_equal(xlsx_reader_line(fx->r), 1048576);
	assert_int_equal(xlsx_reader_nfields(fx->r), 16384);
	assert_string_equal(xlsx_reader_field(fx->r, 16383), "end");
	assert_string_equal(xlsx_reader_field(fx->r, 0), "");
	assert_string_equal(xlsx_reader_field(fx->r, 16384), "");
	assert_int_equal(xlsx_reader_next(fx->r, &e), 0);
}

/* Several sheets: the first by default, one by name (exactly, then ignoring
 * ASCII case as Excel does), a chart sheet, a name that is not there. */
struct sheet_case {
	const char *name;
	const char *sheet; /* asked for */
	int code;
	const char *want; /* rows, or a fragment of the error */
	const char *want2;
};

static const struct sheet_case sheet_cases[] = {
	{"first by default", NULL, 0, "1:[a]\n", NULL},
	{"by Chinese name", "毕业生", 0, "2:[b]\n", NULL},
	{"by name, ignoring case", "data", 0, "1:[c][d]\n", NULL},
	{"chart sheet", "图表", ERR_INPUT, "sheet '图表' is not a worksheet", NULL},
	{"not there", "招生", ERR_NOTFOUND, "has no sheet '招生'",
	 "(its sheets: 'Sheet1', '毕业生', 'Data', '图表')"},
};

static void test_writer_sheets(void **state)
{
	struct fixture *fx = *state;
	const struct sheet_case *c = fx->c;
	lxw_workbook *wb = writer_open(fx, 0);
	lxw_worksheet *ws1 = workbook_add_worksheet(wb, "Sheet1");
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "毕业生");
	lxw_worksheet *ws3 = workbook_add_worksheet(wb, "Data");
	struct err e;
	int rc;

	workbook_add_chartsheet(wb, "图表");
	worksheet_write_string(ws1, 0, 0, "a", NULL);
	worksheet_write_string(ws2, 1, 0, "b", NULL);
	worksheet_write_string(ws3, 0, 0, "c", NULL);
	worksheet_write_string(ws3, 0, 1, "d", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	if (!c->code) {
		assert_read(fx, c->sheet, c->want);
		if (c->sheet)
			assert_true(strcasecmp(xlsx_reader_sheet(fx->r), c->sheet) == 0);
		return;
	}
	rc = read_all(fx, c->sheet, &e);
	assert_error(fx, rc, &e, c->code, c->want, c->want2);
}

/* Many rows, so that the sheet is inflated and parsed in many chunks and the
 * parser is suspended and resumed at every row: every value and row number
 * must come through, skipped rows included. */
static void test_writer_many_rows(void **state)
{
	enum { NROWS = 20000 };
	struct fixture *fx = *state;
	const struct writer_case *c = fx->c;
	lxw_workbook *wb = writer_open(fx, c->constant_memory);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *ymd = writer_format(wb, "yyyy-mm-dd");
	char want[64];
	struct err e;
	size_t n = 0;
	int rc;

	for (lxw_row_t i = 0; i < NROWS; i++) {
		char school[32];

		snprintf(school, sizeof(school), "学校%03u", (unsigned)(i % 1000));
		/* every other row is left out */
		worksheet_write_string(ws, 2 * i, 0, school, NULL);
		worksheet_write_number(ws, 2 * i, 1, i, NULL);
		worksheet_write_number(ws, 2 * i, 2, i + 0.25, NULL);
		worksheet_write_number(ws, 2 * i, 3, 45536 + i % 1000, ymd);
		worksheet_write_boolean(ws, 2 * i, 5, (int)(i % 2), NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(xlsx_reader_open(&fx->r, fx->path, NULL, &e), 0);
	while ((rc = xlsx_reader_next(fx->r, &e)) == 1) {
		long long y;
		unsigned m, d;

		assert_int_equal(xlsx_reader_line(fx->r), 2 * n + 1);
		assert_int_equal(xlsx_reader_nfields(fx->r), 6);
		snprintf(want, sizeof(want), "学校%03u", (unsigned)(n % 1000));
		assert_string_equal(xlsx_reader_field(fx->r, 0), want);
		snprintf(want, sizeof(want), "%zu", n);
		assert_string_equal(xlsx_reader_field(fx->r, 1), want);
		snprintf(want, sizeof(want), "%zu.25", n);
		assert_string_equal(xlsx_reader_field(fx->r, 2), want);
		xlsx_civil_from_days(19967 + (long long)(n % 1000), &y, &m, &d);
		snprintf(want, sizeof(want), "%04lld-%02u-%02u", y, m, d);
		assert_string_equal(xlsx_reader_field(fx->r, 3), want);
		assert_string_equal(xlsx_reader_field(fx->r, 4), "");
		assert_string_equal(xlsx_reader_field(fx->r, 5), n % 2 ? "1" : "0");
		n++;
	}
	if (rc < 0)
		print_error("%s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(n, NROWS);
}

/* ---- literal workbooks that read well ---- */

struct good_case {
	const char *name;
	struct book b;
	const char *want;
};

static const char date_styles[] = STYLES(
	"<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"0.0&quot; days&quot;\"/>"
	"<numFmt numFmtId=\"166\" formatCode=\"[h]:mm:ss\"/>"
	"<numFmt numFmtId=\"167\" formatCode=\"[Red][&lt;0]0;[$-804]General\"/>"
	"<numFmt numFmtId=\"31\" formatCode=\"0.00\"/>",
	/* 0 */ "<xf numFmtId=\"0\"/>"
		/* 1 */ "<xf numFmtId=\"14\"/>"
		/* 2 */ "<xf numFmtId=\"22\"/>"
		/* 3 */ "<xf numFmtId=\"20\"/>"
		/* 4 */ "<xf numFmtId=\"164\"/>"
		/* 5 */ "<xf numFmtId=\"165\"/>"
		/* 6 */ "<xf numFmtId=\"166\"/>"
		/* 7 */ "<xf numFmtId=\"167\"/>"
		/* 8: a built-in date id the file redefines as a number */
		"<xf numFmtId=\"31\"/>"
		/* 9: zh-CN built-in m"月"d"日" */
		"<xf numFmtId=\"58\"/>"
		/* 10 */ "<xf numFmtId=\"4\"/>"
		/* 11: zh-CN built-in h"时"mm"分" */
		"<xf numFmtId=\"32\"/>");

static const struct good_case good_cases[] = {
	{"inline rich text, formula strings, errors, ISO dates",
	 {.sheet = SHEET("<row r=\"2\">" INLINE(
		  "A2",
		  "内联") "<c r=\"C2\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>粗</t></r>"
			  "<r><t xml:space=\"preserve\"> 体 </t></r>"
			  "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></is></c></row>"
			  "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>A2&amp;\"x\"</f><v>内联x</v></c>"
			  "<c r=\"B3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"C3\" t=\"e\">"
			  "<v>#N/A</v></c><c r=\"D3\" "
			  "t=\"d\"><v>2024-09-01T00:00:00</v></c></row>")},
	 "2:[内联][][粗 体 ]\n3:[内联x][#DIV/0!][#N/A][2024-09-01T00:00:00]\n"},
	{"cells and rows without references",
	 {.sheet = SHEET("<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>1</v></c></row>"
			 "<row r=\"5\"><c><v>2</v></c><c r=\"C5\"><v>3</v></c><c><v>4</v></c></row>"
			 "<row><c><v>5</v></c></row><row><c r=\"B9\"><v>6</v></c></row>")},
	 "1:[a][1]\n5:[2][][3][4]\n6:[5]\n9:[][6]\n"},
	{"empty cells and rows are skipped",
	 {.sheet = SHEET(
		  "<row r=\"1\"><c r=\"A1\" s=\"0\"/><c r=\"B1\" t=\"s\"/>"
		  "<c r=\"C1\"><v></v></c></row><row r=\"2\"/>"
		  "<row r=\"3\"><c r=\"D3\" t=\"inlineStr\"><is><t></t></is></c>"
		  "<c r=\"E3\" t=\"s\"><v>1</v></c></row>"
		  "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>0</v></c><c r=\"C4\" t=\"s\"><v>1</v></c>"
		  "<c r=\"D4\"/></row>"),
	  .sst = SST("<si><t>x</t></si><si><t/></si>")},
	 "4:[][x]\n"},
	{"escapes, entities and white space",
	 {.sheet = SHEET("<row r=\"1\">" INLINE(
		  "A1", "") "<c r=\"B1\" t=\"inlineStr\"><is>"
			    "<t xml:space=\"preserve\">  two  spaces  </t></is></c>" INLINE(
				    "C1", "a_x000D__x000A_b") INLINE("D1", "_x005F_x0041_")
				    INLINE("E1", "&amp;&lt;&#x4E2D;&gt;") INLINE("F1",
										 "l1\nl2\tend")
					    INLINE("G1", "_x0000_ _xD800_ _x12G4_ _x00") "</row>")},
	 "1:[][  two  spaces  ][a\r\nb][_x0041_][&<中>][l1\nl2\tend][_x0000_ _xD800_ _x12G4_ "
	 "_x00]\n"},
	{"shared strings: plain, rich, phonetic, empty, escaped",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
			 "</c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
			 "<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>0</v></c></row>"),
	  .sst = SST("<si><t>纯文本</t></si>"
		     "<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 文本</t></r>"
		     "</si>"
		     "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh>"
		     "<phoneticPr fontId=\"1\"/></si>"
		     "<si><t/></si><si>\n  <t>x_x000D_y</t>\n</si>")},
	 "1:[纯文本][富 文本][漢字][][x\ry][纯文本]\n"},
	{"numbers normalised",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>42</v></c><c r=\"B1\"><v>42.0</v></c>"
			 "<c r=\"C1\" t=\"n\"><v>55.5</v></c><c r=\"D1\"><v>0.1</v></c>"
			 "<c r=\"E1\"><v>1.0000000000000001E-2</v></c><c r=\"F1\"><v>-0</v></c>"
			 "<c r=\"G1\"><v>1E+20</v></c><c r=\"H1\"><v>9007199254740993</v></c>"
			 "<c r=\"I1\"><v>0.30000000000000004</v></c><c r=\"J1\"><v>2.5E-7</v></c>"
			 "<c r=\"K1\"><v>-.5</v></c><c r=\"L1\"><v>+7</v></c></row>")},
	 "1:[42][42][55.5][0.1][0.01][0][1e+20][9007199254740992][0.30000000000000004]"
	 "[2.5e-07][-0.5][7]\n"},
	{"booleans",
	 {.sheet = SHEET(
		  "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v>"
		  "</c><c r=\"C1\" t=\"b\"><v>true</v></c><c r=\"D1\" t=\"b\"><v>false</v></c>"
		  "</row>")},
	 "1:[1][0][1][0]\n"},
	{"dates and times by cell style",
	 {.sheet = SHEET(
		  "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45536</v></c>"
		  "<c r=\"B1\" s=\"2\"><v>45536.354340277778</v></c><c r=\"C1\" "
		  "s=\"3\"><v>0.5</v></c>"
		  "<c r=\"D1\" s=\"4\"><v>45536</v></c><c r=\"E1\" s=\"5\"><v>3.5</v></c>"
		  "<c r=\"F1\" s=\"6\"><v>0.75</v></c><c r=\"G1\" s=\"7\"><v>45536</v></c>"
		  "<c r=\"H1\" s=\"8\"><v>45536</v></c><c r=\"I1\" s=\"9\"><v>45536</v></c>"
		  "<c r=\"J1\" s=\"10\"><v>1234.5</v></c><c r=\"K1\" s=\"99\"><v>45536</v></c>"
		  "<c r=\"L1\" s=\"0\"><v>45536</v></c><c r=\"M1\" "
		  "s=\"11\"><v>0.3541666666666667</v>"
		  "</c><c r=\"N1\" s=\"1\" t=\"s\"><v>0</v></c></row>"
		  "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>59</v></c>"
		  "<c r=\"C2\" s=\"1\"><v>60</v></c><c r=\"D2\" s=\"1\"><v>61</v></c>"
		  "<c r=\"E2\" s=\"1\"><v>0</v></c><c r=\"F2\" s=\"1\"><v>-1</v></c>"
		  "<c r=\"G2\" s=\"1\"><v>2958465</v></c><c r=\"H2\" s=\"1\"><v>2958466</v></c>"
		  "<c r=\"I2\" s=\"2\"><v>45536.999999999</v></c><c r=\"J2\" s=\"2\"><v>45536.5</v>"
		  "</c><c r=\"K2\" s=\"1\"><v/></c><c r=\"L2\" s=\"3\"><v>1.25</v></c></row>"),
	  .sst = SST("<si><t>45536</t></si>"),
	  .styles = date_styles},
	 "1:[2024-09-01][2024-09-01 08:30:15][12:00:00][2024-09-01][3.5][18:00:00][45536]"
	 "[45536][2024-09-01][1234.5][45536][45536][08:30:00][45536]\n"
	 "2:[1900-01-01][1900-02-28][1900-02-29][1900-03-01][00:00:00][-1][9999-12-31][2958466]"
	 "[2024-09-02][2024-09-01 12:00:00][][1900-01-01 06:00:00]\n"},
	{"1904 date system",
	 {.workbook = WORKBOOK("<workbookPr date1904=\"1\"/>", SHEET_REF("Sheet1", "rId1")),
	  .sheet = SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\">"
			 "<v>44074</v></c><c r=\"C1\" s=\"2\"><v>0.5</v></c><c r=\"D1\" s=\"3\">"
			 "<v>0.5</v></c><c r=\"E1\" s=\"1\"><v>59</v></c></row>"),
	  .styles = date_styles},
	 "1:[1904-01-01][2024-09-01][1904-01-01 12:00:00][12:00:00][1904-02-29]\n"},
	{"1904 date system written as true",
	 {.workbook = WORKBOOK("<workbookPr date1904=\"true\"/>", SHEET_REF("Sheet1", "rId1")),
	  .sheet = SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44074</v></c></row>"),
	  .styles = date_styles},
	 "1:[2024-09-01]\n"},
	{"prefixed and strict namespaces, extensions ignored",
	 {.workbook =
		  XML_DECL "<x:workbook xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" "
			   "xmlns:rel=\"http://purl.oclc.org/ooxml/officeDocument/relationships\">"
			   "<x:sheets><x:sheet name=\"S\" sheetId=\"1\" rel:id=\"rId1\"/>"
			   "</x:sheets></x:workbook>",
	  .sheet = XML_DECL "<x:worksheet xmlns:x=\"" NS_MAIN "\" xmlns:ext=\"urn:other\">"
			    "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>p"
			    "</x:t></x:is></x:c><ext:c r=\"B1\"><ext:v>9</ext:v></ext:c>"
			    "<x:c r=\"C1\"><x:v>3</x:v><x:extLst><ext:v>8</ext:v></x:extLst></x:c>"
			    "</x:row><ext:row r=\"2\"><x:c r=\"A2\"><x:v>1</x:v></x:c></ext:row>"
			    "</x:sheetData><x:extLst><x:row r=\"3\"/></x:extLst></x:worksheet>"},
	 "1:[p][][3]\n"},
	{"relationship targets: absolute, with '..'; a second sheet chosen by default order",
	 {.workbook = WORKBOOK("", SHEET_REF("Zweite", "rId7") SHEET_REF("Erste", "rId1")),
	  .rels = RELS(REL("rId1", "worksheet", "worksheets/sheet9.xml")
			       REL("rId7", "worksheet", "/xl/worksheets/../worksheets/sheet1.xml")
				       REL("rId2", "sharedStrings", "./sharedStrings.xml")),
	  .sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
	  .sst = SST("<si><t>via rels</t></si>")},
	 "1:[via rels]\n"},
	{"no shared strings, no styles, no rows",
	 {.sheet = XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData/></worksheet>"},
	 ""},
	{"no sheetData at all", {.sheet = XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"/>"}, ""},
};

static void test_good_book(void **state)
{
	struct fixture *fx = *state;
	const struct good_case *c = fx->c;

	write_book(fx->path, &c->b);
	assert_read(fx, NULL, c->want);
}

/* A part in UTF-16 (XML allows it; expat hands the text over as UTF-8). */
static void test_utf16_part(void **state)
{
	struct fixture *fx = *state;
	static const char sheet[] =
		"\xFF\xFE<\0w\0o\0r\0k\0s\0h\0e\0e\0t\0>\0<\0s\0h\0e\0e\0t\0D\0a\0t\0a\0>\0"
		"<\0r\0o\0w\0>\0<\0c\0 \0t\0=\0\"\0i\0n\0l\0i\0n\0e\0S\0t\0r\0\"\0>\0"
		"<\0i\0s\0>\0<\0t\0>\0\x2d\x4e\x87\x65<\0/\0t\0>\0<\0/\0i\0s\0>\0<\0/\0c\0>\0"
		"<\0/\0r\0o\0w\0>\0<\0/\0s\0h\0e\0e\0t\0D\0a\0t\0a\0>\0"
		"<\0/\0w\0o\0r\0k\0s\0h\0e\0e\0t\0>\0";
	const struct part parts[] = {
		{"xl/workbook.xml", default_workbook, 0},
		{"xl/_rels/workbook.xml.rels", default_rels, 0},
		{"xl/worksheets/sheet1.xml", sheet, sizeof(sheet) - 1},
	};

	write_zip(fx->path, parts, 3);
	assert_read(fx, NULL, "1:[中文]\n");
}

/* ---- literal workbooks that are refused ---- */

struct bad_case {
	const char *name;
	struct book b;
	int code;
	size_t good_rows;   /* rows read before the error */
	size_t row, column; /* where struct err puts it */
	const char *msg, *msg2;
};

static const struct bad_case bad_cases[] = {
	{"malformed sheet XML",
	 {.sheet = XML_DECL "<worksheet xmlns=\"" NS_MAIN
			    "\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\">"
			    "<v>1</v></c></row>\n<row r=\"2\"><c r=\"A2\"><v>2</v></row>\n"
			    "</sheetData></worksheet>"},
	 ERR_INPUT,
	 1,
	 0,
	 0,
	 "part 'xl/worksheets/sheet1.xml' is malformed XML at line 5, column 32",
	 "mismatched tag"},
	{"sheet XML cut short",
	 {.sheet = XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\">"
			    "<v>1</v></c></row><row r=\"2\">"},
	 ERR_INPUT,
	 1,
	 0,
	 0,
	 "part 'xl/worksheets/sheet1.xml' is malformed XML",
	 "no element found"},
	{"empty sheet part",
	 {.sheet = ""},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "part 'xl/worksheets/sheet1.xml' is malformed XML at line 1, column 1",
	 NULL},
	{"malformed workbook XML",
	 {.workbook = "<workbook><sheets></workbook>", .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "part 'xl/workbook.xml' is malformed XML at line 1, column 21",
	 NULL},
	{"malformed shared strings",
	 {.sheet = SHEET(""), .sst = SST("<si><t>a</si>")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "part 'xl/sharedStrings.xml' is malformed XML",
	 NULL},
	{"malformed styles",
	 {.sheet = SHEET(""), .styles = "<styleSheet>"},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "part 'xl/styles.xml' is malformed XML",
	 NULL},
	{"document type declaration (entity expansion)",
	 {.sheet =
		  XML_DECL "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
			   "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row><c "
			   "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>"},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "part 'xl/worksheets/sheet1.xml' has a document type declaration",
	 NULL},
	{"no sheets",
	 {.workbook = WORKBOOK("", ""), .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "has no sheets",
	 NULL},
	{"sheet without r:id",
	 {.workbook = WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" id=\"rId1\"/>"),
	  .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "a sheet in 'xl/workbook.xml' has no name or no r:id",
	 NULL},
	{"sheet part missing",
	 {.rels = RELS(REL("rId1", "worksheet", "worksheets/sheet9.xml")), .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "is damaged: part 'xl/worksheets/sheet9.xml' is missing",
	 NULL},
	{"sheet not in the relationships",
	 {.rels = RELS(REL("rId2", "worksheet", "worksheets/sheet1.xml")), .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "is damaged: sheet 'Sheet1' (rId1) has no part",
	 NULL},
	{"relationships missing",
	 {.rels = omit, .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "is not an XLSX workbook: it has no 'xl/_rels/workbook.xml.rels'",
	 NULL},
	{"macro sheet",
	 {.rels = RELS("<Relationship Id=\"rId1\" Type=\"http://schemas.microsoft.com/office/2006/"
		       "relationships/xlMacrosheet\" Target=\"worksheets/sheet1.xml\"/>"),
	  .sheet = SHEET("")},
	 ERR_INPUT,
	 0,
	 0,
	 0,
	 "sheet 'Sheet1' is not a worksheet",
	 NULL},
	{"shared string that does not exist",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\">"
			 "<c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c></row>"),
	  .sst = SST("<si><t>only</t></si>")},
	 ERR_INPUT,
	 1,
	 2,
	 2,
	 ":2:2: sheet 'Sheet1', cell B2: shared string '1' does not exist (there are 1)",
	 NULL},
	{"shared string index not a number",
	 {.sheet = SHEET("<row r=\"4\"><c r=\"C4\" t=\"s\"><v>x</v></c></row>")},
	 ERR_INPUT,
	 0,
	 4,
	 3,
	 "cell C4: shared string 'x' does not exist (there are 0)",
	 NULL},
	{"number that is not one",
	 {.sheet = SHEET("<row r=\"7\"><c r=\"AB7\"><v>12abc</v></c></row>")},
	 ERR_INPUT,
	 0,
	 7,
	 28,
	 "cell AB7: '12abc' is not a number",
	 NULL},
	{"number: infinity",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>inf</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 1,
	 "cell A1: 'inf' is not a number",
	 NULL},
	{"number: overflow",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>1e999</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 1,
	 "cell A1: '1e999' is not a number",
	 NULL},
	{"number: hex",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>0x10</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 1,
	 "cell A1: '0x10' is not a number",
	 NULL},
	{"number: leading space",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v> 1</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 1,
	 "cell A1: ' 1' is not a number",
	 NULL},
	{"boolean that is not one",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"B1\" t=\"b\"><v>yes</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 2,
	 "cell B1: 'yes' is not a boolean",
	 NULL},
	{"unknown cell type",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"q\"><v>1</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 1,
	 "cell A1: unknown cell type 'q'",
	 NULL},
	{"column past XFD",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 0,
	 "sheet 'Sheet1', row 1: cell reference 'XFE1' is not one from A1 to "
	 "XFD1048576",
	 NULL},
	{"row past 1048576",
	 {.sheet = SHEET("<row r=\"1048577\"><c><v>1</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 0,
	 "row number '1048577' is not one from 1 to 1048576",
	 NULL},
	{"cell reference past row 1048576",
	 {.sheet = SHEET("<row><c r=\"A1048577\"><v>1</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 0,
	 "cell reference 'A1048577' is not one",
	 NULL},
	{"row past 1048576 by counting",
	 {.sheet = SHEET("<row r=\"1048576\"><c><v>1</v></c></row><row><c><v>2</v></c></row>")},
	 ERR_INPUT,
	 1,
	 1048577,
	 0,
	 "more than 1048576 rows",
	 NULL},
	{"row number not a number",
	 {.sheet = SHEET("<row r=\"x1\"/>")},
	 ERR_INPUT,
	 0,
	 1,
	 0,
	 "row number 'x1' is not one from 1 to 1048576",
	 NULL},
	{"rows out of order",
	 {.sheet = SHEET("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"><c><v>2</v></c></row>")},
	 ERR_INPUT,
	 1,
	 3,
	 0,
	 "sheet 'Sheet1', row 3: out of order: it comes after row 5",
	 NULL},
	{"row repeated",
	 {.sheet = SHEET("<row r=\"5\"><c><v>1</v></c></row><row r=\"5\"><c><v>2</v></c></row>")},
	 ERR_INPUT,
	 1,
	 5,
	 0,
	 "row 5: out of order: it comes after row 5",
	 NULL},
	{"cells out of order",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 2,
	 "cell B1: out of order: it comes after cell C1",
	 NULL},
	{"cell not in its row",
	 {.sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>")},
	 ERR_INPUT,
	 0,
	 1,
	 0,
	 "cell 'B2' is not in this row",
	 NULL},
};

static void test_bad_book(void **state)
{
	struct fixture *fx = *state;
	const struct bad_case *c = fx->c;
	struct err e;
	int rc;

	write_book(fx->path, &c->b);
	rc = read_all(fx, NULL, &e);
	if (rc != c->code || fx->rows != c->good_rows || e.row != c->row || e.column != c->column)
		print_error("rc %d after %zu rows, at %zu:%zu: %s\n", rc, fx->rows, e.row, e.column,
			    e.msg);
	assert_error(fx, rc, &e, c->code, c->msg, c->msg2);
	assert_int_equal(fx->rows, c->good_rows);
	assert_int_equal(e.row, c->row);
	assert_int_equal(e.column, c->column);
	if (fx->r) {
		/* after an error, every call fails */
		assert_int_equal(xlsx_reader_next(fx->r, &e), c->code);
		assert_non_null(strstr(e.msg, "cannot read on after an earlier error"));
		assert_int_equal(xlsx_reader_nfields(fx->r), 0);
	}
}

/* ---- files that are no XLSX workbook ---- */

struct raw_case {
	const char *name;
	const char *bytes; /* the whole file; NULL: no file at all */
	size_t len;	   /* 0: strlen(bytes) */
	int code;
	const char *msg; /* after "'<path>' " */
};

static const struct raw_case raw_cases[] = {
	{"CSV renamed .xlsx", "学校代码,学校名称\n3101001,上海市第一职业学校\n", 0, ERR_INPUT,
	 "is not an XLSX file (not a zip archive)"},
	{"random bytes", "\x8f\x13\xa2\x00\x7f\xee\x01\x02\x03\x04\x05\x06\x07\x08", 14, ERR_INPUT,
	 "is not an XLSX file (not a zip archive)"},
	{"empty file", "", 0, ERR_INPUT, "is not an XLSX file (not a zip archive): it is empty"},
	{"old .xls or encrypted workbook (OLE compound file)",
	 "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24, ERR_INPUT,
	 "is not an XLSX file (not a zip archive): it is an Excel 97-2003 .xls file or a "
	 "workbook with a password"},
	{"zip signature and nothing more", "PK\3\4\0\0\0\0", 8, ERR_INPUT,
	 "is truncated or damaged: its zip directory is missing"},
	{"no such file", NULL, 0, ERR_IO, "No such file or directory"},
};

static void test_raw_file(void **state)
{
	struct fixture *fx = *state;
	const struct raw_case *c = fx->c;
	char want[512];
	struct err e;
	int rc;

	if (c->bytes)
		write_file(fx->path, c->bytes, c->len ? c->len : strlen(c->bytes));
	rc = read_all(fx, NULL, &e);
	if (c->code == ERR_IO)
		snprintf(want, sizeof(want), "cannot open '%s': %s", fx->path, c->msg);
	else
		snprintf(want, sizeof(want), "'%s' %s", fx->path, c->msg);
	assert_error(fx, rc, &e, c->code, want, NULL);
}

/* A zip without xl/workbook.xml: some other zip, or another OOXML file. */
static void test_zip_not_workbook(void **state)
{
	struct fixture *fx = *state;
	const struct part parts[] = {
		{"[Content_Types].xml", XML_DECL "<Types/>", 0},
		{"word/document.xml", XML_DECL "<document/>", 0},
	};
	char want[256];
	struct err e;

	write_zip(fx->path, parts, 2);
	snprintf(want, sizeof(want), "'%s' is not an XLSX workbook: it has no 'xl/workbook.xml'",
		 fx->path);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT, want, NULL);
}

/* A real workbook cut short at several places. */
static void test_truncated(void **state)
{
	struct fixture *fx = *state;
	lxw_workbook *wb = writer_open(fx, 0);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	static const double cut[] = {0.9, 0.5, 0.1};
	struct strbuf whole;
	char want[256];
	struct err e;

	for (lxw_row_t i = 0; i < 200; i++)
		worksheet_write_number(ws, i, 0, i, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	whole = read_file(fx->path);
	snprintf(want, sizeof(want), "'%s' is truncated or damaged", fx->path);
	for (size_t i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		write_file(fx->path, whole.buf, (size_t)((double)whole.len * cut[i]));
		assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT, want, NULL);
	}
	strbuf_release(&whole);
}

/* Offset of the data of the zip entry name: the local file header is found
 * by its signature and name. */
static size_t zip_data_offset(const struct strbuf *zip, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i + 30 + n <= zip->len; i++) {
		const unsigned char *p = (const unsigned char *)zip->buf + i;
		size_t name_len = p[26] | (size_t)p[27] << 8, extra = p[28] | (size_t)p[29] << 8;

		if (memcmp(p, "PK\3\4", 4) == 0 && name_len == n && memcmp(p + 30, name, n) == 0)
			return i + 30 + n + extra;
	}
	fail_msg("no entry '%s' in the zip", name);
	return 0;
}

/* The directory is whole, but the compressed sheet is damaged. */
static void test_damaged_part(void **state)
{
	struct fixture *fx = *state;
	lxw_workbook *wb = writer_open(fx, 0);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	struct strbuf zip;
	size_t off;
	struct err e;

	for (lxw_row_t i = 0; i < 2000; i++)
		worksheet_write_number(ws, i, 0, i * 7.5, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	zip = read_file(fx->path);
	off = zip_data_offset(&zip, "xl/worksheets/sheet1.xml");
	for (size_t i = 100; i < 140; i++)
		zip.buf[off + i] = (char)~zip.buf[off + i];
	write_file(fx->path, zip.buf, zip.len);
	strbuf_release(&zip);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT, "is truncated or damaged",
		     "part 'xl/worksheets/sheet1.xml' cannot be read");
}

/* ---- caps ---- */

static void repeat(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(sb, s);
}

/* Write a workbook whose one sheet holds rows (and xmlns:x="urn:x" for
 * extension elements); rows is released. */
static void write_rows(struct fixture *fx, struct strbuf *rows)
{
	struct strbuf sheet = {0};

	strbuf_addstr(&sheet, XML_DECL "<worksheet xmlns=\"" NS_MAIN "\" xmlns:x=\"urn:x\">"
				       "<sheetData>");
	strbuf_add(&sheet, rows->buf, rows->len);
	strbuf_addstr(&sheet, "</sheetData></worksheet>");
	write_book(fx->path, &(struct book){.sheet = sheet.buf});
	strbuf_release(&sheet);
	strbuf_release(rows);
}

/* One inline-string cell in a row: its text is text repeated n times. */
struct text_case {
	const char *name;
	const char *text, *tail; /* the cell's text: text n times, then tail */
	size_t n;
	size_t want_len; /* bytes of the value, 0: refused */
};

static const struct text_case text_cases[] = {
	{"32767 Chinese characters (98301 bytes)", "中", "", 32767, 3 * 32767},
	{"32768 characters", "x", "", 32768, 0},
	{"16383 emoji (32766 UTF-16 units) and one more character", "😀", "x", 16383, 4 * 16383 + 1},
	{"16384 emoji (32768 UTF-16 units)", "😀", "", 16384, 0},
	{"32767 escaped control characters", "_x000D_", "", 32767, 32767},
	{"32768 escaped control characters", "_x000D_", "", 32768, 0},
};

static void test_cell_text_cap(void **state)
{
	struct fixture *fx = *state;
	const struct text_case *c = fx->c;
	struct strbuf rows = {0};
	struct err e;
	int rc;

	strbuf_addstr(&rows,
		      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>");
	repeat(&rows, c->text, c->n);
	strbuf_addstr(&rows, c->tail);
	strbuf_addstr(&rows, "</t></is></c></row>");
	write_rows(fx, &rows);
	assert_int_equal(xlsx_reader_open(&fx->r, fx->path, NULL, &e), 0);
	rc = xlsx_reader_next(fx->r, &e);
	if (c->want_len) {
		assert_int_equal(rc, 1);
		assert_int_equal(strlen(xlsx_reader_field(fx->r, 1)), c->want_len);
		assert_int_equal(xlsx_reader_next(fx->r, &e), 0);
		return;
	}
	assert_error(fx, rc, &e, ERR_INPUT, "cell B2: text longer than 32767 characters", NULL);
	assert_int_equal(e.row, 2);
	assert_int_equal(e.column, 2);
}

static void test_shared_string_text_cap(void **state)
{
	struct fixture *fx = *state;
	struct strbuf sst = {0};
	struct err e;

	strbuf_addstr(&sst, XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>ok</t></si><si><t>");
	repeat(&sst, "x", 32768);
	strbuf_addstr(&sst, "</t></si></sst>");
	write_book(fx->path, &(struct book){.sheet = SHEET(""), .sst = sst.buf});
	strbuf_release(&sst);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT,
		     "shared string 2 is longer than 32767 characters", NULL);
}

/* A row of Excel's 16384 cells is read; one more is refused. */
static void test_cells_cap(void **state)
{
	struct fixture *fx = *state;
	struct strbuf rows = {0};
	struct err e;

	strbuf_addstr(&rows, "<row>");
	repeat(&rows, "<c><v>1</v></c>", XLSX_COLS_MAX);
	strbuf_addstr(&rows, "</row>");
	write_rows(fx, &rows);
	assert_int_equal(xlsx_reader_open(&fx->r, fx->path, NULL, &e), 0);
	assert_int_equal(xlsx_reader_next(fx->r, &e), 1);
	assert_int_equal(xlsx_reader_nfields(fx->r), XLSX_COLS_MAX);
	assert_string_equal(xlsx_reader_field(fx->r, XLSX_COLS_MAX - 1), "1");

	strbuf_addstr(&rows, "<row>");
	repeat(&rows, "<c><v>1</v></c>", XLSX_COLS_MAX + 1);
	strbuf_addstr(&rows, "</row>");
	write_rows(fx, &rows);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT,
		     "sheet 'Sheet1', row 1: more than 16384 cells", NULL);
}

/* 40 cells of 30000 characters: over the (lowered) cap on a row's text. */
static void test_row_bytes_cap(void **state)
{
	struct fixture *fx = *state;
	struct strbuf rows = {0};
	struct err e;

	strbuf_addstr(&rows, "<row>");
	for (int k = 0; k < 40; k++) {
		strbuf_addstr(&rows, "<c t=\"str\"><v>");
		repeat(&rows, "y", 30000);
		strbuf_addstr(&rows, "</v></c>");
	}
	strbuf_addstr(&rows, "</row>");
	write_rows(fx, &rows);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT, "row text longer than 1 MiB", NULL);
}

/* XML that expat would have to hold whole: deep nesting, a huge tag or
 * comment. Text of any length streams through. */
struct hostile_case {
	const char *name;
	const char *open, *fill, *close; /* the sheet's row: open, fill n times, close */
	size_t n;
	const char *want; /* rows, or NULL: refused with msg */
	const char *msg;
};

static const struct hostile_case hostile_cases[] = {
	{"elements nested 253 deep", "<row r=\"1\"><c r=\"A1\"><v>1</v></c>", "<x:e>", "</row>",
	 250, "1:[1]\n", NULL},
	{"elements nested 303 deep", "<row r=\"1\"><c r=\"A1\"><v>1</v></c>", "<x:e>", "</row>",
	 300, NULL, "has elements nested more than 256 deep: refused"},
	{"a tag of 512 KiB", "<row r=\"1\" x:junk=\"", "x", "\"><c><v>1</v></c></row>", 512 << 10,
	 "1:[1]\n", NULL},
	{"a tag of 2 MiB", "<row r=\"1\" x:junk=\"", "x", "\"><c><v>1</v></c></row>", 2 << 20, NULL,
	 "has an XML tag or comment longer than 1024 KiB: refused"},
	{"a comment of 2 MiB", "<row r=\"1\"><c><v>1</v></c></row><!--", "x", "-->", 2 << 20, NULL,
	 "has an XML tag or comment longer than 1024 KiB: refused"},
	{"blanks of 4 MiB between cells", "<row r=\"1\"><c><v>1</v></c>", " ", "</row>", 4 << 20,
	 "1:[1]\n", NULL},
};

static void test_hostile_xml(void **state)
{
	struct fixture *fx = *state;
	const struct hostile_case *c = fx->c;
	struct strbuf rows = {0};
	struct err e;

	strbuf_addstr(&rows, c->open);
	repeat(&rows, c->fill, c->n);
	if (strcmp(c->fill, "<x:e>") == 0)
		repeat(&rows, "</x:e>", c->n);
	strbuf_addstr(&rows, c->close);
	write_rows(fx, &rows);
	if (c->want) {
		assert_read(fx, NULL, c->want);
		return;
	}
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT, "part 'xl/worksheets/sheet1.xml' ",
		     c->msg);
}

static void test_shared_string_count_cap(void **state)
{
	struct fixture *fx = *state;
	struct strbuf sst = {0};
	struct err e;

	strbuf_addstr(&sst, XML_DECL "<sst xmlns=\"" NS_MAIN "\">");
	repeat(&sst, "<si><t>s</t></si>", XLSX_SST_COUNT_MAX);
	strbuf_addstr(&sst, "</sst>");
	write_book(fx->path, &(struct book){.sheet = SHEET(""), .sst = sst.buf});
	assert_int_equal(read_all(fx, NULL, &e), 0);
	assert_int_equal(fx->r->sst_count, XLSX_SST_COUNT_MAX);

	sst.len -= strlen("</sst>");
	strbuf_addstr(&sst, "<si><t>s</t></si></sst>");
	write_book(fx->path, &(struct book){.sheet = SHEET(""), .sst = sst.buf});
	strbuf_release(&sst);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT,
		     "has more than 40000 shared strings: refused", NULL);
}

static void test_shared_string_bytes_cap(void **state)
{
	struct fixture *fx = *state;
	struct strbuf sst = {0};
	struct err e;

	strbuf_addstr(&sst, XML_DECL "<sst xmlns=\"" NS_MAIN "\">");
	while (sst.len <= XLSX_SST_BYTES_MAX)
		strbuf_addstr(&sst, "<si><t>重复的文字重复的文字重复的文字重复的文字</t></si>");
	strbuf_addstr(&sst, "</sst>");
	write_book(fx->path, &(struct book){.sheet = SHEET(""), .sst = sst.buf});
	strbuf_release(&sst);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT,
		     "part 'xl/sharedStrings.xml' is larger than 1 MiB uncompressed: refused",
		     NULL);
}

/* A sheet part of XLSX_SHEET_BYTES_MAX + 1 MiB, nearly all blanks: it
 * deflates to a few KB. */
static struct strbuf bomb_sheet(void)
{
	struct strbuf sheet = {0};
	size_t blanks = XLSX_SHEET_BYTES_MAX + (1u << 20);
	const char *head = XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
				    "<row r=\"1\">" INLINE("A1", "first") "</row>";

	strbuf_addstr(&sheet, head);
	sheet.buf = xrealloc(sheet.buf, sheet.len + blanks + 64);
	memset(sheet.buf + sheet.len, ' ', blanks);
	sheet.len += blanks;
	sheet.cap = sheet.len + 64;
	sheet.buf[sheet.len] = '\0';
	strbuf_addstr(&sheet, "</sheetData></worksheet>");
	return sheet;
}

/* The zip directory says how big the sheet is: refused at open. */
static void test_zip_bomb_declared(void **state)
{
	struct fixture *fx = *state;
	struct strbuf sheet = bomb_sheet();
	struct err e;

	write_book(fx->path, &(struct book){.sheet = sheet.buf});
	strbuf_release(&sheet);
	assert_error(fx, read_all(fx, NULL, &e), &e, ERR_INPUT,
		     "part 'xl/worksheets/sheet1.xml' is larger than 8 MiB uncompressed: refused",
		     NULL);
}

static void put_le32(char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (char)(v >> (8 * i));
}

/* The zip directory lies (the sheet says it is 100 bytes): the bytes are
 * counted as they are inflated, and inflating stops at the cap. */
static void test_zip_bomb_lying(void **state)
{
	struct fixture *fx = *state;
	struct strbuf sheet = bomb_sheet(), zip;
	const char *name = "xl/worksheets/sheet1.xml";
	size_t n = strlen(name);
	struct err e;
	int rc;

	write_book(fx->path, &(struct book){.sheet = sheet.buf});
	strbuf_release(&sheet);
	zip = read_file(fx->path);
	for (size_t i = 0; i + 46 + n <= zip.len; i++) {
		char *p = zip.buf + i;

		if (memcmp(p, "PK\3\4", 4) == 0 && memcmp(p + 30, name, n) == 0)
			put_le32(p + 22, 100); /* local header: uncompressed size */
		if (memcmp(p, "PK\1\2", 4) == 0 && memcmp(p + 46, name, n) == 0)
			put_le32(p + 24, 100); /* central directory */
	}
	write_file(fx->path, zip.buf, zip.len);
	strbuf_release(&zip);

	assert_int_equal(xlsx_reader_open(&fx->r, fx->path, NULL, &e), 0);
	assert_int_equal(xlsx_reader_next(fx->r, &e), 1);
	assert_string_equal(xlsx_reader_field(fx->r, 0), "first");
	rc = xlsx_reader_next(fx->r, &e);
	assert_error(fx, rc, &e, ERR_INPUT,
		     "part 'xl/worksheets/sheet1.xml' is larger than 8 MiB uncompressed: refused",
		     NULL);
	assert_true(fx->r->inflated <= XLSX_SHEET_BYTES_MAX + XLSX_CHUNK);
}

/* ---- the helpers, directly ---- */

static void test_format_number(void **state)
{
	static const struct {
		double d;
		const char *want;
	} cases[] = {
		{0.1, "0.1"},
		{55.5, "55.5"},
		{42, "42"},
		{-0.0, "0"},
		{-17, "-17"},
		{1e20, "1e+20"},
		{1.0 / 3, "0.3333333333333333"},
		{0.1 + 0.2, "0.30000000000000004"},
		{2.5e-7, "2.5e-07"},
		{-1234567.125, "-1234567.125"},
		{9007199254740991.0, "9007199254740991"},
		{123456789012345678.0, "1.2345678901234568e+17"},
		{1.7976931348623157e308, "1.7976931348623157e+308"},
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		xlsx_format_number(cases[i].d, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].want);
	}
}

static void test_format_date(void **state)
{
	static const struct {
		double serial;
		enum xlsx_numfmt_kind kind;
		int date1904;
		const char *want; /* NULL: not a date */
	} cases[] = {
		{1, XLSX_NUMFMT_DATE, 0, "1900-01-01"},
		{59, XLSX_NUMFMT_DATE, 0, "1900-02-28"},
		{60, XLSX_NUMFMT_DATE, 0, "1900-02-29"},
		{61, XLSX_NUMFMT_DATE, 0, "1900-03-01"},
		{45536, XLSX_NUMFMT_DATE, 0, "2024-09-01"},
		{45351, XLSX_NUMFMT_DATE, 0, "2024-02-29"},
		{45536.5, XLSX_NUMFMT_DATE, 0, "2024-09-01 12:00:00"},
		{45536.5, XLSX_NUMFMT_TIME, 0, "2024-09-01 12:00:00"},
		{0.99998, XLSX_NUMFMT_TIME, 0, "23:59:58"},
		{0.9999999, XLSX_NUMFMT_TIME, 0, "1900-01-01"},
		{0, XLSX_NUMFMT_DATE, 0, "00:00:00"},
		{2958465.99999, XLSX_NUMFMT_DATE, 0, "9999-12-31 23:59:59"},
		{2958466, XLSX_NUMFMT_DATE, 0, NULL},
		{-0.5, XLSX_NUMFMT_DATE, 0, NULL},
		{0, XLSX_NUMFMT_DATE, 1, "1904-01-01"},
		{0.25, XLSX_NUMFMT_TIME, 1, "06:00:00"},
		{1462, XLSX_NUMFMT_DATE, 1, "1908-01-02"},
		{44074, XLSX_NUMFMT_DATE, 1, "2024-09-01"},
		{2957003, XLSX_NUMFMT_DATE, 1, "9999-12-31"},
		{2957004, XLSX_NUMFMT_DATE, 1, NULL},
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = xlsx_format_date(cases[i].serial, cases[i].kind, cases[i].date1904, buf,
					  sizeof(buf));
		if (!cases[i].want) {
			assert_int_equal(rc, -1);
			continue;
		}
		if (rc < 0 || strcmp(buf, cases[i].want) != 0)
			print_error("case %zu: %.17g -> %s\n", i, cases[i].serial, buf);
		assert_int_equal(rc, 0);
		assert_string_equal(buf, cases[i].want);
	}
}

static void test_format_code_kind(void **state)
{
	static const struct {
		const char *code;
		enum xlsx_numfmt_kind kind;
	} cases[] = {
		{"yyyy-mm-dd", XLSX_NUMFMT_DATE},
		{"yyyy-mm-dd;@", XLSX_NUMFMT_DATE},
		{"d-mmm-yy", XLSX_NUMFMT_DATE},
		{"mmm", XLSX_NUMFMT_DATE},
		{"yyyy\"年\"m\"月\"d\"日\"", XLSX_NUMFMT_DATE},
		{"[$-F800]dddd, mmmm dd, yyyy", XLSX_NUMFMT_DATE},
		{"[$-804]yyyy/m/d h:mm", XLSX_NUMFMT_DATE},
		{"m/d/yy h:mm AM/PM", XLSX_NUMFMT_DATE},
		{"hh:mm", XLSX_NUMFMT_TIME},
		{"mm:ss", XLSX_NUMFMT_TIME},
		{"[h]:mm:ss", XLSX_NUMFMT_TIME},
		{"[mm]", XLSX_NUMFMT_TIME},
		{"h\"时\"mm\"分\"", XLSX_NUMFMT_TIME},
		{"General", XLSX_NUMFMT_NUMBER},
		{"0.00", XLSX_NUMFMT_NUMBER},
		{"#,##0.00_);[Red](#,##0.00)", XLSX_NUMFMT_NUMBER},
		{"0.0\" days\"", XLSX_NUMFMT_NUMBER},
		{"0.00\\h", XLSX_NUMFMT_NUMBER},
		{"_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", XLSX_NUMFMT_NUMBER},
		{"[Red][<0]0;[$-804]General", XLSX_NUMFMT_NUMBER},
		{"[DBNum1][$-804]General", XLSX_NUMFMT_NUMBER},
		{"0.00E+00", XLSX_NUMFMT_NUMBER},
		{"0%", XLSX_NUMFMT_NUMBER},
		{"@", XLSX_NUMFMT_NUMBER},
		{"\"unterminated d", XLSX_NUMFMT_NUMBER},
		{"[unterminated d", XLSX_NUMFMT_NUMBER},
		{"0\\", XLSX_NUMFMT_NUMBER},
		{"", XLSX_NUMFMT_NUMBER},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (xlsx_code_kind(cases[i].code) != cases[i].kind)
			print_error("format code '%s'\n", cases[i].code);
		assert_int_equal(xlsx_code_kind(cases[i].code), cases[i].kind);
	}
	assert_int_equal(xlsx_builtin_kind(0), XLSX_NUMFMT_NUMBER);
	assert_int_equal(xlsx_builtin_kind(14), XLSX_NUMFMT_DATE);
	assert_int_equal(xlsx_builtin_kind(22), XLSX_NUMFMT_DATE);
	assert_int_equal(xlsx_builtin_kind(21), XLSX_NUMFMT_TIME);
	assert_int_equal(xlsx_builtin_kind(47), XLSX_NUMFMT_TIME);
	assert_int_equal(xlsx_builtin_kind(31), XLSX_NUMFMT_DATE);
	assert_int_equal(xlsx_builtin_kind(56), XLSX_NUMFMT_TIME);
	assert_int_equal(xlsx_builtin_kind(49), XLSX_NUMFMT_NUMBER);
	assert_int_equal(xlsx_builtin_kind(164), XLSX_NUMFMT_NUMBER);
}

static void test_parse_ref(void **state)
{
	static const struct {
		const char *ref;
		int ok;
		size_t col, row;
	} cases[] = {
		{"A1", 1, 0, 1},     {"B3", 1, 1, 3},	    {"Z9", 1, 25, 9},
		{"AA10", 1, 26, 10}, {"xfd1", 1, 16383, 1}, {"XFD1048576", 1, 16383, 1048576},
		{"XFE1", 0, 0, 0},   {"AAAA1", 0, 0, 0},    {"A0", 0, 0, 0},
		{"A01", 0, 0, 0},    {"A1048577", 0, 0, 0}, {"A99999999999999999999", 0, 0, 0},
		{"1A", 0, 0, 0},     {"A", 0, 0, 0},	    {"A1x", 0, 0, 0},
		{"", 0, 0, 0},	     {"$A$1", 0, 0, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t col = 99, row = 99;
		int rc = xlsx_parse_ref(cases[i].ref, &col, &row);

		if ((rc == 0) != cases[i].ok)
			print_error("reference '%s'\n", cases[i].ref);
		assert_int_equal(rc == 0, cases[i].ok);
		if (cases[i].ok) {
			assert_int_equal(col, cases[i].col);
			assert_int_equal(row, cases[i].row);
		}
	}
}

static void test_cell_name(void **state)
{
	char buf[24];

	(void)state;
	xlsx_cell_name(0, 1, buf, sizeof(buf));
	assert_string_equal(buf, "A1");
	xlsx_cell_name(27, 12, buf, sizeof(buf));
	assert_string_equal(buf, "AB12");
	xlsx_cell_name(16383, 1048576, buf, sizeof(buf));
	assert_string_equal(buf, "XFD1048576");
}

static void test_target_path(void **state)
{
	static const char *const cases[][2] = {
		{"worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"/xl/worksheets/s.xml", "xl/worksheets/s.xml"},
		{"../xl/worksheets/s.xml", "xl/worksheets/s.xml"},
		{"./worksheets/./s.xml", "xl/worksheets/s.xml"},
		{"worksheets/../sheets//a.xml", "xl/sheets/a.xml"},
		{"../../../a.xml", "a.xml"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = xlsx_target_path(cases[i][0]);
		int same = strcmp(got, cases[i][1]) == 0;

		if (!same)
			print_error("target '%s' -> '%s'\n", cases[i][0], got);
		free(got);
		assert_true(same);
	}
}

/* ---- main ---- */

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))
#define NTABLES                                                                                    \
	(2 * NCASES(writer_cases) + NCASES(sheet_cases) + NCASES(good_cases) + NCASES(bad_cases) + \
	 NCASES(raw_cases) + NCASES(text_cases) + NCASES(hostile_cases))

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test_setup_teardown(test_writer_last_cell, setup, teardown),
		cmocka_unit_test_setup_teardown(test_utf16_part, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zip_not_workbook, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_part, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_string_text_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cells_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_bytes_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_string_count_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_string_bytes_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zip_bomb_declared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zip_bomb_lying, setup, teardown),
		cmocka_unit_test(test_format_number),
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_format_code_kind),
		cmocka_unit_test(test_parse_ref),
		cmocka_unit_test(test_cell_name),
		cmocka_unit_test(test_target_path),
	};
	struct CMUnitTest tests[NCASES(fixed) + NTABLES];
	char names[NTABLES][160];
	size_t n = 0, k = 0;

	for (size_t i = 0; i < NCASES(fixed); i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < NCASES(writer_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_writer_values",
					       writer_cases[i].name, test_writer_values, setup,
					       teardown, &writer_cases[i]);
	for (size_t i = 0; i < NCASES(writer_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_writer_many_rows",
					       writer_cases[i].name, test_writer_many_rows, setup,
					       teardown, &writer_cases[i]);
	for (size_t i = 0; i < NCASES(sheet_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_writer_sheets",
					       sheet_cases[i].name, test_writer_sheets, setup,
					       teardown, &sheet_cases[i]);
	for (size_t i = 0; i < NCASES(good_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_good_book",
					       good_cases[i].name, test_good_book, setup, teardown,
					       &good_cases[i]);
	for (size_t i = 0; i < NCASES(bad_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_bad_book",
					       bad_cases[i].name, test_bad_book, setup, teardown,
					       &bad_cases[i]);
	for (size_t i = 0; i < NCASES(raw_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_raw_file",
					       raw_cases[i].name, test_raw_file, setup, teardown,
					       &raw_cases[i]);
	for (size_t i = 0; i < NCASES(text_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_cell_text_cap",
					       text_cases[i].name, test_cell_text_cap, setup,
					       teardown, &text_cases[i]);
	for (size_t i = 0; i < NCASES(hostile_cases); i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_hostile_xml",
					       hostile_cases[i].name, test_hostile_xml, setup,
					       teardown, &hostile_cases[i]);
	assert_true(n == NCASES(tests));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
