/* test_expr.c - the formula language (calc/expr.h).
 *
 * Three tables, each case its own cmocka test: formulas and their canonical
 * text (which must parse back to itself), broken formulas and their exact
 * messages and columns, formulas and their values against a fake data
 * source. The fake source is a small table of element, dimensions, year and
 * value; it logs every call, so the tests can see which references were
 * looked up, for which year and with which filters. Fixed tests cover
 * laziness, callback errors, the walk over references and the limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calc/expr.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "unit/testlib.h"

/* ---- canonical text ---- */

struct format_case {
	const char *src, *want;
};

static const struct format_case format_cases[] = {
	/* precedence and associativity */
	{"1+2*3", "(1 + (2 * 3))"},
	{"(1+2)*3", "((1 + 2) * 3)"},
	{"-2*3", "((-2) * 3)"},
	{"2*-3", "(2 * (-3))"},
	{"a-b-c", "((a - b) - c)"},
	{"a/b/c", "((a / b) / c)"},
	{"a-b+c", "((a - b) + c)"},
	{"a+b*c-d/e", "((a + (b * c)) - (d / e))"},
	{"not a > 1 and b", "((not (a > 1)) and b)"},
	{"a or b and c", "(a or (b and c))"},
	{"a and b or not c", "((a and b) or (not c))"},
	{"not not a", "(not (not a))"},
	{"- -a", "(-(-a))"},
	{"+a", "a"},
	{"1 + 2 < 3 * 4", "((1 + 2) < (3 * 4))"},
	{"a<=b", "(a <= b)"},
	{"a>=b", "(a >= b)"},
	{"a>b", "(a > b)"},
	{"a==b", "(a == b)"},
	{"a!=b", "(a != b)"},
	/* numbers */
	{"12", "12"},
	{"3.5", "3.5"},
	{".5", "0.5"},
	{"5.", "5"},
	{"1e3", "1000"},
	{"1.5E-3", "0.0015"},
	{"0.1", "0.1"},
	{"1e20", "1e+20"},
	{"0.30000000000000004", "0.30000000000000004"},
	/* names: keywords only as whole words */
	{"graduates", "graduates"},
	{"android + notes + order", "((android + notes) + order)"},
	{"a_1 * _b", "(a_1 * _b)"},
	{"min + 1", "(min + 1)"},
	/* filters, alternatives, prefixes, periods */
	{"graduates[destination=升学本科]", "graduates[destination=升学本科]"},
	{"graduates[level=中职]", "graduates[level=中职]"},
	{"graduates[destination=升学专科|升学本科]", "graduates[destination=升学专科|升学本科]"},
	{"graduates[destination=升学*]", "graduates[destination=升学*]"},
	{"graduates[destination=*]", "graduates[destination=*]"},
	{"graduates[type=key-major+x.1/2]", "graduates[type=key-major+x.1/2]"},
	{"graduates[year-1]", "graduates[year-1]"},
	{"graduates[year+2]", "graduates[year+2]"},
	{"graduates[year]", "graduates"},
	{"graduates[year+0]", "graduates"},
	{"graduates[year=2021]", "graduates[year=2021]"},
	{"graduates[destination=升学本科][year-1]", "graduates[destination=升学本科,year-1]"},
	{"graduates[year-1][level=中职][destination=就业]",
	 "graduates[destination=就业,level=中职,year-1]"},
	{"graduates [ level = 中职 , destination = 升学本科 | 就业 , year - 1 ]",
	 "graduates[destination=升学本科|就业,level=中职,year-1]"},
	/* count() */
	{"count(registry, type=key_major, level=city)",
	 "count(registry, level=city, type=key_major)"},
	{"count(registry)", "count(registry)"},
	{"count( registry , year - 1 , type = key_major )",
	 "count(registry, type=key_major, year-1)"},
	{"count(registry, year=2021)", "count(registry, year=2021)"},
	{"count(registry, level=city|district, type=key_*)",
	 "count(registry, level=city|district, type=key_*)"},
	/* functions */
	{"if(a>1, b, c)", "if((a > 1), b, c)"},
	{"min(a, b, 3)", "min(a, b, 3)"},
	{"max(a)", "max(a)"},
	{"sum(a,b)", "sum(a, b)"},
	{"avg(a, b)", "avg(a, b)"},
	{"coalesce(a, 0)", "coalesce(a, 0)"},
	{"abs(-x)", "abs((-x))"},
	{"round(x)", "round(x)"},
	{"round(x, 2)", "round(x, 2)"},
	{"sum(graduates[level=中职][year-1], enrolment) / count(registry, type=key_major)",
	 "(sum(graduates[level=中职,year-1], enrolment) / count(registry, type=key_major))"},
	/* white space anywhere between tokens */
	{"  1 \t+\n 2 ", "(1 + 2)"},
	{"abs ( x )", "abs(x)"},
};

