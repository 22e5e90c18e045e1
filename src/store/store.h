/* store.h - the database, behind one backend-neutral API.
 *
 * Callers never write SQL: every statement the program runs is a named query
 * (enum store_query, listed in store/queries.h with its parameters and
 * result columns) whose text each backend keeps for itself. Callers bind
 * parameters by position and read result columns by position. Only this
 * module includes sqlite3.h; a PostgreSQL backend can be added behind the
 * same header without touching callers.
 *
 * Ownership: store_open() gives a handle the caller store_close()s. Prepared
 * statements are owned and cached by the store; a struct store_stmt from
 * store_prepare() is valid until the next store_prepare() of the same query
 * or store_close(). Text returned by store_col_text() is valid until the next
 * step or reset of that statement.
 *
 * Transactions: writes are made inside store_begin()/store_commit(); on any
 * error the caller calls store_rollback(), which is safe to call when no
 * transaction is open. */
#ifndef TVET_STORE_H
#define TVET_STORE_H

#include <stdint.h>

#include "core/err.h"
#include "core/mem.h"
#include "store/queries.h"

struct store;
struct store_stmt;

/* store_open flags */
#define STORE_CREATE 1u	  /* create the database file if it is missing */
#define STORE_READONLY 2u /* open read-only (reports, serving a replica) */

/* store_step results */
#define STORE_ROW 1
#define STORE_DONE 0

/* The schema version this program knows (the number of migrations). */
int store_schema_latest(void);

/* Open the database at path ("sqlite:" prefix optional). Refuses a missing
 * file unless STORE_CREATE, a file that is not a database, and a database
 * whose schema is newer than this program (ERR_VERSION). Does not migrate:
 * see store_migrate(). On error *out is NULL. */
int store_open(struct store **out, const char *path, unsigned flags, struct err *e) WUR;
void store_close(struct store *s);

/* The schema version of the open database; 0 for an empty one. */
int store_schema_version(struct store *s, int *version, struct err *e) WUR;

/* Apply every migration above the current version, each in its own
 * transaction. *from and *to (may be NULL) receive the versions. */
int store_migrate(struct store *s, int *from, int *to, struct err *e) WUR;

/* 1 when the schema is at store_schema_latest(). */
int store_is_current(struct store *s);

int store_begin(struct store *s, struct err *e) WUR;
int store_commit(struct store *s, struct err *e) WUR;
/* A read snapshot (also on a read-only handle): every read until
 * store_rollback() sees the same data, and the locks are taken once rather
 * than per statement. For sessions that read a lot, e.g. monitor/. */
int store_begin_read(struct store *s, struct err *e) WUR;
/* 1 while a transaction (or read snapshot) is open. */
int store_in_transaction(const struct store *s);
void store_rollback(struct store *s);

/* The cached prepared statement for q, reset and with bindings cleared. */
struct store_stmt *store_prepare(struct store *s, enum store_query q, struct err *e);

/* Bind parameter idx (1-based). A NULL text binds SQL NULL. */
void store_bind_text(struct store_stmt *st, int idx, const char *v);
void store_bind_int(struct store_stmt *st, int idx, int64_t v);
void store_bind_double(struct store_stmt *st, int idx, double v);
void store_bind_null(struct store_stmt *st, int idx);

/* Bind every parameter from a type string, one letter per parameter:
 * 't' const char * (NULL binds NULL), 'i' int64_t, 'I' int64_t where 0
 * binds NULL (optional ids), 'd' double, 'n' nothing passed, binds NULL. */
void store_bindf(struct store_stmt *st, const char *types, ...);

/* End a statement's current use (a read left after its first row holds a
 * read transaction open). store_prepare() and commits do this too. */
void store_reset(struct store_stmt *st);

/* Advance: STORE_ROW, STORE_DONE or a negative error code. */
int store_step(struct store_stmt *st, struct err *e);

/* Step a statement that returns no rows to completion. A constraint failure
 * gives ERR_CONFLICT naming the query; other failures ERR_DB. */
int store_exec(struct store_stmt *st, struct err *e) WUR;

/* Prepare q, bind from types as store_bindf(), execute it to completion. */
int store_run(struct store *s, enum store_query q, struct err *e, const char *types, ...) WUR;

/* Prepare q, bind from types, read its first row and end the statement:
 * 1 with *out set to the first column (0 when NULL or out is NULL) when a
 * row came back, 0 when none did, a negative code on error. For lookups
 * ("does X exist", "id of X"). */
int store_lookup(struct store *s, enum store_query q, int64_t *out, struct err *e,
		 const char *types, ...) WUR;

/* Prepare q, bind from types, and append the first column of every row
 * (NULL as "") to the list *items of *n strings, each owned by the caller.
 * For the code lists of dropdowns and exports. */
int store_list(struct store *s, enum store_query q, char ***items, size_t *n, struct err *e,
	       const char *types, ...) WUR;

int store_col_count(struct store_stmt *st);
int store_col_is_null(struct store_stmt *st, int col);
int64_t store_col_int(struct store_stmt *st, int col);
double store_col_double(struct store_stmt *st, int col);
/* NULL for SQL NULL. */
const char *store_col_text(struct store_stmt *st, int col);
/* A blob column's bytes (NULL for SQL NULL) and their number. */
const void *store_col_blob(struct store_stmt *st, int col, size_t *len);
/* The result column's name, for generic table output. */
const char *store_col_name(struct store_stmt *st, int col);

/* Row id of the last insert on this connection. */
int64_t store_last_id(struct store *s);

/* Rows changed by the last statement. */
int store_changes(struct store *s);

/* Full consistency check of the database (SQLite: PRAGMA integrity_check
 * and foreign_key_check). *ok is 1 when everything holds; problems are
 * appended to report (may be NULL). */
int store_check(struct store *s, int *ok, struct strbuf *report, struct err *e) WUR;

/* Delete every school, enterprise and yearly record (everything that is not
 * reference data, the plan or the city's own organisations), within the
 * caller's transaction. */
int store_clear_data(struct store *s, struct err *e) WUR;

/* A short backend name and the path or address it was opened on. */
const char *store_backend(struct store *s);
const char *store_path(struct store *s);

#endif
