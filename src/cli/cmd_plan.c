/* cmd_plan.c - `tvet plan targets|actions`: the action plan as loaded from
 * data/plan/ - every target with its comparator, value, deadline and the
 * departments responsible (lead first), and the ten actions. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/mem.h"

static void plan_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet plan targets [--action N] [--format table|json|csv]\n"
		  "       tvet plan actions [--format table|json|csv]\n"
		  "       tvet plan status [--year Y] [--action N] [--unit DEPT] [--target ID]\n"
		  "                        [--format table|json|csv]\n"
		  "The action plan's targets (id, text, action, kind, comparator, target,\n"
		  "deadline, unit, responsible departments with the lead first) and actions;\n"
		  "status: where each target stands in a year (default: the latest with data),\n"
		  "computed from the data as they are now - actual, target, baseline,\n"
		  "trajectory, projection, status and why. --unit shows the targets of one\n"
		  "department (tvet orgs --kind department); --target one target with each\n"
		  "school's value and its pull on the city value.\n"));
}

static json_t *plan_number(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* "≥ 55 %" for a criterion; "assessed" for manual ones. */
static void plan_criterion_text(struct strbuf *sb, const char *cmp, int has_target, double target,
				const char *unit, const char *level)
{
	const char *sym = cmp;

	if (strcmp(cmp, "assessed") == 0) {
		strbuf_addstr(sb, _("assessed"));
		return;
	}
	if (strcmp(cmp, ">=") == 0)
		sym = "≥";
	else if (strcmp(cmp, "<=") == 0)
		sym = "≤";
	strbuf_addf(sb, "%s %.10g", sym, has_target ? target : 0.0);
	if (unit)
		strbuf_addf(sb, " %s", unit);
	if (level && strcmp(level, "city") != 0)
		strbuf_addf(sb, " (%s)",
			    strcmp(level, "province") == 0 ? _("province or above")
							   : _("national"));
}

static json_t *plan_departments(struct store *s, int64_t action, struct strbuf *names,
				struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_PLAN_ACTION_DEPTS, e);
	json_t *arr;
	int rc;

	if (!st)
		return NULL;
	arr = json_array();
	store_bindf(st, "i", action);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		json_array_append_new(
			arr, json_pack("{s:s, s:s, s:s}", "code", store_col_text(st, 0), "name",
				       store_col_text(st, 1), "name_en", store_col_text(st, 2)));
		if (names)
			strbuf_addf(names, "%s%s", names->len ? "、" : "", store_col_text(st, 1));
	}
	if (rc < 0) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

