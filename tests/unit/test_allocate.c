/* test_allocate.c - performance pay from scores (calc/allocate).
 *
 * Hand-worked cases to the fen: the two rules, the remainder tie rule
 * (pool 100.00 yuan among three equal schools is 3334, 3333, 3333 fen),
 * water-filling over two rounds, every school capped, a decimal cap,
 * robust and smoothed scores, phase-in holding schools up and down while
 * the others share the rest. Then bad input, each refused with a message
 * that names the school. Then invariants over many random cases from
 * fixed seeds, checked against bounds the test works out itself in
 * integers (caps and phase-in changes are whole hundredths, so floor(cap *
 * base) is exact): the fen add up, stay within bounds, rise with the
 * score, and form a fixed point - one common factor t with every school
 * at clamp(t * weight, lo, hi) give or take its rounding fen. */
#include "unit/testlib.h"

#include <math.h>

#include "calc/allocate.h"
#include "core/rng.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct alloc_school school(const char *code, int64_t base_fen, double score)
{
	struct alloc_school s;

	memset(&s, 0, sizeof(s));
	s.code = code;
	s.base_fen = base_fen;
	s.score = score;
	s.score_lo = NAN;
	s.prev_fen = -1;
	return s;
}

/* Run and check the fen, the totals and the sum. */
static void run_ok(const struct alloc_school *s, size_t n, const struct alloc_opts *o,
		   struct alloc_result *r)
{
	struct err e;
	int64_t sum = 0;
	int rc;

	err_clear(&e);
	rc = alloc_run(s, n, o, r, &e);
	if (rc != 0)
		fail_msg("alloc_run: %s", e.msg);
	for (size_t i = 0; i < n; i++)
		sum += r->fen[i];
	assert_int_equal(sum, r->allocated_fen);
	assert_int_equal(r->allocated_fen + r->left_fen, o->pool_fen);
	assert_true(r->left_fen >= 0);
}

static void assert_fen(const struct alloc_result *r, const int64_t *want, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (r->fen[i] != want[i])
			fail_msg("school %zu gets %lld fen, wanted %lld", i, (long long)r->fen[i],
				 (long long)want[i]);
}

/* ---- hand-worked cases ---- */

static void defaults(void **state)
{
	struct alloc_opts o;

	(void)state;
	memset(&o, 0xff, sizeof(o));
	alloc_opts_default(&o);
	assert_int_equal(o.rule, ALLOC_UPLIFT);
	assert_true(o.floor == 60 && o.cap == 0.5);
	assert_int_equal(o.pool_fen, 0);
	assert_int_equal(o.robust, 0);
	assert_int_equal(o.smooth_years, 0);
	assert_true(o.max_change == 0);
}

/* 100.00 yuan among three equal schools: 3333.33 each, the spare fen to
 * the first by the order given */
static void three_equal_tie_by_order(void **state)
{
	struct alloc_school s[] = {school("A", 100000, 80), school("B", 100000, 80),
				   school("C", 100000, 80)};
	int64_t want[] = {3334, 3333, 3333};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.pool_fen = 10000;
	for (int rule = ALLOC_UPLIFT; rule <= ALLOC_SHARE; rule++) {
		o.rule = (enum alloc_rule)rule;
		run_ok(s, N(s), &o, &r);
		assert_fen(&r, want, N(s));
		assert_int_equal(r.left_fen, 0);
		alloc_result_release(&r);
	}
}

/* equal weights base * (score - 60) = 2000, equal remainders: the spare
 * fen goes to the higher score, B, though it comes second */
static void tie_by_higher_score(void **state)
{
	struct alloc_school s[] = {school("A", 200, 70), school("B", 100, 80),
				   school("C", 400, 65)};
	int64_t want[] = {33, 34, 33};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.pool_fen = 100;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	alloc_result_release(&r);
}

