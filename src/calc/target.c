/* target.c - where one plan target stands in one year, and why.
 *
 * target_assess() works on a sorted copy of the series: it picks the
 * actuals of the year, the year before and the baseline year, draws the
 * linear path and the least-squares trend, and decides the status by the
 * rules in target.h. target_explain() turns the result into one sentence;
 * Chinese and English share every decision (which clauses, which
 * direction, which verdict) and differ only in the words, picked by
 * language at each step. */
#include "calc/target.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

static const char *const cmp_symbols[] = {
	[TARGET_CMP_GE] = ">=", [TARGET_CMP_LE] = "<=", [TARGET_CMP_EQ] = "=",
	[TARGET_CMP_GT] = ">",	[TARGET_CMP_LT] = "<",
};

static const char *const status_keys[] = {
	[TARGET_NO_DATA] = "no_data",	  [TARGET_ACHIEVED] = "achieved",
	[TARGET_ON_TRACK] = "on_track",	  [TARGET_AT_RISK] = "at_risk",
	[TARGET_OFF_TRACK] = "off_track",
};

#define TARGET_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

int target_cmp_parse(const char *s, enum target_cmp *cmp, struct err *e)
{
	for (size_t i = 0; i < TARGET_COUNT_OF(cmp_symbols); i++) {
		if (strcmp(s, cmp_symbols[i]) == 0) {
			*cmp = (enum target_cmp)i;
			return 0;
		}
	}
	return err_set(e, ERR_INPUT, "comparator '%s': not one of >=, <=, =, >, <", s);
}

const char *target_cmp_symbol(enum target_cmp cmp)
{
	assert((size_t)cmp < TARGET_COUNT_OF(cmp_symbols));
	return cmp_symbols[cmp];
}

int target_kind_parse(const char *s, enum target_kind *kind, struct err *e)
{
	if (strcmp(s, "rate") == 0)
		*kind = TARGET_KIND_RATE;
	else if (strcmp(s, "count") == 0)
		*kind = TARGET_KIND_COUNT;
	else
		return err_set(e, ERR_INPUT, "target kind '%s': not 'rate' or 'count'", s);
	return 0;
}

const char *target_status_key(enum target_status status)
{
	assert((size_t)status < TARGET_COUNT_OF(status_keys));
	return status_keys[status];
}

int target_status_parse(const char *s, enum target_status *status, struct err *e)
{
	for (size_t i = 0; i < TARGET_COUNT_OF(status_keys); i++) {
		if (strcmp(s, status_keys[i]) == 0) {
			*status = (enum target_status)i;
			return 0;
		}
	}
	return err_set(e, ERR_INPUT,
		       "target status '%s': not one of no_data, achieved, on_track, at_risk, "
		       "off_track",
		       s);
}

/* ---- comparisons ---- */

/* The tolerance for comparing a with b (see target.h). */
static double target_tol(double a, double b)
{
	return TARGET_REL_EPS * fmax(1.0, fmax(fabs(a), fabs(b)));
}

int target_meets(double value, enum target_cmp cmp, double threshold)
{
	double tol = target_tol(value, threshold);

	switch (cmp) {
	case TARGET_CMP_GE:
		return value >= threshold - tol;
	case TARGET_CMP_LE:
		return value <= threshold + tol;
	case TARGET_CMP_EQ:
		return fabs(value - threshold) <= tol;
	case TARGET_CMP_GT:
		return value > threshold + tol;
	case TARGET_CMP_LT:
		return value < threshold - tol;
	}
	assert(!"unknown comparator");
	return 0;
}

static int target_wants_less(enum target_cmp cmp)
{
	return cmp == TARGET_CMP_LE || cmp == TARGET_CMP_LT;
}

/* 1 when actual is at or ahead of the path's value trajectory. For = the
 * path leads to the target from one side; being at most as far from the
 * target as the path is counts as on it, whichever side the actual is. */
