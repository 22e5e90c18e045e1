/* talent.c - supply, demand and the advice on majors (see talent.h). */
#include "monitor/talent.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/queries.h"

struct talent_rules {
	double min_supply, min_demand, min_graduates;
	double dest_below;
	int reduce_years, stop_years;
	double small_below;
	int small_years;
	double expand_ratio;
	int expand_years;
	double reduce_ratio;
	int reduce_ratio_years;
};

/* ---- the rules ---------------------------------------------------------------- */

static int rule_num(json_t *o, const char *rule, const char *key, double *out, struct err *e)
{
	json_t *v = json_object_get(json_object_get(o, rule), key);

	if (!v)
		return 0;
	if (!json_is_number(v) || json_number_value(v) < 0)
		return err_set(e, ERR_INPUT, "rules.%s.%s must be a number >= 0", rule, key);
	*out = json_number_value(v);
	return 0;
}

static int rule_years(json_t *o, const char *rule, int *out, struct err *e)
{
	double y = *out;
	int rc = rule_num(o, rule, "years", &y, e);

	if (rc == 0 && (y < 1 || y > TALENT_YEARS || y != floor(y)))
		return err_set(e, ERR_INPUT, "rules.%s.years must be 1 to %d", rule, TALENT_YEARS);
	*out = (int)y;
	return rc;
}

int talent_rules_load(const char *path, struct talent_rules **out, struct err *e)
{
	struct talent_rules *r = xcalloc(1, sizeof(*r));
	json_error_t je;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je), *rules;
	int rc = 0;

	*out = NULL;
	*r = (struct talent_rules){10, 5, 10, 60, 2, 3, 30, 3, 1.5, 2, 0.8, 2};
	if (!doc) {
		free(r);
		return err_set_at(e, ERR_INPUT, path, (size_t)je.line, (size_t)je.column, "%s",
				  je.text);
	}
	rules = json_object_get(doc, "rules");
	if ((json_object_get(doc, "min_supply") &&
	     !json_is_number(json_object_get(doc, "min_supply"))) ||
	    (json_object_get(doc, "min_demand") &&
	     !json_is_number(json_object_get(doc, "min_demand"))))
		rc = err_set(e, ERR_INPUT, "min_supply and min_demand must be numbers");
	if (!rc) {
		if (json_object_get(doc, "min_supply"))
			r->min_supply = json_number_value(json_object_get(doc, "min_supply"));
		if (json_object_get(doc, "min_demand"))
			r->min_demand = json_number_value(json_object_get(doc, "min_demand"));
		if (json_object_get(doc, "min_graduates"))
			r->min_graduates = json_number_value(json_object_get(doc, "min_graduates"));
	}
	if (!rc && !json_is_object(rules))
		rc = err_set(e, ERR_INPUT, "the file needs a 'rules' object");
	if (!rc)
		(void)((rc = rule_num(rules, "reduce_destination", "below", &r->dest_below, e)) < 0 ||
	     (rc = rule_years(rules, "reduce_destination", &r->reduce_years, e)) < 0 ||
	     (rc = rule_years(rules, "stop_destination", &r->stop_years, e)) < 0 ||
	     (rc = rule_num(rules, "small_enrolment", "below", &r->small_below, e)) < 0 ||
	     (rc = rule_years(rules, "small_enrolment", &r->small_years, e)) < 0 ||
	     (rc = rule_num(rules, "expand_demand", "ratio_at_least", &r->expand_ratio, e)) < 0 ||
	     (rc = rule_years(rules, "expand_demand", &r->expand_years, e)) < 0 ||
	     (rc = rule_num(rules, "reduce_demand", "ratio_below", &r->reduce_ratio, e)) < 0 ||
	     (rc = rule_years(rules, "reduce_demand", &r->reduce_ratio_years, e)) < 0);
	json_decref(doc);
	if (rc < 0) {
		free(r);
		return err_wrap(e, "%s", path);
	}
	*out = r;
	return 0;
}

void talent_rules_free(struct talent_rules *r)
{
	free(r);
}

/* ---- the figures ---------------------------------------------------------------- */

/* A school's major: new entrants, graduates and unplaced graduates by
 * year ([0] the year). */
