/* test_posting.c - parsing the fields of one job advert (talent/posting).
 *
 * Case tables with values worked out by hand from the rules in
 * docs/internals/talent.md: salary forms to monthly CNY (21.75 paid days a
 * month of 8 hours, "·N薪" as N/12 of the monthly figure, a year over 12),
 * education levels and bounds, experience years, company keys and cleaned
 * titles. The district tests read the real division list
 * (data/divisions/zhoushan_divisions.csv) as the pipeline will; the title
 * and district tests also run every noise word and place name the demo
 * city's adverts use (demo/demo_words.c) and check they fold to the bare
 * title and to the right county. */
#include "unit/testlib.h"

#include <math.h>

#include "core/rng.h"
#include "core/utf8.h"
#include "demo/demo_internal.h"
#include "ingest/csv.h"
#include "talent/posting.h"
#include "text/normalize.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- salary ---- */

#define R POSTING_SALARY_RANGE
#define F POSTING_SALARY_FROM
#define U POSTING_SALARY_UPTO

struct salary_case {
	const char *text;
	enum posting_salary_kind kind;
	double min, max; /* monthly CNY; 0 where the kind has no such bound */
	int months;	 /* months paid */
	unsigned flags;
};

/* Worked by hand: x 21.75 per day, x 174 (= 8 x 21.75) per hour, / 12 per
 * year, x 52/12 per week, x N/12 for "N薪". */
static const struct salary_case salary_cases[] = {
	{"6000-8000元/月", R, 6000, 8000, 12, 0},
	{"6-8K", R, 6000, 8000, 12, 0},
	{"6k-8k", R, 6000, 8000, 12, 0},
	{"6k-8k·13薪", R, 6500, 8666.6666667, 13, 0},
	{"15-25K·13薪", R, 16250, 27083.3333333, 13, 0},
	{"15-25K·14薪", R, 17500, 29166.6666667, 14, 0},
	{"8-10k*13薪", R, 8666.6666667, 10833.3333333, 13, 0},
	{"6-8K 13薪", R, 6500, 8666.6666667, 13, 0},
	{"1-1.5万", R, 10000, 15000, 12, 0},
	{"1-1.5万/月", R, 10000, 15000, 12, 0},
	{"2-3万/月", R, 20000, 30000, 12, 0},
	{"0.8-1.2万", R, 8000, 12000, 12, 0},
	{"5千-8千", R, 5000, 8000, 12, 0},
	{"3-5千", R, 3000, 5000, 12, 0},
	{"8千-1.2万", R, 8000, 12000, 12, 0},
	{"8千-1.2万/月", R, 8000, 12000, 12, 0},
	{"6-8千/月", R, 6000, 8000, 12, 0},
	{"5.5-8.5千/月", R, 5500, 8500, 12, 0},
	{"5000-1万", R, 5000, 10000, 12, 0},
	{"月薪6000-8000", R, 6000, 8000, 12, 0},
	{"6,000-8,000元", R, 6000, 8000, 12, 0},
	{"4000~6000", R, 4000, 6000, 12, 0},
	{"4000至6000元", R, 4000, 6000, 12, 0},
	{"4000-6000+提成", R, 4000, 6000, 12, 0},
	{"￥6000-8000", R, 6000, 8000, 12, 0},
	{"６０００－８０００元／月", R, 6000, 8000, 12, 0},
	{"６-８Ｋ", R, 6000, 8000, 12, 0},
	{"6000-8000 面议", R, 6000, 8000, 12, 0},
	{"200元/天", R, 4350, 4350, 12, 0},
	{"200-240元/天", R, 4350, 5220, 12, 0},
	{"150元/日", R, 3262.5, 3262.5, 12, 0},
	{"100元/天", R, 2175, 2175, 12, 0},
	{"25元/小时", R, 4350, 4350, 12, 0},
	{"20元/时", R, 3480, 3480, 12, 0},
	{"时薪30元", R, 5220, 5220, 12, 0},
	{"300元/周", R, 1300, 1300, 12, 0},
	{"10-15万/年", R, 8333.3333333, 12500, 12, 0},
	{"50-60万/年", R, 41666.6666667, 50000, 12, 0},
	{"年薪20万", R, 16666.6666667, 16666.6666667, 12, 0},
	{"20W/年", R, 16666.6666667, 16666.6666667, 12, 0},
	{"8000", R, 8000, 8000, 12, 0},
	{"8千", R, 8000, 8000, 12, 0},
	{"1万", R, 10000, 10000, 12, 0},
	{"8000以上", F, 8000, 0, 12, 0},
	{"8000元/月以上", F, 8000, 0, 12, 0},
	{"3000起", F, 3000, 0, 12, 0},
	{"底薪3000+提成", F, 3000, 0, 12, 0},
	{"1.5万以上", F, 15000, 0, 12, 0},
	{"6k以上", F, 6000, 0, 12, 0},
	{"8000以下", U, 0, 8000, 12, 0},
	{"1万以内", U, 0, 10000, 12, 0},
	{"最高12000", U, 0, 12000, 12, 0},
	{"8000-6000", R, 6000, 8000, 12, POSTING_SALARY_SWAPPED},
	{"6k-8k·30薪", R, 6000, 8000, 12, POSTING_SALARY_BAD_MONTHS},
	/* absurd amounts: kept, flagged */
	{"1元", R, 1, 1, 12, POSTING_SALARY_LOW},
	{"1元/小时", R, 174, 174, 12, POSTING_SALARY_LOW},
	{"10亿/月", R, 1e9, 1e9, 12, POSTING_SALARY_HIGH},
	{"300-60万", R, 300, 600000, 12, POSTING_SALARY_LOW | POSTING_SALARY_HIGH},
	/* no amount */
	{"面议", POSTING_SALARY_NEGOTIABLE, 0, 0, 12, 0},
	{"薪资面议", POSTING_SALARY_NEGOTIABLE, 0, 0, 12, 0},
	{"待遇面议", POSTING_SALARY_NEGOTIABLE, 0, 0, 12, 0},
	{"待遇优厚", POSTING_SALARY_UNPARSED, 0, 0, 12, 0},
	{"月薪过万", POSTING_SALARY_UNPARSED, 0, 0, 12, 0},
	{"", POSTING_SALARY_EMPTY, 0, 0, 12, 0},
	{"　 ", POSTING_SALARY_EMPTY, 0, 0, 12, 0},
};

