/* export.h - writing stored data in the layout its import accepts.
 *
 * export_csv() writes the rows of one data kind (kinds.h) for a year (or
 * every year with data) and a school (or all), with the headers of the
 * current language, in UTF-8 with a BOM (for Excel). Importing the file
 * and exporting again gives the same file, and importing that changes
 * nothing. Per-major kinds give one row per offered major, a value not
 * stored for it as 0; a school's value not stored leaves its cell empty.
 * export_xlsx() writes the same rows as a workbook. */
#ifndef TVET_EXPORT_H
#define TVET_EXPORT_H

#include <stdio.h>

#include "core/err.h"
#include "ingest/kinds.h"
#include "store/store.h"

/* Returns the number of data rows written (>= 0) or a negative code. */
long export_csv(struct store *s, const struct kind *k, const char *school, int year, FILE *out,
		struct err *e);

/* The same rows as an XLSX workbook at path: one sheet, a bold header,
 * numbers as numbers and codes as text. */
long export_xlsx(struct store *s, const struct kind *k, const char *school, int year,
		 const char *path, struct err *e);

#endif
