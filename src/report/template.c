/* template.c - a data kind's empty form, as CSV or as an XLSX workbook made
 * with libxlsxwriter. See template.h.
 *
 * Both formats start from the same plan: the schools and majors the store
 * offers for the dropdowns and the rows to pre-fill, read before anything is
 * written, so that an unknown school leaves no file behind. */
#include "report/template.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/csv.h"

/* Excel's caps: a list literal in a validation, a sheet name, the title of
 * a validation's message box. */
#define TEMPLATE_LIST_BYTES_MAX 255
#define TEMPLATE_SHEET_CHARS_MAX 31
#define TEMPLATE_TITLE_CHARS_MAX 32
/* Data sheet column widths, in characters (a Chinese character counts 2). */
#define TEMPLATE_WIDTH_MIN 10
#define TEMPLATE_WIDTH_MAX 40

/* One pre-filled row: its school and (per-major kinds) its major. */
struct template_row {
	const char *school;
	const char *major;
};

/* What the store says about the form, gathered before writing. */
struct template_plan {
	char **schools; /* codes the school column offers, by code */
	size_t nschools;
	char **majors; /* majors the school offers in the year, by code */
	char **major_names;
	size_t nmajors;
	struct template_row *rows; /* point into schools and majors */
	size_t nrows;
	/* the dropdown items of each coded column (districts, choices, registry
	 * types, targets, clusters, alliances), or NULL */
	char **items[KIND_MAX_COLS];
	size_t nitems[KIND_MAX_COLS];
};

static void template_free_list(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

static void template_plan_release(struct template_plan *p)
{
	template_free_list(p->schools, p->nschools);
	template_free_list(p->majors, p->nmajors);
	template_free_list(p->major_names, p->nmajors);
	for (size_t j = 0; j < KIND_MAX_COLS; j++)
		template_free_list(p->items[j], p->nitems[j]);
	free(p->rows);
	memset(p, 0, sizeof(*p));
}

/* The catalogue name of major code, or "" (Q_CATALOG_MAJORS matches a code
 * prefix; the exact code is the one wanted). */
static int template_major_name(struct store *s, const char *code, char **name, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_CATALOG_MAJORS, e);
	int rc;

	*name = NULL;
	if (!st)
		return e->code;
	store_bindf(st, "tn", code);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		if (!*name && strcmp(store_col_text(st, 0), code) == 0)
			*name = xstrdup(store_col_text(st, 1) ? store_col_text(st, 1) : "");
	}
	store_reset(st);
	if (!*name)
		*name = xstrdup("");
	return rc < 0 ? rc : 0;
}

/* The dropdown items of each coded column: a choice column's labels in the
 * user's language, and the codes the store knows for the others. */
static int template_items_load(struct store *s, const struct kind *k, struct template_plan *p,
			       struct err *e)
{
	static const struct {
		enum kind_type type;
		enum store_query q;
	} coded[] = {
		{KT_DIVISION, Q_DISTRICT_LIST},	    {KT_REGISTRY_TYPE, Q_REGISTRY_TYPE_LIST},
		{KT_TARGET, Q_TARGET_MANUAL_LIST},  {KT_CLUSTER, Q_CATALOG_CLUSTERS},
		{KT_ALLIANCE, Q_ALLIANCE_LIST},
	};
	int rc;

	for (size_t j = 0; j < k->ncols; j++) {
		const struct kind_column *col = &k->cols[j];

		if (col->type == KT_CHOICE) {
			p->items[j] = xcalloc((size_t)col->nchoices, sizeof(char *));
			for (int i = 0; i < col->nchoices; i++)
				p->items[j][p->nitems[j]++] =
					xstrdup(kind_choice_label(col, col->choice_value[i]));
			continue;
		}
		/* A search left unbound (NULL) lists everything. */
		for (size_t i = 0; s && i < sizeof(coded) / sizeof(coded[0]); i++)
			if (coded[i].type == col->type &&
			    (rc = store_list(s, coded[i].q, &p->items[j], &p->nitems[j], e, "")) < 0)
				return rc;
	}
	return 0;
}

static int template_plan_load(struct store *s, const struct kind *k, const char *school, int year,
			      struct template_plan *p, struct err *e)
{
	struct store_stmt *st;
	int64_t school_id = 0;
	int rc = 0;

