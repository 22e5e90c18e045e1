/* kinds.c - loading data/kinds/. See kinds.h. */
#include "ingest/kinds.h"

#include <stdio.h>
#include <string.h>

#include "core/dims.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/csv.h"
#include "ingest/record.h"
#include "ingest/refdata.h"

static const char *const kind_type_names[] = {
	[KT_SCHOOL] = "school", [KT_YEAR] = "year",	    [KT_MAJOR] = "major",
	[KT_COUNT] = "count",	[KT_AMOUNT] = "amount",	    [KT_TEXT] = "text",
	[KT_USCC] = "uscc",	[KT_INDUSTRY] = "industry", [KT_DIVISION] = "division",
	[KT_CHOICE] = "choice", [KT_DATE] = "date", [KT_PERCENT] = "percent",
	[KT_LONGTEXT] = "longtext", [KT_OCCUPATION] = "occupation", [KT_CLUSTER] = "cluster",
	[KT_ALLIANCE] = "alliance", [KT_REGISTRY_TYPE] = "registry_type", [KT_TARGET] = "target",
	[KT_ENTERPRISE] = "enterprise", [KT_PERIOD] = "period", [KT_CNID] = "cnid",
};

static const char *const kind_grain_names[] = {
	[GRAIN_SCHOOL_YEAR] = "school_year",
	[GRAIN_SCHOOL_YEAR_MAJOR] = "school_year_major",
	[GRAIN_ENTERPRISE] = "enterprise",
	[GRAIN_SCHOOL] = "school",
	[GRAIN_SCHOOL_MAJOR] = "school_major",
	[GRAIN_SATISFACTION] = "satisfaction",
	[GRAIN_DEMAND] = "demand",
	[GRAIN_POSTING] = "posting",
	[GRAIN_REGISTRY] = "registry",
	[GRAIN_ASSESSMENT] = "assessment",
};
#define NGRAINS (sizeof(kind_grain_names) / sizeof(kind_grain_names[0]))

int kind_column(const struct kind *k, const char *key)
{
	for (size_t i = 0; i < k->ncols; i++)
		if (strcmp(k->cols[i].key, key) == 0)
			return (int)i;
	return -1;
}

const char *kind_element(const struct kind *k, const char *code)
{
	for (size_t i = 0; i < k->ncols; i++)
		if (k->cols[i].element[0] && strcmp(k->cols[i].element, code) == 0)
			return k->cols[i].element;
	return NULL;
}

const char *kind_header(const struct kind_column *c)
{
	return i18n_is_chinese() ? c->header_zh : c->header_en;
}

const char *kind_choice(const struct kind_column *c, const char *text)
{
	for (int i = 0; i < c->nchoices; i++)
		if (!strcmp(text, c->choice_value[i]) || !strcmp(text, c->choice_label[i]))
			return c->choice_value[i];
	return NULL;
}

const char *kind_choice_label(const struct kind_column *c, const char *v)
{
	for (int i = 0; i < c->nchoices; i++)
		if (!strcmp(v, c->choice_value[i]))
			return i18n_is_chinese() ? c->choice_label[i] : c->choice_value[i];
	return v;
}

int kind_is_record(const struct kind *k)
{
	return record_grain(k->grain) != NULL;
}

static void kind_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

