/* err.c - filling struct err. See err.h. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Messages longer than the buffer are cut short on purpose. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

void err_clear(struct err *e)
{
	if (!e)
		return;
	memset(e, 0, sizeof(*e));
}

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	e->file[0] = '\0';
	e->row = e->column = 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

int err_set_at(struct err *e, int code, const char *file, size_t row, size_t column,
	       const char *fmt, ...)
{
	va_list ap;
	char body[sizeof(e->msg)];
	char where[300];
	size_t n = 0;

	if (!e)
		return code;
	e->code = code;
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	e->row = row;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	where[0] = '\0';
	if (file && *file)
		n += (size_t)snprintf(where + n, sizeof(where) - n, "%s", file);
	if (row && n < sizeof(where))
		n += (size_t)snprintf(where + n, sizeof(where) - n, ":%zu", row);
	if (row && column && n < sizeof(where))
		snprintf(where + n, sizeof(where) - n, ":%zu", column);
	if (where[0])
		snprintf(e->msg, sizeof(e->msg), "%s: %s", where, body);
	else
		snprintf(e->msg, sizeof(e->msg), "%s", body);
	return code;
}

int err_wrap(struct err *e, const char *fmt, ...)
{
	va_list ap;
	char prefix[512];
	char old[sizeof(e->msg)];

	if (!e)
		return ERR_INTERNAL;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof(old));
	snprintf(e->msg, sizeof(e->msg), "%s: %s", prefix, old);
	return e->code;
}

const char *err_code_name(int code)
{
	switch (code) {
	case ERR_OK:
		return "ok";
	case ERR_USAGE:
		return "usage";
	case ERR_INPUT:
		return "bad_input";
	case ERR_NOTFOUND:
		return "not_found";
	case ERR_CONFLICT:
		return "conflict";
	case ERR_VERSION:
		return "version";
	case ERR_IO:
		return "io";
	case ERR_DB:
		return "database";
	case ERR_INTERNAL:
		return "internal";
	case ERR_AUTH:
		return "unauthenticated";
	case ERR_DENIED:
		return "forbidden";
	case ERR_LIMIT:
		return "limit";
	}
	return "unknown";
}
