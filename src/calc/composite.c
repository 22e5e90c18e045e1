/* composite.c - the steps of a composite indicator (see composite.h). */
#include "calc/composite.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* ---- statistics and ranks ----------------------------------------------- */

/* The non-missing values' count, mean and central sums of powers 2..4. */
struct ci_moments {
	size_t n;
	double mean, m2, m3, m4;
};

static struct ci_moments ci_moments(const double *x, size_t n, size_t stride)
{
	struct ci_moments mo = {0, 0, 0, 0, 0};
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i * stride])) {
			sum += x[i * stride];
			mo.n++;
		}
	if (!mo.n)
		return mo;
	mo.mean = sum / (double)mo.n;
	for (size_t i = 0; i < n; i++) {
		double d;

		if (isnan(x[i * stride]))
			continue;
		d = x[i * stride] - mo.mean;
		mo.m2 += d * d;
		mo.m3 += d * d * d;
		mo.m4 += d * d * d * d;
	}
	return mo;
}

double ci_skew(const double *x, size_t n, size_t stride)
{
	struct ci_moments mo = ci_moments(x, n, stride);
	double k = (double)mo.n, g;

	if (mo.n < 3 || mo.m2 <= 0)
		return NAN;
	g = sqrt(k) * mo.m3 / pow(mo.m2, 1.5);
	return g * sqrt(k * (k - 1)) / (k - 2);
}

double ci_kurt(const double *x, size_t n, size_t stride)
{
	struct ci_moments mo = ci_moments(x, n, stride);
	double k = (double)mo.n, r;

	if (mo.n < 4 || mo.m2 <= 0)
		return NAN;
	r = k * mo.m4 / (mo.m2 * mo.m2);
	return ((k + 1) * (r - 3) + 6) * (k - 1) / ((k - 2) * (k - 3));
}

struct ci_ranked {
	double v;
	size_t i;
};

static int ci_cmp_desc(const void *a, const void *b)
{
	const struct ci_ranked *x = a, *y = b;

	if (x->v != y->v)
		return x->v < y->v ? 1 : -1;
	return (x->i > y->i) - (x->i < y->i);
}

void ci_rank(const double *score, size_t n, int *rank)
{
	struct ci_ranked *s = xmalloc((n ? n : 1) * sizeof(*s));
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		rank[i] = 0;
		if (!isnan(score[i])) {
			s[k].v = score[i];
			s[k++].i = i;
		}
	}
	qsort(s, k, sizeof(*s), ci_cmp_desc);
	for (size_t j = 0; j < k; j++)
		rank[s[j].i] = j && s[j].v == s[j - 1].v ? rank[s[j - 1].i] : (int)j + 1;
	free(s);
}

/* ---- outlier treatment --------------------------------------------------- */

static int ci_passes(const double *x, size_t n, size_t stride, const struct ci_treat_opt *o,
		     double *skew, double *kurt)
{
	*skew = ci_skew(x, n, stride);
	*kurt = ci_kurt(x, n, stride);
	/* too few values to judge: nothing to treat */
	if (isnan(*skew) || isnan(*kurt))
		return 1;
	return fabs(*skew) < o->skew_thresh || *kurt < o->kurt_thresh;
}

/* Move the points at the high end (high) or the low end to the nearest
 * other value, marking them in moved; returns 0 when every value is equal
 * (nothing to move), else 1. */
static int ci_winsorise_step(double *x, size_t n, size_t stride, int high, unsigned char *moved)
{
	double end = NAN, next = NAN;

	for (size_t i = 0; i < n; i++) {
		double v = x[i * stride];

		if (!isnan(v) && (isnan(end) || (high ? v > end : v < end)))
			end = v;
	}
	for (size_t i = 0; i < n; i++) {
		double v = x[i * stride];

		if (!isnan(v) && v != end && (isnan(next) || (high ? v > next : v < next)))
			next = v;
	}
	if (isnan(next))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (x[i * stride] == end) {
			x[i * stride] = next;
			moved[i] = 1;
		}
	return 1;
}

