/* allocate.h - performance pay from evaluation scores: who gets how much
 * of a pool, in yuan to the fen.
 *
 * The plan ties each school's performance reward to its contribution
 * evaluation and lets a school's total performance pay rise at most 50 %
 * above its base. Two rules (docs/methods/composite-index.md §4.2):
 *   ALLOC_UPLIFT: the pool is shared in proportion to base_i * max(score_i -
 *     floor, 0) - the school's size times how far it is above the floor;
 *   ALLOC_SHARE: in proportion to base_i * score_i (Tennessee's share of
 *     pool: a school gains only when it does better than the others).
 * Either way no school's reward may exceed cap * base_i (cap 0.5: +50 %);
 * what a capped school cannot take is shared among the others in the
 * same proportions, again and again until no cap binds (water-filling);
 * what no school can take (every school capped) stays unallocated and is
 * reported. Amounts are whole fen: each school's exact share is floored to
 * the fen and the fen left over go one each to the largest remainders
 * (ties: the higher score, then the order given), so the amounts sum to
 * the allocated total exactly.
 *
 * A school's cap in fen is floor(cap * base_fen), the product read as the
 * decimal it was meant to be: cap 0.29 on 100 fen is 29 fen, although the
 * double 0.29 is a hair below 0.29 (a product within a few units of the
 * last place of a whole number counts as that number).
 *
 * Options, as outcomes-based funding formulas have them:
 *   - robust: pay only differences that hold across the uncertainty
 *     interval - each school's score is replaced by its interval's lower
 *     end (score_lo), so a school is not paid for noise; a school with a
 *     score but no score_lo has no robust score and gets nothing;
 *   - smoothing: the score is the mean of this year's score (score_lo when
 *     robust) and the earlier years' scores in history[0 .. k-1], k =
 *     min(nhistory, smooth_years - 1); a NaN in that window is a missing
 *     year and is skipped (the window is not widened to replace it). The
 *     history is averaged as given: with robust, pass the earlier years'
 *     lower ends if those are wanted. A school with no score this year
 *     has no score, whatever its history;
 *   - phase-in (max_change > 0): a school with a score and prev_fen >= 0
 *     gets a reward within prev_fen +- floor(max_change * prev_fen), so
 *     |reward - prev| <= max_change * prev. The cap wins over this: the
 *     bounds are [min(max(prev - d, 0), upper), upper] with upper =
 *     min(cap fen, prev + d). Note a school with prev_fen 0 is then held
 *     at 0; pass -1 for a school that is not to be limited. A school with
 *     no score gets 0 whatever its prev.
 *
 * How the money moves (one procedure for caps and phase-in alike). Every
 * school i has bounds [lo_i, hi_i] in fen: [0, cap fen] and, under
 * phase-in, the bounds above; a school with no score or weight 0 is held
 * at lo_i. The others start free. Repeat: the money not held by fixed
 * schools is shared among the free ones in proportion to their weights;
 * add up what the free schools' shares exceed their hi by (E+) and fall
 * short of their lo by (E-); if neither, stop; if E+ >= E-, every free
 * school above its hi is fixed at hi (the freed money goes to the others
 * next round), and if E- >= E+, every free school below its lo is fixed
 * at lo (the money needed comes from the others next round). This is a
 * fixed point: it ends with reward_i = clamp(t * weight_i, lo_i, hi_i) for
 * one common t, summing to the pool (before rounding), or with every
 * school that has a weight held at its hi and the rest unallocated. With
 * no phase-in (lo = 0) it is exactly water-filling. The free schools' money
 * is then rounded by largest remainder, within their bounds.
 *
 * Pure computation: no I/O. Money is handled as integer fen (int64_t), at
 * most ALLOC_MAX_FEN per amount; a score that is not a number is "no
 * score": the school gets nothing and is said to have none. */
#ifndef TVET_ALLOCATE_H
#define TVET_ALLOCATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum alloc_rule { ALLOC_UPLIFT, ALLOC_SHARE };

#define ALLOC_MAX_YEARS 5

/* The largest pool, base or prev accepted: 10^15 fen (10 trillion yuan),
 * well inside the integers a double holds exactly. */
#define ALLOC_MAX_FEN 1000000000000000LL

struct alloc_school {
	const char *code; /* borrowed; names the school in errors */
	int64_t base_fen; /* base performance pay, > 0 */
	double score;	  /* this year's index (NAN: none) */
	double score_lo;  /* lower end of its uncertainty interval (NAN: none) */
	size_t nhistory;  /* earlier years' scores for smoothing, newest first */
	double history[ALLOC_MAX_YEARS];
	int64_t prev_fen; /* last year's reward, for phase-in (-1: none) */
};

struct alloc_opts {
	enum alloc_rule rule;
	int64_t pool_fen;    /* the money to share, >= 0 */
	double floor;	     /* ALLOC_UPLIFT: no reward at or below (default 60) */
	double cap;	     /* most a reward may be, as a share of base (0.5) */
	int robust;	     /* use score_lo */
	size_t smooth_years; /* 0 or 1: this year only; else the mean of up to
			      * this many years (this one and history) */
	double max_change;   /* phase-in: 0 for none, else the largest change
			      * from prev_fen as a share of prev_fen */
};

struct alloc_result {
	int64_t *fen;	       /* per school: its reward */
	double *used_score;    /* per school: the score the rule used (NAN: none) */
	int *capped;	       /* per school: at exactly its cap, having had a claim
			       * (a weight, or a phase-in lower bound) on more */
	int *limited;	       /* per school: at exactly a phase-in bound that is
			       * tighter than the cap (and, for the lower one, > 0) */
	int64_t allocated_fen; /* sum of fen */
	int64_t left_fen;      /* pool - allocated: what no school could take */
};

/* Default options: ALLOC_UPLIFT, floor 60, cap 0.5, nothing else. */
void alloc_opts_default(struct alloc_opts *o);

/* Share o->pool_fen among the n schools into r (released with
 * alloc_result_release; r is cleared first and holds nothing after an
 * error). n may be 0: everything is left. ERR_INPUT naming the school when
 * a base is not positive, a score (this year's, score_lo when robust, or
 * a history score when smoothing) is outside [0, 100], nhistory exceeds
 * ALLOC_MAX_YEARS, prev_fen is below -1 or an amount exceeds
 * ALLOC_MAX_FEN; ERR_INPUT for a negative or NaN pool, cap or max_change,
 * a floor that is not finite, an unknown rule, and when phase-in cannot
 * hold because the schools' lower bounds add up to more than the pool.
 * Invariants (tested): sum of fen = allocated_fen <= pool_fen; no school
 * above cap * base; a higher used score never gets a smaller share of its
 * base than a lower one (same rule, no phase-in; exact for equal bases,
 * otherwise up to the fen of rounding of each); money is left only when
 * every school with a weight is at its upper bound; the same input gives
 * the same fen. */
int alloc_run(const struct alloc_school *schools, size_t n, const struct alloc_opts *o,
	      struct alloc_result *r, struct err *e) WUR;
void alloc_result_release(struct alloc_result *r);

#endif
