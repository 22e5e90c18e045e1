/* api_import_scope.c - the rows a department or enterprise account may
 * import (api_import_scope.h). The file is read once here, with the
 * readers the import uses (ingest/csv.h, ingest/xlsx.h), before the import
 * reads it again to check and write it: the scope is a question of who is
 * asking, which the import (shared with the CLI) does not know. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "http/api_import_scope.h"
#include "http/api_internal.h"
#include "ingest/csv.h"
#include "ingest/refdata.h"
#include "ingest/xlsx.h"

#define SCOPE_MAX_DETAILS 100 /* foreign rows listed; the count says the rest */

int api_import_scope_kind(const struct auth_user *u, const char *kind)
{
	/* An enterprise's satisfaction ratings are not offered: re-importing a
	 * school's year replaces every enterprise's ratings of it (the
	 * grain's group is school and year), not the importer's alone. */
	if (u->role == AUTH_DEPARTMENT)
		return !strcmp(kind, "assessments");
	if (u->role == AUTH_ENTERPRISE)
		return !strcmp(kind, "demand");
	return 0;
}

/* The rows of the file: CSV or the first sheet of a workbook. */
struct scope_source {
	struct csv_reader *csv;
	struct xlsx_reader *xlsx;
	char cell[512];
};

static int scope_open(struct scope_source *src, const char *path, struct err *e)
{
	unsigned char magic[4] = {0};
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(magic, 1, sizeof(magic), f) : 0;

	memset(src, 0, sizeof(*src));
	if (f)
		fclose(f);
	if (n == 4 && !memcmp(magic, "PK\x03\x04", 4))
		return xlsx_reader_open(&src->xlsx, path, NULL, e);
	return csv_reader_open_encoded(&src->csv, path, ENC_UNKNOWN, NULL, e);
}

static int scope_next(struct scope_source *src, struct err *e)
{
	return src->xlsx ? xlsx_reader_next(src->xlsx, e) : csv_reader_next(src->csv, e);
}

static size_t scope_nfields(const struct scope_source *src)
{
	return src->xlsx ? xlsx_reader_nfields(src->xlsx) : csv_reader_nfields(src->csv);
}

static size_t scope_line(const struct scope_source *src)
{
	return src->xlsx ? xlsx_reader_line(src->xlsx) : csv_reader_line(src->csv);
}

/* Cell i of the row, trimmed as the import trims it (a long cell is cut:
 * it matches no code either way). */
static const char *scope_cell(struct scope_source *src, size_t i)
{
	snprintf(src->cell, sizeof(src->cell), "%s",
		 src->xlsx ? xlsx_reader_field(src->xlsx, i) : csv_reader_field(src->csv, i));
	return refdata_trim(src->cell);
}

static void scope_close(struct scope_source *src)
{
	csv_reader_free(src->csv);
	xlsx_reader_free(src->xlsx);
}

/* The file's column of kind column c, matched as the import matches a
 * header (Chinese, English or key), or -1. */
static long scope_find_column(struct scope_source *src, const struct kind_column *c)
{
	for (size_t i = 0; i < scope_nfields(src); i++) {
		const char *h = scope_cell(src, i);
		if (!strcmp(h, c->header_zh) || !strcmp(h, c->header_en) || !strcmp(h, c->key))
			return (long)i;
	}
	return -1;
}

/* 1 when value is the caller's own, 0 when not, or a negative error. */
static int scope_own(struct http_req *r, const char *value, struct err *e)
{
	const struct auth_user *u = &r->session.user;

	if (u->role == AUTH_DEPARTMENT)
		return store_lookup(r->s, Q_PLAN_TARGET_DEPT_EXISTS, NULL, e, "tt", value,
				    u->scope);
	return !strcmp(value, u->scope);
}

static json_t *scope_issue(struct http_req *r, size_t row, const struct kind_column *c,
			   const char *value)
{
	const struct auth_user *u = &r->session.user;
	char msg[512];

	if (u->role == AUTH_DEPARTMENT)
		snprintf(msg, sizeof(msg),
			 _("target '%s' is not one department '%s' is responsible for: a "
			   "department assesses its own targets only"),
			 value, u->scope);
	else
		snprintf(msg, sizeof(msg),
			 _("enterprise '%s' is not this account's own (%s): an enterprise account "
			   "submits its own rows only"),
			 value, u->scope);
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "row", (json_int_t)row, "column",
			 kind_header(c), "value", value, "rule",
			 u->role == AUTH_DEPARTMENT ? "other_department" : "other_enterprise",
			 "severity", "error", "message", msg);
}

/* Answer 403 for the foreign rows (details stolen). */
static void scope_refuse(struct http_resp *w, size_t foreign, json_t *details)
{
	char msg[256];

	snprintf(msg, sizeof(msg), _("%zu rows are not this account's own: nothing imported"),
		 foreign);
	http_json(w, 403,
		  json_pack("{s:{s:s, s:s, s:o}}", "error", "code", "forbidden", "message", msg,
			    "details", details));
}

int api_import_scope_rows(struct http_req *r, struct http_resp *w, const struct kind *k,
			  const char *path)
{
	const char *key = r->session.user.role == AUTH_DEPARTMENT ? "target" : "enterprise";
	int j = kind_column(k, key), rc;
	struct scope_source src;
	json_t *details = NULL;
	size_t foreign = 0;
	long col;
	struct err e;

	err_clear(&e);
	if (j < 0 || !k->cols[j].required) { /* the kinds of api_import_scope_kind() have it */
		api_fail(w, ERR_DENIED, "kind %s has no required column '%s' to check", k->name,
			 key);
		return -1;
	}
	if ((rc = scope_open(&src, path, &e)) < 0 || (rc = scope_next(&src, &e)) < 0)
		goto out;
	/* an empty file, or one without the column: the import refuses it */
	if (rc == 0 || (col = scope_find_column(&src, &k->cols[j])) < 0) {
		rc = 0;
		goto out;
	}
	details = json_array();
	while ((rc = scope_next(&src, &e)) == 1) {
		const char *value = scope_cell(&src, (size_t)col);

		if (!*value) /* a required cell left blank: the import says so */
			continue;
		if ((rc = scope_own(r, value, &e)) < 0)
			goto out;
		if (rc == 0 && foreign++ < SCOPE_MAX_DETAILS)
			json_array_append_new(details,
					      scope_issue(r, scope_line(&src), &k->cols[j], value));
	}
out:
	scope_close(&src);
	if (rc < 0) {
		json_decref(details);
		http_error(w, &e);
		return -1;
	}
	if (!foreign) {
		json_decref(details);
		return 0;
	}
	scope_refuse(w, foreign, details);
	return -1;
}
