/* queries.h - every statement the program runs, by name.
 *
 * Each entry lists its parameters (?1, ?2 ... in order) and, for queries
 * that return rows, its result columns. The SQL text lives in each backend
 * (sqlite_queries.c); a test prepares every query against a fresh database. */
#ifndef TVET_QUERIES_H
#define TVET_QUERIES_H

enum store_query {
	/* definition files loaded: (name) -> version, hash, loaded_at */
	Q_DEFLOAD_GET,
	/* (name, version, hash, loaded_at), insert or replace */
	Q_DEFLOAD_PUT,

	/* reference catalogues; inserts take the columns in table order */
	Q_DIVISION_INSERT,	   /* code, name, level, parent_code */
	Q_MAJOR_INSERT,		   /* code, name, level, category_code, category_name,
				    class_code, class_name, national_control,
				    in_2021_catalog, status_note */
	Q_OCCUPATION_INSERT,	   /* code, name, level, parent_code, green_digital,
				    gbm_code, added_batch */
	Q_INDUSTRY_INSERT,	   /* code, name, level, section, parent_code, note */
	Q_CROSSWALK_INSERT,	   /* major_level, major_code, major_name,
				    occupation_code, occupation_name */
	Q_CLUSTER_INSERT,	   /* code, name, name_en, description */
	Q_CLUSTER_INDUSTRY_INSERT, /* cluster_code, industry_code */
	Q_CLUSTER_MAJOR_INSERT,	   /* cluster_code, major_code */
	Q_ALLIANCE_INSERT,	   /* code, name, name_en, cluster_code */
	Q_REGISTRY_TYPE_INSERT,	   /* key, name, name_en (upsert) */
	Q_DATA_ELEMENT_INSERT,	   /* code, name, name_en, unit, dims (upsert) */
	/* delete all reference catalogues (before a reload) */
	Q_REFERENCE_CLEAR_CROSSWALK,
	Q_REFERENCE_CLEAR_CLUSTER_INDUSTRIES,
	Q_REFERENCE_CLEAR_CLUSTER_MAJORS,
	/* (code) -> 1 if the division exists */
	Q_DIVISION_EXISTS,
	/* (parent_code) -> code, name, level of child divisions */
	Q_DIVISION_CHILDREN,
	/* (code) -> code, name, level, parent_code */
	Q_DIVISION_GET,
	/* (code) -> 1 if the major exists */
	Q_MAJOR_EXISTS,
	/* (code) -> 1 if the industry exists */
	Q_INDUSTRY_EXISTS,
	/* (code) -> 1 if the occupation exists */
	Q_OCCUPATION_EXISTS,
	/* (key) -> 1 if the registry type exists */
	Q_REGISTRY_TYPE_EXISTS,

	/* organisations */
	Q_ORG_INSERT, /* code, name, name_en, kind, school_level,
				    parent_id, division_code, ownership,
				    founded_year */
	/* code, name, name_en (updates a department's names, keeps its id) */
	Q_ORG_UPSERT_DEPARTMENT,
	Q_ORG_ID_BY_CODE, /* (code) -> id */
	/* (kind or NULL) -> id, code, name, name_en, kind, school_level,
	   parent_code, division_code, division_name */
	Q_ORG_LIST,

	/* the plan */
	Q_PLAN_CLEAR_TARGETS,
	Q_PLAN_CLEAR_ACTION_DEPTS,
	Q_PLAN_CLEAR_ACTIONS,
	Q_PLAN_ACTION_INSERT,	   /* action, plan_part, title, title_en */
	Q_PLAN_ACTION_DEPT_INSERT, /* action, rank, org_id */
	Q_PLAN_TARGET_INSERT,	   /* id, part, section, action, kind, comparator,
				    target, unit, deadline, baseline_year, source,
				    level, title, title_en, note, seq, formula */
	/* () -> id, part, section, action, kind, comparator, target, unit,
	   deadline, baseline_year, source, level, title, title_en, note,
	   plan_part, action_title, action_title_en, formula; file order */
	Q_PLAN_TARGET_LIST,
	/* (action) -> code, name, name_en of its departments, lead first */
	Q_PLAN_ACTION_DEPTS,
	/* (target id, department code) -> 1 when the department is among those
	   responsible for the target's action */
	Q_PLAN_TARGET_DEPT_EXISTS,
	/* () -> action, plan_part, title, title_en */
	Q_PLAN_ACTION_LIST,

