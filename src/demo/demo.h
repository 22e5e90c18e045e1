/* demo.h - the demo city: a deterministic, Zhoushan-like data set.
 *
 * `tvet demo` fills an initialised database with nine vocational schools
 * across the city's four county-level divisions, their majors, yearly
 * statistics (enrolment, entrants, graduates by major and destination,
 * places, dropouts, training, teachers), the city-level figures, the
 * registries of recognised items, about 2,000 enterprises with valid
 * 统一社会信用代码, about 60,000 job adverts (30 % of them reposts) and the
 * enterprise demand and satisfaction surveys. What is anchored on public
 * facts and what is invented is written down in docs/demo-data.md.
 *
 * The same options (seed included) always give the same database: the
 * generator draws only from core/rng with per-stage streams and reads the
 * catalogues in code order. It writes only through named queries. */
#ifndef TVET_DEMO_H
#define TVET_DEMO_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

#define DEMO_DEFAULT_SEED 20251231ULL
#define DEMO_DEFAULT_FIRST_YEAR 2021
#define DEMO_DEFAULT_LAST_YEAR 2025
#define DEMO_DEFAULT_POSTINGS 60000L
#define DEMO_DEFAULT_ENTERPRISES 2000

/* Limits demo_generate() accepts (ERR_USAGE outside them). */
#define DEMO_MIN_YEAR 2015
#define DEMO_MAX_YEAR 2035
#define DEMO_MAX_YEARS 11
#define DEMO_MIN_ENTERPRISES 100
#define DEMO_MAX_ENTERPRISES 200000
#define DEMO_MAX_POSTINGS 5000000L

struct demo_options {
	uint64_t seed;		   /* default 20251231 when the CLI gets none */
	int first_year, last_year; /* 2021, 2025; 0 = default */
	long postings;		   /* total adverts incl. reposts; 0 = default 60000 */
	int enterprises;	   /* 0 = default 2000 */
	/* Called at the start of each stage and every few thousand rows of
	 * a long one; may be NULL. stage is a short English word. */
	void (*progress)(const char *stage, long done, long total, void *ctx);
	void *progress_ctx;
};

/* The city figures of one year, as the plan's rate targets read them,
 * computed from exactly the values the generator wrote. Rates are per
 * cent except training_ratio (a multiple). */
struct demo_outcomes {
	int year;
	double secondary_progression; /* G7: 中职/技工/技师学院 graduates to 升学专科+升学本科 */
	double higher_bachelor;	       /* G8: 高职 graduates to 升学本科 */
	double training_ratio;	       /* G9: training person-times / full-time enrolment */
	double higher_local_retention; /* G10: 高职 graduates to 本地就业 */
	double dropout_rate;	       /* A1a: dropouts / enrolment, all schools */
	double junior_continuation;    /* A1c: continued / willing junior graduates */
	long secondary_places;	       /* A5b: places of 中职, 技工 and 技师学院 schools */
	long higher_enrolment;	       /* A5c: full-time enrolment of 高职 schools */
	long secondary_enrolment;      /* for reference: 中职 incl. 技工 enrolment */
};

struct demo_summary {
	long schools, school_majors, enterprises, registry_items, datavalues, postings,
		posting_reposts, demand_surveys, satisfaction_surveys;
	/* FNV-1a over every value written, in write order: equal for equal
	 * options, different (in practice) for different seeds. */
	uint64_t checksum;
	/* The designed outcomes in the last year generated. */
	struct demo_outcomes last;
};

/* Fill the defaults into a zeroed (or partly set) options struct. */
void demo_options_init(struct demo_options *o);

/* Fill s (schema current, reference data loaded) with the demo city.
 * One transaction: clears existing data with store_clear_data(), writes
 * everything, commits; on any error rolls back and leaves the database as
 * it was. o may be NULL (all defaults); zero fields take their defaults.
 * sum (may be NULL) receives the row counts, the checksum and the last
 * year's outcomes, on success only. Returns 0, ERR_USAGE for
 * options out of range, ERR_NOTFOUND when the reference data or the city's
 * organisations are missing (run `tvet init`), or the store's error. */
int demo_generate(struct store *s, const struct demo_options *o, struct demo_summary *sum,
		  struct err *e) WUR;

#endif
