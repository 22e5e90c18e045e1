/* test_composite.c - the steps of a composite indicator (calc/composite).
 *
 * Worked examples with published results: COINr's documented checks of
 * skewness, kurtosis and winsorisation, of the normalisations and of the
 * means (docs/methods/composite-index.md §1); entropy weights on Elsayed et
 * al. (2017) and Xu (2004); CRITIC on Tuş & Adalı (2019) in both direction
 * conventions; TOPSIS on Papathanasiou & Ploskas (2018). AHP against the
 * closed form of a 3 x 3 reciprocal matrix (its eigenvector is the rows'
 * geometric means and lambda_max = 1 + c^(1/3) + c^(-1/3), c = a12 a23 /
 * a13) and a consistent matrix built from known weights. Then bad input:
 * each refused with a message that names the place. */
#include "unit/testlib.h"

#include <math.h>

#include "calc/composite.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define assert_near(got, want, tol) assert_near_at((got), (want), (tol), #got)

static void assert_near_at(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s is %.17g, wanted %.17g (within %g)", what, got, want, tol);
}

static void assert_nearv(const double *got, const double *want, size_t n, double tol)
{
	for (size_t i = 0; i < n; i++)
		if (!(fabs(got[i] - want[i]) <= tol))
			fail_msg("[%zu] is %.17g, wanted %.17g (within %g)", i, got[i], want[i],
				 tol);
}

/* ---- statistics, ranks, treatment ---- */

