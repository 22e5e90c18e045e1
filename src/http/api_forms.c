/* api_forms.c - the routes of 数据报送 beside the upload of a file
 * (api_data.c): a kind's template to download, a school's yearly figures as
 * a web form (read, validate, save as a draft), and every school's
 * submission status for a year, for the bureau's approvals.
 *
 * The form holds no rules of its own. Its values are read back through the
 * export (report/export.h), so the form shows what `tvet export` writes,
 * and they are checked and written by the import of a file
 * (ingest/import.h): the values become the CSV file the school would have
 * uploaded, one per kind, so a form and a file are held to the same rules
 * and each issue found comes back to the field it is about. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/api_import_scope.h"
#include "http/api_internal.h"
#include "ingest/csv.h"
#include "ingest/import.h"
#include "ingest/submission.h"
#include "report/export.h"
#include "report/template.h"

/* The kinds of the form, in the order it shows them. */
static const char *const forms_kinds[] = {"school_stats", "school_major_stats"};
#define FORMS_NKINDS (sizeof(forms_kinds) / sizeof(forms_kinds[0]))
#define FORMS_MAX_MAJORS 500	  /* rows of a school's per-major section */
#define FORMS_MAX_FILE (64 << 20) /* bytes of a template read back */

/* The kinds a school account may download templates of and submit. */
static int forms_school_kind(const char *kind)
{
	return !strcmp(kind, "school_major_stats") || !strcmp(kind, "school_stats") ||
	       !strcmp(kind, "school_majors");
}


/* Who may save it: the school itself, the bureau and administrators (as the
 * import of a file). */
static int forms_may_write(const struct http_req *r, const char *school)
{
	const struct auth_user *u = &r->session.user;

	return u->role == AUTH_ADMIN || u->role == AUTH_BUREAU ||
	       (u->role == AUTH_SCHOOL && !strcmp(u->scope, school));
}

static int forms_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* A private directory for the files of one request; 0, or -1 with the 500
 * answered. forms_tmp_done() removes it and what it holds. */
