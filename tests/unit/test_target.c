/* test_target.c - where one plan target stands in one year (calc/target).
 *
 * Tables of cases: comparators at their boundaries, the path and the
 * trend, every status for >=, <=, =, > and < targets, and the exact
 * sentences of the explanations in Chinese and English. The status and
 * explanation tables run as one cmocka test per case, named for what it
 * shows. All targets here have deadline 2025 and baseline year 2021. */
#include "unit/testlib.h"

#include <math.h>

#include "calc/target.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_POINTS 8

/* At run time, so that the compiler cannot fold it: 0.55 * 100 is
 * 55.000000000000007 and 0.57 * 100 is 56.999999999999993. */
static double times(double a, double b)
{
	volatile double x = a, y = b;

	return x * y;
}

/* Fail unless got is want within tol (cmocka 1.1.5 has no
 * assert_double_equal). */
#define assert_near(got, want, tol) assert_near_at((got), (want), (tol), #got)

static void assert_near_at(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s is %.17g, wanted %.17g", what, got, want);
}

/* The points of a case's series: the table ends it with year 0. */
static size_t series_len(const struct target_point *series)
{
	size_t n = 0;

	while (n < MAX_POINTS && series[n].year != 0)
		n++;
	return n;
}

static struct target_def def_of(enum target_cmp cmp, double value, const char *unit)
{
	return (struct target_def){.cmp = cmp,
				   .kind = TARGET_KIND_RATE,
				   .value = value,
				   .unit = unit,
				   .baseline_year = 2021,
				   .deadline = 2025,
				   .name_zh = "指标",
				   .name_en = "indicator",
				   .decimals = 1};
}

/* Assess and fail the test when it does not succeed. */
static struct target_result assess(const struct target_def *def, const struct target_point *series,
				   size_t n, int year)
{
	struct target_result res;
	struct err e;

	err_clear(&e);
	if (target_assess(def, series, n, year, &res, &e) != 0)
		fail_msg("target_assess: %s", e.msg);
	return res;
}

/* ---- names ---- */

static void test_parse(void **state)
{
	static const char *const good[] = {">=", "<=", "=", ">", "<"};
	static const char *const bad[] = {
		"", "==", "=>", "=<", " >=", ">= ", "≥", "!=", "assessed"};
	static const char *const keys[] = {"no_data", "achieved", "on_track", "at_risk",
					   "off_track"};
	enum target_cmp cmp;
	enum target_kind kind;
	enum target_status status;
	struct err e;

	(void)state;
	for (size_t i = 0; i < NCASES(good); i++) {
		assert_int_equal(target_cmp_parse(good[i], &cmp, &e), 0);
		assert_string_equal(target_cmp_symbol(cmp), good[i]);
	}
	for (size_t i = 0; i < NCASES(bad); i++) {
		err_clear(&e);
		if (target_cmp_parse(bad[i], &cmp, &e) != ERR_INPUT)
			fail_msg("comparator '%s' was accepted", bad[i]);
		assert_non_null(strstr(e.msg, "comparator"));
	}
	assert_int_equal(target_kind_parse("rate", &kind, &e), 0);
	assert_int_equal(kind, TARGET_KIND_RATE);
	assert_int_equal(target_kind_parse("count", &kind, &e), 0);
	assert_int_equal(kind, TARGET_KIND_COUNT);
	assert_int_equal(target_kind_parse("manual", &kind, &e), ERR_INPUT);
	for (size_t i = 0; i < NCASES(keys); i++) {
		assert_int_equal(target_status_parse(keys[i], &status, &e), 0);
		assert_int_equal(status, (enum target_status)i);
		assert_string_equal(target_status_key(status), keys[i]);
	}
	assert_int_equal(target_status_parse("ontrack", &status, &e), ERR_INPUT);
}

/* ---- comparisons at the boundary ---- */

struct meets_case {
	const char *what;
	double value;
	enum target_cmp cmp;
	double threshold;
	int want;
};

