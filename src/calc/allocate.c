/* allocate.c - performance pay from evaluation scores (see allocate.h).
 *
 * alloc_run() checks the input, works out each school's used score,
 * weight and bounds [lo, hi] in fen, finds the continuous solution by
 * variable fixing (alloc_fix: water-filling with phase-in bounds), then
 * rounds the free schools' shares to the fen by largest remainder
 * (alloc_round). Money is integer fen throughout; doubles appear only in
 * weights and shares, and the rounding step repairs whatever a share's
 * last bit got wrong, so the fen always add up exactly and stay within
 * every school's bounds. */
#include "calc/allocate.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* A bound no amount reaches: no cap binds at or above it. */
#define ALLOC_NO_BOUND (ALLOC_MAX_FEN + 1)

enum alloc_state { ALLOC_FREE, ALLOC_AT_LO, ALLOC_AT_HI };

/* One school as the procedure sees it. */
struct alloc_work {
	double score;  /* used score, NAN: none */
	double weight; /* base * g(score) >= 0; 0 takes no share */
	int64_t cap;   /* floor(cap * base), at most ALLOC_NO_BOUND */
	int64_t lo, hi;
	int phased; /* the phase-in bounds apply */
	int64_t phase_lo, phase_hi;
	enum alloc_state state;
	double share; /* free schools: exact share of the money left */
};

void alloc_opts_default(struct alloc_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rule = ALLOC_UPLIFT;
	o->floor = 60;
	o->cap = 0.5;
}

void alloc_result_release(struct alloc_result *r)
{
	free(r->fen);
	free(r->used_score);
	free(r->capped);
	free(r->limited);
	memset(r, 0, sizeof(*r));
}

/* ---- checking the input ---- */

/* How a school is named in messages: its code, or its place. */
static const char *alloc_name(const struct alloc_school *s, size_t i, char *buf, size_t size)
{
	if (s->code && s->code[0])
		snprintf(buf, size, "'%s'", s->code);
	else
		snprintf(buf, size, "number %zu", i + 1);
	return buf;
}

static int alloc_bad_score(double v)
{
	return !isnan(v) && !(v >= 0 && v <= 100);
}

static int alloc_check(const struct alloc_school *schools, size_t n, const struct alloc_opts *o,
		       struct err *e)
{
	char name[300];

	if (o->rule != ALLOC_UPLIFT && o->rule != ALLOC_SHARE)
		return err_set(e, ERR_INPUT, "allocation rule %d is unknown", (int)o->rule);
	if (o->pool_fen < 0)
		return err_set(e, ERR_INPUT, "pool %lld fen is negative", (long long)o->pool_fen);
	if (o->pool_fen > ALLOC_MAX_FEN)
		return err_set(e, ERR_INPUT, "pool %lld fen is more than the %lld fen allowed",
			       (long long)o->pool_fen, ALLOC_MAX_FEN);
	if (!(o->cap >= 0))
		return err_set(e, ERR_INPUT, "cap %g is negative or not a number", o->cap);
	if (!(o->max_change >= 0))
		return err_set(e, ERR_INPUT, "largest change %g is negative or not a number",
			       o->max_change);
	if (!isfinite(o->floor))
		return err_set(e, ERR_INPUT, "floor %g is not a finite number", o->floor);
	for (size_t i = 0; i < n; i++) {
		const struct alloc_school *s = &schools[i];

		alloc_name(s, i, name, sizeof(name));
		if (s->base_fen <= 0)
			return err_set(e, ERR_INPUT, "school %s: base pay %lld fen is not positive",
				       name, (long long)s->base_fen);
		if (s->base_fen > ALLOC_MAX_FEN)
			return err_set(
				e, ERR_INPUT,
				"school %s: base pay %lld fen is more than the %lld fen allowed",
				name, (long long)s->base_fen, ALLOC_MAX_FEN);
		if (alloc_bad_score(s->score))
			return err_set(e, ERR_INPUT, "school %s: score %g is outside [0, 100]",
				       name, s->score);
		if (o->robust && alloc_bad_score(s->score_lo))
			return err_set(e, ERR_INPUT,
				       "school %s: lower end of the score %g is outside [0, 100]",
				       name, s->score_lo);
		if (s->nhistory > ALLOC_MAX_YEARS)
			return err_set(e, ERR_INPUT, "school %s: %zu earlier years, at most %d",
				       name, s->nhistory, ALLOC_MAX_YEARS);
		for (size_t y = 0; o->smooth_years > 1 && y < s->nhistory; y++)
			if (alloc_bad_score(s->history[y]))
				return err_set(e, ERR_INPUT,
					       "school %s: score %g from %zu year(s) earlier is "
					       "outside [0, 100]",
					       name, s->history[y], y + 1);
		if (s->prev_fen < -1)
			return err_set(e, ERR_INPUT,
				       "school %s: last year's reward %lld fen is negative", name,
				       (long long)s->prev_fen);
		if (s->prev_fen > ALLOC_MAX_FEN)
			return err_set(
				e, ERR_INPUT,
				"school %s: last year's reward %lld fen is more than the %lld "
				"fen allowed",
				name, (long long)s->prev_fen, ALLOC_MAX_FEN);
	}
	return 0;
}

