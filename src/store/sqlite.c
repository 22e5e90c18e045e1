/* sqlite.c - the SQLite backend of store.h (the embedded default).
 *
 * A database is one file in WAL mode with foreign keys enforced. Every named
 * query is prepared on first use and cached for the life of the handle. The
 * schema version is kept in the schema_version table (one row per applied
 * migration), so a database from a newer program is recognised and refused
 * before anything is written. */
#include "store/store.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "store/migrations.h"

const char *store_sqlite_sql(enum store_query q);

struct store_stmt {
	struct store *store;
	sqlite3_stmt *stmt;
	enum store_query query;
};

struct store {
	sqlite3 *db;
	char *path;
	int in_tx;
	struct store_stmt stmts[Q__COUNT];
};

static int store_db_error(struct store *s, struct err *e, const char *what)
{
	int rc = sqlite3_extended_errcode(s->db);
	int code = ERR_DB;

	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		code = ERR_CONFLICT;
	else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		code = ERR_IO;
	return err_set(e, code, _("%s failed: %s"), what, sqlite3_errmsg(s->db));
}

int store_schema_latest(void)
{
	int n = 0;
	while (store_migrations_sqlite[n].name)
		n++;
	return n;
}

static int store_exec_sql(struct store *s, const char *sql, struct err *e)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, ERR_DB, "%s", msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		if (e && (sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_NOTADB)
			e->code = ERR_IO;
		return e ? e->code : ERR_DB;
	}
	return 0;
}

int store_open(struct store **out, const char *path, unsigned flags, struct err *e)
{
	struct store *s;
	int oflags, version, rc;

	*out = NULL;
	if (strncmp(path, "sqlite:", 7) == 0)
		path += 7;
	if (!*path)
		return err_set(e, ERR_USAGE, _("database path is empty"));
	if (!(flags & STORE_CREATE) && access(path, F_OK) != 0)
		return err_set(e, ERR_IO,
			       _("database '%s' does not exist (run 'tvet init' to create it)"),
			       path);
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	for (int q = 0; q < Q__COUNT; q++) {
		s->stmts[q].store = s;
		s->stmts[q].query = (enum store_query)q;
	}
	oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (flags & STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_IO, _("cannot open database '%s': %s"), path,
			s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	/* Reading the schema is the first touch of the file: a file that is not
	 * a database fails here, before anything is written to it. */
	if (store_exec_sql(s, "SELECT count(*) FROM sqlite_master", e) < 0) {
		err_set(e, ERR_IO, _("cannot read database '%s': %s"), path, sqlite3_errmsg(s->db));
		goto fail;
	}
	if (store_schema_version(s, &version, e) < 0)
		goto fail;
	if (version > store_schema_latest()) {
		err_set(e, ERR_VERSION,
			_("database '%s' has schema version %d, newer than this program's %d; use "
			  "a newer tvet"),
			path, version, store_schema_latest());
		goto fail;
	}
	if (!(flags & STORE_READONLY)) {
		if (store_exec_sql(s, "PRAGMA journal_mode=WAL", e) < 0)
			goto fail;
	}
	/* A 32 MiB page cache: a large import touches its indexes all over, and
	 * the default 2 MiB would spill them to the file again and again. */
	if (store_exec_sql(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
				  " PRAGMA cache_size=-32768",
			   e) < 0)
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	return e ? e->code : ERR_IO;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int q = 0; q < Q__COUNT; q++)
		sqlite3_finalize(s->stmts[q].stmt);
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int store_schema_version(struct store *s, int *version, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*version = 0;
	rc = sqlite3_prepare_v2(
		s->db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_db_error(s, e, _("reading the schema version"));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		/* No version table: either an empty database or someone else's. */
		rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
		if (rc != SQLITE_OK)
			return store_db_error(s, e, _("reading the schema"));
		sqlite3_step(st);
		rc = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (rc > 0)
			return err_set(e, ERR_VERSION,
				       _("database '%s' is not a TVET Observatory database (it has "
					 "tables but no schema_version)"),
				       s->path);
		return 0;
	}
	if (rc != SQLITE_ROW)
		return store_db_error(s, e, _("reading the schema version"));
	rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(version),0) FROM schema_version", -1,
				&st, NULL);
	if (rc != SQLITE_OK)
		return store_db_error(s, e, _("reading the schema version"));
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int store_is_current(struct store *s)
{
	int v;
	struct err e;

	return store_schema_version(s, &v, &e) == 0 && v == store_schema_latest();
}