static void skew_kurt_coinr(void **state)
{
	double x[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
	double few[] = {1, 2, NAN, 3}, flat[] = {2, 2, 2, 2, 2};

	(void)state;
	assert_near(ci_skew(x, N(x), 1), 3.063241, 5e-7);
	assert_near(ci_kurt(x, N(x), 1), 9.741391, 5e-7);
	/* three values: a skewness, no kurtosis; equal values: neither */
	assert_false(isnan(ci_skew(few, N(few), 1)));
	assert_true(isnan(ci_kurt(few, N(few), 1)));
	assert_true(isnan(ci_skew(flat, N(flat), 1)));
}

static void rank_ties_min(void **state)
{
	double s[] = {5, 9, 9, NAN, 1, 7};
	int r[N(s)], want[] = {4, 1, 1, 0, 5, 3};

	(void)state;
	ci_rank(s, N(s), r);
	assert_memory_equal(r, want, sizeof(want));
}

static void treat_winsorise_coinr(void **state)
{
	double x[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
	struct ci_treat_opt o = {2, 2, 3.5};
	struct ci_treat_res res;

	(void)state;
	ci_treat(x, N(x), 1, &o, &res);
	assert_int_equal(res.failed, 1);
	assert_int_equal(res.winsorised, 1);
	assert_int_equal(res.logged, 0);
	assert_near(x[11], 30, 0);
	assert_near(res.skew, 1.712038, 5e-7);
	assert_near(res.kurt, 1.815781, 5e-7);
}

static void treat_passes_untouched(void **state)
{
	double x[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, copy[N(x)];
	struct ci_treat_opt o = {5, 2, 3.5};
	struct ci_treat_res res;

	(void)state;
	memcpy(copy, x, sizeof(x));
	ci_treat(x, N(x), 1, &o, &res);
	assert_int_equal(res.failed, 0);
	assert_memory_equal(x, copy, sizeof(x));
}

/* winsorising one point leaves (1 x20, 50, 100, 100): skew 2.68, kurt 6.10,
 * still failing, so the original values are log-transformed */
static void treat_log_ct(void **state)
{
	double x[23], orig[23];
	struct ci_treat_opt o = {1, 2, 3.5};
	struct ci_treat_res res;

	(void)state;
	for (int i = 0; i < 20; i++)
		x[i] = 1;
	x[20] = 50;
	x[21] = 100;
	x[22] = 10000;
	memcpy(orig, x, sizeof(x));
	ci_treat(x, N(x), 1, &o, &res);
	assert_int_equal(res.logged, 1);
	for (size_t i = 0; i < N(x); i++)
		assert_near(x[i], log(orig[i] - 1 + 0.01 * (10000 - 1)), 1e-12);
}

/* ---- imputation ---- */

static void impute_methods(void **state)
{
	double base[] = {1, NAN, 3, 10, NAN, 20};
	int group[] = {0, 0, 0, 1, 1, 1};
	double x[N(base)];

	(void)state;
	memcpy(x, base, sizeof(x));
	assert_int_equal(ci_impute(x, N(x), 1, CI_IMPUTE_MEAN, NULL), 2);
	assert_near(x[1], 8.5, 1e-12);
	assert_near(x[4], 8.5, 1e-12);
	memcpy(x, base, sizeof(x));
	assert_int_equal(ci_impute(x, N(x), 1, CI_IMPUTE_MEDIAN, NULL), 2);
	assert_near(x[1], 6.5, 1e-12);
	memcpy(x, base, sizeof(x));
	assert_int_equal(ci_impute(x, N(x), 1, CI_IMPUTE_GROUP_MEAN, group), 2);
	assert_near(x[1], 2, 1e-12);
	assert_near(x[4], 15, 1e-12);
	/* a group with no value leaves its unit missing */
	{
		double y[] = {NAN, NAN, 4};
		int g[] = {0, 0, 1};

		assert_int_equal(ci_impute(y, 3, 1, CI_IMPUTE_GROUP_MEDIAN, g), 0);
		assert_true(isnan(y[0]));
	}
	/* a column of a matrix: stride */
	{
		double m[] = {1, 100, NAN, 200, 3, 300};

		assert_int_equal(ci_impute(m, 3, 2, CI_IMPUTE_MEAN, NULL), 1);
		assert_near(m[2], 2, 1e-12);
		assert_near(m[3], 200, 0);
	}
}

/* ---- normalisation ---- */

static void normalise_minmax_zscore(void **state)
{
	double x[] = {2, 4, NAN, 10};
	double want[] = {0, 25, NAN, 100};
	struct ci_norm_opt o = {.method = CI_NORM_MINMAX, .lower = 0, .upper = 100};

	(void)state;
	assert_int_equal(ci_normalise(x, N(x), 1, 1, &o), 0);
	assert_near(x[0], want[0], 1e-12);
	assert_near(x[1], want[1], 1e-12);
	assert_true(isnan(x[2]));
	assert_near(x[3], want[3], 1e-12);
	/* less is better: the best (2) scores 100 */
	{
		double y[] = {2, 4, 10};

		assert_int_equal(ci_normalise(y, 3, 1, -1, &o), 0);
		assert_near(y[0], 100, 1e-12);
		assert_near(y[1], 75, 1e-12);
		assert_near(y[2], 0, 1e-12);
	}
	/* z-score to mean 10, sd 2: (1, 2, 3) has mean 2, sd 1 */
	{
		double z[] = {1, 2, 3};
		struct ci_norm_opt zo = {.method = CI_NORM_ZSCORE, .mean = 10, .sd = 2};

		assert_int_equal(ci_normalise(z, 3, 1, 1, &zo), 0);
		assert_near(z[0], 8, 1e-12);
		assert_near(z[2], 12, 1e-12);
	}
}

static void normalise_ranks(void **state)
{
	double r[] = {30, 10, 20, 20}, b[] = {30, 10, 20, 20}, p[] = {30, 10, 20, 20};
	double wr[] = {4, 1, 2, 2}, wb[] = {3, 0, 1, 1}, wp[] = {1, 0, 1.0 / 3, 1.0 / 3};
	struct ci_norm_opt o = {.method = CI_NORM_RANK};

	(void)state;
	assert_int_equal(ci_normalise(r, 4, 1, 1, &o), 0);
	assert_nearv(r, wr, 4, 0);
	o.method = CI_NORM_BORDA;
	assert_int_equal(ci_normalise(b, 4, 1, 1, &o), 0);
	assert_nearv(b, wb, 4, 0);
	o.method = CI_NORM_PRANK;
	assert_int_equal(ci_normalise(p, 4, 1, 1, &o), 0);
	assert_nearv(p, wp, 4, 1e-15);
}

/* COINr: dist2targ of (0, 5, 11) with target 10 is (0, 0.5, 1.1); goalposts
 * (0, 10, 1): 1 scores 0.1, reversed 0.9 */
static void normalise_targets_coinr(void **state)
{
	double d[] = {0, 5, 11}, c[] = {0, 5, 11};
	double wd[] = {0, 0.5, 1.1}, wc[] = {0, 0.5, 1};
	struct ci_norm_opt o = {.method = CI_NORM_DIST2TARG, .target = 10, .scale = 1};

	(void)state;
	assert_int_equal(ci_normalise(d, 3, 1, 1, &o), 0);
	assert_nearv(d, wd, 3, 1e-12);
	o.cap = 1;
	assert_int_equal(ci_normalise(c, 3, 1, 1, &o), 0);
	assert_nearv(c, wc, 3, 1e-12);
	{
		double g[] = {1, -5, 12}, r[] = {1};
		struct ci_norm_opt go = {.method = CI_NORM_GOALPOSTS,
					 .lower = 0,
					 .upper = 10,
					 .scale = 1,
					 .trunc = 1};
		double wg[] = {0.1, 0, 1};

		assert_int_equal(ci_normalise(g, 3, 1, 1, &go), 0);
		assert_nearv(g, wg, 3, 1e-12);
		assert_int_equal(ci_normalise(r, 1, 1, -1, &go), 0);
		assert_near(r[0], 0.9, 1e-12);
	}
	/* distance to the frontier: the best is 1, the worst 0 */
	{
		double f[] = {2, 6, 10};
		struct ci_norm_opt fo = {.method = CI_NORM_DIST2FRONT, .scale = 100};

		assert_int_equal(ci_normalise(f, 3, 1, 1, &fo), 0);
		assert_near(f[0], 0, 1e-12);
		assert_near(f[1], 50, 1e-12);
		assert_near(f[2], 100, 1e-12);
	}
}

static void normalise_constant_is_no_value(void **state)
{
	double x[] = {5, 5, NAN, 5};
	struct ci_norm_opt o = {.method = CI_NORM_MINMAX, .lower = 0, .upper = 100};

	(void)state;
	assert_int_equal(ci_normalise(x, N(x), 1, 1, &o), 1);
	for (size_t i = 0; i < N(x); i++)
		assert_true(isnan(x[i]));
}

/* ---- aggregation ---- */

static void aggregate_means_coinr(void **state)
{
	double x[] = {1, 2, 3}, w1[] = {1, 1, 1}, w2[] = {1, 1, 2}, w3[] = {2, 1, 1};
	struct err e;
	double v;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_aggregate(x, w1, 3, CI_AGG_GEOM, 0, 0, &v, &e), 0);
	assert_near(v, cbrt(6), 1e-12);
	assert_int_equal(ci_aggregate(x, w2, 3, CI_AGG_GEOM, 0, 0, &v, &e), 0);
	assert_near(v, pow(18, 0.25), 1e-12);
	assert_int_equal(ci_aggregate(x, w3, 3, CI_AGG_HARM, 0, 0, &v, &e), 0);
	assert_near(v, 4 / (2 + 1.0 / 2 + 1.0 / 3), 1e-12);
	assert_int_equal(ci_aggregate(x, w1, 3, CI_AGG_POWER, 2, 0, &v, &e), 0);
	assert_near(v, sqrt(14.0 / 3), 1e-12);
	assert_int_equal(ci_aggregate(x, w2, 3, CI_AGG_ARITH, 0, 0, &v, &e), 0);
	assert_near(v, 9.0 / 4, 1e-12);
}

/* COINr: rows (1,3,1), (2,NA,NA), (3,NA,1) with a threshold of 2/3 give
 * 1.666667, NA, 2 */
static void aggregate_missing_threshold_coinr(void **state)
{
	double rows[3][3] = {{1, 3, 1}, {2, NAN, NAN}, {3, NAN, 1}};
	double w[] = {1, 1, 1}, want[] = {5.0 / 3, NAN, 2}, v;
	struct err e;

	(void)state;
	err_clear(&e);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(ci_aggregate(rows[i], w, 3, CI_AGG_ARITH, 0, 2.0 / 3, &v, &e), 0);
		if (isnan(want[i]))
			assert_true(isnan(v));
		else
			assert_near(v, want[i], 1e-12);
	}
}

static void aggregate_bad_input(void **state)
{
	double x[] = {1, 0, 3}, w[] = {1, 1, 1}, neg[] = {1, -1, 1}, v;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_aggregate(x, w, 3, CI_AGG_GEOM, 0, 0, &v, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "value 2 is 0"));
	assert_int_equal(ci_aggregate(x, neg, 3, CI_AGG_ARITH, 0, 0, &v, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "weight 2 is -1"));
	assert_int_equal(ci_aggregate(x, w, 3, CI_AGG_POWER, 0, 0, &v, &e), ERR_INPUT);
}

