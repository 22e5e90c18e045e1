/* cmd_indicator.c - `tvet indicator list|value|eval`: the indicators of
 * plan monitoring and any formula, evaluated on the stored data through
 * monitor/ (the same path as `tvet plan status`). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/expr.h"
#include "calc/target.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "monitor/monitor.h"

static void ind_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet indicator list [--format table|json|csv]\n"
		  "       tvet indicator value CODE [--org CODE] [--year Y | --years A-B]\n"
		  "                             [--schools] [--format table|json|csv]\n"
		  "       tvet indicator eval FORMULA [--org CODE] [--year Y | --years A-B]\n"
		  "                             [--schools] [--format table|json|csv]\n"
		  "The indicators of plan monitoring (data/plan/indicators.csv), an\n"
		  "indicator's value, or any formula, at an organisation (default: the city;\n"
		  "a district or school code) in a year (default: the latest with data).\n"
		  "At a district or the city a value is the ratio of the sums over its\n"
		  "schools. --schools adds a row for each school below the organisation.\n"
		  "Formulas: graduates[destination=升学本科] / graduates, enrolment[year-1],\n"
		  "count(registry, type=key_major, level=city); see docs/indicators.md.\n"));
}

static int ind_list(struct monitor *m, enum out_format fmt, struct err *e)
{
	static const struct out_col cols[] = {
		{"code", N_("Code"), OUT_TEXT},		  {"name", N_("Name"), OUT_TEXT},
		{"unit", N_("Unit"), OUT_TEXT},		  {"scope", N_("Scope"), OUT_TEXT},
		{"numerator", N_("Numerator"), OUT_TEXT}, {"denominator", N_("Denominator"), OUT_TEXT},
		{"scale", N_("Scale"), OUT_REAL},	  {"decimals", N_("Decimals"), OUT_INT},
	};
	const struct monitor_indicator *const *inds;
	struct out_table t;
	size_t n;
	int rc;

	if ((rc = monitor_indicators(m, &inds, &n, e)) < 0)
		return rc;
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < n; i++) {
		char scale[32], dec[8];
		const char *row[8];

		snprintf(scale, sizeof(scale), "%g", inds[i]->scale);
		snprintf(dec, sizeof(dec), "%d", inds[i]->decimals);
		row[0] = inds[i]->code;
		row[1] = i18n_is_chinese() ? inds[i]->name : inds[i]->name_en;
		row[2] = inds[i]->unit;
		row[3] = inds[i]->scope_text[0] ? inds[i]->scope_text : NULL;
		row[4] = inds[i]->num_text;
		row[5] = inds[i]->den_text;
		row[6] = scale;
		row[7] = dec;
		out_table_add(&t, row);
	}
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	return 0;
}

/* "2021-2025" or "2025". */
static int ind_parse_years(const char *s, int *from, int *to, struct err *e)
{
	const char *dash = strchr(s, '-');
	char buf[16];
	int rc;

	if (!dash) {
		if ((rc = cli_parse_year(s, from, e)) < 0)
			return rc;
		*to = *from;
		return 0;
	}
	if ((size_t)(dash - s) >= sizeof(buf))
		return err_set(e, ERR_USAGE, _("--years '%s' is not like 2021-2025"), s);
	memcpy(buf, s, (size_t)(dash - s));
	buf[dash - s] = '\0';
	if ((rc = cli_parse_year(buf, from, e)) < 0 || (rc = cli_parse_year(dash + 1, to, e)) < 0)
		return rc;
	if (*from > *to)
		return err_set(e, ERR_USAGE, _("--years '%s': the first year is after the last"), s);
	return 0;
}

static void ind_number(char *buf, size_t size, const struct expr_value *v, int decimals)
{
	if (!v || !v->present)
		buf[0] = '\0';
	else if (decimals < 0)
		snprintf(buf, size, "%.10g", v->v);
	else
		target_format_number(buf, size, v->v, decimals);
}

/* One row: org, year, value (and numerator, denominator for an indicator). */
static void ind_add(struct out_table *t, const struct monitor_org *o, int year,
		    const struct expr_value *num, const struct expr_value *den,
		    const struct expr_value *value, int decimals)
{
	char y[16], a[64], b[64], v[64];
	const char *row[6];

	snprintf(y, sizeof(y), "%d", year);
	ind_number(a, sizeof(a), num, -1);
	ind_number(b, sizeof(b), den, -1);
	ind_number(v, sizeof(v), value, decimals);
	row[0] = o->code;
	row[1] = i18n_is_chinese() || !o->name_en[0] ? o->name : o->name_en;
	row[2] = y;
	row[3] = v[0] ? v : NULL;
	row[4] = a[0] ? a : NULL;
	row[5] = b[0] ? b : NULL;
	out_table_add(t, row);
}

struct ind_opts {
	const char *org;
	int from, to, schools;
	enum out_format fmt;
};

static int ind_orgs(struct monitor *m, const struct ind_opts *o, const struct monitor_org **top,
		    struct err *e)
{
	*top = o->org ? monitor_org(m, o->org) : monitor_city(m);
	if (!*top)
		return err_set(e, ERR_NOTFOUND,
			       _("organisation '%s' is not the city, a district or a school "
				 "(see tvet orgs)"),
			       o->org);
	return 0;
}

/* The organisations of the output: top, then with --schools each school
 * below it, in code order. */
