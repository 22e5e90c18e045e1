/* csv.c - streaming RFC 4180 reader. See csv.h. */
#include "ingest/csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"

struct csv_reader {
	FILE *f;
	int own;
	char *name;
	size_t line;	    /* current physical line, 1-based */
	size_t record_line; /* line the current record started on */
	int started;
	struct strbuf data; /* all fields of the record, NUL-separated */
	size_t offs[CSV_FIELDS_MAX];
	size_t nfields;
	unsigned char back[4]; /* bytes pushed back, read last-in first-out */
	int nback;
};

static int csv_getc(struct csv_reader *r)
{
	if (r->nback)
		return r->back[--r->nback];
	return getc_unlocked(r->f); /* one thread per reader */
}

static void csv_ungetc(struct csv_reader *r, int c)
{
	if (c != EOF)
		r->back[r->nback++] = (unsigned char)c;
}

static struct csv_reader *csv_reader_new(FILE *f, const char *name, int own)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->f = f;
	r->own = own;
	r->name = xstrdup(name);
	r->line = 1;
	strbuf_init(&r->data);
	return r;
}

int csv_reader_open(struct csv_reader **out, const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");

	*out = NULL;
	if (!f)
		return err_set(e, ERR_IO, _("cannot open '%s': %s"), path, strerror(errno));
	*out = csv_reader_new(f, path, 1);
	return 0;
}

int csv_reader_open_encoded(struct csv_reader **out, const char *path, enum encoding forced,
			    enum encoding *detected, struct err *e)
{
	FILE *f;
	int rc;

	*out = NULL;
	if ((rc = encoding_open_utf8(path, forced, &f, detected, e)) < 0)
		return rc;
	*out = csv_reader_new(f, path, 1);
	return 0;
}

struct csv_reader *csv_reader_from_stream(FILE *f, const char *name)
{
	return csv_reader_new(f, name, 0);
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->own)
		fclose(r->f);
	strbuf_release(&r->data);
	free(r->name);
	free(r);
}

static int csv_end_field(struct csv_reader *r, size_t start, struct err *e)
{
	if (r->nfields >= CSV_FIELDS_MAX)
		return err_set_at(e, ERR_INPUT, r->name, r->record_line, 0,
				  _("more than %d fields in one record"), CSV_FIELDS_MAX);
	r->offs[r->nfields++] = start;
	strbuf_addch(&r->data, '\0');
	return 0;
}

int csv_reader_next(struct csv_reader *r, struct err *e)
{
	int c, quoted;
	size_t start, flen;

	for (;;) {
		strbuf_reset(&r->data);
		r->nfields = 0;
		c = csv_getc(r);
		if (!r->started) {
			r->started = 1;
			if (c == 0xEF) {
				/* A BOM, or a character such as （ that starts with EF. */
				int c2 = csv_getc(r), c3 = c2 == 0xBB ? csv_getc(r) : EOF;
				if (c2 == 0xBB && c3 == 0xBF) {
					c = csv_getc(r);
				} else {
					csv_ungetc(r, c3);
					csv_ungetc(r, c2);
				}
			}
		}
		if (c == EOF)
			return ferror(r->f) ? err_set(e, ERR_IO, _("cannot read '%s'"), r->name)
					    : 0;
		if (c == '\r') {
			int n = csv_getc(r);
			if (n != '\n' && n != EOF)
				csv_ungetc(r, n);
			r->line++;
			continue;
		}
		if (c == '\n') {
			r->line++;
			continue;
		}
		break;
	}
	r->record_line = r->line;
	/* c holds the first character of the record. */
	for (;;) {
		start = r->data.len;
		flen = 0;
		quoted = 0;
		if (c == '"') {
			size_t col = r->nfields + 1;
			quoted = 1;
			for (;;) {
				c = csv_getc(r);
				if (c == EOF)
					return err_set_at(e, ERR_INPUT, r->name, r->record_line,
							  col,
							  _("quoted field is not closed before the "
							    "end of the file"));
				if (c == '"') {
					c = csv_getc(r);
					if (c != '"')
						break;
				}
				if (c == '\n')
					r->line++;
				if (++flen > CSV_FIELD_MAX)
					return err_set_at(e, ERR_INPUT, r->name, r->record_line,
							  col, _("field longer than %u bytes"),
							  CSV_FIELD_MAX);
				if (c == 0)
					return err_set_at(e, ERR_INPUT, r->name, r->line,
							  r->nfields + 1,
							  _("a NUL byte in the field: this is not "
							    "a text file"));
				strbuf_addch(&r->data, (char)c);
			}
			if (c != ',' && c != '\n' && c != '\r' && c != EOF)
				return err_set_at(e, ERR_INPUT, r->name, r->line, col,
						  _("unexpected character after a closing quote"));
		} else {
			while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
				if (c == '"')
					return err_set_at(
						e, ERR_INPUT, r->name, r->line, r->nfields + 1,
						_("quote inside an unquoted field (quote the whole "
						  "field and double the quote)"));
				if (++flen > CSV_FIELD_MAX)
					return err_set_at(
						e, ERR_INPUT, r->name, r->line, r->nfields + 1,
						_("field longer than %u bytes"), CSV_FIELD_MAX);
				if (c == 0)
					return err_set_at(e, ERR_INPUT, r->name, r->line,
							  r->nfields + 1,
							  _("a NUL byte in the field: this is not "
							    "a text file"));
				strbuf_addch(&r->data, (char)c);
				c = csv_getc(r);
			}
		}
		(void)quoted;
		if (csv_end_field(r, start, e) < 0)
			return e->code;
		if (c == ',') {
			c = csv_getc(r);
			continue;
		}
		if (c == '\r') {
			int n = csv_getc(r);
			if (n != '\n' && n != EOF)
				csv_ungetc(r, n);
		}
		if (c != EOF)
			r->line++;
		return 1;
	}
}

size_t csv_reader_nfields(const struct csv_reader *r)
{
	return r->nfields;
}

const char *csv_reader_field(const struct csv_reader *r, size_t i)
{
	if (i >= r->nfields)
		return "";
	return r->data.buf + r->offs[i];
}

size_t csv_reader_line(const struct csv_reader *r)
{
	return r->record_line;
}

const char *csv_reader_name(const struct csv_reader *r)
{
	return r->name;
}

int csv_reader_header(struct csv_reader *r, const char *const *names, size_t n, int *idx,
		      struct err *e)
{
	int rc = csv_reader_next(r, e);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return err_set_at(e, ERR_INPUT, r->name, 0, 0,
				  _("file is empty: expected a header row"));
	for (size_t k = 0; k < n; k++) {
		int optional = names[k][0] == '?';
		const char *want = names[k] + optional;

		idx[k] = -1;
		for (size_t i = 0; i < r->nfields; i++) {
			if (strcmp(csv_reader_field(r, i), want) == 0) {
				idx[k] = (int)i;
				break;
			}
		}
		if (idx[k] < 0 && !optional)
			return err_set_at(e, ERR_INPUT, r->name, r->record_line, 0,
					  _("header has no column '%s'"), want);
	}
	return 0;
}

const char *csv_reader_col(const struct csv_reader *r, int col)
{
	return col < 0 ? "" : csv_reader_field(r, (size_t)col);
}

void csv_write_field(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}
