/* coin.c - a composite index through its hierarchy (see coin.h). */
#include "calc/coin.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/rng.h"

void coin_settings_default(struct coin_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->impute = CI_IMPUTE_NONE;
	s->impute_group = -1;
	s->treat_opt.winmax = 5;
	s->treat_opt.skew_thresh = 2;
	s->treat_opt.kurt_thresh = 3.5;
	s->norm.method = CI_NORM_MINMAX;
	s->norm.lower = 0;
	s->norm.upper = 100;
	s->norm.mean = 0;
	s->norm.sd = 1;
	s->norm.scale = 100;
	s->norm.trunc = 1;
	s->agg = CI_AGG_ARITH;
	s->agg_p = 1;
}

/* ---- structure ---------------------------------------------------------------- */

int coin_check(const struct coin *c, struct err *e)
{
	int roots = 0;

	if (!c->nnodes)
		return err_set(e, ERR_INPUT, "the index has no indicators");
	for (size_t i = 0; i < c->nnodes; i++) {
		const struct coin_node *n = &c->nodes[i];
		int steps = 0;

		for (size_t j = 0; j < i; j++)
			if (!strcmp(c->nodes[j].code, n->code))
				return err_set(e, ERR_INPUT, "'%s' is in the structure twice", n->code);
		if (n->level < 1)
			return err_set(e, ERR_INPUT, "'%s': level %d, levels start at 1", n->code,
				       n->level);
		if (!isfinite(n->weight) || n->weight < 0)
			return err_set(e, ERR_INPUT, "'%s': weight %g, weights must be >= 0",
				       n->code, n->weight);
		if (n->direction != 1 && n->direction != -1)
			return err_set(e, ERR_INPUT, "'%s': direction %d, it must be 1 or -1",
				       n->code, n->direction);
		if (n->parent < 0) {
			if (++roots > 1)
				return err_set(e, ERR_INPUT,
					       "'%s' has no parent, and neither has another node: the "
					       "structure must have one top (the index)",
					       n->code);
			continue;
		}
		if ((size_t)n->parent >= c->nnodes)
			return err_set(e, ERR_INPUT, "'%s': its parent is not in the structure",
				       n->code);
		if (c->nodes[n->parent].level <= n->level)
			return err_set(e, ERR_INPUT,
				       "'%s' (level %d) has parent '%s' of level %d: a parent must be "
				       "of a higher level",
				       n->code, n->level, c->nodes[n->parent].code,
				       c->nodes[n->parent].level);
		/* higher levels each step up: a chain ends within nnodes steps */
		for (int p = n->parent; p >= 0; p = c->nodes[p].parent)
			if (++steps > (int)c->nnodes)
				return err_set(e, ERR_INPUT, "'%s': its parents form a cycle", n->code);
	}
	if (!roots)
		return err_set(e, ERR_INPUT, "every node has a parent: the structure has no top");
	for (size_t i = 0; i < c->nnodes; i++) {
		int children = 0;

		for (size_t j = 0; j < c->nnodes; j++)
			children += c->nodes[j].parent == (int)i;
		if (c->nodes[i].level > 1 && !children)
			return err_set(e, ERR_INPUT, "aggregate '%s' has no children", c->nodes[i].code);
		if (children) {
			double sum = 0;

			for (size_t j = 0; j < c->nnodes; j++)
				if (c->nodes[j].parent == (int)i)
					sum += c->nodes[j].weight;
			if (!(sum > 0))
				return err_set(e, ERR_INPUT,
					       "aggregate '%s': its children's weights sum to 0",
					       c->nodes[i].code);
		}
		if (c->nodes[i].level == 1 && children)
			return err_set(e, ERR_INPUT,
				       "'%s' is an indicator (level 1) but has children", c->nodes[i].code);
	}
	return 0;
}

static int coin_root(const struct coin *c)
{
	for (size_t i = 0; i < c->nnodes; i++)
		if (c->nodes[i].parent < 0)
			return (int)i;
	return -1;
}

void coin_effective_weights(const struct coin *c, double *w)
{
	for (size_t i = 0; i < c->nnodes; i++) {
		w[i] = 1;
		for (int k = (int)i; c->nodes[k].parent >= 0; k = c->nodes[k].parent) {
			double sum = 0;

			for (size_t j = 0; j < c->nnodes; j++)
				if (c->nodes[j].parent == c->nodes[k].parent)
					sum += c->nodes[j].weight;
			w[i] *= sum > 0 ? c->nodes[k].weight / sum : 0;
		}
	}
}

/* ---- the aggregation plan ------------------------------------------------------- */

/* The aggregates in the order they can be computed (lower levels first),
 * each with its children: what every replication of the uncertainty
 * analysis walks, so it is built once. */
struct coin_plan {
	size_t nagg, maxkids;
	int *agg;    /* nagg node indices */
	size_t *off; /* nagg + 1 offsets into kids */
	int *kids;
	unsigned char *is_ind; /* per kid: an indicator (level 1) */
};

