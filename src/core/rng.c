/* rng.c - xoshiro256** with splitmix64 seeding and a few distributions.
 * See rng.h. The generator follows the public-domain reference code of
 * xoshiro256** 1.0 and splitmix64 by David Blackman and Sebastiano Vigna. */
#include "core/rng.h"

#include <math.h>
#include <string.h>

#define RNG_FNV_PRIME 0x100000001b3ULL

uint64_t rng_splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t rng_mix64(uint64_t x)
{
	uint64_t state = x;

	return rng_splitmix64(&state);
}

uint64_t rng_fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= RNG_FNV_PRIME;
	}
	return h;
}

uint64_t rng_fnv1a_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= RNG_FNV_PRIME;
	}
	return h;
}

void rng_seed(struct rng *r, uint64_t seed)
{
	uint64_t state = seed;

	for (int i = 0; i < 4; i++)
		r->s[i] = rng_splitmix64(&state);
	/* splitmix64 never yields four zero words from one state, but keep
	 * the generator's one forbidden state impossible by construction */
	if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3]))
		r->s[0] = 1;
	r->spare = 0;
	r->has_spare = 0;
}

void rng_seed_stream(struct rng *r, uint64_t seed, uint64_t stream)
{
	rng_seed(r, rng_mix64(seed) ^ rng_mix64(stream * 0xd1b54a32d192ed03ULL + 1));
}

static inline uint64_t rng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rng_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rng_rotl(s[3], 45);
	return result;
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
	uint64_t x, limit;

	if (n == 0)
		return 0;
	/* reject the top partial block so every residue is equally likely */
	limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
	do
		x = rng_next(r);
	while (x > limit);
	return x % n;
}

int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	/* unsigned arithmetic: hi - lo may not fit in an int64_t */
	uint64_t span;

	if (hi <= lo)
		return lo;
	span = (uint64_t)hi - (uint64_t)lo;
	if (span == UINT64_MAX)
		return (int64_t)rng_next(r);
	return (int64_t)((uint64_t)lo + rng_below(r, span + 1));
}

double rng_uniform(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

double rng_uniform_range(struct rng *r, double lo, double hi)
{
	return lo + (hi - lo) * rng_uniform(r);
}

int rng_chance(struct rng *r, double p)
{
	if (p <= 0)
		return 0;
	if (p >= 1)
		return 1;
	return rng_uniform(r) < p;
}

double rng_normal(struct rng *r, double mean, double sd)
{
	double u1, u2, radius, angle;

	if (r->has_spare) {
		r->has_spare = 0;
		return mean + sd * r->spare;
	}
	do
		u1 = rng_uniform(r);
	while (u1 <= 0);
	u2 = rng_uniform(r);
	radius = sqrt(-2.0 * log(u1));
	angle = 2.0 * M_PI * u2;
	r->spare = radius * sin(angle);
	r->has_spare = 1;
	return mean + sd * radius * cos(angle);
}

long rng_poisson(struct rng *r, double lambda)
{
	double limit, product;
	long k;

	if (lambda <= 0)
		return 0;
	if (lambda >= 30) {
		double x = floor(rng_normal(r, lambda, sqrt(lambda)) + 0.5);
		return x < 0 ? 0 : (long)x;
	}
	/* Knuth: count uniforms until their product drops below e^-lambda */
	limit = exp(-lambda);
	product = rng_uniform(r);
	for (k = 0; product > limit; k++)
		product *= rng_uniform(r);
	return k;
}

long rng_binomial(struct rng *r, long n, double p)
{
	double q, mean, u, pmf, cdf;
	long k;
	int flip = 0;

	if (n <= 0 || p <= 0)
		return 0;
	if (p >= 1)
		return n;
	if (p > 0.5) {
		p = 1 - p;
		flip = 1;
	}
	q = 1 - p;
	mean = (double)n * p;
	if (mean >= 30) {
		double x = floor(rng_normal(r, mean, sqrt(mean * q)) + 0.5);
		k = x < 0 ? 0 : x > (double)n ? n : (long)x;
	} else {
		/* inversion: walk the cumulative pmf until it passes u */
		u = rng_uniform(r);
		pmf = pow(q, (double)n);
		cdf = pmf;
		for (k = 0; u > cdf && k < n; k++) {
			pmf *= (double)(n - k) / (double)(k + 1) * p / q;
			cdf += pmf;
			if (pmf <= 0 && cdf < u)
				break; /* underflow far in the tail */
		}
	}
	return flip ? n - k : k;
}

size_t rng_weighted(struct rng *r, const double *w, size_t n)
{
	double total = 0, target;

	for (size_t i = 0; i < n; i++)
		if (w[i] > 0)
			total += w[i];
	if (total <= 0)
		return (size_t)rng_below(r, n);
	target = rng_uniform(r) * total;
	for (size_t i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		if (target < w[i])
			return i;
		target -= w[i];
	}
	/* rounding left a sliver at the end: the last positive weight */
	for (size_t i = n; i-- > 0;)
		if (w[i] > 0)
			return i;
	return 0;
}

size_t rng_weighted_int(struct rng *r, const int *w, size_t n)
{
	uint64_t total = 0, target;

	for (size_t i = 0; i < n; i++)
		if (w[i] > 0)
			total += (uint64_t)w[i];
	if (total == 0)
		return (size_t)rng_below(r, n);
	target = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		if (target < (uint64_t)w[i])
			return i;
		target -= (uint64_t)w[i];
	}
	return n - 1; /* not reached */
}

void rng_shuffle(struct rng *r, void *base, size_t n, size_t size)
{
	unsigned char *b = base;
	unsigned char tmp[256];

	if (n < 2)
		return;
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = (size_t)rng_below(r, i + 1);
		if (j == i)
			continue;
		/* swap in chunks so any element size works */
		for (size_t off = 0; off < size; off += sizeof(tmp)) {
			size_t len = size - off < sizeof(tmp) ? size - off : sizeof(tmp);
			memcpy(tmp, b + i * size + off, len);
			memcpy(b + i * size + off, b + j * size + off, len);
			memcpy(b + j * size + off, tmp, len);
		}
	}
}
