/* plan_json.c - the plan's status as JSON: one shape for the CLI's
 * --format json and the API. See plan.h. */
#include <jansson.h>
#include <math.h>

#include "monitor/plan.h"

/* A figure for JSON: rounded to six decimals, so floating noise never shows. */
static json_t *ps_real(int has, double v)
{
	if (!has)
		return json_null();
	v = round(v * 1e6) / 1e6;
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* The yearly trend: [{"year","actual","trajectory"}], oldest first. */
static json_t *plan_series_json(const struct plan_item *it)
{
	json_t *list = json_array();

	for (size_t i = 0; i < it->nseries; i++) {
		const struct plan_point *p = &it->series[i];
		json_array_append_new(list, json_pack("{s:i, s:o, s:o}", "year", p->year, "actual",
						      ps_real(p->has_actual, p->actual),
						      "trajectory",
						      ps_real(p->has_trajectory, p->trajectory)));
	}
	return list;
}

json_t *plan_item_json(const struct plan_item *it)
{
	json_t *o = json_object(), *resp = json_array(), *schools = json_array();
	const struct target_result *r = &it->res;

	json_object_set_new(o, "id", json_string(it->id));
	json_object_set_new(o, "part", json_integer(it->part));
	json_object_set_new(o, "title", json_string(it->title));
	json_object_set_new(o, "title_en", json_string(it->title_en));
	json_object_set_new(o, "section", json_string(it->section));
	json_object_set_new(o, "action", json_integer(it->action));
	json_object_set_new(o, "kind", json_string(it->kind));
	json_object_set_new(o, "unit", json_string(it->unit));
	json_object_set_new(o, "decimals", json_integer(it->decimals));
	json_object_set_new(o, "year", json_integer(r->year));
	json_object_set_new(o, "actual", ps_real(r->has_actual, r->actual));
	json_object_set_new(o, "target", ps_real(it->has_target, it->target));
	json_object_set_new(o, "comparator", json_string(it->cmp));
	json_object_set_new(o, "deadline", json_integer(it->deadline));
	json_object_set_new(o, "baseline_year", json_integer(it->baseline_year));
	json_object_set_new(o, "baseline", ps_real(r->has_baseline, r->baseline));
	json_object_set_new(o, "previous", ps_real(r->has_previous, r->previous));
	json_object_set_new(o, "change",
			    ps_real(r->has_actual && r->has_previous, r->change));
	json_object_set_new(o, "gap", ps_real(r->has_actual && it->has_target, r->gap));
	json_object_set_new(o, "trajectory", ps_real(r->has_trajectory, r->trajectory));
	json_object_set_new(o, "projection", ps_real(r->has_projection, r->projection));
	json_object_set_new(o, "status", json_string(target_status_key(r->status)));
	json_object_set_new(o, "explanation", json_string(r->explanation_zh));
	json_object_set_new(o, "explanation_en", json_string(r->explanation_en));
	json_object_set_new(o, "formula", it->formula[0] ? json_string(it->formula) : json_null());
	json_object_set_new(o, "indicator", it->ind ? json_string(it->ind->code) : json_null());
	for (size_t i = 0; i < it->ndepts; i++)
		json_array_append_new(resp, json_pack("{s:s, s:s, s:s, s:b}", "code",
						      it->depts[i].code, "name", it->depts[i].name,
						      "name_en", it->depts[i].name_en, "lead",
						      i == 0));
	json_object_set_new(o, "responsible", resp);
	for (size_t i = 0; i < it->nby_school; i++) {
		const struct monitor_share *sh = &it->by_school[i];
		json_array_append_new(
			schools,
			json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "school",
				  sh->school->code, "name", sh->school->name, "name_en",
				  sh->school->name_en, "value",
				  ps_real(sh->v.value.present, sh->v.value.v), "numerator",
				  ps_real(sh->v.num.present, sh->v.num.v), "denominator",
				  ps_real(sh->v.den.present, sh->v.den.v), "weight",
				  ps_real(1, sh->weight), "pull", ps_real(sh->has_pull, sh->pull)));
	}
	json_object_set_new(o, "by_school", schools);
	json_object_set_new(o, "series", plan_series_json(it));
	if (it->assessed_year)
		json_object_set_new(o, "assessment",
				    json_pack("{s:i, s:s, s:s, s:s}", "year", it->assessed_year,
					      "evidence", it->evidence, "assessor", it->assessor,
					      "assessed_on", it->assessed_on));
	return o;
}

json_t *plan_status_json(const struct plan_status *ps)
{
	json_t *root = json_object(), *targets = json_array(), *actions = json_array();
	json_t *total = json_object(), *cur = NULL;
	int last_action = -1;

	for (int k = 0; k < 5; k++)
		json_object_set_new(total, target_status_key((enum target_status)k),
				    json_integer(0));
	for (size_t i = 0; i < ps->n; i++) {
		const struct plan_item *it = &ps->items[i];
		const char *key = target_status_key(it->res.status);
		json_t *counts;

		json_array_append_new(targets, plan_item_json(it));
		if (it->action != last_action) {
			cur = json_object();
			counts = json_object();
			for (int k = 0; k < 5; k++)
				json_object_set_new(counts, target_status_key((enum target_status)k),
						    json_integer(0));
			json_object_set_new(cur, "action", json_integer(it->action));
			json_object_set_new(cur, "title", json_string(it->action_title));
			json_object_set_new(cur, "title_en", json_string(it->action_title_en));
			json_object_set_new(cur, "counts", counts);
			json_array_append_new(actions, cur);
			last_action = it->action;
		}
		counts = json_object_get(cur, "counts");
		json_object_set_new(counts, key,
				    json_integer(json_integer_value(json_object_get(counts, key)) + 1));
		json_object_set_new(total, key,
				    json_integer(json_integer_value(json_object_get(total, key)) + 1));
	}
	json_object_set_new(root, "year", json_integer(ps->year));
	json_object_set_new(root, "counts", total);
	json_object_set_new(root, "actions", actions);
	json_object_set_new(root, "targets", targets);
	return root;
}