static void test_meets(void **state)
{
	const struct meets_case cases[] = {
		{"55.0 >= 55", 55.0, TARGET_CMP_GE, 55, 1},
		{"0.55*100 >= 55", times(0.55, 100), TARGET_CMP_GE, 55, 1},
		{"0.57*100 >= 57", times(0.57, 100), TARGET_CMP_GE, 57, 1},
		{"54.99 >= 55", 54.99, TARGET_CMP_GE, 55, 0},
		{"55 - 1e-6 >= 55", 55 - 1e-6, TARGET_CMP_GE, 55, 0},
		{"2.0 <= 2", 2.0, TARGET_CMP_LE, 2, 1},
		{"0.02*100 <= 2", times(0.02, 100), TARGET_CMP_LE, 2, 1},
		{"(0.1+0.2)*10 <= 3", times(0.1 + 0.2, 10), TARGET_CMP_LE, 3, 1},
		{"2.01 <= 2", 2.01, TARGET_CMP_LE, 2, 0},
		{"0 <= 0", 0, TARGET_CMP_LE, 0, 1},
		{"1 <= 0", 1, TARGET_CMP_LE, 0, 0},
		{"55 > 55", 55, TARGET_CMP_GT, 55, 0},
		{"0.55*100 > 55", times(0.55, 100), TARGET_CMP_GT, 55, 0},
		{"55.1 > 55", 55.1, TARGET_CMP_GT, 55, 1},
		{"2 < 2", 2, TARGET_CMP_LT, 2, 0},
		{"0.57*100 < 57", times(0.57, 100), TARGET_CMP_LT, 57, 0},
		{"1.9 < 2", 1.9, TARGET_CMP_LT, 2, 1},
		{"100 = 100", 100, TARGET_CMP_EQ, 100, 1},
		{"(0.1+0.2)*10 = 3", times(0.1 + 0.2, 10), TARGET_CMP_EQ, 3, 1},
		{"100 + 1e-10 = 100", 100 + 1e-10, TARGET_CMP_EQ, 100, 1},
		{"100.001 = 100", 100.001, TARGET_CMP_EQ, 100, 0},
		{"99.999 = 100", 99.999, TARGET_CMP_EQ, 100, 0},
	};

	(void)state;
	for (size_t i = 0; i < NCASES(cases); i++) {
		const struct meets_case *c = &cases[i];

		if (target_meets(c->value, c->cmp, c->threshold) != c->want)
			fail_msg("%s: wanted %d", c->what, c->want);
	}
}

/* The boundary through target_assess: status, gap and the shown figures. */
static void test_boundary_assessed(void **state)
{
	struct target_def ge = def_of(TARGET_CMP_GE, 55, "%");
	struct target_def le = def_of(TARGET_CMP_LE, 2, "%");
	struct target_def gt = def_of(TARGET_CMP_GT, 57, "%");
	struct target_point ge_pts[] = {{2021, 40}, {2025, times(0.55, 100)}};
	struct target_point le_pts[] = {{2021, 3}, {2025, times(0.02, 100)}};
	struct target_point gt_pts[] = {{2021, 40}, {2025, times(0.57, 100)}};
	struct target_result r;

	(void)state;
	r = assess(&ge, ge_pts, 2, 2025);
	assert_int_equal(r.status, TARGET_ACHIEVED);
	assert_true(r.gap == 0.0);
	assert_string_equal(r.explanation_zh, "2025年指标为55.0%，已达成55%目标。");
	target_result_release(&r);

	r = assess(&le, le_pts, 2, 2025);
	assert_int_equal(r.status, TARGET_ACHIEVED);
	assert_true(r.gap == 0.0);
	target_result_release(&r);

	/* 56.999999999999993 is 57 to the tolerance: not more than 57 */
	r = assess(&gt, gt_pts, 2, 2025);
	assert_int_equal(r.status, TARGET_OFF_TRACK);
	assert_true(r.gap == 0.0);
	target_result_release(&r);
}

/* ---- the figures of a year ---- */

static void test_fields(void **state)
{
	struct target_def ge = def_of(TARGET_CMP_GE, 55, "%");
	struct target_def le = def_of(TARGET_CMP_LE, 2, "%");
	/* out of order on purpose */
	struct target_point ge_pts[] = {{2023, 47}, {2021, 40}, {2025, 56.2}, {2022, 44}};
	struct target_point le_pts[] = {{2023, 2.4}, {2021, 3}};
	struct target_result r;

	(void)state;
	r = assess(&ge, ge_pts, 4, 2023);
	assert_int_equal(r.year, 2023);
	assert_true(r.has_actual && r.has_previous && r.has_baseline);
	assert_near(r.actual, 47, 1e-12);
	assert_near(r.previous, 44, 1e-12);
	assert_near(r.change, 3, 1e-12);
	assert_near(r.baseline, 40, 1e-12);
	assert_near(r.gap, 8, 1e-12); /* target - actual: 8 still to go */
	target_result_release(&r);

	/* over the target: the gap turns negative */
	r = assess(&ge, ge_pts, 4, 2025);
	assert_false(r.has_previous); /* no 2024: 2023 is not "the year before" */
	assert_near(r.gap, -1.2, 1e-9);
	target_result_release(&r);

	/* <=: actual - target, positive while above the ceiling */
	r = assess(&le, le_pts, 2, 2023);
	assert_false(r.has_previous);
	assert_near(r.gap, 0.4, 1e-9);
	target_result_release(&r);

	/* a year without a value */
	r = assess(&ge, ge_pts, 4, 2024);
	assert_int_equal(r.status, TARGET_NO_DATA);
	assert_false(r.has_actual);
	assert_true(r.has_previous);
	assert_near(r.previous, 47, 1e-12);
	target_result_release(&r);
}

