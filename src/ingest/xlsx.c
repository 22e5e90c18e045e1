/* xlsx.c - streaming XLSX reader on libzip and expat. See xlsx.h.
 *
 * xlsx_reader_open() reads the small parts whole, one after the other, each
 * with its own expat parser and handlers: xl/workbook.xml (sheet names and
 * relationship ids, the 1904 date system), xl/_rels/workbook.xml.rels (where
 * the chosen sheet, the shared strings and the styles are), xl/styles.xml
 * (which cell styles show a date or a time) and xl/sharedStrings.xml (kept
 * as one NUL-separated buffer). It then opens the worksheet part without
 * parsing any of it. Each xlsx_reader_next() inflates the worksheet in
 * XLSX_CHUNK pieces into expat's buffer; the handler that sees </row>
 * suspends the parser (XML_StopParser(..., XML_TRUE)), the row is handed to
 * the caller, and the next call resumes where the parser stopped.
 *
 * A row is one buffer of NUL-terminated values plus, per column, either an
 * offset into it or a pointer into the shared strings (which are never
 * copied). Cell text is collected straight into its destination buffer and
 * rewritten in place when it is finished (escapes decoded, numbers
 * normalised), so a value is copied at most once.
 *
 * Every handler that finds a problem records it in r->e and stops the parser
 * for good; the parse step then returns that error rather than expat's
 * "aborted". strtod() relies on LC_NUMERIC being "C", which i18n_init()
 * guarantees. */
#include "ingest/xlsx.h"

#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "core/i18n.h"
#include "core/mem.h"

/* Bytes inflated and handed to expat at a time. */
#define XLSX_CHUNK (64u << 10)
/* Raw text bytes collected for one cell before its escapes are decoded: the
 * longest legal cell is 32767 "_xHHHH_" escapes of 7 bytes each. */
#define XLSX_TEXT_RAW_MAX (7u * XLSX_CELL_CHARS_MAX)
/* Serial number of 10000-01-01 in the 1900 system: later is not a date. */
#define XLSX_SERIAL_MAX 2958466.0
/* Elements nested deeper are refused: SpreadsheetML needs about ten. */
#define XLSX_DEPTH_MAX 256u
/* Separates a namespace URI from the local name in expat's element names. */
#define XLSX_NS_SEP ' '

/* How a cell style shows a number. */
enum xlsx_numfmt_kind {
	XLSX_NUMFMT_NUMBER = 0,
	XLSX_NUMFMT_DATE, /* a date, with a time of day when there is one */
	XLSX_NUMFMT_TIME  /* a time of day only */
};

enum xlsx_cell_type {
	XLSX_CELL_NUMBER,
	XLSX_CELL_SHARED, /* t="s": <v> indexes the shared strings */
	XLSX_CELL_STR,	  /* t="str": the text result of a formula */
	XLSX_CELL_INLINE, /* t="inlineStr": <is><t>...</t></is> */
	XLSX_CELL_BOOL,
	XLSX_CELL_ERROR,  /* t="e": "#N/A", "#DIV/0!" ... */
	XLSX_CELL_ISODATE /* t="d": ISO 8601 text */
};

/* Which handlers the current part's parser runs. */
enum xlsx_part_kind {
	XLSX_PART_WORKBOOK,
	XLSX_PART_RELS,
	XLSX_PART_STYLES,
	XLSX_PART_SST,
	XLSX_PART_SHEET
};

struct xlsx_sheet_ref {
	char *name;
	char *rel_id;
};

/* A custom number format of xl/styles.xml. */
struct xlsx_numfmt {
	unsigned long id;
	enum xlsx_numfmt_kind kind;
};

/* One column of the current row: a shared string, or text in row_text. */
struct xlsx_field {
	const char *shared;
	size_t off;
};

struct xlsx_reader {
	char *name; /* the path, for messages */
	zip_t *zip;
	struct err *e; /* where handlers report, while a parse runs */
	int failed;    /* a handler recorded this error code */
	int broken;    /* an earlier call failed with this code */

	/* the part being parsed */
	enum xlsx_part_kind kind;
	char *part;
	zip_file_t *zf;
	XML_Parser xp;
	uint64_t part_cap, inflated;
	unsigned depth;	      /* of the element being parsed, the root is 1 */
	unsigned long events; /* handler calls so far */
	uint64_t stalled;     /* bytes fed since the last handler call */

	/* workbook and relationships */
	struct xlsx_sheet_ref *sheets;
	size_t nsheets, sheets_cap;
	int date1904;
	const struct xlsx_sheet_ref *sheet; /* the one being read */
	char *sheet_target, *sheet_type;
	char *sst_target, *styles_target;

	/* styles: for each cell style (s attribute), how it shows numbers */
	struct xlsx_numfmt *numfmts;
	size_t nnumfmts, numfmts_cap;
	unsigned long *xf_numfmt; /* numFmtId of each cellXfs entry */
	size_t nxf, xf_cap;
	unsigned char *xf_kind; /* enum xlsx_numfmt_kind of each, once resolved */
	unsigned cellxfs_depth;

	/* shared strings: string i starts at sst_text.buf + sst_offs[i] */
	struct strbuf sst_text;
	uint32_t *sst_offs;
	size_t sst_count, sst_cap;
	unsigned si_depth;

	/* text being collected into *collect from collect_start, while the
	 * element at collect_depth is open; rich-text phonetic runs skipped */
	struct strbuf *collect;
	size_t collect_start;
	unsigned collect_depth, rph_depth, is_depth;

	/* worksheet */
	unsigned sheetdata_depth, row_depth, cell_depth;
	int sheetdata_done;
	size_t row, last_row; /* Excel row numbers; 0 before the first */
	int row_numbered;     /* the current row's number is known */
	size_t cell_col;      /* 0-based column of the open cell */
	enum xlsx_cell_type cell_type;
	size_t cell_style;
	struct strbuf row_text;
	struct xlsx_field *fields;
	size_t ncells, fields_cap; /* columns filled so far in this row */
	size_t nonempty;	   /* one past the last non-empty one */
	size_t nfields;		   /* of the row handed out */
};

/* ---- errors ---- */

/* Like err_set() for a problem with the file as a whole: the message names
 * it itself, and e->file is set. */
static int xlsx_err_file(struct err *e, int code, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int xlsx_err_file(struct err *e, int code, const char *path, const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof(e->msg)];
	size_t n;

	if (!e)
		return code;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(e, code, "%s", msg);
	n = strlen(path);
	if (n >= sizeof(e->file))
		n = sizeof(e->file) - 1;
	memcpy(e->file, path, n);
	e->file[n] = '\0';
	return code;
}

/* Stop the parser for good from inside a handler; code was set in r->e. */
static void xlsx_abort(struct xlsx_reader *r, int code)
{
	if (!r->failed)
		r->failed = code;
	XML_StopParser(r->xp, XML_FALSE);
}

