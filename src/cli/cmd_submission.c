/* cmd_submission.c - `tvet submission status|submit|approve|reopen`: a
 * school's yearly submission. Approval locks the year against imports;
 * the bureau reopens it to allow corrections. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "auth/auth.h"
#include "ingest/submission.h"

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
	struct submission sub;
	struct store *s = NULL;
	char who[96], yearbuf[8];
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
	if (to) {
		cli_who(who, sizeof(who));
		rc = submission_move(s, school, year, verb, who, (int64_t)time(NULL), &sub, e);
		if (rc == 0) {
			char detail[96], action[32];

			snprintf(detail, sizeof(detail), "%s %d", school, year);
			snprintf(action, sizeof(action), "submission.%s", verb);
			rc = auth_audit(s, who, "cli", action, detail, (int64_t)time(NULL), e);
		}
	} else {
		rc = submission_get(s, school, year, &sub, e);
	}
	if (rc < 0)
		goto out;
	{
		struct out_table t;
		snprintf(yearbuf, sizeof(yearbuf), "%d", year);
		out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
		out_table_add(&t, (const char *[]){school, yearbuf, sub.status, sub.changed_at,
						   sub.changed_by});
		out_table_print(&t, fmt, stdout);
		out_table_release(&t);
	}
	rc = 0;
out:
	store_close(s);
	return rc;
}
