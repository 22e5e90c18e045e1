/* cmd_export.c - `tvet export KIND`: stored data in exactly the layout
 * `tvet import KIND` accepts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "report/export.h"

int cmd_export(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"school", required_argument, NULL, 's'}, {"year", required_argument, NULL, 'y'},
		{"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},	  {NULL, 0, NULL, 0}};
	const char *school = NULL, *out_path = NULL;
	struct store *s = NULL;
	struct kind k;
	FILE *out = stdout;
	long rows;
	int year = 0, xlsx = -1;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:y:f:o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			school = optarg;
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return rc;
			break;
		case 'f':
			if (strcmp(optarg, "csv") && strcmp(optarg, "xlsx"))
				return err_set(e, ERR_USAGE,
					       _("unknown export format '%s' (use csv or xlsx)"),
					       optarg);
			xlsx = !strcmp(optarg, "xlsx");
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'h':
			printf(_("Usage: tvet export KIND [--school CODE] [--year Y]\n"
				 "                   [--format csv|xlsx] [-o FILE]\n"
				 "Write the stored data of KIND in the layout 'tvet import KIND' "
				 "accepts\n"
				 "(CSV in UTF-8 with BOM, for Excel, or an XLSX workbook: "
				 "--format xlsx\n"
				 "or -o FILE.xlsx): export, edit, import.\n"));
			return 0;
		default:
			return cli_bad_option("export", argv, e);
		}
	}
	if (argc - optind != 1)
		return err_set(e, ERR_USAGE, _("expected KIND; see 'tvet export --help'"));
	if ((rc = kind_load(c->data_dir, argv[optind], &k, e)) < 0)
		return rc;
	if (xlsx < 0)
		xlsx = cli_is_xlsx_path(out_path);
	if (xlsx && !out_path)
		return err_set(e, ERR_USAGE, _("an XLSX export needs -o FILE.xlsx"));
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	if (xlsx) {
		rows = export_xlsx(s, &k, school, (int)year, out_path, e);
	} else if (out_path && !(out = fopen(out_path, "wb"))) {
		rows = err_set(e, ERR_IO, _("cannot write '%s'"), out_path);
	} else {
		rows = export_csv(s, &k, school, (int)year, out, e);
		if (out_path && fclose(out) != 0 && rows >= 0)
			rows = err_set(e, ERR_IO, _("cannot write '%s'"), out_path);
	}
	store_close(s);
	if (rows < 0)
		return (int)rows;
	if (out_path)
		fprintf(stderr, _("%s: %ld rows of %s\n"), out_path, rows, k.name);
	return 0;
}
