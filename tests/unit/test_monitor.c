/* test_monitor.c - indicators evaluated on the stored data (monitor/monitor.h).
 *
 * Every test starts from a fresh database holding a tiny city, written with
 * raw SQL (testlib_raw_exec) so that each figure is visible in this file:
 * two districts, five schools of very different sizes, a handful of
 * statistics in 2024 and 2025 and a dozen registry items. The city is laid
 * out so that the wrong aggregation gives a visibly wrong answer: school A
 * progresses 10 of 100 graduates, school B 900 of 1000, so the city's rate
 * is 910/1100 = 82.7 %, never the 50 % an average of the two rates gives.
 *
 * Three tables, each case its own cmocka test: formulas and their values at
 * an organisation and year, formulas that monitor_check_formula() refuses
 * and why, and indicator scopes that monitor_parse_scope() refuses. Fixed
 * tests cover the indicators (monitor_value), the schools' parts in a value
 * (monitor_by_school), the organisation tree and the session's cache. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/expr.h"
#include "core/err.h"
#include "core/mem.h"
#include "monitor/monitor.h"
#include "store/store.h"
#include "unit/testlib.h"

/* ---- the little city ----
 *
 *   3309 舟山市 (city; student_offences 2024: 2, 2025: 0)
 *   ├─ 330902 定海区
 *   │   ├─ 330902S01 A 中职  graduates 2025 100 (升学专科 6, 升学本科 4), 2024 80 (升学专科 8)
 *   │   │                   enrolment 2025 2500, dropouts 5, places 0
 *   │   └─ 330902S02 C 高职  graduates 2025 500 (升学本科 50), enrolment 1500
 *   └─ 330903 普陀区
 *       ├─ 330903S01 B 中职  graduates 2025 1000 (升学专科 800, 升学本科 100),
 *       │                   2024 900 (升学专科 720, 升学本科 90); enrolment 3000, places 3200
 *       ├─ 330903S02 F 技工  graduates 2024 20 (no destinations), nothing in 2025
 *       └─ 330903S03 N 中职  founded 2025, no statistics
 *   edu 市教育局 (a department: not part of the tree monitor reads)
 *
 * The registry: key_major of A (city, 2023), B (province, 2024), A again
 * (city, 1 January 2026) and C (city, 31 December 2025); industry
 * committees of the clusters shipping (2021, 2022, no school), port_trade
 * (2022, of A) and health (2025, no school), of the three clusters in the
 * catalogue; shuanggao_unit of A (province), B (city) and C (national).
 *
 * graduates are stored as the demo and the import store them: the total
 * (dims ''), each destination, each major and some destination x major
 * cells; a sum must pick exactly one of these levels of detail. */