static int forms_tmp(char *dir, size_t size, struct http_resp *w)
{
	snprintf(dir, size, "/tmp/tvet-form-XXXXXX");
	if (!mkdtemp(dir)) {
		api_fail(w, ERR_IO, "cannot make a temporary directory: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void forms_tmp_done(const char *dir)
{
	nftw(dir, forms_rm, 4, FTW_DEPTH | FTW_PHYS);
}

/* Read the file at path into w's body; 0 or a negative code. */
static int forms_read_file(const char *path, struct http_resp *w, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (!f)
		return err_set(e, ERR_IO, "cannot read the file made: %s", strerror(errno));
	strbuf_reset(&w->body);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (w->body.len + n > FORMS_MAX_FILE) {
			fclose(f);
			return err_set(e, ERR_LIMIT, "the file made is over %d MiB",
				       FORMS_MAX_FILE >> 20);
		}
		strbuf_add(&w->body, buf, n);
	}
	fclose(f);
	return 0;
}

/* ---- templates ------------------------------------------------------------ */

/* GET /api/v1/templates/{kind}?school=&year=&format=csv|xlsx: the empty form
 * `tvet template` writes, as a file to download, for whoever may import the
 * kind (api_data.c): administrators and the bureau any kind; a school
 * account its own school's forms of the school kinds; a department or
 * enterprise account the kinds api_import_scope_kind() gives it. */
static void api_template(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	const char *kind = r->params[0], *school = http_query(r, "school");
	const char *q_year = http_query(r, "year"), *format = http_query(r, "format");
	char dir[64], path[160], name[160];
	struct kind k;
	struct err e;
	long rows;
	int rc, xlsx, year = 0;

	err_clear(&e);
	if (school && !*school)
		school = NULL;
	if (u->role == AUTH_SCHOOL) {
		if (!forms_school_kind(kind)) {
			api_fail(w, ERR_DENIED, "a school account may not submit %s", kind);
			return;
		}
		if (school && strcmp(school, u->scope)) {
			api_fail(w, ERR_DENIED,
				 "a school account gets only its own school's forms (%s)",
				 u->scope);
			return;
		}
		school = u->scope;
	} else if (api_import_scope_kind(u, kind)) {
		/* a department's assessments, an enterprise's demand survey: the
		 * empty form, with no school's rows */
		school = NULL;
	} else if (u->role != AUTH_ADMIN && u->role != AUTH_BUREAU) {
		api_fail(w, ERR_DENIED, "this account may not submit %s", kind);
		return;
	}
	if (q_year && !(year = api_parse_year(w, q_year)))
		return;
	if (format && strcmp(format, "csv") && strcmp(format, "xlsx")) {
		api_fail(w, ERR_INPUT, "format '%s' is not csv or xlsx", format);
		return;
	}
	xlsx = format && !strcmp(format, "xlsx");
	if ((rc = kind_load(r->o->data_dir, kind, &k, &e)) < 0) {
		if (rc == ERR_USAGE)
			e.code = ERR_NOTFOUND;
		http_error(w, &e);
		return;
	}
	snprintf(name, sizeof(name), "%s%s%s", kind, school ? "-" : "", school ? school : "");
	if (year)
		snprintf(name + strlen(name), sizeof(name) - strlen(name), "-%d", year);
	if (forms_tmp(dir, sizeof(dir), w) < 0)
		return;
	snprintf(path, sizeof(path), "%s/template.%s", dir, xlsx ? "xlsx" : "csv");
	if (xlsx) {
		rows = template_write_xlsx(r->s, &k, school, year, path, &e);
	} else {
		FILE *f = fopen(path, "wb");
		if (!f) {
			rows = err_set(&e, ERR_IO, "cannot write the template: %s",
				       strerror(errno));
		} else {
			fputs("\xEF\xBB\xBF", f); /* so Excel reads the Chinese headers right */
			rows = template_write_csv(r->s, &k, school, year, f, &e);
			if (fclose(f) != 0 && rows >= 0)
				rows = err_set(&e, ERR_IO, "cannot write the template");
		}
	}
	if (rows >= 0)
		rows = forms_read_file(path, w, &e);
	forms_tmp_done(dir);
	if (rows < 0) {
		strbuf_reset(&w->body);
		http_error(w, &e);
		return;
	}
	w->status = 200;
	w->content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			       : "text/csv; charset=utf-8";
	/* kind, school and year names are codes: plain ASCII, no quoting needed */
	snprintf(w->disposition, sizeof(w->disposition), "attachment; filename=\"%s.%s\"", name,
		 xlsx ? "xlsx" : "csv");
}

/* ---- the form: what it shows ---------------------------------------------- */

static const char *forms_type_name(enum kind_type t)
{
	switch (t) {
	case KT_COUNT:
		return "count";
	case KT_AMOUNT:
		return "amount";
	case KT_PERCENT:
		return "percent";
	default:
		return "text";
	}
}

/* 1 for a column the form shows: one that stores a value (the key columns
 * school, year and major are the form's own). */
static int forms_field(const struct kind_column *c)
{
	return c->element[0] && c->type != KT_SCHOOL && c->type != KT_YEAR && c->type != KT_MAJOR;
}

static json_t *forms_fields_json(const struct kind *k)
{
	json_t *fields = json_array();

	for (size_t j = 0; j < k->ncols; j++) {
		const struct kind_column *c = &k->cols[j];
		if (forms_field(c))
			json_array_append_new(
				fields, json_pack("{s:s, s:s, s:s, s:s, s:b, s:s}", "key", c->key,
						  "label", c->header_zh, "label_en", c->header_en,
						  "type", forms_type_name(c->type), "required",
						  c->required, "description", c->description));
	}
	return fields;
}

/* The name of major code, or "" when the catalogue lacks it. */
static int forms_major_name(struct store *s, const char *code, char *out, size_t size,
			    struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_MAJOR_NAME, e);
	int rc;

	out[0] = '\0';
	if (!st)
		return e->code;
	store_bind_text(st, 1, code);
	if ((rc = store_step(st, e)) == STORE_ROW)
		snprintf(out, size, "%s", store_col_text(st, 0));
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* The stored rows of kind k for school and year, as the export writes
 * them, appended to rows: {major (per-major kinds), major_name, values:
 * {key: number or null}}. */
static int forms_rows(struct store *s, const struct kind *k, const char *school, int year,
		      json_t *rows, struct err *e)
{
	char *text = NULL, name[256];
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len), *in = NULL;
	struct csv_reader *csv = NULL;
	int major_col = kind_column(k, "major"), rc;
	long n;

	if (!mem)
		return err_set(e, ERR_IO, "cannot buffer the export");
	n = export_csv(s, k, school, year, mem, e);
	fclose(mem);
	if (n < 0) {
		free(text);
		return (int)n;
	}
	if (!(in = fmemopen(text, len, "r"))) {
		free(text);
		return err_set(e, ERR_IO, "cannot read the export back");
	}
	csv = csv_reader_from_stream(in, k->name);
	/* the header first: the export writes the kind's columns in order */
	rc = csv_reader_next(csv, e);
	while (rc >= 0 && (rc = csv_reader_next(csv, e)) == 1) {
		json_t *values = json_object(), *row;

		for (size_t j = 0; j < k->ncols; j++) {
			const char *cell = csv_reader_field(csv, j);
			char *end;
			double v;

			if (!forms_field(&k->cols[j]))
				continue;
			v = strtod(cell, &end);
			json_object_set_new(values, k->cols[j].key,
					    *cell && !*end ? json_real(v) : json_null());
		}
		row = json_pack("{s:o}", "values", values);
		if (major_col >= 0) {
			const char *major = csv_reader_field(csv, (size_t)major_col);
			if ((rc = forms_major_name(s, major, name, sizeof(name), e)) < 0) {
				json_decref(row);
				break;
			}
			json_object_set_new(row, "major", json_string(major));
			json_object_set_new(row, "major_name", json_string(name));
		}
		json_array_append_new(rows, row);
	}
	csv_reader_free(csv);
	fclose(in);
	free(text);
	return rc < 0 ? rc : 0;
}

/* The school's row of Q_SUBMISSION_LIST as JSON (NULL with e set when the
 * school does not exist). */
static json_t *forms_school_json(struct store_stmt *st)
{
	const char *status = store_col_text(st, 3);

	return json_pack("{s:s, s:s, s:s?, s:s, s:s, s:s, s:s?}", "school", store_col_text(st, 0),
			 "name", store_col_text(st, 1), "name_en", store_col_text(st, 2), "status",
			 status ? status : "open", "changed_at",
			 status ? store_col_text(st, 4) : "", "changed_by",
			 status ? store_col_text(st, 5) : "", "last_import", store_col_text(st, 6));
}

static json_t *forms_school(struct store *s, const char *school, int year, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_SUBMISSION_LIST, e);
	json_t *doc = NULL;
	int rc;

	if (!st)
		return NULL;
	store_bindf(st, "it", (int64_t)year, school);
	if ((rc = store_step(st, e)) == STORE_ROW)
		doc = forms_school_json(st);
	else if (rc == STORE_DONE)
		err_set(e, ERR_NOTFOUND, "school '%s' does not exist", school);
	store_reset(st);
	return doc;
}