struct school_major {
	char school[32], school_name[128], major[16];
	double enrol[TALENT_YEARS], entrants[TALENT_YEARS], grads[TALENT_YEARS];
	double unplaced[TALENT_YEARS], studying[TALENT_YEARS];
};

struct talent_data {
	struct talent_major *majors;
	size_t nmajors;
	struct school_major *sm;
	size_t nsm;
};

static void figures_blank(struct talent_figures *f)
{
	f->enrolment = f->new_entrants = f->graduates = f->supply = NAN;
	f->destination_rate = f->demand = f->ratio = NAN;
	f->reliable = 0;
}

static struct talent_major *major_at(struct talent_data *d, const char *code)
{
	for (size_t i = 0; i < d->nmajors; i++)
		if (!strcmp(d->majors[i].code, code))
			return &d->majors[i];
	d->majors = xrealloc(d->majors, (d->nmajors + 1) * sizeof(*d->majors));
	memset(&d->majors[d->nmajors], 0, sizeof(*d->majors));
	snprintf(d->majors[d->nmajors].code, sizeof(d->majors[0].code), "%s", code);
	for (int y = 0; y < TALENT_YEARS; y++)
		figures_blank(&d->majors[d->nmajors].y[y]);
	return &d->majors[d->nmajors++];
}

static struct school_major *sm_at(struct talent_data *d, const char *school, const char *name,
				  const char *major)
{
	for (size_t i = 0; i < d->nsm; i++)
		if (!strcmp(d->sm[i].school, school) && !strcmp(d->sm[i].major, major))
			return &d->sm[i];
	d->sm = xrealloc(d->sm, (d->nsm + 1) * sizeof(*d->sm));
	memset(&d->sm[d->nsm], 0, sizeof(*d->sm));
	snprintf(d->sm[d->nsm].school, sizeof(d->sm[0].school), "%s", school);
	snprintf(d->sm[d->nsm].school_name, sizeof(d->sm[0].school_name), "%s", name);
	snprintf(d->sm[d->nsm].major, sizeof(d->sm[0].major), "%s", major);
	for (int y = 0; y < TALENT_YEARS; y++)
		d->sm[d->nsm].enrol[y] = d->sm[d->nsm].entrants[y] = d->sm[d->nsm].grads[y] = NAN;
	return &d->sm[d->nsm++];
}

static double add(double a, double b)
{
	return isnan(a) ? b : a + b;
}

/* The schools' by-major statistics of the three years. */
static int load_stats(struct store *s, int year, struct talent_data *d, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_TALENT_STATS, e);
	int rc;

	if (!st)
		return e->code;
	store_bindf(st, "ii", (int64_t)(year - TALENT_YEARS + 1), (int64_t)year);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		int y = year - (int)store_col_int(st, 2);
		const char *el = store_col_text(st, 3), *dims = store_col_text(st, 4);
		const char *maj = strstr(dims, "major="), *dest = strstr(dims, "destination=");
		double v = store_col_double(st, 5);
		struct school_major *m;

		if (!maj || y < 0 || y >= TALENT_YEARS)
			continue;
		m = sm_at(d, store_col_text(st, 0), store_col_text(st, 1), maj + 6);
		if (!strcmp(el, "enrolment") && !dest)
			m->enrol[y] = v;
		else if (!strcmp(el, "new_entrants") && !dest)
			m->entrants[y] = v;
		else if (!strcmp(el, "graduates") && !dest)
			m->grads[y] = v;
		else if (!strcmp(el, "graduates") && !strncmp(dest + 12, "未就业;", strlen("未就业;")))
			m->unplaced[y] += v;
		else if (!strcmp(el, "graduates") && !strncmp(dest + 12, "升学", strlen("升学")))
			m->studying[y] += v;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* The survey demand of the three years, shared among majors. */
struct xwalk {
	char level[16], major[16], occ[16];
};

/* A survey row's education against a crosswalk entry's major level: 中职
 * for 中职, 高职 for 高职专科, 本科 for 职业本科, 不限 any vocational level
 * (普通本科 majors are not the schools' to supply). */