/* "B3" for 0-based column col of row. */
static void xlsx_cell_name(size_t col, size_t row, char *buf, size_t size)
{
	char letters[8];
	size_t n = 0, i;

	col++;
	while (col && n < sizeof(letters)) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n && i + 1 < size; i++)
		buf[i] = letters[n - 1 - i];
	snprintf(buf + i, size - i, "%zu", row);
}

/* Record a problem with the open cell (or, with col SIZE_MAX, the row). */
static void xlsx_cell_fail(struct xlsx_reader *r, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void xlsx_cell_fail(struct xlsx_reader *r, size_t col, const char *fmt, ...)
{
	va_list ap;
	char body[512], ref[24];

	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	if (col == SIZE_MAX)
		xlsx_abort(r,
			   err_set_at(r->e, ERR_INPUT, r->name, r->row, 0,
				      _("sheet '%s', row %zu: %s"), r->sheet->name, r->row, body));
	else {
		xlsx_cell_name(col, r->row, ref, sizeof(ref));
		xlsx_abort(r, err_set_at(r->e, ERR_INPUT, r->name, r->row, col + 1,
					 _("sheet '%s', cell %s: %s"), r->sheet->name, ref, body));
	}
}

/* Count the start of an element: 0, or -1 when it is nested too deep (the
 * parser is then stopped; expat would keep a frame for every level). */
static int xlsx_enter(struct xlsx_reader *r)
{
	r->events++;
	if (++r->depth > XLSX_DEPTH_MAX) {
		xlsx_abort(r, xlsx_err_file(r->e, ERR_INPUT, r->name,
					    _("'%s': part '%s' has elements nested more than %u "
					      "deep: refused"),
					    r->name, r->part, XLSX_DEPTH_MAX));
		return -1;
	}
	return r->failed ? -1 : 0;
}

/* ---- XML names ---- */

/* The local part of an expat name "uri<SEP>local" (or of a bare name). */
static const char *xlsx_local(const char *name)
{
	const char *p = strrchr(name, XLSX_NS_SEP);
	return p ? p + 1 : name;
}

/* The local name of an element of SpreadsheetML (transitional or strict) or
 * of no namespace; NULL for one of any other namespace (extensions). Called
 * for every element of a sheet, so the namespaces are compared as prefixes
 * of known length rather than searched for. */
static const char *xlsx_main_local(const char *name)
{
	static const char transitional[] =
		"http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	static const char strict[] = "http://purl.oclc.org/ooxml/spreadsheetml/main";
	static const struct {
		const char *uri;
		size_t len;
	} main_ns[] = {
		{transitional, sizeof(transitional) - 1},
		{strict, sizeof(strict) - 1},
	};

	for (size_t i = 0; i < sizeof(main_ns) / sizeof(main_ns[0]); i++)
		if (strncmp(name, main_ns[i].uri, main_ns[i].len) == 0 &&
		    name[main_ns[i].len] == XLSX_NS_SEP)
			return name + main_ns[i].len + 1;
	return strchr(name, XLSX_NS_SEP) ? NULL : name;
}

/* The value of the unqualified attribute called name, or NULL. */
static const char *xlsx_attr(const XML_Char **atts, const char *name)
{
	for (; atts[0]; atts += 2)
		if (strcmp(atts[0], name) == 0)
			return atts[1];
	return NULL;
}

/* The value of r:id (in either relationships namespace), or NULL. */
static const char *xlsx_attr_rel_id(const XML_Char **atts)
{
	static const char suffix[] = "relationships";

	for (; atts[0]; atts += 2) {
		const char *p = strrchr(atts[0], XLSX_NS_SEP);
		size_t n = p ? (size_t)(p - atts[0]) : 0;

		if (p && strcmp(p + 1, "id") == 0 && n >= sizeof(suffix) - 1 &&
		    memcmp(p - (sizeof(suffix) - 1), suffix, sizeof(suffix) - 1) == 0)
			return atts[1];
	}
	return NULL;
}

/* Parse a decimal number made only of digits; -1 if it is not one. */
static int xlsx_parse_index(const char *s, unsigned long *out)
{
	char *end;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return (*end || errno) ? -1 : 0;
}

/* Parse a cell reference "B3" into a 0-based column and a 1-based row;
 * -1 unless it is one within Excel's limits. */
static int xlsx_parse_ref(const char *ref, size_t *col, size_t *row)
{
	size_t c = 0, n = 0, nl = 0;
	const char *p = ref;

	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
		if (++nl > 3)
			return -1;
		c = c * 26 + (size_t)((*p | 0x20) - 'a' + 1);
	}
	if (!nl || c > XLSX_COLS_MAX || *p < '1' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (size_t)(*p - '0');
		if (n > XLSX_ROWS_MAX)
			return -1;
	}
	if (*p)
		return -1;
	*col = c - 1;
	*row = n;
	return 0;
}

/* ---- text ---- */

static void XMLCALL xlsx_on_text(void *ud, const XML_Char *s, int len)
{
	struct xlsx_reader *r = ud;

	r->events++;
	if (!r->collect_depth || r->failed)
		return;
	if (r->collect->len - r->collect_start + (size_t)len > XLSX_TEXT_RAW_MAX) {
		if (r->kind == XLSX_PART_SST)
			xlsx_abort(r,
				   xlsx_err_file(r->e, ERR_INPUT, r->name,
						 _("'%s': shared string %zu is longer than %u "
						   "characters"),
						 r->name, r->sst_count + 1, XLSX_CELL_CHARS_MAX));
		else
			xlsx_cell_fail(r, r->cell_col, _("text longer than %u characters"),
				       XLSX_CELL_CHARS_MAX);
		return;
	}
	strbuf_add(r->collect, s, (size_t)len);
}

static void xlsx_collect_begin(struct xlsx_reader *r, struct strbuf *sb)
{
	r->collect = sb;
	r->collect_start = sb->len;
}

static int xlsx_hex4(const char *s, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* Decode OOXML's "_xHHHH_" escapes (how a string keeps control characters
 * such as "_x000D_") in s[0..len) in place; returns the new length. */
static size_t xlsx_unescape(char *s, size_t len)
{
	size_t in, out;

	if (!memchr(s, '_', len))
		return len;
	for (in = out = 0; in < len;) {
		unsigned cp;

		if (s[in] == '_' && len - in >= 7 && s[in + 1] == 'x' && s[in + 6] == '_' &&
		    xlsx_hex4(s + in + 2, &cp) == 0 && cp && (cp < 0xD800 || cp > 0xDFFF)) {
			if (cp < 0x80) {
				s[out++] = (char)cp;
			} else if (cp < 0x800) {
				s[out++] = (char)(0xC0 | (cp >> 6));
				s[out++] = (char)(0x80 | (cp & 0x3F));
			} else {
				s[out++] = (char)(0xE0 | (cp >> 12));
				s[out++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				s[out++] = (char)(0x80 | (cp & 0x3F));
			}
			in += 7;
		} else {
			s[out++] = s[in++];
		}
	}
	return out;
}

/* Length of UTF-8 text in UTF-16 units, as Excel counts a cell's characters. */
static size_t xlsx_utf16_len(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b & 0xC0) != 0x80)
			n += b >= 0xF0 ? 2 : 1;
	}
	return n;
}

