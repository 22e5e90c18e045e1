/* output.c - table, JSON and CSV printing. See output.h. */
#include "cli/output.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "ingest/csv.h"
#include "store/store.h"

int out_parse_format(const char *s, enum out_format *f, struct err *e)
{
	if (strcmp(s, "table") == 0)
		*f = OUT_TABLE;
	else if (strcmp(s, "json") == 0)
		*f = OUT_JSON;
	else if (strcmp(s, "csv") == 0)
		*f = OUT_CSV;
	else
		return err_set(e, ERR_USAGE, _("unknown format '%s' (use table, json or csv)"), s);
	return 0;
}

void out_table_init(struct out_table *t, const struct out_col *cols, size_t ncols)
{
	t->cols = cols;
	t->ncols = ncols;
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

void out_table_release(struct out_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

void out_table_add(struct out_table *t, const char *const *values)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xrealloc(t->cells, t->cap * t->ncols * sizeof(char *));
	}
	for (size_t c = 0; c < t->ncols; c++) {
		const char *v = values[c];
		t->cells[t->nrows * t->ncols + c] = v && *v ? xstrdup(v) : NULL;
	}
	t->nrows++;
}

void out_table_add_stmt(struct out_table *t, struct store_stmt *st)
{
	const char *v[64];

	for (size_t c = 0; c < t->ncols && c < 64; c++)
		v[c] = store_col_text(st, (int)c);
	out_table_add(t, v);
}

/* Width of one code point: East Asian wide and full-width forms take two
 * columns. wcwidth() knows this but only under a UTF-8 locale, which a test
 * or a C-locale shell may not have; this table covers the ranges we print. */
static int out_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

size_t out_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (*p) {
		uint32_t cp;
		int n = utf8_decode(p, 4, &cp);

		if (n <= 0) { /* a stray byte takes one column */
			w++;
			p++;
			continue;
		}
		w += (size_t)out_cp_width(cp);
		p += n;
	}
	return w;
}

/* What a table shows for a cell: booleans as "yes" or nothing. */
static const char *out_table_cell(const struct out_table *t, size_t r, size_t c)
{
	const char *v = t->cells[r * t->ncols + c];

	if (t->cols[c].type == OUT_BOOL)
		return v && strcmp(v, "0") != 0 ? _("yes") : "";
	return v ? v : "";
}

static void out_print_table(const struct out_table *t, FILE *out)
{
	size_t *w = xcalloc(t->ncols, sizeof(size_t));

	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = out_display_width(_(t->cols[c].label));
		for (size_t r = 0; r < t->nrows; r++) {
			size_t vw = out_display_width(out_table_cell(t, r, c));
			if (vw > w[c])
				w[c] = vw;
		}
	}
	for (size_t c = 0; c < t->ncols; c++) {
		const char *h = _(t->cols[c].label);
		fputs(h, out);
		if (c + 1 < t->ncols)
			fprintf(out, "%*s", (int)(w[c] - out_display_width(h) + 2), "");
	}
	fputc('\n', out);
	for (size_t c = 0; c < t->ncols; c++) {
		for (size_t i = 0; i < w[c]; i++)
			fputc('-', out);
		if (c + 1 < t->ncols)
			fputs("  ", out);
	}
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *v = out_table_cell(t, r, c);
			/* numbers align right, text left */
			if (t->cols[c].type == OUT_INT || t->cols[c].type == OUT_REAL)
				fprintf(out, "%*s%s", (int)(w[c] - out_display_width(v)), "", v);
			else if (c + 1 < t->ncols)
				fprintf(out, "%s%*s", v, (int)(w[c] - out_display_width(v)), "");
			else
				fputs(v, out);
			if (c + 1 < t->ncols)
				fputs("  ", out);
		}
		fputc('\n', out);
	}
	free(w);
}

static json_t *out_json_cell(const struct out_col *col, const char *v)
{
	char *end;

	if (!v)
		return json_null();
	switch (col->type) {
	case OUT_INT: {
		long long n = strtoll(v, &end, 10);
		if (!*end)
			return json_integer(n);
		break;
	}
	case OUT_REAL: {
		double d = strtod(v, &end);
		if (!*end)
			return json_real(d);
		break;
	}
	case OUT_BOOL:
		return json_boolean(strcmp(v, "0") != 0);
	case OUT_TEXT:
		break;
	}
	return json_string(v);
}

static void out_print_json(const struct out_table *t, FILE *out)
{
	json_t *arr = json_array();

	for (size_t r = 0; r < t->nrows; r++) {
		json_t *obj = json_object();
		for (size_t c = 0; c < t->ncols; c++)
			json_object_set_new(obj, t->cols[c].key,
					    out_json_cell(&t->cols[c], t->cells[r * t->ncols + c]));
		json_array_append_new(arr, obj);
	}
	json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	fputc('\n', out);
	json_decref(arr);
}

static void out_print_csv(const struct out_table *t, FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_write_field(out, t->cols[c].key);
	}
	fputs("\r\n", out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			csv_write_field(out, t->cells[r * t->ncols + c]);
		}
		fputs("\r\n", out);
	}
}

void out_table_print(const struct out_table *t, enum out_format f, FILE *out)
{
	switch (f) {
	case OUT_TABLE:
		out_print_table(t, out);
		break;
	case OUT_JSON:
		out_print_json(t, out);
		break;
	case OUT_CSV:
		out_print_csv(t, out);
		break;
	}
}

int out_print_stmt(struct store_stmt *st, const struct out_col *cols, size_t ncols,
		   enum out_format f, FILE *out, struct err *e)
{
	struct out_table t;
	int rc;

	out_table_init(&t, cols, ncols);
	while ((rc = store_step(st, e)) == STORE_ROW)
		out_table_add_stmt(&t, st);
	if (rc == STORE_DONE)
		out_table_print(&t, f, out);
	out_table_release(&t);
	return rc < 0 ? rc : 0;
}