static void salary_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(salary_cases); i++) {
		const struct salary_case *c = &salary_cases[i];
		struct posting_salary s;

		posting_salary_parse(c->text, &s);
		if (s.kind != c->kind || fabs(s.min - c->min) > 1e-6 ||
		    fabs(s.max - c->max) > 1e-6 || s.months_paid != c->months ||
		    s.flags != c->flags)
			fail_msg("'%s': kind %d min %.7f max %.7f months %d flags %u; wanted "
				 "kind %d min %.7f max %.7f months %d flags %u",
				 c->text, s.kind, s.min, s.max, s.months_paid, s.flags, c->kind,
				 c->min, c->max, c->months, c->flags);
	}
	print_message("%zu salary forms\n", N(salary_cases));
}

static void salary_periods_and_usable(void **state)
{
	struct posting_salary s;

	(void)state;
	posting_salary_parse(NULL, &s);
	assert_int_equal(s.kind, POSTING_SALARY_EMPTY);
	assert_false(posting_salary_usable(&s));
	posting_salary_parse("200元/天", &s);
	assert_int_equal(s.period, POSTING_PER_DAY);
	assert_true(posting_salary_usable(&s));
	posting_salary_parse("25元/小时", &s);
	assert_int_equal(s.period, POSTING_PER_HOUR);
	posting_salary_parse("10-15万/年", &s);
	assert_int_equal(s.period, POSTING_PER_YEAR);
	posting_salary_parse("6-8K", &s);
	assert_int_equal(s.period, POSTING_PER_MONTH);
	posting_salary_parse("8000以上", &s);
	assert_true(posting_salary_usable(&s));
	posting_salary_parse("1元", &s);
	assert_false(posting_salary_usable(&s));
	posting_salary_parse("10亿/月", &s);
	assert_false(posting_salary_usable(&s));
	posting_salary_parse("面议", &s);
	assert_false(posting_salary_usable(&s));
	/* a yearly amount is not annualised again by "N薪" */
	posting_salary_parse("年薪26万·13薪", &s);
	assert_int_equal(s.months_paid, 13);
	assert_true(fabs(s.min - 260000.0 / 12) < 1e-6);
}