static void test_trajectory(void **state)
{
	static const struct {
		int year;
		double want;
	} path[] = {{2021, 40}, {2022, 43.75}, {2023, 47.5}, {2024, 51.25}, {2025, 55}, {2027, 55}};
	struct target_def ge = def_of(TARGET_CMP_GE, 55, "%");
	struct target_point with_baseline[] = {{2021, 40}};
	struct target_point without_baseline[] = {{2022, 44}, {2023, 47}};
	struct target_result r;

	(void)state;
	for (size_t i = 0; i < NCASES(path); i++) {
		r = assess(&ge, with_baseline, 1, path[i].year);
		if (!r.has_trajectory || fabs(r.trajectory - path[i].want) > 1e-12)
			fail_msg("%d: trajectory %d %g, wanted %g", path[i].year, r.has_trajectory,
				 r.trajectory, path[i].want);
		target_result_release(&r);
	}
	/* before the baseline year there is no path yet */
	r = assess(&ge, with_baseline, 1, 2020);
	assert_false(r.has_trajectory);
	target_result_release(&r);
	/* no baseline: no path before the deadline; at it the target itself */
	r = assess(&ge, without_baseline, 2, 2023);
	assert_false(r.has_baseline);
	assert_false(r.has_trajectory);
	target_result_release(&r);
	r = assess(&ge, without_baseline, 2, 2025);
	assert_true(r.has_trajectory);
	assert_near(r.trajectory, 55, 1e-12);
	target_result_release(&r);
}

struct projection_case {
	const char *what;
	struct target_point series[MAX_POINTS];
	int year;
	int has;
	double want;
	size_t points;
};

static const struct projection_case projection_cases[] = {
	{"exact on a perfect line", {{2021, 40}, {2022, 43.75}, {2023, 47.5}}, 2023, 1, 55, 3},
	{"perfect line given backwards", {{2023, 47.5}, {2022, 43.75}, {2021, 40}}, 2023, 1, 55, 3},
	{"falling line", {{2021, 3}, {2022, 2.75}}, 2022, 1, 2, 2},
	{"least squares through noise", {{2021, 1}, {2022, 3}, {2023, 2}}, 2023, 1, 3.5, 3},
	{"one point: missing", {{2023, 47.5}}, 2023, 0, 0, 1},
	{"no points: missing", {{0, 0}}, 2023, 0, 0, 0},
	{"later years ignored", {{2021, 40}, {2022, 42}, {2023, 44}, {2024, 90}}, 2023, 1, 48, 3},
	{"later years ignored down to one", {{2021, 40}, {2024, 90}, {2025, 99}}, 2023, 0, 0, 1},
	{"gaps between years", {{2019, 30}, {2021, 40}, {2024, 55}}, 2024, 1, 60, 3},
};

static void test_projection(void **state)
{
	struct target_def ge = def_of(TARGET_CMP_GE, 55, "%");

	(void)state;
	for (size_t i = 0; i < NCASES(projection_cases); i++) {
		const struct projection_case *c = &projection_cases[i];
		struct target_result r = assess(&ge, c->series, series_len(c->series), c->year);

		if (r.has_projection != c->has || r.projection_points != c->points ||
		    (c->has && fabs(r.projection - c->want) > 1e-9))
			fail_msg("%s: projection %d %.12g from %zu points, wanted %d %g from %zu",
				 c->what, r.has_projection, r.projection, r.projection_points,
				 c->has, c->want, c->points);
		target_result_release(&r);
	}
}

/* ---- status ---- */

struct status_case {
	const char *name;
	enum target_cmp cmp;
	double target;
	struct target_point series[MAX_POINTS];
	int year;
	enum target_status want;
};