/* ---- scores, weights, bounds ---- */

/* floor(x) in fen for x >= 0, x read as the decimal it stands for: within
 * a few units of the last place of a whole number it is that number (0.29
 * * 100 is 28.999999999999996 in doubles, meant as 29). Clamped to
 * [0, ALLOC_NO_BOUND]. */
static int64_t alloc_floor_fen(double x)
{
	double whole = nearbyint(x);

	if (!(x > 0))
		return 0;
	if (x >= (double)ALLOC_NO_BOUND)
		return ALLOC_NO_BOUND;
	if (fabs(x - whole) <= 4 * DBL_EPSILON * x)
		x = whole;
	return (int64_t)floor(x);
}

static double alloc_used_score(const struct alloc_school *s, const struct alloc_opts *o)
{
	double now = o->robust ? s->score_lo : s->score, sum;
	size_t years = 1, window;

	if (isnan(s->score) || isnan(now))
		return NAN;
	if (o->smooth_years <= 1)
		return now;
	window = o->smooth_years - 1 < s->nhistory ? o->smooth_years - 1 : s->nhistory;
	sum = now;
	for (size_t y = 0; y < window; y++)
		if (!isnan(s->history[y])) {
			sum += s->history[y];
			years++;
		}
	return sum / (double)years;
}

static void alloc_prepare(const struct alloc_school *schools, size_t n, const struct alloc_opts *o,
			  struct alloc_work *w)
{
	for (size_t i = 0; i < n; i++) {
		const struct alloc_school *s = &schools[i];
		struct alloc_work *wi = &w[i];
		double g;

		wi->score = alloc_used_score(s, o);
		wi->cap = alloc_floor_fen(o->cap * (double)s->base_fen);
		wi->lo = 0;
		wi->hi = wi->cap;
		wi->weight = 0;
		wi->state = ALLOC_FREE;
		if (isnan(wi->score)) {
			wi->hi = 0; /* no score, no money: not even the phase-in floor */
			wi->state = ALLOC_AT_LO;
			continue;
		}
		g = o->rule == ALLOC_UPLIFT ? fmax(wi->score - o->floor, 0) : wi->score;
		wi->weight = (double)s->base_fen * g;
		if (o->max_change > 0 && s->prev_fen >= 0) {
			int64_t d = alloc_floor_fen(o->max_change * (double)s->prev_fen);

			if (d > s->prev_fen)
				d = s->prev_fen;
			wi->phased = 1;
			wi->phase_lo = s->prev_fen - d;
			wi->phase_hi = s->prev_fen + d;
			if (wi->phase_hi < wi->hi)
				wi->hi = wi->phase_hi;
			wi->lo = wi->phase_lo < wi->hi ? wi->phase_lo : wi->hi;
		}
		if (!(wi->weight > 0))
			wi->state = ALLOC_AT_LO;
	}
}

/* ---- the continuous solution ---- */

/* The sum of the free schools' weights (Neumaier's compensated sum, so
 * the shares add up to the money to the last bit or so). */
