/* monitor.c - indicators evaluated on the stored data. See monitor.h. */
#include "monitor/monitor.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"

/* One stored value of an (organisation, year, element). */
struct mon_cell {
	const char *dims; /* into the slot's block */
	double v;
};

/* The cache: every (organisation, year, element) read, open addressing. */
struct mon_slot {
	int64_t org;
	int year;
	char *element; /* NULL: empty slot */
	struct mon_cell *cells;
	size_t ncells;
	char *block; /* the cells' dims, one allocation */
};

struct mon_item {
	char *type, *cluster;
	int level; /* 1 city, 2 province, 3 national */
	int year;  /* recognised in */
	int64_t school_id;
	int org; /* index of the owning school, -1 for none */
};

struct monitor {
	struct store *s;
	int own_tx; /* the session's read snapshot is ours to end */
	struct monitor_org *orgs;
	size_t norgs;
	int city;
	/* for each organisation, the indices of those at or below it */
	int **members;
	size_t *nmembers;
	struct mon_slot *slots;
	size_t nslots, nused;
	struct mon_item *items;
	size_t nitems;
	char **clusters;
	size_t nclusters;
	struct monitor_indicator **inds;
	size_t ninds;
	int inds_loaded;
};

/* The context of one evaluation. */
struct mon_ctx {
	struct monitor *m;
	const struct monitor_org *org;
	const struct expr_ref *scope;
};

static int mon_level_rank(const char *level)
{
	if (!level)
		return 0;
	if (!strcmp(level, "city"))
		return 1;
	if (!strcmp(level, "province"))
		return 2;
	if (!strcmp(level, "national"))
		return 3;
	return 0;
}

static int mon_is_org_key(const char *key)
{
	return !strcmp(key, "level") || !strcmp(key, "school") || !strcmp(key, "district");
}

/* ---- the session ------------------------------------------------------ */

static int mon_load_orgs(struct monitor *m, struct err *e)
{
	struct store_stmt *st = store_prepare(m->s, Q_MON_ORGS, e);
	int64_t *parents = NULL;
	size_t cap = 0;
	int rc;

	if (!st)
		return e->code;
	m->city = -1;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		struct monitor_org *o;

		if (m->norgs == cap) {
			cap = cap ? cap * 2 : 32;
			m->orgs = xrealloc(m->orgs, cap * sizeof(*m->orgs));
			parents = xrealloc(parents, cap * sizeof(*parents));
		}
		o = &m->orgs[m->norgs];
		memset(o, 0, sizeof(*o));
		o->id = store_col_int(st, 0);
		o->code = xstrdup(store_col_text(st, 1));
		o->name = xstrdup(store_col_text(st, 2));
		o->name_en = xstrdup(store_col_text(st, 3) ? store_col_text(st, 3) : "");
		o->kind = xstrdup(store_col_text(st, 4));
		o->level = store_col_text(st, 5) ? xstrdup(store_col_text(st, 5)) : NULL;
		parents[m->norgs] = store_col_is_null(st, 6) ? 0 : store_col_int(st, 6);
		o->founded_year = (int)store_col_int(st, 7);
		if (!strcmp(o->kind, "city") && m->city < 0)
			m->city = (int)m->norgs;
		m->norgs++;
	}
	store_reset(st);
	for (size_t i = 0; rc >= 0 && i < m->norgs; i++) {
		struct monitor_org *o = &m->orgs[i];

		o->parent = -1;
		o->district = -1;
		for (size_t j = 0; j < m->norgs; j++)
			if (parents[i] && m->orgs[j].id == parents[i])
				o->parent = (int)j;
	}
	for (size_t i = 0; rc >= 0 && i < m->norgs; i++) {
		int p = (int)i, depth = 0;

		while (p >= 0 && depth++ < 8) {
			if (!strcmp(m->orgs[p].kind, "district")) {
				m->orgs[i].district = p;
				break;
			}
			p = m->orgs[p].parent;
		}
	}
	free(parents);
	if (rc < 0)
		return rc;
	m->members = xcalloc(m->norgs ? m->norgs : 1, sizeof(*m->members));
	m->nmembers = xcalloc(m->norgs ? m->norgs : 1, sizeof(*m->nmembers));
	for (size_t i = 0; i < m->norgs; i++) {
		int p = (int)i, depth = 0;

		while (p >= 0 && depth++ < 8) {
			m->members[p] = xrealloc(m->members[p],
						 (m->nmembers[p] + 1) * sizeof(**m->members));
			m->members[p][m->nmembers[p]++] = (int)i;
			p = m->orgs[p].parent;
		}
	}
	if (m->city < 0)
		return err_set(e, ERR_NOTFOUND, _("the database has no city: run tvet init"));
	return 0;
}

