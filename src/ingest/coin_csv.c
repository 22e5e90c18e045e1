/* coin_csv.c - COINr's iData and iMeta tables into a struct coin (see
 * coin_csv.h). */
#include "ingest/coin_csv.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "ingest/csv.h"

/* A META row before the structure is linked. */
struct meta_row {
	char *code, *type, *parent, *denominator;
	int level, direction;
	double weight, target, post_lo, post_hi;
	size_t line;
};

static int is_na(const char *s)
{
	return !*s || !strcmp(s, "NA");
}

/* A number in field s of the current record, or NAN for NA / empty;
 * ERR_INPUT naming the place when it is not a number. */
static int cell_number(struct csv_reader *r, int col, const char *field, double *out,
		       struct err *e)
{
	const char *s = csv_reader_col(r, col);
	char *end;

	if (col < 0 || is_na(s)) {
		*out = NAN;
		return 0;
	}
	errno = 0;
	*out = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(*out))
		return err_set_at(e, ERR_INPUT, csv_reader_name(r), csv_reader_line(r),
				  (size_t)col + 1, "%s: '%s' is not a number (NA for none)", field,
				  s);
	return 0;
}

static void meta_free(struct meta_row *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].code);
		free(m[i].type);
		free(m[i].parent);
		free(m[i].denominator);
	}
	free(m);
}

static int meta_read(const char *path, struct meta_row **out, size_t *nout, struct err *e)
{
	static const char *const names[] = {"iCode",  "Level",	     "Direction",
					    "Weight", "Parent",	     "Type",
					    "Denominator", "?Target", "?goalpost_lower",
					    "?goalpost_upper"};
	int idx[10];
	struct csv_reader *r;
	struct meta_row *m = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, names, 10, idx, e)) < 0)
		goto done;
	while ((rc = csv_reader_next(r, e)) == 1) {
		struct meta_row *x;
		double level, dir;

		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			m = xrealloc(m, cap * sizeof(*m));
		}
		x = &m[n];
		memset(x, 0, sizeof(*x));
		x->line = csv_reader_line(r);
		x->code = xstrdup(csv_reader_col(r, idx[0]));
		x->type = xstrdup(csv_reader_col(r, idx[5]));
		x->parent = xstrdup(csv_reader_col(r, idx[4]));
		x->denominator = xstrdup(csv_reader_col(r, idx[6]));
		n++;
		if (!*x->code) {
			rc = err_set_at(e, ERR_INPUT, path, x->line, (size_t)idx[0] + 1,
					"iCode: empty");
			goto done;
		}
		if (strcmp(x->type, "Indicator") && strcmp(x->type, "Aggregate") &&
		    strcmp(x->type, "Group") && strcmp(x->type, "Denominator") &&
		    strcmp(x->type, "Other")) {
			rc = err_set_at(e, ERR_INPUT, path, x->line, (size_t)idx[5] + 1,
					"Type: '%s' is not Indicator, Aggregate, Group, Denominator "
					"or Other",
					x->type);
			goto done;
		}
		if (strcmp(x->type, "Indicator") && strcmp(x->type, "Aggregate"))
			continue;
		if ((rc = cell_number(r, idx[1], "Level", &level, e)) < 0 ||
		    (rc = cell_number(r, idx[2], "Direction", &dir, e)) < 0 ||
		    (rc = cell_number(r, idx[3], "Weight", &x->weight, e)) < 0 ||
		    (rc = cell_number(r, idx[7], "Target", &x->target, e)) < 0 ||
		    (rc = cell_number(r, idx[8], "goalpost_lower", &x->post_lo, e)) < 0 ||
		    (rc = cell_number(r, idx[9], "goalpost_upper", &x->post_hi, e)) < 0)
			goto done;
		if (isnan(level) || level != floor(level) || level < 1 || level > 32) {
			rc = err_set_at(e, ERR_INPUT, path, x->line, (size_t)idx[1] + 1,
					"Level: '%s' is not a level from 1 to 32",
					csv_reader_col(r, idx[1]));
			goto done;
		}
		if (dir != 1 && dir != -1) {
			rc = err_set_at(e, ERR_INPUT, path, x->line, (size_t)idx[2] + 1,
					"Direction: '%s' must be 1 or -1", csv_reader_col(r, idx[2]));
			goto done;
		}
		if (isnan(x->weight) || x->weight < 0) {
			rc = err_set_at(e, ERR_INPUT, path, x->line, (size_t)idx[3] + 1,
					"Weight: '%s' must be a number >= 0",
					csv_reader_col(r, idx[3]));
			goto done;
		}
		x->level = (int)level;
		x->direction = (int)dir;
		if (!strcmp(x->type, "Indicator") != (x->level == 1)) {
			rc = err_set_at(e, ERR_INPUT, path, x->line, (size_t)idx[1] + 1,
					"'%s': an Indicator is at level 1 and an Aggregate above it",
					x->code);
			goto done;
		}
	}