/* UPLIFT, floor 60: weights 10000*30 = 20000*15 = 300000, the rest 0;
 * 7001 fen is 3500.5 each, the spare fen to the higher score (A) */
static void uplift_by_hand(void **state)
{
	struct alloc_school s[] = {school("A", 10000, 90), school("B", 20000, 75),
				   school("C", 5000, 60), school("D", 8000, 50),
				   school("E", 10000, NAN)};
	int64_t want[] = {3501, 3500, 0, 0, 0};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.pool_fen = 7001;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_true(r.used_score[0] == 90 && r.used_score[3] == 50);
	assert_true(isnan(r.used_score[4]));
	for (size_t i = 0; i < N(s); i++)
		assert_false(r.capped[i] || r.limited[i]);
	alloc_result_release(&r);
}

/* SHARE: weights 1000*50 : 2000*100 : 3000*0 = 1 : 4 : 0; 1001 fen is
 * 200.2 and 800.8, the spare fen to the larger remainder */
static void share_by_hand(void **state)
{
	struct alloc_school s[] = {school("A", 1000, 50), school("B", 2000, 100),
				   school("C", 3000, 0)};
	int64_t want[] = {200, 801, 0};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.rule = ALLOC_SHARE;
	o.pool_fen = 1001;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	alloc_result_release(&r);
}

/* cap 0.3 of 1000 fen = 300. Weights 40 : 10 : 5 of 800: A's 581.8 is
 * capped; 500 over B and C is 333.3 and 166.7, B capped; C takes the 200
 * left. Two rounds of water-filling. */
static void water_filling_two_rounds(void **state)
{
	struct alloc_school s[] = {school("A", 1000, 100), school("B", 1000, 70),
				   school("C", 1000, 65)};
	int64_t want[] = {300, 300, 200};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.cap = 0.3;
	o.pool_fen = 800;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_true(r.capped[0] && r.capped[1] && !r.capped[2]);
	assert_int_equal(r.left_fen, 0);
	alloc_result_release(&r);
}

/* every school with a weight capped: the rest is left; the school below
 * the floor neither gets nor is capped */
static void all_capped_leaves_rest(void **state)
{
	struct alloc_school s[] = {school("A", 1000, 80), school("B", 1000, 95),
				   school("C", 1000, 61), school("D", 1000, 50)};
	int64_t want[] = {500, 500, 500, 0};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.pool_fen = 10000;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_int_equal(r.allocated_fen, 1500);
	assert_int_equal(r.left_fen, 8500);
	assert_true(r.capped[0] && r.capped[1] && r.capped[2] && !r.capped[3]);
	alloc_result_release(&r);

	/* no school above the floor, or cap 0: nothing is allocated */
	s[0].score = s[1].score = s[2].score = 60;
	run_ok(s, N(s), &o, &r);
	assert_int_equal(r.left_fen, 10000);
	alloc_result_release(&r);
	s[0].score = 90;
	o.cap = 0;
	run_ok(s, N(s), &o, &r);
	assert_int_equal(r.left_fen, 10000);
	assert_true(r.capped[0]);
	alloc_result_release(&r);
}

/* cap 0.29 of 100 fen is 29 fen, though 0.29 * 100 is 28.999999999999996
 * in doubles */
static void cap_is_decimal(void **state)
{
	struct alloc_school s[] = {school("A", 100, 90), school("B", 700, 90)};
	int64_t want[] = {29, 203};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.cap = 0.29;
	o.pool_fen = 1000;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_int_equal(r.left_fen, 1000 - 29 - 203);
	alloc_result_release(&r);
}

/* a school with no score gets nothing; the others share all */
static void no_score_gets_nothing(void **state)
{
	struct alloc_school s[] = {school("A", 100, 80), school("B", 100, NAN)};
	int64_t want[] = {10, 0};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.pool_fen = 10;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_true(isnan(r.used_score[1]));
	assert_false(r.capped[1]);
	alloc_result_release(&r);
}

