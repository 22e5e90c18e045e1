/* api_internal.h - what the route modules of /api/v1/ share: the route
 * table's shape, the checks of a caller's view, body and parameter parsing,
 * and the cache of answers. Each api_*.c module holds a table of its routes
 * (ended by a NULL method); api.c dispatches over all of them. */
#ifndef TVET_API_INTERNAL_H
#define TVET_API_INTERNAL_H

#include "http/http_internal.h"

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

/* The route tables, each ended by {NULL}. */
extern const struct api_route api_auth_routes[];  /* api_auth.c: sessions, accounts, audit */
extern const struct api_route api_plan_routes[];  /* api_plan.c: orgs, indicators, the plan */
extern const struct api_route api_data_routes[];  /* api_data.c: imports, submissions */
extern const struct api_route api_forms_routes[]; /* api_forms.c: templates, the web form, submissions list */
extern const struct api_route api_schools_routes[]; /* api_schools.c: the schools, one school */
extern const struct api_route api_history_routes[]; /* api_history.c: imports, changed values */
extern const struct api_route api_eval_routes[]; /* api_eval.c: the evaluation, allocations */

/* Answer the error code with a formatted message. */
void api_fail(struct http_resp *w, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The JSON object of the request body; NULL with the 400 answered. */
json_t *api_body(struct http_req *r, struct http_resp *w);

/* A string member of the body ("" when absent and not required), or NULL
 * with the 400 answered. */
const char *api_string(json_t *doc, const char *key, int required, struct http_resp *w);

/* A year as written in a path or query: 2000-2100, else 0 with the 400
 * answered. */
int api_parse_year(struct http_resp *w, const char *text);

/* ?year=, else the latest year with data; 0 with the error answered. */
int api_year(struct http_req *r, struct http_resp *w);

/* An account as JSON: login, name, role, scope, disabled. */
json_t *api_user_json(const struct auth_user *u);

/* 1 when the caller may see this school's figures: a school account its
 * own only, enterprise and viewer accounts none, the others all. */
int api_may_see_school(const struct http_req *r, const char *school_code);

/* 1 when the caller may read a school's submission and its form: the
 * school itself, the bureau, administrators and departments. */
int api_may_read_school(const struct http_req *r, const char *school_code);

/* Kept answers: api_changed() after a write makes them stale; api_gen()
 * writes the database's generation, api_view() the caller's view (all,
 * school:CODE, public), to make keys; api_cache_get() answers w from a
 * kept answer (1) or not (0); api_cache_put() keeps w's answer. */
void api_changed(void);
void api_gen(const struct http_req *r, char *buf, size_t size);
void api_view(const struct http_req *r, char *buf, size_t size);
int api_cache_get(const char *key, const char *gen, struct http_resp *w);
void api_cache_put(const char *key, const char *gen, const struct http_resp *w);

#endif