#define NFORMAT (sizeof(format_cases) / sizeof(format_cases[0]))

static void test_format(void **state)
{
	const struct format_case *c = *state;
	struct strbuf text = {0}, again = {0};
	struct expr *x = NULL, *y = NULL;
	struct err e;

	err_clear(&e);
	if (expr_parse(c->src, &x, &e) != 0)
		fail_msg("'%s': %s", c->src, e.msg);
	expr_format(x, &text);
	assert_string_equal(strbuf_str(&text), c->want);

	/* the canonical text is a formula, and the same one */
	if (expr_parse(strbuf_str(&text), &y, &e) != 0)
		fail_msg("'%s' reparsed: %s", strbuf_str(&text), e.msg);
	expr_format(y, &again);
	assert_string_equal(strbuf_str(&again), c->want);

	expr_free(x);
	expr_free(y);
	strbuf_release(&text);
	strbuf_release(&again);
}

/* ---- parse errors ---- */

struct error_case {
	const char *src, *want;
	size_t column; /* e.column; 0 for errors about the whole formula */
};

static const struct error_case error_cases[] = {
	{"", "formula is empty", 0},
	{" \t\n", "formula is empty", 0},
	{"(1 + 2", "column 7: expected ')' but found end of formula", 7},
	/* the column counts characters: 升学本科 is 4 of them, not 12 bytes */
	{"graduates[destination=升学本科] / (1 + 2",
	 "column 37: expected ')' but found end of formula", 37},
	{"1 + foo(2)", "column 5: unknown function 'foo'", 5},
	{"abs(1, 2)", "column 1: abs() takes 1 argument but was given 2", 1},
	{"if(1, 2)", "column 1: if() takes 3 arguments but was given 2", 1},
	{"round()", "column 1: round() takes 1 or 2 arguments but was given 0", 1},
	{"1 + min()", "column 5: min() takes at least 1 argument but was given 0", 5},
	{"a < b < c",
	 "column 7: comparisons do not chain: found '<' after a comparison; join them with 'and'",
	 7},
	{"a == b != c",
	 "column 8: comparisons do not chain: found '!=' after a comparison; join them with 'and'",
	 8},
	{"1 2", "column 3: expected an operator or end of formula but found '2'", 3},
	{"graduates)", "column 10: expected an operator or end of formula but found ')'", 10},
	{"graduates[level=中职] [year-1] x",
	 "column 30: expected an operator or end of formula but found 'x'", 30},
	{"graduates[level=中职", "column 19: expected ',' or ']' but found end of formula", 19},
	{"graduates[level=中职 x]", "column 20: expected ',' or ']' but found 'x'", 20},
	{"graduates[level=中职, level=高职]", "column 21: filter 'level' given twice", 21},
	{"graduates[year-1][year]", "column 19: period 'year' given twice", 19},
	{"count(registry, year, year-1)", "column 23: period 'year' given twice", 23},
	{"a[k1=1,k2=2,k3=3,k4=4,k5=5,k6=6,k7=7,k8=8,k9=9]",
	 "column 43: more than 8 filters in one reference", 43},
	{"(1 + 2) # 3", "column 9: unexpected character '#'", 9},
	{"a = 1", "column 3: unexpected character '='; use '==' to compare", 3},
	{"a !b", "column 3: unexpected character '!'", 3},
	{"升学 + 1", "column 1: unexpected character '升'", 1},
	{"graduates[]", "column 11: expected a filter key or 'year' but found ']'", 11},
	{"graduates[level]", "column 16: expected '=' after 'level' but found ']'", 16},
	{"graduates[level=]", "column 17: expected a value for 'level' but found ']'", 17},
	{"graduates[destination=升学||就业]",
	 "column 26: expected a value for 'destination' but found '|'", 26},
	{"graduates[destination=升*学]", "column 24: '*' may only end a value, as in '升学*'", 24},
	{"graduates[level=中\x01]", "column 18: unexpected character U+0001", 18},
	{"graduates[year-x]", "column 16: expected a number of years but found 'x'", 16},
	{"graduates[year=]", "column 16: expected a year but found ']'", 16},
	{"graduates[year=21000]", "column 16: year '21000' is out of range", 16},
	{"graduates[year=0]", "column 16: year '0' is out of range", 16},
	{"graduates[year-10000]", "column 16: year offset '10000' is out of range", 16},
	{"count()", "column 7: expected what to count (a name) but found ')'", 7},
	{"count(registry type=x)", "column 16: expected ',' or ')' but found 'type'", 16},
	{"count(registry, )", "column 17: expected a filter key or 'year' but found ')'", 17},
	{"count(registry, type=x", "column 23: expected ',' or ')' but found end of formula", 23},
	{"1 +", "column 4: expected an operand but found end of formula", 4},
	{"()", "column 2: expected an operand but found ')'", 2},
	{"- not a", "column 3: expected an operand but found 'not'", 3},
	{"a and or b", "column 7: expected an operand but found 'or'", 7},
	{"[level=x]", "column 1: expected an operand but found '['", 1},
	{"min(1, 2", "column 9: expected ',' or ')' but found end of formula", 9},
	{"if(1, 2, 3", "column 11: expected ',' or ')' but found end of formula", 11},
	{"1e", "column 1: malformed number '1e'", 1},
	{"1.2.3", "column 1: malformed number '1.2.3'", 1},
	{"3x", "column 1: malformed number '3x'", 1},
	{"1e999", "column 1: number '1e999' is out of range", 1},
	{"a + \xff", "column 5: invalid UTF-8", 5},
	{"中职 + \xe4\xb8", "column 6: invalid UTF-8", 6},
};

