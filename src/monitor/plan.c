/* plan.c - every target of the plan, assessed from the stored data. See
 * plan.h. */
#include "monitor/plan.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"

static char *plan_dup(const char *s)
{
	return xstrdup(s ? s : "");
}

static void plan_item_release(struct plan_item *it)
{
	free(it->id);
	free(it->section);
	free(it->action_title);
	free(it->action_title_en);
	free(it->kind);
	free(it->cmp);
	free(it->unit);
	free(it->source);
	free(it->title);
	free(it->title_en);
	free(it->formula);
	for (size_t i = 0; i < it->ndepts; i++) {
		free(it->depts[i].code);
		free(it->depts[i].name);
		free(it->depts[i].name_en);
	}
	free(it->depts);
	target_result_release(&it->res);
	free(it->by_school);
	free(it->series);
	free(it->evidence);
	free(it->assessor);
	free(it->assessed_on);
}

void plan_status_release(struct plan_status *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		plan_item_release(&ps->items[i]);
	free(ps->items);
	memset(ps, 0, sizeof(*ps));
}

static int plan_depts(struct store *s, struct plan_item *it, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_PLAN_ACTION_DEPTS, e);
	int rc;

	if (!st)
		return e->code;
	store_bindf(st, "i", (int64_t)it->action);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		struct plan_dept *d;

		it->depts = xrealloc(it->depts, (it->ndepts + 1) * sizeof(*it->depts));
		d = &it->depts[it->ndepts++];
		d->code = plan_dup(store_col_text(st, 0));
		d->name = plan_dup(store_col_text(st, 1));
		d->name_en = plan_dup(store_col_text(st, 2));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static int plan_has_dept(const struct plan_item *it, const char *code)
{
	for (size_t i = 0; i < it->ndepts; i++)
		if (!strcmp(it->depts[i].code, code))
			return 1;
	return 0;
}

/* The name a count target's sentence uses: "市级重点专业", "city-level key
 * majors"; for the formulas of G1 and A6 what they count. */
static void plan_count_names(struct store *s, const struct plan_item *it, const char *level,
			     struct strbuf *zh, struct strbuf *en, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_REGISTRY_TYPE_GET, e);
	const char *lz = "", *le = "";
	char name[256] = "", name_en[256] = "";

	if (st) {
		store_bindf(st, "t", it->source);
		if (store_step(st, e) == STORE_ROW) {
			snprintf(name, sizeof(name), "%s", store_col_text(st, 0));
			snprintf(name_en, sizeof(name_en), "%s", store_col_text(st, 1));
		}
		store_reset(st);
	}
	if (!name[0]) {
		snprintf(name, sizeof(name), "%s", it->source);
		snprintf(name_en, sizeof(name_en), "%s", it->source);
	}
	name_en[0] = (char)tolower((unsigned char)name_en[0]);
	/* "市级重点专业", "浙江省现代化中职学校" say their level themselves */
	if (!strncmp(name, "市级", strlen("市级")) || !strncmp(name, "省级", strlen("省级")) ||
	    !strncmp(name, "浙江省", strlen("浙江省")) || !strncmp(name, "国家级", strlen("国家级")))
		level = NULL;
	if (level && !strcmp(level, "city"))
		lz = "市级", le = "city-level ";
	else if (level && !strcmp(level, "province"))
		lz = "省级及以上", le = "provincial or higher ";
	else if (level && !strcmp(level, "national"))
		lz = "国家级", le = "national ";
	if (strstr(it->formula, "distinct=cluster")) {
		strbuf_addf(zh, "%s%s覆盖的产业集群", lz, name);
		strbuf_addf(en, "number of clusters covered by %s%s", le, name_en);
	} else if (strstr(it->formula, "min_per=cluster")) {
		strbuf_addf(zh, "拥有%s%s最少的产业集群的数量", lz, name);
		strbuf_addf(en, "fewest %s%s of any cluster", le, name_en);
	} else {
		strbuf_addf(zh, "%s%s", lz, name);
		strbuf_addf(en, "%s%s", le, name_en);
	}
}