	memset(p, 0, sizeof(*p));
	if ((rc = template_items_load(s, k, p, e)) < 0) {
		template_plan_release(p);
		return rc;
	}
	if (!s) {
		if (school || year)
			return err_set(e, ERR_INTERNAL,
				       _("a template for a school or a year needs the database"));
		return 0;
	}
	if (!(st = store_prepare(s, Q_SCHOOL_LIST, e)))
		return e->code;
	store_bindf(st, "t", school);
	while ((rc = store_step(st, e)) == STORE_ROW) {
		if (!school_id)
			school_id = store_col_int(st, 0);
		p->schools = xrealloc(p->schools, (p->nschools + 1) * sizeof(char *));
		p->schools[p->nschools++] = xstrdup(store_col_text(st, 1));
	}
	store_reset(st);
	if (rc < 0)
		goto out;
	if (school && !p->nschools) {
		rc = err_set(e, ERR_NOTFOUND,
			     _("school '%s' does not exist (see 'tvet orgs --kind school')"),
			     school);
		goto out;
	}
	if (school && year) {
		if ((rc = store_list(s, Q_SCHOOL_MAJORS_OF, &p->majors, &p->nmajors, e, "ii",
				     school_id, (int64_t)year)) < 0)
			goto out;
		/* A new year's list of offered majors starts from the year before. */
		if (k->grain == GRAIN_SCHOOL_MAJOR && !p->nmajors &&
		    (rc = store_list(s, Q_SCHOOL_MAJORS_OF, &p->majors, &p->nmajors, e, "ii",
				     school_id, (int64_t)year - 1)) < 0)
			goto out;
		p->major_names = xcalloc(p->nmajors ? p->nmajors : 1, sizeof(char *));
		for (size_t m = 0; m < p->nmajors; m++)
			if ((rc = template_major_name(s, p->majors[m], &p->major_names[m], e)) < 0)
				goto out;
	}
	if ((k->grain == GRAIN_SCHOOL_YEAR_MAJOR || k->grain == GRAIN_SCHOOL_MAJOR) && school &&
	    year) {
		p->rows = xcalloc(p->nmajors ? p->nmajors : 1, sizeof(*p->rows));
		for (size_t m = 0; m < p->nmajors; m++)
			p->rows[p->nrows++] = (struct template_row){p->schools[0], p->majors[m]};
	} else if (k->grain == GRAIN_SCHOOL_YEAR && (school || year)) {
		p->rows = xcalloc(p->nschools ? p->nschools : 1, sizeof(*p->rows));
		for (size_t i = 0; i < p->nschools; i++)
			p->rows[p->nrows++] = (struct template_row){p->schools[i], NULL};
	}
	rc = 0;
out:
	if (rc < 0)
		template_plan_release(p);
	return rc;
}

/* The pre-filled text of column col in row r ("" for a value to fill in);
 * the year goes into buf. */
static const char *template_cell(const struct kind_column *col, const struct template_row *r,
				 int year, char *buf, size_t size)
{
	switch (col->type) {
	case KT_SCHOOL:
		return r->school ? r->school : "";
	case KT_YEAR:
		if (!year)
			return "";
		snprintf(buf, size, "%d", year);
		return buf;
	case KT_MAJOR:
		return r->major ? r->major : "";
	default:
		return "";
	}
}

long template_write_csv(struct store *s, const struct kind *k, const char *school, int year,
			FILE *out, struct err *e)
{
	struct template_plan p;
	char buf[16];
	long rows;
	int rc;

	if ((rc = template_plan_load(s, k, school, year, &p, e)) < 0)
		return rc;
	for (size_t j = 0; j < k->ncols; j++) {
		if (j)
			fputc(',', out);
		csv_write_field(out, kind_header(&k->cols[j]));
	}
	fputs("\r\n", out);
	for (size_t r = 0; r < p.nrows; r++) {
		for (size_t j = 0; j < k->ncols; j++) {
			if (j)
				fputc(',', out);
			csv_write_field(out, template_cell(&k->cols[j], &p.rows[r], year, buf,
							   sizeof(buf)));
		}
		fputs("\r\n", out);
	}
	rows = (long)p.nrows;
	template_plan_release(&p);
	return rows;
}

