/* cmd_template.c - `tvet template KIND`: the empty form of a data kind, with
 * the headers an import accepts, as CSV or as an Excel workbook
 * (report/template.h). The database is opened only for what needs it: the
 * workbook's dropdown lists and the rows of a school or a year. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "ingest/kinds.h"
#include "report/template.h"

static int template_usage(const struct cli *c, struct err *e)
{
	char names[512];
	int rc;

	if ((rc = kind_names(c->data_dir, names, sizeof(names), e)) < 0)
		return rc;
	printf(_("Usage: tvet template KIND [--school CODE] [--year Y] [--format csv|xlsx]\n"
		 "                     [-o FILE]\n"
		 "Write the empty form of KIND: headers in Chinese under a Chinese locale,\n"
		 "English otherwise (an import accepts either, or the keys).\n"
		 "As CSV (the default; with -o, UTF-8 with a BOM for Excel) the header row;\n"
		 "as XLSX (--format xlsx or -o FILE.xlsx) a workbook with an instructions\n"
		 "sheet, dropdowns of school and major codes and cells that check their\n"
		 "values. With --school and --year, a per-major form lists the school's\n"
		 "majors that year; with --school or --year, a per-school form lists the\n"
		 "school (or every school) for the year.\n"
		 "Kinds: %s\n"),
	       names);
	return 0;
}

int cmd_template(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"school", required_argument, NULL, 's'}, {"year", required_argument, NULL, 'y'},
		{"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},	  {NULL, 0, NULL, 0}};
	const char *out_path = NULL, *format = NULL, *school = NULL;
	struct store *s = NULL;
	struct kind k;
	FILE *out = stdout;
	int opt, xlsx, year = 0;
	long rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:y:f:o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			school = optarg;
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return (int)rc;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'h':
			return template_usage(c, e);
		default:
			return cli_bad_option("template", argv, e);
		}
	}
	if (argc - optind != 1)
		return err_set(e, ERR_USAGE, _("expected KIND; see 'tvet template --help'"));
	if (!format)
		format = cli_is_xlsx_path(out_path) ? "xlsx" : "csv";
	if (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0)
		return err_set(e, ERR_USAGE, _("unknown template format '%s' (use csv or xlsx)"),
			       format);
	xlsx = strcmp(format, "xlsx") == 0;
	if (xlsx && !out_path)
		return err_set(e, ERR_USAGE,
			       _("an XLSX template is written to a file: give -o "
				 "FILE.xlsx"));
	if ((rc = kind_load(c->data_dir, argv[optind], &k, e)) < 0)
		return (int)rc;
	/* The header alone needs no database. */
	if ((xlsx || school || year) && (rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return (int)rc;
	if (xlsx) {
		rc = template_write_xlsx(s, &k, school, year, out_path, e);
		store_close(s);
		return rc < 0 ? (int)rc : 0;
	}
	if (out_path && !(out = fopen(out_path, "wb"))) {
		store_close(s);
		return err_set(e, ERR_IO, _("cannot write '%s'"), out_path);
	}
	if (out_path)
		fputs("\xEF\xBB\xBF", out); /* so Excel reads the Chinese headers right */
	rc = template_write_csv(s, &k, school, year, out, e);
	store_close(s);
	if (out_path && fclose(out) != 0 && rc >= 0)
		rc = err_set(e, ERR_IO, _("cannot write '%s'"), out_path);
	if (rc < 0 && out_path)
		remove(out_path); /* no half-written form */
	return rc < 0 ? (int)rc : 0;
}