static double alloc_free_weight(const struct alloc_work *w, size_t n)
{
	double sum = 0, comp = 0;

	for (size_t i = 0; i < n; i++) {
		double t;

		if (w[i].state != ALLOC_FREE)
			continue;
		t = sum + w[i].weight;
		if (fabs(sum) >= fabs(w[i].weight))
			comp += (sum - t) + w[i].weight;
		else
			comp += (w[i].weight - t) + sum;
		sum = t;
	}
	return sum + comp;
}

/* Variable fixing (see allocate.h): fix schools at their bounds until the
 * free ones' shares all lie within theirs. Returns the money left for the
 * free schools, whose shares are in w[i].share. */
static int64_t alloc_fix(struct alloc_work *w, size_t n, int64_t pool)
{
	int64_t money = pool;

	for (size_t i = 0; i < n; i++)
		if (w[i].state == ALLOC_AT_LO)
			money -= w[i].lo;
	for (;;) {
		double total = alloc_free_weight(w, n), over = 0, under = 0;
		int fix_hi, fix_lo;

		if (!(total > 0))
			break;
		for (size_t i = 0; i < n; i++) {
			if (w[i].state != ALLOC_FREE)
				continue;
			w[i].share = (double)money * w[i].weight / total;
			if (w[i].share > (double)w[i].hi)
				over += w[i].share - (double)w[i].hi;
			else if (w[i].share < (double)w[i].lo)
				under += (double)w[i].lo - w[i].share;
		}
		if (over == 0 && under == 0)
			break;
		/* More above than below: the common factor must rise, so those
		 * above stay above; more below: it must fall. */
		fix_hi = over >= under;
		fix_lo = under >= over;
		for (size_t i = 0; i < n; i++) {
			if (w[i].state != ALLOC_FREE)
				continue;
			if (fix_hi && w[i].share > (double)w[i].hi) {
				w[i].state = ALLOC_AT_HI;
				money -= w[i].hi;
			} else if (fix_lo && w[i].share < (double)w[i].lo) {
				w[i].state = ALLOC_AT_LO;
				money -= w[i].lo;
			}
		}
	}
	return money;
}

/* ---- rounding to the fen ---- */

/* Who gets a spare fen first: the largest remainder, then the higher
 * score, then the earlier school. */
struct alloc_rank {
	double remainder; /* -1 for schools that were not free */
	double score;
	size_t index;
};

