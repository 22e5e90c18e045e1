/* target.h - where one plan target stands in one year, and why.
 *
 * Given a target of the plan (comparator, value, unit, baseline year,
 * deadline) and the yearly actual values of its indicator, target_assess()
 * computes what the monitoring view shows for one year: the actual and the
 * change on the year before, the baseline, the gap, the value the linear
 * path from baseline to target asks for that year, the least-squares
 * projection to the deadline, the status (achieved / on track / at risk /
 * off track / no data) and a one-sentence explanation in Chinese and in
 * English. Pure computation: no I/O, no store; the CLI, the server and the
 * reports all call this one function, so every place shows the same figures.
 *
 * Floating-point comparisons. A value v "meets" a threshold t when it does
 * so within a tolerance of TARGET_REL_EPS * max(1, |v|, |t|): relative, so
 * it absorbs the noise of arithmetic (0.55 * 100 meets ">= 55", 0.57 * 100
 * meets ">= 57") and nothing a person could see at any number of shown
 * decimals. Boundaries count as written in the plan: 55.0 meets ">= 55",
 * 2.0 meets "<= 2", 55.0 does not meet "> 55" and 2.0 does not meet "< 2". */
#ifndef TVET_TARGET_H
#define TVET_TARGET_H

#include <stddef.h>

#include "core/err.h"
#include "core/mem.h"

#define TARGET_REL_EPS 1e-9
#define TARGET_MAX_DECIMALS 6
/* Years and values outside these bounds are refused as bad input. */
#define TARGET_YEAR_MIN 1900
#define TARGET_YEAR_MAX 2200
#define TARGET_MAX_ABS 1e12

enum target_cmp {
	TARGET_CMP_GE, /* >= : at least */
	TARGET_CMP_LE, /* <= : at most (以内) */
	TARGET_CMP_EQ, /* =  : exactly, within the tolerance */
	TARGET_CMP_GT, /* >  : more than */
	TARGET_CMP_LT  /* <  : less than */
};

/* How the value reads: the plan's `kind` column (data/plan/README.md). */
enum target_kind {
	TARGET_KIND_RATE, /* a yearly statistic: "2023年…为31.0%" */
	TARGET_KIND_COUNT /* recognised registry items: "2024年…已认定12个，目标15个" */
};

enum target_status {
	TARGET_NO_DATA,	 /* no actual value for the year */
	TARGET_ACHIEVED, /* the actual meets the target */
	TARGET_ON_TRACK, /* not yet met, at or ahead of the path to the target */
	TARGET_AT_RISK,	 /* behind the path, but the trend still reaches the target */
	TARGET_OFF_TRACK /* behind and the trend misses, or the deadline has passed */
};

enum target_lang { TARGET_LANG_ZH, TARGET_LANG_EN };

/* One target as the plan defines it. The strings are borrowed: they must
 * live as long as the struct is used. */
struct target_def {
	enum target_cmp cmp;
	enum target_kind kind;
	double value;	     /* the threshold: 55 for 55 %, 2 for 2 倍 */
	const char *unit;    /* "%", "人", "倍", "分", "个", "所", …; "" for none */
	int baseline_year;   /* the baseline value is the actual of this year */
	int deadline;	     /* the year by which the target must be met */
	const char *name_zh; /* "中职毕业生升学率" */
	const char *name_en; /* "progression rate of secondary vocational graduates",
				lower case and without article: it follows "the" */
	int decimals;	     /* shown after the point: 1 for rates, 0 for counts */
};

/* One actual value: the indicator's value in a year. */
struct target_point {
	int year;
	double value;
};

/* What the monitoring view shows for one target in one year. Each value
 * below a has_ flag is meaningful only when that flag is 1. */
struct target_result {
	int year;
	enum target_status status;

	int has_actual;
	double actual;
	int has_previous; /* an actual for year - 1 */
	double previous;
	double change; /* actual - previous, when both are present */

	int has_baseline; /* an actual for the baseline year */
	double baseline;

	/* With the actual: how far it still has to go, positive while the
	 * target is not met: target - actual for >= and >, actual - target
	 * for <= and <. For = it is target - actual, signed: positive means
	 * the actual must still rise, negative that it must fall. 0 when the
	 * actual is within the tolerance of the target. */
	double gap;

