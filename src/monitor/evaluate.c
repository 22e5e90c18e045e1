/* evaluate.c - the contribution evaluation of every school (see
 * evaluate.h): the configuration, the indicators from the store, the index
 * through calc/coin, the explanation, and the saved run. */
#include "monitor/evaluate.h"

#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/coin.h"
#include "calc/expr.h"
#include "core/mem.h"
#include "store/queries.h"

enum eval_builtin { EB_NONE, EB_CLUSTER_SHARE, EB_HEALTHY_MAJORS, EB_SATISFACTION };

struct eval_ind {
	struct eval_indicator_info info;
	int dim;	       /* index into dims */
	enum eval_builtin builtin;
	struct expr *formula;  /* when not builtin */
	struct expr *city_div; /* divide by this, evaluated at the city */
	char **levels;	       /* the school levels it applies to; none: all */
	size_t nlevels;
	int direction;
};

struct eval_config {
	json_t *doc; /* owns the strings the infos point to */
	char sha256[65];
	struct eval_dimension_info *dims;
	size_t ndims;
	struct eval_ind *inds;
	size_t ninds;
	struct expr *weighting; /* the weighting element, e.g. enrolment */
	size_t reps;
	unsigned long long seed;
	double weight_noise;
};

/* ---- the configuration ---------------------------------------------------------- */

static void hex(const unsigned char *b, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, b, n);
}

