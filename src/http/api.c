/* api.c - the routes of /api/v1/: who may call each, and what it answers.
 * Every route is a thin face over the functions the CLI calls (monitor/,
 * auth/): it checks the caller, parses parameters, and formats JSON. The
 * table below is the one list of routes; data/openapi.json documents them
 * and a test holds the two together. */
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ftw.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "http/http_internal.h"
#include "ingest/import.h"
#include "ingest/submission.h"
#include "monitor/monitor.h"
#include "monitor/plan.h"

enum api_access {
	API_PUBLIC, /* anyone, signed in or not */
	API_SIGNED, /* any signed-in account */
	API_ADMIN   /* admins only */
};

struct api_route {
	const char *method, *pattern;
	enum api_access access;
	void (*fn)(struct http_req *r, struct http_resp *w);
};

static void api_fail(struct http_resp *w, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void api_fail(struct http_resp *w, int code, const char *fmt, ...)
{
	char msg[512];
	struct err e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_clear(&e);
	err_set(&e, code, "%s", msg);
	http_error(w, &e);
}

/* The JSON object of the request body; NULL with the 400 answered. */
static json_t *api_body(struct http_req *r, struct http_resp *w)
{
	json_error_t je;
	json_t *doc = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je);
	char msg[256];

	if (!doc || !json_is_object(doc)) {
		snprintf(msg, sizeof(msg), "the body is not a JSON object (line %d, column %d: %s)",
			 je.line, je.column, doc ? "not an object" : je.text);
		json_decref(doc);
		api_fail(w, ERR_INPUT, "%s", msg);
		return NULL;
	}
	return doc;
}

/* A string member of the body, or NULL with the 400 answered. */
static const char *api_string(json_t *doc, const char *key, int required, struct http_resp *w)
{
	json_t *v = json_object_get(doc, key);
	char msg[128];

	if (!v && !required)
		return "";
	if (!json_is_string(v)) {
		snprintf(msg, sizeof(msg), "'%s' must be a string", key);
		api_fail(w, ERR_INPUT, "%s", msg);
		return NULL;
	}
	return json_string_value(v);
}

/* A year as written in a path or query: 2000-2100, else 0 with the 400
 * answered. */
static int api_parse_year(struct http_resp *w, const char *text)
{
	char *end;
	long y = strtol(text, &end, 10);

	if (!*text || *end || y < 2000 || y > 2100) {
		api_fail(w, ERR_INPUT, "year '%s' is not a year from 2000 to 2100", text);
		return 0;
	}
	return (int)y;
}

/* ?year=, else the latest year with data. 0 with the error answered. */
static int api_year(struct http_req *r, struct http_resp *w)
{
	const char *q = http_query(r, "year");
	int64_t latest = 0;
	struct err e;

	if (q)
		return api_parse_year(w, q);
	err_clear(&e);
	if (store_lookup(r->s, Q_LATEST_YEAR, &latest, &e, "") < 0) {
		http_error(w, &e);
		return 0;
	}
	if (!latest)
		api_fail(w, ERR_NOTFOUND, "no yearly data yet: give ?year=");
	return (int)latest;
}

static json_t *api_user_json(const struct auth_user *u)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:b}", "login", u->login, "name", u->name, "role",
			 auth_role_key(u->role), "scope", u->scope, "disabled", u->disabled);
}

/* A school account may see its own school's figures only; enterprise and
 * viewer (public) accounts no school's: they see the city and districts. */
static int api_may_see_school(const struct http_req *r, const char *school_code)
{
	switch (r->session.user.role) {
	case AUTH_SCHOOL:
		return !strcmp(r->session.user.scope, school_code);
	case AUTH_ENTERPRISE:
	case AUTH_VIEWER:
		return 0;
	default:
		return 1;
	}
}

/* ---- cached answers ---------------------------------------------------- */