static int alloc_rank_cmp(const void *pa, const void *pb)
{
	const struct alloc_rank *a = pa, *b = pb;

	if (a->remainder != b->remainder)
		return a->remainder > b->remainder ? -1 : 1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Move diff fen (positive: give, negative: take back) through the schools
 * in order[0 .. norder-1], one fen each while fewer fen remain than
 * schools (more each pass otherwise, which only a share's last bit going
 * astray could call for), staying within each school's bounds. Returns
 * what could not be moved. */
static int64_t alloc_spread(const struct alloc_work *w, int64_t *fen, const size_t *order,
			    size_t norder, int64_t diff)
{
	while (diff != 0) {
		int64_t moved = 0, each = llabs(diff) / (int64_t)norder;

		if (each < 1)
			each = 1;
		for (size_t k = 0; k < norder && diff != 0; k++) {
			size_t i = order[k];
			int64_t room = diff > 0 ? w[i].hi - fen[i] : fen[i] - w[i].lo;
			int64_t step = room < each ? room : each;

			if (step > llabs(diff))
				step = llabs(diff);
			if (step <= 0)
				continue;
			fen[i] += diff > 0 ? step : -step;
			diff += diff > 0 ? -step : step;
			moved += step;
		}
		if (!moved)
			break;
	}
	return diff;
}

/* Fix each school's fen: fixed schools their bound, free ones the floor
 * of their share, then the fen left over by largest remainder. Should the
 * floors come to more than the money (a share's last bit), fen are taken
 * back from the smallest remainders. Fixed schools with a weight are
 * touched only when the free ones cannot absorb the difference. */
static void alloc_round(const struct alloc_work *w, size_t n, int64_t money, int64_t *fen)
{
	struct alloc_rank *rank = xcalloc(n ? n : 1, sizeof(*rank));
	size_t *order = xcalloc(n ? n : 1, sizeof(*order));
	size_t nrank = 0, nfree = 0;
	int64_t diff = money;

	for (size_t i = 0; i < n; i++) {
		if (w[i].state == ALLOC_AT_LO) {
			fen[i] = w[i].lo;
		} else if (w[i].state == ALLOC_AT_HI) {
			fen[i] = w[i].hi;
		} else {
			double whole = floor(w[i].share);

			fen[i] = !(whole > 0) ? 0 : (int64_t)whole;
			if (fen[i] < w[i].lo)
				fen[i] = w[i].lo;
			if (fen[i] > w[i].hi)
				fen[i] = w[i].hi;
			diff -= fen[i];
			nfree++;
		}
		/* Only a school with a weight may take a spare fen. */
		if (w[i].weight > 0)
			rank[nrank++] = (struct alloc_rank){
				w[i].state == ALLOC_FREE ? w[i].share - floor(w[i].share) : -1,
				w[i].score, i};
	}
	qsort(rank, nrank, sizeof(*rank), alloc_rank_cmp);
	/* The free schools come first in rank (remainders >= 0, the fixed
	 * ones -1): giving goes down the ranks, taking back up the free ones
	 * first. With no free school, money over is what no school can take. */
	for (size_t k = 0; k < nrank; k++)
		order[k] = diff > 0 || k >= nfree ? rank[k].index : rank[nfree - 1 - k].index;
	if (nrank && (diff < 0 || (diff > 0 && nfree)))
		alloc_spread(w, fen, order, nrank, diff);
	free(order);
	free(rank);
}

/* ---- the whole ---- */

int alloc_run(const struct alloc_school *schools, size_t n, const struct alloc_opts *o,
	      struct alloc_result *r, struct err *e)
{
	struct alloc_work *w = NULL;
	int64_t lows = 0, money;
	int rc;

	memset(r, 0, sizeof(*r));
	rc = alloc_check(schools, n, o, e);
	if (rc < 0)
		return rc;
	w = xcalloc(n ? n : 1, sizeof(*w));
	alloc_prepare(schools, n, o, w);
	for (size_t i = 0; i < n; i++)
		lows = lows + w[i].lo > ALLOC_MAX_FEN * 4 ? ALLOC_MAX_FEN * 4 : lows + w[i].lo;
	if (lows > o->pool_fen) {
		rc = err_set(e, ERR_INPUT,
			     "phase-in cannot hold: the smallest rewards it allows add up to %lld "
			     "fen, more than the pool of %lld fen",
			     (long long)lows, (long long)o->pool_fen);
		goto out;
	}
	r->fen = xcalloc(n ? n : 1, sizeof(*r->fen));
	r->used_score = xcalloc(n ? n : 1, sizeof(*r->used_score));
	r->capped = xcalloc(n ? n : 1, sizeof(*r->capped));
	r->limited = xcalloc(n ? n : 1, sizeof(*r->limited));
	money = alloc_fix(w, n, o->pool_fen);
	alloc_round(w, n, money, r->fen);
	for (size_t i = 0; i < n; i++) {
		const struct alloc_work *wi = &w[i];
		int64_t f = r->fen[i];

		r->used_score[i] = wi->score;
		r->capped[i] = f == wi->cap && (wi->weight > 0 || wi->lo > 0);
		r->limited[i] = wi->phased &&
				((f == wi->phase_hi && wi->phase_hi < wi->cap && wi->weight > 0) ||
				 (f == wi->phase_lo && wi->phase_lo > 0 && wi->phase_lo < wi->cap));
		r->allocated_fen += f;
	}
	r->left_fen = o->pool_fen - r->allocated_fen;
	if (r->left_fen < 0) {
		/* alloc_round keeps the sum at the pool or below; never hand out
		 * a figure that breaks that */
		alloc_result_release(r);
		rc = err_set(e, ERR_INTERNAL, "allocation came to more than the pool");
	}
out:
	free(w);
	return rc;
}