done:
	csv_reader_free(r);
	if (rc < 0) {
		meta_free(m, n);
		return rc;
	}
	*out = m;
	*nout = n;
	return 0;
}

/* Link META's rows into c's nodes, groups and denominators. */
static int meta_link(const char *path, struct meta_row *m, size_t n, struct coin *c,
		     struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(m[i].type, "Group")) {
			c->group_names = xrealloc(c->group_names, (c->ngroups + 1) * sizeof(char *));
			c->group_names[c->ngroups++] = xstrdup(m[i].code);
		} else if (!strcmp(m[i].type, "Denominator")) {
			c->denom_names =
				xrealloc(c->denom_names, (c->ndenoms + 1) * sizeof(char *));
			c->denom_names[c->ndenoms++] = xstrdup(m[i].code);
		} else if (strcmp(m[i].type, "Other")) {
			struct coin_node *x;

			c->nodes = xrealloc(c->nodes, (c->nnodes + 1) * sizeof(*c->nodes));
			x = &c->nodes[c->nnodes++];
			x->code = xstrdup(m[i].code);
			x->level = m[i].level;
			x->direction = m[i].direction;
			x->weight = m[i].weight;
			x->target = m[i].target;
			x->post_lo = m[i].post_lo;
			x->post_hi = m[i].post_hi;
			x->parent = -1;
			x->denominator = -1;
		}
	}
	for (size_t i = 0, k = 0; i < n; i++) {
		struct coin_node *x;

		if (strcmp(m[i].type, "Indicator") && strcmp(m[i].type, "Aggregate"))
			continue;
		x = &c->nodes[k++];
		if (!is_na(m[i].parent)) {
			for (size_t j = 0; j < c->nnodes; j++)
				if (!strcmp(c->nodes[j].code, m[i].parent))
					x->parent = (int)j;
			if (x->parent < 0)
				return err_set_at(e, ERR_INPUT, path, m[i].line, 0,
						  "'%s': its Parent '%s' is not an Aggregate of META",
						  x->code, m[i].parent);
		}
		if (!is_na(m[i].denominator)) {
			for (size_t j = 0; j < c->ndenoms; j++)
				if (!strcmp(c->denom_names[j], m[i].denominator))
					x->denominator = (int)j;
			if (x->denominator < 0)
				return err_set_at(e, ERR_INPUT, path, m[i].line, 0,
						  "'%s': its Denominator '%s' is not a Denominator "
						  "row of META",
						  x->code, m[i].denominator);
		}
	}
	return coin_check(c, e) < 0 ? err_wrap(e, "%s", path) : 0;
}

/* Where each DATA column goes. */
enum col_kind { COL_SKIP, COL_UNIT, COL_NODE, COL_GROUP, COL_DENOM };

struct col_map {
	enum col_kind kind;
	size_t at;
};

static int data_header(struct csv_reader *r, struct coin *c, struct col_map **out,
		       struct err *e)
{
	size_t n = csv_reader_nfields(r);
	struct col_map *map = xcalloc(n + 1, sizeof(*map));
	int have_unit = 0;

	for (size_t k = 0; k < n; k++) {
		const char *name = csv_reader_field(r, k);

		if (!strcmp(name, "uCode")) {
			map[k].kind = COL_UNIT;
			have_unit = 1;
			continue;
		}
		if (!strcmp(name, "uName") || !strcmp(name, "Time"))
			continue;
		for (size_t j = 0; j < c->nnodes && map[k].kind == COL_SKIP; j++)
			if (!strcmp(c->nodes[j].code, name)) {
				if (c->nodes[j].level != 1)
					break;
				map[k] = (struct col_map){COL_NODE, j};
			}
		for (size_t j = 0; j < c->ngroups && map[k].kind == COL_SKIP; j++)
			if (!strcmp(c->group_names[j], name))
				map[k] = (struct col_map){COL_GROUP, j};
		for (size_t j = 0; j < c->ndenoms && map[k].kind == COL_SKIP; j++)
			if (!strcmp(c->denom_names[j], name))
				map[k] = (struct col_map){COL_DENOM, j};
		if (map[k].kind == COL_SKIP) {
			free(map);
			return err_set_at(e, ERR_INPUT, csv_reader_name(r), csv_reader_line(r),
					  k + 1,
					  "column '%s' is not an Indicator, Group or Denominator of "
					  "META",
					  name);
		}
	}
	if (!have_unit) {
		free(map);
		return err_set_at(e, ERR_INPUT, csv_reader_name(r), csv_reader_line(r), 0,
				  "no uCode column");
	}
	for (size_t j = 0; j < c->nnodes; j++) {
		int found = c->nodes[j].level != 1;

		for (size_t k = 0; k < n && !found; k++)
			found = map[k].kind == COL_NODE && map[k].at == j;
		if (!found) {
			free(map);
			return err_set_at(e, ERR_INPUT, csv_reader_name(r), csv_reader_line(r), 0,
					  "indicator '%s' of META has no column", c->nodes[j].code);
		}
	}
	*out = map;
	return (int)n;
}

