/* demo_firms.c - the demo city's enterprises and its two surveys.
 *
 * Enterprises: the hand-named anchors first, then firms drawn by industry
 * weight (three in four in the six clusters), each with a county, a size,
 * a founding year, a name "舟山 + 字号 + 行业词 + 有限公司" (or a sole
 * trader's or cooperative's name) and a valid, unique 统一社会信用代码
 * whose division part is its county. Surveys: a few hundred demand
 * responses a year and 30-80 satisfaction ratings per school and year. */
#include "demo/demo_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ident.h"

enum { DEMO_STREAM_FIRMS = 11, DEMO_STREAM_DEMAND, DEMO_STREAM_SATISFACTION };

/* Old (pre-2016) organisation codes: 8 digits starting like these. */
static const char *const demo_orgcode_prefixes[] = {"14", "25", "66", "68", "71", "72", "73",
						    "74", "75", "76", "77", "78", "79"};

/* ---- a small string set (names and codes must be unique) --------------- */

struct demo_strset {
	char **slot;
	size_t cap, n;
};

static void demo_strset_init(struct demo_strset *set, size_t expect)
{
	set->cap = 64;
	while (set->cap < expect * 2)
		set->cap *= 2;
	set->slot = xcalloc(set->cap, sizeof(char *));
	set->n = 0;
}

static void demo_strset_release(struct demo_strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	memset(set, 0, sizeof(*set));
}

static void demo_strset_grow(struct demo_strset *set);

/* Add s; returns 1 when it was new, 0 when present already. */
static int demo_strset_add(struct demo_strset *set, const char *s)
{
	size_t i;

	if ((set->n + 1) * 2 > set->cap)
		demo_strset_grow(set);
	i = (size_t)rng_fnv1a(RNG_FNV_OFFSET, s) & (set->cap - 1);
	while (set->slot[i]) {
		if (strcmp(set->slot[i], s) == 0)
			return 0;
		i = (i + 1) & (set->cap - 1);
	}
	set->slot[i] = xstrdup(s);
	set->n++;
	return 1;
}

static void demo_strset_grow(struct demo_strset *set)
{
	struct demo_strset bigger;

	bigger.cap = set->cap * 2;
	bigger.slot = xcalloc(bigger.cap, sizeof(char *));
	bigger.n = 0;
	for (size_t i = 0; i < set->cap; i++) {
		if (!set->slot[i])
			continue;
		{
			size_t j =
				(size_t)rng_fnv1a(RNG_FNV_OFFSET, set->slot[i]) & (bigger.cap - 1);
			while (bigger.slot[j])
				j = (j + 1) & (bigger.cap - 1);
			bigger.slot[j] = set->slot[i];
			bigger.n++;
		}
	}
	free(set->slot);
	*set = bigger;
}

/* ---- names and codes ------------------------------------------------------ */

static size_t demo_count(const char *const *list)
{
	size_t n = 0;

	while (list[n])
		n++;
	return n;
}

static const char *demo_pick(struct rng *r, const char *const *list)
{
	size_t n = demo_count(list);

	return n ? list[rng_below(r, n)] : "";
}

static void demo_trade_name(struct rng *r, struct strbuf *out)
{
	const char *a, *b;

	do {
		a = demo_pick(r, demo_name_first);
		b = demo_pick(r, demo_name_second);
	} while (strcmp(a, b) == 0);
	strbuf_addstr(out, a);
	strbuf_addstr(out, b);
}

void demo_firm_name(struct rng *r, int industry, int county, char kind, struct strbuf *out)
{
	const struct demo_industry_def *ind = &demo_industries[industry];
	const struct demo_county_def *cty = &demo_counties[county];
	double u;

	strbuf_reset(out);
	if (kind == '2' || kind == '3') {
		strbuf_addstr(out, cty->name);
		demo_trade_name(r, out);
		strbuf_addstr(out, ind->shop ? ind->shop : "经营部");
		return;
	}
	u = rng_uniform(r);
	if (u < 0.55)
		strbuf_addstr(out, "舟山");
	else if (u < 0.65)
		strbuf_addstr(out, "舟山市");
	else if (u < 0.78)
		strbuf_addstr(out, "浙江");
	else
		strbuf_addstr(out, cty->short_name);
	demo_trade_name(r, out);
	strbuf_addstr(out, demo_pick(r, ind->words));
	u = rng_uniform(r);
	strbuf_addstr(out, u < 0.80 ? "有限公司" : u < 0.92 ? "有限责任公司" : "股份有限公司");
}

