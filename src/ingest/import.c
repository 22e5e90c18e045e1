/* import.c - validating and writing a submitted file. See import.h.
 *
 * Two passes over memory: the file is read once into parsed rows (a
 * statistics file is at most a few thousand rows), every check runs and
 * every problem is recorded; only a clean file reaches the write pass,
 * which runs in one transaction. Values of a per-major kind are stored per
 * major and, summed, as the school's totals (dims without major), so every
 * level of the statistics cube stays consistent. */
#include "ingest/import.h"

#include <ctype.h>
#include <errno.h>
#include <sys/stat.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dims.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/csv.h"
#include "ingest/record.h"
#include "ingest/refdata.h"
#include "ingest/xlsx.h"
#include "core/ident.h"

struct import_row {
	size_t line;
	int64_t school_id;
	char school[32];
	int year;
	char major[16];
	char key[24]; /* an enterprise kind's uscc */
	/* One per kind column, in one allocation (import_row_open): a
	 * statistics file is held whole, so a row is only as wide as its kind. */
	double *v;
	char **text; /* text and code cells, owned */
	unsigned char *has;
	size_t ncols;
};

/* Give an empty row its cells, one per column of kind k. */
static void import_row_open(struct import_row *row, const struct kind *k)
{
	size_t n = k->ncols ? k->ncols : 1;
	char *block = xcalloc(n, sizeof(double) + sizeof(char *) + 1);

	memset(row, 0, sizeof(*row));
	row->v = (double *)block;
	row->text = (char **)(block + n * sizeof(double));
	row->has = (unsigned char *)(block + n * (sizeof(double) + sizeof(char *)));
	row->ncols = k->ncols;
}

/* Empty the row for the next line of the file, keeping its cells. */
static void import_row_reset(struct import_row *row)
{
	double *v = row->v;
	char **text = row->text;
	unsigned char *has = row->has;
	size_t n = row->ncols;

	for (size_t j = 0; j < n; j++)
		free(text[j]);
	memset(v, 0, n * sizeof(*v));
	memset(text, 0, n * sizeof(*text));
	memset(has, 0, n);
	memset(row, 0, sizeof(*row));
	row->v = v;
	row->text = text;
	row->has = has;
	row->ncols = n;
}

static void import_row_close(struct import_row *row)
{
	if (!row->v)
		return;
	for (size_t j = 0; j < row->ncols; j++)
		free(row->text[j]);
	free(row->v); /* the block */
	memset(row, 0, sizeof(*row));
}

struct import_ctx {
	struct store *s;
	const struct kind *k;
	const struct import_options *o;
	struct import_report *rep;
	struct err *e;
	int fcol[KIND_MAX_COLS]; /* file column of each kind column, -1 if absent */
	struct import_row *rows;
	size_t nrows, cap;
	unsigned char id_key[64]; /* the database's secret for ID numbers */
	size_t id_key_len;
	/* record kinds: the grain, the kind column of each field (-1: none),
	 * and the groups the file named, each "field0\x1ffield1" */
	const struct record_grain *g;
	int field_col[RECORD_MAX_FIELDS];
	char **groups;
	size_t ngroups;
	size_t *group_slot; /* open-addressing index of groups: slot -> index + 1 */
	size_t nslots;
};

/* The rows of the submitted file: CSV (any encoding) or the first (or
 * named) sheet of an XLSX workbook, read the same way. */
struct import_source {
	struct csv_reader *csv;
	struct xlsx_reader *xlsx;
	struct strbuf cell; /* the current cell, trimmed: never the reader's own buffer */
};

static int source_open(struct import_source *src, const struct import_options *o, char *encoding,
		       size_t size, struct err *e)
{
	unsigned char magic[4] = {0};
	FILE *f = fopen(o->path, "rb");
	enum encoding enc = ENC_UNKNOWN;
	struct stat sb;
	size_t n;
	int rc;

	memset(src, 0, sizeof(*src));
	if (!f)
		return err_set(e, ERR_IO, _("cannot open '%s': %s"), o->path, strerror(errno));
	if (fstat(fileno(f), &sb) == 0 && sb.st_size > IMPORT_MAX_FILE_BYTES) {
		fclose(f);
		return err_set(e, ERR_INPUT, _("'%s' is %lld MiB; files over %d MiB are refused"),
			       o->path, (long long)(sb.st_size >> 20), IMPORT_MAX_FILE_BYTES >> 20);
	}
	n = fread(magic, 1, sizeof(magic), f);
	fclose(f);
	/* A zip archive is a workbook, whatever its name says. */
	if (n == 4 && !memcmp(magic, "PK\x03\x04", 4)) {
		snprintf(encoding, size, "XLSX");
		return xlsx_reader_open(&src->xlsx, o->path, o->sheet, e);
	}
	if (o->sheet)
		return err_set(e, ERR_USAGE, _("--sheet applies to XLSX files; '%s' is not one"),
			       o->path);
	if ((rc = csv_reader_open_encoded(&src->csv, o->path, o->encoding, &enc, e)) < 0)
		return rc;
	snprintf(encoding, size, "%s", encoding_name(enc));
	return 0;
}

static void source_close(struct import_source *src)
{
	csv_reader_free(src->csv);
	xlsx_reader_free(src->xlsx);
	strbuf_release(&src->cell);
}

static int source_next(struct import_source *src, struct err *e)
{
	return src->xlsx ? xlsx_reader_next(src->xlsx, e) : csv_reader_next(src->csv, e);
}

static size_t source_nfields(const struct import_source *src)
{
	return src->xlsx ? xlsx_reader_nfields(src->xlsx) : csv_reader_nfields(src->csv);
}

/* The row number the user sees in Excel (the header is row 1). */
static size_t source_line(const struct import_source *src)
{
	return src->xlsx ? xlsx_reader_line(src->xlsx) : csv_reader_line(src->csv);
}

/* Cell i of the current row with surrounding blanks trimmed; valid until
 * the next call. */
static char *source_cell(struct import_source *src, size_t i)
{
	const char *v = src->xlsx ? xlsx_reader_field(src->xlsx, i) : csv_reader_field(src->csv, i);

	strbuf_reset(&src->cell);
	strbuf_addstr(&src->cell, v);
	return refdata_trim(src->cell.buf);
}

/* A (element, dims) -> value cell of the write pass. */
struct import_cell {
	const char *element;
	char *dims;
	double value;
	int seen; /* matched an existing value */
};

static void import_issue(struct import_ctx *c, size_t row, int col, const char *value,
			 const char *rule, int warning, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static void import_issue(struct import_ctx *c, size_t row, int col, const char *value,
			 const char *rule, int warning, const char *fmt, ...)
{
	struct import_report *rep = c->rep;
	struct import_issue *is;
	va_list ap;

	if (warning)
		rep->warnings++;
	else
		rep->errors++;
	if (rep->nissues == IMPORT_MAX_ISSUES)
		return;
	if (!rep->issues)
		rep->issues = xcalloc(IMPORT_MAX_ISSUES, sizeof(*rep->issues));
	is = &rep->issues[rep->nissues++];
	is->row = row;
	snprintf(is->column, sizeof(is->column), "%s",
		 col >= 0 ? kind_header(&c->k->cols[col]) : "");
	snprintf(is->value, sizeof(is->value), "%s", value ? value : "");
	snprintf(is->rule, sizeof(is->rule), "%s", rule);
	is->warning = warning;
	va_start(ap, fmt);
	vsnprintf(is->message, sizeof(is->message), fmt, ap);
	va_end(ap);
}

void import_report_release(struct import_report *rep)
{
	free(rep->issues);
	memset(rep, 0, sizeof(*rep));
}

void import_report_write_csv(const struct import_report *rep, FILE *out)
{
	/* UTF-8 with BOM, so that Excel on a Chinese Windows opens it right. */
	fputs("\xEF\xBB\xBF", out);
	fprintf(out, "%s,%s,%s,%s,%s,%s\r\n", _("row"), _("column"), _("value"), _("rule"),
		_("severity"), _("message"));
	for (size_t i = 0; i < rep->nissues; i++) {
		const struct import_issue *is = &rep->issues[i];
		fprintf(out, "%zu,", is->row);
		csv_write_field(out, is->column);
		fputc(',', out);
		csv_write_field(out, is->value);
		fputc(',', out);
		csv_write_field(out, is->rule);
		fputc(',', out);
		csv_write_field(out, is->warning ? _("warning") : _("error"));
		fputc(',', out);
		csv_write_field(out, is->message);
		fputs("\r\n", out);
	}
}

static int import_hash(const char *path, char *hex, struct err *e)
{
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES], buf[65536];
	FILE *f;
	size_t n;

	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "libsodium failed to initialise");
	if (!(f = fopen(path, "rb")))
		return err_set(e, ERR_IO, _("cannot open '%s': %s"), path, strerror(errno));
	crypto_hash_sha256_init(&st);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		crypto_hash_sha256_update(&st, buf, n);
	fclose(f);
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
	return 0;
}

