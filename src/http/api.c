/* api.c - the dispatch of /api/v1/: find a request's route in the route
 * modules' tables (api_auth.c, api_plan.c, api_data.c), check the session,
 * the role the route needs and the CSRF token, and run it in the caller's
 * language; and what the route modules share (api_internal.h). Every route
 * is a thin face over the functions the CLI calls: it checks the caller,
 * parses parameters, and formats JSON. data/openapi.json documents the
 * routes and a test holds the two together. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>

#include "core/i18n.h"
#include "http/api_internal.h"

void api_fail(struct http_resp *w, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void api_fail(struct http_resp *w, int code, const char *fmt, ...)
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
json_t *api_body(struct http_req *r, struct http_resp *w)
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
const char *api_string(json_t *doc, const char *key, int required, struct http_resp *w)
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
int api_parse_year(struct http_resp *w, const char *text)
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
int api_year(struct http_req *r, struct http_resp *w)
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

json_t *api_user_json(const struct auth_user *u)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:b}", "login", u->login, "name", u->name, "role",
			 auth_role_key(u->role), "scope", u->scope, "disabled", u->disabled);
}

/* A school account may see its own school's figures only; enterprise and
 * viewer (public) accounts no school's: they see the city and districts. */
int api_may_see_school(const struct http_req *r, const char *school_code)
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

int api_may_read_school(const struct http_req *r, const char *school_code)
{
	switch (r->session.user.role) {
	case AUTH_SCHOOL:
		return !strcmp(r->session.user.scope, school_code);
	case AUTH_ADMIN:
	case AUTH_BUREAU:
	case AUTH_DEPARTMENT:
		return 1;
	default:
		return 0;
	}
}

/* ---- cached answers ---------------------------------------------------- */

/* The plan's status is read far more often than data change, and costs a
 * few milliseconds to compute: answers are kept, keyed by the request and
 * the caller's view, and valid while the database is unchanged; so are
 * checked sessions (auth_session_check_memo). Unchanged means: no write
 * request passed through this server (api_generation) and the database
 * file and its WAL have the same size and modification time (a commit from
 * elsewhere, e.g. the CLI, changes them). A file's time moves by the
 * kernel's clock tick, so a commit just after a read could leave it as it
 * was: while the newest change is younger than API_SETTLE_NS the
 * generation is unknown ("") and nothing is kept or served from the cache
 * (a file system that keeps whole seconds gets API_SETTLE_COARSE_NS).
 * Kept bodies are shared with the responses that send them, never copied. */
#define API_CACHE_SLOTS 64
#define API_SETTLE_NS 20000000LL	  /* 20 ms: ticks are 1 to 10 ms */
#define API_SETTLE_COARSE_NS 2000000000LL /* 2 s */

struct api_cached {
	char key[192];
	char gen[128];
	struct http_shared *body; /* NULL while the slot is free */
};

static pthread_mutex_t api_cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct api_cached api_cache[API_CACHE_SLOTS];
static size_t api_cache_next;
static atomic_ulong api_generation;

void api_changed(void)
{
	atomic_fetch_add(&api_generation, 1);
}

