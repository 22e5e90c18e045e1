/* payout.c - performance pay for a year (see payout.h). */
#include "monitor/payout.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/queries.h"

/* The result of the latest saved run of year, or NULL. */
static int payout_prev(struct store *s, int year, json_t **out, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_ALLOC_RUN_LIST, e);
	int rc;

	*out = NULL;
	if (!st)
		return e->code;
	store_bind_int(st, 1, year);
	if ((rc = store_step(st, e)) == STORE_ROW)
		*out = json_loads(store_col_text(st, 9), 0, NULL);
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static void payout_hash(crypto_hash_sha256_state *h, const char *s)
{
	crypto_hash_sha256_update(h, (const unsigned char *)s, strlen(s));
}

/* Each school's base: given, or the pool / cap shared by enrolment. */
static int payout_bases(const struct payout_request *q, struct payout *p, struct err *e)
{
	const struct eval_result *ev = &p->ev[0];
	double total = 0, all = q->o.cap > 0 ? (double)q->o.pool_fen / q->o.cap
					     : (double)q->o.pool_fen;

	for (size_t u = 0; u < ev->nschools; u++)
		if (ev->schools[u].weight > 0)
			total += ev->schools[u].weight;
	for (size_t u = 0; u < ev->nschools; u++) {
		const struct eval_school *x = &ev->schools[u];
		struct alloc_school *y = &p->schools[u];

		if (!q->bases) {
			y->base_fen = x->weight > 0 && total > 0
					      ? (int64_t)llround(all * x->weight / total)
					      : 1;
			if (y->base_fen < 1)
				y->base_fen = 1;
			continue;
		}
		for (size_t b = 0; b < q->nbases; b++)
			if (!strcmp(q->bases[b].code, y->code))
				y->base_fen = q->bases[b].fen;
		if (y->base_fen <= 0)
			return err_set(e, ERR_INPUT, "%s: no base for school %s", q->base_source,
				       y->code);
	}
	for (size_t b = 0; q->bases && b < q->nbases; b++) {
		int known = 0;

		for (size_t u = 0; u < ev->nschools && !known; u++)
			known = !strcmp(ev->schools[u].org->code, q->bases[b].code);
		if (!known)
			return err_set(e, ERR_INPUT, "%s: school '%s' is not a school open in %d",
				       q->base_source, q->bases[b].code, q->year);
	}
	return 0;
}

int payout_compute(struct monitor *m, const struct eval_config *c, const struct payout_request *q,
		   struct payout *p, struct err *e)
{
	size_t want = q->o.smooth_years > 1 ? q->o.smooth_years : 1;
	crypto_hash_sha256_state h;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char line[256];
	json_t *prev = NULL;
	int rc;

	memset(p, 0, sizeof(*p));
	p->year = q->year;
	p->o = q->o;
	snprintf(p->base_source, sizeof(p->base_source), "%s",
		 q->bases ? q->base_source : "enrolment");
	if (want > ALLOC_MAX_YEARS)
		return err_set(e, ERR_INPUT, "at most %d years can be averaged", ALLOC_MAX_YEARS);
	/* the year, and the years before for smoothing (while schools were
	 * open) */
	for (p->nev = 0; p->nev < want; p->nev++) {
		rc = evaluate(m, c, q->year - (int)p->nev, &p->ev[p->nev], e);
		if (rc == ERR_NOTFOUND && p->nev > 0)
			break;
		if (rc < 0)
			return rc;
	}
	if (q->o.max_change > 0 && (rc = payout_prev(monitor_store(m), q->year - 1, &prev, e)) < 0)
		return rc;
	p->schools = xcalloc(p->ev[0].nschools + 1, sizeof(*p->schools));
	for (size_t u = 0; u < p->ev[0].nschools; u++) {
		const struct eval_school *x = &p->ev[0].schools[u];
		struct alloc_school *y = &p->schools[u];
		json_t *before;

		y->code = x->org->code;
		y->score = x->index;
		y->score_lo = x->index_q05;
		y->prev_fen = -1;
		for (size_t k = 1; k < p->nev; k++)
			for (size_t v = 0; v < p->ev[k].nschools; v++)
				if (p->ev[k].schools[v].org == x->org)
					y->history[y->nhistory++] = p->ev[k].schools[v].index;
		before = json_object_get(json_object_get(prev, "schools"), y->code);
		/* a relative limit on nothing would keep nothing for ever: a
		 * school paid nothing last year starts afresh */
		if (json_is_integer(json_object_get(before, "fen")) &&
		    json_integer_value(json_object_get(before, "fen")) > 0)
			y->prev_fen = json_integer_value(json_object_get(before, "fen"));
	}
	json_decref(prev);
	if ((rc = payout_bases(q, p, e)) < 0)
		return rc;
	/* everything the amounts depend on */
	crypto_hash_sha256_init(&h);
	for (size_t k = 0; k < p->nev; k++)
		payout_hash(&h, p->ev[k].inputs_sha256);
	for (size_t u = 0; u < p->ev[0].nschools; u++) {
		snprintf(line, sizeof(line), "\n%s base=%lld prev=%lld", p->schools[u].code,
			 (long long)p->schools[u].base_fen, (long long)p->schools[u].prev_fen);
		payout_hash(&h, line);
	}
	snprintf(line, sizeof(line),
		 "\nrule=%d pool=%lld floor=%.17g cap=%.17g robust=%d smooth=%zu max_change=%.17g",
		 (int)q->o.rule, (long long)q->o.pool_fen, q->o.floor, q->o.cap, q->o.robust,
		 q->o.smooth_years, q->o.max_change);
	payout_hash(&h, line);
	crypto_hash_sha256_final(&h, digest);
	sodium_bin2hex(p->inputs_sha256, sizeof(p->inputs_sha256), digest, sizeof(digest));
	return alloc_run(p->schools, p->ev[0].nschools, &q->o, &p->res, e);
}