void ci_treat(double *x, size_t n, size_t stride, const struct ci_treat_opt *o,
	      struct ci_treat_res *res)
{
	double *orig;
	unsigned char *moved;
	double lo = INFINITY, hi = -INFINITY;

	memset(res, 0, sizeof(*res));
	if (ci_passes(x, n, stride, o, &res->skew, &res->kurt))
		return;
	res->failed = 1;
	orig = xmalloc((n ? n : 1) * sizeof(*orig));
	for (size_t i = 0; i < n; i++)
		orig[i] = x[i * stride];
	moved = xcalloc(n ? n : 1, 1);
	/* a point moved twice (with the next value, as ties) counts once */
	while (res->winsorised < o->winmax) {
		if (!ci_winsorise_step(x, n, stride, res->skew >= 0, moved))
			break;
		res->winsorised = 0;
		for (size_t i = 0; i < n; i++)
			res->winsorised += moved[i];
		if (ci_passes(x, n, stride, o, &res->skew, &res->kurt)) {
			free(orig);
			free(moved);
			return;
		}
	}
	free(moved);
	/* log_CT of the original values */
	for (size_t i = 0; i < n; i++)
		if (!isnan(orig[i])) {
			lo = fmin(lo, orig[i]);
			hi = fmax(hi, orig[i]);
		}
	for (size_t i = 0; i < n; i++)
		x[i * stride] = isnan(orig[i]) ? NAN : log(orig[i] - lo + 0.01 * (hi - lo));
	res->winsorised = 0;
	res->logged = 1;
	(void)ci_passes(x, n, stride, o, &res->skew, &res->kurt);
	free(orig);
}

/* ---- imputation ------------------------------------------------------------ */

static int ci_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The mean or median of the values of x whose unit is in group g (all
 * units when group is NULL); NAN when there is none. */
static double ci_centre(const double *x, size_t n, size_t stride, const int *group, int g,
			int median)
{
	double *v = xmalloc((n ? n : 1) * sizeof(*v)), c = NAN, sum = 0;
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i * stride]) && (!group || group[i] == g)) {
			v[k++] = x[i * stride];
			sum += x[i * stride];
		}
	if (k && median) {
		qsort(v, k, sizeof(*v), ci_cmp_double);
		c = k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
	} else if (k) {
		c = sum / (double)k;
	}
	free(v);
	return c;
}

size_t ci_impute(double *x, size_t n, size_t stride, enum ci_impute method, const int *group)
{
	int by_group = method == CI_IMPUTE_GROUP_MEAN || method == CI_IMPUTE_GROUP_MEDIAN;
	int median = method == CI_IMPUTE_MEDIAN || method == CI_IMPUTE_GROUP_MEDIAN;
	double *fill;
	size_t filled = 0;

	if (method == CI_IMPUTE_NONE || (by_group && !group))
		return 0;
	/* every centre from the data as given, before any is filled in */
	fill = xmalloc((n ? n : 1) * sizeof(*fill));
	for (size_t i = 0; i < n; i++)
		fill[i] = isnan(x[i * stride])
				  ? ci_centre(x, n, stride, by_group ? group : NULL,
					      by_group ? group[i] : 0, median)
				  : NAN;
	for (size_t i = 0; i < n; i++)
		if (isnan(x[i * stride]) && !isnan(fill[i])) {
			x[i * stride] = fill[i];
			filled++;
		}
	free(fill);
	return filled;
}

/* ---- normalisation ---------------------------------------------------------- */

/* Ascending ranks with ties at the minimum, over the values present. */
static double ci_rank_up(const double *x, size_t n, size_t stride, double v)
{
	size_t below = 0;

	for (size_t j = 0; j < n; j++)
		if (!isnan(x[j * stride]) && x[j * stride] < v)
			below++;
	return (double)below + 1;
}

static int ci_blank(double *x, size_t n, size_t stride)
{
	for (size_t i = 0; i < n; i++)
		x[i * stride] = NAN;
	return 1;
}

