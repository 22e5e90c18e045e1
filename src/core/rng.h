/* rng.h - a small deterministic pseudo-random number generator.
 *
 * xoshiro256** (Blackman and Vigna, 2018) seeded through splitmix64, plus
 * the distributions the demo city needs: uniform integers and doubles,
 * Bernoulli, normal (Box-Muller), Poisson, binomial and weighted choice.
 * The same seed gives the same sequence on every platform for the integer
 * functions; functions that use libm (normal, Poisson and binomial for
 * large means) depend on exp/log/sqrt/cos being correctly rounded, which
 * glibc and musl are for the values used here. Never use rand() or time()
 * where results must be reproducible: use this.
 *
 * A struct rng is plain data: zero-initialising it is not a valid seed,
 * call rng_seed() or rng_seed_stream() first. Independent streams from one
 * seed (one per stage of a generator) keep a change in one stage from
 * shifting every number drawn after it. */
#ifndef TVET_RNG_H
#define TVET_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
	double spare; /* second Box-Muller deviate */
	int has_spare;
};

/* The splitmix64 step: advances *state and returns a well-mixed value. */
uint64_t rng_splitmix64(uint64_t *state);

/* A 64-bit hash of x (the splitmix64 finaliser), for deriving seeds. */
uint64_t rng_mix64(uint64_t x);

/* A 64-bit FNV-1a hash of the NUL-terminated string s, continued from
 * h (pass RNG_FNV_OFFSET to start). Used for stream names and checksums. */
#define RNG_FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t rng_fnv1a(uint64_t h, const char *s);
/* The same over n bytes. */
uint64_t rng_fnv1a_bytes(uint64_t h, const void *p, size_t n);

/* Seed r from seed. */
void rng_seed(struct rng *r, uint64_t seed);

/* Seed r with stream number stream of seed: streams of one seed are
 * independent of each other (their seeds are mixed, not consecutive). */
void rng_seed_stream(struct rng *r, uint64_t seed, uint64_t stream);

/* The next 64 random bits. */
uint64_t rng_next(struct rng *r);

/* Uniform integer in [0, n), without modulo bias; 0 when n is 0. */
uint64_t rng_below(struct rng *r, uint64_t n);

/* Uniform integer in [lo, hi], both included; lo when hi < lo. */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);

/* Uniform double in [0, 1) with 53 random bits. */
double rng_uniform(struct rng *r);

/* Uniform double in [lo, hi). */
double rng_uniform_range(struct rng *r, double lo, double hi);

/* 1 with probability p (p <= 0 never, p >= 1 always), else 0. */
int rng_chance(struct rng *r, double p);

/* Normal deviate with the given mean and standard deviation. */
double rng_normal(struct rng *r, double mean, double sd);

/* Poisson deviate with mean lambda (0 when lambda <= 0): exact for
 * lambda < 30, rounded normal approximation above. */
long rng_poisson(struct rng *r, double lambda);

/* Binomial deviate: successes in n trials of probability p. Exact (by
 * inversion) when the smaller of n*p and n*(1-p) is below 30, rounded and
 * clamped normal approximation above. */
long rng_binomial(struct rng *r, long n, double p);

/* Index in [0, n) drawn with probability w[i] / sum(w). Negative weights
 * count as 0; when every weight is 0 the index is uniform. n must be > 0. */
size_t rng_weighted(struct rng *r, const double *w, size_t n);

/* Index in [0, n) drawn with integer weights (same rules). */
size_t rng_weighted_int(struct rng *r, const int *w, size_t n);

/* Fisher-Yates shuffle of n elements of size bytes at base. */
void rng_shuffle(struct rng *r, void *base, size_t n, size_t size);

#endif
