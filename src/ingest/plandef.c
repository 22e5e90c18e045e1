/* plandef.c - validate and load data/plan/. See plandef.h. */
#include "ingest/plandef.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "calc/expr.h"
#include "ingest/csv.h"
#include "ingest/refdata.h"
#include "monitor/monitor.h"

#define PLAN_MAX_TARGETS 512

static const char *const plan_files[] = {"plan/plan.conf",	 "plan/departments.csv",
					 "plan/actions.csv",	 "plan/indicators.csv",
					 "plan/targets.csv",	 NULL};

struct plan_conf {
	char version[32];
	char city_code[16];
	char path[4096];       /* plan.conf, for messages */
	size_t city_code_line; /* line of city_code in it */
	int start_year, end_year, baseline_year;
};

static int plan_parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int plan_read_conf(const char *datadir, struct plan_conf *c, struct err *e)
{
	char path[4096], line[1024];
	FILE *f;
	size_t lineno = 0;
	long v;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	snprintf(path, sizeof(path), "%s/plan/plan.conf", datadir);
	snprintf(c->path, sizeof(c->path), "%s", path);
	if (!(f = fopen(path, "r")))
		return err_set(e, ERR_IO, _("cannot open '%s': %s"), path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *eq, *key, *val;

		lineno++;
		refdata_trim(line);
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (!(eq = strchr(line, '='))) {
			rc = err_set_at(e, ERR_INPUT, path, lineno, 0,
					_("expected 'key=value', got '%s'"), line);
			goto out;
		}
		*eq = '\0';
		key = refdata_trim(line);
		val = refdata_trim(eq + 1);
		if (strcmp(key, "version") == 0) {
			snprintf(c->version, sizeof(c->version), "%s", val);
		} else if (strcmp(key, "city_code") == 0) {
			snprintf(c->city_code, sizeof(c->city_code), "%s", val);
			c->city_code_line = lineno;
		} else if (!strcmp(key, "start_year") || !strcmp(key, "end_year") ||
			   !strcmp(key, "baseline_year")) {
			if (plan_parse_int(val, 1990, 2100, &v) < 0) {
				rc = err_set_at(e, ERR_INPUT, path, lineno, 0,
						_("%s '%s' is not a year"), key, val);
				goto out;
			}
			if (key[0] == 's')
				c->start_year = (int)v;
			else if (key[0] == 'e')
				c->end_year = (int)v;
			else
				c->baseline_year = (int)v;
		}
		/* title_zh, title_en, city: descriptive, shown by the views */
	}
	if (!c->version[0])
		rc = err_set_at(e, ERR_INPUT, path, 0, 0, _("'version' is missing"));
	else if (!c->city_code[0])
		rc = err_set_at(e, ERR_INPUT, path, 0, 0, _("'city_code' is missing"));
	else if (!c->start_year || !c->end_year || c->end_year < c->start_year)
		rc = err_set_at(e, ERR_INPUT, path, 0, 0,
				_("'start_year' and 'end_year' must be set, start before end"));
out:
	fclose(f);
	return rc;
}

static int plan_org_id(struct store *s, const char *code, int64_t *id, struct err *e)
{
	int rc = store_lookup(s, Q_ORG_ID_BY_CODE, id, e, "t", code);

	return rc < 0 ? rc : 0;
}

/* The city and its county-level divisions as organisations. */
static int plan_ensure_city(struct store *s, const struct plan_conf *c, int64_t *city_id,
			    struct err *e)
{
	struct store_stmt *st;
	char codes[16][16], names[16][128];
	int n = 0, rc;

	if (!(st = store_prepare(s, Q_DIVISION_GET, e)))
		return e->code;
	store_bindf(st, "t", c->city_code);
	if ((rc = store_step(st, e)) < 0)
		return rc;
	if (rc != STORE_ROW || strcmp(store_col_text(st, 2), "city") != 0)
		return err_set_at(e, ERR_INPUT, c->path, c->city_code_line, 0,
				  _("city_code '%s' is not a city in the divisions catalogue"),
				  c->city_code);
	snprintf(names[0], sizeof(names[0]), "%s", store_col_text(st, 1));
	if ((rc = plan_org_id(s, c->city_code, city_id, e)) < 0)
		return rc;
	if (!*city_id) {
		if ((rc = store_run(s, Q_ORG_INSERT, e, "tttttIttI", c->city_code, names[0], NULL,
				    "city", NULL, (int64_t)0, c->city_code, NULL, (int64_t)0)) < 0)
			return rc;
		*city_id = store_last_id(s);
	}
	if (!(st = store_prepare(s, Q_DIVISION_CHILDREN, e)))
		return e->code;
	store_bindf(st, "t", c->city_code);
	while ((rc = store_step(st, e)) == STORE_ROW && n < 16) {
		if (strcmp(store_col_text(st, 2), "county") != 0)
			continue;
		snprintf(codes[n], sizeof(codes[n]), "%s", store_col_text(st, 0));
		snprintf(names[n], sizeof(names[n]), "%s", store_col_text(st, 1));
		n++;
	}
	if (rc < 0)
		return rc;
	for (int i = 0; i < n; i++) {
		int64_t id;
		if ((rc = plan_org_id(s, codes[i], &id, e)) < 0)
			return rc;
		if (!id &&
		    (rc = store_run(s, Q_ORG_INSERT, e, "tttttittI", codes[i], names[i], NULL,
				    "district", NULL, *city_id, codes[i], NULL, (int64_t)0)) < 0)
			return rc;
	}
	return 0;
}

