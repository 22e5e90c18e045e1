/* demo_postings.c - the demo city's job adverts.
 *
 * Adverts are planned first, then written in date order. The yearly total
 * grows by 14 % a year; 70 % are originals and 30 % reposts of an earlier
 * original (same company, similar title, 1-60 days later, the text lightly
 * edited), whose dup_of is the original's id. An original's day follows a
 * seasonal and weekday profile, its cluster the year's mix, its job the
 * cluster's weights, its company an enterprise of a fitting industry
 * (weighted by size) or, for 12 %, an advertiser not in the register.
 *
 * Each advert's text comes from its own seed, so a repost can rebuild its
 * original's text and then edit it, and nothing but the plan is kept in
 * memory. The salary, education and experience strings imitate the sites'
 * own forms ("8千-1.2万", "6-8千/月", "15-25K·13薪", "200元/天", "面议"). */
#include "demo/demo_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEMO_STREAM_POSTINGS = 21 };

#define DEMO_REPOST_SHARE 0.30
#define DEMO_UNKNOWN_SHARE 0.12
#define DEMO_GROWTH 1.14
#define DEMO_MAX_REPOSTS 3
#define DEMO_MAX_SENTENCES 10

struct demo_advert {
	int day;  /* days since 1970-01-01 */
	int job;  /* demo_jobs index */
	int firm; /* c->firms index, -1 for an advertiser not registered */
	int county;
	int orig; /* index of the original, -1 for an original */
	int nreposts;
	long plan; /* index in planning order, the tie-break of the sort */
	uint64_t seed;
	int64_t id;
};

enum demo_site { SITE_ZHAOPIN, SITE_51JOB, SITE_BOSS, SITE_58, SITE_ZSRC, SITE_N };
static const char *const demo_sites[SITE_N] = {"zhaopin", "51job", "boss", "58", "zsrc"};
static const double demo_site_weights[SITE_N] = {25, 20, 25, 15, 15};

/* The text of one advert. */
struct demo_advert_text {
	int site;
	struct strbuf source_ref, title, company, district, salary;
	const char *education, *experience;
	const char *division;
	long headcount; /* 0: not stated (若干) */
	int nsentences;
	struct strbuf sentence[DEMO_MAX_SENTENCES];
	struct strbuf description;
};

static void demo_text_init(struct demo_advert_text *t)
{
	memset(t, 0, sizeof(*t));
}

static void demo_text_release(struct demo_advert_text *t)
{
	strbuf_release(&t->source_ref);
	strbuf_release(&t->title);
	strbuf_release(&t->company);
	strbuf_release(&t->district);
	strbuf_release(&t->salary);
	for (int i = 0; i < DEMO_MAX_SENTENCES; i++)
		strbuf_release(&t->sentence[i]);
	strbuf_release(&t->description);
}

static void demo_text_reset(struct demo_advert_text *t)
{
	strbuf_reset(&t->source_ref);
	strbuf_reset(&t->title);
	strbuf_reset(&t->company);
	strbuf_reset(&t->district);
	strbuf_reset(&t->salary);
	for (int i = 0; i < DEMO_MAX_SENTENCES; i++)
		strbuf_reset(&t->sentence[i]);
	strbuf_reset(&t->description);
	t->nsentences = 0;
	t->headcount = 0;
}

static size_t demo_list_len(const char *const *list, size_t max)
{
	size_t n = 0;

	while (n < max && list[n])
		n++;
	return n;
}

static const char *demo_list_pick(struct rng *r, const char *const *list, size_t max)
{
	size_t n = demo_list_len(list, max);

	return n ? list[rng_below(r, n)] : "";
}

static const char *demo_weighted_text(struct rng *r, const char *const *text, const double *w,
				      size_t n)
{
	return text[rng_weighted(r, w, n)];
}

/* ---- salary ----------------------------------------------------------------- */

/* "6千", "6.5千", "1万", "1.2万" */
static void demo_add_qianwan(struct strbuf *sb, long yuan)
{
	if (yuan < 10000) {
		long q = (yuan + 250) / 500 * 500;
		if (q % 1000)
			strbuf_addf(sb, "%ld.5千", q / 1000);
		else
			strbuf_addf(sb, "%ld千", q / 1000);
	} else {
		long w = (yuan + 500) / 1000; /* tenths of 万 */
		if (w % 10)
			strbuf_addf(sb, "%ld.%ld万", w / 10, w % 10);
		else
			strbuf_addf(sb, "%ld万", w / 10);
	}
}