int ci_normalise(double *x, size_t n, size_t stride, int direction, const struct ci_norm_opt *o)
{
	double dir = direction < 0 ? -1 : 1, lo = INFINITY, hi = -INFINITY;
	struct ci_moments mo;
	size_t present;
	double *r;

	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i * stride])) {
			x[i * stride] *= dir;
			lo = fmin(lo, x[i * stride]);
			hi = fmax(hi, x[i * stride]);
		}
	mo = ci_moments(x, n, stride);
	present = mo.n;
	if (!present)
		return 0;
	switch (o->method) {
	case CI_NORM_MINMAX:
		if (hi == lo)
			return ci_blank(x, n, stride);
		for (size_t i = 0; i < n; i++)
			x[i * stride] =
				(x[i * stride] - lo) / (hi - lo) * (o->upper - o->lower) + o->lower;
		return 0;
	case CI_NORM_ZSCORE: {
		double sd = present > 1 ? sqrt(mo.m2 / (double)(present - 1)) : 0;

		if (sd <= 0)
			return ci_blank(x, n, stride);
		for (size_t i = 0; i < n; i++)
			x[i * stride] = (x[i * stride] - mo.mean) / sd * o->sd + o->mean;
		return 0;
	}
	case CI_NORM_RANK:
	case CI_NORM_BORDA:
	case CI_NORM_PRANK:
		if (o->method == CI_NORM_PRANK && present < 2)
			return ci_blank(x, n, stride);
		r = xmalloc(n * sizeof(*r));
		for (size_t i = 0; i < n; i++)
			r[i] = isnan(x[i * stride]) ? NAN : ci_rank_up(x, n, stride, x[i * stride]);
		for (size_t i = 0; i < n; i++)
			x[i * stride] = o->method == CI_NORM_RANK    ? r[i]
					: o->method == CI_NORM_BORDA ? r[i] - 1
								     : (r[i] - 1) / (double)(present - 1);
		free(r);
		return 0;
	case CI_NORM_GOALPOSTS: {
		/* the posts turn with the direction: -1 makes hi the worst */
		double a = dir > 0 ? o->lower : -o->upper, b = dir > 0 ? o->upper : -o->lower;

		if (a == b)
			return ci_blank(x, n, stride);
		for (size_t i = 0; i < n; i++) {
			double v = (x[i * stride] - a) / (b - a);

			if (o->trunc && !isnan(v))
				v = fmin(1, fmax(0, v));
			x[i * stride] = v * o->scale;
		}
		return 0;
	}
	case CI_NORM_DIST2TARG: {
		double t = o->target * dir;

		if (t == lo)
			return ci_blank(x, n, stride);
		for (size_t i = 0; i < n; i++) {
			double v = (x[i * stride] - lo) / (t - lo);

			if (o->cap && !isnan(v))
				v = fmin(1, v);
			x[i * stride] = v * o->scale;
		}
		return 0;
	}
	case CI_NORM_DIST2FRONT:
		if (hi == lo)
			return ci_blank(x, n, stride);
		for (size_t i = 0; i < n; i++)
			x[i * stride] = (1 - (hi - x[i * stride]) / (hi - lo)) * o->scale;
		return 0;
	}
	return 0;
}

/* ---- weights ------------------------------------------------------------------ */

/* ERR_INPUT unless m is complete, with at least two units. */
static int ci_check_matrix(const double *m, size_t rows, size_t cols, const char *what,
			   struct err *e)
{
	if (rows < 2)
		return err_set(e, ERR_INPUT, "%s needs at least 2 units, got %zu", what, rows);
	if (!cols)
		return err_set(e, ERR_INPUT, "%s needs at least 1 criterion", what);
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++)
			if (!isfinite(m[i * cols + j]))
				return err_set(e, ERR_INPUT,
					       "%s needs every value: unit %zu, criterion %zu has none",
					       what, i + 1, j + 1);
	return 0;
}

/* Column j of m min-max normalised into z (rows values), reversed when
 * reverse; 0, or 1 when the column is constant (z all 0). */
static int ci_minmax_col(const double *m, size_t rows, size_t cols, size_t j, int reverse,
			 double *z)
{
	double lo = INFINITY, hi = -INFINITY;

	for (size_t i = 0; i < rows; i++) {
		lo = fmin(lo, m[i * cols + j]);
		hi = fmax(hi, m[i * cols + j]);
	}
	for (size_t i = 0; i < rows; i++)
		z[i] = hi == lo ? 0 : reverse ? (hi - m[i * cols + j]) / (hi - lo)
					      : (m[i * cols + j] - lo) / (hi - lo);
	return hi == lo;
}