/* GET /api/v1/forms/{school}/{year}: the school's yearly figures as a form:
 * a section per kind with its fields (labels in both languages) and rows
 * (the school's; one per major it offers that year), the values stored,
 * and the submission's status; editable when the caller may save and the
 * year is not approved. */
static void api_form(struct http_req *r, struct http_resp *w)
{
	const char *school = r->params[0];
	json_t *doc, *sections;
	struct err e;
	int year = api_parse_year(w, r->params[1]);

	if (!year)
		return;
	if (!api_may_read_school(r, school)) {
		api_fail(w, ERR_DENIED, "this account may not see the figures of %s", school);
		return;
	}
	err_clear(&e);
	if (!(doc = forms_school(r->s, school, year, &e))) {
		http_error(w, &e);
		return;
	}
	json_object_set_new(doc, "year", json_integer(year));
	json_object_set_new(doc, "editable",
			    json_boolean(forms_may_write(r, school) &&
					 strcmp(json_string_value(json_object_get(doc, "status")),
						"approved")));
	sections = json_array();
	json_object_set_new(doc, "sections", sections);
	for (size_t i = 0; i < FORMS_NKINDS; i++) {
		struct kind k;
		json_t *rows = json_array();

		if (kind_load(r->o->data_dir, forms_kinds[i], &k, &e) < 0 ||
		    forms_rows(r->s, &k, school, year, rows, &e) < 0) {
			json_decref(rows);
			json_decref(doc);
			http_error(w, &e);
			return;
		}
		json_array_append_new(sections,
				      json_pack("{s:s, s:s, s:s, s:b, s:o, s:o}", "kind", k.name,
						"name", k.name_zh, "name_en", k.name_en,
						"per_major", k.grain == GRAIN_SCHOOL_YEAR_MAJOR,
						"fields", forms_fields_json(&k), "rows", rows));
	}
	http_json(w, 200, doc);
}

