/* output.h - printing rows as an aligned table, JSON or CSV.
 *
 * A command describes its columns (a stable English key for JSON and CSV,
 * a translatable label for the table header, a type), adds rows of text
 * cells and prints them in the chosen format. Table output aligns columns
 * by display width, so Chinese text lines up. JSON is an array of objects;
 * numeric columns become JSON numbers, empty cells null. CSV follows RFC
 * 4180 with the keys as the header. */
#ifndef TVET_OUTPUT_H
#define TVET_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

struct store_stmt;

enum out_format { OUT_TABLE, OUT_JSON, OUT_CSV };
enum out_type { OUT_TEXT, OUT_INT, OUT_REAL, OUT_BOOL };

struct out_col {
	const char *key;   /* "code" */
	const char *label; /* N_("Code"), translated when printed */
	enum out_type type;
};

struct out_table {
	const struct out_col *cols;
	size_t ncols;
	char **cells; /* nrows * ncols, NULL for an empty cell */
	size_t nrows, cap;
};

/* Parse "table", "json" or "csv". */
int out_parse_format(const char *s, enum out_format *f, struct err *e) WUR;

void out_table_init(struct out_table *t, const struct out_col *cols, size_t ncols);
void out_table_release(struct out_table *t);
/* Append a row; values has ncols entries (copied; NULL for empty). */
void out_table_add(struct out_table *t, const char *const *values);
/* Append the current row of a statement, its first ncols columns. */
void out_table_add_stmt(struct out_table *t, struct store_stmt *st);
void out_table_print(const struct out_table *t, enum out_format f, FILE *out);

/* Step st to the end and print its rows (first ncols columns) in format f.
 * Returns 0, or the store's error with nothing printed. */
int out_print_stmt(struct store_stmt *st, const struct out_col *cols, size_t ncols,
		   enum out_format f, FILE *out, struct err *e);

/* Display width of a UTF-8 string in terminal columns (CJK count 2). */
size_t out_display_width(const char *s);

#endif