/* "6", "6.5" (thousands) and "1", "1.2" (ten thousands) */
static void demo_add_thousands(struct strbuf *sb, long yuan)
{
	long q = (yuan + 250) / 500 * 500;

	if (q % 1000)
		strbuf_addf(sb, "%ld.5", q / 1000);
	else
		strbuf_addf(sb, "%ld", q / 1000);
}

static void demo_add_wan(struct strbuf *sb, long yuan)
{
	long w = (yuan + 500) / 1000; /* tenths of 万 */

	if (w % 10)
		strbuf_addf(sb, "%ld.%ld", w / 10, w % 10);
	else
		strbuf_addf(sb, "%ld", w / 10);
}

/* 51job style: "6-8千/月", "5.5-8.5千/月", "1-1.5万/月", "8千-1.2万/月" */
static void demo_add_51job_month(struct strbuf *sb, long lo, long hi)
{
	if (hi < 10000) {
		demo_add_thousands(sb, lo);
		strbuf_addch(sb, '-');
		demo_add_thousands(sb, hi);
		strbuf_addstr(sb, "千/月");
	} else if (lo >= 10000) {
		demo_add_wan(sb, lo);
		strbuf_addch(sb, '-');
		demo_add_wan(sb, hi);
		strbuf_addstr(sb, "万/月");
	} else {
		demo_add_qianwan(sb, lo);
		strbuf_addch(sb, '-');
		demo_add_qianwan(sb, hi);
		strbuf_addstr(sb, "/月");
	}
}

static void demo_make_salary(struct rng *r, const struct demo_job_def *job, int year, int site,
			     struct strbuf *sb)
{
	double growth = pow(1.045, year - 2021);
	double lo = job->pay_lo * growth * rng_uniform_range(r, 0.9, 1.1);
	double hi = lo * rng_uniform_range(r, 1.2, 1.6);
	long lo_r, hi_r;
	double u = rng_uniform(r);

	if (hi > job->pay_hi * growth * 1.3)
		hi = job->pay_hi * growth * 1.3;
	if (hi < lo * 1.1)
		hi = lo * 1.1;
	lo_r = (long)(lo / 500 + 0.5) * 500;
	hi_r = (long)(hi / 500 + 0.5) * 500;
	if (hi_r <= lo_r)
		hi_r = lo_r + 500;

	if (u < 0.07) {
		strbuf_addstr(sb, "面议");
		return;
	}
	if ((job->flags & DEMO_JOB_DAILY) && (site == SITE_58 || site == SITE_BOSS) &&
	    rng_chance(r, 0.3)) {
		long day = (long)(lo / 26 / 10 + 0.5) * 10;
		if (rng_chance(r, 0.5))
			strbuf_addf(sb, "%ld元/天", day);
		else
			strbuf_addf(sb, "%ld-%ld元/天", day, day + 40);
		return;
	}
	if ((job->flags & DEMO_JOB_HOURLY) && (site == SITE_58 || site == SITE_BOSS) &&
	    rng_chance(r, 0.25)) {
		long hour = (long)(lo / 26 / 8.5 + 0.5);
		strbuf_addf(sb, "%ld元/小时", hour < 20 ? 20 : hour);
		return;
	}
	if ((job->flags & DEMO_JOB_SEA) && site != SITE_BOSS && rng_chance(r, 0.4)) {
		strbuf_addf(sb, "%ld-%ld万/年", (lo_r * 12 + 5000) / 10000,
			    (hi_r * 12 + 5000) / 10000);
		return;
	}
	switch (site) {
	case SITE_ZHAOPIN:
		if (rng_chance(r, 0.6)) {
			demo_add_qianwan(sb, lo_r);
			strbuf_addch(sb, '-');
			demo_add_qianwan(sb, hi_r);
		} else {
			strbuf_addf(sb, "%ld-%ld元/月", lo_r, hi_r);
		}
		break;
	case SITE_51JOB:
		if (job->education == 'H' && rng_chance(r, 0.15))
			strbuf_addf(sb, "%ld-%ld万/年", (lo_r * 12 + 5000) / 10000,
				    (hi_r * 14 + 5000) / 10000);
		else
			demo_add_51job_month(sb, lo_r, hi_r);
		break;
	case SITE_BOSS:
		strbuf_addf(sb, "%ld-%ldK", (lo_r + 500) / 1000,
			    (hi_r + 500) / 1000 > (lo_r + 500) / 1000 ? (hi_r + 500) / 1000
								      : (lo_r + 500) / 1000 + 1);
		if (job->education == 'H' && rng_chance(r, 0.4))
			strbuf_addstr(sb, rng_chance(r, 0.8) ? "·13薪" : "·14薪");
		break;
	default: /* 58 and the local site */
		if (rng_chance(r, 0.1))
			strbuf_addf(sb, "%ld元/月以上", lo_r);
		else
			strbuf_addf(sb, "%ld-%ld元/月", lo_r, hi_r);
		break;
	}
}

