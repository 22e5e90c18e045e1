/* cmd_submission.c - `tvet submission status|submit|approve|reopen`: a
 * school's yearly submission. Approval locks the year against imports;
 * the bureau reopens it to allow corrections. */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

/* Which transitions are allowed: from -> to. */
static int submission_allowed(const char *from, const char *to)
{
	if (!strcmp(to, "submitted"))
		return !strcmp(from, "open") || !strcmp(from, "reopened");
	if (!strcmp(to, "approved"))
		return !strcmp(from, "submitted");
	if (!strcmp(to, "reopened"))
		return !strcmp(from, "approved") || !strcmp(from, "submitted");
	return 0;
}

int cmd_submission(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"school", required_argument, NULL, 's'},
					     {"year", required_argument, NULL, 'y'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	static const struct out_col cols[] = {
		{"school", N_("School"), OUT_TEXT},
		{"year", N_("Year"), OUT_INT},
		{"status", N_("Status"), OUT_TEXT},
		{"changed_at", N_("Changed (UTC)"), OUT_TEXT},
		{"changed_by", N_("Changed by"), OUT_TEXT},
	};
	static const char *const verbs[][2] = {
		{"submit", "submitted"}, {"approve", "approved"}, {"reopen", "reopened"}};
	enum out_format fmt = OUT_TABLE;
	const char *school = NULL, *to = NULL, *verb;
	int year = 0;
	int64_t school_id;
	struct store *s = NULL;
	struct store_stmt *st;
	char status[16] = "open", at[32] = "", by[96] = "", who[96], yearbuf[8];
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:y:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			school = optarg;
			break;
		case 'y':
			if ((rc = cli_parse_year(optarg, &year, e)) < 0)
				return rc;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			break;
		case 'h':
			printf(_("Usage: tvet submission status|submit|approve|reopen --school "
				 "CODE --year Y\n"
				 "                       [--format table|json|csv]\n"
				 "A school's yearly submission: open -> submitted -> approved (the "
				 "year is\n"
				 "locked against imports) -> reopened by the bureau -> submitted "
				 "...\n"));
			return 0;
		default:
			return cli_bad_option("submission", argv, e);
		}
	}
	if (argc - optind != 1)
		return err_set(e, ERR_USAGE, _("expected status, submit, approve or reopen"));
	verb = argv[optind];
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(verb, verbs[i][0]))
			to = verbs[i][1];
	if (!to && strcmp(verb, "status"))
		return err_set(e, ERR_USAGE,
			       _("unknown action '%s' (use status, submit, approve or reopen)"),
			       verb);
	if (!school || !year)
		return err_set(e, ERR_USAGE, _("--school and --year are required"));
	if ((rc = cli_open_store(c, &s, 0, e)) < 0)
		return rc;
	if ((rc = store_lookup(s, Q_SCHOOL_BY_CODE, &school_id, e, "t", school)) <= 0) {
		if (rc == 0)
			rc = err_set(e, ERR_NOTFOUND, _("school '%s' does not exist"), school);
		goto out;
	}
	if (!(st = store_prepare(s, Q_SUBMISSION_GET, e))) {
		rc = e->code;
		goto out;
	}
	store_bindf(st, "ii", school_id, (int64_t)year);
	if ((rc = store_step(st, e)) < 0)
		goto out;
	if (rc == STORE_ROW) {
		snprintf(status, sizeof(status), "%s", store_col_text(st, 0));
		snprintf(at, sizeof(at), "%s", store_col_text(st, 1));
		snprintf(by, sizeof(by), "%s", store_col_text(st, 2));
	}
	store_reset(st);
	if (to) {
		struct passwd *pw = getpwuid(getuid());
		time_t t = time(NULL);

		if (!submission_allowed(status, to)) {
			rc = err_set(e, ERR_CONFLICT,
				     _("the %d submission of '%s' is %s: cannot %s it"), year,
				     school, status, verb);
			goto out;
		}
		snprintf(who, sizeof(who), "cli:%s", pw ? pw->pw_name : "unknown");
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
		if ((rc = store_begin(s, e)) < 0)
			goto out;
		if ((rc = store_run(s, Q_SUBMISSION_PUT, e, "iittt", school_id, (int64_t)year, to,
				    at, who)) < 0 ||
		    (rc = store_commit(s, e)) < 0) {
			store_rollback(s);
			goto out;
		}
		snprintf(status, sizeof(status), "%s", to);
		snprintf(by, sizeof(by), "%s", who);
	}
	{
		struct out_table t;
		snprintf(yearbuf, sizeof(yearbuf), "%d", year);
		out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
		out_table_add(&t, (const char *[]){school, yearbuf, status, at, by});
		out_table_print(&t, fmt, stdout);
		out_table_release(&t);
	}
	rc = 0;
out:
	store_close(s);
	return rc;
}
