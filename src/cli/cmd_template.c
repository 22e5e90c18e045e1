/* cmd_template.c - `tvet template KIND`: the empty form of a data kind,
 * with the headers an import accepts. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "ingest/csv.h"
#include "ingest/kinds.h"

int cmd_template(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	const char *out_path = NULL, *format = "csv";
	char names[512];
	struct kind k;
	FILE *out = stdout;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'h':
			if ((rc = kind_names(c->data_dir, names, sizeof(names), e)) < 0)
				return rc;
			printf(_("Usage: tvet template KIND [--format csv] [-o FILE]\n"
				 "Write the header row of KIND's file: Chinese headers under a "
				 "Chinese\n"
				 "locale, English otherwise (an import accepts either, or the "
				 "keys).\n"
				 "Kinds: %s\n"),
			       names);
			return 0;
		default:
			return err_set(e, ERR_USAGE,
				       _("unknown option or missing value '%s'; see 'tvet template "
					 "--help'"),
				       argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return err_set(e, ERR_USAGE, _("expected KIND; see 'tvet template --help'"));
	if (strcmp(format, "csv") != 0)
		return err_set(e, ERR_USAGE, _("unknown template format '%s' (use csv)"), format);
	if ((rc = kind_load(c->data_dir, argv[optind], &k, e)) < 0)
		return rc;
	if (out_path && !(out = fopen(out_path, "wb")))
		return err_set(e, ERR_IO, _("cannot write '%s'"), out_path);
	if (out_path)
		fputs("\xEF\xBB\xBF", out); /* so Excel reads the Chinese headers right */
	for (size_t i = 0; i < k.ncols; i++) {
		if (i)
			fputc(',', out);
		csv_write_field(out, kind_header(&k.cols[i]));
	}
	fputs("\r\n", out);
	if (out_path && fclose(out) != 0)
		return err_set(e, ERR_IO, _("cannot write '%s'"), out_path);
	return 0;
}