/* Finish the string collected into r->collect: decode its escapes, check its
 * length, NUL-terminate it. Returns its length, or SIZE_MAX when too long. */
static size_t xlsx_collect_end_string(struct xlsx_reader *r)
{
	struct strbuf *sb = r->collect;
	char *s = sb->buf ? sb->buf + r->collect_start : NULL;
	size_t len = sb->len - r->collect_start;

	if (len) {
		len = xlsx_unescape(s, len);
		sb->len = r->collect_start + len;
		sb->buf[sb->len] = '\0';
		if (xlsx_utf16_len(s, len) > XLSX_CELL_CHARS_MAX)
			return SIZE_MAX;
	}
	strbuf_addch(sb, '\0');
	return len;
}

/* ---- numbers and dates ---- */

/* Parse the text of a number cell; -1 unless it is a finite decimal number. */
static int xlsx_parse_number(const char *s, double *out)
{
	char *end;
	const char *p = s + (*s == '-' || *s == '+');

	/* strtod() would also take hex, "inf", "nan" and leading space */
	if (!((*p >= '0' && *p <= '9') || *p == '.') || s[strspn(s, "0123456789+-.eE")])
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	if (*end || !isfinite(*out))
		return -1;
	return 0;
}

/* 1 when s is already the text xlsx_format_number() would make of it: a
 * plain decimal with at most 15 significant digits, no exponent, no leading
 * or trailing zeros, not below 0.0001 (which %g writes with an exponent) and
 * not "-0". Most numbers in a sheet are, and copying them is far cheaper
 * than printing the double. */
static int xlsx_number_is_canonical(const char *s)
{
	const char *p = s + (*s == '-');
	size_t digits = 0, zeros = 0;

	if (*p == '0') {
		if (!p[1])
			return p == s; /* "0", not "-0" */
		if (p[1] != '.')
			return 0;
		p++;
		for (const char *q = p + 1; *q == '0'; q++)
			zeros++;
		if (zeros >= 4)
			return 0;
	} else {
		if (*p < '1' || *p > '9')
			return 0;
		for (; *p >= '0' && *p <= '9'; p++)
			digits++;
	}
	if (*p == '.') {
		const char *frac = ++p;

		for (; *p >= '0' && *p <= '9'; p++)
			digits++;
		if (p == frac || p[-1] == '0')
			return 0;
		digits -= zeros;
	}
	return !*p && digits <= 15;
}

/* Write d as an integer without ".0" when it is one (exactly representable),
 * else as the shortest %g text that reads back as d. */
static void xlsx_format_number(double d, char *buf, size_t size)
{
	if (d == 0) {
		snprintf(buf, size, "0"); /* also for -0 */
		return;
	}
	if (d == trunc(d) && fabs(d) < 9007199254740992.0) {
		snprintf(buf, size, "%.0f", d);
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			return;
	}
}

/* Year, month, day of a count of days since 1970-01-01 (H. Hinnant's
 * civil_from_days). */
static void xlsx_civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long long)yoe + era * 400 + (*m <= 2);
}

/* Write the date or time that serial means under a format of kind, to the
 * second: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS", or "HH:MM:SS" for a time of
 * day (a time format, or day 0 of the 1900 system, which is no date). The
 * 1900 system counts Excel's fictitious 1900-02-29 (serial 60), so serials
 * after it are one day late. -1 when serial is no date Excel would show
 * (negative, after 9999). */
static int xlsx_format_date(double serial, enum xlsx_numfmt_kind kind, int date1904, char *buf,
			    size_t size)
{
	long long secs, days, tod, y;
	unsigned m, d;

	if (serial < 0 || serial >= XLSX_SERIAL_MAX)
		return -1;
	secs = llround(serial * 86400.0);
	days = secs / 86400;
	tod = secs % 86400;
	if ((kind == XLSX_NUMFMT_TIME || !date1904) && days == 0) {
		snprintf(buf, size, "%02lld:%02lld:%02lld", tod / 3600, tod / 60 % 60, tod % 60);
		return 0;
	}
	if (date1904) {
		xlsx_civil_from_days(days - 24107, &y, &m, &d); /* 1904-01-01 */
	} else if (days == 60) {
		y = 1900, m = 2, d = 29;
	} else {
		/* day 1 is 1900-01-01, so day 0 would be 1899-12-31 ... */
		xlsx_civil_from_days(days - 25568 - (days > 60), &y, &m, &d);
	}
	if (y > 9999)
		return -1;
	if (tod)
		snprintf(buf, size, "%04lld-%02u-%02u %02lld:%02lld:%02lld", y, m, d, tod / 3600,
			 tod / 60 % 60, tod % 60);
	else
		snprintf(buf, size, "%04lld-%02u-%02u", y, m, d);
	return 0;
}

/* How the built-in number format id shows a number. Besides the universal
 * dates and times (14-22, 45-47), the East Asian locales (zh-CN, zh-TW,
 * ja-JP, ko-KR) define 27-36 and 50-58 as dates and times, such as
 * yyyy"年"m"月"d"日" (31); a Chinese Excel writes those ids undefined. */
static enum xlsx_numfmt_kind xlsx_builtin_kind(unsigned long id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
	    (id >= 50 && id <= 54) || id == 57 || id == 58)
		return XLSX_NUMFMT_DATE;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || (id >= 32 && id <= 35) ||
	    id == 55 || id == 56)
		return XLSX_NUMFMT_TIME;
	return XLSX_NUMFMT_NUMBER;
}

/* How a custom format code shows a number: a date when it has d or y, a
 * time when it has h or s (or [h] [mm] [ss], AM/PM), a date for m alone
 * (a month); text in quotes, escaped (\x) and padding (_x *x) characters,
 * and [colour], [$-804] locale and [DBNum1] sections do not count. */
static enum xlsx_numfmt_kind xlsx_code_kind(const char *code)
{
	int date = 0, time = 0, month = 0;

	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				break;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (!*++p)
				break;
		} else if (*p == '[') {
			const char *end = strchr(p, ']');
			if (!end)
				break;
			if (end > p + 1 && strspn(p + 1, "hHmMsS") == (size_t)(end - p - 1))
				time = 1;
			p = end;
		} else if (strncasecmp(p, "AM/PM", 5) == 0) {
			time = 1;
			p += 4;
		} else if (strncasecmp(p, "A/P", 3) == 0) {
			time = 1;
			p += 2;
		} else if ((*p | 0x20) == 'd' || (*p | 0x20) == 'y') {
			date = 1;
		} else if ((*p | 0x20) == 'h' || (*p | 0x20) == 's') {
			time = 1;
		} else if ((*p | 0x20) == 'm') {
			month = 1;
		}
	}
	if (date)
		return XLSX_NUMFMT_DATE;
	if (time)
		return XLSX_NUMFMT_TIME;
	return month ? XLSX_NUMFMT_DATE : XLSX_NUMFMT_NUMBER;
}

