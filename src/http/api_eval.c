/* api_eval.c - the routes of the contribution evaluation (贡献度评价) and of
 * performance pay: GET /api/v1/evaluation (tvet evaluate --format json, with
 * the what-if of the dimensions' weights computed here), GET and POST
 * /api/v1/allocations (the saved runs of tvet allocate, and a new one).
 *
 * Scope is the server's: a school account sees the city's index, the
 * framework and its own school only; enterprise and viewer accounts the
 * city's index and the framework; allocations are the bureau's business
 * (a school sees its own row of each run, departments read them, only
 * admin and bureau compute and save). Evaluations are kept in the answer
 * cache, keyed by the year asked, the weights asked and the caller's view. */
#include <math.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/api_internal.h"
#include "monitor/evaluate.h"
#include "monitor/payout.h"

#define EVAL_MAX_WEIGHTS 16 /* w.* parameters of one request */

/* The default framework of the server's data directory. */
static int eval_config_open(struct http_req *r, struct eval_config **cfg, struct err *e)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/evaluation/default.json", r->o->data_dir);
	return eval_config_load(r->s, path, cfg, e);
}

/* ---- the evaluation and its what-if --------------------------------------- */

/* The w.DIM=VALUE arguments of the query, as given. */
struct eval_weights {
	size_t n;
	int overflow;
	const char *dim[EVAL_MAX_WEIGHTS], *text[EVAL_MAX_WEIGHTS];
};

static enum MHD_Result eval_weight_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				       const char *value)
{
	struct eval_weights *w = cls;

	(void)kind;
	if (strncmp(key, "w.", 2) != 0)
		return MHD_YES;
	if (w->n == EVAL_MAX_WEIGHTS) {
		w->overflow = 1;
		return MHD_NO;
	}
	w->dim[w->n] = key + 2;
	w->text[w->n++] = value ? value : "";
	return MHD_YES;
}

/* Set the weights asked for on cfg; 0, or -1 with the 400 answered
 * naming the parameter. */
static int eval_apply_weights(struct http_resp *w, struct eval_config *cfg,
			      const struct eval_weights *ws)
{
	double sum = 0;

	for (size_t i = 0; i < ws->n; i++) {
		char *end;
		double v = strtod(ws->text[i], &end);
		struct err e;
		size_t d, nd = eval_config_ndimensions(cfg);

		for (d = 0; d < nd; d++)
			if (!strcmp(eval_config_dimension(cfg, d)->code, ws->dim[i]))
				break;
		if (d == nd) {
			char known[256] = "";
			size_t used = 0;

			for (d = 0; d < nd && used < sizeof(known); d++)
				used += (size_t)snprintf(known + used, sizeof(known) - used, "%s%s",
							 d ? ", " : "",
							 eval_config_dimension(cfg, d)->code);
			api_fail(w, ERR_INPUT, "parameter 'w.%.40s': no such dimension (%s)",
				 ws->dim[i], known);
			return -1;
		}
		if (!ws->text[i][0] || *end || !isfinite(v) || v < 0) {
			api_fail(w, ERR_INPUT, "parameter 'w.%.40s': '%.40s' is not a number >= 0",
				 ws->dim[i], ws->text[i]);
			return -1;
		}
		err_clear(&e);
		if (eval_config_set_weight(cfg, ws->dim[i], v, &e) < 0) {
			api_fail(w, ERR_INPUT, "parameter 'w.%.40s': %s", ws->dim[i], e.msg);
			return -1;
		}
	}
	for (size_t d = 0; d < eval_config_ndimensions(cfg); d++)
		sum += eval_config_dimension(cfg, d)->weight;
	if (!(sum > 0)) {
		api_fail(w, ERR_INPUT,
			 "parameters w.*: every dimension's weight is 0; "
			 "at least one must be above 0");
		return -1;
	}
	return 0;
}

/* What the caller may see of the schools: all, its own, none. */
static void eval_scope_schools(const struct http_req *r, json_t *doc)
{
	json_t *kept = json_array(), *sc;
	size_t i;

	json_array_foreach(json_object_get(doc, "schools"), i, sc)
	{
		const char *code = json_string_value(json_object_get(sc, "school"));

		if (code && api_may_see_school(r, code))
			json_array_append(kept, sc);
	}
	json_object_set_new(doc, "schools", kept);
}

