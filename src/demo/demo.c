/* demo.c - the demo city generator: options, catalogues, schools, yearly
 * statistics and registries, and the transaction around all stages.
 *
 * The stages run in a fixed order inside one transaction: read the
 * catalogues and check that every code the design uses exists; clear the
 * old data; write the schools and simulate each major's cohorts (entrants,
 * dropouts, enrolment, graduates and their destinations) from three years
 * before first_year; write the statistics; then the enterprises, the
 * registries, the surveys and the adverts (demo_firms.c, demo_postings.c).
 * Each stage draws from its own random stream of the seed, so the output
 * depends only on the options. See docs/demo-data.md for the design. */
#include "demo/demo_internal.h"

#include "core/i18n.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Random streams, one per stage. */
enum { DEMO_STREAM_SCHOOLS = 1, DEMO_STREAM_STATS, DEMO_STREAM_REGISTRY };

/* Destination affinity of a major's cluster (demo_cluster_codes order,
 * then none): a graduate of a shipping major is more likely to work away
 * (at sea), a petrochemical graduate to stay near the Yushan base. */
static const double demo_dest_affinity[DEMO_NCLUSTERS + 1][DEMO_NDEST] = {
	{1.0, 1.0, 1.1, 0.9, 1.0}, /* port_mfg */
	{0.8, 0.8, 0.8, 1.8, 1.0}, /* shipping */
	{1.1, 1.1, 1.0, 1.0, 1.0}, /* port_trade */
	{0.9, 0.9, 1.1, 1.0, 1.2}, /* marine_tourism */
	{1.2, 1.2, 1.2, 0.8, 0.8}, /* health */
	{0.9, 0.9, 1.3, 0.7, 0.9}, /* petrochem */
	{1.2, 1.2, 0.9, 1.0, 1.3}, /* none */
};

/* ---- small helpers shared with the other stages ------------------------ */

void demo_progress(struct demo_ctx *c, const char *stage, long done, long total)
{
	if (c->opt.progress)
		c->opt.progress(stage, done, total, c->opt.progress_ctx);
}

void demo_sum_str(struct demo_ctx *c, const char *s)
{
	/* a separator byte keeps ("ab","c") apart from ("a","bc") */
	c->checksum = rng_fnv1a(c->checksum, s ? s : "\x01");
	c->checksum = rng_fnv1a_bytes(c->checksum, "\x1f", 1);
}

void demo_sum_int(struct demo_ctx *c, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	demo_sum_str(c, buf);
}

void demo_sum_double(struct demo_ctx *c, double v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.4f", v);
	demo_sum_str(c, buf);
}

int demo_cluster_index(const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < DEMO_NCLUSTERS; i++)
		if (strcmp(code, demo_cluster_codes[i]) == 0)
			return i;
	return -1;
}

static int demo_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int demo_cmp_major(const void *a, const void *b)
{
	return strcmp(((const struct demo_major *)a)->code, ((const struct demo_major *)b)->code);
}

int demo_major_find(const struct demo_ctx *c, const char *code)
{
	struct demo_major key;
	const struct demo_major *m;

	if (!code || strlen(code) >= sizeof(key.code))
		return -1;
	strcpy(key.code, code);
	m = bsearch(&key, c->majors, c->nmajors, sizeof(*c->majors), demo_cmp_major);
	return m ? (int)(m - c->majors) : -1;
}

static int demo_set_has(char **set, size_t n, const char *code)
{
	return code && n && bsearch(&code, set, n, sizeof(*set), demo_cmp_str) != NULL;
}

int demo_occupation_exists(const struct demo_ctx *c, const char *code)
{
	return demo_set_has(c->occupations, c->noccupations, code);
}

int demo_industry_exists(const struct demo_ctx *c, const char *code)
{
	return demo_set_has(c->industries, c->nindustries, code);
}

