/* cmd_evaluate.c - `tvet evaluate`: every school's contribution index for
 * a year (monitor/evaluate), with its rank interval and what would raise
 * it, and the city's index held against G3; --save keeps the run. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "monitor/evaluate.h"

static void evaluate_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet evaluate [--year Y] [--config FILE] [--format table|json|csv]\n"
		  "                     [--save]\n"
		  "The contribution evaluation (贡献度评价): every school's index (0-100) from\n"
		  "its indicators on the plan's goalposts, its dimensions, its rank and the\n"
		  "5-95%% interval of its rank under other reasonable weights and means, and\n"
		  "what would add most to it; then the city's enrolment-weighted index\n"
		  "against target G3 (>= 85). Default year: the latest with data; default\n"
		  "configuration: data/evaluation/default.json (docs/evaluation.md).\n"
		  "--save keeps the run: each school's contribution_points and\n"
		  "contribution_weight for the year, with the hash of the configuration and\n"
		  "of every input, as one batch of 'tvet history'.\n"));
}

static void print_table(const struct eval_config *c, const struct eval_result *r,
			enum out_format fmt)
{
	static const struct out_col cols[] = {
		{"rank", N_("Rank"), OUT_INT},
		{"school", N_("School"), OUT_TEXT},
		{"name", N_("Name"), OUT_TEXT},
		{"index", N_("Index"), OUT_REAL},
		{"rank_q05", N_("Rank 5%"), OUT_REAL},
		{"rank_q95", N_("Rank 95%"), OUT_REAL},
		{"fit", N_("Fit"), OUT_REAL},
		{"employers", N_("Employers"), OUT_REAL},
		{"employment", N_("Employment"), OUT_REAL},
		{"training", N_("Training"), OUT_REAL},
		{"explanation", N_("Explanation"), OUT_TEXT},
	};
	struct out_table t;
	int zh = i18n_is_chinese();

	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	/* ranked schools first, in rank order (ties by code); then the rest */
	for (int k = 0; k <= (int)r->nschools; k++)
		for (size_t u = 0; u < r->nschools; u++) {
			const struct eval_school *s = &r->schools[u];
			char rank[16], idx[32], q05[32], q95[32], dims[4][32], why[512];
			const char *row[11];

			if (s->rank != (k < (int)r->nschools ? k + 1 : 0))
				continue;
			snprintf(rank, sizeof(rank), "%d", s->rank);
			cli_num(idx, sizeof(idx), s->index, 1);
			cli_num(q05, sizeof(q05), s->rank_q05, 0);
			cli_num(q95, sizeof(q95), s->rank_q95, 0);
			for (size_t d = 0; d < 4; d++)
				cli_num(dims[d], sizeof(dims[d]),
				    d < eval_config_ndimensions(c) ? s->dim[d] : NAN, 1);
			eval_explain(c, s, fmt == OUT_TABLE ? zh : 0, why, sizeof(why));
			row[0] = s->rank ? rank : NULL;
			row[1] = s->org->code;
			row[2] = zh || !s->org->name_en ? s->org->name : s->org->name_en;
			row[3] = idx[0] ? idx : NULL;
			row[4] = q05[0] ? q05 : NULL;
			row[5] = q95[0] ? q95 : NULL;
			for (size_t d = 0; d < 4; d++)
				row[6 + d] = dims[d][0] ? dims[d] : NULL;
			row[10] = why;
			out_table_add(&t, row);
		}
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	if (fmt == OUT_TABLE) {
		if (isnan(r->city_index))
			printf(_("City index %d: no value\n"), r->year);
		else
			printf(_("City index %d: %.1f (target G3: >= 85; enrolment-weighted over %.0f students)\n"),
			       r->year, r->city_index, r->city_weight);
	}
}

int evaluate_and_save(struct store *s, const char *data_dir, int year, const char *who,
		      double *city, struct err *e)
{
	char path[4096], at[32];
	struct eval_config *cfg = NULL;
	struct monitor *m = NULL;
	struct eval_result r;
	time_t now = time(NULL);
	int rc;

	memset(&r, 0, sizeof(r));
	snprintf(path, sizeof(path), "%s/evaluation/default.json", data_dir);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	if ((rc = eval_config_load(s, path, &cfg, e)) == 0 && (rc = monitor_open(s, &m, e)) == 0 &&
	    (rc = evaluate(m, cfg, year, &r, e)) == 0) {
		monitor_end_read(m);
		rc = evaluate_save(s, cfg, &r, who, at, e);
		*city = r.city_index;
	}
	monitor_close(m);
	eval_result_release(&r);
	eval_config_free(cfg);
	return rc;
}

int cmd_evaluate(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
					     {"config", required_argument, NULL, 'c'},
					     {"format", required_argument, NULL, 'f'},
					     {"save", no_argument, NULL, 's'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	enum out_format fmt = OUT_TABLE;
	const char *config = NULL;
	char path[4096], who[96], at[32], detail[256];
	struct store *s = NULL;
	struct monitor *m = NULL;
	struct eval_config *cfg = NULL;
	struct eval_result r;
	int opt, rc, year = 0, save = 0;
	time_t now;

	memset(&r, 0, sizeof(r));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "y:c:f:sh", opts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return rc;
			break;
		case 'c':
			config = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 's':
			save = 1;
			break;
		case 'h':
			evaluate_usage(stdout);
			return 0;
		default:
			return cli_bad_option("evaluate", argv, e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if (!config) {
		snprintf(path, sizeof(path), "%s/evaluation/default.json", c->data_dir);
		config = path;
	}
	if ((rc = cli_open_store(c, &s, save ? 0 : STORE_READONLY, e)) < 0)
		return rc;
	if (!year && (rc = cli_latest_year(s, &year, e)) < 0)
		goto out;
	if ((rc = eval_config_load(s, config, &cfg, e)) < 0 || (rc = monitor_open(s, &m, e)) < 0 ||
	    (rc = evaluate(m, cfg, year, &r, e)) < 0)
		goto out;
	if (fmt == OUT_JSON) {
		json_t *doc = eval_json(cfg, &r);

		json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
		fputc('\n', stdout);
		json_decref(doc);
	} else
		print_table(cfg, &r, fmt);
	if (save) {
		monitor_end_read(m); /* the write needs the connection */
		now = time(NULL);
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		cli_who(who, sizeof(who));
		snprintf(detail, sizeof(detail), "evaluation %d: city index %.1f, inputs %.16s", year,
			 r.city_index, r.inputs_sha256);
		/* the run and its audit entry: one transaction */
		if ((rc = store_begin(s, e)) < 0 || (rc = evaluate_save(s, cfg, &r, who, at, e)) < 0 ||
		    (rc = auth_audit(s, who, "cli", "evaluate", detail, (int64_t)now, e)) < 0 ||
		    (rc = store_commit(s, e)) < 0) {
			store_rollback(s);
			goto out;
		}
		fprintf(stderr, _("saved: the %d evaluation of %zu schools (inputs %.16s...)\n"), year,
			r.nschools, r.inputs_sha256);
	}
out:
	eval_result_release(&r);
	eval_config_free(cfg);
	monitor_close(m);
	store_close(s);
	return rc < 0 ? rc : 0;
}
