/* forecast.c - naive, drift, GM(1,1) and damped Holt forecasts of short
 * series, their intervals, and the choice among them by rolling-origin
 * MASE. The contract is in forecast.h; the formulas and every convention
 * (initial states, grids, interval formulas, residual definitions) are in
 * docs/internals/forecast.md. No third-party numerical code: the maths is a
 * 2 x 2 least-squares solve, two recursions and a grid search. */
#include "calc/forecast.h"

#include <math.h>
#include <string.h>

/* Values beyond this are refused: squares of them must stay finite. */
#define FORECAST_MAX_ABS 1e12
/* GM(1,1)'s interval uses rolling-origin errors up to this horizon. */
#define FORECAST_GM_ERROR_H 3
/* Damped Holt's phi range (fpp3 section 8.2 keeps phi in [0.8, 0.98]). */
#define HOLT_PHI_LO 0.80
#define HOLT_PHI_HI 0.98

/* ---- names ---- */

size_t forecast_min_points(enum forecast_method m)
{
	switch (m) {
	case FORECAST_NAIVE:
		return 1;
	case FORECAST_DRIFT:
		return 2;
	case FORECAST_GM11:
	case FORECAST_HOLT:
		return 4;
	default:
		return (size_t)-1;
	}
}

const char *forecast_method_key(enum forecast_method m)
{
	static const char *const key[] = {"naive", "drift", "gm11", "holt_damped"};

	return (unsigned)m < FORECAST_NMETHODS ? key[m] : "unknown";
}

const char *forecast_method_zh(enum forecast_method m)
{
	static const char *const zh[] = {"朴素", "漂移", "灰色GM(1,1)", "阻尼Holt"};

	return (unsigned)m < FORECAST_NMETHODS ? zh[m] : "未知";
}

const char *forecast_reason_text(enum forecast_reason r, int zh)
{
	switch (r) {
	case FORECAST_OK:
		return zh ? "正常" : "ok";
	case FORECAST_TOO_SHORT:
		return zh ? "序列太短, 无法拟合" : "series too short to fit";
	case FORECAST_TOO_FEW_ORIGINS:
		return zh ? "序列太短, 无法做滚动检验"
			  : "series too short for rolling-origin scoring";
	case FORECAST_NOT_POSITIVE:
		return zh ? "灰色模型要求数据均为正数" : "GM(1,1) needs every value above 0";
	case FORECAST_CONSTANT:
		return zh ? "序列不变, MASE无尺度" : "constant series: MASE has no scale";
	case FORECAST_FIT_FAILED:
		return zh ? "拟合未得到有限结果" : "a fit gave no finite result";
	case FORECAST_NO_RESIDUALS:
		return zh ? "残差或误差太少, 无区间"
			  : "too few residuals or errors for an interval";
	}
	return zh ? "未知" : "unknown";
}

const char *forecast_gm_grade_text(enum forecast_gm_grade g, int zh)
{
	switch (g) {
	case FORECAST_GM_GRADE_GOOD:
		return zh ? "好" : "good";
	case FORECAST_GM_GRADE_QUALIFIED:
		return zh ? "合格" : "qualified";
	case FORECAST_GM_GRADE_BARELY:
		return zh ? "勉强合格" : "barely";
	case FORECAST_GM_GRADE_FAIL:
		return zh ? "不合格" : "fail";
	case FORECAST_GM_GRADE_NONE:
		break;
	}
	return zh ? "无" : "none";
}

enum forecast_gm_grade forecast_gm_grade_of(double c_ratio, double p_small)
{
	if (c_ratio <= 0.35 && p_small >= 0.95)
		return FORECAST_GM_GRADE_GOOD;
	if (c_ratio <= 0.50 && p_small >= 0.80)
		return FORECAST_GM_GRADE_QUALIFIED;
	if (c_ratio <= 0.65 && p_small >= 0.70)
		return FORECAST_GM_GRADE_BARELY;
	return FORECAST_GM_GRADE_FAIL;
}

/* ---- the normal quantile ---- */

double forecast_normal_quantile(double p)
{
	double lo = -40, hi = 40;

	/* Bisection on Phi(z) = erfc(-z / sqrt 2) / 2: slow but exact to the
	 * last bits, and it is called a handful of times per forecast. */
	for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
		double mid = 0.5 * (lo + hi);

		if (0.5 * erfc(-mid / sqrt(2.0)) < p)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
}

