/* plan_status.c - `tvet plan status`: every target of the plan with its
 * status in a year, by action, by department, or one target's schools.
 * Formats what monitor_plan_status() computes; computes nothing itself. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "monitor/plan.h"

#define PLAN_NSTATUS 5

/* Status labels, in the order of enum target_status. */
static const char *const status_label[PLAN_NSTATUS] = {
	N_("no data"), N_("achieved"), N_("on track"), N_("at risk"), N_("off track")};

/* "57.4%" / "16个": a figure as the table shows it. */
static void ps_figure(char *buf, size_t size, int has, double v, int decimals, const char *unit)
{
	char num[64];

	if (!has) {
		snprintf(buf, size, "-");
		return;
	}
	target_format_number(num, sizeof(num), v, decimals);
	snprintf(buf, size, "%s%s", num, unit);
}

static const char *ps_explanation(const struct plan_item *it)
{
	return i18n_is_chinese() ? it->res.explanation_zh : it->res.explanation_en;
}

static const struct out_col ps_cols[] = {
	{"id", N_("Target"), OUT_TEXT},	      {"part", N_("Part"), OUT_INT},
	{"action", N_("Action"), OUT_INT},    {"title", N_("Title"), OUT_TEXT},
	{"actual", N_("Actual"), OUT_TEXT},   {"target", N_("Target value"), OUT_TEXT},
	{"status", N_("Status"), OUT_TEXT},   {"explanation", N_("Explanation"), OUT_TEXT},
	{"responsible", N_("Responsible"), OUT_TEXT},
};

static void ps_row(struct out_table *t, const struct plan_item *it, enum out_format fmt)
{
	char part[16], action[16], actual[96], target[96];
	struct strbuf resp = {0};
	const char *row[9];
	const char *unit = strcmp(it->unit, "%") == 0 ? "%" : "";

	snprintf(part, sizeof(part), "%d", it->part);
	snprintf(action, sizeof(action), "%d", it->action);
	if (fmt == OUT_CSV) {
		if (it->res.has_actual)
			snprintf(actual, sizeof(actual), "%.10g", it->res.actual);
		else
			actual[0] = '\0';
		if (it->has_target)
			snprintf(target, sizeof(target), "%s%.10g", it->cmp, it->target);
		else
			snprintf(target, sizeof(target), "%s", it->cmp);
	} else {
		ps_figure(actual, sizeof(actual), it->res.has_actual, it->res.actual, it->decimals,
			  unit);
		if (it->has_target) {
			char num[64];
			target_format_number(num, sizeof(num), it->target,
					     it->target == floor(it->target) ? 0 : it->decimals);
			snprintf(target, sizeof(target), "%s %s%s", it->cmp, num, it->unit);
		} else {
			snprintf(target, sizeof(target), "%s", _("assessed"));
		}
	}
	for (size_t i = 0; i < it->ndepts; i++) {
		if (i)
			strbuf_addstr(&resp, fmt == OUT_CSV ? ";" : "、");
		strbuf_addstr(&resp, fmt == OUT_CSV ? it->depts[i].code
				     : i18n_is_chinese() ? it->depts[i].name
							 : it->depts[i].code);
	}
	row[0] = it->id;
	row[1] = part;
	row[2] = action;
	row[3] = i18n_is_chinese() ? it->title : it->title_en;
	row[4] = actual[0] ? actual : NULL;
	row[5] = target;
	row[6] = fmt == OUT_CSV ? target_status_key(it->res.status)
				: _(status_label[it->res.status]);
	row[7] = ps_explanation(it);
	row[8] = strbuf_str(&resp);
	out_table_add(t, row);
	strbuf_release(&resp);
}

/* The table: for each action its line of counts, then its targets. */
static void ps_print_table(const struct plan_status *ps, enum out_format fmt)
{
	struct out_table t;
	int total[PLAN_NSTATUS] = {0};

	if (fmt == OUT_CSV) {
		out_table_init(&t, ps_cols, sizeof(ps_cols) / sizeof(ps_cols[0]));
		for (size_t i = 0; i < ps->n; i++)
			ps_row(&t, &ps->items[i], fmt);
		out_table_print(&t, fmt, stdout);
		out_table_release(&t);
		return;
	}
	for (size_t i = 0; i < ps->n;) {
		int action = ps->items[i].action, counts[PLAN_NSTATUS] = {0};
		size_t j;

		out_table_init(&t, ps_cols, 8);
		for (j = i; j < ps->n && ps->items[j].action == action; j++) {
			counts[ps->items[j].res.status]++;
			total[ps->items[j].res.status]++;
			ps_row(&t, &ps->items[j], fmt);
		}
		printf(_("Action %d %s: %d achieved, %d on track, %d at risk, %d off track, "
			 "%d without data\n"),
		       action,
		       i18n_is_chinese() ? ps->items[i].action_title : ps->items[i].action_title_en,
		       counts[TARGET_ACHIEVED], counts[TARGET_ON_TRACK], counts[TARGET_AT_RISK],
		       counts[TARGET_OFF_TRACK], counts[TARGET_NO_DATA]);
		out_table_print(&t, fmt, stdout);
		out_table_release(&t);
		putchar('\n');
		i = j;
	}
	printf(_("%d: %zu criteria: %d achieved, %d on track, %d at risk, %d off track, "
		 "%d without data\n"),
	       ps->year, ps->n, total[TARGET_ACHIEVED], total[TARGET_ON_TRACK],
	       total[TARGET_AT_RISK], total[TARGET_OFF_TRACK], total[TARGET_NO_DATA]);
}