/* ---- weights ---- */

/* Elsayed, Dawood & Karthikeyan (2017), as pymcdm's test has it: the raw
 * (Shannon) form */
static void entropy_elsayed(void **state)
{
	double m[12][5] = {{7, 312, 1891, 6613, 163},	      {72, 88, 728, 941804, 1078},
			   {10, 252, 2594, 3466, 117471},     {10, 145, 980, 2371, 86329},
			   {65, 54, 350, 501, 29897},	      {29, 48, 380, 912, 34051},
			   {7, 476, 3300, 78470, 2212},	      {70, 87, 650, 733, 819000},
			   {4, 86, 591, 3015, 103},	      {12, 79, 579, 3240, 96098},
			   {21, 45, 261, 1253, 453},	      {1, 72, 530, 4333, 0.104800}};
	double want[] = {0.104991, 0.069124, 0.071373, 0.449937, 0.304575}, w[5];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_weights_entropy(&m[0][0], 12, 5, NULL, CI_ENTROPY_RAW, w, NULL, &e), 0);
	assert_nearv(w, want, 5, 5e-7);
}

/* Xu (2004): a near-constant fourth criterion gets almost no weight */
static void entropy_xu(void **state)
{
	double m[4][4] = {
		{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}};
	double want[] = {0.4630, 0.3992, 0.1378, 0.0000}, w[4];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_weights_entropy(&m[0][0], 4, 4, NULL, CI_ENTROPY_RAW, w, NULL, &e), 0);
	assert_nearv(w, want, 4, 5e-5);
}