static long long api_ns(struct timespec t)
{
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The database's generation now, into buf: "" while a change settles. */
static void api_gen_now(const struct http_options *o, char *buf, size_t size)
{
	unsigned long g = atomic_load(&api_generation);
	struct stat db, wal;
	struct timespec now;
	char path[4096];
	long long newest;

	memset(&db, 0, sizeof(db));
	memset(&wal, 0, sizeof(wal));
	(void)stat(o->db_path, &db);
	snprintf(path, sizeof(path), "%s-wal", o->db_path);
	(void)stat(path, &wal);
	clock_gettime(CLOCK_REALTIME, &now);
	newest =
		api_ns(db.st_mtim) > api_ns(wal.st_mtim) ? api_ns(db.st_mtim) : api_ns(wal.st_mtim);
	if (api_ns(now) - newest <
	    (db.st_mtim.tv_nsec || wal.st_mtim.tv_nsec ? API_SETTLE_NS : API_SETTLE_COARSE_NS)) {
		snprintf(buf, size, "%s", "");
		return;
	}
	snprintf(buf, size, "%lu:%lld.%ld:%lld:%lld.%ld:%lld", g, (long long)db.st_mtim.tv_sec,
		 db.st_mtim.tv_nsec, (long long)db.st_size, (long long)wal.st_mtim.tv_sec,
		 wal.st_mtim.tv_nsec, (long long)wal.st_size);
}

/* Taken once, as the request began (api_route), before anything was read:
 * an answer read later is never kept under an older state's generation. */
void api_gen(const struct http_req *r, char *buf, size_t size)
{
	snprintf(buf, size, "%s", r->gen);
}

/* The view a caller gets of the plan: all schools, one school's, or none. */
void api_view(const struct http_req *r, char *buf, size_t size)
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

int api_cache_get(const char *key, const char *gen, struct http_resp *w)
{
	struct http_shared *hit = NULL;

	if (!*gen)
		return 0;
	pthread_mutex_lock(&api_cache_lock);
	for (size_t i = 0; i < API_CACHE_SLOTS && !hit; i++)
		if (api_cache[i].body && !strcmp(api_cache[i].key, key) &&
		    !strcmp(api_cache[i].gen, gen))
			hit = http_shared_ref(api_cache[i].body);
	pthread_mutex_unlock(&api_cache_lock);
	if (!hit)
		return 0;
	http_shared_unref(w->shared);
	w->shared = hit;
	w->status = 200;
	w->content_type = "application/json; charset=utf-8";
	return 1;
}

void api_cache_put(const char *key, const char *gen, const struct http_resp *w)
{
	struct http_shared *body, *old;
	struct api_cached *c;

	if (!*gen || strlen(key) >= sizeof(c->key) || strlen(gen) >= sizeof(c->gen))
		return;
	body = http_shared_new(w->body.buf ? w->body.buf : "", w->body.len);
	pthread_mutex_lock(&api_cache_lock);
	c = &api_cache[api_cache_next++ % API_CACHE_SLOTS];
	old = c->body;
	snprintf(c->key, sizeof(c->key), "%s", key);
	snprintf(c->gen, sizeof(c->gen), "%s", gen);
	c->body = body;
	pthread_mutex_unlock(&api_cache_lock);
	http_shared_unref(old); /* responses in flight may still hold it */
}

void api_cache_clear(void)
{
	pthread_mutex_lock(&api_cache_lock);
	for (size_t i = 0; i < API_CACHE_SLOTS; i++) {
		http_shared_unref(api_cache[i].body);
		api_cache[i].body = NULL;
	}
	pthread_mutex_unlock(&api_cache_lock);
}

/* ---- routing ------------------------------------------------------------ */

/* Every route, in the order they are tried. */
static const struct api_route *const api_tables[] = {
	api_auth_routes,
	api_plan_routes,
	api_data_routes,
	api_forms_routes,
	api_schools_routes,
	api_history_routes,
	api_eval_routes,
};

#define API_FOR_EACH_ROUTE(rt)                                                            \
	for (size_t t_ = 0; t_ < sizeof(api_tables) / sizeof(api_tables[0]); t_++)        \
		for (const struct api_route *rt = api_tables[t_]; rt->method; rt++)

void http_routes(FILE *out)
{
	API_FOR_EACH_ROUTE(rt)
		fprintf(out, "%s %s\n", rt->method, rt->pattern);
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
	api_gen_now(r->o, r->gen, sizeof(r->gen));
	if (r->token && auth_session_check_memo(r->sessions, r->gen, r->s, r->token, r->now,
						&r->session, &e) == 0)
		r->signed_in = 1;
	if (r->signed_in)
		snprintf(w->who, sizeof(w->who), "%s", r->session.user.login);
	API_FOR_EACH_ROUTE(rt) {
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