/* ---- education ---- */

struct edu_case {
	const char *text;
	enum posting_edu level;
	enum posting_bound bound;
};

static const struct edu_case edu_cases[] = {
	{"学历不限", POSTING_EDU_ANY, POSTING_BOUND_EXACT},
	{"不限", POSTING_EDU_ANY, POSTING_BOUND_EXACT},
	{"无学历要求", POSTING_EDU_ANY, POSTING_BOUND_EXACT},
	{"初中及以下", POSTING_EDU_JUNIOR, POSTING_BOUND_AT_MOST},
	{"初中", POSTING_EDU_JUNIOR, POSTING_BOUND_EXACT},
	{"初中以上", POSTING_EDU_JUNIOR, POSTING_BOUND_AT_LEAST},
	{"中专/中技", POSTING_EDU_SEC_VOC, POSTING_BOUND_EXACT},
	{"中专及以上", POSTING_EDU_SEC_VOC, POSTING_BOUND_AT_LEAST},
	{"技校", POSTING_EDU_SEC_VOC, POSTING_BOUND_EXACT},
	{"职高", POSTING_EDU_SEC_VOC, POSTING_BOUND_EXACT},
	{"技工学校毕业", POSTING_EDU_SEC_VOC, POSTING_BOUND_EXACT},
	{"高中", POSTING_EDU_SENIOR, POSTING_BOUND_EXACT},
	{"高中以上", POSTING_EDU_SENIOR, POSTING_BOUND_AT_LEAST},
	{"高中/中专及以上", POSTING_EDU_SEC_VOC, POSTING_BOUND_AT_LEAST},
	{"大中专", POSTING_EDU_SEC_VOC, POSTING_BOUND_EXACT},
	{"大专", POSTING_EDU_COLLEGE, POSTING_BOUND_EXACT},
	{"大专及以上", POSTING_EDU_COLLEGE, POSTING_BOUND_AT_LEAST},
	{"专科", POSTING_EDU_COLLEGE, POSTING_BOUND_EXACT},
	{"高职高专", POSTING_EDU_COLLEGE, POSTING_BOUND_EXACT},
	{"全日制大专以上学历", POSTING_EDU_COLLEGE, POSTING_BOUND_AT_LEAST},
	{"本科", POSTING_EDU_BACHELOR, POSTING_BOUND_EXACT},
	{"统招本科及以上", POSTING_EDU_BACHELOR, POSTING_BOUND_AT_LEAST},
	{"本科/大专", POSTING_EDU_COLLEGE, POSTING_BOUND_EXACT},
	{"硕士", POSTING_EDU_MASTER, POSTING_BOUND_EXACT},
	{"硕士研究生及以上", POSTING_EDU_MASTER, POSTING_BOUND_AT_LEAST},
	{"博士研究生", POSTING_EDU_DOCTOR, POSTING_BOUND_EXACT},
	{"博士", POSTING_EDU_DOCTOR, POSTING_BOUND_EXACT},
	{"", POSTING_EDU_UNKNOWN, POSTING_BOUND_EXACT},
	{"见面详谈", POSTING_EDU_UNKNOWN, POSTING_BOUND_EXACT},
};