/* The textbook form by hand: two units, so min-max makes each column
 * (0, 1) or (1, 0): e = 0 for every column, equal weights; a constant
 * column gets 0 and is flagged; 0 ln 0 counts as 0, so a column with one
 * unit above the rest is the most informative (e = 0). */
static void entropy_minmax_by_hand(void **state)
{
	double m[3][3] = {{1, 7, 4}, {2, 7, 4}, {3, 7, 10}};
	int type[] = {1, 1, 1}, flat[3];
	double w[3];
	struct err e;
	/* column 1: z = (0, .5, 1), p = (0, 1/3, 2/3), e = -(1/3 ln 1/3 + 2/3
	 * ln 2/3) / ln 3; column 3: z = (0, 0, 1), p = (0, 0, 1), e = 0 */
	double e1 = -(log(1.0 / 3) / 3 + 2 * log(2.0 / 3) / 3) / log(3);
	double d1 = 1 - e1, d3 = 1;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_weights_entropy(&m[0][0], 3, 3, type, CI_ENTROPY_MINMAX, w, flat, &e),
			 0);
	assert_near(w[0], d1 / (d1 + d3), 1e-12);
	assert_near(w[1], 0, 0);
	assert_near(w[2], d3 / (d1 + d3), 1e-12);
	assert_int_equal(flat[1], 1);
	assert_int_equal(flat[0], 0);
}

/* Tuş & Adalı (2019): the published weights come from min-max without
 * reversing the cost criterion; reversed, they are 0.1841, 0.2130, ... */