/* ---- the rest of an advert ----------------------------------------------------- */

static const char *demo_education_text(struct rng *r, char level)
{
	static const char *const low[] = {"学历不限", "初中及以下", "高中", "中专/中技"};
	static const double low_w[] = {35, 25, 12, 28};
	static const char *const mid[] = {"中专/中技", "高中", "大专", "学历不限"};
	static const double mid_w[] = {40, 12, 30, 18};
	static const char *const high[] = {"大专", "本科", "中专/中技", "学历不限"};
	static const double high_w[] = {55, 38, 3, 4};

	switch (level) {
	case 'L':
		return demo_weighted_text(r, low, low_w, 4);
	case 'M':
		return demo_weighted_text(r, mid, mid_w, 4);
	default:
		return demo_weighted_text(r, high, high_w, 4);
	}
}

static const char *demo_experience_text(struct rng *r, char level)
{
	static const char *const low[] = {"经验不限", "1年以内", "1-3年", "3-5年"};
	static const double low_w[] = {50, 12, 28, 10};
	static const char *const mid[] = {"经验不限", "应届生", "1-3年", "3-5年", "1年以内"};
	static const double mid_w[] = {35, 12, 33, 15, 5};
	static const char *const high[] = {"经验不限", "应届生", "1-3年", "3-5年", "5-10年"};
	static const double high_w[] = {20, 15, 30, 25, 10};

	switch (level) {
	case 'L':
		return demo_weighted_text(r, low, low_w, 4);
	case 'M':
		return demo_weighted_text(r, mid, mid_w, 5);
	default:
		return demo_weighted_text(r, high, high_w, 5);
	}
}

static long demo_headcount(struct rng *r)
{
	static const double w[] = {30, 20, 12, 10, 5, 15, 8};
	static const long value[] = {1, 2, 3, 5, 10, -1, 0};
	long v = value[rng_weighted(r, w, 7)];

	return v < 0 ? rng_range(r, 4, 20) : v;
}

/* The site's reference of advert number plan: random-looking, and unique
 * per site (a site's references are its primary key; the importer refuses
 * two rows with one reference), so the numeric ones step by plan. */
static void demo_source_ref(struct rng *r, int site, long plan, struct strbuf *sb)
{
	static const char alnum[] = "0123456789abcdefghijklmnopqrstuvwxyz";

	strbuf_reset(sb);
	switch (site) {
	case SITE_ZHAOPIN:
		strbuf_addf(sb, "CC%09lldJ%011lld", (long long)rng_range(r, 100000000, 999999999),
			    (long long)rng_range(r, 10000000000LL, 99999999999LL));
		break;
	case SITE_51JOB:
		strbuf_addf(sb, "%lld", 100000000 + (long long)plan * 997 + rng_below(r, 997));
		break;
	case SITE_BOSS:
		for (int i = 0; i < 20; i++)
			strbuf_addch(sb, alnum[rng_below(r, 36)]);
		break;
	case SITE_58:
		strbuf_addf(sb, "4%013lld", (long long)rng_range(r, 0, 9999999999999LL));
		break;
	default:
		strbuf_addf(sb, "%lld", 1000000 + (long long)plan * 97 + rng_below(r, 97));
		break;
	}
}

/* Drop a company-form suffix: "舟山瑞丰船舶修造有限公司" -> "舟山瑞丰船舶修造". */
static void demo_short_company(struct strbuf *sb)
{
	static const char *const suffix[] = {"股份有限公司", "有限责任公司", "有限公司"};

	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(suffix[i]);
		if (sb->len > n + 6 && strcmp(sb->buf + sb->len - n, suffix[i]) == 0) {
			sb->len -= n;
			sb->buf[sb->len] = '\0';
			return;
		}
	}
}