static void coin_plan_build(const struct coin *c, struct coin_plan *p)
{
	int top = 1;
	size_t k = 0;

	memset(p, 0, sizeof(*p));
	for (size_t i = 0; i < c->nnodes; i++)
		top = c->nodes[i].level > top ? c->nodes[i].level : top;
	p->agg = xmalloc(c->nnodes * sizeof(*p->agg));
	p->off = xmalloc((c->nnodes + 1) * sizeof(*p->off));
	p->kids = xmalloc(c->nnodes * sizeof(*p->kids));
	p->is_ind = xmalloc(c->nnodes + 1);
	for (int level = 2; level <= top; level++)
		for (size_t i = 0; i < c->nnodes; i++) {
			size_t start = k;

			if (c->nodes[i].level != level)
				continue;
			p->off[p->nagg] = k;
			for (size_t j = 0; j < c->nnodes; j++)
				if (c->nodes[j].parent == (int)i) {
					p->is_ind[k] = c->nodes[j].level == 1;
					p->kids[k++] = (int)j;
				}
			p->maxkids = k - start > p->maxkids ? k - start : p->maxkids;
			p->agg[p->nagg++] = (int)i;
		}
	p->off[p->nagg] = k;
}

static void coin_plan_free(struct coin_plan *p)
{
	free(p->agg);
	free(p->off);
	free(p->kids);
	free(p->is_ind);
}

/* Aggregate every unit's scores (unit-major, nnodes wide) up the plan with
 * weights w (per node). */
/* TOPSIS as the aggregator: each aggregate is the closeness (x 100) of
 * every unit with all its children present, across those units; the
 * children are directed already (normalised), so every type is +1. A unit
 * with a gap, or fewer than two complete units, has no value. */
static int coin_aggregate_topsis(const struct coin *c, const struct coin_plan *p, double *score,
				 const double *w, enum ci_topsis_norm norm, struct err *e)
{
	double *m = xmalloc((c->nunits * p->maxkids + 1) * sizeof(*m));
	double *kw = xmalloc((p->maxkids + 1) * sizeof(*kw)), *cl = xmalloc((c->nunits + 1) * sizeof(*cl));
	int *type = xmalloc((p->maxkids + 1) * sizeof(*type));
	size_t *who = xmalloc((c->nunits + 1) * sizeof(*who));
	int rc = 0;

	for (size_t a = 0; a < p->nagg && !rc; a++) {
		size_t n = p->off[a + 1] - p->off[a], rows = 0;

		for (size_t k = 0; k < n; k++) {
			kw[k] = w[p->kids[p->off[a] + k]];
			type[k] = 1;
		}
		for (size_t u = 0; u < c->nunits; u++) {
			const double *row = score + u * c->nnodes;
			int whole = 1;

			for (size_t k = 0; k < n && whole; k++)
				whole = !isnan(row[p->kids[p->off[a] + k]]);
			score[u * c->nnodes + (size_t)p->agg[a]] = NAN;
			if (!whole)
				continue;
			for (size_t k = 0; k < n; k++)
				m[rows * n + k] = row[p->kids[p->off[a] + k]];
			who[rows++] = u;
		}
		if (rows < 2)
			continue;
		if ((rc = ci_topsis(m, rows, n, kw, type, norm, cl, e)) < 0) {
			err_wrap(e, "aggregate '%s'", c->nodes[p->agg[a]].code);
			break;
		}
		for (size_t i = 0; i < rows; i++)
			score[who[i] * c->nnodes + (size_t)p->agg[a]] = 100 * cl[i];
	}
	free(m);
	free(kw);
	free(cl);
	free(type);
	free(who);
	return rc;
}

static int coin_aggregate(const struct coin *c, const struct coin_plan *p, double *score,
			  const double *w, enum ci_agg agg, const struct coin_settings *s,
			  struct err *e)
{
	double *x, *kw;
	int rc = 0;

	if (agg == CI_AGG_TOPSIS)
		return coin_aggregate_topsis(c, p, score, w, s->topsis_norm, e);
	x = xmalloc((p->maxkids + 1) * sizeof(*x));
	kw = xmalloc((p->maxkids + 1) * sizeof(*kw));
	for (size_t u = 0; u < c->nunits && !rc; u++) {
		double *row = score + u * c->nnodes;

		for (size_t a = 0; a < p->nagg && !rc; a++) {
			size_t n = p->off[a + 1] - p->off[a];

			for (size_t k = 0; k < n; k++) {
				int kid = p->kids[p->off[a] + k];

				x[k] = row[kid];
				kw[k] = w[kid];
			}
			if ((rc = ci_aggregate(x, kw, n, agg, s->agg_p, s->dat_thresh, &row[p->agg[a]],
					       e)) < 0)
				err_wrap(e, "unit '%s', aggregate '%s'", c->units[u],
					 c->nodes[p->agg[a]].code);
		}
	}
	free(x);
	free(kw);
	return rc;
}

/* ---- the steps before aggregation -------------------------------------------- */

/* Group numbers of column g: units with the same label share a number. */
static int *coin_group_ids(const struct coin *c, int g)
{
	int *id = xmalloc((c->nunits ? c->nunits : 1) * sizeof(*id));

	for (size_t u = 0; u < c->nunits; u++) {
		const char *label = c->groups[u * c->ngroups + (size_t)g];

		id[u] = (int)u;
		for (size_t v = 0; v < u; v++)
			if (!strcmp(c->groups[v * c->ngroups + (size_t)g], label)) {
				id[u] = id[v];
				break;
			}
	}
	return id;
}

