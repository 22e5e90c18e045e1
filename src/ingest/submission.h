/* submission.h - a school's yearly submission and its approval.
 *
 * A school's year moves open -> submitted -> approved (the year is then
 * locked against imports) and the bureau may reopen a submitted or
 * approved year, which the school submits again. The CLI (tvet submission)
 * and the API (/api/v1/submissions/...) both move it here; who may make
 * which move is decided by their callers (the server: schools submit their
 * own, the bureau approves and reopens). */
#ifndef TVET_SUBMISSION_H
#define TVET_SUBMISSION_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

struct submission {
	char status[16];      /* open, submitted, approved, reopened */
	char changed_at[32];  /* UTC, ISO 8601; "" while open */
	char changed_by[96];  /* who made the last move */
};

/* The state of school's year (open when never moved). ERR_NOTFOUND when
 * the school does not exist. */
int submission_get(struct store *s, const char *school, int year, struct submission *out,
		   struct err *e) WUR;

/* Make a move: verb "submit", "approve" or "reopen" (ERR_USAGE otherwise),
 * by who at now (Unix seconds), in one transaction. ERR_CONFLICT when the
 * year's state does not allow it ("the 2025 submission of 'X' is approved:
 * cannot submit it"). *out is the new state. */
int submission_move(struct store *s, const char *school, int year, const char *verb,
		    const char *who, int64_t now, struct submission *out, struct err *e) WUR;

#endif