static const char *jstr(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* A formula of the configuration, parsed and checked against the store. */
static int eval_formula(struct store *s, const char *text, const char *where, struct expr **out,
			struct err *e)
{
	int rc;

	if ((rc = expr_parse(text, out, e)) < 0 || (rc = monitor_check_formula(s, *out, e)) < 0)
		return err_wrap(e, "%s", where);
	return 0;
}

static int eval_ind_load(struct store *s, struct eval_config *c, json_t *j, struct eval_ind *x,
			 struct err *e)
{
	const char *code = jstr(j, "code"), *dim = jstr(j, "dimension"), *b = jstr(j, "builtin");
	json_t *gp = json_object_get(j, "goalposts"), *lv = json_object_get(j, "levels"), *v;
	char where[160];
	size_t i;
	int rc;

	snprintf(where, sizeof(where), "indicator '%s'", code);
	if (!*code)
		return err_set(e, ERR_INPUT, "an indicator has no code");
	x->info.code = code;
	x->info.name = jstr(j, "name_zh");
	x->info.name_en = jstr(j, "name_en");
	x->info.unit = jstr(j, "unit");
	x->info.dimension = dim;
	x->direction = json_integer_value(json_object_get(j, "direction")) < 0 ? -1 : 1;
	x->dim = -1;
	for (size_t d = 0; d < c->ndims; d++)
		if (!strcmp(c->dims[d].code, dim))
			x->dim = (int)d;
	if (x->dim < 0)
		return err_set(e, ERR_INPUT, "%s: dimension '%s' is not one of the dimensions", where,
			       dim);
	if (!json_is_array(gp) || json_array_size(gp) != 2 ||
	    !json_is_number(json_array_get(gp, 0)) || !json_is_number(json_array_get(gp, 1)) ||
	    !(json_number_value(json_array_get(gp, 0)) < json_number_value(json_array_get(gp, 1))))
		return err_set(e, ERR_INPUT, "%s: goalposts must be [floor, target] with floor < target",
			       where);
	x->info.lo = json_number_value(json_array_get(gp, 0));
	x->info.hi = json_number_value(json_array_get(gp, 1));
	x->info.step = json_is_number(json_object_get(j, "step"))
			       ? json_number_value(json_object_get(j, "step"))
			       : (x->info.hi - x->info.lo) / 10;
	if (!(x->info.step > 0))
		return err_set(e, ERR_INPUT, "%s: step must be > 0", where);
	if (*b) {
		x->builtin = !strcmp(b, "cluster_enrolment_share") ? EB_CLUSTER_SHARE
			     : !strcmp(b, "healthy_majors_share")  ? EB_HEALTHY_MAJORS
			     : !strcmp(b, "satisfaction_mean")	   ? EB_SATISFACTION
								   : EB_NONE;
		if (x->builtin == EB_NONE)
			return err_set(e, ERR_INPUT,
				       "%s: builtin '%s' is not cluster_enrolment_share, "
				       "healthy_majors_share or satisfaction_mean",
				       where, b);
	} else if ((rc = eval_formula(s, jstr(j, "formula"), where, &x->formula, e)) < 0) {
		return rc;
	}
	if (*jstr(j, "city_divisor") &&
	    (rc = eval_formula(s, jstr(j, "city_divisor"), where, &x->city_div, e)) < 0)
		return rc;
	json_array_foreach(lv, i, v) {
		x->levels = xrealloc(x->levels, (i + 1) * sizeof(char *));
		x->levels[i] = (char *)json_string_value(v);
		if (!x->levels[i])
			return err_set(e, ERR_INPUT, "%s: levels must be strings", where);
		x->nlevels = i + 1;
	}
	return 0;
}

int eval_config_load(struct store *s, const char *path, struct eval_config **out, struct err *e)
{
	struct eval_config *c = xcalloc(1, sizeof(*c));
	unsigned char digest[crypto_hash_sha256_BYTES];
	json_error_t je;
	json_t *dims, *inds, *ua, *v;
	char *bytes = NULL;
	size_t len = 0, i;
	FILE *f;
	int rc = 0;

	*out = NULL;
	if (!(f = fopen(path, "rb"))) {
		free(c);
		return err_set(e, ERR_IO, "%s: cannot be read", path);
	}
	{
		char buf[8192];
		size_t got;

		while ((got = fread(buf, 1, sizeof(buf), f)) > 0) {
			bytes = xrealloc(bytes, len + got + 1);
			memcpy(bytes + len, buf, got);
			len += got;
		}
	}
	fclose(f);
	crypto_hash_sha256(digest, (const unsigned char *)(bytes ? bytes : ""), len);
	hex(digest, sizeof(digest), c->sha256);
	c->doc = json_loadb(bytes ? bytes : "", len, JSON_REJECT_DUPLICATES, &je);
	free(bytes);
	if (!c->doc) {
		free(c);
		return err_set_at(e, ERR_INPUT, path, (size_t)je.line, (size_t)je.column, "%s", je.text);
	}
	dims = json_object_get(c->doc, "dimensions");
	inds = json_object_get(c->doc, "indicators");
	if (!json_is_array(dims) || !json_array_size(dims) || !json_is_array(inds) ||
	    !json_array_size(inds)) {
		rc = err_set(e, ERR_INPUT, "the configuration needs dimensions and indicators");
		goto out;
	}
	c->dims = xcalloc(json_array_size(dims), sizeof(*c->dims));
	json_array_foreach(dims, i, v) {
		struct eval_dimension_info *d = &c->dims[c->ndims++];

		d->code = jstr(v, "code");
		d->name = jstr(v, "name_zh");
		d->name_en = jstr(v, "name_en");
		d->weight = json_number_value(json_object_get(v, "weight"));
		if (!*d->code || !(d->weight >= 0)) {
			rc = err_set(e, ERR_INPUT, "dimension %zu needs a code and a weight >= 0", i + 1);
			goto out;
		}
	}
	c->inds = xcalloc(json_array_size(inds), sizeof(*c->inds));
	json_array_foreach(inds, i, v) {
		if ((rc = eval_ind_load(s, c, v, &c->inds[c->ninds++], e)) < 0)
			goto out;
	}
	if ((rc = eval_formula(s, *jstr(c->doc, "weighting_element") ? jstr(c->doc, "weighting_element")
								     : "enrolment",
			       "weighting_element", &c->weighting, e)) < 0)
		goto out;
	ua = json_object_get(c->doc, "uncertainty");
	c->reps = json_is_integer(json_object_get(ua, "reps"))
			  ? (size_t)json_integer_value(json_object_get(ua, "reps"))
			  : 1000;
	c->seed = (unsigned long long)json_integer_value(json_object_get(ua, "seed"));
	c->weight_noise = json_is_number(json_object_get(ua, "weight_noise"))
				  ? json_number_value(json_object_get(ua, "weight_noise"))
				  : 0.25;
	if (!c->reps || c->reps > 1000000 || c->weight_noise < 0 || c->weight_noise > 1)
		rc = err_set(e, ERR_INPUT,
			     "uncertainty: reps must be 1 to 1000000 and weight_noise 0 to 1");
out:
	if (rc < 0) {
		err_wrap(e, "%s", path);
		eval_config_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void eval_config_free(struct eval_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ninds; i++) {
		expr_free(c->inds[i].formula);
		expr_free(c->inds[i].city_div);
		free(c->inds[i].levels);
	}
	expr_free(c->weighting);
	free(c->inds);
	free(c->dims);
	json_decref(c->doc);
	free(c);
}

size_t eval_config_nindicators(const struct eval_config *c)
{
	return c->ninds;
}

size_t eval_config_ndimensions(const struct eval_config *c)
{
	return c->ndims;
}

const struct eval_indicator_info *eval_config_indicator(const struct eval_config *c, size_t i)
{
	return i < c->ninds ? &c->inds[i].info : NULL;
}

const struct eval_dimension_info *eval_config_dimension(const struct eval_config *c, size_t i)
{
	return i < c->ndims ? &c->dims[i] : NULL;
}

int eval_config_set_weight(struct eval_config *c, const char *dim, double weight, struct err *e)
{
	if (!isfinite(weight) || weight < 0)
		return err_set(e, ERR_INPUT, "dimension '%s': weight %g, it must be >= 0", dim, weight);
	for (size_t d = 0; d < c->ndims; d++)
		if (!strcmp(c->dims[d].code, dim)) {
			unsigned char digest[crypto_hash_sha256_BYTES];
			char buf[256];

			c->dims[d].weight = weight;
			/* a changed framework is another framework: its hash too */
			snprintf(buf, sizeof(buf), "%s\n%s=%.17g", c->sha256, dim, weight);
			crypto_hash_sha256(digest, (const unsigned char *)buf, strlen(buf));
			hex(digest, sizeof(digest), c->sha256);
			return 0;
		}
	return err_set(e, ERR_INPUT, "'%s' is not a dimension of the evaluation", dim);
}

const char *eval_config_sha256(const struct eval_config *c)
{
	return c->sha256;
}

/* ---- the indicators' values ---------------------------------------------------- */

static int eval_applies(const struct eval_ind *x, const struct monitor_org *org)
{
	if (!x->nlevels)
		return 1;
	for (size_t i = 0; i < x->nlevels; i++)
		if (org->level && !strcmp(org->level, x->levels[i]))
			return 1;
	return 0;
}

/* Healthy majors: offered this year with at least 30 students and a
 * destination rate of at least 60 % this year and the year before. */
struct eval_major {
	char code[16];
	double enrol[2], grads[2], unplaced[2]; /* [0] the year before, [1] the year */
};

static struct eval_major *eval_major_at(struct eval_major **ms, size_t *n, const char *code)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*ms)[i].code, code))
			return &(*ms)[i];
	*ms = xrealloc(*ms, (*n + 1) * sizeof(**ms));
	memset(&(*ms)[*n], 0, sizeof(**ms));
	snprintf((*ms)[*n].code, sizeof((*ms)[*n].code), "%s", code);
	return &(*ms)[(*n)++];
}