static void demo_add_sentence(struct demo_advert_text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void demo_add_sentence(struct demo_advert_text *t, const char *fmt, ...)
{
	va_list ap;

	if (t->nsentences >= DEMO_MAX_SENTENCES)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&t->sentence[t->nsentences++], fmt, ap);
	va_end(ap);
}

/* Pick k distinct entries of list (up to max) into out. */
static size_t demo_pick_distinct(struct rng *r, const char *const *list, size_t max, size_t k,
				 const char **out)
{
	size_t n = demo_list_len(list, max), idx[8];

	if (n > 8)
		n = 8;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	rng_shuffle(r, idx, n, sizeof(size_t));
	if (k > n)
		k = n;
	for (size_t i = 0; i < k; i++)
		out[i] = list[idx[i]];
	return k;
}

static void demo_benefit_list(struct rng *r, struct strbuf *sb, const struct demo_job_def *job)
{
	const char *b[4];
	size_t n = demo_pick_distinct(r, demo_benefits, 64, (size_t)rng_range(r, 2, 4), b);

	for (size_t i = 0; i < n; i++) {
		if (strcmp(b[i], "出海补贴") == 0 && !(job->flags & DEMO_JOB_SEA))
			b[i] = "员工旅游";
		strbuf_addf(sb, "%s%s", i ? "、" : "", b[i]);
	}
}

/* 2 to 6 sentences from the job's duties, requirements and benefits. */
static void demo_make_description(struct rng *r, const struct demo_job_def *job, const char *title,
				  struct demo_advert_text *t)
{
	const char *duty[3], *req[3];
	size_t nd = demo_pick_distinct(r, job->duties, 6, (size_t)rng_range(r, 1, 3), duty);
	size_t nr = demo_pick_distinct(r, job->requirements, 6, (size_t)rng_range(r, 1, 2), req);
	struct strbuf sb = {0};

	if (rng_chance(r, 0.55)) {
		/* structured, the way most sites lay adverts out */
		strbuf_addstr(&sb, "岗位职责：");
		for (size_t i = 0; i < nd; i++)
			strbuf_addf(&sb, "%s%zu、%s", i ? "；" : "", i + 1, duty[i]);
		demo_add_sentence(t, "%s。", strbuf_str(&sb));
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "任职要求：");
		for (size_t i = 0; i < nr; i++)
			strbuf_addf(&sb, "%s%zu、%s", i ? "；" : "", i + 1, req[i]);
		if (rng_chance(r, 0.5))
			strbuf_addf(&sb, "；%zu、%s", nr + 1,
				    demo_list_pick(r, demo_generic_requirements, 64));
		demo_add_sentence(t, "%s。", strbuf_str(&sb));
		if (rng_chance(r, 0.6)) {
			strbuf_reset(&sb);
			demo_benefit_list(r, &sb, job);
			demo_add_sentence(t, "福利待遇：%s。", strbuf_str(&sb));
		}
		if (rng_chance(r, 0.2))
			demo_add_sentence(t, "有意者请投递简历或电话联系。");
	} else {
		/* plain prose, as small firms write it */
		if (rng_chance(r, 0.5))
			demo_add_sentence(t, "因业务发展需要，现诚聘%s若干名。", title);
		for (size_t i = 0; i < nd && t->nsentences < 4; i++)
			demo_add_sentence(t, "%s。", duty[i]);
		strbuf_addf(&sb, "要求%s", req[0]);
		for (size_t i = 1; i < nr; i++)
			strbuf_addf(&sb, "，%s", req[i]);
		demo_add_sentence(t, "%s。", strbuf_str(&sb));
		if (rng_chance(r, 0.7)) {
			strbuf_reset(&sb);
			demo_benefit_list(r, &sb, job);
			demo_add_sentence(t, "公司提供%s。", strbuf_str(&sb));
		}
	}
	strbuf_release(&sb);
}

static void demo_join_description(struct demo_advert_text *t)
{
	strbuf_reset(&t->description);
	for (int i = 0; i < t->nsentences; i++)
		strbuf_addstr(&t->description, strbuf_str(&t->sentence[i]));
}

