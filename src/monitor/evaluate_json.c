/* evaluate_json.c - an evaluation as JSON: the one shape `tvet evaluate
 * --format json` prints and the API answers (see evaluate.h). */
#include <jansson.h>
#include <math.h>

#include "monitor/evaluate.h"

static json_t *jnum(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

json_t *eval_json(const struct eval_config *c, const struct eval_result *r)
{
	json_t *doc = json_object(), *schools = json_array(), *inds = json_array(),
	       *dims = json_array();

	for (size_t i = 0; i < eval_config_nindicators(c); i++) {
		const struct eval_indicator_info *x = eval_config_indicator(c, i);

		json_array_append_new(inds, json_pack("{s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:f}",
						       "code", x->code, "name", x->name, "name_en",
						       x->name_en, "unit", x->unit, "dimension",
						       x->dimension, "floor", x->lo, "target", x->hi,
						       "step", x->step));
	}
	for (size_t d = 0; d < eval_config_ndimensions(c); d++) {
		const struct eval_dimension_info *x = eval_config_dimension(c, d);

		json_array_append_new(dims, json_pack("{s:s, s:s, s:s, s:f}", "code", x->code, "name",
						      x->name, "name_en", x->name_en, "weight",
						      x->weight));
	}
	for (size_t u = 0; u < r->nschools; u++) {
		const struct eval_school *s = &r->schools[u];
		json_t *row, *raw = json_object(), *score = json_object(), *dim = json_object();
		char zh[512], en[512];

		for (size_t i = 0; i < eval_config_nindicators(c); i++) {
			json_object_set_new(raw, eval_config_indicator(c, i)->code, jnum(s->raw[i]));
			json_object_set_new(score, eval_config_indicator(c, i)->code, jnum(s->score[i]));
		}
		for (size_t d = 0; d < eval_config_ndimensions(c); d++)
			json_object_set_new(dim, eval_config_dimension(c, d)->code, jnum(s->dim[d]));
		eval_explain(c, s, 1, zh, sizeof(zh));
		eval_explain(c, s, 0, en, sizeof(en));
		row = json_pack("{s:s, s:s, s:s*, s:s*}", "school", s->org->code, "name", s->org->name,
				"name_en", s->org->name_en, "level", s->org->level);
		json_object_set_new(row, "index", jnum(s->index));
		json_object_set_new(row, "rank", s->rank ? json_integer(s->rank) : json_null());
		json_object_set_new(row, "rank_interval",
				    json_pack("[o, o]", jnum(s->rank_q05), jnum(s->rank_q95)));
		json_object_set_new(row, "index_interval",
				    json_pack("[o, o]", jnum(s->index_q05), jnum(s->index_q95)));
		json_object_set_new(row, "weight", jnum(s->weight));
		json_object_set_new(row, "dimensions", dim);
		json_object_set_new(row, "scores", score);
		json_object_set_new(row, "values", raw);
		json_object_set_new(row, "gain",
				    s->gain_ind >= 0
					    ? json_pack("{s:s, s:f}", "indicator",
							eval_config_indicator(c, (size_t)s->gain_ind)->code,
							"points", s->gain)
					    : json_null());
		json_object_set_new(row, "lost",
				    s->lost_ind >= 0
					    ? json_pack("{s:s, s:f}", "indicator",
							eval_config_indicator(c, (size_t)s->lost_ind)->code,
							"points", s->lost)
					    : json_null());
		json_object_set_new(row, "explanation", json_string(zh));
		json_object_set_new(row, "explanation_en", json_string(en));
		json_array_append_new(schools, row);
	}
	json_object_set_new(doc, "year", json_integer(r->year));
	json_object_set_new(doc, "city_index", jnum(r->city_index));
	json_object_set_new(doc, "city_weight", jnum(r->city_weight));
	json_object_set_new(doc, "target", json_real(85));
	json_object_set_new(doc, "config_sha256", json_string(eval_config_sha256(c)));
	json_object_set_new(doc, "inputs_sha256", json_string(r->inputs_sha256));
	json_object_set_new(doc, "dimensions", dims);
	json_object_set_new(doc, "indicators", inds);
	json_object_set_new(doc, "schools", schools);
	return doc;
}