/* ---- input ---- */

static int check_series(const double *y, size_t n, struct err *e)
{
	if (n == 0 || !y)
		return err_set(e, ERR_INPUT,
			       "series is empty: a forecast needs at least one value");
	if (n > FORECAST_MAX_N)
		return err_set(e, ERR_LIMIT, "series has %zu values, more than the %d allowed", n,
			       FORECAST_MAX_N);
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(y[i]))
			return err_set(e, ERR_INPUT,
				       "value %zu of %zu is missing or not a number: a forecast "
				       "needs one value per period with no gaps",
				       i + 1, n);
		if (fabs(y[i]) > FORECAST_MAX_ABS)
			return err_set(e, ERR_INPUT, "value %zu of %zu is %g, beyond +-%g", i + 1,
				       n, y[i], FORECAST_MAX_ABS);
	}
	return 0;
}

/* ---- naive and drift ---- */

static void fit_naive(const double *y, size_t n, struct forecast_fit *f)
{
	double ss = 0;

	f->last = y[n - 1];
	/* fable's RW(): sigma^2 is the mean squared one-step residual, no
	 * parameter having been estimated */
	for (size_t t = 1; t < n; t++)
		ss += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
	f->sigma_df = n - 1;
	if (n >= 2) {
		f->has_sigma = 1;
		f->sigma = sqrt(ss / (double)(n - 1));
	} else {
		f->sigma_reason = FORECAST_NO_RESIDUALS;
	}
}

static void fit_drift(const double *y, size_t n, struct forecast_fit *f)
{
	double ss = 0;

	f->last = y[n - 1];
	f->slope = (y[n - 1] - y[0]) / (double)(n - 1);
	/* the differences' sample sd: the residuals of the drift, one mean
	 * estimated from n - 1 differences */
	for (size_t t = 1; t < n; t++) {
		double r = y[t] - y[t - 1] - f->slope;

		ss += r * r;
	}
	if (n >= 3) {
		f->has_sigma = 1;
		f->sigma_df = n - 2;
		f->sigma = sqrt(ss / (double)(n - 2));
	} else {
		f->sigma_reason = FORECAST_NO_RESIDUALS;
	}
}

/* ---- damped Holt ---- */

/* Run the recursions from l_2 = y_2, b_2 = y_2 - y_1 over t = 3..n, leaving
 * the final states; returns the SSE of the one-step errors. */
static double holt_run(const double *y, size_t n, double alpha, double beta, double phi,
		       double *level, double *trend)
{
	double l = y[1], b = y[1] - y[0], sse = 0;

	for (size_t t = 2; t < n; t++) {
		double fc = l + phi * b, err = y[t] - fc;
		double l_new = alpha * y[t] + (1 - alpha) * fc;

		sse += err * err;
		b = beta * (l_new - l) + (1 - beta) * phi * b;
		l = l_new;
	}
	*level = l;
	*trend = b;
	return sse;
}

static double clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* Keep (a, b, p) when its SSE beats *best by more than rounding: so that
 * on ties the first point of the grid stays. */
static void holt_try(const double *y, size_t n, double a, double b, double p, double *best,
		     double par[3])
{
	double l, tr, sse = holt_run(y, n, a, b, p, &l, &tr);

	if (sse < *best && (isinf(*best) || sse < *best - 1e-12 * (1 + *best))) {
		*best = sse;
		par[0] = a;
		par[1] = b;
		par[2] = p;
	}
}

/* Minimise the one-step SSE: a coarse grid (alpha 0.05..1 by 0.05, beta
 * 0..1 by 0.05, phi 0.80..0.98 by 0.02), then a fine one around its best
 * (by 0.01, 0.01 and 0.005). */
