/* cmd_status.c - `tvet status`: what the database holds - schema version,
 * the definition sets loaded (with their hashes) and row counts. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

int cmd_status(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	static const struct out_col cols[] = {
		{"item", N_("Item"), OUT_TEXT},
		{"value", N_("Value"), OUT_TEXT},
	};
	static const char *const counts[] = {
		N_("divisions"),
		N_("organisations"),
		N_("schools"),
		N_("departments"),
		N_("majors"),
		N_("occupations"),
		N_("industries"),
		N_("major-occupation links"),
		N_("clusters"),
		N_("alliances"),
		N_("plan targets"),
		N_("enterprises"),
		N_("school majors (by year)"),
		N_("registry items"),
		N_("statistics values"),
		N_("job postings"),
		N_("demand survey rows"),
		N_("satisfaction survey rows"),
	};
	enum out_format fmt = OUT_TABLE;
	struct store *s = NULL;
	struct store_stmt *st;
	struct out_table t;
	char buf[160];
	int opt, rc, version;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			printf(_("Usage: tvet status [--format table|json|csv]\n"
				 "Schema version, loaded definitions and row counts of the "
				 "database.\n"));
			return 0;
		default:
			return err_set(e, ERR_USAGE,
				       _("unknown option '%s'; see 'tvet status --help'"),
				       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	out_table_init(&t, cols, 2);
	if ((rc = store_schema_version(s, &version, e)) < 0)
		goto out;
	snprintf(buf, sizeof(buf), "%d", version);
	out_table_add(&t, (const char *[]){_("schema version"), buf});
	out_table_add(&t, (const char *[]){_("database"), store_path(s)});
	static const char *const defs[][2] = {
		{"reference", N_("reference definitions")},
		{"plan", N_("plan definitions")},
	};
	for (size_t d = 0; d < sizeof(defs) / sizeof(defs[0]); d++) {
		if (!(st = store_prepare(s, Q_DEFLOAD_GET, e))) {
			rc = e->code;
			goto out;
		}
		store_bindf(st, "t", defs[d][0]);
		if ((rc = store_step(st, e)) < 0)
			goto out;
		if (rc == STORE_ROW) {
			snprintf(buf, sizeof(buf), "v%s %.12s %s", store_col_text(st, 0),
				 store_col_text(st, 1), store_col_text(st, 2));
			store_reset(st);
			out_table_add(&t, (const char *[]){_(defs[d][1]), buf});
		}
	}
	if (!(st = store_prepare(s, Q_SUMMARY, e))) {
		rc = e->code;
		goto out;
	}
	if ((rc = store_step(st, e)) < 0)
		goto out;
	for (int i = 0; i < (int)(sizeof(counts) / sizeof(counts[0])); i++)
		out_table_add(&t, (const char *[]){_(counts[i]), store_col_text(st, i)});
	out_table_print(&t, fmt, stdout);
	rc = 0;
out:
	out_table_release(&t);
	store_close(s);
	return rc;
}