/* The plan's status is read far more often than data change, and costs a
 * few milliseconds to compute: answers are kept, keyed by the request and
 * the caller's view, and valid while the database is unchanged. Unchanged
 * means: no write request passed through this server (api_generation) and
 * the database file and its WAL have the same size and modification time
 * (a commit from elsewhere, e.g. the CLI, changes them). */
#define API_CACHE_SLOTS 64

struct api_cached {
	char key[192];
	char gen[128];
	char *body;
	size_t len;
};

static pthread_mutex_t api_cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct api_cached api_cache[API_CACHE_SLOTS];
static size_t api_cache_next;
static unsigned long api_generation;

static void api_changed(void)
{
	pthread_mutex_lock(&api_cache_lock);
	api_generation++;
	pthread_mutex_unlock(&api_cache_lock);
}

static void api_gen(const struct http_req *r, char *buf, size_t size)
{
	struct stat db, wal;
	char path[4096];
	unsigned long g;

	memset(&db, 0, sizeof(db));
	memset(&wal, 0, sizeof(wal));
	(void)stat(r->o->db_path, &db);
	snprintf(path, sizeof(path), "%s-wal", r->o->db_path);
	(void)stat(path, &wal);
	pthread_mutex_lock(&api_cache_lock);
	g = api_generation;
	pthread_mutex_unlock(&api_cache_lock);
	snprintf(buf, size, "%lu:%lld.%ld:%lld:%lld.%ld:%lld", g, (long long)db.st_mtim.tv_sec,
		 db.st_mtim.tv_nsec, (long long)db.st_size, (long long)wal.st_mtim.tv_sec,
		 wal.st_mtim.tv_nsec, (long long)wal.st_size);
}

/* The view a caller gets of the plan: all schools, one school's, or none. */
static void api_view(const struct http_req *r, char *buf, size_t size)
{
	switch (r->session.user.role) {
	case AUTH_SCHOOL:
		snprintf(buf, size, "school:%s", r->session.user.scope);
		break;
	case AUTH_ENTERPRISE:
	case AUTH_VIEWER:
		snprintf(buf, size, "public");
		break;
	default:
		snprintf(buf, size, "all");
	}
}

static int api_cache_get(const char *key, const char *gen, struct http_resp *w)
{
	int hit = 0;

	pthread_mutex_lock(&api_cache_lock);
	for (size_t i = 0; i < API_CACHE_SLOTS && !hit; i++)
		if (api_cache[i].body && !strcmp(api_cache[i].key, key) &&
		    !strcmp(api_cache[i].gen, gen)) {
			strbuf_reset(&w->body);
			strbuf_add(&w->body, api_cache[i].body, api_cache[i].len);
			hit = 1;
		}
	pthread_mutex_unlock(&api_cache_lock);
	if (hit) {
		w->status = 200;
		w->content_type = "application/json; charset=utf-8";
	}
	return hit;
}

static void api_cache_put(const char *key, const char *gen, const struct http_resp *w)
{
	struct api_cached *c;

	pthread_mutex_lock(&api_cache_lock);
	c = &api_cache[api_cache_next++ % API_CACHE_SLOTS];
	free(c->body);
	snprintf(c->key, sizeof(c->key), "%s", key);
	snprintf(c->gen, sizeof(c->gen), "%s", gen);
	c->body = xmalloc(w->body.len + 1);
	memcpy(c->body, w->body.buf ? w->body.buf : "", w->body.len);
	c->len = w->body.len;
	pthread_mutex_unlock(&api_cache_lock);
}

void api_cache_clear(void)
{
	pthread_mutex_lock(&api_cache_lock);
	for (size_t i = 0; i < API_CACHE_SLOTS; i++) {
		free(api_cache[i].body);
		api_cache[i].body = NULL;
	}
	pthread_mutex_unlock(&api_cache_lock);
}

/* ---- sessions ----------------------------------------------------------- */

