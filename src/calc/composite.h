/* composite.h - the steps of a composite indicator, one column or one
 * matrix at a time: statistics, outlier treatment, imputation,
 * normalisation, weights (entropy, CRITIC, AHP), aggregation, TOPSIS and
 * ranks. The conventions are COINr's (the reference implementation of the
 * OECD/JRC Handbook) unless said otherwise; each choice another library
 * makes differently is an option with a pinned default. Formulas and
 * sources: docs/methods/composite-index.md.
 *
 * Pure computation: no I/O, no store. A missing value is NAN, in and out;
 * no function here turns "no value" into a number, and callers print "no
 * value" (NA, null), never "nan". Matrices are row-major: rows are units
 * (schools), columns are indicators or criteria. */
#ifndef TVET_COMPOSITE_H
#define TVET_COMPOSITE_H

#include <stddef.h>

#include "core/err.h"

/* ---- statistics and ranks ----------------------------------------------- */

/* Sample skewness and excess kurtosis of the non-missing values of x[0],
 * x[stride], ..., as COINr computes them (e1071 type 2, = Excel SKEW and
 * KURT). NAN when there are fewer than 3 (skew) or 4 (kurtosis) values or
 * they are all equal. */
double ci_skew(const double *x, size_t n, size_t stride);
double ci_kurt(const double *x, size_t n, size_t stride);

/* rank[i] of score[i]: 1 for the highest, ties at the minimum rank (two
 * firsts, then a third), 0 for a missing score. */
void ci_rank(const double *score, size_t n, int *rank);

/* ---- outlier treatment --------------------------------------------------- */

struct ci_treat_opt {
	int winmax;	    /* most points to winsorise (COINr default 5) */
	double skew_thresh; /* pass when |skew| < this ... (default 2) */
	double kurt_thresh; /* ... or kurtosis < this (default 3.5) */
};

struct ci_treat_res {
	int failed;	   /* the column failed the check before treatment */
	int winsorised;	   /* points moved by winsorisation (0: none) */
	int logged;	   /* winsorising did not pass: log_CT of the original */
	double skew, kurt; /* after treatment (NAN: too few values) */
};

/* Treat the column x (n values, stride apart) in place as COINr's Treat()
 * does by default: pass when |skew| < skew_thresh or kurt < kurt_thresh;
 * else winsorise - the highest points (skew >= 0) or the lowest are set to
 * the next value, ties together - re-checking after each step, up to
 * winmax points; if it still fails, the original values are replaced by
 * ln(x - min + 0.01 (max - min)) (log_CT). Missing values stay missing. */
void ci_treat(double *x, size_t n, size_t stride, const struct ci_treat_opt *o,
	      struct ci_treat_res *res);

/* ---- imputation ------------------------------------------------------------ */

enum ci_impute {
	CI_IMPUTE_NONE,
	CI_IMPUTE_MEAN,	       /* the column's mean */
	CI_IMPUTE_MEDIAN,      /* the column's median */
	CI_IMPUTE_GROUP_MEAN,  /* the mean of the unit's group */
	CI_IMPUTE_GROUP_MEDIAN /* the median of the unit's group */
};

/* Fill the missing values of column x (n values, stride apart); group[i]
 * is unit i's group (for the group methods; NULL otherwise). A group with
 * no value leaves its units missing. Returns how many were filled. */
size_t ci_impute(double *x, size_t n, size_t stride, enum ci_impute method, const int *group);

/* ---- normalisation ---------------------------------------------------------- */

enum ci_norm {
	CI_NORM_MINMAX,	   /* (x - min)/(max - min) (u - l) + l */
	CI_NORM_ZSCORE,	   /* (x - mean)/sd * s + m, sd with n - 1 */
	CI_NORM_RANK,	   /* rank, ascending, ties at the minimum: 1..n */
	CI_NORM_BORDA,	   /* rank - 1 */
	CI_NORM_PRANK,	   /* (rank - 1)/(n - 1): the percentile rank */
	CI_NORM_GOALPOSTS, /* (x - lo)/(hi - lo), truncated to [0, 1], * scale */
	CI_NORM_DIST2TARG, /* (x - min)/(target - min), capped at 1 if cap, * scale */
	CI_NORM_DIST2FRONT /* distance to the frontier: 1 - (max - x)/(max - min), * scale */
};

struct ci_norm_opt {
	enum ci_norm method;
	double lower, upper; /* minmax: [l, u]; goalposts: lo, hi (as the data) */
	double mean, sd;     /* zscore: the mean and sd to scale to */
	double target;	     /* dist2targ: the target (as the data) */
	double scale;	     /* goalposts, dist2targ, dist2front: multiplier */
	int trunc;	     /* goalposts: truncate outside the posts */
	int cap;	     /* dist2targ: values past the target score 1 */
};