static int target_on_path(const struct target_def *def, double actual, double trajectory)
{
	double tol = target_tol(actual, trajectory);

	if (def->cmp == TARGET_CMP_EQ)
		return fabs(actual - def->value) <= fabs(trajectory - def->value) + tol;
	if (target_wants_less(def->cmp))
		return actual <= trajectory + tol;
	return actual >= trajectory - tol;
}

/* 1 when the trend from actual to projection reaches the target by the
 * deadline. For = the target must lie between the two: the trend crosses
 * it (overshooting a fixed value is reaching it on the way). */
static int target_reaches(const struct target_def *def, double actual, double projection)
{
	double tol = target_tol(projection, def->value);

	if (def->cmp != TARGET_CMP_EQ)
		return target_meets(projection, def->cmp, def->value);
	if (actual <= def->value)
		return projection >= def->value - tol;
	return projection <= def->value + tol;
}

/* ---- assessment ---- */

static int target_point_cmp(const void *a, const void *b)
{
	const struct target_point *pa = a, *pb = b;

	return (pa->year > pb->year) - (pa->year < pb->year);
}

static int target_year_ok(int year)
{
	return year >= TARGET_YEAR_MIN && year <= TARGET_YEAR_MAX;
}

static int target_value_ok(double v)
{
	return isfinite(v) && fabs(v) <= TARGET_MAX_ABS;
}

static int target_check_def(const struct target_def *def, int year, struct err *e)
{
	if (def->decimals < 0 || def->decimals > TARGET_MAX_DECIMALS)
		return err_set(e, ERR_INPUT, "decimals %d: not between 0 and %d", def->decimals,
			       TARGET_MAX_DECIMALS);
	if (!target_value_ok(def->value))
		return err_set(e, ERR_INPUT, "target value %g: not a number within ±%g", def->value,
			       TARGET_MAX_ABS);
	if (!target_year_ok(def->deadline) || !target_year_ok(def->baseline_year) ||
	    !target_year_ok(year))
		return err_set(e, ERR_INPUT,
			       "baseline year %d, deadline %d, year %d: years must lie in %d..%d",
			       def->baseline_year, def->deadline, year, TARGET_YEAR_MIN,
			       TARGET_YEAR_MAX);
	if (def->baseline_year > def->deadline)
		return err_set(e, ERR_INPUT, "baseline year %d: after the deadline %d",
			       def->baseline_year, def->deadline);
	return 0;
}

/* The least-squares line through pts[0..n) (distinct years) at year x. */
static double target_ols_at(const struct target_point *pts, size_t n, double x)
{
	double mean_year = 0, mean_value = 0, sxx = 0, sxy = 0;

	for (size_t i = 0; i < n; i++) {
		mean_year += pts[i].year;
		mean_value += pts[i].value;
	}
	mean_year /= (double)n;
	mean_value /= (double)n;
	/* Centred sums: years near 2000 squared would lose the digits. */
	for (size_t i = 0; i < n; i++) {
		double dx = pts[i].year - mean_year;

		sxx += dx * dx;
		sxy += dx * (pts[i].value - mean_value);
	}
	return mean_value + sxy / sxx * (x - mean_year);
}

static void target_explain_both(const struct target_def *def, struct target_result *res)
{
	struct strbuf sb = {0};

	target_explain(def, res, TARGET_LANG_ZH, &sb);
	res->explanation_zh = strbuf_detach(&sb);
	target_explain(def, res, TARGET_LANG_EN, &sb);
	res->explanation_en = strbuf_detach(&sb);
}

static enum target_status target_decide(const struct target_def *def,
					const struct target_result *res)
{
	if (!res->has_actual)
		return TARGET_NO_DATA;
	if (target_meets(res->actual, def->cmp, def->value))
		return TARGET_ACHIEVED;
	if (res->year >= def->deadline)
		return TARGET_OFF_TRACK;
	if (res->has_trajectory) {
		if (target_on_path(def, res->actual, res->trajectory))
			return TARGET_ON_TRACK;
		if (res->has_projection && target_reaches(def, res->actual, res->projection))
			return TARGET_AT_RISK;
		return TARGET_OFF_TRACK;
	}
	if (res->has_projection && target_reaches(def, res->actual, res->projection))
		return TARGET_ON_TRACK;
	return TARGET_OFF_TRACK;
}