#define NERROR (sizeof(error_cases) / sizeof(error_cases[0]))

static void check_error(const char *src, const char *want, size_t column)
{
	struct expr *x = (struct expr *)&x; /* must be set to NULL */
	struct err e;
	int rc;

	err_clear(&e);
	rc = expr_parse(src, &x, &e);
	if (rc != ERR_INPUT)
		print_error("'%s' gave %d, wanted an error\n", src, rc);
	assert_int_equal(rc, ERR_INPUT);
	assert_int_equal(e.code, ERR_INPUT);
	assert_null(x);
	assert_string_equal(e.msg, want);
	assert_int_equal(e.column, column);
}

static void test_error(void **state)
{
	const struct error_case *c = *state;

	check_error(c->src, c->want, c->column);
}

/* ---- the fake data source ---- */

/* One stored value: element, year and up to two dimensions. */
struct fake_row {
	const char *name;
	int year;
	const char *k1, *v1, *k2, *v2;
	double value;
};

static const struct fake_row fake_rows[] = {
	{"graduates", 2023, NULL, NULL, NULL, NULL, 1000},
	{"graduates", 2022, NULL, NULL, NULL, NULL, 900},
	{"graduates", 2021, NULL, NULL, NULL, NULL, 800},
	{"graduates", 2023, "destination", "升学本科", NULL, NULL, 100},
	{"graduates", 2023, "destination", "升学专科", NULL, NULL, 300},
	{"graduates", 2023, "destination", "就业", NULL, NULL, 500},
	{"graduates", 2022, "destination", "升学本科", NULL, NULL, 80},
	{"graduates", 2023, "level", "中职", NULL, NULL, 600},
	{"graduates", 2023, "level", "中职", "destination", "升学专科", 200},
	{"enrolment", 2023, NULL, NULL, NULL, NULL, 4000},
	{"enrolment", 2022, NULL, NULL, NULL, NULL, 3600},
	{"zero", 2023, NULL, NULL, NULL, NULL, 0},
};

struct fake {
	struct strbuf lookups; /* "name@year " per lookup */
	struct strbuf counts;  /* "name[filters]@year " per count() */
	int nlookups, ncounts;
};

/* The row's value of dimension key, or NULL. */
static const char *fake_dim(const struct fake_row *r, const char *key)
{
	if (r->k1 && strcmp(r->k1, key) == 0)
		return r->v1;
	if (r->k2 && strcmp(r->k2, key) == 0)
		return r->v2;
	return NULL;
}

static void fake_log_ref(struct strbuf *sb, const struct expr_ref *ref, int year)
{
	strbuf_addstr(sb, ref->name);
	if (ref->nfilters) {
		strbuf_addch(sb, '[');
		for (size_t i = 0; i < ref->nfilters; i++) {
			strbuf_addf(sb, "%s%s=", i ? "," : "", ref->filters[i].key);
			for (size_t j = 0; j < ref->filters[i].nvalues; j++)
				strbuf_addf(sb, "%s%s", j ? "|" : "", ref->filters[i].values[j]);
		}
		strbuf_addch(sb, ']');
	}
	strbuf_addf(sb, "@%d ", year);
}

/* The sum of the rows of ref's element and year whose dimensions are
 * exactly the filtered keys, with matching values; missing when none. */
static int fake_lookup(void *ud, const struct expr_ref *ref, int year, struct expr_value *out,
		       struct err *e)
{
	struct fake *f = ud;

