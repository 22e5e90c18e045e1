/* record.c - the record grains and their tables. See record.h. */
#include "ingest/record.h"

#include <stddef.h>
#include <string.h>

#define NFIELDS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const school_fields[] = {"code",	 "name",      "name_en",     "level",
					    "division", "ownership", "founded_year"};
static const char *const school_major_fields[] = {"school", "year", "major"};
static const char *const satisfaction_fields[] = {"school", "year", "enterprise", "score",
						  "graduates_rated"};
static const char *const demand_fields[] = {"enterprise", "year",      "period",   "occupation",
					    "major",	  "education", "headcount"};
static const char *const posting_fields[] = {
	"source",	  "source_ref",	    "posted_on",       "title",	    "company",
	"enterprise",	  "division",	    "district_text",   "salary_text", "education_text",
	"experience_text", "headcount",	    "description",     "occupation"};
static const char *const registry_fields[] = {"type",	    "level",	   "name",  "school",
					      "enterprise", "recognised_on", "major", "cluster",
					      "alliance",   "note"};
static const char *const assessment_fields[] = {"target",   "year",	   "status",	 "evidence",
						"assessor", "assessor_id", "assessed_on"};

/* A grain without a group has no stale query (Q__COUNT). */
#define GRAIN(g, n, f, key, group, lock, uniq, Q, stale)                                           \
	{g,          n,          n,        f,         NFIELDS(f), key,       group,               \
	 lock,       uniq,       Q##_GET,  Q##_INSERT, Q##_UPDATE, Q##_LIST, stale,    Q##_REMOVE}

/* Registry items may repeat a key (a title given to several owners, some
 * without one), so their table holds it not unique. */
static const struct record_grain grains[] = {
	GRAIN(GRAIN_SCHOOL, "school", school_fields, 1, 0, 0, 1, Q_REC_SCHOOL, Q__COUNT),
	GRAIN(GRAIN_SCHOOL_MAJOR, "school_major", school_major_fields, 3, 2, 1, 1,
	      Q_REC_SCHOOL_MAJOR, Q_REC_SCHOOL_MAJOR_STALE),
	GRAIN(GRAIN_SATISFACTION, "satisfaction", satisfaction_fields, 3, 2, 0, 1,
	      Q_REC_SATISFACTION, Q_REC_SATISFACTION_STALE),
	GRAIN(GRAIN_DEMAND, "demand", demand_fields, 6, 2, 0, 1, Q_REC_DEMAND,
	      Q_REC_DEMAND_STALE),
	GRAIN(GRAIN_POSTING, "posting", posting_fields, 2, 0, 0, 1, Q_REC_POSTING, Q__COUNT),
	GRAIN(GRAIN_REGISTRY, "registry", registry_fields, 5, 0, 0, 0, Q_REC_REGISTRY, Q__COUNT),
	GRAIN(GRAIN_ASSESSMENT, "assessment", assessment_fields, 2, 0, 0, 1, Q_REC_ASSESSMENT,
	      Q__COUNT),
};

const struct record_grain *record_grain(enum kind_grain g)
{
	for (size_t i = 0; i < sizeof(grains) / sizeof(grains[0]); i++)
		if (grains[i].grain == g)
			return &grains[i];
	return NULL;
}

int record_field(const struct record_grain *g, const char *name)
{
	for (int i = 0; i < g->nfields; i++)
		if (strcmp(g->fields[i], name) == 0)
			return i;
	return -1;
}
