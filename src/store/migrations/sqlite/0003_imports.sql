-- 0003_imports.sql - every import on record, the history of every changed
-- value, and the yearly submission of each school with its approval lock.

-- One imported (or dry-run validated) file.
CREATE TABLE import_batch (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,               -- data kind, e.g. 'school_major_stats'
	file_name   TEXT NOT NULL,
	sha256      TEXT NOT NULL,               -- of the file's bytes, hex
	encoding    TEXT,                        -- as detected or forced (CSV)
	who         TEXT NOT NULL,               -- user name or 'cli:<login>'
	at          TEXT NOT NULL,               -- UTC, ISO 8601
	school_id   INTEGER REFERENCES org(id),  -- when the file is one school's
	year        INTEGER,                     -- when the file is one year's
	rows        INTEGER NOT NULL,            -- data rows read
	changed     INTEGER NOT NULL             -- values inserted or changed
);
CREATE INDEX import_batch_kind ON import_batch(kind, year);

-- Old and new value of every statistic an import changed (NULL old: new).
CREATE TABLE datavalue_history (
	id        INTEGER PRIMARY KEY,
	batch_id  INTEGER NOT NULL REFERENCES import_batch(id),
	element   TEXT NOT NULL,
	org_id    INTEGER NOT NULL REFERENCES org(id),
	year      INTEGER NOT NULL,
	dims      TEXT NOT NULL,
	old_value REAL,
	new_value REAL
);
CREATE INDEX datavalue_history_key ON datavalue_history(org_id, year, element);
CREATE INDEX datavalue_history_batch ON datavalue_history(batch_id);

-- A school's yearly submission: open (default), submitted, approved (the
-- period is locked against imports), reopened by the bureau.
CREATE TABLE submission (
	school_id  INTEGER NOT NULL REFERENCES org(id),
	year       INTEGER NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('open','submitted','approved','reopened')),
	changed_at TEXT NOT NULL,
	changed_by TEXT NOT NULL,
	PRIMARY KEY (school_id, year)
);
