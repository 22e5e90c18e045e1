/* cmd_orgs.c - `tvet orgs [--kind K]`: the organisations - the city, its
 * districts, the schools with their level, the responsible departments. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

int cmd_orgs(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"kind", required_argument, NULL, 'k'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	static const struct out_col cols[] = {
		{"code", N_("Code"), OUT_TEXT},
		{"name", N_("Name"), OUT_TEXT},
		{"name_en", N_("English name"), OUT_TEXT},
		{"kind", N_("Kind"), OUT_TEXT},
		{"school_level", N_("School level"), OUT_TEXT},
		{"parent", N_("Parent"), OUT_TEXT},
		{"division", N_("Division"), OUT_TEXT},
	};
	enum out_format fmt = OUT_TABLE;
	const char *kind = NULL;
	struct store *s = NULL;
	struct store_stmt *st;
	struct out_table t;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "k:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			kind = optarg;
			if (strcmp(kind, "city") && strcmp(kind, "district") &&
			    strcmp(kind, "school") && strcmp(kind, "department"))
				return err_set(e, ERR_USAGE,
					       _("unknown kind '%s' (use city, district, school or "
						 "department)"),
					       kind);
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			printf(_("Usage: tvet orgs [--kind city|district|school|department]\n"
				 "                 [--format table|json|csv]\n"
				 "List the organisations the system knows.\n"));
			return 0;
		default:
			return cli_bad_option("orgs", argv, e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	if (!(st = store_prepare(s, Q_ORG_LIST, e))) {
		store_close(s);
		return e->code;
	}
	store_bind_text(st, 1, kind);
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	while ((rc = store_step(st, e)) == STORE_ROW) {
		const char *row[7] = {store_col_text(st, 1), store_col_text(st, 2),
				      store_col_text(st, 3), store_col_text(st, 4),
				      store_col_text(st, 5), store_col_text(st, 6),
				      store_col_text(st, 8)};
		out_table_add(&t, row);
	}
	if (rc == STORE_DONE)
		out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	store_close(s);
	return rc < 0 ? rc : 0;
}