int target_assess(const struct target_def *def, const struct target_point *series, size_t n,
		  int year, struct target_result *res, struct err *e)
{
	struct target_point *pts = NULL;
	size_t upto = 0;
	int rc;

	assert(def && def->unit && def->name_zh && def->name_en && (series || n == 0));
	memset(res, 0, sizeof(*res));
	rc = target_check_def(def, year, e);
	if (rc < 0)
		goto out;
	if (n > 0) {
		pts = xmalloc(n * sizeof(*pts));
		memcpy(pts, series, n * sizeof(*pts));
		qsort(pts, n, sizeof(*pts), target_point_cmp);
	}
	for (size_t i = 0; i < n; i++) {
		if (!target_year_ok(pts[i].year)) {
			rc = err_set(e, ERR_INPUT, "series year %d: not in %d..%d", pts[i].year,
				     TARGET_YEAR_MIN, TARGET_YEAR_MAX);
			goto out;
		}
		if (!target_value_ok(pts[i].value)) {
			rc = err_set(e, ERR_INPUT, "value %g for %d: not a number within ±%g",
				     pts[i].value, pts[i].year, TARGET_MAX_ABS);
			goto out;
		}
		if (i > 0 && pts[i].year == pts[i - 1].year) {
			rc = err_set(e, ERR_INPUT, "year %d: twice in the series", pts[i].year);
			goto out;
		}
	}

	res->year = year;
	for (size_t i = 0; i < n; i++) {
		if (pts[i].year == year) {
			res->has_actual = 1;
			res->actual = pts[i].value;
		}
		if (pts[i].year == year - 1) {
			res->has_previous = 1;
			res->previous = pts[i].value;
		}
		if (pts[i].year == def->baseline_year) {
			res->has_baseline = 1;
			res->baseline = pts[i].value;
		}
		if (pts[i].year <= year)
			upto = i + 1;
	}
	if (res->has_actual && res->has_previous)
		res->change = res->actual - res->previous;
	if (res->has_actual) {
		res->gap = target_wants_less(def->cmp) ? res->actual - def->value
						       : def->value - res->actual;
		if (fabs(res->gap) <= target_tol(res->actual, def->value))
			res->gap = 0;
	}

	if (year >= def->deadline) {
		res->has_trajectory = 1;
		res->trajectory = def->value;
	} else if (res->has_baseline && year >= def->baseline_year) {
		double share = (double)(year - def->baseline_year) /
			       (double)(def->deadline - def->baseline_year);

		res->has_trajectory = 1;
		res->trajectory = res->baseline + (def->value - res->baseline) * share;
	}

	res->projection_points = upto;
	if (upto >= 2) {
		res->has_projection = 1;
		res->projection = target_ols_at(pts, upto, def->deadline);
	}

	res->status = target_decide(def, res);
	target_explain_both(def, res);
	rc = 0;
out:
	free(pts);
	if (rc < 0)
		memset(res, 0, sizeof(*res));
	return rc;
}

void target_result_release(struct target_result *res)
{
	free(res->explanation_zh);
	free(res->explanation_en);
	res->explanation_zh = NULL;
	res->explanation_en = NULL;
}

/* ---- numbers ---- */