static int kind_find(const char *datadir, const char *name, struct kind *k, char *names,
		     size_t nsize, struct err *e)
{
	static const char *const cols[] = {"kind", "name_zh", "name_en", "grain"};
	char path[4096];
	struct csv_reader *r = NULL;
	int idx[4], rc, found = 0;

	snprintf(path, sizeof(path), "%s/kinds/kinds.csv", datadir);
	if (names && nsize)
		names[0] = '\0';
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, 4, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		const char *kn = csv_reader_col(r, idx[0]);
		const char *grain = csv_reader_col(r, idx[3]);

		if (names && nsize) {
			size_t len = strlen(names);
			snprintf(names + len, nsize - len, "%s%s", len ? ", " : "", kn);
		}
		if (!name || strcmp(kn, name) != 0)
			continue;
		found = 1;
		kind_copy(k->name, sizeof(k->name), kn);
		kind_copy(k->name_zh, sizeof(k->name_zh), csv_reader_col(r, idx[1]));
		kind_copy(k->name_en, sizeof(k->name_en), csv_reader_col(r, idx[2]));
		size_t g;

		for (g = 0; g < NGRAINS; g++)
			if (strcmp(grain, kind_grain_names[g]) == 0)
				break;
		if (g == NGRAINS) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[3] + 1,
					_("grain '%s' is not one of school_year, "
					  "school_year_major, enterprise, school, school_major, "
					  "satisfaction, demand, posting, registry, assessment"),
					grain);
			goto out;
		}
		k->grain = (enum kind_grain)g;
	}
	if (rc == 0)
		rc = found;
out:
	csv_reader_free(r);
	return rc;
}

/* "value=label|value=label|..." or "value|value|..." (the value is its
 * own label), for a choice column and only for one. */
static int kind_parse_choices(struct kind_column *c, const char *text, const char *path,
			      size_t line, size_t col, struct err *e)
{
	char buf[512], *tok, *save = NULL;

	if ((c->type == KT_CHOICE) != (*text != '\0'))
		return err_set_at(e, ERR_INPUT, path, line, col,
				  _("column '%s': choices go with type choice, and only with it"),
				  c->key);
	kind_copy(buf, sizeof(buf), text);
	for (tok = strtok_r(buf, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		char *label = strchr(tok, '=');

		if (c->nchoices == KIND_MAX_CHOICES)
			return err_set_at(e, ERR_INPUT, path, line, col,
					  _("column '%s' has more than %d choices"), c->key,
					  KIND_MAX_CHOICES);
		if (label)
			*label++ = '\0';
		if (!*tok || strlen(tok) >= sizeof(c->choice_value[0]) ||
		    strlen(label ? label : tok) >= sizeof(c->choice_label[0]))
			return err_set_at(e, ERR_INPUT, path, line, col,
					  _("column '%s': choice '%s' is empty or too long"),
					  c->key, tok);
		kind_copy(c->choice_value[c->nchoices], sizeof(c->choice_value[0]), tok);
		kind_copy(c->choice_label[c->nchoices], sizeof(c->choice_label[0]),
			  label && *label ? label : tok);
		c->nchoices++;
	}
	return 0;
}

/* A record kind's columns fill fields of its grain, each at most once, and
 * the fields of the group a file replaces are required. */
static int kind_check_record(const struct kind *k, const char *path, struct err *e)
{
	const struct record_grain *g = record_grain(k->grain);

	for (size_t j = 0; j < k->ncols; j++) {
		int f = record_field(g, k->cols[j].element);

		for (size_t p = 0; f >= 0 && p < j; p++)
			if (!strcmp(k->cols[p].element, k->cols[j].element))
				f = -1;
		if (f < 0)
			return err_set_at(e, ERR_INPUT, path, j + 2, 6,
					  _("column '%s': '%s' is not a field of a %s record, "
					    "or another column fills it"),
					  k->cols[j].key, k->cols[j].element, g->name);
	}
	for (int f = 0; f < g->ngroup; f++) {
		int found = 0;

		for (size_t j = 0; j < k->ncols; j++)
			found |= !strcmp(k->cols[j].element, g->fields[f]) && k->cols[j].required;
		if (!found)
			return err_set_at(e, ERR_INPUT, path, 0, 0,
					  _("a %s kind needs a required column for field '%s'"),
					  g->name, g->fields[f]);
	}
	return 0;
}

static int kind_load_columns(const char *datadir, struct kind *k, struct err *e)
{
	static const char *const cols[] = {"key",     "header_zh", "header_en",
					   "type",    "required",  "element",
					   "dims",    "?description_zh", "?choices"};
	char path[4096];
	struct csv_reader *r = NULL;
	struct strbuf canon = {0};
	int idx[9], rc;

	snprintf(path, sizeof(path), "%s/kinds/%s.csv", datadir, k->name);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, 9, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		struct kind_column *c;
		char *v[9];
		size_t t;

		for (int i = 0; i < 9; i++)
			v[i] = refdata_trim((char *)csv_reader_col(r, idx[i]));
		if (k->ncols == KIND_MAX_COLS) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0,
					_("more than %d columns"), KIND_MAX_COLS);
			goto out;
		}
		c = &k->cols[k->ncols];
		memset(c, 0, sizeof(*c));
		if (!*v[0] || !*v[1] || !*v[2] || kind_column(k, v[0]) >= 0) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 1,
					_("column '%s' needs a unique key and both headers"), v[0]);
			goto out;
		}
		for (t = 0; t < sizeof(kind_type_names) / sizeof(kind_type_names[0]); t++)
			if (strcmp(v[3], kind_type_names[t]) == 0)
				break;
		if (t == sizeof(kind_type_names) / sizeof(kind_type_names[0])) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[3] + 1,
					_("type '%s' is not school, year, major, count, amount, "
					  "text, uscc, industry or division"),
					v[3]);
			goto out;
		}
		if (strcmp(v[4], "yes") && strcmp(v[4], "no")) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[4] + 1,
					_("required must be yes or no, not '%s'"), v[4]);
			goto out;
		}
		if ((rc = dims_canonical(v[6], &canon, e)) < 0) {
			err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[6] + 1, "%s",
				   e->msg);
			goto out;
		}
		kind_copy(c->key, sizeof(c->key), v[0]);
		kind_copy(c->header_zh, sizeof(c->header_zh), v[1]);
		kind_copy(c->header_en, sizeof(c->header_en), v[2]);
		c->type = (enum kind_type)t;
		c->required = strcmp(v[4], "yes") == 0;
		kind_copy(c->element, sizeof(c->element), v[5]);
		kind_copy(c->dims, sizeof(c->dims), strbuf_str(&canon));
		kind_copy(c->description, sizeof(c->description), v[7]);
		if ((rc = kind_parse_choices(c, v[8], path, csv_reader_line(r),
					     (size_t)idx[8] + 1, e)) < 0)
			goto out;
		k->ncols++;
	}
	if (rc == 0 && kind_is_record(k)) {
		rc = kind_check_record(k, path, e);
	} else if (rc == 0 && k->grain == GRAIN_ENTERPRISE) {
		int key = kind_column(k, "uscc");
		if (key < 0 || k->cols[key].type != KT_USCC)
			rc = err_set_at(
				e, ERR_INPUT, path, 0, 0,
				_("an enterprise kind needs a key column 'uscc' of type uscc"));
	} else if (rc == 0 &&
		   (kind_column(k, "school") < 0 || kind_column(k, "year") < 0 ||
		    (k->grain == GRAIN_SCHOOL_YEAR_MAJOR && kind_column(k, "major") < 0)))
		rc = err_set_at(e, ERR_INPUT, path, 0, 0,
				_("the key columns school, year (and major for a per-major kind) "
				  "are missing"));