static int data_read(const char *path, struct coin *c, struct err *e)
{
	struct csv_reader *r;
	struct col_map *map = NULL;
	size_t cap = 0;
	int rc, ncols;

	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_next(r, e)) <= 0) {
		if (!rc)
			rc = err_set_at(e, ERR_INPUT, path, 1, 0, "the file is empty");
		goto done;
	}
	if ((ncols = data_header(r, c, &map, e)) < 0) {
		rc = ncols;
		goto done;
	}
	while ((rc = csv_reader_next(r, e)) == 1) {
		size_t u = c->nunits;

		if (u == cap) {
			cap = cap ? 2 * cap : 64;
			c->units = xrealloc(c->units, cap * sizeof(*c->units));
			c->x = xrealloc(c->x, cap * (c->nnodes ? c->nnodes : 1) * sizeof(*c->x));
			c->denom = xrealloc(c->denom, cap * (c->ndenoms + 1) * sizeof(*c->denom));
			c->groups = xrealloc(c->groups, cap * (c->ngroups + 1) * sizeof(char *));
		}
		c->units[u] = NULL;
		for (size_t j = 0; j < c->nnodes; j++)
			c->x[u * c->nnodes + j] = NAN;
		for (size_t j = 0; j < c->ndenoms; j++)
			c->denom[u * c->ndenoms + j] = NAN;
		for (size_t j = 0; j < c->ngroups; j++)
			c->groups[u * c->ngroups + j] = NULL;
		c->nunits++;
		for (int k = 0; k < ncols; k++) {
			const char *s = csv_reader_field(r, (size_t)k);
			double v;

			switch (map[k].kind) {
			case COL_UNIT:
				if (!*s) {
					rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r),
							(size_t)k + 1, "uCode: empty");
					goto done;
				}
				for (size_t v2 = 0; v2 < u; v2++)
					if (!strcmp(c->units[v2], s)) {
						rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r),
								(size_t)k + 1,
								"uCode: '%s' is in the file twice", s);
						goto done;
					}
				c->units[u] = xstrdup(s);
				break;
			case COL_GROUP:
				c->groups[u * c->ngroups + map[k].at] = xstrdup(s);
				break;
			case COL_NODE:
			case COL_DENOM:
				if ((rc = cell_number(r, k,
						      map[k].kind == COL_NODE
							      ? c->nodes[map[k].at].code
							      : c->denom_names[map[k].at],
						      &v, e)) < 0)
					goto done;
				if (map[k].kind == COL_NODE)
					c->x[u * c->nnodes + map[k].at] = v;
				else
					c->denom[u * c->ndenoms + map[k].at] = v;
				break;
			case COL_SKIP:
				break;
			}
		}
		if (!c->units[u]) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0, "uCode: missing");
			goto done;
		}
		for (size_t j = 0; j < c->ngroups; j++)
			if (!c->groups[u * c->ngroups + j])
				c->groups[u * c->ngroups + j] = xstrdup("");
	}
	if (!rc && !c->nunits)
		rc = err_set_at(e, ERR_INPUT, path, 2, 0, "no units: the file has a header only");
done:
	free(map);
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

int coin_csv_load(const char *data_path, const char *meta_path, struct coin *c, struct err *e)
{
	struct meta_row *m;
	size_t n;
	int rc;

	memset(c, 0, sizeof(*c));
	if ((rc = meta_read(meta_path, &m, &n, e)) < 0)
		return rc;
	rc = meta_link(meta_path, m, n, c, e);
	meta_free(m, n);
	if (!rc)
		rc = data_read(data_path, c, e);
	if (rc < 0)
		coin_free(c);
	return rc;
}

void coin_free(struct coin *c)
{
	for (size_t i = 0; i < c->nnodes; i++)
		free(c->nodes[i].code);
	for (size_t u = 0; u < c->nunits; u++) {
		free(c->units[u]);
		for (size_t j = 0; j < c->ngroups; j++)
			free(c->groups[u * c->ngroups + j]);
	}
	for (size_t j = 0; j < c->ngroups; j++)
		free(c->group_names[j]);
	for (size_t j = 0; j < c->ndenoms; j++)
		free(c->denom_names[j]);
	free(c->nodes);
	free(c->units);
	free(c->x);
	free(c->denom);
	free(c->groups);
	free(c->group_names);
	free(c->denom_names);
	memset(c, 0, sizeof(*c));
}

int coin_group_index(const struct coin *c, const char *name)
{
	for (size_t j = 0; j < c->ngroups; j++)
		if (!strcmp(c->group_names[j], name))
			return (int)j;
	return -1;
}