static void education_table(void **state)
{
	struct posting_education ed;

	(void)state;
	for (size_t i = 0; i < N(edu_cases); i++) {
		posting_education_parse(edu_cases[i].text, &ed);
		if (ed.level != edu_cases[i].level || ed.bound != edu_cases[i].bound)
			fail_msg("'%s': level %d bound %d; wanted %d %d", edu_cases[i].text,
				 ed.level, ed.bound, edu_cases[i].level, edu_cases[i].bound);
	}
	posting_education_parse(NULL, &ed);
	assert_int_equal(ed.level, POSTING_EDU_UNKNOWN);
	/* the order the platform compares with */
	assert_true(POSTING_EDU_ANY < POSTING_EDU_JUNIOR);
	assert_true(POSTING_EDU_JUNIOR < POSTING_EDU_SEC_VOC);
	assert_true(POSTING_EDU_SEC_VOC < POSTING_EDU_SENIOR);
	assert_true(POSTING_EDU_SENIOR < POSTING_EDU_COLLEGE);
	assert_true(POSTING_EDU_COLLEGE < POSTING_EDU_BACHELOR);
	assert_true(POSTING_EDU_BACHELOR < POSTING_EDU_MASTER);
	assert_true(POSTING_EDU_MASTER < POSTING_EDU_DOCTOR);
}

static void education_names_and_vocational(void **state)
{
	(void)state;
	assert_string_equal(posting_edu_name(POSTING_EDU_SEC_VOC), "中专");
	assert_string_equal(posting_edu_name(POSTING_EDU_COLLEGE), "大专");
	assert_string_equal(posting_edu_name(POSTING_EDU_ANY), "不限");
	assert_string_equal(posting_edu_name(POSTING_EDU_UNKNOWN), "");
	assert_string_equal(posting_edu_vocational(POSTING_EDU_SEC_VOC), "中职");
	assert_string_equal(posting_edu_vocational(POSTING_EDU_JUNIOR), "中职");
	assert_string_equal(posting_edu_vocational(POSTING_EDU_SENIOR), "中职");
	assert_string_equal(posting_edu_vocational(POSTING_EDU_COLLEGE), "高职专科");
	assert_string_equal(posting_edu_vocational(POSTING_EDU_BACHELOR), "职业本科");
	assert_null(posting_edu_vocational(POSTING_EDU_ANY));
	assert_null(posting_edu_vocational(POSTING_EDU_MASTER));
	assert_null(posting_edu_vocational(POSTING_EDU_UNKNOWN));
}

/* ---- experience ---- */

struct exp_case {
	const char *text;
	int known;
	double min;
	int has_max;
	double max;
	int graduate;
};

static const struct exp_case exp_cases[] = {
	{"经验不限", 1, 0, 0, 0, 0},
	{"无经验", 1, 0, 0, 0, 0},
	{"应届生", 1, 0, 0, 0, 1},
	{"应届毕业生", 1, 0, 0, 0, 1},
	{"在校生/应届生", 1, 0, 0, 0, 1},
	{"1年以内", 1, 0, 1, 1, 0},
	{"1-3年", 1, 1, 1, 3, 0},
	{"3-5年", 1, 3, 1, 5, 0},
	{"5-10年", 1, 5, 1, 10, 0},
	{"１－３年", 1, 1, 1, 3, 0},
	{"6-12个月", 1, 0.5, 1, 1, 0},
	{"1年以上", 1, 1, 0, 0, 0},
	{"3年以上工作经验", 1, 3, 0, 0, 0},
	{"三年以上", 1, 3, 0, 0, 0},
	{"两年以上相关经验", 1, 2, 0, 0, 0},
	{"十年以上", 1, 10, 0, 0, 0},
	{"10年以上", 1, 10, 0, 0, 0},
	{"半年以上", 1, 0.5, 0, 0, 0},
	{"6个月以上", 1, 0.5, 0, 0, 0},
	{"2年", 1, 2, 0, 0, 0},
	{"", 0, 0, 0, 0, 0},
	{"有相关经验者优先", 0, 0, 0, 0, 0},
};

