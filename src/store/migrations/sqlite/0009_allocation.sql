-- Performance pay (tvet allocate --save): every run of the allocation kept
-- whole, with the hash of everything it was computed from (the evaluation
-- inputs of each year used, the base pay, the options), so that any
-- amount can be reproduced and checked later. A run is never changed or
-- removed; a new run for the same year is a new row, and the latest of a
-- year is the one in force (and the "last year" of the next year's
-- phase-in limit).
CREATE TABLE allocation_run (
	id            INTEGER PRIMARY KEY,
	year          INTEGER NOT NULL,
	at            TEXT NOT NULL,              -- UTC, ISO 8601
	who           TEXT NOT NULL,              -- a login, or 'cli:<user>'
	rule          TEXT NOT NULL CHECK (rule IN ('uplift', 'share')),
	pool_fen      INTEGER NOT NULL CHECK (pool_fen >= 0),
	allocated_fen INTEGER NOT NULL CHECK (allocated_fen BETWEEN 0 AND pool_fen),
	options       TEXT NOT NULL,              -- JSON: floor, cap, robust, smooth, max_change, base
	inputs_sha256 TEXT NOT NULL CHECK (length(inputs_sha256) = 64),
	result        TEXT NOT NULL               -- JSON: per school code, base, score, fen, capped, limited
);
CREATE INDEX allocation_run_year ON allocation_run(year, id);

CREATE TRIGGER allocation_run_no_update BEFORE UPDATE ON allocation_run
BEGIN
	SELECT RAISE(ABORT, 'allocation_run is append-only: a run cannot be changed');
END;
CREATE TRIGGER allocation_run_no_delete BEFORE DELETE ON allocation_run
BEGIN
	SELECT RAISE(ABORT, 'allocation_run is append-only: a run cannot be removed');
END;
