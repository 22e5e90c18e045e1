/* payout.h - performance pay for a year: the contribution evaluation
 * (evaluate.h) of that year and the years smoothing needs, each school's
 * base (given, or notional), last year's saved rewards for the phase-in,
 * (a school paid nothing then has no limit: a limit relative to nothing
 * would keep it at nothing for ever), then the shares of the pool (calc/allocate.h) - the one path behind
 * `tvet allocate` and the API - and the run kept unchangeable with the hash
 * of everything it used (table allocation_run). */
#ifndef TVET_PAYOUT_H
#define TVET_PAYOUT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "calc/allocate.h"
#include "core/err.h"
#include "monitor/evaluate.h"

/* One school's base pay, as given. */
struct payout_base {
	char code[32];
	int64_t fen;
};

struct payout_request {
	int year;
	struct alloc_opts o;	      /* pool, rule, floor, cap, robust, smooth, max change */
	const struct payout_base *bases; /* NULL: notional bases (pool / cap by enrolment) */
	size_t nbases;
	const char *base_source;      /* what the bases came from, for the record */
};

struct payout {
	int year;
	size_t nev; /* evaluations: [0] the year, then the years before */
	struct eval_result ev[ALLOC_MAX_YEARS];
	struct alloc_school *schools; /* ev[0].nschools */
	struct alloc_result res;
	struct alloc_opts o;
	char base_source[64];
	char inputs_sha256[65];
};

/* Compute the payout of q into p (released with payout_release). ERR_INPUT
 * naming the school when a base is missing or names a school not open in
 * the year. */
int payout_compute(struct monitor *m, const struct eval_config *c, const struct payout_request *q,
		   struct payout *p, struct err *e) WUR;
void payout_release(struct payout *p);

/* The run as JSON: year, rule, pool, allocated, left, options, inputs_sha256
 * and per school code, name, index, score used, base, fen, capped,
 * limited (money in fen, as integers). */
json_t *payout_json(const struct payout *p);

/* Keep the run as who at the time at: one transaction of its own, or
 * inside the caller's when one is open (with the audit entry, say; the
 * caller then rolls back on an error). */
int payout_save(struct store *s, const struct payout *p, const char *who, const char *at,
		struct err *e) WUR;

/* The saved runs of year (0: all), newest first, as a JSON array. */
int payout_list(struct store *s, int year, json_t **out, struct err *e) WUR;

#endif