static int plan_targets(struct store *s, enum out_format fmt, long only_action, struct err *e)
{
	static const struct out_col cols[] = {
		{"id", N_("Target"), OUT_TEXT},
		{"title", N_("Title"), OUT_TEXT},
		{"action", N_("Action"), OUT_INT},
		{"kind", N_("Kind"), OUT_TEXT},
		{"target", N_("Target value"), OUT_TEXT},
		{"deadline", N_("Deadline"), OUT_INT},
		{"responsible", N_("Responsible"), OUT_TEXT},
	};
	struct store_stmt *st = store_prepare(s, Q_PLAN_TARGET_LIST, e);
	json_t *list = json_array(), *cur = NULL;
	struct out_table t;
	int rc;

	if (!st) {
		json_decref(list);
		return e->code;
	}
	/* Group the criteria of one target (rows with the same id) first. */
	while ((rc = store_step(st, e)) == STORE_ROW) {
		const char *id = store_col_text(st, PT_ID);
		int has_target = !store_col_is_null(st, PT_TARGET);
		json_t *crit;

		if (only_action && store_col_int(st, PT_ACTION) != only_action)
			continue;
		if (!cur || strcmp(json_string_value(json_object_get(cur, "id")), id) != 0) {
			cur = json_object();
			json_object_set_new(cur, "id", json_string(id));
			json_object_set_new(cur, "title", json_string(store_col_text(st, PT_TITLE)));
			json_object_set_new(cur, "title_en",
					    json_string(store_col_text(st, PT_TITLE_EN)));
			json_object_set_new(cur, "section",
					    json_string(store_col_text(st, PT_SECTION)));
			json_object_set_new(cur, "action",
					    json_integer(store_col_int(st, PT_ACTION)));
			json_object_set_new(cur, "action_title",
					    json_string(store_col_text(st, PT_ACTION_TITLE)));
			json_object_set_new(cur, "kind", json_string(store_col_text(st, PT_KIND)));
			json_object_set_new(cur, "comparator",
					    json_string(store_col_text(st, PT_CMP)));
			json_object_set_new(cur, "target",
					    has_target ? plan_number(store_col_double(st, PT_TARGET))
						       : json_null());
			json_object_set_new(cur, "deadline",
					    json_integer(store_col_int(st, PT_DEADLINE)));
			json_object_set_new(cur, "baseline_year",
					    json_integer(store_col_int(st, PT_BASELINE)));
			json_object_set_new(cur, "unit",
					    store_col_text(st, PT_UNIT)
						    ? json_string(store_col_text(st, PT_UNIT))
						    : json_null());
			json_object_set_new(cur, "criteria", json_array());
			json_array_append_new(list, cur);
		}
		crit = json_object();
		json_object_set_new(crit, "part", json_integer(store_col_int(st, PT_PART)));
		json_object_set_new(crit, "comparator", json_string(store_col_text(st, PT_CMP)));
		json_object_set_new(crit, "target",
				    has_target ? plan_number(store_col_double(st, PT_TARGET))
					       : json_null());
		json_object_set_new(crit, "unit",
				    store_col_text(st, PT_UNIT)
					    ? json_string(store_col_text(st, PT_UNIT))
					    : json_null());
		json_object_set_new(crit, "source",
				    store_col_text(st, PT_SOURCE)
					    ? json_string(store_col_text(st, PT_SOURCE))
					    : json_null());
		json_object_set_new(crit, "level",
				    store_col_text(st, PT_LEVEL)
					    ? json_string(store_col_text(st, PT_LEVEL))
					    : json_null());
		json_object_set_new(crit, "title", json_string(store_col_text(st, PT_TITLE)));
		json_object_set_new(crit, "note",
				    store_col_text(st, PT_NOTE)
					    ? json_string(store_col_text(st, PT_NOTE))
					    : json_null());
		json_array_append_new(json_object_get(cur, "criteria"), crit);
	}
	if (rc < 0)
		goto out;
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *tg = json_array_get(list, i), *crits = json_object_get(tg, "criteria");
		json_t *deps;
		struct strbuf names = {0}, crit = {0};
		char action[16], deadline[16];
		const char *row[7];

		deps = plan_departments(s, json_integer_value(json_object_get(tg, "action")),
					&names, e);
		if (!deps) {
			rc = e->code;
			out_table_release(&t);
			goto out;
		}
		json_object_set_new(tg, "responsible", deps);
		for (size_t k = 0; k < json_array_size(crits); k++) {
			json_t *c = json_array_get(crits, k), *tv = json_object_get(c, "target");
			if (k)
				strbuf_addstr(&crit, "; ");
			plan_criterion_text(&crit,
					    json_string_value(json_object_get(c, "comparator")),
					    !json_is_null(tv), json_number_value(tv),
					    json_string_value(json_object_get(c, "unit")),
					    json_string_value(json_object_get(c, "level")));
		}
		snprintf(action, sizeof(action), "%lld",
			 (long long)json_integer_value(json_object_get(tg, "action")));
		snprintf(deadline, sizeof(deadline), "%lld",
			 (long long)json_integer_value(json_object_get(tg, "deadline")));
		row[0] = json_string_value(json_object_get(tg, "id"));
		row[1] = json_string_value(
			json_object_get(tg, i18n_is_chinese() ? "title" : "title_en"));
		row[2] = action;
		row[3] = json_string_value(json_object_get(tg, "kind"));
		row[4] = strbuf_str(&crit);
		row[5] = deadline;
		row[6] = strbuf_str(&names);
		out_table_add(&t, row);
		strbuf_release(&names);
		strbuf_release(&crit);
	}
	if (fmt == OUT_JSON) {
		json_dumpf(list, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
	} else {
		out_table_print(&t, fmt, stdout);
	}
	out_table_release(&t);
	rc = 0;
out:
	json_decref(list);
	return rc;
}