/* ---- parts ---- */

/* Map a failure of libzip on the part to an error. */
static int xlsx_zip_fail(struct xlsx_reader *r, zip_error_t *ze, struct err *e)
{
	int zcode = zip_error_code_zip(ze);
	const char *why = zip_error_strerror(ze);

	switch (zcode) {
	case ZIP_ER_READ:
	case ZIP_ER_SEEK:
	case ZIP_ER_MEMORY:
	case ZIP_ER_OPEN:
		return xlsx_err_file(e, ERR_IO, r->name, _("cannot read '%s': %s"), r->name, why);
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
	case ZIP_ER_ENCRNOTSUPP:
		return xlsx_err_file(e, ERR_INPUT, r->name,
				     _("'%s': part '%s' is encrypted: save the workbook without "
				       "a password"),
				     r->name, r->part);
	default:
		return xlsx_err_file(e, ERR_INPUT, r->name,
				     _("'%s' is truncated or damaged: part '%s' cannot be read "
				       "(%s)"),
				     r->name, r->part, why);
	}
}

static int xlsx_too_big(struct xlsx_reader *r, struct err *e)
{
	return xlsx_err_file(e, ERR_INPUT, r->name,
			     _("'%s': part '%s' is larger than %u MiB uncompressed: refused"),
			     r->name, r->part, (unsigned)(r->part_cap >> 20));
}

static void XMLCALL xlsx_on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
				    const XML_Char *pubid, int has_internal_subset)
{
	struct xlsx_reader *r = ud;

	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	xlsx_abort(r, xlsx_err_file(r->e, ERR_INPUT, r->name,
				    _("'%s': part '%s' has a document type declaration, which "
				      "XLSX does not use: refused"),
				    r->name, r->part));
}

static void xlsx_part_close(struct xlsx_reader *r)
{
	if (r->xp)
		XML_ParserFree(r->xp);
	if (r->zf)
		zip_fclose(r->zf);
	r->xp = NULL;
	r->zf = NULL;
	free(r->part);
	r->part = NULL;
}

/* Open part (capped at cap inflated bytes) and a parser for it running the
 * handlers of kind. Returns 0, 1 when an optional part is absent, or a
 * negative code. */
static int xlsx_part_open(struct xlsx_reader *r, enum xlsx_part_kind kind, const char *part,
			  uint64_t cap, int optional, struct err *e)
{
	zip_int64_t idx;
	zip_stat_t st;

	xlsx_part_close(r);
	r->part = xstrdup(part);
	r->kind = kind;
	r->part_cap = cap;
	r->inflated = r->stalled = 0;
	r->depth = 0;
	r->failed = 0;
	idx = zip_name_locate(r->zip, part, ZIP_FL_NOCASE);
	if (idx < 0) {
		if (optional)
			return 1;
		if (kind == XLSX_PART_WORKBOOK || kind == XLSX_PART_RELS)
			return xlsx_err_file(e, ERR_INPUT, r->name,
					     _("'%s' is not an XLSX workbook: it has no '%s'"),
					     r->name, part);
		return xlsx_err_file(e, ERR_INPUT, r->name,
				     _("'%s' is damaged: part '%s' is missing"), r->name, part);
	}
	zip_stat_init(&st);
	if (zip_stat_index(r->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size > cap)
		return xlsx_too_big(r, e);
	r->zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
	if (!r->zf)
		return xlsx_zip_fail(r, zip_get_error(r->zip), e);
	r->xp = XML_ParserCreateNS(NULL, XLSX_NS_SEP);
	if (!r->xp)
		return xlsx_err_file(e, ERR_IO, r->name, _("'%s': out of memory"), r->name);
	XML_SetUserData(r->xp, r);
	XML_SetStartDoctypeDeclHandler(r->xp, xlsx_on_doctype);
	XML_SetCharacterDataHandler(r->xp, xlsx_on_text);
	return 0;
}

/* Parse on: 1 when a handler suspended the parser (a row is ready), 0 when
 * the part has been parsed to its end, or a negative code. */
static int xlsx_part_step(struct xlsx_reader *r, struct err *e)
{
	enum XML_Status st;
	XML_ParsingStatus ps;

	r->e = e;
	for (;;) {
		XML_GetParsingStatus(r->xp, &ps);
		if (ps.parsing == XML_FINISHED)
			return 0;
		if (ps.parsing == XML_SUSPENDED) {
			st = XML_ResumeParser(r->xp);
		} else {
			void *buf = XML_GetBuffer(r->xp, XLSX_CHUNK);
			unsigned long events = r->events;
			zip_int64_t n;

			if (!buf)
				return xlsx_err_file(e, ERR_IO, r->name, _("'%s': out of memory"),
						     r->name);
			n = zip_fread(r->zf, buf, XLSX_CHUNK);
			if (n < 0)
				return xlsx_zip_fail(r, zip_file_get_error(r->zf), e);
			/* counted, not trusted from the zip directory */
			r->inflated += (uint64_t)n;
			if (r->inflated > r->part_cap)
				return xlsx_too_big(r, e);
			st = XML_ParseBuffer(r->xp, (int)n, n == 0);
			/* Text reaches the handlers as it arrives, but expat
			 * keeps a tag, comment or processing instruction in its
			 * buffer until it ends: one that never ends would grow
			 * it to the size of the part. */
			r->stalled = r->events == events ? r->stalled + (uint64_t)n : 0;
			if (st != XML_STATUS_ERROR && r->stalled > XLSX_TOKEN_BYTES_MAX)
				return xlsx_err_file(e, ERR_INPUT, r->name,
						     _("'%s': part '%s' has an XML tag or comment "
						       "longer than %u KiB: refused"),
						     r->name, r->part,
						     (unsigned)(XLSX_TOKEN_BYTES_MAX >> 10));
		}
		if (st == XML_STATUS_ERROR) {
			if (r->failed)
				return r->failed;
			return xlsx_err_file(
				e, ERR_INPUT, r->name,
				_("'%s': part '%s' is malformed XML at line %lu, column %lu: %s"),
				r->name, r->part, (unsigned long)XML_GetCurrentLineNumber(r->xp),
				(unsigned long)XML_GetCurrentColumnNumber(r->xp) + 1,
				XML_ErrorString(XML_GetErrorCode(r->xp)));
		}
		if (st == XML_STATUS_SUSPENDED)
			return 1;
	}
}

/* Parse a part that never suspends from start to end, then close it. */
static int xlsx_part_parse_all(struct xlsx_reader *r, struct err *e)
{
	int rc = xlsx_part_step(r, e);

	if (rc > 0)
		rc = err_set(e, ERR_INTERNAL, "part '%s' suspended", r->part);
	xlsx_part_close(r);
	return rc;
}

/* ---- xl/workbook.xml ---- */

static void XMLCALL xlsx_wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *ln = xlsx_main_local(name), *v;

	if (xlsx_enter(r) < 0)
		return;
	if (!ln || r->failed)
		return;
	if (strcmp(ln, "workbookPr") == 0) {
		v = xlsx_attr(atts, "date1904");
		r->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(ln, "sheet") == 0) {
		const char *sheet_name = xlsx_attr(atts, "name");
		const char *rel_id = xlsx_attr_rel_id(atts);

		if (!sheet_name || !rel_id) {
			xlsx_abort(r, xlsx_err_file(r->e, ERR_INPUT, r->name,
						    _("'%s': a sheet in '%s' has no name or no "
						      "r:id"),
						    r->name, r->part));
			return;
		}
		if (r->nsheets == r->sheets_cap) {
			r->sheets_cap = r->sheets_cap ? 2 * r->sheets_cap : 8;
			r->sheets = xrealloc(r->sheets, r->sheets_cap * sizeof(*r->sheets));
		}
		r->sheets[r->nsheets].name = xstrdup(sheet_name);
		r->sheets[r->nsheets].rel_id = xstrdup(rel_id);
		r->nsheets++;
	}
}

