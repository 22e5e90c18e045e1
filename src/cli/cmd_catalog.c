/* cmd_catalog.c - `tvet catalog majors|occupations|industries|clusters|
 * alliances|registry-types`:
 * list and search the reference catalogues. --search matches a code prefix
 * ("2-02", "3731", "7001") or any part of a name ("船舶"). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

static const struct out_col major_cols[] = {
	{"code", N_("Code"), OUT_TEXT},		{"name", N_("Major"), OUT_TEXT},
	{"level", N_("Level"), OUT_TEXT},	{"class", N_("Class"), OUT_TEXT},
	{"category", N_("Category"), OUT_TEXT}, {"in_2021_catalog", N_("2021 catalogue"), OUT_BOOL},
	{"cluster", N_("Cluster"), OUT_TEXT},
};
static const struct out_col occupation_cols[] = {
	{"code", N_("Code"), OUT_TEXT},
	{"name", N_("Occupation"), OUT_TEXT},
	{"level", N_("Level"), OUT_TEXT},
	{"parent", N_("Parent"), OUT_TEXT},
	{"green_digital", N_("Green/digital"), OUT_TEXT},
};
static const struct out_col industry_cols[] = {
	{"code", N_("Code"), OUT_TEXT},	    {"name", N_("Industry"), OUT_TEXT},
	{"level", N_("Level"), OUT_TEXT},   {"section", N_("Section"), OUT_TEXT},
	{"parent", N_("Parent"), OUT_TEXT},
};
static const struct out_col cluster_cols[] = {
	{"code", N_("Code"), OUT_TEXT},
	{"name", N_("Cluster"), OUT_TEXT},
	{"name_en", N_("English name"), OUT_TEXT},
	{"industries", N_("Industries"), OUT_INT},
	{"majors", N_("Majors"), OUT_INT},
	{"alliance", N_("Alliance"), OUT_TEXT},
};

static const struct out_col registry_type_cols[] = {
	{"key", N_("Key"), OUT_TEXT},
	{"name", N_("Registry item type"), OUT_TEXT},
	{"name_en", N_("English name"), OUT_TEXT},
};
static const struct out_col alliance_cols[] = {
	{"code", N_("Code"), OUT_TEXT},
	{"name", N_("Alliance"), OUT_TEXT},
	{"name_en", N_("English name"), OUT_TEXT},
	{"cluster", N_("Cluster"), OUT_TEXT},
};

struct catalog_kind {
	const char *name;
	enum store_query query;
	const struct out_col *cols;
	size_t ncols;
	int has_level;
};

#define KIND(n, q, c, l)                                                                           \
	{                                                                                          \
		n, q, c, sizeof(c) / sizeof(c[0]), l                                               \
	}
static const struct catalog_kind kinds[] = {
	KIND("majors", Q_CATALOG_MAJORS, major_cols, 1),
	KIND("occupations", Q_CATALOG_OCCUPATIONS, occupation_cols, 1),
	KIND("industries", Q_CATALOG_INDUSTRIES, industry_cols, 1),
	KIND("clusters", Q_CATALOG_CLUSTERS, cluster_cols, 0),
	KIND("alliances", Q_ALLIANCE_LIST, alliance_cols, 0),
	KIND("registry-types", Q_REGISTRY_TYPE_LIST, registry_type_cols, 0),
};

static void catalog_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet catalog majors|occupations|industries|clusters|alliances|\n"
		  "                    registry-types\n"
		  "                    [--search TEXT] [--level LEVEL] [--format table|json|csv]\n"
		  "List a reference catalogue. --search matches the start of a code\n"
		  "(2-02, 3731, 7001) or any part of a name (船舶). --level filters by level:\n"
		  "中职, 高职专科, 职业本科 for majors; 大类, 中类, 小类, 细类 for occupations;\n"
		  "门类, 大类, 中类, 小类 for industries.\n"));
}

int cmd_catalog(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"search", required_argument, NULL, 's'},
					     {"level", required_argument, NULL, 'l'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	const char *search = NULL, *level = NULL;
	enum out_format fmt = OUT_TABLE;
	const struct catalog_kind *k = NULL;
	struct store *s = NULL;
	struct store_stmt *st;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:l:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			search = optarg;
			break;
		case 'l':
			level = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			catalog_usage(stdout);
			return 0;
		default:
			return cli_bad_option("catalog", argv, e);
		}
	}
	if (optind >= argc)
		return err_set(e, ERR_USAGE,
			       _("which catalogue? majors, occupations, industries, clusters, "
				 "alliances or registry-types"));
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(argv[optind], kinds[i].name) == 0)
			k = &kinds[i];
	if (!k)
		return err_set(e, ERR_USAGE,
			       _("unknown catalogue '%s' (use majors, occupations, industries, "
				 "clusters, alliances or registry-types)"),
			       argv[optind]);
	if (optind + 1 < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind + 1]);
	if (level && !k->has_level)
		return err_set(e, ERR_USAGE, _("--level does not apply to %s"), k->name);
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	if (!(st = store_prepare(s, k->query, e))) {
		store_close(s);
		return e->code;
	}
	store_bind_text(st, 1, search && *search ? search : NULL);
	if (k->has_level)
		store_bind_text(st, 2, level);
	rc = out_print_stmt(st, k->cols, k->ncols, fmt, stdout, e);
	store_close(s);
	return rc;
}
