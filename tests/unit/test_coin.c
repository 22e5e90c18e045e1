/* test_coin.c - a composite index through its hierarchy (calc/coin).
 *
 * A small index built by hand: two pillars of two indicators, one unit
 * with a gap, one with a cost indicator; every step checked against its
 * arithmetic. The structure checks, one per way a META can be wrong; the
 * effective weights; the uncertainty analysis: the same seed gives the
 * same intervals with 1, 2 or 5 workers, a unit far ahead always ranks
 * first, and removing a pillar shifts ranks as computed by hand. */
#include "unit/testlib.h"

#include <math.h>

#include "calc/coin.h"

#define NU 4
#define NN 7 /* a, b (P1), c, d (P2), P1, P2, Index */

static struct coin_node nodes[NN] = {
	{(char *)"a", 1, 4, 1, 1, -1, NAN, NAN, NAN},
	{(char *)"b", 1, 4, 1, 1, -1, NAN, NAN, NAN},
	{(char *)"c", 1, 5, 1, 1, -1, NAN, NAN, NAN},
	{(char *)"d", 1, 5, 1, -1, -1, NAN, NAN, NAN}, /* less is better */
	{(char *)"P1", 2, 6, 1, 1, -1, NAN, NAN, NAN},
	{(char *)"P2", 2, 6, 3, 1, -1, NAN, NAN, NAN},
	{(char *)"Index", 3, -1, 1, 1, -1, NAN, NAN, NAN},
};
static char *units[NU] = {(char *)"U1", (char *)"U2", (char *)"U3", (char *)"U4"};
static double x[NU * NN] = {
	/* a    b    c    d  (aggregates' columns unused) */
	0,  10, 0,  40, NAN, NAN, NAN,	/* U1 */
	5,  20, 50, 20, NAN, NAN, NAN,	/* U2 */
	10, NAN, 100, 0, NAN, NAN, NAN, /* U3: b missing */
	10, 30, 100, 0, NAN, NAN, NAN,	/* U4 */
};

static struct coin fixture(void)
{
	struct coin c;

	memset(&c, 0, sizeof(c));
	c.nunits = NU;
	c.nnodes = NN;
	c.units = units;
	c.nodes = nodes;
	c.x = x;
	return c;
}

#define assert_near(got, want) assert_near_at((got), (want), #got)

static void assert_near_at(double got, double want, const char *what)
{
	if (!(fabs(got - want) <= 1e-9))
		fail_msg("%s is %.17g, wanted %.17g", what, got, want);
}

/* min-max to [0, 100], arithmetic means, P2 weighs 3 */
static void run_by_hand(void **state)
{
	struct coin c = fixture();
	struct coin_settings s;
	struct coin_result r;
	struct err e;
	/* a: 0 50 100 100; b: 0 50 - 100; c: 0 50 100 100; d (reversed): 0 50 100 100 */
	double p1[NU] = {0, 50, 100, 100}, p2[NU] = {0, 50, 100, 100};
	int want_rank[NU] = {4, 3, 1, 1};

	(void)state;
	err_clear(&e);
	coin_settings_default(&s);
	s.normalise = 1;
	assert_int_equal(coin_run(&c, &s, &r, &e), 0);
	for (int u = 0; u < NU; u++) {
		assert_near(r.score[u * NN + 4], p1[u]);
		assert_near(r.score[u * NN + 5], p2[u]);
		assert_near(r.score[u * NN + 6], (p1[u] + 3 * p2[u]) / 4);
		assert_int_equal(r.rank[u], want_rank[u]);
	}
	coin_result_release(&r);
}

static void dat_thresh_and_screen(void **state)
{
	struct coin c = fixture();
	struct coin_settings s;
	struct coin_result r;
	struct err e;

	(void)state;
	err_clear(&e);
	coin_settings_default(&s);
	s.normalise = 1;
	s.dat_thresh = 1; /* a pillar needs both its indicators */
	assert_int_equal(coin_run(&c, &s, &r, &e), 0);
	assert_true(isnan(r.score[2 * NN + 4])); /* U3's P1 */
	assert_near(r.score[2 * NN + 5], 100);	 /* its P2 */
	assert_true(isnan(r.score[2 * NN + 6])); /* and the index needs both */
	assert_int_equal(r.rank[2], 0);
	coin_result_release(&r);
	coin_settings_default(&s);
	s.min_availability = 1; /* every indicator, or out */
	assert_int_equal(coin_run(&c, &s, &r, &e), 0);
	assert_int_equal(r.kept[2], 0);
	assert_int_equal(r.rank[2], 0);
	assert_true(isnan(r.score[2 * NN + 6]));
	coin_result_release(&r);
}