/* Map the file's header to the kind's columns: a header may be the Chinese
 * or English header or the key. Returns 0 when every required column is
 * there. */
static int import_map_header(struct import_ctx *c, struct import_source *r)
{
	const struct kind *k = c->k;
	int ok = 1;

	for (size_t j = 0; j < k->ncols; j++)
		c->fcol[j] = -1;
	for (size_t i = 0; i < source_nfields(r); i++) {
		char *h = source_cell(r, i);
		size_t j;

		if (!*h)
			continue;
		for (j = 0; j < k->ncols; j++)
			if (!strcmp(h, k->cols[j].header_zh) || !strcmp(h, k->cols[j].header_en) ||
			    !strcmp(h, k->cols[j].key))
				break;
		if (j == k->ncols) {
			import_issue(c, 1, -1, h, "unknown_column", 1,
				     _("column '%s' is not part of %s and is ignored"), h,
				     i18n_is_chinese() ? k->name_zh : k->name_en);
			continue;
		}
		if (c->fcol[j] >= 0) {
			import_issue(c, 1, (int)j, h, "duplicate_column", 0,
				     _("column '%s' appears twice"), h);
			ok = 0;
			continue;
		}
		c->fcol[j] = (int)i;
	}
	for (size_t j = 0; j < k->ncols; j++) {
		if (c->fcol[j] < 0 && k->cols[j].required) {
			import_issue(c, 1, (int)j, "", "missing_column", 0,
				     _("required column '%s' is missing from the header"),
				     kind_header(&k->cols[j]));
			ok = 0;
		}
	}
	return ok;
}

static int import_parse_count(const char *s, double *v)
{
	char *end;
	long long n;

	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 15) {
		/* Excel may write whole numbers as 12.0 */
		double d = strtod(s, &end);
		if (*s && !*end && isfinite(d) && d >= 0 && d == floor(d) && d < 1e15) {
			*v = d;
			return 0;
		}
		return -1;
	}
	n = strtoll(s, &end, 10);
	*v = (double)n;
	return 0;
}

static int import_lookup_school(struct import_ctx *c, struct import_row *row, const char *code,
				int col)
{
	int64_t id;
	int rc = store_lookup(c->s, Q_SCHOOL_BY_CODE, &id, c->e, "t", code);

	if (rc < 0)
		return rc;
	if (rc == 0) {
		import_issue(c, row->line, col, code, "unknown_school", 0,
			     _("school '%s' does not exist (see 'tvet orgs --kind school')"), code);
		return 0;
	}
	if (c->o->school && strcmp(c->o->school, code) != 0) {
		import_issue(c, row->line, col, code, "other_school", 0,
			     _("the file is for school '%s', this row is for '%s'"), c->o->school,
			     code);
		return 0;
	}
	row->school_id = id;
	snprintf(row->school, sizeof(row->school), "%s", code);
	return 0;
}

/* 1 when column j's cell is not blank. */
static int import_filled(struct import_ctx *c, struct import_source *r, int j)
{
	return c->fcol[j] >= 0 && *source_cell(r, (size_t)c->fcol[j]);
}

/* YYYY-MM-DD, or YYYY/M/D and YYYY-M-D, of a real calendar day, into
 * out as YYYY-MM-DD. */
