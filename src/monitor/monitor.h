/* monitor.h - indicators evaluated on the stored data.
 *
 * The one path from the statistics, the registries and the assessments to
 * the figures of plan monitoring: the CLI, the server and the reports all
 * ask here, so they never disagree. A struct monitor is a read session over
 * a store. It loads the organisation tree (city, districts, schools) and the
 * registry once, and caches every (organisation, year, element) it reads,
 * so many formulas over many organisations and years read each stored
 * school-year-element once. A session reads one snapshot of the database
 * (a read transaction from monitor_open to monitor_close, so its figures
 * are consistent and SQLite takes its locks once): it does not see writes
 * made after it opened. "Always current" is a new session per command or
 * request, which costs a few milliseconds. Sessions opened on one store
 * while another is open share that one's snapshot; opened inside the
 * caller's own transaction, a session reads that transaction's data.
 *
 * A data reference of a formula (calc/expr.h) evaluated at organisation O in
 * year Y is the sum, over the organisations at or below O, of the element's
 * values in Y whose dimensions have exactly the reference's dimension keys
 * with matching values: `graduates` is the total (dims ''),
 * `graduates[destination=升学专科|升学本科]` the two destinations' sum,
 * `enrolment[major=660103]` one major. Three keys filter organisations
 * instead of dimensions, and keep only schools: `level` (the school's
 * level, 中职/技工/高职/技师学院/职业本科), `school` (its code) and
 * `district` (the code of its district). An indicator's scope is such a
 * filter applied to every data reference and count(schools); registry
 * counts follow their own filters. When no organisation has a matching
 * value the reference has no value - never 0. Because a reference sums
 * before any division, an indicator's value at a district or the city is
 * the ratio of the sums of its numerator and denominator over the schools,
 * never an average of the schools' ratios.
 *
 * count() counts things at or below O as of the end of Y:
 *   count(registry, type=T, level=L, cluster=C, distinct=cluster,
 *         min_per=cluster)
 *     recognised registry items of type T (alternatives with |) at level L
 *     or above (city < province < national) recognised in Y or before,
 *     owned by a school at or below O (at the city: every item);
 *     distinct=cluster counts the different clusters among them,
 *     min_per=cluster the fewest of any cluster of the catalogue;
 *   count(schools, level=..., district=..., registry=T, registry_level=L,
 *         min_enrolment=N)
 *     schools open in Y (founded in Y or before) of that level and
 *     district, holding an item of type T at level L or above, with a
 *     full-time enrolment of at least N in Y.
 * monitor_check_formula() checks all these names when definitions load. */
#ifndef TVET_MONITOR_H
#define TVET_MONITOR_H

#include <stddef.h>
#include <stdint.h>

#include "calc/expr.h"
#include "core/err.h"
#include "store/store.h"

struct monitor;

struct monitor_org {
	int64_t id;
	char *code, *name, *name_en;
	char *kind;  /* city, district, school */
	char *level; /* a school's level, else NULL */
	int founded_year; /* 0 when unknown */
	int parent;	  /* index in the session's organisations, -1 for the city */
	int district;	  /* index of the district at or above, -1 if none */
};

/* An indicator of data/plan/indicators.csv, parsed. */
struct monitor_indicator {
	char *code, *name, *name_en, *unit, *description;
	char *scope_text, *num_text, *den_text; /* den_text NULL: no denominator */
	struct expr *scope, *num, *den;		/* scope, den may be NULL */
	double scale;
	int decimals;
};

/* An indicator's value at one organisation and year: value = scale * num /
 * den (or scale * num without a denominator); missing when num or den is,
 * or den is 0. */
struct monitor_value {
	struct expr_value num, den, value;
};

/* One school's part in an organisation's value. */
struct monitor_share {
	const struct monitor_org *school;
	struct monitor_value v;
	/* the school's share of the organisation's denominator (numerator
	 * without one): its weight in the ratio of sums; 0 when unknown */
	double weight;
	/* weight * (school's value - organisation's value): how far the school
	 * moves the organisation's value; negative pulls it down */
	double pull;
	int has_pull;
};

/* Open a session on s (which must outlive it). */
int monitor_open(struct store *s, struct monitor **out, struct err *e) WUR;
void monitor_close(struct monitor *m);

/* End the session's read snapshot (when it began it) but keep its
 * organisations and indicators: for a caller that has read what it needs
 * and now writes on the same connection (a saved evaluation, whose
 * results point to the organisations). Later reads see the database as it
 * is then. */
void monitor_end_read(struct monitor *m);

/* The store the session reads. */
struct store *monitor_store(const struct monitor *m);

/* The city (the root of the tree), or an organisation by code (NULL when
 * there is none, or it is not the city, a district or a school). */
const struct monitor_org *monitor_city(const struct monitor *m);
const struct monitor_org *monitor_org(const struct monitor *m, const char *code);

/* The i-th organisation of the session (in code order), NULL past the end:
 * to walk them all, and to follow monitor_org.parent. */
const struct monitor_org *monitor_org_at(const struct monitor *m, size_t i);

/* Check the names in x against the store's definitions: data elements and
 * their dimension keys, count()'s subjects, keys and values, registry
 * types. ERR_INPUT naming the first wrong name. */
int monitor_check_formula(struct store *s, const struct expr *x, struct err *e) WUR;

/* Parse an indicator's scope, "level=中职|技工, district=330902" (organisation
 * keys only; "" gives *out NULL). ERR_INPUT with the column in the text. */
int monitor_parse_scope(const char *text, struct expr **out, struct err *e) WUR;

/* Evaluate x at org in year, within scope (NULL: every organisation). */
int monitor_eval(struct monitor *m, const struct expr *x, const struct expr *scope,
		 const struct monitor_org *org, int year, struct expr_value *out,
		 struct err *e) WUR;

/* The indicator with this code, loaded once per session; ERR_NOTFOUND. */
int monitor_indicator(struct monitor *m, const char *code, const struct monitor_indicator **out,
		      struct err *e) WUR;

/* Every indicator, in file order. */
int monitor_indicators(struct monitor *m, const struct monitor_indicator *const **out, size_t *n,
		       struct err *e) WUR;

int monitor_value(struct monitor *m, const struct monitor_indicator *ind,
		  const struct monitor_org *org, int year, struct monitor_value *out,
		  struct err *e) WUR;

/* The schools at or below org in the indicator's scope that have a value
 * or a weight, each with its value, weight and pull; *out is the caller's
 * to free(). Ordered by pull, the strongest downward pull first (for an
 * indicator where less is better, pass lower_is_better so that schools
 * above the organisation's value count as pulling it the wrong way). */
int monitor_by_school(struct monitor *m, const struct monitor_indicator *ind,
		      const struct monitor_org *org, int year, int lower_is_better,
		      struct monitor_share **out, size_t *n, struct err *e) WUR;

#endif
