/* dims.h - the canonical dimension string of a statistic.
 *
 * A value of a data element is addressed by its dimensions, written as
 * "key=value" pairs joined by ';' and sorted by key: "destination=升学专科;
 * major=660103". '' is the total. Keys are lower-case ASCII words; values
 * are any text without ';' or '='. Keeping one spelling per cell is what
 * lets the store find a value by equality. */
#ifndef TVET_DIMS_H
#define TVET_DIMS_H

#include "core/err.h"
#include "core/mem.h"

#define DIMS_MAX_PAIRS 8

/* Write the canonical form of dims (pairs in any order) to out (reset
 * first). ERR_INPUT for a malformed pair, a repeated key or too many. */
int dims_canonical(const char *dims, struct strbuf *out, struct err *e) WUR;

/* out = canonical dims with key=value added (replacing an existing key). */
int dims_with(const char *dims, const char *key, const char *value, struct strbuf *out,
	      struct err *e) WUR;

/* 1 when canonical dims has a pair with this key. */
int dims_has_key(const char *dims, const char *key);

#endif
