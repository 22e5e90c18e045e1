/* import.h - importing a submitted file: validate every row, then write all
 * of it in one transaction, or nothing.
 *
 * import_file() reads an XLSX workbook (first or named sheet) or a CSV file
 * (UTF-8, GB18030/GBK or UTF-16, detected) of one data kind (kinds.h), checks every
 * cell and row against the kind's layout, the catalogues, the school's
 * offered majors, the row rules and the approval lock, and collects every
 * problem (up to IMPORT_MAX_ISSUES) with the row number the user sees, the
 * column header, the value, the rule and a message in the user's language.
 * Errors block the import; warnings (implausible changes from the previous
 * year, values far from the other schools') are reported and do not. Without errors and unless dry_run, the
 * values are written in one transaction: re-importing a school's year
 * replaces its earlier values of that kind; every change is kept in
 * datavalue_history under the import's batch record. */
#ifndef TVET_IMPORT_H
#define TVET_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "ingest/encoding.h"
#include "ingest/kinds.h"
#include "store/store.h"

#define IMPORT_MAX_ISSUES 1000
#define IMPORT_MAX_ROWS 1000000	    /* rows of a statistics or enterprise file */
#define IMPORT_MAX_RECORDS 10000000 /* rows of a record file (streamed) */
#define IMPORT_MAX_FILE_BYTES (1024 << 20) /* 1 GiB: a year of a city's postings fits */
#define IMPORT_MAX_TEXT 400		   /* bytes in a text cell */
#define IMPORT_MAX_LONGTEXT 16000	   /* bytes in a long text cell */
#define IMPORT_OUTLIER_Z 3.5 /* modified z-score beyond which a value is an outlier */
#define IMPORT_OUTLIER_MIN 5 /* schools needed for the outlier check */
#define IMPORT_SIZE_ELEMENT "enrolment" /* outliers are per student enrolled */

struct import_options {
	const char *path;	/* the file */
	const char *school;	/* only rows of this school are accepted, or NULL */
	int year;		/* only rows of this year are accepted, or 0 */
	int dry_run;		/* validate only */
	const char *who;	/* recorded with the batch */
	enum encoding encoding; /* ENC_UNKNOWN: detect (CSV) */
	const char *sheet;	/* XLSX: the sheet to read, NULL for the first */
	/* the caller has begun a transaction and will commit it (statistics
	 * kinds only): the import writes inside it, and after any error the
	 * caller must roll back - so that several imports and what goes with
	 * them (an audit entry) are one transaction */
	int in_transaction;
};

struct import_issue {
	size_t row;	 /* as numbered in Excel: the header is row 1 */
	char column[96]; /* the header the user sees, or "" */
	char value[128];
	char rule[40]; /* stable English key: required, type, unknown_school ... */
	char message[512];
	int warning; /* 1: does not block the import */
};

struct import_report {
	char file[256];
	char sha256[65];
	char encoding[24]; /* as detected or forced */
	size_t rows;	   /* data rows read */
	size_t changed;	   /* values inserted, changed or removed */
	size_t errors, warnings;
	struct import_issue *issues; /* the first IMPORT_MAX_ISSUES */
	size_t nissues;
	int64_t batch_id; /* 0 when nothing was written */
};

/* Import o->path as kind k. Returns 0 when the file was valid (and, unless
 * dry_run, written), ERR_INPUT when it had errors (rep lists them; nothing
 * was written), another negative code when the file or store failed. */
int import_file(struct store *s, const struct kind *k, const struct import_options *o,
		struct import_report *rep, struct err *e) WUR;

void import_report_release(struct import_report *rep);

/* Write the issues as CSV (row, column, value, rule, severity, message). */
void import_report_write_csv(const struct import_report *rep, FILE *out);

#endif