/* An industry of the job for naming an unregistered advertiser. */
static int demo_job_industry(struct rng *r, const struct demo_job_def *job)
{
	int cand[64], n = 0, cl = demo_cluster_index(job->cluster);

	for (size_t i = 0; i < demo_nindustries && n < 64; i++) {
		const char *code = demo_industries[i].code;
		if (job->industries ? strstr(job->industries, code) != NULL
				    : demo_cluster_index(demo_industries[i].cluster) == cl)
			cand[n++] = (int)i;
	}
	if (!n)
		return (int)rng_below(r, demo_nindustries);
	return cand[rng_below(r, (uint64_t)n)];
}

static void demo_title(struct rng *r, const struct demo_job_def *job, struct strbuf *sb)
{
	const char *base = demo_list_pick(r, job->titles, 7);

	strbuf_reset(sb);
	if (rng_chance(r, 0.22))
		strbuf_addstr(sb, demo_list_pick(r, demo_title_noise_prefix, 16));
	strbuf_addstr(sb, base);
	if (rng_chance(r, 0.18))
		strbuf_addstr(sb, demo_list_pick(r, demo_title_noise_suffix, 16));
}

/* Build the text of an original advert from its seed. */
static void demo_original_text(struct demo_ctx *c, const struct demo_advert *a,
			       struct demo_advert_text *t)
{
	const struct demo_job_def *job = &demo_jobs[a->job];
	const struct demo_county_def *cty = &demo_counties[a->county];
	struct rng r;
	int year, month, day;

	demo_civil_from_days(a->day, &year, &month, &day);
	rng_seed(&r, a->seed);
	demo_text_reset(t);
	t->site = (int)rng_weighted(&r, demo_site_weights, SITE_N);
	demo_source_ref(&r, t->site, a->plan, &t->source_ref);
	demo_title(&r, job, &t->title);
	if (a->firm >= 0) {
		strbuf_addstr(&t->company, c->firms[a->firm].name);
		if (rng_chance(&r, 0.08))
			demo_short_company(&t->company);
	} else {
		demo_firm_name(&r, demo_job_industry(&r, job), a->county, '1', &t->company);
	}
	if (rng_chance(&r, 0.08)) {
		strbuf_addstr(&t->district, rng_chance(&r, 0.5) ? "舟山" : "舟山市");
		t->division = "3309";
	} else {
		strbuf_addstr(&t->district, demo_list_pick(&r, cty->places, 16));
		t->division = cty->code;
	}
	demo_make_salary(&r, job, year, t->site, &t->salary);
	t->education = demo_education_text(&r, job->education);
	t->experience = demo_experience_text(&r, job->education);
	t->headcount = demo_headcount(&r);
	demo_make_description(&r, job, strbuf_str(&t->title), t);
	demo_join_description(t);
}

/* Rebuild the original's text and edit it lightly for a repost. */
static void demo_repost_text(struct demo_ctx *c, const struct demo_advert *orig,
			     const struct demo_advert *a, struct demo_advert_text *t)
{
	const struct demo_job_def *job = &demo_jobs[a->job];
	struct rng r;
	int edits;

	demo_original_text(c, orig, t);
	rng_seed(&r, a->seed);
	if (rng_chance(&r, 0.4))
		t->site = (int)rng_weighted(&r, demo_site_weights, SITE_N);
	demo_source_ref(&r, t->site, a->plan, &t->source_ref);
	if (rng_chance(&r, 0.3)) {
		/* the same job with the noise words changed */
		struct strbuf old = {0};
		const char *base = NULL;

		strbuf_addstr(&old, strbuf_str(&t->title));
		for (size_t i = 0; i < 7 && job->titles[i]; i++)
			if (strstr(old.buf, job->titles[i]) &&
			    (!base || strlen(job->titles[i]) > strlen(base)))
				base = job->titles[i];
		strbuf_reset(&t->title);
		if (base && rng_chance(&r, 0.9)) {
			if (rng_chance(&r, 0.5))
				strbuf_addstr(&t->title,
					      demo_list_pick(&r, demo_title_noise_prefix, 16));
			strbuf_addstr(&t->title, base);
			if (rng_chance(&r, 0.3))
				strbuf_addstr(&t->title,
					      demo_list_pick(&r, demo_title_noise_suffix, 16));
		} else {
			demo_title(&r, job, &t->title);
		}
		strbuf_release(&old);
	}
	if (a->firm >= 0 && rng_chance(&r, 0.1)) {
		strbuf_reset(&t->company);
		strbuf_addstr(&t->company, c->firms[a->firm].name);
		demo_short_company(&t->company);
	}
	if (rng_chance(&r, 0.2))
		t->headcount = demo_headcount(&r);
	edits = 1 + (int)rng_below(&r, 2);
	for (int k = 0; k < edits; k++) {
		switch (rng_below(&r, 4)) {
		case 0: /* swap two sentences */
			if (t->nsentences >= 2) {
				int i = (int)rng_below(&r, (uint64_t)t->nsentences - 1);
				struct strbuf tmp = t->sentence[i];
				t->sentence[i] = t->sentence[i + 1];
				t->sentence[i + 1] = tmp;
			}
			break;
		case 1: /* add a closing line */
			if (rng_chance(&r, 0.5))
				demo_add_sentence(t, "欢迎应届毕业生加入。");
			else
				demo_add_sentence(t, "联系电话：1%02lld%08lld。",
						  (long long)rng_range(&r, 30, 99),
						  (long long)rng_range(&r, 0, 99999999));
			break;
		case 2: /* drop the last sentence */
			if (t->nsentences > 2)
				strbuf_reset(&t->sentence[--t->nsentences]);
			break;
		default: { /* re-punctuate the first sentence */
			struct strbuf *s = &t->sentence[0];
			char *p = strstr(s->buf ? s->buf : "", "；");
			if (p)
				memcpy(p, "，", strlen("，"));
			else
				demo_add_sentence(t, "待遇从优。");
			break;
		}
		}
	}
	demo_join_description(t);
}

