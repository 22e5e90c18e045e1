/* talent.h - supply of and demand for each major, and the advice on majors
 * (停、减、整、增) the rules of data/talent/advice.json give, each with its
 * evidence.
 *
 * Supply (per major, city-wide, per year): the graduates who enter the
 * labour market - graduates less those going on to study (升学专科,
 * 升学本科) - from the schools' statistics by major; with the enrolment,
 * new entrants and the destination rate (毕业去向落实率: graduates not 未就业
 * over graduates). Demand: the headcounts of the enterprises' demand surveys;
 * a row names a major, or an occupation that reaches majors through the
 * major-occupation crosswalk at the row's education level (中职 -> 中职
 * majors, 高职 -> 高职专科, 本科 -> 职业本科, 不限 -> any of them), its
 * headcount shared equally
 * among them (each graduate and each opening counted once). The ratio is
 * demand / supply (a 求人倍率-style index of the platform's own, not the
 * official one); figures on fewer than min_supply graduates or min_demand
 * openings are marked unreliable and no rule acts on them. Postings will add
 * a second demand signal once they are classified (issue 7).
 *
 * Rules (defaults from policy; every number in the file):
 *   reduce_destination: a school's major with a destination rate under 60 %
 *     two years running -> 减 (MOE 教学〔2011〕12号: 调减招生计划直至停招);
 *   stop_destination: under 60 % three years running -> 停 (Anhui 2022);
 *   small_enrolment: fewer than 30 new entrants three years running -> 整
 *     (merge or adjust; Guangxi 中职 2023);
 *   expand_demand: city demand/supply >= 1.5 two years running and demand
 *     not falling -> 增 (expand where offered, add where no school offers it);
 *   add_unsupplied: surveyed demand of at least min_demand in each of those
 *     years and no school supplying the major -> 增 (add);
 *   reduce_demand: city demand/supply < 0.8 two years running -> 减.
 * The platform recommends; people decide. */
#ifndef TVET_TALENT_H
#define TVET_TALENT_H

#include <jansson.h>
#include <stddef.h>

#include "core/err.h"
#include "store/store.h"

#define TALENT_YEARS 3 /* the year and the two before: what the rules look at */

/* One major's figures in one year, city-wide (NAN: no value). */
struct talent_figures {
	double enrolment, new_entrants, graduates, supply, destination_rate;
	double demand; /* shared survey headcount */
	double ratio;  /* demand / supply */
	int reliable;  /* supply >= min_supply and demand >= min_demand */
};

struct talent_major {
	char code[16], name[128], level[16];
	char cluster[32], cluster_name[64]; /* "" outside the clusters */
	int nschools;			    /* schools offering it in the year */
	struct talent_figures y[TALENT_YEARS]; /* [0] the year, [1] the year before, ... */
	double growth;			    /* demand change on the year before, share */
};

struct talent_rules;

/* The rules file (data/talent/advice.json); ERR_INPUT naming the field. */
int talent_rules_load(const char *path, struct talent_rules **out, struct err *e) WUR;
void talent_rules_free(struct talent_rules *r);

/* Every major with supply or demand in the year or the two before, by code. */
int talent_supply_demand(struct store *s, const struct talent_rules *r, int year,
			 struct talent_major **out, size_t *n, struct err *e) WUR;

/* The advice for the year as JSON: an array of {action (stop, reduce,
 * merge, expand, add), rule, school (code or null for the city), school_name,
 * major, major_name, sentence, sentence_en, evidence: [{year, figure, value,
 * threshold}]}, ordered stop, reduce, merge, expand, add, then by major. */
int talent_advice(struct store *s, const struct talent_rules *r, int year, json_t **out,
		  struct err *e) WUR;

#endif
