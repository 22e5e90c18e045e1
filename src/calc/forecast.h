/* forecast.h - short yearly or quarterly series forecast 1-3 steps ahead:
 * naive, drift, GM(1,1) and damped Holt, one chosen per series by
 * rolling-origin MASE, each with prediction intervals.
 *
 * The platform forecasts demand per cluster and major from 4-15 annual
 * points, where nothing elaborate can be trusted; these are the benchmark
 * methods of Hyndman & Athanasopoulos (fpp3) plus the grey model Chinese
 * talent-demand studies use, scored honestly against the naive forecast.
 * Formulas, conventions and sources: docs/internals/forecast.md and
 * /work/shared/docs/methods/talent-analytics.md section 3.
 *
 * Pure computation: no I/O, no store. Input is y[0..n-1], one value per
 * consecutive period (year or quarter), oldest first. A gap is not filled:
 * a NAN or infinite value is refused as bad input, naming its index, and
 * the caller decides (drop the early years, or do not forecast). No output
 * field is ever NAN: every figure that can be absent has a has_ flag or a
 * reason, and callers print "no value" (无数据) for it. */
#ifndef TVET_FORECAST_H
#define TVET_FORECAST_H

#include <stddef.h>

#include "core/err.h"

/* Longest series accepted (ERR_LIMIT past it): damped Holt is fitted by a
 * grid search at every rolling origin, so cost grows as n^2. 200 points are
 * 200 years or 50 years of quarters. */
#define FORECAST_MAX_N 200
/* Longest horizon forecast_predict() and forecast_select() accept. */
#define FORECAST_MAX_H 10
/* Rolling origins a method needs before its MASE counts. */
#define FORECAST_MIN_ORIGINS 2
/* Rolling-origin errors GM(1,1) needs for an interval. */
#define FORECAST_GM_MIN_ERRORS 2
/* Two MASEs within this (absolute) are a tie, won by the simpler method. */
#define FORECAST_TIE_EPS 1e-9
/* Below this many points a series gets only the naive forecast, flagged. */
#define FORECAST_MIN_RELIABLE 3

/* In order of simplicity, the tie-break order of forecast_select(). */
enum forecast_method {
	FORECAST_NAIVE, /* y_T: no parameter */
	FORECAST_DRIFT, /* y_T + h (y_T - y_1)/(T - 1): one */
	FORECAST_GM11,	/* grey model GM(1,1): two (a, b) */
	FORECAST_HOLT,	/* additive damped trend: three (alpha, beta, phi) */
	FORECAST_NMETHODS
};

/* Why a method gave no fit, score or interval. */
enum forecast_reason {
	FORECAST_OK,
	FORECAST_TOO_SHORT,	  /* fewer points than the method needs */
	FORECAST_TOO_FEW_ORIGINS, /* fits, but too short to score by rolling origin */
	FORECAST_NOT_POSITIVE,	  /* GM(1,1) needs every value > 0 */
	FORECAST_CONSTANT,	  /* constant series: MASE has no scale */
	FORECAST_FIT_FAILED,	  /* a fit on some origin gave no finite result */
	FORECAST_NO_RESIDUALS	  /* too few residuals or errors for an interval */
};

/* Minimum points for a fit of each method: 1, 2, 4, 4. */
size_t forecast_min_points(enum forecast_method m);

/* "naive", "drift", "gm11", "holt_damped" (stable keys for JSON), and the
 * Chinese names 朴素, 漂移, 灰色GM(1,1), 阻尼Holt. */
const char *forecast_method_key(enum forecast_method m);
const char *forecast_method_zh(enum forecast_method m);

/* The reason in Chinese (zh != 0) or English, one short phrase. */
const char *forecast_reason_text(enum forecast_reason r, int zh);

/* GM(1,1) accuracy grade from the posterior-variance check. */
enum forecast_gm_grade {
	FORECAST_GM_GRADE_NONE,	     /* no C: the data have no spread */
	FORECAST_GM_GRADE_GOOD,	     /* 一级 好: C <= 0.35 and P >= 0.95 */
	FORECAST_GM_GRADE_QUALIFIED, /* 二级 合格: C <= 0.50 and P >= 0.80 */
	FORECAST_GM_GRADE_BARELY,    /* 三级 勉强: C <= 0.65 and P >= 0.70 */
	FORECAST_GM_GRADE_FAIL	     /* 四级 不合格 */
};

/* "好", "合格", "勉强合格", "不合格", "无" (zh) or good / qualified /
 * barely / fail / none. */
const char *forecast_gm_grade_text(enum forecast_gm_grade g, int zh);

/* The grade C and P imply (the first row both meet). */
enum forecast_gm_grade forecast_gm_grade_of(double c_ratio, double p_small);

/* GM(1,1) parameters and in-sample checks. Residuals are
 * eps(k) = y(k) - yhat(k), k = 1..n, with yhat(1) = y(1) (so eps(1) = 0);
 * S1, S2 are the population standard deviations of y and eps. */