/* ---- planning ---------------------------------------------------------------- */

struct demo_candidates {
	size_t n;
	int *firm;
	double *weight;
};

static int demo_firm_fits(const struct demo_firm *f, const struct demo_job_def *job)
{
	const char *code = demo_industries[f->industry].code;

	if (job->industries) {
		/* the list holds 4-digit codes or shorter prefixes, space-separated */
		const char *p = job->industries;
		while (*p) {
			size_t len = strcspn(p, " ");
			if (len && strncmp(code, p, len) == 0)
				return 1;
			p += len;
			while (*p == ' ')
				p++;
		}
		return 0;
	}
	if (job->cluster)
		return f->cluster == demo_cluster_index(job->cluster);
	return 1;
}

static void demo_candidates_build(struct demo_ctx *c, const struct demo_job_def *job,
				  struct demo_candidates *cand)
{
	cand->firm = xcalloc(c->nfirms ? c->nfirms : 1, sizeof(int));
	cand->weight = xcalloc(c->nfirms ? c->nfirms : 1, sizeof(double));
	cand->n = 0;
	for (int pass = 0; pass < 3 && cand->n == 0; pass++)
		for (size_t i = 0; i < c->nfirms; i++) {
			const struct demo_firm *f = &c->firms[i];
			int fits = pass == 0   ? demo_firm_fits(f, job)
				   : pass == 1 ? (!job->cluster ||
						  f->cluster == demo_cluster_index(job->cluster))
					       : 1;
			if (!fits)
				continue;
			cand->firm[cand->n] = (int)i;
			cand->weight[cand->n] = pow((double)f->employees, 0.6);
			cand->n++;
		}
}

static int demo_cmp_advert(const void *a, const void *b)
{
	const struct demo_advert *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	/* plan order breaks ties: originals were planned before reposts */
	return x->plan < y->plan ? -1 : x->plan > y->plan;
}

/* Days of year y weighted by month and weekday. */
static void demo_year_days(int year, int *first_day, int *ndays, double *w)
{
	static const double month_factor[12] = {0.8, 0.6, 1.4, 1.2, 1.0, 0.9,
						1.0, 1.0, 1.1, 1.0, 0.9, 0.8};

	*first_day = (int)demo_days_from_civil(year, 1, 1);
	*ndays = (int)(demo_days_from_civil(year + 1, 1, 1) - *first_day);
	for (int i = 0; i < *ndays; i++) {
		int y, m, d, weekday = (int)((*first_day + i + 4) % 7); /* 0 Sunday */
		demo_civil_from_days(*first_day + i, &y, &m, &d);
		w[i] = month_factor[m - 1] * (weekday == 0 ? 0.35 : weekday == 6 ? 0.5 : 1.0);
	}
}