	/* catalogue searches: (text or NULL, level or NULL) -> rows.
	   text matches a code prefix or a substring of the name. */
	Q_CATALOG_MAJORS,      /* -> code, name, level, class_name,
				    category_name, in_2021_catalog, cluster */
	Q_CATALOG_OCCUPATIONS, /* -> code, name, level, parent_code,
				    green_digital */
	Q_CATALOG_INDUSTRIES,  /* -> code, name, level, section, parent_code */
	/* (text or NULL) -> code, name, name_en, industries, majors,
	   alliance */
	Q_CATALOG_CLUSTERS,

	/* yearly and entity data */
	Q_ENTERPRISE_INSERT,	/* uscc, name, industry_code, cluster_code,
				    division_code, employees, founded_year */
	Q_SCHOOL_MAJOR_INSERT,	/* school_id, year, major_code */
	Q_REGISTRY_ITEM_INSERT, /* type_key, name, level, recognised_on,
				    school_id, enterprise_id, major_code,
				    cluster_code, alliance_code, note */
	Q_DATAVALUE_PUT,	/* element, org_id, year, dims, value (upsert) */
	Q_POSTING_INSERT,	/* source, source_ref, posted_on, title, company,
				    enterprise_id, division_code, district_text,
				    salary_text, education_text, experience_text,
				    headcount, description, label_occupation,
				    dup_of */
	Q_DEMAND_SURVEY_INSERT, /* enterprise_id, year, period, occupation_code,
				    major_code, education, headcount */
	Q_SATISFACTION_INSERT,	/* school_id, enterprise_id, year, score,
				    graduates_rated */

	/* () -> one row of counts: divisions, orgs, schools, departments,
	   majors, occupations, industries, crosswalk, clusters, alliances,
	   targets, enterprises, school_majors, registry_items, datavalues,
	   postings, demand_surveys, satisfaction_surveys */
	Q_SUMMARY,
	/* (element, year) -> the city total: the sum over schools of their
	   totals (dims = '') */
	Q_DATAVALUE_CITY_TOTAL,

