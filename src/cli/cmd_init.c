/* cmd_init.c - `tvet init`: create or upgrade the database, then load the
 * reference catalogues and the plan from the definitions directory.
 *
 * Running it again is safe: migrations already applied are skipped and
 * definition files are reloaded only when their hash changed. If init
 * created the database file and then fails, the file is removed, so a
 * failed init leaves nothing behind. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "ingest/plandef.h"
#include "ingest/refdata.h"

static void init_usage(FILE *out)
{
	fprintf(out, _("Usage: tvet [--db PATH] [--data DIR] init\n"
		       "Create the database (or upgrade it to this version's schema) and load\n"
		       "the reference catalogues and the action plan from the data directory.\n"
		       "Refuses a database made by a newer version of tvet.\n"));
}

static void init_remove_db(const char *path)
{
	char side[4200];

	if (strncmp(path, "sqlite:", 7) == 0)
		path += 7;
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

int cmd_init(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	struct store *s = NULL;
	struct refdata_result ref;
	struct plandef_result plan;
	const char *path = c->db_path;
	int opt, from = 0, to = 0, created, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h') {
			init_usage(stdout);
			return 0;
		}
		return err_set(e, ERR_USAGE, _("unknown option '%s'; see 'tvet init --help'"),
			       argv[optind - 1]);
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if (strncmp(path, "sqlite:", 7) == 0)
		path += 7;
	created = access(path, F_OK) != 0;
	if ((rc = store_open(&s, c->db_path, STORE_CREATE, e)) < 0)
		goto fail;
	if ((rc = store_migrate(s, &from, &to, e)) < 0 ||
	    (rc = refdata_load_all(s, c->data_dir, &ref, e)) < 0 ||
	    (rc = plandef_load(s, c->data_dir, &plan, e)) < 0)
		goto fail;
	if (from == to)
		printf(_("database %s: schema %d, current\n"), path, to);
	else if (from == 0)
		printf(_("database %s: created with schema %d\n"), path, to);
	else
		printf(_("database %s: upgraded from schema %d to %d\n"), path, from, to);
	if (ref.loaded)
		printf(_("reference data: %ld rows loaded from %s\n"), ref.rows, c->data_dir);
	else
		printf(_("reference data: unchanged\n"));
	if (plan.loaded)
		printf(_("plan version %s: %d targets (%d criteria), %d departments loaded\n"),
		       plan.version, plan.targets, plan.criteria, plan.departments);
	else
		printf(_("plan version %s: unchanged\n"), plan.version);
	store_close(s);
	return 0;
fail:
	store_close(s);
	if (created)
		init_remove_db(c->db_path);
	return rc;
}