static int plan_load_departments(struct store *s, const char *datadir, int64_t city_id, int *count,
				 struct strbuf *codes, struct err *e)
{
	static const char *const cols[] = {"code", "name_zh", "name_en"};
	char path[4096];
	struct csv_reader *r = NULL;
	int idx[3], rc;

	snprintf(path, sizeof(path), "%s/plan/departments.csv", datadir);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, 3, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		char *code = refdata_trim((char *)csv_reader_col(r, idx[0]));
		char *zh = refdata_trim((char *)csv_reader_col(r, idx[1]));
		char *en = refdata_trim((char *)csv_reader_col(r, idx[2]));

		if (!*code || strspn(code, "abcdefghijklmnopqrstuvwxyz_") != strlen(code)) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[0] + 1,
					_("department code '%s' must be lower-case letters"), code);
			goto out;
		}
		if (!*zh || !*en) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0,
					_("department '%s' needs name_zh and name_en"), code);
			goto out;
		}
		if ((rc = store_run(s, Q_ORG_UPSERT_DEPARTMENT, e, "ttti", code, zh, en, city_id)) <
		    0)
			goto out;
		(*count)++;
		strbuf_addf(codes, ";%s;", code);
	}
out:
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

static int plan_load_actions(struct store *s, const char *datadir, const struct strbuf *dept_codes,
			     unsigned char *have_action, struct err *e)
{
	static const char *const cols[] = {"action", "plan_part", "title_zh", "title_en",
					   "responsible"};
	char path[4096];
	struct csv_reader *r = NULL;
	int idx[5], rc;
	long action;

	snprintf(path, sizeof(path), "%s/plan/actions.csv", datadir);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, 5, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		char *v[5], *tok, *save = NULL;
		int rank = 0;

		for (int k = 0; k < 5; k++)
			v[k] = refdata_trim((char *)csv_reader_col(r, idx[k]));
		if (plan_parse_int(v[0], 1, 99, &action) < 0) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[0] + 1,
					_("action '%s' is not a number from 1 to 99"), v[0]);
			goto out;
		}
		if (!*v[2] || !*v[3]) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0,
					_("action %ld needs title_zh and title_en"), action);
			goto out;
		}
		if ((rc = store_run(s, Q_PLAN_ACTION_INSERT, e, "ittt", (int64_t)action, v[1], v[2],
				    v[3])) < 0) {
			if (rc == ERR_CONFLICT)
				rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r),
						(size_t)idx[0] + 1, _("action %ld is listed twice"),
						action);
			goto out;
		}
		have_action[action] = 1;
		for (tok = strtok_r(v[4], ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
			int64_t org = 0;
			char key[64];

			refdata_trim(tok);
			snprintf(key, sizeof(key), ";%s;", tok);
			if (strstr(strbuf_str(dept_codes), key) &&
			    (rc = plan_org_id(s, tok, &org, e)) < 0)
				goto out;
			if (!org) {
				rc = err_set_at(
					e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[4] + 1,
					_("responsible unit '%s' is not in departments.csv"), tok);
				goto out;
			}
			if ((rc = store_run(s, Q_PLAN_ACTION_DEPT_INSERT, e, "iii", (int64_t)action,
					    (int64_t)++rank, org)) < 0) {
				if (rc == ERR_CONFLICT)
					rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r),
							(size_t)idx[4] + 1,
							_("responsible unit '%s' is listed twice"),
							tok);
				goto out;
			}
		}
		if (!rank) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[4] + 1,
					_("action %ld names no responsible unit"), action);
			goto out;
		}
	}
out:
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

static int plan_is_one_of(const char *v, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return 1;
	return 0;
}