static int demo_make_uscc(struct rng *r, char kind, const char *county, int founded,
			  char out[IDENT_USCC_LEN + 1], struct err *e)
{
	char body[9];

	if (kind == '1' && founded < 2016) {
		const char *p = demo_orgcode_prefixes[rng_below(
			r, sizeof(demo_orgcode_prefixes) / sizeof(demo_orgcode_prefixes[0]))];
		body[0] = p[0];
		body[1] = p[1];
		for (int i = 2; i < 8; i++)
			body[i] = (char)('0' + rng_below(r, 10));
	} else {
		/* codes issued since the reform start with MA */
		body[0] = 'M';
		body[1] = 'A';
		body[2] = '2';
		for (int i = 3; i < 8; i++)
			body[i] = IDENT_USCC_ALPHABET[rng_below(r, 31)];
	}
	body[8] = '\0';
	return ident_uscc_build(out, '9', kind, county, body, e);
}

static int demo_industry_index(const char *code)
{
	for (size_t i = 0; i < demo_nindustries; i++)
		if (strcmp(demo_industries[i].code, code) == 0)
			return (int)i;
	return -1;
}

static int demo_county_index(const char *code)
{
	for (int k = 0; k < DEMO_NCOUNTIES; k++)
		if (strcmp(demo_counties[k].code, code) == 0)
			return k;
	return -1;
}

static int demo_insert_firm(struct demo_ctx *c, struct demo_firm *f)
{
	const struct demo_industry_def *ind = &demo_industries[f->industry];
	struct store_stmt *st = store_prepare(c->s, Q_ENTERPRISE_INSERT, c->e);
	int rc;

	if (!st)
		return c->e->code ? c->e->code : ERR_DB;
	store_bindf(st, "tttttii", f->uscc, f->name, ind->code,
		    f->cluster >= 0 ? demo_cluster_codes[f->cluster] : NULL,
		    demo_counties[f->county].code, (int64_t)f->employees, (int64_t)f->founded);
	demo_sum_str(c, f->uscc);
	demo_sum_str(c, f->name);
	demo_sum_str(c, ind->code);
	demo_sum_int(c, f->employees);
	demo_sum_int(c, f->founded);
	if ((rc = store_exec(st, c->e)))
		return rc;
	f->id = store_last_id(c->s);
	c->sum->enterprises++;
	return 0;
}

int demo_make_firms(struct demo_ctx *c)
{
	struct rng r;
	struct demo_strset names, codes;
	struct strbuf name = {0};
	double *weights = xcalloc(demo_nindustries, sizeof(double));
	size_t total = (size_t)c->opt.enterprises;
	int rc = 0;

	rng_seed_stream(&r, c->opt.seed, DEMO_STREAM_FIRMS);
	demo_strset_init(&names, total);
	demo_strset_init(&codes, total);
	if (total < demo_nanchors)
		total = demo_nanchors;
	c->firms = xcalloc(total, sizeof(*c->firms));
	c->anchor_firm = xcalloc(demo_nanchors, sizeof(size_t));
	for (size_t i = 0; i < demo_nindustries; i++)
		weights[i] = demo_industries[i].weight;

	for (size_t i = 0; i < total; i++) {
		struct demo_firm *f = &c->firms[i];
		char kind = '1';

		if (i < demo_nanchors) {
			const struct demo_anchor_def *a = &demo_anchors[i];

			f->industry = demo_industry_index(a->industry);
			f->county = demo_county_index(a->county);
			if (f->industry < 0 || f->county < 0) {
				rc = err_set(c->e, ERR_INTERNAL,
					     "demo: anchor '%s' has an industry or county outside "
					     "the design tables",
					     a->name);
				goto out;
			}
			f->employees = a->employees;
			f->founded = a->founded;
			snprintf(f->name, sizeof(f->name), "%s", a->name);
			demo_strset_add(&names, f->name);
			c->anchor_firm[i] = i;
		} else {
			const struct demo_industry_def *ind;
			int cl, tries = 0;
			double years;

			f->industry = (int)rng_weighted(&r, weights, demo_nindustries);
			ind = &demo_industries[f->industry];
			cl = demo_cluster_index(ind->cluster);
			f->county = (int)rng_weighted(
				&r, demo_county_mix[cl >= 0 ? cl : DEMO_NCLUSTERS], DEMO_NCOUNTIES);
			if ((ind->flags & DEMO_FIRM_COOP) && rng_chance(&r, 0.2))
				kind = '3';
			else if ((ind->flags & DEMO_FIRM_SOLE) && rng_chance(&r, 0.35))
				kind = '2';
			if (kind == '2')
				f->employees = (int)rng_range(&r, 1, 8);
			else
				f->employees = (int)fmax(
					1,
					floor(ind->employees * exp(rng_normal(&r, 0, 0.9)) + 0.5));
			/* founding years: more young firms than old ones */
			years = -log(1 - rng_uniform(&r)) * 9;
			f->founded = c->opt.last_year - (int)years;
			if (f->founded < 1985)
				f->founded = 1985 + (int)rng_below(&r, 10);
			do {
				demo_firm_name(&r, f->industry, f->county, kind, &name);
				if (++tries > 40)
					strbuf_addf(&name, "（%s）",
						    demo_counties[f->county].short_name);
			} while (!demo_strset_add(&names, strbuf_str(&name)) && tries < 60);
			if (tries >= 60) {
				rc = err_set(c->e, ERR_INTERNAL,
					     "demo: ran out of unique enterprise names");
				goto out;
			}
			snprintf(f->name, sizeof(f->name), "%s", strbuf_str(&name));
		}
		f->cluster = demo_cluster_index(demo_industries[f->industry].cluster);
		do {
			if ((rc = demo_make_uscc(&r, kind, demo_counties[f->county].code,
						 f->founded, f->uscc, c->e)))
				goto out;
		} while (!demo_strset_add(&codes, f->uscc));
		if ((rc = demo_insert_firm(c, f)))
			goto out;
		c->nfirms++;
		if (i % 500 == 0)
			demo_progress(c, "enterprises", (long)i, (long)total);
	}
out:
	free(weights);
	strbuf_release(&name);
	demo_strset_release(&names);
	demo_strset_release(&codes);
	return rc;
}

