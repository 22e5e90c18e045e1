/* coin.h - a composite index built through its hierarchy, as COINr builds
 * a "coin": the units' raw indicator values and the index's structure in,
 * then denominate -> impute -> screen -> treat -> normalise -> aggregate
 * level by level -> rank, each step optional and set by struct
 * coin_settings; and the uncertainty of the ranks under other reasonable
 * choices (Monte Carlo over weights, normalisation, aggregation and
 * imputation), with the rank shift when each component is removed.
 *
 * Pure computation on composite.h's steps: no I/O (the CLI reads COINr's
 * iData/iMeta CSV files, calc/ never does). A missing value is NAN; an
 * aggregate with too few children present, or a unit screened out, has
 * no value (NAN), never 0.
 *
 * Structure. Nodes are the indicators (level 1) and the aggregates (level
 * 2 and up) in META order; each node but one has a parent of a higher
 * level, the one without is the index (the root). Weights are relative
 * among siblings. coin_check() refuses anything else, naming the node. */
#ifndef TVET_COIN_H
#define TVET_COIN_H

#include <stddef.h>
#include <stdint.h>

#include "calc/composite.h"
#include "core/err.h"

struct coin_node {
	char *code;
	int level;	  /* 1: an indicator; 2 and up: an aggregate */
	int parent;	  /* index of the parent node, -1 for the root */
	double weight;	  /* relative to its siblings, >= 0 */
	int direction;	  /* +1 more is better, -1 less is better */
	int denominator;  /* index into coin.denom, -1 for none */
	double target;	  /* for dist2targ, NAN for none */
	double post_lo;	  /* goalposts of this indicator, NAN: the settings' */
	double post_hi;
};

struct coin {
	size_t nunits, nnodes, ndenoms, ngroups;
	char **units;		/* unit codes */
	struct coin_node *nodes;
	double *x;		/* nunits x nnodes raw values; aggregates' columns unused */
	char **denom_names;
	double *denom;		/* nunits x ndenoms */
	char **group_names;
	char **groups;		/* nunits x ngroups group labels */
};

struct coin_settings {
	int denominate;		   /* divide by the indicator's denominator */
	enum ci_impute impute;	   /* CI_IMPUTE_NONE: skip */
	int impute_group;	   /* group column for the group methods */
	double min_availability;   /* screen units below this share (0: skip) */
	int treat;		   /* outlier treatment on */
	struct ci_treat_opt treat_opt;
	int normalise;		   /* normalisation on */
	struct ci_norm_opt norm;
	enum ci_agg agg;	   /* every level */
	double agg_p;		   /* CI_AGG_POWER's p */
	enum ci_topsis_norm topsis_norm; /* CI_AGG_TOPSIS: how it normalises */
	double dat_thresh;	   /* an aggregate needs this share of children (0: any) */
};

/* What a run gives, per unit and node. */
struct coin_result {
	size_t nunits, nnodes;
	int root;		/* the index's node */
	int *kept;		/* nunits: 0 when screened out */
	double *score;		/* nunits x nnodes: normalised indicators, aggregates */
	int *rank;		/* nunits: rank by the index (1 best, 0 no value) */
	size_t imputed;		/* values imputed */
	struct ci_treat_res *treated; /* nnodes (indicators only meaningful) */
	int *flat;		/* nnodes: an indicator without spread (no value) */
};

/* The settings COINr's own defaults give when a step is on: winmax 5,
 * skew 2, kurtosis 3.5; min-max to [0, 100]; the arithmetic mean; steps
 * all off. */
void coin_settings_default(struct coin_settings *s);

/* Check the structure: codes unique, parents known and of a higher level,
 * exactly one root, no cycle, every aggregate with a child, every
 * indicator at level 1, weights >= 0 and finite, directions +1/-1.
 * ERR_INPUT naming the node otherwise. Also sets nothing: pure check. */
int coin_check(const struct coin *c, struct err *e);

/* Build the index with settings s into r (released with
 * coin_result_release; nothing to release after an error). ERR_INPUT when
 * a step cannot run on these data (a geometric mean of a zero, a group
 * column that is not there). */
int coin_run(const struct coin *c, const struct coin_settings *s, struct coin_result *r,
	     struct err *e);
void coin_result_release(struct coin_result *r);

/* Effective weight of each node in the index: the product along its
 * lineage of its weight over its siblings' sum (COINr get_eff_weights). */
void coin_effective_weights(const struct coin *c, double *w);

/* ---- uncertainty and sensitivity -------------------------------------------- */

/* The uncertain choices: each replication draws one of each. */
struct coin_ua {
	size_t reps;		  /* replications, e.g. 1000 */
	uint64_t seed;
	double weight_noise;	  /* each weight * (1 + U(-f, f)), e.g. 0.25 */
	size_t nnorms;		  /* alternatives for normalisation (0: as s) */
	struct ci_norm_opt norms[4];
	size_t naggs;		  /* alternatives for aggregation (0: as s) */
	enum ci_agg aggs[4];
	size_t nimputes;	  /* alternatives for imputation (0: as s) */
	enum ci_impute imputes[4];
	int keep_scores;	  /* also the index's 5-95 % score interval */
	int threads;		  /* workers (0: one per processor, at most 8);
				   * the result does not depend on it */
};

struct coin_ua_unit {
	int nominal;	       /* rank with the settings as given (0: none) */
	double median, q05, q95; /* of its rank over the replications */
	double mean;
	/* with keep_scores: of its index score (NAN otherwise) */
	double score_median, score_q05, score_q95;
};

struct coin_ua_result {
	size_t nunits;
	struct coin_ua_unit *units;
	/* the mean absolute rank shift against the nominal ranks when each
	 * choice alone varies: weights, normalisation, aggregation,
	 * imputation (NAN when that choice does not vary) */
	double shift_weights, shift_norm, shift_agg, shift_impute;
	/* removing each child of the root (the dimensions), one at a time:
	 * the mean absolute rank shift; nremove entries, node index order */
	size_t nremove;
	int *remove_node;
	double *remove_shift;
};

/* Run the uncertainty analysis around settings s. */
int coin_uncertainty(const struct coin *c, const struct coin_settings *s,
		     const struct coin_ua *ua, struct coin_ua_result *out, struct err *e);
void coin_ua_release(struct coin_ua_result *r);

#endif
