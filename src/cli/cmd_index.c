/* cmd_index.c - `tvet index run|weights|topsis`: the composite-index
 * engine (calc/composite, calc/coin) on any data set, in COINr's layout,
 * so that analysts can bring existing work and check results against
 * COINr. No database: files in, figures out. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/coin.h"
#include "calc/composite.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/coin_csv.h"
#include "ingest/csv.h"

static void index_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet index run --idata DATA.csv --imeta META.csv [--settings S.json]\n"
		  "                      [--format csv|json]\n"
		  "       tvet index weights --method entropy|critic|ahp|equal --input M.csv\n"
		  "                      [--types 1,-1,..] [--ahp-method eigen|geometric]\n"
		  "                      [--entropy-form minmax|raw] [--critic-reverse yes|no]\n"
		  "                      [--format json|csv]\n"
		  "       tvet index topsis --input M.csv --weights W1,W2,.. [--types 1,-1,..]\n"
		  "                      [--normalise vector|minmax] [--format csv|json]\n"
		  "A composite index from COINr's tables (DATA: uCode, groups, denominators,\n"
		  "one column per indicator, NA for none; META: iCode, Level, Direction,\n"
		  "Weight, Parent, Type, Denominator), built by the steps SETTINGS names:\n"
		  "denominate, impute, screen, treat, normalise, aggregate, uncertainty\n"
		  "(docs/evaluation.md). weights: criteria weights of a matrix (first column\n"
		  "the unit, then one column per criterion; for ahp a square pairwise\n"
		  "matrix). topsis: each unit's closeness and rank.\n"));
}

/* ---- numbers out ---------------------------------------------------------- */

static void put_num(FILE *out, double v)
{
	if (isnan(v))
		fputs("NA", out);
	else
		fprintf(out, "%.17g", v);
}

static json_t *json_num(double v)
{
	return isnan(v) || isinf(v) ? json_null() : json_real(v);
}

/* ---- settings ------------------------------------------------------------- */

/* The value of key in obj, checking it is one of the allowed keys. */
static int settings_keys(json_t *obj, const char *what, const char *const *allowed,
			 struct err *e)
{
	const char *key;
	json_t *v;

	if (!json_is_object(obj))
		return err_set(e, ERR_INPUT, _("settings: '%s' must be an object"), what);
	json_object_foreach(obj, key, v) {
		int ok = 0;

		for (size_t i = 0; allowed[i] && !ok; i++)
			ok = !strcmp(key, allowed[i]);
		if (!ok)
			return err_set(e, ERR_INPUT, _("settings: '%s' has no key '%s'"), what, key);
	}
	return 0;
}

static int settings_num(json_t *obj, const char *what, const char *key, double *out,
			struct err *e)
{
	json_t *v = json_object_get(obj, key);

	if (!v)
		return 0;
	if (!json_is_number(v))
		return err_set(e, ERR_INPUT, _("settings: %s.%s must be a number"), what, key);
	*out = json_number_value(v);
	return 0;
}

struct name_value {
	const char *name;
	int value;
};

static const struct name_value impute_names[] = {
	{"none", CI_IMPUTE_NONE},	    {"mean", CI_IMPUTE_MEAN},
	{"median", CI_IMPUTE_MEDIAN},	    {"group_mean", CI_IMPUTE_GROUP_MEAN},
	{"group_median", CI_IMPUTE_GROUP_MEDIAN}, {NULL, 0}};
static const struct name_value norm_names[] = {
	{"minmax", CI_NORM_MINMAX},	  {"zscore", CI_NORM_ZSCORE},
	{"rank", CI_NORM_RANK},		  {"borda", CI_NORM_BORDA},
	{"prank", CI_NORM_PRANK},	  {"goalposts", CI_NORM_GOALPOSTS},
	{"dist2targ", CI_NORM_DIST2TARG}, {"dist2front", CI_NORM_DIST2FRONT},
	{NULL, 0}};