/* The key of a kept answer: the year and weights as asked, the view; 0
 * when it does not fit (then the answer is not kept). */
static int eval_cache_key(const struct http_req *r, const char *qy, const struct eval_weights *ws,
			  char *key, size_t size)
{
	char view[48];
	size_t used;
	int n;

	api_view(r, view, sizeof(view));
	n = snprintf(key, size, "eval|%s|%s|", view, qy ? qy : "");
	if (n < 0 || (size_t)n >= size)
		return 0;
	used = (size_t)n;
	for (size_t i = 0; i < ws->n; i++) {
		n = snprintf(key + used, size - used, "%s=%s;", ws->dim[i], ws->text[i]);
		if (n < 0 || (size_t)n >= size - used)
			return 0;
		used += (size_t)n;
	}
	return 1;
}

static void api_evaluation(struct http_req *r, struct http_resp *w)
{
	const char *qy = http_query(r, "year");
	struct eval_weights ws;
	struct eval_config *cfg = NULL;
	struct monitor *m = NULL;
	struct eval_result res;
	char key[192], gen[128];
	int year, keep;
	json_t *doc, *asked;
	struct err e;

	memset(&ws, 0, sizeof(ws));
	memset(&res, 0, sizeof(res));
	MHD_get_connection_values((struct MHD_Connection *)r->conn, MHD_GET_ARGUMENT_KIND,
				  eval_weight_arg, &ws);
	if (ws.overflow) {
		api_fail(w, ERR_INPUT, "more than %d w.* parameters", EVAL_MAX_WEIGHTS);
		return;
	}
	keep = eval_cache_key(r, qy, &ws, key, sizeof(key));
	api_gen(r, gen, sizeof(gen));
	if (keep && api_cache_get(key, gen, w))
		return;
	if (!(year = api_year(r, w)))
		return;
	err_clear(&e);
	if (eval_config_open(r, &cfg, &e) < 0)
		goto fail;
	if (eval_apply_weights(w, cfg, &ws) < 0)
		goto out;
	if (monitor_open(r->s, &m, &e) < 0 || evaluate(m, cfg, year, &res, &e) < 0)
		goto fail;
	doc = eval_json(cfg, &res);
	eval_scope_schools(r, doc);
	asked = json_object();
	for (size_t i = 0; i < ws.n; i++)
		json_object_set_new(asked, ws.dim[i], json_real(strtod(ws.text[i], NULL)));
	json_object_set_new(doc, "what_if", asked);
	http_json(w, 200, doc);
	if (keep)
		api_cache_put(key, gen, w);
	goto out;
fail:
	http_error(w, &e);
out:
	eval_result_release(&res);
	monitor_close(m);
	eval_config_free(cfg);
}

/* ---- performance pay ------------------------------------------------------- */

static void api_allocations(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	const char *qy = http_query(r, "year");
	json_t *runs = NULL, *run;
	size_t i;
	int year = 0;
	struct err e;

	if (u->role == AUTH_ENTERPRISE || u->role == AUTH_VIEWER) {
		api_fail(w, ERR_DENIED, "this account may not see performance-pay allocations");
		return;
	}
	if (qy && !(year = api_parse_year(w, qy)))
		return;
	err_clear(&e);
	if (payout_list(r->s, year, &runs, &e) < 0) {
		http_error(w, &e);
		return;
	}
	/* a school: its own row of each run */
	if (u->role == AUTH_SCHOOL)
		json_array_foreach(runs, i, run)
		{
			json_t *schools = json_object_get(run, "schools"), *own;

			own = json_object();
			if (json_object_get(schools, u->scope))
				json_object_set(own, u->scope, json_object_get(schools, u->scope));
			json_object_set_new(run, "schools", own);
		}
	http_json(w, 200, runs);
}

/* "1234.5" yuan -> 123450 fen; -1 unless digits with at most two decimals
 * and at most ALLOC_MAX_FEN. */