static void api_login(struct http_req *r, struct http_resp *w)
{
	json_t *doc = api_body(r, w);
	const char *login, *password;
	struct auth_session ss;
	struct err e;

	if (!doc)
		return;
	if (!(login = api_string(doc, "login", 1, w)) ||
	    !(password = api_string(doc, "password", 1, w))) {
		json_decref(doc);
		return;
	}
	err_clear(&e);
	if (auth_login(r->s, login, password, r->ip, r->now, &ss, &e) < 0) {
		json_decref(doc);
		http_error(w, &e);
		return;
	}
	json_decref(doc);
	snprintf(w->set_cookie, sizeof(w->set_cookie),
		 "tvet_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", ss.token,
		 AUTH_ABSOLUTE_SECONDS, r->o->secure_cookies ? "; Secure" : "");
	snprintf(w->who, sizeof(w->who), "%s", ss.user.login);
	http_json(w, 200, json_pack("{s:o, s:s}", "user", api_user_json(&ss.user), "csrf", ss.csrf));
	sodium_memzero(&ss, sizeof(ss));
}

static void api_logout(struct http_req *r, struct http_resp *w)
{
	struct err e;

	err_clear(&e);
	if (auth_logout(r->s, r->token, r->ip, r->now, &e) < 0) {
		http_error(w, &e);
		return;
	}
	snprintf(w->set_cookie, sizeof(w->set_cookie),
		 "tvet_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
		 r->o->secure_cookies ? "; Secure" : "");
	http_json(w, 200, json_pack("{s:b}", "signed_out", 1));
}

static void api_me(struct http_req *r, struct http_resp *w)
{
	http_json(w, 200,
		  json_pack("{s:o, s:s}", "user", api_user_json(&r->session.user), "csrf",
			    r->session.csrf));
}

static void api_openapi(struct http_req *r, struct http_resp *w)
{
	char path[4096];
	json_error_t je;
	json_t *doc;

	snprintf(path, sizeof(path), "%s/openapi.json", r->o->data_dir);
	if (!(doc = json_load_file(path, 0, &je))) {
		api_fail(w, ERR_IO, "the API description cannot be read: %s", je.text);
		return;
	}
	http_json(w, 200, doc);
}

/* ---- organisations, indicators, the plan -------------------------------- */

static void api_orgs(struct http_req *r, struct http_resp *w)
{
	struct monitor *m;
	const struct monitor_org *o;
	json_t *list = json_array();
	struct err e;

	err_clear(&e);
	if (monitor_open(r->s, &m, &e) < 0) {
		json_decref(list);
		http_error(w, &e);
		return;
	}
	for (size_t i = 0; (o = monitor_org_at(m, i)); i++)
		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?}", "code", o->code, "name",
					o->name, "name_en", o->name_en, "kind", o->kind, "level",
					o->level, "parent",
					o->parent >= 0 ? monitor_org_at(m, (size_t)o->parent)->code
						       : NULL));
	monitor_close(m);
	http_json(w, 200, list);
}

static void api_indicators(struct http_req *r, struct http_resp *w)
{
	const struct monitor_indicator *const *inds;
	struct monitor *m;
	json_t *list = json_array();
	size_t n;
	struct err e;

	err_clear(&e);
	if (monitor_open(r->s, &m, &e) < 0 || monitor_indicators(m, &inds, &n, &e) < 0) {
		monitor_close(m);
		json_decref(list);
		http_error(w, &e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:f, s:i}", "code",
					inds[i]->code, "name", inds[i]->name, "name_en",
					inds[i]->name_en, "unit", inds[i]->unit, "scope",
					inds[i]->scope_text, "numerator", inds[i]->num_text,
					"denominator", inds[i]->den_text, "scale", inds[i]->scale,
					"decimals", inds[i]->decimals));
	monitor_close(m);
	http_json(w, 200, list);
}

static json_t *api_expr_value(const struct expr_value *v)
{
	return v->present ? json_real(v->v) : json_null();
}

