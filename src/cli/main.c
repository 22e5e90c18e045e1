/* main.c - the `tvet` program: global options, command dispatch, exit codes.
 *
 *   tvet [--db PATH] [--data DIR] COMMAND [ARGS]
 *
 * The database path comes from --db, then $TVET_DB, then ./tvet.db; the
 * definitions directory from --data, then $TVET_DATA, then the data/ the
 * program was built with. Errors go to stderr as one line. */
#include <getopt.h>
#include <errno.h>
#include <math.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"

struct command {
	const char *name;
	int (*run)(const struct cli *c, int argc, char **argv, struct err *e);
	const char *summary;
};

static const struct command commands[] = {
	{"init", cmd_init,
	 N_("create or upgrade the database and load the catalogues and the plan")},
	{"demo", cmd_demo, N_("fill the database with the demo city (2021-2025)")},
	{"catalog", cmd_catalog, N_("list and search majors, occupations, industries, clusters")},
	{"plan", cmd_plan, N_("the action plan: its targets, actions and their status")},
	{"indicator", cmd_indicator, N_("the indicators of plan monitoring, and any formula, evaluated")},
	{"allocate", cmd_allocate,
	 N_("performance pay from the evaluation: the pool shared, capped, to the fen")},
	{"evaluate", cmd_evaluate,
	 N_("the contribution evaluation of every school, and the city's index (G3)")},
	{"index", cmd_index, N_("composite indices from COINr's tables: build, weights, TOPSIS")},
	{"talent", cmd_talent,
	 N_("the industry talent platform: supply and demand by major, advice on majors")},
	{"serve", cmd_serve, N_("the web system: the JSON API and the dashboard")},
	{"template", cmd_template, N_("the form of a data kind: XLSX with dropdowns and checks, or CSV")},
	{"import", cmd_import, N_("validate and import a file of schools' yearly data")},
	{"export", cmd_export, N_("stored data in the layout its import accepts")},
	{"submission", cmd_submission,
	 N_("a school's yearly submission: submit, approve (lock), reopen")},
	{"history", cmd_history, N_("imports and the history of every changed value")},
	{"orgs", cmd_orgs, N_("list organisations: the city, districts, schools, departments")},
	{"status", cmd_status, N_("what the database holds")},
	{"check", cmd_check, N_("verify the database's integrity")},
	{"user", cmd_user, N_("accounts of the web system: add, passwd, disable, enable, list")},
	{"audit", cmd_audit, N_("the audit trail: verify its hash chain, list its entries")},
};

/* The one table from error codes to exit statuses. */
static int exit_status(int code)
{
	switch (code) {
	case ERR_OK:
		return 0;
	case ERR_USAGE:
		return 1;
	case ERR_INPUT:
	case ERR_NOTFOUND:
	case ERR_CONFLICT:
	case ERR_VERSION:
	case ERR_AUTH:
	case ERR_DENIED:
	case ERR_LIMIT:
		return 2;
	default:
		return 3;
	}
}

static void usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet [--db PATH] [--data DIR] COMMAND [ARGS]\n"
		  "TVET Observatory - vocational education monitoring and industry talent data\n\n"
		  "Commands:\n"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out,
		_("\nOptions:\n"
		  "  --db PATH     database file (default: $TVET_DB, then ./tvet.db)\n"
		  "  --data DIR    definitions directory (default: $TVET_DATA, then %s)\n"
		  "  --version     print the version\n"
		  "  --help        this help; 'tvet COMMAND --help' for a command\n\n"
		  "Exit status: 0 ok, 1 usage error, 2 bad input data, 3 I/O or internal error.\n"),
		TVET_DATADIR);
}

int cli_open_store(const struct cli *c, struct store **s, unsigned flags, struct err *e)
{
	int rc = store_open(s, c->db_path, flags, e);

	if (rc < 0)
		return rc;
	if (!store_is_current(*s)) {
		store_close(*s);
		*s = NULL;
		return err_set(e, ERR_VERSION,
			       _("database '%s' is not initialised or is from an older version; "
				 "run 'tvet init'"),
			       c->db_path);
	}
	return 0;
}

int cli_latest_year(struct store *s, int *year, struct err *e)
{
	int64_t latest = 0;
	int rc = store_lookup(s, Q_LATEST_YEAR, &latest, e, "");

	if (rc < 0)
		return rc;
	if (!latest)
		return err_set(e, ERR_NOTFOUND, _("no yearly data yet: give --year"));
	*year = (int)latest;
	return 0;
}

int cli_parse_year(const char *s, int *year, struct err *e)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 2000 || v > 2100)
		return err_set(e, ERR_USAGE, _("--year '%s' is not a year"), s);
	*year = (int)v;
	return 0;
}

int cli_bad_option(const char *cmd, char **argv, struct err *e)
{
	return err_set(e, ERR_USAGE,
		       _("unknown option or missing value '%s'; see 'tvet %s --help'"),
		       argv[optind - 1], cmd);
}

int cli_is_xlsx_path(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	return n >= 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

const char *cli_who(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(getuid());

	snprintf(buf, size, "cli:%s", pw ? pw->pw_name : "unknown");
	return buf;
}

void cli_num(char *buf, size_t size, double v, int places)
{
	if (isnan(v))
		buf[0] = '\0';
	else
		snprintf(buf, size, "%.*f", places, v);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"data", required_argument, NULL, 'D'},
					     {"version", no_argument, NULL, 'V'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct cli c = {0};
	struct err e;
	const char *localedir = getenv("TVET_LOCALEDIR");
	int opt, rc;

	i18n_init(localedir && *localedir ? localedir : TVET_LOCALEDIR);
	err_clear(&e);
	c.prog = "tvet";
	c.db_path = getenv("TVET_DB");
	if (!c.db_path || !*c.db_path)
		c.db_path = "tvet.db";
	c.data_dir = getenv("TVET_DATA");
	if (!c.data_dir || !*c.data_dir)
		c.data_dir = TVET_DATADIR;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c.db_path = optarg;
			break;
		case 'D':
			c.data_dir = optarg;
			break;
		case 'V':
			printf("tvet %s (schema %d)\n", TVET_VERSION, store_schema_latest());
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fprintf(stderr, _("tvet: unknown option '%s'; see 'tvet --help'\n"),
				argv[optind - 1]);
			return 1;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 1;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[optind], commands[i].name) != 0)
			continue;
		rc = commands[i].run(&c, argc - optind, argv + optind, &e);
		if (rc < 0) {
			fprintf(stderr, "tvet %s: %s\n", commands[i].name, e.msg);
			return exit_status(rc);
		}
		if (fflush(stdout) != 0) {
			fprintf(stderr, _("tvet: cannot write the output: %s\n"), strerror(errno));
			return 3;
		}
		return 0;
	}
	fprintf(stderr, _("tvet: unknown command '%s'; see 'tvet --help'\n"), argv[optind]);
	return 1;
}