void target_format_number(char *buf, size_t size, double v, int decimals)
{
	double scale = 1, scaled, whole;

	assert(decimals >= 0 && decimals <= TARGET_MAX_DECIMALS);
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	/* Half away from zero, as people round, not printf's half to even.
	 * A few ulps of slack so that 56.25 computed as 56.2499999999 still
	 * rounds up. */
	scaled = fabs(v) * scale;
	whole = floor(scaled);
	if (scaled - whole >= 0.5 - 64 * DBL_EPSILON * fmax(1.0, scaled))
		whole += 1;
	/* Rounded to zero: print without sign, never "-0.0". */
	if (whole == 0)
		v = 0;
	else
		v = copysign(whole, v) / scale;
	snprintf(buf, size, "%.*f", decimals, v);
}

/* The target as the plan writes it: up to def->decimals places, trailing
 * zeros dropped ("55", not "55.0"). */
static void target_format_threshold(char *buf, size_t size, const struct target_def *def)
{
	char *dot;

	target_format_number(buf, size, def->value, def->decimals);
	dot = strchr(buf, '.');
	if (dot) {
		char *end = buf + strlen(buf);

		while (end > dot + 1 && end[-1] == '0')
			end--;
		if (end == dot + 1)
			end = dot;
		*end = '\0';
	}
}

/* ---- explanations ---- */

/* How a unit reads. Units not listed read as written, after a space in
 * English. */
struct target_unit_style {
	const char *unit;
	const char *en_value;  /* after a value in English: "%" in "56.2%" */
	const char *zh_change; /* after a change in Chinese: "个百分点" */
	const char *en_change; /* after a change in English, plural */
	int countable;	       /* changes are 增加/减少, not 提高/下降 */
};

static const struct target_unit_style unit_styles[] = {
	{"", "", "", "", 0},
	{"%", "%", "个百分点", " percentage points", 0},
	{"分", " points", "分", " points", 0},
	/* "提高0.2倍" would read as a relative rise: the change goes bare. */
	{"倍", " times", "", "", 0},
	/* What is counted is in the indicator's name: bare numbers in English. */
	{"人", "", "人", "", 1},
	{"个", "", "个", "", 1},
	{"所", "", "所", "", 1},
	{"门", "", "门", "", 1},
	{"家", "", "家", "", 1},
	{"项", "", "项", "", 1},
	{"类", "", "类", "", 1},
	{"名", "", "名", "", 1},
	{"次", "", "次", "", 1},
};

static struct target_unit_style target_unit_style(const char *unit)
{
	for (size_t i = 0; i < TARGET_COUNT_OF(unit_styles); i++)
		if (strcmp(unit, unit_styles[i].unit) == 0)
			return unit_styles[i];
	return (struct target_unit_style){unit, NULL, unit, NULL, 0};
}

static const char *target_pick(enum target_lang lang, const char *zh, const char *en)
{
	return lang == TARGET_LANG_ZH ? zh : en;
}

/* Append a number and the unit after it. */
static void target_add_with_unit(struct strbuf *out, const char *number,
				 const struct target_unit_style *us, enum target_lang lang)
{
	strbuf_addstr(out, number);
	if (lang == TARGET_LANG_ZH)
		strbuf_addstr(out, us->unit);
	else if (us->en_value)
		strbuf_addstr(out, us->en_value);
	else
		strbuf_addf(out, " %s", us->unit);
}

static void target_add_value(struct strbuf *out, const struct target_def *def, double v,
			     enum target_lang lang)
{
	struct target_unit_style us = target_unit_style(def->unit);
	char num[64];

	target_format_number(num, sizeof(num), v, def->decimals);
	target_add_with_unit(out, num, &us, lang);
}

static void target_add_threshold(struct strbuf *out, const struct target_def *def,
				 enum target_lang lang)
{
	struct target_unit_style us = target_unit_style(def->unit);
	char num[64];

	target_format_threshold(num, sizeof(num), def);
	target_add_with_unit(out, num, &us, lang);
}

/* The target as the object of a verb: "55%目标" / "the 55% target". A
 * count has stated its target already ("目标15个"): just "目标". */