static void api_indicator(struct http_req *r, struct http_resp *w)
{
	const struct monitor_indicator *ind;
	const struct monitor_org *org;
	const char *code = http_query(r, "org");
	struct monitor_value v;
	struct monitor *m = NULL;
	struct err e;
	int year = api_year(r, w);

	if (!year)
		return;
	err_clear(&e);
	if (monitor_open(r->s, &m, &e) < 0 || monitor_indicator(m, r->params[0], &ind, &e) < 0)
		goto fail;
	org = code ? monitor_org(m, code) : monitor_city(m);
	if (!org) {
		err_set(&e, ERR_NOTFOUND, "organisation '%s' is not the city, a district or a school",
			code);
		goto fail;
	}
	if (!strcmp(org->kind, "school") && !api_may_see_school(r, org->code)) {
		err_set(&e, ERR_DENIED, "this account may not see school %s", org->code);
		goto fail;
	}
	if (monitor_value(m, ind, org, year, &v, &e) < 0)
		goto fail;
	http_json(w, 200,
		  json_pack("{s:s, s:s, s:i, s:o, s:o, s:o, s:s, s:i}", "indicator", ind->code,
			    "org", org->code, "year", year, "value", api_expr_value(&v.value),
			    "numerator", api_expr_value(&v.num), "denominator",
			    api_expr_value(&v.den), "unit", ind->unit, "decimals", ind->decimals));
	monitor_close(m);
	return;
fail:
	monitor_close(m);
	http_error(w, &e);
}

/* A school account sees only its own school among each target's schools;
 * enterprise and viewer accounts none. */
static void api_scope_schools(const struct http_req *r, json_t *targets)
{
	size_t i;
	json_t *t;

	if (r->session.user.role != AUTH_SCHOOL && r->session.user.role != AUTH_ENTERPRISE &&
	    r->session.user.role != AUTH_VIEWER)
		return;
	json_array_foreach(targets, i, t)
	{
		json_t *schools = json_object_get(t, "by_school"), *kept = json_array(), *sc;
		size_t k;

		json_array_foreach(schools, k, sc)
		{
			const char *code = json_string_value(json_object_get(sc, "school"));
			if (code && api_may_see_school(r, code))
				json_array_append(kept, sc);
		}
		json_object_set_new(t, "by_school", kept);
	}
}

/* The plan's status for ?year=, ?action=, ?unit=; with target, one target's
 * criteria. */
static void api_plan(struct http_req *r, struct http_resp *w, const char *target)
{
	const char *qa = http_query(r, "action"), *unit = http_query(r, "unit");
	struct plan_status ps;
	struct monitor *m = NULL;
	struct err e;
	long action = 0;
	const char *qy = http_query(r, "year");
	char key[192], gen[128], view[48];
	int year;
	json_t *doc;

	/* the request as asked (no year: the latest, which only a change moves) */
	api_view(r, view, sizeof(view));
	snprintf(key, sizeof(key), "plan|%.8s|%.8s|%.32s|%.64s|%s", qy ? qy : "", qa ? qa : "",
		 unit ? unit : "", target ? target : "", view);
	api_gen(r, gen, sizeof(gen));
	if (api_cache_get(key, gen, w))
		return;
	if (!(year = api_year(r, w)))
		return;
	err_clear(&e);
	if (qa) {
		char *end;
		action = strtol(qa, &end, 10);
		if (*end || action < 1 || action > 99) {
			api_fail(w, ERR_INPUT, "action '%s' is not a number from 1 to 99", qa);
			return;
		}
	}
	if (unit) {
		int rc = store_lookup(r->s, Q_DEPARTMENT_EXISTS, NULL, &e, "t", unit);
		if (rc <= 0) {
			if (rc == 0)
				err_set(&e, ERR_NOTFOUND, "department '%s' does not exist", unit);
			http_error(w, &e);
			return;
		}
	}
	if (monitor_open(r->s, &m, &e) < 0 ||
	    monitor_plan_status(m, year, (int)action, unit, &ps, &e) < 0) {
		monitor_close(m);
		http_error(w, &e);
		return;
	}
	doc = plan_status_json(&ps);
	api_scope_schools(r, json_object_get(doc, "targets"));
	if (target) {
		json_t *list = json_array(), *t;
		size_t i;
		json_array_foreach(json_object_get(doc, "targets"), i, t)
		{
			if (!strcmp(json_string_value(json_object_get(t, "id")), target))
				json_array_append(list, t);
		}
		json_decref(doc);
		doc = list;
		if (!json_array_size(list)) {
			json_decref(list);
			doc = NULL;
			err_set(&e, ERR_NOTFOUND, "target '%s' is not in the plan", target);
		}
	}
	plan_status_release(&ps);
	monitor_close(m);
	if (doc) {
		http_json(w, 200, doc);
		api_cache_put(key, gen, w);
	} else {
		http_error(w, &e);
	}
}