/* Denominate, impute, screen, treat and normalise into score (unit-major,
 * nnodes wide; aggregates' columns NAN); impute is the method to use. */
static int coin_prepare(const struct coin *c, const struct coin_settings *s,
			enum ci_impute impute, const struct ci_norm_opt *norm, double *score,
			struct coin_result *r, struct err *e)
{
	size_t nind = 0;
	int *gid = NULL;

	for (size_t i = 0; i < c->nnodes; i++)
		nind += c->nodes[i].level == 1;
	for (size_t u = 0; u < c->nunits; u++)
		for (size_t i = 0; i < c->nnodes; i++) {
			double v = c->nodes[i].level == 1 ? c->x[u * c->nnodes + i] : NAN;
			int d = c->nodes[i].denominator;

			if (s->denominate && d >= 0 && c->nodes[i].level == 1) {
				double by = c->denom[u * c->ndenoms + (size_t)d];

				v = by != 0 && isfinite(by) ? v / by : NAN;
			}
			score[u * c->nnodes + i] = v;
		}
	if (impute == CI_IMPUTE_GROUP_MEAN || impute == CI_IMPUTE_GROUP_MEDIAN) {
		if (s->impute_group < 0 || (size_t)s->impute_group >= c->ngroups)
			return err_set(e, ERR_INPUT, "imputing by group needs a group column");
		gid = coin_group_ids(c, s->impute_group);
	}
	r->imputed = 0;
	for (size_t i = 0; i < c->nnodes; i++)
		if (c->nodes[i].level == 1)
			r->imputed += ci_impute(score + i, c->nunits, c->nnodes, impute, gid);
	free(gid);
	for (size_t u = 0; u < c->nunits; u++) {
		size_t have = 0;

		for (size_t i = 0; i < c->nnodes; i++)
			have += c->nodes[i].level == 1 && !isnan(score[u * c->nnodes + i]);
		r->kept[u] = !nind || (double)have / (double)nind >= s->min_availability - 1e-12;
		r->kept[u] = r->kept[u] && have > 0;
		if (!r->kept[u])
			for (size_t i = 0; i < c->nnodes; i++)
				score[u * c->nnodes + i] = NAN;
	}
	for (size_t i = 0; i < c->nnodes; i++) {
		const struct coin_node *n = &c->nodes[i];
		struct ci_norm_opt o = *norm;

		memset(&r->treated[i], 0, sizeof(r->treated[i]));
		r->flat[i] = 0;
		if (n->level != 1)
			continue;
		if (s->treat)
			ci_treat(score + i, c->nunits, c->nnodes, &s->treat_opt, &r->treated[i]);
		if (!s->normalise)
			continue;
		if (o.method == CI_NORM_GOALPOSTS && !isnan(n->post_lo) && !isnan(n->post_hi)) {
			o.lower = n->post_lo;
			o.upper = n->post_hi;
		}
		if (o.method == CI_NORM_GOALPOSTS && !(o.upper > o.lower))
			return err_set(e, ERR_INPUT,
				       "indicator '%s' has no goalposts (lower < upper) to "
				       "normalise by",
				       n->code);
		if (o.method == CI_NORM_DIST2TARG) {
			if (isnan(n->target))
				return err_set(e, ERR_INPUT,
					       "indicator '%s' has no target for distance to target",
					       n->code);
			o.target = n->target;
		}
		r->flat[i] = ci_normalise(score + i, c->nunits, c->nnodes, n->direction, &o);
	}
	return 0;
}

/* The rank of each unit by the root's score. */
static void coin_ranks(const struct coin *c, const double *score, int root, double *tmp,
		       int *rank)
{
	for (size_t u = 0; u < c->nunits; u++)
		tmp[u] = score[u * c->nnodes + (size_t)root];
	ci_rank(tmp, c->nunits, rank);
}

static void coin_weights(const struct coin *c, double *w)
{
	for (size_t i = 0; i < c->nnodes; i++)
		w[i] = c->nodes[i].weight;
}

int coin_run(const struct coin *c, const struct coin_settings *s, struct coin_result *r,
	     struct err *e)
{
	struct coin_plan p;
	double *w, *tmp;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = coin_check(c, e)) < 0)
		return rc;
	r->nunits = c->nunits;
	r->nnodes = c->nnodes;
	r->root = coin_root(c);
	r->kept = xcalloc(c->nunits + 1, sizeof(*r->kept));
	r->score = xmalloc((c->nunits * c->nnodes + 1) * sizeof(*r->score));
	r->rank = xcalloc(c->nunits + 1, sizeof(*r->rank));
	r->treated = xcalloc(c->nnodes, sizeof(*r->treated));
	r->flat = xcalloc(c->nnodes, sizeof(*r->flat));
	if ((rc = coin_prepare(c, s, s->impute, &s->norm, r->score, r, e)) < 0) {
		coin_result_release(r);
		return rc;
	}
	coin_plan_build(c, &p);
	w = xmalloc(c->nnodes * sizeof(*w));
	tmp = xmalloc((c->nunits + 1) * sizeof(*tmp));
	coin_weights(c, w);
	rc = coin_aggregate(c, &p, r->score, w, s->agg, s, e);
	if (!rc)
		coin_ranks(c, r->score, r->root, tmp, r->rank);
	free(w);
	free(tmp);
	coin_plan_free(&p);
	if (rc < 0)
		coin_result_release(r);
	return rc;
}