static const struct name_value agg_names[] = {{"arithmetic", CI_AGG_ARITH},
					      {"geometric", CI_AGG_GEOM},
					      {"harmonic", CI_AGG_HARM},
					      {"power", CI_AGG_POWER},
					      {"topsis", CI_AGG_TOPSIS},
					      {NULL, 0}};

static int settings_name(json_t *v, const char *what, const struct name_value *names, int *out,
			 struct err *e)
{
	const char *s = json_string_value(v);
	char list[256] = "";

	for (size_t i = 0; s && names[i].name; i++)
		if (!strcmp(s, names[i].name)) {
			*out = names[i].value;
			return 0;
		}
	for (size_t i = 0; names[i].name; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
			 names[i].name);
	return err_set(e, ERR_INPUT, _("settings: %s must be one of %s"), what, list);
}

static int settings_norm(json_t *n, const char *what, struct ci_norm_opt *o, struct err *e)
{
	static const char *const keys[] = {"method", "lower", "upper", "mean", "sd",
					   "scale",  "trunc", "cap",   NULL};
	int m = CI_NORM_MINMAX, rc;

	if ((rc = settings_keys(n, what, keys, e)) < 0)
		return rc;
	if (json_object_get(n, "method") &&
	    (rc = settings_name(json_object_get(n, "method"), what, norm_names, &m, e)) < 0)
		return rc;
	o->method = (enum ci_norm)m;
	if (m == CI_NORM_GOALPOSTS) { /* COINr: posts in the data's units, scale 100 */
		o->lower = NAN;
		o->upper = NAN;
	}
	if (m == CI_NORM_DIST2TARG || m == CI_NORM_DIST2FRONT)
		o->scale = 100;
	if ((rc = settings_num(n, what, "lower", &o->lower, e)) < 0 ||
	    (rc = settings_num(n, what, "upper", &o->upper, e)) < 0 ||
	    (rc = settings_num(n, what, "mean", &o->mean, e)) < 0 ||
	    (rc = settings_num(n, what, "sd", &o->sd, e)) < 0 ||
	    (rc = settings_num(n, what, "scale", &o->scale, e)) < 0)
		return rc;
	if (json_object_get(n, "trunc"))
		o->trunc = json_is_true(json_object_get(n, "trunc"));
	if (json_object_get(n, "cap"))
		o->cap = json_is_true(json_object_get(n, "cap"));
	if (m == CI_NORM_MINMAX && !(o->upper > o->lower))
		return err_set(e, ERR_INPUT, _("settings: %s needs upper > lower"), what);
	return 0;
}

static int settings_load(const char *path, const struct coin *c, struct coin_settings *s,
			 struct coin_ua *ua, struct err *e)
{
	static const char *const top[] = {"denominate", "impute",    "screen",	    "treat",
					  "normalise",	"aggregate", "uncertainty", NULL};
	json_error_t je;
	json_t *doc, *v;
	int rc = 0, k;