/* w /= sum w; ERR_INPUT when the sum is not positive. */
static int ci_share(double *w, size_t n, const char *what, struct err *e)
{
	double sum = 0;

	for (size_t j = 0; j < n; j++)
		sum += w[j];
	if (!(sum > 0))
		return err_set(e, ERR_INPUT, "%s: every criterion is constant, no weight can be given",
			       what);
	for (size_t j = 0; j < n; j++)
		w[j] /= sum;
	return 0;
}

int ci_weights_entropy(const double *m, size_t rows, size_t cols, const int *type,
		       enum ci_entropy_form form, double *w, int *constant, struct err *e)
{
	double *z;
	int rc;

	if ((rc = ci_check_matrix(m, rows, cols, "entropy weights", e)) < 0)
		return rc;
	z = xmalloc(rows * sizeof(*z));
	for (size_t j = 0; j < cols; j++) {
		double sum = 0, h = 0;
		int flat;

		if (form == CI_ENTROPY_RAW) {
			for (size_t i = 0; i < rows; i++) {
				z[i] = m[i * cols + j];
				if (z[i] < 0) {
					free(z);
					return err_set(e, ERR_INPUT,
						       "entropy weights on raw data need values >= 0: "
						       "unit %zu, criterion %zu is %g",
						       i + 1, j + 1, m[i * cols + j]);
				}
			}
		} else {
			(void)ci_minmax_col(m, rows, cols, j, type && type[j] < 0, z);
		}
		for (size_t i = 0; i < rows; i++)
			sum += z[i];
		flat = !(sum > 0);
		if (form == CI_ENTROPY_RAW && !flat) {
			/* raw data: a column of equal values has no information */
			flat = 1;
			for (size_t i = 1; i < rows && flat; i++)
				flat = z[i] == z[0];
		}
		for (size_t i = 0; i < rows && !flat; i++) {
			double p = z[i] / sum;

			if (p > 0) /* 0 ln 0 = 0 */
				h -= p * log(p);
		}
		/* d = 1 - e; a flat column has e = 1 */
		w[j] = flat ? 0 : fmax(0, 1 - h / log((double)rows));
		if (constant)
			constant[j] = flat;
	}
	free(z);
	return ci_share(w, cols, "entropy weights", e);
}

int ci_weights_critic(const double *m, size_t rows, size_t cols, const int *type,
		      int reverse_cost, double *w, int *constant, struct err *e)
{
	double *z, *mean, *sd;
	int *flat;
	int rc;

	if ((rc = ci_check_matrix(m, rows, cols, "CRITIC weights", e)) < 0)
		return rc;
	z = xmalloc(rows * cols * sizeof(*z));
	mean = xcalloc(cols, sizeof(*mean));
	sd = xcalloc(cols, sizeof(*sd));
	flat = xcalloc(cols, sizeof(*flat));
	for (size_t j = 0; j < cols; j++) {
		double *col = xmalloc(rows * sizeof(*col)), ss = 0;

		flat[j] = ci_minmax_col(m, rows, cols, j, reverse_cost && type && type[j] < 0, col);
		for (size_t i = 0; i < rows; i++) {
			z[i * cols + j] = col[i];
			mean[j] += col[i];
		}
		mean[j] /= (double)rows;
		for (size_t i = 0; i < rows; i++)
			ss += (col[i] - mean[j]) * (col[i] - mean[j]);
		sd[j] = sqrt(ss / (double)(rows - 1));
		free(col);
	}
	for (size_t j = 0; j < cols; j++) {
		double conflict = 0;

		for (size_t k = 0; k < cols; k++) {
			double sxy = 0, r;

			if (k == j)
				continue;
			if (flat[j] || flat[k]) {
				conflict += 1; /* r = 0: no correlation to speak of */
				continue;
			}
			for (size_t i = 0; i < rows; i++)
				sxy += (z[i * cols + j] - mean[j]) * (z[i * cols + k] - mean[k]);
			r = sxy / ((double)(rows - 1) * sd[j] * sd[k]);
			conflict += 1 - r;
		}
		w[j] = flat[j] ? 0 : sd[j] * conflict;
		if (constant)
			constant[j] = flat[j];
	}
	free(z);
	free(mean);
	free(sd);
	free(flat);
	return ci_share(w, cols, "CRITIC weights", e);
}