static void target_add_goal(struct strbuf *out, const struct target_def *def, enum target_lang lang)
{
	struct target_unit_style us = target_unit_style(def->unit);
	int zh = lang == TARGET_LANG_ZH;

	if (def->kind == TARGET_KIND_COUNT) {
		strbuf_addstr(out, target_pick(lang, "目标", "the target"));
		return;
	}
	if (def->cmp == TARGET_CMP_LE && def->value == 0) {
		strbuf_addstr(out, target_pick(lang, "零发生目标", "the target of zero"));
		return;
	}
	switch (def->cmp) {
	case TARGET_CMP_GE:
	case TARGET_CMP_EQ:
		/* "the 55% target", but "the target of 85 points" */
		if (zh || (us.en_value && (us.en_value[0] == '\0' || us.en_value[0] == '%'))) {
			strbuf_addstr(out, target_pick(lang, "", "the "));
			target_add_threshold(out, def, lang);
			strbuf_addstr(out, target_pick(lang, "目标", " target"));
			return;
		}
		strbuf_addstr(out, "the target of ");
		break;
	case TARGET_CMP_GT:
		strbuf_addstr(out, target_pick(lang, "高于", "the target of more than "));
		break;
	case TARGET_CMP_LT:
		strbuf_addstr(out, target_pick(lang, "低于", "the target of less than "));
		break;
	case TARGET_CMP_LE:
		strbuf_addstr(out, target_pick(lang, "控制在", "the target of at most "));
		break;
	}
	target_add_threshold(out, def, lang);
	if (zh)
		strbuf_addstr(out, def->cmp == TARGET_CMP_LE ? "以内的目标" : "的目标");
}

/* "2023年…为31.0%" / "In 2023 the … was 31.0%"; a count "2024年…已认定12个" /
 * "By 2024, 12 … had been recognised". */
static void target_add_head(struct strbuf *out, const struct target_def *def,
			    const struct target_result *res, enum target_lang lang)
{
	int count = def->kind == TARGET_KIND_COUNT;

	if (lang == TARGET_LANG_ZH) {
		strbuf_addf(out, "%d年%s%s", res->year, def->name_zh, count ? "已认定" : "为");
		target_add_value(out, def, res->actual, lang);
	} else if (count) {
		strbuf_addf(out, "By %d, ", res->year);
		target_add_value(out, def, res->actual, lang);
		strbuf_addf(out, " %s had been recognised", def->name_en);
	} else {
		strbuf_addf(out, "In %d the %s was ", res->year, def->name_en);
		target_add_value(out, def, res->actual, lang);
	}
}

/* "，较上年提高1.4个百分点" / ", up 1.4 percentage points on the year
 * before". Whether it rose is read from the shown digits, so a change that
 * rounds to zero is "unchanged", never "up 0.0". */
static void target_add_change(struct strbuf *out, const struct target_def *def,
			      const struct target_result *res, enum target_lang lang)
{
	struct target_unit_style us = target_unit_style(def->unit);
	int count = def->kind == TARGET_KIND_COUNT;
	int countable = count || us.countable;
	char num[64];

	target_format_number(num, sizeof(num), fabs(res->change), def->decimals);
	if (strspn(num, "0.") == strlen(num)) {
		strbuf_addstr(out, target_pick(lang, "，与上年持平",
					       count ? ", the same number as the year before"
						     : ", unchanged on the year before"));
		return;
	}
	if (lang == TARGET_LANG_ZH) {
		if (res->change > 0)
			strbuf_addstr(out, countable ? "，较上年增加" : "，较上年提高");
		else
			strbuf_addstr(out, countable ? "，较上年减少" : "，较上年下降");
		strbuf_addf(out, "%s%s", num, us.zh_change);
		return;
	}
	if (count) {
		strbuf_addf(out, ", %s %s than the year before", num,
			    res->change > 0 ? "more" : "fewer");
		return;
	}
	strbuf_addf(out, ", %s %s", res->change > 0 ? "up" : "down", num);
	if (!us.en_change)
		strbuf_addf(out, " %s", us.unit);
	else if (strcmp(num, "1") == 0 && us.en_change[0] &&
		 us.en_change[strlen(us.en_change) - 1] == 's')
		strbuf_add(out, us.en_change, strlen(us.en_change) - 1); /* "1 point" */
	else
		strbuf_addstr(out, us.en_change);
	strbuf_addstr(out, " on the year before");
}