static void XMLCALL xlsx_any_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *r = ud;

	(void)name;
	r->events++;
	r->depth--;
}

/* Choose the sheet called name (or the first) into r->sheet. */
static int xlsx_sheet_choose(struct xlsx_reader *r, const char *name, struct err *e)
{
	struct strbuf names = {0};
	int rc;

	if (!r->nsheets)
		return xlsx_err_file(e, ERR_INPUT, r->name, _("'%s' has no sheets"), r->name);
	if (!name) {
		r->sheet = &r->sheets[0];
		return 0;
	}
	for (size_t i = 0; i < r->nsheets; i++)
		if (strcmp(r->sheets[i].name, name) == 0) {
			r->sheet = &r->sheets[i];
			return 0;
		}
	/* Excel itself does not tell "Data" from "data" */
	for (size_t i = 0; i < r->nsheets; i++)
		if (strcasecmp(r->sheets[i].name, name) == 0) {
			r->sheet = &r->sheets[i];
			return 0;
		}
	for (size_t i = 0; i < r->nsheets; i++)
		strbuf_addf(&names, "%s'%s'", i ? ", " : "", r->sheets[i].name);
	rc = xlsx_err_file(e, ERR_NOTFOUND, r->name, _("'%s' has no sheet '%s' (its sheets: %s)"),
			   r->name, name, strbuf_str(&names));
	strbuf_release(&names);
	return rc;
}

/* ---- xl/_rels/workbook.xml.rels ---- */

/* The zip entry name of a relationship target of a part in xl/: absolute
 * ("/xl/...") or relative to xl/, with "." and ".." resolved. */
static char *xlsx_target_path(const char *target)
{
	struct strbuf path = {0};
	const char *p = target;

	if (*p == '/')
		p++;
	else
		strbuf_addstr(&path, "xl/");
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 1 && p[0] == '.') {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *slash;
			if (path.len)
				path.len--; /* the trailing '/' */
			slash = path.len ? memrchr(path.buf, '/', path.len) : NULL;
			path.len = slash ? (size_t)(slash - path.buf) + 1 : 0;
			if (path.buf)
				path.buf[path.len] = '\0';
		} else if (n) {
			strbuf_add(&path, p, n);
			if (p[n])
				strbuf_addch(&path, '/');
		}
		p += n + (p[n] == '/');
	}
	return strbuf_detach(&path);
}

static int xlsx_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void XMLCALL xlsx_rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *id, *type, *target, *mode;

	if (xlsx_enter(r) < 0)
		return;
	if (r->failed || strcmp(xlsx_local(name), "Relationship") != 0)
		return;
	id = xlsx_attr(atts, "Id");
	type = xlsx_attr(atts, "Type");
	target = xlsx_attr(atts, "Target");
	mode = xlsx_attr(atts, "TargetMode");
	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
		return;
	if (strcmp(id, r->sheet->rel_id) == 0 && !r->sheet_target) {
		r->sheet_target = xlsx_target_path(target);
		r->sheet_type = xstrdup(type);
	} else if (xlsx_ends_with(type, "/sharedStrings") && !r->sst_target) {
		r->sst_target = xlsx_target_path(target);
	} else if (xlsx_ends_with(type, "/styles") && !r->styles_target) {
		r->styles_target = xlsx_target_path(target);
	}
}

/* ---- xl/styles.xml ---- */

static void XMLCALL xlsx_styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *ln = xlsx_main_local(name);
	unsigned long id;

	if (xlsx_enter(r) < 0)
		return;
	if (!ln || r->failed)
		return;
	if (strcmp(ln, "numFmt") == 0) {
		const char *code = xlsx_attr(atts, "formatCode");

		if (xlsx_parse_index(xlsx_attr(atts, "numFmtId"), &id) < 0 || !code)
			return;
		if (r->nnumfmts == r->numfmts_cap) {
			r->numfmts_cap = r->numfmts_cap ? 2 * r->numfmts_cap : 16;
			r->numfmts = xrealloc(r->numfmts, r->numfmts_cap * sizeof(*r->numfmts));
		}
		r->numfmts[r->nnumfmts].id = id;
		r->numfmts[r->nnumfmts].kind = xlsx_code_kind(code);
		r->nnumfmts++;
	} else if (strcmp(ln, "cellXfs") == 0) {
		if (!r->cellxfs_depth)
			r->cellxfs_depth = r->depth;
	} else if (strcmp(ln, "xf") == 0 && r->cellxfs_depth && r->depth == r->cellxfs_depth + 1) {
		if (xlsx_parse_index(xlsx_attr(atts, "numFmtId"), &id) < 0)
			id = 0;
		if (r->nxf == r->xf_cap) {
			r->xf_cap = r->xf_cap ? 2 * r->xf_cap : 64;
			r->xf_numfmt = xrealloc(r->xf_numfmt, r->xf_cap * sizeof(*r->xf_numfmt));
		}
		r->xf_numfmt[r->nxf++] = id;
	}
}

static void XMLCALL xlsx_styles_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *r = ud;

	(void)name;
	r->events++;
	if (r->depth == r->cellxfs_depth)
		r->cellxfs_depth = UINT32_MAX; /* only the first cellXfs */
	r->depth--;
}