	coin_settings_default(s);
	memset(ua, 0, sizeof(*ua));
	if (!path)
		return 0;
	if (!(doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je)))
		return err_set_at(e, ERR_INPUT, path, (size_t)je.line, (size_t)je.column,
				  "%s", je.text);
	if ((rc = settings_keys(doc, "the settings", top, e)) < 0)
		goto out;
	if ((v = json_object_get(doc, "denominate")))
		s->denominate = json_is_true(v);
	if ((v = json_object_get(doc, "impute"))) {
		static const char *const keys[] = {"method", "group", NULL};
		const char *g;

		if ((rc = settings_keys(v, "impute", keys, e)) < 0 ||
		    (rc = settings_name(json_object_get(v, "method"), "impute.method", impute_names,
					&k, e)) < 0)
			goto out;
		s->impute = (enum ci_impute)k;
		if ((g = json_string_value(json_object_get(v, "group"))) &&
		    (s->impute_group = coin_group_index(c, g)) < 0) {
			rc = err_set(e, ERR_INPUT, _("settings: impute.group '%s' is not a Group of META"),
				     g);
			goto out;
		}
	}
	if ((v = json_object_get(doc, "screen"))) {
		static const char *const keys[] = {"min_availability", NULL};

		if ((rc = settings_keys(v, "screen", keys, e)) < 0 ||
		    (rc = settings_num(v, "screen", "min_availability", &s->min_availability, e)) < 0)
			goto out;
	}
	if ((v = json_object_get(doc, "treat"))) {
		static const char *const keys[] = {"winmax", "skew_thresh", "kurt_thresh", NULL};
		double wm = s->treat_opt.winmax;

		s->treat = 1;
		if ((rc = settings_keys(v, "treat", keys, e)) < 0 ||
		    (rc = settings_num(v, "treat", "winmax", &wm, e)) < 0 ||
		    (rc = settings_num(v, "treat", "skew_thresh", &s->treat_opt.skew_thresh, e)) < 0 ||
		    (rc = settings_num(v, "treat", "kurt_thresh", &s->treat_opt.kurt_thresh, e)) < 0)
			goto out;
		s->treat_opt.winmax = (int)wm;
	}
	if ((v = json_object_get(doc, "normalise"))) {
		s->normalise = 1;
		if ((rc = settings_norm(v, "normalise", &s->norm, e)) < 0)
			goto out;
	}
	if ((v = json_object_get(doc, "aggregate"))) {
		static const char *const keys[] = {"method", "p", "dat_thresh", "topsis", NULL};
		const char *tn = json_string_value(json_object_get(v, "topsis"));

		if ((rc = settings_keys(v, "aggregate", keys, e)) < 0)
			goto out;
		if (json_object_get(v, "method")) {
			if ((rc = settings_name(json_object_get(v, "method"), "aggregate.method",
						agg_names, &k, e)) < 0)
				goto out;
			s->agg = (enum ci_agg)k;
		}
		if ((rc = settings_num(v, "aggregate", "p", &s->agg_p, e)) < 0 ||
		    (rc = settings_num(v, "aggregate", "dat_thresh", &s->dat_thresh, e)) < 0)
			goto out;
		if (json_object_get(v, "topsis") && (!tn || (strcmp(tn, "vector") && strcmp(tn, "minmax")))) {
			rc = err_set(e, ERR_INPUT, _("settings: aggregate.topsis must be vector or minmax"));
			goto out;
		}
		s->topsis_norm = tn && !strcmp(tn, "minmax") ? CI_TOPSIS_MINMAX : CI_TOPSIS_VECTOR;
	}
	if ((v = json_object_get(doc, "uncertainty"))) {
		static const char *const keys[] = {"reps",	 "seed",      "weight_noise",
						   "normalise", "aggregate", "impute", NULL};
		double reps = 1000, seed = 1;
		json_t *a;
		size_t i;

		if ((rc = settings_keys(v, "uncertainty", keys, e)) < 0 ||
		    (rc = settings_num(v, "uncertainty", "reps", &reps, e)) < 0 ||
		    (rc = settings_num(v, "uncertainty", "seed", &seed, e)) < 0 ||
		    (rc = settings_num(v, "uncertainty", "weight_noise", &ua->weight_noise, e)) < 0)
			goto out;
		if (!(reps >= 1 && reps <= 1e7)) {
			rc = err_set(e, ERR_INPUT, _("settings: uncertainty.reps must be 1 to 10000000"));
			goto out;
		}
		ua->reps = (size_t)reps;
		ua->seed = (uint64_t)seed;
		json_array_foreach(json_object_get(v, "normalise"), i, a) {
			if (i >= 4) {
				rc = err_set(e, ERR_INPUT, _("settings: at most 4 alternatives each"));
				goto out;
			}
			ua->norms[i] = s->norm;
			if ((rc = settings_norm(a, "uncertainty.normalise", &ua->norms[i], e)) < 0)
				goto out;
			ua->nnorms = i + 1;
		}
		json_array_foreach(json_object_get(v, "aggregate"), i, a) {
			if (i >= 4 || (rc = settings_name(a, "uncertainty.aggregate", agg_names, &k, e)) < 0) {
				if (i >= 4)
					rc = err_set(e, ERR_INPUT, _("settings: at most 4 alternatives each"));
				goto out;
			}
			ua->aggs[i] = (enum ci_agg)k;
			ua->naggs = i + 1;
		}
		json_array_foreach(json_object_get(v, "impute"), i, a) {
			if (i >= 4 || (rc = settings_name(a, "uncertainty.impute", impute_names, &k, e)) < 0) {
				if (i >= 4)
					rc = err_set(e, ERR_INPUT, _("settings: at most 4 alternatives each"));
				goto out;
			}
			ua->imputes[i] = (enum ci_impute)k;
			ua->nimputes = i + 1;
		}
	}