static int mon_load_registry(struct monitor *m, struct err *e)
{
	struct store_stmt *st = store_prepare(m->s, Q_MON_REGISTRY, e);
	size_t cap = 0;
	int rc;

	if (!st)
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		struct mon_item *it;
		const char *cluster = store_col_text(st, 4);

		if (m->nitems == cap) {
			cap = cap ? cap * 2 : 64;
			m->items = xrealloc(m->items, cap * sizeof(*m->items));
		}
		it = &m->items[m->nitems++];
		it->type = xstrdup(store_col_text(st, 0));
		it->level = mon_level_rank(store_col_text(st, 1));
		it->year = atoi(store_col_text(st, 2));
		it->school_id = store_col_is_null(st, 3) ? 0 : store_col_int(st, 3);
		it->cluster = cluster ? xstrdup(cluster) : NULL;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < m->nitems; i++) {
		m->items[i].org = -1;
		for (size_t j = 0; m->items[i].school_id && j < m->norgs; j++)
			if (m->orgs[j].id == m->items[i].school_id)
				m->items[i].org = (int)j;
	}
	return store_list(m->s, Q_MON_CLUSTERS, &m->clusters, &m->nclusters, e, "");
}

int monitor_open(struct store *s, struct monitor **out, struct err *e)
{
	struct monitor *m = xcalloc(1, sizeof(*m));
	int rc;

	m->s = s;
	m->nslots = 1024;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	/* One snapshot for the session: consistent figures, locks taken once.
	 * Inside the caller's transaction the session reads that instead. */
	if (!store_in_transaction(s)) {
		if ((rc = store_begin_read(s, e)) < 0) {
			monitor_close(m);
			*out = NULL;
			return rc;
		}
		m->own_tx = 1;
	}
	if ((rc = mon_load_orgs(m, e)) < 0 || (rc = mon_load_registry(m, e)) < 0) {
		monitor_close(m);
		*out = NULL;
		return rc;
	}
	*out = m;
	return 0;
}

static void mon_indicator_free(struct monitor_indicator *ind)
{
	if (!ind)
		return;
	free(ind->code);
	free(ind->name);
	free(ind->name_en);
	free(ind->unit);
	free(ind->description);
	free(ind->scope_text);
	free(ind->num_text);
	free(ind->den_text);
	expr_free(ind->scope);
	expr_free(ind->num);
	expr_free(ind->den);
	free(ind);
}

void monitor_end_read(struct monitor *m)
{
	if (m && m->own_tx) {
		store_rollback(m->s); /* a read snapshot: nothing to keep */
		m->own_tx = 0;
	}
}

void monitor_close(struct monitor *m)
{
	if (!m)
		return;
	if (m->own_tx)
		store_rollback(m->s); /* a read snapshot: nothing to keep */
	for (size_t i = 0; i < m->norgs; i++) {
		free(m->orgs[i].code);
		free(m->orgs[i].name);
		free(m->orgs[i].name_en);
		free(m->orgs[i].kind);
		free(m->orgs[i].level);
	}
	free(m->orgs);
	for (size_t i = 0; m->members && i < m->norgs; i++)
		free(m->members[i]);
	free(m->members);
	free(m->nmembers);
	for (size_t i = 0; i < m->nslots; i++) {
		if (!m->slots[i].element)
			continue;
		free(m->slots[i].element);
		free(m->slots[i].block);
		free(m->slots[i].cells);
	}
	free(m->slots);
	for (size_t i = 0; i < m->nitems; i++) {
		free(m->items[i].type);
		free(m->items[i].cluster);
	}
	free(m->items);
	for (size_t i = 0; i < m->nclusters; i++)
		free(m->clusters[i]);
	free(m->clusters);
	for (size_t i = 0; i < m->ninds; i++)
		mon_indicator_free(m->inds[i]);
	free(m->inds);
	free(m);
}