static void api_plan_status(struct http_req *r, struct http_resp *w)
{
	api_plan(r, w, NULL);
}

static void api_plan_target(struct http_req *r, struct http_resp *w)
{
	api_plan(r, w, r->params[0]);
}

/* ---- accounts and the audit trail --------------------------------------- */

static void api_users(struct http_req *r, struct http_resp *w)
{
	struct auth_user *users;
	json_t *list = json_array();
	size_t n;
	struct err e;

	err_clear(&e);
	if (auth_user_list(r->s, &users, &n, &e) < 0) {
		json_decref(list);
		http_error(w, &e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, api_user_json(&users[i]));
	free(users);
	http_json(w, 200, list);
}

static void api_user_add(struct http_req *r, struct http_resp *w)
{
	json_t *doc = api_body(r, w);
	const char *login, *name, *role, *scope, *password;
	enum auth_role rl;
	struct auth_user u;
	struct err e;

	if (!doc)
		return;
	err_clear(&e);
	if (!(login = api_string(doc, "login", 1, w)) || !(name = api_string(doc, "name", 0, w)) ||
	    !(role = api_string(doc, "role", 1, w)) || !(scope = api_string(doc, "scope", 0, w)) ||
	    !(password = api_string(doc, "password", 1, w))) {
		json_decref(doc);
		return;
	}
	if (auth_role_parse(role, &rl, &e) < 0 ||
	    auth_user_add(r->s, login, name, rl, scope, password, r->session.user.login, r->now,
			  &e) < 0 ||
	    auth_user_get(r->s, login, &u, &e) < 0) {
		json_decref(doc);
		http_error(w, &e);
		return;
	}
	json_decref(doc);
	http_json(w, 201, api_user_json(&u));
}

static void api_audit_verify(struct http_req *r, struct http_resp *w)
{
	size_t checked = 0;
	struct err e;

	err_clear(&e);
	if (auth_audit_verify(r->s, &checked, &e) < 0) {
		http_error(w, &e);
		return;
	}
	http_json(w, 200, json_pack("{s:b, s:I}", "intact", 1, "entries", (json_int_t)checked));
}

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

/* Who may see a school's submission: the school itself, the bureau,
 * administrators and departments. */
static int api_may_see_submission(const struct http_req *r, const char *school)
{
	switch (r->session.user.role) {
	case AUTH_SCHOOL:
		return !strcmp(r->session.user.scope, school);
	case AUTH_ADMIN:
	case AUTH_BUREAU:
	case AUTH_DEPARTMENT:
		return 1;
	default:
		return 0;
	}
}

static void api_submission(struct http_req *r, struct http_resp *w)
{
	const char *school = r->params[0];
	struct submission sub;
	struct err e;
	int year = api_parse_year(w, r->params[1]);

	if (!year)
		return;
	if (!api_may_see_submission(r, school)) {
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

/* ---- history ------------------------------------------------------------- */

/* GET /api/v1/history?school=&year=&element=&limit=: every changed value,
 * newest first (old -> new, which import, who, when). A school account sees
 * its own school's only. */
static void api_history(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	const char *school = http_query(r, "school"), *element = http_query(r, "element");
	const char *qy = http_query(r, "year"), *ql = http_query(r, "limit");
	struct store_stmt *st;
	json_t *list;
	long limit = 1000;
	int year = 0;
	struct err e;
	int rc;

	if (u->role == AUTH_SCHOOL) {
		if (school && strcmp(school, u->scope)) {
			api_fail(w, ERR_DENIED, "a school account sees only its own school's history (%s)",
				 u->scope);
			return;
		}
		school = u->scope;
	} else if (u->role == AUTH_ENTERPRISE || u->role == AUTH_VIEWER) {
		api_fail(w, ERR_DENIED, "this account may not see the history of schools' data");
		return;
	}
	if (qy && !(year = api_parse_year(w, qy)))
		return;
	if (ql) {
		char *end;
		limit = strtol(ql, &end, 10);
		if (*end || limit < 1 || limit > 10000) {
			api_fail(w, ERR_INPUT, "limit '%s' is not a number from 1 to 10000", ql);
			return;
		}
	}
	err_clear(&e);
	if (!(st = store_prepare(r->s, Q_HISTORY_LIST, &e))) {
		http_error(w, &e);
		return;
	}
	store_bind_text(st, 1, school);
	if (year)
		store_bind_int(st, 2, year);
	store_bind_text(st, 3, element);
	list = json_array();
	while ((long)json_array_size(list) < limit && (rc = store_step(st, &e)) == STORE_ROW) {
		json_t *row = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:s}", "batch",
					(json_int_t)store_col_int(st, 0), "at", store_col_text(st, 1),
					"who", store_col_text(st, 2), "file", store_col_text(st, 3),
					"kind", store_col_text(st, 4), "school", store_col_text(st, 5),
					"year", (json_int_t)store_col_int(st, 6), "element",
					store_col_text(st, 7), "dims", store_col_text(st, 8));
		json_object_set_new(row, "old", store_col_is_null(st, 9)
							? json_null()
							: json_real(store_col_double(st, 9)));
		json_object_set_new(row, "new", store_col_is_null(st, 10)
							? json_null()
							: json_real(store_col_double(st, 10)));
		json_array_append_new(list, row);
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

/* ---- routing ------------------------------------------------------------ */

static const struct api_route api_routes[] = {
	{"POST", "/api/v1/login", API_PUBLIC, api_login},
	{"POST", "/api/v1/logout", API_SIGNED, api_logout},
	{"GET", "/api/v1/me", API_SIGNED, api_me},
	{"GET", "/api/v1/openapi.json", API_PUBLIC, api_openapi},
	{"GET", "/api/v1/orgs", API_SIGNED, api_orgs},
	{"GET", "/api/v1/indicators", API_SIGNED, api_indicators},
	{"GET", "/api/v1/indicators/{code}", API_SIGNED, api_indicator},
	{"GET", "/api/v1/plan/status", API_SIGNED, api_plan_status},
	{"GET", "/api/v1/plan/targets/{id}", API_SIGNED, api_plan_target},
	{"GET", "/api/v1/users", API_ADMIN, api_users},
	{"POST", "/api/v1/users", API_ADMIN, api_user_add},
	{"GET", "/api/v1/audit/verify", API_ADMIN, api_audit_verify},
	{"POST", "/api/v1/imports/{kind}", API_SIGNED, api_import},
	{"GET", "/api/v1/submissions/{school}/{year}", API_SIGNED, api_submission},
	{"GET", "/api/v1/history", API_SIGNED, api_history},
	{"POST", "/api/v1/submissions/{school}/{year}/{verb}", API_SIGNED, api_submission_move},
};

void http_routes(FILE *out)
{
	for (size_t i = 0; i < sizeof(api_routes) / sizeof(api_routes[0]); i++)
		fprintf(out, "%s %s\n", api_routes[i].method, api_routes[i].pattern);
}

/* 1 when path matches pattern, its {…} segments copied into buf and
 * pointed to by params. */
static int api_match(const char *pattern, const char *path, char *buf, size_t size,
		     const char **params)
{
	const char *p = pattern, *q = path;
	size_t used = 0;
	int np = 0;

	while (*p && *q) {
		if (*p == '{') {
			const char *end = strchr(q, '/');
			size_t len = end ? (size_t)(end - q) : strlen(q);

			if (!len || used + len + 1 > size || np == HTTP_MAX_PARAMS)
				return 0;
			memcpy(buf + used, q, len);
			buf[used + len] = '\0';
			params[np++] = buf + used;
			used += len + 1;
			q += len;
			p = strchr(p, '}');
			if (!p)
				return 0;
			p++;
			continue;
		}
		if (*p != *q)
			return 0;
		p++;
		q++;
	}
	return !*p && !*q;
}

/* The language the request asks for: 1 Chinese, 0 English, -1 unsaid. */
static int api_lang(const struct http_req *r)
{
	const char *al = http_header(r, "Accept-Language");

	while (al && (*al == ' ' || *al == '\t'))
		al++;
	if (!al || !*al)
		return -1;
	if (!strncasecmp(al, "zh", 2))
		return 1;
	return !strncasecmp(al, "en", 2) ? 0 : -1;
}

static void api_route(struct http_req *r, struct http_resp *w);

void api_dispatch(struct http_req *r, struct http_resp *w)
{
	/* messages (errors, import reports) in the caller's language */
	int lang = api_lang(r);

	if (lang >= 0)
		(void)i18n_thread(lang);
	api_route(r, w);
	if (lang >= 0)
		(void)i18n_thread(-1);
}

static void api_route(struct http_req *r, struct http_resp *w)
{
	char buf[512];
	int path_known = 0;
	struct err e;

	err_clear(&e);
	if (r->token && auth_session_check(r->s, r->token, r->now, &r->session, &e) == 0)
		r->signed_in = 1;
	if (r->signed_in)
		snprintf(w->who, sizeof(w->who), "%s", r->session.user.login);
	for (size_t i = 0; i < sizeof(api_routes) / sizeof(api_routes[0]); i++) {
		const struct api_route *rt = &api_routes[i];

		memset(r->params, 0, sizeof(r->params));
		if (!api_match(rt->pattern, r->path, buf, sizeof(buf), r->params))
			continue;
		path_known = 1;
		if (strcmp(rt->method, r->method) != 0)
			continue;
		if (rt->access != API_PUBLIC && !r->signed_in) {
			api_fail(w, ERR_AUTH, "sign in first (POST /api/v1/login)");
			return;
		}
		if (rt->access == API_ADMIN && r->session.user.role != AUTH_ADMIN) {
			api_fail(w, ERR_DENIED, "this needs an administrator's account");
			return;
		}
		/* every state-changing call of a session carries its CSRF token */
		if (strcmp(r->method, "GET") != 0 && r->signed_in && rt->access != API_PUBLIC &&
		    !auth_csrf_ok(&r->session, r->csrf_header)) {
			api_fail(w, ERR_DENIED, "missing or wrong X-CSRF-Token header");
			return;
		}
		/* a write through this server makes every kept answer stale:
		 * before it, and after it for the reads that ran meanwhile */
		if (strcmp(r->method, "GET") != 0)
			api_changed();
		rt->fn(r, w);
		if (strcmp(r->method, "GET") != 0)
			api_changed();
		return;
	}
	if (path_known) {
		api_fail(w, ERR_USAGE, "method %s is not allowed on this path", r->method);
		w->status = 405;
		return;
	}
	api_fail(w, ERR_NOTFOUND, "no such API route: %s", r->path);
}
