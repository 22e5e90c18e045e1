/* cmd_audit.c - `tvet audit verify|list`: the audit trail (auth/auth.h).
 * verify recomputes the hash chain and prints its head, which an operator
 * may keep elsewhere: the chain alone cannot show that its newest entries
 * were removed. list shows the newest entries first. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

#define AUDIT_LIST_DEFAULT 50
#define AUDIT_LIST_MAX 1000000

static int audit_verify(struct store *s, struct err *e)
{
	struct store_stmt *st;
	size_t checked;
	int rc;

	if ((rc = auth_audit_verify(s, &checked, e)) < 0)
		return rc;
	printf(_("audit trail intact: %zu entries\n"), checked);
	if (!(st = store_prepare(s, Q_AUTH_AUDIT_LAST, e)))
		return e->code;
	if ((rc = store_step(st, e)) == STORE_ROW)
		printf(_("last entry %lld, hash %s\n"), (long long)store_col_int(st, 0),
		       store_col_text(st, 1));
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static int audit_list(struct store *s, const char *who, long limit, enum out_format fmt,
		      struct err *e)
{
	static const struct out_col cols[] = {
		{"id", N_("Entry"), OUT_INT},	    {"at", N_("Time (UTC)"), OUT_TEXT},
		{"who", N_("Who"), OUT_TEXT},	    {"ip", N_("From"), OUT_TEXT},
		{"action", N_("Action"), OUT_TEXT}, {"detail", N_("Detail"), OUT_TEXT},
	};
	struct store_stmt *st = store_prepare(s, Q_AUTH_AUDIT_LIST, e);

	if (!st)
		return e->code;
	store_bindf(st, "ti", who, (int64_t)limit);
	return out_print_stmt(st, cols, sizeof(cols) / sizeof(cols[0]), fmt, stdout, e);
}

int cmd_audit(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"limit", required_argument, NULL, 'n'},
					     {"who", required_argument, NULL, 'w'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	enum out_format fmt = OUT_TABLE;
	const char *who = NULL, *verb;
	long limit = AUDIT_LIST_DEFAULT;
	int list_options = 0, opt, rc;
	struct store *s = NULL;
	char *end;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "n:w:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			limit = strtol(optarg, &end, 10);
			if (!*optarg || *end || limit < 1 || limit > AUDIT_LIST_MAX)
				return err_set(e, ERR_USAGE,
					       _("--limit '%s' is not a number from 1 to %d"),
					       optarg, AUDIT_LIST_MAX);
			list_options = 1;
			break;
		case 'w':
			who = optarg;
			list_options = 1;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			list_options = 1;
			break;
		case 'h':
			printf(_("Usage: tvet audit verify\n"
				 "       tvet audit list [--limit N] [--who LOGIN] [--format "
				 "table|json|csv]\n"
				 "The audit trail of logins, account changes and writes. verify "
				 "recomputes its\n"
				 "hash chain (exit 2 naming the first broken entry); list shows "
				 "the "
				 "newest\n"
				 "entries first (%d unless --limit).\n"),
			       AUDIT_LIST_DEFAULT);
			return 0;
		default:
			return cli_bad_option("audit", argv, e);
		}
	}
	if (argc - optind != 1)
		return err_set(e, ERR_USAGE, _("expected verify or list; see 'tvet audit --help'"));
	verb = argv[optind];
	if (strcmp(verb, "verify") != 0 && strcmp(verb, "list") != 0)
		return err_set(e, ERR_USAGE, _("unknown action '%s' (use verify or list)"), verb);
	if (!strcmp(verb, "verify") && list_options)
		return err_set(e, ERR_USAGE,
			       _("--limit, --who and --format are only for 'tvet audit list'"));
	if ((rc = cli_open_store(c, &s, STORE_READONLY, e)) < 0)
		return rc;
	if (!strcmp(verb, "verify"))
		rc = audit_verify(s, e);
	else
		rc = audit_list(s, who, limit, fmt, e);
	store_close(s);
	return rc;
}