static int level_matches(const char *edu, const char *level)
{
	if (!strcmp(level, "普通本科"))
		return 0;
	if (!strcmp(edu, "不限"))
		return 1;
	return (!strcmp(edu, "中职") && !strcmp(level, "中职")) ||
	       (!strcmp(edu, "高职") && !strcmp(level, "高职专科")) ||
	       (!strcmp(edu, "本科") && !strcmp(level, "职业本科"));
}

static int load_demand(struct store *s, int year, struct talent_data *d, struct err *e)
{
	struct store_stmt *st;
	struct xwalk *xw = NULL;
	size_t nxw = 0;
	int rc;

	if (!(st = store_prepare(s, Q_TALENT_CROSSWALK, e)))
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		xw = xrealloc(xw, (nxw + 1) * sizeof(*xw));
		snprintf(xw[nxw].level, sizeof(xw->level), "%s", store_col_text(st, 0));
		snprintf(xw[nxw].major, sizeof(xw->major), "%s", store_col_text(st, 1));
		snprintf(xw[nxw].occ, sizeof(xw->occ), "%s", store_col_text(st, 2));
		nxw++;
	}
	store_reset(st);
	if (rc < 0 || !(st = store_prepare(s, Q_TALENT_DEMAND, e))) {
		free(xw);
		return rc < 0 ? rc : e->code;
	}
	store_bindf(st, "ii", (int64_t)(year - TALENT_YEARS + 1), (int64_t)year);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		int y = year - (int)store_col_int(st, 0);
		const char *occ = store_col_text(st, 1), *maj = store_col_text(st, 2);
		const char *edu = store_col_text(st, 3);
		double head = store_col_double(st, 4);
		size_t k = 0;

		if (y < 0 || y >= TALENT_YEARS)
			continue;
		if (maj && *maj) {
			struct talent_major *t = major_at(d, maj);

			t->y[y].demand = add(t->y[y].demand, head);
			continue;
		}
		if (!occ || !*occ)
			continue;
		/* the majors of the occupation at the row's level, sharing it */
		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = 0; i < nxw; i++) {
				if (strcmp(xw[i].occ, occ) || !level_matches(edu, xw[i].level))
					continue;
				if (pass == 0) {
					k++;
				} else {
					struct talent_major *t = major_at(d, xw[i].major);

					t->y[y].demand = add(t->y[y].demand, head / (double)k);
				}
			}
			if (!k)
				break;
		}
	}
	store_reset(st);
	free(xw);
	return rc < 0 ? rc : 0;
}

static int load_names(struct store *s, struct talent_data *d, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_TALENT_MAJOR_INFO, e);
	int rc;

	if (!st)
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		const char *code = store_col_text(st, 0);

		for (size_t i = 0; i < d->nmajors; i++) {
			struct talent_major *t = &d->majors[i];

			if (strcmp(t->code, code))
				continue;
			snprintf(t->name, sizeof(t->name), "%s", store_col_text(st, 1));
			snprintf(t->level, sizeof(t->level), "%s", store_col_text(st, 2));
			snprintf(t->cluster, sizeof(t->cluster), "%s",
				 store_col_is_null(st, 3) ? "" : store_col_text(st, 3));
			snprintf(t->cluster_name, sizeof(t->cluster_name), "%s",
				 store_col_is_null(st, 4) ? "" : store_col_text(st, 4));
		}
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static int major_cmp(const void *a, const void *b)
{
	return strcmp(((const struct talent_major *)a)->code, ((const struct talent_major *)b)->code);
}

static int talent_load(struct store *s, const struct talent_rules *r, int year,
		       struct talent_data *d, struct err *e)
{
	int rc;

