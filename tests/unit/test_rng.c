/* test_rng.c - the deterministic generator and its distributions
 * (core/rng.h).
 *
 * The bit generators must reproduce the published reference sequences
 * (splitmix64 from seed 1234567; xoshiro256** from state {1, 2, 3, 4}), so
 * demo data stays the same across machines. The distributions are checked
 * for range and for mean and variance over many draws with generous
 * tolerances (a fixed seed keeps the test deterministic). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/rng.h"

static void test_splitmix64_reference(void **state)
{
	static const uint64_t want[5] = {6457827717110365317ULL, 3203168211198807973ULL,
					 9817491932198370423ULL, 4593380528125082431ULL,
					 16408922859458223821ULL};
	uint64_t s = 1234567;

	(void)state;
	for (int i = 0; i < 5; i++)
		assert_true(rng_splitmix64(&s) == want[i]);
}

static void test_xoshiro_reference(void **state)
{
	static const uint64_t want[4] = {11520ULL, 0ULL, 1509978240ULL, 1215971899390074240ULL};
	struct rng r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.s[0] = 1;
	r.s[1] = 2;
	r.s[2] = 3;
	r.s[3] = 4;
	for (int i = 0; i < 4; i++)
		assert_true(rng_next(&r) == want[i]);
}

static void test_seed_determinism(void **state)
{
	struct rng a, b, c, s1, s2;
	int differ = 0, streams_differ = 0;

	(void)state;
	rng_seed(&a, 20251231);
	rng_seed(&b, 20251231);
	rng_seed(&c, 20251232);
	rng_seed_stream(&s1, 20251231, 1);
	rng_seed_stream(&s2, 20251231, 2);
	for (int i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a);
		assert_true(x == rng_next(&b));
		differ += x != rng_next(&c);
		streams_differ += rng_next(&s1) != rng_next(&s2);
	}
	assert_int_equal(differ, 1000);
	assert_int_equal(streams_differ, 1000);
	/* a zero seed is a valid seed, not the forbidden all-zero state */
	rng_seed(&a, 0);
	assert_true(a.s[0] | a.s[1] | a.s[2] | a.s[3]);
}

static void test_below_and_range(void **state)
{
	struct rng r;
	long counts[7] = {0};
	int seen_lo = 0, seen_hi = 0;

	(void)state;
	rng_seed(&r, 1);
	assert_true(rng_below(&r, 0) == 0);
	assert_true(rng_below(&r, 1) == 0);
	for (int i = 0; i < 70000; i++)
		counts[rng_below(&r, 7)]++;
	for (int i = 0; i < 7; i++)
		assert_true(counts[i] > 9500 && counts[i] < 10500);
	for (int i = 0; i < 10000; i++) {
		int64_t v = rng_range(&r, -3, 3);
		assert_true(v >= -3 && v <= 3);
		seen_lo |= v == -3;
		seen_hi |= v == 3;
	}
	assert_true(seen_lo && seen_hi);
	assert_true(rng_range(&r, 5, 5) == 5);
	assert_true(rng_range(&r, 5, 4) == 5);
	/* the whole 64-bit range does not overflow */
	(void)rng_range(&r, INT64_MIN, INT64_MAX);
}

static void test_uniform_and_chance(void **state)
{
	struct rng r;
	double sum = 0;
	long hits = 0;

	(void)state;
	rng_seed(&r, 2);
	for (int i = 0; i < 100000; i++) {
		double u = rng_uniform(&r);
		assert_true(u >= 0 && u < 1);
		sum += u;
		hits += rng_chance(&r, 0.3);
	}
	assert_true(fabs(sum / 100000 - 0.5) < 0.005);
	assert_true(hits > 29000 && hits < 31000);
	for (int i = 0; i < 100; i++) {
		assert_false(rng_chance(&r, 0));
		assert_false(rng_chance(&r, -1));
		assert_true(rng_chance(&r, 1));
		double v = rng_uniform_range(&r, 10, 20);
		assert_true(v >= 10 && v < 20);
	}
}

static void test_normal(void **state)
{
	struct rng r;
	double sum = 0, sq = 0;
	const int n = 200000;

	(void)state;
	rng_seed(&r, 3);
	for (int i = 0; i < n; i++) {
		double x = rng_normal(&r, 10, 2);
		sum += x;
		sq += x * x;
	}
	double mean = sum / n, var = sq / n - mean * mean;
	assert_true(fabs(mean - 10) < 0.03);
	assert_true(fabs(var - 4) < 0.08);
}

static void check_moments(long (*draw)(struct rng *, double, double), double a, double b,
			  double want_mean, double want_var)
{
	struct rng r;
	double sum = 0, sq = 0;
	const int n = 100000;

	rng_seed(&r, 4);
	for (int i = 0; i < n; i++) {
		double x = (double)draw(&r, a, b);
		assert_true(x >= 0);
		sum += x;
		sq += x * x;
	}
	double mean = sum / n, var = sq / n - mean * mean;
	if (fabs(mean - want_mean) > 0.02 * want_mean + 0.01 ||
	    fabs(var - want_var) > 0.05 * want_var + 0.02)
		fail_msg("mean %.4f (want %.4f), variance %.4f (want %.4f)", mean, want_mean, var,
			 want_var);
}