	/* imports, history, submissions */
	Q_SCHOOL_BY_CODE,	    /* (code) -> id, school_level */
	Q_SCHOOL_MAJOR_EXISTS,	    /* (school_id, year, major_code) -> 1 */
	Q_SUBMISSION_GET,	    /* (school_id, year) -> status, changed_at, changed_by */
	Q_SUBMISSION_PUT,	    /* school_id, year, status, changed_at, changed_by (upsert) */
	Q_DATAVALUE_GET,	    /* (element, org_id, year, dims) -> value */
	Q_DATAVALUE_LIST,	    /* (org_id, year) -> element, dims, value */
	Q_DATAVALUE_DELETE,	    /* element, org_id, year, dims */
	Q_IMPORT_BATCH_INSERT,	    /* kind, file_name, sha256, encoding, who, at, school_id,
				   year, rows, changed */
	Q_HISTORY_INSERT,	    /* batch_id, element, org_id, year, dims, old_value,
				   new_value */
	/* (school code or NULL, year or NULL, element or NULL) -> batch id, at,
	   who, file_name, kind, school code, year, element, dims, old_value,
	   new_value, element name, element name_en; newest first */
	Q_HISTORY_LIST,
	/* (kind or NULL, school code or NULL, year or NULL) -> id, kind,
	   file_name, sha256, encoding, who, at, school code, year, rows, changed;
	   newest first. A school's: the batches of a file of that school only. */
	Q_IMPORT_LIST,
	/* (school code or NULL) -> id, code of the schools, by code */
	Q_SCHOOL_LIST,
	/* (school_id, year) -> major_code offered, by code */
	Q_SCHOOL_MAJORS_OF,
	/* the 学校 page (api_schools.c): (year, school code or NULL) ->
	   code, name, name_en, school_level, ownership, founded_year,
	   division_code, division name, district code, district name,
	   district name_en, majors offered in the year, the year's submission
	   status (NULL: never moved, open); with no code, the schools open in
	   the year (founded then or before, or founding unknown), by code */
	Q_SCHOOL_REGISTRY,
	/* (school code, year) -> major code, name, level, class_name,
	   cluster code, cluster name, cluster name_en (NULL outside the
	   clusters) of the majors the school offers that year, by code */
	Q_SCHOOL_MAJOR_DETAIL,
	/* (school code) -> year, status, changed_at, changed_by of every year
	   the school has statistics, majors or a submission (status NULL:
	   never moved, open); newest first */
	Q_SCHOOL_SUBMISSIONS,
	/* (element) -> the distinct years with values of the element */
	Q_ELEMENT_YEARS,
	/* (uscc) -> name, industry_code, division_code, employees, founded_year */
	Q_ENTERPRISE_BY_USCC,
	/* uscc, name, industry_code, cluster_code, division_code, employees,
	   founded_year: insert or update by uscc */
	Q_ENTERPRISE_UPSERT,
	/* (industry code) -> the cluster of the code or of its nearest parent */
	Q_INDUSTRY_CLUSTER,
	/* batch_id, entity, entity_key, field, old_value, new_value */
	Q_ENTITY_HISTORY_INSERT,
	/* () -> uscc, name, industry_code, division_code, employees,
	   founded_year, by uscc */
	Q_ENTERPRISE_LIST,
	/* () -> id, part of the manually assessed targets */
	Q_TARGET_MANUAL_LIST,
	/* (id) -> 1 if a manually assessed target has this id */
	Q_TARGET_MANUAL_EXISTS,
	Q_CLUSTER_EXISTS,	/* (code) -> 1 */
	Q_OCCUPATION_DETAIL_EXISTS, /* (code) -> 1 for a 细类 (detailed) occupation */
	/* (school code, year, major) -> 1 if the school has statistics of the
	   major that year */
	Q_DATAVALUE_MAJOR_EXISTS,
	Q_ALLIANCE_EXISTS,	/* (code) -> 1 */
	Q_ENTERPRISE_EXISTS,	/* (uscc) -> 1 */
	/* (text or NULL, as the catalogue searches) -> key, name, name_en */
	Q_REGISTRY_TYPE_LIST,
	/* (text or NULL) -> code, name, name_en, cluster_code */
	Q_ALLIANCE_LIST,
	/* (entity or NULL, key prefix or NULL) -> batch id, at, who, file_name,
	   entity, entity_key, field, old_value, new_value; newest first */
	Q_ENTITY_HISTORY_LIST,
	/* () -> code, name of the city's counties (the district orgs) */
	Q_DISTRICT_LIST,
	/* (name) -> value of a per-database secret */
	Q_SECRET_GET,
	/* id, changed, rows, school_id or NULL, year or NULL */
	Q_IMPORT_BATCH_FINISH,
	/* (element, year, dims, enrolment dims) -> org_id, value, enrolment of
	   every school with a value, for outliers */
	Q_DATAVALUE_ACROSS_SCHOOLS,
	/* (year, school code or NULL) -> code, name, name_en of each school (or
	   that one), its submission's status, changed_at, changed_by for the
	   year (NULL while never moved), and the time of the latest import of
	   the school's year (NULL when none); by code. For 数据报送. */
	Q_SUBMISSION_LIST,
	/* (code) -> name of a major of the catalogue */
	Q_MAJOR_NAME,