static void no_schools(void **state)
{
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	alloc_opts_default(&o);
	o.pool_fen = 12345;
	run_ok(NULL, 0, &o, &r);
	assert_int_equal(r.allocated_fen, 0);
	assert_int_equal(r.left_fen, 12345);
	alloc_result_release(&r);
}

/* robust: A's 90 is only 70 at the lower end, B's 80 holds; weights
 * 10 : 20 of 300 instead of 30 : 20 : 35 (105.9, 70.6, 123.5). A school
 * with no lower end has no robust score. */
static void robust_uses_lower_end(void **state)
{
	struct alloc_school s[] = {school("A", 1000, 90), school("B", 1000, 80),
				   school("C", 1000, 95)};
	int64_t plain[] = {106, 71, 123}, robust[] = {100, 200, 0};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	s[0].score_lo = 70;
	s[1].score_lo = 80;
	alloc_opts_default(&o);
	o.pool_fen = 300;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, plain, N(s));
	alloc_result_release(&r);
	o.robust = 1;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, robust, N(s));
	assert_true(r.used_score[0] == 70 && r.used_score[1] == 80);
	assert_true(isnan(r.used_score[2]));
	alloc_result_release(&r);
}

/* A: 80 now, then 70, (missing), 90, 100. Three years: 80, 70 (the
 * missing year is skipped, not replaced) = 75; four: 80, 70, 90 = 80;
 * more than there are: all = 85. B has no history: 70. */
static void smoothing_averages(void **state)
{
	struct alloc_school s[] = {school("A", 1000, 80), school("B", 1000, 70),
				   school("C", 1000, NAN)};
	struct {
		size_t years;
		double want_a;
		int64_t fen_a, fen_b;
	} cases[] = {
		{0, 80, 300, 150}, {1, 80, 300, 150},  {3, 75, 270, 180},
		{4, 80, 300, 150}, {10, 85, 321, 129},
	};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	s[0].nhistory = 4;
	s[0].history[0] = 70;
	s[0].history[1] = NAN;
	s[0].history[2] = 90;
	s[0].history[3] = 100;
	s[2].nhistory = 1;
	s[2].history[0] = 90; /* no score this year: none, whatever the history */
	alloc_opts_default(&o);
	o.pool_fen = 450;
	for (size_t k = 0; k < N(cases); k++) {
		o.smooth_years = cases[k].years;
		run_ok(s, N(s), &o, &r);
		assert_true(fabs(r.used_score[0] - cases[k].want_a) < 1e-12);
		assert_true(r.used_score[1] == 70);
		assert_true(isnan(r.used_score[2]));
		assert_int_equal(r.fen[0], cases[k].fen_a);
		assert_int_equal(r.fen[1], cases[k].fen_b);
		alloc_result_release(&r);
	}
}

/* Phase-in, 10 %. Bases 10000 (cap 5000); weights A 40, B 10, C 10, D 20
 * (no prev). Bounds A [900, 1100], B [2700, 3300], C [1800, 2200].
 * Pool 10000: A's 5000 is over its 1100 (E+ 3900 > E- 2000) so A is held
 * at 1100; then B's 2225 is under 2700 (E- 475 > E+ 25), B held at 2700;
 * C and D share 6200 as 10 : 20 = 2066.67, 4133.33 -> 2067, 4133. */