static const char *const fixture_sql[] = {
	"INSERT INTO data_element(code, name, name_en, unit, dims) VALUES"
	" ('graduates', '毕业生数', 'Graduates', '人', 'major;destination'),"
	" ('enrolment', '全日制在校生数', 'Full-time enrolment', '人', 'major'),"
	" ('dropouts', '流失学生数', 'Dropouts', '人', ''),"
	" ('places', '学位数', 'School places', '人', ''),"
	" ('student_offences', '学生违法犯罪人数', 'Student offences', '人', '');",
	"INSERT INTO registry_type(key, name, name_en) VALUES"
	" ('key_major', '市级重点专业', 'City key major'),"
	" ('industry_committee', '行业指导委员会', 'Industry steering committee'),"
	" ('shuanggao_unit', '双高建设单位', 'Shuanggao unit');",
	"INSERT INTO cluster(code, name, name_en) VALUES"
	" ('health', '健康服务', 'Health'), ('port_trade', '港口商贸', 'Port trade'),"
	" ('shipping', '船舶航运', 'Shipping');",
	"INSERT INTO org(id, code, name, name_en, kind, school_level, parent_id, founded_year)"
	" VALUES"
	" (1, '3309', '舟山市', 'Zhoushan', 'city', NULL, NULL, NULL),"
	" (2, '330902', '定海区', 'Dinghai', 'district', NULL, 1, NULL),"
	" (3, '330903', '普陀区', 'Putuo', 'district', NULL, 1, NULL),"
	" (11, '330902S01', '小职校', 'School A', 'school', '中职', 2, 1990),"
	" (12, '330903S01', '大职校', 'School B', 'school', '中职', 3, 1985),"
	" (13, '330902S02', '高职学院', 'College C', 'school', '高职', 2, 2004),"
	" (14, '330903S02', '技工学校', 'Technical school F', 'school', '技工', 3, 2010),"
	" (15, '330903S03', '新职校', 'New school N', 'school', '中职', 3, 2025),"
	" (20, 'edu', '市教育局', 'Education bureau', 'department', NULL, 1, NULL);",
	"INSERT INTO datavalue(element, org_id, year, dims, value) VALUES"
	/* A, 2025 */
	" ('graduates', 11, 2025, '', 100),"
	" ('graduates', 11, 2025, 'destination=升学专科', 6),"
	" ('graduates', 11, 2025, 'destination=升学本科', 4),"
	" ('graduates', 11, 2025, 'destination=本地就业', 50),"
	" ('graduates', 11, 2025, 'destination=外地就业', 40),"
	" ('graduates', 11, 2025, 'destination=未就业', 0),"
	" ('graduates', 11, 2025, 'major=660103', 100),"
	" ('graduates', 11, 2025, 'destination=升学专科;major=660103', 6),"
	" ('graduates', 11, 2025, 'destination=升学本科;major=660103', 4),"
	" ('enrolment', 11, 2025, '', 2500),"
	" ('enrolment', 11, 2025, 'major=660103', 2500),"
	" ('dropouts', 11, 2025, '', 5),"
	" ('places', 11, 2025, '', 0),"
	/* B, 2025: its one major row is small, its total large */
	" ('graduates', 12, 2025, '', 1000),"
	" ('graduates', 12, 2025, 'destination=升学专科', 800),"
	" ('graduates', 12, 2025, 'destination=升学本科', 100),"
	" ('graduates', 12, 2025, 'destination=本地就业', 100),"
	" ('enrolment', 12, 2025, '', 3000),"
	" ('enrolment', 12, 2025, 'major=700101', 100),"
	" ('places', 12, 2025, '', 3200),"
	/* C, 2025 */
	" ('graduates', 13, 2025, '', 500),"
	" ('graduates', 13, 2025, 'destination=升学本科', 50),"
	" ('graduates', 13, 2025, 'destination=本地就业', 200),"
	" ('graduates', 13, 2025, 'destination=外地就业', 250),"
	" ('enrolment', 13, 2025, '', 1500),"
	/* 2024 */
	" ('graduates', 11, 2024, '', 80),"
	" ('graduates', 11, 2024, 'destination=升学专科', 8),"
	" ('graduates', 11, 2024, 'destination=本地就业', 72),"
	" ('graduates', 12, 2024, '', 900),"
	" ('graduates', 12, 2024, 'destination=升学专科', 720),"
	" ('graduates', 12, 2024, 'destination=升学本科', 90),"
	" ('graduates', 12, 2024, 'destination=本地就业', 90),"
	" ('graduates', 14, 2024, '', 20),"
	" ('enrolment', 11, 2024, '', 2400),"
	" ('enrolment', 12, 2024, '', 2900),"
	" ('enrolment', 13, 2024, '', 1400),"
	/* the city's own figures */
	" ('student_offences', 1, 2024, '', 2),"
	" ('student_offences', 1, 2025, '', 0);",
	"INSERT INTO registry_item(type_key, name, level, recognised_on, school_id, cluster_code)"
	" VALUES"
	" ('key_major', 'A 数控', 'city', '2023-06-01', 11, NULL),"
	" ('key_major', 'B 护理', 'province', '2024-01-10', 12, NULL),"
	" ('key_major', 'A 焊接', 'city', '2026-01-01', 11, NULL),"
	" ('key_major', 'C 航海', 'city', '2025-12-31', 13, NULL),"
	" ('industry_committee', '航运委 1', 'city', '2021-03-01', NULL, 'shipping'),"
	" ('industry_committee', '航运委 2', 'city', '2022-03-01', NULL, 'shipping'),"
	" ('industry_committee', '商贸委', 'city', '2022-05-01', 11, 'port_trade'),"
	" ('industry_committee', '健康委', 'city', '2025-09-01', NULL, 'health'),"
	" ('shuanggao_unit', 'A 双高', 'province', '2022-01-01', 11, NULL),"
	" ('shuanggao_unit', 'B 市双高', 'city', '2022-01-01', 12, NULL),"
	" ('shuanggao_unit', 'C 国双高', 'national', '2021-01-01', 13, NULL);",
	"INSERT INTO indicator(code, name, name_en, scope, numerator, denominator, scale, unit,"
	" decimals, description, seq) VALUES"
	" ('progression', '升学率', 'progression rate', 'level=中职|技工',"
	"  'graduates[destination=升学专科|升学本科]', 'graduates', 100, '%', 1, NULL, 1),"
	" ('offences', '违法犯罪人数', 'offences', '', 'student_offences', NULL, 1, '人', 0,"
	"  NULL, 2),"
	" ('dropouts_per_place', '流失生与学位之比', 'dropouts per place', '', 'dropouts',"
	"  'places', 100, '%', 2, NULL, 3),"
	" ('shuanggao_share', '双高占比', 'shuanggao share', '',"
	"  'count(schools, registry=shuanggao_unit, registry_level=province,"
	" min_enrolment=2000)', 'count(schools, min_enrolment=2000)', 100, '%', 1, NULL, 4),"
	" ('putuo_graduates', '普陀毕业生数', 'graduates in Putuo', 'district=330903',"
	"  'graduates', NULL, 1, '人', 0, NULL, 5);",
	NULL,
};

struct fixture {
	char dir[64];
	char db[128];
	struct store *s;
	struct monitor *m;
	const void *c; /* the case of a table-driven test */
	struct monitor_share *shares;
	struct expr *x, *scope;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;