struct store *monitor_store(const struct monitor *m)
{
	return m->s;
}

const struct monitor_org *monitor_city(const struct monitor *m)
{
	return &m->orgs[m->city];
}

const struct monitor_org *monitor_org(const struct monitor *m, const char *code)
{
	for (size_t i = 0; i < m->norgs; i++)
		if (!strcmp(m->orgs[i].code, code))
			return &m->orgs[i];
	return NULL;
}

const struct monitor_org *monitor_org_at(const struct monitor *m, size_t i)
{
	return i < m->norgs ? &m->orgs[i] : NULL;
}

/* 1 when o is at or below top. */
static int mon_below(const struct monitor *m, const struct monitor_org *o,
		     const struct monitor_org *top)
{
	int i = (int)(o - m->orgs), depth = 0;

	while (i >= 0 && depth++ < 8) {
		if (&m->orgs[i] == top)
			return 1;
		i = m->orgs[i].parent;
	}
	return 0;
}

/* ---- the value cache -------------------------------------------------- */

static size_t mon_hash(int64_t org, int year, const char *element)
{
	uint64_t h = 1469598103934665603ull;

	h = (h ^ (uint64_t)org) * 1099511628211ull;
	h = (h ^ (uint64_t)(unsigned)year) * 1099511628211ull;
	for (const unsigned char *p = (const unsigned char *)element; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return (size_t)h;
}

static struct mon_slot *mon_find(struct monitor *m, int64_t org, int year, const char *element)
{
	size_t i = mon_hash(org, year, element) & (m->nslots - 1);

	while (m->slots[i].element) {
		struct mon_slot *sl = &m->slots[i];
		if (sl->org == org && sl->year == year && !strcmp(sl->element, element))
			return sl;
		i = (i + 1) & (m->nslots - 1);
	}
	return &m->slots[i];
}

static void mon_grow(struct monitor *m)
{
	struct mon_slot *old = m->slots;
	size_t nold = m->nslots;

	m->nslots *= 2;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (size_t i = 0; i < nold; i++)
		if (old[i].element)
			*mon_find(m, old[i].org, old[i].year, old[i].element) = old[i];
	free(old);
}

/* The stored values of org's element in year, read once per session:
 * the values, then their dims strings packed in one block. */
static int mon_cells(struct monitor *m, int64_t org, int year, const char *element,
		     const struct mon_slot **out, struct err *e)
{
	struct mon_slot *sl = mon_find(m, org, year, element);
	struct store_stmt *st;
	struct strbuf dims = {0};
	size_t cap = 0, *at = NULL;
	int rc;

	if (sl->element) {
		*out = sl;
		return 0;
	}
	if (2 * (m->nused + 1) > m->nslots) {
		mon_grow(m);
		sl = mon_find(m, org, year, element);
	}
	if (!(st = store_prepare(m->s, Q_MON_VALUES, e)))
		return e->code;
	store_bindf(st, "iit", org, (int64_t)year, element);
	sl->org = org;
	sl->year = year;
	sl->cells = NULL;
	sl->ncells = 0;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		if (sl->ncells == cap) {
			cap = cap ? cap * 2 : 4;
			sl->cells = xrealloc(sl->cells, cap * sizeof(*sl->cells));
			at = xrealloc(at, cap * sizeof(*at));
		}
		at[sl->ncells] = dims.len;
		strbuf_addstr(&dims, store_col_text(st, 0));
		strbuf_addch(&dims, '\0');
		sl->cells[sl->ncells].v = store_col_double(st, 1);
		sl->ncells++;
	}
	store_reset(st);
	sl->block = strbuf_detach(&dims);
	for (size_t i = 0; i < sl->ncells; i++)
		sl->cells[i].dims = sl->block + at[i];
	free(at);
	sl->element = xstrdup(element); /* the slot is taken even after an error */
	m->nused++;
	*out = sl;
	return rc < 0 ? rc : 0;
}

/* ---- matching --------------------------------------------------------- */