static void phase_in_by_hand(void **state)
{
	struct alloc_school s[] = {school("A", 10000, 100), school("B", 10000, 70),
				   school("C", 10000, 70), school("D", 10000, 80)};
	int64_t want[] = {1100, 2700, 2067, 4133};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	s[0].prev_fen = 1000;
	s[1].prev_fen = 3000;
	s[2].prev_fen = 2000;
	alloc_opts_default(&o);
	o.max_change = 0.1;
	o.pool_fen = 10000;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_true(r.limited[0] && r.limited[1] && !r.limited[2] && !r.limited[3]);
	assert_false(r.capped[0] || r.capped[1] || r.capped[2] || r.capped[3]);
	alloc_result_release(&r);

	/* without D, 6000: A 1100, then E+ = E- = 250, B held up at 2700 and
	 * C down at 2200 in the same round; everyone limited */
	{
		int64_t want3[] = {1100, 2700, 2200};

		o.pool_fen = 6000;
		run_ok(s, 3, &o, &r);
		assert_fen(&r, want3, 3);
		assert_true(r.limited[0] && r.limited[1] && r.limited[2]);
		alloc_result_release(&r);
	}
	/* each limit needs money: 5400 of lower bounds do not fit in 5399 */
	{
		struct err e;

		o.pool_fen = 5399;
		assert_int_equal(alloc_run(s, 3, &o, &r, &e), ERR_INPUT);
		assert_non_null(strstr(e.msg, "phase-in"));
		assert_null(r.fen);
		o.pool_fen = 5400;
		run_ok(s, 3, &o, &r);
		assert_int_equal(r.fen[0] + r.fen[1] + r.fen[2], 5400);
		assert_int_equal(r.fen[0], 900);
		alloc_result_release(&r);
	}
	/* phase-in off: plain shares of 6000 as 40 : 10 : 10 */
	{
		int64_t want_off[] = {4000, 1000, 1000};

		o.max_change = 0;
		o.pool_fen = 6000;
		run_ok(s, 3, &o, &r);
		assert_fen(&r, want_off, 3);
		alloc_result_release(&r);
	}
}

/* Phase-in edge cases: a school below the floor keeps its stop-loss; the
 * cap wins over the stop-loss; a school with prev 0 is held at 0; a
 * school with no score gets 0 whatever its prev. */
static void phase_in_edges(void **state)
{
	struct alloc_school s[] = {school("low", 10000, 50), school("capped", 1000, 90),
				   school("zero", 10000, 90), school("none", 10000, NAN),
				   school("free", 10000, 70)};
	int64_t want[] = {900, 500, 0, 0, 3600};
	struct alloc_opts o;
	struct alloc_result r;

	(void)state;
	s[0].prev_fen = 1000; /* [900, 1100], weight 0 */
	s[1].prev_fen = 2000; /* [1800, 2200] but cap 500: [500, 500] */
	s[2].prev_fen = 0;    /* [0, 0] */
	s[3].prev_fen = 5000;
	alloc_opts_default(&o);
	o.max_change = 0.1;
	o.pool_fen = 5000;
	run_ok(s, N(s), &o, &r);
	assert_fen(&r, want, N(s));
	assert_true(r.limited[0] && !r.capped[0]);
	assert_true(r.capped[1] && !r.limited[1]);
	assert_true(r.limited[2]);
	assert_false(r.capped[3] || r.limited[3]);
	assert_false(r.capped[4] || r.limited[4]);
	alloc_result_release(&r);
}

/* ---- bad input ---- */

static void expect_refused(const struct alloc_school *s, size_t n, const struct alloc_opts *o,
			   const char *want)
{
	struct alloc_result r;
	struct err e;
	int rc;

	err_clear(&e);
	rc = alloc_run(s, n, o, &r, &e);
	if (rc != ERR_INPUT || !strstr(e.msg, want))
		fail_msg("wanted ERR_INPUT with \"%s\", got %d: %s", want, rc, e.msg);
	assert_null(r.fen);
	alloc_result_release(&r);
}

