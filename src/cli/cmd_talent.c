/* cmd_talent.c - `tvet talent supply|recommend`: the industry talent
 * platform's supply and demand by major (monitor/talent.h) and the advice
 * on majors (停、减、整、增) with its evidence. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/forecast.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "monitor/talent.h"
#include "talent/classify.h"

static void talent_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet talent supply [--year Y] [--cluster CODE] [--major CODE]\n"
		  "                          [--format table|json|csv]\n"
		  "       tvet talent recommend [--year Y] [--rules FILE] [--format table|json|csv]\n"
		  "       tvet talent forecast [--year Y] [--cluster CODE | --major CODE]\n"
		  "                            [--of demand|supply] [--format table|json|csv]\n"
		  "       tvet talent train [--model FILE]\n"
		  "       tvet talent evaluate [--format table|json|csv]\n"
		  "       tvet talent classify --text TEXT [--title TITLE] [--model FILE]\n"
		  "                            [--format table|json|csv]\n"
		  "supply: for every major with graduates or demand, city-wide: enrolment,\n"
		  "new entrants, graduates, the graduates entering the labour market (supply),\n"
		  "the destination rate, the demand of the enterprises' surveys (shared over\n"
		  "the crosswalk's majors) and demand / supply, marked unreliable on too few.\n"
		  "recommend: the advice on majors - stop, reduce, merge, expand, add - by the\n"
		  "rules of data/talent/advice.json, each with its evidence (docs/talent.md).\n"
		  "forecast: demand (or supply) of every cluster, or of one cluster or major,\n"
		  "1-3 years ahead from the years up to Y: naive, drift, damped Holt or\n"
		  "GM(1,1), chosen by rolling-origin MASE, with 80%% and 95%% intervals\n"
		  "(shown from 0: these are counts).\n"
		  "train: a model that codes postings to occupations (大典 细类) from the\n"
		  "labelled postings, kept in FILE (default: the database's path + .model).\n"
		  "evaluate: train on part of the labelled postings and measure on the rest,\n"
		  "split by distinct title: top-1/top-3 accuracy and macro-F1 at 细类, 小类, 中类.\n"
		  "classify: a posting's occupation candidates with their scores.\n"));
}

static int talent_supply(struct store *s, const struct talent_rules *r, int year,
			 const char *cluster, const char *major, enum out_format fmt, struct err *e)
{
	static const struct out_col cols[] = {
		{"major", N_("Major"), OUT_TEXT},	  {"name", N_("Name"), OUT_TEXT},
		{"level", N_("Level"), OUT_TEXT},	  {"cluster", N_("Cluster"), OUT_TEXT},
		{"schools", N_("Schools"), OUT_INT},	  {"enrolment", N_("Enrolment"), OUT_REAL},
		{"new_entrants", N_("Entrants"), OUT_REAL}, {"graduates", N_("Graduates"), OUT_REAL},
		{"supply", N_("Supply"), OUT_REAL},	  {"destination_rate", N_("Placed, per cent"), OUT_REAL},
		{"demand", N_("Demand"), OUT_REAL},	  {"ratio", N_("Demand/supply"), OUT_REAL},
		{"demand_growth", N_("Demand growth, per cent"), OUT_REAL},
		{"reliable", N_("Reliable"), OUT_BOOL},
	};
	struct talent_major *m;
	struct out_table t;
	size_t n;
	int rc;

	if ((rc = talent_supply_demand(s, r, year, &m, &n, e)) < 0)
		return rc;
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < n; i++) {
		const struct talent_figures *f = &m[i].y[0];
		char sch[16], v[8][32];
		const char *row[14];

		if ((cluster && strcmp(m[i].cluster, cluster)) || (major && strcmp(m[i].code, major)))
			continue;
		if (isnan(f->graduates) && isnan(f->demand) && isnan(f->enrolment))
			continue;
		snprintf(sch, sizeof(sch), "%d", m[i].nschools);
		cli_num(v[0], sizeof(v[0]), f->enrolment, 0);
		cli_num(v[1], sizeof(v[1]), f->new_entrants, 0);
		cli_num(v[2], sizeof(v[2]), f->graduates, 0);
		cli_num(v[3], sizeof(v[3]), f->supply, 0);
		cli_num(v[4], sizeof(v[4]), f->destination_rate, 1);
		cli_num(v[5], sizeof(v[5]), f->demand, 1);
		cli_num(v[6], sizeof(v[6]), f->ratio, 2);
		cli_num(v[7], sizeof(v[7]), 100 * m[i].growth, 1);
		row[0] = m[i].code;
		row[1] = m[i].name;
		row[2] = m[i].level;
		row[3] = m[i].cluster[0] ? (i18n_is_chinese() ? m[i].cluster_name : m[i].cluster) : NULL;
		row[4] = sch;
		for (int k = 0; k < 8; k++)
			row[5 + k] = v[k][0] ? v[k] : NULL;
		row[13] = f->reliable ? "1" : "0";
		out_table_add(&t, row);
	}
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	free(m);
	return 0;
}

static int talent_recommend(struct store *s, const struct talent_rules *r, int year,
			    enum out_format fmt, struct err *e)
{
	static const struct out_col cols[] = {
		{"action", N_("Action"), OUT_TEXT},	{"rule", N_("Rule"), OUT_TEXT},
		{"school", N_("School"), OUT_TEXT},	{"major", N_("Major"), OUT_TEXT},
		{"major_name", N_("Name"), OUT_TEXT}, {"advice", N_("Advice"), OUT_TEXT},
	};
	struct out_table t;
	json_t *list, *x;
	size_t i;
	int rc;

	if ((rc = talent_advice(s, r, year, &list, e)) < 0)
		return rc;
	if (fmt == OUT_JSON) {
		json_dumpf(list, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
		fputc('\n', stdout);
		json_decref(list);
		return 0;
	}
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	json_array_foreach(list, i, x) {
		const char *row[6];

		row[0] = json_string_value(json_object_get(x, "action"));
		row[1] = json_string_value(json_object_get(x, "rule"));
		row[2] = json_string_value(json_object_get(x, "school"));
		row[3] = json_string_value(json_object_get(x, "major"));
		row[4] = json_string_value(json_object_get(x, "major_name"));
		row[5] = json_string_value(json_object_get(x, i18n_is_chinese() || fmt != OUT_TABLE
									  ? "sentence"
									  : "sentence_en"));
		out_table_add(&t, row);
	}
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	json_decref(list);
	return 0;
}

/* ---- forecasts --------------------------------------------------------------- */

