/* cmd_history.c - `tvet history`: what each import changed (old -> new
 * value, which import, who, when), with --records the changed fields of
 * records (enterprises, schools, surveys, postings ...), or with --imports
 * the imports themselves. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

int cmd_history(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"school", required_argument, NULL, 's'},
					     {"year", required_argument, NULL, 'y'},
					     {"element", required_argument, NULL, 'l'},
					     {"imports", no_argument, NULL, 'i'},
					     {"records", optional_argument, NULL, 'r'},
					     {"key", required_argument, NULL, 'k'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	static const struct out_col change_cols[] = {
		{"import", N_("Import"), OUT_INT},    {"at", N_("Time (UTC)"), OUT_TEXT},
		{"who", N_("Who"), OUT_TEXT},	      {"file", N_("File"), OUT_TEXT},
		{"kind", N_("Kind"), OUT_TEXT},	      {"school", N_("School"), OUT_TEXT},
		{"year", N_("Year"), OUT_INT},	      {"element", N_("Data element"), OUT_TEXT},
		{"dims", N_("Dimensions"), OUT_TEXT}, {"old", N_("Old value"), OUT_REAL},
		{"new", N_("New value"), OUT_REAL},
	};
	static const struct out_col import_cols[] = {
		{"import", N_("Import"), OUT_INT},
		{"kind", N_("Kind"), OUT_TEXT},
		{"file", N_("File"), OUT_TEXT},
		{"sha256", N_("SHA-256"), OUT_TEXT},
		{"encoding", N_("Encoding"), OUT_TEXT},
		{"who", N_("Who"), OUT_TEXT},
		{"at", N_("Time (UTC)"), OUT_TEXT},
		{"school", N_("School"), OUT_TEXT},
		{"year", N_("Year"), OUT_INT},
		{"rows", N_("Rows"), OUT_INT},
		{"changed", N_("Values changed"), OUT_INT},
	};
	static const struct out_col record_cols[] = {
		{"import", N_("Import"), OUT_INT},  {"at", N_("Time (UTC)"), OUT_TEXT},
		{"who", N_("Who"), OUT_TEXT},	    {"file", N_("File"), OUT_TEXT},
		{"entity", N_("Record"), OUT_TEXT}, {"key", N_("Key"), OUT_TEXT},
		{"field", N_("Field"), OUT_TEXT},   {"old", N_("Old value"), OUT_TEXT},
		{"new", N_("New value"), OUT_TEXT},
	};
	enum out_format fmt = OUT_TABLE;
	const char *school = NULL, *element = NULL, *entity = NULL, *key = NULL;
	int year = 0;
	int imports = 0, records = 0, opt, rc;
	struct store *s = NULL;
	struct store_stmt *st;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:y:l:ir::k:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			school = optarg;
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return rc;
			break;
		case 'l':
			element = optarg;
			break;
		case 'i':
			imports = 1;
			break;
		case 'r':
			records = 1;
			entity = optarg;
			break;
		case 'k':
			key = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			printf(_("Usage: tvet history [--school CODE] [--year Y] [--element E]\n"
				 "       tvet history --records[=RECORD] [--key KEY]\n"
				 "       tvet history --imports\n"
				 "                    [--format table|json|csv]\n"
				 "Every value an import changed: old and new value, which import, "
				 "who and\n"
				 "when, newest first. --records lists the changed fields of records\n"
				 "(enterprise, school, school_major, satisfaction, demand, posting,\n"
				 "registry, assessment; a removed record shows field '*'), --key the\n"
				 "records whose key starts with KEY. --imports lists the imports "
				 "themselves.\n"));
			return 0;
		default:
			return cli_bad_option("history", argv, e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	st = store_prepare(s,
			   imports   ? Q_IMPORT_LIST
			   : records ? Q_ENTITY_HISTORY_LIST
				     : Q_HISTORY_LIST,
			   e);
	if (!st) {
		store_close(s);
		return e->code;
	}
	if (records) {
		store_bindf(st, "tt", entity, key);
		rc = out_print_stmt(st, record_cols, sizeof(record_cols) / sizeof(record_cols[0]),
				    fmt, stdout, e);
	} else if (imports) {
		store_bind_text(st, 1, NULL);
		rc = out_print_stmt(st, import_cols, sizeof(import_cols) / sizeof(import_cols[0]),
				    fmt, stdout, e);
	} else {
		store_bind_text(st, 1, school);
		if (year)
			store_bind_int(st, 2, year);
		store_bind_text(st, 3, element);
		rc = out_print_stmt(st, change_cols, sizeof(change_cols) / sizeof(change_cols[0]),
				    fmt, stdout, e);
	}
	store_close(s);
	return rc;
}
