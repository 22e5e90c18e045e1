/* api_data.c - the routes of a school's data: imports (a file in, the
 * import's report out, as tvet import), submissions and their moves (the
 * history of changed values: api_history.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/api_import_scope.h"
#include "http/api_internal.h"
#include "ingest/import.h"
#include "ingest/submission.h"

/* ---- imports ------------------------------------------------------------ */

/* The kinds a school account may submit, for its own school only. */
static int api_school_kind(const char *kind)
{
	return !strcmp(kind, "school_major_stats") || !strcmp(kind, "school_stats") ||
	       !strcmp(kind, "school_majors");
}

/* A file name to keep: the last path segment of the client's name, letters,
 * digits, CJK and ._- only, with its .csv or .xlsx ending; else upload.csv. */
static void api_file_name(const char *given, char *out, size_t size)
{
	const char *base = given ? strrchr(given, '/') : NULL;
	size_t n = 0;

	base = base ? base + 1 : given;
	if (!base || !*base || base[0] == '.' || strlen(base) > 120) {
		snprintf(out, size, "upload.csv");
		return;
	}
	for (const unsigned char *p = (const unsigned char *)base; *p && n + 1 < size; p++)
		out[n++] = (*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') || *p == '.' || *p == '_' || *p == '-')
				   ? (char)*p
				   : '_';
	out[n] = '\0';
	if (n < 4 || (strcasecmp(out + n - 4, ".csv") && (n < 5 || strcasecmp(out + n - 5, ".xlsx"))))
		snprintf(out + (n > size - 5 ? size - 5 : n), 5, ".csv");
}

static json_t *api_report_json(const char *kind, const struct import_report *rep)
{
	json_t *issues = json_array();

	for (size_t i = 0; i < rep->nissues; i++) {
		const struct import_issue *is = &rep->issues[i];
		json_array_append_new(issues, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "row",
							(json_int_t)is->row, "column", is->column,
							"value", is->value, "rule", is->rule,
							"severity", is->warning ? "warning" : "error",
							"message", is->message));
	}
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:b, s:o}", "kind", kind,
			 "file", rep->file, "sha256", rep->sha256, "encoding", rep->encoding, "rows",
			 (json_int_t)rep->rows, "changed", (json_int_t)rep->changed, "errors",
			 (json_int_t)rep->errors, "warnings", (json_int_t)rep->warnings, "batch",
			 (json_int_t)rep->batch_id, "written", rep->batch_id != 0, "issues", issues);
}

static int api_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* POST /api/v1/imports/{kind}: the body is the file (CSV or XLSX), its name
 * in X-File-Name; ?school=, ?year=, ?dry_run=1 as on the command line. The
 * answer is the CLI's report: 200 when valid (and written unless a dry
 * run), 400 with the same report under error.details when not. */
static void api_import(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	const char *kind = r->params[0], *school = http_query(r, "school");
	const char *q_year = http_query(r, "year"), *dry = http_query(r, "dry_run");
	struct import_options o;
	struct import_report rep;
	struct kind k;
	struct err e;
	char dir[] = "/tmp/tvet-upload-XXXXXX", name[160], path[512], detail[512];
	FILE *f;
	int rc, year = 0;

	err_clear(&e);
	memset(&o, 0, sizeof(o));
	memset(&rep, 0, sizeof(rep));
	if (u->role == AUTH_SCHOOL) {
		if (!api_school_kind(kind)) {
			api_fail(w, ERR_DENIED, "a school account may not import %s", kind);
			return;
		}
		if (school && strcmp(school, u->scope)) {
			api_fail(w, ERR_DENIED, "a school account may import only its own school (%s)",
				 u->scope);
			return;
		}
		school = u->scope; /* every row must be the school's own */
	} else if (u->role == AUTH_DEPARTMENT || u->role == AUTH_ENTERPRISE) {
		/* its own rows only: checked once the file is kept, below */
		if (!api_import_scope_kind(u, kind)) {
			api_fail(w, ERR_DENIED, "a %s account may not import %s",
				 auth_role_key(u->role), kind);
			return;
		}
	} else if (u->role != AUTH_ADMIN && u->role != AUTH_BUREAU) {
		api_fail(w, ERR_DENIED, "this account may not import data");
		return;
	}
	if (q_year && !(year = api_parse_year(w, q_year)))
		return;
	if (!r->body_len) {
		api_fail(w, ERR_INPUT, "the request has no file: send it as the body");
		return;
	}
	if ((rc = kind_load(r->o->data_dir, kind, &k, &e)) < 0) {
		if (rc == ERR_USAGE)
			e.code = ERR_NOTFOUND;
		http_error(w, &e);
		return;
	}
	api_file_name(http_header(r, "X-File-Name"), name, sizeof(name));
	if (!mkdtemp(dir)) {
		api_fail(w, ERR_IO, "cannot make a temporary directory");
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "wb")) || fwrite(r->body, 1, r->body_len, f) != r->body_len ||
	    fclose(f) != 0) {
		api_fail(w, ERR_IO, "cannot keep the uploaded file");
		nftw(dir, api_rm, 4, FTW_DEPTH | FTW_PHYS);
		return;
	}
	o.path = path;
	o.school = school;
	o.year = year;
	o.dry_run = dry && !strcmp(dry, "1");
	o.who = u->login;
	o.encoding = ENC_UNKNOWN;
	if ((u->role == AUTH_DEPARTMENT || u->role == AUTH_ENTERPRISE) &&
	    api_import_scope_rows(r, w, &k, path) < 0) {
		nftw(dir, api_rm, 4, FTW_DEPTH | FTW_PHYS);
		return;
	}
	rc = import_file(r->s, &k, &o, &rep, &e);
	nftw(dir, api_rm, 4, FTW_DEPTH | FTW_PHYS);
	if (rc == 0 || (rc == ERR_INPUT && rep.errors)) {
		json_t *report = api_report_json(kind, &rep);
		if (rc == 0) {
			http_json(w, 200, report);
		} else {
			json_t *issues = json_incref(json_object_get(report, "issues"));
			char msg[160];
			snprintf(msg, sizeof(msg), "%zu errors: nothing imported", rep.errors);
			http_json(w, 400,
				  json_pack("{s:{s:s, s:s, s:o}, s:o}", "error", "code", "bad_input",
					    "message", msg, "details", issues, "report", report));
		}
		if (rc == 0 && !o.dry_run) {
			struct err ae;
			snprintf(detail, sizeof(detail), "%s %s: %zu rows, %zu values changed, batch %lld",
				 kind, name, rep.rows, rep.changed, (long long)rep.batch_id);
			err_clear(&ae);
			if (auth_audit(r->s, u->login, r->ip, "import", detail, r->now, &ae) < 0)
				http_error(w, &ae);
		}
	} else {
		http_error(w, &e);
	}
	import_report_release(&rep);
}