/* Saaty's random consistency index, n = 1..15. */
static const double ci_saaty_ri[16] = {0,    0,    0,    0.58, 0.90, 1.12, 1.24, 1.32,
				       1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};

int ci_ahp(const double *a, size_t n, enum ci_ahp_method method, double *w,
	   struct ci_ahp_res *res, struct err *e)
{
	double *next, lambda = 0;

	memset(res, 0, sizeof(*res));
	if (!n || n > 15)
		return err_set(e, ERR_INPUT,
			       "an AHP matrix needs 1 to 15 criteria (Saaty's random index "
			       "is tabulated to 15), got %zu",
			       n);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double v = a[i * n + j], t = a[j * n + i];

			if (!isfinite(v) || v <= 0)
				return err_set(e, ERR_INPUT,
					       "AHP matrix row %zu, column %zu: %g is not a positive "
					       "judgement",
					       i + 1, j + 1, v);
			if (i == j && fabs(v - 1) > 1e-3)
				return err_set(e, ERR_INPUT,
					       "AHP matrix row %zu, column %zu: the diagonal must be 1, "
					       "not %g",
					       i + 1, j + 1, v);
			if (fabs(v * t - 1) > 1e-3)
				return err_set(e, ERR_INPUT,
					       "AHP matrix is not reciprocal: row %zu, column %zu is %g "
					       "but row %zu, column %zu is %g (want %g)",
					       i + 1, j + 1, v, j + 1, i + 1, t, 1 / v);
		}
	for (size_t i = 0; i < n; i++) {
		double lg = 0;

		for (size_t j = 0; j < n; j++)
			lg += log(a[i * n + j]);
		w[i] = exp(lg / (double)n);
	}
	(void)ci_share(w, n, "AHP", e);
	next = xmalloc(n * sizeof(*next));
	/* power iteration from the geometric means, which are close already:
	 * a positive matrix converges to its Perron vector */
	for (int it = 0; method == CI_AHP_EIGEN && it < 10000; it++) {
		double sum = 0, change = 0;

		for (size_t i = 0; i < n; i++) {
			next[i] = 0;
			for (size_t j = 0; j < n; j++)
				next[i] += a[i * n + j] * w[j];
			sum += next[i];
		}
		for (size_t i = 0; i < n; i++) {
			next[i] /= sum;
			change = fmax(change, fabs(next[i] - w[i]));
			w[i] = next[i];
		}
		if (change < 1e-15)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		double aw = 0;

		for (size_t j = 0; j < n; j++)
			aw += a[i * n + j] * w[j];
		lambda += aw / w[i];
	}
	free(next);
	res->lambda_max = lambda / (double)n;
	res->ri = ci_saaty_ri[n];
	if (n > 2) {
		res->ci = (res->lambda_max - (double)n) / (double)(n - 1);
		res->cr = res->ci / res->ri;
	}
	res->consistent = res->cr < 0.1;
	return 0;
}

/* ---- aggregation ------------------------------------------------------------------ */

