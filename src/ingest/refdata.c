/* refdata.c - loaders for data/ reference files. See refdata.h.
 *
 * Each file has a fixed header; columns are found by name, so extra columns
 * are ignored and a missing one is reported. Values are trimmed (the
 * industry catalogue has stray trailing spaces). Rows are inserted through
 * named queries; a failed insert is reported with the file and line. */
#include "ingest/refdata.h"

#include <sodium.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/csv.h"

#define REFDATA_VERSION "1"

char *refdata_trim(char *s)
{
	size_t n = strlen(s);
	char *p = s;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	if (p != s)
		memmove(s, p, strlen(p) + 1);
	return s;
}

int refdata_hash_files(const char *dir, const char *const *paths, char *hex, struct err *e)
{
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES];
	unsigned char buf[65536];
	char path[4096];

	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "libsodium failed to initialise");
	crypto_hash_sha256_init(&st);
	for (size_t i = 0; paths[i]; i++) {
		FILE *f;
		size_t n;

		snprintf(path, sizeof(path), "%s/%s", dir, paths[i]);
		f = fopen(path, "rb");
		if (!f)
			return err_set(e, ERR_IO, _("cannot open '%s': %s"), path, strerror(errno));
		crypto_hash_sha256_update(&st, (const unsigned char *)paths[i],
					  strlen(paths[i]) + 1);
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			crypto_hash_sha256_update(&st, buf, n);
		if (ferror(f)) {
			fclose(f);
			return err_set(e, ERR_IO, _("cannot read '%s'"), path);
		}
		fclose(f);
	}
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
	return 0;
}

/* One reference file: its header and how a row becomes an insert. */
struct ref_file {
	const char *path;
	const char *const *cols;
	size_t ncols;
	int (*row)(struct store *s, char **v, const struct csv_reader *r, const int *idx,
		   struct err *e);
};

static int ref_bad(const struct csv_reader *r, const int *idx, int k, struct err *e,
		   const char *why, const char *value)
{
	return err_set_at(e, ERR_INPUT, csv_reader_name(r), csv_reader_line(r),
			  idx[k] >= 0 ? (size_t)idx[k] + 1 : 0, _("'%s' %s"), value, why);
}

static int ref_required(const struct csv_reader *r, const int *idx, char **v,
			const char *const *cols, size_t n, struct err *e)
{
	for (size_t k = 0; k < n; k++) {
		if (cols[k][0] == '?' || v[k][0])
			continue;
		return err_set_at(e, ERR_INPUT, csv_reader_name(r), csv_reader_line(r),
				  (size_t)idx[k] + 1, _("column '%s' is empty"), cols[k]);
	}
	return 0;
}

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

static const char *const division_cols[] = {"level", "code", "name", "?parent_code"};
static int division_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			struct err *e)
{
	if (strcmp(v[0], "province") && strcmp(v[0], "city") && strcmp(v[0], "county") &&
	    strcmp(v[0], "township"))
		return ref_bad(r, idx, 0, e,
			       _("is not a division level (province, city, county, township)"),
			       v[0]);
	return store_run(s, Q_DIVISION_INSERT, e, "tttt", v[1], v[2], v[0], nz(v[3]));
}

static const char *const major_cols[] = {
	"level",      "category_code", "category_name",	    "class_code",	"class_name",
	"major_code", "major_name",    "?national_control", "?in_2021_catalog", "?status_note"};
static int major_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
		     struct err *e)
{
	if (strcmp(v[0], "中职") && strcmp(v[0], "高职专科") && strcmp(v[0], "职业本科"))
		return ref_bad(
			r, idx, 0, e,
			_("is not a level of the majors catalogue (中职, 高职专科, 职业本科)"),
			v[0]);
	/* Six digits; national-control majors carry a trailing K (520101K). */
	if (strspn(v[5], "0123456789") != 6 || (v[5][6] && (v[5][6] != 'K' || v[5][7])))
		return ref_bad(r, idx, 5, e,
			       _("is not a major code (six digits, K for national control)"), v[5]);
	return store_run(s, Q_MAJOR_INSERT, e, "tttttttiit", v[5], v[6], v[0], v[1], v[2], v[3],
			 v[4], (int64_t)(v[7][0] == 'K'), (int64_t)(v[8][0] == 'Y'), nz(v[9]));
}

static const char *const occupation_cols[] = {
	"code", "level", "name", "?green_digital_flag", "?parent_code", "?gbm_code"};