static size_t demo_pick_day(struct rng *r, const double *cum, int n)
{
	double u = rng_uniform(r) * cum[n - 1];
	size_t lo = 0, hi = (size_t)n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cum[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int demo_make_postings(struct demo_ctx *c)
{
	int nyears = c->opt.last_year - c->opt.first_year + 1;
	long total = c->opt.postings, planned = 0, originals = 0, reposts, made = 0;
	struct demo_advert *ad = NULL;
	struct demo_candidates *cand = NULL;
	struct demo_candidates agency = {0, NULL, NULL};
	struct demo_advert_text text;
	struct rng r;
	long per_year[DEMO_MAX_YEARS];
	int last_day;
	int rc = 0;

	demo_text_init(&text);
	rng_seed_stream(&r, c->opt.seed, DEMO_STREAM_POSTINGS);
	if (total <= 0)
		return 0;

	/* yearly totals growing geometrically, summing exactly to total */
	{
		double wsum = 0, w[DEMO_MAX_YEARS];
		long given = 0;

		for (int k = 0; k < nyears; k++)
			wsum += (w[k] = pow(DEMO_GROWTH, k));
		for (int k = 0; k < nyears; k++) {
			per_year[k] = (long)floor((double)total * w[k] / wsum);
			given += per_year[k];
		}
		for (int k = nyears - 1; given < total; k = (k + nyears - 1) % nyears) {
			per_year[k]++;
			given++;
		}
	}
	for (int k = 0; k < nyears; k++)
		originals +=
			per_year[k] - (long)floor((double)per_year[k] * DEMO_REPOST_SHARE + 0.5);
	if (originals < 1)
		originals = total;
	reposts = total - originals;
	ad = xcalloc((size_t)total, sizeof(*ad));

	cand = xcalloc(demo_njobs, sizeof(*cand));
	for (size_t j = 0; j < demo_njobs; j++)
		demo_candidates_build(c, &demo_jobs[j], &cand[j]);
	/* labour-dispatch firms advertise shipyard and factory jobs too */
	agency.firm = xcalloc(c->nfirms ? c->nfirms : 1, sizeof(int));
	agency.weight = xcalloc(c->nfirms ? c->nfirms : 1, sizeof(double));
	for (size_t i = 0; i < c->nfirms; i++)
		if (strcmp(demo_industries[c->firms[i].industry].code, "7263") == 0) {
			agency.firm[agency.n] = (int)i;
			agency.weight[agency.n++] = pow((double)c->firms[i].employees, 0.6);
		}

	/* originals, year by year */
	last_day = (int)demo_days_from_civil(c->opt.last_year + 1, 1, 1) - 1;
	for (int k = 0; k < nyears; k++) {
		int year = c->opt.first_year + k, day0, ndays;
		double cum[366];
		const double *mix = demo_posting_cluster_mix[year < 2021   ? 0
							     : year > 2025 ? 4
									   : year - 2021];
		long n = per_year[k] - (long)floor((double)per_year[k] * DEMO_REPOST_SHARE + 0.5);

		demo_year_days(year, &day0, &ndays, cum);
		for (int i = 1; i < ndays; i++)
			cum[i] += cum[i - 1];
		for (long q = 0; q < n && planned < originals; q++) {
			struct demo_advert *a = &ad[planned];
			size_t cl = rng_weighted(&r, mix, DEMO_NCLUSTERS + 1);
			double w[256];
			size_t nj = demo_njobs < 256 ? demo_njobs : 256;
			const struct demo_candidates *cs;

			a->day = day0 + (int)demo_pick_day(&r, cum, ndays);
			for (size_t j = 0; j < nj; j++) {
				int jc = demo_cluster_index(demo_jobs[j].cluster);
				w[j] = (cl == DEMO_NCLUSTERS ? jc < 0 : jc == (int)cl)
					       ? demo_jobs[j].weight
					       : 0;
			}
			a->job = (int)rng_weighted(&r, w, nj);
			cs = &cand[a->job];
			if ((demo_jobs[a->job].flags & DEMO_JOB_AGENCY) && agency.n &&
			    rng_chance(&r, 0.1))
				cs = &agency;
			if (!cs->n || rng_chance(&r, DEMO_UNKNOWN_SHARE)) {
				int jc = demo_cluster_index(demo_jobs[a->job].cluster);
				a->firm = -1;
				a->county = (int)rng_weighted(
					&r, demo_county_mix[jc >= 0 ? jc : DEMO_NCLUSTERS],
					DEMO_NCOUNTIES);
			} else {
				size_t pick = rng_weighted(&r, cs->weight, cs->n);
				/* a firm founded later than the advert is unlikely: try again */
				for (int tries = 0;
				     tries < 4 && c->firms[cs->firm[pick]].founded > year; tries++)
					pick = rng_weighted(&r, cs->weight, cs->n);
				a->firm = cs->firm[pick];
				a->county = c->firms[a->firm].county;
			}
			a->orig = -1;
			a->plan = planned;
			a->seed = rng_next(&r);
			planned++;
		}
	}
	originals = planned;
	reposts = total - originals;

	/* reposts of earlier originals, 1-60 days later */
	for (long q = 0, tries = 0; q < reposts && tries < reposts * 50; tries++) {
		long o = (long)rng_below(&r, (uint64_t)originals);
		struct demo_advert *a, *orig = &ad[o];
		int offset;

		if (orig->nreposts >= DEMO_MAX_REPOSTS || orig->day >= last_day)
			continue;
		offset = rng_chance(&r, 0.7) ? (int)rng_range(&r, 1, 30)
					     : (int)rng_range(&r, 31, 60);
		if (orig->day + offset > last_day)
			offset = 1 + (int)rng_below(&r, (uint64_t)(last_day - orig->day));
		a = &ad[originals + q];
		*a = *orig;
		a->day = orig->day + offset;
		a->orig = (int)o;
		a->nreposts = 0;
		a->plan = originals + q;
		a->seed = rng_next(&r);
		orig->nreposts++;
		q++;
		planned++;
	}

	/* write in date order; pos[] maps a plan index to its sorted place so
	 * a repost finds its original (always on an earlier day) */
	{
		long *pos = xcalloc((size_t)planned, sizeof(long));
		struct demo_advert *sorted = xcalloc((size_t)planned, sizeof(*sorted));

		memcpy(sorted, ad, (size_t)planned * sizeof(*sorted));
		qsort(sorted, (size_t)planned, sizeof(*sorted), demo_cmp_advert);
		for (long i = 0; i < planned; i++)
			pos[sorted[i].plan] = i;
		for (long i = 0; i < planned; i++) {
			struct demo_advert *a = &sorted[i];
			const struct demo_advert *orig =
				a->orig >= 0 ? &sorted[pos[a->orig]] : NULL;
			const struct demo_job_def *job = &demo_jobs[a->job];
			struct store_stmt *st;
			char date[16];
			int y, m, d;

			if (orig)
				demo_repost_text(c, orig, a, &text);
			else
				demo_original_text(c, a, &text);
			demo_civil_from_days(a->day, &y, &m, &d);
			snprintf(date, sizeof(date), "%04d-%02d-%02d", y, m, d);
			st = store_prepare(c->s, Q_POSTING_INSERT, c->e);
			if (!st) {
				rc = c->e->code ? c->e->code : ERR_DB;
				break;
			}
			store_bindf(st, "tttttItttttIttI", demo_sites[text.site],
				    strbuf_str(&text.source_ref), date, strbuf_str(&text.title),
				    strbuf_str(&text.company),
				    a->firm >= 0 ? c->firms[a->firm].id : 0, text.division,
				    strbuf_str(&text.district), strbuf_str(&text.salary),
				    text.education, text.experience, (int64_t)text.headcount,
				    strbuf_str(&text.description), job->occupation,
				    orig ? orig->id : 0);
			demo_sum_str(c, date);
			demo_sum_str(c, strbuf_str(&text.title));
			demo_sum_str(c, strbuf_str(&text.company));
			demo_sum_str(c, strbuf_str(&text.salary));
			demo_sum_str(c, strbuf_str(&text.description));
			demo_sum_str(c, job->occupation);
			if ((rc = store_exec(st, c->e)))
				break;
			a->id = store_last_id(c->s);
			c->sum->postings++;
			if (orig)
				c->sum->posting_reposts++;
			if (++made % 5000 == 0)
				demo_progress(c, "postings", made, planned);
		}
		free(pos);
		free(sorted);
	}

	for (size_t j = 0; j < demo_njobs; j++) {
		free(cand[j].firm);
		free(cand[j].weight);
	}
	free(cand);
	free(agency.firm);
	free(agency.weight);
	free(ad);
	demo_text_release(&text);
	return rc;
}
