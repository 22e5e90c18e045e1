/* api_schools.c - the routes of the 学校 page: the schools of a year
 * (GET /api/v1/schools) and one school (GET /api/v1/schools/{code}): its
 * registry data, its majors, each indicator's value at the school beside
 * the city's with the school's weight and pull in the city value, and its
 * submissions year by year.
 *
 * Every figure comes from monitor/ (monitor_value, monitor_eval,
 * monitor_by_school, monitor_plan_status), the path of `tvet indicator
 * value` and `tvet plan status --target`, so the page and the CLI never
 * disagree; SQL here reads only the registry (names, districts, majors
 * offered, submission states). Who may see what: administrators, the bureau
 * and departments every school; a school account its own school only (the
 * list holds it alone, another school's code is 403); enterprise and viewer
 * accounts no school (403: their registry of names is /api/v1/orgs, their
 * figures the city's and districts'). Answers are kept like the plan's
 * (api_cache_get), keyed by the request and the caller's view. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/expr.h"
#include "http/api_internal.h"
#include "monitor/monitor.h"
#include "monitor/plan.h"

/* A school code is an org code: short. Longer text is no school, and
 * cannot make two cache keys alike. */
#define SCHOOLS_CODE_MAX 31

/* A figure for JSON as plan_json.c writes it: six decimals, whole numbers
 * as integers, null when missing - so the page gets the CLI's JSON. */
static json_t *schools_real(int present, double v)
{
	if (!present)
		return json_null();
	v = round(v * 1e6) / 1e6;
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *schools_value(const struct expr_value *v)
{
	return schools_real(v->present, v->v);
}

static json_t *schools_text(struct store_stmt *st, int col)
{
	const char *t = store_col_text(st, col);
	return t ? json_string(t) : json_null();
}

/* Enterprise and viewer accounts see no school: 0 with the 403 answered. */
static int schools_may_list(const struct http_req *r, struct http_resp *w)
{
	enum auth_role role = r->session.user.role;

	if (role == AUTH_ENTERPRISE || role == AUTH_VIEWER) {
		api_fail(w, ERR_DENIED,
			 "this account may not see schools' figures (the list of organisations "
			 "is at /api/v1/orgs)");
		return 0;
	}
	return 1;
}

/* ?year= checked before the cache is asked (its text goes into the key):
 * 1 with *year 0 for "the latest", 1 with the year, 0 with the 400 answered. */
static int schools_year_param(struct http_req *r, struct http_resp *w, const char **qy, int *year)
{
	*qy = http_query(r, "year");
	*year = 0;
	if (*qy && !(*year = api_parse_year(w, *qy)))
		return 0;
	return 1;
}

/* The registry rows of Q_SCHOOL_REGISTRY for year (code NULL: every school
 * open that year) as JSON objects appended to list. */
static int schools_registry(struct store *s, int year, const char *code, json_t *list,
			    struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_SCHOOL_REGISTRY, e);
	int rc;

	if (!st)
		return e->code;
	store_bind_int(st, 1, year);
	store_bind_text(st, 2, code);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		json_t *o = json_object();
		const char *status = store_col_text(st, 12);

		json_object_set_new(o, "code", schools_text(st, 0));
		json_object_set_new(o, "name", schools_text(st, 1));
		json_object_set_new(o, "name_en", schools_text(st, 2));
		json_object_set_new(o, "level", schools_text(st, 3));
		json_object_set_new(o, "ownership", schools_text(st, 4));
		json_object_set_new(o, "founded_year",
				    store_col_is_null(st, 5) ? json_null()
							     : json_integer(store_col_int(st, 5)));
		json_object_set_new(o, "township", schools_text(st, 6));
		json_object_set_new(o, "township_name", schools_text(st, 7));
		json_object_set_new(o, "district", schools_text(st, 8));
		json_object_set_new(o, "district_name", schools_text(st, 9));
		json_object_set_new(o, "district_name_en", schools_text(st, 10));
		json_object_set_new(o, "majors", json_integer(store_col_int(st, 11)));
		json_object_set_new(o, "submission", json_string(status ? status : "open"));
		json_array_append_new(list, o);
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* formula (e.g. "enrolment", "enrolment[major=660103]") at org in year. */
static int schools_eval(struct monitor *m, const char *formula, const struct monitor_org *org,
			int year, struct expr_value *out, struct err *e)
{
	struct expr *x = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = expr_parse(formula, &x, e)) < 0)
		return rc;
	rc = monitor_eval(m, x, NULL, org, year, out, e);
	expr_free(x);
	return rc;
}