static int eval_healthy(struct store *s, int64_t school, int year, double *out, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_EVAL_MAJOR_ROWS, e);
	struct eval_major *ms = NULL;
	size_t n = 0, offered = 0, healthy = 0;
	int rc, prior = 0;

	if (!st)
		return e->code;
	store_bindf(st, "ii", school, (int64_t)year);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		int y = store_col_int(st, 0) == year;
		const char *el = store_col_text(st, 1), *dims = store_col_text(st, 2);
		const char *maj = strstr(dims, "major=");
		double v = store_col_double(st, 3);
		struct eval_major *m;

		if (!maj)
			continue;
		m = eval_major_at(&ms, &n, maj + 6);
		if (!strcmp(el, "enrolment") && !strchr(dims, ';'))
			m->enrol[y] = v;
		else if (!strcmp(el, "graduates") && !strchr(dims, ';'))
			m->grads[y] = v;
		else if (!strcmp(el, "graduates") && strstr(dims, "destination=未就业;"))
			m->unplaced[y] = v;
	}
	store_reset(st);
	if (rc < 0) {
		free(ms);
		return rc;
	}
	/* no by-major figures the year before: two years cannot be judged */
	for (size_t i = 0; i < n && !prior; i++)
		prior = ms[i].enrol[0] > 0;
	for (size_t i = 0; i < n && prior; i++) {
		int ok = 1;

		if (!(ms[i].enrol[1] > 0))
			continue;
		offered++;
		for (int y = 0; y < 2; y++)
			ok = ok && ms[i].enrol[y] >= 30 && ms[i].grads[y] > 0 &&
			     (ms[i].grads[y] - ms[i].unplaced[y]) / ms[i].grads[y] >= 0.6;
		healthy += ok;
	}
	free(ms);
	*out = offered ? 100.0 * (double)healthy / (double)offered : NAN;
	return 0;
}