out:
	strbuf_release(&canon);
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

/* "occupation | major": at least one of the cells is filled. */
static int kind_parse_any(struct kind *k, struct kind_rule *rule, const char *text,
			  const char *path, size_t line, struct err *e)
{
	char buf[256], *tok, *save = NULL;
	int n = 0;

	kind_copy(buf, sizeof(buf), text);
	rule->any = 1;
	for (tok = strtok_r(buf, " |", &save); tok; tok = strtok_r(NULL, " |", &save), n++) {
		int col = kind_column(k, tok);

		if (col < 0)
			return err_set_at(e, ERR_INPUT, path, line, 2,
					  _("rule '%s': '%s' is not a column of %s"), text, tok,
					  k->name);
		if (n == 0) {
			rule->lhs = col;
		} else if (rule->nterms == KIND_MAX_TERMS) {
			return err_set_at(e, ERR_INPUT, path, line, 2,
					  _("rule '%s' has too many terms"), text);
		} else {
			rule->terms[rule->nterms++] = col;
		}
	}
	if (n < 2)
		return err_set_at(e, ERR_INPUT, path, line, 2, _("rule '%s' is incomplete"), text);
	return 0;
}

/* "graduates = a + b + c" or "graduates <= enrolment". */
static int kind_parse_rule(struct kind *k, struct kind_rule *rule, const char *text,
			   const char *path, size_t line, struct err *e)
{
	char buf[256], *tok, *save = NULL;
	int state = 0; /* 0 lhs, 1 operator, 2 term, 3 plus */

	kind_copy(buf, sizeof(buf), text);
	kind_copy(rule->text, sizeof(rule->text), text);
	rule->nterms = 0;
	if (strchr(text, '|'))
		return kind_parse_any(k, rule, text, path, line, e);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		int col;

		switch (state) {
		case 0:
		case 2:
			if ((col = kind_column(k, tok)) < 0 || k->cols[col].type < KT_COUNT ||
			    k->cols[col].type > KT_AMOUNT)
				return err_set_at(
					e, ERR_INPUT, path, line, 2,
					_("rule '%s': '%s' is not a numeric column of %s"), text,
					tok, k->name);
			if (state == 0) {
				rule->lhs = col;
			} else {
				if (rule->nterms == KIND_MAX_TERMS)
					return err_set_at(e, ERR_INPUT, path, line, 2,
							  _("rule '%s' has too many terms"), text);
				rule->terms[rule->nterms++] = col;
			}
			state++;
			break;
		case 1:
			if (strcmp(tok, "=") && strcmp(tok, "<="))
				return err_set_at(
					e, ERR_INPUT, path, line, 2,
					_("rule '%s': expected = or <= after the first column"),
					text);
			rule->le = tok[0] == '<';
			state = 2;
			break;
		case 3:
			if (strcmp(tok, "+"))
				return err_set_at(e, ERR_INPUT, path, line, 2,
						  _("rule '%s': expected + between columns"), text);
			state = 2;
			break;
		}
	}
	if (state != 3)
		return err_set_at(e, ERR_INPUT, path, line, 2, _("rule '%s' is incomplete"), text);
	return 0;
}