	/* the record grains (record.h): get, insert, update, list, stale,
	   remove of each, with the parameters and columns record.h gives */
	Q_REC_SCHOOL_GET,
	Q_REC_SCHOOL_INSERT,
	Q_REC_SCHOOL_UPDATE,
	Q_REC_SCHOOL_LIST,
	Q_REC_SCHOOL_REMOVE,
	Q_REC_SCHOOL_MAJOR_GET,
	Q_REC_SCHOOL_MAJOR_INSERT,
	Q_REC_SCHOOL_MAJOR_UPDATE,
	Q_REC_SCHOOL_MAJOR_LIST,
	Q_REC_SCHOOL_MAJOR_STALE,
	Q_REC_SCHOOL_MAJOR_REMOVE,
	Q_REC_SATISFACTION_GET,
	Q_REC_SATISFACTION_INSERT,
	Q_REC_SATISFACTION_UPDATE,
	Q_REC_SATISFACTION_LIST,
	Q_REC_SATISFACTION_STALE,
	Q_REC_SATISFACTION_REMOVE,
	Q_REC_DEMAND_GET,
	Q_REC_DEMAND_INSERT,
	Q_REC_DEMAND_UPDATE,
	Q_REC_DEMAND_LIST,
	Q_REC_DEMAND_STALE,
	Q_REC_DEMAND_REMOVE,
	Q_REC_POSTING_GET,
	Q_REC_POSTING_INSERT,
	Q_REC_POSTING_UPDATE,
	Q_REC_POSTING_LIST,
	Q_REC_POSTING_REMOVE,
	Q_REC_REGISTRY_GET,
	Q_REC_REGISTRY_INSERT,
	Q_REC_REGISTRY_UPDATE,
	Q_REC_REGISTRY_LIST,
	Q_REC_REGISTRY_REMOVE,
	Q_REC_ASSESSMENT_GET,
	Q_REC_ASSESSMENT_INSERT,
	Q_REC_ASSESSMENT_UPDATE,
	Q_REC_ASSESSMENT_LIST,
	Q_REC_ASSESSMENT_REMOVE,

	/* indicators and plan monitoring */
	Q_INDICATOR_CLEAR,
	Q_INDICATOR_INSERT, /* code, name, name_en, scope, numerator, denominator,
			       scale, unit, decimals, description, seq */
	/* (code or NULL for all) -> code, name, name_en, scope, numerator,
	   denominator, scale, unit, decimals, description; file order */
	Q_INDICATOR_LIST,
	Q_ELEMENT_DIMS, /* (code) -> dims: the element's dimension keys, ';'-separated */
	/* () -> id, code, name, name_en, kind, school_level, parent_id,
	   founded_year of the city, districts and schools */
	Q_MON_ORGS,
	Q_MON_VALUES, /* (org_id, year, element) -> dims, value */
	/* () -> type_key, level, recognised_on, school_id, cluster_code */
	Q_MON_REGISTRY,
	Q_MON_CLUSTERS, /* () -> code of every cluster */
	Q_LATEST_YEAR,
	Q_REGISTRY_TYPE_GET, /* (key) -> name, name_en */
	Q_DEPARTMENT_EXISTS, /* (code) -> 1 */	/* () -> the latest year of any statistic, NULL when none */
	/* (target_id, year) -> year, status, evidence, assessor, assessed_on of
	   the latest assessment of that year or before */
	Q_MON_ASSESSMENT,

