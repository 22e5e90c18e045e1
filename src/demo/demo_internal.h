/* demo_internal.h - what the demo generator's files share.
 *
 * demo_words.c holds the designed city as data (schools and their majors,
 * growth paths, recognised items, industries, enterprise name parts, job
 * vocabularies); demo.c runs the stages and writes schools, statistics and
 * registries; demo_firms.c makes the enterprises and the surveys;
 * demo_postings.c the job adverts. Nothing here is public API: only demo.h
 * is. Tests may include this header to check the tables. */
#ifndef TVET_DEMO_INTERNAL_H
#define TVET_DEMO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/rng.h"
#include "demo/demo.h"
#include "store/store.h"

/* ---- the designed city (demo_words.c) --------------------------------- */

#define DEMO_NCOUNTIES 4
#define DEMO_NCLUSTERS 6
#define DEMO_NDEST 5
/* Cohorts are simulated from this many years before first_year so the
 * first year already has full enrolment and graduates. */
#define DEMO_PROGRAM_YEARS 3
/* Most majors one school may offer. */
#define DEMO_MAX_OFFERS 32

/* Graduate destinations, in the order of demo_destinations[]. */
enum demo_dest {
	DEMO_DEST_ZHUANKE,
	DEMO_DEST_BENKE,
	DEMO_DEST_LOCAL,
	DEMO_DEST_AWAY,
	DEMO_DEST_NONE
};

extern const char *const demo_destinations[DEMO_NDEST];
extern const char *const demo_cluster_codes[DEMO_NCLUSTERS];

struct demo_county_def {
	const char *code;	      /* 6-digit county code, also the org code */
	const char *name;	      /* 定海区 */
	const char *short_name;	      /* 定海 */
	const char *const *townships; /* 9-digit codes, NULL-terminated */
	const char *const *places;    /* names as adverts write them */
};
extern const struct demo_county_def demo_counties[DEMO_NCOUNTIES];
extern const double demo_county_mix[DEMO_NCLUSTERS + 1][DEMO_NCOUNTIES];

/* One major a school offers: relative size of its intake and the years it
 * takes entrants (from 0 = always, to 0 = still open). */
struct demo_offer {
	const char *major;
	double share;
	int from, to;
};

/* A school and its designed path. Values named _a are for 2021 (or the
 * opening year), _b for 2025; years between are interpolated linearly and
 * years outside extrapolated. Shares are fractions of graduates. */
struct demo_school_def {
	const char *code, *name, *name_en, *short_name;
	const char *level;    /* 中职 技工 高职 技师学院 */
	const char *county;   /* county code: parent district org */
	const char *township; /* division_code of the school */
	const char *ownership;
	int founded, opened; /* opened: first intake year, 0 = before 2015 */
	double intake_a, intake_b;
	double places_a, places_b;     /* 0 for 高职 */
	double progress_a, progress_b; /* 中职: to 专科+本科; 高职: to 本科 */
	double benke_of_progress;      /* 中职: part of progressors to 本科 */
	double local_a, local_b;       /* to 本地就业 */
	double unemployed;	       /* 未就业 */
	double dropout_a, dropout_b;   /* per cent of enrolment per year */
	double training_a, training_b; /* person-times per enrolled student */
	double training_hours;	       /* hours per person-time */
	double training_fee;	       /* yuan of revenue per person-time */
	double students_per_teacher;
	double matched_a, matched_b;	 /* employed in their field */
	double partner_a, partner_b;	 /* employed by partner enterprises */
	double pay_a;			 /* mean monthly starting pay, yuan */
	double satisfaction_a;		 /* mean employer score, +0.6 a year */
	const struct demo_offer *offers; /* terminated by a NULL major */
};
extern const struct demo_school_def demo_schools[];
extern const size_t demo_nschools;

/* A hand-named large enterprise (registry owner, survey regular). */
struct demo_anchor_def {
	const char *name;
	const char *industry; /* GB/T 4754 小类 */
	const char *county;
	int employees, founded;
};
extern const struct demo_anchor_def demo_anchors[];
extern const size_t demo_nanchors;

/* A recognised item: school/anchor are indexes or -1. */
struct demo_registry_def {
	const char *type, *name, *level;
	int year, month, day;
	int school, anchor;
	const char *major, *cluster, *alliance, *note;
};
extern const struct demo_registry_def demo_registry[];
extern const size_t demo_nregistry;

/* Enterprise industries (GB/T 4754 小类) with their share of firms. */
#define DEMO_FIRM_SOLE 1 /* may be a 个体工商户 (type 92) */
#define DEMO_FIRM_COOP 2 /* may be a 农民专业合作社 (type 93) */
struct demo_industry_def {
	const char *code;
	const char *cluster; /* the cluster the code lies in, or NULL */
	int weight;
	int employees; /* median size */
	unsigned flags;
	const char *words[4]; /* 行业词 for company names, NULL-terminated */
	const char *shop;     /* 个体 / 合作社 name ending, or NULL */
};
extern const struct demo_industry_def demo_industries[];
extern const size_t demo_nindustries;