static int plan_actions(struct store *s, enum out_format fmt, struct err *e)
{
	static const struct out_col cols[] = {
		{"action", N_("Action"), OUT_INT},
		{"part", N_("Part"), OUT_TEXT},
		{"title", N_("Title"), OUT_TEXT},
		{"title_en", N_("English title"), OUT_TEXT},
		{"responsible", N_("Responsible"), OUT_TEXT},
	};
	struct store_stmt *st;
	struct out_table t;
	int64_t actions[128];
	int n = 0, rc;
	json_t *list = json_array();

	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	if (!(st = store_prepare(s, Q_PLAN_ACTION_LIST, e))) {
		rc = e->code;
		goto out;
	}
	while ((rc = store_step(st, e)) == STORE_ROW && n < 128) {
		const char *row[5] = {store_col_text(st, 0), store_col_text(st, 1),
				      store_col_text(st, 2), store_col_text(st, 3), NULL};
		actions[n++] = store_col_int(st, 0);
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s}", "action",
						      (json_int_t)store_col_int(st, 0), "part",
						      row[1], "title", row[2], "title_en", row[3]));
		out_table_add(&t, row);
	}
	if (rc < 0)
		goto out;
	for (int i = 0; i < n; i++) {
		struct strbuf names = {0};
		json_t *deps = plan_departments(s, actions[i], &names, e);
		if (!deps) {
			rc = e->code;
			goto out;
		}
		json_object_set_new(json_array_get(list, (size_t)i), "responsible", deps);
		free(t.cells[(size_t)i * t.ncols + 4]);
		t.cells[(size_t)i * t.ncols + 4] = strbuf_detach(&names);
	}
	if (fmt == OUT_JSON) {
		json_dumpf(list, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
	} else {
		out_table_print(&t, fmt, stdout);
	}
	rc = 0;
out:
	out_table_release(&t);
	json_decref(list);
	return rc;
}

int cmd_plan(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"action", required_argument, NULL, 'a'},
					     {"year", required_argument, NULL, 'y'},
					     {"unit", required_argument, NULL, 'u'},
					     {"target", required_argument, NULL, 't'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	enum out_format fmt = OUT_TABLE;
	struct store *s = NULL;
	const char *unit = NULL, *target = NULL;
	long action = 0;
	int year = 0;
	char *end;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "f:a:y:u:t:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'a':
			action = strtol(optarg, &end, 10);
			if (*end || action < 1 || action > 99)
				return err_set(e, ERR_USAGE,
					       _("--action '%s' is not a number from 1 to 99"),
					       optarg);
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return rc;
			break;
		case 'u':
			unit = optarg;
			break;
		case 't':
			target = optarg;
			break;
		case 'h':
			plan_usage(stdout);
			return 0;
		default:
			return cli_bad_option("plan", argv, e);
		}
	}
	if (optind >= argc)
		return err_set(e, ERR_USAGE,
			       _("which part of the plan? targets, actions or status"));
	if (optind + 1 < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind + 1]);
	if (strcmp(argv[optind], "targets") && strcmp(argv[optind], "actions") &&
	    strcmp(argv[optind], "status"))
		return err_set(e, ERR_USAGE,
			       _("unknown plan view '%s' (use targets, actions or status)"),
			       argv[optind]);
	if (strcmp(argv[optind], "status") != 0 && (year || unit || target))
		return err_set(e, ERR_USAGE, _("--year, --unit and --target are for plan status"));
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	if (strcmp(argv[optind], "targets") == 0)
		rc = plan_targets(s, fmt, action, e);
	else if (strcmp(argv[optind], "actions") == 0)
		rc = plan_actions(s, fmt, e);
	else
		rc = plan_status_view(s, year, action, unit, target, fmt, e);
	store_close(s);
	return rc;
}
