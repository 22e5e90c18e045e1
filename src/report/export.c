/* export.c - stored values back into a kind's layout. See export.h. */
#include "report/export.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/dims.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/csv.h"
#include "ingest/record.h"

static void export_free(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

static int export_row(struct store *s, const struct kind *k, int64_t school_id, const char *school,
		      int year, const char *major, FILE *out, struct err *e)
{
	struct strbuf dims = {0};
	int rc = 0;

	for (size_t j = 0; j < k->ncols; j++) {
		const struct kind_column *col = &k->cols[j];
		struct store_stmt *st;

		if (j)
			fputc(',', out);
		if (col->type == KT_SCHOOL) {
			csv_write_field(out, school);
			continue;
		}
		if (col->type == KT_YEAR) {
			fprintf(out, "%d", year);
			continue;
		}
		if (col->type == KT_MAJOR) {
			csv_write_field(out, major ? major : "");
			continue;
		}
		if (!col->element[0])
			continue;
		if (major) {
			if ((rc = dims_with(col->dims, "major", major, &dims, e)) < 0)
				break;
		} else {
			strbuf_reset(&dims);
			strbuf_addstr(&dims, col->dims);
		}
		if (!(st = store_prepare(s, Q_DATAVALUE_GET, e))) {
			rc = e->code;
			break;
		}
		store_bindf(st, "tiit", col->element, school_id, (int64_t)year, strbuf_str(&dims));
		if ((rc = store_step(st, e)) < 0)
			break;
		if (rc == STORE_ROW)
			fprintf(out, "%.15g", store_col_double(st, 0));
		else if (major)
			fputc('0', out); /* the store keeps a major's zero cells implicit */
		store_reset(st);
		rc = 0;
	}
	fputs("\r\n", out);
	strbuf_release(&dims);
	return rc;
}

/* The enterprise register: one row per enterprise, columns by field. */
static long export_enterprises(struct store *s, const struct kind *k, FILE *out, struct err *e)
{
	static const char *const fields[] = {"uscc",	      "name",	   "industry_code",
					     "division_code", "employees", "founded_year"};
	struct store_stmt *st = store_prepare(s, Q_ENTERPRISE_LIST, e);
	long rows = 0;
	int rc;

	if (!st)
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		for (size_t j = 0; j < k->ncols; j++) {
			const char *field =
				k->cols[j].type == KT_USCC ? "uscc" : k->cols[j].element;
			if (j)
				fputc(',', out);
			for (int f = 0; f < 6; f++)
				if (!strcmp(field, fields[f]) && store_col_text(st, f))
					csv_write_field(out, store_col_text(st, f));
		}
		fputs("\r\n", out);
		rows++;
	}
	store_reset(st);
	return rc < 0 ? rc : rows;
}

/* A record kind: its grain's list query, one row per record, each column
 * from the field it fills. Choices come out as labels and ID numbers not at
 * all (only their hash is stored; an empty cell keeps it on import). */
static long export_records(struct store *s, const struct kind *k, const char *school, int year,
			   FILE *out, struct err *e)
{
	const struct record_grain *g = record_grain(k->grain);
	struct store_stmt *st = store_prepare(s, g->list, e);
	int field[KIND_MAX_COLS];
	long rows = 0;
	int rc;

	if (!st)
		return e->code;
	if (school && g->grain != GRAIN_SCHOOL && record_field(g, "school") < 0)
		return err_set(e, ERR_USAGE, _("%s has no school column: --school does not apply"),
			       k->name);
	for (size_t j = 0; j < k->ncols; j++)
		field[j] = record_field(g, k->cols[j].element);
	store_bind_text(st, 1, school);
	if (year)
		store_bind_int(st, 2, year);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		for (size_t j = 0; j < k->ncols; j++) {
			const char *v = field[j] >= 0 ? store_col_text(st, field[j]) : NULL;

			if (j)
				fputc(',', out);
			if (!v || k->cols[j].type == KT_CNID)
				continue;
			if (k->cols[j].type == KT_CHOICE)
				v = kind_choice_label(&k->cols[j], v);
			if (k->cols[j].type == KT_PERCENT || k->cols[j].type == KT_AMOUNT)
				fprintf(out, "%.15g", store_col_double(st, field[j]));
			else
				csv_write_field(out, v);
		}
		fputs("\r\n", out);
		rows++;
	}
	store_reset(st);
	return rc < 0 ? rc : rows;
}

long export_csv(struct store *s, const struct kind *k, const char *school, int year, FILE *out,
		struct err *e)
{
	char **years = NULL, **majors = NULL;
	size_t nyears = 0, nmajors = 0;
	struct store_stmt *st;
	int64_t *ids = NULL;
	char **codes = NULL;
	size_t nschools = 0;
	long rows = 0;
	int rc = 0;