/* ---- surveys ---------------------------------------------------------------- */

static const char *demo_survey_education(struct rng *r, char level)
{
	double u = rng_uniform(r);

	switch (level) {
	case 'L':
		return u < 0.6 ? "中职" : "不限";
	case 'M':
		return u < 0.5 ? "中职" : u < 0.9 ? "高职" : "不限";
	default:
		return u < 0.55 ? "高职" : u < 0.95 ? "本科" : "不限";
	}
}

/* A job of cluster cl (-1: the jobs outside the clusters) by weight. */
static size_t demo_pick_job(struct rng *r, int cl)
{
	double w[256];
	size_t n = demo_njobs < 256 ? demo_njobs : 256;

	for (size_t j = 0; j < n; j++)
		w[j] = demo_cluster_index(demo_jobs[j].cluster) == cl ? demo_jobs[j].weight : 0;
	return rng_weighted(r, w, n);
}

/* A major of cluster cl that some active school offers, chosen uniformly
 * over (school, major) pairs; its index in c->majors goes to *major. */
static int demo_pick_offered_major(struct demo_ctx *c, struct rng *r, int cl, size_t *major)
{
	size_t n = 0, pick;

	for (size_t si = 0; si < c->nschools; si++)
		for (size_t k = 0; c->schools[si].active && k < c->schools[si].nflows; k++)
			n += c->majors[c->schools[si].flows[k].major].cluster == cl;
	if (!n)
		return 0;
	pick = (size_t)rng_below(r, n);
	for (size_t si = 0; si < c->nschools; si++)
		for (size_t k = 0; c->schools[si].active && k < c->schools[si].nflows; k++)
			if (c->majors[c->schools[si].flows[k].major].cluster == cl && pick-- == 0) {
				*major = (size_t)c->schools[si].flows[k].major;
				return 1;
			}
	return 0;
}