/* One case a line, laid out by hand. */
/* clang-format off */
static const struct status_case status_cases[] = {
	/* >= 55 from 40: the path asks 47.5 in 2023 */
	{">= achieved early", TARGET_CMP_GE, 55, {{2021, 40}, {2023, 55}}, 2023, TARGET_ACHIEVED},
	{">= on track, exactly on the path", TARGET_CMP_GE, 55, {{2021, 40}, {2023, 47.5}}, 2023,
	 TARGET_ON_TRACK},
	{">= on track at the baseline year", TARGET_CMP_GE, 55, {{2021, 40}}, 2021,
	 TARGET_ON_TRACK},
	{">= at risk: behind, trend reaches 55.9", TARGET_CMP_GE, 55,
	 {{2021, 40}, {2022, 47}, {2023, 47.4}}, 2023, TARGET_AT_RISK},
	{">= off track: behind, trend 49.8", TARGET_CMP_GE, 55,
	 {{2021, 40}, {2022, 42}, {2023, 45}}, 2023, TARGET_OFF_TRACK},
	{">= no data", TARGET_CMP_GE, 55, {{2021, 40}, {2022, 42}}, 2023, TARGET_NO_DATA},
	{">= missed at the deadline", TARGET_CMP_GE, 55, {{2021, 40}, {2025, 54.9}}, 2025,
	 TARGET_OFF_TRACK},
	{">= missed after the deadline", TARGET_CMP_GE, 55, {{2021, 40}, {2025, 56}, {2026, 54}},
	 2026, TARGET_OFF_TRACK},
	{">= met after the deadline", TARGET_CMP_GE, 55, {{2026, 55}}, 2026, TARGET_ACHIEVED},
	{">= no baseline, trend reaches", TARGET_CMP_GE, 55, {{2022, 44}, {2023, 48}}, 2023,
	 TARGET_ON_TRACK},
	{">= no baseline, trend misses", TARGET_CMP_GE, 55, {{2022, 44}, {2023, 45}}, 2023,
	 TARGET_OFF_TRACK},
	{">= no baseline, one point", TARGET_CMP_GE, 55, {{2023, 48}}, 2023, TARGET_OFF_TRACK},
	{">= before the baseline year, trend reaches", TARGET_CMP_GE, 55,
	 {{2019, 30}, {2020, 35}, {2021, 40}}, 2020, TARGET_ON_TRACK},

	/* <= 2 from 3: the path asks 2.5 in 2023 */
	{"<= achieved", TARGET_CMP_LE, 2, {{2021, 3}, {2023, 2.0}}, 2023, TARGET_ACHIEVED},
	{"<= on track", TARGET_CMP_LE, 2, {{2021, 3}, {2022, 2.9}, {2023, 2.4}}, 2023,
	 TARGET_ON_TRACK},
	{"<= at risk: above the path, trend 1.93", TARGET_CMP_LE, 2,
	 {{2021, 3}, {2022, 2.0}, {2023, 2.6}}, 2023, TARGET_AT_RISK},
	{"<= off track: above the path, trend 2.6", TARGET_CMP_LE, 2,
	 {{2021, 3}, {2022, 2.9}, {2023, 2.8}}, 2023, TARGET_OFF_TRACK},
	{"<= no data", TARGET_CMP_LE, 2, {{2021, 3}}, 2023, TARGET_NO_DATA},
	{"<= missed at the deadline", TARGET_CMP_LE, 2, {{2021, 3}, {2025, 2.1}}, 2025,
	 TARGET_OFF_TRACK},
	{"<= missed after the deadline", TARGET_CMP_LE, 2, {{2021, 3}, {2026, 2.5}}, 2026,
	 TARGET_OFF_TRACK},
	{"<= 0 met by zero", TARGET_CMP_LE, 0, {{2021, 3}, {2023, 0}}, 2023, TARGET_ACHIEVED},

	/* > and <: the boundary itself is not enough */
	{"> at the boundary at the deadline", TARGET_CMP_GT, 55, {{2021, 40}, {2025, 55}}, 2025,
	 TARGET_OFF_TRACK},
	{"> above the boundary", TARGET_CMP_GT, 55, {{2021, 40}, {2025, 55.1}}, 2025,
	 TARGET_ACHIEVED},
	{"< at the boundary at the deadline", TARGET_CMP_LT, 2, {{2021, 3}, {2025, 2}}, 2025,
	 TARGET_OFF_TRACK},
	{"< below the boundary", TARGET_CMP_LT, 2, {{2021, 3}, {2025, 1.9}}, 2025,
	 TARGET_ACHIEVED},

	/* = 100 from 90: the path asks 95 in 2023 */
	{"= achieved", TARGET_CMP_EQ, 100, {{2021, 90}, {2023, 100}}, 2023, TARGET_ACHIEVED},
	{"= on track, closer than the path", TARGET_CMP_EQ, 100, {{2021, 90}, {2023, 96}}, 2023,
	 TARGET_ON_TRACK},
	{"= on track, overshot but closer", TARGET_CMP_EQ, 100, {{2021, 90}, {2023, 103}}, 2023,
	 TARGET_ON_TRACK},
	{"= on track from above", TARGET_CMP_EQ, 100, {{2021, 110}, {2022, 106}, {2023, 104}},
	 2023, TARGET_ON_TRACK},
	{"= at risk: trend crosses 100", TARGET_CMP_EQ, 100,
	 {{2021, 90}, {2022, 94.5}, {2023, 94.8}}, 2023, TARGET_AT_RISK},
	{"= off track: trend 96.2", TARGET_CMP_EQ, 100, {{2021, 90}, {2022, 92}, {2023, 93}}, 2023,
	 TARGET_OFF_TRACK},
	{"= overshot at the deadline", TARGET_CMP_EQ, 100, {{2021, 90}, {2025, 101}}, 2025,
	 TARGET_OFF_TRACK},
};
/* clang-format on */

static void test_status(void **state)
{
	const struct status_case *c = *state;
	struct target_def def = def_of(c->cmp, c->target, "%");
	struct target_result r = assess(&def, c->series, series_len(c->series), c->year);

	if (r.status != c->want)
		print_error("%s: got %s, wanted %s\n%s\n", c->name, target_status_key(r.status),
			    target_status_key(c->want), r.explanation_en);
	assert_int_equal(r.status, c->want);
	target_result_release(&r);
}

/* ---- explanations ---- */