out:
	json_decref(doc);
	if (rc < 0 && !e->file[0])
		err_wrap(e, "%s", path);
	return rc;
}

/* ---- run ------------------------------------------------------------------- */

static void run_csv(const struct coin *c, const struct coin_result *r,
		    const struct coin_ua_result *ua, FILE *out)
{
	fputs("uCode,Rank", out);
	for (size_t i = 0; i < c->nnodes; i++)
		if (c->nodes[i].level > 1) {
			fputc(',', out);
			csv_write_field(out, c->nodes[i].code);
		}
	if (ua)
		fputs(",Rank_median,Rank_q05,Rank_q95", out);
	fputc('\n', out);
	for (size_t u = 0; u < c->nunits; u++) {
		csv_write_field(out, c->units[u]);
		if (r->rank[u])
			fprintf(out, ",%d", r->rank[u]);
		else
			fputs(",NA", out);
		for (size_t i = 0; i < c->nnodes; i++)
			if (c->nodes[i].level > 1) {
				fputc(',', out);
				put_num(out, r->score[u * c->nnodes + i]);
			}
		if (ua) {
			fputc(',', out);
			put_num(out, ua->units[u].median);
			fputc(',', out);
			put_num(out, ua->units[u].q05);
			fputc(',', out);
			put_num(out, ua->units[u].q95);
		}
		fputc('\n', out);
	}
}

static void run_json(const struct coin *c, const struct coin_result *r,
		     const struct coin_ua_result *ua, FILE *out)
{
	json_t *doc = json_object(), *units = json_array(), *steps = json_array();
	double *eff = xmalloc(c->nnodes * sizeof(*eff));

	coin_effective_weights(c, eff);
	for (size_t u = 0; u < c->nunits; u++) {
		json_t *row = json_pack("{s:s, s:b}", "uCode", c->units[u], "kept", r->kept[u]);
		json_t *scores = json_object();

		json_object_set_new(row, "rank", r->rank[u] ? json_integer(r->rank[u]) : json_null());
		for (size_t i = 0; i < c->nnodes; i++)
			json_object_set_new(scores, c->nodes[i].code,
					    json_num(r->score[u * c->nnodes + i]));
		json_object_set_new(row, "scores", scores);
		if (ua)
			json_object_set_new(row, "uncertainty",
					    json_pack("{s:o, s:o, s:o, s:o}", "median",
						      json_num(ua->units[u].median), "q05",
						      json_num(ua->units[u].q05), "q95",
						      json_num(ua->units[u].q95), "mean",
						      json_num(ua->units[u].mean)));
		json_array_append_new(units, row);
	}
	for (size_t i = 0; i < c->nnodes; i++) {
		json_t *n = json_pack("{s:s, s:i, s:f, s:f}", "iCode", c->nodes[i].code, "level",
				      c->nodes[i].level, "weight", c->nodes[i].weight,
				      "effective_weight", eff[i]);

		if (c->nodes[i].level == 1)
			json_object_update_new(
				n, json_pack("{s:b, s:i, s:b, s:b}", "no_spread", r->flat[i],
					     "winsorised", r->treated[i].winsorised, "log_transformed",
					     r->treated[i].logged, "failed_skew_kurtosis",
					     r->treated[i].failed));
		json_array_append_new(steps, n);
	}
	json_object_set_new(doc, "index", json_string(c->nodes[r->root].code));
	json_object_set_new(doc, "imputed", json_integer((json_int_t)r->imputed));
	json_object_set_new(doc, "nodes", steps);
	json_object_set_new(doc, "units", units);
	if (ua) {
		json_t *rem = json_object();

		for (size_t k = 0; k < ua->nremove; k++)
			json_object_set_new(rem, c->nodes[ua->remove_node[k]].code,
					    json_num(ua->remove_shift[k]));
		const char *names[4] = {"weights", "normalise", "aggregate", "impute"};
		double shifts[4] = {ua->shift_weights, ua->shift_norm, ua->shift_agg, ua->shift_impute};
		int most = -1;

		for (int k = 0; k < 4; k++)
			if (!isnan(shifts[k]) && (most < 0 || shifts[k] > shifts[most]))
				most = k;
		json_object_set_new(doc, "sensitivity",
				    json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "weights",
					      json_num(ua->shift_weights), "normalise",
					      json_num(ua->shift_norm), "aggregate",
					      json_num(ua->shift_agg), "impute",
					      json_num(ua->shift_impute), "remove", rem,
					      "most_influential",
					      most >= 0 ? json_string(names[most]) : json_null()));
	}
	json_dumpf(doc, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
	fputc('\n', out);
	json_decref(doc);
	free(eff);
}