/* Two numbers of a one-row query on (school, year): a / b, or mean */
static int eval_pair(struct store *s, enum store_query q, int64_t school, int year, double *a,
		     double *b, struct err *e)
{
	struct store_stmt *st = store_prepare(s, q, e);
	int rc;

	*a = *b = NAN;
	if (!st)
		return e->code;
	store_bindf(st, "ii", school, (int64_t)year);
	if ((rc = store_step(st, e)) == STORE_ROW) {
		*a = store_col_is_null(st, 0) ? NAN : store_col_double(st, 0);
		*b = store_col_is_null(st, 1) ? NAN : store_col_double(st, 1);
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static int eval_value(struct monitor *m, const struct eval_ind *x, const struct monitor_org *org,
		      int year, double *out, struct err *e)
{
	struct store *s = monitor_store(m);
	struct expr_value v;
	double a, b;
	int rc;

	*out = NAN;
	if (!eval_applies(x, org))
		return 0;
	switch (x->builtin) {
	case EB_CLUSTER_SHARE:
		if ((rc = eval_pair(s, Q_EVAL_CLUSTER_ENROLMENT, org->id, year, &a, &b, e)) < 0)
			return rc;
		*out = b > 0 ? 100 * (isnan(a) ? 0 : a) / b : NAN;
		return 0;
	case EB_SATISFACTION:
		if ((rc = eval_pair(s, Q_EVAL_SATISFACTION, org->id, year, &a, &b, e)) < 0)
			return rc;
		*out = b > 0 ? a : NAN;
		return 0;
	case EB_HEALTHY_MAJORS:
		return eval_healthy(s, org->id, year, out, e);
	case EB_NONE:
		break;
	}
	if ((rc = monitor_eval(m, x->formula, NULL, org, year, &v, e)) < 0)
		return rc;
	if (!v.present || !isfinite(v.v))
		return 0;
	*out = v.v;
	if (x->city_div) {
		struct expr_value d;

		if ((rc = monitor_eval(m, x->city_div, NULL, monitor_city(m), year, &d, e)) < 0)
			return rc;
		*out = d.present && d.v != 0 ? v.v / d.v : NAN;
	}
	return 0;
}

/* ---- the index -------------------------------------------------------------------- */

/* The schools open in year (founded then or before, or unknown). */
static size_t eval_schools(struct monitor *m, int year, const struct monitor_org ***out)
{
	const struct monitor_org *o;
	size_t n = 0;

	*out = NULL;
	for (size_t i = 0; (o = monitor_org_at(m, i)); i++)
		if (!strcmp(o->kind, "school") && (!o->founded_year || o->founded_year <= year)) {
			*out = xrealloc(*out, (n + 1) * sizeof(**out));
			(*out)[n++] = o;
		}
	return n;
}

/* The structure: indicators, then dimensions, then the index. */
static void eval_coin(const struct eval_config *c, struct eval_result *r, struct coin *k)
{
	memset(k, 0, sizeof(*k));
	k->nunits = r->nschools;
	k->nnodes = c->ninds + c->ndims + 1;
	k->units = xcalloc(r->nschools + 1, sizeof(char *));
	k->nodes = xcalloc(k->nnodes, sizeof(*k->nodes));
	k->x = xmalloc((r->nschools * k->nnodes + 1) * sizeof(double));
	for (size_t u = 0; u < r->nschools; u++) {
		k->units[u] = r->schools[u].org->code;
		for (size_t i = 0; i < k->nnodes; i++)
			k->x[u * k->nnodes + i] = i < c->ninds ? r->schools[u].raw[i] : NAN;
	}
	for (size_t i = 0; i < c->ninds; i++)
		k->nodes[i] = (struct coin_node){(char *)c->inds[i].info.code, 1,
						 (int)c->ninds + c->inds[i].dim, 1,
						 c->inds[i].direction, -1, NAN,
						 c->inds[i].info.lo, c->inds[i].info.hi};
	for (size_t d = 0; d < c->ndims; d++)
		k->nodes[c->ninds + d] = (struct coin_node){(char *)c->dims[d].code, 2,
							    (int)(c->ninds + c->ndims),
							    c->dims[d].weight, 1, -1, NAN, NAN, NAN};
	k->nodes[c->ninds + c->ndims] =
		(struct coin_node){(char *)"index", 3, -1, 1, 1, -1, NAN, NAN, NAN};
}

static void eval_coin_free(struct coin *k)
{
	free(k->units);
	free(k->nodes);
	free(k->x);
}

/* A raw value on the goalposts: 0-100, truncated. */
static double eval_norm(const struct eval_ind *x, double v)
{
	double a = x->direction > 0 ? x->info.lo : -x->info.hi;
	double b = x->direction > 0 ? x->info.hi : -x->info.lo;
	double t = (v * x->direction - a) / (b - a);

	return 100 * fmin(1, fmax(0, t));
}

/* What cost the school most points, and which step adds most: with the
 * arithmetic means, an indicator's part in the index is its dimension's
 * weight share times its share within the dimension, over the indicators
 * and dimensions the school has. */
static void eval_explain_points(const struct eval_config *c, struct eval_school *s)
{
	double dsum = 0;

	s->lost_ind = s->gain_ind = -1;
	s->lost = s->gain = 0;
	for (size_t d = 0; d < c->ndims; d++)
		if (!isnan(s->dim[d]))
			dsum += c->dims[d].weight;
	for (size_t i = 0; i < c->ninds && dsum > 0; i++) {
		const struct eval_ind *x = &c->inds[i];
		size_t nin = 0;
		double part, lost, gain;

		if (isnan(s->score[i]))
			continue;
		for (size_t j = 0; j < c->ninds; j++)
			nin += c->inds[j].dim == x->dim && !isnan(s->score[j]);
		part = c->dims[x->dim].weight / dsum / (double)nin;
		lost = part * (100 - s->score[i]);
		gain = part * (eval_norm(x, s->raw[i] + x->direction * x->info.step) - s->score[i]);
		if (lost > s->lost + 1e-12) {
			s->lost = lost;
			s->lost_ind = (int)i;
		}
		if (gain > s->gain + 1e-12) {
			s->gain = gain;
			s->gain_ind = (int)i;
		}
	}
}

static void eval_hash_value(crypto_hash_sha256_state *h, const char *what, double v)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%s=%.17g\n", what, v);
	crypto_hash_sha256_update(h, (const unsigned char *)buf, strlen(buf));
}

int evaluate(struct monitor *m, const struct eval_config *c, int year, struct eval_result *r,
	     struct err *e)
{
	const struct monitor_org **orgs;
	struct coin k;
	struct coin_settings set;
	struct coin_result cr;
	struct coin_ua ua;
	struct coin_ua_result ur;
	crypto_hash_sha256_state h;
	unsigned char digest[crypto_hash_sha256_BYTES];
	int rc = 0;

	memset(r, 0, sizeof(*r));
	r->year = year;
	r->nschools = eval_schools(m, year, &orgs);
	r->schools = xcalloc(r->nschools + 1, sizeof(*r->schools));
	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)c->sha256, strlen(c->sha256));
	for (size_t u = 0; u < r->nschools && !rc; u++) {
		struct eval_school *s = &r->schools[u];
		struct expr_value w;

		s->org = orgs[u];
		s->raw = xmalloc((c->ninds + 1) * sizeof(double));
		s->score = xmalloc((c->ninds + 1) * sizeof(double));
		s->dim = xmalloc((c->ndims + 1) * sizeof(double));
		eval_hash_value(&h, s->org->code, year);
		for (size_t i = 0; i < c->ninds && !rc; i++) {
			rc = eval_value(m, &c->inds[i], s->org, year, &s->raw[i], e);
			eval_hash_value(&h, c->inds[i].info.code, s->raw[i]);
		}
		if (!rc && !(rc = monitor_eval(m, c->weighting, NULL, s->org, year, &w, e)))
			s->weight = w.present ? w.v : NAN;
		eval_hash_value(&h, "weight", s->weight);
	}
	free(orgs);
	if (rc < 0 || !r->nschools)
		return rc < 0 ? rc : err_set(e, ERR_NOTFOUND, "no school is open in %d", year);
	crypto_hash_sha256_final(&h, digest);
	hex(digest, sizeof(digest), r->inputs_sha256);

	eval_coin(c, r, &k);
	coin_settings_default(&set);
	set.normalise = 1;
	set.norm.method = CI_NORM_GOALPOSTS;
	set.norm.scale = 100;
	set.norm.trunc = 1;
	set.agg = CI_AGG_ARITH;
	set.agg_p = 0.5; /* the less compensatory alternative of the analysis */
	if ((rc = coin_run(&k, &set, &cr, e)) < 0) {
		eval_coin_free(&k);
		return rc;
	}
	memset(&ua, 0, sizeof(ua));
	ua.reps = c->reps;
	ua.seed = c->seed;
	ua.weight_noise = c->weight_noise;
	ua.naggs = 2;
	ua.aggs[0] = CI_AGG_ARITH;
	ua.aggs[1] = CI_AGG_POWER;
	ua.keep_scores = 1;
	if ((rc = coin_uncertainty(&k, &set, &ua, &ur, e)) < 0) {
		coin_result_release(&cr);
		eval_coin_free(&k);
		return rc;
	}
	r->city_index = NAN;
	{
		double num = 0, den = 0;

		for (size_t u = 0; u < r->nschools; u++) {
			struct eval_school *s = &r->schools[u];
			const double *row = cr.score + u * k.nnodes;

			for (size_t i = 0; i < c->ninds; i++)
				s->score[i] = row[i];
			for (size_t d = 0; d < c->ndims; d++)
				s->dim[d] = row[c->ninds + d];
			s->index = row[c->ninds + c->ndims];
			s->rank = cr.rank[u];
			s->rank_q05 = ur.units[u].q05;
			s->rank_q95 = ur.units[u].q95;
			s->index_q05 = ur.units[u].score_q05;
			s->index_q95 = ur.units[u].score_q95;
			eval_explain_points(c, s);
			if (!isnan(s->index) && s->weight > 0) {
				num += s->index * s->weight;
				den += s->weight;
			}
		}
		if (den > 0) {
			r->city_index = num / den;
			r->city_weight = den;
		}
	}
	coin_ua_release(&ur);
	coin_result_release(&cr);
	eval_coin_free(&k);
	return 0;
}