	/* Years: the one asked for, or every year the kind's first element has. */
	if (year) {
		years = xmalloc(sizeof(char *));
		years[0] = xmalloc(8);
		snprintf(years[0], 8, "%d", year);
		nyears = 1;
	} else {
		const char *element = NULL;
		for (size_t j = 0; j < k->ncols && !element; j++)
			if (k->cols[j].element[0])
				element = k->cols[j].element;
		if ((rc = store_list(s, Q_ELEMENT_YEARS, &years, &nyears, e, "t", element)) <
		    0)
			goto out;
	}
	if (!(st = store_prepare(s, Q_SCHOOL_LIST, e))) {
		rc = e->code;
		goto out;
	}
	store_bindf(st, "t", school);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		ids = xrealloc(ids, (nschools + 1) * sizeof(*ids));
		codes = xrealloc(codes, (nschools + 1) * sizeof(*codes));
		ids[nschools] = store_col_int(st, 0);
		codes[nschools++] = xstrdup(store_col_text(st, 1));
	}
	store_reset(st);
	if (rc < 0)
		goto out;
	if (school && !nschools) {
		rc = err_set(e, ERR_NOTFOUND, "school '%s' does not exist", school);
		goto out;
	}
	fputs("\xEF\xBB\xBF", out);
	for (size_t j = 0; j < k->ncols; j++) {
		if (j)
			fputc(',', out);
		csv_write_field(out, kind_header(&k->cols[j]));
	}
	fputs("\r\n", out);
	if (kind_is_record(k)) {
		rows = export_records(s, k, school, year, out, e);
		rc = rows < 0 ? (int)rows : 0;
		goto out;
	}
	if (k->grain == GRAIN_ENTERPRISE) {
		rows = export_enterprises(s, k, out, e);
		rc = rows < 0 ? (int)rows : 0;
		goto out;
	}
	for (size_t y = 0; y < nyears; y++) {
		int yr = atoi(years[y]);
		for (size_t i = 0; i < nschools; i++) {
			if (k->grain == GRAIN_SCHOOL_YEAR) {
				if ((rc = export_row(s, k, ids[i], codes[i], yr, NULL, out, e)) < 0)
					goto out;
				rows++;
				continue;
			}
			if ((rc = store_list(s, Q_SCHOOL_MAJORS_OF, &majors, &nmajors, e, "ii",
					     ids[i], (int64_t)yr)) < 0)
				goto out;
			for (size_t m = 0; m < nmajors; m++) {
				if ((rc = export_row(s, k, ids[i], codes[i], yr, majors[m], out,
						     e)) < 0)
					goto out;
				rows++;
			}
			export_free(majors, nmajors);
			majors = NULL;
			nmajors = 0;
		}
	}
	rc = 0;
out:
	export_free(years, nyears);
	export_free(majors, nmajors);
	export_free(codes, nschools);
	free(ids);
	return rc < 0 ? rc : rows;
}

/* Numbers go into number cells; codes stay text, as typed. */
static int export_is_number(enum kind_type t)
{
	return t == KT_YEAR || t == KT_COUNT || t == KT_AMOUNT || t == KT_PERCENT;
}

long export_xlsx(struct store *s, const struct kind *k, const char *school, int year,
		 const char *path, struct err *e)
{
	const char *dir = getenv("TMPDIR");
	char tmp[4096];
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb = NULL;
	lxw_worksheet *ws;
	lxw_format *head, *text;
	struct csv_reader *r = NULL;
	FILE *f;
	long rows;
	int fd, rc;

	/* The CSV export is the one layout; the workbook is its copy. */
	snprintf(tmp, sizeof(tmp), "%s/tvet-export-XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(tmp)) < 0)
		return err_set(e, ERR_IO, _("cannot create a temporary file in %s: %s"),
			       dir && *dir ? dir : "/tmp", strerror(errno));
	if (!(f = fdopen(fd, "wb"))) {
		close(fd);
		unlink(tmp);
		return err_set(e, ERR_IO, _("cannot write '%s'"), tmp);
	}
	rows = export_csv(s, k, school, year, f, e);
	if (fclose(f) != 0 && rows >= 0)
		rows = err_set(e, ERR_IO, _("cannot write '%s'"), tmp);
	if (rows < 0)
		goto out;
	if ((rc = csv_reader_open(&r, tmp, e)) < 0) {
		rows = rc;
		goto out;
	}
	if (!(wb = workbook_new_opt(path, &opt)) ||
	    !(ws = workbook_add_worksheet(wb, k->name_zh[0] && i18n_is_chinese() ? k->name_zh
										 : k->name))) {
		rows = err_set(e, ERR_IO, _("cannot write '%s'"), path);
		goto out;
	}
	head = workbook_add_format(wb);
	format_set_bold(head);
	text = workbook_add_format(wb);
	format_set_num_format(text, "@");
	for (lxw_row_t row = 0; (rc = csv_reader_next(r, e)) == 1; row++) {
		for (size_t j = 0; j < csv_reader_nfields(r) && j < k->ncols; j++) {
			const char *v = csv_reader_field(r, j);
			lxw_col_t col = (lxw_col_t)j;

			if (row == 0)
				worksheet_write_string(ws, row, col, v, head);
			else if (!*v)
				continue;
			else if (export_is_number(k->cols[j].type))
				worksheet_write_number(ws, row, col, strtod(v, NULL), NULL);
			else
				worksheet_write_string(ws, row, col, v, text);
		}
	}
	if (rc < 0) {
		rows = rc;
		goto out;
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (workbook_close(wb) != LXW_NO_ERROR)
		rows = err_set(e, ERR_IO, _("cannot write '%s'"), path);
	wb = NULL;
out:
	if (wb)
		lxw_workbook_free(wb);
	csv_reader_free(r);
	unlink(tmp);
	return rows;
}