double demo_path(double a, double b, int start, int year)
{
	int from = start > 2021 ? start : 2021;

	if (from >= 2025)
		return b;
	return a + (b - a) * (double)(year - from) / (double)(2025 - from);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long demo_days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void demo_civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static double demo_clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static long demo_round(double v)
{
	return (long)floor(v + 0.5);
}

/* ---- options ------------------------------------------------------------ */

void demo_options_init(struct demo_options *o)
{
	if (!o->seed)
		o->seed = DEMO_DEFAULT_SEED;
	if (!o->first_year)
		o->first_year = DEMO_DEFAULT_FIRST_YEAR;
	if (!o->last_year)
		o->last_year = DEMO_DEFAULT_LAST_YEAR;
	if (!o->postings)
		o->postings = DEMO_DEFAULT_POSTINGS;
	if (!o->enterprises)
		o->enterprises = DEMO_DEFAULT_ENTERPRISES;
}

static int demo_options_check(const struct demo_options *o, struct err *e)
{
	if (o->first_year < DEMO_MIN_YEAR || o->last_year > DEMO_MAX_YEAR ||
	    o->first_year > o->last_year || o->last_year - o->first_year + 1 > DEMO_MAX_YEARS)
		return err_set(
			e, ERR_USAGE,
			_("demo years %d-%d: need %d <= first <= last <= %d and at most %d years"),
			o->first_year, o->last_year, DEMO_MIN_YEAR, DEMO_MAX_YEAR, DEMO_MAX_YEARS);
	if (o->enterprises < DEMO_MIN_ENTERPRISES || o->enterprises > DEMO_MAX_ENTERPRISES)
		return err_set(e, ERR_USAGE, _("demo enterprises %d: must be between %d and %d"),
			       o->enterprises, DEMO_MIN_ENTERPRISES, DEMO_MAX_ENTERPRISES);
	if (o->postings < 0 || o->postings > DEMO_MAX_POSTINGS)
		return err_set(e, ERR_USAGE, _("demo postings %ld: must be between 0 and %ld"),
			       o->postings, DEMO_MAX_POSTINGS);
	return 0;
}

/* ---- catalogues ------------------------------------------------------- */

/* Read (code) column 0 of a catalogue query into a sorted string set. */
static int demo_load_codes(struct demo_ctx *c, enum store_query q, const char *level, char ***out,
			   size_t *n)
{
	struct store_stmt *st = store_prepare(c->s, q, c->e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return c->e->code ? c->e->code : ERR_DB;
	store_bindf(st, "nt", level);
	while ((rc = store_step(st, c->e)) == STORE_ROW) {
		const char *code = store_col_text(st, 0);
		const char *lvl = store_col_text(st, 2);

		if (!code || (lvl && strcmp(lvl, level) != 0))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = xstrdup(code);
	}
	if (rc < 0)
		return rc;
	if (*n)
		qsort(*out, *n, sizeof(**out), demo_cmp_str);
	return 0;
}

static int demo_load_majors(struct demo_ctx *c)
{
	struct store_stmt *st;
	size_t cap = 0;
	/* cluster names, in case the catalogue shows names, not codes */
	char cluster_names[DEMO_NCLUSTERS][96] = {{0}};
	int rc;

	st = store_prepare(c->s, Q_CATALOG_CLUSTERS, c->e);
	if (!st)
		return c->e->code ? c->e->code : ERR_DB;
	store_bindf(st, "n");
	while ((rc = store_step(st, c->e)) == STORE_ROW) {
		int i = demo_cluster_index(store_col_text(st, 0));
		const char *name = store_col_text(st, 1);

		if (i >= 0 && name)
			snprintf(cluster_names[i], sizeof(cluster_names[i]), "%s", name);
	}
	if (rc < 0)
		return rc;

	st = store_prepare(c->s, Q_CATALOG_MAJORS, c->e);
	if (!st)
		return c->e->code ? c->e->code : ERR_DB;
	store_bindf(st, "nn");
	while ((rc = store_step(st, c->e)) == STORE_ROW) {
		const char *code = store_col_text(st, 0);
		const char *name = store_col_text(st, 1);
		const char *level = store_col_text(st, 2);
		const char *cluster = store_col_text(st, 6);
		struct demo_major *m;

		if (!code || !name || !level)
			continue;
		if (c->nmajors == cap) {
			cap = cap ? cap * 2 : 2048;
			c->majors = xrealloc(c->majors, cap * sizeof(*c->majors));
		}
		m = &c->majors[c->nmajors++];
		snprintf(m->code, sizeof(m->code), "%s", code);
		snprintf(m->name, sizeof(m->name), "%s", name);
		snprintf(m->level, sizeof(m->level), "%s", level);
		m->cluster = demo_cluster_index(cluster);
		for (int i = 0; m->cluster < 0 && cluster && i < DEMO_NCLUSTERS; i++)
			if (cluster_names[i][0] && strcmp(cluster, cluster_names[i]) == 0)
				m->cluster = i;
	}
	if (rc < 0)
		return rc;
	if (c->nmajors)
		qsort(c->majors, c->nmajors, sizeof(*c->majors), demo_cmp_major);
	return 0;
}

static const char *demo_school_major_level(const struct demo_school_def *d)
{
	return strcmp(d->level, "高职") == 0 ? "高职专科" : "中职";
}

static int demo_is_higher(const struct demo_school_def *d)
{
	return strcmp(d->level, "高职") == 0;
}

static int demo_division_exists(struct demo_ctx *c, const char *code, int *exists)
{
	int rc = store_lookup(c->s, Q_DIVISION_EXISTS, NULL, c->e, "t", code);

	*exists = rc == 1;
	return rc < 0 ? rc : 0;
}

/* Every code the design names must be in the loaded catalogues. */
static int demo_check_design(struct demo_ctx *c)
{
	int rc;

	c->township_ok = xcalloc(demo_nschools, 1);
	for (size_t i = 0; i < demo_nschools; i++) {
		int exists;

		if ((rc = demo_division_exists(c, demo_schools[i].township, &exists)))
			return rc;
		c->township_ok[i] = (unsigned char)exists;
	}
	for (size_t i = 0; i < demo_nschools; i++) {
		const struct demo_school_def *d = &demo_schools[i];
		size_t n = 0;

		for (const struct demo_offer *of = d->offers; of->major; of++)
			n++;
		if (n > DEMO_MAX_OFFERS)
			return err_set(c->e, ERR_INTERNAL, "demo: %s offers %zu majors, at most %d",
				       d->name, n, DEMO_MAX_OFFERS);
		for (const struct demo_offer *of = d->offers; of->major; of++) {
			int m = demo_major_find(c, of->major);
			if (m < 0 || strcmp(c->majors[m].level, demo_school_major_level(d)) != 0)
				return err_set(c->e, ERR_NOTFOUND,
					       _("major '%s' of %s is not a %s major of the "
						 "catalogue (run 'tvet init' first)"),
					       of->major, d->name, demo_school_major_level(d));
		}
	}
	for (size_t i = 0; i < demo_njobs; i++)
		if (!demo_occupation_exists(c, demo_jobs[i].occupation))
			return err_set(c->e, ERR_NOTFOUND,
				       _("occupation '%s' is not a 细类 of the occupation "
					 "catalogue (run 'tvet init' first)"),
				       demo_jobs[i].occupation);
	for (size_t i = 0; i < demo_nindustries; i++)
		if (!demo_industry_exists(c, demo_industries[i].code))
			return err_set(c->e, ERR_NOTFOUND,
				       _("industry '%s' is not a 小类 of the industry catalogue "
					 "(run 'tvet init' first)"),
				       demo_industries[i].code);
	for (size_t i = 0; i < demo_nregistry; i++)
		if (demo_registry[i].major && demo_major_find(c, demo_registry[i].major) < 0)
			return err_set(c->e, ERR_NOTFOUND,
				       _("registry item major '%s' is not in the catalogue"),
				       demo_registry[i].major);
	return 0;
}

static int demo_org_id(struct demo_ctx *c, const char *code, int64_t *id)
{
	int rc = store_lookup(c->s, Q_ORG_ID_BY_CODE, id, c->e, "t", code);

	if (rc == 0)
		return err_set(c->e, ERR_NOTFOUND,
			       _("organisation '%s' is missing (run 'tvet init' first)"), code);
	return rc < 0 ? rc : 0;
}

/* ---- writing ------------------------------------------------------------- */

static int demo_put_value(struct demo_ctx *c, const char *element, int64_t org_id, int year,
			  const char *dims, double value)
{
	struct store_stmt *st = store_prepare(c->s, Q_DATAVALUE_PUT, c->e);

	if (!st)
		return c->e->code ? c->e->code : ERR_DB;
	store_bindf(st, "tiitd", element, org_id, (int64_t)year, dims, value);
	demo_sum_str(c, element);
	demo_sum_int(c, org_id);
	demo_sum_int(c, year);
	demo_sum_str(c, dims);
	demo_sum_double(c, value);
	c->sum->datavalues++;
	return store_exec(st, c->e);
}

/* ---- schools and their cohorts ------------------------------------------ */

static int demo_year_index(const struct demo_ctx *c, int year)
{
	return year - c->sim_first;
}

static int demo_offer_open(const struct demo_school_def *d, const struct demo_offer *of, int year)
{
	if (d->opened && year < d->opened)
		return 0;
	if (of->from && year < of->from)
		return 0;
	if (of->to && year > of->to)
		return 0;
	return 1;
}

static void demo_flow_alloc(struct demo_major_flow *f, int nsim)
{
	f->entrants = xcalloc((size_t)nsim, sizeof(long));
	f->enrolment = xcalloc((size_t)nsim, sizeof(long));
	f->dropouts = xcalloc((size_t)nsim, sizeof(long));
	f->graduates = xcalloc((size_t)nsim, sizeof(long));
	f->dest = xcalloc((size_t)nsim, sizeof(*f->dest));
}

static void demo_flow_free(struct demo_major_flow *f)
{
	free(f->entrants);
	free(f->enrolment);
	free(f->dropouts);
	free(f->graduates);
	free(f->dest);
}

/* Split total into n counts proportional to w (largest remainder), so
 * they add up to total exactly. */
static void demo_apportion(long total, const double *w, size_t n, long *out)
{
	double sum = 0, rem[DEMO_MAX_OFFERS];
	long given = 0;

	assert(n <= DEMO_MAX_OFFERS);
	for (size_t i = 0; i < n; i++)
		sum += w[i] > 0 ? w[i] : 0;
	for (size_t i = 0; i < n; i++) {
		double exact = sum > 0 && w[i] > 0 ? (double)total * w[i] / sum : 0;
		out[i] = (long)floor(exact);
		rem[i] = exact - (double)out[i];
		given += out[i];
	}
	while (given < total && sum > 0) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++)
			if (rem[i] > rem[best])
				best = i;
		out[best]++;
		rem[best] = -1;
		given++;
	}
}