static long draw_poisson(struct rng *r, double lambda, double unused)
{
	(void)unused;
	return rng_poisson(r, lambda);
}

static long draw_binomial(struct rng *r, double n, double p)
{
	long k = rng_binomial(r, (long)n, p);
	assert_true(k >= 0 && k <= (long)n);
	return k;
}

static void test_poisson(void **state)
{
	struct rng r;

	(void)state;
	check_moments(draw_poisson, 0.5, 0, 0.5, 0.5);
	check_moments(draw_poisson, 4, 0, 4, 4);
	check_moments(draw_poisson, 100, 0, 100, 100); /* normal approximation */
	rng_seed(&r, 5);
	assert_int_equal(rng_poisson(&r, 0), 0);
	assert_int_equal(rng_poisson(&r, -1), 0);
}

static void test_binomial(void **state)
{
	struct rng r;

	(void)state;
	check_moments(draw_binomial, 10, 0.3, 3, 2.1);
	check_moments(draw_binomial, 1000, 0.02, 20, 19.6);  /* inversion */
	check_moments(draw_binomial, 1000, 0.97, 970, 29.1); /* symmetric */
	check_moments(draw_binomial, 5000, 0.4, 2000, 1200); /* normal */
	rng_seed(&r, 6);
	assert_int_equal(rng_binomial(&r, 0, 0.5), 0);
	assert_int_equal(rng_binomial(&r, 10, 0), 0);
	assert_int_equal(rng_binomial(&r, 10, 1), 10);
	assert_int_equal(rng_binomial(&r, -5, 0.5), 0);
}

static void test_weighted(void **state)
{
	static const double w[4] = {1, 0, 3, -2};
	static const int wi[3] = {0, 5, 5};
	static const double zero[3] = {0, 0, 0};
	struct rng r;
	long counts[4] = {0}, ci[3] = {0}, cz[3] = {0};

	(void)state;
	rng_seed(&r, 7);
	for (int i = 0; i < 40000; i++) {
		counts[rng_weighted(&r, w, 4)]++;
		ci[rng_weighted_int(&r, wi, 3)]++;
		cz[rng_weighted(&r, zero, 3)]++;
	}
	assert_int_equal(counts[1], 0);
	assert_int_equal(counts[3], 0);
	assert_true(counts[0] > 9500 && counts[0] < 10500);
	assert_int_equal(ci[0], 0);
	assert_true(ci[1] > 19000 && ci[1] < 21000);
	for (int i = 0; i < 3; i++)
		assert_true(cz[i] > 12500 && cz[i] < 14200);
}

static void test_shuffle(void **state)
{
	struct rng r;
	int a[50], seen[50] = {0}, moved = 0;
	char big[3][300];

	(void)state;
	rng_seed(&r, 8);
	for (int i = 0; i < 50; i++)
		a[i] = i;
	rng_shuffle(&r, a, 50, sizeof(int));
	for (int i = 0; i < 50; i++) {
		seen[a[i]]++;
		moved += a[i] != i;
	}
	for (int i = 0; i < 50; i++)
		assert_int_equal(seen[i], 1);
	assert_true(moved > 30);
	/* elements larger than the swap buffer */
	memset(big[0], 'a', sizeof(big[0]));
	memset(big[1], 'b', sizeof(big[1]));
	memset(big[2], 'c', sizeof(big[2]));
	rng_shuffle(&r, big, 3, sizeof(big[0]));
	for (int i = 0; i < 3; i++)
		for (size_t k = 1; k < sizeof(big[0]); k++)
			assert_int_equal(big[i][k], big[i][0]);
	rng_shuffle(&r, a, 1, sizeof(int));
	rng_shuffle(&r, a, 0, sizeof(int));
}

static void test_fnv(void **state)
{
	(void)state;
	/* FNV-1a 64 reference values */
	assert_true(rng_fnv1a(RNG_FNV_OFFSET, "") == 0xcbf29ce484222325ULL);
	assert_true(rng_fnv1a(RNG_FNV_OFFSET, "a") == 0xaf63dc4c8601ec8cULL);
	assert_true(rng_fnv1a(RNG_FNV_OFFSET, "foobar") == 0x85944171f73967e8ULL);
	assert_true(rng_fnv1a_bytes(RNG_FNV_OFFSET, "foobar", 6) == 0x85944171f73967e8ULL);
	assert_true(rng_mix64(1) != rng_mix64(2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_splitmix64_reference),
		cmocka_unit_test(test_xoshiro_reference),
		cmocka_unit_test(test_seed_determinism),
		cmocka_unit_test(test_below_and_range),
		cmocka_unit_test(test_uniform_and_chance),
		cmocka_unit_test(test_normal),
		cmocka_unit_test(test_poisson),
		cmocka_unit_test(test_binomial),
		cmocka_unit_test(test_weighted),
		cmocka_unit_test(test_shuffle),
		cmocka_unit_test(test_fnv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
