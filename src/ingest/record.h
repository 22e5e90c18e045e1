/* record.h - how the record kinds map onto their tables.
 *
 * A record kind (schools, offered majors, surveys, postings, registry
 * items, target assessments) fills one table, one row per record. Its
 * grain names a fixed list of fields; each column of the kind's layout
 * (data/kinds/<kind>.csv) names the field it fills in `element`. The first
 * nkey fields are the record's natural key; the first ngroup of those form
 * the group a file replaces (a school's majors of a year: records of a
 * group the file names but does not list are removed).
 *
 * Every grain has the same six named queries, fields in this order and
 * referenced by code (school code, enterprise uscc), never by row id:
 *   get     (key fields)                   -> id, batch_id, batch_row, fields
 *   insert  (fields, batch_id, batch_row)
 *   update  (fields, batch_id, batch_row, id)
 *   list    (school code or NULL, year or NULL) -> fields, in key order
 *   stale   (group fields, batch_id)       -> id, fields: the group's
 *           records another batch wrote (grains with a group only)
 *   remove  (id)
 * Where the table holds the natural key unique (`unique`), insert fails on
 * a stored key with a constraint error, which lets an import insert first
 * and look up only on conflict.
 */
#ifndef TVET_RECORD_H
#define TVET_RECORD_H

#include "ingest/kinds.h"
#include "store/queries.h"

#define RECORD_MAX_FIELDS 16

struct record_grain {
	enum kind_grain grain;
	const char *name;   /* in data/kinds/kinds.csv */
	const char *entity; /* entity_history.entity */
	const char *const *fields;
	int nfields, nkey, ngroup;
	int locked; /* the group is (school, year): refused while approved */
	int unique; /* the table holds the key unique: an insert may come first */
	enum store_query get, insert, update, list, stale, remove;
};

/* The record grain g, or NULL for a statistics or enterprise grain. */
const struct record_grain *record_grain(enum kind_grain g);

/* Index of field name in g, or -1. */
int record_field(const struct record_grain *g, const char *name);

#endif