	/* accounts, sessions, audit */
	/* (auth/auth.h; times are Unix seconds) */
	/* login, name, role, scope, pw_hash, created_at */
	Q_AUTH_USER_INSERT,
	/* (login) -> id, login, name, role, scope, disabled, pw_hash */
	Q_AUTH_USER_GET,
	/* () -> id, login, name, role, scope, disabled, created_at; by login */
	Q_AUTH_USER_LIST,
	Q_AUTH_USER_SET_PASSWORD, /* login, pw_hash */
	Q_AUTH_USER_SET_DISABLED, /* login, disabled (0 or 1) */
	/* token_hash, user_id, csrf, created, last_seen, ip */
	Q_AUTH_SESSION_INSERT,
	/* (token_hash) -> token_hash, csrf, created, last_seen, user id, login,
	   name, role, scope, disabled */
	Q_AUTH_SESSION_GET,
	Q_AUTH_SESSION_TOUCH,	     /* token_hash, now: last_seen = now */
	Q_AUTH_SESSION_DELETE,	     /* token_hash */
	Q_AUTH_SESSION_DELETE_USER,  /* user_id: every session of the account */
	/* idle_cutoff, age_cutoff: sessions last seen at or before the first
	   or created at or before the second */
	Q_AUTH_SESSION_PURGE,
	Q_AUTH_FAILURE_INSERT, /* key ('login:<login>' or 'ip:<ip>'), at */
	/* (key, since) -> the number of failures of key after since */
	Q_AUTH_FAILURE_COUNT,
	Q_AUTH_FAILURE_CLEAR, /* key */
	Q_AUTH_FAILURE_PURGE, /* before: failures at or before it */
	/* () -> id, hash of the newest audit entry */
	Q_AUTH_AUDIT_LAST,
	/* at, who, ip, action, detail, prev_hash, hash */
	Q_AUTH_AUDIT_INSERT,
	/* () -> id, at, who, ip, action, detail, prev_hash, hash; oldest first */
	Q_AUTH_AUDIT_ALL,
	/* (who or NULL, limit) -> id, at, who, ip, action, detail; newest first */
	Q_AUTH_AUDIT_LIST,

	/* the contribution evaluation (monitor/evaluate.c), each on (school
	   id, year): */
	/* -> enrolment in majors mapped to a cluster, total enrolment */
	Q_EVAL_CLUSTER_ENROLMENT,
	/* -> mean satisfaction score, number of surveys */
	Q_EVAL_SATISFACTION,
	/* -> year, element, dims, value of the by-major enrolment and
	   graduates of the year and the year before */
	Q_EVAL_MAJOR_ROWS,
	/* year, at, who, rule, pool_fen, allocated_fen, options, inputs_sha256,
	   result: a run of tvet allocate --save */
	Q_ALLOC_RUN_INSERT,
	/* (year or NULL) -> id, year, at, who, rule, pool_fen, allocated_fen,
	   options, inputs_sha256, result; newest first */
	Q_ALLOC_RUN_LIST,
	/* the talent platform (monitor/talent.c): */
	/* (from year, to year) -> school code, name, year, element, dims,
	   value of the schools' by-major enrolment, new entrants and graduates */
	Q_TALENT_STATS,
	/* (from year, to year) -> year, occupation_code, major_code, education,
	   headcount summed, of the demand surveys */
	Q_TALENT_DEMAND,
	/* () -> major_level, major_code, occupation_code of the crosswalk */
	Q_TALENT_CROSSWALK,
	/* () -> code, name, level, cluster code, cluster name (NULL outside the
	   clusters) of every major */
	Q_TALENT_MAJOR_INFO,
	/* () -> title, description, label_occupation of the postings that
	   carry a label (for training and measuring the classifier) */
	Q_TALENT_LABELLED,

	Q__COUNT
};

/* The result columns of Q_PLAN_TARGET_LIST, for every reader of it. */
enum plan_target_col {
	PT_ID,
	PT_PART,
	PT_SECTION,
	PT_ACTION,
	PT_KIND,
	PT_CMP,
	PT_TARGET,
	PT_UNIT,
	PT_DEADLINE,
	PT_BASELINE,
	PT_SOURCE,
	PT_LEVEL,
	PT_TITLE,
	PT_TITLE_EN,
	PT_NOTE,
	PT_PLAN_PART,
	PT_ACTION_TITLE,
	PT_ACTION_TITLE_EN,
	PT_FORMULA,
};

/* The query's name, e.g. "Q_MAJOR_INSERT", for error messages. */
const char *store_query_name(enum store_query q);

#endif