static int xlsx_numfmt_cmp(const void *a, const void *b)
{
	const struct xlsx_numfmt *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* Decide, for each cell style, whether it shows a date: a format defined in
 * the file wins over the built-in of the same id. */
static void xlsx_styles_resolve(struct xlsx_reader *r)
{
	if (r->nnumfmts)
		qsort(r->numfmts, r->nnumfmts, sizeof(*r->numfmts), xlsx_numfmt_cmp);
	r->xf_kind = xmalloc(r->nxf);
	for (size_t i = 0; i < r->nxf; i++) {
		struct xlsx_numfmt key = {.id = r->xf_numfmt[i]};
		const struct xlsx_numfmt *f =
			r->nnumfmts ? bsearch(&key, r->numfmts, r->nnumfmts, sizeof(*r->numfmts),
					      xlsx_numfmt_cmp)
				    : NULL;
		r->xf_kind[i] = (unsigned char)(f ? f->kind : xlsx_builtin_kind(key.id));
	}
	free(r->xf_numfmt);
	free(r->numfmts);
	r->xf_numfmt = NULL;
	r->numfmts = NULL;
}

/* ---- xl/sharedStrings.xml ---- */

static void XMLCALL xlsx_sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *ln = xlsx_main_local(name);

	(void)atts;
	if (xlsx_enter(r) < 0)
		return;
	if (!ln || r->failed)
		return;
	if (strcmp(ln, "si") == 0 && !r->si_depth) {
		if (r->sst_count >= XLSX_SST_COUNT_MAX) {
			xlsx_abort(r, xlsx_err_file(r->e, ERR_INPUT, r->name,
						    _("'%s' has more than %u shared strings: "
						      "refused"),
						    r->name, (unsigned)XLSX_SST_COUNT_MAX));
			return;
		}
		r->si_depth = r->depth;
		xlsx_collect_begin(r, &r->sst_text);
	} else if (r->si_depth && strcmp(ln, "rPh") == 0 && !r->rph_depth) {
		r->rph_depth = r->depth; /* phonetic guide: not part of the text */
	} else if (r->si_depth && !r->rph_depth && strcmp(ln, "t") == 0) {
		r->collect_depth = r->depth;
	}
}

static void XMLCALL xlsx_sst_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *r = ud;

	(void)name;
	r->events++;
	if (r->depth == r->collect_depth)
		r->collect_depth = 0;
	else if (r->depth == r->rph_depth)
		r->rph_depth = 0;
	else if (r->depth == r->si_depth && !r->failed) {
		size_t start = r->collect_start;

		r->si_depth = 0;
		if (xlsx_collect_end_string(r) == SIZE_MAX) {
			xlsx_abort(r,
				   xlsx_err_file(r->e, ERR_INPUT, r->name,
						 _("'%s': shared string %zu is longer than %u "
						   "characters"),
						 r->name, r->sst_count + 1, XLSX_CELL_CHARS_MAX));
		} else if (r->sst_text.len > XLSX_SST_BYTES_MAX) {
			xlsx_abort(r, xlsx_err_file(r->e, ERR_INPUT, r->name,
						    _("'%s': its shared strings are larger than %u "
						      "MiB: refused"),
						    r->name, (unsigned)(XLSX_SST_BYTES_MAX >> 20)));
		} else {
			if (r->sst_count == r->sst_cap) {
				r->sst_cap = r->sst_cap ? 2 * r->sst_cap : 256;
				r->sst_offs =
					xrealloc(r->sst_offs, r->sst_cap * sizeof(*r->sst_offs));
			}
			r->sst_offs[r->sst_count++] = (uint32_t)start;
		}
	}
	r->depth--;
}

/* ---- the worksheet ---- */

static const char xlsx_empty[] = "";

static void xlsx_row_push(struct xlsx_reader *r, const char *shared, size_t off)
{
	if (r->ncells == r->fields_cap) {
		r->fields_cap = r->fields_cap ? 2 * r->fields_cap : 32;
		r->fields = xrealloc(r->fields, r->fields_cap * sizeof(*r->fields));
	}
	r->fields[r->ncells].shared = shared;
	r->fields[r->ncells].off = off;
	r->ncells++;
}

/* The row number is known once the row or its first cell says it. */
static int xlsx_row_check_number(struct xlsx_reader *r)
{
	if (r->row > XLSX_ROWS_MAX) {
		xlsx_cell_fail(r, SIZE_MAX, _("more than %u rows"), XLSX_ROWS_MAX);
		return -1;
	}
	if (r->row <= r->last_row) {
		xlsx_cell_fail(r, SIZE_MAX, _("out of order: it comes after row %zu"), r->last_row);
		return -1;
	}
	return 0;
}

static void xlsx_row_begin(struct xlsx_reader *r, const XML_Char **atts)
{
	const char *v = xlsx_attr(atts, "r");
	unsigned long n;

	r->row_numbered = 0;
	if (v) {
		if (xlsx_parse_index(v, &n) < 0 || n < 1 || n > XLSX_ROWS_MAX) {
			r->row = r->last_row + 1;
			xlsx_cell_fail(r, SIZE_MAX, _("row number '%s' is not one from 1 to %u"), v,
				       XLSX_ROWS_MAX);
			return;
		}
		r->row = n;
		r->row_numbered = 1;
	} else {
		r->row = r->last_row + 1;
	}
	r->row_depth = r->depth;
	r->ncells = r->nonempty = 0;
	strbuf_reset(&r->row_text);
	if (r->row_numbered)
		(void)xlsx_row_check_number(r);
}

static void xlsx_cell_begin(struct xlsx_reader *r, const XML_Char **atts)
{
	const char *ref = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t");
	const char *s = xlsx_attr(atts, "s");
	size_t col, row;
	unsigned long style;

	if (ref) {
		if (xlsx_parse_ref(ref, &col, &row) < 0) {
			xlsx_cell_fail(r, SIZE_MAX,
				       _("cell reference '%s' is not one from A1 to XFD%u"), ref,
				       XLSX_ROWS_MAX);
			return;
		}
		if (!r->row_numbered) {
			r->row = row;
			r->row_numbered = 1;
			if (xlsx_row_check_number(r) < 0)
				return;
		} else if (row != r->row) {
			xlsx_cell_fail(r, SIZE_MAX, _("cell '%s' is not in this row"), ref);
			return;
		}
		if (col < r->ncells) {
			char prev[24];

			xlsx_cell_name(r->ncells - 1, r->row, prev, sizeof(prev));
			xlsx_cell_fail(r, col, _("out of order: it comes after cell %s"), prev);
			return;
		}
	} else {
		if (!r->row_numbered) {
			r->row_numbered = 1;
			if (xlsx_row_check_number(r) < 0)
				return;
		}
		col = r->ncells;
		if (col >= XLSX_COLS_MAX) {
			xlsx_cell_fail(r, SIZE_MAX, _("more than %u cells"), XLSX_COLS_MAX);
			return;
		}
	}
	r->cell_col = col;
	if (!t || strcmp(t, "n") == 0)
		r->cell_type = XLSX_CELL_NUMBER;
	else if (strcmp(t, "s") == 0)
		r->cell_type = XLSX_CELL_SHARED;
	else if (strcmp(t, "str") == 0)
		r->cell_type = XLSX_CELL_STR;
	else if (strcmp(t, "inlineStr") == 0)
		r->cell_type = XLSX_CELL_INLINE;
	else if (strcmp(t, "b") == 0)
		r->cell_type = XLSX_CELL_BOOL;
	else if (strcmp(t, "e") == 0)
		r->cell_type = XLSX_CELL_ERROR;
	else if (strcmp(t, "d") == 0)
		r->cell_type = XLSX_CELL_ISODATE;
	else {
		xlsx_cell_fail(r, col, _("unknown cell type '%s'"), t);
		return;
	}
	r->cell_style = (s && xlsx_parse_index(s, &style) == 0) ? style : 0;
	while (r->ncells < col)
		xlsx_row_push(r, xlsx_empty, 0);
	r->cell_depth = r->depth;
	xlsx_collect_begin(r, &r->row_text);
}