void eval_result_release(struct eval_result *r)
{
	for (size_t u = 0; u < r->nschools; u++) {
		free(r->schools[u].raw);
		free(r->schools[u].score);
		free(r->schools[u].dim);
	}
	free(r->schools);
	memset(r, 0, sizeof(*r));
}

/* A step as people write it: 5, 0.25, 0.05. */
static void eval_num(char *buf, size_t size, double v)
{
	snprintf(buf, size, "%.2f", v);
	for (char *p = buf + strlen(buf) - 1; p > buf && strchr(buf, '.') && (*p == '0' || *p == '.');
	     p--) {
		char c = *p;

		*p = '\0';
		if (c == '.')
			break;
	}
}

void eval_explain(const struct eval_config *c, const struct eval_school *s, int chinese,
		  char *buf, size_t size)
{
	char step[32];
	size_t used = 0;

	buf[0] = '\0';
	if (isnan(s->index)) {
		snprintf(buf, size, "%s", chinese ? "无可评价的指标数据" : "no indicator to evaluate");
		return;
	}
	if (s->gain_ind >= 0) {
		const struct eval_ind *x = &c->inds[s->gain_ind];
		const char *unit = !strcmp(x->info.unit, "%") ? (chinese ? "个百分点" : " points")
								  : x->info.unit;

		eval_num(step, sizeof(step), x->info.step);
		used += (size_t)snprintf(buf, size,
					 chinese ? "%s提高%s%s可使指数提高%.1f分"
						 : "raising %s by %s%s would add %.1f points",
					 chinese ? x->info.name : x->info.name_en, step, unit,
					 s->gain);
	}
	if (s->lost_ind >= 0 && used < size) {
		const struct eval_ind *x = &c->inds[s->lost_ind];

		snprintf(buf + used, size - used,
			 chinese ? "%s失分最多：%s（%.1f分）" : "%smost points lost on %s (%.1f)",
			 used ? (chinese ? "；" : "; ") : "", chinese ? x->info.name : x->info.name_en,
			 s->lost);
	}
	if (s->gain_ind < 0 && s->lost_ind < 0)
		snprintf(buf, size, "%s", chinese ? "各项指标均已达到目标" : "every indicator meets its target");
}