static size_t ind_targets(struct monitor *m, const struct monitor_org *top, int schools,
			  const struct monitor_org ***out)
{
	size_t n = 1;
	const struct monitor_org **list = xmalloc(sizeof(*list));

	list[0] = top;
	if (schools && strcmp(top->kind, "school") != 0) {
		const struct monitor_org *o;
		/* monitor_org() walks the session's orgs; their codes give the order */
		for (size_t i = 0; (o = monitor_org_at(m, i)); i++) {
			const struct monitor_org *p = o;
			int below = 0;

			if (strcmp(o->kind, "school") != 0)
				continue;
			while (p && !below) {
				below = p == top;
				p = p->parent >= 0 ? monitor_org_at(m, (size_t)p->parent) : NULL;
			}
			if (!below)
				continue;
			list = xrealloc(list, (n + 1) * sizeof(*list));
			list[n++] = o;
		}
	}
	*out = list;
	return n;
}

static const struct out_col ind_cols[] = {
	{"org", N_("Organisation"), OUT_TEXT}, {"name", N_("Name"), OUT_TEXT},
	{"year", N_("Year"), OUT_INT},	       {"value", N_("Value"), OUT_REAL},
	{"numerator", N_("Numerator"), OUT_REAL}, {"denominator", N_("Denominator"), OUT_REAL},
};

static int ind_value(struct monitor *m, const char *code, const struct ind_opts *o, struct err *e)
{
	const struct monitor_indicator *ind;
	const struct monitor_org *top, **orgs = NULL;
	struct out_table t;
	size_t n;
	int rc;

	if ((rc = monitor_indicator(m, code, &ind, e)) < 0 || (rc = ind_orgs(m, o, &top, e)) < 0)
		return rc;
	n = ind_targets(m, top, o->schools, &orgs);
	out_table_init(&t, ind_cols, sizeof(ind_cols) / sizeof(ind_cols[0]));
	for (size_t i = 0; rc >= 0 && i < n; i++)
		for (int y = o->from; rc >= 0 && y <= o->to; y++) {
			struct monitor_value v;
			if ((rc = monitor_value(m, ind, orgs[i], y, &v, e)) < 0)
				break;
			/* a school outside the indicator's scope has nothing */
			if (i == 0 || v.num.present || v.den.present)
				ind_add(&t, orgs[i], y, &v.num, ind->den ? &v.den : NULL, &v.value,
					ind->decimals);
		}
	if (rc >= 0)
		out_table_print(&t, o->fmt, stdout);
	out_table_release(&t);
	free(orgs);
	return rc < 0 ? rc : 0;
}

static int ind_eval(struct monitor *m, const char *formula, const struct ind_opts *o,
		    struct store *s, struct err *e)
{
	static const struct expr_value none = {0, 0};
	const struct monitor_org *top, **orgs = NULL;
	struct expr *x = NULL;
	struct out_table t;
	size_t n;
	int rc;

	if ((rc = expr_parse(formula, &x, e)) < 0)
		return err_wrap(e, _("formula"));
	if ((rc = monitor_check_formula(s, x, e)) < 0 || (rc = ind_orgs(m, o, &top, e)) < 0) {
		expr_free(x);
		return rc;
	}
	n = ind_targets(m, top, o->schools, &orgs);
	out_table_init(&t, ind_cols, 4);
	for (size_t i = 0; rc >= 0 && i < n; i++)
		for (int y = o->from; rc >= 0 && y <= o->to; y++) {
			struct expr_value v;
			if ((rc = monitor_eval(m, x, NULL, orgs[i], y, &v, e)) >= 0)
				ind_add(&t, orgs[i], y, &none, &none, &v, -1);
		}
	if (rc >= 0)
		out_table_print(&t, o->fmt, stdout);
	out_table_release(&t);
	free(orgs);
	expr_free(x);
	return rc < 0 ? rc : 0;
}

int cmd_indicator(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"org", required_argument, NULL, 'o'},
					     {"year", required_argument, NULL, 'y'},
					     {"years", required_argument, NULL, 'Y'},
					     {"schools", no_argument, NULL, 's'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct ind_opts o = {NULL, 0, 0, 0, OUT_TABLE};
	struct store *s = NULL;
	struct monitor *m = NULL;
	const char *verb;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:y:Y:sf:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			o.org = optarg;
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &o.from, e)) < 0)
				return rc;
			o.to = o.from;
			break;
		case 'Y':
			if ((rc = ind_parse_years(optarg, &o.from, &o.to, e)) < 0)
				return rc;
			break;
		case 's':
			o.schools = 1;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &o.fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			ind_usage(stdout);
			return 0;
		default:
			return cli_bad_option("indicator", argv, e);
		}
	}
	if (optind >= argc) {
		ind_usage(stderr);
		return err_set(e, ERR_USAGE, _("say list, value or eval"));
	}
	verb = argv[optind++];
	if (strcmp(verb, "list") && strcmp(verb, "value") && strcmp(verb, "eval"))
		return err_set(e, ERR_USAGE, _("unknown indicator command '%s' (list, value, eval)"),
			       verb);
	if (strcmp(verb, "list") != 0 && optind >= argc)
		return err_set(e, ERR_USAGE, _("tvet indicator %s needs %s"), verb,
			       strcmp(verb, "value") == 0 ? _("an indicator code") : _("a formula"));
	if (optind + (strcmp(verb, "list") != 0) < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"),
			       argv[optind + (strcmp(verb, "list") != 0)]);
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	if ((rc = monitor_open(s, &m, e)) < 0)
		goto out;
	if (!o.from) {
		if ((rc = cli_latest_year(s, &o.from, e)) < 0)
			goto out;
		o.to = o.from;
	}
	if (!strcmp(verb, "list"))
		rc = ind_list(m, o.fmt, e);
	else if (!strcmp(verb, "value"))
		rc = ind_value(m, argv[optind], &o, e);
	else
		rc = ind_eval(m, argv[optind], &o, s, e);
out:
	monitor_close(m);
	store_close(s);
	return rc < 0 ? rc : 0;
}