/* The field for the open cell's text of its own, which ends at the end of
 * row_text: NUL-terminated, counted in the row's cap. */
static void xlsx_cell_push_text(struct xlsx_reader *r, size_t start, int nonempty)
{
	if (r->row_text.len > XLSX_ROW_BYTES_MAX) {
		xlsx_cell_fail(r, SIZE_MAX, _("row text longer than %u MiB"),
			       (unsigned)(XLSX_ROW_BYTES_MAX >> 20));
		return;
	}
	xlsx_row_push(r, NULL, start);
	if (nonempty)
		r->nonempty = r->ncells;
}

/* Replace the open cell's text (from start) by value. */
static void xlsx_cell_push_value(struct xlsx_reader *r, size_t start, const char *value)
{
	r->row_text.len = start;
	strbuf_addstr(&r->row_text, value);
	strbuf_addch(&r->row_text, '\0');
	xlsx_cell_push_text(r, start, 1);
}

/* Turn the text collected for the open cell into its value. */
static void xlsx_cell_end(struct xlsx_reader *r)
{
	size_t start = r->collect_start, len = r->row_text.len - start;
	const char *text;
	char num[64];
	unsigned long idx;
	double d;
	unsigned char kind;

	if (!len) {
		xlsx_row_push(r, xlsx_empty, 0);
		return;
	}
	strbuf_addch(&r->row_text, '\0');
	text = r->row_text.buf + start;
	switch (r->cell_type) {
	case XLSX_CELL_SHARED:
		if (xlsx_parse_index(text, &idx) < 0 || idx >= r->sst_count) {
			xlsx_cell_fail(r, r->cell_col,
				       _("shared string '%s' does not exist (there are %zu)"), text,
				       r->sst_count);
			return;
		}
		r->row_text.len = start;
		xlsx_row_push(r, r->sst_text.buf + r->sst_offs[idx], 0);
		if (r->sst_text.buf[r->sst_offs[idx]])
			r->nonempty = r->ncells;
		return;
	case XLSX_CELL_STR:
	case XLSX_CELL_INLINE:
		r->row_text.len--; /* the NUL: xlsx_collect_end_string() adds it */
		len = xlsx_collect_end_string(r);
		if (len == SIZE_MAX)
			xlsx_cell_fail(r, r->cell_col, _("text longer than %u characters"),
				       XLSX_CELL_CHARS_MAX);
		else
			xlsx_cell_push_text(r, start, len > 0);
		return;
	case XLSX_CELL_ERROR:
	case XLSX_CELL_ISODATE:
		xlsx_cell_push_text(r, start, 1);
		return;
	case XLSX_CELL_BOOL:
		if (strcmp(text, "1") && strcmp(text, "0") && strcmp(text, "true") &&
		    strcmp(text, "false")) {
			xlsx_cell_fail(r, r->cell_col, _("'%s' is not a boolean"), text);
			return;
		}
		xlsx_cell_push_value(r, start, (text[0] == '1' || text[0] == 't') ? "1" : "0");
		return;
	case XLSX_CELL_NUMBER:
		kind = r->cell_style < r->nxf ? r->xf_kind[r->cell_style] : XLSX_NUMFMT_NUMBER;
		if (kind == XLSX_NUMFMT_NUMBER && xlsx_number_is_canonical(text)) {
			xlsx_cell_push_text(r, start, 1);
			return;
		}
		if (xlsx_parse_number(text, &d) < 0) {
			xlsx_cell_fail(r, r->cell_col, _("'%s' is not a number"), text);
			return;
		}
		if (kind == XLSX_NUMFMT_NUMBER ||
		    xlsx_format_date(d, (enum xlsx_numfmt_kind)kind, r->date1904, num,
				     sizeof(num)) < 0)
			xlsx_format_number(d, num, sizeof(num));
		xlsx_cell_push_value(r, start, num);
		return;
	}
}

static void XMLCALL xlsx_sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *ln = xlsx_main_local(name);

	if (xlsx_enter(r) < 0)
		return;
	if (!ln || r->failed)
		return;
	if (!r->sheetdata_depth) {
		if (strcmp(ln, "sheetData") == 0 && !r->sheetdata_done)
			r->sheetdata_depth = r->depth;
	} else if (!r->row_depth) {
		if (strcmp(ln, "row") == 0 && r->depth == r->sheetdata_depth + 1)
			xlsx_row_begin(r, atts);
	} else if (!r->cell_depth) {
		if (strcmp(ln, "c") == 0 && r->depth == r->row_depth + 1)
			xlsx_cell_begin(r, atts);
	} else if (r->depth == r->cell_depth + 1) {
		if (strcmp(ln, "v") == 0)
			r->collect_depth = r->depth;
		else if (strcmp(ln, "is") == 0)
			r->is_depth = r->depth;
	} else if (r->is_depth) {
		if (strcmp(ln, "rPh") == 0 && !r->rph_depth)
			r->rph_depth = r->depth;
		else if (strcmp(ln, "t") == 0 && !r->rph_depth && !r->collect_depth)
			r->collect_depth = r->depth;
	}
}

static void XMLCALL xlsx_sheet_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *r = ud;

	(void)name;
	r->events++;
	if (r->failed) {
		r->depth--;
		return;
	}
	if (r->depth == r->collect_depth) {
		r->collect_depth = 0;
	} else if (r->depth == r->rph_depth) {
		r->rph_depth = 0;
	} else if (r->depth == r->is_depth) {
		r->is_depth = 0;
	} else if (r->depth == r->cell_depth) {
		r->cell_depth = 0;
		xlsx_cell_end(r);
	} else if (r->depth == r->row_depth) {
		r->row_depth = 0;
		if (!r->row_numbered && xlsx_row_check_number(r) < 0) {
			r->depth--;
			return;
		}
		r->last_row = r->row;
		if (r->nonempty) {
			r->nfields = r->nonempty;
			XML_StopParser(r->xp, XML_TRUE);
		}
	} else if (r->depth == r->sheetdata_depth) {
		r->sheetdata_depth = 0;
		r->sheetdata_done = 1;
	}
	r->depth--;
}

/* ---- open, read, free ---- */

/* Open the zip archive, telling a file that is no zip at all from one that
 * is cut short, and an old .xls or encrypted workbook (both OLE compound
 * files) from anything else. */