/* ---- keeping a run ------------------------------------------------------------------ */

/* Write element's value v (NAN: none) for org and year, with its history
 * under batch; *changed counts a change. */
static int eval_put(struct store *s, int64_t batch, const char *element, int64_t org, int year,
		    double v, size_t *changed, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_DATAVALUE_GET, e);
	int rc, had;
	double old = NAN;

	if (!st)
		return e->code;
	store_bindf(st, "tiit", element, org, (int64_t)year, "");
	if ((rc = store_step(st, e)) < 0)
		return rc;
	had = rc == STORE_ROW;
	if (had)
		old = store_col_double(st, 0);
	store_reset(st);
	if ((isnan(v) && !had) || (had && !isnan(v) && old == v))
		return 0;
	if (isnan(v))
		rc = store_run(s, Q_DATAVALUE_DELETE, e, "tiit", element, org, (int64_t)year, "");
	else
		rc = store_run(s, Q_DATAVALUE_PUT, e, "tiitd", element, org, (int64_t)year, "", v);
	if (rc < 0)
		return rc;
	st = store_prepare(s, Q_HISTORY_INSERT, e);
	if (!st)
		return e->code;
	store_bindf(st, "itiit", batch, element, org, (int64_t)year, "");
	if (had)
		store_bind_double(st, 6, old);
	else
		store_bind_null(st, 6);
	if (isnan(v))
		store_bind_null(st, 7);
	else
		store_bind_double(st, 7, v);
	if ((rc = store_exec(st, e)) < 0)
		return rc;
	(*changed)++;
	return 0;
}