/* Simulate entrants, dropouts, enrolment and graduates of every major of
 * one school from sim_first to last_year. Each year the school's designed
 * intake is shared out among its open majors (their shares jittered by
 * 5 %), so the school total follows the design exactly; dropouts are
 * binomial draws from every cohort still in school. */
static void demo_simulate_school(struct demo_ctx *c, struct demo_school_run *run, struct rng *r)
{
	const struct demo_school_def *d = run->def;
	int start = d->opened > 2021 ? d->opened : 2021;
	size_t n = run->nflows;
	long *cohort = xcalloc((size_t)c->nsim, sizeof(long));
	double *w = xcalloc(n ? n : 1, sizeof(double));
	long *share = xcalloc(n ? n : 1, sizeof(long));

	for (int t = 0; t < c->nsim; t++) {
		int year = c->sim_first + t;
		double intake = demo_path(d->intake_a, d->intake_b, start, year);

		if (d->opened && year < d->opened)
			continue;
		intake = intake > 0.3 * d->intake_a ? intake : 0.3 * d->intake_a;
		/* flows are in the order of the school's offers */
		for (size_t k = 0; k < n; k++)
			w[k] = demo_offer_open(d, &d->offers[k], year)
				       ? d->offers[k].share *
						 demo_clamp(1 + rng_normal(r, 0, 0.05), 0.5, 1.5)
				       : 0;
		demo_apportion(demo_round(intake), w, n, share);
		for (size_t k = 0; k < n; k++)
			if (w[k] > 0)
				run->flows[k].entrants[t] = share[k] < 12 ? 12 : share[k];
	}
	for (size_t k = 0; k < n; k++) {
		struct demo_major_flow *f = &run->flows[k];

		memset(cohort, 0, (size_t)c->nsim * sizeof(long));
		for (int t = 0; t < c->nsim; t++) {
			int year = c->sim_first + t;
			double rate = demo_clamp(demo_path(d->dropout_a, d->dropout_b, start, year),
						 0.3, 8) /
				      100;

			cohort[t] = f->entrants[t];
			for (int k2 = t - DEMO_PROGRAM_YEARS + 1; k2 <= t; k2++) {
				long loss;

				if (k2 < 0 || cohort[k2] <= 0)
					continue;
				loss = rng_binomial(r, cohort[k2], rate);
				cohort[k2] -= loss;
				f->dropouts[t] += loss;
				f->enrolment[t] += cohort[k2];
			}
			if (t - DEMO_PROGRAM_YEARS >= 0)
				f->graduates[t] = cohort[t - DEMO_PROGRAM_YEARS];
		}
	}
	free(cohort);
	free(w);
	free(share);
}