static int index_run(const char *idata, const char *imeta, const char *settings,
		     enum out_format fmt, struct err *e)
{
	struct coin c;
	struct coin_settings s;
	struct coin_ua ua;
	struct coin_result r;
	struct coin_ua_result u;
	int rc, have_ua = 0;

	if (!idata || !imeta)
		return err_set(e, ERR_USAGE, _("tvet index run needs --idata and --imeta"));
	if ((rc = coin_csv_load(idata, imeta, &c, e)) < 0)
		return rc;
	if ((rc = settings_load(settings, &c, &s, &ua, e)) < 0)
		goto out;
	if ((rc = coin_run(&c, &s, &r, e)) < 0)
		goto out;
	if (ua.reps) {
		if ((rc = coin_uncertainty(&c, &s, &ua, &u, e)) < 0) {
			coin_result_release(&r);
			goto out;
		}
		have_ua = 1;
	}
	if (fmt == OUT_JSON)
		run_json(&c, &r, have_ua ? &u : NULL, stdout);
	else
		run_csv(&c, &r, have_ua ? &u : NULL, stdout);
	coin_result_release(&r);
	if (have_ua)
		coin_ua_release(&u);
out:
	coin_free(&c);
	return rc;
}

/* ---- a matrix file ------------------------------------------------------------ */

struct matrix {
	size_t rows, cols;
	char **units;	 /* rows labels */
	char **criteria; /* cols names */
	double *x;
};

static void matrix_free(struct matrix *m)
{
	for (size_t i = 0; i < m->rows; i++)
		free(m->units[i]);
	for (size_t j = 0; j < m->cols; j++)
		free(m->criteria[j]);
	free(m->units);
	free(m->criteria);
	free(m->x);
	memset(m, 0, sizeof(*m));
}