/* ---- UTF-8 text for Excel's limits ---- */

/* Bytes taken by the first max_chars characters of UTF-8 s. */
static size_t template_utf8_prefix(const char *s, size_t max_chars)
{
	size_t i = 0;

	for (size_t chars = 0; s[i] && chars < max_chars; chars++)
		for (i++; ((unsigned char)s[i] & 0xC0) == 0x80; i++)
			;
	return i;
}

/* Columns s takes on screen: 2 for a CJK (any non-ASCII) character. */
static size_t template_display_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w += (unsigned char)*s < 0x80 ? 1 : 2;
	return w;
}

/* s cut to at most max_chars characters, into buf; at the last space when
 * there is one past the middle, so that English keeps whole words. */
static char *template_cut(char *buf, size_t size, const char *s, size_t max_chars)
{
	size_t n = template_utf8_prefix(s, max_chars);
	char *space;

	snprintf(buf, size, "%.*s", (int)n, s);
	if (s[n] && (space = strrchr(buf, ' ')) && (size_t)(space - buf) >= n / 2)
		*space = '\0';
	return buf;
}

/* A sheet name Excel accepts made from name: none of []:*?/\, no quote or
 * space at either end, at most 31 characters; fallback when nothing is
 * left. */
static void template_sheet_name(char *out, size_t size, const char *name, const char *fallback)
{
	char clean[256];
	size_t n = 0;
	const char *p;

	/* Each character Excel refuses becomes a space; a run of spaces becomes
	 * one; neither a space nor a quote starts the name. */
	for (p = name; *p && n < sizeof(clean) - 1; p++) {
		char c = strchr("[]:*?/\\", *p) ? ' ' : *p;

		if (c == ' ' && (n == 0 || clean[n - 1] == ' '))
			continue;
		if (c == '\'' && n == 0)
			continue;
		clean[n++] = c;
	}
	clean[n] = '\0';
	template_cut(out, size, clean, TEMPLATE_SHEET_CHARS_MAX);
	for (n = strlen(out); n && (out[n - 1] == ' ' || out[n - 1] == '\''); n--)
		out[n - 1] = '\0';
	if (!*out)
		snprintf(out, size, "%s", fallback);
}

/* ---- the workbook ---- */

struct template_book {
	const struct kind *k;
	const struct template_plan *p;
	const char *school;
	int year;
	lxw_workbook *wb;
	lxw_worksheet *data, *help, *lists;
	char data_name[128];
	char lists_name[128];
	lxw_col_t lists_cols; /* columns used on the lists sheet */
	lxw_row_t last_row;   /* last validated row of the data sheet, 0-based */
	lxw_format *head_required, *head_optional, *text, *title, *bold, *table_head, *wrap;
	struct err *e;
};

static int template_lxw(struct template_book *b, lxw_error le)
{
	if (le == LXW_NO_ERROR)
		return 0;
	return err_set(b->e, ERR_INTERNAL, _("cannot write the template: %s"), lxw_strerror(le));
}

/* The type of a column in words, for people. */
static const char *template_type_words(enum kind_type t)
{
	switch (t) {
	case KT_SCHOOL:
		return _("school code");
	case KT_YEAR:
		return _("year (2000-2100)");
	case KT_MAJOR:
		return _("six-digit major code the school offers that year");
	case KT_COUNT:
		return _("whole number, 0 or more");
	case KT_AMOUNT:
		return _("number, 0 or more");
	case KT_USCC:
		return _("unified social credit code, 18 characters");
	case KT_INDUSTRY:
		return _("industry code (GB/T 4754-2017)");
	case KT_DIVISION:
		return _("administrative division code");
	case KT_CHOICE:
		return _("one of the list");
	case KT_DATE:
		return _("date, YYYY-MM-DD");
	case KT_PERCENT:
		return _("number from 0 to 100");
	case KT_LONGTEXT:
		return _("text, up to 16000 bytes");
	case KT_OCCUPATION:
		return _("occupation code (2022 classification, as 6-18-01-01)");
	case KT_CLUSTER:
		return _("industry cluster code");
	case KT_ALLIANCE:
		return _("alliance code");
	case KT_REGISTRY_TYPE:
		return _("registry item type");
	case KT_TARGET:
		return _("plan target assessed by hand");
	case KT_ENTERPRISE:
		return _("credit code of a registered enterprise");
	case KT_PERIOD:
		return _("period: 2025, 2025H1 or 2025Q1");
	case KT_CNID:
		return _("resident ID number, 18 characters");
	default:
		return _("text");
	}
}