/* The designed shares of graduates by destination for a school-year. */
static void demo_dest_shares(const struct demo_school_def *d, int year, struct rng *r,
			     double share[DEMO_NDEST])
{
	int start = d->opened > 2021 ? d->opened : 2021;
	double progress =
		demo_path(d->progress_a, d->progress_b, start, year) + rng_normal(r, 0, 0.004);
	double local = demo_path(d->local_a, d->local_b, start, year) + rng_normal(r, 0, 0.004);
	double none = d->unemployed + rng_normal(r, 0, 0.002);
	double sum;

	progress = demo_clamp(progress, 0, 0.95);
	local = demo_clamp(local, 0, 0.95);
	none = demo_clamp(none, 0, 0.3);
	if (demo_is_higher(d)) {
		share[DEMO_DEST_ZHUANKE] = 0;
		share[DEMO_DEST_BENKE] = progress;
	} else {
		share[DEMO_DEST_ZHUANKE] = progress * (1 - d->benke_of_progress);
		share[DEMO_DEST_BENKE] = progress * d->benke_of_progress;
	}
	share[DEMO_DEST_LOCAL] = local;
	share[DEMO_DEST_NONE] = none;
	sum = share[0] + share[1] + share[2] + share[4];
	if (sum > 1) {
		for (int i = 0; i < DEMO_NDEST; i++)
			share[i] /= sum;
		share[DEMO_DEST_AWAY] = 0;
	} else {
		share[DEMO_DEST_AWAY] = 1 - sum;
	}
}

/* Give each major's graduates a destination: the school's totals per
 * destination are fixed by the design, majors draw from the pool with
 * their cluster's affinity, the last major (in a random order) takes the
 * rest, so both margins add up exactly. */
static void demo_allocate_destinations(struct demo_ctx *c, struct demo_school_run *run, int t,
				       struct rng *r)
{
	long total = 0, pool[DEMO_NDEST];
	double share[DEMO_NDEST];
	size_t *order = xcalloc(run->nflows ? run->nflows : 1, sizeof(size_t));
	size_t last = 0;

	for (size_t k = 0; k < run->nflows; k++) {
		total += run->flows[k].graduates[t];
		order[k] = k;
	}
	demo_dest_shares(run->def, c->sim_first + t, r, share);
	demo_apportion(total, share, DEMO_NDEST, pool);
	rng_shuffle(r, order, run->nflows, sizeof(size_t));
	for (size_t i = 0; i < run->nflows; i++)
		if (run->flows[order[i]].graduates[t] > 0)
			last = i;
	for (size_t i = 0; i < run->nflows; i++) {
		struct demo_major_flow *f = &run->flows[order[i]];
		int cl = c->majors[f->major].cluster;
		const double *aff = demo_dest_affinity[cl >= 0 ? cl : DEMO_NCLUSTERS];

		if (i == last) {
			for (int dd = 0; dd < DEMO_NDEST; dd++) {
				f->dest[t][dd] = pool[dd];
				pool[dd] = 0;
			}
			continue;
		}
		for (long g = 0; g < f->graduates[t]; g++) {
			double w[DEMO_NDEST];
			size_t dd;

			for (int k = 0; k < DEMO_NDEST; k++)
				w[k] = (double)pool[k] * aff[k];
			dd = rng_weighted(r, w, DEMO_NDEST);
			f->dest[t][dd]++;
			pool[dd]--;
		}
	}
	free(order);
}