	memset(d, 0, sizeof(*d));
	if ((rc = load_stats(s, year, d, e)) < 0 || (rc = load_demand(s, year, d, e)) < 0)
		return rc;
	/* the schools' figures summed per major */
	for (size_t i = 0; i < d->nsm; i++) {
		const struct school_major *m = &d->sm[i];
		struct talent_major *t = major_at(d, m->major);

		for (int y = 0; y < TALENT_YEARS; y++) {
			struct talent_figures *f = &t->y[y];

			f->enrolment = isnan(m->enrol[y]) ? f->enrolment : add(f->enrolment, m->enrol[y]);
			f->new_entrants = isnan(m->entrants[y]) ? f->new_entrants
								 : add(f->new_entrants, m->entrants[y]);
			if (!isnan(m->grads[y])) {
				f->graduates = add(f->graduates, m->grads[y]);
				f->supply = add(f->supply, m->grads[y] - m->studying[y]);
				/* the unplaced, kept in destination_rate until the end */
				f->destination_rate = add(f->destination_rate, m->unplaced[y]);
			}
			if (y == 0 && m->enrol[0] > 0)
				t->nschools++;
		}
	}
	for (size_t i = 0; i < d->nmajors; i++) {
		struct talent_major *t = &d->majors[i];

		for (int y = 0; y < TALENT_YEARS; y++) {
			struct talent_figures *f = &t->y[y];

			f->destination_rate = f->graduates > 0
						      ? 100 * (f->graduates - f->destination_rate) /
							    f->graduates
						      : NAN;
			f->ratio = f->supply > 0 && !isnan(f->demand) ? f->demand / f->supply : NAN;
			f->reliable = f->supply >= r->min_supply && f->demand >= r->min_demand;
		}
		t->growth = t->y[1].demand > 0 && !isnan(t->y[0].demand)
				    ? (t->y[0].demand - t->y[1].demand) / t->y[1].demand
				    : NAN;
	}
	if (d->nmajors) /* a year without data: none to sort (and no array) */
		qsort(d->majors, d->nmajors, sizeof(*d->majors), major_cmp);
	return load_names(s, d, e);
}

int talent_supply_demand(struct store *s, const struct talent_rules *r, int year,
			 struct talent_major **out, size_t *n, struct err *e)
{
	struct talent_data d;
	int rc = talent_load(s, r, year, &d, e);

	free(d.sm);
	if (rc < 0) {
		free(d.majors);
		*out = NULL;
		*n = 0;
		return rc;
	}
	*out = d.majors;
	*n = d.nmajors;
	return 0;
}

/* ---- the advice ------------------------------------------------------------------------ */

enum action { A_STOP, A_REDUCE, A_MERGE, A_EXPAND, A_ADD };
static const char *const action_key[] = {"stop", "reduce", "merge", "expand", "add"};
static const char *const action_zh[] = {"建议停招", "建议调减招生计划", "建议合并或调整",
					"建议扩大招生", "建议增设"};

static json_t *evidence(int year, const char *figure, double v, double threshold)
{
	return json_pack("{s:i, s:s, s:o, s:f}", "year", year, "figure", figure, "value",
			 isnan(v) ? json_null() : json_real(v), "threshold", threshold);
}

/* "2024年55.0%、2025年52.3%" and "55.0 % in 2024, 52.3 % in 2025" of n years
 * (unit "人" is Chinese only). */
static void series_text(const double *v, int n, int year, const char *unit, int places,
			char *zh, char *en, size_t size)
{
	size_t a = 0, b = 0;

	zh[0] = en[0] = '\0';
	for (int k = n - 1; k >= 0 && a < size && b < size; k--) {
		a += (size_t)snprintf(zh + a, size - a, "%s%d年%.*f%s", k == n - 1 ? "" : "、",
				      year - k, places, v[k], unit);
		b += (size_t)snprintf(en + b, size - b, "%s%.*f%s in %d", k == n - 1 ? "" : ", ",
				      places, v[k], !strcmp(unit, "%") ? " %" : "", year - k);
	}
}

static void push(json_t *list, enum action a, const char *rule, const struct school_major *sm,
		 const struct talent_major *t, const char *zh, const char *en, json_t *ev)
{
	json_t *x = json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:s, s:o}", "action",
			      action_key[a], "rule", rule, "school",
			      sm ? json_string(sm->school) : json_null(), "school_name",
			      sm ? json_string(sm->school_name) : json_null(), "major", t->code,
			      "major_name", t->name, "sentence", zh, "sentence_en", en, "evidence", ev);

	json_object_set_new(x, "order", json_integer(a));
	json_array_append_new(list, x);
}