static int occupation_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			  struct err *e)
{
	if (strcmp(v[1], "大类") && strcmp(v[1], "中类") && strcmp(v[1], "小类") &&
	    strcmp(v[1], "细类"))
		return ref_bad(r, idx, 1, e,
			       _("is not an occupation level (大类, 中类, 小类, 细类)"), v[1]);
	return store_run(s, Q_OCCUPATION_INSERT, e, "tttttt", v[0], v[2], v[1], nz(v[4]), nz(v[3]),
			 nz(v[5]));
}

/* Occupations added after 2022: always 细类, parent is the 小类 prefix. */
static const char *const occupation_new_cols[] = {"code", "name", "?green_digital_flag", "batch"};
static int occupation_new_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			      struct err *e)
{
	char parent[16];
	const char *dash = strrchr(v[0], '-');
	int rc;

	if (!dash || (size_t)(dash - v[0]) >= sizeof(parent))
		return ref_bad(r, idx, 0, e, _("is not an occupation code like 2-02-32-02"), v[0]);
	memcpy(parent, v[0], (size_t)(dash - v[0]));
	parent[dash - v[0]] = '\0';
	if ((rc = store_lookup(s, Q_OCCUPATION_EXISTS, NULL, e, "t", parent)) < 0)
		return rc;
	if (rc == 0)
		return ref_bad(r, idx, 0, e, _("has no parent 小类 in the 2022 classification"),
			       v[0]);
	return store_run(s, Q_OCCUPATION_INSERT, e, "ttttttt", v[0], v[1], "细类", parent, nz(v[2]),
			 NULL, v[3]);
}

static const char *const industry_cols[] = {"code",    "level",	       "name",
					    "section", "?parent_code", "?note"};
static int industry_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			struct err *e)
{
	if (strcmp(v[1], "门类") && strcmp(v[1], "大类") && strcmp(v[1], "中类") &&
	    strcmp(v[1], "小类"))
		return ref_bad(r, idx, 1, e, _("is not an industry level (门类, 大类, 中类, 小类)"),
			       v[1]);
	return store_run(s, Q_INDUSTRY_INSERT, e, "tttttt", v[0], v[2], v[1], v[3], nz(v[4]),
			 nz(v[5]));
}

static const char *const crosswalk_cols[] = {"level", "major_code", "major_name", "occupation_code",
					     "occupation_name"};
static int crosswalk_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			 struct err *e)
{
	(void)r;
	(void)idx;
	return store_run(s, Q_CROSSWALK_INSERT, e, "ttttt", v[0], v[1], v[2], v[3], v[4]);
}

static const char *const cluster_cols[] = {"code", "name_zh", "name_en", "?description_zh"};
static int cluster_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
		       struct err *e)
{
	(void)r;
	(void)idx;
	return store_run(s, Q_CLUSTER_INSERT, e, "tttt", v[0], v[1], v[2], nz(v[3]));
}

static const char *const alliance_cols[] = {"code", "name_zh", "name_en", "cluster_code"};
static int alliance_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			struct err *e)
{
	(void)r;
	(void)idx;
	return store_run(s, Q_ALLIANCE_INSERT, e, "tttt", v[0], v[1], v[2], v[3]);
}

static const char *const cluster_industry_cols[] = {"cluster_code", "industry_code"};
static int cluster_industry_row(struct store *s, char **v, const struct csv_reader *r,
				const int *idx, struct err *e)
{
	(void)r;
	(void)idx;
	return store_run(s, Q_CLUSTER_INDUSTRY_INSERT, e, "tt", v[0], v[1]);
}

static const char *const cluster_major_cols[] = {"cluster_code", "major_code"};
static int cluster_major_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			     struct err *e)
{
	(void)r;
	(void)idx;
	return store_run(s, Q_CLUSTER_MAJOR_INSERT, e, "tt", v[0], v[1]);
}

static const char *const registry_type_cols[] = {"key", "name_zh", "name_en"};
static int registry_type_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
			     struct err *e)
{
	(void)r;
	(void)idx;
	return store_run(s, Q_REGISTRY_TYPE_INSERT, e, "ttt", v[0], v[1], v[2]);
}