static int demo_write_schools(struct demo_ctx *c)
{
	struct rng r;
	int rc = 0;

	rng_seed_stream(&r, c->opt.seed, DEMO_STREAM_SCHOOLS);
	c->schools = xcalloc(demo_nschools, sizeof(*c->schools));
	c->nschools = demo_nschools;
	for (size_t i = 0; i < demo_nschools; i++) {
		const struct demo_school_def *d = &demo_schools[i];
		struct demo_school_run *run = &c->schools[i];
		int county = -1;
		struct store_stmt *st;
		size_t n = 0;

		run->def = d;
		run->active = !d->opened || d->opened <= c->opt.last_year;
		for (const struct demo_offer *of = d->offers; of->major; of++)
			n++;
		run->nflows = n;
		run->flows = xcalloc(n ? n : 1, sizeof(*run->flows));
		n = 0;
		for (const struct demo_offer *of = d->offers; of->major; of++) {
			run->flows[n].major = demo_major_find(c, of->major);
			demo_flow_alloc(&run->flows[n], c->nsim);
			n++;
		}
		if (!run->active)
			continue;
		for (int k = 0; k < DEMO_NCOUNTIES; k++)
			if (strcmp(demo_counties[k].code, d->county) == 0)
				county = k;
		if (county < 0)
			return err_set(c->e, ERR_INTERNAL, "demo: school %s in unknown county %s",
				       d->name, d->county);
		st = store_prepare(c->s, Q_ORG_INSERT, c->e);
		if (!st)
			return c->e->code ? c->e->code : ERR_DB;
		store_bindf(st, "tttttItti", d->code, d->name, d->name_en, "school", d->level,
			    c->county_id[county], c->township_ok[i] ? d->township : d->county,
			    d->ownership, (int64_t)d->founded);
		if ((rc = store_exec(st, c->e)))
			return rc;
		run->id = store_last_id(c->s);
		demo_sum_str(c, d->code);
		demo_sum_str(c, d->name);
		c->sum->schools++;
		demo_simulate_school(c, run, &r);
	}
	return 0;
}

/* ---- statistics ------------------------------------------------------- */

struct demo_year_totals {
	double sec_grad, sec_progress, hi_grad, hi_benke, hi_local;
	double training, enrolment, dropouts, sec_places, hi_enrolment, sec_enrolment;
	double willing, continued;
};

static int demo_write_school_year(struct demo_ctx *c, struct demo_school_run *run, int year,
				  struct rng *r, struct demo_year_totals *tot)
{
	const struct demo_school_def *d = run->def;
	int t = demo_year_index(c, year);
	int start = d->opened > 2021 ? d->opened : 2021;
	long enrol = 0, entrants = 0, dropouts = 0, grads = 0, finals = 0, final;
	long dest[DEMO_NDEST] = {0};
	char dims[96];
	int rc;

	demo_allocate_destinations(c, run, t, r);
	for (size_t k = 0; k < run->nflows; k++) {
		struct demo_major_flow *f = &run->flows[k];
		const char *code = c->majors[f->major].code;
		struct store_stmt *st;

		if (!f->entrants[t] && !f->enrolment[t] && !f->graduates[t])
			continue;
		st = store_prepare(c->s, Q_SCHOOL_MAJOR_INSERT, c->e);
		if (!st)
			return c->e->code ? c->e->code : ERR_DB;
		store_bindf(st, "iit", run->id, (int64_t)year, code);
		demo_sum_int(c, run->id);
		demo_sum_str(c, code);
		if ((rc = store_exec(st, c->e)))
			return rc;
		c->sum->school_majors++;

		snprintf(dims, sizeof(dims), "major=%s", code);
		if (f->enrolment[t] && (rc = demo_put_value(c, "enrolment", run->id, year, dims,
							    (double)f->enrolment[t])))
			return rc;
		if (f->entrants[t] && (rc = demo_put_value(c, "new_entrants", run->id, year, dims,
							   (double)f->entrants[t])))
			return rc;
		if (f->graduates[t] && (rc = demo_put_value(c, "graduates", run->id, year, dims,
							    (double)f->graduates[t])))
			return rc;
		/* about one final-year student in sixty does not graduate on time */
		final = f->graduates[t] + f->graduates[t] / 60;
		if (final && (rc = demo_put_value(c, "enrolment_final", run->id, year, dims,
						  (double)final)))
			return rc;
		for (int dd = 0; dd < DEMO_NDEST; dd++) {
			if (!f->dest[t][dd])
				continue;
			snprintf(dims, sizeof(dims), "destination=%s;major=%s",
				 demo_destinations[dd], code);
			if ((rc = demo_put_value(c, "graduates", run->id, year, dims,
						 (double)f->dest[t][dd])))
				return rc;
			dest[dd] += f->dest[t][dd];
		}
		enrol += f->enrolment[t];
		entrants += f->entrants[t];
		dropouts += f->dropouts[t];
		grads += f->graduates[t];
		finals += final;
	}
	if ((rc = demo_put_value(c, "enrolment", run->id, year, "", (double)enrol)) ||
	    (rc = demo_put_value(c, "new_entrants", run->id, year, "", (double)entrants)) ||
	    (rc = demo_put_value(c, "dropouts", run->id, year, "", (double)dropouts)) ||
	    (rc = demo_put_value(c, "graduates", run->id, year, "", (double)grads)) ||
	    (finals && (rc = demo_put_value(c, "enrolment_final", run->id, year, "",
					    (double)finals))))
		return rc;
	for (int dd = 0; dd < DEMO_NDEST; dd++) {
		snprintf(dims, sizeof(dims), "destination=%s", demo_destinations[dd]);
		if ((rc = demo_put_value(c, "graduates", run->id, year, dims, (double)dest[dd])))
			return rc;
	}

	/* places: 中职 incl. 技工 and 技师学院 only */
	if (!demo_is_higher(d)) {
		long places =
			demo_round(demo_path(d->places_a, d->places_b, start, year) / 10) * 10;
		if (places < enrol)
			places = (enrol + 99) / 100 * 100;
		if ((rc = demo_put_value(c, "places", run->id, year, "", (double)places)))
			return rc;
		tot->sec_places += (double)places;
		tot->sec_grad += (double)grads;
		tot->sec_progress += (double)(dest[DEMO_DEST_ZHUANKE] + dest[DEMO_DEST_BENKE]);
		tot->sec_enrolment += (double)enrol;
	} else {
		tot->hi_grad += (double)grads;
		tot->hi_benke += (double)dest[DEMO_DEST_BENKE];
		tot->hi_local += (double)dest[DEMO_DEST_LOCAL];
		tot->hi_enrolment += (double)enrol;
	}
	tot->enrolment += (double)enrol;
	tot->dropouts += (double)dropouts;