static void experience_table(void **state)
{
	struct posting_experience x;

	(void)state;
	for (size_t i = 0; i < N(exp_cases); i++) {
		const struct exp_case *c = &exp_cases[i];
		posting_experience_parse(c->text, &x);
		if (x.known != c->known || fabs(x.min_years - c->min) > 1e-9 ||
		    x.has_max != c->has_max || fabs(x.max_years - c->max) > 1e-9 ||
		    x.graduate != c->graduate)
			fail_msg("'%s': known %d min %g has_max %d max %g graduate %d", c->text,
				 x.known, x.min_years, x.has_max, x.max_years, x.graduate);
	}
	posting_experience_parse(NULL, &x);
	assert_int_equal(x.known, 0);
}

/* ---- district ---- */

struct divisions {
	struct posting_division *rows;
	size_t n;
	struct posting_places places;
};

/* The division list as the pipeline will read it: code and name columns of
 * data/divisions/zhoushan_divisions.csv. */
static int divisions_setup(void **state)
{
	static const char *const cols[] = {"code", "name"};
	char path[512];
	struct divisions *dv = xcalloc(1, sizeof(*dv));
	struct csv_reader *r = NULL;
	struct err e;
	int idx[2], rc;
	size_t cap = 0;

	snprintf(path, sizeof(path), "%s/divisions/zhoushan_divisions.csv", TVET_DATADIR);
	if (csv_reader_open(&r, path, &e) < 0 || csv_reader_header(r, cols, 2, idx, &e) < 0) {
		print_error("%s: %s\n", path, e.msg);
		csv_reader_free(r);
		free(dv);
		return -1;
	}
	while ((rc = csv_reader_next(r, &e)) == 1) {
		if (dv->n == cap) {
			cap = cap ? cap * 2 : 64;
			dv->rows = xrealloc(dv->rows, cap * sizeof(*dv->rows));
		}
		dv->rows[dv->n].code = xstrdup(csv_reader_field(r, (size_t)idx[0]));
		dv->rows[dv->n].name = xstrdup(csv_reader_field(r, (size_t)idx[1]));
		dv->n++;
	}
	csv_reader_free(r);
	if (rc < 0)
		return -1;
	posting_places_init(&dv->places, dv->rows, dv->n, NULL);
	*state = dv;
	return 0;
}

static int divisions_teardown(void **state)
{
	struct divisions *dv = *state;

	posting_places_release(&dv->places);
	for (size_t i = 0; i < dv->n; i++) {
		free((char *)dv->rows[i].code);
		free((char *)dv->rows[i].name);
	}
	free(dv->rows);
	free(dv);
	return 0;
}

static void district_table(void **state)
{
	static const struct {
		const char *text, *code;
	} cases[] = {
		{"定海", "330902"},
		{"定海区", "330902"},
		{"普陀", "330903"},
		{"普陀区", "330903"},
		{"岱山县", "330921"},
		{"岱山", "330921"},
		{"嵊泗", "330922"},
		{"嵊泗县", "330922"},
		{"新城", "330902"},
		{"定海新城", "330902"},
		{"舟山·普陀", "330903"},
		{"舟山-岱山县", "330921"},
		{"舟山市普陀区", "330903"},
		{"浙江舟山定海区", "330902"},
		{"舟山-定海区-临城", "330902006"},
		{"沈家门", "330903001"},
		{"普陀区六横镇", "330903100"},
		{"岱山县高亭镇", "330921100"},
		{"嵊泗县菜园镇", "330922100"},
		{"普陀山", "330903106"},
		{"鱼山岛", "330921"},
		{"舟山", "3309"},
		{"舟山市", "3309"},
		{"浙江", "33"},
		{"　定海区　", "330902"},
	};
	struct divisions *dv = *state;
	char county[7];

	assert_true(dv->n >= 40);
	for (size_t i = 0; i < N(cases); i++) {
		const char *got = posting_place_code(&dv->places, cases[i].text);
		if (!got || strcmp(got, cases[i].code) != 0)
			fail_msg("'%s': %s, wanted %s", cases[i].text, got ? got : "(none)",
				 cases[i].code);
	}
	assert_null(posting_place_code(&dv->places, "杭州市西湖区"));
	assert_null(posting_place_code(&dv->places, ""));
	assert_null(posting_place_code(&dv->places, NULL));
	assert_int_equal(posting_division_county("330902006", county), 0);
	assert_string_equal(county, "330902");
	assert_int_equal(posting_division_county("330903", county), 0);
	assert_string_equal(county, "330903");
	assert_int_equal(posting_division_county("3309", county), -1);
	assert_string_equal(county, "");
	assert_int_equal(posting_division_county(NULL, county), -1);
}

