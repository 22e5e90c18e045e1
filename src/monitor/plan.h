/* plan.h - where every target of the action plan stands in a year.
 *
 * monitor_plan_status() computes, from the data as stored now, each
 * criterion of data/plan/targets.csv for a year:
 * - rate targets: the indicator named in `source` at the city, every year
 *   from the baseline year to the year asked, assessed by calc/target.h
 *   (actual, previous year, baseline, gap, trajectory, projection, status,
 *   explanation), with each school's value, weight and pull on the city
 *   value (monitor_by_school) so a reader sees which schools hold it back,
 *   and the yearly series a trend chart draws (struct plan_point);
 * - count targets: recognised registry items, count(registry, type=source,
 *   level=level) or the target's own formula, assessed the same way;
 * - manual targets: the status, evidence and assessor of the latest
 *   assessment of that year or before (tvet import assessments).
 * Nothing is stored: each call reads what is there, so an import shows in
 * the next call. The CLI and the server format these items; they compute
 * nothing of their own. */
#ifndef TVET_MONITOR_PLAN_H
#define TVET_MONITOR_PLAN_H

#include <stddef.h>

#include "calc/target.h"
#include "monitor/monitor.h"

struct plan_dept {
	char *code, *name, *name_en;
};

/* One year of a measured criterion's trend: its actual that year and the
 * value the straight path from the baseline to the target asks for then,
 * both as target_assess() gives them for that year (so the chart's path is
 * the one the status is judged against). The has_ flags say which exist. */
struct plan_point {
	int year;
	int has_actual;
	double actual;
	int has_trajectory;
	double trajectory;
};

/* One criterion of one target, assessed. */
struct plan_item {
	/* the definition, as in targets.csv */
	char *id;
	int part;      /* 1 for single-criterion targets */
	int nparts;    /* criteria of this target */
	char *section; /* goal, action, commitment */
	int action;
	char *action_title, *action_title_en;
	char *kind; /* rate, count, manual */
	char *cmp;  /* >=, <=, =, >, <, assessed */
	int has_target;
	double target;
	char *unit;   /* "" for manual */
	int deadline, baseline_year;
	char *source; /* indicator code or registry type, "" for manual */
	char *title, *title_en;
	char *formula; /* what was evaluated, "" for manual */
	int decimals;
	struct plan_dept *depts; /* the action's departments, lead first */
	size_t ndepts;

	/* the assessment */
	struct target_result res; /* status, figures, explanations */
	const struct monitor_indicator *ind; /* rate targets */
	struct monitor_share *by_school;     /* rate targets with a denominator */
	size_t nby_school;
	/* rate and count targets: each year from the baseline year (the year
	 * asked, when that is earlier) to the year asked, oldest first; none
	 * for manual targets */
	struct plan_point *series;
	size_t nseries;
	/* manual targets: the latest assessment, when there is one */
	int assessed_year;
	char *evidence, *assessor, *assessed_on;
};

struct plan_status {
	int year;
	struct plan_item *items;
	size_t n;
};

/* Filters: action 0 for all; unit NULL for all, else a department code
 * (the targets of the actions it is responsible for, lead or not). The
 * items come by action, each action's in the plan's order. */
int monitor_plan_status(struct monitor *m, int year, int action, const char *unit,
			struct plan_status *out, struct err *e) WUR;

void plan_status_release(struct plan_status *ps);

/* JSON, the one shape of every face (CLI --format json, API): a criterion
 * as {"id","part","title","title_en","section","action","kind","unit",
 * "decimals" (shown after the point),"year",
 * "actual","target","comparator","deadline","baseline_year","baseline",
 * "previous","change","gap","trajectory","projection","status",
 * "explanation","explanation_en","formula","indicator","responsible":[...],
 * "by_school":[{school,name,name_en,value,numerator,denominator,weight,
 * pull}],"series":[{year,actual,trajectory}] (plan_item.series; [] for
 * manual targets),"assessment":{...}}, figures rounded to 6 decimals and
 * null when missing; the whole status as {"year","counts","actions":[{action,
 * title,title_en,counts}],"targets":[...]}. New references; json_decref. */
struct json_t;
struct json_t *plan_item_json(const struct plan_item *it);
struct json_t *plan_status_json(const struct plan_status *ps);

#endif
