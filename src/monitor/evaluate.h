/* evaluate.h - the contribution evaluation (贡献度评价) of every school:
 * its indicators computed from the database, normalised on the plan's
 * fixed goalposts (0: the floor, 100: the plan's target), averaged within
 * the four dimensions and across them into the school's index (0-100),
 * with the index's uncertainty (weights +-25 %, arithmetic against a less
 * compensatory power mean) and an explanation of what cost points and
 * which change would add most; and the city's index, the enrolment-
 * weighted mean of the schools', held against target G3 (>= 85).
 *
 * The framework is data (data/evaluation/default.json, docs/evaluation.md):
 * dimensions and weights, each indicator's formula (the formula language of
 * monitor/, evaluated at the school) or built-in measure, direction,
 * goalposts, the levels of school it applies to and the step of its
 * "what if". An indicator that does not apply to a school, or has no value,
 * is left out and the weights renormalised - never filled with 0.
 *
 * evaluate_save() keeps a run: each school's contribution_points (index x
 * weight) and contribution_weight (its enrolment) for the year, written in
 * one transaction as an import batch of kind "evaluation" whose sha256 is
 * the hash of the configuration and of every input value, so that the
 * figures can be reproduced later; the plan's contribution_index_city (G3)
 * is their ratio of sums. */
#ifndef TVET_EVALUATE_H
#define TVET_EVALUATE_H

#include <jansson.h>
#include <stddef.h>

#include "core/err.h"
#include "monitor/monitor.h"

struct eval_config;

/* Read and check the configuration at path against the store's
 * definitions (formulas' names, levels); ERR_INPUT naming the indicator
 * and the field. */
int eval_config_load(struct store *s, const char *path, struct eval_config **out,
		     struct err *e) WUR;
void eval_config_free(struct eval_config *c);

/* An indicator and a dimension of the configuration, as the results show
 * them. */
struct eval_indicator_info {
	const char *code, *name, *name_en, *unit, *dimension;
	double lo, hi, step;
};
struct eval_dimension_info {
	const char *code, *name, *name_en;
	double weight;
};
size_t eval_config_nindicators(const struct eval_config *c);
size_t eval_config_ndimensions(const struct eval_config *c);
const struct eval_indicator_info *eval_config_indicator(const struct eval_config *c, size_t i);
const struct eval_dimension_info *eval_config_dimension(const struct eval_config *c, size_t i);
/* Change a dimension's weight: the what-if of the 评价 page. ERR_INPUT
 * for an unknown dimension or a weight that is not a number >= 0 (all
 * weights 0 is refused when evaluating). */
int eval_config_set_weight(struct eval_config *c, const char *dim, double weight,
			   struct err *e) WUR;
/* hex SHA-256 of the configuration file's bytes */
const char *eval_config_sha256(const struct eval_config *c);

struct eval_school {
	const struct monitor_org *org;
	double weight;	 /* its weighting element (enrolment), NAN: none */
	double *raw;	 /* per indicator: the value (NAN: none or not applicable) */
	double *score;	 /* per indicator: 0-100 on the goalposts (NAN: none) */
	double *dim;	 /* per dimension: 0-100 (NAN: none) */
	double index;	 /* 0-100 (NAN: no indicator at all) */
	int rank;	 /* 1 best, 0 no index */
	double rank_q05, rank_q95;   /* 5-95 % rank interval */
	double index_q05, index_q95; /* 5-95 % interval of the index */
	/* the explanation: the indicator that cost most points and how many,
	 * and the one whose step would add most and how much (-1: none) */
	int lost_ind, gain_ind;
	double lost, gain;
};

struct eval_result {
	int year;
	size_t nschools;
	struct eval_school *schools; /* by code */
	double city_index;	     /* weighted mean of the indices (NAN: none) */
	double city_weight;	     /* sum of the weights of schools with an index */
	char inputs_sha256[65];	     /* of the configuration and every input value */
};

/* Evaluate every school open in year. */
int evaluate(struct monitor *m, const struct eval_config *c, int year, struct eval_result *r,
	     struct err *e) WUR;
void eval_result_release(struct eval_result *r);

/* The explanation of a school's result as one sentence in Chinese or
 * English ("留舟率提高5个百分点可使指数提高1.8分；失分最多：…"), into buf. */
void eval_explain(const struct eval_config *c, const struct eval_school *s, int chinese,
		  char *buf, size_t size);

/* The result as JSON: year, city_index, city_weight, target, the hashes,
 * dimensions, indicators and schools (each with index, rank, rank and
 * index intervals, weight, dimensions, scores, values, gain, lost and the
 * explanation in Chinese and English). evaluate_json.c. */
json_t *eval_json(const struct eval_config *c, const struct eval_result *r);

/* Keep the run (see above) as who, at the time at (ISO 8601 UTC): one
 * transaction of its own, or inside the caller's when one is open. */
int evaluate_save(struct store *s, const struct eval_config *c, const struct eval_result *r,
		  const char *who, const char *at, struct err *e) WUR;

#endif
