/* cmd_check.c - `tvet check`: the database's full consistency check
 * (SQLite integrity_check and foreign_key_check). Exit 0 when it holds,
 * 3 with the problems listed when it does not. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/i18n.h"

int cmd_check(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	struct store *s = NULL;
	struct strbuf report = {0};
	int opt, ok, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h') {
			printf(_("Usage: tvet check\n"
				 "Verify the database: page structure, indexes and foreign "
				 "keys.\n"));
			return 0;
		}
		return err_set(e, ERR_USAGE, _("unknown option '%s'; see 'tvet check --help'"),
			       argv[optind - 1]);
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = store_open(&s, c->db_path, STORE_READONLY, e)) < 0)
		return rc;
	rc = store_check(s, &ok, &report, e);
	if (rc == 0 && !ok) {
		fputs(strbuf_str(&report), stderr);
		rc = err_set(e, ERR_IO, _("database '%s' failed the integrity check"), c->db_path);
	} else if (rc == 0) {
		printf(_("database %s: ok\n"), c->db_path);
	}
	strbuf_release(&report);
	store_close(s);
	return rc;
}