#define FC_FIRST_YEAR 2000

/* One series to forecast: a cluster's or a major's demand or supply by
 * year, FC_FIRST_YEAR.. year, NAN where no value. */
struct fc_series {
	char key[32], name[128];
	double *v;
};

/* The series of every cluster (or the one cluster / major asked). */
static int fc_collect(struct store *s, const struct talent_rules *r, int from, int year,
		      const char *cluster, const char *major, int supply, struct fc_series **out,
		      size_t *nout, struct err *e)
{
	size_t years = (size_t)(year - from + 1);
	int rc = 0;

	*out = NULL;
	*nout = 0;
	for (int y = from; y <= year && !rc; y++) {
		struct talent_major *m;
		size_t n;

		if ((rc = talent_supply_demand(s, r, y, &m, &n, e)) < 0)
			break;
		for (size_t i = 0; i < n; i++) {
			const char *key = major ? m[i].code : m[i].cluster;
			double v = supply ? m[i].y[0].supply : m[i].y[0].demand;
			struct fc_series *x = NULL;

			if (!*key || (major && strcmp(key, major)) || (cluster && strcmp(key, cluster)) ||
			    isnan(v))
				continue;
			for (size_t k = 0; k < *nout && !x; k++)
				if (!strcmp((*out)[k].key, key))
					x = &(*out)[k];
			if (!x) {
				*out = xrealloc(*out, (*nout + 1) * sizeof(**out));
				x = &(*out)[(*nout)++];
				snprintf(x->key, sizeof(x->key), "%s", key);
				snprintf(x->name, sizeof(x->name), "%s",
					 major ? m[i].name
					       : (i18n_is_chinese() ? m[i].cluster_name : m[i].cluster));
				x->v = xmalloc(years * sizeof(double));
				for (size_t k = 0; k < years; k++)
					x->v[k] = NAN;
			}
			x->v[y - from] = isnan(x->v[y - from]) ? v : x->v[y - from] + v;
		}
		free(m);
	}
	return rc;
}

static int talent_forecast(struct store *s, const struct talent_rules *r, int year,
			   const char *cluster, const char *major, int supply, enum out_format fmt,
			   struct err *e)
{
	static const struct out_col cols[] = {
		{"series", N_("Series"), OUT_TEXT},	{"name", N_("Name"), OUT_TEXT},
		{"method", N_("Method"), OUT_TEXT},	{"mase", N_("MASE"), OUT_REAL},
		{"last_year", N_("Last year"), OUT_INT}, {"last", N_("Last value"), OUT_REAL},
		{"year", N_("Year"), OUT_INT},		{"forecast", N_("Forecast"), OUT_REAL},
		{"lo80", N_("Low (80)"), OUT_REAL},	{"hi80", N_("High (80)"), OUT_REAL},
		{"lo95", N_("Low (95)"), OUT_REAL},	{"hi95", N_("High (95)"), OUT_REAL},
		{"unreliable", N_("Unreliable"), OUT_BOOL},
	};
	struct fc_series *ser;
	struct out_table t;
	size_t n;
	int rc, from = year - 9; /* ten years at most: the statistics start in 2021 */