/* A manual target: the latest assessment of the year or before. */
static int plan_manual(struct store *s, struct plan_item *it, int year, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_MON_ASSESSMENT, e);
	struct strbuf zh = {0}, en = {0};
	enum target_status status = TARGET_NO_DATA;
	int rc;

	if (!st)
		return e->code;
	store_bindf(st, "ti", it->id, (int64_t)year);
	rc = store_step(st, e);
	if (rc == STORE_ROW) {
		struct err ignore;
		it->assessed_year = (int)store_col_int(st, 0);
		if (target_status_parse(store_col_text(st, 1), &status, &ignore) < 0)
			status = TARGET_NO_DATA;
		it->evidence = plan_dup(store_col_text(st, 2));
		it->assessor = plan_dup(store_col_text(st, 3));
		it->assessed_on = plan_dup(store_col_text(st, 4));
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	it->res.year = year;
	it->res.status = status;
	if (!it->assessed_year) {
		strbuf_addf(&zh, "尚无%d年及以前的评估结论。", year);
		strbuf_addf(&en, "No assessment for %d or earlier has been submitted.", year);
	} else {
		static const char *const zh_status[] = {"无数据", "已达成", "进展顺利", "存在风险",
							"严重滞后"};
		static const char *const en_status[] = {"no data", "achieved", "on track",
							"at risk", "off track"};
		if (it->assessed_year == year)
			strbuf_addf(&zh, "%d年评估结论为“%s”", year, zh_status[status]);
		else
			strbuf_addf(&zh, "%d年尚无评估，最近一次（%d年）评估结论为“%s”", year,
				    it->assessed_year, zh_status[status]);
		strbuf_addf(&zh, "（%s，%s）：%s", it->assessor, it->assessed_on, it->evidence);
		if (zh.len < 3 || strcmp(zh.buf + zh.len - 3, "。") != 0)
			strbuf_addstr(&zh, "。");
		if (it->assessed_year == year)
			strbuf_addf(&en, "Assessed %s for %d", en_status[status], year);
		else
			strbuf_addf(&en, "No assessment for %d; the latest (%d) found it %s", year,
				    it->assessed_year, en_status[status]);
		strbuf_addf(&en, " (%s, %s): %s", it->assessor, it->assessed_on, it->evidence);
		if (en.len && !strchr(".!?。", en.buf[en.len - 1]))
			strbuf_addch(&en, '.');
	}
	it->res.explanation_zh = strbuf_detach(&zh);
	it->res.explanation_en = strbuf_detach(&en);
	return 0;
}

/* The trend of a measured criterion, for charts: each year from the
 * baseline year (or the year asked, when earlier) to the year asked, with
 * the actual and trajectory of target_assess() for that year - the one
 * calculation the status comes from, never a second copy of the path. */
static int plan_series(struct plan_item *it, const struct target_def *def,
		       const struct target_point *points, size_t npoints, int year, struct err *e)
{
	int from = it->baseline_year < year ? it->baseline_year : year;

	it->series = xcalloc((size_t)(year - from + 1), sizeof(*it->series));
	for (int y = from; y <= year; y++) {
		struct plan_point *p = &it->series[it->nseries++];
		struct target_result r;
		int rc = target_assess(def, points, npoints, y, &r, e);

		if (rc < 0)
			return rc;
		p->year = y;
		p->has_actual = r.has_actual;
		p->actual = r.actual;
		p->has_trajectory = r.has_trajectory;
		p->trajectory = r.trajectory;
		target_result_release(&r);
	}
	return 0;
}

/* A rate or count target: its value each year from the baseline, assessed. */
static int plan_measured(struct monitor *m, struct plan_item *it, const char *level, int year,
			 struct err *e)
{
	struct store *s = monitor_store(m);
	const struct monitor_org *city = monitor_city(m);
	struct target_point *series = NULL;
	struct strbuf zh = {0}, en = {0}, formula = {0};
	struct expr *x = NULL;
	struct target_def def;
	size_t n = 0;
	int first = it->baseline_year < year - 1 ? it->baseline_year : year - 1, rc = 0;

	memset(&def, 0, sizeof(def));
	if (target_cmp_parse(it->cmp, &def.cmp, e) < 0)
		return e->code;
	def.value = it->target;
	def.unit = it->unit;
	def.baseline_year = it->baseline_year;
	def.deadline = it->deadline;
	if (!strcmp(it->kind, "rate")) {
		if ((rc = monitor_indicator(m, it->source, &it->ind, e)) < 0)
			return rc;
		def.kind = TARGET_KIND_RATE;
		def.name_zh = it->ind->name;
		def.name_en = it->ind->name_en;
		def.decimals = it->decimals = it->ind->decimals;
		strbuf_addstr(&formula, it->ind->num_text);
		if (it->ind->den_text)
			strbuf_addf(&formula, " / (%s)", it->ind->den_text);
		if (it->ind->scale != 1)
			strbuf_addf(&formula, " * %g", it->ind->scale);
		free(it->formula);
		it->formula = strbuf_detach(&formula);
	} else {
		if (!it->formula[0]) {
			strbuf_addf(&formula, "count(registry, type=%s, level=%s)", it->source,
				    level && *level ? level : "city");
			free(it->formula);
			it->formula = strbuf_detach(&formula);
		}
		if ((rc = expr_parse(it->formula, &x, e)) < 0)
			return err_wrap(e, _("target %s"), it->id);
		plan_count_names(s, it, level, &zh, &en, e);
		/* a formula's figure reads as a value, a plain count as items */
		def.kind = strchr(it->formula, '=') && (strstr(it->formula, "distinct=") ||
							strstr(it->formula, "min_per="))
				   ? TARGET_KIND_RATE
				   : TARGET_KIND_COUNT;
		def.name_zh = zh.buf;
		def.name_en = en.buf;
		def.decimals = it->decimals = 0;
	}
	series = xcalloc((size_t)(year - first + 1), sizeof(*series));
	for (int y = first; y <= year; y++) {
		struct monitor_value v;
		struct expr_value xv;

		if (it->ind) {
			if ((rc = monitor_value(m, it->ind, city, y, &v, e)) < 0)
				goto out;
			xv = v.value;
		} else if ((rc = monitor_eval(m, x, NULL, city, y, &xv, e)) < 0) {
			goto out;
		}
		if (xv.present)
			series[n++] = (struct target_point){y, xv.v};
	}
	/* the explanations come with the assessment */
	if ((rc = target_assess(&def, series, n, year, &it->res, e)) < 0 ||
	    (rc = plan_series(it, &def, series, n, year, e)) < 0)
		goto out;
	if (it->ind && it->ind->den)
		rc = monitor_by_school(m, it->ind, city, year,
				       def.cmp == TARGET_CMP_LE || def.cmp == TARGET_CMP_LT,
				       &it->by_school, &it->nby_school, e);
out:
	free(series);
	expr_free(x);
	strbuf_release(&zh);
	strbuf_release(&en);
	return rc < 0 ? rc : 0;
}