	fx->c = *state;
	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "monitor") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0) {
		print_error("setup: %s\n", e.msg);
		return -1;
	}
	for (size_t i = 0; fixture_sql[i]; i++)
		testlib_raw_exec(fx->db, fixture_sql[i]);
	if (monitor_open(fx->s, &fx->m, &e) < 0) {
		print_error("setup: monitor_open: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	int rc;

	monitor_close(fx->m);
	store_close(fx->s);
	free(fx->shares);
	expr_free(fx->x);
	expr_free(fx->scope);
	rc = testlib_rmtree(fx->dir);
	free(fx);
	return rc;
}

/* ---- helpers ---- */

static const struct monitor_org *org(struct fixture *fx, const char *code)
{
	const struct monitor_org *o = monitor_org(fx->m, code);

	if (!o)
		fail_msg("organisation '%s' is not in the session", code);
	return o;
}

/* Evaluate formula (checked against the store's names) within scope_text
 * ("" for none) at the organisation code in year. The parsed formula and
 * scope live in fx until the next call or the teardown. */
static struct expr_value eval_at(struct fixture *fx, const char *formula, const char *scope_text,
				 const char *code, int year)
{
	struct expr_value v;
	struct err e;

	expr_free(fx->x);
	expr_free(fx->scope);
	fx->x = fx->scope = NULL;
	err_clear(&e);
	if (expr_parse(formula, &fx->x, &e) < 0)
		fail_msg("%s: %s", formula, e.msg);
	if (monitor_check_formula(fx->s, fx->x, &e) < 0)
		fail_msg("%s: %s", formula, e.msg);
	if (monitor_parse_scope(scope_text, &fx->scope, &e) < 0)
		fail_msg("scope %s: %s", scope_text, e.msg);
	if (monitor_eval(fx->m, fx->x, fx->scope, org(fx, code), year, &v, &e) < 0)
		fail_msg("%s at %s in %d: %s", formula, code, year, e.msg);
	return v;
}

/* Close the fixture's session and open a new one, which sees what was
 * written since (a session reads one snapshot). */
static void reopen(struct fixture *fx)
{
	struct err e;

	monitor_close(fx->m);
	fx->m = NULL;
	if (monitor_open(fx->s, &fx->m, &e) < 0)
		fail_msg("monitor_open: %s", e.msg);
}

#define NONE (-1.0) /* in a table: no value expected */

/* got must be present with want (within a relative 1e-12), or missing when
 * want is NONE. what names the case in the failure. */
static void assert_value(const struct expr_value *got, double want, const char *what)
{
	if (want == NONE) {
		if (got->present)
			fail_msg("%s: wanted no value, got %.17g", what, got->v);
		return;
	}
	if (!got->present)
		fail_msg("%s: wanted %.17g, got no value", what, want);
	if (fabs(got->v - want) > 1e-12 * fmax(1, fabs(want)))
		fail_msg("%s: wanted %.17g, got %.17g", what, want, got->v);
}

static const struct monitor_indicator *indicator(struct fixture *fx, const char *code)
{
	const struct monitor_indicator *ind = NULL;
	struct err e;

	if (monitor_indicator(fx->m, code, &ind, &e) < 0)
		fail_msg("indicator %s: %s", code, e.msg);
	return ind;
}

static struct monitor_value value_at(struct fixture *fx, const char *code, const char *org_code,
				     int year)
{
	struct monitor_value v;
	struct err e;

	if (monitor_value(fx->m, indicator(fx, code), org(fx, org_code), year, &v, &e) < 0)
		fail_msg("%s at %s in %d: %s", code, org_code, year, e.msg);
	return v;
}

/* ---- formulas and their values ---- */

struct value_case {
	const char *name;
	const char *formula, *scope; /* scope "" for none */
	const char *org;
	int year;
	double want; /* NONE: no value */
};

static const struct value_case value_cases[] = {
	/* the total and exact dimension keys */
	{"total is the dims '' row", "graduates", "", "3309", 2025, 1600},
	{"total at a school", "graduates", "", "330902S01", 2025, 100},
	{"one destination, not its by-major cells", "graduates[destination=升学专科]", "",
	 "330902S01", 2025, 6},
	{"two destinations summed", "graduates[destination=升学专科|升学本科]", "", "3309", 2025,
	 960},
	{"prefix 升学*", "graduates[destination=升学*]", "", "3309", 2025, 960},
	{"prefix that is the whole value", "graduates[destination=升学本科*]", "", "3309", 2025,
	 154},
	{"'*' alone: every destination row, not the destination x major cells",
	 "graduates[destination=*]", "", "3309", 2025, 1600},
	{"one major", "graduates[major=660103]", "", "3309", 2025, 100},
	{"major prefix", "graduates[major=6601*]", "", "3309", 2025, 100},
	{"destination x major cell", "graduates[destination=升学*, major=660103]", "", "3309", 2025,
	 10},
	{"filters in two groups are one", "graduates[major=660103][destination=升学专科]", "",
	 "3309", 2025, 6},
	{"a stored zero is a value", "graduates[destination=未就业]", "", "330902S01", 2025, 0},
	{"no such destination: no value", "graduates[destination=退休]", "", "3309", 2025, NONE},
	{"no such major: no value", "graduates[major=999999]", "", "3309", 2025, NONE},
	{"enrolment total, not plus its majors", "enrolment", "", "3309", 2025, 7000},
	/* organisation filters */
	{"level=中职", "graduates[level=中职]", "", "3309", 2025, 1100},
	{"level=高职", "graduates[level=高职]", "", "3309", 2025, 500},
	{"level alternatives", "graduates[level=中职|技工, year=2024]", "", "3309", 2025, 1000},
	{"school=", "graduates[school=330902S01]", "", "3309", 2025, 100},
	{"school prefix", "graduates[school=330903*]", "", "3309", 2025, 1000},
	{"district=", "graduates[district=330902]", "", "3309", 2025, 600},
	{"org filter with a dimension", "graduates[level=中职, destination=升学本科]", "", "3309",
	 2025, 104},
	{"at a district: its schools only", "graduates", "", "330902", 2025, 600},
	{"at a district, another district's school", "graduates[school=330903S01]", "", "330902",
	 2025, NONE},
	{"at a school, another school", "graduates[school=330903S01]", "", "330902S01", 2025, NONE},
	{"at a district, no school of the level", "graduates[level=高职]", "", "330903", 2025,
	 NONE},
	{"the city's own figure", "student_offences", "", "3309", 2024, 2},
	{"the city's own zero is a value", "student_offences", "", "3309", 2025, 0},
	{"org filters keep only schools", "student_offences[level=中职]", "", "3309", 2025, NONE},
	{"the city's figure is not a district's", "student_offences", "", "330902", 2025, NONE},
	/* scopes */
	{"scope level=中职", "graduates", "level=中职", "3309", 2025, 1100},
	{"scope district", "graduates", "district=330903", "3309", 2025, 1000},
	{"scope and filter both apply", "graduates[level=高职]", "level=中职", "3309", 2025, NONE},
	{"scope leaves out the city's own figure", "student_offences", "level=中职", "3309", 2025,
	 NONE},
	/* missing data */
	{"no data for a school: no value", "dropouts", "", "330903S01", 2025, NONE},
	{"the sum of what is there", "dropouts", "", "3309", 2025, 5},
	{"no year: no value", "graduates", "", "3309", 2019, NONE},
	{"missing plus a number: no value", "dropouts + 1", "", "330903S01", 2025, NONE},
	{"coalesce gives the stated default", "coalesce(dropouts, 0)", "", "330903S01", 2025, 0},
	{"division by zero: no value", "dropouts / places", "", "330902S01", 2025, NONE},
	{"ratio of sums at the city", "dropouts / places", "", "3309", 2025, 5.0 / 3200},
	{"a school with neither", "graduates", "", "330903S03", 2025, NONE},
	/* periods */
	{"year-1", "graduates[year-1]", "", "3309", 2025, 1000},
	{"change on the year before", "graduates - graduates[year-1]", "", "3309", 2025, 600},
	{"year+1", "graduates[year+1]", "", "3309", 2024, 1600},
	{"absolute year", "graduates[year=2024]", "", "3309", 2030, 1000},
	{"year-1 with a filter", "graduates[destination=升学*, year-1]", "", "330903S01", 2025,
	 810},
	{"year-1 before the data: no value", "graduates[year-1]", "", "3309", 2024, NONE},
	/* count(registry) */
	{"key majors 2022", "count(registry, type=key_major, level=city)", "", "3309", 2022, 0},
	{"key majors 2023", "count(registry, type=key_major, level=city)", "", "3309", 2023, 1},
	{"key majors 2024: a provincial one counts as city-or-above",
	 "count(registry, type=key_major, level=city)", "", "3309", 2024, 2},
	{"key majors 2025: 31 December counts, 1 January 2026 does not",
	 "count(registry, type=key_major, level=city)", "", "3309", 2025, 3},
	{"province or above", "count(registry, type=key_major, level=province)", "", "3309", 2025,
	 1},
	{"national: none", "count(registry, type=key_major, level=national)", "", "3309", 2025, 0},
	{"no level: any", "count(registry, type=key_major)", "", "3309", 2026, 4},
	{"type alternatives", "count(registry, type=key_major|industry_committee, level=city)", "",
	 "3309", 2025, 7},
	{"count with year-1", "count(registry, type=key_major, level=city, year-1)", "", "3309",
	 2025, 2},
	{"at a district: items of its schools", "count(registry, type=key_major, level=city)", "",
	 "330902", 2025, 2},
	{"at a school", "count(registry, type=key_major, level=city)", "", "330903S01", 2025, 1},
	{"city bodies' items count at the city", "count(registry, type=industry_committee)", "",
	 "3309", 2025, 4},
	{"but not at a district", "count(registry, type=industry_committee)", "", "330902", 2025,
	 1},
	{"cluster=", "count(registry, type=industry_committee, cluster=shipping)", "", "3309", 2025,
	 2},
	{"distinct=cluster 2024", "count(registry, type=industry_committee, distinct=cluster)", "",
	 "3309", 2024, 2},
	{"distinct=cluster 2025", "count(registry, type=industry_committee, distinct=cluster)", "",
	 "3309", 2025, 3},
	{"min_per=cluster 2024: health has none",
	 "count(registry, type=industry_committee, level=city, min_per=cluster)", "", "3309", 2024,
	 0},
	{"min_per=cluster 2025: every cluster has one",
	 "count(registry, type=industry_committee, level=city, min_per=cluster)", "", "3309", 2025,
	 1},
	{"a count of nothing is 0, not missing", "count(registry, type=shuanggao_unit)", "", "3309",
	 2020, 0},
	/* count(schools) */
	{"schools open in 2025", "count(schools)", "", "3309", 2025, 5},
	{"a school founded in 2025 is not open in 2024", "count(schools)", "", "3309", 2024, 4},
	{"schools of a level", "count(schools, level=中职)", "", "3309", 2025, 3},
	{"schools of a district", "count(schools, district=330903)", "", "3309", 2025, 3},
	{"schools at a district", "count(schools)", "", "330902", 2025, 2},
	{"schools with enrolment >= 2000 (the total, not a major)",
	 "count(schools, min_enrolment=2000)", "", "3309", 2025, 2},
	{"min_enrolment is at least", "count(schools, min_enrolment=2500)", "", "3309", 2025, 2},
	{"min_enrolment above all", "count(schools, min_enrolment=3001)", "", "3309", 2025, 0},
	{"holding a registry item", "count(schools, registry=shuanggao_unit)", "", "3309", 2025, 3},
	{"holding one at province or above",
	 "count(schools, registry=shuanggao_unit, registry_level=province)", "", "3309", 2025, 2},
	{"holding one, and of scale",
	 "count(schools, registry=shuanggao_unit, registry_level=province, min_enrolment=2000)", "",
	 "3309", 2025, 1},
	{"holding one recognised by then", "count(schools, registry=shuanggao_unit)", "", "3309",
	 2021, 1},
	{"count(schools) within a scope", "count(schools)", "level=中职|技工", "3309", 2025, 4},
	/* functions over references */
	{"if on data", "if(graduates[level=中职] > 1000, 1, 0)", "", "3309", 2025, 1},
	{"round of a rate",
	 "round(100 * graduates[destination=升学*, level=中职] / graduates[level=中职], 1)", "",
	 "3309", 2025, 82.7},
};
#define NVALUE (sizeof(value_cases) / sizeof(value_cases[0]))

static void test_value(void **state)
{
	struct fixture *fx = *state;
	const struct value_case *c = fx->c;
	struct expr_value v = eval_at(fx, c->formula, c->scope, c->org, c->year);

	assert_value(&v, c->want, c->name);
}

/* ---- the ratio of sums ---- */

static void test_ratio_of_sums(void **state)
{
	struct fixture *fx = *state;
	struct monitor_value city = value_at(fx, "progression", "3309", 2025);
	struct monitor_value a = value_at(fx, "progression", "330902S01", 2025);
	struct monitor_value b = value_at(fx, "progression", "330903S01", 2025);
	double mean_of_rates;

	assert_value(&a.value, 10, "school A");
	assert_value(&b.value, 90, "school B");
	/* the city sums numerators and denominators of its schools in scope
	 * (C, a 高职, is not) and divides once */
	assert_value(&city.num, 910, "city numerator");
	assert_value(&city.den, 1100, "city denominator");
	assert_value(&city.value, 910.0 / 1100 * 100, "city value");
	mean_of_rates = (a.value.v + b.value.v) / 2;
	assert_true(mean_of_rates == 50);
	assert_true(fabs(city.value.v - mean_of_rates) > 30);
	/* the district of B alone is B's rate */
	b = value_at(fx, "progression", "330903", 2025);
	assert_value(&b.value, 90, "district 330903");
	/* 2024: F (技工) is in scope and its graduates count in the denominator */
	city = value_at(fx, "progression", "3309", 2024);
	assert_value(&city.num, 818, "city numerator 2024");
	assert_value(&city.den, 1000, "city denominator 2024");
	assert_value(&city.value, 81.8, "city value 2024");
}

/* ---- indicators ---- */

static void test_indicator_values(void **state)
{
	struct fixture *fx = *state;
	struct monitor_value v;

	/* outside the scope: nothing, not 0 */
	v = value_at(fx, "progression", "330902S02", 2025);
	assert_false(v.num.present);
	assert_false(v.den.present);
	assert_false(v.value.present);
	/* a year without data */
	v = value_at(fx, "progression", "3309", 2019);
	assert_false(v.num.present || v.den.present || v.value.present);
	/* no denominator: the numerator times the scale; a stored 0 is 0 */
	v = value_at(fx, "offences", "3309", 2025);
	assert_value(&v.num, 0, "offences numerator");
	assert_false(v.den.present);
	assert_value(&v.value, 0, "offences 2025");
	v = value_at(fx, "offences", "3309", 2024);
	assert_value(&v.value, 2, "offences 2024");
	/* a zero denominator: both parts shown, no value */
	v = value_at(fx, "dropouts_per_place", "330902S01", 2025);
	assert_value(&v.num, 5, "dropouts of A");
	assert_value(&v.den, 0, "places of A");
	assert_false(v.value.present);
	/* a missing numerator over a present denominator: no value */
	v = value_at(fx, "dropouts_per_place", "330903S01", 2025);
	assert_false(v.num.present);
	assert_value(&v.den, 3200, "places of B");
	assert_false(v.value.present);
	/* at the city the zero of A is part of a sum */
	v = value_at(fx, "dropouts_per_place", "3309", 2025);
	assert_value(&v.value, 100.0 * 5 / 3200, "dropouts per place at the city");
	/* counts as numerator and denominator */
	v = value_at(fx, "shuanggao_share", "3309", 2025);
	assert_value(&v.num, 1, "schools of scale holding a provincial item");
	assert_value(&v.den, 2, "schools of scale");
	assert_value(&v.value, 50, "shuanggao share");
	/* an indicator's scope: the district of Putuo only */
	v = value_at(fx, "putuo_graduates", "3309", 2025);
	assert_value(&v.value, 1000, "Putuo at the city");
	v = value_at(fx, "putuo_graduates", "330902", 2025);
	assert_false(v.num.present || v.value.present);
}

static void test_indicator_list(void **state)
{
	static const char *const codes[] = {"progression", "offences", "dropouts_per_place",
					    "shuanggao_share", "putuo_graduates"};
	struct fixture *fx = *state;
	const struct monitor_indicator *const *inds;
	const struct monitor_indicator *ind = (const void *)fx;
	size_t n;
	struct err e;

	assert_int_equal(monitor_indicators(fx->m, &inds, &n, &e), 0);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(inds[i]->code, codes[i]); /* file order */
	assert_string_equal(inds[0]->scope_text, "level=中职|技工");
	assert_non_null(inds[0]->scope);
	assert_non_null(inds[0]->den);
	assert_true(inds[0]->scale == 100);
	assert_int_equal(inds[0]->decimals, 1);
	assert_null(inds[1]->scope);
	assert_null(inds[1]->den);
	assert_null(inds[1]->den_text);
	/* the same objects by code */
	assert_int_equal(monitor_indicator(fx->m, "offences", &ind, &e), 0);
	assert_ptr_equal(ind, inds[1]);
	assert_int_equal(monitor_indicator(fx->m, "no_such_indicator", &ind, &e), ERR_NOTFOUND);
	assert_null(ind);
	assert_non_null(strstr(e.msg, "'no_such_indicator'"));
}

/* An indicator whose stored formula does not parse is refused when the
 * indicators load, naming the indicator and the part. */
static void test_indicator_bad_formula(void **state)
{
	struct fixture *fx = *state;
	const struct monitor_indicator *ind;
	struct err e;

	testlib_raw_exec(fx->db, "UPDATE indicator SET denominator = 'graduates[' "
				 "WHERE code = 'progression'");
	reopen(fx);
	assert_int_equal(monitor_indicator(fx->m, "offences", &ind, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "indicator progression: denominator: column 11"));
}

/* ---- the schools' parts ---- */

static void test_by_school(void **state)
{
	struct fixture *fx = *state;
	const struct monitor_indicator *ind = indicator(fx, "progression");
	struct monitor_value city = value_at(fx, "progression", "3309", 2024);
	const double v = city.value.v; /* 81.8 */
	struct monitor_share *sh;
	double weights = 0, pulls = 0;
	size_t n;
	struct err e;

	assert_int_equal(
		monitor_by_school(fx->m, ind, org(fx, "3309"), 2024, 0, &fx->shares, &n, &e), 0);
	sh = fx->shares;
	/* A, B and F (技工) have graduates; C is out of scope, N has nothing */
	assert_int_equal(n, 3);
	/* the strongest downward pull first: A's 10 % on 8 % of the graduates */
	assert_string_equal(sh[0].school->code, "330902S01");
	assert_value(&sh[0].v.value, 10, "A's value");
	assert_true(fabs(sh[0].weight - 80.0 / 1000) < 1e-12);
	assert_true(sh[0].has_pull);
	assert_true(fabs(sh[0].pull - 0.08 * (10 - v)) < 1e-12);
	assert_true(sh[0].pull < 0);
	assert_string_equal(sh[1].school->code, "330903S01");
	assert_true(fabs(sh[1].weight - 0.9) < 1e-12);
	assert_true(fabs(sh[1].pull - 0.9 * (90 - v)) < 1e-12);
	assert_true(sh[1].pull > 0);
	/* F has graduates but no destinations: a weight, no value, no pull, last */
	assert_string_equal(sh[2].school->code, "330903S02");
	assert_false(sh[2].v.value.present);
	assert_true(sh[2].v.den.present);
	assert_true(fabs(sh[2].weight - 0.02) < 1e-12);
	assert_false(sh[2].has_pull);
	/* the weights are the shares of the denominator; the pulls of the
	 * schools with a value add up to their difference from the whole */
	for (size_t i = 0; i < n; i++) {
		weights += sh[i].weight;
		pulls += sh[i].has_pull ? sh[i].pull : 0;
	}
	assert_true(fabs(weights - 1) < 1e-12);
	assert_true(fabs(pulls - (0.08 * 10 + 0.9 * 90 - 0.98 * v)) < 1e-12);
	free(fx->shares);
	fx->shares = NULL;

	/* less is better: a school above the value pulls the wrong way */
	assert_int_equal(
		monitor_by_school(fx->m, ind, org(fx, "3309"), 2024, 1, &fx->shares, &n, &e), 0);
	sh = fx->shares;
	assert_int_equal(n, 3);
	assert_string_equal(sh[0].school->code, "330903S01");
	assert_true(fabs(sh[0].pull + 0.9 * (90 - v)) < 1e-12);
	assert_string_equal(sh[1].school->code, "330902S01");
	assert_true(sh[1].pull > 0);
	assert_string_equal(sh[2].school->code, "330903S02");
	free(fx->shares);
	fx->shares = NULL;

	/* 2025 at the city: the weights 100/1100 and 1000/1100, pulls cancel */
	assert_int_equal(
		monitor_by_school(fx->m, ind, org(fx, "3309"), 2025, 0, &fx->shares, &n, &e), 0);
	sh = fx->shares;
	assert_int_equal(n, 2);
	assert_string_equal(sh[0].school->code, "330902S01");
	assert_true(fabs(sh[0].weight - 100.0 / 1100) < 1e-12);
	assert_true(fabs(sh[1].weight - 1000.0 / 1100) < 1e-12);
	assert_true(fabs(sh[0].pull + sh[1].pull) < 1e-9);
	free(fx->shares);
	fx->shares = NULL;

	/* at a district: only its schools, weighted within it */
	assert_int_equal(
		monitor_by_school(fx->m, ind, org(fx, "330903"), 2024, 0, &fx->shares, &n, &e), 0);
	sh = fx->shares;
	assert_int_equal(n, 2);
	assert_string_equal(sh[0].school->code, "330903S01");
	assert_true(fabs(sh[0].weight - 900.0 / 920) < 1e-12);
	assert_string_equal(sh[1].school->code, "330903S02");
	assert_true(fabs(sh[1].weight - 20.0 / 920) < 1e-12);
	free(fx->shares);
	fx->shares = NULL;

	/* a year without data: no school */
	assert_int_equal(
		monitor_by_school(fx->m, ind, org(fx, "3309"), 2019, 0, &fx->shares, &n, &e), 0);
	assert_int_equal(n, 0);
}

/* Without a denominator the weight is the share of the numerator, and no
 * school pulls. */
static void test_by_school_no_denominator(void **state)
{
	struct fixture *fx = *state;
	struct monitor_share *sh;
	size_t n;
	struct err e;

	assert_int_equal(monitor_by_school(fx->m, indicator(fx, "putuo_graduates"), org(fx, "3309"),
					   2024, 0, &fx->shares, &n, &e),
			 0);
	sh = fx->shares;
	assert_int_equal(n, 2); /* B and F: the scope is Putuo */
	assert_string_equal(sh[0].school->code, "330903S01");
	assert_true(fabs(sh[0].weight - 900.0 / 920) < 1e-12);
	assert_false(sh[0].has_pull);
	assert_string_equal(sh[1].school->code, "330903S02");
	assert_false(sh[1].has_pull);
}

/* ---- the organisation tree and the session ---- */

static void test_orgs(void **state)
{
	static const char *const codes[] = {"3309",   "330902",	   "330902S01", "330902S02",
					    "330903", "330903S01", "330903S02", "330903S03"};
	struct fixture *fx = *state;
	const struct monitor_org *city = monitor_city(fx->m), *a, *o;
	size_t i;

	assert_string_equal(city->code, "3309");
	assert_string_equal(city->kind, "city");
	assert_int_equal(city->parent, -1);
	assert_null(city->level);
	a = org(fx, "330902S01");
	assert_string_equal(a->kind, "school");
	assert_string_equal(a->level, "中职");
	assert_int_equal(a->founded_year, 1990);
	assert_string_equal(monitor_org_at(fx->m, (size_t)a->parent)->code, "330902");
	assert_string_equal(monitor_org_at(fx->m, (size_t)a->district)->code, "330902");
	/* a district is its own district */
	assert_int_equal(org(fx, "330902")->district, org(fx, "330902") - monitor_org_at(fx->m, 0));
	assert_int_equal(city->district, -1);
	/* departments are no part of the tree; unknown codes are NULL */
	assert_null(monitor_org(fx->m, "edu"));
	assert_null(monitor_org(fx->m, "nope"));
	/* code order, then NULL */
	for (i = 0; (o = monitor_org_at(fx->m, i)); i++) {
		assert_true(i < sizeof(codes) / sizeof(codes[0]));
		assert_string_equal(o->code, codes[i]);
	}
	assert_int_equal(i, sizeof(codes) / sizeof(codes[0]));
}

/* A session reads one snapshot: a write after it opened is not seen, by it
 * nor by a session opened while it is open; a session opened after it
 * closed sees the write. */
static void test_session_snapshot(void **state)
{
	struct fixture *fx = *state;
	struct monitor *m2;
	struct expr_value v;
	struct err e;

	testlib_raw_exec(fx->db, "UPDATE datavalue SET value = 200 WHERE org_id = 11 AND "
				 "year = 2025 AND element = 'graduates' AND dims = ''");
	v = eval_at(fx, "graduates", "", "330902S01", 2025);
	assert_value(&v, 100, "the open session, A");
	v = eval_at(fx, "graduates", "", "3309", 2025);
	assert_value(&v, 1600, "the open session, the city");
	assert_int_equal(monitor_open(fx->s, &m2, &e), 0);
	assert_int_equal(monitor_eval(m2, fx->x, NULL, monitor_city(m2), 2025, &v, &e), 0);
	monitor_close(m2);
	assert_value(&v, 1600, "a session opened while the first is open");
	reopen(fx);
	assert_int_equal(monitor_eval(fx->m, fx->x, NULL, monitor_city(fx->m), 2025, &v, &e), 0);
	assert_value(&v, 1700, "a new session");
}

/* A database without a city (no `tvet init`) has nothing to monitor. */
static void test_no_city(void **state)
{
	struct fixture *fx = *state;
	struct monitor *m2 = (struct monitor *)fx; /* must come back NULL */
	struct err e;

	testlib_raw_exec(fx->db, "DELETE FROM org WHERE kind = 'city'");
	monitor_close(fx->m);
	fx->m = NULL;
	assert_int_equal(monitor_open(fx->s, &m2, &e), ERR_NOTFOUND);
	assert_null(m2);
	assert_non_null(strstr(e.msg, "no city"));
}

/* ---- names checked against the store ---- */

struct check_case {
	const char *formula;
	const char *msg; /* NULL: accepted; else in the message of ERR_INPUT */
};

static const struct check_case check_cases[] = {
	{"graduates[level=中职, destination=升学*] / graduates[year-1]", NULL},
	{"graduates[major=660103, destination=本地就业, school=330902S01, district=330902]", NULL},
	{"count(registry, type=key_major|industry_committee, level=province, distinct=cluster)",
	 NULL},
	{"count(registry, type=industry_committee, cluster=shipping|health, min_per=cluster)",
	 NULL},
	{"count(schools, level=中职, district=330902, registry=shuanggao_unit, "
	 "registry_level=national, min_enrolment=0)",
	 NULL},
	{"coalesce(dropouts, 0) + if(places > 0, 1, 0)", NULL},
	/* unknown element */
	{"nope", "'nope' is not a data element (definitions/elements.csv)"},
	{"graduates / gradautes", "'gradautes' is not a data element"},
	/* the first wrong name is named */
	{"nope + graduates[colour=red]", "'nope' is not a data element"},
	/* unknown dimension */
	{"graduates[colour=red]",
	 "'graduates' has no dimension 'colour' (it has: major;destination; and level, school, "
	 "district select schools)"},
	{"dropouts[major=660103]", "'dropouts' has no dimension 'major' (it has: none;"},
	{"enrolment[destination=升学本科]", "'enrolment' has no dimension 'destination'"},
	/* count()'s subject, keys and values */
	{"count(teachers)", "count(teachers): can count registry or schools"},
	{"count(registry, type=nope)", "registry type 'nope' does not exist"},
	{"count(registry, type=key_major|nope)", "registry type 'nope' does not exist"},
	{"count(schools, registry=nope)", "registry type 'nope' does not exist"},
	{"count(registry, type=key_major, colour=red)", "count(registry): unknown key 'colour'"},
	{"count(schools, type=key_major)", "count(schools): unknown key 'type'"},
	{"count(registry, type=key_major, level=county)",
	 "count(registry): level must be city, province or national"},
	{"count(registry, level=city|province)",
	 "count(registry): level must be city, province or national"},
	{"count(schools, registry=key_major, registry_level=county)",
	 "count(schools): registry_level must be city, province or national"},
	{"count(registry, type=key_major, distinct=major)",
	 "count(registry): distinct can only be 'cluster'"},
	{"count(registry, type=key_major, min_per=school)",
	 "count(registry): min_per can only be 'cluster'"},
	{"count(registry, cluster=mining)", "cluster 'mining' does not exist"},
	{"count(schools, min_enrolment=many)",
	 "count(schools): min_enrolment 'many' is not a number"},
	{"count(schools, min_enrolment=-5)", "min_enrolment '-5' is not a number"},
};
#define NCHECK (sizeof(check_cases) / sizeof(check_cases[0]))

static void test_check(void **state)
{
	struct fixture *fx = *state;
	const struct check_case *c = fx->c;
	struct err e;
	int rc;

	err_clear(&e);
	if (expr_parse(c->formula, &fx->x, &e) < 0)
		fail_msg("%s: %s", c->formula, e.msg);
	rc = monitor_check_formula(fx->s, fx->x, &e);
	if (!c->msg) {
		if (rc != 0)
			fail_msg("%s: refused: %s", c->formula, e.msg);
		return;
	}
	assert_int_equal(rc, ERR_INPUT);
	assert_int_equal(e.code, ERR_INPUT);
	if (!strstr(e.msg, c->msg))
		fail_msg("%s: message '%s' lacks '%s'", c->formula, e.msg, c->msg);
}

/* ---- indicator scopes ---- */

struct scope_case {
	const char *text;
	const char *msg; /* NULL: accepted */
	size_t column;	 /* of a parse error, in text; 0: not checked */
};

static const struct scope_case scope_cases[] = {
	{"", NULL, 0},
	{"level=中职|技工|技师学院", NULL, 0},
	{"level=中职, district=330902", NULL, 0},
	{"school=330902S01", NULL, 0},
	{"destination=升学本科", "scope: 'destination' is not level, school or district", 0},
	{"level=中职, year-1", "scope: a scope has no year", 0},
	{"level=中职, year=2024", "scope: a scope has no year", 0},
	/* e->column is the position in the scope text; the message still
	 * gives the position in the "scope[...]" monitor parses (6 more), so
	 * only the column is checked here */
	{"level=中职 技工", "expected ',' or ']'", 10},
	{"level=", "expected a value for 'level'", 7},
};
#define NSCOPE (sizeof(scope_cases) / sizeof(scope_cases[0]))

static void test_scope(void **state)
{
	struct fixture *fx = *state;
	const struct scope_case *c = fx->c;
	struct err e;
	int rc;

	err_clear(&e);
	rc = monitor_parse_scope(c->text, &fx->scope, &e);
	if (!c->msg) {
		if (rc != 0)
			fail_msg("'%s': refused: %s", c->text, e.msg);
		if (!c->text[0])
			assert_null(fx->scope);
		else
			assert_non_null(fx->scope);
		return;
	}
	assert_int_equal(rc, ERR_INPUT);
	assert_null(fx->scope);
	if (!strstr(e.msg, c->msg))
		fail_msg("'%s': message '%s' lacks '%s'", c->text, e.msg, c->msg);
	if (c->column)
		assert_int_equal(e.column, c->column);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test_setup_teardown(test_ratio_of_sums, setup, teardown),
		cmocka_unit_test_setup_teardown(test_indicator_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_indicator_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_indicator_bad_formula, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_school, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_school_no_denominator, setup, teardown),
		cmocka_unit_test_setup_teardown(test_orgs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_snapshot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_city, setup, teardown),
	};
	enum { NFIXED = sizeof(fixed) / sizeof(fixed[0]) };
	struct CMUnitTest tests[NFIXED + NVALUE + NCHECK + NSCOPE];
	static char names[NVALUE + NCHECK + NSCOPE][192];
	size_t n = 0, k = 0;

	for (size_t i = 0; i < NFIXED; i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < NVALUE; i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_value",
					       value_cases[i].name, test_value, setup, teardown,
					       &value_cases[i]);
	for (size_t i = 0; i < NCHECK; i++, k++)
		tests[n++] = testlib_case_test(names[k], sizeof(names[k]), "test_check",
					       check_cases[i].formula, test_check, setup, teardown,
					       &check_cases[i]);
	for (size_t i = 0; i < NSCOPE; i++, k++)
		tests[n++] =
			testlib_case_test(names[k], sizeof(names[k]), "test_scope",
					  scope_cases[i].text[0] ? scope_cases[i].text : "(empty)",
					  test_scope, setup, teardown, &scope_cases[i]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