/* One target: its criteria, then each school's part in the city value.
 * JSON: an array of the target's criteria (one or two), each with its
 * by_school; CSV: the by-school rows of every criterion; a table: both. */
static int ps_print_target(const struct plan_status *ps, const char *id, enum out_format fmt,
			   int filtered, struct err *e)
{
	static const struct out_col cols[] = {
		{"id", N_("Target"), OUT_TEXT},		  {"part", N_("Part"), OUT_INT},
		{"school", N_("School"), OUT_TEXT},	  {"name", N_("Name"), OUT_TEXT},
		{"value", N_("Value"), OUT_REAL},	  {"numerator", N_("Numerator"), OUT_REAL},
		{"denominator", N_("Denominator"), OUT_REAL}, {"weight", N_("Weight %"), OUT_REAL},
		{"pull", N_("Pull"), OUT_REAL},
	};
	json_t *list = json_array();
	struct out_table t;
	size_t found = 0, schools = 0;

	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < ps->n; i++) {
		const struct plan_item *it = &ps->items[i];
		char part[16];

		if (strcmp(it->id, id) != 0)
			continue;
		found++;
		json_array_append_new(list, plan_item_json(it));
		if (fmt == OUT_TABLE) {
			if (it->nparts > 1)
				printf("%s.%d %s\n%s\n", it->id, it->part,
				       i18n_is_chinese() ? it->title : it->title_en,
				       ps_explanation(it));
			else
				printf("%s %s\n%s\n", it->id,
				       i18n_is_chinese() ? it->title : it->title_en,
				       ps_explanation(it));
		}
		snprintf(part, sizeof(part), "%d", it->part);
		for (size_t k = 0; k < it->nby_school; k++) {
			const struct monitor_share *sh = &it->by_school[k];
			char v[96], a[96], b[96], w[96], p[96];
			const char *row[9];

			ps_figure(v, sizeof(v), sh->v.value.present, sh->v.value.v, it->decimals, "");
			ps_figure(a, sizeof(a), sh->v.num.present, sh->v.num.v, 0, "");
			ps_figure(b, sizeof(b), sh->v.den.present, sh->v.den.v, 0, "");
			ps_figure(w, sizeof(w), 1, 100 * sh->weight, 1, "");
			ps_figure(p, sizeof(p), sh->has_pull, sh->pull, 2, "");
			row[0] = it->id;
			row[1] = part;
			row[2] = sh->school->code;
			row[3] = i18n_is_chinese() || !sh->school->name_en[0] ? sh->school->name
									      : sh->school->name_en;
			row[4] = v;
			row[5] = a;
			row[6] = b;
			row[7] = w;
			row[8] = p;
			out_table_add(&t, row);
			schools++;
		}
	}
	if (!found) {
		out_table_release(&t);
		json_decref(list);
		if (filtered)
			return err_set(e, ERR_NOTFOUND,
				       _("target '%s' is not among those --unit or --action select"),
				       id);
		return err_set(e, ERR_NOTFOUND,
			       _("target '%s' is not in the plan (see tvet plan targets)"), id);
	}
	if (fmt == OUT_JSON) {
		json_dumpf(list, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
	} else if (fmt == OUT_CSV || schools) {
		if (fmt == OUT_TABLE)
			printf(_("Schools, the strongest pull on the city value first:\n"));
		out_table_print(&t, fmt, stdout);
	}
	out_table_release(&t);
	json_decref(list);
	return 0;
}

int plan_status_view(struct store *s, int year, long action, const char *unit,
		     const char *target, enum out_format fmt, struct err *e)
{
	struct monitor *m = NULL;
	struct plan_status ps;
	int rc;

	if ((rc = monitor_open(s, &m, e)) < 0)
		return rc;
	if (!year && (rc = cli_latest_year(s, &year, e)) < 0)
		goto out;
	if (unit) {
		int64_t id = 0;
		if ((rc = store_lookup(s, Q_DEPARTMENT_EXISTS, &id, e, "t", unit)) < 0)
			goto out;
		if (rc == 0) {
			rc = err_set(e, ERR_NOTFOUND,
				     _("department '%s' does not exist (see tvet orgs --kind "
				       "department)"),
				     unit);
			goto out;
		}
	}
	if ((rc = monitor_plan_status(m, year, (int)action, unit, &ps, e)) < 0)
		goto out;
	if (action && !ps.n && !unit) {
		rc = err_set(e, ERR_NOTFOUND, _("action %ld is not in the plan (see tvet plan "
						"actions)"),
			     action);
		plan_status_release(&ps);
		goto out;
	}
	if (target)
		rc = ps_print_target(&ps, target, fmt, unit || action, e);
	else if (fmt == OUT_JSON) {
		json_t *doc = plan_status_json(&ps);
		json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(doc);
	}
	else
		ps_print_table(&ps, fmt);
	plan_status_release(&ps);
out:
	monitor_close(m);
	return rc < 0 ? rc : 0;
}