/* Read M.csv: a header, then a label and cols numbers per row. */
static int matrix_read(const char *path, struct matrix *m, struct err *e)
{
	struct csv_reader *r;
	size_t cap = 0;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_next(r, e)) <= 0) {
		if (!rc)
			rc = err_set_at(e, ERR_INPUT, path, 1, 0, _("the file is empty"));
		goto out;
	}
	if (csv_reader_nfields(r) < 2) {
		rc = err_set_at(e, ERR_INPUT, path, 1, 0,
				_("the header needs a unit column and at least one criterion"));
		goto out;
	}
	m->cols = csv_reader_nfields(r) - 1;
	m->criteria = xcalloc(m->cols, sizeof(char *));
	for (size_t j = 0; j < m->cols; j++)
		m->criteria[j] = xstrdup(csv_reader_field(r, j + 1));
	while ((rc = csv_reader_next(r, e)) == 1) {
		if (csv_reader_nfields(r) != m->cols + 1) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0,
					_("%zu fields, the header has %zu"), csv_reader_nfields(r),
					m->cols + 1);
			goto out;
		}
		if (m->rows == cap) {
			cap = cap ? 2 * cap : 32;
			m->units = xrealloc(m->units, cap * sizeof(char *));
			m->x = xrealloc(m->x, cap * m->cols * sizeof(double));
		}
		m->units[m->rows] = xstrdup(csv_reader_field(r, 0));
		for (size_t j = 0; j < m->cols; j++) {
			const char *s = csv_reader_field(r, j + 1);
			char *end;
			double v = strtod(s, &end);

			if (!*s || *end || !isfinite(v)) {
				m->rows++;
				rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), j + 2,
						_("%s: '%s' is not a number"), m->criteria[j], s);
				goto out;
			}
			m->x[m->rows * m->cols + j] = v;
		}
		m->rows++;
	}
out:
	csv_reader_free(r);
	if (rc < 0)
		matrix_free(m);
	return rc < 0 ? rc : 0;
}

/* A comma list of n numbers (types: each 1 or -1). */
static int parse_list(const char *s, const char *what, size_t n, int types, double *out,
		      struct err *e)
{
	size_t k = 0;

	while (s && *s) {
		char *end;
		double v = strtod(s, &end);

		if (end == s || (*end && *end != ',') || !isfinite(v) ||
		    (types && v != 1 && v != -1))
			return err_set(e, ERR_USAGE, _("%s: '%s' is not a list of %s"), what, s,
				       types ? _("1 and -1") : _("numbers"));
		if (k < n)
			out[k] = v;
		k++;
		s = *end ? end + 1 : end;
	}
	if (k != n)
		return err_set(e, ERR_USAGE, _("%s: %zu values for %zu criteria"), what, k, n);
	return 0;
}

static void print_weights(const struct matrix *m, const double *w, const struct ci_ahp_res *ahp,
			  enum out_format fmt)
{
	json_t *doc, *crit, *ws;

	if (fmt == OUT_CSV) {
		fputs("criterion,weight\n", stdout);
		for (size_t j = 0; j < m->cols; j++) {
			csv_write_field(stdout, m->criteria[j]);
			fputc(',', stdout);
			put_num(stdout, w[j]);
			fputc('\n', stdout);
		}
		return;
	}
	doc = json_object();
	crit = json_array();
	ws = json_array();
	for (size_t j = 0; j < m->cols; j++) {
		json_array_append_new(crit, json_string(m->criteria[j]));
		json_array_append_new(ws, json_real(w[j]));
	}
	json_object_set_new(doc, "criteria", crit);
	json_object_set_new(doc, "weights", ws);
	if (ahp) {
		json_object_set_new(doc, "lambda_max", json_real(ahp->lambda_max));
		json_object_set_new(doc, "ci", json_real(ahp->ci));
		json_object_set_new(doc, "ri", json_real(ahp->ri));
		json_object_set_new(doc, "cr", json_real(ahp->cr));
		json_object_set_new(doc, "consistent", json_boolean(ahp->consistent));
	}
	json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
	fputc('\n', stdout);
	json_decref(doc);
}

struct index_opts {
	const char *idata, *imeta, *settings, *input, *method, *types, *weights;
	const char *ahp_method, *entropy_form, *critic_reverse, *normalise;
	enum out_format fmt;
	int fmt_set;
};

