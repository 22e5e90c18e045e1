/* issues.h - an import's list of problems as an Excel workbook, so the
 * person who filled the form can sort, filter and fix it in Excel or WPS. */
#ifndef TVET_ISSUES_H
#define TVET_ISSUES_H

#include "core/err.h"
#include "ingest/import.h"

/* Write rep's issues to path as XLSX: one sheet, frozen bold header (row,
 * column, value, rule, severity, message in the user's language), errors
 * before warnings as they were found, warnings in amber. */
int issues_write_xlsx(const struct import_report *rep, const char *path, struct err *e) WUR;

#endif
