/* issues.c - the import problem list as XLSX. See issues.h. */
#include "report/issues.h"

#include <xlsxwriter.h>

#include "core/i18n.h"

int issues_write_xlsx(const struct import_report *rep, const char *path, struct err *e)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold, *warn;
	const char *headers[6];
	lxw_error rc;

	if (!wb)
		return err_set(e, ERR_IO, _("cannot write '%s'"), path);
	ws = workbook_add_worksheet(wb, i18n_is_chinese() ? "错误清单" : "Problems");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	warn = workbook_add_format(wb);
	format_set_bg_color(warn, 0xFFE699);
	headers[0] = _("row");
	headers[1] = _("column");
	headers[2] = _("value");
	headers[3] = _("rule");
	headers[4] = _("severity");
	headers[5] = _("message");
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, headers[c], bold);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_column(ws, 0, 0, 6, NULL);
	worksheet_set_column(ws, 1, 2, 18, NULL);
	worksheet_set_column(ws, 3, 4, 12, NULL);
	worksheet_set_column(ws, 5, 5, 80, NULL);
	for (size_t i = 0; i < rep->nissues; i++) {
		const struct import_issue *is = &rep->issues[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		lxw_format *f = is->warning ? warn : NULL;

		worksheet_write_number(ws, r, 0, (double)is->row, f);
		worksheet_write_string(ws, r, 1, is->column, f);
		worksheet_write_string(ws, r, 2, is->value, f);
		worksheet_write_string(ws, r, 3, is->rule, f);
		worksheet_write_string(ws, r, 4, is->warning ? _("warning") : _("error"), f);
		worksheet_write_string(ws, r, 5, is->message, f);
	}
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)rep->nissues, 5);
	rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR)
		return err_set(e, ERR_IO, _("cannot write '%s': %s"), path, lxw_strerror(rc));
	return 0;
}