	/* The value the straight path from (baseline year, baseline value)
	 * to (deadline, target) asks for in this year; the target itself at
	 * and after the deadline (no baseline needed there). Missing before
	 * the deadline without a baseline, and before the baseline year. */
	int has_trajectory;
	double trajectory;

	/* The ordinary least-squares line through the actuals of the years up
	 * to and including this one, evaluated at the deadline. Needs two or
	 * more such years. */
	int has_projection;
	double projection;
	size_t projection_points; /* how many years the line went through */

	/* One sentence each, owned by the result (target_result_release). */
	char *explanation_zh;
	char *explanation_en;
};

/* Parse a comparator as the plan writes it: ">=", "<=", "=", ">" or "<",
 * nothing else (no spaces, no "==", no "≥"). Returns 0 with *cmp set, or
 * ERR_INPUT quoting s. */
int target_cmp_parse(const char *s, enum target_cmp *cmp, struct err *e) WUR;

/* ">=", "<=", "=", ">" or "<". */
const char *target_cmp_symbol(enum target_cmp cmp);

/* Parse the plan's kind: "rate" or "count" ("manual" targets are assessed
 * by a person, not here). Returns 0 with *kind set, or ERR_INPUT. */
int target_kind_parse(const char *s, enum target_kind *kind, struct err *e) WUR;

/* The stable key of a status, for the store, JSON and CSS: "no_data",
 * "achieved", "on_track", "at_risk", "off_track". */
const char *target_status_key(enum target_status status);

/* Parse a key of target_status_key(). Returns 0 with *status set, or
 * ERR_INPUT quoting s. */
int target_status_parse(const char *s, enum target_status *status, struct err *e) WUR;

/* 1 when value meets "cmp threshold" within the tolerance described at the
 * top of this file, else 0. */
int target_meets(double value, enum target_cmp cmp, double threshold);

/* Write v rounded half away from zero to decimals places (0..6) into
 * buf[size] as plain digits ("56.2", "12000"): the one way the monitoring
 * view prints a number. Never "-0.0": a value that rounds to zero prints
 * without sign. size of 64 is always enough for |v| <= 1e15. */
void target_format_number(char *buf, size_t size, double v, int decimals);

/* Assess def in year against the actuals series[n] (any order, one per
 * year, only years that have a value). Fills *res (which the caller then
 * releases with target_result_release) and returns 0. ERR_INPUT, with *res
 * zeroed (releasing it is harmless), when def or the series is unusable:
 * decimals outside 0..6, a baseline year after the deadline, a year
 * outside TARGET_YEAR_MIN..MAX, a value not finite or beyond
 * TARGET_MAX_ABS, or a year twice in the series.
 *
 * Status, in this order:
 * - no_data: no actual for year;
 * - achieved: the actual meets the target;
 * - off_track: year is the deadline or later;
 * - with a trajectory for year: on_track when the actual is on the path
 *   (at least the trajectory for >= and >, at most for <= and <; for = at
 *   most as far from the target as the trajectory is); otherwise at_risk
 *   when the projection reaches the target, off_track when it does not or
 *   there is no projection;
 * - without one (no baseline, or year before the baseline year): on_track
 *   when the projection reaches the target, else off_track.
 * The projection "reaches" the target when it meets it; for = when the
 * target lies between the actual and the projection (the trend crosses it
 * by the deadline). */
int target_assess(const struct target_def *def, const struct target_point *series, size_t n,
		  int year, struct target_result *res, struct err *e) WUR;

/* Append to out the one-sentence explanation of res (from target_assess on
 * def) in lang, as a bureau analyst writes it: numbers with def->decimals
 * places, the target as the plan writes it ("55%"), a change in 百分点 /
 * percentage points for "%" and in the unit otherwise. Chinese ends in
 * "。" and uses "，"; English ends in ".". */
void target_explain(const struct target_def *def, const struct target_result *res,
		    enum target_lang lang, struct strbuf *out);

/* Free the explanations; the numbers stay. */
void target_result_release(struct target_result *res);

#endif