int monitor_plan_status(struct monitor *m, int year, int action, const char *unit,
			struct plan_status *out, struct err *e)
{
	struct store *s = monitor_store(m);
	struct store_stmt *st;
	char **levels = NULL;
	size_t cap = 0, nlevels;
	int rc;

	memset(out, 0, sizeof(*out));
	out->year = year;
	if (!(st = store_prepare(s, Q_PLAN_TARGET_LIST, e)))
		return e->code;
	/* Read the definitions first: assessing runs other queries. */
	while ((rc = store_step(st, e)) == STORE_ROW) {
		struct plan_item *it;

		if (action && store_col_int(st, PT_ACTION) != action)
			continue;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			out->items = xrealloc(out->items, cap * sizeof(*out->items));
			levels = xrealloc(levels, cap * sizeof(*levels));
		}
		it = &out->items[out->n];
		memset(it, 0, sizeof(*it));
		it->id = plan_dup(store_col_text(st, PT_ID));
		it->part = (int)store_col_int(st, PT_PART);
		it->section = plan_dup(store_col_text(st, PT_SECTION));
		it->action = (int)store_col_int(st, PT_ACTION);
		it->action_title = plan_dup(store_col_text(st, PT_ACTION_TITLE));
		it->action_title_en = plan_dup(store_col_text(st, PT_ACTION_TITLE_EN));
		it->kind = plan_dup(store_col_text(st, PT_KIND));
		it->cmp = plan_dup(store_col_text(st, PT_CMP));
		it->has_target = !store_col_is_null(st, PT_TARGET);
		it->target = store_col_double(st, PT_TARGET);
		it->unit = plan_dup(store_col_text(st, PT_UNIT));
		it->deadline = (int)store_col_int(st, PT_DEADLINE);
		it->baseline_year = (int)store_col_int(st, PT_BASELINE);
		it->source = plan_dup(store_col_text(st, PT_SOURCE));
		it->title = plan_dup(store_col_text(st, PT_TITLE));
		it->title_en = plan_dup(store_col_text(st, PT_TITLE_EN));
		it->formula = plan_dup(store_col_text(st, PT_FORMULA));
		levels[out->n] = plan_dup(store_col_text(st, PT_LEVEL));
		out->n++;
	}
	store_reset(st);
	nlevels = out->n;
	for (size_t i = 0; rc >= 0 && i < out->n; i++) {
		struct plan_item *it = &out->items[i];

		for (size_t j = 0; j < out->n; j++)
			it->nparts += !strcmp(out->items[j].id, it->id);
		if ((rc = plan_depts(s, it, e)) < 0)
			break;
		if (unit && !plan_has_dept(it, unit))
			continue;
		if (!strcmp(it->kind, "manual"))
			rc = plan_manual(s, it, year, e);
		else
			rc = plan_measured(m, it, levels[i], year, e);
		if (rc < 0)
			err_wrap(e, _("target %s"), it->id);
	}
	/* Drop the targets of other departments. */
	if (rc >= 0 && unit) {
		size_t k = 0;
		for (size_t i = 0; i < out->n; i++) {
			if (plan_has_dept(&out->items[i], unit))
				out->items[k++] = out->items[i];
			else
				plan_item_release(&out->items[i]);
		}
		out->n = k;
	}
	/* by action, each action's criteria in the plan's order (insertion
	 * sort: stable, and the plan has a few dozen) */
	for (size_t i = 1; rc >= 0 && i < out->n; i++)
		for (size_t j = i; j > 0 && out->items[j - 1].action > out->items[j].action; j--) {
			struct plan_item tmp = out->items[j];
			out->items[j] = out->items[j - 1];
			out->items[j - 1] = tmp;
		}
	for (size_t i = 0; i < nlevels; i++)
		free(levels[i]);
	free(levels);
	if (rc < 0) {
		plan_status_release(out);
		return rc;
	}
	return 0;
}