/* G1, A10b, C11 ... */
static int plan_valid_id(const char *id)
{
	size_t n = strlen(id), i = 1;

	if (n < 2 || n > 8 || !strchr("GAC", id[0]))
		return 0;
	while (i < n && id[i] >= '0' && id[i] <= '9')
		i++;
	if (i == 1)
		return 0;
	while (i < n && id[i] >= 'a' && id[i] <= 'z')
		i++;
	return i == n;
}

/* Parse and check one formula cell; an error names the file, line and
 * column and, in the message, the position inside the formula. */
static int plan_formula(struct store *s, const char *text, const char *path, size_t line,
			int col, const char *what, struct err *e)
{
	struct expr *x = NULL;
	char msg[sizeof(e->msg)];
	int rc = expr_parse(text, &x, e);

	if (rc >= 0)
		rc = monitor_check_formula(s, x, e);
	expr_free(x);
	if (rc < 0) {
		snprintf(msg, sizeof(msg), "%s", e->msg);
		return err_set_at(e, ERR_INPUT, path, line, (size_t)col + 1, "%s: %s", what, msg);
	}
	return 0;
}

static int plan_load_indicators(struct store *s, const char *datadir, struct err *e)
{
	static const char *const cols[] = {"code",	"name_zh", "name_en", "scope",
					   "numerator", "denominator", "scale", "unit",
					   "decimals",	"?description_zh"};
	enum { CODE, NAME, NAME_EN, SCOPE, NUM, DEN, SCALE, UNIT, DECIMALS, DESC, NCOLS };
	char path[4096];
	struct csv_reader *r = NULL;
	int idx[NCOLS], rc, seq = 0;

	snprintf(path, sizeof(path), "%s/plan/indicators.csv", datadir);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, NCOLS, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		char *v[NCOLS], *end;
		size_t line = csv_reader_line(r);
		struct expr *scope = NULL;
		double scale;
		long decimals;

#define BAD(k, ...)                                                                                \
	do {                                                                                       \
		rc = err_set_at(e, ERR_INPUT, path, line, (size_t)idx[k] + 1, __VA_ARGS__);        \
		goto out;                                                                          \
	} while (0)
		for (int k = 0; k < NCOLS; k++)
			v[k] = refdata_trim((char *)csv_reader_col(r, idx[k]));
		if (!v[CODE][0] || strspn(v[CODE], "abcdefghijklmnopqrstuvwxyz0123456789_") !=
					   strlen(v[CODE]))
			BAD(CODE, _("indicator code '%s' is not snake_case (a-z, 0-9, _)"),
			    v[CODE]);
		if (!v[NAME][0] || !v[NAME_EN][0])
			BAD(NAME, _("indicator %s needs name_zh and name_en"), v[CODE]);
		if (monitor_parse_scope(v[SCOPE], &scope, e) < 0) {
			char msg[sizeof(e->msg)];
			snprintf(msg, sizeof(msg), "%s", e->msg);
			BAD(SCOPE, "%s", msg);
		}
		expr_free(scope);
		if (!v[NUM][0])
			BAD(NUM, _("indicator %s needs a numerator"), v[CODE]);
		if ((rc = plan_formula(s, v[NUM], path, line, idx[NUM], _("numerator"), e)) < 0 ||
		    (v[DEN][0] &&
		     (rc = plan_formula(s, v[DEN], path, line, idx[DEN], _("denominator"), e)) < 0))
			goto out;
		errno = 0;
		scale = strtod(v[SCALE], &end);
		if (!v[SCALE][0] || *end || errno || !isfinite(scale) || scale <= 0)
			BAD(SCALE, _("scale '%s' is not a positive number"), v[SCALE]);
		if (!v[UNIT][0])
			BAD(UNIT, _("indicator %s needs a unit"), v[CODE]);
		if (plan_parse_int(v[DECIMALS], 0, 6, &decimals) < 0)
			BAD(DECIMALS, _("decimals '%s' is not a number from 0 to 6"), v[DECIMALS]);
		rc = store_run(s, Q_INDICATOR_INSERT, e, "ttttttdtiti", v[CODE], v[NAME],
			       v[NAME_EN], v[SCOPE], v[NUM], v[DEN][0] ? v[DEN] : NULL, scale,
			       v[UNIT], (int64_t)decimals, v[DESC][0] ? v[DESC] : NULL,
			       (int64_t)++seq);
		if (rc == ERR_CONFLICT)
			BAD(CODE, _("indicator %s is listed twice"), v[CODE]);
		if (rc < 0)
			goto out;
#undef BAD
	}