static void effective_weights(void **state)
{
	struct coin c = fixture();
	double w[NN];

	(void)state;
	coin_effective_weights(&c, w);
	assert_near(w[0], 0.25 * 0.5);
	assert_near(w[2], 0.75 * 0.5);
	assert_near(w[5], 0.75);
	assert_near(w[6], 1);
}

/* each way a structure can be wrong, refused with the node named */
static void structure_refused(void **state)
{
	struct coin_node bad[NN];
	struct coin c = fixture();
	struct err e;
	struct {
		int node;
		int level, parent;
		double weight;
		int direction;
		const char *msg;
	} cases[] = {
		{1, 1, 1, 1, 1, "'b' (level 1) has parent 'b' of level 1"},
		{4, 2, -1, 1, 1, "must have one top"},
		{4, 2, 5, 1, 1, "has parent 'P2' of level 2"},
		{0, 1, 4, -1, 1, "'a': weight -1"},
		{0, 1, 4, 1, 2, "'a': direction 2"},
		{6, 3, 0, 1, 1, "'a': its parents form a cycle"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		memcpy(bad, nodes, sizeof(bad));
		bad[cases[k].node].level = cases[k].level;
		bad[cases[k].node].parent = cases[k].parent;
		bad[cases[k].node].weight = cases[k].weight;
		bad[cases[k].node].direction = cases[k].direction;
		c.nodes = bad;
		err_clear(&e);
		assert_int_equal(coin_check(&c, &e), ERR_INPUT);
		if (!strstr(e.msg, cases[k].msg))
			fail_msg("case %zu: '%s' lacks '%s'", k, e.msg, cases[k].msg);
	}
	/* an aggregate without children; weights summing to 0 */
	memcpy(bad, nodes, sizeof(bad));
	bad[0].parent = bad[1].parent = 5;
	c.nodes = bad;
	assert_int_equal(coin_check(&c, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "aggregate 'P1' has no children"));
	memcpy(bad, nodes, sizeof(bad));
	bad[2].weight = bad[3].weight = 0;
	assert_int_equal(coin_check(&c, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "aggregate 'P2': its children's weights sum to 0"));
}

static void uncertainty_same_for_any_workers(void **state)
{
	struct coin c = fixture();
	struct coin_settings s;
	struct coin_ua ua;
	struct coin_ua_result r[3];
	int threads[3] = {1, 2, 5};
	struct err e;

	(void)state;
	err_clear(&e);
	coin_settings_default(&s);
	s.normalise = 1;
	s.norm.lower = 1; /* > 0 for the geometric mean */
	memset(&ua, 0, sizeof(ua));
	ua.reps = 1234;
	ua.seed = 99;
	ua.weight_noise = 0.5;
	ua.naggs = 2;
	ua.aggs[0] = CI_AGG_ARITH;
	ua.aggs[1] = CI_AGG_GEOM;
	ua.keep_scores = 1;
	for (int k = 0; k < 3; k++) {
		ua.threads = threads[k];
		assert_int_equal(coin_uncertainty(&c, &s, &ua, &r[k], &e), 0);
	}
	for (int u = 0; u < NU; u++)
		for (int k = 1; k < 3; k++) {
			assert_memory_equal(&r[k].units[u], &r[0].units[u], sizeof(r[0].units[u]));
		}
	/* U1 is last on every indicator: last in every replication */
	assert_near(r[0].units[0].q05, 4);
	assert_near(r[0].units[0].q95, 4);
	assert_int_equal(r[0].units[0].nominal, 4);
	assert_true(r[0].units[0].score_q95 <= r[0].units[1].score_q05);
	/* removing P2 leaves P1: U3 (100) and U4 (100) tie first, U2, U1 -
	 * the same ranks as with both: no shift; removing P1 the same */
	assert_int_equal(r[0].nremove, 2);
	assert_near(r[0].remove_shift[0], 0);
	for (int k = 0; k < 3; k++)
		coin_ua_release(&r[k]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(run_by_hand),
		cmocka_unit_test(dat_thresh_and_screen),
		cmocka_unit_test(effective_weights),
		cmocka_unit_test(structure_refused),
		cmocka_unit_test(uncertainty_same_for_any_workers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