	f->nlookups++;
	fake_log_ref(&f->lookups, ref, year);
	assert_false(ref->is_count);
	if (strcmp(ref->name, "broken") == 0)
		return err_set(e, ERR_NOTFOUND, "no data element 'broken'");
	if (strcmp(ref->name, "nan_source") == 0) {
		*out = (struct expr_value){1, NAN};
		return 0;
	}
	for (size_t i = 0; i < sizeof(fake_rows) / sizeof(fake_rows[0]); i++) {
		const struct fake_row *r = &fake_rows[i];
		size_t ndims = (r->k1 != NULL) + (r->k2 != NULL), j;

		if (strcmp(r->name, ref->name) != 0 || r->year != year || ndims != ref->nfilters)
			continue;
		for (j = 0; j < ref->nfilters; j++)
			if (!expr_filter_match(&ref->filters[j], fake_dim(r, ref->filters[j].key)))
				break;
		if (j < ref->nfilters)
			continue;
		out->v += r->value;
		out->present = 1;
	}
	return 0;
}

/* count(): 3 of anything, except count(broken), which fails. */
static int fake_count(void *ud, const struct expr_ref *ref, int year, struct expr_value *out,
		      struct err *e)
{
	struct fake *f = ud;

	f->ncounts++;
	fake_log_ref(&f->counts, ref, year);
	assert_true(ref->is_count);
	if (strcmp(ref->name, "broken") == 0)
		return err_set(e, ERR_NOTFOUND, "no registry type 'broken'");
	*out = (struct expr_value){1, 3};
	return 0;
}

static void fake_release(struct fake *f)
{
	strbuf_release(&f->lookups);
	strbuf_release(&f->counts);
}

/* Parse src (which must parse) and evaluate it for year against f. */
static int eval_with(const char *src, struct fake *f, int year, struct expr_value *out,
		     struct err *e)
{
	struct expr_env env = {fake_lookup, fake_count, f};
	struct expr *x = NULL;
	int rc;

	err_clear(e);
	if (expr_parse(src, &x, e) != 0)
		fail_msg("'%s': %s", src, e->msg);
	rc = expr_eval(x, &env, year, out, e);
	expr_free(x);
	return rc;
}

/* ---- evaluation ---- */

#define MISSING 0, 0

struct eval_case {
	const char *src;
	int year;
	int present;
	double want;
};