/* Every place name the demo writes maps into its own county. */
static void district_demo_places(void **state)
{
	struct divisions *dv = *state;
	char county[7];

	for (int c = 0; c < DEMO_NCOUNTIES; c++)
		for (size_t i = 0; demo_counties[c].places[i]; i++) {
			const char *place = demo_counties[c].places[i];
			const char *got = posting_place_code(&dv->places, place);
			if (!got || posting_division_county(got, county) < 0 ||
			    strcmp(county, demo_counties[c].code) != 0)
				fail_msg("'%s': %s, wanted county %s", place, got ? got : "(none)",
					 demo_counties[c].code);
		}
}

static void district_custom_aliases(void **state)
{
	static const struct posting_division rows[] = {{"330902", "定海区"}};
	static const struct posting_alias none[] = {{NULL, NULL}};
	static const struct posting_alias mine[] = {{"本岛", "330902"}, {NULL, NULL}};
	struct posting_places p;

	(void)state;
	posting_places_init(&p, rows, N(rows), none);
	assert_null(posting_place_code(&p, "新城"));
	assert_string_equal(posting_place_code(&p, "定海"), "330902");
	posting_places_release(&p);
	posting_places_init(&p, rows, N(rows), mine);
	assert_string_equal(posting_place_code(&p, "舟山本岛"), "330902");
	posting_places_release(&p);
}

/* ---- company ---- */

static void company_table(void **state)
{
	static const struct {
		const char *name, *norm;
	} cases[] = {
		{"舟山瑞丰船舶修造有限公司", "舟山瑞丰船舶修造"},
		{"舟山瑞丰船舶修造", "舟山瑞丰船舶修造"},
		{"浙江海港股份有限公司", "浙江海港"},
		{"舟山海运有限责任公司", "舟山海运"},
		{"浙江海运股份公司", "浙江海运"},
		{"舟山中远海运公司", "舟山中远海运"},
		{"中国石化销售股份有限公司浙江舟山石油分公司", "中国石化销售"},
		{"舟山市海天酒店分公司", "舟山市海天酒店"},
		{"舟山海星科技有限公司（舟山）", "舟山海星科技"},
		{"（舟山）海星科技有限公司", "海星科技"},
		{"舟山 ＡＢＣ 贸易有限公司", "舟山ABC贸易"},
		{"abc物流有限公司", "ABC物流"},
		{"舟山诚信会计师事务所(普通合伙)", "舟山诚信会计师事务所"},
		{"舟山·东海渔业有限公司", "舟山东海渔业"},
		{"【舟山海星】", "舟山海星"},
		{"", ""},
	};

	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		char *got = posting_company_norm(cases[i].name);
		if (strcmp(got, cases[i].norm) != 0)
			fail_msg("'%s': '%s', wanted '%s'", cases[i].name, got, cases[i].norm);
		free(got);
	}
}

/* ---- title ---- */