	if (from < FC_FIRST_YEAR)
		from = FC_FIRST_YEAR;
	if ((rc = fc_collect(s, r, from, year, cluster, major, supply, &ser, &n, e)) < 0)
		goto out;
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < n && !rc; i++) {
		struct forecast_choice ch;
		size_t first = 0, len;
		char mase[32] = "", ly[16], last[32], yr[16], f[32], b[4][32];

		/* the years with a value, from the first to the year asked */
		while (first < (size_t)(year - from + 1) && isnan(ser[i].v[first]))
			first++;
		len = (size_t)(year - from + 1) - first;
		if (!len || isnan(ser[i].v[first + len - 1]))
			continue; /* no value in the year asked: nothing to go on */
		if ((rc = forecast_select(ser[i].v + first, len, 3, &ch, e)) < 0) {
			err_wrap(e, "%s", ser[i].key);
			break;
		}
		if (ch.score[ch.method].assessed)
			snprintf(mase, sizeof(mase), "%.3f", ch.score[ch.method].mase);
		snprintf(ly, sizeof(ly), "%d", year);
		snprintf(last, sizeof(last), "%.1f", ser[i].v[first + len - 1]);
		for (int h = 1; h <= 3 && !rc; h++) {
			struct forecast_point p80, p95;
			const char *row[13];

			if ((rc = forecast_predict(&ch.fit, h, 0.8, &p80, e)) < 0 ||
			    (rc = forecast_predict(&ch.fit, h, 0.95, &p95, e)) < 0)
				break;
			snprintf(yr, sizeof(yr), "%d", year + h);
			snprintf(f, sizeof(f), "%.1f", p80.mean);
			/* counts: an interval below 0 is shown from 0 */
			snprintf(b[0], sizeof(b[0]), "%.1f", fmax(0, p80.lo));
			snprintf(b[1], sizeof(b[1]), "%.1f", p80.hi);
			snprintf(b[2], sizeof(b[2]), "%.1f", fmax(0, p95.lo));
			snprintf(b[3], sizeof(b[3]), "%.1f", p95.hi);
			row[0] = ser[i].key;
			row[1] = ser[i].name;
			row[2] = i18n_is_chinese() ? forecast_method_zh(ch.method)
						   : forecast_method_key(ch.method);
			row[3] = mase[0] ? mase : NULL;
			row[4] = ly;
			row[5] = last;
			row[6] = yr;
			row[7] = f;
			row[8] = p80.has_interval ? b[0] : NULL;
			row[9] = p80.has_interval ? b[1] : NULL;
			row[10] = p95.has_interval ? b[2] : NULL;
			row[11] = p95.has_interval ? b[3] : NULL;
			row[12] = ch.unreliable ? "1" : "0";
			out_table_add(&t, row);
		}
	}
	if (!rc)
		out_table_print(&t, fmt, stdout);
	out_table_release(&t);
out:
	for (size_t i = 0; i < n; i++)
		free(ser[i].v);
	free(ser);
	return rc;
}

/* ---- coding postings to occupations -------------------------------------------- */

struct labelled {
	char **title, **desc, **label;
	size_t n;
};

static void labelled_free(struct labelled *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->title[i]);
		free(l->desc[i]);
		free(l->label[i]);
	}
	free(l->title);
	free(l->desc);
	free(l->label);
	memset(l, 0, sizeof(*l));
}

static int labelled_load(struct store *s, struct labelled *l, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_TALENT_LABELLED, e);
	size_t cap = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if (!st)
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		if (l->n == cap) {
			cap = cap ? 2 * cap : 1024;
			l->title = xrealloc(l->title, cap * sizeof(char *));
			l->desc = xrealloc(l->desc, cap * sizeof(char *));
			l->label = xrealloc(l->label, cap * sizeof(char *));
		}
		l->title[l->n] = xstrdup(store_col_text(st, 0));
		l->desc[l->n] = xstrdup(store_col_text(st, 1));
		l->label[l->n] = xstrdup(store_col_text(st, 2));
		l->n++;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	if (!l->n)
		return err_set(e, ERR_NOTFOUND, _("no labelled postings to learn from"));
	return 0;
}