static const struct eval_case eval_cases[] = {
	/* arithmetic */
	{"1+2*3", 2023, 1, 7},
	{"(1+2)*3", 2023, 1, 9},
	{"10-4-3", 2023, 1, 3},
	{"2*-3", 2023, 1, -6},
	{"7/2", 2023, 1, 3.5},
	{"-(-4)", 2023, 1, 4},
	/* references, filters, periods */
	{"graduates / enrolment", 2023, 1, 0.25},
	{"graduates[destination=升学本科] / graduates", 2023, 1, 0.1},
	{"graduates[destination=升学专科|升学本科]", 2023, 1, 400},
	{"graduates[destination=升学*]", 2023, 1, 400},
	{"graduates[destination=*]", 2023, 1, 900},
	{"graduates[level=中职][destination=升学专科]", 2023, 1, 200},
	{"graduates[year-1]", 2023, 1, 900},
	{"graduates[year - 2]", 2023, 1, 800},
	{"graduates[year=2021]", 2023, 1, 800},
	{"graduates[year=2021]", 2030, 1, 800},
	{"graduates[destination=升学本科][year-1]", 2023, 1, 80},
	{"graduates[year+1]", 2022, 1, 1000},
	{"graduates - graduates[year-1]", 2023, 1, 100},
	{"graduates[year-5]", 2023, MISSING},
	/* missing propagates */
	{"vacancies", 2023, MISSING},
	{"vacancies + 1", 2023, MISSING},
	{"vacancies * 0", 2023, MISSING},
	{"-vacancies", 2023, MISSING},
	{"vacancies > 1", 2023, MISSING},
	{"vacancies == vacancies", 2023, MISSING},
	{"not vacancies", 2023, MISSING},
	{"abs(vacancies)", 2023, MISSING},
	{"round(vacancies)", 2023, MISSING},
	{"graduates / vacancies", 2023, MISSING},
	/* division by zero and non-finite results */
	{"1 / zero", 2023, MISSING},
	{"1/0", 2023, MISSING},
	{"0/0", 2023, MISSING},
	{"zero / 1", 2023, 1, 0},
	{"1e308 * 10", 2023, MISSING},
	{"-1e308 - 1e308", 2023, MISSING},
	{"nan_source + 1", 2023, MISSING},
	{"nan_source", 2023, MISSING},
	/* coalesce and the aggregates */
	{"coalesce(vacancies, graduates)", 2023, 1, 1000},
	{"coalesce(vacancies, vacancies)", 2023, MISSING},
	{"coalesce(0, graduates)", 2023, 1, 0},
	{"sum(graduates, vacancies, 5)", 2023, 1, 1005},
	{"sum(vacancies)", 2023, MISSING},
	{"avg(graduates, vacancies, graduates[year-1])", 2023, 1, 950},
	{"avg(vacancies, vacancies)", 2023, MISSING},
	{"min(3, vacancies, 2)", 2023, 1, 2},
	{"max(3, vacancies, 2)", 2023, 1, 3},
	{"max(-1, -5)", 2023, 1, -1},
	{"min(vacancies)", 2023, MISSING},
	{"sum(1e308, 1e308)", 2023, MISSING},
	/* if */
	{"if(graduates > 500, 1, 2)", 2023, 1, 1},
	{"if(graduates < 500, 1, 2)", 2023, 1, 2},
	{"if(vacancies, 1, 2)", 2023, MISSING},
	{"if(0, vacancies, 2)", 2023, 1, 2},
	{"if(1, vacancies, 2)", 2023, MISSING},
	/* abs and round */
	{"abs(-3)", 2023, 1, 3},
	{"abs(3)", 2023, 1, 3},
	{"round(2.675, 2)", 2023, 1, 2.68},
	{"round(-2.675, 2)", 2023, 1, -2.68},
	{"round(1.005, 2)", 2023, 1, 1.01},
	{"round(0.285, 2)", 2023, 1, 0.29},
	{"round(0.125, 2)", 2023, 1, 0.13},
	{"round(2.5)", 2023, 1, 3},
	{"round(-2.5)", 2023, 1, -3},
	{"round(2.4)", 2023, 1, 2},
	{"round(-0.2)", 2023, 1, 0},
	{"round(1234.5, -2)", 2023, 1, 1200},
	{"round(1250, -2)", 2023, 1, 1300},
	{"round(1/3, 4)", 2023, 1, 0.3333},
	{"round(123456789.125, 2)", 2023, 1, 123456789.13},
	{"round(1e300, 2)", 2023, 1, 1e300},
	{"round(1, vacancies)", 2023, MISSING},
	{"round(1.5, 0.5)", 2023, MISSING},
	{"round(1.5, 16)", 2023, MISSING},
	/* comparisons: 1 or 0, exact */
	{"2 < 3", 2023, 1, 1},
	{"3 < 2", 2023, 1, 0},
	{"2 <= 2", 2023, 1, 1},
	{"3 >= 4", 2023, 1, 0},
	{"2 > 1", 2023, 1, 1},
	{"2 == 2", 2023, 1, 1},
	{"2 != 2", 2023, 1, 0},
	{"0.1 + 0.2 == 0.3", 2023, 1, 0},
	/* logic: missing operands give missing, whatever the other side */
	{"1 and 2", 2023, 1, 1},
	{"1 and 0", 2023, 1, 0},
	{"0 or 0", 2023, 1, 0},
	{"0 or 3", 2023, 1, 1},
	{"not 0", 2023, 1, 1},
	{"not 5", 2023, 1, 0},
	{"0 and vacancies", 2023, MISSING},
	{"1 or vacancies", 2023, MISSING},
	{"not graduates > 2000 and graduates > 500", 2023, 1, 1},
	/* count() */
	{"count(registry, type=key_major)", 2023, 1, 3},
	{"graduates / count(registry)", 2023, 1, 1000.0 / 3},
};

#define NEVAL (sizeof(eval_cases) / sizeof(eval_cases[0]))

static void test_eval(void **state)
{
	const struct eval_case *c = *state;
	struct fake f = {0};
	struct expr_value v = {1, 42};
	struct err e;
	int rc = eval_with(c->src, &f, c->year, &v, &e);

	if (rc != 0)
		fail_msg("'%s': %s", c->src, e.msg);
	if (v.present != c->present ||
	    (c->present && fabs(v.v - c->want) > 1e-9 * fmax(1, fabs(c->want))))
		fail_msg("'%s' in %d gave %s%.17g, wanted %s%.17g", c->src, c->year,
			 v.present ? "" : "missing ", v.v, c->present ? "" : "missing ", c->want);
	if (v.present)
		assert_true(isfinite(v.v));
	else
		assert_true(v.v == 0);
	fake_release(&f);
}

/* The untaken branch of if() and the arguments after coalesce()'s first
 * present one are never looked up; "and" and "or" look up both sides. */