static void bad_input(void **state)
{
	struct alloc_school s[2];
	struct alloc_opts o, good;

	(void)state;
	alloc_opts_default(&good);
	good.pool_fen = 1000;
#define RESET() (s[0] = school("S01", 1000, 80), s[1] = school("S02", 1000, 70), o = good)
	RESET();
	s[1].base_fen = 0;
	expect_refused(s, 2, &o, "school 'S02': base pay 0 fen is not positive");
	RESET();
	s[0].base_fen = -5;
	expect_refused(s, 2, &o, "'S01'");
	RESET();
	s[0].base_fen = ALLOC_MAX_FEN + 1;
	expect_refused(s, 2, &o, "'S01': base pay");
	RESET();
	s[1].score = 100.5;
	expect_refused(s, 2, &o, "school 'S02': score 100.5 is outside [0, 100]");
	RESET();
	s[1].score = -1;
	expect_refused(s, 2, &o, "'S02'");
	RESET();
	s[1].score = INFINITY;
	expect_refused(s, 2, &o, "'S02'");
	RESET();
	s[0].score_lo = 120;
	o.robust = 1;
	expect_refused(s, 2, &o, "school 'S01': lower end of the score 120");
	RESET();
	s[0].nhistory = 2;
	s[0].history[1] = 150;
	o.smooth_years = 3;
	expect_refused(s, 2, &o, "school 'S01': score 150 from 2 year(s) earlier");
	RESET();
	s[1].nhistory = ALLOC_MAX_YEARS + 1;
	expect_refused(s, 2, &o, "school 'S02': 6 earlier years");
	RESET();
	s[1].prev_fen = -2;
	expect_refused(s, 2, &o, "school 'S02': last year's reward -2 fen");
	RESET();
	s[1].code = NULL;
	s[1].base_fen = 0;
	expect_refused(s, 2, &o, "school number 2");
	RESET();
	o.pool_fen = -1;
	expect_refused(s, 2, &o, "pool -1 fen is negative");
	RESET();
	o.pool_fen = ALLOC_MAX_FEN + 1;
	expect_refused(s, 2, &o, "pool");
	RESET();
	o.cap = -0.5;
	expect_refused(s, 2, &o, "cap -0.5");
	RESET();
	o.cap = NAN;
	expect_refused(s, 2, &o, "cap");
	RESET();
	o.max_change = -0.1;
	expect_refused(s, 2, &o, "largest change -0.1");
	RESET();
	o.floor = NAN;
	expect_refused(s, 2, &o, "floor");
	RESET();
	o.rule = (enum alloc_rule)7;
	expect_refused(s, 2, &o, "rule 7");
	/* unused fields are not checked: score_lo without robust, history
	 * without smoothing */
	RESET();
	s[0].score_lo = 500;
	s[0].nhistory = 1;
	s[0].history[0] = -3;
	{
		struct alloc_result r;

		run_ok(s, 2, &o, &r);
		alloc_result_release(&r);
	}
#undef RESET
}

/* ---- invariants on random cases ---- */

struct rcase {
	size_t n;
	struct alloc_school s[40];
	struct alloc_opts o;
	int cap_pct, change_pct; /* the cap and max_change, in hundredths */
	int64_t lo[40], hi[40];	 /* bounds worked out here, in integers */
};

static double want_score(const struct alloc_school *s, const struct alloc_opts *o)
{
	double now = o->robust ? s->score_lo : s->score, sum;
	size_t years = 1;

	if (isnan(s->score) || isnan(now))
		return NAN;
	sum = now;
	for (size_t y = 0; o->smooth_years > 1 && y + 1 < o->smooth_years && y < s->nhistory; y++)
		if (!isnan(s->history[y])) {
			sum += s->history[y];
			years++;
		}
	return sum / (double)years;
}

static double random_score(struct rng *g)
{
	if (rng_chance(g, 0.08))
		return NAN;
	if (rng_chance(g, 0.3)) /* whole numbers make ties */
		return (double)rng_range(g, 40, 100);
	return rng_uniform_range(g, 0, 100);
}