/* The occupations catalogue and the aliases, as the dictionary stage. */
static int talent_dict(const char *data_dir, struct classify_dict **out, struct err *e)
{
	char path[4096];
	int rc;

	*out = classify_dict_new();
	snprintf(path, sizeof(path), "%s/reference/occupations_2022.csv", data_dir);
	if ((rc = classify_dict_load_occupations(*out, path, e)) < 0)
		return rc;
	snprintf(path, sizeof(path), "%s/talent/occupation_aliases.csv", data_dir);
	return classify_dict_load_aliases(*out, path, e);
}

static int talent_train(struct store *s, const char *model, struct err *e)
{
	struct labelled l;
	struct classifier *c = NULL;
	int rc;

	if ((rc = labelled_load(s, &l, e)) == 0 &&
	    (rc = classify_train((const char *const *)l.title, (const char *const *)l.desc,
				 (const char *const *)l.label, l.n, NULL, &c, e)) == 0 &&
	    (rc = classify_save(c, model, e)) == 0)
		printf(_("trained on %zu labelled postings, %zu occupations: %s\n"), l.n,
		       classify_nlabels(c), model);
	classify_free(c);
	labelled_free(&l);
	return rc;
}

static void eval_row(struct out_table *t, const char *what, const struct classify_eval *ev)
{
	const struct classify_level_eval *lv[3] = {&ev->fine, &ev->minor, &ev->middle};
	static const char *const level[3] = {"细类", "小类", "中类"};

	for (int k = 0; k < 3; k++) {
		char n[32], a1[32], a3[32], f1[32];
		const char *row[6];

		snprintf(n, sizeof(n), "%zu", ev->n);
		snprintf(a1, sizeof(a1), "%.4f", lv[k]->top1);
		snprintf(a3, sizeof(a3), "%.4f", lv[k]->top3);
		snprintf(f1, sizeof(f1), "%.4f", lv[k]->macro_f1);
		row[0] = what;
		row[1] = level[k];
		row[2] = n;
		row[3] = a1;
		row[4] = a3;
		row[5] = f1;
		out_table_add(t, row);
	}
}

static int talent_evaluate(struct store *s, const char *data_dir, enum out_format fmt,
			   struct err *e)
{
	static const struct out_col cols[] = {
		{"model", N_("Model"), OUT_TEXT},	{"level", N_("Level"), OUT_TEXT},
		{"postings", N_("Postings"), OUT_INT},	{"top1", N_("Top-1"), OUT_REAL},
		{"top3", N_("Top-3"), OUT_REAL},	{"macro_f1", N_("Macro-F1"), OUT_REAL},
	};
	struct labelled l;
	struct classify_dict *d = NULL;
	struct classify_holdout h;
	struct out_table t;
	int rc;

	memset(&h, 0, sizeof(h));
	if ((rc = labelled_load(s, &l, e)) < 0 || (rc = talent_dict(data_dir, &d, e)) < 0 ||
	    (rc = classify_holdout_run((const char *const *)l.title, (const char *const *)l.desc,
				       (const char *const *)l.label, l.n, NULL, d, 0.2, &h, NULL,
				       e)) < 0)
		goto out;
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	eval_row(&t, "model", &h.model);
	eval_row(&t, "dictionary+model", &h.pipeline);
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	if (fmt == OUT_TABLE)
		printf(_("split by distinct title: %zu postings (%zu titles) to train, %zu (%zu titles) to "
			 "test; trained in %.1f s; %.0f postings/s\n"),
		       h.n_train, h.titles_train, h.n_test, h.titles_test, h.train_seconds,
		       h.pipeline.per_second);
out:
	classify_dict_free(d);
	labelled_free(&l);
	return rc;
}