static void test_lazy(void **state)
{
	struct fake f = {0};
	struct expr_value v;
	struct err e;

	(void)state;
	assert_int_equal(eval_with("if(graduates > 500, enrolment, vacancies)", &f, 2023, &v, &e),
			 0);
	assert_true(v.present);
	assert_true(v.v == 4000);
	assert_int_equal(f.nlookups, 2);
	assert_string_equal(strbuf_str(&f.lookups), "graduates@2023 enrolment@2023 ");
	fake_release(&f);

	f = (struct fake){0};
	assert_int_equal(eval_with("if(zero, broken, count(broken))", &f, 2023, &v, &e),
			 ERR_NOTFOUND);
	assert_string_equal(strbuf_str(&f.lookups), "zero@2023 ");
	assert_int_equal(f.ncounts, 1);
	fake_release(&f);

	f = (struct fake){0};
	assert_int_equal(eval_with("if(vacancies, broken, broken)", &f, 2023, &v, &e), 0);
	assert_false(v.present);
	assert_int_equal(f.nlookups, 1);
	fake_release(&f);

	f = (struct fake){0};
	assert_int_equal(eval_with("coalesce(vacancies, graduates, broken)", &f, 2023, &v, &e), 0);
	assert_true(v.v == 1000);
	assert_string_equal(strbuf_str(&f.lookups), "vacancies@2023 graduates@2023 ");
	fake_release(&f);

	/* documented: no short-circuit, so the error on the right shows */
	f = (struct fake){0};
	assert_int_equal(eval_with("0 and broken", &f, 2023, &v, &e), ERR_NOTFOUND);
	assert_int_equal(eval_with("1 or broken", &f, 2023, &v, &e), ERR_NOTFOUND);
	fake_release(&f);
}

/* Callbacks get the absolute year: context year plus offset, or the
 * absolute one; the reference still says how it was written. */
static void test_years(void **state)
{
	struct fake f = {0};
	struct expr_value v;
	struct err e;

	(void)state;
	assert_int_equal(eval_with("graduates[year-1] + graduates + graduates[year+2] + "
				   "graduates[year=2021] + count(registry, year-3)",
				   &f, 2024, &v, &e),
			 0);
	assert_string_equal(strbuf_str(&f.lookups),
			    "graduates@2023 graduates@2024 graduates@2026 graduates@2021 ");
	assert_string_equal(strbuf_str(&f.counts), "registry@2021 ");
	fake_release(&f);

	/* a context year so large the offset overflows int: an error, not UB */
	f = (struct fake){0};
	assert_int_equal(eval_with("graduates[year+1]", &f, 2147483647, &v, &e), ERR_INTERNAL);
	assert_false(v.present);
	assert_int_equal(f.nlookups, 0);
	fake_release(&f);
}

/* count() goes to the count callback with its filters sorted by key. */
static void test_count_filters(void **state)
{
	struct fake f = {0};
	struct expr_value v;
	struct err e;

	(void)state;
	assert_int_equal(eval_with("count(registry, type=key_major, level=city|district, year-1) + "
				   "count(registry)",
				   &f, 2023, &v, &e),
			 0);
	assert_true(v.present);
	assert_true(v.v == 6);
	assert_int_equal(f.nlookups, 0);
	assert_string_equal(strbuf_str(&f.counts),
			    "registry[level=city|district,type=key_major]@2022 registry@2023 ");
	fake_release(&f);
}

/* A callback's error ends the evaluation, with its code and message. */
static void test_callback_error(void **state)
{
	struct fake f = {0};
	struct expr_value v = {1, 42};
	struct err e;

	(void)state;
	assert_int_equal(eval_with("graduates + broken + enrolment", &f, 2023, &v, &e),
			 ERR_NOTFOUND);
	assert_string_equal(e.msg, "no data element 'broken'");
	assert_false(v.present);
	assert_string_equal(strbuf_str(&f.lookups), "graduates@2023 broken@2023 ");

	v = (struct expr_value){1, 42};
	assert_int_equal(eval_with("sum(1, count(broken))", &f, 2023, &v, &e), ERR_NOTFOUND);
	assert_string_equal(e.msg, "no registry type 'broken'");
	assert_false(v.present);
	fake_release(&f);
}

/* Without a callback for a kind of reference, evaluating one is a bug. */
static void test_missing_callback(void **state)
{
	struct expr_env env = {NULL, NULL, NULL};
	struct expr_value v;
	struct expr *x = NULL;
	struct err e;

	(void)state;
	assert_int_equal(expr_parse("1 + 2", &x, &e), 0);
	assert_int_equal(expr_eval(x, &env, 2023, &v, &e), 0);
	assert_true(v.v == 3);
	expr_free(x);
	assert_int_equal(expr_parse("count(registry)", &x, &e), 0);
	assert_int_equal(expr_eval(x, &env, 2023, &v, &e), ERR_INTERNAL);
	assert_false(v.present);
	expr_free(x);
	expr_free(NULL);
}