/* Normalise column x (n values, stride apart) in place. direction is +1
 * (more is better) or -1 (less is better), applied first as COINr does -
 * to the values, the goalposts and the target alike. Missing values stay
 * missing. A column without spread (max = min, sd = 0), or a target equal
 * to the worst value, has nothing to normalise by: every value becomes
 * missing and 1 is returned, so that aggregation renormalises over the
 * other indicators; 0 otherwise. */
int ci_normalise(double *x, size_t n, size_t stride, int direction, const struct ci_norm_opt *o);

/* ---- weights ------------------------------------------------------------------ */

/* How the entropy method sees the data. */
enum ci_entropy_form {
	CI_ENTROPY_MINMAX, /* textbook (熵权法): min-max with direction, p = z / sum z */
	CI_ENTROPY_RAW	   /* Shannon on raw positive data, p = x / sum x, no direction */
};

/* Entropy weights of the cols criteria of m (rows units, all present):
 * e_j = -sum p ln p / ln rows with 0 ln 0 = 0, w_j = (1 - e_j)/sum(1 - e).
 * type[j] is +1 or -1 (MINMAX form; NULL: all +1). A constant criterion
 * carries no information: weight 0, and constant[j] set (when not NULL).
 * ERR_INPUT when a value is missing, when rows < 2, when the RAW form
 * meets a negative value, or when every criterion is constant. */
int ci_weights_entropy(const double *m, size_t rows, size_t cols, const int *type,
		       enum ci_entropy_form form, double *w, int *constant, struct err *e);

/* CRITIC weights (Diakoulaki et al. 1995): z = min-max of each column
 * (reversed for type -1 when reverse_cost, else as it is - the convention
 * of the published Tuş & Adalı example), C_j = sd_j * sum_k (1 - r_jk) with
 * the sample sd and Pearson's r, w = C / sum C. A constant column gets
 * C = 0 (and r = 0 with the others). Errors as ci_weights_entropy. */
int ci_weights_critic(const double *m, size_t rows, size_t cols, const int *type,
		      int reverse_cost, double *w, int *constant, struct err *e);

enum ci_ahp_method {
	CI_AHP_EIGEN,	 /* the principal eigenvector (Saaty) */
	CI_AHP_GEOMETRIC /* the rows' geometric means (方根法) */
};

struct ci_ahp_res {
	double lambda_max; /* mean of (A w)_i / w_i */
	double ci;	   /* (lambda_max - n)/(n - 1), 0 for n <= 2 */
	double ri;	   /* Saaty's random index for n */
	double cr;	   /* ci / ri, 0 for n <= 2 */
	int consistent;	   /* cr < 0.1 */
};

/* AHP weights from the n x n pairwise matrix a (row-major): a positive,
 * a_ii = 1 and a_ji = 1/a_ij (within 1e-3 relative, as judgements are
 * written to 3 decimals). ERR_INPUT, naming the cell, when it is not; when
 * n is 0 or above 15 (Saaty's RI is tabulated to 15). */
int ci_ahp(const double *a, size_t n, enum ci_ahp_method method, double *w,
	   struct ci_ahp_res *res, struct err *e);

/* ---- aggregation ------------------------------------------------------------------ */

enum ci_agg {
	CI_AGG_ARITH, /* sum w x / sum w */
	CI_AGG_GEOM,  /* exp(sum w ln x / sum w): x > 0 */
	CI_AGG_HARM,  /* sum w / sum (w / x): x > 0 */
	CI_AGG_POWER, /* (sum w x^p / sum w)^(1/p), p != 0; x > 0 when p < 0 */
	CI_AGG_TOPSIS /* TOPSIS closeness x 100 across the units (coin.h only:
		       * it needs every unit's values, not one unit's) */
};

/* Aggregate the n values x with weights w over the ones present (weights
 * renormalised); *out is NAN when the share of values present is below
 * min_share or no weight is left. ERR_INPUT when a weight is negative or a
 * value is out of the method's domain (a geometric mean of 0), and for
 * CI_AGG_TOPSIS, which aggregates across units (coin.h). */
int ci_aggregate(const double *x, const double *w, size_t n, enum ci_agg method, double p,
		 double min_share, double *out, struct err *e);

/* ---- TOPSIS ---------------------------------------------------------------------------- */

enum ci_topsis_norm {
	CI_TOPSIS_VECTOR, /* x / sqrt(sum x^2): the classic (Hwang & Yoon) */
	CI_TOPSIS_MINMAX  /* (x - min)/(max - min), reversed for cost criteria */
};

/* TOPSIS closeness of each of the rows units (all values present): v = w r,
 * ideal and anti-ideal per type, Euclidean distances, C = D- / (D+ + D-);
 * C = 0.5 when a unit is both (every unit alike). ERR_INPUT when a value
 * is missing or, for the vector form, negative, or a column is all zero. */
int ci_topsis(const double *m, size_t rows, size_t cols, const double *w, const int *type,
	      enum ci_topsis_norm norm, double *closeness, struct err *e);

#endif