static int talent_classify(const char *data_dir, const char *model, const char *title,
			   const char *text, enum out_format fmt, struct err *e)
{
	static const struct out_col cols[] = {
		{"rank", N_("Rank"), OUT_INT},	     {"occupation", N_("Occupation"), OUT_TEXT},
		{"score", N_("Score"), OUT_REAL},    {"decision", N_("Decision"), OUT_TEXT},
		{"level", N_("Level"), OUT_INT},     {"review", N_("Review"), OUT_BOOL},
	};
	static const char *const lv[] = {"", "大类", "中类", "小类", "细类"};
	struct classifier *c = NULL;
	struct classify_dict *d = NULL;
	struct classify_result r;
	struct out_table t;
	int rc;

	if ((rc = classify_load(model, &c, e)) < 0) {
		if (rc == ERR_IO)
			err_wrap(e, _("no model yet? run 'tvet talent train'"));
		return rc;
	}
	if ((rc = talent_dict(data_dir, &d, e)) < 0)
		goto out;
	classify_predict(c, d, title, text, 5, &r);
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < r.ncand; i++) {
		char rank[24], score[32], level[16];
		const char *row[6];

		snprintf(rank, sizeof(rank), "%zu", i + 1);
		snprintf(score, sizeof(score), "%.4f", r.cand[i].score);
		snprintf(level, sizeof(level), "%d", (int)r.level);
		row[0] = rank;
		row[1] = r.cand[i].code;
		row[2] = score;
		row[3] = i ? NULL : r.code;
		row[4] = i ? NULL : level;
		row[5] = i ? NULL : (r.needs_review ? "1" : "0");
		out_table_add(&t, row);
	}
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	if (fmt == OUT_TABLE)
		printf(_("decision: %s at %s (confidence %.2f)%s\n"), r.code[0] ? r.code : "-",
		       (int)r.level >= 0 && (int)r.level < 5 ? lv[r.level] : "",
		       r.confidence, r.needs_review ? _("; to review") : "");
out:
	classify_dict_free(d);
	classify_free(c);
	return rc;
}

int cmd_talent(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
					     {"cluster", required_argument, NULL, 'c'},
					     {"major", required_argument, NULL, 'm'},
					     {"rules", required_argument, NULL, 'r'},
					     {"of", required_argument, NULL, 'o'},
					     {"model", required_argument, NULL, 'M'},
					     {"text", required_argument, NULL, 't'},
					     {"title", required_argument, NULL, 'T'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	const char *cluster = NULL, *major = NULL, *rules = NULL, *of = "demand", *verb;
	const char *model = NULL, *text = NULL, *title = NULL;
	char model_path[4096];
	enum out_format fmt = OUT_TABLE;
	struct talent_rules *r = NULL;
	struct store *s = NULL;
	char path[4096];
	int opt, rc, year = 0;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "y:c:m:r:o:M:t:T:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return rc;
			break;
		case 'c':
			cluster = optarg;
			break;
		case 'm':
			major = optarg;
			break;
		case 'r':
			rules = optarg;
			break;
		case 'M':
			model = optarg;
			break;
		case 't':
			text = optarg;
			break;
		case 'T':
			title = optarg;
			break;
		case 'o':
			if (strcmp(optarg, "demand") && strcmp(optarg, "supply"))
				return err_set(e, ERR_USAGE, _("--of: '%s' is not demand or supply"),
					       optarg);
			of = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			talent_usage(stdout);
			return 0;
		default:
			return cli_bad_option("talent", argv, e);
		}
	}
	if (optind >= argc) {
		talent_usage(stderr);
		return err_set(e, ERR_USAGE,
			       _("say supply, recommend, forecast, train, evaluate or classify"));
	}
	verb = argv[optind++];
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if (!model) {
		snprintf(model_path, sizeof(model_path), "%s.model", c->db_path);
		model = model_path;
	}
	if (!strcmp(verb, "classify")) {
		if (!text && !title)
			return err_set(e, ERR_USAGE, _("tvet talent classify needs --text or --title"));
		return talent_classify(c->data_dir, model, title, text, fmt, e);
	}
	if (!strcmp(verb, "train") || !strcmp(verb, "evaluate")) {
		if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
			return rc;
		rc = !strcmp(verb, "train") ? talent_train(s, model, e)
					    : talent_evaluate(s, c->data_dir, fmt, e);
		store_close(s);
		return rc < 0 ? rc : 0;
	}
	if (strcmp(verb, "supply") && strcmp(verb, "recommend") && strcmp(verb, "forecast"))
		return err_set(e, ERR_USAGE,
			       _("unknown talent command '%s' (supply, recommend, forecast, train, "
				 "evaluate, classify)"),
			       verb);
	if (cluster && major)
		return err_set(e, ERR_USAGE, _("--cluster or --major, not both"));
	if (!rules) {
		snprintf(path, sizeof(path), "%s/talent/advice.json", c->data_dir);
		rules = path;
	}
	if ((rc = talent_rules_load(rules, &r, e)) < 0)
		return rc;
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		goto out;
	if (!year && (rc = cli_latest_year(s, &year, e)) < 0)
		goto out;
	if (!strcmp(verb, "supply"))
		rc = talent_supply(s, r, year, cluster, major, fmt, e);
	else if (!strcmp(verb, "recommend"))
		rc = talent_recommend(s, r, year, fmt, e);
	else
		rc = talent_forecast(s, r, year, cluster, major, !strcmp(of, "supply"), fmt, e);
out:
	talent_rules_free(r);
	store_close(s);
	return rc < 0 ? rc : 0;
}