static int demo_write_demand(struct demo_ctx *c, int year, struct rng *r)
{
	size_t want = (size_t)floor(demo_path(220, 340, 2021, year) + 0.5);
	double *w = xcalloc(c->nfirms, sizeof(double));
	unsigned char *taken = xcalloc(c->nfirms, 1);
	char period[8];
	int rc = 0;

	if (want > c->nfirms / 2)
		want = c->nfirms / 2;
	snprintf(period, sizeof(period), "%d", year);
	for (size_t i = 0; i < c->nfirms; i++) {
		const struct demo_firm *f = &c->firms[i];
		if (f->founded > year || f->employees < 3)
			continue;
		w[i] = sqrt((double)f->employees) * (f->cluster >= 0 ? 3 : 1);
	}
	for (size_t k = 0; k < want; k++) {
		size_t i = rng_weighted(r, w, c->nfirms);
		const struct demo_firm *f = &c->firms[i];
		long rows = 1 + rng_binomial(r, 3, 0.4);
		size_t seen[4];

		if (taken[i] || w[i] <= 0)
			continue;
		taken[i] = 1;
		w[i] = 0;
		for (long q = 0; q < rows; q++) {
			struct store_stmt *st;
			const char *occ = NULL, *major = NULL, *edu;
			long headcount = 1 + rng_poisson(r, fmin(25, f->employees / 60.0 + 1));
			int dup = 0;

			seen[q] = (size_t)-1;
			if (f->cluster >= 0 && rng_chance(r, 0.3) &&
			    demo_pick_offered_major(c, r, f->cluster, &seen[q])) {
				/* by major: one the city's schools teach in this cluster */
				const struct demo_major *m = &c->majors[seen[q]];

				major = m->code;
				edu = strcmp(m->level, "中职") == 0 ? "中职" : "高职";
				seen[q] += 100000;
			} else {
				size_t j = demo_pick_job(r, f->cluster);

				occ = demo_jobs[j].occupation;
				edu = demo_survey_education(r, demo_jobs[j].education);
				seen[q] = j;
			}
			for (long p = 0; p < q; p++)
				if (seen[p] == seen[q])
					dup = 1;
			if (dup)
				continue;
			st = store_prepare(c->s, Q_DEMAND_SURVEY_INSERT, c->e);
			if (!st) {
				rc = c->e->code ? c->e->code : ERR_DB;
				goto out;
			}
			store_bindf(st, "iitttti", f->id, (int64_t)year, period, occ, major, edu,
				    (int64_t)headcount);
			demo_sum_int(c, f->id);
			demo_sum_str(c, occ);
			demo_sum_str(c, major);
			demo_sum_int(c, headcount);
			if ((rc = store_exec(st, c->e)))
				goto out;
			c->sum->demand_surveys++;
		}
	}
out:
	free(w);
	free(taken);
	return rc;
}

static int demo_write_satisfaction(struct demo_ctx *c, int year, struct rng *r)
{
	double *w = xcalloc(c->nfirms, sizeof(double));
	int rc = 0;

	for (size_t si = 0; si < c->nschools; si++) {
		const struct demo_school_run *run = &c->schools[si];
		const struct demo_school_def *d = run->def;
		int clusters[DEMO_NCLUSTERS] = {0};
		long graduates = 0, raters;
		double mean;

		if (!run->active || (d->opened && year < d->opened))
			continue;
		for (size_t k = 0; k < run->nflows; k++) {
			int cl = c->majors[run->flows[k].major].cluster;
			if (cl >= 0)
				clusters[cl] = 1;
			graduates += run->flows[k].graduates[year - c->sim_first];
		}
		for (size_t i = 0; i < c->nfirms; i++) {
			const struct demo_firm *f = &c->firms[i];
			w[i] = (f->cluster >= 0 && clusters[f->cluster] && f->founded <= year &&
				f->employees >= 5)
				       ? sqrt((double)f->employees)
				       : 0;
		}
		raters = 30 + (long)floor(50 * fmin(1, (double)graduates / 2000) + 0.5) +
			 (long)rng_range(r, -4, 4);
		raters = raters < 30 ? 30 : raters > 80 ? 80 : raters;
		mean = d->satisfaction_a + 0.6 * (year - 2021);
		for (long k = 0; k < raters; k++) {
			size_t i = rng_weighted(r, w, c->nfirms);
			double score;
			long rated;
			struct store_stmt *st;

			if (w[i] <= 0)
				break; /* no eligible enterprise left */
			w[i] = 0;
			score = floor(fmin(100, fmax(45, rng_normal(r, mean, 6.5))) * 10 + 0.5) /
				10;
			rated = 1 + rng_poisson(r, 2.5);
			st = store_prepare(c->s, Q_SATISFACTION_INSERT, c->e);
			if (!st) {
				rc = c->e->code ? c->e->code : ERR_DB;
				goto out;
			}
			store_bindf(st, "iiidi", run->id, c->firms[i].id, (int64_t)year, score,
				    (int64_t)rated);
			demo_sum_int(c, run->id);
			demo_sum_int(c, c->firms[i].id);
			demo_sum_double(c, score);
			if ((rc = store_exec(st, c->e)))
				goto out;
			c->sum->satisfaction_surveys++;
		}
	}
out:
	free(w);
	return rc;
}

int demo_make_surveys(struct demo_ctx *c)
{
	struct rng demand, satisfaction;
	int rc;

	rng_seed_stream(&demand, c->opt.seed, DEMO_STREAM_DEMAND);
	rng_seed_stream(&satisfaction, c->opt.seed, DEMO_STREAM_SATISFACTION);
	for (int year = c->opt.first_year; year <= c->opt.last_year; year++) {
		demo_progress(c, "surveys", year - c->opt.first_year,
			      c->opt.last_year - c->opt.first_year + 1);
		if ((rc = demo_write_demand(c, year, &demand)) ||
		    (rc = demo_write_satisfaction(c, year, &satisfaction)))
			return rc;
	}
	return 0;
}