/* 1 in *out when the school is open in year and within ind's scope (its
 * level, district): count(schools) under the scope, evaluated at it. */
static int schools_eval_scope(struct monitor *m, const struct monitor_indicator *ind,
			      const struct monitor_org *org, int year, struct expr_value *out,
			      struct err *e)
{
	struct expr *x = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = expr_parse("count(schools)", &x, e)) < 0)
		return rc;
	rc = monitor_eval(m, x, ind->scope, org, year, out, e);
	expr_free(x);
	return rc;
}

/* Each school of list gets its full-time enrolment in year (null when not
 * reported). */
static int schools_add_enrolment(struct monitor *m, json_t *list, int year, struct err *e)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o)
	{
		const struct monitor_org *org =
			monitor_org(m, json_string_value(json_object_get(o, "code")));
		struct expr_value v = {0, 0};
		int rc;

		if (org && (rc = schools_eval(m, "enrolment", org, year, &v, e)) < 0)
			return rc;
		json_object_set_new(o, "enrolment", schools_value(&v));
	}
	return 0;
}

/* ---- GET /api/v1/schools ------------------------------------------------ */

static void api_schools(struct http_req *r, struct http_resp *w)
{
	const char *qy, *own = NULL;
	char key[192], gen[128], view[48];
	struct monitor *m = NULL;
	json_t *list = NULL;
	struct err e;
	int year;

	if (!schools_may_list(r, w) || !schools_year_param(r, w, &qy, &year))
		return;
	api_view(r, view, sizeof(view));
	snprintf(key, sizeof(key), "schools|%s|%s", qy ? qy : "", view);
	api_gen(r, gen, sizeof(gen));
	if (api_cache_get(key, gen, w))
		return;
	if (!year && !(year = api_year(r, w)))
		return;
	if (r->session.user.role == AUTH_SCHOOL)
		own = r->session.user.scope;
	err_clear(&e);
	list = json_array();
	/* the session first: the registry is read in its snapshot */
	if (monitor_open(r->s, &m, &e) < 0 || schools_registry(r->s, year, own, list, &e) < 0 ||
	    schools_add_enrolment(m, list, year, &e) < 0) {
		monitor_close(m);
		json_decref(list);
		http_error(w, &e);
		return;
	}
	monitor_close(m);
	http_json(w, 200, json_pack("{s:i, s:o}", "year", year, "schools", list));
	api_cache_put(key, gen, w);
}

/* ---- GET /api/v1/schools/{code} ----------------------------------------- */

/* The majors the school offers in year, each with its enrolment. */
static int schools_majors(struct monitor *m, const struct monitor_org *org, int year, json_t *list,
			  struct err *e)
{
	struct store_stmt *st = store_prepare(monitor_store(m), Q_SCHOOL_MAJOR_DETAIL, e);
	size_t i;
	json_t *o;
	int rc;

	if (!st)
		return e->code;
	store_bind_text(st, 1, org->code);
	store_bind_int(st, 2, year);
	while ((rc = store_step(st, e)) == STORE_ROW)
		json_array_append_new(list,
				      json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "code",
						schools_text(st, 0), "name", schools_text(st, 1),
						"level", schools_text(st, 2), "class",
						schools_text(st, 3), "cluster", schools_text(st, 4),
						"cluster_name", schools_text(st, 5),
						"cluster_name_en", schools_text(st, 6)));
	store_reset(st);
	if (rc < 0)
		return rc;
	/* figures after the rows: evaluating runs other queries */
	json_array_foreach(list, i, o)
	{
		char formula[96];
		struct expr_value v;

		snprintf(formula, sizeof(formula), "enrolment[major=%s]",
			 json_string_value(json_object_get(o, "code")));
		if ((rc = schools_eval(m, formula, org, year, &v, e)) < 0)
			return rc;
		json_object_set_new(o, "enrolment", schools_value(&v));
	}
	return 0;
}

