/* xlsx.h - a streaming reader for the worksheets of an Excel .xlsx workbook.
 *
 * It feeds the importer exactly as csv.h does: one row at a time, each a list
 * of UTF-8 text cells. The file is opened with libzip; xl/workbook.xml and
 * its relationships name the sheets, xl/sharedStrings.xml and xl/styles.xml
 * are read whole (capped), and the worksheet itself is inflated and parsed
 * with expat in chunks, one row per call, so memory stays flat whatever the
 * number of rows: only the current row, the shared strings and the styles'
 * date flags are held.
 *
 * Cells come out as the text the user means, not Excel's storage form:
 * strings (shared, inline, formula results) as written; booleans as "1" or
 * "0"; numbers normalised (integers without ".0", others as the shortest text
 * that reads back to the same double: "55.5", "0.1"); a number whose cell
 * style has a date or time format (built-in ids 14-22, 45-47, the East Asian
 * 27-36 and 50-58, or a custom code with d, m, y, h or s outside quotes and
 * brackets) as ISO "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" (when it has a time
 * of day) or "HH:MM:SS" (a time format under one day, or day 0 of the 1900
 * system), counted in the workbook's 1900 system (with Excel's fictitious
 * 1900-02-29) or 1904 system; error cells as their code ("#N/A"), which the
 * importer then rejects. Cell references place
 * each cell in its column, so skipped cells read as ""; rows with no
 * non-empty cell are skipped and xlsx_reader_line() gives the row number the
 * user sees in Excel.
 *
 * Every size that comes from the file is capped (the caps below; a test may
 * lower them by defining them before it includes xlsx.c): the inflated size
 * of each zip part, counted as it is inflated so that a zip bomb is refused
 * rather than unpacked, and Excel's own limits on rows, columns and cell
 * text. Parts with a DTD, elements nested over 256 deep and tags or comments
 * over XLSX_TOKEN_BYTES_MAX are refused too, as expat would hold them whole.
 * Errors are ERR_INPUT naming the file (and the part, or the cell),
 * ERR_IO when the file cannot be read, ERR_NOTFOUND for a sheet that is not
 * in the workbook. */
#ifndef TVET_XLSX_H
#define TVET_XLSX_H

#include <stddef.h>

#include "core/err.h"

/* Inflated bytes of one worksheet part. */
#ifndef XLSX_SHEET_BYTES_MAX
#define XLSX_SHEET_BYTES_MAX (256u << 20)
#endif
/* Inflated bytes of xl/sharedStrings.xml, and of the strings kept from it. */
#ifndef XLSX_SST_BYTES_MAX
#define XLSX_SST_BYTES_MAX (64u << 20)
#endif
/* Number of shared strings. */
#ifndef XLSX_SST_COUNT_MAX
#define XLSX_SST_COUNT_MAX (1u << 22)
#endif
/* Inflated bytes of the small parts: workbook, relationships, styles. */
#ifndef XLSX_PART_BYTES_MAX
#define XLSX_PART_BYTES_MAX (16u << 20)
#endif
/* Text bytes of one row (its strings of its own, not shared ones). */
#ifndef XLSX_ROW_BYTES_MAX
#define XLSX_ROW_BYTES_MAX (16u << 20)
#endif
/* Bytes of one XML tag, comment or processing instruction (expat holds
 * each whole in memory; text is streamed). */
#ifndef XLSX_TOKEN_BYTES_MAX
#define XLSX_TOKEN_BYTES_MAX (1u << 20)
#endif
/* Excel's limits: columns (A..XFD), rows, characters in a cell. */
#define XLSX_COLS_MAX 16384
#define XLSX_ROWS_MAX 1048576
#define XLSX_CELL_CHARS_MAX 32767

struct xlsx_reader;

/* Open the worksheet named sheet of the workbook at path (an exact match, or
 * else one that differs only in ASCII case, as Excel does not tell them
 * apart), or its first sheet in workbook order, hidden or not, when sheet is
 * NULL; read the shared strings and styles. On error *out is NULL: ERR_IO when path cannot be read, ERR_INPUT
 * when it is not an XLSX workbook (not a zip archive, no xl/workbook.xml,
 * truncated, malformed XML, a part over its cap), ERR_NOTFOUND when there is
 * no sheet of that name (the message lists the sheets there are). */
int xlsx_reader_open(struct xlsx_reader **out, const char *path, const char *sheet,
		     struct err *e) WUR;
void xlsx_reader_free(struct xlsx_reader *r);

/* Read the next row that has at least one non-empty cell: 1 when a row was
 * read, 0 at the end of the sheet, a negative code on bad input (the error
 * names the file, the row and column where they are known, and the cell).
 * After an error every further call fails. Fields stay valid until the next
 * call. */
int xlsx_reader_next(struct xlsx_reader *r, struct err *e) WUR;

/* Number of fields of the current row: one past its last non-empty cell. */
size_t xlsx_reader_nfields(const struct xlsx_reader *r);
/* Field i (0 = column A) of the current row; "" for an empty cell and past
 * the end. */
const char *xlsx_reader_field(const struct xlsx_reader *r, size_t i);
/* The row number of the current row as Excel shows it (1-based). */
size_t xlsx_reader_line(const struct xlsx_reader *r);
/* The path given to xlsx_reader_open(). */
const char *xlsx_reader_name(const struct xlsx_reader *r);
/* The name of the sheet being read. */
const char *xlsx_reader_sheet(const struct xlsx_reader *r);

#endif