static int kind_load_rules(const char *datadir, struct kind *k, struct err *e)
{
	static const char *const cols[] = {"kind", "rule", "message_zh", "message_en"};
	char path[4096];
	struct csv_reader *r = NULL;
	int idx[4], rc;

	snprintf(path, sizeof(path), "%s/kinds/rules.csv", datadir);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, cols, 4, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		struct kind_rule *rule;

		if (strcmp(csv_reader_col(r, idx[0]), k->name) != 0)
			continue;
		if (k->nrules == KIND_MAX_RULES) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0,
					_("more than %d rules for %s"), KIND_MAX_RULES, k->name);
			goto out;
		}
		rule = &k->rules[k->nrules];
		if ((rc = kind_parse_rule(k, rule, csv_reader_col(r, idx[1]), path,
					  csv_reader_line(r), e)) < 0)
			goto out;
		kind_copy(rule->message_zh, sizeof(rule->message_zh), csv_reader_col(r, idx[2]));
		kind_copy(rule->message_en, sizeof(rule->message_en), csv_reader_col(r, idx[3]));
		k->nrules++;
	}
out:
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

int kind_load(const char *datadir, const char *name, struct kind *k, struct err *e)
{
	char names[512];
	int rc;

	memset(k, 0, sizeof(*k));
	if ((rc = kind_find(datadir, name, k, names, sizeof(names), e)) < 0)
		return rc;
	if (rc == 0)
		return err_set(e, ERR_USAGE, _("unknown data kind '%s' (kinds: %s)"), name, names);
	if ((rc = kind_load_columns(datadir, k, e)) < 0)
		return rc;
	return kind_load_rules(datadir, k, e);
}

int kind_names(const char *datadir, char *buf, size_t size, struct err *e)
{
	struct kind k;
	int rc = kind_find(datadir, NULL, &k, buf, size, e);

	return rc < 0 ? rc : 0;
}