out:
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

static int plan_load_targets(struct store *s, const char *datadir, const struct plan_conf *c,
			     const unsigned char *have_action, struct plandef_result *res,
			     struct err *e)
{
	static const char *const cols[] = {"id",       "part",		"section", "action",
					   "kind",     "comparator",	"target",  "unit",
					   "deadline", "baseline_year", "source",  "level",
					   "title_zh", "title_en",	"?note",   "?formula"};
	enum {
		ID,
		PART,
		SECTION,
		ACTION,
		KIND,
		CMP,
		TARGET,
		UNIT,
		DEADLINE,
		BASELINE,
		SOURCE,
		LEVEL,
		TITLE,
		TITLE_EN,
		NOTE,
		FORMULA,
		NCOLS
	};
	static const char *const sections[] = {"goal", "action", "commitment", NULL};
	static const char *const kinds[] = {"rate", "count", "manual", NULL};
	static const char *const cmps[] = {">=", "<=", "=", ">", "<", NULL};
	static const char *const levels[] = {"city", "province", "national", NULL};
	char path[4096], last_id[16] = "";
	struct csv_reader *r = NULL;
	struct store_stmt *st;
	int idx[NCOLS], rc, seq = 0;

	snprintf(path, sizeof(path), "%s/plan/targets.csv", datadir);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, NCOLS, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		char *v[NCOLS];
		long part = 1, action, deadline, baseline;
		double target = 0;
		size_t line = csv_reader_line(r);
		int has_target;

#define BAD(k, ...)                                                                                \
	do {                                                                                       \
		rc = err_set_at(e, ERR_INPUT, path, line, (size_t)idx[k] + 1, __VA_ARGS__);        \
		goto out;                                                                          \
	} while (0)
		for (int k = 0; k < NCOLS; k++)
			v[k] = refdata_trim((char *)csv_reader_col(r, idx[k]));
		if (!plan_valid_id(v[ID]))
			BAD(ID, _("target id '%s' is not like G7, A10b or C3"), v[ID]);
		if (*v[PART] && plan_parse_int(v[PART], 1, 9, &part) < 0)
			BAD(PART, _("part '%s' is not a number from 1 to 9"), v[PART]);
		if (!plan_is_one_of(v[SECTION], sections))
			BAD(SECTION, _("section '%s' is not goal, action or commitment"),
			    v[SECTION]);
		if (plan_parse_int(v[ACTION], 1, 99, &action) < 0)
			BAD(ACTION, _("action '%s' is not a number from 1 to 99"), v[ACTION]);
		if (!have_action[action])
			BAD(ACTION, _("action %ld is not in actions.csv"), action);
		if (!plan_is_one_of(v[KIND], kinds))
			BAD(KIND, _("kind '%s' is not rate, count or manual"), v[KIND]);
		if (strcmp(v[KIND], "manual") == 0) {
			if (strcmp(v[CMP], "assessed") != 0)
				BAD(CMP,
				    _("a manual target's comparator must be 'assessed', not '%s'"),
				    v[CMP]);
		} else if (!plan_is_one_of(v[CMP], cmps)) {
			BAD(CMP, _("comparator '%s' is not one of >=, <=, =, >, <"), v[CMP]);
		}
		has_target = v[TARGET][0] != '\0';
		if (has_target) {
			char *end;
			errno = 0;
			target = strtod(v[TARGET], &end);
			if (*end || errno || !isfinite(target) ||
			    strspn(v[TARGET], "0123456789.-") != strlen(v[TARGET]))
				BAD(TARGET, _("target '%s' is not a number"), v[TARGET]);
		} else if (strcmp(v[KIND], "manual") != 0) {
			BAD(TARGET, _("target %s needs a target value"), v[ID]);
		}
		if (plan_parse_int(v[DEADLINE], c->start_year, c->end_year + 10, &deadline) < 0)
			BAD(DEADLINE, _("deadline '%s' is not a year from %d on"), v[DEADLINE],
			    c->start_year);
		if (plan_parse_int(v[BASELINE], 1990, deadline, &baseline) < 0)
			BAD(BASELINE, _("baseline year '%s' is not a year before the deadline"),
			    v[BASELINE]);
		if (strcmp(v[KIND], "manual") != 0 && !v[SOURCE][0])
			BAD(SOURCE, _("target %s needs a source (indicator or registry type)"),
			    v[ID]);
		if (v[LEVEL][0] && !plan_is_one_of(v[LEVEL], levels))
			BAD(LEVEL, _("level '%s' is not city, province or national"), v[LEVEL]);
		if (!v[TITLE][0] || !v[TITLE_EN][0])
			BAD(TITLE, _("target %s needs title_zh and title_en"), v[ID]);
		st = store_prepare(s, Q_PLAN_TARGET_INSERT, e);
		if (!st) {
			rc = e->code;
			goto out;
		}
		store_bindf(st, "titittdtiitttttit", v[ID], (int64_t)part, v[SECTION],
			    (int64_t)action, v[KIND], v[CMP], target, v[UNIT][0] ? v[UNIT] : NULL,
			    (int64_t)deadline, (int64_t)baseline, v[SOURCE][0] ? v[SOURCE] : NULL,
			    v[LEVEL][0] ? v[LEVEL] : NULL, v[TITLE], v[TITLE_EN],
			    v[NOTE][0] ? v[NOTE] : NULL, (int64_t)++seq,
			    v[FORMULA][0] ? v[FORMULA] : NULL);
		if (!has_target)
			store_bind_null(st, 7);
		rc = store_exec(st, e);
		if (rc == ERR_CONFLICT) {
			/* The action was checked above: a duplicate (id, part). */
			BAD(ID, _("target %s part %ld is listed twice"), v[ID], part);
		}
		if (rc < 0)
			goto out;
		if (strcmp(v[KIND], "count") == 0) {
			if ((rc = store_lookup(s, Q_REGISTRY_TYPE_EXISTS, NULL, e, "t",
					       v[SOURCE])) < 0)
				goto out;
			if (rc == 0)
				BAD(SOURCE,
				    _("registry type '%s' is not in "
				      "definitions/registry_types.csv"),
				    v[SOURCE]);
		}
		if (strcmp(v[KIND], "rate") == 0) {
			if ((rc = store_lookup(s, Q_INDICATOR_LIST, NULL, e, "t", v[SOURCE])) < 0)
				goto out;
			if (rc == 0)
				BAD(SOURCE, _("indicator '%s' is not in plan/indicators.csv"),
				    v[SOURCE]);
		}
		if (v[FORMULA][0]) {
			if (strcmp(v[KIND], "count") != 0)
				BAD(FORMULA, _("only a count target can have its own formula"));
			if ((rc = plan_formula(s, v[FORMULA], path, line, idx[FORMULA],
					       _("formula"), e)) < 0)
				goto out;
		}
		if (strcmp(last_id, v[ID]) != 0)
			res->targets++;
		snprintf(last_id, sizeof(last_id), "%s", v[ID]);
		res->criteria++;
#undef BAD
	}