int store_migrate(struct store *s, int *from, int *to, struct err *e)
{
	int version, latest = store_schema_latest();

	if (store_schema_version(s, &version, e) < 0)
		return e->code;
	if (from)
		*from = version;
	if (version == 0 && store_exec_sql(s,
					   "CREATE TABLE IF NOT EXISTS schema_version ("
					   " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
					   " applied_at TEXT NOT NULL)",
					   e) < 0)
		return e->code;
	for (int v = version + 1; v <= latest; v++) {
		const struct migration *m = &store_migrations_sqlite[v - 1];
		sqlite3_stmt *st = NULL;
		char now[32];
		time_t t = time(NULL);

		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
		if (store_begin(s, e) < 0)
			return e->code;
		if (store_exec_sql(s, m->sql, e) < 0) {
			store_rollback(s);
			return err_wrap(e, _("migration %s"), m->name);
		}
		if (sqlite3_prepare_v2(
			    s->db,
			    "INSERT INTO schema_version(version,name,applied_at) VALUES(?,?,?)", -1,
			    &st, NULL) != SQLITE_OK) {
			store_rollback(s);
			return store_db_error(s, e, _("recording the migration"));
		}
		sqlite3_bind_int(st, 1, v);
		sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			store_rollback(s);
			return store_db_error(s, e, _("recording the migration"));
		}
		sqlite3_finalize(st);
		if (store_commit(s, e) < 0)
			return e->code;
	}
	if (to)
		*to = latest;
	return 0;
}

int store_begin(struct store *s, struct err *e)
{
	if (s->in_tx)
		return err_set(e, ERR_INTERNAL, "transaction already open");
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_db_error(s, e, _("starting a transaction"));
	s->in_tx = 1;
	return 0;
}

int store_begin_read(struct store *s, struct err *e)
{
	if (s->in_tx)
		return err_set(e, ERR_INTERNAL, "transaction already open");
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_db_error(s, e, _("starting a transaction"));
	s->in_tx = 1;
	return 0;
}

int store_in_transaction(const struct store *s)
{
	return s->in_tx;
}

int store_commit(struct store *s, struct err *e)
{
	if (!s->in_tx)
		return err_set(e, ERR_INTERNAL, "commit without a transaction");
	/* A statement left after a row keeps a read transaction open past the
	 * commit: this connection would then never see other writers and
	 * would hold WAL checkpoints back. */
	for (int q = 0; q < Q__COUNT; q++)
		if (s->stmts[q].stmt)
			sqlite3_reset(s->stmts[q].stmt);
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_db_error(s, e, _("committing"));
		store_rollback(s);
		return rc;
	}
	s->in_tx = 0;
	return 0;
}

void store_rollback(struct store *s)
{
	if (!s || !s->in_tx)
		return;
	/* Reset statements first so none holds the transaction open. */
	for (int q = 0; q < Q__COUNT; q++)
		if (s->stmts[q].stmt)
			sqlite3_reset(s->stmts[q].stmt);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
}

struct store_stmt *store_prepare(struct store *s, enum store_query q, struct err *e)
{
	struct store_stmt *st;

	if ((int)q < 0 || q >= Q__COUNT) {
		err_set(e, ERR_INTERNAL, "query %d out of range", (int)q);
		return NULL;
	}
	st = &s->stmts[q];
	if (!st->stmt) {
		const char *sql = store_sqlite_sql(q);
		if (!sql) {
			err_set(e, ERR_INTERNAL, "query %s has no SQL for sqlite",
				store_query_name(q));
			return NULL;
		}
		if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->stmt,
				       NULL) != SQLITE_OK) {
			store_db_error(s, e, store_query_name(q));
			st->stmt = NULL;
			return NULL;
		}
	} else {
		sqlite3_reset(st->stmt);
		sqlite3_clear_bindings(st->stmt);
	}
	return st;
}

void store_reset(struct store_stmt *st)
{
	sqlite3_reset(st->stmt);
}

void store_bind_text(struct store_stmt *st, int idx, const char *v)
{
	if (v)
		sqlite3_bind_text(st->stmt, idx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->stmt, idx);
}

void store_bind_int(struct store_stmt *st, int idx, int64_t v)
{
	sqlite3_bind_int64(st->stmt, idx, v);
}

void store_bind_double(struct store_stmt *st, int idx, double v)
{
	sqlite3_bind_double(st->stmt, idx, v);
}

void store_bind_null(struct store_stmt *st, int idx)
{
	sqlite3_bind_null(st->stmt, idx);
}

static void store_vbindf(struct store_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types[i]; i++) {
		int idx = i + 1;
		int64_t iv;

		switch (types[i]) {
		case 't':
			store_bind_text(st, idx, va_arg(ap, const char *));
			break;
		case 'i':
			store_bind_int(st, idx, va_arg(ap, int64_t));
			break;
		case 'I':
			iv = va_arg(ap, int64_t);
			if (iv)
				store_bind_int(st, idx, iv);
			else
				store_bind_null(st, idx);
			break;
		case 'd':
			store_bind_double(st, idx, va_arg(ap, double));
			break;
		case 'n':
			store_bind_null(st, idx);
			break;
		default:
			abort(); /* a programming error, never user input */
		}
	}
}

void store_bindf(struct store_stmt *st, const char *types, ...)
{
	va_list ap;

	va_start(ap, types);
	store_vbindf(st, types, ap);
	va_end(ap);
}