static int index_weights(const struct index_opts *o, struct err *e)
{
	struct matrix m;
	double *w, *types = NULL;
	int *t = NULL, rc;
	struct ci_ahp_res ahp;
	int is_ahp = o->method && !strcmp(o->method, "ahp");

	if (!o->method || !o->input)
		return err_set(e, ERR_USAGE, _("tvet index weights needs --method and --input"));
	if (strcmp(o->method, "entropy") && strcmp(o->method, "critic") && !is_ahp &&
	    strcmp(o->method, "equal"))
		return err_set(e, ERR_USAGE, _("--method: '%s' is not entropy, critic, ahp or equal"),
			       o->method);
	if ((rc = matrix_read(o->input, &m, e)) < 0)
		return rc;
	w = xcalloc(m.cols + 1, sizeof(*w));
	if (o->types) {
		types = xcalloc(m.cols + 1, sizeof(*types));
		t = xcalloc(m.cols + 1, sizeof(*t));
		if ((rc = parse_list(o->types, "--types", m.cols, 1, types, e)) < 0)
			goto out;
		for (size_t j = 0; j < m.cols; j++)
			t[j] = (int)types[j];
	}
	if (is_ahp) {
		enum ci_ahp_method am = CI_AHP_EIGEN;

		if (o->ahp_method && !strcmp(o->ahp_method, "geometric"))
			am = CI_AHP_GEOMETRIC;
		else if (o->ahp_method && strcmp(o->ahp_method, "eigen")) {
			rc = err_set(e, ERR_USAGE, _("--ahp-method: '%s' is not eigen or geometric"),
				     o->ahp_method);
			goto out;
		}
		if (m.rows != m.cols) {
			rc = err_set_at(e, ERR_INPUT, o->input, 0, 0,
					_("an AHP matrix must be square: %zu rows, %zu criteria"),
					m.rows, m.cols);
			goto out;
		}
		rc = ci_ahp(m.x, m.cols, am, w, &ahp, e);
	} else if (!strcmp(o->method, "equal")) {
		for (size_t j = 0; j < m.cols; j++)
			w[j] = 1.0 / (double)m.cols;
	} else if (!strcmp(o->method, "entropy")) {
		enum ci_entropy_form f = CI_ENTROPY_MINMAX;

		if (o->entropy_form && !strcmp(o->entropy_form, "raw"))
			f = CI_ENTROPY_RAW;
		else if (o->entropy_form && strcmp(o->entropy_form, "minmax")) {
			rc = err_set(e, ERR_USAGE, _("--entropy-form: '%s' is not minmax or raw"),
				     o->entropy_form);
			goto out;
		}
		rc = ci_weights_entropy(m.x, m.rows, m.cols, t, f, w, NULL, e);
	} else {
		int reverse = !o->critic_reverse || strcmp(o->critic_reverse, "no");

		rc = ci_weights_critic(m.x, m.rows, m.cols, t, reverse, w, NULL, e);
	}
	if (rc < 0) {
		if (!e->file[0])
			err_wrap(e, "%s", o->input);
		goto out;
	}
	print_weights(&m, w, is_ahp ? &ahp : NULL, o->fmt_set ? o->fmt : OUT_JSON);
out:
	free(w);
	free(types);
	free(t);
	matrix_free(&m);
	return rc;
}