out:
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

int plandef_load(struct store *s, const char *datadir, struct plandef_result *res, struct err *e)
{
	struct plandef_result local;
	struct plan_conf conf;
	int64_t city_id;
	struct strbuf dept_codes = {0};
	unsigned char have_action[100] = {0};
	int rc, same;

	if (!res)
		res = &local;
	memset(res, 0, sizeof(*res));
	if ((rc = plan_read_conf(datadir, &conf, e)) < 0)
		return rc;
	snprintf(res->version, sizeof(res->version), "%s", conf.version);
	if ((rc = refdata_hash_files(datadir, plan_files, res->hash, e)) < 0)
		return rc;
	if ((rc = refdata_is_loaded(s, "plan", res->hash, &same, e)) < 0 || same)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = plan_ensure_city(s, &conf, &city_id, e)) < 0 ||
	    (rc = store_run(s, Q_PLAN_CLEAR_TARGETS, e, "")) < 0 ||
	    (rc = store_run(s, Q_PLAN_CLEAR_ACTION_DEPTS, e, "")) < 0 ||
	    (rc = store_run(s, Q_PLAN_CLEAR_ACTIONS, e, "")) < 0 ||
	    (rc = store_run(s, Q_INDICATOR_CLEAR, e, "")) < 0 ||
	    (rc = plan_load_departments(s, datadir, city_id, &res->departments, &dept_codes, e)) <
		    0 ||
	    (rc = plan_load_actions(s, datadir, &dept_codes, have_action, e)) < 0 ||
	    (rc = plan_load_indicators(s, datadir, e)) < 0 ||
	    (rc = plan_load_targets(s, datadir, &conf, have_action, res, e)) < 0)
		goto fail;
	strbuf_release(&dept_codes);
	if ((rc = refdata_record_load(s, "plan", conf.version, res->hash, e)) < 0)
		goto fail;
	if ((rc = store_commit(s, e)) < 0)
		return rc;
	res->loaded = 1;
	return 0;
fail:
	strbuf_release(&dept_codes);
	store_rollback(s);
	return rc;
}