/* A count states its target after the actual: "，目标15个". */
static void target_add_count_target(struct strbuf *out, const struct target_def *def,
				    enum target_lang lang)
{
	static const char *const zh_words[] = {
		[TARGET_CMP_GE] = "",	  [TARGET_CMP_LE] = "不超过", [TARGET_CMP_EQ] = "",
		[TARGET_CMP_GT] = "超过", [TARGET_CMP_LT] = "少于",
	};
	static const char *const en_words[] = {
		[TARGET_CMP_GE] = "",
		[TARGET_CMP_LE] = "at most ",
		[TARGET_CMP_EQ] = "",
		[TARGET_CMP_GT] = "more than ",
		[TARGET_CMP_LT] = "fewer than ",
	};

	strbuf_addstr(out, target_pick(lang, "，目标", ", against a target of "));
	strbuf_addstr(out, target_pick(lang, zh_words[def->cmp], en_words[def->cmp]));
	target_add_threshold(out, def, lang);
}

/* "，高于按期达成所需的30.5%" / ", above the 30.5% needed to be on
 * schedule". Level with the path in the shown digits and on it reads
 * "达到" / "in line with". */
static void target_add_path(struct strbuf *out, const struct target_def *def,
			    const struct target_result *res, enum target_lang lang)
{
	char actual[64], trajectory[64];
	struct target_def shown = *def;
	const char *word;

	target_format_number(actual, sizeof(actual), res->actual, def->decimals);
	target_format_number(trajectory, sizeof(trajectory), res->trajectory, def->decimals);
	/* "2人, above the 2人 needed" reads wrong: show the path's figure with
	 * as many more decimals (up to two) as it takes to differ */
	while (strcmp(actual, trajectory) == 0 &&
	       !target_on_path(def, res->actual, res->trajectory) &&
	       shown.decimals < def->decimals + 2 && shown.decimals < TARGET_MAX_DECIMALS) {
		shown.decimals++;
		target_format_number(actual, sizeof(actual), res->actual, shown.decimals);
		target_format_number(trajectory, sizeof(trajectory), res->trajectory,
				     shown.decimals);
	}
	def = &shown;
	if (strcmp(actual, trajectory) == 0 && target_on_path(def, res->actual, res->trajectory))
		word = target_pick(lang, "达到", "in line with the ");
	else if (res->actual > res->trajectory)
		word = target_pick(lang, "高于", "above the ");
	else
		word = target_pick(lang, "低于", "below the ");
	strbuf_addf(out, "%s%s", target_pick(lang, "，", ", "), word);
	strbuf_addstr(out, target_pick(lang, "按期达成所需的", ""));
	target_add_value(out, def, res->trajectory, lang);
	strbuf_addstr(out, target_pick(lang, "", " needed to be on schedule"));
}

/* "，按当前趋势2025年可达56.0%" / "; on the current trend it would reach
 * 56.0% by 2025"; with reaching 0, "预计为" / "would be … in 2025". */
static void target_add_trend(struct strbuf *out, const struct target_def *def,
			     const struct target_result *res, int reaching, enum target_lang lang)
{
	int falling = res->projection < res->actual;

	if (lang == TARGET_LANG_ZH) {
		strbuf_addf(out, "，按当前趋势%d年%s", def->deadline,
			    !reaching ? "预计为"
			    : falling ? "可降至"
				      : "可达");
		target_add_value(out, def, res->projection, lang);
		return;
	}
	strbuf_addf(out, "; on the current trend it would %s ",
		    !reaching ? "be"
		    : falling ? "fall to"
			      : "reach");
	target_add_value(out, def, res->projection, lang);
	strbuf_addf(out, " %s %d", reaching ? "by" : "in", def->deadline);
}