static void critic_tus_adali(void **state)
{
	double m[5][6] = {{5000, 3, 3, 4, 3, 2},
			  {680, 5, 3, 2, 2, 1},
			  {2000, 3, 2, 3, 4, 3},
			  {600, 4, 3, 1, 2, 2},
			  {800, 2, 4, 3, 3, 4}};
	int type[] = {-1, 1, 1, 1, 1, 1};
	double published[] = {0.157, 0.249, 0.168, 0.121, 0.154, 0.151}, w[6];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_weights_critic(&m[0][0], 5, 6, type, 0, w, NULL, &e), 0);
	assert_nearv(w, published, 6, 5e-4);
	assert_int_equal(ci_weights_critic(&m[0][0], 5, 6, type, 1, w, NULL, &e), 0);
	assert_near(w[0], 0.1841, 5e-5);
	assert_near(w[1], 0.2130, 5e-5);
}

static void weights_refuse(void **state)
{
	double flat[2][2] = {{1, 5}, {1, 5}}, gap[2][2] = {{1, NAN}, {2, 3}}, one[1][2] = {{1, 2}};
	double w[2];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_weights_entropy(&flat[0][0], 2, 2, NULL, CI_ENTROPY_MINMAX, w, NULL, &e),
			 ERR_INPUT);
	assert_non_null(strstr(e.msg, "every criterion is constant"));
	assert_int_equal(ci_weights_critic(&gap[0][0], 2, 2, NULL, 1, w, NULL, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "unit 1, criterion 2"));
	assert_int_equal(ci_weights_entropy(&one[0][0], 1, 2, NULL, CI_ENTROPY_RAW, w, NULL, &e),
			 ERR_INPUT);
	assert_non_null(strstr(e.msg, "at least 2 units"));
}

/* 3 x 3: eigenvector = geometric means, lambda_max in closed form */
static void ahp_closed_form(void **state)
{
	double a[9] = {1, 2, 4, 1.0 / 2, 1, 3, 1.0 / 4, 1.0 / 3, 1};
	double g[3] = {cbrt(8), cbrt(1.5), cbrt(1.0 / 12)}, sum = g[0] + g[1] + g[2];
	double c = 2.0 * 3 / 4, lambda = 1 + cbrt(c) + 1 / cbrt(c), w[3];
	struct ci_ahp_res res;
	struct err e;

	(void)state;
	err_clear(&e);
	for (int m = CI_AHP_EIGEN; m <= CI_AHP_GEOMETRIC; m++) {
		assert_int_equal(ci_ahp(a, 3, (enum ci_ahp_method)m, w, &res, &e), 0);
		for (int i = 0; i < 3; i++)
			assert_near(w[i], g[i] / sum, 1e-12);
		assert_near(res.lambda_max, lambda, 1e-12);
		assert_near(res.ci, (lambda - 3) / 2, 1e-12);
		assert_near(res.cr, (lambda - 3) / 2 / 0.58, 1e-12);
		assert_int_equal(res.consistent, 1);
	}
}

/* a_ij = v_i / v_j: perfectly consistent, the weights come back */
static void ahp_consistent(void **state)
{
	double v[5] = {0.4, 0.25, 0.15, 0.12, 0.08}, a[25], w[5];
	struct ci_ahp_res res;
	struct err e;

	(void)state;
	err_clear(&e);
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 5; j++)
			a[i * 5 + j] = v[i] / v[j];
	assert_int_equal(ci_ahp(a, 5, CI_AHP_EIGEN, w, &res, &e), 0);
	assert_nearv(w, v, 5, 1e-12);
	assert_near(res.lambda_max, 5, 1e-12);
	assert_near(res.cr, 0, 1e-12);
	assert_near(res.ri, 1.12, 0);
}

/* strongly intransitive judgements: CR >= 0.1 is flagged */
static void ahp_inconsistent(void **state)
{
	double a[9] = {1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1}, w[3];
	struct ci_ahp_res res;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_ahp(a, 3, CI_AHP_EIGEN, w, &res, &e), 0);
	assert_true(res.cr >= 0.1);
	assert_int_equal(res.consistent, 0);
}