/* ---- the form: validating and saving ---------------------------------------- */

/* One kind of a posted form: its file, and which row of it is which major. */
struct forms_part {
	struct kind k;
	int present; /* the body had this kind */
	char path[256];
	char **majors; /* per-major kinds: the major of data row i (file row i + 2) */
	size_t nmajors;
	struct import_report rep;
};

static void forms_part_release(struct forms_part *p)
{
	for (size_t i = 0; i < p->nmajors; i++)
		free(p->majors[i]);
	free(p->majors);
	import_report_release(&p->rep);
}

/* Write one value of the body as a CSV cell; 0, or -1 with the 400
 * answered. */
static int forms_cell(FILE *f, const char *field, json_t *v, struct http_resp *w)
{
	char num[64];

	if (!v || json_is_null(v))
		return 0;
	if (json_is_number(v)) {
		snprintf(num, sizeof(num), "%.15g", json_number_value(v));
		csv_write_field(f, num);
		return 0;
	}
	if (json_is_string(v) && json_string_length(v) <= IMPORT_MAX_TEXT) {
		csv_write_field(f, json_string_value(v));
		return 0;
	}
	api_fail(w, ERR_INPUT, "'%s' must be a number, a text of at most %d bytes or null", field,
		 IMPORT_MAX_TEXT);
	return -1;
}

/* Check that every member of values names a field of k; 0, or -1 with the
 * 400 answered. */
static int forms_known(const struct kind *k, json_t *values, const char *where, struct http_resp *w)
{
	const char *key;
	json_t *v;

	if (!json_is_object(values)) {
		api_fail(w, ERR_INPUT, "'%s' must be an object of field: value", where);
		return -1;
	}
	json_object_foreach(values, key, v) {
		int j = kind_column(k, key);
		(void)v;
		if (j < 0 || !forms_field(&k->cols[j])) {
			api_fail(w, ERR_INPUT, "'%s.%s' is not a field of the form", where, key);
			return -1;
		}
	}
	return 0;
}

/* One row of the file: school, year, major (or ""), then the values. */
static int forms_row(FILE *f, const struct kind *k, const char *school, int year, const char *major,
		     json_t *values, const char *where, struct http_resp *w)
{
	char field[200];

	for (size_t j = 0; j < k->ncols; j++) {
		const struct kind_column *c = &k->cols[j];
		if (j)
			fputc(',', f);
		if (c->type == KT_SCHOOL)
			csv_write_field(f, school);
		else if (c->type == KT_YEAR)
			fprintf(f, "%d", year);
		else if (c->type == KT_MAJOR)
			csv_write_field(f, major);
		else {
			snprintf(field, sizeof(field), "%s.%s", where, c->key);
			if (forms_cell(f, field, json_object_get(values, c->key), w) < 0)
				return -1;
		}
	}
	fputs("\r\n", f);
	return 0;
}

/* Write the body's member of p's kind as the file a school would upload:
 * the kind's keys as the header (an import accepts them), then the
 * school's row, or a row per major. 0, or -1 with the error answered. */