static void holt_grid(const double *y, size_t n, double par[3])
{
	double best = INFINITY, c[3];

	par[0] = 0.05, par[1] = 0, par[2] = HOLT_PHI_LO;
	for (int i = 1; i <= 20; i++)
		for (int j = 0; j <= 20; j++)
			for (int k = 0; k <= 9; k++)
				holt_try(y, n, 0.05 * i, 0.05 * j, HOLT_PHI_LO + 0.02 * k, &best,
					 par);
	memcpy(c, par, sizeof(c));
	for (int i = -4; i <= 4; i++)
		for (int j = -4; j <= 4; j++)
			for (int k = -3; k <= 3; k++)
				holt_try(y, n, clamp(c[0] + 0.01 * i, 0.01, 1),
					 clamp(c[1] + 0.01 * j, 0, 1),
					 clamp(c[2] + 0.005 * k, HOLT_PHI_LO, HOLT_PHI_HI), &best,
					 par);
}

static void holt_fill(const double *y, size_t n, double alpha, double beta, double phi,
		      struct forecast_fit *f)
{
	size_t errors = n - 2;

	f->alpha = alpha, f->beta = beta, f->phi = phi;
	f->last = y[n - 1];
	f->sse = holt_run(y, n, alpha, beta, phi, &f->level, &f->trend);
	/* sigma^2 = SSE / (number of one-step errors): with 4-10 points a
	 * degrees-of-freedom correction for three fitted parameters would
	 * leave nothing, so none is made (the intervals are on the narrow
	 * side; docs/internals/forecast.md) */
	f->has_sigma = 1;
	f->sigma_df = errors;
	f->sigma = sqrt(f->sse / (double)errors);
}

/* ---- GM(1,1) ---- */

/* x0hat(k1) of the time response, k1 1-based. For k1 >= 2 it is
 * (b (e^a - 1)/a - y1 (e^a - 1)) e^{-a (k1 - 1)}, written with expm1 so that
 * a -> 0 tends smoothly to b (the limit of a flat series). */
static double gm_value(const struct forecast_gm11 *g, size_t k1)
{
	double em, ratio;

	if (k1 <= 1)
		return g->y1;
	em = expm1(g->a);
	ratio = g->a == 0 ? 1 : em / g->a;
	return (g->b * ratio - g->y1 * em) * exp(-g->a * (double)(k1 - 1));
}

/* Fit a and b by least squares on x0(k) = -a z1(k) + b, k = 2..n (centred,
 * which is the same solve as the normal equations (B'B)^-1 B'Y), then the
 * checks. Returns 0, or FORECAST_FIT_FAILED when something is not finite. */
static int gm_fit(const double *y, size_t n, struct forecast_gm11 *g)
{
	double x1 = y[0], zbar = 0, ybar = 0, szz = 0, szy = 0;
	double z[FORECAST_MAX_N], mean = 0, s1 = 0, s2 = 0, emean = 0;
	double eps[FORECAST_MAX_N];
	size_t m = n - 1, close = 0;

	memset(g, 0, sizeof(*g));
	g->y1 = y[0];
	for (size_t k = 1; k < n; k++) {
		z[k] = x1 + 0.5 * y[k]; /* (x1(k-1) + x1(k)) / 2 */
		x1 += y[k];
		zbar += z[k];
		ybar += y[k];
	}
	zbar /= (double)m, ybar /= (double)m;
	for (size_t k = 1; k < n; k++) {
		szz += (z[k] - zbar) * (z[k] - zbar);
		szy += (z[k] - zbar) * (y[k] - ybar);
	}
	if (!(szz > 0))
		return FORECAST_FIT_FAILED;
	g->a = -szy / szz;
	g->b = ybar + g->a * zbar;

	/* 级比检验 */
	g->ratio_lo = exp(-2.0 / (double)(n + 1));
	g->ratio_hi = exp(2.0 / (double)(n + 1));
	g->ratio_min = INFINITY, g->ratio_max = -INFINITY;
	for (size_t k = 1; k < n; k++) {
		double lambda = y[k - 1] / y[k];

		g->ratio_min = fmin(g->ratio_min, lambda);
		g->ratio_max = fmax(g->ratio_max, lambda);
	}
	g->ratio_ok = g->ratio_min > g->ratio_lo && g->ratio_max < g->ratio_hi;

	/* posterior-variance check over k = 1..n (eps(1) = 0) */
	for (size_t k = 0; k < n; k++) {
		double fit = gm_value(g, k + 1);

		if (!isfinite(fit))
			return FORECAST_FIT_FAILED;
		eps[k] = y[k] - fit;
		mean += y[k];
		emean += eps[k];
		g->max_rel_err = fmax(g->max_rel_err, fabs(eps[k]) / y[k]);
	}
	mean /= (double)n, emean /= (double)n;
	for (size_t k = 0; k < n; k++) {
		s1 += (y[k] - mean) * (y[k] - mean);
		s2 += (eps[k] - emean) * (eps[k] - emean);
	}
	g->s1 = sqrt(s1 / (double)n);
	g->s2 = sqrt(s2 / (double)n);
	/* a flat series has no spread to compare the residuals with */
	if (g->s1 > 1e-12 * fmax(1, fabs(mean))) {
		g->has_c = 1;
		g->c_ratio = g->s2 / g->s1;
		for (size_t k = 0; k < n; k++)
			close += fabs(eps[k] - emean) < 0.6745 * g->s1;
		g->p_small = (double)close / (double)n;
		g->grade = forecast_gm_grade_of(g->c_ratio, g->p_small);
	}
	if (!isfinite(g->a) || !isfinite(g->b) || !isfinite(gm_value(g, n + FORECAST_MAX_H)))
		return FORECAST_FIT_FAILED;
	return 0;
}

