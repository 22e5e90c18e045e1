/* coin_csv.h - a composite index's data and structure from COINr's two
 * tables, so that analysts can bring existing work and results can be held
 * against COINr's.
 *
 * DATA (iData): a uCode column, optional uName and Time columns (ignored),
 * then one column per META row of Type Indicator, Group or Denominator, in
 * any order; a missing value is "NA" or empty. META (iMeta): columns
 * iCode, Level, Direction, Weight, Parent, Type, Denominator and,
 * optionally, Target, goalpost_lower, goalpost_upper (COINr's names); Type
 * is Indicator, Aggregate, Group or Denominator; Parent is NA for the
 * index. Every error names the file, the line, the column and the field. */
#ifndef TVET_COIN_CSV_H
#define TVET_COIN_CSV_H

#include "calc/coin.h"
#include "core/err.h"

/* Read META then DATA into c (released with coin_free); the structure is
 * checked (coin_check). */
int coin_csv_load(const char *data_path, const char *meta_path, struct coin *c, struct err *e);

/* Release what coin_csv_load (or a caller filling c the same way) made. */
void coin_free(struct coin *c);

/* The index of the group column named name, or -1. */
int coin_group_index(const struct coin *c, const char *name);

#endif