/* 1 when o passes the organisation filters of ref (NULL: none). */
static int mon_org_pass(const struct monitor *m, const struct monitor_org *o,
			const struct expr_ref *ref)
{
	if (!ref)
		return 1;
	for (size_t i = 0; i < ref->nfilters; i++) {
		const struct expr_filter *f = &ref->filters[i];
		const char *v = NULL;

		if (!mon_is_org_key(f->key))
			continue;
		if (strcmp(o->kind, "school") != 0)
			return 0;
		if (!strcmp(f->key, "level"))
			v = o->level;
		else if (!strcmp(f->key, "school"))
			v = o->code;
		else if (o->district >= 0)
			v = m->orgs[o->district].code;
		if (!expr_filter_match(f, v))
			return 0;
	}
	return 1;
}

/* 1 when the canonical dims "k=v;k=v" have exactly ref's dimension keys
 * (its non-organisation filters, sorted by key as dims are) and each value
 * matches. */
static int mon_dims_match(const char *dims, const struct expr_ref *ref)
{
	const char *p = dims;
	char key[64], value[256];

	for (size_t i = 0; i < ref->nfilters; i++) {
		const struct expr_filter *f = &ref->filters[i];
		const char *eq, *end;

		if (mon_is_org_key(f->key))
			continue;
		if (!*p)
			return 0;
		eq = strchr(p, '=');
		end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if (!eq || eq > end || (size_t)(eq - p) >= sizeof(key) ||
		    (size_t)(end - eq - 1) >= sizeof(value))
			return 0;
		memcpy(key, p, (size_t)(eq - p));
		key[eq - p] = '\0';
		memcpy(value, eq + 1, (size_t)(end - eq - 1));
		value[end - eq - 1] = '\0';
		if (strcmp(key, f->key) != 0 || !expr_filter_match(f, value))
			return 0;
		p = *end ? end + 1 : end;
	}
	return *p == '\0';
}

static const struct expr_filter *mon_filter(const struct expr_ref *ref, const char *key)
{
	for (size_t i = 0; i < ref->nfilters; i++)
		if (!strcmp(ref->filters[i].key, key))
			return &ref->filters[i];
	return NULL;
}

/* ---- the callbacks ---------------------------------------------------- */

static int mon_lookup(void *ud, const struct expr_ref *ref, int year, struct expr_value *out,
		      struct err *e)
{
	struct mon_ctx *c = ud;
	struct monitor *m = c->m;
	int rc;

	size_t top = (size_t)(c->org - m->orgs);

	for (size_t k = 0; k < m->nmembers[top]; k++) {
		const struct monitor_org *o = &m->orgs[m->members[top][k]];
		const struct mon_slot *sl;

		if (!mon_org_pass(m, o, c->scope) || !mon_org_pass(m, o, ref))
			continue;
		if ((rc = mon_cells(m, o->id, year, ref->name, &sl, e)) < 0)
			return rc;
		for (size_t j = 0; j < sl->ncells; j++) {
			if (!mon_dims_match(sl->cells[j].dims, ref))
				continue;
			out->present = 1;
			out->v += sl->cells[j].v;
		}
	}
	return 0;
}

/* 1 when item it passes count(registry, ...)'s filters as of year. */
static int mon_item_pass(const struct monitor *m, const struct mon_item *it,
			 const struct expr_ref *ref, const struct monitor_org *top, int year)
{
	const struct expr_filter *f;

	if (it->year > year)
		return 0;
	if ((f = mon_filter(ref, "type")) && !expr_filter_match(f, it->type))
		return 0;
	if ((f = mon_filter(ref, "level")) && it->level < mon_level_rank(f->values[0]))
		return 0;
	if ((f = mon_filter(ref, "cluster")) && !expr_filter_match(f, it->cluster))
		return 0;
	if (top == &m->orgs[m->city])
		return 1;
	return it->org >= 0 && mon_below(m, &m->orgs[it->org], top);
}

static int mon_count_registry(struct mon_ctx *c, const struct expr_ref *ref, int year,
			      struct expr_value *out)
{
	struct monitor *m = c->m;
	const struct expr_filter *distinct = mon_filter(ref, "distinct");
	const struct expr_filter *min_per = mon_filter(ref, "min_per");
	size_t n = 0, *per = NULL;

