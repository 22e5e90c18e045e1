/* api_history.c - the routes of the history of schools' data: the imports
 * (batches: when, who, which file, which kind, rows read, values changed),
 * as tvet history --imports lists them, and every changed value (old ->
 * new), as tvet history lists them. Both are scoped alike: a school account
 * sees its own school's only, enterprise and viewer accounts none, the
 * others all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api_internal.h"

#define API_HISTORY_DEFAULT 1000
#define API_HISTORY_MAX 10000

/* The school the caller may ask about: *school (the ?school= given, or
 * NULL for all) is replaced by a school account's own. 0, or -1 with the
 * 403 answered. */
static int api_history_scope(struct http_req *r, struct http_resp *w, const char **school)
{
	const struct auth_user *u = &r->session.user;

	if (*school && !**school)
		*school = NULL;
	if (u->role == AUTH_SCHOOL) {
		if (*school && strcmp(*school, u->scope)) {
			api_fail(w, ERR_DENIED,
				 "a school account sees only its own school's history (%s)",
				 u->scope);
			return -1;
		}
		*school = u->scope;
	} else if (u->role == AUTH_ENTERPRISE || u->role == AUTH_VIEWER) {
		api_fail(w, ERR_DENIED, "this account may not see the history of schools' data");
		return -1;
	}
	return 0;
}

/* ?year= (0 when absent) and ?limit= (API_HISTORY_DEFAULT when absent):
 * 0, or -1 with the 400 answered. */
static int api_history_params(struct http_req *r, struct http_resp *w, int *year, long *limit)
{
	const char *qy = http_query(r, "year"), *ql = http_query(r, "limit");

	*year = 0;
	*limit = API_HISTORY_DEFAULT;
	if (qy && *qy && !(*year = api_parse_year(w, qy)))
		return -1;
	if (ql) {
		char *end;
		*limit = strtol(ql, &end, 10);
		if (!*ql || *end || *limit < 1 || *limit > API_HISTORY_MAX) {
			api_fail(w, ERR_INPUT, "limit '%s' is not a number from 1 to %d", ql,
				 API_HISTORY_MAX);
			return -1;
		}
	}
	return 0;
}

/* A REAL column as a number, or null. */
static json_t *api_real_or_null(struct store_stmt *st, int col)
{
	return store_col_is_null(st, col) ? json_null() : json_real(store_col_double(st, col));
}

/* A TEXT column as a string, or null. */
static json_t *api_text_or_null(struct store_stmt *st, int col)
{
	return store_col_is_null(st, col) ? json_null() : json_string(store_col_text(st, col));
}

/* Step st into a JSON array of at most limit rows, each made by row();
 * answer it (200) or the error. */
static void api_history_answer(struct store_stmt *st, long limit,
			       json_t *(*row)(struct store_stmt *), struct http_resp *w)
{
	json_t *list = json_array();
	struct err e;
	int rc = 0;

	err_clear(&e);
	while ((long)json_array_size(list) < limit && (rc = store_step(st, &e)) == STORE_ROW) {
		json_array_append_new(list, row(st));
		rc = 0;
	}
	store_reset(st);
	if (rc < 0) {
		json_decref(list);
		http_error(w, &e);
		return;
	}
	http_json(w, 200, list);
}

static json_t *api_change_json(struct store_stmt *st)
{
	json_t *row = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:I, s:s?, s:s?}", "batch",
				(json_int_t)store_col_int(st, 0), "at", store_col_text(st, 1),
				"who", store_col_text(st, 2), "file", store_col_text(st, 3), "kind",
				store_col_text(st, 4), "school", store_col_text(st, 5), "year",
				(json_int_t)store_col_int(st, 6), "element", store_col_text(st, 7),
				"dims", store_col_text(st, 8));

	json_object_set_new(row, "old", api_real_or_null(st, 9));
	json_object_set_new(row, "new", api_real_or_null(st, 10));
	/* an element no catalogue names (a result kept by tvet evaluate) has none */
	json_object_set_new(row, "element_name", api_text_or_null(st, 11));
	json_object_set_new(row, "element_name_en", api_text_or_null(st, 12));
	return row;
}

/* GET /api/v1/history?school=&year=&element=&limit=: every changed value,
 * newest first (old -> new, which import, who, when). */
static void api_history(struct http_req *r, struct http_resp *w)
{
	const char *school = http_query(r, "school"), *element = http_query(r, "element");
	struct store_stmt *st;
	long limit;
	int year;
	struct err e;

	if (api_history_scope(r, w, &school) < 0 || api_history_params(r, w, &year, &limit) < 0)
		return;
	err_clear(&e);
	if (!(st = store_prepare(r->s, Q_HISTORY_LIST, &e))) {
		http_error(w, &e);
		return;
	}
	store_bind_text(st, 1, school);
	if (year)
		store_bind_int(st, 2, year);
	store_bind_text(st, 3, element && *element ? element : NULL);
	api_history_answer(st, limit, api_change_json, w);
}

static json_t *api_batch_json(struct store_stmt *st)
{
	/* a batch tvet evaluate keeps has no encoding: s? makes a NULL null */
	json_t *row = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}", "batch",
				(json_int_t)store_col_int(st, 0), "kind", store_col_text(st, 1),
				"file", store_col_text(st, 2), "sha256", store_col_text(st, 3),
				"encoding", store_col_text(st, 4), "who", store_col_text(st, 5),
				"at", store_col_text(st, 6));

	/* a file of several schools, or of several years, names none */
	json_object_set_new(row, "school",
			    store_col_is_null(st, 7) ? json_null()
						     : json_string(store_col_text(st, 7)));
	json_object_set_new(row, "year",
			    store_col_is_null(st, 8) ? json_null()
						     : json_integer(store_col_int(st, 8)));
	json_object_set_new(row, "rows", json_integer(store_col_int(st, 9)));
	json_object_set_new(row, "changed", json_integer(store_col_int(st, 10)));
	return row;
}

/* GET /api/v1/imports?school=&kind=&year=&limit=: the imports, newest
 * first. A school's are the files of that school alone: a file of several
 * schools says nothing of the others to a school account (its own changed
 * values are in /api/v1/history). */
static void api_imports(struct http_req *r, struct http_resp *w)
{
	const char *school = http_query(r, "school"), *kind = http_query(r, "kind");
	struct store_stmt *st;
	long limit;
	int year;
	struct err e;

	if (api_history_scope(r, w, &school) < 0 || api_history_params(r, w, &year, &limit) < 0)
		return;
	err_clear(&e);
	if (!(st = store_prepare(r->s, Q_IMPORT_LIST, &e))) {
		http_error(w, &e);
		return;
	}
	store_bind_text(st, 1, kind && *kind ? kind : NULL);
	store_bind_text(st, 2, school);
	if (year)
		store_bind_int(st, 3, year);
	api_history_answer(st, limit, api_batch_json, w);
}

const struct api_route api_history_routes[] = {
	{"GET", "/api/v1/history", API_SIGNED, api_history},
	{"GET", "/api/v1/imports", API_SIGNED, api_imports},
	{NULL, NULL, API_PUBLIC, NULL},
};