/* Columns holding codes are text, so that Excel keeps them as typed. */
static int template_is_text(enum kind_type t)
{
	return t != KT_YEAR && t != KT_COUNT && t != KT_AMOUNT && t != KT_PERCENT;
}

static void template_formats(struct template_book *b)
{
	b->head_required = workbook_add_format(b->wb);
	format_set_bold(b->head_required);
	format_set_bg_color(b->head_required, 0xFCE4D6);
	format_set_border(b->head_required, LXW_BORDER_THIN);
	b->head_optional = workbook_add_format(b->wb);
	format_set_bold(b->head_optional);
	format_set_border(b->head_optional, LXW_BORDER_THIN);
	b->text = workbook_add_format(b->wb);
	format_set_num_format(b->text, "@");
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	b->bold = workbook_add_format(b->wb);
	format_set_bold(b->bold);
	b->table_head = workbook_add_format(b->wb);
	format_set_bold(b->table_head);
	format_set_bg_color(b->table_head, 0xD9E1F2);
	format_set_border(b->table_head, LXW_BORDER_THIN);
	b->wrap = workbook_add_format(b->wb);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* A dropdown of items for validation dv: a literal list when it fits
 * Excel's 255 characters, else a range of the hidden lists sheet under the
 * workbook name `name`. list (n + 1 pointers) and formula receive what dv
 * points to. */
static int template_dropdown(struct template_book *b, lxw_data_validation *dv, char **items,
			     size_t n, const char *name, char **list, char *formula, size_t size)
{
	size_t bytes = n ? n - 1 : 0, len = 0;
	int literal = 1;
	char ref[512];
	lxw_col_t col;

	for (size_t i = 0; i < n; i++) {
		bytes += strlen(items[i]);
		literal &= !strpbrk(items[i], ",\"");
	}
	dv->validate = LXW_VALIDATION_TYPE_LIST;
	if (literal && bytes <= TEMPLATE_LIST_BYTES_MAX) {
		for (size_t i = 0; i < n; i++)
			list[i] = items[i];
		list[n] = NULL;
		dv->value_list = list;
		return 0;
	}
	if (!b->lists) {
		template_sheet_name(b->lists_name, sizeof(b->lists_name), _("Lists"), "lists");
		if (!(b->lists = workbook_add_worksheet(b->wb, b->lists_name)))
			return err_set(b->e, ERR_INTERNAL, _("cannot write the template: %s"),
				       b->lists_name);
		worksheet_hide(b->lists);
	}
	col = b->lists_cols++;
	for (size_t i = 0; i < n; i++)
		worksheet_write_string(b->lists, (lxw_row_t)i, col, items[i], b->text);
	/* The sheet name quoted, its quotes doubled. */
	ref[len++] = '=';
	ref[len++] = '\'';
	for (const char *c = b->lists_name; *c && len < sizeof(ref) - 40; c++) {
		if (*c == '\'')
			ref[len++] = '\'';
		ref[len++] = *c;
	}
	snprintf(ref + len, sizeof(ref) - len, "'!$%c$1:$%c$%zu", 'A' + col, 'A' + col, n);
	if (template_lxw(b, workbook_define_name(b->wb, name, ref)) < 0)
		return b->e->code;
	snprintf(formula, size, "=%s", name);
	dv->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	dv->value_formula = formula;
	return 0;
}

/* The validation of column j of the data sheet, over every validated row. */
static int template_validate(struct template_book *b, lxw_col_t j)
{
	const struct kind_column *col = &b->k->cols[j];
	const struct template_plan *p = b->p;
	lxw_data_validation dv = {0};
	char title[128], message[256], formula[64];
	char **list = NULL;
	int rc = 0;

	dv.error_title =
		template_cut(title, sizeof(title), kind_header(col), TEMPLATE_TITLE_CHARS_MAX);
	switch (col->type) {
	case KT_YEAR:
		dv.validate = LXW_VALIDATION_TYPE_INTEGER;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_number = b->year ? b->year : 2000;
		dv.maximum_number = b->year ? b->year : 2100;
		if (b->year)
			snprintf(message, sizeof(message), _("Enter the year %d"), b->year);
		else
			snprintf(message, sizeof(message), "%s",
				 _("Enter a year from 2000 to 2100"));
		break;
	case KT_COUNT:
		dv.validate = LXW_VALIDATION_TYPE_INTEGER;
		dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		dv.value_number = 0;
		snprintf(message, sizeof(message), "%s", _("Enter a whole number, 0 or more"));
		break;
	case KT_AMOUNT:
		dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
		dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		dv.value_number = 0;
		snprintf(message, sizeof(message), "%s", _("Enter a number, 0 or more"));
		break;
	case KT_SCHOOL:
		if (!p->nschools)
			return 0;
		list = xcalloc(p->nschools + 1, sizeof(char *));
		if ((rc = template_dropdown(b, &dv, p->schools, p->nschools, "tvet_schools", list,
					    formula, sizeof(formula))) < 0)
			goto out;
		snprintf(message, sizeof(message), "%s", _("Choose a school code from the list"));
		break;
	case KT_MAJOR:
		if (p->nmajors) {
			list = xcalloc(p->nmajors + 1, sizeof(char *));
			if ((rc = template_dropdown(b, &dv, p->majors, p->nmajors, "tvet_majors",
						    list, formula, sizeof(formula))) < 0)
				goto out;
			snprintf(message, sizeof(message), "%s",
				 _("Choose a major the school offers that year"));
		} else {
			/* Without a school and a year the codes are not known. */
			dv.validate = LXW_VALIDATION_TYPE_LENGTH;
			dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
			dv.value_number = 6;
			snprintf(message, sizeof(message), "%s", _("Enter a six-digit major code"));
		}
		break;
	case KT_USCC:
	case KT_ENTERPRISE:
	case KT_CNID:
		dv.validate = LXW_VALIDATION_TYPE_LENGTH;
		dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
		dv.value_number = 18;
		snprintf(message, sizeof(message), "%s",
			 col->type == KT_CNID
				 ? _("Enter the 18-character resident ID number")
				 : _("Enter the 18-character unified social credit code"));
		break;
	case KT_PERCENT:
		dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_number = 0;
		dv.maximum_number = 100;
		snprintf(message, sizeof(message), "%s", _("Enter a number from 0 to 100"));
		break;
	case KT_DATE:
		dv.validate = LXW_VALIDATION_TYPE_DATE;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_datetime = (lxw_datetime){2000, 1, 1, 0, 0, 0};
		dv.maximum_datetime = (lxw_datetime){2100, 12, 31, 0, 0, 0};
		snprintf(message, sizeof(message), "%s", _("Enter a date, as 2025-06-30"));
		break;
	default: {
		char name[32];

		if (!p->nitems[j])
			return 0;
		snprintf(name, sizeof(name), "tvet_list_%u", (unsigned)j);
		list = xcalloc(p->nitems[j] + 1, sizeof(char *));
		if ((rc = template_dropdown(b, &dv, p->items[j], p->nitems[j], name, list, formula,
					    sizeof(formula))) < 0)
			goto out;
		snprintf(message, sizeof(message), "%s", _("Choose a value from the list"));
		break;
	}
	}
	dv.error_message = message;
	rc = template_lxw(b, worksheet_data_validation_range(b->data, 1, j, b->last_row, j, &dv));
out:
	free(list);
	return rc;
}

static int template_data_sheet(struct template_book *b)
{
	const struct kind *k = b->k;
	const struct template_plan *p = b->p;
	lxw_comment_options note = {
		.width = 320, .height = 140, .font_size = 10, .author = (char *)"tvet"};
	struct strbuf comment = {0};
	char buf[16];
	int rc = 0;

	for (size_t j = 0; j < k->ncols; j++) {
		const struct kind_column *col = &k->cols[j];
		lxw_col_t c = (lxw_col_t)j;
		size_t width = template_display_width(kind_header(col));

		worksheet_write_string(b->data, 0, c, kind_header(col),
				       col->required ? b->head_required : b->head_optional);
		strbuf_reset(&comment);
		strbuf_addf(&comment, col->required ? _("%s, required") : _("%s, optional"),
			    template_type_words(col->type));
		if (col->description[0])
			strbuf_addf(&comment, "\n%s", col->description);
		if ((rc = template_lxw(b, worksheet_write_comment_opt(
						  b->data, 0, c, strbuf_str(&comment), &note))) < 0)
			goto out;
		for (size_t r = 0; r < p->nrows; r++) {
			const char *v = template_cell(col, &p->rows[r], b->year, buf, sizeof(buf));
			lxw_row_t row = (lxw_row_t)(r + 1);

			if (!*v)
				continue;
			if (col->type == KT_YEAR)
				worksheet_write_number(b->data, row, c, b->year, NULL);
			else
				worksheet_write_string(b->data, row, c, v, b->text);
			if (template_display_width(v) > width)
				width = template_display_width(v);
		}
		width += 3; /* the bold header and the comment mark */
		if (width < TEMPLATE_WIDTH_MIN)
			width = TEMPLATE_WIDTH_MIN;
		if (width > TEMPLATE_WIDTH_MAX)
			width = TEMPLATE_WIDTH_MAX;
		worksheet_set_column(b->data, c, c, (double)width,
				     template_is_text(col->type) ? b->text : NULL);
		if ((rc = template_validate(b, c)) < 0)
			goto out;
	}
	worksheet_freeze_panes(b->data, 1, 0);
out:
	strbuf_release(&comment);
	return rc;
}

/* One line of text at column 0 of the instructions sheet; returns the next
 * row. */
static lxw_row_t template_line(struct template_book *b, lxw_row_t row, const char *text,
			       lxw_format *f)
{
	worksheet_write_string(b->help, row, 0, text, f);
	return row + 1;
}

static void template_help_sheet(struct template_book *b)
{
	const struct kind *k = b->k;
	const struct template_plan *p = b->p;
	static const double widths[] = {30, 22, 36, 10, 70};
	const char *heads[] = {_("Header"), _("Key"), _("Type"), _("Required"), _("Description")};
	const char *rows_of;
	struct strbuf line = {0};
	lxw_row_t row = 0;

	for (lxw_col_t c = 0; c < 5; c++)
		worksheet_set_column(b->help, c, c, widths[c], c == 4 ? b->wrap : NULL);
	row = template_line(b, row, i18n_is_chinese() ? k->name_zh : k->name_en, b->title);
	if (b->school) {
		strbuf_addf(&line, _("School: %s"), b->school);
		row = template_line(b, row, strbuf_str(&line), NULL);
	}
	if (b->year) {
		strbuf_reset(&line);
		strbuf_addf(&line, _("Year: %d"), b->year);
		row = template_line(b, row, strbuf_str(&line), NULL);
	}

	row = template_line(b, row + 1, _("Columns"), b->bold);
	for (lxw_col_t c = 0; c < 5; c++)
		worksheet_write_string(b->help, row, c, heads[c], b->table_head);
	row++;
	for (size_t j = 0; j < k->ncols; j++, row++) {
		const struct kind_column *col = &k->cols[j];

		worksheet_write_string(b->help, row, 0, kind_header(col),
				       col->required ? b->head_required : NULL);
		worksheet_write_string(b->help, row, 1, col->key, NULL);
		worksheet_write_string(b->help, row, 2, template_type_words(col->type), NULL);
		worksheet_write_string(b->help, row, 3, col->required ? _("yes") : _("no"), NULL);
		worksheet_write_string(b->help, row, 4, col->description, b->wrap);
	}

	row = template_line(b, row + 1, _("How to fill in and import"), b->bold);
	switch (k->grain) {
	case GRAIN_SCHOOL_YEAR:
		rows_of = _("one row per school and year");
		break;
	case GRAIN_SCHOOL_YEAR_MAJOR:
		rows_of = _("one row per school, year and major");
		break;
	case GRAIN_ENTERPRISE:
		rows_of = _("one row per enterprise");
		break;
	case GRAIN_SCHOOL:
		rows_of = _("one row per school");
		break;
	case GRAIN_SCHOOL_MAJOR:
		rows_of = _("one row per school, year and major offered");
		break;
	default:
		rows_of = _("one row per record");
		break;
	}
	strbuf_reset(&line);
	strbuf_addf(&line, _("Fill in the sheet '%s', %s; keep its header row as it is."),
		    b->data_name, rows_of);
	row = template_line(b, row, strbuf_str(&line), NULL);
	row = template_line(
		b, row,
		_("Columns with a coloured header are required: fill in every one of their cells."),
		NULL);
	row = template_line(b, row,
			    _("The cells check what you type: years, whole numbers and amounts of "
			      "0 or more, school and major codes from their dropdown lists."),
			    NULL);
	if (p->nrows) {
		strbuf_reset(&line);
		strbuf_addf(&line,
			    _("Rows 2 to %zu are pre-filled with the rows expected: fill in their "
			      "values, or delete a row that does not apply."),
			    p->nrows + 1);
		row = template_line(b, row, strbuf_str(&line), NULL);
	}
	row = template_line(b, row, _("Save the workbook as .xlsx and import it with:"), NULL);
	strbuf_reset(&line);
	strbuf_addf(&line, "tvet import %s FILE.xlsx", k->name);
	row = template_line(b, row, strbuf_str(&line), b->bold);
	row = template_line(b, row,
			    _("The import checks every cell and row and imports nothing while "
			      "anything is wrong; it names the row and column of each problem."),
			    NULL);

	if (k->nrules) {
		row = template_line(b, row + 1, _("Rules checked on every filled-in row"), b->bold);
		for (size_t i = 0; i < k->nrules; i++, row++) {
			const struct kind_rule *rule = &k->rules[i];

			worksheet_write_string(b->help, row, 0, rule->text, NULL);
			worksheet_write_string(
				b->help, row, 4,
				i18n_is_chinese() ? rule->message_zh : rule->message_en, b->wrap);
		}
	}
	if (p->nmajors) {
		strbuf_reset(&line);
		strbuf_addf(&line, _("Majors %s offers in %d"), b->school, b->year);
		row = template_line(b, row + 1, strbuf_str(&line), b->bold);
		for (size_t m = 0; m < p->nmajors; m++, row++) {
			worksheet_write_string(b->help, row, 0, p->majors[m], b->text);
			worksheet_write_string(b->help, row, 1, p->major_names[m], NULL);
		}
	}
	strbuf_release(&line);
}

long template_write_xlsx(struct store *s, const struct kind *k, const char *school, int year,
			 const char *path, struct err *e)
{
	struct template_book b = {.k = k, .school = school, .year = year, .e = e};
	struct template_plan p;
	char help_name[128];
	size_t nrows;
	lxw_error le;
	int rc;

	if ((rc = template_plan_load(s, k, school, year, &p, e)) < 0)
		return rc;
	b.p = &p;
	nrows = p.nrows;
	b.last_row = (lxw_row_t)(p.nrows + TEMPLATE_SPARE_ROWS);
	if (b.last_row < TEMPLATE_MIN_ROWS)
		b.last_row = TEMPLATE_MIN_ROWS;
	if (!(b.wb = workbook_new(path))) {
		rc = err_set(e, ERR_IO, _("cannot write '%s'"), path);
		goto out;
	}
	template_formats(&b);
	/* The data sheet first: an import reads the first sheet. */
	template_sheet_name(b.data_name, sizeof(b.data_name),
			    i18n_is_chinese() ? k->name_zh : k->name_en, k->name);
	template_sheet_name(help_name, sizeof(help_name), _("Instructions"), "instructions");
	if (!(b.data = workbook_add_worksheet(b.wb, b.data_name)) ||
	    !(b.help = workbook_add_worksheet(b.wb, help_name))) {
		rc = err_set(e, ERR_INTERNAL, _("cannot write the template: %s"), b.data_name);
		goto out;
	}
	if ((rc = template_data_sheet(&b)) < 0)
		goto out;
	template_help_sheet(&b);
	le = workbook_close(b.wb);
	b.wb = NULL;
	if (le != LXW_NO_ERROR) {
		rc = err_set(e, ERR_IO, _("cannot write '%s': %s"), path, lxw_strerror(le));
		goto out;
	}
	rc = 0;
out:
	if (b.wb)
		lxw_workbook_free(b.wb); /* without saving */
	template_plan_release(&p);
	return rc < 0 ? rc : (long)nrows;
}