	/* employment quality */
	{
		long employed = dest[DEMO_DEST_LOCAL] + dest[DEMO_DEST_AWAY];
		double matched =
			demo_path(d->matched_a, d->matched_b, start, year) + rng_normal(r, 0, 0.01);
		double partner =
			demo_path(d->partner_a, d->partner_b, start, year) + rng_normal(r, 0, 0.01);
		double pay = d->pay_a * pow(1.04, year - 2021) * (1 + rng_normal(r, 0, 0.01));
		long pay_n = demo_round((double)employed * 0.88);

		if ((rc = demo_put_value(
			     c, "graduates_matched", run->id, year, "",
			     (double)demo_round((double)employed * demo_clamp(matched, 0, 1)))) ||
		    (rc = demo_put_value(
			     c, "graduates_partner", run->id, year, "",
			     (double)demo_round((double)employed * demo_clamp(partner, 0, 1)))) ||
		    (rc = demo_put_value(c, "employed_pay_sum", run->id, year, "",
					 (double)demo_round((double)pay_n * pay))) ||
		    (rc = demo_put_value(c, "employed_pay_n", run->id, year, "", (double)pay_n)))
			return rc;
	}

	/* social training and teachers */
	{
		double ratio = demo_path(d->training_a, d->training_b, start, year);
		long person_times =
			demo_round((double)enrol * ratio * (1 + rng_normal(r, 0, 0.02)));
		long hours = demo_round((double)person_times * d->training_hours *
					(1 + rng_normal(r, 0, 0.05)));
		double revenue = floor((double)person_times * d->training_fee *
					       (1 + rng_normal(r, 0, 0.05)) / 100 +
				       0.5) /
				 100;
		long teachers = demo_round((double)enrol / d->students_per_teacher *
					   (1 + rng_normal(r, 0, 0.02)));

		if (person_times < 0)
			person_times = 0;
		if ((rc = demo_put_value(c, "training_person_times", run->id, year, "",
					 (double)person_times)) ||
		    (rc = demo_put_value(c, "training_hours", run->id, year, "", (double)hours)) ||
		    (rc = demo_put_value(c, "training_revenue", run->id, year, "", revenue)) ||
		    (rc = demo_put_value(c, "fulltime_teachers", run->id, year, "",
					 (double)teachers)))
			return rc;
		tot->training += (double)person_times;
	}
	return 0;
}

/* City-level figures the bureau reports for the whole city. */
static int demo_write_city_year(struct demo_ctx *c, int year, struct demo_year_totals *tot)
{
	long willing = demo_round(demo_path(7450, 8100, 2021, year));
	/* the new school (2022) closes the gap: every willing graduate
	 * continues from 2023 on */
	double gap = demo_clamp(0.006 - 0.003 * (year - 2021), 0, 0.02);
	long continued = willing - demo_round((double)willing * gap);
	long offences = demo_round(demo_clamp(3 - 0.75 * (year - 2021), 0, 6));
	double entry_pay = floor(5700 * pow(1.035, year - 2021) / 10 + 0.5) * 10;
	int rc;

	if ((rc = demo_put_value(c, "junior_graduates_willing", c->city_id, year, "",
				 (double)willing)) ||
	    (rc = demo_put_value(c, "junior_graduates_continued", c->city_id, year, "",
				 (double)continued)) ||
	    (rc = demo_put_value(c, "student_offences", c->city_id, year, "", (double)offences)) ||
	    (rc = demo_put_value(c, "city_entry_pay", c->city_id, year, "", entry_pay)))
		return rc;
	tot->willing = (double)willing;
	tot->continued = (double)continued;
	return 0;
}

static double demo_pct(double num, double den)
{
	return den > 0 ? 100 * num / den : 0;
}

static int demo_write_statistics(struct demo_ctx *c)
{
	struct rng r;
	int rc;

	rng_seed_stream(&r, c->opt.seed, DEMO_STREAM_STATS);
	for (int year = c->opt.first_year; year <= c->opt.last_year; year++) {
		struct demo_year_totals tot;

		memset(&tot, 0, sizeof(tot));
		demo_progress(c, "statistics", year - c->opt.first_year,
			      c->opt.last_year - c->opt.first_year + 1);
		for (size_t i = 0; i < c->nschools; i++) {
			if (!c->schools[i].active)
				continue;
			if (c->schools[i].def->opened && year < c->schools[i].def->opened)
				continue;
			if ((rc = demo_write_school_year(c, &c->schools[i], year, &r, &tot)))
				return rc;
		}
		if ((rc = demo_write_city_year(c, year, &tot)))
			return rc;
		if (year == c->opt.last_year) {
			struct demo_outcomes *o = &c->sum->last;

			o->year = year;
			o->secondary_progression = demo_pct(tot.sec_progress, tot.sec_grad);
			o->higher_bachelor = demo_pct(tot.hi_benke, tot.hi_grad);
			o->training_ratio = tot.enrolment > 0 ? tot.training / tot.enrolment : 0;
			o->higher_local_retention = demo_pct(tot.hi_local, tot.hi_grad);
			o->dropout_rate = demo_pct(tot.dropouts, tot.enrolment);
			o->junior_continuation = demo_pct(tot.continued, tot.willing);
			o->secondary_places = (long)tot.sec_places;
			o->higher_enrolment = (long)tot.hi_enrolment;
			o->secondary_enrolment = (long)tot.sec_enrolment;
		}
	}
	return 0;
}