static int64_t eval_parse_fen(const char *s)
{
	int64_t yuan = 0, fen = 0;
	const char *p = s;
	int dec = 0;

	for (; *p >= '0' && *p <= '9'; p++) {
		if (yuan > ALLOC_MAX_FEN / 100)
			return -1;
		yuan = yuan * 10 + (*p - '0');
	}
	if (p == s)
		return -1;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && dec < 3; p++, dec++)
			fen = fen * 10 + (*p - '0');
	if (*p || dec > 2)
		return -1;
	fen = yuan * 100 + (dec == 1 ? fen * 10 : fen);
	return fen > ALLOC_MAX_FEN ? -1 : fen;
}

/* A number member of the body in [lo, hi] into *out (left as it is when
 * absent); -1 with the 400 answered. */
static int eval_body_number(json_t *body, const char *key, double lo, double hi, double *out,
			    struct http_resp *w)
{
	json_t *v = json_object_get(body, key);

	if (!v)
		return 0;
	if (!json_is_number(v) || !isfinite(json_number_value(v)) || json_number_value(v) < lo ||
	    json_number_value(v) > hi) {
		api_fail(w, ERR_INPUT, "'%s' must be a number from %g to %g", key, lo, hi);
		return -1;
	}
	*out = json_number_value(v);
	return 0;
}

/* The request of a body into q (bases allocated into *bases); -1 with the
 * 400 answered. */
static int eval_parse_request(json_t *body, struct payout_request *q, struct payout_base **bases,
			      int *save, struct http_resp *w)
{
	static const char *const known[] = {"year",	  "pool",  "pool_fen", "rule",
					    "floor",	  "cap",   "robust",   "smooth",
					    "max_change", "bases", "save"};
	json_t *v, *year = json_object_get(body, "year"), *pool = json_object_get(body, "pool"),
		   *pool_fen = json_object_get(body, "pool_fen"), *b;
	const char *key, *rule;
	double smooth = 0;
	size_t k;

	json_object_foreach(body, key, v)
	{
		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (!strcmp(key, known[k]))
				break;
		if (k == sizeof(known) / sizeof(known[0])) {
			api_fail(w, ERR_INPUT, "'%.40s' is not a field of an allocation request",
				 key);
			return -1;
		}
	}
	alloc_opts_default(&q->o);
	if (!json_is_integer(year) || json_integer_value(year) < 2000 ||
	    json_integer_value(year) > 2100) {
		api_fail(w, ERR_INPUT, "'year' must be a year from 2000 to 2100");
		return -1;
	}
	q->year = (int)json_integer_value(year);
	if ((pool != NULL) == (pool_fen != NULL)) {
		api_fail(w, ERR_INPUT,
			 "give the pool as 'pool' (yuan, a string like \"300000.00\") "
			 "or 'pool_fen' (an integer), one of them");
		return -1;
	}
	if (pool && (!json_is_string(pool) ||
		     (q->o.pool_fen = eval_parse_fen(json_string_value(pool))) < 0)) {
		api_fail(w, ERR_INPUT,
			 "'pool': %s is not an amount in yuan as a string "
			 "(e.g. \"300000\" or \"300000.50\")",
			 json_is_string(pool) ? "the value" : "a number");
		return -1;
	}
	if (pool_fen && (!json_is_integer(pool_fen) || json_integer_value(pool_fen) < 0 ||
			 json_integer_value(pool_fen) > ALLOC_MAX_FEN)) {
		api_fail(w, ERR_INPUT, "'pool_fen' must be an integer from 0 to %lld",
			 (long long)ALLOC_MAX_FEN);
		return -1;
	}
	if (pool_fen)
		q->o.pool_fen = json_integer_value(pool_fen);
	if ((v = json_object_get(body, "rule"))) {
		rule = json_string_value(v);
		if (!rule || (strcmp(rule, "uplift") && strcmp(rule, "share"))) {
			api_fail(w, ERR_INPUT, "'rule' must be \"uplift\" or \"share\"");
			return -1;
		}
		q->o.rule = strcmp(rule, "share") ? ALLOC_UPLIFT : ALLOC_SHARE;
	}
	if (eval_body_number(body, "floor", 0, 100, &q->o.floor, w) < 0 ||
	    eval_body_number(body, "cap", 0, 100, &q->o.cap, w) < 0 ||
	    eval_body_number(body, "max_change", 0, 100, &q->o.max_change, w) < 0 ||
	    eval_body_number(body, "smooth", 0, ALLOC_MAX_YEARS, &smooth, w) < 0)
		return -1;
	if (smooth != floor(smooth)) {
		api_fail(w, ERR_INPUT, "'smooth' must be a whole number of years from 0 to %d",
			 ALLOC_MAX_YEARS);
		return -1;
	}
	q->o.smooth_years = (size_t)smooth;
	if ((v = json_object_get(body, "robust")) && !json_is_boolean(v)) {
		api_fail(w, ERR_INPUT, "'robust' must be true or false");
		return -1;
	}
	q->o.robust = json_is_true(v);
	if ((v = json_object_get(body, "save")) && !json_is_boolean(v)) {
		api_fail(w, ERR_INPUT, "'save' must be true or false");
		return -1;
	}
	*save = json_is_true(v);
	if ((b = json_object_get(body, "bases"))) {
		size_t n = 0;

		if (!json_is_object(b) || !json_object_size(b)) {
			api_fail(w, ERR_INPUT,
				 "'bases' must be an object of school code: \"yuan\"");
			return -1;
		}
		*bases = xcalloc(json_object_size(b), sizeof(**bases));
		json_object_foreach(b, key, v)
		{
			struct payout_base *x = &(*bases)[n++];

			if (strlen(key) >= sizeof(x->code) || !json_is_string(v) ||
			    (x->fen = eval_parse_fen(json_string_value(v))) <= 0) {
				api_fail(w, ERR_INPUT,
					 "bases.%.31s: not an amount in yuan above 0, as a "
					 "string (e.g. \"200000.00\")",
					 key);
				return -1;
			}
			snprintf(x->code, sizeof(x->code), "%s", key);
		}
		q->bases = *bases;
		q->nbases = n;
		q->base_source = "bases";
	}
	return 0;
}