static int xlsx_zip_open(struct xlsx_reader *r, struct err *e)
{
	static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	unsigned char magic[8];
	size_t n;
	int zcode = 0;
	FILE *f = fopen(r->name, "rb");

	if (!f)
		return xlsx_err_file(e, ERR_IO, r->name, _("cannot open '%s': %s"), r->name,
				     strerror(errno));
	n = fread(magic, 1, sizeof(magic), f);
	if (ferror(f)) {
		int saved = errno;
		fclose(f);
		return xlsx_err_file(e, ERR_IO, r->name, _("cannot read '%s': %s"), r->name,
				     strerror(saved));
	}
	fclose(f);
	if (n == 0)
		return xlsx_err_file(e, ERR_INPUT, r->name,
				     _("'%s' is not an XLSX file (not a zip archive): it is empty"),
				     r->name);
	r->zip = zip_open(r->name, ZIP_RDONLY, &zcode);
	if (r->zip)
		return 0;
	if (zcode == ZIP_ER_NOZIP || zcode == ZIP_ER_INCONS) {
		if (n == sizeof(magic) && memcmp(magic, ole_magic, sizeof(magic)) == 0)
			return xlsx_err_file(e, ERR_INPUT, r->name,
					     _("'%s' is not an XLSX file (not a zip archive): it "
					       "is an Excel 97-2003 .xls file or a workbook with a "
					       "password; save it as .xlsx without a password"),
					     r->name);
		if (n >= 4 && memcmp(magic, "PK\3\4", 4) == 0)
			return xlsx_err_file(e, ERR_INPUT, r->name,
					     _("'%s' is truncated or damaged: its zip directory "
					       "is missing or inconsistent"),
					     r->name);
		return xlsx_err_file(e, ERR_INPUT, r->name,
				     _("'%s' is not an XLSX file (not a zip archive)"), r->name);
	} else {
		zip_error_t ze;
		int rc;

		zip_error_init_with_code(&ze, zcode);
		rc = xlsx_err_file(e, ERR_IO, r->name, _("cannot open '%s': %s"), r->name,
				   zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
}

int xlsx_reader_open(struct xlsx_reader **out, const char *path, const char *sheet, struct err *e)
{
	struct xlsx_reader *r = xcalloc(1, sizeof(*r));
	int rc;

	*out = NULL;
	r->name = xstrdup(path);
	rc = xlsx_zip_open(r, e);
	if (rc < 0)
		goto out;

	rc = xlsx_part_open(r, XLSX_PART_WORKBOOK, "xl/workbook.xml", XLSX_PART_BYTES_MAX, 0, e);
	if (rc < 0)
		goto out;
	XML_SetElementHandler(r->xp, xlsx_wb_start, xlsx_any_end);
	if ((rc = xlsx_part_parse_all(r, e)) < 0 || (rc = xlsx_sheet_choose(r, sheet, e)) < 0)
		goto out;

	rc = xlsx_part_open(r, XLSX_PART_RELS, "xl/_rels/workbook.xml.rels", XLSX_PART_BYTES_MAX, 0,
			    e);
	if (rc < 0)
		goto out;
	XML_SetElementHandler(r->xp, xlsx_rels_start, xlsx_any_end);
	if ((rc = xlsx_part_parse_all(r, e)) < 0)
		goto out;
	if (!r->sheet_target) {
		rc = xlsx_err_file(e, ERR_INPUT, r->name,
				   _("'%s' is damaged: sheet '%s' (%s) has no part"), r->name,
				   r->sheet->name, r->sheet->rel_id);
		goto out;
	}
	if (!xlsx_ends_with(r->sheet_type, "/worksheet")) {
		rc = xlsx_err_file(e, ERR_INPUT, r->name,
				   _("'%s': sheet '%s' is not a worksheet (a chart or macro "
				     "sheet) and has no rows"),
				   r->name, r->sheet->name);
		goto out;
	}

	rc = xlsx_part_open(r, XLSX_PART_STYLES,
			    r->styles_target ? r->styles_target : "xl/styles.xml",
			    XLSX_PART_BYTES_MAX, 1, e);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		XML_SetElementHandler(r->xp, xlsx_styles_start, xlsx_styles_end);
		if ((rc = xlsx_part_parse_all(r, e)) < 0)
			goto out;
	}
	xlsx_styles_resolve(r);

	rc = xlsx_part_open(r, XLSX_PART_SST,
			    r->sst_target ? r->sst_target : "xl/sharedStrings.xml",
			    XLSX_SST_BYTES_MAX, 1, e);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		XML_SetElementHandler(r->xp, xlsx_sst_start, xlsx_sst_end);
		if ((rc = xlsx_part_parse_all(r, e)) < 0)
			goto out;
	}

	rc = xlsx_part_open(r, XLSX_PART_SHEET, r->sheet_target, XLSX_SHEET_BYTES_MAX, 0, e);
	if (rc < 0)
		goto out;
	XML_SetElementHandler(r->xp, xlsx_sheet_start, xlsx_sheet_end);
	rc = 0;
out:
	r->e = NULL;
	if (rc < 0) {
		xlsx_reader_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void xlsx_reader_free(struct xlsx_reader *r)
{
	if (!r)
		return;
	xlsx_part_close(r);
	if (r->zip)
		zip_discard(r->zip);
	for (size_t i = 0; i < r->nsheets; i++) {
		free(r->sheets[i].name);
		free(r->sheets[i].rel_id);
	}
	free(r->sheets);
	free(r->sheet_target);
	free(r->sheet_type);
	free(r->sst_target);
	free(r->styles_target);
	free(r->numfmts);
	free(r->xf_numfmt);
	free(r->xf_kind);
	strbuf_release(&r->sst_text);
	free(r->sst_offs);
	strbuf_release(&r->row_text);
	free(r->fields);
	free(r->name);
	free(r);
}

int xlsx_reader_next(struct xlsx_reader *r, struct err *e)
{
	int rc;

	r->nfields = 0;
	if (r->broken)
		return xlsx_err_file(e, r->broken, r->name,
				     _("'%s': cannot read on after an earlier error"), r->name);
	if (!r->xp)
		return 0; /* the sheet was read to its end */
	rc = xlsx_part_step(r, e);
	r->e = NULL;
	if (rc < 0) {
		r->broken = rc;
		r->nfields = 0;
		return rc;
	}
	if (rc == 0)
		xlsx_part_close(r);
	return rc;
}

size_t xlsx_reader_nfields(const struct xlsx_reader *r)
{
	return r->nfields;
}

const char *xlsx_reader_field(const struct xlsx_reader *r, size_t i)
{
	const struct xlsx_field *f;

	if (i >= r->nfields)
		return "";
	f = &r->fields[i];
	return f->shared ? f->shared : r->row_text.buf + f->off;
}

size_t xlsx_reader_line(const struct xlsx_reader *r)
{
	return r->row;
}

const char *xlsx_reader_name(const struct xlsx_reader *r)
{
	return r->name;
}

const char *xlsx_reader_sheet(const struct xlsx_reader *r)
{
	return r->sheet->name;
}