static int advice_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t ox = json_integer_value(json_object_get(x, "order"));
	json_int_t oy = json_integer_value(json_object_get(y, "order"));
	int c = strcmp(json_string_value(json_object_get(x, "major")),
		       json_string_value(json_object_get(y, "major")));
	const char *sx = json_string_value(json_object_get(x, "school"));
	const char *sy = json_string_value(json_object_get(y, "school"));

	if (ox != oy)
		return ox < oy ? -1 : 1;
	if (c)
		return c;
	return strcmp(sx ? sx : "", sy ? sy : "");
}

/* A school's major: destination rate and enrolment rules. */
static void advise_school(const struct talent_rules *r, int year, const struct school_major *m,
			  const struct talent_major *t, json_t *list)
{
	double rate[TALENT_YEARS];
	int low = 0, small = 0;
	char zh[1024], en[1024], szh[256], sen[256];

	if (!(m->enrol[0] > 0))
		return; /* not offered this year */
	for (int y = 0; y < TALENT_YEARS; y++) {
		rate[y] = m->grads[y] >= r->min_graduates
				  ? 100 * (m->grads[y] - m->unplaced[y]) / m->grads[y]
				  : NAN;
		if (low == y && rate[y] < r->dest_below)
			low++;
		if (small == y && m->entrants[y] < r->small_below)
			small++;
	}
	if (low >= r->stop_years || low >= r->reduce_years) {
		enum action a = low >= r->stop_years ? A_STOP : A_REDUCE;
		int n = a == A_STOP ? r->stop_years : r->reduce_years;
		json_t *ev = json_array();

		for (int y = n - 1; y >= 0; y--)
			json_array_append_new(ev, evidence(year - y, "destination_rate", rate[y],
							   r->dest_below));
		series_text(rate, n, year, "%", 1, szh, sen, sizeof(szh));
		snprintf(zh, sizeof(zh), "%s%s专业毕业去向落实率连续%d年低于%g%%（%s），%s",
			 m->school_name, t->name, n, r->dest_below, szh, action_zh[a]);
		snprintf(en, sizeof(en),
			 "%s, %s: destination rate below %g %% %d years running (%s): %s",
			 m->school, t->code, r->dest_below, n, sen,
			 a == A_STOP ? "suspend enrolment" : "reduce enrolment");
		push(list, a, a == A_STOP ? "stop_destination" : "reduce_destination", m, t, zh, en,
		     ev);
	}
	if (small >= r->small_years) {
		json_t *ev = json_array();

		for (int y = r->small_years - 1; y >= 0; y--)
			json_array_append_new(ev, evidence(year - y, "new_entrants", m->entrants[y],
							   r->small_below));
		series_text(m->entrants, r->small_years, year, "人", 0, szh, sen, sizeof(szh));
		snprintf(zh, sizeof(zh), "%s%s专业招生连续%d年少于%g人（%s），%s", m->school_name,
			 t->name, r->small_years, r->small_below, szh, action_zh[A_MERGE]);
		snprintf(en, sizeof(en),
			 "%s, %s: fewer than %g new entrants %d years running (%s): merge or adjust",
			 m->school, t->code, r->small_below, r->small_years, sen);
		push(list, A_MERGE, "small_enrolment", m, t, zh, en, ev);
	}
}