static void title_table(void **state)
{
	static const struct {
		const char *title, *clean;
	} cases[] = {
		{"急招电焊工", "电焊工"},
		{"【急聘】船体装配工", "船体装配工"},
		{"【急招】船体装配工", "船体装配工"},
		{"电焊工（包吃住）", "电焊工"},
		{"电焊工(包吃住)", "电焊工"},
		{"高薪诚聘数控车工", "数控车工"},
		{"直招普工 五险一金", "普工"},
		{"长期招聘叉车司机", "叉车司机"},
		{"电工(定海)", "电工"},
		{"招聘电焊工", "电焊工"},
		{"招聘专员", "招聘专员"},
		{"急招招聘专员", "招聘专员"},
		{"招商专员", "招商专员"},
		{"★急招★ 焊工!!", "焊工"},
		{"Java 开发工程师", "Java开发工程师"},
		{"PLC 编程", "PLC编程"},
		{"Office Word 文员", "Office Word文员"},
		{"ＣＮＣ操作工", "CNC操作工"},
		{"船舶电气焊工-包吃住-双休", "船舶电气焊工"},
		{"诚聘：前台接待", "前台接待"},
		{"厨师丨包吃住", "厨师"},
		{"仓管员/理货员", "仓管员/理货员"},
		{"C++开发", "C++开发"},
		{"【电工】", "电工"},
		{"急招", ""},
		{"", ""},
	};

	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		char *got = posting_title_clean(cases[i].title, NULL);
		if (strcmp(got, cases[i].clean) != 0)
			fail_msg("'%s': '%s', wanted '%s'", cases[i].title, got, cases[i].clean);
		free(got);
	}
}

static void title_custom_noise(void **state)
{
	static const char *const noise[] = {"双休", "^急", NULL};
	char *got;

	(void)state;
	got = posting_title_clean("电工双休急招", noise);
	assert_string_equal(got, "电工急招");
	free(got);
	got = posting_title_clean("急电工", noise);
	assert_string_equal(got, "电工");
	free(got);
	/* the default list is not consulted */
	got = posting_title_clean("高薪电工", noise);
	assert_string_equal(got, "高薪电工");
	free(got);
}

/* Every noise prefix and suffix the demo dresses a title in comes off. */
static void title_demo_noise(void **state)
{
	long checked = 0;

	(void)state;
	for (size_t j = 0; j < demo_njobs; j++)
		for (size_t t = 0; t < 7 && demo_jobs[j].titles[t]; t++) {
			const char *base = demo_jobs[j].titles[t];
			char *want = posting_title_clean(base, NULL);
			for (size_t p = 0; demo_title_noise_prefix[p]; p++)
				for (size_t s = 0; demo_title_noise_suffix[s]; s++) {
					char buf[512];
					char *got;
					snprintf(buf, sizeof(buf), "%s%s%s",
						 demo_title_noise_prefix[p], base,
						 demo_title_noise_suffix[s]);
					got = posting_title_clean(buf, NULL);
					if (strcmp(got, want) != 0)
						fail_msg("'%s': '%s', wanted '%s'", buf, got, want);
					free(got);
					checked++;
				}
			free(want);
		}
	print_message("%ld dressed demo titles\n", checked);
}

/* ---- bad input ---- */

/* Random strings from tokens the parsers react to, stray bytes (ill-formed
 * UTF-8, mojibake) included: no parser crashes, salaries stay finite and
 * ordered, strings come back well-formed and no longer than 3 x the input. */