static const struct target_def g7 = {
	.cmp = TARGET_CMP_GE,
	.kind = TARGET_KIND_RATE,
	.value = 55,
	.unit = "%",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "中职毕业生升学率",
	.name_en = "progression rate of secondary vocational graduates",
	.decimals = 1,
};
static const struct target_def g10 = {
	.cmp = TARGET_CMP_GE,
	.kind = TARGET_KIND_RATE,
	.value = 35,
	.unit = "%",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "高职毕业生留舟率",
	.name_en = "local retention rate of higher vocational graduates",
	.decimals = 1,
};
static const struct target_def a1b = {
	.cmp = TARGET_CMP_LE,
	.kind = TARGET_KIND_RATE,
	.value = 0,
	.unit = "人",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "学生违法犯罪人数",
	.name_en = "number of students with criminal offences",
	.decimals = 0,
};
static const struct target_def a1a = {
	.cmp = TARGET_CMP_LE,
	.kind = TARGET_KIND_RATE,
	.value = 2,
	.unit = "%",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "职业院校学生流生率",
	.name_en = "dropout rate of vocational school students",
	.decimals = 1,
};
static const struct target_def a8a = {
	.cmp = TARGET_CMP_GE,
	.kind = TARGET_KIND_COUNT,
	.value = 15,
	.unit = "个",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "市级重点专业",
	.name_en = "city-level key majors",
	.decimals = 0,
};
static const struct target_def a5b = {
	.cmp = TARGET_CMP_GE,
	.kind = TARGET_KIND_RATE,
	.value = 12000,
	.unit = "人",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "中职学位供给量",
	.name_en = "number of secondary vocational places",
	.decimals = 0,
};
static const struct target_def g9 = {
	.cmp = TARGET_CMP_GE,
	.kind = TARGET_KIND_RATE,
	.value = 2,
	.unit = "倍",
	.baseline_year = 2021,
	.deadline = 2025,
	.name_zh = "年培训量与在校生数之比",
	.name_en = "ratio of yearly training to full-time enrolment",
	.decimals = 1,
};

struct explain_case {
	const char *name;
	const struct target_def *def;
	struct target_point series[MAX_POINTS];
	int year;
	enum target_status status;
	const char *zh, *en;
};