static const char *const element_cols[] = {"code", "name_zh", "name_en", "unit", "?dims"};
static int element_row(struct store *s, char **v, const struct csv_reader *r, const int *idx,
		       struct err *e)
{
	for (const char *p = v[0]; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return ref_bad(
				r, idx, 0, e,
				_("is not a data element code (lower-case letters, digits, '_')"),
				v[0]);
	return store_run(s, Q_DATA_ELEMENT_INSERT, e, "ttttt", v[0], v[1], v[2], v[3], v[4]);
}

#define REF(path, cols, fn)                                                                        \
	{                                                                                          \
		path, cols, sizeof(cols) / sizeof(cols[0]), fn                                     \
	}
static const struct ref_file ref_files[] = {
	REF("divisions/zhoushan_divisions.csv", division_cols, division_row),
	REF("reference/majors_catalog.csv", major_cols, major_row),
	REF("reference/occupations_2022.csv", occupation_cols, occupation_row),
	REF("reference/occupations_new_2024.csv", occupation_new_cols, occupation_new_row),
	REF("reference/industries_gbt4754_2017.csv", industry_cols, industry_row),
	REF("reference/major_occupation_crosswalk.csv", crosswalk_cols, crosswalk_row),
	REF("clusters/clusters.csv", cluster_cols, cluster_row),
	REF("clusters/alliances.csv", alliance_cols, alliance_row),
	REF("clusters/cluster_industries.csv", cluster_industry_cols, cluster_industry_row),
	REF("clusters/cluster_majors.csv", cluster_major_cols, cluster_major_row),
	REF("definitions/registry_types.csv", registry_type_cols, registry_type_row),
	REF("definitions/elements.csv", element_cols, element_row),
};
#define REF_NFILES (sizeof(ref_files) / sizeof(ref_files[0]))

static int ref_load_file(struct store *s, const char *datadir, const struct ref_file *rf,
			 long *rows, struct err *e)
{
	char path[4096];
	struct csv_reader *r = NULL;
	int idx[16];
	char *v[16];
	int rc;

	snprintf(path, sizeof(path), "%s/%s", datadir, rf->path);
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, rf->cols, rf->ncols, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		for (size_t k = 0; k < rf->ncols; k++)
			v[k] = refdata_trim((char *)csv_reader_col(r, idx[k]));
		if ((rc = ref_required(r, idx, v, rf->cols, rf->ncols, e)) < 0)
			goto out;
		if ((rc = rf->row(s, v, r, idx, e)) < 0) {
			if (rc == ERR_CONFLICT) {
				/* a key repeated or a reference to nothing: bad input */
				char why[sizeof(e->msg)];
				snprintf(why, sizeof(why), "%s", e->msg);
				rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), 0,
						_("row rejected: %s"), why);
			} else if (!e->file[0]) {
				err_wrap(e, "%s:%zu", path, csv_reader_line(r));
			}
			goto out;
		}
		(*rows)++;
	}
out:
	csv_reader_free(r);
	return rc < 0 ? rc : 0;
}

int refdata_is_loaded(struct store *s, const char *name, const char *hash, int *same, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_DEFLOAD_GET, e);
	int rc;

	*same = 0;
	if (!st)
		return e->code;
	store_bindf(st, "t", name);
	if ((rc = store_step(st, e)) < 0)
		return rc;
	*same = rc == STORE_ROW && strcmp(store_col_text(st, 1), hash) == 0;
	store_reset(st); /* end the read */
	return 0;
}

int refdata_record_load(struct store *s, const char *name, const char *version, const char *hash,
			struct err *e)
{
	char now[32];
	time_t t = time(NULL);

	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	return store_run(s, Q_DEFLOAD_PUT, e, "tttt", name, version, hash, now);
}

int refdata_load_all(struct store *s, const char *datadir, struct refdata_result *res,
		     struct err *e)
{
	struct refdata_result local;
	const char *paths[REF_NFILES + 1];
	int rc, same;

	if (!res)
		res = &local;
	memset(res, 0, sizeof(*res));
	for (size_t i = 0; i < REF_NFILES; i++)
		paths[i] = ref_files[i].path;
	paths[REF_NFILES] = NULL;
	if ((rc = refdata_hash_files(datadir, paths, res->hash, e)) < 0)
		return rc;
	if ((rc = refdata_is_loaded(s, "reference", res->hash, &same, e)) < 0 || same)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_run(s, Q_REFERENCE_CLEAR_CROSSWALK, e, "")) < 0 ||
	    (rc = store_run(s, Q_REFERENCE_CLEAR_CLUSTER_INDUSTRIES, e, "")) < 0 ||
	    (rc = store_run(s, Q_REFERENCE_CLEAR_CLUSTER_MAJORS, e, "")) < 0)
		goto fail;
	for (size_t i = 0; i < REF_NFILES; i++)
		if ((rc = ref_load_file(s, datadir, &ref_files[i], &res->rows, e)) < 0)
			goto fail;
	if ((rc = refdata_record_load(s, "reference", REFDATA_VERSION, res->hash, e)) < 0)
		goto fail;
	if ((rc = store_commit(s, e)) < 0)
		return rc;
	res->loaded = 1;
	return 0;
fail:
	store_rollback(s);
	return rc;
}