/* The plan's criteria that assess ind (rate targets naming it), as
 * {id, part, title, title_en, comparator, target, actual, status}; sets
 * *lower_is_better when one of them wants the value low (<=, <), as
 * plan.c orders and signs its schools' pull. */
static json_t *schools_targets_of(const struct plan_status *ps, const struct monitor_indicator *ind,
				  int *lower_is_better)
{
	json_t *list = json_array();

	*lower_is_better = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const struct plan_item *it = &ps->items[i];

		if (!it->ind || strcmp(it->ind->code, ind->code) != 0)
			continue;
		if (!strcmp(it->cmp, "<=") || !strcmp(it->cmp, "<"))
			*lower_is_better = 1;
		json_array_append_new(
			list, json_pack("{s:s, s:i, s:s, s:s, s:s, s:o, s:o, s:s}", "id", it->id,
					"part", it->part, "title", it->title, "title_en",
					it->title_en, "comparator", it->cmp, "target",
					schools_real(it->has_target, it->target), "actual",
					schools_real(it->res.has_actual, it->res.actual), "status",
					target_status_key(it->res.status)));
	}
	return list;
}

/* One indicator at the school and at the city, with the school's share of
 * the city value: weight, pull, and its rank among the city's schools with
 * a pull (monitor_by_school's order, the strongest downward pull first; a
 * sum without a denominator has weights but no pulls, so no rank) - the
 * figures `tvet plan status --target` gives for the targets that assess it. */
static int schools_indicator(struct monitor *m, const struct plan_status *ps,
			     const struct monitor_indicator *ind, const struct monitor_org *org,
			     int year, json_t *list, struct err *e)
{
	const struct monitor_org *city = monitor_city(m);
	struct monitor_value school_v, city_v;
	struct monitor_share *shares = NULL;
	struct expr_value open_here;
	size_t nshares = 0, rank = 0, ranked = 0;
	int lower, rc;
	json_t *o, *targets = schools_targets_of(ps, ind, &lower);

	/* does the indicator's scope hold the school (count(schools) within
	 * the scope, at the school, is 1)? */
	if ((rc = schools_eval_scope(m, ind, org, year, &open_here, e)) < 0 ||
	    (rc = monitor_value(m, ind, org, year, &school_v, e)) < 0 ||
	    (rc = monitor_value(m, ind, city, year, &city_v, e)) < 0 ||
	    (rc = monitor_by_school(m, ind, city, year, lower, &shares, &nshares, e)) < 0) {
		json_decref(targets);
		return rc;
	}
	/* the order ranks pulls only: the schools with one come first */
	for (size_t k = 0; k < nshares; k++)
		ranked += shares[k].has_pull;
	while (rank < nshares && strcmp(shares[rank].school->code, org->code) != 0)
		rank++;
	o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:b, s:o, s:o, s:o, s:{s:o, s:o, s:o}}",
		      "code", ind->code, "name", ind->name, "name_en", ind->name_en, "unit",
		      ind->unit, "decimals", ind->decimals, "applies",
		      open_here.present && open_here.v > 0, "lower_is_better", lower, "value",
		      schools_value(&school_v.value), "numerator", schools_value(&school_v.num),
		      "denominator", schools_value(&school_v.den), "city", "value",
		      schools_value(&city_v.value), "numerator", schools_value(&city_v.num),
		      "denominator", schools_value(&city_v.den));
	if (rank < nshares) {
		const struct monitor_share *sh = &shares[rank];
		json_object_set_new(o, "weight", schools_real(1, sh->weight));
		json_object_set_new(o, "pull", schools_real(sh->has_pull, sh->pull));
		json_object_set_new(
			o, "rank", sh->has_pull ? json_integer((json_int_t)rank + 1) : json_null());
	} else {
		json_object_set_new(o, "weight", json_null());
		json_object_set_new(o, "pull", json_null());
		json_object_set_new(o, "rank", json_null());
	}
	json_object_set_new(o, "of", json_integer((json_int_t)ranked));
	json_object_set_new(o, "targets", targets);
	json_array_append_new(list, o);
	free(shares);
	return 0;
}

/* Every year the school has figures, majors or a submission, newest first,
 * with the submission's state ("open" when it never moved). */