void coin_result_release(struct coin_result *r)
{
	free(r->kept);
	free(r->score);
	free(r->rank);
	free(r->treated);
	free(r->flat);
	memset(r, 0, sizeof(*r));
}

/* ---- uncertainty ---------------------------------------------------------------- */

/* One prepared data set: the normalised indicators under one imputation
 * and one normalisation, and their logarithms for geometric means (which
 * are computed in log space: the log of a geometric mean is the weighted
 * mean of the logs, and ranks do not change under exp). */
struct coin_prepared {
	double *score;
	double *logs;
	int nonpositive; /* an indicator value <= 0: no geometric mean */
	/* the indicators by plan kid, a column of every unit each (NAN where
	 * the kid is an aggregate), values and logs; gap[u]: a unit missing
	 * one */
	double *packed, *packed_logs;
	unsigned char *gap;
};

/* Mean |rank - nominal| over the units that have both. */
static double coin_shift(const int *rank, const int *nominal, size_t n)
{
	double sum = 0;
	size_t k = 0;

	for (size_t u = 0; u < n; u++)
		if (rank[u] && nominal[u]) {
			sum += abs(rank[u] - nominal[u]);
			k++;
		}
	return k ? sum / (double)k : 0;
}

/* The k-th smallest (0-based) of a unit's ranks, from its histogram. */
static double coin_order_stat(const uint32_t *hist, size_t nbins, size_t k)
{
	size_t seen = 0;

	for (size_t b = 0; b < nbins; b++) {
		seen += hist[b];
		if (seen > k)
			return (double)b;
	}
	return (double)(nbins - 1);
}

/* Quantile p of the total ranks in hist, as R's type 7. */
static double coin_quantile(const uint32_t *hist, size_t nbins, size_t total, double p)
{
	double h = (double)(total - 1) * p, lo = floor(h);
	double a = coin_order_stat(hist, nbins, (size_t)lo);
	double b = lo + 1 < (double)total ? coin_order_stat(hist, nbins, (size_t)lo + 1) : a;

	return a + (h - lo) * (b - a);
}

/* The run state the replications share. */
struct coin_mc {
	const struct coin *c;
	const struct coin_settings *s;
	struct coin_plan plan;
	int root;
	size_t nimp, nnorm;
	struct coin_prepared *prep; /* nimp x nnorm */
	double *score, *w, *tmp;
	int *rank;
	/* the units, best first, as the last replication with the same
	 * prepared set and mean ranked them: one order per such pair */
	size_t *orders;
	double *wn;    /* per plan kid: its weight over its siblings' sum */
	double *acol;  /* per node, a column of every unit: the aggregates */
	struct coin_result scratch;
};

/* Rank m->tmp into m->rank (1 best, ties at the minimum, 0 for none).
 * Replications with the same prepared set and mean rank the units much as
 * the last such one did (only the weights differ), so its order is sorted
 * again by insertion: linear in the units plus the moves. */
static void coin_mc_ranks(struct coin_mc *m, size_t slot)
{
	size_t n = m->c->nunits, *o = m->orders + slot * n;
	double *v = m->tmp;

	/* no value sorts last: -inf, then plain comparisons */
	for (size_t u = 0; u < n; u++)
		if (isnan(v[u])) {
			v[u] = -INFINITY;
			m->rank[u] = -1;
		} else {
			m->rank[u] = 1;
		}
	for (size_t i = 1; i < n; i++) {
		size_t x = o[i], lo = 0, hi = i;
		double key = v[x];

		if (!(key > v[o[i - 1]]))
			continue; /* in place already: the common case */
		/* where it goes among the sorted ones: a binary search, then
		 * one move of the block after it */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (key > v[o[mid]])
				hi = mid;
			else
				lo = mid + 1;
		}
		memmove(o + lo + 1, o + lo, (i - lo) * sizeof(*o));
		o[lo] = x;
	}
	for (size_t i = 0; i < n; i++) {
		size_t u = o[i];

		m->rank[u] = m->rank[u] < 0			   ? 0
			     : i && v[u] == v[o[i - 1]] ? m->rank[o[i - 1]]
							   : (int)i + 1;
	}
}

