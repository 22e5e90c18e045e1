/* csv.h - a streaming RFC 4180 CSV reader.
 *
 * Reads UTF-8 (a leading byte-order mark is skipped), comma-separated,
 * fields optionally in double quotes with "" for a quote and line breaks
 * allowed inside quotes; CRLF or LF line ends. Every error names the file,
 * the line and the column. A field is capped at CSV_FIELD_MAX bytes and a
 * record at CSV_FIELDS_MAX fields, so a hostile file cannot exhaust memory.
 * Other encodings (GB18030) are converted before they reach this reader. */
#ifndef TVET_CSV_H
#define TVET_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "ingest/encoding.h"

#define CSV_FIELD_MAX (1u << 20)
#define CSV_FIELDS_MAX 1024

struct csv_reader;

/* Open path for reading. On error *out is NULL. */
int csv_reader_open(struct csv_reader **out, const char *path, struct err *e) WUR;
/* Open path as CSV in any encoding users' files come in (UTF-8 with or
 * without BOM, GB18030/GBK, UTF-16 with BOM): detected unless forced is
 * not ENC_UNKNOWN, converted to UTF-8 (encoding.h). *detected (may be
 * NULL) tells which. Bad bytes are an error naming line and offset. */
int csv_reader_open_encoded(struct csv_reader **out, const char *path, enum encoding forced,
			    enum encoding *detected, struct err *e) WUR;

/* Read from an open stream; name is used in messages. The stream is not
 * closed by csv_reader_free(). */
struct csv_reader *csv_reader_from_stream(FILE *f, const char *name);
void csv_reader_free(struct csv_reader *r);

/* Read the next record: 1 when a record was read, 0 at end of file, a
 * negative code on malformed input. Blank lines are skipped. Fields stay
 * valid until the next call. */
int csv_reader_next(struct csv_reader *r, struct err *e) WUR;

size_t csv_reader_nfields(const struct csv_reader *r);
/* Field i of the current record, "" past the end. */
const char *csv_reader_field(const struct csv_reader *r, size_t i);
/* 1-based physical line on which the current record started. */
size_t csv_reader_line(const struct csv_reader *r);
const char *csv_reader_name(const struct csv_reader *r);

/* Read the header record and find each of the n names in it: idx[k] is the
 * column of names[k]. A missing column is an error naming it, except for a
 * name written with a leading '?' ("?note"), which is optional and gets
 * idx -1 when absent. */
int csv_reader_header(struct csv_reader *r, const char *const *names, size_t n, int *idx,
		      struct err *e) WUR;

/* Write s as one CSV field: quoted, with quotes doubled, when it holds a
 * comma, a quote or a line break (RFC 4180). NULL writes nothing. */
void csv_write_field(FILE *out, const char *s);

/* Field for column index col (from csv_reader_header), "" when col < 0. */
const char *csv_reader_col(const struct csv_reader *r, int col);

#endif
