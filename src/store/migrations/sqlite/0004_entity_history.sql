-- 0004_entity_history.sql - the history of imported entities (enterprises
-- and, later, registry items): every field an import set or changed, with
-- its old and new text, under the import's batch.

CREATE TABLE entity_history (
	id         INTEGER PRIMARY KEY,
	batch_id   INTEGER NOT NULL REFERENCES import_batch(id),
	entity     TEXT NOT NULL,               -- 'enterprise'
	entity_key TEXT NOT NULL,               -- e.g. the 统一社会信用代码
	field      TEXT NOT NULL,
	old_value  TEXT,
	new_value  TEXT
);
CREATE INDEX entity_history_key ON entity_history(entity, entity_key);
CREATE INDEX entity_history_batch ON entity_history(batch_id);
