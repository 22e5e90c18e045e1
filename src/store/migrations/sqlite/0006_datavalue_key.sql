-- 0006_datavalue_key.sql - one B-tree for the statistics instead of four.
--
-- datavalue was a rowid table with its primary key, a (year, element) and
-- an (org_id, year) index beside it: every value written touched four
-- B-trees. Every reader asks for an organisation's year (an import's
-- school-year, a formula's value of one school, the sum over the schools of
-- a district, reached through org), so the key now starts with org_id and
-- year and the table is the key itself (WITHOUT ROWID): a value is written
-- once, and a school-year's values sit side by side on disk.
CREATE TABLE datavalue_new (
	org_id   INTEGER NOT NULL REFERENCES org(id),
	year     INTEGER NOT NULL,
	element  TEXT NOT NULL REFERENCES data_element(code),
	dims     TEXT NOT NULL DEFAULT '',
	value    REAL NOT NULL,
	PRIMARY KEY (org_id, year, element, dims)
) WITHOUT ROWID;
INSERT INTO datavalue_new(org_id, year, element, dims, value)
	SELECT org_id, year, element, dims, value FROM datavalue;
DROP TABLE datavalue;
ALTER TABLE datavalue_new RENAME TO datavalue;

-- The history of the statistics likewise: an import changes a value at most
-- once, so (the value's key, the import) is a key, and the rowid table with
-- its two indexes becomes one B-tree read in the order `tvet history` shows
-- (a school's year). Nothing deletes single imports; clearing the data
-- empties this table before import_batch.
CREATE TABLE datavalue_history_new (
	org_id    INTEGER NOT NULL REFERENCES org(id),
	year      INTEGER NOT NULL,
	element   TEXT NOT NULL,
	dims      TEXT NOT NULL,
	batch_id  INTEGER NOT NULL REFERENCES import_batch(id),
	old_value REAL,
	new_value REAL,
	PRIMARY KEY (org_id, year, element, dims, batch_id)
) WITHOUT ROWID;
INSERT INTO datavalue_history_new(org_id, year, element, dims, batch_id, old_value, new_value)
	SELECT org_id, year, element, dims, batch_id, old_value, new_value FROM datavalue_history;
DROP TABLE datavalue_history;
ALTER TABLE datavalue_history_new RENAME TO datavalue_history;