int evaluate_save(struct store *s, const struct eval_config *c, const struct eval_result *r,
		  const char *who, const char *at, struct err *e)
{
	int64_t batch;
	size_t changed = 0;
	int own = !store_in_transaction(s), rc;

	(void)c;
	if (own && (rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_run(s, Q_IMPORT_BATCH_INSERT, e, "ttttttIiii", "evaluation",
			    "evaluation", r->inputs_sha256, NULL, who, at, (int64_t)0,
			    (int64_t)r->year, (int64_t)r->nschools, (int64_t)0)) < 0)
		goto fail;
	batch = store_last_id(s);
	for (size_t u = 0; u < r->nschools; u++) {
		const struct eval_school *x = &r->schools[u];
		int has = !isnan(x->index) && x->weight > 0;

		if ((rc = eval_put(s, batch, "contribution_points", x->org->id, r->year,
				   has ? x->index * x->weight : NAN, &changed, e)) < 0 ||
		    (rc = eval_put(s, batch, "contribution_weight", x->org->id, r->year,
				   has ? x->weight : NAN, &changed, e)) < 0)
			goto fail;
	}
	if ((rc = store_run(s, Q_IMPORT_BATCH_FINISH, e, "iiiIi", batch, (int64_t)changed,
			    (int64_t)r->nschools, (int64_t)0, (int64_t)r->year)) < 0)
		goto fail;
	return own ? store_commit(s, e) : 0;
fail:
	if (own)
		store_rollback(s);
	return rc;
}