/* ---- registries -------------------------------------------------------- */

static int demo_write_registry(struct demo_ctx *c)
{
	struct strbuf name = {0};
	int rc = 0;

	for (size_t i = 0; i < demo_nregistry; i++) {
		const struct demo_registry_def *g = &demo_registry[i];
		const struct demo_school_run *school =
			g->school >= 0 ? &c->schools[g->school] : NULL;
		const struct demo_firm *firm =
			g->anchor >= 0 ? &c->firms[c->anchor_firm[g->anchor]] : NULL;
		const char *cluster = g->cluster;
		char date[16];
		struct store_stmt *st;

		if (g->year > c->opt.last_year)
			continue;
		if (school &&
		    (!school->active || (school->def->opened && g->year < school->def->opened)))
			continue;
		strbuf_reset(&name);
		if (g->name) {
			strbuf_addstr(&name, g->name);
		} else if (firm) {
			strbuf_addstr(&name, firm->name);
		} else if (school && g->major) {
			int m = demo_major_find(c, g->major);
			strbuf_addf(&name, "%s%s专业", school->def->name,
				    m >= 0 ? c->majors[m].name : g->major);
		} else {
			strbuf_addstr(&name, g->type);
		}
		if (!cluster && firm && firm->cluster >= 0)
			cluster = demo_cluster_codes[firm->cluster];
		snprintf(date, sizeof(date), "%04d-%02d-%02d", g->year, g->month, g->day);
		st = store_prepare(c->s, Q_REGISTRY_ITEM_INSERT, c->e);
		if (!st) {
			rc = c->e->code ? c->e->code : ERR_DB;
			goto out;
		}
		store_bindf(st, "ttttIItttt", g->type, strbuf_str(&name), g->level, date,
			    school ? school->id : 0, firm ? firm->id : 0, g->major, cluster,
			    g->alliance, g->note);
		demo_sum_str(c, g->type);
		demo_sum_str(c, strbuf_str(&name));
		demo_sum_str(c, date);
		if ((rc = store_exec(st, c->e)))
			goto out;
		c->sum->registry_items++;
	}
out:
	strbuf_release(&name);
	return rc;
}

/* ---- assessments -------------------------------------------------------- */

/* The responsible units' assessments of the manually assessed targets
 * (G6 and the commitments C1-C11), one a year from 2023: what a bureau
 * would have on file, with its evidence. Invented but plausible; the
 * statuses are designed so every status shows on the demo. */
struct demo_assessment_def {
	const char *target;
	int year;
	const char *status, *assessor, *evidence;
};

static const struct demo_assessment_def demo_assessments[] = {
	{"G6", 2024, "on_track", "市教育局职成教处 周敏",
	 "2024年全省中职“面向人人”职业能力大赛，我市参赛专业平均合格率91.3%，列全省11个设区市第5位（省教育厅通报〔2024〕37号）。"},
	{"G6", 2025, "achieved", "市教育局职成教处 周敏",
	 "2025年全省中职“面向人人”职业能力大赛，我市参赛专业平均合格率93.8%，列全省第4位，处于中上水平（省教育厅通报〔2025〕41号）。"},
	{"C1", 2024, "on_track", "市教育局教师发展中心 陈立",
	 "2024年完成信息技术应用能力提升培训1120人次，覆盖专任教师86%。"},
	{"C1", 2025, "achieved", "市教育局教师发展中心 陈立",
	 "截至2025年底全市职业院校专任教师1315人全部完成信息技术应用能力提升培训，考核合格率99.2%。"},
	{"C2", 2024, "achieved", "市教育局职成教处 周敏",
	 "2024年10月举办第四届市职业院校教师信息化教学比赛，9所院校68个团队参赛。"},
	{"C2", 2025, "achieved", "市教育局职成教处 周敏",
	 "2025年10月举办第五届市职业院校教师信息化教学比赛，9所院校74个团队参赛，推荐6个团队参加省赛。"},
	{"C3", 2025, "achieved", "市教育局职成教处 周敏",
	 "市职业教育信息化教学联盟于2022年3月成立，现有成员单位9所院校、12家企业，2025年开展联合教研活动6次。"},
	{"C4", 2025, "achieved", "市教育局德育处 林芳",
	 "2025年举办文明风采竞赛（作品1460件）、班主任能力大赛（42人）和“未来工匠”培树活动（评选32人）。"},
	{"C5", 2025, "on_track", "市教育局德育处 林芳",
	 "2025年评选思政示范课18节；课程思政典型案例评比因省级评审推迟至2026年3月完成。"},
	{"C6", 2025, "on_track", "市教育局职成教处 周敏",
	 "9所院校均已开设劳动教育必修课程；2025年学生创新创业大赛于11月举办，参赛项目126个。"},
	{"C7", 2025, "at_risk", "市人社局职业能力建设处 方军",
	 "省高职院校综合办学实力评价2025年结果：两所高职院校分列全省第27位和第35位（共49所），后者处于中等偏下。"},
	{"C8", 2025, "off_track", "市教育局高教处 郑华",
	 "两所高职院校的本科层次职业教育试点专业申报材料已报省教育厅，尚未获批，2025年未能开展试点。"},
	{"C9", 2025, "achieved", "市发改委社会处 吴涛",
	 "《舟山市产教融合型企业认定和激励办法》于2023年6月印发实施，已认定市级产教融合型企业10家。"},
	{"C10", 2025, "on_track", "市经信局 何静",
	 "产业人才数据平台已上线运行；2025年度产业人才需求报告已完成初稿，计划于2026年1月发布。"},
	{"C11", 2025, "on_track", "市教育局职成教处 周敏",
	 "贡献度评价办法已印发；2025年度评价数据采集完成，评价结果与绩效奖励分配挂钩方案待市财政局会签。"},
};