static void random_case(struct rng *g, struct rcase *c, int phase_in)
{
	int64_t bases = 0, prevs = 0, lows = 0;
	int64_t equal_base = rng_range(g, 1, 2000000);
	int same_bases = rng_chance(g, 0.25);

	memset(c, 0, sizeof(*c));
	alloc_opts_default(&c->o);
	c->n = (size_t)rng_range(g, 1, 40);
	c->o.rule = rng_chance(g, 0.5) ? ALLOC_UPLIFT : ALLOC_SHARE;
	c->o.floor = (double[]){0, 50, 60, 85}[rng_below(g, 4)];
	c->cap_pct = (int)rng_range(g, 0, 150);
	c->o.cap = c->cap_pct / 100.0;
	c->o.robust = rng_chance(g, 0.2);
	c->o.smooth_years = rng_chance(g, 0.2) ? (size_t)rng_range(g, 2, 7) : 0;
	if (phase_in) {
		c->change_pct = (int)rng_range(g, 1, 30);
		c->o.max_change = c->change_pct / 100.0;
	}
	for (size_t i = 0; i < c->n; i++) {
		struct alloc_school *s = &c->s[i];
		int64_t cap_fen;

		*s = school("X", same_bases ? equal_base : rng_range(g, 1, 2000000),
			    random_score(g));
		if (!rng_chance(g, 0.1))
			s->score_lo = isnan(s->score) ? NAN : s->score * rng_uniform(g);
		s->nhistory = (size_t)rng_range(g, 0, ALLOC_MAX_YEARS);
		for (size_t y = 0; y < s->nhistory; y++)
			s->history[y] = random_score(g);
		cap_fen = c->cap_pct * s->base_fen / 100;
		c->lo[i] = 0;
		c->hi[i] = cap_fen;
		if (phase_in && !rng_chance(g, 0.15)) {
			int64_t d;

			s->prev_fen = rng_chance(g, 0.05) ? 0 : rng_range(g, 0, 2 * cap_fen + 10);
			d = c->change_pct * s->prev_fen / 100;
			if (s->prev_fen + d < c->hi[i])
				c->hi[i] = s->prev_fen + d;
			c->lo[i] = s->prev_fen - d < c->hi[i] ? s->prev_fen - d : c->hi[i];
			prevs += s->prev_fen;
		}
		if (isnan(want_score(s, &c->o)))
			c->lo[i] = c->hi[i] = 0;
		bases += s->base_fen;
	}
	/* twins: schools alike in base and scores, whose spare fen only the
	 * order given can decide */
	if (rng_chance(g, 0.2))
		for (size_t i = 1; i < c->n; i++)
			if (rng_chance(g, 0.5)) {
				c->s[i] = c->s[0];
				c->lo[i] = c->lo[0];
				c->hi[i] = c->hi[0];
			}
	for (size_t i = 0; i < c->n; i++)
		lows += c->lo[i];
	/* mostly a pool the caps bind in, sometimes more than all caps; with
	 * phase-in, sometimes just what the lower bounds need, or less */
	if (phase_in && rng_chance(g, 0.25))
		c->o.pool_fen = lows + rng_range(g, lows >= 100 ? -100 : -lows, 1000);
	else if (phase_in)
		c->o.pool_fen = (int64_t)((double)prevs * rng_uniform_range(g, 0.7, 1.4)) +
				rng_range(g, 0, 100000);
	else if (rng_chance(g, 0.15))
		c->o.pool_fen = rng_range(g, 0, 2 * bases);
	else
		c->o.pool_fen = rng_range(g, 0, bases / 3 + 5);
}

static double weight_of(const struct rcase *c, const struct alloc_result *r, size_t i)
{
	double s = r->used_score[i];

	if (isnan(s))
		return 0;
	return (double)c->s[i].base_fen * (c->o.rule == ALLOC_UPLIFT ? fmax(s - c->o.floor, 0) : s);
}