static const struct explain_case explain_cases[] = {
	{"zero target achieved",
	 &a1b,
	 {{2021, 3}, {2022, 2}, {2023, 2}, {2024, 1}, {2025, 0}},
	 2025,
	 TARGET_ACHIEVED,
	 "2025年学生违法犯罪人数为0人，较上年减少1人，已实现零发生目标。",
	 "In 2025 the number of students with criminal offences was 0, down 1 on the year before; "
	 "the target of zero is met."},
	/* the path asks 1.5: shown as 1.5, not as the actual's "2" */
	{"zero target, path shown with a decimal",
	 &a1b,
	 {{2021, 3}, {2022, 2}, {2023, 2}},
	 2023,
	 TARGET_OFF_TRACK,
	 "2023年学生违法犯罪人数为2人，与上年持平，高于按期达成所需的1.5人，按当前趋势2025年预计为"
	 "1人，难以达成零发生目标。",
	 "In 2023 the number of students with criminal offences was 2, unchanged on the year before, "
	 "above the 1.5 needed to be on schedule; on the current trend it would be 1 in 2025, so the "
	 "target of zero is unlikely to be met."},
	{"% achieved",
	 &g7,
	 {{2021, 40}, {2022, 44}, {2023, 47.5}, {2024, 54.8}, {2025, 56.2}},
	 2025,
	 TARGET_ACHIEVED,
	 "2025年中职毕业生升学率为56.2%，较上年提高1.4个百分点，已达成55%目标。",
	 "In 2025 the progression rate of secondary vocational graduates was 56.2%, up 1.4 "
	 "percentage points on the year before; the 55% target is met."},
	{"% on track",
	 &g10,
	 {{2021, 26}, {2022, 29}, {2023, 31}},
	 2023,
	 TARGET_ON_TRACK,
	 "2023年高职毕业生留舟率为31.0%，较上年提高2.0个百分点，高于按期达成所需的30.5%"
	 "，进展符合预期。",
	 "In 2023 the local retention rate of higher vocational graduates was 31.0%, up 2.0 "
	 "percentage points on the year before, above the 30.5% needed to be on schedule; "
	 "progress is on track."},
	{"% at risk",
	 &g7,
	 {{2021, 40}, {2022, 47}, {2023, 47.4}},
	 2023,
	 TARGET_AT_RISK,
	 "2023年中职毕业生升学率为47.4%，较上年提高0.4个百分点，低于按期达成所需的47.5%，"
	 "按当前趋势2025年可达55.9%，存在风险。",
	 "In 2023 the progression rate of secondary vocational graduates was 47.4%, up 0.4 "
	 "percentage points on the year before, below the 47.5% needed to be on schedule; on "
	 "the current trend it would reach 55.9% by 2025, so the target is at risk."},
	{"% off track",
	 &g7,
	 {{2021, 40}, {2022, 42}, {2023, 45}},
	 2023,
	 TARGET_OFF_TRACK,
	 "2023年中职毕业生升学率为45.0%，较上年提高3.0个百分点，低于按期达成所需的47.5%，"
	 "按当前趋势2025年预计为49.8%，难以达成55%目标。",
	 "In 2023 the progression rate of secondary vocational graduates was 45.0%, up 3.0 "
	 "percentage points on the year before, below the 47.5% needed to be on schedule; on "
	 "the current trend it would be 49.8% in 2025, so the 55% target is unlikely to be met."},
	{"% missed at the deadline",
	 &g7,
	 {{2021, 40}, {2024, 51}, {2025, 54.5}},
	 2025,
	 TARGET_OFF_TRACK,
	 "2025年中职毕业生升学率为54.5%，较上年提高3.5个百分点，未达成55%目标。",
	 "In 2025 the progression rate of secondary vocational graduates was 54.5%, up 3.5 "
	 "percentage points on the year before; the 55% target is not met."},
	{"% decrease after the deadline",
	 &g7,
	 {{2021, 40}, {2025, 54.5}, {2026, 54}},
	 2026,
	 TARGET_OFF_TRACK,
	 "2026年中职毕业生升学率为54.0%，较上年下降0.5个百分点，未达成2025年到期的55%目标。",
	 "In 2026 the progression rate of secondary vocational graduates was 54.0%, down 0.5 "
	 "percentage points on the year before; the 55% target, due in 2025, is not met."},
	{"% unchanged: -0.04 shows as level",
	 &g7,
	 {{2021, 40}, {2022, 47.54}, {2023, 47.5}},
	 2023,
	 TARGET_ON_TRACK,
	 "2023年中职毕业生升学率为47.5%，与上年持平，达到按期达成所需的47.5%，进展符合预期。",
	 "In 2023 the progression rate of secondary vocational graduates was 47.5%, unchanged "
	 "on the year before, in line with the 47.5% needed to be on schedule; progress is on "
	 "track."},
	{"% no previous year",
	 &g7,
	 {{2021, 40}, {2023, 48}},
	 2023,
	 TARGET_ON_TRACK,
	 "2023年中职毕业生升学率为48.0%，高于按期达成所需的47.5%，进展符合预期。",
	 "In 2023 the progression rate of secondary vocational graduates was 48.0%, above the "
	 "47.5% needed to be on schedule; progress is on track."},
	{"% no baseline, on track by the trend",
	 &g7,
	 {{2022, 44}, {2023, 48}},
	 2023,
	 TARGET_ON_TRACK,
	 "2023年中职毕业生升学率为48.0%，较上年提高4.0个百分点，按当前趋势2025年可达56.0%"
	 "，进展符合预期。",
	 "In 2023 the progression rate of secondary vocational graduates was 48.0%, up 4.0 "
	 "percentage points on the year before; on the current trend it would reach 56.0% by "
	 "2025, so progress is on track."},
	{"% one point, no baseline",
	 &g7,
	 {{2023, 48}},
	 2023,
	 TARGET_OFF_TRACK,
	 "2023年中职毕业生升学率为48.0%，尚未达成55%目标，数据不足以判断趋势。",
	 "In 2023 the progression rate of secondary vocational graduates was 48.0%; the 55% "
	 "target is not yet met and there are too few years of data to judge the trend."},
	{"% no data",
	 &g7,
	 {{2021, 40}, {2022, 44}, {2023, 47.5}, {2025, 56.2}},
	 2024,
	 TARGET_NO_DATA,
	 "2024年暂无中职毕业生升学率数据。",
	 "There is no 2024 figure for the progression rate of secondary vocational graduates."},
	{"<= achieved",
	 &a1a,
	 {{2021, 3}, {2022, 2.4}, {2023, 2.0}},
	 2023,
	 TARGET_ACHIEVED,
	 "2023年职业院校学生流生率为2.0%，较上年下降0.4个百分点，已控制在2%以内。",
	 "In 2023 the dropout rate of vocational school students was 2.0%, down 0.4 percentage "
	 "points on the year before; the target of at most 2% is met."},
	{"<= on track",
	 &a1a,
	 {{2021, 3}, {2022, 2.9}, {2023, 2.4}},
	 2023,
	 TARGET_ON_TRACK,
	 "2023年职业院校学生流生率为2.4%，较上年下降0.5个百分点，低于按期达成所需的2.5%"
	 "，进展符合预期。",
	 "In 2023 the dropout rate of vocational school students was 2.4%, down 0.5 percentage "
	 "points on the year before, below the 2.5% needed to be on schedule; progress is on "
	 "track."},
	{"<= at risk",
	 &a1a,
	 {{2021, 3}, {2022, 2.0}, {2023, 2.6}},
	 2023,
	 TARGET_AT_RISK,
	 "2023年职业院校学生流生率为2.6%，较上年提高0.6个百分点，高于按期达成所需的2.5%，"
	 "按当前趋势2025年可降至1.9%，存在风险。",
	 "In 2023 the dropout rate of vocational school students was 2.6%, up 0.6 percentage "
	 "points on the year before, above the 2.5% needed to be on schedule; on the current "
	 "trend it would fall to 1.9% by 2025, so the target is at risk."},
	{"<= off track",
	 &a1a,
	 {{2021, 3}, {2022, 2.9}},
	 2022,
	 TARGET_OFF_TRACK,
	 "2022年职业院校学生流生率为2.9%，较上年下降0.1个百分点，高于按期达成所需的2.8%，"
	 "按当前趋势2025年预计为2.6%，难以达成控制在2%以内的目标。",
	 "In 2022 the dropout rate of vocational school students was 2.9%, down 0.1 percentage "
	 "points on the year before, above the 2.8% needed to be on schedule; on the current "
	 "trend it would be 2.6% in 2025, so the target of at most 2% is unlikely to be met."},
	{"count on track",
	 &a8a,
	 {{2021, 3}, {2022, 6}, {2023, 9}},
	 2023,
	 TARGET_ON_TRACK,
	 "2023年市级重点专业已认定9个，较上年增加3个，目标15个，达到按期达成所需的9个，进展符合预期"
	 "。",
	 "By 2023, 9 city-level key majors had been recognised, 3 more than the year before, "
	 "against a target of 15, in line with the 9 needed to be on schedule; progress is on "
	 "track."},
	{"count achieved",
	 &a8a,
	 {{2021, 3}, {2024, 12}, {2025, 16}},
	 2025,
	 TARGET_ACHIEVED,
	 "2025年市级重点专业已认定16个，较上年增加4个，目标15个，已达成目标。",
	 "By 2025, 16 city-level key majors had been recognised, 4 more than the year before, "
	 "against a target of 15; the target is met."},
	{"count decrease, off track",
	 &a8a,
	 {{2021, 3}, {2022, 6}, {2023, 5}},
	 2023,
	 TARGET_OFF_TRACK,
	 "2023年市级重点专业已认定5个，较上年减少1个，目标15个，低于按期达成所需的9个，"
	 "按当前趋势2025年预计为8个，难以达成目标。",
	 "By 2023, 5 city-level key majors had been recognised, 1 fewer than the year before, "
	 "against a target of 15, below the 9 needed to be on schedule; on the current trend "
	 "it would be 8 in 2025, so the target is unlikely to be met."},
	{"count unchanged, trend 9.5 shows as 10",
	 &a8a,
	 {{2021, 3}, {2022, 6}, {2023, 6}},
	 2023,
	 TARGET_OFF_TRACK,
	 "2023年市级重点专业已认定6个，与上年持平，目标15个，低于按期达成所需的9个，"
	 "按当前趋势2025年预计为10个，难以达成目标。",
	 "By 2023, 6 city-level key majors had been recognised, the same number as the year "
	 "before, against a target of 15, below the 9 needed to be on schedule; on the current "
	 "trend it would be 10 in 2025, so the target is unlikely to be met."},
	{"count no data",
	 &a8a,
	 {{2021, 3}},
	 2024,
	 TARGET_NO_DATA,
	 "2024年暂无市级重点专业数据。",
	 "There is no 2024 figure for city-level key majors."},
	{"people, decrease, off track",
	 &a5b,
	 {{2021, 9000}, {2022, 9500}, {2023, 9400}},
	 2023,
	 TARGET_OFF_TRACK,
	 "2023年中职学位供给量为9400人，较上年减少100人，低于按期达成所需的10500人，"
	 "按当前趋势2025年预计为9900人，难以达成12000人目标。",
	 "In 2023 the number of secondary vocational places was 9400, down 100 on the year "
	 "before, below the 10500 needed to be on schedule; on the current trend it would be "
	 "9900 in 2025, so the 12000 target is unlikely to be met."},
	{"times, achieved",
	 &g9,
	 {{2021, 1.5}, {2022, 1.8}, {2023, 2.1}},
	 2023,
	 TARGET_ACHIEVED,
	 "2023年年培训量与在校生数之比为2.1倍，较上年提高0.3，已达成2倍目标。",
	 "In 2023 the ratio of yearly training to full-time enrolment was 2.1 times, up 0.3 on "
	 "the year before; the target of 2 times is met."},
};

