/* cli.h - what the command-line front end's files share.
 *
 * main.c parses the global options (--db, --data, --version, --help) and
 * hands the rest of argv to one cmd_<verb>() from the table in main.c. A
 * command returns 0 or a negative enum err_code with e filled; main.c prints
 * "tvet: <message>" on stderr and maps the code to the exit status (the one
 * table of exit codes: 0 ok, 1 usage, 2 bad input data, 3 I/O or internal).
 * Commands that print data take --format table|json|csv and write through
 * output.h, so all three formats carry the same rows. */
#ifndef TVET_CLI_H
#define TVET_CLI_H

#include <stdio.h>

#include "cli/output.h"
#include "core/err.h"
#include "store/store.h"

struct cli {
	const char *db_path;  /* --db, $TVET_DB, or ./tvet.db */
	const char *data_dir; /* --data, $TVET_DATA, or the build's data/ */
	const char *prog;     /* "tvet" */
};

/* Open the database for a command that needs an initialised one: it must
 * exist and have the current schema ("run 'tvet init'" otherwise). */
int cli_open_store(const struct cli *c, struct store **s, unsigned flags, struct err *e) WUR;

/* The latest year of any statistic, for commands whose --year defaults to
 * it; ERR_NOTFOUND ("give --year") when there is none. */
int cli_latest_year(struct store *s, int *year, struct err *e) WUR;

/* Parse a --year value (2000-2100) into *year; ERR_USAGE naming it. */
int cli_parse_year(const char *s, int *year, struct err *e) WUR;

/* The usage error for an option getopt_long() refused: the option is
 * argv[optind - 1]; cmd names the command for "see 'tvet CMD --help'". */
int cli_bad_option(const char *cmd, char **argv, struct err *e);

/* Who runs the command, for the record: "cli:<login name>", into buf. */
const char *cli_who(char *buf, size_t size);

/* v with places decimals into buf, or "" when v is NAN (an empty cell). */
void cli_num(char *buf, size_t size, double v, int places);

/* 1 when path (may be NULL) ends in ".xlsx", in any case. */
int cli_is_xlsx_path(const char *path);

/* `tvet plan status`: every target's status in year (0: the latest year
 * with data), filtered by action (0: all) and department code (NULL: all),
 * or one target with its schools (target non-NULL). plan_status.c. */
int plan_status_view(struct store *s, int year, long action, const char *unit,
		     const char *target, enum out_format fmt, struct err *e) WUR;

/* Evaluate year with the default configuration under data_dir and keep
 * the run as who; *city is the city's index. cmd_evaluate.c. */
int evaluate_and_save(struct store *s, const char *data_dir, int year, const char *who,
		      double *city, struct err *e) WUR;

/* Commands: argv[0] is the command's name. */
int cmd_init(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_demo(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_catalog(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_plan(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_status(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_check(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_orgs(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_import(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_template(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_history(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_export(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_submission(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_indicator(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_allocate(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_evaluate(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_index(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_talent(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_serve(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_user(const struct cli *c, int argc, char **argv, struct err *e);
int cmd_audit(const struct cli *c, int argc, char **argv, struct err *e);

#endif