/* out += a * x over n values; apart, so that the compiler may use
 * vector instructions, four values a step for the same reason; built for
 * AVX2 too where the compiler can (picked at run time), as this loop is
 * most of an uncertainty analysis. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
static void coin_axpy(double *restrict out, const double *restrict x, double a, size_t n)
{
	size_t u = 0;

	for (; u + 4 <= n; u += 4) {
		out[u] += a * x[u];
		out[u + 1] += a * x[u + 1];
		out[u + 2] += a * x[u + 2];
		out[u + 3] += a * x[u + 3];
	}
	for (; u < n; u++)
		out[u] += a * x[u];
}

/* Lay prepared set p out for the fast path (struct coin_prepared). */
static void coin_pack(const struct coin_mc *m, struct coin_prepared *p)
{
	const struct coin *c = m->c;
	size_t nk = m->plan.off[m->plan.nagg];

	p->packed = xmalloc((c->nunits * nk + 1) * sizeof(double));
	p->packed_logs = xmalloc((c->nunits * nk + 1) * sizeof(double));
	p->gap = xcalloc(c->nunits + 1, 1);
	for (size_t u = 0; u < c->nunits; u++)
		for (size_t k = 0; k < nk; k++) {
			size_t at = u * c->nnodes + (size_t)m->plan.kids[k];

			p->packed[k * c->nunits + u] = m->plan.is_ind[k] ? p->score[at] : NAN;
			p->packed_logs[k * c->nunits + u] = m->plan.is_ind[k] ? p->logs[at] : NAN;
			if (m->plan.is_ind[k] && isnan(p->score[at]))
				p->gap[u] = 1;
		}
}

/* Aggregate prepared set prep with weights w and method agg into ranks.
 * The arithmetic and geometric means, the replications' usual choices,
 * take a fast path: the indicators are read where they are prepared, only
 * the aggregates are written, and no logarithm is taken per replication. */
static int coin_mc_rank(struct coin_mc *m, const struct coin_prepared *prep, const double *w,
			enum ci_agg agg, struct err *e)
{
	const struct coin *c = m->c;
	const struct coin_plan *p = &m->plan;
	const double *src;
	int rc;

	if (agg != CI_AGG_ARITH && agg != CI_AGG_GEOM) {
		memcpy(m->score, prep->score, c->nunits * c->nnodes * sizeof(*m->score));
		rc = coin_aggregate(c, p, m->score, w, agg, m->s, e);
		if (!rc)
			coin_ranks(c, m->score, m->root, m->tmp, m->rank);
		return rc;
	}
	if (agg == CI_AGG_GEOM && prep->nonpositive)
		return err_set(e, ERR_INPUT,
			       "a geometric mean needs values > 0: normalise to e.g. [1, 100] "
			       "(an alternative of the uncertainty analysis gives 0 or less)");
	src = agg == CI_AGG_GEOM ? prep->logs : prep->score;
	/* each kid's share of its siblings' weight, for units with every
	 * value; a unit with a gap renormalises over what it has */
	for (size_t a = 0; a < p->nagg; a++) {
		double sw = 0;

		for (size_t k = p->off[a]; k < p->off[a + 1]; k++)
			sw += w[p->kids[k]];
		for (size_t k = p->off[a]; k < p->off[a + 1]; k++)
			m->wn[k] = sw > 0 ? w[p->kids[k]] / sw : 0;
	}
	/* every unit at once, aggregate by aggregate: each kid's column
	 * scaled and added, contiguous, so the compiler vectorises it */
	{
		const double *packed = agg == CI_AGG_GEOM ? prep->packed_logs : prep->packed;
		size_t n = c->nunits;

		for (size_t a = 0; a < p->nagg; a++) {
			double *out = m->acol + (size_t)p->agg[a] * n;

			memset(out, 0, n * sizeof(*out));
			for (size_t k = p->off[a]; k < p->off[a + 1]; k++) {
				coin_axpy(out,
					  p->is_ind[k] ? packed + k * n : m->acol + (size_t)p->kids[k] * n,
					  m->wn[k], n);
			}
		}
		memcpy(m->tmp, m->acol + (size_t)m->root * n, n * sizeof(*m->tmp));
	}
	/* a unit with a gap: again alone, renormalising over what it has */
	for (size_t u = 0; u < c->nunits; u++) {
		const double *in = src + u * c->nnodes;
		double *row = m->score + u * c->nnodes;

		if (!prep->gap[u])
			continue;
		for (size_t a = 0; a < p->nagg; a++) {
			size_t n = p->off[a + 1] - p->off[a], present = 0;
			double acc = 0, sw = 0;

			for (size_t k = p->off[a]; k < p->off[a + 1]; k++) {
				int kid = p->kids[k];
				double v = p->is_ind[k] ? in[kid] : row[kid];

				if (isnan(v))
					continue;
				present++;
				acc += w[kid] * v;
				sw += w[kid];
			}
			row[p->agg[a]] = (double)present / (double)n < m->s->dat_thresh - 1e-12 ||
						 !(sw > 0)
					       ? NAN
					       : acc / sw;
		}
		m->tmp[u] = row[m->root];
	}
	coin_mc_ranks(m, (size_t)(prep - m->prep) * 4 + (size_t)agg);
	return 0;
}

static void coin_noisy_weights(const struct coin *c, double f, struct rng *g, double *w)
{
	for (size_t i = 0; i < c->nnodes; i++)
		w[i] = c->nodes[i].weight * (1 + f * (2 * rng_uniform(g) - 1));
}

#define COIN_CHUNK 250 /* replications per random stream */

