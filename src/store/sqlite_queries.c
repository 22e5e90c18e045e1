/* sqlite_queries.c - the SQL text of every named query, SQLite dialect.
 *
 * Parameters are ?1, ?2 ... in the order queries.h lists them. Searches use
 * instr() rather than LIKE so that user text is matched literally, with no
 * wildcard characters of its own. */
#include <stddef.h>

#include "store/queries.h"

const char *store_sqlite_sql(enum store_query q);

#define NAME(q) [q] = #q
static const char *const query_names[Q__COUNT] = {
	NAME(Q_DEFLOAD_GET),
	NAME(Q_DEFLOAD_PUT),
	NAME(Q_DIVISION_INSERT),
	NAME(Q_MAJOR_INSERT),
	NAME(Q_OCCUPATION_INSERT),
	NAME(Q_INDUSTRY_INSERT),
	NAME(Q_CROSSWALK_INSERT),
	NAME(Q_CLUSTER_INSERT),
	NAME(Q_CLUSTER_INDUSTRY_INSERT),
	NAME(Q_CLUSTER_MAJOR_INSERT),
	NAME(Q_ALLIANCE_INSERT),
	NAME(Q_REGISTRY_TYPE_INSERT),
	NAME(Q_DATA_ELEMENT_INSERT),
	NAME(Q_REFERENCE_CLEAR_CROSSWALK),
	NAME(Q_REFERENCE_CLEAR_CLUSTER_INDUSTRIES),
	NAME(Q_REFERENCE_CLEAR_CLUSTER_MAJORS),
	NAME(Q_DIVISION_EXISTS),
	NAME(Q_DIVISION_CHILDREN),
	NAME(Q_DIVISION_GET),
	NAME(Q_MAJOR_EXISTS),
	NAME(Q_INDUSTRY_EXISTS),
	NAME(Q_OCCUPATION_EXISTS),
	NAME(Q_REGISTRY_TYPE_EXISTS),
	NAME(Q_ORG_INSERT),
	NAME(Q_ORG_UPSERT_DEPARTMENT),
	NAME(Q_ORG_ID_BY_CODE),
	NAME(Q_ORG_LIST),
	NAME(Q_PLAN_CLEAR_TARGETS),
	NAME(Q_PLAN_CLEAR_ACTION_DEPTS),
	NAME(Q_PLAN_CLEAR_ACTIONS),
	NAME(Q_PLAN_ACTION_INSERT),
	NAME(Q_PLAN_ACTION_DEPT_INSERT),
	NAME(Q_PLAN_TARGET_INSERT),
	NAME(Q_PLAN_TARGET_LIST),
	NAME(Q_PLAN_ACTION_DEPTS),
	NAME(Q_PLAN_TARGET_DEPT_EXISTS),
	NAME(Q_PLAN_ACTION_LIST),
	NAME(Q_CATALOG_MAJORS),
	NAME(Q_CATALOG_OCCUPATIONS),
	NAME(Q_CATALOG_INDUSTRIES),
	NAME(Q_CATALOG_CLUSTERS),
	NAME(Q_ENTERPRISE_INSERT),
	NAME(Q_SCHOOL_MAJOR_INSERT),
	NAME(Q_REGISTRY_ITEM_INSERT),
	NAME(Q_DATAVALUE_PUT),
	NAME(Q_POSTING_INSERT),
	NAME(Q_DEMAND_SURVEY_INSERT),
	NAME(Q_SATISFACTION_INSERT),
	NAME(Q_SUMMARY),
	NAME(Q_DATAVALUE_CITY_TOTAL),
	NAME(Q_SCHOOL_BY_CODE),
	NAME(Q_SCHOOL_MAJOR_EXISTS),
	NAME(Q_SUBMISSION_GET),
	NAME(Q_SUBMISSION_PUT),
	NAME(Q_DATAVALUE_GET),
	NAME(Q_DATAVALUE_LIST),
	NAME(Q_DATAVALUE_DELETE),
	NAME(Q_IMPORT_BATCH_INSERT),
	NAME(Q_HISTORY_INSERT),
	NAME(Q_HISTORY_LIST),
	NAME(Q_IMPORT_LIST),
	NAME(Q_SCHOOL_LIST),
	NAME(Q_SCHOOL_MAJORS_OF),
	NAME(Q_SCHOOL_REGISTRY),
	NAME(Q_SCHOOL_MAJOR_DETAIL),
	NAME(Q_SCHOOL_SUBMISSIONS),
	NAME(Q_ELEMENT_YEARS),
	NAME(Q_ENTERPRISE_BY_USCC),
	NAME(Q_ENTERPRISE_UPSERT),
	NAME(Q_INDUSTRY_CLUSTER),
	NAME(Q_ENTITY_HISTORY_INSERT),
	NAME(Q_ENTERPRISE_LIST),
	NAME(Q_TARGET_MANUAL_LIST),
	NAME(Q_TARGET_MANUAL_EXISTS),
	NAME(Q_CLUSTER_EXISTS),
	NAME(Q_OCCUPATION_DETAIL_EXISTS),
	NAME(Q_DATAVALUE_MAJOR_EXISTS),
	NAME(Q_ALLIANCE_EXISTS),
	NAME(Q_ENTERPRISE_EXISTS),
	NAME(Q_REGISTRY_TYPE_LIST),
	NAME(Q_ALLIANCE_LIST),
	NAME(Q_ENTITY_HISTORY_LIST),
	NAME(Q_DISTRICT_LIST),
	NAME(Q_SECRET_GET),
	NAME(Q_IMPORT_BATCH_FINISH),
	NAME(Q_DATAVALUE_ACROSS_SCHOOLS),
	NAME(Q_SUBMISSION_LIST),
	NAME(Q_MAJOR_NAME),
	NAME(Q_REC_SCHOOL_GET),
	NAME(Q_REC_SCHOOL_INSERT),
	NAME(Q_REC_SCHOOL_UPDATE),
	NAME(Q_REC_SCHOOL_LIST),
	NAME(Q_REC_SCHOOL_REMOVE),
	NAME(Q_REC_SCHOOL_MAJOR_GET),
	NAME(Q_REC_SCHOOL_MAJOR_INSERT),
	NAME(Q_REC_SCHOOL_MAJOR_UPDATE),
	NAME(Q_REC_SCHOOL_MAJOR_LIST),
	NAME(Q_REC_SCHOOL_MAJOR_STALE),
	NAME(Q_REC_SCHOOL_MAJOR_REMOVE),
	NAME(Q_REC_SATISFACTION_GET),
	NAME(Q_REC_SATISFACTION_INSERT),
	NAME(Q_REC_SATISFACTION_UPDATE),
	NAME(Q_REC_SATISFACTION_LIST),
	NAME(Q_REC_SATISFACTION_STALE),
	NAME(Q_REC_SATISFACTION_REMOVE),
	NAME(Q_REC_DEMAND_GET),
	NAME(Q_REC_DEMAND_INSERT),
	NAME(Q_REC_DEMAND_UPDATE),
	NAME(Q_REC_DEMAND_LIST),
	NAME(Q_REC_DEMAND_STALE),
	NAME(Q_REC_DEMAND_REMOVE),
	NAME(Q_REC_POSTING_GET),
	NAME(Q_REC_POSTING_INSERT),
	NAME(Q_REC_POSTING_UPDATE),
	NAME(Q_REC_POSTING_LIST),
	NAME(Q_REC_POSTING_REMOVE),
	NAME(Q_REC_REGISTRY_GET),
	NAME(Q_REC_REGISTRY_INSERT),
	NAME(Q_REC_REGISTRY_UPDATE),
	NAME(Q_REC_REGISTRY_LIST),
	NAME(Q_REC_REGISTRY_REMOVE),
	NAME(Q_REC_ASSESSMENT_GET),
	NAME(Q_REC_ASSESSMENT_INSERT),
	NAME(Q_REC_ASSESSMENT_UPDATE),
	NAME(Q_REC_ASSESSMENT_LIST),
	NAME(Q_REC_ASSESSMENT_REMOVE),
	NAME(Q_INDICATOR_CLEAR),
	NAME(Q_INDICATOR_INSERT),
	NAME(Q_INDICATOR_LIST),
	NAME(Q_ELEMENT_DIMS),
	NAME(Q_MON_ORGS),
	NAME(Q_MON_VALUES),
	NAME(Q_MON_REGISTRY),
	NAME(Q_MON_CLUSTERS),
	NAME(Q_LATEST_YEAR),
	NAME(Q_REGISTRY_TYPE_GET),
	NAME(Q_DEPARTMENT_EXISTS),
	NAME(Q_MON_ASSESSMENT),
	/* accounts, sessions, audit */
	NAME(Q_AUTH_USER_INSERT),
	NAME(Q_AUTH_USER_GET),
	NAME(Q_AUTH_USER_LIST),
	NAME(Q_AUTH_USER_SET_PASSWORD),
	NAME(Q_AUTH_USER_SET_DISABLED),
	NAME(Q_AUTH_SESSION_INSERT),
	NAME(Q_AUTH_SESSION_GET),
	NAME(Q_AUTH_SESSION_TOUCH),
	NAME(Q_AUTH_SESSION_DELETE),
	NAME(Q_AUTH_SESSION_DELETE_USER),
	NAME(Q_AUTH_SESSION_PURGE),
	NAME(Q_AUTH_FAILURE_INSERT),
	NAME(Q_AUTH_FAILURE_COUNT),
	NAME(Q_AUTH_FAILURE_CLEAR),
	NAME(Q_AUTH_FAILURE_PURGE),
	NAME(Q_AUTH_AUDIT_LAST),
	NAME(Q_AUTH_AUDIT_INSERT),
	NAME(Q_AUTH_AUDIT_ALL),
	NAME(Q_AUTH_AUDIT_LIST),
	NAME(Q_EVAL_CLUSTER_ENROLMENT),
	NAME(Q_EVAL_SATISFACTION),
	NAME(Q_EVAL_MAJOR_ROWS),
	NAME(Q_ALLOC_RUN_INSERT),
	NAME(Q_ALLOC_RUN_LIST),
	NAME(Q_TALENT_STATS),
	NAME(Q_TALENT_DEMAND),
	NAME(Q_TALENT_CROSSWALK),
	NAME(Q_TALENT_MAJOR_INFO),
	NAME(Q_TALENT_LABELLED),
};