/* Everything that must hold of one run. */
static void check_case(const struct rcase *c, const struct alloc_result *r, unsigned long id)
{
	int64_t sum = 0;
	double t_above = 0, t_below = INFINITY;
	int room_left = 0;

	assert_int_equal(r->allocated_fen + r->left_fen, c->o.pool_fen);
	assert_true(r->left_fen >= 0);
	for (size_t i = 0; i < c->n; i++) {
		const struct alloc_school *s = &c->s[i];
		double want = want_score(s, &c->o), w = weight_of(c, r, i);
		int64_t f = r->fen[i];

		sum += f;
		if (isnan(want) != isnan(r->used_score[i]) ||
		    (!isnan(want) && fabs(want - r->used_score[i]) > 1e-9))
			fail_msg("case %lu school %zu: used score %g, wanted %g", id, i,
				 r->used_score[i], want);
		if (f < c->lo[i] || f > c->hi[i])
			fail_msg("case %lu school %zu: %lld fen outside [%lld, %lld]", id, i,
				 (long long)f, (long long)c->lo[i], (long long)c->hi[i]);
		if (c->o.max_change == 0 && c->o.rule == ALLOC_UPLIFT &&
		    !(r->used_score[i] > c->o.floor))
			assert_int_equal(f, 0);
		if (isnan(want))
			assert_int_equal(f, 0);
		assert_int_equal(r->capped[i],
				 f == c->cap_pct * s->base_fen / 100 && (w > 0 || c->lo[i] > 0));
		/* the fixed point: a school above its lo has t * w > fen - 1, a
		 * school below its hi has t * w < fen + 1 */
		if (w > 0 && f > c->lo[i])
			t_above = fmax(t_above, ((double)f - 1) / w);
		if (w > 0 && f < c->hi[i]) {
			t_below = fmin(t_below, ((double)f + 1) / w);
			room_left = 1;
		}
	}
	assert_int_equal(sum, r->allocated_fen);
	if (!(t_above < t_below * (1 + 1e-12)))
		fail_msg("case %lu: no common factor, %.17g >= %.17g", id, t_above, t_below);
	/* money is left only when no school can take more */
	if (r->left_fen > 0 && room_left)
		fail_msg("case %lu: %lld fen left while a school has room", id,
			 (long long)r->left_fen);
	if (c->o.max_change > 0)
		return;
	/* monotone: a higher score never gets a smaller share of its base -
	 * exactly for equal bases, otherwise within the fen a cap and a
	 * share each lose to rounding: (f_i + 2) / b_i >= (f_j - 1) / b_j */
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->n; j++) {
			int64_t bi = c->s[i].base_fen, bj = c->s[j].base_fen;

			if (!(r->used_score[i] > r->used_score[j]))
				continue;
			if (bi == bj && r->fen[i] < r->fen[j])
				fail_msg("case %lu: school %zu (%g) gets %lld, %zu (%g) %lld", id,
					 i, r->used_score[i], (long long)r->fen[i], j,
					 r->used_score[j], (long long)r->fen[j]);
			if ((r->fen[i] + 2) * bj < (r->fen[j] - 1) * bi)
				fail_msg("case %lu: school %zu's share of base below %zu's", id, i,
					 j);
		}
}

static void random_invariants(void **state)
{
	struct rcase *c = xmalloc(sizeof(*c));
	struct rng g;
	size_t left = 0, ties = 0;

	(void)state;
	rng_seed(&g, 20261129);
	for (unsigned long id = 0; id < 3000; id++) {
		struct alloc_result r, again;

		random_case(&g, c, 0);
		run_ok(c->s, c->n, &c->o, &r);
		check_case(c, &r, id);
		left += r.left_fen > 0;
		for (size_t i = 1; i < c->n; i++)
			ties += r.fen[i] != r.fen[0] && c->s[i].base_fen == c->s[0].base_fen &&
				r.used_score[i] == r.used_score[0];
		/* the same input, the same fen */
		run_ok(c->s, c->n, &c->o, &again);
		assert_memory_equal(r.fen, again.fen, c->n * sizeof(*r.fen));
		alloc_result_release(&r);
		alloc_result_release(&again);
	}
	/* the cases did reach every school capped and split fen between ties */
	assert_true(left > 100);
	assert_true(ties > 10);
	free(c);
}