void payout_release(struct payout *p)
{
	for (size_t k = 0; k < p->nev; k++)
		eval_result_release(&p->ev[k]);
	free(p->schools);
	alloc_result_release(&p->res);
	memset(p, 0, sizeof(*p));
}

static json_t *payout_options(const struct payout *p)
{
	return json_pack("{s:f, s:f, s:b, s:I, s:f, s:s}", "floor", p->o.floor, "cap", p->o.cap,
			 "robust", p->o.robust, "smooth", (json_int_t)p->o.smooth_years,
			 "max_change", p->o.max_change, "base", p->base_source);
}

json_t *payout_json(const struct payout *p)
{
	json_t *doc = json_object(), *schools = json_object();

	for (size_t u = 0; u < p->ev[0].nschools; u++) {
		const struct eval_school *x = &p->ev[0].schools[u];
		json_t *row = json_pack("{s:s, s:s*, s:I, s:I, s:b, s:b}", "name", x->org->name,
					"name_en", x->org->name_en, "base",
					(json_int_t)p->schools[u].base_fen, "fen",
					(json_int_t)p->res.fen[u], "capped", p->res.capped[u],
					"limited", p->res.limited[u]);

		json_object_set_new(row, "index", isnan(x->index) ? json_null() : json_real(x->index));
		json_object_set_new(row, "score", isnan(p->res.used_score[u])
							  ? json_null()
							  : json_real(p->res.used_score[u]));
		json_object_set_new(schools, x->org->code, row);
	}
	json_object_set_new(doc, "year", json_integer(p->year));
	json_object_set_new(doc, "rule", json_string(p->o.rule == ALLOC_SHARE ? "share" : "uplift"));
	json_object_set_new(doc, "pool", json_integer((json_int_t)p->o.pool_fen));
	json_object_set_new(doc, "allocated", json_integer((json_int_t)p->res.allocated_fen));
	json_object_set_new(doc, "left", json_integer((json_int_t)p->res.left_fen));
	json_object_set_new(doc, "options", payout_options(p));
	json_object_set_new(doc, "inputs_sha256", json_string(p->inputs_sha256));
	json_object_set_new(doc, "schools", schools);
	return doc;
}

int payout_save(struct store *s, const struct payout *p, const char *who, const char *at,
		struct err *e)
{
	json_t *res = payout_json(p), *opt = payout_options(p);
	char *res_text = json_dumps(res, JSON_COMPACT | JSON_SORT_KEYS);
	char *opt_text = json_dumps(opt, JSON_COMPACT | JSON_SORT_KEYS);
	int own = !store_in_transaction(s), rc = 0;

	if ((!own || (rc = store_begin(s, e)) == 0) &&
	    (rc = store_run(s, Q_ALLOC_RUN_INSERT, e, "itttiittt", (int64_t)p->year, at, who,
			    p->o.rule == ALLOC_SHARE ? "share" : "uplift", p->o.pool_fen,
			    p->res.allocated_fen, opt_text, p->inputs_sha256, res_text)) == 0 &&
	    own)
		rc = store_commit(s, e);
	if (rc < 0 && own)
		store_rollback(s);
	free(res_text);
	free(opt_text);
	json_decref(res);
	json_decref(opt);
	return rc;
}

int payout_list(struct store *s, int year, json_t **out, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_ALLOC_RUN_LIST, e);
	int rc;

	*out = json_array();
	if (!st)
		return e->code;
	if (year)
		store_bind_int(st, 1, year);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		json_t *run = json_loads(store_col_text(st, 9), 0, NULL);

		if (!run)
			run = json_object();
		json_object_set_new(run, "id", json_integer(store_col_int(st, 0)));
		json_object_set_new(run, "at", json_string(store_col_text(st, 2)));
		json_object_set_new(run, "who", json_string(store_col_text(st, 3)));
		json_array_append_new(*out, run);
	}
	store_reset(st);
	if (rc < 0) {
		json_decref(*out);
		*out = NULL;
		return rc;
	}
	return 0;
}