/* GM(1,1)'s sigma from its own rolling-origin errors: origins t = 4..n-1,
 * horizons 1..FORECAST_GM_ERROR_H, each error divided by sqrt(h), sigma the
 * root mean square of those. */
static void gm_sigma(const double *y, size_t n, struct forecast_fit *f)
{
	double ss = 0;
	size_t count = 0;

	for (size_t t = 4; t < n; t++) {
		struct forecast_gm11 g;

		if (gm_fit(y, t, &g) != 0)
			continue;
		for (size_t h = 1; h <= FORECAST_GM_ERROR_H && t + h <= n; h++) {
			double err = y[t + h - 1] - gm_value(&g, t + h);

			ss += err * err / (double)h;
			count++;
		}
	}
	f->sigma_df = count;
	if (count >= FORECAST_GM_MIN_ERRORS) {
		f->has_sigma = 1;
		f->sigma = sqrt(ss / (double)count);
	} else {
		f->sigma_reason = FORECAST_NO_RESIDUALS;
	}
}

/* ---- fitting ---- */

/* Fit m to checked input; *why says what stopped it. with_sigma = 0 skips
 * GM's rolling-origin sigma (not needed inside the scoring loop). */
static int fit_checked(const double *y, size_t n, enum forecast_method m, int with_sigma,
		       struct forecast_fit *f, enum forecast_reason *why)
{
	memset(f, 0, sizeof(*f));
	f->method = m;
	f->n = n;
	*why = FORECAST_OK;
	if (n < forecast_min_points(m)) {
		*why = FORECAST_TOO_SHORT;
		return -1;
	}
	switch (m) {
	case FORECAST_NAIVE:
		fit_naive(y, n, f);
		break;
	case FORECAST_DRIFT:
		fit_drift(y, n, f);
		break;
	case FORECAST_HOLT: {
		double par[3];

		holt_grid(y, n, par);
		holt_fill(y, n, par[0], par[1], par[2], f);
		break;
	}
	case FORECAST_GM11:
		for (size_t k = 0; k < n; k++)
			if (!(y[k] > 0)) {
				*why = FORECAST_NOT_POSITIVE;
				return -1;
			}
		if (gm_fit(y, n, &f->gm) != 0) {
			*why = FORECAST_FIT_FAILED;
			return -1;
		}
		f->last = y[n - 1];
		if (with_sigma)
			gm_sigma(y, n, f);
		break;
	default:
		*why = FORECAST_FIT_FAILED;
		return -1;
	}
	return 0;
}

static int fit_error(const double *y, size_t n, enum forecast_method m, enum forecast_reason why,
		     struct err *e)
{
	switch (why) {
	case FORECAST_TOO_SHORT:
		return err_set(e, ERR_INPUT, "%s needs at least %zu values, the series has %zu",
			       forecast_method_key(m), forecast_min_points(m), n);
	case FORECAST_NOT_POSITIVE:
		for (size_t k = 0; k < n; k++)
			if (!(y[k] > 0))
				return err_set(e, ERR_INPUT,
					       "gm11 needs every value above 0, value %zu of %zu "
					       "is %g",
					       k + 1, n, y[k]);
		break;
	default:
		break;
	}
	return err_set(e, ERR_INPUT, "%s: the fit gave no finite result", forecast_method_key(m));
}

