-- 0007_indicators.sql - the indicators of plan monitoring, as data.
--
-- Loaded with the plan from data/plan/indicators.csv (see its README): a
-- formula for the numerator and, for a rate, one for the denominator; the
-- value at any organisation is scale * sum(numerator) / sum(denominator)
-- over the schools below it (ratio of sums). scope filters the schools an
-- indicator covers (level=中职|技工). A count target may carry its own
-- formula (G1 counts distinct clusters, A6 the least-served cluster).
CREATE TABLE indicator (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	name_en     TEXT NOT NULL,
	scope       TEXT NOT NULL DEFAULT '',    -- org filters, 'key=v|v, key=v'
	numerator   TEXT NOT NULL,               -- formula
	denominator TEXT,                        -- formula; NULL: the numerator is the value
	scale       REAL NOT NULL DEFAULT 1,     -- 100 for a percentage
	unit        TEXT NOT NULL,
	decimals    INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
	description TEXT,
	seq         INTEGER NOT NULL
);
ALTER TABLE plan_target ADD COLUMN formula TEXT;  -- count targets: overrides count(registry, ...)