	if (distinct || min_per)
		per = xcalloc(m->nclusters ? m->nclusters : 1, sizeof(*per));
	for (size_t i = 0; i < m->nitems; i++) {
		const struct mon_item *it = &m->items[i];

		if (!mon_item_pass(m, it, ref, c->org, year))
			continue;
		n++;
		for (size_t k = 0; per && it->cluster && k < m->nclusters; k++)
			if (!strcmp(m->clusters[k], it->cluster))
				per[k]++;
	}
	if (distinct) {
		n = 0;
		for (size_t k = 0; k < m->nclusters; k++)
			n += per[k] > 0;
	} else if (min_per) {
		n = m->nclusters ? per[0] : 0;
		for (size_t k = 1; k < m->nclusters; k++)
			n = per[k] < n ? per[k] : n;
	}
	free(per);
	out->present = 1;
	out->v = (double)n;
	return 0;
}

static int mon_count_schools(struct mon_ctx *c, const struct expr_ref *ref, int year,
			     struct expr_value *out, struct err *e)
{
	struct monitor *m = c->m;
	const struct expr_filter *reg = mon_filter(ref, "registry");
	const struct expr_filter *reg_level = mon_filter(ref, "registry_level");
	const struct expr_filter *min_enrol = mon_filter(ref, "min_enrolment");
	size_t n = 0;
	int rc;

	size_t top = (size_t)(c->org - m->orgs);

	for (size_t k = 0; k < m->nmembers[top]; k++) {
		const struct monitor_org *o = &m->orgs[m->members[top][k]];

		if (strcmp(o->kind, "school") != 0 || !mon_org_pass(m, o, c->scope) ||
		    !mon_org_pass(m, o, ref) ||
		    (o->founded_year && o->founded_year > year))
			continue;
		if (reg) {
			int held = 0;
			for (size_t q = 0; !held && q < m->nitems; q++) {
				const struct mon_item *it = &m->items[q];
				held = it->org == (int)(o - m->orgs) && it->year <= year &&
				       expr_filter_match(reg, it->type) &&
				       (!reg_level ||
					it->level >= mon_level_rank(reg_level->values[0]));
			}
			if (!held)
				continue;
		}
		if (min_enrol) {
			const struct mon_slot *sl;
			int big = 0;

			if ((rc = mon_cells(m, o->id, year, "enrolment", &sl, e)) < 0)
				return rc;
			for (size_t j = 0; j < sl->ncells; j++)
				if (!sl->cells[j].dims[0])
					big = sl->cells[j].v >= strtod(min_enrol->values[0], NULL);
			if (!big)
				continue;
		}
		n++;
	}
	out->present = 1;
	out->v = (double)n;
	return 0;
}

static int mon_count(void *ud, const struct expr_ref *ref, int year, struct expr_value *out,
		     struct err *e)
{
	struct mon_ctx *c = ud;

	if (!strcmp(ref->name, "registry"))
		return mon_count_registry(c, ref, year, out);
	if (!strcmp(ref->name, "schools"))
		return mon_count_schools(c, ref, year, out, e);
	return err_set(e, ERR_INPUT, _("count(%s): can count registry or schools"), ref->name);
}

/* expr_foreach_ref callback: keep the first reference. */
static int mon_first_ref(void *ud, const struct expr_ref *ref)
{
	*(const struct expr_ref **)ud = ref;
	return 1;
}

int monitor_eval(struct monitor *m, const struct expr *x, const struct expr *scope,
		 const struct monitor_org *org, int year, struct expr_value *out, struct err *e)
{
	struct mon_ctx c = {m, org, NULL};
	struct expr_env env = {mon_lookup, mon_count, &c};

	if (scope)
		(void)expr_foreach_ref(scope, mon_first_ref, &c.scope);
	return expr_eval(x, &env, year, out, e);
}

/* ---- checking definitions --------------------------------------------- */

struct mon_check {
	struct store *s;
	struct err *e;
	int rc;
};

static int mon_check_values(struct mon_check *k, const struct expr_filter *f, const char *what,
			    enum store_query exists)
{
	for (size_t i = 0; i < f->nvalues; i++) {
		int rc = store_lookup(k->s, exists, NULL, k->e, "t", f->values[i]);
		if (rc < 0)
			return rc;
		if (rc == 0)
			return err_set(k->e, ERR_INPUT, _("%s '%s' does not exist"), what,
				       f->values[i]);
	}
	return 0;
}