int forecast_fit(const double *y, size_t n, enum forecast_method m, struct forecast_fit *out,
		 struct err *e)
{
	enum forecast_reason why;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((unsigned)m >= FORECAST_NMETHODS)
		return err_set(e, ERR_USAGE, "forecast method %d is unknown", (int)m);
	rc = check_series(y, n, e);
	if (rc < 0)
		return rc;
	if (fit_checked(y, n, m, 1, out, &why) < 0) {
		rc = fit_error(y, n, m, why, e);
		memset(out, 0, sizeof(*out));
	}
	return rc;
}

int forecast_fit_holt(const double *y, size_t n, double alpha, double beta, double phi,
		      struct forecast_fit *out, struct err *e)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (!(alpha >= 0 && alpha <= 1) || !(beta >= 0 && beta <= 1) || !(phi > 0 && phi <= 1))
		return err_set(e, ERR_USAGE,
			       "damped Holt parameters alpha %g, beta %g, phi %g: alpha and beta "
			       "must lie in [0, 1], phi in (0, 1]",
			       alpha, beta, phi);
	rc = check_series(y, n, e);
	if (rc < 0)
		return rc;
	if (n < forecast_min_points(FORECAST_HOLT))
		return fit_error(y, n, FORECAST_HOLT, FORECAST_TOO_SHORT, e);
	out->method = FORECAST_HOLT;
	out->n = n;
	holt_fill(y, n, alpha, beta, phi, out);
	return 0;
}

/* ---- forecasting ---- */

/* The point forecast h steps after the fit's last value. */
static double point_of(const struct forecast_fit *f, int h)
{
	switch (f->method) {
	case FORECAST_NAIVE:
		return f->last;
	case FORECAST_DRIFT:
		return f->last + h * f->slope;
	case FORECAST_HOLT: {
		double damp = 0, pk = 1;

		for (int k = 1; k <= h; k++)
			damp += (pk *= f->phi);
		return f->level + damp * f->trend;
	}
	case FORECAST_GM11:
		return gm_value(&f->gm, f->n + (size_t)h);
	default:
		return 0;
	}
}

/* The forecast's standard deviation h steps ahead, as a multiple of sigma. */
static double sd_factor(const struct forecast_fit *f, int h)
{
	switch (f->method) {
	case FORECAST_DRIFT:
		/* h sigma^2 for the walk plus h^2 var(slope), var(slope) =
		 * sigma^2 / (T - 1) */
		return sqrt(h * (1 + h / (double)(f->n - 1)));
	case FORECAST_HOLT: {
		/* ETS(A,Ad,N): v_h = sigma^2 (1 + sum_{j<h} c_j^2),
		 * c_j = alpha (1 + beta (phi + ... + phi^j)) */
		double v = 1, damp = 0, pk = 1;

		for (int j = 1; j < h; j++) {
			double c;

			damp += (pk *= f->phi);
			c = f->alpha * (1 + f->beta * damp);
			v += c * c;
		}
		return sqrt(v);
	}
	default: /* naive, and GM's sigma per sqrt(horizon) */
		return sqrt((double)h);
	}
}

int forecast_predict(const struct forecast_fit *f, int h, double level, struct forecast_point *out,
		     struct err *e)
{
	memset(out, 0, sizeof(*out));
	if (h < 1 || h > FORECAST_MAX_H)
		return err_set(e, ERR_USAGE, "horizon %d is outside 1..%d", h, FORECAST_MAX_H);
	if (!(level > 0 && level < 1))
		return err_set(e, ERR_USAGE, "interval level %g is not between 0 and 1", level);
	if ((unsigned)f->method >= FORECAST_NMETHODS || f->n == 0)
		return err_set(e, ERR_USAGE, "forecast fit is empty");
	out->h = h;
	out->level = level;
	out->mean = point_of(f, h);
	if (!isfinite(out->mean))
		return err_set(e, ERR_INPUT, "%s forecast %d steps ahead is not finite",
			       forecast_method_key(f->method), h);
	if (!f->has_sigma) {
		out->interval_reason = f->sigma_reason ? f->sigma_reason : FORECAST_NO_RESIDUALS;
		return 0;
	}
	{
		double half =
			forecast_normal_quantile(0.5 + level / 2) * f->sigma * sd_factor(f, h);

		out->has_interval = 1;
		out->lo = out->mean - half;
		out->hi = out->mean + half;
	}
	return 0;
}