static int coin_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Quantiles (R's type 7) of unit u's index over the replications that
 * gave it one. */
static void coin_score_quantiles(const double *scores, size_t reps, size_t nunits, size_t u,
				 struct coin_ua_unit *x)
{
	double *v = xmalloc((reps + 1) * sizeof(*v));
	size_t n = 0;
	const double p[3] = {0.5, 0.05, 0.95};
	double *out[3] = {&x->score_median, &x->score_q05, &x->score_q95};

	for (size_t r = 0; r < reps; r++)
		if (!isnan(scores[r * nunits + u]))
			v[n++] = scores[r * nunits + u];
	qsort(v, n, sizeof(*v), coin_cmp_double);
	for (int k = 0; k < 3 && n; k++) {
		double h = (double)(n - 1) * p[k], lo = floor(h);
		size_t i = (size_t)lo;

		*out[k] = v[i] + (i + 1 < n ? (h - lo) * (v[i + 1] - v[i]) : 0);
	}
	free(v);
}

/* A worker's own copy of the run state: shared data, its own scratch. */
struct coin_worker {
	struct coin_mc m;
	const struct coin_ua *ua;
	const enum ci_agg *aggs;
	size_t nagg, first, stride;
	uint32_t *hist;
	double *sum;
	double *scores; /* reps x nunits root scores, or NULL */
	int rc;
	struct err e;
};

static void coin_scratch_alloc(struct coin_mc *m)
{
	const struct coin *c = m->c;

	m->score = xmalloc((c->nunits * c->nnodes + 1) * sizeof(double));
	m->w = xmalloc((c->nnodes + 1) * sizeof(double));
	m->tmp = xmalloc((c->nunits + 1) * sizeof(double));
	m->rank = xcalloc(c->nunits + 1, sizeof(int));
	m->orders = xmalloc((m->nimp * m->nnorm * 4 * c->nunits + 1) * sizeof(size_t));
	for (size_t k = 0; k < m->nimp * m->nnorm * 4; k++)
		for (size_t u = 0; u < c->nunits; u++)
			m->orders[k * c->nunits + u] = u;
	m->wn = xmalloc((c->nnodes + 1) * sizeof(double));
	m->acol = xmalloc((c->nnodes * c->nunits + 1) * sizeof(double));
}

static void coin_scratch_free(struct coin_mc *m)
{
	free(m->score);
	free(m->w);
	free(m->tmp);
	free(m->rank);
	free(m->orders);
	free(m->wn);
	free(m->acol);
}

static void *coin_worker_run(void *arg)
{
	struct coin_worker *wk = arg;
	const struct coin *c = wk->m.c;
	size_t nbins = c->nunits + 1, chunks = (wk->ua->reps + COIN_CHUNK - 1) / COIN_CHUNK;

	for (size_t ch = wk->first; ch < chunks && !wk->rc; ch += wk->stride) {
		size_t end = (ch + 1) * COIN_CHUNK < wk->ua->reps ? (ch + 1) * COIN_CHUNK : wk->ua->reps;
		struct rng g;

		rng_seed_stream(&g, wk->ua->seed, ch);
		for (size_t rep = ch * COIN_CHUNK; rep < end && !wk->rc; rep++) {
			size_t i = (size_t)rng_below(&g, wk->m.nimp);
			size_t j = (size_t)rng_below(&g, wk->m.nnorm);
			enum ci_agg a = wk->aggs[rng_below(&g, wk->nagg)];

			coin_noisy_weights(c, wk->ua->weight_noise, &g, wk->m.w);
			if ((wk->rc = coin_mc_rank(&wk->m, &wk->m.prep[i * wk->m.nnorm + j], wk->m.w,
						   a, &wk->e)) < 0)
				break;
			for (size_t u = 0; u < c->nunits; u++) {
				wk->hist[u * nbins + (size_t)wk->m.rank[u]]++;
				wk->sum[u] += wk->m.rank[u];
			}
			/* the fast geometric path leaves logs in tmp */
			for (size_t u = 0; wk->scores && u < c->nunits; u++) {
				double v = wk->m.tmp[u]; /* -inf: no value (coin_mc_ranks) */

				wk->scores[rep * c->nunits + u] = !isfinite(v)		? NAN
								  : a == CI_AGG_GEOM ? exp(v)
										     : v;
			}
		}
	}
	return NULL;
}

/* The replications of the uncertainty analysis on every processor, their
 * rank histograms and rank sums added into hist and sum. */
static int coin_mc_parallel(const struct coin_mc *m, const struct coin_ua *ua,
			    const enum ci_agg *aggs, size_t nagg, uint32_t *hist, double *sum,
			    double *scores, struct err *e)
{
	size_t chunks = (ua->reps + COIN_CHUNK - 1) / COIN_CHUNK, nbins = m->c->nunits + 1;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nw = ua->threads > 0 ? (size_t)ua->threads : cpus > 1 ? (size_t)(cpus < 8 ? cpus : 8) : 1;
	struct coin_worker *wk;
	pthread_t *th;
	int rc = 0;

	nw = nw < chunks ? nw : chunks;
	wk = xcalloc(nw, sizeof(*wk));
	th = xcalloc(nw, sizeof(*th));
	for (size_t t = 0; t < nw; t++) {
		wk[t].m = *m;
		coin_scratch_alloc(&wk[t].m);
		wk[t].ua = ua;
		wk[t].aggs = aggs;
		wk[t].nagg = nagg;
		wk[t].first = t;
		wk[t].stride = nw;
		wk[t].hist = xcalloc(m->c->nunits * nbins + 1, sizeof(uint32_t));
		wk[t].sum = xcalloc(m->c->nunits + 1, sizeof(double));
		wk[t].scores = scores; /* replications write apart */
		err_clear(&wk[t].e);
	}
	/* worker 0 runs here; a thread that cannot start leaves its chunks
	 * to this one */
	for (size_t t = 1; t < nw; t++)
		if (pthread_create(&th[t], NULL, coin_worker_run, &wk[t]) != 0) {
			wk[t].stride = 0; /* marks: not started */
			rc = -1;
		}
	coin_worker_run(&wk[0]);
	for (size_t t = 1; t < nw; t++)
		if (wk[t].stride)
			pthread_join(th[t], NULL);
	if (rc) {
		/* run the chunks of the workers that did not start, here */
		for (size_t t = 1; t < nw; t++)
			if (!wk[t].stride) {
				wk[t].stride = nw;
				coin_worker_run(&wk[t]);
			}
		rc = 0;
	}
	for (size_t t = 0; t < nw; t++) {
		if (!rc && wk[t].rc < 0) {
			rc = wk[t].rc;
			*e = wk[t].e;
		}
		for (size_t k = 0; k < m->c->nunits * nbins; k++)
			hist[k] += wk[t].hist[k];
		for (size_t u = 0; u < m->c->nunits; u++)
			sum[u] += wk[t].sum[u];
		free(wk[t].hist);
		free(wk[t].sum);
		coin_scratch_free(&wk[t].m);
	}
	free(wk);
	free(th);
	return rc;
}

int coin_uncertainty(const struct coin *c, const struct coin_settings *s,
		     const struct coin_ua *ua, struct coin_ua_result *out, struct err *e)
{
	struct coin_mc m;
	enum ci_impute imps[4];
	struct ci_norm_opt norms[4];
	enum ci_agg aggs[4];
	size_t nagg, nbins = c->nunits + 1;
	uint32_t *hist = NULL;
	double *sum = NULL, *w0, *scores = NULL;
	int *nominal;
	struct rng g;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&m, 0, sizeof(m));
	rng_seed_stream(&g, ua->seed, UINT64_MAX); /* the one-at-a-time draws */
	if ((rc = coin_check(c, e)) < 0)
		return rc;
	if (!ua->reps)
		return err_set(e, ERR_INPUT, "the uncertainty analysis needs at least 1 replication");
	m.c = c;
	m.s = s;
	m.root = coin_root(c);
	m.nimp = ua->nimputes ? ua->nimputes : 1;
	m.nnorm = ua->nnorms ? ua->nnorms : 1;
	nagg = ua->naggs ? ua->naggs : 1;
	for (size_t i = 0; i < 4; i++) {
		imps[i] = ua->nimputes ? ua->imputes[i] : s->impute;
		norms[i] = ua->nnorms ? ua->norms[i] : s->norm;
		aggs[i] = ua->naggs ? ua->aggs[i] : s->agg;
	}
	/* the nominal choice first in each list, so prep[0] is the nominal */
	imps[0] = s->impute;
	norms[0] = s->norm;
	aggs[0] = s->agg;
	if (ua->nimputes)
		for (size_t i = 1; i < m.nimp; i++)
			imps[i] = ua->imputes[i] == s->impute ? ua->imputes[0] : ua->imputes[i];
	if (ua->nnorms)
		for (size_t i = 1; i < m.nnorm; i++)
			norms[i] = ua->norms[i].method == s->norm.method ? ua->norms[0] : ua->norms[i];
	if (ua->naggs)
		for (size_t i = 1; i < nagg; i++)
			aggs[i] = ua->aggs[i] == s->agg ? ua->aggs[0] : ua->aggs[i];
	coin_plan_build(c, &m.plan);
	coin_scratch_alloc(&m);
	m.scratch.kept = xcalloc(c->nunits + 1, sizeof(int));
	m.scratch.treated = xcalloc(c->nnodes, sizeof(*m.scratch.treated));
	m.scratch.flat = xcalloc(c->nnodes, sizeof(int));
	m.prep = xcalloc(m.nimp * m.nnorm, sizeof(*m.prep));
	for (size_t i = 0; i < m.nimp && !rc; i++)
		for (size_t j = 0; j < m.nnorm && !rc; j++) {
			struct coin_prepared *p = &m.prep[i * m.nnorm + j];

			p->score = xmalloc((c->nunits * c->nnodes + 1) * sizeof(double));
			p->logs = xmalloc((c->nunits * c->nnodes + 1) * sizeof(double));
			rc = coin_prepare(c, s, imps[i], &norms[j], p->score, &m.scratch, e);
			for (size_t k = 0; k < c->nunits * c->nnodes && !rc; k++) {
				double v = p->score[k];

				p->nonpositive |= c->nodes[k % c->nnodes].level == 1 && v <= 0;
				p->logs[k] = v > 0 ? log(v) : NAN;
			}
			coin_pack(&m, p);
		}
	w0 = xmalloc(c->nnodes * sizeof(double));
	nominal = xcalloc(c->nunits + 1, sizeof(int));
	coin_weights(c, w0);
	if (!rc && !(rc = coin_mc_rank(&m, &m.prep[0], w0, aggs[0], e)))
		memcpy(nominal, m.rank, c->nunits * sizeof(int));
	hist = xcalloc(c->nunits * nbins + 1, sizeof(*hist));
	sum = xcalloc(c->nunits + 1, sizeof(*sum));
	if (ua->keep_scores)
		scores = xmalloc((ua->reps * c->nunits + 1) * sizeof(*scores));
	/* every choice drawn at once, in chunks of replications each with its
	 * own random stream: the workers share them out, and the result is
	 * the same for any number of workers */
	if (!rc)
		rc = coin_mc_parallel(&m, ua, aggs, nagg, hist, sum, scores, e);
	out->nunits = c->nunits;
	out->units = xcalloc(c->nunits + 1, sizeof(*out->units));
	for (size_t u = 0; u < c->nunits && !rc; u++) {
		struct coin_ua_unit *x = &out->units[u];
		uint32_t *h = hist + u * nbins;
		size_t n;

		x->nominal = nominal[u];
		x->median = x->q05 = x->q95 = x->mean = NAN;
		/* over the replications that gave the unit a rank (bin 0: none) */
		n = ua->reps - h[0];
		if (!nominal[u] || !n)
			continue;
		x->mean = sum[u] / (double)n;
		x->median = 1 + coin_quantile(h + 1, nbins - 1, n, 0.5);
		x->q05 = 1 + coin_quantile(h + 1, nbins - 1, n, 0.05);
		x->q95 = 1 + coin_quantile(h + 1, nbins - 1, n, 0.95);
	}
	for (size_t u = 0; u < c->nunits && !rc; u++) {
		struct coin_ua_unit *x = &out->units[u];

		x->score_median = x->score_q05 = x->score_q95 = NAN;
		if (scores && x->nominal)
			coin_score_quantiles(scores, ua->reps, c->nunits, u, x);
	}
	/* each choice alone */
	out->shift_weights = out->shift_norm = out->shift_agg = out->shift_impute = NAN;
	if (!rc && ua->weight_noise > 0) {
		double total = 0;
		size_t reps = ua->reps < 1000 ? ua->reps : 1000;

		for (size_t rep = 0; rep < reps && !rc; rep++) {
			coin_noisy_weights(c, ua->weight_noise, &g, m.w);
			if (!(rc = coin_mc_rank(&m, &m.prep[0], m.w, aggs[0], e)))
				total += coin_shift(m.rank, nominal, c->nunits);
		}
		out->shift_weights = total / (double)reps;
	}
	if (!rc && m.nnorm > 1) {
		double total = 0;

		for (size_t j = 1; j < m.nnorm && !rc; j++)
			if (!(rc = coin_mc_rank(&m, &m.prep[j], w0, aggs[0], e)))
				total += coin_shift(m.rank, nominal, c->nunits);
		out->shift_norm = total / (double)(m.nnorm - 1);
	}
	if (!rc && m.nimp > 1) {
		double total = 0;

		for (size_t i = 1; i < m.nimp && !rc; i++)
			if (!(rc = coin_mc_rank(&m, &m.prep[i * m.nnorm], w0, aggs[0], e)))
				total += coin_shift(m.rank, nominal, c->nunits);
		out->shift_impute = total / (double)(m.nimp - 1);
	}
	if (!rc && nagg > 1) {
		double total = 0;

		for (size_t a = 1; a < nagg && !rc; a++)
			if (!(rc = coin_mc_rank(&m, &m.prep[0], w0, aggs[a], e)))
				total += coin_shift(m.rank, nominal, c->nunits);
		out->shift_agg = total / (double)(nagg - 1);
	}
	/* removing each dimension (child of the root) */
	out->remove_node = xcalloc(c->nnodes, sizeof(int));
	out->remove_shift = xcalloc(c->nnodes, sizeof(double));
	for (size_t i = 0; i < c->nnodes && !rc; i++) {
		if (c->nodes[i].parent != m.root)
			continue;
		memcpy(m.w, w0, c->nnodes * sizeof(double));
		m.w[i] = 0;
		if ((rc = coin_mc_rank(&m, &m.prep[0], m.w, aggs[0], e)) < 0)
			break;
		out->remove_node[out->nremove] = (int)i;
		out->remove_shift[out->nremove++] = coin_shift(m.rank, nominal, c->nunits);
	}
	for (size_t i = 0; i < m.nimp * m.nnorm; i++) {
		free(m.prep[i].score);
		free(m.prep[i].logs);
		free(m.prep[i].packed);
		free(m.prep[i].packed_logs);
		free(m.prep[i].gap);
	}

	free(m.prep);
	coin_scratch_free(&m);
	free(w0);
	free(nominal);
	free(hist);
	free(sum);
	free(scores);
	free(m.scratch.kept);
	free(m.scratch.treated);
	free(m.scratch.flat);
	coin_plan_free(&m.plan);
	if (rc < 0)
		coin_ua_release(out);
	return rc;
}

void coin_ua_release(struct coin_ua_result *r)
{
	free(r->units);
	free(r->remove_node);
	free(r->remove_shift);
	memset(r, 0, sizeof(*r));
}
