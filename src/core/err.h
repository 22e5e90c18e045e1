/* err.h - error codes and the error detail every fallible function fills.
 *
 * A fallible function returns 0 on success or a negative enum err_code, and
 * writes the human-readable reason (and, for input data, the file, row and
 * column) into a caller-supplied struct err. Messages say what failed first,
 * then why, quote the offending value and carry no trailing full stop. The
 * mapping of codes to process exit statuses lives in cli/, to HTTP statuses
 * in http/: one table each. */
#ifndef TVET_ERR_H
#define TVET_ERR_H

#include <stddef.h>

#define WUR __attribute__((warn_unused_result))

enum err_code {
	ERR_OK = 0,
	ERR_USAGE = -1,	   /* wrong command, option or argument */
	ERR_INPUT = -2,	   /* bad input data: a file, row or field is wrong */
	ERR_NOTFOUND = -3, /* a named thing does not exist */
	ERR_CONFLICT = -4, /* the change clashes with what is stored */
	ERR_VERSION = -5,  /* database from a newer program, or unknown format */
	ERR_IO = -6,	   /* file or database cannot be read or written */
	ERR_DB = -7,	   /* the database engine failed */
	ERR_INTERNAL = -8, /* a bug: an invariant did not hold */
	ERR_AUTH = -9,	   /* not signed in, or wrong credentials */
	ERR_DENIED = -10,  /* signed in, but not allowed to do this */
	ERR_LIMIT = -11	   /* too many attempts, or too large */
};

struct err {
	int code;
	char msg[1024];
	char file[256]; /* input file the error is in, or "" */
	size_t row;	/* 1-based data row in that file, 0 if none */
	size_t column;	/* 1-based column, 0 if none */
};

/* Reset e to "no error". */
void err_clear(struct err *e);

/* Record an error: code and printf-style message. Returns code, so callers
 * write `return err_set(e, ERR_INPUT, "...", ...);`. e may be NULL. */
int err_set(struct err *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Like err_set, with the location in an input file. */
int err_set_at(struct err *e, int code, const char *file, size_t row, size_t column,
	       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Prefix the existing message with "prefix: " (for context as an error
 * travels up). Returns e->code. */
int err_wrap(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A stable English key for code, e.g. "bad_input". */
const char *err_code_name(int code);

#endif