static int forms_part_file(struct forms_part *p, json_t *member, const char *school, int year,
			   const char *dir, struct http_resp *w)
{
	const struct kind *k = &p->k;
	FILE *f;
	int rc = 0;

	snprintf(p->path, sizeof(p->path), "%.63s/form-%.31s-%d-%.47s.csv", dir, school, year,
		 k->name);
	if (!(f = fopen(p->path, "wb"))) {
		api_fail(w, ERR_IO, "cannot write the form's file: %s", strerror(errno));
		return -1;
	}
	for (size_t j = 0; j < k->ncols; j++) {
		if (j)
			fputc(',', f);
		fputs(k->cols[j].key, f);
	}
	fputs("\r\n", f);
	if (k->grain == GRAIN_SCHOOL_YEAR) {
		rc = forms_known(k, member, k->name, w);
		if (rc == 0)
			rc = forms_row(f, k, school, year, "", member, k->name, w);
	} else if (!json_is_object(member)) {
		api_fail(w, ERR_INPUT, "'%s' must be an object of major code: {field: value}",
			 k->name);
		rc = -1;
	} else if (json_object_size(member) > FORMS_MAX_MAJORS) {
		api_fail(w, ERR_INPUT, "'%s' has %zu majors; at most %d", k->name,
			 json_object_size(member), FORMS_MAX_MAJORS);
		rc = -1;
	} else {
		const char *major;
		json_t *values;
		char where[128];

		json_object_foreach(member, major, values) {
			if (!*major || strlen(major) > 15) {
				api_fail(w, ERR_INPUT,
					 "'%s' has a major code '%.20s' that is not one", k->name,
					 major);
				rc = -1;
				break;
			}
			snprintf(where, sizeof(where), "%.47s.%.15s", k->name, major);
			if ((rc = forms_known(k, values, where, w)) < 0 ||
			    (rc = forms_row(f, k, school, year, major, values, where, w)) < 0)
				break;
			p->majors = xrealloc(p->majors, (p->nmajors + 1) * sizeof(*p->majors));
			p->majors[p->nmajors++] = xstrdup(major);
		}
	}
	if (fclose(f) != 0 && rc == 0) {
		api_fail(w, ERR_IO, "cannot write the form's file");
		rc = -1;
	}
	return rc;
}

/* An issue of p's import as the form sees it: which field (kind.key, or
 * kind.major.key for a per-major kind; without .key when the issue is about
 * the row) and where in the file. */
static json_t *forms_issue_json(const struct forms_part *p, const struct import_issue *is)
{
	const struct kind *k = &p->k;
	const char *major = NULL, *key = "";
	char field[200];

	if (k->grain == GRAIN_SCHOOL_YEAR_MAJOR && is->row >= 2 && is->row - 2 < p->nmajors)
		major = p->majors[is->row - 2];
	for (size_t j = 0; j < k->ncols && is->column[0]; j++) {
		const struct kind_column *c = &k->cols[j];
		if (!strcmp(is->column, c->header_zh) || !strcmp(is->column, c->header_en) ||
		    !strcmp(is->column, c->key))
			key = c->key;
	}
	/* the key columns are the row's: a wrong major, a locked year */
	if (*key && !forms_field(&k->cols[kind_column(k, key)]))
		key = "";
	snprintf(field, sizeof(field), "%s%s%s%s%s", k->name, major ? "." : "", major ? major : "",
		 *key ? "." : "", key);
	return json_pack("{s:s, s:s, s:s, s:s?, s:I, s:s, s:s, s:s, s:s, s:s}", "kind", k->name,
			 "field", field, "key", key, "major", major, "row", (json_int_t)is->row,
			 "column", is->column, "value", is->value, "rule", is->rule, "severity",
			 is->warning ? "warning" : "error", "message", is->message);
}

/* Run each present part's file through the import; 0 when every one was
 * valid (and written unless dry_run), ERR_INPUT when one had errors (their
 * issues are in the reports), another code when an import failed. */
static int forms_import(struct http_req *r, struct forms_part *parts, const char *school, int year,
			int dry_run, struct err *e)
{
	/* a save is one transaction: the parts and the audit entry */
	int rc, result = 0;

	for (size_t i = 0; i < FORMS_NKINDS; i++) {
		struct import_options o;

		if (!parts[i].present)
			continue;
		memset(&o, 0, sizeof(o));
		o.path = parts[i].path;
		o.school = school;
		o.year = year;
		o.dry_run = dry_run;
		o.who = r->session.user.login;
		o.encoding = ENC_UTF8;
		o.in_transaction = !dry_run;
		import_report_release(&parts[i].rep);
		rc = import_file(r->s, &parts[i].k, &o, &parts[i].rep, e);
		if (rc == ERR_INPUT && parts[i].rep.errors)
			result = ERR_INPUT; /* the others are still checked: every issue at once */
		else if (rc < 0)
			return rc;
	}
	return result;
}

static json_t *forms_issues(const struct forms_part *parts)
{
	json_t *issues = json_array();

	for (size_t i = 0; i < FORMS_NKINDS; i++)
		for (size_t j = 0; parts[i].present && j < parts[i].rep.nissues; j++)
			json_array_append_new(issues,
					      forms_issue_json(&parts[i], &parts[i].rep.issues[j]));
	return issues;
}

/* The answer to a valid form: its warnings and, when saved, each kind's
 * batch; the submission's status. */