struct forecast_gm11 {
	double a, b;		     /* development coefficient, grey input */
	double y1;		     /* y(1): where the time response starts */
	double ratio_lo, ratio_hi;   /* 级比 band (e^{-2/(n+1)}, e^{2/(n+1)}) */
	double ratio_min, ratio_max; /* lambda(k) = y(k-1)/y(k), k = 2..n */
	int ratio_ok;		     /* every lambda(k) inside the band */
	double s1, s2;		     /* sd of the data, sd of the residuals */
	int has_c;		     /* 0 when s1 = 0: no C, no P, grade NONE */
	double c_ratio;		     /* 后验差比 C = S2 / S1 */
	double p_small;		     /* 小误差概率 P = share of |eps - mean| < 0.6745 S1 */
	enum forecast_gm_grade grade;
	double max_rel_err; /* largest |eps(k)| / y(k) */
};

/* A method fitted to a whole series: enough to forecast any horizon. */
struct forecast_fit {
	enum forecast_method method;
	size_t n;     /* points fitted */
	double last;  /* y_T */
	double slope; /* drift: (y_T - y_1)/(T - 1) */
	/* damped Holt */
	double alpha, beta, phi;
	double level, trend; /* l_T, b_T */
	double sse;	     /* one-step in-sample SSE (Holt, from t = 3) */
	/* GM(1,1) */
	struct forecast_gm11 gm;
	/* the interval: sd of one-step errors (naive, drift, Holt) or of
	 * rolling-origin errors per sqrt(horizon) (GM) */
	int has_sigma;
	double sigma;
	size_t sigma_df; /* naive n-1, drift n-2, Holt n-2, GM its rolling errors */
	enum forecast_reason sigma_reason; /* why not, when !has_sigma */
};

/* Fit method m to y[0..n-1]. Holt's alpha, beta and phi are fitted by
 * minimising the one-step SSE over a grid (docs/internals/forecast.md).
 * Returns 0; ERR_INPUT when a value is not finite (naming the index), when
 * n is below forecast_min_points(m) or when GM(1,1) meets a value <= 0;
 * ERR_LIMIT when n > FORECAST_MAX_N; ERR_USAGE for an unknown method. *out
 * is fully written on success (zeroed on error). */
int forecast_fit(const double *y, size_t n, enum forecast_method m, struct forecast_fit *out,
		 struct err *e) WUR;

/* Damped Holt with the parameters given, not fitted: alpha and beta in
 * [0, 1], phi in (0, 1]. Same returns as forecast_fit(). */
int forecast_fit_holt(const double *y, size_t n, double alpha, double beta, double phi,
		      struct forecast_fit *out, struct err *e) WUR;

/* One forecast: the point and, when has_interval, the central interval
 * [lo, hi] of the level asked for. */
struct forecast_point {
	int h;
	double mean;
	int has_interval;
	enum forecast_reason interval_reason; /* why not, when !has_interval */
	double level;			      /* e.g. 0.8, 0.95 */
	double lo, hi;
};

/* The h-step-ahead forecast of f with its central interval of coverage
 * level (0 < level < 1). ERR_USAGE when h is outside 1..FORECAST_MAX_H or
 * level outside (0, 1). */
int forecast_predict(const struct forecast_fit *f, int h, double level, struct forecast_point *out,
		     struct err *e) WUR;

/* The standard normal quantile z with Phi(z) = p, 0 < p < 1 (to 1e-12). */
double forecast_normal_quantile(double p);

/* One method's rolling-origin record. */
struct forecast_score {
	enum forecast_method method;
	int assessed;		       /* MASE below is valid */
	enum forecast_reason reason;   /* why not assessed */
	double mase;		       /* mean |e| / scale over every origin and horizon */
	double mase_h[FORECAST_MAX_H]; /* by horizon (valid for errors_h > 0) */
	size_t errors_h[FORECAST_MAX_H];
	size_t errors;
};

/* The method chosen for a series, its fit on the whole series, and every
 * method's score for the record. */
struct forecast_choice {
	enum forecast_method method;
	struct forecast_fit fit;
	struct forecast_score score[FORECAST_NMETHODS];
	int has_scale;	     /* 0 for a constant series */
	double scale;	     /* in-sample one-step naive MAE of the whole series */
	size_t first_origin; /* points in the shortest training window */
	size_t origins;	     /* rolling origins scored */
	int beats_naive;     /* the chosen method's MASE is below naive's */
	int unreliable;	     /* fewer than FORECAST_MIN_RELIABLE points, or
			       * nothing could be scored */
};

/* Choose a method for y[0..n-1] by rolling-origin MASE with an expanding
 * window over horizons 1..horizon: every method that fits the whole series
 * and leaves at least FORECAST_MIN_ORIGINS origins is scored on the same
 * origins (from the largest minimum window among them to n - 1); the
 * scale, the in-sample naive MAE, is computed once on all of y. The lowest
 * MASE wins, ties (FORECAST_TIE_EPS) going to the simpler method. A method
 * not scored gets its reason; when none but naive can be, naive is chosen;
 * a constant series gets naive. Errors as forecast_fit(), and ERR_USAGE
 * when horizon is outside 1..FORECAST_MAX_H; n must be >= 1. */
int forecast_select(const double *y, size_t n, int horizon, struct forecast_choice *out,
		    struct err *e) WUR;

#endif
