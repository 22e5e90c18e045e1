/* api_plan.c - the routes of organisations, indicators and the plan's
 * status (every view of tvet plan status), with kept answers for the plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api_internal.h"
#include "monitor/monitor.h"
#include "monitor/plan.h"

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

const struct api_route api_plan_routes[] = {
	{"GET", "/api/v1/orgs", API_SIGNED, api_orgs},
	{"GET", "/api/v1/indicators", API_SIGNED, api_indicators},
	{"GET", "/api/v1/indicators/{code}", API_SIGNED, api_indicator},
	{"GET", "/api/v1/plan/status", API_SIGNED, api_plan_status},
	{"GET", "/api/v1/plan/targets/{id}", API_SIGNED, api_plan_target},
	{NULL, NULL, API_PUBLIC, NULL},
};