static void random_phase_in(void **state)
{
	struct rcase *c = xmalloc(sizeof(*c));
	struct rng g;
	size_t ran = 0, refused = 0, limited = 0;

	(void)state;
	rng_seed_stream(&g, 20261129, 2);
	for (unsigned long id = 0; id < 3000; id++) {
		struct alloc_result r;
		struct err e;
		int64_t lows = 0;
		int rc;

		random_case(&g, c, 1);
		for (size_t i = 0; i < c->n; i++)
			lows += c->lo[i];
		rc = alloc_run(c->s, c->n, &c->o, &r, &e);
		if (lows > c->o.pool_fen) {
			assert_int_equal(rc, ERR_INPUT);
			refused++;
			continue;
		}
		if (rc != 0)
			fail_msg("case %lu: %s", id, e.msg);
		check_case(c, &r, id);
		/* |reward - prev| <= max_change * prev, unless the cap is below
		 * the stop-loss or there is no score */
		for (size_t i = 0; i < c->n; i++) {
			int64_t prev = c->s[i].prev_fen, cap = c->cap_pct * c->s[i].base_fen / 100;

			if (prev < 0 || isnan(r.used_score[i]) || r.fen[i] == cap)
				continue;
			assert_true(llabs(r.fen[i] - prev) * 100 <= c->change_pct * prev);
			limited += r.limited[i];
		}
		ran++;
		alloc_result_release(&r);
	}
	assert_true(ran > 1000 && refused > 100 && limited > 1000);
	free(c);
}

/* amounts near the largest allowed still add up to the fen */
static void large_amounts(void **state)
{
	struct alloc_school s[200];
	struct alloc_opts o;
	struct rng g;

	(void)state;
	rng_seed_stream(&g, 20261129, 3);
	alloc_opts_default(&o);
	for (int round = 0; round < 200; round++) {
		size_t n = (size_t)rng_range(&g, 1, 200);
		struct alloc_result r;
		int64_t bases = 0;

		o.rule = round % 2 ? ALLOC_SHARE : ALLOC_UPLIFT;
		for (size_t i = 0; i < n; i++) {
			s[i] = school("big", rng_range(&g, 1, ALLOC_MAX_FEN / 100),
				      random_score(&g));
			bases += s[i].base_fen;
		}
		o.pool_fen = rng_range(&g, 0, ALLOC_MAX_FEN);
		run_ok(s, n, &o, &r);
		for (size_t i = 0; i < n; i++) {
			assert_true(r.fen[i] >= 0);
			assert_true(r.fen[i] <= s[i].base_fen / 2);
		}
		if (r.left_fen > 0)
			for (size_t i = 0; i < n; i++)
				if (r.used_score[i] > (o.rule == ALLOC_UPLIFT ? 60 : 0))
					assert_int_equal(r.fen[i], s[i].base_fen / 2);
		alloc_result_release(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(three_equal_tie_by_order),
		cmocka_unit_test(tie_by_higher_score),
		cmocka_unit_test(uplift_by_hand),
		cmocka_unit_test(share_by_hand),
		cmocka_unit_test(water_filling_two_rounds),
		cmocka_unit_test(all_capped_leaves_rest),
		cmocka_unit_test(cap_is_decimal),
		cmocka_unit_test(no_score_gets_nothing),
		cmocka_unit_test(no_schools),
		cmocka_unit_test(robust_uses_lower_end),
		cmocka_unit_test(smoothing_averages),
		cmocka_unit_test(phase_in_by_hand),
		cmocka_unit_test(phase_in_edges),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(random_invariants),
		cmocka_unit_test(random_phase_in),
		cmocka_unit_test(large_amounts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