static void ahp_refuse(void **state)
{
	double notrecip[9] = {1, 3, 5, 1.0 / 3, 1, 2, 1.0 / 5, 1, 1};
	double diag[4] = {2, 1, 1, 1}, big[16 * 16], w[16];
	struct ci_ahp_res res;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_ahp(notrecip, 3, CI_AHP_EIGEN, w, &res, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "not reciprocal: row 2, column 3 is 2"));
	assert_int_equal(ci_ahp(diag, 2, CI_AHP_EIGEN, w, &res, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "the diagonal must be 1"));
	for (int i = 0; i < 256; i++)
		big[i] = 1;
	assert_int_equal(ci_ahp(big, 16, CI_AHP_EIGEN, w, &res, &e), ERR_INPUT);
}

/* ---- TOPSIS ---- */

/* Papathanasiou & Ploskas (2018), chapter 1's facility location: their
 * figures are rounded to 3 decimals along the way */
static void topsis_papathanasiou(void **state)
{
	double m[6][4] = {{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4},
			  {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}};
	double w[] = {0.4, 0.3, 0.1, 0.2}, c[6];
	double want[] = {0.387, 0.327, 0.391, 0.615, 0.868, 0.493};
	int type[] = {1, 1, 1, 1};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_topsis(&m[0][0], 6, 4, w, type, CI_TOPSIS_VECTOR, c, &e), 0);
	assert_nearv(c, want, 6, 2e-3);
}

/* min-max by hand: two criteria, one a cost */
static void topsis_minmax_by_hand(void **state)
{
	double m[3][2] = {{10, 5}, {20, 5}, {30, 10}}, w[] = {0.5, 0.5}, c[3];
	int type[] = {1, -1};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ci_topsis(&m[0][0], 3, 2, w, type, CI_TOPSIS_MINMAX, c, &e), 0);
	/* v: (0, .5), (.25, .5), (.5, 0); ideal (.5, .5), anti (0, 0) */
	assert_near(c[0], 0.5 / (0.5 + 0.5), 1e-12);
	assert_near(c[1], hypot(0.25, 0.5) / (0.25 + hypot(0.25, 0.5)), 1e-12);
	assert_near(c[2], 0.5, 1e-12);
	/* every unit alike: 0.5 each, not 0/0 */
	{
		double same[2][2] = {{1, 1}, {1, 1}}, cs[2];

		assert_int_equal(ci_topsis(&same[0][0], 2, 2, w, type, CI_TOPSIS_VECTOR, cs, &e), 0);
		assert_near(cs[0], 0.5, 0);
		assert_near(cs[1], 0.5, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(skew_kurt_coinr),
		cmocka_unit_test(rank_ties_min),
		cmocka_unit_test(treat_winsorise_coinr),
		cmocka_unit_test(treat_passes_untouched),
		cmocka_unit_test(treat_log_ct),
		cmocka_unit_test(impute_methods),
		cmocka_unit_test(normalise_minmax_zscore),
		cmocka_unit_test(normalise_ranks),
		cmocka_unit_test(normalise_targets_coinr),
		cmocka_unit_test(normalise_constant_is_no_value),
		cmocka_unit_test(aggregate_means_coinr),
		cmocka_unit_test(aggregate_missing_threshold_coinr),
		cmocka_unit_test(aggregate_bad_input),
		cmocka_unit_test(entropy_elsayed),
		cmocka_unit_test(entropy_xu),
		cmocka_unit_test(entropy_minmax_by_hand),
		cmocka_unit_test(critic_tus_adali),
		cmocka_unit_test(weights_refuse),
		cmocka_unit_test(ahp_closed_form),
		cmocka_unit_test(ahp_consistent),
		cmocka_unit_test(ahp_inconsistent),
		cmocka_unit_test(ahp_refuse),
		cmocka_unit_test(topsis_papathanasiou),
		cmocka_unit_test(topsis_minmax_by_hand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