static json_t *forms_saved_json(const struct forms_part *parts, int saved, json_t *school)
{
	json_t *batches = json_array();

	for (size_t i = 0; saved && i < FORMS_NKINDS; i++)
		if (parts[i].present)
			json_array_append_new(
				batches, json_pack("{s:s, s:I, s:I, s:I}", "kind", parts[i].k.name,
						   "batch", (json_int_t)parts[i].rep.batch_id,
						   "rows", (json_int_t)parts[i].rep.rows, "changed",
						   (json_int_t)parts[i].rep.changed));
	return json_pack("{s:b, s:b, s:o, s:o, s:o}", "valid", 1, "saved", saved, "issues",
			 forms_issues(parts), "batches", batches, "submission", school);
}

/* The 400 of a form with errors: the issues (each naming its field) under
 * error.details. */
static void forms_invalid(struct http_resp *w, const struct forms_part *parts)
{
	size_t errors = 0;
	char msg[160];

	for (size_t i = 0; i < FORMS_NKINDS; i++)
		if (parts[i].present)
			errors += parts[i].rep.errors;
	snprintf(msg, sizeof(msg), "%zu errors: nothing saved", errors);
	http_json(w, 400,
		  json_pack("{s:{s:s, s:s, s:o}}", "error", "code", "bad_input", "message", msg,
			    "details", forms_issues(parts)));
}

/* Record the save in the audit trail. */
static int forms_audit(struct http_req *r, const struct forms_part *parts, const char *school,
		       int year, struct err *e)
{
	char detail[512];
	size_t len;

	snprintf(detail, sizeof(detail), "%s %d web form:", school, year);
	for (size_t i = 0; i < FORMS_NKINDS; i++) {
		if (!parts[i].present)
			continue;
		len = strlen(detail);
		snprintf(detail + len, sizeof(detail) - len,
			 " %.47s batch %lld (%zu rows, %zu changed)", parts[i].k.name,
			 (long long)parts[i].rep.batch_id, parts[i].rep.rows, parts[i].rep.changed);
	}
	return auth_audit(r->s, r->session.user.login, r->ip, "form.save", detail, r->now, e);
}

/* Make the body's parts into files in dir; 0, or -1 with the error
 * answered. */
static int forms_parts(struct http_req *r, json_t *body, struct forms_part *parts,
		       const char *school, int year, const char *dir, struct http_resp *w)
{
	const char *key;
	json_t *v;
	int any = 0;
	struct err e;

	json_object_foreach(body, key, v) {
		size_t i;
		(void)v;
		for (i = 0; i < FORMS_NKINDS && strcmp(key, forms_kinds[i]); i++)
			;
		if (i == FORMS_NKINDS) {
			api_fail(w, ERR_INPUT, "'%s' is not a part of the form (%s or %s)", key,
				 forms_kinds[0], forms_kinds[1]);
			return -1;
		}
	}
	err_clear(&e);
	for (size_t i = 0; i < FORMS_NKINDS; i++) {
		json_t *member = json_object_get(body, forms_kinds[i]);
		/* no majors: nothing to check or write (a file needs a row) */
		if (!member || (json_is_object(member) && !json_object_size(member) &&
				strcmp(forms_kinds[i], "school_stats")))
			continue;
		if (kind_load(r->o->data_dir, forms_kinds[i], &parts[i].k, &e) < 0) {
			http_error(w, &e);
			return -1;
		}
		parts[i].present = any = 1;
		if (forms_part_file(&parts[i], member, school, year, dir, w) < 0)
			return -1;
	}
	if (!any) {
		api_fail(w, ERR_INPUT, "the form has no values: send %s and/or %s", forms_kinds[0],
			 forms_kinds[1]);
		return -1;
	}
	return 0;
}

/* POST /api/v1/forms/{school}/{year}[?dry_run=1]: the form's values,
 * {"school_stats": {field: value}, "school_major_stats": {major: {field:
 * value}}} (either part may be left out; a part sent replaces that kind's
 * values of the year, as a file does). Every part is checked by the import
 * of a file first; any error gives 400 with the issues, each naming its
 * field, and nothing written. Valid and not a dry run, each part is
 * written (one import batch per kind, in the order above) and the save is
 * audited, all in one transaction (the imports write inside it): any
 * failure and nothing is saved. An approved year is locked: 409. */