static int demo_write_assessments(struct demo_ctx *c)
{
	int rc;

	for (size_t i = 0; i < sizeof(demo_assessments) / sizeof(demo_assessments[0]); i++) {
		const struct demo_assessment_def *a = &demo_assessments[i];
		char date[16];

		if (a->year < c->opt.first_year || a->year > c->opt.last_year)
			continue;
		snprintf(date, sizeof(date), "%04d-12-%02d", a->year, 10 + (int)(i % 15));
		if ((rc = store_run(c->s, Q_REC_ASSESSMENT_INSERT, c->e, "titttntnn", a->target,
				    (int64_t)a->year, a->status, a->evidence, a->assessor, date)))
			return rc;
		demo_sum_str(c, a->target);
		demo_sum_str(c, a->status);
		demo_sum_str(c, a->evidence);
	}
	return 0;
}

/* ---- the whole run ------------------------------------------------------ */

static void demo_ctx_release(struct demo_ctx *c)
{
	for (size_t i = 0; i < c->noccupations; i++)
		free(c->occupations[i]);
	free(c->occupations);
	for (size_t i = 0; i < c->nindustries; i++)
		free(c->industries[i]);
	free(c->industries);
	free(c->majors);
	for (size_t i = 0; i < c->nschools; i++) {
		for (size_t k = 0; k < c->schools[i].nflows; k++)
			demo_flow_free(&c->schools[i].flows[k]);
		free(c->schools[i].flows);
	}
	free(c->schools);
	free(c->firms);
	free(c->anchor_firm);
	free(c->township_ok);
	memset(c, 0, sizeof(*c));
}

int demo_generate(struct store *s, const struct demo_options *o, struct demo_summary *sum,
		  struct err *e)
{
	struct demo_ctx c;
	struct demo_summary local_sum;
	struct err local_err;
	int rc, in_tx = 0;

	memset(&c, 0, sizeof(c));
	memset(&local_sum, 0, sizeof(local_sum));
	if (!e) {
		err_clear(&local_err);
		e = &local_err;
	}
	if (o)
		c.opt = *o;
	demo_options_init(&c.opt);
	if ((rc = demo_options_check(&c.opt, e)))
		return rc;
	c.s = s;
	c.e = e;
	c.sum = &local_sum;
	c.checksum = RNG_FNV_OFFSET;
	c.sim_first = c.opt.first_year - DEMO_PROGRAM_YEARS;
	c.nsim = c.opt.last_year - c.sim_first + 1;

	demo_progress(&c, "catalogue", 0, 1);
	if ((rc = demo_load_majors(&c)) ||
	    (rc = demo_load_codes(&c, Q_CATALOG_OCCUPATIONS, "细类", &c.occupations,
				  &c.noccupations)) ||
	    (rc = demo_load_codes(&c, Q_CATALOG_INDUSTRIES, "小类", &c.industries, &c.nindustries)))
		goto out;
	if (!c.nmajors || !c.noccupations || !c.nindustries) {
		rc = err_set(e, ERR_NOTFOUND,
			     _("the reference catalogues are empty (run 'tvet init' first)"));
		goto out;
	}
	if ((rc = demo_check_design(&c)))
		goto out;
	if ((rc = demo_org_id(&c, "3309", &c.city_id)))
		goto out;
	for (int k = 0; k < DEMO_NCOUNTIES; k++)
		if ((rc = demo_org_id(&c, demo_counties[k].code, &c.county_id[k])))
			goto out;

	if ((rc = store_begin(s, e)))
		goto out;
	in_tx = 1;
	if ((rc = store_clear_data(s, e)))
		goto out;
	demo_progress(&c, "schools", 0, (long)demo_nschools);
	if ((rc = demo_write_schools(&c)) || (rc = demo_write_statistics(&c)))
		goto out;
	demo_progress(&c, "enterprises", 0, c.opt.enterprises);
	if ((rc = demo_make_firms(&c)))
		goto out;
	demo_progress(&c, "registry", 0, (long)demo_nregistry);
	if ((rc = demo_write_registry(&c)) || (rc = demo_write_assessments(&c)))
		goto out;
	demo_progress(&c, "surveys", 0, c.opt.last_year - c.opt.first_year + 1);
	if ((rc = demo_make_surveys(&c)))
		goto out;
	demo_progress(&c, "postings", 0, c.opt.postings);
	if ((rc = demo_make_postings(&c)))
		goto out;
	demo_progress(&c, "commit", 0, 1);
	if ((rc = store_commit(s, e)))
		goto out;
	in_tx = 0;
	local_sum.checksum = c.checksum;
	if (sum)
		*sum = local_sum;
	demo_progress(&c, "done", 1, 1);
out:
	if (rc) {
		if (in_tx)
			store_rollback(s);
		if (!e->msg[0])
			err_set(e, rc, "demo: generation failed");
	}
	demo_ctx_release(&c);
	return rc;
}