static int import_parse_date(const char *s, char *out, size_t size)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, n = 0;
	char sep1, sep2;

	if (sscanf(s, "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &n) != 5 || s[n] ||
	    sep1 != sep2 || (sep1 != '-' && sep1 != '/') || !isdigit((unsigned char)s[0]))
		return -1;
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
		return -1;
	if (d > days[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return -1;
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* 2025, 2025H1, 2025H2, 2025Q1 ... 2025Q4. */
static int import_valid_period(const char *s)
{
	size_t n = strlen(s);

	if (n < 4 || strspn(s, "0123456789") != 4 || atoi(s) < 2000 || atoi(s) > 2100)
		return 0;
	if (n == 4)
		return 1;
	return n == 6 && ((s[4] == 'H' && (s[5] == '1' || s[5] == '2')) ||
			  (s[4] == 'Q' && s[5] >= '1' && s[5] <= '4'));
}

/* The keyed hash, hex, of a 居民身份证号码: the number itself is never
 * stored. The key is the database's own secret, so the hashes cannot be
 * looked up in a table made elsewhere. */
static int import_hash_id(struct import_ctx *c, const char *id, char hex[65])
{
	unsigned char out[32];
	struct store_stmt *st;
	int rc;

	if (!c->id_key_len) {
		if (!(st = store_prepare(c->s, Q_SECRET_GET, c->e)))
			return c->e->code;
		store_bindf(st, "t", "id_hash");
		if ((rc = store_step(st, c->e)) < 0)
			return rc;
		if (rc == STORE_ROW) {
			size_t len;
			const void *v = store_col_blob(st, 0, &len);
			c->id_key_len = v && len <= sizeof(c->id_key) ? len : 0;
			if (c->id_key_len)
				memcpy(c->id_key, v, c->id_key_len);
		}
		store_reset(st);
		if (c->id_key_len < crypto_generichash_KEYBYTES_MIN)
			return err_set(c->e, ERR_DB, _("the database has no secret for ID numbers"));
	}
	crypto_generichash(out, sizeof(out), (const unsigned char *)id, strlen(id), c->id_key,
			   c->id_key_len);
	sodium_bin2hex(hex, 65, out, sizeof(out));
	return 0;
}

/* 1 when cell is a 统一社会信用代码 with its check character right; else
 * the problem goes to the report. */
static int import_uscc_ok(struct import_ctx *c, const struct import_row *row, int j,
			  const char *cell)
{
	if (ident_uscc_valid(cell))
		return 1;
	import_issue(c, row->line, j, cell, "check_character", 0,
		     _("'%s' is not a valid unified social credit code (18 characters, GB "
		       "32100-2015 check character)"),
		     cell);
	return 0;
}

/* Cells of the record kinds' types. */
static int import_check_cell(struct import_ctx *c, struct import_row *row, int j, char *cell)
{
	static const struct {
		enum kind_type type;
		enum store_query q;
		const char *msg;
	} lookups[] = {
		{KT_OCCUPATION, Q_OCCUPATION_DETAIL_EXISTS,
		 N_("not a detailed occupation (细类) code of the 2022 classification, as "
		    "6-18-01-01")},
		{KT_CLUSTER, Q_CLUSTER_EXISTS,
		 N_("not an industry cluster code (see 'tvet catalog clusters')")},
		{KT_ALLIANCE, Q_ALLIANCE_EXISTS, N_("not an alliance code")},
		{KT_REGISTRY_TYPE, Q_REGISTRY_TYPE_EXISTS,
		 N_("not a registry item type (see 'tvet catalog registry-types')")},
		{KT_TARGET, Q_TARGET_MANUAL_EXISTS,
		 N_("not a manually assessed target of the plan (see 'tvet plan targets')")},
		{KT_ENTERPRISE, Q_ENTERPRISE_EXISTS,
		 N_("not in the enterprise register: import the enterprise with 'tvet import "
		    "enterprises' first")},
	};
	const struct kind_column *col = &c->k->cols[j];
	char buf[65], *end;
	const char *v;
	int rc;

	switch (col->type) {
	case KT_CHOICE:
		if (!(v = kind_choice(col, cell))) {
			struct strbuf all = {0};
			for (int i = 0; i < col->nchoices; i++)
				strbuf_addf(&all, "%s%s", i ? ", " : "",
					    kind_choice_label(col, col->choice_value[i]));
			import_issue(c, row->line, j, cell, "choice", 0,
				     _("'%s' is not one of: %s"), cell, strbuf_str(&all));
			strbuf_release(&all);
		} else {
			row->text[j] = xstrdup(v);
		}
		return 0;
	case KT_DATE:
		if (import_parse_date(cell, buf, sizeof(buf)) < 0)
			import_issue(c, row->line, j, cell, "type", 0,
				     _("'%s' is not a date (YYYY-MM-DD)"), cell);
		else
			row->text[j] = xstrdup(buf);
		return 0;
	case KT_PERCENT:
		errno = 0;
		row->v[j] = strtod(cell, &end);
		if (*end || errno || !isfinite(row->v[j]) || row->v[j] < 0 || row->v[j] > 100)
			import_issue(c, row->line, j, cell, "range", 0,
				     _("'%s' is not a number from 0 to 100"), cell);
		else
			row->has[j] = 1;
		return 0;
	case KT_LONGTEXT:
		if (strlen(cell) > IMPORT_MAX_LONGTEXT)
			import_issue(c, row->line, j, "", "length", 0, _("longer than %d bytes"),
				     IMPORT_MAX_LONGTEXT);
		else
			row->text[j] = xstrdup(cell);
		return 0;
	case KT_PERIOD:
		if (!import_valid_period(cell))
			import_issue(c, row->line, j, cell, "type", 0,
				     _("'%s' is not a period (2025, 2025H1 or 2025Q1)"), cell);
		else
			row->text[j] = xstrdup(cell);
		return 0;
	case KT_CNID:
		if (!ident_cnid_valid(cell)) {
			/* The number is personal: the report shows only its end. */
			size_t n = strlen(cell);
			import_issue(c, row->line, j, n > 4 ? cell + n - 4 : "", "check_character",
				     0,
				     _("not a valid 居民身份证号码 (18 characters, GB 11643-1999 "
				       "check character)"));
			return 0;
		}
		if ((rc = import_hash_id(c, cell, buf)) < 0)
			return rc;
		row->text[j] = xstrdup(buf);
		return 0;
	case KT_ENTERPRISE:
		if (!import_uscc_ok(c, row, j, cell))
			return 0;
		break;
	default:
		break;
	}
	for (size_t i = 0; i < sizeof(lookups) / sizeof(lookups[0]); i++) {
		if (lookups[i].type != col->type)
			continue;
		if ((rc = store_lookup(c->s, lookups[i].q, NULL, c->e, "t", cell)) < 0)
			return rc;
		if (rc == 0)
			import_issue(c, row->line, j, cell, "unknown_code", 0,
				     /* TRANSLATORS: value: what is wrong with it */
				     _("'%s': %s"), cell, _(lookups[i].msg));
		else
			row->text[j] = xstrdup(cell);
		return 0;
	}
	return err_set(c->e, ERR_INTERNAL, "import: column type %d unhandled", (int)col->type);
}

/* Check one row's cells; problems go to the report. Negative only when the
 * store fails. */
static int import_check_row(struct import_ctx *c, struct import_source *r, struct import_row *row)
{
	const struct kind *k = c->k;
	int rc;

	for (size_t j = 0; j < k->ncols; j++) {
		const struct kind_column *col = &k->cols[j];
		char *cell;
		char *end;
		long year;

		if (c->fcol[j] < 0)
			continue;
		cell = source_cell(r, (size_t)c->fcol[j]);
		if (!*cell) {
			if (col->required)
				import_issue(c, row->line, (int)j, "", "required", 0,
					     _("this cell is required"));
			continue;
		}
		switch (col->type) {
		case KT_SCHOOL:
			if ((rc = import_lookup_school(c, row, cell, (int)j)) < 0)
				return rc;
			break;
		case KT_YEAR:
			errno = 0;
			year = strtol(cell, &end, 10);
			if (*end || errno || year < 2000 || year > 2100) {
				import_issue(c, row->line, (int)j, cell, "type", 0,
					     _("'%s' is not a year"), cell);
			} else if (c->o->year && year != c->o->year) {
				import_issue(c, row->line, (int)j, cell, "other_year", 0,
					     _("the file is for %d, this row is for %ld"),
					     c->o->year, year);
			} else {
				row->year = (int)year;
			}
			break;
		case KT_MAJOR:
			if ((rc = store_lookup(c->s, Q_MAJOR_EXISTS, NULL, c->e, "t", cell)) < 0)
				return rc;
			if (rc == 0)
				import_issue(c, row->line, (int)j, cell, "unknown_major", 0,
					     _("major code '%s' is not in the majors catalogue"),
					     cell);
			else
				snprintf(row->major, sizeof(row->major), "%s", cell);
			break;
		case KT_COUNT:
			if (import_parse_count(cell, &row->v[j]) < 0)
				import_issue(c, row->line, (int)j, cell, "type", 0,
					     _("'%s' is not a whole number of zero or more"), cell);
			else
				row->has[j] = 1;
			break;
		case KT_AMOUNT:
			errno = 0;
			row->v[j] = strtod(cell, &end);
			if (*end || errno || !isfinite(row->v[j]) || row->v[j] < 0)
				import_issue(c, row->line, (int)j, cell, "type", 0,
					     _("'%s' is not a number of zero or more"), cell);
			else
				row->has[j] = 1;
			break;
		case KT_TEXT:
			if (strlen(cell) > IMPORT_MAX_TEXT)
				import_issue(c, row->line, (int)j, cell, "length", 0,
					     _("longer than %d bytes"), IMPORT_MAX_TEXT);
			else
				row->text[j] = xstrdup(cell);
			break;
		case KT_USCC:
			if (import_uscc_ok(c, row, (int)j, cell)) {
				snprintf(row->key, sizeof(row->key), "%s", cell);
				row->text[j] = xstrdup(cell);
			}
			break;
		case KT_INDUSTRY:
		case KT_DIVISION:
			rc = store_lookup(c->s,
					  col->type == KT_INDUSTRY ? Q_INDUSTRY_EXISTS
								   : Q_DIVISION_EXISTS,
					  NULL, c->e, "t", cell);
			if (rc < 0)
				return rc;
			if (rc == 0)
				import_issue(
					c, row->line, (int)j, cell, "unknown_code", 0,
					col->type == KT_INDUSTRY
						? _("'%s' is not a GB/T 4754-2017 industry code")
						: _("'%s' is not an administrative division code"),
					cell);
			else
				row->text[j] = xstrdup(cell);
			break;
		default:
			if ((rc = import_check_cell(c, row, (int)j, cell)) < 0)
				return rc;
			break;
		}
	}
	/* A period lies in the row's year. */
	for (size_t j = 0; j < k->ncols; j++)
		if (k->cols[j].type == KT_PERIOD && row->text[j] && row->year &&
		    atoi(row->text[j]) != row->year)
			import_issue(c, row->line, (int)j, row->text[j], "period_year", 0,
				     _("period %s is not in the year %d"), row->text[j], row->year);
	/* The major must be one the school offers that year (unless the row
	 * says which majors the school offers). */
	if (row->major[0] && row->school_id && row->year && k->grain != GRAIN_SCHOOL_MAJOR) {
		rc = store_lookup(c->s, Q_SCHOOL_MAJOR_EXISTS, NULL, c->e, "iit", row->school_id,
				  (int64_t)row->year, row->major);
		if (rc < 0)
			return rc;
		if (rc == 0)
			import_issue(c, row->line, kind_column(k, "major"), row->major,
				     "not_offered", 0,
				     _("school '%s' does not offer major %s in %d"), row->school,
				     row->major, row->year);
	}
	for (size_t i = 0; i < k->nrules; i++) {
		const struct kind_rule *rule = &k->rules[i];
		double sum = 0;
		int complete = row->has[rule->lhs], broken;
		char value[64];

		if (rule->any) {
			int filled = import_filled(c, r, rule->lhs);
			for (int t = 0; t < rule->nterms; t++)
				filled |= import_filled(c, r, rule->terms[t]);
			if (!filled)
				import_issue(c, row->line, rule->lhs, "", "rule", 0, "%s",
					     i18n_is_chinese() ? rule->message_zh
							       : rule->message_en);
			continue;
		}

		for (int t = 0; t < rule->nterms; t++) {
			complete &= row->has[rule->terms[t]];
			sum += row->v[rule->terms[t]];
		}
		if (!complete)
			continue;
		broken = rule->le ? row->v[rule->lhs] > sum + 1e-9
				  : fabs(row->v[rule->lhs] - sum) > 1e-9;
		if (!broken)
			continue;
		snprintf(value, sizeof(value), "%.10g", row->v[rule->lhs]);
		import_issue(c, row->line, rule->lhs, value, "rule", 0,
			     /* TRANSLATORS: rule message (column value op sum) */
			     _("%s (%s %.10g %s %.10g)"),
			     i18n_is_chinese() ? rule->message_zh : rule->message_en,
			     kind_header(&k->cols[rule->lhs]), row->v[rule->lhs],
			     rule->le ? ">" : "≠", sum);
	}
	return 0;
}

static int import_row_cmp(const void *a, const void *b)
{
	const struct import_row *x = a, *y = b;

	if (x->school_id != y->school_id)
		return x->school_id < y->school_id ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if (strcmp(x->major, y->major))
		return strcmp(x->major, y->major);
	if (strcmp(x->key, y->key))
		return strcmp(x->key, y->key);
	return x->line < y->line ? -1 : x->line > y->line;
}

/* An error when the row's school and year were approved (locked). */
static int import_check_lock(struct import_ctx *c, const struct import_row *row)
{
	struct store_stmt *st = store_prepare(c->s, Q_SUBMISSION_GET, c->e);
	int rc;

	if (!st)
		return c->e->code;
	store_bindf(st, "ii", row->school_id, (int64_t)row->year);
	if ((rc = store_step(st, c->e)) < 0)
		return rc;
	if (rc == STORE_ROW && strcmp(store_col_text(st, 0), "approved") == 0)
		import_issue(c, row->line, kind_column(c->k, "year"), "", "locked", 0,
			     _("the %d data of school '%s' were approved on %s and "
			       "are locked; ask the bureau to reopen them"),
			     row->year, row->school, store_col_text(st, 1));
	store_reset(st);
	return 0;
}

/* Cross-row checks on the rows sorted by key: duplicates and locks. */
static int import_check_rows(struct import_ctx *c)
{
	int per_major = c->k->grain == GRAIN_SCHOOL_YEAR_MAJOR;

	if (c->k->grain == GRAIN_ENTERPRISE) {
		for (size_t i = 1; i < c->nrows; i++)
			if (c->rows[i].key[0] && !strcmp(c->rows[i].key, c->rows[i - 1].key))
				import_issue(c, c->rows[i].line, kind_column(c->k, "uscc"),
					     c->rows[i].key, "duplicate", 0,
					     _("this row repeats row %zu (same enterprise)"),
					     c->rows[i - 1].line);
		return 0;
	}
	for (size_t i = 0; i < c->nrows; i++) {
		struct import_row *row = &c->rows[i], *prev = i ? &c->rows[i - 1] : NULL;
		int new_period =
			!prev || prev->school_id != row->school_id || prev->year != row->year;

		if (!row->school_id || !row->year)
			continue;
		if (prev && !new_period && (!per_major || !strcmp(prev->major, row->major)))
			import_issue(c, row->line,
				     kind_column(c->k, per_major ? "major" : "school"),
				     per_major ? row->major : row->school, "duplicate", 0,
				     _("this row repeats row %zu (same school, year%s)"),
				     prev->line, per_major ? _(" and major") : "");
		if (new_period) {
			int rc = import_check_lock(c, row);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

/* Warnings: a value more than 3 times or less than a third of the same
 * school's previous year. */
/* A value stored for the year before a school-year of the file. */
struct import_prev {
	char *element, *dims;
	double v;
};

static int import_prev_cmp(const void *a, const void *b)
{
	const struct import_prev *x = a, *y = b;
	int d = strcmp(x->element, y->element);

	return d ? d : strcmp(x->dims, y->dims);
}

/* Warnings for the school-year rows[from, to): a value over 3x or under a
 * third of the same value the year before (both under 10: never). The
 * year before is read once, in one query, and searched in memory. */
static int import_check_plausible(struct import_ctx *c, size_t from, size_t to)
{
	const struct kind *k = c->k;
	const struct import_row *first = &c->rows[from];
	struct import_prev *prev = NULL;
	size_t nprev = 0, cap = 0;
	struct strbuf dims = {0};
	struct store_stmt *st;
	int rc = 0;

	if (!(st = store_prepare(c->s, Q_DATAVALUE_LIST, c->e)))
		return c->e->code;
	store_bindf(st, "ii", first->school_id, (int64_t)(first->year - 1));
	while ((rc = store_step(st, c->e)) == STORE_ROW) {
		if (nprev == cap) {
			cap = cap ? cap * 2 : 64;
			prev = xrealloc(prev, cap * sizeof(*prev));
		}
		prev[nprev].element = xstrdup(store_col_text(st, 0));
		prev[nprev].dims = xstrdup(store_col_text(st, 1));
		prev[nprev].v = store_col_double(st, 2);
		nprev++;
	}
	store_reset(st);
	/* The query's order is SQLite's (BINARY) collation, strcmp's too. */
	for (size_t i = from; rc >= 0 && nprev && i < to; i++) {
		const struct import_row *row = &c->rows[i];

		for (size_t j = 0; j < k->ncols; j++) {
			struct import_prev key, *hit;
			char value[64];

			if (!row->has[j] || !k->cols[j].element[0])
				continue;
			if (row->major[0]) {
				if ((rc = dims_with(k->cols[j].dims, "major", row->major, &dims,
						    c->e)) < 0)
					break;
			} else {
				strbuf_reset(&dims);
				strbuf_addstr(&dims, k->cols[j].dims);
			}
			key.element = (char *)k->cols[j].element;
			key.dims = (char *)strbuf_str(&dims);
			hit = bsearch(&key, prev, nprev, sizeof(*prev), import_prev_cmp);
			if (!hit || hit->v <= 0 || (hit->v < 10 && row->v[j] < 10))
				continue;
			if (row->v[j] <= 3 * hit->v && row->v[j] * 3 >= hit->v)
				continue;
			snprintf(value, sizeof(value), "%.10g", row->v[j]);
			import_issue(c, row->line, (int)j, value, "implausible_change", 1,
				     _("%.10g, against %.10g in %d: please check"), row->v[j],
				     hit->v, row->year - 1);
		}
	}
	for (size_t i = 0; i < nprev; i++) {
		free(prev[i].element);
		free(prev[i].dims);
	}
	free(prev);
	strbuf_release(&dims);
	return rc < 0 ? rc : 0;
}

/* One value of the file in its cross-school group, per student. */
struct import_peer {
	int col, year;
	const char *major;
	size_t row;
	double v; /* the value over the school's (or major's) enrolment */
};

static int import_peer_cmp(const void *a, const void *b)
{
	const struct import_peer *x = a, *y = b;

	if (x->col != y->col)
		return x->col - y->col;
	if (x->year != y->year)
		return x->year - y->year;
	return strcmp(x->major, y->major);
}

static int import_double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int import_id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static double import_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), import_double_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The enrolment a row's values are measured against: the row's own
 * enrolment column (a major's), else the school's stored total; 0 when
 * unknown. */
static int import_row_size(struct import_ctx *c, const struct import_row *row, double *size)
{
	int j = kind_column(c->k, IMPORT_SIZE_ELEMENT);
	struct store_stmt *st;
	int rc;

	*size = 0;
	if (j >= 0 && !strcmp(c->k->cols[j].element, IMPORT_SIZE_ELEMENT) && !c->k->cols[j].dims[0]) {
		*size = row->has[j] ? row->v[j] : 0;
		return 0;
	}
	if (row->major[0])
		return 0;
	if (!(st = store_prepare(c->s, Q_DATAVALUE_GET, c->e)))
		return c->e->code;
	store_bindf(st, "tiit", IMPORT_SIZE_ELEMENT, row->school_id, (int64_t)row->year, "");
	if ((rc = store_step(st, c->e)) < 0)
		return rc;
	if (rc == STORE_ROW)
		*size = store_col_double(st, 0);
	store_reset(st);
	return 0;
}

static void import_push(double **v, size_t *n, size_t *cap, double x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	(*v)[(*n)++] = x;
}

/* Warnings: a value far from the other schools' values of the same
 * element, dimensions and year. Schools differ in size, so each value is
 * taken per student enrolled (a major's, or the school's); the modified
 * z-score of Iglewicz and Hoaglin, 0.6745 (x - median) / MAD, over every
 * school's value (the file's, else the stored one) is robust to the very
 * outliers it looks for. Beyond IMPORT_OUTLIER_Z, with at least
 * IMPORT_OUTLIER_MIN schools, a value is shown for a second look. */
static int import_check_outliers(struct import_ctx *c)
{
	const struct kind *k = c->k;
	struct import_peer *peers = NULL;
	size_t npeers = 0, cap = 0;
	struct strbuf dims = {0}, size_dims = {0};
	double *vals = NULL, *dev = NULL;
	int64_t *orgs = NULL; /* the group's schools in the file, sorted */
	size_t vcap = 0, dcap = 0, ocap = 0;
	int rc = 0;

	for (size_t i = 0; i < c->nrows; i++) {
		const struct import_row *row = &c->rows[i];
		double size;

		if (!row->school_id || (rc = import_row_size(c, row, &size)) < 0 || size <= 0)
			continue;
		for (size_t j = 0; j < k->ncols; j++) {
			if (!row->has[j] || !k->cols[j].element[0] ||
			    !strcmp(k->cols[j].element, IMPORT_SIZE_ELEMENT))
				continue;
			if (npeers == cap) {
				cap = cap ? cap * 2 : 256;
				peers = xrealloc(peers, cap * sizeof(*peers));
			}
			peers[npeers++] =
				(struct import_peer){(int)j, row->year, row->major, i, row->v[j] / size};
		}
	}
	if (rc < 0)
		goto out;
	qsort(peers, npeers, sizeof(*peers), import_peer_cmp);
	for (size_t from = 0, to; from < npeers; from = to) {
		const struct import_peer *p = &peers[from];
		const struct kind_column *col = &k->cols[p->col];
		struct store_stmt *st;
		size_t n = 0;
		double med, mad;

		for (to = from + 1; to < npeers && !import_peer_cmp(&peers[to], p); to++)
			;
		strbuf_reset(&size_dims);
		if (p->major[0]) {
			if ((rc = dims_with(col->dims, "major", p->major, &dims, c->e)) < 0 ||
			    (rc = dims_with("", "major", p->major, &size_dims, c->e)) < 0)
				break;
		} else {
			strbuf_reset(&dims);
			strbuf_addstr(&dims, col->dims);
		}
		if (to - from > ocap) {
			ocap = to - from;
			orgs = xrealloc(orgs, ocap * sizeof(*orgs));
		}
		for (size_t q = from; q < to; q++)
			orgs[q - from] = c->rows[peers[q].row].school_id;
		qsort(orgs, to - from, sizeof(*orgs), import_id_cmp);
		if (!(st = store_prepare(c->s, Q_DATAVALUE_ACROSS_SCHOOLS, c->e))) {
			rc = c->e->code;
			break;
		}
		store_bindf(st, "titt", col->element, (int64_t)p->year, strbuf_str(&dims),
			    strbuf_str(&size_dims));
		/* The stored values of schools the file does not hold... */
		while ((rc = store_step(st, c->e)) == STORE_ROW) {
			int64_t org = store_col_int(st, 0);
			double size = store_col_double(st, 2);

			if (size > 0 && !bsearch(&org, orgs, to - from, sizeof(*orgs), import_id_cmp))
				import_push(&vals, &n, &vcap, store_col_double(st, 1) / size);
		}
		store_reset(st);
		if (rc < 0)
			break;
		rc = 0;
		/* ... and the file's own. */
		for (size_t q = from; q < to; q++)
			import_push(&vals, &n, &vcap, peers[q].v);
		if (n < IMPORT_OUTLIER_MIN)
			continue;
		if (dcap < vcap) {
			dcap = vcap;
			dev = xrealloc(dev, dcap * sizeof(*dev));
		}
		memcpy(dev, vals, n * sizeof(*vals));
		med = import_median(dev, n);
		for (size_t q = 0; q < n; q++)
			dev[q] = fabs(vals[q] - med);
		if ((mad = import_median(dev, n)) <= 0)
			continue;
		for (size_t q = from; q < to; q++) {
			const struct import_row *row = &c->rows[peers[q].row];
			double z = 0.6745 * (peers[q].v - med) / mad;
			char value[64];

			if (fabs(z) <= IMPORT_OUTLIER_Z)
				continue;
			snprintf(value, sizeof(value), "%.10g", row->v[p->col]);
			import_issue(c, row->line, p->col, value, "outlier", 1,
				     _("%.10g is %.3g per student enrolled, far from the other "
				       "schools' in %d (median %.3g of %zu schools, robust z-score "
				       "%.1f): please check"),
				     row->v[p->col], peers[q].v, row->year, med, n, z);
		}
	}
out:
	free(peers);
	free(vals);
	free(dev);
	free(orgs);
	strbuf_release(&dims);
	strbuf_release(&size_dims);
	return rc < 0 ? rc : 0;
}

static struct import_cell *import_cell_find(struct import_cell *cells, size_t n,
					    const char *element, const char *dims)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(cells[i].element, element) && !strcmp(cells[i].dims, dims))
			return &cells[i];
	return NULL;
}

static int import_record_change(struct import_ctx *c, const char *element, int64_t org, int year,
				const char *dims, const double *old, const double *new_value)
{
	struct store_stmt *st = store_prepare(c->s, Q_HISTORY_INSERT, c->e);

	if (!st)
		return c->e->code;
	store_bindf(st, "itiit", c->rep->batch_id, element, org, (int64_t)year, dims);
	if (old)
		store_bind_double(st, 6, *old);
	if (new_value)
		store_bind_double(st, 7, *new_value);
	c->rep->changed++;
	return store_exec(st, c->e);
}

/* Write one school-year group rows[from, to): the cells of the kind's
 * elements replace what was stored. */
static int import_write_group(struct import_ctx *c, size_t from, size_t to)
{
	const struct kind *k = c->k;
	const struct import_row *first = &c->rows[from];
	struct import_cell *cells = NULL;
	size_t ncells = 0, cap = 0;
	struct {
		const char *element; /* the kind's */
		char *dims;
		double v;
	} *old = NULL;
	size_t nold = 0, oldcap = 0;
	struct store_stmt *st;
	struct strbuf dims = {0};
	int rc = 0;

	for (size_t i = from; i < to; i++) {
		const struct import_row *row = &c->rows[i];
		for (size_t j = 0; j < k->ncols; j++) {
			const char *levels[2];
			int nlevels = 0;
			char *mdims = NULL;

			if (!row->has[j] || !k->cols[j].element[0])
				continue;
			if (row->major[0]) {
				if ((rc = dims_with(k->cols[j].dims, "major", row->major, &dims,
						    c->e)) < 0)
					goto out;
				mdims = strbuf_detach(&dims);
				levels[nlevels++] = mdims;
			}
			levels[nlevels++] = k->cols[j].dims;
			for (int l = 0; l < nlevels; l++) {
				struct import_cell *cell = import_cell_find(
					cells, ncells, k->cols[j].element, levels[l]);
				if (!cell) {
					if (ncells == cap) {
						cap = cap ? cap * 2 : 256;
						cells = xrealloc(cells, cap * sizeof(*cells));
					}
					cell = &cells[ncells++];
					cell->element = k->cols[j].element;
					cell->dims = xstrdup(levels[l]);
					cell->value = 0;
					cell->seen = 0;
				}
				cell->value += row->v[j];
			}
			free(mdims);
		}
	}
	/* Compare with what is stored of the kind's elements: read the
	 * school-year first (the statement must be finished before writing). */
	if (!(st = store_prepare(c->s, Q_DATAVALUE_LIST, c->e))) {
		rc = c->e->code;
		goto out;
	}
	store_bindf(st, "ii", first->school_id, (int64_t)first->year);
	while ((rc = store_step(st, c->e)) == STORE_ROW) {
		const char *element = kind_element(k, store_col_text(st, 0));

		if (!element)
			continue;
		if (nold == oldcap) {
			oldcap = oldcap ? oldcap * 2 : 64;
			old = xrealloc(old, oldcap * sizeof(*old));
		}
		old[nold].element = element;
		old[nold].dims = xstrdup(store_col_text(st, 1));
		old[nold].v = store_col_double(st, 2);
		nold++;
	}
	store_reset(st);
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < nold; i++) {
		const char *element = old[i].element;
		struct import_cell *cell = import_cell_find(cells, ncells, element, old[i].dims);

		if (cell) {
			cell->seen = 1;
			if (cell->value != old[i].v &&
			    ((rc = store_run(c->s, Q_DATAVALUE_PUT, c->e, "tiitd", element,
					     first->school_id, (int64_t)first->year, cell->dims,
					     cell->value)) < 0 ||
			     (rc = import_record_change(c, element, first->school_id, first->year,
							cell->dims, &old[i].v, &cell->value)) < 0))
				goto out;
		} else if ((rc = store_run(c->s, Q_DATAVALUE_DELETE, c->e, "tiit", element,
					   first->school_id, (int64_t)first->year,
					   old[i].dims)) < 0 ||
			   (rc = import_record_change(c, element, first->school_id, first->year,
						      old[i].dims, &old[i].v, NULL)) < 0) {
			goto out;
		}
	}
	for (size_t i = 0; i < ncells; i++) {
		/* A major's zero is kept implicit, as the store holds it (and as
		 * the export writes it back). */
		if (cells[i].seen || (cells[i].value == 0 && dims_has_key(cells[i].dims, "major")))
			continue;
		if ((rc = store_run(c->s, Q_DATAVALUE_PUT, c->e, "tiitd", cells[i].element,
				    first->school_id, (int64_t)first->year, cells[i].dims,
				    cells[i].value)) < 0 ||
		    (rc = import_record_change(c, cells[i].element, first->school_id, first->year,
					       cells[i].dims, NULL, &cells[i].value)) < 0)
			goto out;
	}
	rc = 0;
out:
	for (size_t i = 0; i < ncells; i++)
		free(cells[i].dims);
	free(cells);
	for (size_t i = 0; i < nold; i++)
		free(old[i].dims);
	free(old);
	strbuf_release(&dims);
	return rc;
}

/* One enterprise row: insert or update it by its code, keeping the history
 * of every field that is new or changed. */
static int import_write_enterprise(struct import_ctx *c, const struct import_row *row)
{
	static const char *const fields[] = {"name", "industry_code", "division_code", "employees",
					     "founded_year"};
	const struct kind *k = c->k;
	char newv[5][400], oldv[5][400];
	int has_old[5] = {0}, has_new[5] = {0}, exists, rc;
	struct store_stmt *st;
	char cluster[32] = "";

	for (int f = 0; f < 5; f++) {
		int j = -1;
		for (size_t q = 0; q < k->ncols; q++)
			if (!strcmp(k->cols[q].element, fields[f]))
				j = (int)q;
		if (j < 0)
			continue;
		if (row->text[j]) {
			snprintf(newv[f], sizeof(newv[f]), "%s", row->text[j]);
			has_new[f] = 1;
		} else if (row->has[j]) {
			snprintf(newv[f], sizeof(newv[f]), "%.0f", row->v[j]);
			has_new[f] = 1;
		}
	}
	if (!(st = store_prepare(c->s, Q_ENTERPRISE_BY_USCC, c->e)))
		return c->e->code;
	store_bindf(st, "t", row->key);
	if ((rc = store_step(st, c->e)) < 0)
		return rc;
	exists = rc == STORE_ROW;
	for (int f = 0; exists && f < 5; f++) {
		const char *v = store_col_text(st, f);
		has_old[f] = v != NULL;
		snprintf(oldv[f], sizeof(oldv[f]), "%s", v ? v : "");
	}
	store_reset(st);
	if (has_new[1]) {
		if (!(st = store_prepare(c->s, Q_INDUSTRY_CLUSTER, c->e)))
			return c->e->code;
		store_bindf(st, "t", newv[1]);
		if ((rc = store_step(st, c->e)) < 0)
			return rc;
		if (rc == STORE_ROW)
			snprintf(cluster, sizeof(cluster), "%s", store_col_text(st, 0));
		store_reset(st);
	}
	if (!(st = store_prepare(c->s, Q_ENTERPRISE_UPSERT, c->e)))
		return c->e->code;
	store_bindf(st, "tttt", row->key, newv[0], newv[1], cluster[0] ? cluster : NULL);
	store_bind_text(st, 5, has_new[2] ? newv[2] : NULL);
	if (has_new[3])
		store_bind_int(st, 6, atoll(newv[3]));
	if (has_new[4])
		store_bind_int(st, 7, atoll(newv[4]));
	if ((rc = store_exec(st, c->e)) < 0)
		return rc;
	for (int f = 0; f < 5; f++) {
		if (has_old[f] == has_new[f] && (!has_new[f] || !strcmp(oldv[f], newv[f])))
			continue;
		if (!(st = store_prepare(c->s, Q_ENTITY_HISTORY_INSERT, c->e)))
			return c->e->code;
		store_bindf(st, "itttt", c->rep->batch_id, "enterprise", row->key, fields[f],
			    has_old[f] ? oldv[f] : NULL);
		store_bind_text(st, 6, has_new[f] ? newv[f] : NULL);
		if ((rc = store_exec(st, c->e)) < 0)
			return rc;
		c->rep->changed++;
	}
	return 0;
}

/* The outcome of the checks: an error when any row had one, or when the
 * file had no data rows. */
static int import_verdict(struct import_ctx *c)
{
	if (c->rep->errors)
		return err_set(c->e, ERR_INPUT, _("%s: %zu errors, nothing imported"),
			       c->rep->file, c->rep->errors);
	if (!c->rep->rows)
		return err_set(c->e, ERR_INPUT, _("'%s' has a header but no data rows"),
			       c->o->path);
	return 0;
}

static int import_write(struct import_ctx *c)
{
	const struct import_options *o = c->o;
	char now[32];
	time_t t = time(NULL);
	int64_t school_id = 0;
	int year = 0, rc;
	size_t from = 0;

	/* A file of one school (or one year) records it on the batch. */
	for (size_t i = 0; i < c->nrows; i++) {
		school_id = i && c->rows[i].school_id != school_id ? -1 : c->rows[i].school_id;
		if (school_id < 0)
			break;
	}
	for (size_t i = 0; i < c->nrows; i++) {
		year = i && c->rows[i].year != year ? -1 : c->rows[i].year;
		if (year < 0)
			break;
	}
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	/* in the transaction import_file() opened before the checks */
	if ((rc = store_run(c->s, Q_IMPORT_BATCH_INSERT, c->e, "ttttttIIii", c->k->name,
			    c->rep->file, c->rep->sha256, c->rep->encoding, o->who ? o->who : "cli",
			    now, school_id > 0 ? school_id : (int64_t)0,
			    (int64_t)(year > 0 ? year : 0), (int64_t)c->nrows, (int64_t)0)) < 0)
		goto fail;
	c->rep->batch_id = store_last_id(c->s);
	for (size_t i = 0; c->k->grain == GRAIN_ENTERPRISE && i < c->nrows; i++)
		if ((rc = import_write_enterprise(c, &c->rows[i])) < 0)
			goto fail;
	for (size_t i = 1; c->k->grain != GRAIN_ENTERPRISE && i <= c->nrows; i++) {
		if (i < c->nrows && c->rows[i].school_id == c->rows[from].school_id &&
		    c->rows[i].year == c->rows[from].year)
			continue;
		if ((rc = import_write_group(c, from, i)) < 0)
			goto fail;
		from = i;
	}
	if ((rc = store_run(c->s, Q_IMPORT_BATCH_FINISH, c->e, "iiiII", c->rep->batch_id,
			    (int64_t)c->rep->changed, (int64_t)c->nrows,
			    school_id > 0 ? school_id : (int64_t)0,
			    (int64_t)(year > 0 ? year : 0))) < 0)
		goto fail;
	return c->o->in_transaction ? 0 : store_commit(c->s, c->e);
fail:
	if (!c->o->in_transaction)
		store_rollback(c->s);
	c->rep->batch_id = 0;
	c->rep->changed = 0;
	return rc;
}

/* ---- record kinds: one pass, written as read, in one transaction ---- */

/* The text of field f in row, or NULL when the cell was empty; numbers go
 * into buf. */
static const char *import_field_text(struct import_ctx *c, const struct import_row *row, int f,
				     char *buf, size_t size)
{
	int j = c->field_col[f];

	if (j < 0)
		return NULL;
	switch (c->k->cols[j].type) {
	case KT_SCHOOL:
		return row->school[0] ? row->school : NULL;
	case KT_YEAR:
		if (!row->year)
			return NULL;
		snprintf(buf, size, "%d", row->year);
		return buf;
	case KT_MAJOR:
		return row->major[0] ? row->major : NULL;
	default:
		if (row->text[j])
			return row->text[j];
		if (!row->has[j])
			return NULL;
		snprintf(buf, size, "%.15g", row->v[j]);
		return buf;
	}
}

static int import_field_numeric(struct import_ctx *c, int f)
{
	int j = c->field_col[f];
	enum kind_type t = j < 0 ? KT_TEXT : c->k->cols[j].type;

	return t == KT_YEAR || t == KT_COUNT || t == KT_AMOUNT || t == KT_PERCENT;
}

static void import_bind_field(struct import_ctx *c, struct store_stmt *st, int idx, int f,
			      const char *v)
{
	if (!v)
		store_bind_null(st, idx);
	else if (import_field_numeric(c, f))
		store_bind_double(st, idx, strtod(v, NULL));
	else
		store_bind_text(st, idx, v);
}

/* Stored and new text of a field hold the same value. */
static int import_field_same(struct import_ctx *c, int f, const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	if (import_field_numeric(c, f))
		return strtod(a, NULL) == strtod(b, NULL);
	return strcmp(a, b) == 0;
}

static void import_join(struct strbuf *sb, const char *const *v, int n, const char *sep)
{
	strbuf_reset(sb);
	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? sep : "", v[i] ? v[i] : "");
}

static int import_entity_change(struct import_ctx *c, const char *key, const char *field,
				const char *old, const char *new_value)
{
	struct store_stmt *st = store_prepare(c->s, Q_ENTITY_HISTORY_INSERT, c->e);

	if (!st)
		return c->e->code;
	store_bindf(st, "itttt", c->rep->batch_id, c->g->entity, key, field, old);
	store_bind_text(st, 6, new_value);
	c->rep->changed++;
	return store_exec(st, c->e);
}

static size_t import_hash_str(const char *str)
{
	size_t h = 14695981039346656037u; /* FNV-1a */

	for (; *str; str++)
		h = (h ^ (unsigned char)*str) * 1099511628211u;
	return h;
}

/* Put group i, the newest, into the index, which grows to stay at most
 * half full (then every older group goes in again first). */
static void import_group_index(struct import_ctx *c, size_t i)
{
	if (2 * c->ngroups > c->nslots) {
		free(c->group_slot);
		c->nslots = c->nslots ? c->nslots * 2 : 256;
		c->group_slot = xcalloc(c->nslots, sizeof(*c->group_slot));
		for (size_t g = 0; g < i; g++)
			import_group_index(c, g);
	}
	for (size_t h = import_hash_str(c->groups[i]) & (c->nslots - 1);;
	     h = (h + 1) & (c->nslots - 1))
		if (!c->group_slot[h]) {
			c->group_slot[h] = i + 1;
			return;
		}
}

static int import_group_seen(struct import_ctx *c, const char *key)
{
	if (!c->nslots)
		return 0;
	for (size_t h = import_hash_str(key) & (c->nslots - 1); c->group_slot[h];
	     h = (h + 1) & (c->nslots - 1))
		if (!strcmp(c->groups[c->group_slot[h] - 1], key))
			return 1;
	return 0;
}

/* Note the group of a written record; a group of a locked period is an
 * error, reported once. */
static int import_note_group(struct import_ctx *c, const struct import_row *row,
			     const char *const *val)
{
	struct strbuf key = {0};
	int rc = 0;

	import_join(&key, val, c->g->ngroup, "\x1f");
	if (import_group_seen(c, strbuf_str(&key))) {
		strbuf_release(&key);
		return 0;
	}
	c->groups = xrealloc(c->groups, (c->ngroups + 1) * sizeof(*c->groups));
	c->groups[c->ngroups++] = strbuf_detach(&key);
	import_group_index(c, c->ngroups - 1);
	if (c->g->locked && row->school_id && row->year)
		rc = import_check_lock(c, row);
	return rc;
}

/* Insert the record (id 0) or update record id with the fields val. */
static int import_put_record(struct import_ctx *c, const struct import_row *row,
			     const char *const *val, int64_t id)
{
	const struct record_grain *g = c->g;
	struct store_stmt *st = store_prepare(c->s, id ? g->update : g->insert, c->e);
	int n = g->nfields;

	if (!st)
		return c->e->code;
	for (int f = 0; f < g->nfields; f++)
		import_bind_field(c, st, f + 1, f, val[f]);
	store_bind_int(st, ++n, c->rep->batch_id);
	store_bind_int(st, ++n, (int64_t)row->line);
	if (id)
		store_bind_int(st, ++n, id);
	return store_exec(st, c->e);
}

/* Write the record of a valid row: a new key is inserted; a stored one is
 * updated, each changed field kept in the history; a key this batch wrote
 * already is a duplicate. Where the key is unique in the table, the insert
 * is tried first (most records of a file are new) and only its conflict
 * looks the stored record up. */
static int import_write_record(struct import_ctx *c, const struct import_row *row)
{
	const struct record_grain *g = c->g;
	char num[RECORD_MAX_FIELDS][32];
	const char *val[RECORD_MAX_FIELDS];
	char *old[RECORD_MAX_FIELDS] = {0};
	int64_t id = 0, old_batch = 0, old_row = 0;
	struct strbuf key = {0};
	struct store_stmt *st;
	int exists, rc;

	for (int f = 0; f < g->nfields; f++)
		val[f] = import_field_text(c, row, f, num[f], sizeof(num[f]));
	if (g->unique) {
		if ((rc = import_put_record(c, row, val, 0)) == 0) {
			c->rep->changed++;
			goto grouped;
		}
		if (rc != ERR_CONFLICT)
			return rc;
		err_clear(c->e);
	}
	if (!(st = store_prepare(c->s, g->get, c->e)))
		return c->e->code;
	for (int f = 0; f < g->nkey; f++)
		import_bind_field(c, st, f + 1, f, val[f]);
	if ((rc = store_step(st, c->e)) < 0)
		return rc;
	if ((exists = rc == STORE_ROW)) {
		id = store_col_int(st, 0);
		old_batch = store_col_int(st, 1);
		old_row = store_col_int(st, 2);
		for (int f = 0; f < g->nfields; f++) {
			const char *v = store_col_text(st, 3 + f);
			old[f] = v ? xstrdup(v) : NULL;
		}
	}
	store_reset(st);
	rc = 0;
	if (!exists && g->unique) {
		/* not the key, then: the insert again, for its error */
		rc = import_put_record(c, row, val, 0);
		goto out;
	}
	import_join(&key, val, g->nkey, "/");
	if (exists && old_batch == c->rep->batch_id) {
		/* shown at the last filled cell of the key */
		int f = g->nkey - 1;
		while (f > 0 && !val[f])
			f--;
		import_issue(c, row->line, c->field_col[f], strbuf_str(&key), "duplicate",
			     0, _("this row repeats row %lld (same %s)"), (long long)old_row,
			     strbuf_str(&key));
		goto out;
	}
	if (exists && g->grain == GRAIN_SCHOOL && !old[3]) {
		import_issue(c, row->line, c->field_col[0], val[0], "not_a_school", 0,
			     _("code '%s' belongs to an organisation that is not a school"),
			     val[0]);
		goto out;
	}
	/* An ID number is never exported: an empty cell keeps the stored one. */
	for (int f = 0; exists && f < g->nfields; f++)
		if (!val[f] && c->field_col[f] >= 0 && c->k->cols[c->field_col[f]].type == KT_CNID)
			val[f] = old[f];
	if ((rc = import_put_record(c, row, val, exists ? id : 0)) < 0)
		goto out;
	if (!exists)
		c->rep->changed++;
	for (int f = 0; exists && f < g->nfields; f++)
		if (!import_field_same(c, f, old[f], val[f]) &&
		    (rc = import_entity_change(c, strbuf_str(&key), g->fields[f], old[f], val[f])) <
			    0)
			goto out;
grouped:
	if (g->ngroup)
		rc = import_note_group(c, row, val);
out:
	for (int f = 0; f < g->nfields; f++)
		free(old[f]);
	strbuf_release(&key);
	return rc;
}

/* A major may leave a school's list for a year only while the school has
 * no statistics of it that year: the statistics by major and the majors
 * offered must agree. key is "school/year/major". 1 (and an error in the
 * report) when it has some. */
static int import_check_major_unused(struct import_ctx *c, const char *key)
{
	char school[64], major[16];
	int year, rc;

	if (sscanf(key, "%63[^/]/%d/%15s", school, &year, major) != 3)
		return err_set(c->e, ERR_INTERNAL, "import: bad school_major key '%s'", key);
	rc = store_lookup(c->s, Q_DATAVALUE_MAJOR_EXISTS, NULL, c->e, "tit", school, (int64_t)year,
			  major);
	if (rc <= 0)
		return rc;
	import_issue(c, 1, kind_column(c->k, "major"), major, "major_has_statistics", 0,
		     _("the file leaves out major %s of school '%s' in %d, which has statistics "
		       "that year: import the school's %d statistics without it first"),
		     major, school, year, year);
	return 1;
}

/* Remove the records of the file's groups that the file did not list. */
static int import_remove_stale(struct import_ctx *c)
{
	const struct record_grain *g = c->g;
	struct strbuf key = {0}, all = {0};
	int rc = 0;

	for (size_t i = 0; rc >= 0 && i < c->ngroups; i++) {
		const char *val[RECORD_MAX_FIELDS];
		char *parts = xstrdup(c->groups[i]), *save = NULL;
		struct {
			int64_t id;
			char *key, *fields;
		} *gone = NULL;
		size_t ngone = 0;
		struct store_stmt *st;

		val[0] = strtok_r(parts, "\x1f", &save);
		for (int f = 1; f < g->ngroup; f++)
			val[f] = strtok_r(NULL, "\x1f", &save);
		if (!(st = store_prepare(c->s, g->stale, c->e))) {
			free(parts);
			rc = c->e->code;
			break;
		}
		for (int f = 0; f < g->ngroup; f++)
			import_bind_field(c, st, f + 1, f, val[f]);
		store_bind_int(st, g->ngroup + 1, c->rep->batch_id);
		while ((rc = store_step(st, c->e)) == STORE_ROW) {
			const char *v[RECORD_MAX_FIELDS];
			for (int f = 0; f < g->nfields; f++)
				v[f] = store_col_text(st, 1 + f);
			import_join(&key, v, g->nkey, "/");
			import_join(&all, v, g->nfields, " | ");
			gone = xrealloc(gone, (ngone + 1) * sizeof(*gone));
			gone[ngone].id = store_col_int(st, 0);
			gone[ngone].key = strbuf_detach(&key);
			gone[ngone++].fields = strbuf_detach(&all);
		}
		store_reset(st);
		for (size_t k = 0; rc >= 0 && k < ngone; k++) {
			if (g->grain == GRAIN_SCHOOL_MAJOR &&
			    (rc = import_check_major_unused(c, gone[k].key)) != 0)
				continue;
			if ((rc = import_entity_change(c, gone[k].key, "*", gone[k].fields, NULL)) >=
			    0)
				rc = store_run(c->s, g->remove, c->e, "i", gone[k].id);
		}
		for (size_t k = 0; k < ngone; k++) {
			free(gone[k].key);
			free(gone[k].fields);
		}
		free(gone);
		free(parts);
	}
	strbuf_release(&key);
	strbuf_release(&all);
	return rc < 0 ? rc : 0;
}

/* Read, check and write every row of a record kind in one transaction:
 * the file streams through, whatever its size. Any error, or a dry run,
 * rolls everything back. */
static int import_records(struct import_ctx *c, struct import_source *r)
{
	struct import_row row;
	int64_t school_id = 0;
	int year = 0, rc;
	char now[32];
	time_t t = time(NULL);

	c->g = record_grain(c->k->grain);
	for (int f = 0; f < c->g->nfields; f++) {
		c->field_col[f] = -1;
		for (size_t j = 0; j < c->k->ncols; j++)
			if (!strcmp(c->k->cols[j].element, c->g->fields[f]) && c->fcol[j] >= 0)
				c->field_col[f] = (int)j;
	}
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	if ((rc = store_begin(c->s, c->e)) < 0)
		return rc;
	import_row_open(&row, c->k);
	if ((rc = store_run(c->s, Q_IMPORT_BATCH_INSERT, c->e, "ttttttnnii", c->k->name,
			    c->rep->file, c->rep->sha256, c->rep->encoding,
			    c->o->who ? c->o->who : "cli", now, (int64_t)0, (int64_t)0)) < 0)
		goto fail;
	c->rep->batch_id = store_last_id(c->s);
	while ((rc = source_next(r, c->e)) == 1) {
		size_t errors = c->rep->errors;

		if (c->rep->rows == IMPORT_MAX_RECORDS) {
			rc = err_set(c->e, ERR_INPUT, _("'%s' has more than %d data rows"),
				     c->o->path, IMPORT_MAX_RECORDS);
			goto fail;
		}
		import_row_reset(&row);
		row.line = source_line(r);
		rc = import_check_row(c, r, &row);
		if (rc >= 0 && c->rep->errors == errors)
			rc = import_write_record(c, &row);
		if (rc < 0)
			goto fail;
		school_id = c->rep->rows && row.school_id != school_id ? -1 : row.school_id;
		year = c->rep->rows && row.year != year ? -1 : row.year;
		c->rep->rows++;
	}
	if (rc < 0 || (rc = import_remove_stale(c)) < 0)
		goto fail;
	if ((rc = import_verdict(c)) < 0 || c->o->dry_run)
		goto fail;
	if ((rc = store_run(c->s, Q_IMPORT_BATCH_FINISH, c->e, "iiiII", c->rep->batch_id,
			    (int64_t)c->rep->changed, (int64_t)c->rep->rows,
			    school_id > 0 ? school_id : (int64_t)0,
			    (int64_t)(year > 0 ? year : 0))) < 0)
		goto fail;
	import_row_close(&row);
	return store_commit(c->s, c->e);
fail:
	import_row_close(&row);
	store_rollback(c->s);
	c->rep->batch_id = 0;
	return rc;
}

int import_file(struct store *s, const struct kind *k, const struct import_options *o,
		struct import_report *rep, struct err *e)
{
	struct import_ctx c = {.s = s, .k = k, .o = o, .rep = rep, .e = e};
	struct import_source src, *r = &src;
	const char *base = strrchr(o->path, '/');
	int rc;

	memset(rep, 0, sizeof(*rep));
	snprintf(rep->file, sizeof(rep->file), "%s", base ? base + 1 : o->path);
	if ((rc = import_hash(o->path, rep->sha256, e)) < 0)
		return rc;
	if ((rc = source_open(&src, o, rep->encoding, sizeof(rep->encoding), e)) < 0) {
		source_close(&src);
		return rc;
	}
	if ((rc = source_next(r, e)) < 0)
		goto out;
	if (rc == 0) {
		rc = err_set(e, ERR_INPUT, _("'%s' is empty: expected a header row"), o->path);
		goto out;
	}
	if (!import_map_header(&c, r)) {
		rc = 0;
		goto checked;
	}
	if (kind_is_record(k)) {
		/* a record import writes as it checks (a dry run rolls back) */
		rc = o->in_transaction ? err_set(e, ERR_USAGE, "%s: a record kind cannot be imported "
							       "inside the caller's transaction",
						 k->name)
				       : import_records(&c, r);
		goto out;
	}
	/* One transaction from the first check to the last write: the checks'
	 * many lookups share one read, and what they saw is what is written. */
	if (!o->in_transaction && (rc = store_begin(s, e)) < 0)
		goto out;
	while ((rc = source_next(r, e)) == 1) {
		struct import_row *row;

		if (c.nrows == IMPORT_MAX_ROWS) {
			rc = err_set(e, ERR_INPUT, _("'%s' has more than %d data rows"), o->path,
				     IMPORT_MAX_ROWS);
			goto out;
		}
		if (c.nrows == c.cap) {
			c.cap = c.cap ? c.cap * 2 : 256;
			c.rows = xrealloc(c.rows, c.cap * sizeof(*c.rows));
		}
		row = &c.rows[c.nrows++];
		import_row_open(row, k);
		/* Excel's row number: the header is row 1. */
		row->line = source_line(r);
		if ((rc = import_check_row(&c, r, row)) < 0)
			goto out;
	}
	if (rc < 0)
		goto out;
	rep->rows = c.nrows;
	qsort(c.rows, c.nrows, sizeof(*c.rows), import_row_cmp);
	if ((rc = import_check_rows(&c)) < 0)
		goto out;
	for (size_t i = 0, j; i < c.nrows && !rep->errors; i = j) {
		for (j = i + 1; j < c.nrows && c.rows[j].school_id == c.rows[i].school_id &&
				c.rows[j].year == c.rows[i].year;
		     j++)
			;
		if (c.rows[i].school_id && c.rows[i].year &&
		    (rc = import_check_plausible(&c, i, j)) < 0)
			goto out;
	}
	if (!rep->errors && k->grain != GRAIN_ENTERPRISE && (rc = import_check_outliers(&c)) < 0)
		goto out;
checked:
	if ((rc = import_verdict(&c)) < 0)
		goto out;
	rc = o->dry_run ? 0 : import_write(&c);
out:
	if (!o->in_transaction)
		store_rollback(s); /* when still open: an error or a dry run */
	source_close(&src);
	for (size_t i = 0; i < c.ngroups; i++)
		free(c.groups[i]);
	free(c.groups);
	free(c.group_slot);
	for (size_t i = 0; i < c.nrows; i++)
		import_row_close(&c.rows[i]);
	free(c.rows);
	return rc;
}
