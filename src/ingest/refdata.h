/* refdata.h - loading the reference catalogues and definitions from data/.
 *
 * data/ holds the official classifications (divisions, majors, occupations,
 * industries, the major->occupation crosswalk), the project's own cluster
 * mapping, the data elements of the yearly statistics and the registry
 * types. refdata_load_all() loads them into the store in one transaction;
 * it records a SHA-256 of the files and does nothing when they are
 * unchanged since the last load. Every rejected row is reported with its
 * file, line and column, and nothing is written. */
#ifndef TVET_REFDATA_H
#define TVET_REFDATA_H

#include "core/err.h"
#include "store/store.h"

struct refdata_result {
	int loaded;    /* 0: unchanged since the last load, 1: (re)loaded */
	long rows;     /* rows read when loaded */
	char hash[65]; /* SHA-256 of the files, hex */
};

/* Load every reference file under datadir. res may be NULL. */
int refdata_load_all(struct store *s, const char *datadir, struct refdata_result *res,
		     struct err *e) WUR;

/* Hash the files named in paths (NULL-terminated, relative to dir) into
 * hex (65 bytes): SHA-256 over each name and its bytes. */
int refdata_hash_files(const char *dir, const char *const *paths, char *hex, struct err *e) WUR;

/* Is the definition set `name` already loaded with this hash? *same is 1
 * when it is (nothing to do), 0 when it is absent or different. */
int refdata_is_loaded(struct store *s, const char *name, const char *hash, int *same,
		      struct err *e) WUR;

/* Record that the set `name` (version, hash) is loaded now, inside the
 * caller's transaction. */
int refdata_record_load(struct store *s, const char *name, const char *version, const char *hash,
			struct err *e) WUR;

/* Strip ASCII white space at both ends of s, in place; returns s. */
char *refdata_trim(char *s);

#endif