int ci_aggregate(const double *x, const double *w, size_t n, enum ci_agg method, double p,
		 double min_share, double *out, struct err *e)
{
	double sw = 0, acc = 0;
	size_t present = 0;

	*out = NAN;
	if (method == CI_AGG_TOPSIS)
		return err_set(e, ERR_INPUT, "TOPSIS aggregates across units, not one unit's values");
	if (method == CI_AGG_POWER && p == 0)
		return err_set(e, ERR_INPUT, "a generalised mean needs p != 0 (p = 0 is the "
					     "geometric mean)");
	for (size_t k = 0; k < n; k++) {
		if (!(w[k] >= 0))
			return err_set(e, ERR_INPUT, "weight %zu is %g: weights must be >= 0", k + 1,
				       w[k]);
		if (isnan(x[k]))
			continue;
		present++;
		if (w[k] == 0)
			continue;
		if ((method == CI_AGG_GEOM || method == CI_AGG_HARM ||
		     (method == CI_AGG_POWER && p < 0)) &&
		    !(x[k] > 0))
			return err_set(e, ERR_INPUT,
				       "value %zu is %g: this mean needs values > 0 (normalise to "
				       "e.g. [1, 100] first)",
				       k + 1, x[k]);
		sw += w[k];
		switch (method) {
		case CI_AGG_ARITH:
			acc += w[k] * x[k];
			break;
		case CI_AGG_GEOM:
			acc += w[k] * log(x[k]);
			break;
		case CI_AGG_HARM:
			acc += w[k] / x[k];
			break;
		case CI_AGG_POWER:
			acc += w[k] * pow(x[k], p);
			break;
		case CI_AGG_TOPSIS:
			break;
		}
	}
	if (!n || (double)present / (double)n < min_share - 1e-12 || !(sw > 0))
		return 0;
	switch (method) {
	case CI_AGG_ARITH:
		*out = acc / sw;
		break;
	case CI_AGG_GEOM:
		*out = exp(acc / sw);
		break;
	case CI_AGG_HARM:
		*out = sw / acc;
		break;
	case CI_AGG_POWER:
		*out = pow(acc / sw, 1 / p);
		break;
	case CI_AGG_TOPSIS:
		break;
	}
	return 0;
}

/* ---- TOPSIS ---------------------------------------------------------------------------- */

int ci_topsis(const double *m, size_t rows, size_t cols, const double *w, const int *type,
	      enum ci_topsis_norm norm, double *closeness, struct err *e)
{
	double *v, *best, *worst;
	int rc;

	if ((rc = ci_check_matrix(m, rows, cols, "TOPSIS", e)) < 0)
		return rc;
	v = xmalloc(rows * cols * sizeof(*v));
	best = xmalloc(cols * sizeof(*best));
	worst = xmalloc(cols * sizeof(*worst));
	for (size_t j = 0; j < cols; j++) {
		int cost = type && type[j] < 0;

		if (norm == CI_TOPSIS_VECTOR) {
			double ss = 0;

			for (size_t i = 0; i < rows; i++) {
				if (m[i * cols + j] < 0) {
					rc = err_set(e, ERR_INPUT,
						     "TOPSIS with vector normalisation needs values >= 0: "
						     "unit %zu, criterion %zu is %g",
						     i + 1, j + 1, m[i * cols + j]);
					goto out;
				}
				ss += m[i * cols + j] * m[i * cols + j];
			}
			if (!(ss > 0)) {
				rc = err_set(e, ERR_INPUT, "TOPSIS: criterion %zu is 0 for every unit",
					     j + 1);
				goto out;
			}
			for (size_t i = 0; i < rows; i++)
				v[i * cols + j] = w[j] * m[i * cols + j] / sqrt(ss);
		} else {
			double *z = xmalloc(rows * sizeof(*z));

			/* cost folded in: the ideal is the column's maximum */
			(void)ci_minmax_col(m, rows, cols, j, cost, z);
			for (size_t i = 0; i < rows; i++)
				v[i * cols + j] = w[j] * z[i];
			free(z);
			cost = 0;
		}
		best[j] = worst[j] = v[j];
		for (size_t i = 1; i < rows; i++) {
			double x = v[i * cols + j];

			best[j] = cost ? fmin(best[j], x) : fmax(best[j], x);
			worst[j] = cost ? fmax(worst[j], x) : fmin(worst[j], x);
		}
	}
	for (size_t i = 0; i < rows; i++) {
		double dp = 0, dm = 0;

		for (size_t j = 0; j < cols; j++) {
			dp += (v[i * cols + j] - best[j]) * (v[i * cols + j] - best[j]);
			dm += (v[i * cols + j] - worst[j]) * (v[i * cols + j] - worst[j]);
		}
		dp = sqrt(dp);
		dm = sqrt(dm);
		closeness[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
	}
out:
	free(v);
	free(best);
	free(worst);
	return rc;
}
