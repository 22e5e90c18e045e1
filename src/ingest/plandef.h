/* plandef.h - the action plan as data: loading data/plan/ into the store.
 *
 * data/plan/ holds plan.conf (version, city, years), departments.csv (the
 * responsible units), actions.csv (the ten actions and their units, lead
 * first) and targets.csv (every target, one row per criterion); its README
 * documents the columns. plandef_load() validates all of it - every error
 * names file, line and column - and replaces the plan in the store in one
 * transaction, creating the city, its districts (the county divisions under
 * the city's code) and the departments as organisations. It records the
 * files' SHA-256 and does nothing when they are unchanged. The reference
 * data (divisions, registry types) must be loaded first. */
#ifndef TVET_PLANDEF_H
#define TVET_PLANDEF_H

#include "core/err.h"
#include "store/store.h"

struct plandef_result {
	int loaded;   /* 0: unchanged, 1: (re)loaded */
	int targets;  /* distinct target ids */
	int criteria; /* rows of targets.csv */
	int departments;
	char version[32];
	char hash[65];
};

int plandef_load(struct store *s, const char *datadir, struct plandef_result *res,
		 struct err *e) WUR;

#endif
