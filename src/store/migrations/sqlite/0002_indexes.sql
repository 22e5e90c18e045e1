-- 0002_indexes.sql - indexes for the foreign keys that point at large
-- tables. Without posting(dup_of) deleting postings scans the table once per
-- deleted row (a demo re-run took minutes); the others keep deletes of
-- enterprises, schools and organisations from scanning their children.


CREATE INDEX posting_dup_of ON posting(dup_of);
CREATE INDEX posting_label ON posting(label_occupation);
CREATE INDEX demand_survey_enterprise ON demand_survey(enterprise_id);
CREATE INDEX satisfaction_enterprise ON satisfaction_survey(enterprise_id);
CREATE INDEX registry_item_school ON registry_item(school_id);
CREATE INDEX registry_item_enterprise ON registry_item(enterprise_id);
CREATE INDEX datavalue_org ON datavalue(org_id, year);
CREATE INDEX school_major_major ON school_major(major_code);