int store_step(struct store_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st->stmt);

	if (rc == SQLITE_ROW)
		return STORE_ROW;
	if (rc == SQLITE_DONE)
		return STORE_DONE;
	store_db_error(st->store, e, store_query_name(st->query));
	sqlite3_reset(st->stmt);
	return e ? e->code : ERR_DB;
}

int store_exec(struct store_stmt *st, struct err *e)
{
	int rc;

	while ((rc = store_step(st, e)) == STORE_ROW)
		;
	sqlite3_reset(st->stmt);
	return rc < 0 ? rc : 0;
}

int store_run(struct store *s, enum store_query q, struct err *e, const char *types, ...)
{
	struct store_stmt *st = store_prepare(s, q, e);
	va_list ap;

	if (!st)
		return e ? e->code : ERR_DB;
	va_start(ap, types);
	store_vbindf(st, types, ap);
	va_end(ap);
	return store_exec(st, e);
}

int store_lookup(struct store *s, enum store_query q, int64_t *out, struct err *e,
		 const char *types, ...)
{
	struct store_stmt *st = store_prepare(s, q, e);
	va_list ap;
	int rc;

	if (out)
		*out = 0;
	if (!st)
		return e ? e->code : ERR_DB;
	va_start(ap, types);
	store_vbindf(st, types, ap);
	va_end(ap);
	rc = store_step(st, e);
	if (rc == STORE_ROW && out)
		*out = store_col_int(st, 0);
	sqlite3_reset(st->stmt);
	return rc < 0 ? rc : rc == STORE_ROW;
}

int store_list(struct store *s, enum store_query q, char ***items, size_t *n, struct err *e,
	       const char *types, ...)
{
	struct store_stmt *st = store_prepare(s, q, e);
	va_list ap;
	int rc;

	if (!st)
		return e ? e->code : ERR_DB;
	va_start(ap, types);
	store_vbindf(st, types, ap);
	va_end(ap);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		const char *v = store_col_text(st, 0);

		*items = xrealloc(*items, (*n + 1) * sizeof(**items));
		(*items)[(*n)++] = xstrdup(v ? v : "");
	}
	sqlite3_reset(st->stmt);
	return rc < 0 ? rc : 0;
}

int store_col_count(struct store_stmt *st)
{
	return sqlite3_column_count(st->stmt);
}

int store_col_is_null(struct store_stmt *st, int col)
{
	return sqlite3_column_type(st->stmt, col) == SQLITE_NULL;
}

int64_t store_col_int(struct store_stmt *st, int col)
{
	return sqlite3_column_int64(st->stmt, col);
}

double store_col_double(struct store_stmt *st, int col)
{
	return sqlite3_column_double(st->stmt, col);
}

const char *store_col_text(struct store_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->stmt, col);
}

const void *store_col_blob(struct store_stmt *st, int col, size_t *len)
{
	const void *v = sqlite3_column_blob(st->stmt, col);

	*len = (size_t)sqlite3_column_bytes(st->stmt, col);
	return v;
}

const char *store_col_name(struct store_stmt *st, int col)
{
	return sqlite3_column_name(st->stmt, col);
}

int64_t store_last_id(struct store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

int store_changes(struct store *s)
{
	return sqlite3_changes(s->db);
}

static int store_check_pragma(struct store *s, const char *sql, int *ok, struct strbuf *report,
			      struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, e, sql);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);
		if (first && strcmp(first, "ok") == 0 && sqlite3_column_count(st) == 1)
			continue;
		*ok = 0;
		if (report) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				strbuf_addf(report, "%s%s", c ? " " : "", t ? t : "NULL");
			}
			strbuf_addch(report, '\n');
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, e, sql);
	return 0;
}

int store_check(struct store *s, int *ok, struct strbuf *report, struct err *e)
{
	*ok = 1;
	if (store_check_pragma(s, "PRAGMA integrity_check", ok, report, e) < 0)
		return e->code;
	return store_check_pragma(s, "PRAGMA foreign_key_check", ok, report, e);
}

int store_clear_data(struct store *s, struct err *e)
{
	if (!s->in_tx)
		return err_set(e, ERR_INTERNAL, "store_clear_data outside a transaction");
	/* Children before parents, so foreign keys hold at every step. */
	return store_exec_sql(s,
			      "DELETE FROM datavalue_history;"
			      "DELETE FROM entity_history;"
			      "DELETE FROM submission;"
			      "DELETE FROM target_assessment;"
			      "DELETE FROM posting;"
			      "DELETE FROM demand_survey;"
			      "DELETE FROM satisfaction_survey;"
			      "DELETE FROM datavalue;"
			      "DELETE FROM registry_item;"
			      "DELETE FROM school_major;"
			      "DELETE FROM enterprise;"
			      /* schools and imports point at each other */
			      "UPDATE org SET batch_id = NULL, batch_row = NULL;"
			      "DELETE FROM import_batch;"
			      "DELETE FROM org WHERE kind = 'school';",
			      e);
}

const char *store_backend(struct store *s)
{
	(void)s;
	return "sqlite";
}

const char *store_path(struct store *s)
{
	return s->path;
}