static void test_explain(void **state)
{
	const struct explain_case *c = *state;
	struct target_result r = assess(c->def, c->series, series_len(c->series), c->year);

	if (r.status != c->status)
		print_error("status %s, wanted %s\n", target_status_key(r.status),
			    target_status_key(c->status));
	assert_int_equal(r.status, c->status);
	assert_string_equal(r.explanation_zh, c->zh);
	assert_string_equal(r.explanation_en, c->en);
	target_result_release(&r);
}

/* target_explain appends: a second language after the first. */
static void test_explain_appends(void **state)
{
	struct target_point pts[] = {{2021, 40}, {2022, 44}};
	struct target_result r = assess(&g7, pts, 2, 2023);
	struct strbuf sb = {0};

	(void)state;
	strbuf_addstr(&sb, "> ");
	target_explain(&g7, &r, TARGET_LANG_ZH, &sb);
	target_explain(&g7, &r, TARGET_LANG_EN, &sb);
	assert_string_equal(strbuf_str(&sb), "> 2023年暂无中职毕业生升学率数据。There is no 2023 "
					     "figure for the progression rate of secondary "
					     "vocational graduates.");
	strbuf_release(&sb);
	target_result_release(&r);
}

/* ---- numbers ---- */

struct number_case {
	double v;
	int decimals;
	const char *want;
};