const char *store_query_name(enum store_query q)
{
	if ((int)q < 0 || q >= Q__COUNT || !query_names[q])
		return "Q_?";
	return query_names[q];
}

/* A name or code matches ?1 when ?1 is NULL, a prefix of the code, or a
 * substring of the name. */
#define SEARCH(code, name)                                                                         \
	"(?1 IS NULL OR substr(" code ",1,length(?1)) = ?1 OR instr(" name ",?1) > 0)"

static const char *const sqlite_sql[Q__COUNT] = {
	[Q_DEFLOAD_GET] = "SELECT version, hash, loaded_at FROM definition_load WHERE name = ?1",
	[Q_DEFLOAD_PUT] = "INSERT OR REPLACE INTO definition_load(name,version,hash,loaded_at)"
			  " VALUES(?1,?2,?3,?4)",
	[Q_DIVISION_INSERT] = "INSERT OR REPLACE INTO division(code,name,level,parent_code)"
			      " VALUES(?1,?2,?3,?4)",
	[Q_MAJOR_INSERT] =
		"INSERT OR REPLACE INTO major(code,name,level,category_code,category_name,"
		"class_code,class_name,national_control,in_2021_catalog,status_note)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
	[Q_OCCUPATION_INSERT] = "INSERT OR REPLACE INTO occupation(code,name,level,parent_code,"
				"green_digital,gbm_code,added_batch) VALUES(?1,?2,?3,?4,?5,?6,?7)",
	[Q_INDUSTRY_INSERT] =
		"INSERT OR REPLACE INTO industry(code,name,level,section,parent_code,note)"
		" VALUES(?1,?2,?3,?4,?5,?6)",
	[Q_CROSSWALK_INSERT] =
		"INSERT OR IGNORE INTO major_occupation(major_level,major_code,major_name,"
		"occupation_code,occupation_name) VALUES(?1,?2,?3,?4,?5)",
	[Q_CLUSTER_INSERT] =
		"INSERT INTO cluster(code,name,name_en,description) VALUES(?1,?2,?3,?4)"
		" ON CONFLICT(code) DO UPDATE SET name=excluded.name,"
		" name_en=excluded.name_en, description=excluded.description",
	[Q_CLUSTER_INDUSTRY_INSERT] =
		"INSERT INTO cluster_industry(cluster_code,industry_code) VALUES(?1,?2)",
	[Q_CLUSTER_MAJOR_INSERT] =
		"INSERT INTO cluster_major(cluster_code,major_code) VALUES(?1,?2)",
	[Q_ALLIANCE_INSERT] =
		"INSERT INTO alliance(code,name,name_en,cluster_code) VALUES(?1,?2,?3,?4)"
		" ON CONFLICT(code) DO UPDATE SET name=excluded.name,"
		" name_en=excluded.name_en, cluster_code=excluded.cluster_code",
	[Q_REGISTRY_TYPE_INSERT] =
		"INSERT INTO registry_type(key,name,name_en) VALUES(?1,?2,?3)"
		" ON CONFLICT(key) DO UPDATE SET name=excluded.name, name_en=excluded.name_en",
	[Q_DATA_ELEMENT_INSERT] =
		"INSERT INTO data_element(code,name,name_en,unit,dims) VALUES(?1,?2,?3,?4,?5)"
		" ON CONFLICT(code) DO UPDATE SET name=excluded.name,"
		" name_en=excluded.name_en, unit=excluded.unit, dims=excluded.dims",
	[Q_REFERENCE_CLEAR_CROSSWALK] = "DELETE FROM major_occupation",
	[Q_REFERENCE_CLEAR_CLUSTER_INDUSTRIES] = "DELETE FROM cluster_industry",
	[Q_REFERENCE_CLEAR_CLUSTER_MAJORS] = "DELETE FROM cluster_major",
	[Q_DIVISION_EXISTS] = "SELECT 1 FROM division WHERE code = ?1",
	[Q_DIVISION_CHILDREN] =
		"SELECT code, name, level FROM division WHERE parent_code = ?1 ORDER BY code",
	[Q_DIVISION_GET] = "SELECT code, name, level, parent_code FROM division WHERE code = ?1",
	[Q_MAJOR_EXISTS] = "SELECT 1 FROM major WHERE code = ?1",
	[Q_INDUSTRY_EXISTS] = "SELECT 1 FROM industry WHERE code = ?1",
	[Q_OCCUPATION_EXISTS] = "SELECT 1 FROM occupation WHERE code = ?1",
	[Q_REGISTRY_TYPE_EXISTS] = "SELECT 1 FROM registry_type WHERE key = ?1",
	[Q_ORG_INSERT] = "INSERT INTO org(code,name,name_en,kind,school_level,parent_id,"
			 "division_code,ownership,founded_year) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	[Q_ORG_UPSERT_DEPARTMENT] =
		"INSERT INTO org(code,name,name_en,kind,parent_id)"
		" VALUES(?1,?2,?3,'department',?4)"
		" ON CONFLICT(code) DO UPDATE SET name=excluded.name, name_en=excluded.name_en",
	[Q_ORG_ID_BY_CODE] = "SELECT id FROM org WHERE code = ?1",
	[Q_ORG_LIST] = "SELECT o.id, o.code, o.name, o.name_en, o.kind, o.school_level,"
		       " p.code, o.division_code, d.name FROM org o"
		       " LEFT JOIN org p ON p.id = o.parent_id"
		       " LEFT JOIN division d ON d.code = o.division_code"
		       " WHERE ?1 IS NULL OR o.kind = ?1 ORDER BY o.kind, o.code",
	[Q_PLAN_CLEAR_TARGETS] = "DELETE FROM plan_target",
	[Q_PLAN_CLEAR_ACTION_DEPTS] = "DELETE FROM plan_action_department",
	[Q_PLAN_CLEAR_ACTIONS] = "DELETE FROM plan_action",
	[Q_PLAN_ACTION_INSERT] =
		"INSERT INTO plan_action(action,plan_part,title,title_en) VALUES(?1,?2,?3,?4)",
	[Q_PLAN_ACTION_DEPT_INSERT] =
		"INSERT INTO plan_action_department(action,rank,org_id) VALUES(?1,?2,?3)",
	[Q_PLAN_TARGET_INSERT] =
		"INSERT INTO plan_target(id,part,section,action,kind,comparator,target,"
		"unit,deadline,baseline_year,source,level,title,title_en,note,seq,formula)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
	[Q_PLAN_TARGET_LIST] =
		"SELECT t.id, t.part, t.section, t.action, t.kind, t.comparator, t.target,"
		" t.unit, t.deadline, t.baseline_year, t.source, t.level, t.title,"
		" t.title_en, t.note, a.plan_part, a.title, a.title_en, t.formula"
		" FROM plan_target t JOIN plan_action a ON a.action = t.action"
		" ORDER BY t.seq",
	[Q_PLAN_TARGET_DEPT_EXISTS] =
		"SELECT 1 FROM plan_target t JOIN plan_action_department d ON d.action = t.action"
		" JOIN org o ON o.id = d.org_id WHERE t.id = ?1 AND o.code = ?2 LIMIT 1",
	[Q_PLAN_ACTION_DEPTS] =
		"SELECT o.code, o.name, o.name_en FROM plan_action_department d"
		" JOIN org o ON o.id = d.org_id WHERE d.action = ?1 ORDER BY d.rank",
	[Q_PLAN_ACTION_LIST] =
		"SELECT action, plan_part, title, title_en FROM plan_action ORDER BY action",
	[Q_CATALOG_MAJORS] =
		"SELECT m.code, m.name, m.level, m.class_name, m.category_name,"
		" m.in_2021_catalog, c.name FROM major m"
		" LEFT JOIN cluster_major cm ON cm.major_code = m.code"
		" LEFT JOIN cluster c ON c.code = cm.cluster_code"
		" WHERE " SEARCH("m.code",
				 "m.name") " AND (?2 IS NULL OR m.level = ?2) ORDER BY m.code",
	[Q_CATALOG_OCCUPATIONS] =
		"SELECT code, name, level, parent_code, green_digital FROM occupation"
		" WHERE " SEARCH("code", "name") " AND (?2 IS NULL OR level = ?2) ORDER BY code",
	[Q_CATALOG_INDUSTRIES] =
		"SELECT code, name, level, section, parent_code FROM industry"
		" WHERE " SEARCH("code", "name") " AND (?2 IS NULL OR level = ?2)"
						 " ORDER BY section, length(code) > 1, code",
	[Q_CATALOG_CLUSTERS] =
		"SELECT c.code, c.name, c.name_en,"
		" (SELECT count(*) FROM cluster_industry i WHERE i.cluster_code = c.code),"
		" (SELECT count(*) FROM cluster_major m WHERE m.cluster_code = c.code),"
		" (SELECT group_concat(a.name, '、') FROM alliance a WHERE a.cluster_code = c.code)"
		" FROM cluster c WHERE " SEARCH("c.code", "c.name") " ORDER BY c.rowid",
	[Q_ENTERPRISE_INSERT] =
		"INSERT INTO enterprise(uscc,name,industry_code,cluster_code,division_code,"
		"employees,founded_year) VALUES(?1,?2,?3,?4,?5,?6,?7)",
	[Q_SCHOOL_MAJOR_INSERT] =
		"INSERT INTO school_major(school_id,year,major_code) VALUES(?1,?2,?3)",
	[Q_REGISTRY_ITEM_INSERT] =
		"INSERT INTO registry_item(type_key,name,level,recognised_on,school_id,"
		"enterprise_id,major_code,cluster_code,alliance_code,note)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
	[Q_DATAVALUE_PUT] =
		"INSERT INTO datavalue(element,org_id,year,dims,value) VALUES(?1,?2,?3,?4,?5)"
		" ON CONFLICT(element,org_id,year,dims) DO UPDATE SET value=excluded.value",
	[Q_POSTING_INSERT] =
		"INSERT INTO posting(source,source_ref,posted_on,title,company,enterprise_id,"
		"division_code,district_text,salary_text,education_text,experience_text,"
		"headcount,description,label_occupation,dup_of)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
	[Q_DEMAND_SURVEY_INSERT] =
		"INSERT INTO demand_survey(enterprise_id,year,period,occupation_code,"
		"major_code,education,headcount) VALUES(?1,?2,?3,?4,?5,?6,?7)",
	[Q_SATISFACTION_INSERT] =
		"INSERT INTO satisfaction_survey(school_id,enterprise_id,year,score,"
		"graduates_rated) VALUES(?1,?2,?3,?4,?5)",
	[Q_SUMMARY] = "SELECT (SELECT count(*) FROM division),"
		      " (SELECT count(*) FROM org),"
		      " (SELECT count(*) FROM org WHERE kind='school'),"
		      " (SELECT count(*) FROM org WHERE kind='department'),"
		      " (SELECT count(*) FROM major),"
		      " (SELECT count(*) FROM occupation),"
		      " (SELECT count(*) FROM industry),"
		      " (SELECT count(*) FROM major_occupation),"
		      " (SELECT count(*) FROM cluster),"
		      " (SELECT count(*) FROM alliance),"
		      " (SELECT count(DISTINCT id) FROM plan_target),"
		      " (SELECT count(*) FROM enterprise),"
		      " (SELECT count(*) FROM school_major),"
		      " (SELECT count(*) FROM registry_item),"
		      " (SELECT count(*) FROM datavalue),"
		      " (SELECT count(*) FROM posting),"
		      " (SELECT count(*) FROM demand_survey),"
		      " (SELECT count(*) FROM satisfaction_survey)",
	[Q_DATAVALUE_CITY_TOTAL] =
		"SELECT sum(v.value) FROM org o CROSS JOIN datavalue v ON v.org_id = o.id"
		" AND v.year = ?2 AND v.element = ?1 AND v.dims = '' WHERE o.kind = 'school'",
	[Q_SCHOOL_LIST] = "SELECT id, code FROM org WHERE kind = 'school'"
			  " AND (?1 IS NULL OR code = ?1) ORDER BY code",
	[Q_SCHOOL_MAJORS_OF] = "SELECT major_code FROM school_major WHERE school_id = ?1"
			       " AND year = ?2 ORDER BY major_code",
	[Q_SCHOOL_REGISTRY] =
		"SELECT o.code, o.name, o.name_en, o.school_level, o.ownership, o.founded_year,"
		" o.division_code, dv.name, p.code, p.name, p.name_en,"
		" (SELECT count(*) FROM school_major sm"
		" WHERE sm.school_id = o.id AND sm.year = ?1),"
		" (SELECT s.status FROM submission s WHERE s.school_id = o.id AND s.year = ?1)"
		" FROM org o LEFT JOIN org p ON p.id = o.parent_id AND p.kind = 'district'"
		" LEFT JOIN division dv ON dv.code = o.division_code WHERE o.kind = 'school'"
		" AND (?2 IS NULL OR o.code = ?2) AND (?2 IS NOT NULL OR o.founded_year IS NULL"
		" OR o.founded_year <= ?1) ORDER BY o.code",
	[Q_SCHOOL_MAJOR_DETAIL] =
		"SELECT m.code, m.name, m.level, m.class_name, c.code, c.name, c.name_en"
		" FROM org o JOIN school_major sm ON sm.school_id = o.id AND sm.year = ?2"
		" JOIN major m ON m.code = sm.major_code"
		" LEFT JOIN cluster_major cm ON cm.major_code = m.code"
		" LEFT JOIN cluster c ON c.code = cm.cluster_code"
		" WHERE o.code = ?1 AND o.kind = 'school' ORDER BY m.code",
	[Q_SCHOOL_SUBMISSIONS] =
		"WITH sc AS (SELECT id FROM org WHERE code = ?1 AND kind = 'school'),"
		" y AS (SELECT DISTINCT year FROM datavalue WHERE org_id IN (SELECT id FROM sc)"
		" UNION SELECT year FROM school_major WHERE school_id IN (SELECT id FROM sc)"
		" UNION SELECT year FROM submission WHERE school_id IN (SELECT id FROM sc))"
		" SELECT y.year, s.status, s.changed_at, s.changed_by FROM y"
		" LEFT JOIN submission s ON s.year = y.year AND s.school_id IN (SELECT id FROM sc)"
		" ORDER BY y.year DESC",
	[Q_ELEMENT_YEARS] = "SELECT DISTINCT year FROM datavalue WHERE element = ?1 ORDER BY year",
	[Q_ENTERPRISE_BY_USCC] =
		"SELECT name, industry_code, division_code, employees, founded_year"
		" FROM enterprise WHERE uscc = ?1",
	[Q_ENTERPRISE_UPSERT] =
		"INSERT INTO enterprise(uscc,name,industry_code,cluster_code,division_code,"
		"employees,founded_year) VALUES(?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(uscc) DO UPDATE"
		" SET name=excluded.name, industry_code=excluded.industry_code,"
		" cluster_code=excluded.cluster_code, division_code=excluded.division_code,"
		" employees=excluded.employees, founded_year=excluded.founded_year",
	[Q_INDUSTRY_CLUSTER] = "SELECT cluster_code FROM cluster_industry WHERE industry_code IN"
			       " (?1, substr(?1, 1, 3), substr(?1, 1, 2)) ORDER BY "
			       "length(industry_code) DESC LIMIT 1",
	[Q_ENTITY_HISTORY_INSERT] =
		"INSERT INTO entity_history(batch_id,entity,entity_key,field,old_value,new_value)"
		" VALUES(?1,?2,?3,?4,?5,?6)",
	[Q_ENTERPRISE_LIST] = "SELECT uscc, name, industry_code, division_code, employees,"
			      " founded_year FROM enterprise ORDER BY uscc",
	[Q_SCHOOL_BY_CODE] = "SELECT id, school_level FROM org WHERE code = ?1 AND kind = 'school'",
	[Q_SCHOOL_MAJOR_EXISTS] =
		"SELECT 1 FROM school_major WHERE school_id = ?1 AND year = ?2 AND major_code = ?3",
	[Q_SUBMISSION_GET] = "SELECT status, changed_at, changed_by FROM submission"
			     " WHERE school_id = ?1 AND year = ?2",
	[Q_SUBMISSION_PUT] = "INSERT INTO submission(school_id,year,status,changed_at,changed_by)"
			     " VALUES(?1,?2,?3,?4,?5) ON CONFLICT(school_id,year) DO UPDATE SET"
			     " status=excluded.status, changed_at=excluded.changed_at,"
			     " changed_by=excluded.changed_by",
	[Q_DATAVALUE_GET] = "SELECT value FROM datavalue WHERE element = ?1 AND org_id = ?2"
			    " AND year = ?3 AND dims = ?4",
	[Q_DATAVALUE_LIST] = "SELECT element, dims, value FROM datavalue WHERE org_id = ?1"
			     " AND year = ?2 ORDER BY element, dims",
	[Q_DATAVALUE_DELETE] = "DELETE FROM datavalue WHERE element = ?1 AND org_id = ?2"
			       " AND year = ?3 AND dims = ?4",
	[Q_IMPORT_BATCH_INSERT] =
		"INSERT INTO import_batch(kind,file_name,sha256,encoding,who,at,school_id,year,"
		"rows,changed) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
	[Q_HISTORY_INSERT] =
		"INSERT INTO datavalue_history(batch_id,element,org_id,year,dims,old_value,"
		"new_value) VALUES(?1,?2,?3,?4,?5,?6,?7)",
	[Q_HISTORY_LIST] =
		"SELECT b.id, b.at, b.who, b.file_name, b.kind, o.code, h.year, h.element,"
		" h.dims, h.old_value, h.new_value, de.name, de.name_en FROM datavalue_history h"
		" JOIN import_batch b ON b.id = h.batch_id JOIN org o ON o.id = h.org_id"
		" LEFT JOIN data_element de ON de.code = h.element"
		" WHERE (?1 IS NULL OR o.code = ?1) AND (?2 IS NULL OR h.year = ?2)"
		" AND (?3 IS NULL OR h.element = ?3)"
		" ORDER BY h.batch_id DESC, o.code, h.year, h.element, h.dims",
	[Q_IMPORT_LIST] =
		"SELECT b.id, b.kind, b.file_name, b.sha256, b.encoding, b.who, b.at, o.code,"
		" b.year, b.rows, b.changed FROM import_batch b LEFT JOIN org o"
		" ON o.id = b.school_id WHERE (?1 IS NULL OR b.kind = ?1)"
		" AND (?2 IS NULL OR o.code = ?2) AND (?3 IS NULL OR b.year = ?3)"
		" ORDER BY b.id DESC",
	[Q_TARGET_MANUAL_LIST] = "SELECT id, part FROM plan_target WHERE kind = 'manual'"
				 " ORDER BY seq",
	[Q_TARGET_MANUAL_EXISTS] = "SELECT 1 FROM plan_target WHERE kind = 'manual' AND id = ?1",
	[Q_OCCUPATION_DETAIL_EXISTS] = "SELECT 1 FROM occupation WHERE code = ?1 AND level = '细类'",
	[Q_DATAVALUE_MAJOR_EXISTS] =
		"SELECT 1 FROM datavalue v JOIN org o ON o.id = v.org_id WHERE o.code = ?1"
		" AND v.year = ?2 AND instr(';' || v.dims || ';', ';major=' || ?3 || ';') > 0"
		" LIMIT 1",
	[Q_CLUSTER_EXISTS] = "SELECT 1 FROM cluster WHERE code = ?1",
	[Q_ALLIANCE_EXISTS] = "SELECT 1 FROM alliance WHERE code = ?1",
	[Q_ENTERPRISE_EXISTS] = "SELECT 1 FROM enterprise WHERE uscc = ?1",
	[Q_REGISTRY_TYPE_LIST] = "SELECT key, name, name_en FROM registry_type"
				 " WHERE " SEARCH("key", "name") " ORDER BY key",
	[Q_ENTITY_HISTORY_LIST] =
		"SELECT b.id, b.at, b.who, b.file_name, h.entity, h.entity_key, h.field,"
		" h.old_value, h.new_value FROM entity_history h"
		" JOIN import_batch b ON b.id = h.batch_id WHERE (?1 IS NULL OR h.entity = ?1)"
		" AND (?2 IS NULL OR substr(h.entity_key, 1, length(?2)) = ?2) ORDER BY h.id DESC",
	[Q_ALLIANCE_LIST] = "SELECT code, name, name_en, cluster_code FROM alliance"
			    " WHERE " SEARCH("code", "name") " ORDER BY code",
	[Q_DISTRICT_LIST] = "SELECT code, name FROM org WHERE kind = 'district' ORDER BY code",
	[Q_SECRET_GET] = "SELECT value FROM secret WHERE name = ?1",
	[Q_IMPORT_BATCH_FINISH] = "UPDATE import_batch SET changed = ?2, rows = ?3,"
				  " school_id = ?4, year = ?5 WHERE id = ?1",
	[Q_DATAVALUE_ACROSS_SCHOOLS] =
		"SELECT o.id, v.value, s.value FROM org o CROSS JOIN datavalue v"
		" ON v.org_id = o.id AND v.year = ?2 AND v.element = ?1 AND v.dims = ?3"
		" LEFT JOIN datavalue s ON s.org_id = o.id AND s.year = ?2"
		" AND s.element = 'enrolment' AND s.dims = ?4 WHERE o.kind = 'school'",
	[Q_SUBMISSION_LIST] =
		"SELECT o.code, o.name, o.name_en, s.status, s.changed_at, s.changed_by,"
		" (SELECT max(b.at) FROM import_batch b WHERE b.school_id = o.id AND b.year = ?1)"
		" FROM org o LEFT JOIN submission s ON s.school_id = o.id AND s.year = ?1"
		" WHERE o.kind = 'school' AND (?2 IS NULL OR o.code = ?2) ORDER BY o.code",
	[Q_MAJOR_NAME] = "SELECT name FROM major WHERE code = ?1",

	/* schools: code, name, name_en, level, division, ownership, founded_year */
	[Q_REC_SCHOOL_GET] =
		"SELECT id, batch_id, batch_row, code, name, name_en, school_level,"
		" division_code, ownership, founded_year FROM org WHERE code = ?1",
	[Q_REC_SCHOOL_INSERT] =
		"INSERT INTO org(code,name,name_en,kind,school_level,parent_id,division_code,"
		"ownership,founded_year,batch_id,batch_row) VALUES(?1,?2,?3,'school',?4,"
		" coalesce((SELECT id FROM org WHERE kind = 'district' AND code = substr(?5,1,6)),"
		" (SELECT id FROM org WHERE kind = 'city')),?5,?6,?7,?8,?9)",
	[Q_REC_SCHOOL_UPDATE] =
		"UPDATE org SET code = ?1, name = ?2, name_en = ?3, school_level = ?4,"
		" parent_id = coalesce((SELECT id FROM org WHERE kind = 'district'"
		" AND code = substr(?5,1,6)), (SELECT id FROM org WHERE kind = 'city')),"
		" division_code = ?5, ownership = ?6, founded_year = ?7, batch_id = ?8,"
		" batch_row = ?9 WHERE id = ?10 AND kind = 'school'",
	[Q_REC_SCHOOL_LIST] =
		"SELECT code, name, name_en, school_level, division_code, ownership, founded_year"
		" FROM org WHERE kind = 'school' AND (?1 IS NULL OR code = ?1)"
		" AND (?2 IS NULL OR founded_year IS NULL OR founded_year <= ?2) ORDER BY code",
	[Q_REC_SCHOOL_REMOVE] = "DELETE FROM org WHERE id = ?1 AND kind = 'school'",

	/* offered majors: school, year, major */
	[Q_REC_SCHOOL_MAJOR_GET] =
		"SELECT sm.rowid, sm.batch_id, sm.batch_row, o.code, sm.year, sm.major_code"
		" FROM school_major sm JOIN org o ON o.id = sm.school_id"
		" WHERE o.code = ?1 AND o.kind = 'school' AND sm.year = ?2 AND sm.major_code = ?3",
	[Q_REC_SCHOOL_MAJOR_INSERT] =
		"INSERT INTO school_major(school_id,year,major_code,batch_id,batch_row)"
		" VALUES((SELECT id FROM org WHERE kind = 'school' AND code = ?1),?2,?3,?4,?5)",
	[Q_REC_SCHOOL_MAJOR_UPDATE] =
		"UPDATE school_major SET school_id = (SELECT id FROM org WHERE kind = 'school' AND code = ?1), year = ?2, major_code = ?3,"
		" batch_id = ?4, batch_row = ?5 WHERE rowid = ?6",
	[Q_REC_SCHOOL_MAJOR_LIST] =
		"SELECT o.code, sm.year, sm.major_code FROM school_major sm"
		" JOIN org o ON o.id = sm.school_id WHERE (?1 IS NULL OR o.code = ?1)"
		" AND (?2 IS NULL OR sm.year = ?2) ORDER BY o.code, sm.year, sm.major_code",
	[Q_REC_SCHOOL_MAJOR_STALE] =
		"SELECT sm.rowid, o.code, sm.year, sm.major_code FROM school_major sm"
		" JOIN org o ON o.id = sm.school_id WHERE o.code = ?1 AND sm.year = ?2"
		" AND sm.batch_id IS NOT ?3 ORDER BY sm.major_code",
	[Q_REC_SCHOOL_MAJOR_REMOVE] = "DELETE FROM school_major WHERE rowid = ?1",

	/* satisfaction: school, year, enterprise, score, graduates_rated */
	[Q_REC_SATISFACTION_GET] =
		"SELECT s.id, s.batch_id, s.batch_row, o.code, s.year, e.uscc, s.score,"
		" s.graduates_rated FROM satisfaction_survey s JOIN org o ON o.id = s.school_id"
		" JOIN enterprise e ON e.id = s.enterprise_id"
		" WHERE o.code = ?1 AND s.year = ?2 AND e.uscc = ?3",
	[Q_REC_SATISFACTION_INSERT] =
		"INSERT INTO satisfaction_survey(school_id,year,enterprise_id,score,"
		"graduates_rated,batch_id,batch_row) VALUES((SELECT id FROM org WHERE kind = 'school' AND code = ?1),?2,(SELECT id FROM enterprise WHERE uscc = ?3),?4,?5,?6,?7)",
	[Q_REC_SATISFACTION_UPDATE] =
		"UPDATE satisfaction_survey SET school_id = (SELECT id FROM org WHERE kind = 'school' AND code = ?1), year = ?2, enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?3),"
		" score = ?4, graduates_rated = ?5, batch_id = ?6, batch_row = ?7 WHERE id = ?8",
	[Q_REC_SATISFACTION_LIST] =
		"SELECT o.code, s.year, e.uscc, s.score, s.graduates_rated"
		" FROM satisfaction_survey s JOIN org o ON o.id = s.school_id"
		" JOIN enterprise e ON e.id = s.enterprise_id WHERE (?1 IS NULL OR o.code = ?1)"
		" AND (?2 IS NULL OR s.year = ?2) ORDER BY o.code, s.year, e.uscc",
	[Q_REC_SATISFACTION_STALE] =
		"SELECT s.id, o.code, s.year, e.uscc, s.score, s.graduates_rated"
		" FROM satisfaction_survey s JOIN org o ON o.id = s.school_id"
		" JOIN enterprise e ON e.id = s.enterprise_id WHERE o.code = ?1 AND s.year = ?2"
		" AND s.batch_id IS NOT ?3 ORDER BY e.uscc",
	[Q_REC_SATISFACTION_REMOVE] = "DELETE FROM satisfaction_survey WHERE id = ?1",

	/* demand: enterprise, year, period, occupation, major, education, headcount */
	[Q_REC_DEMAND_GET] =
		"SELECT d.id, d.batch_id, d.batch_row, e.uscc, d.year, d.period,"
		" d.occupation_code, d.major_code, d.education, d.headcount"
		" FROM demand_survey d JOIN enterprise e ON e.id = d.enterprise_id"
		" WHERE e.uscc = ?1 AND d.year = ?2 AND d.period = ?3"
		" AND coalesce(d.occupation_code, '') = coalesce(?4, '')"
		" AND coalesce(d.major_code, '') = coalesce(?5, '') AND d.education = ?6",
	[Q_REC_DEMAND_INSERT] =
		"INSERT INTO demand_survey(enterprise_id,year,period,occupation_code,major_code,"
		"education,headcount,batch_id,batch_row) VALUES((SELECT id FROM enterprise WHERE uscc = ?1),?2,?3,?4,?5,?6,?7,?8,?9)",
	[Q_REC_DEMAND_UPDATE] =
		"UPDATE demand_survey SET enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?1), year = ?2, period = ?3,"
		" occupation_code = ?4, major_code = ?5, education = ?6, headcount = ?7,"
		" batch_id = ?8, batch_row = ?9 WHERE id = ?10",
	[Q_REC_DEMAND_LIST] =
		"SELECT e.uscc, d.year, d.period, d.occupation_code, d.major_code, d.education,"
		" d.headcount FROM demand_survey d JOIN enterprise e ON e.id = d.enterprise_id"
		" WHERE ?1 IS NULL AND (?2 IS NULL OR d.year = ?2)"
		" ORDER BY e.uscc, d.year, d.period, d.occupation_code, d.major_code, d.education",
	[Q_REC_DEMAND_STALE] =
		"SELECT d.id, e.uscc, d.year, d.period, d.occupation_code, d.major_code,"
		" d.education, d.headcount FROM demand_survey d"
		" JOIN enterprise e ON e.id = d.enterprise_id WHERE e.uscc = ?1 AND d.year = ?2"
		" AND d.batch_id IS NOT ?3 ORDER BY d.id",
	[Q_REC_DEMAND_REMOVE] = "DELETE FROM demand_survey WHERE id = ?1",

	/* postings: source, source_ref, posted_on, title, company, enterprise,
	   division, district_text, salary_text, education_text, experience_text,
	   headcount, description, occupation */
	[Q_REC_POSTING_GET] =
		"SELECT p.id, p.batch_id, p.batch_row, p.source, p.source_ref, p.posted_on,"
		" p.title, p.company, e.uscc, p.division_code, p.district_text, p.salary_text,"
		" p.education_text, p.experience_text, p.headcount, p.description,"
		" p.label_occupation FROM posting p LEFT JOIN enterprise e ON e.id = p.enterprise_id"
		" WHERE p.source = ?1 AND p.source_ref = ?2",
	[Q_REC_POSTING_INSERT] =
		"INSERT INTO posting(source,source_ref,posted_on,title,company,enterprise_id,"
		"division_code,district_text,salary_text,education_text,experience_text,"
		"headcount,description,label_occupation,batch_id,batch_row)"
		" VALUES(?1,?2,?3,?4,?5,(SELECT id FROM enterprise WHERE uscc = ?6),?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
	[Q_REC_POSTING_UPDATE] =
		"UPDATE posting SET source = ?1, source_ref = ?2, posted_on = ?3, title = ?4,"
		" company = ?5, enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?6), division_code = ?7, district_text = ?8,"
		" salary_text = ?9, education_text = ?10, experience_text = ?11, headcount = ?12,"
		" description = ?13, label_occupation = ?14, batch_id = ?15, batch_row = ?16"
		" WHERE id = ?17",
	[Q_REC_POSTING_LIST] =
		"SELECT p.source, p.source_ref, p.posted_on, p.title, p.company, e.uscc,"
		" p.division_code, p.district_text, p.salary_text, p.education_text,"
		" p.experience_text, p.headcount, p.description, p.label_occupation"
		" FROM posting p LEFT JOIN enterprise e ON e.id = p.enterprise_id"
		" WHERE ?1 IS NULL AND (?2 IS NULL OR substr(p.posted_on, 1, 4) = CAST(?2 AS TEXT))"
		" ORDER BY p.id",
	[Q_REC_POSTING_REMOVE] = "DELETE FROM posting WHERE id = ?1",

	/* registry: type, level, name, school, enterprise, recognised_on, major,
	   cluster, alliance, note */
	[Q_REC_REGISTRY_GET] =
		"SELECT r.id, r.batch_id, r.batch_row, r.type_key, r.level, r.name, o.code, e.uscc,"
		" r.recognised_on, r.major_code, r.cluster_code, r.alliance_code, r.note"
		" FROM registry_item r LEFT JOIN org o ON o.id = r.school_id"
		" LEFT JOIN enterprise e ON e.id = r.enterprise_id"
		" WHERE r.type_key = ?1 AND r.level = ?2 AND r.name = ?3"
		" AND o.code IS ?4 AND e.uscc IS ?5 ORDER BY r.id LIMIT 1",
	[Q_REC_REGISTRY_INSERT] =
		"INSERT INTO registry_item(type_key,level,name,school_id,enterprise_id,"
		"recognised_on,major_code,cluster_code,alliance_code,note,batch_id,batch_row)"
		" VALUES(?1,?2,?3,(SELECT id FROM org WHERE kind = 'school' AND code = ?4),(SELECT id FROM enterprise WHERE uscc = ?5),?6,?7,?8,?9,?10,?11,?12)",
	[Q_REC_REGISTRY_UPDATE] =
		"UPDATE registry_item SET type_key = ?1, level = ?2, name = ?3, school_id = (SELECT id FROM org WHERE kind = 'school' AND code = ?4),"
		" enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?5), recognised_on = ?6, major_code = ?7, cluster_code = ?8,"
		" alliance_code = ?9, note = ?10, batch_id = ?11, batch_row = ?12 WHERE id = ?13",
	[Q_REC_REGISTRY_LIST] =
		"SELECT r.type_key, r.level, r.name, o.code, e.uscc, r.recognised_on,"
		" r.major_code, r.cluster_code, r.alliance_code, r.note FROM registry_item r"
		" LEFT JOIN org o ON o.id = r.school_id LEFT JOIN enterprise e"
		" ON e.id = r.enterprise_id WHERE (?1 IS NULL OR o.code = ?1)"
		" AND (?2 IS NULL OR substr(r.recognised_on, 1, 4) = CAST(?2 AS TEXT))"
		" ORDER BY r.id",
	[Q_REC_REGISTRY_REMOVE] = "DELETE FROM registry_item WHERE id = ?1",

	/* assessments: target, year, status, evidence, assessor, assessor_id
	   (its hash), assessed_on */
	[Q_REC_ASSESSMENT_GET] =
		"SELECT id, batch_id, batch_row, target_id, year, status, evidence, assessor,"
		" assessor_id_hash, assessed_on FROM target_assessment"
		" WHERE target_id = ?1 AND year = ?2",
	[Q_REC_ASSESSMENT_INSERT] =
		"INSERT INTO target_assessment(target_id,year,status,evidence,assessor,"
		"assessor_id_hash,assessed_on,batch_id,batch_row) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	[Q_REC_ASSESSMENT_UPDATE] =
		"UPDATE target_assessment SET target_id = ?1, year = ?2, status = ?3,"
		" evidence = ?4, assessor = ?5, assessor_id_hash = ?6, assessed_on = ?7,"
		" batch_id = ?8, batch_row = ?9 WHERE id = ?10",
	[Q_REC_ASSESSMENT_LIST] =
		"SELECT target_id, year, status, evidence, assessor, assessor_id_hash, assessed_on"
		" FROM target_assessment WHERE ?1 IS NULL AND (?2 IS NULL OR year = ?2)"
		" ORDER BY year, target_id",
	[Q_REC_ASSESSMENT_REMOVE] = "DELETE FROM target_assessment WHERE id = ?1",

	[Q_INDICATOR_CLEAR] = "DELETE FROM indicator",
	[Q_INDICATOR_INSERT] =
		"INSERT INTO indicator(code,name,name_en,scope,numerator,denominator,scale,unit,"
		"decimals,description,seq) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
	[Q_INDICATOR_LIST] =
		"SELECT code, name, name_en, scope, numerator, denominator, scale, unit, decimals,"
		" description FROM indicator WHERE ?1 IS NULL OR code = ?1 ORDER BY seq",
	[Q_ELEMENT_DIMS] = "SELECT dims FROM data_element WHERE code = ?1",
	[Q_MON_ORGS] = "SELECT id, code, name, name_en, kind, school_level, parent_id, founded_year"
		       " FROM org WHERE kind IN ('city', 'district', 'school') ORDER BY code",
	[Q_MON_VALUES] = "SELECT dims, value FROM datavalue WHERE org_id = ?1 AND year = ?2"
			 " AND element = ?3",
	[Q_MON_REGISTRY] = "SELECT type_key, level, recognised_on, school_id, cluster_code"
			   " FROM registry_item",
	[Q_MON_CLUSTERS] = "SELECT code FROM cluster ORDER BY code",
	[Q_LATEST_YEAR] = "SELECT max(year) FROM datavalue",
	[Q_REGISTRY_TYPE_GET] = "SELECT name, name_en FROM registry_type WHERE key = ?1",
	[Q_DEPARTMENT_EXISTS] = "SELECT 1 FROM org WHERE code = ?1 AND kind = 'department'",
	[Q_MON_ASSESSMENT] = "SELECT year, status, evidence, assessor, assessed_on"
			     " FROM target_assessment WHERE target_id = ?1 AND year <= ?2"
			     " ORDER BY year DESC LIMIT 1",

	/* accounts, sessions, audit */
	[Q_AUTH_USER_INSERT] = "INSERT INTO app_user(login,name,role,scope,pw_hash,created_at)"
			       " VALUES(?1,?2,?3,?4,?5,?6)",
	[Q_AUTH_USER_GET] = "SELECT id, login, name, role, scope, disabled, pw_hash FROM app_user"
			    " WHERE login = ?1",
	[Q_AUTH_USER_LIST] = "SELECT id, login, name, role, scope, disabled, created_at"
			     " FROM app_user ORDER BY login",
	[Q_AUTH_USER_SET_PASSWORD] = "UPDATE app_user SET pw_hash = ?2 WHERE login = ?1",
	[Q_AUTH_USER_SET_DISABLED] = "UPDATE app_user SET disabled = ?2 WHERE login = ?1",
	[Q_AUTH_SESSION_INSERT] = "INSERT INTO app_session(token_hash,user_id,csrf,created,last_seen,ip)"
				  " VALUES(?1,?2,?3,?4,?5,?6)",
	[Q_AUTH_SESSION_GET] =
		"SELECT s.token_hash, s.csrf, s.created, s.last_seen, u.id, u.login, u.name, u.role,"
		" u.scope, u.disabled FROM app_session s JOIN app_user u ON u.id = s.user_id"
		" WHERE s.token_hash = ?1",
	[Q_AUTH_SESSION_TOUCH] = "UPDATE app_session SET last_seen = ?2"
				 " WHERE token_hash = ?1 AND last_seen < ?2",
	[Q_AUTH_SESSION_DELETE] = "DELETE FROM app_session WHERE token_hash = ?1",
	[Q_AUTH_SESSION_DELETE_USER] = "DELETE FROM app_session WHERE user_id = ?1",
	[Q_AUTH_SESSION_PURGE] = "DELETE FROM app_session WHERE last_seen <= ?1 OR created <= ?2",
	[Q_AUTH_FAILURE_INSERT] = "INSERT INTO login_failure(key,at) VALUES(?1,?2)",
	[Q_AUTH_FAILURE_COUNT] = "SELECT count(*) FROM login_failure WHERE key = ?1 AND at > ?2",
	[Q_AUTH_FAILURE_CLEAR] = "DELETE FROM login_failure WHERE key = ?1",
	[Q_AUTH_FAILURE_PURGE] = "DELETE FROM login_failure WHERE at <= ?1",
	[Q_AUTH_AUDIT_LAST] = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
	[Q_AUTH_AUDIT_INSERT] = "INSERT INTO audit_log(at,who,ip,action,detail,prev_hash,hash)"
				" VALUES(?1,?2,?3,?4,?5,?6,?7)",
	[Q_AUTH_AUDIT_ALL] = "SELECT id, at, who, ip, action, detail, prev_hash, hash"
			     " FROM audit_log ORDER BY id",
	[Q_AUTH_AUDIT_LIST] = "SELECT id, at, who, ip, action, detail FROM audit_log"
			      " WHERE ?1 IS NULL OR who = ?1 ORDER BY id DESC LIMIT ?2",
	[Q_EVAL_CLUSTER_ENROLMENT] =
		"SELECT (SELECT sum(d.value) FROM datavalue d JOIN cluster_major cm"
		" ON d.dims = 'major=' || cm.major_code WHERE d.org_id = ?1 AND d.year = ?2"
		" AND d.element = 'enrolment'),"
		" (SELECT value FROM datavalue WHERE org_id = ?1 AND year = ?2"
		" AND element = 'enrolment' AND dims = '')",
	[Q_EVAL_SATISFACTION] = "SELECT avg(score), count(*) FROM satisfaction_survey"
				" WHERE school_id = ?1 AND year = ?2",
	[Q_EVAL_MAJOR_ROWS] = "SELECT year, element, dims, value FROM datavalue"
			      " WHERE org_id = ?1 AND year IN (?2 - 1, ?2)"
			      " AND element IN ('enrolment', 'graduates') AND dims LIKE '%major=%'",
	[Q_ALLOC_RUN_INSERT] = "INSERT INTO allocation_run(year,at,who,rule,pool_fen,allocated_fen,"
			       "options,inputs_sha256,result) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	[Q_ALLOC_RUN_LIST] = "SELECT id, year, at, who, rule, pool_fen, allocated_fen, options,"
			     " inputs_sha256, result FROM allocation_run"
			     " WHERE ?1 IS NULL OR year = ?1 ORDER BY id DESC",
	[Q_TALENT_STATS] = "SELECT o.code, o.name, v.year, v.element, v.dims, v.value FROM org o"
			   " JOIN datavalue v ON v.org_id = o.id WHERE o.kind = 'school'"
			   " AND v.year BETWEEN ?1 AND ?2"
			   " AND v.element IN ('enrolment', 'new_entrants', 'graduates')"
			   " AND v.dims LIKE '%major=%'",
	[Q_TALENT_DEMAND] = "SELECT year, occupation_code, major_code, education, sum(headcount)"
			    " FROM demand_survey WHERE year BETWEEN ?1 AND ?2"
			    " GROUP BY year, occupation_code, major_code, education",
	[Q_TALENT_CROSSWALK] = "SELECT major_level, major_code, occupation_code FROM major_occupation",
	[Q_TALENT_MAJOR_INFO] = "SELECT m.code, m.name, m.level, c.code, c.name FROM major m"
				" LEFT JOIN cluster_major cm ON cm.major_code = m.code"
				" LEFT JOIN cluster c ON c.code = cm.cluster_code",
	[Q_TALENT_LABELLED] = "SELECT title, coalesce(description, ''), label_occupation FROM posting"
			      " WHERE label_occupation IS NOT NULL ORDER BY id",
};

const char *store_sqlite_sql(enum store_query q)
{
	if ((int)q < 0 || q >= Q__COUNT)
		return NULL;
	return sqlite_sql[q];
}