static void api_allocate(struct http_req *r, struct http_resp *w)
{
	const struct auth_user *u = &r->session.user;
	struct payout_request q;
	struct payout p;
	struct payout_base *bases = NULL;
	struct eval_config *cfg = NULL;
	struct monitor *m = NULL;
	json_t *body = NULL, *doc;
	char at[32], detail[256];
	time_t now = (time_t)r->now;
	int save = 0;
	struct err e;

	memset(&q, 0, sizeof(q));
	memset(&p, 0, sizeof(p));
	if (u->role != AUTH_ADMIN && u->role != AUTH_BUREAU) {
		api_fail(w, ERR_DENIED, "only the bureau and administrators compute allocations");
		return;
	}
	if (!(body = api_body(r, w)) || eval_parse_request(body, &q, &bases, &save, w) < 0)
		goto out;
	err_clear(&e);
	if (eval_config_open(r, &cfg, &e) < 0 || monitor_open(r->s, &m, &e) < 0 ||
	    payout_compute(m, cfg, &q, &p, &e) < 0)
		goto fail;
	if (save) {
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		monitor_end_read(m); /* the write needs the connection */
		snprintf(detail, sizeof(detail),
			 "allocation %d: %lld.%02lld yuan to %zu schools, inputs %.16s", q.year,
			 (long long)(p.res.allocated_fen / 100),
			 (long long)(p.res.allocated_fen % 100), p.ev[0].nschools, p.inputs_sha256);
		/* the run and its audit entry: one transaction */
		if (store_begin(r->s, &e) < 0 || payout_save(r->s, &p, u->login, at, &e) < 0 ||
		    auth_audit(r->s, u->login, r->ip, "allocate", detail, r->now, &e) < 0 ||
		    store_commit(r->s, &e) < 0) {
			store_rollback(r->s);
			goto fail;
		}
	}
	doc = payout_json(&p);
	json_object_set_new(doc, "saved", json_boolean(save));
	http_json(w, save ? 201 : 200, doc);
	goto out;
fail:
	http_error(w, &e);
out:
	payout_release(&p);
	monitor_close(m);
	eval_config_free(cfg);
	free(bases);
	json_decref(body);
}

const struct api_route api_eval_routes[] = {
	{"GET", "/api/v1/evaluation", API_SIGNED, api_evaluation},
	{"GET", "/api/v1/allocations", API_SIGNED, api_allocations},
	{"POST", "/api/v1/allocations", API_SIGNED, api_allocate},
	{NULL, NULL, API_PUBLIC, NULL},
};