/* ---- choice by rolling-origin MASE ---- */

/* Score candidate m on origins t = first..n-1: fit y[0..t-1], forecast
 * h = 1..horizon while t + h <= n. Returns 0, or -1 (with *why) when a fit
 * on some origin fails. */
static int score_method(const double *y, size_t n, int horizon, size_t first, double scale,
			struct forecast_score *s)
{
	double sum = 0, sum_h[FORECAST_MAX_H] = {0};

	for (size_t t = first; t < n; t++) {
		struct forecast_fit f;
		enum forecast_reason why;

		if (fit_checked(y, t, s->method, 0, &f, &why) < 0) {
			s->reason = why == FORECAST_OK ? FORECAST_FIT_FAILED : why;
			return -1;
		}
		for (int h = 1; h <= horizon && t + (size_t)h <= n; h++) {
			double fc = point_of(&f, h), err;

			if (!isfinite(fc)) {
				s->reason = FORECAST_FIT_FAILED;
				return -1;
			}
			err = fabs(y[t + (size_t)h - 1] - fc);
			sum += err;
			sum_h[h - 1] += err;
			s->errors_h[h - 1]++;
			s->errors++;
		}
	}
	s->assessed = 1;
	s->mase = sum / (double)s->errors / scale;
	for (int h = 0; h < horizon; h++)
		if (s->errors_h[h])
			s->mase_h[h] = sum_h[h] / (double)s->errors_h[h] / scale;
	return 0;
}

int forecast_select(const double *y, size_t n, int horizon, struct forecast_choice *out,
		    struct err *e)
{
	int candidate[FORECAST_NMETHODS] = {0};
	size_t first = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (horizon < 1 || horizon > FORECAST_MAX_H)
		return err_set(e, ERR_USAGE, "horizon %d is outside 1..%d", horizon,
			       FORECAST_MAX_H);
	rc = check_series(y, n, e);
	if (rc < 0)
		return rc;

	/* the MASE scale, once on the whole series (Hyndman & Koehler 2006) */
	for (size_t t = 1; t < n; t++)
		out->scale += fabs(y[t] - y[t - 1]);
	if (n >= 2)
		out->scale /= (double)(n - 1);
	out->has_scale = out->scale > 0;

	for (int m = 0; m < FORECAST_NMETHODS; m++) {
		struct forecast_score *s = &out->score[m];
		struct forecast_fit f;

		s->method = (enum forecast_method)m;
		if (fit_checked(y, n, s->method, 0, &f, &s->reason) < 0)
			continue;
		if (n < forecast_min_points(s->method) + FORECAST_MIN_ORIGINS) {
			s->reason = FORECAST_TOO_FEW_ORIGINS;
			continue;
		}
		if (!out->has_scale) {
			s->reason = FORECAST_CONSTANT;
			continue;
		}
		candidate[m] = 1;
		if (forecast_min_points(s->method) > first)
			first = forecast_min_points(s->method);
	}

	/* every candidate on the same origins, so their MASEs compare */
	out->method = FORECAST_NAIVE;
	out->first_origin = first;
	out->origins = first ? n - first : 0;
	for (int m = 0; m < FORECAST_NMETHODS; m++) {
		struct forecast_score *s = &out->score[m];

		if (!candidate[m] || score_method(y, n, horizon, first, out->scale, s) < 0)
			continue;
		if (!out->score[out->method].assessed ||
		    s->mase < out->score[out->method].mase - FORECAST_TIE_EPS)
			out->method = s->method;
	}
	{
		const struct forecast_score *c = &out->score[out->method];
		const struct forecast_score *nv = &out->score[FORECAST_NAIVE];

		out->beats_naive =
			c->assessed && nv->assessed && c->mase < nv->mase - FORECAST_TIE_EPS;
		out->unreliable = n < FORECAST_MIN_RELIABLE || (out->has_scale && !c->assessed);
	}
	rc = forecast_fit(y, n, out->method, &out->fit, e);
	return rc;
}
