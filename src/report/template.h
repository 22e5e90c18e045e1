/* template.h - the empty form of a data kind, in the layout its import
 * accepts: a CSV header, or an Excel workbook that helps whoever fills it.
 *
 * The workbook's first sheet is the data sheet (named after the kind, in the
 * user's language): the kind's headers in the user's language, bold and
 * frozen, required columns filled in colour, each header commented with its
 * description; cells that check what is typed into them (years, whole
 * numbers and amounts of 0 or more, school and major codes from dropdown
 * lists); and, where the store knows the rows to expect, those rows with
 * their keys filled in. A second sheet explains every column, the row rules
 * and how to import the file; a hidden third sheet holds a dropdown list
 * too long for Excel's 255-character list literal. An import reads the
 * first sheet, so the workbook imports as it is once its values are filled.
 *
 * Pre-filled rows: for a per-major kind with a school and a year, one row
 * per major the school offers that year (school, year, major); for a
 * per-school kind with a school or a year, one row for the school (or for
 * every school) with the year. Other kinds get none. */
#ifndef TVET_TEMPLATE_H
#define TVET_TEMPLATE_H

#include <stdio.h>

#include "core/err.h"
#include "ingest/kinds.h"
#include "store/store.h"

/* Validated rows of the data sheet: the pre-filled ones and at least this
 * many spare rows after them, and at least TEMPLATE_MIN_ROWS in all. */
#define TEMPLATE_SPARE_ROWS 200
#define TEMPLATE_MIN_ROWS 1000

/* Write the CSV template of k to out (no BOM: the caller adds one for a
 * file): the header row in the user's language, then the pre-filled rows.
 * s may be NULL only when school is NULL and year is 0 (the header alone
 * needs no database). school, when given, must exist (ERR_NOTFOUND).
 * Returns the number of pre-filled rows (>= 0) or a negative code. */
long template_write_csv(struct store *s, const struct kind *k, const char *school, int year,
			FILE *out, struct err *e) WUR;

/* Write the XLSX template of k to path (replaced if it exists). s gives the
 * school and major lists and the pre-filled rows; NULL is allowed when
 * school is NULL and year is 0, and then the school column has no list.
 * school (or NULL) limits the school list and the rows to that school,
 * which must exist (ERR_NOTFOUND); year (or 0) is the year the rows and the
 * year column take. Nothing is written on error, except that a failure
 * while saving may leave a partial file (ERR_IO). Returns the number of
 * pre-filled rows (>= 0) or a negative code. */
long template_write_xlsx(struct store *s, const struct kind *k, const char *school, int year,
			 const char *path, struct err *e) WUR;

#endif