/* ---- submissions ---------------------------------------------------------- */

static json_t *api_submission_json(const char *school, int year, const struct submission *sub)
{
	return json_pack("{s:s, s:i, s:s, s:s, s:s}", "school", school, "year", year, "status",
			 sub->status, "changed_at", sub->changed_at, "changed_by",
			 sub->changed_by);
}

static void api_submission(struct http_req *r, struct http_resp *w)
{
	const char *school = r->params[0];
	struct submission sub;
	struct err e;
	int year = api_parse_year(w, r->params[1]);

	if (!year)
		return;
	if (!api_may_read_school(r, school)) {
		api_fail(w, ERR_DENIED, "this account may not see the submissions of %s", school);
		return;
	}
	err_clear(&e);
	if (submission_get(r->s, school, year, &sub, &e) < 0) {
		http_error(w, &e);
		return;
	}
	http_json(w, 200, api_submission_json(school, year, &sub));
}

/* POST …/{verb}: a school submits its own year; the bureau (and
 * administrators) submit, approve and reopen any school's. */
static void api_submission_move(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	const char *school = r->params[0], *verb = r->params[2];
	struct submission sub;
	char action[40], detail[96];
	struct err e;
	int year = api_parse_year(w, r->params[1]);

	if (!year)
		return;
	if (strcmp(verb, "submit") && strcmp(verb, "approve") && strcmp(verb, "reopen")) {
		api_fail(w, ERR_NOTFOUND, "no such move '%s' (submit, approve or reopen)", verb);
		return;
	}
	if (!(u->role == AUTH_ADMIN || u->role == AUTH_BUREAU ||
	      (u->role == AUTH_SCHOOL && !strcmp(verb, "submit") && !strcmp(u->scope, school)))) {
		api_fail(w, ERR_DENIED, "this account may not %s the submission of %s", verb,
			 school);
		return;
	}
	err_clear(&e);
	if (submission_move(r->s, school, year, verb, u->login, r->now, &sub, &e) < 0) {
		http_error(w, &e);
		return;
	}
	snprintf(action, sizeof(action), "submission.%s", verb);
	snprintf(detail, sizeof(detail), "%s %d", school, year);
	if (auth_audit(r->s, u->login, r->ip, action, detail, r->now, &e) < 0) {
		http_error(w, &e);
		return;
	}
	http_json(w, 200, api_submission_json(school, year, &sub));
}

const struct api_route api_data_routes[] = {
	{"POST", "/api/v1/imports/{kind}", API_SIGNED, api_import},
	{"GET", "/api/v1/submissions/{school}/{year}", API_SIGNED, api_submission},
	{"POST", "/api/v1/submissions/{school}/{year}/{verb}", API_SIGNED, api_submission_move},
	{NULL, NULL, API_PUBLIC, NULL},
};