/* A school level filter names levels that exist (or a prefix*). */
static int mon_check_levels(struct mon_check *k, const struct expr_filter *f)
{
	static const char *const levels[] = {"中职", "技工", "高职", "技师学院", "职业本科", NULL};

	for (size_t i = 0; i < f->nvalues; i++) {
		const char *v = f->values[i];
		size_t j;

		if (v[0] && v[strlen(v) - 1] == '*')
			continue;
		for (j = 0; levels[j] && strcmp(levels[j], v); j++)
			;
		if (!levels[j])
			return err_set(k->e, ERR_INPUT,
				       _("level '%s' is not a school level (中职, 技工, 高职, "
					 "技师学院, 职业本科)"),
				       v);
	}
	return 0;
}

static int mon_check_count(struct mon_check *k, const struct expr_ref *ref)
{
	static const char *const registry_keys[] = {"type", "level", "cluster", "distinct",
						     "min_per", NULL};
	static const char *const school_keys[] = {"level",	    "school",	      "district",
						  "registry",	    "registry_level", "min_enrolment",
						  NULL};
	const char *const *keys;
	int registry = !strcmp(ref->name, "registry");

	if (!registry && strcmp(ref->name, "schools") != 0)
		return err_set(k->e, ERR_INPUT, _("count(%s): can count registry or schools"),
			       ref->name);
	keys = registry ? registry_keys : school_keys;
	for (size_t i = 0; i < ref->nfilters; i++) {
		const struct expr_filter *f = &ref->filters[i];
		const char *key = f->key;
		size_t j;
		int rc;

		for (j = 0; keys[j] && strcmp(keys[j], key); j++)
			;
		if (!keys[j])
			return err_set(k->e, ERR_INPUT, _("count(%s): unknown key '%s'"), ref->name,
				       key);
		if (!registry && !strcmp(key, "level") && (rc = mon_check_levels(k, f)) < 0)
			return rc;
		if ((!strcmp(key, "type") || !strcmp(key, "registry")) &&
		    (rc = mon_check_values(k, f, _("registry type"), Q_REGISTRY_TYPE_EXISTS)) < 0)
			return rc;
		if (!strcmp(key, "cluster") &&
		    (rc = mon_check_values(k, f, _("cluster"), Q_CLUSTER_EXISTS)) < 0)
			return rc;
		if ((!strcmp(key, "distinct") || !strcmp(key, "min_per")) &&
		    (f->nvalues != 1 || strcmp(f->values[0], "cluster") != 0))
			return err_set(k->e, ERR_INPUT, _("count(%s): %s can only be 'cluster'"),
				       ref->name, key);
		if (((registry && !strcmp(key, "level")) || !strcmp(key, "registry_level")) &&
		    (f->nvalues != 1 || !mon_level_rank(f->values[0])))
			return err_set(k->e, ERR_INPUT,
				       _("count(%s): %s must be city, province or national"),
				       ref->name, key);
		if (!strcmp(key, "min_enrolment")) {
			char *end;
			errno = 0;
			double v = strtod(f->values[0], &end);
			if (f->nvalues != 1 || *end || errno || !(v >= 0))
				return err_set(k->e, ERR_INPUT,
					       _("count(%s): min_enrolment '%s' is not a number"),
					       ref->name, f->values[0]);
		}
	}
	return 0;
}

static int mon_check_ref(void *ud, const struct expr_ref *ref)
{
	struct mon_check *k = ud;
	struct store_stmt *st;
	char dims[256] = "";
	int rc;

	if (ref->is_count)
		return (k->rc = mon_check_count(k, ref)) < 0;
	if (!(st = store_prepare(k->s, Q_ELEMENT_DIMS, k->e)))
		return (k->rc = k->e->code), 1;
	store_bindf(st, "t", ref->name);
	rc = store_step(st, k->e);
	if (rc == STORE_ROW)
		snprintf(dims, sizeof(dims), "%s", store_col_text(st, 0) ? store_col_text(st, 0) : "");
	store_reset(st);
	if (rc < 0)
		return (k->rc = rc), 1;
	if (rc != STORE_ROW) {
		k->rc = err_set(k->e, ERR_INPUT,
				_("'%s' is not a data element (definitions/elements.csv)"),
				ref->name);
		return 1;
	}
	for (size_t i = 0; i < ref->nfilters; i++) {
		const char *key = ref->filters[i].key;
		size_t len = strlen(key);

		if (!strcmp(key, "level") && (rc = mon_check_levels(k, &ref->filters[i])) < 0)
			return (k->rc = rc), 1;
		const char *p = dims;
		int found = mon_is_org_key(key);

		while (!found && *p) {
			const char *end = strchr(p, ';');
			size_t n = end ? (size_t)(end - p) : strlen(p);
			found = n == len && !memcmp(p, key, n);
			p += n + (end ? 1 : 0);
		}
		if (!found) {
			k->rc = err_set(k->e, ERR_INPUT,
					_("'%s' has no dimension '%s' (it has: %s; and level, "
					  "school, district select schools)"),
					ref->name, key, dims[0] ? dims : _("none"));
			return 1;
		}
	}
	return 0;
}