/* The verdict of a year before the deadline that has not met the target. */
static void target_add_progress(struct strbuf *out, const struct target_def *def,
				const struct target_result *res, enum target_lang lang)
{
	int reaching = res->has_projection && target_reaches(def, res->actual, res->projection);
	int trend = 0;

	if (res->has_trajectory)
		target_add_path(out, def, res, lang);
	if (res->has_projection && (res->status != TARGET_ON_TRACK || !res->has_trajectory)) {
		target_add_trend(out, def, res, reaching, lang);
		trend = 1;
	}
	/* In English a verdict after the trend follows from it: ", so …". */
	strbuf_addstr(out, target_pick(lang, "，", trend ? ", so " : "; "));
	switch (res->status) {
	case TARGET_ON_TRACK:
		strbuf_addstr(out, target_pick(lang, "进展符合预期", "progress is on track"));
		break;
	case TARGET_AT_RISK:
		strbuf_addstr(out, target_pick(lang, "存在风险", "the target is at risk"));
		break;
	default:
		if (!res->has_trajectory && !res->has_projection) {
			strbuf_addstr(out, target_pick(lang, "尚未达成", ""));
			target_add_goal(out, def, lang);
			strbuf_addstr(out, target_pick(lang, "，数据不足以判断趋势",
						       " is not yet met and there are too few "
						       "years of data to judge the trend"));
			break;
		}
		strbuf_addstr(out, target_pick(lang, "难以达成", ""));
		target_add_goal(out, def, lang);
		strbuf_addstr(out, target_pick(lang, "", " is unlikely to be met"));
		break;
	}
}

void target_explain(const struct target_def *def, const struct target_result *res,
		    enum target_lang lang, struct strbuf *out)
{
	int zh = lang == TARGET_LANG_ZH;

	if (!res->has_actual) {
		if (zh)
			strbuf_addf(out, "%d年暂无%s数据。", res->year, def->name_zh);
		else
			strbuf_addf(out, "There is no %d figure for %s%s.", res->year,
				    def->kind == TARGET_KIND_COUNT ? "" : "the ", def->name_en);
		return;
	}
	target_add_head(out, def, res, lang);
	if (res->has_previous)
		target_add_change(out, def, res, lang);
	if (def->kind == TARGET_KIND_COUNT)
		target_add_count_target(out, def, lang);

	if (res->status == TARGET_ACHIEVED) {
		if (def->cmp == TARGET_CMP_LE && def->value == 0) {
			/* "零发生" targets: "已实现零发生" / "zero, as targeted" */
			strbuf_addstr(out, target_pick(lang, "，已实现零发生目标",
						       "; the target of zero is met"));
		} else if (zh && def->cmp == TARGET_CMP_LE && def->kind == TARGET_KIND_RATE) {
			/* "已控制在2%以内" */
			strbuf_addstr(out, "，已控制在");
			target_add_threshold(out, def, lang);
			strbuf_addstr(out, "以内");
		} else {
			strbuf_addstr(out, target_pick(lang, "，已达成", "; "));
			target_add_goal(out, def, lang);
			strbuf_addstr(out, target_pick(lang, "", " is met"));
		}
	} else if (res->year >= def->deadline) {
		strbuf_addstr(out, target_pick(lang, "，未达成", "; "));
		if (zh && res->year > def->deadline)
			strbuf_addf(out, "%d年到期的", def->deadline);
		target_add_goal(out, def, lang);
		if (!zh && res->year > def->deadline)
			strbuf_addf(out, ", due in %d,", def->deadline);
		strbuf_addstr(out, target_pick(lang, "", " is not met"));
	} else {
		target_add_progress(out, def, res, lang);
	}
	strbuf_addstr(out, target_pick(lang, "。", "."));
}
