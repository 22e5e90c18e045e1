-- 0005_records.sql - imported records: schools, offered majors, surveys,
-- postings, registry items and target assessments carry the import that
-- last wrote them (batch_id, and batch_row: the row of that file), and each
-- kind's natural key is unique, so that a re-import updates in place and a
-- key repeated within one file is caught.

ALTER TABLE org ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE org ADD COLUMN batch_row INTEGER;
ALTER TABLE school_major ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE school_major ADD COLUMN batch_row INTEGER;
ALTER TABLE satisfaction_survey ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE satisfaction_survey ADD COLUMN batch_row INTEGER;
ALTER TABLE demand_survey ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE demand_survey ADD COLUMN batch_row INTEGER;
ALTER TABLE posting ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE posting ADD COLUMN batch_row INTEGER;
ALTER TABLE registry_item ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE registry_item ADD COLUMN batch_row INTEGER;

-- Natural keys. A posting is its site's reference; a survey answer is one
-- enterprise's about one school (or one need) in one period.
CREATE UNIQUE INDEX posting_source_ref ON posting(source, source_ref);
CREATE UNIQUE INDEX satisfaction_key ON satisfaction_survey(school_id, year, enterprise_id);
CREATE UNIQUE INDEX demand_survey_key ON demand_survey(enterprise_id, year, period,
	coalesce(occupation_code, ''), coalesce(major_code, ''), education);
CREATE INDEX registry_item_name ON registry_item(type_key, level, name);

-- The assessment of a manually assessed target (plan_target.kind 'manual')
-- for a year: a status, the evidence, and who assessed it. An assessor's
-- 居民身份证号码 is never stored: only its keyed hash (secret 'id_hash').
CREATE TABLE target_assessment (
	id               INTEGER PRIMARY KEY,
	target_id        TEXT NOT NULL,
	year             INTEGER NOT NULL,
	status           TEXT NOT NULL CHECK (status IN ('achieved','on_track','at_risk','off_track')),
	evidence         TEXT NOT NULL,
	assessor         TEXT NOT NULL,
	assessor_id_hash TEXT,                   -- keyed BLAKE2b of the ID number, hex
	assessed_on      TEXT NOT NULL,          -- YYYY-MM-DD
	batch_id         INTEGER REFERENCES import_batch(id),
	batch_row        INTEGER,
	UNIQUE (target_id, year)
);

-- Per-database secrets, made when the database is created.
CREATE TABLE secret (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL
);
INSERT INTO secret(name, value) VALUES ('id_hash', randomblob(32));