int monitor_check_formula(struct store *s, const struct expr *x, struct err *e)
{
	struct mon_check k = {s, e, 0};

	(void)expr_foreach_ref(x, mon_check_ref, &k);
	return k.rc < 0 ? k.rc : 0;
}

int monitor_parse_scope(const char *text, struct expr **out, struct err *e)
{
	struct strbuf sb = {0};
	const struct expr_ref *ref = NULL;
	int rc;

	*out = NULL;
	if (!text || !*text)
		return 0;
	strbuf_addf(&sb, "scope[%s]", text);
	rc = expr_parse(sb.buf, out, e);
	strbuf_release(&sb);
	if (rc < 0) {
		/* positions are in "scope[...]": make them the text's own, in
		 * the message too */
		size_t col;
		int used = 0;
		if (e->column > 6)
			e->column -= 6;
		if (sscanf(e->msg, "column %zu:%n", &col, &used) == 1 && used > 0) {
			char rest[sizeof(e->msg)];
			snprintf(rest, sizeof(rest), "%s", e->msg + used);
			snprintf(e->msg, sizeof(e->msg), "column %zu:%.900s", col > 6 ? col - 6 : col,
				 rest);
		}
		return rc;
	}
	(void)expr_foreach_ref(*out, mon_first_ref, &ref);
	for (size_t i = 0; ref && i < ref->nfilters; i++) {
		struct mon_check k = {NULL, e, 0};
		if (!mon_is_org_key(ref->filters[i].key)) {
			rc = err_set(e, ERR_INPUT,
				     _("scope: '%s' is not level, school or district"),
				     ref->filters[i].key);
			break;
		}
		if (!strcmp(ref->filters[i].key, "level") &&
		    (rc = mon_check_levels(&k, &ref->filters[i])) < 0) {
			err_wrap(e, _("scope"));
			break;
		}
	}
	if (!rc && ref && (ref->year_is_absolute || ref->year))
		rc = err_set(e, ERR_INPUT, _("scope: a scope has no year"));
	if (rc < 0) {
		expr_free(*out);
		*out = NULL;
	}
	return rc;
}

/* ---- indicators ------------------------------------------------------- */

static int mon_parse_indicator(struct monitor_indicator *ind, struct err *e)
{
	int rc;

	if ((rc = monitor_parse_scope(ind->scope_text, &ind->scope, e)) < 0)
		return err_wrap(e, _("indicator %s: scope"), ind->code);
	if ((rc = expr_parse(ind->num_text, &ind->num, e)) < 0)
		return err_wrap(e, _("indicator %s: numerator"), ind->code);
	if (ind->den_text && (rc = expr_parse(ind->den_text, &ind->den, e)) < 0)
		return err_wrap(e, _("indicator %s: denominator"), ind->code);
	return 0;
}

static int mon_load_indicators(struct monitor *m, struct err *e)
{
	struct store_stmt *st;
	size_t cap = 0;
	int rc;

	if (m->inds_loaded)
		return 0;
	if (!(st = store_prepare(m->s, Q_INDICATOR_LIST, e)))
		return e->code;
	store_bind_null(st, 1);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		struct monitor_indicator *ind = xcalloc(1, sizeof(*ind));
		const char *t;

		ind->code = xstrdup(store_col_text(st, 0));
		ind->name = xstrdup(store_col_text(st, 1));
		ind->name_en = xstrdup(store_col_text(st, 2));
		ind->scope_text = xstrdup(store_col_text(st, 3));
		ind->num_text = xstrdup(store_col_text(st, 4));
		ind->den_text = (t = store_col_text(st, 5)) ? xstrdup(t) : NULL;
		ind->scale = store_col_double(st, 6);
		ind->unit = xstrdup(store_col_text(st, 7));
		ind->decimals = (int)store_col_int(st, 8);
		ind->description = xstrdup((t = store_col_text(st, 9)) ? t : "");
		if (m->ninds == cap) {
			cap = cap ? cap * 2 : 16;
			m->inds = xrealloc(m->inds, cap * sizeof(*m->inds));
		}
		m->inds[m->ninds++] = ind;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < m->ninds; i++)
		if ((rc = mon_parse_indicator(m->inds[i], e)) < 0)
			return rc;
	m->inds_loaded = 1;
	return 0;
}