static int schools_submissions(struct store *s, const char *code, json_t *list, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_SCHOOL_SUBMISSIONS, e);
	int rc;

	if (!st)
		return e->code;
	store_bind_text(st, 1, code);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		const char *status = store_col_text(st, 1);
		json_array_append_new(list, json_pack("{s:I, s:s, s:o, s:o}", "year",
						      (json_int_t)store_col_int(st, 0), "status",
						      status ? status : "open", "changed_at",
						      schools_text(st, 2), "changed_by",
						      schools_text(st, 3)));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* The whole answer for one school and year into *out. */
static int schools_detail(struct monitor *m, const struct monitor_org *org, int year, json_t **out,
			  struct err *e)
{
	const struct monitor_indicator *const *inds;
	json_t *reg = json_array(), *majors = json_array(), *indicators = json_array();
	json_t *subs = json_array();
	struct plan_status ps;
	size_t n;
	int rc;

	memset(&ps, 0, sizeof(ps));
	*out = NULL;
	if ((rc = schools_registry(monitor_store(m), year, org->code, reg, e)) < 0 ||
	    (rc = schools_add_enrolment(m, reg, year, e)) < 0 ||
	    (rc = schools_majors(m, org, year, majors, e)) < 0 ||
	    (rc = schools_submissions(monitor_store(m), org->code, subs, e)) < 0 ||
	    (rc = monitor_plan_status(m, year, 0, NULL, &ps, e)) < 0 ||
	    (rc = monitor_indicators(m, &inds, &n, e)) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if ((rc = schools_indicator(m, &ps, inds[i], org, year, indicators, e)) < 0)
			goto out;
	if (json_array_size(reg) != 1) {
		rc = err_set(e, ERR_INTERNAL, "school %s: %zu registry rows", org->code,
			     json_array_size(reg));
		goto out;
	}
	*out = json_pack("{s:i, s:O, s:O, s:O, s:O}", "year", year, "school",
			 json_array_get(reg, 0), "majors", majors, "indicators", indicators,
			 "submissions", subs);
out:
	plan_status_release(&ps);
	json_decref(reg);
	json_decref(majors);
	json_decref(indicators);
	json_decref(subs);
	return rc < 0 ? rc : 0;
}

static void api_school(struct http_req *r, struct http_resp *w)
{
	const char *code = r->params[0], *qy;
	const struct monitor_org *org;
	char key[192], gen[128];
	struct monitor *m = NULL;
	json_t *doc = NULL;
	struct err e;
	int year;

	/* the caller first: whether another school exists is not a school's
	 * (or the public's) to learn */
	if (!schools_may_list(r, w))
		return;
	if (!api_may_see_school(r, code)) {
		api_fail(w, ERR_DENIED, "a school account may see only its own school (%s), not %s",
			 r->session.user.scope, code);
		return;
	}
	if (strlen(code) > SCHOOLS_CODE_MAX) {
		api_fail(w, ERR_NOTFOUND, "there is no school '%.40s...'", code);
		return;
	}
	if (!schools_year_param(r, w, &qy, &year))
		return;
	/* every caller that gets here sees the whole school */
	snprintf(key, sizeof(key), "school|%s|%s", code, qy ? qy : "");
	api_gen(r, gen, sizeof(gen));
	if (api_cache_get(key, gen, w))
		return;
	if (!year && !(year = api_year(r, w)))
		return;
	err_clear(&e);
	if (monitor_open(r->s, &m, &e) < 0)
		goto fail;
	org = monitor_org(m, code);
	if (!org || strcmp(org->kind, "school") != 0) {
		err_set(&e, ERR_NOTFOUND, "there is no school '%s' (see GET /api/v1/schools)",
			code);
		goto fail;
	}
	if (schools_detail(m, org, year, &doc, &e) < 0)
		goto fail;
	monitor_close(m);
	http_json(w, 200, doc);
	api_cache_put(key, gen, w);
	return;
fail:
	monitor_close(m);
	http_error(w, &e);
}

const struct api_route api_schools_routes[] = {
	{"GET", "/api/v1/schools", API_SIGNED, api_schools},
	{"GET", "/api/v1/schools/{code}", API_SIGNED, api_school},
	{NULL, NULL, API_PUBLIC, NULL},
};