struct visit {
	struct strbuf seen;
	int stop_after; /* return 1 at this visit; 0: never */
	int n;
};

static int visit_ref(void *ud, const struct expr_ref *ref)
{
	struct visit *vs = ud;

	strbuf_addf(&vs->seen, "%s%s/%zu/%s%d ", ref->is_count ? "count:" : "", ref->name,
		    ref->nfilters, ref->year_is_absolute ? "=" : "", ref->year);
	return ++vs->n == vs->stop_after;
}

/* Every reference once, in the order written, whether or not evaluation
 * would reach it; a nonzero return stops the walk. */
static void test_foreach_ref(void **state)
{
	struct visit vs = {0};
	struct expr *x = NULL;
	struct err e;

	(void)state;
	assert_int_equal(expr_parse("graduates[destination=升学本科] / count(registry, type=a, "
				    "level=b) + if(0, graduates[year-1], enrolment[year=2020]) "
				    "+ graduates",
				    &x, &e),
			 0);
	assert_int_equal(expr_foreach_ref(x, visit_ref, &vs), 0);
	assert_string_equal(strbuf_str(&vs.seen),
			    "graduates/1/0 count:registry/2/0 graduates/0/-1 enrolment/0/=2020 "
			    "graduates/0/0 ");
	strbuf_reset(&vs.seen);
	vs.n = 0;
	vs.stop_after = 2;
	assert_int_equal(expr_foreach_ref(x, visit_ref, &vs), 1);
	assert_string_equal(strbuf_str(&vs.seen), "graduates/1/0 count:registry/2/0 ");
	expr_free(x);

	/* a formula without references visits nothing */
	strbuf_reset(&vs.seen);
	assert_int_equal(expr_parse("1 + 2", &x, &e), 0);
	assert_int_equal(expr_foreach_ref(x, visit_ref, &vs), 0);
	assert_string_equal(strbuf_str(&vs.seen), "");
	expr_free(x);
	strbuf_release(&vs.seen);
}

/* expr_filter_match: alternatives, prefixes, "*". */
static void test_filter_match(void **state)
{
	static const char *const one[] = {"升学本科"};
	static const char *const alts[] = {"升学专科", "升学本科"};
	static const char *const prefix[] = {"就业", "升学*"};
	static const char *const any[] = {"*"};
	const struct expr_filter f_one = {"destination", one, 1};
	const struct expr_filter f_alts = {"destination", alts, 2};
	const struct expr_filter f_prefix = {"destination", prefix, 2};
	const struct expr_filter f_any = {"destination", any, 1};

	(void)state;
	assert_true(expr_filter_match(&f_one, "升学本科"));
	assert_false(expr_filter_match(&f_one, "升学本"));
	assert_false(expr_filter_match(&f_one, "升学本科2"));
	assert_true(expr_filter_match(&f_alts, "升学专科"));
	assert_true(expr_filter_match(&f_alts, "升学本科"));
	assert_false(expr_filter_match(&f_alts, "就业"));
	assert_true(expr_filter_match(&f_prefix, "升学本科"));
	assert_true(expr_filter_match(&f_prefix, "升学"));
	assert_true(expr_filter_match(&f_prefix, "就业"));
	assert_false(expr_filter_match(&f_prefix, "就业2"));
	assert_false(expr_filter_match(&f_prefix, "本地升学"));
	assert_true(expr_filter_match(&f_any, ""));
	assert_true(expr_filter_match(&f_any, "x"));
	assert_false(expr_filter_match(&f_any, NULL));
	assert_false(expr_filter_match(NULL, "x"));
}

/* s repeated n times. */
static void repeat(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(sb, s);
}

/* Parse and evaluate a formula built as open x n, body, close x n. */
static int nested(const char *open, const char *body, const char *close, size_t n,
		  struct expr_value *v, struct err *e)
{
	struct strbuf sb = {0};
	struct expr_env env = {NULL, NULL, NULL};
	struct expr *x = NULL;
	int rc;

	repeat(&sb, open, n);
	strbuf_addstr(&sb, body);
	repeat(&sb, close, n);
	err_clear(e);
	rc = expr_parse(strbuf_str(&sb), &x, e);
	if (rc == 0)
		rc = expr_eval(x, &env, 2023, v, e);
	expr_free(x);
	strbuf_release(&sb);
	return rc;
}

/* Nesting up to EXPR_MAX_DEPTH works; one more, or a bomb of any size, is
 * a clear error, never a crash. */