static void random_input(void **state)
{
	static const char *const tok[] = {
		"6",	    "8000",   "1.5",	  "99999999999999999999999",
		"-",	    "~",      "至",	  "K",
		"k",	    "千",     "万",	  "W",
		"元",	    "/月",    "/天",	  "/小时",
		"/年",	    "年薪",   "·13薪",	  "薪",
		"以上",	    "以下",   "起",	  "+",
		"面议",	    "最高",   "年",	  "个月",
		"半",	    "三",     "不限",	  "大专",
		"中专",	    "本科",   "以上",	  "【",
		"】",	    "(",      ")",	  "（",
		"）",	    "急招",   "包吃住",	  "!招聘",
		"^",	    "★",      " ",	  "　",
		"有限公司", "分公司", "公司",	  "定海",
		"区",	    "\xff",   "\xe4\xb8", "\xc0\xaf",
		"0",	    ",",      ".",	  "；",
		"。",	    ""};
	struct rng r;
	struct posting_places places;
	static const struct posting_division rows[] = {{"330902", "定海区"}, {"3309", "舟山市"}};

	(void)state;
	rng_seed(&r, 42);
	posting_places_init(&places, rows, N(rows), NULL);
	for (int i = 0; i < 20000; i++) {
		char buf[512] = "";
		size_t len = 0;
		struct posting_salary sal;
		struct posting_education ed;
		struct posting_experience ex;
		char *title, *company;

		for (int k = (int)rng_range(&r, 0, 12); k > 0; k--) {
			const char *t = tok[rng_below(&r, N(tok))];
			if (len + strlen(t) + 1 < sizeof(buf)) {
				memcpy(buf + len, t, strlen(t) + 1);
				len += strlen(t);
			}
		}
		posting_salary_parse(buf, &sal);
		if (!isfinite(sal.min) || !isfinite(sal.max) || sal.min < 0 || sal.max < 0 ||
		    (sal.kind == POSTING_SALARY_RANGE && sal.min > sal.max))
			fail_msg("'%s': min %g max %g kind %d", buf, sal.min, sal.max, sal.kind);
		posting_education_parse(buf, &ed);
		posting_experience_parse(buf, &ex);
		if (!isfinite(ex.min_years) || !isfinite(ex.max_years))
			fail_msg("'%s': experience not finite", buf);
		title = posting_title_clean(buf, NULL);
		company = posting_company_norm(buf);
		assert_true(strlen(title) <= 3 * len);
		assert_true(strlen(company) <= 3 * len);
		for (const unsigned char *p = (const unsigned char *)title; *p;) {
			int n = utf8_decode(p, 4, NULL);
			if (n <= 0)
				fail_msg("'%s': title '%s' is not well-formed UTF-8", buf, title);
			p += n;
		}
		(void)posting_place_code(&places, buf);
		free(title);
		free(company);
	}
	posting_places_release(&places);
}

/* ---- dates ---- */

static void date_days(void **state)
{
	int32_t day = -1;
	struct err e;

	(void)state;
	assert_int_equal(posting_date_days("1970-01-01", &day, &e), 0);
	assert_int_equal(day, 0);
	/* 2000-03-01: 30 years of 365 days + 7 leap days (72..96) + Jan 31 + Feb 29 */
	assert_int_equal(posting_date_days("2000-03-01", &day, &e), 0);
	assert_int_equal(day, 30 * 365 + 7 + 31 + 29);
	assert_int_equal(posting_date_days("2024-03-01 08:00:00", &day, &e), 0);
	assert_int_equal(day, 19783);
	assert_int_equal(posting_date_days("2023-02-29", &day, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "2023-02-29"));
	assert_int_equal(posting_date_days("2024-13-01", &day, &e), ERR_INPUT);
	assert_int_equal(posting_date_days("2024/03/01", &day, &e), ERR_INPUT);
	assert_int_equal(posting_date_days("", &day, &e), ERR_INPUT);
	assert_int_equal(posting_date_days(NULL, &day, NULL), ERR_INPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(salary_table),
		cmocka_unit_test(salary_periods_and_usable),
		cmocka_unit_test(education_table),
		cmocka_unit_test(education_names_and_vocational),
		cmocka_unit_test(experience_table),
		cmocka_unit_test_setup_teardown(district_table, divisions_setup,
						divisions_teardown),
		cmocka_unit_test_setup_teardown(district_demo_places, divisions_setup,
						divisions_teardown),
		cmocka_unit_test(district_custom_aliases),
		cmocka_unit_test(company_table),
		cmocka_unit_test(title_table),
		cmocka_unit_test(title_custom_noise),
		cmocka_unit_test(title_demo_noise),
		cmocka_unit_test(random_input),
		cmocka_unit_test(date_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