static int index_topsis(const struct index_opts *o, struct err *e)
{
	struct matrix m;
	double *w, *types, *c;
	int *t, *rank, rc;
	enum ci_topsis_norm norm = CI_TOPSIS_VECTOR;

	if (!o->input || !o->weights)
		return err_set(e, ERR_USAGE, _("tvet index topsis needs --input and --weights"));
	if (o->normalise && !strcmp(o->normalise, "minmax"))
		norm = CI_TOPSIS_MINMAX;
	else if (o->normalise && strcmp(o->normalise, "vector"))
		return err_set(e, ERR_USAGE, _("--normalise: '%s' is not vector or minmax"),
			       o->normalise);
	if ((rc = matrix_read(o->input, &m, e)) < 0)
		return rc;
	w = xcalloc(m.cols + 1, sizeof(*w));
	types = xcalloc(m.cols + 1, sizeof(*types));
	t = xcalloc(m.cols + 1, sizeof(*t));
	c = xcalloc(m.rows + 1, sizeof(*c));
	rank = xcalloc(m.rows + 1, sizeof(*rank));
	for (size_t j = 0; j < m.cols; j++)
		types[j] = 1;
	if ((rc = parse_list(o->weights, "--weights", m.cols, 0, w, e)) < 0 ||
	    (o->types && (rc = parse_list(o->types, "--types", m.cols, 1, types, e)) < 0))
		goto out;
	for (size_t j = 0; j < m.cols; j++) {
		t[j] = (int)types[j];
		if (w[j] < 0) {
			rc = err_set(e, ERR_USAGE, _("--weights: weight %zu is negative"), j + 1);
			goto out;
		}
	}
	if ((rc = ci_topsis(m.x, m.rows, m.cols, w, t, norm, c, e)) < 0) {
		err_wrap(e, "%s", o->input);
		goto out;
	}
	ci_rank(c, m.rows, rank);
	if (o->fmt_set && o->fmt == OUT_JSON) {
		json_t *doc = json_array();

		for (size_t i = 0; i < m.rows; i++)
			json_array_append_new(doc, json_pack("{s:s, s:f, s:i}", "unit", m.units[i],
							     "closeness", c[i], "rank", rank[i]));
		json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
		fputc('\n', stdout);
		json_decref(doc);
	} else {
		fputs("unit,closeness,rank\n", stdout);
		for (size_t i = 0; i < m.rows; i++) {
			csv_write_field(stdout, m.units[i]);
			fputc(',', stdout);
			put_num(stdout, c[i]);
			fprintf(stdout, ",%d\n", rank[i]);
		}
	}
out:
	free(w);
	free(types);
	free(t);
	free(c);
	free(rank);
	matrix_free(&m);
	return rc;
}

int cmd_index(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"idata", required_argument, NULL, 'd'},
					     {"imeta", required_argument, NULL, 'm'},
					     {"settings", required_argument, NULL, 's'},
					     {"input", required_argument, NULL, 'i'},
					     {"method", required_argument, NULL, 'M'},
					     {"types", required_argument, NULL, 't'},
					     {"weights", required_argument, NULL, 'w'},
					     {"ahp-method", required_argument, NULL, 'a'},
					     {"entropy-form", required_argument, NULL, 'E'},
					     {"critic-reverse", required_argument, NULL, 'R'},
					     {"normalise", required_argument, NULL, 'n'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct index_opts o;
	const char *verb;
	int opt, rc;

	(void)c;
	memset(&o, 0, sizeof(o));
	o.fmt = OUT_CSV;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			o.idata = optarg;
			break;
		case 'm':
			o.imeta = optarg;
			break;
		case 's':
			o.settings = optarg;
			break;
		case 'i':
			o.input = optarg;
			break;
		case 'M':
			o.method = optarg;
			break;
		case 't':
			o.types = optarg;
			break;
		case 'w':
			o.weights = optarg;
			break;
		case 'a':
			o.ahp_method = optarg;
			break;
		case 'E':
			o.entropy_form = optarg;
			break;
		case 'R':
			o.critic_reverse = optarg;
			break;
		case 'n':
			o.normalise = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &o.fmt, e)) < 0)
				return rc;
			if (o.fmt == OUT_TABLE)
				return err_set(e, ERR_USAGE, _("--format: csv or json"));
			o.fmt_set = 1;
			break;
		case 'h':
			index_usage(stdout);
			return 0;
		default:
			return cli_bad_option("index", argv, e);
		}
	}
	if (optind >= argc) {
		index_usage(stderr);
		return err_set(e, ERR_USAGE, _("say run, weights or topsis"));
	}
	verb = argv[optind++];
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if (!strcmp(verb, "run"))
		return index_run(o.idata, o.imeta, o.settings, o.fmt, e);
	if (!strcmp(verb, "weights"))
		return index_weights(&o, e);
	if (!strcmp(verb, "topsis"))
		return index_topsis(&o, e);
	return err_set(e, ERR_USAGE, _("unknown index command '%s' (run, weights, topsis)"), verb);
}