static void test_depth(void **state)
{
	struct expr_value v;
	struct err e;

	(void)state;
	assert_int_equal(nested("(", "1", ")", 64, &v, &e), 0);
	assert_true(v.v == 1);
	assert_int_equal(nested("-", "1", "", 64, &v, &e), 0);
	assert_true(v.v == 1);
	assert_int_equal(nested("not ", "1", "", 64, &v, &e), 0);
	assert_true(v.v == 1);
	assert_int_equal(nested("abs(", "1", ")", 64, &v, &e), 0);
	assert_true(v.v == 1);
	assert_int_equal(nested("(-", "1", ")", 32, &v, &e), 0);

	assert_int_equal(nested("(", "1", ")", 65, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 65: formula nests deeper than 64 levels");
	assert_int_equal(e.column, 65);
	assert_int_equal(nested("-", "1", "", 65, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 65: formula nests deeper than 64 levels");
	assert_int_equal(nested("not ", "1", "", 65, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 257: formula nests deeper than 64 levels");
	assert_int_equal(nested("abs(", "1", ")", 65, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 257: formula nests deeper than 64 levels");
	assert_int_equal(nested("(-", "1", ")", 33, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 65: formula nests deeper than 64 levels");

	/* bombs that fit the length cap hit the depth limit */
	assert_int_equal(nested("(", "", "", 4096, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 65: formula nests deeper than 64 levels");
	assert_int_equal(nested("-", "1", "", 4000, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "column 65: formula nests deeper than 64 levels");
	/* 10,000 deep does not fit it */
	assert_int_equal(nested("(", "1", ")", 10000, &v, &e), ERR_INPUT);
	assert_string_equal(e.msg, "formula is longer than 4096 bytes");
	assert_int_equal(e.column, 0);
}

/* A formula of EXPR_MAX_LEN bytes is fine, even as one long chain (the
 * deepest tree the length allows); one byte more is refused. */
static void test_length(void **state)
{
	struct strbuf sb = {0}, text = {0};
	struct expr_env env = {NULL, NULL, NULL};
	struct expr_value v;
	struct expr *x = NULL;
	struct err e;

	(void)state;
	strbuf_addstr(&sb, "1");
	repeat(&sb, "+1", 2047); /* 4095 bytes */
	strbuf_addstr(&sb, " ");
	assert_int_equal(sb.len, EXPR_MAX_LEN);
	assert_int_equal(expr_parse(strbuf_str(&sb), &x, &e), 0);
	assert_int_equal(expr_eval(x, &env, 2023, &v, &e), 0);
	assert_true(v.present);
	assert_true(v.v == 2048);
	expr_format(x, &text);
	assert_int_equal(text.len, 2047 * 2 + 2047 * 4 + 1);
	expr_free(x);

	strbuf_addstr(&sb, " ");
	check_error(strbuf_str(&sb), "formula is longer than 4096 bytes", 0);
	strbuf_release(&sb);
	strbuf_release(&text);
}

/* ---- the case tables as tests ---- */

/* "<test>: <formula>" with control characters and broken UTF-8 shown as
 * '?', so that the name stays one TAP line. */
static struct CMUnitTest case_test(char *name, size_t size, const char *test, const char *src,
				   CMUnitTestFunction fn, const void *c)
{
	char shown[96];
	size_t n = 0;

	for (const char *p = src; *p && n + 5 < sizeof(shown);) {
		int len = utf8_decode((const unsigned char *)p, 4, NULL);

		if (len <= 0 || (unsigned char)*p < 0x20) {
			shown[n++] = '?';
			p++;
		} else {
			memcpy(shown + n, p, (size_t)len);
			n += (size_t)len;
			p += len;
		}
	}
	shown[n] = '\0';
	return testlib_case_test(name, size, test, shown, fn, NULL, NULL, c);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_lazy),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_count_filters),
		cmocka_unit_test(test_callback_error),
		cmocka_unit_test(test_missing_callback),
		cmocka_unit_test(test_foreach_ref),
		cmocka_unit_test(test_filter_match),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_length),
	};
	enum { NFIXED = sizeof(fixed) / sizeof(fixed[0]) };
	static struct CMUnitTest tests[NFIXED + NFORMAT + NERROR + NEVAL];
	static char names[NFORMAT + NERROR + NEVAL][128];
	size_t n = 0, k = 0;

	for (size_t i = 0; i < NFIXED; i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < NFORMAT; i++, k++)
		tests[n++] = case_test(names[k], sizeof(names[k]), "test_format",
				       format_cases[i].src, test_format, &format_cases[i]);
	for (size_t i = 0; i < NERROR; i++, k++)
		tests[n++] = case_test(names[k], sizeof(names[k]), "test_error", error_cases[i].src,
				       test_error, &error_cases[i]);
	for (size_t i = 0; i < NEVAL; i++, k++)
		tests[n++] = case_test(names[k], sizeof(names[k]), "test_eval", eval_cases[i].src,
				       test_eval, &eval_cases[i]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