int monitor_indicators(struct monitor *m, const struct monitor_indicator *const **out, size_t *n,
		       struct err *e)
{
	int rc = mon_load_indicators(m, e);

	*out = (const struct monitor_indicator *const *)m->inds;
	*n = rc < 0 ? 0 : m->ninds;
	return rc;
}

int monitor_indicator(struct monitor *m, const char *code, const struct monitor_indicator **out,
		      struct err *e)
{
	int rc = mon_load_indicators(m, e);

	*out = NULL;
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < m->ninds; i++)
		if (!strcmp(m->inds[i]->code, code)) {
			*out = m->inds[i];
			return 0;
		}
	return err_set(e, ERR_NOTFOUND, _("indicator '%s' does not exist (see tvet indicator list)"),
		       code);
}

int monitor_value(struct monitor *m, const struct monitor_indicator *ind,
		  const struct monitor_org *org, int year, struct monitor_value *out,
		  struct err *e)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = monitor_eval(m, ind->num, ind->scope, org, year, &out->num, e)) < 0)
		return rc;
	if (ind->den && (rc = monitor_eval(m, ind->den, ind->scope, org, year, &out->den, e)) < 0)
		return rc;
	if (!out->num.present || (ind->den && (!out->den.present || out->den.v == 0)))
		return 0;
	out->value.v = ind->scale * out->num.v / (ind->den ? out->den.v : 1);
	out->value.present = isfinite(out->value.v);
	if (!out->value.present)
		out->value.v = 0;
	return 0;
}

static int mon_share_cmp(const void *a, const void *b)
{
	const struct monitor_share *x = a, *y = b;

	if (x->has_pull != y->has_pull)
		return y->has_pull - x->has_pull;
	if (x->pull != y->pull)
		return x->pull < y->pull ? -1 : 1;
	return strcmp(x->school->code, y->school->code);
}

int monitor_by_school(struct monitor *m, const struct monitor_indicator *ind,
		      const struct monitor_org *org, int year, int lower_is_better,
		      struct monitor_share **out, size_t *n, struct err *e)
{
	struct monitor_value total;
	struct monitor_share *list = NULL;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = monitor_value(m, ind, org, year, &total, e)) < 0)
		return rc;
	for (size_t k = 0; k < m->nmembers[org - m->orgs]; k++) {
		const struct monitor_org *o = &m->orgs[m->members[org - m->orgs][k]];
		struct monitor_share sh = {o, {{0, 0}, {0, 0}, {0, 0}}, 0, 0, 0};
		const struct expr_value *w, *tw;

		if (strcmp(o->kind, "school") != 0)
			continue;
		if (ind->scope) {
			const struct expr_ref *scope = NULL;
			(void)expr_foreach_ref(ind->scope, mon_first_ref, &scope);
			if (!mon_org_pass(m, o, scope))
				continue;
		}
		if ((rc = monitor_value(m, ind, o, year, &sh.v, e)) < 0) {
			free(list);
			return rc;
		}
		if (!sh.v.num.present && !sh.v.den.present)
			continue;
		w = ind->den ? &sh.v.den : &sh.v.num;
		tw = ind->den ? &total.den : &total.num;
		if (w->present && tw->present && tw->v != 0)
			sh.weight = w->v / tw->v;
		if (sh.v.value.present && total.value.present && ind->den) {
			sh.pull = sh.weight * (sh.v.value.v - total.value.v);
			if (lower_is_better)
				sh.pull = -sh.pull;
			sh.has_pull = 1;
		}
		list = xrealloc(list, (cnt + 1) * sizeof(*list));
		list[cnt++] = sh;
	}
	if (cnt)
		qsort(list, cnt, sizeof(*list), mon_share_cmp);
	*out = list;
	*n = cnt;
	return 0;
}