/* A major city-wide: demand/supply rules, on reliable figures only. */
static void advise_city(const struct talent_rules *r, int year, const struct talent_major *t,
			json_t *list)
{
	double ratio[TALENT_YEARS];
	int high = 0, lowr = 0;
	char zh[1024], en[1024], szh[256], sen[256];

	for (int y = 0; y < TALENT_YEARS; y++) {
		ratio[y] = t->y[y].reliable ? t->y[y].ratio : NAN;
		if (high == y && ratio[y] >= r->expand_ratio)
			high++;
		if (lowr == y && ratio[y] < r->reduce_ratio)
			lowr++;
	}
	if (high >= r->expand_years && !(t->growth < 0)) {
		enum action a = t->nschools ? A_EXPAND : A_ADD;
		json_t *ev = json_array();

		for (int y = r->expand_years - 1; y >= 0; y--)
			json_array_append_new(ev, evidence(year - y, "demand_supply_ratio", ratio[y],
							   r->expand_ratio));
		series_text(ratio, r->expand_years, year, "", 2, szh, sen, sizeof(szh));
		snprintf(zh, sizeof(zh), "%s专业企业调查需求与毕业生供给之比连续%d年不低于%g（%s），需求%s，%s",
			 t->name, r->expand_years, r->expand_ratio, szh,
			 isnan(t->growth) ? "持平" : t->growth > 0 ? "增长" : "持平",
			 t->nschools ? action_zh[A_EXPAND] : "全市尚无学校开设，建议增设");
		snprintf(en, sizeof(en), "%s: survey demand/supply at least %g %d years running (%s): %s",
			 t->code, r->expand_ratio, r->expand_years, sen,
			 t->nschools ? "expand enrolment" : "no school offers it: add it");
		push(list, a, "expand_demand", NULL, t, zh, en, ev);
	}
	/* demanded, and no school supplies it: add */
	if (!t->nschools && !(high >= r->expand_years)) {
		int wanted = 0;

		while (wanted < r->expand_years && !(t->y[wanted].supply > 0) &&
		       t->y[wanted].demand >= r->min_demand)
			wanted++;
		if (wanted >= r->expand_years) {
			double dem[TALENT_YEARS];
			json_t *ev = json_array();

			for (int y = 0; y < TALENT_YEARS; y++)
				dem[y] = t->y[y].demand;
			for (int y = r->expand_years - 1; y >= 0; y--)
				json_array_append_new(ev, evidence(year - y, "demand", dem[y],
								   r->min_demand));
			series_text(dem, r->expand_years, year, "人", 0, szh, sen, sizeof(szh));
			snprintf(zh, sizeof(zh),
				 "%s专业连续%d年有企业调查需求（%s）而全市尚无学校开设、无毕业生供给，%s",
				 t->name, r->expand_years, szh, action_zh[A_ADD]);
			snprintf(en, sizeof(en),
				 "%s: surveyed demand %d years running (%s) and no school supplies it: "
				 "add it",
				 t->code, r->expand_years, sen);
			push(list, A_ADD, "add_unsupplied", NULL, t, zh, en, ev);
		}
	}
	if (lowr >= r->reduce_ratio_years && t->nschools) {
		json_t *ev = json_array();

		for (int y = r->reduce_ratio_years - 1; y >= 0; y--)
			json_array_append_new(ev, evidence(year - y, "demand_supply_ratio", ratio[y],
							   r->reduce_ratio));
		series_text(ratio, r->reduce_ratio_years, year, "", 2, szh, sen, sizeof(szh));
		snprintf(zh, sizeof(zh), "%s专业企业调查需求与毕业生供给之比连续%d年低于%g（%s），%s", t->name,
			 r->reduce_ratio_years, r->reduce_ratio, szh, action_zh[A_REDUCE]);
		snprintf(en, sizeof(en), "%s: survey demand/supply below %g %d years running (%s): reduce enrolment",
			 t->code, r->reduce_ratio, r->reduce_ratio_years, sen);
		push(list, A_REDUCE, "reduce_demand", NULL, t, zh, en, ev);
	}
}

int talent_advice(struct store *s, const struct talent_rules *r, int year, json_t **out,
		  struct err *e)
{
	struct talent_data d;
	json_t *list;
	size_t n;
	json_t **items;
	int rc;

	*out = NULL;
	if ((rc = talent_load(s, r, year, &d, e)) < 0)
		goto done;
	list = json_array();
	for (size_t i = 0; i < d.nsm; i++)
		for (size_t k = 0; k < d.nmajors; k++)
			if (!strcmp(d.majors[k].code, d.sm[i].major))
				advise_school(r, year, &d.sm[i], &d.majors[k], list);
	for (size_t k = 0; k < d.nmajors; k++)
		advise_city(r, year, &d.majors[k], list);
	/* in a stable order: action, major, school */
	n = json_array_size(list);
	items = xcalloc(n + 1, sizeof(*items));
	for (size_t i = 0; i < n; i++)
		items[i] = json_incref(json_array_get(list, i));
	qsort(items, n, sizeof(*items), advice_cmp);
	json_array_clear(list);
	for (size_t i = 0; i < n; i++) {
		json_object_del(items[i], "order");
		json_array_append_new(list, items[i]);
	}
	free(items);
	*out = list;
done:
	free(d.majors);
	free(d.sm);
	return rc;
}