extern const char *const demo_name_first[];  /* 字号 first characters */
extern const char *const demo_name_second[]; /* 字号 second characters */

/* A job: the true occupation (细类), where it is advertised and what its
 * adverts say. Pay is monthly yuan in 2021. */
#define DEMO_JOB_SEA 1u	    /* seafarer: yearly and high monthly pay forms */
#define DEMO_JOB_DAILY 2u   /* day rates occur */
#define DEMO_JOB_HOURLY 4u  /* hourly pay occurs */
#define DEMO_JOB_SHIFT 8u   /* shift work */
#define DEMO_JOB_AGENCY 16u /* labour-dispatch firms advertise it */
struct demo_job_def {
	const char *occupation;
	const char *cluster; /* NULL: not in a cluster */
	int weight;	     /* within its cluster */
	char education;	     /* 'L' low, 'M' middle, 'H' higher */
	int pay_lo, pay_hi;
	unsigned flags;
	const char *industries; /* preferred employer codes (prefixes), or NULL */
	const char *titles[7];
	const char *duties[6];
	const char *requirements[6];
};
extern const struct demo_job_def demo_jobs[];
extern const size_t demo_njobs;

/* Occupations the demo labels with that have no crosswalk link to a major
 * of their cluster (so a test can tell a design choice from a typo). */
extern const char *const demo_jobs_unlinked[];

extern const char *const demo_benefits[];
extern const char *const demo_generic_requirements[];
extern const char *const demo_title_noise_prefix[];
extern const char *const demo_title_noise_suffix[];

/* Yearly share of adverts by cluster (demo_cluster_codes order, then
 * "no cluster"), for 2021..2025; other years use the nearest row. */
extern const double demo_posting_cluster_mix[5][DEMO_NCLUSTERS + 1];

/* ---- generation state (demo.c) ---------------------------------------- */

struct demo_major {
	char code[16];
	char name[96];
	char level[16];
	int cluster; /* index in demo_cluster_codes, -1 none */
};

struct demo_firm {
	int64_t id;
	char uscc[20];
	char name[128];
	int industry; /* index in demo_industries */
	int cluster;  /* -1 none */
	int county;
	int employees, founded;
};

/* The simulated numbers of one school, one major, years [y0, y1]. */
struct demo_major_flow {
	int major;	/* index in ctx->majors */
	long *entrants; /* per year from ctx->sim_first */
	long *enrolment;
	long *dropouts;
	long *graduates;
	long (*dest)[DEMO_NDEST];
};

struct demo_school_run {
	const struct demo_school_def *def;
	int64_t id;
	int active; /* opened by last_year */
	size_t nflows;
	struct demo_major_flow *flows;
};

struct demo_ctx {
	struct store *s;
	struct err *e;
	struct demo_options opt;
	struct demo_summary *sum;
	int sim_first; /* first_year - DEMO_PROGRAM_YEARS */
	int nsim;      /* years simulated: sim_first..last_year */
	uint64_t checksum;

	struct demo_major *majors;
	size_t nmajors;
	char **occupations; /* sorted 细类 codes */
	size_t noccupations;
	char **industries; /* sorted 小类 codes */
	size_t nindustries;

	unsigned char *township_ok; /* per school: its township is loaded */
	int64_t city_id;
	int64_t county_id[DEMO_NCOUNTIES];
	struct demo_school_run *schools;
	size_t nschools;
	struct demo_firm *firms;
	size_t nfirms;
	size_t *anchor_firm; /* demo_anchors index -> firms index */
};

/* Report progress if the caller asked for it. */
void demo_progress(struct demo_ctx *c, const char *stage, long done, long total);

/* Fold a value into the running checksum. */
void demo_sum_str(struct demo_ctx *c, const char *s);
void demo_sum_int(struct demo_ctx *c, int64_t v);
void demo_sum_double(struct demo_ctx *c, double v);

/* Index of code in ctx->majors, or -1. */
int demo_major_find(const struct demo_ctx *c, const char *code);
/* Index of a cluster code, or -1 (NULL gives -1). */
int demo_cluster_index(const char *code);
/* 1 when code is a 细类 of the loaded occupation table. */
int demo_occupation_exists(const struct demo_ctx *c, const char *code);
/* 1 when code is a 小类 of the loaded industry table. */
int demo_industry_exists(const struct demo_ctx *c, const char *code);

/* Linear path through (2021, a) and (2025, b), or from (start, a) when a
 * school opened later. */
double demo_path(double a, double b, int start, int year);

/* Calendar helpers: days since 1970-01-01 and back. */
long demo_days_from_civil(int y, int m, int d);
void demo_civil_from_days(long z, int *y, int *m, int *d);

/* Stages. Each returns 0 or a negative err_code with c->e set. */
int demo_make_firms(struct demo_ctx *c) WUR;
int demo_make_surveys(struct demo_ctx *c) WUR;
int demo_make_postings(struct demo_ctx *c) WUR;

/* Build one enterprise name (for unknown advertisers too). kind is '1'
 * company, '2' sole trader, '3' cooperative. */
void demo_firm_name(struct rng *r, int industry, int county, char kind, struct strbuf *out);

#endif
