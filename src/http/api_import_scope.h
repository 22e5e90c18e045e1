/* api_import_scope.h - what a department or enterprise account may import
 * through POST /api/v1/imports/{kind} (api_data.c asks, before it imports):
 * a department (责任单位) assesses the manually assessed targets of the
 * plan's actions it is responsible for; an enterprise submits its own
 * talent-demand survey rows. Every row of the file is checked against the
 * account's scope before anything is written. */
#ifndef TVET_API_IMPORT_SCOPE_H
#define TVET_API_IMPORT_SCOPE_H

#include "http/http_internal.h"
#include "ingest/kinds.h"

/* 1 when u (a department or enterprise account) may import kind at all,
 * its rows still to be checked by api_import_scope_rows(); 0 when not
 * (and for every other role: their rules are api_data.c's). */
int api_import_scope_kind(const struct auth_user *u, const char *kind);

/* Check every row of the file at path (of kind k, CSV in any encoding or
 * XLSX, read as the import reads it) against the caller's scope: each
 * target a department's own, each enterprise an enterprise's own uscc.
 * 0 when all rows are the caller's; -1 with the answer given otherwise:
 * 403 with the foreign rows under error.details, in the shape of an import
 * report's issues (row, column, value, rule, severity, message), or the
 * reader's error (400) when the file cannot be read - closed, not open. */
int api_import_scope_rows(struct http_req *r, struct http_resp *w, const struct kind *k,
			  const char *path);

#endif