static void test_format_number(void **state)
{
	const struct number_case cases[] = {
		{56.2, 1, "56.2"},
		{55, 1, "55.0"},
		{12000, 0, "12000"},
		{56.25, 1, "56.3"}, /* half away from zero, not to even */
		{10.5, 0, "11"},    /* printf would give "10" */
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{1.005, 2, "1.01"}, /* stored as 1.00499999999999989… */
		{times(0.565, 100), 0, "57"},
		{-0.04, 1, "0.0"}, /* never "-0.0" */
		{-0.0, 1, "0.0"},
		{-0.0, 0, "0"},
		{-0.4, 0, "0"},
		{-0.05, 1, "-0.1"},
		{-47.5, 1, "-47.5"},
		{0.123456789, 6, "0.123457"},
		{1e15, 6, "1000000000000000.000000"},
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < NCASES(cases); i++) {
		target_format_number(buf, sizeof(buf), cases[i].v, cases[i].decimals);
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%.17g with %d decimals: '%s', wanted '%s'", cases[i].v,
				 cases[i].decimals, buf, cases[i].want);
	}
}

/* ---- bad input ---- */

struct bad_case {
	const char *what;
	struct target_def def;
	struct target_point series[MAX_POINTS];
	int year;
	const char *in_msg;
};

static void test_bad_input(void **state)
{
	const double not_a_number = NAN;
	const struct bad_case cases[] = {
		{"decimals 7",
		 {.decimals = 7, .baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}},
		 2023,
		 "decimals 7"},
		{"decimals -1",
		 {.decimals = -1, .baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}},
		 2023,
		 "decimals -1"},
		{"baseline after the deadline",
		 {.baseline_year = 2026, .deadline = 2025},
		 {{2021, 1}},
		 2023,
		 "baseline year 2026"},
		{"year out of range",
		 {.baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}},
		 12023,
		 "year 12023"},
		{"target not finite",
		 {.value = not_a_number, .baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}},
		 2023,
		 "target value"},
		{"year twice",
		 {.baseline_year = 2021, .deadline = 2025},
		 {{2022, 1}, {2021, 1}, {2022, 2}},
		 2023,
		 "year 2022: twice"},
		{"value not finite",
		 {.baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}, {2022, not_a_number}},
		 2023,
		 "for 2022"},
		{"value too large",
		 {.baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}, {2022, 1e13}},
		 2023,
		 "for 2022"},
		{"series year out of range",
		 {.baseline_year = 2021, .deadline = 2025},
		 {{2021, 1}, {-5, 1}},
		 2023,
		 "series year -5"},
	};

	(void)state;
	for (size_t i = 0; i < NCASES(cases); i++) {
		struct target_def def = cases[i].def;
		struct target_result r;
		struct err e;
		int rc;

		def.unit = "%";
		def.name_zh = "指标";
		def.name_en = "indicator";
		err_clear(&e);
		rc = target_assess(&def, cases[i].series, series_len(cases[i].series),
				   cases[i].year, &r, &e);
		if (rc != ERR_INPUT || !strstr(e.msg, cases[i].in_msg))
			fail_msg("%s: rc %d, '%s'", cases[i].what, rc, e.msg);
		assert_null(r.explanation_zh);
		target_result_release(&r); /* harmless */
	}
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_meets),
		cmocka_unit_test(test_boundary_assessed),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_trajectory),
		cmocka_unit_test(test_projection),
		cmocka_unit_test(test_explain_appends),
		cmocka_unit_test(test_format_number),
		cmocka_unit_test(test_bad_input),
	};
	enum { NSTATUS = NCASES(status_cases), NEXPLAIN = NCASES(explain_cases) };
	struct CMUnitTest tests[NCASES(fixed) + NSTATUS + NEXPLAIN];
	static char names[NSTATUS + NEXPLAIN][128];
	size_t n = 0, k = 0;

	for (size_t i = 0; i < NCASES(fixed); i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < NSTATUS; i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_status",
					       status_cases[i].name, test_status, NULL, NULL,
					       &status_cases[i]);
	for (size_t i = 0; i < NEXPLAIN; i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_explain",
					       explain_cases[i].name, test_explain, NULL, NULL,
					       &explain_cases[i]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
