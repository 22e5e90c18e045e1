/* cmd_import.c - `tvet import KIND FILE`: validate a submitted file and
 * import it whole, or list precisely what to fix and import nothing. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "ingest/import.h"
#include "report/issues.h"

#define IMPORT_SHOW_ISSUES 50

static void import_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet import KIND FILE [--school CODE] [--year Y] [--dry-run]\n"
		  "                   [--errors-out FILE.csv] [--encoding utf-8|gbk|utf-16]\n"
		  "                   [--sheet NAME]\n"
		  "Validate FILE (an XLSX workbook's first or named sheet, or CSV in UTF-8,\n"
		  "GBK/GB18030 or UTF-16, detected) as data of\n"
		  "KIND and import it in one transaction: any error and nothing is imported.\n"
		  "Re-importing a school's year replaces its earlier values; every change is\n"
		  "kept ('tvet history'). --dry-run only validates. --errors-out writes every\n"
		  "problem to a file for Excel: XLSX when its name ends in .xlsx, else CSV.\n"
		  "Kinds: see 'tvet template --help'.\n"));
}

int cmd_import(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"school", required_argument, NULL, 's'},
					     {"year", required_argument, NULL, 'y'},
					     {"dry-run", no_argument, NULL, 'n'},
					     {"errors-out", required_argument, NULL, 'o'},
					     {"encoding", required_argument, NULL, 'E'},
					     {"sheet", required_argument, NULL, 'S'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct import_options o = {0};
	struct import_report rep;
	struct store *s = NULL;
	struct kind k;
	const char *errors_out = NULL;
	char who[96];
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:y:no:E:S:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			o.school = optarg;
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &o.year, e)) < 0)
				return rc;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'o':
			errors_out = optarg;
			break;
		case 'S':
			o.sheet = optarg;
			break;
		case 'E':
			if ((rc = encoding_parse(optarg, &o.encoding, e)) < 0)
				return rc;
			break;
		case 'h':
			import_usage(stdout);
			return 0;
		default:
			return cli_bad_option("import", argv, e);
		}
	}
	if (argc - optind != 2)
		return err_set(e, ERR_USAGE, _("expected KIND and FILE; see 'tvet import --help'"));
	if ((rc = kind_load(c->data_dir, argv[optind], &k, e)) < 0)
		return rc;
	o.path = argv[optind + 1];
	o.who = cli_who(who, sizeof(who));
	if ((rc = cli_open_store(c, &s, 0, e)) < 0)
		return rc;
	rc = import_file(s, &k, &o, &rep, e);
	if (rc == 0 && !o.dry_run) {
		char detail[512];
		snprintf(detail, sizeof(detail), "%s %s: %zu rows, %zu values changed, batch %lld",
			 k.name, rep.file, rep.rows, rep.changed, (long long)rep.batch_id);
		rc = auth_audit(s, o.who, "cli", "import", detail, (int64_t)time(NULL), e);
	}
	store_close(s);
	for (size_t i = 0; i < rep.nissues && i < IMPORT_SHOW_ISSUES; i++) {
		const struct import_issue *is = &rep.issues[i];
		fprintf(stderr, "%s:%zu: %s%s%s%s\n", rep.file, is->row,
			is->warning ? _("warning: ") : "", is->column, is->column[0] ? ": " : "",
			is->message);
	}
	if (rep.nissues > IMPORT_SHOW_ISSUES)
		fprintf(stderr, _("... and %zu more (all of them with --errors-out)\n"),
			rep.errors + rep.warnings - IMPORT_SHOW_ISSUES);
	if (errors_out && rep.nissues) {
		int wrc = 0;

		if (cli_is_xlsx_path(errors_out)) {
			wrc = issues_write_xlsx(&rep, errors_out, e);
		} else {
			FILE *f = fopen(errors_out, "wb");
			if (f)
				import_report_write_csv(&rep, f);
			if (!f || fclose(f) != 0)
				wrc = err_set(e, ERR_IO, _("cannot write '%s'"), errors_out);
		}
		if (wrc < 0) {
			import_report_release(&rep);
			return wrc;
		}
	}
	if (rc == 0) {
		if (o.dry_run)
			printf(_("%s: %zu rows of %s are valid (%zu warnings); nothing written "
				 "(--dry-run)\n"),
			       rep.file, rep.rows, k.name, rep.warnings);
		else
			printf(_("%s (%s): imported %zu rows of %s, %zu values changed (import "
				 "#%lld, %zu warnings)\n"),
			       rep.file, rep.encoding, rep.rows, k.name, rep.changed,
			       (long long)rep.batch_id, rep.warnings);
	}
	import_report_release(&rep);
	return rc;
}