static void api_form_save(struct http_req *r, struct http_resp *w)
{
	const char *school = r->params[0], *dry = http_query(r, "dry_run");
	struct forms_part parts[FORMS_NKINDS];
	json_t *body = NULL, *sub = NULL;
	char dir[64] = "";
	struct err e;
	int rc, dry_run = dry && !strcmp(dry, "1");
	int year = api_parse_year(w, r->params[1]);

	memset(parts, 0, sizeof(parts));
	err_clear(&e);
	if (!year)
		return;
	if (!forms_may_write(r, school)) {
		api_fail(w, ERR_DENIED, "this account may not change the figures of %s", school);
		return;
	}
	if (!(sub = forms_school(r->s, school, year, &e))) {
		http_error(w, &e);
		return;
	}
	if (!strcmp(json_string_value(json_object_get(sub, "status")), "approved")) {
		api_fail(w, ERR_CONFLICT,
			 "the %d figures of %s were approved on %s and are locked; ask the bureau "
			 "to reopen them",
			 year, school, json_string_value(json_object_get(sub, "changed_at")));
		goto out;
	}
	if (!(body = api_body(r, w)) || forms_tmp(dir, sizeof(dir), w) < 0 ||
	    forms_parts(r, body, parts, school, year, dir, w) < 0)
		goto out;
	/* every part is checked before any is written; then the parts and
	 * the audit entry are written in one transaction */
	rc = forms_import(r, parts, school, year, 1, &e);
	if (rc == 0 && !dry_run) {
		if ((rc = store_begin(r->s, &e)) == 0 &&
		    (rc = forms_import(r, parts, school, year, 0, &e)) == 0 &&
		    (rc = forms_audit(r, parts, school, year, &e)) == 0)
			rc = store_commit(r->s, &e);
		if (rc < 0) {
			store_rollback(r->s);
			for (size_t i = 0; i < FORMS_NKINDS; i++)
				parts[i].rep.batch_id = 0;
		}
	}
	if (rc == ERR_INPUT && (parts[0].rep.errors || parts[1].rep.errors)) {
		forms_invalid(w, parts);
		goto out;
	}
	if (rc < 0) {
		http_error(w, &e);
		goto out;
	}
	/* the school's row again: its latest import is this one */
	if (!dry_run) {
		json_decref(sub);
		if (!(sub = forms_school(r->s, school, year, &e))) {
			http_error(w, &e);
			goto out;
		}
	}
	http_json(w, 200, forms_saved_json(parts, !dry_run, json_incref(sub)));
out:
	if (dir[0])
		forms_tmp_done(dir);
	for (size_t i = 0; i < FORMS_NKINDS; i++)
		forms_part_release(&parts[i]);
	json_decref(body);
	json_decref(sub);
}

/* ---- every school's submission -------------------------------------------------- */

/* GET /api/v1/submissions?year=: each school's submission status for the
 * year (default: the latest year with data), with the time of its latest
 * import. A school account gets its own row only. */
static void api_submissions(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	const char *only = NULL;
	struct store_stmt *st;
	json_t *list;
	struct err e;
	int rc, year;

	if (u->role == AUTH_SCHOOL)
		only = u->scope;
	else if (u->role == AUTH_ENTERPRISE || u->role == AUTH_VIEWER) {
		api_fail(w, ERR_DENIED, "this account may not see the schools' submissions");
		return;
	}
	if (!(year = api_year(r, w)))
		return;
	err_clear(&e);
	if (!(st = store_prepare(r->s, Q_SUBMISSION_LIST, &e))) {
		http_error(w, &e);
		return;
	}
	store_bindf(st, "it", (int64_t)year, only);
	list = json_array();
	while ((rc = store_step(st, &e)) == STORE_ROW)
		json_array_append_new(list, forms_school_json(st));
	store_reset(st);
	if (rc < 0) {
		json_decref(list);
		http_error(w, &e);
		return;
	}
	http_json(w, 200, json_pack("{s:i, s:o}", "year", year, "schools", list));
}

const struct api_route api_forms_routes[] = {
	{"GET", "/api/v1/templates/{kind}", API_SIGNED, api_template},
	{"GET", "/api/v1/forms/{school}/{year}", API_SIGNED, api_form},
	{"POST", "/api/v1/forms/{school}/{year}", API_SIGNED, api_form_save},
	{"GET", "/api/v1/submissions", API_SIGNED, api_submissions},
	{NULL, NULL, API_PUBLIC, NULL},
};
